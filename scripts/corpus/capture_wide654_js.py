"""Round 654, JavaScript / TypeScript: the real npm package ibantools 4.5.4 installed with `npm install` under a
terminal, its CommonJS build `build/ibantools.cjs` copied into a small app (`fanhall`, a fan maker's ledger of the
workshop's bank accounts and suppliers' BICs) with bugs put in; a vitest suite written here whose expectations come
from the unbroken package (seed 65458; a node script computes them from node_modules/ibantools before the copy is
broken); eslint over the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both
imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a
pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from
capture_wide15_data; chains by round 9b's runner. Run through capture_wide654.py."""
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
from capture_wide622_js import FIXTURES_JS
from capture_wide654 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide654-js"
NM = JS / "node_modules"
SEED = 65458

# The bugs put in the copy (lib/ibantools.cjs): spaces no longer stripped from an IBAN; a separator left after the last
# group of four; BICs whose branch code holds a digit refused.
BUGS = [("ibantools.cjs", "return iban.replace(/[-\\ ]/g, '').toUpperCase();", "return iban.replace(/[-]/g, '').toUpperCase();"),
        ("ibantools.cjs", "return electronic_iban.replace(/(.{4})(?!$)/g, '$1' + separator);",
         "return electronic_iban.replace(/(.{4})/g, '$1' + separator);"),
        ("ibantools.cjs", "return reg.test(bic) && spec !== undefined;",
         "return reg.test(bic) && spec !== undefined && !(bic.length === 11 && /[0-9]/.test(bic.slice(8)));")]

FANS = ["brisé fan", "cabriolet fan", "folding fan", "mourning fan", "lace fan", "feather fan", "paper fan",
        "ivory fan", "silk fan", "horn fan"]
SUPPLIERS = ["paper leaves", "ivory sticks", "horn guards", "rivets", "silk", "gilding", "lace", "tassels"]
# country, bban shape (L letter, D digit, A letter or digit)
SHAPES = {"DE": "D" * 18, "NL": "LLLL" + "D" * 10, "GB": "LLLL" + "D" * 14, "AT": "D" * 16, "CH": "DDDDD" + "A" * 12,
          "IE": "LLLL" + "D" * 14, "LU": "DDD" + "A" * 13}


def _iban(rnd: random.Random, cc: str) -> str:
    pick = {"L": string.ascii_uppercase, "D": string.digits, "A": string.ascii_uppercase + string.digits}
    bban = "".join(rnd.choice(pick[c]) for c in SHAPES[cc])
    num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
    return f"{cc}{98 - int(num) % 97:02d}{bban}"


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(170):
        iban = _iban(rnd, rnd.choice(list(SHAPES)))
        r = rnd.random()
        if r < 0.2:
            fn, args = "electronicFormatIBAN", [" ".join(iban[k:k + 4] for k in range(0, len(iban), 4)).lower()
                                               if rnd.random() < 0.5 else "-".join(iban[k:k + 4] for k in range(0, len(iban), 4))]
        elif r < 0.4:
            fn, args = "friendlyFormatIBAN", [iban] + ([rnd.choice(["-", ".", " "])] if rnd.random() < 0.5 else [])
        elif r < 0.55:
            bad = iban if rnd.random() < 0.6 else iban[:-1] + str((int(iban[-1]) + 1) % 10) if iban[-1].isdigit() else iban
            fn, args = "isValidIBAN", [bad]
        elif r < 0.7:
            fn, args = "extractIBAN", [" ".join(iban[k:k + 4] for k in range(0, len(iban), 4))]
        else:
            bic = ("".join(rnd.choice(string.ascii_uppercase) for _ in range(4)) + rnd.choice(list(SHAPES))
                   + rnd.choice(string.ascii_uppercase) + rnd.choice(string.ascii_uppercase + "0123456789")
                   + rnd.choice(["", "XXX", "".join(rnd.choice(string.ascii_uppercase + string.digits) for _ in range(3))]))
            fn, args = rnd.choice(["isValidBIC", "isValidBIC", "extractBIC"]), [bic]
        out.append({"name": f"fan {i + 1}: {rnd.choice(FANS)} {rnd.choice(SUPPLIERS)} ({fn})", "fn": fn, "args": args})
    return out


FIXTURES = FIXTURES_JS.replace('const rgbHex = require("rgb-hex");', 'const ib = require("ibantools");').replace(
    "rgbHex(...c.args)", "ib[c.fn](...c.args)")

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const ib = require("../lib/ibantools.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("fanhall ledger", () => {
  test.each(cases)("$name", ({ fn, args, expected, throws }) => {
    if (throws) expect(() => ib[fn](...args)).toThrow(throws);
    else expect(ib[fn](...args)).toEqual(expected);
  });
});
"""

APP_JS = """import { isValidIBAN, electronicFormatIBAN, friendlyFormatIBAN, isValidBIC } from "../lib/ibantools.cjs";

const accounts = { "ivy": "DE89 3704 0044 0532 0130 00", "mo": "NL91ABNA0417164300", "una": "GB29 NWBK 6016 1331 9268 19", "ivy": "" };
export function ledgerLine(maker, supplier) {
  var iban = electronicFormatIBAN(accounts[maker.name]);
  for (var k in accounts) {
    if (supplier == undefined) supplier = k;
  }
  const unused = accounts.length * 2;
  if (!isValidIBAN(iban)) return "bad account for " + maker.name;
  else return friendlyFormatIBAN(iban) + " -> " + (isValidBIC(supplier.bic) ? supplier.bic : "no BIC");
}
export const ledger = function (makers) {
  let out = [];
  makers.forEach(function (m, i) { out.push(ledgerLine(makers[i - 1], m)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import { isValidIBAN, electronicFormatIBAN, friendlyFormatIBAN, extractBIC } from '../lib/ibantools.cjs'

interface FanMaker { name: string; iban: string; table?: { number: number }; bic?: string }

export function accounts(ms: FanMaker[]): string[] {
  return ms.map((m, i) => friendlyFormatIBAN(ms[i - 1].iban).toLowerCase())
}

export const table = (m: FanMaker): number => m.table.number
export const leafMm: string = 230
export const first = (ms: FanMaker[]): FanMaker => ms[0]
export const bank = (m: FanMaker) => extractBIC(m.bic.toUpperCase(2)).bankCode
export const both = (m: FanMaker): [boolean, string] => [isValidIBAN(m, true), electronicFormatIBAN()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "fanhall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    assert "rgbHex" not in FIXTURES
    write_tree(root, {"package.json": json.dumps({"name": "fanhall", "version": "0.6.5", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/ledger.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/ledger.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/ibantools/build/ibantools.cjs lib/ibantools.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "fanhall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose ibantools@4.5.4", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'BIC'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "fanhall"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib-head", "npx eslint --color lib app 2>&1 | head -n 400", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/fanhall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/ibantools.cjs app/ledger.js ts/fanhall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
