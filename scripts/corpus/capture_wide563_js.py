"""Round 563, JavaScript / TypeScript: a real npm package new to the issue's rounds (hashlru 2.3.0: a two-generation
least-recently-used cache, one CommonJS file `index.js`) copied into a small app (`hoopboard`, a cooperage's board:
the hoops and staves the coopers had in hand last, kept in a bounded cache) as `lib/index.cjs` with a few bugs put
in; the app's own mocha suite over the copy (a table of casks, the default spec reporter: failures among many
passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses
it wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are
round 313's (capture_wide313_js), imported; the copy sits under lib/ as a .cjs file so that the config's CommonJS
rules read it. Run through capture_wide563.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_tsc
from capture_wide563 import JS, cap

NM = JS / "node_modules"
HL = NM / "hashlru" / "index.js"
COPY = "index.cjs"

# The bugs put in the copy (lib/index.cjs): (file, text, replacement); each text occurs exactly once.
# the cache turns over one key late; remove() clears the old generation's key in the new one; clear() keeps the old
# generation; update() keeps an unused variable.
BUGS = [(COPY, "if(size >= max) {", "if(size > max) {"),
        (COPY, "      if(_cache[key] !== undefined)\n        _cache[key] = undefined",
         "      if(_cache[key] !== undefined)\n        cache[key] = undefined"),
        (COPY, "      cache = Object.create(null)\n      _cache = Object.create(null)\n    }",
         "      cache = Object.create(null)\n    }"),
        (COPY, "    cache[key] = value\n    size ++", "    var coopers = max\n    cache[key] = value\n    size ++")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(56316)
CASKS = [[name, man, _R.randint(2, 9), _R.randint(5, 40)]
         for name, man in [("Butt", "Ellen"), ("Puncheon", "Jonas"), ("Hogshead", "Ruth"), ("Barrique", "Abel"),
                           ("Tierce", "Marta"), ("Kilderkin", "Silas"), ("Firkin", "Nell"), ("Pin", "Tobias"),
                           ("Tun", "Ellen"), ("Rundlet", "Jonas"), ("Octave", "Ruth"), ("Quarter", "Abel")]]

TEST_JS = """import assert from "node:assert/strict";
import hashlru from "../lib/index.cjs";

// the cooperage's hoop board: one bounded cache per cask, the staves handed over (stave n holds n * 7)
const CASKS = %s;

describe("hoopboard", function () {
  it("refuses a board without a size", function () {
    assert.throws(() => hashlru(0), /max value/);
  });
  for (const [cask, cooper, max, staves] of CASKS) {
    describe(`${cask} (${cooper}, ${max} hoops, ${staves} staves)`, function () {
      const fill = () => {
        const lru = hashlru(max);
        for (let n = 0; n < staves; n++) lru.set(`stave-${n}`, n * 7);
        return lru;
      };
      it("keeps the last staves handed over", function () {
        const lru = fill();
        for (let n = Math.max(0, staves - max); n < staves; n++) assert.equal(lru.get(`stave-${n}`), n * 7);
      });
      it("forgets staves two generations old", function () {
        const lru = fill();
        const kept = max + (staves %% max);
        for (let n = 0; n < staves - kept; n++) assert.equal(lru.has(`stave-${n}`), false, `stave-${n} kept`);
      });
      it("still holds the staves of the older generation", function () {
        const lru = fill();
        const from = Math.max(0, staves - max - (staves %% max));
        for (let n = from; n < staves; n++) assert.equal(lru.has(`stave-${n}`), true, `stave-${n} lost`);
      });
      it("forgets a removed stave", function () {
        const lru = fill();
        const n = Math.max(0, staves - max);
        lru.remove(`stave-${n}`);
        assert.equal(lru.has(`stave-${n}`), false);
        assert.equal(lru.get(`stave-${n}`), undefined);
      });
      it("overwrites a stave in place", function () {
        const lru = fill();
        lru.set(`stave-${staves - 1}`, "rebent");
        assert.equal(lru.get(`stave-${staves - 1}`), "rebent");
      });
      it("empties the board when cleared", function () {
        const lru = fill();
        lru.clear();
        for (let n = 0; n < staves; n++) assert.equal(lru.has(`stave-${n}`), false, `stave-${n} after clear`);
      });
      it("returns undefined for a stave never handed over", function () {
        assert.equal(fill().get("stave-none"), undefined);
      });
    });
  }
});
"""

APP_JS = """import hashlru from "../lib/index.cjs";

const hoops = { "truss": 4, "chime": "3", "quarter": ["2"], "bilge": "../sprung", "truss": 5 };
export function board(cask, cooper) {
  var lru = hashlru(hoops[cask]);
  for (var name in hoops) {
    if (cooper == undefined) cooper = name;
  }
  const unused = hoops.length * 2;
  if (lru == null) return "no board for " + cooper;
  else return lru.get(cask) + " hoops for " + cooper;
}
export const staveCheck = async function (staves) {
  const lru = hashlru(staves.length);
  const { length } = staves.filter((s) => lru.get(s.name) == s.bent);
  return length + " staves checked";
};
export function raisingOrder(casks, shop, log) {
  let n = 0;
  casks.forEach(function (c) { if (hashlru(2).has(c) != false) n++; });
  while (n = casks.length) { n--; }
  if (n) {}
  return n ? casks : null;
}
"""

APP_TS = """import hashlru from '../lib/index.cjs'

interface Stave { name: string; bent: number; cooper?: { name: string }; fired?: Date }
interface Cask { name: string; staves: Stave[] }

export function boards(casks: Cask[]): string[] {
  return casks.map((c) => hashlru(c.staves).get(c.name).toFixed('2') + 1)
}

export const bent = (s: Stave): number => hashlru('7').get(s)
export const who = (s: Stave): boolean => hashlru(3).set(s.cooper.name, 7, 8)
export const fired = (s: Stave) => s.fired.toUTCString()
export const cask = (c: Cask): number => c.name.length.toFixed()
export const total: string = hashlru.length * 'staves'
export const both = (c: Cask): [string, number] => [hashlru(2).remove(), hashlru(2).clear(c)]
export const hoop = (s: Stave): URL => hashlru(s.bent).has(s.name).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "hoopboard"
    for d in ("app", "lib", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hoopboard", "version": "0.5.3", "type": "module",
                                                  "scripts": {"test": "mocha"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/hoopboard.test.js": TEST_JS % json.dumps(CASKS)})
    (root / "lib" / COPY).write_text(HL.read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-hoopboard-spec", "npx mocha 2>&1", root, n_mocha, timeout=600)
    chain("chain-npm-test-head-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | head -n 320", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "hoopboard"
    cap("eslint-color-app-lib-hoopboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/hoopboard.ts": APP_TS})
    cap("tsc-checkjs-hashlru-hoopboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext lib/{COPY} app/board.js "
        "ts/hoopboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-hoopboard", "chain-lint", "lint",
          [Part("cd hoopboard", None), Part("npx eslint app/board.js", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-hashlru-json", "npm view hashlru --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
