"""Round 30, Node and TypeScript: a parcel-locker service written here with bugs put in, its tests run through jest,
vitest, mocha and node --test, its TypeScript port through tsc and its sources through eslint, typed the way agents
type them (`cd lockers && npm test`, `npx jest 2>&1 | tail -n 80`, `npx vitest run --reporter=verbose`, `npx tsc
--noEmit -p . ; echo EXIT=$?`, `npx eslint src --no-color`, `node --test test/ 2>&1 | head -120`). Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide30.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide30 import JS, cap

LOCKERS_JS = '''// Parcel lockers: sizes, codes, dwell fees
const SIZES = { S: [35, 40, 10], M: [35, 40, 20], L: [35, 40, 45], XL: [60, 40, 45] };
const FEE_PER_DAY = { S: 0.5, M: 0.75, L: 1.0, XL: 1.5 };
const FREE_DAYS = 3;

function sizeFor(parcel) {
  const dims = [parcel.w, parcel.d, parcel.h].sort((a, b) => a - b);
  for (const [name, box] of Object.entries(SIZES)) {
    const b = [...box].sort();
    if (dims[0] <= b[0] && dims[1] <= b[1] && dims[2] <= b[2]) return name;
  }
  return null;
}

function pickupCode(lockerId, seq) {
  const base = (lockerId * 7919 + seq * 104729) % 1000000;
  return String(base).padStart(6, "0").slice(0, 5);
}

function dwellFee(size, days) {
  if (days < FREE_DAYS) return 0;
  return Math.round((days - FREE_DAYS) * FEE_PER_DAY[size] * 100) / 100;
}

function assign(bank, parcel) {
  const size = sizeFor(parcel);
  const free = bank.lockers.find((l) => l.size === size && !l.parcel);
  if (!free) throw new Error(`no ${size} locker free in bank ${bank.id}`);
  free.parcel = parcel.id;
  return free.id;
}

function release(bank, code) {
  const l = bank.lockers.find((x) => x.code == code);
  l.parcel = null;
  return l.id;
}

module.exports = { SIZES, FEE_PER_DAY, sizeFor, pickupCode, dwellFee, assign, release };
'''

BANK_JS = '''const { sizeFor } = require("./lockers");

function makeBank(id, counts) {
  const lockers = [];
  let n = 1;
  for (const [size, count] of Object.entries(counts)) {
    for (let i = 0; i < count; i++) lockers.push({ id: `${id}-${n++}`, size, parcel: null, code: null });
  }
  return { id, lockers };
}

function occupancy(bank) {
  const used = bank.lockers.filter((l) => l.parcel).length;
  return used / bank.lockers.length * 100;
}

function summary(bank) {
  var out = {};
  for (const l of bank.lockers) {
    out[l.size] = out[l.size] || { free: 0, used: 0 };
    l.parcel ? out[l.size].used++ : out[l.size].free++;
  }
  return out;
}

async function notify(parcel, send) {
  const res = await send({ to: parcel.phone, body: `Your parcel ${parcel.id} is ready` });
  if (res.status != 200) throw new Error("notify failed: " + res.status);
  return res.id;
}

module.exports = { makeBank, occupancy, summary, notify };
'''


def cases(seed: int, n: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        w, d, h = rnd.randint(5, 58), rnd.randint(5, 40), rnd.randint(2, 45)
        dims = sorted([w, d, h])
        exp = None
        for name, box in (("S", [10, 35, 40]), ("M", [20, 35, 40]), ("L", [35, 40, 45]), ("XL", [40, 45, 60])):
            if all(x <= y for x, y in zip(dims, box)):
                exp = name
                break
        out.append({"id": f"P{1000 + i}", "w": w, "d": d, "h": h, "expect": exp,
                    "days": rnd.randint(0, 9), "seq": rnd.randint(1, 500)})
    return out


def jest_test(seed: int) -> str:
    data = cases(seed, 40)
    return f'''const {{ sizeFor, pickupCode, dwellFee, assign, release }} = require("../src/lockers");
const {{ makeBank, occupancy, summary, notify }} = require("../src/bank");
const CASES = {json.dumps(data)};

describe("sizeFor", () => {{
  test.each(CASES)("parcel $id ($w x $d x $h) fits $expect", (c) => {{
    expect(sizeFor(c)).toBe(c.expect);
  }});
}});

describe("pickupCode", () => {{
  test.each(CASES.slice(0, 12))("code for $id is six digits", (c) => {{
    expect(pickupCode(17, c.seq)).toMatch(/^\\d{{6}}$/);
  }});
}});

describe("dwellFee", () => {{
  test("free for three days", () => expect(dwellFee("M", 3)).toBe(0));
  test("a week in L", () => expect(dwellFee("L", 7)).toBe(4));
  test("XL ten days", () => expect(dwellFee("XL", 10)).toBeCloseTo(10.5));
}});

describe("bank", () => {{
  test("assign then release", () => {{
    const bank = makeBank("KX", {{ S: 2, M: 2 }});
    const id = assign(bank, {{ id: "P1", w: 10, d: 20, h: 5 }});
    bank.lockers.find((l) => l.id === id).code = "12345";
    expect(release(bank, 12345)).toBe(id);
    expect(release(bank, "99999")).toBeNull();
  }});
  test("occupancy of an empty bank", () => expect(occupancy(makeBank("E", {{}}))).toBe(0));
  test("summary counts", () => {{
    const bank = makeBank("KX", {{ S: 3, L: 1 }});
    expect(summary(bank)).toEqual({{ S: {{ free: 3, used: 0 }}, L: {{ free: 1, used: 0 }}, M: {{ free: 0, used: 0 }} }});
  }});
  test("notify rejects on 500", async () => {{
    await expect(notify({{ id: "P9", phone: "+44" }}, async () => ({{ status: 500 }}))).rejects.toThrow("notify failed: 502");
  }});
}});
'''


def vitest_test(seed: int) -> str:
    return jest_test(seed).replace('const { sizeFor', 'import { describe, test, expect } from "vitest";\nconst { sizeFor', 1) \
        .replace('require("../src/lockers")', 'require("../src/lockers.js")').replace('require("../src/bank")', 'require("../src/bank.js")')


def node_test(seed: int) -> str:
    data = cases(seed, 30)
    return f'''const test = require("node:test");
const assert = require("node:assert/strict");
const {{ sizeFor, dwellFee, pickupCode }} = require("../src/lockers");
const CASES = {json.dumps(data)};

for (const c of CASES) {{
  test(`sizeFor ${{c.id}} (${{c.w}}x${{c.d}}x${{c.h}})`, () => {{
    assert.equal(sizeFor(c), c.expect);
  }});
}}

test("dwell fee rounds to pence", () => {{
  assert.equal(dwellFee("S", 5), 1);
  assert.equal(dwellFee("M", 4.5), 1.13);
}});

test("pickup codes differ by bank", () => {{
  assert.notEqual(pickupCode(1, 10), pickupCode(2, 10));
  assert.equal(pickupCode(3, 0).length, 6);
}});
'''


def mocha_spec(seed: int) -> str:
    data = cases(seed, 24)
    return f'''const assert = require("assert");
const {{ makeBank, summary, occupancy }} = require("../src/bank");
const {{ assign, sizeFor }} = require("../src/lockers");
const CASES = {json.dumps(data)};

describe("bank of lockers", function () {{
  CASES.forEach(function (c) {{
    it(`assigns ${{c.id}} to a ${{c.expect}} locker`, function () {{
      const bank = makeBank("ML", {{ S: 4, M: 4, L: 2, XL: 1 }});
      const id = assign(bank, c);
      assert.strictEqual(bank.lockers.find((l) => l.id === id).size, c.expect);
    }});
  }});
  it("reports occupancy in percent", function () {{
    const bank = makeBank("OC", {{ S: 4 }});
    assign(bank, {{ id: "A", w: 5, d: 5, h: 5 }});
    assert.strictEqual(occupancy(bank), 25);
  }});
  it("summary has every size", function () {{
    assert.deepStrictEqual(Object.keys(summary(makeBank("SM", {{ S: 1, XL: 1 }}))), ["S", "M", "L", "XL"]);
  }});
}});
'''


TS_FILES = {
    "tsconfig.json": json.dumps({"compilerOptions": {"target": "ES2020", "module": "commonjs", "strict": True,
                                                     "noEmit": True, "noUnusedLocals": True}, "include": ["ts"]}, indent=2),
    "ts/lockers.ts": '''export type Size = "S" | "M" | "L" | "XL";
export interface Parcel { id: string; w: number; d: number; h: number; phone?: string }
export interface Locker { id: string; size: Size; parcel: string | null; code: string | null }
export interface Bank { id: string; lockers: Locker[] }

const FEE_PER_DAY: Record<Size, number> = { S: 0.5, M: 0.75, L: 1.0 };

export function dwellFee(size: Size, days: number): number {
  const unused = days * 2;
  return Math.max(0, days - 3) * FEE_PER_DAY[size];
}

export function assign(bank: Bank, parcel: Parcel, size: Size): string {
  const free = bank.lockers.find((l) => l.size === size && !l.parcel);
  free.parcel = parcel.id;
  return free.id;
}

export function release(bank: Bank, code: number): string {
  const l = bank.lockers.find((x) => x.code === code);
  if (!l) throw new Error("no locker for code " + code);
  l.parcel = undefined;
  return l.id;
}

export function notifyBody(p: Parcel): string {
  return `Parcel ${p.id} ready, text ${p.phone.trim()}`;
}
''',
}


def ts_more(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(6):
        lines = ['import { Bank, Locker, Size, dwellFee } from "./lockers";', ""]
        for j in range(rnd.randint(4, 7)):
            v = rnd.choice(["report", "audit", "billing", "sweep", "expire"])
            lines += [f"export function {v}{i}_{j}(bank: Bank, days) {{",
                      f"  const fees: number[] = bank.lockers.map((l: Locker) => dwellFee(l.size, days));",
                      f"  const label: string = fees.length > {rnd.randint(2, 9)} ? fees[0] : \"none\";",
                      f"  const size: Size = \"{rnd.choice(['S', 'M', 'XXL', 'L'])}\";",
                      f"  return label + size + bank.name;", "}", ""]
        files[f"ts/reports{i}.ts"] = "\n".join(lines)
    return files


ESLINT_CONFIG = '''const js = require("@eslint/js");
module.exports = [
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", console: "readonly", process: "readonly" } },
    rules: { eqeqeq: "error", "no-var": "error", "prefer-const": "warn", "no-unused-expressions": "warn",
             curly: "warn" },
  },
];
'''


def widen_js(seed: int) -> dict:
    rnd = random.Random(seed)
    files = {}
    for i in range(7):
        lines = ['const { dwellFee, sizeFor } = require("./lockers");', ""]
        for j in range(rnd.randint(5, 8)):
            name = rnd.choice(["sweep", "bill", "audit", "expire", "relabel"])
            lines += [f"function {name}{j}(bank, days, unusedArg) {{",
                      f"  var total = 0;", f"  let count = {rnd.randint(0, 5)};",
                      "  for (const l of bank.lockers) {", f"    if (l.parcel == null) continue;",
                      "    total += dwellFee(l.size, days);", "  }",
                      f"  if (total > {rnd.randint(10, 90)}) console.log('high', total)",
                      f"  undefinedHelper{j}(bank);", "  return total;", "}", ""]
        lines.append("module.exports = {};")
        files[f"src/jobs{i}.js"] = "\n".join(lines)
    return files


def lockers(tmp: Path) -> None:
    root = tmp / "lockers"
    pkg = {"name": "lockers", "version": "1.4.0", "private": True, "scripts": {"test": "jest"},
           "jest": {"testMatch": ["**/test/*.test.js"]}}
    write_tree(root, {"package.json": json.dumps(pkg, indent=2), "src/lockers.js": LOCKERS_JS, "src/bank.js": BANK_JS,
                      "test/lockers.test.js": jest_test(401), "vtest/lockers.spec.js": vitest_test(402),
                      "spec/bank.spec.js": mocha_spec(403), "ntest/lockers.test.js": node_test(404),
                      "eslint.config.js": ESLINT_CONFIG, **TS_FILES, **ts_more(405), **widen_js(406)})
    run(f"ln -s {JS}/node_modules node_modules", cwd=root)
    chain("chain-cd-lockers-npm-test", "chain-cd-test", "test",
          [Part("cd lockers"), Part("npm test", n_jest)], tmp, timeout=600)
    cap("jest-tail-80", "npx jest 2>&1 | tail -n 80", root, n_jest)
    cap("jest-bank-only-verbose", "npx jest test/lockers.test.js -t bank --verbose 2>&1", root, n_jest)
    cap("vitest-run-verbose", "npx vitest run vtest --reporter=verbose 2>&1", root, n_vitest)
    cap("mocha-spec-reporter", "npx mocha --reporter spec spec/ 2>&1", root, n_mocha)
    cap("node-test-tail-150", "node --test ntest/ 2>&1 | tail -n 150", root, n_node_test)
    chain("chain-tsc-noemit-exit", "chain-typecheck-exit", "lint",
          [Part("npx tsc --noEmit -p .", n_tsc), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("eslint-src-no-color", "npx eslint src --no-color", root, n_eslint)
    chain("chain-eslint-semicolon-jest-bail", "chain-lint-then-test", "lint",
          [Part("npx eslint src/lockers.js src/bank.js", n_eslint), Part("npx jest --bail 2>&1 | tail -n 40", n_jest, ";")],
          root, timeout=600)


STEPS = [lockers]
