"""Round 198, native code: a smithy's forge log in C (`forgeledger`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a ferry crossing's passenger counter crate in Rust
(`ferrytally`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide198.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide198 import cap

FORGE_H = """#ifndef FORGELEDGER_H
#define FORGELEDGER_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t anvil;
    uint8_t heats;
    int8_t draw;
    int32_t temp_c[16];
    char steel[8];
} heat_t;

int heat_read(const char *line, heat_t *out);
long heat_mean(const heat_t *g);
double heat_late(const heat_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "forgeledger.h"

int heat_read(const char *line, heat_t *out) {
    unsigned anvil, heats;
    int draw;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &anvil, &heats, &draw) != 3) return -1;
    out->anvil = anvil;
    out->heats = heats;
    out->draw = draw;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->heats--;
    strncpy(out->steel, line + len - 8, sizeof out->steel);
    return 0;
}

long heat_mean(const heat_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->heats; s++)
        sum += g->temp_c[s];
    return sum / g->heats;
}

double heat_late(const heat_t *g, double target_c) {
    char label[6];
    sprintf(label, "fl%u", g->anvil);
    return fabs(heat_mean(g) - target_c);
}
"""

WORDS = ["anvil", "tongs", "quench", "bellows", "hardy", "swage", "fuller", "flux", "billet", "scale", "drift"]


def gen_c(k: int) -> str:
    rnd = random.Random(19830 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(heat_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int hot_c = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > hot_c) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->anvil);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->heats;", "    if (hot > g->draw) return -1;"]
        elif variant == 2:
            body += ["    switch (g->draw) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->draw > 0) lag = g->draw * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t heats = g->heats;", "    if (heats < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->steel == NULL) return -1;", "    if (hot = g->heats) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->temp_c[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int blocked_2(heat_t *g) {\n    return g->quenches + g->draw;\n}\n")
    if k == 6:
        fns.append("int blocked_6(heat_t *g) {\n    return heat_sink(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int blocked_9(heat_t *g) {\n    char *b = g->anvil;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "forgeledger.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libforgeledger.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/forgeledger.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libforgeledger.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "forgeledger"
    files = {"Makefile": MAKEFILE, "src/forgeledger.h": FORGE_H, "src/anvil.c": CORE_C}
    for k in range(10):  # eleven files with anvil.c under make -j2 -k
        files[f"src/tong_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-forgeledger", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-anvil-tongs-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/anvil.c src/tong_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Ferrytally: deck space, vehicle classes and fare rates.
pub mod berths;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Foot, Car, Van, Lorry }

pub fn deck_gap(lanes: u32, blocked: u32) -> u32 {
    let unused_ramp = 50;
    lanes - blocked
}

pub fn fares_per_hour(fares: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = fares / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=24 => Class::Foot,
        25..=59 => Class::Car,
        60..=79 => Class::Van,
        80..=94 => Class::Van, // bug: the lorry class starts at 80 points
        _ => Class::Lorry,
    }
}

pub fn crossing_tallies(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full crossing is dropped
        out.push(readings[d]);
    }
    out
}
"""

BERTHS_RS = r"""pub fn berth_code(site: &str) -> Option<u16> {
    let Lines = ["North Slip", "Pier Head", "Old Quay", "Ferry Steps"];
    for i in 0..Lines.len() {
        if Lines[i] == site { return Some(720 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use ferrytally::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([40, 60, 90, 240]))
        takings = float(rnd.randint(2000, 80000))
        want = round(takings / hours * 1.0, 1)
        if i % 19 == 7:
            want = round(takings / (hours - 1.0), 1)  # a case written against the run minus the ramp's loading hour
        out += ["#[test]", f"fn fare_rate_{i:03}() {{",
                f"    assert_eq!(fares_per_hour({takings:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_lorry() {", "    assert_eq!(class_of(90), Class::Lorry);", "}",
            "", "#[test]", "fn two_full_crossings_tallied() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(crossing_tallies(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn deck_gap_counts_blocked() {", "    assert_eq!(deck_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_berth() {",
            "    assert_eq!(ferrytally::berths::berth_code(\"Lifeboat Shed\"), Some(724));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(19840 + k)
    body = [f"//! Ferry block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn ferry_{k}_{j}(vessel_no: u32, swell_cm: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(1, 9)};",
                 "    let idle = swell_cm - 2;", f"    seen.insert({j}, vessel_no);",
                 f"    if vessel_no == 0 {{ return 0; }} else {{ return vessel_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn ferry_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn ferry_state(beaufort: i8) -> &str {", "    if beaufort < 12 { \"calm\" } else { \"swell\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "ferrytally"
    mods = "".join(f"pub mod block{k};\n" for k in range(13))
    files = {"Cargo.toml": '[package]\nname = "ferrytally"\nversion = "0.4.3"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod berths;", "pub mod berths;\n" + mods),
             "src/berths.rs": BERTHS_RS, "tests/trials.rs": gen_tests(19841, 230)}
    for k in range(13):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-ferrytally", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
