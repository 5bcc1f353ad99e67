"""Round 356, native code: a slate splitter's bench ledger in C (`splitbench`) built with gcc -Wall -Wextra and make
-k, and a dressing-knife crate in Rust (`dressknife`, no crates.io dependencies) through cargo build (errors and
warnings), cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H,
GATE_C, gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and
seeds, as rounds 324 and 341 do, not copied. The trees are left under the round's scratch dir for OpenCode's run. Run
through capture_wide356.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide356 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "SPLITBENCH_H"), ("spoolgate", "splitbench"), ("spool_t", "block_t"),
             ("spools", "blocks"), ("gate_t", "bench_t"), ("gate_weight", "bench_cleave"), ("gate_find", "bench_find"),
             ("twist_permille", "riven_permille"), ("yarn_g", "slab_kg"), ("fibre", "vein"), ("passes", "cleaves"),
             ("twist_count_", "riven_count_"), ("_lot", "_gallery"), ('"lot ', '"gallery '), ("gate", "bench"))
RS_RENAMES = (("tillerhorn", "dressknife"), ("0.7.3", "0.2.6"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Dressing knives: trims from block bore, slab load and a ranking of "
              "dressing trials."),
              ("sweep_n", "trim_n"), ("helm_load", "slab_load"), ("bore_um", "block_um"), ("pintle_um", "edge_um"),
              ("horn_count", "slate_count"), ("helm_", "slab_"), ("helm ", "slab "), ("sweep not on", "trim not on"),
              ("rudder limit", "gauge limit"), ("turns", "cleaves"), ("fits", "trials"), ("spare_", "waste_"))


def c_build(tmp: Path) -> None:
    root = tmp / "splitbench"
    rnd = random.Random(35612)
    files = {"src/splitbench.h": renamed(base.GATE_H, C_RENAMES), "src/bench.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/riven_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: splitbench\n\n"
                         "splitbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/splitbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build splitbench\n")
    write_tree(root, files)
    cap("make-k-splitbench", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "dressknife"
    rnd = random.Random(35613)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "dressknife-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-dressknife", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(slate_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-dressknife-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


STEPS = [c_build, rust]
