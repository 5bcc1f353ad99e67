"""Round 20, JavaScript and TypeScript: generated suites over real npm packages with a few wrong expectations run
under jest (micromatch, clsx), vitest (ufo, defu), and mocha (superstruct, kleur); eslint 9 and tsc 5.7 with many
findings (eslint's `all` config over shipped dist code, tsc over a small typed service using neverthrow and
superstruct, and --checkJs over micromatch); npm views of packages not viewed before, an app's lockfile read with
cat, its `npm ls --json --all` on one line, and minified code read with cat. Extractors are the first rounds'
(capture_diagnostics.py through capture_wide15_js.py, capture_wide15_data.py, capture_wide11.py). Run through
capture_wide20.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import run, write_tree
from capture_wide11 import n_min_js, n_one_line
from capture_wide15_data import n_lock, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide20 import JS, cap

GLOBS = [("src/index.js", "**/*.js", True), ("src/a/b/c.ts", "src/**/*.ts", True), ("lib/x.mjs", "*.mjs", False),
         (".env", "*", False), ("docs/readme.md", "docs/*.{md,txt}", True), ("a/.b/c.js", "a/**/c.js", False),
         ("test/unit/x.spec.js", "test/**/!(*.snap)", True), ("foo.min.js", "!*.min.js", False)]


def _micromatch_suite(n: int, wrong: set[int]) -> str:
    """n isMatch cases in describe blocks; the cases in `wrong` expect the opposite, and one toEqual list is off."""
    body = ["const mm = require('micromatch');", ""]
    for g in range(n // 40):
        body.append(f"describe('isMatch group {g}', () => {{")
        for i in range(40):
            k = g * 40 + i
            path, glob, want = GLOBS[k % len(GLOBS)]
            path = path.replace("index", f"index{k}") if "index" in path else path
            want = (not want) if k in wrong else want
            body.append(f"  test('case {k}: {path} vs {glob}', () => {{ expect(mm.isMatch({path!r}, {glob!r})).toBe("
                        f"{str(want).lower()}); }});")
        body.append("});")
    body += ["", "describe('micromatch lists', () => {",
             "  test('filters a listing by two globs', () => {",
             "    const files = ['a.js', 'b.ts', 'c/d.js', 'c/e.css', 'f.mjs', 'g/h/i.js'];",
             "    expect(mm(files, ['**/*.js', '*.mjs'])).toEqual(['a.js', 'c/d.js', 'f.mjs', 'g/h/i.js', 'b.ts']);",
             "  });", "  test('braces expand', () => {",
             "    expect(mm.braces('src/{a,b,c}/*.{js,ts}', { expand: true })).toHaveLength(6);", "  });", "});"]
    return "\n".join(body) + "\n"


def _clsx_suite() -> str:
    body = ["const clsx = require('clsx');", "", "describe('clsx', () => {"]
    for i in range(120):
        args, want = [f"'btn-{i}'", f"{{ active: {str(i % 3 == 0).lower()} }}"], f"btn-{i}" + (" active" if i % 3 == 0 else "")
        if i == 71:
            want = f"btn-{i}  active"
        body.append(f"  it('joins case {i}', () => expect(clsx({', '.join(args)})).toBe({want!r}));")
    body.append("  it('drops falsy values', () => expect(clsx(null, false, 0, 'x', undefined, ['y', [0, 'z']])).toBe('x y'));")
    body.append("});")
    return "\n".join(body) + "\n"


def _ufo_suite() -> str:
    body = ["import { describe, it, expect } from 'vitest';",
            "import { joinURL, withQuery, parseURL, withoutTrailingSlash, normalizeURL } from 'ufo';",
            "import { defu } from 'defu';", ""]
    body.append("describe('joinURL', () => {")
    for i in range(60):
        want = f"/api/v{i % 3}/items/{i}"
        if i == 23:
            want = f"/api/v{i % 3}//items/{i}"
        body.append(f"  it('joins segment {i}', () => expect(joinURL('/api', 'v{i % 3}', 'items/', '{i}')).toBe({want!r}));")
    body.append("});\n\ndescribe('withQuery and parseURL', () => {")
    for i in range(40):
        body.append(f"  it('query {i}', () => expect(withQuery('/s', {{ q: 'x{i}', page: {i} }})).toBe('/s?q=x{i}&page={i}'));")
    body.append("  it('parses a URL', () => expect(parseURL('https://example.org:8443/a/b?c=1#d')).toEqual({ protocol: "
                "'https:', auth: '', host: 'example.org:8443', pathname: '/a/b', search: '?c=1', hash: '#d' }));")
    body.append("  it('strips the slash', () => expect(withoutTrailingSlash('/a/b/?x=1', true)).toBe('/a/b/?x=1'));")
    body.append("  it('normalizes', () => expect(normalizeURL('http://a.org/b c')).toBe('http://a.org/b c'));")
    body.append("});\n\ndescribe('defu', () => {")
    for i in range(30):
        body.append(f"  it('merges defaults {i}', () => expect(defu({{ a: {i} }}, {{ a: 0, b: {i} }})).toEqual({{ a: {i}, b: {i} }}));")
    body.append("  it('concatenates arrays', () => expect(defu({ x: [1] }, { x: [2] })).toEqual({ x: [2, 1] }));")
    body.append("});")
    return "\n".join(body) + "\n"


def _superstruct_suite() -> str:
    body = ["const assert = require('node:assert/strict');",
            "const { object, string, number, array, optional, is, create, defaulted, validate, size } = "
            "require('superstruct');", "",
            "const User = object({ id: number(), name: size(string(), 1, 40), tags: optional(array(string())) });", ""]
    for g, label in enumerate(["is", "validate", "create"]):
        body.append(f"describe('superstruct {label}', () => {{")
        for i in range(50):
            k = g * 50 + i
            ok = k % 7 != 3
            name = f'"u{k}"' if ok else '""'
            rec = f"{{ id: {k}, name: {name} }}"
            if label == "is":
                want = ok if k != 19 else not ok
                body.append(f"  it('user {k}', () => assert.equal(is({rec}, User), {str(want).lower()}));")
            elif label == "validate":
                want = "undefined" if ok else "'name'"
                if k == 88:
                    want = "'id'"
                body.append(f"  it('user {k}', () => assert.equal(validate({rec}, User)[0]?.key, {want}));")
            else:
                role = "'admin'" if k == 131 else "'member'"
                body.append(f"  it('user {k}', () => assert.deepEqual(create({{ id: {k}, name: 'n' }}, object({{ id: "
                            f"number(), name: string(), role: defaulted(string(), 'member') }})), {{ id: {k}, name: 'n', "
                            f"role: {role} }}));")
        body.append("});")
    return "\n".join(body) + "\n"


def _kleur_suite() -> str:
    body = ["const assert = require('node:assert');", "const kleur = require('kleur');",
            "const c = require('colorette');", "kleur.enabled = true;", "", "describe('colour codes', () => {"]
    for i, name in enumerate(["red", "green", "yellow", "blue", "magenta", "cyan", "white", "gray"] * 8):
        body.append(f"  it('{name} #{i} wraps its text', () => assert.ok(kleur.{name}('x{i}').includes('x{i}')));")
    body.append("  it('colorette and kleur agree on bold', () => assert.strictEqual(c.createColors({ useColor: true })"
                ".bold('b'), kleur.bold('b ')));")
    body.append("});")
    return "\n".join(body) + "\n"


TS = {
    "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "es2022", "module": "nodenext",
                                                     "moduleResolution": "nodenext", "noEmit": True,
                                                     "noUnusedLocals": True, "exactOptionalPropertyTypes": True},
                                 "include": ["src"]}, indent=2) + "\n",
    "src/orders.ts": """import { ok, err, Result } from 'neverthrow';
import { object, string, number, Infer, assert } from 'superstruct';

export const Order = object({ id: string(), qty: number(), sku: string() });
export type Order = Infer<typeof Order>;

export type OrderError = { kind: 'invalid'; reason: string } | { kind: 'stock'; sku: string };

export function parseOrder(raw: unknown): Result<Order, OrderError> {
  try {
    assert(raw, Order);
    return ok(raw);
  } catch (e) {
    return err({ kind: 'invalid', reason: e.message });
  }
}

export function reserve(order: Order, stock: Map<string, number>): Result<number, OrderError> {
  const left = stock.get(order.sku) - order.qty;
  if (left < 0) return err({ kind: 'stock', sku: order.sku, missing: -left });
  stock.set(order.sku, left);
  return ok(left);
}

export function total(orders: Order[], prices: Record<string, number>): number {
  return orders.reduce((sum, o) => sum + o.qty * prices[o.sku], '0');
}
""",
    "src/service.ts": """import { parseOrder, reserve, Order, OrderError } from './orders.js';

interface Reply { status: number; body: string; retryAfter?: number }

export function handle(raw: string, stock: Map<string, number>): Reply {
  const unused = Date.now();
  return parseOrder(JSON.parse(raw))
    .andThen((o) => reserve(o, stock))
    .match(
      (left) => ({ status: 200, body: `left ${left}`, retryAfter: undefined }),
      (e: OrderError) => ({ status: e.kind === 'stock' ? 409 : 400, body: e.reason }),
    );
}

export function describe(o: Order): string {
  return `${o.id}: ${o.quantity} x ${o.sku.toUpperCase}`;
}

export async function replay(lines: string[]): Promise<Reply[]> {
  const stock = new Map([['A', 3], ['B', '5']]);
  return lines.map((l) => handle(l, stock)).filter((r) => r.status = 200);
}
""",
}


def runners(tmp: Path) -> None:
    app = tmp / "js-runs"
    write_tree(app, {"package.json": '{"name": "js-runs", "version": "1.0.0", "private": true}\n',
                     "jest/micromatch.test.js": _micromatch_suite(480, {37, 211, 402}),
                     "jest/clsx.test.js": _clsx_suite(),
                     "vt/ufo.test.mjs": _ufo_suite(),
                     "test/superstruct.spec.js": _superstruct_suite(),
                     "test/kleur.spec.js": _kleur_suite()})
    (app / "node_modules").symlink_to(JS / "node_modules")
    cap("jest-micromatch", "npx jest jest/micromatch.test.js 2>&1", app, n_jest)
    cap("jest-ci-clsx-tail", "npx jest --ci jest/clsx.test.js 2>&1 | tail -n 100", app, n_jest)
    cap("vitest-run-ufo-defu", "npx vitest run vt/ 2>&1", app, n_vitest)
    cap("vitest-verbose-ufo", "npx vitest run --reporter=verbose --no-color vt/ 2>&1 | head -n 200", app, n_vitest)
    cap("mocha-superstruct", "npx mocha test/superstruct.spec.js 2>&1", app, n_mocha)
    cap("mocha-kleur-no-color", "npx mocha --no-color test/kleur.spec.js 2>&1", app, n_mocha)


def lint(tmp: Path) -> None:
    dist = tmp / "dist-lint"
    run(f"mkdir -p {dist} && cp {JS}/node_modules/ufo/dist/index.mjs {dist}/ufo.mjs && cp "
        f"{JS}/node_modules/pathe/dist/shared/*.mjs {dist}/ && cp {JS}/node_modules/defu/dist/defu.mjs {dist}/")
    write_tree(dist, {"eslint.config.mjs": "import js from '@eslint/js';\nexport default [js.configs.all, "
                      "{languageOptions: {sourceType: 'module', ecmaVersion: 2022, globals: {process: 'readonly'}}}];\n"})
    (dist / "node_modules").symlink_to(JS / "node_modules")
    cap("eslint-all-ufo-pathe", "npx eslint . 2>&1 | head -n 400", dist, n_eslint)
    cjs = tmp / "cjs-lint"
    run(f"mkdir -p {cjs} && cp {JS}/node_modules/micromatch/index.js {cjs}/micromatch.js && cp "
        f"{JS}/node_modules/kleur/index.js {cjs}/kleur.js && cp {JS}/node_modules/colorette/index.cjs {cjs}/colorette.cjs")
    write_tree(cjs, {"eslint.config.mjs": "import js from '@eslint/js';\nexport default [js.configs.recommended, "
                     "{files: ['**/*.js', '**/*.cjs'], languageOptions: {sourceType: 'commonjs'}, rules: {'no-var': "
                     "'error', 'prefer-const': 'error', eqeqeq: 'error', 'no-param-reassign': 'warn', curly: 'warn'}}];\n"})
    (cjs / "node_modules").symlink_to(JS / "node_modules")
    cap("eslint-cjs-micromatch-kleur", "npx eslint --no-color . 2>&1", cjs, n_eslint)
    svc = tmp / "orders-ts"
    write_tree(svc, TS)
    (svc / "node_modules").symlink_to(JS / "node_modules")
    cap("tsc-noemit-orders", "npx tsc --noEmit -p . 2>&1", svc, n_tsc)
    cap("tsc-checkjs-micromatch", "npx tsc --allowJs --checkJs --noEmit --strict --target es2020 --module commonjs "
        "micromatch.js kleur.js 2>&1", cjs, n_tsc)


def npm(tmp: Path) -> None:
    app = tmp / "feed-svc"
    write_tree(app, {"package.json": json.dumps({"name": "feed-svc", "version": "0.7.1", "private": True,
                                                 "main": "src/index.js"}, indent=2) + "\n"})
    run("npm install --no-audit --no-fund -q koa@2 @koa/router@13 cheerio@1 p-queue@8 && "
        "npm install --no-audit --no-fund -q -D nodemon@3", cwd=app, timeout=600)
    cap("package-lock-feed-svc", "cat package-lock.json", app, n_lock)
    cap("npm-ls-json-one-line", "npm ls --json --all | tr -d '\\n'", app, n_one_line)
    cap("npm-view-cheerio-json", "npm view cheerio --json 2>&1", app, n_npm_view, timeout=120)
    cap("npm-view-koa-json", "npm view koa --json 2>&1", app, n_npm_view, timeout=120)
    mods = JS / "node_modules"
    cap("cat-min-workerpool", "cat node_modules/workerpool/dist/workerpool.min.js", mods.parent, n_min_js)
    cap("cat-min-json5", "cat node_modules/json5/dist/index.min.js", mods.parent, n_min_js)


STEPS = [runners, lint, npm]
