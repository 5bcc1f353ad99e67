"""Round 240, native code: a bell foundry's casting and tuning log in C (`bellcast`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a kelp farm's line
and harvest counter crate in Rust (`kelpcount`, no crates.io dependencies, widened by a seeded generator) through cargo
build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide240.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide240 import cap

BELL_H = """#ifndef BELLCAST_H
#define BELLCAST_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t mould;
    uint8_t strikes;
    int8_t temper;
    int32_t hz[16];
    char founder[8];
} bell_t;

int bell_read(const char *line, bell_t *out);
long bell_mean(const bell_t *g);
double bell_drift(const bell_t *g, double target_hz);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "bellcast.h"

int bell_read(const char *line, bell_t *out) {
    unsigned mould, strikes;
    int temper;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &mould, &strikes, &temper) != 3) return -1;
    out->mould = mould;
    out->strikes = strikes;
    out->temper = temper;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->strikes--;
    strncpy(out->founder, line + len - 8, sizeof out->tuner);
    return 0;
}

long bell_mean(const bell_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->strikes; s++)
        sum += g->hz[s];
    return sum / g->strikes;
}

double bell_drift(const bell_t *g, double target_hz) {
    char label[6];
    sprintf(label, "bc%u", g->mould);
    return fabs(bell_mean(g) - target_hz);
}
"""

WORDS = ["crown", "waist", "lip", "clapper", "yoke", "cope", "core", "loam", "tenor", "treble", "hum"]


def gen_c(k: int) -> str:
    rnd = random.Random(24030 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(bell_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int busy = 0;",
                f"    int busy_hz = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > busy_hz) busy++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->mould);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int busy = g->strikes;", "    if (busy > g->temper) return -1;"]
        elif variant == 2:
            body += ["    switch (g->temper) {", "    case -1: busy -= 2;", "    case 0: busy += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->temper > 0) lag = g->temper * 3;", "    busy += lag;"]
        elif variant == 5:
            body += ["    uint8_t strikes = g->strikes;", "    if (strikes < 0) busy--;"]
        elif variant == 6:
            body += ["    if (g->founder == NULL) return -1;", "    if (busy = g->strikes) busy++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->hz[0], busy);"]
        body += ["    return busy;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int unpoured_2(bell_t *g) {\n    return g->clappers + g->temper;\n}\n")
    if k == 6:
        fns.append("int unpoured_6(bell_t *g) {\n    return bell_quench(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unpoured_9(bell_t *g) {\n    char *b = g->mould;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "bellcast.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libbellcast.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/bellcast.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libbellcast.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "bellcast"
    files = {"Makefile": MAKEFILE, "src/bellcast.h": BELL_H, "src/bell.c": CORE_C}
    for k in range(10):  # eleven files with bell.c under make -j2 -k
        files[f"src/pour_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-bellcast", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-bell-pours-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/bell.c src/pour_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Kelpcount: line gaps, frond classes and harvest rates.
pub mod fronds;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Sprout, Blade, Frond, Canopy }

pub fn line_gap(ropes: u32, fouled: u32) -> u32 {
    let unused_float = 50;
    ropes - fouled
}

pub fn harvest_per_hour(kilos: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = kilos / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=19 => Class::Sprout,
        20..=49 => Class::Blade,
        50..=74 => Class::Frond,
        75..=89 => Class::Frond, // bug: the canopy class starts at 75 points
        _ => Class::Canopy,
    }
}

pub fn tide_cuts(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full tide is dropped
        out.push(readings[d]);
    }
    out
}
"""

FRONDS_RS = r"""pub fn frond_code(site: &str) -> Option<u16> {
    let Blades = ["Wrack Row", "Otter Line", "Seal Cut", "Sugar Bed"];
    for i in 0..Blades.len() {
        if Blades[i] == site { return Some(710 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use kelpcount::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([40, 60, 90, 240]))
        kilos = float(rnd.randint(2000, 80000))
        want = round(kilos / hours * 1.0, 1)
        if i % 17 == 5:
            want = round(kilos / (hours - 1.0), 1)  # a case written against the run minus the line's first hour
        out += ["#[test]", f"fn harvest_rate_{i:03}() {{",
                f"    assert_eq!(harvest_per_hour({kilos:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_is_canopy() {", "    assert_eq!(class_of(80), Class::Canopy);", "}",
            "", "#[test]", "fn two_full_tides_cut() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(tide_cuts(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn line_gap_counts_fouled() {", "    assert_eq!(line_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_frond() {",
            "    assert_eq!(kelpcount::fronds::frond_code(\"Urchin Flat\"), Some(714));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(24040 + k)
    body = [f"//! Kelp plot {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn line_{k}_{j}(line_no: u32, depth_cm: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Buoy = {rnd.randint(1, 9)};",
                 "    let idle = depth_cm - 2;", f"    seen.insert({j}, line_no);",
                 f"    if line_no == 0 {{ return 0; }} else {{ return line_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn line_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn kelp_state(flow: i8) -> &str {", "    if flow < 12 { \"neap\" } else { \"spring\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "kelpcount"
    mods = "".join(f"pub mod plot{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "kelpcount"\nversion = "0.3.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod fronds;", "pub mod fronds;\n" + mods),
             "src/fronds.rs": FRONDS_RS, "tests/harvest.rs": gen_tests(24041, 240)}
    for k in range(15):
        files[f"src/plot{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-kelpcount", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
