"""Round 473, JavaScript / TypeScript: the real npm package classnames 2.5.1 (one UMD file) installed with `npm install`
under a terminal, its `index.js` copied into a small app (`sprueboard`, a pattern shop's job board) with bugs put in; a
vitest suite written here whose expectations come from the unbroken package (seed 47315; a node script computes them
from node_modules/classnames before the copy is broken); eslint over the copy and the app with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide473.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide473 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 47315

# The bugs put in the copy (lib/index.cjs): a falsy object value no longer leaves its key out; an array argument
# loses its first element; a number is no longer a class name.
BUGS = [("index.cjs", "if (hasOwn.call(arg, key) && arg[key]) {", "if (hasOwn.call(arg, key)) {"),
        ("index.cjs", "return classNames.apply(null, arg);", "return classNames.apply(null, arg.slice(1));"),
        ("index.cjs", "if (typeof arg === 'string' || typeof arg === 'number') {", "if (typeof arg === 'string') {")]

WORDS = ["pattern", "core-box", "cope", "drag", "sprue", "riser", "flask", "draft", "parting-line", "loose-piece",
         "match-plate", "sweep", "shrink", "rammed", "vented", "warped", "drawn"]


def val(rnd: random.Random, depth: int = 0):
    k = rnd.randint(0, 9 if depth < 2 else 5)
    if k <= 2:
        return rnd.choice(WORDS)
    if k == 3:
        return rnd.choice([0, 1, 7, 12, None, False, "", True])
    if k == 4:
        return {w: rnd.choice([True, False, 0, 1, "", "yes", None]) for w in rnd.sample(WORDS, rnd.randint(1, 4))}
    if k == 5:
        return rnd.randint(1, 99)
    return [val(rnd, depth + 1) for _ in range(rnd.randint(1, 4))]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    return [{"name": f"job {i + 1}: {rnd.choice(WORDS)} on {rnd.choice(['cope', 'drag', 'core'])} side",
             "args": [val(rnd) for _ in range(rnd.randint(1, 4))]} for i in range(120)]


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const classNames = require("classnames");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = classNames(...c.args);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const classNames = require("../lib/index.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("sprueboard classes", () => {
  test.each(cases)("$name", ({ args, expected }) => {
    expect(classNames(...args)).toBe(expected);
  });
});
"""

APP_JS = """import classNames from "../lib/index.cjs";

const drafts = { "cope": 1.5, "drag": 1.0, "core": 2.0, "cope": 1.2 };
export function jobClass(job, side) {
  var cls = classNames("job", { warped: job.warped, drawn: job.drawn == true }, side);
  for (var key in drafts) {
    if (side == undefined) side = key;
  }
  const unused = drafts.length * 2;
  if (job.cores == null) return cls;
  else return cls + " cores-" + job.cores;
}
export const board = function (jobs) {
  let out = [];
  jobs.forEach(function (j) { out.push(jobClass(j)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import classNames from '../lib/index.cjs'

interface Job { pattern: string; cores: number; warped?: boolean; moulder?: { name: string } }

export function classes(js: Job[]): number[] {
  return js.map((j) => classNames(j.pattern, { warped: j.warped }))
}

export const moulder = (j: Job): string => j.moulder.name
export const cores: string = 12
export const first = (js: Job[]): Job => js[0]
export const label = (j: Job) => classNames(j.pattern, j.cores.toFixed('2'))
export const both = (j: Job): [string, number] => [classNames(j), classNames()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "sprueboard"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "sprueboard", "version": "0.7.3", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/classes.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/classnames/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "sprueboard-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http classnames@2.5.1 dedent stringify-object", d, n_npm_install, tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'job 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "sprueboard"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/sprueboard.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/sprueboard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
