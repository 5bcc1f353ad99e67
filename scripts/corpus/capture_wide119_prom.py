"""Round 119's Prometheus on loopback and the extractors of its kinds (NEEDLES.md, "Round 119"): the `beacon` harbour
fleet's hosts, each an exporter written here (disk free ratios, queue depths, lamp voltages, request counters from a
seeded generator), one target left down, alerting rules that fire or stay pending and a recording rule that fails;
history backfilled with `promtool tsdb create-blocks-from openmetrics` from a seeded tide-gauge generator and read back
with promtool. Alertmanager (amtool) when Debian's package is here. Run through capture_wide119.py."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide119 import add, cap, client_errors, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


def _float(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


@cm.kind("prometheus-query-api", "json")
def n_prom_query(lines):
    """Rule 4 over the series lines (labels categorical, the sample value or a range's last value numeric): the lines holding the minimum and maximum value, every series whose label value is rare; every error/errorType line; EXIT=N."""
    rows, out = [], []
    for ln in lines:
        s = ln.strip()
        if re.search(r'"(error|errorType)"\s*:', s):
            out.append(ln)
        if not s.startswith("{"):
            continue
        try:
            obj = json.loads(s)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        labels = obj.get("metric", obj.get("labels", {}))
        if not isinstance(labels, dict):
            continue
        v = None
        if isinstance(obj.get("value"), list):
            v = obj["value"][1]
        elif isinstance(obj.get("values"), list) and obj["values"]:
            v = obj["values"][-1][1]
        elif isinstance(obj.get("last"), list):
            v = obj["last"][1]
        elif "value" in obj:
            v = obj["value"]
        row = {k: str(x) for k, x in labels.items()}
        row["__value"] = _float(v)
        rows.append((ln, row))
    cats = sorted({k for _, r in rows for k in r if k != "__value"})
    return out + rule4(rows, cat=cats, nums=("__value",)) + client_errors(lines) + exit_lines(lines)


def _jkey(ln):
    m = re.match(r'^\s*"([^"]+)":\s*(.*?),?$', ln)
    return (m.group(1), m.group(2)) if m else (None, None)


@cm.kind("prometheus-rules-api", "json")
def n_prom_rules(lines):
    """Rule 5: every group's "name" line with its "file" line; the "name" line of every rule whose state is firing or pending and each distinct such "state" line; every "health" line not "ok" and every non-empty "lastError" line; EXIT=N."""
    out = []
    # a group opens with "name" then "file"; a rule's entry holds "state" after its "name"
    for i, ln in enumerate(lines):
        k, v = _jkey(ln)
        if k == "file":
            out.append(ln)
            for j in range(i - 1, max(-1, i - 4), -1):
                if _jkey(lines[j])[0] == "name":
                    out.append(lines[j])
                    break
        elif k == "state" and v.strip('"') in ("firing", "pending"):
            out.append(ln)
            ind = len(ln) - len(ln.lstrip())
            lo = i
            while lo > 0 and len(lines[lo - 1]) - len(lines[lo - 1].lstrip()) >= ind:
                lo -= 1
            hi = i
            while hi + 1 < len(lines) and len(lines[hi + 1]) - len(lines[hi + 1].lstrip()) >= ind:
                hi += 1
            for j in range(lo, hi + 1):  # the rule entry holding this state: its own "name"
                if _jkey(lines[j])[0] == "name" and len(lines[j]) - len(lines[j].lstrip()) == ind:
                    out.append(lines[j])
                    break
        elif k == "health" and v.strip('"') != "ok":
            out.append(ln)
        elif k == "lastError" and v.strip('"') and v != "null":
            out.append(ln)
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("prometheus-alerts-api", "json")
def n_prom_alerts(lines):
    """Rule 5: every "alertname" line and the label line telling alerts of one name apart ("instance", else "mountpoint"/"job"), every distinct "state" line, every "summary" line; EXIT=N."""
    out = []
    for ln in lines:
        k, _ = _jkey(ln)
        if k in ("alertname", "instance", "state", "summary"):
            out.append(ln)
    if not any(_jkey(ln)[0] == "instance" for ln in lines):
        out += [ln for ln in lines if _jkey(ln)[0] in ("mountpoint", "job")]
    return out + client_errors(lines) + exit_lines(lines)


@cm.kind("promtool-tsdb-analyze", "table")
def n_tsdb_analyze(lines):
    """Rule 5: the Block ID, Duration, Series/Total Series, Label names, Postings and Postings entries lines, every section header (a line ending in ':') and the first entry under each; Error lines; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Block ID|Duration|Series|Total Series|Label names|Postings \(unique|Postings entries)\b.*:\s*\S",
                    ln):
            out.append(ln)
        elif ln.rstrip().endswith(":") and ln.strip():
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].rstrip().endswith(":"):
                out.append(lines[i + 1])
        elif re.search(r"\berror\b", ln, re.I):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("promtool-tsdb-blocks", "table")
def n_tsdb_blocks(lines):
    """Rule 4: the BLOCK ULID header row, the rows holding the minimum and maximum of samples, chunks, series and size; the closing count / error line; EXIT=N."""
    head = [ln for ln in lines if ln.startswith("BLOCK ULID")]
    rows = []
    for ln in lines:
        f = ln.split()
        if len(f) >= 8 and re.match(r"^[0-9A-Z]{26}$", f[0]):
            rows.append((ln, {"samples": f[-4], "chunks": f[-3], "series": f[-2], "size": f[-1]}))
    errs = [ln for ln in lines if re.search(r"error|failed|invalid", ln, re.I)]
    return rule4(rows, nums=("samples", "chunks", "series", "size"), header=head) + errs + exit_lines(lines)


PQ_ROW = re.compile(r"^([A-Za-z_:][\w:]*)?\{(.*)\} => (\S+) @\[")
PQ_HEAD = re.compile(r"^([A-Za-z_:][\w:]*)?\{.*\} =>\s*$")
PQ_SERIES = re.compile(r"^\{(.*)\}$")


def _labels(s):
    return dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', s))


@cm.kind("promtool-query", "table")
def n_promtool_query(lines):
    """Rule 4/5: instant -> rule 4 over the metric{labels} => value rows (rare label values, extreme values); range -> every series header line and the first and last sample under the first; series -> rare-label series lines (rule 4); Error lines; EXIT=N."""
    rows, series, heads, out = [], [], [], []
    for i, ln in enumerate(lines):
        m = PQ_ROW.match(ln)
        if m:
            r = _labels(m.group(2))
            r["__value"] = _float(m.group(3))
            rows.append((ln, r))
        elif PQ_HEAD.match(ln):
            heads.append(i)
        elif PQ_SERIES.match(ln.strip()):
            series.append((ln, _labels(ln)))
        elif re.search(r"^Error|error:", ln, re.I):
            out.append(ln)
    cats = sorted({k for _, r in rows for k in r if k != "__value"})
    out += rule4(rows, cat=cats, nums=("__value",))
    for i in heads:
        out.append(lines[i])
    if heads:
        i = heads[0]
        end = heads[1] if len(heads) > 1 else len(lines)
        samples = [ln for ln in lines[i + 1:end] if "@[" in ln]
        if samples:
            out += [samples[0], samples[-1]]
    scats = sorted({k for _, r in series for k in r})
    out += rule4(series, cat=scats)
    return out + exit_lines(lines)


@cm.kind("amtool-alert-query", "table")
def n_amtool_query(lines):
    """Rule 4: the header row, rows whose alertname or a label is rare, the earliest and latest Starts At; Error lines; EXIT=N."""
    head = [ln for ln in lines if ln.startswith("Alertname")]
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+)\s+(.*)$", ln)
        if m and not ln.startswith("Alertname"):
            rows.append((ln, {"alertname": m.group(1), "starts": m.group(2), "summary": m.group(3).strip()[:40]}))
    out = rule4(rows, cat=("alertname",), header=head)
    if rows:
        ordered = sorted(rows, key=lambda r: r[1]["starts"])
        out += [ordered[0][0], ordered[-1][0]]
    return out + client_errors(lines) + [ln for ln in lines if re.match(r"^(amtool: )?error", ln, re.I)] + \
        exit_lines(lines)


@cm.kind("amtool-check-config", "lint")
def n_amtool_check(lines):
    """Rule 1/3: every error line, the Checking '...' SUCCESS|FAILED line and the found-counts lines (- N receivers, - N templates ...); EXIT=N."""
    return [ln for ln in lines if re.search(r"error|FAILED|SUCCESS|^\s*- \d+ ", ln, re.I)] + exit_lines(lines)


# ------------------------------------------------------------------ the fleet's exporters

EXPORTER = r'''
import random, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MOUNTS = [("/", "sda1"), ("/var", "sda2"), ("/srv/charts", "sdb1"), ("/srv/ais", "sdb2"), ("/var/log", "sda3"),
          ("/home", "sdc1"), ("/srv/radar", "sdd1"), ("/tmp", "tmpfs")]
QUEUES = ["ais-ingest", "radar-frames", "tide-readings", "lamp-commands", "notice-mariners", "berth-requests",
          "pilot-bookings", "weather-feed", "buoy-telemetry", "alarm-fanout", "chart-updates", "audit"]

def body(host, seed):
    rng = random.Random(seed * 1000 + int(time.time() // 30))
    out = []
    out.append("# TYPE harbour_disk_free_ratio gauge")
    for mp, dev in MOUNTS:
        base = random.Random(f"{host}{mp}").uniform(0.15, 0.9)
        if (host, mp) in (("host-c", "/srv/radar"), ("host-e", "/var/log"), ("host-a", "/srv/ais")):
            base = random.Random(f"{host}{mp}").uniform(0.01, 0.06)
        out.append(f'harbour_disk_free_ratio{{mountpoint="{mp}",device="{dev}"}} {base + rng.uniform(-0.005, 0.005):.4f}')
    out.append("# TYPE harbour_queue_depth gauge")
    for q in QUEUES:
        d = rng.randint(0, 120)
        if (host, q) in (("host-b", "radar-frames"), ("host-d", "ais-ingest")):
            d = rng.randint(900, 1400)
        out.append(f'harbour_queue_depth{{queue="{q}"}} {d}')
    out.append("# TYPE harbour_lamp_voltage gauge")
    for m in range(18):
        mark = f"{host[-1].upper()}{m:03d}"
        v = random.Random(f"{host}{m}").uniform(11.6, 13.8) + rng.uniform(-0.05, 0.05)
        if (host, m) in (("host-a", 7), ("host-c", 12), ("host-e", 3)):
            v = random.Random(f"{host}{m}").uniform(9.2, 10.6)
        out.append(f'harbour_lamp_voltage{{mark="{mark}",colour="{["red","green","white","yellow"][m % 4]}"}} {v:.3f}')
    out.append("# TYPE harbour_http_requests_total counter")
    for code in ("200", "304", "404", "500"):
        for h in ("/api/marks", "/api/notices", "/api/tides"):
            n = int(time.time() - 1.7e9) * (50 if code == "200" else 3 if code != "500" else 1)
            out.append(f'harbour_http_requests_total{{code="{code}",handler="{h}"}} {n}')
    return "\n".join(out) + "\n"

def serve(host, seed, port):
    class H(BaseHTTPRequestHandler):
        def do_GET(self):
            data = body(host, seed).encode()
            self.send_response(200); self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
        def log_message(self, *a):
            pass
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()

for i, spec in enumerate(sys.argv[1:]):
    host, port = spec.split("=")
    threading.Thread(target=serve, args=(host, i, int(port)), daemon=True).start()
while True:
    time.sleep(3600)
'''

RULES = """groups:
  - name: harbour-disk
    interval: 2s
    rules:
      - alert: DiskAlmostFull
        expr: harbour_disk_free_ratio < 0.08
        labels:
          severity: critical
        annotations:
          summary: "{{ $labels.instance }} {{ $labels.mountpoint }} has {{ $value | humanizePercentage }} free"
      - alert: DiskFillingUp
        expr: harbour_disk_free_ratio < 0.20
        for: 30m
        labels:
          severity: warning
        annotations:
          summary: "{{ $labels.instance }} {{ $labels.mountpoint }} below 20% free"
      - record: harbour:disk_free:by_host
        expr: harbour_disk_free_ratio
        labels:
          mountpoint: all
          device: all
  - name: harbour-lamps
    interval: 2s
    rules:
      - alert: LampVoltageLow
        expr: harbour_lamp_voltage < 11
        labels:
          severity: warning
        annotations:
          summary: "mark {{ $labels.mark }} on {{ $labels.instance }} at {{ $value }} V"
      - alert: AllLampsDark
        expr: count(harbour_lamp_voltage > 11) == 0
        labels:
          severity: critical
        annotations:
          summary: "no lamp of the fleet reports voltage"
      - record: harbour:lamp_voltage:avg
        expr: avg by (instance) (harbour_lamp_voltage)
  - name: harbour-queues
    interval: 2s
    rules:
      - alert: QueueBacklog
        expr: harbour_queue_depth > 800
        for: 20m
        labels:
          severity: warning
        annotations:
          summary: "queue {{ $labels.queue }} on {{ $labels.instance }} holds {{ $value }} messages"
      - alert: TargetDown
        expr: up == 0
        labels:
          severity: critical
        annotations:
          summary: "{{ $labels.job }} target {{ $labels.instance }} is down"
      - record: harbour:requests:rate1m
        expr: sum by (instance, code) (rate(harbour_http_requests_total[1m]))
"""

HOSTS = [f"host-{c}" for c in "abcdefghijkl"]
GAUGES = [f"TG{n:03d}" for n in range(1, 121)]


def openmetrics(now: int, rng: random.Random) -> str:
    """48 hours of tide-gauge and berth samples, five minutes apart, ending two hours before now."""
    import math
    start = (now - 50 * 3600) // 300 * 300
    out = ["# HELP harbour_tide_level_metres Water level at the gauge.", "# TYPE harbour_tide_level_metres gauge"]
    for g in GAUGES:
        amp, ph = rng.uniform(1.2, 3.4), rng.uniform(0, 6.28)
        for t in range(start, start + 48 * 3600, 300):
            lvl = amp * math.sin(2 * math.pi * (t - start) / 44700 + ph) + rng.uniform(-0.03, 0.03)
            if g == "TG017" and t > start + 45 * 3600:
                lvl = -9.99  # a gauge that failed and reports its sentinel
            out.append(f'harbour_tide_level_metres{{gauge="{g}",basin="{"outer" if int(g[2:]) % 3 else "inner"}"}} '
                       f"{lvl:.3f} {t}")
    out += ["# HELP harbour_berth_occupied Vessels at the berth.", "# TYPE harbour_berth_occupied gauge"]
    for b in range(1, 61):
        occ = 0
        for t in range(start, start + 48 * 3600, 300):
            if rng.random() < 0.03:
                occ = 1 - occ
            out.append(f'harbour_berth_occupied{{berth="B{b:02d}"}} {occ} {t}')
    out.append("# EOF")
    return "\n".join(out) + "\n"


def prom_steps(tmp: Path) -> None:
    rng = random.Random(1191)
    d = tmp / "prom"
    d.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    (d / "tides.om").write_text(openmetrics(now, rng))
    data = d / "data"
    cap("tsdb-create-blocks", f"promtool tsdb create-blocks-from openmetrics tides.om {data}", d, n_tsdb_blocks,
        timeout=300)
    cap("tsdb-list-h", f"promtool tsdb list -r {data}; echo EXIT=$?", d, n_tsdb_blocks)
    cap("tsdb-analyze", f"promtool tsdb analyze {data}", d, n_tsdb_analyze, timeout=300)
    first = sorted(p.name for p in data.iterdir() if re.match(r"^[0-9A-Z]{26}$", p.name))
    if first:
        cap("tsdb-analyze-block", f"promtool tsdb analyze --limit=80 {data} {first[1 if len(first) > 1 else 0]}", d,
            n_tsdb_analyze, timeout=300)
    # the fleet and the server
    ports = [free_port() for _ in HOSTS]
    (d / "exporters.py").write_text(EXPORTER)
    cm.start(["python3", str(d / "exporters.py"), *[f"{h}={p}" for h, p in zip(HOSTS, ports)]])
    dead = free_port()
    pport = free_port()
    targets = ", ".join(f"'127.0.0.1:{p}'" for p in ports + [dead])
    (d / "rules.yml").write_text(RULES)
    (d / "prometheus.yml").write_text(
        f"global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n  external_labels:\n    site: beacon\n"
        f"rule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: harbour\n    static_configs:\n"
        f"      - targets: [{targets}]\n  - job_name: prometheus\n    static_configs:\n"
        f"      - targets: ['127.0.0.1:{pport}']\n")
    for p in ports:
        wait_port(p, 10)
    cm.start(["prometheus", f"--config.file={d / 'prometheus.yml'}", f"--storage.tsdb.path={data}",
              f"--web.listen-address=127.0.0.1:{pport}", "--storage.tsdb.retention.time=30d"],
             cwd=d, log=open(d / "prometheus.log", "wb"))
    wait_port(pport, 30)
    time.sleep(14)
    P = f"http://127.0.0.1:{pport}"
    cap("query-lamps", f"curl -s '{P}/api/v1/query?query=harbour_lamp_voltage' | jq -c '.data.result[]'", d,
        n_prom_query)
    cap("query-all", f"curl -s '{P}/api/v1/query' --data-urlencode 'query={{__name__=~\"harbour_.*\"}}' | "
        f"jq -c '.data.result[]' | head -n 100", d, n_prom_query)
    start, end = now - 10 * 3600, now - 2 * 3600
    cap("query-range-raw", f"curl -s '{P}/api/v1/query_range' --data-urlencode "
        f"'query=harbour_tide_level_metres{{basin=\"inner\"}}' -d start={start} -d end={end} -d step=900 | "
        f"jq -c '.data.result[]'", d, n_prom_query)
    cap("query-range-outer", f"curl -s '{P}/api/v1/query_range' --data-urlencode "
        f"'query=harbour_tide_level_metres{{basin=\"outer\"}}' -d start={end - 8 * 3600} -d end={end} -d step=900 | "
        f"jq -c '.data.result[]'", d, n_prom_query)
    cap("query-bad", f"curl -s '{P}/api/v1/query' --data-urlencode 'query=rate(harbour_queue_depth[5m]' | jq .; "
        f"curl -s '{P}/api/v1/query' --data-urlencode 'query=harbour:lamp_voltage:avg' | jq -c '.data.result[]'; "
        f"echo EXIT=$?", d, n_prom_query)
    cap("rules-api", f"curl -s {P}/api/v1/rules | jq .", d, n_prom_rules)
    cap("rules-api-alerting", f"curl -s '{P}/api/v1/rules?type=alert' | jq '.data.groups[].rules[] | "
        f"{{name, state, health, lastError, alerts: (.alerts | length)}}'", d, n_prom_rules)
    cap("alerts-api", f"curl -s {P}/api/v1/alerts | jq .", d, n_prom_alerts)
    cap("alerts-api-firing", f"curl -s {P}/api/v1/alerts | jq '.data.alerts[] | select(.state == \"firing\") | "
        f"{{labels, annotations}}' | head -n 120", d, n_prom_alerts)
    cap("promtool-instant-up", f"promtool query instant {P} 'up'; promtool query instant {P} "
        f"'harbour_queue_depth > 100'; echo EXIT=$?", d, n_promtool_query)
    cap("promtool-range", f"promtool query range --start={start} --end={end} --step=20m {P} "
        f"'harbour_tide_level_metres{{basin=\"inner\"}}'", d, n_promtool_query)
    cap("promtool-series", f"promtool query series {P} --match='harbour_lamp_voltage' --match=up", d,
        n_promtool_query)
    cap("promtool-instant-bad", f"promtool query instant {P} 'sum by (instance) (harbour_queue_depth' ; "
        f"promtool query instant http://127.0.0.1:{dead} 'up'; promtool query instant {P} 'harbour_lamp_voltage < 12.2'; "
        f"echo EXIT=$?", d, n_promtool_query)
    alertmanager(tmp, d, P)


AM_CONF = """route:
  receiver: harbour-ops
  group_by: [alertname, instance]
  routes:
    - matchers: [severity="critical"]
      receiver: pager
receivers:
  - name: harbour-ops
    webhook_configs:
      - url: http://127.0.0.1:9/hook
  - name: pager
    webhook_configs:
      - url: http://127.0.0.1:9/page
inhibit_rules:
  - source_matchers: [alertname="TargetDown"]
    target_matchers: [alertname="QueueBacklog"]
    equal: [instance]
"""

AM_BAD = """route:
  receiver: harbour-ops
  group_by: [alertname
receivers:
  - name: ops
    webhook_configs:
      - url: http://127.0.0.1:9/hook
"""

AM_BAD3 = """route:
  receiver: pager
  routes:
    - matchers: [severity=~"warn(ing"]
      receiver: nobody
receivers:
  - name: pager
    pagerduty_configs:
      - routing_key: abc
templates:
  - /srv/beacon/templates/*.tmpl
"""

AM_OK2 = """global:
  resolve_timeout: 10m
route:
  receiver: ops
  group_by: [alertname]
  group_wait: 10s
  routes:
    - matchers: [team="lamps"]
      receiver: lamps
    - matchers: [team="radar"]
      receiver: radar
receivers:
  - name: ops
  - name: lamps
    webhook_configs:
      - url: http://127.0.0.1:9/lamps
  - name: radar
    webhook_configs:
      - url: http://127.0.0.1:9/radar
templates:
  - templates/*.tmpl
"""

AM_BAD2 = """route:
  receiver: harbour-ops
receivers:
  - name: ops
    email_configs:
      - to: ops@beacon.example
"""


def alertmanager(tmp: Path, d: Path, P: str) -> None:
    am = next((t for t in ("prometheus-alertmanager", "alertmanager") if cm.have(t, "alertmanager")), None)
    if not am or not cm.have("amtool", "amtool"):
        return
    (d / "alertmanager.yml").write_text(AM_CONF)
    (d / "bad.yml").write_text(AM_BAD)
    (d / "bad2.yml").write_text(AM_BAD2)
    (d / "routing.yml").write_text(AM_BAD3)
    (d / "lamps.yml").write_text(AM_OK2)
    cap("amtool-check", "amtool check-config alertmanager.yml bad.yml bad2.yml routing.yml lamps.yml; echo EXIT=$?",
        d, n_amtool_check)
    aport, cport = free_port(), free_port()
    cm.start([am, f"--config.file={d / 'alertmanager.yml'}", f"--storage.path={d / 'am'}",
              f"--web.listen-address=127.0.0.1:{aport}", f"--cluster.listen-address=127.0.0.1:{cport}"],
             cwd=d, log=open(d / "alertmanager.log", "wb"))
    wait_port(aport, 20)
    # Prometheus's alerts pushed as its notifier would, through the v2 API
    alerts = json.loads(run(f"curl -s {P}/api/v1/alerts"))["data"]["alerts"]
    push = [{"labels": a["labels"], "annotations": a["annotations"], "startsAt": a["activeAt"]} for a in alerts
            if a["state"] == "firing"]
    # and the buoy-position watcher's alerts, another source, from a seeded generator
    rng = random.Random(1192)
    t0 = time.time()
    for n in range(46):
        kind = "BuoyOffPosition" if n not in (11, 29) else "RadarBlindSector"
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0 - rng.randint(60, 9 * 3600)))
        push.append({"labels": {"alertname": kind, "buoy": f"BU{rng.randint(1, 360):04d}", "severity": "warning",
                                "team": "lamps" if kind.startswith("Buoy") else "radar"},
                     "annotations": {"summary": f"{'drift' if kind.startswith('Buoy') else 'sector'} "
                                                f"{rng.randint(40, 900)} m off charted position"},
                     "startsAt": at})
    (d / "push.json").write_text(json.dumps(push))
    run(f"curl -s -XPOST -H 'Content-Type: application/json' --data @push.json "
        f"http://127.0.0.1:{aport}/api/v2/alerts", cwd=d)
    time.sleep(2)
    A = f"--alertmanager.url=http://127.0.0.1:{aport}"
    cap("amtool-query", f"amtool alert query {A}", d, n_amtool_query)
    cap("amtool-query-buoys", f"amtool alert query {A} alertname=~'Buoy.*|Radar.*' | head -n 40", d, n_amtool_query)


STEPS = [prom_steps]
