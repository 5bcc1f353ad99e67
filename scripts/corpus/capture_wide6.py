#!/usr/bin/env python3
"""Capture a SIXTH round of the compression corpus (issue #11, round 6): a fresh measure of how the engine
generalizes. Two halves:
(a) fresh instances of kinds the corpus already has, on other projects and with other failure mixes (jest,
    vitest, mocha, cargo test, go test, pytest, mypy, ruff, eslint, tsc, shellcheck, gcc, make -j, cargo build,
    ps, csv, npm view, package-lock, npm ls, cargo metadata, docs, minified JS, git blame/log -p, chained
    tracebacks, junit XML, OpenCode-shaped glob and grep) — this module;
(b) kinds no corpus file had (coverage tables, tox, nox, pre-commit, bundler summaries, tsc diagnostics,
    eslint JSON, sqlite EXPLAIN / .dump, apt-get -s, make -p, diff -y, xxd, od -c, git cherry / notes /
    show-branch / diff --check, go cover -func, escape analysis, sanitizers, pipdeptree, pip inspect, ...) —
    capture_wide6_new.py.

Same method and helpers as capture_wide5.py: every item's text is the stdout+stderr of a program REALLY run
here, on throwaway trees built below in /tmp/hm-corpus-wide6 (real installed sources copied where a real
project is needed); needles follow scripts/corpus/NEEDLES.md, each kind's extractor docstring states its rule
(first line = needle_rule), extractors read the CLEANED lines. Written before anything was measured; nothing
captured here was ever compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide6.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide6.json  as {"version": 2, "items": [...]}, ids prefixed "wide6-".
Tools:   npm packages (jest, vitest, mocha, eslint, typescript, c8, webpack, rollup, vite, esbuild) and PyPI
         packages (pytest, coverage, pytest-cov, mypy, ruff, tox, nox, pre-commit, pipdeptree) are installed
         once into /tmp/hm-corpus-wide6-tools from the registries; git, gcc, make, cargo, go, sqlite3,
         shellcheck, xxd, od, apt-get, dpkg-query as found (a missing one skips its kinds).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_diagnostics import (needles_cargo_test, needles_go_test, needles_jest, needles_mocha,  # noqa: E402
                                 needles_pytest, needles_rustc, needles_vitest)
from capture_more import add_or_skip as add, have, kind, run, write_tree  # noqa: E402
from capture_opencode import Spec  # noqa: E402

cm.PREFIX = "wide6-"
DEFAULT_OUT = HERE / "data" / "wide6.json"
TMP = Path("/tmp/hm-corpus-wide6")
TOOLS = Path("/tmp/hm-corpus-wide6-tools")  # kept between runs: the registry installs take minutes
JS = TOOLS / "js"
VENV = TOOLS / "venv"
PY = sys.executable
JS_PKGS = ["jest@29", "vitest@3", "mocha@10", "eslint@9", "@eslint/js@9", "typescript@5", "c8@10", "webpack@5",
           "webpack-cli@5", "rollup@4", "vite@6", "esbuild"]
PY_PKGS = ["pytest", "coverage", "pytest-cov", "mypy", "ruff", "tox", "nox", "pre-commit", "pipdeptree"]
GIT_ENV = {"GIT_AUTHOR_NAME": "Ada Dev", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_COMMITTER_NAME": "Ada Dev",
           "GIT_COMMITTER_EMAIL": "ada@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(TMP)}


def ensure_tools() -> None:
    """Install the npm and PyPI tools once (the registries are the only network used)."""
    if not (JS / "node_modules" / ".bin" / "vite").exists():
        JS.mkdir(parents=True, exist_ok=True)
        (JS / "package.json").write_text('{"name":"w6-tools","private":true,"version":"1.0.0"}\n')
        run("npm install --no-audit --no-fund --loglevel=error " + " ".join(JS_PKGS), cwd=JS, timeout=900)
    if not (VENV / "bin" / "pipdeptree").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PKGS), timeout=900)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), str(VENV / "bin")]


def g(cmd: str, cwd: Path) -> str:
    return run(cmd, cwd=cwd, env=GIT_ENV)


def js_proj(root: Path, files: dict[str, str], pkg: dict | None = None) -> Path:
    """A throwaway JS project using the shared tool install."""
    write_tree(root, files)
    (root / "package.json").write_text(json.dumps(pkg or {"name": root.name, "private": True}, indent=2))
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def oc(fn, lang: str = ""):
    """An OpenCode-corpus extractor (text, spec) read as a lines extractor."""
    return lambda lines: fn("\n".join(lines), Spec("", "", "", "", {}, lang))[0]


def reuse(name: str, family: str, fn, doc: str):
    """Register an extractor of another capture script under this round's kind; `doc` is its rule line."""
    def ext(lines):
        return fn(lines)
    ext.__doc__ = doc
    return kind(name, family)(ext)


def text_rule(fn):
    """An extractor of capture_data that reads the raw text, read as a lines extractor."""
    return lambda lines: fn("\n".join(lines))


# ================================================================== (a) fresh instances: extractors

n_jest = reuse("jest", "test", needles_jest, (needles_jest.__doc__ or "").splitlines()[0])
n_vitest = reuse("vitest", "test", needles_vitest, needles_vitest.__doc__.splitlines()[0])
n_mocha = reuse("mocha", "test", needles_mocha, needles_mocha.__doc__.splitlines()[0])
n_cargo_test = reuse("cargo-test", "test", needles_cargo_test, needles_cargo_test.__doc__.splitlines()[0])
n_go_test = reuse("go-test", "test", needles_go_test, needles_go_test.__doc__.splitlines()[0])
n_pytest = reuse("pytest", "test", needles_pytest, needles_pytest.__doc__.splitlines()[0])
n_pytest_long = reuse("pytest-tb-long", "test", needles_pytest, needles_pytest.__doc__.splitlines()[0])
n_pytest_param = reuse("pytest-parametrize", "test", needles_pytest, needles_pytest.__doc__.splitlines()[0])
n_cargo_build = reuse("cargo-build", "build", needles_rustc, needles_rustc.__doc__.splitlines()[0])


@kind("pytest-junitxml", "test")
def n_junitxml(lines):
    """Rule 2 on pytest's one-line JUnit XML: the <testsuite> opening tag (counts), each failing <testcase> tag and its <failure message=...> tag (first 200 chars each)."""
    text = "\n".join(lines)
    out = [m.group(0)[:200] for m in re.finditer(r"<testsuite [^>]*>", text)]
    for m in re.finditer(r"(<testcase [^>]*>)(<(?:failure|error) [^>]*>)", text):
        out += [m.group(1)[:200], m.group(2)[:200]]
    return out



# ================================================================== (a) JS test runners

JS_SRC = {
    "src/invoice.js": """
        function lineTotal(line) {
          if (line.qty < 0) throw new RangeError(`negative qty for ${line.sku}`);
          return Math.round(line.qty * line.unitCents * (1 - (line.discount || 0)));
        }
        function invoiceTotal(inv) {
          const net = inv.lines.reduce((s, l) => s + lineTotal(l), 0);
          const tax = Math.round(net * inv.taxRate);
          return { net, tax, gross: net + tax, currency: inv.currency.toUpperCase() };
        }
        function dueDate(issued, terms) {
          const d = new Date(issued);
          d.setUTCDate(d.getUTCDate() + terms.days);
          return d.toISOString().slice(0, 10);
        }
        function formatCents(c) { return (c / 100).toFixed(2).replace('.', ','); }
        module.exports = { lineTotal, invoiceTotal, dueDate, formatCents };
        """,
}


def js_tests(n_files: int, fail: dict[int, str], style: str) -> dict[str, str]:
    """n_files test files of eight passing cases each; file k gets the failing case fail[k]."""
    files = {}
    req = "const { lineTotal, invoiceTotal, dueDate, formatCents } = require('../src/invoice');\n"
    imp = "import { describe, it, expect } from 'vitest';\nimport inv from '../src/invoice.js';\n" \
          "const { lineTotal, invoiceTotal, dueDate, formatCents } = inv;\n"
    for k in range(n_files):
        head = imp if style == "vitest" else (req + ("const assert = require('node:assert');\n" if style == "mocha" else ""))
        body = f"describe('invoice area {k}', () => {{\n"
        for j in range(8):
            if style == "mocha":
                body += f"  it('line total case {j}', () => {{ assert.strictEqual(lineTotal({{ qty: {j}, unitCents: 100 }}), {j * 100}); }});\n"
            else:
                body += f"  it('line total case {j}', () => {{ expect(lineTotal({{ qty: {j}, unitCents: 100 }})).toBe({j * 100}); }});\n"
        if k in fail:
            body += fail[k]
        files[f"test/area{k:02d}.test.{'mjs' if style == 'vitest' else 'js'}"] = head + body + "});\n"
    return files


JEST_FAILS = {
    3: "  it('totals a mixed invoice', () => {\n    expect(invoiceTotal({ lines: [{ sku: 'A', qty: 2, unitCents: 1999 },"
       " { sku: 'B', qty: 1, unitCents: 500, discount: 0.1 }], taxRate: 0.2, currency: 'eur' }))"
       ".toEqual({ net: 4448, tax: 890, gross: 5338, currency: 'EUR' });\n  });\n",
    7: "  it('rejects negative quantities with a message', () => {\n    expect(() => lineTotal({ sku: 'Z', qty: -1, unitCents: 5 }))"
       ".toThrow('quantity must be positive');\n  });\n",
    11: "  it('computes net 30 due date', () => {\n    expect(dueDate('2024-01-31', { days: 30 })).toBe('2024-03-01');\n  });\n"
        "  it('formats cents', () => {\n    expect([formatCents(1), formatCents(123456)]).toEqual(['0,01', '1.234,56']);\n  });\n",
    12: "  it('handles a missing currency', () => {\n    expect(invoiceTotal({ lines: [], taxRate: 0.1 }).gross).toBe(0);\n  });\n",
}

MOCHA_FAILS = {
    2: "  it('deep-equals the invoice summary', () => {\n    assert.deepStrictEqual(invoiceTotal({ lines: [{ sku: 'A', qty: 3,"
       " unitCents: 333 }], taxRate: 0.07, currency: 'usd' }), { net: 999, tax: 69, gross: 1068, currency: 'USD' });\n  });\n",
    5: "  it('throws on a bad line', () => {\n    assert.throws(() => lineTotal({ sku: 'Q', qty: 1, unitCents: 1 }), RangeError);\n  });\n",
    9: "  it('survives a null invoice', () => {\n    assert.strictEqual(invoiceTotal(null).gross, 0);\n  });\n",
}


def cap_js_tests(tmp: Path) -> None:
    if not have("node", "jest/vitest/mocha"):
        return
    d = js_proj(tmp / "jest-invoice", {**JS_SRC, **js_tests(16, JEST_FAILS, "jest")})
    add("jest-invoice-mixed", "npx jest --ci --verbose", run("npx jest --ci --verbose", cwd=d), n_jest)
    vfails = {k: v.replace("require", "require") for k, v in JEST_FAILS.items() if k != 7}
    vfails[4] = "  it('keeps lines immutable', () => {\n    const inv = { lines: [{ sku: 'A', qty: 1, unitCents: 10 }], taxRate: 0, currency: 'x' };\n" \
                "    invoiceTotal(inv);\n    expect(inv).toMatchObject({ lines: [{ sku: 'A', qty: 1, unitCents: 10, total: 10 }] });\n  });\n"
    src = {"src/invoice.js": JS_SRC["src/invoice.js"]}
    d = js_proj(tmp / "vitest-invoice", {**src, **js_tests(14, vfails, "vitest")})
    add("vitest-invoice-mixed", "npx vitest run", run("npx vitest run", cwd=d, timeout=200), n_vitest)
    d = js_proj(tmp / "mocha-invoice", {**JS_SRC, **js_tests(12, MOCHA_FAILS, "mocha")})
    add("mocha-invoice-mixed", "npx mocha 'test/**/*.test.js'", run("npx mocha 'test/**/*.test.js'", cwd=d), n_mocha)


# ================================================================== (a) cargo, go, python tests

LEDGER_RS = r'''
use std::collections::HashMap;

pub struct Ledger { pub balances: HashMap<String, i64>, pub log: Vec<(String, i64)> }

impl Ledger {
    pub fn new() -> Self { Ledger { balances: HashMap::new(), log: Vec::new() } }
    pub fn post(&mut self, acct: &str, cents: i64) {
        *self.balances.entry(acct.to_string()).or_insert(0) += cents;
        self.log.push((acct.to_string(), cents));
    }
    pub fn balance(&self, acct: &str) -> i64 { *self.balances.get(acct).unwrap() }
    pub fn nth_entry(&self, n: usize) -> &(String, i64) { &self.log[n] }
    pub fn fee(&self, cents: u32, permille: u32) -> u32 { cents * permille / 1000 }
    pub fn parse_amount(s: &str) -> i64 { s.replace(',', "").parse::<i64>().expect("amount must be an integer") }
}

#[cfg(test)]
mod tests {
    use super::*;
'''


def cap_cargo_go_py(tmp: Path) -> None:
    if have("cargo", "cargo-test"):
        r = tmp / "ledger"
        tests = "".join(f"    #[test] fn post_and_read_{k}() {{ let mut l = Ledger::new(); l.post(\"a{k}\", {k}); "
                        f"assert_eq!(l.balance(\"a{k}\"), {k}); }}\n" for k in range(30))
        tests += ("    #[test] fn unknown_account() { let l = Ledger::new(); assert_eq!(l.balance(\"ghost\"), 0); }\n"
                  "    #[test] fn entry_out_of_range() { let mut l = Ledger::new(); l.post(\"x\", 1); let _ = l.nth_entry(3); }\n"
                  "    #[test] fn fee_overflow() { let l = Ledger::new(); assert_eq!(l.fee(u32::MAX / 2, 25), 1); }\n"
                  "    #[test] fn parse_with_cents() { assert_eq!(Ledger::parse_amount(\"1,234.50\"), 123450); }\n"
                  "    #[test] fn sum_mismatch() { let mut l = Ledger::new(); l.post(\"b\", 10); l.post(\"b\", -3);"
                  " assert_eq!(l.balance(\"b\"), 6, \"balance of b after two posts\"); }\n")
        write_tree(r, {"Cargo.toml": "[package]\nname = \"ledger\"\nversion = \"0.3.1\"\nedition = \"2021\"\n",
                       "src/lib.rs": LEDGER_RS + tests + "}\n"})
        add("cargo-test-ledger-panics", "cargo test", run("cargo test --offline 2>&1", cwd=r, timeout=300), n_cargo_test)
        (r / "src/lib.rs").write_text(LEDGER_RS.replace("pub fn post(&mut self, acct: &str, cents: i64) {",
                                                        "pub fn post(&mut self, acct: &str, cents: i64) -> bool {")
                                      .replace("use std::collections::HashMap;", "use std::collections::HashMap;\nuse std::fmt;")
                                      + "    #[test] fn t() { let l: Ledger = Ledger::new(); let x: u8 = l.balance(\"a\"); }\n}\n"
                                      + "pub fn report(l: &Ledger) -> String { let mut s = String::new(); for (a, b) in l.balances { s += a; } s }\n"
                                      + "pub fn first(l: &Ledger) -> &str { let v = vec![1]; let r = &v; drop(v); &l.log[0].0 }\n")
        add("cargo-build-ledger-errors", "cargo build --all-targets",
            run("cargo build --offline --all-targets 2>&1", cwd=r, timeout=300), n_cargo_build)
    if have("go", "go-test"):
        gdir = tmp / "ratelimit"
        bucket = ("package bucket\n\nimport \"time\"\n\ntype Bucket struct{ Cap, Tokens int; Every time.Duration; last time.Time }\n\n"
                  "func New(c int, every time.Duration) *Bucket { return &Bucket{Cap: c, Tokens: c, Every: every} }\n\n"
                  "func (b *Bucket) Take(now time.Time) bool {\n\tif !b.last.IsZero() {\n\t\tb.Tokens += int(now.Sub(b.last) / b.Every)\n"
                  "\t}\n\tb.last = now\n\tif b.Tokens <= 0 {\n\t\treturn false\n\t}\n\tb.Tokens--\n\treturn true\n}\n")
        btests = "package bucket\n\nimport (\n\t\"testing\"\n\t\"time\"\n)\n\n"
        for k in range(12):
            btests += (f"func TestTakeFresh{k}(t *testing.T) {{\n\tb := New({k + 1}, time.Second)\n\tif !b.Take(time.Unix(0, 0)) {{\n"
                       f"\t\tt.Fatal(\"fresh bucket refused\")\n\t}}\n}}\n\n")
        btests += ("func TestRefillCapped(t *testing.T) {\n\tb := New(3, time.Second)\n\tt0 := time.Unix(100, 0)\n\tb.Take(t0)\n"
                   "\tb.Take(t0.Add(time.Hour))\n\tif b.Tokens > 3 {\n\t\tt.Errorf(\"tokens = %d after an hour, want at most cap 3\", b.Tokens)\n\t}\n}\n\n"
                   "func TestTable(t *testing.T) {\n\tfor _, c := range []struct{ n, want int }{{1, 0}, {2, 1}, {5, 4}, {0, 0}} {\n"
                   "\t\tt.Run(time.Duration(c.n).String(), func(t *testing.T) {\n\t\t\tb := New(c.n, time.Second)\n\t\t\tb.Take(time.Unix(1, 0))\n"
                   "\t\t\tif b.Tokens != c.want {\n\t\t\t\tt.Errorf(\"New(%d) then Take: tokens = %d, want %d\", c.n, b.Tokens, c.want)\n\t\t\t}\n\t\t})\n\t}\n}\n")
        keys = ("package keys\n\nvar limits map[string]int\n\nfunc Set(k string, n int) { limits[k] = n }\n")
        ktests = ("package keys\n\nimport \"testing\"\n\nfunc TestSet(t *testing.T) {\n\tSet(\"api\", 10)\n\tif limits[\"api\"] != 10 {\n"
                  "\t\tt.Fatal(\"not set\")\n\t}\n}\n")
        files = {"go.mod": "module example.org/ratelimit\n\ngo 1.19\n", "bucket/bucket.go": bucket,
                 "bucket/bucket_test.go": btests, "keys/keys.go": keys, "keys/keys_test.go": ktests}
        for k in range(4):
            files[f"util{k}/u.go"] = f"package util{k}\n\nfunc Double(x int) int {{ return 2 * x }}\n"
            files[f"util{k}/u_test.go"] = (f"package util{k}\n\nimport \"testing\"\n\nfunc TestDouble(t *testing.T) {{\n"
                                           f"\tif Double(2) != 4 {{\n\t\tt.Fatal(\"bad\")\n\t}}\n}}\n")
        write_tree(gdir, files)
        add("go-test-ratelimit", "go test -v ./...", run("go test -v ./... 2>&1", cwd=gdir, timeout=300), n_go_test)
    p = tmp / "units"
    files = {"units/__init__.py": "", "units/convert.py": CONVERT_PY, "tests/__init__.py": "",
             "tests/test_convert.py": CONVERT_TESTS}
    for k in range(8):
        files[f"tests/test_misc{k}.py"] = "".join(f"def test_misc_{k}_{j}():\n    assert {j} + {k} == {k} + {j}\n\n" for j in range(7))
    write_tree(p, files)
    add("pytest-units-v-short", "pytest -v --tb=short",
        run(f"{VENV}/bin/python -m pytest -v --tb=short -p no:cacheprovider", cwd=p), n_pytest_param)
    add("pytest-units-tb-long", "pytest --tb=long -q tests/test_convert.py",
        run(f"{VENV}/bin/python -m pytest --tb=long -q -p no:cacheprovider tests/test_convert.py", cwd=p), n_pytest_long)
    run(f"{VENV}/bin/python -m pytest -q -p no:cacheprovider --junitxml=report.xml", cwd=p)
    add("pytest-junitxml-units", "pytest --junitxml=report.xml; cat report.xml", run("cat report.xml", cwd=p), n_junitxml)


CONVERT_PY = '''
"""Unit conversion with a small registry."""
FACTORS = {("km", "m"): 1000, ("m", "cm"): 100, ("mi", "km"): 1.609344, ("lb", "kg"): 0.45359237, ("h", "min"): 60}


def factor(src, dst):
    if (src, dst) in FACTORS:
        return FACTORS[(src, dst)]
    if (dst, src) in FACTORS:
        return 1 / FACTORS[(dst, src)]
    raise KeyError(f"no conversion {src} -> {dst}")


def convert(value, src, dst, digits=3):
    return round(value * factor(src, dst), digits)


def parse(text):
    number, unit = text.split()
    return float(number), unit


def convert_text(text, dst):
    value, unit = parse(text)
    return f"{convert(value, unit, dst)} {dst}"


def chain(value, *units):
    for a, b in zip(units, units[1:]):
        value = convert(value, a, b, digits=12)
    return value
'''

CONVERT_TESTS = '''
import pytest
from units.convert import chain, convert, convert_text, factor


@pytest.mark.parametrize("value,src,dst,want", [
    (1, "km", "m", 1000), (2.5, "m", "cm", 250), (1, "mi", "km", 1.609), (10, "lb", "kg", 4.536),
    (90, "min", "h", 1.5), (3, "cm", "m", 0.03), (1, "km", "cm", 100000), (5, "kg", "lb", 11.023),
    (1, "h", "s", 3600), (0, "mi", "km", 0),
])
def test_convert(value, src, dst, want):
    assert convert(value, src, dst) == want


@pytest.mark.parametrize("text,dst,want", [("3 km", "m", "3000 m"), ("12 in", "cm", "30.48 cm"), ("2 h", "min", "120 min")])
def test_convert_text(text, dst, want):
    assert convert_text(text, dst) == want


def test_chain_roundtrip():
    assert chain(1, "mi", "km", "m", "cm") == 160934.4


def test_factor_inverse():
    assert factor("m", "km") * factor("km", "m") == 1


def test_parse_rejects_garbage():
    assert convert_text("fast", "m") == "?"
'''


# ================================================================== main

def steps() -> list:
    import capture_wide6_fresh as fresh  # the rest of the (a) half
    import capture_wide6_new as new  # the (b) half: new kinds
    import capture_wide6_new2 as new2
    return [cap_js_tests, cap_cargo_go_py] + fresh.STEPS + new.STEPS + new2.STEPS


def main() -> None:
    ensure_tools()
    cm.capture_main(__doc__, steps(), DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide6", sys.modules["__main__"])  # the two halves import this module's helpers
    main()
