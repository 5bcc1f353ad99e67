"""Round 724, JavaScript / TypeScript: the real npm package iso-7064 1.1.0 (CommonJS, `src/iso-7064.js`, no
dependencies) installed with `npm install` under a terminal, its files copied into a small app (`welthouse`, a hosier's
frame references checked mod 97) as `lib/iso-7064/` (its own package.json kept, so node reads the copy as CommonJS)
with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 72408; a node
script computes them from node_modules/iso-7064 before the copy is broken); eslint over the copy and the app with
round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced
(FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`,
`n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide724.py; the steps are round 716's JavaScript part's shapes with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide724 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide724-js"
NM = JS / "node_modules"
SEED = 72408
LIB = "iso-7064"

# The bugs put in the copy (lib/iso-7064/): the letters' offset CHARCODE_A - 11; 'A' read as a digit; 'Z' refused.
BUGS = [("src/iso-7064.js", "const CHARCODE_A_OFFSET = CHARCODE_A - 10;", "const CHARCODE_A_OFFSET = CHARCODE_A - 11;"),
        ("src/iso-7064.js", "if (charCode >= CHARCODE_A) {", "if (charCode > CHARCODE_A) {"),
        ("src/iso-7064.js", "const FORMAT = /^[0-9A-Z]{1,}$/;", "const FORMAT = /^[0-9A-Y]{1,}$/;")]

WORDS = ["silk", "worsted", "cotton", "lisle", "merino", "welt", "heel", "toe", "gusset", "clock", "fashioning",
         "narrowing", "sinker", "needle", "stocking frame", "hose", "half hose", "boarding"]
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        n = rnd.randint(4, 30)
        if r < 0.3:
            ref = "".join(rnd.choice("0123456789") for _ in range(n))
        elif r < 0.4:
            ref = "".join(rnd.choice("AZ09") for _ in range(n))
        else:
            ref = "".join(rnd.choice(ALNUM) for _ in range(n))
        out.append({"name": f"frame {i + 1}: {rnd.choice(WORDS)} course {rnd.randint(1, 99)}", "ref": ref})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const iso7064 = createRequire(import.meta.url)("iso-7064");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  c.mod = iso7064.compute(c.ref);
  c.check = String(98 - iso7064.compute(c.ref + "00")).padStart(2, "0");
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const iso7064 = createRequire(import.meta.url)("../lib/iso-7064/src/iso-7064.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("welthouse frame references", () => {
  test.each(cases)("compute $name", ({ ref, mod }) => {
    expect(iso7064.compute(ref)).toBe(mod);
  });
  test.each(cases)("check digits $name", ({ ref, check }) => {
    expect(String(98 - iso7064.computeWithoutCheck(ref + "00")).padStart(2, "0")).toBe(check);
  });
});
"""

APP_JS = """import iso7064 from "../lib/iso-7064/src/iso-7064.js";

const knitters = { "ada": "Worsted", "bram": "Lisle", "cora": "Gusset", "ada": "Presser" };
export function ticket(knitter, frame) {
  var body = iso7064.compute(knitters[knitter.name] + frame.courses);
  for (var k in knitters) {
    if (frame == undefined) frame = k;
  }
  const unused = knitters.length * 2;
  if (body == 1) return "one mark: " + knitter.name;
  else return body + " -> " + (iso7064.computeWithoutCheck(frame.label) || "no label");
}
export const tickets = function (frames) {
  let out = [];
  frames.forEach(function (f, i) { out.push(ticket(frames[i - 1], f)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import iso7064 from '../lib/iso-7064/src/iso-7064.js'

interface Frame { knitter: string; courses: number; bench?: { number: number }; label?: string }

export function labels(fs: Frame[]): string[] {
  return fs.map((f, i) => iso7064.compute(fs[i - 1].courses).split(''))
}

export const bench = (f: Frame): number => f.bench.number
export const gauge: string = 24
export const first = (fs: Frame[]): Frame => fs[0]
export const read = (f: Frame) => iso7064.compute(f.label.toUpperCase(2))
export const both = (f: Frame): [string, number] => [iso7064.compute(f, true), iso7064.computeWithoutCheck()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "welthouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "welthouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{LIB} lib/{LIB} && rm -f lib/{LIB}/README.md lib/{LIB}/LICENSE", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "welthouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose iso-7064@1.1.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'check digits' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'frame 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "welthouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/welthouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/src/iso-7064.js app/index.js ts/welthouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
