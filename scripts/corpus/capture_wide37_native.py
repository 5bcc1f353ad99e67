"""Round 37, native code: a ferry-ticket fare engine in Rust (`farecalc`, no crates.io dependencies, written here with
bugs put in and widened by a seeded generator) through cargo build with warnings and cargo test with failing tests;
a gate-controller firmware in C (`gatefw`, widened by a seeded generator) built with make -j and gcc warnings. Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide37.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide37 import cap

LIB_RS = r"""//! Fares for the fjord ferries: vehicle classes, length bands and discounts.
pub mod zones;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Vehicle { Foot, Bike, Car, Van, Truck }

pub fn base_fare(v: Vehicle, length_m: f64) -> f64 {
    let unused_surcharge = 0.0;
    match v {
        Vehicle::Foot => 4.5,
        Vehicle::Bike => 6.0,
        Vehicle::Car if length_m <= 6.0 => 18.5,
        Vehicle::Car => 24.0,
        Vehicle::Van => 26.0,
        Vehicle::Truck => 9.5 * length_m,  // bug: trucks should be at least 60.0
    }
}

pub fn discount(fare: f64, trips_this_month: u32) -> f64 {
    let mut pct = 0.0;
    if trips_this_month > 10 { pct = 0.2; }
    if trips_this_month > 40 { pct = 0.4; }
    (fare * (1.0 - pct) * 100.0).round() / 100.0
}

pub fn split_passengers(total: f64, people: u32) -> Vec<f64> {
    let each = (total / people as f64 * 100.0).floor() / 100.0;
    let mut out = vec![each; people as usize];
    let rest = total - each * people as f64;
    out[0] += rest;  // bug: the rest is not rounded to cents
    out
}
"""

ZONES_RS = r"""pub fn zone_of(route: &str) -> Option<u8> {
    let mut z = None;
    let Routes = ["Nesna-Levang", "Molde-Vestnes", "Bodo-Moskenes"];
    for (i, r) in Routes.iter().enumerate() {
        if *r == route { z = Some(i as u8 + 1) }
    }
    return z;
}

pub fn zone_factor(zone: u8) -> f64 {
    match zone { 1 => 1.0, 2 => 1.25, 3 => 2.1, _ => 1.0 }
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use farecalc::*;", ""]
    for i in range(n):
        trips = rnd.choice([0, 3, 11, 25, 41, 60])
        fare = rnd.choice([4.5, 6.0, 18.5, 24.0, 26.0])
        pct = 0.4 if trips > 40 else 0.2 if trips > 10 else 0.0
        want = round(fare * (1 - pct), 2)
        if i % 17 == 5:
            want = round(want + 0.5, 2)  # a case written against last year's table
        out += ["#[test]", f"fn discount_case_{i:03}() {{", f"    assert_eq!(discount({fare!r}, {trips}), {want!r});", "}", ""]
    for i, (v, length, want) in enumerate([("Truck", 5.0, 60.0), ("Truck", 12.0, 114.0), ("Car", 6.0, 18.5),
                                           ("Car", 6.5, 24.0), ("Van", 5.0, 26.0)]):
        out += ["#[test]", f"fn base_fare_{v.lower()}_{i}() {{",
                f"    assert_eq!(base_fare(Vehicle::{v}, {length!r}), {want!r});", "}", ""]
    out += ["#[test]", "fn split_three_ways() {", "    let s = split_passengers(100.0, 3);",
            "    assert_eq!(s, vec![33.34, 33.33, 33.33]);", "}", "",
            "#[test]", "fn split_nobody() {", "    let s = split_passengers(10.0, 0);", "    assert!(s.is_empty());", "}", "",
            "#[test]", "fn zone_unknown() {", "    assert_eq!(farecalc::zones::zone_of(\"Flakk-Rorvik\"), Some(4));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(3720 + k)
    body = [f"//! Timetable block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(5, 9)):
        body += [f"pub fn sailing_{k}_{j}(minutes: u32, delay: i32) -> u32 {{",
                 "    let mut table = HashMap::new();", f"    let Buffer = {rnd.randint(2, 9)};",
                 "    let slack = delay * 2;", f"    table.insert({j}, minutes);",
                 f"    return minutes + {rnd.randint(1, 30)};", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "farecalc"
    files = {"Cargo.toml": '[package]\nname = "farecalc"\nversion = "0.7.0"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod zones;", "pub mod zones;\n" + "".join(f"pub mod block{k};\n"
                                                                                           for k in range(8))),
             "src/zones.rs": ZONES_RS, "tests/fares.rs": gen_tests(3721, 140)}
    for k in range(8):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    chain("chain-cargo-test-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)


GATE_H = """#ifndef GATEFW_H
#define GATEFW_H
#include <stdint.h>
#include <stddef.h>
typedef struct { uint8_t lane; int16_t position; uint32_t cycles; char label[12]; } barrier_t;
int barrier_step(barrier_t *b, int target);
#endif
"""


def gen_c(k: int) -> str:
    rnd = random.Random(3730 + k)
    fns = []
    for j in range(rnd.randint(5, 8)):
        name = f"{rnd.choice(['loop', 'reader', 'barrier', 'lamp', 'plc', 'ticket'])}_{k}_{j}"
        fns.append(f"""int {name}(barrier_t *b, const uint8_t *frame, int len) {{
    int checksum;
    unsigned limit = {rnd.randint(8, 250)};
    for (int i = 0; i < len; i++) {{
        if (frame[i] > limit) checksum += frame[i];
    }}
    char tag[6];
    sprintf(tag, "{name}");
    if (b->position = {rnd.randint(0, 90)}) b->cycles++;
    return checksum;
}}
""")
    if k == 6:
        fns.append("int broken_6(barrier_t *b) {\n    return b->speed_mm_s / 10;\n}\n")
    return '#include <stdio.h>\n#include <stdint.h>\n#include "gatefw.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wshadow -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

gatefw: $(OBJS)
\t$(CC) $(CFLAGS) -o $@ $(OBJS)

build/%.o: src/%.c src/gatefw.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build gatefw
"""


def c_build(tmp: Path) -> None:
    root = tmp / "gatefw"
    files = {"Makefile": MAKEFILE, "src/gatefw.h": GATE_H}
    for k in range(14):
        files[f"src/lane_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k-full", "make -k -j2", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-j2-tail-exit", "chain-build-exit", "build",
          [Part("make -j2 2>&1 | tail -n 120", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


STEPS = [rust, c_build]
