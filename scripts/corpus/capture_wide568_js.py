"""Round 568, JavaScript / TypeScript: the real npm package path-parse 1.0.7 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`mould_board`, a paper mill's mould and ream board) with bugs put in;
a vitest suite written here whose expectations come from the unbroken package (seed 56815; a node script computes them
from node_modules/path-parse before the copy is broken); eslint over the copy and the app with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide568.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide568 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide568-js"
NM = JS / "node_modules"
SEED = 56815

# The bugs put in the copy (lib/path-parse.cjs): a Windows drive root loses its separator in `dir`; the posix
# extension takes every dot; the posix `name` is lower-cased.
BUGS = [("path-parse.cjs", "dir: allParts[0] === allParts[1] ? allParts[0] : allParts[0].slice(0, -1),",
         "dir: allParts[0].slice(0, -1),"),
        ("path-parse.cjs", "((\\.{1,2}|[^\\/]+?|)(\\.[^.\\/]*|))[\\/]*$/;", "((\\.{1,2}|[^\\/]+?|)(\\.[^\\/]*|))[\\/]*$/;"),
        ("path-parse.cjs", "    name: allParts[3],\n", "    name: allParts[3].toLowerCase(),\n")]

WORDS = ["vat", "mould", "deckle", "felt", "post", "quire", "ream", "rag", "size", "loft", "press", "hollander",
         "coucher", "watermark", "laid", "wove"]
EXTS = [".txt", ".csv", ".tar.gz", ".json", ".log", ".bak.1", "", ".md", ".Ream", ".d"]


def a_name(rnd: random.Random) -> str:
    base = rnd.choice(WORDS)
    if rnd.random() < 0.3:
        base = base.capitalize() + rnd.choice(["Sheet", "Post", "Quire", ""])
    if rnd.random() < 0.15:
        return "." + base
    return base + (f"_{rnd.randint(1, 99):02d}" if rnd.random() < 0.4 else "") + rnd.choice(EXTS)


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(84):
        segs = [rnd.choice(WORDS) for _ in range(rnd.randint(0, 4))]
        name = a_name(rnd)
        if rnd.random() < 0.65:
            kind = "posix"
            path = ("/" if rnd.random() < 0.6 else "") + "/".join(segs + [name]) + ("/" if rnd.random() < 0.1 else "")
        else:
            kind = "win32"
            r = rnd.random()
            root = "C:\\" if r < 0.5 else "\\\\millhost\\reams\\" if r < 0.7 else "D:" if r < 0.8 else "\\"
            path = root + ("" if rnd.random() < 0.25 else "\\".join(segs + [name]))
        out.append({"name": f"mould {i + 1}: {kind} {rnd.choice(WORDS)} at vat {rnd.randint(1, 9)}", "kind": kind,
                    "path": path})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const parse = require("path-parse");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) { c.expected = parse[c.kind](c.path); }
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const parse = require("../lib/path-parse.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("mould_board ream paths", () => {
  test.each(cases)("$name", ({ kind, path, expected }) => {
    expect(parse[kind](path)).toEqual(expected);
  });
});
"""

APP_JS = """import parse from "../lib/path-parse.cjs";

const moulds = { "laid": 4, "wove": 3, "deckle": 1, "laid": 2 };
export function reamFor(board, mould) {
  var sheet = parse(board.root + "/" + mould.kind).name + " [" + moulds[mould.kind] + "]";
  for (var kind in moulds) {
    if (mould == undefined) mould = kind;
  }
  const unused = moulds.length * 3;
  if (board.vat == null) return sheet;
  else return sheet + " vat " + board.vat;
}
export const couch = function (posts) {
  let out = [];
  posts.forEach(function (p, i) { out.push(reamFor(posts[i - 1], p)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import parse from '../lib/path-parse.cjs'

interface Post { mould: string; sheets: number; torn?: boolean; coucher?: { name: string } }

export function names(ps: Post[]): string[] {
  return ps.map((p, i) => parse(ps[i - 1].mould).name)
}

export const coucher = (p: Post): string => p.coucher.name
export const gsm: string = 120
export const first = (ps: Post[]): Post => ps[0]
export const quire = (p: Post) => parse(p.sheets.toFixed('1'))
export const both = (p: Post): [string, number] => [parse(p, 'mould', 3), parse()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "mould_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "mould_board", "version": "0.2.7", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/reams.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/path-parse/index.js lib/path-parse.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "mould_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose path-parse@1.0.7", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'win32'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "mould_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/mould_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/path-parse.cjs ts/mould_board.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
