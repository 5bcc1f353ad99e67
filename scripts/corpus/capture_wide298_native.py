"""Round 298, native code: a capstan-row warping ledger in C (`capstanrow`) built with gcc -Wall -Wextra and make -k,
and a sheave-pin crate in Rust (`sheavepin`, no crates.io dependencies) through cargo build (errors and warnings),
cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H, GATE_C,
gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and seeds, not
copied. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide298.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide298 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "CAPSTANROW_H"), ("spoolgate", "capstanrow"), ("spool_t", "bar_t"),
             ("spools", "bars"), ("gate_t", "drum_t"), ("gate_weight", "drum_load"), ("gate_find", "drum_find"),
             ("twist_permille", "pawl_permille"), ("yarn_g", "warp_kg"), ("fibre", "hawser"), ("passes", "turns"),
             ("twist_count_", "pawl_count_"), ("_lot", "_hull"), ('"lot ', '"hull '), ("gate", "capstan"))
RS_RENAMES = (("tillerhorn", "sheavepin"), ("0.7.3", "1.4.0"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Sheave pins: wear from pin bore, block load and a ranking of pin seats."),
              ("sweep_n", "wear_n"), ("helm_load", "block_load"), ("bore_um", "bush_um"), ("pintle_um", "pin_um"),
              ("horn_count", "pin_count"), ("helm_", "block_"), ("helm ", "block "), ("sweep not on", "wear not on"),
              ("rudder limit", "sling limit"), ("turns", "falls"), ("fits", "pins"), ("spare_", "slack_"))


def c_build(tmp: Path) -> None:
    root = tmp / "capstanrow"
    rnd = random.Random(29801)
    files = {"src/capstanrow.h": renamed(base.GATE_H, C_RENAMES), "src/drum.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(46):
        files[f"src/capstan_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: capstanrow\n\n"
                         "capstanrow: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/capstanrow.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build capstanrow\n")
    write_tree(root, files)
    cap("make-k-capstanrow", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "sheavepin"
    rnd = random.Random(29802)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "sheavepin-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-sheavepin", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    (root / "src/broken.rs").write_text(broken.replace("    let label: String = idx.len();\n", "")
                                        .replace("    idx.push(pin_count);\n", ""))
    chain("chain-cargo-test-sheavepin-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
