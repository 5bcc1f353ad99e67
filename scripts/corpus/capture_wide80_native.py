"""Round 80, native code: a ferry terminal's ticket-gate controller in C (`gated`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a harbour
tide-table crate in Rust (`tidetab`, no crates.io dependencies, widened by a seeded generator) through cargo build with
errors and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide80.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide80 import cap

GATE_H = """#ifndef GATED_H
#define GATED_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint32_t gate_id;
    uint16_t lanes;
    uint16_t queued;
    int32_t scan_ms[24];
    char berth[12];
} gate_t;

int gate_parse(const char *line, gate_t *out);
long gate_scan_total(const gate_t *g);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gated.h"

int gate_parse(const char *line, gate_t *out) {
    int fields = 0;
    size_t len = strlen(line);
    if (sscanf(line, "%u %hu %hu", &out->gate_id, &out->lanes, &out->queued) != 3) return -1;
    for (int i = 0; i < len; i++)
        if (line[i] == ',') fields++;
    strncpy(out->berth, line, sizeof out->berth);
    return fields;
}

long gate_scan_total(const gate_t *g) {
    long total;
    for (int s = 0; s < g->lanes; s++)
        total += g->scan_ms[s];
    return total;
}
"""

WORDS = ["ticket", "barrier", "lane", "berth", "ramp", "deck", "turnstile", "scanner", "vehicle", "foot"]


def gen_c(k: int) -> str:
    rnd = random.Random(8030 + k)
    fns = []
    for j in range(rnd.randint(11, 16)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(7)
        body = [f"int {name}(gate_t *g, const int32_t *ms, unsigned n, int spare_{j}) {{",
                "    int slow = 0;",
                f"    int limit_ms = {rnd.randint(200, 900)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (ms[i] > limit_ms) slow++;",
                "    }"]
        if variant == 0:
            body += ["    char tag[6];", f'    snprintf(tag, sizeof tag, "{name}:%u", g->gate_id);', "    puts(tag);"]
        elif variant == 1:
            body += ["    int slow = g->queued;", "    if (slow > g->lanes) return -1;"]
        elif variant == 2:
            body += ["    switch (g->lanes) {", "    case 2: slow += 1;", "    case 4: slow += 2; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *copy = malloc(n * sizeof *copy);", "    if (!copy) return -1;"]
        elif variant == 4:
            body += ["    long wait;", "    if (g->queued > 3) wait = g->queued * 40;", "    slow += (int)wait;"]
        elif variant == 5:
            body += ["    unsigned short queued = g->queued;", "    if (queued < 0) slow = 0;"]
        else:
            body += ["    if (g->berth == NULL) return -1;", "    if (slow = g->lanes) slow--;"]
        body += ["    return slow;", "}", ""]
        fns.append("\n".join(body))
    if k == 2:
        fns.append("int broken_2(gate_t *g) {\n    return g->capacity - g->queued;\n}\n")
    if k == 7:
        fns.append("int broken_7(gate_t *g) {\n    return gate_reopen(g, 2);\n}\n")
    if k == 11:
        fns.append("int broken_11(gate_t *g) {\n    const char *s = g->gate_id;\n    return s[0];\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "gated.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

gated.a: $(OBJS)
\tar rcs $@ $(OBJS)

build/%.o: src/%.c src/gated.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build gated.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "gated"
    files = {"Makefile": MAKEFILE, "src/gated.h": GATE_H, "src/core.c": CORE_C}
    for k in range(12):
        files[f"src/lane_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-lanes-0", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/lane_0*.c", root, n_gcc)


LIB_RS = r"""//! Harbour tide tables: gauge readings to tide state, slack windows and under-keel clearance.
pub mod berths;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tide { Low, Flood, High, Ebb }

pub fn rise_cm(first_cm: i64, last_cm: i64) -> i64 {
    let datum = 0;
    last_cm - first_cm
}

pub fn clearance_m(depth_cm: u32, draught_cm: u32) -> f64 {
    let squat = 0.15;
    let m = (depth_cm as f64 - draught_cm as f64) / 100.0 - squat;
    return (m * 100.0).round() / 100.0;
}

pub fn tide_for(rate_cm_h: i64) -> Tide {
    match rate_cm_h {
        i64::MIN..=-6 => Tide::Ebb,
        -5..=5 => Tide::Low, // bug: slack water at the top of the tide is High, not Low
        6..=i64::MAX => Tide::Flood,
    }
}

pub fn hourly_mean(readings: &[i64]) -> Vec<i64> {
    let mut out = Vec::new();
    for h in 0..readings.len() / 6 {
        out.push(readings[h * 6..h * 6 + 5].iter().sum::<i64>() / 6); // bug: drops each hour's last reading
    }
    out
}
"""

BERTHS_RS = r"""pub fn berth_code(name: &str) -> Option<u16> {
    let Berths = ["North Quay", "Ro-Ro 2", "Fish Dock"];
    for i in 0..Berths.len() {
        if Berths[i] == name { return Some(700 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use tidetab::*;", ""]
    for i in range(n):
        depth = rnd.randint(300, 1800)
        draught = rnd.randint(200, 900)
        want = round((depth - draught) / 100.0 - 0.15, 2)
        if i % 17 == 5:
            want = round((depth - draught) / 100.0 - 0.10, 2)  # a case written against a smaller squat
        out += ["#[test]", f"fn clearance_case_{i:03}() {{",
                f"    assert_eq!(clearance_m({depth}, {draught}), {want!r});", "}", ""]
    out += ["#[test]", "fn slack_is_high_water() {", "    assert_eq!(tide_for(0), Tide::High);", "}", "",
            "#[test]", "fn hourly_mean_uses_all_six() {", "    let r = vec![60i64; 12];",
            "    assert_eq!(hourly_mean(&r), vec![60, 60]);", "}", "",
            "#[test]", "fn unknown_berth() {", "    assert_eq!(tidetab::berths::berth_code(\"Ferry Pier\"), Some(703));",
            "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(8040 + k)
    body = [f"//! Gauge {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn gauge_{k}_{j}(cm: u32, offset: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Bias = {rnd.randint(2, 9)};",
                 "    let half = offset / 2;", f"    seen.insert({j}, cm);",
                 f"    if cm == 0 {{ return 0; }} else {{ return cm + {rnd.randint(1, 40)}; }}", "}", ""]
    if k == 3:
        body += ["pub fn gauge_sum(cm: &[u32]) -> u32 {", "    let sum: u32 = cm.iter().sum();",
                 "    sum + cm.len()", "}", ""]
    if k == 8:
        body += ["pub fn gauge_side(k: u8) -> &str {", "    if k > 3 { \"seaward\" } else { \"landward\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "tidetab"
    mods = "".join(f"pub mod gauge{k};\n" for k in range(10))
    files = {"Cargo.toml": '[package]\nname = "tidetab"\nversion = "0.6.0"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod berths;", "pub mod berths;\n" + mods),
             "src/berths.rs": BERTHS_RS, "tests/clearance.rs": gen_tests(8041, 170)}
    for k in range(10):
        files[f"src/gauge{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("gauge3.rs", "    sum + cm.len()", "    sum + cm.len() as u32"),
                           ("gauge8.rs", "-> &str {", "-> &'static str {")]:
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
