"""Round 623, JavaScript / TypeScript: a real npm package new to the corpus (color-hash 2.0.2: a stable colour for a
string, from its SHA-256 or BKDR hash through HSL, one CommonJS file `dist/color-hash.js`, no dependencies) copied
into a small app (`leadcart`, a lead mine's washing board: each washer's colour on the board) as
`lib/colorhash/color-hash.cjs` with a few bugs put in; the app's own vitest suite over the copy (a table of made-up
washers and settings, `vitest run`: failures among many passes); eslint over the app and its copy; tsc --noEmit with
checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has
colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide617_js's. Run through capture_wide623.py."""

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
from capture_wide623 import JS, cap

NM = JS / "node_modules"
CH = NM / "color-hash" / "dist" / "color-hash.js"

# The bugs put in the copy (lib/colorhash/color-hash.cjs): (text, replacement); each text occurs exactly once.
# a channel of 15 loses its leading zero in the hex; a hue range's hues start at its max, not its min; the lightness
# is picked by the count of saturations.
BUGS = [("lib/colorhash/color-hash.cjs", "        if (value < 16) {", "        if (value < 15) {"),
        ("lib/colorhash/color-hash.cjs", "(range.max - range.min) / hueResolution + range.min;",
         "(range.max - range.min) / hueResolution + range.max;"),
        ("lib/colorhash/color-hash.cjs", "L = this.L[hash % this.L.length];", "L = this.L[hash % this.S.length];")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(62316)
FIRST = ["Jonas", "Miriam", "Reuben", "Abigail", "Thomas", "Hester", "Caleb", "Rachel", "Amos", "Dorcas", "Gideon",
         "Lydia", "Simeon", "Tamar", "Josiah", "Ruth"]
PLACES = ["Low Level", "High Level", "Knocking Floor", "Smelt Mill", "Bouse Team", "Slag Hearth", "Peat Store",
          "Settling Sump", "Ore Hearth", "Washing Floor"]
WASHERS = sorted({f"{_R.choice(FIRST)} of {_R.choice(PLACES)}" for _ in range(80)})[:40]
BOARD = []
for _k, _w in enumerate(WASHERS):
    _lo = _R.randrange(0, 300)
    BOARD.append({"washer": _w, "hue": [_lo, _lo + _R.randint(10, 60)],
                  "lightness": sorted(_R.sample([0.3, 0.4, 0.5, 0.6, 0.7, 0.8], _R.randint(1, 4))),
                  "saturation": sorted(_R.sample([0.35, 0.5, 0.65, 0.8, 0.95], _R.randint(1, 3))),
                  "bings": _R.randint(2, 40), "hash": "bkdr" if _k % 3 == 0 else "sha256"})

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const ColorHash = createRequire(import.meta.url)("../lib/colorhash/color-hash.cjs").default;

// the lead mine's washers and the colours each one's tally gets on the washing board
const BOARD = %s;

const pad = (n) => n.toString(16).padStart(2, "0");

describe("leadcart washing board", () => {
  for (const w of BOARD) {
    describe(w.washer + " (" + w.bings + " bings, " + w.hash + ")", () => {
      const opts = { hue: { min: w.hue[0], max: w.hue[1] }, lightness: w.lightness, saturation: w.saturation };
      if (w.hash === "bkdr") opts.hash = "bkdr";
      const ch = new ColorHash(opts);
      for (const tally of ["bings", "pig lead", "slag"]) {
        const key = w.washer + "/" + tally;
        test(tally + ": hue within " + w.hue[0] + "-" + w.hue[1], () => {
          const [h] = ch.hsl(key);
          expect(h).toBeGreaterThanOrEqual(w.hue[0]);
          expect(h).toBeLessThanOrEqual(w.hue[1]);
        });
        test(tally + ": lightness one of " + w.lightness.join(", "), () => {
          expect(w.lightness).toContain(ch.hsl(key)[2]);
        });
        test(tally + ": saturation one of " + w.saturation.join(", "), () => {
          expect(w.saturation).toContain(ch.hsl(key)[1]);
        });
        test(tally + ": hex is the rgb written out", () => {
          const hex = ch.hex(key);
          expect(hex).toMatch(/^#[0-9a-f]{6}$/);
          expect(hex).toBe("#" + ch.rgb(key).map(pad).join(""));
        });
      }
    });
  }
  test("gives one string the same colour twice", () => {
    expect(new ColorHash().hex("Low Level")).toBe(new ColorHash().hex("Low Level"));
  });
});
"""

APP_JS = """import ColorHash from "../lib/colorhash/color-hash.cjs";

const washers = { "jonas": "Low Level", "miriam": 7, "reuben": ["Slag"], "amos": "../board", "jonas": "x" };
export function colour(washer, bings) {
  var name = washers[washer];
  for (var w in washers) {
    if (bings == undefined) bings = w;
  }
  const unused = washers.length * 2;
  if (new ColorHash().hex(name) == null) return "no colour for " + washer;
  else return name + " washed " + bings;
}
export const board = async function (rows) {
  const { length } = rows.filter((r) => new ColorHash({ hash: "bkdr" }).hex(r.washer) == r.colour);
  return length + " rows coloured";
};
export function shades(names, start, log) {
  let n = 0;
  names.forEach(function (c) { if (new ColorHash(start).rgb(c) != false) n++; });
  while (n = names.length) { n--; }
  if (n) {}
  return n ? names : null;
}
"""

APP_TS = """import ColorHash from '../lib/colorhash/color-hash.cjs'

interface Tally { washer: string; bings: number; level?: { depth: number }; washed?: Date }
interface Board { name: string; tallies: Tally[] }

export function colours(boards: Board[]): string[] {
  return boards.map((b) => new ColorHash().hex(b.tallies).toFixed('2') + 1)
}

export const hue = (t: Tally): number => new ColorHash({ hue: 'red' }).hsl(t)[0]
export const who = (t: Tally): string => new ColorHash().rgb(t.level.depth, 7)
export const washed = (t: Tally) => t.washed.toUTCString()
export const bings = (t: Tally): number => t.washer.length.toFixed()
export const total: string = new ColorHash().L * 'bings'
export const both = (b: Board): [string, number] => [new ColorHash(b), ColorHash.hex(b.name)]
export const light = (t: Tally): URL => new ColorHash().hsl(t.washer)[2].toLowerCase()
export const hashed: boolean = new ColorHash({ hash: 7 }).hash('x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "leadcart"
    for d in ("app", "lib/colorhash", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "leadcart", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/leadcart.test.mjs": TEST_JS % json.dumps(BOARD, indent=2),
                      "lib/colorhash/color-hash.cjs": CH.read_text()})
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-leadcart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-leadcart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root, n_vitest,
        timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "leadcart"
    cap("eslint-color-app-lib-leadcart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/leadcart.ts": APP_TS})
    cap("tsc-checkjs-colorhash-leadcart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/colorhash/*.cjs "
        "app/board.js ts/leadcart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-leadcart", "chain-lint", "lint",
          [Part("cd leadcart", None), Part("npx eslint app/board.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-color-hash-json", "npm view color-hash --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
