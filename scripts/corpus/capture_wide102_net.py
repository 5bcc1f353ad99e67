"""Round 102's loopback services and the extractors of their kinds (NEEDLES.md, "Round 102"): testssl.sh against
`openssl s_server` on 127.0.0.1 in a weak configuration (1024-bit self-signed SHA-1 certificate, every cipher at
security level 0, TLS 1.0 up) and a good one (P-256 certificate, TLS 1.2 and 1.3 AEAD ciphers), ssh-audit against
an sshd on a high loopback port (legacy key exchanges, CBC ciphers and SHA-1 MACs switched back on, then a hardened
config), sqlmap and hydra against the `quayside` berth app written here (a berth page and a vessel search built by
string formatting, a ticket page with bound parameters, a login form and a basic-auth admin page with weak crew
passwords). Nothing listens beyond 127.0.0.1. Run through capture_wide102.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import mask, run, write_tree
from capture_data import free_port, rule4, wait_port
from capture_wide102 import cap
from capture_wide102_host import WORDS, _status

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

# case matters: testssl says VULNERABLE for a finding and "not vulnerable (OK)" for a pass
TESTSSL_BAD = re.compile(r"NOT ok|[Nn]ot ok|VULNERABLE|[Pp]otentially|\(deprecated\)|\b[Ww]eak\b|[Ee]xpired|"
                         r"[Ss]elf[- ][Ss]igned|^\s*LOW\b|^\s*MEDIUM\b|^\s*HIGH\b|Grade")


@cm.kind("testssl", "lint")
def n_testssl(lines):
    """Rule 5: the Start / Done lines, every protocol line under Testing protocols, every line rated badly (NOT ok, VULNERABLE, potentially, deprecated, weak, expired, self signed, LOW/MEDIUM/HIGH), the CN / Certificate Validity / Chain of trust lines, every Grade line, every warning / error line."""
    out, in_proto = [], False
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(Start|Done) \d", s):
            out.append(ln)
        if s.startswith("Testing protocols"):
            in_proto = True
            continue
        if in_proto:
            if s.startswith("Testing ") or s.startswith("Done"):
                in_proto = False
            elif re.match(r"^(SSLv\d|TLS 1(\.\d)?|NPN|ALPN)", s):
                out.append(ln)
        if TESTSSL_BAD.search(ln) or re.search(r"Common Name \(CN\)|Certificate Validity|Chain of trust", ln):
            out.append(ln)
        if re.search(r"Fatal error|Oops|Unable to|error|warning|Connection refused", ln, re.I):
            out.append(ln)
    return out + _status(lines)


@cm.kind("ssh-audit", "lint")
def n_ssh_audit(lines):
    """Rule 5: the (gen) banner: and (gen) software: lines, every line marked [fail] or [warn] (ssh-audit's (fail) / (warn)), every (rec) - removal line, the policy verdict / ERROR lines."""
    return [ln for ln in lines if re.search(r"\(gen\) (banner|software):|[(\[](fail|warn)[)\]]|\(rec\) -|"
                                            r"ERROR|[Pp]assed|[Ff]ailed|[Nn]ot compliant|cannot connect", ln)
            ] + _status(lines)


@cm.kind("sqlmap-log", "log")
def n_sqlmap(lines):
    """Rule 5: every [CRITICAL] / [ERROR] line, [WARNING] one {"any"} per message shape, every [INFO] injectable / vulnerable line, the Parameter: line and each Type: / Title: line, the back-end DBMS line, every Table: / [N entries] / Database: / available databases line with rule 4 on dumped rows, the [*] ending line."""
    out, warn = [], []
    for ln in lines:
        if re.search(r"\[(CRITICAL|ERROR)\]", ln):
            out.append(ln)
        elif "[WARNING]" in ln:
            warn.append((mask(ln.split("[WARNING]", 1)[1]), ln))
        elif "[INFO]" in ln and re.search(r"injectable|is vulnerable", ln):
            out.append(ln)
        elif re.match(r"^\s*(Parameter|Type|Title): ", ln) or re.search(r"back-end DBMS:|^Table: |^Database: |"
                                                                       r"^\[\d+ (entries|entry|tables?)\]|"
                                                                       r"available databases|\[\*\] ending", ln):
            out.append(ln)
    # dumped tables: rows between +---+ rules, header first
    rows, header, rules_seen = [], None, 0
    for ln in lines:
        if re.match(r"^\+[-+]+\+$", ln):
            rules_seen += 1
            continue
        if ln.startswith("| ") and ln.endswith("|"):
            cells = [c.strip() for c in ln.strip("|").split("|")]
            if header is None or rules_seen == 1:
                header, rules_seen = cells, 2
                out.append(ln)
            else:
                rows.append((ln, dict(zip(header, cells))))
    if rows and header:
        out += rule4(rows, cat=header)
    return out + cm.groups(warn) + _status(lines)


@cm.kind("hydra", "log")
def n_hydra(lines):
    """Rule 5: the [DATA] attacking line, every found-credential line, every [ERROR] line, [WARNING] one {"any"} per message shape, the closing N of M target(s) completed, K valid password(s) found line."""
    out = [ln for ln in lines if re.search(r"\[DATA\] attacking|host: \S+\s+login:|\[ERROR\]|"
                                           r"target(s)? (successfully )?completed|valid passwords? found", ln)]
    warn = [(mask(ln), ln) for ln in lines if "[WARNING]" in ln]
    return out + cm.groups(warn) + _status(lines)


# ------------------------------------------------------------------ testssl.sh

def cap_testssl(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir(parents=True)
    # an empty OpenSSL config of its own (Debian's sets SECLEVEL 2, which the weak server must get under)
    (d / "empty.cnf").write_text("")
    env = {"OPENSSL_CONF": str(d / "empty.cnf")}
    made = run(f"openssl req -x509 -newkey rsa:1024 -sha1 -keyout {d}/weak.key -out {d}/weak.pem -days 1 -nodes "
               "-subj /CN=tickets.quayside.test", cwd=d, env=env)
    made += run(f"openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 "
        f"-keyout {d}/good.key -out {d}/good.pem "
        "-days 365 -nodes -subj /CN=berths.quayside.test -addext subjectAltName=DNS:berths.quayside.test,IP:127.0.0.1",
        cwd=d, env=env)
    if not (d / "weak.key").exists() or not (d / "good.key").exists():
        cm.note("skip testssl: no keys: " + made[-400:])
        return
    weak = free_port()
    good = free_port()
    while good == weak:
        good = free_port()
    cm.start(f"openssl s_server -accept 127.0.0.1:{weak} -cert weak.pem -key weak.key -www "
             f"-cipher 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'", cwd=d, env=env, log=open(d / "weak.log", "w"))
    cm.start(f"openssl s_server -accept 127.0.0.1:{good} -cert good.pem -key good.key -www -no_tls1 -no_tls1_1 "
             f"-cipher 'ECDHE+AESGCM:ECDHE+CHACHA20' -serverpref", cwd=d, env=env, log=open(d / "good.log", "w"))
    if not (wait_port(weak, 30) and wait_port(good, 30)):
        cm.note("skip testssl: s_server did not start: " + (d / "weak.log").read_text()[:300]
                + (d / "good.log").read_text()[:300])
        return
    ts = "testssl --color 0 --warnings batch"
    cap("testssl-weak-p-s-U", f"{ts} -p -s -U 127.0.0.1:{weak}", d, n_testssl, timeout=400)
    cap("testssl-weak-S-tail", f"{ts} -S 127.0.0.1:{weak} 2>&1 | tail -n 80", d, n_testssl, timeout=400)
    cap("testssl-good-p-S", f"{ts} --quiet -p -S -s 127.0.0.1:{good}", d, n_testssl, timeout=400)
    closed = free_port()
    cap("testssl-closed-echo", f"{ts} -p 127.0.0.1:{closed}; echo EXIT=$?", d, n_testssl, timeout=200)


# ------------------------------------------------------------------ ssh-audit

SSHD_CONF = """Port {port}
ListenAddress 127.0.0.1
HostKey {d}/{key}
PidFile {d}/sshd-{port}.pid
UsePAM no
PasswordAuthentication yes
{extra}
"""


def cap_ssh_audit(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir(parents=True)
    Path("/run/sshd").mkdir(exist_ok=True)
    run("ssh-keygen -q -t rsa -b 1024 -N '' -f host_rsa && ssh-keygen -q -t ed25519 -N '' -f host_ed25519 && "
        "ssh-keygen -q -t ecdsa -b 256 -N '' -f host_ecdsa", cwd=d)
    weak, good = free_port(), free_port()
    (d / "weak.conf").write_text(SSHD_CONF.format(
        port=weak, d=d, key="host_rsa\nHostKey " + str(d / "host_ecdsa"),
        extra="KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1\n"
              "Ciphers +aes128-cbc,aes256-cbc,3des-cbc\nMACs +hmac-sha1,hmac-sha1-96,hmac-md5\n"
              "HostKeyAlgorithms +ssh-rsa\nPubkeyAcceptedAlgorithms +ssh-rsa"))
    (d / "good.conf").write_text(SSHD_CONF.format(
        port=good, d=d, key="host_ed25519",
        extra="KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256\n"
              "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com\n"
              "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com\nHostKeyAlgorithms ssh-ed25519"))
    for conf in ("weak.conf", "good.conf"):
        cm.start(f"/usr/sbin/sshd -D -e -f {d / conf}", cwd=d, log=open(d / f"{conf}.log", "w"))
    if not (wait_port(weak) and wait_port(good)):
        cm.note("skip ssh-audit: sshd did not start: " + (d / "weak.conf.log").read_text()[:300])
        return
    cap("ssh-audit-weak", f"ssh-audit -p {weak} 127.0.0.1", d, n_ssh_audit)
    cap("ssh-audit-weak-grep-v-info", f"ssh-audit -p {weak} 127.0.0.1 | grep -v '\\[info\\]'", d, n_ssh_audit)
    cap("ssh-audit-good-echo", f"ssh-audit -p {good} 127.0.0.1; echo EXIT=$?", d, n_ssh_audit)
    cap("ssh-audit-weak-l-warn-policy", f"ssh-audit -l warn -p {weak} 127.0.0.1; "
        f"ssh-audit -P 'Hardened OpenSSH Server v9.7 (version 1)' -p {weak} 127.0.0.1; echo EXIT=$?", d, n_ssh_audit)


# ------------------------------------------------------------------ the berth app: sqlmap and hydra

APP = r'''
import base64, html, sqlite3, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DB = sys.argv[2]
ADMIN = {"harbourmaster": "tide123"}


class H(BaseHTTPRequestHandler):
    def send(self, code, body):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        con = sqlite3.connect(DB)
        try:
            if u.path == "/berth":
                # bug: the id goes into the SQL text
                rows = con.execute("SELECT id, name, quay FROM berths WHERE id = %s" % q.get("id", "1")).fetchall()
            elif u.path == "/search":
                # bug: the vessel name goes into the SQL text
                rows = con.execute("SELECT vessel, berth, eta FROM calls WHERE vessel LIKE '%%%s%%' ORDER BY eta"
                                   % q.get("vessel", "")).fetchall()
            elif u.path == "/ticket":
                rows = con.execute("SELECT ref, vessel, fare FROM tickets WHERE ref = ?", (q.get("ref", ""),)).fetchall()
            elif u.path == "/admin":
                auth = self.headers.get("Authorization", "")
                ok = False
                if auth.startswith("Basic "):
                    user, _, pw = base64.b64decode(auth[6:]).decode("latin-1").partition(":")
                    ok = ADMIN.get(user) == pw
                if not ok:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="quayside admin"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                rows = [("admin", "ok")]
            elif u.path == "/login":
                return self.send(200, "<form method=post><input name=user><input name=pass></form>")
            else:
                return self.send(404, "not found")
        except sqlite3.Error as e:
            return self.send(500, "<h1>Database error</h1><pre>%s</pre>" % html.escape(str(e)))
        finally:
            con.close()
        self.send(200, "<table>" + "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(str(c)) for c in r)
                                           for r in rows) + "</table>")

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        q = dict(urllib.parse.parse_qsl(self.rfile.read(n).decode()))
        con = sqlite3.connect(DB)
        row = con.execute("SELECT name FROM crew WHERE login = ? AND password = ?",
                          (q.get("user", ""), q.get("pass", ""))).fetchone()
        con.close()
        if row:
            return self.send(200, "<p>welcome aboard, %s</p>" % html.escape(row[0]))
        self.send(200, "<p>invalid login</p>")

    def log_message(self, *a):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def make_db(path: Path, seed: int) -> list[tuple[str, str]]:
    import sqlite3
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE berths (id INTEGER PRIMARY KEY, name TEXT, quay TEXT);"
                      "CREATE TABLE calls (vessel TEXT, berth INTEGER, eta TEXT);"
                      "CREATE TABLE tickets (ref TEXT, vessel TEXT, fare REAL);"
                      "CREATE TABLE crew (login TEXT, name TEXT, role TEXT, password TEXT);")
    for i in range(1, 25):
        con.execute("INSERT INTO berths VALUES (?,?,?)", (i, f"Berth {i}", rng.choice("ABC")))
    vessels = ["Aurora", "Skerry Queen", "Isle Runner", "Kittiwake", "Northern Light", "Puffin"]
    for i in range(60):
        con.execute("INSERT INTO calls VALUES (?,?,?)", (rng.choice(vessels), rng.randrange(1, 25),
                                                         f"2026-12-{rng.randrange(1, 28):02d}T{rng.randrange(24):02d}:00"))
    for i in range(40):
        con.execute("INSERT INTO tickets VALUES (?,?,?)", (f"T{100 + i}", rng.choice(vessels), rng.randrange(8, 90)))
    creds = []
    weak = ["harbour1", "ferry2024", "password", "quayside", "letmein", "Summer25"]
    for i in range(14):
        login = f"{rng.choice(['deck', 'purser', 'mate', 'bosun', 'agent'])}{i}"
        role = "captain" if i == 3 else "engineer" if i in (5, 9) else "crew"
        pw = weak[i % len(weak)] if i % 4 == 0 else "".join(rng.choice("abcdefghkmnpqrstuvwxyz2345679") for _ in
                                                              range(12))
        con.execute("INSERT INTO crew VALUES (?,?,?,?)", (login, login.title(), role, pw))
        creds.append((login, pw))
    con.commit()
    con.close()
    return creds


def cap_app(tmp: Path) -> None:
    d = tmp / "app"
    d.mkdir(parents=True)
    write_tree(d, {"app.py": APP})
    creds = make_db(d / "quay.db", 10208)
    port = free_port()
    cm.start(["python3", "app.py", str(port), str(d / "quay.db")], cwd=d)
    if not wait_port(port):
        cm.note("skip app: did not start")
        return
    base = f"http://127.0.0.1:{port}"
    env = {"HOME": str(d)}
    sq = "sqlmap --batch --output-dir=out"
    cap("sqlmap-berth-detect", f"{sq} -u '{base}/berth?id=1'", d, n_sqlmap, env=env, timeout=500)
    cap("sqlmap-berth-tables", f"{sq} -u '{base}/berth?id=1' --tables", d, n_sqlmap, env=env, timeout=500)
    cap("sqlmap-berth-dump-crew", f"{sq} -u '{base}/berth?id=1' -T crew --dump", d, n_sqlmap, env=env, timeout=500)
    cap("sqlmap-search-tail", f"{sq} -u '{base}/search?vessel=Aurora' --level 2 2>&1 | tail -n 80", d, n_sqlmap,
        env=env, timeout=600)
    cap("sqlmap-ticket-not-injectable-echo", f"{sq} -u '{base}/ticket?ref=T100'; echo EXIT=$?", d, n_sqlmap, env=env,
        timeout=600)
    # hydra: a small list of crew logins and a word list with the weak passwords in it
    rng = random.Random(10209)
    (d / "users.txt").write_text("\n".join(login for login, _ in creds) + "\nharbourmaster\n")
    words = ["harbour1", "ferry2024", "password", "quayside", "letmein", "Summer25", "tide123"] + \
        [f"{rng.choice(WORDS)}{rng.randrange(100)}" for _ in range(30)]
    rng.shuffle(words)
    (d / "pass.txt").write_text("\n".join(words) + "\n")
    form = "/login:user=^USER^&pass=^PASS^:F=invalid login"
    cap("hydra-post-form", f"hydra -I -L users.txt -P pass.txt -s {port} -t 4 127.0.0.1 http-post-form '{form}'", d,
        n_hydra, timeout=400)
    cap("hydra-post-form-V-grep", f"hydra -I -V -l deck0 -P pass.txt -s {port} -t 4 127.0.0.1 http-post-form "
        f"'{form}' 2>&1 | grep -v ATTEMPT", d, n_hydra, timeout=400)
    cap("hydra-basic-admin-echo", f"hydra -I -l harbourmaster -P pass.txt -s {port} 127.0.0.1 http-get /admin; "
        "echo EXIT=$?", d, n_hydra, timeout=400)
    closed = free_port()
    cap("hydra-closed-port-echo", f"hydra -I -L users.txt -P pass.txt -s {closed} 127.0.0.1 http-get /admin; "
        "echo EXIT=$?", d, n_hydra, timeout=200)


STEPS = [cap_testssl, cap_ssh_audit, cap_app]
