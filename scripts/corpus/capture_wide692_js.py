"""Round 692, JavaScript / TypeScript: the real npm package base32-encode 2.0.0 (ESM, one dependency, to-data-view)
installed with `npm install` under a terminal, its `index.js` copied into a small app (`strickhouse`, a flax dresser's
labels for stricks and tow yarn) with bugs put in; a vitest suite written here whose expectations come from the
unbroken package (seed 69208; a node script computes them from node_modules/base32-encode before the copy is broken);
eslint over the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from
capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal.
Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by
round 9b's runner. Run through capture_wide692.py; the steps are round 684's JavaScript part (its `js_install`,
`js_tests`, `js_lint` shapes) with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide692 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide692-js"
NM = JS / "node_modules"
SEED = 69208

# The bugs put in the copy (lib/base32.js): Crockford's alphabet without its skipped letters; padding to a multiple
# of 4; the last group shifted one bit short.
BUGS = [("base32.js", "const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'",
         "const CROCKFORD = '0123456789ABCDEFGHIJKLMNOPQRSTUV'"),
        ("base32.js", "while ((output.length % 8) !== 0)", "while ((output.length % 4) !== 0)"),
        ("base32.js", "output += alphabet[(value << (5 - bits)) & 31]", "output += alphabet[(value << (4 - bits)) & 31]")]

WORDS = ["flax", "tow", "strick", "hackle", "scutch", "retting", "line", "shive", "boon", "harn", "linen", "warp",
         "weft", "swingle", "breaker", "dew", "pond", "grey yarn", "bleach green", "flax dresser"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(210):
        if rnd.random() < 0.5:
            data = [rnd.randint(0, 255) for _ in range(rnd.randint(0, 23))]
        else:
            data = list(f"{rnd.choice(WORDS)} {rnd.randint(1, 999)}".encode())
        variant = rnd.choice(["RFC4648", "RFC4648", "RFC4648-HEX", "Crockford", "Crockford", "RFC3548"])
        pad = rnd.choice([None, None, False, True])
        out.append({"name": f"strick {i + 1} {variant}: {rnd.choice(['tow', 'line', 'yarn', 'label'])}",
                    "data": data, "variant": variant, "pad": pad})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import base32Encode from "base32-encode";
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  const data = new Uint8Array(c.data);
  c.expected = c.pad === null ? base32Encode(data, c.variant) : base32Encode(data, c.variant, { padding: c.pad });
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import base32Encode from "../lib/base32.js";
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("strickhouse labels", () => {
  test.each(cases)("$name", ({ data, variant, pad, expected }) => {
    const bytes = new Uint8Array(data);
    expect(pad === null ? base32Encode(bytes, variant) : base32Encode(bytes, variant, { padding: pad })).toBe(expected);
  });
  test.each(cases.slice(0, 40))("length of $name", ({ data, variant, expected }) => {
    expect(base32Encode(new Uint8Array(data), variant, { padding: false }).length).toBe(expected.replace(/=+$/, "").length);
  });
});
"""

APP_JS = """import base32Encode from "../lib/base32.js";

const dressers = { "ann": "Heckler", "ben": "Scutcher", "cal": "Swingle", "ann": "Hackle" };
export function label(dresser, strick) {
  var code = base32Encode(new TextEncoder().encode(dressers[dresser.name]), "Crockford");
  for (var k in dressers) {
    if (strick == undefined) strick = k;
  }
  const unused = dressers.length * 2;
  if (code[0] == code[1]) return "one mark: " + dresser.name;
  else return code + " -> " + (base32Encode(strick.tow, "RFC4648") || "no tow");
}
export const labels = function (dressers) {
  let out = [];
  dressers.forEach(function (d, i) { out.push(label(dressers[i - 1], d)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import base32Encode from '../lib/base32.js'

interface Dresser { name: string; lb: number; pond?: { number: number }; tow?: string }

export function marks(ds: Dresser[]): string[] {
  return ds.map((d, i) => base32Encode(ds[i - 1].lb, 'RFC4648').split(''))
}

export const pond = (d: Dresser): number => d.pond.number
export const strick: string = 11
export const first = (ds: Dresser[]): Dresser => ds[0]
export const tow = (d: Dresser) => base32Encode(d.tow.toUpperCase(2), 'Crockford', '6')
export const both = (d: Dresser): [number, string] => [base32Encode(d, true), base32Encode()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "strickhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "strickhouse", "version": "0.6.9", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/base32-encode/index.js lib/base32.js", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "strickhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose base32-encode@2.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'strick 1[0-4]'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "strickhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/strickhouse.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/base32.js app/index.js ts/strickhouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
