"""Round 458, C and Rust: `tappet`, a seeded C project made by round 279's generator (`capture_wide279.gen_c` with
`spread_warns`, imported, this round's seed 45811, errors, missing header and undefined symbol) under a Makefile written
here, built with `make -k` and compiled file by file with gcc; and `pirnwinder`, a Rust crate made by round 368's
generator (`capture_wide368.gen_rust`, imported, its module seed set so that it draws 45812, its words renamed after
writing): cargo build errors, cargo test failures, cargo clippy. Colour forced or under a pseudo-terminal (round 368's
`cap`). Extractors: `n_make`, `n_gcc`, `n_cargo_build`, `n_cargo_test`, `n_clippy` from capture_wide15_langs. Run
through capture_wide458.py."""
from __future__ import annotations

from pathlib import Path

import capture_wide368 as r368
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide279 import gen_c, spread_warns
from capture_wide458 import cap

SEED = 45811
N = 14
ERRS = {3: "type", 6: "undeclared", 10: "semicolon", 13: "args"}
HDR = {8}
LINK = {5}
MAKEFILE = """CC = gcc
CFLAGS = -Wall -Wextra -Wshadow -O2 -Iinclude -fdiagnostics-color=always
SRCS = $(wildcard src/*.c)
OBJS = $(SRCS:src/%.c=obj/%.o)

tappet: $(OBJS)
\t$(CC) -o $@ $^

obj/%.o: src/%.c | obj
\t$(CC) $(CFLAGS) -c $< -o $@

obj:
\tmkdir -p obj

clean:
\trm -rf obj tappet

.PHONY: clean
"""


def step_c(tmp: Path) -> None:
    d = tmp / "tappet"
    gen_c(d, N, SEED, spread_warns(N, SEED), ERRS, HDR, LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    cap("make-tty", "make -k -B", d, n_make, tty=True)
    cap("make-tail", f"cd {d} && make -k -B -j1 2>&1 | tail -n 50; echo EXIT=$?", d, n_make)
    cap("gcc-errors", "gcc -Wall -Wextra -Iinclude -fdiagnostics-color=always -c src/mod_03.c src/mod_06.c src/mod_13.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -Iinclude -c src/mod_00.c src/mod_01.c src/mod_02.c", d, n_gcc, tty=True)
    cap("gcc-head", "gcc -Wall -Wextra -Iinclude -fdiagnostics-color=always -c src/mod_08.c src/mod_10.c src/mod_11.c 2>&1 | head -n 40",
        d, n_gcc)


# Round 368's crate words, then this round's (applied in order to every file the generator wrote).
RUST_RENAMES = (
    ("yarnwinder", "pirnwinder"),
    ("Yarn winding: bobbins, turns and the length on a winder.", "Pirn winding: pirns, turns and the weft on a pirn winder."),
    ("hawser_name", "shuttle_name"),
    ('"cable-laid"', '"fly-shuttle"'),
    ('"hawser"', '"shuttle"'),
    ('"shroud"', '"picker"'),
    ('"cable"', '"temple"'),
    ("9 is cable-laid", "9 is a fly-shuttle"),
    ("Bobbin", "Pirn"),
    ("winder_speed", "loom_speed"),
    ("spool", "pirn_fill"),
    ("winding {", "weft {"),
)


def renamed(text: str) -> str:
    for old, new in RUST_RENAMES:
        text = text.replace(old, new)
    return text


def step_rust(tmp: Path) -> None:
    d = tmp / "pirnwinder"
    r368.SEED = 45810  # gen_rust draws SEED + 2: 45812
    r368.gen_rust(d)
    for f in (d / "Cargo.toml", d / "src" / "lib.rs"):
        f.write_text(renamed(f.read_text()))
    env = "env CARGO_TARGET_DIR=" + str(tmp / "cargo-target")
    cap("cargo-build", f"{env} cargo build --offline", d, n_cargo_build)
    lib = d / "src" / "lib.rs"
    broken = renamed(r368.BROKEN)
    t = lib.read_text()
    assert broken in t
    lib.write_text(t.replace(broken, "\n"))
    cap("cargo-test", f"{env} cargo test --offline", d, n_cargo_test)
    cap("cargo-test-tail", f"{env} cargo test --offline winds 2>&1 | tail -n 60; echo EXIT=$?", d, n_cargo_test)
    cap("cargo-test-tty", f"{env} cargo test --offline -- --test-threads=1", d, n_cargo_test, tty=True)
    cap("cargo-clippy", f"{env} cargo clippy --offline --all-targets --color always -- -W clippy::pedantic", d, n_clippy)


STEPS = [step_c, step_rust]
