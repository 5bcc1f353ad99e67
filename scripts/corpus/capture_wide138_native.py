"""Round 138, native code: `tilecache`, a map-tile cache in C (a seeded generator writes its layer decoders) that
leaks the data of evicted tiles at most zoom levels and the labels of some layers, and burns time in a checksum, on
purpose. It runs under heaptrack, gperftools (CPU and heap profiler, the heap checker), Valgrind's massif and lackey,
glibc's mtrace, jemalloc's statistics, perf and uftrace; smem reads this machine's processes. Run through
capture_wide138.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import groups, write_tree
from capture_wide138 import cap

EXIT = re.compile(r"^EXIT=\d+$")
HOT = 10.0  # percent of the total: Round 24's profile rule


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


# ------------------------------------------------------------------ the program

LAYER_KINDS = ["roads", "water", "landuse", "labels", "buildings", "rail", "poi", "contours"]


def tilecache_c(n_layers: int, seed: int) -> str:
    """The C source: n_layers generated decoders, a quadtree built recursively (a deep allocation tree), an eviction
    that frees the tile but not its data unless the zoom is a multiple of 3 (the leak), a checksum that walks every
    byte 24 times (the hot spot). argv: rounds, quadtree depth, checksum every Nth eligible tile."""
    rng = random.Random(seed)
    out = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include <mcheck.h>', '',
           'typedef struct tile { int z, x, y; size_t len; unsigned char *data; struct tile *next; } tile_t;',
           'static tile_t *cache[64];', 'static unsigned long sink;', '',
           '__attribute__((noinline)) unsigned checksum(const unsigned char *p, size_t n) {',
           '    unsigned h = 2166136261u;',
           '    for (size_t i = 0; i < n; i++)',
           '        for (size_t j = 0; j < 24; j++) h = (h ^ p[(i + j) % n]) * 16777619u;  /* 24 passes per byte */',
           '    return h;', '}', '',
           '__attribute__((noinline)) void *qt_node(int depth, int fan) {',
           '    unsigned char *n = malloc(48 + depth * 16);',
           '    memset(n, depth, 48 + depth * 16);',
           '    if (depth > 0) {',
           '        void **kids = malloc(fan * sizeof(void *));',
           '        for (int i = 0; i < fan; i++) kids[i] = qt_node(depth - 1, fan);',
           '        memcpy(n, &kids, sizeof kids);',
           '    }',
           '    return n;', '}', '']
    names = []
    for k in range(n_layers):
        name = f"{rng.choice(LAYER_KINDS)}_{k:02d}"
        names.append(name)
        base, var = rng.choice([256, 512, 1024, 2048, 4096]), rng.choice([64, 128, 700, 1500])
        out += [f'__attribute__((noinline)) tile_t *decode_{name}(int z, int x, int y) {{',
                f'    size_t len = {base} + (size_t)(x * 31 + y * 17 + z) % {var};',
                '    tile_t *t = calloc(1, sizeof *t);',
                '    t->z = z; t->x = x; t->y = y; t->len = len;',
                '    t->data = malloc(len);',
                '    for (size_t i = 0; i < len; i++) t->data[i] = (unsigned char)(i * 7 + x + y);']
        if k % 4 == 1:
            out += ['    char *scratch = malloc(len * 2);  /* temporary */',
                    '    memcpy(scratch, t->data, len); sink += scratch[len / 2]; free(scratch);']
        if k % 6 == 3:
            out += ['    char *label = strdup("layer label never freed");', '    sink += label[0];']
        out += ['    return t;', '}', '']
    out += ['typedef tile_t *(*decoder)(int, int, int);',
            'static decoder DECODERS[] = {' + ', '.join(f'decode_{n}' for n in names) + '};', '',
            'static void evict(int slot) {',
            '    tile_t *t = cache[slot];',
            '    if (!t) return;',
            '    if (t->z % 3 == 0) free(t->data);',
            '    free(t);', '    cache[slot] = NULL;', '}', '',
            'int main(int argc, char **argv) {',
            '    if (getenv("MALLOC_TRACE")) mtrace();',
            '    int rounds = argc > 1 ? atoi(argv[1]) : 4000;',
            '    int depth = argc > 2 ? atoi(argv[2]) : 5;',
            '    int every = argc > 3 ? atoi(argv[3]) : 1;',
            '    void *tree = qt_node(depth, 4);',
            '    sink += (unsigned long)tree & 1;',
            '    for (int i = 0; i < rounds; i++) {',
            f'        int k = (i * 7 + i / 13) % {n_layers};',
            '        tile_t *t = DECODERS[k](i % 15, i % 97, i % 89);',
            '        if (k % 5 == 0 && (i / 5) % every == 0) sink += checksum(t->data, t->len);',
            '        int slot = (i * 11) % 64;',
            '        evict(slot);',
            '        cache[slot] = t;',
            '    }',
            '    printf("tilecache: %d rounds, sink %lu\\n", rounds, sink);',
            '    return 0;', '}']
    return "\n".join(out) + "\n"


def _build(d: Path) -> None:
    write_tree(d, {"tilecache.c": tilecache_c(24, 1381)})
    cm.run("gcc -g -O1 -fno-omit-frame-pointer -o tilecache tilecache.c", cwd=d)
    cm.run("gcc -g -O1 -fno-omit-frame-pointer -o tc_prof tilecache.c -Wl,--no-as-needed -lprofiler -ltcmalloc", cwd=d)
    cm.run("gcc -g -O1 -pg -o tc_pg tilecache.c", cwd=d)


# ------------------------------------------------------------------ heaptrack

HT_TOTAL = re.compile(r"^(total runtime|calls to allocation functions|temporary memory allocations|"
                      r"peak heap memory consumption|peak RSS|total memory leaked|suppressed leaks)")
CAPS = re.compile(r"^[A-Z][A-Z ]{6,}$")


@cm.kind("heaptrack-print", "log")
def n_heaptrack_print(lines):
    """Rules 3+5 on heaptrack_print: every totals line (runtime, calls, temporary, peak heap, peak RSS, leaked, suppressed), every section header, and each section's first entry: its count line, the function line under it and that function's first `at file:line` line; an EXIT=N line."""
    out = [ln for ln in lines if HT_TOTAL.match(ln)]
    for i, ln in enumerate(lines):
        if not CAPS.match(ln):
            continue
        out.append(ln)
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j + 1 < len(lines) and not lines[j].startswith(" ") and not CAPS.match(lines[j]):
            out += [lines[j], lines[j + 1]]
            for k in range(j + 2, min(j + 6, len(lines))):
                if lines[k].lstrip().startswith("at "):
                    out.append(lines[k])
                    break
    return out + _exit(lines)


# ------------------------------------------------------------------ gperftools

PPROF_ROW = re.compile(r"^\s*[\d.]+\s+([\d.]+)%\s+[\d.]+%\s+[\d.]+\s+([\d.]+)%\s+\S")


def _pprof(lines):
    out = [ln for ln in lines if ln.startswith("Total: ")]
    for ln in lines:
        m = PPROF_ROW.match(ln)
        if m and (float(m.group(1)) >= HOT or float(m.group(2)) >= HOT):
            out.append(ln)
    return out + _exit(lines)


n_pprof_cpu = cm.named("gperftools-pprof-cpu", "table",
                       "Rules 3+5 on google-pprof --text of a CPU profile: the `Total: N samples` line and every row whose flat or cum percentage is at least 10%; an EXIT=N line.",
                       _pprof)
n_pprof_heap = cm.named("gperftools-pprof-heap", "table",
                        "Rules 3+5 on google-pprof --text of a heap profile: the `Total: X MB` line and every row whose flat or cum percentage is at least 10%; an EXIT=N line.",
                        _pprof)

NOT_PROGRAM = re.compile(r"tcmalloc|malloc|calloc|realloc|strdup|operator new|__libc|_start|HeapLeakChecker|"
                         r"MallocHook|MallocBlock|^\s*@ [0-9a-f]+\s*$|DoAllocWithArena|\blibc\b")


@cm.kind("gperftools-heapcheck", "log")
def n_heapcheck(lines):
    """Rules 1+3 on gperftools' heap checker: the `detected leaks of N bytes` line (or `No leaks found`), the `The N largest leaks:` line, every `Leak of N bytes in M objects allocated from:` line with the first frame under it naming a function of the program; an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"detected leaks of|No leaks found|largest leaks:", ln)]
    for i, ln in enumerate(lines):
        if re.search(r"Leak of \d+ bytes in \d+ objects? allocated from", ln):
            out.append(ln)
            for k in range(i + 1, min(i + 16, len(lines))):
                fr = lines[k]
                if not fr.lstrip().startswith("@"):
                    break
                if not NOT_PROGRAM.search(fr):
                    out.append(fr)
                    break
    return out + _exit(lines)


# ------------------------------------------------------------------ valgrind

@cm.kind("valgrind-massif-out", "log")
def n_massif_out(lines):
    """Rule 5 on a raw massif.out file: the `cmd:` line, the `snapshot=N` and `mem_heap_B=` lines of the snapshot with the largest mem_heap_B, the `heap_tree=peak` line and every first-level entry of the peak snapshot's tree."""
    out = [ln for ln in lines if ln.startswith("cmd:")]
    snaps: list[tuple[str, int]] = []
    cur = None
    for ln in lines:
        if ln.startswith("snapshot="):
            cur = ln
        elif ln.startswith("mem_heap_B=") and cur:
            snaps.append((cur, int(ln.split("=", 1)[1])))
    if snaps:
        best = max(snaps, key=lambda s: s[1])
        out += [best[0], f"mem_heap_B={best[1]}"]
    for i, ln in enumerate(lines):
        if ln == "heap_tree=peak":
            out.append(ln)
            for fr in lines[i + 2:]:
                if fr.startswith("#") or fr.startswith("snapshot="):
                    break
                if re.match(r"^ n\d+:", fr):
                    out.append(fr)
    return out


@cm.kind("valgrind-lackey", "log")
def n_lackey(lines):
    """Rules 1+5 on valgrind --tool=lackey: every count line it prints (calls to main, Jccs total/taken, SBs, guest instrs, IRStmts, ratios, the detailed counts' rows, the exit code), and any error line; an EXIT=N line."""
    out = []
    for ln in lines:
        body = re.sub(r"^==\d+==\s?", "", ln)
        if ln.startswith("==") and re.search(r"\d", body) and not re.search(r"Copyright|Using Valgrind|Command:", body):
            out.append(ln)
        elif re.search(r"(?i)\berror\b|Segmentation|abort", ln):
            out.append(ln)
    return out + _exit(lines)


# ------------------------------------------------------------------ glibc mtrace, jemalloc

@cm.kind("glibc-mtrace", "log")
def n_mtrace(lines):
    """Rules 1+4+5 on glibc's mtrace: the `Memory not freed:` line, the column header, one {"any"} per distinct caller over its rows, every `Free N was never alloc'd` line, the `No memory leaks.` verdict; an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("Memory not freed") or re.match(r"^\s+Address\s+Size\s+Caller", ln)
           or "was never alloc'd" in ln or ln.startswith("No memory leaks")]
    out += groups((ln.split(" at ", 1)[1].strip(), ln) for ln in lines if re.match(r"^0x[0-9a-f]+\s+0x", ln) and " at " in ln)
    return out + _exit(lines)


JE_HEAD = re.compile(r"^(bins|large):\s+size\s+ind\s+allocated")
JE_ROW = re.compile(r"^\s+(\d+)\s+(\d+)\s+(\d+)\s")


@cm.kind("jemalloc-stats", "table")
def n_jemalloc(lines):
    """Rules 4+5 on jemalloc's stats_print: the Version: line, the Allocated: totals line, the header row of each bins:/large: table and the row of each holding its largest allocated value."""
    out = [ln for ln in lines if ln.startswith(("Version:", "Allocated:"))]
    for i, ln in enumerate(lines):
        if not JE_HEAD.match(ln):
            continue
        out.append(ln)
        rows = []
        for r in lines[i + 1:]:
            if r.strip() == "---":
                continue
            m = JE_ROW.match(r)
            if not m:
                break
            rows.append((int(m.group(3)), r))
        if rows:
            out.append(max(rows, key=lambda x: x[0])[1])
    return out + _exit(lines)


# ------------------------------------------------------------------ perf

PERF_ROW = re.compile(r"^\s*(\d+\.\d+)%\s+\S")


@cm.kind("perf-report", "table")
def n_perf_report(lines):
    """Rules 4+5 on perf report --stdio: the `# Samples:` and `# Event count` lines, the column header row, every row whose first percentage is at least 10%; an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith(("# Samples:", "# Event count")) or re.match(r"^# (Overhead|Children)\b", ln)]
    for ln in lines:
        m = PERF_ROW.match(ln)
        if m and float(m.group(1)) >= HOT:
            out.append(ln)
    return out + _exit(lines)


@cm.kind("perf-annotate", "code")
def n_perf_annotate(lines):
    """Rule 5 on perf annotate --stdio: each annotated symbol's `Percent | Source code & Disassembly of` header line, every instruction or source line whose percentage is at least 10%; an EXIT=N line."""
    out = [ln for ln in lines if "Source code & Disassembly of" in ln]
    for ln in lines:
        m = re.match(r"^\s*(\d+\.\d+)\s+:", ln)
        if m and float(m.group(1)) >= HOT:
            out.append(ln)
    return out + _exit(lines)


# ------------------------------------------------------------------ uftrace

UNIT = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}
UF_ROW = re.compile(r"^\s*([\d.]+) (ns|us|ms|s|m)\s+([\d.]+) (ns|us|ms|s|m)\s+(\d+)\s+\S")


@cm.kind("uftrace-report", "table")
def n_uftrace_report(lines):
    """Rules 4+5 on uftrace report: the column header row, every row whose self time is at least 10% of the self column's sum, the row with the most Calls; an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*Total time\s+Self time\s+Calls", ln)]
    rows = []
    for ln in lines:
        m = UF_ROW.match(ln)
        if m:
            rows.append((float(m.group(3)) * UNIT[m.group(4)], int(m.group(5)), ln))
    if rows:
        total = sum(r[0] for r in rows) or 1.0
        out += [r[2] for r in rows if r[0] * 100 / total >= HOT]
        out.append(max(rows, key=lambda r: r[1])[2])
    return out + _exit(lines)


UF_NODE = re.compile(r"^\s*([\d.]+) (ns|us|ms|s|m) : ")


@cm.kind("uftrace-graph", "log")
def n_uftrace_graph(lines):
    """Rule 5 on uftrace graph: the FUNCTION CALL GRAPH header line and its column header line, every node whose total time is at least 10% of the root's (the first node's); an EXIT=N line."""
    out = [ln for ln in lines if "FUNCTION CALL GRAPH" in ln or re.match(r"^# TOTAL TIME\s+FUNCTION", ln)]
    root = None
    for ln in lines:
        m = UF_NODE.match(ln)
        if not m:
            continue
        t = float(m.group(1)) * UNIT[m.group(2)]
        if root is None:
            root = t or 1e-12
        if t * 100 / root >= HOT:
            out.append(ln)
    return out + _exit(lines)


# ------------------------------------------------------------------ smem

SIZE = re.compile(r"^([\d.]+)([KMGT]?)$")


def _size(s: str) -> float | None:
    m = SIZE.match(s)
    if not m:
        return None
    return float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}[m.group(2)]


@cm.kind("smem", "table")
def n_smem(lines):
    """Rule 4 on smem: the header row, the rows holding each numeric column's minimum and maximum, every row whose user is seen in at most 2 rows while the most common user covers half of them, the -t totals row; an EXIT=N line."""
    hi = next((i for i, ln in enumerate(lines) if re.match(r"^\s*(PID|User|Map|Area)\b", ln)), None)
    if hi is None:
        return _exit(lines)
    head = lines[hi].split()
    ncols = sum(1 for h in head if h in ("Swap", "USS", "PSS", "RSS", "AVGPSS", "AVGUSS", "AVGRSS", "Count"))
    out = [lines[hi]]
    rows, total, dashed = [], None, False
    for ln in lines[hi + 1:]:
        if ln.startswith("-"):
            dashed = True  # -t: the row under the dashes is the totals row
            continue
        parts = ln.split()
        nums = [_size(p) for p in parts[-ncols:]] if ncols else []
        if not ln.strip() or len(parts) <= ncols or any(v is None for v in nums):
            continue
        if dashed:
            total = ln
        else:
            rows.append((parts, nums, ln))
    for c in range(ncols):
        if rows:
            out.append(min(rows, key=lambda r: r[1][c])[2])
            out.append(max(rows, key=lambda r: r[1][c])[2])
    if head[:2] == ["PID", "User"] and rows:
        users = Counter(r[0][1] for r in rows)
        if users.most_common(1)[0][1] * 2 >= len(rows):
            out += [r[2] for r in rows if users[r[0][1]] <= 2]
    if total:
        out.append(total)
    return out + _exit(lines)


# ------------------------------------------------------------------ steps

def cap_heaptrack(tmp: Path) -> None:
    d = tmp / "tilecache"
    _build(d)
    cm.run("heaptrack -o ht ./tilecache 3000", cwd=d, timeout=300)
    cm.run("heaptrack -o ht2 ./tilecache 8000 3 4", cwd=d, timeout=300)
    cap("heaptrack-print-default", "heaptrack_print ht.zst", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-head-100", "heaptrack_print --print-leaks=1 ht.zst | head -n 100", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-only", "heaptrack_print --print-leaks=1 --print-peaks=0 --print-allocators=0 "
        "--print-temporary=0 ht2.zst", d, n_heaptrack_print)
    cap("heaptrack-print-temporary-tail-60", "heaptrack_print --print-temporary=1 ht2.zst 2>&1 | tail -n 60", d,
        n_heaptrack_print)
    cap("heaptrack-print-peaks-20", "heaptrack_print -n 20 -s 8 --print-leaks=1 ht2.zst", d, n_heaptrack_print)
    cap("heaptrack-print-leaks-temporary-40", "heaptrack_print -n 40 -s 20 --print-leaks=1 --print-temporary=1 ht2.zst",
        d, n_heaptrack_print)


def cap_gperftools(tmp: Path) -> None:
    d = tmp / "tilecache"
    env = {"PPROF_PATH": "/usr/bin/google-pprof"}
    cm.run("CPUPROFILE=cpu.prof CPUPROFILE_FREQUENCY=1000 ./tc_prof 60000", cwd=d, timeout=300)
    cm.run("CPUPROFILE=cpu2.prof CPUPROFILE_FREQUENCY=2000 ./tc_prof 40000 6 40", cwd=d, timeout=300)
    cm.run("HEAPPROFILE=heap ./tc_prof 20000", cwd=d, timeout=300)
    cap("pprof-cpu-text", "google-pprof --text ./tc_prof cpu.prof", d, n_pprof_cpu)
    cap("pprof-cpu-spread-cum", "google-pprof --text --cum ./tc_prof cpu2.prof", d, n_pprof_cpu)
    cap("pprof-cpu-lines-head-60", "google-pprof --text --lines ./tc_prof cpu2.prof 2>&1 | head -n 60", d, n_pprof_cpu)
    cap("pprof-heap-inuse", "google-pprof --text ./tc_prof heap.0001.heap", d, n_pprof_heap)
    cap("pprof-heap-lines-echo", "google-pprof --text --lines ./tc_prof heap.0001.heap; echo EXIT=$?", d, n_pprof_heap)
    cap("heapcheck-normal", "HEAPCHECK=normal ./tc_prof 3000", d, n_heapcheck, env=env)
    cap("heapcheck-strict-head-80", "HEAPCHECK=strict ./tc_prof 800 2>&1 | head -n 80", d, n_heapcheck, env=env)
    cap("heapcheck-shallow-echo", "HEAPCHECK=normal ./tc_prof 400 2; echo EXIT=$?", d, n_heapcheck, env=env)


def cap_valgrind(tmp: Path) -> None:
    d = tmp / "tilecache"
    cm.run("valgrind --tool=massif --massif-out-file=massif.out.deep --depth=12 --threshold=0.5 ./tilecache 1500",
           cwd=d, timeout=600)
    cm.run("valgrind --tool=massif --massif-out-file=massif.out.shallow --depth=4 --threshold=2 ./tilecache 2500 3",
           cwd=d, timeout=600)
    cap("massif-out-deep-cat", "cat massif.out.deep", d, n_massif_out)
    cap("massif-out-shallow-head-400", "head -n 400 massif.out.shallow", d, n_massif_out)
    cap("lackey-counts", "valgrind --tool=lackey ./tilecache 300", d, n_lackey, timeout=600)
    cap("lackey-detailed-tail-60", "valgrind --tool=lackey --detailed-counts=yes ./tilecache 200 2>&1 | tail -n 60",
        d, n_lackey, timeout=600)


def cap_mtrace_jemalloc(tmp: Path) -> None:
    d = tmp / "tilecache"
    dbg = "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"
    cm.run(f"MALLOC_TRACE=mt.log {dbg} ./tilecache 300 2", cwd=d)
    cm.run(f"MALLOC_TRACE=mt2.log {dbg} ./tilecache 2000 4", cwd=d)
    cap("mtrace-small", "mtrace ./tilecache mt.log", d, n_mtrace)
    cap("mtrace-large-head-100", "mtrace ./tilecache mt2.log | head -n 100", d, n_mtrace)
    je = "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    cap("jemalloc-stats-full", f"MALLOC_CONF=stats_print:true {je} ./tilecache 2000", d, n_jemalloc)
    cap("jemalloc-stats-bins-large", f"MALLOC_CONF=stats_print:true,stats_print_opts:gxe {je} ./tilecache 6000 4", d,
        n_jemalloc)


def cap_perf(tmp: Path) -> None:
    d = tmp / "tilecache"
    cm.run("perf record -F 999 -g -o perf.data ./tilecache 30000", cwd=d, timeout=300)
    cm.run("perf record -F 1999 -g -o perf2.data ./tilecache 40000 6 40", cwd=d, timeout=300)
    cap("perf-report-no-children", "perf report -i perf.data --stdio --no-children", d, n_perf_report)
    cap("perf-report-spread-children", "perf report -i perf2.data --stdio", d, n_perf_report)
    cap("perf-report-dso-sym-head-60", "perf report -i perf2.data --stdio -g none --sort dso,sym | head -n 60", d,
        n_perf_report)
    cap("perf-report-caller-head-80", "perf report -i perf2.data --stdio --no-children -g caller 2>&1 | head -n 80", d,
        n_perf_report)
    cap("perf-annotate-checksum", "perf annotate -i perf.data --stdio -s checksum", d, n_perf_annotate)
    cap("perf-annotate-all-head-1400", "perf annotate -i perf2.data --stdio 2>/dev/null | head -n 1400", d,
        n_perf_annotate)


def cap_uftrace(tmp: Path) -> None:
    d = tmp / "tilecache"
    cm.run("uftrace record -d ufdata ./tc_pg 300", cwd=d, timeout=300)
    cm.run("uftrace record -d ufdata2 ./tc_pg 1200 3 5", cwd=d, timeout=300)
    cap("uftrace-report", "uftrace report -d ufdata", d, n_uftrace_report)
    cap("uftrace-report-sort-self-calls", "uftrace report -d ufdata2 -s self,call", d, n_uftrace_report)
    cap("uftrace-graph", "uftrace graph -d ufdata", d, n_uftrace_graph)
    cap("uftrace-graph-main-head-120", "uftrace graph -d ufdata2 main | head -n 120", d, n_uftrace_graph)


HOLD_PY = """import sys, time
role, mb = sys.argv[1], int(sys.argv[2])
cache = [bytearray(1024) for _ in range(mb * 1024)]  # the tile cache a worker holds
time.sleep(60)
"""


def cap_smem(tmp: Path) -> None:
    """smem over the round's own workers only (`-P tileworker`): twelve processes holding 1-96 MB each."""
    d = tmp / "smem"
    write_tree(d, {"tileworker.py": HOLD_PY})
    sizes = [1, 2, 2, 4, 4, 4, 8, 8, 16, 24, 48, 96]
    procs = [cm.start(["python3", "tileworker.py", f"render-{i:02d}", str(mb)], cwd=d) for i, mb in enumerate(sizes)]
    cm.run("sleep 8")
    cap("smem-k-t-workers", "smem -k -t -P tileworker", d, n_smem)
    cap("smem-sorted-pss-columns", "smem -k -s pss -r -P tileworker -c 'pid user command uss pss rss swap'", d, n_smem)
    for p in procs:
        p.kill()


STEPS = [cap_heaptrack, cap_gperftools, cap_valgrind, cap_mtrace_jemalloc, cap_perf, cap_uftrace, cap_smem]
