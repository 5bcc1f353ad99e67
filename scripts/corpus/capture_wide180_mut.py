"""Round 180, round 98's kinds: a greenhouse irrigation controller (`glasshouse`: watering, frost guard, nutrient
dosing) written here with weak tests and mistakes put in, widened by seeded bay modules: in Python through mutmut
(run, results, show) and cosmic-ray (exec, cr-report, dump); its control API (FastAPI, served by uvicorn on 127.0.0.1,
with bugs put in, widened by seeded bay operations) through schemathesis, tavern and dredd; in JavaScript through
Stryker (the jest runner, a break threshold, a failing initial run), fast-check under `node --test` and vitest, and
jsverify. The extractors are round 98's, imported. Run through capture_wide180.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide180 import DREDD, JS, TAV, VENV, cap
from capture_wide98_js import n_dredd, n_fc_node, n_fc_vitest, n_jsverify, n_stryker, n_stryker_initial
from capture_wide98_py import (n_cr_dump, n_cr_report, n_mutmut_results, n_mutmut_run, n_mutmut_show,
                               n_schemathesis, n_tavern)

# ------------------------------------------------------------------ the glasshouse package, weak tests

WATER = '''"""Watering: litres per bed, schedules, soil moisture."""

LITRES_PER_M2 = {"tomato": 4.0, "cucumber": 5.5, "lettuce": 2.0, "pepper": 3.5}
MAX_LITRES = 900.0
DRY_BELOW = 22


def litres(crop, area_m2, hot=False):
    base = LITRES_PER_M2[crop] * area_m2
    if hot:
        base = base * 1.3
    if base > MAX_LITRES:
        base = MAX_LITRES
    return round(base, 1)


def needs_water(moisture_pct, rain_mm=0):
    if rain_mm > 5:
        return False
    return moisture_pct <= DRY_BELOW  # bug: the sensor's dry band is strictly below 22


def cycles(minutes, per_cycle=15):
    if per_cycle <= 0:
        raise ValueError("a cycle needs at least one minute")
    full = minutes // per_cycle
    if minutes % per_cycle > 1:  # bug: a one-minute remainder is dropped
        full += 1
    return full


def valve_for(bed):
    if bed < 1:
        return None
    if bed <= 8:
        return "A"
    if bed < 16:  # bug: bed 16 belongs to valve B
        return "B"
    return "C"
'''

FROST = '''"""Frost guard: heater stages and vent limits."""


def heater_stage(temp_c, wind_kph=0):
    chill = temp_c - wind_kph / 10
    if chill < -4:
        return 3
    if chill < 0:
        return 2
    if chill < 3:
        return 1
    return 0


def vent_open_pct(temp_c, humidity):
    if temp_c < 12:
        return 0
    pct = (temp_c - 12) * 8
    if humidity > 85:
        pct += 10
    return min(pct, 100)


def dose_ml(ec_target, ec_now, tank_l):
    if ec_now >= ec_target:
        return 0
    return round((ec_target - ec_now) * tank_l * 0.9, 1)  # bug: the stock solution factor is 0.8
'''

TESTS = '''from glasshouse.water import litres, valve_for
from glasshouse.frost import heater_stage


def test_tomato_litres():
    assert litres("tomato", 10) == 40.0


def test_valve_a():
    assert valve_for(3) == "A"


def test_warm_no_heat():
    assert heater_stage(15) == 0
'''

CONFTEST = 'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))\n'

CROPS = ["tomato", "cucumber", "aubergine", "basil", "chilli", "melon", "strawberry", "pepper", "lettuce", "rocket"]


def bay_module(rnd: random.Random, b: int) -> tuple[str, str]:
    """A bay's module (three functions worth 25+ mutants) and a weak test touching two of them."""
    beds, lo, hi, rate = rnd.randint(6, 30), rnd.randint(14, 18), rnd.randint(24, 30), round(rnd.uniform(0.4, 2.5), 2)
    crop = rnd.choice(CROPS)
    src = f'''"""Bay {b}: {crop}."""

CROP = "{crop}"
BEDS = {beds}


def bay{b}_in_band(temp_c, night=False):
    if night:
        return {lo - 4} <= temp_c <= {hi - 6}
    return {lo} <= temp_c <= {hi}


def bay{b}_feed(litres, strong=False):
    ml = litres * {rate}
    if strong:
        ml = ml * 1.5
    if litres > 200:
        ml = ml - 20
    return round(ml, 1)


def bay{b}_status(beds_wet):
    dry = BEDS - beds_wet
    if dry > {beds // 3}:
        return CROP + " needs a round"
    return CROP + " ok, " + str(dry) + " dry"
'''
    test = f'''from glasshouse.bay_{b:02d} import bay{b}_in_band, bay{b}_feed


def test_bay{b}_band_midday():
    assert bay{b}_in_band({(lo + hi) // 2})


def test_bay{b}_feed_positive():
    assert bay{b}_feed(10) > 0
'''
    return src, test


PYPROJECT = '''[project]
name = "glasshouse"
version = "0.9.2"
requires-python = ">=3.9"

[tool.mutmut]
source_paths = ["src/glasshouse/"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider"]
'''


def make_glasshouse(root: Path, bays: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {"pyproject.toml": PYPROJECT, "conftest.py": CONFTEST, "src/glasshouse/__init__.py": "",
             "src/glasshouse/water.py": WATER, "src/glasshouse/frost.py": FROST, "tests/test_core.py": TESTS}
    for b in range(1, bays + 1):
        src, test = bay_module(rnd, b)
        files[f"src/glasshouse/bay_{b:02d}.py"] = src
        files[f"tests/test_bay_{b:02d}.py"] = test
    write_tree(root, files)


def mutmut(tmp: Path) -> None:
    big = tmp / "glasshouse"
    make_glasshouse(big, 6, 18011)
    cap("mutmut-run-glasshouse", "mutmut run", big, n_mutmut_run, timeout=900)
    cap("mutmut-results-glasshouse-exit", "mutmut results; echo EXIT=$?", big, n_mutmut_results)
    cap("mutmut-results-water-frost-grep", "mutmut results | grep -E 'water|frost|bay_0[13]'", big, n_mutmut_results)
    cap("mutmut-show-water-survivors",
        "for m in $(mutmut results 2>/dev/null | grep survived | grep -E 'water|frost' | head -n 12 | cut -d: -f1); "
        "do mutmut show $m; done", big, n_mutmut_show)
    small = tmp / "glasshouse-small"
    make_glasshouse(small, 1, 18012)
    cap("mutmut-run-small-tail-40-exit", "mutmut run 2>&1 | tail -n 40; echo EXIT=$?", small, n_mutmut_run,
        timeout=600)


CR_TOML = '''[cosmic-ray]
module-path = "{path}"
timeout = 10.0
excluded-modules = []
test-command = "{py} -m pytest -x -q -p no:cacheprovider tests/test_core.py"

[cosmic-ray.distributor]
name = "local"

[cosmic-ray.filters.operators-filter]
exclude-operators = ["core/ReplaceBinaryOperator_.*_(BitOr|BitAnd|BitXor|LShift|RShift|Pow|FloorDiv|Mod)",
                     "core/ReplaceComparisonOperator_.*_(Is|IsNot|In|NotIn)"]
'''


def cosmic_ray(tmp: Path) -> None:
    root = tmp / "glasshouse-cr"
    make_glasshouse(root, 0, 18013)
    (root / "cr.toml").write_text(CR_TOML.format(path="src/glasshouse/frost.py", py=VENV / "bin" / "python"))
    run("cosmic-ray init cr.toml frost.sqlite && cr-filter-operators frost.sqlite cr.toml"
        " && cosmic-ray exec cr.toml frost.sqlite", cwd=root, timeout=900)
    cap("cr-report-frost", "cr-report frost.sqlite", root, n_cr_report)
    cap("cr-report-frost-diff-surviving-tail-120", "cr-report --show-diff --surviving-only frost.sqlite | tail -n 120; "
        "echo EXIT=$?", root, n_cr_report)
    cap("cosmic-ray-dump-frost-head-60", "cosmic-ray dump frost.sqlite | head -n 60", root, n_cr_dump)


# ------------------------------------------------------------------ the control API: schemathesis, tavern, dredd

API_HEAD = '''"""glasshouse's control API, with bugs put in; {n} seeded bay operations widen it."""
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="glasshouse control", version="0.9.2")


class Run(BaseModel):
    bed: int = Field(ge=1, le=24)
    crop: str
    minutes: int = Field(ge=1, le=240)
    note: Optional[str] = None


class RunOut(BaseModel):
    id: int
    bed: int
    litres: float
    valve: str


class Sensor(BaseModel):
    name: str
    temp_c: float
    moisture: int = Field(ge=0, le=100)


RUNS: dict = {{}}
RATE = {{"tomato": 4.0, "cucumber": 5.5, "lettuce": 2.0}}


@app.post("/runs", response_model=RunOut, status_code=201)
def start_run(r: Run):
    litres = RATE[r.crop] * r.minutes / 10  # bug: an unknown crop is a 500
    i = len(RUNS) + 1
    RUNS[i] = r
    return {{"id": i, "bed": r.bed, "litres": litres, "valve": "A" if r.bed <= 8 else "B"}}


@app.get("/runs/{{rid}}", response_model=RunOut)
def get_run(rid: int):
    if rid not in RUNS:
        raise HTTPException(404, "no such run")  # bug: 404 is not documented
    r = RUNS[rid]
    return {{"id": rid, "bed": r.bed, "litres": None, "valve": "A"}}  # bug: litres is null


@app.get("/sensors/{{name}}", response_model=Sensor)
def sensor(name: str, offset: int = 0):
    return {{"name": name, "temp_c": 18.5, "moisture": 40 - offset}}  # bug: moisture can leave 0..100


@app.post("/frost/{{stage}}", status_code=204)
def frost(stage: int):
    heat = 100 // (3 - stage)  # bug: ZeroDivisionError at stage 3
    return None
'''


def api_source(n_bays: int, seed: int) -> str:
    rnd = random.Random(seed)
    body = [API_HEAD.format(n=n_bays)]
    for r in range(n_bays):
        b = f"bay{r + 1}"
        body.append(f'''

@app.get("/bays/{b}/band")
def band_{r}(hour: int = 12):
    temps = [{", ".join(str(rnd.randint(12, 26)) for _ in range(6))}]
    return {{"bay": "{b}", "target": temps[hour{" % 6" if rnd.random() < 0.6 else " // 4"}]}}


@app.get("/bays/{b}/feed")
def feed_{r}(litres: int = 10, strong: bool = False):
    ml = litres * {round(rnd.uniform(0.4, 2.5), 2)} * (1.5 if strong else 1)
    return {{"bay": "{b}", "ml": round(ml{" / litres" if rnd.random() < 0.35 else ""}, 1)}}


@app.get("/bays/{b}/sensor", response_model=Sensor)
def bay_sensor_{r}(dry: int = 0):
    return {{"name": "{b}", "temp_c": {round(rnd.uniform(14, 24), 1)},
            "moisture": {"60 - dry" if rnd.random() < 0.45 else "max(0, min(100, 60 - dry))"}}}
''')
    return "".join(body)


def start_api(tmp: Path, name: str, n_bays: int, seed: int, port: int) -> None:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "app.py").write_text(api_source(n_bays, seed))
    cm.start(f"{VENV}/bin/uvicorn app:app --host 127.0.0.1 --port {port} --log-level warning", cwd=d)
    for _ in range(40):
        if "openapi" in run(f"curl -s http://127.0.0.1:{port}/openapi.json | head -c 200", cwd=d):
            return
        time.sleep(0.5)


def schemathesis(tmp: Path) -> None:
    start_api(tmp, "api-big", 9, 18021, 18081)
    start_api(tmp, "api-small", 1, 18022, 18082)
    d, s = tmp / "api-big", tmp / "api-small"
    cap("schemathesis-run-31-ops-exit", "schemathesis run http://127.0.0.1:18081/openapi.json --max-examples 20 "
        "--seed 180; echo EXIT=$?", d, n_schemathesis, timeout=900)
    cap("schemathesis-run-small-get-tail-80", "schemathesis run http://127.0.0.1:18082/openapi.json --include-method GET "
        "--max-examples 30 --seed 1802 2>&1 | tail -n 80", s, n_schemathesis, timeout=600)


TAVERN_TESTS = {
    "test_runs.tavern.yaml": '''test_name: start a run then read it back
stages:
  - name: start watering bed 3
    request:
      url: http://127.0.0.1:18082/runs
      method: POST
      json: {bed: 3, crop: tomato, minutes: 20}
    response:
      status_code: 201
      save:
        json:
          rid: id
  - name: read the run
    request:
      url: "http://127.0.0.1:18082/runs/{rid}"
      method: GET
    response:
      status_code: 200
      json: {id: !int "{rid}", bed: 3, litres: 8.0, valve: A}
---
test_name: a melon run is refused
stages:
  - name: start watering melons
    request:
      url: http://127.0.0.1:18082/runs
      method: POST
      json: {bed: 5, crop: melon, minutes: 10}
    response:
      status_code: 422
---
test_name: frost stage three
stages:
  - name: full heat
    request:
      url: http://127.0.0.1:18082/frost/3
      method: POST
    response:
      status_code: 204
---
test_name: sensor moisture in range
stages:
  - name: north sensor
    request:
      url: http://127.0.0.1:18082/sensors/north?offset=55
      method: GET
    response:
      status_code: 200
      json: {name: north, temp_c: 18.5, moisture: 0}
---
test_name: bay one feed
stages:
  - name: twenty litres strong
    request:
      url: http://127.0.0.1:18082/bays/bay1/feed?litres=20&strong=true
      method: GET
    response:
      status_code: 200
      json: {bay: bay1, ml: 30.0}
''',
}


def tavern(tmp: Path) -> None:
    d = tmp / "tavern"
    write_tree(d, TAVERN_TESTS)
    (d / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    py = f"{TAV}/bin/python"
    cap("tavern-pytest-v-exit", f"{py} -m pytest -v; echo EXIT=$?", d, n_tavern, typed="python -m pytest -v; echo EXIT=$?")


SWAGGER = '''swagger: "2.0"
info: {title: glasshouse control, version: 0.9.2}
host: 127.0.0.1:18082
schemes: [http]
consumes: [application/json]
produces: [application/json]
paths:
  /runs:
    post:
      parameters:
        - {name: body, in: body, required: true, schema: {type: object, required: [bed, crop, minutes],
           properties: {bed: {type: integer}, crop: {type: string}, minutes: {type: integer}},
           example: {bed: 4, crop: basil, minutes: 15}}}
      responses:
        "201": {description: started, schema: {$ref: "#/definitions/RunOut"}}
  /runs/{rid}:
    get:
      parameters: [{name: rid, in: path, required: true, type: integer, x-example: 404}]
      responses:
        "200": {description: the run, schema: {$ref: "#/definitions/RunOut"}}
  /sensors/{name}:
    get:
      parameters:
        - {name: name, in: path, required: true, type: string, x-example: south}
        - {name: offset, in: query, required: false, type: integer, x-example: 70}
      responses:
        "200": {description: a reading, schema: {$ref: "#/definitions/Sensor"}}
  /frost/{stage}:
    post:
      parameters: [{name: stage, in: path, required: true, type: integer, x-example: 3}]
      responses:
        "204": {description: heating set}
  /bays/bay1/band:
    get:
      parameters: [{name: hour, in: query, type: integer, x-example: 9}]
      responses:
        "200":
          description: band
          schema: {type: object, required: [bay, target], properties: {bay: {type: string}, target: {type: string}}}
  /bays/bay1/feed:
    get:
      parameters: [{name: litres, in: query, type: integer, x-example: 0}]
      responses:
        "200":
          description: feed
          schema: {type: object, required: [bay, ml], properties: {bay: {type: string}, ml: {type: number}}}
definitions:
  RunOut:
    type: object
    required: [id, bed, litres, valve]
    properties: {id: {type: integer}, bed: {type: integer}, litres: {type: number}, valve: {type: string}}
  Sensor:
    type: object
    required: [name, temp_c, moisture]
    properties: {name: {type: string}, temp_c: {type: number}, moisture: {type: integer, minimum: 0, maximum: 100}}
'''


def dredd(tmp: Path) -> None:
    d = tmp / "dredd"
    d.mkdir()
    (d / "control.yaml").write_text(SWAGGER)
    dredd_bin = DREDD / "node_modules" / ".bin" / "dredd"
    cap("dredd-run-control-tail-100-exit", f"{dredd_bin} control.yaml http://127.0.0.1:18082 2>&1 | tail -n 100; "
        "echo EXIT=$?", d, n_dredd, typed="dredd control.yaml http://127.0.0.1:18082 2>&1 | tail -n 100; echo EXIT=$?",
        timeout=300)


# ------------------------------------------------------------------ the controller in JavaScript

CTRL_JS = r'''"use strict";
// glasshouse's controller rules, with mistakes put in (see the comments marked "bug").
const RATE = { tomato: 4.0, cucumber: 5.5, lettuce: 2.0 };

function litres(crop, area, hot) {
  let l = RATE[crop] * area;
  if (hot) l = l * 1.3;
  if (l > 900) l = 900;
  return Math.round(l * 10) / 10;
}

function heaterStage(temp, wind) {
  const chill = temp - (wind || 0) / 10;
  if (chill < -4) return 3;
  if (chill < 0) return 2;
  if (chill <= 3) return 1; // bug: 3 degrees needs no heat
  return 0;
}

function ventPct(temp, humidity) {
  if (temp < 12) return 0;
  let p = (temp - 12) * 8;
  if (humidity > 85) p += 10;
  return p; // bug: not capped at 100
}

function cycles(minutes, per) {
  return Math.floor(minutes / per) + (minutes % per > 1 ? 1 : 0); // bug: a one-minute remainder is dropped
}

function bedLabel(bed) {
  return "BED-" + String(bed).padStart(2, "0");
}

function parseBedLabel(label) {
  return Number(label.slice(4));
}

function sortReadings(rs) {
  return [...rs].sort(); // bug: "10.5" sorts before "9.0" (string order)
}

function doseMl(target, now, tank) {
  if (now >= target) return 0;
  return Math.round((target - now) * tank * 0.8 * 10) / 10;
}

module.exports = { litres, heaterStage, ventPct, cycles, bedLabel, parseBedLabel, sortReadings, doseMl };
'''

CTRL_TEST = r'''const c = require("../src/controller");
test("tomato litres", () => { expect(c.litres("tomato", 10, false)).toBe(40); });
test("warm needs no heat", () => { expect(c.heaterStage(15, 0)).toBe(0); });
test("bed label", () => { expect(c.bedLabel(7)).toBe("BED-07"); });
'''

CTRL_TEST_GOOD = CTRL_TEST + r'''test("hot litres", () => { expect(c.litres("lettuce", 10, true)).toBe(26); });
test("litres capped", () => { expect(c.litres("cucumber", 500, false)).toBe(900); });
test("litres just under cap", () => { expect(c.litres("tomato", 224, false)).toBe(896); });
test("stage 3", () => { expect(c.heaterStage(-5, 0)).toBe(3); expect(c.heaterStage(-4, 0)).toBe(2); });
test("stage 2", () => { expect(c.heaterStage(-1, 0)).toBe(2); expect(c.heaterStage(0, 0)).toBe(1); });
test("stage 1 edge", () => { expect(c.heaterStage(3, 0)).toBe(1); expect(c.heaterStage(4, 0)).toBe(0); });
test("wind chill", () => { expect(c.heaterStage(1, 20)).toBe(2); });
test("vent", () => { expect(c.ventPct(11, 50)).toBe(0); expect(c.ventPct(12, 50)).toBe(0); expect(c.ventPct(14, 90)).toBe(26);
  expect(c.ventPct(14, 85)).toBe(16); });
test("cycles", () => { expect(c.cycles(30, 15)).toBe(2); expect(c.cycles(32, 15)).toBe(3); });
test("parse label", () => { expect(c.parseBedLabel("BED-07")).toBe(7); });
test("sort", () => { expect(c.sortReadings(["b", "a"])).toEqual(["a", "b"]); });
test("dose", () => { expect(c.doseMl(2, 2, 100)).toBe(0); expect(c.doseMl(2, 1.5, 100)).toBe(40); expect(c.doseMl(2, 2.5, 10)).toBe(0); });
'''


def bay_js(rnd: random.Random, b: int) -> tuple[str, str]:
    lo, hi, rate, beds = rnd.randint(14, 18), rnd.randint(24, 30), round(rnd.uniform(0.4, 2.5), 2), rnd.randint(6, 30)
    crop = rnd.choice(CROPS)
    src = f'''"use strict";
const CROP = "{crop}";

function inBand(temp, night) {{
  if (night) return temp >= {lo - 4} && temp <= {hi - 6};
  return temp >= {lo} && temp <= {hi};
}}

function feed(litres, strong) {{
  let ml = litres * {rate};
  if (strong) ml = ml * 1.5;
  if (litres > 200) ml = ml - 20;
  return Math.round(ml * 10) / 10;
}}

function status(wet) {{
  const dry = {beds} - wet;
  if (dry > {beds // 3}) return CROP + " needs a round";
  return CROP + " ok, " + dry + " dry";
}}

module.exports = {{ inBand, feed, status }};
'''
    test = f'''const b = require("../src/bays/bay{b:02d}");
test("bay {b} in band at {(lo + hi) // 2}", () => {{ expect(b.inBand({(lo + hi) // 2}, false)).toBe(true); }});
'''
    return src, test


STRYKER = {"testRunner": "jest", "reporters": ["clear-text", "progress"], "mutate": ["src/**/*.js"],
           "coverageAnalysis": "perTest", "concurrency": 2, "timeoutMS": 3000, "tempDirName": ".stryker-tmp"}


def make_ctrl_js(root: Path, bays: int, seed: int, test: str = CTRL_TEST) -> None:
    rnd = random.Random(seed)
    files = {"package.json": json.dumps({"name": "glasshouse-ctrl", "version": "0.9.2", "private": True,
                                         "scripts": {"test": "jest"}}, indent=2) + "\n",
             "src/controller.js": CTRL_JS, "test/controller.test.js": test,
             "stryker.config.json": json.dumps(STRYKER, indent=2) + "\n"}
    for b in range(1, bays + 1):
        src, t = bay_js(rnd, b)
        files[f"src/bays/bay{b:02d}.js"] = src
        files[f"test/bay{b:02d}.test.js"] = t
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")


def stryker(tmp: Path) -> None:
    big = tmp / "ctrl-js"
    make_ctrl_js(big, 6, 18031)
    cap("stryker-run-jest-6-bays", "npx stryker run", big, n_stryker, timeout=900)
    good = tmp / "ctrl-good"
    make_ctrl_js(good, 0, 18032, CTRL_TEST_GOOD)
    brk = dict(STRYKER, thresholds={"high": 98, "low": 90, "break": 95})
    (good / "stryker.break.json").write_text(json.dumps(brk, indent=2) + "\n")
    cap("stryker-run-break-95-tail-80-exit", "npx stryker run stryker.break.json 2>&1 | tail -n 80; echo EXIT=$?",
        good, n_stryker, timeout=600)
    bad = tmp / "ctrl-bad"
    make_ctrl_js(bad, 2, 18033, CTRL_TEST + 'test("vent capped", () => { expect(c.ventPct(40, 90)).toBe(100); });\n'
                 'test("sorted numerically", () => { expect(c.sortReadings([9, 10.5])).toEqual([9, 10.5]); });\n')
    cap("stryker-initial-run-fails-exit", "npx stryker run; echo EXIT=$?", bad, n_stryker_initial, timeout=300)


PROPS = r'''import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import c from "../src/controller.js";

const SEED = __SEED__;

test("litres never exceed the 900 l cap", () => {
  fc.assert(fc.property(fc.constantFrom("tomato", "cucumber", "lettuce"), fc.integer({ min: 0, max: 1000 }), fc.boolean(),
    (crop, area, hot) => { assert.ok(c.litres(crop, area, hot) <= 900); }), { seed: SEED });
});

test("vents open at most 100 percent", () => {
  fc.assert(fc.property(fc.integer({ min: -10, max: 45 }), fc.integer({ min: 0, max: 100 }),
    (t, h) => { assert.ok(c.ventPct(t, h) <= 100, `vent ${c.ventPct(t, h)} at ${t} C`); }), { seed: SEED + 1 });
});

test("colder never means less heat", () => {
  fc.assert(fc.property(fc.integer({ min: -15, max: 20 }), (t) => {
    assert.ok(c.heaterStage(t - 1, 0) >= c.heaterStage(t, 0));
  }), { seed: SEED + 2 });
});

test("cycles cover every minute", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 30 }), (m, per) => {
    assert.ok(c.cycles(m, per) * per >= m, `${c.cycles(m, per)} cycles of ${per} for ${m} minutes`);
  }), { seed: SEED + 3 });
});

test("bed labels round-trip", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), (bed) => {
    assert.equal(c.parseBedLabel(c.bedLabel(bed)), bed);
  }), { seed: SEED + 4 });
});

test("readings sort numerically", () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 400 }).map((n) => n / 10), { minLength: 2, maxLength: 7 }), (rs) => {
    const s = c.sortReadings(rs);
    for (let i = 1; i < s.length; i++) assert.ok(s[i - 1] <= s[i], `${s[i - 1]} before ${s[i]}`);
  }), { seed: SEED + 5 });
});

test("a dose is never negative", () => {
  fc.assert(fc.property(fc.float({ min: 0, max: 4, noNaN: true }), fc.float({ min: 0, max: 4, noNaN: true }), fc.nat(500),
    (t, n, tank) => { assert.ok(c.doseMl(t, n, tank) >= 0); }), { seed: SEED + 6 });
});
'''


def fast_check(tmp: Path) -> None:
    d = tmp / "ctrl-props"
    make_ctrl_js(d, 0, 18041)
    (d / "package.json").write_text(json.dumps({"name": "glasshouse-props", "version": "0.9.2", "private": True},
                                               indent=2) + "\n")
    (d / "test" / "controller.test.js").unlink()
    (d / "test" / "props.test.mjs").write_text(PROPS.replace("__SEED__", "18041"))
    cap("fast-check-node-test-spec-exit", "node --test --test-reporter=spec test/; echo EXIT=$?", d, n_fc_node)
    cap("fast-check-node-test-tail-60", "node --test test/props.test.mjs 2>&1 | tail -n 60", d, n_fc_node)
    v = d / "vt"
    v.mkdir()
    (v / "props.test.mjs").write_text(PROPS.replace("__SEED__", "18042").replace('import test from "node:test";',
                                                                               'import { test } from "vitest";'))
    (d / "vitest.config.mjs").write_text('export default { test: { include: ["vt/**/*.test.mjs"] } };\n')
    cap("fast-check-vitest-run", "npx vitest run", d, n_fc_vitest, timeout=300)


JSV_SCRIPT = r'''"use strict";
const jsc = require("jsverify");
const c = require("./src/controller");

const props = {
  "litres capped": jsc.forall(jsc.nat(2000), (a) => c.litres("cucumber", a, true) <= 900),
  "vent at most 100": jsc.forall(jsc.integer(-5, 50), jsc.nat(100), (t, h) => c.ventPct(t, h) <= 100),
  "heat grows as it cools": jsc.forall(jsc.integer(-20, 20), (t) => c.heaterStage(t - 1, 0) >= c.heaterStage(t, 0)),
  "cycles cover minutes": jsc.forall(jsc.integer(1, 200), (m) => c.cycles(m, 15) * 15 >= m),
  "labels round-trip": jsc.forall(jsc.integer(1, 99), (b) => c.parseBedLabel(c.bedLabel(b)) === b),
  "readings sort numerically": jsc.forall(jsc.array(jsc.nat(300)), (ns) => {
    const s = c.sortReadings(ns.map((n) => n / 10));
    return s.every((x, i) => i === 0 || s[i - 1] <= x);
  }),
  "dose not negative": jsc.forall(jsc.nat(5), jsc.nat(5), jsc.nat(300), (t, n, k) => c.doseMl(t, n, k) >= 0),
  "wind only adds heat": jsc.forall(jsc.integer(-10, 10), jsc.nat(60), (t, w) => c.heaterStage(t, w) >= c.heaterStage(t, 0)),
  "hot litres at least cool litres": jsc.forall(jsc.nat(300), (a) => c.litres("tomato", a, true) >= c.litres("tomato", a, false)),
};
let failed = 0;
for (const [name, prop] of Object.entries(props)) {
  console.log(`checking ${name} ...`);
  const r = jsc.check(prop, { tests: 250, quiet: false });
  console.log(`property ${name}: ${r === true ? "ok" : "FAILED"}`);
  if (r !== true) failed++;
}
console.log(`${Object.keys(props).length} properties, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
'''


def jsverify(tmp: Path) -> None:
    d = tmp / "ctrl-jsv"
    make_ctrl_js(d, 0, 18051)
    (d / "check_props.js").write_text(JSV_SCRIPT)
    cap("jsverify-check-script-exit", "node check_props.js; echo EXIT=$?", d, n_jsverify)


STEPS = [mutmut, cosmic_ray, schemathesis, tavern, dredd, stryker, fast_check, jsverify]
