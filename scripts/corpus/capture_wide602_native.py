"""Round 602, C and Rust: `anchorclock`, a seeded C project made by round 279's generator (`capture_wide279.gen_c`
with `spread_warns`, imported, this round's seed 60211, errors, a missing header and an undefined symbol) under round
458's Makefile (imported, its target renamed), built with `make -k` and compiled file by file with gcc; and
`pendulumworks`, a Rust crate made by round 368's generator (`capture_wide368.gen_rust`, imported, its module seed set
so that it draws 60212, round 368's words renamed after writing, as round 584 does): cargo build errors, cargo test
failures, cargo clippy. Colour forced or under a pseudo-terminal (round 368's `cap`). Extractors: `n_make`, `n_gcc`,
`n_cargo_build`, `n_cargo_test`, `n_clippy` from capture_wide15_langs; the make chain by round 9b's runner. Run
through capture_wide602.py."""
from __future__ import annotations

from pathlib import Path

import capture_wide368 as r368
import capture_wide458_native as r458n
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide279 import gen_c, spread_warns
from capture_wide602 import VENV, cap
from capture_wide9b import Part, chain, n_status_echo

r368.VENV = VENV  # importing round 458's module pointed round 368's runner at 458's venv; this round's again

SEED = 60211
N = 18
ERRS = {2: "type", 6: "args", 11: "undeclared", 15: "semicolon"}
HDR = {8}
LINK = {13}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "anchorclock")


def step_c(tmp: Path) -> None:
    d = tmp / "anchorclock"
    gen_c(d, N, SEED, spread_warns(N, SEED), ERRS, HDR, LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 50", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Iinclude -fdiagnostics-color=always -c src/mod_02.c src/mod_06.c "
        "src/mod_11.c", d, n_gcc)
    cap("gcc-tty", "gcc -Wall -Wextra -Wconversion -Iinclude -c src/mod_01.c src/mod_08.c src/mod_15.c", d, n_gcc,
        tty=True)


# Round 368's crate words (the left sides of round 458's renames), into a clock works'.
RUST_RENAMES = tuple(zip([old for old, _ in r458n.RUST_RENAMES], (
    "pendulumworks",
    "Pendulum works: escapements, crutches and the beat of a regulator.",
    "escapement_name",
    '"deadbeat"',
    '"anchor"',
    '"grasshopper"',
    '"clocksmith"',
    "9 is a deadbeat escapement",
    "Escapement",
    "beat_rate",
    "drop",
    "pallet {",
)))


def renamed(text: str) -> str:
    for old, new in RUST_RENAMES:
        text = text.replace(old, new)
    return text


def step_rust(tmp: Path) -> None:
    d = tmp / "pendulumworks"
    r368.SEED = 60210  # gen_rust draws SEED + 2: 60212
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
    cap("cargo-test", f"{env} cargo test --offline 2>&1 | tail -n 120", d, n_cargo_test)
    cap("cargo-clippy", f"{env} cargo clippy --offline --all-targets --color always -- -W clippy::pedantic", d,
        n_clippy)


STEPS = [step_c, step_rust]
