"""Round 249, micro-benchmark harnesses: Google Benchmark (libbenchmark-dev) on a small C++ program written here
(`ringbench`: sorting, hashing, a ring buffer, string building, with ranges, a complexity fit and a benchmark that
stops with `SkipWithError`): its console table, `--benchmark_format=json`, `--benchmark_repetitions` aggregates; pyperf
from PyPI on a small Python module written here (`timeit`, a noisy statement that draws the unstable-results warning,
two suites `base.json` and `changed.json` where one function regressed on purpose, then `stats`, `hist` and
`compare_to`); `python -m timeit`, one statement failing. The extractors are this round's (NEEDLES.md, "Round 249").
Run through capture_wide249.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run, write_tree
from capture_wide224 import exit_lines, pick
from capture_wide249 import VENV, cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 249")

UNITS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
GB_ROW = re.compile(r"^(BM_\S+)\s+([\d.e+-]+) (ns|us|ms|s)\s+([\d.e+-]+) (ns|us|ms|s)\s+(\d+)")
GB_AGG = re.compile(r"^BM_\S*_(mean|median|stddev|cv|BigO|RMS)\b")


@kind("gbench-console", "table")
def n_gbench_console(lines):
    """Round 249: Run on/CPU Caches/Load Average, WARNING lines, the header, error rows, min/max Time rows, aggregate rows, EXIT."""
    out: list = pick(lines, r"^Run on \(|^CPU Caches:|^Load Average:|\*\*\*WARNING\*\*\*")
    out += pick(lines, r"^Benchmark\s+Time\s+CPU\s+Iterations")
    out += pick(lines, r"ERROR OCCURRED")
    rows = []
    for ln in lines:
        m = GB_ROW.match(ln)
        if m and not GB_AGG.match(ln):
            rows.append((float(m.group(2)) * UNITS[m.group(3)], ln))
    if rows:
        out += [min(rows)[1], max(rows)[1]]
    out += [ln for ln in lines if GB_AGG.match(ln)]
    return out + exit_lines(lines)


@kind("gbench-json", "json")
def n_gbench_json(lines):
    """Round 249: context date/num_cpus/mhz_per_cpu/library_build_type; error entries' names and messages; min/max real_time entries; aggregate names; EXIT."""
    out: list = pick(lines, r'^\s*"(date|num_cpus|mhz_per_cpu|library_build_type)":')
    entries: list[dict] = []
    in_bench = False
    for ln in lines:
        if re.match(r'^\s*"benchmarks":', ln):
            in_bench = True
            continue
        if not in_bench:
            continue
        m = re.match(r'^\s*"(\w+)": (.*?),?$', ln)
        if not m:
            continue
        key, val = m.groups()
        if key == "name":
            entries.append({"name": ln})
        elif entries:
            entries[-1][key] = (val, ln)
    timed = []
    for e in entries:
        if "error_occurred" in e or "error_message" in e:
            out.append(e["name"])
            if "error_message" in e:
                out.append(e["error_message"][1])
            continue
        rt = e.get("run_type", ("", ""))[0].strip('"')
        if rt == "aggregate":
            out.append(e["name"])
        elif "real_time" in e:
            unit = e.get("time_unit", ('"ns"', ""))[0].strip('"')
            timed.append((float(e["real_time"][0]) * UNITS.get(unit, 1e-9), e))
    if timed:
        for pickd in (min(timed, key=lambda t: t[0])[1], max(timed, key=lambda t: t[0])[1]):
            out += [pickd["name"], pickd["real_time"][1]]
    return out + exit_lines(lines)


def _exc(lines) -> list:
    """Rule 1: a traceback's exception line, and pyperf's / Python's error lines."""
    return pick(lines, r"^\s*[A-Za-z_.]*(Error|Exception)(: |$)|^ERROR|^Error\b|Command failed with exit code")


@kind("pyperf-timeit", "table")
def n_pyperf_timeit(lines):
    """Round 249: the Mean +- std dev line, every WARNING line and the advice lines after it, EXIT."""
    out: list = pick(lines, r"Mean \+- std dev:")
    for i, ln in enumerate(lines):
        if "WARNING" in ln:
            out.append(ln)
            for nxt in lines[i + 1:i + 9]:
                if re.search(r"Mean \+- std dev:|^\.+$|WARNING", nxt):
                    break
                if nxt.strip():
                    out.append(nxt)
    return out + _exc(lines) + exit_lines(lines)


@kind("pyperf-stats", "table")
def n_pyperf_stats(lines):
    """Round 249: Total duration, Number of values, Minimum, Median +- MAD, Mean +- std dev, Maximum, percentiles, WARNING lines, EXIT."""
    return (pick(lines, r"Total duration|Number of values|Minimum|Median \+- MAD|Mean \+- std dev|Maximum|"
                        r"percentile|WARNING") + exit_lines(lines))


HIST_ROW = re.compile(r"^\s*([\d.]+) (ns|us|ms|sec):\s+(\d+)\s*#*\s*$")


@kind("pyperf-hist", "table")
def n_pyperf_hist(lines):
    """Round 249: per histogram, the rows of the largest count and the first and last bucket; WARNING lines; EXIT."""
    out: list = []
    block: list[tuple[int, str]] = []
    for ln in lines + [""]:
        m = HIST_ROW.match(ln)
        if m:
            block.append((int(m.group(3)), ln))
            continue
        if block:
            out += [max(block, key=lambda r: r[0])[1], block[0][1], block[-1][1]]
            block = []
    return out + pick(lines, r"WARNING") + exit_lines(lines)


@kind("pyperf-compare", "table")
def n_pyperf_compare(lines):
    """Round 249: every verdict line, the table's header and rows, Geometric mean, WARNING/hidden/ignored lines, EXIT."""
    return (pick(lines, r" -> .*(slower|faster)|Not significant|^\| |Geometric mean|WARNING|Benchmark hidden|"
                        r"Ignored benchmarks") + exit_lines(lines))


@kind("python-timeit", "table")
def n_python_timeit(lines):
    """Round 249: every `N loops, best of R:` line, the unreliable-results warning lines, exception lines, EXIT."""
    return (pick(lines, r"loops?, best of \d+:|UserWarning: The test results are likely unreliable") + _exc(lines)
            + exit_lines(lines))


# ------------------------------------------------------------------ the runs

BENCH_CC = r"""#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

static std::vector<int> make_data(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<int> v(n);
    for (auto &x : v) x = static_cast<int>(rng() % 1000003);
    return v;
}

static void BM_SortRandom(benchmark::State &state) {
    auto base = make_data(state.range(0), 249);
    for (auto _ : state) {
        auto v = base;
        std::sort(v.begin(), v.end());
        benchmark::DoNotOptimize(v.data());
    }
    state.SetComplexityN(state.range(0));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SortRandom)->RangeMultiplier(4)->Range(64, 1 << 16)->Complexity(benchmark::oNLogN);

static void BM_StableSortSorted(benchmark::State &state) {
    auto v = make_data(state.range(0), 7);
    std::sort(v.begin(), v.end());
    for (auto _ : state) {
        auto w = v;
        std::stable_sort(w.begin(), w.end());
        benchmark::DoNotOptimize(w.data());
    }
}
BENCHMARK(BM_StableSortSorted)->Arg(1024)->Arg(16384);

static void BM_MapInsert(benchmark::State &state) {
    auto keys = make_data(state.range(0), 11);
    for (auto _ : state) {
        std::map<int, int> m;
        for (int k : keys) m[k] = k;
        benchmark::DoNotOptimize(m.size());
    }
}
BENCHMARK(BM_MapInsert)->Range(8, 4096);

static void BM_UnorderedMapInsert(benchmark::State &state) {
    auto keys = make_data(state.range(0), 11);
    for (auto _ : state) {
        std::unordered_map<int, int> m;
        m.reserve(state.range(1) ? keys.size() : 0);
        for (int k : keys) m[k] = k;
        benchmark::DoNotOptimize(m.size());
    }
}
BENCHMARK(BM_UnorderedMapInsert)->ArgsProduct({{64, 1024, 4096}, {0, 1}});

struct Ring {
    std::vector<uint64_t> buf;
    size_t head = 0, tail = 0;
    explicit Ring(size_t n) : buf(n) {}
    bool push(uint64_t v) {
        size_t next = (head + 1) % buf.size();
        if (next == tail) return false;
        buf[head] = v;
        head = next;
        return true;
    }
    bool pop(uint64_t &v) {
        if (tail == head) return false;
        v = buf[tail];
        tail = (tail + 1) % buf.size();
        return true;
    }
};

static void BM_RingPushPop(benchmark::State &state) {
    Ring r(state.range(0));
    uint64_t v = 0, sum = 0;
    for (auto _ : state) {
        for (int i = 0; i < 64; i++) r.push(v++);
        while (r.pop(v)) sum += v;
    }
    benchmark::DoNotOptimize(sum);
    state.SetBytesProcessed(state.iterations() * 64 * sizeof(uint64_t));
}
BENCHMARK(BM_RingPushPop)->Arg(16)->Arg(128)->Arg(1024);

static void BM_DequeRing(benchmark::State &state) {
    std::deque<uint64_t> d;
    uint64_t sum = 0;
    for (auto _ : state) {
        for (int i = 0; i < 64; i++) d.push_back(i);
        while (!d.empty()) { sum += d.front(); d.pop_front(); }
    }
    benchmark::DoNotOptimize(sum);
}
BENCHMARK(BM_DequeRing);

static void BM_StringConcat(benchmark::State &state) {
    for (auto _ : state) {
        std::string s;
        for (int i = 0; i < state.range(0); i++) s += std::to_string(i);
        benchmark::DoNotOptimize(s.data());
    }
}
BENCHMARK(BM_StringConcat)->Range(16, 1024);

static void BM_Fnv1a(benchmark::State &state) {
    std::string s(state.range(0), 'x');
    for (auto _ : state) {
        uint64_t h = 1469598103934665603ULL;
        for (unsigned char c : s) { h ^= c; h *= 1099511628211ULL; }
        benchmark::DoNotOptimize(h);
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Fnv1a)->Range(8, 8 << 10);

static void BM_LoadFixture(benchmark::State &state) {
    FILE *f = fopen("fixtures/corpus.bin", "rb");
    if (f == nullptr) {
        state.SkipWithError("fixtures/corpus.bin: cannot open fixture (run make fixtures first)");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(fgetc(f));
    fclose(f);
}
BENCHMARK(BM_LoadFixture);

static void BM_ParseChecked(benchmark::State &state) {
    std::vector<std::string> rows = {"12", "7", "x9", "40"};
    for (auto _ : state) {
        long sum = 0;
        for (auto &r : rows) {
            char *end = nullptr;
            long v = strtol(r.c_str(), &end, 10);
            if (*end != '\0') {
                state.SkipWithError(("parse error: row '" + r + "' is not an integer").c_str());
                break;
            }
            sum += v;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_ParseChecked);

BENCHMARK_MAIN();
"""

PYMOD = '''"""Small functions timed by pyperf (round 249)."""


def dedupe(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def dedupe_slow(items):
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def to_rows(records):
    return [",".join(str(r[k]) for k in sorted(r)) for r in records]


def roundtrip(doc):
    return json.loads(json.dumps(doc))


def parse_csv(text):
    return [line.split(",") for line in text.splitlines()]


def parse_csv_fast(text):
    return list(map(str.split, text.splitlines(), [","] * text.count("\\n")))


def merge(a, b):
    out = dict(a)
    out.update(b)
    return out


def merge_copying(a, b):
    out = {}
    for d in (a, b):
        for k in list(d):
            out = {**out, k: d[k]} if len(out) < 8 else out | {k: d[k]}
    return out


def squares(n):
    return [i * i for i in range(n)]


def squares_loop(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out
'''

SETUP = ("import bmod, random; rnd = random.Random(249); data = [rnd.randrange(500) for _ in range(600)]; "
         "recs = [{'id': i, 'name': 'n%d' % i, 'qty': i % 7} for i in range(200)]; doc = {'rows': recs}; "
         "text = '\\n'.join('a,b,%d' % i for i in range(300)); da = {i: i for i in range(60)}; "
         "db = {i: -i for i in range(30, 90)}")


def gbench(tmp: Path) -> None:
    d = tmp / "ringbench"
    write_tree(d, {"bench.cc": BENCH_CC})
    run("nice g++ -O2 -std=c++17 bench.cc -o ringbench -lbenchmark -lpthread", cwd=d, timeout=300)
    if not (d / "ringbench").exists():
        raise RuntimeError("ringbench did not build")
    c = cap
    mt = "--benchmark_min_time=0.02"
    c("gbench-console", f"nice ./ringbench {mt}", d, n_gbench_console)
    c("gbench-console-reps-tail", f"nice ./ringbench {mt} --benchmark_filter='Ring|Deque|Fnv|Parse' "
      "--benchmark_repetitions=4 2>&1 | tail -n 70", d, n_gbench_console)
    c("gbench-console-aggr-only", f"nice ./ringbench {mt} --benchmark_filter='Sort|Map' --benchmark_repetitions=3 "
      "--benchmark_report_aggregates_only=true; echo EXIT=$?", d, n_gbench_console)
    c("gbench-console-tabular", f"nice ./ringbench {mt} --benchmark_counters_tabular=true "
      "--benchmark_repetitions=2 --benchmark_display_aggregates_only=true", d, n_gbench_console)
    c("gbench-json", f"nice ./ringbench {mt} --benchmark_format=json", d, n_gbench_json)
    c("gbench-json-reps-head", f"nice ./ringbench {mt} --benchmark_filter='String|Fixture|Parse' "
      "--benchmark_repetitions=3 --benchmark_format=json | head -n 200", d, n_gbench_json)
    c("gbench-json-out-cat", f"nice ./ringbench {mt} --benchmark_filter='Sort' --benchmark_repetitions=2 "
      "--benchmark_out=sort.json --benchmark_out_format=json >/dev/null; cat sort.json", d, n_gbench_json)


def pyperf(tmp: Path) -> None:
    d = tmp / "pyperf"
    write_tree(d, {"bmod.py": PYMOD})
    py = VENV / "bin" / "python"
    c = cap
    pairs = [("dedupe", "bmod.dedupe(data)", "bmod.dedupe_slow(data)"),
             ("to_rows", "bmod.to_rows(recs)", "bmod.to_rows(recs)"),
             ("roundtrip", "bmod.roundtrip(doc)", "bmod.roundtrip(doc)"),
             ("parse_csv", "bmod.parse_csv(text)", "bmod.parse_csv_fast(text)"),
             ("merge", "bmod.merge(da, db)", "bmod.merge_copying(da, db)"),
             ("squares", "bmod.squares(500)", "bmod.squares_loop(500)")]
    for name, before, after in pairs:
        for out, stmt in (("base.json", before), ("changed.json", after)):
            run(f"nice {py} -m pyperf timeit -q -p 3 -n 5 --name {name} --append {out} -s \"{SETUP}\" \"{stmt}\"",
                cwd=d, timeout=300)
    c("pyperf-timeit-dedupe-v", f"nice python -m pyperf timeit -v -p 4 -n 6 -s \"{SETUP}\" \"bmod.dedupe(data)\"", d,
      n_pyperf_timeit)
    c("pyperf-timeit-unstable", f"nice python -m pyperf timeit -p 4 -n 8 -s 'import random, time; "
      "rnd = random.Random(1)' 'time.sleep(rnd.random() * 0.0004)' -v", d, n_pyperf_timeit)
    c("pyperf-timeit-error-exit", f"nice python -m pyperf timeit -p 2 -n 3 -s \"{SETUP}\" \"bmod.dedupe(data, "
      "strict=True)\"; echo EXIT=$?", d, n_pyperf_timeit)
    c("pyperf-compare-table", "python -m pyperf compare_to base.json changed.json --table", d, n_pyperf_compare)
    c("pyperf-compare-verbose", "python -m pyperf compare_to base.json changed.json -v; echo EXIT=$?", d,
      n_pyperf_compare)
    c("pyperf-compare-min-speed", "python -m pyperf compare_to base.json changed.json --min-speed=5 -G --table; echo EXIT=$?", d,
      n_pyperf_compare)
    c("pyperf-stats-base", "python -m pyperf stats base.json", d, n_pyperf_stats)
    c("pyperf-stats-changed-head", "python -m pyperf stats changed.json | head -n 60", d, n_pyperf_stats)
    c("pyperf-hist", "python -m pyperf hist --bins=30 base.json changed.json", d, n_pyperf_hist)


def pytimeit(tmp: Path) -> None:
    d = tmp / "pyperf"
    d.mkdir(parents=True, exist_ok=True)
    (d / "bmod.py").write_text(PYMOD)
    c = cap
    c("python-timeit-loop-exit", "for f in dedupe dedupe_slow to_rows roundtrip; do echo \"== $f\"; nice python3 -m "
      f"timeit -r 5 -s \"{SETUP}\" \"bmod.$f(data if '$f'.startswith('dedupe') else recs if '$f' == 'to_rows' "
      "else doc)\"; done; echo EXIT=$?", d, n_python_timeit)
    c("python-timeit-verbose-error", "nice python3 -m timeit -v -n 200 -s 'import time' 'time.sleep(0.0001)'; "
      "nice python3 -m timeit -s 'import bmod' 'bmod.roundtrip(set([1]))'; echo EXIT=$?", d, n_python_timeit)


STEPS = [gbench, pyperf, pytimeit]
