"""Round 252, native code: a threshing-board sheaf ledger in C (`threshboard`, written here and widened by a seeded generator)
built with gcc -Wall -Wextra and make -k, and a ratchet-bar crate in Rust (`ratchetbar`, no crates.io dependencies,
widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and clippy. The trees
are left under the round's scratch dir for OpenCode's run. Run through capture_wide252.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide252 import cap

THRESH_H = """#ifndef THRESHFAN_H
#define THRESHFAN_H
#include <stddef.h>
typedef struct { int id; unsigned chaff_permille; double clean_kg; const char *grain; } lot_t;
typedef struct { lot_t *lots; size_t n; long passes; } thresh_t;
double thresh_yield(const thresh_t *w);
int thresh_find(const thresh_t *w, int id);
#endif
"""

THRESH_C = """#include <stdio.h>
#include "threshboard.h"
double thresh_yield(const thresh_t *w) {
    double t = 0;
    for (int i = 0; i < w->n; i++) t += w->lots[i].clean_kg * w->passes / 12.0;
    return t;
}
int thresh_find(const thresh_t *w, int id) {
    for (size_t i = 0; i < w->n; i++) if (w->lots[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "threshboard.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"flail{k:02d}_pass{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 1 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(thresh_t *w, int slot, const char *grain) {{")
        if kind == "unused":
            out.append(f"    int stroke_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < w->n; i++) if (w->lots[i].chaff_permille > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("pass {j}: %d lots of %s\\n", w->n, grain);')
        if kind == "broken":
            out.append(f"    slot += husk_weight_{j}(w->lots);")
            out.append(f"    w->lots = {rnd.randint(1, 99)}.25;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (grain && strlen(grain) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)w->passes % {rnd.randint(2, 17)} + (grain != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "threshboard"
    rnd = random.Random(25201)
    files = {"src/threshboard.h": THRESH_H, "src/thresh.c": THRESH_C}
    for k in range(38):
        files[f"src/flail_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: threshboard\n\n"
                         "threshboard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/threshboard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build threshboard\n")
    write_tree(root, files)
    cap("make-k-threshboard", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "ratchetbar"
version = "0.2.7"
edition = "2021"

[dependencies]
"""

LIB = """//! Ratchet bars: pawl load from tooth depth, click torque and a ranking of bar builds.
pub mod runs;
pub mod broken;

pub fn pawl_load_n(tooth_um: u64, pitch_um: u64) -> u64 {
    if pitch_um == 0 { return 0; }
    return (tooth_um - pitch_um) * 1000 / pitch_um;
}

pub fn click_torque(turns: u32) -> u64 {
    if turns > 4 { 1800 } else { (turns as u64) * 120 }
}
"""

BROKEN = """pub fn rank(widths: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..widths.len()).collect();
    idx.sort_by_key(|&i| widths[i]);
    let label: String = idx.len();
    idx.push(pawl_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{pawl_load_n, click_torque};", ""]
    for i in range(n):
        out.append(f"pub fn build_{i:03d}(turns: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 4 == 0 else "    let base = 0u64;")
        hole = rnd.randint(2_900, 7_700)
        out.append(f"    pawl_load_n({hole}, {hole - rnd.randint(5, 400)}) + click_torque(turns)"
                   + (" + base" if i % 4 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 7)
        out.append("    #[test]")
        out.append(f"    fn build_{i:03d}_turns_{grade}() {{")
        out.append(f"        let got = build_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"build {i} turns {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 10, 0, \"build {i}: tension not on the 10 N grid\");" if i % 3 == 0 else
                   f"        assert!(got < 1_900, \"build {i} turns {grade}: {{}} over the bar limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "ratchetbar"
    rnd = random.Random(25202)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 200)})
    env = {"CARGO_TARGET_DIR": str(tmp / "ratchetbar-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-ratchetbar", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(pawl_count);\n", ""))
    chain("chain-cargo-test-ratchetbar-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
