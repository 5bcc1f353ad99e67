"""Round 183, native code: a river-ferry crossing log in C (`ferrywatch`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a pigeon-loft race tally crate in Rust
(`dovecote`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide183.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide183 import cap

LOCK_H = """#ifndef FERRYWATCH_H
#define FERRYWATCH_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t ferry;
    uint8_t cars;
    int8_t tide;
    int32_t load_kg[16];
    char landing[8];
} crossing_t;

int crossing_read(const char *line, crossing_t *out);
long crossing_mean(const crossing_t *g);
double crossing_late(const crossing_t *g, double target_kg);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "ferrywatch.h"

int crossing_read(const char *line, crossing_t *out) {
    unsigned ferry, cars;
    int tide;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &ferry, &cars, &tide) != 3) return -1;
    out->ferry = ferry;
    out->cars = cars;
    out->tide = tide;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->cars--;
    strncpy(out->landing, line + len - 8, sizeof out->landing);
    return 0;
}

long crossing_mean(const crossing_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->cars; s++)
        sum += g->load_kg[s];
    return sum / g->cars;
}

double crossing_late(const crossing_t *g, double target_kg) {
    char label[6];
    sprintf(label, "fw%u", g->ferry);
    return fabs(crossing_mean(g) - target_kg);
}
"""

WORDS = ["ramp", "hawser", "bollard", "apron", "deck", "winch", "cable", "landing", "ticket", "pontoon", "skiff"]


def gen_c(k: int) -> str:
    rnd = random.Random(18330 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(crossing_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int heavy_kg = {rnd.randint(2400, 3600)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > heavy_kg) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->ferry);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->cars;", "    if (hot > g->tide) return -1;"]
        elif variant == 2:
            body += ["    switch (g->tide) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->tide > 0) lag = g->tide * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t cars = g->cars;", "    if (cars < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->landing == NULL) return -1;", "    if (hot = g->cars) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->load_kg[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(crossing_t *g) {\n    return g->hulls + g->tide;\n}\n")
    if k == 6:
        fns.append("int broken_6(crossing_t *g) {\n    return crossing_sink(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(crossing_t *g) {\n    char *b = g->ferry;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "ferrywatch.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libferrywatch.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/ferrywatch.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libferrywatch.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "ferrywatch"
    files = {"Makefile": MAKEFILE, "src/ferrywatch.h": LOCK_H, "src/ferry.c": CORE_C}
    for k in range(10):  # eleven files with ferry.c under make -j2 -k
        files[f"src/slip_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-ferrywatch", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-ferry-slips-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/ferry.c src/slip_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Dovecote: loft baskets, race classes and homing speeds.
pub mod lofts;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Novice, Club, Open, Federation }

pub fn basket_gap(birds: u32, strays: u32) -> u32 {
    let unused_crate = 50;
    birds - strays
}

pub fn speed_mpm(metres: f64, minutes: f64) -> f64 {
    let scale = 1.0;
    let v = metres / minutes * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=24 => Class::Novice,
        25..=59 => Class::Club,
        60..=79 => Class::Open,
        80..=94 => Class::Open, // bug: the federation class starts at 80 points
        _ => Class::Federation,
    }
}

pub fn weekly_clocks(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

TAPS_RS = r"""pub fn loft_code(site: &str) -> Option<u16> {
    let Lines = ["Hawk Lane", "Mill Row", "Quarry End", "Chapel Yard"];
    for i in 0..Lines.len() {
        if Lines[i] == site { return Some(420 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use dovecote::*;", ""]
    for i in range(n):
        minutes = float(rnd.choice([50, 80, 125, 200]))
        metres = float(rnd.randint(1000, 90000))
        want = round(metres / minutes * 1.0, 1)
        if i % 19 == 7:
            want = round(metres / (minutes - 1.0), 1)  # a case written against the clock minus the basket's opening minute
        out += ["#[test]", f"fn speed_{i:03}() {{",
                f"    assert_eq!(speed_mpm({metres:.1f}, {minutes:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_federation() {", "    assert_eq!(class_of(90), Class::Federation);", "}",
            "", "#[test]", "fn two_full_weeks_clocked() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_clocks(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn basket_gap_counts_strays() {", "    assert_eq!(basket_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_loft() {",
            "    assert_eq!(dovecote::lofts::loft_code(\"Heron Bank\"), Some(424));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(18340 + k)
    body = [f"//! Loft block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn loft_{k}_{j}(ring_no: u32, wind_kph: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(1, 9)};",
                 "    let idle = wind_kph - 2;", f"    seen.insert({j}, ring_no);",
                 f"    if ring_no == 0 {{ return 0; }} else {{ return ring_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn loft_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn loft_state(birds: i8) -> &str {", "    if birds < 12 { \"thin\" } else { \"full\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "dovecote"
    mods = "".join(f"pub mod block{k};\n" for k in range(13))
    files = {"Cargo.toml": '[package]\nname = "dovecote"\nversion = "0.4.3"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod lofts;", "pub mod lofts;\n" + mods),
             "src/lofts.rs": TAPS_RS, "tests/trials.rs": gen_tests(18341, 230)}
    for k in range(13):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-dovecote", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
