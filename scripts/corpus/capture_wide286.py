#!/usr/bin/env python3
"""Capture round 286 of the compression corpus: profilers' reports, new kinds and second samples.
The round's own material, made by seeded generators: a Python service (svc.py + store.py: a request loop with a
quadratic hot function, a cache that leaks, one bad record that raises and is logged as ERROR, a WARNING when the cache
passes its soft limit) and a C program (hot.c: a hot checksum, a column-order loop over a big matrix that misses the
cache, sixty generated stage functions of varied cost, a recursive function, a buffer never freed, a warning printed
for one bad block). Profiled with cProfile and pstats, line_profiler (kernprof), pyinstrument, memray (stats, summary,
tree), py-spy (record -f raw), valgrind's callgrind/cachegrind/massif/DHAT with their printers, and gprof.

The extractors are this round's (NEEDLES.md, "Round 286"), written before capture; second samples of earlier kinds
import the earlier round's extractor. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide286.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide286.json  as {"version": 2, "items": [...]}, ids prefixed "wide286-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import rule4  # noqa: E402
from capture_wide224 import exit_lines, shaped  # noqa: E402
# the earlier rounds' extractors of the kinds this round takes second samples of (NEEDLES.md, Round 286)
from capture_wide import n_cprofile  # noqa: E402
from capture_wide8_dev import n_pstats  # noqa: E402
from capture_wide8_lang import n_callgrind, n_ms_print  # noqa: E402
from capture_wide29_native import n_dhat  # noqa: E402
from capture_wide43_bin import n_cachegrind  # noqa: E402
from capture_wide36_tty import n_memray_stats, n_memray_summary  # noqa: E402
from capture_wide24_py import pyinstrument_hot  # noqa: E402
from capture_wide24 import diag  # noqa: E402
from capture_wide24_sys import hot_rows  # noqa: E402

ID_PREFIX = "wide286-"
DEFAULT_OUT = HERE / "data" / "wide286.json"
TMP = Path(os.environ.get("HM_WIDE286_TMP", "/dev/shm/hm-corpus-wide286/run"))
TOOLS = Path("/dev/shm/hm-corpus-wide286/tools")

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ earlier kinds, as their rounds wrote them

N_PYINSTRUMENT = cm.named(
    "pyinstrument", "log", "pyinstrument: the header (Recorded/Samples/Duration) and every frame line costing at "
    "least 10% of the duration (NEEDLES.md, Round 24, profiles); rule 5.", pyinstrument_hot)
N_KERNPROF = diag(
    "kernprof-lv", "table", "kernprof -l -v: the Timer unit / Total time / File / Function lines and every line "
    "row taking at least 10% of the time (NEEDLES.md, Round 24, profiles); rule 5.",
    values=r"^Total time:|^Function: |^Timer unit:|^\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([1-9]\d|100)\.\d\s")
N_GPROF_B = cm.named(
    "gprof-b", "table", "gprof -b: the flat profile header and every row taking at least 10% of the time, the "
    "call graph's rows with at least 10% (NEEDLES.md Round 24, profiles); rule 5.",
    hot_rows(0, r"^\s+%\s+cumulative|^ time\s+seconds|^index % time"))

# ------------------------------------------------------------------ the new kinds (NEEDLES.md, "Round 286")

ERR_RE = re.compile(r"(?i)\b(error|exception|fatal)\b|Traceback|^\w*(Error|Exception):|No such file|[Cc]annot |not found")
WARN_RE = re.compile(r"(?i)\bwarning\b")


def _faults(lines):
    """Rule 1: every error line; warnings one {"any"} per message shape; rule 3: EXIT=."""
    err = [ln for ln in lines if ERR_RE.search(ln) and not WARN_RE.search(ln)]
    warn = cm.groups((cm.mask(ln), ln) for ln in lines if WARN_RE.search(ln))
    return err + warn + exit_lines(lines)


UNITS = {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}
NODE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)\s*\((\d+(?:\.\d+)?)\s*%\)")


@cm.kind("memray-tree", "profile")
def n_memray_tree(lines):
    """Rules 3/4/5: the metadata Label: value lines and Biggest-N line; the <ROOT> node, every node of >= 10%, the smallest node(s); faults; EXIT=."""
    first = next((i for i, ln in enumerate(lines) if NODE_RE.search(ln)), len(lines))
    out = [ln for ln in lines[:first] if re.match(r"^\s*[A-Za-z][\w ]*: \S", ln)]
    out += [ln for ln in lines if re.search(r"Biggest \d+ allocations", ln)]
    nodes = [(ln, m) for ln in lines if (m := NODE_RE.search(ln)) and "frames hidden" not in ln]
    out += [ln for ln, _ in nodes if "<ROOT>" in ln]
    out += [ln for ln, m in nodes if float(m.group(3)) >= 10.0]
    if nodes:
        size = [(float(m.group(1)) * UNITS[m.group(2)], ln) for ln, m in nodes]
        lo = min(s for s, _ in size)
        out.append(cm.any_of([ln for s, ln in size if s == lo]))
    return out + _faults(lines)


STACK_RE = re.compile(r"^(.*\S) (\d+)$")


@cm.kind("py-spy-record-raw", "profile")
def n_pyspy_raw(lines):
    """Rules 3/4: every py-spy> status line; the collapsed stacks of max and min count and of a rare leaf file; faults; EXIT=."""
    out = [ln for ln in lines if ln.startswith("py-spy> ")]
    rows = []
    for ln in lines:
        if ln.startswith("py-spy> ") or EXIT_LINE.match(ln.strip()):
            continue
        m = STACK_RE.match(ln)
        if not m or "(" not in m.group(1):
            continue
        leaf = re.findall(r"\(([^():;]+):\d+\)", m.group(1))
        rows.append((ln, {"count": m.group(2), "leaf": leaf[-1] if leaf else "<none>"}))
    return out + rule4(rows, cat=("leaf",), nums=("count",)) + _faults(lines)


EXIT_LINE = re.compile(r"^EXIT=\d+$")
FLAT_RE = re.compile(r"^\s*(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(?:(\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+)?(\S.*)$")


@cm.kind("gprof-flat-p", "table")
def n_gprof_flat(lines):
    """Rules 3/4: the Each-sample line, the two header lines, rows of min/max % time, self seconds, calls, rare rows lacking a count; faults; EXIT=."""
    out = [ln for ln in lines if re.match(r"^\s*Each sample counts as", ln)]
    out += [ln for ln in lines if re.match(r"^\s+%\s+cumulative\s+self", ln) or re.match(r"^ time\s+seconds\s+seconds", ln)]
    rows = [(ln, {"pct": m.group(1), "self": m.group(3), "calls": m.group(4), "counted": "yes" if m.group(4) else "no"})
            for ln in lines if (m := FLAT_RE.match(ln))]
    return out + rule4(rows, cat=("counted",), nums=("pct", "self", "calls")) + _faults(lines)


PRIMARY_RE = re.compile(r"^\[(\d+)\]\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(.*)$")


@cm.kind("gprof-call-graph-q", "table")
def n_gprof_q(lines):
    """Rules 3/4: the granularity line, the index header, primary lines of max/min % time, recursive (+) primaries, <spontaneous> lines; faults; EXIT=."""
    out = [ln for ln in lines if re.match(r"^granularity: each sample hit covers", ln)]
    out += [ln for ln in lines if re.match(r"^index\s+% time\s+self\s+children\s+called\s+name", ln)]
    rows, rec = [], []
    for ln in lines:
        m = PRIMARY_RE.match(ln)
        if not m:
            continue
        rows.append((ln, {"pct": m.group(2)}))
        called = m.group(5).split()[0] if m.group(5).split() else ""
        if re.fullmatch(r"\d*\+\d+", called):
            rec.append(ln)
    out += rule4(rows, nums=("pct",)) + rec + [ln for ln in lines if "<spontaneous>" in ln]
    return out + _faults(lines)


CALLEE_RE = re.compile(r"(?:->|^)\s+(\d+(?:/\d+)?)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+\S")


@cm.kind("python-pstats-callees", "table")
def n_pstats_callees(lines):
    """Rules 3/4: the totals line, Ordered by:, the Function called... header; callee rows of min/max ncalls, tottime, cumtime; faults; EXIT=."""
    out = [ln for ln in lines if re.search(r"function calls .* in [\d.]+ seconds", ln)]
    out += [ln for ln in lines if re.match(r"^\s+Ordered by:", ln)]
    start = next((i for i, ln in enumerate(lines) if re.match(r"^Function\s.*called\.\.\.", ln)), None)
    if start is None:
        return out + _faults(lines)
    out.append(lines[start])
    rows = [(ln, {"ncalls": m.group(1).split("/")[0], "tottime": m.group(2), "cumtime": m.group(3)})
            for ln in lines[start + 1:] if (m := CALLEE_RE.search(ln))]
    return out + rule4(rows, nums=("ncalls", "tottime", "cumtime")) + _faults(lines)


# ------------------------------------------------------------------ the material

STORE_PY = r'''
"""A record store with a cache that never evicts (the leak)."""
import hashlib
import json

_CACHE = {}


class Record:
    __slots__ = ("rid", "sku", "qty", "price", "tags")

    def __init__(self, rid, sku, qty, price, tags):
        self.rid, self.sku, self.qty, self.price, self.tags = rid, sku, qty, price, tags


def fingerprint(payload):
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def remember(key, payload):
    # the leak: every payload is kept, with a padded copy, and nothing is ever evicted
    _CACHE[key] = (payload, "x" * (256 + len(key) * 8), [payload] * 4)
    return len(_CACHE)


def lookup(key):
    return _CACHE.get(key)
'''

SVC_PY = r'''
"""A toy order service: parse, validate, normalise, price and render N seeded requests."""
import collections
import logging
import random
import re
import sys

import store

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("svc")
SKU_RE = re.compile(r"^[A-Z]{3}-\d{4}$")
SOFT_LIMIT = 1000


@profile
def normalize(tags):
    # the hot spot: quadratic de-duplication of the tag list
    out = []
    for t in tags:
        if t not in out:
            out.append(t)
    for i in range(len(out)):
        for j in range(len(out)):
            if i != j and out[i] == out[j]:
                out[j] = out[j] + "_"
    return sorted(out)


def parse(line):
    rid, sku, qty, price, tags = line.split("|")
    if not SKU_RE.match(sku):
        raise ValueError("bad sku %r" % sku)
    return store.Record(int(rid), sku, int(qty), float(price), tags.split(","))


@profile
def price(rec):
    total = rec.qty * rec.price
    for k in range(rec.qty % 7):
        total = total * 1.0001 + k * 0.01
    return round(total, 2)


def render(rec, tags, total):
    return "%06d %-8s %4d %10.2f %s" % (rec.rid, rec.sku, rec.qty, total, " ".join(tags[:5]))


@profile
def handle(line, stats):
    rec = parse(line)
    tags = normalize(rec.tags)
    total = price(rec)
    key = store.fingerprint({"rid": rec.rid, "sku": rec.sku, "tags": tags})
    n = store.remember(key, {"rec": rec.rid, "total": total, "tags": tags})
    if n == SOFT_LIMIT:
        log.warning("cache size %d reached soft limit %d, nothing is evicted", n, SOFT_LIMIT)
    stats[rec.sku[:3]] += 1
    return render(rec, tags, total)


def requests(n, seed):
    rnd = random.Random(seed)
    words = ["red", "blue", "bulk", "sale", "eu", "us", "fragile", "gift", "promo", "new", "old", "b2b"]
    for i in range(n):
        sku = "%s-%04d" % (rnd.choice(["ABC", "XYZ", "QRS", "LMN"]), rnd.randint(0, 9999))
        if i == 417:
            sku = "ab-17"  # the one bad record
        ntags = rnd.randint(5, 60) if i % 97 else 400
        tags = ",".join(rnd.choice(words) + str(rnd.randint(0, 40)) for _ in range(ntags))
        yield "%d|%s|%d|%.2f|%s" % (i, sku, rnd.randint(1, 50), rnd.uniform(0.5, 99.0), tags)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    stats = collections.Counter()
    lines = []
    for line in requests(n, 286):
        try:
            lines.append(handle(line, stats))
        except ValueError as e:
            log.error("bad record #%s: %s", line.split("|")[0], e)
    print("handled %d of %d requests; cache holds %d entries" % (len(lines), n, len(store._CACHE)))
    print("by prefix:", dict(sorted(stats.items())))


if __name__ == "__main__":
    main()
'''

# run without kernprof: @profile is a no-op
PLAIN_HEAD = "import builtins\nif not hasattr(builtins, 'profile'):\n    builtins.profile = lambda f: f\n"


def hot_c(n_stages: int = 60) -> str:
    rnd = random.Random(286)
    stages = []
    for i in range(n_stages):
        loops = rnd.choice([40, 80, 160, 320, 640]) if i != 41 else 6000
        op = rnd.choice(["acc = acc * 31u + (x ^ k);", "acc += (x << (k & 7)) ^ (acc >> 3);",
                         "acc ^= x * 2654435761u + k;", "acc = (acc + x + k) * 17u;"])
        stages.append(f"unsigned stage_{i:02d}(unsigned x) {{\n    unsigned acc = {i}u;\n"
                      f"    for (unsigned k = 0; k < {loops}u; k++) {{ {op} }}\n    return acc;\n}}\n")
    table = ", ".join(f"stage_{i:02d}" for i in range(n_stages))
    return r'''#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIM 512
static double matrix[DIM][DIM];

''' + "".join(stages) + f'''
typedef unsigned (*stage_fn)(unsigned);
static stage_fn STAGES[{n_stages}] = {{ {table} }};
''' + r'''
unsigned checksum(const unsigned char *buf, size_t n) {
    unsigned a = 1, b = 0;
    for (size_t i = 0; i < n; i++) { a = (a + buf[i]) % 65521u; b = (b + a) % 65521u; }
    return (b << 16) | a;
}

double sum_columns(void) {          /* column order: misses the cache */
    double s = 0;
    for (int j = 0; j < DIM; j++)
        for (int i = 0; i < DIM; i++) s += matrix[i][j];
    return s;
}

double sum_rows(void) {             /* row order */
    double s = 0;
    for (int i = 0; i < DIM; i++)
        for (int j = 0; j < DIM; j++) s += matrix[i][j];
    return s;
}

unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void report_bad_block(int blk, unsigned got) {
    fprintf(stderr, "hot: warning: checksum mismatch in block %d (got %08x)\n", blk, got);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    size_t n = 1 << 16;
    unsigned char *blocks = malloc(n * 4);      /* never freed: the leak */
    for (size_t i = 0; i < n * 4; i++) blocks[i] = (unsigned char)(i * 7 + 3);
    for (int i = 0; i < DIM; i++) for (int j = 0; j < DIM; j++) matrix[i][j] = (i ^ j) & 15;
    char **names = malloc(64 * sizeof *names);
    for (int i = 0; i < 64; i++) { names[i] = malloc(32 + i * 16); snprintf(names[i], 32, "block-%d", i); }
    unsigned acc = 0; double tot = 0;
    for (int r = 0; r < rounds; r++) {
        unsigned c = checksum(blocks + (r % 4) * n, n);
        if (r == 7) report_bad_block(r, c);
        acc ^= c;
        for (int s = 0; s < ''' + str(n_stages) + r'''; s++) acc += STAGES[s](acc + s);
        if (r % 4 == 0) tot += sum_columns();
        if (r % 8 == 0) tot += sum_rows();
    }
    unsigned long f = fib(20 + rounds % 5);
    for (int i = 0; i < 64; i += 2) free(names[i]);   /* half of the names leak too */
    free(names);
    printf("rounds=%d acc=%08x tot=%.0f fib=%lu\n", rounds, acc, tot, f);
    return 0;
}
'''


def material(tmp: Path) -> tuple[Path, Path]:
    py = tmp / "svc"
    py.mkdir(parents=True, exist_ok=True)
    (py / "store.py").write_text(STORE_PY.lstrip())
    (py / "svc.py").write_text(PLAIN_HEAD + SVC_PY.lstrip())
    c = tmp / "hotc"
    c.mkdir(parents=True, exist_ok=True)
    (c / "hot.c").write_text(hot_c())
    cm.run("gcc -O1 -g -o hot hot.c && gcc -O1 -g -pg -fno-inline -o hot_pg hot.c", cwd=c, timeout=120)
    return py, c


# ------------------------------------------------------------------ the steps

def python_profiles(tmp: Path) -> None:
    d, _ = material(tmp)
    cap = _SIZED.cap
    cap("cprofile-cumtime-head", "python -m cProfile -s cumtime svc.py 2500 2>&1 | head -n 60", d, n_cprofile, timeout=300)
    cap("cprofile-tottime-full", "python -m cProfile -s tottime svc.py 1500 2>&1", d, n_cprofile, timeout=300)
    cap("cprofile-ncalls", "python -m cProfile -s ncalls svc.py 800 2>&1 | grep -v '{built-in' | head -n 45", d,
        n_cprofile, timeout=300)
    cm.run("python -m cProfile -o svc.prof svc.py 2500 > /dev/null 2>&1", cwd=d, timeout=300)
    cap("pstats-callers-cum", "python -c \"import pstats; pstats.Stats('svc.prof').sort_stats('cumulative')"
        ".print_stats(25).print_callers(20)\"", d, n_pstats)
    cap("pstats-callers-tottime", "python -c \"import pstats; p = pstats.Stats('svc.prof'); "
        "p.sort_stats('tottime').print_stats(15); p.print_callers('normalize|remember|fingerprint')\" 2>&1", d, n_pstats)
    cap("pstats-callees-cum", "python -c \"import pstats; pstats.Stats('svc.prof').sort_stats('cumtime').print_callees(30)\"",
        d, n_pstats_callees)
    cap("pstats-callees-handle", "python -c \"import pstats; p = pstats.Stats('svc.prof'); p.strip_dirs()"
        ".sort_stats('tottime').print_callees('handle|main|parse')\"; echo EXIT=$?", d, n_pstats_callees)
    cap("pstats-callees-all", "python -c \"import pstats; pstats.Stats('svc.prof').strip_dirs().sort_stats('ncalls')"
        ".print_callees()\" 2>&1", d, n_pstats_callees)
    cap("pstats-callees-missing", "python -c \"import pstats; p = pstats.Stats('svc.prof'); p.sort_stats('calls')"
        ".print_callees('no_such_function'); p.print_callees('store.py', 8)\" 2>&1 | tail -n 40", d, n_pstats_callees)
    cap("kernprof-lv-svc", "kernprof -l -v svc.py 1500 2>&1", d, N_KERNPROF, timeout=300)
    cap("kernprof-lv-svc-tail", "kernprof -l -v -u 1e-3 svc.py 600 2>&1 | tail -n 70", d, N_KERNPROF, timeout=300)
    cap("pyinstrument-svc", "pyinstrument svc.py 2500 2>&1", d, N_PYINSTRUMENT, timeout=300)
    cap("pyinstrument-svc-show-all", "pyinstrument --show-all -i 0.002 svc.py 1500 2>&1 | head -n 150", d,
        N_PYINSTRUMENT, timeout=300)
    cm.run("memray run -f -q -o big.bin svc.py 3000 > /dev/null 2>&1; memray run -f -q -o small.bin svc.py 500 "
           "> /dev/null 2>&1", cwd=d, timeout=300)
    cap("memray-stats-big", "memray stats big.bin 2>&1", d, n_memray_stats)
    cap("memray-stats-small", "memray stats -n 20 small.bin; echo EXIT=$?", d, n_memray_stats)
    cap("memray-summary-big", "memray summary big.bin 2>&1", d, n_memray_summary, env={"COLUMNS": "160"})
    cap("memray-summary-small", "memray summary -r 15 small.bin 2>&1 | head -n 40", d, n_memray_summary,
        env={"COLUMNS": "140"})
    cap("py-spy-raw-cat", "py-spy record -r 200 -f raw -o raw.txt -- python svc.py 3000 && cat raw.txt", d,
        n_pyspy_raw, timeout=300)
    cap("py-spy-raw-sorted", "py-spy record -r 150 -f raw -o raw2.txt -- python svc.py 2000 2>&1 | tail -n 3; "
        "awk '{print $NF\"\\t\"$0}' raw2.txt | sort -rn | cut -f2- | head -n 40", d, n_pyspy_raw,
        timeout=300)
    cap("py-spy-raw-nolines", "py-spy record --nolineno -r 300 -f raw -o raw3.txt -- python svc.py 1500; "
        "echo EXIT=$?; grep -v '^ ' raw3.txt", d, n_pyspy_raw, timeout=300)

    # memray tree (1.20) is an interactive Textual app: without a terminal it draws its screen and waits, so the
    # round has no memray-tree item (its extractor above stays as written before capture)


def c_profiles(tmp: Path) -> None:
    _, d = material(tmp)
    cap = _SIZED.cap
    vg = "valgrind"
    cm.run(f"{vg} --tool=callgrind --callgrind-out-file=cg.out ./hot 12 > /dev/null 2>&1", cwd=d, timeout=400)
    cap("callgrind-annotate", "callgrind_annotate cg.out 2>&1", d, n_callgrind)
    cap("callgrind-annotate-auto", "callgrind_annotate --auto=yes cg.out 2>&1 | head -n 400", d, n_callgrind)
    cap("callgrind-annotate-inclusive", "callgrind_annotate --inclusive=yes --threshold=99 cg.out hot.c; echo EXIT=$?",
        d, n_callgrind)
    cap("cachegrind-sim", f"{vg} --tool=cachegrind --cache-sim=yes --cachegrind-out-file=cachegrind.out ./hot 8", d,
        n_cachegrind, timeout=400)
    cap("cachegrind-sim-exit", f"{vg} --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null ./hot 4 2>&1; "
        "echo EXIT=$?", d, n_cachegrind, timeout=400)
    cm.run(f"{vg} --tool=massif --massif-out-file=ms.out ./hot 10 > /dev/null 2>&1", cwd=d, timeout=400)
    cap("ms-print-full", "ms_print ms.out", d, n_ms_print)
    cap("ms-print-head", "ms_print --threshold=5 ms.out | head -n 70", d, n_ms_print)
    cap("dhat-hot", f"{vg} --tool=dhat --dhat-out-file=dh.out ./hot 6", d, n_dhat, timeout=400)
    cap("dhat-hot-exit", f"{vg} --tool=dhat --dhat-out-file=/dev/null ./hot 3 2>&1; echo EXIT=$?", d, n_dhat, timeout=400)
    cm.run("./hot_pg 400 > /dev/null 2>&1 && mv gmon.out gmon.big; ./hot_pg 60 > /dev/null 2>&1 && mv gmon.out gmon.small",
           cwd=d, timeout=300)
    cap("gprof-b-big", "gprof -b ./hot_pg gmon.big 2>&1", d, N_GPROF_B)
    cap("gprof-b-small-head", "gprof -b ./hot_pg gmon.small 2>&1 | head -n 90", d, N_GPROF_B)
    cap("gprof-flat-big", "gprof -b -p ./hot_pg gmon.big", d, n_gprof_flat)
    cap("gprof-flat-small", "gprof -b -p ./hot_pg gmon.small 2>&1; echo EXIT=$?", d, n_gprof_flat)
    cap("gprof-flat-nobrief", "gprof -p ./hot_pg gmon.big 2>&1 | head -n 50", d, n_gprof_flat)
    cap("gprof-call-graph-big", "gprof -b -q ./hot_pg gmon.big", d, n_gprof_q)
    cap("gprof-call-graph-small", "gprof -b -q ./hot_pg gmon.small 2>&1 | head -n 120", d, n_gprof_q)
    cap("gprof-call-graph-missing", "gprof -b -q ./hot_pg gmon.missing; gprof -b -q ./hot_pg gmon.small | "
        "grep -v '^ *$'; echo EXIT=$?", d, n_gprof_q)


def ensure_tools() -> None:
    """The venv of this round's PyPI tools (line_profiler, memray, pyinstrument, py-spy), made once; valgrind and
    gprof from Debian."""
    cm.install_venv(TOOLS / "venv", "memray", ["line_profiler", "memray", "pyinstrument", "py-spy"])
    cm.PATH_PREFIX[:0] = [str(TOOLS / "venv" / "bin")]
    cm.ensure_apt("valgrind", "valgrind")


def steps() -> list:
    return [c_profiles, python_profiles]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide286", sys.modules["__main__"])
    main()
