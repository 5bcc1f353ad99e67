"""Round 676, JavaScript / TypeScript: the real npm package double-metaphone 2.0.1 (ESM, no dependencies) installed
with `npm install` under a terminal, its `index.js` copied into a small app (`inkhornhall`, a scrivener's index of
clients and deeds by sound) with bugs put in; a vitest suite written here whose expectations come from the unbroken
package (seed 67608; a node script computes them from node_modules/double-metaphone before the copy is broken); eslint
over the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from
capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner, `--color`) or under a pseudo-terminal.
Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by
round 9b's runner. Run through capture_wide676.py; the steps follow round 670's JavaScript part with this round's
package and names."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide676 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide676-js"
NM = JS / "node_modules"
SEED = 67608

# The bugs put in the copy (lib/double-metaphone.js): PS no longer skipped at the start; Y no longer a vowel; T no
# longer among the letters before UGH that make it sound F.
BUGS = [("double-metaphone.js", "const initialExceptions = /^(GN|KN|PN|WR|PS)/",
         "const initialExceptions = /^(GN|KN|PN|WR)/"),
        ("double-metaphone.js", "const vowels = /[AEIOUY]/", "const vowels = /[AEIOU]/"),
        ("double-metaphone.js", "const gForF = /[CGLRT]/", "const gForF = /[CGLR]/")]

WORDS = ["scrivener", "psalter", "pseudonym", "tough", "trough", "laughter", "draught", "yeoman", "Yates", "Mayhew",
         "Boyle", "Foyle", "knight", "wright", "gnomon", "pneuma", "Xavier", "Schmidt", "chancery", "charter",
         "codicil", "indenture", "vellum", "inkhorn", "pounce", "sealing", "ribbon", "engrossing", "Thompson",
         "Psmith", "Ptolemy", "Czerny", "Wojcik", "Gallagher", "McLaughlin", "Vaughan", "Hughes", "Rayner", "Doyle",
         "Boyd", "Keyes", "Psyche", "Tudor", "Hayward", "Ayres", "Joyce", "Leigh", "Haigh", "Brough", "Clough"]
SYL = ["ps", "ay", "oy", "ugh", "augh", "ey", "ch", "sch", "gn", "th", "ph", "wr", "kn", "y", "ea", "ll", "ck", "x"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(190):
        if rnd.random() < 0.5:
            w = rnd.choice(WORDS)
        else:
            w = "".join(rnd.choice(SYL) + rnd.choice("aeiou") for _ in range(rnd.randint(1, 3)))
            w = w.capitalize() if rnd.random() < 0.5 else w
        out.append({"name": f"deed {i + 1} {w}: {rnd.choice(['client', 'witness', 'grantor', 'grantee'])}",
                    "word": w})
    return out


FIXTURES = """import { readFileSync, writeFileSync } from "node:fs";
import { doubleMetaphone } from "double-metaphone";
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = doubleMetaphone(c.word);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { doubleMetaphone } from "../lib/double-metaphone.js";
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("inkhornhall index", () => {
  test.each(cases)("$name", ({ word, expected }) => {
    expect(doubleMetaphone(word)).toEqual(expected);
  });
  test.each(cases.slice(0, 40))("primary of $name", ({ word, expected }) => {
    expect(doubleMetaphone(word)[0]).toBe(expected[0]);
  });
});
"""

APP_JS = """import { doubleMetaphone } from "../lib/double-metaphone.js";

const clients = { "abel": "Pounce", "cass": "Vellum", "dora": "Inkhorn", "abel": "Quill" };
export function indexLine(scrivener, deed) {
  var sound = doubleMetaphone(clients[scrivener.name]);
  for (var k in clients) {
    if (deed == undefined) deed = k;
  }
  const unused = clients.length * 2;
  if (sound[0] == sound[1]) return "one sound: " + scrivener.name;
  else return sound.join("/") + " -> " + (doubleMetaphone(deed.client)[0] || "no client");
}
export const index = function (scriveners) {
  let out = [];
  scriveners.forEach(function (s, i) { out.push(indexLine(scriveners[i - 1], s)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import { doubleMetaphone } from '../lib/double-metaphone.js'

interface Scrivener { name: string; folios: number; desk?: { number: number }; client?: string }

export function sounds(ss: Scrivener[]): string[] {
  return ss.map((s, i) => doubleMetaphone(ss[i - 1].folios).join('/'))
}

export const desk = (s: Scrivener): number => s.desk.number
export const skinIn: string = 16
export const first = (ss: Scrivener[]): Scrivener => ss[0]
export const client = (s: Scrivener) => doubleMetaphone(s.client.toUpperCase(2))
export const both = (s: Scrivener): [number, string] => [doubleMetaphone(s, true), doubleMetaphone()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "inkhornhall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "inkhornhall", "version": "0.6.7", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/index.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/index.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/double-metaphone/index.js lib/double-metaphone.js", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "inkhornhall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose double-metaphone@2.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'deed 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "inkhornhall"
    cap("eslint", "npx eslint --color app test", root, n_eslint, timeout=600)
    cap("eslint-lib", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600, pipe="tail -n 250")
    write_tree(root, {"ts/inkhornhall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/double-metaphone.js app/index.js ts/inkhornhall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
