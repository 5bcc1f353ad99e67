"""Round 544, JavaScript / TypeScript: a real npm package new to the issue's rounds (emittery 2.2.0: an async event
emitter, its one-file ES module) copied into a small app (`stockboard`, a fulling mill's stock board: the fullers'
events for each piece of cloth) with a few bugs put in; the app's own mocha suite over the copy (a table of mills,
the default spec reporter: failures among many passes); eslint over the copy and the app; tsc --noEmit with checkJs
over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour
forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the copy sits under
app/vendor/ so that the config's app rules read it. Run through capture_wide544.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_tsc
from capture_wide544 import JS, cap

NM = JS / "node_modules"
EM = NM / "emittery" / "index.js"
COPY = "emittery.js"

# The bugs put in the copy (app/vendor/emittery.js): (file, text, replacement); each text occurs exactly once.
# listenerCount() leaves out the onAny listeners; emitSerial() skips the onAny listeners still subscribed; emit()
# swallows the error when only one listener throws; listenerCount keeps an unused variable.
BUGS = [(COPY, "count += this.#state.anyListeners.size\n\t\t\t\t\t+ (getListeners", "count += (getListeners"),
        (COPY, "if (anyListeners.has(listener)) {\n\t\t\t\tawait listener(", "if (!anyListeners.has(listener)) {\n\t\t\t\tawait listener("),
        (COPY, "\t\t\t\terrors.push(result.reason);\n\t\t\t}\n\t\t}\n\n\t\tif (errors.length > 0) {",
         "\t\t\t\terrors.push(result.reason);\n\t\t\t}\n\t\t}\n\n\t\tif (errors.length > 1) {"),
        (COPY, "let count = 0;", "let count = 0, fullers = eventNames.length;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

MILLS = [("broadcloth", "Agnes", "stocks", 12), ("kersey", "Josiah", "tenter", 7), ("serge", "Ruth", "gig", 9),
         ("baize", "Josiah", "vat", 6), ("frieze", "Agnes", "stocks", 11), ("flannel", "Ruth", "tenter", 8),
         ("melton", "Agnes", "gig", 14), ("duffel", "Josiah", "vat", 10), ("tweed", "Ruth", "stocks", 5),
         ("worsted", "Agnes", "tenter", 4), ("loden", "Josiah", "gig", 13), ("shalloon", "Ruth", "vat", 3)]

TEST_JS = """import assert from "node:assert/strict";
import Emittery from "../app/vendor/emittery.js";

// the fulling mill's stock board: one emitter per piece of cloth, its events sent by the fullers
const MILLS = %s;

describe("stockboard", function () {
  for (const [piece, fuller, stage, strokes] of MILLS) {
    describe(`${piece} (${fuller})`, function () {
      it("hands the stroke count to a listener", async function () {
        const board = new Emittery();
        let seen;
        board.on(stage, (event) => { seen = event.data; });
        await board.emit(stage, strokes);
        assert.equal(seen, strokes);
      });
      it("names the event it hands over", async function () {
        const board = new Emittery();
        let name;
        board.on(stage, (event) => { name = event.name; });
        await board.emit(stage, piece);
        assert.equal(name, stage);
      });
      it("stops calling a listener once unsubscribed", async function () {
        const board = new Emittery();
        let calls = 0;
        const off = board.on(stage, () => { calls++; });
        await board.emit(stage);
        off();
        await board.emit(stage);
        assert.equal(calls, 1);
      });
      it("runs serial listeners in order", async function () {
        const board = new Emittery();
        const order = [];
        board.on(stage, async () => { order.push(`${fuller}:1`); });
        board.on(stage, async () => { order.push(`${fuller}:2`); });
        await board.emitSerial(stage);
        assert.deepEqual(order, [`${fuller}:1`, `${fuller}:2`]);
      });
      it("counts the listeners on the stage", function () {
        const board = new Emittery();
        for (let k = 0; k < strokes %% 4 + 1; k++) board.on(stage, () => {});
        assert.equal(board.listenerCount(stage), strokes %% 4 + 1);
      });
      it("clears the stage's listeners", function () {
        const board = new Emittery();
        board.on(stage, () => {});
        board.on("tally", () => {});
        board.clearListeners(stage);
        assert.equal(board.listenerCount(stage), 0);
        assert.equal(board.listenerCount("tally"), 1);
      });
      it("tells an any-listener of a parallel emit", async function () {
        const board = new Emittery();
        const seen = [];
        board.onAny((event) => { seen.push(event.name); });
        await board.emit(stage, strokes);
        assert.deepEqual(seen, [stage]);
      });
      if (strokes %% 2 === 0) {
        it("counts an any-listener with the stage's", function () {
          const board = new Emittery();
          board.on(stage, () => {});
          board.onAny(() => {});
          assert.equal(board.listenerCount(stage), 2);
        });
      }
      if (strokes %% 3 === 0) {
        it("tells an any-listener of a serial emit", async function () {
          const board = new Emittery();
          const seen = [];
          board.onAny((event) => { seen.push(`${event.name}=${event.data}`); });
          await board.emitSerial(stage, piece);
          assert.deepEqual(seen, [`${stage}=${piece}`]);
        });
      }
      if (strokes > 9) {
        it("rejects when the fuller's listener throws", async function () {
          const board = new Emittery();
          board.on(stage, () => { throw new Error(`${piece}: hammer jammed`); });
          await assert.rejects(board.emit(stage, strokes), /listeners threw/);
        });
      }
    });
  }
});
"""

APP_JS = """import Emittery from "./vendor/emittery.js";

const stages = { "stocks": 4, "tenter": "3", "gig": ["2"], "vat": "../flooded", "stocks": 5 };
export function board(piece, fuller) {
  var em = new Emittery({ debug: { name: "stockboard" } });
  for (var name in stages) {
    if (fuller == undefined) fuller = name;
  }
  const unused = stages.length * 2;
  if (em == null) return "no board for " + fuller;
  else return em.listenerCount(piece) + " listeners for " + fuller;
}
export const tenterCheck = async function (pieces) {
  const em = new Emittery();
  const { length } = pieces.filter((p) => em.emit(p.stage) == true);
  return length + " pieces checked";
};
export function fullingOrder(pieces, stocks, log) {
  let n = 0;
  pieces.forEach(function (c) { if (new Emittery().listenerCount(c) % 2 != false) n++; });
  while (n = pieces.length) { n--; }
  if (n) {}
  return n ? pieces : null;
}
"""

APP_TS = """import Emittery from '../app/vendor/emittery.js'

interface Stroke { stage: string; count: number; fuller?: { name: string }; fulled?: Date }
interface Piece { name: string; strokes: Stroke[] }

export function boards(pieces: Piece[]): string[] {
  return pieces.map((p) => new Emittery().listenerCount(p.strokes).toFixed('2') + 1)
}

export const size = (s: Stroke): number => new Emittery({ debug: 7 }).emit(s.stage)
export const who = (s: Stroke): boolean => new Emittery().on(s.fuller.name, 7)
export const fulled = (s: Stroke) => s.fulled.toUTCString()
export const piece = (p: Piece): number => p.name.length.toFixed()
export const total: string = Emittery.isDebugEnabled * 'pieces'
export const both = (p: Piece): [string, number] => [new Emittery().off(p), new Emittery().clearListeners(p, 1)]
export const stage = (s: Stroke): URL => new Emittery().emitSerial(s.count).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "stockboard"
    for d in ("app/vendor", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "stockboard", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "mocha"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/stockboard.test.js": TEST_JS % json.dumps(MILLS)})
    (root / "app" / "vendor" / COPY).write_text(EM.read_text())
    put_bugs(root / "app" / "vendor", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-stockboard-spec", "npx mocha 2>&1", root, n_mocha, timeout=600)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 400", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "stockboard"
    cap("eslint-color-app-stockboard-head-450", "npx eslint --color app 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-emittery-copy-head-650", f"npx eslint app/vendor/{COPY} 2>&1 | head -n 650", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/stockboard.ts": APP_TS})
    cap("tsc-checkjs-emittery-stockboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext app/vendor/{COPY} app/board.js "
        "ts/stockboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-stockboard", "chain-lint", "lint",
          [Part("cd stockboard", None), Part("npx eslint app/board.js", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-emittery-json", "npm view emittery --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
