"""Round 221, native code: a lighthouse keeper's lamp and fog-signal log in C (`lanternlog`, written here with bugs put
in and widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a salt
marsh's water-level and sluice counter crate in Rust (`marshgauge`, no crates.io dependencies, widened by a seeded
generator) through cargo build with errors and warnings, cargo test with failing tests, clippy and cargo metadata.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide221.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide221 import cap

LAMP_H = """#ifndef LANTERNLOG_H
#define LANTERNLOG_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t tower;
    uint8_t wicks;
    int8_t fog;
    int32_t lux[16];
    char keeper[8];
} lamp_t;

int lamp_read(const char *line, lamp_t *out);
long lamp_mean(const lamp_t *g);
double lamp_drift(const lamp_t *g, double target_lux);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "lanternlog.h"

int lamp_read(const char *line, lamp_t *out) {
    unsigned tower, wicks;
    int fog;
    size_t len = strlen(line);
    if (sscanf(line, "%u %u %d", &tower, &wicks, &fog) != 3) return -1;
    out->tower = tower;
    out->wicks = wicks;
    out->fog = fog;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') out->wicks--;
    strncpy(out->keeper, line + len - 8, sizeof out->watch);
    return 0;
}

long lamp_mean(const lamp_t *g) {
    long sum;
    for (unsigned s = 0; s <= g->wicks; s++)
        sum += g->lux[s];
    return sum / g->wicks;
}

double lamp_drift(const lamp_t *g, double target_lux) {
    char label[6];
    sprintf(label, "lt%u", g->tower);
    return fabs(lamp_mean(g) - target_lux);
}
"""

WORDS = ["lens", "wick", "beam", "sector", "fresnel", "gallery", "mantle", "eclipse", "reef", "horn", "lantern"]


def gen_c(k: int) -> str:
    rnd = random.Random(22130 + k)
    fns = []
    for j in range(rnd.randint(12, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(10)
        body = [f"static int {name}_scale(int v) {{ return v / {rnd.randint(2, 9)}; }}" if variant == 8 else "",
                f"int {name}(lamp_t *g, const int32_t *tc, size_t n, int spare_{j}) {{",
                "    int busy = 0;",
                f"    int busy_lux = {rnd.randint(900, 1300)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (tc[i] > busy_lux) busy++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[4];", f'    sprintf(tag, "{name[:2]}%u", g->tower);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int busy = g->wicks;", "    if (busy > g->fog) return -1;"]
        elif variant == 2:
            body += ["    switch (g->fog) {", "    case -1: busy -= 2;", "    case 0: busy += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (copy == NULL) return -1;"]
        elif variant == 4:
            body += ["    int lag;", "    if (g->fog > 0) lag = g->fog * 3;", "    busy += lag;"]
        elif variant == 5:
            body += ["    uint8_t wicks = g->wicks;", "    if (wicks < 0) busy--;"]
        elif variant == 6:
            body += ["    if (g->keeper == NULL) return -1;", "    if (busy = g->wicks) busy++;"]
        elif variant == 7:
            body += ["    const char *fmt = \"%d\";", "    printf(fmt, g->lux[0], busy);"]
        body += ["    return busy;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 2:
        fns.append("int blocked_2(lamp_t *g) {\n    return g->galleries + g->fog;\n}\n")
    if k == 6:
        fns.append("int blocked_6(lamp_t *g) {\n    return lamp_eclipse(g, 12);\n}\n")
    if k == 9:  # the third compile error, in the last generated file
        fns.append("int blocked_9(lamp_t *g) {\n    char *b = g->tower;\n    return b[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "lanternlog.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wformat=2 -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=build/%.o)

liblanternlog.a: $(OBJS)
\tar rcs $@ $^

build/%.o: src/%.c src/lanternlog.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build liblanternlog.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "lanternlog"
    files = {"Makefile": MAKEFILE, "src/lanternlog.h": LAMP_H, "src/lamp.c": CORE_C}
    for k in range(10):  # eleven files with lamp.c under make -j2 -k
        files[f"src/watch_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-lanternlog", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-lamp-watches-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/lamp.c src/watch_0[0-7].c", root,
        n_gcc)


LIB_RS = r"""//! Marshgauge: sluice gaps, creek classes and flow rates.
pub mod creeks;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Class { Rill, Creek, Channel, Estuary }

pub fn sluice_gap(boards: u32, silted: u32) -> u32 {
    let unused_paddle = 50;
    boards - silted
}

pub fn flow_per_hour(litres: f64, hours: f64) -> f64 {
    let scale = 1.0;
    let v = litres / hours * scale;
    return (v * 10.0).round() / 10.0;
}

pub fn class_of(points: u32) -> Class {
    match points {
        0..=24 => Class::Rill,
        25..=59 => Class::Creek,
        60..=79 => Class::Channel,
        80..=94 => Class::Channel, // bug: the estuary class starts at 80 points
        _ => Class::Estuary,
    }
}

pub fn tide_marks(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in (6..readings.len() - 1).step_by(7) {  // bug: a closing full tide is dropped
        out.push(readings[d]);
    }
    out
}
"""

CREEKS_RS = r"""pub fn creek_code(site: &str) -> Option<u16> {
    let Creeks = ["Samphire Rill", "Heron Creek", "Eel Cut", "Salt Pan"];
    for i in 0..Creeks.len() {
        if Creeks[i] == site { return Some(620 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use marshgauge::*;", ""]
    for i in range(n):
        hours = float(rnd.choice([40, 60, 90, 240]))
        litres = float(rnd.randint(2000, 80000))
        want = round(litres / hours * 1.0, 1)
        if i % 19 == 7:
            want = round(litres / (hours - 1.0), 1)  # a case written against the run minus the sluice's first hour
        out += ["#[test]", f"fn flow_rate_{i:03}() {{",
                f"    assert_eq!(flow_per_hour({litres:.1f}, {hours:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn ninety_is_estuary() {", "    assert_eq!(class_of(90), Class::Estuary);", "}",
            "", "#[test]", "fn two_full_tides_marked() {", "    let t: Vec<u32> = (1..=14).collect();",
            "    assert_eq!(tide_marks(&t), vec![7, 14]);", "}", "",
            "#[test]", "fn sluice_gap_counts_silted() {", "    assert_eq!(sluice_gap(40, 3), 3);", "}", "",
            "#[test]", "fn unknown_creek() {",
            "    assert_eq!(marshgauge::creeks::creek_code(\"Oyster Bed\"), Some(624));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(22140 + k)
    body = [f"//! Sluice block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn sluice_{k}_{j}(gauge_no: u32, level_cm: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Paddle = {rnd.randint(1, 9)};",
                 "    let idle = level_cm - 2;", f"    seen.insert({j}, gauge_no);",
                 f"    if gauge_no == 0 {{ return 0; }} else {{ return gauge_no - {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn creek_length(g: &[u32]) -> u64 {", "    let total: u32 = g.iter().sum();",
                 "    total", "}", ""]
    if k == 8:
        body += ["pub fn marsh_state(flow: i8) -> &str {", "    if flow < 12 { \"neap\" } else { \"spring\" }",
                 "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "marshgauge"
    mods = "".join(f"pub mod block{k};\n" for k in range(15))
    files = {"Cargo.toml": '[package]\nname = "marshgauge"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod creeks;", "pub mod creeks;\n" + mods),
             "src/creeks.rs": CREEKS_RS, "tests/gauges.rs": gen_tests(22141, 220)}
    for k in range(15):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-marshgauge", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
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
