"""Round 679, native code: a needlemaker's stock of packets in C (`eyepunch`, widened by a seeded generator, bugs put
in) built with gcc -Wall -Wextra and make -k (one job: the machine is shared); a scour mill's book of batches and the
benches they are scoured on in Rust (`scourmill`, no crates.io dependencies, widened by a seeded generator) through
cargo build with errors and warnings, cargo test with failing tests (colour forced on), clippy and cargo metadata. The
material is round 292's generators (capture_wide292_native), IMPORTED, not copied, through round 510's wrapper
(capture_wide510_native.seeded_as_this_round, its offset and words set to this round's, rounds 657's and 671's
pattern): this round's words go through capture_wide273_go.renamed, its seeds through an offset on the `random.Random`
that gen_c and gen_mod call (29230+k becomes 67910+k) and gen_tests' seed argument (67911). Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). The layout is capture_wide671_native's, with
this round's names. Run through capture_wide679.py."""

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
from capture_wide679 import cap

SEED_OFFSET = 67910 - 29230
WORDS = ["needle", "eye", "point", "scour", "temper", "wire", "packet", "sharps", "bodkin", "darner", "gauge"]
C_RENAMES = (("saddletree", "eyepunch"), ("SADDLETREE", "EYEPUNCH"), ("seat_hide", "wire_gauge"),
             ("tree_", "packet_"), ("gullet", "point"), ("panels", "batches"), ("rivets", "eyes"))
RS_RENAMES = (
    ("Tanyard: pit gaps, hide grades and hides per hour.", "Scourmill: bench gaps, needle grades and batches per hour."),
    ("tanyard", "scourmill"), ("Tan pit", "Wire store"), ("Tan House", "Pointing Shop"), ("Lime Pit", "Scour Trough"),
    ("Bate Vat", "Blueing Pan"), ("Handler Pit", "Eye Stamp"), ("Layer Pit", "Packet Press"),
    ("hides", "batches"), ("hide", "batch"), ("Offal", "Scrap"), ("Shoulder", "Sharps"), ("Belly", "Bodkin"),
    ("Sole", "Darner"), ("sole", "darner"), ("Pits", "Benches"), ("pits", "benches"), ("pit", "bench"),
    ("soak", "scouring"), ("liquor", "emery"),
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
    root = tmp / "eyepunch"
    files = {"Makefile": r292.MAKEFILE, "src/saddletree.h": r292.VAT_H, "src/wall.c": r292.CORE_C}
    with seeded_as_this_round():
        for k in range(20):
            files[f"src/gullet_{k:02}.c"] = r292.gen_c(k)
    write_tree(root, {renamed(p, C_RENAMES): renamed(t, C_RENAMES) for p, t in files.items()})
    cap("make-k-eyepunch-tail-1000", "make -k 2>&1 | tail -n 1000", root, n_make, timeout=900)
    run("make clean", cwd=root)
    chain("chain-make-eyepunch-grep-error-warning-exit", "chain-build-exit", "build",
          [Part("make -k 2>&1 | grep -E -A3 'error|warning: unused' | head -n 650", n_make),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=900)
    cap("gcc-wall-wextra-point-10-15", "gcc -Wall -Wextra -Wshadow -fsyntax-only -fdiagnostics-color=always "
        "-Isrc src/wall.c src/point_1[0-5].c", root, n_gcc, timeout=900)


def rust(tmp: Path) -> None:
    if not have("cargo", "cargo-*"):
        return
    root = tmp / "scourmill"
    mods = "".join(f"pub mod pit{k};\n" for k in range(18))
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.4.1"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": r292.LIB_RS.replace("pub mod pits;", "pub mod pits;\n" + mods),
             "src/pits.rs": r292.PITS_RS, "tests/hides.rs": r292.gen_tests(67911, 230)}
    with seeded_as_this_round():
        for k in range(18):
            files[f"src/pit{k}.rs"] = r292.gen_mod(k)
    write_tree(root, {renamed(p, RS_RENAMES): renamed(t, RS_RENAMES) for p, t in files.items()})
    env = {"CARGO_TERM_COLOR": "never", "CARGO_TARGET_DIR": str(tmp / "cargo-target"), "CARGO_BUILD_JOBS": "1"}
    cap("cargo-build-errors-scourmill", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    # round 292's two errors fixed, the warnings left: the crate builds and its tests run
    for name, old, new in [("bench5.rs", "    total\n", "    u64::from(total)\n"),
                           ("bench9.rs", "-> &str {", "-> &'static str {")]:
        f = root / "src" / name
        f.write_text(f.read_text().replace(old, new))
    cap("cargo-build-warnings-scourmill-tail-700", "cargo build 2>&1 | tail -n 700", root, n_cargo_build, env=env, timeout=900)
    cap("cargo-test-failures-scourmill-color-tail-850", "cargo test 2>&1 | tail -n 850", root, n_cargo_test,
        env={**env, "CARGO_TERM_COLOR": "always"}, timeout=900)
    run("touch src/lib.rs", cwd=root)
    cap("cargo-clippy-scourmill-head-1000", "cargo clippy 2>&1 | head -n 1000", root, n_clippy, env=env, timeout=900)
    cap("cargo-metadata-scourmill-no-deps", "cargo metadata --format-version 1 --no-deps", root, n_cargo_meta, env=env,
        timeout=300)


STEPS = [c_build, rust]
