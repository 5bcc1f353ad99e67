"""Round 283, native code: a kiln-row firing ledger in C (`kilnrow`, written here and widened by a seeded generator)
built with gcc -Wall -Wextra and make -k, and a hopper-wick crate in Rust (`hopperwick`, no crates.io dependencies,
widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and clippy. The trees
are left under the round's scratch dir for OpenCode's run. Run through capture_wide283.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide283 import cap

KILN_H = """#ifndef KILNROW_H
#define KILNROW_H
#include <stddef.h>
typedef struct { int id; unsigned glaze_permille; double clay_kg; const char *body; } pot_t;
typedef struct { pot_t *pots; size_t n; long firings; } row_t;
double row_yield(const row_t *w);
int row_find(const row_t *w, int id);
#endif
"""

KILN_C = """#include <stdio.h>
#include "kilnrow.h"
double row_yield(const row_t *w) {
    double t = 0;
    for (int i = 0; i < w->n; i++) t += w->pots[i].clay_kg * w->firings / 9.0;
    return t;
}
int row_find(const row_t *w, int id) {
    for (size_t i = 0; i < w->n; i++) if (w->pots[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "kilnrow.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"kiln{k:02d}_cone{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 5 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(row_t *w, int slot, const char *body) {{")
        if kind == "unused":
            out.append(f"    int heat_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < w->n; i++) if (w->pots[i].glaze_permille > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("cone {j}: %d pots of %s\\n", w->n, body);')
        if kind == "broken":
            out.append(f"    slot += glaze_count_{j}(w->pots);")
            out.append(f"    w->pots = {rnd.randint(1, 99)}.75;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (body && strlen(body) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)w->firings % {rnd.randint(2, 17)} + (body != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "kilnrow"
    rnd = random.Random(28301)
    files = {"src/kilnrow.h": KILN_H, "src/row.c": KILN_C}
    for k in range(44):
        files[f"src/kiln_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: kilnrow\n\n"
                         "kilnrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/kilnrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build kilnrow\n")
    write_tree(root, files)
    cap("make-k-kilnrow", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "hopperwick"
version = "0.4.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Hopper wicks: feed rate from wick bore, draw torque and a ranking of hopper fits.
pub mod runs;
pub mod broken;

pub fn feed_rate_n(bore_um: u64, pin_um: u64) -> u64 {
    if pin_um == 0 { return 0; }
    return (bore_um - pin_um) * 1000 / pin_um;
}

pub fn draw_torque(turns: u32) -> u64 {
    if turns > 6 { 2140 } else { (turns as u64) * 145 }
}
"""

BROKEN = """pub fn rank(fits: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..fits.len()).collect();
    idx.sort_by_key(|&i| fits[i]);
    let label: String = idx.len();
    idx.push(wick_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{feed_rate_n, draw_torque};", ""]
    for i in range(n):
        out.append(f"pub fn hop_{i:03d}(turns: u32) -> u64 {{")
        out.append(f"    let spare_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        hole = rnd.randint(3_100, 9_400)
        out.append(f"    feed_rate_n({hole}, {hole - rnd.randint(7, 520)}) + draw_torque(turns)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 8)
        out.append("    #[test]")
        out.append(f"    fn hop_{i:03d}_turns_{grade}() {{")
        out.append(f"        let got = hop_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"hop {i} turns {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 10, 0, \"hop {i}: feed not on the 10 g grid\");" if i % 3 == 1 else
                   f"        assert!(got < 2_050, \"hop {i} turns {grade}: {{}} over the chute limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "hopperwick"
    rnd = random.Random(28302)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 230)})
    env = {"CARGO_TARGET_DIR": str(tmp / "hopperwick-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-hopperwick", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(wick_count);\n", ""))
    chain("chain-cargo-test-hopperwick-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
