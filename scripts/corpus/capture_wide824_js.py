"""Round 824, JavaScript / TypeScript: the real npm package container-validator 1.1.0 (a UMD `index.js`: a constructor
with `isValid`, `validate`, `getErrorMessages`, `createCheckDigit`, `generate`, `buildCheckDigit`, `identify` and PHP.js
helpers, for ISO 6346 container numbers; it lists itself as its own dependency) installed with `npm install` under a
terminal, its files copied into a small app (`fletchinghouse`, the fletchers' shipping containers of arrow shafts) as
`lib/container-validator/` (its own package.json kept, so node reads the copy as CommonJS) with bugs put in; a vitest
suite written here whose expectations come from the unbroken package (seed 82408; a node script computes them from
node_modules/container-validator before the copy is broken; a thrown error is expected as `threw <message>`); eslint
with round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Round 809's
JavaScript steps' shapes (round 732's app sources, imported and renamed) with this round's package and names.
Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data."""
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
from capture_wide824 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT / "js"
NM = JS / "node_modules"
SEED = 82408
LIB = "container-validator"
NPM = "container-validator"

# The bugs put in the copy (lib/container-validator/index.js): `V` valued 33 (a multiple of 11, which ISO 6346 skips)
# instead of 34, a remainder of 10 giving check digit 1 instead of 0, the `Z` equipment category refused.
F = "index.js"
BUGS = [(F, "'V': 34,", "'V': 33,"),
        (F, "return (checkDigit == 10) ? 0 : checkDigit", "return (checkDigit == 10) ? 1 : checkDigit"),
        (F, "this.pattern = /^([A-Z]{3})(U|J|Z)(\\d{6})(\\d)$/", "this.pattern = /^([A-Z]{3})(U|J)(\\d{6})(\\d)$/")]

WORDS = ["shaft", "fletching", "nock", "pile", "crest", "cresting", "footing", "self nock", "bodkin", "broadhead",
         "goose feather", "turkey feather", "sinew", "hide glue", "spine", "barrel taper", "bobtail", "flu-flu"]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
VALUES = dict(zip(LETTERS, [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34,
                            35, 36, 37, 38]))
OWNERS = ["FLV", "NVK", "SHV", "PIL", "ARW", "QVR", "BOW", "VAN", "YEW", "FTC"]


def iso6346(first10: str) -> str:
    s = sum((VALUES[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(first10)) % 11
    return first10 + str(0 if s == 10 else s)


def cases(seed: int) -> list:
    """200 shipping containers: owner codes (many holding V) and categories U, J or Z; 60% carry the right check
    digit; some lower-case, short or with an unknown category."""
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        owner = rnd.choice(OWNERS) if rnd.random() < 0.6 else "".join(rnd.choice(LETTERS) for _ in range(3))
        cat = rnd.choice("UUUUJZZ")
        serial = "".join(rnd.choice("0123456789") for _ in range(6))
        code = iso6346(owner + cat + serial)
        if rnd.random() >= 0.6:
            code = code[:10] + str((int(code[10]) + rnd.randint(1, 9)) % 10)
        if r > 0.92:
            code = code.lower() if r > 0.97 else code[:9] if r > 0.95 else code[:3] + "X" + code[4:]
        out.append({"name": f"crate {i + 1}: {rnd.choice(WORDS)} shipment {rnd.randint(1, 99)}", "code": code,
                    "owner": owner, "cat": cat, "serial": int(serial)})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const CV = createRequire(import.meta.url)("container-validator");
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
cases.forEach((c) => {
  c.check = attempt(() => new CV().createCheckDigit(c.code.slice(0, 10)));
  const v = new CV();
  c.valid = v.isValid(c.code);
  c.errors = [].concat(Object.values(v.getErrorMessages())).join(" ");
  c.made = attempt(() => Object.values(new CV().generate(c.owner, c.cat, c.serial, c.serial + 1)).join(" "));
});
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const CV = createRequire(import.meta.url)("../lib/container-validator/index.js");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const attempt = (f) => { try { return String(f()); } catch (e) { return "threw " + e.message; } };

describe("fletchinghouse shipping containers", () => {
  test.each(cases)("check digit $name", ({ code, check }) => {
    expect(attempt(() => new CV().createCheckDigit(code.slice(0, 10)))).toBe(check);
  });
  test.each(cases)("valid container $name", ({ code, valid, errors }) => {
    const v = new CV();
    expect([v.isValid(code), [].concat(Object.values(v.getErrorMessages())).join(" ")]).toEqual([valid, errors]);
  });
  test.each(cases)("generate $name", ({ owner, cat, serial, made }) => {
    expect(attempt(() => Object.values(new CV().generate(owner, cat, serial, serial + 1)).join(" "))).toBe(made);
  });
});
"""

# Round 732's app sources renamed (longer words first), the package's call shape put in.
RENAMES = (("mod10-check-digit/index.js", "container-validator/index.js"), ("mod10-check-digit", "container-validator"),
           ("import mod10 from", "import ContainerValidator from"),
           ("mod10(", "new ContainerValidator().createCheckDigit("),
           ("hookhouse", "fletchinghouse"), ("Tangwell", "Shaft"), ("Quench", "Nock"), ("Bevel", "Pile"),
           ("Anvil", "Fletch"), ("smiths", "fletchers"), ("smith", "fletcher"), ("hooks", "crates"),
           ("Hook", "Crate"), ("hook", "crate"), ("blades", "shafts"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "fletchinghouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "fletchinghouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{NPM} lib/{LIB} && rm -rf lib/{LIB}/README.md lib/{LIB}/img lib/{LIB}/demo.html", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "fletchinghouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", f"npm install --no-fund --loglevel=verbose {NPM}@1.1.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid container' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'crate 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "fletchinghouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/fletchinghouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js ts/fletchinghouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
