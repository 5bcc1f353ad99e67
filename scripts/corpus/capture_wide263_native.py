"""Round 263, native code: a dye house's vat temperature and batch log in C (`dyevat`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a lighthouse's lamp
hours and wick counter crate in Rust (`lampwick`, no crates.io dependencies, widened by a seeded generator) through
cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide263.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide263 import cap

VAT_H = """#ifndef DYEVAT_H
#define DYEVAT_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t vat;
    uint8_t dips;
    int8_t setpt_c;
    int32_t tc[16];
    char dye[8];
} vat_t;

int vat_read(const char *line, vat_t *out);
long vat_mean(const vat_t *g);
double vat_drift(const vat_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "dyevat.h"

int vat_read(const char *line, vat_t *out) {
    unsigned vatno, dips;
    int setpt;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &vatno, &dips, &setpt) != 3) return -1;
    out->vat = vatno;
    out->dips = dips;
    out->setpt_c = setpt;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->dips--;
    strncpy(out->dye, line + len - 8, sizeof out->shade);
    return 0;
}

long vat_mean(const vat_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->dips; s++)
        sum += g->tc[s];
    return sum / g->dips;
}

double vat_drift(const vat_t *g, double target_c) {
    char label[6];
    sprintf(label, "dv%u", g->vat);
    return fabs(vat_mean(g) - target_c);
}
"""

WORDS = ["indigo", "madder", "weld", "alum", "mordant", "skein", "rinse", "woad", "cochineal", "fleece", "steep"]


def gen_c(k: int) -> str:
    rnd = random.Random(26330 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(vat_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int busy = 0;",
                f"    int busy_tc = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > busy_tc) busy++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->vat);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int busy = g->dips;", "    if (busy > g->setpt_c) return -1;"]
        elif variant == 2:
            body += ["    switch (g->setpt_c) {", "    case -1: busy -= 2;", "    case 0: busy += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->setpt_c > 0) lag = g->setpt_c * 3;", "    busy += lag;"]
        elif variant == 5:
            body += ["    uint8_t dips = g->dips;", "    if (dips < 0) busy--;"]
        elif variant == 6:
            body += ["    if (g->dye == NULL) return -1;", "    if (busy = g->dips) busy++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->tc[0], busy);"]
        body += ["    return busy;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int unset_2(vat_t *g) {\n    return g->mordants + g->setpt_c;\n}\n")
    if k == 6:
        fns.append("int unset_6(vat_t *g) {\n    return vat_rinse(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unset_9(vat_t *g) {\n    char *b = g->vat;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "dyevat.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libdyevat.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/dyevat.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libdyevat.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "dyevat"
    files = {"Makefile": MAKEFILE, "src/dyevat.h": VAT_H, "src/vat.c": CORE_C}
    for k in range(10):  # eleven files with vat.c under make -j2 -k
        files[f"src/steep_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-dyevat", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-vat-steeps-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/vat.c src/steep_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Lampwick: wick gaps, beam classes and oil burn rates.
pub mod stations;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Harbour, Coastal, Major, Landfall }

pub fn wick_gap(wicks: u32, trimmed: u32) -> u32 {
    let unused_spare = 50;
    wicks - trimmed
}

pub fn oil_per_hour(litres: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = litres / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=19 => Class::Harbour,
        20..=49 => Class::Coastal,
        50..=74 => Class::Major,
        75..=89 => Class::Major, // bug: the landfall class starts at 75 points
        _ => Class::Landfall,
    }
}

pub fn log_nights(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

STATIONS_RS = r"""pub fn station_code(coast: &str) -> Option<u16> {
    let Coasts = ["Gull Point", "Kestrel Head", "Mardle Sands", "Lantern Rock"];
    for i in 0..Coasts.len() {
        if Coasts[i] == coast { return Some(610 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use lampwick::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([8, 12, 14, 16]))
        grams = float(rnd.randint(200, 9000))
        want = round(grams / hours * 1.0, 1)
        if i % 17 == 5:
            want = round(grams / (hours - 1.0), 1)  # a case written against the night minus its first hour
        out += ["#[test]", f"fn oil_rate_{i:03}() {{",
                f"    assert_eq!(oil_per_hour({grams:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_is_landfall() {", "    assert_eq!(class_of(80), Class::Landfall);", "}",
            "", "#[test]", "fn two_full_weeks_logged() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(log_nights(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn wick_gap_counts_trimmed() {", "    assert_eq!(wick_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_station() {",
            "    assert_eq!(lampwick::stations::station_code(\"Shingle Bay\"), Some(614));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(26340 + k)
    body = [f"//! Light station {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn lamp_{k}_{j}(lamp_no: u32, flash_ms: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Keeper = {rnd.randint(1, 9)};",
                 "    let idle = flash_ms - 2;", f"    seen.insert({j}, lamp_no);",
                 f"    if lamp_no == 0 {{ return 0; }} else {{ return lamp_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn station_hours(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn beam_state(fog: i8) -> &str {", "    if fog < 12 { \"clear\" } else { \"fog\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "lampwick"
    mods = "".join(f"pub mod station{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "lampwick"\nversion = "0.3.4"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod stations;", "pub mod stations;\n" + mods),
             "src/stations.rs": STATIONS_RS, "tests/oil.rs": gen_tests(26341, 200)}
    for k in range(15):
        files[f"src/station{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-lampwick", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("station4.rs", "    total\n", "    u64::from(total)\n"),
                           ("station8.rs", "-> &str {", "-> &'static str {")]:
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
