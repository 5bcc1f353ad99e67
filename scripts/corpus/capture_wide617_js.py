"""Round 617, JavaScript / TypeScript: a real npm package new to the corpus (credit-card-type 10.3.0: tells a card's
network from the first digits of its number, CommonJS files under `dist/`, no dependencies) copied into a small app
(`alumcart`, an alum works' merchants' counter: which card each alum buyer pays with) as `lib/cardtype/**/*.cjs` (its
relative `require`s pointed at the .cjs names) with a few bugs put in; the app's own vitest suite over the copy (a
table of made-up merchants' card numbers, `vitest run`: failures among many passes); eslint over the app and its copy;
tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package.
One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the
copy sits under lib/ as .cjs files so that the config's CommonJS rules read it (rounds 592's, 596's and 605's
pattern; the steps' layout is capture_wide605_js's). Run through capture_wide617.py."""

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
from capture_wide617 import JS, cap

NM = JS / "node_modules"
CCT = NM / "credit-card-type" / "dist"
FILES = ["index", "types", "lib/card-types", "lib/add-matching-cards-to-results", "lib/is-valid-input-type",
         "lib/find-best-match", "lib/clone", "lib/matches"]

# The bugs put in the copy (lib/cardtype/): (file, text, replacement); each text occurs exactly once.
# a range of prefixes leaves out its last one (`51-55` misses 55); the best match keeps the less specific pattern;
# a number exactly as long as the pattern it matches gets no strength.
BUGS = [("lib/matches.cjs", "integerRepresentationOfCardNumber <= max);", "integerRepresentationOfCardNumber < max);"),
        ("lib/find-best-match.cjs", "if (Number(bestMatch.matchStrength) < Number(result.matchStrength)) {",
         "if (Number(bestMatch.matchStrength) > Number(result.matchStrength)) {"),
        ("lib/add-matching-cards-to-results.cjs", "if (cardNumber.length >= patternLength) {",
         "if (cardNumber.length > patternLength) {")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(61716)
TOWNS = ["Whitby", "Scarborough", "Hull", "Leeds", "York", "Bradford", "Halifax", "Wakefield", "Hartlepool", "Stockton",
         "Sunderland", "Guisborough", "Darlington", "Ripon", "Kendal", "Rochdale"]
TRADES = ["Dyers", "Tanners", "Fullers", "Clothiers", "Tawers", "Paper Mill", "Glasshouse", "Soapery", "Fellmongers",
          "Calico Printers"]
BUYERS = sorted({f"{_R.choice(TOWNS)} {_R.choice(TRADES)}" for _ in range(60)})[:40]
# (type, nice name, prefixes to start a number with, length, code size); numbers are made up from these prefixes
CARDS = [("visa", "Visa", ["4"], 16, 3), ("mastercard", "Mastercard", ["51", "53", "55", "2221", "2720"], 16, 3),
         ("american-express", "American Express", ["34", "37"], 15, 4),
         ("discover", "Discover", ["6011", "644", "649", "65"], 16, 3),
         ("jcb", "JCB", ["3528", "3589", "3550"], 16, 3), ("diners-club", "Diners Club", ["300", "305", "36"], 14, 3),
         ("mir", "Mir", ["2200", "2204"], 16, 3)]
MERCHANTS = []
for _k, _buyer in enumerate(BUYERS):
    _t, _nice, _pre, _len, _code = CARDS[_k % len(CARDS)] if _k < 7 else _R.choice(CARDS)
    _p = _R.choice(_pre)
    _num = _p + "".join(str(_R.randrange(10)) for _ in range(_len - len(_p)))
    MERCHANTS.append({"buyer": _buyer, "type": _t, "nice": _nice, "prefix": _p, "number": _num, "code": _code,
                      "tuns": _R.randint(2, 40)})

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const cardType = createRequire(import.meta.url)("../lib/cardtype/index.cjs");

// the alum works' buyers and the (made-up) card each pays its tuns of alum with
const MERCHANTS = %s;

describe("alumcart counter", () => {
  for (const m of MERCHANTS) {
    describe(m.buyer + " (" + m.tuns + " tuns)", () => {
      test("knows the card from the whole number", () => {
        const found = cardType(m.number);
        expect(found.map((c) => c.type)).toEqual([m.type]);
      });
      test("knows the card from the prefix " + m.prefix, () => {
        expect(cardType(m.prefix).map((c) => c.type)).toContain(m.type);
      });
      test("names the card", () => {
        expect(cardType(m.number)[0].niceType).toBe(m.nice);
      });
      test("asks for a " + m.code + "-digit code", () => {
        expect(cardType(m.number)[0].code.size).toBe(m.code);
      });
      test("takes a number of " + m.number.length + " digits", () => {
        expect(cardType(m.number)[0].lengths).toContain(m.number.length);
      });
      test("matches as strongly as its prefix", () => {
        const best = cardType(m.number)[0];
        expect(best.matchStrength).toBeGreaterThanOrEqual(m.prefix.length);
      });
    });
  }
  test("refuses a number that is not a string", () => {
    expect(cardType(4111)).toEqual([]);
  });
  test("offers every card for an empty number", () => {
    expect(cardType("").length).toBe(15);
  });
});
"""

APP_JS = """import cardType from "../lib/cardtype/index.cjs";

const buyers = { "whitby": "4111", "hull": 5500, "leeds": ["37"], "york": "../tills", "whitby": "x" };
export function till(buyer, tuns) {
  var number = buyers[buyer];
  for (var name in buyers) {
    if (tuns == undefined) tuns = name;
  }
  const unused = buyers.length * 2;
  if (cardType(number) == null) return "no card for " + buyer;
  else return number + " pays for " + tuns;
}
export const settle = async function (sales) {
  const { length } = sales.filter((s) => cardType(s.card)[0].type == s.type);
  return length + " sales settled";
};
export function cardsOnFile(cards, start, log) {
  let n = 0;
  cards.forEach(function (c) { if (cardType(c, start) != false) n++; });
  while (n = cards.length) { n--; }
  if (n) {}
  return n ? cards : null;
}
"""

APP_TS = """import cardType from '../lib/cardtype/index.cjs'

interface Sale { buyer: string; card: string; tuns?: { count: number }; paid?: Date }
interface Ledger { name: string; sales: Sale[] }

export function types(ledgers: Ledger[]): string[] {
  return ledgers.map((l) => cardType(l.sales)[0].niceType.toFixed('2') + 1)
}

export const gaps = (s: Sale): number => cardType.getTypeInfo(7, s)
export const who = (s: Sale): string => cardType(s.tuns.count, 7, 8)
export const paid = (s: Sale) => s.paid.toUTCString()
export const buyer = (s: Sale): number => s.buyer.length.toFixed()
export const total: string = cardType.types.VISA * 'tuns'
export const both = (l: Ledger): [string, number] => [cardType(), cardType.addCard(l)]
export const code = (s: Sale): URL => cardType(s.card)[0].code.size.toLowerCase()
export const moved: boolean = cardType.changeOrder('visa', 'first').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "alumcart"
    for d in ("app", "lib/cardtype/lib", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "alumcart", "version": "0.6.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/till.js": APP_JS,
                      "test/alumcart.test.mjs": TEST_JS % json.dumps(MERCHANTS, indent=2)})
    for name in FILES:
        text = (CCT / f"{name}.js").read_text()
        for other in FILES:
            base = other.split("/")[-1]
            text = text.replace(f'require("./{other}")', f'require("./{other}.cjs")')
            text = text.replace(f'require("./{base}")', f'require("./{base}.cjs")')
        (root / "lib" / "cardtype" / f"{name}.cjs").write_text(text)
    put_bugs(root / "lib" / "cardtype", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-alumcart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-alumcart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root, n_vitest,
        timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "alumcart"
    cap("eslint-color-app-lib-alumcart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/alumcart.ts": APP_TS})
    cap("tsc-checkjs-cardtype-alumcart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/cardtype/*.cjs lib/cardtype/lib/*.cjs "
        "app/till.js ts/alumcart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-alumcart", "chain-lint", "lint",
          [Part("cd alumcart", None), Part("npx eslint app/till.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-credit-card-type-json", "npm view credit-card-type --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
