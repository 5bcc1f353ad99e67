"""Round 142's service items (third samples of round 119's kinds, its extractors imported): `lintel`, a rail freight
yard's signalling and shunting, on 127.0.0.1 from Debian's packages. A 3-member etcd cluster of switch, signal and
track-circuit keys filled by a seeded writer through the v3 JSON gateway, watched while a second writer throws
switches, fails signals and removes retired ones, one member killed; axle-counter history backfilled with `promtool
tsdb create-blocks-from openmetrics` from a seeded generator; Prometheus scraping yard exporters written here (one
target down, rules firing or pending, one rule broken); ZooKeeper holding shunting-crew sessions and a znode tree
written with kazoo (round 119's venv). Run through capture_wide142.py."""

from __future__ import annotations

import base64
import json
import math
import random
import re
import time
import urllib.request
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, wait_port
from capture_wide119_etcd import n_etcdctl_health, n_etcdctl_json, n_etcdctl_watch
from capture_wide119_prom import (n_prom_alerts, n_prom_query, n_prom_rules, n_promtool_query, n_tsdb_analyze,
                                  n_tsdb_blocks)
from capture_wide119_zk import KAZOO_VENV, n_zk_4lw, n_zkcli, zk_home
from capture_wide142 import add, cap

# ------------------------------------------------------------------ etcd

MEMBERS = ["lintel-east", "lintel-west", "lintel-hump"]
SWITCH_KINDS = ["turnout", "crossover", "slip", "derail", "catch"]


def etcd_steps(tmp: Path) -> None:
    d = tmp / "etcd"
    d.mkdir(parents=True, exist_ok=True)
    cport = [free_port() for _ in MEMBERS]
    pport = [free_port() for _ in MEMBERS]
    init = ",".join(f"{n}=http://127.0.0.1:{p}" for n, p in zip(MEMBERS, pport))
    procs = []
    for n, c, p in zip(MEMBERS, cport, pport):
        procs.append(cm.start(
            ["etcd", "--name", n, "--data-dir", str(d / n), "--listen-client-urls", f"http://127.0.0.1:{c}",
             "--advertise-client-urls", f"http://127.0.0.1:{c}", "--listen-peer-urls", f"http://127.0.0.1:{p}",
             "--initial-advertise-peer-urls", f"http://127.0.0.1:{p}", "--initial-cluster", init,
             "--initial-cluster-state", "new", "--initial-cluster-token", "lintel-142", "--logger", "zap",
             "--quota-backend-bytes", str(48 * 1024 * 1024)],
            log=open(d / f"{n}.log", "wb")))
    for c in cport:
        wait_port(c, 20)
    time.sleep(3)
    eps = ",".join(f"127.0.0.1:{c}" for c in cport)
    e1 = f"127.0.0.1:{cport[0]}"

    def call(op: str, body: dict) -> None:
        req = urllib.request.Request(f"http://{e1}/v3/kv/{op}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=10).read()

    def b64(s: str) -> str:
        return base64.b64encode(s.encode()).decode()

    rng = random.Random(1421)
    keys = []
    for i in range(300):
        kind = rng.choice(SWITCH_KINDS)
        k = f"/lintel/yard/{rng.choice(['arrival', 'classification', 'departure'])}/{kind}/SW{i:04d}"
        call("put", {"key": b64(k), "value": b64(json.dumps({"position": rng.choice(["normal", "reverse"]),
                                                             "throws": rng.randint(100, 90000), "status": "ok"}))})
        keys.append(k)
    for s in range(120):
        call("put", {"key": b64(f"/lintel/signals/S{s:03d}"),
                     "value": b64(json.dumps({"aspect": rng.choice(["stop", "caution", "clear"]), "lamp_ma": rng.randint(180, 260)}))})
    cap("etcd-status-json", f"etcdctl --endpoints={eps} endpoint status -w json | jq .", d, n_etcdctl_json)
    cap("etcd-member-list-json-project", f"etcdctl --endpoints={eps} member list -w json | jq '.members[] | "
        f"{{ID, name, peerURLs, clientURLs}}'; echo EXIT=$?", d, n_etcdctl_json)
    wlog = d / "watch.out"
    watcher = cm.start(f"timeout 22 etcdctl --endpoints={e1} watch --prefix /lintel/yard/ > {wlog} 2>&1", cwd=d)
    time.sleep(1.5)
    for n in range(420):
        k = rng.choice(keys)
        if n % 31 == 17:
            call("deleterange", {"key": b64(k)})
        else:
            st = "ok" if rng.random() > 0.05 else rng.choice(["FAIL: point detection lost", "error: motor stall",
                                                               "down: heater circuit open"])
            call("put", {"key": b64(k), "value": b64(json.dumps({"position": rng.choice(["normal", "reverse"]),
                                                                 "status": st, "seq": n}))})
    watcher.wait(timeout=40)
    lines = wlog.read_text().splitlines()
    add("etcd-watch-yard-head-360", f"timeout 22 etcdctl --endpoints={e1} watch --prefix /lintel/yard/ | head -n 360",
        "\n".join(lines[:360]) + "\n", n_etcdctl_watch)
    procs[2].kill()
    procs[2].wait()
    time.sleep(2)
    cap("etcd-health-down-exit", f"etcdctl --endpoints={eps} endpoint health; echo EXIT=$?", d, n_etcdctl_health,
        timeout=60)
    cap("etcd-status-json-down-exit", f"etcdctl --endpoints={eps} endpoint status -w json | jq .; echo EXIT=$?", d,
        n_etcdctl_json, timeout=60)


# ------------------------------------------------------------------ promtool tsdb (backfilled history)

AXLES = [f"AC{n:03d}" for n in range(1, 91)]


def openmetrics(now: int, rng: random.Random) -> str:
    """40 hours of axle-counter and retarder samples, ten minutes apart, ending three hours before now."""
    start = (now - 43 * 3600) // 600 * 600
    out = ["# HELP lintel_axle_count_total Axles counted past the head.", "# TYPE lintel_axle_count_total counter"]
    for a in AXLES:
        c, rate = 0, rng.uniform(0.5, 12)
        for t in range(start, start + 40 * 3600, 600):
            c += int(rate * rng.uniform(0, 2) * 10)
            if a == "AC042" and t > start + 30 * 3600:
                c = 0 if t % 1800 == 0 else c  # a counter head that resets
            out.append(f'lintel_axle_count_total{{head="{a}",section="{"hump" if int(a[2:]) % 4 == 0 else "bowl"}"}} '
                       f"{c} {t}")
    out += ["# HELP lintel_retarder_pressure_bar Retarder brake pressure.", "# TYPE lintel_retarder_pressure_bar gauge"]
    for r in range(1, 25):
        base = rng.uniform(55, 80)
        for t in range(start, start + 40 * 3600, 600):
            p = base + 6 * math.sin((t - start) / 5400 + r) + rng.uniform(-1, 1)
            out.append(f'lintel_retarder_pressure_bar{{retarder="R{r:02d}"}} {p:.2f} {t}')
    out.append("# EOF")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ Prometheus

EXPORTER = r'''
import random, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def body(yard, seed):
    rng = random.Random(seed * 104729 + int(time.time() // 3))
    out = ["# TYPE lintel_switch_motor_current_amps gauge"]
    for s in range(1, 9):
        a = random.Random(f"{yard}SW{s}").uniform(2.1, 4.8) + rng.uniform(-0.2, 0.2)
        if (yard, s) in (("hump-2", 3), ("bowl-5", 7)):
            a = 11.5 + rng.uniform(0, 1.5)
        out.append(f'lintel_switch_motor_current_amps{{switch="SW{seed * 10 + s:03d}"}} {a:.3f}')
    out.append("# TYPE lintel_track_circuit_occupied gauge")
    for tc in range(1, 7):
        occ = 1 if random.Random(f"{yard}{tc}").random() < 0.4 else 0
        if (yard, tc) == ("depart-1", 4):
            occ = 1
        out.append(f'lintel_track_circuit_occupied{{circuit="TC{seed:02d}{tc}"}} {occ}')
    out.append("# TYPE lintel_signal_lamp_milliamps gauge")
    for sg in range(1, 5):
        ma = random.Random(f"{yard}S{sg}").uniform(190, 250) + rng.uniform(-3, 3)
        if (yard, sg) in (("arrive-3", 2),):
            ma = 12.0
        out.append(f'lintel_signal_lamp_milliamps{{signal="S{seed * 5 + sg:03d}",aspect="{["red", "yellow", "green", "white"][sg - 1]}"}} {ma:.1f}')
    out.append("# TYPE lintel_wagons_humped_total counter")
    out.append(f"lintel_wagons_humped_total {int(time.time() - 1.76e9) // (2 + seed)}")
    return "\n".join(out) + "\n"

def serve(yard, seed, port):
    class H(BaseHTTPRequestHandler):
        def do_GET(self):
            data = body(yard, seed).encode()
            self.send_response(200); self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
        def log_message(self, *a):
            pass
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()

for i, spec in enumerate(sys.argv[1:]):
    y, port = spec.split("=")
    threading.Thread(target=serve, args=(y, i, int(port)), daemon=True).start()
while True:
    time.sleep(3600)
'''

RULES = """groups:
  - name: lintel-switches
    interval: 2s
    rules:
      - alert: SwitchMotorOverload
        expr: lintel_switch_motor_current_amps > 10
        labels:
          severity: critical
        annotations:
          summary: "switch {{ $labels.switch }} in {{ $labels.yard }} draws {{ $value }} A"
      - alert: SwitchMotorWarm
        expr: lintel_switch_motor_current_amps > 4.5
        for: 30m
        labels:
          severity: warning
        annotations:
          summary: "switch {{ $labels.switch }} above 4.5 A for 30m"
      - record: lintel:switch_current:max_by_yard
        expr: max by (yard) (lintel_switch_motor_current_amps)
  - name: lintel-signals
    interval: 2s
    rules:
      - alert: SignalLampOut
        expr: lintel_signal_lamp_milliamps < 50
        labels:
          severity: critical
        annotations:
          summary: "signal {{ $labels.signal }} {{ $labels.aspect }} lamp at {{ $value }} mA"
      - alert: TrackCircuitStuck
        expr: lintel_track_circuit_occupied == 1
        for: 2h
        labels:
          severity: warning
        annotations:
          summary: "circuit {{ $labels.circuit }} occupied"
      - alert: YardExporterDown
        expr: up{job="yard"} == 0
        labels:
          severity: critical
        annotations:
          summary: "exporter {{ $labels.instance }} ({{ $labels.yard }}) unreachable"
      - alert: HumpRateBroken
        expr: rate(lintel_wagons_humped_total[1m]) / on(yard) group_left lintel_track_circuit_occupied
        labels:
          severity: info
        annotations:
          summary: "hump rate"
"""

YARDS = ["arrive-1", "arrive-2", "arrive-3", "hump-1", "hump-2", "bowl-4", "bowl-5", "bowl-6", "depart-1", "depart-2"]


def prom_steps(tmp: Path) -> None:
    rng = random.Random(1422)
    d = tmp / "prom"
    d.mkdir(parents=True, exist_ok=True)
    now = int(time.time())
    (d / "axles.om").write_text(openmetrics(now, rng))
    data = d / "data"
    cap("tsdb-create-blocks-axles", f"promtool tsdb create-blocks-from openmetrics axles.om {data}", d, n_tsdb_blocks,
        timeout=300)
    cap("tsdb-list-r-exit", f"promtool tsdb list -r {data}; echo EXIT=$?", d, n_tsdb_blocks)
    cap("tsdb-analyze-limit-25", f"promtool tsdb analyze --limit=25 {data}", d, n_tsdb_analyze, timeout=300)
    blocks = sorted(p.name for p in data.iterdir() if re.match(r"^[0-9A-Z]{26}$", p.name))
    if blocks:
        cap("tsdb-analyze-oldest-block-head-60", f"promtool tsdb analyze --limit=12 {data} {blocks[0]} | head -n 60",
            d, n_tsdb_analyze, timeout=300)
    ports = [free_port() for _ in YARDS]
    (d / "exporters.py").write_text(EXPORTER)
    cm.start(["python3", str(d / "exporters.py"), *[f"{y}={p}" for y, p in zip(YARDS, ports)]])
    dead, pport = free_port(), free_port()
    targets = "\n".join(f"      - targets: ['127.0.0.1:{p}']\n        labels:\n          yard: {y}"
                        for y, p in zip(YARDS + ["depart-3"], ports + [dead]))
    (d / "rules.yml").write_text(RULES)
    (d / "prometheus.yml").write_text(
        f"global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n  external_labels:\n    railway: lintel\n"
        f"rule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: yard\n    static_configs:\n{targets}\n")
    for p in ports:
        wait_port(p, 10)
    cm.start(["prometheus", f"--config.file={d / 'prometheus.yml'}", f"--storage.tsdb.path={data}",
              f"--web.listen-address=127.0.0.1:{pport}", "--storage.tsdb.retention.time=30d"],
             cwd=d, log=open(d / "prometheus.log", "wb"))
    wait_port(pport, 30)
    time.sleep(20)
    P = f"http://127.0.0.1:{pport}"
    cap("query-switch-current", f"curl -s '{P}/api/v1/query?query=lintel_switch_motor_current_amps' | "
        f"jq -c '.data.result[]'", d, n_prom_query)
    start, end = now - 30 * 3600, now - 4 * 3600
    cap("query-range-retarders-project", f"curl -s '{P}/api/v1/query_range' --data-urlencode "
        f"'query=lintel_retarder_pressure_bar' -d start={start} -d end={end} -d step=1800 | "
        f"jq -c '.data.result[] | {{metric, last: .values[-1]}}'", d,
        n_prom_query)
    cap("query-lamps-bad-exit", f"curl -s '{P}/api/v1/query?query=lintel_signal_lamp_milliamps' | jq -c "
        f"'.data.result[] | {{metric, value}}'; curl -s '{P}/api/v1/query' --data-urlencode "
        f"'query=avg by (yard) (lintel_signal_lamp_milliamps' | jq -c .; echo EXIT=$?", d, n_prom_query)
    cap("rules-api", f"curl -s {P}/api/v1/rules | jq .", d, n_prom_rules)
    cap("alerts-api-head-150", f"curl -s {P}/api/v1/alerts | jq . | head -n 150", d, n_prom_alerts)
    cap("promtool-instant-exit", f"promtool query instant {P} 'lintel_track_circuit_occupied == 1'; promtool query "
        f"instant {P} 'up == 0'; promtool query instant {P} 'lintel_switch_motor_current_amps > 4'; echo EXIT=$?", d,
        n_promtool_query)
    cap("promtool-range-axles-head-100", f"promtool query range --start={start} --end={end} --step=2h {P} "
        f"'lintel_axle_count_total{{section=\"hump\"}}' | head -n 100", d, n_promtool_query)


# ------------------------------------------------------------------ ZooKeeper

FILL = r'''
import json, random, sys
from kazoo.client import KazooClient
rng = random.Random(1423)
zk = KazooClient(hosts=sys.argv[1], timeout=10); zk.start()
for p in ("/lintel/routes", "/lintel/crews", "/lintel/tokens", "/lintel/config"):
    zk.ensure_path(p)
for k in ("hump-speed", "max-cut-length", "retarder-profile"):
    zk.create(f"/lintel/config/{k}", json.dumps({"v": rng.randint(1, 99)}).encode())
for n in range(int(sys.argv[2])):
    base = f"/lintel/routes/R{n:03d}"
    zk.create(base, json.dumps({"from": f"A{rng.randint(1, 6)}", "to": f"B{rng.randint(1, 40)}"}).encode())
    zk.create(f"{base}/lock", b"set" if rng.random() > 0.04 else b"CONFLICT")
    zk.create(f"{base}/release", b"pending")
    if n in (17, 96):
        zk.create(f"{base}/override", b"signaller override: track circuit failed")
for n in range(30):
    zk.create("/lintel/tokens/token-", b"t", sequence=True)
zk.stop()
'''

CREW = r'''
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=20); zk.start()
zk.create(f"/lintel/crews/{sys.argv[2]}", b"on duty", ephemeral=True)
for n in range(int(sys.argv[3])):
    zk.get("/lintel/config/hump-speed"); zk.exists(f"/lintel/routes/R{n % 90:03d}/lock")
    time.sleep(0.02)
time.sleep(3600)
'''


def zk_steps(tmp: Path) -> None:
    home = zk_home()
    if home is None or not (KAZOO_VENV / "bin" / "python").exists():
        cm.note("skip zookeeper: zkCli.sh or round 119's kazoo venv not found")
        return
    d = tmp / "zk"
    (d / "data").mkdir(parents=True, exist_ok=True)
    port = free_port()
    (d / "zoo.cfg").write_text(
        f"tickTime=1000\ninitLimit=5\nsyncLimit=2\ndataDir={d / 'data'}\nclientPort={port}\n"
        f"clientPortAddress=127.0.0.1\n4lw.commands.whitelist=mntr,srvr,stat,cons\nadmin.enableServer=false\n")
    cp = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar"
    cm.start(["java", "-Xmx256m", "-cp", cp, "org.apache.zookeeper.server.quorum.QuorumPeerMain", str(d / "zoo.cfg")],
             cwd=d, log=open(d / "stdout.log", "wb"))
    if not wait_port(port, 60):
        cm.note("skip zookeeper: server did not start")
        return
    hp = f"127.0.0.1:{port}"
    (d / "fill.py").write_text(FILL)
    (d / "crew.py").write_text(CREW)
    cm.note(run(f"{KAZOO_VENV}/bin/python fill.py {hp} 140", cwd=d, timeout=300)[-300:])
    for n in range(7):
        cm.start([str(KAZOO_VENV / "bin" / "python"), str(d / "crew.py"), hp, f"crew-{n:02d}", str(30 + n * 45)])
    time.sleep(8)
    nc = f"nc -q 5 127.0.0.1 {port}"
    cap("zk-words-loop", f"for w in mntr stat conf; do echo \"== $w\"; echo $w | {nc}; echo; done; echo EXIT=$?", d,
        n_zk_4lw)
    cli = f"{home}/bin/zkCli.sh -server {hp}"
    env = {"CLASSPATH": "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar", "ZOO_LOG4J_PROP": "WARN,CONSOLE",
           "JVMFLAGS": "-Xmx128m"}
    cap("zkcli-ls-r-routes-head-250", f"{cli} ls -R /lintel 2>/dev/null | grep -v '^$' | head -n 250", d, n_zkcli,
        env=env, timeout=120, typed=f"zkCli.sh -server {hp} ls -R /lintel 2>/dev/null | head -n 250")
    cap("zkcli-stat-get-missing", f"{cli} stat /lintel/routes/R017 2>&1; {cli} get -s /lintel/routes/R017/override "
        f"2>&1; {cli} get /lintel/routes/R500/lock 2>&1; echo EXIT=$?", d, n_zkcli, env=env, timeout=120,
        typed=f"zkCli.sh -server {hp} stat /lintel/routes/R017; zkCli.sh -server {hp} get -s "
        f"/lintel/routes/R017/override; zkCli.sh -server {hp} get /lintel/routes/R500/lock; echo EXIT=$?")


STEPS = [etcd_steps, prom_steps, zk_steps]
