"""Round 732, JavaScript / TypeScript: the real npm package mod10-check-digit 1.0.0 (CommonJS `index.js`, no
dependencies) installed with `npm install` under a terminal, its files copied into a small app (`hookhouse`, the
sickle-smiths' hook references with a mod-10 check digit) as `lib/mod10-check-digit/` (its own package.json kept, so
node reads the copy as CommonJS) with bugs put in; a vitest suite written here whose expectations come from the
unbroken package (seed 73208; a node script computes them from node_modules/mod10-check-digit before the copy is
broken); eslint with round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js).
Colour forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`,
`n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run
through capture_wide732.py; the steps are round 724's JavaScript part's shapes with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide732 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide732-js"
NM = JS / "node_modules"
SEED = 73208
LIB = "mod10-check-digit"

# The bugs put in the copy (lib/mod10-check-digit/): digits read in base 8, a doubled 10 kept, the sum taken % 11.
BUGS = [("index.js", "const double = Number.parseInt(val) * 2", "const double = Number.parseInt(val, 8) * 2"),
        ("index.js", "return double > 9 ? double - 9 : double", "return double > 10 ? double - 9 : double"),
        ("index.js", "return (doubledSum * 9) % 10", "return (doubledSum * 9) % 11")]

WORDS = ["reaping hook", "sickle", "tang", "blade", "ferrule", "handle", "serration", "heel", "point", "temper",
         "grind", "bevel", "hafting", "toothing", "anvil", "quench", "whet", "smithy"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        n = rnd.randint(4, 24)
        if r < 0.3:
            ref = "".join(rnd.choice("01234567") for _ in range(n))
        elif r < 0.45:
            ref = "".join(rnd.choice("5599") for _ in range(n))
        else:
            ref = "".join(rnd.choice("0123456789") for _ in range(n))
        out.append({"name": f"hook {i + 1}: {rnd.choice(WORDS)} blade {rnd.randint(1, 99)}", "ref": ref})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const mod10 = createRequire(import.meta.url)("mod10-check-digit");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  c.check = mod10(c.ref);
  c.head = mod10(c.ref.slice(0, -1));
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const mod10 = createRequire(import.meta.url)("../lib/mod10-check-digit/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("hookhouse hook references", () => {
  test.each(cases)("check digit $name", ({ ref, check }) => {
    expect(mod10(ref)).toBe(check);
  });
  test.each(cases)("short ref $name", ({ ref, head }) => {
    expect(mod10(ref.slice(0, -1))).toBe(head);
  });
});
"""

APP_JS = """import mod10 from "../lib/mod10-check-digit/index.js";

const smiths = { "ada": "Tangwell", "bram": "Quench", "cora": "Bevel", "ada": "Anvil" };
export function ticket(smith, hook) {
  var body = mod10(smiths[smith.name] + hook.blades);
  for (var k in smiths) {
    if (hook == undefined) hook = k;
  }
  const unused = smiths.length * 2;
  if (body == 1) return "one mark: " + smith.name;
  else return body + " -> " + (mod10(hook.label) || "no label");
}
export const tickets = function (hooks) {
  let out = [];
  hooks.forEach(function (h, i) { out.push(ticket(hooks[i - 1], h)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import mod10 from '../lib/mod10-check-digit/index.js'

interface Hook { smith: string; blades: number; bench?: { number: number }; label?: string }

export function labels(hs: Hook[]): string[] {
  return hs.map((h, i) => mod10(hs[i - 1].blades).split(''))
}

export const bench = (h: Hook): number => h.bench.number
export const inches: string = 18
export const first = (hs: Hook[]): Hook => hs[0]
export const read = (h: Hook) => mod10(h.label.toUpperCase(2))
export const both = (h: Hook): [string, number] => [mod10(h, true), mod10()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "hookhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hookhouse", "version": "0.7.0", "type": "module",
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
    d = tmp / "hookhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose mod10-check-digit@1.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'check digit' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'hook 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "hookhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/hookhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js lib/{LIB}/cli.js app/index.js "
        "ts/hookhouse.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
