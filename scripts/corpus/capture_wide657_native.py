"""Round 657, native code: a signwriter's stock of boards in C (`mahlstick`, widened by a seeded generator, bugs put
in) built with gcc -Wall -Wextra and make -k (one job: the machine is shared); a sign shop's book of gold size and the
leaf it takes in Rust (`goldsize`, no crates.io dependencies, widened by a seeded generator) through cargo build with
errors and warnings, cargo test with failing tests (colour forced on), clippy and cargo metadata. The material is
round 292's generators (capture_wide292_native), IMPORTED, not copied, through round 510's wrapper
(capture_wide510_native.seeded_as_this_round, its offset and words set to this round's, rounds 639's and 641's
pattern): this round's words go through capture_wide273_go.renamed, its seeds through an offset on the `random.Random`
that gen_c and gen_mod call (29230+k becomes 65710+k) and gen_tests' seed argument (65711). Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide657.py."""

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
from capture_wide657 import cap

SEED_OFFSET = 65710 - 29230
WORDS = ["signboard", "leaf", "size", "mahlstick", "fascia", "serif", "varnish", "primer", "gilt", "quill", "sign"]
C_RENAMES = (("saddletree", "mahlstick"), ("SADDLETREE", "MAHLSTICK"), ("seat_hide", "serif_gauge"),
             ("tree_", "board_"), ("gullet", "serif"), ("panels", "boards"), ("rivets", "leaves"))
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Goldsize: size gaps, leaf grades and signs per hour."),
    ("tanyard", "goldsize"), ("Tan pit", "Size pot"), ("Tan House", "Hanging Room"), ("Lime Pit", "Primer Shop"),
    ("Bate Vat", "Varnish Vat"), ("Handler Pit", "Lettering Bench"), ("Layer Pit", "Gilding Bench"),
    ("hides", "signs"), ("hide", "sign"), ("Offal", "Skewings"), ("Shoulder", "Fascia"), ("Belly", "Panel"),
    ("Sole", "Ground"), ("sole", "ground"), ("Pits", "Sizes"), ("pits", "sizes"), ("pit", "size"), ("soak", "gilding"),
    ("liquor", "oil"),
)


@contextmanager
def seeded_as_this_round():
    """Round 510's wrapper of round 292's generators, with this round's offset and words (round 639's pattern)."""
    saved = r510.SEED_OFFSET, r510.WORDS
    r510.SEED_OFFSET, r510.WORDS = SEED_OFFSET, WORDS
    try:
        with r510.seeded_as_this_round():
            yield
    finally:
        r510.SEED_OFFSET, r510.WORDS = saved


def c_build(tmp: Path) -> None:
    root = tmp / "mahlstick"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(20):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-mahlstick-tail-1100", "make -k 2>&1 | tail -n 1100", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 650", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-serif-02-07", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/serif_0[2-7].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "goldsize"
    mods = "".join(f"pub mod pit{k};\n" for k in range(18))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.4.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(65711, 230)}
    with seeded_as_this_round():
        for k in range(18):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-goldsize", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("size5.rs", "    total\n", "    u64::from(total)\n"),
                           ("size9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-700", "cargo build 2>&1 | tail -n 700", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-goldsize-color-tail-850", "cargo test 2>&1 | tail -n 850", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1000", "cargo clippy 2>&1 | head -n 1000", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env,
        timeout=300)


STEPS = [c_build, rust]
