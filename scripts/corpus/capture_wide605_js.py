"""Round 605, JavaScript / TypeScript: a real npm package new to the corpus (cron-parser 4.9.0: a parser of cron
expressions that steps through their times, CommonJS files under `lib/`, luxon its one dependency) copied into a small
app (`icewagon`, an ice harvest's round board: when the ploughs, saws and wagons go out, as cron expressions) as
`lib/cron/*.cjs` (its relative `require`s pointed at the .cjs names) with a few bugs put in; the app's own vitest
suite over the copy (a table of ice rounds, `vitest run`: failures among many passes); eslint over the app and its
copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the
package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported; the copy sits under lib/ as .cjs files so that the config's CommonJS rules read it (rounds 592's and 596's
pattern). Run through capture_wide605.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide605 import JS, cap

NM = JS / "node_modules"
CRON = NM / "cron-parser" / "lib"
FILES = ["parser", "expression", "date", "field_compactor", "field_stringify"]

# The bugs put in the copy (lib/cron/): (file, text, replacement); each text occurs exactly once.
# a range stops one short of its end (`9-17` leaves out 17); a `*/N` field that reaches the end of its range is not
# written back as `*/N`; two values of a list are written back as a range with a step (`1,4` as `1-4/3`).
BUGS = [("expression.cjs", "for (var index = min, count = max; index <= count; index++) {",
         "for (var index = min, count = max; index < count; index++) {"),
        ("field_stringify.cjs", "singleRange.start === min && singleRange.end === max - step + 1) {",
         "singleRange.start === min && singleRange.end === max) {"),
        ("field_compactor.cjs", "into 2 single elements\n    if (currentRange.count === 2) {",
         "into 2 single elements\n    if (currentRange.count === 3) {")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(60516)
PONDS = ["Fresh Pond", "Spy Pond", "Walden", "Horn Pond", "Sandy Pond", "Mill Pond", "Long Lake", "Ice Lake",
         "Kennebec", "Rockland Lake", "Wenham Lake", "Clear Lake"]
ICEMEN = ["Abigail", "Ephraim", "Hepzibah", "Josiah", "Mercy", "Thankful", "Asa", "Zebulon"]
ROUNDS = []
for _k in range(12):
    _h1 = _R.randint(3, 12)
    _h2 = _h1 + _R.randint(2, 8)
    _hours = f"{_h1}-{_h2}" if _R.random() < 0.5 else f"{_h1},{_h2}"
    _days = _R.choice(["1-5", "1,4", "*", "2-6", "0,3", "1-3"])
    _step = _R.choice([5, 7, 10, 12, 15, 20, 25, 30])
    ROUNDS.append({"pond": PONDS[_k], "iceman": ICEMEN[_k % len(ICEMEN)], "step": _step, "hours": _hours,
                   "days": _days, "expr": f"*/{_step} {_hours} * * {_days}",
                   "start": f"2026-01-{_R.randint(1, 28):02d}T{_R.randint(0, 23):02d}:00:00Z"})

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const cron = createRequire(import.meta.url)("../lib/cron/parser.cjs");

// the ice harvest's rounds: when each pond's ploughs and saws go out, as the foreman chalks it on the board
const ROUNDS = %s;

function spread(field) {
  const out = [];
  for (const part of field.split(",")) {
    const [a, b] = part.split("-").map(Number);
    for (let v = a; v <= (b === undefined ? a : b); v++) out.push(v);
  }
  return out;
}

function open(r) {
  return cron.parseExpression(r.expr, { currentDate: new Date(r.start), tz: "UTC" });
}

describe("icewagon rounds", () => {
  for (const r of ROUNDS) {
    describe(r.pond + " (" + r.iceman + ")", () => {
      test("reads the hours " + r.hours, () => {
        expect(open(r).fields.hour).toEqual(spread(r.hours));
      });
      test("writes the round back as chalked", () => {
        expect(open(r).stringify()).toBe(r.expr);
      });
      test("saws only in its hours", () => {
        const e = open(r);
        const hours = spread(r.hours);
        for (let i = 0; i < 40; i++) expect(hours).toContain(e.next().getHours());
      });
      test("went out before the start", () => {
        expect(open(r).prev().toDate().getTime()).toBeLessThan(new Date(r.start).getTime());
      });
      test("goes out in order", () => {
        const times = open(r).iterate(10).map((d) => d.toDate().getTime());
        expect([...times].sort((a, b) => a - b)).toEqual(times);
      });
      test("marks every " + r.step + " minutes", () => {
        const e = open(r);
        const seen = new Set();
        for (let i = 0; i < 120; i++) seen.add(e.next().getMinutes());
        const want = [];
        for (let m = 0; m < 60; m += r.step) want.push(m);
        expect([...seen].sort((a, b) => a - b)).toEqual(want);
      });
    });
  }
  test("refuses a board with six hands", () => {
    expect(() => cron.parseExpression("61 * * * *")).toThrow();
  });
  test("keeps the default round", () => {
    expect(cron.parseExpression("* * * * *").stringify()).toBe("* * * * *");
  });
});
"""

APP_JS = """import cron from "../lib/cron/parser.cjs";

const rounds = { "plough": "*/10 6-9 * * 1-5", "saw": 7, "wagon": ["0 5 * * *"], "chute": "../rooms", "plough": "x" };
export function board(round, iceman) {
  var expr = rounds[round];
  for (var name in rounds) {
    if (iceman == undefined) iceman = name;
  }
  const unused = rounds.length * 2;
  if (cron.parseExpression(expr) == null) return "no round for " + iceman;
  else return expr + " for " + iceman;
}
export const nextWagon = async function (rounds) {
  const { length } = rounds.filter((r) => cron.parseExpression(r.expr).next() == r.start);
  return length + " wagons out";
};
export function sawingOrder(ponds, start, log) {
  let n = 0;
  ponds.forEach(function (p) { if (cron.parseExpression(p, start) != false) n++; });
  while (n = ponds.length) { n--; }
  if (n) {}
  return n ? ponds : null;
}
"""

APP_TS = """import { parseExpression, fieldsToExpression } from '../lib/cron/parser.cjs'

interface Round { pond: string; expr: string; iceman?: { name: string }; sawn?: Date }
interface Field { name: string; rounds: Round[] }

export function boards(fields: Field[]): string[] {
  return fields.map((f) => parseExpression(f.rounds).next().toFixed('2') + 1)
}

export const cakes = (r: Round): number => fieldsToExpression('7', r)
export const who = (r: Round): string => parseExpression(r.iceman.name, 7, 8)
export const sawn = (r: Round) => r.sawn.toUTCString()
export const pond = (r: Round): number => r.pond.length.toFixed()
export const total: string = parseExpression.length * 'tons'
export const both = (f: Field): [string, number] => [parseExpression(), fieldsToExpression(f)]
export const hours = (r: Round): URL => parseExpression(r.expr, { tz: 5 }).fields.hour.toLowerCase()
export const deep: boolean = parseExpression('* * * * *', { iterator: 'yes' }).size
"""


def app(tmp: Path) -> Path:
    root = tmp / "icewagon"
    for d in ("app", "lib/cron", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "icewagon", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/icewagon.test.mjs": TEST_JS % json.dumps(ROUNDS, indent=2)})
    for name in FILES:
        text = (CRON / f"{name}.js").read_text()
        for other in FILES:
            text = text.replace(f"require('./{other}')", f"require('./{other}.cjs')")
        (root / "lib" / "cron" / f"{name}.cjs").write_text(text)
    put_bugs(root / "lib" / "cron", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-icewagon", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "icewagon"
    cap("eslint-color-app-lib-icewagon-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/icewagon.ts": APP_TS})
    cap("tsc-checkjs-cron-icewagon-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/cron/*.cjs app/board.js "
        "ts/icewagon.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    # eslint's part cut by head: the whole of it (879 problems, 105 KB) took the chain past 120,000 characters
    chain("chain-eslint-app-head-then-tsc-icewagon", "chain-lint", "lint",
          [Part("cd icewagon", None), Part("npx eslint app/board.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-cron-parser-json", "npm view cron-parser --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
