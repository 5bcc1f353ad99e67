"""Round 177, native code: a tide-gauge logger in C (`tidemeter`, written here with bugs put in and widened by a
seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a vineyard-row tally crate in
Rust (`vinerow`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and
warnings, cargo test with failing tests and clippy. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide177.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_more as cm
from capture_more import have, run, write_tree
from capture_data import needles_cargo_metadata
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_make
from capture_wide177 import cap

TIDE_H = """#ifndef TIDEMETER_H
#define TIDEMETER_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t gauge;
    uint8_t floats;
    int8_t swell;
    int32_t level_mm[16];
    char station[8];
} gauge_t;

int gauge_read(const char *line, gauge_t *out);
long gauge_mean(const gauge_t *g);
double gauge_overshoot(const gauge_t *g, double target_mm);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "tidemeter.h"

int gauge_read(const char *line, gauge_t *out) {
    unsigned gauge, floats;
    int swell;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &gauge, &floats, &swell) != 3) return -1;
    out->gauge = gauge;
    out->floats = floats;
    out->swell = swell;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->floats--;
    strncpy(out->station, line + len - 8, sizeof out->station);
    return 0;
}

long gauge_mean(const gauge_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->floats; s++)
        sum += g->level_mm[s];
    return sum / g->floats;
}

double gauge_overshoot(const gauge_t *g, double target_mm) {
    char label[6];
    sprintf(label, "tg%u", g->gauge);
    return fabs(gauge_mean(g) - target_mm);
}
"""

WORDS = ["ebb", "flood", "neap", "spring", "datum", "surge", "berth", "quay", "buoy", "stilling", "sounding"]


def gen_c(k: int) -> str:
    rnd = random.Random(17730 + k)
    fns = []
    for j in range(rnd.randint(14, 19)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(gauge_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int high = 0;",
                f"    int high_cn = {rnd.randint(900, 4200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > high_cn) high++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->gauge);', "    puts(tag);"]
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
        fns.append("int broken_2(gauge_t *g) {\n    return g->sensors + g->swell;\n}\n")
    if k == 6:
        fns.append("int broken_6(gauge_t *g) {\n    return gauge_datum(g, 12);\n}\n")
    if k == 8:  # the third compile error, in the last generated file
        fns.append("int broken_10(gauge_t *g) {\n    char *b = g->gauge;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "tidemeter.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libtidemeter.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/tidemeter.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libtidemeter.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "tidemeter"
    files = {"Makefile": MAKEFILE, "src/tidemeter.h": TIDE_H, "src/gauge.c": CORE_C}
    for k in range(9):  # ten files with gauge.c under make -j2 -k
        files[f"src/berth_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


LIB_RS = r"""//! Vineyard rows: vines, vintages and weekly picks.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tier { Table, Regional, Reserve, Grand }

pub fn frost_gap(vines: u32, sound: u32) -> u32 {
    let unused_vine = 50;
    vines - sound
}

pub fn yield_pct(sound: f64, vines: f64) -> f64 {
    let hundred = 100.0;
    let v = sound / vines * hundred;
    return (v * 10.0).round() / 10.0;
}

pub fn tier_of(rate: u32) -> Tier {
    match rate {
        0..=19 => Tier::Table,
        20..=59 => Tier::Regional,
        60..=84 => Tier::Reserve,
        85..=93 => Tier::Reserve, // bug: grand tier starts at 85 %
        _ => Tier::Grand,
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
    let Rows = ["Riesling Row", "Pinot Row", "Syrah Row", "Gamay Row"];
    for i in 0..Rows.len() {
        if Rows[i] == species { return Some(310 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use vinerow::*;", ""]
    for i in range(n):
        crates = float(rnd.choice([36, 72, 144, 288]))
        sound = float(rnd.randint(0, int(crates)))
        want = round(sound / crates * 100.0, 1)
        if i % 17 == 6:
            want = round(sound / (crates - 1.0) * 100.0, 1)  # a case written against vines minus the sample vine
        out += ["#[test]", f"fn harvest_{i:03}() {{",
                f"    assert_eq!(yield_pct({sound:.1f}, {crates:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_grand() {", "    assert_eq!(tier_of(90), Tier::Grand);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_picks(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn frost_gap_counts_frosted() {", "    assert_eq!(frost_gap(50, 45), 45);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(vinerow::rows::row_code(\"Vitis vinifera\"), Some(314));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(17740 + k)
    body = [f"//! Plot {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn vine_{k}_{j}(vine_kg: u32, yield_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Trellis = {rnd.randint(1, 9)};",
                 "    let idle = yield_pct - 15;", f"    seen.insert({j}, vine_kg);",
                 f"    if vine_kg == 0 {{ return 0; }} else {{ return vine_kg - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn vine_weight(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn vine_season(temp_c: i8) -> &str {", "    if temp_c < 2 { \"dormant\" } else { \"budding\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "vinerow"
    mods = "".join(f"pub mod plot{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "vinerow"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(17741, 220)}
    for k in range(14):
        files[f"src/plot{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("plot4.rs", "    total\n", "    u64::from(total)\n"),
                           ("plot8.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-tail-1500", "cargo clippy 2>&1 | tail -n 1500", root, n_clippy, env=env, timeout=900)


# round 4's cargo-metadata rule (capture_data), on the lines of the item
n_cargo_metadata = cm.named("cargo-metadata", "pkg", needles_cargo_metadata.__doc__.strip().splitlines()[0]
                            + " as it appears on the single line, and the workspace_root and target_directory values",
                            lambda lines: needles_cargo_metadata("\n".join(lines)))


def cargo_meta(tmp: Path) -> None:
    root = tmp / "vinerow"
    if not have("cargo", "cargo-*") or not root.is_dir():
        return
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-metadata-vinerow", "cargo metadata --format-version 1 --offline", root, n_cargo_metadata, env=env,
        timeout=300)


STEPS = [c_build, rust, cargo_meta]
