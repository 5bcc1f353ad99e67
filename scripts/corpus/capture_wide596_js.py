"""Round 596, JavaScript / TypeScript: a real npm package new to the corpus (qs 6.14.0: a query-string parser and
stringifier with nesting and arrays, CommonJS files under `lib/`) copied into a small app (`stampfloor`, a tin mine's
dressing-floor board: parcels of ore sent from the adits as query strings) as `lib/qs/*.cjs` (its relative
`require`s pointed at the .cjs names) with a few bugs put in; the app's own vitest suite over the copy (a table of tin
parcels, `vitest run`: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over
the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced
on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the copy sits under lib/ as .cjs files
so that the config's CommonJS rules read it (round 592's pattern). Run through capture_wide596.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide596 import JS, cap

NM = JS / "node_modules"
QS = NM / "qs" / "lib"
FILES = ["index", "parse", "stringify", "utils", "formats"]

# The bugs put in the copy (lib/qs/): (file, text, replacement); each text occurs exactly once.
# only the first `+` of a value decodes to a space; nesting stops one level short of `depth`; the indices array
# format numbers items from 1 ("01", "11": the key is a string).
BUGS = [("utils.cjs", "var strWithoutPlus = str.replace(/\\+/g, ' ');", "var strWithoutPlus = str.replace(/\\+/, ' ');"),
        ("parse.cjs", "&& i < options.depth) {", "&& i < options.depth - 1) {"),
        ("stringify.cjs", "return prefix + '[' + key + ']';", "return prefix + '[' + (key + 1) + ']';")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(59616)
ADITS = ["Wheal Vor", "Wheal Kitty", "Dolcoath", "Great Wheal Fortune", "Wheal Owles", "Levant", "Botallack",
         "Geevor", "South Crofty", "Wheal Jane", "Wheal Busy", "Ding Dong"]
TINNERS = ["Jenifer", "Loveday", "Hedley", "Morwenna", "Jago", "Tamsin", "Petroc", "Demelza"]
ORES = ["black tin", "white tin", "wolfram", "mispickel", "slimes", "roughs", "middlings", "gossan"]
PARCELS = []
for _k in range(12):
    PARCELS.append({"adit": ADITS[_k], "tinner": TINNERS[_k % len(TINNERS)], "tons": _R.randint(2, 90),
                    "ores": _R.sample(ORES, _R.randint(1, 4)), "note": " ".join(_R.sample(ORES, _R.randint(1, 3))),
                    "depth": _R.randint(1, 7), "level": f"{_R.choice('ABCDEFGH')}{_R.randint(1, 29)}"})

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const qs = createRequire(import.meta.url)("../lib/qs/index.cjs");

// the dressing floor's parcels: each parcel as the adit's captain writes it, sent to the count house as a query string
const PARCELS = %s;

function nested(depth, value) {
  let key = "level";
  for (let i = 0; i < depth; i++) key += "[l" + i + "]";
  return key + "=" + value;
}

describe("stampfloor parcels", () => {
  for (const p of PARCELS) {
    describe(p.adit + " (" + p.tinner + ")", () => {
      test("round-trips through the count house", () => {
        const back = qs.parse(qs.stringify({ adit: p.adit, tinner: p.tinner, tons: String(p.tons), ores: p.ores }));
        expect(back).toEqual({ adit: p.adit, tinner: p.tinner, tons: String(p.tons), ores: p.ores });
      });
      test("reads the dresser's note with plus signs", () => {
        const parsed = qs.parse("note=" + p.note.split(" ").join("+"));
        expect(parsed.note).toBe(p.note);
      });
      test("keeps the tons as written", () => {
        expect(qs.parse("tons=" + p.tons + "&adit=" + encodeURIComponent(p.adit))).toEqual({ tons: String(p.tons), adit: p.adit });
      });
      test("finds the level " + p.depth + " deep", () => {
        let node = qs.parse(nested(p.depth, p.level)).level;
        for (let i = 0; i < p.depth; i++) node = node["l" + i];
        expect(node).toBe(p.level);
      });
      test("sends the ores with brackets", () => {
        const s = qs.stringify({ ores: p.ores }, { arrayFormat: "brackets", encode: false });
        expect(s).toBe(p.ores.map((o) => "ores[]=" + o).join("&"));
      });
      test("sends the ores with indices", () => {
        const s = qs.stringify({ ores: p.ores }, { encode: false });
        expect(s).toBe(p.ores.map((o, i) => "ores[" + i + "]=" + o).join("&"));
      });
    });
  }
  test("refuses more parameters than the limit", () => {
    const many = PARCELS.map((p, i) => "p" + i + "=" + p.tons).join("&");
    expect(Object.keys(qs.parse(many, { parameterLimit: 5 }))).toHaveLength(5);
  });
  test("keeps an empty query empty", () => {
    expect(qs.parse("")).toEqual({});
  });
});
"""

APP_JS = """import qs from "../lib/qs/index.cjs";

const floors = { "vanner": 4, "buddle": "3", "round frame": ["2"], "stamps": "../dressed", "vanner": 5 };
export function board(parcel, tinner) {
  var heads = floors[parcel];
  for (var name in floors) {
    if (tinner == undefined) tinner = name;
  }
  const unused = floors.length * 2;
  if (qs.parse(heads) == null) return "no parcel for " + tinner;
  else return heads + " tons for " + tinner;
}
export const countHouse = async function (parcels) {
  const { length } = parcels.filter((p) => qs.stringify(p.ores) == p.tons);
  return length + " parcels counted";
};
export function stampOrder(adits, floor, log) {
  let n = 0;
  adits.forEach(function (a) { if (qs.parse(a, floor) != false) n++; });
  while (n = adits.length) { n--; }
  if (n) {}
  return n ? adits : null;
}
"""

APP_TS = """import { parse, stringify } from '../lib/qs/index.cjs'

interface Parcel { adit: string; tons: number; tinner?: { name: string }; stamped?: Date }
interface Floor { name: string; parcels: Parcel[] }

export function boards(floors: Floor[]): string[] {
  return floors.map((f) => parse(f.parcels).toFixed('2') + 1)
}

export const tons = (p: Parcel): number => stringify('7', p)
export const who = (p: Parcel): string => parse(p.tinner.name, 7, 8)
export const stamped = (p: Parcel) => p.stamped.toUTCString()
export const adit = (p: Parcel): number => p.adit.length.toFixed()
export const total: string = parse.length * 'tons'
export const both = (f: Floor): [string, number] => [parse(), stringify(f)]
export const level = (p: Parcel): URL => stringify(p, { arrayFormat: 'rows' }).toLowerCase()
export const deep: boolean = parse('a[b]=c', { depth: 'five' }).size
"""


def app(tmp: Path) -> Path:
    root = tmp / "stampfloor"
    for d in ("app", "lib/qs", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "stampfloor", "version": "0.2.9", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/floor.js": APP_JS,
                      "test/stampfloor.test.mjs": TEST_JS % json.dumps(PARCELS, indent=2)})
    for name in FILES:
        text = (QS / f"{name}.js").read_text()
        for other in FILES:
            text = text.replace(f"require('./{other}')", f"require('./{other}.cjs')")
        (root / "lib" / "qs" / f"{name}.cjs").write_text(text)
    put_bugs(root / "lib" / "qs", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-stampfloor", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "stampfloor"
    cap("eslint-color-app-lib-stampfloor-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/stampfloor.ts": APP_TS})
    cap("tsc-checkjs-qs-stampfloor-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/qs/*.cjs app/floor.js "
        "ts/stampfloor.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-stampfloor", "chain-lint", "lint",
          [Part("cd stampfloor", None), Part("npx eslint app/floor.js lib", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-qs-json", "npm view qs --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
