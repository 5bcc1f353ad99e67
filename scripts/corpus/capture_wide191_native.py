"""Round 191, native code: a weir-gate level ledger in C (`weirkeeper`, written here and widened by a seeded
generator) built with gcc -Wall -Wextra and make -k, and a plumb-line survey crate in Rust (`plumbline`, no crates.io
dependencies, widened by a seeded generator) through cargo build (errors and warnings), cargo test (failures) and
clippy. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide191.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide191 import cap

SKIFF_H = """#ifndef WEIRKEEPER_H
#define WEIRKEEPER_H
#include <stddef.h>
typedef struct { int id; unsigned level_cm; double flow; const char *name; } gate_t;
typedef struct { gate_t *gates; size_t n; long minutes; } ledger_t;
double ledger_total(const ledger_t *l);
int ledger_find(const ledger_t *l, int id);
#endif
"""

SKIFF_C = """#include <stdio.h>
#include "weirkeeper.h"
double ledger_total(const ledger_t *l) {
    double t = 0;
    for (int i = 0; i < l->n; i++) t += l->gates[i].flow * l->minutes / 60.0;
    return t;
}
int ledger_find(const ledger_t *l, int id) {
    for (size_t i = 0; i < l->n; i++) if (l->gates[i].id == id) return (int)i;
}
"""


def gen_c(k: int, rnd: random.Random) -> str:
    out = ['#include <stdio.h>', '#include <string.h>', '#include "weirkeeper.h"', ""]
    for j in range(rnd.randint(5, 9)):
        f = f"weir{k:02d}_sluice{j}"
        kind = rnd.choice(["unused", "signcmp", "format", "ok", "ok", "param", "broken"] if k % 4 == 3 else
                          ["unused", "signcmp", "format", "ok", "ok", "param"])
        out.append(f"int {f}(ledger_t *l, int slot, const char *tag) {{")
        if kind == "unused":
            out.append(f"    int spare_{j} = slot * {rnd.randint(2, 90)};")
        if kind == "signcmp":
            out.append(f"    for (int i = 0; i < l->n; i++) if (l->gates[i].level_cm > {rnd.randint(300, 900)}) slot++;")
        if kind == "format":
            out.append(f'    printf("tide {j}: %d gates at %s\\n", l->n, tag);')
        if kind == "broken":
            out.append(f"    slot += headroom_of_{j}(l->gates);")
            out.append(f"    l->gates = {rnd.randint(1, 99)}.5;")
        if kind == "param":
            out.append("    return slot + 1;\n}")
            continue
        out.append(f'    if (tag && strlen(tag) > {rnd.randint(3, 20)}) return slot;')
        out.append(f"    return slot + (int)l->minutes % {rnd.randint(2, 17)} + (tag != NULL);")
        out.append("}")
        out.append("")
    return "\n".join(out) + "\n"


def c_build(tmp: Path) -> None:
    root = tmp / "weirkeeper"
    rnd = random.Random(19101)
    files = {"src/weirkeeper.h": SKIFF_H, "src/ledger.c": SKIFF_C}
    for k in range(22):
        files[f"src/weir_{k:02d}.c"] = gen_c(k, rnd)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: weirkeeper\n\n"
                         "weirkeeper: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/weirkeeper.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build weirkeeper\n")
    write_tree(root, files)
    cap("make-k-weirkeeper", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


CARGO = """[package]
name = "plumbline"
version = "0.3.4"
edition = "2021"

[dependencies]
"""

LIB = """//! Plumb-line survey: offsets per metre, station penalties and a ranking of readings.
pub mod readings;
pub mod broken;

pub fn offset_per_m(total_mm: u64, metres: u64) -> u64 {
    if metres == 0 { return 0; }
    return total_mm * 100 / metres;
}

pub fn station_penalty(station: u32) -> u64 {
    if station > 6 { 2000 } else { (station as u64) * 100 }
}
"""

BROKEN = """pub fn rank(times: &[u64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..times.len()).collect();
    idx.sort_by_key(|&i| times[i]);
    let label: String = idx.len();
    idx.push(station_count);
    idx
}
"""


def gen_readings(rnd: random.Random, n: int) -> str:
    out = ["use crate::{station_penalty, offset_per_m};", ""]
    for i in range(n):
        out.append(f"pub fn reading_{i:03d}(station: u32) -> u64 {{")
        out.append(f"    let unused_{i} = {rnd.randint(1, 999)};" if i % 5 == 0 else "    let base = 0u64;")
        out.append(f"    offset_per_m({rnd.randint(12_000, 95_000)}, {rnd.choice([20, 25, 40, 50])}) + station_penalty(station)"
                   + (" + base" if i % 5 else ""))
        out.append("}")
    out += ["", "#[cfg(test)]", "mod tests {", "    use super::*;"]
    for i in range(n):
        station = rnd.randint(1, 8)
        ms = None
        out.append("    #[test]")
        out.append(f"    fn reading_{i:03d}_station_{station}() {{")
        out.append(f"        let got = reading_{i:03d}({station});")
        # expectation written as the survey rules say: stations past 6 carry 100 per station, not a flat 2000
        out.append(f"        assert!(got > 0, \"reading {i} station {station} gave {{}}\", got);")
        out.append(f"        assert_eq!(got % 100, 0, \"reading {i}: offset not whole\");" if i % 3 == 0 else
                   f"        assert!(got < 300_000, \"reading {i} station {station}: {{}} mm over the limit\", got);")
        out.append("    }")
        del ms
    out.append("}")
    return "\n".join(out) + "\n"


def rust(tmp: Path) -> None:
    root = tmp / "plumbline"
    rnd = random.Random(19102)
    write_tree(root, {"Cargo.toml": CARGO, "src/lib.rs": LIB, "src/broken.rs": BROKEN,
                      "src/readings.rs": gen_readings(rnd, 160)})
    env = {"CARGO_TARGET_DIR": str(tmp / "plumbline-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-plumbline", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(BROKEN.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(station_count);\n", ""))
    chain("chain-cargo-test-plumbline-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 400", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
