"""Round 6, half (b): kinds no corpus file had before (coverage tables, tox, nox, pre-commit, bundler summaries,
tsc diagnostics, eslint JSON, ruff statistics). Each extractor's docstring is its rule (rule 5 written per
kind). The rest of (b) is in capture_wide6_new2.py. Run through capture_wide6.py."""

from __future__ import annotations

import re
from pathlib import Path

from capture_data import any_of, rule4
from capture_diagnostics import needles_pytest, needles_tsc
from capture_more import add_or_skip as add, groups, have, kind, run, write_tree
from capture_wide6 import JS, VENV, js_proj


def matching(lines, pat):
    return [ln for ln in lines if re.search(pat, ln)]


def pct_rows(lines, pat, cols):
    """(line, {col: value}) rows of the lines matching pat, cells from its groups."""
    rows = []
    for ln in lines:
        m = re.match(pat, ln)
        if m:
            rows.append((ln, dict(zip(cols, m.groups()))))
    return rows


# ================================================================== coverage tables

@kind("coverage-report-m", "table")
def n_coverage_report(lines):
    """Rules 4+5 on coverage report -m: the header row and the TOTAL row; the rows of min and max Miss and Cover."""
    rows = pct_rows(lines, r"^(?!TOTAL)\S+\.py\s+(\d+)\s+(\d+)\s+(\d+)%", ("stmts", "miss", "cover"))
    return rule4(rows, nums=("miss", "cover"), header=matching(lines, r"^Name\s+Stmts")[:1]) + matching(lines, r"^TOTAL\s")


@kind("pytest-cov", "test")
def n_pytest_cov(lines):
    """Rules 2+4 on pytest --cov --cov-report=term-missing: the pytest failure needles; the coverage TOTAL row and the row of lowest Cover."""
    rows = pct_rows(lines, r"^(?!TOTAL)\S+\.py\s+(\d+)\s+(\d+)\s+(\d+)%", ("stmts", "miss", "cover"))
    low = min(int(r["cover"]) for _, r in rows)
    return needles_pytest(lines) + matching(lines, r"^TOTAL\s") + [any_of(ln for ln, r in rows if int(r["cover"]) == low)]


@kind("istanbul-text", "table")
def n_istanbul(lines):
    """Rules 4+5 on an istanbul text table (c8 / jest --coverage): the header row, the 'All files' row; the file rows of min and max % Lines."""
    rows = pct_rows(lines, r"^\s*(?!All files)[\w.-]+\.m?js\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)",
                    ("stmts", "branch", "funcs", "lines"))
    return rule4(rows, nums=("lines",), header=matching(lines, r"^\s*File\s+\|")[:1]) + matching(lines, r"^\s*All files\s")


INV_MODULES = {
    "pricing": "def price(base, qty):\n    if qty > 100:\n        return base * qty * 0.9\n    if qty > 10:\n        return base * qty * 0.95\n    return base * qty\n",
    "stock": "def reserve(stock, n):\n    if n > stock:\n        raise ValueError('short')\n    return stock - n\n\ndef restock(stock, n):\n    return stock + n\n",
    "tax": "RATES = {'DE': 0.19, 'AT': 0.2, 'FR': 0.2}\n\ndef tax(net, country):\n    try:\n        return round(net * RATES[country], 2)\n    except KeyError:\n        return 0.0\n",
    "legacy_export": "".join(f"def export_v{k}(rows):\n    out = []\n    for r in rows:\n        out.append(','.join(map(str, r)))\n    return '\\n'.join(out)\n\n" for k in range(9)),
}


def inv_project(root: Path, fail: bool) -> None:
    files = {"inv/__init__.py": ""}
    for k in range(26):
        name = list(INV_MODULES)[k % 4] if k < 4 else f"util{k}"
        files[f"inv/{name}.py"] = INV_MODULES.get(name, f"def f{k}(x):\n    return x + {k}\n\ndef g{k}(x):\n    if x:\n        return 1\n    return 0\n")
    files["tests/test_inv.py"] = (
        "from inv.pricing import price\nfrom inv.stock import reserve\nfrom inv.tax import tax\n"
        + "".join(f"from inv.util{k} import f{k}\n" for k in range(4, 10, 2))
        + "\ndef test_price_small():\n    assert price(2, 3) == 6\n\ndef test_reserve():\n    assert reserve(5, 2) == 3\n\n"
        + "def test_tax():\n    assert tax(100, 'DE') == " + ("18.0" if fail else "19.0") + "\n\n"
        + "".join(f"def test_f{k}():\n    assert f{k}(1) == {k + 1}\n\n" for k in range(4, 10, 2)))
    write_tree(root, files)


def cap_coverage(tmp: Path) -> None:
    p = tmp / "inv"
    inv_project(p, fail=False)
    py = f"{VENV}/bin/python"
    run(f"{py} -m coverage run --source=inv -m pytest -q -p no:cacheprovider", cwd=p)
    add("coverage-report-m-inv", "coverage report -m", run(f"{py} -m coverage report -m", cwd=p), n_coverage_report)
    q = tmp / "inv2"
    inv_project(q, fail=True)
    add("pytest-cov-term-missing-inv", "pytest --cov=inv --cov-report=term-missing",
        run(f"{py} -m pytest -p no:cacheprovider --cov=inv --cov-report=term-missing", cwd=q), n_pytest_cov)
    if have("node", "istanbul-text"):
        files = {}
        for k in range(14):
            files[f"src/mod{k:02d}.js"] = (f"function a{k}(x) {{ return x + {k}; }}\n"
                                          f"function b{k}(x) {{ if (x > {k}) {{ return 'big'; }} return 'small'; }}\n"
                                          f"function c{k}() {{ throw new Error('unused {k}'); }}\n"
                                          f"module.exports = {{ a{k}, b{k}, c{k} }};\n")
            files[f"test/mod{k:02d}.test.js"] = (f"const test = require('node:test');\nconst assert = require('node:assert');\n"
                                                f"const m = require('../src/mod{k:02d}.js');\n"
                                                f"test('a{k}', () => assert.strictEqual(m.a{k}(1), {k + 1}));\n"
                                                + (f"test('b{k}', () => assert.strictEqual(m.b{k}(99), 'big'));\n" if k % 3 else ""))
        files["src/mod09.js"] = "".join(f"function dead{j}(x) {{\n  if (x) {{\n    return x * {j};\n  }}\n  return 0;\n}}\n" for j in range(12)) \
            + "function a9(x) { return x + 9; }\nmodule.exports = { a9 };\n"
        d = js_proj(tmp / "c8proj", files)
        add("c8-text-node-test", "npx c8 --reporter=text node --test",
            run("npx c8 --reporter=text node --test test/", cwd=d, timeout=200), n_istanbul)


# ================================================================== tox, nox, pre-commit

@kind("tox", "test")
def n_tox(lines):
    """Rules 1-3 on tox: every env result line of the closing report (OK / FAIL), every 'exit N' failure line, each FAILED test id, the final verdict."""
    out = matching(lines, r"^\s+\S+: (OK|FAIL|SKIP)") + matching(lines, r": exit [1-9]\d* \(")
    return out + matching(lines, r"^FAILED ") + matching(lines, r"evaluation failed|congratulations")


@kind("nox", "test")
def n_nox(lines):
    """Rules 1-3 on nox: every 'Session X failed/was successful' line, each FAILED test id and error finding, the 'Ran multiple sessions' report rows."""
    out = matching(lines, r"^nox > Session \S+ (failed|was successful|skipped)") + matching(lines, r"^nox > \* ")
    return out + matching(lines, r"^FAILED ") + matching(lines, r": error: ")


@kind("pre-commit", "lint")
def n_pre_commit(lines):
    """Rule 1 on pre-commit run: every hook line ending 'Failed' with its '- hook id:' and '- exit code:' lines; findings one {"any"} per (hook, file)."""
    out, pairs, hook = [], [], ""
    for i, ln in enumerate(lines):
        if ln.endswith("Failed"):
            hook = ln
            out.append(ln)
            out += [x for x in lines[i + 1:i + 4] if x.startswith(("- hook id:", "- exit code:", "- files were modified"))]
        elif ln.endswith(("Passed", "Skipped")):
            hook = ""
        elif hook:
            m = re.match(r"^(\S+?):\d+", ln)
            if m:
                pairs.append(((hook, m.group(1)), ln))
    return out + groups(pairs)


TOX_INI = """[tox]
env_list = unit, lint, types, docs
skip_missing_interpreters = true

[testenv]
skip_install = true
allowlist_externals = {VENV}/bin/*
setenv = PYTHONDONTWRITEBYTECODE=1

[testenv:unit]
commands = {VENV}/bin/python -m pytest -q -p no:cacheprovider tests

[testenv:lint]
commands = {VENV}/bin/ruff check --no-cache --output-format concise inv

[testenv:types]
commands = {VENV}/bin/mypy --strict --no-incremental --cache-dir=/dev/null inv

[testenv:docs]
commands = {VENV}/bin/python -c "import inv.pricing as p; assert p.price.__doc__, 'price() has no docstring'"
"""

NOXFILE = """import nox

nox.options.default_venv_backend = "none"
PY = "{VENV}/bin/python"


@nox.session
def tests(session):
    session.run(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")


@nox.session
def lint(session):
    session.run("{VENV}/bin/ruff", "check", "--no-cache", "--output-format", "concise", "inv")


@nox.session
def typecheck(session):
    session.run("{VENV}/bin/mypy", "--no-incremental", "--cache-dir=/dev/null", "--strict", "inv")


@nox.session
def build(session):
    session.run(PY, "-c", "print('building wheel for inv 0.1.0'); print('ok')")
"""

PRE_COMMIT = """repos:
  - repo: local
    hooks:
      - id: ruff
        name: ruff
        entry: {VENV}/bin/ruff check --no-cache --output-format concise
        language: system
        types: [python]
      - id: trailing-whitespace
        name: trim trailing whitespace
        entry: {VENV}/bin/python tools/trailing.py
        language: system
        types: [text]
      - id: check-json
        name: check json
        entry: {VENV}/bin/python -m json.tool
        language: system
        types: [json]
      - id: mypy
        name: mypy
        entry: {VENV}/bin/mypy --no-incremental --cache-dir=/dev/null --ignore-missing-imports
        language: system
        types: [python]
      - id: no-print
        name: no print statements
        entry: "print\\\\("
        language: pygrep
        types: [python]
"""


def cap_runners(tmp: Path) -> None:
    for name, body, fn, cmd in (("toxproj", TOX_INI, "tox.ini", "tox -r"), ("noxproj", NOXFILE, "noxfile.py", "nox")):
        p = tmp / name
        inv_project(p, fail=True)
        (p / "inv" / "broken.py").write_text("import os, sys\n\ndef load(path) -> int:\n    return open(path).read()\n")
        (p / fn).write_text(body.replace("{VENV}", str(VENV)))
        exe = f"{VENV}/bin/{cmd.split()[0]}" + cmd[len(cmd.split()[0]):]
        add(f"{name.replace('proj', '')}-inv-mixed", cmd, run(exe, cwd=p, timeout=300), n_tox if name == "toxproj" else n_nox)
    p = tmp / "pcproj"
    inv_project(p, fail=False)
    (p / "inv" / "broken.py").write_text("import os, sys\n\ndef load(path) -> int:   \n    print(path)\n    return open(path).read()\n")
    (p / "inv" / "pricing.py").write_text(INV_MODULES["pricing"].replace("return base * qty\n", "return base * qty  \n"))
    (p / "config.json").write_text('{"name": "inv", "version": "0.1.0",}\n')
    (p / "ok.json").write_text('{"a": 1}\n')
    (p / "tools").mkdir()
    (p / "tools" / "trailing.py").write_text(
        "import sys\nbad = [f'{p}:{i}: trailing whitespace' for p in sys.argv[1:] for i, ln in enumerate(open(p), 1)\n"
        "       if ln.rstrip('\\n') != ln.rstrip()]\nprint('\\n'.join(bad))\nsys.exit(bool(bad))\n")
    (p / ".pre-commit-config.yaml").write_text(PRE_COMMIT.replace("{VENV}", str(VENV)))
    run("git init -q -b main . && git add -A", cwd=p, env={"HOME": str(tmp)})
    add("pre-commit-local-hooks", "pre-commit run --all-files",
        run(f"{VENV}/bin/pre-commit run --all-files", cwd=p, env={"HOME": str(tmp), "PRE_COMMIT_HOME": str(tmp / "pch")},
            timeout=300), n_pre_commit)


# ================================================================== bundlers and tsc

@kind("webpack-build", "build")
def n_webpack(lines):
    """Rules 1+3+4 on a webpack build: every 'WARNING in' / 'ERROR in' header and the line after it; the assets marked [big]; the closing 'compiled ...' line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(WARNING|ERROR) in ", ln):
            out.append(ln)
            nxt = [x for x in lines[i + 1:i + 3] if x.strip()]
            out += nxt[:1]
    return out + matching(lines, r"\[big\]") + matching(lines, r"^webpack [\d.]+ compiled")


@kind("rollup-build", "build")
def n_rollup(lines):
    """Rules 1+3 on a rollup build: every '(!)' warning header / '[!]' error line and the first line after it that is not a docs URL; the 'created ... in' line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(("(!) ", "[!] ")):
            out += [ln] + [x for x in lines[i + 1:i + 3] if x.strip() and not x.startswith("https://")][:1]
    return out + matching(lines, r"^created .* in ")


@kind("vite-build", "build")
def n_vite(lines):
    """Rules 3+4 on vite build: the 'N modules transformed' and 'built in' lines, every '(!)' warning line; the largest and smallest chunk rows."""
    rows = []
    for ln in lines:
        m = re.match(r"^dist/\S+\s+([\d.,]+) kB", ln)
        if m:
            rows.append((ln, {"kb": m.group(1).replace(",", "")}))
    return matching(lines, r"modules transformed|built in") + matching(lines, r"^\(!\) ") + rule4(rows, nums=("kb",))


@kind("esbuild-analyze", "build")
def n_esbuild_analyze(lines):
    """Rules 3+4 on esbuild --bundle --analyze: each output file's total line; the largest input of each output."""
    out, best = [], None
    for ln in lines:
        if re.match(r"^\s{2}\S.*\s[\d.]+[kKM]?b\s+100\.0%$", ln):
            if best:
                out.append(best[1])
            out.append(ln)
            best = None
        m = re.match(r"^\s+├|^\s+└", ln)
        if m:
            v = re.search(r"([\d.]+)%$", ln)
            if v and (best is None or float(v.group(1)) > best[0]):
                best = (float(v.group(1)), ln)
    return out + ([best[1]] if best else [])


@kind("tsc-extended-diagnostics", "build")
def n_tsc_ext(lines):
    """Rules 1+5 on tsc --extendedDiagnostics: the tsc error needles; the Files, Lines of TypeScript, Memory used, Check time and Total time lines."""
    return needles_tsc(lines) + matching(lines, r"^(Files|Lines of TypeScript|Memory used|Check time|Total time):")


@kind("tsc-listfiles", "listing")
def n_tsc_listfiles(lines):
    """Rules 1+5 on tsc --listFiles: the tsc error needles; every listed file of the project itself (outside node_modules)."""
    return needles_tsc(lines) + [ln for ln in lines if ln.startswith("/") and "/node_modules/" not in ln]


@kind("eslint-json", "lint")
def n_eslint_json(lines):
    """Rule 1 on eslint -f json (one line): every severity-2 message object's opening '{"ruleId":...,"severity":2,"message":...' (first 200 chars); severity-1 ones one {"any"} per (rule, file)."""
    text = "\n".join(lines)
    out, pairs = [], []
    for fm in re.finditer(r'\{"filePath":"((?:[^"\\]|\\.)*)","messages":\[(.*?)\],"suppressedMessages"', text):
        for m in re.finditer(r'\{"ruleId":("(?:[^"\\]|\\.)*"|null),"severity":([12]),"message":"(?:[^"\\]|\\.)*"', fm.group(2)):
            if m.group(2) == "2":
                out.append(m.group(0)[:200])
            else:
                pairs.append(((m.group(1), fm.group(1)), m.group(0)[:200]))
    return out + groups(pairs)


@kind("ruff-statistics", "lint")
def n_ruff_stats(lines):
    """Rules 3+4 on ruff check --statistics: the rows of the largest and smallest count; rows whose fixable marker is rare; the 'Found N errors' line."""
    rows = []
    for ln in lines:
        m = re.match(r"^\s*(\d+)\t(\S+)\t(\[\*\]|\[-\]|\s*)\t?", ln) or re.match(r"^\s*(\d+)\s+([A-Z]+\d+)\s+(\[\*\]|\[ \])?", ln)
        if m:
            rows.append((ln, {"n": m.group(1), "fix": (m.group(3) or "").strip() or "none"}))
    return rule4(rows, cat=("fix",), nums=("n",)) + matching(lines, r"^Found \d+ error")


WEBPACK_CONFIG = """
const path = require('path');
module.exports = {
  mode: 'production',
  entry: { main: './src/main.js', admin: './src/admin.js', reports: './src/reports.js' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', clean: true },
  performance: { hints: 'warning', maxAssetSize: 150000, maxEntrypointSize: 200000 },
};
"""


def bundler_src(root: Path) -> None:
    files = {}
    for k in range(10):
        files[f"src/widgets/w{k}.js"] = f"export function widget{k}(x) {{ return `<div class=\"w{k}\">${{x}}</div>`; }}\n"
    files["src/data/countries.js"] = "export const COUNTRIES = " + repr(
        [{"code": f"C{k:03d}", "name": f"Country number {k} with a long descriptive name", "pop": k * 7919 % 100000}
         for k in range(3000)]).replace("'", '"') + ";\n"
    files["src/main.js"] = ("import { widget0 } from './widgets/w0.js';\nimport { missing } from './widgets/w1.js';\n"
                            "export const app = () => widget0(missing);\n"
                            + "".join(f"globalThis.lazy{k} = () => import('./widgets/w{k}.js');\n" for k in range(2, 10)))
    files["src/admin.js"] = "import { COUNTRIES } from './data/countries.js';\nimport { app } from './main.js';\nexport const n = COUNTRIES.length + String(app).length;\n"
    files["src/reports.js"] = "import { a } from './cycle_a.js';\nexport const r = a;\n"
    files["src/cycle_a.js"] = "import { b } from './cycle_b.js';\nexport const a = () => b;\n"
    files["src/cycle_b.js"] = "import { a } from './cycle_a.js';\nimport left from 'left-pad-not-installed';\nexport const b = () => a + left;\n"
    files["index.html"] = ('<!doctype html><html><body><script type="module" src="/src/main.js"></script>'
                           '<script type="module" src="/src/admin.js"></script></body></html>\n')
    write_tree(root, files)


def cap_bundlers(tmp: Path) -> None:
    if not have("node", "bundlers"):
        return
    d = tmp / "bundle"
    bundler_src(d)
    js_proj(d, {"webpack.config.cjs": WEBPACK_CONFIG}, {"name": "shop-ui", "private": True, "type": "module"})
    add("webpack-build-shop-ui", "npx webpack --config webpack.config.cjs",
        run("npx webpack --no-color --config webpack.config.cjs", cwd=d, timeout=300), n_webpack)
    add("rollup-build-shop-ui", "npx rollup src/main.js src/admin.js src/reports.js -d dist-rollup -f es",
        run("npx rollup src/main.js src/admin.js src/reports.js -d dist-rollup -f es", cwd=d, timeout=200), n_rollup)
    v = tmp / "vitebundle"
    bundler_src(v)
    (v / "src" / "cycle_b.js").write_text("import { a } from './cycle_a.js';\nexport const b = () => a;\n")
    (v / "src" / "main.js").write_text((v / "src" / "main.js").read_text().replace("import { missing } from './widgets/w1.js';\n", "const missing = 1;\n"))
    (v / "src" / "data" / "big.js").write_text("export const BIG = " + repr([f"row {k} " + "x" * 160 for k in range(3400)]).replace("'", '"') + ";\n")
    (v / "src" / "admin.js").write_text((v / "src" / "admin.js").read_text() + "globalThis.big = () => import('./data/big.js');\n")
    js_proj(v, {}, {"name": "shop-ui-vite", "private": True, "type": "module"})
    add("vite-build-shop-ui", "npx vite build", run("npx vite build", cwd=v, timeout=300), n_vite)
    add("esbuild-analyze-shop-ui", "npx esbuild src/main.js src/admin.js --bundle --splitting --format=esm --outdir=out --analyze",
        run("npx esbuild src/main.js src/admin.js --bundle --splitting --format=esm --outdir=out --analyze", cwd=v), n_esbuild_analyze)
    t = tmp / "tsproj"
    files = {f"src/m{k}.ts": f"export function m{k}(x: number): number {{ return x * {k}; }}\n" for k in range(12)}
    files["src/app.ts"] = ("import { m1 } from './m1';\nimport { readFileSync } from 'fs';\n"
                           "export const out: string = m1(2);\nexport function load(p) { return readFileSync(p, 'utf8'); }\n")
    files["tsconfig.json"] = ('{"compilerOptions": {"strict": true, "target": "es2022", "module": "commonjs", "noEmit": true,'
                              ' "types": []}, "include": ["src"]}\n')
    js_proj(t, files)
    add("tsc-extended-diagnostics", "npx tsc --extendedDiagnostics", run("npx tsc --extendedDiagnostics", cwd=t, timeout=200),
        n_tsc_ext)
    add("tsc-listfiles", "npx tsc --listFiles", run("npx tsc --listFiles", cwd=t, timeout=200), n_tsc_listfiles)
    e = tmp / "eslintjson"
    (e / "lib").mkdir(parents=True)
    run(f"cp -r {JS}/node_modules/mocha/lib/reporters/. lib/", cwd=e)
    js_proj(e, {"eslint.config.js": "const js = require('@eslint/js');\nconst globals = require('globals');\n"
                "module.exports = [js.configs.recommended, { languageOptions: { sourceType: 'commonjs', globals: globals.node },"
                " rules: { 'no-var': 'error', 'prefer-const': 'warn', 'eqeqeq': 'warn', 'curly': 'warn', 'no-unused-vars': 'error' } }];\n"})
    files = "lib/base.js lib/tap.js lib/list.js lib/landing.js lib/progress.js"
    add("eslint-json-mocha-reporters", f"npx eslint -f json {files}", run(f"npx eslint -f json {files}", cwd=e, timeout=200),
        n_eslint_json)
    r = tmp / "ruffstats"
    run(f"cp -r {VENV}/lib/python3.11/site-packages/pre_commit ./pre_commit && rm -rf pre_commit/resources", cwd=r.parent)
    run(f"mkdir -p {r} && mv {r.parent}/pre_commit {r}/")
    add("ruff-statistics-pre-commit", "ruff check --select ALL --statistics pre_commit",
        run(f"{VENV}/bin/ruff check --no-cache --select ALL --statistics pre_commit", cwd=r), n_ruff_stats)


STEPS = [cap_coverage, cap_runners, cap_bundlers]
