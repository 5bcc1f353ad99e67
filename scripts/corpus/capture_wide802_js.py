"""Round 802, JavaScript / TypeScript: the real npm package ean13-lib 0.0.5 (compiled TypeScript `dist/Ean13Utils.js`:
class `Ean13Utils` with `validate`, `calculateCheckDigit`, `generate`; `dist/index.js` re-exporting it; `.d.ts`
typings; no dependencies) installed with `npm install` under a terminal, its files copied into a small app
(`spindlehouse`, the bodgers' billet references with an EAN-13 check digit) as `lib/ean13-lib/` (its own package.json
kept, so node reads the copy as CommonJS) with bugs put in; a vitest suite written here whose expectations come from
the unbroken package (seed 80208; a node script computes them from node_modules/ean13-lib before the copy is broken;
a thrown error is expected as `threw <message>`); eslint with round 313's flat config and tsc with round 313's tsconfig
(both imported from capture_wide313_js). Round 787's JavaScript steps' shapes (round 732's app sources, imported and
renamed) with this round's package and names. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data."""
from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide732_js as r732js
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide802 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 80208
LIB = "ean13-lib"

# The bugs put in the copy (lib/ean13-lib/dist/Ean13Utils.js): a remainder of 0 gives check digit 10, validate
# accepting 12 digits, generate dropping the base's last digit.
F = "dist/Ean13Utils.js"
BUGS = [(F, "return remainder === 0 ? 0 : (10 - remainder);", "return remainder === 0 ? 10 : (10 - remainder);"),
        (F, "if (!Number(numberAsString) || numberAsString.length !== 13) {",
         "if (!Number(numberAsString) || numberAsString.length < 12) {"),
        (F, "return Number(baseNumberAsString) * 10 + checkDigit;",
         "return Number(baseNumberAsString.slice(0, -1)) * 10 + checkDigit;")]

WORDS = ["billet", "spindle", "stretcher", "pole lathe", "leg", "seat", "bow", "splat", "froe", "drawknife",
         "shaving horse", "spokeshave", "treadle", "mandrel", "chuck", "rung", "crest rail", "tenon"]


def ean_digit(base: str) -> str:
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(base))
    return str((10 - s % 10) % 10)


def cases(seed: int) -> list:
    """200 billet references: mostly 13 digits, some 12 or 14, some all-zero heads; 60% carry the right digit."""
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        n = 12 if r < 0.1 else 14 if r < 0.15 else 13
        ref = "".join(rnd.choice("0123456789") for _ in range(n))
        if r > 0.95:
            ref = "0000000" + ref[7:]
        if n == 13 and rnd.random() < 0.6:
            ref = ref[:12] + ean_digit(ref[:12])
        out.append({"name": f"billet {i + 1}: {rnd.choice(WORDS)} stretcher {rnd.randint(1, 99)}", "ref": ref})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const { Ean13Utils } = createRequire(import.meta.url)("ean13-lib");
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
cases.forEach((c) => {
  c.check = attempt(() => Ean13Utils.calculateCheckDigit(c.ref.slice(0, 12)));
  c.valid = Ean13Utils.validate(c.ref);
  c.gen = attempt(() => Ean13Utils.generate(c.ref.slice(0, 12)));
});
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const { Ean13Utils } = createRequire(import.meta.url)("../lib/ean13-lib/dist/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };

describe("spindlehouse billet references", () => {
  test.each(cases)("check digit $name", ({ ref, check }) => {
    expect(attempt(() => Ean13Utils.calculateCheckDigit(ref.slice(0, 12)))).toBe(check);
  });
  test.each(cases)("valid ref $name", ({ ref, valid }) => {
    expect(Ean13Utils.validate(ref)).toBe(valid);
  });
  test.each(cases)("generate $name", ({ ref, gen }) => {
    expect(attempt(() => Ean13Utils.generate(ref.slice(0, 12)))).toBe(gen);
  });
});
"""

# Round 732's app sources renamed (longer words first), the package's call shape put in.
RENAMES = (("mod10-check-digit/index.js", "ean13-lib/dist/index.js"), ("mod10-check-digit", "ean13-lib"),
           ("import mod10 from", "import ean13 from"), ("mod10(", "ean13.Ean13Utils.generate("),
           ("hookhouse", "spindlehouse"), ("Tangwell", "Billet"), ("Quench", "Lathe"), ("Bevel", "Spindle"),
           ("Anvil", "Stretcher"), ("smiths", "bodgers"), ("smith", "bodger"), ("hooks", "billets"),
           ("Hook", "Billet"), ("hook", "billet"), ("blades", "spindles"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "spindlehouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "spindlehouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{LIB} lib/{LIB} && rm -f lib/{LIB}/README.md lib/{LIB}/dist/*.map", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "spindlehouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose ean13-lib@0.0.5", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid ref' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'billet 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "spindlehouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/spindlehouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/dist/Ean13Utils.js lib/{LIB}/dist/index.js "
        "app/index.js ts/spindlehouse.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
