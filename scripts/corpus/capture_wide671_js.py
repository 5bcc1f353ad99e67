"""Round 671, JavaScript / TypeScript: a real npm package new to the corpus (n2words 4.0.0: numbers to words in many
languages, one ESM module a language under `src/` and its helpers under `src/utils/`, no dependencies) copied into a
small app (`slateboard`, a slate yard's board that letters each roof's count of slates in words on the invoice) as
`lib/n2words/` (its `src/**/*.js`) with a few bugs put in; the app's own vitest suite over the copy (numbers drawn by a
seeded generator, the expected US English words worked out by the test apart from the package: failures among many
passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses
it wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round
313's (capture_wide313_js), imported; the steps' layout is capture_wide666_js's, its package-specific parts rewritten.
Run through capture_wide671.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide671 import JS, cap

NM = JS / "node_modules"
PKG = NM / "n2words" / "src"
COPY = "lib/n2words"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# US English loses the hyphen between tens and ones; "fourteen" is misspelt; "twelfth" comes out "twelveth".
BUGS = [(f"{COPY}/en-US.js", "tensOnes = ones > 0 ? TENS[tens] + '-' + ONES[ones] : TENS[tens]",
         "tensOnes = ones > 0 ? TENS[tens] + ' ' + ONES[ones] : TENS[tens]"),
        (f"{COPY}/en-US.js", "'thirteen', 'fourteen',", "'thirteen', 'forteen',"),
        (f"{COPY}/en-US.js", "'eleventh', 'twelfth',", "'eleventh', 'twelveth',")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import { toCardinal, toOrdinal } from "../lib/n2words/en-US.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(67116);

// the words, worked out here as the slate yard's clerk letters an invoice (US English, no "and")
const ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
const TENS = ",,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety".split(",");
const SCALES = ["", "thousand", "million", "billion"];
function under1000(n) {
  const words = [];
  if (n >= 100) { words.push(ONES[Math.floor(n / 100)] + " hundred"); n %= 100; }
  if (n >= 20) words.push(TENS[Math.floor(n / 10)] + (n % 10 ? "-" + ONES[n % 10] : ""));
  else if (n > 0) words.push(ONES[n]);
  return words.join(" ");
}
function cardinal(n) {
  if (n === 0) return "zero";
  const words = [];
  for (let i = SCALES.length - 1; i >= 0; i--) {
    const seg = Math.floor(n / 1000 ** i) % 1000;
    if (seg) words.push(under1000(seg) + (i ? " " + SCALES[i] : ""));
  }
  return words.join(" ");
}
const IRREGULAR = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };
function ordinal(n) {
  const words = cardinal(n);
  const m = words.match(/^(.*?)([a-z]+)$/);
  const [head, last] = [m[1], m[2]];
  if (IRREGULAR[last]) return head + IRREGULAR[last];
  if (last.endsWith("y")) return head + last.slice(0, -1) + "ieth";
  return head + last + "th";
}

// the roofs: slates counted on each, drawn from the generator across the sizes a slater meets
const ROOFS = [];
for (let n = 1; n <= __ROOFS__; n++) {
  const digits = 1 + Math.floor(rand() * 9);
  const slates = Math.floor(rand() * 10 ** digits);
  ROOFS.push({ roof: "roof " + n, slates });
}

describe("slateboard invoices", () => {
  for (const r of ROOFS) {
    describe(r.roof + " (" + r.slates + " slates)", () => {
      test("letters the count of slates", () => {
        expect(toCardinal(r.slates)).toBe(cardinal(r.slates));
      });
      test("letters the course it was hung in", () => {
        expect(toOrdinal(r.slates + 1)).toBe(ordinal(r.slates + 1));
      });
      test("letters it from a string", () => {
        expect(toCardinal(String(r.slates))).toBe(cardinal(r.slates));
      });
    });
  }
  test("the board holds the roofs", () => {
    expect(ROOFS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import { toCardinal, toOrdinal } from "../lib/n2words/en-US.js";

const roofs = { "chapel": ["duchess", 22], "school": 9, "mill": ["lady"], "manse": "../battens", "chapel": "x" };
export function invoiceFor(roof, slates) {
  var row = roofs[roof];
  for (var s in roofs) {
    if (slates == undefined) slates = s;
  }
  const unused = roofs.length * 2;
  if (toCardinal(row[1] + slates) == null) return "no invoice for " + roof;
  else return roof + " takes " + toCardinal(slates) + " slates";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => toOrdinal(r.course) == r.lettered);
  return length + " roofs lettered";
};
export function column(counts, sep, log) {
  let n = 0;
  counts.forEach(function (c) { if (toCardinal(c, sep).length != false) n++; });
  while (n = counts.length) { n--; }
  if (n) {}
  return n ? counts : null;
}
"""

APP_TS = """import { toCardinal, toOrdinal, toCurrency } from '../lib/n2words/en-US.js'

interface Roof { name: string; slates: number; battens?: { rows: number; gauge: string }; hung?: Date }
interface Round { slater: string; roofs: Roof[] }

export function invoices(rounds: Round[]): string[] {
  return rounds.map((r) => toCardinal(r.roofs) + 1)
}

export const course = (r: Roof): number => toOrdinal(r.battens.rows, r.hung).length
export const gauge = (r: Roof): string => toCardinal(r.battens.gauge, { and: 'yes' })
export const when = (r: Roof) => r.hung.toUTCString()
export const letters = (r: Roof): number => r.name.length.toFixed()
export const total: string = toCardinal(12).length * 'slates'
export const both = (r: Round): [string, number] => [toCurrency(r), toOrdinal(r.slater)]
export const price = (r: Roof): URL => toCurrency(r.slates).toUpperCase()
export const hung: boolean = toCardinal({ slates: 5 }).size
"""


def app(tmp: Path) -> Path:
    root = tmp / "slateboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "slateboard", "version": "4.0.0", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/invoices.js": APP_JS,
             "test/slateboard.test.mjs": TEST_JS.replace("__ROOFS__", "420")}
    # the package's ESM sources (no .d.ts), its utils beside them
    for src in sorted(PKG.rglob("*.js")):
        files[f"{COPY}/{src.relative_to(PKG)}"] = src.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-roof-4-slateboard", "npx vitest run -t 'roof 4' 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-slateboard-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-slateboard-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "slateboard"
    cap("eslint-color-app-lib-slateboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/slateboard.ts": APP_TS})
    cap("tsc-checkjs-n2words-slateboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/n2words/*.js "
        "app/invoices.js ts/slateboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-slateboard", "chain-lint", "lint",
          [Part("cd slateboard", None), Part("npx eslint app/invoices.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-n2words-json", "npm view n2words@4.0.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
