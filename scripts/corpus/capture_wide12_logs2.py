"""Round 12, more logs: an express app's own access lines with durations and its default error stack, tornado's
access log, gunicorn killing a stuck worker, django migrate -v 3 timings, python -X importtime, asyncio debug's
slow-callback warnings, urllib3's retry/backoff DEBUG log against a closed port, and the dpkg alternatives log.
Run through capture_wide12.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide12 as w
from capture_more import add_or_skip as add, free_port, run, write_tree
from capture_wide12_logs import JS, PY, PY11, VENV, serve

EXPRESS = w.log_rule("express-console-access", summary=r"listening on", duration=r" (\d+)ms$")
TORNADO = w.log_rule("tornado-access-log", summary=r"listening", duration=r" ([\d.]+)ms$")
GUNI_TIMEOUT = w.log_rule("gunicorn-worker-timeout", summary=r"Starting gunicorn|Listening at|Shutting down")
MIGRATE = w.log_rule("django-migrate-v3", summary=r"^Operations to perform|^Running migrations|^  Applying ", duration=r"OK \(([\d.]+)s\)")
# importtime: the header, every top-level import (its cumulative total: no nesting indent) and the 10 largest self times
IMPORTTIME = w.log_rule("python-importtime", summary=r"^import time: self \[us\]|\| \S+$", duration=r"^import time:\s+(\d+) \|", slowest=10)
ASYNCIO = w.log_rule("asyncio-debug-log", summary=r"finished", duration=r"took ([\d.]+) seconds")
URLLIB3 = w.log_rule("urllib3-retry-debug", summary=r"Max retries exceeded|giving up")
ESBUILD = w.log_rule("esbuild-verbose", summary=r"^\s+\S+\s+[\d.]+[kmg]?b\b|⚡ Done|Done in", duration=r"Done in (\d+)ms")
UVI_WORKER = w.log_rule("gunicorn-uvicorn-worker-log", summary=r"Starting gunicorn|Listening at|Application startup complete|Shutting down")
HTTP_SERVER = w.log_rule("python-http-server-access", summary=r"^Serving HTTP|Keyboard interrupt")
POOL = w.log_rule("worker-pool-retries", summary=r"pool finished|tasks ok", duration=r"in ([\d.]+)s$")
ALTERNATIVES = w.log_rule("update-alternatives-log", summary=r"^update-alternatives .* run with")

EXPRESS_APP = """
const express = require('express');
const app = express();
app.use((req, res, next) => {
  const t = Date.now();
  res.on('finish', () => console.log(`${new Date().toISOString()} ${req.method} ${req.originalUrl} ${res.statusCode} ${Date.now() - t}ms`));
  next();
});
app.get('/', (req, res) => res.json({ ok: true }));
app.get('/health', (req, res) => res.send('ok'));
app.get('/items/:id', (req, res) => {
  if (!/^\\d+$/.test(req.params.id)) return res.status(400).json({ error: 'bad id' });
  setTimeout(() => res.json({ id: +req.params.id }), req.params.id === '42' ? 150 : 1);
});
app.get('/boom', (req, res) => { const order = undefined; res.json({ total: order.total }); });
app.listen(+process.argv[2], '127.0.0.1', () => console.log(`listening on ${process.argv[2]}`));
"""

TORNADO_APP = """
import asyncio, logging, sys
import tornado.web
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d] %(message)s")

class Item(tornado.web.RequestHandler):
    async def get(self, item_id):
        if not item_id.isdigit():
            raise tornado.web.HTTPError(400, "bad id")
        if item_id == "42":
            await asyncio.sleep(0.2)
        self.write({"id": int(item_id)})

class Home(tornado.web.RequestHandler):
    def get(self):
        self.write({"ok": True})

class Boom(tornado.web.RequestHandler):
    def get(self):
        self.write({"ratio": 10 / len([])})

async def main():
    app = tornado.web.Application([(r"/", Home), (r"/health", Home), (r"/items/(\\w+)", Item), (r"/boom", Boom)])
    app.listen(int(sys.argv[1]), "127.0.0.1")
    logging.info("listening on %s", sys.argv[1])
    await asyncio.Event().wait()

asyncio.run(main())
"""

STUCK_WSGI = """
import time

def app(environ, start_response):
    if environ["PATH_INFO"] == "/boom":
        time.sleep(30)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""

ASYNCIO_APP = """
import asyncio, logging, time
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

async def fetch(i):
    await asyncio.sleep(0.01)
    if i in (7, 19):
        time.sleep(0.15)  # a blocking call in a coroutine
    return i

async def main():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.05
    for chunk in range(4):
        got = await asyncio.gather(*(fetch(chunk * 10 + k) for k in range(10)))
        logging.getLogger("crawler").info("chunk %d done: %s", chunk, got)
    logging.getLogger("crawler").info("crawl finished")

asyncio.run(main(), debug=True)
"""

URLLIB3_APP = """
import logging, sys
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s %(message)s")
s = requests.Session()
s.mount("http://", HTTPAdapter(max_retries=Retry(total=4, backoff_factor=0.05, status_forcelist=[502, 503])))
for url in sys.argv[1:]:
    try:
        r = s.get(url, timeout=2)
        logging.getLogger("sync").info("%s -> %s", url, r.status_code)
    except requests.RequestException as e:
        logging.getLogger("sync").error("giving up on %s: %s", url, e)
"""


ENTRY_JS = """
import express from 'express';
import pino from 'pino';
const limits = { maxItems: 50, maxItems: 100 };
const app = express();
const log = pino();
app.get('/', (req, res) => res.json(limits));
if (typeof app.listen == 'functions') log.info('never');
export default app;
"""

POOL_APP = """
import logging, random, time
from concurrent.futures import ProcessPoolExecutor, as_completed
logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(processName)s] %(levelname)s %(name)s: %(message)s")

def task(n):
    log = logging.getLogger("tasks.resize")
    random.seed(n)
    for attempt in range(1, 4):
        t0 = time.time()
        time.sleep(random.uniform(0.001, 0.01) + (0.3 if n == 61 else 0))
        if n in (17, 44) and attempt < 3 or n == 88:
            log.warning("task %d attempt %d failed: upstream 503, retry in %.1fs", n, attempt, 0.01 * 2 ** attempt)
            time.sleep(0.01 * 2 ** attempt)
            continue
        log.info("task %d ok in %.3fs", n, time.time() - t0)
        return n
    raise RuntimeError(f"task {n}: gave up after 3 attempts")

if __name__ == "__main__":
    ok = 0
    with ProcessPoolExecutor(4) as ex:
        futs = {ex.submit(task, n): n for n in range(120)}
        for f in as_completed(futs):
            try:
                f.result(); ok += 1
            except RuntimeError:
                logging.getLogger("pool").exception("task %d failed for good", futs[f])
    logging.getLogger("pool").info("pool finished: %d/120 tasks ok", ok)
"""


def cap_more_logs(tmp: Path) -> None:
    d = tmp / "logs2"
    write_tree(d, {"tornado_app.py": TORNADO_APP, "stuck.py": STUCK_WSGI, "crawl.py": ASYNCIO_APP, "sync.py": URLLIB3_APP})
    (JS / "express_app.js").write_text(EXPRESS_APP)
    port = free_port()
    serve(tmp, "express-console-access", ["node", "express_app.js", str(port)], JS, port, 4, "node express_app.js 2>&1 | tail -n 200", EXPRESS)
    port = free_port()
    serve(tmp, "tornado-access-log", [PY11, "tornado_app.py", str(port)], d, port, 4, "python tornado_app.py 2>&1", TORNADO)
    port = free_port()
    serve(tmp, "gunicorn-worker-timeout", [str(VENV / "bin/gunicorn"), "-w", "2", "--timeout", "2", "-b", f"127.0.0.1:{port}",
                                           "--access-logfile", "-", "stuck:app"], d, port, 2,
          "gunicorn -w 2 --timeout 2 -b 127.0.0.1:8000 --access-logfile - stuck:app", GUNI_TIMEOUT)
    dj = tmp / "djmig"
    dj.mkdir()
    run(f"{VENV}/bin/django-admin startproject shop {dj}", cwd=tmp)
    add("django-migrate-v3", "python manage.py migrate -v 3", run(f"{PY} manage.py migrate -v 3", cwd=dj), MIGRATE)
    out = run(f"{PY} -X importtime -c 'import django.db.models' 2>&1 | sort -t'|' -k2 -n | tail -n 120", cwd=d)
    add("python-importtime-django", "python -X importtime -c 'import django.db.models' 2>&1 | sort -t'|' -k2 -n | tail -n 120", out, IMPORTTIME)
    add("asyncio-debug-slow-callbacks", "python crawl.py", run(f"{PY} crawl.py", cwd=d), ASYNCIO)
    closed = free_port()
    add("urllib3-retry-backoff", "python sync.py http://127.0.0.1:9/health http://127.0.0.1:PORT/",
        run(f"{PY} sync.py http://127.0.0.1:9/health http://127.0.0.1:{closed}/", cwd=d, timeout=60), URLLIB3)
    (JS / "entry.mjs").write_text(ENTRY_JS)
    out = run("node_modules/.bin/esbuild entry.mjs --bundle --platform=node --outfile=/tmp/hm-corpus-wide12/out.js --log-level=verbose 2>&1 | tail -n 300", cwd=JS)
    add("esbuild-verbose-bundle", "npx esbuild entry.mjs --bundle --platform=node --outfile=dist/out.js --log-level=verbose 2>&1 | tail -n 300", out, ESBUILD)
    write_tree(d, {"pool.py": POOL_APP, "app.py": "from starlette.applications import Starlette\nfrom starlette.responses import PlainTextResponse\n"
                   "from starlette.routing import Route\n\nasync def home(request):\n    return PlainTextResponse('ok')\n\n"
                   "async def boom(request):\n    raise ConnectionError('redis at 127.0.0.1:6390 refused the connection')\n\n"
                   "app = Starlette(routes=[Route('/', home), Route('/health', home), Route('/boom', boom)])\n"})
    add("worker-pool-retries", "python pool.py 2>&1", run(f"{PY} pool.py", cwd=d), POOL)
    port = free_port()
    serve(tmp, "gunicorn-uvicorn-worker", [str(VENV / "bin/gunicorn"), "-k", "uvicorn.workers.UvicornWorker", "-w", "2", "-b", f"127.0.0.1:{port}",
                                           "--access-logfile", "-", "app:app"], d, port, 4,
          "gunicorn -k uvicorn.workers.UvicornWorker -w 2 -b 127.0.0.1:8000 --access-logfile - app:app", UVI_WORKER)
    port = free_port()
    serve(tmp, "python-http-server", [PY, "-m", "http.server", str(port), "--bind", "127.0.0.1"], JS / "node_modules/express", port, 3,
          "cd node_modules/express && python -m http.server 8000 --bind 127.0.0.1", HTTP_SERVER)
    if Path("/var/log/alternatives.log").exists():
        add("alternatives-log-tail", "tail -n 120 /var/log/alternatives.log", run("tail -n 120 /var/log/alternatives.log"), ALTERNATIVES)


STEPS = [cap_more_logs]
