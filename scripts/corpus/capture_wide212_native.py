"""Round 212, native code: a potter's kiln firing and glaze log in C (`glazelog`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a harbour's tide and berth counter crate in Rust
(`harbourtide`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide212.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide212 import cap

KILN_H = """#ifndef GLAZELOG_H
#define GLAZELOG_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t kiln;
    uint8_t frames;
    int8_t temper;
    int32_t cone_g[16];
    char glaze[8];
} kiln_t;

int kiln_read(const char *line, kiln_t *out);
long kiln_mean(const kiln_t *g);
double kiln_late(const kiln_t *g, double target_g);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "glazelog.h"

int kiln_read(const char *line, kiln_t *out) {
    unsigned kiln, frames;
    int temper;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &kiln, &frames, &temper) != 3) return -1;
    out->kiln = kiln;
    out->frames = frames;
    out->temper = temper;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->frames--;
    strncpy(out->glaze, line + len - 8, sizeof out->queen);
    return 0;
}

long kiln_mean(const kiln_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->frames; s++)
        sum += g->cone_g[s];
    return sum / g->frames;
}

double kiln_late(const kiln_t *g, double target_g) {
    char label[6];
    sprintf(label, "gl%u", g->kiln);
    return fabs(kiln_mean(g) - target_g);
}
"""

WORDS = ["bisque", "cone", "slip", "glaze", "saggar", "damper", "kiln", "celadon", "raku", "wedge", "shelf"]


def gen_c(k: int) -> str:
    rnd = random.Random(21230 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(kiln_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int busy = 0;",
                f"    int busy_g = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > busy_g) busy++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->kiln);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int busy = g->frames;", "    if (busy > g->temper) return -1;"]
        elif variant == 2:
            body += ["    switch (g->temper) {", "    case -1: busy -= 2;", "    case 0: busy += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->temper > 0) lag = g->temper * 3;", "    busy += lag;"]
        elif variant == 5:
            body += ["    uint8_t frames = g->frames;", "    if (frames < 0) busy--;"]
        elif variant == 6:
            body += ["    if (g->glaze == NULL) return -1;", "    if (busy = g->frames) busy++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->cone_g[0], busy);"]
        body += ["    return busy;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int blocked_2(kiln_t *g) {\n    return g->shelves + g->temper;\n}\n")
    if k == 6:
        fns.append("int blocked_6(kiln_t *g) {\n    return kiln_slump(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int blocked_9(kiln_t *g) {\n    char *b = g->kiln;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "glazelog.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libglazelog.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/glazelog.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libglazelog.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "glazelog"
    files = {"Makefile": MAKEFILE, "src/glazelog.h": KILN_H, "src/kiln.c": CORE_C}
    for k in range(10):  # eleven files with kiln.c under make -j2 -k
        files[f"src/firing_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-glazelog", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-kiln-firings-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/kiln.c src/firing_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Harbourtide: berth space, vessel classes and dues rates.
pub mod moorings;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Dinghy, Trawler, Coaster, Tanker }

pub fn berth_gap(bollards: u32, fouled: u32) -> u32 {
    let unused_paddle = 50;
    bollards - fouled
}

pub fn dues_per_hour(tolls: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = tolls / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=24 => Class::Dinghy,
        25..=59 => Class::Trawler,
        60..=79 => Class::Coaster,
        80..=94 => Class::Coaster, // bug: the barge class starts at 80 points
        _ => Class::Tanker,
    }
}

pub fn tide_tallies(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full lockage is dropped
        out.push(readings[d]);
    }
    out
}
"""

MOORINGS_RS = r"""pub fn mooring_code(site: &str) -> Option<u16> {
    let Quays = ["North Quay", "Fish Dock", "Ferry Ramp", "Pilot Steps"];
    for i in 0..Quays.len() {
        if Quays[i] == site { return Some(410 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use harbourtide::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([40, 60, 90, 240]))
        takings = float(rnd.randint(2000, 80000))
        want = round(takings / hours * 1.0, 1)
        if i % 19 == 7:
            want = round(takings / (hours - 1.0), 1)  # a case written against the run minus the gate's first hour
        out += ["#[test]", f"fn dues_rate_{i:03}() {{",
                f"    assert_eq!(dues_per_hour({takings:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_tanker() {", "    assert_eq!(class_of(90), Class::Tanker);", "}",
            "", "#[test]", "fn two_full_lockages_tallied() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(tide_tallies(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn berth_gap_counts_fouled() {", "    assert_eq!(berth_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_mooring() {",
            "    assert_eq!(harbourtide::moorings::mooring_code(\"Boat House\"), Some(414));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(21240 + k)
    body = [f"//! Berth block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn berth_{k}_{j}(boat_no: u32, head_cm: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Bollard = {rnd.randint(1, 9)};",
                 "    let idle = head_cm - 2;", f"    seen.insert({j}, boat_no);",
                 f"    if boat_no == 0 {{ return 0; }} else {{ return boat_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn berth_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn tide_state(flow: i8) -> &str {", "    if flow < 12 { \"slack\" } else { \"flood\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "harbourtide"
    mods = "".join(f"pub mod block{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "harbourtide"\nversion = "0.4.3"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod moorings;", "pub mod moorings;\n" + mods),
             "src/moorings.rs": MOORINGS_RS, "tests/trials.rs": gen_tests(21241, 220)}
    for k in range(14):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-harbourtide", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
