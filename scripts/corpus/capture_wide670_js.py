"""Round 670, JavaScript / TypeScript: the real npm package bytes-iec 3.1.1 (no dependencies) installed with `npm
install` under a terminal, its CommonJS `index.js` copied into a small app (`tumbrilhall`, a wainwright's ledger of the
yard's loads) with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed
67038; a node script computes them from node_modules/bytes-iec before the copy is broken); eslint over the copy and the
app with round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour
forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`,
`n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run
through capture_wide670.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide670 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide670-js"
NM = JS / "node_modules"
SEED = 67038

# The bugs put in the copy (lib/bytes-iec.cjs): a value of exactly one unit not converted to that unit; parsed values
# rounded instead of floored; the mebibyte printed as MB.
BUGS = [("bytes-iec.cjs", "if (value >= unitData.val || i >= unitMap.length - 1) {",
         "if (value > unitData.val || i >= unitMap.length - 1) {"),
        ("bytes-iec.cjs", "return Math.floor(unitData.val * floatValue);", "return Math.round(unitData.val * floatValue);"),
        ("bytes-iec.cjs", "mib: {val: Math.pow(1024, 2), longName: 'mebibyte', name: \"MiB\"}",
         "mib: {val: Math.pow(1024, 2), longName: 'mebibyte', name: \"MB\"}")]

LOADS = ["hay wain", "tumbril", "dung cart", "harvest wain", "timber drug", "float", "brake", "market cart"]
UNITS = ["B", "kB", "MB", "GB", "KiB", "MiB", "GiB", "TiB", "KB", "TB"]


def cases(seed: int) -> dict:
    rnd = random.Random(seed)
    fmt, prs = [], []
    for i in range(110):
        mode = rnd.choice(["metric", "binary", "jedec"])
        base = 1000 if mode == "metric" else 1024
        r = rnd.random()
        if r < 0.3:
            value = base ** rnd.randint(1, 4) * rnd.choice([1, 1, 2, 3])
        elif r < 0.6:
            value = rnd.randint(1, 9) * 1024 ** 2 + rnd.randint(0, 999)
        else:
            value = rnd.randint(1, 10 ** rnd.randint(2, 13))
        fmt.append({"name": f"load {i + 1} {mode} {value}: {rnd.choice(LOADS)}", "value": value, "mode": mode})
    for i in range(70):
        mode = rnd.choice(["metric", "binary", "jedec"])
        s = f"{rnd.randint(0, 900)}.{rnd.randint(1, 99)}{rnd.choice(['', ' '])}{rnd.choice(UNITS)}"
        prs.append({"name": f"weigh {i + 1} {mode} {s}: {rnd.choice(LOADS)}", "str": s, "mode": mode})
    return {"format": fmt, "parse": prs}


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const bytes = require("bytes-iec");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases.format) c.expected = bytes.format(c.value, { mode: c.mode });
for (const c of cases.parse) c.expected = bytes.parse(c.str, { mode: c.mode });
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const bytes = require("../lib/bytes-iec.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("tumbrilhall loads", () => {
  test.each(cases.format)("$name", ({ value, mode, expected }) => {
    expect(bytes.format(value, { mode })).toBe(expected);
  });
  test.each(cases.parse)("$name", ({ str, mode, expected }) => {
    expect(bytes.parse(str, { mode })).toBe(expected);
  });
});
"""

APP_JS = """import bytes from "../lib/bytes-iec.cjs";

const loads = { "abel": 1048576, "cass": "1.5 MiB", "dora": 5e9, "abel": 0 };
export function ledgerLine(wright, wain) {
  var load = loads[wright.name];
  for (var k in loads) {
    if (wain == undefined) wain = k;
  }
  const unused = loads.length * 2;
  if (bytes.parse(load) > 1e9) return "overloaded: " + wright.name;
  else return bytes.format(load) + " -> " + (bytes.format(wain.load, { mode: "binary" }) || "no load");
}
export const ledger = function (wrights) {
  let out = [];
  wrights.forEach(function (w, i) { out.push(ledgerLine(wrights[i - 1], w)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import bytes from '../lib/bytes-iec.cjs'

interface Wainwright { name: string; load: number; bench?: { number: number }; wain?: string }

export function loads(ws: Wainwright[]): string[] {
  return ws.map((w, i) => bytes.format(ws[i - 1].load).toLowerCase())
}

export const bench = (w: Wainwright): number => w.bench.number
export const wheelIn: string = 54
export const first = (ws: Wainwright[]): Wainwright => ws[0]
export const wain = (w: Wainwright) => bytes.parse(w.wain.toUpperCase(2))
export const both = (w: Wainwright): [number, string] => [bytes(w, true), bytes()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "tumbrilhall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tumbrilhall", "version": "0.6.7", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/loads.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/ledger.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/bytes-iec/index.js lib/bytes-iec.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "tumbrilhall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose bytes-iec@3.1.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'load 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "tumbrilhall"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/tumbrilhall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/bytes-iec.cjs app/ledger.js ts/tumbrilhall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
