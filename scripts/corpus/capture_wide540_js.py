"""Round 540, JavaScript / TypeScript: a real npm package new to the issue's rounds (remarkable 2.0.1: a Markdown
parser, its one-file CommonJS build) copied into a small app (`whirlboard`, a ropery's whirl boards turned from
Markdown notes into HTML) with a few bugs put in; a test suite of the app's own over the copy, run by mocha (spec
reporter, once with colour forced on) and by jest, whose expected values are what the UNBUGGED remarkable renders
(computed here, before the bugs go in); eslint over the copy and the app; tsc --noEmit with checkJs over the copied
JavaScript and an app that uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide540.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc
from capture_wide540 import JS, cap

NM = JS / "node_modules"
RM = NM / "remarkable" / "dist" / "cjs"

# The bugs put in the copy (lib/remarkable.cjs): (file, text, replacement); each text occurs exactly once. `>` is no
# longer escaped in text; an ordered list starting at 2 loses its start attribute; a closing heading tag loses its
# newline; the heading rule keeps an unused variable.
BUGS = [("remarkable.cjs", "  '>': '&gt;',\n", "  '>': '>',\n"),
        ("remarkable.cjs", "var order = token.order > 1 ?", "var order = token.order > 2 ?"),
        ("remarkable.cjs", "  return '</h' + tokens[idx].hLevel + '>\\n';", "  return '</h' + tokens[idx].hLevel + '>';"),
        ("remarkable.cjs", "rules.heading_open = function(tokens, idx /*, options, env */) {\n",
         "rules.heading_open = function(tokens, idx /*, options, env */) {\n  var strands = tokens.length;\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

ROPES = ["hawser", "cable", "bolt-rope", "lanyard", "warp", "bell rope", "halyard", "sheet", "painter", "tow line",
         "lashing", "shroud"]
WHIRLS = ["whirl 1", "whirl 2", "whirl 3", "fore whirl", "back whirl"]


def cases(seed: int) -> list[dict]:
    """Markdown notes of a ropery's whirl boards: headings, ordered lists, notes with < > & and quotes, fenced code,
    links, emphasis. Their expected HTML is rendered by the unbugged copy (fixtures.cjs)."""
    r = random.Random(seed)
    out = []
    for i in range(140):
        rope, whirl = r.choice(ROPES), r.choice(WHIRLS)
        shape = i % 7
        if shape == 0:
            src = f"{'#' * r.randint(1, 4)} {rope} from {whirl}\n\n{r.randint(20, 300)} fathoms laid"
        elif shape == 1:
            start = r.randint(1, 4)
            src = "".join(f"{start + k}. strand {k + 1} of {rope}\n" for k in range(r.randint(2, 4)))
        elif shape == 2:
            src = f"twist {r.randint(8, 40)} {r.choice(['<', '>', '&', '>='])} {r.randint(8, 40)} on {rope}"
        elif shape == 3:
            src = f"```\n{rope}.lay({r.randint(1, 9)})\n```\n"
        elif shape == 4:
            src = f"[{rope}](https://ropery.example/{rope.replace(' ', '-')}) spun on *{whirl}*"
        elif shape == 5:
            src = f"{rope} tally\n{'=' if r.random() < .5 else '-' * 3}\n\n**{r.randint(1, 9)} coils** in store"
        else:
            src = f"- {rope}\n- {whirl}\n- hemp lot {r.randint(1, 40)}"
        out.append({"name": f"whirlboard {i:03} {rope} ({whirl})", "src": src})
    return out


FIXTURES = """const fs = require("fs");
const { Remarkable } = require("./lib/remarkable.cjs");
const md = new Remarkable();
const cases = JSON.parse(fs.readFileSync("cases.json", "utf8"));
for (const c of cases) c.html = md.render(c.src);
fs.writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

SUITE = """const assert = require("assert");
const { Remarkable } = require("../lib/remarkable.cjs");
const cases = require("./cases.json");

describe("whirlboard renders ropery notes", function () {
  const md = new Remarkable();
  for (const c of cases) {
    it(c.name, function () {
      assert.strictEqual(md.render(c.src), c.html);
    });
  }
});
"""

APP_JS = """import { Remarkable } from "../lib/remarkable.cjs";

const whirls = { "fore": 3, "back": "2", "main": ["1"], "spare": "../broken", "fore": 4 };
export function board(note, ropemaker) {
  var md = new Remarkable({ html: false, breaks: true });
  for (var name in whirls) {
    if (ropemaker == undefined) ropemaker = name;
  }
  const unused = whirls.length * 2;
  if (md == null) return "no board for " + ropemaker;
  else return md.render(note).length + " chars by " + ropemaker;
}
export const strandCheck = function (ropes) {
  const { length } = ropes.filter((r) => new Remarkable().render(r.note) == true);
  return length + " ropes checked";
};
export function layOrder(notes, whirl, log) {
  let n = 0;
  const md = new Remarkable("full");
  notes.forEach(function (c) { if (md.render(c).length % 2 != false) n++; });
  while (n = notes.length) { n--; }
  if (n) {}
  return n ? notes : null;
}
"""

APP_TS = """import { Remarkable } from '../lib/remarkable.cjs'

interface Rope { name: string; fathoms: number; ropemaker?: { name: string }; laid?: Date }
interface Whirl { hooks: string; ropes: Rope[] }

export function boards(whirls: Whirl[]): string[] {
  return whirls.map((w) => new Remarkable().render(w.ropes).toFixed('2') + 1)
}

export const size = (r: Rope): number => new Remarkable({ typographer: 'yes' }).render(r.name)
export const who = (r: Rope): boolean => new Remarkable().renderInline(r.ropemaker.name, 7)
export const laid = (r: Rope) => r.laid.toUTCString()
export const hooks = (w: Whirl): number => w.hooks.length.toFixed()
export const total: string = Remarkable.version * 'ropes'
export const both = (w: Whirl): [string, number] => [new Remarkable().use(w), new Remarkable().set()]
export const tag = (r: Rope): URL => new Remarkable(r.fathoms).render(r.name).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "whirlboard"
    for d in ("lib", "app", "ts", "test"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "whirlboard", "version": "1.3.0", "type": "module"},
                                                 indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS, "fixtures.cjs": FIXTURES,
                      "cases.json": json.dumps(cases(54014)), "test/whirlboard.test.cjs": SUITE})
    (root / "lib" / "remarkable.cjs").write_text((RM / "index.js").read_text())
    run("node fixtures.cjs", cwd=root)  # expected values from the copy before the bugs go in
    put_bugs(root / "lib", BUGS)
    return root


def js_tests_lint(tmp: Path) -> None:
    root = app(tmp)
    cap("mocha-whirlboard-remarkable", "npx mocha test/whirlboard.test.cjs 2>&1", root, n_mocha, timeout=300)
    cap("mocha-color-grep-hawser-cable-warp-whirlboard", "npx mocha --color --grep 'hawser|cable|warp' "
        "test/whirlboard.test.cjs 2>&1", root, n_mocha, timeout=300)
    chain("chain-jest-whirlboard-echo-exit", "chain-test-exit", "test",
          [Part("npx jest --ci test/ 2>&1 | tail -n 900", n_jest), Part("echo EXIT=$?", n_status_echo, ";")],
          root, timeout=600)
    cap("eslint-color-app-lib-whirlboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    cap("eslint-remarkable-whirlboard-head-650", "npx eslint lib/remarkable.cjs 2>&1 | head -n 650", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/whirlboard.ts": APP_TS})
    cap("tsc-checkjs-remarkable-whirlboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/remarkable.cjs ts/whirlboard.ts 2>&1 "
        "| head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-whirlboard", "chain-lint", "lint",
          [Part("cd whirlboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-remarkable-json", "npm view remarkable --json", root, n_npm_view, timeout=300)


STEPS = [js_tests_lint]
