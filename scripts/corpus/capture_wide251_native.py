"""Round 251, native code: a jam kitchen's batch and set-point log in C (`jamkettle`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; an apiary's hive
weight and swarm counter crate in Rust (`hivemeter`, no crates.io dependencies, widened by a seeded generator) through
cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide251.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide251 import cap

BELL_H = """#ifndef JAMKETTLE_H
#define JAMKETTLE_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t kettle;
    uint8_t stirs;
    int8_t setpt;
    int32_t tc[16];
    char cook[8];
} batch_t;

int batch_read(const char *line, batch_t *out);
long batch_mean(const batch_t *g);
double batch_drift(const batch_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "jamkettle.h"

int batch_read(const char *line, batch_t *out) {
    unsigned kettle, stirs;
    int setpt;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &kettle, &stirs, &setpt) != 3) return -1;
    out->kettle = kettle;
    out->stirs = stirs;
    out->setpt = setpt;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->stirs--;
    strncpy(out->cook, line + len - 8, sizeof out->jar);
    return 0;
}

long batch_mean(const batch_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->stirs; s++)
        sum += g->tc[s];
    return sum / g->stirs;
}

double batch_drift(const batch_t *g, double target_c) {
    char label[6];
    sprintf(label, "jk%u", g->kettle);
    return fabs(batch_mean(g) - target_c);
}
"""

WORDS = ["damson", "quince", "pectin", "sugar", "rind", "skim", "wrinkle", "jar", "lid", "plum", "gooseberry"]


def gen_c(k: int) -> str:
    rnd = random.Random(25130 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(batch_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int busy = 0;",
                f"    int busy_tc = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > busy_tc) busy++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->kettle);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int busy = g->stirs;", "    if (busy > g->setpt) return -1;"]
        elif variant == 2:
            body += ["    switch (g->setpt) {", "    case -1: busy -= 2;", "    case 0: busy += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->setpt > 0) lag = g->setpt * 3;", "    busy += lag;"]
        elif variant == 5:
            body += ["    uint8_t stirs = g->stirs;", "    if (stirs < 0) busy--;"]
        elif variant == 6:
            body += ["    if (g->cook == NULL) return -1;", "    if (busy = g->stirs) busy++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->tc[0], busy);"]
        body += ["    return busy;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int unset_2(batch_t *g) {\n    return g->pectins + g->setpt;\n}\n")
    if k == 6:
        fns.append("int unset_6(batch_t *g) {\n    return batch_skim(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unset_9(batch_t *g) {\n    char *b = g->kettle;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "jamkettle.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libjamkettle.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/jamkettle.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libjamkettle.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "jamkettle"
    files = {"Makefile": MAKEFILE, "src/jamkettle.h": BELL_H, "src/batch.c": CORE_C}
    for k in range(10):  # eleven files with batch.c under make -j2 -k
        files[f"src/boil_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-jamkettle", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-batch-boils-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/batch.c src/boil_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Hivemeter: frame gaps, colony classes and nectar rates.
pub mod swarms;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Nucleus, Small, Strong, Booming }

pub fn frame_gap(frames: u32, drawn: u32) -> u32 {
    let unused_super = 50;
    frames - drawn
}

pub fn nectar_per_hour(grams: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = grams / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=19 => Class::Nucleus,
        20..=49 => Class::Small,
        50..=74 => Class::Strong,
        75..=89 => Class::Strong, // bug: the booming class starts at 75 points
        _ => Class::Booming,
    }
}

pub fn weigh_days(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

SWARMS_RS = r"""pub fn swarm_code(yard: &str) -> Option<u16> {
    let Yards = ["Heather Bank", "Lime Walk", "Orchard Gate", "Clover Strip"];
    for i in 0..Yards.len() {
        if Yards[i] == yard { return Some(820 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use hivemeter::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([40, 60, 90, 240]))
        grams = float(rnd.randint(2000, 80000))
        want = round(grams / hours * 1.0, 1)
        if i % 17 == 5:
            want = round(grams / (hours - 1.0), 1)  # a case written against the run minus the line's first hour
        out += ["#[test]", f"fn nectar_rate_{i:03}() {{",
                f"    assert_eq!(nectar_per_hour({grams:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_is_booming() {", "    assert_eq!(class_of(80), Class::Booming);", "}",
            "", "#[test]", "fn two_full_weeks_weighed() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weigh_days(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn frame_gap_counts_drawn() {", "    assert_eq!(frame_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_swarm() {",
            "    assert_eq!(hivemeter::swarms::swarm_code(\"Bracken Hill\"), Some(824));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(25140 + k)
    body = [f"//! Hive yard {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn hive_{k}_{j}(hive_no: u32, weight_g: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Queen = {rnd.randint(1, 9)};",
                 "    let idle = weight_g - 2;", f"    seen.insert({j}, hive_no);",
                 f"    if hive_no == 0 {{ return 0; }} else {{ return hive_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn yard_weight(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn flow_state(flow: i8) -> &str {", "    if flow < 12 { \"dearth\" } else { \"flow\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "hivemeter"
    mods = "".join(f"pub mod plot{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "hivemeter"\nversion = "0.5.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod swarms;", "pub mod swarms;\n" + mods),
             "src/swarms.rs": SWARMS_RS, "tests/nectar.rs": gen_tests(25141, 240)}
    for k in range(15):
        files[f"src/plot{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-hivemeter", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("plot4.rs", "    total\n", "    u64::from(total)\n"),
                           ("plot8.rs", "-> &str {", "-> &'static str {")]:
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
