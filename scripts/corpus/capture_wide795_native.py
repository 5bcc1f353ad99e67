"""Round 795, native code: a gunsmith's bench of barrels in C (`barrelbench`, widened by a seeded generator, bugs
put in) built with gcc -Wall -Wextra and make -k (one job: the machine is shared); a gun works' book of stocks and the
locks they are inletted for, in Rust (`stockworks`, no crates.io dependencies, widened by a seeded generator) through cargo
build with errors and warnings, cargo test with failing tests (colour forced on), clippy and cargo metadata. The
material is round 292's generators (capture_wide292_native), IMPORTED, not copied, through round 510's wrapper, which
round 679's module drives with an offset and words (capture_wide735_native.seeded_as_this_round, its offset and words
set to this round's here: 29230+k becomes 79510+k; gen_tests' seed 79511); the steps are rounds 754's and 777's layout.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide795.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide292_native as r292
import capture_wide735_native as r735
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide795 import cap

r735.SEED_OFFSET = 79510 - 29230
r735.WORDS = ["barrel", "stock", "lock", "frizzen", "hammer", "pan", "flint", "sear", "trigger", "breech", "muzzle"]
seeded_as_this_round = r735.seeded_as_this_round
C_RENAMES = (("saddletree", "barrelbench"), ("SADDLETREE", "BARRELBENCH"), ("seat_hide", "stock_walnut"),
             ("tree_", "frizzen_"), ("gullet", "barrel"), ("panels", "locks"), ("rivets", "pins"))
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Stockworks: lock gaps, stock grades and stocks per hour."),
    ("tanyard", "stockworks"), ("Tan pit", "Inletting lock"), ("Tan House", "Gun Works"),
    ("Lime Pit", "Barrel Shop"), ("Bate Vat", "Proof House"), ("Handler Pit", "Rifling Bench"),
    ("Layer Pit", "Lock Bench"), ("hides", "stocks"), ("hide", "stock"), ("Offal", "Swarf"), ("Shoulder", "Butt"),
    ("Belly", "Forend"), ("Sole", "Wrist"), ("sole", "wrist"), ("Pits", "Locks"), ("pits", "locks"),
    ("pit", "lock"), ("soak", "charge"), ("liquor", "linseed"),
)


def c_build(tmp: Path) -> None:
    root = tmp / "barrelbench"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(22):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-barrelbench-tail-900", "make -k 2>&1 | tail -n 900", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-barrelbench-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 600", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-barrel-03-09-color", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/barrel_0[3-9].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "stockworks"
    mods = "".join(f"pub mod pit{k};\n" for k in range(18))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.5.8"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(79511, 230)}
    with seeded_as_this_round():
        for k in range(18):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-stockworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("lock5.rs", "    total\n", "    u64::from(total)\n"),
                           ("lock9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-stockworks-tail-650", "cargo build 2>&1 | tail -n 650", root, n_cargo_build,
        env=env, timeout=900)
    cap("cargo-test-failures-stockworks-color-tail-800", "cargo test 2>&1 | tail -n 800", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-stockworks-head-900", "cargo clippy 2>&1 | head -n 900", root, n_clippy, env=env,
        timeout=900)
    cap("cargo-metadata-stockworks-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta,
        env=env, timeout=300)


STEPS = [c_build, rust]
