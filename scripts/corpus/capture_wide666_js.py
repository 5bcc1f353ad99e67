"""Round 666, JavaScript / TypeScript: a real npm package new to the corpus (ibankit 1.6.5: IBAN and BIC validation,
building and formatting by each country's BBAN structure; CommonJS under `lib/cjs/`, no dependencies) copied into a
small app (`thatchboard`, a thatch yard's board of the accounts its roofs are paid into: an IBAN per village bank,
lettered in groups of four) as `lib/ibankit/` (its `lib/cjs/*.js`, each as `.cjs`, the requires pointed at the copies)
with a few bugs put in; the app's own vitest suite over the copy (IBANs built here by a seeded generator from the
package's own BBAN structures, check digits worked out by hand, mod 97: failures among many passes); eslint over the
app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json
of the package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported; the steps' layout is capture_wide657_js's, its package-specific parts rewritten. Run through
capture_wide666.py."""

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
from capture_wide666 import JS, cap

NM = JS / "node_modules"
PKG = NM / "ibankit" / "lib" / "cjs"
COPY = "lib/ibankit"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# The printed form keeps a trailing separator when the IBAN's length is a multiple of four; a BBAN part of digits or
# letters no longer takes a Z; a check digit under 10 is padded on the wrong side.
BUGS = [(f"{COPY}/ibanUtil.cjs", 'return iban.replace(/(.{4})/g, `$1${separator}`).trim();',
         'return iban.replace(/(.{4})/g, `$1${separator}`);'),
        (f"{COPY}/structurePart.cjs", "[CharacterType.c]: /^[0-9A-Za-z]+$/,", "[CharacterType.c]: /^[0-9A-Ya-y]+$/,"),
        (f"{COPY}/ibanUtil.cjs", 'return checkDigit.padStart(2, "0");', 'return checkDigit.padEnd(2, "0");')]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { IBAN } = require("../lib/ibankit/index.cjs");
const { BbanStructure } = require("../lib/ibankit/bbanStructure.cjs");

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(66616);
const CHARS = ["0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", " "];

// the check digits, worked out here by hand (ISO 13616, mod 97) as the thatch yard's clerk does before lettering
function checkDigits(cc, bban) {
  const moved = (bban + cc + "00").split("").map((ch) => (/[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch));
  const mod = BigInt(moved.join("")) % 97n;
  return String(98n - mod).padStart(2, "0");
}
function grouped(iban) {
  return iban.match(/.{1,4}/g).join(" ");
}

// the village banks: for each country whose BBAN has no national check digit of its own, __PER__ accounts drawn
// from the generator, part by part as the structure says
const BOARD = [];
for (const cc of BbanStructure.supportedCountries().sort()) {
  const structure = BbanStructure.forCountry(cc);
  const parts = structure.getParts();
  if (parts.some((p) => p.hasGenerator)) continue;
  for (let n = 0; n < __PER__; n++) {
    let bban = "";
    for (const p of parts) {
      const chars = CHARS[p.getCharacterType()];
      for (let i = 0; i < p.getLength(); i++) bban += chars[Math.floor(rand() * chars.length)];
    }
    if (bban.includes(" ")) continue;
    BOARD.push({ village: cc + " roof " + (n + 1), cc, bban, iban: cc + checkDigits(cc, bban) + bban });
  }
}

describe("thatchboard village bank accounts", () => {
  for (const b of BOARD) {
    describe(b.village + " (" + b.iban + ")", () => {
      test("takes the account as a valid IBAN", () => {
        expect(IBAN.isValid(b.iban)).toBe(true);
      });
      test("letters the IBAN in groups of four", () => {
        expect(IBAN.printFormat(b.iban)).toBe(grouped(b.iban));
      });
      test("builds the same IBAN from the BBAN", () => {
        expect(IBAN.fromBBAN(b.cc, b.bban)).toBe(b.iban);
      });
      test("reads the lettered IBAN back", () => {
        expect(IBAN.electronicFormat(grouped(b.iban))).toBe(b.iban);
      });
    });
  }
  test("the board holds the villages", () => {
    expect(BOARD.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import ibankit from "../lib/ibankit/index.cjs";

const banks = { "mill": ["GB", "ridge"], "church": 9, "forge": ["reed"], "barn": "../yelms", "mill": "x" };
export function accountFor(roof, iban) {
  var bank = banks[roof];
  for (var s in banks) {
    if (iban == undefined) iban = s;
  }
  const unused = banks.length * 2;
  if (ibankit.IBAN.isValid(bank[0] + iban) == null) return "no account for " + roof;
  else return roof + " pays into " + iban;
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => ibankit.IBAN.printFormat(r.iban) == r.valid);
  return length + " roofs paid";
};
export function column(ibans, sep, log) {
  let n = 0;
  ibans.forEach(function (i) { if (ibankit.IBAN.toBBAN(i, sep).length != false) n++; });
  while (n = ibans.length) { n--; }
  if (n) {}
  return n ? ibans : null;
}
"""

APP_TS = """import { IBAN, BIC } from '../lib/ibankit/index.cjs'

interface Roof { village: string; iban: string; reed?: { bundles: number; spars: string }; laid?: Date }
interface Round { name: string; roofs: Roof[] }

export function accounts(rounds: Round[]): string[] {
  return rounds.map((r) => IBAN.printFormat(r.roofs) + 1)
}

export const valid = (r: Roof): number => IBAN.isValid(r.reed.bundles, r.laid).length
export const bban = (r: Roof): string => IBAN.toBBAN(r.reed.bundles, r.reed.spars)
export const when = (r: Roof) => r.laid.toUTCString()
export const letters = (r: Roof): number => r.village.length.toFixed()
export const total: string = IBAN.random('GB').getBban().length * 'roofs'
export const both = (r: Round): [string, number] => [IBAN.electronicFormat(r), new BIC(r.name).getBankCode()]
export const bank = (r: Roof): URL => new IBAN(r.iban).getBankCode().toLowerCase()
export const laid: boolean = IBAN.fromBBAN(5, 'two').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "thatchboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "thatchboard", "version": "1.6.5", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/accounts.js": APP_JS,
             "test/thatchboard.test.mjs": TEST_JS.replace("__PER__", "4")}
    # the package's CommonJS files as .cjs, their requires pointed at the copies
    for src in sorted(PKG.glob("*.js")):
        text = re.sub(r'require\("(\.[^"]*?)(?:\.js)?"\)', r'require("\1.cjs")', src.read_text())
        files[f"{COPY}/{src.stem}.cjs"] = text
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-roof-1-thatchboard", "npx vitest run -t 'roof 1 ' 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-thatchboard-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-thatchboard-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "thatchboard"
    cap("eslint-color-app-lib-thatchboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/thatchboard.ts": APP_TS})
    cap("tsc-checkjs-ibankit-thatchboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/ibankit/*.cjs "
        "app/accounts.js ts/thatchboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-thatchboard", "chain-lint", "lint",
          [Part("cd thatchboard", None), Part("npx eslint app/accounts.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-ibankit-json", "npm view ibankit@1.6.5 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
