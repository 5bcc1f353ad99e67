"""Round 817, native code: a lorimer's bench of bits in C (`bitbench`, widened by a seeded generator, bugs
put in) built with gcc -Wall -Wextra and make -k (one job: the machine is shared); a spur works' book of spurs and the
buckles they are fitted with, in Rust (`spurworks`, no crates.io dependencies, widened by a seeded generator) through cargo
build with errors and warnings, cargo test with failing tests (colour forced on), clippy and cargo metadata. The
material is round 292's generators (capture_wide292_native), IMPORTED, not copied, through round 510's wrapper, which
round 679's module drives with an offset and words (capture_wide735_native.seeded_as_this_round, its offset and words
set to this round's here: 29230+k becomes 81710+k; gen_tests' seed 81711); the steps are rounds 777's and 795's layout.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide817.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide292_native as r292
import capture_wide735_native as r735
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide817 import cap

r735.SEED_OFFSET = 81710 - 29230
r735.WORDS = ["bit", "spur", "buckle", "stirrup", "rowel", "cheek", "curb", "snaffle", "shank", "tongue", "chape"]
seeded_as_this_round = r735.seeded_as_this_round
C_RENAMES = (("saddletree", "bitbench"), ("SADDLETREE", "BITBENCH"), ("seat_hide", "cheek_steel"),
             ("tree_", "curb_"), ("gullet", "bit"), ("panels", "buckles"), ("rivets", "chapes"))
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Spurworks: buckle gaps, spur grades and spurs per hour."),
    ("tanyard", "spurworks"), ("Tan pit", "Fitting buckle"), ("Tan House", "Spur Works"),
    ("Lime Pit", "Bit Shop"), ("Bate Vat", "Tinning Bath"), ("Handler Pit", "Filing Bench"),
    ("Layer Pit", "Buckle Bench"), ("hides", "spurs"), ("hide", "spur"), ("Offal", "Filings"), ("Shoulder", "Neck"),
    ("Belly", "Shank"), ("Sole", "Heel"), ("sole", "heel"), ("Pits", "Buckles"), ("pits", "buckles"),
    ("pit", "buckle"), ("soak", "temper"), ("liquor", "tinning"),
)


def c_build(tmp: Path) -> None:
    root = tmp / "bitbench"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(22):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-bitbench-tail-900", "make -k 2>&1 | tail -n 900", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-bitbench-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 600", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-bit-04-09-color", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/bit_0[4-9].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "spurworks"
    mods = "".join(f"pub mod pit{k};\n" for k in range(18))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.5.8"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(81711, 240)}
    with seeded_as_this_round():
        for k in range(18):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-spurworks", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("buckle5.rs", "    total\n", "    u64::from(total)\n"),
                           ("buckle9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-spurworks-tail-650", "cargo build 2>&1 | tail -n 650", root, n_cargo_build,
        env=env, timeout=900)
    cap("cargo-test-failures-spurworks-color-tail-800", "cargo test 2>&1 | tail -n 800", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-spurworks-head-900", "cargo clippy 2>&1 | head -n 900", root, n_clippy, env=env,
        timeout=900)
    cap("cargo-metadata-spurworks-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta,
        env=env, timeout=300)


STEPS = [c_build, rust]
