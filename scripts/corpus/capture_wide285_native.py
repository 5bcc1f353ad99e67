"""Round 285, native code: a cordwainer's last sizes and stitch log in C (`cordwain`, written here with bugs
put in and widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a weaving
kiln's pick counter and shuttle minutes crate in Rust (`kilnstack`, no crates.io dependencies, widened by a seeded
generator) through cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide285.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide285 import cap

VAT_H = """#ifndef CORDWAIN_H
#define CORDWAIN_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t welt;
    uint8_t eyelets;
    int16_t size_q;
    int32_t tc[24];
    char leather[10];
} last_t;

int last_read(const char *line, last_t *out);
long last_mean(const last_t *g);
double last_drift(const last_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "cordwain.h"

int last_read(const char *line, last_t *out) {
    unsigned weltno, eyelets;
    int setpt;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &weltno, &eyelets, &setpt) != 3) return -1;
    out->welt = weltno;
    out->eyelets = eyelets;
    out->size_q = setpt;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->eyelets--;
    strncpy(out->leather, line + len - 8, sizeof out->tin);
    return 0;
}

long last_mean(const last_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->eyelets; s++)
        sum += g->tc[s];
    return sum / g->eyelets;
}

double last_drift(const last_t *g, double target_c) {
    char label[5];
    sprintf(label, "bf%u", g->welt);
    return fabs(last_mean(g) - target_c);
}
"""

WORDS = ["vamp", "quarter", "heel", "toe", "insole", "welt", "shank", "throat", "tongue", "counter", "rand"]


def gen_c(k: int) -> str:
    rnd = random.Random(28530 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(last_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int tight_tc = {rnd.randint(1050, 1200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > tight_tc) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->welt);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->eyelets;", "    if (hot > g->size_q) return -1;"]
        elif variant == 2:
            body += ["    switch (g->size_q) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->size_q > 0) lag = g->size_q * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t eyelets = g->eyelets;", "    if (eyelets < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->leather == NULL) return -1;", "    if (hot = g->eyelets) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->tc[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int unset_3(last_t *g) {\n    return g->nails + g->size_q;\n}\n")
    if k == 7:
        fns.append("int unset_7(last_t *g) {\n    return last_stitch(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unset_9(last_t *g) {\n    char *b = g->welt;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "cordwain.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libcordwain.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/cordwain.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libcordwain.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "cordwain"
    files = {"Makefile": MAKEFILE, "src/cordwain.h": VAT_H, "src/last.c": CORE_C}
    for k in range(10):  # eleven files with last.c under make -j2 -k
        files[f"src/welt_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-cordwain", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-last-welts-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/last.c src/welt_0[0-6].c", root,
        n_gcc)


LIB_RS = r"""//! Kilnstack: warp gaps, cloth grades and picks per minute.
pub mod stacks;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Common, Facing, Engineering, Glazed }

pub fn course_gap(ends: u32, broken: u32) -> u32 {
    let unused_spare = 50;
    ends - broken
}

pub fn picks_per_minute(picks: f64, minutes: f64) -> f64 {
    let scale = 1.0;
    let v = picks / minutes * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(points: u32) -> Class {
    match points {
        0..=29 => Class::Common,
        30..=59 => Class::Facing,
        60..=79 => Class::Engineering,
        80..=94 => Class::Engineering, // bug: the glazed grade starts at 80 ends
        _ => Class::Glazed,
    }
}

pub fn log_shifts(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (5..readings.len() - 1).step_by(6) {  // bug: a closing full shift is dropped
        out.push(readings[d]);
    }
    out
}
"""

STATIONS_RS = r"""pub fn stack_code(stack: &str) -> Option<u16> {
    let Stacks = ["Clamp Yard", "Hoffmann Ring", "Bottle Kiln", "Scotch Kiln"];
    for i in 0..Stacks.len() {
        if Stacks[i] == stack { return Some(420 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use kilnstack::*;", ""]
    for i in range(n):
        minutes = float(rnd.choice([6, 10, 15, 20]))
        picks = float(rnd.randint(900, 12000))
        want = round(picks / minutes * 1.0, 1)
        if i % 17 == 5:
            want = round(picks / (minutes - 1.0), 1)  # a case written against the shift minus its first minute
        out += ["#[test]", f"fn pick_rate_{i:03}() {{",
                f"    assert_eq!(picks_per_minute({picks:.1f}, {minutes:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_glazed() {", "    assert_eq!(grade_of(90), Class::Glazed);", "}",
            "", "#[test]", "fn two_full_shifts_logged() {", "    let t: Vec<u32> = (1..=12).collect();",
            "    assert_eq!(log_shifts(&t), vec![6, 12]);", "}", "",
            "#[test]", "fn course_gap_counts_broken() {", "    assert_eq!(course_gap(60, 4), 4);", "}", "",
            "#[test]", "fn unknown_stack() {",
            "    assert_eq!(kilnstack::stacks::stack_code(\"Holme Bridge\"), Some(424));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(28540 + k)
    body = [f"//! Kiln stack {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn kiln_{k}_{j}(kiln_no: u32, beat_ms: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Setter = {rnd.randint(1, 9)};",
                 "    let idle = beat_ms - 2;", f"    seen.insert({j}, kiln_no);",
                 f"    if kiln_no == 0 {{ return 0; }} else {{ return kiln_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 5:
        body += ["pub fn stack_minutes(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 9:
        body += ["pub fn stack_state(clinker: i8) -> &str {", "    if clinker < 12 { \"even\" } else { \"clinker\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "kilnstack"
    mods = "".join(f"pub mod stack{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "kilnstack"\nversion = "0.5.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod stacks;", "pub mod stacks;\n" + mods),
             "src/stacks.rs": STATIONS_RS, "tests/picks.rs": gen_tests(28541, 190)}
    for k in range(14):
        files[f"src/stack{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-kilnstack", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("stack5.rs", "    total\n", "    u64::from(total)\n"),
                           ("stack9.rs", "-> &str {", "-> &'static str {")]:
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
