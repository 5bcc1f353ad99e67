"""Round 280, round 249's kinds on new workloads: sysbench (cpu with one thread and a low prime limit, memory in
1 KiB random reads, fileio random read/write on /dev/shm with direct fsyncs, threads with two threads, mutex with
two threads; a missing file-test mode, an unknown option, a negative prime limit, a test that needs a database),
stress-ng (a hash/crypt/zlib mix, sort and vector stressors under `--verify`; an
unknown stressor, a bad method, a bad size, a stressor skipped here), hey against another loopback HTTP server written
here (`/inventory` with a long tail, `/checkout` answering 503 on some requests, `/coupon` answering 404 or 422,
`/export` stalling past the timeout on some), Google Benchmark on another small C++ program (`ledgerbench`: string
hashing, map and unordered_map lookups, sorting, a CRC loop, one benchmark that stops with `SkipWithError` on a missing
file and one on bad input), pyperf on another small Python module (`norm`, `group`, `median`, `chunks`, two regressed
on purpose) and `python -m timeit`. Every extractor is round 249's, imported (NEEDLES.md, "Round 280"). Run through
capture_wide280.py."""

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
from capture_wide280 import VENV, cap

# ------------------------------------------------------------------ sysbench and stress-ng


def sysbench(tmp: Path) -> None:
    d = tmp / "sysbench"
    (d / "fio").mkdir(parents=True, exist_ok=True)
    c = cap
    c("sysbench-cpu-1t-hist-exit", "nice sysbench cpu --cpu-max-prime=8000 --threads=1 --time=2 --histogram run; "
      "echo EXIT=$?", d, _SB_EXT["cpu"])
    c("sysbench-memory-1k-rnd-read", "nice sysbench memory --memory-block-size=1K --memory-total-size=512M "
      "--memory-oper=read --memory-access-mode=rnd --time=2 --histogram run 2>&1 | tail -n 90", d, _SB_EXT["memory"])
    c("sysbench-fileio-rndrw", "cd fio && nice sysbench fileio --file-total-size=32M --file-num=8 prepare >/dev/null "
      "&& nice sysbench fileio --file-total-size=32M --file-num=8 --file-test-mode=rndrw --file-rw-ratio=2 "
      "--file-fsync-freq=20 --time=2 --histogram run; nice sysbench fileio --file-total-size=32M --file-num=8 "
      "cleanup", d, _SB_EXT["fileio"])
    c("sysbench-threads-2t", "nice sysbench threads --threads=2 --thread-yields=200 --thread-locks=2 --time=2 run",
      d, _SB_EXT["threads"])
    c("sysbench-mutex-2t-hist", "nice sysbench mutex --threads=2 --mutex-num=512 --mutex-locks=20000 "
      "--mutex-loops=2000 --histogram run; echo EXIT=$?", d, _SB_EXT["mutex"])
    c("sysbench-error-options", "nice sysbench fileio --file-total-size=8M run; echo EXIT=$?; nice sysbench cpu "
      "--cpu-max-prim=5000 run; echo EXIT=$?; nice sysbench cpu --cpu-max-prime=-5 --time=1 run; echo EXIT=$?; "
      "nice sysbench oltp_read_only --db-driver=pgsql --pgsql-port=38280 run; echo EXIT=$?; nice sysbench memory "
      "help", d, n_sysbench_error)


def stress(tmp: Path) -> None:
    d = tmp / "stress"
    d.mkdir(parents=True, exist_ok=True)
    c = cap
    c("stress-ng-hash-crypt-zlib", "nice stress-ng --hash 1 --crypt 1 --zlib 1 --timeout 2s --metrics-brief", d,
      n_stress_ng_metrics)
    c("stress-ng-sort-vec-verify-v", "nice stress-ng --qsort 1 --shellsort 1 --vecmath 1 --heapsort 1 "
      "--radixsort 1 --timeout 2s --metrics --verify -v 2>&1 | tail -n 80; echo EXIT=$?", d, n_stress_ng_metrics)
    c("stress-ng-error-mix", "nice stress-ng --nosuchstress 1 -t 1; echo EXIT=$?; nice stress-ng --cpu 1 "
      "--cpu-method bogus -t 1; echo EXIT=$?; nice stress-ng --vm 1 --vm-bytes 12Q -t 1; echo EXIT=$?; nice "
      "stress-ng --quota 1 -t 1; echo EXIT=$?; nice stress-ng --matrix 1 --matrix-size 99999 -t 1; echo EXIT=$?", d,
      n_stress_ng_error)


# ------------------------------------------------------------------ hey

SERVER = """import random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

rnd = random.Random(280)


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        code, body = 200, b'{"sku": "A-280", "stock": 41}'
        if self.path.startswith("/inventory"):
            time.sleep(min(0.6, rnd.paretovariate(3.0) * 0.004))
        elif self.path.startswith("/checkout"):
            time.sleep(0.002 + rnd.random() * 0.01)
            if rnd.random() < 0.06:
                code, body = 503, b'{"error": "payment gateway unavailable"}'
        elif self.path.startswith("/coupon"):
            r = rnd.random()
            if r < 0.3:
                code, body = 404, b'{"error": "no such coupon"}'
            elif r < 0.35:
                code, body = 422, b'{"error": "coupon expired"}'
        elif self.path.startswith("/export"):
            if rnd.random() < 0.07:
                time.sleep(2.2)
            else:
                time.sleep(0.02)
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""

PORT = 18280
U = f"http://127.0.0.1:{PORT}"


def hey(tmp: Path) -> None:
    d = tmp / "hey"
    write_tree(d, {"server.py": SERVER})
    cm.start([sys.executable, str(d / "server.py"), str(PORT)], cwd=d)
    time.sleep(1.0)
    c = cap
    c("hey-inventory", f"nice hey -n 400 -c 8 {U}/inventory?warehouse=3", d, n_hey_report, timeout=120)
    c("hey-checkout-coupon-loop", f"for ep in checkout coupon; do echo \"== /$ep\"; nice hey -n 300 -c 6 -m GET "
      f"{U}/$ep; done; echo EXIT=$?", d, n_hey_report, timeout=240)
    c("hey-export-timeout", f"nice hey -n 120 -c 6 -t 1 {U}/export", d, n_hey_report, timeout=120)
    c("hey-csv-coupon", f"nice hey -n 600 -c 6 -o csv {U}/coupon", d, n_hey_csv, timeout=120)


# ------------------------------------------------------------------ Google Benchmark

BENCH_CC = r"""#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

static std::vector<std::string> keys(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::string> v(n);
    for (auto &s : v) {
        s = "acct-";
        for (int i = 0; i < 10; i++) s += char('a' + rng() % 26);
    }
    return v;
}

static void BM_HashFnv(benchmark::State &state) {
    auto v = keys(state.range(0), 280);
    for (auto _ : state) {
        uint64_t h = 1469598103934665603ull;
        for (auto &s : v)
            for (char ch : s) { h ^= uint8_t(ch); h *= 1099511628211ull; }
        benchmark::DoNotOptimize(h);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HashFnv)->RangeMultiplier(4)->Range(16, 1 << 12);

static void BM_StdHash(benchmark::State &state) {
    auto v = keys(state.range(0), 280);
    std::hash<std::string> hs;
    for (auto _ : state) {
        size_t h = 0;
        for (auto &s : v) h ^= hs(s);
        benchmark::DoNotOptimize(h);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StdHash)->RangeMultiplier(4)->Range(16, 1 << 12);

template <class M>
static void BM_Lookup(benchmark::State &state) {
    auto v = keys(state.range(0), 7);
    M m;
    for (size_t i = 0; i < v.size(); i++) m[v[i]] = i;
    std::mt19937 rng(1);
    for (auto _ : state) {
        auto it = m.find(v[rng() % v.size()]);
        benchmark::DoNotOptimize(it);
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK_TEMPLATE(BM_Lookup, std::map<std::string, size_t>)->RangeMultiplier(8)->Range(8, 1 << 15)
    ->Complexity(benchmark::oLogN);
BENCHMARK_TEMPLATE(BM_Lookup, std::unordered_map<std::string, size_t>)->RangeMultiplier(8)->Range(8, 1 << 15)
    ->Complexity(benchmark::o1);

static void BM_SortAmounts(benchmark::State &state) {
    std::mt19937 rng(13);
    std::vector<int64_t> base(state.range(0));
    for (auto &x : base) x = int64_t(rng() % 1000000) - 500000;
    for (auto _ : state) {
        state.PauseTiming();
        auto v = base;
        state.ResumeTiming();
        std::sort(v.begin(), v.end());
        benchmark::DoNotOptimize(v.data());
    }
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_SortAmounts)->RangeMultiplier(4)->Range(64, 1 << 14)->Complexity();

static void BM_Crc32(benchmark::State &state) {
    std::vector<uint8_t> buf(state.range(0), 0x5a);
    for (auto _ : state) {
        uint32_t crc = 0xffffffffu;
        for (auto b : buf) {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
        }
        benchmark::DoNotOptimize(crc);
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
    state.counters["blocks"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Crc32)->Arg(512)->Arg(4096)->Arg(32768);

static void BM_LoadLedger(benchmark::State &state) {
    FILE *f = fopen("data/ledger-2024.bin", "rb");
    if (f == nullptr) {
        state.SkipWithError("data/ledger-2024.bin: ledger snapshot missing (run ./export-ledger first)");
        return;
    }
    for (auto _ : state) benchmark::DoNotOptimize(fgetc(f));
    fclose(f);
}
BENCHMARK(BM_LoadLedger);

static void BM_ParseAmount(benchmark::State &state) {
    std::vector<std::string> in = {"12.50", "7.00", "-3.25", "12,5O", "0.99"};
    for (auto _ : state) {
        double t = 0;
        for (auto &s : in) {
            char *end = nullptr;
            t += std::strtod(s.c_str(), &end);
            if (*end != '\0') { state.SkipWithError("unparsable amount \"12,5O\" at row 4"); break; }
        }
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_ParseAmount);

BENCHMARK_MAIN();
"""


def gbench(tmp: Path) -> None:
    d = tmp / "ledgerbench"
    write_tree(d, {"bench.cc": BENCH_CC})
    run("nice g++ -O2 -std=c++17 bench.cc -o ledgerbench -lbenchmark -lpthread", cwd=d, timeout=300)
    if not (d / "ledgerbench").exists():
        raise RuntimeError("ledgerbench did not build")
    c = cap
    mt = "--benchmark_min_time=0.02"
    c("gbench-console-ledger", f"nice ./ledgerbench {mt} 2>&1 | tail -n 80", d, n_gbench_console)
    c("gbench-console-reps-filter-exit", f"nice ./ledgerbench {mt} --benchmark_filter='Lookup|Crc|Parse' "
      "--benchmark_repetitions=3 --benchmark_report_aggregates_only=false; echo EXIT=$?", d, n_gbench_console)
    c("gbench-json-hash-sort", f"nice ./ledgerbench {mt} --benchmark_filter='Hash|Sort|Load' "
      "--benchmark_format=json", d, n_gbench_json)
    c("gbench-json-out-reps-head", f"nice ./ledgerbench {mt} --benchmark_filter='Crc|Parse|StdHash' "
      "--benchmark_repetitions=4 --benchmark_out=l.json --benchmark_out_format=json >/dev/null; head -n 260 l.json",
      d, n_gbench_json)


# ------------------------------------------------------------------ pyperf and timeit

PYMOD = '''"""Small functions timed by pyperf (round 280)."""
import statistics
import unicodedata


def norm(s):
    return unicodedata.normalize("NFKC", s).casefold().strip()


def norm_slow(s):
    out = []
    for ch in s:
        out.append(unicodedata.normalize("NFKC", ch).casefold())
    return "".join(out).strip()


def group(pairs):
    out = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def group_slow(pairs):
    keys = sorted({k for k, _ in pairs})
    return {k: [v for kk, v in pairs if kk == k] for k in keys}


def median(xs):
    return statistics.median(xs)


def chunks(xs, n):
    return [xs[i:i + n] for i in range(0, len(xs), n)]
'''

SETUP = ("import pmod, random; rnd = random.Random(280); "
         "text = '  Ｃａｆé Ledger №7 — Quarterly ﬁgures  ' * 6; "
         "pairs = [(rnd.choice('ABCDEFGH'), rnd.randrange(1000)) for _ in range(600)]; "
         "xs = [rnd.random() for _ in range(501)]")


def pyperf(tmp: Path) -> None:
    d = tmp / "pyperf"
    write_tree(d, {"pmod.py": PYMOD})
    py = VENV / "bin" / "python"
    c = cap
    pairs = [("norm", "pmod.norm(text)", "pmod.norm_slow(text)"),
             ("group", "pmod.group(pairs)", "pmod.group_slow(pairs)"),
             ("median", "pmod.median(xs)", "pmod.median(xs)"),
             ("chunks", "pmod.chunks(xs, 7)", "pmod.chunks(xs, 7)")]
    for name, before, after in pairs:
        for out, stmt in (("base.json", before), ("patch.json", after)):
            run(f"nice {py} -m pyperf timeit -q -p 3 -n 5 --name {name} --append {out} -s \"{SETUP}\" \"{stmt}\"",
                cwd=d, timeout=300)
    c("pyperf-timeit-group-slow", f"nice python -m pyperf timeit -p 3 -n 5 -s \"{SETUP}\" "
      "\"pmod.group_slow(pairs)\"; echo EXIT=$?", d, n_pyperf_timeit)
    c("pyperf-compare-base-patch", "python -m pyperf compare_to base.json patch.json --table -G --min-speed=5", d,
      n_pyperf_compare)
    c("pyperf-stats-base", "python -m pyperf stats base.json", d, n_pyperf_stats)
    c("pyperf-hist-patch", "python -m pyperf hist --bins=30 patch.json", d, n_pyperf_hist)


def pytimeit(tmp: Path) -> None:
    d = tmp / "pyperf"
    d.mkdir(parents=True, exist_ok=True)
    (d / "pmod.py").write_text(PYMOD)
    c = cap
    c("python-timeit-chunks-error", "for n in 1 3 9 27 81; do echo \"== n=$n\"; "
      f"nice python3 -m timeit -r 3 -s \"{SETUP}\" \"pmod.chunks(xs, $n)\"; done; "
      "nice python3 -m timeit -s 'import pmod' 'pmod.chunks([1, 2], 0)'; echo EXIT=$?; "
      "nice python3 -m timeit -r 5 -n 20 -s 'import time' 'time.sleep(0.0005)'", d, n_python_timeit)


STEPS = [sysbench, stress, hey, gbench, pyperf, pytimeit]
