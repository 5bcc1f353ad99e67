"""Capture round 784 of the compression corpus: CPython runtime diagnostics the corpus lacks, beside some it has, on a
salt works' program written here (`saltworks`: pans, brine, rakers, boilings, lofts, carts; seed 78410) with faults
put in: a raker thread pair deadlocked on two locks, a boiling recursion with no base case, pan workers that raise in
a process pool and in threads, log calls whose arguments do not match their format, a brine cache that grows, a ctypes
buffer written past its end (and before its start, and freed through the wrong API), coroutines never awaited and a
slow callback, a generated pans ledger with odd rows.

Kinds (rules in NEEDLES.md's "Round 784" section): NEW python-pymalloc-debug, python-logging-error, python-cgitb-text,
python-audit-hook, python-pstats-browser, python-trace-cover, python-multiprocessing-log,
python-tracemalloc-traceback; held by the corpus, extractors imported: python-faulthandler-timeout and
python-xdev-resourcewarning (round 446), python-recursionerror, python-remote-traceback, python-thread-exception,
pdb-session (round 45). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide784.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide784.json  as {"version": 2, "items": [...]}, ids prefixed "wide784-".
Tools:   CPython 3.11.7 (pyenv) and its standard library only.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402
from capture_wide446 import _common, n_fh_timeout, n_xdev  # noqa: E402
from capture_wide45_py import N_RECURSION, N_REMOTE, N_THREAD_EXC, pdb_session  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide784-"
DEFAULT_OUT = HERE / "data" / "wide784.json"
TMP = Path("/dev/shm/hm-corpus-wide784-run")
PYBIN = "/root/.pyenv/versions/3.11.7/bin"
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
SEED = 78410


def ensure_tools() -> None:
    cm.PATH_PREFIX[:0] = [PYBIN]


# ================================================================== extractors (NEEDLES.md, round 784)

FILE_LINE = re.compile(r'^\s+File "')


@cm.kind("python-pymalloc-debug", "log")
def n_pymalloc(lines):
    """Debug memory block / bytes originally requested / not-all-FORBIDDENBYTE lines, each block's OUCH lines as one
    {any}, Fatal Python error, thread headers with their first File line, the first File under Memory block allocated at"""
    out = _common(lines)
    ouch: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("Debug memory block at address") or re.search(r"bytes originally requested", ln) \
                or re.search(r"are not all FORBIDDENBYTE|bad ID:|API '.' .*verified", ln):
            out.append(ln)
            if ln.startswith("Debug memory block") and ouch:
                out.append(any_of(ouch))
                ouch = []
        if "*** OUCH" in ln:
            ouch.append(ln)
        if re.match(r"^(Current thread|Thread) 0x[0-9a-f]+", ln):
            out += [ln, cm.next_match(lines, i, r'^\s+File "', ahead=2)]
        if ln.startswith("Memory block allocated at"):
            out.append(cm.next_match(lines, i, r'^\s+File "', ahead=3))
    if ouch:
        out.append(any_of(ouch))
    return out


@cm.kind("python-logging-error", "log")
def n_logging_error(lines):
    """Per --- Logging error --- block: its exception line, the last File line under Call stack:, its Message: and
    Arguments: lines"""
    out = _common(lines)
    starts = [i for i, ln in enumerate(lines) if ln.startswith("--- Logging error ---")]
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = lines[s + 1:end]
        cs = next((j for j, ln in enumerate(block) if ln.startswith("Call stack:")), None)
        tb = block[:cs] if cs is not None else block
        exc = [ln for ln in tb if ln and not ln[0].isspace() and not ln.startswith(("Traceback", "During handling",
                                                                                    "The above exception"))]
        if exc:
            out.append(exc[-1])
        if cs is not None:
            rest = block[cs + 1:]
            files = []
            for j, ln in enumerate(rest):
                if ln.startswith("Message:"):
                    out.append(ln)
                    if j + 1 < len(rest) and rest[j + 1].startswith("Arguments:"):
                        out.append(rest[j + 1])
                    break
                if FILE_LINE.match(ln):
                    files.append(ln)
            if files:
                out.append(files[-1])
    return out


@cm.kind("python-cgitb-text", "log")
def n_cgitb(lines):
    """The exception header (a <class '…'> line, or the bare type name above the 'Python 3.x.y:' line); the innermost
    own-file frame header (/path in func(args)) and up to 6 name = value lines under it; the plain traceback's
    exception line and innermost File line (common rule)"""
    out = _common(lines) + [ln for ln in lines if re.match(r"^<class '[\w.]+'>", ln)]
    out += [lines[i - 1] for i, ln in enumerate(lines) if i and re.match(r"^Python \d+\.\d+\.\d+: ", ln)]
    heads = [i for i, ln in enumerate(lines) if re.match(r"^ ?/\S+\.py in \S+\(", ln)]
    own = [i for i in heads if "saltworks" in lines[i] or "/hm-corpus-wide784-run/" in lines[i]]
    if own:
        i = own[-1]
        out.append(lines[i])
        vals = []
        for ln in lines[i + 1:]:
            if re.match(r"^\s*\d+( |$)", ln) and not vals:
                continue  # the frame's source lines
            if re.match(r"^[\w.]+ (= |undefined)", ln) or re.match(r"^global [\w.]+ = ", ln):
                vals.append(ln)
                continue
            break
        out += vals[:6]
    return out


AUDIT = re.compile(r"^audit: (\S+)")


@cm.kind("python-audit-hook", "log")
def n_audit(lines):
    """One {any} per audit event name; every line of an event in at most 2 lines when the most common event covers
    at least half the lines"""
    out = _common(lines)
    by: dict = {}
    for ln in lines:
        m = AUDIT.match(ln)
        if m:
            by.setdefault(m.group(1), []).append(ln)
    out += [any_of(v) for v in by.values()]
    total = sum(len(v) for v in by.values())
    if by and max(len(v) for v in by.values()) * 2 >= total:
        for v in by.values():
            if len(v) <= 2:
                out += v
    return out


PST_ROW = re.compile(r"^\s*([\d/]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\S.*)$")


@cm.kind("python-pstats-browser", "table")
def n_pstats_browser(lines):
    """Every 'N function calls … in S seconds' line; per stats table its ncalls header and the rows with the largest
    tottime and cumtime; every *** error line"""
    out = _common(lines)
    tables: list = []
    cur = None
    for ln in lines:
        body = re.sub(r"^(% )+", "", ln)
        if re.search(r"function calls .*in [\d.]+ seconds", body):
            out.append(body)
        if body.startswith("***"):
            out.append(body)
        if re.match(r"^\s*ncalls\s+tottime\s+percall\s+cumtime", body):
            cur = [body, []]
            tables.append(cur)
            continue
        if cur is not None:
            m = PST_ROW.match(body)
            if m:
                cur[1].append((float(m.group(2)), float(m.group(4)), body))
            elif body.strip():
                cur = None
    for head, rows in tables:
        out.append(head)
        if rows:
            for col in (0, 1):
                top = max(r[col] for r in rows)
                out.append(any_of([r[2] for r in rows if r[col] == top]))
    return out


@cm.kind("python-trace-cover", "code")
def n_trace_cover(lines):
    """The summary header and its rows with smallest and largest cov%; every >>>>>> line (first 40 a file); the
    line(s) with the largest count; each == file header above a printed file"""
    out = _common(lines)
    rows = []
    for i, ln in enumerate(lines):
        if re.match(r"^lines\s+cov%\s+module", ln):
            out.append(ln)
        m = re.match(r"^\s*(\d+)\s+(\d+)%\s+(\S+)\s+\(", ln)
        if m:
            rows.append((int(m.group(2)), ln))
    if rows:
        for f in (min, max):
            v = f(r[0] for r in rows)
            out.append(any_of([r[1] for r in rows if r[0] == v]))
    per_file = 0
    counts = []
    for ln in lines:
        if ln.startswith("== "):
            out.append(ln)
            per_file = 0
        elif ln.startswith(">>>>>> "):
            if per_file < 40:
                out.append(ln)
            per_file += 1
        else:
            m = re.match(r"^\s*(\d+):\s", ln)
            if m:
                counts.append((int(m.group(1)), ln))
    if counts:
        top = max(c[0] for c in counts)
        out.append(any_of([c[1] for c in counts if c[0] == top]))
    return out


@cm.kind("python-multiprocessing-log", "log")
def n_mp_log(lines):
    """Every [ERROR/…] [CRITICAL/…] [WARNING/…] line; every exitcode line with a code other than 0; RemoteTraceback
    line, remote exception and innermost File, re-raised exception (common rule)"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^\[(ERROR|CRITICAL|WARNING)/", ln):
            out.append(ln)
        m = re.search(r"exitcode[ =:]+(-?\d+)", ln)
        if m and m.group(1) != "0":
            out.append(ln)
        if "RemoteTraceback" in ln:
            out.append(ln)
        if re.match(r"^\s*[\w.]*(Error|Exception)\b: ", ln) and i > 0:
            prev = cm.prev_match(lines, i, r'^\s*File "', 12)
            out += [ln, prev]
    return out


TM_HEAD = re.compile(r"^(?:#\d+: )?(\d+) memory blocks: ([\d.]+) (B|KiB|MiB|GiB)")
UNIT = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}


@cm.kind("python-tracemalloc-traceback", "table")
def n_tm_traceback(lines):
    """The Top N / Total allocated size lines; the 'N memory blocks: X KiB' line of the 3 largest blocks and the last
    File line of each (its allocation site)"""
    out = _common(lines) + [ln for ln in lines if re.match(r"^(Top \d+|Total allocated size)", ln)]
    blocks = []
    for i, ln in enumerate(lines):
        m = TM_HEAD.match(ln)
        if m:
            last = None
            for ln2 in lines[i + 1:]:
                if FILE_LINE.match(ln2):
                    last = ln2
                elif ln2.startswith("    ") and ln2.strip():
                    continue
                else:
                    break
            blocks.append((float(m.group(2)) * UNIT[m.group(3)], ln, last))
    for size, ln, last in sorted(blocks, key=lambda b: -b[0])[:3]:
        out += [ln, last]
    return out


# ================================================================== the salt works

def pans_ledger(seed: int, n: int) -> list[dict]:
    r = random.Random(seed)
    rows = []
    for k in range(n):
        rows.append({"pan": f"P{k:03d}", "loft": r.choice(["north", "north", "east", "east", "south"]),
                     "area_m2": round(r.uniform(12, 60), 1), "depth_cm": round(r.uniform(8, 30), 1),
                     "brine_sg": round(r.uniform(1.12, 1.21), 3), "raker": r.choice(
                         ["Amos", "Beth", "Caleb", "Dorcas", "Ezra", "Fen", "Gideon", "Hester"]),
                     "hours": r.choice([6, 8, 8, 10, 12]), "status": "boiling"})
    # odd rows
    rows[n // 3]["brine_sg"] = 0.998          # fresh water let in
    rows[n // 2]["hours"] = 0                  # a boiling that never ran
    rows[n // 5]["status"] = "cracked"
    rows[-2]["depth_cm"] = -4.0                # a negative depth
    rows[n // 7]["raker"] = "Ichabod Longname-Fothergill of the Upper Loft"
    return rows


MODEL = '''"""Pans, boilings and rakers of a salt works."""
from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass
class Pan:
    pan: str
    loft: str
    area_m2: float
    depth_cm: float
    brine_sg: float
    raker: str
    hours: int
    status: str = "boiling"

    @property
    def volume_l(self) -> float:
        return self.area_m2 * self.depth_cm * 10.0


def load(path: str, limit: int | None = None) -> list[Pan]:
    pans = []
    with open(path, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if limit is not None and k >= limit:
                break
            pans.append(Pan(**json.loads(line)))
    return pans
'''

BRINE = '''"""Brine: evaporation, salt yield and boilings."""
from __future__ import annotations

from saltworks.model import Pan

SALT_PER_SG = 1350.0  # grams of salt a litre per unit of specific gravity above fresh water


def salt_per_litre(sg: float) -> float:
    if sg < 1.0:
        raise ValueError(f"brine lighter than fresh water: sg={sg}")
    return (sg - 1.0) * SALT_PER_SG


def evaporate(pan: Pan, hours: int, rate_cm_h: float = 0.9) -> list[float]:
    depths = []
    depth = pan.depth_cm
    for h in range(hours * 4):
        depth = max(0.0, depth - rate_cm_h / 4)
        depths.append(round(depth, 3))
    return depths


def yield_kg(pan: Pan) -> float:
    litres = pan.volume_l
    per_hour = litres / pan.hours  # a boiling that never ran divides by zero
    return round(per_hour * pan.hours * salt_per_litre(pan.brine_sg) / 1000.0, 2)


def reduce_boiling(depth: float, step: float) -> float:
    """Boil down until the crust forms; a negative depth never reaches the crust (no base case for it)."""
    if 0.0 <= depth < step:
        return depth
    return reduce_boiling(depth - step if depth > 0 else depth - 0.0, step)


def crust(pan: Pan) -> float:
    return reduce_boiling(pan.depth_cm, 0.5)


def skim(pan: Pan, rounds: int) -> float:
    return rake(pan, rounds)


def rake(pan: Pan, rounds: int) -> float:
    if pan.depth_cm < 0:
        return skim(pan, rounds + 1)  # the rakers hand a bad pan back and forth
    return pan.area_m2 * rounds
'''

RAKERS = '''"""Rakers drawing salt from the pans; two locks taken in either order."""
from __future__ import annotations

import threading
import time

loft_lock = threading.Lock()
cart_lock = threading.Lock()


def to_loft(name: str, n: int) -> None:
    with loft_lock:
        time.sleep(0.05)
        with cart_lock:  # the other raker holds the cart and waits for the loft
            print(name, "carried", n)


def to_cart(name: str, n: int) -> None:
    with cart_lock:
        time.sleep(0.05)
        with loft_lock:
            print(name, "loaded", n)


def stoke(stop: threading.Event) -> None:
    while not stop.wait(0.2):
        pass
'''


def write_project(root: Path) -> None:
    pkg = root / "saltworks"
    pkg.mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text('"""A salt works."""\n')
    (pkg / "model.py").write_text(MODEL)
    (pkg / "brine.py").write_text(BRINE)
    (pkg / "rakers.py").write_text(RAKERS)
    for k, n in enumerate((40, 400, 3000)):
        rows = pans_ledger(SEED + k, n)
        (root / f"pans_{k}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def py(tmp: Path, name: str, body: str) -> None:
    (tmp / name).write_text(body)


# ------------------------------------------------------------------ scripts

OVERRUN = '''import ctypes, sys, threading, time
sys.path.insert(0, ".")
from saltworks.model import load

MODE = sys.argv[1]
N = int(sys.argv[2])
api = ctypes.pythonapi
api.PyMem_Malloc.restype = ctypes.c_void_p
api.PyMem_Malloc.argtypes = [ctypes.c_size_t]
api.PyMem_Free.argtypes = [ctypes.c_void_p]
api.PyObject_Free.argtypes = [ctypes.c_void_p]


def label_buffer(pan):
    size = 16  # a pan label fits in 16 bytes, the rakers said
    return api.PyMem_Malloc(size), size


def write_label(pan, buf, size):
    raw = f"{pan.pan}:{pan.raker}".encode()
    if MODE == "under" and pan.depth_cm < 0:
        ctypes.memset(buf - 3, 0x2D, 3)  # a negative depth writes before the label
    n = len(raw) if MODE == "over" else min(len(raw), size)
    ctypes.memmove(buf, raw, n)  # no bound check


def release(pan, buf):
    if MODE == "api" and pan.status == "cracked":
        api.PyObject_Free(buf)  # freed through the object allocator
    else:
        api.PyMem_Free(buf)


def label_pans(pans):
    for pan in pans:
        buf, size = label_buffer(pan)
        write_label(pan, buf, size)
        release(pan, buf)
    print("labelled", len(pans), "pans")


stop = threading.Event()
if "--stokers" in sys.argv:
    from saltworks.rakers import stoke
    for k in range(3):
        threading.Thread(target=stoke, args=(stop,), name=f"stoker-{k}", daemon=True).start()
    time.sleep(0.1)
pans = load("pans_1.jsonl", N)
if MODE == "over":
    pans.sort(key=lambda p: len(p.raker))
label_pans(pans)
stop.set()
'''

LOGERR = '''import logging, sys
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks.brine import salt_per_litre

N = int(sys.argv[1])
FMT = sys.argv[2] if len(sys.argv) > 2 else "%(asctime)s %(levelname)s %(name)s: %(message)s"
logging.basicConfig(level=logging.INFO, format=FMT, datefmt="%H:%M", stream=sys.stderr)
log = logging.getLogger("saltworks.boil")


def report(pan):
    log.info("pan %s in loft %s: %.1f l", pan.pan, pan.loft, pan.volume_l)
    if pan.hours == 0:
        log.warning("pan %s boiled for %d hours", pan.pan)  # one argument short
    if pan.status != "boiling":
        log.error("pan %s is %d", pan.pan, pan.status)  # %d of a string
    if pan.brine_sg < 1.0:
        log.warning("pan %s brine %.3f below fresh", pan.pan, pan.brine_sg, pan.loft)  # one argument too many
    if pan.depth_cm < 0:
        log.error("pan {} depth {}", pan.pan, pan.depth_cm)  # str.format braces with %-style arguments
    try:
        return salt_per_litre(pan.brine_sg)
    except ValueError as e:
        log.error("no salt from %s: %s", pan.pan, e)


for p in load("pans_0.jsonl" if N <= 40 else "pans_1.jsonl", N):
    report(p)
print("reported", N, "pans")
'''

CGITB = '''import cgitb, sys
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine

cgitb.enable(format="text", context=int(sys.argv[2]) if len(sys.argv) > 2 else 5)
WHAT = sys.argv[1]


def season(pans):
    total = 0.0
    for pan in pans:
        if WHAT == "yield":
            if pan.brine_sg >= 1.0:
                total += brine.yield_kg(pan)
        elif WHAT == "lofts":
            total += {"north": 1.0, "east": 1.1}[pan.loft] * pan.area_m2
        else:
            total += brine.salt_per_litre(pan.brine_sg)
    return total


pans = load("pans_0.jsonl")
if WHAT == "sg":
    pans = load("pans_1.jsonl")
print("season:", season(pans))
'''

AUDITS = '''import sys, os, json, socket, subprocess, tempfile, shutil
sys.path.insert(0, ".")
QUIET = {"object.__getattr__", "object.__setattr__", "sys._getframe", "builtins.id", "marshal.loads",
         "os.scandir", "compile", "exec"} if "--quiet" in sys.argv else set()


def hook(event, args):
    if event in QUIET:
        return
    print("audit:", event, repr(args)[:150])


sys.addaudithook(hook)
from saltworks.model import load
from saltworks import brine

N = int(sys.argv[1])
pans = load("pans_1.jsonl", N)
out = tempfile.mkdtemp(prefix="loft-")
for pan in pans:
    with open(os.path.join(out, pan.pan + ".txt"), "w") as fh:
        fh.write(f"{pan.pan} {pan.volume_l:.0f}\\n")
print("lofts:", sorted(os.listdir(out))[:3])
subprocess.run(["true"])
s = socket.socket()
try:
    s.connect(("127.0.0.1", 9))  # the weighbridge is not listening
except OSError as e:
    print("weighbridge:", e)
finally:
    s.close()
shutil.rmtree(out)
os.remove("pans_gone.jsonl") if os.path.exists("pans_gone.jsonl") else None
print("done:", len(pans))
'''

PROFILE = '''import cProfile, sys
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine


def season(pans):
    total = 0.0
    for pan in pans:
        for _ in range(4):
            brine.evaporate(pan, pan.hours)
        if pan.hours and pan.brine_sg >= 1.0:
            total += brine.yield_kg(pan)
        if pan.depth_cm >= 0:
            brine.crust(pan)
    return total


pans = load("pans_2.jsonl")
cProfile.run("season(pans)", sys.argv[1])
'''

SEASON = '''import sys
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine

N = int(sys.argv[1])
WHAT = sys.argv[2] if len(sys.argv) > 2 else "safe"
total = 0.0
for pan in load("pans_1.jsonl", N):
    if WHAT != "yield" and (pan.hours == 0 or pan.brine_sg < 1.0):
        print("skip", pan.pan)
        continue
    brine.evaporate(pan, pan.hours)
    total += brine.yield_kg(pan)
    if WHAT == "crust" or pan.depth_cm >= 0:
        brine.crust(pan)
    if WHAT == "rake":
        brine.skim(pan, 1)
print("salt:", round(total, 1), "kg")
'''

MPLOG = '''import logging, multiprocessing as mp, sys
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine

LEVEL = getattr(logging, sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].isdigit() else int(sys.argv[2])
N = int(sys.argv[1])


def boil(pan):
    return pan.pan, brine.yield_kg(pan)


def cart(code):
    sys.exit(code)  # a cart that leaves with its load unsigned


if __name__ == "__main__":
    if len(sys.argv) > 3:
        mp.set_start_method(sys.argv[3])
    mp.log_to_stderr(LEVEL)
    pans = load("pans_1.jsonl", N)
    c = mp.Process(target=cart, args=(3,), name="cart-north")
    c.start(); c.join()
    print("cart exitcode", c.exitcode)
    with mp.Pool(2) as pool:
        print(pool.map(boil, pans, chunksize=8)[:3])
'''

TMTB = '''import sys, tracemalloc
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine

TOP = int(sys.argv[1]); FRAMES = int(sys.argv[2])
tracemalloc.start(FRAMES)
_readings = {}


def read_brine(pan):
    _readings.setdefault(pan.loft, []).append([round(pan.brine_sg + k / 1e4, 4) for k in range(40)])  # grows


def depths(pan):
    return brine.evaporate(pan, max(pan.hours, 1))


pans = load("pans_2.jsonl")
kept = []
for pan in pans:
    read_brine(pan)
    kept.append(depths(pan))
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__),
                                                   tracemalloc.Filter(False, "<frozen importlib._bootstrap>")])
stats = snap.statistics("traceback")
print(f"Top {TOP} blocks by size, traceback of {FRAMES} frames")
for k, stat in enumerate(stats[:TOP], 1):
    print(f"#{k}: {stat.count} memory blocks: {stat.size / 1024:.1f} KiB")
    for line in stat.traceback.format():
        print(line)
print(f"Total allocated size: {sum(s.size for s in stats) / 1024:.1f} KiB")
'''

HANG = '''import faulthandler, sys, threading, time
sys.path.insert(0, ".")
from saltworks import rakers

N = int(sys.argv[1])
faulthandler.dump_traceback_later(float(sys.argv[2]), exit=True)
stop = threading.Event()
threading.Thread(target=rakers.stoke, args=(stop,), name="stoker").start()
for k in range(N):
    threading.Thread(target=rakers.to_loft if k % 2 == 0 else rakers.to_cart, args=(f"raker-{k}", k),
                     name=f"raker-{k}").start()
for t in threading.enumerate():
    if t is not threading.current_thread():
        t.join()
'''

ASYNCDBG = '''import asyncio, sys, time
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine

N = int(sys.argv[1])


async def weigh(pan):
    await asyncio.sleep(0.01)
    if pan.status == "cracked":
        raise RuntimeError(f"pan {pan.pan} cracked on the scale")
    return brine.yield_kg(pan) if pan.hours else 0.0


async def stoke_slowly(pan):
    time.sleep(0.15)  # blocks the loop: a slow callback
    return pan.pan


async def forever():
    await asyncio.sleep(3600)


async def main():
    pans = load("pans_0.jsonl", N)
    for pan in pans[:4]:
        weigh(pan)  # never awaited
    asyncio.ensure_future(weigh(next(p for p in pans if p.status == "cracked")))  # exception never retrieved
    asyncio.ensure_future(forever())  # still pending at the end
    await stoke_slowly(pans[0])
    print(await asyncio.gather(*(weigh(p) for p in pans if p.status == "boiling" and p.hours)))


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
'''

POOLEXC = '''import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
import threading
sys.path.insert(0, ".")
from saltworks.model import load
from saltworks import brine


def boil(pan):
    return brine.yield_kg(pan)


pans = load("pans_1.jsonl", int(sys.argv[2]))
if sys.argv[1] == "process":
    with ProcessPoolExecutor(2) as ex:
        print(sum(ex.map(boil, pans)))
else:
    ts = [threading.Thread(target=boil, args=(p,), name=f"boil-{p.pan}") for p in pans]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("threads done")
'''


# ================================================================== steps

def step_project(tmp: Path) -> None:
    write_project(tmp)
    for name, body in [("label_pans.py", OVERRUN), ("boil_log.py", LOGERR), ("season_report.py", CGITB),
                       ("audited_run.py", AUDITS), ("profile_season.py", PROFILE), ("season.py", SEASON),
                       ("pool_log.py", MPLOG), ("brine_cache.py", TMTB), ("rakers_hang.py", HANG),
                       ("weigh_async.py", ASYNCDBG), ("boil_pool.py", POOLEXC)]:
        py(tmp, name, body)


def step_pymalloc(tmp: Path) -> None:
    e = {"PYTHONMALLOC": "debug"}
    cap("pymalloc-over", "PYTHONMALLOC=debug python3 label_pans.py over 60; echo EXIT=$?", tmp, n_pymalloc,
        env=e, timeout=60)
    cap("pymalloc-over-tracemalloc", "PYTHONMALLOC=debug python3 -X tracemalloc=8 label_pans.py over 60; echo EXIT=$?",
        tmp, n_pymalloc, env=e, timeout=60)
    cap("pymalloc-under-stokers", "PYTHONMALLOC=debug python3 label_pans.py under 400 --stokers; echo EXIT=$?", tmp,
        n_pymalloc, env=e, timeout=60)
    cap("pymalloc-api", "PYTHONMALLOC=debug python3 -X tracemalloc=4 label_pans.py api 200 2>&1 | tail -n 60; "
        "echo EXIT=$?", tmp, n_pymalloc, env=e, timeout=60)


def step_logging(tmp: Path) -> None:
    cap("logging-error-40", "python3 boil_log.py 40", tmp, n_logging_error, timeout=60)
    cap("logging-error-400", "python3 boil_log.py 400 2>&1 | tail -n 400", tmp, n_logging_error, timeout=60)
    cap("logging-error-badfmt", "python3 boil_log.py 6 '%(asctime)s %(levelname)s [%(pan)s] %(message)s'; "
        "echo EXIT=$?", tmp, n_logging_error, timeout=60)
    cap("logging-error-grep", "python3 boil_log.py 400 2>&1 | grep -v ' INFO ' | head -n 300", tmp,
        n_logging_error, timeout=60)


def step_cgitb(tmp: Path) -> None:
    cap("cgitb-yield", "python3 season_report.py yield; echo EXIT=$?", tmp, n_cgitb, timeout=60)
    cap("cgitb-lofts", "python3 season_report.py lofts 3; echo EXIT=$?", tmp, n_cgitb, timeout=60)
    cap("cgitb-sg", "python3 season_report.py sg 9 2>&1", tmp, n_cgitb, timeout=60)


def step_audit(tmp: Path) -> None:
    cap("audit-all", "python3 audited_run.py 12", tmp, n_audit, timeout=60)
    cap("audit-quiet", "python3 audited_run.py 60 --quiet", tmp, n_audit, timeout=60)
    cap("audit-grep", "python3 audited_run.py 30 | grep -v '^audit: open' | head -n 250", tmp, n_audit, timeout=60)


def step_pstats(tmp: Path) -> None:
    cm.run("nice python3 profile_season.py season.prof", cwd=tmp, timeout=300)
    cap("pstats-tottime", "printf 'strip\\nsort tottime\\nstats 15\\nquit\\n' | python3 -m pstats season.prof",
        tmp, n_pstats_browser, timeout=60)
    cap("pstats-cumulative-callers", "printf 'sort cumulative\\nstats 25\\ncallers evaporate\\nsorted\\n"
        "sort nosuchkey\\nquit\\n' | python3 -m pstats season.prof 2>&1", tmp, n_pstats_browser, timeout=60)
    cap("pstats-callees-read", "printf 'sort cumulative\\nstats brine 8\\ncallees season\\nread nosuch.prof\\n"
        "add season.prof\\nstats 6\\nquit\\n' | python3 -m pstats season.prof 2>&1", tmp, n_pstats_browser,
        timeout=60)
    cap("pstats-ncalls-all", "printf 'sort ncalls\\nstats\\nquit\\n' | python3 -m pstats season.prof | head -n 300",
        tmp, n_pstats_browser, timeout=60)


def step_trace_cover(tmp: Path) -> None:
    cap("trace-cover-brine", "rm -rf cov && python3 -m trace --count --missing --summary -C cov season.py 40 && "
        "for f in cov/*saltworks.brine.cover; do echo \"== $f\"; cat $f; done", tmp, n_trace_cover, timeout=120)
    cap("trace-cover-all", "rm -rf cov2 && python3 -m trace --count --missing --summary -C cov2 season.py 400; "
        "for f in cov2/*saltworks.*.cover; do echo \"== $f\"; cat $f; done", tmp, n_trace_cover, timeout=120)
    cap("trace-cover-12", "rm -rf cov3 && python3 -m trace --count --missing --summary -C cov3 season.py 12 | "
        "grep -v pyenv; for f in cov3/*saltworks.brine.cover cov3/*saltworks.model.cover cov3/season.cover; do "
        "echo \"== $f\"; cat $f; done", tmp, n_trace_cover, timeout=120)
    cap("trace-cover-crash", "rm -rf cov4 && python3 -m trace --count --missing --summary -C cov4 season.py 400 yield "
        "2>&1 | tail -n 12; ls cov4 2>&1; echo EXIT=$?", tmp, n_trace_cover, timeout=120)


def step_mp(tmp: Path) -> None:
    cap("mp-log-info", "python3 pool_log.py 150 INFO 2>&1; echo EXIT=$?", tmp, n_mp_log, timeout=90)
    cap("mp-log-debug", "python3 pool_log.py 200 DEBUG 2>&1; echo EXIT=$?", tmp, n_mp_log, timeout=90)
    cap("mp-log-spawn", "python3 pool_log.py 150 INFO spawn 2>&1; echo EXIT=$?", tmp, n_mp_log, timeout=90)
    cap("mp-log-subdebug", "python3 pool_log.py 400 5 2>&1 | tail -n 150", tmp, n_mp_log, timeout=90)


def step_tm(tmp: Path) -> None:
    cap("tm-traceback-3", "python3 brine_cache.py 3 6", tmp, n_tm_traceback, timeout=120)
    cap("tm-traceback-10", "python3 brine_cache.py 10 4", tmp, n_tm_traceback, timeout=120)
    cap("tm-traceback-25-deep", "python3 brine_cache.py 25 12", tmp, n_tm_traceback, timeout=120)


def step_existing(tmp: Path) -> None:
    cap("fh-rakers-4", "python3 rakers_hang.py 4 1.5; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-rakers-12", "python3 rakers_hang.py 12 1; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-rakers-30", "python3 -X faulthandler rakers_hang.py 30 2 2>&1 | tail -n 200", tmp, n_fh_timeout,
        timeout=60)
    e = {"PYTHONASYNCIODEBUG": "1"}
    cap("asyncio-debug-12", "PYTHONASYNCIODEBUG=1 python3 weigh_async.py 12; echo EXIT=$?", tmp, n_xdev, env=e,
        timeout=60)
    cap("asyncio-debug-40", "PYTHONASYNCIODEBUG=1 python3 -X tracemalloc=5 weigh_async.py 40 2>&1", tmp, n_xdev,
        env=e, timeout=60)
    cap("recursion-crust", "python3 season.py 400 crust; echo EXIT=$?", tmp, N_RECURSION, timeout=60)
    cap("recursion-rake", "python3 season.py 400 rake 2>&1 | tail -n 40", tmp, N_RECURSION, timeout=60)
    cap("remote-process", "python3 boil_pool.py process 400; echo EXIT=$?", tmp, N_REMOTE, timeout=90)
    cap("thread-exceptions", "python3 boil_pool.py thread 400 2>&1", tmp, N_THREAD_EXC, timeout=90)
    cmds = ["where", "p sg", "up", "p pan.hours, pan.volume_l", "up", "p total", "q"]
    cap("pdb-postmortem", "printf '%s\\n' " + " ".join(f"'{c}'" for c in cmds)
        + " | python3 -m pdb -c continue season.py 400 yield", tmp, pdb_session(cmds), timeout=60)


STEPS = [step_project, step_pymalloc, step_logging, step_cgitb, step_audit, step_pstats, step_trace_cover, step_mp,
         step_tm, step_existing]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide784", sys.modules["__main__"])
    main()
