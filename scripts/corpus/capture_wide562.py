#!/usr/bin/env python3
"""Round 562: security and supply-chain checks new to the corpus, on a salt works (`saltworks`, seed 56210: pans,
brine, salters): git-secrets scans of a repository with planted fake keys, an OpenSSL CA made here (`openssl ca`,
OCSP, PKCS#7 bundles), release signatures checked by `openssl dgst`, minisign and signify, and retire.js over
vendored old JavaScript against a repository file written here. See NEEDLES.md, round 562.

Usage:   .venv/bin/python scripts/corpus/capture_wide562.py
Writes:  scripts/corpus/data/wide562.json, ids prefixed "wide562-".
Tools:   the machine's openssl, Debian's git-secrets, minisign and signify-openbsd (apt, run as `signify` through a symlink), retire@5 from npm in
         /dev/shm/hm-corpus-wide562/js (made once).
"""
from __future__ import annotations

import json
import random
import re
import string
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide562")
TMP = Path("/dev/shm/hm-corpus-wide562-run")
JS = ROOT / "js"
OUT = HERE / "data" / "wide562.json"
SEED = 56210
S = cm.Sized(400, 120_000)
kind = cm.kind

# ================================================================== extractors (fixed before capture)


def _prev(lines, i, pat, back=6):
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        if re.search(pat, lines[j]):
            return lines[j]
    return None


def _by_file(lines, pat, key_group):
    groups: dict[str, list[str]] = {}
    for ln in lines:
        m = re.match(pat, ln)
        if m:
            groups.setdefault(m.group(key_group), []).append(ln)
    return [{"any": v} for v in groups.values()]


@kind("git-secrets-scan", "lint")
def n_git_secrets_scan(lines):
    """rules 1+3: every [ERROR] line; findings (path:line:text) one any per file"""
    out = [ln for ln in lines if "[ERROR]" in ln]
    return out + _by_file(lines, r"^(?!\[)([^:\s][^:]*):(\d+):", 1)


@kind("git-secrets-scan-history", "lint")
def n_git_secrets_history(lines):
    """rules 1+3: every [ERROR] line; findings (rev:path:line:text) one any per file path"""
    out = [ln for ln in lines if "[ERROR]" in ln]
    return out + _by_file(lines, r"^(?!\[)[0-9a-f]{7,40}:([^:]+):(\d+):", 1)


@kind("openssl-ca", "log")
def n_openssl_ca(lines):
    """rules 1+5: error/problem/mismatch lines; every Serial Number line; distinct Write out database lines; Revoking lines"""
    out = []
    for ln in lines:
        if re.search(r"error|Error|problem|different between|unable|failed|not OK", ln):
            out.append(ln)
        elif re.search(r"Serial Number:|Write out database with \d+ new entr|Revoking Certificate", ln):
            out.append(ln)
    return out


@kind("openssl-ocsp", "log")
def n_openssl_ocsp(lines):
    """rules 1+5: error/WARNING/Verify Failure lines; Response verify OK; name: good|revoked|unknown; status/revocation lines"""
    out = []
    for ln in lines:
        if re.search(r"error|Error|WARNING|Verify Failure|Response verify OK", ln):
            out.append(ln)
        elif re.search(r"^\S.*: (good|revoked|unknown)\s*$", ln):
            out.append(ln)
        elif re.search(r"Response Status:|Cert Status:|Revocation Time:|Revocation Reason:", ln):
            out.append(ln)
    return out


@kind("openssl-pkcs7-print-certs", "doc")
def n_openssl_pkcs7(lines):
    """rule 5: every subject=/issuer= line, every Subject: and Not After line; rule 1: error/unable lines"""
    out = []
    for ln in lines:
        if re.match(r"^(subject|issuer)=", ln) or re.search(r"^\s*Subject:|Not After", ln):
            out.append(ln)
        elif re.search(r"error|unable", ln, re.I):
            out.append(ln)
    return out


@kind("openssl-dgst-verify", "test")
def n_openssl_dgst(lines):
    """rules 1+3: Verification failure / error lines with the == header within six above; the closing tally line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Verification failure|error|Error|Could not|unable", ln):
            out.append(ln)
            out.append(_prev(lines, i + 1, r"^== ", 7))
        elif ln.startswith("verified "):
            out.append(ln)
    return out


@kind("minisign-verify", "test")
def n_minisign(lines):
    """rules 1+5: fail/error/not/Untrusted lines with the == header within six above; Trusted comment lines; tally"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("== "):
            continue
        if re.search(r"fail|Error|error|doesn't|not |Untrusted", ln):
            out.append(ln)
            out.append(_prev(lines, i + 1, r"^== ", 7))
        elif ln.startswith("Trusted comment:") or ln.startswith("verified "):
            out.append(ln)
    return out


@kind("signify-check", "test")
def n_signify(lines):
    """rules 1+4: every ': FAIL' line and every 'signify:' line; the first ': OK' line"""
    out = [ln for ln in lines if ln.rstrip().endswith(": FAIL") or ln.startswith("signify:")]
    ok = [ln for ln in lines if ln.rstrip().endswith(": OK")]
    return out + ok[:1]


@kind("retire-js", "lint")
def n_retire(lines):
    """rule 1: every 'has known vulnerabilities' line and the file path line above it; Error lines"""
    out = []
    for i, ln in enumerate(lines):
        if "has known vulnerabilities" in ln:
            out.append(ln)
            out.append(_prev(lines, i + 1, r"^\s*/|\.js\s*$", 7))
        elif re.search(r"error", ln, re.I):
            out.append(ln)
    return out


@kind("retire-js-json", "json")
def n_retire_json(lines):
    """rule 5: every "file" line, distinct "component" lines, distinct CVE identifier lines, "severity" one any per value"""
    out, sev = [], {}
    for ln in lines:
        if re.search(r'"file":', ln) or re.search(r'"component":', ln) or re.search(r"CVE-\d{4}-\d+", ln):
            out.append(ln)
        m = re.search(r'"severity":\s*"(\w+)"', ln)
        if m:
            sev.setdefault(m.group(1), []).append(ln)
    return out + [{"any": v} for v in sev.values()]


# ================================================================== material

PANS = ["north-pan", "south-pan", "boiling-pan", "fishery-pan", "common-pan", "lump-pan", "flake-pan", "stove-pan",
        "brine-cistern", "pump-house", "hothouse", "drying-loft"]
SALTERS = ["abel", "hester", "josiah", "martha", "reuben", "tabitha", "silas", "keziah", "obadiah", "prudence"]


def rnd(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def fake_akid(rng):
    return "AKIA" + rnd(rng, string.ascii_uppercase + "234567", 16)


def fake_secret(rng):
    return rnd(rng, string.ascii_letters + string.digits + "/+", 40)


def make_repo(d: Path, rng: random.Random, n_files: int, n_commits: int, leak_every: int) -> None:
    d.mkdir(parents=True)
    cm.run("git init -q -b main && git config user.email salter@saltworks.test && git config user.name 'Works Clerk'"
           " && git secrets --register-aws && git secrets --add 'saltpan_tok_[a-z0-9]{24}'"
           " && git secrets --add --allowed 'saltpan_tok_0{24}'", cwd=d)
    for c in range(n_commits):
        for f in range(n_files):
            if rng.random() > 0.35 and c:
                continue
            pan = PANS[f % len(PANS)]
            p = d / ("config" if f % 3 == 0 else "brine" if f % 3 == 1 else "salters") / f"{pan}-{f}.py"
            p.parent.mkdir(exist_ok=True)
            body = [f'"""{pan}: brine strength and boiling schedule, revision {c}."""', "",
                    f"PAN = {pan!r}", f"BRINE_DEGREES = {rng.randint(60, 100)}", f"SALTER = {rng.choice(SALTERS)!r}"]
            for k in range(rng.randint(3, 12)):
                body.append(f"BOIL_{k} = ({rng.randint(1, 23)}, {rng.randint(0, 59)})  # hour, minute")
            if (f + c) % leak_every == 0:
                which = rng.randrange(4)
                if which == 0:
                    body.append(f'AWS_ACCESS_KEY_ID = "{fake_akid(rng)}"')
                elif which == 1:
                    body.append(f'aws_secret_access_key = "{fake_secret(rng)}"')
                elif which == 2:
                    body.append(f'TOKEN = "saltpan_tok_{rnd(rng, string.ascii_lowercase + string.digits, 24)}"')
                else:
                    body.append('TOKEN = "saltpan_tok_000000000000000000000000"  # placeholder, allowed')
            body += ["", "def schedule():", "    return [v for k, v in globals().items() if k.startswith('BOIL_')]", ""]
            p.write_text("\n".join(body))
        (d / "README.md").write_text(f"# {d.name}\n\nSalt works repository, revision {c}.\n")
        cm.run(f"git add -A && GIT_AUTHOR_DATE='2024-0{1 + c % 9}-1{c % 10}T10:00:00Z' "
               f"GIT_COMMITTER_DATE='2024-0{1 + c % 9}-1{c % 10}T10:00:00Z' git commit -q -m 'Pans: revision {c}'"
               " --no-verify", cwd=d)
    # scrub the last commit's secrets from some files: they stay in history only
    for p in sorted(d.glob("brine/*.py"))[::2]:
        p.write_text("\n".join(ln for ln in p.read_text().splitlines() if "KEY" not in ln.upper()) + "\n")
    cm.run("git add -A && git commit -q -m 'Brine: remove keys' --no-verify", cwd=d)


def step_git_secrets(tmp: Path) -> None:
    rng = random.Random(SEED)
    for label, nf, nc, le in [("s", 6, 2, 3), ("m", 30, 4, 4), ("l", 80, 8, 3)]:
        d = tmp / f"repo-{label}"
        make_repo(d, rng, nf, nc, le)
        (d / "notes.txt").write_text(f"aws_access_key_id={fake_akid(rng)}\nkept out of git\n")
        S.cap(f"git-secrets-scan-{label}", "git secrets --scan -r .", d, n_git_secrets_scan)
        S.cap(f"git-secrets-history-{label}", "git secrets --scan-history", d, n_git_secrets_history)
    S.cap("git-secrets-scan-files", "git secrets --scan config/*.py salters/*.py notes.txt", tmp / "repo-l",
          n_git_secrets_scan)
    d = tmp / "repo-m"
    S.cap("git-secrets-scan-untracked", "git secrets --scan --untracked", d, n_git_secrets_scan)


CA_CNF = """[ ca ]
default_ca = saltca
[ saltca ]
dir = {d}
database = $dir/index.txt
new_certs_dir = $dir/newcerts
serial = $dir/serial
crlnumber = $dir/crlnumber
certificate = $dir/inter.pem
private_key = $dir/inter.key
default_md = sha256
default_days = {days}
default_crl_days = 7
policy = policy_match
unique_subject = yes
copy_extensions = copy
x509_extensions = leaf
[ policy_match ]
countryName = match
organizationName = match
organizationalUnitName = optional
commonName = supplied
[ leaf ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth
authorityInfoAccess = OCSP;URI:http://127.0.0.1:18562
[ ocsp ]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = OCSPSigning
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = keyCertSign, cRLSign
"""


def make_ca(d: Path, days: int = 365) -> None:
    d.mkdir(parents=True)
    (d / "newcerts").mkdir()
    (d / "index.txt").write_text("")
    (d / "serial").write_text("1000\n")
    (d / "crlnumber").write_text("01\n")
    (d / "ca.cnf").write_text(CA_CNF.format(d=d, days=days))
    cm.run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem "
           "-days 3650 -subj '/C=GB/O=Saltworks/CN=Saltworks Root CA' -addext basicConstraints=critical,CA:TRUE "
           "-addext keyUsage=keyCertSign,cRLSign"
           " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout inter.key -out inter.csr "
           "-subj '/C=GB/O=Saltworks/CN=Saltworks Pans Intermediate'"
           " && openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -set_serial 2 -days 1825 -out inter.pem"
           " -extfile ca.cnf -extensions v3_ca"
           " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ocsp.key -out ocsp.csr "
           "-subj '/C=GB/O=Saltworks/CN=Saltworks OCSP Responder'"
           " && openssl x509 -req -in ocsp.csr -CA inter.pem -CAkey inter.key -set_serial 3 -days 365 -out ocsp.pem"
           " -extfile ca.cnf -extensions ocsp && cat inter.pem root.pem > chain.pem", cwd=d)


def make_csrs(d: Path, rng: random.Random, n: int) -> list[str]:
    names, subjects = [], []
    for i in range(n):
        pan = PANS[i % len(PANS)]
        cn = f"{pan}-{i // len(PANS)}.saltworks.test"
        org = "Saltworks"
        if rng.random() < 0.12:
            org = rng.choice(["Salt Works Ltd", "Brine & Co"])
        ou = rng.choice(SALTERS)
        if rng.random() < 0.08 and subjects:
            cn, org, ou = subjects[-1]  # a second request for a subject already signed (unique_subject = yes)
        subjects.append((cn, org, ou))
        name = f"{cn}.csr"
        if name in names:
            name = f"{cn}-again.csr"
        cm.run(f"openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -out '{name}' "
               f"-subj '/C=GB/O={org}/OU={ou}/CN={cn}' -addext 'subjectAltName=DNS:{cn}'", cwd=d)
        names.append(name)
    (d / "broken.csr").write_text("-----BEGIN CERTIFICATE REQUEST-----\nMIIBbroken==\n-----END CERTIFICATE REQUEST-----\n")
    names.insert(n // 2, "broken.csr")
    return names


def sign_loop(names: list[str]) -> str:
    return ("for f in " + " ".join(f"'{n}'" for n in names) + "; do echo \"== $f\"; "
            "openssl ca -batch -config ca.cnf -in \"$f\" -out \"${f%.csr}.pem\"; done")


def step_openssl_ca(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for label, n in [("s", 6), ("m", 24), ("l", 70)]:
        d = tmp / f"ca-{label}"
        make_ca(d)
        names = make_csrs(d, rng, n)
        S.cap(f"openssl-ca-{label}", sign_loop(names), d, n_openssl_ca)
    d = tmp / "ca-m"
    pems = sorted(p.name for p in d.glob("*.pem") if p.name not in ("root.pem", "inter.pem", "ocsp.pem", "chain.pem")
                  and p.stat().st_size > 0)
    revoke = pems[::4]
    reasons = ["keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged"]
    cmd = "; ".join(f"openssl ca -config ca.cnf -revoke {p} -crl_reason {reasons[i % 4]}" for i, p in enumerate(revoke))
    cmd += f"; openssl ca -config ca.cnf -revoke {revoke[0]}; openssl ca -config ca.cnf -revoke missing.pem"
    cmd += "; openssl ca -config ca.cnf -gencrl -out crl.pem && openssl ca -config ca.cnf -status 1003"
    cmd += "; openssl ca -config ca.cnf -updatedb"
    S.cap("openssl-ca-revoke", cmd, d, n_openssl_ca)
    # OCSP on the revoked CA
    certs = pems[:16]
    certargs = " ".join(f"-cert {p}" for p in certs) + " -serial 0x2FFF"
    cm.run(f"openssl ocsp -issuer inter.pem {certargs} -reqout req.der -no_nonce", cwd=d)
    cm.run("openssl ocsp -index index.txt -rsigner ocsp.pem -rkey ocsp.key -CA inter.pem -reqin req.der "
           "-respout resp.der -ndays 7", cwd=d)
    S.cap("openssl-ocsp-text", f"openssl ocsp -respin resp.der -issuer inter.pem {certargs} -CAfile chain.pem -text",
          d, n_openssl_ocsp)
    S.cap("openssl-ocsp-status", f"openssl ocsp -respin resp.der -issuer inter.pem {certargs} -CAfile chain.pem",
          d, n_openssl_ocsp)
    S.cap("openssl-ocsp-wrongca", f"openssl ocsp -respin resp.der -issuer inter.pem {' '.join(f'-cert {p}' for p in certs[:6])}"
          " -CAfile ../ca-s/chain.pem -resp_text", d, n_openssl_ocsp)
    # PKCS#7 bundles
    for label, dd in [("s", tmp / "ca-s"), ("m", tmp / "ca-m"), ("l", tmp / "ca-l")]:
        leafs = sorted(p.name for p in dd.glob("*.saltworks.test*.pem") if p.stat().st_size > 0)[:50]
        cm.run("cat " + " ".join(leafs) + " inter.pem root.pem > bundle.pem && "
               "openssl crl2pkcs7 -nocrl -certfile bundle.pem -out bundle.p7b", cwd=dd)
    S.cap("pkcs7-print-s", "openssl pkcs7 -in bundle.p7b -print_certs -noout", tmp / "ca-s", n_openssl_pkcs7)
    S.cap("pkcs7-print-text-s", "openssl pkcs7 -in bundle.p7b -print_certs -text -noout", tmp / "ca-s", n_openssl_pkcs7)
    S.cap("pkcs7-print-m", "openssl pkcs7 -in bundle.p7b -print_certs -noout", tmp / "ca-m", n_openssl_pkcs7)
    S.cap("pkcs7-print-text-m", "openssl pkcs7 -in bundle.p7b -print_certs -text -noout", tmp / "ca-m", n_openssl_pkcs7)
    S.cap("pkcs7-print-l", "openssl pkcs7 -in bundle.p7b -print_certs -noout", tmp / "ca-l", n_openssl_pkcs7)
    S.cap("pkcs7-print-text-l", "openssl pkcs7 -in bundle.p7b -print_certs -text -noout", tmp / "ca-l", n_openssl_pkcs7)


def make_release(d: Path, rng: random.Random, n: int) -> list[str]:
    d.mkdir(parents=True)
    names = []
    for i in range(n):
        pan = PANS[i % len(PANS)]
        name = f"{pan}-firmware-{1 + i // len(PANS)}.{rng.randint(0, 9)}.{rng.randint(0, 20)}.bin"
        (d / name).write_bytes(rng.randbytes(rng.randint(200, 4000)))
        names.append(name)
    return names


def tamper(d: Path, rng: random.Random, names: list[str], k: int) -> None:
    for name in rng.sample(names, k):
        b = bytearray((d / name).read_bytes())
        b[len(b) // 2] ^= 0x40
        (d / name).write_bytes(bytes(b))


def step_dgst(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for label, n in [("s", 8), ("m", 40), ("l", 160)]:
        d = tmp / f"dgst-{label}"
        names = make_release(d, rng, n)
        cm.run("openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out rel.key && "
               "openssl pkey -in rel.key -pubout -out rel.pub && "
               "openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:P-256 -out other.key", cwd=d)
        for i, name in enumerate(names):
            key = "other.key" if rng.random() < 0.08 else "rel.key"
            cm.run(f"openssl dgst -sha256 -sign {key} -out '{name}.sig' '{name}'", cwd=d)
        tamper(d, rng, names, max(1, n // 12))
        for name in rng.sample(names, max(1, n // 20)):
            (d / f"{name}.sig").unlink()
        (d / names[0]).with_suffix(".bin.sig").write_text("not a signature\n") if label == "m" else None
        loop = ("ok=0; bad=0; for f in *.bin; do echo \"== $f\"; if openssl dgst -sha256 -verify rel.pub -signature "
                "\"$f.sig\" \"$f\"; then ok=$((ok+1)); else bad=$((bad+1)); fi; done; echo \"verified $ok, failed $bad\"")
        S.cap(f"dgst-verify-{label}", loop, d, n_openssl_dgst)


def step_minisign(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    for label, n in [("s", 8), ("m", 36), ("l", 120)]:
        d = tmp / f"mini-{label}"
        names = make_release(d, rng, n)
        cm.run("minisign -G -W -p mini.pub -s mini.key && minisign -G -W -p other.pub -s other.key", cwd=d)
        for name in names:
            key = "other.key" if rng.random() < 0.08 else "mini.key"
            cm.run(f"minisign -S -s {key} -m '{name}' -t 'saltworks release {name} salter {rng.choice(SALTERS)}'",
                   cwd=d)
        tamper(d, rng, names, max(1, n // 12))
        for name in rng.sample(names, max(1, n // 25)):
            (d / f"{name}.minisig").unlink()
        loop = ("ok=0; bad=0; for f in *.bin; do echo \"== $f\"; if minisign -V -p mini.pub -m \"$f\"; then "
                "ok=$((ok+1)); else bad=$((bad+1)); fi; done; echo \"verified $ok, failed $bad\"")
        S.cap(f"minisign-verify-{label}", loop, d, n_minisign)


def step_signify(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    for label, n in [("s", 30), ("m", 400), ("l", 1800)]:
        d = tmp / f"sig-{label}"
        names = make_release(d, rng, n)
        cm.run("signify -G -n -p rel.pub -s rel.sec && sha256sum --tag *.bin > SHA256 && "
               "signify -S -e -s rel.sec -m SHA256", cwd=d)
        tamper(d, rng, names, max(1, n // 40))
        for name in rng.sample(names, max(1, n // 80)):
            (d / name).unlink()
        S.cap(f"signify-check-{label}", "signify -C -p rel.pub -x SHA256.sig", d, n_signify)
    d = tmp / "sig-m"
    cm.run("signify -G -n -p other.pub -s other.sec", cwd=d)
    S.cap("signify-check-wrongkey", "signify -C -p other.pub -x SHA256.sig; "
          "signify -C -p rel.pub -x SHA256.sig " + " ".join(sorted(p.name for p in d.glob("*.bin"))[:60]),
          d, n_signify)


LIBS = {
    "jquery": ("jquery-(§§version§§)(\\.min)?\\.js", "/\\*!? jQuery v(§§version§§)", "/*! jQuery v{v} | (c) JS Foundation */"),
    "saltgrid": ("saltgrid-(§§version§§)\\.js", "/\\* saltgrid v(§§version§§)", "/* saltgrid v{v} - brine tables */"),
    "panchart": ("panchart-(§§version§§)\\.js", "/\\* panchart (§§version§§)", "/* panchart {v} */"),
    "brinekit": ("brinekit-(§§version§§)\\.js", "/\\*! brinekit v(§§version§§)", "/*! brinekit v{v} */"),
}


def jsrepo(rng: random.Random) -> dict:
    repo = {}
    sev = ["low", "medium", "high", "critical"]
    for name, (fn, fc, _) in LIBS.items():
        vulns = []
        for k in range(rng.randint(2, 5)):
            below = f"{1 + k}.{rng.randint(0, 9)}.0"
            vulns.append({"below": below, "severity": rng.choice(sev), "cwe": [rng.choice(["CWE-79", "CWE-1321", "CWE-1333", "CWE-95"])],
                          "identifiers": {"CVE": [f"CVE-2099-{56210 + len(repo) * 10 + k}"],
                                          "summary": f"{name}: {rng.choice(['prototype pollution in options merge', 'XSS through brine label', 'ReDoS in pan name parser', 'unsafe eval of schedule strings'])}"},
                          "info": [f"https://advisories.saltworks.test/{name}/{k}"]})
        repo[name] = {"vulnerabilities": vulns, "extractors": {"filename": [fn], "filecontent": [fc]}}
    return repo


def step_retire(tmp: Path) -> None:
    rng = random.Random(SEED + 5)
    d = tmp / "retire"
    d.mkdir()
    (d / "repo.json").write_text(json.dumps(jsrepo(rng), indent=1, ensure_ascii=False))
    for label, n in [("s", 6), ("m", 40), ("l", 160)]:
        root = d / f"site-{label}"
        for i in range(n):
            name = rng.choice(list(LIBS))
            v = f"{rng.randint(0, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
            sub = root / rng.choice(["static/js", "vendor", f"pans/{PANS[i % len(PANS)]}/assets", "legacy/lib"])
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{name}-{v}.js").write_text(LIBS[name][2].format(v=v) + "\n(function(){ return 1; })();\n")
        (root / "static/js/app.js").write_text("/* saltworks app */\nconsole.log('pans');\n")
        cache = f"--cachedir {d}/cache-{label}"
        S.cap(f"retire-{label}", f"retire --path site-{label} --jsrepo repo.json {cache} --exitwith 13", d, n_retire)
        path = f"site-{label}/legacy" if label == "l" else f"site-{label}"  # all of site-l's JSON is 346 KB
        S.cap(f"retire-json-{label}", f"retire --path {path} --jsrepo repo.json {cache} --outputformat json "
              "| python3 -m json.tool", d, n_retire_json)
    S.cap("retire-badrepo", f"retire --path site-s --jsrepo missing-repo.json --cachedir {d}/cache-x -v; "
          "retire --path site-s --jsrepo repo.json --severity high -v", d, n_retire)


def ensure_tools() -> None:
    for t in ("git-secrets", "minisign", "signify-openbsd"):
        if not cm.run(f"command -v {t}").strip():
            cm.ensure_apt(t, t)
    # Debian names the binary signify-openbsd; as `signify` (its name upstream) it names itself `signify:`
    (ROOT / "bin").mkdir(parents=True, exist_ok=True)
    if not (ROOT / "bin" / "signify").exists():
        (ROOT / "bin" / "signify").symlink_to("/usr/bin/signify-openbsd")
    cm.PATH_PREFIX[:0] = [str(ROOT / "bin")]
    cm.install_npm(JS, "retire", ["retire@5"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps():
    return [step_git_secrets, step_openssl_ca, step_dgst, step_minisign, step_signify, step_retire]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide562-", OUT, TMP, bands=(4_000, 20_000))
