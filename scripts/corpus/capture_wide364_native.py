"""Round 364, native code: a bell foundry's clapper sets and mould sizes in C (`clapperset`, widened by a seeded
generator to a few thousand lines, bugs put in) built with gcc -Wall -Wextra and make -j2 -k; a foundry's tenor packs
and bell grades in Rust (`tenorpack`, no crates.io dependencies, widened by a seeded generator) through cargo build
with errors and warnings, cargo test with failing tests, clippy and cargo metadata. The material is round 292's
generators (capture_wide292_native: its header, core file, Makefile, gen_c, lib.rs, its second module, gen_mod,
gen_tests), IMPORTED, not copied, through round 323's wrapper (capture_wide323_native.seeded_as_this_round, its offset
and words set to this round's): this round's words go through capture_wide273_go.renamed, its seeds through an offset
on the `random.Random` that gen_c and gen_mod call (29230+k becomes 36410+k) and gen_tests' seed argument (36411). Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide364.py."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import capture_wide292_native as r292
import capture_wide323_native as r323
from capture_more import have, run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_cargo_meta
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide273_go import renamed
from capture_wide364 import cap

SEED_OFFSET = 7180
WORDS = ["bell", "mould", "tuner", "clapper", "crown", "lip", "waist", "cope", "loam", "peal", "tenor"]
C_RENAMES = (
    ("saddletree", "clapperset"),
    ("SADDLETREE", "CLAPPERSET"),
    ("seat_hide", "bell_lip"),
    ("tree_", "set_"),
    ("gullet", "casting"),
    ("panels", "moulds"),
    ("rivets", "staples"),
)
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Tenorpack: pit gaps, bell grades and bells per peal."),
    ("tanyard", "tenorpack"),
    ("Tan pit", "Casting pit"),
    ("Tan House", "Bell Foundry"),
    ("Lime Pit", "Loam Bin"),
    ("Bate Vat", "Cope Stand"),
    ("Handler Pit", "Tuning Lathe"),
    ("Layer Pit", "Mould Stack"),
    ("hides", "bells"),
    ("hide", "bell"),
    ("Offal", "Seconds"),
    ("Shoulder", "Treble"),
    ("Belly", "Tenor"),
    ("Sole", "Crown"),
    ("sole", "crown"),
    ("Pits", "Moulds"),
    ("pits", "moulds"),
    ("pit", "mould"),
    ("soak", "pour"),
    ("liquor", "metal"),
)


@contextmanager
def seeded_as_this_round():
    """Round 323's wrapper of round 292's generators, with this round's offset and words."""
    saved = r323.SEED_OFFSET, r323.WORDS
    r323.SEED_OFFSET, r323.WORDS = SEED_OFFSET, WORDS
    try:
        with r323.seeded_as_this_round():
            yield
    finally:
        r323.SEED_OFFSET, r323.WORDS = saved


def c_build(tmp: Path) -> None:
    root = tmp / "clapperset"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(9):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-j2-k-clapperset", "make -j2 -k", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-grep-warning-error-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 300", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-castings-0x", "gcc -Wall -Wextra -Wshadow -fsyntax-only -Isrc src/wall.c "
        "src/casting_0[2-8].c", root, n_gcc)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "tenorpack"
    mods = "".join(f"pub mod pit{k};\n" for k in range(14))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.3.4"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(36411, 180)}
    with seeded_as_this_round():
        for k in range(14):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-tenorpack", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("mould5.rs", "    total\n", "    u64::from(total)\n"),
                           ("mould9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-300", "cargo build 2>&1 | tail -n 300", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-tenorpack", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    chain("chain-cargo-test-grep-panicked-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -E -A2 'panicked|test result|failures:' | head -n 300", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1200", "cargo clippy 2>&1 | head -n 1200", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-tenorpack", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env)


STEPS = [c_build, rust]
