"""Round 84, native code: a bike-share dock controller in C (`dockrack`, written here with bugs put in and widened by
a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a brewery fermentation
crate in Rust (`fermlog`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors
and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide84.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide84 import cap

DOCK_H = """#ifndef DOCKRACK_H
#define DOCKRACK_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint32_t station;
    uint8_t slots;
    uint8_t docked;
    int16_t battery_pct[32];
    char zone[10];
} rack_t;

int rack_parse(const char *line, rack_t *out);
long rack_charge_sum(const rack_t *r);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dockrack.h"

int rack_parse(const char *line, rack_t *out) {
    unsigned slots, docked;
    size_t n = strlen(line);
    if (sscanf(line, "%u %u %u", &out->station, &slots, &docked) != 3) return -1;
    out->slots = slots;
    out->docked = docked;
    for (int i = 0; i < n; i++)
        if (line[i] == ';') out->docked--;
    strncpy(out->zone, line + n - 10, sizeof out->zone);
    return 0;
}

long rack_charge_sum(const rack_t *r) {
    long sum;
    for (unsigned s = 0; s <= r->slots; s++)
        sum += r->battery_pct[s];
    return sum;
}
"""

WORDS = ["slot", "latch", "bike", "ebike", "kiosk", "rfid", "charger", "rebalance", "fault", "rider"]


def gen_c(k: int) -> str:
    rnd = random.Random(8430 + k)
    fns = []
    for j in range(rnd.randint(12, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(8)
        body = [f"static int {name}_pct(int v) {{ return v * {rnd.randint(2, 9)}; }}" if variant == 7 else "",
                f"int {name}(rack_t *r, const int16_t *pct, size_t n, unsigned unused_{j}) {{",
                "    int low = 0;",
                f"    int floor_pct = {rnd.randint(10, 40)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (pct[i] < floor_pct) low++;",
                "    }"]
        if variant == 0:
            body += ["    char code[5];", f'    sprintf(code, "{name[:3]}%u", r->station);', "    puts(code);"]
        elif variant == 1:
            body += ["    int low = r->docked;", "    if (low > r->slots) return -1;"]
        elif variant == 2:
            body += ["    switch (r->docked) {", "    case 0: low += 4;", "    case 1: low += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int16_t *tmp = calloc(n, sizeof *tmp);", "    if (tmp == NULL) return -1;"]
        elif variant == 4:
            body += ["    int spare;", "    if (r->docked < r->slots) spare = r->slots - r->docked;",
                     "    low += spare;"]
        elif variant == 5:
            body += ["    uint8_t docked = r->docked;", "    if (docked >= 0) low++;"]
        elif variant == 6:
            body += ["    if (r->zone == NULL) return -1;", "    if (low = r->docked) low--;"]
        body += ["    return low;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int broken_3(rack_t *r) {\n    return r->capacity - r->docked;\n}\n")
    if k == 8:
        fns.append("int broken_8(rack_t *r) {\n    return rack_unlock(r, 4);\n}\n")
    if k == 10:
        fns.append("int broken_10(rack_t *r) {\n    const char *z = r->station;\n    return z[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "dockrack.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=obj/%.o)

libdockrack.a: $(OBJS)
\tar rcs $@ $^

obj/%.o: src/%.c src/dockrack.h
\t@mkdir -p obj
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf obj libdockrack.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "dockrack"
    files = {"Makefile": MAKEFILE, "src/dockrack.h": DOCK_H, "src/core.c": CORE_C}
    for k in range(11):
        files[f"src/rack_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-racks-1x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/rack_1*.c", root, n_gcc)


LIB_RS = r"""//! Fermentation logs: gravity readings to attenuation, stage and alcohol by volume.
pub mod tanks;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stage { Lag, Active, Slowing, Done }

pub fn drop_points(og: u32, sg: u32) -> u32 {
    let unused_temp = 18;
    og - sg
}

pub fn abv(og: f64, fg: f64) -> f64 {
    let factor = 131.25;
    let v = (og - fg) * factor;
    return (v * 100.0).round() / 100.0;
}

pub fn stage_for(points_per_day: u32) -> Stage {
    match points_per_day {
        0 => Stage::Done,
        1..=2 => Stage::Done, // bug: one or two points a day is still Slowing
        3..=9 => Stage::Active,
        _ => Stage::Lag,
    }
}

pub fn daily_mean(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for d in 0..readings.len() / 4 {
        out.push(readings[d * 4 + 1..d * 4 + 4].iter().sum::<u32>() / 4); // bug: skips each day's first reading
    }
    out
}
"""

TANKS_RS = r"""pub fn tank_code(name: &str) -> Option<u16> {
    let Tanks = ["FV1 Pils", "FV2 Stout", "BBT Lager"];
    for i in 0..Tanks.len() {
        if Tanks[i] == name { return Some(300 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use fermlog::*;", ""]
    for i in range(n):
        og = 1.040 + rnd.randint(0, 50) / 1000
        fg = 1.004 + rnd.randint(0, 14) / 1000
        want = round((og - fg) * 131.25, 2)
        if i % 19 == 7:
            want = round((og - fg) * 131.0, 2)  # a case written against the old factor
        out += ["#[test]", f"fn abv_case_{i:03}() {{",
                f"    assert_eq!(abv({og:.3f}, {fg:.3f}), {want!r});", "}", ""]
    out += ["#[test]", "fn two_points_is_slowing() {", "    assert_eq!(stage_for(2), Stage::Slowing);", "}", "",
            "#[test]", "fn daily_mean_uses_all_four() {", "    let r = vec![1050u32; 8];",
            "    assert_eq!(daily_mean(&r), vec![1050, 1050]);", "}", "",
            "#[test]", "fn unknown_tank() {", "    assert_eq!(fermlog::tanks::tank_code(\"FV4 IPA\"), Some(303));",
            "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(8440 + k)
    body = [f"//! Tank sensor {k}.", "use std::collections::BTreeMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn sensor_{k}_{j}(sg: u32, temp_c: i32) -> u32 {{",
                 "    let mut log = BTreeMap::new();", f"    let Offset = {rnd.randint(1, 6)};",
                 "    let chill = temp_c * 2;", f"    log.insert({j}, sg);",
                 f"    if sg == 0 {{ return 0; }} else {{ return sg - {rnd.randint(1, 30)}; }}", "}", ""]
    if k == 2:
        body += ["pub fn sensor_total(sg: &[u32]) -> u64 {", "    let total: u32 = sg.iter().sum();",
                 "    total", "}", ""]
    if k == 6:
        body += ["pub fn sensor_label(k: u8) -> &str {", "    if k > 3 { \"cellar\" } else { \"brewhouse\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "fermlog"
    mods = "".join(f"pub mod sensor{k};\n" for k in range(11))
    files = {"Cargo.toml": '[package]\nname = "fermlog"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod tanks;", "pub mod tanks;\n" + mods),
             "src/tanks.rs": TANKS_RS, "tests/abv.rs": gen_tests(8441, 160)}
    for k in range(11):
        files[f"src/sensor{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("sensor2.rs", "    total\n", "    total as u64\n"),
                           ("sensor6.rs", "-> &str {", "-> &'static str {")]:
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
