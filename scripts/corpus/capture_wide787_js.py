"""Round 787, JavaScript / TypeScript: the real npm package node-verhoeff 0.0.11 (CommonJS `index.js`: `generate`,
`validate`, `invArray`, `validateAadhaar`; no dependencies) installed with `npm install` under a terminal, its files
copied into a small app (`nibhouse`, the slaters' slate references with a Verhoeff check digit) as
`lib/node-verhoeff/` (its own package.json kept, so node reads the copy as CommonJS) with bugs put in; a vitest suite
written here whose expectations come from the unbroken package (seed 78708; a node script computes them from
node_modules/node-verhoeff before the copy is broken); eslint with round 313's flat config and tsc with round 313's
tsconfig (both imported from capture_wide313_js). Rounds 740 and 748's JavaScript steps' shapes (round 740's `cases`
generator and round 732's app sources, imported and renamed) with this round's package and names. Extractors:
`n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data."""
from __future__ import annotations

import json
from pathlib import Path

import capture_wide732_js as r732js
import capture_wide740_js as r740js
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide787 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 78708
LIB = "node-verhoeff"

# The bugs put in the copy (lib/node-verhoeff/index.js): one row of the permutation table with two entries swapped,
# validate stepping the permutation by (i + 1) % 8, validateAadhaar accepting 11 digits.
BUGS = [("index.js", "[1, 5, 7, 6, 2, 8, 3, 0, 9, 4]", "[1, 5, 7, 6, 2, 8, 3, 0, 4, 9]"),
        ("index.js", "c = d[c][p[(i % 8)][invertedArray[i]]];", "c = d[c][p[((i + 1) % 8)][invertedArray[i]]];"),
        ("index.js", "if (aadhaarString.length != 12) {", "if (aadhaarString.length < 11) {")]

SLATE_WORDS = ["slate", "course", "batten", "rivet", "gauge", "ridge nib", "lath", "verge", "eave", "hip",
               "headlap", "valley", "soaker", "sarking", "flashing", "tilting fillet", "peg", "cramp"]
WORD_MAP = dict(zip(r740js.WORDS, SLATE_WORDS))

# Round 732's app sources renamed (longer words first), the package's call shape put in.
RENAMES = (("mod10-check-digit/index.js", "node-verhoeff/index.js"), ("mod10-check-digit", "node-verhoeff"),
           ("import mod10 from", "import verhoeff from"), ("mod10(", "verhoeff.generate("),
           ("hookhouse", "nibhouse"), ("Tangwell", "Batten"), ("Quench", "Rivet"), ("Bevel", "Nib"),
           ("Anvil", "Hammer"), ("smiths", "slaters"), ("smith", "slater"), ("hooks", "slates"), ("Hook", "Slate"),
           ("hook", "slate"), ("blades", "courses"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


def cases(seed: int) -> list:
    """Round 740's generator (its refs, seeded here), each name `reed N: WORD dent M` as `slate N: WORD' course M`."""
    out = r740js.cases(seed)
    for c in out:
        head, rest = c["name"].split(": ", 1)
        word, num = rest.rsplit(" dent ", 1)
        c["name"] = f"{head.replace('reed', 'slate')}: {WORD_MAP.get(word, word)} course {num}"
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const verhoeff = createRequire(import.meta.url)("node-verhoeff");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
cases.forEach((c, i) => {
  c.check = verhoeff.generate(c.ref.slice(0, -1));
  c.valid = verhoeff.validate(c.ref);
  c.aref = (c.ref + "31415926535897").slice(0, i % 3 ? 12 : 11);
  c.aadhaar = String(verhoeff.validateAadhaar(c.aref));
});
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const verhoeff = createRequire(import.meta.url)("../lib/node-verhoeff/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("nibhouse slate references", () => {
  test.each(cases)("check digit $name", ({ ref, check }) => {
    expect(verhoeff.generate(ref.slice(0, -1))).toBe(check);
  });
  test.each(cases)("valid ref $name", ({ ref, valid }) => {
    expect(verhoeff.validate(ref)).toBe(valid);
  });
  test.each(cases)("aadhaar ref $name", ({ aref, aadhaar }) => {
    expect(String(verhoeff.validateAadhaar(aref))).toBe(aadhaar);
  });
});
"""

APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "nibhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "nibhouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{LIB} lib/{LIB} && rm -f lib/{LIB}/readme.md", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "nibhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose node-verhoeff@0.0.11", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid ref' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'slate 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "nibhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/nibhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js "
        "ts/nibhouse.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
