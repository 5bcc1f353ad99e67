"""Round 273, native code: a bell foundry's pour temperature and casting log in C (`bellfound`, written here with bugs
put in and widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a weaving
loom's pick counter and shuttle minutes crate in Rust (`loompick`, no crates.io dependencies, widened by a seeded
generator) through cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide273.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273 import cap

VAT_H = """#ifndef BELLFOUND_H
#define BELLFOUND_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t mould;
    uint8_t risers;
    int16_t pour_c;
    int32_t tc[24];
    char alloy[10];
} pour_t;

int pour_read(const char *line, pour_t *out);
long pour_mean(const pour_t *g);
double pour_drift(const pour_t *g, double target_c);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "bellfound.h"

int pour_read(const char *line, pour_t *out) {
    unsigned mouldno, risers;
    int setpt;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &mouldno, &risers, &setpt) != 3) return -1;
    out->mould = mouldno;
    out->risers = risers;
    out->pour_c = setpt;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->risers--;
    strncpy(out->alloy, line + len - 8, sizeof out->tin);
    return 0;
}

long pour_mean(const pour_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->risers; s++)
        sum += g->tc[s];
    return sum / g->risers;
}

double pour_drift(const pour_t *g, double target_c) {
    char label[5];
    sprintf(label, "bf%u", g->mould);
    return fabs(pour_mean(g) - target_c);
}
"""

WORDS = ["cope", "drag", "crown", "tenor", "treble", "clapper", "loam", "sprue", "riser", "tuning", "lip"]


def gen_c(k: int) -> str:
    rnd = random.Random(27330 + k)
    fns = []
    for j in range(rnd.randint(13, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(pour_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int hot = 0;",
                f"    int hot_tc = {rnd.randint(1050, 1200)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > hot_tc) hot++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->mould);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int hot = g->risers;", "    if (hot > g->pour_c) return -1;"]
        elif variant == 2:
            body += ["    switch (g->pour_c) {", "    case -1: hot -= 2;", "    case 0: hot += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->pour_c > 0) lag = g->pour_c * 3;", "    hot += lag;"]
        elif variant == 5:
            body += ["    uint8_t risers = g->risers;", "    if (risers < 0) hot--;"]
        elif variant == 6:
            body += ["    if (g->alloy == NULL) return -1;", "    if (hot = g->risers) hot++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->tc[0], hot);"]
        body += ["    return hot;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int unset_3(pour_t *g) {\n    return g->tins + g->pour_c;\n}\n")
    if k == 7:
        fns.append("int unset_7(pour_t *g) {\n    return pour_quench(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int unset_9(pour_t *g) {\n    char *b = g->mould;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "bellfound.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

libbellfound.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/bellfound.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build libbellfound.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "bellfound"
    files = {"Makefile": MAKEFILE, "src/bellfound.h": VAT_H, "src/pour.c": CORE_C}
    for k in range(10):  # eleven files with pour.c under make -j2 -k
        files[f"src/mould_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-bellfound", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-pour-moulds-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/pour.c src/mould_0[0-6].c", root,
        n_gcc)


LIB_RS = r"""//! Loompick: warp gaps, cloth grades and picks per minute.
pub mod sheds;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Muslin, Calico, Twill, Brocade }

pub fn warp_gap(ends: u32, broken: u32) -> u32 {
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
        0..=29 => Class::Muslin,
        30..=59 => Class::Calico,
        60..=79 => Class::Twill,
        80..=94 => Class::Twill, // bug: the brocade grade starts at 80 ends
        _ => Class::Brocade,
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

STATIONS_RS = r"""pub fn shed_code(shed: &str) -> Option<u16> {
    let Sheds = ["Hebble Mill", "Calder Shed", "Jagger Lane", "Marsden Weir"];
    for i in 0..Sheds.len() {
        if Sheds[i] == shed { return Some(420 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use loompick::*;", ""]
    for i in range(n):
        minutes = float(rnd.choice([6, 10, 15, 20]))
        picks = float(rnd.randint(900, 12000))
        want = round(picks / minutes * 1.0, 1)
        if i % 17 == 5:
            want = round(picks / (minutes - 1.0), 1)  # a case written against the shift minus its first minute
        out += ["#[test]", f"fn pick_rate_{i:03}() {{",
                f"    assert_eq!(picks_per_minute({picks:.1f}, {minutes:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_brocade() {", "    assert_eq!(grade_of(90), Class::Brocade);", "}",
            "", "#[test]", "fn two_full_shifts_logged() {", "    let t: Vec<u32> = (1..=12).collect();",
            "    assert_eq!(log_shifts(&t), vec![6, 12]);", "}", "",
            "#[test]", "fn warp_gap_counts_broken() {", "    assert_eq!(warp_gap(60, 4), 4);", "}", "",
            "#[test]", "fn unknown_shed() {",
            "    assert_eq!(loompick::sheds::shed_code(\"Holme Bridge\"), Some(424));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(27340 + k)
    body = [f"//! Loom shed {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn loom_{k}_{j}(loom_no: u32, beat_ms: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Weaver = {rnd.randint(1, 9)};",
                 "    let idle = beat_ms - 2;", f"    seen.insert({j}, loom_no);",
                 f"    if loom_no == 0 {{ return 0; }} else {{ return loom_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 5:
        body += ["pub fn shed_minutes(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 9:
        body += ["pub fn shed_state(slub: i8) -> &str {", "    if slub < 12 { \"even\" } else { \"slub\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "loompick"
    mods = "".join(f"pub mod shed{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "loompick"\nversion = "0.5.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod sheds;", "pub mod sheds;\n" + mods),
             "src/sheds.rs": STATIONS_RS, "tests/picks.rs": gen_tests(27341, 190)}
    for k in range(14):
        files[f"src/shed{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-loompick", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("shed5.rs", "    total\n", "    u64::from(total)\n"),
                           ("shed9.rs", "-> &str {", "-> &'static str {")]:
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
