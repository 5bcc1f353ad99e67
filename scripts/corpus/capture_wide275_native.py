"""Round 275, native code: a flail-yard sheaf ledger in C (`flailyard`, written here and widened by a seeded generator)
built with gcc -Wall -Wextra and make -k, and a tiller-bolt crate in Rust (`tillerbolt`, no crates.io dependencies,
widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and clippy. The trees
are left under the round's scratch dir for OpenCode's run. Run through capture_wide275.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide275 import cap

FLAIL_H = """#ifndef FLAILYARD_H
#define FLAILYARD_H
#include <stddef.h>
typedef struct { int id; unsigned grain_permille; double straw_kg; const char *crop; } sheaf_t;
typedef struct { sheaf_t *sheaves; size_t n; long strokes; } yard_t;
double yard_yield(const yard_t *w);
int yard_find(const yard_t *w, int id);
#endif
"""

FLAIL_C = """#include <stdio.h>
#include "flailyard.h"
double yard_yield(const yard_t *w) {
    double t = 0;
    for (int i = 0; i < w->n; i++) t += w->sheaves[i].straw_kg * w->strokes / 7.0;
    return t;
}
int yard_find(const yard_t *w, int id) {
    for (size_t i = 0; i < w->n; i++) if (w->sheaves[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "flailyard.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"thresh{k:02d}_stroke{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 5 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(yard_t *w, int slot, const char *crop) {{")
        if kind == "unused":
            out.append(f"    int swing_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < w->n; i++) if (w->sheaves[i].grain_permille > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("stroke {j}: %d sheaves of %s\\n", w->n, crop);')
        if kind == "broken":
            out.append(f"    slot += beat_count_{j}(w->sheaves);")
            out.append(f"    w->sheaves = {rnd.randint(1, 99)}.75;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (crop && strlen(crop) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)w->strokes % {rnd.randint(2, 17)} + (crop != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "flailyard"
    rnd = random.Random(27501)
    files = {"src/flailyard.h": FLAIL_H, "src/yard.c": FLAIL_C}
    for k in range(46):
        files[f"src/thresh_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: flailyard\n\n"
                         "flailyard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/flailyard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build flailyard\n")
    write_tree(root, files)
    cap("make-k-flailyard", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "tillerbolt"
version = "0.2.7"
edition = "2021"

[dependencies]
"""

LIB = """//! Tiller bolts: shear load from bore depth, seating torque and a ranking of rudder fits.
pub mod runs;
pub mod broken;

pub fn shear_load_n(bore_um: u64, pin_um: u64) -> u64 {
    if pin_um == 0 { return 0; }
    return (bore_um - pin_um) * 1000 / pin_um;
}

pub fn seat_torque(turns: u32) -> u64 {
    if turns > 5 { 1960 } else { (turns as u64) * 130 }
}
"""

BROKEN = """pub fn rank(fits: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..fits.len()).collect();
    idx.sort_by_key(|&i| fits[i]);
    let label: String = idx.len();
    idx.push(bolt_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{shear_load_n, seat_torque};", ""]
    for i in range(n):
        out.append(f"pub fn helm_{i:03d}(turns: u32) -> u64 {{")
        out.append(f"    let spare_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        hole = rnd.randint(3_100, 9_400)
        out.append(f"    shear_load_n({hole}, {hole - rnd.randint(7, 520)}) + seat_torque(turns)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 8)
        out.append("    #[test]")
        out.append(f"    fn helm_{i:03d}_turns_{grade}() {{")
        out.append(f"        let got = helm_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"helm {i} turns {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 10, 0, \"helm {i}: tension not on the 10 N grid\");" if i % 3 == 1 else
                   f"        assert!(got < 1_900, \"helm {i} turns {grade}: {{}} over the rim limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "tillerbolt"
    rnd = random.Random(27502)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 240)})
    env = {"CARGO_TARGET_DIR": str(tmp / "tillerbolt-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-tillerbolt", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(bolt_count);\n", ""))
    chain("chain-cargo-test-tillerbolt-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
