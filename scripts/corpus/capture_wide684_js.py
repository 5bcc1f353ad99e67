"""Round 684, JavaScript / TypeScript: the real npm package soundex-code 2.0.1 (ESM, no dependencies) installed with
`npm install` under a terminal, its `index.js` copied into a small app (`lighterhall`, a stevedore's index of hands,
lighters and cargoes by sound) with bugs put in; a vitest suite written here whose expectations come from the unbroken
package (seed 68408; a node script computes them from node_modules/soundex-code before the copy is broken); eslint over
the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from
capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal.
Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by
round 9b's runner. Run through capture_wide684.py; the steps follow round 676's JavaScript part (its `js_lint` shape)
with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide684 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide684-js"
NM = JS / "node_modules"
SEED = 68408

# The bugs put in the copy (lib/soundex.js): T no longer coded 3 with D; Y no longer a vowel; maxLength ignored.
BUGS = [("soundex.js", "map.d = map.t = 3", "map.d = 3"),
        ("soundex.js", "map.a = map.e = map.i = map.o = map.u = map.y = 0", "map.a = map.e = map.i = map.o = map.u = 0"),
        ("soundex.js", ".slice(0, maxLength || minLength)", ".slice(0, minLength)")]

WORDS = ["stevedore", "lighter", "hatch", "winch", "derrick", "capstan", "bollard", "dunnage", "tally", "manifest",
         "Tyler", "Taylor", "Tuttle", "Yates", "Boyle", "Doyle", "Pfister", "Ashcraft", "Tymczak", "Gutierrez",
         "Robert", "Rupert", "Rubin", "Lloyd", "Honeyman", "Jackson", "Washington", "Lee", "Lighterman", "Tidewater",
         "Thames", "Tilbury", "Rotherhithe", "Wapping", "Deptford", "Limehouse", "Tunnicliffe", "Yardley", "Pettit"]
SYL = ["st", "ty", "ey", "ay", "tt", "dt", "th", "ch", "sh", "ck", "gh", "wr", "ll", "mn", "nt", "pt", "y", "x"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        if rnd.random() < 0.5:
            w = rnd.choice(WORDS)
        else:
            w = "".join(rnd.choice(SYL) + rnd.choice("aeiou") for _ in range(rnd.randint(1, 4)))
            w = w.capitalize() if rnd.random() < 0.5 else w
        n = rnd.choice([None, None, None, 6, 8])
        out.append({"name": f"lighter {i + 1} {w}: {rnd.choice(['hand', 'cargo', 'consignee', 'tallyman'])}",
                    "word": w, "max": n})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { soundex } from "soundex-code";
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = c.max ? soundex(c.word, c.max) : soundex(c.word);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { soundex } from "../lib/soundex.js";
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("lighterhall index", () => {
  test.each(cases)("$name", ({ word, max, expected }) => {
    expect(max ? soundex(word, max) : soundex(word)).toBe(expected);
  });
  test.each(cases.slice(0, 40))("initial of $name", ({ word, expected }) => {
    expect(soundex(word)[0]).toBe(expected[0]);
  });
});
"""

APP_JS = """import { soundex } from "../lib/soundex.js";

const hands = { "abe": "Hatch", "bea": "Winch", "cy": "Lashing", "abe": "Tally" };
export function indexLine(stevedore, lighter) {
  var sound = soundex(hands[stevedore.name]);
  for (var k in hands) {
    if (lighter == undefined) lighter = k;
  }
  const unused = hands.length * 2;
  if (sound[0] == sound[1]) return "one sound: " + stevedore.name;
  else return sound + " -> " + (soundex(lighter.cargo, 6) || "no cargo");
}
export const index = function (stevedores) {
  let out = [];
  stevedores.forEach(function (s, i) { out.push(indexLine(stevedores[i - 1], s)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import { soundex } from '../lib/soundex.js'

interface Stevedore { name: string; tons: number; hatch?: { number: number }; cargo?: string }

export function sounds(ss: Stevedore[]): string[] {
  return ss.map((s, i) => soundex(ss[i - 1].tons).split(''))
}

export const hatch = (s: Stevedore): number => s.hatch.number
export const lighter: string = 11
export const first = (ss: Stevedore[]): Stevedore => ss[0]
export const cargo = (s: Stevedore) => soundex(s.cargo.toUpperCase(2), '6')
export const both = (s: Stevedore): [number, string] => [soundex(s, true), soundex()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "lighterhall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "lighterhall", "version": "0.6.8", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/soundex-code/index.js lib/soundex.js", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "lighterhall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose soundex-code@2.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'lighter 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "lighterhall"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/lighterhall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/soundex.js app/index.js ts/lighterhall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
