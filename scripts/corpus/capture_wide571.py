#!/usr/bin/env python3
"""Round 571: round 562's security and supply-chain kinds again, on a windmill (`postmill`, seeds 57110-57116:
sails, millstones, millers): git-secrets scans of repositories with planted fake secrets in other files and commits,
an OpenSSL CA with two intermediates (expired and not-yet-valid leaves, a wrong intermediate, another revocation mix),
OCSP, PKCS#7 bundles, release signatures checked by `openssl dgst` (RSA, SHA-512), minisign and signify, and
retire.js over vendored made-up libraries against a repository file written here. No rule is new: every extractor is
round 562's, imported. See NEEDLES.md, round 571.

Usage:   .venv/bin/python scripts/corpus/capture_wide571.py
Writes:  scripts/corpus/data/wide571.json, ids prefixed "wide571-".
Tools:   the machine's openssl, Debian's git-secrets, minisign and signify-openbsd (run as `signify` through a
         symlink), retire@5 from npm in /dev/shm/hm-corpus-wide571/js (made once).
"""
from __future__ import annotations

import json
import random
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide562 as w562  # noqa: E402  (round 562's extractors, by module and function)

n_git_secrets_scan = w562.n_git_secrets_scan
n_git_secrets_history = w562.n_git_secrets_history
n_openssl_ca = w562.n_openssl_ca
n_openssl_ocsp = w562.n_openssl_ocsp
n_openssl_pkcs7 = w562.n_openssl_pkcs7
n_openssl_dgst = w562.n_openssl_dgst
n_minisign = w562.n_minisign
n_signify = w562.n_signify
n_retire = w562.n_retire
n_retire_json = w562.n_retire_json

ROOT = Path("/dev/shm/hm-corpus-wide571")
TMP = Path("/dev/shm/hm-corpus-wide571-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide571.json"
SEED = 57110
S = cm.Sized(400, 120_000)

# ================================================================== material (all fake)

PARTS = ["common-sail", "spring-sail", "patent-sail", "bedstone", "runner-stone", "stone-nut", "great-spur",
         "brake-wheel", "wind-shaft", "tail-wind", "sack-hoist", "meal-bin", "hopper", "governor"]
MILLERS = ["ezra", "bathsheba", "jethro", "lavinia", "amos", "dorcas", "gideon", "philippa", "enoch", "winifred"]


def rnd(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def fake_akid(rng):
    return "AKIA" + rnd(rng, string.ascii_uppercase + "234567", 16)


def fake_secret(rng):
    return rnd(rng, string.ascii_letters + string.digits + "/+", 40)


def fake_mill_key(rng):
    return "postmill_key_" + rnd(rng, string.ascii_uppercase + string.digits, 20)


def fake_pass(rng):
    return rnd(rng, string.ascii_letters + string.digits + "!#%", 14)


def secret_line(rng, ext: str) -> str:
    """One planted secret, written in the file type's own syntax."""
    which = rng.randrange(5)
    if which == 0:
        key, val = "AWS_ACCESS_KEY_ID", fake_akid(rng)
    elif which == 1:
        key, val = "aws_secret_access_key", fake_secret(rng)
    elif which == 2:
        key, val = "MILL_API_KEY", fake_mill_key(rng)
    elif which == 3:
        key, val = "MILLER_PASS", fake_pass(rng)
    else:
        key, val = "MILL_API_KEY", "postmill_key_EXAMPLE0000000000000"  # allowed by .gitallowed
    if ext == ".env" or ext == ".sh":
        return f"{'export ' if ext == '.sh' else ''}{key}={val}" if key != "aws_secret_access_key" else f"{key}={val}"
    if ext == ".yaml":
        return f"{key.lower()}: {val}" if key != "MILLER_PASS" else f"MILLER_PASS={val}  # yaml env line"
    if ext == ".ini":
        return f"{key.lower()} = {val}" if key != "MILLER_PASS" else f"MILLER_PASS={val}"
    if ext == ".json":
        return f'  "{key}": "{val}",' if key != "MILLER_PASS" else f'  "env": "MILLER_PASS={val}",'
    return f'  {key.lower()} = "{val}"' if key != "MILLER_PASS" else f'  env = "MILLER_PASS={val}"'  # .tf


KINDS_OF_FILE = [("env", ".env"), ("settings", ".yaml"), ("settings", ".ini"), ("sails", ".json"),
                 ("deploy", ".sh"), ("infra", ".tf")]


def file_body(rng, part: str, ext: str, rev: int, leak: bool) -> str:
    n = rng.randint(3, 10)
    if ext == ".json":
        rows = [f'  "part": "{part}",', f'  "revision": {rev},', f'  "miller": "{rng.choice(MILLERS)}",']
        rows += [f'  "sail_{k}_degrees": {rng.randint(5, 40)},' for k in range(n)]
        if leak:
            rows.append(secret_line(rng, ext))
        return "{\n" + "\n".join(rows) + '\n  "end": true\n}\n'
    if ext == ".tf":
        rows = [f'resource "mill_part" "{part.replace("-", "_")}" {{', f'  revision = {rev}']
        rows += [f'  stone_gap_{k} = {rng.randint(1, 9)}' for k in range(n)]
        if leak:
            rows.append(secret_line(rng, ext))
        return "\n".join(rows) + "\n}\n"
    if ext == ".sh":
        rows = ["#!/bin/sh", f"# {part}: start the sails, revision {rev}", "set -eu"]
        rows += [f"echo 'turn {k}: {rng.randint(2, 30)} rpm'" for k in range(n)]
        if leak:
            rows.insert(3, secret_line(rng, ext))
        return "\n".join(rows) + "\n"
    if ext == ".yaml":
        rows = [f"part: {part}", f"revision: {rev}", f"miller: {rng.choice(MILLERS)}", "stones:"]
        rows += [f"  - gap_mm: {rng.randint(1, 9)}" for _ in range(n)]
        if leak:
            rows.append(secret_line(rng, ext))
        return "\n".join(rows) + "\n"
    if ext == ".ini":
        rows = [f"[{part}]", f"revision = {rev}", f"miller = {rng.choice(MILLERS)}"]
        rows += [f"sack_{k}_weight = {rng.randint(20, 60)}" for k in range(n)]
        if leak:
            rows.append(secret_line(rng, ext))
        return "\n".join(rows) + "\n"
    rows = [f"PART={part}", f"REVISION={rev}"] + [f"HOIST_{k}_LOAD={rng.randint(1, 99)}" for k in range(n)]
    if leak:
        rows.append(secret_line(rng, ext))
    return "\n".join(rows) + "\n"


def make_repo(d: Path, rng: random.Random, n_files: int, n_commits: int, leak_p: float) -> list:
    """A repository whose secrets are added in middle commits and mostly removed later (history only),
    with one commit on a second branch; returns the working tree's files."""
    d.mkdir(parents=True)
    cm.run("git init -q -b main && git config user.email miller@postmill.test && git config user.name 'Mill Clerk'"
           " && git secrets --register-aws && git secrets --add 'postmill_key_[A-Z0-9]{20}'"
           " && git secrets --add 'MILLER_PASS=[^[:space:]]{8,}'", cwd=d)
    (d / ".gitallowed").write_text("postmill_key_EXAMPLE0000000000000\n")
    paths = []
    for f in range(n_files):
        sub, ext = KINDS_OF_FILE[f % len(KINDS_OF_FILE)]
        part = PARTS[f % len(PARTS)]
        name = f".env.{part}" if ext == ".env" else f"{part}-{f}{ext}"
        paths.append((d / sub / name, ext))
    for c in range(n_commits):
        middle = 0 < c < n_commits - 1
        for f, (p, ext) in enumerate(paths):
            if c and rng.random() > 0.4:
                continue
            p.parent.mkdir(exist_ok=True)
            leak = rng.random() < (leak_p if middle else leak_p / 4)
            p.write_text(file_body(rng, PARTS[f % len(PARTS)], ext, c, leak))
        (d / "README.md").write_text(f"# {d.name}\n\nPost mill settings, revision {c}.\n")
        date = f"2025-{1 + c % 12:02d}-{10 + c % 18}T09:00:00Z"
        cm.run(f"git add -A && GIT_AUTHOR_DATE='{date}' GIT_COMMITTER_DATE='{date}' "
               f"git commit -q -m 'Sails and stones: revision {c}' --no-verify", cwd=d)
        if c == n_commits // 2:
            cm.run("git checkout -q -b sails-rework", cwd=d)
            p, ext = paths[rng.randrange(len(paths))]
            p.write_text(p.read_text() + secret_line(rng, ext) + "\n")
            cm.run("git commit -q -am 'Sails: rework (wip)' --no-verify && git checkout -q main", cwd=d)
    # the last commit removes most secrets from the tree: they stay in history
    for p, _ in paths:
        if p.exists() and rng.random() < 0.7:
            p.write_text("\n".join(ln for ln in p.read_text().splitlines()
                                   if not any(k in ln.upper() for k in ("KEY", "PASS"))) + "\n")
    cm.run("git add -A && git commit -q -m 'Remove credentials from settings' --no-verify", cwd=d)
    return paths


def step_git_secrets(tmp: Path) -> None:
    rng = random.Random(SEED)
    for label, nf, nc, lp in [("s", 8, 3, 0.5), ("m", 30, 5, 0.35), ("l", 72, 7, 0.3)]:
        d = tmp / f"mill-{label}"
        make_repo(d, rng, nf, nc, lp)
        (d / "local.env").write_text(f"MILLER_PASS={fake_pass(rng)}\nAWS_ACCESS_KEY_ID={fake_akid(rng)}\n")
        S.cap(f"git-secrets-scan-{label}", "git secrets --scan -r .", d, n_git_secrets_scan)
        S.cap(f"git-secrets-history-{label}", "git secrets --scan-history", d, n_git_secrets_history)
    d = tmp / "mill-l"
    S.cap("git-secrets-scan-files", "git secrets --scan settings/*.yaml settings/*.ini deploy/*.sh local.env", d,
          n_git_secrets_scan)
    d = tmp / "mill-m"
    for k in range(12):
        sub, ext = KINDS_OF_FILE[k % len(KINDS_OF_FILE)]
        p = d / sub / f"staged-{PARTS[k % len(PARTS)]}-{k}{ext if ext != '.env' else '.conf'}"
        p.parent.mkdir(exist_ok=True)
        p.write_text(file_body(rng, PARTS[k % len(PARTS)], ext, 99, rng.random() < 0.6))
    cm.run("git add -A", cwd=d)
    S.cap("git-secrets-scan-cached", "git secrets --scan --cached", d, n_git_secrets_scan)


CA_CNF = """[ ca ]
default_ca = millca
[ millca ]
dir = {d}
database = $dir/index-{idx}.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial-{idx}
crlnumber = $dir/crlnumber-{idx}
certificate = $dir/{cert}
private_key = $dir/{key}
default_md = sha256
default_days = 365
default_crl_days = 3
policy = policy_mill
unique_subject = no
copy_extensions = copy
x509_extensions = leaf
[ policy_mill ]
countryName = match
organizationName = match
organizationalUnitName = optional
commonName = supplied
[ leaf ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth, clientAuth
authorityInfoAccess = OCSP;URI:http://127.0.0.1:18571
[ ocsp ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = OCSPSigning
[ v3_ca ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
"""

EC = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes"


def make_ca(d: Path) -> None:
    """A root, the sails and the millstones intermediates (own databases), an OCSP signer under sails;
    wrong.cnf names the millstones certificate with the sails key."""
    d.mkdir(parents=True)
    (d / "newcerts").mkdir()
    for idx, first in (("sails", "1A00"), ("stones", "5B00")):
        (d / f"index-{idx}.txt").write_text("")
        (d / f"serial-{idx}").write_text(first + "\n")
        (d / f"crlnumber-{idx}").write_text("10\n")
    (d / "sails.cnf").write_text(CA_CNF.format(d=d, idx="sails", cert="sails.pem", key="sails.key"))
    (d / "stones.cnf").write_text(CA_CNF.format(d=d, idx="stones", cert="stones.pem", key="stones.key"))
    (d / "wrong.cnf").write_text(CA_CNF.format(d=d, idx="sails", cert="stones.pem", key="sails.key"))
    cm.run(f"openssl req -x509 {EC} -keyout root.key -out root.pem -days 7300 "
           "-subj '/C=NL/O=Postmill/CN=Postmill Root CA' -addext basicConstraints=critical,CA:TRUE "
           "-addext keyUsage=critical,keyCertSign,cRLSign"
           f" && openssl req {EC} -keyout sails.key -out sails.csr -subj '/C=NL/O=Postmill/CN=Postmill Sails CA'"
           " && openssl x509 -req -in sails.csr -CA root.pem -CAkey root.key -set_serial 0x11 -days 3650 -out sails.pem"
           " -extfile sails.cnf -extensions v3_ca"
           f" && openssl req {EC} -keyout stones.key -out stones.csr -subj '/C=NL/O=Postmill/CN=Postmill Millstones CA'"
           " && openssl x509 -req -in stones.csr -CA root.pem -CAkey root.key -set_serial 0x12 -days 3650"
           " -out stones.pem -extfile stones.cnf -extensions v3_ca"
           f" && openssl req {EC} -keyout ocsp.key -out ocsp.csr -subj '/C=NL/O=Postmill/CN=Postmill OCSP Responder'"
           " && openssl x509 -req -in ocsp.csr -CA sails.pem -CAkey sails.key -set_serial 0x13 -days 730 -out ocsp.pem"
           " -extfile sails.cnf -extensions ocsp"
           " && cat sails.pem root.pem > chain-sails.pem && cat stones.pem root.pem > chain-stones.pem"
           " && cat sails.pem stones.pem root.pem > chain-all.pem", cwd=d)


WINDOWS = {"expired": ("20230301000000Z", "20240301000000Z"), "future": ("20310101000000Z", "20320101000000Z"),
           "valid": ("20250601000000Z", "20350601000000Z")}


def make_plan(d: Path, rng: random.Random, n: int, tag: str = "") -> list[tuple[str, str, str, str]]:
    """Certificate requests for the mill's parts (the third a wrong country, the fifth without a commonName,
    the rest by chance); returns (csr, ca, startdate, enddate) rows."""
    rows = []
    for i in range(n):
        part = PARTS[i % len(PARTS)]
        cn = f"{part}-{tag}{i // len(PARTS)}.postmill.test"
        c, org, has_cn = "NL", "Postmill", True
        r = 0.0 if i == 2 else 0.15 if i == 4 else rng.random()
        if r < 0.07:
            c = rng.choice(["BE", "DE"])
        elif r < 0.12:
            org = rng.choice(["Post Mill Trust", "Millwrights & Sons"])
        elif r < 0.16:
            has_cn = False
        subj = f"/C={c}/O={org}/OU={rng.choice(MILLERS)}" + (f"/CN={cn}" if has_cn else "")
        name = f"{cn}.csr"
        cm.run(f"openssl req {EC} -keyout '{cn}.key' -out '{name}' -subj '{subj}' -addext 'subjectAltName=DNS:{cn}'",
               cwd=d)
        w = rng.choices(["valid", "expired", "future"], weights=[6, 2, 1])[0]
        ca = "stones" if rng.random() < 0.25 else "sails"
        rows.append((name, ca, *WINDOWS[w]))
    return rows


def step_openssl_ca(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    loop = ('while read f ca s e; do echo "== $f ($ca)"; openssl ca -batch -config "$ca.cnf" -startdate "$s" '
            '-enddate "$e" -in "$f" -out "${f%.csr}.pem"; done < plan.txt')
    for label, n in [("s", 7), ("m", 26), ("l", 64)]:
        d = tmp / f"ca-{label}"
        make_ca(d)
        rows = make_plan(d, rng, n)
        (d / "plan.txt").write_text("".join(" ".join(r) + "\n" for r in rows))
        S.cap(f"openssl-ca-{label}", loop, d, n_openssl_ca)
    d = tmp / "ca-m"
    # a wrong intermediate: the config names the millstones certificate with the sails key
    wrong = make_plan(d, rng, 5, "w")
    (d / "plan-wrong.txt").write_text("".join(f"{r[0]} wrong {r[2]} {r[3]}\n" for r in wrong))
    S.cap("openssl-ca-wrong-intermediate", loop.replace("plan.txt", "plan-wrong.txt"), d, n_openssl_ca)
    # revocations in another mix
    sails = sorted(ln.split("\t")[3] for ln in (d / "index-sails.txt").read_text().splitlines())
    stones = sorted(ln.split("\t")[3] for ln in (d / "index-stones.txt").read_text().splitlines())
    cmds = []
    for i, serial in enumerate(sails[1::3]):
        how = ["-crl_hold holdInstructionReject", "-crl_CA_compromise 20250901000000Z",
               "-crl_compromise 20251015083000Z", "-crl_reason unspecified"][i % 4]
        cmds.append(f"openssl ca -config sails.cnf -revoke newcerts/{serial}.pem {how}")
    cmds.append(f"openssl ca -config sails.cnf -revoke newcerts/{sails[1]}.pem -crl_reason superseded")
    if stones:
        cmds.append(f"openssl ca -config sails.cnf -revoke newcerts/{stones[0]}.pem -crl_reason keyCompromise")
        cmds.append(f"openssl ca -config stones.cnf -revoke newcerts/{stones[-1]}.pem -crl_reason cessationOfOperation")
    cmds.append("openssl ca -config sails.cnf -revoke newcerts/FFFF.pem")
    cmds.append("openssl ca -config sails.cnf -gencrl -out sails.crl && openssl ca -config stones.cnf -gencrl -out "
                f"stones.crl; openssl ca -config sails.cnf -status {sails[2]}; openssl ca -config sails.cnf -status "
                f"{sails[1]}; openssl ca -config sails.cnf -updatedb; openssl ca -config stones.cnf -updatedb")
    S.cap("openssl-ca-revoke", "; ".join(cmds), d, n_openssl_ca)
    # OCSP over the sails database
    certs = [f"newcerts/{s}.pem" for s in sails[:18]]
    certargs = " ".join(f"-cert {p}" for p in certs) + " -serial 0x1AFF"
    cm.run(f"openssl ocsp -issuer sails.pem {certargs} -reqout req.der -no_nonce", cwd=d)
    cm.run("openssl ocsp -index index-sails.txt -rsigner ocsp.pem -rkey ocsp.key -CA sails.pem -reqin req.der "
           "-respout resp.der -ndays 5", cwd=d)
    S.cap("openssl-ocsp-text", f"openssl ocsp -respin resp.der -issuer sails.pem {certargs} -CAfile chain-sails.pem "
          "-text", d, n_openssl_ocsp)
    S.cap("openssl-ocsp-wrong-issuer", f"openssl ocsp -respin resp.der -issuer stones.pem {certargs} "
          "-CAfile chain-all.pem", d, n_openssl_ocsp)
    leaf = next(p for p in sorted(d.glob("*.postmill.test.pem")) if p.stat().st_size > 0)
    cm.run(f"openssl ocsp -index index-sails.txt -rsigner {leaf.name} -rkey {leaf.name[:-4]}.key -CA sails.pem "
           "-reqin req.der -respout resp-leaf.der -ndays 5", cwd=d)
    S.cap("openssl-ocsp-leaf-signed", f"openssl ocsp -respin resp-leaf.der -issuer sails.pem {certargs} "
          "-CAfile chain-sails.pem -resp_text", d, n_openssl_ocsp)
    dl = tmp / "ca-l"
    cm.run("openssl ca -config sails.cnf -revoke newcerts/$(sed -n 3p index-sails.txt | cut -f4).pem "
           "-crl_compromise 20251101000000Z; openssl ca -config sails.cnf -revoke "
           "newcerts/$(sed -n 9p index-sails.txt | cut -f4).pem -crl_hold holdInstructionCallIssuer", cwd=dl)
    lsails = sorted(ln.split("\t")[3] for ln in (dl / "index-sails.txt").read_text().splitlines())
    largs = " ".join(f"-cert newcerts/{s}.pem" for s in lsails[:40])
    cm.run(f"openssl ocsp -issuer sails.pem {largs} -reqout req.der -no_nonce", cwd=dl)
    cm.run("openssl ocsp -index index-sails.txt -rsigner ocsp.pem -rkey ocsp.key -CA sails.pem -reqin req.der "
           "-respout resp.der -ndays 5", cwd=dl)
    S.cap("openssl-ocsp-status-l", f"openssl ocsp -respin resp.der -issuer sails.pem {largs} -CAfile chain-sails.pem",
          dl, n_openssl_ocsp)
    # PKCS#7 bundles: expired, not-yet-valid and valid leaves with both intermediates
    for label in ("s", "m", "l"):
        dd = tmp / f"ca-{label}"
        leafs = sorted(p.name for p in dd.glob("*.postmill.test.pem") if p.stat().st_size > 0)[:48]
        cm.run("cat " + " ".join(leafs) + " sails.pem stones.pem root.pem > bundle.pem && "
               "openssl crl2pkcs7 -nocrl -certfile bundle.pem -out bundle.p7b", cwd=dd)
        S.cap(f"pkcs7-print-{label}", "openssl pkcs7 -in bundle.p7b -print_certs -noout", dd, n_openssl_pkcs7)
        S.cap(f"pkcs7-print-text-{label}", "openssl pkcs7 -in bundle.p7b -print_certs -text -noout", dd,
              n_openssl_pkcs7)


def make_release(d: Path, rng: random.Random, n: int, ext: str = ".tar.gz") -> list[str]:
    d.mkdir(parents=True)
    names = []
    for i in range(n):
        part = PARTS[i % len(PARTS)]
        name = f"{part}-controller-{1 + i // len(PARTS)}.{rng.randint(0, 12)}.{rng.randint(0, 30)}{ext}"
        (d / name).write_bytes(rng.randbytes(rng.randint(300, 5000)))
        names.append(name)
    return names


def tamper(d: Path, rng: random.Random, names: list[str], k: int) -> list[str]:
    hit = rng.sample(names, k)
    for name in hit:
        b = bytearray((d / name).read_bytes())
        b[len(b) // 3] ^= 0x11
        (d / name).write_bytes(bytes(b))
    return hit


def step_dgst(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n in [("s", 12), ("m", 50), ("l", 180)]:
        d = tmp / f"dgst-{label}"
        names = make_release(d, rng, n)
        cm.run("openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:2048 -out rel.key && "
               "openssl pkey -in rel.key -pubout -out rel.pub && "
               "openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:2048 -out old.key", cwd=d)
        for name in names:
            key = "old.key" if rng.random() < 0.07 else "rel.key"
            cm.run(f"openssl dgst -sha512 -sign {key} -out '{name}.sig' '{name}'", cwd=d)
        tamper(d, rng, names, max(1, n // 15))
        for name in rng.sample(names, max(1, n // 25)):  # truncated signatures
            (d / f"{name}.sig").write_bytes((d / f"{name}.sig").read_bytes()[:100])
        a, b = rng.sample(names, 2)  # two signatures swapped
        sa, sb = (d / f"{a}.sig").read_bytes(), (d / f"{b}.sig").read_bytes()
        (d / f"{a}.sig").write_bytes(sb)
        (d / f"{b}.sig").write_bytes(sa)
        for name in rng.sample(names, max(1, n // 30)):
            (d / f"{name}.sig").unlink()
        loop = ("ok=0; bad=0; for f in *.tar.gz; do echo \"== $f\"; if openssl dgst -sha512 -verify rel.pub "
                "-signature \"$f.sig\" \"$f\"; then ok=$((ok+1)); else bad=$((bad+1)); fi; done; "
                "echo \"verified $ok, failed $bad\"")
        S.cap(f"dgst-verify-{label}", loop, d, n_openssl_dgst)


def step_minisign(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    for label, n in [("s", 10), ("m", 40), ("l", 140)]:
        d = tmp / f"mini-{label}"
        names = make_release(d, rng, n, ".img")
        cm.run("minisign -G -W -p mill.pub -s mill.key && minisign -G -W -p apprentice.pub -s apprentice.key", cwd=d)
        for name in names:
            key = "apprentice.key" if rng.random() < 0.07 else "mill.key"
            legacy = " -l" if rng.random() < 0.05 else ""  # a legacy (not prehashed) signature, refused under -V -H
            cm.run(f"minisign -S{legacy} -s {key} -m '{name}' -t 'postmill {name} checked by {rng.choice(MILLERS)}'",
                   cwd=d)
        tamper(d, rng, names, max(1, n // 14))
        for name in rng.sample(names, max(1, n // 18)):  # trusted comment edited after signing
            p = d / f"{name}.minisig"
            p.write_text(p.read_text().replace("checked by", "approved by"))
        for name in rng.sample(names, max(1, n // 30)):
            (d / f"{name}.minisig").unlink()
        loop = ("ok=0; bad=0; for f in *.img; do echo \"== $f\"; if minisign -V -H -p mill.pub -m \"$f\"; then "
                "ok=$((ok+1)); else bad=$((bad+1)); fi; done; echo \"verified $ok, failed $bad\"")
        S.cap(f"minisign-verify-{label}", loop, d, n_minisign)


def step_signify(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    for label, n in [("s", 40), ("m", 500), ("l", 1500)]:
        d = tmp / f"sig-{label}"
        names = make_release(d, rng, n, ".tgz")
        cm.run("signify -G -n -p mill.pub -s mill.sec && sha256sum --tag *.tgz > SHA256 && "
               "signify -S -e -s mill.sec -m SHA256", cwd=d)
        tamper(d, rng, names, max(1, n // 50))
        for name in rng.sample(names, max(1, n // 60)):
            (d / name).unlink()
        S.cap(f"signify-check-{label}", "signify -C -p mill.pub -x SHA256.sig", d, n_signify)
    d = tmp / "sig-m"
    cm.run("signify -G -n -p apprentice.pub -s apprentice.sec", cwd=d)
    present = sorted(p.name for p in d.glob("*.tgz"))
    (d / "hopper-extra-9.9.9.tgz").write_bytes(b"not in the list\n")
    S.cap("signify-check-wrongkey-extra", "signify -C -p apprentice.pub -x SHA256.sig; signify -C -p mill.pub -x "
          "SHA256.sig " + " ".join(present[:70]) + " hopper-extra-9.9.9.tgz", d, n_signify)
    d = tmp / "sig-s"
    cm.run("cp SHA256.sig SHA256.sig.orig && sed -i '5s/=.*/= 0000000000000000000000000000000000000000000000000000000000000000/'"
           " SHA256.sig", cwd=d)
    S.cap("signify-check-edited-list", "signify -C -p mill.pub -x SHA256.sig; cp SHA256.sig.orig SHA256.sig && "
          "signify -C -p mill.pub -x SHA256.sig", d, n_signify)


LIBS = {
    "quernkit": ("quernkit-(§§version§§)(\\.min)?\\.js", "/\\*! quernkit v(§§version§§)", "/*! quernkit v{v} | grinding helpers */"),
    "hopperjs": ("hopperjs-(§§version§§)\\.js", "/\\* hopperjs (§§version§§)", "/* hopperjs {v} - sack queue */"),
    "stonecurve": ("stonecurve-(§§version§§)\\.js", "/\\*\\* stonecurve v(§§version§§)", "/** stonecurve v{v} */"),
    "sailplot": ("sailplot-(§§version§§)\\.min\\.js", "/\\*! sailplot (§§version§§)", "/*! sailplot {v} (c) the mill */"),
}


def jsrepo(rng: random.Random) -> dict:
    repo = {}
    sev = ["low", "medium", "high", "critical"]
    summaries = ["prototype pollution through sail settings", "XSS in the sack label renderer",
                 "ReDoS in the millstone dressing parser", "path traversal in the hopper loader",
                 "unsafe eval of governor formulas"]
    for li, (name, (fn, fc, _)) in enumerate(LIBS.items()):
        vulns = []
        for k in range(rng.randint(2, 4)):
            below = f"{2 + k}.{rng.randint(0, 9)}.0"
            vulns.append({"below": below, "atOrAbove": f"{1 + k}.0.0" if k else "0.0.0",
                          "severity": rng.choice(sev), "cwe": [rng.choice(["CWE-79", "CWE-1321", "CWE-1333", "CWE-22"])],
                          "identifiers": {"CVE": [f"CVE-2099-571{li}{k}"],
                                          "summary": f"{name}: {rng.choice(summaries)}"},
                          "info": [f"https://advisories.postmill.test/{name}/{k}"]})
        repo[name] = {"vulnerabilities": vulns, "extractors": {"filename": [fn], "filecontent": [fc]}}
    return repo


def step_retire(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "retire"
    d.mkdir()
    (d / "repo.json").write_text(json.dumps(jsrepo(rng), indent=1, ensure_ascii=False))
    for label, n in [("s", 8), ("m", 40), ("l", 150)]:
        root = d / f"site-{label}"
        for i in range(n):
            name = rng.choice(list(LIBS))
            v = f"{rng.randint(0, 6)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
            sub = root / rng.choice(["public/js", "third_party", f"parts/{PARTS[i % len(PARTS)]}/ui", "legacy/vendor"])
            sub.mkdir(parents=True, exist_ok=True)
            fname = f"{name}-{v}.js" if name != "sailplot" else f"{name}-{v}.min.js"
            if rng.random() < 0.2:
                fname = f"mill-bundle-{i}.js"  # renamed: found by its content only
            (sub / fname).write_text(LIBS[name][2].format(v=v) + "\n(function(){ return 'grind'; })();\n")
        (root / "public/js/mill.js").parent.mkdir(parents=True, exist_ok=True)
        (root / "public/js/mill.js").write_text("/* postmill dashboard */\nconsole.log('sails');\n")
        cache = f"--cachedir {d}/cache-{label}"
        S.cap(f"retire-{label}", f"retire --path site-{label} --jsrepo repo.json {cache} --exitwith 3", d, n_retire)
        path = f"site-{label}/third_party" if label == "l" else f"site-{label}"
        S.cap(f"retire-json-{label}", f"retire --path {path} --jsrepo repo.json {cache} --outputformat json "
              "| python3 -m json.tool", d, n_retire_json)
    S.cap("retire-severity", f"retire --path site-m --jsrepo repo.json --cachedir {d}/cache-m --severity critical -v; "
          f"retire --path site-m/legacy --jsrepo repo.json --cachedir {d}/cache-m --ignore site-m/legacy/vendor",
          d, n_retire)


def ensure_tools() -> None:
    for t in ("git-secrets", "minisign", "signify-openbsd"):
        if not cm.run(f"command -v {t}").strip():
            cm.ensure_apt(t, t)
    (ROOT / "bin").mkdir(parents=True, exist_ok=True)
    if not (ROOT / "bin" / "signify").exists():
        (ROOT / "bin" / "signify").symlink_to("/usr/bin/signify-openbsd")
    cm.PATH_PREFIX[:0] = [str(ROOT / "bin")]
    cm.install_npm(JS, "retire", ["retire@5"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps():
    return [step_git_secrets, step_openssl_ca, step_dgst, step_minisign, step_signify, step_retire]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide571-", OUT, TMP, bands=(4_000, 20_000))
