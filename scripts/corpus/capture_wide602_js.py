"""Round 602, JavaScript / TypeScript: the real npm package dashify 2.0.0 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`crutch_board`, a clock works' movement and dial board) with bugs
put in; a vitest suite written here whose expectations come from the unbroken package (seed 60218; a node script
computes them from node_modules/dashify before the copy is broken); eslint over the copy and the app with round 313's
flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1
through round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide602.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide602 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide602-js"
NM = JS / "node_modules"
SEED = 60218

# The bugs put in the copy (lib/dashify.cjs): only the first camel hump is split; trailing dashes are kept;
# `condense` is inverted.
BUGS = [("dashify.cjs", ".replace(/([a-z])([A-Z])/g, '$1-$2')", ".replace(/([a-z])([A-Z])/, '$1-$2')"),
        ("dashify.cjs", ".replace(/^-+|-+$/g, '')", ".replace(/^-+/g, '')"),
        ("dashify.cjs", "options && options.condense ? '-' : m", "options && options.condense ? m : '-'")]

WORDS = ["escapement", "pendulum", "pallet", "crutch", "arbor", "fusee", "verge", "anchor", "bob", "dial",
         "regulator", "mainspring", "ratchet", "suspension", "bezel", "hand", "chime", "strike"]
SEPS = [" ", " ", "_", ".", "/", "  ", "--", "__"]


def a_word(rnd: random.Random) -> str:
    w = rnd.choice(WORDS)
    r = rnd.random()
    if r < 0.3:
        return w.capitalize()
    if r < 0.4:
        return w.upper()
    if r < 0.5:
        return w + rnd.choice(["é", "ü", "ø"]) + rnd.choice(WORDS)
    return w


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(84):
        parts = [a_word(rnd) for _ in range(rnd.randint(2, 5))]
        if rnd.random() < 0.5:  # camel-cased run
            s = parts[0] + "".join(p.capitalize() for p in parts[1:])
        else:
            s = "".join(p + rnd.choice(SEPS) for p in parts[:-1]) + parts[-1]
        if rnd.random() < 0.3:
            s = rnd.choice(["-", " ", "_", "!"]) + s + rnd.choice(["-", "!", " ", "?", ""])
        opts = {"condense": True} if rnd.random() < 0.4 else {"condense": False} if rnd.random() < 0.2 else None
        out.append({"name": f"dial {i + 1}: {rnd.choice(WORDS)} on bench {rnd.randint(1, 12)}", "input": s,
                    "options": opts})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const dashify = require("dashify");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) { c.expected = c.options === null ? dashify(c.input) : dashify(c.input, c.options); }
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const dashify = require("../lib/dashify.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("crutch_board dial slugs", () => {
  test.each(cases)("$name", ({ input, options, expected }) => {
    expect(options === null ? dashify(input) : dashify(input, options)).toEqual(expected);
  });
});
"""

APP_JS = """import dashify from "../lib/dashify.cjs";

const benches = { "regulator": 4, "longcase": 5, "turret": 2, "regulator": 3 };
export function slugFor(clock, bench) {
  var slug = dashify(clock.name + " " + bench.kind, { condense: true }) + " [" + benches[bench.kind] + "]";
  for (var kind in benches) {
    if (bench == undefined) bench = kind;
  }
  const unused = benches.length * 2;
  if (clock.smith == null) return slug;
  else return slug + " smith " + clock.smith;
}
export const regulate = function (movements) {
  let out = [];
  movements.forEach(function (m, i) { out.push(slugFor(movements[i - 1], m)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import dashify from '../lib/dashify.cjs'

interface Movement { name: string; beats: number; stopped?: boolean; smith?: { name: string } }

export function slugs(ms: Movement[]): string[] {
  return ms.map((m, i) => dashify(ms[i - 1].name).split('-').join('/'))
}

export const smith = (m: Movement): string => m.smith.name
export const bph: string = 3600
export const first = (ms: Movement[]): Movement => ms[0]
export const beat = (m: Movement) => dashify(m.beats.toFixed('1'))
export const both = (m: Movement): [string, number] => [dashify(m, 'name', 3), dashify()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "crutch_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "crutch_board", "version": "0.2.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/slugs.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/works.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/dashify/index.js lib/dashify.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "crutch_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose dashify@2.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'bench 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "crutch_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/crutch_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/dashify.cjs ts/crutch_board.ts", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
