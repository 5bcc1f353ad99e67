"""Round 16, programs' own logs, builds, tests and CI: a Java program logging in log4j's pattern with 'Caused by:'
chains, winston (JSON and printf console), bunyan with serialized errors, concurrently's and honcho's interleaved
multi-service logs of real processes, python-json-logger, a rotated python log read with tail, a long DEBUG log cut
by grep -v DEBUG with chained exceptions, a Go program's thousands of short lines with one rare event, make -k over
many targets, a setuptools build under pip install -v, pytest's captured logs of failing tests, a CI script's
xtrace, npm ci --loglevel verbose. Run through capture_wide16.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide12 as w
import capture_wide16 as c
from capture_more import add_or_skip as add, run, write_tree

JAVA_LOG = w.log_rule("java-log4j-pattern-caused-by", summary=r"Started|Stopped|summary", duration=r"took (\d+) ms")
WINSTON_JSON = w.log_rule("winston-json", summary=r"import finished", duration=r'"durationMs":(\d+)')
WINSTON_CON = w.log_rule("winston-printf-console", summary=r"import finished", duration=r"durationMs=(\d+)")
BUNYAN = c.log_plus("bunyan-json", r'"level":(40|50|60)\b', summary=r"shutting down|listening", duration=r'"latency":(\d+)')
CONCURRENTLY = w.log_rule("concurrently-prefixed", summary=r"exited with code|Sending SIGTERM")
HONCHO = w.log_rule("honcho-procfile-log", summary=r"started with pid|stopped \(rc=|exited with code")
PYJSON = w.log_rule("python-json-logger", summary=r"reconcile finished", duration=r'"elapsed_ms": ([\d.]+)')
ROTATED = w.log_rule("python-rotating-tail-headers", summary=r"^==> .* <==$")
GREP_V = w.log_rule("python-log-grep-v-debug", summary=r"migration complete|rolled back")
GO_RARE = w.log_rule("go-log-many-short-lines", summary=r"replay done")
MAKE_K = c.log_plus("make-k-many-targets", r"^make(\[\d+\])?: \*\*\*|: (fatal )?error:|: warning:|Error \d+", summary=r"Target .* not remade|make: \*\*\* ")
PIP_BUILD = c.log_plus("pip-install-v-sdist-build", r"(warning|error|Warning|Error):|^ERROR|^WARNING", summary=r"^Successfully (installed|built)|^Building wheel|^Created wheel")
PYTEST_CAP = c.log_plus("pytest-captured-log-debug", r"^(FAILED|ERROR) |^E\s+\S|^_{3,} .* _{3,}$|^-+ Captured (log|stdout|stderr) call -+$",
                        summary=r"^=+ .*(passed|failed).* =+$")
CI_XTRACE = c.log_plus("ci-script-xtrace", r"^\+ |^::(error|warning)|exit code", summary=r"^##\[|^::group::|^=== ")
NPM_CI = w.log_rule("npm-ci-verbose", summary=r"^added \d+ package|npm verbose exit|npm info ok", duration=r"Completed in (\d+)ms")

JAVA_SRC = """
import java.time.*; import java.time.format.*; import java.util.*; import java.util.concurrent.*;

public class Billing {
    static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    static void log(String level, String logger, String msg, Throwable t) {
        System.out.printf("%s [%s] %-5s %s - %s%n", LocalDateTime.now().format(F), Thread.currentThread().getName(), level, logger, msg);
        if (t != null) t.printStackTrace(System.out);
    }
    static class GatewayException extends RuntimeException { GatewayException(String m, Throwable c) { super(m, c); } }
    static void charge(int invoice) throws java.io.IOException {
        if (invoice == 1042) throw new java.net.SocketTimeoutException("Read timed out after 5000 ms (gateway.internal:8443)");
        if (invoice == 1077) throw new java.io.IOException("HTTP 502 from gateway.internal:8443/v2/charges");
    }
    static void settle(int invoice) {
        try { charge(invoice); }
        catch (java.io.IOException e) { throw new GatewayException("charge failed for invoice " + invoice, e); }
    }
    public static void main(String[] args) throws Exception {
        log("INFO", "c.a.billing.BillingApp", "Started BillingApp in 1.84 seconds (JVM running for 2.3)", null);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 1000; i < 1120; i++) {
            final int inv = i;
            fs.add(pool.submit(() -> {
                String lg = "c.a.billing.InvoiceService";
                if (inv % 25 == 0) log("DEBUG", "c.a.billing.RateCache", "cache refresh: 412 rates, 3 stale", null);
                try {
                    settle(inv);
                    log("INFO", lg, "invoice " + inv + " settled, took " + (inv == 1099 ? 2841 : 12 + inv % 40) + " ms", null);
                } catch (GatewayException e) {
                    log("ERROR", lg, "invoice " + inv + " not settled", new IllegalStateException("settlement aborted for batch B-" + (inv / 50), e));
                }
                if (inv == 1063) log("WARN", "c.a.billing.Ledger", "ledger drift 0.03 EUR on account ACC-7731, queued for review", null);
            }));
            for (Future<?> f : fs) f.get();
        }
        pool.shutdown();
        log("INFO", "c.a.billing.BillingApp", "summary: 118 settled, 2 failed; Stopped BillingApp", null);
    }
}
"""

WINSTON_JS = """
const winston = require('winston');
const json = process.argv[2] === 'json';
const fmt = json ? winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json())
  : winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }),
      winston.format.printf(({ timestamp, level, message, stack, ...m }) =>
        `${timestamp} ${level.toUpperCase()} [${m.service}] ${message}${m.durationMs !== undefined ? ' durationMs=' + m.durationMs : ''}${stack ? '\\n' + stack : ''}`));
const log = winston.createLogger({ level: 'debug', format: fmt, defaultMeta: { service: 'catalog-import' }, transports: [new winston.transports.Console()] });
function parsePrice(row) { if (row.price === 'N/A') throw new TypeError(`price is not a number in row ${row.sku}`); return +row.price; }
for (let i = 0; i < 160; i++) {
  const row = { sku: `SKU-${1000 + i}`, price: i === 97 ? 'N/A' : (i * 3.7).toFixed(2) };
  try {
    parsePrice(row);
    if (i % 40 === 0) log.debug('checkpoint', { offset: i });
    log.info(`imported ${row.sku}`, { durationMs: i === 131 ? 1840 : 3 + (i * 7) % 20 });
  } catch (e) { log.error(e); }
  if (i === 120) log.warn('supplier feed is 26h old, prices may be stale', { feed: 'acme-eu' });
}
log.info('import finished: 159 imported, 1 rejected');
"""

BUNYAN_JS = """
const bunyan = require('bunyan');
const log = bunyan.createLogger({ name: 'notifier', serializers: bunyan.stdSerializers, level: 'debug' });
log.info({ port: 7070 }, 'listening');
for (let i = 0; i < 140; i++) {
  const req = { method: 'POST', url: `/notify/${i}`, headers: { 'user-agent': 'worker/2.1' } };
  const child = log.child({ req_id: `r-${5000 + i}` });
  if (i === 58 || i === 103) {
    const err = new Error(`SMTP 421 from mx.mail.test: too many connections`);
    err.code = 'ESMTP421';
    child.error({ err, latency: 31 }, 'delivery failed');
  } else if (i % 33 === 0) {
    child.warn({ queue: 'email', depth: 900 + i }, 'queue depth above threshold');
  } else {
    child.info({ req, latency: i === 77 ? 2210 : 5 + i % 17, status: 202 }, 'notification queued');
  }
}
log.info('shutting down');
"""

SVC_API = """
import sys, time
for i in range(30):
    print(f"GET /api/orders/{i} 200 {3 + i % 9}ms", flush=True)
    if i == 17:
        print("ERROR orders: column \\"currency\\" does not exist (SQLSTATE 42703)", file=sys.stderr, flush=True)
    time.sleep(0.02)
"""
SVC_WORKER = """
import sys, time
for i in range(25):
    print(f"[worker] job {i} done in {0.1 + (i % 4) / 10:.1f}s", flush=True)
    if i == 20:
        print("[worker] WARNING retrying job 21: redis timeout", flush=True)
    time.sleep(0.025)
sys.exit(0)
"""
SVC_WEB = """
const t0 = Date.now();
let i = 0;
const h = setInterval(() => {
  console.log(`[vite] hmr update /src/pages/Order${i}.vue (${Date.now() - t0}ms)`);
  if (i === 9) console.error('[vite] Internal server error: Failed to resolve import "@/components/Price.vue" from "src/pages/Order9.vue"');
  if (++i === 22) { clearInterval(h); process.exit(1); }
}, 30);
"""

PYJSON_APP = """
import logging, sys, time
from pythonjsonlogger import json as jsonlogger
h = logging.StreamHandler(sys.stdout)
h.setFormatter(jsonlogger.JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
root = logging.getLogger(); root.addHandler(h); root.setLevel(logging.DEBUG)
log = logging.getLogger("billing.reconcile")
for i in range(110):
    extra = {"account": f"ACC-{7700 + i}", "elapsed_ms": round(2.5 + (i * 13) % 40 / 3, 2)}
    if i == 64:
        extra["elapsed_ms"] = 5123.4
    if i == 41:
        try:
            float("12,40")
        except ValueError:
            log.exception("unparseable amount", extra={"account": "ACC-7741", "field": "amount"})
            continue
    if i == 90:
        log.warning("currency mismatch", extra={"account": "ACC-7790", "expected": "EUR", "got": "GBP"})
    log.info("account reconciled", extra=extra)
log.info("reconcile finished", extra={"accounts": 110, "failed": 1})
"""

ROTATE_APP = """
import logging, logging.handlers
h = logging.handlers.RotatingFileHandler("logs/sync.log", maxBytes=6000, backupCount=3)
h.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s %(message)s"))
log = logging.getLogger("mirror.sync"); log.addHandler(h); log.setLevel(logging.INFO)
for i in range(260):
    if i == 233:
        log.error("checksum mismatch for pkg/openssl-3.0.15.tar.gz (expected 23c6..., got 9f1e...)")
    elif i == 150:
        log.warning("mirror eu-2 slow: 4.2 MB/s")
    log.info("synced object %05d (%d KiB)", i, (i * 37) % 900)
"""

CHAINED = """
import logging, sqlite3, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
log = logging.getLogger("migrate")
db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
class MigrationError(Exception): pass
def step(n):
    log.debug("begin step %d", n)
    for k in range(12):
        log.debug("step %d: batch %d applied (%d rows)", n, k, 40 + k)
    if n == 7:
        try:
            db.execute("INSERT INTO users (id, email) VALUES (1, 'a@x.test')")
            db.execute("INSERT INTO users (id, email) VALUES (2, 'a@x.test')")
        except sqlite3.IntegrityError as e:
            raise MigrationError("step 7 (dedupe emails) failed") from e
    log.info("step %d applied", n)
for n in range(1, 10):
    try:
        step(n)
    except MigrationError:
        try:
            raise RuntimeError("rollback of step 7 incomplete: savepoint s7 missing")
        except RuntimeError:
            log.exception("step %d failed, rolling back", n)
        log.warning("rolled back to step 6")
        break
else:
    log.info("migration complete")
"""

GO_REPLAY = """package main

import (
	"log"
	"os"
)

func main() {
	l := log.New(os.Stdout, "", log.Ltime|log.Lmicroseconds)
	for i := 0; i < 2000; i++ {
		switch {
		case i == 1873:
			l.Printf("seq=%d ERR checksum mismatch in segment 000187.wal, skipping 3 records", i)
		default:
			l.Printf("seq=%d ok lsn=%X", i, 0x4F00+i*48)
		}
	}
	l.Printf("replay done: 2000 records, 3 skipped")
}
"""

MAKEFILE = """
CFLAGS = -Wall -O1
SRCS = $(wildcard src/*.c)
OBJS = $(patsubst src/%.c,build/%.o,$(SRCS))
all: $(OBJS) build/app
build/%.o: src/%.c | build
\t$(CC) $(CFLAGS) -c $< -o $@
build:
\tmkdir -p build
build/app: $(OBJS)
\t$(CC) $(OBJS) -o $@
.PHONY: all
"""


def make_sources() -> dict[str, str]:
    files = {}
    for i in range(24):
        body = f"int f{i}(int x) {{ return x * {i} + 1; }}\n"
        if i == 5:
            body = "int f5(int x) { int unused; return x + 1; }\n"
        if i == 11:
            body = "int f11(int x) { return x + undefined_total; }\n"
        if i == 17:
            body = "#include \"missing_config.h\"\nint f17(int x) { return x; }\n"
        if i == 20:
            body = "int f20(int x) { char *p = x; return *p; }\n"
        files[f"src/mod{i:02d}.c"] = body
    files["src/main.c"] = "int f0(int);\nint main(void) { return f0(2); }\n"
    return files


SETUP_PY = """
from setuptools import setup, Extension
setup(name="fastsum", version="0.3.1", packages=["fastsum"], ext_modules=[Extension("fastsum._c", ["fastsum/_c.c"])])
"""
C_EXT = """
#include <Python.h>
static PyObject *total(PyObject *self, PyObject *args) { long n; int unused_flag; if (!PyArg_ParseTuple(args, "l", &n)) return NULL; return PyLong_FromLong(n * (n + 1) / 2); }
static PyMethodDef M[] = {{"total", total, METH_VARARGS, ""}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef D = {PyModuleDef_HEAD_INIT, "_c", NULL, -1, M};
PyMODINIT_FUNC PyInit__c(void) { return PyModule_Create(&D); }
"""

PYTEST_FILES = {
    "shipping/__init__.py": "",
    "shipping/rates.py": "import logging\nlog = logging.getLogger('shipping.rates')\n\n"
                         "ZONES = {'DE': 1, 'FR': 2, 'US': 4}\n\n"
                         "def rate(country, kg):\n    log.debug('rate country=%s kg=%s', country, kg)\n    zone = ZONES.get(country)\n"
                         "    if zone is None:\n        log.warning('unknown country %s, using zone 3', country)\n        zone = 3\n"
                         "    price = 4.5 * zone + 1.2 * kg\n    if kg > 30:\n        log.error('parcel over 30 kg (%s kg) needs freight', kg)\n"
                         "        raise ValueError('too heavy')\n    log.info('rate=%.2f', price)\n    return round(price, 2)\n",
    "tests/test_rates.py": "import logging\nimport pytest\nfrom shipping.rates import rate\n\n"
                           "@pytest.mark.parametrize('c,kg,want', [('DE', 1, 5.7), ('FR', 2, 11.4), ('US', 1, 19.2), ('IT', 2, 15.9), ('DE', 10, 16.5)])\n"
                           "def test_rate(c, kg, want):\n    assert rate(c, kg) == want\n\n"
                           "def test_heavy():\n    with pytest.raises(ValueError):\n        rate('DE', 31)\n\n"
                           "def test_log_mentions_zone(caplog):\n    caplog.set_level(logging.DEBUG)\n    rate('ES', 1)\n"
                           "    assert 'zone 4' in caplog.text\n",
}

CI_SH = """#!/bin/bash
set -euxo pipefail
echo "::group::Setup"
python3 --version
git --no-pager log --oneline -3
echo "::endgroup::"
echo "::group::Lint"
python3 -m py_compile src/app.py src/util.py || echo "::error file=src/util.py::syntax check failed"
echo "::endgroup::"
echo "::group::Unit tests"
for t in tests/t_*.sh; do bash "$t" && echo "=== PASS $t" || echo "=== FAIL $t (exit code $?)"; done
echo "::endgroup::"
echo "::group::Package"
tar czf dist.tgz src
ls -l dist.tgz
test -f CHANGELOG.md || { echo "::warning::CHANGELOG.md missing"; }
echo "::endgroup::"
exit 1
"""


def cap_programs(tmp: Path) -> None:
    d = tmp / "progs"
    write_tree(d, {"Billing.java": JAVA_SRC, "pyjson.py": PYJSON_APP, "rotate.py": ROTATE_APP, "chained.py": CHAINED,
                   "logs/.keep": "", "replay/main.go": GO_REPLAY})
    add("java-log4j-pattern-caused-by", "java Billing.java 2>&1", run("java Billing.java 2>&1", cwd=d, timeout=300), JAVA_LOG)
    (c.JS / "winston_import.js").write_text(WINSTON_JS)
    (c.JS / "bunyan_notify.js").write_text(BUNYAN_JS)
    add("winston-json-errors-stack", "node import.js json", run("node winston_import.js json", cwd=c.JS), WINSTON_JSON)
    add("winston-printf-console", "node import.js 2>&1 | tail -n 120",
        "".join(run("node winston_import.js console", cwd=c.JS).splitlines(keepends=True)[-120:]), WINSTON_CON)
    add("bunyan-json-err-serializer", "node notify.js", run("node bunyan_notify.js", cwd=c.JS), BUNYAN)
    add("python-json-logger-exc", "python reconcile.py", run(f"{c.PY} pyjson.py", cwd=d), PYJSON)
    run(f"{c.PY} rotate.py", cwd=d)
    add("python-rotating-tail-all", "tail -n 25 logs/sync.log*", run("tail -n 25 logs/sync.log*", cwd=d), ROTATED)
    add("python-log-grep-v-debug-chained", "python migrate.py 2>&1 | grep -v DEBUG",
        run(f"{c.PY} chained.py 2>&1 | grep -v DEBUG", cwd=d), GREP_V)
    run("go build -o replay main.go", cwd=d / "replay", env={"GOFLAGS": None, "GO111MODULE": "off"}, timeout=300)
    add("go-log-many-short-lines-rare", "./replay 2>&1", run("./replay 2>&1", cwd=d / "replay"), GO_RARE)


def cap_multiservice(tmp: Path) -> None:
    d = tmp / "svc"
    write_tree(d, {"api.py": SVC_API, "worker.py": SVC_WORKER, "web.js": SVC_WEB,
                   "Procfile": f"api: {c.PY} -u api.py\nworker: {c.PY} -u worker.py\nweb: node web.js\n"})
    conc = c.JS / "node_modules/.bin/concurrently"
    cmd = f"{conc} -n api,worker,web -c auto --kill-others-on-fail 'python3 -u api.py' 'python3 -u worker.py' 'node web.js'"
    add("concurrently-three-services", "npx concurrently -n api,worker,web --kill-others-on-fail 'python -u api.py' 'python -u worker.py' 'node web.js'",
        run(cmd, cwd=d, timeout=60), CONCURRENTLY)
    add("honcho-start-procfile", "honcho start", run(f"{c.VENV}/bin/honcho start", cwd=d, timeout=60), HONCHO)


def cap_builds(tmp: Path) -> None:
    d = tmp / "mk"
    write_tree(d, {"Makefile": MAKEFILE, **make_sources()})
    add("make-k-j1-many-targets", "make -k 2>&1", run("make -k 2>&1", cwd=d, timeout=200), MAKE_K)
    e = tmp / "fastsum"
    write_tree(e, {"setup.py": SETUP_PY, "fastsum/__init__.py": "from ._c import total\n", "fastsum/_c.c": C_EXT})
    out = run(f"{c.VENV}/bin/pip install -v --no-build-isolation --no-deps .", cwd=e, env=c.PIP_ENV, timeout=300)
    add("pip-install-v-setuptools-ext", "pip install -v --no-build-isolation .", out, PIP_BUILD)
    t = tmp / "ship"
    write_tree(t, PYTEST_FILES)
    add("pytest-log-level-debug-captured", "python -m pytest --log-level=DEBUG -p no:cacheprovider tests/",
        run(f"{c.PY} -m pytest --log-level=DEBUG -p no:cacheprovider tests/", cwd=t, timeout=200), PYTEST_CAP)
    ci = tmp / "ci"
    write_tree(ci, {"ci.sh": CI_SH, "src/app.py": "print('ok')\n", "src/util.py": "def f(:\n    pass\n",
                    "tests/t_one.sh": "test 1 -eq 1\n", "tests/t_two.sh": "grep -q TODO ../src/app.py\n", "tests/t_three.sh": "true\n"})
    run("git init -q && git add -A && git -c user.name=CI -c user.email=ci@example.com commit -qm 'ci: first pipeline' "
        "&& git -c user.name=CI -c user.email=ci@example.com commit -q --allow-empty -m 'build: pin python 3.11'", cwd=ci)
    add("ci-script-xtrace-groups", "bash ci.sh 2>&1", run("bash ci.sh 2>&1", cwd=ci), CI_XTRACE)
    npm = tmp / "npmci"
    npm.mkdir()
    for f in ("package.json", "package-lock.json"):
        (npm / f).write_text((c.JS / f).read_text())
    out = run("npm ci --loglevel verbose --no-audit 2>&1 | tail -n 200", cwd=npm, timeout=300)
    add("npm-ci-loglevel-verbose", "npm ci --loglevel verbose 2>&1 | tail -n 200", out, NPM_CI)


STEPS = [cap_programs, cap_multiservice, cap_builds]
