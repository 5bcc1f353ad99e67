"""Round 748, JavaScript / TypeScript: the real npm package luhn-js 1.1.2 (CommonJS `src/luhn.js`, no dependencies)
installed with `npm install` under a terminal, its files copied into a small app (`loomhouse`, the oarmakers' oar
references with a Luhn check digit) as `lib/luhn-js/` (its own package.json kept, so node reads the copy as CommonJS)
with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 74808; a node
script computes them from node_modules/luhn-js before the copy is broken); eslint with round 313's flat config and tsc
with round 313's tsconfig (both imported from capture_wide313_js). Round 740's JavaScript steps' shapes (its
`cases` generator and round 732's app sources, imported and renamed) with this round's package and names. Extractors:
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
from capture_wide748 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide748-js"
NM = JS / "node_modules"
SEED = 74808
LIB = "luhn-js"

# The bugs put in the copy (lib/luhn-js/src/luhn.js): a doubled 9 mapped to 6, isValid refusing values under 3 digits,
# generate taking % 11.
BUGS = [("src/luhn.js", "MAPPING_EVEN = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]", "MAPPING_EVEN = [0, 2, 4, 6, 8, 1, 3, 5, 7, 6]"),
        ("src/luhn.js", "FORMAT_ISVALID = /^[0-9]{2,}$/", "FORMAT_ISVALID = /^[0-9]{3,}$/"),
        ("src/luhn.js", "getLuhnRemainder(value + '0')) % 10)", "getLuhnRemainder(value + '0')) % 11)")]

# Round 732's app sources renamed (longer words first), the package's call shape put in.
RENAMES = (("mod10-check-digit/index.js", "luhn-js/src/luhn.js"), ("mod10-check-digit", "luhn-js"),
           ("import mod10 from", "import luhn from"), ("mod10(", "luhn.generate("),
           ("hookhouse", "loomhouse"), ("Tangwell", "Loomer"), ("Quench", "Blade"), ("Bevel", "Collar"),
           ("Anvil", "Rowlock"), ("smiths", "makers"), ("smith", "maker"), ("hooks", "oars"), ("Hook", "Oar"),
           ("hook", "oar"), ("blades", "looms"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


def cases(seed: int) -> list:
    out = r740js.cases(seed)
    for i, c in enumerate(out):
        c["name"] = c["name"].replace("reed", "oar")
        for old, new in (("loom reed", "loom"), ("reed hook", "blade tip"), ("dent", "blade"), ("baulk", "collar"),
                         ("wire", "leather"), ("pitch", "grip")):
            c["name"] = c["name"].replace(old, new)
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const luhn = createRequire(import.meta.url)("luhn-js");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  c.full = luhn.generate(c.ref.slice(0, -1));
  c.valid = luhn.isValid(c.ref);
  c.head = luhn.generate(c.ref.slice(0, -2));
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const luhn = createRequire(import.meta.url)("../lib/luhn-js/src/luhn.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("loomhouse oar references", () => {
  test.each(cases)("check digit $name", ({ ref, full }) => {
    expect(luhn.generate(ref.slice(0, -1))).toBe(full);
  });
  test.each(cases)("valid ref $name", ({ ref, valid }) => {
    expect(luhn.isValid(ref)).toBe(valid);
  });
  test.each(cases)("short ref $name", ({ ref, head }) => {
    expect(luhn.generate(ref.slice(0, -2))).toBe(head);
  });
});
"""

APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "loomhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "loomhouse", "version": "0.7.0", "type": "module",
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
    d = tmp / "loomhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose luhn-js@1.1.2", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid ref' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'oar 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "loomhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/loomhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/src/luhn.js app/index.js "
        "ts/loomhouse.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
