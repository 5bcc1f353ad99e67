"""Round 711, JavaScript / TypeScript: a real npm package new to the corpus (hh-mm-ss 1.2.0: formats milliseconds and
seconds as hh:mm:ss strings and reads them back, one CommonJS `index.js` whose one dependency, zero-fill, npm
installs beside it) copied into a small app (`minkboard`, a furrier's board of cutting and lining times) as
`lib/hh-mm-ss/` (its `index.js` and `package.json`) with a few bugs put in; the app's own vitest suite over the copy
(durations drawn by a seeded generator, the expected strings and numbers worked out by the test apart from the
package: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied
JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on
(--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide703_js's, its package-specific parts written for this package. Run through capture_wide711.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide711 import JS, cap

NM = JS / "node_modules"
PKG = NM / "hh-mm-ss"
COPY = "lib/hh-mm-ss"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# Minutes are not wrapped at the hour; whole seconds are rounded instead of cut; milliseconds are zero-filled to two
# places instead of three.
BUGS = [(f"{COPY}/index.js", "let minutes = Math.floor(absMs % HOUR / MINUTE)", "let minutes = Math.floor(absMs / MINUTE)"),
        (f"{COPY}/index.js", "return Math.floor(ms / SECOND)", "return Math.round(ms / SECOND)"),
        (f"{COPY}/index.js", "let sss = zeroFill(3, time.miliseconds)", "let sss = zeroFill(2, time.miliseconds)")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import hms from "../lib/hh-mm-ss/index.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(71116);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the furrier's clerk writes a time by hand: hours, minutes, seconds and milliseconds of the absolute value, each
// padded (two places, three for milliseconds), the hours shown when the format asks or there are any
const pad = (n, w) => String(n).padStart(w, "0");
function clerk(ms, format) {
  const a = Math.abs(ms);
  const h = Math.floor(a / 3600000), m = Math.floor((a % 3600000) / 60000);
  const s = Math.floor((a % 60000) / 1000), x = a % 1000;
  const withMs = format.endsWith(".sss") || x !== 0;
  const withHr = format.startsWith("hh") || h !== 0;
  let out = pad(m, 2) + ":" + pad(s, 2);
  if (withHr) out = pad(h, 2) + ":" + out;
  if (withMs) out += "." + pad(x, 3);
  return (ms < 0 ? "-" : "") + out;
}

const WORK = "mink sable ermine marten beaver otter fox lynx muff tippet stole lining".split(" ");
const FORMATS = ["mm:ss", "mm:ss.sss", "hh:mm:ss", "hh:mm:ss.sss"];
function duration() {
  const shape = num(5);
  if (shape === 0) return num(60) * 1000;
  if (shape === 1) return num(3600) * 1000 + num(1000);
  if (shape === 2) return num(10) * 3600000 + num(3600) * 1000;
  if (shape === 3) return -(num(7200) * 1000 + num(1000));
  return num(3) * 3600000 + num(60) * 60000 + num(100);
}

// the boards: each a piece of work, how long it took and the format the board shows it in
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  BOARDS.push({ board: "board " + n, work: pick(WORK), ms: duration(), format: pick(FORMATS) });
}

describe("minkboard times", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.work + ", " + b.ms + " ms as " + b.format + ")", () => {
      test("writes the time", () => {
        expect(hms.fromMs(b.ms, b.format)).toBe(clerk(b.ms, b.format));
      });
      test("reads the time back in seconds", () => {
        expect(hms.toS(clerk(b.ms, "hh:mm:ss.sss"), "hh:mm:ss.sss")).toBe(Math.floor(b.ms / 1000));
      });
      test("writes the whole seconds", () => {
        const s = Math.trunc(b.ms / 1000);
        expect(hms.fromS(s, "hh:mm:ss")).toBe(clerk(s * 1000, "hh:mm:ss"));
      });
    });
  }
  test("the board holds the times", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import hms from "../lib/hh-mm-ss/index.js";

const skins = { "mink": ["mink 12", 12], "sable": 4, "ermine": ["ermine"], "fox": "../skins", "mink": "x" };
export function skinFor(kind, label) {
  var row = skins[kind];
  for (var s in skins) {
    if (label == undefined) label = s;
  }
  const unused = skins.length * 2;
  if (hms.toS(row[0], label) == null) return "no skin for " + kind;
  else return kind + " took " + hms.fromS(row[1], label) + " at the bench";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => hms.toMs(r.time) == 0);
  return length + " linings timed";
};
export function column(times, sep, log) {
  let n = 0;
  times.forEach(function (c) { if (hms.fromMs(c, sep).length != false) n++; });
  while (n = times.length) { n--; }
  if (n) {}
  return n ? times : null;
}
"""

APP_TS = """import hms from '../lib/hh-mm-ss/index.js'

interface Coat { name: string; skins: number; lining?: { cloth: string; hours: number }; finished?: Date }
interface Bench { furrier: string; coats: Coat[] }

export function coats(benches: Bench[]): string[] {
  return benches.map((b) => hms.fromMs(b.coats, b.furrier) + 1)
}

export const order = (c: Coat): number => hms.toS(c.lining.cloth, c.finished).length
export const hours = (c: Coat): string => hms.fromS(c.lining.hours, 'hh:mm', { pad: 'yes' })
export const when = (c: Coat) => c.finished.toUTCString()
export const letters = (c: Coat): number => c.name.length.toFixed()
export const total: string = hms.toMs('01:20', 'mm:ss') * 'skins'
export const both = (b: Bench): [string, number] => [hms.toS(b).toFixed(), hms.fromMs(b.furrier)]
export const coat = (c: Coat): URL => hms.toMs(c.name, 'hh:mm').toUpperCase()
export const finished: boolean = hms.fromS({ skins: 5 }, 'x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "minkboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "minkboard", "version": "1.2.0", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/skins.js": APP_JS,
             "test/minkboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's CommonJS source and its own package.json (no "type": the copy stays CommonJS)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-board-300-349-minkboard", "npx vitest run -t 'board 3[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-minkboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-minkboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-minkboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "minkboard"
    cap("eslint-color-app-lib-minkboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/minkboard.ts": APP_TS})
    cap("tsc-checkjs-hh-mm-ss-minkboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/hh-mm-ss/index.js "
        "app/skins.js ts/minkboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-minkboard", "chain-lint", "lint",
          [Part("cd minkboard", None), Part("npx eslint app/skins.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-hh-mm-ss-json", "npm view hh-mm-ss@1.2.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
