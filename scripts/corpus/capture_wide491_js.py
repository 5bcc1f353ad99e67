"""Round 491, JavaScript / TypeScript: a real npm package new to the issue's rounds (hogan.js 3: Twitter's mustache
compiler, its CommonJS `lib/` and its bundled `dist/hogan-3.0.2.common.js`) copied into a small app (`sluiceboard`, a
tide mill's sluice boards rendered from mustache templates) with a few bugs put in; eslint over the copy and the app;
tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package.
One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run
through capture_wide491.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide491 import JS, cap

NM = JS / "node_modules"
PKG = NM / "hogan.js"

# The bugs put in the copy (lib/*.cjs): (file, text, replacement); each text occurs exactly once. A dotted name's
# lookup reads one name past its end; an empty list's check compares loosely; the scanner leaves an unused variable.
BUGS = [("template.cjs", "for (var i = 1; i < names.length; i++) {", "for (var i = 1; i <= names.length; i++) {"),
        ("template.cjs", "if (isArray(val) && val.length === 0) {", "if (isArray(val) && val.length == 0) {"),
        ("compiler.cjs", "  Hogan.scan = function scan(text, delimiters) {\n",
         "  Hogan.scan = function scan(text, delimiters) {\n    var sluiced = text.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Hogan from "../lib/hogan.cjs";

const sluices = { "east": 12, "west": "14", "tail": ["9"], "pond": "../wheel", "east": 13 };
export function board(draw, miller) {
  var tpl = Hogan.compile("{{#draws}}{{sluice}} drawn by {{miller}}{{/draws}}");
  for (var name in sluices) {
    if (miller == undefined) miller = name;
  }
  const unused = sluices.length * 2;
  if (tpl == null) return "no board for " + miller;
  else return tpl.render({ draws: draw, miller: miller }).length + " chars";
}
export const headCheck = function (heads) {
  const { length } = heads.filter((h) => Hogan.compile(h.tpl).render(h) == true);
  return length + " heads drawn";
};
export function wheelOrder(wheels, turns, log) {
  let n = 0;
  const tokens = Hogan.scan("{{wheel}}");
  wheels.forEach(function (w) { if (tokens[w] % 2 != false) n++; });
  while (n = wheels.length) { n--; }
  if (n) {}
  return n ? wheels : null;
}
"""

APP_TS = """import Hogan from '../lib/hogan.cjs'

interface Draw { sluice: string; hours: number; miller?: { name: string }; drawn?: Date }
interface Tide { mill: string; draws: Draw[] }

export function boards(tides: Tide[]): string[] {
  return tides.map((t) => Hogan.compile(t.draws).render().toFixed('2') + 1)
}

export const head = (d: Draw): number => Hogan.compile(d.sluice, { asString: 'yes' })
export const who = (d: Draw): boolean => Hogan.scan(d.miller.name, 7)
export const drawn = (d: Draw) => d.drawn.toUTCString()
export const mill = (t: Tide): number => t.mill.length.toFixed()
export const total: string = Hogan.codegen * 'wheels'
export const both = (t: Tide): [string, number] => [Hogan.parse(t), Hogan.generate()]
export const pond = (d: Draw): URL => Hogan.compile(d.sluice).render(d.hours, 'ten').toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "sluiceboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sluiceboard", "version": "0.3.9", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    for name in ("compiler", "template", "hogan"):
        text = (PKG / "lib" / f"{name}.js").read_text()
        (root / "lib" / f"{name}.cjs").write_text(text.replace("require('./compiler')", "require('./compiler.cjs')")
                                                  .replace("require('./template')", "require('./template.cjs')"))
    (root / "lib" / "hogan-dist.cjs").write_text((PKG / "dist" / "hogan-3.0.2.common.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-sluiceboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-lib-sluiceboard", "npx eslint lib/compiler.cjs lib/template.cjs lib/hogan-dist.cjs 2>&1 "
        "| head -n 900", root, n_eslint, timeout=600)
    write_tree(root, {"ts/sluiceboard.ts": APP_TS})
    cap("tsc-checkjs-hogan-sluiceboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/hogan.cjs lib/hogan-dist.cjs "
        "ts/sluiceboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-sluiceboard", "chain-lint", "lint",
          [Part("cd sluiceboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-hogan-js-json", "npm view hogan.js --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
