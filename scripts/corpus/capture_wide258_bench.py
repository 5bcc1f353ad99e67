"""Round 258, round 249's kinds on new workloads: sysbench (cpu with two threads, memory in 64 KiB blocks,
fileio sequential reads and random writes with fsync on /dev/shm, threads, mutex; an invalid file-test mode and a zero
thread count), stress-ng (a CPU/matrix/memcpy mix, the search and sort stressors with `--verify`; an unknown method, a
bad timeout), hey against another loopback HTTP server written here (`/search` with a long tail, `/cart` answering 409
on some requests, `/auth` answering 401 on a quarter, `/report` stalling past the timeout on some), Google Benchmark on
another small C++ program (`tallybench`: popcount, prefix sums, binary search, a histogram, one benchmark that stops
with `SkipWithError`), pyperf on another small Python module (`slug`, `tally`, `window`, `flatten`, one regressed on
purpose) and `python -m timeit`. Every extractor is round 249's, imported (NEEDLES.md, "Round 258"). Run through
capture_wide258.py."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide249_bench import (n_gbench_console, n_gbench_json, n_pyperf_compare, n_pyperf_hist, n_pyperf_stats,
                                   n_pyperf_timeit, n_python_timeit)
from capture_wide249_load import (_SB_EXT, n_hey_csv, n_hey_report, n_stress_ng_error, n_stress_ng_metrics,
                                  n_sysbench_error)
from capture_wide258 import VENV, cap

# ------------------------------------------------------------------ sysbench and stress-ng


def sysbench(tmp: Path) -> None:
    d = tmp / "sysbench"
    d.mkdir(parents=True, exist_ok=True)
    c = cap
    c("sysbench-cpu-2t-tail", "nice sysbench cpu --cpu-max-prime=12000 --threads=2 --time=2 --histogram run 2>&1 "
      "| tail -n 70", d, _SB_EXT["cpu"])
    c("sysbench-memory-64k-write", "nice sysbench memory --memory-block-size=64K --memory-total-size=2G "
      "--memory-oper=write --time=2 --histogram run", d, _SB_EXT["memory"])
    c("sysbench-fileio-seqrd", "nice sysbench fileio --file-total-size=48M --file-num=12 prepare >/dev/null && nice "
      "sysbench fileio --file-total-size=48M --file-num=12 --file-test-mode=seqrd --time=2 --histogram run", d,
      _SB_EXT["fileio"])
    c("sysbench-fileio-rndwr-fsync-exit", "nice sysbench fileio --file-total-size=48M --file-num=12 "
      "--file-test-mode=rndwr --file-fsync-freq=5 --file-block-size=4096 --time=2 --report-interval=1 run; "
      "echo EXIT=$?; nice sysbench fileio --file-total-size=48M --file-num=12 cleanup", d, _SB_EXT["fileio"])
    c("sysbench-threads-locks", "nice sysbench threads --threads=3 --thread-yields=500 --thread-locks=8 --time=2 "
      "--histogram run", d, _SB_EXT["threads"])
    c("sysbench-mutex-1t", "nice sysbench mutex --threads=1 --mutex-num=2048 --mutex-locks=50000 --mutex-loops=500 "
      "--histogram run", d, _SB_EXT["mutex"])
    c("sysbench-error-mode", "nice sysbench fileio --file-test-mode=randrw --time=1 run; echo EXIT=$?; nice sysbench "
      "cpu --threads=0 run; echo EXIT=$?; nice sysbench memory --memory-block-size=abc run; echo EXIT=$?; nice "
      "sysbench nosuchtest help; nice sysbench fileio help", d, n_sysbench_error)


def stress(tmp: Path) -> None:
    d = tmp / "stress"
    d.mkdir(parents=True, exist_ok=True)
    c = cap
    c("stress-ng-cpu-matrix-memcpy", "nice stress-ng --cpu 1 --cpu-method fft --matrix 1 --matrix-method prod "
      "--memcpy 1 --timeout 2s --metrics-brief --times -v", d, n_stress_ng_metrics)
    c("stress-ng-search-sort-verify", "nice stress-ng --bsearch 1 --hsearch 1 --lsearch 1 --tsearch 1 --skiplist 1 "
      "--heapsort 1 --mergesort 1 --radixsort 1 --timeout 2s --metrics --verify 2>&1 | tail -n 60; echo EXIT=$?", d,
      n_stress_ng_metrics)
    c("stress-ng-error-values", "nice stress-ng --vm 1 --vm-method nosuch -t 1; echo EXIT=$?; nice stress-ng --cpu 1 "
      "--timeout abc; echo EXIT=$?; nice stress-ng --sched nosuch --cpu 1 -t 1; echo EXIT=$?; nice stress-ng "
      "--str 1 --str-method nosuch -t 1; echo EXIT=$?; nice stress-ng --sort 1 -t 1; echo EXIT=$?", d,
      n_stress_ng_error)


# ------------------------------------------------------------------ hey

SERVER = """import random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

rnd = random.Random(258)


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        code, body = 200, b'{"hits": 12, "took_ms": 3}'
        if self.path.startswith("/search"):
            time.sleep(min(0.4, rnd.expovariate(60.0)))
        elif self.path.startswith("/cart"):
            time.sleep(rnd.random() * 0.005)
            if rnd.random() < 0.08:
                code, body = 409, b'{"error": "cart version conflict"}'
        elif self.path.startswith("/auth"):
            if rnd.random() < 0.25:
                code, body = 401, b'{"error": "token expired"}'
        elif self.path.startswith("/report"):
            if rnd.random() < 0.1:
                time.sleep(1.6)
            else:
                time.sleep(0.01)
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""

PORT = 18258
U = f"http://127.0.0.1:{PORT}"


def hey(tmp: Path) -> None:
    d = tmp / "hey"
    write_tree(d, {"server.py": SERVER})
    cm.start([sys.executable, str(d / "server.py"), str(PORT)], cwd=d)
    time.sleep(1.0)
    c = cap
    c("hey-search-auth-loop", f"for ep in search auth cart; do echo \"== /$ep\"; nice hey -n 500 -c 10 {U}/$ep; done",
      d, n_hey_report, timeout=240)
    c("hey-report-timeout-exit", f"nice hey -n 200 -c 8 -t 1 {U}/report; echo EXIT=$?", d, n_hey_report, timeout=120)
    c("hey-csv-search", f"nice hey -n 700 -c 8 -o csv {U}/search", d, n_hey_csv, timeout=120)
    c("hey-csv-cart-tail", f"nice hey -n 1200 -c 6 -o csv {U}/cart | tail -n 500", d, n_hey_csv)


# ------------------------------------------------------------------ Google Benchmark

BENCH_CC = r"""#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

static std::vector<uint32_t> words(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<uint32_t> v(n);
    for (auto &x : v) x = rng();
    return v;
}

static void BM_PopcountBuiltin(benchmark::State &state) {
    auto v = words(state.range(0), 258);
    for (auto _ : state) {
        uint64_t n = 0;
        for (auto x : v) n += __builtin_popcount(x);
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(state.iterations() * state.range(0) * 4);
}
BENCHMARK(BM_PopcountBuiltin)->RangeMultiplier(8)->Range(64, 1 << 15);

static void BM_PopcountLoop(benchmark::State &state) {
    auto v = words(state.range(0), 258);
    for (auto _ : state) {
        uint64_t n = 0;
        for (auto x : v) while (x) { x &= x - 1; n++; }
        benchmark::DoNotOptimize(n);
    }
    state.SetBytesProcessed(state.iterations() * state.range(0) * 4);
}
BENCHMARK(BM_PopcountLoop)->RangeMultiplier(8)->Range(64, 1 << 15);

static void BM_PrefixSum(benchmark::State &state) {
    auto v = words(state.range(0), 3);
    std::vector<uint64_t> out(v.size());
    for (auto _ : state) {
        std::partial_sum(v.begin(), v.end(), out.begin());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_PrefixSum)->RangeMultiplier(4)->Range(256, 1 << 16)->Complexity(benchmark::oN);

static void BM_LowerBound(benchmark::State &state) {
    auto v = words(state.range(0), 5);
    std::sort(v.begin(), v.end());
    std::mt19937 rng(9);
    for (auto _ : state) {
        auto it = std::lower_bound(v.begin(), v.end(), static_cast<uint32_t>(rng()));
        benchmark::DoNotOptimize(it);
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_LowerBound)->RangeMultiplier(8)->Range(64, 1 << 18)->Complexity(benchmark::oLogN);

static void BM_Histogram(benchmark::State &state) {
    auto v = words(1 << 14, 11);
    std::vector<uint32_t> bins(state.range(0));
    for (auto _ : state) {
        std::fill(bins.begin(), bins.end(), 0);
        for (auto x : v) bins[x % bins.size()]++;
        benchmark::DoNotOptimize(bins.data());
    }
    state.counters["bins"] = state.range(0);
    state.counters["rate"] = benchmark::Counter(state.iterations() * v.size(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Histogram)->Arg(16)->Arg(256)->Arg(4096)->Arg(65536);

static void BM_ReadCalibration(benchmark::State &state) {
    FILE *f = fopen("calib/tally.dat", "rb");
    if (f == nullptr) {
        state.SkipWithError("calib/tally.dat: no calibration table (generate it with ./mkcalib)");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(fgetc(f));
    fclose(f);
}
BENCHMARK(BM_ReadCalibration);

static void BM_CheckedDivide(benchmark::State &state) {
    std::array<int, 5> den = {4, 2, 7, 0, 3};
    for (auto _ : state) {
        long q = 0;
        for (int x : den) {
            if (x == 0) { state.SkipWithError("division by zero in denominators[3]"); break; }
            q += 1000 / x;
        }
        benchmark::DoNotOptimize(q);
    }
}
BENCHMARK(BM_CheckedDivide);

BENCHMARK_MAIN();
"""


def gbench(tmp: Path) -> None:
    d = tmp / "tallybench"
    write_tree(d, {"bench.cc": BENCH_CC})
    run("nice g++ -O2 -std=c++17 bench.cc -o tallybench -lbenchmark -lpthread", cwd=d, timeout=300)
    if not (d / "tallybench").exists():
        raise RuntimeError("tallybench did not build")
    c = cap
    mt = "--benchmark_min_time=0.02"
    c("gbench-console-all", f"nice ./tallybench {mt}; echo EXIT=$?", d, n_gbench_console)
    c("gbench-console-reps-grep", f"nice ./tallybench {mt} --benchmark_repetitions=3 2>&1 | grep -v '^BM_Popcount'",
      d, n_gbench_console)
    c("gbench-json-all", f"nice ./tallybench {mt} --benchmark_format=json", d, n_gbench_json)
    c("gbench-json-out-reps", f"nice ./tallybench {mt} --benchmark_filter='Histogram|Lower|Checked' "
      "--benchmark_repetitions=3 --benchmark_out=t.json --benchmark_out_format=json >/dev/null; head -n 300 t.json", d,
      n_gbench_json)


# ------------------------------------------------------------------ pyperf and timeit

PYMOD = '''"""Small functions timed by pyperf (round 258)."""
import re


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def slug_slow(s):
    out = ""
    for ch in s.lower():
        out += ch if ch.isalnum() else "-"
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def tally(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def window(xs, k):
    s = sum(xs[:k])
    out = [s]
    for i in range(k, len(xs)):
        s += xs[i] - xs[i - k]
        out.append(s)
    return out


def window_naive(xs, k):
    return [sum(xs[i:i + k]) for i in range(len(xs) - k + 1)]


def flatten(rows):
    return [x for r in rows for x in r]
'''

SETUP = ("import tmod, random; rnd = random.Random(258); "
         "title = 'Harbour Report: Q3 -- Crane #7 & Berth 12 (draft)' * 4; "
         "words = [rnd.choice('abcdefghij') * rnd.randrange(1, 4) for _ in range(800)]; "
         "xs = [rnd.randrange(100) for _ in range(400)]; rows = [list(range(i % 9)) for i in range(300)]")


def pyperf(tmp: Path) -> None:
    d = tmp / "pyperf"
    write_tree(d, {"tmod.py": PYMOD})
    py = VENV / "bin" / "python"
    c = cap
    pairs = [("slug", "tmod.slug(title)", "tmod.slug_slow(title)"),
             ("tally", "tmod.tally(words)", "tmod.tally(words)"),
             ("window", "tmod.window(xs, 16)", "tmod.window_naive(xs, 16)"),
             ("flatten", "tmod.flatten(rows)", "tmod.flatten(rows)")]
    for name, before, after in pairs:
        for out, stmt in (("before.json", before), ("after.json", after)):
            run(f"nice {py} -m pyperf timeit -q -p 3 -n 5 --name {name} --append {out} -s \"{SETUP}\" \"{stmt}\"",
                cwd=d, timeout=300)
    c("pyperf-timeit-window-v", f"nice python -m pyperf timeit -v -p 3 -n 5 -s \"{SETUP}\" "
      "\"tmod.window_naive(xs, 16)\"; "
      "echo EXIT=$?", d, n_pyperf_timeit)
    c("pyperf-compare-table-exit", "python -m pyperf compare_to before.json after.json --table -v; echo EXIT=$?", d,
      n_pyperf_compare)
    c("pyperf-stats-after", "python -m pyperf stats after.json", d, n_pyperf_stats)
    c("pyperf-hist-before-after", "python -m pyperf hist --bins=24 before.json after.json | head -n 150", d,
      n_pyperf_hist)


def pytimeit(tmp: Path) -> None:
    d = tmp / "pyperf"
    d.mkdir(parents=True, exist_ok=True)
    (d / "tmod.py").write_text(PYMOD)
    c = cap
    c("python-timeit-window-error-exit", "for n in 2 4 8 16 32 64; do echo \"== k=$n\"; "
      f"nice python3 -m timeit -r 3 -s \"{SETUP}\" "
      "\"tmod.window_naive(xs, $n)\"; done; nice python3 -m timeit -s 'import tmod' 'tmod.flatten(5)'; "
      "nice python3 -m timeit -v -r 6 -n 50 -s 'import time' 'time.sleep(0.0003)'; echo EXIT=$?", d, n_python_timeit)


STEPS = [sysbench, stress, hey, gbench, pyperf, pytimeit]
