"""Round 213, native code: a rope-walk production ledger in C (`ropewalk`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a tide-mill grinding-cost crate in Rust (`tidemill`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide213.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide213 import cap

ROPE_H = """#ifndef ROPEWALK_H
#define ROPEWALK_H
#include <stddef.h>
typedef struct { int id; unsigned twist_per_m; double length_m; const char *name; } strand_t;
typedef struct { strand_t *strands; size_t n; long seconds; } walk_t;
double walk_total(const walk_t *l);
int walk_find(const walk_t *l, int id);
#endif
"""

ROPE_C = """#include <stdio.h>
#include "ropewalk.h"
double walk_total(const walk_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->strands[i].length_m * l->seconds / 60.0;
    return t;
}
int walk_find(const walk_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->strands[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "ropewalk.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"hook{k:02d}_lay{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(walk_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->strands[i].twist_per_m > {rnd.randint(200, 700)}) slot++;")
        if kind == "format":
            out.append(f'    printf("lay {j}: %d strands on %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += fray_of_{j}(l->strands);")
            out.append(f"    l->strands = {rnd.randint(1, 99)}.25;")
        if kind == "param":
            out.append("    return slot + 1;\n}")
            continue
        out.append(f'    if (tag && strlen(tag) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)l->seconds % {rnd.randint(2, 17)} + (tag != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "ropewalk"
    rnd = random.Random(21301)
    files = {"src/ropewalk.h": ROPE_H, "src/walk.c": ROPE_C}
    for k in range(30):
        files[f"src/hook_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ropewalk\n\n"
                         "ropewalk: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ropewalk.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ropewalk\n")
    write_tree(root, files)
    cap("make-k-ropewalk", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "tidemill"
version = "0.5.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Milling batches: cost per sack, tide penalties and a ranking of batches.
pub mod batches;
pub mod broken;

pub fn cost_per_sack(total_pence: u64, sacks: u64) -> u64 {
    if sacks == 0 { return 0; }
    return total_pence * 100 / sacks;
}

pub fn tide_penalty(ebb: u32) -> u64 {
    if ebb > 5 { 1800 } else { (ebb as u64) * 100 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(ebb_count);
    idx
}
"""


def gen_jobs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{tide_penalty, cost_per_sack};", ""]
    for i in range(n):
        out.append(f"pub fn batch_{i:03d}(ebb: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    cost_per_sack({rnd.randint(7_000, 95_000)}, {rnd.choice([12, 20, 25, 40])}) + tide_penalty(ebb)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        ebb = rnd.randint(1, 7)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn batch_{i:03d}_ebb_{ebb}() {{")
        out.append(f"        let got = batch_{i:03d}({ebb});")
        # expectation written as the job rules say: ebbs past 5 carry 100 per ebb, not a flat 1800
        out.append(f"        assert!(got > 0, \"batch {i} ebb {ebb} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"batch {i}: cost not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 510_000, \"batch {i} ebb {ebb}: {{}} cents over the budget\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "tidemill"
    rnd = random.Random(21302)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/batches.rs": gen_jobs(rnd, 200)})
    env = {"CARGO_TARGET_DIR": str(tmp / "tidemill-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-tidemill", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(ebb_count);\n", ""))
    chain("chain-cargo-test-tidemill-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
