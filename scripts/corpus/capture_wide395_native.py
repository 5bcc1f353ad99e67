"""Round 395, native code: a paper mill's felt sets and sheet sizes in C (`feltset`, widened by a seeded generator to
a few thousand lines, bugs put in) built with gcc -Wall -Wextra and make -j2 -k; a mill's couch packs and sheet grades
in Rust (`couchpack`, no crates.io dependencies, widened by a seeded generator) through cargo build with errors and
warnings, cargo test with failing tests, clippy and cargo metadata. The material is round 292's generators
(capture_wide292_native: its header, core file, Makefile, gen_c, lib.rs, its second module, gen_mod, gen_tests),
IMPORTED, not copied, through round 323's wrapper (capture_wide323_native.seeded_as_this_round, its offset and words set
to this round's, as round 378 sets them): this round's words go through capture_wide273_go.renamed, its seeds through
an offset on the `random.Random` that gen_c and gen_mod call (29230+k becomes 39510+k) and gen_tests' seed argument
(39511). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide395.py."""

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
from capture_wide395 import cap

SEED_OFFSET = 39510 - 29230
WORDS = ["vat", "couch", "felt", "press", "dryer", "reel", "ream", "deckle", "mould", "size", "calender"]
C_RENAMES = (
    ("saddletree", "feltset"),
    ("SADDLETREE", "FELTSET"),
    ("seat_hide", "sheet_ream"),
    ("tree_", "set_"),
    ("gullet", "cylinder"),
    ("panels", "felts"),
    ("rivets", "wires"),
)
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Couchpack: vat gaps, sheet grades and sheets per shift."),
    ("tanyard", "couchpack"),
    ("Tan pit", "Stuff vat"),
    ("Tan House", "Paper Mill"),
    ("Lime Pit", "Beater Floor"),
    ("Bate Vat", "Couching Bench"),
    ("Handler Pit", "Press Section"),
    ("Layer Pit", "Drying Loft"),
    ("hides", "sheets"),
    ("hide", "sheet"),
    ("Offal", "Broke"),
    ("Shoulder", "Foolscap"),
    ("Belly", "Crown"),
    ("Sole", "Imperial"),
    ("sole", "imperial"),
    ("Pits", "Vats"),
    ("pits", "vats"),
    ("pit", "vat"),
    ("soak", "couch"),
    ("liquor", "stock"),
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
    root = tmp / "feltset"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(13):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-j2-k-feltset-tail-1000", "make -j2 -k 2>&1 | tail -n 1000", root, n_make)
    run("make clean", cwd=root)
    chain("chain-make-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -j2 -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 450", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root)
    cap("gcc-wall-wextra-cylinders-0x", "gcc -Wall -Wextra -Wshadow -fsyntax-only -Isrc src/wall.c "
        "src/cylinder_0[2-9].c", root, n_gcc)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "couchpack"
    mods = "".join(f"pub mod pit{k};\n" for k in range(16))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.6.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(39511, 200)}
    with seeded_as_this_round():
        for k in range(16):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target")}
    cap("cargo-build-errors-couchpack", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("vat5.rs", "    total\n", "    u64::from(total)\n"),
                           ("vat9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-tail-450", "cargo build 2>&1 | tail -n 450", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-couchpack", "cargo test 2>&1", root, n_cargo_test, env=env, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-head-1300", "cargo clippy 2>&1 | head -n 1300", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-couchpack", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env)


STEPS = [c_build, rust]
