"""Round 291, native code: a spool-gate lot ledger in C (`spoolgate`, written here and widened by a seeded generator)
built with gcc -Wall -Wextra and make -k, and a tiller-horn crate in Rust (`tillerhorn`, no crates.io dependencies,
widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and clippy. The trees
are left under the round's scratch dir for OpenCode's run. Run through capture_wide291.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide291 import cap

GATE_H = """#ifndef SPOOLGATE_H
#define SPOOLGATE_H
#include <stddef.h>
typedef struct { int id; unsigned twist_permille; double yarn_g; const char *fibre; } spool_t;
typedef struct { spool_t *spools; size_t n; long passes; } gate_t;
double gate_weight(const gate_t *w);
int gate_find(const gate_t *w, int id);
#endif
"""

GATE_C = """#include <stdio.h>
#include "spoolgate.h"
double gate_weight(const gate_t *w) {
    double t = 0;
    for (int i = 0; i < w->n; i++) t += w->spools[i].yarn_g * w->passes / 7.0;
    return t;
}
int gate_find(const gate_t *w, int id) {
    for (size_t i = 0; i < w->n; i++) if (w->spools[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "spoolgate.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"gate{k:02d}_lot{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 5 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(gate_t *w, int slot, const char *fibre) {{")
        if kind == "unused":
            out.append(f"    int slack_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < w->n; i++) if (w->spools[i].twist_permille > {rnd.randint(100, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("lot {j}: %d spools of %s\\n", w->n, fibre);')
        if kind == "broken":
            out.append(f"    slot += twist_count_{j}(w->spools);")
            out.append(f"    w->spools = {rnd.randint(1, 99)}.75;")
        if kind == "param":
            out.append("    return slot + 2;\n}")
            continue
        out.append(f'    if (fibre && strlen(fibre) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)w->passes % {rnd.randint(2, 17)} + (fibre != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "spoolgate"
    rnd = random.Random(29101)
    files = {"src/spoolgate.h": GATE_H, "src/gate.c": GATE_C}
    for k in range(44):
        files[f"src/gate_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: spoolgate\n\n"
                         "spoolgate: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/spoolgate.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build spoolgate\n")
    write_tree(root, files)
    cap("make-k-spoolgate", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "tillerhorn"
version = "0.7.3"
edition = "2021"

[dependencies]
"""

LIB = """//! Tiller horns: sweep from horn bore, helm load and a ranking of tiller fits.
pub mod runs;
pub mod broken;

pub fn sweep_n(bore_um: u64, pintle_um: u64) -> u64 {
    if pintle_um == 0 { return 0; }
    return (bore_um - pintle_um) * 1000 / pintle_um;
}

pub fn helm_load(turns: u32) -> u64 {
    if turns > 5 { 1980 } else { (turns as u64) * 165 }
}
"""

BROKEN = """pub fn rank(fits: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..fits.len()).collect();
    idx.sort_by_key(|&i| fits[i]);
    let label: String = idx.len();
    idx.push(horn_count);
    idx
}
"""


def gen_runs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{sweep_n, helm_load};", ""]
    for i in range(n):
        out.append(f"pub fn helm_{i:03d}(turns: u32) -> u64 {{")
        out.append(f"    let spare_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        hole = rnd.randint(2_800, 8_900)
        out.append(f"    sweep_n({hole}, {hole - rnd.randint(9, 480)}) + helm_load(turns)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        grade = rnd.randint(1, 8)
        out.append("    #[test]")
        out.append(f"    fn helm_{i:03d}_turns_{grade}() {{")
        out.append(f"        let got = helm_{i:03d}({grade});")
        out.append(f"        assert!(got > 0, \"helm {i} turns {grade} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 10, 0, \"helm {i}: sweep not on the 10 mm grid\");" if i % 3 == 1 else
                   f"        assert!(got < 1_900, \"helm {i} turns {grade}: {{}} over the rudder limit\", got);")
        out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "tillerhorn"
    rnd = random.Random(29102)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/runs.rs": gen_runs(rnd, 240)})
    env = {"CARGO_TARGET_DIR": str(tmp / "tillerhorn-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-tillerhorn", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(horn_count);\n", ""))
    chain("chain-cargo-test-tillerhorn-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
