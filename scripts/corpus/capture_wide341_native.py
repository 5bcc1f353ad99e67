"""Round 341, native code: a clockmaker's fusee-chain ledger in C (`fusechain`) built with gcc -Wall -Wextra and make
-k, and a pallet-fork crate in Rust (`palletfork`, no crates.io dependencies) through cargo build (errors and
warnings), cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H,
GATE_C, gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and
seeds, as round 324 does, not copied. The trees are left under the round's scratch dir for OpenCode's run. Run
through capture_wide341.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide341 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "FUSECHAIN_H"), ("spoolgate", "fusechain"), ("spool_t", "arbor_t"),
             ("spools", "arbors"), ("gate_t", "chain_t"), ("gate_weight", "chain_pull"), ("gate_find", "chain_find"),
             ("twist_permille", "beat_permille"), ("yarn_g", "spring_g"), ("fibre", "pivot"), ("passes", "turns"),
             ("twist_count_", "beat_count_"), ("_lot", "_movement"), ('"lot ', '"movement '), ("gate", "chain"))
RS_RENAMES = (("tillerhorn", "palletfork"), ("0.7.3", "0.5.1"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Pallet forks: beats from pallet bore, pendulum load and a ranking of "
              "escapement trials."),
              ("sweep_n", "beat_n"), ("helm_load", "bob_load"), ("bore_um", "jewel_um"), ("pintle_um", "arbor_um"),
              ("horn_count", "wheel_count"), ("helm_", "bob_"), ("helm ", "bob "), ("sweep not on", "beat not on"),
              ("rudder limit", "banking limit"), ("turns", "swings"), ("fits", "trials"), ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "fusechain"
    rnd = random.Random(34112)
    files = {"src/fusechain.h": renamed(base.GATE_H, C_RENAMES), "src/chain.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/beat_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: fusechain\n\n"
                         "fusechain: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/fusechain.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build fusechain\n")
    write_tree(root, files)
    cap("make-k-fusechain", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "palletfork"
    rnd = random.Random(34113)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "palletfork-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-palletfork", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(wheel_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-palletfork-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


STEPS = [c_build, rust]
