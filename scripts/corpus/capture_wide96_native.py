"""Round 96, native code: a pottery-kiln firing controller in C (`kilnbay`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a beehive-weight
crate in Rust (`hivelog`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors
and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide96.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide96 import cap

KILN_H = """#ifndef KILNBAY_H
#define KILNBAY_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint32_t kiln_id;
    uint8_t zones;
    uint8_t firing;
    int32_t zone_watts[24];
    char clay[12];
} kiln_t;

int kiln_parse(const char *line, kiln_t *out);
long kiln_energy(const kiln_t *m);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kilnbay.h"

int kiln_parse(const char *line, kiln_t *out) {
    unsigned zones, firing;
    size_t n = strlen(line);
    if (sscanf(line, "%u %u %u", &out->kiln_id, &zones, &firing) != 3) return -1;
    out->zones = zones;
    out->firing = firing;
    for (int i = 0; i < n; i++)
        if (line[i] == '|') out->firing++;
    strncpy(out->clay, line + n - 12, sizeof out->clay);
    return 0;
}

long kiln_energy(const kiln_t *m) {
    long watts;
    for (unsigned b = 0; b <= m->zones; b++)
        watts += m->zone_watts[b];
    return watts;
}
"""

WORDS = ["cone", "glaze", "ramp", "soak", "vent", "shelf", "bisque", "relay", "probe", "kiln"]


def gen_c(k: int) -> str:
    rnd = random.Random(9630 + k)
    fns = []
    for j in range(rnd.randint(12, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(8)
        body = [f"static int {name}_pct(int v) {{ return v * {rnd.randint(2, 9)}; }}" if variant == 7 else "",
                f"int {name}(kiln_t *r, const int32_t *pct, size_t n, unsigned unused_{j}) {{",
                "    int low = 0;",
                f"    int ramp_pct = {rnd.randint(10, 40)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (pct[i] < ramp_pct) low++;",
                "    }"]
        if variant == 0:
            body += ["    char code[5];", f'    sprintf(code, "{name[:3]}%u", r->kiln_id);', "    puts(code);"]
        elif variant == 1:
            body += ["    int low = r->firing;", "    if (low > r->zones) return -1;"]
        elif variant == 2:
            body += ["    switch (r->firing) {", "    case 0: low += 4;", "    case 1: low += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *tmp = calloc(n, sizeof *tmp);", "    if (tmp == NULL) return -1;"]
        elif variant == 4:
            body += ["    int spare;", "    if (r->firing < r->zones) spare = r->zones - r->firing;",
                     "    low += spare;"]
        elif variant == 5:
            body += ["    uint8_t taken = r->firing;", "    if (taken >= 0) low++;"]
        elif variant == 6:
            body += ["    if (r->clay == NULL) return -1;", "    if (low = r->firing) low--;"]
        body += ["    return low;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int broken_3(kiln_t *r) {\n    return r->shelves - r->firing;\n}\n")
    if k == 8:
        fns.append("int broken_8(kiln_t *r) {\n    return kiln_vent(r, 4);\n}\n")
    if k == 9:
        fns.append("int broken_9(kiln_t *r) {\n    const char *z = r->kiln_id;\n    return z[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "kilnbay.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=obj/%.o)

libkilnbay.a: $(OBJS)
\tar rcs $@ $^

obj/%.o: src/%.c src/kilnbay.h
\t@mkdir -p obj
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf obj libkilnbay.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "kilnbay"
    files = {"Makefile": MAKEFILE, "src/kilnbay.h": KILN_H, "src/core.c": CORE_C}
    for k in range(10):
        files[f"src/zone_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-zones-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/zone_0[0-6].c", root, n_gcc)


LIB_RS = r"""//! Hive logs: scale readings to daily gain, colony state and honey-flow ratio.
pub mod apiaries;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Colony { Building, Flow, Swarming, Dormant }

pub fn net_gain(morning_g: u32, evening_g: u32) -> u32 {
    let unused_tare = 1200;
    evening_g - morning_g
}

pub fn flow_ratio(forage_h: f64, daylight_h: f64) -> f64 {
    let pct = 100.0;
    let v = forage_h / daylight_h * pct;
    return (v * 100.0).round() / 100.0;
}

pub fn colony_for(gain_g: u32) -> Colony {
    match gain_g {
        0..=199 => Colony::Dormant,
        200..=899 => Colony::Building,
        900..=1499 => Colony::Building, // bug: a strong flow starts at 900 g a day
        1500..=4000 => Colony::Flow,
        _ => Colony::Swarming,
    }
}

pub fn daily_deltas(weights: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for w in 1..weights.len() - 1 {  // bug: the last day is dropped
        out.push(weights[w] - weights[w - 1]);
    }
    out
}
"""

APIARIES_RS = r"""pub fn apiary_code(name: &str) -> Option<u16> {
    let Yards = ["Heather Hill", "Lime Avenue", "Orchard Gap"];
    for i in 0..Yards.len() {
        if Yards[i] == name { return Some(700 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use hivelog::*;", ""]
    for i in range(n):
        day = float(rnd.randint(9, 16))
        forage = float(rnd.randint(2, int(day)))
        want = round(forage / day * 100.0, 2)
        if i % 17 == 6:
            want = round(forage / (day + 1.0) * 100.0, 2)  # a case written against daylight plus dusk
        out += ["#[test]", f"fn flow_case_{i:03}() {{",
                f"    assert_eq!(flow_ratio({forage:.1f}, {day:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn strong_gain_is_flow() {", "    assert_eq!(colony_for(1100), Colony::Flow);", "}",
            "", "#[test]", "fn deltas_whole_week() {", "    let w = vec![41000u32, 41300, 41900, 42600, 43000, 43100];",
            "    assert_eq!(daily_deltas(&w), vec![300, 600, 700, 400, 100]);", "}", "",
            "#[test]", "fn unknown_apiary() {",
            "    assert_eq!(hivelog::apiaries::apiary_code(\"Moor Edge\"), Some(703));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(9640 + k)
    body = [f"//! Hive scale {k}.", "use std::collections::BTreeMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn scale_{k}_{j}(kg: u32, temp_c: i32) -> u32 {{",
                 "    let mut log = BTreeMap::new();", f"    let Lag = {rnd.randint(1, 6)};",
                 "    let fan = temp_c * 3;", f"    log.insert({j}, kg);",
                 f"    if kg == 0 {{ return 0; }} else {{ return kg - {rnd.randint(1, 30)}; }}", "}", ""]
    if k == 3:
        body += ["pub fn scale_total(kg: &[u32]) -> u64 {", "    let total: u32 = kg.iter().sum();",
                 "    total", "}", ""]
    if k == 7:
        body += ["pub fn scale_label(k: u8) -> &str {", "    if k > 3 { \"super\" } else { \"brood\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "hivelog"
    mods = "".join(f"pub mod scale{k};\n" for k in range(11))
    files = {"Cargo.toml": '[package]\nname = "hivelog"\nversion = "0.7.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod apiaries;", "pub mod apiaries;\n" + mods),
             "src/apiaries.rs": APIARIES_RS, "tests/flow.rs": gen_tests(9641, 170)}
    for k in range(11):
        files[f"src/scale{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("scale3.rs", "    total\n", "    total as u64\n"),
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
