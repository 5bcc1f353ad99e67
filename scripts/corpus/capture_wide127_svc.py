"""Round 127's service items (second samples of round 119's kinds, its extractors imported): `sluice`, a canal
authority's locks, gates and pumping stations, on 127.0.0.1 from Debian's packages. A 3-member etcd cluster filled by a
seeded writer through the v3 JSON gateway, watched while a second writer opens gates, trips pumps and removes retired
gates, one member killed; Prometheus scraping pumping-station exporters written here (one station down, alerts firing
or pending) and sending to Alertmanager, which also gets a seeded gate-sensor source; ZooKeeper holding lock-keeper
sessions and a znode tree written with kazoo (round 119's venv); munin-run over Debian's plugins; collectd's CSV
files. Run through capture_wide127.py."""

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
from capture_wide119_etcd import n_etcdctl_json, n_etcdctl_watch
from capture_wide119_mon import n_collectd_csv, n_munin_run
from capture_wide119_prom import n_amtool_query, n_prom_alerts, n_prom_query, n_promtool_query
from capture_wide119_zk import KAZOO_VENV, n_zk_4lw, n_zkcli, zk_home
from capture_wide127 import add, cap

# ------------------------------------------------------------------ etcd

MEMBERS = ["sluice-n1", "sluice-n2", "sluice-n3"]
LOCKS = [f"L{n:02d}" for n in range(1, 31)]


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
             "--initial-cluster-state", "new", "--initial-cluster-token", "sluice-127", "--logger", "zap"],
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

    rng = random.Random(1273)
    keys = []
    for lock in LOCKS:
        for g in ("upper", "lower"):
            for leaf in range(rng.randint(2, 4)):
                k = f"/sluice/locks/{lock}/gates/{g}-{leaf}"
                call("put", {"key": b64(k), "value": b64(json.dumps({"state": "closed", "cycles": rng.randint(10, 9000)}))})
                keys.append(k)
    pumps = [f"/sluice/pumps/PS{s}/P{p}" for s in range(1, 9) for p in range(1, 7)]
    for k in pumps:
        call("put", {"key": b64(k), "value": b64(json.dumps({"amps": round(rng.uniform(20, 60), 1), "status": "ok"}))})
    # pumps change state for a while before anyone watches (the history the second watch replays)
    for n in range(240):
        k = rng.choice(pumps)
        st = "ok" if rng.random() > 0.07 else rng.choice(["TRIP: overcurrent", "fail: seal leak", "down: no mains"])
        call("put", {"key": b64(k), "value": b64(json.dumps({"amps": round(rng.uniform(20, 95), 1), "status": st}))})
    cap("etcd-member-list-json", f"etcdctl --endpoints={eps} member list -w json | jq .", d, n_etcdctl_json)
    wlog = d / "watch.out"
    watcher = cm.start(f"timeout 20 etcdctl --endpoints={e1} watch --prefix /sluice/locks/ > {wlog} 2>&1", cwd=d)
    time.sleep(1.5)
    for n in range(320):
        k = rng.choice(keys)
        if n % 29 == 13:
            call("deleterange", {"key": b64(k)})
        else:
            st = rng.choice(["open", "closed", "opening", "closing"]) if rng.random() > 0.06 else \
                rng.choice(["ERROR: limit switch", "fail: hydraulic pressure", "down: e-stop"])
            call("put", {"key": b64(k), "value": b64(json.dumps({"state": st, "seq": n}))})
    watcher.wait(timeout=40)
    text = wlog.read_text()
    tail = "\n".join(text.splitlines()[-240:]) + "\n"
    add("etcd-watch-gates-tail", f"timeout 20 etcdctl --endpoints={e1} watch --prefix /sluice/locks/ | tail -n 240",
        tail, n_etcdctl_watch)
    cap("etcd-watch-pumps-rev1", f"timeout 8 etcdctl --endpoints={e1} watch --rev=1 --prefix /sluice/pumps/ "
        f"| head -n 600", d, n_etcdctl_watch, timeout=60)
    procs[1].kill()
    procs[1].wait()
    time.sleep(2)
    cap("etcd-health-cluster-json-down", f"etcdctl --endpoints={e1} endpoint health --cluster -w json | jq .; "
        f"echo EXIT=$?", d, n_etcdctl_json, timeout=60)


# ------------------------------------------------------------------ Prometheus, Alertmanager

EXPORTER = r'''
import random, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def body(station, seed):
    rng = random.Random(seed * 7919 + int(time.time() // 4))
    out = ["# TYPE sluice_pump_current_amps gauge"]
    for p in range(1, 7):
        a = random.Random(f"{station}P{p}").uniform(22, 58) + rng.uniform(-1.5, 1.5)
        if (station, p) in (("PS3", 4), ("PS6", 1)):
            a = 118 + rng.uniform(0, 6)
        out.append(f'sluice_pump_current_amps{{pump="P{p}"}} {a:.2f}')
    out.append("# TYPE sluice_water_level_metres gauge")
    for lock in range(1, 5):
        for side in ("upper", "lower"):
            lvl = random.Random(f"{station}{lock}{side}").uniform(1.1, 3.2) + rng.uniform(-0.02, 0.02)
            if (station, lock, side) == ("PS5", 2, "upper"):
                lvl = 4.41 + rng.uniform(0, 0.05)
            out.append(f'sluice_water_level_metres{{lock="L{seed * 4 + lock:02d}",side="{side}"}} {lvl:.3f}')
    out.append("# TYPE sluice_gate_cycles_total counter")
    for g in ("upper-0", "upper-1", "lower-0", "lower-1"):
        out.append(f'sluice_gate_cycles_total{{gate="{g}"}} {int(time.time() - 1.75e9) // (3 + seed)}')
    out.append("# TYPE sluice_gate_seconds_to_close gauge")
    for g in ("upper-0", "lower-0"):
        s = random.Random(f"{station}{g}").uniform(40, 70)
        if (station, g) == ("PS2", "lower-0"):
            s = 212.0
        out.append(f'sluice_gate_seconds_to_close{{gate="{g}"}} {s:.1f}')
    return "\n".join(out) + "\n"

def serve(station, seed, port):
    class H(BaseHTTPRequestHandler):
        def do_GET(self):
            data = body(station, seed).encode()
            self.send_response(200); self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
        def log_message(self, *a):
            pass
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()

for i, spec in enumerate(sys.argv[1:]):
    st, port = spec.split("=")
    threading.Thread(target=serve, args=(st, i, int(port)), daemon=True).start()
while True:
    time.sleep(3600)
'''

RULES = """groups:
  - name: sluice-pumps
    interval: 2s
    rules:
      - alert: PumpOvercurrent
        expr: sluice_pump_current_amps > 100
        labels:
          severity: critical
          team: pumps
        annotations:
          summary: "pump {{ $labels.pump }} at {{ $labels.station }} draws {{ $value }} A"
      - alert: PumpWarm
        expr: sluice_pump_current_amps > 55
        for: 45m
        labels:
          severity: warning
          team: pumps
        annotations:
          summary: "pump {{ $labels.pump }} at {{ $labels.station }} above 55 A"
  - name: sluice-locks
    interval: 2s
    rules:
      - alert: ChamberLevelHigh
        expr: sluice_water_level_metres > 4
        labels:
          severity: critical
          team: locks
        annotations:
          summary: "lock {{ $labels.lock }} {{ $labels.side }} pound at {{ $value }} m"
      - alert: GateSlowToClose
        expr: sluice_gate_seconds_to_close > 120
        labels:
          severity: warning
          team: locks
        annotations:
          summary: "gate {{ $labels.gate }} at {{ $labels.station }} took {{ $value }} s to close"
      - alert: StationDown
        expr: up{job="stations"} == 0
        labels:
          severity: critical
          team: ops
        annotations:
          summary: "station exporter {{ $labels.instance }} unreachable"
"""

STATIONS = [f"PS{n}" for n in range(1, 9)]

AM_CONF = """route:
  receiver: canal-ops
  group_by: [alertname, station]
  routes:
    - matchers: [team="locks"]
      receiver: lock-keepers
receivers:
  - name: canal-ops
    webhook_configs:
      - url: http://127.0.0.1:9/ops
  - name: lock-keepers
    webhook_configs:
      - url: http://127.0.0.1:9/keepers
"""


def prom_steps(tmp: Path) -> None:
    d = tmp / "prom"
    d.mkdir(parents=True, exist_ok=True)
    ports = [free_port() for _ in STATIONS]
    (d / "exporters.py").write_text(EXPORTER)
    cm.start(["python3", str(d / "exporters.py"), *[f"{s}={p}" for s, p in zip(STATIONS, ports)]])
    dead, pport, aport, acport = free_port(), free_port(), free_port(), free_port()
    (d / "alertmanager.yml").write_text(AM_CONF)
    cm.start(["prometheus-alertmanager", f"--config.file={d / 'alertmanager.yml'}", f"--storage.path={d / 'am'}",
              f"--web.listen-address=127.0.0.1:{aport}", f"--cluster.listen-address=127.0.0.1:{acport}"],
             cwd=d, log=open(d / "alertmanager.log", "wb"))
    targets = "\n".join(f"      - targets: ['127.0.0.1:{p}']\n        labels:\n          station: {s}"
                        for s, p in zip(STATIONS + ["PS9"], ports + [dead]))
    (d / "rules.yml").write_text(RULES)
    (d / "prometheus.yml").write_text(
        f"global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n  external_labels:\n    canal: sluice\n"
        f"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['127.0.0.1:{aport}']\n"
        f"rule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: stations\n    static_configs:\n{targets}\n")
    for p in ports:
        wait_port(p, 10)
    cm.start(["prometheus", f"--config.file={d / 'prometheus.yml'}", f"--storage.tsdb.path={d / 'data'}",
              f"--web.listen-address=127.0.0.1:{pport}"], cwd=d, log=open(d / "prometheus.log", "wb"))
    wait_port(pport, 30)
    wait_port(aport, 20)
    # the gate-sensor source: a seeded set of alerts pushed through Alertmanager's v2 API
    rng = random.Random(1276)
    t0 = time.time()
    push = []
    for n in range(52):
        name = "GateSensorStale" if n not in (9, 31, 44) else "BankErosionTilt"
        push.append({"labels": {"alertname": name, "sensor": f"GS{rng.randint(1, 480):04d}",
                                "lock": rng.choice(LOCKS), "severity": "warning", "team": "locks"},
                     "annotations": {"summary": f"no reading for {rng.randint(5, 600)} min" if name.startswith("Gate")
                                     else f"tilt {rng.uniform(2, 9):.1f} degrees"},
                     "startsAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t0 - rng.randint(120, 20 * 3600)))})
    (d / "push.json").write_text(json.dumps(push))
    run(f"curl -s -XPOST -H 'Content-Type: application/json' --data @push.json "
        f"http://127.0.0.1:{aport}/api/v2/alerts", cwd=d)
    time.sleep(40)
    P = f"http://127.0.0.1:{pport}"
    cap("query-pump-amps", f"curl -s '{P}/api/v1/query?query=sluice_pump_current_amps' | jq -c '.data.result[]'", d,
        n_prom_query)
    cap("query-range-levels", f"curl -s '{P}/api/v1/query_range' --data-urlencode 'query=sluice_water_level_metres' "
        f"-d start=$(($(date +%s)-30)) -d end=$(date +%s) -d step=3 | jq -c '.data.result[]'", d, n_prom_query)
    cap("query-project-head", f"curl -s '{P}/api/v1/query' --data-urlencode 'query={{__name__=~\"sluice_.*\"}}' | "
        f"jq -c '.data.result[] | {{metric, value}}' | head -n 120; curl -s '{P}/api/v1/query' --data-urlencode "
        f"'query=sum by (station (sluice_pump_current_amps)' | jq -c .", d, n_prom_query)
    cap("promtool-instant-levels", f"promtool query instant {P} 'sluice_water_level_metres > 2'; promtool query "
        f"instant {P} 'up'; echo EXIT=$?", d, n_promtool_query)
    end = int(time.time())
    cap("promtool-range-ps3-head", f"promtool query range --start={end - 36} --end={end} --step=3s {P} "
        f"'sluice_pump_current_amps{{station=\"PS3\"}}' | head -n 100", d, n_promtool_query)
    cap("alerts-api", f"curl -s {P}/api/v1/alerts | jq .", d, n_prom_alerts)
    cap("alerts-api-critical", f"curl -s {P}/api/v1/alerts | jq '.data.alerts[] | select(.labels.severity == "
        f"\"critical\") | {{labels, state, annotations}}'", d, n_prom_alerts)
    time.sleep(3)
    A = f"--alertmanager.url=http://127.0.0.1:{aport}"
    cap("amtool-query", f"amtool alert query {A}", d, n_amtool_query)
    cap("amtool-query-locks-tail", f"amtool alert query {A} team=locks | tail -n 40", d, n_amtool_query)


# ------------------------------------------------------------------ ZooKeeper

FILL = r'''
import json, random, sys
from kazoo.client import KazooClient
rng = random.Random(1277)
zk = KazooClient(hosts=sys.argv[1], timeout=10); zk.start()
for p in ("/sluice/locks", "/sluice/keepers", "/sluice/leases", "/sluice/settings"):
    zk.ensure_path(p)
for k in ("tide-table", "night-passage", "max-draught", "pump-priority"):
    zk.create(f"/sluice/settings/{k}", json.dumps({"v": rng.randint(1, 30)}).encode())
for n in range(int(sys.argv[2])):
    base = f"/sluice/locks/L{n:03d}"
    zk.create(base, json.dumps({"rise_m": round(rng.uniform(0.8, 6.5), 2)}).encode())
    for g in ("upper", "lower"):
        zk.create(f"{base}/{g}", b"closed" if rng.random() > 0.05 else b"JAMMED")
    if n in (41, 118):
        zk.create(f"{base}/stoppage", b"gate seal replacement")
for n in range(40):
    zk.create("/sluice/leases/lease-", b"x", sequence=True)
zk.stop()
'''

KEEPER = r'''
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=20); zk.start()
zk.create(f"/sluice/keepers/{sys.argv[2]}", b"on shift", ephemeral=True)
for n in range(int(sys.argv[3])):
    zk.get("/sluice/settings/tide-table"); zk.exists(f"/sluice/locks/L{n % 60:03d}/upper")
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
        f"clientPortAddress=127.0.0.1\n4lw.commands.whitelist=mntr,srvr,cons,conf\nadmin.enableServer=false\n")
    cp = "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar"
    cm.start(["java", "-Xmx256m", "-cp", cp, "org.apache.zookeeper.server.quorum.QuorumPeerMain", str(d / "zoo.cfg")],
             cwd=d, log=open(d / "stdout.log", "wb"))
    if not wait_port(port, 60):
        cm.note("skip zookeeper: server did not start")
        return
    hp = f"127.0.0.1:{port}"
    (d / "fill.py").write_text(FILL)
    (d / "keeper.py").write_text(KEEPER)
    cm.note(run(f"{KAZOO_VENV}/bin/python fill.py {hp} 180", cwd=d, timeout=300)[-300:])
    for n in range(9):
        cm.start([str(KAZOO_VENV / "bin" / "python"), str(d / "keeper.py"), hp, f"keeper-{n:02d}", str(40 + n * 30)])
    time.sleep(8)
    nc = f"nc -q 5 127.0.0.1 {port}"
    cap("zk-mntr-exit", f"echo mntr | {nc}; echo EXIT=$?", d, n_zk_4lw)
    cap("zk-srvr-cons-stat", f"for w in srvr cons stat; do echo \"== $w\"; echo $w | {nc}; echo; done", d, n_zk_4lw)
    cli = f"{home}/bin/zkCli.sh -server {hp}"
    env = {"CLASSPATH": "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar", "ZOO_LOG4J_PROP": "WARN,CONSOLE",
           "JVMFLAGS": "-Xmx128m"}
    cap("zkcli-ls-r-head", f"{cli} ls -R /sluice 2>/dev/null | grep -v '^$' | head -n 200", d, n_zkcli, env=env,
        timeout=120, typed=f"zkCli.sh -server {hp} ls -R /sluice 2>/dev/null | head -n 200")
    cap("zkcli-ls-r-locks-tail", f"{cli} ls -R /sluice/locks 2>/dev/null | tail -n 150", d, n_zkcli, env=env,
        timeout=120, typed=f"zkCli.sh -server {hp} ls -R /sluice/locks 2>/dev/null | tail -n 150")
    cap("zkcli-stat-get", f"{cli} stat /sluice/locks/L041 2>&1; {cli} get -s /sluice/locks/L041/stoppage 2>&1; "
        f"{cli} ls /sluice/locks/L999 2>&1; echo EXIT=$?", d, n_zkcli, env=env, timeout=120,
        typed=f"zkCli.sh -server {hp} stat /sluice/locks/L041; zkCli.sh -server {hp} get -s "
        f"/sluice/locks/L041/stoppage; zkCli.sh -server {hp} ls /sluice/locks/L999; echo EXIT=$?")


# ------------------------------------------------------------------ munin, collectd

def munin_steps(tmp: Path) -> None:
    d = tmp / "munin"
    d.mkdir(parents=True, exist_ok=True)
    cap("munin-loop-subset", "for p in df df_inode memory vmstat interrupts forks swap open_files users; do "
        "echo \"== $p\"; munin-run $p; done 2>&1", d, n_munin_run, timeout=300)
    cap("munin-config-df-exit", "munin-run df config; munin-run df; munin-run if_eth0 config; munin-run nosuchplugin; "
        "echo EXIT=$?", d, n_munin_run, timeout=120)


COLLECTD_CONF = """Hostname "sluice-ops"
FQDNLookup false
Interval 1
BaseDir "{d}/base"
PIDFile "{d}/collectd.pid"
PluginDir "/usr/lib/collectd"
TypesDB "/usr/share/collectd/types.db"
LoadPlugin interface
LoadPlugin contextswitch
LoadPlugin entropy
LoadPlugin swap
LoadPlugin uptime
LoadPlugin vmem
LoadPlugin csv
<Plugin csv>
  DataDir "{d}/csv"
  StoreRates true
</Plugin>
"""


def collectd_steps(tmp: Path) -> None:
    d = tmp / "collectd"
    (d / "base").mkdir(parents=True, exist_ok=True)
    (d / "collectd.conf").write_text(COLLECTD_CONF.format(d=d))
    p = cm.start(["/usr/sbin/collectd", "-f", "-C", str(d / "collectd.conf")], cwd=d,
                 log=open(d / "stdout.log", "wb"))
    time.sleep(45)
    p.terminate()
    try:
        p.wait(timeout=10)
    except Exception:
        p.kill()
    cm.note(run("find csv -type f | head -n 60", cwd=d))
    cap("collectd-csv-interface", "tail -n +1 csv/sluice-ops/interface-*/*", d, n_collectd_csv)
    cap("collectd-csv-vmem-head", "head -n 25 csv/sluice-ops/vmem/vmpage_number-* | head -n 400", d, n_collectd_csv)


STEPS = [etcd_steps, prom_steps, zk_steps, munin_steps, collectd_steps]
