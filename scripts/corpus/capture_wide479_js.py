"""Round 479, JavaScript / TypeScript: a real npm package new to the issue's rounds (big.js 7: arbitrary-precision
decimal arithmetic, its CommonJS file `big.js`) copied into a small app (`poundboard`, a lock flight's pound-level
pages) with a few bugs put in; eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript
and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and
the tsconfig are round 313's (capture_wide313_js), imported. Run through capture_wide479.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide479 import JS, cap

NM = JS / "node_modules"
PKG = NM / "big.js"

# The bugs put in the copy (lib/big.cjs): (file, text, replacement); each text occurs exactly once. The default
# decimal places drop from 20 to 12; the default rounding mode is round-down; the exponent at which toString turns
# exponential is 12 instead of 21.
BUGS = [("big.cjs", "DP = 20,            // 0 to MAX_DP", "DP = 12,            // 0 to MAX_DP"),
        ("big.cjs", "RM = 1,             // 0, 1, 2 or 3", "RM = 0,             // 0, 1, 2 or 3"),
        ("big.cjs", "PE = 21,            // 0 to 1000000", "PE = 12,            // 0 to 1000000")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Big from "../lib/big.cjs";

const pounds = { "top": 12, "middle": "14", "side": ["9"], "bottom": "../cill", "top": 13 };
export function level(day, lengthsman) {
  var gauge = new Big(day).plus(lengthsman);
  for (var key in pounds) {
    if (lengthsman == undefined) lengthsman = key;
  }
  const unused = pounds.length * 2;
  if (gauge == null) return "no level for " + lengthsman;
  else return gauge.times(pounds[lengthsman]).round(2) + " cm";
}
export const paddleCheck = function (paddles) {
  const { length } = paddles.filter((p) => new Big(p.turns).lt(0.1) == true);
  return length + " paddles to grease";
};
export function drawDown(pounds, rise, log) {
  let n = 0;
  const step = new Big(rise).div(3);
  pounds.forEach(function (p) { if (step.cmp(p) % 2 != false) n++; });
  while (n = pounds.length) { n--; }
  if (n) {}
  return n ? pounds : null;
}
"""

APP_TS = """import Big from '../lib/big.cjs'

interface Pound { name: string; level: number; lengthsman?: { name: string }; drained?: Date }
interface Flight { locks: string; pounds: Pound[] }

export function sheet(flights: Flight[]): string[] {
  return flights.map((f) => new Big(f.pounds).plus(1).toFixed('2') + 1)
}

export const rise = (p: Pound): number => new Big(p.level).div(2).toFixed(2)
export const who = (p: Pound): boolean => new Big(p.lengthsman.name, { strict: 'yes' }).eq()
export const drained = (p: Pound) => p.drained.toUTCString()
export const locks = (f: Flight): number => f.locks.length.toFixed()
export const total: string = Big.DP * 'pounds'
export const both = (f: Flight): [string, number] => [Big.roundUp(f), Big.sqrt()]
export const gauge = (p: Pound): URL => new Big(p.name, 'ten').abs().toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "poundboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "poundboard", "version": "0.9.2", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/flight.js": APP_JS})
    (root / "lib" / "big.cjs").write_text((PKG / "big.js").read_text())
    (root / "lib" / "big.mjs").write_text((PKG / "big.mjs").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-poundboard-head-900", "npx eslint --color app lib 2>&1 | head -n 900", root,
        n_eslint, timeout=600)
    cap("eslint-lib-big-poundboard", "npx eslint lib/big.cjs 2>&1", root, n_eslint, timeout=600)
    write_tree(root, {"ts/poundboard.ts": APP_TS})
    cap("tsc-checkjs-big-poundboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/big.cjs ts/poundboard.ts 2>&1 "
        "| head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-poundboard", "chain-lint", "lint",
          [Part("cd poundboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-big-js-json", "npm view big.js --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
