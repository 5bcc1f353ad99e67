"""Round 205, native code: a salt-pan harvest ledger in C (`saltpan`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a print-shop page-cost crate in Rust (`quillpress`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide205.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide205 import cap

SALT_H = """#ifndef SALTPAN_H
#define SALTPAN_H
#include <stddef.h>
typedef struct { int id; unsigned brine_be; double yield_kg; const char *name; } pan_t;
typedef struct { pan_t *pans; size_t n; long seconds; } ledger_t;
double ledger_total(const ledger_t *l);
int ledger_find(const ledger_t *l, int id);
#endif
"""

SALT_C = """#include <stdio.h>
#include "saltpan.h"
double ledger_total(const ledger_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->pans[i].yield_kg * l->seconds / 60.0;
    return t;
}
int ledger_find(const ledger_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->pans[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "saltpan.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"rake{k:02d}_row{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(ledger_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->pans[i].brine_be > {rnd.randint(200, 700)}) slot++;")
        if kind == "format":
            out.append(f'    printf("row {j}: %d pans on %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += crust_of_{j}(l->pans);")
            out.append(f"    l->pans = {rnd.randint(1, 99)}.5;")
        if kind == "param":
            out.append("    return slot + 1;\n}")
            continue
        out.append(f'    if (tag && strlen(tag) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)l->seconds % {rnd.randint(2, 17)} + (tag != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "saltpan"
    rnd = random.Random(20501)
    files = {"src/saltpan.h": SALT_H, "src/ledger.c": SALT_C}
    for k in range(26):
        files[f"src/rake_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: saltpan\n\n"
                         "saltpan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/saltpan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build saltpan\n")
    write_tree(root, files)
    cap("make-k-saltpan", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "quillpress"
version = "0.3.4"
edition = "2021"

[dependencies]
"""

LIB = """//! Print jobs: cost per sheet, ink penalties and a ranking of jobs.
pub mod jobs;
pub mod broken;

pub fn cost_per_sheet(total_cents: u64, sheets: u64) -> u64 {
    if sheets == 0 { return 0; }
    return total_cents * 100 / sheets;
}

pub fn ink_penalty(coverage: u32) -> u64 {
    if coverage > 5 { 1500 } else { (coverage as u64) * 100 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(coverage_count);
    idx
}
"""


def gen_jobs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{ink_penalty, cost_per_sheet};", ""]
    for i in range(n):
        out.append(f"pub fn job_{i:03d}(coverage: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    cost_per_sheet({rnd.randint(9_000, 88_000)}, {rnd.choice([16, 24, 30, 48])}) + ink_penalty(coverage)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        coverage = rnd.randint(1, 7)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn job_{i:03d}_coverage_{coverage}() {{")
        out.append(f"        let got = job_{i:03d}({coverage});")
        # expectation written as the job rules say: coverages past 5 carry 100 per coverage, not a flat 1500
        out.append(f"        assert!(got > 0, \"job {i} coverage {coverage} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"job {i}: cost not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 420_000, \"job {i} coverage {coverage}: {{}} cents over the budget\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "quillpress"
    rnd = random.Random(20502)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/jobs.rs": gen_jobs(rnd, 180)})
    env = {"CARGO_TARGET_DIR": str(tmp / "quillpress-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-quillpress", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(coverage_count);\n", ""))
    chain("chain-cargo-test-quillpress-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
