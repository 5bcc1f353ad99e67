"""Round 323, native code: a glass studio's jacks and block sizes in C (`borsella`, widened by a seeded generator to a few
thousand lines, bugs put in) built with gcc -Wall -Wextra and make -j2 -k; a studio's pontil marks and annealing
racks in Rust (`pontilmark`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors
and warnings, cargo test with failing tests, clippy and cargo metadata. The material is round 292's generators
(capture_wide292_native: its header, core file, Makefile, gen_c, lib.rs, its second module, gen_mod, gen_tests),
IMPORTED, not copied: this round's words go through capture_wide273_go.renamed, gen_c's function-name words through its
module's WORDS, and its seeds through an offset on the `random.Random` that gen_c and gen_mod call (29230+k becomes
32310+k, 29240+k becomes 32320+k) and gen_tests' seed argument. Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). Run through capture_wide323.py."""

from __future__ import annotations

import random
import types
from contextlib import contextmanager
from pathlib import Path

import capture_wide292_native as r292
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide323 import cap

SEED_OFFSET = 3080
WORDS = ["jacks", "block", "paddle", "shears", "tweezer", "pipe", "punty", "gather", "bit", "lip", "foot"]
C_RENAMES = (
    ("saddletree", "borsella"),
    ("SADDLETREE", "BORSELLA"),
    ("seat_hide", "block_wood"),
    ("tree_", "jack_"),
    ("gullet", "marvering"),
    ("panels", "gathers"),
    ("rivets", "bits"),
)
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Pontilmark: rack gaps, ware grades and pieces per hour."),
    ("tanyard", "pontilmark"),
    ("Tan pit", "Lehr rack"),
    ("Tan House", "Hot Shop"),
    ("Lime Pit", "Cold Shop"),
    ("Bate Vat", "Glory Bench"),
    ("Handler Pit", "Pipe Warmer"),
    ("Layer Pit", "Annealing Rack"),
    ("hides", "pieces"),
    ("hide", "piece"),
    ("Offal", "Cullet"),
    ("Shoulder", "Goblet"),
    ("Belly", "Tumbler"),
    ("Sole", "Stem"),
    ("sole", "stem"),
    ("Pits", "Racks"),
    ("pits", "racks"),
    ("pit", "rack"),
    ("soak", "anneal"),
    ("liquor", "frit"),
)


@contextmanager
def seeded_as_this_round():
    """Round 292's generators, seeded by this round: its `random.Random(s)` seen as `random.Random(s + SEED_OFFSET)`, its
    gen_c words this round's; both put back after."""
    saved = r292.random, r292.WORDS
    r292.random = types.SimpleNamespace(Random=lambda seed: random.Random(seed + SEED_OFFSET))
    r292.WORDS = WORDS
    try:
        yield
    finally:
        r292.random, r292.WORDS = saved


def c_build(tmp: Path) -> None:
    root = tmp / "borsella"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/jack.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(9):  # ten files with jack.c under make -j2 -k, as rounds 292 and 297 kept
            files[f"src/marvering_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-j2-k-borsella", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-grep-warning-error-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 260", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-jack-marverings-0x", "gcc -Wall -Wextra -Wshadow -fsyntax-only -Isrc src/jack.c "
        "src/marvering_0[1-7].c", root, n_gcc)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "pontilmark"
    mods = "".join(f"pub mod pit{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.5.2"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(32311, 180)}
    with seeded_as_this_round():
        for k in range(14):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-pontilmark", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("rack5.rs", "    total\n", "    u64::from(total)\n"),
                           ("rack9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-260", "cargo build 2>&1 | tail -n 260", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-pontilmark", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-grep-panicked-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -E -A2 'panicked|test result|failures:' | head -n 300", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1300", "cargo clippy 2>&1 | head -n 1300", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-pontilmark", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env)


STEPS = [c_build, rust]
