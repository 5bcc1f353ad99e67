#!/usr/bin/env python3
"""Capture round 391 of the compression corpus: second samples of round 375's eleven security-scanner kinds
(sslyze text and JSON, nmap's ssl-enum-ciphers, ssh2-enum-algos, http-enum and XML output, ssh-audit's JSON and
policy audits, bandit's YAML and custom formats, detect-secrets' audit report) on new material: a fire station's
("Redbrook fire station") TLS, SSH and web endpoints on 127.0.0.1 with other weak settings, and a project of its
appliances, crews and call-outs with real flaws and planted fake secrets. No rule is new: every extractor is round
375's, imported from capture_wide375 (NEEDLES.md "Round 391"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide391.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide391.json  as {"version": 2, "items": [...]}, ids prefixed "wide391-".
Steps may run in parallel processes (cap_code, cap_tls, cap_ssh; then cap_web_and_xml), each with its own
HM_WIDE391_TMP and --out, their items merged afterwards (they share no port).
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide375 import (  # noqa: E402  round 375's extractors, imported (no new rule)
    n_bandit_custom, n_bandit_yaml, n_ds_report, n_nmap_http, n_nmap_ssh, n_nmap_ssl, n_nmap_xml, n_ssh_audit_json,
    n_ssh_audit_policy, n_sslyze, n_sslyze_json,
)

ID_PREFIX = "wide391-"
DEFAULT_OUT = HERE / "data" / "wide391.json"
TMP = Path(os.environ.get("HM_WIDE391_TMP", "/dev/shm/hm-corpus-wide391"))
TOOLS = Path(os.environ.get("HM_WIDE391_TOOLS", "/dev/shm/hm-corpus-wide391-tools"))
VENV = TOOLS / "venv"
TLS_PORT, SSH_PORT, WEB_PORT = 18391, 28391, 38391

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ material: servers

MAKE_CERTS = r'''
import datetime
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, ec

def write(name, key, cn, start, days, algo):
    subj = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Redbrook Fire Station"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Watch Room"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
            .sign(key, algo))
    open(name + ".crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
    open(name + ".key", "wb").write(key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))

write("pumps", rsa.generate_private_key(65537, 2048), "pumps-old.redbrook-fire.local",
      datetime.datetime(2020, 1, 6), 540, hashes.SHA256())
write("rota", rsa.generate_private_key(65537, 3072), "rota.redbrook-fire.local",
      datetime.datetime(2027, 6, 1), 365, hashes.SHA384())
write("callouts", ec.generate_private_key(ec.SECP384R1()), "callouts.redbrook-fire.local",
      datetime.datetime(2026, 11, 15), 30, hashes.SHA384())
'''

TLS_CONFIGS = {
    "pumps": dict(cert="pumps", extra="sslVersionMin = TLSv1\nsslVersionMax = TLSv1.1\n"
                  "ciphers = AES128-SHA:AES256-SHA:DHE-RSA-AES128-SHA:ADH-AES128-SHA:AECDH-AES256-SHA"
                  ":CAMELLIA128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0\n"),
    "rota": dict(cert="rota", extra="sslVersionMin = TLSv1.2\nsslVersionMax = TLSv1.2\n"
                 "ciphers = CAMELLIA256-SHA:ARIA128-GCM-SHA256:DHE-RSA-CAMELLIA128-SHA:ADH-AES256-GCM-SHA384"
                 ":DHE-RSA-AES256-SHA256:AES128-SHA256:ECDHE-RSA-ARIA256-GCM-SHA384:@SECLEVEL=0\n"),
    "callouts": dict(cert="callouts", extra="sslVersionMin = TLSv1.2\n"),
}

SSHD_CONFIGS = {
    "appliance": ("rsa2048", "Ciphers aes192-cbc,aes256-cbc,aes128-ctr,chacha20-poly1305@openssh.com\n"
                  "KexAlgorithms diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha1,"
                  "diffie-hellman-group14-sha256\n"
                  "MACs hmac-sha1,umac-64@openssh.com,hmac-sha1-etm@openssh.com,hmac-sha2-256\n"
                  "HostKeyAlgorithms ssh-rsa,rsa-sha2-256\nPasswordAuthentication yes\n"
                  "KbdInteractiveAuthentication yes\nPermitRootLogin prohibit-password\n"),
    "mdt": ("ecdsa256", "KexAlgorithms ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521\n"
            "Ciphers aes128-ctr,aes192-ctr,aes256-ctr\n"
            "MACs hmac-sha1-etm@openssh.com,umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com\n"
            "HostKeyAlgorithms ecdsa-sha2-nistp256\nPasswordAuthentication no\n"),
    "station": ("ed25519 rsa4096", "KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,"
                "curve25519-sha256@libssh.org,diffie-hellman-group16-sha512\n"
                "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com\n"
                "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com\n"
                "HostKeyAlgorithms ssh-ed25519,rsa-sha2-512\nPasswordAuthentication no\n"),
}

WEB_SERVER = r'''
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class H(SimpleHTTPRequestHandler):
    server_version = "RedbrookWatchRoom/2.1"
    def do_OPTIONS(self):
        self.send_response(200)
        self.send_header("Allow", "GET, HEAD, POST, PUT, DELETE, PATCH, PROPFIND, TRACE, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def do_TRACE(self):
        self.send_response(200); self.send_header("Content-Type", "message/http"); self.end_headers()
    def do_PUT(self):
        self.send_response(201); self.send_header("Content-Length", "0"); self.end_headers()
    def do_DELETE(self):
        self.send_response(204); self.end_headers()
    def end_headers(self):
        self.send_header("X-Powered-By", "PHP/5.6.40")
        self.send_header("X-Station", "Redbrook Blue Watch")
        super().end_headers()
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

WEB_FILES = {
    "index.html": "<html><head><title>Redbrook watch room</title></head><body>appliances</body></html>\n",
    "config/index.html": "<html><head><title>Station config</title></head><body>cfg</body></html>\n",
    ".env": "MOBILISER_URL=http://10.1.2.3/\n",
    ".svn/entries": "12\n\ndir\n",
    ".svn/wc.db": "SQLite format 3\n",
    "uploads/index.html": "<html><title>uploads</title></html>\n",
    "phpmyadmin/index.html": "<html><head><title>phpMyAdmin</title></head><body>phpMyAdmin</body></html>\n",
    "server-info": "Apache Server Information\n",
    "cgi-bin/test-cgi": "#!/bin/sh\necho ok\n",
    "crm/index.html": "<html><title>CRM</title></html>\n",
    "robots.txt": "User-agent: *\nDisallow: /config/\nDisallow: /uploads/\nDisallow: /rota/\n",
    "info.php": "<?php phpinfo(); ?>\n",
    "README.txt": "Watch room console 2.1\n",
    "login.php": "<html><title>Log In</title></html>\n",
    "admin.php": "<html><title>Admin</title></html>\n",
    "install/index.html": "<html><title>Install</title></html>\n",
    "webdav/index.html": "<html><title>WebDAV</title></html>\n",
    "logs/index.html": "<html><title>logs</title></html>\n",
}


def _start_tls(d: Path, name: str):
    cfg = TLS_CONFIGS[name]
    conf = d / f"stunnel-{name}.conf"
    conf.write_text(f"foreground = yes\npid =\ndebug = 3\n[station]\naccept = 127.0.0.1:{TLS_PORT}\n"
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
            t, b = re.match(r"([a-z]+\D)?(\d*)$", k).groups() if k != "ed25519" else ("ed25519", "")
            t = t or k
            cm.run(f"ssh-keygen -q -t {t} {'-b ' + b if b else ''} -N '' -f {f}", timeout=120)
        lines.append(f"HostKey {f}\n")
    conf = d / f"sshd-{name}.conf"
    conf.write_text(f"Port {SSH_PORT}\nListenAddress 127.0.0.1\n" + "".join(lines) +
                    f"PidFile {d}/sshd-{name}.pid\nUsePAM no\n" + extra)
    Path("/run/sshd").mkdir(exist_ok=True)
    chk = cm.run(f"/usr/sbin/sshd -t -f {conf}", timeout=30)
    if chk.strip():
        cm.note(f"sshd -t {name}: {chk.strip()[:300]}")
    p = cm.start(["/usr/sbin/sshd", "-D", "-e", "-f", str(conf)], cwd=d, log=open(d / f"sshd-{name}.log", "w"))
    if not cm.wait_port(SSH_PORT, 15):
        raise RuntimeError(f"sshd {name} did not listen: " + (d / f"sshd-{name}.log").read_text()[-400:])
    return p


def _start_web(d: Path):
    root = d / "www"
    cm.write_tree(root, WEB_FILES)
    (d / "watchroom_server.py").write_text(WEB_SERVER.lstrip())
    p = cm.start([sys.executable, str(d / "watchroom_server.py"), str(WEB_PORT), str(root)], cwd=d)
    if not cm.wait_port(WEB_PORT, 15):
        raise RuntimeError("web server did not listen")
    return p


def _gone(p, port: int) -> None:
    cm.stop(p)
    for _ in range(50):
        if not cm.wait_port(port, 0.1):
            return
        time.sleep(0.2)


# ------------------------------------------------------------------ steps: servers

# --certinfo made the pumps and callouts JSON 145-152K characters: dropped from them
JSON_SCANS = {"pumps": "--tlsv1 --tlsv1_1 --heartbleed --robot",
              "rota": "--tlsv1_2 --openssl_ccs --fallback",
              "callouts": "--tlsv1_2 --tlsv1_3 --elliptic_curves --heartbleed"}


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    (d / "make_certs.py").write_text(MAKE_CERTS.lstrip())
    cm.run(f"{VENV}/bin/python make_certs.py", cwd=d, timeout=120)
    web = _start_web(d)
    target = f"127.0.0.1:{TLS_PORT}"
    for name in TLS_CONFIGS:
        p = _start_tls(d, name)
        cap(f"sslyze-{name}", f"sslyze {target}", d, n_sslyze, timeout=500)
        if name == "rota":
            # a --mozilla_config check runs every scan (a first run gave a copy of the default scan): disabled here
            cap(f"sslyze-{name}-scans", f"sslyze --mozilla_config=disable --tlsv1_2 --elliptic_curves --reneg "
                f"--compression --fallback --openssl_ccs --heartbleed {target}", d, n_sslyze, timeout=400)
        cap(f"sslyze-json-{name}", f"sslyze --json_out=- {JSON_SCANS[name]} {target} | python3 -m json.tool", d,
            n_sslyze_json, timeout=400)
        cap(f"nmap-ssl-enum-ciphers-{name}", f"nmap -Pn -sV -p {TLS_PORT} --script ssl-enum-ciphers 127.0.0.1", d,
            n_nmap_ssl, timeout=400)
        _gone(p, TLS_PORT)
    _gone(web, WEB_PORT)


def _policies() -> list[str]:
    out = cm.run("ssh-audit -L", timeout=60)
    return [m.group(1) for m in re.finditer(r'\* "(Hardened OpenSSH Server [^"]*)"', out)]


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir()
    pols = _policies()
    cm.note(f"policies: {pols}")
    builtin = pols[0] if pols else None  # round 375 used the newest; this round the oldest it ships
    made = d / "redbrook-policy.txt"
    for name in ["station", "appliance", "mdt"]:
        p = _start_sshd(d, name)
        cap(f"ssh-audit-json-{name}", f"ssh-audit -jj -p {SSH_PORT} 127.0.0.1", d, n_ssh_audit_json, timeout=120)
        if name == "station":
            cm.run(f"ssh-audit -M {made} -p {SSH_PORT} 127.0.0.1", timeout=120)
        if builtin:
            cap(f"ssh-audit-policy-{name}", f"ssh-audit -n -P \"{builtin}\" -p {SSH_PORT} 127.0.0.1", d,
                n_ssh_audit_policy, timeout=120)
        if name != "station" and made.exists():
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
    cap("nmap-http-enum-watchroom", f"nmap -Pn -sV -p {WEB_PORT} --script http-enum,http-methods,http-headers,"
        "http-title,http-robots.txt 127.0.0.1", d, n_nmap_http, timeout=400)
    cap("nmap-http-enum-methods", f"nmap -Pn -sV -p {WEB_PORT} --script http-methods,http-enum,http-server-header "
        "--script-args http-methods.test-all 127.0.0.1", d, n_nmap_http, timeout=400)
    tls = _start_tls(d, "rota")  # with "pumps" (TLS 1.0-1.1 only) nmap's -sV did not get through: 361 characters
    ssh = _start_sshd(d, "appliance")
    ports = f"{TLS_PORT},{SSH_PORT},{WEB_PORT}"
    cap("nmap-http-enum-tls", f"nmap -Pn -sV -p {TLS_PORT} --script http-methods,http-title,http-headers,"
        "http-security-headers 127.0.0.1", d, n_nmap_http, timeout=400)
    cap("nmap-xml-scripts", f"nmap -Pn -sV --script ssl-enum-ciphers,ssh2-enum-algos,http-methods -oX - -p {ports} "
        "127.0.0.1", d, n_nmap_xml, timeout=500)
    cap("nmap-xml-range", f"nmap -Pn -sV --version-light -oX - -p {ports},18392-18420,28392-28400 127.0.0.1", d,
        n_nmap_xml, timeout=500)
    cap("nmap-xml-cert", f"nmap -Pn -sV --script ssl-cert,ssh-hostkey,http-headers,http-title -oX - -p {ports} "
        "127.0.0.1", d, n_nmap_xml, timeout=500)
    for p, port in ((tls, TLS_PORT), (ssh, SSH_PORT), (web, WEB_PORT)):
        _gone(p, port)


# ------------------------------------------------------------------ material: the firestation project

FLAWS = [
    "def run_pump_test_{n}(appliance):\n    return subprocess.call('pumptest --unit ' + appliance, shell=True)\n",
    "def page_crew_{n}(crew):\n    os.system('pager-send %s' % crew)\n",
    "def rate_{n}(expr):\n    return eval(expr)\n",
    "def apply_rule_{n}(code):\n    exec(code)\n",
    "def load_rota_{n}(blob):\n    return pickle.loads(blob)\n",
    "def load_cache_{n}(blob):\n    return marshal.loads(blob)\n",
    "def read_plan_{n}(path):\n    with open(path) as f:\n        return yaml.load(f)\n",
    "def hose_digest_{n}(data):\n    return hashlib.md5(data).hexdigest()\n",
    "def crew_digest_{n}(data):\n    return hashlib.sha1(data).hexdigest()\n",
    "def callout_token_{n}():\n    return ''.join(random.choice('abcdef0123456789') for _ in range(16))\n",
    "def scratch_{n}():\n    return tempfile.mktemp(suffix='.callout')\n",
    "def fetch_hydrant_{n}(url):\n    return requests.get(url, verify=False)\n",
    "def fetch_weather_{n}(url):\n    return requests.post(url, data={{'station': 'redbrook'}})\n",
    "def serve_{n}():\n    s = socket.socket()\n    s.bind(('0.0.0.0', 8{n:03d}))\n    return s\n",
    "def login_{n}(user):\n    password = 'BlueWatch{n}!'\n    return user, password\n",
    "def find_callouts_{n}(cur, street):\n    cur.execute(\"SELECT * FROM callouts WHERE street = '%s'\" % street)\n"
    "    return cur.fetchall()\n",
    "def delete_crew_{n}(cur, crew_id):\n    cur.execute(f\"DELETE FROM crews WHERE id = {{crew_id}}\")\n",
    "def check_{n}(ladder):\n    assert ladder.height > 0\n    return ladder\n",
    "def quiet_{n}(fn):\n    try:\n        fn()\n    except Exception:\n        pass\n",
    "def parse_mobilisation_{n}(text):\n    return xml.etree.ElementTree.fromstring(text)\n",
    "def dump_log_{n}():\n    with open('/tmp/callouts_{n}.log', 'w') as f:\n        f.write('x')\n",
    "def chmod_{n}(path):\n    os.chmod(path, 0o777)\n",
    "def ftp_{n}(host):\n    return ftplib.FTP(host)\n",
    "def legacy_cipher_{n}():\n    return ssl.wrap_socket(socket.socket(), ssl_version=ssl.PROTOCOL_TLSv1)\n",
    "def parse_station_xml_{n}(text):\n    return xml.dom.minidom.parseString(text)\n",
    "def run_hose_{n}(args):\n    return subprocess.Popen(args, shell=True)\n",
]
HEADER = ("import os\nimport subprocess\nimport pickle\nimport marshal\nimport hashlib\nimport random\nimport tempfile\n"
          "import socket\nimport ssl\nimport ftplib\nimport telnetlib\nimport xml.etree.ElementTree\n"
          "import xml.dom.minidom\nimport yaml\nimport requests\n\n")
TOPICS = ["appliances", "crews", "callouts", "hydrants", "ladders", "hoses", "rota", "pagers", "breathing_apparatus",
          "turnout", "mobiliser", "incidents", "drills", "watch_room", "pumps", "rescue_kit"]
BROKEN = "def turnout(appliance):\n    if appliance.ready\n        return appliance.mobilise()\n"


def _firestation(root: Path, n_modules: int, per_module: int, seed: int) -> None:
    rng = random.Random(seed)
    pkg = root / "firestation"
    files = {"firestation/__init__.py": '"""Redbrook fire station: appliances, crews and call-outs."""\n',
             "firestation/turnout_broken.py": BROKEN}
    for m in range(n_modules):
        topic = TOPICS[m % len(TOPICS)] + (f"_{m // len(TOPICS)}" if m >= len(TOPICS) else "")
        body = [f'"""{topic.replace("_", " ").title()} of Redbrook fire station."""\n', HEADER]
        for k in range(per_module):
            body.append(rng.choice(FLAWS).format(n=m * 100 + k) + "\n\n")
        files[f"firestation/{topic}.py"] = "".join(body)
    pkg.mkdir(parents=True, exist_ok=True)
    cm.write_tree(root, files)


def _fake(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _secrets_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    up, lo, dg = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"
    b64 = lo + up + dg + "+/"
    files: dict[str, str] = {}
    for i in range(n):
        files[f"firestation/appliance_{i:02d}.py"] = (
            f'"""Appliance {i}."""\nCALLSIGN = "RB{i:02d}P1"\nMOBILISER_TOKEN = "{_fake(rng, lo + dg, 40)}"\n'
            f'crew_password = "{_fake(rng, lo + up + dg, 16)}"\nPUMP_LPM = {1800 + i * 50}\n')
        if i % 3 == 0:
            files[f"firestation/aws_{i:02d}.py"] = (
                f'AWS_ACCESS_KEY_ID = "AKIA{_fake(rng, up + dg, 16)}"\n'
                f'aws_secret_access_key = "{_fake(rng, b64, 40)}"\n')
        if i % 4 == 1:
            files[f"config/crew_{i:02d}.ini"] = (
                f"[crew]\nwatch = {'ABCD'[i % 4]}\nslack = https://hooks.slack.com/services/T{_fake(rng, up + dg, 8)}/"
                f"B{_fake(rng, up + dg, 8)}/{_fake(rng, lo + up + dg, 24)}\n"
                f"github = ghp_{_fake(rng, lo + up + dg, 36)}\n"
                f"rota_db = mysql://watch:{_fake(rng, lo + dg, 14)}@db.redbrook-fire.local/rota\n")
        if i % 5 == 2:
            hdr = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            files[f"firestation/callouts_{i:02d}.js"] = (
                f"const jwt = '{hdr}.eyJzdGF0aW9uIjoicmVkYnJvb2siLCJjcmV3Ijo{_fake(rng, lo + up + dg, 12)}"
                f"In0.{_fake(rng, lo + up + dg + '-_', 43)}';\n"
                f"const twilio = 'SK{_fake(rng, 'abcdef' + dg, 32)}';\n"
                f"const mailchimp = '{_fake(rng, 'abcdef' + dg, 32)}-us{i % 20 + 1}';\n"
                f"const stripe = 'sk_live_{_fake(rng, lo + up + dg, 24)}';\n")
        if i % 6 == 4:
            files[f"deploy/storage_{i:02d}.conf"] = (
                f"DefaultEndpointsProtocol=https;AccountName=redbrook{i};AccountKey={_fake(rng, b64, 86)}==;"
                "EndpointSuffix=core.windows.net\n")
    files[".env.production"] = (f"STRIPE_KEY=sk_live_{_fake(rng, lo + up + dg, 24)}\n"
                                f"SECRET_KEY={_fake(rng, lo + up + dg, 32)}\n"
                                f"PAGER_API_KEY={_fake(rng, lo + dg, 32)}\nDEBUG=0\n")
    files[".npmrc"] = f"//registry.npmjs.org/:_authToken=npm_{_fake(rng, lo + up + dg, 36)}\n"
    files["deploy/watchroom.key"] = ("-----BEGIN RSA PRIVATE KEY-----\n" + "\n".join(
        _fake(rng, b64, 64) for _ in range(8)) + "\n-----END RSA PRIVATE KEY-----\n")
    files["deploy/mobiliser.pem"] = ("-----BEGIN EC PRIVATE KEY-----\n" + "\n".join(
        _fake(rng, b64, 64) for _ in range(3)) + "\n-----END EC PRIVATE KEY-----\n")
    files["deploy/README.md"] = "# Deploy\nThe keys here were rotated after the 2025 audit.\n"
    cm.write_tree(root, files)


def cap_code(tmp: Path) -> None:
    for n, per, seed in [(5, 4, 39110), (10, 5, 39111), (16, 5, 39112)]:  # 26 modules: 182K characters of YAML
        d = tmp / f"bandit{n}"
        _firestation(d, n, per, seed)
        cap(f"bandit-yaml-{n}", "bandit -r firestation -f yaml", d, n_bandit_yaml, timeout=300)
    for n, tmpl, extra in [(5, "{relpath}:{line}: {test_id}[{severity}]: {msg}", ""),
                           (10, "{relpath}:{line}: {test_id}[{severity}/{confidence}]: {msg} ({range})", ""),
                           (16, "{relpath}:{line}: {test_id}[{severity}]: {msg} [{confidence}]", " -l -ii")]:
        d = tmp / f"bandit{n}"
        cap(f"bandit-custom-{n}", f"bandit -r firestation{extra} -f custom --msg-template \"{tmpl}\"", d,
            n_bandit_custom, timeout=300)
    for n, seed, scan in [(4, 39113, "--all-files"), (14, 39114, "--all-files"),
                          (34, 39115, "--all-files --exclude-files '\\.ini$'"), (22, 39115, "--all-files")]:
        d = tmp / f"secrets{n}"
        _secrets_project(d, n, seed)
        cm.run(f"detect-secrets scan {scan} > .secrets.baseline", cwd=d, timeout=300)
        cap(f"detect-secrets-audit-report-{n}", "detect-secrets audit --report .secrets.baseline", d, n_ds_report,
            timeout=300)


STEPS = [cap_code, cap_tls, cap_ssh, cap_web_and_xml]


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
    sys.modules.setdefault("capture_wide391", sys.modules["__main__"])
    main()
