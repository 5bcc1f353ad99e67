"""Round 15, the data-shaped kinds: CSVs of two shapes with outliers in the middle, SQL results over them, a
loopback JSON API of CI results, npm views, an npm app's lockfile and tree, pip in a scratch venv, process and
system tables (with a stopped process and a zombie among the rows), k8s YAML, jq and env. Every extractor is the
original kind's (capture_data.py, capture_more.py), registered again by `orig`. Run through capture_wide15.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_data as cd
import capture_more as cm
from capture_data import free_port, stop, wait_port
from capture_more import add_or_skip as add
from capture_more import run, write_tree
from capture_wide6 import reuse, text_rule
from capture_wide7_more import first


def orig(name: str, family: str, fn, doc_of=None):
    """The first rounds' extractor `fn` (of the raw text) under its own kind name and rule line (`doc_of`'s)."""
    return reuse(name, family, text_rule(fn), first(doc_of or fn))


n_csv = orig("csv", "table", cd.needles_csv)
n_sqlite_col = orig("sqlite-column", "table", cd.needles_sqlite_column)
n_sqlite_csv = orig("sqlite-csv", "table", cd.needles_csv)
n_json_api = orig("json-api", "json", lambda t: cd.needles_json_api(t, pretty="\n  " in t), cd.needles_json_api)
n_json_file = orig("json-file", "json", cd.needles_json_file)
n_npm_view = orig("npm-view-json", "pkg", cd.needles_npm_view)
n_lock = orig("package-lock", "pkg", cd.needles_package_lock)
n_npm_ls = orig("npm-ls", "pkg", cd.needles_npm_ls)
n_npm_install = orig("npm-install", "pkg", cd.needles_npm_install)
n_pip_install = orig("pip-install", "pkg", cd.needles_pip_install)
n_pip_list = orig("pip-list", "pkg", cd.needles_pip_list)
n_pip_json = orig("pip-list-json", "pkg", cd.needles_pip_list_json)
n_ps_aux = orig("ps-aux", "listing", cd.needles_ps_aux)
n_ps_ef = orig("ps-ef", "listing", cd.needles_ps_ef)
n_top = orig("top", "table", cd.needles_top)
n_df = orig("df-h", "table", cd.needles_df)
n_ss = orig("ss-tanp", "listing", cd.needles_ss)
n_netstat = orig("netstat", "listing", cd.needles_netstat)
n_du = orig("du-sort", "listing", cd.needles_du)
n_ls_la = orig("ls-la", "listing", cd.needles_ls_la)
n_ls_lR = orig("ls-lR", "listing", cd.needles_ls_lR)
n_find = orig("find-printf", "listing", cd.needles_find_printf)
n_http_log = orig("http-server-log", "log", cd.needles_http_server_log)
n_cargo_meta = orig("cargo-metadata", "pkg", cd.needles_cargo_metadata)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout), extractor)


# ------------------------------------------------------------------ CSV and SQL

HOSTS = [f"web-{i:02d}" for i in range(1, 9)] + ["batch-01", "batch-02"]


def metrics_csv(rnd: random.Random) -> str:
    """Ten minutes of per-host samples: one region, one 'degraded' status and one latency spike in the middle."""
    rows = ["ts,host,region,status,latency_ms,requests,errors,cpu_pct"]
    for m in range(36):
        for h in HOSTS:
            region, status = "eu-west-1", "ok"
            lat = round(rnd.gauss(42, 6), 1)
            req = rnd.randint(900, 1400)
            err = rnd.choice([0, 0, 0, 1, 2])
            if m == 17 and h == "web-05":
                region, status, lat, err = "ap-south-1", "degraded", 2841.7, 311
            if m == 22 and h == "batch-02":
                status, req = "draining", 3
            rows.append(f"2026-03-14T09:{m:02d}:00Z,{h},{region},{status},{lat},{req},{err},{rnd.randint(18, 71)}")
    return "\n".join(rows) + "\n"


def orders_csv(rnd: random.Random) -> str:
    """An export with quoted fields: one refund of a negative amount and one order from a rare country mid-file."""
    names = ["Acme Ltd", "Globex, Inc.", "Initech", "Umbrella Corp", "Stark Industries", "Wayne \"WE\" Enterprises",
             "Hooli", "Vandelay Imports"]
    rows = ["order_id,customer,country,currency,channel,amount,items,created_at"]
    for i in range(1, 141):
        country, cur, ch = "DE", "EUR", rnd.choice(["web", "web", "web", "partner"])
        amount = f"{rnd.uniform(20, 900):.2f}"
        if i == 63:
            amount = "-1249.00"
        if i == 88:
            country, cur = "BR", "BRL"
        cust = rnd.choice(names)
        cust = f'"{cust.replace(chr(34), chr(34) * 2)}"' if ("," in cust or '"' in cust) else cust
        rows.append(f"A-{20000 + i},{cust},{country},{cur},{ch},{amount},{rnd.randint(1, 9)},2026-03-{1 + i % 28:02d}")
    return "\n".join(rows) + "\n"


def tables(tmp: Path) -> None:
    d = tmp / "warehouse"
    rnd = random.Random(1515)
    write_tree(d, {"data/metrics.csv": metrics_csv(rnd), "exports/orders_2026-03.csv": orders_csv(rnd)})
    cap("csv-cat-host-metrics", "cat data/metrics.csv", d, n_csv)
    cap("csv-head-orders-export", "head -n 100 exports/orders_2026-03.csv", d, n_csv)
    run("sqlite3 wh.db '.mode csv' '.import data/metrics.csv metrics' '.import exports/orders_2026-03.csv orders'", cwd=d)
    cap("sqlite-column-host-latency", 'sqlite3 -column -header wh.db "SELECT host, region, status, COUNT(*) AS samples, '
        'substr(ts, 12, 4) || \'0\' AS from_min, ROUND(AVG(latency_ms), 1) AS avg_ms, MAX(CAST(latency_ms AS REAL)) AS max_ms, '
        'SUM(errors) AS errors FROM metrics GROUP BY host, region, status, from_min ORDER BY host, from_min"', d, n_sqlite_col)
    cap("sqlite-column-orders", 'sqlite3 -column -header wh.db "SELECT order_id, customer, country, channel, amount, items '
        'FROM orders ORDER BY created_at, order_id LIMIT 90"', d, n_sqlite_col)
    cap("sqlite-csv-minute-samples", 'sqlite3 -csv -header wh.db "SELECT ts, host, status, latency_ms, requests '
        "FROM metrics WHERE host IN ('web-05', 'batch-02', 'web-01') ORDER BY ts, host\"", d, n_sqlite_csv)


# ------------------------------------------------------------------ a JSON API on loopback

CI_SERVER = '''
import json, random, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

rnd = random.Random(7)
MODULES = ["auth", "billing", "catalog", "checkout", "inventory", "notifications", "orders", "payments",
           "pricing", "profiles", "reports", "search", "shipping", "tax", "users", "webhooks"]
RESULTS = []
for i, m in enumerate(MODULES * 2):
    name = m if i < len(MODULES) else m + "-worker"
    status = "failed" if name == "payments-worker" else "passed"
    RESULTS.append({"module": name, "status": status, "tests": rnd.randint(14, 180), "duration_ms": rnd.randint(800, 9000),
                    "error": "AssertionError: expected 200, got 502 (payments-worker/test_refund.py::test_partial)"
                    if status == "failed" else None})
RESULTS[9]["duration_ms"] = 241877

class H(BaseHTTPRequestHandler):
    def do_GET(self):
        body = {"pipeline": "nightly-2026-03-14", "count": len(RESULTS),
                "failed": sum(r["status"] == "failed" for r in RESULTS), "results": RESULTS}
        data = json.dumps(body).encode()
        self.send_response(200 if self.path.startswith("/api/") else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def api(tmp: Path) -> None:
    """A CI results API run briefly (curl its answer raw and pretty); then python -m http.server's log."""
    d = tmp / "ci-api"
    write_tree(d, {"server.py": CI_SERVER})
    port = free_port()
    p = cm.start(["python3", "-u", "server.py", str(port)], cwd=d)
    try:
        assert wait_port(port), "server did not start"
        url = f"http://127.0.0.1:{port}/api/runs/latest"
        cap("json-api-ci-raw", f"curl -s {url}", d, n_json_api, timeout=30)
        cap("json-api-ci-pretty", f"curl -s {url} | python3 -m json.tool", d, n_json_api, timeout=30)
    finally:
        stop(p)
    site = tmp / "warehouse"
    port = free_port()
    log = (d / "http.log").open("wb")
    p = cm.start(["python3", "-u", "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=site, log=log)
    try:
        assert wait_port(port), "http.server did not start"
        base = f"http://127.0.0.1:{port}"
        for path in ["/", "/data/", "/data/metrics.csv", "/exports/", "/exports/orders_2026-03.csv"] * 6 + \
                ["/favicon.ico", "/data/metrics.csv", "/.env", "/exports/orders_2026-02.csv", "/wh.db"]:
            run(f"curl -s -o /dev/null {base}{path}", timeout=20)
        run(f"curl -s -o /dev/null -X POST {base}/exports/", timeout=20)
        time.sleep(0.5)
    finally:
        stop(p)
        log.close()
    cap("http-server-log-warehouse", "cat http.log", d, n_http_log)


# ------------------------------------------------------------------ npm and pip

# request@2 is deprecated with deprecated dependencies: the install prints its warnings, as old apps do
APP_DEPS = ["fastify@4.28.1", "pino@8.21.0", "zod@3.23.8", "dayjs@1.11.13", "nanoid@3.3.7", "request@2.88.2"]
APP_DEV = ["prettier@3.3.3", "nodemon@3.1.4"]


def npm(tmp: Path) -> None:
    app = tmp / "orders-svc"
    write_tree(app, {"package.json": json.dumps({"name": "orders-svc", "version": "2.4.0", "private": True,
                                                 "main": "src/server.js", "scripts": {"start": "node src/server.js"}},
                                                indent=2) + "\n"})
    # this machine's registry mirror serves no deprecation notices: the http log level is what makes the install talk
    add("npm-install-orders-svc", f"npm install --loglevel=http {' '.join(APP_DEPS)} 2>&1",
        run(f"npm install --no-audit --loglevel=http {' '.join(APP_DEPS)} 2>&1", cwd=app, timeout=400), n_npm_install)
    run(f"npm install --no-audit --no-fund -D {' '.join(APP_DEV)}", cwd=app, timeout=400)
    cap("package-lock-orders-svc", "cat package-lock.json", app, n_lock)
    cap("npm-ls-orders-svc", "npm ls --all 2>&1 | head -n 220", app, n_npm_ls)
    cap("json-file-fastify-package", "python3 -m json.tool node_modules/fastify/package.json", app, n_json_file)
    cap("jq-lock-records", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | sub(\"^.*node_modules/\"; \"\")), "
        "version: .value.version, license: .value.license, dev: (.value.dev // false), deps: (.value.dependencies // {} | length)}]' "
        "package-lock.json", app, cm.n_jq)
    cap("jq-lock-tsv", "jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
        ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' package-lock.json", app, cm.n_jq)
    cap("npm-view-pino-json", "npm view pino --json 2>&1", app, n_npm_view, timeout=120)
    cap("npm-view-dayjs-json", "npm view dayjs --json 2>&1", app, n_npm_view, timeout=120)


def pip(tmp: Path) -> None:
    venv = tmp / "venv"
    run(f"python3 -m venv {venv}", timeout=120)
    py = f"{venv}/bin/python -m pip"
    env = {"PIP_CONFIG_FILE": "/dev/null"}
    add("pip-install-httpx-rich", "pip install httpx==0.27.2 rich==13.9.4 'pydantic>=2,<3' 2>&1",
        run(f"{py} install httpx==0.27.2 rich==13.9.4 'pydantic>=2,<3' 2>&1", env=env, timeout=600), n_pip_install)
    write_tree(tmp / "wh-tools", {"pyproject.toml": '[project]\nname = "wh-tools"\nversion = "0.1.0"\n\n'
                                  '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n',
                                  "wh_tools/__init__.py": "VERSION = '0.1.0'\n"})
    run(f"{py} install -q -e {tmp / 'wh-tools'} 2>&1 | tail -n 3", env=env, timeout=600)  # one editable row
    add("pip-list-scratch-venv", "pip list", run(f"{py} list 2>&1", env=env), n_pip_list)
    add("pip-list-json-scratch-venv", "pip list --format=json", run(f"{py} list --format=json 2>&1", env=env), n_pip_json)
    add("pip-freeze-tools-venv", "pip freeze", run("pip freeze 2>&1", env=env), cm.n_pip_freeze)
    add("pip-show-f-rich", "pip show -f rich", run(f"{py} show -f rich 2>&1", env=env), cm.n_pip_show)


# ------------------------------------------------------------------ processes and the system

ZOMBIE = "import os, time\nif os.fork() == 0:\n    os._exit(3)\ntime.sleep(40)\n"

K8S = """
apiVersion: v1
kind: Namespace
metadata:
  name: warehouse
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-ingest
  namespace: warehouse
  labels: {app: metrics-ingest, tier: backend}
spec:
  replicas: 3
  selector:
    matchLabels: {app: metrics-ingest}
  template:
    metadata:
      labels: {app: metrics-ingest}
    spec:
      containers:
        - name: ingest
          image: registry.example.org/warehouse/ingest:2.4.0
          ports:
            - containerPort: 8080
          env:
            - {name: LOG_LEVEL, value: info}
            - {name: BATCH_SIZE, value: "500"}
          resources:
            requests: {cpu: 250m, memory: 256Mi}
            limits: {cpu: "1", memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: 8080}
        - name: exporter
          image: registry.example.org/warehouse/exporter:0.9.1
          ports:
            - containerPort: 9102
---
apiVersion: v1
kind: Service
metadata:
  name: metrics-ingest
  namespace: warehouse
spec:
  selector: {app: metrics-ingest}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-export
  namespace: warehouse
spec:
  schedule: "15 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: export
              image: registry.example.org/warehouse/export:1.3.2
              args: ["--month", "previous", "--format", "csv"]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: metrics-ingest
  namespace: warehouse
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: metrics-ingest}
  minReplicas: 3
  maxReplicas: 12
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
"""


CI_ENV = {"HOME": "/home/runner", "USER": "runner", "SHELL": "/bin/bash", "LANG": "C.UTF-8", "PWD": "/home/runner/work/warehouse",
          "PATH": "/home/runner/.local/bin:/opt/hostedtoolcache/node/20.11.1/x64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_REF": "refs/heads/main", "GITHUB_SHA": "4f0c2a9d1e7b3c5a8f6e2d0b9a7c5e3f1d2b4a6c",
          "GITHUB_REPOSITORY": "example/warehouse", "GITHUB_RUN_ID": "8812734411", "GITHUB_WORKSPACE": "/home/runner/work/warehouse",
          "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "RUNNER_TEMP": "/home/runner/work/_temp", "NODE_ENV": "test",
          "APP_ENV": "ci", "LOG_LEVEL": "debug", "DATABASE_URL": "postgres://app@127.0.0.1:5432/warehouse_test",
          "REDIS_URL": "redis://127.0.0.1:6379/2", "METRICS_HOST": "127.0.0.1", "METRICS_PORT": "9102",
          "INGEST_BATCH_SIZE": "500", "INGEST_MODE": "replay", "PYTHONUNBUFFERED": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
          "npm_config_cache": "/home/runner/.npm", "TZ": "UTC", "TERM": "dumb", "HOSTNAME": "fv-az1122-334",
          "ImageOS": "ubuntu22", "ImageVersion": "20260310.1.0", "JAVA_HOME": "/usr/lib/jvm/temurin-17-jdk-amd64",
          "GOROOT": "/opt/hostedtoolcache/go/1.22.1/x64", "CARGO_HOME": "/home/runner/.cargo", "SHLVL": "1"}


def system(tmp: Path) -> None:
    """The tables an agent reads while a job runs: a stopped sleeper and a zombie are among the rows."""
    d = tmp / "sys"
    write_tree(d, {"zombie.py": ZOMBIE, "k8s/warehouse.yaml": K8S})
    procs = [cm.start(["python3", "zombie.py"], cwd=d), cm.start("sleep 45", cwd=d),
             cm.start(["python3", "-m", "http.server", str(free_port()), "--bind", "127.0.0.1"], cwd=d)]
    run(f"kill -STOP {procs[1].pid}")
    time.sleep(1.0)
    try:
        cap("ps-aux-with-zombie", "ps aux", d, n_ps_aux)
        cap("ps-ef-with-stopped", "ps -ef", d, n_ps_ef)
        cap("top-b-n1-w200", "top -b -n 1 -w 200 | head -n 60", d, n_top)
        cap("ss-tanp-while-serving", "ss -tanp 2>&1 | head -n 150", d, n_ss)
        cap("netstat-tanp-while-serving", "netstat -tanp 2>&1 | head -n 150", d, n_netstat)
    finally:
        run(f"kill -CONT {procs[1].pid}")
        for p in procs:
            stop(p)
    cap("df-ah", "df -ah", d, n_df)
    cap("vmstat-w-1-10", "vmstat -w 1 10", d, cm.n_vmstat, timeout=30)
    cap("iostat-xz", "iostat -x 1 2", d, cm.n_iostat, timeout=30)
    cap("mount-list", "mount", d, cm.n_mount)
    # a CI job's environment, spelled out: this machine's own environment is not an item
    ci_env = " ".join(f"{k}={v}" for k, v in CI_ENV.items())
    add("env-sort-ci", "env | sort", run(f"env -i {ci_env} sh -c 'env | sort'", cwd=d), cm.n_env)
    cap("cat-k8s-warehouse", "cat k8s/warehouse.yaml", d, cm.n_k8s)


def listings(tmp: Path) -> None:
    """Listings over the npm app the npm step installed."""
    app = tmp / "orders-svc"
    cap("ls-la-node-modules", "ls -la node_modules", app, n_ls_la)
    cap("ls-lR-fastify-lib", "ls -lR node_modules/fastify/lib node_modules/fastify/types", app, n_ls_lR)
    cap("find-printf-pino", "find node_modules/pino -type f -printf '%M %u %s %p\\n'", app, n_find)
    cap("du-ah-sort-node-modules", "du -ah node_modules/zod/lib | sort -h | tail -n 50", app, n_du)
    cap("tree-pino-dirs", "tree -L 2 node_modules/pino", app, cm.n_tree)


STEPS = [tables, api, npm, pip, system, listings]
