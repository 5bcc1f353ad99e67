#!/usr/bin/env python3
"""Capture round 301 of the compression corpus: signatures, keys, certificates, secrets and licence checks.
The material is the round's own, made by seeded generators under the round's temp dir: GnuPG homes with valid,
expired, revoked and missing keys, detached signatures (some tampered), a git repository of signed commits, an
OpenSSL CA with leaf certificates of many validity windows and broken keys, S/MIME messages (some altered), an
OpenSSH user CA with certificates and `ssh-keygen -Y` signatures, a source tree with planted secrets, Python and
npm dependency sets checked against licence policies.

The extractors are this round's (NEEDLES.md, "Round 301"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide301.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide301.json  as {"version": 2, "items": [...]}, ids prefixed "wide301-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import python_exceptions  # noqa: E402
from capture_wide224 import exit_lines  # noqa: E402

ID_PREFIX = "wide301-"
DEFAULT_OUT = HERE / "data" / "wide301.json"
TMP = Path(os.environ.get("HM_WIDE301_TMP", "/dev/shm/hm-corpus-wide301"))
TOOLS = Path(os.environ.get("HM_WIDE301_TOOLS", "/dev/shm/hm-corpus-wide301-tools"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 301")

HEADER_RE = re.compile(r"^(==>? .+ <?==)$")


def blocks(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    """A loop's blocks: (header line or None, the lines under it up to the next header)."""
    out: list[tuple[str | None, list[str]]] = [(None, [])]
    for ln in lines:
        if HEADER_RE.match(ln.strip()):
            out.append((ln, []))
        else:
            out[-1][1].append(ln)
    return out


def headers_of_failing(lines: list[str], r1) -> list[str]:
    """Loop headers whose block holds a rule-1 line (which file failed)."""
    return [h for h, body in blocks(lines) if h and any(r1(ln) for ln in body)]


def grouped(lines: list[str]) -> list:
    return cm.groups((cm.mask(ln), ln) for ln in lines)


GPG_R1 = re.compile(r"BAD signature|Can't check signature|No public key|error|failed|expired|revoked|not found|"
                    r"no valid OpenPGP data", re.I)


def _gpg_verify(lines):
    out: list = []
    warn = []
    for i, ln in enumerate(lines):
        if HEADER_RE.match(ln.strip()):
            continue
        if GPG_R1.search(ln):
            out.append(ln)
            if re.search(r"BAD signature|Can't check signature", ln):
                out.append(cm.prev_match(lines, i, r"Signature made"))
        elif "WARNING:" in ln:
            warn.append(ln)
        if "Good signature from" in ln:
            out.append(ln)
    out += grouped(warn)
    out += headers_of_failing(lines, lambda s: bool(GPG_R1.search(s)))
    return out + exit_lines(lines)


n_gpg_verify = cm.named("gpg-verify", "log", "rule 1 (BAD/Can't check/No public key/error/failed/expired/revoked/"
                        "not found lines, the Signature made line above each BAD/Can't check), every Good signature "
                        "line, WARNING lines one any per shape, failing loop headers, EXIT", _gpg_verify)
n_gpgv = cm.named("gpgv", "log", "as gpg-verify: rule 1 lines with the Signature made line above each BAD/Can't "
                  "check, every Good signature line, WARNING lines one any per shape, failing loop headers, EXIT",
                  _gpg_verify)

KEY_BAD = re.compile(r"\[expired:|\[revoked:|\bexpired\b|\brevoked\b")


@cm.kind("gpg-check-sigs", "listing")
def n_gpg_check_sigs(lines):
    """bad/unchecked sig lines with the pub/uid above, every gpg: line, expired/revoked pub/sub lines and the uid after each pub"""
    out: list = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^(sig|rev)[-%?]", s) or "[User ID not found]" in s or "[error]" in s:
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if re.match(r"^(pub|uid)\b", lines[k]):
                    out.append(lines[k])
                    break
        if s.startswith("gpg:"):
            out.append(ln)
        if re.match(r"^(pub|sub)\s", ln) and KEY_BAD.search(ln):
            out.append(ln)
            if ln.startswith("pub"):
                out.append(cm.next_match(lines, i, r"^uid\b", ahead=10))
    return out


@cm.kind("gpg-list-keys", "listing")
def n_gpg_list_keys(lines):
    """keyring path line, expired/revoked pub/sec/sub/ssb lines (colon: validity e/r/n/i) with the first uid after, rule 4 on uid validity, gpg: lines"""
    out: list = []
    uids: list[tuple[str, str]] = []
    for i, ln in enumerate(lines):
        if re.match(r"^-{5,}$", ln.strip()) and i > 0:
            out.append(lines[i - 1])
        if re.match(r"^(pub|sec|sub|ssb)\s", ln) and KEY_BAD.search(ln):
            out.append(ln)
            if ln.startswith(("pub", "sec")):
                out.append(cm.next_match(lines, i, r"^uid\b", ahead=10))
        m = re.match(r"^(pub|sec|sub|ssb):([^:]*):", ln)
        if m and m.group(2) in ("e", "r", "n", "i"):
            out.append(ln)
            if m.group(1) in ("pub", "sec"):
                out.append(cm.next_match(lines, i, r"^uid:", ahead=10))
        m = re.match(r"^uid\s+\[\s*([^\]]*?)\s*\]", ln) or re.match(r"^uid:([^:]*):", ln)
        if m:
            uids.append((ln, m.group(1)))
        if ln.strip().startswith("gpg:"):
            out.append(ln)
    if len(uids) >= 3:
        c = Counter(v for _, v in uids)
        top = c.most_common(1)[0][1]
        if top * 2 >= len(uids):
            out += [ln for ln, v in uids if c[v] <= 2]
    return out


GIT_SIG_R1 = re.compile(r"BAD signature|Can't check signature|No public key|expired|revoked|error")


@cm.kind("git-log-show-signature", "git")
def n_git_log_sig(lines):
    """every commit line and subject, rule 1 gpg lines, Good signature lines one any per signer, WARNING lines one any per shape"""
    out: list = []
    good: list[tuple[str, str]] = []
    warn = []
    for i, ln in enumerate(lines):
        if re.match(r"^commit [0-9a-f]{40}", ln):
            out.append(ln)
        if ln.startswith("Date:"):
            for k in range(i + 1, min(len(lines), i + 4)):
                if lines[k].startswith("    ") and lines[k].strip():
                    out.append(lines[k])
                    break
        if ln.startswith("gpg:"):
            if GIT_SIG_R1.search(ln):
                out.append(ln)
            elif "Good signature from" in ln:
                m = re.search(r'"([^"]*)"', ln)
                good.append((m.group(1) if m else ln, ln))
            elif "WARNING:" in ln:
                warn.append(ln)
    out += cm.groups(good)
    out += grouped(warn)
    return out


CMS_R1 = re.compile(r"Verification failure|error:|unable to|Error|\bbad\b|No such file", re.I)


@cm.kind("openssl-cms-verify", "log")
def n_cms_verify(lines):
    """rule 1 (Verification failure, error:, unable to, Error, bad, No such file), every Verification successful line, failing loop headers, EXIT"""
    out = [ln for ln in lines if CMS_R1.search(ln) and not HEADER_RE.match(ln.strip())]
    out += [ln for ln in lines if "Verification successful" in ln]
    out += headers_of_failing(lines, lambda s: bool(CMS_R1.search(s)))
    return out + exit_lines(lines)


PKEY_R1 = re.compile(r"error|could not|unable|invalid|\bbad\b|mismatch|\bnot\b", re.I)


@cm.kind("openssl-pkey-check", "log")
def n_pkey_check(lines):
    """rule 1 (error, Could not, Unable, invalid, bad, mismatch, not), verdict lines (Key is valid, RSA key ok, match) one any per shape, failing loop headers, EXIT"""
    out: list = [ln for ln in lines if PKEY_R1.search(ln) and not HEADER_RE.match(ln.strip())]
    verdicts = [ln for ln in lines if re.search(r"Key is valid|RSA key ok|\bmatch", ln) and not PKEY_R1.search(ln)
                and not HEADER_RE.match(ln.strip())]
    out += grouped(verdicts)
    out += headers_of_failing(lines, lambda s: bool(PKEY_R1.search(s)))
    return out + exit_lines(lines)


CHECKEND_R1 = re.compile(r"unable to load|Could not|error|Expecting", re.I)


def _not_after(ln: str):
    m = re.search(r"notAfter=(\w{3})\s+(\d+) (\d\d:\d\d:\d\d) (\d{4})", ln)
    if not m:
        return None
    return datetime.strptime(f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)}", "%b %d %H:%M:%S %Y")


@cm.kind("openssl-x509-checkend", "log")
def n_checkend(lines):
    """every Certificate will expire line with its subject= and notAfter= lines, rule 1 lines, earliest and latest notAfter, the closing count line, failing loop headers, EXIT"""
    out: list = []
    for i, ln in enumerate(lines):
        if "Certificate will expire" in ln:
            out += [ln, cm.prev_match(lines, i, r"^subject="), cm.prev_match(lines, i, r"^notAfter=")]
        if CHECKEND_R1.search(ln) and not HEADER_RE.match(ln.strip()):
            out.append(ln)
        if re.match(r"^checked \d+", ln):
            out.append(ln)
    dates = [(d, ln) for ln in lines if (d := _not_after(ln))]
    if dates:
        out.append(min(dates, key=lambda t: t[0])[1])
        out.append(max(dates, key=lambda t: t[0])[1])
    out += headers_of_failing(lines, lambda s: bool(CHECKEND_R1.search(s)))
    return out + exit_lines(lines)


SSHL_R1 = re.compile(r"not a certificate|invalid format|No such file|failed|error|Load", re.I)


@cm.kind("ssh-keygen-L", "listing")
def n_ssh_keygen_L(lines):
    """Type/Key ID/Serial/Valid/Signing CA lines, entries under Principals and Critical Options, rule 1 lines, the cert path line of a failing block, loop headers, EXIT"""
    out: list = []
    section = None
    path_line = None
    for ln in lines:
        s = ln.strip()
        if HEADER_RE.match(s):
            section = path_line = None
            continue
        if re.match(r"^\S.*:$", ln):
            path_line, section = ln, None
            continue
        m = re.match(r"^\s+([A-Z][\w ]*):(.*)$", ln)
        if m and re.match(r"^\s{1,11}\S", ln):
            label = m.group(1)
            section = label
            if label in ("Type", "Key ID", "Serial", "Valid", "Signing CA"):
                out.append(ln)
            continue
        if section in ("Principals", "Critical Options") and s and s != "(none)" and re.match(r"^\s{9,}", ln):
            out.append(ln)
        if SSHL_R1.search(ln):
            out.append(ln)
            if path_line:
                out.append(path_line)
    out += headers_of_failing(lines, lambda s: bool(SSHL_R1.search(s)))
    return out + exit_lines(lines)


SSHY_R1 = re.compile(r"Could not|could not|failed|Failed|error|incorrect|invalid|not found|expired|"
                     r"No principal matched|Signature verification failed")


@cm.kind("ssh-keygen-Y-verify", "log")
def n_ssh_keygen_Y(lines):
    """every Good signature line and every principal find-principals printed, rule 1 lines, failing loop headers, EXIT"""
    out: list = []
    for h, body in blocks(lines):
        for ln in body:
            if re.match(r'^Good ".*" signature for', ln) or SSHY_R1.search(ln):
                out.append(ln)
            elif h and "find-principals" in h and ln.strip() and not re.match(r"^EXIT=\d+$", ln.strip()):
                out.append(ln)
    out += headers_of_failing(lines, lambda s: bool(SSHY_R1.search(s)))
    return out + exit_lines(lines)


@cm.kind("detect-secrets-hook", "lint")
def n_ds_hook(lines):
    """every ERROR: line, every Location: line with the Secret Type: line above it, traceback exception lines, EXIT"""
    out: list = []
    for i, ln in enumerate(lines):
        if "ERROR:" in ln:
            out.append(ln)
        if ln.strip().startswith("Location:"):
            out += [ln, cm.prev_match(lines, i, r"Secret Type:", back=2)]
    return out + python_exceptions(lines) + exit_lines(lines)


LIC_R1 = re.compile(r"NOT AUTHORIZED|UNKNOWN|error|Error|not found")


@cm.kind("liccheck", "pkg")
def n_liccheck(lines):
    """NOT AUTHORIZED/UNKNOWN/error/not found lines with the dependency: lines within six after, the count/verdict lines, traceback exception lines, EXIT"""
    out: list = []
    for i, ln in enumerate(lines):
        if LIC_R1.search(ln):
            out.append(ln)
            out += [lines[k] for k in range(i + 1, min(len(lines), i + 7)) if "dependency:" in lines[k]]
        if re.match(r"^\s*(check \w+ packages\.\.\.|\d+ packages\b|gathering licenses)", ln):
            out.append(ln)
    return out + python_exceptions(lines) + exit_lines(lines)


@cm.kind("licensee", "pkg")
def n_licensee(lines):
    """every name@version line whose block says NOT APPROVED with its Terms: line, rule 1 lines, EXIT"""
    out: list = []
    cur = None
    body: list[str] = []

    def flush():
        if cur and any("NOT APPROVED" in b for b in body):
            out.append(cur)
            out.extend(b for b in body if b.strip().startswith("Terms:"))
    for ln in lines:
        if re.match(r"^\S+@\S+$", ln):
            flush()
            cur, body = ln, []
        else:
            body.append(ln)
        if re.search(r"\b(Error|error|Cannot)\b", ln):
            out.append(ln)
    flush()
    return out + exit_lines(lines)


@cm.kind("licensee-ndjson", "json")
def n_licensee_ndjson(lines):
    """every JSON line whose approved is false, rule 1 lines, EXIT"""
    out = [ln for ln in lines if ln.startswith("{") and re.search(r'"approved":\s*false', ln)]
    out += [ln for ln in lines if not ln.startswith("{") and re.search(r"\b(Error|error|Cannot)\b", ln)]
    return out + exit_lines(lines)


@cm.kind("certtool-verify", "log")
def n_certtool_verify(lines):
    """Output:/Chain verification output: lines not Verified with the Subject: above, one any of the Verified lines, certtool:/error lines, Loaded CAs line, failing loop headers, EXIT"""
    out: list = []
    ok = []
    r1 = re.compile(r"certtool:|error|Error")
    for i, ln in enumerate(lines):
        if "Output:" in ln:
            if re.search(r"Output: Verified\.", ln):
                ok.append(ln)
            else:
                out += [ln, cm.prev_match(lines, i, r"Subject:")]
        if r1.search(ln):
            out.append(ln)
        if ln.strip().startswith("Loaded CAs"):
            out.append(ln)
    out.append(cm.any_of(ok))
    out += headers_of_failing(lines, lambda s: bool(r1.search(s) or ("Output:" in s and "Output: Verified." not in s)))
    return out + exit_lines(lines)


# ------------------------------------------------------------------ material and steps

def sh(cmd: str, cwd=None, env: dict | None = None, timeout: int = 300) -> str:
    """A command of the round (the capture itself runs under `nice`, which its children inherit)."""
    return cm.run(cmd, cwd=cwd, env=env, timeout=timeout)


NAMES = ["Ada Quill", "Bram Osei", "Cleo Marsh", "Dev Patel", "Edda Lind", "Farid Noor", "Gia Russo", "Hugo Brandt",
         "Ines Faro", "Jun Sato", "Kofi Mensah", "Lena Vogt", "Milo Keane", "Nadia Haddad", "Omar Reyes"]


def email(name: str) -> str:
    return name.split()[0].lower() + "@release.example.org"


GPG_BASE = "--batch --pinentry-mode loopback --passphrase ''"


def gpg(home: Path, args: str, faked: str | None = None, timeout: int = 120) -> str:
    f = f" --faked-system-time {faked}" if faked else ""
    return sh(f"gpg --homedir {home} {GPG_BASE}{f} {args}", timeout=timeout)


def fpr(home: Path, uid: str) -> str:
    out = cm.run(f"gpg --homedir {home} --batch --with-colons --list-keys '{uid}'")
    m = re.search(r"^fpr:+([0-9A-F]{40}):", out, re.M)
    assert m, out[:300]
    return m.group(1)


def gpg_material(tmp: Path) -> dict:
    """Keys in a maintainer home (A), an outsider home (O), a verifier home (V) holding A's public keys."""
    g = tmp / "gpg"
    A, O, V = g / "maint", g / "outsider", g / "verify"
    for h in (A, O, V):
        h.mkdir(parents=True)
        h.chmod(0o700)
    rnd = random.Random(301)
    keys: dict[str, dict] = {}
    for i, name in enumerate(NAMES):
        uid = f"{name} <{email(name)}>"
        state = "expired" if i in (3, 8, 12) else "revoked" if i == 6 else "valid"
        algo = "rsa2048" if i in (1, 9) else "ed25519"
        if state == "expired":
            gpg(A, f"--quick-gen-key '{uid}' {algo} sign 90d", faked="20200101T000000")
        else:
            gpg(A, f"--quick-gen-key '{uid}' {algo} sign 3y")
        keys[name] = {"uid": uid, "state": state, "home": A, "fpr": fpr(A, email(name))}
    for name in ["Quinn Ashby", "Rosa Lindqvist"]:
        uid = f"{name} <{email(name)}>"
        gpg(O, f"--quick-gen-key '{uid}' ed25519 sign 3y")
        keys[name] = {"uid": uid, "state": "missing", "home": O, "fpr": fpr(O, email(name))}
    # a few certifications: maintainers sign each other, the outsider signs two maintainer keys
    valid = [n for n in NAMES if keys[n]["state"] == "valid"]
    for a, b in zip(valid, valid[1:] + valid[:1]):
        gpg(A, f"--yes --default-key {keys[a]['fpr']} --quick-sign-key {keys[b]['fpr']}")
    cm.run(f"gpg --homedir {A} --batch --export {keys[valid[0]]['fpr']} {keys[valid[2]]['fpr']} > {g}/two.pub")
    gpg(O, f"--import {g}/two.pub")
    for t in (valid[0], valid[2]):
        gpg(O, f"--yes --default-key {keys['Quinn Ashby']['fpr']} --quick-sign-key {keys[t]['fpr']}")
    cm.run(f"gpg --homedir {O} --batch --export {keys[valid[0]]['fpr']} {keys[valid[2]]['fpr']} > {g}/two-signed.pub")
    return {"A": A, "O": O, "V": V, "keys": keys, "rnd": rnd, "g": g}


def gpg_finish(m: dict) -> None:
    """Revoke the revoked key, then hand A's public keys (and the outsider's certifications) to V."""
    A, V, keys, g = m["A"], m["V"], m["keys"], m["g"]
    for name, k in keys.items():
        if k["state"] == "revoked":
            rev = (A / "openpgp-revocs.d" / f"{k['fpr']}.rev").read_text().replace(":-----BEGIN", "-----BEGIN")
            (g / "rev.asc").write_text(rev)
            gpg(A, f"--import {g}/rev.asc")
    cm.run(f"gpg --homedir {A} --batch --export > {g}/maint.pub")
    gpg(V, f"--import {g}/maint.pub")
    gpg(V, f"--import {g}/two-signed.pub")
    cm.run(f"gpg --homedir {V} --batch --export > {g}/trusted.gpg")


def signer_of(m: dict, i: int) -> str:
    rnd = m["rnd"]
    names = list(m["keys"])
    return names[rnd.randrange(len(names))] if i % 4 else names[i % len(names)]


def sign_file(m: dict, name: str, path: Path) -> None:
    k = m["keys"][name]
    faked = "20200201T000000" if k["state"] == "expired" else None
    gpg(k["home"], f"--yes -u {k['fpr']} --armor --detach-sign --output {path}.asc {path}", faked=faked)


def releases(tmp: Path, m: dict) -> Path:
    rel = tmp / "releases"
    rel.mkdir()
    rnd = m["rnd"]
    for i in range(150):
        f = rel / f"pkg-{1 + i // 10}.{i % 10}.{rnd.randrange(5)}.tar.gz"
        f.write_bytes(rnd.randbytes(rnd.randrange(800, 6000)))
        sign_file(m, signer_of(m, i), f)
        if rnd.random() < 0.12:
            with open(f, "ab") as fh:
                fh.write(b"\0")
    (rel / "pkg-99.0.0.tar.gz").write_bytes(b"not signed properly")
    (rel / "pkg-99.0.0.tar.gz.asc").write_text("-----BEGIN PGP SIGNATURE-----\n\nnot base64 at all!!\n-----END PGP SIGNATURE-----\n")
    (rel / "pkg-98.0.0.tar.gz.asc").write_text((rel / f"{f.name}.asc").read_text())
    return rel


def signed_repo(tmp: Path, m: dict) -> Path:
    repo = tmp / "repo"
    repo.mkdir()
    wrap = tmp / "gpgw"
    wrap.write_text('#!/bin/sh\nexec gpg $GPGW_EXTRA "$@"\n')
    wrap.chmod(0o755)
    cm.run("git init -q -b main && git config user.name 'Release Bot' && git config user.email bot@release.example.org",
           cwd=repo)
    rnd = m["rnd"]
    verbs = ["fix", "add", "refactor", "bump", "docs:", "test:", "ci:", "perf:"]
    things = ["parser", "signing step", "release notes", "tarball layout", "keyring refresh", "mirror list",
              "checksum file", "CLI flags", "config loader", "cache eviction"]
    for i in range(110):
        (repo / f"mod{i % 12}.txt").write_text(f"rev {i}\n" + "x" * rnd.randrange(10, 200) + "\n")
        cm.run("git add -A", cwd=repo)
        msg = f"{rnd.choice(verbs)} {rnd.choice(things)} (#{1000 + i})"
        if i % 9 == 4:
            cm.run(f"git commit -q -m '{msg}'", cwd=repo)
            continue
        name = signer_of(m, i)
        k = m["keys"][name]
        env = {"GNUPGHOME": str(k["home"]), "GPGW_EXTRA": "--faked-system-time 20200201T000000"
               if k["state"] == "expired" else ""}
        if k["state"] == "expired":
            env.update({"GIT_AUTHOR_DATE": f"2020-02-01T0{i % 10}:00:00", "GIT_COMMITTER_DATE": f"2020-02-01T0{i % 10}:00:00"})
        cm.run(f"git -c gpg.program={wrap} -c user.signingkey={k['fpr']} commit -S -q -m '{msg}'", cwd=repo, env=env)
    return repo


LOOP_GPG = 'for f in {sel}; do echo "== $f =="; gpg --verify "$f" "${{f%.asc}}"; echo EXIT=$?; done'
LOOP_GPGV = 'for f in {sel}; do echo "== $f =="; gpgv --keyring {kr} "$f" "${{f%.asc}}"; echo EXIT=$?; done'


def step_gpg(tmp: Path) -> None:
    m = gpg_material(tmp)
    rel = releases(tmp, m)
    repo = signed_repo(tmp, m)
    gpg_finish(m)
    V = m["V"]
    env = {"GNUPGHOME": str(V)}
    asc = sorted(p.name for p in rel.glob("*.asc"))
    for iid, sel in [("verify-loop-8", asc[:8]), ("verify-loop-40", asc[40:80]), ("verify-loop-all", asc)]:
        cmd = LOOP_GPG.format(sel=" ".join(sel) if len(sel) < 50 else "*.asc")
        add(f"gpg-{iid}", cmd, sh(cmd, cwd=rel, env=env), n_gpg_verify)
    bad = next((a for a in asc[10:] if "EXIT=1" in sh(LOOP_GPG.format(sel=a), cwd=rel, env=env)), asc[0])
    cmd = f"gpg -v --verify {bad} {bad[:-4]}; echo EXIT=$?"
    add("gpg-verify-one-v", cmd, sh(cmd, cwd=rel, env=env), n_gpg_verify)
    kr = m["g"] / "trusted.gpg"
    for iid, sel in [("gpgv-loop-12", asc[100:112]), ("gpgv-loop-all", asc)]:
        cmd = LOOP_GPGV.format(sel=" ".join(sel) if len(sel) < 50 else "*.asc", kr="../gpg/trusted.gpg")
        add(iid, cmd, sh(cmd, cwd=rel, env=env), n_gpgv)
    cmd = f"gpgv --keyring ../gpg/trusted.gpg {asc[-1]} {asc[-1][:-4]} && gpgv --keyring ../gpg/trusted.gpg pkg-99.0.0.tar.gz.asc pkg-99.0.0.tar.gz; echo EXIT=$?"
    add("gpgv-pair", cmd, sh(cmd, cwd=rel, env=env), n_gpgv)
    add("gpg-check-sigs-all", "gpg --check-sigs", sh("gpg --batch --check-sigs", env=env), n_gpg_check_sigs)
    cmd = f"gpg --check-sigs {email(NAMES[0])} {email(NAMES[2])} {email(NAMES[6])}"
    add("gpg-check-sigs-some", cmd, sh(cmd.replace("gpg ", "gpg --batch ", 1), env=env), n_gpg_check_sigs)
    add("gpg-list-keys", "gpg --list-keys", sh("gpg --batch --list-keys", env=env), n_gpg_list_keys)
    add("gpg-list-keys-colons", "gpg --list-keys --with-colons",
        sh("gpg --batch --list-keys --with-colons", env=env), n_gpg_list_keys)
    add("gpg-list-secret-keys", "gpg --list-secret-keys --keyid-format long",
        sh("gpg --batch --list-secret-keys --keyid-format long", env={"GNUPGHOME": str(m["A"])}), n_gpg_list_keys)
    for iid, cmd in [("git-log-sig-8", "git log --show-signature -n 8"), ("git-log-sig-40", "git log --show-signature -n 40"),
                     ("git-log-sig-all", "git log --show-signature"),
                     ("git-log-sig-stat", "git log --show-signature --stat")]:
        add(iid, cmd, sh(cmd, cwd=repo, env=env), n_git_log_sig)


CA_CNF = """[ca]
default_ca = CA_default
[CA_default]
dir = {d}
database = {d}/index.txt
new_certs_dir = {d}/newcerts
serial = {d}/serial
certificate = {d}/ca.pem
private_key = {d}/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = copy
email_in_dn = no
[policy_any]
organizationName = optional
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
[v3_leaf]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth,clientAuth,emailProtection
"""


def make_ca(d: Path, subj: str, issuer: Path | None = None, start: str = "20240101000000Z",
            end: str = "20340101000000Z") -> None:
    (d / "newcerts").mkdir(parents=True)
    (d / "index.txt").write_text("")
    (d / "serial").write_text("1000\n")
    (d / "ca.cnf").write_text(CA_CNF.format(d=d))
    if issuer is None:
        sh(f"openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {d}/ca.key -out {d}/ca.pem "
           f"-days 3650 -subj '{subj}' -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign")
    else:
        sh(f"openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {d}/ca.key -out {d}/ca.csr -subj '{subj}'")
        sh(f"openssl ca -batch -config {issuer}/ca.cnf -extensions v3_ca -startdate {start} -enddate {end} "
           f"-in {d}/ca.csr -out {d}/ca.pem -notext")


def issue(ca: Path, out: Path, cn: str, start: str, end: str, rsa: bool = False) -> None:
    kopt = "rsa:2048" if rsa else "ec -pkeyopt ec_paramgen_curve:P-256"
    sh(f"openssl req -new -newkey {kopt} -nodes -keyout {out}.key -out {out}.csr -subj '/O=Round301 Services/CN={cn}' "
       f"-addext subjectAltName=DNS:{cn}")
    sh(f"openssl ca -batch -config {ca}/ca.cnf -extensions v3_leaf -startdate {start} -enddate {end} "
       f"-in {out}.csr -out {out}.pem -notext")


def ts(d: datetime) -> str:
    return d.strftime("%Y%m%d%H%M%SZ")


def pki(tmp: Path) -> dict:
    from datetime import timedelta
    p = tmp / "pki"
    root, inter, rogue = p / "root", p / "inter", p / "rogue"
    make_ca(root, "/O=Round301/CN=Round301 Root CA")
    make_ca(inter, "/O=Round301/CN=Round301 Issuing CA 1", issuer=root)
    make_ca(rogue, "/O=Elsewhere Ltd/CN=Elsewhere Test CA")
    certs = p / "certs"
    certs.mkdir()
    rnd = random.Random(3011)
    now = datetime.utcnow().replace(microsecond=0)
    kinds = {}
    hosts = ["api", "auth", "billing", "cdn", "db", "grafana", "ldap", "mail", "mq", "registry", "search", "vault",
             "web", "wiki", "ci", "sso"]
    for i in range(96):
        cn = f"{hosts[i % len(hosts)]}-{i // len(hosts) + 1:02d}.svc.round301.example"
        r = rnd.random()
        if r < 0.09:
            kind, start, end = "expired", now - timedelta(days=800), now - timedelta(days=rnd.randrange(2, 300))
        elif r < 0.17:
            kind, start, end = "soon", now - timedelta(days=360), now + timedelta(days=rnd.randrange(1, 25))
        elif r < 0.21:
            kind, start, end = "future", now + timedelta(days=rnd.randrange(5, 60)), now + timedelta(days=500)
        else:
            kind, start, end = "ok", now - timedelta(days=rnd.randrange(10, 300)), now + timedelta(days=rnd.randrange(90, 820))
        ca = rogue if i % 31 == 17 else inter
        issue(ca, certs / f"{i:03d}-{cn.split('.')[0]}", cn, ts(start), ts(end), rsa=(i % 23 == 5))
        kinds[i] = kind
    (certs / "097-legacy.pem").write_text("-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----\n")
    (certs / "098-empty.pem").write_text("")
    (certs / "099-key-not-cert.pem").write_text(sorted(certs.glob("*.key"))[0].read_text())
    return {"p": p, "root": root, "inter": inter, "rogue": rogue, "certs": certs, "rnd": rnd}


CHECKEND = ('n=0; e=0; for c in {sel}; do n=$((n+1)); echo "== $c =="; openssl x509 -noout -subject -enddate '
            '-checkend 2592000 -in "$c" || e=$((e+1)); done; echo "checked $n certificates, $e expire within 30 days or '
            'could not be read"; echo EXIT=$?')


def step_openssl(tmp: Path) -> None:
    k = pki(tmp)
    certs, p = k["certs"], k["p"]
    pems = sorted(c.name for c in certs.glob("*.pem"))
    for iid, sel in [("checkend-12", pems[:12]), ("checkend-40", pems[40:80]), ("checkend-all", ["*.pem"])]:
        cmd = CHECKEND.format(sel=" ".join(sel))
        add(f"openssl-{iid}", cmd, sh(cmd, cwd=certs), n_checkend)
    # keys: good, broken, mismatched
    keys = p / "keys"
    keys.mkdir()
    src = sorted(certs.glob("*.key"))
    rnd = k["rnd"]
    for i, kf in enumerate(src[:30]):
        body = kf.read_text()
        name = kf.name
        if i % 7 == 3:
            body = body[: len(body) // 2] + "\n-----END PRIVATE KEY-----\n"
            name = name.replace(".key", "-truncated.key")
        elif i % 11 == 6:
            lines = body.splitlines()
            lines[2] = lines[2][:10] + "!!" + lines[2][12:]
            body = "\n".join(lines) + "\n"
            name = name.replace(".key", "-edited.key")
        (keys / name).write_text(body)
    sh(f"openssl pkey -in {src[0]} -pubout -out {keys}/zz-public-only.key")
    sh(f"openssl pkey -in {src[1]} -aes256 -passout pass:hunter2 -out {keys}/zz-encrypted.key")
    (keys / "zz-empty.key").write_text("")
    loop = ('for k in {sel}; do echo "== $k =="; openssl pkey -check -noout -passin pass: -in "$k"; echo EXIT=$?; done')
    names = sorted(x.name for x in keys.iterdir())
    add("openssl-pkey-check-10", loop.format(sel=" ".join(names[:10])), sh(loop.format(sel=" ".join(names[:10])), cwd=keys),
        n_pkey_check)
    add("openssl-pkey-check-all", loop.format(sel="*.key"), sh(loop.format(sel="*.key"), cwd=keys), n_pkey_check)
    rsa = [c.name for c in src if "2048 bit" in sh(f"openssl pkey -in {c} -noout -text | head -1")]
    sel = [f"certs/{r}" for r in rsa] + [f"certs/{src[0].name}", "keys/*-truncated.key", "keys/*-edited.key", "keys/zz-*.key"]
    cmd = 'for k in ' + " ".join(sel) + '; do echo "== $k =="; openssl rsa -check -noout -passin pass: -in "$k"; echo EXIT=$?; done'
    add("openssl-rsa-check", cmd, sh(cmd, cwd=p), n_pkey_check)
    # which key belongs to which certificate (a few swapped)
    pairs = p / "deploy"
    pairs.mkdir()
    for i, c in enumerate(sorted(certs.glob("0[0-4]*.pem"))[:45]):
        kf = c.with_suffix(".key")
        if not kf.exists():
            continue
        (pairs / c.name.replace(".pem", ".crt")).write_text(c.read_text())
        other = src[(i + 5) % len(src)] if i % 10 == 7 else kf
        (pairs / c.name.replace(".pem", ".key")).write_text(other.read_text())
    match = ('for c in {sel}; do k="${{c%.crt}}.key"; echo "== $c =="; a=$(openssl x509 -noout -pubkey -in "$c" | sha256sum); '
             'b=$(openssl pkey -pubout -in "$k" | sha256sum); if [ "$a" = "$b" ]; then echo "match: $k"; '
             'else echo "MISMATCH: $k does not match $c"; fi; done; echo EXIT=$?')
    add("openssl-key-match", match.format(sel="*.crt"), sh(match.format(sel="*.crt"), cwd=pairs), n_pkey_check)
    # S/MIME messages
    mail = p / "mail"
    mail.mkdir()
    leafs = [c for c in sorted(certs.glob("0*.pem")) if c.with_suffix(".key").exists()][:24]
    for i, c in enumerate(leafs):
        msg = mail / f"msg-{i:02d}.txt"
        msg.write_text(f"Release manifest {i}\n" + "".join(f"sha256 {rnd.randbytes(32).hex()}  pkg-{i}-{j}.tar.gz\n"
                                                              for j in range(rnd.randrange(3, 12))))
        sh(f"openssl cms -sign -in {msg} -signer {c} -inkey {c.with_suffix('.key')} -certfile {k['inter']}/ca.pem "
           f"-out {mail}/msg-{i:02d}.eml")
        if i % 5 == 2:
            t = (mail / f"msg-{i:02d}.eml").read_text().replace("Release manifest", "Release  manifest", 1)
            (mail / f"msg-{i:02d}.eml").write_text(t)
        if i == 13:
            t = (mail / f"msg-{i:02d}.eml").read_text().splitlines()
            t = [ln[:20] + "@@@@" + ln[24:] if len(ln) > 60 and "=" not in ln else ln for ln in t]
            (mail / f"msg-{i:02d}.eml").write_text("\n".join(t) + "\n")
    cms = ('for m in {sel}; do echo "== $m =="; openssl {tool} -verify -in "$m" -CAfile ../root/ca.pem -out /dev/null; '
           'echo EXIT=$?; done')
    emls = sorted(x.name for x in mail.glob("*.eml"))
    for iid, tool, sel in [("cms-verify-6", "cms", emls[:6]), ("cms-verify-all", "cms", emls),
                           ("smime-verify-12", "smime", emls[6:18])]:
        cmd = cms.format(sel=" ".join(sel), tool=tool)
        add(f"openssl-{iid}", cmd, sh(cmd, cwd=mail), n_cms_verify)
    # GnuTLS certtool on chains
    if not cm.have("certtool", "certtool-verify"):
        return
    chains = p / "chains"
    chains.mkdir()
    for c in sorted(certs.glob("0*.pem"))[:40]:
        try:
            body = c.read_text()
        except OSError:
            continue
        if "BEGIN CERTIFICATE" not in body or len(body) < 200:
            continue
        (chains / c.name.replace(".pem", "-chain.pem")).write_text(body + (k["inter"] / "ca.pem").read_text())
    (chains / "zz-broken-chain.pem").write_text("-----BEGIN CERTIFICATE-----\nMIIBroken\n-----END CERTIFICATE-----\n")
    ct = ('for c in {sel}; do echo "== $c =="; certtool --verify --load-ca-certificate ../root/ca.pem --infile "$c"; '
          'echo EXIT=$?; done')
    ch = sorted(x.name for x in chains.iterdir())
    for iid, sel in [("certtool-verify-5", ch[:5]), ("certtool-verify-all", ["*.pem"])]:
        cmd = ct.format(sel=" ".join(sel))
        add(iid, cmd, sh(cmd, cwd=chains), n_certtool_verify)
    cmd = f"certtool --verify-chain --infile {ch[3]}; echo EXIT=$?; certtool --verify-chain --infile {ch[7]}; echo EXIT=$?"
    add("certtool-verify-chain", cmd, sh(cmd, cwd=chains), n_certtool_verify)


def step_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir()
    rnd = random.Random(30101)
    sh(f"ssh-keygen -q -t ed25519 -N '' -C 'round301 user CA' -f {d}/user_ca")
    sh(f"ssh-keygen -q -t ed25519 -N '' -C 'round301 host CA' -f {d}/host_ca")
    users = [n.split()[0].lower() for n in NAMES]
    allowed = []
    for i, u in enumerate(users):
        t = "rsa -b 2048" if i % 6 == 1 else "ecdsa" if i % 6 == 4 else "ed25519"
        sh(f"ssh-keygen -q -t {t} -N '' -C '{u}@laptop' -f {d}/{u}")
        validity = ["20200101:20200201", "-1d:+52w", "+30d:+60w", "always:forever", "-5w:+1d"][i % 5]
        opts = ""
        if i % 3 == 0:
            opts += " -O force-command=/usr/local/bin/deploy-only"
        if i % 4 == 1:
            opts += f" -O source-address=10.{i}.0.0/16,192.168.{i}.0/24"
        if i % 5 == 3:
            opts += " -O no-port-forwarding -O no-agent-forwarding"
        princ = f"{u},deploy" if i % 2 else u
        sh(f"ssh-keygen -q -s {d}/user_ca -I '{u}@round301' -n {princ} -z {100 + i} -V {validity}{opts} {d}/{u}.pub")
        vb = ' valid-before="20200101"' if i % 7 == 5 else ""
        ns = 'namespaces="git,file"' if i % 4 else 'namespaces="git"'
        if i % 8 != 7:
            allowed.append(f"{u}@round301.example {ns}{vb} " + (d / f"{u}.pub").read_text().strip())
    sh(f"ssh-keygen -q -t ed25519 -N '' -f {d}/build-host")
    sh(f"ssh-keygen -q -s {d}/host_ca -h -I build-host -n build.round301.example,10.0.0.8 -V -1w:+26w {d}/build-host.pub")
    (d / "allowed_signers").write_text("\n".join(allowed) + "\n")
    (d / "broken-cert.pub").write_text("ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAA broken\n")
    certs = sorted(x.name for x in d.glob("*-cert.pub"))
    loop = 'for c in {sel}; do echo "== $c =="; ssh-keygen -L -f "$c"; echo EXIT=$?; done'
    add("ssh-keygen-L-3", loop.format(sel=" ".join(certs[:3])), sh(loop.format(sel=" ".join(certs[:3])), cwd=d), n_ssh_keygen_L)
    sel = "*-cert.pub ada.pub missing-cert.pub"
    add("ssh-keygen-L-all", loop.format(sel=sel), sh(loop.format(sel=sel), cwd=d), n_ssh_keygen_L)
    one = certs[4]
    add("ssh-keygen-L-one", f"ssh-keygen -L -f {one}", sh(f"ssh-keygen -L -f {one}", cwd=d), n_ssh_keygen_L)
    # ssh signatures over release files
    files = d / "files"
    files.mkdir()
    jobs = []
    for i in range(28):
        u = users[i % len(users)]
        f = files / f"artifact-{i:02d}.tar.gz"
        f.write_bytes(rnd.randbytes(rnd.randrange(500, 3000)))
        ns = "file" if i % 9 != 4 else "git"
        sh(f"ssh-keygen -q -Y sign -f {d}/{u} -n {ns} {f}")
        ident = f"{u}@round301.example" if i % 11 != 3 else f"{users[(i + 1) % len(users)]}@round301.example"
        if i % 6 == 5:
            with open(f, "ab") as fh:
                fh.write(b"x")
        jobs.append((f.name, ident))
    verify = [f'echo "== {fn} =="; ssh-keygen -Y verify -f ../allowed_signers -I {ident} -n file -s {fn}.sig < {fn}; echo EXIT=$?'
              for fn, ident in jobs]
    add("ssh-Y-verify-8", "; ".join(verify[:8]), sh("; ".join(verify[:8]), cwd=files), n_ssh_keygen_Y)
    add("ssh-Y-verify-all", "; ".join(verify), sh("; ".join(verify), cwd=files), n_ssh_keygen_Y)
    fp = [f'echo "== find-principals {fn} =="; ssh-keygen -Y find-principals -f ../allowed_signers -s {fn}.sig; echo EXIT=$?; '
          f'echo "== check-novalidate {fn} =="; ssh-keygen -Y check-novalidate -n file -s {fn}.sig < {fn}; echo EXIT=$?'
          for fn, _ in jobs[:12]]
    add("ssh-Y-find-principals", "; ".join(fp), sh("; ".join(fp), cwd=files), n_ssh_keygen_Y)


SECRET_MAKERS = [
    lambda r: f'AWS_ACCESS_KEY_ID = "AKIA{"".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))}"',
    lambda r: f'aws_secret_access_key = "{"".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/") for _ in range(40))}"',
    lambda r: f'password = "{"".join(r.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(14))}"',
    lambda r: f'SLACK_TOKEN = "xoxb-{r.randrange(10**11, 10**12)}-{r.randrange(10**11, 10**12)}-{"".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(24))}"',
    lambda r: f'GITHUB_TOKEN = "ghp_{"".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(36))}"',
    lambda r: f'STRIPE_KEY = "sk_live_{"".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(24))}"',
    lambda r: f'DATABASE_URL = "postgres://app:{"".join(r.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))}@db.internal:5432/app"',
    lambda r: f'signing_secret = "{r.randbytes(20).hex()}"',
    lambda r: "-----BEGIN RSA PRIVATE KEY-----",
]


def secrets_tree(root: Path, n_files: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    files = []
    for i in range(n_files):
        ext = rnd.choice(["py", "py", "yaml", "env", "js", "ini"])
        rel = f"{rnd.choice(['app', 'deploy', 'scripts', 'tests', 'config'])}/mod_{i:03d}.{ext}"
        lines = []
        for j in range(rnd.randrange(20, 80)):
            if rnd.random() < 0.05:
                s = rnd.choice(SECRET_MAKERS)(rnd)
                if ext in ("yaml",):
                    s = s.replace(" = ", ": ")
                if rnd.random() < 0.15:
                    s += "  # pragma: allowlist secret"
                lines.append(s)
            else:
                lines.append(f"value_{j} = compute({j}, 'plain text {rnd.randrange(1000)}')")
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(lines) + "\n")
        files.append(rel)
    return files


def step_secrets(tmp: Path) -> None:
    root = tmp / "svc"
    files = secrets_tree(root, 90, 3012)
    sh("git init -q && git add -A", cwd=root)
    small = " ".join(files[:12])
    add("ds-hook-12", f"detect-secrets-hook {small}; echo EXIT=$?",
        sh(f"detect-secrets-hook {small}; echo EXIT=$?", cwd=root), n_ds_hook)
    allf = " ".join(files)
    add("ds-hook-all", "detect-secrets-hook $(git ls-files); echo EXIT=$?",
        sh(f"detect-secrets-hook {allf}; echo EXIT=$?", cwd=root), n_ds_hook)
    sh(f"detect-secrets scan {' '.join(files[:45])} > .secrets.baseline", cwd=root)
    more = secrets_tree(root / "new", 30, 3013)
    sh("git add -A", cwd=root)
    sel = " ".join(files[:45] + [f"new/{x}" for x in more])
    add("ds-hook-baseline", "detect-secrets-hook --baseline .secrets.baseline $(git diff --cached --name-only); echo EXIT=$?",
        sh(f"detect-secrets-hook --baseline .secrets.baseline {sel}; echo EXIT=$?", cwd=root), n_ds_hook)


STRATEGIES = {
    "permissive": "[Licenses]\nauthorized_licenses:\n    mit\n    bsd\n    new bsd\n    bsd license\n    isc\n    "
                  "python software foundation\n\nunauthorized_licenses:\n    gpl v3\n    agpl\n    apache software license\n"
                  "    apache 2.0\n    apache-2.0\n",
    "strict": "[Licenses]\nauthorized_licenses:\n    mit\n\nunauthorized_licenses:\n    gpl\n    lgpl\n    mpl\n\n"
              "[Authorized Packages]\nliccheck: >=0.9\n",
    "apache": "[Licenses]\nauthorized_licenses:\n    apache software license\n    apache 2.0\n    apache-2.0\n    "
              "apache license 2.0\n    bsd\n    mit\n    mit license\n\nunauthorized_licenses:\n    gpl\n    "
              "mozilla public license 2.0 (mpl 2.0)\n",
}


def step_licences(tmp: Path) -> None:
    venv = TOOLS / "licvenv"
    d = tmp / "lic"
    d.mkdir()
    freeze = sh(f"{venv}/bin/pip freeze --all", env=cm.PIP_ENV)
    reqs = [ln for ln in freeze.splitlines() if "==" in ln and not ln.startswith(("pip==", "setuptools=="))]
    (d / "requirements.txt").write_text("\n".join(reqs) + "\n")
    (d / "requirements-app.txt").write_text("requests>=2.28\nparamiko\nchardet\nrich\ntext-unidecode\n")
    (d / "requirements-missing.txt").write_text("requests>=2.28\nleftpad-unknown==0.0.1\n")
    for name, body in STRATEGIES.items():
        (d / f"{name}.ini").write_text(body)
    for iid, cmd in [("liccheck-permissive", "liccheck -s permissive.ini -r requirements.txt; echo EXIT=$?"),
                     ("liccheck-strict", "liccheck -s strict.ini -r requirements.txt -l PARANOID; echo EXIT=$?"),
                     ("liccheck-apache-app", "liccheck -s apache.ini -r requirements-app.txt -l CAUTIOUS; echo EXIT=$?"),
                     ("liccheck-missing", "liccheck -s permissive.ini -r requirements-missing.txt; echo EXIT=$?")]:
        add(iid, cmd, sh(cmd, cwd=d, env={"PATH": f"{venv}/bin:" + os.environ["PATH"]}), n_liccheck)
    js = TOOLS / "js"
    conf = js / ".licensee.json"
    only_mit = '{"licenses": {"spdx": ["MIT"]}, "packages": {}, "corrections": false}\n'
    some = ('{"licenses": {"spdx": ["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause"]}, '
            '"packages": {"spdx-exceptions": "*"}, "corrections": false}\n')
    for iid, cfg, cmd, ext in [
            ("licensee-mit", only_mit, "npx licensee; echo EXIT=$?", n_licensee),
            ("licensee-errors-only", some, "npx licensee --errors-only; echo EXIT=$?", n_licensee),
            ("licensee-osi-prod", None, "npx licensee --osi --production --errors-only; echo EXIT=$?", n_licensee),
            ("licensee-blueoak", None, "npx licensee --blueoak=gold --errors-only; echo EXIT=$?", n_licensee),
            ("licensee-ndjson", some, "npx licensee --ndjson; echo EXIT=$?", n_licensee_ndjson),
            ("licensee-ndjson-mit", only_mit, "npx licensee --ndjson --errors-only; echo EXIT=$?", n_licensee_ndjson)]:
        conf.unlink(missing_ok=True)
        if cfg:
            conf.write_text(cfg)
        add(iid, f"cat .licensee.json; {cmd}" if cfg else cmd, (cfg or "") + sh(cmd, cwd=js) if cfg else sh(cmd, cwd=js), ext)
    conf.unlink(missing_ok=True)


def ensure_tools() -> None:
    """The round's tools: Debian's gnutls-bin (certtool), a venv of detect-secrets and liccheck, npm's licensee."""
    cm.ensure_apt("certtool", "gnutls-bin")
    cm.install_venv(TOOLS / "venv", "liccheck", ["detect-secrets", "liccheck", "spdx-tools"])
    cm.install_venv(TOOLS / "licvenv", "liccheck", ["liccheck", "requests", "pyyaml", "click", "rich", "attrs", "jinja2",
                                                   "chardet", "certifi", "paramiko", "python-dateutil", "text-unidecode"])
    cm.install_npm(TOOLS / "js", "licensee", ["licensee", "lodash@4.17.15", "minimist@1.2.0", "node-fetch@2.6.0"])
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin")]


def steps() -> list:
    return [step_gpg, step_openssl, step_ssh, step_secrets, step_licences]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide301", sys.modules["__main__"])
    main()
