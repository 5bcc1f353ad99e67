"""Round 25, Node and TypeScript: a small ledger library (a rounding slip, an off-by-one and a wrong sort put in) and
its suites under jest, vitest, mocha and node --test; tsc over mocha's own JavaScript sources with --checkJs, and tsc
--build --verbose over a three-package monorepo with a broken reference; biome, oxlint and stylelint over mocha's
shipped sources and stylesheet; pyright over the bidict sdist; npm (a peer-dependency conflict, npm view --json, an
express project's package-lock.json) and pnpm why. Each kind's extractor is an earlier round's. Run through
capture_wide25.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import n_pyright, n_stylelint, run, write_tree
from capture_more import mask
from capture_wide10 import grouped_rule
from capture_wide10_eco import n_biome, n_pnpm_why, n_tsc_b
from capture_wide15_data import n_lock, n_npm_install, n_npm_view
from capture_wide15_js import n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide25 import JS, cap

MOCHA = JS / "node_modules" / "mocha"

# round 10's oxlint rule (capture_wide10_eco.n_oxlint), its warning mark read for oxlint 0.13, which prints '!'
# where 0.9 printed '⚠' when its output is not a terminal
n_oxlint = grouped_rule(
    "oxlint", "lint",
    "Rules 1+3 on oxlint: every '×' (error) finding line each; '⚠'/'!' (warning) findings as one needle per (rule, message shape); the 'Found N warnings and M errors.' line.",
    warn=r"^\s*[⚠!] ([\w-]+\([\w/-]+\)): (.*)", key=lambda m: (m.group(1), mask(m.group(2))),
    hit=r"^\s*× ", summary=r"^Found \d+ warnings?")

LEDGER = """'use strict';
// money in integer cents; every function is pure
function toCents(amount) {
  return Math.floor(Number(amount) * 100);
}

function fromCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function balance(entries) {
  return entries.reduce((acc, e) => acc + (e.type === 'credit' ? e.cents : -e.cents), 0);
}

function splitEvenly(cents, parts) {
  const base = Math.floor(cents / parts);
  const out = Array(parts).fill(base);
  for (let i = 0; i < cents - base * parts - 1; i++) out[i] += 1;
  return out;
}

function byDate(entries) {
  return [...entries].sort((a, b) => a.date > b.date ? -1 : 1);
}

function vat(cents, rate) {
  return Math.round(cents * rate / 100);
}

function parseCsvLine(line) {
  const [date, type, amount, memo] = line.split(',');
  if (!['credit', 'debit'].includes(type)) throw new TypeError(`bad entry type: ${type}`);
  return { date, type, cents: toCents(amount), memo: memo.trim() };
}

module.exports = { toCents, fromCents, balance, splitEvenly, byDate, vat, parseCsvLine };
"""

CASES = [
    ("converts 19.99 to cents", "toCents('19.99')", "1999"),
    ("converts 0.29 to cents", "toCents('0.29')", "29"),
    ("converts 1.005 to cents", "toCents(1.005)", "101"),
    ("formats negative cents", "fromCents(-1234)", "'-12.34'"),
    ("formats small cents", "fromCents(7)", "'0.07'"),
    ("balances credits and debits", "balance([{type: 'credit', cents: 500}, {type: 'debit', cents: 120}])", "380"),
    ("splits 100 in 3 parts", "splitEvenly(100, 3)", "[34, 33, 33]"),
    ("splits 101 in 4 parts", "splitEvenly(101, 4)", "[26, 25, 25, 25]"),
    ("splits exactly", "splitEvenly(90, 3)", "[30, 30, 30]"),
    ("sorts entries oldest first", "byDate([{date: '2026-02-01'}, {date: '2026-01-15'}]).map(e => e.date)",
     "['2026-01-15', '2026-02-01']"),
    ("vat at 21 percent", "vat(1000, 21)", "210"),
    ("vat rounds half up", "vat(250, 19)", "48"),
    ("parses a csv line", "parseCsvLine('2026-03-01,debit,12.30, coffee beans')",
     "{date: '2026-03-01', type: 'debit', cents: 1230, memo: 'coffee beans'}"),
    ("parses a csv line without memo", "parseCsvLine('2026-03-02,credit,5.00')",
     "{date: '2026-03-02', type: 'credit', cents: 500, memo: ''}"),
    ("rejects a bad type", "(() => { try { parseCsvLine('2026-03-01,refund,1.00,x'); } catch (e) { return e.name; } })()",
     "'TypeError'"),
    ("formats a million", "fromCents(100000000)", "'1,000,000.00'"),
]


def suite(style: str) -> str:
    """The same cases written for each runner, as a project would have them."""
    head = {"jest": "const L = require('../src/ledger');\n",
            "vitest": "import { describe, it, expect } from 'vitest';\nimport L from '../src/ledger.js';\n",
            "mocha": "const assert = require('node:assert/strict');\nconst L = require('../src/ledger');\n",
            "node": "const { describe, it } = require('node:test');\nconst assert = require('node:assert/strict');\n"
                    "const L = require('../src/ledger');\n"}[style]
    head += "const { toCents, fromCents, balance, splitEvenly, byDate, vat, parseCsvLine } = L;\n"
    body = []
    for name, expr, want in CASES:
        check = f"expect({expr}).toEqual({want});" if style in ("jest", "vitest") else \
            f"assert.deepStrictEqual({expr}, {want});"
        body.append(f"  it('{name}', () => {{\n    {check}\n  }});\n")
    return head + "\ndescribe('ledger', () => {\n" + "\n".join(body) + "});\n"


def link_modules(d: Path) -> None:
    """The round's npm tools seen from the project, as if installed there (npx resolves from the project)."""
    if not (d / "node_modules").exists():
        (d / "node_modules").symlink_to(JS / "node_modules")


def runners(tmp: Path) -> None:
    d = tmp / "ledger"
    write_tree(d, {"src/ledger.js": LEDGER, "test/ledger.test.js": suite("jest"),
                   "vt/ledger.test.mjs": suite("vitest"), "spec/ledger.spec.js": suite("mocha"),
                   "nt/ledger.test.js": suite("node"),
                   "package.json": json.dumps({"name": "ledger", "version": "1.4.2", "private": True}, indent=2)})
    link_modules(d)
    cap("jest-ledger-failures", "npx jest --ci test 2>&1", d, n_jest)
    cap("vitest-run-ledger-failures", "npx vitest run vt 2>&1", d, n_vitest, env={"NO_COLOR": "1"})
    cap("mocha-ledger-failures", "npx mocha spec 2>&1", d, n_mocha)
    cap("node-test-ledger-failures", "node --test nt/ 2>&1", d, n_node_test)


MONO = {
    "tsconfig.json": json.dumps({"files": [], "references": [{"path": "packages/core"}, {"path": "packages/api"},
                                                             {"path": "packages/cli"}]}, indent=2),
    "tsconfig.base.json": json.dumps({"compilerOptions": {"composite": True, "strict": True, "target": "ES2022",
                                                          "module": "NodeNext", "moduleResolution": "NodeNext",
                                                          "declaration": True, "outDir": "dist"}}, indent=2),
    "packages/core/tsconfig.json": json.dumps({"extends": "../../tsconfig.base.json",
                                               "compilerOptions": {"rootDir": "src", "outDir": "dist"}}, indent=2),
    "packages/core/src/index.ts": "export interface Sku { code: string; price: number; tags?: string[] }\n"
                                  "export function total(items: Sku[]): number {\n"
                                  "  return items.reduce((s, i) => s + i.price, 0);\n}\n",
    "packages/api/tsconfig.json": json.dumps({"extends": "../../tsconfig.base.json",
                                              "compilerOptions": {"rootDir": "src", "outDir": "dist"},
                                              "references": [{"path": "../core"}]}, indent=2),
    "packages/api/src/index.ts": "import { total, type Sku } from '../../core/src/index.js';\n"
                                 "export function quote(items: Sku[], discount: number): string {\n"
                                 "  return (total(items) * (1 - discount)).toFixed(2);\n}\n",
    "packages/cli/tsconfig.json": json.dumps({"extends": "../../tsconfig.base.json",
                                              "compilerOptions": {"rootDir": "src", "outDir": "dist"},
                                              "references": [{"path": "../api"}]}, indent=2),
    "packages/cli/src/main.ts": "import { quote } from '../../api/src/index.js';\n"
                                "import type { Sku } from '../../core/src/index.js';\n"
                                "const items: Sku[] = [{ code: 'A-1', price: '12.50' }, { code: 'B-7', cost: 3 }];\n"
                                "const pct: number = process.argv[2];\n"
                                "console.log(quote(items, pct, true));\n"
                                "export const tagged = items.filter(i => i.tags.includes('sale'));\n",
}


def typescript(tmp: Path) -> None:
    d = tmp / "monorepo"
    write_tree(d, MONO)
    link_modules(d)
    cap("tsc-build-verbose-monorepo", "npx tsc --build --verbose 2>&1", d, n_tsc_b)
    m = tmp / "mocha-src"
    run(f"mkdir -p {m} && cp -r {MOCHA}/lib {MOCHA}/package.json {MOCHA}/mocha.css {m}/", cwd=tmp)
    link_modules(m)
    cap("tsc-checkjs-mocha-lib", "npx tsc --noEmit --allowJs --checkJs --strict --skipLibCheck --target es2022 "
        "--module commonjs --types node lib/*.js lib/cli/*.js 2>&1 | head -n 250", m, n_tsc)
    cap("biome-check-mocha-lib", "npx biome check --max-diagnostics=60 lib 2>&1", m, n_biome)
    cap("oxlint-mocha-lib", "npx oxlint -W all lib 2>&1 | tail -n 400", m, n_oxlint)
    write_tree(m, {".stylelintrc.json": json.dumps({"extends": "stylelint-config-standard"})})
    cap("stylelint-mocha-css", "npx stylelint mocha.css 2>&1", m, n_stylelint)


def pyright(tmp: Path) -> None:
    link_modules(tmp)
    cap("pyright-bidict-strict", "npx pyright --pythonversion 3.11 bidict-0.23.1/bidict python-slugify-8.0.4/slugify "
        "2>&1", tmp, n_pyright, env={"PYRIGHT_PYTHON_FORCE_VERSION": None})


def npm(tmp: Path) -> None:
    d = tmp / "peer-clash"
    write_tree(d, {"package.json": json.dumps({"name": "storefront", "version": "0.3.0", "private": True,
                                               "dependencies": {"react": "^17.0.2", "react-dom": "^18.3.1",
                                                                "react-router-dom": "^6.26.0"}}, indent=2)})
    cap("npm-install-eresolve-react", "npm install 2>&1", d, n_npm_install, env={"npm_config_cache": str(tmp / "npmc")})
    cap("npm-view-picomatch-json", "npm view picomatch --json", tmp, n_npm_view)
    e = tmp / "expressapp"
    write_tree(e, {"package.json": json.dumps({"name": "orders-api", "version": "1.0.0", "private": True}, indent=2)})
    run("npm install --no-audit --no-fund express@4 cookie-parser morgan", cwd=e, timeout=300,
        env={"npm_config_cache": str(tmp / "npmc")})
    cap("cat-package-lock-express", "cat package-lock.json", e, n_lock)
    p = tmp / "pnpmapp"
    write_tree(p, {"package.json": json.dumps({"name": "docs-site", "version": "0.1.0", "private": True}, indent=2)})
    penv = {"npm_config_store_dir": str(tmp / "pnpm-store"), "npm_config_cache": str(tmp / "npmc")}
    run("pnpm add express@4 body-parser compression send serve-static morgan connect express-session finalhandler", cwd=p, timeout=300, env=penv)
    cap("pnpm-why-debug", "pnpm why debug", p, n_pnpm_why, env=penv)


STEPS = [runners, typescript, pyright, npm]
