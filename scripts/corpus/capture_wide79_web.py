"""Round 79's Prometheus, Caddy and etcd on loopback, and the extractors of their kinds (NEEDLES.md, "Round 79"):
the `meteo` weather-station network's alert rules (a generated file of 60+ rules with mistakes put in), rule unit
tests that fail, a metrics server scraping exporters of which several are down or serve bad text, a reverse proxy in
front of an ingest API with one upstream down, and a key-value store of station settings filled until its quota
alarm fires. Run through capture_wide79.py."""

from __future__ import annotations

import json
import random
import re
import threading
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4, wait_port
from capture_wide79 import cap

STATUS = re.compile(r"^EXIT=\d+$")
CITIES = ["oslo", "bergen", "tromso", "lyon", "brest", "nice", "porto", "faro", "gent", "graz", "linz", "riga",
          "turku", "umea", "cork", "split"]


def _status(lines):
    """Rule 3: the `EXIT=N` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if STATUS.match(ln.strip())]


def _shape(s: str) -> str:
    return cm.mask(s)


def stations(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(CITIES)}-{k:02d}" for k in range(n)]


# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

@cm.kind("promtool-check-config", "lint")
def n_check_config(lines):
    """Rule 5: every 'Checking <file>' line, every line holding FAILED, SUCCESS or error, every rule-file line."""
    out = [ln for ln in lines if re.match(r"^\s*Checking ", ln) or re.search(r"FAILED|SUCCESS|error", ln, re.I)
           or re.match(r"^\s+\S+\.ya?ml\s*$", ln)]
    return out + _status(lines)


@cm.kind("promtool-check-rules", "lint")
def n_check_rules(lines):
    """Rule 5: 'Checking' lines, FAILED lines, every error line after them alone, 'SUCCESS: N rules found' lines, lint findings one {any} per shape."""
    out, lint = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Checking ") or "FAILED" in s or s.startswith("SUCCESS"):
            out.append(ln)
        elif re.match(r"^\S+\.ya?ml: ", s) or re.search(r"\berror\b", s, re.I):
            out.append(ln)
        elif re.match(r"^(Metric|Label\(s\)):", s) or s.startswith("Might cause"):
            lint.append((_shape(re.sub(r":.*", ":", s)), ln))
    return out + cm.groups(lint) + _status(lines)


@cm.kind("promtool-test-rules", "test")
def n_test_rules(lines):
    """Rule 5: 'Unit Testing:' lines, FAILED lines, each failing case's header (alertname/expr/name with its time), its first exp: and got: lines, error lines, SUCCESS."""
    out = []
    want_exp = want_got = False
    for ln in lines:
        s = ln.strip()
        if s.startswith("Unit Testing:") or "FAILED" in s or s.startswith("SUCCESS"):
            out.append(ln)
        elif re.match(r"^(alertname|expr|name): .*time: ", s):
            out.append(ln)
            want_exp = want_got = True
        elif want_exp and s.startswith("exp:"):
            out.append(ln)
            want_exp = False
        elif want_got and s.startswith("got:"):
            out.append(ln)
            want_got = False
        elif re.search(r"\berror\b|could not", s, re.I):
            out.append(ln)
    return out + _status(lines)


def _logfmt(ln: str) -> dict:
    return {m.group(1): m.group(2) or m.group(3) for m in re.finditer(r'(\w[\w.]*)=(?:"((?:[^"\\]|\\.)*)"|(\S+))', ln)}


@cm.kind("prometheus-log", "log")
def n_prom_log(lines):
    """Rules 1+5: every level=error line alone; level=warn one {any} per (caller, msg shape); Starting Prometheus, Server is ready, every Completed loading / Error loading config line."""
    out, warn = [], []
    for ln in lines:
        f = _logfmt(ln)
        lvl = f.get("level", "")
        if lvl == "error" or "Error loading config" in ln:
            out.append(ln)
        elif lvl == "warn":
            warn.append(((f.get("caller", "").split(":")[0], _shape(f.get("msg", ""))), ln))
        elif re.search(r"Starting Prometheus|Server is ready to receive web requests|Completed loading of "
                       r"configuration file", ln):
            out.append(ln)
    return out + cm.groups(warn) + _status(lines)


@cm.kind("prometheus-targets-api", "json")
def n_targets(lines):
    """Rule 5: the "status" line; each target not up: its "scrapeUrl", "health" and "lastError" lines; the "job" lines of a job with a down target, one {any} per job; the "droppedTargets" line."""
    out = []
    jobs: dict = {}
    bad_jobs = set()
    url = job = err = None
    for ln in lines:
        s = ln.strip()
        if re.match(r'^"status": ', s):
            out.append(ln)
        elif s.startswith('"droppedTargets"'):
            out.append(ln)
        elif s.startswith('"job": '):
            job = s
            jobs.setdefault(s, []).append(ln)
        elif s.startswith('"scrapeUrl"'):
            url, err = ln, None
        elif s.startswith('"lastError"'):
            err = ln if not re.match(r'^"lastError": ""', s) else None
        elif s.startswith('"health"') and '"up"' not in s:
            out += [x for x in (url, ln, err) if x]
            if job:
                bad_jobs.add(job)
    out += [cm.any_of(jobs[j]) for j in jobs if j in bad_jobs]
    return out + _status(lines)


def _caddy_err(lines):
    out, warn = [], []
    for ln in lines:
        if re.search(r'Error:|"level":"(error|fatal|panic)"|\tERROR\t| ERROR ', ln):
            out.append(ln)
        elif re.search(r'"level":"warn"|\tWARN\t| WARN ', ln):
            m = re.search(r'"msg":"([^"]*)"', ln)
            warn.append((_shape(m.group(1) if m else ln), ln))
        elif "Valid configuration" in ln:
            out.append(ln)
    return out, warn


@cm.kind("caddy-validate", "lint")
def n_caddy_validate(lines):
    """Rule 5: every Error: / level error line alone, warning lines one {any} per message shape, the 'Valid configuration' line."""
    out, warn = _caddy_err(lines)
    return out + cm.groups(warn) + _status(lines)


@cm.kind("caddy-adapt", "json")
def n_caddy_adapt(lines):
    """Rule 5: every "listen" entry, every "dial" line, every host in a "host" matcher list, "handler" lines one {any} per handler; Error:/warning lines as caddy-validate."""
    out, handlers = [], {}
    in_listen = in_host = False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"listen": ['):
            in_listen = True
            continue
        if s.startswith('"host": ['):
            in_host = True
            continue
        if (in_listen or in_host) and s.startswith("]"):
            in_listen = in_host = False
            continue
        if in_listen or in_host:
            out.append(ln)
        elif s.startswith('"dial"'):
            out.append(ln)
        elif s.startswith('"handler"'):
            handlers.setdefault(s.rstrip(","), []).append(ln)
    err, warn = _caddy_err(lines)
    return out + [cm.any_of(v) for v in handlers.values()] + err + cm.groups(warn) + _status(lines)


def _json_line(ln: str):
    i = ln.find("{")
    if i < 0:
        return None
    try:
        return json.loads(ln[i:])
    except ValueError:
        return None


@cm.kind("caddy-access-log", "log")
def n_caddy_log(lines):
    """Rules 1+4: every "level":"error" (fatal, panic) line alone; warn one {any} per (logger, msg); rule 4 on access records: categorical status, method, host; numeric duration, size."""
    out, warn, rows = [], [], []
    for ln in lines:
        r = _json_line(ln)
        if not isinstance(r, dict):
            continue
        lvl = r.get("level")
        if lvl in ("error", "fatal", "panic"):
            out.append(ln)
        elif lvl == "warn":
            warn.append(((r.get("logger"), r.get("msg")), ln))
        if "status" in r and isinstance(r.get("request"), dict):
            q = r["request"]
            rows.append((ln, {"status": str(r["status"]), "method": q.get("method"), "host": q.get("host"),
                              "duration": r.get("duration"), "size": r.get("size")}))
    return out + cm.groups(warn) + rule4(rows, cat=("status", "method", "host"), nums=("duration", "size")) + \
        _status(lines)


@cm.kind("etcdctl-table", "table")
def n_etcd_table(lines):
    """Rule 5: the header row and every data row of the table, and any Error: line."""
    out = [ln for ln in lines if ln.startswith("|")]
    out += [ln for ln in lines if re.search(r"Error:|\bfailed\b|unhealthy", ln, re.I)]
    return out + _status(lines)


@cm.kind("etcdctl-get", "listing")
def n_etcd_get(lines):
    """Rule 5: the first and last key line; rule 4 on keys by their parent; every value line holding error, fault or disabled; every Error: / level warn line alone."""
    keys = [ln for ln in lines if ln.startswith("/")]
    out = [keys[0], keys[-1]] if keys else []
    rows = [(k, {"parent": k.rsplit("/", 1)[0]}) for k in keys]
    out += rule4(rows, cat=("parent",))
    out += [ln for ln in lines if not ln.startswith("/") and re.search(r"error|fault|disabled", ln, re.I)]
    out += [ln for ln in lines if re.search(r'Error:|"level":"warn"', ln)]
    return out + _status(lines)


@cm.kind("etcd-log", "log")
def n_etcd_log(lines):
    """Rules 1+5: error/fatal/panic lines alone; warn one {any} per msg; the "etcd-version" line, 'ready to serve client requests' lines, slow / took too long lines one {any} per msg."""
    out, warn = [], []
    for ln in lines:
        r = _json_line(ln)
        if not isinstance(r, dict):
            continue
        lvl, msg = r.get("level"), str(r.get("msg", ""))
        if lvl in ("error", "fatal", "panic"):
            out.append(ln)
        elif lvl == "warn":
            warn.append((msg, ln))
        elif '"etcd-version"' in ln or "ready to serve client requests" in msg:
            out.append(ln)
        elif msg.startswith("slow") or "took too long" in msg:
            warn.append((msg, ln))
    return out + cm.groups(warn) + _status(lines)


# ------------------------------------------------------------------ promtool: rule files with mistakes, failing tests

METRICS = ["temp_c", "humidity_pct", "pressure_hpa", "wind_ms", "rain_mm", "battery_v", "uplink_rssi_dbm"]


def rule_file(seed: int, n: int, mistakes: bool) -> str:
    """A generated alert/recording rule file; with `mistakes`, about one rule in five carries one."""
    rnd = random.Random(seed)
    out = ["groups:"]
    for g in range(max(1, n // 8)):
        out += [f"  - name: meteo-{['stations', 'uplink', 'power', 'ingest', 'storage', 'forecast', 'alerts', 'sla'][g % 8]}-{g}",
                "    interval: 30s", "    rules:"]
        for r in range(8):
            k = g * 8 + r
            m = METRICS[k % len(METRICS)]
            st = rnd.choice(CITIES)
            bad = rnd.random() < 0.22 if mistakes else 0
            if r % 3 == 0:
                expr = f"avg by (station) (avg_over_time({m}[5m]))"
                if bad:
                    expr = rnd.choice([f"avg by (station) (avg_over_time({m}[5m])", f"avg by station ({m})",
                                       f"rate({m}[5x])", f"sum({m}) by (station) offset"])
                name = f"station:{m}:avg5m" if not (bad and rnd.random() < 0.3) else f"station-{m}-avg5m"
                out += [f"      - record: {name}", f"        expr: {expr}"]
            else:
                expr = f'{m}{{station=~"{st}-.*"}} > {rnd.randint(5, 90)}'
                if bad:
                    expr = rnd.choice([f'{m}{{station=~"{st}-.*"}} >', f'{m}{{station=~"{st}-.*"}} > > 3',
                                       f'{m}{{station=~"{st}-.*}} > 4', f'histogram_quantile(0.9, {m}',
                                       f'absent({m}{{station="{st}-01"}}, 5)'])
                alert = f"Meteo{m.title().replace('_', '')}High{k}"
                out += [f"      - alert: {alert}", f"        expr: {expr}", f"        for: {rnd.choice(['1m', '5m', '15m'])}",
                        "        labels:", f"          severity: {rnd.choice(['page', 'ticket', 'ticket'])}"]
                if bad and rnd.random() < 0.4:
                    out.append(f"          {rnd.choice(['team-name', '0tier', 'on call'])}: weather")
                out += ["        annotations:",
                        f'          summary: "{m} high at {{{{ $labels.station }}}}"' if not (bad and rnd.random() < 0.5)
                        else f'          summary: "{m} high at {{{{ $labels.station }}"',
                        f'          runbook: "https://runbooks.meteo.test/{m}"']
    return "\n".join(out) + "\n"


OK_RULES = """groups:
  - name: meteo-core
    rules:
      - alert: StationDown
        expr: up{job="stations"} == 0
        for: 2m
        labels: {severity: page}
        annotations: {summary: "station {{ $labels.instance }} down"}
      - alert: TempHigh
        expr: temp_c > 35
        for: 5m
        labels: {severity: ticket}
      - alert: BatteryLow
        expr: battery_v < 3.4
        labels: {severity: ticket}
      - alert: UplinkWeak
        expr: avg_over_time(uplink_rssi_dbm[10m]) < -110
        for: 10m
        labels: {severity: ticket}
      - record: station:rain_mm:rate5m
        expr: rate(rain_mm_total[5m])
      - record: station:temp_c:max1h
        expr: max_over_time(temp_c[1h])
      - record: station:temp_c:max1h
        expr: max_over_time(temp_c[1h])
      - alert: IngestErrors
        expr: sum(rate(ingest_errors_total[5m])) > 1
        labels: {severity: page}
"""


def tests_file(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    st = stations(seed, 30)
    out = ["rule_files:", "  - ok.yml", "evaluation_interval: 1m", "tests:"]
    for t in range(n):
        s = st[t % len(st)]
        temp0 = rnd.randint(20, 40)
        bv = rnd.choice(["3.3", "3.6", "3.9"])
        out += ["  - interval: 1m", "    input_series:",
                f"      - series: 'temp_c{{station=\"{s}\"}}'", f"        values: '{temp0}+0x30'",
                f"      - series: 'battery_v{{station=\"{s}\"}}'", f"        values: '{bv}x30'",
                f"      - series: 'up{{job=\"stations\", instance=\"{s}:9100\"}}'",
                f"        values: '{rnd.choice(['1x30', '0x30', '1x10 0x20'])}'",
                "    alert_rule_test:"]
        fails = rnd.random() < 0.3
        hot = temp0 > 35
        exp_hot = (not hot) if fails and rnd.random() < 0.5 else hot
        out += ["      - eval_time: 10m", "        alertname: TempHigh"]
        out += (["        exp_alerts:", "          - exp_labels:", "              severity: ticket",
                 f"              station: {s if not fails else st[(t + 1) % len(st)]}"] if exp_hot
                else ["        exp_alerts: []"])
        low = bv == "3.3"
        out += ["      - eval_time: 5m", "        alertname: BatteryLow"]
        out += (["        exp_alerts:", "          - exp_labels:", "              severity: ticket",
                 f"              station: {s}"] if low != (fails and rnd.random() < 0.4) else ["        exp_alerts: []"])
        out += ["    promql_expr_test:", f"      - expr: station:temp_c:max1h{{station=\"{s}\"}}",
                "        eval_time: 20m", "        exp_samples:",
                f"          - labels: 'station:temp_c:max1h{{station=\"{s}\"}}'",
                f"            value: {temp0 if not (fails and rnd.random() < 0.5) else temp0 + 1}"]
    return "\n".join(out) + "\n"


def promtool_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "stations.yml").write_text(rule_file(7901, 72, True))
    (d / "rules" / "uplink.yml").write_text(rule_file(7902, 24, True))
    (d / "rules" / "forecast.yml").write_text(rule_file(7903, 16, False))
    (d / "rules" / "ok.yml").write_text(OK_RULES)
    (d / "rules" / "power.yml").write_text(rule_file(7904, 8, False).replace("for: 5m", "for: 5 minutes", 1))
    (d / "prometheus.yml").write_text(
        "global:\n  scrape_interval: 15s\n  evaluation_interval: 30s\nrule_files:\n  - rules/*.yml\n"
        "scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:9090']\n")
    cap("promtool-check-rules-stations", "promtool check rules rules/stations.yml", d, n_check_rules)
    cap("promtool-check-rules-all-echo", "promtool check rules rules/*.yml; echo EXIT=$?", d, n_check_rules)
    cap("promtool-check-rules-grep-error", "promtool check rules rules/*.yml 2>&1 | grep -i error", d, n_check_rules)
    cap("promtool-check-config", "promtool check config prometheus.yml", d, n_check_config)
    (d / "rules" / "tests.yml").write_text(tests_file(7905, 30))
    (d / "rules" / "tests_bad.yml").write_text(tests_file(7906, 6).replace("  - ok.yml", "  - stations.yml"))
    cap("promtool-test-rules", "promtool test rules rules/tests.yml", d, n_test_rules)
    cap("promtool-test-rules-echo", "promtool test rules rules/tests.yml rules/tests_bad.yml; echo EXIT=$?", d,
        n_test_rules)
    cap("promtool-test-rules-tail-60", "promtool test rules rules/tests.yml 2>&1 | tail -n 60", d, n_test_rules)


# ------------------------------------------------------------------ the Prometheus server and its exporters

EXPORTER = r'''
import sys, threading, random
from http.server import HTTPServer, BaseHTTPRequestHandler
ports = [int(p) for p in sys.argv[1].split(",")]
bad = set(int(p) for p in sys.argv[2].split(",") if p)
def handler(port):
    class H(BaseHTTPRequestHandler):
        def do_GET(self):
            rnd = random.Random(port)
            st = f"st{port % 97}"
            if port in bad:
                body = f"# TYPE temp_c gauge\ntemp_c{{station={st}}} 12.5\n"
            else:
                body = "".join(f"# TYPE {m} gauge\n{m}{{station=\"{st}\"}} {rnd.uniform(0, 40):.2f}\n"
                               for m in ("temp_c", "humidity_pct", "battery_v"))
            data = body.encode()
            self.send_response(200); self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
        def log_message(self, *a):
            pass
    return H
for p in ports:
    threading.Thread(target=HTTPServer(("127.0.0.1", p), handler(p)).serve_forever, daemon=True).start()
threading.Event().wait()
'''


def prom_config(port: int, up: list[int], down: list[int], bad: list[int], broken: bool = False) -> str:
    tg = lambda ps: ", ".join(f"'127.0.0.1:{p}'" for p in ps)  # noqa: E731
    cfg = (f"global:\n  scrape_interval: 1s\n  scrape_timeout: 500ms\n  evaluation_interval: 2s\n"
           f"rule_files:\n  - rules/ok.yml\n"
           f"scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"
           f"  - job_name: stations\n    static_configs:\n      - targets: [{tg(up + bad)}]\n"
           f"        labels: {{network: meteo}}\n"
           f"  - job_name: stations-north\n    static_configs:\n      - targets: [{tg(down[:6])}]\n"
           f"  - job_name: uplink-gw\n    static_configs:\n      - targets: [{tg(down[6:])}]\n"
           f"    relabel_configs:\n      - source_labels: [__address__]\n        regex: '127.0.0.1:(.*)'\n"
           f"        target_label: gw_port\n      - source_labels: [gw_port]\n        regex: '.*[05]'\n"
           f"        action: drop\n")
    if broken:
        cfg = cfg.replace("scrape_timeout: 500ms", "scrape_timeout: 5s")  # longer than the interval
    return cfg


def prometheus_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "ok.yml").write_text(OK_RULES)
    ports = [free_port() for _ in range(16)]
    up, bad = ports[:13], ports[13:]
    down = [free_port() for _ in range(14)]
    (d / "exporter.py").write_text(EXPORTER)
    cm.start(["python3", "exporter.py", ",".join(map(str, ports)), ",".join(map(str, bad))], cwd=d)
    port = free_port()
    (d / "prometheus.yml").write_text(prom_config(port, up, down, bad))
    log = open(d / "prometheus.log", "w")
    p = cm.start(["prometheus", "--config.file=prometheus.yml", f"--web.listen-address=127.0.0.1:{port}",
                  "--storage.tsdb.path=data", "--log.level=debug", "--web.enable-lifecycle"], cwd=d, log=log)
    if not wait_port(port, 30):
        raise RuntimeError("prometheus did not start")
    time.sleep(12)
    (d / "prometheus.yml").write_text(prom_config(port, up, down, bad, broken=True))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(4)
    (d / "prometheus.yml").write_text(prom_config(port, up, down, bad))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(8)
    api = f"http://127.0.0.1:{port}/api/v1/targets"
    cap("curl-targets-jq", f"curl -s {api} | jq", d, n_targets)
    cap("curl-targets-jq-select-down", f"curl -s {api} | jq '.data.activeTargets[] | select(.health != \"up\") | "
        "{job: .labels.job, scrapeUrl, health, lastError}'", d, n_targets)
    cm.stop(p)  # its log then ends with the shutdown lines
    cap("prometheus-log-cat", "cat prometheus.log", d, n_prom_log)
    cap("prometheus-log-grep-v-debug", "grep -v 'level=debug' prometheus.log", d, n_prom_log)


# ------------------------------------------------------------------ Caddy in front of the ingest API

INGEST = r'''
import json, sys, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
rnd = random.Random(int(sys.argv[1]))
class H(BaseHTTPRequestHandler):
    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        if "station=gent" in self.path:
            return self._send(500, {"error": "station gent has no calibration row"})
        if self.path.startswith("/api/stations/"):
            return self._send(404, {"error": "unknown station"})
        self._send(200, {"readings": [{"t": i, "temp_c": round(rnd.uniform(-5, 30), 1)} for i in range(rnd.randint(1, 40))]})
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); body = self.rfile.read(n)
        if b'"temp_c": null' in body:
            return self._send(422, {"error": "temp_c is null"})
        self._send(201, {"stored": 1})
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

BAD_SITES = {
    "sites/10-dashboards.caddy": "{\n\tadmin off\n}\n:{port} {\n\troot * /srv/meteo/dash\n\tfile_server browse\n\tencode gzip zstd\n}\n",
    "sites/20-ingest.caddy": "{\n\tadmin off\n}\n:{port} {\n\treverse_proxy /api/* 127.0.0.1:9001 127.0.0.1:9002 {\n\t\tlb_policy rund_robin\n\t}\n}\n",
    "sites/30-grafana.caddy": "{\n\tadmin off\n}\n:{port} {\n\treverse_proxy 127.0.0.1:3000 {\n\t\thealth_uri /api/health\n\t\thealth_interval 10x\n\t}\n}\n",
    "sites/40-radar.caddy": "{\n\tadmin off\n}\n:{port} {\n\thandle_path /radar/* {\n\t\troot * /srv/radar\n\t\tfile_server\n\t}\n\theaders /radar/* Cache-Control max-age=60\n}\n",
    "sites/50-mqtt-ws.caddy": "{\n\tadmin off\n}\n:{port} {\n\t@ws {\n\t\theader Connection *Upgrade*\n\t\theader Upgrade websocket\n\t}\n\treverse_proxy @ws 127.0.0.1:9883\n\tredir /mqtt /mqtt/ 308\n",
    "sites/60-status.caddy": "{\n\tadmin off\n}\n:{port} {\n  respond /health 200\n  respond /version \"meteo 2.4\" 200\n    tls internal\n}\n",
    "sites/70-archive.caddy": "{\n\tadmin off\n}\n:99999 {\n\tfile_server\n}\n",
}


def big_caddyfile(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["{", "\tadmin off", "\tauto_https off", "}"]
    for k, st in enumerate(stations(seed, n)):
        up = 9100 + k
        out += [f"http://{st}.meteo.test, http://{st}.stations.meteo.test {{", "\tencode gzip",
                f"\theader X-Station {st}", f"\treverse_proxy /metrics 127.0.0.1:{up}"]
        if rnd.random() < 0.4:
            out += [f"\treverse_proxy /api/* 127.0.0.1:{up + 1000} 127.0.0.1:{up + 2000} {{",
                    f"\t\tlb_policy {rnd.choice(['round_robin', 'least_conn', 'first'])}", "\t}"]
        if rnd.random() < 0.3:
            out += ["\t@old path /v1/*", "\tredir @old /api/{uri} 301"]
        out += [f"\troot * /srv/meteo/{st}", "\tfile_server", "}", ""]
    return "\n".join(out)


def caddy_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "caddy"
    (d / "sites").mkdir(parents=True, exist_ok=True)
    (d / "static").mkdir(exist_ok=True)
    for name in ("app.css", "app.js", "index.html", "radar.png"):
        (d / "static" / name).write_text("x" * 200)
    xdg = {"XDG_CONFIG_HOME": str(d / ".config"), "XDG_DATA_HOME": str(d / ".data")}  # caddy's autosave, not ~
    port = free_port()
    for rel, body in BAD_SITES.items():
        (d / rel).write_text(body.replace("{port}", str(port)))
    (d / "Stations.Caddyfile").write_text(big_caddyfile(7910, 40))
    cap("caddy-validate-sites-loop", "for f in sites/*.caddy; do echo \"== $f\"; caddy validate --config $f "
        "--adapter caddyfile; done 2>&1", d, n_caddy_validate, env=xdg)
    cap("caddy-adapt-stations-pretty", "caddy adapt --config Stations.Caddyfile --pretty", d, n_caddy_adapt, env=xdg)
    cap("caddy-adapt-stations-head-200", "caddy adapt --config Stations.Caddyfile --pretty 2>&1 | head -n 200", d,
        n_caddy_adapt, env=xdg)
    up1, down = free_port(), free_port()
    (d / "ingest.py").write_text(INGEST)
    cm.start(["python3", "ingest.py", str(up1)], cwd=d)
    wait_port(up1, 10)
    st = d / "static"
    (d / "Caddyfile").write_text(
        "{\n\tadmin off\n\tauto_https off\n}\n"
        f":{port} {{\n\tlog {{\n\t\toutput file {d}/access.log\n\t\tformat json\n\t}}\n"
        f"\thandle /api/* {{\n\t\treverse_proxy 127.0.0.1:{up1} 127.0.0.1:{down} {{\n\t\t\tlb_policy round_robin\n"
        "\t\t\tfail_duration 1s\n\t\t\tmax_fails 1\n\t\t}\n\t}\n"
        "\thandle /health {\n\t\trespond 200\n\t}\n"
        f"\thandle_path /static/* {{\n\t\troot * {st}\n\t\tfile_server\n\t}}\n"
        "\thandle /admin/* {\n\t\trespond 403\n\t}\n\thandle {\n\t\trespond 404\n\t}\n}\n")
    p = cm.start(["caddy", "run", "--config", "Caddyfile", "--adapter", "caddyfile"], cwd=d,
                 log=open(d / "caddy.log", "w"), env=xdg)
    if not wait_port(port, 20):
        raise RuntimeError("caddy did not start")
    rnd = random.Random(7911)
    sts = stations(7912, 30)

    def one(k: int) -> None:
        r = rnd.random()
        host = rnd.choice(["meteo.local"] * 12 + ["api.meteo.local"] * 3 + [f"127.0.0.1:{port}"])
        if k in (700, 1555):
            host = "grafana.meteo.local"
        data, method = None, "GET"
        if r < 0.55:
            path = f"/api/readings?station={rnd.choice(sts + ['gent-00'] * 2)}"
        elif r < 0.65:
            path, method = "/api/readings", "POST"
            data = json.dumps({"station": rnd.choice(sts), "temp_c": None if rnd.random() < 0.1 else 4.2}).encode()
        elif r < 0.8:
            path = "/static/" + rnd.choice(["app.css", "app.js", "index.html", "radar.png", "favicon.ico"])
        elif r < 0.9:
            path = "/health"
        elif r < 0.95:
            path = f"/api/stations/{rnd.choice(sts)}"
        else:
            path = rnd.choice(["/admin/config", "/wp-login.php", "/.env", "/metrics"])
        if k == 1200:
            method = "DELETE"
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Host": host, "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=5).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass

    for k in range(2400):
        one(k)
    time.sleep(1)
    cm.stop(p)
    cap("caddy-access-log-tail-150", "tail -n 150 access.log", d, n_caddy_log)
    cap("caddy-access-log-jq-select-5xx", "jq -c 'select(.status >= 500)' access.log | tail -n 60", d, n_caddy_log)
    cap("caddy-run-log", "cat caddy.log", d, n_caddy_log)


# ------------------------------------------------------------------ etcd holding station settings

def etcd_steps(tmp: Path) -> None:
    d = tmp / "meteo" / "etcd"
    d.mkdir(parents=True, exist_ok=True)
    cport, pport, dead = free_port(), free_port(), free_port()
    ep = f"127.0.0.1:{cport}"
    p = cm.start(["etcd", "--name", "meteo-kv", "--data-dir", str(d / "data"),
                  "--listen-client-urls", f"http://{ep}", "--advertise-client-urls", f"http://{ep}",
                  "--listen-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-advertise-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-cluster", f"meteo-kv=http://127.0.0.1:{pport}", "--logger", "zap",
                  "--log-outputs", "stderr", "--quota-backend-bytes", str(6 * 1024 * 1024),
                  "--auto-compaction-retention", "0"], cwd=d, log=open(d / "etcd.log", "w"))
    if not wait_port(cport, 30):
        raise RuntimeError("etcd did not start")
    time.sleep(2)
    import base64

    def put(k: str, v: str) -> str:
        body = json.dumps({"key": base64.b64encode(k.encode()).decode(),
                           "value": base64.b64encode(v.encode()).decode()}).encode()
        try:
            req = urllib.request.Request(f"http://{ep}/v3/kv/put", data=body, method="POST")
            return urllib.request.urlopen(req, timeout=10).read().decode()
        except Exception as e:  # noqa: BLE001
            return str(e)
    rnd = random.Random(7920)
    sts = stations(7921, 60)
    for st in sts:
        put(f"/meteo/stations/{st}/interval_s", str(rnd.choice([10, 30, 60])))
        put(f"/meteo/stations/{st}/firmware", rnd.choice(["2.4.1", "2.4.1", "2.4.1", "2.5.0-rc1"]))
        put(f"/meteo/stations/{st}/sensors", json.dumps({"temp": True, "wind": rnd.random() < 0.7,
                                                         "rain": rnd.random() < 0.8}))
        put(f"/meteo/stations/{st}/uplink", rnd.choice(["lora", "lora", "lte"]))
    put("/meteo/stations/gent-17/status", "disabled: sensor fault since 2026-11-28")
    put("/meteo/ingest/rate_limit", "500")
    put("/meteo/ingest/retention_days", "30")
    put("/meteo/alerts/quiet_hours", "22:00-06:00")
    put("/meteo/locks/forecast-job", "owner=worker-3")
    # the station archive's blobs fill the backend past its quota: the NOSPACE alarm
    for k in range(120):
        r = put(f"/meteo/archive/raw/{k:04d}", "r" * 200_000)
        if "space" in r:
            break
    E = f"etcdctl --endpoints={ep}"
    cap("etcdctl-get-prefix-stations", f"{E} get --prefix /meteo/stations", d, n_etcd_get)
    cap("etcdctl-get-keys-only-head-150", f"{E} get --prefix --keys-only /meteo/ | grep -v '^$' | head -n 150", d,
        n_etcd_get)
    cap("etcdctl-endpoint-status-table", f"{E},127.0.0.1:{dead} endpoint status -w table; echo EXIT=$?", d,
        n_etcd_table)
    cap("etcdctl-member-list-table", f"{E} member list -w table && {E} alarm list && {E} put /meteo/x 1; "
        "echo EXIT=$?", d, n_etcd_table)
    cm.stop(p)
    cap("etcd-log-cat", "cat etcd.log", d, n_etcd_log)


STEPS = [promtool_steps, prometheus_steps, caddy_steps, etcd_steps]
