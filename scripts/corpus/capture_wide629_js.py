"""Round 629, JavaScript / TypeScript: a real npm package new to the corpus (suncalc 2.0.2: sun and moon positions,
rise and set times and the moon's phase, one CommonJS file `suncalc.cjs`, no dependencies) copied into a small app
(`flintcart`, a gunflint knappery's carting board: when each knapping floor's carts can go out by daylight) as
`lib/suncalc/suncalc.cjs` with a few bugs put in; the app's own vitest suite over the copy (a table of made-up floors,
places and days, `vitest run`: failures among many passes); eslint over the app and its copy; tsc --noEmit with
checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has
colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide623_js's. Run through capture_wide629.py."""

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
from capture_wide629 import JS, cap

NM = JS / "node_modules"
SC = NM / "suncalc" / "suncalc.cjs"
COPY = "lib/suncalc/suncalc.cjs"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# the sun is taken for never rising or setting once a day is shorter than about 9 hours or longer than about 15 (the
# cosine's bound at 0.6, not 1); the sun's position is worked out at the latitude's absolute value (the southern
# hemisphere's noon sun stands in the south); a waning moon's phase is counted as waxing (under a half).
BUGS = [(COPY, "if (cosH0 < -1 || cosH0 > 1) return NaN;", "if (cosH0 < -.6 || cosH0 > .6) return NaN;"),
        (COPY, "const lw = rad * -lng;\n\t\tconst phi = rad * lat;\n\t\tconst d = toDays(date);\n\t\tconst c = sunCoords(",
         "const lw = rad * -lng;\n\t\tconst phi = rad * abs(lat);\n\t\tconst d = toDays(date);\n\t\tconst c = sunCoords("),
        (COPY, "phase: .5 + .5 * inc * (waxing ? -1 : 1) / PI,", "phase: .5 + .5 * inc * (waxing ? -1 : -1) / PI,")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(62916)
FIRST = ["Ezra", "Keziah", "Obadiah", "Tabitha", "Silas", "Jemima", "Hosea", "Zillah", "Enoch", "Patience",
         "Jethro", "Mercy", "Ebenezer", "Bathsheba", "Nathaniel", "Dorcas"]
FLOORS = ["North Floor", "Pit Head", "Quartering Shed", "Sorting Loft", "Flaking Bench", "Chalk Pit", "Nodule Heap",
          "Spall Heap", "Packing Room", "Carter's Yard"]
CARTS = sorted({f"{_R.choice(FIRST)} of {_R.choice(FLOORS)}" for _ in range(80)})[:40]
BOARD = []
for _k, _c in enumerate(CARTS):
    _lat = round(_R.uniform(30, 60), 3) if _k % 4 else round(_R.uniform(-50, -30), 3)
    BOARD.append({"cart": _c, "lat": _lat, "lng": round(_R.uniform(-120, 140), 3),
                  "day": f"2026-{_R.randint(1, 12):02d}-{_R.randint(1, 28):02d}", "flints": _R.randint(200, 9000)})

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const SunCalc = createRequire(import.meta.url)("../lib/suncalc/suncalc.cjs");

// the knappery's carts, where each one is loaded and the day it goes out
const BOARD = %s;

describe("flintcart carting board", () => {
  for (const c of BOARD) {
    describe(c.cart + " (" + c.flints + " flints, " + c.day + ")", () => {
      for (const hour of ["06", "12", "18"]) {
        const when = new Date(c.day + "T" + hour + ":00:00Z");
        const t = SunCalc.getTimes(when, c.lat, c.lng);
        test(hour + "h: sunrise before noon before sunset", () => {
          expect(t.sunrise.getTime()).toBeLessThan(t.solarNoon.getTime());
          expect(t.solarNoon.getTime()).toBeLessThan(t.sunset.getTime());
        });
        test(hour + "h: dawn before sunrise, dusk after sunset", () => {
          expect(t.dawn.getTime()).toBeLessThan(t.sunrise.getTime());
          expect(t.dusk.getTime()).toBeGreaterThan(t.sunset.getTime());
        });
        test(hour + "h: sun due " + (c.lat > 0 ? "south" : "north") + " at noon", () => {
          const { azimuth, altitude } = SunCalc.getPosition(t.solarNoon, c.lat, c.lng);
          expect(altitude).toBeGreaterThan(0);
          const off = c.lat > 0 ? Math.abs(azimuth - 180) : Math.min(azimuth, 360 - azimuth);
          expect(off).toBeLessThan(1);
        });
        test(hour + "h: moon's lit fraction agrees with its phase", () => {
          const m = SunCalc.getMoonIllumination(when);
          expect(m.fraction).toBeCloseTo((1 - Math.cos(2 * Math.PI * m.phase)) / 2, 6);
        });
        test(hour + "h: a waxing moon's phase is under a half", () => {
          const m = SunCalc.getMoonIllumination(when);
          expect(m.phase < 0.5).toBe(m.waxing);
        });
      }
    });
  }
  test("gives one place the same times twice", () => {
    const d = new Date("2026-12-03T12:00:00Z");
    expect(SunCalc.getTimes(d, 52.45, 0.62).sunrise).toEqual(SunCalc.getTimes(d, 52.45, 0.62).sunrise);
  });
});
"""

APP_JS = """import SunCalc from "../lib/suncalc/suncalc.cjs";

const floors = { "north": [52.4, 0.6], "pit": 7, "loft": ["Spall"], "shed": "../carts", "north": "x" };
export function loadAt(floor, day) {
  var where = floors[floor];
  for (var f in floors) {
    if (day == undefined) day = f;
  }
  const unused = floors.length * 2;
  if (SunCalc.getTimes(day, where[0], where[1]).sunrise == null) return "no daylight at " + floor;
  else return floor + " loads at " + day;
}
export const board = async function (rows) {
  const { length } = rows.filter((r) => SunCalc.getPosition(r.day, r.lat, r.lng).altitude == r.light);
  return length + " carts out by day";
};
export function moons(days, lat, log) {
  let n = 0;
  days.forEach(function (d) { if (SunCalc.getMoonIllumination(d).fraction != false) n++; });
  while (n = days.length) { n--; }
  if (n) {}
  return n ? days : null;
}
"""

APP_TS = """import SunCalc from '../lib/suncalc/suncalc.cjs'

interface Cart { floor: string; flints: number; pit?: { lat: number; lng: number }; leaves?: Date }
interface Board { name: string; carts: Cart[] }

export function sunrises(boards: Board[]): string[] {
  return boards.map((b) => SunCalc.getTimes(b.carts, 52, 0).sunrise.toFixed('2') + 1)
}

export const noon = (c: Cart): number => SunCalc.getTimes(c.leaves, c.pit.lat).solarNoon
export const where = (c: Cart): string => SunCalc.getPosition(new Date(), c.pit.lat, c.pit.lng, 7)
export const leaves = (c: Cart) => c.leaves.toUTCString()
export const flints = (c: Cart): number => c.floor.length.toFixed()
export const total: string = SunCalc.times * 'carts'
export const both = (b: Board): [string, number] => [SunCalc.getMoonIllumination(b), SunCalc.sunrise(b.name)]
export const lit = (c: Cart): URL => SunCalc.getMoonIllumination(c.leaves).fraction.toLowerCase()
export const added: boolean = SunCalc.addTime('dusk', -6, 7).size
"""


def app(tmp: Path) -> Path:
    root = tmp / "flintcart"
    for d in ("app", "lib/suncalc", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "flintcart", "version": "0.2.9", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/flintcart.test.mjs": TEST_JS % json.dumps(BOARD, indent=2),
                      COPY: SC.read_text()})
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-flintcart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-flintcart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "flintcart"
    cap("eslint-color-app-lib-flintcart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/flintcart.ts": APP_TS})
    cap("tsc-checkjs-suncalc-flintcart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/suncalc/*.cjs "
        "app/board.js ts/flintcart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-flintcart", "chain-lint", "lint",
          [Part("cd flintcart", None), Part("npx eslint app/board.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-suncalc-json", "npm view suncalc --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
