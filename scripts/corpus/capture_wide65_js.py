"""Round 65, Node side: `tidewatch`, a coastal tide-gauge network's station library (its station modules widened by
a seeded generator, lint problems put in; a tide-level and flood-alert core with bugs put in), through ESLint 8's
junit formatter, its mocha / vitest / node:test / jest suites (failing tests put in) through mocha's xunit and dot
reporters, vitest's tap reporter, node --test with coverage and jest --coverage; a webpack dashboard build, a types
package packed locally (attw), an outdated package.json (ncu); its TypeScript half through tsc --explainFiles and
type-coverage, and its compiled surge-forecast CLI crashing under node --enable-source-maps. Every extractor is round
31's or round 44's, imported (NEEDLES.md "Round 65": no new rules). Run through capture_wide65.py."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide31_js import N_ATTW, N_JEST_COVERAGE, N_NCU, N_WEBPACK_JSON
from capture_wide44_js import N_ESLINT_JUNIT, N_MOCHA_DOT, N_MOCHA_XUNIT, N_NODE_TEST_COV, N_VITEST_TAP
from capture_wide44_ts import N_SOURCEMAPPED, N_TSC_EXPLAIN, N_TYPE_COV
from capture_wide65 import JS44, cap

ESLINTRC = {
    "root": True, "env": {"node": True, "es2021": True}, "parserOptions": {"ecmaVersion": 2021},
    "rules": {"no-unused-vars": "error", "no-undef": "error", "eqeqeq": "error", "no-dupe-keys": "error",
              "no-cond-assign": "error", "no-empty": "error", "no-console": "warn", "prefer-const": "warn",
              "no-var": "warn", "curly": "warn", "no-lonely-if": "warn", "dot-notation": "warn"},
}

STATIONS = ["dover", "whitby", "tenby", "oban", "lerwick", "newlyn", "harwich", "ilfracombe", "portrush", "holyhead",
            "wick", "sheerness", "fishguard", "lowestoft"]
SENSORS = ["radar", "bubbler", "float", "pressure", "acoustic", "gnss"]
NOCOLOR = {"NO_COLOR": "1", "FORCE_COLOR": "0", "TERM": "dumb"}


def gen_station(rng: random.Random, k: int) -> str:
    st = STATIONS[k % len(STATIONS)]
    out = [f"// station {st}-{k}: tide readings, datum offsets and alert thresholds", "'use strict';", "",
           "const { datum } = require('../datum');", ""]
    names = []
    for j in range(rng.randint(2, 6)):
        sensor = rng.choice(SENSORS)
        fn = f"{st}{sensor.capitalize()}{k}_{j}"
        names.append(fn)
        out.append(f"function {fn}(reading, cfg) {{")
        bug = rng.random()
        out.append(f"  {'var' if bug < 0.12 else 'let'} level = reading.value - datum('{sensor}');")
        if bug < 0.25:
            out.append(f"  if (reading.sensor == '{sensor}') level += cfg['offset'];")
        else:
            out.append(f"  if (reading.sensor === '{sensor}') {{ level += cfg.offset || 0; }}")
        if 0.25 <= bug < 0.37:
            out.append("  const spare = cfg.spare * 2;")
        if 0.37 <= bug < 0.46:
            out.append(f"  console.log('reading', reading.id, 'at {st}');")
        if 0.46 <= bug < 0.52:
            out.append("  try { level = Number(level); } catch (e) {}")
        if 0.52 <= bug < 0.58:
            out.append(f"  return level * {st}Gain;")
        elif 0.58 <= bug < 0.64:
            out.append("  let flag;\n  if (flag = level > cfg.alert) { return -level; }")
            out.append("  return level;")
        elif 0.64 <= bug < 0.68:
            out.append(f"  const limits = {{ high: 5.2, low: -0.4, high: 6.1 }};\n  return Math.min(level, limits.high);")
        else:
            out.append(f"  return Math.round(level * 1000) / 1000;")
        out.append("}")
        out.append("")
    out.append(f"module.exports = {{ station: '{st}', {', '.join(names)} }};")
    return "\n".join(out) + "\n"


DATUM = """'use strict';
const OFFSET = { radar: 0.012, bubbler: 0.030, float: 0.0, pressure: 0.045, acoustic: 0.020, gnss: 0.005 };
function datum(sensor) {
  return OFFSET[sensor] || 0;
}
module.exports = { datum, OFFSET };
"""

TIDES = """'use strict';

// mean of readings in metres, ignoring null gaps
function meanLevel(readings) {
  const ok = readings.filter(r => r !== null);
  return ok.reduce((s, r) => s + r, 0) / readings.length;     // bug: divides by all readings, gaps included
}

// surge = observed - predicted, rounded to the centimetre
function surge(observed, predicted) {
  return Math.round((observed - predicted) * 100) / 100;
}

// alert level: 0 none, 1 watch above 4.5 m, 2 warning above 5.0 m, 3 severe above 5.6 m
function alertLevel(level) {
  if (level > 5.6) return 3;
  if (level > 5.0) return 2;
  if (level >= 4.6) return 1;                                 // bug: the watch threshold is 4.5
  return 0;
}

// high waters from a 10-minute series: indices of local maxima
function highWaters(series) {
  const out = [];
  for (let i = 1; i < series.length - 1; i++) {
    if (series[i] > series[i - 1] && series[i] > series[i + 1]) out.push(i);
  }
  return out;
}

// minutes between two HH:MM times, over midnight too
function minutesBetween(a, b) {
  const [ah, am] = a.split(':').map(Number);
  const [bh, bm] = b.split(':').map(Number);
  return (bh * 60 + bm) - (ah * 60 + am);                     // bug: negative over midnight
}

module.exports = { meanLevel, surge, alertLevel, highWaters, minutesBetween };
"""


def _case(rng: random.Random, k: int):
    """(title, expression, expected JSON) of one tides test; the expected value is the spec's (the bugs break some)."""
    r = rng.random()
    if r < 0.3:
        vals = [round(rng.uniform(0.5, 6.0), 2) for _ in range(rng.randint(3, 8))]
        gaps = rng.random() < 0.5
        series = vals + ([None] if gaps else [])
        exp = sum(vals) / len(vals)
        return (f"averages {len(vals)} readings{' with a gap' if gaps else ''} #{k}",
                f"Math.round(meanLevel({json.dumps(series)}) * 1000)", str(round(exp * 1000)))
    if r < 0.5:
        lv = rng.choice([4.5, 4.55, 4.8, 5.0, 5.3, 5.6, 5.9, 3.2, 4.59])
        exp = 3 if lv > 5.6 else 2 if lv > 5.0 else 1 if lv > 4.5 else 0
        return (f"rates a {lv} m level #{k}", f"alertLevel({lv})", str(exp))
    if r < 0.65:
        o, p = round(rng.uniform(1, 6), 2), round(rng.uniform(1, 6), 2)
        return (f"computes the surge of {o} m over {p} m #{k}", f"surge({o}, {p})", json.dumps(round(o - p, 2)))
    if r < 0.8:
        n = rng.randint(20, 60)
        series = [round(3 + 2 * math.sin(i / 6.2), 3) for i in range(n)]
        exp = [i for i in range(1, n - 1) if series[i] > series[i - 1] and series[i] > series[i + 1]]
        return (f"finds high waters in {n} samples #{k}", f"highWaters({json.dumps(series)}).length", str(len(exp)))
    a, b = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    ah, am = map(int, a.split(":"))
    bh, bm = map(int, b.split(":"))
    return (f"counts minutes from {a} to {b} #{k}", f"minutesBetween('{a}', '{b}')",
            str((bh * 60 + bm - ah * 60 - am) % 1440))


def write_project(tmp: Path, seed: int, n_stations: int, n_cases: int) -> Path:
    rng = random.Random(seed)
    root = tmp / f"tw{seed}"
    files = {"package.json": json.dumps({"name": "tidewatch", "version": "2.4.0", "private": True,
                                          "main": "lib/tides.js",
                                          "jest": {"collectCoverageFrom": ["lib/**/*.js"], "testMatch":
                                                   ["**/jtest/**/*.test.js"]}}, indent=2),
             ".eslintrc.json": json.dumps(ESLINTRC, indent=2), "lib/datum.js": DATUM, "lib/tides.js": TIDES,
             "vitest.config.mjs": "export default { test: { include: ['test/vitest/**/*.test.mjs'] } };\n"}
    for k in range(n_stations):
        files[f"lib/stations/{STATIONS[k % len(STATIONS)]}_{k:02d}.js"] = gen_station(rng, k)
    cases = [_case(rng, k) for k in range(n_cases)]
    per = rng.choice([5, 8, 10])
    imp = "const { meanLevel, surge, alertLevel, highWaters, minutesBetween } = "
    for g in range(0, len(cases), per):
        chunk, n = cases[g:g + per], g // per + 1
        suite = f"tides {['levels', 'alerts', 'surges', 'series'][n % 4]} {n}"
        m = ["'use strict';", "const assert = require('assert');", imp + "require('../../lib/tides');", "",
             f"describe('{suite}', function () {{"]
        m += [f"  it('{t}', function () {{\n    assert.strictEqual({e}, {w});\n  }});" for t, e, w in chunk]
        files[f"test/mocha/tides{n:02d}.spec.js"] = "\n".join(m + ["});"]) + "\n"
        v = ["import { describe, it, expect } from 'vitest';", "import tides from '../../lib/tides.js';",
             imp + "tides;", "", f"describe('{suite}', () => {{"]
        v += [f"  it('{t}', () => {{\n    expect({e}).toBe({w});\n  }});" for t, e, w in chunk]
        files[f"test/vitest/tides{n:02d}.test.mjs"] = "\n".join(v + ["});"]) + "\n"
        t_ = ["'use strict';", "const { describe, it } = require('node:test');", "const assert = require('node:assert');",
              imp + "require('../lib/tides');", "", f"describe('{suite}', () => {{"]
        t_ += [f"  it('{t}', () => {{\n    assert.equal({e}, {w});\n  }});" for t, e, w in chunk]
        files[f"ntest/tides{n:02d}.test.js"] = "\n".join(t_ + ["});"]) + "\n"
        j = [imp + "require('../lib/tides');", "", f"describe('{suite}', () => {{"]
        j += [f"  test('{t}', () => {{\n    expect({e}).toBe({w});\n  }});" for t, e, w in chunk]
        files[f"jtest/tides{n:02d}.test.js"] = "\n".join(j + ["});"]) + "\n"
    loader = ("const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(__dirname, '../lib/stations');\n")
    files["ntest/stations.test.js"] = ("'use strict';\nconst { it } = require('node:test');\nconst assert = require('node:assert');\n"
                                       + loader + "it('loads every station module', () => {\n"
                                       "  for (const f of fs.readdirSync(dir)) assert.ok(require(path.join(dir, f)).station);\n});\n")
    # jest loads every other station module and calls its first reader, so coverage varies row by row
    files["jtest/stations.test.js"] = (loader + "const names = fs.readdirSync(dir).sort();\n"
                                       "test.each(names.filter((_, i) => i % 2 === 0))('station %s reads', (f) => {\n"
                                       "  const m = require(path.join(dir, f));\n"
                                       "  const fn = Object.values(m).find(v => typeof v === 'function');\n"
                                       "  expect(typeof fn({ value: 3.2, sensor: 'radar', id: 1 }, { offset: 0.1, alert: 5 })).toBe('number');\n});\n")
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS44 / "node_modules")
    return root


def lint(tmp: Path) -> None:
    a = write_project(tmp, 6501, 12, 10)
    b = write_project(tmp, 6502, 26, 10)
    cap("eslint-junit-stations", "npx eslint -f junit lib/stations; echo EXIT=$?", a, N_ESLINT_JUNIT)
    cap("eslint-junit-lib-head-80", "npx eslint --format junit lib | head -n 80", b, N_ESLINT_JUNIT)
    cap("eslint-junit-lib", "npx eslint -f junit lib 2>&1", b, N_ESLINT_JUNIT)


def tests(tmp: Path) -> None:
    a = write_project(tmp, 6511, 5, 24)
    b = write_project(tmp, 6512, 10, 110)
    c = write_project(tmp, 6513, 36, 60)
    cap("mocha-xunit-tides", "npx mocha --reporter xunit test/mocha; echo EXIT=$?", a, N_MOCHA_XUNIT)
    cap("mocha-xunit-tides-head-80", "npx mocha -R xunit test/mocha 2>&1 | head -n 80", b, N_MOCHA_XUNIT)
    cap("mocha-dot-tides", "npx mocha -R dot test/mocha", a, N_MOCHA_DOT)
    cap("mocha-dot-tides-head-80", "npx mocha --reporter dot test/mocha 2>&1 | head -n 80", b, N_MOCHA_DOT)
    cap("vitest-tap-tides", "npx vitest run --reporter=tap 2>&1", a, N_VITEST_TAP, env=NOCOLOR)
    cap("vitest-tap-tides-head-80", "npx vitest run --reporter=tap | head -n 80", b, N_VITEST_TAP, env=NOCOLOR)
    cap("node-test-coverage-tides", "node --test --experimental-test-coverage ntest/ 2>&1", a, N_NODE_TEST_COV)
    cap("node-test-coverage-tides-exit", "node --test --experimental-test-coverage --test-reporter=spec ntest/; "
        "echo EXIT=$?", c, N_NODE_TEST_COV)
    cap("jest-coverage-tides", "jest --coverage --ci 2>&1", a, N_JEST_COVERAGE, timeout=300, env=NOCOLOR,
        typed="npx jest --coverage --ci 2>&1")
    cap("jest-coverage-stations-large", "jest --coverage --ci 2>&1", c, N_JEST_COVERAGE, timeout=300, env=NOCOLOR,
        typed="npx jest --coverage --ci 2>&1")
    cap("jest-coverage-tides-tail-60", "jest --coverage --ci 2>&1 | tail -n 60", b, N_JEST_COVERAGE, timeout=300,
        env=NOCOLOR, typed="npx jest --coverage --ci 2>&1 | tail -n 60")


OLD_DEPS = {"express": "^4.16.0", "moment": "^2.22.0", "lodash": "^4.17.4", "axios": "^0.21.1", "chalk": "^2.4.2",
            "commander": "^4.1.1", "yargs": "^13.3.0", "uuid": "^3.4.0", "node-fetch": "^2.6.1", "pg": "^7.18.2",
            "knex": "^0.21.0", "winston": "^2.4.5", "d3": "^5.16.0", "date-fns": "^1.30.1", "socket.io": "^2.4.1",
            "csv-parse": "^4.16.0", "mqtt": "^3.0.0", "joi": "^14.3.1", "rimraf": "^2.7.1", "glob": "^7.1.6"}
OLD_DEV = {"mocha": "^7.2.0", "chai": "^4.2.0", "sinon": "^7.5.0", "eslint": "^6.8.0", "typescript": "~4.1.6",
           "ts-node": "^8.10.2", "@types/node": "^14.18.0", "rollup": "^1.32.1", "prettier": "^2.0.5",
           "nodemon": "^2.0.4", "husky": "^3.1.0"}


def ncu(tmp: Path) -> None:
    d = tmp / "tw-ncu"
    write_tree(d, {"package.json": json.dumps({"name": "tidewatch-portal", "version": "1.7.3", "private": True,
                                               "dependencies": OLD_DEPS, "devDependencies": OLD_DEV}, indent=2)})
    cap("ncu-tidewatch-portal", "ncu 2>&1; echo EXIT=$?", d, N_NCU, timeout=300, env=NOCOLOR)
    cap("ncu-tidewatch-portal-group", "ncu --format group 2>&1", d, N_NCU, timeout=300, env=NOCOLOR)


WEBPACK_CONFIG = """const path = require('path');
module.exports = {
  mode: 'production',
  entry: { gauges: './src/gauges.js', alerts: './src/alerts.js', map: './src/map.js' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js' },
  performance: { hints: 'warning', maxAssetSize: %d, maxEntrypointSize: %d },
};
"""


def bundles(tmp: Path) -> None:
    rng = random.Random(6521)
    for tag, n, lim in (("small", 40, 12000), ("big", 160, 30000)):
        w = tmp / f"tw-web-{tag}"
        series = "\n".join(f"export const gauge{i} = {{station: '{STATIONS[i % len(STATIONS)]}', datum: "
                           f"{rng.uniform(-1, 1):.3f}, note: 'gauge {i} {'t' * 60}'}};" for i in range(n))
        write_tree(w, {"webpack.config.js": WEBPACK_CONFIG % (lim, lim + 5000),
                       "src/series.js": series,
                       "src/gauges.js": "import * as s from './series';\nimport { fmt } from './fmt';\n"
                                        "console.log(Object.keys(s).length, fmt(1.23));\n",
                       "src/fmt.js": "export const fmt = (m) => `${m.toFixed(2)} m`;\n",
                       "src/alerts.js": "import { fmt } from './fmt';\nimport { siren } from './siren';\n"
                                        "export const raise = (lv) => { if (lv > 5) siren(fmt(lv)) };\n",
                       "src/map.js": "import L from 'leaflet';\nimport { fmt } from './fmt';\n"
                                     "const pins = [1, 2, 3].map(x => fmt(x);\nconsole.log(L, pins);\n",
                       "package.json": '{"name": "tidewatch-web", "version": "2.4.0"}\n'})
    cap("webpack-json-tw-small", "webpack --json 2>/dev/null | jq . | tail -n 60", tmp / "tw-web-small",
        N_WEBPACK_JSON, timeout=300, typed="npx webpack --json 2>/dev/null | jq . | tail -n 60")
    cap("webpack-json-tw-big-errors", "webpack --json 2>&1 | jq '{errors, warnings, errorsCount, warningsCount, "
        "assets: [.assets[] | {name, size}]}'", tmp / "tw-web-big", N_WEBPACK_JSON, timeout=300,
        typed="npx webpack --json 2>&1 | jq '{errors, warnings, errorsCount, warningsCount, assets: [.assets[] | "
              "{name, size}]}'")


def attw(tmp: Path) -> None:
    a = tmp / "tw-types"
    write_tree(a, {"package.json": json.dumps({
        "name": "tidewatch-types", "version": "1.1.0", "type": "module", "main": "./dist/index.cjs",
        "types": "./dist/index.d.ts",
        "exports": {".": {"import": "./dist/index.js", "require": "./dist/index.cjs", "types": "./dist/index.d.ts"},
                    "./alerts": {"types": "./dist/alerts.d.ts", "import": "./dist/alerts.js"},
                    "./stations": {"require": "./dist/stations.cjs"},
                    "./datum": "./dist/datum.js"}}, indent=2),
        "dist/index.js": "export const level = (r) => r.value;\n",
        "dist/index.cjs": "exports.level = (r) => r.value;\n",
        "dist/index.d.ts": "export declare const level: (r: {value: number}) => number;\n",
        "dist/alerts.js": "export default function alert(l) { return l > 5; }\n",
        "dist/alerts.d.ts": "declare function alert(l: number): boolean;\nexport = alert;\n",
        "dist/stations.cjs": "module.exports = ['dover'];\n",
        "dist/datum.js": "export const datum = 0;\n"})
    run("npm pack -q 2>&1", cwd=a)
    cap("attw-tidewatch-types-tgz", "attw tidewatch-types-1.1.0.tgz 2>&1; echo EXIT=$?", a, N_ATTW, timeout=300,
        env=NOCOLOR)
    cap("attw-tidewatch-types-pack", "attw --pack . --format table-flipped 2>&1", a, N_ATTW, timeout=300,
        env=NOCOLOR)


TSCONFIG = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "outDir": "dist", "rootDir": "src",
                                "sourceMap": True, "strict": False, "noImplicitAny": False, "types": [],
                                "esModuleInterop": True},
            "include": ["src"]}

PARTS = ["gauge", "datum", "surge", "tide", "alert", "harbour", "buoy", "wave"]


def gen_ts(rng: random.Random, n: int, bug_rate: float) -> dict:
    files = {}
    names = [f"{rng.choice(PARTS)}_{k:02d}" for k in range(n)]
    for k, name in enumerate(names):
        deps = sorted({names[j] for j in rng.sample(range(k + 1, n), min(rng.randint(0, 3), n - k - 1))}) \
            if k < n - 1 else []
        body = [f"// {name}: part of the surge forecaster"]
        body += [f"import {{ level{d[-2:]} }} from './{d}';" for d in deps]
        body += ["", f"export interface Obs{k} {{ station: string; metres: number; at: Date; raw?: any }}", ""]
        body.append(f"export function level{k:02d}(o: Obs{k}, gain): number {{")
        body.append(f"  let v{'' if rng.random() < 0.4 else ': any'} = o.metres * gain;")
        for d in deps:
            body.append(f"  v += level{d[-2:]}(o as any, 0.9);")
        r = rng.random()
        if r < bug_rate / 2:
            body.append("  const station: number = o.station;")
        elif r < bug_rate:
            body.append("  o.metres = `${v} m`;")
        elif r < bug_rate * 1.4:
            body.append(f"  if (o.raw.flag{k}) return o.raw.metres;")
        body.append("  return v;")
        body.append("}")
        body.append("")
        body.append(f"export function parse{k:02d}(line: string) {{")
        body.append("  const [station, metres, at] = line.split(',');")
        body.append("  const raw: any = { line };")
        body.append(f"  return {{ station, metres: Number(metres), at: new Date(at), raw }} as Obs{k};")
        body.append("}")
        files[f"src/{name}.ts"] = "\n".join(body) + "\n"
    files["src/forecast.ts"] = (
        "import { level00, parse00 } from './" + names[0] + "';\n\n"
        "interface Gauge { name: string; datum: number; readings: number[]; twin?: { name: string; lagMin: number } }\n\n"
        "function twinLag(g: Gauge): number {\n"
        "  // bug: the new Wick gauge has no twin gauge configured yet\n"
        "  return g.twin!.lagMin * 60;\n}\n\n"
        "export function forecast(gauges: Gauge[]): void {\n  for (const g of gauges) {\n"
        "    const peak = Math.max(...g.readings) - g.datum;\n"
        "    const v = level00(parse00(`${g.name},${peak},2026-01-01`), 1.05);\n"
        "    if (peak > 4.5) console.log(`gauge ${g.name}: peak ${peak.toFixed(2)} m, twin lag ${twinLag(g)} s (v ${v})`);\n"
        "    else console.log(`gauge ${g.name}: calm (${peak.toFixed(2)} m)`);\n  }\n}\n")
    files["src/cli.ts"] = (
        "import { forecast } from './forecast';\n\n"
        "const base = ['dover', 'whitby', 'tenby', 'oban', 'lerwick', 'newlyn', 'harwich', 'portrush'];\n"
        f"const names = Array.from({{ length: {6 + n // 3} }}, (_, i) => base[i % 8] + (i < 8 ? '' : '-' + i));\n"
        "names.push('wick');  // the newest gauge, last in the list\n"
        "const gauges = names.map((name, i) => ({ name, datum: 0.1 * (i % 4),\n"
        "  readings: Array.from({ length: 12 }, (_, j) => (name === 'wick' ? 5.1 : 2.5 + (i % 5) * 0.5) + Math.sin(j) / 3),\n"
        "  twin: name === 'wick' ? undefined : { name: names[(i + 1) % names.length], lagMin: 5 + i } }));\n"
        "forecast(gauges);\n")
    return files


def ts_project(tmp: Path, tag: str, seed: int, n: int, bug_rate: float) -> Path:
    root = tmp / f"tw-ts-{tag}"
    files = gen_ts(random.Random(seed), n, bug_rate)
    files["tsconfig.json"] = json.dumps(TSCONFIG, indent=2)
    files["package.json"] = json.dumps({"name": "tidewatch-ts", "version": "2.4.0", "private": True}, indent=2)
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS44 / "node_modules")
    return root


def typescript(tmp: Path) -> None:
    a = ts_project(tmp, "a", 6531, 12, 0.25)
    b = ts_project(tmp, "b", 6532, 45, 0.12)
    c = ts_project(tmp, "c", 6533, 120, 0.06)
    cap("tsc-explain-files-forecast", "npx tsc --noEmit --explainFiles 2>&1; echo EXIT=$?", a, N_TSC_EXPLAIN)
    cap("tsc-explain-files-forecast-tail-60", "npx tsc -p . --noEmit --explainFiles | tail -n 60", b, N_TSC_EXPLAIN)
    cap("tsc-explain-files-forecast-large", "npx tsc --noEmit --explainFiles", c, N_TSC_EXPLAIN)
    cap("type-coverage-forecast-detail", "npx type-coverage --detail; echo EXIT=$?", a, N_TYPE_COV)
    cap("type-coverage-forecast-at-least-head", "npx type-coverage --at-least 98 --detail 2>&1 | head -n 80", c,
        N_TYPE_COV)
    for p in (a, b):
        run("npx tsc -p . >/dev/null 2>&1; ls dist/cli.js", cwd=p)  # emits despite the type errors
    cap("node-source-mapped-forecast", "node --enable-source-maps dist/cli.js 2>&1", a, N_SOURCEMAPPED)
    cap("node-source-mapped-forecast-head", "node --enable-source-maps dist/cli.js 2>&1 | head -n 80", b,
        N_SOURCEMAPPED)


STEPS = [lint, tests, ncu, bundles, attw, typescript]
