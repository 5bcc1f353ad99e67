"""Round 7, second half: logs (an INFO flood with a few errors, JSON lines, an access log with a few 5xx, a
journal, compose-style interleaved services, npm/pip installs), lint/test/build on real sources (ruff, mypy,
pylint, eslint, tsc, shellcheck, gcc, clippy, go vet, pytest, jest, go test, cargo test) and tables/JSON
(sqlite, CSV, an issues API, npm view). Each extractor's docstring is its rule. Run through capture_wide7.py."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from capture_data import (needles_csv, needles_npm_install, needles_npm_view, needles_pip_install,
                          needles_sqlite_column, needles_wsgi_log, python_exceptions, rule4)
from capture_diagnostics import (needles_cargo_test, needles_eslint, needles_gcc, needles_go_test, needles_jest,
                                 needles_mypy, needles_pylint, needles_pytest, needles_ruff, needles_rustc,
                                 needles_shellcheck, needles_tsc, needles_vitest)
from capture_more import add_or_skip as add, groups, have, kind, mask, n_multiproc, run, write_tree
from capture_wide2 import n_json_log
from capture_wide4 import n_long_log_crash
from capture_wide6 import JS, VENV, reuse, text_rule

NM = JS / "node_modules"
SITE = VENV / "lib" / "python3.11" / "site-packages"
TOOLS7_VENV = Path("/tmp/hm-corpus-wide7-tools/venv")  # pylint and wheel, which the round-6 install lacks


def first(fn) -> str:
    return (fn.__doc__ or "").strip().splitlines()[0]


n_access = reuse("nginx-access-log", "log", text_rule(needles_wsgi_log), first(needles_wsgi_log))
n_npm_install = reuse("npm-install", "pkg", text_rule(needles_npm_install), first(needles_npm_install))
n_pip_install = reuse("pip-install", "pkg", text_rule(needles_pip_install), first(needles_pip_install))
n_pytest = reuse("pytest", "test", needles_pytest, first(needles_pytest))
n_jest = reuse("jest", "test", needles_jest, first(needles_jest))
n_vitest = reuse("vitest", "test", needles_vitest, first(needles_vitest))
n_go_test = reuse("go-test", "test", needles_go_test, first(needles_go_test))
n_cargo_test = reuse("cargo-test", "test", needles_cargo_test, first(needles_cargo_test))
n_ruff = reuse("ruff", "lint", needles_ruff, first(needles_ruff))
n_mypy = reuse("mypy", "lint", needles_mypy, first(needles_mypy))
n_pylint = reuse("pylint", "lint", needles_pylint, first(needles_pylint))
n_eslint = reuse("eslint", "lint", needles_eslint, first(needles_eslint))
n_tsc = reuse("tsc", "lint", needles_tsc, first(needles_tsc))
n_shellcheck = reuse("shellcheck", "lint", needles_shellcheck, first(needles_shellcheck))
n_gcc = reuse("gcc", "build", needles_gcc, first(needles_gcc))
n_clippy = reuse("cargo-clippy", "lint", needles_rustc, first(needles_rustc))
n_csv = reuse("csv-cat", "table", text_rule(needles_csv), first(needles_csv))
n_sqlite_col = reuse("sqlite-column", "table", text_rule(needles_sqlite_column), first(needles_sqlite_column))
n_npm_view = reuse("npm-view-json", "pkg", text_rule(needles_npm_view), first(needles_npm_view))


@kind("journal-short", "log")
def n_journal(lines):
    """Rules 1+4 on journalctl's short format: every line saying error/failed/fatal/panic/segfault/oom (any case); the lines of a unit that logs at most twice while one unit logs half the lines."""
    out = [ln for ln in lines if re.search(r"(?i)\b(error|failed|fatal|panic|segfault|out of memory|oom-kill)", ln)]
    rows = [(ln, {"unit": m.group(1)}) for ln in lines for m in [re.match(r"^\w{3} [ \d]\d [\d:]{8} \S+ ([\w.@-]+?)(?:\[\d+\])?: ", ln)] if m]
    return out + rule4(rows, cat=("unit",))


@kind("issues-api-json", "json")
def n_issues(lines):
    """Rules 4+5 on a GitHub-like issues list (pretty JSON array): each issue's "title" line is its row; rows whose state or locked value is rare while one dominates; the rows of min and max comments; rule 5: every "total_count"/"incomplete_results" envelope line."""
    text = "\n".join(lines)
    doc = json.loads(text)
    recs = doc["items"] if isinstance(doc, dict) else doc
    rows = []
    for r in recs:
        t = '"title": ' + json.dumps(r["title"])
        line = next(ln for ln in lines if t in ln)
        rows.append((line, {"state": r["state"], "locked": str(r["locked"]), "comments": r["comments"]}))
    env = [ln for ln in lines if re.match(r'^\s{1,2}"(total_count|incomplete_results)": ', ln)]
    return env + rule4(rows, cat=("state", "locked"), nums=("comments",))


@kind("logfmt", "log")
def n_logfmt(lines):
    """Rule 1 on logfmt lines (time=... level=... msg=...): every level=error/fatal/panic line; one {"any"} per msg of the level=warn lines."""
    out = [ln for ln in lines if re.search(r"\blevel=(error|fatal|panic)\b", ln)]
    pairs = [(m.group(1), ln) for ln in lines if re.search(r"\blevel=warn(ing)?\b", ln)
             for m in [re.search(r'msg=("[^"]*"|\S+)', ln)] if m]
    return out + groups(pairs)


@kind("celery-worker-log", "log")
def n_celery(lines):
    """Rule 1 on a celery-style worker log ('[ts: LEVEL/Process] msg'): every ERROR/CRITICAL line, each traceback's exception line and innermost File line; one {"any"} per WARNING message shape."""
    out = [ln for ln in lines if re.search(r": (ERROR|CRITICAL)/", ln)]
    out += python_exceptions(lines)
    pairs = [(mask(ln.split("] ", 1)[-1]), ln) for ln in lines if ": WARNING/" in ln]
    return out + groups(pairs)


# ================================================================== logs

APP_LOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
rnd = random.Random(77)
log = {n: logging.getLogger(n) for n in ("orders.api", "orders.worker", "billing", "inventory")}
for i in range(1050):
    n = rnd.choice(list(log))
    log[n].info("order %d step %s done in %dms", 40000 + i, rnd.choice(["validate", "reserve", "charge", "ship"]), rnd.randint(3, 90))
    if i in (211, 640, 998):
        log["billing"].warning("retrying charge for order %d (gateway timeout)", 40000 + i)
    if i == 702:
        log["inventory"].error("stock for sku %s went negative: %d", "SKU-88213", -3)
    if i == 844:
        try:
            {"EUR": 1.0}["GBP"]
        except KeyError:
            log["billing"].exception("currency conversion failed for order %d", 40000 + i)
log["orders.worker"].info("drained queue: 1050 orders, 2 failures")
'''

JSON_LOG = r'''
const levels = ['info', 'info', 'info', 'info', 'debug'];
let seed = 7; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const t0 = Date.UTC(2025, 10, 30, 8, 0, 0);
for (let i = 0; i < 560; i++) {
  const rec = { level: levels[Math.floor(rnd() * levels.length)], time: new Date(t0 + i * 850).toISOString(), pid: 4211,
    hostname: 'api-7d9f', logger: ['http', 'db', 'cache'][i % 3], reqId: `req-${(100000 + i).toString(36)}`,
    msg: i % 3 === 0 ? 'request completed' : i % 3 === 1 ? 'query ok' : 'cache hit', responseTime: Math.floor(rnd() * 120) };
  if (i === 183) Object.assign(rec, { level: 'warn', msg: 'slow query', responseTime: 2300 });
  if (i === 338) Object.assign(rec, { level: 'error', msg: 'connection reset by peer', err: { type: 'Error', code: 'ECONNRESET' } });
  if (i === 339) Object.assign(rec, { level: 'warn', msg: 'retrying query', attempt: 2 });
  if (i === 511) Object.assign(rec, { level: 'fatal', msg: 'pool exhausted, shutting down', waiting: 64 });
  console.log(JSON.stringify(rec));
}
'''

ACCESS_SERVER = r'''
import http.server, random, sys, threading, time, urllib.request
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        code = 200
        if self.path.startswith("/api/export"):
            code = 500
        elif self.path.startswith("/api/upstream"):
            code = 502
        elif self.path.startswith("/missing"):
            code = 404
        body = b"x" * (random.Random(self.path).randint(200, 9000) if code == 200 else 150)
        self.send_response(code); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        t = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(1764489600 + self.server.n))
        self.server.n += 1
        self.server.log.write(f'{self.client_address[0]} - - [{t}] "GET {self.path} HTTP/1.1" {code} {len(body)} "-" "{self.headers.get("User-Agent")}"\n')
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H); s.n = 0; s.log = open("access.log", "w", buffering=1)
threading.Thread(target=s.serve_forever, daemon=True).start()
rnd = random.Random(5)
paths = ["/", "/static/app.js", "/static/app.css", "/api/orders", "/api/orders/%d", "/api/users/%d", "/health"]
for i in range(880):
    p = rnd.choice(paths)
    p = p % rnd.randint(1, 9999) if "%d" in p else p
    if i in (377, 811): p = "/api/export?fmt=csv"
    if i == 902: p = "/api/upstream/rates"
    if i in (55, 790): p = "/missing/favicon.png"
    req = urllib.request.Request(f"http://127.0.0.1:{s.server_address[1]}{p}", headers={"User-Agent": rnd.choice(["Mozilla/5.0", "curl/8.5.0"])})
    try: urllib.request.urlopen(req).read()
    except Exception: pass
s.shutdown()
'''

JOURNAL = r'''
import random, time
rnd = random.Random(3)
units = ["nginx[812]", "app-worker[1904]", "app-worker[1905]", "cron[511]", "systemd[1]"]
msgs = {"nginx[812]": "worker process %d heartbeat", "app-worker[1904]": "job %d finished", "app-worker[1905]": "job %d finished",
        "cron[511]": "(root) CMD (run-parts /etc/cron.hourly) #%d", "systemd[1]": "Started session %d of user dev."}
t = 1764489600
for i in range(1250):
    t += rnd.randint(0, 3)
    u = rnd.choice(units)
    if i == 640: u, m = "kernel", "Out of memory: Killed process 1905 (app-worker) total-vm:2201844kB"
    elif i == 641: u, m = "systemd[1]", "app-worker@2.service: Main process exited, code=killed, status=9/KILL"
    elif i == 642: u, m = "systemd[1]", "app-worker@2.service: Failed with result 'oom-kill'."
    elif i == 933: u, m = "sshd[2201]", "Accepted publickey for dev from 127.0.0.1 port 50122"
    elif i == 1100: u, m = "nginx[812]", "connect() failed (111: Connection refused) while connecting to upstream"
    else: m = msgs[u] % i
    print(time.strftime("%b %d %H:%M:%S", time.gmtime(t)), "devbox", f"{u}: {m}")
'''

COMPOSE = r'''
import random, subprocess, sys, threading
CHILD = """
import random, sys, time
name, seed = sys.argv[1], int(sys.argv[2])
rnd = random.Random(seed)
for i in range(320):
    ts = "2025-11-30T09:%02d:%02d.%03dZ" % (i // 60 % 60, i % 60, rnd.randint(0, 999))
    if name == "api":
        st = 500 if i == 211 else 200
        print(ts, "INFO", "GET /api/items/%d %d %dms" % (i, st, rnd.randint(2, 80)), flush=True)
        if i == 211:
            print(ts, "ERROR", "unhandled error in GET /api/items/211: database is locked", flush=True)
    elif name == "worker":
        print(ts, "INFO", "processed batch %d (%d rows)" % (i, rnd.randint(10, 500)), flush=True)
        if i == 150:
            print(ts, "WARN", "batch %d took %dms, above budget" % (i, 4100), flush=True)
    elif name == "db":
        print(ts, "INFO", "checkpoint complete: wrote %d buffers" % rnd.randint(1, 90), flush=True)
    else:
        print(ts, "INFO", "cache keys=%d hit_ratio=0.%02d" % (1000 + i, rnd.randint(80, 99)), flush=True)
    time.sleep(0.001)
if name == "worker":
    print("Traceback (most recent call last):", flush=True)
    print('  File "/app/worker.py", line 88, in <module>', flush=True)
    print("    run(queue)", flush=True)
    print("ConnectionError: lost connection to redis at cache:6379", flush=True)
    sys.exit(3)
"""
def pump(name, p):
    for ln in p.stdout:
        sys.stdout.write(f"{name}-1" + " " * (8 - len(name)) + "| " + ln)
    rc = p.wait()
    sys.stdout.write(f"{name}-1 exited with code {rc}\n")
ts = []
for k, name in enumerate(["api", "worker", "db", "cache"]):
    p = subprocess.Popen([sys.executable, "-c", CHILD, name, str(k)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    t = threading.Thread(target=pump, args=(name, p)); t.start(); ts.append(t)
for t in ts: t.join()
'''

LOGFMT = r'''
import random, time
rnd = random.Random(11)
t = 1764489600.0
for i in range(740):
    t += rnd.random() * 2
    ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % int((t % 1) * 1000)
    route = rnd.choice(["/v1/quotes", "/v1/quotes/:id", "/v1/rates", "/healthz"])
    line = f'time={ts} level=info msg="request served" method=GET route={route} status=200 dur_ms={rnd.randint(1, 60)} req_id={i:06x}'
    if i == 212:
        line = f'time={ts} level=warn msg="upstream slow" upstream=rates-api dur_ms=2875 req_id={i:06x}'
    if i == 540:
        line = f'time={ts} level=error msg="upstream request failed" upstream=rates-api err="dial tcp 127.0.0.1:9400: connect: connection refused" req_id={i:06x}'
    if i == 541:
        line = f'time={ts} level=warn msg="serving stale rates" age_s=913 req_id={i:06x}'
    if i == 700:
        line = f'time={ts} level=warn msg="upstream slow" upstream=rates-api dur_ms=3310 req_id={i:06x}'
    print(line)
'''

CELERY = r'''
import logging, random, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="[%(asctime)s: %(levelname)s/%(processName)s] %(message)s")
rnd = random.Random(12)
log = logging.getLogger("celery")
def resize(img, w):
    if w <= 0:
        raise ValueError(f"width must be positive, got {w}")
    return img
for i in range(480):
    tid = "%08x-%04x" % (rnd.getrandbits(32), i)
    log.info("Task thumbs.resize[%s] received", tid)
    try:
        resize("img%d.png" % i, 0 if i == 315 else rnd.randint(64, 512))
        log.info("Task thumbs.resize[%s] succeeded in %.4fs: None", tid, rnd.random() / 10)
    except ValueError:
        log.exception("Task thumbs.resize[%s] raised unexpected: ValueError", tid)
    if i in (120, 430):
        log.warning("Substantial drift from worker-2@devbox may mean clocks are out of sync. Current drift is %d seconds.", 70 + i % 7)
'''

BROKEN_SETUP = ("from setuptools import setup, Extension\n"
                "setup(name='fastcrc', version='0.2.0', ext_modules=[Extension('fastcrc._crc', ['src/crc.c'])],"
                " packages=['fastcrc'], package_dir={'': 'src'})\n")
BROKEN_C = ("#include <Python.h>\n#include <stdint.h>\n\nstatic uint32_t table[256];\n\n"
            "static PyObject *crc(PyObject *self, PyObject *args) {\n    const char *buf; Py_ssize_t n;\n"
            "    if (!PyArg_ParseTuple(args, \"y#\", &buf, &n)) return NULL;\n    uint32_t c = 0xffffffff\n"
            "    for (Py_ssize_t i = 0; i < n; i++) c = table[(c ^ buf[i]) & 0xff] ^ (c >> 8);\n"
            "    return PyLong_FromUnsignedLong(c ^ 0xffffffff);\n}\n")


def cap_logs(tmp: Path) -> None:
    d = tmp / "logs"
    d.mkdir()
    (d / "app.py").write_text(APP_LOG)
    add("python-log-orders-flood", "python -m orders.run 2>&1", run(f"{sys.executable} app.py", cwd=d),
        n_long_log_crash)
    if have("node", "json-log"):
        (d / "pino.js").write_text(JSON_LOG)
        add("pino-json-lines-api", "node server.js | tail -n 560", run("node pino.js", cwd=d), n_json_log)
    (d / "srv.py").write_text(ACCESS_SERVER)
    run(f"{sys.executable} srv.py", cwd=d, timeout=200)
    add("nginx-combined-access-5xx", "tail -n 880 /var/log/nginx/access.log", run("cat access.log", cwd=d), n_access)
    (d / "logfmt.py").write_text(LOGFMT)
    add("logfmt-quotes-service", "kubectl logs deploy/quotes --tail=740", run(f"{sys.executable} logfmt.py", cwd=d), n_logfmt)
    (d / "celery.py").write_text(CELERY)
    add("celery-worker-thumbs", "celery -A thumbs worker -l INFO", run(f"{sys.executable} celery.py", cwd=d), n_celery)
    (d / "journal.py").write_text(JOURNAL)
    add("journal-short-oom", "journalctl -b --no-pager", run(f"{sys.executable} journal.py", cwd=d), n_journal)
    (d / "compose.py").write_text(COMPOSE)
    add("compose-logs-interleaved", "docker compose up", run(f"{sys.executable} compose.py", cwd=d, timeout=200), n_multiproc)
    if have("npm", "npm-install"):
        n = tmp / "npmlegacy"
        n.mkdir()
        (n / "package.json").write_text('{"name": "legacy-scraper", "version": "0.9.0", "private": true}\n')
        add("npm-install-loglevel-http-deprecated", "npm install --loglevel=http request@2 uuid@3 glob@7 rimraf@2 left-pad@1",
            run("npm install --no-audit --no-fund --loglevel=http request@2 uuid@3 glob@7 rimraf@2 left-pad@1",
                cwd=n, timeout=300), n_npm_install)
    if not (TOOLS7_VENV / "bin" / "pylint").exists():
        run(f"python3 -m venv {TOOLS7_VENV} && {TOOLS7_VENV}/bin/pip install -q pylint wheel", timeout=400)
    b = tmp / "fastcrc"
    write_tree(b, {"setup.py": BROKEN_SETUP, "src/fastcrc/__init__.py": "from ._crc import crc\n", "src/crc.c": BROKEN_C})
    add("pip-install-v-cext-fails", "pip install -v --no-build-isolation ./fastcrc",
        run(f"{TOOLS7_VENV}/bin/pip install -v --no-build-isolation --no-index ./fastcrc", cwd=tmp, timeout=300), n_pip_install)


STEPS = [cap_logs]
