#!/usr/bin/env python3
"""Capture round 405 of the compression corpus: Python web services and job runners in development, kinds new to
the corpus (APScheduler logs and print_jobs, arq worker logs on Redis, daphne and uWSGI logs, Starlette's debug
tracebacks, Litestar's app log and validation bodies, Bottle's and Quart's server logs, Ariadne's GraphQL error
bodies, a websockets server's log), on a canal lock's services written here with real faults put in. The needle
rules are NEEDLES.md's "Round 405", fixed before capture and applied by the extractors below. Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide405.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide405.json  as {"version": 2, "items": [...]}, ids prefixed "wide405-".
Tools:   a venv of this round under the tools dir (APScheduler<4, arq, daphne, starlette, litestar, uvicorn,
         bottle, quart, ariadne, websockets); Debian's redis-server, uwsgi-core and uwsgi-plugin-python3, curl.
         Servers listen on 127.0.0.1:18405 (HTTP), 28405 (Redis) and 38405 (websockets) only.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import wait_port  # noqa: E402

ID_PREFIX = "wide405-"
DEFAULT_OUT = HERE / "data" / "wide405.json"
TMP = Path(os.environ.get("HM_WIDE405_TMP", "/dev/shm/hm-corpus-wide405-run"))
TOOLS = Path(os.environ.get("HM_WIDE405_TOOLS", "/dev/shm/hm-corpus-wide405-tools"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
PY_PACKAGES = ["apscheduler<4", "arq", "daphne", "starlette", "litestar", "uvicorn", "bottle", "quart", "ariadne",
               "websockets"]
HTTP_PORT, REDIS_PORT, WS_PORT = 18405, 28405, 38405

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ shared pieces of the rules

ERR = re.compile(r"(?i)error|exception|traceback|fail|fatal|critical|timed out|timeout|harakiri|refused|invalid")
WARN = re.compile(r"(?i)\bwarn")


def shape(s: str) -> str:
    s = re.sub(r"\"[^\"]*\"|'[^']*'", "Q", s)
    s = re.sub(r"0x[0-9a-fA-F]+|\b[0-9a-f]{8,}\b", "H", s)
    return " ".join(re.sub(r"\d+", "N", s).split())


def errs(lines):
    return [ln for ln in lines if ERR.search(ln)]


def warn_groups(lines):
    """Warnings one any per message shape; lines that are errors are not warnings."""
    return cm.groups((shape(ln), ln) for ln in lines if WARN.search(ln) and not ERR.search(ln))


def tracebacks(lines):
    """Each Python traceback's exception line and innermost `File` line."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.lstrip().startswith("Traceback (most recent call last)"):
            continue
        ind = len(ln) - len(ln.lstrip())
        last_file = None
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if s.lstrip().startswith('File "'):
                last_file = s
            elif s.strip() and len(s) - len(s.lstrip()) <= ind:
                out.append(s)
                break
        if last_file:
            out.append(last_file)
    return out


def access(lines, pat, nums=()):
    """Rule 4 on the access rows matched by `pat` (named groups method, status and the numeric ones)."""
    rows = []
    for ln in lines:
        m = re.search(pat, ln)
        if m:
            d = m.groupdict()
            rows.append((ln, {k: (float(v) if k in nums and v not in (None, "-") else v) for k, v in d.items()}))
    return cm.rule4(rows, cat=("method", "status"), nums=nums)


def matching(lines, pat):
    return [ln for ln in lines if re.search(pat, ln)]


def log_rule(lines):
    return errs(lines) + tracebacks(lines) + warn_groups(lines)


# ------------------------------------------------------------------ extractors


@cm.kind("apscheduler-log", "log")
def n_aps_log(lines):
    """error lines, tracebacks, warnings one any per shape; every `Added job` line; scheduler started/shut down lines"""
    return log_rule(lines) + matching(lines, r'Added job "') + matching(lines, r"Scheduler started|Scheduler has been shut down")


@cm.kind("apscheduler-print-jobs", "listing")
def n_aps_print(lines):
    """`Jobstore`/`Pending jobs:` lines; rule 4 on job lines (trigger kind, paused-or-time); error lines"""
    out = matching(lines, r"^\s*Jobstore .*:$|^\s*Pending jobs:")
    rows = []
    for ln in lines:
        m = re.match(r"^\s+(.+) \(trigger: (\w+)\[.*\], (next run at: .*|paused|pending)\)$", ln)
        if m:
            rows.append((ln, {"trigger": m.group(2), "state": m.group(3) if m.group(3) in ("paused", "pending")
                              else "time"}))
    return out + cm.rule4(rows, cat=("trigger", "state")) + errs(lines)


@cm.kind("arq-worker-log", "log")
def n_arq(lines):
    """failure-marker and error lines, tracebacks, retry lines, warnings; Starting worker and redis_version lines; jobs complete line"""
    out = [ln for ln in lines if " ! " in ln] + log_rule(lines) + matching(lines, "↻")
    return out + matching(lines, r"Starting worker for \d+ functions|redis_version=") + matching(lines, "jobs complete")


ACCESS_DAPHNE = r'"(?P<method>[A-Z]+) [^"]*" (?P<status>\d{3}) (?P<size>\d+)'


@cm.kind("daphne-log", "log")
def n_daphne(lines):
    """error lines, tracebacks, warnings; rule 4 on access rows (method, status; size); Starting server / Listening lines"""
    return log_rule(lines) + access(lines, ACCESS_DAPHNE, nums=("size",)) + \
        matching(lines, r"Starting server at |Listening on TCP address")


ACCESS_UWSGI = r"\} \[[^\]]*\] (?P<method>[A-Z]+) \S* => generated (?P<bytes>\d+) bytes in (?P<msecs>\d+) msecs \(HTTP/[\d.]+ (?P<status>\d{3})\)"


@cm.kind("uwsgi-log", "log")
def n_uwsgi(lines):
    """error lines, tracebacks, warnings (with !!! lines); rule 4 on request lines; Starting uWSGI, Operational MODE, spawned lines"""
    out = errs(lines) + tracebacks(lines)
    out += cm.groups((shape(ln), ln) for ln in lines if (WARN.search(ln) or "!!!" in ln) and not ERR.search(ln))
    out += access(lines, ACCESS_UWSGI, nums=("bytes", "msecs"))
    return out + matching(lines, r"\*\*\* Starting uWSGI|\*\*\* Operational MODE:|spawned uWSGI .*\(pid: \d+")


@cm.kind("starlette-debug-traceback", "log")
def n_starlette(lines):
    """non-2xx HTTP status lines, tracebacks (each exception line), File lines naming the app's own module"""
    out = [ln for ln in lines if re.match(r"^HTTP/[\d.]+ (?!2)\d{3}", ln)]
    out += tracebacks(lines)
    out += [ln for ln in lines if ln.lstrip().startswith('File "') and "site-packages" not in ln
            and "/lib/python" not in ln]
    return out


ACCESS_UVICORN = r'INFO: +\S+ - "(?P<method>[A-Z]+) \S+ HTTP/[\d.]+" (?P<status>\d{3})'


@cm.kind("litestar-app-log", "log")
def n_litestar_log(lines):
    """error lines, tracebacks, warnings; rule 4 on uvicorn access rows (method, status); Uvicorn running on line"""
    return log_rule(lines) + access(lines, ACCESS_UVICORN) + matching(lines, r"Uvicorn running on")


@cm.kind("litestar-validation-json", "json")
def n_litestar_json(lines):
    """non-2xx "status_code" lines, every "detail" line, every "message" and "key" line"""
    out = [ln for ln in lines if re.search(r'"status_code": (?!2)\d{3}', ln)]
    return out + matching(lines, r'^\s*"detail":') + matching(lines, r'^\s*"(message|key)":')


ACCESS_WSGIREF = r'"(?P<method>[A-Z]+) \S+ HTTP/[\d.]+" (?P<status>\d{3}) (?P<size>\d+|-)'


@cm.kind("bottle-server-log", "log")
def n_bottle(lines):
    """error lines, tracebacks, warnings; rule 4 on wsgiref access rows (method, status; size); Bottle starting/Listening lines"""
    return log_rule(lines) + access(lines, ACCESS_WSGIREF, nums=("size",)) + \
        matching(lines, r"Bottle v\S+ server starting up|Listening on http://")


ACCESS_HYPERCORN = r"\d+\.\d+\.\d+\.\d+:\d+ (?P<method>[A-Z]+) \S+ [\d.]+ (?P<status>\d{3}) (?P<size>\d+|-) (?P<dur>\d+)"


@cm.kind("quart-app-log", "log")
def n_quart(lines):
    """error lines, tracebacks, warnings; rule 4 on hypercorn access rows (method, status; size, duration); Running on line"""
    return log_rule(lines) + access(lines, ACCESS_HYPERCORN, nums=("size", "dur")) + matching(lines, r"Running on http://")


@cm.kind("ariadne-graphql-errors-json", "json")
def n_ariadne(lines):
    """every "message" line, stacktrace entries holding an exception line and the last File entry before each, "data": null lines"""
    out = matching(lines, r'^\s*"message":') + matching(lines, r'^\s*"data": null')
    last_file = None
    for ln in lines:
        s = ln.strip().rstrip(",")
        if s.startswith('"') and s.endswith('"'):
            body = s[1:-1]
            if body.lstrip().startswith("File \\\"") or body.lstrip().startswith('File "'):
                last_file = ln
            elif re.match(r"^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception)\b", body):
                out.append(ln)
                if last_file:
                    out.append(last_file)
                last_file = None
        elif not s.startswith('"'):
            pass
    return out


@cm.kind("websockets-server-log", "log")
def n_ws(lines):
    """error lines, tracebacks, warnings; server listening line; lines naming a close code other than 1000/1001"""
    out = log_rule(lines) + matching(lines, r"server listening on")
    for ln in lines:
        if re.search(r"(?i)close|sent|received", ln):
            codes = re.findall(r"\b(10(?:0[2-9]|1[0-5])|[34]\d{3})\b", ln)
            if codes:
                out.append(ln)
    return out



# ------------------------------------------------------------------ running servers


def port_free(port: int, timeout: float = 20) -> None:
    """Wait until nothing listens on `port` (an earlier server of this round may still be shutting down)."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.3):
                pass
        except OSError:
            return
        time.sleep(0.3)
    cm.note(f"port {port} still busy")


def start_server(cmd: str, cwd: Path, port: int):
    port_free(port)
    return cm.start(cmd, cwd=cwd)


def serve(server_cmd: str, cwd: Path, port: int, client_cmd: str, env: dict | None = None, wait: float = 20,
          settle: float = 1.0, sig=signal.SIGINT, client_timeout: int = 180) -> str:
    """Start a server (its merged output to a log), run a client against it, stop the server with `sig`
    (SIGKILL after 8 s), and return the server's whole log."""
    port_free(port)
    log_path = cwd / f"server-{port}-{time.time():.0f}.log"
    with open(log_path, "wb") as log:
        p = cm.start("exec " + server_cmd, cwd=cwd, log=log, env=env)
        try:
            if not wait_port(port, wait):
                cm.note(f"server did not come up: {server_cmd[:80]}")
            client = cm.run(client_cmd, cwd=cwd, timeout=client_timeout, env=env)
            if client.strip():
                (cwd / "client.out").write_text(client)
            time.sleep(settle)
        finally:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, sig)
                    p.wait(timeout=8)
                except (ProcessLookupError, cm.subprocess.TimeoutExpired):
                    try:
                        os.killpg(p.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    p.wait()
    return log_path.read_text(errors="replace")


CLIENT = r'''
import json, random, sys, time, urllib.request, urllib.error
seed, n, base = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
paths = sys.argv[4].split(",")
rnd = random.Random(seed)
for i in range(n):
    p = rnd.choice(paths)
    method, _, p = p.partition(" ") if " " in p else ("GET", "", p)
    p = p.replace("{n}", str(rnd.randint(1, 12)))
    data = None
    if method in ("POST", "PUT"):
        data = json.dumps({"boat": f"narrowboat-{rnd.randint(1, 99)}", "level": rnd.choice([1.2, -3, "high", None])}).encode()
    req = urllib.request.Request(base + p, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=6) as r:
            r.read()
    except urllib.error.HTTPError as e:
        e.read()
    except Exception as e:
        print(f"client: {method} {p}: {type(e).__name__}: {e}")
'''


def client(seed: int, n: int, paths: list[str], port: int = HTTP_PORT) -> str:
    return f"{PY} client.py {seed} {n} http://127.0.0.1:{port} '{','.join(paths)}'"


# ------------------------------------------------------------------ APScheduler

APS_SCRIPT = r'''
import logging, random, sys, time
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.executors.pool import ThreadPoolExecutor

seed, seconds, level = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
logging.basicConfig(level=getattr(logging, level), stream=sys.stderr,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
rnd = random.Random(seed)

class SluiceJammed(RuntimeError):
    pass

def open_paddle(gate, paddle):
    if rnd.random() < 0.3:
        raise SluiceJammed(f"paddle {paddle} on gate {gate} will not lift: rack tooth sheared")
    logging.getLogger("lock.paddles").info("paddle %s on gate %s raised", paddle, gate)

def fill_chamber(target):
    level = 0.0
    while level < target:
        time.sleep(0.15)
        level += rnd.uniform(0.2, 0.6)
    logging.getLogger("lock.chamber").info("chamber level %.2f m (target %.2f m)", level, target)

def check_sluice(name):
    flow = rnd.choice([0, 3, 5, 8])
    return 120 / flow

def keeper_rota(keepers):
    on_duty = {k: rnd.choice(["day", "night"]) for k in keepers}
    return on_duty[rnd.choice(keepers + ["Mrs Pargeter"])]

def log_boat(n):
    logging.getLogger("lock.log").info("boat %d locked through", n)

sched = BackgroundScheduler(executors={"default": ThreadPoolExecutor(max_workers=2)},
                            job_defaults={"misfire_grace_time": 1, "coalesce": False, "max_instances": 1})
for g in range(1 + seed % 3):
    for p in ("ground", "gate"):
        sched.add_job(open_paddle, "interval", seconds=rnd.uniform(0.4, 1.0), args=[f"upper-{g}", p],
                      id=f"paddle-{g}-{p}", name=f"open_paddle upper-{g} {p}")
sched.add_job(fill_chamber, "interval", seconds=0.5, args=[rnd.uniform(1.5, 3.0)], id="fill", name="fill_chamber")
sched.add_job(check_sluice, "interval", seconds=0.7, args=["bywash"], id="sluice", name="check_sluice bywash")
sched.add_job(keeper_rota, "interval", seconds=1.3, args=[["Abel", "Bryony", "Cass"]], id="rota", name="keeper_rota")
for n in range(int(seconds)):
    sched.add_job(log_boat, "interval", seconds=rnd.uniform(0.3, 2.0), args=[n], id=f"boat-{n}", name=f"log_boat {n}")
sched.start()
time.sleep(seconds)
sched.shutdown(wait=False)
'''

APS_PRINT = r'''
import random, sys
from apscheduler.schedulers.background import BackgroundScheduler
seed, n = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
def task(*a):
    pass
sched = BackgroundScheduler(timezone="UTC")
sched.add_jobstore("memory", "keepers")
stretches = ["Hatton", "Caen Hill", "Foxton", "Bingley", "Tardebigge", "Marple"]
def add_all():
    for i in range(n):
        kind = rnd.choices(["interval", "cron", "date"], weights=[8, 3, 1])[0]
        name = f"{rnd.choice(['inspect_paddle', 'grease_gate', 'drain_pound', 'count_boats', 'rota'])} {rnd.choice(stretches)} #{i}"
        store = "keepers" if "rota" in name or rnd.random() < 0.2 else "default"
        try:
            if kind == "interval":
                sched.add_job(task, "interval", minutes=rnd.randint(5, 600), name=name, jobstore=store, id=f"j{i}",
                              start_date="2026-12-03 06:00:00")
            elif kind == "cron":
                hour = rnd.choice(["6", "*/4", "7-19", "25", "8,20"])
                sched.add_job(task, "cron", hour=hour, minute=rnd.choice(["0", "30", "*/15", "61"]), name=name,
                              jobstore=store, id=f"j{i}")
            else:
                sched.add_job(task, "date", run_date=f"2027-0{rnd.randint(1, 9)}-{rnd.randint(1, 31):02d} 09:00:00",
                              name=name, jobstore=store, id=f"j{i}")
        except Exception as e:
            print(f"error: cannot add job {name!r} ({kind}): {type(e).__name__}: {e}", file=sys.stderr)
add_all()
sched.print_jobs()
sched.start(paused=True)
for j in sched.get_jobs():
    if rnd.random() < 0.06:
        j.pause()
sched.print_jobs()
sched.shutdown(wait=False)
'''


def cap_apscheduler(tmp: Path) -> None:
    root = tmp / "aps"
    root.mkdir()
    (root / "keeper_jobs.py").write_text(APS_SCRIPT.lstrip())
    (root / "rota_jobs.py").write_text(APS_PRINT.lstrip())
    for seed, secs, level in ((40510, 2, "INFO"), (40511, 5, "INFO"), (40512, 2, "DEBUG"), (40513, 4, "DEBUG")):
        _SIZED.cap(f"apscheduler-{seed}-{level.lower()}", f"{PY} keeper_jobs.py {seed} {secs} {level}", root,
                   n_aps_log, timeout=60, typed=f"python keeper_jobs.py {seed} {secs} {level}")
    for seed, n in ((40514, 30), (40515, 160), (40516, 520)):
        _SIZED.cap(f"apscheduler-print-jobs-{n}", f"{PY} rota_jobs.py {seed} {n}", root, n_aps_print, timeout=60,
                   typed=f"python rota_jobs.py {seed} {n}")


# ------------------------------------------------------------------ arq on Redis

ARQ_TASKS = r'''
import asyncio, random
from arq import Retry
from arq.connections import RedisSettings

class PaddleStuck(Exception):
    pass

async def open_paddle(ctx, gate, paddle):
    await asyncio.sleep(0.05)
    if sum(map(ord, gate + paddle)) % 4 == 0 or paddle == "ground-3":
        raise PaddleStuck(f"paddle {paddle} on {gate} stuck half-way, spindle bent")
    return f"{gate}/{paddle} open"

async def fill_chamber(ctx, lock, seconds):
    await asyncio.sleep(seconds)
    return f"lock {lock} full"

async def swing_gate(ctx, gate):
    if ctx["job_try"] < 3 and gate.endswith("bottom"):
        raise Retry(defer=0.3)
    return f"{gate} swung"

async def record_boat(ctx, boat, tonnage):
    return round(1000 / tonnage, 2)

class WorkerSettings:
    functions = [open_paddle, fill_chamber, swing_gate, record_boat]
    redis_settings = RedisSettings(host="127.0.0.1", port=REDIS_PORT)
    job_timeout = 1.5
    max_tries = 4
    poll_delay = 0.1
    max_jobs = 4
'''

ARQ_ENQUEUE = r'''
import asyncio, random, sys
from arq import create_pool
from lock_jobs import WorkerSettings
seed, n = int(sys.argv[1]), int(sys.argv[2])
rnd = random.Random(seed)
async def main():
    pool = await create_pool(WorkerSettings.redis_settings)
    await pool.flushdb()
    for i in range(n):
        k = rnd.choice(["open_paddle", "open_paddle", "fill_chamber", "swing_gate", "record_boat", "record_boat"])
        if k == "open_paddle":
            await pool.enqueue_job(k, f"lock-{rnd.randint(1, 21)}", rnd.choice(["ground-1", "ground-3", "gate-2"]))
        elif k == "fill_chamber":
            await pool.enqueue_job(k, rnd.randint(1, 21), rnd.choice([0.1, 0.4, 2.5]))
        elif k == "swing_gate":
            await pool.enqueue_job(k, rnd.choice(["lock-4 top", "lock-7 bottom", "lock-9 bottom"]))
        else:
            await pool.enqueue_job(k, f"nb-{rnd.randint(1, 400)}", rnd.choice([12, 20, 0, 35]))
    await pool.aclose()
asyncio.run(main())
'''


def cap_arq(tmp: Path) -> None:
    root = tmp / "arq"
    root.mkdir()
    (root / "lock_jobs.py").write_text(ARQ_TASKS.lstrip().replace("REDIS_PORT", str(REDIS_PORT)))
    (root / "enqueue.py").write_text(ARQ_ENQUEUE.lstrip())
    redis = cm.start(f"redis-server --port {REDIS_PORT} --bind 127.0.0.1 --save '' --appendonly no", cwd=root)
    try:
        if not wait_port(REDIS_PORT, 15):
            cm.note("redis did not start")
            return
        env = {"PYTHONPATH": str(root)}
        for seed, n, secs in ((40520, 12, 6), (40521, 60, 9), (40522, 220, 16)):
            cm.run(f"{PY} enqueue.py {seed} {n}", cwd=root, env=env, timeout=60)
            raw = cm.run(f"timeout -s INT {secs} {VENV}/bin/arq lock_jobs.WorkerSettings", cwd=root, env=env,
                         timeout=secs + 20)
            add(f"arq-worker-{seed}-{n}", "arq lock_jobs.WorkerSettings", raw, n_arq)
        cm.run(f"{PY} enqueue.py 40523 40", cwd=root, env=env, timeout=60)
        raw = cm.run(f"timeout -s INT 8 {VENV}/bin/arq --verbose lock_jobs.WorkerSettings", cwd=root, env=env,
                     timeout=30)
        add("arq-worker-40523-verbose", "arq --verbose lock_jobs.WorkerSettings", raw, n_arq)
    finally:
        cm.stop(redis)


# ------------------------------------------------------------------ daphne (plain ASGI)

ASGI_APP = r'''
import asyncio, json, random

class GateLocked(Exception):
    pass

def paddle_state(n):
    states = {1: "up", 2: "down", 3: "half", 5: "up", 8: "down"}
    return states[n]

async def body(receive):
    data = b""
    while True:
        m = await receive()
        data += m.get("body", b"")
        if not m.get("more_body"):
            return data

async def send_json(send, code, obj):
    raw = json.dumps(obj).encode()
    await send({"type": "http.response.start", "status": code, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": raw})

async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            m = await receive()
            if m["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif m["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path.startswith("/paddle/"):
        n = int(path.rsplit("/", 1)[1])
        await send_json(send, 200, {"paddle": n, "state": paddle_state(n)})
    elif path == "/gate":
        data = json.loads(await body(receive))
        if data["level"] is None or isinstance(data["level"], str):
            raise GateLocked(f"gate cannot open for {data['boat']}: level reading {data['level']!r}")
        await send_json(send, 200, {"ok": True})
    elif path == "/chamber":
        await asyncio.sleep(4)
        await send_json(send, 200, {"level": 2.4})
    elif path == "/keepers":
        await send({"type": "http.response.body", "body": b"Abel, Bryony"})
    elif path == "/health":
        await send_json(send, 200, {"ok": True})
    else:
        await send_json(send, 404, {"error": "no such lock part"})
'''


def cap_daphne(tmp: Path) -> None:
    root = tmp / "daphne"
    root.mkdir()
    (root / "lock_asgi.py").write_text(ASGI_APP.lstrip())
    (root / "client.py").write_text(CLIENT.lstrip())
    paths = ["/paddle/{n}", "/health", "POST /gate", "/chamber", "/keepers", "/sluice", "/health", "/paddle/{n}"]
    for seed, n, tmo in ((40530, 14, 3), (40531, 70, 3), (40532, 110, 2)):
        cmd = f"{VENV}/bin/daphne -b 127.0.0.1 -p {HTTP_PORT} --http-timeout {tmo} -v 2 lock_asgi:application"
        raw = serve(cmd, root, HTTP_PORT, client(seed, n, paths), env={"PYTHONPATH": str(root)})
        add(f"daphne-{seed}-{n}", f"daphne -b 127.0.0.1 -p {HTTP_PORT} --http-timeout {tmo} -v 2 lock_asgi:application",
            raw, n_daphne)


# ------------------------------------------------------------------ uWSGI (Debian's, python3 plugin)

WSGI_APP = r'''
import json, time

KEEPERS = {"abel": "day", "bryony": "night"}

def sluice_flow(width, head):
    return round(0.6 * width * (2 * 9.81 * head) ** 0.5 / (head - 1.5), 3)

def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path.startswith("/sluice/"):
        head = float(path.rsplit("/", 1)[1])
        body = json.dumps({"flow": sluice_flow(1.2, head)}).encode()
    elif path.startswith("/keeper/"):
        body = json.dumps({"shift": KEEPERS[path.rsplit("/", 1)[1]]}).encode()
    elif path == "/drain":
        time.sleep(5)
        body = b"drained"
    elif path == "/ledger":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["boat 1 up\n", "boat 2 down\n"]
    else:
        body = b"ok"
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
'''


def cap_uwsgi(tmp: Path) -> None:
    if not cm.have("uwsgi", "uwsgi-log"):
        return
    root = tmp / "uwsgi"
    root.mkdir()
    (root / "lock_wsgi.py").write_text(WSGI_APP.lstrip())
    (root / "broken_wsgi.py").write_text("import json\nfrom lock_wsgi import sluice_flow, KEEPRS\n\n"
                                         "application = None\n")
    (root / "client.py").write_text(CLIENT.lstrip())
    paths = ["/sluice/{n}", "/sluice/1.5", "/keeper/abel", "/keeper/cass", "/drain", "/ledger", "/health"]
    base = f"uwsgi --plugin python3 --http-socket 127.0.0.1:{HTTP_PORT} --chdir {root}"
    runs = [
        ("master", 40540, 20, "--wsgi-file lock_wsgi.py --master --processes 2 --harakiri 3"),
        ("nomaster", 40541, 12, "--wsgi-file lock_wsgi.py --processes 1"),
        ("threads", 40542, 120, "--wsgi-file lock_wsgi.py --master --processes 2 --threads 2 --harakiri 2 --max-requests 40"),
        ("broken", 40543, 8, "--wsgi-file broken_wsgi.py --master --processes 1"),
    ]
    for name, seed, n, opts in runs:
        raw = serve(f"{base} {opts}", root, HTTP_PORT, client(seed, n, paths), sig=signal.SIGINT, wait=20,
                    client_timeout=240)
        add(f"uwsgi-{name}-{seed}", f"uwsgi --plugin python3 --http-socket 127.0.0.1:{HTTP_PORT} {opts}", raw, n_uwsgi)
    raw = cm.run(f"timeout 20 {base} --wsgi-file broken_wsgi.py --master --need-app", cwd=root, timeout=40)
    add("uwsgi-need-app", f"uwsgi --plugin python3 --http-socket 127.0.0.1:{HTTP_PORT} --wsgi-file broken_wsgi.py "
        "--master --need-app", raw, n_uwsgi)


# ------------------------------------------------------------------ Starlette debug tracebacks

STARLETTE_APP = r'''
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route, Mount

LOCKS = {"hatton-21": {"rise": 1.8, "paddles": 4}, "foxton-3": {"rise": 2.1, "paddles": 2}}

class KeeperHeader(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers["x-keeper"] = request.headers.get("x-keeper", "none")
        return response

def water_per_paddle(lock):
    info = LOCKS[lock]
    return info["rise"] * 72 / (info["paddles"] - 4)

async def paddles(request):
    return JSONResponse({"litres_per_paddle": water_per_paddle(request.path_params["lock"])})

async def boat(request):
    data = await request.json()
    return JSONResponse({"boat": data["name"].upper(), "length_m": float(data["length"])})

async def rota(request):
    keepers = request.query_params.getlist("k")
    return JSONResponse({"first": keepers[0], "shifts": len(keepers) // int(request.query_params.get("per", "0"))})

def gate_angle(gate):
    try:
        return {"top": 90, "bottom": 85}[gate]
    except KeyError as e:
        raise RuntimeError(f"gate {gate!r} has no hinge record") from e

async def gate(request):
    return JSONResponse({"angle": gate_angle(request.path_params["gate"])})

async def ok(request):
    return JSONResponse({"ok": True})

routes = [
    Route("/locks/{lock}/paddles", paddles),
    Route("/boats", boat, methods=["POST"]),
    Route("/rota", rota),
    Mount("/gates", routes=[Route("/{gate}", gate)]),
    Route("/health", ok),
]
app = Starlette(debug=True, routes=routes, middleware=[Middleware(KeeperHeader)])
'''


def cap_starlette(tmp: Path) -> None:
    root = tmp / "starlette"
    root.mkdir()
    (root / "lock_app.py").write_text(STARLETTE_APP.lstrip())
    url = f"http://127.0.0.1:{HTTP_PORT}"
    sets = {
        "paddles": ["/locks/hatton-21/paddles", "/locks/marple-9/paddles"],
        "mixed": ["/health", "/locks/foxton-3/paddles", "/rota?k=Abel&k=Bryony", "/rota", "/gates/middle"],
        "all": ["/locks/hatton-21/paddles", "/locks/caen-29/paddles", "/rota?k=Abel", "/rota?per=0",
                "/gates/top", "/gates/tail", "/gates/breast", "/health", "/locks/foxton-3/paddles"],
    }
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --no-access-log lock_app:app", root,
                     HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            cm.note("starlette did not start")
            return
        for name, ps in sets.items():
            loop = " ".join(f"'{x}'" for x in ps)
            cmd = f"for p in {loop}; do curl -si \"{url}$p\"; echo; done"
            if name == "all":
                cmd += (f"; curl -si -X POST {url}/boats -H 'content-type: application/json' -d '{{\"name\": \"Kestrel\"}}'; echo"
                        f"; curl -si -X POST {url}/boats -H 'content-type: application/json' -d '{{\"name\": null, \"length\": 20}}'; echo"
                        f"; curl -si -X POST {url}/boats -d 'name=Kestrel'; echo")
            _SIZED.cap(f"starlette-debug-{name}", cmd, root, n_starlette, timeout=60)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ Litestar

LITESTAR_APP = r'''
import asyncio
from dataclasses import dataclass
from typing import Literal, Optional
import msgspec
from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException

class Boat(msgspec.Struct):
    name: str
    length_m: float
    beam_m: float
    draught_m: float
    crew: int
    direction: Literal["up", "down"]
    licence: str
    tonnage: Optional[int] = None

@dataclass
class PaddleCommand:
    lock: int
    paddle: Literal["ground", "gate"]
    side: Literal["offside", "towpath"]
    turns: int
    keeper: str

CHAMBERS = {1: 2.4, 2: 2.1, 3: 1.9}

@get("/chambers/{n:int}")
async def chamber(n: int) -> dict:
    return {"chamber": n, "volume_m3": CHAMBERS[n] * 21 * 2.2}

@get("/keepers/{name:str}")
async def keeper(name: str) -> dict:
    if name not in ("abel", "bryony"):
        raise NotFoundException(f"no keeper {name}")
    return {"keeper": name, "shift": ["day", "night"][len(name) % 2]}

@post("/boats")
async def register_boat(data: Boat) -> dict:
    return {"registered": data.name, "fits": data.length_m / (21.9 - data.length_m) > 0}

@post("/paddles")
async def paddle(data: PaddleCommand) -> dict:
    await asyncio.sleep(0.01)
    return {"lock": data.lock, "rate": 100 // (data.turns - 4)}

@get("/sluices")
async def sluices() -> dict:
    return {"open": sorted([3, "bywash", 1])}

@get("/health")
async def health() -> dict:
    return {"ok": True}

app = Litestar([chamber, keeper, register_boat, paddle, sluices, health], debug=True)
'''

BAD_BOATS = [
    '{}',
    '{"name": "Kestrel", "length_m": "long", "beam_m": 2.1, "draught_m": 0.6, "crew": 2, "direction": "up", "licence": "CRT-1"}',
    '{"name": 7, "length_m": 18, "beam_m": 2.1, "draught_m": 0.6, "crew": "two", "direction": "sideways", "licence": "CRT-2"}',
    '{"name": "Otter", "length_m": 18, "beam_m": 2.1, "draught_m": 0.6, "crew": 2, "direction": "down"}',
    '[1, 2, 3]',
    '{"name": "Heron", "length_m": 18, "beam_m": 2.1, "draught_m": 0.6, "crew": 2, "direction": "up", "licence": "CRT-3", "tonnage": 1.5}',
    '{"name": "Heron", "length_m',
]
BAD_PADDLES = [
    '{"lock": "twenty", "paddle": "ground", "side": "offside", "turns": 6, "keeper": "abel"}',
    '{"lock": 21, "paddle": "sluice", "side": "middle", "turns": 6}',
    '{"lock": 21, "paddle": "gate", "side": "towpath", "turns": "six", "keeper": null}',
    '{"lock": 21}',
]


def cap_litestar(tmp: Path) -> None:
    root = tmp / "litestar"
    root.mkdir()
    (root / "lock_api.py").write_text(LITESTAR_APP.lstrip())
    (root / "client.py").write_text(CLIENT.lstrip())
    url = f"http://127.0.0.1:{HTTP_PORT}"
    paths = ["/chambers/{n}", "/keepers/abel", "/keepers/cass", "/sluices", "/health", "/health", "POST /boats",
             "POST /paddles", "/chambers/2", "/nowhere"]
    for seed, n in ((40550, 10), (40551, 45), (40552, 90)):
        cmd = f"{VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} lock_api:app"
        raw = serve(cmd, root, HTTP_PORT, client(seed, n, paths))
        add(f"litestar-log-{seed}-{n}", f"uvicorn --host 127.0.0.1 --port {HTTP_PORT} lock_api:app", raw, n_litestar_log)
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --log-level warning lock_api:app",
                     root, HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            return

        def posts(route, bodies):
            return "; ".join(f"curl -s -X POST {url}{route} -H 'content-type: application/json' -d '{b}' | python3 -m json.tool"
                             for b in bodies)

        _SIZED.cap("litestar-validation-boats", posts("/boats", BAD_BOATS), root, n_litestar_json, timeout=60)
        _SIZED.cap("litestar-validation-paddles", posts("/paddles", BAD_PADDLES), root, n_litestar_json, timeout=60)
        _SIZED.cap("litestar-validation-one", posts("/paddles", BAD_PADDLES[1:2]) + "; " + posts("/boats", BAD_BOATS[:1]), root, n_litestar_json, timeout=60)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ Bottle

BOTTLE_APP = r'''
import json, sys
from bottle import Bottle, request, abort

app = Bottle()
BOATS = {}

@app.get("/pounds/<name>")
def pound(name):
    depths = {"long": [1.2, 1.1, 0.9], "short": []}
    d = depths[name]
    return {"pound": name, "mean_depth": sum(d) / len(d)}

@app.post("/gate")
def gate():
    data = request.json
    BOATS[data["boat"]] = data["level"] + 0.5
    return {"queued": len(BOATS)}

@app.get("/paddle/<n:int>")
def paddle(n):
    if n > 10:
        abort(404, f"paddle {n} not on this flight")
    return {"paddle": n, "turns": 12 // (n % 4)}

@app.get("/health")
def health():
    return {"ok": True}

@app.get("/keepers")
def keepers():
    return ["abel", "bryony"]

app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=True)
'''


def cap_bottle(tmp: Path) -> None:
    root = tmp / "bottle"
    root.mkdir()
    (root / "lock_bottle.py").write_text(BOTTLE_APP.lstrip())
    (root / "client.py").write_text(CLIENT.lstrip())
    paths = ["/pounds/long", "/pounds/short", "/pounds/deep", "POST /gate", "/paddle/{n}", "/health", "/health",
             "/keepers", "/paddle/{n}"]
    for seed, n in ((40560, 12), (40561, 50), (40562, 180)):
        raw = serve(f"{PY} -u lock_bottle.py {HTTP_PORT}", root, HTTP_PORT, client(seed, n, paths))
        add(f"bottle-{seed}-{n}", f"python lock_bottle.py {HTTP_PORT}", raw, n_bottle)


# ------------------------------------------------------------------ Quart

QUART_APP = r'''
import asyncio, sys
from quart import Quart, request, jsonify

app = Quart(__name__)
FLIGHT = ["lock-1", "lock-2", "lock-3"]

@app.get("/flight/<int:i>")
async def flight(i):
    return jsonify(lock=FLIGHT[i])

@app.post("/gate")
async def gate():
    data = await request.get_json()
    return jsonify(raised_to=round(data["level"] * 1.05, 2))

@app.get("/bywash")
async def bywash():
    await asyncio.wait_for(asyncio.sleep(2), timeout=0.5)
    return jsonify(ok=True)

@app.get("/keepers/<name>")
async def keeper(name):
    shifts = {"abel": "day"}
    return jsonify(shift=shifts.get(name).upper())

@app.get("/health")
async def health():
    return jsonify(ok=True)

app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=False, use_reloader=False)
'''


def cap_quart(tmp: Path) -> None:
    root = tmp / "quart"
    root.mkdir()
    (root / "lock_quart.py").write_text(QUART_APP.lstrip())
    (root / "client.py").write_text(CLIENT.lstrip())
    paths = ["/flight/{n}", "/flight/1", "POST /gate", "/bywash", "/keepers/abel", "/keepers/cass", "/health",
             "/health", "/health"]
    for seed, n in ((40570, 12), (40571, 40), (40572, 140)):
        raw = serve(f"{PY} -u lock_quart.py {HTTP_PORT}", root, HTTP_PORT, client(seed, n, paths))
        add(f"quart-{seed}-{n}", f"python lock_quart.py {HTTP_PORT}", raw, n_quart)


# ------------------------------------------------------------------ Ariadne

ARIADNE_APP = r'''
from ariadne import QueryType, MutationType, ObjectType, make_executable_schema
from ariadne.asgi import GraphQL

type_defs = """
type Query {
  lock(id: ID!): Lock
  locks(flight: String!): [Lock!]!
  keeper(name: String!): Keeper
}
type Mutation {
  openPaddle(lock: ID!, paddle: Int!): Paddle!
}
type Lock { id: ID! name: String! rise: Float! paddles: [Paddle!]! keeper: Keeper }
type Paddle { number: Int! state: String! turns: Int! }
type Keeper { name: String! shift: String! }
"""
query, mutation, lock_t, paddle_t = QueryType(), MutationType(), ObjectType("Lock"), ObjectType("Paddle")
LOCKS = {"21": {"id": "21", "name": "Hatton Top", "rise": 1.8}, "9": {"id": "9", "name": "Marple 9", "rise": None}}

@query.field("lock")
def r_lock(*_, id):
    return LOCKS[id]

@query.field("locks")
def r_locks(*_, flight):
    return [LOCKS[k] for k in ("21", "9", "40")]

@query.field("keeper")
def r_keeper(*_, name):
    return {"name": name, "shift": {"abel": "day"}.get(name)}

@lock_t.field("paddles")
def r_paddles(lock, *_):
    return [{"number": i, "state": "up", "turns": 12 // (i - 2)} for i in range(1, 5)]

@lock_t.field("keeper")
def r_lock_keeper(lock, *_):
    raise PermissionError(f"keeper of lock {lock['id']} is off the rota")

@mutation.field("openPaddle")
def r_open(*_, lock, paddle):
    if paddle > 4:
        raise ValueError(f"lock {lock} has 4 paddles, not {paddle}")
    return {"number": paddle, "state": "rising", "turns": "twelve"}

schema = make_executable_schema(type_defs, query, mutation, lock_t, paddle_t)
app = GraphQL(schema, debug=True)
'''

GQL = [
    '{"query": "{ lock(id: \\"21\\") { name rise paddles { number turns } } }"}',
    '{"query": "{ lock(id: \\"40\\") { name } }"}',
    '{"query": "{ locks(flight: \\"hatton\\") { id name rise } }"}',
    '{"query": "{ lock(id: \\"9\\") { name rise keeper { name } } }"}',
    '{"query": "{ keeper(name: \\"cass\\") { name shift } }"}',
    '{"query": "mutation { openPaddle(lock: \\"21\\", paddle: 6) { state } }"}',
    '{"query": "mutation { openPaddle(lock: \\"21\\", paddle: 2) { number state turns } }"}',
    '{"query": "{ lock(id: 21) { nme gates } }"}',
    '{"query": "{ lock(id: \\"21\\") { name "}',
    '{"query": "query Q($id: ID!) { lock(id: $id) { name } }", "variables": {"id": null}}',
]


def cap_ariadne(tmp: Path) -> None:
    root = tmp / "ariadne"
    root.mkdir()
    (root / "lock_graphql.py").write_text(ARIADNE_APP.lstrip())
    url = f"http://127.0.0.1:{HTTP_PORT}/graphql/"
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --log-level warning lock_graphql:app",
                     root, HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            return

        def q(bodies):
            return "; ".join(f"curl -s {url} -H 'content-type: application/json' -d '{b}' | python3 -m json.tool"
                             for b in bodies)

        _SIZED.cap("ariadne-lock-paddles", q(GQL[:1]), root, n_ariadne, timeout=60)
        _SIZED.cap("ariadne-mutations", q(GQL[5:7]), root, n_ariadne, timeout=60)
        _SIZED.cap("ariadne-validation", q(GQL[7:10] + GQL[1:2]), root, n_ariadne, timeout=60)
        _SIZED.cap("ariadne-all", q(GQL), root, n_ariadne, timeout=90)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ websockets

WS_SERVER = r'''
import asyncio, json, logging, sys
from websockets.asyncio.server import serve

level, port = sys.argv[1], int(sys.argv[2])
logging.basicConfig(level=getattr(logging, level), stream=sys.stderr,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("lock.ws")

async def handler(ws):
    log.info("keeper console connected from %s", ws.remote_address[0])
    async for msg in ws:
        cmd = json.loads(msg)
        if cmd["op"] == "level":
            await ws.send(json.dumps({"level": 2.4 / cmd["chamber"]}))
        elif cmd["op"] == "paddle":
            await ws.send(json.dumps({"paddle": cmd["n"], "state": ["up", "down"][cmd["n"]]}))
        else:
            await ws.send(json.dumps({"echo": cmd}))

async def main():
    async with serve(handler, "127.0.0.1", port, max_size=2048, ping_interval=0.5, ping_timeout=0.5,
                     close_timeout=0.5) as server:
        await asyncio.sleep(float(sys.argv[3]))

asyncio.run(main())
'''

WS_CLIENT = r'''
import asyncio, json, random, socket, sys, base64, os
from websockets.asyncio.client import connect

seed, n, port = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
uri = f"ws://127.0.0.1:{port}/keepers"

async def normal():
    async with connect(uri) as ws:
        for _ in range(rnd.randint(1, 4)):
            await ws.send(json.dumps({"op": "level", "chamber": rnd.choice([1, 2, 4])}))
            await ws.recv()

async def crash():
    async with connect(uri) as ws:
        await ws.send(json.dumps({"op": rnd.choice(["level", "paddle"]), "chamber": 0, "n": 5}))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def too_big():
    async with connect(uri) as ws:
        await ws.send(json.dumps({"op": "echo", "ledger": "x" * 5000}))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def bad_json():
    async with connect(uri) as ws:
        await ws.send("paddle 3 up please")
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

def raw_handshake():
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /keepers HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    s.recv(4096)
    return s

async def drop():
    s = raw_handshake()
    s.close()

async def silent():
    s = raw_handshake()
    await asyncio.sleep(1.6)
    s.close()

async def bad_frame():
    s = raw_handshake()
    s.sendall(bytes([0x81, 0x83, 1, 2, 3, 4]) + bytes(b ^ m for b, m in zip(b"\xff\xfe\xfd", [1, 2, 3])))
    await asyncio.sleep(0.3)
    s.close()

async def not_ws():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /keepers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    s.recv(4096)
    s.close()

async def main():
    kinds = [normal, normal, normal, crash, too_big, bad_json, drop, silent, bad_frame, not_ws]
    for i in range(n):
        try:
            await rnd.choice(kinds)()
        except Exception as e:
            print("client:", type(e).__name__, e)
asyncio.run(main())
'''


def cap_websockets(tmp: Path) -> None:
    root = tmp / "ws"
    root.mkdir()
    (root / "lock_ws.py").write_text(WS_SERVER.lstrip())
    (root / "ws_client.py").write_text(WS_CLIENT.lstrip())
    for seed, n, level in ((40580, 10, "INFO"), (40581, 40, "INFO"), (40582, 12, "DEBUG"), (40583, 25, "DEBUG")):
        secs = 6 + n
        raw = serve(f"{PY} -u lock_ws.py {level} {WS_PORT} {secs}", root, WS_PORT,
                    f"{PY} ws_client.py {seed} {n} {WS_PORT}", client_timeout=120)
        add(f"websockets-{seed}-{level.lower()}", f"python lock_ws.py {level} {WS_PORT} {secs}", raw, n_ws)


STEPS = [cap_apscheduler, cap_arq, cap_daphne, cap_uwsgi, cap_starlette, cap_litestar, cap_bottle, cap_quart,
         cap_ariadne, cap_websockets]


def ensure_tools() -> None:
    cm.install_venv(VENV, "daphne", PY_PACKAGES)
    for t in ("uwsgi", "redis-server", "curl"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide405", sys.modules["__main__"])
    main()
