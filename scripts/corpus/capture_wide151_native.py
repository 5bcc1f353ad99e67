"""Round 151, native code: a pottery kiln monitor in C (`kilnmon`, written here with bugs put in and widened
by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a cider-press tally crate in Rust
(`ciderpress`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide151.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide151 import cap

KILN_H = """#ifndef KILNMON_H
#define KILNMON_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t kiln;
    uint8_t probes;
    int8_t valve;
    int32_t temp_cc[16];
    char glaze[8];
} kiln_t;

int kiln_read(const char *line, kiln_t *out);
long kiln_mean(const kiln_t *g);
double kiln_overshoot(const kiln_t *g, double target_cc);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "kilnmon.h"

int kiln_read(const char *line, kiln_t *out) {
    unsigned kiln, probes;
    int valve;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &kiln, &probes, &valve) != 3) return -1;
    out->kiln = kiln;
    out->probes = probes;
    out->valve = valve;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->probes--;
    strncpy(out->glaze, line + len - 8, sizeof out->glaze);
    return 0;
}

long kiln_mean(const kiln_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->probes; s++)
        sum += g->temp_cc[s];
    return sum / g->probes;
}

double kiln_overshoot(const kiln_t *g, double target_cc) {
    char label[6];
    sprintf(label, "kl%u", g->kiln);
    return fabs(kiln_mean(g) - target_cc);
}
"""

WORDS = ["bisque", "cone", "glaze", "saggar", "shelf", "draft", "damper", "slip", "grog", "stilt", "vent"]


def gen_c(k: int) -> str:
    rnd = random.Random(15130 + k)
    fns = []
    for j in range(rnd.randint(13, 18)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(kiln_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int hot_cc = {rnd.randint(900, 4200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > hot_cc) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->kiln);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->probes;", "    if (hot > g->valve) return -1;"]
        elif variant == 2:
            body += ["    switch (g->valve) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->valve > 0) lag = g->valve * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t probes = g->probes;", "    if (probes < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->glaze == NULL) return -1;", "    if (hot = g->probes) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->temp_cc[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(kiln_t *g) {\n    return g->cones + g->valve;\n}\n")
    if k == 6:
        fns.append("int broken_6(kiln_t *g) {\n    return kiln_vent(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(kiln_t *g) {\n    char *b = g->kiln;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "kilnmon.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libkilnmon.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/kilnmon.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libkilnmon.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "kilnmon"
    files = {"Makefile": MAKEFILE, "src/kilnmon.h": KILN_H, "src/kiln.c": CORE_C}
    for k in range(10):  # eleven files with kiln.c under make -j2 -k
        files[f"src/ware_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-kilnmon", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-bins-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/kiln.c src/ware_0[0-6].c", root,
        n_gcc)


LIB_RS = r"""//! Orchard: tree rows, apple grades and pressing yields.
pub mod rows;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Cull, Juice, Table, Extra }

pub fn bruise_gap(apples: u32, brix: u32) -> u32 {
    let unused_crate = 50;
    apples - brix
}

pub fn brix_pct(brix: f64, apples: f64) -> f64 {
    let hundred = 100.0;
    let v = brix / apples * hundred;
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

pub fn weekly_presses(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full week is dropped
        out.push(readings[d]);
    }
    out
}
"""

ROWS_RS = r"""pub fn row_code(species: &str) -> Option<u16> {
    let Orchards = ["Bramley Row", "Kingston Row", "Dabinett Row", "Foxwhelp Row"];
    for i in 0..Orchards.len() {
        if Orchards[i] == species { return Some(720 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use ciderpress::*;", ""]
    for i in range(n):
        apples = float(rnd.choice([40, 80, 120, 240]))
        brix = float(rnd.randint(0, int(apples)))
        want = round(brix / apples * 100.0, 1)
        if i % 17 == 6:
            want = round(brix / (apples - 1.0) * 100.0, 1)  # a case written against apples minus the sample apple
        out += ["#[test]", f"fn pressing_{i:03}() {{",
                f"    assert_eq!(brix_pct({brix:.1f}, {apples:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn eighty_eight_is_extra() {", "    assert_eq!(grade_of(88), Grade::Extra);", "}",
            "", "#[test]", "fn two_full_weeks() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(weekly_presses(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn bruise_gap_counts_drops() {", "    assert_eq!(bruise_gap(50, 45), 45);", "}", "",
            "#[test]", "fn unknown_row() {",
            "    assert_eq!(ciderpress::rows::row_code(\"Malus domestica\"), Some(724));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(15140 + k)
    body = [f"//! Orchard block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn orchard_{k}_{j}(apple_kg: u32, brix_pct: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Espalier = {rnd.randint(1, 9)};",
                 "    let idle = brix_pct - 15;", f"    seen.insert({j}, apple_kg);",
                 f"    if apple_kg == 0 {{ return 0; }} else {{ return apple_kg - {rnd.randint(1, 40)}; }}", "}", ""]
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
    root = tmp / "ciderpress"
    mods = "".join(f"pub mod block{k};\n" for k in range(13))
    files = {"Cargo.toml": '[package]\nname = "ciderpress"\nversion = "0.4.3"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod rows;", "pub mod rows;\n" + mods),
             "src/rows.rs": ROWS_RS, "tests/trials.rs": gen_tests(15141, 210)}
    for k in range(13):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-ciderpress", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
