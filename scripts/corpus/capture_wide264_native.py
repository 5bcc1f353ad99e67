"""Round 264, native code: a winnowing-rig batch ledger in C (`winnowrig`, written here and widened by a seeded generator)
built with gcc -Wall -Wextra and make -k, and a spoke-tension crate in Rust (`spokewright`, no crates.io dependencies,
widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and clippy. The trees
are left under the round's scratch dir for OpenCode's run. Run through capture_wide264.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide264 import cap

WINNOW_H = """#ifndef WINNOWRIG_H
#define WINNOWRIG_H
#include <stddef.h>
typedef struct { int id; unsigned husk_permille; double kept_kg; const char *crop; } batch_t;
typedef struct { batch_t *batches; size_t n; long sweeps; } rig_t;
double rig_yield(const rig_t *w);
int rig_find(const rig_t *w, int id);
#endif
"""

WINNOW_C = """#include <stdio.h>
#include "winnowrig.h"
double rig_yield(const rig_t *w) {
    double t = 0;
    for (int i = 0; i < w->n; i++) t += w->batches[i].kept_kg * w->sweeps / 9.0;
    return t;
}
int rig_find(const rig_t *w, int id) {
    for (size_t i = 0; i < w->n; i++) if (w->batches[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "winnowrig.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"riddle{k:02d}_sweep{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 5 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(rig_t *w, int slot, const char *crop) {{")
        if kind == "unused":
            out.append(f"    int gust_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < w->n; i++) if (w->batches[i].husk_permille > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("sweep {j}: %d batches of %s\\n", w->n, crop);')
        if kind == "broken":
            out.append(f"    slot += chaff_mass_{j}(w->batches);")
            out.append(f"    w->batches = {rnd.randint(1, 99)}.75;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (crop && strlen(crop) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)w->sweeps % {rnd.randint(2, 17)} + (crop != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "winnowrig"
    rnd = random.Random(26401)
    files = {"src/winnowrig.h": WINNOW_H, "src/winnow.c": WINNOW_C}
    for k in range(42):
        files[f"src/riddle_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: winnowrig\n\n"
                         "winnowrig: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/winnowrig.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build winnowrig\n")
    write_tree(root, files)
    cap("make-k-winnowrig", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "spokewright"
version = "0.4.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Spoke tension: nipple load from thread depth, truing torque and a ranking of wheel builds.
pub mod runs;
pub mod broken;

pub fn nipple_load_n(thread_um: u64, gauge_um: u64) -> u64 {
    if gauge_um == 0 { return 0; }
    return (thread_um - gauge_um) * 1000 / gauge_um;
}

pub fn truing_torque(turns: u32) -> u64 {
    if turns > 5 { 2100 } else { (turns as u64) * 140 }
}
"""

BROKEN = """pub fn rank(widths: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..widths.len()).collect();
    idx.sort_by_key(|&i| widths[i]);
    let label: String = idx.len();
    idx.push(spoke_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{nipple_load_n, truing_torque};", ""]
    for i in range(n):
        out.append(f"pub fn wheel_{i:03d}(turns: u32) -> u64 {{")
        out.append(f"    let spare_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        hole = rnd.randint(2_400, 8_100)
        out.append(f"    nipple_load_n({hole}, {hole - rnd.randint(5, 450)}) + truing_torque(turns)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 8)
        out.append("    #[test]")
        out.append(f"    fn wheel_{i:03d}_turns_{grade}() {{")
        out.append(f"        let got = wheel_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"wheel {i} turns {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 20, 0, \"wheel {i}: tension not on the 20 N grid\");" if i % 3 == 1 else
                   f"        assert!(got < 2_050, \"wheel {i} turns {grade}: {{}} over the rim limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "spokewright"
    rnd = random.Random(26402)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 220)})
    env = {"CARGO_TARGET_DIR": str(tmp / "spokewright-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-spokewright", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(spoke_count);\n", ""))
    chain("chain-cargo-test-spokewright-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 450", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
