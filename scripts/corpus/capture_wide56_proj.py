"""Round 56's project: `velodock`'s code, dock inventory, history and JavaScript, written here with problems put in
and widened by seeded generators, run through round 55's kinds. Every extractor is the one round 55 used (round 38's
or round 31's), imported from round 55's capture module (NEEDLES.md "Round 56": no new rules). Run through
capture_wide56.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide55_hive import N_DOCSTRING_FIRST, N_GITLINT, N_JEST_COVERAGE, N_PY_COMPILE, N_PYKWALIFY
from capture_wide56 import cap

ZONES = ["harbour", "campus", "oldtown", "riverside", "station", "market", "stadium", "parkway", "docklands", "uptown",
         "hospital"]
MODELS = ["classic", "ebike", "cargo", "tandem"]


def inventory(rnd: random.Random, n: int) -> str:
    lines = ["docks:"]
    for k in range(n):
        d = {"code": f"D-{k:04d}", "zone": ZONES[k % len(ZONES)], "slots": rnd.randint(8, 40),
             "fill": round(rnd.uniform(0, 1), 2), "model": rnd.choice(MODELS), "charging": rnd.choice(["true", "false"])}
        if k % 5 == 1:
            d["slots"] = "many"
        if k % 6 == 2:
            d["zone"] = "airport"
        if k % 7 == 3:
            d["fill"] = 1.4
        if k % 8 == 5:
            del d["code"]
        if k % 9 == 6:
            d["model"] = "scooter"
        if k % 10 == 7:
            d["charging"] = "sometimes"
        if k % 12 == 4:
            d["owner"] = "city"
        lines.append("  - " + "\n    ".join(f"{a}: {b}" for a, b in d.items()))
    return "\n".join(lines) + "\n"


SCHEMA = """type: map
mapping:
  docks:
    type: seq
    required: true
    sequence:
      - type: map
        mapping:
          code: {type: str, required: true, pattern: "^D-[0-9]{4}$"}
          zone: {type: str, required: true, enum: [harbour, campus, oldtown, riverside, station, market, stadium, parkway, docklands, uptown, hospital]}
          slots: {type: int, range: {min: 6, max: 40}}
          fill: {type: float, range: {min: 0, max: 1}}
          model: {type: str, enum: [classic, ebike, cargo, tandem]}
          charging: {type: bool}
"""


def data_step(tmp: Path) -> None:
    root = tmp / "velodock"
    rnd = random.Random(5631)
    write_tree(root, {"data/docks.yaml": inventory(rnd, 110), "data/docks-east.yaml": inventory(rnd, 45),
                      "data/docks.kwalify.yaml": SCHEMA})
    cap("pykwalify-docks", "pykwalify -d data/docks.yaml -s data/docks.kwalify.yaml", root, N_PYKWALIFY)
    cap("pykwalify-docks-tail-60", "pykwalify -d data/docks.yaml -s data/docks.kwalify.yaml 2>&1 | tail -n 60", root,
        N_PYKWALIFY)
    cap("pykwalify-east-echo", "pykwalify -d data/docks-east.yaml -s data/docks.kwalify.yaml; echo EXIT=$?", root,
        N_PYKWALIFY)


DOC_BAD = [
    'import math\n"""Fill levels of docks."""\n\nFULL = 0.9\n',
    '"""Truck routes."""\n"""Night shift only."""\n\nROUTES = []\n',
    '#!/usr/bin/env python3\nimport sys\n\n"""Rebalancing entry point."""\n\nARGS = sys.argv\n',
    '"""Fares."""\n\nPEAK = 2.5\n\n"""Off-peak fare, a stray string."""\n',
    '"""Zones."""\n\nZONES = ()\n',
]


def half_edited(k: int) -> str:
    z = ZONES[k % len(ZONES)]
    shapes = [f"def fill_{k}(docks):\n    return [d.bikes / d.slots for d in docks\n",
              f"def route_{k}(stops):\n    while stops\n        stops.pop()\n",
              f"def fare_{k}(minutes):\n    if minutes > 30:\n        return 2.5\n      return 1.0\n",
              f"def zone_{k}():\n    return '{z}'\n",
              f"async def sync_{k}(client):\n    await = client.get('/docks')\n",
              f"def swap_{k}(battery):\n    print battery.level\n",
              f"class Truck{k}:\n    def load(self, n):\n        return n + \n"]
    return f'"""Planner notes for {z}."""\n\n' + shapes[k % len(shapes)]


def py_step(tmp: Path) -> None:
    root = tmp / "velodock"
    files = {}
    for k, body in enumerate(DOC_BAD * 4):
        files[f"velodock/core_{k:02d}.py"] = body.replace("= []", f"= [{k}]")
    for k in range(48):
        files[f"velodock/legacy/{ZONES[k % len(ZONES)]}_{k:02d}.py"] = DOC_BAD[k % 5].replace("= []", f"= [{k}]")
    for k in range(22):
        files[f"scratch/plan_{k:02d}.py"] = half_edited(k)
    write_tree(root, files)
    cap("check-docstring-first-core-echo", "check-docstring-first velodock/*.py; echo EXIT=$?", root, N_DOCSTRING_FIRST)
    cap("check-docstring-first-all-head-60", "check-docstring-first velodock/*.py velodock/legacy/*.py 2>&1 | "
        "head -n 60", root, N_DOCSTRING_FIRST)
    cap("py-compile-scratch-loop", 'for f in scratch/*.py; do python3 -m py_compile "$f" || echo "FAILED: $f"; done',
        root, N_PY_COMPILE, typed='for f in scratch/*.py; do python -m py_compile "$f" || echo "FAILED: $f"; done')
    cap("py-compile-scratch-tail-60", 'for f in scratch/*.py; do python3 -m py_compile "$f"; done 2>&1 | tail -n 60; '
        "echo EXIT=$?", root, N_PY_COMPILE,
        typed='for f in scratch/*.py; do python -m py_compile "$f"; done 2>&1 | tail -n 60; echo EXIT=$?')


MESSAGES = [
    "fix", "WIP: rebalancing", "Rebalance docks in the harbour zone when fill is above ninety percent at night.",
    "update\n", "trucks: add route\nno blank line before the body", "Add fares.", "fix fares\n\nok",
    "zones: merge oldtown and market into one planning area for the night shift of the trucks team",
    "batteries\tswap schedule", "Revert \"add fares\"", "fixup! zones", "tmp ", "charging: read docks\n\nThe docks "
    "now report whether each slot charges an e-bike, which the planner reads before it sends a truck anywhere near "
    "the stadium on match days because the crowd leaves all at once.",
]


def git_step(tmp: Path) -> None:
    root = tmp / "hist"
    rnd = random.Random(5632)
    root.mkdir(parents=True)
    run("git init -q -b main && git config user.name 'Ode Rider' && git config user.email ode@velodock.example",
        cwd=root)
    for k in range(84):
        (root / f"plan_{k % 5}.txt").write_text(f"move {k} {rnd.random()}\n")
        msg = MESSAGES[k % len(MESSAGES)] if k % 3 else rnd.choice(MESSAGES)
        (root / ".msg").write_text(msg + "\n")
        date = f"2026-{1 + k % 11:02d}-1{k % 9}T07:15:00"
        run(f"git add plan_{k % 5}.txt && git commit -q -F .msg --cleanup=verbatim --date '{date}'", cwd=root,
            env={"GIT_COMMITTER_DATE": date})
    (root / ".msg").unlink()
    cap("gitlint-commits-80-echo", "gitlint --commits HEAD~80..HEAD; echo EXIT=$?", root, N_GITLINT)
    cap("gitlint-commits-50-head-80", "gitlint --commits HEAD~50..HEAD 2>&1 | head -n 80", root, N_GITLINT)
    cap("gitlint-commits-20", "gitlint --commits HEAD~20..HEAD", root, N_GITLINT)


JS_SRC = '''function fillRatio(bikes, slots) {
  if (slots <= 0) throw new RangeError('slots must be positive');
  return Math.round((bikes / slots) * 100) / 100;
}
function needsTruck(ratio, hour) {
  if (hour >= 22 || hour < 5) return ratio > 0.9 || ratio < 0.1;
  return ratio > 0.95;
}
function fare(minutes, ebike) {
  const base = minutes <= 30 ? 1 : 1 + Math.ceil((minutes - 30) / 15) * 0.5;
  return ebike ? base * 2 : base;
}
function zoneOf(lat) {
  if (lat > 51.5) return 'north';
  if (lat > 51.4) return 'central';
  return 'south';
}
function legacyCode(id) { return 'D' + id; }
module.exports = { fillRatio, needsTruck, fare, zoneOf, legacyCode };
'''

JS_TEST = '''const v = require('../src/dock');
test('fill ratio rounds', () => { expect(v.fillRatio(7, 9)).toBe(0.78); });
test('fill ratio of empty dock', () => { expect(() => v.fillRatio(1, 0)).toThrow(RangeError); });
test('truck at night when full', () => { expect(v.needsTruck(0.92, 23)).toBe(true); });
test('truck in the day when nearly full', () => { expect(v.needsTruck(0.93, 12)).toBe(true); });
test('fare of a long ebike ride', () => { expect(v.fare(50, true)).toBe(4); });
test('zone of the river', () => { expect(v.zoneOf(51.45)).toBe('river'); });
'''


def js_step(tmp: Path) -> None:
    j = tmp / "velodock-js"
    rnd = random.Random(5633)
    files = {"src/dock.js": JS_SRC, "test/dock.test.js": JS_TEST,
             "package.json": json.dumps({"name": "velodock-js", "version": "0.3.0", "main": "src/dock.js",
                                         "jest": {"collectCoverageFrom": ["src/**/*.js"]}}, indent=2)}
    for k in range(20):
        z = ZONES[k % len(ZONES)]
        fns = "\n".join(f"function g{i}(n) {{ if (n % {i + 2} === 0) {{ return n / {i + 2}; }} return n + {i}; }}"
                        for i in range(rnd.randint(4, 10)))
        files[f"src/zones/{z}_{k}.js"] = fns + "\nmodule.exports = { g0, g1, g2, g3 };\n"
        if k % 4 == 1:
            files[f"test/{z}_{k}.test.js"] = (f"const m = require('../src/zones/{z}_{k}');\n"
                                             f"test('{z} g0', () => {{ expect(m.g0(4)).toBe(2); }});\n"
                                             f"test('{z} g1', () => {{ expect(m.g1(5)).toBe({k % 3 + 5}); }});\n")
    write_tree(j, files)
    cap("jest-coverage-velodock", "jest --coverage --ci 2>&1", j, N_JEST_COVERAGE, timeout=300,
        typed="npx jest --coverage --ci 2>&1")
    cap("jest-coverage-velodock-tail-60", "jest --coverage --ci 2>&1 | tail -n 60; echo EXIT=${PIPESTATUS[0]}", j,
        N_JEST_COVERAGE, timeout=300, typed="npx jest --coverage --ci 2>&1 | tail -n 60; echo EXIT=${PIPESTATUS[0]}")
    cap("jest-coverage-zones-only", "jest --coverage --ci test/campus_ test/uptown_ 2>&1", j, N_JEST_COVERAGE,
        timeout=300, typed="npx jest --coverage --ci test/campus_ test/uptown_ 2>&1")


STEPS = [data_step, py_step, git_step, js_step]
