"""Round 584, JavaScript / TypeScript: the real npm package split-string 6.1.0 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`shuttle_board`, a weaving shed's pick and draft board) with bugs put
in; a vitest suite written here whose expectations come from the unbroken package (seed 58415; a node script computes
them from node_modules/split-string before the copy is broken); eslint over the copy and the app with round 313's flat
config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through
round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide584.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide584 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide584-js"
NM = JS / "node_modules"
SEED = 58415

# The bugs put in the copy (lib/split-string.cjs): a separator inside brackets splits too; a quoted string's content
# is trimmed; `quotes: true` forgets the backtick.
BUGS = [("split-string.cjs", "if (value === separator && state.block.type === 'root') {", "if (value === separator) {"),
        ("split-string.cjs", "append(string.slice(pos, idx)); // append quoted string",
         "append(string.slice(pos, idx).trim()); // append quoted string"),
        ("split-string.cjs", "quotes = ['\"', '\\'', '`'];", "quotes = ['\"', '\\''];")]

WORDS = ["loom", "shuttle", "weaver", "heald", "reed", "warp", "weft", "pick", "beam", "pirn", "dobby", "tappet",
         "selvedge", "temple", "tackler", "shed", "twill", "satin"]
SEPS = [".", ".", "/", ",", ":"]


def a_part(rnd: random.Random, sep: str) -> str:
    w = rnd.choice(WORDS)
    r = rnd.random()
    if r < 0.18:
        q = rnd.choice(['"', "'", "`"])
        inner = (" " if rnd.random() < 0.5 else "") + w + sep + rnd.choice(WORDS) + (" " if rnd.random() < 0.5 else "")
        return q + inner + q
    if r < 0.36:
        o, c = rnd.choice([("[", "]"), ("(", ")"), ("{", "}"), ("<", ">")])
        return w + o + rnd.choice(WORDS) + sep + rnd.choice(WORDS) + c
    if r < 0.42:
        return w + "\\" + sep + rnd.choice(WORDS)
    return w + (str(rnd.randint(1, 48)) if rnd.random() < 0.3 else "")


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(84):
        sep = rnd.choice(SEPS)
        s = sep.join(a_part(rnd, sep) for _ in range(rnd.randint(2, 6)))
        opts: dict = {}
        if sep != ".":
            opts["separator"] = sep
        if rnd.random() < 0.6:
            opts["quotes"] = True if rnd.random() < 0.7 else ['"', "`"]
        if rnd.random() < 0.6:
            opts["brackets"] = True
        out.append({"name": f"pick {i + 1}: {rnd.choice(WORDS)} on loom {rnd.randint(1, 12)}", "input": s,
                    "options": opts})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const split = require("split-string");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) { c.expected = split(c.input, c.options); }
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const split = require("../lib/split-string.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("shuttle_board pick drafts", () => {
  test.each(cases)("$name", ({ input, options, expected }) => {
    expect(split(input, options)).toEqual(expected);
  });
});
"""

APP_JS = """import split from "../lib/split-string.cjs";

const looms = { "twill": 4, "satin": 5, "plain": 2, "twill": 3 };
export function draftFor(shed, loom) {
  var picks = split(shed.draft + "." + loom.kind, { brackets: true }).length + " [" + looms[loom.kind] + "]";
  for (var kind in looms) {
    if (loom == undefined) loom = kind;
  }
  const unused = looms.length * 2;
  if (shed.weaver == null) return picks;
  else return picks + " weaver " + shed.weaver;
}
export const weave = function (beams) {
  let out = [];
  beams.forEach(function (b, i) { out.push(draftFor(beams[i - 1], b)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import split from '../lib/split-string.cjs'

interface Beam { draft: string; picks: number; broken?: boolean; weaver?: { name: string } }

export function drafts(bs: Beam[]): string[] {
  return bs.map((b, i) => split(bs[i - 1].draft).join('/'))
}

export const weaver = (b: Beam): string => b.weaver.name
export const ppi: string = 64
export const first = (bs: Beam[]): Beam => bs[0]
export const heald = (b: Beam) => split(b.picks.toFixed('1'))
export const both = (b: Beam): [string, number] => [split(b, 'draft', 3), split()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "shuttle_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "shuttle_board", "version": "0.3.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/drafts.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/shed.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/split-string/index.js lib/split-string.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "shuttle_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose split-string@6.1.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'loom 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "shuttle_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/shuttle_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/split-string.cjs ts/shuttle_board.ts", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
