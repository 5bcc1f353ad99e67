"""Capture round 478 of the compression corpus: second samples, blind, of round 440's browser-driven test runners and
front-end checks (karma with the spec and junit reporters, mocha-headless-chrome, testem ci, reg-cli,
check-html-links; Debian's Chromium, no browser downloaded) and of round 446's CPython 3.11 runtime diagnostics and
stdlib `python -m` tools, on a lighthouse keepers' log written here (`lampwatch`: lamps, lenses, watches, fog signals,
wick trims, oil stores; seeded from 47810 up) with faults other than those rounds'. No rule is new and no extractor is
written: every kind's needles come from round 440's or 446's extractor, imported by module and function (NEEDLES.md's
"Round 478" section). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide478.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide478.json  as {"version": 2, "items": [...]}, ids prefixed "wide478-".
"""

from __future__ import annotations

import io
import json
import os
import pickle
import random
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_data import wait_port  # noqa: E402
from capture_wide440 import (n_karma_spec, n_karma_junit, n_mocha_headless, n_testem, n_reg_cli,  # noqa: E402
                             n_check_html_links, png)
from capture_wide446 import (n_fh_timeout, n_unraisable, n_gc_leak, n_tm_compare, n_pickletools,  # noqa: E402
                             n_zip_test, n_zip_list, n_tar_list, n_ast, n_tokenize, n_filecmp, n_encwarn, n_xdev,
                             n_trace_lines)

ID_PREFIX = "wide478-"
DEFAULT_OUT = HERE / "data" / "wide478.json"
TMP = Path("/dev/shm/hm-corpus-wide478")
TOOLS = Path("/dev/shm/hm-corpus-wide478-tools")
JS = TOOLS / "js"
NM = JS / "node_modules"
PYBIN = "/root/.pyenv/versions/3.11.7/bin"
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
NO_DOWNLOAD = {"PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1",
               "CHROMEDRIVER_SKIP_DOWNLOAD": "true", "CHROME_PATH": "/usr/bin/chromium",
               "CHROME_BIN": "/usr/bin/chromium", "PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium"}
NPM = ["karma", "karma-jasmine", "jasmine-core", "karma-chrome-launcher", "karma-spec-reporter",
       "karma-junit-reporter", "mocha", "mocha-headless-chrome", "reg-cli", "check-html-links", "testem"]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]
PORT = 18478
BASE = f"http://127.0.0.1:{PORT}"
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
SEED = 47810


def ensure_tools() -> None:
    JS.mkdir(parents=True, exist_ok=True)
    if not (NM / "testem").exists():
        run("npm init -y >/dev/null && npm install -q --ignore-scripts --no-audit --no-fund " + " ".join(NPM),
            cwd=JS, env=NO_DOWNLOAD, timeout=900)
    cm.PATH_PREFIX[:0] = [PYBIN, str(NM / ".bin")]
    cm.BASE_ENV.update(NO_DOWNLOAD)


# ================================================================== material: lampwatch (Python)

KEEPERS = ["Arthur Quiller", "Ezra Penhallow", "Hester Trenwith", "Jonah Gwavas", "Mabel Scobell", "Obed Rosewarne",
           "Tobias Mennear", "Wilmot Hichens", "Zillah Tonkin", "Caleb Retallack", "Grace Darling", "Ruth Stevens"]
LIGHTS = ["Longships", "Wolf Rock", "Bishop Rock", "Eddystone", "Godrevy", "Round Island", "Pendeen", "Tater Du",
          "Trevose Head", "St Anthony"]
LAMPS = ["PV burner 85mm", "Hood burner 3-wick", "Chance 55mm", "Incandescent oil vapour", "Argand 10-line"]
LENSES = ["1st order catadioptric", "2nd order fixed", "3rd order revolving", "hyperradial", "4th order flashing"]


def watches(seed: int, n: int) -> list[dict]:
    r = random.Random(seed)
    return [{"watch": f"W{seed % 1000:03d}-{k:04d}", "light": r.choice(LIGHTS), "keeper": r.choice(KEEPERS),
             "lamp": r.choice(LAMPS), "lens": r.choice(LENSES), "oil_l": round(r.uniform(0.8, 9.5), 2),
             "trims": r.randint(0, 6), "fog_min": r.choice([0, 0, 0, 15, 40, 120, 300]),
             "start": f"2026-{r.randint(1, 12):02d}-{r.randint(10, 28)}T{r.choice(['20', '00', '04'])}:00",
             "rev_s": round(r.uniform(9.5, 30.5), 1)} for k in range(n)]


MODEL = '''"""lampwatch.model: a lighthouse keepers' log of watches, lamps and lenses."""
from __future__ import annotations

import dataclasses
import json


@dataclasses.dataclass
class Keeper:
    name: str
    rank: str = "assistant"

    def sign(self, watch: str) -> str:
        return f"{self.name} ({self.rank}) signs {watch}"


@dataclasses.dataclass
class Watch:
    watch: str
    light: str
    keeper: str
    lamp: str
    lens: str
    oil_l: float
    trims: int
    fog_min: int
    start: str
    rev_s: float

    def oil_per_hour(self) -> float:
        return self.oil_l / 4.0

    def fog_signal_on(self) -> bool:
        return self.fog_min > 0

    def rotation_ok(self, nominal: float = 20.0) -> bool:
        return abs(self.rev_s - nominal) / nominal < 0.25


class WatchBill:
    """Who keeps which watch; keepers point back at the bill (a cycle)."""

    def __init__(self, light: str) -> None:
        self.light = light
        self.keepers: dict[str, Keeper] = {}
        self.watches: list[Watch] = []

    def enrol(self, k: Keeper) -> None:
        k.bill = self
        self.keepers[k.name] = k

    def log(self, w: Watch) -> None:
        if w.keeper not in self.keepers:
            raise LookupError(f"keeper {w.keeper!r} is not on the {self.light} watch bill")
        self.watches.append(w)

    def oil_used(self) -> float:
        return sum(w.oil_l for w in self.watches)


def trim_schedule(revs: list[float], limit: float = 25.0) -> list[int]:
    return [i for i, r in enumerate(revs) if r > limit]


async def sound_fog_signal(minutes: int) -> str:
    return "BOOM " * (minutes // 15)


def load(path: str) -> list[Watch]:
    with open(path) as f:
        return [Watch(**json.loads(line)) for line in f if line.strip()]
'''


def write_project(root: Path) -> None:
    write_tree(root, {"lampwatch/__init__.py": "", "lampwatch/model.py": MODEL})
    for k, n in ((0, 80), (1, 300)):
        (root / f"watches_{k}.jsonl").write_text("".join(json.dumps(w) + "\n" for w in watches(SEED + k, n)))
    r = random.Random(SEED + 7)
    parts = ['"""lampwatch.stations: per-light watch rules (generated)."""\nfrom lampwatch.model import Watch\n\n']
    for k in range(36):
        lt = r.choice(LIGHTS)
        parts.append(f"class Light{k:02d}:\n    name = {lt!r}\n    nominal_rev_s = {r.uniform(10, 30):.1f}\n\n"
                     f"    def lamp_lit_{k:02d}(self, w: Watch) -> bool:\n        return w.oil_l > {r.uniform(0.5, 2):.2f}\n\n"
                     f"    async def fog_due_{k:02d}(self, w: Watch) -> bool:\n        return w.fog_min >= {r.choice([15, 40])}\n\n\n"
                     f"def oil_report_{k:02d}(rows: list[Watch]) -> dict:\n    return {{'n': len(rows), 'heavy': sum(x.oil_l > {r.randint(5, 8)} for x in rows)}}\n\n\n")
    (root / "lampwatch" / "stations.py").write_text("".join(parts))
    (root / "lampwatch" / "model_string.py").write_text(MODEL.replace(
        'return f"{self.name} ({self.rank}) signs {watch}"', 'return f"{self.name} ({self.rank}) signs {watch}'))
    (root / "lampwatch" / "model_dedent.py").write_text(MODEL.replace(
        "        return self.oil_l / 4.0", "        x = self.oil_l\n      return x / 4.0"))


HANG = '''import faulthandler, queue, sys, threading, time
sys.path.insert(0, ".")
from lampwatch.model import Keeper

N = int(sys.argv[1]); REPEAT = sys.argv[2] == "repeat"
rotation_q = queue.Queue()   # the fog thread should fill it, never does
fog_q = queue.Queue()        # the rotation thread should fill it, never does
lamp_lit = threading.Event()  # nobody sets it


def lens_rotation():
    tick = fog_q.get()
    rotation_q.put(tick + 1)


def fog_signal():
    tick = rotation_q.get()
    fog_q.put(tick + 1)


def keeper_watch(k):
    lamp_lit.wait()
    print(Keeper(f"keeper-{k}").sign("W478"))


def barometer(stop):
    while not stop.wait(0.05):
        time.sleep(0.01)


faulthandler.dump_traceback_later(1.2, repeat=REPEAT, exit=not REPEAT)
stop = threading.Event()
ts = [threading.Thread(target=lens_rotation, name="lens-rotation"), threading.Thread(target=fog_signal, name="fog")]
ts += [threading.Thread(target=barometer, args=(stop,), daemon=True)]
ts += [threading.Thread(target=keeper_watch, args=(k,), daemon=True) for k in range(N)]
for t in ts:
    t.start()
print(f"watch W478: {len(ts)} threads, waiting for the lamp", flush=True)
ts[0].join(timeout=3.7 if REPEAT else 10)
import os; os._exit(4)
'''

UNRAIS = '''import gc, json, sys, weakref
sys.path.insert(0, ".")
from lampwatch.model import Watch

N = int(sys.argv[1])


class Handover:
    def __init__(self, w):
        self.w = w

    def __del__(self):
        if self.w.trims >= 4:
            raise AssertionError(f"wick trimmed {self.w.trims} times on {self.w.watch} without a log entry")


def oil_gauge(w):
    try:
        yield w.oil_l
    finally:
        if w.oil_l > 6:
            raise OverflowError(f"oil store at {w.light} over-drawn by {w.oil_l - 6:.2f} l")


def lens_gone(ref):
    raise LookupError("lens assembly released before the watch ended")


class Lens: pass


keep = []
for k, line in enumerate(open("watches_1.jsonl", encoding="utf-8")):
    if k >= N:
        break
    w = Watch(**json.loads(line))
    h = Handover(w)
    del h
    g = oil_gauge(w)
    next(g)
    del g  # closed by the collector: its finally's error is unraisable
    if w.fog_min >= 120:
        ln = Lens()
        keep.append(weakref.ref(ln, lens_gone))
        del ln
gc.collect()
print(f"handed over {min(N, k + 1)} watches")
'''

GCLEAK = '''import gc, json, sys
sys.path.insert(0, ".")
from lampwatch.model import Watch, WatchBill, Keeper

N = int(sys.argv[1])


class Lamp:
    def __init__(self, kind):
        self.kind = kind
        self.lens = None


class LensAssembly:
    def __init__(self, kind, lamp):
        self.kind = kind
        self.lamp = lamp
        lamp.lens = self  # lamp <-> lens


gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
for k, line in enumerate(open("watches_1.jsonl", encoding="utf-8")):
    if k >= N:
        break
    w = Watch(**json.loads(line))
    la = LensAssembly(w.lens, Lamp(w.lamp))
    bill = WatchBill(w.light)
    bill.enrol(Keeper(w.keeper))
    del la, bill
n = gc.collect()
gc.set_debug(0)
print(f"collected {n} objects, {len(gc.garbage)} left in gc.garbage")
'''

TMCMP = '''import json, sys, tracemalloc
sys.path.insert(0, ".")
from lampwatch.model import Watch

N, KEY = int(sys.argv[1]), sys.argv[2]
tracemalloc.start(3)
before = tracemalloc.take_snapshot()
memo = {}
records = []


def oil_curve(w):
    key = (w.watch, w.light, w.oil_l)
    if key not in memo:
        memo[key] = [w.oil_l * h / 8 for h in range(64)]  # never evicted
    return memo[key]


def watch_record(w):
    return {"watch": w.watch, "text": f"{w.keeper} kept {w.light} {w.lamp}" * 6}


for k, line in enumerate(open("watches_1.jsonl", encoding="utf-8")):
    if k >= N:
        break
    w = Watch(**json.loads(line))
    oil_curve(w)
    records.append(watch_record(w))
    records.append(bytearray(int(w.oil_l * 200)))
after = tracemalloc.take_snapshot()
stats = after.compare_to(before, KEY)
print("[ Top differences ]")
for s in stats[:25]:
    print(s)
print(f"Total allocated size: {sum(s.size_diff for s in stats) / 1024:.1f} KiB")
'''

ENC = '''import json, sys, subprocess, tempfile
sys.path.insert(0, ".")
from lampwatch.model import load

N = int(sys.argv[1])
rows = load("watches_0.jsonl")[:N]
out = tempfile.mkdtemp()
for k, w in enumerate(rows):
    with open(f"{out}/{w.light.replace(' ', '_')}.log", "a") as f:
        f.write(f"{w.watch} {w.keeper} {w.oil_l}\\n")
    if k % 7 == 0:
        subprocess.check_output(["wc", "-l", f"{out}/{w.light.replace(' ', '_')}.log"], text=True)
print("wrote", len(rows), "watch lines")
open("oil_store.cfg").read()
'''

XDEV = '''import asyncio, json, socket, sys, time
sys.path.insert(0, ".")
from lampwatch.model import Watch, sound_fog_signal

N = int(sys.argv[1])


def read_first(path):
    return open(path).readline()  # never closed


def beacon(k):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # never closed
    return s.fileno()


async def rotate_lens(w):
    time.sleep(0.12)  # blocks the loop: a slow callback
    return w.rev_s


async def main(rows):
    for w in rows:
        if w.fog_signal_on():
            sound_fog_signal(w.fog_min)  # never awaited
        await rotate_lens(w)


rows = []
for k, line in enumerate(open("watches_0.jsonl", encoding="utf-8")):
    if k >= N:
        break
    rows.append(Watch(**json.loads(line)))
    read_first("watches_0.jsonl")
    beacon(k)
asyncio.run(main(rows), debug=True)
print("watches replayed:", len(rows))
'''

TRACE = '''import json, sys
sys.path.insert(0, ".")
from lampwatch.model import Watch, WatchBill, Keeper, trim_schedule

N = int(sys.argv[1])
bill = WatchBill("Longships")
for n in @KEEPERS@:
    bill.enrol(Keeper(n))


def check(w):
    if not w.rotation_ok():
        print(f"{w.watch}: lens turns in {w.rev_s} s")
    return w.oil_per_hour()


for k, line in enumerate(open("watches_0.jsonl", encoding="utf-8")):
    if k >= N:
        break
    w = Watch(**json.loads(line))
    check(w)
    trim_schedule([w.rev_s, w.rev_s + 6])
    bill.log(w)  # a keeper not on the bill raises LookupError, uncaught
print("oil used:", bill.oil_used())
'''


def py(tmp: Path, name: str, body: str) -> None:
    (tmp / name).write_text(body)


# ================================================================== steps (Python, round 446's kinds)

def step_project(tmp: Path) -> None:
    write_project(tmp)


def step_faulthandler(tmp: Path) -> None:
    py(tmp, "lamp_hang.py", HANG)
    cap("fh-timeout-small", "python3 lamp_hang.py 3 once; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-timeout-repeat", "python3 lamp_hang.py 10 repeat 2>&1 | tail -n 200", tmp, n_fh_timeout, timeout=60)
    cap("fh-timeout-big", "python3 -X faulthandler lamp_hang.py 95 once; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)


def step_unraisable(tmp: Path) -> None:
    py(tmp, "handover.py", UNRAIS)
    cap("unraisable-small", "python3 handover.py 8; echo EXIT=$?", tmp, n_unraisable, timeout=60)
    cap("unraisable-mid", "python3 handover.py 60 2>&1 | tail -n 400", tmp, n_unraisable, timeout=60)
    cap("unraisable-big", "python3 handover.py 300 2>&1", tmp, n_unraisable, timeout=60)


def step_gcleak(tmp: Path) -> None:
    py(tmp, "lens_cycles.py", GCLEAK)
    cap("gc-leak-small", "python3 lens_cycles.py 5", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-big", "python3 lens_cycles.py 110 2>&1", tmp, n_gc_leak, timeout=60)


def step_tracemalloc(tmp: Path) -> None:
    py(tmp, "oil_memo.py", TMCMP)
    cap("tm-compare-lineno", "python3 oil_memo.py 200 lineno", tmp, n_tm_compare, timeout=120)
    cap("tm-compare-traceback", "python3 oil_memo.py 80 traceback", tmp, n_tm_compare, timeout=120)


def step_pickles(tmp: Path) -> None:
    sys.path.insert(0, str(tmp))
    from lampwatch.model import Watch  # noqa: E402  (the round's own module)
    rows = [Watch(**w) for w in watches(SEED + 3, 8)]
    d = tmp / "pickles"
    d.mkdir(exist_ok=True)
    Watch.__module__ = "lampwatch.log"  # the class moved since: pickles name the old module
    sys.modules["lampwatch.log"] = sys.modules["lampwatch.model"]
    (d / "watches_old.pkl").write_bytes(pickle.dumps(rows[:3], protocol=3))
    Watch.__module__ = "lampwatch.model"
    (d / "watches_p5.pkl").write_bytes(pickle.dumps(rows[:4], protocol=5))
    (d / "watches_p1.pkl").write_bytes(pickle.dumps(rows[:2], protocol=1))
    whole = pickle.dumps(rows, protocol=4)
    (d / "watches_cut.pkl").write_bytes(whole[: len(whole) * 3 // 5])
    sys.path.remove(str(tmp))
    cap("pickletools-old", "python3 -m pickletools -a pickles/watches_old.pkl", tmp, n_pickletools, timeout=60)
    cap("pickletools-p5-p1", "python3 -m pickletools pickles/watches_p5.pkl pickles/watches_p1.pkl", tmp,
        n_pickletools, timeout=60)
    cap("pickletools-cut", "python3 -m pickletools -a pickles/watches_cut.pkl 2>&1 | tail -n 90; echo EXIT=$?", tmp,
        n_pickletools, timeout=60)


def step_archives(tmp: Path) -> None:
    r = random.Random(SEED + 11)
    d = tmp / "archives"
    d.mkdir(exist_ok=True)
    exts = ["log"] * 7 + ["jsonl"] * 2 + ["csv", "wav", "jpg"]
    for k in range(10):
        p = d / f"light_{k:02d}_logbook.zip"
        with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED if k in (2, 6) else zipfile.ZIP_DEFLATED) as z:
            for m in range(r.randint(5, 25)):
                body = "".join(f"{w['watch']} {w['keeper']} {w['oil_l']}\n" for w in watches(SEED + k * 50 + m, 30))
                z.writestr(f"logbook/{LIGHTS[k].replace(' ', '_')}/{m:03d}.{r.choice(exts)}", body)
        data = bytearray(p.read_bytes())
        if k in (2, 6):  # stored: a changed byte inside the first member keeps the archive readable, fails its CRC
            data[80] = ord("X") if data[80] != ord("X") else ord("Y")
            p.write_bytes(bytes(data))
        elif k == 4:
            p.write_bytes(bytes(data[: len(data) * 2 // 3]))
    (d / "light_10_logbook.zip").write_bytes(b"")
    big = d / "keepers_archive.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        for m in range(820):
            e = r.choice(exts)
            z.writestr(zipfile.ZipInfo(f"watches/{1990 + m // 100}/watch_{m:04d}.{e}",
                                       date_time=(1990 + m // 100, 1 + m % 12, 1 + m % 28, m % 24, m % 60, 0)),
                       "w" * r.randint(30, 6000) if e != "wav" else "s" * 240_000)
    with tarfile.open(d / "oil_store.tar.gz", "w:gz") as t:
        for m in range(150):
            body = ("gallon " * r.randint(3, 700)).encode()
            ti = tarfile.TarInfo(f"oil/{m // 40:02d}/issue_{m:03d}.{r.choice(exts)}")
            ti.size, ti.mtime, ti.mode = len(body), 1767225600 + m * 43200, 0o640 if m == 77 else 0o644
            ti.uname, ti.gname = ("nobody", "nogroup") if m == 12 else ("keeper", "keepers")
            t.addfile(ti, io.BytesIO(body))
            if m == 40:
                ln = tarfile.TarInfo("oil/latest.log")
                ln.type, ln.linkname, ln.mtime = tarfile.SYMTYPE, "oil/01/issue_040.log", ti.mtime
                t.addfile(ln)
            if m == 99:
                hl = tarfile.TarInfo("oil/hardlink_099")
                hl.type, hl.linkname, hl.mtime = tarfile.LNKTYPE, ti.name, ti.mtime
                t.addfile(hl)
    raw = (d / "oil_store.tar.gz").read_bytes()
    (d / "oil_store_cut.tar.gz").write_bytes(raw[: len(raw) // 2])
    loop = 'for f in archives/light_*.zip; do echo "== $f"; python3 -m zipfile -t "$f" 2>&1 | tail -n 4; done'
    cap("zipfile-test-loop", loop, tmp, n_zip_test, timeout=300)
    cap("zipfile-list-big", "python3 -m zipfile -l archives/keepers_archive.zip", tmp, n_zip_list, timeout=60)
    cap("zipfile-list-two", "python3 -m zipfile -l archives/light_01_logbook.zip; "
        "python3 -m zipfile -l archives/light_04_logbook.zip; echo EXIT=$?", tmp, n_zip_list, timeout=60)
    cap("tarfile-list-v", "python3 -m tarfile -v -l archives/oil_store.tar.gz", tmp, n_tar_list, timeout=60)
    cap("tarfile-list-cut", "python3 -m tarfile -v -l archives/oil_store_cut.tar.gz; "
        "python3 -m tarfile -t archives/light_03_logbook.zip; echo EXIT=$?", tmp, n_tar_list, timeout=60)


def step_encoding(tmp: Path) -> None:
    py(tmp, "export_watches.py", ENC)
    cap("encwarn-loop", "python3 -X warn_default_encoding export_watches.py 30; echo EXIT=$?", tmp, n_encwarn,
        timeout=60)


def step_xdev(tmp: Path) -> None:
    py(tmp, "replay_watches.py", XDEV)
    cap("xdev-small", "python3 -X dev replay_watches.py 5; echo EXIT=$?", tmp, n_xdev, timeout=120)
    cap("xdev-tracemalloc", "python3 -X dev -X tracemalloc=4 replay_watches.py 25 2>&1 | tail -n 300", tmp, n_xdev,
        timeout=120)


def step_trace(tmp: Path) -> None:
    py(tmp, "bill_check.py", TRACE.replace("@KEEPERS@", repr(KEEPERS[:-3])))
    cap("trace-tail", f"python3 -m trace --trace --ignore-dir={STDLIB} bill_check.py 40 2>&1 | tail -n 300", tmp,
        n_trace_lines, timeout=120)


def step_ast_tok(tmp: Path) -> None:
    cap("ast-model", "python3 -m ast lampwatch/model.py", tmp, n_ast, timeout=60)
    cap("ast-string", "python3 -m ast lampwatch/model_string.py; echo EXIT=$?", tmp, n_ast, timeout=60)
    cap("ast-stations", "python3 -m ast lampwatch/stations.py | head -n 2600", tmp, n_ast, timeout=60)
    cap("tokenize-loop", 'for f in lampwatch/*.py; do echo "== $f"; python3 -m tokenize -e "$f" 2>&1 | tail -n 40; '
        'done', tmp, n_tokenize, timeout=60)
    cap("tokenize-model", "python3 -m tokenize lampwatch/model.py", tmp, n_tokenize, timeout=60)


def step_filecmp(tmp: Path) -> None:
    r = random.Random(SEED + 21)
    a, b = tmp / "logbook", tmp / "logbook.relief"
    for k, lt in enumerate(LIGHTS[:8]):
        for m in range(r.randint(4, 12)):
            body = "".join(f"{w['watch']} {w['keeper']} {w['lamp']}\n" for w in watches(SEED + k * 40 + m, 5))
            rel = f"{lt.replace(' ', '_')}/{1880 + m}/watches.log"
            for root in (a, b):
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(body)
            x = r.random()
            if x < 0.12:
                (b / rel).write_text(body.replace("PV burner", "PV  burner"))
            elif x < 0.17:
                (a / rel).unlink()
            elif x < 0.21:
                (b / rel).with_name("fog.log").write_text("fog signal 40 min\n")
    (a / "Godrevy" / "lamp").write_text("a file where the relief copy has a directory\n")
    (b / "Godrevy" / "lamp").mkdir(parents=True, exist_ok=True)
    cap("filecmp-r", "python3 -m filecmp -r logbook logbook.relief", tmp, n_filecmp, timeout=60)


# ================================================================== steps (browser, round 440's kinds)

LIB_JS = """var Lampwatch = {
  oilPerHour: function (litres, hours) { return Math.round(litres / hours * 100) / 100; },
  flashPeriod: function (flashes, seconds) { return seconds / flashes; },
  watchOf: function (hour) { return hour < 4 ? 'middle' : hour < 8 ? 'morning' : hour < 20 ? 'day' : 'first'; },
  fogBlasts: function (minutes) { if (minutes < 0) { throw new RangeError('fog minutes < 0: ' + minutes); } return Math.floor(minutes / 1.5); },
  lensOrder: function (mm) { return mm >= 920 ? 1 : mm >= 700 ? 2 : mm >= 500 ? 3 : 4; }
};
"""


def js_cases(rnd: random.Random, n: int, bad: float) -> list[tuple[str, str, str]]:
    """(suite, title, body) triples; a share `bad` of wrong expectations, thrown errors and timeouts."""
    out = []
    for i in range(n):
        lt = rnd.choice(LIGHTS)
        kind = rnd.choice(["oil", "flash", "watch", "fog", "lens"])
        x = rnd.random()
        if kind == "oil":
            lit, h = rnd.randint(2, 12), rnd.choice([4, 8])
            act, exp = f"Lampwatch.oilPerHour({lit}, {h})", round(lit / h, 2) + (0.5 if x < bad else 0)
        elif kind == "flash":
            f, s = rnd.randint(1, 5), rnd.choice([10, 15, 20, 30])
            act, exp = f"Lampwatch.flashPeriod({f}, {s})", s / f if x >= bad else s * f
        elif kind == "watch":
            h = rnd.randint(0, 23)
            right = "middle" if h < 4 else "morning" if h < 8 else "day" if h < 20 else "first"
            act, exp = f"Lampwatch.watchOf({h})", repr(right if x >= bad else "dog")
        elif kind == "fog":
            m = rnd.randint(5, 300) * (-1 if x < bad / 2 else 1)
            act, exp = f"Lampwatch.fogBlasts({m})", (m // 1.5 if m >= 0 else 0) + (1 if bad / 2 <= x < bad else 0)
        else:
            mm = rnd.choice([250, 375, 500, 700, 920, 1330])
            act, exp = f"Lampwatch.lensOrder({mm})", (1 if mm >= 920 else 2 if mm >= 700 else 3 if mm >= 500 else 4)
            if x < bad:
                act = f"Lampwatch.lens.order({mm})"  # TypeError: no such object
        if isinstance(exp, float) and exp == int(exp):
            exp = int(exp)
        out.append((f"{lt} {kind}", f"{kind} case {i} at {lt}", act, str(exp)))
    return out


def jasmine_specs(cs) -> str:
    by: dict = {}
    for suite, title, act, exp in cs:
        by.setdefault(suite, []).append((title, act, exp))
    return "".join(f"describe('{s}', function () {{\n" + "".join(
        f"  it('{t}', function () {{\n    expect({a}).toEqual({e});\n  }});\n" for t, a, e in items) + "});\n"
        for s, items in by.items())


ASSERT = ("function assertEqual(a, e) { if (a !== e) { var err = new Error('expected ' + a + ' to equal ' + e); "
          "err.name = 'AssertionError'; throw err; } }\n")


def mocha_specs(cs, slow: int = 0) -> str:
    by: dict = {}
    for suite, title, act, exp in cs:
        by.setdefault(suite, []).append((title, act, exp))
    body = "".join(f"describe('{s}', function () {{\n" + "".join(
        f"  it('{t}', function () {{\n    assertEqual({a}, {e});\n  }});\n" for t, a, e in items) + "});\n"
        for s, items in by.items())
    for k in range(slow):
        body += (f"describe('relief boat {k}', function () {{\n  this.timeout(300);\n  it('arrives before the tide', "
                 "function (done) {\n    setTimeout(done, 1000);\n  });\n});\n")
    return body


def link_nm(root: Path) -> None:
    run(f"ln -sfn {NM} node_modules", cwd=root)


def serve(tmp: Path) -> None:
    if not wait_port(PORT, 0.3):
        cm.start(["python3", "-m", "http.server", str(PORT), "--bind", "127.0.0.1", "--directory", str(tmp)])
        wait_port(PORT, 15)


KARMA_CONF = """module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    files: ['src/lampwatch.js', 'test/**/*.spec.js'],
    browsers: ['ChromiumHeadlessLamp'],
    customLaunchers: { ChromiumHeadlessLamp: { base: 'ChromiumHeadless', flags: %s } },
    reporters: [%s],
    junitReporter: { outputDir: 'reports', useBrowserName: false, outputFile: 'junit.xml' },
    singleRun: true, port: %d, listenAddress: '127.0.0.1', hostname: '127.0.0.1',
    logLevel: config.LOG_WARN,
  });
};
"""


def step_karma(tmp: Path) -> None:
    plan = [(47840, 3, 10, 0.3, "spec"), (47841, 10, 30, 0.12, "spec"), (47842, 4, 12, 0.25, "junit"),
            (47843, 12, 35, 0.1, "junit")]
    for k, (seed, files, per, bad, rep) in enumerate(plan):
        rnd = random.Random(seed)
        root = tmp / f"karma{k}"
        tree = {"src/lampwatch.js": LIB_JS,
                "karma.conf.js": KARMA_CONF % (json.dumps(FLAGS), "'spec'" if rep == "spec" else "'dots', 'junit'",
                                               28478)}
        for f in range(files):
            tree[f"test/{rnd.choice(['lamp', 'lens', 'watch', 'fog'])}-{f}.spec.js"] = jasmine_specs(
                js_cases(rnd, per, bad))
        if k == 1:
            tree["test/zz-relief.spec.js"] = ("describe('relief', function () {\n  it('boat lands', function (done) {"
                                              "\n    Lampwatch.reliefBoat.land(done);\n  });\n});\n")
        write_tree(root, tree)
        link_nm(root)
        if rep == "spec":
            cap(f"karma-reporter-spec-{k}", "karma start karma.conf.js", root, n_karma_spec, timeout=300,
                typed="npx karma start --single-run --reporters spec")
        else:
            run("karma start karma.conf.js", cwd=root, timeout=300)
            cap(f"karma-junit-xml-{k}", "cat reports/junit.xml", root, n_karma_junit, timeout=30)


def step_mhc(tmp: Path) -> None:
    serve(tmp)
    for k, (seed, n, bad, slow) in enumerate([(47850, 15, 0.3, 1), (47851, 90, 0.12, 2), (47852, 300, 0.08, 0)]):
        rnd = random.Random(seed)
        root = tmp / f"mhc{k}"
        extra = "<script>window.onload = function () { Lampwatch.keeper.sign('W478'); };</script>\n" if k == 1 else ""
        write_tree(root, {
            "src/lampwatch.js": LIB_JS, "test/assert.js": ASSERT, "test/specs.js": mocha_specs(js_cases(rnd, n, bad), slow),
            "runner.html": ("<!doctype html><html><head><meta charset='utf-8'><title>Lampwatch</title></head>"
                            "<body><div id='mocha'></div>\n<script src='node_modules/mocha/mocha.js'></script>\n"
                            "<script>mocha.setup('bdd');</script>\n<script src='src/lampwatch.js'></script>\n"
                            "<script src='test/assert.js'></script>\n<script src='test/specs.js'></script>\n" + extra +
                            "<script>mocha.run();</script></body></html>\n")})
        link_nm(root)
        cap(f"mocha-headless-chrome-{k}",
            f"mocha-headless-chrome -f {BASE}/mhc{k}/runner.html -e {CHROMIUM} -a no-sandbox -a disable-gpu "
            "-a disable-background-networking -a disable-component-update -a no-first-run", root, n_mocha_headless,
            timeout=300, typed=f"npx mocha-headless-chrome -f {BASE}/mhc{k}/runner.html")


def step_testem(tmp: Path) -> None:
    for k, (seed, files, per, bad) in enumerate([(47860, 3, 12, 0.3), (47861, 8, 35, 0.1)]):
        rnd = random.Random(seed)
        root = tmp / f"testem{k}"
        tree = {"src/lampwatch.js": LIB_JS, "test/assert.js": ASSERT,
                "testem.json": json.dumps({
                    "framework": "mocha", "port": 38478, "host": "127.0.0.1",
                    "src_files": ["src/lampwatch.js", "test/assert.js", "test/*.spec.js"],
                    "launchers": {"Chromium": {"exe": CHROMIUM, "args": ["--headless"] + FLAGS + [
                        "--remote-debugging-port=0", f"--user-data-dir=/dev/shm/hm-corpus-wide478-testem{k}"],
                        "protocol": "browser"}},
                    "launch_in_ci": ["Chromium"], "browser_start_timeout": 60}, indent=2)}
        for f in range(files):
            tree[f"test/{rnd.choice(['lamp', 'lens', 'watch', 'fog'])}-{f}.spec.js"] = mocha_specs(js_cases(rnd, per, bad))
        write_tree(root, tree)
        link_nm(root)
        cap(f"testem-ci-{k}", "testem ci", root, n_testem, timeout=300, typed="npx testem ci")


def step_reg(tmp: Path) -> None:
    for k, (seed, n) in enumerate([(47870, 20), (47871, 120), (47872, 420)]):
        rnd = random.Random(seed)
        root = tmp / f"reg{k}"
        for d in ("expected", "actual"):
            (root / d).mkdir(parents=True, exist_ok=True)
        for i in range(n):
            nm = f"{rnd.choice(LIGHTS).lower().replace(' ', '-')}-beam-{rnd.choice(['dusk', 'midnight', 'fog'])}-{i:03d}.png"
            beam = [(x, 16 + (x * rnd.choice([0, 1])) // 4 % 16) for x in range(0, 40, 3)]
            r = rnd.random()
            if r >= 0.05 or i == 0:
                (root / "expected" / nm).write_bytes(png(40, 32, beam))
            if 0.05 <= r < 0.09:
                continue  # deleted since
            if 0.2 < r < 0.28:
                beam = beam[:-4]  # the beam got shorter
            (root / "actual" / nm).write_bytes(png(40, 32, beam))
        link_nm(root)
        cap(f"reg-cli-{k}", "reg-cli actual expected diff -R report.html -M 0.0", root, n_reg_cli, timeout=300,
            typed="npx reg-cli actual expected diff -R report.html")


def lw_page(rnd: random.Random, name: str, names: list[str], share: float) -> str:
    links = [f"{rnd.choice(names)}.html" for _ in range(4)]
    if rnd.random() < share:
        links.append(f"{rnd.choice(['fog-signal', 'oil-store', 'relief-boat'])}.html")
    if rnd.random() < share:
        links.append(f"{rnd.choice(names)}.html#{rnd.choice(['middle-watch', 'wick', 'lens-order'])}")
    img = f"img/{rnd.choice(['lantern', 'lens', 'tower'])}.svg" if rnd.random() > share else "img/beam-missing.png"
    css = '<link rel="stylesheet" href="css/log.css">' if rnd.random() > share / 2 else \
        '<link rel="stylesheet" href="css/old-log.css">'
    rows = "\n".join(f"<tr id='w{i}'><td>{rnd.choice(KEEPERS)}</td><td>{rnd.choice(LAMPS)}</td></tr>"
                     for i in range(rnd.randint(3, 12)))
    nav = "\n".join(f'<a href="{h}">{h}</a>' for h in links)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{name}</title>{css}</head><body>\n"
            f"<nav>{nav}</nav>\n<h1 id='top'>{name}</h1>\n<img src='{img}' alt='beam'>\n<table>{rows}</table>\n"
            f"<a href='#top'>top</a>\n</body></html>\n")


def step_chl(tmp: Path) -> None:
    for k, (seed, pages, share) in enumerate([(47880, 8, 0.4), (47881, 45, 0.3), (47882, 160, 0.25)]):
        rnd = random.Random(seed)
        root = tmp / f"chl{k}" / "_site"
        names = ["index"] + [f"{rnd.choice(LIGHTS).lower().replace(' ', '-')}-{i}" for i in range(1, pages)]
        files = {"css/log.css": "body{font-family:serif}\n", "img/lantern.svg": "<svg/>\n", "img/lens.svg": "<svg/>\n",
                 "img/tower.svg": "<svg/>\n"}
        for nm in names:
            files[f"{nm}.html"] = lw_page(rnd, nm, names, share)
        write_tree(root, files)
        link_nm(root.parent)
        cap(f"check-html-links-{k}", "check-html-links _site", root.parent, n_check_html_links, timeout=300,
            typed="npx check-html-links _site")


STEPS = [step_project, step_faulthandler, step_unraisable, step_gcleak, step_tracemalloc, step_pickles, step_archives,
         step_encoding, step_xdev, step_trace, step_ast_tok, step_filecmp, step_reg, step_chl, step_karma, step_mhc,
         step_testem]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 20_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
