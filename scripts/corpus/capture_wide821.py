#!/usr/bin/env python3
"""Capture round 821 of the compression corpus: profilers and tracers in outputs the corpus lacks, on a tide mill's
programs written here (`tidemill.py`, `hoist_leak.py` and `sackhoist.c`, sources in capture_wide821_src.py: sluices,
mill ponds, waterwheels, sack hoists, millers) with real hot spots and faults put in: a quadratic pond smoother, a
ledger built by string concatenation, a hoist cache never evicted (a leak), a schedule file that is not there, millers
waiting on a held lock, a division by a zero head at slack water, a bubble sort, a NULL sack dereferenced, an abort.

Kinds (rules in NEEDLES.md's "Round 821" section). NEW: pyinstrument-json, py-spy-dump-json, py-spy-speedscope,
gprof2dot-dot, strace-k, perf-script, perf-diff. Held already (extractors imported): cprofile
(capture_wide), pyinstrument and kernprof-lv (capture_wide286), memory-profiler (capture_wide45_py), strace-c
(capture_wide3), strace-f-file (capture_wide495), python-tracemalloc-compare (capture_wide446). Nothing captured here
was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide821.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide821.json  as {"version": 2, "items": [...]}, ids prefixed "wide821-".
Tools:   pyinstrument 5.1.3, py-spy 0.4.3, gprof2dot 2025.4.14, line_profiler 5.1.0 (kernprof),
         memory_profiler 0.61.0 (PyPI, in a venv under /dev/shm/hm-corpus-wide821); Debian's strace 6.1, perf 6.1,
         gcc 12.2.0; Python 3.11.
"""

from __future__ import annotations

import collections
import json
import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide import n_cprofile  # noqa: E402
from capture_wide286 import N_PYINSTRUMENT, N_KERNPROF  # noqa: E402
from capture_wide45_py import N_MEMPROF  # noqa: E402
from capture_wide3 import n_strace_c  # noqa: E402
from capture_wide495 import n_strace_file  # noqa: E402
from capture_wide446 import n_tm_compare  # noqa: E402
import capture_wide821_src as src  # noqa: E402

ID_PREFIX = "wide821-"
DEFAULT_OUT = HERE / "data" / "wide821.json"
TMP = Path("/dev/shm/hm-corpus-wide821-run")
TOOLS = Path("/dev/shm/hm-corpus-wide821")
VENV = TOOLS / "venv"
PY_TOOLS = ["pyinstrument==5.1.3", "py-spy==0.4.3", "gprof2dot==2025.4.14", "memray==1.20.0",
            "line_profiler==5.1.0", "memory_profiler==0.61.0"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.install_venv(VENV, "py-spy", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    for t in ("strace", "perf", "gcc"):
        assert cm.have(t, t), t


# ================================================================== extractors (NEEDLES.md, round 821)

EXIT = re.compile(r"^EXIT=\d+$")
ERR = re.compile(r"Error|error:|Traceback|Exception|Segmentation fault|failed")
LOC = r'File "[^"]+", line \d+|[\w./-]+\.(py|c|h):\d+'


def _common(lines):
    """rule 1 beside each kind's shape: EXIT=N lines; error lines with a location within six lines"""
    out = []
    for i, ln in enumerate(lines):
        if EXIT.match(ln):
            out.append(ln)
        elif ERR.search(ln):
            out.append(ln.strip())
            if not re.search(LOC, ln):
                out.append(cm.next_match(lines, i, LOC))
    return out


def _json_doc(lines, opener):
    """The JSON document json.tool (or the tool) printed: from the first line that is `opener` to its close."""
    start = next((i for i, ln in enumerate(lines) if ln == opener), None)
    if start is None:  # the tool wrote no document (the program failed): rule 1's lines only
        return {} if opener == "{" else []
    closer = "}" if opener == "{" else "]"
    end = next(i for i in range(len(lines) - 1, start, -1) if lines[i] == closer)
    return json.loads("\n".join(lines[start:end + 1]))


def _kv(key, value):
    return f'"{key}": {json.dumps(value)}'


@cm.kind("pyinstrument-json", "json")
def n_pyinstrument_json(lines):
    """duration/sample_count/cpu_time/target_description lines; every frame with >=10% of the root's time: its function and time lines"""
    out = _common(lines)
    doc = _json_doc(lines, "{")
    out += [_kv(k, doc[k]) for k in ("duration", "sample_count", "cpu_time", "target_description") if k in doc]
    if not doc:
        return out
    root = doc["root_frame"]
    limit = 0.10 * root["time"]
    stack = [root]
    while stack:
        f = stack.pop()
        if f["time"] >= limit:
            out += [_kv("function", f["function"]), _kv("time", f["time"])]
            stack += f.get("children", [])
    return out


@cm.kind("py-spy-dump-json", "json")
def n_pyspy_dump_json(lines):
    """every thread's thread_id / thread_name / owns_gil true / active true lines; its innermost frame's name, filename and line"""
    out = _common(lines)
    for th in _json_doc(lines, "["):
        out.append(_kv("thread_id", th["thread_id"]))
        if th.get("thread_name") is not None:
            out.append(_kv("thread_name", th["thread_name"]))
        for k in ("owns_gil", "active"):
            if th.get(k):
                out.append(_kv(k, True))
        if th.get("frames"):
            f = th["frames"][0]
            out += [_kv("name", f["name"]), _kv("filename", f["filename"]), _kv("line", f["line"])]
    return out


@cm.kind("py-spy-speedscope", "json")
def n_pyspy_speedscope(lines):
    """exporter line; every profile's name, unit, endValue lines; every frame on the stack in >=10% of a profile's samples: its name line"""
    out = _common(lines)
    doc = _json_doc(lines, "{")
    if not doc:
        return out
    out.append(_kv("exporter", doc["exporter"]))
    frames = doc["shared"]["frames"]
    for p in doc["profiles"]:
        out += [_kv("name", p["name"]), _kv("unit", p["unit"]), _kv("endValue", p["endValue"])]
        samples = p.get("samples", [])
        counts = collections.Counter(ix for s in samples for ix in set(s))
        for ix, c in counts.items():
            if samples and c >= 0.10 * len(samples):
                out.append(_kv("name", frames[ix]["name"]))
    return out


DOT_NODE = re.compile(r'^\s*("[^"]*"|\w+) \[.*?(label="[^"]*")')
DOT_EDGE = re.compile(r'^\s*("[^"]*"|\w+) -> ("[^"]*"|\w+) \[.*?label="([^"]*)"')


def _pct(label):
    m = re.search(r"(\d+(?:\.\d+)?)%", label)
    return float(m.group(1)) if m else 0.0


@cm.kind("gprof2dot-dot", "table")
def n_gprof2dot(lines):
    """digraph line; every node with total >= 10%: its label="..." text; every edge of >= 10% between two such nodes"""
    out = _common(lines)
    out += [ln.strip() for ln in lines if ln.startswith("digraph")]
    hot = set()
    for ln in lines:
        if "->" in ln:
            continue
        m = DOT_NODE.match(ln)
        if m and _pct(m.group(2)) >= 10.0:
            hot.add(m.group(1))
            out.append(m.group(2))
    for ln in lines:
        m = DOT_EDGE.match(ln)
        if m and m.group(1) in hot and m.group(2) in hot and _pct(m.group(3)) >= 10.0:
            out.append(ln.strip())
    return out


MEMRAY_META = re.compile(r"Allocation metadata|Command line arguments|Peak memory size|Number of allocations")
MEMRAY_NODE = re.compile(r"\((\d+(?:\.\d+)?) ?%\)")


@cm.kind("memray-tree", "table")
def n_memray_tree(lines):
    """metadata total lines and the root's line; every tree line whose share in parentheses is >= 10.00 %"""
    out = _common(lines)
    out += [ln.strip() for ln in lines if MEMRAY_META.search(ln)]
    root = next((ln for ln in lines if "<ROOT>" in ln), None)
    if root:
        out.append(root.strip())
    for ln in lines:
        m = MEMRAY_NODE.search(ln)
        if m and float(m.group(1)) >= 10.0:
            out.append(ln.strip())
    return out


SYSCALL_FAIL = re.compile(r"\) += -1 [A-Z]+")
OWN_BIN = re.compile(r"/(sackhoist|python3[\d.]*)\(")


@cm.kind("strace-k", "log")
def n_strace_k(lines):
    """failing syscall lines and the first stack line naming the program's binary (else the first); SIG / exited / killed lines; strace: warnings one any per shape"""
    out = _common(lines)
    warn = []
    for i, ln in enumerate(lines):
        if SYSCALL_FAIL.search(ln):
            out.append(ln.strip())
            stack = []
            for nxt in lines[i + 1:]:
                if not nxt.startswith(" > "):
                    break
                stack.append(nxt.strip())
            own = [s for s in stack if OWN_BIN.search(s)]
            if own or stack:
                out.append((own or stack)[0])
        elif re.search(r"--- SIG\w+|\+\+\+ (exited with \d+|killed by)", ln):
            out.append(ln.strip())
        elif ln.startswith("strace: "):
            warn.append((cm.mask(ln), ln))
    return out + cm.groups(warn)


PERF_HEAD = re.compile(r"^\s*(\S.*?)\s+(\d+)(?:/\d+)?\s+(?:\[\d+\]\s+)?\d+\.\d+:\s")
PERF_FRAME = re.compile(r"^\s+[0-9a-f]+ (.+?) \((.*)\)$")
PERF_ONE_LINE = re.compile(r":\s+[0-9a-f]+ (\S+) \((.*)\)$")
PERF_MSG = re.compile(r"^(Error|Warning|WARNING|Failed)\b|^\s*(failed|Error)")


def _perf_msgs(lines):
    errs, warn = [], []
    for ln in lines:
        if PERF_MSG.search(ln):
            (errs if re.search(r"(?i)error|failed", ln) else warn).append(ln)
    return errs + cm.groups((cm.mask(w), w) for w in warn)


@cm.kind("perf-script", "log")
def n_perf_script(lines):
    """first and last sample header lines; each symbol innermost in >=10% of samples (one any of its stack lines); headers of rare comms; perf errors/warnings"""
    out = _common(lines) + _perf_msgs(lines)
    heads = [(i, m.group(1).strip()) for i, ln in enumerate(lines) if (m := PERF_HEAD.match(ln))]
    if not heads:
        return out
    out += [lines[heads[0][0]].strip(), lines[heads[-1][0]].strip()]
    inner = collections.defaultdict(list)
    for i, _ in heads:
        if m := PERF_ONE_LINE.search(lines[i]):  # -F ...,ip,sym without a call graph: the frame is on the header
            inner[re.sub(r"\+0x[0-9a-f]+$", "", m.group(1))].append(lines[i].strip())
        elif i + 1 < len(lines) and (m := PERF_FRAME.match(lines[i + 1])):
            sym = re.sub(r"\+0x[0-9a-f]+$", "", m.group(1))
            inner[sym].append(lines[i + 1].strip())
    for sym, ls in inner.items():
        if len(ls) >= 0.10 * len(heads):
            out.append({"any": sorted(set(ls))})
    comms = collections.Counter(c for _, c in heads)
    if comms.most_common(1)[0][1] * 2 >= len(heads):
        out += [lines[i].strip() for i, c in heads if comms[c] <= 2]
    return out


PERF_DIFF_ROW = re.compile(r"^\s+(?P<pre>[\d.%+\- ]+?)\s+(?P<dso>\S+)\s+\[[.kgu]\]\s+(?P<sym>.+)$")


@cm.kind("perf-diff", "table")
def n_perf_diff(lines):
    """# Event line and column header; rows with max/min Baseline and Delta Abs; rows with Baseline >= 10% or empty; perf errors/warnings"""
    out = _common(lines) + _perf_msgs(lines)
    out += [ln for ln in lines if ln.startswith("# Event") or re.match(r"^# Baseline", ln)]
    rows = []
    for ln in lines:
        if ln.startswith("#"):
            continue
        m = PERF_DIFF_ROW.match(ln)
        if not m:
            continue
        toks = m.group("pre").split()
        base = next((float(t[:-1]) for t in toks if t.endswith("%") and t[0] not in "+-"), None)
        delta = next((float(t[:-1]) for t in toks if t.endswith("%") and t[0] in "+-"), None)
        rows.append((ln.strip(), base, delta))
    for col in (1, 2):
        have = [r for r in rows if r[col] is not None]
        if have:
            out += [max(have, key=lambda r: r[col])[0], min(have, key=lambda r: r[col])[0]]
    out += [r[0] for r in rows if r[1] is None or r[1] >= 10.0]
    return out


# ================================================================== the material and the steps

def write_material(tmp: Path) -> None:
    (tmp / "tidemill.py").write_text(src.TIDEMILL_PY.lstrip("\n"))
    (tmp / "hoist_leak.py").write_text(src.HOIST_LEAK_PY.lstrip("\n"))
    (tmp / "sackhoist.c").write_text(src.SACKHOIST_C.lstrip("\n"))
    cm.run("gcc -g -O1 -fno-inline -fno-omit-frame-pointer -o sackhoist sackhoist.c", cwd=tmp)
    assert (tmp / "sackhoist").exists()


def step_material(tmp: Path) -> None:
    write_material(tmp)


def step_python(tmp: Path) -> None:
    cap("cprofile-cumtime-day", "nice python -m cProfile -s cumtime tidemill.py run 260 2>&1 | head -n 45", tmp,
        n_cprofile, timeout=300)
    cap("cprofile-tottime-day", "nice python -m cProfile -s tottime tidemill.py run 120 2>&1", tmp, n_cprofile,
        timeout=300)
    cap("pyinstrument-run", "nice pyinstrument tidemill.py run 500 2>&1; echo EXIT=$?", tmp, N_PYINSTRUMENT,
        timeout=300)
    cap("pyinstrument-run-all", "nice pyinstrument --show-all tidemill.py run 300 2>&1", tmp, N_PYINSTRUMENT,
        timeout=300)
    cap("kernprof-day", "nice kernprof -l -v tidemill.py run 220 2>&1", tmp, N_KERNPROF, timeout=300)
    cap("memprof-day", "nice python -m memory_profiler tidemill.py run 90 2>&1", tmp, N_MEMPROF, timeout=300)
    cap("tracemalloc-lineno", "python hoist_leak.py 3000 lineno", tmp, n_tm_compare)
    cap("tracemalloc-traceback", "python hoist_leak.py 800 traceback", tmp, n_tm_compare)


def step_pyinstrument_json(tmp: Path) -> None:
    for name, args in (("run-300", "run 300"), ("slack-150", "slack 150"), ("run-60", "run 60"),
                       ("nofile", "nofile 10")):
        cap(f"pyinstrument-json-{name}", f"nice pyinstrument -r json -o day-{name}.json tidemill.py {args}; "
            f"echo EXIT=$?; python3 -m json.tool day-{name}.json", tmp, n_pyinstrument_json, timeout=300)
    cap("pyinstrument-json-interval", "nice pyinstrument -i 0.01 -r json -o coarse.json tidemill.py run 500 "
        ">/dev/null; python3 -m json.tool coarse.json", tmp, n_pyinstrument_json, timeout=300)


def step_gprof2dot(tmp: Path) -> None:
    cm.run("nice python -m cProfile -o day.prof tidemill.py run 300 >/dev/null 2>&1", cwd=tmp, timeout=300)
    cm.run("nice python -m cProfile -o small.prof tidemill.py run 40 >/dev/null 2>&1", cwd=tmp, timeout=300)
    cm.run("nice python -m cProfile -o slack.prof tidemill.py slack 200 >/dev/null 2>&1", cwd=tmp, timeout=300)
    cap("gprof2dot-day", "gprof2dot -f pstats day.prof", tmp, n_gprof2dot)
    cap("gprof2dot-small-all", "gprof2dot -f pstats -n 0 -e 0 small.prof", tmp, n_gprof2dot)
    cap("gprof2dot-strip-wrap", "gprof2dot -f pstats --strip --wrap -n 2 day.prof", tmp, n_gprof2dot)
    cap("gprof2dot-missing", "gprof2dot -f pstats slack.prof; echo EXIT=$?; gprof2dot -f pstats nosuch.prof 2>&1 "
        "| tail -n 4; echo EXIT=$?", tmp, n_gprof2dot)


def step_memray(tmp: Path) -> None:
    for name, args in (("run", "run 300"), ("leak", "run 900"), ("small", "run 50")):
        cm.run(f"rm -f {name}.bin; nice memray run -q -o {name}.bin tidemill.py {args} >/dev/null 2>&1", cwd=tmp,
               timeout=300)
    cm.run("rm -f hoist.bin; nice memray run -q -o hoist.bin hoist_leak.py 4000 lineno >/dev/null 2>&1", cwd=tmp)
    cap("memray-tree-run", "memray tree run.bin", tmp, n_memray_tree)
    cap("memray-tree-leak-big", "memray tree --biggest-allocs 40 leak.bin", tmp, n_memray_tree)
    cap("memray-tree-small", "memray tree small.bin", tmp, n_memray_tree)
    cap("memray-tree-hoist", "memray tree --biggest-allocs 25 hoist.bin", tmp, n_memray_tree)


def step_pyspy(tmp: Path) -> None:
    for name, flags in (("plain", ""), ("locals", "--locals "), ("nonblocking", "--nonblocking ")):
        p = cm.start([str(VENV / "bin" / "python"), "tidemill.py", "threads", "30"], cwd=tmp)
        time.sleep(2.0)
        cmd = f"py-spy dump --json {flags}--pid {p.pid}"
        add(f"py-spy-dump-json-{name}", cmd, cm.run(cmd + "; echo EXIT=$?", cwd=tmp, timeout=60), n_pyspy_dump_json)
        p.kill()
        p.wait()
    for name, args, rate in (("run", "run 1400", 40), ("threads", "threads 8", 20), ("slack", "slack 900", 60)):
        cmd = (f"nice py-spy record -r {rate} --idle -f speedscope -o {name}.speedscope.json -- python tidemill.py {args} "
               f"2>&1 | tail -n 3; python3 -m json.tool {name}.speedscope.json")
        cap(f"py-spy-speedscope-{name}", cmd, tmp, n_pyspy_speedscope, timeout=300)
    cmd = ("nice py-spy record -r 8 --idle --threads -f speedscope -o idle.json -- python tidemill.py threads 5 "
           ">/dev/null 2>&1; python3 -m json.tool idle.json")
    cap("py-spy-speedscope-idle", cmd, tmp, n_pyspy_speedscope, timeout=300)


def step_strace(tmp: Path) -> None:
    cap("strace-k-files", "strace -k -e trace=openat,access,unlink ./sackhoist files 40 2>&1; echo EXIT=$?", tmp,
        n_strace_k)
    cap("strace-k-jam", "strace -k -f -e trace=openat,write ./sackhoist jam 20 2>&1; echo EXIT=$?", tmp, n_strace_k)
    cap("strace-k-abort", "strace -k -e trace=openat,rt_sigprocmask,tgkill,write ./sackhoist abort 10 2>&1; "
        "echo EXIT=$?", tmp, n_strace_k)
    cap("strace-k-python", "strace -k -e trace=openat python3 -S tidemill.py nofile 2>&1 | tail -n 400; echo EXIT=$?",
        tmp, n_strace_k)
    cap("strace-k-threads", "strace -k -f -e trace=clone3,futex,openat python tidemill.py threads 3 2>&1 | tail -n 500",
        tmp, n_strace_k, timeout=120)
    cap("strace-c-sackhoist", "strace -c -f ./sackhoist files 3000 2>&1", tmp, n_strace_c)
    cap("strace-c-python-threads", "strace -c -f -S calls python tidemill.py threads 10 2>&1", tmp, n_strace_c,
        timeout=120)
    cap("strace-f-file-jam", "strace -f -e trace=file,process ./sackhoist jam 30 2>&1; echo EXIT=$?", tmp,
        n_strace_file)


def step_perf(tmp: Path) -> None:
    rec = "nice perf record -F 199 -g -o {o} -- {c} >/dev/null 2>&1"
    cm.run(rec.format(o="base.data", c="./sackhoist grind 16000"), cwd=tmp, timeout=120)
    cm.run(rec.format(o="slow.data", c="./sackhoist grind 16000 slow"), cwd=tmp, timeout=120)
    cm.run(rec.format(o="small.data", c="./sackhoist grind 3000"), cwd=tmp, timeout=120)
    cm.run(rec.format(o="py.data", c="python tidemill.py run 150"), cwd=tmp, timeout=120)
    cap("perf-script-small", "perf script -i small.data 2>&1", tmp, n_perf_script)
    cap("perf-script-base-nocall", "perf script -i base.data -G -F comm,pid,time,event,ip,sym,dso 2>&1", tmp,
        n_perf_script)
    cap("perf-script-slow", "perf script -i slow.data 2>&1 | head -n 1500", tmp, n_perf_script)
    cap("perf-script-python", "perf script -i py.data 2>&1 | head -n 1200", tmp, n_perf_script)
    cap("perf-diff-slow", "perf diff base.data slow.data 2>&1", tmp, n_perf_diff)
    cap("perf-diff-small", "perf diff small.data base.data 2>&1", tmp, n_perf_diff)
    cap("perf-diff-sym-only", "perf diff --sort symbol base.data slow.data small.data 2>&1", tmp, n_perf_diff)
    cap("perf-diff-wdiff", "perf diff --sort dso,symbol -c wdiff:1,1 base.data slow.data 2>&1", tmp, n_perf_diff)
    cap("perf-diff-missing", "perf diff base.data nosuch.data 2>&1; echo EXIT=$?; perf diff -c ratio base.data "
        "slow.data 2>&1", tmp, n_perf_diff)


STEPS = [step_material, step_python, step_pyinstrument_json, step_gprof2dot, step_pyspy, step_strace, step_perf]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide821", sys.modules["__main__"])
    main()
