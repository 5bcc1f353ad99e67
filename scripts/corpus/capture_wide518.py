#!/usr/bin/env python3
"""Round 518: dead code, commented-out code, import graphs, class cohesion, minimum Python versions, contract
checking and benchmark tables (deadcode, eradicate, findimports, pydeps --show-deps / --show-cycles, cohesion,
vermin, crosshair check, richbench) on a chain ferry's tooling (`chainferry`, seed 51810) with faults put in. See
NEEDLES.md, round 518.

Usage:   .venv/bin/python scripts/corpus/capture_wide518.py
Writes:  scripts/corpus/data/wide518.json, ids prefixed "wide518-".
Tools:   pydeps, deadcode, eradicate, findimports, cohesion, vermin, crosshair-tool, richbench in
         /dev/shm/hm-corpus-wide518/venv (made once).
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, python_exceptions, shape  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide518")
TMP = Path("/dev/shm/hm-corpus-wide518-run")
VENV = ROOT / "venv"
OUT = HERE / "data" / "wide518.json"
SEED = 51810
PKG = "chainferry"
S = cm.Sized(400, 120_000)
kind = cm.kind
PY_TOOLS = ["pydeps", "deadcode", "eradicate", "findimports", "cohesion", "vermin", "crosshair-tool", "richbench"]

# ================================================================== extractors (fixed before capture)

ERR = re.compile(r"Error|error:")


def errors(lines):
    return python_exceptions(lines) + [ln for ln in lines if ERR.search(ln)]


def per_file(pairs):
    return cm.groups(pairs)


DC = re.compile(r"^(\S+?):\d+:\d+: (DC\d+)")


@kind("deadcode", "lint")
def n_deadcode(lines):
    """one any per (DC code, file) over the path:line:col: DCnn lines; every line naming an error (Error, error:); python_exceptions"""
    out = per_file(((m.group(2), m.group(1)), ln) for ln in lines if (m := DC.match(ln)))
    return out + errors(lines)


@kind("eradicate-diff", "lint")
def n_eradicate(lines):
    """diff_u_needles: the ---/+++ path lines, hunk headers, +/- lines of hunks < 10 changed lines"""
    return cm.diff_u_needles(lines)


FI_ERR = re.compile(r"error|warning|could not", re.I)


@kind("findimports", "listing")
def n_findimports(lines):
    """every module line (not indented, ending ':'); every line naming an error or warning (error, warning, could not, any case)"""
    out = [ln for ln in lines if ln and not ln[0].isspace() and ln.endswith(":")]
    return out + [ln for ln in lines if FI_ERR.search(ln)]


FI_FIND = re.compile(r"^(\S+?):\d+: ")


@kind("findimports-unused", "lint")
def n_findimports_unused(lines):
    """one any per file over the path:line: finding lines; every line naming an error or warning (error, warning, could not, any case)"""
    out = per_file((m.group(1), ln) for ln in lines if (m := FI_FIND.match(ln)))
    return out + [ln for ln in lines if FI_ERR.search(ln)]


@kind("pydeps-show-deps", "json")
def n_pydeps_deps(lines):
    """every line opening a module entry ("<name>": {) whose name starts with the package name; every line naming an error (Error, error:); python_exceptions"""
    pat = re.compile(r'^\s*"' + PKG + r'[^"]*":\s*\{')
    return [ln for ln in lines if pat.match(ln)] + errors(lines)


@kind("pydeps-show-cycles", "listing")
def n_pydeps_cycles(lines):
    """every non-blank line naming a module of the package (each cycle's members); every line naming an error (Error, error:); python_exceptions"""
    return [ln for ln in lines if ln.strip() and PKG in ln] + errors(lines)


@kind("cohesion", "table")
def n_cohesion(lines):
    """every line holding File:, Class: or Total:; every line ending in 0.00%"""
    return [ln for ln in lines if re.search(r"File:|Class:|Total:", ln) or re.search(r"(?<![\d.])0\.00%$", ln)]


V_SUM = ("Minimum required versions", "Incompatible versions", "Target versions not met")
V3 = re.compile(r"\b3\.(\d+)\b")


def max3(s):
    vs = [int(v) for v in V3.findall(s)]
    return max(vs) if vs else None


@kind("vermin", "build")
def n_vermin(lines):
    """summary lines (Minimum required versions, Incompatible versions, Target versions not met); lines naming an error; every .py file line whose highest 3.x equals the minimum's, with one any of its L<n> detail lines naming it"""
    out = [ln for ln in lines if ln.lstrip().startswith(V_SUM)]
    out += [ln for ln in lines if ERR.search(ln)]
    mins = [max3(ln) for ln in lines if ln.lstrip().startswith("Minimum required versions")]
    top = next((m for m in mins if m is not None), None)
    if top is None:
        return out
    for i, ln in enumerate(lines):
        if ln and not ln[0].isspace() and ln.rstrip().endswith(".py") and max3(ln) == top:
            out.append(ln)
            det = []
            for k in range(i + 1, len(lines)):
                if not lines[k][:1].isspace():
                    break
                if re.match(r"\s+L\d+", lines[k]) and max3(lines[k]) == top:
                    det.append(lines[k])
            out.append(any_of(det))
    return out


@kind("crosshair-check", "test")
def n_crosshair(lines):
    """every ': error:' line; ': warning:' lines one any per (message shape, file); python_exceptions"""
    out = [ln for ln in lines if ": error:" in ln]
    out += per_file(((shape(ln.split(": warning:", 1)[1]), ln.split(":", 1)[0]), ln)
                    for ln in lines if ": warning:" in ln)
    return out + python_exceptions(lines)


CELL = re.compile(r"[│┃|]")
NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?")


@kind("richbench", "table")
def n_richbench(lines):
    """rule 4 on the table rows (split on │ ┃ |, >= 3 cells): the header row (holding Benchmark), each numeric column's min and max rows (any on ties); lines naming Error, error:, Exception; python_exceptions"""
    out = []
    rows = []
    for ln in lines:
        cells = [c.strip() for c in CELL.split(ln)]
        cells = [c for c in cells if c]
        if len(cells) < 3:
            continue
        if "Benchmark" in ln:
            out.append(ln)
            continue
        rows.append((ln, cells))
    ncol = max((len(c) for _, c in rows), default=0)
    for j in range(ncol):
        vals = [(float(NUM.match(c[j]).group(0)), ln) for ln, c in rows if len(c) > j and NUM.match(c[j])]
        if len(vals) < 2:
            continue
        lo = min(v for v, _ in vals)
        hi = max(v for v, _ in vals)
        out.append(any_of([ln for v, ln in vals if v == lo]))
        out.append(any_of([ln for v, ln in vals if v == hi]))
    out += [ln for ln in lines if re.search(r"Error|error:|Exception", ln)]
    return out + python_exceptions(lines)


# ================================================================== material (seed 51810)

THEMES = ["chains", "ramps", "ferrymen", "tides", "tickets", "deck", "winches", "slipways", "tolls", "cables",
          "prows", "sheaves", "bollards", "lanterns", "manifests"]
CLASSES = ["ChainLink", "RampHinge", "Ferryman", "TideTable", "TicketRoll", "DeckPlan", "WinchDrum", "Slipway",
           "TollBooth", "CableGuide", "ProwFlap", "Sheave", "Bollard", "Lantern", "Manifest"]
ATTRS = ["pitch", "links", "wear", "load", "angle", "crew", "fare", "berth", "tension", "draught", "shift",
         "lamp", "gauge", "torque"]
MODERN = [
    "    if (n := len(items)) > 3:\n        return n\n",
    "    match items:\n        case []:\n            return 0\n        case [first, *_]:\n            return len(str(first))\n",
    "    try:\n        raise ExceptionGroup('ramp', [ValueError('hinge')])\n    except* ValueError:\n        return -1\n",
    "    label = f'{items=}'\n    return len(label)\n",
    "    return len(str(items).removeprefix('['))\n",
    "    merged = {'a': 1} | {'b': len(items)}\n    return len(merged)\n",
    "    return sum(len(str(x)) for x in items)\n",
]
COMMENTED = ["# tension = load * self.pitch / 9.81", "# return round(tension, 2)", "# print(f'debug {load}')",
             "# old_links = [l for l in links if l.wear > 0.4]", "# self.crew.append(name)",
             "# if berth is None:", "#     berth = default_berth()", "# fare = fare * 1.15",
             "# import pdb; pdb.set_trace()", "# winch.reverse(torque=300)"]


def module_text(rng: random.Random, names: list[str], i: int) -> str:
    me = names[i]
    others = [n for n in names if n != me]
    lines = [f'"""Chain ferry: {me.replace("_", " ")}."""', "import os", "import json", "import re",
             "import itertools" if rng.random() < 0.5 else "import math"]
    peers = rng.sample(others, min(len(others), rng.randint(1, 3)))
    nxt = names[(i + 1) % len(names)]
    if nxt not in peers and rng.random() < 0.6:
        peers.append(nxt)  # a ring of imports: cycles
    for p in peers:
        lines.append(f"import {PKG}.{p}" if p == nxt else f"from {PKG} import {p}")
    if rng.random() < 0.4:
        lines.append("from collections import OrderedDict, defaultdict")
    lines += ["", "", f"{me.upper()}_LIMIT = {rng.randint(10, 900)}", f"UNUSED_{me.upper()}_FACTOR = {rng.random():.3f}",
              ""]
    cls = CLASSES[i % len(CLASSES)] + (str(i // len(CLASSES)) if i >= len(CLASSES) else "")
    attrs = rng.sample(ATTRS, 4)
    lines += ["", f"class {cls}:", f'    """One {cls} of the ferry."""', "",
              f"    def __init__(self, {', '.join(attrs)}):"]
    lines += [f"        self.{a} = {a}" for a in attrs]
    for k in range(rng.randint(2, 5)):
        used = rng.sample(attrs, rng.randint(0, 3))
        lines += ["", f"    def {rng.choice(['check', 'haul', 'log', 'trim', 'adjust', 'count'])}_{k}(self, value):"]
        if not used:
            lines.append(f"        return value * {rng.randint(2, 9)}")
        else:
            lines.append("        return value + " + " + ".join(f"len(str(self.{a}))" for a in used))
    lines += ["", "    def legacy_tension(self, load):"]
    lines += ["        " + c for c in rng.sample(COMMENTED, rng.randint(1, 3))]
    lines += ["        return load", ""]
    for k in range(rng.randint(2, 4)):
        lines += ["", f"def {me}_ping_{k}(items):"]
        if rng.random() < 0.3:
            lines += ["    " + rng.choice(COMMENTED)]
        if k == 0:
            lines.append(MODERN[i % len(MODERN)].rstrip("\n"))
        lines.append(f"    return len(items) + {rng.randint(1, 99)}")
    if i % 3 == 0:
        lines += ["", "", f"def unused_{me}_helper(a, /, b=2):", f"    return a * b", ""]
    lines += ["", "", f"def {me}_main():"]
    for p in peers[:2]:
        ref = f"{PKG}.{p}" if p == nxt else p
        lines.append(f"    {ref}.{p}_ping_0([1, 2])")
    lines.append(f"    return {me}_ping_1([3])")
    return "\n".join(lines) + "\n"


def make_pkg(root: Path, n_modules: int, seed: int) -> Path:
    rng = random.Random(seed)
    names = []
    for i in range(n_modules):
        t = THEMES[i % len(THEMES)]
        names.append(t if i < len(THEMES) else f"{t}_{i // len(THEMES)}")
    pkg = root / PKG
    files = {f"{PKG}/__init__.py": f'"""The chain ferry\'s tooling."""\nfrom {PKG} import {names[0]}\n'}
    for i, n in enumerate(names):
        files[f"{PKG}/{n}.py"] = module_text(rng, names, i)
    cm.write_tree(root, files)
    return pkg


CONTRACTS = '''
"""Chain ferry contracts (PEP 316 docstrings and asserts), checked with crosshair."""
from typing import List


def links_needed(span_m: float, pitch_mm: int) -> int:
    """
    pre: span_m > 0
    pre: pitch_mm > 0
    post: __return__ * pitch_mm >= span_m * 1000
    """
    return int(span_m * 1000 // pitch_mm)


def ramp_angle(tide_cm: int, ramp_len_cm: int) -> float:
    """
    pre: ramp_len_cm > 0
    post: -45 <= __return__ <= 45
    """
    return tide_cm / ramp_len_cm * 45


def fare(cars: int, foot: int) -> int:
    """
    pre: cars >= 0 and foot >= 0
    post: __return__ >= 0
    """
    return cars * 450 + foot * 80 - (100 if cars > 3 else 0) * cars


def shift_hours(starts: List[int]) -> int:
    """
    pre: all(0 <= s < 24 for s in starts)
    post: __return__ <= 24
    """
    return sum(8 for _ in starts)


def berth_index(berths: List[str], name: str) -> int:
    """
    post: berths[__return__] == name
    """
    return berths.index(name) if name in berths else 0


def tension(load_kg: int, links: int) -> float:
    """
    pre: load_kg >= 0
    post: __return__ >= 0
    """
    return load_kg / links


def crew_ok(crew: List[str]) -> bool:
    """
    post: __return__ == (len(crew) >= 2)
    """
    return len(set(crew)) >= 2
'''

ASSERTS = '''
"""Chain ferry checks written as leading asserts, checked with crosshair --analysis_kind=asserts."""
from typing import List


def wear_ratio(worn: int, total: int) -> float:
    assert total > 0
    ratio = worn / total
    assert ratio <= 1.0, "more links worn than fitted"
    return ratio


def lantern_hours(sunset: int, sunrise: int) -> int:
    assert 0 <= sunset < 24 and 0 <= sunrise < 24
    hours = sunrise - sunset
    assert hours >= 0, "lanterns lit for negative hours"
    return hours


def manifest_total(weights: List[int]) -> int:
    assert all(w >= 0 for w in weights)
    total = sum(weights)
    assert total < 40000, "deck overloaded"
    return total


def winch_turns(metres: int) -> int:
    assert metres >= 0
    turns = metres * 3
    return turns
'''

BENCH = '''
"""richbench benchmarks of the chain ferry's hot loops: {name}."""
import random

R = random.Random({seed})
LINKS = [R.random() for _ in range({n})]


def sum_loop():
    t = 0.0
    for x in LINKS:
        t += x
    return t


def sum_builtin():
    return sum(LINKS)


def sort_copy():
    return sorted(LINKS)


def sort_inplace():
    a = list(LINKS)
    a.sort()
    return a


def join_plus():
    s = ""
    for x in LINKS[:2000]:
        s += str(x)
    return s


def join_join():
    return "".join(str(x) for x in LINKS[:2000])


def dict_loop():
    d = {{}}
    for i, x in enumerate(LINKS[:5000]):
        d[i] = x
    return d


def dict_comp():
    return {{i: x for i, x in enumerate(LINKS[:5000])}}
{extra}

__benchmarks__ = [
    (sum_loop, sum_builtin, "{name}: sum of link wear"),
    (sort_copy, sort_inplace, "{name}: sort links"),
    (join_plus, join_join, "{name}: join tickets"),
    (dict_loop, dict_comp, "{name}: index berths"),
{extra_rows}]
'''

BENCH_EXTRA = '''

def tension_old():
    return [x / 0 if x > 0.5 else x for x in LINKS[:100]]


def tension_new():
    return [x * 2 for x in LINKS[:100]]
'''


# ================================================================== steps

SIZES = {"s": 6, "m": 24, "l": 60, "xl": 150}


def pkgs(tmp: Path) -> dict[str, Path]:
    out = {}
    for label, n in SIZES.items():
        root = tmp / f"ferry-{label}"
        make_pkg(root, n, SEED + n)
        out[label] = root
    return out


def step_static(tmp: Path) -> None:
    roots = pkgs(tmp)
    for label, root in roots.items():
        S.cap(f"deadcode-{label}", f"deadcode --no-color {PKG}", root, n_deadcode, timeout=300)
        S.cap(f"eradicate-{label}", f"eradicate -r {PKG}", root, n_eradicate, timeout=300)
        S.cap(f"findimports-{label}", f"findimports {PKG}", root, n_findimports, timeout=300)
        S.cap(f"findimports-unused-{label}", f"findimports -u {PKG}", root, n_findimports_unused, timeout=300)
        S.cap(f"pydeps-deps-{label}", f"pydeps {PKG} --show-deps --no-output --no-config", root, n_pydeps_deps,
              timeout=300)
        S.cap(f"pydeps-cycles-{label}", f"pydeps {PKG} --show-cycles --no-output --no-config", root, n_pydeps_cycles,
              timeout=300)
        S.cap(f"cohesion-{label}", f"cohesion -d {PKG}", root, n_cohesion, timeout=300)
        v = "-vvv" if label in ("s", "m") else "-vv"
        S.cap(f"vermin-{label}", f"vermin {v} --no-tips {PKG}", root, n_vermin, timeout=300)
    S.cap("cohesion-below-xl", f"cohesion -d {PKG} -b 40", roots["xl"], n_cohesion, timeout=300)
    S.cap("deadcode-xl-part", f"deadcode --no-color --exclude 'chainferry/*_6.py' 'chainferry/*_7.py' "
          f"'chainferry/*_8.py' 'chainferry/*_9.py' -- {PKG}", roots["xl"], n_deadcode, timeout=300)
    S.cap("findimports-names-m", f"findimports -N {PKG}", roots["m"], n_findimports, timeout=300)
    S.cap("vermin-target-xl", f"vermin -vvv --no-tips -t=3.9- --violations {PKG}", roots["xl"], n_vermin, timeout=300)
    S.cap("cohesion-below-l", f"cohesion -d {PKG} -b 30", roots["l"], n_cohesion, timeout=300)
    S.cap("vermin-target-l", f"vermin -vvv --no-tips -t=3.8- --violations {PKG}", roots["l"], n_vermin, timeout=300)


def step_crosshair(tmp: Path) -> None:
    d = tmp / "contracts"
    cm.write_tree(d, {"ferry_contracts.py": CONTRACTS, "ferry_asserts.py": ASSERTS})
    S.cap("crosshair-pep316", "crosshair check --analysis_kind=PEP316 --per_condition_timeout=4 ferry_contracts.py",
          d, n_crosshair, timeout=240)
    S.cap("crosshair-asserts", "crosshair check --analysis_kind=asserts --per_condition_timeout=4 ferry_asserts.py",
          d, n_crosshair, timeout=240)
    S.cap("crosshair-report-all", "crosshair check --analysis_kind=PEP316,asserts --report_all "
          "--per_condition_timeout=3 ferry_contracts.py ferry_asserts.py", d, n_crosshair, timeout=300)


def step_richbench(tmp: Path) -> None:
    d, broken = tmp / "bench", tmp / "bench-broken"
    files = {}
    for k, (name, n) in enumerate([("links", 20000), ("tickets", 60000), ("berths", 5000), ("tolls", 30000),
                                   ("manifests", 10000), ("winches", 40000)]):
        files[f"benchmarks/bench_{name}.py"] = BENCH.format(name=name, seed=SEED + k, n=n, extra="", extra_rows="")
    cm.write_tree(d, files)
    rows = '    (tension_old, tension_new, "cables: tension"),\n'
    cm.write_tree(broken, {"benchmarks/bench_links.py": files["benchmarks/bench_links.py"],
                           "benchmarks/bench_cables.py": BENCH.format(name="cables", seed=SEED + 9, n=8000,
                                                                       extra=BENCH_EXTRA, extra_rows=rows)})
    S.cap("richbench-all", "richbench benchmarks/ --repeat 2 --times 3", d, n_richbench, timeout=300)
    S.cap("richbench-markdown", "richbench benchmarks/ --markdown --percentage --repeat 2 --times 3", d, n_richbench,
          timeout=300)
    S.cap("richbench-one", "richbench benchmarks/ --benchmark tickets --repeat 3 --times 5", d, n_richbench,
          timeout=300)
    S.cap("richbench-broken", "richbench benchmarks/ --repeat 2 --times 3", broken, n_richbench, timeout=300)


def ensure_tools() -> None:
    cm.install_venv(VENV, "richbench", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps():
    return [step_static, step_crosshair, step_richbench]


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, steps, "wide518-", OUT, TMP, bands=(4_000, 20_000))
