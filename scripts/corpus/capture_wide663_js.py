"""Round 663, JavaScript / TypeScript: the real npm package isin-validator 1.1.1 (with its dependency
i18n-iso-countries) installed with `npm install` under a terminal, its CommonJS build `dist/bundle.cjs.js` copied into
a small app (`meshhall`, a sievewright's ledger of the workshop's holdings by ISIN) with bugs put in; a vitest suite
written here whose expectations come from the unbroken package (seed 66338; a node script computes them from
node_modules/isin-validator before the copy is broken); eslint over the copy and the app with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide663.py."""
from __future__ import annotations

import json
import random
import string
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide663 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide663-js"
NM = JS / "node_modules"
SEED = 66338

# The bugs put in the copy (lib/isin-validator.cjs): a check digit of 0 computed as 10; the pseudo country code XS
# refused; ISINs over 12 characters let past the length check.
BUGS = [("isin-validator.cjs", "if (diff === 10) {\n    return 0;", "if (diff === 10) {\n    return 10;"),
        ("isin-validator.cjs", "  XS: true,", "  XS: false,"),
        ("isin-validator.cjs", "if (ISIN.length !== 12) {", "if (ISIN.length < 12) {")]

RIDDLES = ["corn riddle", "garden riddle", "flour sieve", "horsehair sieve", "brass sieve", "oak riddle",
           "ash riddle", "potato riddle", "gravel riddle", "malt sieve"]
HOLDERS = ["wire mill", "hair merchant", "timber yard", "tack smith", "steam works", "mesh weavers", "bentwood co"]
COUNTRIES = ["DE", "GB", "US", "FR", "NL", "CH", "IE", "LU", "JP", "AU", "XS", "XS", "EU", "QS"]


def _check(cc: str, nsin: str) -> str:
    digits = "".join(str(int(ch, 36)) for ch in cc + nsin)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return str((10 - total % 10) % 10)


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(170):
        cc = rnd.choice(COUNTRIES)
        nsin = "".join(rnd.choice(string.digits * 3 + string.ascii_uppercase) for _ in range(9))
        isin = cc + nsin + _check(cc, nsin)
        r = rnd.random()
        if r < 0.12:
            isin = isin[:-1] + str((int(isin[-1]) + rnd.randint(1, 9)) % 10)
        elif r < 0.22:
            isin = isin + rnd.choice(string.digits + "X")
        elif r < 0.27:
            isin = isin[:-2]
        elif r < 0.31:
            isin = isin.lower()
        elif r < 0.34:
            isin = "ZQ" + isin[2:]
        elif r < 0.37:
            isin = isin[:5] + "-" + isin[6:]
        out.append({"name": f"riddle {i + 1}: {rnd.choice(RIDDLES)} of the {rnd.choice(HOLDERS)} ({isin})",
                    "isin": isin})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const isin = require("isin-validator");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  const err = isin(c.isin);
  c.expected = err ? err.message : null;
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const isin = require("../lib/isin-validator.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("meshhall holdings", () => {
  test.each(cases)("$name", ({ isin: code, expected }) => {
    const err = isin(code);
    expect(err ? err.message : null).toBe(expected);
  });
});
"""

APP_JS = """import isin from "../lib/isin-validator.cjs";

const holdings = { "ivo": "DE000BAY0017", "bea": "XS0000000000", "tam": "US0378331005", "ivo": "" };
export function ledgerLine(maker, holder) {
  var code = holdings[maker.name];
  for (var k in holdings) {
    if (holder == undefined) holder = k;
  }
  const unused = holdings.length * 2;
  if (isin(code)) return "bad holding for " + maker.name;
  else return code + " -> " + (isin(holder.isin, undefined, { checkCountryCode: false }) ? "no ISIN" : holder.isin);
}
export const ledger = function (makers) {
  let out = [];
  makers.forEach(function (m, i) { out.push(ledgerLine(makers[i - 1], m)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import isin from '../lib/isin-validator.cjs'

interface Sievewright { name: string; isin: string; bench?: { number: number }; holder?: string }

export function holdings(ms: Sievewright[]): string[] {
  return ms.map((m, i) => isin(ms[i - 1].isin).message.toLowerCase())
}

export const bench = (m: Sievewright): number => m.bench.number
export const rimMm: string = 350
export const first = (ms: Sievewright[]): Sievewright => ms[0]
export const holder = (m: Sievewright) => isin(m.holder.toUpperCase(2))
export const both = (m: Sievewright): [boolean, string] => [isin(m, true), isin()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "meshhall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "meshhall", "version": "0.6.6", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/holdings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/ledger.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/isin-validator/dist/bundle.cjs.js lib/isin-validator.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "meshhall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose isin-validator@1.1.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'riddle 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "meshhall"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/meshhall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/isin-validator.cjs app/ledger.js ts/meshhall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
