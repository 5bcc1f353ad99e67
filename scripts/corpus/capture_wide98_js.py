"""Round 98, JavaScript: ferrytix's fare engine in JavaScript, written here with weak tests and mistakes put in,
widened by seeded zone modules, run through Stryker (the jest runner's clear-text and progress reporters, the command
runner, a failing initial run), fast-check under `node --test` (TAP and spec) and vitest, and jsverify; and the
booking API capture_wide98_py.py serves on 127.0.0.1:18982 checked by dredd against a Swagger 2 description. The
extractors are this round's (NEEDLES.md, "Round 98"). Run through capture_wide98.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, kind, mask, next_match, run, write_tree
from capture_wide98 import DREDD, JS, cap, exit_lines

MUT_HDR = re.compile(r"^\[(Survived|Timeout|NoCoverage)\] \w+")
LOC = r"^\S+\.(m?js|ts):\d+:\d+$"


@kind("stryker-run", "test")
def n_stryker(lines):
    """Round 98: every [Survived]/[Timeout]/[NoCoverage] header with its location line and first changed -/+ lines; the score table's header, file and All files rows; Final mutation score, ERROR lines, WARN lines one {"any"} per shape, Done in; any EXIT= line."""
    out, warn, in_table = [], [], False
    for i, ln in enumerate(lines):
        if MUT_HDR.match(ln):
            out.append(ln)
            loc = next_match(lines, i, LOC, 2)
            out.append(loc)
            block = lines[i + 1:i + 14]
            end = next((k for k, b in enumerate(block) if MUT_HDR.match(b) or not b.strip()), len(block))
            block = block[:end]
            out += [b for b in block if b.startswith("-")][:1] + [b for b in block if b.startswith("+")][:1]
        elif "# killed" in ln and "|" in ln:
            out.append(ln)
            in_table = True
        elif in_table and "|" in ln and not re.match(r"^-+\|", ln):
            out.append(ln)
        elif in_table and re.match(r"^-+\|", ln) and i and re.match(r"^-+\|", lines[i - 1]) is None and \
                not lines[i - 1].startswith("File"):
            in_table = False
        if re.search(r"Final mutation score|\bDone in\b", ln):
            out.append(ln)
        elif re.search(r"\bERROR\b", ln):
            out.append(ln)
            out.append(next((b for b in lines[i + 1:i + 3] if b.strip()), None))
        elif re.search(r"\bWARN\b", ln):
            warn.append((mask(re.sub(r"^.*?\bWARN\b", "", ln)), ln))
    return out + groups(warn) + exit_lines(lines)


@kind("stryker-initial-run-error", "test")
def n_stryker_initial(lines):
    """Round 98: every ERROR line and the line after it, every failing test's name line as the runner printed it, the closing `Stryker was unable to …` / `Unexpected error` line; any EXIT= line."""
    out, listing = [], False
    for i, ln in enumerate(lines):
        if re.search(r"\bERROR\b", ln):
            listing = "tests failed in the initial test run:" in ln
            out.append(ln)
            out.append(next((b for b in lines[i + 1:i + 3] if b.strip()), None))
        elif listing and re.match(r"^\t\S", ln):  # Stryker lists each failing test one tab in, its error two
            out.append(ln)
        elif re.match(r"^\s*(✕|✖|×|●|not ok \d+|FAIL\b)", ln) or re.search(r"^\s*\S.* \(failed\)$", ln):
            out.append(ln)
        elif re.search(r"Stryker was unable|Unexpected error|failed tests? in the initial test run", ln):
            out.append(ln)
    return out + exit_lines(lines)


FAIL_ID = re.compile(r"^\s*(not ok \d+ - .+|✖ .+|FAIL\s+\S.*|× (?!\[).+)")
PROP = re.compile(r"Property failed after \d+ tests|\{ seed: .*path:|Counterexample:|Shrunk \d+ time|^Caused by: ")
SUMMARY = re.compile(r"^\s*(# (tests|pass|fail) \d+|ℹ (tests|pass|fail) \d+|Test Files\s|Tests\s+\d)")


def _props(lines, extra=None) -> list:
    out = []
    for i, ln in enumerate(lines):
        if FAIL_ID.match(ln) or PROP.search(ln) or SUMMARY.match(ln) or (extra and re.search(extra, ln)):
            out.append(ln)
        if "Got error:" in ln:
            rest = ln.split("Got error:", 1)[1].strip()
            out.append(ln if rest else next((b for b in lines[i + 1:i + 4] if b.strip()), None))
    return out + exit_lines(lines)


@kind("fast-check-node-test", "test")
def n_fc_node(lines):
    """Round 98: every failing test id (not ok / ✖), each failed property's `Property failed after`, `{ seed, path }`, `Counterexample:` and `Shrunk` lines, the first line after `Got error:`, the # pass / # fail (ℹ pass / ℹ fail) lines; any EXIT= line."""
    return _props(lines)


@kind("fast-check-vitest", "test")
def n_fc_vitest(lines):
    """Round 98: every failing test id (FAIL file > name, ×), each failed property's `Property failed after`, `{ seed, path }`, `Counterexample:` and `Shrunk` lines, the first line after `Got error:`, the Test Files / Tests lines; any EXIT= line."""
    return _props(lines)


@kind("jsverify-node", "test")
def n_jsverify(lines):
    """Round 98: every failing property's name line and its `Failed after N tests and M shrinks … Counterexample:` line, the first exception line it threw, the runner's summary lines; any EXIT= line."""
    out = _props(lines, extra=r"Failed after \d+ tests? and \d+ shrinks?|^property .*: (FAILED|failed)|^\s*\w*Error: |Fatal (JavaScript )?error")
    return out


@kind("dredd-run", "test")
def n_dredd(lines):
    """Round 98: every `fail:` line with its request/expected/actual lead line within six, every `error:` line, the closing `complete: N passing, M failing …` line; warnings one {"any"} per shape; any EXIT= line."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\bfail: ", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"\b(request|expected|actual):", 6))
        elif re.search(r"\berror: ", ln) or re.search(r"\bcomplete: .*(passing|failing)", ln):
            out.append(ln)
        elif re.search(r"\b(Warning|warn): ", ln):
            warn.append((mask(re.sub(r"^.*?\b(Warning|warn): ", "", ln)), ln))
    return out + groups(warn) + exit_lines(lines)


# ------------------------------------------------------------------ the fare engine in JavaScript

FARES_JS = r'''"use strict";
// ferrytix's fare engine, with mistakes put in (see the comments marked "bug").
const BASE = 2.5;
const PER_KM = 0.12;

function fare(age, km, peak) {
  let base = BASE + PER_KM * km;
  if (km > 60) base = base - 4; // bug: a long-distance step makes fares drop past 60 km
  if (age < 12) base = base * 0.5;
  else if (age >= 65) base = base * 0.7;
  if (peak) base += 1.0;
  return Math.round(base * 100) / 100;
}

function fmtTime(minutes) {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return String(h).padStart(2, "0") + ":" + String(m).padStart(2, "0");
}

function parseTime(text) {
  const [h, m] = text.split(":").map(Number);
  return h * 60 + m;
}

function slots(firstH, lastH, every) {
  const out = [];
  for (let t = firstH * 60; t <= lastH * 60; t += every) out.push(fmtTime(t));
  return out;
}

function splitGroups(n, size) {
  const groups = [];
  for (let i = 0; i < Math.floor(n / size); i++) groups.push(size);
  if (n % size > 1) groups.push(n % size); // bug: a remainder of one passenger is dropped
  return groups;
}

function sortSailings(times) {
  return [...times].sort(); // bug: "9:05" sorts after "10:00" (no zero padding assumed)
}

function bookingRef(n) {
  return "FX" + n.toString(36).toUpperCase();
}

function parseRef(ref) {
  return parseInt(ref.slice(2), 36) || null; // bug: booking 0 parses as null
}

function label(kind) {
  return kind === "car" ? "Vehicle deck" : kind === "van" ? "Vehicle deck (high)" : "Passenger";
}

module.exports = { fare, fmtTime, parseTime, slots, splitGroups, sortSailings, bookingRef, parseRef, label };
'''

FARES_TEST = r'''const f = require("../src/fares");
test("adult fare", () => { expect(f.fare(30, 10, false)).toBe(3.7); });
test("slots start at the first hour", () => { expect(f.slots(6, 7, 30)[0]).toBe("06:00"); });
test("booking ref", () => { expect(f.bookingRef(35)).toBe("FXZ"); });
'''


def zone_js(rnd: random.Random, z: int) -> tuple[str, str]:
    a, b, c = rnd.randint(2, 9), round(rnd.uniform(0.05, 0.4), 2), rnd.randint(20, 90)
    harbour = rnd.choice(["Kirkwall", "Stromness", "Lerwick", "Oban", "Mallaig", "Ullapool", "Tarbert", "Brodick"])
    src = f'''"use strict";
const HARBOUR = "{harbour}";

function price(km, night) {{
  let p = {a} + {b} * km;
  if (km > {c}) p = p - (km - {c}) * {b / 2:.3f};
  if (night && km < {c // 2}) p = p * 1.25;
  return Math.round(p * 100) / 100;
}}

function capacity(booked, max) {{
  if (booked >= max) return 0;
  return max - booked;
}}

function label(km) {{
  if (km < {c // 3}) return HARBOUR + " short hop";
  return HARBOUR + " crossing " + Math.trunc(km) + " km";
}}

module.exports = {{ price, capacity, label }};
'''
    test = f'''const z = require("../src/zones/zone{z:02d}");
test("zone {z} price is positive", () => {{ expect(z.price(10, false)).toBeGreaterThan(0); }});
'''
    return src, test


STRYKER = {"testRunner": "jest", "reporters": ["clear-text", "progress"], "mutate": ["src/**/*.js"],
           "coverageAnalysis": "perTest", "concurrency": 2, "timeoutMS": 3000, "tempDirName": ".stryker-tmp"}


def make_fares_js(root: Path, zones: int, seed: int) -> None:
    rnd = random.Random(seed)
    files = {"package.json": json.dumps({"name": "ferrytix-fares", "version": "0.3.0", "private": True,
                                         "scripts": {"test": "jest"}}, indent=2) + "\n",
             "src/fares.js": FARES_JS, "test/fares.test.js": FARES_TEST,
             "stryker.config.json": json.dumps(STRYKER, indent=2) + "\n"}
    for z in range(1, zones + 1):
        src, test = zone_js(rnd, z)
        files[f"src/zones/zone{z:02d}.js"] = src
        files[f"test/zone{z:02d}.test.js"] = test
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")


def stryker(tmp: Path) -> None:
    big = tmp / "fares-js"
    make_fares_js(big, 12, 9821)
    cap("stryker-run-jest-12-zones", "npx stryker run", big, n_stryker, timeout=900)
    brk = dict(STRYKER, mutate=["src/fares.js", "src/zones/zone0[1-3].js"], thresholds={"high": 80, "low": 60,
                                                                                       "break": 70})
    (big / "stryker.break.json").write_text(json.dumps(brk, indent=2) + "\n")
    cap("stryker-run-break-threshold-tail", "npx stryker run stryker.break.json 2>&1 | tail -n 80; echo EXIT=$?",
        big, n_stryker, timeout=600)
    # the command runner over node --test, on the fare engine alone
    cmd = tmp / "fares-cmd"
    make_fares_js(cmd, 0, 9822)
    (cmd / "test" / "fares.node.test.js").write_text(
        'const test = require("node:test");\nconst assert = require("node:assert");\nconst f = require("../src/fares");\n'
        'test("child fare", () => { assert.strictEqual(f.fare(8, 10, false), 1.85); });\n'
        'test("split 10 by 4", () => { assert.deepStrictEqual(f.splitGroups(10, 4), [4, 4, 2]); });\n'
        'test("label car", () => { assert.strictEqual(f.label("car"), "Vehicle deck"); });\n')
    (cmd / "test" / "fares.test.js").unlink()
    (cmd / "stryker.command.json").write_text(json.dumps(
        {"testRunner": "command", "commandRunner": {"command": "node --test test/"}, "reporters": ["clear-text",
         "progress"], "mutate": ["src/fares.js"], "concurrency": 2, "timeoutMS": 3000}, indent=2) + "\n")
    cap("stryker-run-command-runner", "npx stryker run stryker.command.json; echo EXIT=$?", cmd, n_stryker,
        timeout=600)
    # failing initial test runs: jest and the command runner
    bad = tmp / "fares-bad"
    make_fares_js(bad, 4, 9823)
    (bad / "test" / "fares.test.js").write_text(FARES_TEST + 'test("senior fare", () => { expect(f.fare(70, 80, true)).toBe(9.18); });\n'
                                                'test("one left over", () => { expect(f.splitGroups(9, 4)).toEqual([4, 4, 1]); });\n')
    cap("stryker-initial-run-fails-jest", "npx stryker run; echo EXIT=$?", bad, n_stryker_initial, timeout=300)
    (cmd / "test" / "fares.node.test.js").write_text(
        (cmd / "test" / "fares.node.test.js").read_text()
        + 'test("ref 0 round trip", () => { assert.strictEqual(f.parseRef(f.bookingRef(0)), 0); });\n')
    cap("stryker-initial-run-fails-command-tail", "npx stryker run stryker.command.json 2>&1 | tail -n 60", cmd,
        n_stryker_initial, timeout=300)


PROPS = r'''import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import f from "../src/fares.js";

const SEED = __SEED__;

test("fare never falls as the crossing gets longer", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 40, max: 80 }), fc.boolean(),
    (age, km, peak) => { assert.ok(f.fare(age, km + 1, peak) >= f.fare(age, km, peak)); }), { seed: SEED });
});

test("times round-trip through fmtTime and parseTime", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2000 }), (m) => {
    assert.equal(f.parseTime(f.fmtTime(m)), m);
  }), { seed: SEED + 1 });
});

test("groups hold every passenger", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 2, max: 8 }), (n, size) => {
    assert.equal(f.splitGroups(n, size).reduce((a, b) => a + b, 0), n);
  }), { seed: SEED + 2 });
});

test("sorted sailings are in time order", () => {
  const hhmm = fc.tuple(fc.integer({ min: 5, max: 22 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${h}:${String(m).padStart(2, "0")}`);
  fc.assert(fc.property(fc.array(hhmm, { minLength: 2, maxLength: 8 }), (ts) => {
    const s = f.sortSailings(ts).map((t) => f.parseTime(t));
    for (let i = 1; i < s.length; i++) assert.ok(s[i - 1] <= s[i], `${s[i - 1]} before ${s[i]}`);
  }), { seed: SEED + 3 });
});

test("booking refs round-trip", () => {
  fc.assert(fc.property(fc.nat(100000), (n) => { assert.equal(f.parseRef(f.bookingRef(n)), n); }),
    { seed: SEED + 4 });
});

test("a child never pays more than an adult", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.boolean(), (km, peak) => {
    assert.ok(f.fare(8, km, peak) <= f.fare(30, km, peak));
  }), { seed: SEED + 5 });
});

test("slots stay inside the service day", () => {
  fc.assert(fc.property(fc.integer({ min: 5, max: 10 }), fc.integer({ min: 11, max: 23 }), fc.integer({ min: 15, max: 120 }),
    (a, b, every) => { for (const s of f.slots(a, b, every)) assert.match(s, /^\d\d:\d\d$/); }), { seed: SEED + 6 });
});

test("labels name a deck", () => {
  fc.assert(fc.property(fc.constantFrom("car", "van", "foot", "bike"), (k) => {
    assert.ok(f.label(k).length > 0);
  }), { seed: SEED + 7 });
});
'''


def fast_check(tmp: Path) -> None:
    d = tmp / "fares-props"
    make_fares_js(d, 0, 9831)
    (d / "package.json").write_text(json.dumps({"name": "ferrytix-props", "version": "0.3.0", "private": True},
                                               indent=2) + "\n")
    (d / "test" / "fares.test.js").unlink()
    (d / "test" / "props.test.mjs").write_text(PROPS.replace("__SEED__", "9831"))
    cap("fast-check-node-test-tap", "node --test test/props.test.mjs", d, n_fc_node)
    cap("fast-check-node-test-spec-exit", "node --test --test-reporter=spec test/; echo EXIT=$?", d, n_fc_node)
    cap("fast-check-node-test-tail-80", "node --test test/ 2>&1 | tail -n 80", d, n_fc_node)
    (d / "verbose").mkdir()
    (d / "verbose" / "props-verbose.test.mjs").write_text(
        PROPS.replace("__SEED__", "9833").replace("../src/fares.js", "../src/fares.js")
        .replace("{ seed: SEED + 1 }", "{ seed: SEED + 1, verbose: 2 }").replace("{ seed: SEED + 3 }", "{ seed: SEED + 3, verbose: 2 }"))
    cap("fast-check-node-test-verbose-2", "node --test verbose/props-verbose.test.mjs; echo EXIT=$?", d, n_fc_node)
    v = d / "vt"
    v.mkdir()
    (v / "props.test.mjs").write_text(PROPS.replace("__SEED__", "9832").replace('import test from "node:test";',
                                                                              'import { test } from "vitest";')
                                      .replace("../src/fares.js", "../src/fares.js"))
    (d / "vitest.config.mjs").write_text('export default { test: { include: ["vt/**/*.test.mjs"] } };\n')
    cap("fast-check-vitest-run", "npx vitest run", d, n_fc_vitest, timeout=300)
    cap("fast-check-vitest-tail-exit", "npx vitest run --reporter=verbose 2>&1 | tail -n 100; echo EXIT=$?", d,
        n_fc_vitest, timeout=300)


JSV_SCRIPT = r'''"use strict";
const jsc = require("jsverify");
const f = require("./src/fares");

const props = {
  "fare grows with distance": jsc.forall(jsc.nat(99), jsc.nat(200), jsc.bool,
    (age, km, peak) => f.fare(age, km + 1, peak) >= f.fare(age, km, peak)),
  "times round-trip": jsc.forall(jsc.nat(2000), (m) => f.parseTime(f.fmtTime(m)) === m),
  "groups hold every passenger": jsc.forall(jsc.nat(60), jsc.integer(2, 8),
    (n, size) => f.splitGroups(n, size).reduce((a, b) => a + b, 0) === n),
  "refs round-trip": jsc.forall(jsc.nat(1000), (n) => f.parseRef(f.bookingRef(n)) === n),
  "labels are strings": jsc.forall(jsc.elements(["car", "van", "foot"]), (k) => typeof f.label(k) === "string"),
  "refs are upper case": jsc.forall(jsc.nat(), (n) => f.bookingRef(n) === f.bookingRef(n).toUpperCase()),
  "split never throws on size 0": jsc.forall(jsc.nat(20), (n) => f.splitGroups(n, 0).length >= 0),
};

let failed = 0;
for (const [name, prop] of Object.entries(props)) {
  console.log(`property ${name}:`);
  const r = jsc.check(prop, { tests: 200 });
  if (r === true) continue;
  failed++;
  console.log(`property ${name}: FAILED`);
  if (r.exc) console.log(`  threw: ${r.exc}`);
}
console.log(`${Object.keys(props).length} properties, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
'''

JSV_TEST = r'''const test = require("node:test");
const jsc = require("jsverify");
const f = require("../src/fares");

test("fare grows with distance", () => {
  jsc.assert(jsc.forall(jsc.nat(99), jsc.nat(200), jsc.bool, (a, km, p) => f.fare(a, km + 1, p) >= f.fare(a, km, p)));
});
test("times round-trip", () => {
  jsc.assert(jsc.forall(jsc.nat(2000), (m) => f.parseTime(f.fmtTime(m)) === m));
});
test("sorted sailings in order", () => {
  const t = jsc.suchthat(jsc.pair(jsc.integer(5, 22), jsc.integer(0, 59)), () => true)
    .smap(([h, m]) => `${h}:${String(m).padStart(2, "0")}`, (s) => s.split(":").map(Number));
  jsc.assert(jsc.forall(jsc.array(t), (ts) => {
    const s = f.sortSailings(ts).map(f.parseTime);
    return s.every((x, i) => i === 0 || s[i - 1] <= x);
  }));
});
test("split with size 0 terminates", () => {
  jsc.assert(jsc.forall(jsc.nat(20), (n) => { if (n > 3) throw new RangeError(`size 0 for ${n}`); return true; }));
});
test("labels", () => {
  jsc.assert(jsc.forall(jsc.elements(["car", "van"]), (k) => f.label(k).startsWith("Vehicle")));
});
'''


def jsverify(tmp: Path) -> None:
    d = tmp / "fares-jsv"
    make_fares_js(d, 0, 9841)
    (d / "test" / "fares.test.js").unlink()
    (d / "check_props.js").write_text(JSV_SCRIPT)
    (d / "test" / "jsv.test.js").write_text(JSV_TEST)
    cap("jsverify-check-script-exit", "node check_props.js; echo EXIT=$?", d, n_jsverify)
    cap("jsverify-node-test", "node --test test/jsv.test.js", d, n_jsverify)


SWAGGER = '''swagger: "2.0"
info: {title: ferrytix bookings, version: 0.3.0}
host: 127.0.0.1:18982
schemes: [http]
consumes: [application/json]
produces: [application/json]
paths:
  /bookings:
    post:
      parameters:
        - {name: body, in: body, required: true, schema: {$ref: "#/definitions/Booking"},
           x-example: {route: oban, seats: 2, vehicle: hovercraft}}
      responses:
        "201": {description: booked, schema: {$ref: "#/definitions/BookingOut"}}
  /bookings/{bid}:
    get:
      parameters: [{name: bid, in: path, required: true, type: integer, x-example: 1}]
      responses:
        "200": {description: the booking, schema: {$ref: "#/definitions/BookingOut"}}
    delete:
      parameters: [{name: bid, in: path, required: true, type: integer, x-example: 4242}]
      responses:
        "204": {description: cancelled}
  /sailings:
    get:
      parameters:
        - {name: route, in: query, required: true, type: string, x-example: oban}
        - {name: day, in: query, required: false, type: integer, x-example: 9}
      responses:
        "200":
          description: sailings
          schema: {type: array, items: {$ref: "#/definitions/Sailing"}}
__ROUTES__
definitions:
  Booking:
    type: object
    required: [route, seats]
    properties: {route: {type: string}, seats: {type: integer}, vehicle: {type: string}}
  BookingOut:
    type: object
    required: [id, route, seats, fare]
    properties: {id: {type: integer}, route: {type: string}, seats: {type: integer}, fare: {type: number}}
  Sailing:
    type: object
    required: [route, depart, capacity, left]
    properties: {route: {type: string}, depart: {type: string}, capacity: {type: integer}, left: {type: integer, minimum: 0}}
'''


def dredd(tmp: Path) -> None:
    d = tmp / "dredd"
    d.mkdir()
    routes = []
    for port in ["kirkwall"]:
        routes.append(f'''  /routes/{port}/fare:
    get:
      parameters:
        - {{name: age, in: query, type: integer, x-example: 0}}
        - {{name: km, in: query, type: number, x-example: 12}}
      responses:
        "200":
          description: fare
          schema: {{type: object, required: [route, fare], properties: {{route: {{type: string}}, fare: {{type: number}}}}}}
  /routes/{port}/berth:
    get:
      parameters: [{{name: length_m, in: query, type: number, x-example: 130}}]
      responses:
        "200": {{description: berth, schema: {{$ref: "#/definitions/Sailing"}}}}''')
    draft = SWAGGER.replace("__ROUTES__", "\n".join(routes))
    (d / "bookings-draft.yaml").write_text(draft)
    dredd_bin = DREDD / "node_modules" / ".bin" / "dredd"
    cap("dredd-run-draft-description-error", f"{dredd_bin} bookings-draft.yaml http://127.0.0.1:18982", d, n_dredd,
        typed="dredd bookings-draft.yaml http://127.0.0.1:18982", timeout=300)
    # the draft's mistake fixed as dredd says: the body's example goes in its schema
    (d / "bookings.yaml").write_text(draft.replace(
        '''- {name: body, in: body, required: true, schema: {$ref: "#/definitions/Booking"},
           x-example: {route: oban, seats: 2, vehicle: hovercraft}}''',
        '''- {name: body, in: body, required: true, schema: {type: object, required: [route, seats],
           properties: {route: {type: string}, seats: {type: integer}, vehicle: {type: string}},
           example: {route: oban, seats: 2, vehicle: hovercraft}}}'''))
    cap("dredd-run-bookings", f"{dredd_bin} bookings.yaml http://127.0.0.1:18982", d, n_dredd,
        typed="dredd bookings.yaml http://127.0.0.1:18982", timeout=300)
    cap("dredd-run-tail-exit", f"{dredd_bin} bookings.yaml http://127.0.0.1:18982 --loglevel=debug 2>&1 | tail -n 80; "
        "echo EXIT=$?", d, n_dredd, typed="dredd bookings.yaml http://127.0.0.1:18982 --loglevel=debug 2>&1 | tail -n 80; "
        "echo EXIT=$?", timeout=300)


STEPS = [stryker, fast_check, jsverify, dredd]
