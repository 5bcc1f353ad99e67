"""Round 61, native code: a tide-gauge telemetry decoder in C (`tidegauge`, written here with bugs put in and widened
by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a rain-gauge calibration
crate in Rust (`raincal`, no crates.io dependencies, widened by a seeded generator) through cargo build with warnings,
cargo test with failing tests and clippy. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide61.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide61 import cap

GAUGE_H = """#ifndef TIDEGAUGE_H
#define TIDEGAUGE_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t station;
    int32_t level_mm;
    uint8_t quality;
    uint32_t epoch;
    char name[16];
} sample_t;

int decode_frame(const uint8_t *buf, size_t len, sample_t *out);
double tide_mean(const sample_t *s, int n);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tidegauge.h"

int decode_frame(const uint8_t *buf, size_t len, sample_t *out) {
    int i;
    if (len < 12) return -1;
    out->station = buf[0] << 8 | buf[1];
    out->level_mm = (int32_t)(buf[2] << 24 | buf[3] << 16 | buf[4] << 8 | buf[5]);
    out->quality = buf[6];
    for (i = 0; i < len - 12; i++) {
        if (buf[12 + i] == 0) break;
    }
    strncpy(out->name, (const char *)buf + 12, sizeof out->name);
    return i;
}

double tide_mean(const sample_t *s, int n) {
    long sum;
    for (unsigned k = 0; k < n; k++) sum += s[k].level_mm;
    return (double)sum / n;
}
"""


def gen_c(k: int) -> str:
    rnd = random.Random(6130 + k)
    fns = []
    for j in range(rnd.randint(9, 14)):
        name = f"{rnd.choice(['surge', 'harmonic', 'datum', 'buoy', 'modem', 'flag', 'filter'])}_{k}_{j}"
        variant = rnd.randrange(4)
        body = [f"int {name}(sample_t *s, const int16_t *raw, int len, int unused_{j}) {{",
                "    int acc;",
                f"    unsigned lim = {rnd.randint(100, 4000)};",
                "    for (int i = 0; i < len; i++) {",
                "        if (raw[i] > lim) acc += raw[i];",
                "    }"]
        if variant == 0:
            body += ["    char tag[8];", f'    sprintf(tag, "{name}-%d", len);', "    puts(tag);"]
        elif variant == 1:
            body += [f"    if (s->quality = {rnd.randint(1, 9)}) s->epoch++;"]
        elif variant == 2:
            body += ["    double scale;", "    switch (s->quality) {", "    case 1: scale = 0.5;",
                     "    case 2: scale = 2.0; break;", "    }", "    acc = (int)(acc * scale);"]
        else:
            body += ["    int *copy = malloc(len * sizeof *copy);", "    s->level_mm = acc;"]
        body += ["    return acc;", "}", ""]
        fns.append("\n".join(body))
    if k == 3:
        fns.append("int broken_3(sample_t *s) {\n    return s->salinity / 10;\n}\n")
    if k == 6:
        fns.append("int broken_6(sample_t *s) {\n    return tide_median(s, 3);\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "tidegauge.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

tidegauge.a: $(OBJS)
\tar rcs $@ $(OBJS)

build/%.o: src/%.c src/tidegauge.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build tidegauge.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "tidegauge"
    files = {"Makefile": MAKEFILE, "src/tidegauge.h": GAUGE_H, "src/core.c": CORE_C}
    for k in range(8):
        files[f"src/station_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-stations", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/station_0*.c", root, n_gcc)
    cap("gcc-wall-wextra-core", "gcc -Wall -Wextra -c -Isrc src/core.c src/station_00.c", root, n_gcc)
    run("make clean", cwd=root)
    chain("chain-make-grep-error-exit", "chain-build-exit", "build",
          [Part('make -k -j2 2>&1 | grep -B2 -A6 "error"', n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)


LIB_RS = r"""//! Rain-gauge calibration: tipping-bucket counts to millimetres, with drift corrections.
pub mod sites;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bucket { Small, Standard, Large }

pub fn mm_per_tip(b: Bucket) -> f64 {
    let unused_factor = 1.0;
    match b {
        Bucket::Small => 0.1,
        Bucket::Standard => 0.2,
        Bucket::Large => 0.25, // bug: large buckets tip at 0.5 mm
    }
}

pub fn rainfall(b: Bucket, tips: u32, drift_pct: f64) -> f64 {
    let raw = mm_per_tip(b) * tips as f64;
    let corrected = raw * (1.0 + drift_pct / 100.0);
    return (corrected * 100.0).round() / 100.0;
}

pub fn hourly(tips: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for i in 0..tips.len() / 60 {
        out.push(tips[i * 60..i * 60 + 59].iter().sum()); // bug: drops the last minute of each hour
    }
    out
}
"""

SITES_RS = r"""pub fn site_code(name: &str) -> Option<u16> {
    let Sites = ["Hallands", "Vikna", "Tromsdal"];
    for i in 0..Sites.len() {
        if Sites[i] == name { return Some(100 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use raincal::*;", ""]
    for i in range(n):
        b = rnd.choice(["Small", "Standard"])
        tips = rnd.randint(0, 900)
        drift = rnd.choice([0.0, 1.5, -2.0, 3.0])
        per = {"Small": 0.1, "Standard": 0.2}[b]
        want = round(per * tips * (1 + drift / 100), 2)
        if i % 19 == 7:
            want = round(want + 0.1, 2)  # a case written against the old drift table
        out += ["#[test]", f"fn rainfall_case_{i:03}() {{",
                f"    assert_eq!(rainfall(Bucket::{b}, {tips}, {drift!r}), {want!r});", "}", ""]
    out += ["#[test]", "fn large_bucket() {", "    assert_eq!(mm_per_tip(Bucket::Large), 0.5);", "}", "",
            "#[test]", "fn hourly_sums_every_minute() {", "    let t = vec![1u32; 120];",
            "    assert_eq!(hourly(&t), vec![60, 60]);", "}", "",
            "#[test]", "fn unknown_site() {", "    assert_eq!(raincal::sites::site_code(\"Lofoten\"), Some(103));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(6140 + k)
    body = [f"//! Logger block {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn logger_{k}_{j}(count: u32, offset: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Window = {rnd.randint(2, 9)};",
                 "    let shifted = offset * 2;", f"    seen.insert({j}, count);",
                 f"    if count == 0 {{ return 0; }} else {{ return count + {rnd.randint(1, 30)}; }}", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "raincal"
    files = {"Cargo.toml": '[package]\nname = "raincal"\nversion = "0.3.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod sites;", "pub mod sites;\n" + "".join(f"pub mod block{k};\n"
                                                                                         for k in range(8))),
             "src/sites.rs": SITES_RS, "tests/rain.rs": gen_tests(6141, 160)}
    for k in range(8):
        files[f"src/block{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    chain("chain-cargo-build-test", "chain-build-test", "test",
          [Part("cargo build 2>&1 | tail -40", n_cargo_build), Part("cargo test 2>&1 | tail -60", n_cargo_test)], root,
          env=env, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy", "cargo clippy --all-targets 2>&1", root, n_clippy, env=env, timeout=900)


STEPS = [c_build, rust]
