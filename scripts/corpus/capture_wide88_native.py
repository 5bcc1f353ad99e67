"""Round 88, native code: a parking-meter fleet controller in C (`meterbay`, written here with bugs put in and
widened by a seeded generator to a few thousand lines) built with gcc -Wall -Wextra and make -j2 -k; a coffee-roasting
crate in Rust (`roastlog`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors
and warnings, cargo test with failing tests, clippy and cargo metadata. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide88.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide88 import cap

METER_H = """#ifndef METERBAY_H
#define METERBAY_H
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint32_t meter_id;
    uint8_t bays;
    uint8_t occupied;
    int32_t paid_cents[24];
    char street[12];
} meter_t;

int meter_parse(const char *line, meter_t *out);
long meter_takings(const meter_t *m);
#endif
"""

CORE_C = r"""#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "meterbay.h"

int meter_parse(const char *line, meter_t *out) {
    unsigned bays, occupied;
    size_t n = strlen(line);
    if (sscanf(line, "%u %u %u", &out->meter_id, &bays, &occupied) != 3) return -1;
    out->bays = bays;
    out->occupied = occupied;
    for (int i = 0; i < n; i++)
        if (line[i] == '|') out->occupied++;
    strncpy(out->street, line + n - 12, sizeof out->street);
    return 0;
}

long meter_takings(const meter_t *m) {
    long cents;
    for (unsigned b = 0; b <= m->bays; b++)
        cents += m->paid_cents[b];
    return cents;
}
"""

WORDS = ["bay", "coin", "tariff", "permit", "ticket", "sensor", "warden", "receipt", "zone", "tow"]


def gen_c(k: int) -> str:
    rnd = random.Random(8830 + k)
    fns = []
    for j in range(rnd.randint(12, 17)):
        name = f"{rnd.choice(WORDS)}_{k}_{j}"
        variant = rnd.randrange(8)
        body = [f"static int {name}_pct(int v) {{ return v * {rnd.randint(2, 9)}; }}" if variant == 7 else "",
                f"int {name}(meter_t *r, const int32_t *pct, size_t n, unsigned unused_{j}) {{",
                "    int low = 0;",
                f"    int floor_pct = {rnd.randint(10, 40)};",
                "    for (int i = 0; i < n; i++) {",
                "        if (pct[i] < floor_pct) low++;",
                "    }"]
        if variant == 0:
            body += ["    char code[5];", f'    sprintf(code, "{name[:3]}%u", r->meter_id);', "    puts(code);"]
        elif variant == 1:
            body += ["    int low = r->occupied;", "    if (low > r->bays) return -1;"]
        elif variant == 2:
            body += ["    switch (r->occupied) {", "    case 0: low += 4;", "    case 1: low += 1; break;",
                     "    default: break;", "    }"]
        elif variant == 3:
            body += ["    int32_t *tmp = calloc(n, sizeof *tmp);", "    if (tmp == NULL) return -1;"]
        elif variant == 4:
            body += ["    int spare;", "    if (r->occupied < r->bays) spare = r->bays - r->occupied;",
                     "    low += spare;"]
        elif variant == 5:
            body += ["    uint8_t taken = r->occupied;", "    if (taken >= 0) low++;"]
        elif variant == 6:
            body += ["    if (r->street == NULL) return -1;", "    if (low = r->occupied) low--;"]
        body += ["    return low;", "}", ""]
        fns.append("\n".join(b for b in body if b))
    if k == 3:
        fns.append("int broken_3(meter_t *r) {\n    return r->spaces - r->occupied;\n}\n")
    if k == 8:
        fns.append("int broken_8(meter_t *r) {\n    return meter_refund(r, 4);\n}\n")
    if k == 10:
        fns.append("int broken_10(meter_t *r) {\n    const char *z = r->meter_id;\n    return z[0]\n}\n")
    return '#include <stdio.h>\n#include <stdlib.h>\n#include <stdint.h>\n#include "meterbay.h"\n\n' + "\n".join(fns)


MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -O2 -Isrc
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=obj/%.o)

libmeterbay.a: $(OBJS)
\tar rcs $@ $^

obj/%.o: src/%.c src/meterbay.h
\t@mkdir -p obj
\t$(CC) $(CFLAGS) -c $< -o $@

clean:
\trm -rf obj libmeterbay.a
"""


def c_build(tmp: Path) -> None:
    root = tmp / "meterbay"
    files = {"Makefile": MAKEFILE, "src/meterbay.h": METER_H, "src/core.c": CORE_C}
    for k in range(11):
        files[f"src/bay_{k:02}.c"] = gen_c(k)
    write_tree(root, files)
    cap("make-j2-k", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-tail-60-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | tail -60", n_make), Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-bays-0x", "gcc -Wall -Wextra -fsyntax-only -Isrc src/core.c src/bay_0[0-6].c", root, n_gcc)


LIB_RS = r"""//! Roast logs: bean temperatures to rate of rise, roast phase and development ratio.
pub mod origins;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase { Drying, Maillard, Development, Dropped }

pub fn weight_loss(green_g: u32, roasted_g: u32) -> u32 {
    let unused_charge = 200;
    green_g - roasted_g
}

pub fn dtr(first_crack_s: f64, drop_s: f64) -> f64 {
    let pct = 100.0;
    let v = (drop_s - first_crack_s) / drop_s * pct;
    return (v * 100.0).round() / 100.0;
}

pub fn phase_for(bean_c: u32) -> Phase {
    match bean_c {
        0..=149 => Phase::Drying,
        150..=195 => Phase::Maillard,
        196..=205 => Phase::Maillard, // bug: first crack starts development at 196 C
        206..=240 => Phase::Development,
        _ => Phase::Dropped,
    }
}

pub fn rate_of_rise(temps: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for w in 1..temps.len() / 2 {  // bug: only the first half of the curve
        out.push(temps[w] - temps[w - 1]);
    }
    out
}
"""

ORIGINS_RS = r"""pub fn origin_code(name: &str) -> Option<u16> {
    let Farms = ["Huila Washed", "Yirgacheffe G1", "Cerrado Natural"];
    for i in 0..Farms.len() {
        if Farms[i] == name { return Some(500 + i as u16); }
    }
    None
}
"""


def gen_tests(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["use roastlog::*;", ""]
    for i in range(n):
        fc = float(rnd.randint(420, 600))
        drop = fc + rnd.randint(60, 160)
        want = round((drop - fc) / drop * 100.0, 2)
        if i % 17 == 5:
            want = round((drop - fc) / fc * 100.0, 2)  # a case written against first crack, not drop
        out += ["#[test]", f"fn dtr_case_{i:03}() {{",
                f"    assert_eq!(dtr({fc:.1f}, {drop:.1f}), {want!r});", "}", ""]
    out += ["#[test]", "fn first_crack_is_development() {", "    assert_eq!(phase_for(198), Phase::Development);", "}",
            "", "#[test]", "fn rate_of_rise_whole_curve() {", "    let t = vec![100u32, 110, 118, 125, 131, 136];",
            "    assert_eq!(rate_of_rise(&t), vec![10, 8, 7, 6, 5]);", "}", "",
            "#[test]", "fn unknown_origin() {",
            "    assert_eq!(roastlog::origins::origin_code(\"Kona Extra Fancy\"), Some(503));", "}"]
    return "\n".join(out) + "\n"


def gen_mod(k: int) -> str:
    rnd = random.Random(8840 + k)
    body = [f"//! Roaster probe {k}.", "use std::collections::BTreeMap;", ""]
    for j in range(rnd.randint(6, 10)):
        body += [f"pub fn probe_{k}_{j}(bt: u32, et_c: i32) -> u32 {{",
                 "    let mut log = BTreeMap::new();", f"    let Lag = {rnd.randint(1, 6)};",
                 "    let fan = et_c * 3;", f"    log.insert({j}, bt);",
                 f"    if bt == 0 {{ return 0; }} else {{ return bt - {rnd.randint(1, 30)}; }}", "}", ""]
    if k == 3:
        body += ["pub fn probe_total(bt: &[u32]) -> u64 {", "    let total: u32 = bt.iter().sum();",
                 "    total", "}", ""]
    if k == 7:
        body += ["pub fn probe_label(k: u8) -> &str {", "    if k > 3 { \"exhaust\" } else { \"bean\" }", "}", ""]
    return "\n".join(body) + "\n"


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "roastlog"
    mods = "".join(f"pub mod probe{k};\n" for k in range(11))
    files = {"Cargo.toml": '[package]\nname = "roastlog"\nversion = "0.4.0"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": LIB_RS.replace("pub mod origins;", "pub mod origins;\n" + mods),
             "src/origins.rs": ORIGINS_RS, "tests/dtr.rs": gen_tests(8841, 170)}
    for k in range(11):
        files[f"src/probe{k}.rs"] = gen_mod(k)
    write_tree(root, files)
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # the two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("probe3.rs", "    total\n", "    total as u64\n"),
                           ("probe7.rs", "-> &str {", "-> &'static str {")]:
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
