"""Round 222, native code: a pitch-kiln burn ledger in C (`pitchkiln`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a peat-cutting cost crate in Rust (`peatcutter`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide222.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide222 import cap

KILN_H = """#ifndef PITCHKILN_H
#define PITCHKILN_H
#include <stddef.h>
typedef struct { int id; unsigned resin_per_kg; double stack_kg; const char *name; } charge_t;
typedef struct { charge_t *charges; size_t n; long minutes; } burn_t;
double burn_total(const burn_t *l);
int burn_find(const burn_t *l, int id);
#endif
"""

KILN_C = """#include <stdio.h>
#include "pitchkiln.h"
double burn_total(const burn_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->charges[i].stack_kg * l->minutes / 45.0;
    return t;
}
int burn_find(const burn_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->charges[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "pitchkiln.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"flue{k:02d}_stoke{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 2 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(burn_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->charges[i].resin_per_kg > {rnd.randint(200, 700)}) slot++;")
        if kind == "format":
            out.append(f'    printf("stoke {j}: %d charges in %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += tar_yield_{j}(l->charges);")
            out.append(f"    l->charges = {rnd.randint(1, 99)}.25;")
        if kind == "param":
            out.append("    return slot + 1;\n}")
            continue
        out.append(f'    if (tag && strlen(tag) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)l->minutes % {rnd.randint(2, 17)} + (tag != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "pitchkiln"
    rnd = random.Random(22201)
    files = {"src/pitchkiln.h": KILN_H, "src/kiln.c": KILN_C}
    for k in range(34):
        files[f"src/flue_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pitchkiln\n\n"
                         "pitchkiln: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pitchkiln.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pitchkiln\n")
    write_tree(root, files)
    cap("make-k-pitchkiln", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "peatcutter"
version = "0.3.4"
edition = "2021"

[dependencies]
"""

LIB = """//! Cutting rounds: cost per turf, bog penalties and a ranking of rounds.
pub mod rounds;
pub mod broken;

pub fn cost_per_turf(total_pence: u64, turves: u64) -> u64 {
    if turves == 0 { return 0; }
    return total_pence * 100 / turves;
}

pub fn bog_penalty(depth: u32) -> u64 {
    if depth > 4 { 2400 } else { (depth as u64) * 150 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(sod_count);
    idx
}
"""


def gen_jobs(rnd: random.Random, n: int) -> str:
    out = ["use crate::{bog_penalty, cost_per_turf};", ""]
    for i in range(n):
        out.append(f"pub fn round_{i:03d}(depth: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    cost_per_turf({rnd.randint(6_000, 88_000)}, {rnd.choice([15, 24, 30, 48])}) + bog_penalty(depth)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        depth = rnd.randint(1, 7)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn round_{i:03d}_depth_{depth}() {{")
        out.append(f"        let got = round_{i:03d}({depth});")
        # expectation written as the cutting rules say: depths past 4 carry 150 per step, not a flat 2400
        out.append(f"        assert!(got > 0, \"round {i} depth {depth} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"round {i}: cost not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 380_000, \"round {i} depth {depth}: {{}} pence over the budget\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "peatcutter"
    rnd = random.Random(22202)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/rounds.rs": gen_jobs(rnd, 190)})
    env = {"CARGO_TARGET_DIR": str(tmp / "peatcutter-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-peatcutter", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(sod_count);\n", ""))
    chain("chain-cargo-test-peatcutter-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
