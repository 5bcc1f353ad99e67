"""Round 577, JavaScript / TypeScript: a real npm package new to the issue's rounds (tiny-lru 13.1.0: a least-recently
used cache as a doubly linked list with TTLs and stats, built as one CommonJS file `dist/tiny-lru.cjs`) copied into a
small app (`tunroom`, a brewery's tun room board: the worts the brewers ran off last, kept in a bounded cache) as
`lib/index.cjs` with a few bugs put in; the app's own mocha suite over the copy (a table of mash tuns, the default spec
reporter: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied
JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on
(--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the copy sits under lib/ as a .cjs file
so that the config's CommonJS rules read it. Run through capture_wide577.py."""

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
from capture_wide577 import JS, cap

NM = JS / "node_modules"
TL = NM / "tiny-lru" / "dist" / "tiny-lru.cjs"
COPY = "index.cjs"

# The bugs put in the copy (lib/index.cjs): (file, text, replacement); each text occurs exactly once.
# set() evicts one item late (the cache grows one past max); get() no longer moves what it reads to the newest end;
# set() keeps an unused variable.
BUGS = [(COPY, "this.size === this.max) {\n\t\t\t\tthis.evict();", "this.size > this.max) {\n\t\t\t\tthis.evict();"),
        (COPY, "this.moveToEnd(item);\n\t\t\t\tthis.#stats.hits++;", "this.#stats.hits++;"),
        (COPY, "\tset(key, value) {\n", "\tset(key, value) {\n\t\tvar brewers = this.max;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(57716)
TUNS = [[name, man, _R.randint(2, 9), _R.randint(2, 14)]
        for name, man in [("Pale", "Hannah"), ("Crystal", "Oswin"), ("Amber", "Ada"), ("Brown", "Jethro"),
                          ("Chocolate", "Mercy"), ("Black", "Tobit"), ("Mild", "Keziah"), ("Wheat", "Amos"),
                          ("Oats", "Hannah"), ("Roast", "Oswin"), ("Invert", "Ada"), ("Porter", "Jethro")]]

TEST_JS = """import assert from "node:assert/strict";
import { lru, LRU } from "../lib/index.cjs";

// the brewery's tun room board: one bounded cache per mash tun, the worts run off (wort n holds n * 11 barrels)
const TUNS = %s;

describe("tunroom", function () {
  it("refuses a board of negative size", function () {
    assert.throws(() => lru(-1), /Invalid max value/);
  });
  it("refuses a board with a fractional ttl", function () {
    assert.throws(() => new LRU(4, 1.5), /Invalid ttl value/);
  });
  for (const [tun, brewer, max, worts] of TUNS) {
    describe(`${tun} tun (${brewer}, ${max} on the board, ${worts} worts)`, function () {
      const fill = () => {
        const board = lru(max);
        for (let n = 0; n < worts; n++) board.set(`wort-${n}`, n * 11);
        return board;
      };
      const newest = () => Array.from({ length: Math.min(max, worts) }, (_, i) => `wort-${worts - Math.min(max, worts) + i}`);
      it("keeps the last worts run off", function () {
        const board = fill();
        for (const key of newest()) assert.equal(board.get(key), Number(key.slice(5)) * 11);
      });
      it("evicts the oldest worts", function () {
        const board = fill();
        for (let n = 0; n < worts - max; n++) assert.equal(board.has(`wort-${n}`), false, `wort-${n} kept`);
      });
      it("holds no more worts than the board", function () {
        assert.equal(fill().size, Math.min(max, worts));
      });
      it("lists the worts oldest first", function () {
        assert.deepEqual(fill().keys(), newest());
      });
      it("keeps a wort read back when the next is run off", function () {
        const board = fill();
        const first = newest()[0];
        board.get(first);
        board.set("wort-fresh", 0);
        assert.equal(board.has(first), true, `${first} evicted after a read`);
      });
      it("forgets a deleted wort", function () {
        const board = fill();
        const key = newest()[0];
        board.delete(key);
        assert.equal(board.has(key), false);
        assert.equal(board.size, Math.min(max, worts) - 1);
      });
      it("overwrites a wort in place", function () {
        const board = fill();
        board.set(`wort-${worts - 1}`, "racked");
        assert.equal(board.get(`wort-${worts - 1}`), "racked");
        assert.equal(board.size, Math.min(max, worts));
      });
      it("empties the board when cleared", function () {
        const board = fill();
        board.clear();
        assert.equal(board.size, 0, "size after clear");
        assert.deepEqual(board.keys(), []);
      });
      it("returns undefined for a wort never run off", function () {
        assert.equal(fill().get("wort-none"), undefined);
      });
      it("counts its sets in stats", function () {
        assert.equal(fill().stats().sets, worts);
      });
    });
  }
});
"""

APP_JS = """import { lru } from "../lib/index.cjs";

const tuns = { "mash": 4, "copper": "3", "hopback": ["2"], "underback": "../boiled", "mash": 5 };
export function board(tun, brewer) {
  var cache = lru(tuns[tun]);
  for (var name in tuns) {
    if (brewer == undefined) brewer = name;
  }
  const unused = tuns.length * 2;
  if (cache == null) return "no board for " + brewer;
  else return cache.get(tun) + " barrels for " + brewer;
}
export const wortCheck = async function (worts) {
  const cache = lru(worts.length);
  const { length } = worts.filter((w) => cache.get(w.name) == w.gravity);
  return length + " worts checked";
};
export function mashOrder(rounds, shop, log) {
  let n = 0;
  rounds.forEach(function (r) { if (lru(2).has(r) != false) n++; });
  while (n = rounds.length) { n--; }
  if (n) {}
  return n ? rounds : null;
}
"""

APP_TS = """import { lru, LRU } from '../lib/index.cjs'

interface Wort { name: string; gravity: number; brewer?: { name: string }; pitched?: Date }
interface Tun { name: string; worts: Wort[] }

export function boards(tuns: Tun[]): string[] {
  return tuns.map((t) => lru(t.worts).get(t.name).toFixed('2') + 1)
}

export const gravity = (w: Wort): number => lru('7').get(w)
export const who = (w: Wort): boolean => lru(3).set(w.brewer.name, 7, 8)
export const pitched = (w: Wort) => w.pitched.toUTCString()
export const tun = (t: Tun): number => t.name.length.toFixed()
export const total: string = lru.length * 'worts'
export const both = (t: Tun): [string, number] => [lru(2).delete(), lru(2).clear(t)]
export const hop = (w: Wort): URL => new LRU(w.gravity).has(w.name).toLowerCase()
export const ttl: boolean = new LRU(4, '60s', 'yes').stats().hits
"""


def app(tmp: Path) -> Path:
    root = tmp / "tunroom"
    for d in ("app", "lib", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tunroom", "version": "0.7.2", "type": "module",
                                                  "scripts": {"test": "mocha"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/tunroom.test.js": TEST_JS % json.dumps(TUNS)})
    (root / "lib" / COPY).write_text(TL.read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-tunroom-spec", "npx mocha 2>&1", root, n_mocha, timeout=600)
    chain("chain-npm-test-head-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | head -n 300", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "tunroom"
    cap("eslint-color-app-lib-tunroom-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/tunroom.ts": APP_TS})
    cap("tsc-checkjs-tiny-lru-tunroom-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext lib/{COPY} app/board.js "
        "ts/tunroom.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-tunroom", "chain-lint", "lint",
          [Part("cd tunroom", None), Part("npx eslint app/board.js lib", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-tiny-lru-json", "npm view tiny-lru --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
