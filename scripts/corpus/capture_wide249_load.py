"""Round 249, load generators and stress tools: sysbench (cpu, memory, fileio on /dev/shm, threads, mutex, with
`--histogram` and `--report-interval`; an unknown option, an unknown test, a fileio run without its files), stress-ng
(`--metrics-brief`/`--metrics` with `--verify` and `--times`; stressors skipped or refused here; an unknown method) and
hey against a loopback HTTP server written here (`/fast`, `/slow`, `/flaky` answering 500 on about a third of the
requests, `/stall` stalling past hey's timeout on some, `/missing` answering 404, POST refused with 501), its text
report and its CSV. The extractors are this round's (NEEDLES.md, "Round 249"). Run through capture_wide249.py."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import capture_more as cm
from capture_more import kind, write_tree
from capture_wide224 import exit_lines, pick
from capture_wide249 import cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 249")

SB_RESULT = (r"^sysbench \d|Number of threads:|events per second:|total number of events:|MiB/sec|transferred|"
             r"Total operations:|reads/s:|writes/s:|fsyncs/s:|read, MiB/s:|written, MiB/s:|total time:|"
             r"^\s+(min|avg|max|95th percentile|sum):|events \(avg/stddev\):|execution time \(avg/stddev\):")
SB_HIST_ROW = re.compile(r"^\s*([\d.]+)\s+\|\**\s+(\d+)\s*$")


def _sb_hist(lines) -> list:
    """Rule 4 on each `--histogram` block: the row of the largest count and the row of the largest value."""
    out: list = []
    block: list[tuple[float, int, str]] = []
    for ln in lines + [""]:
        m = SB_HIST_ROW.match(ln)
        if m:
            block.append((float(m.group(1)), int(m.group(2)), ln))
            continue
        if block:
            out.append(max(block, key=lambda r: r[1])[2])
            out.append(max(block, key=lambda r: r[0])[2])
            block = []
    return out


def _sysbench(lines) -> list:
    return (pick(lines, SB_RESULT) + _sb_hist(lines) + pick(lines, r"FATAL|error|failed|WARNING")
            + exit_lines(lines))


_SB_EXT = {}
for _t in ("cpu", "memory", "fileio", "threads", "mutex"):
    _SB_EXT[_t] = cm.named(f"sysbench-{_t}", "table", "Round 249: banner, threads, the result block, total time, "
                           "every Latency line, fairness lines, histogram extremes, FATAL/error/failed/WARNING lines, "
                           "EXIT.", _sysbench)


@kind("sysbench-error", "build")
def n_sysbench_error(lines):
    """Round 249: every FATAL/invalid/unknown/error/failed/Missing line, the first Usage: line, EXIT."""
    usage = pick(lines, r"^Usage:")
    return pick(lines, r"FATAL|invalid|Unknown|unknown|error|failed|Missing") + usage[:1] + exit_lines(lines)


SN_NUMERIC = re.compile(r"^stress-ng: metrc: \[\d+\] (\S+)((?:\s+[\d.]+)+)\s*$")


def _sn_table(lines) -> list:
    """The metrics table's header rows, every stressor row, and each numeric column's min/max rows (rule 4)."""
    out: list = []
    rows: list[tuple[list[float], str]] = []
    for i, ln in enumerate(lines):
        if re.search(r"metrc: \[\d+\] stressor\s+bogo ops", ln):
            out.append(ln)
            if i + 1 < len(lines) and "metrc:" in lines[i + 1] and "(secs)" in lines[i + 1]:
                out.append(lines[i + 1])
            continue
        m = SN_NUMERIC.match(ln)
        if m:
            rows.append(([float(x) for x in m.group(2).split()], ln))
    out += [r[1] for r in rows]
    if rows:
        width = min(len(r[0]) for r in rows)
        for c in range(width):
            out.append(min(rows, key=lambda r: r[0][c])[1])
            out.append(max(rows, key=lambda r: r[0][c])[1])
    return out


SN_SUMMARY = r"successful run completed|\b(passed|failed|skipped|metrics untrustworthy): "


@kind("stress-ng-metrics", "table")
def n_stress_ng_metrics(lines):
    """Round 249: dispatching hogs, the metrics table (headers, every stressor row, extremes), failure lines, summary, --times lines, EXIT."""
    return (pick(lines, r"dispatching hogs:") + _sn_table(lines)
            + pick(lines, r"fail|FAIL|error|skipped|abort|not implemented|unsuccessful") + pick(lines, SN_SUMMARY)
            + pick(lines, r"user time|system time|load average") + exit_lines(lines))


@kind("stress-ng-error", "build")
def n_stress_ng_error(lines):
    """Round 249: every fail/error/invalid/unknown/not/skipped/cannot/abort line, the summary lines, EXIT."""
    return (pick(lines, r"fail|error|invalid|unknown|Unknown|not|skipped|cannot|abort|out of range|must be one of|"
                        r"unrecognized") + pick(lines, SN_SUMMARY)
            + exit_lines(lines))


HEY_HIST = re.compile(r"^\s+([\d.]+) \[(\d+)\]\s*\|")


@kind("hey-report", "table")
def n_hey_report(lines):
    """Round 249: Summary's Total/Slowest/Fastest/Average/Requests/sec, histogram extremes, latency distribution, status and error rows, EXIT."""
    out: list = pick(lines, r"^\s+(Total|Slowest|Fastest|Average|Requests/sec):")
    block: list[tuple[float, int, str]] = []
    section = ""
    for ln in lines + [""]:
        m = HEY_HIST.match(ln)
        if m:
            block.append((float(m.group(1)), int(m.group(2)), ln))
        elif block:
            out.append(max(block, key=lambda r: r[1])[2])
            out.append(max(block, key=lambda r: r[0])[2])
            block = []
        if re.match(r"^(Response time histogram|Status code distribution|Error distribution):", ln):
            out.append(ln)
            section = ln
        elif re.match(r"^\S", ln):
            section = ""
        if section.startswith(("Status code", "Error distribution")) and re.match(r"^\s+\[", ln):
            out.append(ln)
        if re.match(r"^\s+\d+% in ", ln):
            out.append(ln)
    return out + exit_lines(lines)


@kind("hey-csv", "table")
def n_hey_csv(lines):
    """Round 249: the header row; rows of min/max response-time; rows with a rare status-code; EXIT."""
    out: list = pick(lines, r"^response-time,")
    rows = []
    for ln in lines:
        f = ln.split(",")
        if len(f) == 8 and re.match(r"^[\d.]+$", f[0]):
            rows.append((float(f[0]), f[6], ln))
    if rows:
        out.append(min(rows, key=lambda r: r[0])[2])
        out.append(max(rows, key=lambda r: r[0])[2])
        counts: dict[str, int] = {}
        for r in rows:
            counts[r[1]] = counts.get(r[1], 0) + 1
        if max(counts.values()) * 2 >= len(rows):
            out += [r[2] for r in rows if counts[r[1]] <= 2]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the runs

SERVER = """import random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

rnd = random.Random(249)


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        code, body = 200, b'{"ok": true, "items": [1, 2, 3]}'
        if self.path.startswith("/slow"):
            time.sleep(0.02 + rnd.random() * 0.25)
        elif self.path.startswith("/flaky"):
            time.sleep(rnd.random() * 0.01)
            if rnd.random() < 0.33:
                code, body = 500, b'{"error": "upstream pool exhausted"}'
        elif self.path.startswith("/stall"):
            if rnd.random() < 0.15:
                time.sleep(2.5)
        elif self.path.startswith("/missing"):
            code, body = 404, b'{"error": "no such route"}'
        elif self.path.startswith("/mixed"):
            r = rnd.random()
            if r < 0.01:
                code, body = 503, b'{"error": "draining"}'
            elif r < 0.02:
                code, body = 429, b'{"error": "slow down"}'
            time.sleep(rnd.random() * 0.02)
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""

PORT = 18249
U = f"http://127.0.0.1:{PORT}"


def sysbench(tmp: Path) -> None:
    d = tmp / "sysbench"
    d.mkdir(parents=True, exist_ok=True)
    c = cap
    c("sysbench-cpu-hist", "nice sysbench cpu --cpu-max-prime=20000 --threads=1 --time=3 --report-interval=1 "
      "--histogram run", d, _SB_EXT["cpu"])
    c("sysbench-cpu-threads-tail", "for t in 1 2; do nice sysbench cpu --cpu-max-prime=15000 --threads=$t --time=2 "
      "--histogram run; done 2>&1 | tail -n 80", d, _SB_EXT["cpu"])
    c("sysbench-memory-hist", "nice sysbench memory --memory-block-size=1M --memory-total-size=4G --time=3 "
      "--histogram run", d, _SB_EXT["memory"])
    c("sysbench-memory-rnd-exit", "nice sysbench memory --memory-oper=read --memory-access-mode=rnd "
      "--memory-block-size=4K --time=4 --report-interval=1 --histogram run; echo EXIT=$?", d, _SB_EXT["memory"])
    c("sysbench-fileio-rndrw", "nice sysbench fileio --file-total-size=64M --file-num=16 prepare && nice sysbench "
      "fileio --file-total-size=64M --file-num=16 --file-test-mode=rndrw --time=3 --report-interval=1 --histogram "
      "run; nice sysbench fileio --file-total-size=64M --file-num=16 cleanup", d, _SB_EXT["fileio"])
    c("sysbench-fileio-seqwr-head", "nice sysbench fileio --file-total-size=32M --file-num=8 --file-test-mode=seqwr "
      "--file-fsync-freq=10 --time=2 --report-interval=1 --histogram run 2>&1 | head -n 120", d, _SB_EXT["fileio"])
    c("sysbench-fileio-noprep-exit", "nice sysbench fileio --file-total-size=64M --file-num=16 --file-test-mode=rndrd "
      "--time=2 run; echo EXIT=$?", d, _SB_EXT["fileio"])
    c("sysbench-threads-hist", "nice sysbench threads --threads=2 --thread-yields=200 --thread-locks=4 --time=2 "
      "--report-interval=1 --histogram run", d, _SB_EXT["threads"])
    c("sysbench-mutex-exit", "for t in 1 2; do nice sysbench mutex --threads=$t --mutex-num=512 --mutex-locks=20000 "
      "--mutex-loops=2000 --histogram run; done; echo EXIT=$?", d, _SB_EXT["mutex"])
    c("sysbench-error-option", "nice sysbench cpu --cpu-max-primes=20000 --threads=1 run; echo EXIT=$?; "
      "nice sysbench threads --thread-yeilds=100 run; echo EXIT=$?; nice sysbench fileio help", d, n_sysbench_error)
    c("sysbench-error-test", "nice sysbench oltp_point_select --tables=4 run; echo EXIT=$?; nice sysbench memory "
      "--memory-oper=copy run; echo EXIT=$?; nice sysbench --help", d, n_sysbench_error)


def stress(tmp: Path) -> None:
    d = tmp / "stress"
    d.mkdir(parents=True, exist_ok=True)
    c = cap
    c("stress-ng-cpu-vm-verify", "nice stress-ng --cpu 1 --cpu-method all --vm 1 --vm-bytes 64M --vm-method all "
      "--hdd 1 --hdd-bytes 16M --timeout 3s --metrics-brief --verify --times -v", d, n_stress_ng_metrics)
    c("stress-ng-mix-metrics-v", "nice stress-ng --matrix 1 --qsort 1 --hash 1 --str 1 --crypt 1 --zlib 1 "
      "--timeout 3s --metrics --times -v", d, n_stress_ng_metrics)
    c("stress-ng-skipped-tail", "nice stress-ng --cpu 1 --swap 1 --binderfs 1 --quota 1 --fanotify 1 --timeout 2s "
      "--metrics-brief 2>&1 | tail -n 40", d, n_stress_ng_metrics)
    c("stress-ng-seq-memory", "nice stress-ng --seq 1 --class memory -x bigheap,brk,stack,mmapfork,numa,mmapaddr "
      "--timeout 1s --metrics-brief --verify", d, n_stress_ng_metrics, timeout=240)
    c("stress-ng-errors-grep", "nice stress-ng --cache 1 --mq 1 --sem 1 --futex 1 --timeout 2s --metrics-brief "
      "--verify -v 2>&1 | grep -iE 'error|warn|fail|skip|metrc'", d, n_stress_ng_metrics)
    c("stress-ng-error-unsupported", "nice stress-ng --apparmor 1 --cpu-online 1 -t 2 --metrics-brief; echo EXIT=$?; "
      "nice stress-ng --vm 1 --vm-bytes 9999P -t 1; echo EXIT=$?; nice stress-ng --cpu 1 --cpu-method nosuch -t 1; "
      "echo EXIT=$?", d, n_stress_ng_error)
    c("stress-ng-error-options", "nice stress-ng --class nosuchclass --seq 1 -t 1; echo EXIT=$?; nice stress-ng "
      "--nosuch 1 -t 1; echo EXIT=$?; nice stress-ng --hdd 1 --temp-path /nonexistent/dir -t 1 --metrics-brief; "
      "echo EXIT=$?; nice stress-ng --cpu 1 --taskset 7 -t 1; echo EXIT=$?; nice stress-ng --matrix 1 "
      "--matrix-method nosuch -t 1; echo EXIT=$?", d, n_stress_ng_error, timeout=240)


def hey(tmp: Path) -> None:
    d = tmp / "hey"
    write_tree(d, {"server.py": SERVER})
    cm.start([sys.executable, str(d / "server.py"), str(PORT)], cwd=d)
    time.sleep(1.0)
    c = cap
    c("hey-fast-sweep", f"for c in 1 4 16; do echo \"== concurrency $c\"; nice hey -n 1000 -c $c {U}/fast; done", d,
      n_hey_report, timeout=240)
    c("hey-flaky-500", f"nice hey -n 1500 -c 10 {U}/flaky", d, n_hey_report)
    c("hey-stall-timeout-exit", f"nice hey -n 300 -c 10 -t 1 {U}/stall; echo EXIT=$?", d, n_hey_report, timeout=120)
    c("hey-endpoints-loop", f"for ep in fast slow flaky missing mixed; do echo \"== /$ep\"; nice hey -n 400 -c 8 "
      f"{U}/$ep; done", d, n_hey_report, timeout=240)
    c("hey-post-501-head", f"nice hey -n 200 -c 4 -m POST -T application/json -d '{{\"sku\": 42}}' {U}/orders "
      "| head -n 40", d, n_hey_report)
    c("hey-duration-grep", f"nice hey -z 3s -c 6 -q 200 {U}/mixed 2>&1 | grep -E 'Requests/sec|Slowest|\\[|%'", d,
      n_hey_report)
    c("hey-csv-slow", f"nice hey -n 600 -c 6 -o csv {U}/slow", d, n_hey_csv, timeout=120)
    c("hey-csv-mixed-head", f"nice hey -n 1500 -c 8 -o csv {U}/mixed | head -n 400", d, n_hey_csv)
    c("hey-csv-flaky", f"nice hey -n 900 -c 8 -o csv {U}/flaky; echo EXIT=$?", d, n_hey_csv)


STEPS = [sysbench, stress, hey]
