"""Capture round 446 of the compression corpus: CPython 3.11's own runtime diagnostics and the stdlib's `python -m`
tools an agent runs while debugging, kinds new to the corpus, on a lifeboat station's launch log written here
(`shoutlog`: shouts, crews, coxswains, launches down the slipway, tides, maroons; seeded from 44610 up) with faults put
in: a pager thread deadlocked on two locks, files and sockets never closed, never-awaited coroutines and a slow
callback, a `__del__` that raises, reference cycles through the crew roster, a cache that grows, pickles cut short or
with a flipped byte, zip and tar archives truncated or corrupted, two copies of the log's directory that drifted
apart, a module with an unclosed bracket.

Kinds (rules in NEEDLES.md's "Round 446" section, one extractor each below): python-faulthandler-timeout,
python-xdev-resourcewarning, python-tracemalloc-compare, python-unraisable-exception, python-gc-debug-leak,
python-trace-lines, python-pickletools-dis, python-zipfile-test, python-zipfile-list, python-tarfile-list,
python-encodingwarning, python-ast-dump, python-tokenize, python-filecmp-report. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide446.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide446.json  as {"version": 2, "items": [...]}, ids prefixed "wide446-".
Tools:   CPython 3.11 (pyenv's 3.11.7) and its standard library only.
"""

from __future__ import annotations

import io
import os
import random
import re
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions  # noqa: E402

ID_PREFIX = "wide446-"
DEFAULT_OUT = HERE / "data" / "wide446.json"
TMP = Path("/dev/shm/hm-corpus-wide446")
PYBIN = "/root/.pyenv/versions/3.11.7/bin"
STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
SEED = 44610


def ensure_tools() -> None:
    cm.PATH_PREFIX[:0] = [PYBIN]


# ================================================================== extractors (NEEDLES.md, round 446)

EXC_ANY = re.compile(r"^[A-Za-z_][\w.]*(?:: .*)?$")
FILE_ANY = re.compile(r'^\s*File "[^"]+", line(?:no)? \d+')


def _exception_lines(lines):
    """Rule 1 on tracebacks whatever the exception's name (BadZipFile, zlib.error): each 'Traceback' block's first
    unindented line after it, and an unindented 'Name: message' line with an indented File line within 6 above
    (a traceback whose head a `tail` cut off); each with the innermost File line above it."""
    out = []
    for i, ln in enumerate(lines):
        if not ln or ln[0].isspace() or ln.startswith(("Traceback", "During handling", "The above exception")):
            continue
        head = None
        for j in range(i - 1, -1, -1):
            if lines[j].startswith("Traceback (most recent call last)"):
                head = j
                break
            if lines[j] and not lines[j][0].isspace():
                break
        near = any(FILE_ANY.match(lines[j]) for j in range(max(0, i - 6), i))
        if head is not None or (near and EXC_ANY.match(ln) and re.match(r"^[A-Za-z_][\w.]*: ", ln)):
            out.append(ln)
            for j in range(i - 1, max(-1, (head if head is not None else i - 7) - 1), -1):
                if FILE_ANY.match(lines[j]):
                    out.append(lines[j])
                    break
    return out


def _common(lines):
    """Every kind: tracebacks (exception line + innermost File), Fatal Python error, Exception ignored in, EXIT=N."""
    return (python_exceptions(lines) + _exception_lines(lines)
            + [ln for ln in lines if ln.startswith("Fatal Python error:") or ln.startswith("Exception ignored in")]
            + [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())])


def _masked(s: str) -> str:
    s = re.sub(r"0x[0-9a-fA-F]+", "<hex>", s)
    return cm.mask(s)


@cm.kind("python-faulthandler-timeout", "log")
def n_fh_timeout(lines):
    """Timeout (H:MM:SS)! lines; every Thread 0x… / Current thread 0x… header and the first File line under each"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^Timeout \(\d+:\d\d:\d\d(?:\.\d+)?\)!", ln):
            out.append(ln)
        if re.match(r"^(Current thread|Thread) 0x[0-9a-f]+", ln):
            out.append(ln)
            nx = cm.next_match(lines, i, r'^\s+File "', ahead=2)
            if nx:
                out.append(nx)
    return out


WARN_LINE = re.compile(r"^(\S.*?):(\d+): ([A-Z]\w*Warning): (.*)$")


def _warning_groups(lines, cat_pat=r".*"):
    g: dict = {}
    for ln in lines:
        m = WARN_LINE.match(ln)
        if m and re.fullmatch(cat_pat, m.group(3)):
            g.setdefault((m.group(3), _masked(m.group(4)), m.group(1)), []).append(ln)
    return [any_of(v) for v in g.values()]


@cm.kind("python-xdev-resourcewarning", "log")
def n_xdev(lines):
    """one {any} per (category, masked message, file) of file:N: XWarning: lines; one {any} per shape of
    'Executing … took N seconds'; one {any} per distinct last File line of each 'Object allocated at' block"""
    out = _common(lines) + _warning_groups(lines)
    g: dict = {}
    for ln in lines:
        if re.search(r"Executing <.*> took [\d.]+ seconds", ln):
            g.setdefault(re.sub(r"\d+(?:\.\d+)?", "<n>", _masked(ln)), []).append(ln)
    out += [any_of(v) for v in g.values()]
    seen = set()
    for i, ln in enumerate(lines):
        if ln.startswith("Object allocated at"):
            last = None
            for j in range(i + 1, len(lines)):
                if re.match(r'^\s+File "', lines[j]):
                    last = lines[j]
                elif lines[j].startswith("    ") or not lines[j].strip():
                    continue
                else:
                    break
            if last and last not in seen:
                seen.add(last)
                out.append(last)
    return out


TM_ROW = re.compile(r"^(\S+:\d+): size=([\d.]+) (B|KiB|MiB|GiB) \(([+-][\d.]+) (B|KiB|MiB|GiB)\), "
                    r"count=(\d+) \(([+-]\d+)\)")
UNIT = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3}


@cm.kind("python-tracemalloc-compare", "table")
def n_tm_compare(lines):
    """rule 4 on compare_to rows: heading above them, rows with max/min size delta and count delta, row with the
    largest size; every Total line"""
    out = _common(lines)
    rows = []
    for i, ln in enumerate(lines):
        m = TM_ROW.match(ln)
        if m:
            rows.append((i, ln, float(m.group(2)) * UNIT[m.group(3)], float(m.group(4)) * UNIT[m.group(5)],
                         int(m.group(7))))
    if rows:
        first = rows[0][0]
        head = cm.prev_match(lines, first, r"\S", back=3)
        if head and not TM_ROW.match(head):
            out.append(head)
        for key in (3, 4):
            out.append(max(rows, key=lambda r: r[key])[1])
            out.append(min(rows, key=lambda r: r[key])[1])
        out.append(max(rows, key=lambda r: r[2])[1])
    out += [ln for ln in lines if ln.startswith("Total")]
    return out


@cm.kind("python-unraisable-exception", "log")
def n_unraisable(lines):
    """every 'Exception ignored in:' line, its traceback's exception line and innermost File line"""
    return _common(lines)


@cm.kind("python-gc-debug-leak", "log")
def n_gc_leak(lines):
    """one {any} per (collectable/uncollectable, type) of 'gc: … <T 0x…>' lines; script lines with collected/garbage
    and a number"""
    out = _common(lines)
    g: dict = {}
    for ln in lines:
        m = re.match(r"^gc: (collectable|uncollectable) <(\S+)", ln)
        if m:
            g.setdefault((m.group(1), m.group(2)), []).append(ln)
    out += [any_of(v) for v in g.values()]
    out += [ln for ln in lines if not ln.startswith("gc:") and re.search(r"(collected|garbage)\D*\d|\d\D*(collected|garbage)", ln)]
    return out


@cm.kind("python-trace-lines", "log")
def n_trace_lines(lines):
    """one {any} per distinct (module, function) of ' --- modulename: M, funcname: F' lines; the last file(N): line
    before a traceback"""
    out = _common(lines)
    g: dict = {}
    for ln in lines:
        m = re.match(r"^\s*--- modulename: (\S+), funcname: (\S+)", ln)
        if m:
            g.setdefault((m.group(1), m.group(2)), []).append(ln)
    out += [any_of(v) for v in g.values()]
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback (most recent call last)"):
            for j in range(i - 1, -1, -1):
                if re.match(r"^\S+\.py\(\d+\):", lines[j]):
                    out.append(lines[j])
                    break
    return out


OPCODE = re.compile(r"^\s*\d+: \S.*?\b[A-Z][A-Z0-9_]+\b")


@cm.kind("python-pickletools-dis", "log")
def n_pickletools(lines):
    """highest protocol lines; GLOBAL lines and the two nearest quoted-string lines above each STACK_GLOBAL; the last
    opcode line before a traceback or error"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("highest protocol among opcodes"):
            out.append(ln)
        if re.search(r"\bGLOBAL\b", ln) and "STACK_GLOBAL" not in ln and OPCODE.match(ln):
            out.append(ln)
        if re.search(r"\bSTACK_GLOBAL\b", ln):
            got = 0
            for j in range(i - 1, max(-1, i - 12), -1):
                if re.search(r"'[^']*'", lines[j]) and OPCODE.match(lines[j]):
                    out.append(lines[j])
                    got += 1
                    if got == 2:
                        break
        if ln.startswith("Traceback (most recent call last)") or re.match(r"^\w*Error:", ln):
            for j in range(i - 1, -1, -1):
                if OPCODE.match(lines[j]):
                    out.append(lines[j])
                    break
    return out


@cm.kind("python-zipfile-test", "log")
def n_zip_test(lines):
    """every 'The following enclosed file is corrupted' line; the '== ' header nearest above every error or
    traceback"""
    out = _common(lines)
    errs = set(_exception_lines(lines))
    for i, ln in enumerate(lines):
        bad = ln.startswith("The following enclosed file is corrupted") or (ln in errs and not FILE_ANY.match(ln))
        if ln.startswith("The following enclosed file is corrupted"):
            out.append(ln)
        if bad:
            for j in range(i - 1, -1, -1):
                if lines[j].startswith("== "):
                    out.append(lines[j])
                    break
    return out


def _ext(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1] if "." in base else "(none)"


@cm.kind("python-zipfile-list", "listing")
def n_zip_list(lines):
    """rule 4: the File Name/Modified/Size header; rows with a rare extension; size min and max rows"""
    out = _common(lines)
    rows = []
    for ln in lines:
        if ln.startswith("File Name") and "Size" in ln:
            out.append(ln)
            continue
        m = re.match(r"^(\S.*?)\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s+(\d+)$", ln)
        if m:
            rows.append({"line": ln, "ext": _ext(m.group(1)), "size": int(m.group(3))})
    if rows:
        out += _rule4(rows, ["ext"], ["size"])
    return out


def _rule4(rows, cats, nums):
    """rule 4 by hand: rows with a rare value (<= 2 rows) of a categorical column whose commonest value covers
    half the rows; each numeric column's min and max row."""
    from collections import Counter
    out = []
    for c in cats:
        cnt = Counter(r[c] for r in rows)
        if cnt and cnt.most_common(1)[0][1] * 2 >= len(rows):
            out += [r["line"] for r in rows if cnt[r[c]] <= 2]
    for n in nums:
        out.append(min(rows, key=lambda r: r[n])["line"])
        out.append(max(rows, key=lambda r: r[n])["line"])
    return out


@cm.kind("python-tarfile-list", "listing")
def n_tar_list(lines):
    """rule 4 on verbose rows (mode, owner, extension; size min/max); the last row before a traceback; every
    'is a tar archive' / 'is not a tar archive' line"""
    out = _common(lines)
    rows = []
    for i, ln in enumerate(lines):
        m = re.match(r"^([?dl-][rwxsStT-]{9}) (\S+)\s+(\d+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (.+)$", ln)
        if m:
            rows.append({"line": ln, "mode": m.group(1), "owner": m.group(2), "ext": _ext(m.group(5)),
                         "size": int(m.group(3))})
        if re.search(r"is (not )?a tar archive\.", ln):
            out.append(ln)
        if ln.startswith("Traceback (most recent call last)"):
            for j in range(i - 1, -1, -1):
                if lines[j].strip() and not lines[j].startswith(("Traceback", "  ")):
                    out.append(lines[j])
                    break
    if rows:
        out += _rule4(rows, ["mode", "owner", "ext"], ["size"])
    return out


@cm.kind("python-encodingwarning", "log")
def n_encwarn(lines):
    """one {any} per (message shape, file) of file:N: EncodingWarning: lines"""
    return _common(lines) + _warning_groups(lines, "EncodingWarning")


@cm.kind("python-ast-dump", "code")
def n_ast(lines):
    """rule 6: the name='…' line right after each FunctionDef( / AsyncFunctionDef( / ClassDef( line; SyntaxError
    lines"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if re.search(r"\b(FunctionDef|AsyncFunctionDef|ClassDef)\($", ln):
            nx = cm.next_match(lines, i, r"^\s*name='", ahead=1)
            if nx:
                out.append(nx)
        if re.match(r"^\s*SyntaxError:", ln):
            out.append(ln)
    return out


@cm.kind("python-tokenize", "code")
def n_tokenize(lines):
    """rule 6: the token line right after each NAME 'def' / NAME 'class' token line; every error: line"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if re.search(r"\bNAME\s+'(def|class)'\s*$", ln) and i + 1 < len(lines):
            out.append(lines[i + 1])
        if re.search(r":\d+:\d+: error: ", ln):
            out.append(ln)
    return out


@cm.kind("python-filecmp-report", "listing")
def n_filecmp(lines):
    """every Only in / Differing files / Common funny cases / Trouble with common files / Funny files line and the
    diff A B header nearest above each"""
    out = _common(lines)
    for i, ln in enumerate(lines):
        if re.match(r"^(Only in |Differing files :|Common funny cases :|Trouble with common files :|Funny files :)",
                    ln):
            out.append(ln)
            for j in range(i - 1, -1, -1):
                if lines[j].startswith("diff "):
                    out.append(lines[j])
                    break
    return out


# ================================================================== material: shoutlog

CREW = ["Annie Pengelly", "Tom Trevaskis", "Jory Nankervis", "Meg Rowe", "Silas Treloar", "Kit Polglase", "Bran Hocking",
        "Wenna Curnow", "Ned Penrose", "Loveday Jago", "Cador Tregear", "Demelza Vosper", "Peder Kitto",
        "Tamsin Angove", "Jago Carne", "Elowen Pascoe", "Davy Oates", "Morwenna Bolitho", "Gerens Hosken",
        "Ysella Trewin"]
CASUALTIES = ["yacht aground", "crabber fouled prop", "swimmer cut off by tide", "kayaker capsized",
              "trawler engine failure", "dog over cliff", "paddleboarder adrift", "dive boat overdue",
              "flare sighted", "person in water", "dinghy swamped", "angler washed off rocks"]
BOATS = ["Tamar-class ON 1289", "Shannon-class ON 1334", "D-class D-862", "Atlantic 85 B-911"]


def launches(seed: int, n: int) -> list[dict]:
    r = random.Random(seed)
    out = []
    for k in range(n):
        out.append({"shout": f"S{seed % 1000:03d}-{k:04d}", "boat": r.choice(BOATS),
                    "casualty": r.choice(CASUALTIES), "cox": r.choice(CREW[:6]),
                    "crew": r.sample(CREW, r.randint(3, 7)), "tide_m": round(r.uniform(0.4, 6.2), 2),
                    "paged": f"2026-0{r.randint(1, 9)}-{r.randint(10, 28)}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                    "launch_min": r.randint(4, 19), "maroons": r.randint(0, 2)})
    return out


MODEL = '''"""shoutlog.model: a lifeboat station's launch log."""
from __future__ import annotations

import dataclasses
import json
from datetime import datetime


@dataclasses.dataclass
class CrewMember:
    name: str
    role: str = "crew"
    pager: str = ""

    def page(self, shout: str) -> str:
        return f"{self.pager or self.name}: shout {shout}"


@dataclasses.dataclass
class Launch:
    shout: str
    boat: str
    casualty: str
    cox: str
    crew: list
    tide_m: float
    paged: str
    launch_min: int
    maroons: int = 0

    def launched_at(self) -> datetime:
        return datetime.fromisoformat(self.paged)

    def slipway_ok(self) -> bool:
        # the slipway cannot be used below 0.8 m of tide
        return self.tide_m >= 0.8

    def to_row(self) -> str:
        return json.dumps(dataclasses.asdict(self))


class Roster:
    def __init__(self):
        self.members: dict[str, CrewMember] = {}
        self.launches: list[Launch] = []

    def add(self, m: CrewMember) -> None:
        self.members[m.name] = m

    def record(self, launch: Launch) -> None:
        for name in launch.crew:
            if name not in self.members:
                raise KeyError(f"crew {name!r} not on the roster")
        self.launches.append(launch)

    def busiest(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for la in self.launches:
            for name in la.crew:
                counts[name] = counts.get(name, 0) + 1
        return sorted(counts.items(), key=lambda kv: -kv[1])


def tide_window(tides: list[float], need: float = 0.8) -> list[int]:
    return [i for i, t in enumerate(tides) if t >= need]


async def sound_maroons(n: int) -> str:
    return "bang " * n


def load(path: str) -> list[Launch]:
    with open(path) as f:
        return [Launch(**json.loads(line)) for line in f if line.strip()]
'''


def write_project(root: Path) -> None:
    pkg = root / "shoutlog"
    cm.write_tree(root, {"shoutlog/__init__.py": "", "shoutlog/model.py": MODEL})
    for seed_k, n in ((0, 60), (1, 240)):
        rows = launches(SEED + seed_k, n)
        (root / f"launches_{seed_k}.jsonl").write_text("".join(__import__("json").dumps(r) + "\n" for r in rows))
    # a bigger generated module (rule 6 material for ast/tokenize)
    r = random.Random(SEED + 7)
    parts = ['"""shoutlog.stations: per-station launch rules (generated)."""\nfrom shoutlog.model import Launch\n\n']
    for k in range(int(40)):
        st = r.choice(["Porthcurno", "Sennen", "Penlee", "St Ives", "Newlyn", "Lizard", "Falmouth", "Padstow"])
        parts.append(f"class Station{k:02d}:\n    name = {st!r}\n    slip_min_tide = {r.uniform(0.5, 1.4):.2f}\n\n"
                     f"    def can_launch_{k:02d}(self, la: Launch) -> bool:\n        return la.tide_m >= self.slip_min_tide\n\n"
                     f"    def crew_ok_{k:02d}(self, la: Launch) -> bool:\n        return len(la.crew) >= {r.randint(3, 5)}\n\n\n"
                     f"def summary_{k:02d}(rows: list[Launch]) -> dict:\n    return {{'n': len(rows), 'late': sum(x.launch_min > {r.randint(8, 14)} for x in rows)}}\n\n\n")
    (pkg / "stations.py").write_text("".join(parts))
    broken = MODEL.replace("return [i for i, t in enumerate(tides) if t >= need]",
                           "return [i for i, t in enumerate(tides) if t >= need")
    (pkg / "model_broken.py").write_text(broken)


HANG = '''import faulthandler, queue, sys, threading, time
sys.path.insert(0, ".")
from shoutlog.model import CrewMember

N_PAGERS = int(sys.argv[1]); REPEAT = sys.argv[2] == "repeat"
pager_lock = threading.Lock()
roster_lock = threading.Lock()
shouts = queue.Queue()


def page_crew(member):
    with pager_lock:
        time.sleep(0.2)
        with roster_lock:  # the muster thread holds this one and waits for pager_lock
            return member.page("S446")


def muster():
    with roster_lock:
        time.sleep(0.2)
        with pager_lock:
            return "mustered"


def pager_worker(k):
    while True:
        shout = shouts.get()  # nobody ever puts a shout: every pager waits here
        print(k, shout)


def tide_poll(stop):
    while not stop.wait(0.05):
        pass


faulthandler.dump_traceback_later(1.5, repeat=REPEAT, exit=not REPEAT)
stop = threading.Event()
threads = [threading.Thread(target=page_crew, args=(CrewMember("Annie Pengelly"),), name="page-crew"),
           threading.Thread(target=muster, name="muster"),
           threading.Thread(target=tide_poll, args=(stop,), name="tide-poll", daemon=True)]
threads += [threading.Thread(target=pager_worker, args=(k,), name=f"pager-{k}", daemon=True) for k in range(N_PAGERS)]
for t in threads:
    t.start()
print(f"launch S446: {len(threads)} threads started, waiting for crew", flush=True)
threads[0].join(timeout=4.0 if REPEAT else 10)
print("page-crew still alive:", threads[0].is_alive(), flush=True)
import os; os._exit(3)
'''

XDEV = '''import asyncio, imp, json, socket, sys, time
sys.path.insert(0, ".")
from shoutlog.model import Launch, sound_maroons

N = int(sys.argv[1])


def open_log(path):
    f = open(path)  # never closed
    return f.readline()


def pager_socket(k):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # never closed
    return s.fileno()


def read_all(path):
    rows = []
    for k in range(N):
        rows.append(open_log(path))
        pager_socket(k)
    return rows


async def slow_tide_check(la):
    time.sleep(0.12)  # blocks the loop
    return la.tide_m


async def launch(la):
    sound_maroons(la.maroons)  # never awaited
    if la.tide_m < 0.8:
        raise ValueError(f"shout {la.shout}: tide {la.tide_m} m below the slipway's 0.8 m")
    return await slow_tide_check(la)


async def main(rows):
    results = await asyncio.gather(*(launch(Launch(**json.loads(r))) for r in rows[: max(2, N // 4)]),
                                   return_exceptions=True)
    for r in results:
        print("launch:", r)


rows = read_all("launches_0.jsonl")
rows = [json.dumps(r) for r in map(json.loads, open("launches_1.jsonl").read().splitlines()[:N])]
asyncio.run(main(rows), debug=True)
print("done:", len(rows), "shouts read")
'''

TMCMP = '''import sys, tracemalloc, json
sys.path.insert(0, ".")
from shoutlog.model import Launch, Roster, CrewMember

LIMIT = int(sys.argv[1]); KEY = sys.argv[2]
tracemalloc.start(10)
roster = Roster()
before = tracemalloc.take_snapshot()
_cache = {}


def remember(la):
    _cache[la.shout] = (la, la.to_row(), [la.to_row() for _ in range(3)])  # grows forever


def page_history(la):
    return [f"{n}: paged {la.paged}" * 4 for n in la.crew]


history = []
for line in open("launches_1.jsonl", encoding="utf-8"):
    la = Launch(**json.loads(line))
    remember(la)
    history.append(page_history(la))
    for n in la.crew:
        roster.add(CrewMember(n))
    roster.record(la)
after = tracemalloc.take_snapshot()
stats = after.compare_to(before, KEY)
print(f"[ Top {LIMIT} differences ]")
for stat in stats[:LIMIT]:
    print(stat)
total = sum(s.size_diff for s in stats)
print(f"Total allocated size: {total / 1024:.1f} KiB")
'''

UNRAIS = '''import gc, json, sys, weakref
sys.path.insert(0, ".")
from shoutlog.model import Launch

N = int(sys.argv[1])


class PagerHandle:
    def __init__(self, name, shout):
        self.name, self.shout = name, shout

    def __del__(self):
        if self.name.startswith(("T", "M", "J")):
            raise KeyError(f"pager of {self.name} already released for {self.shout}")


def tide_feed(la):
    try:
        yield la.tide_m
    finally:
        raise RuntimeError(f"tide feed for {la.shout} closed twice")


def on_gone(ref):
    raise ValueError("roster entry vanished")


keep = []
for k, line in enumerate(open("launches_1.jsonl", encoding="utf-8")):
    if k >= N:
        break
    la = Launch(**json.loads(line))
    for name in la.crew:
        h = PagerHandle(name, la.shout)
        del h
    g = tide_feed(la)
    next(g)
    del g
    if k % 5 == 0:
        class Entry: pass
        e = Entry()
        keep.append(weakref.ref(e, on_gone))
        del e
gc.collect()
print(f"processed {min(N, k)} launches")
'''

GCLEAK = '''import gc, json, sys
sys.path.insert(0, ".")
from shoutlog.model import Launch, CrewMember

N = int(sys.argv[1])


class Coxswain:
    def __init__(self, name):
        self.name = name
        self.boat = None


class Boat:
    def __init__(self, name, cox):
        self.name = name
        self.cox = cox
        cox.boat = self  # a cycle: coxswain <-> boat


class Shout:
    def __init__(self, la):
        self.la = la
        self.crew = [CrewMember(n) for n in la.crew]
        self.self_ref = self  # a cycle through itself


gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
for k, line in enumerate(open("launches_1.jsonl", encoding="utf-8")):
    if k >= N:
        break
    la = Launch(**json.loads(line))
    b = Boat(la.boat, Coxswain(la.cox))
    s = Shout(la)
    del b, s
n = gc.collect()
gc.set_debug(0)
print(f"collected {n} objects; gc.garbage holds {len(gc.garbage)} objects")
'''

TRACE = '''import json, sys
sys.path.insert(0, ".")
NAMES = "@NAMES@"
from shoutlog.model import Launch, Roster, CrewMember, tide_window

N = int(sys.argv[1])
roster = Roster()
for n in NAMES.split(";")[:-1]:
    roster.add(CrewMember(n))  # the last name is missing from the roster


def slip(la):
    if not la.slipway_ok():
        print(f"{la.shout}: no slipway launch at {la.tide_m} m")
    return la.launched_at()


for k, line in enumerate(open("launches_0.jsonl", encoding="utf-8")):
    if k >= N:
        break
    la = Launch(**json.loads(line))
    slip(la)
    print(tide_window([la.tide_m, la.tide_m - 0.5]))
    try:
        roster.record(la)  # a crew member not on the roster raises KeyError
    except KeyError as e:
        print(f"{la.shout}: {e}")
late = [la.launch_min for la in roster.launches if la.launch_min > 30]
print(roster.busiest()[:3], "mean late launch:", sum(late) / len(late))
'''


def py(tmp: Path, name: str, body: str) -> None:
    (tmp / name).write_text(body)


# ================================================================== steps

def step_project(tmp: Path) -> None:
    write_project(tmp)


def step_faulthandler(tmp: Path) -> None:
    py(tmp, "pager_hang.py", HANG)
    cap("fh-timeout-small", "python3 pager_hang.py 2 once; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-timeout-repeat", "python3 pager_hang.py 8 repeat; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)
    cap("fh-timeout-many", "python3 -X faulthandler pager_hang.py 60 once 2>&1 | tail -n 400", tmp, n_fh_timeout,
        timeout=60)
    cap("fh-timeout-huge", "python3 pager_hang.py 140 once; echo EXIT=$?", tmp, n_fh_timeout, timeout=60)


def step_xdev(tmp: Path) -> None:
    py(tmp, "launch_leaks.py", XDEV)
    cap("xdev-plain", "python3 -X dev launch_leaks.py 6; echo EXIT=$?", tmp, n_xdev, timeout=120)
    cap("xdev-tracemalloc", "python3 -X dev -X tracemalloc=5 launch_leaks.py 12 2>&1 | tail -n 200", tmp, n_xdev,
        timeout=120)
    cap("xdev-many", "python3 -X dev launch_leaks.py 40 2>&1", tmp, n_xdev, timeout=120)


def step_tracemalloc(tmp: Path) -> None:
    py(tmp, "cache_growth.py", TMCMP)
    cap("tm-compare-10", "python3 cache_growth.py 10 lineno", tmp, n_tm_compare, timeout=120)
    cap("tm-compare-40", "python3 cache_growth.py 40 lineno", tmp, n_tm_compare, timeout=120)
    cap("tm-compare-filename", "python3 cache_growth.py 25 filename", tmp, n_tm_compare, timeout=120)


def step_unraisable(tmp: Path) -> None:
    py(tmp, "pager_release.py", UNRAIS)
    cap("unraisable-small", "python3 pager_release.py 3; echo EXIT=$?", tmp, n_unraisable, timeout=60)
    cap("unraisable-many", "python3 pager_release.py 40 2>&1 | tail -n 300", tmp, n_unraisable, timeout=60)
    cap("unraisable-big", "python3 pager_release.py 160 2>&1 | tail -n 1600", tmp, n_unraisable, timeout=60)
    cap("unraisable-xdev", "python3 -X dev pager_release.py 12; echo EXIT=$?", tmp, n_unraisable, timeout=60)


def step_gcleak(tmp: Path) -> None:
    py(tmp, "roster_cycles.py", GCLEAK)
    cap("gc-leak-small", "python3 roster_cycles.py 4", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-mid", "python3 roster_cycles.py 25", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-big", "python3 roster_cycles.py 80", tmp, n_gc_leak, timeout=60)
    cap("gc-leak-tail", "python3 roster_cycles.py 200 2>&1 | tail -n 600", tmp, n_gc_leak, timeout=60)


def step_trace(tmp: Path) -> None:
    py(tmp, "slip_check.py", TRACE.replace("@NAMES@", ";".join(CREW)))
    ign = f"--ignore-dir={STDLIB}"
    cap("trace-short", f"python3 -m trace --trace {ign} slip_check.py 3; echo EXIT=$?", tmp, n_trace_lines,
        timeout=120, typed="python3 -m trace --trace --ignore-dir=$(python3 -c 'import sysconfig;"
        "print(sysconfig.get_paths()[\"stdlib\"])') slip_check.py 3; echo EXIT=$?")
    cap("trace-tail", f"python3 -m trace --trace {ign} slip_check.py 60 2>&1 | tail -n 250", tmp, n_trace_lines,
        timeout=120)
    cap("trace-full", f"python3 -m trace --trace {ign} slip_check.py 14 2>&1", tmp, n_trace_lines, timeout=120)


def _pickles(tmp: Path) -> None:
    import pickle
    sys.path.insert(0, str(tmp))
    from shoutlog.model import Launch  # noqa: E402  (the round's own module)
    rows = [Launch(**r) for r in launches(SEED + 3, 6)]
    d = tmp / "pickles"
    d.mkdir(exist_ok=True)
    (d / "launches_p4.pkl").write_bytes(pickle.dumps(rows[:3], protocol=4))
    (d / "launches_p2.pkl").write_bytes(pickle.dumps(rows[:2], protocol=2))
    (d / "launches_p0.pkl").write_bytes(pickle.dumps(rows[:1], protocol=0))
    whole = pickle.dumps(rows, protocol=5)
    (d / "launches_cut.pkl").write_bytes(whole[: len(whole) * 2 // 3])
    bad = bytearray(pickle.dumps(rows[:4], protocol=4))
    bad[len(bad) // 2] = 0xFF
    (d / "launches_flipped.pkl").write_bytes(bytes(bad))
    sys.path.remove(str(tmp))


def step_pickletools(tmp: Path) -> None:
    _pickles(tmp)
    cap("pickletools-p4", "python3 -m pickletools -a pickles/launches_p4.pkl", tmp, n_pickletools, timeout=60)
    cap("pickletools-p0-p2", "python3 -m pickletools pickles/launches_p0.pkl pickles/launches_p2.pkl", tmp,
        n_pickletools, timeout=60)
    cap("pickletools-cut", "python3 -m pickletools pickles/launches_cut.pkl; echo EXIT=$?", tmp, n_pickletools,
        timeout=60)
    cap("pickletools-flipped", "python3 -m pickletools -m pickles/launches_flipped.pkl 2>&1 | tail -n 120", tmp,
        n_pickletools, timeout=60)


def _archives(tmp: Path) -> None:
    r = random.Random(SEED + 11)
    d = tmp / "archives"
    d.mkdir(exist_ok=True)
    exts = ["jsonl"] * 6 + ["log"] * 3 + ["csv", "txt", "png", "gpx"]
    for k in range(12):
        p = d / f"station_{k:02d}_2026.zip"
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
            for m in range(r.randint(4, 30)):
                body = "".join(f"{x['shout']},{x['cox']},{x['tide_m']}\n" for x in launches(SEED + k * 100 + m, r.randint(5, 80)))
                e = "jsonl" if m == 0 else r.choice(exts)
                z.writestr(f"launch_log/2026/{m:03d}.{e}", body)
        data = bytearray(p.read_bytes())
        if k in (3, 8):
            p.write_bytes(bytes(data[: len(data) // 2]))  # truncated: no central directory
        elif k in (5, 10):
            data[60] ^= 0x5A  # a flipped byte in the first member's data
            p.write_bytes(bytes(data))
    big = d / "launch_archive_full.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        for m in range(700):
            e = r.choice(exts)
            z.writestr(zipfile.ZipInfo(f"shouts/{2020 + m // 140}/shout_{m:04d}.{e}",
                                       date_time=(2020 + m // 140, 1 + m % 12, 1 + m % 28, m % 24, m % 60, 0)),
                       "x" * r.randint(40, 9000) if e != "gpx" else "y" * 120_000)
    # tar archives
    for name, n, mode in (("crew_rota.tar.gz", 120, "w:gz"), ("tide_tables.tar", 40, "w")):
        with tarfile.open(d / name, mode) as t:
            for m in range(n):
                e = r.choice(exts)
                body = ("rota " * r.randint(5, 900)).encode()
                ti = tarfile.TarInfo(f"rota/{m // 30:02d}/week_{m:03d}.{e}")
                ti.size, ti.mtime = len(body), 1767225600 + m * 86400
                ti.uname, ti.gname = ("root", "root") if m == 23 else ("coxswain", "crew")
                ti.mode = 0o777 if m == 31 else 0o600 if m == 7 else 0o644
                t.addfile(ti, io.BytesIO(body))
    raw = (d / "crew_rota.tar.gz").read_bytes()
    (d / "crew_rota_cut.tar.gz").write_bytes(raw[: len(raw) * 3 // 5])


def step_archives(tmp: Path) -> None:
    _archives(tmp)
    loop = 'for f in archives/station_*.zip; do echo "== $f"; python3 -m zipfile -t "$f" 2>&1; done'
    cap("zipfile-test-loop", loop, tmp, n_zip_test, timeout=300)
    loop2 = ('for f in archives/station_0[2-6]*.zip; do echo "== $f"; python3 -m zipfile -t "$f" 2>&1 | tail -n 3; '
             'done')
    cap("zipfile-test-tail", loop2, tmp, n_zip_test, timeout=300)
    cap("zipfile-list-full", "python3 -m zipfile -l archives/launch_archive_full.zip", tmp, n_zip_list, timeout=60)
    cap("zipfile-list-station", "python3 -m zipfile -l archives/station_07_2026.zip; "
        "python3 -m zipfile -l archives/station_03_2026.zip", tmp, n_zip_list, timeout=60)
    cap("tarfile-list-v", "python3 -m tarfile -v -l archives/crew_rota.tar.gz", tmp, n_tar_list, timeout=60)
    cap("tarfile-test-v", "python3 -m tarfile -v -t archives/tide_tables.tar", tmp, n_tar_list, timeout=60)
    cap("tarfile-list-cut", "python3 -m tarfile -v -l archives/crew_rota_cut.tar.gz; echo EXIT=$?", tmp, n_tar_list,
        timeout=60)
    cap("tarfile-list-plain", "python3 -m tarfile -l archives/crew_rota.tar.gz; python3 -m tarfile -t "
        "archives/crew_rota_cut.tar.gz; python3 -m tarfile -t archives/station_03_2026.zip; echo EXIT=$?", tmp,
        n_tar_list, timeout=60)


ENC = '''import json, sys, subprocess, tempfile, pathlib
sys.path.insert(0, ".")
from shoutlog.model import load

N = int(sys.argv[1])


def export_csv(rows, path):
    with open(path, "w") as f:
        for la in rows:
            f.write(f"{la.shout},{la.cox},{la.tide_m}\\n")


def read_back(path):
    return pathlib.Path(path).read_text().splitlines()


def git_like(path):
    return subprocess.run(["cat", path], capture_output=True, text=True).stdout


rows = load("launches_1.jsonl")[:N]
out = tempfile.mkdtemp()
for k in range(N // 20 + 1):
    p = f"{out}/export_{k}.csv"
    export_csv(rows, p)
    read_back(p)
    git_like(p)
print("exported", len(rows), "launches")
json.load(open("launches_missing.json"))
'''


def step_encoding(tmp: Path) -> None:
    py(tmp, "export_log.py", ENC)
    cap("encwarn-small", "python3 -X warn_default_encoding export_log.py 10; echo EXIT=$?", tmp, n_encwarn, timeout=60)
    cap("encwarn-many", "python3 -X warn_default_encoding -W always::EncodingWarning export_log.py 200 2>&1 | "
        "tail -n 150", tmp, n_encwarn, timeout=60)


def step_ast_tok(tmp: Path) -> None:
    cap("ast-model", "python3 -m ast shoutlog/model.py", tmp, n_ast, timeout=60)
    cap("ast-broken", "python3 -m ast shoutlog/model_broken.py; echo EXIT=$?", tmp, n_ast, timeout=60)
    cap("ast-stations-head", "python3 -m ast shoutlog/stations.py | head -n 1500", tmp, n_ast, timeout=60)
    cap("ast-stations-long", "python3 -m ast shoutlog/stations.py | head -n 3100", tmp, n_ast, timeout=60)
    cap("tokenize-model", "python3 -m tokenize -e shoutlog/model.py", tmp, n_tokenize, timeout=60)
    cap("tokenize-broken", 'for f in shoutlog/*.py; do echo "== $f"; python3 -m tokenize -e "$f" 2>&1 | tail -n 60; '
        'done', tmp, n_tokenize, timeout=60)
    cap("tokenize-stations", "python3 -m tokenize shoutlog/stations.py | head -n 1500", tmp, n_tokenize, timeout=60)


def step_filecmp(tmp: Path) -> None:
    r = random.Random(SEED + 21)
    a, b = tmp / "station_log", tmp / "station_log.bak"
    for k in range(9):
        for m in range(r.randint(3, 14)):
            body = "".join(f"{x['shout']} {x['cox']} {x['casualty']}\n" for x in launches(SEED + k * 50 + m, 6))
            rel = f"{2018 + k}/q{m % 4 + 1}/shouts_{m:02d}.log"
            for root in (a, b):
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(body)
            if r.random() < 0.15:
                (b / rel).write_text(body + "S999 late entry\n")
            elif r.random() < 0.06:
                (b / rel).unlink()
            elif r.random() < 0.05:
                (a / rel).with_suffix(".orig").write_text(body)
    (b / "2021" / "maroons").mkdir(parents=True, exist_ok=True)
    (a / "2021" / "maroons").write_text("a file where the backup has a directory\n")
    cap("filecmp-r", "python3 -m filecmp -r station_log station_log.bak", tmp, n_filecmp, timeout=60)
    cap("filecmp-years", "for y in 2019 2021 2024 2026; do python3 -m filecmp -r station_log/$y station_log.bak/$y; "
        "done", tmp, n_filecmp, timeout=60)


STEPS = [step_project, step_faulthandler, step_xdev, step_tracemalloc, step_unraisable, step_gcleak, step_trace,
         step_pickletools, step_archives, step_encoding, step_ast_tok, step_filecmp]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 20_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
