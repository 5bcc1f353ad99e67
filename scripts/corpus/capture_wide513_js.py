"""Round 513, JavaScript / TypeScript: the real npm package shallowequal 1.1.0 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`dialboard`, a clock tower's dial board) with bugs put in; a vitest
suite written here whose expectations come from the unbroken package (seed 51315; a node script computes them from
node_modules/shallowequal before the copy is broken); eslint over the copy and the app with round 313's flat config and
tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide513.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide513 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide513-js"
NM = JS / "node_modules"
SEED = 51315

# The bugs put in the copy (lib/index.cjs): a custom compare's answer is inverted; objects with fewer keys than the
# other pass the length check; values are compared loosely (`!=`).
BUGS = [("index.cjs", "return !!ret;", "return !ret;"),
        ("index.cjs", "if (keysA.length !== keysB.length) {", "if (keysA.length > keysB.length) {"),
        ("index.cjs", "(ret === void 0 && valueA !== valueB)", "(ret === void 0 && valueA != valueB)")]

WORDS = ["escapement", "pendulum", "winder", "dial", "bell", "weight", "pallet", "crutch", "arbor", "fly",
         "ratchet", "hammer", "going", "strike", "chime", "bob", "rod"]


def val(rnd: random.Random):
    r = rnd.random()
    if r < 0.4:
        return rnd.randint(0, 60)
    if r < 0.6:
        return str(rnd.randint(0, 60))
    if r < 0.8:
        return rnd.choice(WORDS)
    return None if r < 0.9 else 0


def pair(rnd: random.Random):
    a = {w: val(rnd) for w in rnd.sample(WORDS, rnd.randint(1, 5))}
    b = dict(a)
    r = rnd.random()
    if r < 0.2:  # one key more in b
        b[rnd.choice([w for w in WORDS if w not in a])] = val(rnd)
    elif r < 0.4:  # a value as a string of itself (or itself)
        k = rnd.choice(list(a))
        b[k] = str(a[k]) if isinstance(a[k], int) else a[k]
    elif r < 0.55:
        b[rnd.choice(list(a))] = val(rnd)
    return a, b


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(100):
        a, b = pair(rnd)
        out.append({"name": f"dial {i + 1}: {rnd.choice(WORDS)} on bell {rnd.randint(1, 8)}", "a": a, "b": b,
                    "compare": rnd.random() < 0.25})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const shallowEqual = require("shallowequal");
const near = (x, y) => (typeof x === "number" && typeof y === "number" ? Math.abs(x - y) < 5 : undefined);
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = shallowEqual(c.a, c.b, c.compare ? near : undefined);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const shallowEqual = require("../lib/index.cjs");
const near = (x, y) => (typeof x === "number" && typeof y === "number" ? Math.abs(x - y) < 5 : undefined);
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("dialboard shallow comparisons", () => {
  test.each(cases)("$name (compare $compare)", ({ a, b, compare, expected }) => {
    expect(shallowEqual(a, b, compare ? near : undefined)).toBe(expected);
  });
});
"""

APP_JS = """import shallowEqual from "../lib/index.cjs";

const dials = { "east": "roman", "west": "roman", "north": "baton", "east": "arabic" };
export function dialChanged(prev, next) {
  var same = shallowEqual(prev, next) + " <" + dials[next.face] + ">";
  for (var key in dials) {
    if (next == undefined) next = key;
  }
  const unused = dials.length * 2;
  if (prev.beat == null) return same;
  else return same + " beat " + prev.beat;
}
export const board = function (frames) {
  let out = [];
  frames.forEach(function (f, i) { out.push(dialChanged(frames[i - 1], f)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import shallowEqual from '../lib/index.cjs'

interface Dial { face: string; beat: number; stopped?: boolean; bell?: { name: string } }

export function changed(ds: Dial[]): number[] {
  return ds.map((d, i) => shallowEqual(ds[i - 1], d))
}

export const bell = (d: Dial): string => d.bell.name
export const beat: string = 2
export const first = (ds: Dial[]): Dial => ds[0]
export const swing = (d: Dial) => shallowEqual(d.beat.toFixed('2'))
export const both = (d: Dial): [string, number] => [shallowEqual(d, d, 3), shallowEqual()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "dialboard"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "dialboard", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/dials.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/shallowequal/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "dialboard-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http shallowequal@1.1.0 tiny-warning", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'dial 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "dialboard"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/dialboard.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/dialboard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
