#!/usr/bin/env python3
"""Capture round 375 of the compression corpus: security scanners run on a project and on this machine's own
127.0.0.1 servers, eleven kinds new to the corpus (sslyze text and JSON, nmap's ssl-enum-ciphers, ssh2-enum-algos,
http-enum and XML output, ssh-audit's JSON and policy audits, bandit's YAML and custom formats, detect-secrets'
audit report) against TLS, SSH and web endpoints of a small toll-road office ("tollgate") written here with
deliberate weaknesses. The needle rules are NEEDLES.md's "Round 375", fixed before capture and applied by the
extractors below. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide375.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide375.json  as {"version": 2, "items": [...]}, ids prefixed "wide375-".
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide375-"
DEFAULT_OUT = HERE / "data" / "wide375.json"
TMP = Path(os.environ.get("HM_WIDE375_TMP", "/dev/shm/hm-corpus-wide375"))
TOOLS = Path(os.environ.get("HM_WIDE375_TOOLS", "/dev/shm/hm-corpus-wide375-tools"))
VENV = TOOLS / "venv"
TLS_PORT, SSH_PORT, WEB_PORT = 18375, 28375, 38375

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 375")

ERR_RE = re.compile(r"ERROR|Error:|Traceback|Exception")
WEAK_SUITE = re.compile(r"RC4|3DES|_DES_|NULL|EXPORT|anon|MD5")


def _common(lines):
    """Rule 1, common to the round: every line holding ERROR, Error:, Traceback or Exception."""
    return [ln for ln in lines if ERR_RE.search(ln)]


def _suite_name(ln: str) -> str | None:
    m = re.search(r"\b(TLS_[A-Za-z0-9_]+)", ln)
    return m.group(1) if m and WEAK_SUITE.search(m.group(1)) else None


@cm.kind("sslyze", "log")
def n_sslyze(lines):
    """FAILED/VULNERABLE/ERROR/Not compliant lines and the Mozilla compliance reasons; each accepted-suites count line with its protocol heading; one {any} per weak accepted suite; the cert's Not After, Key Size, Common Name; SCANS COMPLETED."""
    out = _common(lines)
    in_comp = False
    for ln in lines:
        # sslyze 6.3 heads it "COMPLIANCE AGAINST TLS CONFIGURATION" (no "MOZILLA"): see NEEDLES.md's notes
        if re.search(r"COMPLIANCE AGAINST (MOZILLA )?TLS CONFIGURATION", ln):
            in_comp = True
            continue
        if re.search(r"FAILED|VULNERABLE|ERROR|Not compliant", ln):
            out.append(ln)
        if in_comp and re.match(r"\s*[*-] ", ln):
            out.append(ln)
    heading = None
    weak: dict[str, list[str]] = {}
    for ln in lines:
        if re.match(r"\s*\* .*Cipher Suites:", ln):
            heading = ln
        if "The server accepted the following" in ln:
            out += [ln, heading]
        name = _suite_name(ln) if re.match(r"\s*TLS_\w+\s", ln) else None
        if name:
            weak.setdefault(name, []).append(ln)
    out += [cm.any_of(v) for v in weak.values()]
    for key in ("Not After:", "Key Size:", "Common Name:"):
        out.append(next((ln for ln in lines if key in ln), None))
    out += [ln for ln in lines if "SCANS COMPLETED IN" in ln]
    return out


@cm.kind("sslyze-json", "json")
def n_sslyze_json(lines):
    """Non-null error_reason/error_trace lines; every *vulnerable* key that is true; each weak accepted suite's "name" line; first not_valid_after and key_size; sslyze_version and date_scans_completed."""
    out = _common(lines)
    accepted = False
    for ln in lines:
        if '"accepted_cipher_suites"' in ln:
            accepted = True
        elif '"rejected_cipher_suites"' in ln:
            accepted = False
        if re.search(r'"error_(reason|trace)":', ln) and not re.search(r':\s*null,?\s*$', ln):
            out.append(ln)
        if re.search(r'"[^"]*vulnerable[^"]*":\s*true', ln):
            out.append(ln)
        if accepted and re.search(r'"name":\s*"TLS_', ln) and _suite_name(ln):
            out.append(ln.strip())
    for key in ('"not_valid_after"', '"key_size"', '"sslyze_version"', '"date_scans_completed"'):
        out.append(next((ln.strip() for ln in lines if key in ln), None))
    return out


def _nmap_ports(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"PORT\s+STATE\s+SERVICE", ln):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if re.match(r"\d+/(tcp|udp)\s", lines[k]):
                    out.append(lines[k])
                elif not lines[k].startswith("|"):
                    break
    out += [ln for ln in lines if ln.startswith("Nmap done:")]
    return out


@cm.kind("nmap-ssl-enum-ciphers", "log")
def n_nmap_ssl(lines):
    """PORT header and port lines; each |   TLSv1.x: heading; cipher lines graded below A one {any} per (grade, protocol); every warnings: block line; least strength; Nmap done."""
    out = _common(lines) + _nmap_ports(lines)
    proto = None
    grades: dict[tuple, list[str]] = {}
    in_warn = False
    for ln in lines:
        m = re.match(r"\|\s+(TLSv[\d.]+|SSLv\d):\s*$", ln)
        if m:
            proto = m.group(1)
            out.append(ln)
            in_warn = False
            continue
        if re.match(r"\|\s+warnings:\s*$", ln):
            in_warn = True
            continue
        if in_warn:
            if re.match(r"\|\s{7,}\S", ln):
                out.append(ln)
                continue
            in_warn = False
        g = re.search(r" - ([B-F])\s*$", ln)
        if g and "TLS_" in ln:
            grades.setdefault((g.group(1), proto), []).append(ln)
        if "least strength" in ln:
            out.append(ln)
    out += [cm.any_of(v) for v in grades.values()]
    return out


SSH_WEAK = re.compile(r"sha1|cbc|md5|group1-|arcfour|3des|umac-64|ssh-dss|ssh-rsa")


@cm.kind("nmap-ssh2-enum-algos", "log")
def n_nmap_ssh(lines):
    """Port header and lines; each algorithm section heading with its count; weak algorithm lines (sha1, cbc, md5, group1-, arcfour, 3des, umac-64, ssh-dss, ssh-rsa); ssh-hostkey key lines; ssh-auth-methods lines; Nmap done."""
    out = _common(lines) + _nmap_ports(lines)
    block = None
    for ln in lines:
        if re.match(r"\|\s+\w+_algorithms: \(\d+\)", ln):
            out.append(ln)
            continue
        m = re.match(r"\|_?\s?([\w-]+):", ln)
        if m and ln.startswith(("| ", "|_")) and not ln.startswith("|  "):
            block = m.group(1)
        if block == "ssh2-enum-algos" and re.match(r"\|_?\s{5,}\S", ln) and SSH_WEAK.search(ln):
            out.append(ln)
        if block == "ssh-hostkey" and re.search(r"\d+ (SHA256:|[0-9a-f]{2}:)", ln):
            out.append(ln)
        if block == "ssh-auth-methods" and not re.match(r"\|_?\s?ssh-auth-methods:", ln) and ln.startswith("|"):
            out.append(ln)
    return out


@cm.kind("nmap-xml", "doc")
def n_nmap_xml(lines):
    """The <nmaprun line; every <port line; every <script line; <finished and <hosts lines."""
    out = _common(lines)
    for ln in lines:
        s = ln.strip()
        if any(tag in s for tag in ("<nmaprun ", "<port ", "<script ", "<finished ", "<hosts ")):
            out.append(s)
    return out


@cm.kind("nmap-http-enum", "log")
def n_nmap_http(lines):
    """Port header and lines; each script heading; each http-enum finding; risky/Potentially lines and the line after naming methods; Server: header; Nmap done."""
    out = _common(lines) + _nmap_ports(lines)
    block = None
    for i, ln in enumerate(lines):
        m = re.match(r"\|_?\s?([\w-]+):", ln)
        if m:
            block = m.group(1)
            out.append(ln)
            continue
        if block == "http-enum" and re.match(r"\|_?\s+/", ln):
            out.append(ln)
        if re.search(r"risky|Potentially", ln):
            out.append(ln)
            if "Potentially risky methods" in ln and i + 1 < len(lines) and re.search(r"\b[A-Z]{3,}\b", lines[i + 1]) \
                    and lines[i + 1].startswith("|"):
                out.append(lines[i + 1])
        if re.match(r"\|\s+Server:", ln):
            out.append(ln)
    return out


def _json_text(lines) -> object:
    start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith(("{", "[")))
    return json.loads("\n".join(lines[start:]))


@cm.kind("ssh-audit-json", "json")
def n_ssh_audit_json(lines):
    """The banner "raw" line; "algorithm": "<name>" of every kex/key/enc/mac entry with a non-empty fail list; every CVE "name"; "name": "<alg>" of each critical recommendation."""
    out = _common(lines)
    data = _json_text(lines)
    out.append(next((ln.strip() for ln in lines if '"raw":' in ln), None))
    for sec in ("kex", "key", "enc", "mac"):
        for e in data.get(sec, []) or []:
            if isinstance(e, dict) and (e.get("notes") or {}).get("fail"):
                out.append(f'"algorithm": "{e["algorithm"]}"')
    for c in data.get("cves", []) or []:
        out.append(f'"name": "{c["name"]}"')
    crit = ((data.get("recommendations") or {}).get("critical") or {}) if isinstance(data, dict) else {}
    for _action, by_sec in crit.items():
        for _sec, entries in (by_sec or {}).items():
            for e in entries or []:
                out.append(f'"name": "{e["name"]}"')
    return out


@cm.kind("ssh-audit-policy", "log")
def n_ssh_audit_policy(lines):
    """The Policy: and Result: lines and every line of the Errors: block up to the first blank line."""
    out = _common(lines)
    out += [ln for ln in lines if re.match(r"\s*(Policy|Result):", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"\s*Errors:\s*$", ln):
            for k in range(i + 1, len(lines)):
                if not lines[k].strip():
                    break
                out.append(lines[k])
    return out


@cm.kind("bandit-yaml", "lint")
def n_bandit_yaml(lines):
    """HIGH results' issue_text lines, others one {any} per (test_id, filename); each distinct filename under results; the errors: block; _totals SEVERITY.HIGH/MEDIUM."""
    out = _common(lines)
    # split the results list into records (each starts with "- " at the list's indent)
    top = None
    recs: list[list[str]] = []
    err_block = False
    totals = False
    for ln in lines:
        t = re.match(r"(\w[\w_]*):", ln)
        if t:
            top = t.group(1)
            err_block = top == "errors"
            continue
        if err_block and ln.strip() and ln.strip() != "[]":
            out.append(ln)
        if top == "results":
            if re.match(r"- ", ln):
                recs.append([ln])
            elif recs:
                recs[-1].append(ln)
        if top == "metrics":
            if re.match(r"\s+_totals:", ln):
                totals = True
            elif re.match(r"\s{2}\S", ln):
                totals = False
            if totals and re.search(r"SEVERITY\.(HIGH|MEDIUM):", ln):
                out.append(ln)
    groups: dict[tuple, list[str]] = {}
    for r in recs:
        def field(name):
            return next((x for x in r if re.match(rf"-?\s*{name}:", x.strip().lstrip("- "))), None)
        text, sev, tid, fn = field("issue_text"), field("issue_severity"), field("test_id"), field("filename")
        if fn:
            out.append(fn.strip().lstrip("- "))
        if not text:
            continue
        if sev and "HIGH" in sev:
            out.append(text)
        else:
            groups.setdefault((tid, fn), []).append(text)
    out += [cm.any_of(v) for v in groups.values()]
    return out


CUSTOM_RE = re.compile(r"^(?P<file>\S+?):(?P<line>\d+): (?P<tid>B\d+)\[(?P<sev>\w+)[]/]")


@cm.kind("bandit-custom", "lint")
def n_bandit_custom(lines):
    """HIGH finding lines; others one {any} per (test_id, file); every ERROR/error line; every Files skipped block line."""
    out = _common(lines) + [ln for ln in lines if "error" in ln]
    groups: dict[tuple, list[str]] = {}
    for ln in lines:
        m = CUSTOM_RE.match(ln)
        if not m:
            continue
        if m["sev"].upper() == "HIGH":
            out.append(ln)
        else:
            groups.setdefault((m["tid"], m["file"]), []).append(ln)
    out += [cm.any_of(v) for v in groups.values()]
    for i, ln in enumerate(lines):
        if ln.startswith("Files skipped"):
            for k in range(i + 1, len(lines)):
                if not lines[k].startswith((" ", "\t")) or not lines[k].strip():
                    break
                out.append(lines[k])
    return out


@cm.kind("detect-secrets-audit-report", "json")
def n_ds_report(lines):
    """Each distinct "filename" line; each distinct secret-type string line; category lines of a non-most-common value; line-number key lines of secrets in *.pem, *.key, .env* files."""
    out = _common(lines)
    cats = [ln for ln in lines if re.search(r'"category":', ln)]
    common = Counter(c.strip() for c in cats).most_common(1)
    top = common[0][0] if common else None
    out += [c for c in cats if c.strip() != top]
    fname = None
    in_types = in_lines = False
    for ln in lines:
        s = ln.strip()
        m = re.match(r'"filename":\s*"([^"]*)"', s)
        if m:
            fname = m.group(1)
            out.append(s)
        if re.match(r'"types":\s*\[', s):
            in_types = not s.endswith("],") and not s.endswith("]")
            continue
        if in_types:
            if s.startswith("]"):
                in_types = False
            else:
                out.append(s)
        if re.match(r'"lines":\s*\{', s):
            in_lines = not s.endswith("}") and not s.endswith("},")
            continue
        if in_lines:
            if s.startswith("}"):
                in_lines = False
            elif re.match(r'"\d+":', s) and fname and re.search(r"\.(pem|key)$|(^|/)\.env", fname):
                out.append(s)
    return out


# ------------------------------------------------------------------ material

MAKE_CERTS = r'''
import datetime, sys
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, ec

def write(name, key, cn, start, days, algo):
    subj = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tollgate Road Office"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
            .sign(key, algo))
    open(name + ".crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
    open(name + ".key", "wb").write(key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))

now = datetime.datetime(2026, 11, 1)
write("weak", rsa.generate_private_key(65537, 1024), "tolls-legacy.tollgate.local",
      datetime.datetime(2019, 3, 1), 400, hashes.SHA256())
write("mid", rsa.generate_private_key(65537, 2048), "booths.tollgate.local", now, 825, hashes.SHA256())
write("modern", ec.generate_private_key(ec.SECP256R1()), "api.tollgate.local", now, 90, hashes.SHA256())
'''

TLS_CONFIGS = {
    "legacy": dict(cert="weak", extra="sslVersionMin = TLSv1\nciphers = ALL:@SECLEVEL=0\n"),
    "booths": dict(cert="mid", extra="sslVersionMin = TLSv1.2\nsslVersionMax = TLSv1.2\n"
                   "ciphers = AES128-SHA:AES256-SHA:DES-CBC3-SHA:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384"
                   ":@SECLEVEL=0\n"),
    "api": dict(cert="modern", extra="sslVersionMin = TLSv1.3\n"),
}

SSHD_CONFIGS = {
    "legacy": ("rsa1024", "Ciphers aes128-cbc,3des-cbc,aes256-ctr,aes128-ctr\n"
               "KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,"
               "diffie-hellman-group-exchange-sha1,curve25519-sha256\n"
               "MACs hmac-sha1,hmac-md5,umac-64@openssh.com,hmac-sha2-256\n"
               "HostKeyAlgorithms ssh-rsa,rsa-sha2-256,rsa-sha2-512\nPasswordAuthentication yes\n"
               "PermitRootLogin yes\n"),
    "default": ("ed25519 rsa3072", ""),
    "hardened": ("ed25519", "KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256\n"
                 "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com\n"
                 "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com\n"
                 "HostKeyAlgorithms ssh-ed25519\nPasswordAuthentication no\n"),
}

WEB_SERVER = r'''
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class H(SimpleHTTPRequestHandler):
    server_version = "SimpleHTTP/0.6"
    def do_OPTIONS(self):
        self.send_response(200)
        self.send_header("Allow", "GET, HEAD, POST, PUT, DELETE, TRACE, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def do_TRACE(self):
        self.send_response(200); self.send_header("Content-Type", "message/http"); self.end_headers()
    def end_headers(self):
        self.send_header("X-Powered-By", "tollgate-booths 0.9")
        super().end_headers()
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

WEB_FILES = {
    "index.html": "<html><head><title>Tollgate booth console</title></head><body>booths</body></html>\n",
    "admin/index.html": "<html><head><title>Admin login</title></head><body><form>pw</form></body></html>\n",
    "backup/db-2026-11-30.sql": "-- dump\nINSERT INTO plates VALUES ('AB12CDE', 3.50);\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".git/config": "[core]\n\trepositoryformatversion = 0\n",
    "robots.txt": "User-agent: *\nDisallow: /admin/\nDisallow: /backup/\nDisallow: /internal/\n",
    "phpinfo.php": "<?php phpinfo(); ?>\n",
    "test/index.html": "<html><title>test</title></html>\n",
    "server-status": "Server uptime: 12 days\n",
    "CHANGELOG.txt": "0.9 booths\n",
    "wp-login.php": "<html><title>Log In</title></html>\n",
    "examples/index.html": "<html><title>examples</title></html>\n",
    "icons/README": "icons\n",
    "manager/html/index.html": "<html><title>Manager</title></html>\n",
}


def _start_tls(d: Path, name: str) -> None:
    cfg = TLS_CONFIGS[name]
    conf = d / f"stunnel-{name}.conf"
    conf.write_text(f"foreground = yes\npid =\ndebug = 3\n[tolls]\naccept = 127.0.0.1:{TLS_PORT}\n"
                    f"connect = 127.0.0.1:{WEB_PORT}\ncert = {d}/{cfg['cert']}.crt\nkey = {d}/{cfg['cert']}.key\n"
                    + cfg["extra"])
    p = cm.start(["stunnel", str(conf)], cwd=d, log=open(d / f"stunnel-{name}.log", "w"))
    if not cm.wait_port(TLS_PORT, 15):
        raise RuntimeError(f"stunnel {name} did not listen: " + (d / f"stunnel-{name}.log").read_text()[-400:])
    return p


def _start_sshd(d: Path, name: str):
    keys, extra = SSHD_CONFIGS[name]
    lines = []
    for k in keys.split():
        f = d / f"hk_{name}_{k}"
        if not f.exists():
            t, b = ("rsa", k[3:]) if k.startswith("rsa") else (k, "")
            cm.run(f"ssh-keygen -q -t {t} {'-b ' + b if b else ''} -N '' -f {f}", timeout=120)
        lines.append(f"HostKey {f}\n")
    conf = d / f"sshd-{name}.conf"
    conf.write_text(f"Port {SSH_PORT}\nListenAddress 127.0.0.1\n" + "".join(lines) +
                    f"PidFile {d}/sshd-{name}.pid\nUsePAM no\n" + extra)
    Path("/run/sshd").mkdir(exist_ok=True)
    chk = cm.run(f"/usr/sbin/sshd -t -f {conf}", timeout=30)
    if chk.strip():
        cm.note(f"sshd -t {name}: {chk.strip()[:300]}")
    Path("/run/sshd").mkdir(exist_ok=True)
    p = cm.start(["/usr/sbin/sshd", "-D", "-e", "-f", str(conf)], cwd=d, log=open(d / f"sshd-{name}.log", "w"))
    if not cm.wait_port(SSH_PORT, 15):
        raise RuntimeError(f"sshd {name} did not listen: " + (d / f"sshd-{name}.log").read_text()[-400:])
    return p


def _start_web(d: Path):
    root = d / "www"
    cm.write_tree(root, WEB_FILES)
    (d / "booth_server.py").write_text(WEB_SERVER.lstrip())
    p = cm.start([sys.executable, str(d / "booth_server.py"), str(WEB_PORT), str(root)], cwd=d)
    if not cm.wait_port(WEB_PORT, 15):
        raise RuntimeError("web server did not listen")
    return p


def _gone(p, port: int) -> None:
    cm.stop(p)
    for _ in range(50):
        if not cm.wait_port(port, 0.1):
            return
        time.sleep(0.2)


# ------------------------------------------------------------------ steps


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    (d / "make_certs.py").write_text(MAKE_CERTS.lstrip())
    cm.run(f"{VENV}/bin/python make_certs.py", cwd=d, timeout=120)
    web = _start_web(d)
    target = f"127.0.0.1:{TLS_PORT}"
    for name in TLS_CONFIGS:
        p = _start_tls(d, name)
        cap(f"sslyze-{name}", f"sslyze {target}", d, n_sslyze, timeout=400)
        if name == "legacy":
            cap(f"sslyze-{name}-modern", f"sslyze --mozilla_config=modern --certinfo --heartbleed --robot {target}",
                d, n_sslyze, timeout=400)
        cap(f"sslyze-json-{name}", f"sslyze --json_out=- {JSON_SCANS[name]} {target} | python3 -m json.tool", d,
            n_sslyze_json,
            timeout=400)
        cap(f"nmap-ssl-enum-ciphers-{name}", f"nmap -Pn -sV -p {TLS_PORT} --script ssl-enum-ciphers 127.0.0.1", d,
            n_nmap_ssl, timeout=400)
        _gone(p, TLS_PORT)
    _gone(web, WEB_PORT)


JSON_SCANS = {"legacy": "--tlsv1 --heartbleed", "booths": "--tlsv1_1 --tlsv1_3 --heartbleed --openssl_ccs",
              "api": "--tlsv1_3 --certinfo --elliptic_curves"}  # a whole JSON scan is 260-320K characters


def _policies() -> list[str]:
    out = cm.run("ssh-audit -L", timeout=60)
    return [m.group(1) for m in re.finditer(r'\* "(Hardened OpenSSH Server [^"]*)"', out)]


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir()
    pols = _policies()
    cm.note(f"policies: {pols}")
    builtin = pols[-1] if pols else None
    made = d / "tollgate-policy.txt"
    order = ["hardened", "legacy", "default"]
    for name in order:
        p = _start_sshd(d, name)
        cap(f"ssh-audit-json-{name}", f"ssh-audit -jj -p {SSH_PORT} 127.0.0.1", d, n_ssh_audit_json, timeout=120)
        if name == "hardened":
            cm.run(f"ssh-audit -M {made} -p {SSH_PORT} 127.0.0.1", timeout=120)
        if builtin:
            cap(f"ssh-audit-policy-{name}", f"ssh-audit -n -P \"{builtin}\" -p {SSH_PORT} 127.0.0.1", d,
                n_ssh_audit_policy, timeout=120)
        if name != "hardened" and made.exists():
            cap(f"ssh-audit-policy-{name}-custom", f"ssh-audit -n -P {made.name} -p {SSH_PORT} 127.0.0.1", d,
                n_ssh_audit_policy, timeout=120)
        cap(f"nmap-ssh2-enum-algos-{name}",
            f"nmap -Pn -sV -p {SSH_PORT} --script ssh2-enum-algos,ssh-hostkey,ssh-auth-methods 127.0.0.1", d,
            n_nmap_ssh, timeout=300)
        _gone(p, SSH_PORT)


def cap_web_and_xml(tmp: Path) -> None:
    d = tmp / "all"
    d.mkdir()
    (d / "make_certs.py").write_text(MAKE_CERTS.lstrip())
    cm.run(f"{VENV}/bin/python make_certs.py", cwd=d, timeout=120)
    web = _start_web(d)
    cap("nmap-http-enum-booths", f"nmap -Pn -sV -p {WEB_PORT} --script http-enum,http-methods,http-headers,http-title "
        "127.0.0.1", d, n_nmap_http, timeout=400)
    cap("nmap-http-enum-trace", f"nmap -Pn -sV -p {WEB_PORT} --script http-methods,http-enum "
        "--script-args http-methods.test-all 127.0.0.1", d, n_nmap_http, timeout=400)
    tls = _start_tls(d, "legacy")
    ssh = _start_sshd(d, "legacy")
    ports = f"{TLS_PORT},{SSH_PORT},{WEB_PORT}"
    cap("nmap-http-enum-tls", f"nmap -Pn -sV -p {TLS_PORT} --script http-methods,http-title,http-headers 127.0.0.1", d,
        n_nmap_http, timeout=400)
    cap("nmap-xml-sv", f"nmap -Pn -sV -oX - -p {ports} 127.0.0.1", d, n_nmap_xml, timeout=500)
    cap("nmap-xml-scripts", f"nmap -Pn -sV --script ssl-cert,ssh-hostkey,http-title -oX - -p {ports} 127.0.0.1", d,
        n_nmap_xml, timeout=500)
    cap("nmap-xml-range", f"nmap -Pn -sV --version-light -oX - -p {ports},18376-18390 127.0.0.1", d, n_nmap_xml,
        timeout=500)
    for p, port in ((tls, TLS_PORT), (ssh, SSH_PORT), (web, WEB_PORT)):
        _gone(p, port)


BROKEN_PY = 'def settle(booth):\n    if booth.open\n        return booth.close()\n'


def _bandit_project(root: Path, n: int, seed: int) -> None:
    cm.make_lint_project(root, n, seed)
    (root / "ledger" / "booth_sync.py").write_text(BROKEN_PY)
    (root / "ledger" / "fares.py").write_text(
        "import yaml, requests, ssl\n\n"
        "def load(path):\n    return yaml.load(open(path))\n\n"
        "def fetch(url):\n    return requests.get(url, verify=False)\n\n"
        "CTX = ssl._create_unverified_context()\nSECRET_KEY = 'tollgate-dev-secret'\n")


def cap_bandit(tmp: Path) -> None:
    for n, seed in [(4, 37501), (14, 37502), (24, 37503)]:
        d = tmp / f"bandit{n}"
        _bandit_project(d, n, seed)
        cap(f"bandit-yaml-{n}", "bandit -r ledger -f yaml", d, n_bandit_yaml, timeout=300)
    for n, tmpl in [(4, "{relpath}:{line}: {test_id}[{severity}]: {msg}"),
                    (14, "{relpath}:{line}: {test_id}[{severity}/{confidence}]: {msg} ({range})"),
                    (24, "{relpath}:{line}: {test_id}[{severity}]: {msg}")]:
        d = tmp / f"bandit{n}"
        extra = " -ll" if n == 24 else ""
        cap(f"bandit-custom-{n}", f"bandit -r ledger{extra} -f custom --msg-template \"{tmpl}\"", d,
            n_bandit_custom, timeout=300)


def _fake(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _secrets_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    up, lo, dg = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"
    files: dict[str, str] = {}
    for i in range(n):
        files[f"tollgate/booth_{i:02d}.py"] = (
            f'"""Booth {i}."""\nBOOTH = {i}\nAPI_TOKEN = "{_fake(rng, lo + dg, 40)}"\n'
            f'db_password = "{_fake(rng, lo + up + dg, 14)}"\nRATE = 3.5\n')
        if i % 3 == 0:
            files[f"tollgate/cloud_{i:02d}.py"] = (
                f'AWS_ACCESS_KEY_ID = "AKIA{_fake(rng, up + dg, 16)}"\n'
                f'AWS_SECRET_ACCESS_KEY = "{_fake(rng, lo + up + dg + "/+", 40)}"\n')
        if i % 4 == 1:
            files[f"config/booth_{i:02d}.yaml"] = (
                f"booth: {i}\nslack_webhook: https://hooks.slack.com/services/T{_fake(rng, up + dg, 8)}/"
                f"B{_fake(rng, up + dg, 8)}/{_fake(rng, lo + up + dg, 24)}\n"
                f"github_token: ghp_{_fake(rng, lo + up + dg, 36)}\n"
                f"db_url: postgres://tolls:{_fake(rng, lo + dg, 12)}@10.0.0.{i}/fares\n")
    files[".env"] = (f"STRIPE_KEY=sk_live_{_fake(rng, lo + up + dg, 24)}\n"
                     f"SECRET_KEY={_fake(rng, lo + up + dg, 32)}\nDEBUG=1\n")
    files["deploy/booth.key"] = ("-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(
        _fake(rng, lo + up + dg + "+/", 64) for _ in range(8)) + "\n-----END RSA PRIVATE KEY-----\n")
    files["deploy/README.md"] = "# Deploy\nNothing secret here, the key is rotated.\n"
    cm.write_tree(root, files)


def cap_secrets(tmp: Path) -> None:
    for n, seed, scan in [(3, 37504, "--all-files"), (12, 37505, "--all-files"),
                          (30, 37504, "--all-files --exclude-files '\\.yaml$'")]:
        d = tmp / f"secrets{n}"
        _secrets_project(d, n, seed)
        cm.run(f"detect-secrets scan {scan} > .secrets.baseline", cwd=d, timeout=300)
        cap(f"detect-secrets-audit-report-{n}", "detect-secrets audit --report .secrets.baseline", d, n_ds_report,
            timeout=300)


STEPS = [cap_bandit, cap_secrets, cap_tls, cap_ssh, cap_web_and_xml]


def ensure_tools() -> None:
    cm.install_venv(VENV, "sslyze", ["sslyze", "bandit", "detect-secrets"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    for tool in ("sslyze", "bandit", "detect-secrets", "nmap", "ssh-audit", "stunnel", "/usr/sbin/sshd"):
        cm.have(tool, tool)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide375", sys.modules["__main__"])
    main()
