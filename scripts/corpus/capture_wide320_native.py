"""Round 320, native code: a glassworks gather-pot ledger in C (`gatherpot`) built with gcc -Wall -Wextra and make -k,
and a punty-rod crate in Rust (`puntyrod`, no crates.io dependencies) through cargo build (errors and warnings),
cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H, GATE_C,
gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and seeds, not
copied. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide320.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide320 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "GATHERPOT_H"), ("spoolgate", "gatherpot"), ("spool_t", "parison_t"),
             ("spools", "parisons"), ("gate_t", "pot_t"), ("gate_weight", "pot_charge"), ("gate_find", "pot_find"),
             ("twist_permille", "reheat_permille"), ("yarn_g", "glass_g"), ("fibre", "batch"), ("passes", "reheats"),
             ("twist_count_", "reheat_count_"), ("_lot", "_bench"), ('"lot ', '"bench '), ("gate", "pot"))
RS_RENAMES = (("tillerhorn", "puntyrod"), ("0.7.3", "0.5.1"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Punty rods: gathers from rod bore, bit load and a ranking of bench pulls."),
              ("sweep_n", "gather_n"), ("helm_load", "bit_load"), ("bore_um", "rod_um"), ("pintle_um", "tip_um"),
              ("horn_count", "rod_count"), ("helm_", "bit_"), ("helm ", "bit "), ("sweep not on", "gather not on"),
              ("rudder limit", "bench limit"), ("turns", "pulls"), ("fits", "gathers"), ("spare_", "cold_"))


def c_build(tmp: Path) -> None:
    root = tmp / "gatherpot"
    rnd = random.Random(32003)
    files = {"src/gatherpot.h": renamed(base.GATE_H, C_RENAMES), "src/pot.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/reheat_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gatherpot\n\n"
                         "gatherpot: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gatherpot.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gatherpot\n")
    write_tree(root, files)
    cap("make-k-gatherpot", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "puntyrod"
    rnd = random.Random(32004)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "puntyrod-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-puntyrod", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(rod_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-puntyrod-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
