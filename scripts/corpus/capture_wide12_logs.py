"""Round 12, logs: real servers (uvicorn with colours, gunicorn, django runserver, fastify's pino) under a short
loopback load with 4xx/5xx and one exception; python logging with several loggers and one stack trace among
thousands of INFO lines; structlog and loguru (JSON and coloured console); a pino script with retries and backoff;
a CR progress bar; verbose pip and npm installs; a pytest run at DEBUG. Run through capture_wide12.py."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import capture_wide12 as w
from capture_more import add_or_skip as add, free_port, run, start, write_tree

VENV = w.TOOLS / "venv"
PY = str(VENV / "bin/python")
PY11 = "/tmp/hm-corpus-wide11-tools/venv/bin/python"  # has pytest
JS = w.TOOLS / "js"

# The kinds' summary lines and durations (rule 3/5), by what each program prints.
ACCESS = w.log_rule("uvicorn-colour-log", summary=r"Application startup complete|Shutting down|Finished server process")
GUNI = w.log_rule("gunicorn-log", summary=r"Starting gunicorn|Listening at|Booting worker|Shutting down")
DJANGO = w.log_rule("django-runserver-log", summary=r"Starting development server|System check identified")
PINO = w.log_rule("fastify-pino-json", summary=r"Server listening", duration=r'"responseTime":([\d.]+)')
PYLOG = w.log_rule("python-logging-many", summary=r"done|finished|summary", duration=r"took (\d+)ms")
STRUCT_J = w.log_rule("structlog-json", summary=r"batch_done", duration=r'"duration_ms": ([\d.]+)')
STRUCT_C = w.log_rule("structlog-console-ansi", summary=r"batch_done", duration=r"duration_ms=([\d.]+)")
LOGURU_J = w.log_rule("loguru-serialize-json", summary=r"sync finished")
LOGURU_C = w.log_rule("loguru-console-ansi", summary=r"sync finished")
RETRY = w.log_rule("pino-retry-backoff", summary=r"giving up|succeeded after")
PROGRESS = w.log_rule("cr-progress-log", summary=r"Downloaded|complete")
PIP_V = w.log_rule("pip-install-verbose", summary=r"^Successfully installed|^Requirement already")
NPM_V = w.log_rule("npm-install-verbose", summary=r"^added \d+ package|npm verb exit|npm info ok", duration=r"npm timing \S+ Completed in (\d+)ms")
PYTEST_DBG = w.log_rule("pytest-log-cli-debug", summary=r"^=+ .*(passed|failed).* =+$|^FAILED ")
APT_HIST = w.log_rule("apt-history-log", summary=r"^Start-Date|^End-Date|^Commandline")


def load(port: int, paths: list[str], repeat: int = 1, threads: int = 4) -> None:
    """GETs on loopback, each path `repeat` times over a few threads; errors are the point, so ignored."""
    todo = [p for _ in range(repeat) for p in paths]

    def worker(k: int) -> None:
        for p in todo[k::threads]:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{p}", timeout=5).read()
            except (urllib.error.URLError, OSError):
                pass
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def wait_port(port: int, secs: float = 15) -> None:
    end = time.time() + secs
    while time.time() < end:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)


PATHS = ["/", "/items/1", "/items/42", "/items/abc", "/missing", "/items/7", "/health", "/boom", "/admin/login", "/items/3"]


def serve(tmp: Path, sid: str, cmd: list[str], cwd: Path, port: int, repeat: int, shown: str, ext, env: dict | None = None) -> None:
    log = tmp / f"{sid}.log"
    with open(log, "wb") as f:
        p = start(cmd, cwd=cwd, log=f, env=env)
        wait_port(port)
        load(port, PATHS, repeat)
        time.sleep(1)
        p.terminate()
        try:
            p.wait(10)
        except Exception:  # noqa: BLE001 - a stubborn server is killed
            p.kill()
    add(sid, shown, log.read_text(errors="replace"), ext)


STARLETTE_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

async def home(request):
    return JSONResponse({"ok": True})

async def item(request):
    item_id = request.path_params["item_id"]
    if not item_id.isdigit():
        return JSONResponse({"detail": "bad id"}, status_code=422)
    return JSONResponse({"id": int(item_id)})

async def boom(request):
    rows = {"a": 1}
    return JSONResponse({"v": rows["b"]})

app = Starlette(routes=[Route("/", home), Route("/health", home), Route("/items/{item_id}", item), Route("/boom", boom)])
"""

WSGI_APP = """
import json

def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/boom":
        raise RuntimeError("ledger total mismatch: expected 1200, got 1187")
    if path.startswith("/items/") and not path[7:].isdigit():
        start_response("400 Bad Request", [("Content-Type", "application/json")])
        return [b'{"error": "bad id"}']
    if path in ("/missing", "/admin/login"):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps({"path": path}).encode()]
"""


def cap_servers(tmp: Path) -> None:
    app = tmp / "srv"
    write_tree(app, {"app.py": STARLETTE_APP, "wsgi.py": WSGI_APP})
    port = free_port()
    serve(tmp, "uvicorn-colours-debug", [str(VENV / "bin/uvicorn"), "app:app", "--port", str(port), "--log-level", "debug", "--use-colors"],
          app, port, 6, "uvicorn app:app --port 8000 --log-level debug --use-colors 2>&1 | tee uvicorn.log", ACCESS)
    port = free_port()
    serve(tmp, "gunicorn-access-error", [str(VENV / "bin/gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--access-logfile", "-",
                                         "--error-logfile", "-", "--log-level", "debug", "wsgi:app"],
          app, port, 5, "gunicorn -w 2 -b 127.0.0.1:8000 --access-logfile - --error-logfile - --log-level debug wsgi:app", GUNI)
    dj = tmp / "djsite"
    dj.mkdir(exist_ok=True)
    run(f"{VENV}/bin/django-admin startproject shop {dj.name}", cwd=tmp)
    (dj / "shop/urls.py").write_text(
        "from django.contrib import admin\nfrom django.http import JsonResponse\nfrom django.urls import path\n\n"
        "def item(request, item_id):\n    return JsonResponse({'id': item_id})\n\n"
        "def boom(request):\n    return JsonResponse({'total': sum(int(x) for x in ['1', '2', 'x'])})\n\n"
        "urlpatterns = [path('admin/', admin.site.urls), path('items/<int:item_id>', item), path('boom', boom)]\n")
    port = free_port()
    serve(tmp, "django-runserver", [PY, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], dj, port, 3,
          "python manage.py runserver 2>&1 | tail -n 400", DJANGO)
    (JS / "server.js").write_text(
        "const fastify = require('fastify')({ logger: { level: 'debug' } });\n"
        "fastify.get('/', async () => ({ ok: true }));\nfastify.get('/health', async () => ({ ok: true }));\n"
        "fastify.get('/items/:id', async (req, reply) => {\n  if (!/^\\d+$/.test(req.params.id)) { reply.code(400); return { error: 'bad id' }; }\n"
        "  if (req.params.id === '42') await new Promise(r => setTimeout(r, 120));\n  return { id: +req.params.id };\n});\n"
        "fastify.get('/boom', async (req) => { req.log.warn({ cart: 'c-19' }, 'cart total drifted'); throw new Error('inventory service returned 503'); });\n"
        "fastify.listen({ port: +process.argv[2], host: '127.0.0.1' });\n")
    port = free_port()
    serve(tmp, "fastify-pino-json", ["node", "server.js", str(port)], JS, port, 3, "node server.js 2>&1 | tail -n 300", PINO)


PY_MANY = """
import logging, random, sys
random.seed(12)
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s")
names = ["app.ingest", "app.db.pool", "app.cache", "app.http.client", "app.scheduler"]
loggers = [logging.getLogger(n) for n in names]
for i in range(900):
    lg = loggers[i % 5]
    if i == 431:
        try:
            rec = {"sku": "A-77", "qty": "three"}
            int(rec["qty"])
        except ValueError:
            logging.getLogger("app.ingest").exception("row %d rejected", i)
    elif i == 707:
        logging.getLogger("app.db.pool").warning("pool exhausted, waited 2.4s for a connection")
    elif i % 97 == 0:
        lg.debug("cache stats hits=%d misses=%d", random.randint(900, 999), random.randint(1, 40))
    else:
        lg.info("processed batch %d rows=%d took %dms", i, random.randint(50, 500), random.randint(3, 90) if i != 612 else 4210)
logging.getLogger("app.scheduler").info("run finished: 900 batches")
"""

STRUCTLOG = """
import random, sys, structlog
random.seed(5)
json_mode = sys.argv[1] == "json"
structlog.configure(processors=[structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso"),
                                structlog.processors.JSONRenderer() if json_mode else structlog.dev.ConsoleRenderer(colors=True)])
log = structlog.get_logger()
for i in range(220):
    b = log.bind(batch=i, worker=f"w{i % 3}")
    if i == 111:
        b.error("upstream_rejected", status=409, reason="version conflict on order o-5521")
    elif i == 180:
        b.warning("slow_query", table="orders", duration_ms=2875.4)
    else:
        b.info("batch_processed", rows=random.randint(10, 99), duration_ms=round(random.uniform(2, 80), 1))
log.info("batch_done", batches=220)
"""

LOGURU = """
import random, sys
from loguru import logger
random.seed(9)
logger.remove()
if sys.argv[1] == "json":
    logger.add(sys.stdout, serialize=True, level="DEBUG")
else:
    logger.add(sys.stdout, colorize=True, level="DEBUG")
for i in range(300):
    if i == 140:
        try:
            {}["mirror"]
        except KeyError:
            logger.exception("mirror lookup failed for repo {}", "infra/tools")
    elif i % 50 == 0:
        logger.debug("heartbeat {}", i)
    elif i == 222:
        logger.warning("rate limited, remaining=0 reset_in={}s", 37)
    else:
        logger.info("synced repo-{} ({} objects)", i, random.randint(10, 900))
logger.success("sync finished: 300 repos")
"""

PINO_RETRY = """
const pino = require('pino');
const log = pino({ level: 'debug', timestamp: pino.stdTimeFunctions.isoTime });
const jobs = ['thumbnails', 'invoices', 'search-index', 'emails', 'exports'];
let t = 0;
for (let round = 0; round < 40; round++) {
  for (const job of jobs) {
    const child = log.child({ job, round });
    if (job === 'search-index' && round >= 20 && round < 26) {
      for (let attempt = 1; attempt <= 5; attempt++) {
        child.warn({ attempt, backoffMs: 100 * 2 ** attempt }, 'ECONNREFUSED 127.0.0.1:9200, retrying');
      }
      if (round === 25) child.error({ attempts: 5 }, 'giving up on search-index after 5 attempts');
      else child.info({ attempts: 5 }, 'succeeded after retries');
    } else {
      child.info({ items: (round * 7 + job.length) % 50 }, 'job done');
    }
  }
}
"""

PROGRESS_PY = """
import sys, time
files = [("base-image.tar", 40), ("weights-shard-1.bin", 30), ("weights-shard-2.bin", 30), ("vocab.json", 3)]
for name, n in files:
    for k in range(n + 1):
        pct = 100 * k // n
        sys.stdout.write(f"\\r{name:24} [{'#' * (pct // 4):25}] {pct:3d}%")
        sys.stdout.flush()
    if name == "weights-shard-2.bin":
        sys.stdout.write("\\nWARN checksum mismatch on weights-shard-2.bin, re-downloading\\n")
        for k in range(n + 1):
            sys.stdout.write(f"\\r{name:24} [{'#' * (100 * k // n // 4):25}] {100 * k // n:3d}%")
    sys.stdout.write("\\n")
print("Downloaded 4 files, 1 retried")
"""

PYTEST_FILES = {
    "conftest.py": "",
    "app/__init__.py": "",
    "app/pricing.py": "import logging\nlog = logging.getLogger('app.pricing')\n\n"
                      "def price(qty, unit, coupon=None):\n    log.debug('price qty=%s unit=%s coupon=%s', qty, unit, coupon)\n"
                      "    total = qty * unit\n    if coupon == 'HALF':\n        total = total / 2\n    elif coupon:\n"
                      "        log.warning('unknown coupon %r ignored', coupon)\n    log.info('total=%s', total)\n    return round(total, 2)\n",
    "tests/test_pricing.py": "import pytest\nfrom app.pricing import price\n\n"
                             "@pytest.mark.parametrize('qty,unit,want', [(1, 2.5, 2.5), (3, 1.1, 3.3), (10, 0.99, 9.9), (0, 5, 0)])\n"
                             "def test_price(qty, unit, want):\n    assert price(qty, unit) == want\n\n"
                             "def test_half():\n    assert price(4, 2, 'HALF') == 4\n\n"
                             "def test_unknown_coupon():\n    assert price(2, 2, 'BOGUS') == 3\n",
}


def cap_scripts(tmp: Path) -> None:
    d = tmp / "logs"
    write_tree(d, {"batch.py": PY_MANY, "structured.py": STRUCTLOG, "sync.py": LOGURU, "fetch.py": PROGRESS_PY})
    (JS / "retry.js").write_text(PINO_RETRY)
    items = [
        ("python-logging-trace-middle", f"{PY} batch.py", "python batch.py 2>&1", PYLOG, d),
        ("structlog-json-batches", f"{PY} structured.py json", "python structured.py json", STRUCT_J, d),
        ("structlog-console-colour", f"{PY} structured.py console", "python structured.py console 2>&1", STRUCT_C, d),
        ("loguru-json", f"{PY} sync.py json", "python sync.py json | tail -n 100", LOGURU_J, d),
        ("loguru-console-colour", f"{PY} sync.py console", "python sync.py console", LOGURU_C, d),
        ("progress-cr-retry", f"{PY} fetch.py", "python fetch.py", PROGRESS, d),
        ("pino-retry-backoff", "node retry.js", "node retry.js", RETRY, JS),
    ]
    for sid, cmd, shown, ext, cwd in items:
        out = run(cmd, cwd=cwd)
        if "tail -n 100" in shown:
            out = "".join(out.splitlines(keepends=True)[-100:])
        add(sid, shown, out, ext)


def cap_builds(tmp: Path) -> None:
    venv = tmp / "pipv"
    run(f"python3 -m venv {venv}", timeout=120)
    add("pip-install-vv-requests", "pip install -vv --no-cache-dir requests 2>&1 | tail -n 250",
        "".join(run(f"{venv}/bin/pip install -vv --no-cache-dir requests", env={"PIP_CONFIG_FILE": "/dev/null"},
                    timeout=300).splitlines(keepends=True)[-250:]), PIP_V)
    npm = tmp / "npmv"
    npm.mkdir()
    run("npm init -y", cwd=npm)
    add("npm-install-verbose-express", "npm install --verbose --prefer-online express 2>&1 | tail -n 300",
        "".join(run("npm install --verbose --prefer-online express", cwd=npm, timeout=300).splitlines(keepends=True)[-300:]), NPM_V)
    proj = tmp / "pricing"
    write_tree(proj, PYTEST_FILES)
    add("pytest-log-cli-debug", "python -m pytest -o log_cli=true --log-cli-level=DEBUG -p no:cacheprovider tests/",
        run(f"{PY11} -m pytest -o log_cli=true --log-cli-level=DEBUG -p no:cacheprovider tests/", cwd=proj), PYTEST_DBG)
    hist = Path("/var/log/apt/history.log")
    if hist.exists():
        add("apt-history-tail", "tail -n 150 /var/log/apt/history.log", run("tail -n 150 /var/log/apt/history.log"), APT_HIST)


STEPS = [cap_servers, cap_scripts, cap_builds]
