#!/usr/bin/env python3
"""Round 535: second samples of round 518's kinds (deadcode, eradicate, findimports, pydeps --show-deps /
--show-cycles, cohesion, vermin, crosshair check, richbench) on a harbour's bucket-ladder dredger's tooling
(`ladderdredger`: buckets, hoppers, dredgermen; seed 53510) with other faults than round 518's. No new rules: every
extractor is round 518's, imported. See NEEDLES.md, round 535.

Usage:   .venv/bin/python scripts/corpus/capture_wide535.py
Writes:  scripts/corpus/data/wide535.json, ids prefixed "wide535-".
Tools:   pydeps, deadcode, eradicate, findimports, cohesion, vermin, crosshair-tool, richbench in
         /dev/shm/hm-corpus-wide535/venv (made once).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide518 as w518  # noqa: E402
from capture_wide518 import (n_cohesion, n_crosshair, n_deadcode, n_eradicate, n_findimports,  # noqa: E402
                             n_findimports_unused, n_pydeps_cycles, n_pydeps_deps, n_richbench, n_vermin)

ROOT = Path("/dev/shm/hm-corpus-wide535")
TMP = Path("/dev/shm/hm-corpus-wide535-run")
VENV = ROOT / "venv"
OUT = HERE / "data" / "wide535.json"
SEED = 53510
PKG = "ladderdredger"
w518.PKG = PKG  # round 518's pydeps rules name "the project's package name"; nothing else of round 518 changes
S = cm.Sized(400, 120_000)
PY_TOOLS = w518.PY_TOOLS

# ================================================================== material (seed 53510)

SUBS = ["buckets", "hoppers", "crew"]
THEMES = ["buckets", "hoppers", "dredgermen", "ladders", "tumblers", "spoil", "soundings", "moorings", "chutes",
          "barges", "shifts", "logs", "pins", "links", "gantries", "sheerlegs", "spuds", "anchors", "pumps"]
CLASSES = ["Bucket", "Hopper", "Dredgerman", "Ladder", "Tumbler", "SpoilHeap", "Sounding", "Mooring", "Chute",
           "DumbBarge", "Shift", "DredgeLog", "BucketPin", "ChainLink", "Gantry", "Sheerleg", "Spud", "Anchor", "Pump"]
ATTRS = ["capacity", "fill", "depth", "pitch", "wear", "crew", "tonnage", "berth", "slope", "speed", "draught",
         "shift", "silt", "grade", "yardage", "torque", "lip", "gauge"]
MODERN = [
    ("from zoneinfo import ZoneInfo", "    tz = ZoneInfo('Europe/London')\n    return str(tz)"),
    ("import tomllib", "    return tomllib.loads('a = 1')['a'] + len(items)"),
    ("from dataclasses import dataclass",
     "    @dataclass(slots=True, kw_only=True)\n    class Load:\n        tons: int = 0\n"
     "    return Load(tons=len(items)).tons"),
    ("", "    return (len(items) + 7).bit_count()"),
    ("import itertools", "    return sum(b - a for a, b in itertools.pairwise(items))"),
    ("import asyncio",
     "    async def go():\n        async with asyncio.TaskGroup() as tg:\n"
     "            tg.create_task(asyncio.sleep(0))\n"
     "    return asyncio.run(go())"),
    ("from typing import Self", "    def me(x: Self) -> Self:\n        return x\n    return me"),
    ("import enum", "    class Grade(enum.StrEnum):\n        SILT = 'silt'\n    return Grade.SILT"),
    ("import contextlib", "    with contextlib.chdir('/'):\n        return len(items)"),
    ("", "    def width(x: int | None) -> int | str:\n        return x or ''\n    return width(len(items))"),
    ("", "    with (open('/dev/null') as a,\n          open('/dev/null') as b):\n        return a.name + b.name"),
    ("import math", "    return math.lcm(len(items) or 1, 6)"),
    ("", "    return str(items).removesuffix(']')"),
    ("", "    return sum(len(str(x)) for x in items)"),
]
COMMENTED_BLOCKS = [
    ["# SPOIL_GRADES = {", "#     'silt': 1.2,", "#     'gravel': 1.9,", "# }"],
    ["# for bucket in buckets:", "#     bucket.empty()", "#     total += bucket.capacity"],
    ["# from ladderdredger import legacy_pins"],
    ["# @functools.lru_cache(maxsize=32)"],
    ["# elif depth > LADDER_MAX:", "#     raise LadderTooShort(depth)"],
    ["# print('hopper fill', fill)"],
    ["# log.debug('tumbler at %s', rpm)"],
    ["# yardage = sum(b.fill for b in barges)", "# return yardage * 0.7646"],
    ["# barge = DumbBarge(tonnage=400)", "# barge.tow(to='spoil ground')"],
]


def mod_names(n: int) -> list[tuple[str, str]]:
    """(subpackage, module) for n modules."""
    out = []
    for i in range(n):
        t = THEMES[i % len(THEMES)]
        name = t if i < len(THEMES) else f"{t}_{i // len(THEMES)}"
        out.append((SUBS[i % len(SUBS)], name))
    return out


def module_text(rng: random.Random, mods: list[tuple[str, str]], i: int) -> str:
    sub, me = mods[i]
    feat_import, feat_body = MODERN[i % len(MODERN)]
    L = [f'"""Bucket-ladder dredger: {me.replace("_", " ")} ({sub})."""', "import os", "import sys"]
    if feat_import:
        L.append(feat_import)
    if rng.random() < 0.3:
        L += ["import functools", "import logging"]
    peers = rng.sample([m for m in mods if m != mods[i]], min(len(mods) - 1, rng.randint(1, 3)))
    nxt = mods[(i + 1) % len(mods)]
    if nxt not in peers and rng.random() < 0.5:
        peers.append(nxt)  # a ring through relative imports
    for psub, pmod in peers:
        L.append(f"from . import {pmod}" if psub == sub else f"from ..{psub} import {pmod}")
    if i % 7 == 3:
        L.append(f"from ladderdredger_plc import {me}_plc  # a module that does not exist")
    if i % 11 == 5:
        L.append("from ..buckets import *")
    L += [""]
    if rng.random() < 0.5:
        L += rng.choice(COMMENTED_BLOCKS[:3])
    L += ["", f"{me.upper()}_MAX = {rng.randint(5, 600)}", f"{me.upper()}_SPARE_RATIO = {rng.random():.2f}", ""]
    cls = CLASSES[i % len(CLASSES)] + (str(i // len(CLASSES)) if i >= len(CLASSES) else "")
    attrs = rng.sample(ATTRS, rng.randint(4, 7))
    L += ["", f"class {cls}Fault(Exception):", f'    """{cls} out of order."""', ""]
    L += ["", f"class {cls}:", f'    """One {cls} of the dredger."""', "", f"    limit = {me.upper()}_MAX", "",
          f"    def __init__(self, {', '.join(attrs)}):"]
    L += [f"        self.{a} = {a}" for a in attrs]
    L += ["", "    @property", f"    def {attrs[0]}_ratio(self):", f"        return self.{attrs[0]} / self.limit"]
    L += ["", "    @classmethod", "    def blank(cls):", f"        return cls({', '.join('0' for _ in attrs)})"]
    L += ["", "    @staticmethod", "    def tons(yards):", "        return yards * 1.3"]
    for k in range(rng.randint(2, 5)):
        used = rng.sample(attrs, rng.randint(0, 3))
        verb = rng.choice(["dredge", "tip", "sound", "moor", "grease", "shift", "weigh"])
        L += ["", f"    def {verb}_{k}(self, value):"]
        if rng.random() < 0.25:
            L += ["        " + c for c in rng.choice(COMMENTED_BLOCKS[3:])]
        if not used:
            L.append(f"        spare = value * {rng.randint(2, 9)}")
            L.append(f"        return value - {rng.randint(1, 9)}")
        else:
            L.append("        return value + " + " + ".join(f"len(str(self.{a}))" for a in used))
        if rng.random() < 0.3:
            L.append(f"        self.{used[0] if used else attrs[-1]} = value  # after return: unreachable")
    L += ["", f"    def check(self):", f"        if self.{attrs[1]} is None:",
          f"            raise {cls}Fault('{attrs[1]} unset')", f"            return False", "        return True", ""]
    for k in range(rng.randint(2, 3)):
        L += ["", f"def {me}_task_{k}(items):"]
        if k == 0:
            L.append(feat_body)
        else:
            if rng.random() < 0.4:
                L += ["    def _inner(x):", "        return x * 2", ""]
            if rng.random() < 0.3:
                L.append("    import json")
            L.append(f"    return len(items) + {rng.randint(1, 99)}")
    L += ["", "", f"def run_{me}():"]
    for psub, pmod in peers[:2]:
        L.append(f"    {pmod}.{pmod}_task_1([1, 2])")
    L.append(f"    return {me}_task_1([3])")
    return "\n".join(L) + "\n"


PY312 = '''"""Bucket-ladder dredger: typed soundings (written for Python 3.12)."""

type Fathoms = float
type Soundings[T] = list[tuple[T, Fathoms]]


class Lead[T]:
    """A sounding lead line."""

    def __init__(self, mark: T):
        self.mark = mark

    def cast(self, depth: Fathoms) -> tuple[T, Fathoms]:
        return (self.mark, depth)
'''


def make_pkg(root: Path, n: int, seed: int, py312: bool = False) -> Path:
    rng = random.Random(seed)
    mods = mod_names(n)
    files = {f"{PKG}/__init__.py": f'"""The bucket-ladder dredger\'s tooling."""\nfrom .buckets import {mods[0][1]}\n'}
    for s in SUBS:
        files[f"{PKG}/{s}/__init__.py"] = f'"""Dredger {s}."""\n'
    for i, (sub, me) in enumerate(mods):
        files[f"{PKG}/{sub}/{me}.py"] = module_text(rng, mods, i)
    if py312:
        files[f"{PKG}/crew/typed_soundings.py"] = PY312
    cm.write_tree(root, files)
    return root / PKG


CONTRACTS = '''
"""Bucket-ladder dredger contracts (PEP 316 docstrings), checked with crosshair."""
from typing import Dict, List


def buckets_to_fill(hopper_m3: int, bucket_l: int) -> int:
    """
    pre: hopper_m3 > 0
    pre: bucket_l > 0
    post: __return__ * bucket_l >= hopper_m3 * 1000
    """
    return hopper_m3 * 1000 // bucket_l


def last_bucket(chain: List[int]) -> int:
    """
    pre: len(chain) >= 0
    post: __return__ in chain
    """
    return chain[len(chain) - 1]


def spoil_grade(grades: Dict[str, int], name: str) -> int:
    """
    post: __return__ >= 0
    """
    return grades[name]


def ladder_reach(depth_m: int) -> int:
    """
    pre: depth_m > 30 and depth_m < 20
    post: __return__ > 0
    """
    return depth_m


def tumbler_turns(buckets: int, per_turn: int) -> int:
    """
    pre: buckets >= 0 and per_turn > 0
    post: __return__ * per_turn >= buckets
    """
    turns = 0
    while turns * per_turn < buckets - 1:
        turns += 1
    return turns


def shift_pay(hours: int, rate: int) -> int:
    """
    pre: 0 <= hours <= 12 and rate > 0
    post: __return__ >= hours * rate
    """
    return hours * rate + (hours - 8) * rate // 2 if hours > 8 else hours * rate
'''

ASSERTS = '''
"""Bucket-ladder dredger checks as leading asserts, checked with crosshair --analysis_kind=asserts."""
from typing import List


def mean_fill(fills: List[int]) -> float:
    assert len(fills) > 0
    mean = sum(fills) / len(fills)
    assert mean <= max(fills), "mean above the fullest bucket"
    return mean


def barge_trips(spoil_t: int, barge_t: int) -> int:
    assert spoil_t >= 0 and barge_t > 0
    trips = spoil_t // barge_t
    assert trips * barge_t >= spoil_t, "spoil left on the quay"
    return trips


def pin_index(pins: List[str], worn: int) -> str:
    assert worn >= 0
    return pins[worn]


def mooring_slack(cable_m: int, depth_m: int) -> int:
    assert cable_m > 0 and depth_m > 0
    slack = cable_m - depth_m
    assert slack >= 0, "cable shorter than the depth"
    return slack
'''

BENCH = '''
"""richbench benchmarks of the dredger's hot loops: {name}."""
import collections
import random
import struct

R = random.Random({seed})
FILLS = [R.randint(0, 900) for _ in range({n})]
FILLSET = set(FILLS[:{pool}])
PROBES = FILLS[::7][:300]


def queue_list():
    q = []
    for x in FILLS[:{q}]:
        q.insert(0, x)
    return q


def queue_deque():
    q = collections.deque()
    for x in FILLS[:{q}]:
        q.appendleft(x)
    return q


def member_list():
    pool = FILLS[:{pool}]
    return sum(1 for p in PROBES if p in pool)


def member_set():
    return sum(1 for p in PROBES if p in FILLSET)


def fmt_percent():
    return ["%d m3 at %s" % (x, "{name}") for x in FILLS]


def fmt_fstring():
    return [f"{{x}} m3 at {name}" for x in FILLS]


def pack_manual():
    return b"".join(x.to_bytes(2, "little") for x in FILLS)


def pack_struct():
    return struct.pack("<%dH" % len(FILLS), *FILLS)
{extra}

__benchmarks__ = [
    (queue_list, queue_deque, "{name}: bucket queue"),
    (member_list, member_set, "{name}: grade lookup"),
    (fmt_percent, fmt_fstring, "{name}: log lines"),
    (pack_manual, pack_struct, "{name}: telemetry frame"),
{extra_rows}]
'''

BENCH_EXTRA = '''

GRADES = {"silt": 1.2, "sand": 1.6}


def grade_old():
    return [GRADES["clay" if x > 450 else "silt"] for x in FILLS[:100]]


def grade_new():
    return [GRADES.get("silt") for x in FILLS[:100]]
'''

# ================================================================== steps

SIZES = {"s": 8, "m": 30, "l": 70, "xl": 140}


def pkgs(tmp: Path) -> dict[str, Path]:
    out = {}
    for label, n in SIZES.items():
        root = tmp / f"dredger-{label}"
        make_pkg(root, n, SEED + n)
        out[label] = root
    root = tmp / "dredger-py312"
    make_pkg(root, 20, SEED + 312, py312=True)
    out["py312"] = root
    return out


def step_static(tmp: Path) -> None:
    roots = pkgs(tmp)
    for label in ("s", "m", "l", "xl"):
        root = roots[label]
        S.cap(f"deadcode-{label}", f"deadcode --no-color {PKG}", root, n_deadcode, timeout=300)
        S.cap(f"eradicate-{label}", f"eradicate -r {PKG}", root, n_eradicate, timeout=300)
        S.cap(f"findimports-{label}", f"findimports {PKG}", root, n_findimports, timeout=300)
        S.cap(f"findimports-unused-{label}", f"findimports -u {PKG}", root, n_findimports_unused, timeout=300)
        S.cap(f"pydeps-deps-{label}", f"pydeps {PKG} --show-deps --no-output --no-config", root, n_pydeps_deps,
              timeout=300)
        S.cap(f"cohesion-{label}", f"cohesion -d {PKG}", root, n_cohesion, timeout=300)
        v = "-vvv" if label in ("s", "m") else "-vv"
        S.cap(f"vermin-{label}", f"vermin {v} --no-tips {PKG}", root, n_vermin, timeout=300)
    S.cap("pydeps-cycles-m", f"pydeps {PKG} --show-cycles --no-output --no-config --max-bacon 0", roots["m"],
          n_pydeps_cycles, timeout=300)
    S.cap("deadcode-xl-part", f"deadcode --no-color --exclude '{PKG}/crew/*' -- {PKG}", roots["xl"], n_deadcode,
          timeout=300)
    S.cap("pydeps-deps-xl-part", f"pydeps {PKG} --show-deps --no-output --no-config -x '{PKG}.crew.*'", roots["xl"],
          n_pydeps_deps, timeout=300)
    S.cap("vermin-target-l", f"vermin -vvv --no-tips -t=3.8- --violations {PKG}", roots["l"], n_vermin, timeout=300)
    S.cap("cohesion-below-xl", f"cohesion -d {PKG} -b 25", roots["xl"], n_cohesion, timeout=300)
    S.cap("findimports-names-l", f"findimports -N {PKG}", roots["l"], n_findimports, timeout=300)
    p = roots["py312"]
    S.cap("deadcode-py312", f"deadcode --no-color {PKG}", p, n_deadcode, timeout=300)
    S.cap("vermin-py312", f"vermin -vvv --no-tips {PKG}", p, n_vermin, timeout=300)
    S.cap("findimports-py312", f"findimports {PKG}", p, n_findimports, timeout=300)


def step_crosshair(tmp: Path) -> None:
    d = tmp / "contracts"
    cm.write_tree(d, {"dredger_contracts.py": CONTRACTS, "dredger_asserts.py": ASSERTS})
    S.cap("crosshair-pep316", "crosshair check --analysis_kind=PEP316 --per_condition_timeout=4 dredger_contracts.py",
          d, n_crosshair, timeout=240)
    S.cap("crosshair-asserts", "crosshair check --analysis_kind=asserts --per_condition_timeout=4 dredger_asserts.py",
          d, n_crosshair, timeout=240)
    S.cap("crosshair-report-all", "crosshair check --analysis_kind=PEP316,asserts --report_all "
          "--per_condition_timeout=3 dredger_contracts.py dredger_asserts.py", d, n_crosshair, timeout=300)


def step_richbench(tmp: Path) -> None:
    d, broken = tmp / "bench", tmp / "bench-broken"
    files = {}
    for k, (name, n) in enumerate([("buckets", 20000), ("hoppers", 8000), ("spoil", 30000), ("moorings", 5000),
                                   ("soundings", 12000), ("barges", 9000), ("pins", 6000), ("chutes", 15000)]):
        files[f"benchmarks/bench_{name}.py"] = BENCH.format(name=name, seed=SEED + k, n=n, q=n // 4, pool=n // 20,
                                                            extra="", extra_rows="")
    cm.write_tree(d, files)
    rows = '    (grade_old, grade_new, "gantries: spoil grade"),\n'
    cm.write_tree(broken, {"benchmarks/bench_buckets.py": files["benchmarks/bench_buckets.py"],
                           "benchmarks/bench_gantries.py": BENCH.format(name="gantries", seed=SEED + 9, n=8000, q=2000,
                                                                         pool=400, extra=BENCH_EXTRA, extra_rows=rows)})
    S.cap("richbench-all", "richbench benchmarks/ --repeat 2 --times 3", d, n_richbench, timeout=400)
    S.cap("richbench-markdown", "richbench benchmarks/ --markdown --percentage --repeat 2 --times 3", d, n_richbench,
          timeout=400)
    S.cap("richbench-one", "richbench benchmarks/ --benchmark spoil --repeat 3 --times 5", d, n_richbench,
          timeout=300)
    S.cap("richbench-broken", "richbench benchmarks/ --repeat 2 --times 3", broken, n_richbench, timeout=300)


def ensure_tools() -> None:
    cm.install_venv(VENV, "richbench", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps():
    return [step_static, step_crosshair, step_richbench]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide535-", OUT, TMP, bands=(4_000, 20_000))
