"""Round 155, native code: a beehive monitor in C (`hivelog`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a weaving-loom tally crate in Rust
(`loomtally`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide155.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide155 import cap

HIVE_H = """#ifndef HIVELOG_H
#define HIVELOG_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t hive;
    uint8_t probes;
    int8_t flap;
    int32_t temp_mc[16];
    char queen[8];
} hive_t;

int hive_read(const char *line, hive_t *out);
long hive_mean(const hive_t *g);
double hive_overheat(const hive_t *g, double target_mc);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "hivelog.h"

int hive_read(const char *line, hive_t *out) {
    unsigned hive, probes;
    int flap;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &hive, &probes, &flap) != 3) return -1;
    out->hive = hive;
    out->probes = probes;
    out->flap = flap;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->probes--;
    strncpy(out->queen, line + len - 8, sizeof out->queen);
    return 0;
}

long hive_mean(const hive_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->probes; s++)
        sum += g->temp_mc[s];
    return sum / g->probes;
}

double hive_overheat(const hive_t *g, double target_mc) {
    char label[6];
    sprintf(label, "hv%u", g->hive);
    return fabs(hive_mean(g) - target_mc);
}
"""

WORDS = ["brood", "comb", "frame", "super", "smoker", "nectar", "drone", "swarm", "propolis", "wax", "forage"]


def gen_c(k: int) -> str:
    rnd = random.Random(15530 + k)
    fns = []
    for j in range(rnd.randint(13, 18)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(hive_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int hot_mc = {rnd.randint(30000, 38000)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > hot_mc) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->hive);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->probes;", "    if (hot > g->flap) return -1;"]
        elif variant == 2:
            body += ["    switch (g->flap) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->flap > 0) lag = g->flap * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t probes = g->probes;", "    if (probes < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->queen == NULL) return -1;", "    if (hot = g->probes) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->temp_mc[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(hive_t *g) {\n    return g->frames + g->flap;\n}\n")
    if k == 6:
        fns.append("int broken_6(hive_t *g) {\n    return hive_smoke(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(hive_t *g) {\n    char *b = g->hive;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "hivelog.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libhivelog.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/hivelog.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libhivelog.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "hivelog"
    files = {"Makefile": MAKEFILE, "src/hivelog.h": HIVE_H, "src/hive.c": CORE_C}
    for k in range(10):  # eleven files with hive.c under make -j2 -k
        files[f"src/apiary_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-hivelog", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-hive-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/hive.c src/apiary_0[0-6].c", root,
        n_gcc)


LIB_RS = r"""//! Loom: warp rows, cloth grades and weaving yields.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Cull, Juice, Table, Extra }

pub fn slack_gap(picks: u32, breaks: u32) -> u32 {
    let unused_crate = 50;
    picks - breaks
}

pub fn density_pct(woven: f64, warp: f64) -> f64 {
    let hundred = 100.0;
    let v = woven / warp * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(rate: u32) -> Grade {
    match rate {
        0..=19 => Grade::Cull,
        20..=49 => Grade::Juice,
        50..=74 => Grade::Table,
        75..=89 => Grade::Table, // bug: extra grade starts at 75 %
        _ => Grade::Extra,
    }
}

pub fn weekly_bolts(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

ROWS_RS = r"""pub fn row_code(species: &str) -> Option<u16> {
    let Looms = ["Jacquard Bay", "Dobby Bay", "Rapier Bay", "Shuttle Bay"];
    for i in 0..Looms.len() {
        if Looms[i] == species { return Some(310 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use loomtally::*;", ""]
    for i in range(n):
        warp = float(rnd.choice([48, 96, 144, 288]))
        woven = float(rnd.randint(0, int(warp)))
        want = round(woven / warp * 100.0, 1)
        if i % 19 == 8:
            want = round(woven / (warp - 1.0) * 100.0, 1)  # a case written against the warp minus its selvedge thread
        out += ["#[test]", f"fn density_{i:03}() {{",
                f"    assert_eq!(density_pct({woven:.1f}, {warp:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_two_is_extra() {", "    assert_eq!(grade_of(82), Grade::Extra);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_bolts(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn slack_gap_counts_breaks() {", "    assert_eq!(slack_gap(60, 52), 52);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(loomtally::rows::row_code(\"Treadle Bay\"), Some(314));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(15540 + k)
    body = [f"//! Loom block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn loom_{k}_{j}(thread_m: u32, tension_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Heddle = {rnd.randint(1, 9)};",
                 "    let idle = tension_pct - 15;", f"    seen.insert({j}, thread_m);",
                 f"    if thread_m == 0 {{ return 0; }} else {{ return thread_m - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn loom_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn loom_state(humid: i8) -> &str {", "    if humid < 40 { \"brittle\" } else { \"supple\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "loomtally"
    mods = "".join(f"pub mod block{k};\n" for k in range(13))
    files = {"Cargo.toml": '[package]\nname = "loomtally"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(15541, 220)}
    for k in range(13):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-loomtally", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("block4.rs", "    total\n", "    u64::from(total)\n"),
                           ("block8.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-tail-1500", "cargo clippy 2>&1 | tail -n 1500", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata", "cargo metadata --format-version 1", root, n_cargo_meta, env=env)


STEPS = [c_build, rust]
