"""Round 199, native code: a rope-walk twine ledger in C (`ropewalk`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a celestial-sight reduction crate in Rust (`sextant`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide199.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide199 import cap

ROPE_H = """#ifndef ROPEWALK_H
#define ROPEWALK_H
#include <stddef.h>
typedef struct { int id; unsigned twist_per_m; double tension; const char *name; } spool_t;
typedef struct { spool_t *spools; size_t n; long seconds; } ledger_t;
double ledger_total(const ledger_t *l);
int ledger_find(const ledger_t *l, int id);
#endif
"""

ROPE_C = """#include <stdio.h>
#include "ropewalk.h"
double ledger_total(const ledger_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->spools[i].tension * l->seconds / 60.0;
    return t;
}
int ledger_find(const ledger_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->spools[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "ropewalk.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"strand{k:02d}_lay{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 3 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(ledger_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->spools[i].twist_per_m > {rnd.randint(200, 700)}) slot++;")
        if kind == "format":
            out.append(f'    printf("lay {j}: %d spools on %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += slack_of_{j}(l->spools);")
            out.append(f"    l->spools = {rnd.randint(1, 99)}.5;")
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
    rnd = random.Random(19901)
    files = {"src/ropewalk.h": ROPE_H, "src/ledger.c": ROPE_C}
    for k in range(24):
        files[f"src/strand_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ropewalk\n\n"
                         "ropewalk: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ropewalk.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ropewalk\n")
    write_tree(root, files)
    cap("make-k-ropewalk", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "sextant"
version = "0.5.1"
edition = "2021"

[dependencies]
"""

LIB = """//! Celestial sights: arc per degree, horizon penalties and a ranking of sights.
pub mod sights;
pub mod broken;

pub fn arc_per_deg(total_arcsec: u64, degrees: u64) -> u64 {
    if degrees == 0 { return 0; }
    return total_arcsec * 100 / degrees;
}

pub fn horizon_penalty(altitude: u32) -> u64 {
    if altitude > 6 { 2000 } else { (altitude as u64) * 100 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(altitude_count);
    idx
}
"""


def gen_sights(rnd: random.Random, n: int) -> str:
    out = ["use crate::{horizon_penalty, arc_per_deg};", ""]
    for i in range(n):
        out.append(f"pub fn sight_{i:03d}(altitude: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    arc_per_deg({rnd.randint(12_000, 95_000)}, {rnd.choice([20, 25, 40, 50])}) + horizon_penalty(altitude)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        altitude = rnd.randint(1, 8)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn sight_{i:03d}_altitude_{altitude}() {{")
        out.append(f"        let got = sight_{i:03d}({altitude});")
        # expectation written as the sight rules say: altitudes past 6 carry 100 per altitude, not a flat 2000
        out.append(f"        assert!(got > 0, \"sight {i} altitude {altitude} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"sight {i}: arc not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 300_000, \"sight {i} altitude {altitude}: {{}} arcsec over the limit\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "sextant"
    rnd = random.Random(19902)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/sights.rs": gen_sights(rnd, 170)})
    env = {"CARGO_TARGET_DIR": str(tmp / "sextant-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-sextant", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(altitude_count);\n", ""))
    chain("chain-cargo-test-sextant-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
