"""Round 104, JavaScript: libcat's circulation rules in JavaScript, written here with weak tests and mistakes put in,
widened by seeded branch modules, run through Stryker (the jest runner's clear-text and progress reporters, on a
well-tested module with few survivors and on many weakly tested ones; the command runner; a failing initial run),
fast-check under `node --test` and vitest, and jsverify; and the loans API capture_wide104_py.py serves on
127.0.0.1:19042 checked by dredd against a Swagger 2 description. The extractors are round 98's, imported. Run
through capture_wide104.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide104 import DREDD, JS, cap
from capture_wide98_js import n_dredd, n_fc_node, n_fc_vitest, n_jsverify, n_stryker, n_stryker_initial

# ------------------------------------------------------------------ the circulation rules in JavaScript

CIRC_JS = r'''"use strict";
// libcat's circulation rules, with mistakes put in (see the comments marked "bug").
const LOAN_DAYS = { book: 21, dvd: 7, magazine: 7 };
const FINE = { book: 0.25, dvd: 1.0, magazine: 0.1 };

function dueDay(kind, dayOut) {
  return dayOut + LOAN_DAYS[kind];
}

function fine(kind, daysLate, child) {
  if (daysLate <= 0) return 0;
  let f = FINE[kind] * daysLate;
  if (child) f = f / 2;
  if (f > 8) f = 8 + 0.5; // bug: the cap adds an admin fee the tariff does not have
  return Math.round(f * 100) / 100;
}

function renewable(renewals, holds) {
  return holds === 0 && renewals < 2;
}

function isbn10Check(digits) {
  let s = 0;
  for (let i = 0; i < 9; i++) s += (10 - i) * Number(digits[i]);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? "X" : String(c);
}

function normaliseIsbn(text) {
  return text.replace(/-/g, ""); // bug: spaces are kept
}

function sortByCall(calls) {
  return [...calls].sort(); // bug: "100.2" sorts before "20.5" (string order)
}

function shelfMark(call, author) {
  return call + " " + author.slice(0, 3).toUpperCase();
}

function parseShelfMark(mark) {
  const i = mark.indexOf(" ");
  return { call: mark.slice(0, i), author: mark.slice(i + 1) };
}

function splitPages(total, perSheet) {
  const sheets = [];
  for (let i = 0; i < Math.floor(total / perSheet); i++) sheets.push(perSheet);
  if (total % perSheet > 1) sheets.push(total % perSheet); // bug: a last single page is dropped
  return sheets;
}

module.exports = { dueDay, fine, renewable, isbn10Check, normaliseIsbn, sortByCall, shelfMark, parseShelfMark,
  splitPages };
'''

CIRC_TEST = r'''const c = require("../src/circulation");
test("book due in 21 days", () => { expect(c.dueDay("book", 3)).toBe(24); });
test("no fine when on time", () => { expect(c.fine("dvd", 0, false)).toBe(0); });
test("isbn check digit", () => { expect(c.isbn10Check("030640615")).toBe("2"); });
'''

CIRC_TEST_GOOD = CIRC_TEST + r'''test("dvd due in 7", () => { expect(c.dueDay("dvd", 0)).toBe(7); });
test("fine per day", () => { expect(c.fine("book", 4, false)).toBe(1); });
test("child fine halved", () => { expect(c.fine("dvd", 4, true)).toBe(2); });
test("fine capped", () => { expect(c.fine("dvd", 30, false)).toBe(8.5); });
test("fine just under cap", () => { expect(c.fine("dvd", 8, false)).toBe(8); });
test("one day late", () => { expect(c.fine("book", 1, false)).toBe(0.25); });
test("renewable", () => { expect(c.renewable(1, 0)).toBe(true); expect(c.renewable(2, 0)).toBe(false);
  expect(c.renewable(0, 1)).toBe(false); });
test("isbn X", () => { expect(c.isbn10Check("080442957")).toBe("X"); });
test("isbn 0", () => { expect(c.isbn10Check("000000000")).toBe("0"); });
test("normalise", () => { expect(c.normaliseIsbn("0-306-40615-2")).toBe("0306406152"); });
test("sort", () => { expect(c.sortByCall(["b", "a"])).toEqual(["a", "b"]); });
test("shelf mark", () => { expect(c.shelfMark("823.8", "dickens")).toBe("823.8 DIC"); });
test("parse mark", () => { expect(c.parseShelfMark("823.8 DIC")).toEqual({ call: "823.8", author: "DIC" }); });
test("pages", () => { expect(c.splitPages(10, 4)).toEqual([4, 4, 2]); expect(c.splitPages(8, 4)).toEqual([4, 4]); });
'''

BRANCH_NAMES = ["Northgate", "Riverside", "Elm Park", "Castle Hill", "Harbourview", "Millbrook", "Old Town",
                "Westfield", "Kingsmead", "Ashby", "Fairholme", "Greenbank"]


def branch_js(rnd: random.Random, b: int) -> tuple[str, str]:
    seats, per_page, open_h, close_h = rnd.randint(20, 140), round(rnd.uniform(0.05, 0.3), 2), rnd.randint(8, 10), \
        rnd.randint(17, 21)
    name = rnd.choice(BRANCH_NAMES)
    src = f'''"use strict";
const BRANCH = "{name}";

function isOpen(hour, saturday) {{
  if (saturday) return hour >= {open_h + 1} && hour < {close_h - 4};
  return hour >= {open_h} && hour < {close_h};
}}

function printCost(pages, colour) {{
  let cost = pages * {per_page};
  if (colour) cost = cost * 3;
  if (pages > 50) cost = cost - 1;
  return Math.round(cost * 100) / 100;
}}

function seatsLabel(booked) {{
  const left = {seats} - booked;
  if (left < {seats // 10}) return BRANCH + " nearly full";
  return BRANCH + " " + left + " seats";
}}

module.exports = {{ isOpen, printCost, seatsLabel }};
'''
    test = f'''const b = require("../src/branches/branch{b:02d}");
test("branch {b} open at noon", () => {{ expect(b.isOpen(12, false)).toBe(true); }});
'''
    return src, test


STRYKER = {"testRunner": "jest", "reporters": ["clear-text", "progress"], "mutate": ["src/**/*.js"],
           "coverageAnalysis": "perTest", "concurrency": 2, "timeoutMS": 3000, "tempDirName": ".stryker-tmp"}


def make_circ_js(root: Path, branches: int, seed: int, test: str = CIRC_TEST) -> None:
    rnd = random.Random(seed)
    files = {"package.json": json.dumps({"name": "libcat-circ", "version": "1.4.0", "private": True,
                                         "scripts": {"test": "jest"}}, indent=2) + "\n",
             "src/circulation.js": CIRC_JS, "test/circulation.test.js": test,
             "stryker.config.json": json.dumps(STRYKER, indent=2) + "\n"}
    for b in range(1, branches + 1):
        src, t = branch_js(rnd, b)
        files[f"src/branches/branch{b:02d}.js"] = src
        files[f"test/branch{b:02d}.test.js"] = t
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")


def stryker(tmp: Path) -> None:
    # many survivors: nine weakly tested branches
    big = tmp / "circ-js"
    make_circ_js(big, 9, 10421)
    cap("stryker-run-jest-9-branches-exit", "npx stryker run; echo EXIT=$?", big, n_stryker, timeout=900)
    cap("stryker-run-branches-tail-80", "npx stryker run -m src/branches/branch04.js,src/branches/branch05.js,"
        "src/branches/branch06.js 2>&1 | tail -n 80", big, n_stryker, timeout=600)
    # few survivors: the circulation rules under a thorough suite
    good = tmp / "circ-good"
    make_circ_js(good, 0, 10422, CIRC_TEST_GOOD)
    cap("stryker-run-well-tested", "npx stryker run", good, n_stryker, timeout=600)
    brk = dict(STRYKER, thresholds={"high": 95, "low": 85, "break": 90})
    (good / "stryker.break.json").write_text(json.dumps(brk, indent=2) + "\n")
    cap("stryker-run-break-90-head-100", "npx stryker run stryker.break.json 2>&1 | head -n 100; echo EXIT=$?", good,
        n_stryker, timeout=600)
    # the command runner over node --test
    cmd = tmp / "circ-cmd"
    make_circ_js(cmd, 2, 10423)
    (cmd / "test" / "circ.node.test.js").write_text(
        'const test = require("node:test");\nconst assert = require("node:assert");\n'
        'const c = require("../src/circulation");\n'
        'test("dvd fine", () => { assert.strictEqual(c.fine("dvd", 3, false), 3); });\n'
        'test("shelf mark", () => { assert.strictEqual(c.shelfMark("940.1", "tuchman"), "940.1 TUC"); });\n'
        'test("renew twice", () => { assert.strictEqual(c.renewable(2, 0), false); });\n')
    for p in (cmd / "test").glob("*.test.js"):
        if not p.name.endswith(".node.test.js"):
            p.unlink()
    (cmd / "stryker.command.json").write_text(json.dumps(
        {"testRunner": "command", "commandRunner": {"command": "node --test test/"}, "reporters": ["clear-text",
         "progress"], "mutate": ["src/**/*.js"], "concurrency": 2, "timeoutMS": 3000}, indent=2) + "\n")
    cap("stryker-run-command-runner", "npx stryker run stryker.command.json", cmd, n_stryker, timeout=600)
    # a failing initial test run
    bad = tmp / "circ-bad"
    make_circ_js(bad, 3, 10424, CIRC_TEST + 'test("fine capped at 8", () => { expect(c.fine("dvd", 20, false)).toBe(8); });\n'
                 'test("isbn spaces", () => { expect(c.normaliseIsbn("0 306 40615 2")).toBe("0306406152"); });\n')
    cap("stryker-initial-run-fails-tail-40", "npx stryker run 2>&1 | tail -n 40; echo EXIT=$?", bad,
        n_stryker_initial, timeout=300)


PROPS = r'''import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import c from "../src/circulation.js";

const SEED = __SEED__;

test("a fine never exceeds the cap of 8", () => {
  fc.assert(fc.property(fc.constantFrom("book", "dvd", "magazine"), fc.integer({ min: 0, max: 400 }), fc.boolean(),
    (kind, late, child) => { assert.ok(c.fine(kind, late, child) <= 8); }), { seed: SEED });
});

test("a later return never costs less", () => {
  fc.assert(fc.property(fc.constantFrom("book", "dvd"), fc.integer({ min: 0, max: 60 }),
    (kind, late) => { assert.ok(c.fine(kind, late + 1, false) >= c.fine(kind, late, false)); }), { seed: SEED + 1 });
});

test("normalised isbns are digits only", () => {
  const part = fc.stringMatching(/^[0-9]{1,4}$/);
  fc.assert(fc.property(fc.array(part, { minLength: 2, maxLength: 4 }), fc.constantFrom("-", " "), (parts, sep) => {
    assert.match(c.normaliseIsbn(parts.join(sep)), /^[0-9]+$/);
  }), { seed: SEED + 2 });
});

test("call numbers sort numerically", () => {
  const call = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}`);
  fc.assert(fc.property(fc.array(call, { minLength: 2, maxLength: 6 }), (calls) => {
    const s = c.sortByCall(calls).map(Number);
    for (let i = 1; i < s.length; i++) assert.ok(s[i - 1] <= s[i], `${s[i - 1]} before ${s[i]}`);
  }), { seed: SEED + 3 });
});

test("shelf marks round-trip", () => {
  fc.assert(fc.property(fc.stringMatching(/^[0-9]{3}\.[0-9]$/), fc.string({ minLength: 3, maxLength: 10 }),
    (call, author) => {
      const m = c.parseShelfMark(c.shelfMark(call, author));
      assert.equal(m.call, call);
    }), { seed: SEED + 4 });
});

test("pages split into sheets keep every page", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 2, max: 16 }), (total, per) => {
    assert.equal(c.splitPages(total, per).reduce((a, b) => a + b, 0), total);
  }), { seed: SEED + 5 });
});

test("due days come after the day out", () => {
  fc.assert(fc.property(fc.constantFrom("book", "dvd", "magazine"), fc.nat(365),
    (kind, day) => { assert.ok(c.dueDay(kind, day) > day); }), { seed: SEED + 6 });
});
'''


def fast_check(tmp: Path) -> None:
    d = tmp / "circ-props"
    make_circ_js(d, 0, 10431)
    (d / "package.json").write_text(json.dumps({"name": "libcat-props", "version": "1.4.0", "private": True},
                                               indent=2) + "\n")
    (d / "test" / "circulation.test.js").unlink()
    (d / "test" / "props.test.mjs").write_text(PROPS.replace("__SEED__", "10431"))
    cap("fast-check-node-test-spec", "node --test --test-reporter=spec test/props.test.mjs", d, n_fc_node)
    cap("fast-check-node-test-tap-exit", "node --test --test-reporter=tap test/; echo EXIT=$?", d, n_fc_node)
    cap("fast-check-node-test-head-100", "node --test test/ 2>&1 | head -n 100", d, n_fc_node)
    v = d / "vt"
    v.mkdir()
    (v / "props.test.mjs").write_text(PROPS.replace("__SEED__", "10432").replace('import test from "node:test";',
                                                                               'import { test } from "vitest";'))
    (d / "vitest.config.mjs").write_text('export default { test: { include: ["vt/**/*.test.mjs"] } };\n')
    cap("fast-check-vitest-run-exit", "npx vitest run; echo EXIT=$?", d, n_fc_vitest, timeout=300)
    cap("fast-check-vitest-verbose-tail-60", "npx vitest run --reporter=verbose 2>&1 | tail -n 60", d, n_fc_vitest,
        timeout=300)


JSV_TEST = r'''const test = require("node:test");
const jsc = require("jsverify");
const c = require("../src/circulation");

test("fines stay under the cap", () => {
  jsc.assert(jsc.forall(jsc.elements(["book", "dvd"]), jsc.nat(300), (k, late) => c.fine(k, late, false) <= 8));
});
test("pages are kept", () => {
  jsc.assert(jsc.forall(jsc.nat(100), jsc.integer(2, 9), (t, p) => c.splitPages(t, p).reduce((a, b) => a + b, 0) === t));
});
test("due after out", () => {
  jsc.assert(jsc.forall(jsc.elements(["book", "dvd", "magazine"]), jsc.nat(365), (k, d) => c.dueDay(k, d) > d));
});
test("unknown kinds are refused", () => {
  jsc.assert(jsc.forall(jsc.asciinestring, (k) => { if (!["book", "dvd"].includes(k) && isNaN(c.dueDay(k, 0))) throw new TypeError(`kind ${k} gave NaN`); return true; }));
});
'''

JSV_SCRIPT = r'''"use strict";
const jsc = require("jsverify");
const c = require("./src/circulation");

const props = {
  "fine capped": jsc.forall(jsc.nat(500), (late) => c.fine("dvd", late, false) <= 8),
  "isbn check is a digit or X": jsc.forall(jsc.array(jsc.elements("0123456789".split(""))),
    (ds) => ds.length < 9 || /^[0-9X]$/.test(c.isbn10Check(ds.join("")))),
  "renew refuses holds": jsc.forall(jsc.nat(5), jsc.nat(5), (r, h) => h === 0 || !c.renewable(r, h)),
  "sheets keep pages": jsc.forall(jsc.nat(50), (t) => c.splitPages(t, 4).reduce((a, b) => a + b, 0) === t),
  "call numbers sort numerically": jsc.forall(jsc.array(jsc.nat(999)), (ns) => {
    const s = c.sortByCall(ns.map((n) => n + ".5")).map(Number);
    return s.every((x, i) => i === 0 || s[i - 1] <= x);
  }),
  "shelf marks round-trip": jsc.forall(jsc.asciinestring, (a) => c.parseShelfMark(c.shelfMark("823.8", a)).call === "823.8"),
  "isbn normalised to digits": jsc.forall(jsc.array(jsc.elements(["1", "2", "-", " "])),
    (cs) => /^[0-9]*$/.test(c.normaliseIsbn(cs.join("")))),
  "child fine at most adult fine": jsc.forall(jsc.nat(200), (d) => c.fine("book", d, true) <= c.fine("book", d, false)),
};
let failed = 0;
for (const [name, prop] of Object.entries(props)) {
  console.log(`checking ${name} ...`);
  const r = jsc.check(prop, { tests: 300, quiet: false });
  console.log(`property ${name}: ${r === true ? "ok" : "FAILED"}`);
  if (r !== true) failed++;
}
console.log(`${Object.keys(props).length} properties, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
'''


def jsverify(tmp: Path) -> None:
    d = tmp / "circ-jsv"
    make_circ_js(d, 0, 10441)
    (d / "test" / "circulation.test.js").unlink()
    (d / "test" / "jsv.test.js").write_text(JSV_TEST)
    (d / "check_props.js").write_text(JSV_SCRIPT)
    cap("jsverify-node-test-exit", "node --test test/jsv.test.js; echo EXIT=$?", d, n_jsverify)
    cap("jsverify-check-script", "node check_props.js", d, n_jsverify)


SWAGGER = '''swagger: "2.0"
info: {title: libcat loans, version: 1.4.0}
host: 127.0.0.1:19042
schemes: [http]
consumes: [application/json]
produces: [application/json]
paths:
  /loans:
    post:
      parameters:
        - {name: body, in: body, required: true, schema: {type: object, required: [barcode, member],
           properties: {barcode: {type: string}, member: {type: integer}, kind: {type: string}},
           example: {barcode: "31000555", member: 3, kind: audiobook}}}
      responses:
        "201": {description: checked out, schema: {$ref: "#/definitions/LoanOut"}}
  /loans/{lid}:
    get:
      parameters: [{name: lid, in: path, required: true, type: integer, x-example: 777}]
      responses:
        "200": {description: the loan, schema: {$ref: "#/definitions/LoanOut"}}
  /loans/{lid}/return:
    post:
      parameters:
        - {name: lid, in: path, required: true, type: integer, x-example: 1}
        - {name: days_late, in: query, required: false, type: integer, x-example: 40}
      responses:
        "204": {description: returned}
  /titles/{isbn}:
    get:
      parameters:
        - {name: isbn, in: path, required: true, type: string, x-example: "9780141439518"}
        - {name: branch, in: query, required: false, type: integer, x-example: 5}
      responses:
        "200": {description: the title, schema: {$ref: "#/definitions/Title"}}
  /branches/northgate/hours:
    get:
      parameters: [{name: weekday, in: query, type: integer, x-example: 3}]
      responses:
        "200":
          description: hours
          schema: {type: object, required: [branch, opens], properties: {branch: {type: string}, opens: {type: string}}}
  /branches/northgate/printing:
    get:
      parameters: [{name: pages, in: query, type: integer, x-example: 12}]
      responses:
        "200":
          description: cost
          schema: {type: object, required: [branch, cost], properties: {branch: {type: string}, cost: {type: number}}}
definitions:
  LoanOut:
    type: object
    required: [id, barcode, due_day, fine]
    properties: {id: {type: integer}, barcode: {type: string}, due_day: {type: integer}, fine: {type: number}}
  Title:
    type: object
    required: [isbn, title, copies, on_shelf]
    properties: {isbn: {type: string}, title: {type: string}, copies: {type: integer}, on_shelf: {type: integer, minimum: 0}}
'''


def dredd(tmp: Path) -> None:
    d = tmp / "dredd"
    d.mkdir()
    (d / "loans.yaml").write_text(SWAGGER)
    dredd_bin = DREDD / "node_modules" / ".bin" / "dredd"
    cap("dredd-run-loans-exit", f"{dredd_bin} loans.yaml http://127.0.0.1:19042; echo EXIT=$?", d, n_dredd,
        typed="dredd loans.yaml http://127.0.0.1:19042; echo EXIT=$?", timeout=300)
    cap("dredd-run-names-and-run", f"{dredd_bin} loans.yaml http://127.0.0.1:19042 --names 2>&1 | head -n 40 && "
        f"{dredd_bin} loans.yaml http://127.0.0.1:19042 --only '/loans/{{lid}} > GET > 200 > application/json'"
        " --only '/titles/{isbn} > GET > 200 > application/json' 2>&1 | tail -n 60", d, n_dredd,
        typed="dredd loans.yaml http://127.0.0.1:19042 --names 2>&1 | head -n 40 && dredd loans.yaml "
        "http://127.0.0.1:19042 --only '/loans/{lid} > GET > 200 > application/json' --only "
        "'/titles/{isbn} > GET > 200 > application/json' 2>&1 | tail -n 60", timeout=300)


STEPS = [stryker, fast_check, jsverify, dredd]
