#!/usr/bin/env python3
"""Capture round 419 of the compression corpus: third samples of round 375's eleven security-scanner kinds
(sslyze text and JSON, nmap's ssl-enum-ciphers, ssh2-enum-algos, http-enum and XML output, ssh-audit's JSON and
policy audits, bandit's YAML and custom formats, detect-secrets' audit report) on new material: a mountain rescue
post's ("Coire Dubh mountain rescue post") TLS, SSH and web endpoints on 127.0.0.1 with other weak settings, and a
project of its stretchers, ropes and call-outs with real flaws and planted fake secrets. No rule is new: every
extractor is round 375's, imported from capture_wide375; the server helpers are round 391's, imported from
capture_wide391 and pointed at this round's ports and material (NEEDLES.md "Round 419"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide419.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide419.json  as {"version": 2, "items": [...]}, ids prefixed "wide419-".
Steps may run in parallel processes (cap_code, cap_tls, cap_ssh; then cap_web_and_xml), each with its own
HM_WIDE419_TMP and --out, their items merged afterwards (they share no port).
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide391 as r391  # noqa: E402  round 391's server helpers, given this round's constants below
from capture_wide375 import (  # noqa: E402  round 375's extractors, imported (no new rule)
    n_bandit_custom, n_bandit_yaml, n_ds_report, n_nmap_http, n_nmap_ssh, n_nmap_ssl, n_nmap_xml, n_ssh_audit_json,
    n_ssh_audit_policy, n_sslyze, n_sslyze_json,
)

ID_PREFIX = "wide419-"
DEFAULT_OUT = HERE / "data" / "wide419.json"
TMP = Path(os.environ.get("HM_WIDE419_TMP", "/dev/shm/hm-corpus-wide419"))
TOOLS = Path(os.environ.get("HM_WIDE419_TOOLS", "/dev/shm/hm-corpus-wide419-tools"))
VENV = TOOLS / "venv"
TLS_PORT, SSH_PORT, WEB_PORT = 18419, 28419, 38419

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
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Coire Dubh Mountain Rescue"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Stretcher Store"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    cert = (x509.CertificateBuilder().subject_name(subj).issuer_name(subj).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False)
            .sign(key, algo))
    open(name + ".crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
    open(name + ".key", "wb").write(key.private_bytes(serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))

now = datetime.datetime.utcnow()
write("winch", rsa.generate_private_key(65537, 2048), "winch-2017.coiredubh-mrt.local",
      datetime.datetime(2017, 3, 2), 800, hashes.SHA256())
write("ropes", rsa.generate_private_key(65537, 4096), "ropes.coiredubh-mrt.local",
      datetime.datetime(2026, 1, 10), 730, hashes.SHA512())
write("casualty", ec.generate_private_key(ec.SECP521R1()), "casualty.coiredubh-mrt.local",
      now - datetime.timedelta(days=400), 396, hashes.SHA512())
'''

TLS_CONFIGS = {
    "winch": dict(cert="winch", extra="sslVersionMin = TLSv1.1\nsslVersionMax = TLSv1.2\n"
                  "ciphers = AES256-SHA:AES128-SHA256:AES256-GCM-SHA384:DHE-RSA-AES256-SHA:ADH-CAMELLIA128-SHA"
                  ":AECDH-AES128-SHA:ADH-AES128-SHA256:ECDHE-RSA-AES256-SHA:@SECLEVEL=0\n"),
    "ropes": dict(cert="ropes", extra="sslVersionMin = TLSv1\n"
                  "ciphers = HIGH:MEDIUM:aNULL:@SECLEVEL=0\n"),
    "casualty": dict(cert="casualty", extra="sslVersionMin = TLSv1.3\n"),
}

SSHD_CONFIGS = {
    "winch": ("dsa ed25519", "Ciphers 3des-cbc,aes128-cbc,aes256-cbc,aes256-ctr\n"
              "KexAlgorithms diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,curve25519-sha256\n"
              "MACs hmac-md5,hmac-sha1-96,hmac-sha1,hmac-sha2-256\n"
              "HostKeyAlgorithms ssh-dss,ssh-ed25519\nPubkeyAcceptedAlgorithms +ssh-dss\n"
              "PasswordAuthentication yes\nPermitRootLogin yes\n"),
    "radio": ("rsa3072 ed25519", "KexAlgorithms curve25519-sha256,diffie-hellman-group-exchange-sha256\n"
              "Ciphers chacha20-poly1305@openssh.com\n"
              "MACs hmac-sha2-256,hmac-sha2-512\n"
              "HostKeyAlgorithms rsa-sha2-256,ssh-ed25519\nPasswordAuthentication yes\n"),
    "base": ("ed25519 rsa3072 ecdsa521", "PasswordAuthentication no\n"),
}

WEB_SERVER = r'''
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class H(SimpleHTTPRequestHandler):
    server_version = "Apache/2.2.15"
    sys_version = "(CentOS)"
    def do_OPTIONS(self):
        self.send_response(200)
        self.send_header("Allow", "GET, HEAD, POST, PUT, DELETE, CONNECT, MOVE, COPY, MKCOL, TRACE, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def do_TRACE(self):
        self.send_response(200); self.send_header("Content-Type", "message/http"); self.end_headers()
    def do_PUT(self):
        self.send_response(201); self.send_header("Content-Length", "0"); self.end_headers()
    def do_DELETE(self):
        self.send_response(204); self.end_headers()
    def end_headers(self):
        self.send_header("X-Rescue-Post", "Coire Dubh")
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
'''

WEB_FILES = {
    "index.html": "<html><head><title>Coire Dubh rescue post</title></head><body>stretchers</body></html>\n",
    "wp-admin/index.html": "<html><head><title>WordPress admin</title></head><body>wp</body></html>\n",
    "wp-login.php": "<html><title>Log In &lsaquo; Coire Dubh</title></html>\n",
    "xmlrpc.php": "XML-RPC server accepts POST requests only.\n",
    "manager/html/index.html": "<html><title>Tomcat Web Application Manager</title></html>\n",
    "jenkins/index.html": "<html><title>Dashboard [Jenkins]</title></html>\n",
    "backup/index.html": "<html><title>backup</title></html>\n",
    "db/index.html": "<html><title>db</title></html>\n",
    "old/index.html": "<html><title>old site</title></html>\n",
    "test/index.html": "<html><title>test</title></html>\n",
    "examples/index.html": "<html><title>Apache Tomcat Examples</title></html>\n",
    ".DS_Store": "\x00\x00\x00\x01Bud1\n",
    ".htaccess": "AuthType Basic\n",
    "web.config": "<configuration></configuration>\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    "robots.txt": "User-agent: *\nDisallow: /backup/\nDisallow: /db/\nDisallow: /callouts/\nDisallow: /ropes/\n",
    "phpinfo.php": "<?php phpinfo(); ?>\n",
    "CHANGELOG.txt": "Rescue post console 0.9\n",
    "server-status": "Apache Server Status\n",
    "icons/README": "Public Domain Icons\n",
}


def _use_round_constants() -> None:
    """Round 391's helpers read their module's globals: point them at this round's ports and material."""
    for k, v in dict(TLS_PORT=TLS_PORT, SSH_PORT=SSH_PORT, WEB_PORT=WEB_PORT, TLS_CONFIGS=TLS_CONFIGS,
                     SSHD_CONFIGS=SSHD_CONFIGS, WEB_SERVER=WEB_SERVER, WEB_FILES=WEB_FILES).items():
        setattr(r391, k, v)


_use_round_constants()
_start_tls, _start_sshd, _start_web, _gone = r391._start_tls, r391._start_sshd, r391._start_web, r391._gone

# ------------------------------------------------------------------ steps: servers

# --tlsv1_1 --tlsv1_2 made the winch JSON 130K characters: one protocol there
JSON_SCANS = {"winch": "--tlsv1_2 --heartbleed --robot",
              "ropes": "--tlsv1 --tlsv1_3 --openssl_ccs --fallback",
              "casualty": "--tlsv1_3 --certinfo --elliptic_curves"}


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
        if name == "winch":
            cap(f"sslyze-{name}-scans", f"sslyze --mozilla_config=disable --tlsv1_1 --tlsv1_2 --certinfo --reneg "
                f"--compression --fallback --openssl_ccs --heartbleed --robot {target}", d, n_sslyze, timeout=400)
        cap(f"sslyze-json-{name}", f"sslyze --json_out=- {JSON_SCANS[name]} {target} | python3 -m json.tool", d,
            n_sslyze_json, timeout=400)
        cap(f"nmap-ssl-enum-ciphers-{name}", f"nmap -Pn -sV -p {TLS_PORT} --script ssl-enum-ciphers 127.0.0.1", d,
            n_nmap_ssl, timeout=400)
        _gone(p, TLS_PORT)
    _gone(web, WEB_PORT)


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir()
    pols = r391._policies()
    cm.note(f"policies: {pols}")
    builtin = pols[len(pols) // 2] if pols else None  # round 375 the newest, 391 the oldest; this round a middle one
    made = d / "coiredubh-policy.txt"
    for name in ["base", "winch", "radio"]:
        p = _start_sshd(d, name)
        cap(f"ssh-audit-json-{name}", f"ssh-audit -jj -p {SSH_PORT} 127.0.0.1", d, n_ssh_audit_json, timeout=120)
        if name == "base":
            cm.run(f"ssh-audit -M {made} -p {SSH_PORT} 127.0.0.1", timeout=120)
        if builtin:
            cap(f"ssh-audit-policy-{name}", f"ssh-audit -n -P \"{builtin}\" -p {SSH_PORT} 127.0.0.1", d,
                n_ssh_audit_policy, timeout=120)
        if name != "base" and made.exists():
            cap(f"ssh-audit-policy-{name}-custom", f"ssh-audit -n -P {made.name} -p {SSH_PORT} 127.0.0.1", d,
                n_ssh_audit_policy, timeout=120)
        cap(f"nmap-ssh2-enum-algos-{name}",
            f"nmap -Pn -sV -p {SSH_PORT} --script ssh2-enum-algos,ssh-hostkey,ssh-auth-methods "
            f"--script-args ssh.user=root 127.0.0.1", d, n_nmap_ssh, timeout=300)
        _gone(p, SSH_PORT)


def cap_web_and_xml(tmp: Path) -> None:
    d = tmp / "all"
    d.mkdir()
    (d / "make_certs.py").write_text(MAKE_CERTS.lstrip())
    cm.run(f"{VENV}/bin/python make_certs.py", cwd=d, timeout=120)
    web = _start_web(d)
    cap("nmap-http-enum-post", f"nmap -Pn -sV -p {WEB_PORT} --script http-enum,http-methods,http-headers,"
        "http-title,http-robots.txt,http-git 127.0.0.1", d, n_nmap_http, timeout=400)
    cap("nmap-http-enum-methods", f"nmap -Pn -sV -p {WEB_PORT} --script http-methods,http-enum,http-server-header,"
        "http-cors --script-args http-methods.test-all 127.0.0.1", d, n_nmap_http, timeout=400)
    tls = _start_tls(d, "ropes")
    ssh = _start_sshd(d, "winch")
    ports = f"{TLS_PORT},{SSH_PORT},{WEB_PORT}"
    cap("nmap-http-enum-tls", f"nmap -Pn -sV -p {TLS_PORT} --script http-methods,http-title,http-headers,"
        "http-security-headers,http-server-header 127.0.0.1", d, n_nmap_http, timeout=400)
    # with http-enum over the three ports (the TLS one too) a first run timed out after 500 s: http-title instead
    cap("nmap-xml-scripts", f"nmap -Pn -sV --script ssl-enum-ciphers,ssh2-enum-algos,http-methods,http-title -oX - "
        f"-p {ports} 127.0.0.1", d, n_nmap_xml, timeout=500)
    cap("nmap-xml-range", f"nmap -Pn -sV --version-light -oX - -p {ports},18400-18440,28410-28430 127.0.0.1", d,
        n_nmap_xml, timeout=500)
    cap("nmap-xml-cert", f"nmap -Pn -sV --script ssl-cert,ssh-hostkey,ssh-auth-methods,http-headers,http-title "
        f"-oX - -p {ports} 127.0.0.1", d, n_nmap_xml, timeout=500)
    for p, port in ((tls, TLS_PORT), (ssh, SSH_PORT), (web, WEB_PORT)):
        _gone(p, port)


# ------------------------------------------------------------------ material: the rescuepost project

FLAWS = [
    "def test_winch_{n}(unit):\n    return subprocess.check_output('winchtest --unit ' + unit, shell=True)\n",
    "def radio_check_{n}(channel):\n    return os.popen('radiocheck %s' % channel).read()\n",
    "def inspect_rope_{n}():\n    return subprocess.run(['ropecheck', '--all'])\n",
    "def grade_{n}(expr):\n    return eval(expr)\n",
    "def load_casualty_{n}(blob):\n    return pickle.loads(blob)\n",
    "def open_log_{n}(path):\n    return shelve.open(path)\n",
    "def read_route_{n}(path):\n    with open(path) as f:\n        return yaml.load(f, Loader=yaml.Loader)\n",
    "def stretcher_digest_{n}(data):\n    return hashlib.new('md4', data).hexdigest()\n",
    "def rope_digest_{n}(data):\n    return hashlib.md5(data).hexdigest()\n",
    "def kit_digest_{n}(data):\n    return hashlib.sha1(data).hexdigest()\n",
    "def callout_pin_{n}():\n    return str(random.randint(1000, 9999))\n",
    "def scratch_{n}():\n    return tempfile.mktemp(suffix='.callout')\n",
    "def fetch_forecast_{n}(url):\n    return urllib.request.urlopen(url).read()\n",
    "def unpack_maps_{n}(path):\n    with tarfile.open(path) as t:\n        t.extractall('/srv/maps')\n",
    "def fetch_avalanche_{n}(url):\n    return requests.get(url, verify=False, timeout=10)\n",
    "def post_sitrep_{n}(url, text):\n    return requests.post(url, data={{'post': 'coiredubh', 'text': text}})\n",
    "def context_{n}():\n    return ssl._create_unverified_context()\n",
    "def render_{n}(name):\n    env = jinja2.Environment(autoescape=False)\n    return env.from_string('<b>' + name + '</b>').render()\n",
    "def remote_{n}(client, cmd):\n    return client.exec_command('stretcher-log ' + cmd)\n",
    "def listen_{n}():\n    s = socket.socket()\n    s.bind(('0.0.0.0', 9{n:03d}))\n    return s\n",
    "RADIO_PASSWORD_{n} = 'MountainRadio{n}'\n",
    "def connect_{n}(host, password='Stretcher{n}!'):\n    return host, password\n",
    "def find_callouts_{n}(cur, glen):\n    cur.execute(\"SELECT id, grid FROM callouts WHERE glen = '\" + glen + \"'\")\n"
    "    return cur.fetchall()\n",
    "def retire_rope_{n}(cur, rope_id):\n    cur.execute(\"UPDATE ropes SET retired = 1 WHERE id = %s\" % rope_id)\n",
    "def sweep_{n}(items):\n    for it in items:\n        try:\n            it.check()\n        except Exception:\n            continue\n",
    "def telnet_{n}(host):\n    return telnetlib.Telnet(host)\n",
    "def legacy_{n}(key):\n    return DES.new(key, DES.MODE_ECB)\n",
    "def weak_tls_{n}():\n    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n",
    "def chmod_{n}(path):\n    os.chmod(path, 0o666)\n",
]
HEADER = ("import os\nimport subprocess\nimport pickle\nimport shelve\nimport hashlib\nimport random\nimport tempfile\n"
          "import socket\nimport ssl\nimport tarfile\nimport telnetlib\nimport urllib.request\n"
          "import jinja2\nimport yaml\nimport requests\nfrom Crypto.Cipher import DES\n\n")
TOPICS = ["stretchers", "ropes", "callouts", "casualties", "radios", "winches", "avalanche_kit", "search_dogs",
          "vacuum_mattress", "casbags", "karabiners", "team_rota", "grid_refs", "helicopter_liaison", "first_aid",
          "vehicles", "base_station", "training"]
BROKEN = "def rig_stretcher(stretcher):\n    for rope in stretcher.ropes\n        rope.tension()\n"


def _rescuepost(root: Path, n_modules: int, per_module: int, seed: int) -> None:
    rng = random.Random(seed)
    files = {"rescuepost/__init__.py": '"""Coire Dubh mountain rescue post: stretchers, ropes and call-outs."""\n',
             "rescuepost/rigging_broken.py": BROKEN}
    for m in range(n_modules):
        topic = TOPICS[m % len(TOPICS)] + (f"_{m // len(TOPICS)}" if m >= len(TOPICS) else "")
        body = [f'"""{topic.replace("_", " ").title()} of the Coire Dubh rescue post."""\n', HEADER]
        for k in range(per_module):
            body.append(rng.choice(FLAWS).format(n=m * 100 + k) + "\n\n")
        files[f"rescuepost/{topic}.py"] = "".join(body)
    cm.write_tree(root, files)


_fake = r391._fake


def _secrets_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    up, lo, dg = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"
    b64 = lo + up + dg + "+/"
    an = lo + up + dg
    files: dict[str, str] = {}
    for i in range(n):
        files[f"rescuepost/stretcher_{i:02d}.py"] = (
            f'"""Stretcher {i}."""\nTAG = "CD-STR-{i:02d}"\nRADIO_SECRET = "{_fake(rng, "abcdef" + dg, 48)}"\n'
            f'base_password = "{_fake(rng, an, 18)}"\nMAX_LOAD_KG = {150 + i * 5}\n')
        if i % 3 == 0:
            files[f"rescuepost/ropes_{i:02d}.py"] = (
                f'GITLAB_TOKEN = "glpat-{_fake(rng, an + "-_", 20)}"\n'
                f'GOOGLE_MAPS_KEY = "AIza{_fake(rng, an + "-_", 35)}"\n'
                f'ROPE_LOG_B64 = "{_fake(rng, b64, 56)}"\n')
        if i % 4 == 1:
            files[f"config/callout_{i:02d}.ini"] = (
                f"[callout]\nteam = {'ABCD'[i % 4]}\nsendgrid = SG.{_fake(rng, an + '-_', 22)}.{_fake(rng, an + '-_', 43)}\n"
                f"telegram = {rng.randint(100000000, 999999999)}:AA{_fake(rng, an + '-_', 33)}\n"
                f"pager_gateway = 81.{rng.randint(2, 250)}.{rng.randint(2, 250)}.{rng.randint(2, 250)}\n"
                f"logbook = https://post:{_fake(rng, lo + dg, 12)}@logbook.coiredubh-mrt.local/api\n")
        if i % 5 == 2:
            files[f"rescuepost/casualty_{i:02d}.js"] = (
                f"const discord = '{_fake(rng, 'MN', 1)}{_fake(rng, an, 23)}.{_fake(rng, an, 6)}.{_fake(rng, an + '-_', 27)}';\n"
                f"const openai = 'sk-{_fake(rng, an, 20)}T3BlbkFJ{_fake(rng, an, 20)}';\n"
                f"const square = 'sq0atp-{_fake(rng, an + '-_', 22)}';\n"
                f"const pypi = 'pypi-AgEIcHlwaS5vcmc{_fake(rng, an + '-_', 60)}';\n")
        if i % 6 == 4:
            files[f"deploy/artifacts_{i:02d}.conf"] = (
                f"artifactory_password = AKC{_fake(rng, an, 70)}\n"
                f"winch_serial_hex = {_fake(rng, 'abcdef' + dg, 40)}\n")
    files[".env.local"] = (f"SENDGRID_API_KEY=SG.{_fake(rng, an, 22)}.{_fake(rng, an, 43)}\n"
                           f"DJANGO_SECRET_KEY={_fake(rng, an, 50)}\n"
                           f"CALLOUT_HMAC={_fake(rng, 'abcdef' + dg, 64)}\nDEBUG=1\n")
    files["deploy/basestation.pem"] = ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(
        _fake(rng, b64, 70) for _ in range(6)) + "\n-----END OPENSSH PRIVATE KEY-----\n")
    files["deploy/radio.key"] = ("-----BEGIN PRIVATE KEY-----\n" + "\n".join(
        _fake(rng, b64, 64) for _ in range(10)) + "\n-----END PRIVATE KEY-----\n")
    files["deploy/NOTES.md"] = "# Deploy\nKeys here were last rotated after the winter call-out review.\n"
    cm.write_tree(root, files)


def cap_code(tmp: Path) -> None:
    for n, per, seed in [(6, 4, 41910), (11, 5, 41911), (16, 5, 41912)]:
        d = tmp / f"bandit{n}"
        _rescuepost(d, n, per, seed)
        cap(f"bandit-yaml-{n}", "bandit -r rescuepost -f yaml", d, n_bandit_yaml, timeout=300)
    # the templates keep round 375's `{relpath}:{line}: {test_id}[{severity}` opening, which its extractor reads
    # (a first run with other openings gave items without needles)
    for n, tmpl, extra in [(6, "{relpath}:{line}: {test_id}[{severity}] col {col}: {msg}", ""),
                           (11, "{relpath}:{line}: {test_id}[{severity}/{confidence}] {msg}", " -ll"),
                           (16, "{relpath}:{line}: {test_id}[{severity}/{confidence}] {msg} -- {range}", " -i")]:
        d = tmp / f"bandit{n}"
        cap(f"bandit-custom-{n}", f"bandit -r rescuepost{extra} -f custom --msg-template \"{tmpl}\"", d,
            n_bandit_custom, timeout=300)
    for n, seed, scan in [(6, 41913, "--all-files"), (18, 41914, "--all-files"),
                          (40, 41915, "--all-files --exclude-files '\\.js$'"), (26, 41916, "--all-files")]:
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
    sys.modules.setdefault("capture_wide419", sys.modules["__main__"])
    main()
