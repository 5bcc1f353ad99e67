"""Round 83's Prometheus, Caddy and etcd on loopback for the `parcels` courier network: a generated alert rules file
of 80+ rules with broken expressions put in, rule unit tests whose expectations are wrong, a metrics server scraping
depot exporters (some down, some serving bad text), a reverse proxy in front of a tracking API with an upstream down,
and a key-value store of depot settings. Needles from round 79's extractors (capture_wide79_web.py), imported. Run
through capture_wide83.py."""

from __future__ import annotations

import base64
import json
import random
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide83 import cap
from capture_wide79_web import (n_caddy_adapt, n_caddy_log, n_check_rules, n_etcd_log, n_etcd_table, n_prom_log,
                                n_test_rules)

DEPOTS = ["leeds", "hull", "york", "derby", "luton", "slough", "crewe", "wigan", "bolton", "dundee", "perth", "ayr",
          "exeter", "truro", "bath", "ely", "kendal", "bangor"]


def depots(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(DEPOTS)}{k:02d}" for k in range(n)]


# ------------------------------------------------------------------ promtool

METRICS = ["parcels_sorted_total", "scan_errors_total", "van_queue_depth", "belt_speed_mps", "dock_doors_open",
           "label_printer_jams_total", "route_eta_seconds", "scanner_battery_pct"]
GROUPS = ["sorting", "scanning", "fleet", "docks", "labels", "routes", "sla", "handheld", "returns", "billing"]


def rule_file(seed: int, n: int, mistakes: bool) -> str:
    """A courier network's alert and recording rules; with `mistakes`, about one rule in six is broken."""
    rnd = random.Random(seed)
    out = ["groups:"]
    per = 9
    for g in range((n + per - 1) // per):
        out += [f"- name: parcels.{GROUPS[g % len(GROUPS)]}", f"  interval: {rnd.choice(['15s', '1m', '30s'])}",
                "  rules:"]
        for r in range(per):
            k = g * per + r
            m = METRICS[k % len(METRICS)]
            dp = rnd.choice(DEPOTS)
            bad = mistakes and rnd.random() < 0.17
            if r % 4 == 0:
                expr = f"sum by (depot) (rate({m}[10m]))"
                if bad:
                    expr = rnd.choice([f"sum by (depot) rate({m}[10m])", f"sum by (depot) (rate({m}[10mins]))",
                                       f"sum without depot ({m})", f"topk({m}, 5)", f"rate({m}[10m]) +"])
                out += [f"  - record: depot:{m}:rate10m", f"    expr: {expr}"]
                if bad and rnd.random() < 0.3:
                    out += ["    for: 5m"]
            else:
                thr = rnd.randint(2, 400)
                expr = f'{m}{{depot="{dp}"}} > {thr}'
                if bad:
                    expr = rnd.choice([f'{m}{{depot="{dp}"}} >= on() {thr}', f'{m}{{depot="{dp}",}} > {thr}',
                                       f'{m}{{depot=="{dp}"}} > {thr}', f'increase({m}[1h] > {thr}',
                                       f'{m}{{depot="{dp}"}} > {thr} and', f'quantile_over_time({m}[5m]) > {thr}',
                                       f'{m}{{depot!~"["}} > {thr}'])
                name = f"Parcels{''.join(w.title() for w in m.split('_'))}{k}"
                if bad and rnd.random() < 0.2:
                    name = f"parcels {m} {k}"
                out += [f"  - alert: {name}", f"    expr: {expr}",
                        f"    for: {rnd.choice(['2m', '10m', '30m'])}",
                        "    labels:", f"      severity: {rnd.choice(['critical', 'warning', 'warning', 'info'])}",
                        f"      team: {rnd.choice(['hub-ops', 'fleet', 'it-sorting'])}"]
                if bad and rnd.random() < 0.3:
                    out.append(f"      {rnd.choice(['2nd-line', 'on call', 'zone-id'])}: depot")
                summ = f'"{m} at {{{{ $labels.depot }}}} is {{{{ $value }}}}"'
                if bad and rnd.random() < 0.4:
                    summ = f'"{m} at {{{{ $labels.depot }} is {{{{ $value | humanize }}}}"'
                out += ["    annotations:", f"      summary: {summ}"]
    return "\n".join(out) + "\n"


GOOD_RULES = """groups:
- name: parcels.core
  rules:
  - alert: DepotExporterDown
    expr: up{job="depots"} == 0
    for: 3m
    labels: {severity: critical}
    annotations: {summary: "depot exporter {{ $labels.instance }} is down"}
  - alert: SorterBacklog
    expr: van_queue_depth > 120
    for: 10m
    labels: {severity: warning}
  - alert: ScannerBatteryLow
    expr: scanner_battery_pct < 15
    labels: {severity: info}
  - alert: LabelPrinterJams
    expr: increase(label_printer_jams_total[15m]) > 3
    for: 5m
    labels: {severity: warning}
  - record: depot:parcels_sorted:rate5m
    expr: sum by (depot) (rate(parcels_sorted_total[5m]))
"""


def tests_file(seed: int, n: int, rules: str = "good.yml") -> str:
    rnd = random.Random(seed)
    ds = depots(seed, 24)
    out = ["rule_files:", f"  - {rules}", "evaluation_interval: 1m", "tests:"]
    for t in range(n):
        d = ds[t % len(ds)]
        q = rnd.randint(60, 180)
        bat = rnd.choice([9, 40, 80])
        jams = rnd.choice(["0+0x40", "0+1x40", "0+0x20 5+0x20"])
        out += [f"  - name: depot {d} shift {t}", "    interval: 1m", "    input_series:",
                f"      - series: 'van_queue_depth{{depot=\"{d}\"}}'", f"        values: '{q}x40'",
                f"      - series: 'scanner_battery_pct{{depot=\"{d}\", scanner=\"h{t}\"}}'", f"        values: '{bat}x40'",
                f"      - series: 'label_printer_jams_total{{depot=\"{d}\"}}'", f"        values: '{jams}'",
                f"      - series: 'parcels_sorted_total{{depot=\"{d}\"}}'", f"        values: '0+{rnd.randint(10, 90)}x40'",
                "    alert_rule_test:"]
        wrong = rnd.random() < 0.28
        fires = q > 120
        if wrong and rnd.random() < 0.5:
            fires = not fires
        out += ["      - eval_time: 15m", "        alertname: SorterBacklog"]
        out += (["        exp_alerts:", "          - exp_labels:", "              severity: warning",
                 f"              depot: {d}"] if fires else ["        exp_alerts: []"])
        low = bat < 15
        out += ["      - eval_time: 2m", "        alertname: ScannerBatteryLow"]
        if low:
            sev = "info" if not (wrong and rnd.random() < 0.5) else "warning"
            out += ["        exp_alerts:", "          - exp_labels:", f"              severity: {sev}",
                    f"              depot: {d}", f"              scanner: h{t}"]
        else:
            out += ["        exp_alerts: []"]
        rate = "depot:parcels_sorted:rate5m"
        out += ["    promql_expr_test:", f"      - expr: {rate}{{depot=\"{d}\"}}", "        eval_time: 30m",
                "        exp_samples:", f"          - labels: '{rate}{{depot=\"{d}\"}}'",
                f"            value: {rnd.choice([0.5, 1, 1.5]) if wrong and rnd.random() < 0.6 else 'X'}"]
    return "\n".join(out) + "\n"


def _fix_rate_values(text: str) -> str:
    """The promql test's expected value left as X is the series' true per-second rate (step/60)."""
    out, step = [], None
    for ln in text.splitlines():
        if "parcels_sorted_total" in ln and "series" in ln:
            step = None
        if ln.strip().startswith("values: '0+") and step is None:
            step = int(ln.split("0+")[1].split("x")[0])
        if ln.strip() == "value: X":
            ln = ln.replace("X", repr(round(step / 60, 6)))
        out.append(ln)
    return "\n".join(out) + "\n"


def promtool_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "depots.yml").write_text(rule_file(8301, 90, True))
    (d / "rules" / "fleet.yml").write_text(rule_file(8302, 27, True))
    (d / "rules" / "sla.yml").write_text(rule_file(8303, 18, False))
    (d / "rules" / "good.yml").write_text(GOOD_RULES)
    (d / "rules" / "returns.yml").write_text(rule_file(8304, 9, True).replace("interval: 15s", "interval: 15", 1))
    cap("promtool-check-rules-depots", "promtool check rules rules/depots.yml", d, n_check_rules)
    cap("promtool-check-rules-all-tail-80", "promtool check rules rules/*.yml 2>&1 | tail -n 80", d, n_check_rules)
    cap("promtool-check-rules-depots-fleet-echo", "promtool check rules rules/depots.yml rules/fleet.yml "
        "rules/good.yml; echo EXIT=$?", d, n_check_rules)
    (d / "rules" / "good_test.yml").write_text(_fix_rate_values(tests_file(8305, 36)))
    (d / "rules" / "shift_test.yml").write_text(_fix_rate_values(tests_file(8306, 8)))
    cap("promtool-test-rules-good", "promtool test rules rules/good_test.yml", d, n_test_rules)
    cap("promtool-test-rules-two-echo", "promtool test rules rules/shift_test.yml rules/good_test.yml 2>&1 | "
        "head -n 120; echo EXIT=$?", d, n_test_rules)


# ------------------------------------------------------------------ the Prometheus server and its depot exporters

EXPORTER = r'''
import sys, threading, random, time
from http.server import HTTPServer, BaseHTTPRequestHandler
ports = [int(p) for p in sys.argv[1].split(",")]
bad = set(int(p) for p in sys.argv[2].split(",") if p)
slow = set(int(p) for p in sys.argv[3].split(",") if p)
def handler(port):
    class H(BaseHTTPRequestHandler):
        def do_GET(self):
            rnd = random.Random(port)
            dp = f"depot{port % 89}"
            if port in slow:
                time.sleep(2)
            if port in bad:
                body = f"parcels_sorted_total{{depot=\"{dp}\"}} twelve\nvan_queue_depth{{depot=\"{dp}\"}} 4 5 6\n"
            else:
                body = "".join(f"# TYPE {m} gauge\n{m}{{depot=\"{dp}\"}} {rnd.uniform(0, 300):.1f}\n"
                               for m in ("van_queue_depth", "belt_speed_mps", "scanner_battery_pct"))
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


def prom_config(port: int, up: list[int], bad: list[int], slow: list[int], down: list[int], rules: str) -> str:
    tg = lambda ps: ", ".join(f"'127.0.0.1:{p}'" for p in ps)  # noqa: E731
    return (f"global:\n  scrape_interval: 2s\n  scrape_timeout: 1s\n  evaluation_interval: 3s\n"
            f"rule_files:\n  - {rules}\n"
            f"scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:{port}']\n"
            f"  - job_name: depots\n    static_configs:\n      - targets: [{tg(up + bad + slow)}]\n"
            f"  - job_name: vans\n    static_configs:\n      - targets: [{tg(down)}]\n"
            f"  - job_name: returns\n    metrics_path: /probe\n    static_configs:\n      - targets: ['127.0.0.1:{down[0]}']\n")


def prometheus_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "good.yml").write_text(GOOD_RULES)
    (d / "rules" / "broken.yml").write_text(GOOD_RULES.replace("> 120", "> > 120"))
    ports = [free_port() for _ in range(12)]
    up, bad, slow = ports[:8], ports[8:10], ports[10:]
    down = [free_port() for _ in range(8)]
    (d / "exporter.py").write_text(EXPORTER)
    cm.start(["python3", "exporter.py", ",".join(map(str, ports)), ",".join(map(str, bad)), ",".join(map(str, slow))],
             cwd=d)
    port = free_port()
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/good.yml"))
    p = cm.start(["prometheus", "--config.file=prometheus.yml", f"--web.listen-address=127.0.0.1:{port}",
                  "--storage.tsdb.path=data", "--log.level=debug", "--web.enable-lifecycle"], cwd=d,
                 log=open(d / "prometheus.log", "w"))
    if not wait_port(port, 30):
        raise RuntimeError("prometheus did not start")
    time.sleep(10)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/broken.yml"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(3)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/good.yml")
                                      .replace("  - job_name: vans", "  - job_name: depots"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(2)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/good.yml"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(8)
    cm.stop(p)
    cap("prometheus-log-cat", "cat prometheus.log", d, n_prom_log)
    cap("prometheus-log-grep-v-debug-echo", "grep -v 'level=debug' prometheus.log; echo EXIT=$?",
        d, n_prom_log)
    cap("prometheus-log-grep-warn-error-tail", "grep -E 'level=(warn|error)' prometheus.log | tail -n 80", d,
        n_prom_log)


# ------------------------------------------------------------------ Caddy in front of the tracking API

TRACKING = r'''
import json, sys, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
rnd = random.Random(int(sys.argv[1]))
class H(BaseHTTPRequestHandler):
    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        if "/track/PX9" in self.path:
            return self._send(502, {"error": "carrier gateway timeout for PX9 range"})
        if self.path.startswith("/v2/track/") and self.path.endswith("0"):
            return self._send(404, {"error": "unknown parcel"})
        self._send(200, {"events": [{"at": i, "scan": rnd.choice(["in", "out", "van", "door"])}
                                    for i in range(rnd.randint(1, 25))]})
    def do_PUT(self):
        n = int(self.headers.get("Content-Length", 0)); body = self.rfile.read(n)
        if b'"weight_g": -' in body:
            return self._send(400, {"error": "negative weight"})
        self._send(204, {})
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def depots_caddyfile(seed: int, n: int, mistakes: bool) -> str:
    rnd = random.Random(seed)
    out = ["{", "\tadmin off", "\tauto_https off", "\tservers {", "\t\ttimeouts {", "\t\t\tread_body 10s", "\t\t}",
           "\t}", "}"]
    for k, dp in enumerate(depots(seed, n)):
        base = 7100 + 3 * k
        out += [f"http://{dp}.parcels.test:8080 {{", f"\tencode {rnd.choice(['gzip', 'zstd gzip'])}",
                f"\treverse_proxy /v2/* 127.0.0.1:{base} 127.0.0.1:{base + 1}" + (" {" if rnd.random() < 0.5 else "")]
        if out[-1].endswith("{"):
            out += [f"\t\tlb_policy {rnd.choice(['ip_hash', 'least_conn', 'random'])}",
                    f"\t\thealth_uri /healthz", "\t}"]
        if rnd.random() < 0.35:
            out += [f"\thandle_path /labels/* {{", f"\t\troot * /srv/parcels/labels/{dp}", "\t\tfile_server", "\t}"]
        if rnd.random() < 0.25:
            out += ["\t@scanner header User-Agent *Zebra*", f"\treverse_proxy @scanner 127.0.0.1:{base + 2}"]
        out += [f"\trespond /ping \"{dp} ok\" 200", "}", ""]
    if mistakes:
        out += ["http://returns.parcels.test {", "    reverse_proxy 127.0.0.1:7999 127.0.0.1:7998 {",
                "      lb_try_duration 5s", "        }", "  }"]
    return "\n".join(out)


def caddy_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "caddy"
    (d / "labels").mkdir(parents=True, exist_ok=True)
    for name in ("A6-leeds.pdf", "A6-hull.pdf", "manifest.csv"):
        (d / "labels" / name).write_text("L" * 300)
    xdg = {"XDG_CONFIG_HOME": str(d / ".config"), "XDG_DATA_HOME": str(d / ".data")}
    (d / "Depots.Caddyfile").write_text(depots_caddyfile(8310, 34, False))
    (d / "Returns.Caddyfile").write_text(depots_caddyfile(8311, 9, True))
    cap("caddy-adapt-depots-pretty", "caddy adapt --config Depots.Caddyfile --pretty", d, n_caddy_adapt, env=xdg)
    cap("caddy-adapt-returns-echo", "caddy adapt --config Returns.Caddyfile --pretty; echo EXIT=$?", d,
        n_caddy_adapt, env=xdg)
    port, up1, down = free_port(), free_port(), free_port()
    (d / "tracking.py").write_text(TRACKING)
    cm.start(["python3", "tracking.py", str(up1)], cwd=d)
    wait_port(up1, 10)
    (d / "Caddyfile").write_text(
        "{\n\tadmin off\n\tauto_https off\n}\n"
        f":{port} {{\n\tlog {{\n\t\toutput file {d}/access.log\n\t\tformat json\n\t}}\n"
        f"\thandle /v2/* {{\n\t\treverse_proxy 127.0.0.1:{up1} 127.0.0.1:{down} {{\n\t\t\tlb_policy random\n"
        "\t\t\tfail_duration 2s\n\t\t}\n\t}\n"
        f"\thandle_path /labels/* {{\n\t\troot * {d}/labels\n\t\tfile_server\n\t}}\n"
        "\thandle /healthz {\n\t\trespond \"ok\" 200\n\t}\n"
        "\thandle /internal/* {\n\t\trespond 401\n\t}\n\thandle {\n\t\trespond 404\n\t}\n}\n")
    p = cm.start(["caddy", "run", "--config", "Caddyfile", "--adapter", "caddyfile"], cwd=d,
                 log=open(d / "caddy.log", "w"), env=xdg)
    if not wait_port(port, 20):
        raise RuntimeError("caddy did not start")
    rnd = random.Random(8312)
    for k in range(1800):
        r = rnd.random()
        host = rnd.choice(["track.parcels.local"] * 10 + ["api.parcels.local"] * 4 + ["localhost"])
        if k in (333, 1444):
            host = "billing.parcels.local"
        data, method = None, "GET"
        if r < 0.6:
            path = f"/v2/track/PX{rnd.randint(1000000, 9999999)}"
        elif r < 0.7:
            path, method = f"/v2/parcels/PX{rnd.randint(1000000, 9999999)}/weight", "PUT"
            data = json.dumps({"weight_g": -5 if rnd.random() < 0.08 else rnd.randint(100, 30000)}).encode()
        elif r < 0.82:
            path = "/labels/" + rnd.choice(["A6-leeds.pdf", "A6-hull.pdf", "manifest.csv", "A6-york.pdf"])
        elif r < 0.92:
            path = "/healthz"
        else:
            path = rnd.choice(["/internal/flags", "/phpmyadmin/", "/.git/config", "/v1/track"])
        if k == 999:
            method = "PATCH"
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Host": host, "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=5).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass
    time.sleep(1)
    cm.stop(p)
    cap("caddy-access-log-head-60", "head -n 60 access.log", d, n_caddy_log)
    cap("caddy-access-log-grep-v-200-tail-70", "grep -v '\"status\":200' access.log | tail -n 70", d, n_caddy_log)
    cap("caddy-access-log-jq-4xx-head-50", "jq -c 'select(.status >= 400 and .status < 500)' access.log | head -n 50; "
        "echo EXIT=$?", d, n_caddy_log)


# ------------------------------------------------------------------ etcd holding depot settings

def etcd_steps(tmp: Path) -> None:
    d = tmp / "parcels" / "etcd"
    d.mkdir(parents=True, exist_ok=True)
    cport, pport, dead = free_port(), free_port(), free_port()
    ep = f"127.0.0.1:{cport}"
    p = cm.start(["etcd", "--name", "parcels-kv", "--data-dir", str(d / "data"),
                  "--listen-client-urls", f"http://{ep}", "--advertise-client-urls", f"http://{ep}",
                  "--listen-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-advertise-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-cluster", f"parcels-kv=http://127.0.0.1:{pport}", "--logger", "zap",
                  "--log-outputs", "stderr", "--quota-backend-bytes", str(4 * 1024 * 1024),
                  "--snapshot-count", "300"], cwd=d, log=open(d / "etcd.log", "w"))
    if not wait_port(cport, 30):
        raise RuntimeError("etcd did not start")
    time.sleep(2)

    def put(k: str, v: str) -> str:
        body = json.dumps({"key": base64.b64encode(k.encode()).decode(),
                           "value": base64.b64encode(v.encode()).decode()}).encode()
        try:
            req = urllib.request.Request(f"http://{ep}/v3/kv/put", data=body, method="POST")
            return urllib.request.urlopen(req, timeout=10).read().decode()
        except Exception as e:  # noqa: BLE001
            return str(e)
    rnd = random.Random(8320)
    for dp in depots(8321, 50):
        put(f"/parcels/depots/{dp}/cutoff", rnd.choice(["17:00", "18:30", "19:00"]))
        put(f"/parcels/depots/{dp}/sorter", rnd.choice(["crossbelt-v3", "tilt-tray", "crossbelt-v3"]))
        put(f"/parcels/depots/{dp}/vans", str(rnd.randint(8, 60)))
    for k in range(400):  # revisions enough for snapshots
        put("/parcels/heartbeat/router", str(k))
    for k in range(60):  # the manifests' blobs fill the backend past its quota
        r = put(f"/parcels/manifests/{k:03d}", "m" * 180_000)
        if "space" in r:
            break
    E = f"etcdctl --endpoints={ep}"
    cap("etcdctl-endpoint-status-health-table", f"{E},127.0.0.1:{dead} endpoint status -w table; "
        f"{E},127.0.0.1:{dead} endpoint health -w table; echo EXIT=$?", d, n_etcd_table)
    cap("etcdctl-alarm-member-table", f"{E} member list -w table; {E} alarm list; {E} endpoint status -w table; "
        f"{E} put /parcels/depots/leeds00/cutoff 20:00; echo EXIT=$?", d, n_etcd_table)
    cm.stop(p)
    cap("etcd-log-cat", "cat etcd.log", d, n_etcd_log)
    cap("etcd-log-grep-warn-alarm-snapshot", "grep -E '\"level\":\"(warn|error)\"|alarm|snapshot|quota' etcd.log",
        d, n_etcd_log)


STEPS = [promtool_steps, prometheus_steps, caddy_steps, etcd_steps]
