"""Round 465, native code: a rope ferry's chain wheels and crossing batches in C (`chainwheels`, widened by a seeded
generator, bugs put in) built with gcc -Wall -Wextra and make -k (one job: the machine is shared); a rope ferry's
ferrymen's book of crossings and chain grades in Rust (`ferrybook`, no crates.io dependencies, widened by a seeded
generator) through cargo build with errors and warnings, cargo test with failing tests (colour forced on), clippy and
cargo metadata. The material is round 292's generators (capture_wide292_native), IMPORTED, not copied, through round
453's wrapper (capture_wide453_native.seeded_as_this_round, itself round 447's, 435's, 428's, 409's and 323's, its
offset and words set to this round's): this round's words go through capture_wide273_go.renamed, its seeds through an
offset on the `random.Random` that gen_c and gen_mod call (29230+k becomes 46510+k) and gen_tests' seed argument
(46511). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide465.py."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import capture_wide292_native as r292
import capture_wide453_native as r453
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide465 import cap

SEED_OFFSET = 46510 - 29230
WORDS = ["chain", "ferry", "pontoon", "ferryman", "slipway", "wheel", "link", "ramp", "toll", "capstan", "tide"]
C_RENAMES = (
    ("saddletree", "chainwheels"),
    ("SADDLETREE", "CHAINWHEELS"),
    ("seat_hide", "chain_wheel"),
    ("tree_", "ferry_"),
    ("gullet", "crossing"),
    ("panels", "links"),
    ("rivets", "ramps"),
)
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.",
     "Ferrybook: slip gaps, chain grades and crossings per tide."),
    ("tanyard", "ferrybook"),
    ("Tan pit", "Slipway"),
    ("Tan House", "Toll House"),
    ("Lime Pit", "Chain Pit"),
    ("Bate Vat", "Capstan House"),
    ("Handler Pit", "Landing Stage"),
    ("Layer Pit", "Pontoon Berth"),
    ("hides", "crossings"),
    ("hide", "crossing"),
    ("Offal", "Spare"),
    ("Shoulder", "Stud"),
    ("Belly", "Short"),
    ("Sole", "Long"),
    ("sole", "long"),
    ("Pits", "Slips"),
    ("pits", "slips"),
    ("pit", "slip"),
    ("soak", "tide"),
    ("liquor", "chain"),
)


@contextmanager
def seeded_as_this_round():
    """Round 453's wrapper (round 447's, 435's, 428's, 409's, 323's) of round 292's generators, with this round's
    offset and words."""
    saved = r453.SEED_OFFSET, r453.WORDS
    r453.SEED_OFFSET, r453.WORDS = SEED_OFFSET, WORDS
    try:
        with r453.seeded_as_this_round():
            yield
    finally:
        r453.SEED_OFFSET, r453.WORDS = saved


def c_build(tmp: Path) -> None:
    root = tmp / "chainwheels"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(16):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-chainwheels-tail-1100", "make -k 2>&1 | tail -n 1100", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 800", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-crossings-08-13", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/crossing_0[8-9].c src/crossing_1[0-3].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "ferrybook"
    mods = "".join(f"pub mod pit{k};\n" for k in range(20))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.6.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(46511, 260)}
    with seeded_as_this_round():
        for k in range(20):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-ferrybook", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("slip5.rs", "    total\n", "    u64::from(total)\n"),
                           ("slip9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-900", "cargo build 2>&1 | tail -n 900", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-ferrybook-color-tail-1000", "cargo test 2>&1 | tail -n 1000", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1400", "cargo clippy 2>&1 | head -n 1400", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env,
        timeout=300)


STEPS = [c_build, rust]
