"""Round 592, native code: a needle mill's scourers in C (`scourfire`, widened by a seeded generator, bugs put in) built
with gcc -Wall -Wextra and make -k (one job: the machine is shared); a needle mill's book of
scouring barrels and the needles they point in Rust (`needleyard`, no crates.io dependencies, widened by a seeded generator) through cargo build with
errors and warnings, cargo test with failing tests (colour forced on), clippy and cargo metadata. The material is round
292's generators (capture_wide292_native), IMPORTED, not copied, through round 510's wrapper
(capture_wide510_native.seeded_as_this_round, its offset and words set to this round's): this round's words go
through capture_wide273_go.renamed, its seeds through an offset on the `random.Random` that gen_c and gen_mod call
(29230+k becomes 59210+k) and gen_tests' seed argument (59211). Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide592.py."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import capture_wide292_native as r292
import capture_wide510_native as r510
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide592 import cap

SEED_OFFSET = 59210 - 29230
WORDS = ["scour", "point", "eye", "wire", "temper", "stamp", "barrel", "drill", "polish", "gross", "harden"]
C_RENAMES = (
    ("saddletree", "scourfire"),
    ("SADDLETREE", "SCOURFIRE"),
    ("seat_hide", "eye_stamp"),
    ("tree_", "scour_"),
    ("gullet", "barrel"),
    ("panels", "needles"),
    ("rivets", "eyes"),
)
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.",
     "Needleyard: barrel gaps, needle grades and needles per hour."),
    ("tanyard", "needleyard"),
    ("Tan pit", "Scouring barrel"),
    ("Tan House", "Millhouse"),
    ("Lime Pit", "Wire Room"),
    ("Bate Vat", "Eye Press"),
    ("Handler Pit", "Pointing Wheel"),
    ("Layer Pit", "Hardening Shop"),
    ("hides", "needles"),
    ("hide", "needle"),
    ("Offal", "Waste"),
    ("Shoulder", "Sharps"),
    ("Belly", "Betweens"),
    ("Sole", "Straw"),
    ("sole", "straw"),
    ("Pits", "Barrels"),
    ("pits", "barrels"),
    ("pit", "barrel"),
    ("soak", "scour"),
    ("liquor", "polish"),
)


@contextmanager
def seeded_as_this_round():
    """Round 510's wrapper (round 577's pattern) of round 292's generators, with this round's offset and
    words."""
    saved = r510.SEED_OFFSET, r510.WORDS
    r510.SEED_OFFSET, r510.WORDS = SEED_OFFSET, WORDS
    try:
        with r510.seeded_as_this_round():
            yield
    finally:
        r510.SEED_OFFSET, r510.WORDS = saved


def c_build(tmp: Path) -> None:
    root = tmp / "scourfire"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(16):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-scourfire-tail-1000", "make -k 2>&1 | tail -n 1000", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 700", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-barrel-03-08", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/barrel_0[3-8].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "needleyard"
    mods = "".join(f"pub mod pit{k};\n" for k in range(20))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.6.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(59211, 250)}
    with seeded_as_this_round():
        for k in range(20):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-needleyard", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("barrel5.rs", "    total\n", "    u64::from(total)\n"),
                           ("barrel9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-800", "cargo build 2>&1 | tail -n 800", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-needleyard-color-tail-900", "cargo test 2>&1 | tail -n 900", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1100", "cargo clippy 2>&1 | head -n 1100", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env,
        timeout=300)


STEPS = [c_build, rust]
