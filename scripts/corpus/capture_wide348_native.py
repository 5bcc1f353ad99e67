"""Round 348, native code: a printing works' tympan ledger in C (`tympanset`) built with gcc -Wall -Wextra and make
-k, and a platen-press crate in Rust (`platenpress`, no crates.io dependencies) through cargo build (errors and
warnings), cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H,
GATE_C, gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and
seeds, as rounds 324 and 341 do, not copied. The trees are left under the round's scratch dir for OpenCode's run. Run
through capture_wide348.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide348 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "TYMPANSET_H"), ("spoolgate", "tympanset"), ("spool_t", "galley_t"),
             ("spools", "galleys"), ("gate_t", "forme_t"), ("gate_weight", "forme_weight"), ("gate_find", "forme_find"),
             ("twist_permille", "ink_permille"), ("yarn_g", "paper_g"), ("fibre", "sort"), ("passes", "pulls"),
             ("twist_count_", "ink_count_"), ("_lot", "_sheet"), ('"lot ', '"sheet '), ("gate", "forme"))
RS_RENAMES = (("tillerhorn", "platenpress"), ("0.7.3", "0.3.8"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Platen presses: pulls from platen bore, tympan load and a ranking of "
              "press trials."),
              ("sweep_n", "pull_n"), ("helm_load", "tympan_load"), ("bore_um", "platen_um"), ("pintle_um", "frisket_um"),
              ("horn_count", "sheet_count"), ("helm_", "tympan_"), ("helm ", "tympan "), ("sweep not on", "pull not on"),
              ("rudder limit", "platen limit"), ("turns", "impressions"), ("fits", "trials"), ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "tympanset"
    rnd = random.Random(34812)
    files = {"src/tympanset.h": renamed(base.GATE_H, C_RENAMES), "src/forme.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/press_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: tympanset\n\n"
                         "tympanset: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/tympanset.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build tympanset\n")
    write_tree(root, files)
    cap("make-k-tympanset", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "platenpress"
    rnd = random.Random(34813)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "platenpress-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-platenpress", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(sheet_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-platenpress-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


STEPS = [c_build, rust]
