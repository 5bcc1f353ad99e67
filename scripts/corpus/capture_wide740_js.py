"""Round 740, JavaScript / TypeScript: the real npm package node-luhn 1.0.0 (CommonJS `index.js`, no dependencies)
installed with `npm install` under a terminal, its files copied into a small app (`baulkhouse`, the reedmakers' reed
references with a Luhn check digit) as `lib/node-luhn/` (its own package.json kept, so node reads the copy as
CommonJS) with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 74008;
a node script computes them from node_modules/node-luhn before the copy is broken); eslint with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide740.py; the steps are round 732's JavaScript part's shapes (its app sources imported and renamed) with this
round's package and names."""
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
from capture_wide740 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide740-js"
NM = JS / "node_modules"
SEED = 74008
LIB = "node-luhn"

# The bugs put in the copy (lib/node-luhn/): digits read in base 8, a doubled 7 taken as 6, the total tested % 10 <= 1.
BUGS = [("index.js", "var cardNum = parseInt(trimmed, 10)", "var cardNum = parseInt(trimmed, 8)"),
        ("index.js", "case 14:\n        calc2 = 5", "case 14:\n        calc2 = 6"),
        ("index.js", "return ((total % 10) === 0)", "return ((total % 10) <= 1)")]

WORDS = ["loom reed", "dent", "baulk", "wire", "pitch", "reed hook", "binder", "split cane", "brass wire", "gauge",
         "count", "shaft", "heald", "shuttle", "warp", "weft", "tar band", "porter"]

# Round 732's app sources renamed (longer words first).
RENAMES = (("mod10-check-digit", "node-luhn"), ("hookhouse", "baulkhouse"), ("Tangwell", "Dentwell"), ("Quench", "Baulk"), ("Bevel", "Pitch"),
           ("Anvil", "Porter"), ("smiths", "makers"), ("smith", "maker"), ("hooks", "reeds"), ("Hook", "Reed"),
           ("hook", "reed"), ("blades", "dents"), ("mod10", "luhn"))


def renamed(text: str) -> str:
    for old, new in RENAMES:
        text = text.replace(old, new)
    return text


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(200):
        r = rnd.random()
        n = rnd.randint(4, 18)
        if r < 0.3:
            ref = "".join(rnd.choice("01234567") for _ in range(n))
        elif r < 0.45:
            ref = "".join(rnd.choice("5577") for _ in range(n))
        else:
            ref = "".join(rnd.choice("0123456789") for _ in range(n))
        if rnd.random() < 0.6:
            ref = ref[:-1] + luhn_digit(ref[:-1])
        out.append({"name": f"reed {i + 1}: {rnd.choice(WORDS)} dent {rnd.randint(1, 99)}", "ref": ref})
    return out


FIXTURES = renamed(r732js.FIXTURES)
VITEST_SUITE = renamed(r732js.VITEST_SUITE).replace("check digit $name", "valid ref $name")
APP_JS = renamed(r732js.APP_JS)
APP_TS = renamed(r732js.APP_TS)


def app(tmp: Path) -> Path:
    root = tmp / "baulkhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "baulkhouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp -r {NM}/{LIB} lib/{LIB} && rm -f lib/{LIB}/README.md lib/{LIB}/LICENSE && rm -rf lib/{LIB}/test", cwd=root)
    put_bugs(root / "lib" / LIB, BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "baulkhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose node-luhn@1.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'valid ref' 2>&1 | tail -n 500", root,
        n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'reed 1[0-4]:'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "baulkhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/baulkhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB}/index.js app/index.js "
        "ts/baulkhouse.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
