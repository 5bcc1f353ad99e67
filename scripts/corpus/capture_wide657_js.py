"""Round 657, JavaScript / TypeScript: a real npm package new to the corpus (isbn3 2.0.11: ISBN parse, validate,
hyphenate and audit against the ISBN agency's table of groups and publisher ranges; CommonJS, no dependencies) copied
into a small app (`signboard`, a signwriter's board of book-shop signs: the ISBNs lettered on each shop's fascia,
hyphenated as the agency ranges say) as `lib/isbn3/` (its `isbn.js` and `lib/*.js`, each as `.cjs`, the requires
pointed at the copies) with a few bugs put in; the app's own vitest suite over the copy (ISBNs built here from the
package's own table of groups and ranges by a seeded generator, check digits worked out by hand: failures among many
passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it
wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round
313's (capture_wide313_js), imported; the steps' layout is capture_wide641_js's, its package-specific parts rewritten.
Run through capture_wide657.py."""

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
from capture_wide657 import JS, cap

NM = JS / "node_modules"
PKG = NM / "isbn3"
COPY = "lib/isbn3"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# An ISBN-10 check digit of 10 is written 0 instead of X; a publisher code at the top of its range is not found; the
# ISBN-10 form loses the hyphen between publisher and article.
BUGS = [(f"{COPY}/lib/calculate_check_digit.cjs", "return check === 10 ? 'X' : String(check)",
         "return check === 10 ? '0' : String(check)"),
        (f"{COPY}/lib/split_isbn_parts.cjs", "if (min <= publisher && max >= publisher)",
         "if (min <= publisher && max > publisher)"),
        (f"{COPY}/lib/fill.cjs", "codes.isbn10h = `${group}-${publisher}-${article}-${check10}`",
         "codes.isbn10h = `${group}-${publisher}${article}-${check10}`")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ISBN = require("../lib/isbn3/isbn.cjs");
const GROUPS = require("../lib/isbn3/lib/groups.cjs");

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(65716);

// the check digits, worked out here by hand as the signwriter does before lettering
function check10(nine) {
  let s = 0;
  for (let i = 0; i < 9; i++) s += (10 - i) * Number(nine[i]);
  const c = (11 - (s % 11)) % 11;
  return c === 10 ? "X" : String(c);
}
function check13(twelve) {
  let s = 0;
  for (let i = 0; i < 12; i++) s += Number(twelve[i]) * (i % 2 ? 3 : 1);
  return String((10 - (s % 10)) % 10);
}

// the book shops' fascias: for each group of the agency's table, the publisher codes at both ends of a range and one
// inside it, an article number drawn from the generator
const keys = Object.keys(GROUPS).filter((k) => k.startsWith("978-")).sort();
const BOARD = [];
for (let n = 0; n < __SHOPS__; n++) {
  const key = keys[Math.floor(rand() * keys.length)];
  const [prefix, group] = key.split("-");
  const ranges = GROUPS[key].ranges;
  if (!ranges.length) continue;
  const [min, max] = ranges[Math.floor(rand() * ranges.length)];
  const mid = String(Number(min) + Math.floor(rand() * (Number(max) - Number(min) + 1))).padStart(min.length, "0");
  for (const [end, publisher] of [["low", min], ["mid", mid], ["high", max]]) {
    const len = 9 - group.length - publisher.length;
    if (len < 1) continue;
    let article = "";
    for (let i = 0; i < len; i++) article += String(Math.floor(rand() * 10));
    const body = group + publisher + article;
    BOARD.push({ shop: GROUPS[key].name + " " + end + " " + publisher, prefix, group, publisher, article,
                 c10: check10(body), c13: check13(prefix + body) });
  }
}

describe("signboard book-shop fascias", () => {
  for (const b of BOARD) {
    const isbn13 = b.prefix + b.group + b.publisher + b.article + b.c13;
    const isbn10 = b.group + b.publisher + b.article + b.c10;
    describe(b.shop + " (" + isbn13 + ")", () => {
      test("letters the ISBN-13 with the agency's hyphens", () => {
        expect(ISBN.hyphenate(isbn13)).toBe([b.prefix, b.group, b.publisher, b.article, b.c13].join("-"));
      });
      test("letters the ISBN-10 form with its hyphens", () => {
        expect(ISBN.asIsbn10(isbn13, true)).toBe([b.group, b.publisher, b.article, b.c10].join("-"));
      });
      test("reads the old ISBN-10 back as the ISBN-13", () => {
        expect(ISBN.asIsbn13(isbn10)).toBe(isbn13);
      });
      test("names the group on the board", () => {
        expect(ISBN.parse(isbn13)).toMatchObject({ group: b.group, publisher: b.publisher, isValid: true });
      });
    });
  }
  test("the board holds the shops", () => {
    expect(BOARD.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import ISBN from "../lib/isbn3/isbn.cjs";

const shops = { "draper": ["978-0", "fascia"], "grocer": 9, "chemist": ["gold"], "inn": "../boards", "draper": "x" };
export function letterFor(shop, isbn) {
  var board = shops[shop];
  for (var s in shops) {
    if (isbn == undefined) isbn = s;
  }
  const unused = shops.length * 2;
  if (ISBN.hyphenate(board[0] + isbn) == null) return "no board for " + shop;
  else return shop + " letters " + isbn;
}
export const fascia = async function (rows) {
  const { length } = rows.filter((r) => ISBN.parse(r.isbn) == r.valid);
  return length + " boards lettered";
};
export function column(isbns, hyphen, log) {
  let n = 0;
  isbns.forEach(function (i) { if (ISBN.asIsbn10(i, hyphen).length != false) n++; });
  while (n = isbns.length) { n--; }
  if (n) {}
  return n ? isbns : null;
}
"""

APP_TS = """import ISBN from '../lib/isbn3/isbn.cjs'

interface Board { shop: string; isbn: string; letters?: { count: number; leaf: string }; hung?: Date }
interface Round { name: string; boards: Board[] }

export function fascias(rounds: Round[]): string[] {
  return rounds.map((r) => ISBN.hyphenate(r.boards) + 1)
}

export const valid = (b: Board): number => ISBN.parse(b.letters.count, b.hung).length
export const ten = (b: Board): string => ISBN.asIsbn10(b.letters.count, b.letters.leaf)
export const when = (b: Board) => b.hung.toUTCString()
export const letters = (b: Board): number => b.shop.length.toFixed()
export const total: string = ISBN.groups['978-0'].ranges.length * 'boards'
export const both = (r: Round): [string, number] => [ISBN.asIsbn13(r), ISBN.audit(r.name).clues]
export const group = (b: Board): URL => ISBN.parse(b.isbn).groupname.toLowerCase()
export const hung: boolean = ISBN.asIsbn13(5, 'two').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "signboard"
    for d in ("app", f"{COPY}/lib", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "signboard", "version": "2.0.11", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/boards.js": APP_JS,
             "test/signboard.test.mjs": TEST_JS.replace("__SHOPS__", "70")}
    # the package's CommonJS files as .cjs, their requires pointed at the copies
    for src in [PKG / "isbn.js", *sorted((PKG / "lib").glob("*.js"))]:
        rel = src.relative_to(PKG).with_suffix(".cjs")
        text = re.sub(r"require\('(\.[^']*?)(?:\.js)?'\)", r"require('\1.cjs')", src.read_text())
        files[f"{COPY}/{rel}"] = text
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-signboard", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-signboard-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-signboard-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "signboard"
    cap("eslint-color-app-lib-signboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/signboard.ts": APP_TS})
    cap("tsc-checkjs-isbn3-signboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/isbn3/isbn.cjs lib/isbn3/lib/*.cjs "
        "app/boards.js ts/signboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-signboard", "chain-lint", "lint",
          [Part("cd signboard", None), Part("npx eslint app/boards.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-isbn3-json", "npm view isbn3@2.0.11 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
