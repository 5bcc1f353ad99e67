"""Round 679, JavaScript / TypeScript: a real npm package new to the corpus (leven 4.1.0: the Levenshtein distance of
two strings and the closest match among candidates, one ESM `index.js`, no dependencies) copied into a small app
(`pointboard`, a needlemaker's board that matches each packet's worn label to the cards) as `lib/leven/index.js` with
a few bugs put in; the app's own vitest suite over the copy (word pairs drawn by a seeded generator, the expected
distances worked out by the test apart from the package: failures among many passes); eslint over the app and its
copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the
package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported; the steps' layout is capture_wide671_js's, its package-specific parts rewritten. Run through
capture_wide679.py."""

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
from capture_wide679 import JS, cap

NM = JS / "node_modules"
PKG = NM / "leven"
COPY = "lib/leven"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# The first row of the table starts one short; a word left whole after trimming counts one edit short; ties in
# closestMatch go to the last candidate, not the first.
BUGS = [(f"{COPY}/index.js", "array[index] = ++index;", "array[index] = index++;"),
        (f"{COPY}/index.js", "\t\t\t: secondLength;", "\t\t\t: secondLength - 1;"),
        (f"{COPY}/index.js", "if (actualD < bestDist) {", "if (actualD <= bestDist) {")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import leven, { closestMatch } from "../lib/leven/index.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(67916);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// the distance, worked out here as the needlemaker's clerk counts a worn label's edits, row by row
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = cur;
  }
  return prev[b.length];
}
function closest(target, cards) {
  let best, bestD = Infinity;
  for (const c of cards) { const d = distance(target, c); if (d < bestD) { bestD = d; best = c; } }
  return best;
}

const CARDS = "sharps betweens darners chenille tapestry sailmaker glover bodkin crewel milliner straw beading quilting embroidery".split(" ");
function worn(word) {
  const w = word.split("");
  const n = Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) {
    const op = pick(["drop", "add", "swap"]);
    const at = Math.floor(rand() * (w.length + 1));
    if (op === "drop" && w.length) w.splice(Math.min(at, w.length - 1), 1);
    else if (op === "add") w.splice(at, 0, pick("aeioursnt".split("")));
    else if (w.length) w[Math.min(at, w.length - 1)] = pick("aeioursnt".split(""));
  }
  return w.join("");
}

// the packets: each worn label as read back, and the card it was stamped from
const PACKETS = [];
for (let n = 1; n <= __PACKETS__; n++) {
  const card = pick(CARDS) + (rand() < 0.3 ? " " + pick(CARDS) : "");
  PACKETS.push({ packet: "packet " + n, card, label: card.split(" ").map(worn).join(" ") });
}

describe("pointboard labels", () => {
  for (const p of PACKETS) {
    describe(p.packet + " (" + p.label + ")", () => {
      test("counts the edits from label to card", () => {
        expect(leven(p.label, p.card)).toBe(distance(p.label, p.card));
      });
      test("counts them the same from card to label", () => {
        expect(leven(p.card, p.label)).toBe(distance(p.card, p.label));
      });
      test("matches the label to the closest card", () => {
        expect(closestMatch(p.label, CARDS)).toBe(closest(p.label, CARDS));
      });
    });
  }
  test("the board holds the packets", () => {
    expect(PACKETS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import leven, { closestMatch } from "../lib/leven/index.js";

const cards = { "sharps": ["sharps", 7], "darners": 3, "bodkin": ["bodkin"], "glover": "../cards", "sharps": "x" };
export function labelFor(packet, label) {
  var row = cards[packet];
  for (var c in cards) {
    if (label == undefined) label = c;
  }
  const unused = cards.length * 2;
  if (leven(row[0], label) == null) return "no card for " + packet;
  else return packet + " is " + leven(label, row[0]) + " edits from its card";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => closestMatch(r.label, r.cards) == r.card);
  return length + " packets matched";
};
export function column(labels, sep, log) {
  let n = 0;
  labels.forEach(function (l) { if (leven(l, sep).length != false) n++; });
  while (n = labels.length) { n--; }
  if (n) {}
  return n ? labels : null;
}
"""

APP_TS = """import leven, { closestMatch, closest } from '../lib/leven/index.js'

interface Packet { name: string; needles: number; label?: { worn: string; gauge: number }; packed?: Date }
interface Batch { scourer: string; packets: Packet[] }

export function labels(batches: Batch[]): string[] {
  return batches.map((b) => leven(b.packets, b.scourer) + 1)
}

export const edits = (p: Packet): number => leven(p.label.worn, p.packed).length
export const gauge = (p: Packet): string => closestMatch(p.label.gauge, { maxDistance: 'two' })
export const when = (p: Packet) => p.packed.toUTCString()
export const letters = (p: Packet): number => p.name.length.toFixed()
export const total: string = leven('sharps', 'sharp') * 'needles'
export const both = (b: Batch): [string, number] => [closest(b), leven(b.scourer)]
export const card = (p: Packet): URL => closestMatch(p.name, ['sharps']).toUpperCase()
export const packed: boolean = leven({ needles: 5 }, 'x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "pointboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "pointboard", "version": "4.1.0", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/labels.js": APP_JS,
             "test/pointboard.test.mjs": TEST_JS.replace("__PACKETS__", "420")}
    # the package's ESM source (no .d.ts)
    for src in sorted(PKG.rglob("*.js")):
        files[f"{COPY}/{src.relative_to(PKG)}"] = src.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-packet-4-pointboard", "npx vitest run -t 'packet 4' 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-pointboard-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-pointboard-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "pointboard"
    cap("eslint-color-app-lib-pointboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/pointboard.ts": APP_TS})
    cap("tsc-checkjs-leven-pointboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/leven/*.js "
        "app/labels.js ts/pointboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-pointboard", "chain-lint", "lint",
          [Part("cd pointboard", None), Part("npx eslint app/labels.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-leven-json", "npm view leven@4.1.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
