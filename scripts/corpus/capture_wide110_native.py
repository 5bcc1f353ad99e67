"""Round 110, native code: a harbour tide-gauge logger in C (`tidemark`, written here with bugs put in and widened by
a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a seed-bank germination
crate in Rust (`seedvault`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors
and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide110.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide110 import cap

TIDE_H = """#ifndef TIDEMARK_H
#define TIDEMARK_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t station;
    uint8_t sensors;
    int8_t trend;
    int32_t level_mm[16];
    char berth[8];
} gauge_t;

int gauge_read(const char *line, gauge_t *out);
long gauge_mean(const gauge_t *g);
double gauge_surge(const gauge_t *g, double astro_mm);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "tidemark.h"

int gauge_read(const char *line, gauge_t *out) {
    unsigned station, sensors;
    int trend;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &station, &sensors, &trend) != 3) return -1;
    out->station = station;
    out->sensors = sensors;
    out->trend = trend;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->sensors--;
    strncpy(out->berth, line + len - 8, sizeof out->berth);
    return 0;
}

long gauge_mean(const gauge_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->sensors; s++)
        sum += g->level_mm[s];
    return sum / g->sensors;
}

double gauge_surge(const gauge_t *g, double astro_mm) {
    char label[6];
    sprintf(label, "st%u", g->station);
    return fabs(gauge_mean(g) - astro_mm);
}
"""

WORDS = ["ebb", "flood", "slack", "berth", "datum", "surge", "neap", "spring", "buoy", "sluice", "quay"]


def gen_c(k: int) -> str:
    rnd = random.Random(11030 + k)
    fns = []
    for j in range(rnd.randint(13, 18)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(9)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(gauge_t *g, const int32_t *mm, size_t n, int spare_{j}) {{",
                "    int high = 0;",
                f"    int datum_mm = {rnd.randint(900, 4200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (mm[i] > datum_mm) high++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->station);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int high = g->sensors;", "    if (high > g->trend) return -1;"]
        elif variant == 2:
            body += ["    switch (g->trend) {", "    case -1: high -= 2;", "    case 0: high += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int drift;", "    if (g->trend > 0) drift = g->trend * 3;", "    high += drift;"]
        elif variant == 5:
            body += ["    uint8_t sensors = g->sensors;", "    if (sensors < 0) high--;"]
        elif variant == 6:
            body += ["    if (g->berth == NULL) return -1;", "    if (high = g->sensors) high++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->level_mm[0], high);"]
        body += ["    return high;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(gauge_t *g) {\n    return g->pressure_hpa + g->trend;\n}\n")
    if k == 6:
        fns.append("int broken_6(gauge_t *g) {\n    return gauge_flush(g, 12);\n}\n")
    if k == 9:
        fns.append("int broken_10(gauge_t *g) {\n    char *b = g->station;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "tidemark.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libtidemark.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/tidemark.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libtidemark.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "tidemark"
    files = {"Makefile": MAKEFILE, "src/tidemark.h": TIDE_H, "src/gauge.c": CORE_C}
    for k in range(10):
        files[f"src/station_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-stations-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/gauge.c src/station_0[0-5].c", root,
        n_gcc)


LIB_RS = r"""//! Seed bank: germination trials, viability classes and storage moisture.
pub mod lots;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Viability { Dead, Poor, Fair, Good }

pub fn germinated(sown: u32, sprouted: u32) -> u32 {
    let unused_control = 50;
    sown - sprouted
}

pub fn rate_pct(sprouted: f64, sown: f64) -> f64 {
    let hundred = 100.0;
    let v = sprouted / sown * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn viability(rate: u32) -> Viability {
    match rate {
        0..=9 => Viability::Dead,
        10..=49 => Viability::Poor,
        50..=84 => Viability::Fair,
        85..=89 => Viability::Fair, // bug: good viability starts at 85 %
        _ => Viability::Good,
    }
}

pub fn weekly_counts(tallies: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..tallies.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(tallies[d]);
    }
    out
}
"""

LOTS_RS = r"""pub fn lot_prefix(species: &str) -> Option<u16> {
    let Banks = ["Allium cepa", "Pisum sativum", "Vicia faba"];
    for i in 0..Banks.len() {
        if Banks[i] == species { return Some(300 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use seedvault::*;", ""]
    for i in range(n):
        sown = float(rnd.choice([25, 50, 100, 200]))
        sprouted = float(rnd.randint(0, int(sown)))
        want = round(sprouted / sown * 100.0, 1)
        if i % 19 == 4:
            want = round(sprouted / (sown - 1.0) * 100.0, 1)  # a case written against sown minus the control seed
        out += ["#[test]", f"fn trial_{i:03}() {{",
                f"    assert_eq!(rate_pct({sprouted:.1f}, {sown:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_seven_is_good() {", "    assert_eq!(viability(87), Viability::Good);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_counts(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn germinated_counts_sprouts() {", "    assert_eq!(germinated(50, 45), 45);", "}", "",
            "#[test]", "fn unknown_species() {",
            "    assert_eq!(seedvault::lots::lot_prefix(\"Zea mays\"), Some(303));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(11040 + k)
    body = [f"//! Storage vault {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn vault_{k}_{j}(grams: u32, rh_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Shelf = {rnd.randint(1, 9)};",
                 "    let dry = rh_pct - 15;", f"    seen.insert({j}, grams);",
                 f"    if grams == 0 {{ return 0; }} else {{ return grams - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn vault_mass(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn vault_zone(rh: u8) -> &str {", "    if rh > 30 { \"humid\" } else { \"dry\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "seedvault"
    mods = "".join(f"pub mod vault{k};\n" for k in range(11))
    files = {"Cargo.toml": '[package]\nname = "seedvault"\nversion = "0.4.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod lots;", "pub mod lots;\n" + mods),
             "src/lots.rs": LOTS_RS, "tests/trials.rs": gen_tests(11041, 180)}
    for k in range(11):
        files[f"src/vault{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("vault4.rs", "    total\n", "    u64::from(total)\n"),
                           ("vault8.rs", "-> &str {", "-> &'static str {")]:
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
