"""Round 510, JavaScript / TypeScript: real npm packages new to the issue's rounds (escodegen 2.1.0: an ECMAScript
code generator from an AST, one CommonJS file; esprima 4.0.1: the parser whose ASTs it prints, its UMD `dist` build)
copied into a small app (`sailboard`, a windmill's sail boards printed back from parsed rigging rules) with a few bugs
put in; eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it
wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round
313's (capture_wide313_js), imported. Run through capture_wide510.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide510 import JS, cap

NM = JS / "node_modules"
GEN = NM / "escodegen"
PARSE = NM / "esprima"

# The bugs put in the copy (lib/escodegen.cjs): (file, text, replacement); each text occurs exactly once. The
# check for a trailing line terminator reads one past the end; a line's indentation is counted one too many; the
# indenting helper keeps an unused variable.
BUGS = [("escodegen.cjs", "return len && esutils.code.isLineTerminator(str.charCodeAt(len - 1));",
         "return len && esutils.code.isLineTerminator(str.charCodeAt(len));"),
        ("escodegen.cjs", "return (str.length - 1) - i;", "return str.length - i;"),
        ("escodegen.cjs", "    function withIndent(fn) {\n        var previousBase;\n",
         "    function withIndent(fn) {\n        var previousBase, sails = indent.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import escodegen from "../lib/escodegen.cjs";
import esprima from "../lib/esprima.cjs";

const cloths = { "common": 4, "spring": "3", "patent": ["2"], "roller": "../reefed", "common": 5 };
export function board(rule, millwright) {
  var ast = esprima.parseScript(rule);
  for (var name in cloths) {
    if (millwright == undefined) millwright = name;
  }
  const unused = cloths.length * 2;
  if (ast == null) return "no board for " + millwright;
  else return escodegen.generate(ast).length + " chars by " + millwright;
}
export const stockCheck = function (sails) {
  const { length } = sails.filter((s) => escodegen.generate(esprima.parse(s.rule)) == true);
  return length + " sails checked";
};
export function shutterOrder(shutters, turns, log) {
  let n = 0;
  const ast = esprima.parseModule("export const whip = 'sail'");
  shutters.forEach(function (w) { if (ast.body[w] % 2 != false) n++; });
  while (n = shutters.length) { n--; }
  if (n) {}
  return n ? shutters : null;
}
"""

APP_TS = """import escodegen from '../lib/escodegen.cjs'
import esprima from '../lib/esprima.cjs'

interface Sail { stock: string; cloths: number; millwright?: { name: string }; set?: Date }
interface Cap { fantail: string; sails: Sail[] }

export function boards(caps: Cap[]): string[] {
  return caps.map((c) => escodegen.generate(c.sails).toFixed('2') + 1)
}

export const size = (s: Sail): number => escodegen.generate(esprima.parseScript(s.stock), { format: 'text' })
export const who = (s: Sail): boolean => esprima.tokenize(s.millwright.name, 7)
export const set = (s: Sail) => s.set.toUTCString()
export const fantail = (c: Cap): number => c.fantail.length.toFixed()
export const total: string = escodegen.version * 'sails'
export const both = (c: Cap): [string, number] => [escodegen.attachComments(c), esprima.version()]
export const whip = (s: Sail): URL => escodegen.generate(esprima.parse(s.stock), s.cloths).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "sailboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sailboard", "version": "0.3.9", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    # escodegen requires './package.json' for its version: the copy keeps it beside the file
    (root / "lib" / "escodegen.cjs").write_text((GEN / "escodegen.js").read_text())
    (root / "lib" / "package.json").write_text((GEN / "package.json").read_text())
    (root / "lib" / "esprima.cjs").write_text((PARSE / "dist" / "esprima.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-sailboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-escodegen-esprima-sailboard-head-650", "npx eslint lib/escodegen.cjs lib/esprima.cjs 2>&1 "
        "| head -n 650", root, n_eslint, timeout=600)
    write_tree(root, {"ts/sailboard.ts": APP_TS})
    cap("tsc-checkjs-escodegen-sailboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/escodegen.cjs lib/esprima.cjs "
        "ts/sailboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-sailboard", "chain-lint", "lint",
          [Part("cd sailboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-escodegen-json", "npm view escodegen --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
