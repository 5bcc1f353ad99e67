"""Round 520, JavaScript / TypeScript: real npm packages new to the issue's rounds (turndown 7.2.0: an HTML to
Markdown converter, its one-file CommonJS build; @mixmark-io/domino 2.2.0: the DOM it parses with under node, a few
of its CommonJS sources) copied into a small app (`eyeboard`, a lime kiln's draw-eye boards turned from HTML notes into
Markdown) with a few bugs put in; eslint over the copy and the app; tsc --noEmit with checkJs over the copied
JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on
(--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through capture_wide520.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc
from capture_wide520 import JS, cap

NM = JS / "node_modules"
TD = NM / "turndown"
DOMINO = NM / "@mixmark-io" / "domino" / "lib"
DOM_FILES = ["Element.js", "Document.js", "Node.js", "select.js"]

# The bugs put in the copy (lib/turndown.cjs): (file, text, replacement); each text occurs exactly once. A code
# block's fence is not lengthened for a fence of the same length inside it; trailing newlines are looked for one
# past the end; the heading rule keeps an unused variable.
BUGS = [("turndown.cjs", "if (match[0].length >= fenceSize) {", "if (match[0].length > fenceSize) {"),
        ("turndown.cjs", "while (indexEnd > 0 && string[indexEnd - 1] === '\\n') indexEnd--;",
         "while (indexEnd > 0 && string[indexEnd] === '\\n') indexEnd--;"),
        ("turndown.cjs", "    var hLevel = Number(node.nodeName.charAt(1));\n",
         "    var hLevel = Number(node.nodeName.charAt(1)), arches = content.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import TurndownService from "../lib/turndown.cjs";

const eyes = { "north": 4, "south": "3", "east": ["2"], "west": "../choked", "north": 5 };
export function board(html, limer) {
  var td = new TurndownService({ headingStyle: "setext" });
  for (var name in eyes) {
    if (limer == undefined) limer = name;
  }
  const unused = eyes.length * 2;
  if (td == null) return "no board for " + limer;
  else return td.turndown(html).length + " chars by " + limer;
}
export const drawCheck = function (arches) {
  const { length } = arches.filter((a) => new TurndownService().turndown(a.note) == true);
  return length + " arches checked";
};
export function chargeOrder(charges, burns, log) {
  let n = 0;
  const td = new TurndownService({ codeBlockStyle: "fenced" });
  charges.forEach(function (c) { if (td.turndown(c).length % 2 != false) n++; });
  while (n = charges.length) { n--; }
  if (n) {}
  return n ? charges : null;
}
"""

APP_TS = """import TurndownService from '../lib/turndown.cjs'

interface Arch { eye: string; carts: number; limer?: { name: string }; drawn?: Date }
interface Kiln { burner: string; arches: Arch[] }

export function boards(kilns: Kiln[]): string[] {
  return kilns.map((k) => new TurndownService().turndown(k.arches).toFixed('2') + 1)
}

export const size = (a: Arch): number => new TurndownService({ headingStyle: 'tall' }).turndown(a.eye)
export const who = (a: Arch): boolean => new TurndownService().escape(a.limer.name, 7)
export const drawn = (a: Arch) => a.drawn.toUTCString()
export const burner = (k: Kiln): number => k.burner.length.toFixed()
export const total: string = TurndownService.version * 'arches'
export const both = (k: Kiln): [string, number] => [new TurndownService().addRule(k), new TurndownService().keep()]
export const eye = (a: Arch): URL => new TurndownService(a.carts).turndown(a.eye).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "eyeboard"
    for d in ("lib", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "eyeboard", "version": "0.4.2", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    (root / "lib" / "turndown.cjs").write_text((TD / "lib" / "turndown.cjs.js").read_text())
    for f in DOM_FILES:
        (root / "lib" / f"domino-{f[:-3]}.cjs").write_text((DOMINO / f).read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("eslint-color-app-lib-eyeboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-turndown-domino-eyeboard-head-650", "npx eslint lib/turndown.cjs lib/domino-*.cjs 2>&1 "
        "| head -n 650", root, n_eslint, timeout=600)
    write_tree(root, {"ts/eyeboard.ts": APP_TS})
    cap("tsc-checkjs-turndown-eyeboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/turndown.cjs lib/domino-Element.cjs "
        "lib/domino-Document.cjs ts/eyeboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-eyeboard", "chain-lint", "lint",
          [Part("cd eyeboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-turndown-json", "npm view turndown --json", root, n_npm_view, timeout=300)


STEPS = [js_lint]
