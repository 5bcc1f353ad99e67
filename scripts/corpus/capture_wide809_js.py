"""Round 809, JavaScript / TypeScript: the real npm package @vroomlabs/vin-validate 1.0.2 (CommonJS `index.js`:
`yearFromVin`, `checkDigitFromVin`, `vinValidate` with its `reasons` array, the `vinPattern` regular expression; a mocha
test file; no dependencies) installed with `npm install` under a terminal, its files copied into a small app
(`upperhouse`, the cordwainers' delivery vans by their VINs) as `lib/vin-validate/` (its own package.json kept, so node
reads the copy as CommonJS) with bugs put in; a vitest suite written here whose expectations come from the unbroken
package (seed 80908; a node script computes them from node_modules/@vroomlabs/vin-validate before the copy is broken; a
thrown error is expected as `threw <message>`); eslint with round 313's flat config and tsc with round 313's tsconfig
(both imported from capture_wide313_js). Round 802's JavaScript steps' shapes (round 732's app sources, imported and
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
from capture_wide809 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 80908
LIB = "vin-validate"
NPM = "@vroomlabs/vin-validate"

# The bugs put in the copy (lib/vin-validate/index.js): two check-digit weights swapped, a remainder of 10 left as
# `10` instead of `X`, the model year read from 1981 instead of 1980.
F = "index.js"
BUGS = [(F, "var weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];",
         "var weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 3, 4, 2];"),
        (F, "if (checkDigit === 10) checkDigit = 'X';", "if (checkDigit === 11) checkDigit = 'X';"),
        (F, "var year = 1980 + ordinal;", "var year = 1981 + ordinal;")]

WORDS = ["last", "welt", "upper", "awl", "vamp", "quarter", "insole", "outsole", "heel", "toecap", "rand", "shank",
         "lasting pincers", "clicking knife", "hammer", "waxed thread", "bristle", "cordovan"]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"
VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))
WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_digit(vin: str) -> str:
    s = sum((VALUES[c] if c.isalpha() else int(c)) * w for c, w in zip(vin, WEIGHTS)) % 11
    return "X" if s == 10 else str(s)


def cases(seed: int) -> list:
    """200 delivery-van VINs: mostly 17 characters from North America, some foreign, some short or with I/O/Q; 60%
    carry the right check digit; a reported year that matches the year code, is 30 years off, or is missing."""
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        year = rnd.randint(1985, 2024)
        code = YEAR_CODES[(year - 1980) % 30]
        vin = (rnd.choice("12345" if r < 0.75 else "JKSVWYZ") + "".join(rnd.choice(VIN_CHARS) for _ in range(8))
               + code + "".join(rnd.choice(VIN_CHARS) for _ in range(1)) + "".join(rnd.choice("0123456789")
                                                                                  for _ in range(6)))
        if rnd.random() < 0.6:
            vin = vin[:8] + vin_digit(vin) + vin[9:]
        if r > 0.93:
            vin = vin[:11] if r > 0.97 else vin[:4] + rnd.choice("IOQ") + vin[5:]
        reported = None if rnd.random() < 0.1 else year if rnd.random() < 0.8 else year - 30 + rnd.randint(0, 2)
        out.append({"name": f"pair {i + 1}: {rnd.choice(WORDS)} van {rnd.randint(1, 99)}", "vin": vin,
                    "year": reported})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const vv = createRequire(import.meta.url)("@vroomlabs/vin-validate");
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
cases.forEach((c) => {
  c.check = attempt(() => vv.checkDigitFromVin(c.vin));
  const reasons = [];
  c.valid = vv.vinValidate(c.vin, c.year, reasons);
  c.reasons = reasons.join(" ");
  c.model = attempt(() => vv.yearFromVin(c.vin, c.year));
});
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const vv = createRequire(import.meta.url)("../lib/vin-validate/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };

describe("upperhouse delivery vans", () => {
  test.each(cases)("check digit $name", ({ vin, check }) => {
    expect(attempt(() => vv.checkDigitFromVin(vin))).toBe(check);
  });
  test.each(cases)("valid vin $name", ({ vin, year, valid, reasons }) => {
    const got = [];
    expect([vv.vinValidate(vin, year, got), got.join(" ")]).toEqual([valid, reasons]);
  });
  test.each(cases)("model year $name", ({ vin, year, model }) => {
    expect(attempt(() => vv.yearFromVin(vin, year))).toBe(model);
  });
});
"""

# Round 732's app sources renamed (longer words first), the package's call shape put in.
RENAMES = (("mod10-check-digit/index.js", "vin-validate/index.js"), ("mod10-check-digit", "vin-validate"),
           ("import mod10 from", "import vin from"), ("mod10(", "vin.checkDigitFromVin("),
           ("hookhouse", "upperhouse"), ("Tangwell", "Welt"), ("Quench", "Last"), ("Bevel", "Upper"),
           ("Anvil", "Awl"), ("smiths", "cordwainers"), ("smith", "cordwainer"), ("hooks", "pairs"),
           ("Hook", "Pair"), ("hook", "pair"), ("blades", "welts"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "upperhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "upperhouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{NPM} lib/{LIB} && rm -f lib/{LIB}/README.md", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "upperhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", f"npm install --no-fund --loglevel=verbose {NPM}@1.0.2", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid vin' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'pair 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "upperhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/upperhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js ts/upperhouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
