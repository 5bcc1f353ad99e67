"""Round 152, native code: a reef-aquarium monitor in C (`reefwatch`, written here with bugs put in and widened by a
seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; an orchard harvest crate in
Rust (`orchardyield`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and
warnings, cargo test with failing tests and clippy. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide152.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_make
from capture_wide152 import cap

TANK_H = """#ifndef REEFWATCH_H
#define REEFWATCH_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t tank;
    uint8_t pumps;
    int8_t surge;
    int32_t salinity_mg[16];
    char coral[8];
} tank_t;

int tank_read(const char *line, tank_t *out);
long tank_mean(const tank_t *g);
double tank_overshoot(const tank_t *g, double target_cn);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "reefwatch.h"

int tank_read(const char *line, tank_t *out) {
    unsigned tank, pumps;
    int surge;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &tank, &pumps, &surge) != 3) return -1;
    out->tank = tank;
    out->pumps = pumps;
    out->surge = surge;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->pumps--;
    strncpy(out->coral, line + len - 8, sizeof out->coral);
    return 0;
}

long tank_mean(const tank_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->pumps; s++)
        sum += g->salinity_mg[s];
    return sum / g->pumps;
}

double tank_overshoot(const tank_t *g, double target_cn) {
    char label[6];
    sprintf(label, "tk%u", g->tank);
    return fabs(tank_mean(g) - target_cn);
}
"""

WORDS = ["coral", "polyp", "skimmer", "sump", "refugium", "kalk", "nitrate", "anemone", "goby", "tang", "wrasse"]


def gen_c(k: int) -> str:
    rnd = random.Random(15230 + k)
    fns = []
    for j in range(rnd.randint(13, 18)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(tank_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int salty = 0;",
                f"    int salty_cn = {rnd.randint(900, 4200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > salty_cn) salty++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->tank);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int salty = g->pumps;", "    if (salty > g->surge) return -1;"]
        elif variant == 2:
            body += ["    switch (g->surge) {", "    case -1: salty -= 2;", "    case 0: salty += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->surge > 0) lag = g->surge * 3;", "    salty += lag;"]
        elif variant == 5:
            body += ["    uint8_t pumps = g->pumps;", "    if (pumps < 0) salty--;"]
        elif variant == 6:
            body += ["    if (g->coral == NULL) return -1;", "    if (salty = g->pumps) salty++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->salinity_mg[0], salty);"]
        body += ["    return salty;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(tank_t *g) {\n    return g->skimmers + g->surge;\n}\n")
    if k == 6:
        fns.append("int broken_6(tank_t *g) {\n    return tank_dose(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(tank_t *g) {\n    char *b = g->tank;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "reefwatch.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libreefwatch.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/reefwatch.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libreefwatch.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "reefwatch"
    files = {"Makefile": MAKEFILE, "src/reefwatch.h": TANK_H, "src/tank.c": CORE_C}
    for k in range(10):  # eleven files with tank.c under make -j2 -k
        files[f"src/bin_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


LIB_RS = r"""//! Orchard: trees, fruit grades and harvest weights.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Cull, Juice, Table, Extra }

pub fn bruise_gap(fruits: u32, sound: u32) -> u32 {
    let unused_crate = 50;
    fruits - sound
}

pub fn sound_pct(sound: f64, fruits: f64) -> f64 {
    let hundred = 100.0;
    let v = sound / fruits * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(rate: u32) -> Grade {
    match rate {
        0..=14 => Grade::Cull,
        15..=54 => Grade::Juice,
        55..=79 => Grade::Table,
        80..=91 => Grade::Table, // bug: extra grade starts at 80 %
        _ => Grade::Extra,
    }
}

pub fn weekly_picks(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

ROWS_RS = r"""pub fn row_code(species: &str) -> Option<u16> {
    let Rows = ["Bramley Row", "Cox Row", "Gala Row", "Jonagold Row"];
    for i in 0..Rows.len() {
        if Rows[i] == species { return Some(720 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use orchardyield::*;", ""]
    for i in range(n):
        fruits = float(rnd.choice([40, 80, 120, 240]))
        sound = float(rnd.randint(0, int(fruits)))
        want = round(sound / fruits * 100.0, 1)
        if i % 17 == 6:
            want = round(sound / (fruits - 1.0) * 100.0, 1)  # a case written against fruits minus the sample fruit
        out += ["#[test]", f"fn pressing_{i:03}() {{",
                f"    assert_eq!(sound_pct({sound:.1f}, {fruits:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_eight_is_extra() {", "    assert_eq!(grade_of(88), Grade::Extra);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_picks(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn bruise_gap_counts_drops() {", "    assert_eq!(bruise_gap(50, 45), 45);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(orchardyield::rows::row_code(\"Malus domestica\"), Some(724));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(15240 + k)
    body = [f"//! Orchard block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn orchard_{k}_{j}(fruit_kg: u32, sound_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Stringer = {rnd.randint(1, 9)};",
                 "    let idle = sound_pct - 15;", f"    seen.insert({j}, fruit_kg);",
                 f"    if fruit_kg == 0 {{ return 0; }} else {{ return fruit_kg - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn orchard_mass(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn orchard_zone(temp_c: i8) -> &str {", "    if temp_c < 2 { \"frost\" } else { \"ripen\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "orchardyield"
    mods = "".join(f"pub mod block{k};\n" for k in range(12))
    files = {"Cargo.toml": '[package]\nname = "orchardyield"\nversion = "0.4.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(15241, 200)}
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
