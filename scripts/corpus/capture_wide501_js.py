"""Round 501, JavaScript / TypeScript: a real npm package new to the issue's rounds (pegjs 0.10.0: a parser
generator, its CommonJS `lib/` tree: the compiler, its passes, the utils and the generated grammar parser) copied into
a small app (`splitboard`, a slate quarry's splitting boards parsed from a small grammar) with a few bugs put in;
eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly;
npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide501.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide501 import JS, cap

NM = JS / "node_modules"
PKG = NM / "pegjs"

# The bugs put in the copy (lib/**/*.cjs): (file, text, replacement); each text occurs exactly once. A value's
# lookup in an array compares loosely; `contains` tests the index against 0; a constant's index is one past its slot
# and the bytecode generator keeps an unused variable.
BUGS = [("utils/arrays.cjs", "  contains: function(array, valueOrPredicate) {\n    return arrays.indexOf(array, "
         "valueOrPredicate) !== -1;", "  contains: function(array, valueOrPredicate) {\n    return arrays.indexOf("
         "array, valueOrPredicate) !== 0;"),
        ("compiler/passes/generate-bytecode.cjs", "return index === -1 ? consts.push(value) - 1 : index;",
         "return index == -1 ? consts.push(value) : index;"),
        ("compiler/passes/generate-bytecode.cjs", "function generateBytecode(ast) {\n",
         "function generateBytecode(ast) {\n  var splitters = ast.rules.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import peg from "../lib/peg.cjs";

const grades = { "princess": 24, "duchess": "20", "countess": ["16"], "lady": "../waste", "princess": 22 };
export function board(blocks, splitter) {
  var parser = peg.generate("start = grade:[a-z]+ ' ' size:[0-9]+ { return [grade.join(''), size.join('')]; }");
  for (var name in grades) {
    if (splitter == undefined) splitter = name;
  }
  const unused = grades.length * 2;
  if (parser == null) return "no board for " + splitter;
  else return parser.parse(blocks).length + " slates by " + splitter;
}
export const dressCheck = function (slates) {
  const { length } = slates.filter((s) => peg.generate(s.grammar).parse(s.text) == true);
  return length + " slates dressed";
};
export function inclineOrder(inclines, runs, log) {
  let n = 0;
  const ast = peg.parser.parse("start = 'incline'");
  inclines.forEach(function (w) { if (ast.rules[w] % 2 != false) n++; });
  while (n = inclines.length) { n--; }
  if (n) {}
  return n ? inclines : null;
}
"""

APP_TS = """import peg from '../lib/peg.cjs'

interface Block { vein: string; slates: number; splitter?: { name: string }; split?: Date }
interface Shift { incline: string; blocks: Block[] }

export function boards(shifts: Shift[]): string[] {
  return shifts.map((s) => peg.generate(s.blocks).parse().toFixed('2') + 1)
}

export const size = (b: Block): number => peg.generate(b.vein, { output: 'text' })
export const who = (b: Block): boolean => peg.parser.parse(b.splitter.name, 7)
export const split = (b: Block) => b.split.toUTCString()
export const incline = (s: Shift): number => s.incline.length.toFixed()
export const total: string = peg.compiler * 'inclines'
export const both = (s: Shift): [string, number] => [peg.GrammarError(s), peg.VERSION()]
export const tip = (b: Block): URL => peg.generate(b.vein).parse(b.slates, 'ten').toLowerCase()
"""


def _cjs(rel: Path, text: str, lib: Path) -> str:
    """The copy's require paths given the `.cjs` suffix (a directory's through its index.cjs)."""
    def fix(m: re.Match) -> str:
        target = (lib / rel.parent / m.group(2)).resolve()
        suffix = "/index.cjs" if target.is_dir() else ".cjs"
        return f"require({m.group(1)}{m.group(2)}{suffix}{m.group(1)})"
    return re.sub(r"require\((['\"])(\.{1,2}/[^'\"]+)\1\)", fix, text)


def app(tmp: Path) -> Path:
    root = tmp / "splitboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "splitboard", "version": "0.4.7", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    lib = PKG / "lib"
    for f in sorted(lib.rglob("*.js")):
        rel = f.relative_to(lib)
        out = root / "lib" / rel.with_suffix(".cjs")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_cjs(rel, f.read_text(), lib))
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-splitboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-lib-compiler-utils-splitboard", "npx eslint lib/compiler lib/utils lib/peg.cjs 2>&1 "
        "| head -n 900", root, n_eslint, timeout=600)
    write_tree(root, {"ts/splitboard.ts": APP_TS})
    cap("tsc-checkjs-pegjs-splitboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/peg.cjs lib/compiler/index.cjs "
        "ts/splitboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-splitboard", "chain-lint", "lint",
          [Part("cd splitboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-pegjs-json", "npm view pegjs --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
