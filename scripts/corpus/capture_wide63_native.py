"""Round 63, native code: a loom controller's pattern decoder in C (`loomctl`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a maple-syrup
evaporator's brix calculator crate in Rust (`sapboil`, no crates.io dependencies, widened by a seeded generator)
through cargo build with warnings and errors, cargo test with failing tests, clippy and cargo metadata. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide63.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide63 import cap

LOOM_H = """#ifndef LOOMCTL_H
#define LOOMCTL_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint16_t shafts;
    uint16_t treadles;
    uint32_t picks;
    uint8_t tieup[16][16];
    char draft_name[24];
} draft_t;

int parse_draft(const char *text, size_t len, draft_t *out);
unsigned lift_mask(const draft_t *d, int treadle);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loomctl.h"

int parse_draft(const char *text, size_t len, draft_t *out) {
    int i, row = 0;
    if (len < 4) return -1;
    out->shafts = text[0] - '0';
    out->treadles = text[1] - '0';
    for (i = 2; i < len; i++) {
        if (text[i] == '\n') row++;
        else if (text[i] == 'x') out->tieup[row][i % 16] = 1;
    }
    strncpy(out->draft_name, text + 2, sizeof out->draft_name);
    return row;
}

unsigned lift_mask(const draft_t *d, int treadle) {
    unsigned mask;
    for (unsigned s = 0; s < d->shafts; s++)
        if (d->tieup[s][treadle]) mask |= 1u << s;
    return mask;
}
"""


def gen_c(k: int) -> str:
    rnd = random.Random(6330 + k)
    fns = []
    for j in range(rnd.randint(10, 15)):
        name = f"{rnd.choice(['shed', 'warp', 'weft', 'heddle', 'reed', 'beam', 'pick', 'selvedge'])}_{k}_{j}"
        variant = rnd.randrange(5)
        body = [f"int {name}(draft_t *d, const uint8_t *picks, int n, int spare_{j}) {{",
                "    int total;",
                f"    unsigned limit = {rnd.randint(50, 3000)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (picks[i] < limit) total += picks[i];",
                "    }"]
        if variant == 0:
            body += ["    char tag[10];", f'    sprintf(tag, "{name}/%d", n);', "    puts(tag);"]
        elif variant == 1:
            body += [f"    if (d->shafts = {rnd.randint(2, 16)}) d->picks++;"]
        elif variant == 2:
            body += ["    double ratio;", "    switch (d->treadles) {", "    case 4: ratio = 0.25;",
                     "    case 6: ratio = 1.5; break;", "    }", "    total = (int)(total * ratio);"]
        elif variant == 3:
            body += ["    uint8_t *copy = malloc(n);", "    d->picks = total;"]
        else:
            body += ["    const char *name = d->draft_name;", "    if (name == \"plain\") total = 0;"]
        body += ["    return total;", "}", ""]
        fns.append("\n".join(body))
    if k == 4:
        fns.append("int broken_4(draft_t *d) {\n    return d->harnesses * 2;\n}\n")
    if k == 9:
        fns.append("int broken_9(draft_t *d) {\n    return weave_preview(d, 8);\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "loomctl.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
OBJS = $(patsubst src/%.c,build/%.o,$(wildcard src/*.c))

loomctl.a: $(OBJS)
\tar rcs $@ $(OBJS)

build/%.o: src/%.c src/loomctl.h
\t@mkdir -p build
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf build loomctl.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "loomctl"
    files = {"Makefile": MAKEFILE, "src/loomctl.h": LOOM_H, "src/core.c": CORE_C}
    for k in range(12):
        files[f"src/pattern_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-patterns-0", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/pattern_0*.c", root, n_gcc)


LIB_RS = r"""//! Maple sap evaporator: sugar content (brix) to syrup yield, with density corrections.
pub mod sugarbush;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Grade { Golden, Amber, Dark, VeryDark }

pub fn rule_of_86(brix: f64) -> f64 {
    let unused_factor = 1.0;
    86.0 / brix
}

pub fn syrup_litres(sap_litres: f64, brix: f64) -> f64 {
    let ratio = rule_of_86(brix);
    let litres = sap_litres / ratio;
    return (litres * 100.0).round() / 100.0;
}

pub fn grade_for(transmittance: u8) -> Grade {
    match transmittance {
        75..=100 => Grade::Golden,
        50..=74 => Grade::Amber,
        25..=49 => Grade::Dark, // bug: 44 and under is very dark
        _ => Grade::VeryDark,
    }
}

pub fn boil_sums(readings: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for i in 0..readings.len() / 30 {
        out.push(readings[i * 30..i * 30 + 29].iter().sum()); // bug: drops the last reading of each batch
    }
    out
}
"""

SUGARBUSH_RS = r"""pub fn bush_code(name: &str) -> Option<u16> {
    let Bushes = ["Beauce", "Estrie", "Lanaudiere"];
    for i in 0..Bushes.len() {
        if Bushes[i] == name { return Some(200 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use sapboil::*;", ""]
    for i in range(n):
        sap = rnd.randint(100, 4000)
        brix = rnd.choice([1.5, 2.0, 2.5, 3.0])
        want = round(sap / (86.0 / brix), 2)
        if i % 17 == 5:
            want = round(want + 0.5, 2)  # a case written against the old rule of 87
        out += ["#[test]", f"fn syrup_case_{i:03}() {{",
                f"    assert_eq!(syrup_litres({sap:.1f}, {brix!r}), {want!r});", "}", ""]
    out += ["#[test]", "fn grade_44_is_very_dark() {", "    assert_eq!(grade_for(44), Grade::VeryDark);", "}", "",
            "#[test]", "fn boil_sums_every_reading() {", "    let r = vec![1u32; 60];",
            "    assert_eq!(boil_sums(&r), vec![30, 30]);", "}", "",
            "#[test]", "fn unknown_bush() {", "    assert_eq!(sapboil::sugarbush::bush_code(\"Gaspesie\"), Some(203));",
            "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(6340 + k)
    body = [f"//! Evaporator pan {k}.", "use std::collections::HashMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn pan_{k}_{j}(level: u32, draw: i32) -> u32 {{",
                 "    let mut seen = HashMap::new();", f"    let Float = {rnd.randint(2, 9)};",
                 "    let doubled = draw * 2;", f"    seen.insert({j}, level);",
                 f"    if level == 0 {{ return 0; }} else {{ return level + {rnd.randint(1, 30)}; }}", "}", ""]
    if k == 5:
        body += ["pub fn pan_total(levels: &[u32]) -> u32 {", "    let total: u32 = levels.iter().sum();",
                 "    total + levels.len()", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "sapboil"
    mods = "".join(f"pub mod pan{k};\n" for k in range(9))
    files = {"Cargo.toml": '[package]\nname = "sapboil"\nversion = "0.5.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod sugarbush;", "pub mod sugarbush;\n" + mods),
             "src/sugarbush.rs": SUGARBUSH_RS, "tests/syrup.rs": gen_tests(6341, 170)}
    for k in range(9):
        files[f"src/pan{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the type error fixed, the warnings left: the crate builds and its tests run
    pan5 = root / "src" / "pan5.rs"
    pan5.write_text(pan5.read_text().replace("    total + levels.len()", "    total + levels.len() as u32"))
    cap("cargo-build-warnings", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-tail-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -80", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root, env=env,
          timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy", "cargo clippy --all-targets 2>&1", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata", "cargo metadata --format-version 1", root,
        n_cargo_meta, env=env)


STEPS = [c_build, rust]
