"""Capture round 751 of the compression corpus: Python and Node profilers, load generators and benchmark harnesses in
their other formats (pyinstrument's flat renderer, memray tree and stats JSON, yappi's thread table, line_profiler's
summary, hyperfine's JSON and Markdown exports, autocannon's JSON, ab's percentile CSV) and, beside them, their default
formats that earlier rounds hold, on a quill-maker's shop written here (`quillworks`: goose and swan quills, dutching
sand, nib cutters, penknives; seed 75110): a Python program with faults put in and a loopback HTTP server with slow
and failing endpoints. Needle rules: NEEDLES.md's "Round 751" section; the kinds earlier rounds have keep their
extractors, imported below.

Usage:   .venv/bin/python scripts/corpus/capture_wide751.py
Writes:  scripts/corpus/data/wide751.json, ids prefixed "wide751-".
Tools:   /dev/shm/hm-corpus-wide751/venv: pyinstrument 4.6.2, memray 1.13.4, yappi 1.6.10, line_profiler 4.1.3;
         /dev/shm/hm-corpus-wide751/npm: autocannon 7.15.0; Debian: hyperfine 1.15.0, apache2-utils (ab)."""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import any_of, kind, run, write_tree  # noqa: E402
from capture_data import num, rule4  # noqa: E402
from capture_wide286 import N_PYINSTRUMENT, N_KERNPROF  # noqa: E402  (round 24's profile rules)
from capture_wide36_tty import n_memray_stats, n_memray_summary, n_hyperfine  # noqa: E402  (round 36's)
from capture_wide97_load import n_autocannon  # noqa: E402  (round 97's)
from capture_wide59_svc import n_ab  # noqa: E402  (round 59's)
from capture_wide34_py import N_YAPPI  # noqa: E402  (round 34's)
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide751-"
DEFAULT_OUT = HERE / "data" / "wide751.json"
TOOLS = Path("/dev/shm/hm-corpus-wide751")
VENV = TOOLS / "venv"
NPM = TOOLS / "npm"
TMP = Path("/dev/shm/hm-corpus-wide751-run")
SEED = 75110
PORT = 17510
PY_TOOLS = ["pyinstrument==4.6.2", "memray==1.13.4", "yappi==1.6.10", "line_profiler==4.1.3"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap
PY = f"{VENV}/bin/python"
ENV = {"PATH": f"{VENV}/bin:{NPM}/node_modules/.bin:" + os.environ.get("PATH", ""), "COLUMNS": "160",
       "NO_COLOR": "1", "TERM": "dumb"}

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)


def _duration(lines) -> float | None:
    return next((float(m.group(1)) for ln in lines if (m := re.search(r"Duration: ([\d.]+)", ln))), None)


@kind("pyinstrument-flat", "profile")
def n_pyinstrument_flat(lines):
    """Round 24's profiles rule: the header lines (Recorded, Samples/Duration, CPU time) and every flat row costing at least 10% of the duration."""
    dur = _duration(lines)
    out = [ln for ln in lines if re.search(r"Recorded: |Samples: |Duration: |CPU time: ", ln)]
    for ln in lines:
        m = re.match(r"^\s*([\d.]+)(%?)\s+\S", ln)
        if not m or "Recorded" in ln:
            continue
        v = float(m.group(1))
        if (m.group(2) and v >= 10.0) or (not m.group(2) and dur and v >= 0.1 * dur):
            out.append(ln)
    return out


@kind("line-profiler-summary", "table")
def n_line_profiler_summary(lines):
    """Round 24's kernprof rule (Timer unit / Total time / File / Function lines, every line row with at least 10% of its function's time) and every line of the closing summary (`<t> seconds - <file>:<line> - <function>`)."""
    out = N_KERNPROF(lines)
    out += [ln for ln in lines if re.match(r"^\s*[\d.]+ seconds - \S+:\d+ - ", ln)]
    return out


@kind("memray-tree", "profile")
def n_memray_tree(lines):
    """Round 24's profiles rule: the metadata lines (Peak memory size, Number of allocations, Command line arguments) and every tree node line whose percentage is at least 10%."""
    out = [ln for ln in lines if re.match(r"^\s*(Peak memory size|Number of allocations|Command line arguments):", ln)]
    for ln in lines:
        m = re.search(r"\(\s*([\d.]+)\s*%\)", ln)
        if m and float(m.group(1)) >= 10.0:
            out.append(ln)
    return out


@kind("memray-stats-json", "json")
def n_memray_stats_json(lines):
    """Rule 5: the "total_num_allocations", "total_bytes_allocated" and "peak_memory" lines; the first three "location" lines of "top_allocations_by_size" and "top_allocations_by_count", each with the "size"/"count" line after it."""
    out = [ln for ln in lines if re.match(r'^\s*"(total_num_allocations|total_bytes_allocated|peak_memory)":', ln)]
    block, seen = None, 0
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"(top_allocations_by_size|top_allocations_by_count)":', ln)
        if m:
            block, seen = m.group(1), 0
            continue
        if block and re.match(r"^\s*\],?$", ln):
            block = None
        if block and re.match(r'^\s*"location":', ln) and seen < 3:
            seen += 1
            out.append(ln)
            nxt = next((lines[k] for k in range(i + 1, min(len(lines), i + 3))
                        if re.match(r'^\s*"(size|count)":', lines[k])), None)
            if nxt:
                out.append(nxt)
    return out


@kind("yappi-thread-stats", "table")
def n_yappi_threads(lines):
    """Rule 4 over yappi's thread table: the header row, rows whose name occurs in at most 2 rows while the most common name covers half the rows, the rows with the minimum and maximum ttot and scnt."""
    header = [ln for ln in lines if re.match(r"^name\s+id\s+tid\s+ttot\s+scnt", ln)]
    rows = []
    for ln in lines:
        f = ln.split()
        if len(f) == 5 and re.match(r"^\d+$", f[1]) and re.match(r"^\d+$", f[2]):
            rows.append((ln, {"name": f[0], "ttot": f[3], "scnt": f[4]}))
    return rule4(rows, cat=("name",), nums=("ttot", "scnt"), header=header[:1])


@kind("hyperfine-json", "json")
def n_hyperfine_json(lines):
    """Rule 5: every "command" line and each result's "mean", "min" and "max" lines; rule 1: every non-zero element of an "exit_codes" array."""
    out, in_codes = [], False
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"(command|mean|min|max)":', s):
            out.append(ln)
        if s.startswith('"exit_codes":'):
            in_codes = True
            out += [ln] if re.search(r"[1-9]", s.split(":", 1)[1]) else []
            continue
        if in_codes:
            if s.startswith("]"):
                in_codes = False
            elif re.match(r"^-?\d+,?$", s) and s.rstrip(",") != "0":
                out.append(ln)
    return out


@kind("hyperfine-markdown", "table")
def n_hyperfine_markdown(lines):
    """Rule 4/5: the header row and every data row of the Markdown table (one a command)."""
    return [ln for ln in lines if ln.startswith("|") and not re.match(r"^\|[\s:|-]+\|$", ln)]


@kind("autocannon-json", "json")
def n_autocannon_json(lines):
    """Rule 5: the "url", "errors", "timeouts", "non2xx", "1xx".."5xx" lines; "average" and "p99" of the "latency", "requests" and "throughput" blocks; every status-code key inside "statusCodeStats"."""
    out, block, depth = [], None, 0
    for ln in lines:
        s = ln.strip()
        ind = len(ln) - len(ln.lstrip())
        if ind == 4 and re.match(r'^"(url|errors|timeouts|non2xx|[1-5]xx)":', s):
            out.append(ln)
        m = re.match(r'^"(\w+)": \{$', s)
        if m and ind == 4:
            block = m.group(1)
            continue
        if ind == 4 and s.startswith("}"):
            block = None
        if block in ("latency", "requests", "throughput") and re.match(r'^"(average|p99)":', s):
            out.append(ln)
        if block == "statusCodeStats" and re.match(r'^"\d{3}": \{', s):
            out.append(ln)
    return out


@kind("ab-percentile-csv", "table")
def n_ab_csv(lines):
    """Rule 4/5: the header row, the 0 and 100 rows, and the 50, 90, 95 and 99 rows."""
    return [ln for ln in lines if ln.startswith("Percentage served") or re.match(r"^(0|50|90|95|99|100),", ln)]


# ------------------------------------------------------------------ material (seed 75110)

QUILLWORKS = r'''
"""quillworks: a quill-maker's shop, with its slow spots."""
import random, re, sys, threading, time

rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 75110)
SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
BIRDS = ["goose", "swan", "crow", "turkey", "raven"]
_cache = {}


def make_quills(n):
    return [f"{rng.choice(BIRDS)}-{rng.randint(1, n // 3)}-{rng.choice('LR')}" for _ in range(n)]


def dedupe_quills(quills):  # quadratic: list membership in a loop
    seen = []
    for q in quills:
        if q not in seen:
            seen.append(q)
    return seen


def grade_barrels(quills):  # a regex compiled in the loop
    graded = 0
    for q in quills:
        pat = re.compile(r"^(goose|swan)-(\d+)-[LR]$")
        if pat.match(q):
            graded += 1
    return graded


def dutch_in_sand(quills):  # a cache that never evicts
    for i, q in enumerate(quills):
        _cache[(q, i)] = bytearray(256 + (i % 7) * 64)
    return len(_cache)


def cut_nib(q):
    s = 0
    for ch in q * 20:
        s = (s * 31 + ord(ch)) % 1000003
    return s


def cut_nibs(quills):
    return sum(cut_nib(q) for q in quills)


def write_ledger(quills):  # slow string concatenation
    ledger = ""
    for q in quills:
        ledger = ledger + q + ";"
    return len(ledger)


_lock = threading.Lock()


def penknife_grinder(k):  # holds the lock across a sleep
    with _lock:
        time.sleep(0.002 * k)


def slit(quills):
    return [q.replace("-", "/") for q in quills[: len(quills) // 2]]


def main():
    quills = make_quills(SIZE)
    uniq = dedupe_quills(quills)
    g = grade_barrels(quills)
    d = dutch_in_sand(quills)
    c = cut_nibs(uniq)
    w = write_ledger(quills)
    ts = [threading.Thread(target=penknife_grinder, args=(k,)) for k in range(6)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    s = slit(quills)
    print(f"quills={len(quills)} unique={len(uniq)} graded={g} dutched={d} nibs={c} ledger={w} slit={len(s)}")


if __name__ == "__main__":
    main()
'''

KERN = r'''
import builtins, runpy, sys
import quillworks as q
for name in ("dedupe_quills", "grade_barrels", "dutch_in_sand", "cut_nib", "write_ledger", "slit", "make_quills"):
    setattr(q, name, profile(getattr(q, name)))
q.main()
'''

YAPPI_THREADS = r'''
import random, sys, threading, time, yappi
rng = random.Random(int(sys.argv[2]))
N = int(sys.argv[1])


class NibCutter(threading.Thread):
    def run(self):
        s = 0
        for i in range(rng.randint(2000, 20000)):
            s += i * i
        time.sleep(0.001)


class Dutcher(threading.Thread):
    def run(self):
        time.sleep(0.002)
        sum(range(rng.randint(1000, 5000)))


class PenknifeGrinder(threading.Thread):
    def run(self):
        s = 0
        for i in range(400000):
            s ^= i
        time.sleep(0.01)


class SandSifter(threading.Thread):
    def run(self):
        sorted(rng.random() for _ in range(30000))


yappi.set_clock_type("cpu")
yappi.start()
kinds = [NibCutter] * 12 + [Dutcher] * 5 + [SandSifter]
ts = [rng.choice(kinds)() for _ in range(N)] + [PenknifeGrinder()]
for t in ts:
    t.start()
for t in ts:
    t.join()
yappi.stop()
yappi.get_thread_stats().print_all()
if len(sys.argv) > 3:
    yappi.get_func_stats().print_all(columns={0: ("name", 60), 1: ("ncall", 8), 2: ("tsub", 8), 3: ("ttot", 8), 4: ("tavg", 8)})
'''

SERVER = r'''
import random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rng = random.Random(75110)


class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        p = self.path
        if p.startswith("/slow"):
            time.sleep(0.02 + rng.random() * 0.03)
        if p.startswith("/mixed"):
            r = rng.random()
            code = 500 if r < 0.08 else 404 if r < 0.15 else 503 if r < 0.17 else 200
        elif p.startswith("/broken"):
            code = 500
        else:
            code = 200
        body = (b'{"quills": ' + str(rng.randint(1, 500)).encode() + b', "shop": "quillworks"}') * 4
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def ensure_tools() -> None:
    cm.install_venv(VENV, "memray", PY_TOOLS)
    cm.install_npm(NPM, "autocannon", ["autocannon@7.15.0"])


def material(tmp: Path) -> Path:
    d = tmp / "quillworks"
    write_tree(d, {"quillworks.py": QUILLWORKS, "kern_quills.py": KERN, "yappi_threads.py": YAPPI_THREADS,
                   "server.py": SERVER})
    assert (d / "quillworks.py").exists()
    return d


def profilers(tmp: Path) -> None:
    d = material(tmp)
    for tag, size, seed in [("small", 1500, SEED + 1), ("big", 4000, SEED + 2)]:
        cap(f"pyinstrument-{tag}", f"pyinstrument --show-all quillworks.py {size} {seed} 2>&1", d, N_PYINSTRUMENT,
            env=ENV, timeout=300)
    for tag, opts, size, seed in [("flat", "-p flat=true", 3000, SEED + 3),
                                  ("flat-all", "--show-all -p flat=true", 2500, SEED + 4),
                                  ("flat-pct", "-p flat=true -p time=percent_of_total", 3500, SEED + 5)]:
        cap(f"pyinstrument-{tag}", f"pyinstrument {opts} quillworks.py {size} {seed} 2>&1", d, n_pyinstrument_flat,
            env=ENV, timeout=300)
    # pip's own start-up as a bigger real program (its import tree), offline: `pip list` reads the venv only
    cap("pyinstrument-pip-list", "pyinstrument -m pip list 2>&1", d, N_PYINSTRUMENT, env=ENV,
        timeout=300)
    cap("pyinstrument-flat-pip-list", "pyinstrument --show-all -p flat=true -m pip list 2>&1", d,
        n_pyinstrument_flat, env=ENV, timeout=300)
    cap("pyinstrument-flat-pip-show", "pyinstrument -p flat=true -m pip show -f yappi 2>&1", d,
        n_pyinstrument_flat, env=ENV, timeout=300)
    cap("pyinstrument-flat-all-pip-show", "pyinstrument --show-all -p flat=true -m pip show -f memray 2>&1", d,
        n_pyinstrument_flat, env=ENV, timeout=300)
    cap("kernprof-lv", "kernprof -l -v kern_quills.py 2500 75120 2>&1", d, N_KERNPROF, env=ENV, timeout=300)
    run("kernprof -l -o quills.lprof kern_quills.py 3000 75121 >/dev/null 2>&1", cwd=d, env=ENV, timeout=300)
    if (d / "quills.lprof").exists():
        cap("line-profiler-summary", f"{PY} -m line_profiler -mtz quills.lprof 2>&1", d, n_line_profiler_summary,
            env=ENV, typed="python -m line_profiler -mtz quills.lprof")
        cap("line-profiler-summary-ms", f"{PY} -m line_profiler -mtz -u 1e-3 quills.lprof 2>&1", d,
            n_line_profiler_summary, env=ENV, typed="python -m line_profiler -mtz -u 1e-3 quills.lprof")


def memray(tmp: Path) -> None:
    d = material(tmp)
    for tag, size in [("big", 6000), ("small", 1200)]:
        run(f"rm -f {tag}.bin; memray run -q -o {tag}.bin quillworks.py {size} {SEED} >/dev/null 2>&1", cwd=d, env=ENV,
            timeout=300)
    run("rm -f pip.bin; memray run -q -o pip.bin -m pip list >/dev/null 2>&1", cwd=d, env=ENV, timeout=300)
    if (d / "pip.bin").exists():
        cap("memray-stats-pip", "memray stats -n 25 pip.bin 2>&1", d, n_memray_stats, env=ENV)
        cap("memray-summary-pip", "memray summary pip.bin 2>&1", d, n_memray_summary, env=ENV)
        run("rm -f st-pip.json; memray stats --json -n 40 -o st-pip.json pip.bin >/dev/null 2>&1", cwd=d, env=ENV)
        if (d / "st-pip.json").exists():
            cap("memray-stats-json-pip", "python3 -m json.tool st-pip.json", d, n_memray_stats_json, env=ENV)
    if not (d / "big.bin").exists():
        cm.note("memray: no capture file")
        return
    cap("memray-stats", "memray stats big.bin 2>&1", d, n_memray_stats, env=ENV)
    cap("memray-summary", "memray summary big.bin 2>&1", d, n_memray_summary, env=ENV)
    # `memray tree` is a Textual app in 1.13.4: with no terminal it crashes (NoMatches 'FrameDetailScreen'), so no
    # memray-tree item is captured; its extractor stays as written before capture.
    for tag in ("big", "small"):
        run(f"rm -f st-{tag}.json; memray stats --json -o st-{tag}.json {tag}.bin >/dev/null 2>&1", cwd=d, env=ENV)
        if (d / f"st-{tag}.json").exists():
            cap(f"memray-stats-json-{tag}", f"python3 -m json.tool st-{tag}.json", d, n_memray_stats_json, env=ENV)


def yappi(tmp: Path) -> None:
    d = material(tmp)
    for tag, n, seed in [("40", 40, SEED + 6), ("150", 150, SEED + 7), ("400", 400, SEED + 8), ("1200", 1200, SEED + 10)]:
        cap(f"yappi-thread-stats-{tag}", f"{PY} yappi_threads.py {n} {seed} 2>&1", d, n_yappi_threads, env=ENV,
            typed=f"python yappi_threads.py {n} {seed}", timeout=300)
    cap("yappi-funcs", f"{PY} yappi_threads.py 30 {SEED + 9} funcs 2>&1", d, N_YAPPI, env=ENV,
        typed=f"python yappi_threads.py 30 {SEED + 9} funcs", timeout=300)
    cap("yappi-funcs-big", f"{PY} -c 'import pydoc, email.parser, json, decimal' && {PY} yappi_threads.py 200 "
        f"{SEED + 11} funcs 2>&1", d, N_YAPPI, env=ENV, typed=f"python yappi_threads.py 200 {SEED + 11} funcs",
        timeout=300)


def hyperfine(tmp: Path) -> None:
    d = material(tmp)
    cmds = ("'python3 quillworks.py 800 1' 'python3 quillworks.py 1600 2' 'python3 -c \"import sys; sys.exit(3)\"' "
            "'sleep 0.05' 'grep -c goose quillworks.py'")
    cap("hyperfine", f"hyperfine -N -i --warmup 1 --runs 6 --style basic {cmds} 2>&1", d, n_hyperfine, env=ENV,
        timeout=600)
    for tag, runs in [("a", 5), ("b", 25)]:
        run(f"rm -f hf-{tag}.json hf-{tag}.md; hyperfine -N -i --runs {runs} --style none "
            f"--export-json hf-{tag}.json --export-markdown hf-{tag}.md {cmds} >/dev/null 2>&1", cwd=d, env=ENV,
            timeout=600)
        if (d / f"hf-{tag}.json").exists():
            cap(f"hyperfine-json-{tag}", f"cat hf-{tag}.json", d, n_hyperfine_json, env=ENV)
            cap(f"hyperfine-markdown-{tag}", f"cat hf-{tag}.md", d, n_hyperfine_markdown, env=ENV)


def hyperfine_scan(tmp: Path) -> None:
    d = material(tmp)
    scan = "--parameter-scan n 1 24 'python3 quillworks.py {n}00 {n}'"
    cap("hyperfine-scan", f"hyperfine -N -i --runs 6 --style basic --export-json scan.json --export-markdown scan.md "
        f"{scan} 2>&1", d, n_hyperfine, env=ENV, timeout=900)
    if (d / "scan.json").exists():
        cap("hyperfine-json-scan", "cat scan.json", d, n_hyperfine_json, env=ENV)
        cap("hyperfine-markdown-scan", "cat scan.md", d, n_hyperfine_markdown, env=ENV)


def load(tmp: Path) -> None:
    import subprocess
    d = material(tmp)
    srv = subprocess.Popen([sys.executable, "server.py", str(PORT)], cwd=d, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(1.5)
        url = f"http://127.0.0.1:{PORT}"
        cap("autocannon", f"autocannon -c 8 -d 3 --renderStatusCodes {url}/mixed 2>&1", d, n_autocannon, env=ENV,
            timeout=120)
        for tag, path in [("mixed", "/mixed"), ("slow", "/slow"), ("broken", "/broken")]:
            cap(f"autocannon-json-{tag}", f"autocannon -c 8 -d 3 --json {url}{path} 2>/dev/null | python3 -m json.tool",
                d, n_autocannon_json, env=ENV, timeout=120)
        cap("ab-summary", f"ab -n 600 -c 8 {url}/mixed 2>&1", d, n_ab, env=ENV, timeout=120)
        for tag, path in [("slow", "/slow"), ("mixed", "/mixed")]:
            run(f"rm -f ab-{tag}.csv; ab -q -n 400 -c 8 -e ab-{tag}.csv {url}{path} >/dev/null 2>&1", cwd=d,
                env=ENV, timeout=120)
            if (d / f"ab-{tag}.csv").exists():
                cap(f"ab-percentile-csv-{tag}", f"cat ab-{tag}.csv", d, n_ab_csv, env=ENV)
    finally:
        os.killpg(srv.pid, 9)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [profilers, memray, yappi, hyperfine, hyperfine_scan, load],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide751", sys.modules["__main__"])
    main()
