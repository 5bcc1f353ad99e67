#!/usr/bin/env python3
"""Capture outputs with REAL redundancy for the compression corpus (issue #11, principle 7): C builds with
dozens of warnings whose source excerpts repeat (gcc -Wall -Wextra over files made from the same snippets,
`make -j4` interleaving them, `make -k` going on after errors), cargo builds with many warnings (and with
errors), javac -Xlint:all over files sharing their raw types and deprecated calls, and long test runs that
mostly pass (pytest -v over hundreds of parametrized cases, node --test with the spec reporter).

Same method and helpers as capture_wide2.py: every item's text is the stdout+stderr of a program REALLY run
here on throwaway projects written below (in /tmp/hm-corpus-redund), widened by seeded generators; needles
follow scripts/corpus/NEEDLES.md through the extractors already written for these kinds (each wrapper's
docstring states its rule, first line = needle_rule), computed from the cleaned lines before any compressed
output was looked at.

Usage:   .venv/bin/python scripts/corpus/capture_redund.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/redund.json  as {"version": 2, "items": [...]}, ids prefixed "redund-".
Tools:   gcc and make, cargo (offline, no dependencies), javac, node, and pytest from this project's venv,
         as found. A missing tool skips its kinds.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_diagnostics import needles_gcc, needles_node_test, needles_pytest, needles_rustc  # noqa: E402
from capture_more import add_or_skip as add, have, kind, n_javac, note, run  # noqa: E402

cm.PREFIX = "redund-"
DEFAULT_OUT = HERE / "data" / "redund.json"
TMP = Path("/tmp/hm-corpus-redund")



def write(root: Path, files: dict[str, str]) -> None:
    for name, body in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)


# ================================================================== C: gcc, make


@kind("gcc-many-warnings", "build")
def n_gcc_many(lines):
    """Rules 1,3 (as gcc): every 'file:L:C: error:' line, warnings one {"any"} per (-Wflag, file), every 'make: ***' line."""
    return needles_gcc(lines)


C_SNIPPETS = [
    "int {p}_len(const char *s) {{\n    size_t n = strlen(s);\n    return n;\n}}\n",
    "void {p}_dump(const struct rec *r) {{\n    printf(\"%s: %d\\n\", r->id, r->name);\n}}\n",
    "int {p}_count(const int *xs, int n, unsigned limit) {{\n    int c = 0;\n    for (int i = 0; i < n; i++)\n"
    "        if (xs[i] < limit) c++;\n    return c;\n}}\n",
    "int {p}_unused(int a, int b) {{\n    int tmp = a * 2;\n    return a;\n}}\n",
    "double {p}_ratio(int a, int b) {{\n    float r = (double)a / b;\n    return r;\n}}\n",
    "int {p}_pick(int mode) {{\n    if (mode > 0) {{\n        return 1;\n    }} else if (mode < 0) {{\n        return -1;\n    }}\n}}\n",
    "unsigned char {p}_clamp(int v) {{\n    unsigned char c = v;\n    return c;\n}}\n",
    "int {p}_shadow(int n) {{\n    int total = 0;\n    for (int n = 0; n < 3; n++) total += n;\n    return total;\n}}\n",
]
C_ERRORS = [
    "int {p}_broken(void) {{\n    return undefined_{p} + 1;\n}}\n",
    "void {p}_bad(struct rec *r) {{\n    r->missing_field = 3;\n}}\n",
]
C_HEADER = "#include <stdio.h>\n#include <string.h>\n#include \"rec.h\"\n\n"
REC_H = "#ifndef REC_H\n#define REC_H\nstruct rec { int id; const char *name; };\n#endif\n"
CFLAGS = "-std=c11 -O2 -Wall -Wextra -Wshadow -Wconversion -Wsign-compare -Wfloat-conversion -Iinclude"


def make_c_project(root: Path, n: int, seed: int, errors: int) -> None:
    rng = random.Random(seed)
    files = {"include/rec.h": REC_H}
    broken = set(rng.sample(range(n), errors))
    for k in range(n):
        p = f"mod{k:02d}"
        body = C_HEADER + "".join(rng.sample(C_SNIPPETS, rng.randint(4, len(C_SNIPPETS)))).format(p=p)
        if k in broken:
            body += rng.choice(C_ERRORS).format(p=p)
        files[f"src/{p}.c"] = body
    files["Makefile"] = (f"CC = gcc\nCFLAGS = {CFLAGS}\nSRC = $(wildcard src/*.c)\nOBJ = $(SRC:src/%.c=build/%.o)\n\n"
                         "all: $(OBJ)\n\nbuild/%.o: src/%.c | build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\n"
                         "build:\n\tmkdir -p build\n\nclean:\n\trm -rf build\n\n.PHONY: all clean\n")
    write(root, files)


def cap_c(tmp: Path) -> None:
    if not (have("gcc", "gcc-many-warnings") and have("make", "gcc-many-warnings")):
        return
    for seed, n, errors in ((1, 18, 0), (2, 30, 3), (3, 24, 2), (4, 40, 0), (5, 12, 1), (6, 26, 4)):
        d = tmp / f"c{seed}"
        make_c_project(d, n, seed, errors)
        if seed % 3 == 1:
            cmd = f"gcc {CFLAGS} -c src/*.c"
            add(f"gcc-warnings-{seed}", cmd, run(f"mkdir -p build && cd build && gcc {CFLAGS.replace('-Iinclude', '-I../include')} -c ../src/*.c", d),
                n_gcc_many)
        elif seed % 3 == 2:
            add(f"make-j4-k-{seed}", "make -k -j4", run("make -k -j4", d, timeout=240), n_gcc_many)
        else:
            add(f"make-k-{seed}", "make -k", run("make -k", d, timeout=240), n_gcc_many)


# ================================================================== Rust: cargo build


@kind("cargo-build-many-warnings", "build")
def n_cargo_many(lines):
    """Rules 1,3 (as rustc): every 'error…:' line with its '-->' location; warnings one {"any"} per (message shape, file) over their '-->' lines; the summaries."""
    return needles_rustc(lines)


RS_SNIPPETS = [
    "pub fn {p}_sum(xs: &[i64]) -> i64 {{\n    let mut total = 0;\n    let unused_{p} = xs.len();\n    for x in xs {{ total += x; }}\n    total\n}}\n",
    "fn {p}_helper(v: u32) -> u32 {{\n    v * 2\n}}\n",
    "pub fn {p}_parse(s: &str) -> Option<u32> {{\n    let mut result = None;\n    result = s.parse().ok();\n    result\n}}\n",
    "pub struct {P}Config {{\n    pub name: String,\n    retries: u32,\n}}\n",
    "pub fn {p}_flag(x: i32) -> bool {{\n    if x == 1 {{ return true; }} else {{ return false; }}\n}}\n",
    "#[allow(dead_code)]\nconst {P}_LIMIT: usize = 8;\npub fn {p}_mut() -> Vec<u8> {{\n    let mut v = Vec::new();\n    v.push(1u8);\n    let mut w = 3;\n    v\n}}\n",
]
RS_ERRORS = [
    "pub fn {p}_broken() -> u32 {{\n    let s: String = 5;\n    0\n}}\n",
    "pub fn {p}_moved() -> usize {{\n    let v = vec![1, 2];\n    let w = v;\n    v.len() + w.len()\n}}\n",
]


def make_rust_project(root: Path, n: int, seed: int, errors: int) -> None:
    rng = random.Random(seed)
    broken = set(rng.sample(range(n), errors))
    files = {"Cargo.toml": f'[package]\nname = "ledger{seed}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n'}
    mods = []
    for k in range(n):
        p = f"m{k:02d}"
        body = "use std::collections::HashMap;\nuse std::fmt::Write;\n\n"
        body += "".join(rng.sample(RS_SNIPPETS, rng.randint(3, len(RS_SNIPPETS)))).format(p=p, P=p.upper())
        if k in broken:
            body += rng.choice(RS_ERRORS).format(p=p)
        files[f"src/{p}.rs"] = body
        mods.append(f"pub mod {p};")
    files["src/lib.rs"] = "\n".join(mods) + "\n"
    write(root, files)


def cap_rust(tmp: Path) -> None:
    if not have("cargo", "cargo-build-many-warnings"):
        return
    env = {"CARGO_TARGET_DIR": str(tmp / "rust-target")}
    for seed, n, errors in ((1, 14, 0), (2, 20, 2), (3, 10, 0), (4, 16, 1)):
        d = tmp / f"rs{seed}"
        make_rust_project(d, n, seed, errors)
        add(f"cargo-build-{seed}", "cargo build", run("cargo build --offline", d, env, timeout=300), n_cargo_many)


# ================================================================== Java: javac -Xlint:all


@kind("javac-xlint-many", "build")
def n_javac_many(lines):
    """Rules 1+3 (as javac): every 'error:' line with its 'symbol:'/'location:' lines; warnings one {"any"} per ([category], file); the counts."""
    return n_javac(lines)


JAVA_SNIPPETS = [
    "    public java.util.List {m}Items() {{\n        java.util.List xs = new java.util.ArrayList();\n        xs.add(\"a\");\n        return xs;\n    }}\n",
    "    public int {m}Year() {{\n        return new java.util.Date().getYear();\n    }}\n",
    "    public Integer {m}Box(int v) {{\n        return new Integer(v);\n    }}\n",
    "    public String {m}Fall(int v) {{\n        String r = \"\";\n        switch (v) {{\n            case 1: r = \"one\";\n"
    "            case 2: r = \"two\"; break;\n            default: r = \"many\";\n        }}\n        return r;\n    }}\n",
    "    public Object {m}Cast(Object o) {{\n        return (String) (Object) (String) o;\n    }}\n",
]


def cap_java(tmp: Path) -> None:
    if not have("javac", "javac-xlint-many"):
        return
    for seed, n in ((1, 16), (2, 24), (3, 12)):
        rng = random.Random(seed)
        d = tmp / f"java{seed}"
        files = {}
        for k in range(n):
            cls = f"Store{k:02d}"
            body = "".join(rng.sample(JAVA_SNIPPETS, rng.randint(2, len(JAVA_SNIPPETS)))).format(m=f"m{k}")
            if seed == 2 and k % 9 == 4:
                body += f"    public int broken() {{\n        return missing{k}.size();\n    }}\n"
            files[f"src/app/{cls}.java"] = f"package app;\n\npublic class {cls} implements java.io.Serializable {{\n{body}}}\n"
        write(d, files)
        add(f"javac-xlint-{seed}", "javac -Xlint:all -d out src/app/*.java",
            run("mkdir -p out && javac -Xlint:all -Xmaxwarns 1000 -d out src/app/*.java", d), n_javac_many)


# ================================================================== tests that mostly pass


@kind("pytest-v-mostly-pass", "test")
def n_pytest_many(lines):
    """Rules 1-2 (as pytest): each FAILED/ERROR test id, the first E line and last location line of each failure, the final summary."""
    return needles_pytest(lines)


PY_MOD = '''
def price(qty, unit):
    cents = qty * unit
    if qty >= {bulk}:
        cents = cents * 9 // 10
    return cents


def slug(title):
    return "-".join(title.lower().split())
'''

PY_TESTS = '''
import pytest
from shop import price, slug

CASES = {cases}


@pytest.mark.parametrize("qty,unit,expected", CASES)
def test_price(qty, unit, expected):
    assert price(qty, unit) == expected


@pytest.mark.parametrize("title,expected", {slugs})
def test_slug(title, expected):
    assert slug(title) == expected
'''


def cap_pytest(tmp: Path) -> None:
    py = Path(sys.executable)
    if run(f"{py} -m pytest --version", tmp).find("pytest") < 0:
        note("skip pytest kinds: no pytest in this venv")
        return
    for seed, n in ((1, 240), (2, 400), (3, 160)):
        rng = random.Random(seed)
        d = tmp / f"py{seed}"
        bulk = 10
        cases = []
        for k in range(n):
            qty, unit = rng.randint(1, 30), rng.choice([99, 150, 250, 1000])
            expected = qty * unit * 9 // 10 if qty >= bulk else qty * unit
            if k % 97 == 13:
                expected += 1  # a few expectations are wrong on purpose
            cases.append((qty, unit, expected))
        slugs = [(f"Hello World {k}", f"hello-world-{k}") for k in range(n // 8)]
        slugs[len(slugs) // 2] = ("Tabs\tand  spaces", "tabs-and--spaces")
        write(d, {"shop.py": PY_MOD.format(bulk=bulk), "test_shop.py": PY_TESTS.format(cases=cases, slugs=slugs)})
        flags = "-v" if seed != 3 else "-v -rA"
        add(f"pytest-v-{seed}", f"pytest {flags}", run(f"{py} -m pytest {flags} -p no:cacheprovider", d, timeout=240),
            n_pytest_many)


@kind("node-test-spec-mostly-pass", "test")
def n_node_many(lines):
    """Rule 2 (as node --test): every failing test's line, its first error line, the summary counts."""
    return needles_node_test(lines)


NODE_TEST = '''
const test = require("node:test");
const assert = require("node:assert");

function vat(cents, rate) {{ return Math.round(cents * rate / 1000); }}

const cases = {cases};
for (const [cents, rate, want] of cases) {{
  test(`vat ${{cents}} at ${{rate}}`, () => {{
    assert.strictEqual(vat(cents, rate), want);
  }});
}}
'''


def cap_node(tmp: Path) -> None:
    if not have("node", "node-test-spec-mostly-pass"):
        return
    for seed, n in ((1, 200), (2, 320)):
        rng = random.Random(seed)
        d = tmp / f"node{seed}"
        cases = []
        for k in range(n):
            cents, rate = rng.randint(100, 99999), rng.choice([70, 190, 200, 210])
            want = round(cents * rate / 1000)
            if k % 71 == 9:
                want += 1
            cases.append([cents, rate, want])
        write(d, {"test/vat.test.js": NODE_TEST.format(cases=cases)})
        add(f"node-test-spec-{seed}", "node --test --test-reporter=spec test/",
            run("node --test --test-reporter=spec test/", d, timeout=240), n_node_many)


# ================================================================== main

STEPS = [cap_c, cap_rust, cap_java, cap_pytest, cap_node]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
