"""Round 86's Prometheus, Caddy and etcd on loopback for the `bikeshare` network of docking stations: generated
alert rules files with broken expressions put in, rule unit tests whose expectations are wrong, a metrics server
scraping station exporters (some down, some serving bad text), a reverse proxy in front of a rental API with an
upstream down, and a key-value store of station settings filled past its quota. Needles from round 79's extractors
(capture_wide79_web.py), imported. Run through capture_wide86.py."""

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
from capture_wide86 import cap
from capture_wide79_web import (n_caddy_adapt, n_caddy_log, n_check_rules, n_etcd_log, n_etcd_table, n_prom_log,
                                n_test_rules)

DEPOTS = ["camden", "hackney", "soho", "brixton", "peckham", "angel", "bow", "kew", "putney", "holborn", "dalston",
          "barnes", "acton", "ealing", "fulham", "mile-end", "oval", "borough", "wapping", "euston"]


def stations(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(DEPOTS)}{k:02d}" for k in range(n)]


# ------------------------------------------------------------------ promtool

METRICS = ["rentals_started_total", "dock_faults_total", "bikes_available", "ebike_charge_pct", "docks_free",
           "lock_jams_total", "rebalance_eta_seconds", "kiosk_uptime_seconds", "payment_declines_total"]
GROUPS = ["docks", "rentals", "ebikes", "kiosks", "payments", "rebalancing", "sla", "locks", "maintenance"]


def rule_file(seed: int, n: int, mistakes: bool) -> str:
    """A bike-sharing network's alert and recording rules; with `mistakes`, about one rule in seven is broken."""
    rnd = random.Random(seed)
    out = ["groups:"]
    per = 8
    for g in range((n + per - 1) // per):
        out += [f"- name: bikeshare.{GROUPS[g % len(GROUPS)]}", f"  interval: {rnd.choice(['15s', '1m', '30s'])}",
                "  rules:"]
        for r in range(per):
            k = g * per + r
            m = METRICS[k % len(METRICS)]
            dp = rnd.choice(DEPOTS)
            bad = mistakes and rnd.random() < 0.14
            if r % 3 == 0:
                expr = f"sum by (station, zone) (rate({m}[15m]))"
                if bad:
                    expr = rnd.choice([f"sum by (station zone) (rate({m}[15m]))", f"sum by (station) (rate({m}[15m:]))",
                                       f"avg_over_time(rate({m}[15m]))", f"histogram_quantile({m}[15m], 0.9)",
                                       f"sum by (station) (rate({m}[15m])) / on(zone) group_left"])
                out += [f"  - record: zone:{m}:rate15m", f"    expr: {expr}"]
                if bad and rnd.random() < 0.3:
                    out += ["    keep_firing_for: 5m"]
            else:
                thr = rnd.randint(2, 400)
                expr = f'{m}{{station="{dp}"}} > {thr}'
                if bad:
                    expr = rnd.choice([f'{m}{{station="{dp}"}} > bool', f'{m}{{station="{dp}" zone="n1"}} > {thr}',
                                       f'{m}{{station~="{dp}"}} > {thr}', f'delta({m}[30m] < {thr}',
                                       f'{m}{{station="{dp}"}} > {thr}%', f'absent_over_time({m}) == 1',
                                       f'{m}{{station=~"(+"}} > {thr}', f'{m}{{}} > {thr}'])
                name = f"Bikeshare{''.join(w.title() for w in m.split('_'))}{k}"
                if bad and rnd.random() < 0.2:
                    name = f"bikeshare {m} {k}"
                out += [f"  - alert: {name}", f"    expr: {expr}",
                        f"    for: {rnd.choice(['1m', '5m', '15m'])}",
                        "    labels:", f"      severity: {rnd.choice(['critical', 'warning', 'warning', 'info'])}",
                        f"      team: {rnd.choice(['ops', 'rebalancing', 'payments'])}"]
                if bad and rnd.random() < 0.3:
                    out.append(f"      {rnd.choice(['3rd-shift', 'pager duty', 'dock.id'])}: station")
                summ = f'"{m} at {{{{ $labels.station }}}} is {{{{ $value }}}}"'
                if bad and rnd.random() < 0.4:
                    summ = f'"{m} at {{{{ $labels.station }}}} is {{{{ $value | humanise }}}}"'
                out += ["    annotations:", f"      summary: {summ}"]
    return "\n".join(out) + "\n"


GOOD_RULES = """groups:
- name: bikeshare.core
  rules:
  - alert: StationExporterDown
    expr: up{job="stations"} == 0
    for: 3m
    labels: {severity: critical}
    annotations: {summary: "station exporter {{ $labels.instance }} is down"}
  - alert: DocksFull
    expr: docks_free > 120
    for: 10m
    labels: {severity: warning}
  - alert: EbikeChargeLow
    expr: ebike_charge_pct < 15
    labels: {severity: info}
  - alert: LockJams
    expr: increase(lock_jams_total[15m]) > 3
    for: 5m
    labels: {severity: warning}
  - record: station:bikeshare_sorted:rate5m
    expr: sum by (station) (rate(rentals_started_total[5m]))
"""


def tests_file(seed: int, n: int, rules: str = "good.yml") -> str:
    rnd = random.Random(seed)
    ds = stations(seed, 24)
    out = ["rule_files:", f"  - {rules}", "evaluation_interval: 1m", "tests:"]
    for t in range(n):
        d = ds[t % len(ds)]
        q = rnd.randint(60, 180)
        bat = rnd.choice([9, 40, 80])
        jams = rnd.choice(["0+0x40", "0+1x40", "0+0x20 5+0x20"])
        out += [f"  - name: station {d} shift {t}", "    interval: 1m", "    input_series:",
                f"      - series: 'docks_free{{station=\"{d}\"}}'", f"        values: '{q}x40'",
                f"      - series: 'ebike_charge_pct{{station=\"{d}\", bike=\"h{t}\"}}'", f"        values: '{bat}x40'",
                f"      - series: 'lock_jams_total{{station=\"{d}\"}}'", f"        values: '{jams}'",
                f"      - series: 'rentals_started_total{{station=\"{d}\"}}'", f"        values: '0+{rnd.randint(10, 90)}x40'",
                "    alert_rule_test:"]
        wrong = rnd.random() < 0.28
        fires = q > 120
        if wrong and rnd.random() < 0.5:
            fires = not fires
        out += ["      - eval_time: 15m", "        alertname: DocksFull"]
        out += (["        exp_alerts:", "          - exp_labels:", "              severity: warning",
                 f"              station: {d}"] if fires else ["        exp_alerts: []"])
        low = bat < 15
        out += ["      - eval_time: 2m", "        alertname: EbikeChargeLow"]
        if low:
            sev = "info" if not (wrong and rnd.random() < 0.5) else "warning"
            out += ["        exp_alerts:", "          - exp_labels:", f"              severity: {sev}",
                    f"              station: {d}", f"              bike: h{t}"]
        else:
            out += ["        exp_alerts: []"]
        rate = "station:bikeshare_sorted:rate5m"
        out += ["    promql_expr_test:", f"      - expr: {rate}{{station=\"{d}\"}}", "        eval_time: 30m",
                "        exp_samples:", f"          - labels: '{rate}{{station=\"{d}\"}}'",
                f"            value: {rnd.choice([0.5, 1, 1.5]) if wrong and rnd.random() < 0.6 else 'X'}"]
    return "\n".join(out) + "\n"


def _fix_rate_values(text: str) -> str:
    """The promql test's expected value left as X is the series' true per-second rate (step/60)."""
    out, step = [], None
    for ln in text.splitlines():
        if "rentals_started_total" in ln and "series" in ln:
            step = None
        if ln.strip().startswith("values: '0+") and step is None:
            step = int(ln.split("0+")[1].split("x")[0])
        if ln.strip() == "value: X":
            ln = ln.replace("X", repr(round(step / 60, 6)))
        out.append(ln)
    return "\n".join(out) + "\n"


def promtool_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "stations.yml").write_text(rule_file(8601, 120, True))
    (d / "rules" / "rebalancing.yml").write_text(rule_file(8602, 40, True))
    (d / "rules" / "sla.yml").write_text(rule_file(8603, 24, False))
    (d / "rules" / "good.yml").write_text(GOOD_RULES)
    (d / "rules" / "kiosks.yml").write_text(rule_file(8604, 16, True).replace("  rules:", "  rule:", 1))
    cap("promtool-check-rules-stations-head-60", "promtool check rules rules/stations.yml 2>&1 | head -n 60", d,
        n_check_rules)
    cap("promtool-check-rules-all-echo", "promtool check rules rules/*.yml; echo EXIT=$?", d, n_check_rules)
    cap("promtool-check-rules-four", "promtool check rules rules/rebalancing.yml rules/sla.yml rules/good.yml "
        "rules/kiosks.yml", d, n_check_rules)
    (d / "tests").mkdir(exist_ok=True)
    (d / "tests" / "night_test.yml").write_text(_fix_rate_values(tests_file(8605, 44, "../rules/good.yml")))
    (d / "tests" / "weekend_test.yml").write_text(_fix_rate_values(tests_file(8607, 14, "../rules/good.yml")))
    cap("promtool-test-rules-weekend-echo", "promtool test rules tests/weekend_test.yml; echo EXIT=$?", d, n_test_rules)
    cap("promtool-test-rules-night-tail-100", "promtool test rules tests/night_test.yml 2>&1 | tail -n 100; "
        "echo EXIT=$?", d, n_test_rules)


# ------------------------------------------------------------------ the Prometheus server and its station exporters

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
            dp = f"station{port % 89}"
            if port in slow:
                time.sleep(2)
            if port in bad:
                body = f"# TYPE docks_free gauge\n# TYPE docks_free counter\ndocks_free{{station=\"{dp}\"}} 7\nbikes_available{{station={dp}}} 3\n"
            else:
                body = "".join(f"# TYPE {m} gauge\n{m}{{station=\"{dp}\"}} {rnd.uniform(0, 300):.1f}\n"
                               for m in ("docks_free", "bikes_available", "ebike_charge_pct"))
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
            f"  - job_name: stations\n    static_configs:\n      - targets: [{tg(up + bad + slow)}]\n"
            f"  - job_name: kiosks\n    static_configs:\n      - targets: [{tg(down)}]\n"
            f"  - job_name: maintenance\n    metrics_path: /stats\n    static_configs:\n      - targets: ['127.0.0.1:{down[0]}']\n")


def prometheus_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "prometheus"
    (d / "rules").mkdir(parents=True, exist_ok=True)
    (d / "rules" / "good.yml").write_text(GOOD_RULES)
    (d / "rules" / "broken.yml").write_text(GOOD_RULES.replace("for: 10m", "for: 10 minutes"))
    ports = [free_port() for _ in range(16)]
    up, bad, slow = ports[:11], ports[11:14], ports[14:]
    down = [free_port() for _ in range(5)]
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
    time.sleep(12)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/broken.yml"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(3)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/good.yml")
                                      .replace("scrape_timeout: 1s", "scrape_timeout: 5s"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(2)
    (d / "prometheus.yml").write_text(prom_config(port, up, bad, slow, down, "rules/good.yml"))
    run(f"curl -s -X POST http://127.0.0.1:{port}/-/reload", cwd=d)
    time.sleep(8)
    cm.stop(p)
    cap("prometheus-log-tail-150", "tail -n 150 prometheus.log", d, n_prom_log)
    cap("prometheus-log-grep-v-debug-head-100-echo", "grep -v 'level=debug' prometheus.log | head -n 100; "
        "echo EXIT=$?", d, n_prom_log)
    cap("prometheus-log-grep-i-error", "grep -i error prometheus.log", d, n_prom_log)


# ------------------------------------------------------------------ Caddy in front of the rental API

RENTAL = r'''
import json, sys, random
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
rnd = random.Random(int(sys.argv[1]))
class H(BaseHTTPRequestHandler):
    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        if "/bikes/BK9" in self.path:
            return self._send(502, {"error": "lock controller offline for BK9 fleet"})
        if self.path.startswith("/v3/bikes/") and self.path.endswith("0"):
            return self._send(404, {"error": "unknown bike"})
        self._send(200, {"trips": [{"min": i, "dock": rnd.choice(["undock", "dock", "lock", "fault"])}
                                    for i in range(rnd.randint(1, 25))]})
    def do_PUT(self):
        n = int(self.headers.get("Content-Length", 0)); body = self.rfile.read(n)
        if b'"charge_pct": -' in body:
            return self._send(400, {"error": "negative charge"})
        self._send(204, {})
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def stations_caddyfile(seed: int, n: int, mistakes: bool) -> str:
    rnd = random.Random(seed)
    out = ["{", "\tadmin off", "\tauto_https off", "\tservers {", "\t\ttimeouts {", "\t\t\tread_body 10s", "\t\t}",
           "\t}", "}"]
    for k, dp in enumerate(stations(seed, n)):
        base = 7100 + 3 * k
        out += [f"http://{dp}.bikeshare.test:8080 {{", f"\tencode {rnd.choice(['gzip', 'zstd gzip'])}",
                f"\treverse_proxy /v3/* 127.0.0.1:{base} 127.0.0.1:{base + 1}" + (" {" if rnd.random() < 0.5 else "")]
        if out[-1].endswith("{"):
            out += [f"\t\tlb_policy {rnd.choice(['ip_hash', 'least_conn', 'random'])}",
                    f"\t\thealth_uri /healthz", "\t}"]
        if rnd.random() < 0.35:
            out += [f"\thandle_path /maps/* {{", f"\t\troot * /srv/bikeshare/maps/{dp}", "\t\tfile_server", "\t}"]
        if rnd.random() < 0.25:
            out += ["\t@bike header User-Agent *KioskOS*", f"\treverse_proxy @bike 127.0.0.1:{base + 2}"]
        out += [f"\trespond /ping \"{dp} ok\" 200", "}", ""]
    if mistakes:
        out += ["http://repairs.bikeshare.test {", "  handle /tickets/* {", "      reverse_proxy 127.0.0.1:7997 {",
                "     lb_retries 3", "  }", "    }", "respond 404", "   }"]
    return "\n".join(out)


def caddy_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "caddy"
    (d / "maps").mkdir(parents=True, exist_ok=True)
    for name in ("zone-camden.png", "zone-soho.png", "docks.geojson"):
        (d / "maps" / name).write_text("L" * 300)
    xdg = {"XDG_CONFIG_HOME": str(d / ".config"), "XDG_DATA_HOME": str(d / ".data")}
    (d / "Stations.Caddyfile").write_text(stations_caddyfile(8610, 22, False))
    (d / "Repairs.Caddyfile").write_text(stations_caddyfile(8611, 9, True))
    cap("caddy-adapt-repairs-head-300-echo", "caddy adapt --config Repairs.Caddyfile --pretty 2>&1 | head -n 300; "
        "echo EXIT=$?", d, n_caddy_adapt, env=xdg)
    port, up1, down = free_port(), free_port(), free_port()
    (d / "rental.py").write_text(RENTAL)
    cm.start(["python3", "rental.py", str(up1)], cwd=d)
    wait_port(up1, 10)
    (d / "Caddyfile").write_text(
        "{\n\tadmin off\n\tauto_https off\n}\n"
        f":{port} {{\n\tlog {{\n\t\toutput file {d}/access.log\n\t\tformat json\n\t}}\n"
        f"\thandle /v3/* {{\n\t\treverse_proxy 127.0.0.1:{up1} 127.0.0.1:{down} {{\n\t\t\tlb_policy random\n"
        "\t\t\tfail_duration 2s\n\t\t}\n\t}\n"
        f"\thandle_path /maps/* {{\n\t\troot * {d}/maps\n\t\tfile_server\n\t}}\n"
        "\thandle /healthz {\n\t\trespond \"ok\" 200\n\t}\n"
        "\thandle /internal/* {\n\t\trespond 401\n\t}\n\thandle {\n\t\trespond 404\n\t}\n}\n")
    p = cm.start(["caddy", "run", "--config", "Caddyfile", "--adapter", "caddyfile"], cwd=d,
                 log=open(d / "caddy.log", "w"), env=xdg)
    if not wait_port(port, 20):
        raise RuntimeError("caddy did not start")
    rnd = random.Random(8612)
    for k in range(2400):
        r = rnd.random()
        host = rnd.choice(["rent.bikeshare.local"] * 9 + ["api.bikeshare.local"] * 5 + ["localhost"])
        if k in (512, 1717, 2201):
            host = "payments.bikeshare.local"
        data, method = None, "GET"
        if r < 0.6:
            path = f"/v3/bikes/BK{rnd.randint(1000000, 9999999)}"
        elif r < 0.7:
            path, method = f"/v3/bikes/BK{rnd.randint(1000000, 9999999)}/charge", "PUT"
            data = json.dumps({"charge_pct": -5 if rnd.random() < 0.11 else rnd.randint(3, 100)}).encode()
        elif r < 0.82:
            path = "/maps/" + rnd.choice(["zone-camden.png", "zone-soho.png", "docks.geojson", "zone-kew.png"])
        elif r < 0.92:
            path = "/healthz"
        else:
            path = rnd.choice(["/admin/rebalance", "/wp-login.php", "/.env", "/v2/bikes", "/server-status"])
        if k in (808, 1999):
            method = "PATCH"
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Host": host, "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=5).read()
        except Exception:  # noqa: BLE001  the errors are what the log shows
            pass
    time.sleep(1)
    cm.stop(p)
    cap("caddy-access-log-tail-50", "tail -n 50 access.log", d, n_caddy_log)
    cap("caddy-access-log-jq-5xx-head-40-echo", "jq -c 'select(.status >= 500)' access.log | head -n 40; "
        "echo EXIT=$?", d, n_caddy_log)


# ------------------------------------------------------------------ etcd holding station settings

def etcd_steps(tmp: Path) -> None:
    d = tmp / "bikeshare" / "etcd"
    d.mkdir(parents=True, exist_ok=True)
    cport, pport, dead = free_port(), free_port(), free_port()
    ep = f"127.0.0.1:{cport}"
    p = cm.start(["etcd", "--name", "bikeshare-kv", "--data-dir", str(d / "data"),
                  "--listen-client-urls", f"http://{ep}", "--advertise-client-urls", f"http://{ep}",
                  "--listen-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-advertise-peer-urls", f"http://127.0.0.1:{pport}",
                  "--initial-cluster", f"bikeshare-kv=http://127.0.0.1:{pport}", "--logger", "zap",
                  "--log-outputs", "stderr", "--quota-backend-bytes", str(3 * 1024 * 1024),
                  "--snapshot-count", "250"], cwd=d, log=open(d / "etcd.log", "w"))
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
    rnd = random.Random(8620)
    for dp in stations(8621, 70):
        put(f"/bikeshare/stations/{dp}/cutoff", rnd.choice(["22:00", "23:30", "00:00"]))
        put(f"/bikeshare/stations/{dp}/dock_model", rnd.choice(["dock-v2", "dock-v2", "ebike-hub"]))
        put(f"/bikeshare/stations/{dp}/capacity", str(rnd.randint(8, 60)))
    for k in range(520):  # revisions enough for snapshots
        put("/bikeshare/heartbeat/kiosk", str(k))
    for k in range(60):  # the manifests' blobs fill the backend past its quota
        r = put(f"/bikeshare/trip_archive/{k:03d}", "t" * 150_000)
        if "space" in r:
            break
    E = f"etcdctl --endpoints={ep}"
    run(f"{E} put /bikeshare/stations/camden00/cutoff 01:00", cwd=d)
    cap("etcdctl-status-alarm-table-echo", f"{E},127.0.0.1:{dead} endpoint status -w table; {E} alarm list; "
        f"{E} put --lease=1234abcd /bikeshare/kiosk/lease x; echo EXIT=$?", d, n_etcd_table)
    run(f"{E} compaction 700; {E} defrag; {E} alarm disarm; {E} put /bikeshare/stations/camden00/cutoff 01:30", cwd=d)
    cm.stop(p)
    cap("etcd-log-tail-60", "tail -n 60 etcd.log", d, n_etcd_log)
    cap("etcd-log-grep-warn-alarm-compact-echo", "grep -E 'warn|error|alarm|compact|snapshot|defrag' etcd.log; "
        "echo EXIT=$?", d, n_etcd_log)


STEPS = [promtool_steps, prometheus_steps, caddy_steps, etcd_steps]
