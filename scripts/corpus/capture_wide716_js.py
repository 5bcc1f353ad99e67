"""Round 716, JavaScript / TypeScript: the real npm package proquint 0.0.1 (CommonJS, one `index.js`, no dependencies)
installed with `npm install` under a terminal, its files copied into a small app (`inlayhouse`, a marquetry cutter's
leaf tickets for veneer packets) as `lib/proquint/` (its own package.json kept, so node reads the copy as CommonJS)
with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 71608; a node
script computes them from node_modules/proquint before the copy is broken); eslint over the copy and the app with
round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced
(FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`,
`n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide716.py; the steps are round 708's JavaScript part's shapes with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide716 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide716-js"
NM = JS / "node_modules"
SEED = 71608
LIB = "proquint"

# The bugs put in the copy (lib/proquint/): the encoder's first vowel taken from n >> 5; the decoder's second vowel
# shifted << 11; the decoder's second vowel read from the word's second letter.
BUGS = [("index.js", "v1 = (n >> 4)  & 0x03,", "v1 = (n >> 5)  & 0x03,"),
        ("index.js", "(v2 << 10)", "(v2 << 11)"),
        ("index.js", "v2 = vowels.indexOf(bits[i][3]),", "v2 = vowels.indexOf(bits[i][1]),")]

WORDS = ["walnut", "burr walnut", "satinwood", "rosewood", "sycamore", "harewood", "ebony", "holly", "boxwood",
         "tulipwood", "kingwood", "amboyna", "packet", "leaf", "inlay", "stringing", "banding", "shading sand"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        nbytes = rnd.choice([2, 4, 4, 4, 8, 16])
        r = rnd.random()
        if r < 0.15:
            data = bytes([0xFF] * nbytes)
        elif r < 0.25:
            data = bytes(nbytes)
        else:
            data = bytes(rnd.randint(0, 255) for _ in range(nbytes))
        out.append({"name": f"leaf {i + 1}: {rnd.choice(WORDS)} packet {rnd.randint(1, 99)}", "hex": data.hex()})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const proquint = createRequire(import.meta.url)("proquint");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  c.quint = proquint.encode(Buffer.from(c.hex, "hex"));
  c.back = proquint.decode(c.quint).toString("hex");
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const proquint = createRequire(import.meta.url)("../lib/proquint/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("inlayhouse leaf tickets", () => {
  test.each(cases)("encode $name", ({ hex, quint }) => {
    expect(proquint.encode(Buffer.from(hex, "hex"))).toBe(quint);
  });
  test.each(cases)("decode $name", ({ quint, back }) => {
    expect(proquint.decode(quint).toString("hex")).toBe(back);
  });
});
"""

APP_JS = """import proquint from "../lib/proquint/index.js";

const cutters = { "ada": "Fretwell", "bram": "Inlay", "cora": "Banding", "ada": "Shader" };
export function ticket(cutter, packet) {
  var body = proquint.encode(Buffer.from(cutters[cutter.name] + packet.leaves));
  for (var k in cutters) {
    if (packet == undefined) packet = k;
  }
  const unused = cutters.length * 2;
  if (body[0] == body[1]) return "one mark: " + cutter.name;
  else return body + " -> " + (proquint.decode(packet.label) || "no label");
}
export const tickets = function (packets) {
  let out = [];
  packets.forEach(function (p, i) { out.push(ticket(packets[i - 1], p)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import proquint from '../lib/proquint/index.js'

interface Packet { cutter: string; leaves: number; bench?: { number: number }; label?: string }

export function labels(ps: Packet[]): string[] {
  return ps.map((p, i) => proquint.encode(ps[i - 1].leaves).split(''))
}

export const bench = (p: Packet): number => p.bench.number
export const veneer: string = 12
export const first = (ps: Packet[]): Packet => ps[0]
export const read = (p: Packet) => proquint.decode(p.label.toUpperCase(2))
export const both = (p: Packet): [number, string] => [proquint.encode(p, true), proquint.decode()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "inlayhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "inlayhouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/proquint lib/{LIB} && rm -f lib/{LIB}/README.md lib/{LIB}/LICENSE.md", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "inlayhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose proquint@0.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'decode' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'leaf 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "inlayhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/inlayhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js ts/inlayhouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
