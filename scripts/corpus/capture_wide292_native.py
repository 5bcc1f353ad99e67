"""Round 292, native code: a saddler's tree sizes and stitch log in C (`saddletree`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a tannery's pit
rotation and soaking hours crate in Rust (`tanyard`, no crates.io dependencies, widened by a seeded generator) through
cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor
is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide292.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide292 import cap

VAT_H = """#ifndef SADDLETREE_H
#define SADDLETREE_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t gullet;
    uint8_t panels;
    int16_t size_q;
    int32_t tc[24];
    char seat_hide[10];
} tree_t;

int tree_read(const char *line, tree_t *out);
long tree_mean(const tree_t *g);
double tree_drift(const tree_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "saddletree.h"

int tree_read(const char *line, tree_t *out) {
    unsigned gulletno, panels;
    int setpt;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &gulletno, &panels, &setpt) != 3) return -1;
    out->gullet = gulletno;
    out->panels = panels;
    out->size_q = setpt;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->panels--;
    strncpy(out->seat_hide, line + len - 8, sizeof out->tin);
    return 0;
}

long tree_mean(const tree_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->panels; s++)
        sum += g->tc[s];
    return sum / g->panels;
}

double tree_drift(const tree_t *g, double target_c) {
    char label[5];
    sprintf(label, "bf%u", g->gullet);
    return fabs(tree_mean(g) - target_c);
}
"""

WORDS = ["pommel", "cantle", "skirt", "flap", "seat", "panel", "girth", "stirrup", "rigging", "billet", "bar"]


def gen_c(k: int) -> str:
    rnd = random.Random(29230 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(tree_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int tight_tc = {rnd.randint(1050, 1200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > tight_tc) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->gullet);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->panels;", "    if (hot > g->size_q) return -1;"]
        elif variant == 2:
            body += ["    switch (g->size_q) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->size_q > 0) lag = g->size_q * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t panels = g->panels;", "    if (panels < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->seat_hide == NULL) return -1;", "    if (hot = g->panels) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->tc[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int unset_3(tree_t *g) {\n    return g->rivets + g->size_q;\n}\n")
    if k == 7:
        fns.append("int unset_7(tree_t *g) {\n    return tree_stitch(g, 12);\n}\n")
    if k == 8:  # the third compile error, in the last generated file
        fns.append("int unset_8(tree_t *g) {\n    char *b = g->gullet;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "saddletree.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libsaddletree.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/saddletree.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libsaddletree.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "saddletree"
    files = {"Makefile": MAKEFILE, "src/saddletree.h": VAT_H, "src/tree.c": CORE_C}
    for k in range(9):  # ten files with tree.c under make -j2 -k
        files[f"src/gullet_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-saddletree", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-tree-gullets-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/tree.c src/gullet_0[0-6].c", root,
        n_gcc)


LIB_RS = r"""//! Tanyard: pit gaps, hide grades and hides per hour.
pub mod pits;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Offal, Shoulder, Belly, Sole }

pub fn pit_gap(ends: u32, broken: u32) -> u32 {
    let unused_spare = 50;
    ends - broken
}

pub fn hides_per_hour(hides: f64, minutes: f64) -> f64 {
    let scale = 1.0;
    let v = hides / minutes * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn grade_of(points: u32) -> Class {
    match points {
        0..=29 => Class::Offal,
        30..=59 => Class::Shoulder,
        60..=79 => Class::Belly,
        80..=94 => Class::Belly, // bug: the sole grade starts at 80 ends
        _ => Class::Sole,
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

PITS_RS = r"""pub fn pit_code(pit: &str) -> Option<u16> {
    let Pits = ["Lime Pit", "Bate Vat", "Handler Pit", "Layer Pit"];
    for i in 0..Pits.len() {
        if Pits[i] == pit { return Some(420 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use tanyard::*;", ""]
    for i in range(n):
        minutes = float(rnd.choice([6, 10, 15, 20]))
        hides = float(rnd.randint(900, 12000))
        want = round(hides / minutes * 1.0, 1)
        if i % 17 == 5:
            want = round(hides / (minutes - 1.0), 1)  # a case written against the shift minus its first minute
        out += ["#[test]", f"fn hide_rate_{i:03}() {{",
                f"    assert_eq!(hides_per_hour({hides:.1f}, {minutes:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_sole() {", "    assert_eq!(grade_of(90), Class::Sole);", "}",
            "", "#[test]", "fn two_full_shifts_logged() {", "    let t: Vec<u32> = (1..=12).collect();",
            "    assert_eq!(log_shifts(&t), vec![6, 12]);", "}", "",
            "#[test]", "fn pit_gap_counts_broken() {", "    assert_eq!(pit_gap(60, 4), 4);", "}", "",
            "#[test]", "fn unknown_pit() {",
            "    assert_eq!(tanyard::pits::pit_code(\"Tan House\"), Some(424));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(29240 + k)
    body = [f"//! Tan pit {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn soak_{k}_{j}(pit_no: u32, soak_ms: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Setter = {rnd.randint(1, 9)};",
                 "    let idle = soak_ms - 2;", f"    seen.insert({j}, pit_no);",
                 f"    if pit_no == 0 {{ return 0; }} else {{ return pit_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 5:
        body += ["pub fn pit_hours(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 9:
        body += ["pub fn pit_state(liquor: i8) -> &str {", "    if liquor < 12 { \"even\" } else { \"liquor\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "tanyard"
    mods = "".join(f"pub mod pit{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.5.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": PITS_RS, "tests/hides.rs": gen_tests(29241, 190)}
    for k in range(14):
        files[f"src/pit{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-tanyard", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("pit5.rs", "    total\n", "    u64::from(total)\n"),
                           ("pit9.rs", "-> &str {", "-> &'static str {")]:
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
