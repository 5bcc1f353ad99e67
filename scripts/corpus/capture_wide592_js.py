"""Round 592, JavaScript / TypeScript: a real npm package new to the issue's rounds (fast-equals 6.2.2: deep and
shallow equality with circular and strict variants, built as one CommonJS file `dist/cjs/index.cjs`) copied into a
small app (`eyeroom`, a needle mill's eye shop board: packets of needles compared with the packets the pointers
booked) as `lib/index.cjs` with a few bugs put in; the app's own jest suite over the copy (a table of needle packets,
jest's reporter with --verbose: failures among many passes); eslint over the app and its copy; tsc --noEmit with
checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has
colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the copy sits under
lib/ as a .cjs file so that the config's CommonJS rules read it. Run through capture_wide592.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_tsc
from capture_wide592 import JS, cap

NM = JS / "node_modules"
FE = NM / "fast-equals" / "dist" / "cjs" / "index.cjs"
COPY = "index.cjs"

# The bugs put in the copy (lib/index.cjs): (file, text, replacement); each text occurs exactly once.
# arrays are compared from their last item down to the second (the first item is never compared); regular expressions
# are compared by source only (their flags ignored); areDatesEqual keeps an unused variable.
BUGS = [(COPY, "    while (index-- > 0) {\n        if (!state.equals(a[index], b[index], index, index, a, b, state)) {",
         "    while (index-- > 1) {\n        if (!state.equals(a[index], b[index], index, index, a, b, state)) {"),
        (COPY, "return a.source === b.source && a.flags === b.flags;", "return a.source === b.source;"),
        (COPY, "function areDatesEqual(a, b) {\n", "function areDatesEqual(a, b) {\n    var pointers = a;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(59216)
PACKETS = [[name, man, _R.randint(2, 9), _R.randint(3, 12)]
           for name, man in [("Sharps", "Tabitha"), ("Betweens", "Ezra"), ("Straws", "Lettice"),
                             ("Darners", "Gideon"), ("Chenilles", "Prudence"), ("Tapestry", "Silas"),
                             ("Bodkins", "Dorcas"), ("Glovers", "Reuben"), ("Sailmakers", "Tabitha"),
                             ("Beading", "Ezra"), ("Quilting", "Lettice"), ("Upholstery", "Gideon")]]

TEST_JS = """const { deepEqual, strictDeepEqual, shallowEqual, circularDeepEqual } = require("../lib/index.cjs");

// the needle mill's eye shop: one packet per needle, its sizes and the gross of each size the pointers booked
const PACKETS = %s;

const packet = (needle, pointer, sizes, gross) => ({
  needle,
  pointer,
  sizes: Array.from({ length: sizes }, (_, i) => i + 1),
  gross: Array.from({ length: gross }, (_, i) => ({ size: (i %% sizes) + 1, count: (i + 1) * 12 })),
  eye: new RegExp(`^${needle}-\\\\d+$`, "i"),
  booked: new Date(Date.UTC(2026, 11, 3, sizes, gross)),
  marks: new Map([["pointer", pointer], ["sizes", sizes]]),
  bins: new Set([needle, pointer]),
});

describe("eyeroom", () => {
  test("a packet equals itself", () => {
    const p = packet("Sharps", "Tabitha", 3, 4);
    expect(deepEqual(p, p)).toBe(true);
  });
  test("null is not an empty packet", () => {
    expect(deepEqual(null, {})).toBe(false);
  });
  describe.each(PACKETS)("%%s packet (%%s, %%i sizes, %%i gross)", (needle, pointer, sizes, gross) => {
    test("equals the packet booked", () => {
      expect(deepEqual(packet(needle, pointer, sizes, gross), packet(needle, pointer, sizes, gross))).toBe(true);
    });
    test("differs when the first size is changed", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.sizes[0] = 99;
      expect(deepEqual(p, packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("differs when the last size is changed", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.sizes[sizes - 1] = 99;
      expect(deepEqual(p, packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("differs when the first gross count is changed", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.gross[0].count += 1;
      expect(deepEqual(p.gross, packet(needle, pointer, sizes, gross).gross)).toBe(false);
    });
    test("differs when the eye pattern loses its flag", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.eye = new RegExp(p.eye.source);
      expect(strictDeepEqual(p, packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("differs when booked a day later", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.booked = new Date(p.booked.getTime() + 86400000);
      expect(deepEqual(p, packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("differs when another pointer marks it", () => {
      const p = packet(needle, pointer, sizes, gross);
      p.marks.set("pointer", "Nobody");
      expect(deepEqual(p, packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("is not shallow-equal to a rebuilt packet", () => {
      expect(shallowEqual(packet(needle, pointer, sizes, gross), packet(needle, pointer, sizes, gross))).toBe(false);
    });
    test("compares a packet that points at itself", () => {
      const p = packet(needle, pointer, sizes, gross);
      const q = packet(needle, pointer, sizes, gross);
      p.self = p;
      q.self = q;
      expect(circularDeepEqual(p, q)).toBe(true);
    });
  });
});
"""

APP_JS = """import { deepEqual, shallowEqual } from "../lib/index.cjs";

const packets = { "sharps": 4, "betweens": "3", "straws": ["2"], "darners": "../scoured", "sharps": 5 };
export function board(needle, pointer) {
  var booked = packets[needle];
  for (var name in packets) {
    if (pointer == undefined) pointer = name;
  }
  const unused = packets.length * 2;
  if (deepEqual(booked, null) == true) return "no packet for " + pointer;
  else return booked + " gross for " + pointer;
}
export const eyeCheck = async function (needles) {
  const { length } = needles.filter((n) => shallowEqual(n.eye, n.booked) == n.gross);
  return length + " needles eyed";
};
export function scourOrder(barrels, shop, log) {
  let n = 0;
  barrels.forEach(function (b) { if (deepEqual(b, shop) != false) n++; });
  while (n = barrels.length) { n--; }
  if (n) {}
  return n ? barrels : null;
}
"""

APP_TS = """import { deepEqual, createCustomEqual, strictDeepEqual } from '../lib/index.cjs'

interface Needle { name: string; size: number; pointer?: { name: string }; scoured?: Date }
interface Packet { name: string; needles: Needle[] }

export function boards(packets: Packet[]): string[] {
  return packets.map((p) => deepEqual(p.needles).toFixed('2') + 1)
}

export const size = (n: Needle): number => deepEqual('7', n)
export const who = (n: Needle): string => strictDeepEqual(n.pointer.name, 7, 8)
export const scoured = (n: Needle) => n.scoured.toUTCString()
export const packet = (p: Packet): number => p.name.length.toFixed()
export const total: string = deepEqual.length * 'needles'
export const both = (p: Packet): [string, number] => [deepEqual(), createCustomEqual(p)]
export const eye = (n: Needle): URL => createCustomEqual({ strict: 'yes' })(n, n).toLowerCase()
export const gross: boolean = createCustomEqual({ circular: 1 }).size
"""


def app(tmp: Path) -> Path:
    root = tmp / "eyeroom"
    for d in ("app", "lib", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "eyeroom", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "jest"},
                                                  "jest": {"testMatch": ["<rootDir>/test/**/*.test.cjs"],
                                                           "moduleFileExtensions": ["js", "cjs", "json"]}},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS,
                      "test/eyeroom.test.cjs": TEST_JS % json.dumps(PACKETS)})
    (root / "lib" / COPY).write_text(FE.read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("jest-eyeroom-verbose", "npx jest --verbose --ci 2>&1", root, n_jest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test -- --ci 2>&1 | tail -n 300", n_jest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "eyeroom"
    cap("eslint-color-app-lib-eyeroom-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/eyeroom.ts": APP_TS})
    cap("tsc-checkjs-fast-equals-eyeroom-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext lib/{COPY} app/board.js "
        "ts/eyeroom.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-eyeroom", "chain-lint", "lint",
          [Part("cd eyeroom", None), Part("npx eslint app/board.js lib", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-fast-equals-json", "npm view fast-equals --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
