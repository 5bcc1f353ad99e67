#!/usr/bin/env python3
"""Capture an EIGHTH round of the compression corpus (issue #11, round 8): the LONG TAIL of kinds, outputs a
coding agent produces less often but does produce, none of whose kinds any earlier corpus file holds.
This module holds the shared rule factories, the system and text/data kinds and main(); git is in
capture_wide8_git.py, the language toolchains (Java, Ruby, Perl, Tcl, C/C++, build tools) in capture_wide8_lang.py
(kinds) and capture_wide8_lang_caps.py (captures), Python and Node tools in capture_wide8_dev.py, debug logs and
searches in capture_wide8_logs.py.

Same method and helpers as capture_wide7.py: every item's text is the stdout+stderr of a program REALLY run
here on throwaway trees in /tmp/hm-corpus-wide8 (registry installs into /tmp/hm-corpus-wide8-tools); needles
follow scripts/corpus/NEEDLES.md, computed from the cleaned raw output by the extractor of the item's kind
(its docstring's first line is the needle_rule; the rule-5 rule of each new kind is written next to it).
Written before anything was measured; nothing captured here was ever compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide8.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide8.json  as {"version": 2, "items": [...]}, ids prefixed "wide8-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide6 as w6  # noqa: E402
from capture_data import rule4, ws_rows  # noqa: E402
from capture_more import add_or_skip as add, groups, have, kind, mask, run  # noqa: E402

ID_PREFIX = "wide8-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide8.json"
TMP = Path("/tmp/hm-corpus-wide8")
STDLIB = Path("/usr/lib/python3.11")
GIT_ENV = {**w6.GIT_ENV, "HOME": str(TMP), "GIT_CONFIG_NOSYSTEM": "1"}

# ================================================================== rule factories shared by the round-8 kinds

ERR_WORDS = r"(?i)\b(error|errors|failed|failure|fatal|panic|exception|aborted|missing|broken|corrupt|denied|cannot|can't|unable)\b"


def diagnostics(lines, err=ERR_WORDS, loc=None, warn=None, summary=None) -> list:
    """Rules 1 and 3: every line matching `err` (and the `loc` line within the next six), one {"any"} per
    message shape of the `warn` lines, and every line matching `summary`."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(err, ln):
            out.append(ln)
            if loc:
                out.append(cm.next_match(lines, i, loc))
    if warn:
        out += groups((mask(ln), ln) for ln in lines if re.search(warn, ln) and not re.search(err, ln))
    if summary:
        out += [ln for ln in lines if re.search(summary, ln)]
    return out


def table(lines, header: str, names: list[str], cat=(), nums=(), skip: str = r"^$") -> list:
    """Rule 4 on a whitespace table whose header line matches `header` (rows follow it)."""
    hi = next((i for i, ln in enumerate(lines) if re.search(header, ln)), None)
    if hi is None:
        return []
    body = [ln for ln in lines[hi + 1:] if ln.strip() and not re.search(skip, ln)]
    return rule4(ws_rows(body, names), cat=cat, nums=nums, header=[lines[hi]])


def log_commits(lines) -> list:
    """Rule 5 of git log: every commit hash line and the subject under it."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^commit [0-9a-f]{40}", ln):
            out.append(ln)
            out.append(next((x for x in lines[i + 1:i + 8] if x.startswith("    ") and x.strip()), None))
    return out


# ================================================================== system and text kinds (rules written before capture)

@kind("pidstat-r", "table")
def n_pidstat(lines):
    """Rule 4 on pidstat -r: the header; rows of a rare UID; the rows of min and max RSS and VSZ."""
    return table(lines, r"\bPID\b.*\bRSS\b", ["time", "uid", "pid", "minflt", "majflt", "vsz", "rss", "mem", "cmd"],
                 cat=("uid",), nums=("rss", "vsz"), skip=r"^Average:|^Linux")


@kind("mpstat-P-ALL", "table")
def n_mpstat(lines):
    """Rule 4 on mpstat -P ALL: the header; the rows of min and max %usr, %sys and %idle; rule 3: the 'Average:' line of 'all'."""
    out = table(lines, r"CPU\s+%usr", ["time", "cpu", "usr", "nice", "sys", "iowait", "irq", "soft", "steal", "guest", "gnice", "idle"],
                nums=("usr", "sys", "idle"), skip=r"^Average:|CPU\s+%usr|^Linux")
    return out + [ln for ln in lines if re.match(r"^Average:\s+all", ln)]


@kind("findmnt", "listing")
def n_findmnt(lines):
    """Rules 4+5 on findmnt's tree table: the header; every mount whose FSTYPE occurs at most twice while one type covers half the mounts; rule 5: every read-only mount (OPTIONS starting 'ro')."""
    rows = [(ln, {"fstype": ln.split()[-2]}) for ln in lines[1:] if len(ln.split()) >= 4]
    return rule4(rows, cat=("fstype",), header=lines[:1]) + [ln for ln in lines if re.search(r"\sro(,|$)", ln)]


@kind("findmnt-verify", "lint")
def n_findmnt_verify(lines):
    """Rules 1+3 on findmnt --verify: every [E] line and the target line above it; one {"any"} per [W] message shape; the closing 'N parse errors, N errors, N warnings' line."""
    out: list = []
    for i, ln in enumerate(lines):
        if "[E]" in ln:
            out += [ln, next((x for x in reversed(lines[:i]) if x and not x[0].isspace()), None)]
    return out + diagnostics(lines, err=r"^$x", warn=r"\[W\]", summary=r"\d+ parse errors?, \d+ errors?, \d+ warnings?")


@kind("getent-services", "table")
def n_services(lines):
    """Rule 4 on getent services: every service whose protocol is rare while one protocol covers half; the rows of min and max port."""
    rows = [(ln, {"proto": m.group(2), "port": m.group(1)}) for ln in lines for m in [re.search(r"\s(\d+)/(\w+)", ln)] if m]
    return rule4(rows, cat=("proto",), nums=("port",))


@kind("proc-limits", "table")
def n_limits(lines):
    """Rules 4+5 on /proc/PID/limits: the header; rule 5: every limit whose soft and hard values differ (what can still be raised)."""
    out = lines[:1]
    for ln in lines[1:]:
        cells = re.split(r"\s{2,}", ln.strip())
        if len(cells) >= 3 and cells[1] != cells[2]:
            out.append(ln)
    return out


@kind("proc-interrupts", "table")
def n_interrupts(lines):
    """Rule 4 on /proc/interrupts: the CPU header; the rows of min and max CPU0 count."""
    rows = [(ln, {"cpu0": ln.split()[1]}) for ln in lines[1:] if len(ln.split()) > 2 and ln.split()[1].isdigit()]
    return rule4(rows, nums=("cpu0",), header=lines[:1])


@kind("systemd-analyze-calendar", "log")
def n_calendar(lines):
    """Rules 1+5 on systemd-analyze calendar: every error line; rule 5: every 'Original form' and its 'Next elapse' line."""
    return diagnostics(lines, err=r"(?i)failed|error|invalid") + [ln for ln in lines if re.search(r"Original form:|Next elapse:", ln)]


@kind("comm", "table")
def n_comm(lines):
    """Rule 5 on comm (three columns): every line only in the first or only in the second file (the 1st and 2nd column)."""
    return [ln for ln in lines if ln.strip() and not ln.startswith("\t\t")]


@kind("join-a", "table")
def n_join(lines):
    """Rule 4 on join -a1 -e MISSING: every unpaired row (a MISSING field); the rows of min and max of the last numeric field."""
    rows = [(ln, {"last": ln.split()[-1]}) for ln in lines if ln.split()]
    return [ln for ln in lines if "MISSING" in ln] + rule4(rows, nums=("last",))


@kind("paste-d", "table")
def n_paste(lines):
    """Rule 4 on a pasted CSV (paste -d,): the header row; rows whose 2nd field is rare while one value covers half; rows of min and max 3rd field."""
    rows = [(ln, dict(zip(("a", "b", "c"), ln.split(",")))) for ln in lines[1:] if ln.count(",") >= 2]
    return rule4(rows, cat=("b",), nums=("c",), header=lines[:1])


@kind("md5sum-list", "listing")
def n_md5(lines):
    """Rule 5 on an md5sum listing: every line whose hash occurs more than once (the duplicate files a question asks for)."""
    hashes = [ln.split()[0] for ln in lines if ln.split()]
    return [ln for ln in lines if ln.split() and hashes.count(ln.split()[0]) > 1]


@kind("yq-json", "json")
def n_yq(lines):
    """Rule 5 on yq's JSON of Kubernetes-style YAML: every "kind" and top "name" line, and every "image" line."""
    return [ln for ln in lines if re.match(r'^\s*"(kind|image)": ', ln) or re.match(r'^\s{4}"name": ', ln)]


@kind("sqlite-stats", "table")
def n_sqlite_stats(lines):
    """Rule 5 on sqlite3 .stats on: the GROUP BY query's result header ('region|…') and each stats block's 'Fullscan Steps', 'Sort Operations' and 'Memory Used' lines."""
    return [ln for ln in lines if re.match(r"^(Fullscan Steps|Sort Operations|Memory Used|region\|)", ln)]


FSTAB = """# /etc/fstab: static file system information.
# <file system> <mount point> <type> <options> <dump> <pass>
/dev/vda / ext4 errors=remount-ro 0 1
UUID=2f6c3d1a-8b0e-4a57-9a43-0c1d2e3f4a5b /boot ext4 defaults 0 2
UUID=7A3B-11C2 /boot/efi vfat umask=0077 0 1
/dev/vdb1 /var/lib/postgresql ext4 defaults,noatime 0 2
/dev/vdb2 /var/lib/docker xfs defaults,pquota 0 2
/dev/vdc /srv/backups ext4 defaults,nofail,ro 0 2
tmpfs /tmp tmpfs defaults,size=2G,mode=1777 0 0
tmpfs /run/user/1000 tmpfs size=512M,mode=700,uid=1000 0 0
proc /proc proc defaults 0 0
nfs01.internal:/exports/home /home nfs4 rw,hard,_netdev,vers=4.2 0 0
nfs01.internal:/exports/shared /mnt/shared nfs4 ro,soft,_netdev 0 0
//files.internal/scans /mnt/scans cifs uid=1000,_netdev 0 0
/swapfile none swap sw 0 0
LABEL=data /data ext4 defaults 0 2
/dev/vdd1 /data/archive btrfs compress=zstd,subvol=@archive 0 0
/dev/vdd1 /data/cache btrfs compress=zstd,subvol=@cache 0 0
/srv/iso/debian.iso /mnt/iso iso9660 loop,ro 0 0
/data/exports /srv/nfs/exports none bind 0 0
/dev/vde /var/log ext4 defaults,noatime,nodiratime 0 2
/dev/vdf /opt/app ext3 defaults 0 2
/dev/vdg /mnt/scratch ext4 defaults 0 3
sysfs /sys sysfs defaults 0 0
/dev/vdh /mnt/media exfat defaults,uid=1000 0 0
/dev/mapper/vg0-lv_home /home/local ext4 defaults 0 2
/dev/mapper/vg0-lv_srv /srv xfs defaults 0 2
/dev/sdz9 /mnt/old-disk ext2 defaults 0 2
UUID=deadbeef-0000 /mnt/usb vfat noauto,user 0 0
"""


def cap_system(tmp: Path) -> None:
    if have("pidstat", "pidstat-r"):
        add("pidstat-r-p-all", "pidstat -r -p ALL", run("pidstat -r -p ALL"), n_pidstat)
    if have("mpstat", "mpstat-P-ALL"):
        add("mpstat-P-ALL-1-4", "mpstat -P ALL 1 4", run("mpstat -P ALL 1 4", timeout=30), n_mpstat)
    if have("findmnt", "findmnt"):  # on a server's fstab: this sandbox's own mount table is a few lines
        d = tmp / "fstab"
        d.mkdir()
        (d / "fstab").write_text(FSTAB)
        add("findmnt-tab-file-fstab", "findmnt --tab-file /etc/fstab", run("findmnt --tab-file fstab", cwd=d), n_findmnt)
        add("findmnt-verify-fstab", "findmnt --verify --tab-file /etc/fstab", run("findmnt --verify --tab-file fstab", cwd=d), n_findmnt_verify)
    add("getent-services", "getent services", run("getent services"), n_services)
    add("proc-self-limits-raised", "cat /proc/$$/limits (after ulimit -n 2048 -c 0)",
        run("ulimit -n 2048; ulimit -c 0; cat /proc/self/limits"), n_limits)
    add("proc-interrupts", "cat /proc/interrupts", run("cat /proc/interrupts"), n_interrupts)
    if have("systemd-analyze", "systemd-analyze-calendar"):
        exprs = ["Mon..Fri 09:00", "*-*-01 03:30:00", "hourly", "Sat,Sun 10:15", "quarterly", "2026-02-30 12:00",
                 "*:0/15", "Mon *-*-* 25:00", "weekly", "*-02-29 00:00:00"]
        cmd = "systemd-analyze calendar --iterations=3 " + " ".join(f"'{e}'" for e in exprs)
        add("systemd-analyze-calendar", cmd, run(cmd + "; for e in 'Mon *-*-* 25:00' '2026-02-30 12:00' 'Fri 9:00 Europe/Nowhere'; "
                                                 "do systemd-analyze calendar --iterations=2 \"$e\"; done"), n_calendar)


def cap_text(tmp: Path) -> None:
    d = tmp / "text"
    d.mkdir()
    pkgs = sorted({ln.split()[1] for ln in run("dpkg -l").splitlines() if ln.startswith("ii")})[:420]
    a = [p for k, p in enumerate(pkgs) if k not in (17, 133, 301)]
    b = [p for k, p in enumerate(pkgs) if k not in (58, 59)] + ["libfoo-dev", "zz-local-tool"]
    (d / "staging.txt").write_text("\n".join(sorted(a)) + "\n")
    (d / "prod.txt").write_text("\n".join(sorted(b)) + "\n")
    add("comm-packages-staging-prod", "comm staging.txt prod.txt", run("comm staging.txt prod.txt", cwd=d), n_comm)
    users = [f"u{k:03d} {name}" for k, name in enumerate(["ada", "bo", "cy", "dee", "eve", "fay", "gus", "hal"] * 15)]
    (d / "users.txt").write_text("\n".join(users) + "\n")
    orders = [f"u{k:03d} {(k * 37) % 23 + 1} {(k * 613) % 997 + 3}.{k % 100:02d}" for k in range(120) if k not in (44, 91)]
    orders[60] = "u061 1 48211.00"
    (d / "orders.txt").write_text("\n".join(orders) + "\n")
    add("join-a1-users-orders", "join -a1 -e MISSING -o auto users.txt orders.txt",
        run("join -a1 -e MISSING -o auto users.txt orders.txt", cwd=d), n_join)
    (d / "host.txt").write_text("host\n" + "\n".join(f"web-{k:02d}" for k in range(90)) + "\n")
    (d / "zone.txt").write_text("zone\n" + "\n".join("eu-1" if k not in (12, 77) else "ap-9" for k in range(90)) + "\n")
    (d / "lat.txt").write_text("p99_ms\n" + "\n".join(str(40 + (k * 7) % 31) if k != 52 else "2210" for k in range(90)) + "\n")
    add("paste-d-hosts-zones-latency", "paste -d, host.txt zone.txt lat.txt", run("paste -d, host.txt zone.txt lat.txt", cwd=d), n_paste)
    add("md5sum-zoneinfo-europe", "md5sum /usr/share/zoneinfo/Europe/*",
        run("md5sum *", cwd="/usr/share/zoneinfo/Europe"), n_md5)
    yaml = "".join(f"""---
apiVersion: apps/v1
kind: {'Deployment' if k % 4 else 'StatefulSet'}
metadata:
  name: svc-{k}
  labels: {{app: svc-{k}, tier: {'web' if k % 3 else 'db'}}}
spec:
  replicas: {1 + k % 3}
  template:
    spec:
      containers:
        - name: main
          image: registry.example.org/svc-{k}:{'1.4.' + str(k) if k != 9 else 'latest'}
          resources: {{limits: {{cpu: "{k % 4 + 1}", memory: {256 * (1 + k % 4)}Mi}}}}
          ports: [{{containerPort: {8000 + k}}}]
""" for k in range(14))
    (d / "stack.yaml").write_text(yaml)
    if have("yq", "yq-json"):
        add("yq-k8s-stack", "yq . stack.yaml", run("yq . stack.yaml", cwd=d), n_yq)
    if have("sqlite3", "sqlite-stats"):
        rows = "\n".join(f"{k},{['eu', 'eu', 'us', 'ap'][k % 4]},{(k * 31) % 500}" for k in range(3000))
        (d / "t.csv").write_text("id,region,amount\n" + rows + "\n")
        run("sqlite3 s.db '.mode csv' '.import t.csv sales' 'CREATE INDEX ix_region ON sales(region)'", cwd=d)
        q = "SELECT region, count(*), sum(amount) FROM sales GROUP BY region; SELECT * FROM sales WHERE amount > 497 ORDER BY amount DESC;"
        add("sqlite-stats-sales", f"sqlite3 -header s.db '.stats on' '{q}'", run(f"sqlite3 -header s.db '.stats on' \"{q}\"", cwd=d),
            n_sqlite_stats)


def steps() -> list:
    import capture_wide8_dev as dev  # Python and Node tools
    import capture_wide8_git as git  # git long tail
    import capture_wide8_lang_caps as lang  # Java, Ruby, Perl, Tcl, C/C++, build tools
    import capture_wide8_logs as logs  # debug logs and searches
    return [cap_system, cap_text] + git.STEPS + lang.STEPS + dev.STEPS + logs.STEPS


def main() -> None:
    w6.ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide8", sys.modules["__main__"])
    main()
