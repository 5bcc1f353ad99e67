"""Round 190, native code: a pottery kiln's firing log in C (`kilnbook`, written here with bugs put in and widened by a seeded
generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a weaving loom's pick counter crate in Rust
(`loomcount`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and warnings,
cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide190.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide190 import cap

LOCK_H = """#ifndef KILNBOOK_H
#define KILNBOOK_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t kiln;
    uint8_t cones;
    int8_t ramp;
    int32_t temp_c[16];
    char glaze[8];
} firing_t;

int firing_read(const char *line, firing_t *out);
long firing_mean(const firing_t *g);
double firing_late(const firing_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "kilnbook.h"

int firing_read(const char *line, firing_t *out) {
    unsigned kiln, cones;
    int ramp;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &kiln, &cones, &ramp) != 3) return -1;
    out->kiln = kiln;
    out->cones = cones;
    out->ramp = ramp;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->cones--;
    strncpy(out->glaze, line + len - 8, sizeof out->glaze);
    return 0;
}

long firing_mean(const firing_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->cones; s++)
        sum += g->temp_c[s];
    return sum / g->cones;
}

double firing_late(const firing_t *g, double target_c) {
    char label[6];
    sprintf(label, "kb%u", g->kiln);
    return fabs(firing_mean(g) - target_c);
}
"""

WORDS = ["cone", "saggar", "bisque", "glaze", "shelf", "damper", "flue", "kilnwash", "stilt", "pyrometer", "grog"]


def gen_c(k: int) -> str:
    rnd = random.Random(19030 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(firing_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int hot_c = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > hot_c) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->kiln);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->cones;", "    if (hot > g->ramp) return -1;"]
        elif variant == 2:
            body += ["    switch (g->ramp) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->ramp > 0) lag = g->ramp * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t cones = g->cones;", "    if (cones < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->glaze == NULL) return -1;", "    if (hot = g->cones) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->temp_c[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int broken_2(firing_t *g) {\n    return g->saggars + g->ramp;\n}\n")
    if k == 6:
        fns.append("int broken_6(firing_t *g) {\n    return firing_sink(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int broken_10(firing_t *g) {\n    char *b = g->kiln;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "kilnbook.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libkilnbook.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/kilnbook.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libkilnbook.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "kilnbook"
    files = {"Makefile": MAKEFILE, "src/kilnbook.h": LOCK_H, "src/kiln.c": CORE_C}
    for k in range(10):  # eleven files with kiln.c under make -j2 -k
        files[f"src/shelf_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-kilnbook", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-kiln-shelves-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/kiln.c src/shelf_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Loomcount: warp threads, weave classes and pick rates.
pub mod looms;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Plain, Twill, Satin, Jacquard }

pub fn warp_gap(ends: u32, broken: u32) -> u32 {
    let unused_reed = 50;
    ends - broken
}

pub fn picks_per_min(picks: f64, minutes: f64) -> f64 {
    let scale = 1.0;
    let v = picks / minutes * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=24 => Class::Plain,
        25..=59 => Class::Twill,
        60..=79 => Class::Satin,
        80..=94 => Class::Satin, // bug: the jacquard class starts at 80 points
        _ => Class::Jacquard,
    }
}

pub fn shift_tallies(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full shift is dropped
        out.push(readings[d]);
    }
    out
}
"""

TAPS_RS = r"""pub fn loom_code(site: &str) -> Option<u16> {
    let Lines = ["Weft Shed", "Dye House", "Card Room", "Reed Loft"];
    for i in 0..Lines.len() {
        if Lines[i] == site { return Some(610 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use loomcount::*;", ""]
    for i in range(n):
        minutes = float(rnd.choice([40, 60, 90, 240]))
        metres = float(rnd.randint(2000, 80000))
        want = round(metres / minutes * 1.0, 1)
        if i % 19 == 7:
            want = round(metres / (minutes - 1.0), 1)  # a case written against the run minus the loom's warm-up minute
        out += ["#[test]", f"fn pick_rate_{i:03}() {{",
                f"    assert_eq!(picks_per_min({metres:.1f}, {minutes:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_jacquard() {", "    assert_eq!(class_of(90), Class::Jacquard);", "}",
            "", "#[test]", "fn two_full_shifts_tallied() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(shift_tallies(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn warp_gap_counts_broken() {", "    assert_eq!(warp_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_loom() {",
            "    assert_eq!(loomcount::looms::loom_code(\"Sizing Room\"), Some(614));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(19040 + k)
    body = [f"//! Loom block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn loom_{k}_{j}(shuttle_no: u32, tension_cn: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(1, 9)};",
                 "    let idle = tension_cn - 2;", f"    seen.insert({j}, shuttle_no);",
                 f"    if shuttle_no == 0 {{ return 0; }} else {{ return shuttle_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn loom_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn loom_state(shafts: i8) -> &str {", "    if shafts < 12 { \"plain\" } else { \"dobby\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "loomcount"
    mods = "".join(f"pub mod block{k};\n" for k in range(13))
    files = {"Cargo.toml": '[package]\nname = "loomcount"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod looms;", "pub mod looms;\n" + mods),
             "src/looms.rs": TAPS_RS, "tests/trials.rs": gen_tests(19041, 230)}
    for k in range(13):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-loomcount", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
