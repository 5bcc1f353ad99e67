"""Round 176, native code: a canal-lock water-level monitor in C (`locklevel`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a maple-sap tap tally crate in Rust
(`mapletap`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide176.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide176 import cap

LOCK_H = """#ifndef LOCKLEVEL_H
#define LOCKLEVEL_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t lock;
    uint8_t gauges;
    int8_t gate;
    int32_t level_mm[16];
    char reach[8];
} lock_t;

int lock_read(const char *line, lock_t *out);
long lock_mean(const lock_t *g);
double lock_overflow(const lock_t *g, double target_mm);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "locklevel.h"

int lock_read(const char *line, lock_t *out) {
    unsigned lock, gauges;
    int gate;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &lock, &gauges, &gate) != 3) return -1;
    out->lock = lock;
    out->gauges = gauges;
    out->gate = gate;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->gauges--;
    strncpy(out->reach, line + len - 8, sizeof out->reach);
    return 0;
}

long lock_mean(const lock_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->gauges; s++)
        sum += g->level_mm[s];
    return sum / g->gauges;
}

double lock_overflow(const lock_t *g, double target_mm) {
    char label[6];
    sprintf(label, "lk%u", g->lock);
    return fabs(lock_mean(g) - target_mm);
}
"""

WORDS = ["sill", "paddle", "culvert", "weir", "pound", "mitre", "bollard", "cill", "sluice", "towpath", "balance"]


def gen_c(k: int) -> str:
    rnd = random.Random(17630 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(lock_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int high_mm = {rnd.randint(30000, 38000)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > high_mm) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->lock);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->gauges;", "    if (hot > g->gate) return -1;"]
        elif variant == 2:
            body += ["    switch (g->gate) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->gate > 0) lag = g->gate * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t gauges = g->gauges;", "    if (gauges < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->reach == NULL) return -1;", "    if (hot = g->gauges) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->level_mm[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(lock_t *g) {\n    return g->sluices + g->gate;\n}\n")
    if k == 6:
        fns.append("int broken_6(lock_t *g) {\n    return lock_flood(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(lock_t *g) {\n    char *b = g->lock;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "locklevel.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

liblocklevel.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/locklevel.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build liblocklevel.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "locklevel"
    files = {"Makefile": MAKEFILE, "src/locklevel.h": LOCK_H, "src/lock.c": CORE_C}
    for k in range(10):  # eleven files with lock.c under make -j2 -k
        files[f"src/chamber_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-locklevel", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-lock-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/lock.c src/chamber_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Maple: sugarbush taps, syrup grades and boil yields.
pub mod taps;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Dark, Amber, Golden, Processing }

pub fn spile_gap(spiles: u32, leaks: u32) -> u32 {
    let unused_crate = 50;
    spiles - leaks
}

pub fn boil_pct(syrup: f64, sap: f64) -> f64 {
    let hundred = 100.0;
    let v = syrup / sap * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(rate: u32) -> Grade {
    match rate {
        0..=19 => Grade::Processing,
        20..=49 => Grade::Dark,
        50..=74 => Grade::Golden,
        75..=89 => Grade::Golden, // bug: the amber grade starts at 75 %
        _ => Grade::Amber,
    }
}

pub fn weekly_drums(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

TAPS_RS = r"""pub fn tap_code(site: &str) -> Option<u16> {
    let Lines = ["Sugar Hill", "Birch Hollow", "Cedar Flat", "Mill Brook"];
    for i in 0..Lines.len() {
        if Lines[i] == site { return Some(610 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use mapletap::*;", ""]
    for i in range(n):
        sap = float(rnd.choice([40, 80, 160, 320]))
        syrup = float(rnd.randint(0, int(sap)))
        want = round(syrup / sap * 100.0, 1)
        if i % 17 == 6:
            want = round(syrup / (sap - 1.0) * 100.0, 1)  # a case written against the sap minus the bucket's dregs
        out += ["#[test]", f"fn boil_{i:03}() {{",
                f"    assert_eq!(boil_pct({syrup:.1f}, {sap:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_two_is_amber() {", "    assert_eq!(grade_of(82), Grade::Amber);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_drums(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn spile_gap_counts_leaks() {", "    assert_eq!(spile_gap(60, 52), 52);", "}", "",
            "#[test]", "fn unknown_stand() {",
            "    assert_eq!(mapletap::taps::tap_code(\"Beaver Pond\"), Some(614));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(17640 + k)
    body = [f"//! Maple block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn maple_{k}_{j}(sap_l: u32, brix_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(1, 9)};",
                 "    let idle = brix_pct - 2;", f"    seen.insert({j}, sap_l);",
                 f"    if sap_l == 0 {{ return 0; }} else {{ return sap_l - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn maple_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn maple_state(brix: i8) -> &str {", "    if brix < 66 { \"thin\" } else { \"syrup\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "mapletap"
    mods = "".join(f"pub mod block{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "mapletap"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod taps;", "pub mod taps;\n" + mods),
             "src/taps.rs": TAPS_RS, "tests/trials.rs": gen_tests(17641, 200)}
    for k in range(15):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-mapletap", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
