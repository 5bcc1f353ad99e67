"""Round 172, reports and samples: GoAccess's JSON and CSV reports of the harbourmon lab's access log (a seeded
generator, with a burst of 500s from one upstream and a crawler hitting missing pages), and sysstat: sadc recording
this machine for half a minute under a load put on it for the purpose (CPU spinners, a writer filling a scratch file,
a memory hog), read back by `sar -q`, `sar -r`, `sar -u ALL -P ALL` and `sadf -d`; `pidstat -d` and `pidstat -u`
sampling it live. Extractors are the rules of NEEDLES.md's "Round 172" section. Run through capture_wide172.py."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_more import any_of, run
from capture_wide172 import add, exit_lines


# ------------------------------------------------------------------ extractors


@cm.kind("goaccess-json", "json")
def n_goaccess_json(lines):
    """Rule 5 on GoAccess's JSON report: the general block's dates and totals, each top-level panel's first data line, every data line of status_codes."""
    out = []
    keys = ("start_date", "end_date", "total_requests", "valid_requests", "failed_requests", "unique_visitors",
            "bandwidth")
    panel, seen_first, in_status = None, set(), False
    for ln in lines:
        m = re.match(r'^  "(\w+)": [\[{]', ln)
        if m:
            panel = m.group(1)
            in_status = panel == "status_codes"
            continue
        if panel == "general" and re.match(r'^\s+"(%s)": ' % "|".join(keys), ln):
            out.append(ln)
        if re.match(r'^\s+"data": "', ln) and panel:
            if in_status:
                out.append(ln)
            elif panel not in seen_first:
                out.append(ln)
                seen_first.add(panel)
    return out + exit_lines(lines)


@cm.kind("goaccess-csv", "table")
def n_goaccess_csv(lines):
    """Rule 5 on GoAccess's CSV report: every general row, each panel's first row, every status_codes row."""
    out, seen = [], set()
    for ln in lines:
        m = re.match(r'^"(\d+)",[^,]*,"(\w+)",', ln)
        if not m:
            continue
        idx, panel = m.groups()
        if panel in ("general", "status_codes"):
            out.append(ln)
        elif panel not in seen:
            out.append(ln)
            seen.add(panel)
    return out + exit_lines(lines)


def _num(s: str):
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def _sar_table(lines):
    """The banner, the first header, the interval rows as (line, {col: value}) and the Average rows."""
    banner = next((ln for ln in lines if ln.startswith("Linux ")), None)
    header, cols, rows, avgs = None, [], [], []
    for ln in lines:
        f = ln.split()
        if len(f) < 3:
            continue
        if f[0] == "Average:":
            avgs.append(ln)
            continue
        if re.match(r"^\d\d:\d\d:\d\d$", f[0]):
            if header is None and not _num(f[1]) and f[1] not in ("all",) and not re.match(r"^\d+$", f[1]) \
                    and any(c.startswith(("%", "runq", "kb", "UID", "ldavg")) for c in f[1:]):
                header, cols = ln, f[1:]
                continue
            if cols and f[1:] and not (_num(f[1]) is None and f[1] == cols[0]) and len(f) - 1 == len(cols):
                rows.append((ln, dict(zip(cols, f[1:]))))
    return banner, header, rows, avgs


def _ext(rows, col, which="max", skip_zero=False):
    vals = [(_num(r[col]), ln) for ln, r in rows if col in r and _num(r[col]) is not None]
    if not vals:
        return None
    v = (max if which == "max" else min)(x for x, _ in vals)
    if skip_zero and v == 0:
        return None
    return any_of([ln for x, ln in vals if x == v])


def _sar(lines, spec):
    banner, header, rows, avgs = _sar_table(lines)
    out = [banner, header] + avgs
    out += [_ext(rows, c, w) for c, w in spec]
    return out + exit_lines(lines)


@cm.kind("sar-q", "table")
def n_sar_q(lines):
    """Rules 3+4 on `sar -q`: the banner, the header, every Average row, the rows holding the maximum runq-sz, ldavg-1 and blocked."""
    return _sar(lines, [("runq-sz", "max"), ("ldavg-1", "max"), ("blocked", "max")])


@cm.kind("sar-r", "table")
def n_sar_r(lines):
    """Rules 3+4 on `sar -r`: the banner, the header, every Average row, the rows holding the minimum kbavail and the maximum %memused and kbdirty."""
    return _sar(lines, [("kbavail", "min"), ("%memused", "max"), ("kbdirty", "max")])


@cm.kind("sar-u-all-P", "table")
def n_sar_u_all(lines):
    """Rules 3+4 on `sar -u ALL -P ALL`: the banner, the header, every Average row, the rows holding the maximum %usr, %sys, %iowait and the minimum %idle."""
    return _sar(lines, [("%usr", "max"), ("%sys", "max"), ("%iowait", "max"), ("%idle", "min")])


@cm.kind("sadf-d", "table")
def n_sadf_d(lines):
    """Rule 4 on `sadf -d`: the header, the first and last data rows, the rows holding each non-constant numeric column's maximum."""
    out = []
    header, cols, rows = None, [], []
    for ln in lines:
        if ln.startswith("# hostname;"):
            if ln not in out:
                out.append(ln)
            header, cols = ln, ln[2:].split(";")
            continue
        f = ln.split(";")
        if cols and len(f) == len(cols) and not ln.startswith("#"):
            rows.append((ln, dict(zip(cols, f))))
    if rows:
        out += [rows[0][0], rows[-1][0]]
    allcols = list(dict.fromkeys(c for _, r in rows for c in r))
    for c in allcols:
        if c in ("hostname", "interval", "timestamp", "CPU"):
            continue
        vals = {_num(r[c]) for _, r in rows if c in r}
        if None in vals or len(vals) < 2:
            continue
        out.append(_ext(rows, c, "max"))
    return out + exit_lines(lines)


def _pidstat(lines, cols):
    banner = next((ln for ln in lines if ln.startswith("Linux ")), None)
    header, hcols, rows, avgs = None, [], [], []
    for ln in lines:
        f = ln.split()
        if len(f) < 4:
            continue
        if "UID" in f and "Command" in f:
            if header is None:
                header = ln
            hcols = f[f.index("UID"):]
            continue
        if not hcols:
            continue
        vals = f[1:] if f[0] == "Average:" or re.match(r"^\d\d:\d\d:\d\d$", f[0]) else None
        if vals is None or len(vals) < len(hcols):
            continue
        rec = dict(zip(hcols[:-1], vals[:len(hcols) - 1]))
        (avgs if f[0] == "Average:" else rows).append((ln, rec))
    use = avgs or rows
    out = [banner, header]
    out += [_ext(use, c, "max", skip_zero=True) for c in cols]
    return out + exit_lines(lines)


@cm.kind("pidstat-d", "table")
def n_pidstat_d(lines):
    """Rule 4 on `pidstat -d`: the banner, the header, over the Average rows (else the interval rows) the rows holding the maximum kB_rd/s, kB_wr/s and iodelay (zero maxima left out)."""
    return _pidstat(lines, ["kB_rd/s", "kB_wr/s", "iodelay"])


@cm.kind("pidstat-u", "table")
def n_pidstat_u(lines):
    """Rule 4 on `pidstat -u`: the banner, the header, over the Average rows (else the interval rows) the rows holding the maximum %CPU, %usr and %system (zero maxima left out)."""
    return _pidstat(lines, ["%CPU", "%usr", "%system"])


# ------------------------------------------------------------------ GoAccess


def access_log(path: Path, seed: int, n: int) -> None:
    r = random.Random(seed)
    paths = ["/", "/api/v2/berths", "/api/v2/vessels", "/api/v2/tides", "/static/app.js", "/static/app.css",
             "/login", "/api/v2/manifests", "/health", "/api/v2/cranes", "/favicon.ico"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "Mozilla/5.0 (Macintosh) Safari/605.1.15",
              "curl/8.5.0", "python-requests/2.32.3", "Mozilla/5.0 (compatible; Googlebot/2.1)",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0"]
    with path.open("w") as f:
        for i in range(n):
            hh, mm = divmod(i * 1440 // n, 60)
            ip = f"10.{r.randint(0, 3)}.{r.randint(0, 30)}.{r.randint(1, 254)}"
            p, status, ua = r.choice(paths), 200, r.choice(agents)
            if p == "/api/v2/manifests" and 13 <= hh <= 14:
                status = r.choice([500, 500, 502, 200])
            elif ua.endswith("Googlebot/2.1)") and r.random() < 0.5:
                p, status = f"/old/berth-{r.randint(1, 400)}.html", 404
            elif p == "/login" and r.random() < 0.2:
                status = 401
            elif r.random() < 0.03:
                status = 304
            method = "POST" if p in ("/login", "/api/v2/manifests") and r.random() < 0.5 else "GET"
            f.write(f'{ip} - - [01/Dec/2026:{hh:02d}:{mm:02d}:{r.randint(0, 59):02d} +0000] "{method} {p} HTTP/1.1" '
                    f'{status} {r.randint(120, 48000)} "-" "{ua}"\n')
            if r.random() < 0.002:
                f.write("- - - [garbled line from a proxy restart]\n")


def step_goaccess(tmp: Path) -> None:
    d = tmp / "goaccess"
    d.mkdir(parents=True, exist_ok=True)
    access_log(d / "access.log", 1770, 24000)
    access_log(d / "access-small.log", 1771, 3000)
    run("goaccess access.log --log-format=COMBINED -o report.json && goaccess access.log --log-format=COMBINED "
        "-o report.csv && goaccess access-small.log --log-format=COMBINED -o small.json && "
        "goaccess access-small.log --log-format=COMBINED -o small.csv", cwd=d, timeout=300)
    items = [
        ("goaccess-json-small", "jq '{general, requests, not_found, status_codes}' small.json", n_goaccess_json),
        ("goaccess-json-head", "jq . report.json | head -n 1500", n_goaccess_json),
        ("goaccess-json-panels", "jq '{general, status_codes, requests: {data: .requests.data[:12]}, "
                                 "not_found: {data: .not_found.data[:12]}}' report.json", n_goaccess_json),
        ("goaccess-csv-full", "cat report.csv", n_goaccess_csv),
        ("goaccess-csv-small", "cat small.csv; echo EXIT=$?", n_goaccess_csv),
        ("goaccess-csv-grep", "grep -E '\"(general|status_codes|requests|not_found)\"' report.csv | head -n 120",
         n_goaccess_csv),
    ]
    for cid, cmd, ext in items:
        add(cid, cmd, run(cmd, cwd=d, timeout=120), ext)


# ------------------------------------------------------------------ sysstat

LOAD = r'''
import os, sys, time, threading
end = time.time() + float(sys.argv[1])
def spin():
    x = 0
    while time.time() < end:
        x += 1
def write(path):
    blk = os.urandom(1 << 20)
    with open(path, "wb") as f:
        while time.time() < end:
            for _ in range(16):
                f.write(blk)
            f.flush(); os.fsync(f.fileno()); f.seek(0)
            time.sleep(0.3)
hog = []
def eat():
    while time.time() < end and len(hog) < 40:
        hog.append(bytearray(8 << 20)); time.sleep(0.5)
ts = [threading.Thread(target=spin), threading.Thread(target=write, args=(sys.argv[2],)), threading.Thread(target=eat)]
[t.start() for t in ts]; [t.join() for t in ts]
'''


def step_sysstat(tmp: Path) -> None:
    d = tmp / "sysstat"
    d.mkdir(parents=True, exist_ok=True)
    (d / "load.py").write_text(LOAD)
    sa = d / "sa172"
    sa.unlink(missing_ok=True)
    # sadc records 45 one-second samples; the load runs for 34 s from the fifth
    sadc = subprocess.Popen(["nice", "/usr/lib/sysstat/sadc", "-S", "XALL", "1", "45", str(sa)], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(5)
    load = subprocess.Popen(["nice", sys.executable, str(d / "load.py"), "34", str(d / "scratch.bin")], cwd=d)
    time.sleep(2)
    cmd = "pidstat -d 2 4"
    add("pidstat-d-live", cmd, run(cmd, cwd=d, timeout=60), n_pidstat_d)
    cmd = "pidstat -u 2 4 | tail -n 80"
    add("pidstat-u-tail", cmd, run(cmd, cwd=d, timeout=60), n_pidstat_u)
    load.wait()
    sadc.wait()
    (d / "scratch.bin").unlink(missing_ok=True)
    f = sa.name
    items = [
        ("sar-q-file", f"sar -q -f {f}", n_sar_q),
        ("sar-q-echo", f"sar -q 2 -f {f}; echo EXIT=$?", n_sar_q),
        ("sar-r-file", f"sar -r -f {f}", n_sar_r),
        ("sar-r-all", f"sar -r ALL -f {f} | head -n 100", n_sar_r),
        ("sar-u-all-file", f"sar -u ALL -P ALL -f {f}", n_sar_u_all),
        ("sar-u-all-tail", f"sar -u ALL -P ALL -f {f} | tail -n 40", n_sar_u_all),
        ("sadf-d-q", f"sadf -d {f} -- -q", n_sadf_d),
        ("sadf-d-ur", f"sadf -d {f} -- -u -r", n_sadf_d),
        ("sadf-d-dev-head", f"sadf -d {f} -- -d -p | head -n 120", n_sadf_d),
    ]
    for cid, cmd, ext in items:
        add(cid, cmd, run(cmd, cwd=d, timeout=60), ext)


STEPS = [step_goaccess, step_sysstat]
