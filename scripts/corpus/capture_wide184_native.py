"""Round 184, native code: a quay berth-allocation ledger in C (`quaywarden`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a rowing-stroke rate crate in Rust (`oarstroke`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide184.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide184 import cap

SKIFF_H = """#ifndef QUAYWARDEN_H
#define QUAYWARDEN_H
#include <stddef.h>
typedef struct { int id; unsigned depth_cm; double rate; const char *name; } berth_t;
typedef struct { berth_t *boats; size_t n; long minutes; } ledger_t;
double ledger_total(const ledger_t *l);
int ledger_find(const ledger_t *l, int id);
#endif
"""

SKIFF_C = """#include <stdio.h>
#include "quaywarden.h"
double ledger_total(const ledger_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->boats[i].rate * l->minutes / 60.0;
    return t;
}
int ledger_find(const ledger_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->boats[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "quaywarden.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"quay{k:02d}_tide{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 3 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(ledger_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->boats[i].depth_cm > {rnd.randint(300, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("tide {j}: %d boats at %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += draught_of_{j}(l->boats);")
            out.append(f"    l->boats = {rnd.randint(1, 99)}.5;")
        if kind == "param":
            out.append("    return slot + 1;\n}")
            continue
        out.append(f'    if (tag && strlen(tag) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)l->minutes % {rnd.randint(2, 17)} + (tag != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "quaywarden"
    rnd = random.Random(18401)
    files = {"src/quaywarden.h": SKIFF_H, "src/ledger.c": SKIFF_C}
    for k in range(22):
        files[f"src/quay_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: quaywarden\n\n"
                         "quaywarden: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/quaywarden.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build quaywarden\n")
    write_tree(root, files)
    cap("make-k-quaywarden", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "oarstroke"
version = "0.7.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Stroke rates: split paces, seat penalties and crew ranking.
pub mod pieces;
pub mod broken;

pub fn pace_per_500(total_ms: u64, metres: u64) -> u64 {
    if metres == 0 { return 0; }
    return total_ms * 500 / metres;
}

pub fn seat_penalty(seat: u32) -> u64 {
    if seat > 6 { 2000 } else { (seat as u64) * 100 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(crew_count);
    idx
}
"""


def gen_pieces(rnd: random.Random, n: int) -> str:
    out = ["use crate::{seat_penalty, pace_per_500};", ""]
    for i in range(n):
        out.append(f"pub fn piece_{i:03d}(seat: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    pace_per_500({rnd.randint(395_000, 470_000)}, 2000) + seat_penalty(seat)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        seat = rnd.randint(1, 8)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn piece_{i:03d}_seat_{seat}() {{")
        out.append(f"        let got = piece_{i:03d}({seat});")
        # expectation written as the crew rules say: seats 7 and 8 carry 700/800, not a flat 2000
        out.append(f"        assert!(got > 0, \"heat {i} seat {seat} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"heat {i}: pace not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 120_000, \"heat {i} seat {seat}: {{}} ms over the limit\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "oarstroke"
    rnd = random.Random(18402)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/pieces.rs": gen_pieces(rnd, 160)})
    env = {"CARGO_TARGET_DIR": str(tmp / "oarstroke-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-oarstroke", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(crew_count);\n", ""))
    chain("chain-cargo-test-oarstroke-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
