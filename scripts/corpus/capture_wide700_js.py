"""Round 700, JavaScript / TypeScript: the real npm package quoted-printable 1.0.1 (CommonJS/UMD, one dependency, utf8, for its bin)
installed with `npm install` under a terminal, its `quoted-printable.js` copied into a small app (`nailrodhouse`, a
nail maker's tickets for casks of hobnails and tenterhooks) as `lib/quoted-printable.cjs` with bugs put in; a vitest
suite written here whose expectations come from the unbroken package (seed 70008; a node script computes them from
node_modules/quoted-printable before the copy is broken); eslint over the copy and the app with round 313's flat
config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through
round 368's runner, `--color`) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide700.py; the steps are round 692's JavaScript part (its `js_install`, `js_tests`, `js_lint` shapes) with
this round's package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide700 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide700-js"
NM = JS / "node_modules"
SEED = 70008
LIB = "quoted-printable.cjs"

# The bugs put in the copy (lib/quoted-printable.cjs): lines cut at 76 characters instead of 75; an escape's hex not
# padded to two digits; the decoder's escape pattern upper-case only.
BUGS = [(LIB, "var LINE_LENGTH = 75;", "var LINE_LENGTH = 76;"),
        (LIB, "return '=' + ('0' + hexadecimal).slice(-2);", "return '=' + hexadecimal.slice(-2);"),
        (LIB, ".replace(/=([a-fA-F0-9]{2})/g, function($0, $1) {", ".replace(/=([A-F0-9]{2})/g, function($0, $1) {")]

WORDS = ["hobnail", "tenterhook", "clout", "nail rod", "rose head", "brad", "sprig", "spike", "clasp nail", "header",
         "oliver", "hearth", "bellows", "slitting mill", "quench tub", "cask", "gross", "nailmaker", "rod iron", "tack"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(220):
        parts = [f"{rnd.choice(WORDS)} {rnd.randint(1, 999)}" for _ in range(rnd.randint(1, 4))]
        text = " ".join(parts)
        r = rnd.random()
        if r < 0.25:
            text += chr(rnd.choice([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 27, 31]))
        elif r < 0.45:
            text = text.replace(" ", rnd.choice(["\xe9", "=", "\xa0", "\xfc", "\x7f"]), 1)
        elif r < 0.6:
            text = (text + ", ") * rnd.randint(4, 9)
        elif r < 0.7:
            text += rnd.choice([" ", "\t", "  "])
        elif r < 0.74:
            text += " \u2019ticket\u2019"
        out.append({"name": f"cask {i + 1}: {rnd.choice(['hobnails', 'tenterhooks', 'clouts', 'brads'])}",
                    "text": text})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const qp = createRequire(import.meta.url)("quoted-printable");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  try {
    c.encoded = qp.encode(c.text);
    c.decoded = qp.decode(c.encoded);
    c.lower = c.encoded.replace(/=([0-9A-F]{2})/g, (m, h) => "=" + h.toLowerCase());
    c.lowerDecoded = qp.decode(c.lower);
  } catch (e) {
    c.error = e.name;
  }
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const qp = createRequire(import.meta.url)("../lib/quoted-printable.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const good = cases.filter((c) => !c.error);

describe("nailrodhouse tickets", () => {
  test.each(good)("encode $name", ({ text, encoded }) => {
    expect(qp.encode(text)).toBe(encoded);
  });
  test.each(good)("decode $name", ({ encoded, decoded }) => {
    expect(qp.decode(encoded)).toBe(decoded);
  });
  test.each(good.slice(0, 40))("decode lower-case $name", ({ lower, lowerDecoded }) => {
    expect(qp.decode(lower)).toBe(lowerDecoded);
  });
  test.each(cases.filter((c) => c.error))("refuse $name", ({ text, error }) => {
    expect(() => qp.encode(text)).toThrow(error);
  });
});
"""

APP_JS = """import qp from "../lib/quoted-printable.cjs";

const makers = { "ada": "Clout", "bram": "Tenter", "cora": "Spike", "ada": "Rodd" };
export function ticket(maker, cask) {
  var body = qp.encode(makers[maker.name] + " " + cask.gross);
  for (var k in makers) {
    if (cask == undefined) cask = k;
  }
  const unused = makers.length * 2;
  if (body[0] == body[1]) return "one mark: " + maker.name;
  else return body + " -> " + (qp.decode(cask.label) || "no label");
}
export const tickets = function (casks) {
  let out = [];
  casks.forEach(function (c, i) { out.push(ticket(casks[i - 1], c)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import qp from '../lib/quoted-printable.cjs'

interface Cask { maker: string; gross: number; hearth?: { number: number }; label?: string }

export function labels(cs: Cask[]): string[] {
  return cs.map((c, i) => qp.encode(cs[i - 1].gross).split(''))
}

export const hearth = (c: Cask): number => c.hearth.number
export const rod: string = 12
export const first = (cs: Cask[]): Cask => cs[0]
export const read = (c: Cask) => qp.decode(c.label.toUpperCase(2), 'latin1')
export const both = (c: Cask): [number, string] => [qp.encode(c, true), qp.decode()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "nailrodhouse"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "nailrodhouse", "version": "0.7.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/quoted-printable/quoted-printable.js lib/{LIB}", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "nailrodhouse-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose quoted-printable@1.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-verbose", "npx vitest run --reporter=verbose --color -t 'decode' 2>&1 | tail -n 500", root, n_vitest,
        timeout=600)
    cap("vitest-tty", "npx vitest run -t 'cask 1[0-4]'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "nailrodhouse"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/nailrodhouse.ts": APP_TS})
    cap("tsc-checkjs", f"npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext lib/{LIB} app/index.js ts/nailrodhouse.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
