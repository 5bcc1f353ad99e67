"""Round 165, native code: a grain-silo level logger in C (`silolevel`, written here with bugs put in and widened by a
seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a pear-harvest tally crate in
Rust (`peartally`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and
warnings, cargo test with failing tests and clippy. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide165.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_make
from capture_wide165 import cap

SILO_H = """#ifndef SILOLEVEL_H
#define SILOLEVEL_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t silo;
    uint8_t floats;
    int8_t swell;
    int32_t level_mm[16];
    char station[8];
} silo_t;

int silo_read(const char *line, silo_t *out);
long silo_mean(const silo_t *g);
double silo_overshoot(const silo_t *g, double target_mm);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "silolevel.h"

int silo_read(const char *line, silo_t *out) {
    unsigned silo, floats;
    int swell;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &silo, &floats, &swell) != 3) return -1;
    out->silo = silo;
    out->floats = floats;
    out->swell = swell;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->floats--;
    strncpy(out->station, line + len - 8, sizeof out->station);
    return 0;
}

long silo_mean(const silo_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->floats; s++)
        sum += g->level_mm[s];
    return sum / g->floats;
}

double silo_overshoot(const silo_t *g, double target_mm) {
    char label[6];
    sprintf(label, "sl%u", g->silo);
    return fabs(silo_mean(g) - target_mm);
}
"""

WORDS = ["auger", "hopper", "bin", "aerator", "moisture", "kernel", "barley", "sorghum", "dryer", "vent", "probe"]


def gen_c(k: int) -> str:
    rnd = random.Random(16530 + k)
    fns = []
    for j in range(rnd.randint(13, 18)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(silo_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int high = 0;",
                f"    int high_cn = {rnd.randint(900, 4200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > high_cn) high++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->silo);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int high = g->floats;", "    if (high > g->swell) return -1;"]
        elif variant == 2:
            body += ["    switch (g->swell) {", "    case -1: high -= 2;", "    case 0: high += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->swell > 0) lag = g->swell * 3;", "    high += lag;"]
        elif variant == 5:
            body += ["    uint8_t floats = g->floats;", "    if (floats < 0) high--;"]
        elif variant == 6:
            body += ["    if (g->station == NULL) return -1;", "    if (high = g->floats) high++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->level_mm[0], high);"]
        body += ["    return high;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(silo_t *g) {\n    return g->sensors + g->swell;\n}\n")
    if k == 6:
        fns.append("int broken_6(silo_t *g) {\n    return silo_datum(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(silo_t *g) {\n    char *b = g->silo;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "silolevel.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libsilolevel.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/silolevel.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libsilolevel.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "silolevel"
    files = {"Makefile": MAKEFILE, "src/silolevel.h": SILO_H, "src/silo.c": CORE_C}
    for k in range(10):  # eleven files with silo.c under make -j2 -k
        files[f"src/bin_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


LIB_RS = r"""//! Pear harvest: crates, grades and bin weights.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Juice, Cider, Dessert, Premium }

pub fn bruise_gap(crates: u32, sound: u32) -> u32 {
    let unused_crate = 50;
    crates - sound
}

pub fn clean_pct(sound: f64, crates: f64) -> f64 {
    let hundred = 100.0;
    let v = sound / crates * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(rate: u32) -> Grade {
    match rate {
        0..=14 => Grade::Juice,
        15..=54 => Grade::Cider,
        55..=79 => Grade::Dessert,
        80..=91 => Grade::Dessert, // bug: premium grade starts at 80 %
        _ => Grade::Premium,
    }
}

pub fn weekly_bins(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

ROWS_RS = r"""pub fn row_code(species: &str) -> Option<u16> {
    let Rows = ["Conference Row", "Comice Row", "Williams Row", "Concorde Row"];
    for i in 0..Rows.len() {
        if Rows[i] == species { return Some(720 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use peartally::*;", ""]
    for i in range(n):
        crates = float(rnd.choice([40, 80, 120, 240]))
        sound = float(rnd.randint(0, int(crates)))
        want = round(sound / crates * 100.0, 1)
        if i % 17 == 6:
            want = round(sound / (crates - 1.0) * 100.0, 1)  # a case written against crates minus the sample crate
        out += ["#[test]", f"fn picking_{i:03}() {{",
                f"    assert_eq!(clean_pct({sound:.1f}, {crates:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_eight_is_premium() {", "    assert_eq!(grade_of(88), Grade::Premium);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_bins(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn bruise_gap_counts_bruises() {", "    assert_eq!(bruise_gap(50, 45), 45);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(peartally::rows::row_code(\"Pyrus communis\"), Some(724));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(16540 + k)
    body = [f"//! Packing shed {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn crate_{k}_{j}(crate_kg: u32, clean_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Stringer = {rnd.randint(1, 9)};",
                 "    let idle = clean_pct - 15;", f"    seen.insert({j}, crate_kg);",
                 f"    if crate_kg == 0 {{ return 0; }} else {{ return crate_kg - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn crate_weight(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn crate_season(temp_c: i8) -> &str {", "    if temp_c < 2 { \"frost\" } else { \"ripen\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "peartally"
    mods = "".join(f"pub mod block{k};\n" for k in range(12))
    files = {"Cargo.toml": '[package]\nname = "peartally"\nversion = "0.4.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(16541, 200)}
    for k in range(12):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("block4.rs", "    total\n", "    u64::from(total)\n"),
                           ("block8.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-tail-1500", "cargo clippy 2>&1 | tail -n 1500", root, n_clippy, env=env, timeout=900)


STEPS = [c_build, rust]
