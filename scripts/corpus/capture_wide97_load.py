"""Round 97's HTTP server, load generators and process manager, and the extractors of their kinds (NEEDLES.md,
"Round 97"): `ovenfleet`'s order API (a Python server on 127.0.0.1 with fast, slow, failing and missing routes) is
loaded by autocannon, artillery, wrk and h2load; iperf3 measures loopback; pm2 runs ten Node workers of which several
crash and restart. Run through capture_wide97.py."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, rule4, wait_port
from capture_wide97 import add, cap

STATUS = re.compile(r"^EXIT=\d+$")


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

PM2_MSG = re.compile(r"\[PM2\]\[(ERROR|WARN)\]")


def _box_cells(ln: str) -> list[str] | None:
    if "│" not in ln:
        return None
    return [c.strip() for c in ln.strip().strip("│").split("│")]


@cm.kind("pm2-list", "table")
def n_pm2_list(lines):
    """Rules 4+5: the header row; every app row whose status is not online or whose restart count is not 0; rule 4's min/max rows by memory; [PM2][ERROR]/[WARN] lines."""
    out, rows, head = [], [], None
    for ln in lines:
        cells = _box_cells(ln)
        if PM2_MSG.search(ln):
            out.append(ln)
        if not cells:
            continue
        low = [c.lower() for c in cells]
        if "status" in low and "name" in low:
            head = low
            out.append(ln)
            continue
        if head and len(cells) == len(head):
            rec = dict(zip(head, cells))
            restarts = rec.get("↺", "0")
            if rec.get("status") != "online" or restarts not in ("0", ""):
                out.append(ln)
            mem = rec.get("mem", "")
            m = re.match(r"([\d.]+)(b|kb|mb|gb)", mem.lower())
            if m:
                scale = {"b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9}[m.group(2)]
                rows.append((ln, {"mem": str(float(m.group(1)) * scale)}))
    return out + rule4(rows, nums=("mem",)) + _status(lines)


PM2_DESCRIBE_ROWS = ("status", "restarts", "unstable restarts", "script path", "exec mode", "error log path", "uptime")


@cm.kind("pm2-describe", "table")
def n_pm2_describe(lines):
    """Rule 5: the 'Describing process with id N - name X' line; the status, restarts, unstable restarts, script path, exec mode, error log path and uptime rows; [PM2][ERROR]/[WARN] lines."""
    out = []
    for ln in lines:
        cells = _box_cells(ln)
        if "Describing process with id" in ln or PM2_MSG.search(ln):
            out.append(ln)
        elif cells and cells[0] in PM2_DESCRIBE_ROWS:
            out.append(ln)
    return out + _status(lines)


PM2_ERR = re.compile(r"Error|Exception|FATAL|ECONNREFUSED|EADDRINUSE|Unhandled|throw")


@cm.kind("pm2-logs", "log")
def n_pm2_logs(lines):
    """Rules 1+5: every app line holding Error/Exception/FATAL/ECONNREFUSED/EADDRINUSE/Unhandled/throw alone with its first non-internal 'at' frame within six; PM2 exited/unstable/stopping lines one {any} per (app, shape); every log-file header line."""
    out, pm2 = [], []
    for i, ln in enumerate(lines):
        if re.search(r"last \d+ lines:", ln):
            out.append(ln)
            continue
        m = re.match(r"^\s*PM2\s+\|\s*(.*)$", ln)
        if m:
            msg = m.group(1)
            if re.search(r"exited with code|too many unstable restarts|Stopping app", msg):
                app = re.search(r"App \[([^\]:]+)", msg) or re.search(r"app=(\S+)", msg) or re.search(r"Script (\S+)", msg)
                pm2.append(((app.group(1) if app else "", cm.mask(msg)), ln))
            continue
        if PM2_ERR.search(ln) and not re.search(r"^\s*\S+\s*\|\s*at ", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"\|\s+at ", lines[k]) and "node:internal" not in lines[k]:
                    out.append(lines[k])
                    break
    return out + cm.groups(pm2) + _status(lines)


@cm.kind("pm2-jlist-jq", "json")
def n_pm2_jlist(lines):
    """Rules 4+5: rule 4 on the per-app records (categorical status and exec_mode, numeric restarts and memory), a record's "name" line standing for it; the "name" line of every record not online."""
    recs, cur = [], None
    for ln in lines:
        m = re.match(r'^\s*"(\w+)":\s*"?([^",]*)"?,?\s*$', ln)
        if m and m.group(1) == "name":
            cur = {"_line": ln}
            recs.append(cur)
        elif m and cur is not None:
            cur[m.group(1)] = m.group(2)
    out = [r["_line"] for r in recs if r.get("status") != "online"]
    rows = [(r["_line"], r) for r in recs]
    return out + rule4(rows, cat=("status", "exec_mode"), nums=("restarts", "memory")) + _status(lines)


@cm.kind("autocannon", "table")
def n_autocannon(lines):
    """Rule 5: the 'Running ...s test @ URL' line; each table's header row and its Latency, Req/Sec and Bytes/Sec rows; the 'N requests in' line; every errors / timeouts / non 2xx line; every row of the status code table."""
    out, in_codes = [], False
    for ln in lines:
        cells = _box_cells(ln)
        if re.search(r"Running \S+ test @|requests in .* read|errors|timeouts|non 2xx responses", ln):
            out.append(ln)
        if cells:
            if cells[0] in ("Stat", "Latency", "Req/Sec", "Bytes/Sec"):
                out.append(ln)
            if cells[0] == "Code":
                out.append(ln)
                in_codes = True
            elif in_codes and re.match(r"^\d{3}$", cells[0]):
                out.append(ln)
    return out + _status(lines)


@cm.kind("artillery-report", "table")
def n_artillery(lines):
    """Rule 5: the 'Summary report @' line; every errors.* and http.codes.* line; vusers.failed and vusers.completed; max/p95/p99 under the summary's http.response_time block; Error/WARNING lines outside the counters."""
    out, summary, block = [], False, None
    for ln in lines:
        if "Summary report @" in ln:
            summary = True
            out.append(ln)
            continue
        if re.match(r"^(errors\.|http\.codes\.|vusers\.failed|vusers\.completed)", ln.strip()):
            out.append(ln)
        elif re.search(r"\bError\b|WARNING", ln) and not re.match(r"^\s*\S+\.\S+.*\.{3}", ln):
            out.append(ln)
        m = re.match(r"^(\S[^:]*):\s*$", ln)
        if m:
            block = m.group(1)
        if summary and block == "http.response_time" and re.match(r"^\s*(max|p95|p99)\b", ln):
            out.append(ln)
    return out + _status(lines)


@cm.kind("wrk", "table")
def n_wrk(lines):
    """Rule 5: the 'Running ... test @ URL' line; the Thread Stats header with its Latency and Req/Sec rows; the 50% and 99% distribution lines; the 'N requests in' line; Socket errors and Non-2xx lines; Requests/sec and Transfer/sec."""
    pat = (r"Running .* test @|Thread Stats|^\s*(Latency|Req/Sec)\s|^\s*(50|99)(\.000)?%\s|requests in|Socket errors"
           r"|Non-2xx or 3xx|Requests/sec:|Transfer/sec:|[Ee]rror")
    return [ln for ln in lines if re.search(pat, ln)] + _status(lines)


@cm.kind("h2load", "table")
def n_h2load(lines):
    """Rule 5: the 'finished in' line; the requests:, status codes: and traffic: lines; the timing table's header and 'time for request:' row; every error / failed / refused line."""
    pat = (r"finished in|^requests:|^status codes:|^traffic:|min\s+max\s+mean\s+sd|time for request:"
           r"|error|failed|refused")
    out = []
    for ln in lines:
        if re.search(pat, ln.strip(), re.I) and not re.match(r"^requests: .*\bfailed\b", ln):
            out.append(ln)
        elif re.match(r"^requests:", ln):
            out.append(ln)
    return out + _status(lines)


IPERF_ROW = re.compile(r"^\[\s*(\S+)\]\s+([\d.]+)-([\d.]+)\s+sec\s+([\d.]+ \w?Bytes)\s+([\d.]+) (\w?)bits/sec")


@cm.kind("iperf3", "table")
def n_iperf3(lines):
    """Rules 4+5: the Connecting to host / Server listening line; the interval table header; rule 4's min/max interval rows by bitrate; every sender / receiver row; iperf3: error lines; iperf Done."""
    out, rows = [], []
    scale = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}
    for ln in lines:
        if re.search(r"Connecting to host|Server listening|iperf3: error|iperf Done\.|\bsender\b|\breceiver\b", ln):
            out.append(ln)
        elif re.search(r"\[ ID\]\s+Interval", ln):
            out.append(ln)
        else:
            m = IPERF_ROW.match(ln)
            if m:
                rows.append((ln, {"rate": str(float(m.group(5)) * scale.get(m.group(6), 1))}))
    return list(dict.fromkeys(out)) + rule4(rows, nums=("rate",)) + _status(lines)


# ------------------------------------------------------------------ the order API (a server of our own)

SERVER = r'''
import json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

rng = random.Random(97)
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path.split("?")[0]
        code, body = 200, {"ok": True, "path": p}
        if p == "/slow":
            time.sleep(0.15 + rng.random() * 0.2)
        elif p == "/ovens":
            body = {"ovens": [{"id": i, "temp": 180 + i} for i in range(40)]}
        elif p == "/flaky":
            if rng.random() < 0.3:
                code, body = 503, {"error": "oven controller busy"}
        elif p == "/fail":
            code, body = 500, {"error": "KeyError: 'batch_id'"}
        elif p.startswith("/orders"):
            time.sleep(0.002)
            body = {"orders": [{"id": n, "state": "baking"} for n in range(8)]}
        elif p not in ("/", "/menu", "/health"):
            code, body = 404, {"error": "no route " + p}
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_POST = do_GET
    def log_message(self, *a):
        pass
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

PORT = {"api": 0}


def _server(tmp: Path) -> int:
    if PORT["api"]:
        return PORT["api"]
    write_tree(tmp / "ovenfleet", {"api.py": SERVER})
    port = free_port()
    cm.start(["python3", str(tmp / "ovenfleet" / "api.py"), str(port)], cwd=tmp)
    assert wait_port(port), "order API did not start"
    PORT["api"] = port
    return port


def step_autocannon(tmp: Path) -> None:
    p = _server(tmp)
    cap("autocannon-menu", f"autocannon -c 20 -d 3 http://127.0.0.1:{p}/menu", tmp, n_autocannon)
    cap("autocannon-routes-loop", f"for r in menu ovens flaky fail; do autocannon -c 10 -d 2 --renderStatusCodes "
        f"http://127.0.0.1:{p}/$r; done 2>&1", tmp, n_autocannon)
    cap("autocannon-slow-timeouts",
        f"autocannon -c 30 -d 4 -t 1 --renderStatusCodes http://127.0.0.1:{p}/slow 2>&1; echo EXIT=$?", tmp,
        n_autocannon)


ARTILLERY = """config:
  target: "http://127.0.0.1:{port}"
  phases:
    - duration: 4
      arrivalRate: 15
      name: warm ovens
  http:
    timeout: 1
scenarios:
  - name: browse and order
    flow:
      - get:
          url: "/menu"
      - get:
          url: "/ovens"
      - get:
          url: "/flaky"
      - post:
          url: "/orders"
          json:
            sku: "rye-800"
            qty: 2
      - get:
          url: "/slow"
  - name: admin pages
    weight: 1
    flow:
      - get:
          url: "/admin/reports"
      - get:
          url: "/fail"
"""


def step_artillery(tmp: Path) -> None:
    p = _server(tmp)
    d = tmp / "load"
    write_tree(d, {"orders.yml": ARTILLERY.format(port=p),
                   "dead.yml": ARTILLERY.format(port=free_port()).replace("duration: 4", "duration: 2")})
    env = {"ARTILLERY_DISABLE_TELEMETRY": "true", "ARTILLERY_TELEMETRY_DEFAULTS": None}
    add("artillery-orders", "artillery run orders.yml",
        run("artillery run orders.yml", cwd=d, env=env, timeout=120), n_artillery)
    add("artillery-dead-upstream", "artillery run dead.yml 2>&1 | tail -n 60; echo EXIT=$?",
        run("artillery run dead.yml 2>&1 | tail -n 60; echo EXIT=$?", cwd=d, env=env, timeout=120), n_artillery)


WRK_LUA = """local paths = {"/menu", "/ovens", "/flaky", "/fail", "/orders/42", "/nope", "/health"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def step_wrk_h2load(tmp: Path) -> None:
    p = _server(tmp)
    d = tmp / "load"
    write_tree(d, {"mix.lua": WRK_LUA})
    cap("wrk-menu-latency", f"wrk -t2 -c16 -d3s --latency http://127.0.0.1:{p}/menu", d, n_wrk)
    cap("wrk-mixed-paths", f"wrk -t2 -c12 -d3s --latency -s mix.lua http://127.0.0.1:{p}/ 2>&1; echo EXIT=$?", d,
        n_wrk)
    cap("h2load-h1-flaky-loop", f"for c in 2 8 32; do h2load --h1 -n 900 -c $c http://127.0.0.1:{p}/flaky; done", d,
        n_h2load)
    cap("h2load-h1-mixed",
        f"h2load --h1 -n 1200 -c 8 http://127.0.0.1:{p}/menu http://127.0.0.1:{p}/fail "
        f"http://127.0.0.1:{p}/nope 2>&1; echo EXIT=$?", d, n_h2load)
    cap("h2load-refused", f"h2load --h1 -n 200 -c 4 http://127.0.0.1:{free_port()}/menu 2>&1; echo EXIT=$?", d,
        n_h2load)


def step_iperf3(tmp: Path) -> None:
    port = free_port()
    cm.start(["iperf3", "-s", "-p", str(port)], cwd=tmp)
    assert wait_port(port), "iperf3 server did not start"
    cap("iperf3-loopback", f"iperf3 -c 127.0.0.1 -p {port} -t 5 -i 0.1", tmp, n_iperf3)
    time.sleep(0.5)
    cap("iperf3-parallel-reverse", f"iperf3 -c 127.0.0.1 -p {port} -t 3 -i 0.5 -P 4 -R 2>&1 | tail -n 60", tmp,
        n_iperf3)
    time.sleep(0.5)
    cap("iperf3-udp-bitrate", f"iperf3 -c 127.0.0.1 -p {port} -u -b 800M -t 4 -i 0.1 2>&1; echo EXIT=$?", tmp,
        n_iperf3)


# ------------------------------------------------------------------ pm2 and ten workers

WORKER = r"""const name = process.env.APP;
const mode = process.env.MODE;
const rng = (s => () => (s = (s * 16807) % 2147483647) / 2147483647)(Number(process.env.SEED || 7));
let n = 0;
function tick() {
  n += 1;
  console.log(`[${name}] tick ${n} batch=${Math.floor(rng() * 9000)} queue=${Math.floor(rng() * 40)}`);
  if (n % 5 === 0) console.warn(`[${name}] oven ${Math.floor(rng() * 12)} temperature drift ${(rng() * 9).toFixed(1)}C`);
  if (mode === 'throw' && n === 4) {
    throw new TypeError(`Cannot read properties of undefined (reading 'loaf_${Math.floor(rng() * 99)}')`);
  }
  if (mode === 'reject' && n === 3) {
    Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6390 (redis queue down)'));
  }
  if (mode === 'exit' && n === 5) {
    console.error(`[${name}] FATAL config missing OVEN_ZONE, exiting`);
    process.exit(3);
  }
}
if (mode === 'port') {
  require('http').createServer(() => {}).listen(Number(process.env.PORT), '127.0.0.1');
}
setInterval(tick, Number(process.env.EVERY || 120));
"""


def _ecosystem(seed: int, port: int) -> str:
    rng = random.Random(seed)
    apps = [("oven-scheduler", "ok"), ("dough-proofer", "throw"), ("courier-dispatch", "reject"),
            ("invoice-mailer", "exit"), ("menu-cache", "ok"), ("pos-bridge-a", "port"), ("pos-bridge-b", "port"),
            ("crate-tracker", "ok"), ("flour-stock", "throw"), ("route-planner", "ok")]
    out = []
    for i, (name, mode) in enumerate(apps):
        out.append("    {name: %s, script: './worker.js', max_restarts: %d, min_uptime: 4000, restart_delay: 200,"
                   " max_memory_restart: '300M', env: {APP: %s, MODE: %s, SEED: '%d', EVERY: '%d', PORT: '%d'}}"
                   % (json.dumps(name), 3 + i % 2, json.dumps(name), json.dumps(mode), rng.randrange(1, 99999),
                      rng.choice([90, 120, 150]), port))
    return "module.exports = {\n  apps: [\n" + ",\n".join(out) + "\n  ]\n};\n"


JQ_APPS = ("'[.[] | {name, pm_id, pid, status: .pm2_env.status, exec_mode: .pm2_env.exec_mode, "
           "restarts: .pm2_env.restart_time, unstable: .pm2_env.unstable_restarts, memory: .monit.memory, "
           "cpu: .monit.cpu}]'")


def step_pm2(tmp: Path) -> None:
    d = tmp / "ovenfleet" / "workers"
    home = tmp / "pm2home"
    write_tree(d, {"worker.js": WORKER, "ecosystem.config.js": _ecosystem(97, free_port())})
    env = {"PM2_HOME": str(home), "PM2_DISCRETE_MODE": None}
    try:
        run("pm2 start ecosystem.config.js", cwd=d, env=env, timeout=120)
        time.sleep(20)
        for iid, cmd, ex in [
                ("pm2-list-crashing", "pm2 list", n_pm2_list),
                ("pm2-describe-two", "pm2 describe dough-proofer; pm2 describe pos-bridge-b", n_pm2_describe),
                ("pm2-logs-all-200", "pm2 logs --nostream --lines 200", n_pm2_logs),
                ("pm2-logs-courier-dispatch", "pm2 logs courier-dispatch --nostream --lines 80 --err", n_pm2_logs),
                ("pm2-logs-err-grep", "pm2 logs --nostream --lines 30 --err 2>&1 | grep -B2 -A4 -E 'Error|FATAL'",
                 n_pm2_logs),
                ("pm2-jlist-jq", f"pm2 jlist | jq {JQ_APPS}", n_pm2_jlist)]:
            add(iid, cmd, run(cmd, cwd=d, env=env, timeout=120), ex)
        run("pm2 restart invoice-mailer flour-stock && pm2 stop menu-cache", cwd=d, env=env, timeout=60)
        time.sleep(4)
        cap("pm2-jlist-jq-not-online", "pm2 jlist | jq '[.[] | select(.pm2_env.status != \"online\") | {name, "
            "status: .pm2_env.status, exec_mode: .pm2_env.exec_mode, restarts: .pm2_env.restart_time, "
            "unstable: .pm2_env.unstable_restarts, exit_code: .pm2_env.exit_code, memory: .monit.memory, "
            "error_log: .pm2_env.pm_err_log_path}]'", d, n_pm2_jlist, env=env)
    finally:
        run("pm2 kill", cwd=d, env=env, timeout=60)


STEPS = [step_autocannon, step_artillery, step_wrk_h2load, step_iperf3, step_pm2]
