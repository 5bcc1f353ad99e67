"""Round 164, native code: a ferry-boarding monitor in C (`ferrylog`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a kelp-farm tally crate in Rust
(`kelptally`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide164.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide164 import cap

FERRY_H = """#ifndef FERRYLOG_H
#define FERRYLOG_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t ferry;
    uint8_t probes;
    int8_t flap;
    int32_t load_kg[16];
    char berth[8];
} ferry_t;

int ferry_read(const char *line, ferry_t *out);
long ferry_mean(const ferry_t *g);
double ferry_overload(const ferry_t *g, double target_kg);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "ferrylog.h"

int ferry_read(const char *line, ferry_t *out) {
    unsigned ferry, probes;
    int flap;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &ferry, &probes, &flap) != 3) return -1;
    out->ferry = ferry;
    out->probes = probes;
    out->flap = flap;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->probes--;
    strncpy(out->berth, line + len - 8, sizeof out->berth);
    return 0;
}

long ferry_mean(const ferry_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->probes; s++)
        sum += g->load_kg[s];
    return sum / g->probes;
}

double ferry_overload(const ferry_t *g, double target_kg) {
    char label[6];
    sprintf(label, "fy%u", g->ferry);
    return fabs(ferry_mean(g) - target_kg);
}
"""

WORDS = ["ramp", "deck", "berth", "hawser", "bollard", "manifest", "gangway", "purser", "ballast", "tide", "cabin"]


def gen_c(k: int) -> str:
    rnd = random.Random(16430 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(ferry_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int heavy_kg = {rnd.randint(30000, 38000)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > heavy_kg) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->ferry);', "    puts(tag);"]
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
            body += ["    if (g->berth == NULL) return -1;", "    if (hot = g->probes) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->load_kg[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(ferry_t *g) {\n    return g->decks + g->flap;\n}\n")
    if k == 6:
        fns.append("int broken_6(ferry_t *g) {\n    return ferry_moor(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(ferry_t *g) {\n    char *b = g->ferry;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "ferrylog.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libferrylog.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/ferrylog.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libferrylog.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "ferrylog"
    files = {"Makefile": MAKEFILE, "src/ferrylog.h": FERRY_H, "src/ferry.c": CORE_C}
    for k in range(10):  # eleven files with ferry.c under make -j2 -k
        files[f"src/crossing_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-ferrylog", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-ferry-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/ferry.c src/crossing_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Kelp: longline rows, harvest grades and drying yields.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Cull, Feed, Food, Prime }

pub fn rope_gap(lines: u32, snaps: u32) -> u32 {
    let unused_crate = 50;
    lines - snaps
}

pub fn dry_pct(dried: f64, wet: f64) -> f64 {
    let hundred = 100.0;
    let v = dried / wet * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(rate: u32) -> Grade {
    match rate {
        0..=19 => Grade::Cull,
        20..=49 => Grade::Feed,
        50..=74 => Grade::Food,
        75..=89 => Grade::Food, // bug: prime grade starts at 75 %
        _ => Grade::Prime,
    }
}

pub fn weekly_bales(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

ROWS_RS = r"""pub fn row_code(site: &str) -> Option<u16> {
    let Lines = ["North Reef", "Kelp Cove", "Outer Buoy", "Skerry Bay"];
    for i in 0..Lines.len() {
        if Lines[i] == site { return Some(420 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use kelptally::*;", ""]
    for i in range(n):
        wet = float(rnd.choice([40, 80, 120, 250]))
        dried = float(rnd.randint(0, int(wet)))
        want = round(dried / wet * 100.0, 1)
        if i % 19 == 8:
            want = round(dried / (wet - 1.0) * 100.0, 1)  # a case written against the wet weight minus its tare
        out += ["#[test]", f"fn dry_{i:03}() {{",
                f"    assert_eq!(dry_pct({dried:.1f}, {wet:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_two_is_prime() {", "    assert_eq!(grade_of(82), Grade::Prime);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_bales(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn rope_gap_counts_snaps() {", "    assert_eq!(rope_gap(60, 52), 52);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(kelptally::rows::row_code(\"Seal Rock\"), Some(424));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(16440 + k)
    body = [f"//! Kelp block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn kelp_{k}_{j}(line_m: u32, salinity_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(1, 9)};",
                 "    let idle = salinity_pct - 15;", f"    seen.insert({j}, line_m);",
                 f"    if line_m == 0 {{ return 0; }} else {{ return line_m - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn kelp_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn kelp_state(moist: i8) -> &str {", "    if moist < 40 { \"crisp\" } else { \"limp\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "kelptally"
    mods = "".join(f"pub mod block{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "kelptally"\nversion = "0.4.3"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(16441, 230)}
    for k in range(14):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-kelptally", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
