"""Round 59's services and kinds: a harbour tide-gauge API (`tidewatch`, Flask + prometheus_client) with faults put
in, its OpenTelemetry console exporters, a berth-booking service in node (express + pino + prom-client), a pilot
dispatcher logging through bunyan; the extractors of the round's new kinds (NEEDLES.md, "Round 59"). Run through
capture_wide59.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, kind, mask, run, write_tree
from capture_data import free_port, wait_port
from capture_wide59 import JS, VENV, cap

PY = str(VENV / "bin" / "python")

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

DEFAULT_METRIC = re.compile(r"^# HELP (process_|python_|nodejs_)")
ERR_NAME = re.compile(r"error|fail|exception|retr", re.I)


@kind("prometheus-exposition", "table")
def n_prom(lines):
    """Rule 5: app metrics' # HELP lines, error/failure/retry counter samples, 5xx samples, each histogram's _count, _sum and le="+Inf" rows."""
    out = []
    for ln in lines:
        if ln.startswith("# HELP ") and not DEFAULT_METRIC.match(ln):
            out.append(ln)
        elif ln and not ln.startswith("#"):
            name = re.split(r"[{ ]", ln, 1)[0]
            if (ERR_NAME.search(name) and not name.endswith("_created")) or re.search(r'(status|code)="5\d\d"', ln):
                out.append(ln)
            elif re.search(r'_bucket\{.*le="\+Inf"', ln) or re.search(r"_(count|sum)(\{| )", name + " "):
                if not name.startswith(("process_", "python_", "nodejs_")):
                    out.append(ln)
    return out


n_prom_client = cm.named("prom-client-metrics", "table", n_prom.__doc__, n_prom)


@kind("otel-console-spans", "json")
def n_otel_spans(lines):
    """Rule 5: every span "name" line, every "status_code": "ERROR" line and its "description", exception.type/message lines, the "trace_id" of each ERROR span."""
    out, trace = [], None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r'^ {4}"name": ', ln):  # a span's own name (events' names sit deeper)
            out.append(ln)
        if '"trace_id":' in s:
            trace = ln
        if '"status_code": "ERROR"' in s:
            out.append(ln)
            d = cm.next_match(lines, i, r'"description":', 2)
            if d:
                out.append(d)
            if trace:
                out.append(trace)
        if re.search(r'"exception\.(type|message)":', s):
            out.append(ln)
    return out


@kind("otel-console-metrics", "json")
def n_otel_metrics(lines):
    """Rule 5: every metric "name" line, each histogram data point's "sum"/"count" lines, every "value" line of an error/failure/retry counter."""
    out, cur, hist = [], "", False
    for i, ln in enumerate(lines):
        m = re.match(r'^\s*"name": "([^"]+)"', ln)
        if m and cm.next_match(lines, i, r'^\s*"description": ', 1):  # a metric (scopes have no description)
            cur = m.group(1)
            out.append(ln)
            nxt = next((k for k in range(i + 1, len(lines)) if re.match(r'^\s*"name": ', lines[k])
                        and cm.next_match(lines, k, r'^\s*"description": ', 1)), len(lines))
            hist = any('"bucket_counts"' in x for x in lines[i:nxt])
        if re.match(r'^\s*"(sum|count)": ', ln) and hist:
            out.append(ln)
        if re.match(r'^\s*"value": ', ln) and ERR_NAME.search(cur):
            out.append(ln)
    return out


def _pretty_log(lines, head_re):
    out, pairs, recs = [], [], []
    for i, ln in enumerate(lines):
        m = re.match(head_re, ln)
        if not m:
            continue
        recs.append(ln)
        lvl, msg = m.group(1).upper(), m.group(2)
        if lvl in ("ERROR", "FATAL"):
            out.append(ln)
            st = cm.next_match(lines, i, r'^\s+(\w*Error\b|type: |message: |"?(type|message)"?: )', 6)
            if st:
                out.append(st)
        elif lvl == "WARN":
            pairs.append((mask(msg), ln))
    if recs:
        out += [recs[0], recs[-1]]
    return out + groups(pairs)


@kind("pino-pretty", "log")
def n_pino_pretty(lines):
    """Rules 1+4: every ERROR/FATAL line and its err stack's first line, WARN one {"any"} per message shape, first and last record."""
    return _pretty_log(lines, r"^\[[^\]]+\] (\w+)(?: \(.*?\))?: (.*)$")


@kind("bunyan-cli", "log")
def n_bunyan_cli(lines):
    """Rules 1+4: every ERROR/FATAL line and its stack's first line, WARN one {"any"} per message shape, first and last record."""
    return _pretty_log(lines, r"^\[[^\]]+\]\s+(\w+): \S+ on \S+: (.*)$")


@kind("curl-w-timing", "table")
def n_curl_w(lines):
    """Rules 1+4: every line with status >= 400 or 000, the min and max total-time lines, the first line."""
    rows = []
    for ln in lines:
        m = re.search(r"\b(?:code|status)=(\d{3})\b.*\btotal=([\d.]+)", ln)
        if m:
            rows.append((ln, int(m.group(1)), float(m.group(2))))
    if not rows:
        return []
    out = [rows[0][0]] + [r[0] for r in rows if r[1] >= 400 or r[1] == 0]
    out.append(min(rows, key=lambda r: r[2])[0])
    out.append(max(rows, key=lambda r: r[2])[0])
    return out


@kind("ab-summary", "table")
def n_ab(lines):
    """Rule 3+5: Complete/Failed requests (+ breakdown), Non-2xx, Requests per second, Time per request, Transfer rate, the connection-times header and Total row, the 99% and 100% lines."""
    pat = (r"^(Complete requests|Failed requests|Non-2xx responses|Requests per second|Time per request|Transfer rate"
           r"|\s+min\s+mean\[\+/-sd\]|Total:|\s*99%|\s*100%)|\(Connect: \d+, Receive: \d+, Length: \d+, Exceptions: \d+\)")
    return [ln for ln in lines if re.search(pat, ln)]


@kind("werkzeug-debug-html", "doc")
def n_werkzeug(lines):
    """Rule 1+5: the <title> line, the exception line (<blockquote> / errormsg), the innermost app frame's File line."""
    out = [ln for ln in lines if "<title>" in ln or "<blockquote>" in ln or 'class="errormsg"' in ln]
    frames = [ln for ln in lines if "tidewatch" in ln and re.search(r"line", ln)]
    if frames:
        out.append(frames[-1])
    return out


@kind("express-error-html", "doc")
def n_express_html(lines):
    """Rule 1+5: the <title> line and the <pre> line with the error message, and its first stack line in the app's file."""
    out = [ln for ln in lines if "<title>" in ln or "<pre>" in ln]
    own = [ln for ln in lines if "server.js" in ln and " at " in ln]
    if own:
        out.append(own[0][:200])
    return out


@kind("siege-summary", "table")
def n_siege(lines):
    """Rule 3+5: transactions, availability, successful/failed, longest/shortest transaction, response time, transaction rate lines; >= 400 request lines one {"any"} per (status, URL)."""
    pat = (r'^\s*"?(transactions|availability|successful_transactions|failed_transactions|longest_transaction'
           r'|shortest_transaction|response_time|transaction_rate)"?\s*:|^(Transactions|Availability|Successful transactions'
           r'|Failed transactions|Longest transaction|Shortest transaction|Response time|Transaction rate):')
    out = [ln for ln in lines if re.search(pat, ln, re.I)]
    pairs = []
    for ln in lines:
        m = re.match(r"^HTTP/\S+\s+([45]\d\d)\s.*?(\S+)$", ln)
        if m:
            pairs.append(((m.group(1), m.group(2)), ln))
    return out + groups(pairs)


@kind("otel-node-console-spans", "json")
def n_otel_node(lines):
    """Rule 5: every span's top-level name: line, every status: code 2 line and its message, the traceId: of each ERROR span, 'exception.type'/'exception.message' lines."""
    out, trace = [], None
    for i, ln in enumerate(lines):
        if re.match(r"^  name: ", ln):
            out.append(ln)
        if re.match(r"^  traceId: ", ln):
            trace = ln
        if re.match(r"^  status: ", ln) and re.search(r"code: 2\b", ln + (cm.next_match(lines, i, r"code: ", 1) or "")):
            out.append(ln)
            for x in (cm.next_match(lines, i, r"code: 2", 1), cm.next_match(lines, i, r"message: ", 2)):
                if x:
                    out.append(x)
            if trace:
                out.append(trace)
        if re.search(r"'exception\.(type|message)': ", ln):
            out.append(ln)
    return out


@kind("openmetrics-text", "table")
def n_openmetrics(lines):
    """Rule 5: as prometheus-exposition (app # HELP lines, error/retry samples, 5xx samples, histogram _count/_sum/+Inf), and the # EOF line."""
    return n_prom(lines) + [ln for ln in lines if ln == "# EOF"]


@kind("otel-console-logs", "log")
def n_otel_logs(lines):
    """Rules 1+5: "body" of every ERROR/CRITICAL record, exception.type/message lines, WARNING bodies one {"any"} per shape, first and last body."""
    out, pairs, bodies, body = [], [], [], None
    for ln in lines:
        if re.match(r'^\s*"body": ', ln):
            body = ln
            bodies.append(ln)
        m = re.match(r'^\s*"severity_text": "(\w+)"', ln)
        if m and body:
            if m.group(1) in ("ERROR", "CRITICAL", "FATAL"):
                out.append(body)
            elif m.group(1) in ("WARN", "WARNING"):
                pairs.append((mask(body), body))
        if re.search(r'"exception\.(type|message)": ', ln):
            out.append(ln)
    if bodies:
        out += [bodies[0], bodies[-1]]
    return out + groups(pairs)


@kind("otel-node-console-metrics", "json")
def n_otel_node_metrics(lines):
    """Rule 5: every descriptor name: line, each histogram data point's sum:/count: lines, every value: line of an error/failure/retry counter."""
    out, cur, hist = [], "", False
    for i, ln in enumerate(lines):
        m = re.match(r"^\s+name: '([^']+)',?$", ln)
        if m and cm.prev_match(lines, i, r"descriptor: \{", 1):
            cur = m.group(1)
            out.append(ln)
            hist = False
        if re.search(r"dataPointType: 0\b|buckets: \{", ln):
            hist = True
        if re.match(r"^\s+(sum|count): [\d.]+,?$", ln) and hist:
            out.append(ln)
        if re.match(r"^\s+value: [\d.]+,?$", ln) and ERR_NAME.search(cur):
            out.append(ln)
    return out


@kind("ab-gnuplot-tsv", "table")
def n_ab_tsv(lines):
    """Rule 4: the header row, the rows holding the min and max ttime and wait."""
    rows = [ln.split("\t") for ln in lines if ln.count("\t") >= 5]
    head = [ln for ln in lines if ln.startswith("starttime\t")]
    data = [(ln, r) for ln, r in zip([x for x in lines if x.count("\t") >= 5], rows) if r[0] != "starttime"]
    out = head[:1]
    for col in (4, 5):  # ttime, wait
        out.append(min(data, key=lambda x: float(x[1][col]))[0])
        out.append(max(data, key=lambda x: float(x[1][col]))[0])
    return out


@kind("curl-w-json", "json")
def n_curl_w_json(lines):
    """Rules 1+4: every request object with response_code >= 400 (its line), the objects with the min and max time_total."""
    rows = []
    for ln in lines:
        m = re.search(r"\{.*\}", ln)
        if not m:
            continue
        import json
        j = json.loads(m.group(0))
        rows.append((ln, j))
    out = [ln for ln, j in rows if j.get("response_code", 0) >= 400]
    out.append(min(rows, key=lambda r: r[1]["time_total"])[0])
    out.append(max(rows, key=lambda r: r[1]["time_total"])[0])
    return out


# ------------------------------------------------------------------ the services, with faults put in

TIDE_APP = r'''
import random, sys, time
from flask import Flask, Response, jsonify, abort
from prometheus_client import Counter, Histogram, Gauge, generate_latest, CONTENT_TYPE_LATEST

app = Flask("tidewatch")
REQS = Counter("tidewatch_requests_total", "HTTP requests served", ["route", "method", "status"])
UPSTREAM_ERR = Counter("tidewatch_upstream_errors_total", "Failed calls to the gauge telemetry upstream", ["gauge", "reason"])
RETRIES = Counter("tidewatch_upstream_retries_total", "Retries of upstream calls", ["gauge"])
LAT = Histogram("tidewatch_request_seconds", "Request latency", ["route"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0))
LEVEL = Gauge("tidewatch_water_level_metres", "Last water level read", ["gauge"])
rng = random.Random(59)
GAUGES = {f"g-{i:02d}": 1.2 + (i % 5) * 0.31 for i in range(1, 24) if i % 7}


def upstream(gid):
    for attempt in range(3):
        if rng.random() < 0.18:
            RETRIES.labels(gid).inc()
            UPSTREAM_ERR.labels(gid, rng.choice(["timeout", "timeout", "conn_reset"])).inc()
            time.sleep(0.01 * (attempt + 1))
            continue
        return GAUGES[gid]  # bug: a gauge missing from the table raises KeyError
    abort(503)


@app.route("/gauge/<gid>")
def gauge(gid):
    t = time.time()
    status = 200
    try:
        if gid.endswith("3"):
            time.sleep(0.12 + rng.random() * 0.2)  # the slow station
        lvl = upstream(gid)
        LEVEL.labels(gid).set(lvl)
        return jsonify(gauge=gid, level_m=round(lvl, 3), trend=round(lvl / 7.0 - 0.2, 4))
    except Exception as e:
        status = getattr(e, "code", 500)
        raise
    finally:
        REQS.labels("/gauge/<gid>", "GET", str(status)).inc()
        LAT.labels("/gauge/<gid>").observe(time.time() - t)


@app.route("/tides/<gid>/forecast")
def forecast(gid):
    step = 24 / (int(gid[-2:]) % 7)  # bug: every seventh station divides by zero
    return jsonify(series=[round(GAUGES.get(gid, 1.0) * (1 + 0.01 * h * step), 3) for h in range(24)])


@app.route("/metrics")
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


app.run("127.0.0.1", int(sys.argv[1]), debug=True, use_reloader=False)
'''

OTEL_APP = r'''
import random, sys, time
from opentelemetry import trace, metrics
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, ConsoleSpanExporter
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader, ConsoleMetricExporter
from opentelemetry.trace import Status, StatusCode

what, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
res = Resource.create({"service.name": "tidewatch-ingest", "deployment.environment": "staging"})
if what == "spans":
    tp = TracerProvider(resource=res)
    tp.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
    trace.set_tracer_provider(tp)
reader = PeriodicExportingMetricReader(ConsoleMetricExporter(), export_interval_millis=3_600_000)
mp = MeterProvider(resource=res, metric_readers=[reader] if what == "metrics" else [])
metrics.set_meter_provider(mp)
tracer = trace.get_tracer("tidewatch.ingest")
meter = metrics.get_meter("tidewatch.ingest")
reads = meter.create_counter("gauge.reads", unit="1", description="gauge readings ingested")
fails = meter.create_counter("gauge.read_failures", unit="1", description="gauge readings that failed")
retries = meter.create_counter("upstream.retries", unit="1", description="upstream retries")
lat = meter.create_histogram("ingest.duration", unit="ms", description="ingest batch duration")
rng = random.Random(seed)

class StaleReading(Exception):
    pass

def read(gid):
    with tracer.start_as_current_span("gauge.read") as sp:
        sp.set_attribute("gauge.id", gid)
        for attempt in range(3):
            if rng.random() < 0.2:
                retries.add(1, {"gauge": gid})
                sp.add_event("retry", {"attempt": attempt + 1})
                continue
            break
        else:
            fails.add(1, {"gauge": gid, "reason": "timeout"})
            raise TimeoutError(f"upstream for {gid} did not answer after 3 attempts")
        age = rng.randint(0, 900)
        if age > 780:
            fails.add(1, {"gauge": gid, "reason": "stale"})
            raise StaleReading(f"reading of {gid} is {age}s old (max 780s)")
        reads.add(1, {"gauge": gid})
        return age

for b in range(n):
    with tracer.start_as_current_span("ingest.batch") as batch:
        batch.set_attribute("batch.index", b)
        t = time.time()
        for gid in (f"g-{rng.randint(1, 23):02d}" for _ in range(3)):
            try:
                read(gid)
            except Exception as e:
                batch.record_exception(e)
                batch.set_status(Status(StatusCode.ERROR, f"{type(e).__name__}: {e}"))
        lat.record((time.time() - t) * 1000 + rng.uniform(5, 400), {"batch.size": 3})
mp.force_flush()
mp.shutdown()
'''

BERTHS_APP = r'''
const express = require("express");
const pino = require("pino");
const client = require("prom-client");
const log = pino({ base: { svc: "berths" } }, pino.destination(process.argv[3]));
client.collectDefaultMetrics();
const reqs = new client.Counter({ name: "berths_http_requests_total", help: "HTTP requests", labelNames: ["route", "status"] });
const errs = new client.Counter({ name: "berths_booking_errors_total", help: "Bookings that failed", labelNames: ["reason"] });
const retr = new client.Counter({ name: "berths_lock_retries_total", help: "Retries taking the berth lock" });
const dur = new client.Histogram({ name: "berths_request_duration_seconds", help: "Request duration", labelNames: ["route"], buckets: [0.01, 0.05, 0.1, 0.3, 1] });
let seed = 59;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
const app = express();
app.get("/berths/:id/book", (req, res, next) => {
  const end = dur.startTimer({ route: "/berths/:id/book" });
  const id = Number(req.params.id);
  let tries = 0;
  while (rnd() < 0.25 && tries < 4) { tries++; retr.inc(); log.warn({ berth: id, attempt: tries }, `berth ${id} lock busy, retrying`); }
  if (tries >= 4) { errs.inc({ reason: "lock_timeout" }); reqs.inc({ route: "book", status: "409" }); end(); log.error({ berth: id }, `berth ${id} lock not acquired after ${tries} retries`); return res.status(409).json({ error: "busy" }); }
  try {
    if (id % 9 === 0) { const vessel = null; vessel.length; }  // bug: a berth with no vessel record
    if (id > 40) throw new RangeError(`berth ${id} beyond quay length 40`);
    setTimeout(() => { reqs.inc({ route: "book", status: "200" }); end(); log.info({ berth: id, ms: Math.round(rnd() * 80) }, "booked"); res.json({ berth: id, ok: true }); }, id % 5 === 0 ? 120 : 2);
  } catch (e) {
    errs.inc({ reason: e.name }); reqs.inc({ route: "book", status: "500" }); end();
    log.error({ err: e, berth: id }, "booking failed"); next(e);
  }
});
app.get("/metrics", async (req, res) => { res.set("Content-Type", client.register.contentType); res.end(await client.register.metrics()); });
app.listen(Number(process.argv[2]), "127.0.0.1", () => log.info({ port: process.argv[2] }, "berths listening"));
'''

PILOTS_APP = r'''
const bunyan = require("bunyan");
const log = bunyan.createLogger({ name: "pilot-dispatch", streams: [{ path: process.argv[2] }], serializers: bunyan.stdSerializers });
let seed = Number(process.argv[3]);
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
const pilots = ["Aalto", "Berg", "Costa", "Dahl", "Eide", "Fagerlund"];
log.info({ pilots: pilots.length }, "dispatcher started");
for (let i = 0; i < Number(process.argv[4]); i++) {
  const vessel = `IMO${9300000 + Math.floor(rnd() * 99999)}`;
  const p = pilots[Math.floor(rnd() * pilots.length)];
  const r = rnd();
  if (r < 0.04) { const e = new Error(`no pilot boat free for ${vessel}`); e.code = "ENOBOAT"; log.error({ err: e, vessel }, "dispatch failed"); }
  else if (r < 0.1) log.warn({ vessel, pilot: p, wait_min: Math.floor(rnd() * 90) }, `pilot ${p} late for ${vessel}`);
  else if (r < 0.12) log.warn({ vessel, draft_m: (9 + rnd() * 6).toFixed(1) }, `draft over channel limit for ${vessel}`);
  else log.info({ vessel, pilot: p, eta_min: Math.floor(rnd() * 240) }, "pilot assigned");
  if (r > 0.995 && i > Number(process.argv[4]) * 0.9) { log.fatal({ err: new TypeError("Cannot read properties of undefined (reading 'berth')") }, "dispatcher crashed"); break; }
}
'''


def _serve(cmd: str, tmp: Path, port: int, log: str, env=None) -> None:
    cm.start(cmd, cwd=tmp, log=open(tmp / log, "w"), env=env)
    if not wait_port(port, 20):
        raise RuntimeError(f"{cmd} did not listen on {port}")


def tidewatch(tmp: Path) -> None:
    d = tmp / "tidewatch"
    write_tree(d, {"tidewatch.py": TIDE_APP})
    port = free_port()
    _serve(f"{PY} tidewatch.py {port}", d, port, "server.log")
    fmt = 'code=%{http_code} connect=%{time_connect} ttfb=%{time_starttransfer} total=%{time_total} size=%{size_download}\\n'
    cap("curl-w-loop", f"for i in $(seq 1 60); do g=$(printf 'g-%02d' $(( (i * 5) % 26 ))); echo -n \"$g \"; "
        f"curl -s -o /dev/null -w '{fmt}' localhost:{port}/gauge/$g; done", d, n_curl_w)
    cap("curl-w-forecast", f"for g in g-01 g-02 g-05 g-07 g-11 g-13 g-16 g-19 g-22 g-23 g-30; do curl -s -o /dev/null "
        f"-w \"$g {fmt}\" localhost:{port}/tides/$g/forecast; done; echo EXIT=$?", d, n_curl_w)
    run(f"ab -q -n 300 -c 4 http://127.0.0.1:{port}/gauge/g-02 >/dev/null", cwd=d)
    cap("metrics", f"curl -s localhost:{port}/metrics", d, n_prom)
    cap("metrics-grep", f"curl -s localhost:{port}/metrics | grep -v '^python_\\|^process_' | grep tidewatch", d, n_prom)
    cap("werkzeug-keyerror", f"curl -s localhost:{port}/gauge/g-07", d, n_werkzeug)
    cap("werkzeug-zerodiv", f"curl -s localhost:{port}/tides/g-14/forecast", d, n_werkzeug)
    cap("ab-gauge", f"ab -n 400 -c 8 http://127.0.0.1:{port}/gauge/g-04", d, n_ab)
    cap("ab-slow", f"ab -n 80 -c 4 -s 5 http://127.0.0.1:{port}/gauge/g-13 2>&1; echo EXIT=$?", d, n_ab)
    cap("ab-mixed", f"ab -n 200 -c 10 http://127.0.0.1:{port}/gauge/g-14 2>&1 | sed -n '/^Server Software/,$p'", d, n_ab)
    cap("ab-errors", f"ab -n 150 -c 5 http://127.0.0.1:{port}/tides/g-07/forecast", d, n_ab)
    cap("openmetrics", f"curl -s -H 'Accept: application/openmetrics-text; version=1.0.0' localhost:{port}/metrics", d,
        n_openmetrics)
    cap("openmetrics-grep", f"curl -s -H 'Accept: application/openmetrics-text' localhost:{port}/metrics | grep -v '^python_\\|^process_'",
        d, n_openmetrics)
    run(f"ab -q -n 120 -c 3 -g gauge.tsv http://127.0.0.1:{port}/gauge/g-03 >/dev/null", cwd=d)
    cap("ab-tsv", "cat gauge.tsv", d, n_ab_tsv)
    cap("ab-tsv-sorted", "sort -t \"$(printf '\\t')\" -k5 -n gauge.tsv | tail -n 40", d, n_ab_tsv)
    cap("curl-w-json", f"for g in g-01 g-03 g-07 g-09 g-13 g-14 g-20 g-27; do echo -n \"$g \"; curl -s -o /dev/null "
        f"-w '%{{json}}\\n' localhost:{port}/gauge/$g; done", d, n_curl_w_json)
    cap("metrics-after-ab", f"curl -s localhost:{port}/metrics | grep -A3 -i 'error\\|retr\\|_count\\|_sum'", d, n_prom)


def otel(tmp: Path) -> None:
    d = tmp / "otel"
    write_tree(d, {"ingest.py": OTEL_APP})
    cap("otel-spans", f"{PY} ingest.py spans 6 3", d, n_otel_spans, typed="python ingest.py spans 6 3")
    cap("otel-spans-head", f"{PY} ingest.py spans 14 11 2>&1 | head -n 400", d, n_otel_spans,
        typed="python ingest.py spans 14 11 2>&1 | head -n 400")
    cap("otel-metrics", f"{PY} ingest.py metrics 80 5", d, n_otel_metrics, typed="python ingest.py metrics 80 5")
    cap("otel-metrics-big", f"{PY} ingest.py metrics 400 21; echo EXIT=$?", d, n_otel_metrics,
        typed="python ingest.py metrics 400 21; echo EXIT=$?")


OTEL_LOGS = r'''
import logging, random, sys
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor, ConsoleLogRecordExporter
from opentelemetry.sdk.resources import Resource
lp = LoggerProvider(resource=Resource.create({"service.name": "tidewatch-alerts"}))
lp.add_log_record_processor(SimpleLogRecordProcessor(ConsoleLogRecordExporter()))
log = logging.getLogger("tidewatch.alerts")
log.setLevel(logging.INFO)
log.addHandler(LoggingHandler(level=logging.INFO, logger_provider=lp))
rng = random.Random(int(sys.argv[2]))
for i in range(int(sys.argv[1])):
    gid = f"g-{rng.randint(1, 23):02d}"
    lvl = rng.random()
    if lvl < 0.05:
        try:
            ratio = 1 / (int(gid[-2:]) % 7)
        except ZeroDivisionError:
            log.exception("threshold ratio failed for %s", gid)
    elif lvl < 0.15:
        log.warning("level at %s rising %.2f m/h above surge threshold", gid, rng.uniform(0.3, 1.2))
    else:
        log.info("checked %s level=%.2f", gid, rng.uniform(0.5, 3.0))
lp.shutdown()
'''


def otel_logs(tmp: Path) -> None:
    d = tmp / "otel-logs"
    write_tree(d, {"alerts.py": OTEL_LOGS})
    cap("otel-logs", f"{PY} alerts.py 40 59", d, n_otel_logs, typed="python alerts.py 40 59")
    cap("otel-logs-tail", f"{PY} alerts.py 200 7 2>&1 | tail -n 300", d, n_otel_logs,
        typed="python alerts.py 200 7 2>&1 | tail -n 300")


def berths(tmp: Path) -> None:
    d = tmp / "berths"
    write_tree(d, {"server.js": BERTHS_APP})
    (d / "node_modules").symlink_to(JS / "node_modules")
    port = free_port()
    _serve(f"node server.js {port} berths.log", d, port, "stdout.log", env={"NODE_ENV": "development"})
    run(f"for i in $(seq 1 45); do curl -s -o /dev/null localhost:{port}/berths/$i/book; done", cwd=d)
    cap("express-typeerror", f"curl -s localhost:{port}/berths/18/book", d, n_express_html)
    cap("express-rangeerror", f"curl -s localhost:{port}/berths/44/book; echo; echo EXIT=$?", d, n_express_html)
    cap("prom-client", f"curl -s localhost:{port}/metrics", d, n_prom_client)
    cap("prom-client-grep", f"curl -s localhost:{port}/metrics | grep '^berths_'", d, n_prom_client)
    cap("pino-pretty", "npx pino-pretty < berths.log", d, n_pino_pretty,
        env={"NO_COLOR": "1"}, typed="cat berths.log | npx pino-pretty")
    cap("pino-pretty-warn", "cat berths.log | npx pino-pretty -c -L warn | head -n 120", d, n_pino_pretty)


def pilots(tmp: Path) -> None:
    d = tmp / "pilots"
    write_tree(d, {"dispatch.js": PILOTS_APP})
    (d / "node_modules").symlink_to(JS / "node_modules")
    run("node dispatch.js big.log 7 700 && node dispatch.js small.log 3 120", cwd=d)
    cap("bunyan-cli", "npx bunyan -o long small.log", d, n_bunyan_cli, typed="bunyan small.log")
    cap("bunyan-cli-warn", "npx bunyan -l warn big.log | head -n 200", d, n_bunyan_cli,
        typed="bunyan -l warn big.log | head -n 200")
    cap("bunyan-cli-filter", "npx bunyan -c 'this.level >= 40 || this.wait_min > 80' big.log | tail -n 80", d, n_bunyan_cli,
        typed="bunyan -c 'this.level >= 40 || this.wait_min > 80' big.log | tail -n 80")


OTEL_NODE = r'''
const { BasicTracerProvider, SimpleSpanProcessor, ConsoleSpanExporter } = require("@opentelemetry/sdk-trace-base");
const api = require("@opentelemetry/api");
const exporter = new ConsoleSpanExporter();
let provider;
try { provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }); }
catch (e) { provider = new BasicTracerProvider(); provider.addSpanProcessor(new SimpleSpanProcessor(exporter)); }
api.trace.setGlobalTracerProvider(provider);
const tracer = api.trace.getTracer("berths.reconcile");
let seed = Number(process.argv[3]);
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
for (let b = 0; b < Number(process.argv[2]); b++) {
  tracer.startActiveSpan("reconcile.batch", (batch) => {
    batch.setAttribute("batch.index", b);
    for (let k = 0; k < 3; k++) {
      const berth = 1 + Math.floor(rnd() * 45);
      tracer.startActiveSpan("berth.sync", (sp) => {
        sp.setAttribute("berth.id", berth);
        try {
          if (berth > 40) throw new RangeError(`berth ${berth} beyond quay length 40`);
          if (rnd() < 0.12) throw new Error(`ledger row for berth ${berth} locked by another writer`);
        } catch (e) {
          sp.recordException(e);
          sp.setStatus({ code: api.SpanStatusCode.ERROR, message: e.message });
        }
        sp.end();
      });
    }
    batch.end();
  });
}
'''


def siege(tmp: Path) -> None:
    d = tmp / "siege"
    write_tree(d, {"tidewatch.py": TIDE_APP})
    port = free_port()
    _serve(f"{PY} tidewatch.py {port}", d, port, "server.log")
    urls = "".join(f"http://127.0.0.1:{port}/gauge/g-{i:02d}\n" for i in range(1, 26))
    urls += f"http://127.0.0.1:{port}/tides/g-07/forecast\nhttp://127.0.0.1:{port}/tides/g-02/forecast\n"
    write_tree(d, {"urls.txt": urls, ".siege/siege.conf": "show-logfile = false\n"})
    env = {"HOME": str(d)}
    cap("siege-urls", "siege -b -c 4 -r 10 -f urls.txt -v 2>&1", d, n_siege, env=env,
        typed="siege -b -c 4 -r 10 -f urls.txt -v")
    cap("siege-timed", f"siege -b -c 6 -t 4S http://127.0.0.1:{port}/gauge/g-13 2>&1 | grep -v ' ==> GET'; echo EXIT=$?", d,
        n_siege, env=env)
    cap("siege-tail", "siege -c 3 -r 15 -f urls.txt -i -v 2>&1 | tail -n 40", d, n_siege, env=env)


OTEL_NODE_METRICS = r'''
const { MeterProvider, PeriodicExportingMetricReader, ConsoleMetricExporter } = require("@opentelemetry/sdk-metrics");
const reader = new PeriodicExportingMetricReader({ exporter: new ConsoleMetricExporter(), exportIntervalMillis: 3600000 });
const mp = new MeterProvider({ readers: [reader] });
const meter = mp.getMeter("berths.reconcile");
const synced = meter.createCounter("berth.synced", { description: "berths synced" });
const failed = meter.createCounter("berth.sync_failures", { description: "berth syncs that failed" });
const dur = meter.createHistogram("reconcile.duration", { unit: "ms", description: "reconcile batch duration" });
let seed = Number(process.argv[3]);
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
for (let i = 0; i < Number(process.argv[2]); i++) {
  const berth = 1 + Math.floor(rnd() * 45);
  if (berth > 40) failed.add(1, { reason: "beyond_quay" });
  else if (rnd() < 0.1) failed.add(1, { reason: "ledger_locked" });
  else synced.add(1, { quay: berth <= 20 ? "north" : "south" });
  dur.record(5 + rnd() * 300, { quay: berth <= 20 ? "north" : "south" });
}
mp.forceFlush().then(() => mp.shutdown());
'''


def otel_node(tmp: Path) -> None:
    d = tmp / "otel-node"
    write_tree(d, {"reconcile.js": OTEL_NODE})
    (d / "node_modules").symlink_to(JS / "node_modules")
    cap("otel-node-spans", "node reconcile.js 5 59", d, n_otel_node)
    write_tree(d, {"meters.js": OTEL_NODE_METRICS})
    cap("otel-node-metrics", "node meters.js 300 59", d, n_otel_node_metrics)
    cap("otel-node-metrics-echo", "node meters.js 1200 5; echo EXIT=$?", d, n_otel_node_metrics)
    cap("otel-node-spans-big", "node reconcile.js 30 17 2>&1 | head -n 900", d, n_otel_node)


STEPS = [tidewatch, otel, otel_logs, berths, pilots, siege, otel_node]
