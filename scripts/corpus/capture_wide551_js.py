"""Round 551, JavaScript / TypeScript: a real npm package new to the issue's rounds (tinyqueue 3.0.0: a binary-heap
priority queue, its one-file ES module) copied into a small app (`pumpboard`, a drainage windpump's board: the
marshmen's queue of dykes to drain, the lowest water first) with a few bugs put in; the app's own mocha suite over the
copy (a table of windpumps, the default spec reporter: failures among many passes); eslint over the app and its copy;
tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package.
One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the
copy sits under app/vendor/ so that the config's app rules read it. Run through capture_wide551.py."""

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
from capture_wide551 import JS, cap

NM = JS / "node_modules"
TQ = NM / "tinyqueue" / "index.js"
COPY = "tinyqueue.js"

# The bugs put in the copy (app/vendor/tinyqueue.js): (file, text, replacement); each text occurs exactly once.
# the constructor's heapify never sifts the root down; _down ignores the last right child; _up keeps an unused
# variable; peek() reads the last element when the queue holds exactly two.
BUGS = [(COPY, "for (let i = (this.length >> 1) - 1; i >= 0; i--)", "for (let i = (this.length >> 1) - 1; i > 0; i--)"),
        (COPY, "if (right < this.length && compare(", "if (right < this.length - 1 && compare("),
        (COPY, "        const item = data[pos];\n\n        while (pos > 0) {",
         "        const item = data[pos];\n        let marshmen = data.length;\n\n        while (pos > 0) {"),
        (COPY, "        return this.data[0];\n", "        return this.data[this.length === 2 ? 1 : 0];\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(55114)
PUMPS = [[name, man, [_R.randint(1, 99) for _ in range(n)]]
         for name, man, n in [("Herringfleet", "Amos", 7), ("Horsey", "Eli", 2), ("Thurne", "Hannah", 9),
                              ("St Benets", "Amos", 4), ("Boardmans", "Eli", 12), ("Clayrack", "Hannah", 5),
                              ("Stracey", "Amos", 8), ("Berney", "Eli", 3), ("Hardley", "Hannah", 10),
                              ("Polkeys", "Amos", 6), ("Wicken", "Eli", 11), ("Turf Fen", "Hannah", 2)]]

TEST_JS = """import assert from "node:assert/strict";
import TinyQueue from "../app/vendor/tinyqueue.js";

// the drainage windpumps' board: one queue per windpump, the dykes' water levels (cm), the lowest drained first
const PUMPS = %s;
const sorted = (xs) => [...xs].sort((a, b) => a - b);

describe("pumpboard", function () {
  for (const [pump, marshman, levels] of PUMPS) {
    describe(`${pump} (${marshman})`, function () {
      it("drains pushed levels lowest first", function () {
        const q = new TinyQueue();
        for (const l of levels) q.push(l);
        const out = [];
        while (q.length) out.push(q.pop());
        assert.deepEqual(out, sorted(levels));
      });
      it("drains levels handed to the constructor lowest first", function () {
        const q = new TinyQueue([...levels]);
        const out = [];
        while (q.length) out.push(q.pop());
        assert.deepEqual(out, sorted(levels));
      });
      it("peeks at the lowest level", function () {
        const q = new TinyQueue();
        for (const l of levels) q.push(l);
        assert.equal(q.peek(), Math.min(...levels));
      });
      it("counts the dykes on the board", function () {
        const q = new TinyQueue([...levels]);
        assert.equal(q.length, levels.length);
        q.pop();
        assert.equal(q.length, levels.length - 1);
      });
      it("drains the highest first with a reversed compare", function () {
        const q = new TinyQueue([...levels], (a, b) => b - a);
        const out = [];
        while (q.length) out.push(q.pop());
        assert.deepEqual(out, sorted(levels).reverse());
      });
      it("orders dykes by level with a key compare", function () {
        const q = new TinyQueue([], (a, b) => a.level - b.level);
        levels.forEach((level, k) => q.push({ dyke: `${pump} ${k}`, level }));
        assert.equal(q.pop().level, Math.min(...levels));
      });
      it("returns undefined once the board is empty", function () {
        const q = new TinyQueue([levels[0]]);
        q.pop();
        assert.equal(q.pop(), undefined);
        assert.equal(q.length, 0);
      });
      if (levels.length %% 2 === 0) {
        it("keeps the order after refilling half the board", function () {
          const q = new TinyQueue();
          for (const l of levels) q.push(l);
          const half = [];
          for (let k = 0; k < levels.length / 2; k++) half.push(q.pop());
          for (const l of half) q.push(l);
          assert.equal(q.peek(), Math.min(...levels));
        });
      }
    });
  }
});
"""

APP_JS = """import TinyQueue from "./vendor/tinyqueue.js";

const dykes = { "north": 4, "south": "3", "east": ["2"], "west": "../flooded", "north": 5 };
export function board(pump, marshman) {
  var q = new TinyQueue([], function (a, b) { return a.level - b.level; });
  for (var name in dykes) {
    if (marshman == undefined) marshman = name;
  }
  const unused = dykes.length * 2;
  if (q == null) return "no board for " + marshman;
  else return q.length + " dykes for " + marshman;
}
export const sailCheck = async function (sails) {
  const q = new TinyQueue(sails);
  const { length } = sails.filter((s) => q.peek() == s.level);
  return length + " sails checked";
};
export function drainageOrder(levels, pump, log) {
  let n = 0;
  levels.forEach(function (l) { if (new TinyQueue([l]).pop() % 2 != false) n++; });
  while (n = levels.length) { n--; }
  if (n) {}
  return n ? levels : null;
}
"""

APP_TS = """import TinyQueue from '../app/vendor/tinyqueue.js'

interface Dyke { name: string; level: number; marshman?: { name: string }; drained?: Date }
interface Pump { name: string; dykes: Dyke[] }

export function boards(pumps: Pump[]): string[] {
  return pumps.map((p) => new TinyQueue(p.dykes).peek().toFixed('2') + 1)
}

export const lowest = (d: Dyke): number => new TinyQueue([d], 7).pop()
export const who = (d: Dyke): boolean => new TinyQueue().push(d.marshman.name, 7)
export const drained = (d: Dyke) => d.drained.toUTCString()
export const pump = (p: Pump): number => p.name.length.toFixed()
export const total: string = TinyQueue.length * 'sails'
export const both = (p: Pump): [string, number] => [new TinyQueue().pop(p), new TinyQueue().peek(p, 1)]
export const level = (d: Dyke): URL => new TinyQueue([d.level]).data.toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "pumpboard"
    for d in ("app/vendor", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pumpboard", "version": "0.3.7", "type": "module",
                                                  "scripts": {"test": "mocha"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/pumpboard.test.js": TEST_JS % json.dumps(PUMPS)})
    (root / "app" / "vendor" / COPY).write_text(TQ.read_text())
    put_bugs(root / "app" / "vendor", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-pumpboard-spec", "npx mocha 2>&1", root, n_mocha, timeout=600)
    chain("chain-npm-test-head-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | head -n 300", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "pumpboard"
    cap("eslint-color-app-pumpboard-head-450", "npx eslint --color app 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/pumpboard.ts": APP_TS})
    cap("tsc-checkjs-tinyqueue-pumpboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext app/vendor/{COPY} app/board.js "
        "ts/pumpboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-pumpboard", "chain-lint", "lint",
          [Part("cd pumpboard", None), Part("npx eslint app/board.js", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-tinyqueue-json", "npm view tinyqueue --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
