"""Round 556, JavaScript / TypeScript: the real npm package get-value 3.0.1 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`turning_board`, a bobbin mill's lathe board) with bugs put in; a
vitest suite written here whose expectations come from the unbroken package (seed 55615; a node script computes them
from node_modules/get-value before the copy is broken); eslint over the copy and the app with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide556.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide556 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide556-js"
NM = JS / "node_modules"
SEED = 55615

# The bugs put in the copy (lib/get-value.cjs): a custom separator is ignored; an escaped dot does not join the next
# segment; a path that stops short at a non-object returns what it reached instead of the default.
BUGS = [("get-value.cjs", "const splitChar = options.separator || '.';", "const splitChar = '.';"),
        ("get-value.cjs", "join([prop.slice(0, -1), segs[++idx] || ''], joinChar, options)",
         "join([prop.slice(0, -1), segs[idx + 1] || ''], joinChar, options)"),
        ("get-value.cjs", "  return options.default;\n};", "  return target;\n};")]

WORDS = ["lathe", "blank", "turner", "spindle", "bobbin", "birch", "chuck", "gouge", "kiln", "loft", "reel",
         "billet", "drum", "saw", "flange", "bore"]


def tree(rnd: random.Random, depth: int) -> dict:
    out: dict = {}
    for w in rnd.sample(WORDS, rnd.randint(2, 4)):
        r = rnd.random()
        if depth > 0 and r < 0.5:
            out[w] = tree(rnd, depth - 1)
        elif r < 0.7:
            out[w] = rnd.randint(0, 900)
        elif r < 0.85:
            out[w] = rnd.choice(WORDS)
        else:
            out[w] = [rnd.randint(0, 9) for _ in range(3)]
    if rnd.random() < 0.3:
        out[f"{rnd.choice(WORDS)}.{rnd.choice(WORDS)}"] = rnd.randint(0, 99)
    return out


def a_path(rnd: random.Random, obj) -> list:
    segs = []
    while isinstance(obj, dict) and obj and rnd.random() < 0.85:
        k = rnd.choice(sorted(obj))
        segs.append(k)
        obj = obj[k]
    if rnd.random() < 0.35:  # run past the end
        segs += [rnd.choice(WORDS) for _ in range(rnd.randint(1, 2))]
    return segs or [rnd.choice(WORDS)]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(84):
        t = tree(rnd, 3)
        segs = a_path(rnd, t)
        r = rnd.random()
        opts: dict = {}
        if r < 0.3:
            opts["separator"] = rnd.choice(["/", ":", "|"])
            path = opts["separator"].join(s.replace(".", "\\.") for s in segs)
        else:
            path = ".".join(s.replace(".", "\\.") for s in segs)
        if rnd.random() < 0.5:
            opts["default"] = f"no {rnd.choice(WORDS)}"
        out.append({"name": f"turning {i + 1}: {rnd.choice(WORDS)} on lathe {rnd.randint(1, 9)}", "obj": t,
                    "path": path, "opts": opts})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const get = require("get-value");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) { const v = get(c.obj, c.path, c.opts); c.expected = v === undefined ? null : v; }
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const get = require("../lib/get-value.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("turning_board lathe lookups", () => {
  test.each(cases)("$name", ({ obj, path, opts, expected }) => {
    const v = get(obj, path, opts);
    expect(v === undefined ? null : v).toEqual(expected);
  });
});
"""

APP_JS = """import get from "../lib/get-value.cjs";

const lathes = { "roughing": 4, "finishing": 3, "boring": 1, "roughing": 2 };
export function blankFor(shop, lathe) {
  var size = get(shop, "lathes." + lathe.kind + ".blank") + " [" + lathes[lathe.kind] + "]";
  for (var kind in lathes) {
    if (lathe == undefined) lathe = kind;
  }
  const unused = lathes.length * 3;
  if (shop.kiln == null) return size;
  else return size + " kiln " + shop.kiln;
}
export const turn = function (blanks) {
  let out = [];
  blanks.forEach(function (b, i) { out.push(blankFor(blanks[i - 1], b)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import get from '../lib/get-value.cjs'

interface Blank { lathe: string; bobbins: number; split?: boolean; turner?: { name: string } }

export function sizes(bs: Blank[]): number[] {
  return bs.map((b, i) => get(bs[i - 1], 'bobbins'))
}

export const turner = (b: Blank): string => b.turner.name
export const rpm: string = 2400
export const first = (bs: Blank[]): Blank => bs[0]
export const flange = (b: Blank) => get(b.bobbins.toFixed('1'))
export const both = (b: Blank): [string, number] => [get(b, 'lathe', 3, 4), get()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "turning_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "turning_board", "version": "0.3.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/lathes.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/get-value/index.js lib/get-value.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "turning_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http get-value@3.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'turning 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "turning_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/turning_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/get-value.cjs ts/turning_board.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
