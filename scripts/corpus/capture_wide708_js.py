"""Round 708, JavaScript / TypeScript: the real npm package caesar-salad 2.1.0 (CommonJS, one dependency, char-buffer)
installed with `npm install` under a terminal, its files copied into a small app (`stringworks`, a catgut spinner's
hank tickets for harp strings and fiddle strings) as `lib/caesar-salad/` (its own package.json kept, so node reads the
copy as CommonJS) with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed
70808; a node script computes them from node_modules/caesar-salad before the copy is broken); eslint over the copy and
the app with round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour
forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`,
`n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run
through capture_wide708.py; the steps are round 700's JavaScript part's shapes with this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide708 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide708-js"
NM = JS / "node_modules"
SEED = 70808
LIB = "caesar-salad"

# The bugs put in the copy (lib/caesar-salad/): Vigenere's shift index wrapping at length - 1; ROT47's upper range
# ending at 125 ('~' left as it is); ROT5's lower range ending at 51 ('4' left as it is).
BUGS = [("vigenere.js", "this._shiftIndex = (this._shiftIndex + 1) % this._shiftArray.length;",
         "this._shiftIndex = (this._shiftIndex + 1) % (this._shiftArray.length - 1);"),
        ("rot47.js", "if (charCode >= 80 && charCode <= 126) {", "if (charCode >= 80 && charCode <= 125) {"),
        ("rot5.js", "if (charCode >= 48 && charCode <= 52) {", "if (charCode >= 48 && charCode <= 51) {")]

WORDS = ["catgut", "harp string", "fiddle string", "gut", "hank", "twisting frame", "stringmaker", "sheep gut",
         "lute string", "bow string", "racket gut", "sulphur box", "scraping board", "potash tub", "whipcord",
         "drying loft", "olive oil", "gauge", "frame", "tennis gut"]
CIPHERS = ["Caesar", "Vigenere", "ROT5", "ROT13", "ROT18", "ROT47"]
KEYS = ["catgut", "harp", "fiddle", "hank", "twist", "stringmaker", "g", "3", "-7", "1,2,3"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(220):
        parts = [f"{rnd.choice(WORDS)} {rnd.randint(1, 999)}" for _ in range(rnd.randint(1, 4))]
        text = " ".join(parts)
        r = rnd.random()
        if r < 0.3:
            text += " ~" + rnd.choice(["{gauge}", "|frame|", "[hank]", "~"])
        elif r < 0.5:
            text = text.upper()
        elif r < 0.6:
            text = (text + ", ") * rnd.randint(3, 7)
        out.append({"name": f"hank {i + 1}: {rnd.choice(['harp strings', 'fiddle strings', 'catgut', 'whipcord'])}",
                    "cipher": rnd.choice(CIPHERS), "key": rnd.choice(KEYS), "text": text})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const salad = createRequire(import.meta.url)("caesar-salad");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  const C = salad[c.cipher];
  c.encoded = C.Cipher(c.key).crypt(c.text);
  c.decoded = C.Decipher(c.key).crypt(c.encoded);
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const salad = createRequire(import.meta.url)("../lib/caesar-salad/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("stringworks hank tickets", () => {
  test.each(cases)("cipher $cipher $name", ({ cipher, key, text, encoded }) => {
    expect(salad[cipher].Cipher(key).crypt(text)).toBe(encoded);
  });
  test.each(cases)("decipher $cipher $name", ({ cipher, key, encoded, decoded }) => {
    expect(salad[cipher].Decipher(key).crypt(encoded)).toBe(decoded);
  });
});
"""

APP_JS = """import salad from "../lib/caesar-salad/index.js";

const makers = { "ada": "Gutter", "bram": "Twist", "cora": "Scrape", "ada": "Sulphur" };
export function ticket(maker, hank) {
  var body = salad.Vigenere.Cipher(makers[maker.name]).crypt(hank.gauge + " " + hank.frame);
  for (var k in makers) {
    if (hank == undefined) hank = k;
  }
  const unused = makers.length * 2;
  if (body[0] == body[1]) return "one mark: " + maker.name;
  else return body + " -> " + (salad.ROT47.Decipher().crypt(hank.label) || "no label");
}
export const tickets = function (hanks) {
  let out = [];
  hanks.forEach(function (h, i) { out.push(ticket(hanks[i - 1], h)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import salad from '../lib/caesar-salad/index.js'

interface Hank { maker: string; gauge: number; frame?: { number: number }; label?: string }

export function labels(hs: Hank[]): string[] {
  return hs.map((h, i) => salad.Caesar.Cipher(hs[i - 1].gauge).crypt(h).split(''))
}

export const frame = (h: Hank): number => h.frame.number
export const gut: string = 12
export const first = (hs: Hank[]): Hank => hs[0]
export const read = (h: Hank) => salad.ROT13.Decipher(h.label.toUpperCase(2)).crypt()
export const both = (h: Hank): [number, string] => [salad.ROT5.Cipher().crypt(h, true), salad.Vigenere.Decipher()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "stringworks"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "stringworks", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/caesar-salad lib/{LIB} && rm -f lib/{LIB}/readme.md lib/{LIB}/license", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "stringworks-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose caesar-salad@2.1.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'decipher' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'hank 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "stringworks"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/stringworks.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js ts/stringworks.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
