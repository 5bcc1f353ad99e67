#!/usr/bin/env python3
"""Capture round 420 of the compression corpus: second samples of round 405's kinds (APScheduler logs and
print_jobs, arq worker logs on Redis, daphne and uWSGI logs, Starlette's debug tracebacks, Litestar's app log and
validation bodies, Bottle's and Quart's server logs, Ariadne's GraphQL error bodies, a websockets server's log), on a
post office's services and jobs written here (sorting frames, mail bags, delivery rounds; seeds 42010+) with other
faults than round 405's. No new rules: every extractor is round 405's, imported from `capture_wide405` by function
(NEEDLES.md's "Round 420"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide420.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide420.json  as {"version": 2, "items": [...]}, ids prefixed "wide420-".
Tools:   a venv of this round under the tools dir, round 405's packages at round 405's versions; Debian's
         redis-server, uwsgi-core and uwsgi-plugin-python3, curl.
         Servers listen on 127.0.0.1:18420 (HTTP), 28420 (Redis) and 38420 (websockets) only.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import wait_port  # noqa: E402
from capture_wide405 import (n_aps_log, n_aps_print, n_arq, n_daphne, n_uwsgi, n_starlette,  # noqa: E402
                             n_litestar_log, n_litestar_json, n_bottle, n_quart, n_ariadne, n_ws,
                             serve, start_server)

ID_PREFIX = "wide420-"
DEFAULT_OUT = HERE / "data" / "wide420.json"
TMP = Path(os.environ.get("HM_WIDE420_TMP", "/dev/shm/hm-corpus-wide420-run"))
TOOLS = Path(os.environ.get("HM_WIDE420_TOOLS", "/dev/shm/hm-corpus-wide420-tools"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
PY_PACKAGES = ["APScheduler==3.11.3", "arq==0.28.0", "redis==5.3.1", "daphne==4.2.3", "starlette==1.10.0",
               "uvicorn==0.55.0", "litestar==2.25.0", "msgspec==0.23.0", "bottle==0.13.4", "Quart==0.22.0",
               "Hypercorn==0.18.0", "ariadne==1.1.1", "graphql-core==3.3.2", "websockets==17.4"]
HTTP_PORT, REDIS_PORT, WS_PORT = 18420, 28420, 38420

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ a client for the HTTP services

CLIENT = r'''
import json, random, sys, urllib.request, urllib.error
seed, n, base = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
paths = sys.argv[4].split(",")
rnd = random.Random(seed)
for i in range(n):
    p = rnd.choice(paths)
    method, _, p = p.partition(" ") if " " in p else ("GET", "", p)
    p = p.replace("{n}", str(rnd.randint(0, 14))).replace("{pc}", rnd.choice(["SW1A 1AA", "EH1", "ZZ99", "BT7-1NN", "x"]).replace(" ", "%20"))
    data, ctype = None, "application/json"
    if method in ("POST", "PUT"):
        shape = rnd.choice(["ok", "ok", "broken", "big", "form", "wrong"])
        if shape == "ok":
            data = json.dumps({"bag": f"bag-{rnd.randint(1, 400)}", "weight_kg": rnd.choice([4.2, 11.0, 0]),
                               "postcode": rnd.choice(["SW1A 1AA", "EH1 1YZ", "ZZ99"]), "items": rnd.randint(0, 80)}).encode()
        elif shape == "broken":
            data = b'{"bag": "bag-7", "weight_kg": 4.2,'
        elif shape == "big":
            data = json.dumps({"bag": "bag-big", "items": ["letter"] * 6000}).encode()
        elif shape == "form":
            data, ctype = b"bag=bag-3&weight_kg=2", "application/x-www-form-urlencoded"
        else:
            data = json.dumps({"sack": None, "weight_kg": "heavy", "postcode": 12, "items": -4}).encode()
    req = urllib.request.Request(base + p, data=data, method=method, headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=4) as r:
            r.read()
    except urllib.error.HTTPError as e:
        e.read()
    except Exception as e:
        print(f"client: {method} {p}: {type(e).__name__}: {e}")
'''


def client(seed: int, n: int, paths: list[str], port: int = HTTP_PORT) -> str:
    return f"{PY} client.py {seed} {n} http://127.0.0.1:{port} '{','.join(paths)}'"


def write(root: Path, files: dict[str, str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (root / name).write_text(body.lstrip())


# ------------------------------------------------------------------ APScheduler

APS_SCRIPT = r'''
import logging, random, sys, time
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.executors.pool import ThreadPoolExecutor

seed, seconds, level = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
logging.basicConfig(level=getattr(logging, level), stream=sys.stderr,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s")
rnd = random.Random(seed)
FRAMES = {"A": ["EH", "G", "AB"], "B": ["SW", "SE"], "C": []}

class MisSort(Exception):
    pass

def sort_frame(frame):
    holes = FRAMES[frame]
    letters = rnd.randint(20, 400)
    per_hole = letters // len(holes)
    logging.getLogger("office.frames").info("frame %s: %d letters, %d per pigeonhole", frame, letters, per_hole)

def seal_bag(n):
    labels = ["EH1", "G2", "SW1A"]
    if rnd.random() < 0.25:
        return labels[n + 5]
    if rnd.random() < 0.2:
        raise MisSort(f"bag {n}: letter for {rnd.choice(labels)} found in bag for {rnd.choice(labels)}")
    logging.getLogger("office.bags").info("bag %d sealed", n)

def frank(batch):
    meter = None if rnd.random() < 0.3 else {"credit": 12.5}
    return meter.get("credit") - batch * 0.85

def van_departure(round_no):
    time.sleep(rnd.uniform(0.5, 1.8))
    logging.getLogger("office.vans").info("van for round %d left the yard", round_no)

def count_parcels(shelf):
    return sum(int(x) for x in shelf.split(","))

sched = BackgroundScheduler(executors={"default": ThreadPoolExecutor(max_workers=3)},
                            job_defaults={"misfire_grace_time": 1, "coalesce": False, "max_instances": 1})
for f in FRAMES:
    sched.add_job(sort_frame, "interval", seconds=rnd.uniform(0.3, 0.9), args=[f], id=f"frame-{f}",
                  name=f"sort_frame {f}")
for n in range(2 + seed % 4):
    sched.add_job(seal_bag, "interval", seconds=rnd.uniform(0.2, 0.8), args=[n], id=f"bag-{n}", name=f"seal_bag {n}")
sched.add_job(frank, "interval", seconds=0.6, args=[rnd.randint(5, 40)], id="frank", name="frank batch")
for r in range(int(seconds // 2) + 1):
    sched.add_job(van_departure, "interval", seconds=rnd.uniform(0.4, 1.2), args=[r], id=f"van-{r}",
                  name=f"van_departure round {r}")
sched.add_job(count_parcels, "interval", seconds=0.9, args=["3,4,five,2"], id="parcels", name="count_parcels shelf 2")
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
sched.add_jobstore("memory", "rounds")
sched.add_jobstore("memory", "counter")
offices = ["Leith", "Govan", "Peckham", "Bootle", "Hexham", "Truro", "Ely"]
def add_all():
    for i in range(n):
        kind = rnd.choices(["interval", "cron", "date"], weights=[5, 5, 2])[0]
        name = f"{rnd.choice(['collect_box', 'sort_frame', 'dispatch_bags', 'frank_batch', 'round'])} {rnd.choice(offices)} #{i}"
        store = "rounds" if name.startswith("round") else ("counter" if rnd.random() < 0.15 else "default")
        try:
            if kind == "interval":
                sched.add_job(task, "interval", hours=rnd.randint(1, 24), minutes=rnd.choice([0, 15, 30, -90]),
                              name=name, jobstore=store, id=f"p{i}", start_date="2026-12-04 05:30:00")
            elif kind == "cron":
                sched.add_job(task, "cron", day_of_week=rnd.choice(["mon-fri", "sat", "sun-mon", "fri-tue", "8"]),
                              hour=rnd.choice(["5", "9,17", "24", "6-18/3"]), name=name, jobstore=store, id=f"p{i}")
            else:
                sched.add_job(task, "date", run_date=rnd.choice(["2027-01-15 07:00:00", "2027-02-30 07:00:00",
                                                                  "2027-03-01 17:45:00", "2020-06-01 07:00:00"]),
                              name=name, jobstore=store, id=f"p{i}")
        except Exception as e:
            print(f"error: job {name!r} ({kind}) rejected: {type(e).__name__}: {e}", file=sys.stderr)
add_all()
sched.start(paused=True)
for j in sched.get_jobs():
    if rnd.random() < 0.08:
        j.pause()
sched.print_jobs()
sched.shutdown(wait=False)
'''


def cap_apscheduler(tmp: Path) -> None:
    root = tmp / "aps"
    write(root, {"office_jobs.py": APS_SCRIPT, "collection_jobs.py": APS_PRINT})
    for seed, secs, level in ((42010, 2, "INFO"), (42011, 6, "INFO"), (42012, 2, "DEBUG"), (42013, 3, "DEBUG")):
        _SIZED.cap(f"apscheduler-{seed}-{level.lower()}", f"{PY} office_jobs.py {seed} {secs} {level}", root,
                   n_aps_log, timeout=60, typed=f"python office_jobs.py {seed} {secs} {level}")
    for seed, n in ((42014, 40), (42015, 220), (42016, 600)):
        _SIZED.cap(f"apscheduler-print-jobs-{n}", f"{PY} collection_jobs.py {seed} {n}", root, n_aps_print,
                   timeout=60, typed=f"python collection_jobs.py {seed} {n}")


# ------------------------------------------------------------------ arq on Redis

ARQ_TASKS = r'''
import asyncio, json, os
from arq.connections import RedisSettings

class UndeliverableBag(Exception):
    pass

async def sort_bag(ctx, bag, frame):
    await asyncio.sleep(0.03)
    holes = {"A": 24, "B": 12}
    return f"{bag} sorted into {holes[frame]} holes"

async def weigh_parcel(ctx, parcel, grams):
    return round(grams / (grams % 3), 2)

async def plan_round(ctx, round_no, stops):
    await asyncio.sleep(stops * 0.1)
    return f"round {round_no}: {stops} stops"

async def read_manifest(ctx, raw):
    return len(json.loads(raw)["bags"])

async def deliver(ctx, address):
    if "PO Box" in address:
        raise UndeliverableBag(f"cannot deliver to {address}: box closed")
    return address.upper()

async def franking_machine(ctx, batch):
    if batch == 13:
        os._exit(3)
    return batch * 2

class WorkerSettings:
    functions = [sort_bag, weigh_parcel, plan_round, read_manifest, deliver, franking_machine]
    redis_settings = RedisSettings(host="127.0.0.1", port=REDIS_PORT)
    job_timeout = 0.8
    max_tries = 2
    poll_delay = 0.1
    max_jobs = 6
'''

ARQ_ENQUEUE = r'''
import asyncio, random, sys
from arq import create_pool
from office_jobs import WorkerSettings
seed, n, crash = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "crash"
rnd = random.Random(seed)
async def main():
    pool = await create_pool(WorkerSettings.redis_settings)
    await pool.flushdb()
    for i in range(n):
        k = rnd.choice(["sort_bag", "sort_bag", "weigh_parcel", "plan_round", "read_manifest", "deliver", "deliver"])
        if k == "sort_bag":
            await pool.enqueue_job(k, f"bag-{rnd.randint(1, 500)}", rnd.choice(["A", "B", "C"]))
        elif k == "weigh_parcel":
            await pool.enqueue_job(k, f"P{rnd.randint(1000, 9999)}", rnd.choice([250, 301, 1200, 999]))
        elif k == "plan_round":
            await pool.enqueue_job(k, rnd.randint(1, 40), rnd.choice([2, 5, 14]))
        elif k == "read_manifest":
            await pool.enqueue_job(k, rnd.choice(['{"bags": [1, 2]}', '{"bags": 3}', '{"bags": [', '']))
        else:
            await pool.enqueue_job(k, rnd.choice(["12 Leith Walk", "PO Box 44, Truro", "3 Mill Lane"]))
    if crash:
        await pool.enqueue_job("franking_machine", 13, _defer_by=1.5)
    await pool.aclose()
asyncio.run(main())
'''


def cap_arq(tmp: Path) -> None:
    root = tmp / "arq"
    write(root, {"office_jobs.py": ARQ_TASKS.replace("REDIS_PORT", str(REDIS_PORT)), "enqueue.py": ARQ_ENQUEUE})
    redis = cm.start(f"redis-server --port {REDIS_PORT} --bind 127.0.0.1 --save '' --appendonly no", cwd=root)
    try:
        if not wait_port(REDIS_PORT, 15):
            cm.note("redis did not start")
            return
        env = {"PYTHONPATH": str(root)}
        for seed, n, secs, crash in ((42020, 14, 6, ""), (42021, 70, 9, ""), (42022, 200, 14, ""),
                                     (42023, 30, 8, "crash")):
            cm.run(f"{PY} enqueue.py {seed} {n} {crash or '-'}", cwd=root, env=env, timeout=60)
            raw = cm.run(f"timeout -s INT {secs} {VENV}/bin/arq office_jobs.WorkerSettings", cwd=root, env=env,
                         timeout=secs + 20)
            add(f"arq-worker-{seed}-{n}{'-crash' if crash else ''}", "arq office_jobs.WorkerSettings", raw, n_arq)
    finally:
        cm.stop(redis)


# ------------------------------------------------------------------ daphne (plain ASGI)

ASGI_APP = r'''
import asyncio, json

FRAMES = {"A": ["EH1", "EH2", "G1"], "B": ["SW1", "SE1"]}

class StampShortage(Exception):
    pass

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
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path.startswith("/frame/"):
        i = int(path.rsplit("/", 1)[1])
        await send_json(send, 200, {"hole": FRAMES["A"][i]})
    elif path == "/bags":
        data = json.loads(await body(receive))
        await send_json(send, 201, {"bag": data["bag"], "per_item": data["weight_kg"] / data["items"]})
    elif path == "/stamps":
        raise StampShortage("first-class stamps: 0 left in drawer 3")
    elif path == "/van":
        await asyncio.sleep(30)
    elif path == "/label":
        await send({"type": "http.response.start", "status": 200, "headers": [("content-type", "text/plain")]})
    elif path == "/health":
        await send_json(send, 200, {"ok": True})
    else:
        await send_json(send, 404, {"error": "no such counter"})
'''


def cap_daphne(tmp: Path) -> None:
    root = tmp / "daphne"
    write(root, {"office_asgi.py": ASGI_APP, "client.py": CLIENT})
    paths = ["/frame/{n}", "/health", "POST /bags", "/stamps", "/van", "/label", "/parcels", "/health", "/frame/1"]
    for seed, n, tmo in ((42030, 14, 2), (42031, 60, 2), (42032, 120, 1)):
        opts = f"-b 127.0.0.1 -p {HTTP_PORT} --http-timeout {tmo} --application-close-timeout 1 -v 2"
        raw = serve(f"{VENV}/bin/daphne {opts} office_asgi:application", root, HTTP_PORT, client(seed, n, paths),
                    env={"PYTHONPATH": str(root)}, client_timeout=400)
        add(f"daphne-{seed}-{n}", f"daphne {opts} office_asgi:application", raw, n_daphne)


# ------------------------------------------------------------------ uWSGI (Debian's, python3 plugin)

WSGI_APP = r'''
import ctypes, json

POSTCODES = {"EH1": "Edinburgh", "SW1A": "Westminster", "G2": "Glasgow"}

def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path.startswith("/postcode/"):
        area = path.rsplit("/", 1)[1].split("%20")[0]
        body = json.dumps({"town": POSTCODES.get(area).upper()}).encode()
    elif path.startswith("/frame/"):
        n = int(path.rsplit("/", 1)[1])
        body = json.dumps({"per_hole": 240 // (n - 7)}).encode()
    elif path == "/bags":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(size)
        data = json.loads(raw)
        body = json.dumps({"bag": data["bag"], "kg": data["weight_kg"] + 0.4}).encode()
    elif path == "/meter":
        ctypes.string_at(0)
        body = b"never"
    elif path == "/ledger":
        body = "Porto 1 \u00a312".encode("utf-16")
        body.decode("utf-8")
    else:
        body = b"ok"
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
'''


def cap_uwsgi(tmp: Path) -> None:
    if not cm.have("uwsgi", "uwsgi-log"):
        return
    root = tmp / "uwsgi"
    write(root, {"office_wsgi.py": WSGI_APP, "client.py": CLIENT,
                 "bad_wsgi.py": "import json\nimport office_wsgi\n\napplication = office_wsgi.aplication\n"})
    paths = ["/postcode/{pc}", "/frame/{n}", "POST /bags", "/meter", "/ledger", "/health", "/health"]
    base = f"uwsgi --plugin python3 --http-socket 127.0.0.1:{HTTP_PORT} --chdir {root}"
    runs = [
        ("master", 42040, 24, "--wsgi-file office_wsgi.py --master --processes 2"),
        ("single", 42041, 14, "--wsgi-file office_wsgi.py --processes 1 --limit-post 2048"),
        ("long", 42042, 200, "--wsgi-file office_wsgi.py --master --processes 2 --threads 2 --max-requests 30 "
                             "--limit-post 4096"),
        ("bad", 42043, 8, "--wsgi-file bad_wsgi.py --master --processes 1"),
    ]
    for name, seed, n, opts in runs:
        raw = serve(f"{base} {opts}", root, HTTP_PORT, client(seed, n, paths), sig=signal.SIGINT, wait=20,
                    client_timeout=300)
        add(f"uwsgi-{name}-{seed}", f"uwsgi --plugin python3 --http-socket 127.0.0.1:{HTTP_PORT} {opts}", raw, n_uwsgi)


# ------------------------------------------------------------------ Starlette debug tracebacks

STARLETTE_APP = r'''
import json
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

ROUNDS = {"leith-3": ["12 Leith Walk", "14 Leith Walk"], "govan-1": []}

class Round:
    def __init__(self, stops):
        self.stops = stops

def load_round(name):
    return Round(ROUNDS.get(name))

async def round_view(request):
    r = load_round(request.path_params["name"])
    return JSONResponse({"first": r.stops[0], "count": len(r.stops)})

async def manifest(request):
    raw = await request.body()
    return JSONResponse({"bags": len(json.loads(raw.decode("utf-8"))["bags"])})

def parse_weight(s):
    try:
        return float(s)
    except ValueError as e:
        raise TypeError(f"weight {s!r} is not in kilograms") from e

async def parcel(request):
    return JSONResponse({"kg": parse_weight(request.query_params.get("w", "heavy"))})

async def frames(request):
    return PlainTextResponse(", ".join(sorted([3, "A", None])))

async def ok(request):
    return JSONResponse({"ok": True})

app = Starlette(debug=True, routes=[Route("/rounds/{name}", round_view), Route("/manifest", manifest, methods=["POST"]),
                                    Route("/parcel", parcel), Route("/frames", frames), Route("/health", ok)])
'''


def cap_starlette(tmp: Path) -> None:
    root = tmp / "starlette"
    write(root, {"office_app.py": STARLETTE_APP})
    url = f"http://127.0.0.1:{HTTP_PORT}"
    sets = {
        "rounds": ["/rounds/govan-1", "/rounds/peckham-9"],
        "mixed": ["/health", "/rounds/leith-3", "/parcel?w=2.5", "/parcel?w=two", "/frames"],
        "all": ["/rounds/govan-1", "/rounds/bootle-2", "/parcel", "/parcel?w=1e3", "/frames", "/health",
                "/rounds/leith-3"],
    }
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --no-access-log office_app:app",
                     root, HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            cm.note("starlette did not start")
            return
        for name, ps in sets.items():
            loop = " ".join(f"'{x}'" for x in ps)
            cmd = f"for p in {loop}; do curl -si \"{url}$p\"; echo; done"
            if name in ("all", "mixed"):
                cmd += (f"; curl -si -X POST {url}/manifest -d '{{\"bags\": [1, 2'; echo"
                        f"; printf '\\xff\\xfe{{}}' | curl -si -X POST {url}/manifest --data-binary @-; echo")
            _SIZED.cap(f"starlette-debug-{name}", cmd, root, n_starlette, timeout=60)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ Litestar

LITESTAR_APP = r'''
from dataclasses import dataclass
from typing import Literal, Optional
import msgspec
from litestar import Litestar, get, post

class Parcel(msgspec.Struct):
    tracking: str
    weight_kg: float
    length_cm: int
    width_cm: int
    height_cm: int
    service: Literal["first", "second", "special"]
    postcode: str
    signed: bool
    insured_value: Optional[float] = None

@dataclass
class Bag:
    bag: str
    frame: Literal["A", "B", "C"]
    items: int
    sealed: bool

class Meter:
    def __init__(self, credit):
        self.credit = credit

@get("/parcels/{tracking:str}")
async def parcel(tracking: str) -> dict:
    return {"tracking": tracking, "hops": len(tracking) // (len(tracking) - 10)}

@get("/rounds")
async def rounds(office: str, day: int, van: int, postman: str, start_hour: int, limit: int = 10) -> dict:
    return {"office": office, "day": day, "van": van, "postman": postman, "start": start_hour, "limit": limit}

@post("/parcels")
async def post_parcel(data: Parcel) -> dict:
    return {"tracking": data.tracking, "price": round(data.weight_kg * 3.2, 2)}

@post("/bags")
async def post_bag(data: Bag) -> dict:
    return {"bag": data.bag, "per_item": 10 / data.items}

@get("/meter")
async def meter() -> dict:
    return {"meter": Meter(12.5)}

@get("/postmen")
async def postmen() -> list:
    return ["Pat", "Jess"][2:][0]

@get("/health")
async def health() -> dict:
    return {"ok": True}

app = Litestar([parcel, rounds, post_parcel, post_bag, meter, postmen, health], debug=True)
'''

BAD_PARCELS = [
    '{"tracking": 42, "weight_kg": "2kg", "length_cm": 30.5, "width_cm": "wide", "height_cm": null, "service": "express", "postcode": 1, "signed": "yes"}',
    '{"weight_kg": 2}',
    '{"tracking": "RM1", "weight_kg": 1.2, "length_cm": 10, "width_cm": 10, "height_cm": 10, "service": "first", "postcode": "EH1", "signed": true, "insured_value": "lots"}',
    '"parcel"',
    '{"tracking": "RM2", "weight_kg": 1.2, "length_cm": 10, "width_cm": 10, "height_cm": 10, "service": "second", "postcode": "EH1", "signed": 1}',
]
BAD_BAGS = [
    '{"bag": null, "frame": "D", "items": "many", "sealed": "no"}',
    '{"bag": "bag-7", "frame": "A", "items": 0, "sealed": true, "colour": "grey"}',
    '{"frame": "B"}',
]
BAD_ROUNDS = [
    "/rounds",
    "/rounds?office=Leith&day=monday&van=x&start_hour=5.5",
    "/rounds?office=Leith&day=1&van=2&postman=Pat&start_hour=six&limit=ten",
    "/rounds?office=Leith&day=mon&van=x&postman=Pat&start_hour=6.5&limit=ten",
]


def cap_litestar(tmp: Path) -> None:
    root = tmp / "litestar"
    write(root, {"office_api.py": LITESTAR_APP, "client.py": CLIENT})
    url = f"http://127.0.0.1:{HTTP_PORT}"
    paths = ["/parcels/RM1234567890", "/parcels/RM12345678GB", "/meter", "/postmen", "/health", "/health",
             "POST /parcels", "POST /bags", "/rounds?office=Leith&day={n}", "/nowhere"]
    for seed, n in ((42050, 12), (42051, 50), (42052, 80)):
        cmd = f"{VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} office_api:app"
        raw = serve(cmd, root, HTTP_PORT, client(seed, n, paths))
        add(f"litestar-log-{seed}-{n}", f"uvicorn --host 127.0.0.1 --port {HTTP_PORT} office_api:app", raw,
            n_litestar_log)
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --log-level warning office_api:app",
                     root, HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            return

        def posts(route, bodies):
            return "; ".join(f"curl -s -X POST {url}{route} -H 'content-type: application/json' -d '{b}' | python3 -m json.tool"
                             for b in bodies)

        def gets(paths):
            return "; ".join(f"curl -s '{url}{q}' | python3 -m json.tool" for q in paths)

        _SIZED.cap("litestar-validation-parcels", posts("/parcels", BAD_PARCELS), root, n_litestar_json, timeout=60)
        _SIZED.cap("litestar-validation-bags", posts("/bags", BAD_BAGS), root, n_litestar_json, timeout=60)
        _SIZED.cap("litestar-validation-rounds", gets(BAD_ROUNDS), root, n_litestar_json, timeout=60)
        _SIZED.cap("litestar-validation-mixed", gets(BAD_ROUNDS[1:2]) + "; " + posts("/parcels", BAD_PARCELS[:1])
                   + "; " + posts("/bags", BAD_BAGS[:1]), root, n_litestar_json, timeout=60)
    finally:
        cm.stop(p)


# ------------------------------------------------------------------ Bottle

BOTTLE_APP = r'''
import sys
from bottle import Bottle, request, BaseRequest

BaseRequest.MEMFILE_MAX = 4096
app = Bottle()
FRAMES = {"A": 24, "B": 12}

@app.get("/frame/<name>")
def frame(name):
    return {"frame": name, "holes": FRAMES[name.upper()]}

@app.post("/bags")
def bags():
    data = request.json
    return {"bag": data["bag"], "per_item": data["weight_kg"] / data["items"]}

@app.get("/postcode/<pc>")
def postcode(pc):
    area, district = pc.split(" ")
    return {"area": area, "district": int(district[0])}

@app.get("/stamps")
def stamps():
    return 144

@app.get("/health")
def health():
    return {"ok": True}

app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=True)
'''


def cap_bottle(tmp: Path) -> None:
    root = tmp / "bottle"
    write(root, {"office_bottle.py": BOTTLE_APP, "client.py": CLIENT})
    paths = ["/frame/a", "/frame/c", "POST /bags", "/postcode/{pc}", "/stamps", "/health", "/health", "/counter"]
    for seed, n in ((42060, 14), (42061, 60), (42062, 220)):
        raw = serve(f"{PY} -u office_bottle.py {HTTP_PORT}", root, HTTP_PORT, client(seed, n, paths))
        add(f"bottle-{seed}-{n}", f"python office_bottle.py {HTTP_PORT}", raw, n_bottle)


# ------------------------------------------------------------------ Quart

QUART_APP = r'''
import asyncio, sys
from quart import Quart, request, jsonify

app = Quart(__name__)
app.config["MAX_CONTENT_LENGTH"] = 4096
VANS = {"V1": {"driver": "Pat", "stops": 31}, "V2": {"driver": None, "stops": 0}}

@app.get("/vans/<name>")
async def van(name):
    v = VANS[name]
    return jsonify(driver=v["driver"].title(), minutes_per_stop=240 / v["stops"])

@app.post("/bags")
async def bags():
    data = await request.get_json()
    return jsonify(bag=data["bag"], kg=float(data["weight_kg"]) + 0.4)

@app.get("/sorting")
async def sorting():
    task = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.05)
    task.cancel()
    await task

@app.get("/counter")
async def counter():
    return None

@app.get("/health")
async def health():
    return jsonify(ok=True)

app.run(host="127.0.0.1", port=int(sys.argv[1]), debug=False, use_reloader=False)
'''


def cap_quart(tmp: Path) -> None:
    root = tmp / "quart"
    write(root, {"office_quart.py": QUART_APP, "client.py": CLIENT})
    paths = ["/vans/V1", "/vans/V2", "/vans/V9", "POST /bags", "/sorting", "/counter", "/health", "/health"]
    for seed, n in ((42070, 12), (42071, 45), (42072, 160)):
        raw = serve(f"{PY} -u office_quart.py {HTTP_PORT}", root, HTTP_PORT, client(seed, n, paths))
        add(f"quart-{seed}-{n}", f"python office_quart.py {HTTP_PORT}", raw, n_quart)


# ------------------------------------------------------------------ Ariadne

ARIADNE_APP = r'''
from ariadne import QueryType, MutationType, ObjectType, make_executable_schema
from ariadne.asgi import GraphQL

type_defs = """
enum Service { FIRST SECOND SPECIAL }
input ParcelInput { tracking: String! weightKg: Float! service: Service! postcode: String! signed: Boolean! items: Int! }
type Query {
  office(code: String!): Office
  round(id: Int!): Round!
  bag(id: ID!): Bag
}
type Mutation { bookParcel(parcel: ParcelInput!): Parcel! }
type Office { code: String! name: String! frames: [Frame!]! }
type Frame { name: String! holes: Int! perHole: Float! }
type Round { id: Int! postman: String! stops: [String!]! }
type Bag { id: ID! weightKg: Float! }
type Parcel { tracking: String! price: Float! }
"""
query, mutation, office_t, frame_t = QueryType(), MutationType(), ObjectType("Office"), ObjectType("Frame")
OFFICES = {"LTH": {"code": "LTH", "name": "Leith DO"}}

@query.field("office")
def r_office(*_, code):
    return OFFICES[code]

@office_t.field("frames")
def r_frames(office, *_):
    return [{"name": n, "holes": h} for n, h in (("A", 24), ("B", 0))]

@frame_t.field("perHole")
def r_per_hole(frame, *_):
    return 480 / frame["holes"]

@query.field("round")
def r_round(*_, id):
    return None if id > 10 else {"id": id, "postman": None, "stops": ["12 Leith Walk"]}

@query.field("bag")
def r_bag(*_, id):
    return {"id": id, "weightKg": "4.2 kg"}

@mutation.field("bookParcel")
def r_book(*_, parcel):
    return {"tracking": parcel["tracking"], "price": parcel["weightKg"] * {"FIRST": 3.2}[parcel["service"]]}

schema = make_executable_schema(type_defs, query, mutation, office_t, frame_t)
app = GraphQL(schema, debug=True)
'''

GQL = [
    '{"query": "{ office(code: \\"LTH\\") { name frames { name holes perHole } } }"}',
    '{"query": "{ office(code: \\"GVN\\") { name } }"}',
    '{"query": "{ round(id: 3) { postman stops } }"}',
    '{"query": "{ round(id: 12) { id } }"}',
    '{"query": "{ bag(id: \\"b7\\") { id weightKg } }"}',
    '{"query": "mutation B($p: ParcelInput!) { bookParcel(parcel: $p) { price } }", "variables": {"p": {"tracking": 7, "weightKg": "heavy", "service": "EXPRESS", "postcode": null, "signed": "yes", "items": 2.5}}}',
    '{"query": "mutation { bookParcel(parcel: {tracking: \\"RM1\\", weightKg: 1.5, service: SECOND, postcode: \\"EH1\\", signed: true, items: 1}) { tracking price } }"}',
    '{"query": "{ office(code: LTH) { nmae frames { holes width } } }"}',
    '{"query": "{ round(id: \\"3\\") }"}',
    '{"query": "{ office(code: \\"LTH\\") { name } } }"}',
]


def cap_ariadne(tmp: Path) -> None:
    root = tmp / "ariadne"
    write(root, {"office_graphql.py": ARIADNE_APP})
    url = f"http://127.0.0.1:{HTTP_PORT}/graphql/"
    p = start_server(f"exec {VENV}/bin/uvicorn --host 127.0.0.1 --port {HTTP_PORT} --log-level warning office_graphql:app",
                     root, HTTP_PORT)
    try:
        if not wait_port(HTTP_PORT, 20):
            return

        def q(bodies):
            return "; ".join(f"curl -s {url} -H 'content-type: application/json' -d '{b}' | python3 -m json.tool"
                             for b in bodies)

        _SIZED.cap("ariadne-office-frames", q(GQL[:1]), root, n_ariadne, timeout=60)
        _SIZED.cap("ariadne-book-parcel", q(GQL[5:7]), root, n_ariadne, timeout=60)
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
log = logging.getLogger("office.ws")
ROUNDS = {"leith-3": 31, "govan-1": 0}

async def handler(ws):
    if ws.request.path != "/tracking":
        await ws.close(4004, f"no feed at {ws.request.path}")
        return
    log.info("tracking screen connected from %s", ws.remote_address[0])
    async for msg in ws:
        cmd = json.loads(msg)
        if cmd["op"] == "eta":
            await ws.send(json.dumps({"round": cmd["round"], "min_per_stop": 240 / ROUNDS[cmd["round"]]}))
        elif cmd["op"] == "scan":
            await ws.send(json.dumps({"parcel": cmd["parcel"].upper()}))
        elif cmd["op"] == "bye":
            await ws.close(4100, "postman signed off")
        else:
            await ws.send(json.dumps({"echo": cmd}))

async def main():
    async with serve(handler, "127.0.0.1", port, max_size=1024, ping_interval=0.6, ping_timeout=0.6,
                     close_timeout=0.6, open_timeout=1.0) as server:
        await asyncio.sleep(float(sys.argv[3]))

asyncio.run(main())
'''

WS_CLIENT = r'''
import asyncio, json, random, socket, sys, base64, os
from websockets.asyncio.client import connect

seed, n, port = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
base = f"ws://127.0.0.1:{port}"

async def normal():
    async with connect(base + "/tracking") as ws:
        for _ in range(rnd.randint(1, 3)):
            await ws.send(json.dumps({"op": "eta", "round": "leith-3"}))
            await ws.recv()

async def failing():
    async with connect(base + "/tracking") as ws:
        await ws.send(json.dumps(rnd.choice([{"op": "eta", "round": "govan-1"}, {"op": "eta", "round": "ely-5"},
                                             {"op": "scan", "parcel": 77}, {"op": "scan"}])))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def wrong_path():
    try:
        async with connect(base + rnd.choice(["/parcels", "/"])) as ws:
            await ws.recv()
    except Exception as e:
        print("client:", type(e).__name__, e)

async def sign_off():
    async with connect(base + "/tracking") as ws:
        await ws.send(json.dumps({"op": "bye"}))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def big():
    async with connect(base + "/tracking") as ws:
        await ws.send(json.dumps({"op": "scan", "parcel": "RM" * 900}))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def binary():
    async with connect(base + "/tracking") as ws:
        await ws.send(bytes([0x93, 0x01, 0xff]))
        try:
            await ws.recv()
        except Exception as e:
            print("client:", type(e).__name__, e)

async def half_handshake():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /tracking HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")
    await asyncio.sleep(1.3)
    s.close()

async def bad_version():
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /tracking HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 8\r\n\r\n").encode())
    s.recv(4096)
    s.close()

async def unmasked():
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /tracking HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    s.recv(4096)
    s.sendall(bytes([0x81, 0x02]) + b"hi")
    await asyncio.sleep(0.3)
    s.close()

async def main():
    kinds = [normal, normal, failing, failing, wrong_path, sign_off, big, binary, half_handshake, bad_version, unmasked]
    for i in range(n):
        try:
            await rnd.choice(kinds)()
        except Exception as e:
            print("client:", type(e).__name__, e)
asyncio.run(main())
'''


def cap_websockets(tmp: Path) -> None:
    root = tmp / "ws"
    write(root, {"office_ws.py": WS_SERVER, "ws_client.py": WS_CLIENT})
    for seed, n, level in ((42080, 12, "INFO"), (42081, 60, "INFO"), (42082, 14, "DEBUG"), (42083, 30, "DEBUG")):
        secs = 6 + n
        raw = serve(f"{PY} -u office_ws.py {level} {WS_PORT} {secs}", root, WS_PORT,
                    f"{PY} ws_client.py {seed} {n} {WS_PORT}", client_timeout=150)
        add(f"websockets-{seed}-{level.lower()}", f"python office_ws.py {level} {WS_PORT} {secs}", raw, n_ws)


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
    sys.modules.setdefault("capture_wide420", sys.modules["__main__"])
    main()
