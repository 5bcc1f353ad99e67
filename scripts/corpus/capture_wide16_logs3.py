"""Round 16, more servers' logs under loopback load: HAProxy's HTTP log (timers, termination states, a backend
server going DOWN, a refused and a timed-out backend), memcached -vv's per-command trace with client errors, an RQ
worker in burst mode over redis (jobs that succeed, fail with tracebacks, run slow) and Sanic's log with its start-up
box and a handler's exception. Run through capture_wide16.py."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import capture_wide12 as w
import capture_wide16 as c
from capture_more import add_or_skip as add, free_port, run, start, stop, write_tree
from capture_wide12_logs import load, wait_port
from capture_wide16_logs import SLOW_API, serve_paths

HAPROXY = c.log_plus("haproxy-httplog", r"\b(is DOWN|is UP|no server available|has no server available)\b| [45]\d\d \d+ - - ",
                     summary=r"Proxy \S+ started|Stopping", duration=r" -?\d+/-?\d+/-?\d+/-?\d+/(\d+) \d{3} ")
MEMCACHED = c.log_plus("memcached-vv-trace", r"CLIENT_ERROR|SERVER_ERROR|^>\d+ ERROR")
RQ = w.log_rule("rq-worker-burst", summary=r"Worker .* started|Worker .* done, quitting|shutting down", duration=r"job in 0:00:([\d.]+)s on ")
SANIC = w.log_rule("sanic-server-log", summary=r"Starting worker|Server Stopped|Goin' Fast", duration=r" ([\d.]+)ms$")

HAPROXY_CFG = """
global
  log stdout format raw local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 5s
  timeout server 1s
frontend shop
  bind 127.0.0.1:{port}
  use_backend legacy if {{ path_beg /legacy }}
  default_backend api
backend api
  balance roundrobin
  option httpchk GET /health
  server api1 127.0.0.1:{api1} check inter 300ms fall 2
  server api2 127.0.0.1:{api2} check inter 300ms fall 2
backend legacy
  server old1 127.0.0.1:{closed} check inter 300ms fall 2
"""


def cap_haproxy(tmp: Path) -> None:
    d = tmp / "haproxy"
    port, api1, api2, closed = free_port(), free_port(), free_port(), free_port()
    write_tree(d, {"haproxy.cfg": HAPROXY_CFG.format(port=port, api1=api1, api2=api2, closed=closed), "api.py": SLOW_API})
    b1 = start(["python3", str(d / "api.py"), str(api1)])
    b2 = start(["python3", str(d / "api.py"), str(api2)])
    time.sleep(0.5)
    with open(d / "haproxy.log", "wb") as f:
        p = start(["haproxy", "-f", str(d / "haproxy.cfg"), "-db"], log=f)
        wait_port(port)
        load(port, ["/api/items", "/api/items/7", "/api/search?q=lamp", "/api/cart", "/legacy/orders"], repeat=6)
        stop(b2)
        time.sleep(1.2)
        load(port, ["/api/items", "/api/report?month=10", "/api/export.csv", "/api/items/9"], repeat=3)
        stop(p)
    stop(b1)
    add("haproxy-httplog-server-down", "haproxy -f haproxy.cfg -db 2>&1 | tail -n 200",
        "".join((d / "haproxy.log").read_text(errors="replace").splitlines(keepends=True)[-200:]), HAPROXY)


def memcached_session(port: int) -> None:
    """An app's cache traffic in memcached's text protocol, with a few client mistakes."""
    cmds = []
    for i in range(40):
        cmds.append(f"set session:{i % 9} 0 900 5\r\nuser{i % 9}\r\n")
        cmds.append(f"get session:{(i * 5) % 12} page:{i % 4}\r\n")
        if i % 10 == 3:
            cmds.append("incr hits 1\r\n")
        if i == 21:
            cmds.append("incr session:2 1\r\n")
            cmds.append("sett broken 0 0 1\r\nx\r\n")
            cmds.append("set toolong 0 0 2\r\nabcdef\r\n")
        if i % 15 == 0:
            cmds.append("delete cart:42\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"set hits 0 0 1\r\n0\r\n")
        for cmd in cmds:
            s.sendall(cmd.encode())
            time.sleep(0.002)
        s.sendall(b"stats slabs\r\nquit\r\n")
        time.sleep(0.3)


def cap_memcached(tmp: Path) -> None:
    d = tmp / "memcached"
    d.mkdir()
    port = free_port()
    with open(d / "mc.log", "wb") as f:
        p = start(["memcached", "-vv", "-u", "nobody", "-l", "127.0.0.1", "-p", str(port), "-U", "0", "-m", "16"], log=f)
        time.sleep(1)
        memcached_session(port)
        stop(p)
    add("memcached-vv-session", "memcached -vv -p 11211 -U 0 -m 16 2>&1 | tail -n 400",
        "".join((d / "mc.log").read_text(errors="replace").splitlines(keepends=True)[-400:]), MEMCACHED)


TASKS = """
import time

def resize(n):
    time.sleep(0.01 if n != 7 else 0.6)
    return f"thumb-{n}.jpg"

def charge(order_id, amount):
    if amount <= 0:
        raise ValueError(f"amount must be positive for order {order_id}, got {amount}")
    return {"order": order_id, "charged": amount}

def export(report):
    rows = {"daily": 10}
    return rows[report] * 2
"""

ENQUEUE = """
import sys
from redis import Redis
from rq import Queue
import tasks
r = Redis(port=int(sys.argv[1]))
hi, lo = Queue("high", connection=r), Queue("default", connection=r)
for n in range(12):
    lo.enqueue(tasks.resize, n)
for i, amount in enumerate([120, 45, 0, 99, -5, 30]):
    hi.enqueue(tasks.charge, f"o-{900 + i}", amount)
lo.enqueue(tasks.export, "daily")
lo.enqueue(tasks.export, "monthly")
"""


def cap_rq(tmp: Path) -> None:
    d = tmp / "rq"
    write_tree(d, {"tasks.py": TASKS, "enqueue.py": ENQUEUE})
    port = free_port()
    srv = start(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(d)])
    time.sleep(1)
    run(f"{c.PY} enqueue.py {port}", cwd=d)
    out = run(f"{c.VENV}/bin/rq worker --burst --url redis://127.0.0.1:{port} high default", cwd=d, timeout=120)
    stop(srv)
    add("rq-worker-burst-failures", "rq worker --burst high default", out, RQ)


SANIC_APP = """
import asyncio, sys
from sanic import Sanic
from sanic.response import json

app = Sanic("inventory")

@app.get("/")
async def home(request):
    return json({"ok": True})

@app.get("/items/<item_id:int>")
async def item(request, item_id):
    if item_id == 42:
        await asyncio.sleep(0.25)
    return json({"id": item_id})

@app.get("/boom")
async def boom(request):
    stock = {"A-1": 3}
    return json({"left": stock["B-9"] - 1})

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), single_process=True, access_log=True, debug=False)
"""


def cap_sanic(tmp: Path) -> None:
    d = tmp / "sanic"
    write_tree(d, {"server.py": SANIC_APP})
    port = free_port()
    serve_paths(tmp, "sanic-access-exception", [c.PY, "server.py", str(port)], d, port,
                ["/", "/items/1", "/items/42", "/items/abc", "/missing", "/boom", "/items/3"], 3,
                "python server.py 2>&1", SANIC)


STEPS = [cap_haproxy, cap_memcached, cap_rq, cap_sanic]
