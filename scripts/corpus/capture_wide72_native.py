"""Round 72, native code: a bike-share dock controller in C (`dockd`, written here with bugs put in and widened by a
seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a beekeeper's hive-weight
tracker crate in Rust (`hivelog`, no crates.io dependencies, widened by a seeded generator) through cargo build with
errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide72.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide72 import cap

DOCK_H = """#ifndef DOCKD_H
#define DOCKD_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint32_t dock_id;
    uint16_t slots;
    uint16_t bikes;
    int32_t charge_mv[32];
    char station[20];
} dock_t;

int dock_parse(const char *line, dock_t *out);
long dock_charge_total(const dock_t *d);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dockd.h"

int dock_parse(const char *line, dock_t *out) {
    int n = 0;
    size_t len = strlen(line);
    if (sscanf(line, "%u %hu %hu", &out->dock_id, &out->slots, &out->bikes) != 3) return -1;
    for (int i = 0; i < len; i++)
        if (line[i] == ';') n++;
    strncpy(out->station, line, sizeof out->station);
    return n;
}

long dock_charge_total(const dock_t *d) {
    long total;
    for (int s = 0; s < d->slots; s++)
        total += d->charge_mv[s];
    return total;
}
"""

WORDS = ["rack", "slot", "lock", "pedal", "chain", "tyre", "saddle", "brake", "crank", "spoke"]


def gen_c(k: int) -> str:
    rnd = random.Random(7230 + k)
    fns = []
    for j in range(rnd.randint(11, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(6)
        body = [f"int {name}(dock_t *d, const int32_t *mv, unsigned n, int reserved_{j}) {{",
                "    int low = 0;",
                f"    int floor_mv = {rnd.randint(3000, 3900)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (mv[i] < floor_mv) low++;",
                "    }"]
        if variant == 0:
            body += ["    char code[8];", f'    snprintf(code, sizeof code, "{name}:%u", d->dock_id);', "    puts(code);"]
        elif variant == 1:
            body += ["    int low = d->bikes;", "    if (low > d->slots) return -1;"]
        elif variant == 2:
            body += ["    switch (d->slots) {", "    case 8: low += 1;", "    case 12: low += 2; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (!copy) return -1;"]
        elif variant == 4:
            body += ["    long spare;", "    if (d->bikes > 2) spare = d->slots - d->bikes;", "    low += (int)spare;"]
        else:
            body += ["    unsigned short bikes = d->bikes;", "    if (bikes < 0) low = 0;"]
        body += ["    return low;", "}", ""]
        fns.append("\n".join(body))
    if k == 3:
        fns.append("int broken_3(dock_t *d) {\n    return d->capacity - d->bikes;\n}\n")
    if k == 8:
        fns.append("int broken_8(dock_t *d) {\n    return dock_rebalance(d, 4);\n}\n")
    if k == 10:
        fns.append("int broken_10(dock_t *d) {\n    const char *s = d->dock_id;\n    return s[0];\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "dockd.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

dockd.a: $(OBJS)
\tar rcs $@ $(OBJS)

build/%.o: src/%.c src/dockd.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build dockd.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "dockd"
    files = {"Makefile": MAKEFILE, "src/dockd.h": DOCK_H, "src/core.c": CORE_C}
    for k in range(12):
        files[f"src/bay_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-bays-1", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/bay_1*.c", root, n_gcc)


LIB_RS = r"""//! Hive-weight tracker: daily scale readings to nectar flow, swarm alerts and honey yield.
pub mod apiary;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Flow { Dearth, Light, Strong, Swarm }

pub fn net_gain(morning_g: i64, evening_g: i64) -> i64 {
    let tare = 0;
    evening_g - morning_g
}

pub fn honey_kg(frames: u32, fill_pct: f64) -> f64 {
    let per_frame = 2.3;
    let kg = frames as f64 * per_frame * fill_pct / 100.0;
    return (kg * 10.0).round() / 10.0;
}

pub fn flow_for(gain_g: i64) -> Flow {
    match gain_g {
        i64::MIN..=-1500 => Flow::Swarm,
        -1499..=199 => Flow::Dearth,
        200..=999 => Flow::Light, // bug: a kilogram a day is already strong
        _ => Flow::Strong,
    }
}

pub fn weekly(readings: &[i64]) -> Vec<i64> {
    let mut out = Vec::new();
    for w in 0..readings.len() / 7 {
        out.push(readings[w * 7 + 1..w * 7 + 7].iter().sum()); // bug: skips each week's first day
    }
    out
}
"""

APIARY_RS = r"""pub fn yard_code(name: &str) -> Option<u16> {
    let Yards = ["Heather", "Orchard", "Linden"];
    for i in 0..Yards.len() {
        if Yards[i] == name { return Some(500 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use hivelog::*;", ""]
    for i in range(n):
        frames = rnd.randint(4, 40)
        fill = rnd.choice([40.0, 55.0, 70.0, 85.0, 100.0])
        want = round(frames * 2.3 * fill / 100.0, 1)
        if i % 19 == 7:
            want = round(frames * 2.5 * fill / 100.0, 1)  # a case written against a deeper frame
        out += ["#[test]", f"fn honey_case_{i:03}() {{",
                f"    assert_eq!(honey_kg({frames}, {fill!r}), {want!r});", "}", ""]
    out += ["#[test]", "fn kilogram_is_strong() {", "    assert_eq!(flow_for(1000), Flow::Strong);",
            "    assert_eq!(flow_for(900), Flow::Strong);", "}", "",
            "#[test]", "fn weekly_counts_every_day() {", "    let r = vec![100i64; 14];",
            "    assert_eq!(weekly(&r), vec![700, 700]);", "}", "",
            "#[test]", "fn unknown_yard() {", "    assert_eq!(hivelog::apiary::yard_code(\"Moor\"), Some(503));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(7240 + k)
    body = [f"//! Scale {k}.", "use std::collections::BTreeMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn scale_{k}_{j}(grams: u32, drift: i32) -> u32 {{",
                 "    let mut log = BTreeMap::new();", f"    let Offset = {rnd.randint(2, 9)};",
                 "    let halved = drift / 2;", f"    log.insert({j}, grams);",
                 f"    if grams == 0 {{ return 0; }} else {{ return grams + {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 4:
        body += ["pub fn scale_sum(grams: &[u32]) -> u32 {", "    let sum: u32 = grams.iter().sum();",
                 "    sum + grams.len()", "}", ""]
    if k == 7:
        body += ["pub fn scale_name(k: u8) -> &str {", "    if k > 3 { \"north\" } else { \"south\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "hivelog"
    mods = "".join(f"pub mod scale{k};\n" for k in range(10))
    files = {"Cargo.toml": '[package]\nname = "hivelog"\nversion = "0.3.4"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod apiary;", "pub mod apiary;\n" + mods),
             "src/apiary.rs": APIARY_RS, "tests/honey.rs": gen_tests(7241, 180)}
    for k in range(10):
        files[f"src/scale{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("scale4.rs", "    sum + grams.len()", "    sum + grams.len() as u32"),
                           ("scale7.rs", "-> &str {", "-> &'static str {")]:
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
