"""Round 238, native code: a quern-stone mill ledger in C (`quernstone`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a rivet-gauge tolerance crate in Rust (`rivetgauge`, no
crates.io dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test
(failures) and clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through
capture_wide238.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide238 import cap

QUERN_H = """#ifndef QUERNSTONE_H
#define QUERNSTONE_H
#include <stddef.h>
typedef struct { int id; unsigned grams_per_turn; double grist_kg; const char *grain; } batch_t;
typedef struct { batch_t *batches; size_t n; long turns; } milling_t;
double milling_yield(const milling_t *m);
int milling_find(const milling_t *m, int id);
#endif
"""

QUERN_C = """#include <stdio.h>
#include "quernstone.h"
double milling_yield(const milling_t *m) {
    double t = 0;
    for (int i = 0; i < m->n; i++) t += m->batches[i].grist_kg * m->turns / 60.0;
    return t;
}
int milling_find(const milling_t *m, int id) {
    for (size_t i = 0; i < m->n; i++) if (m->batches[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "quernstone.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"runner{k:02d}_dress{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 1 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(milling_t *m, int slot, const char *grain) {{")
        if kind == "unused":
            out.append(f"    int furrow_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < m->n; i++) if (m->batches[i].grams_per_turn > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("dress {j}: %d batches of %s\\n", m->n, grain);')
        if kind == "broken":
            out.append(f"    slot += grist_weight_{j}(m->batches);")
            out.append(f"    m->batches = {rnd.randint(1, 99)}.5;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (grain && strlen(grain) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)m->turns % {rnd.randint(2, 17)} + (grain != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "quernstone"
    rnd = random.Random(23801)
    files = {"src/quernstone.h": QUERN_H, "src/quern.c": QUERN_C}
    for k in range(33):
        files[f"src/runner_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: quernstone\n\n"
                         "quernstone: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/quernstone.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build quernstone\n")
    write_tree(root, files)
    cap("make-k-quernstone", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "rivetgauge"
version = "0.5.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Rivet gauges: shank clearance, head tolerance and a ranking of gauge runs.
pub mod runs;
pub mod broken;

pub fn clearance_um(hole_um: u64, shank_um: u64) -> u64 {
    if shank_um == 0 { return 0; }
    return (hole_um - shank_um) * 1000 / shank_um;
}

pub fn head_penalty(grade: u32) -> u64 {
    if grade > 3 { 1800 } else { (grade as u64) * 120 }
}
"""

BROKEN = """pub fn rank(widths: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..widths.len()).collect();
    idx.sort_by_key(|&i| widths[i]);
    let label: String = idx.len();
    idx.push(rivet_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{clearance_um, head_penalty};", ""]
    for i in range(n):
        out.append(f"pub fn run_{i:03d}(grade: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 4 == 0 else "    let base = 0u64;")
        hole = rnd.randint(4_100, 9_900)
        out.append(f"    clearance_um({hole}, {hole - rnd.randint(5, 400)}) + head_penalty(grade)"
                   + (" + base" if i % 4 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 6)
        out.append("    #[test]")
        out.append(f"    fn run_{i:03d}_grade_{grade}() {{")
        out.append(f"        let got = run_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"run {i} grade {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 10, 0, \"run {i}: clearance not on the 10 um grid\");" if i % 3 == 0 else
                   f"        assert!(got < 1_900, \"run {i} grade {grade}: {{}} over the gauge limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "rivetgauge"
    rnd = random.Random(23802)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 180)})
    env = {"CARGO_TARGET_DIR": str(tmp / "rivetgauge-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-rivetgauge", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(rivet_count);\n", ""))
    chain("chain-cargo-test-rivetgauge-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
