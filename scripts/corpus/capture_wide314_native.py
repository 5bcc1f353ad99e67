"""Round 314, native code: a salt-works brine-pan ledger in C (`brinepan`) built with gcc -Wall -Wextra and make -k,
and a salt-rake crate in Rust (`pantrake`, no crates.io dependencies) through cargo build (errors and warnings),
cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H, GATE_C,
gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and seeds, not
copied. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide314.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide314 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "BRINEPAN_H"), ("spoolgate", "brinepan"), ("spool_t", "crust_t"),
             ("spools", "crusts"), ("gate_t", "pan_t"), ("gate_weight", "pan_load"), ("gate_find", "pan_find"),
             ("twist_permille", "boil_permille"), ("yarn_g", "salt_g"), ("fibre", "brine"), ("passes", "boils"),
             ("twist_count_", "boil_count_"), ("_lot", "_rake"), ('"lot ', '"rake '), ("gate", "pan"))
RS_RENAMES = (("tillerhorn", "pantrake"), ("0.7.3", "0.3.8"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Salt rakes: draw from tine bore, rake load and a ranking of pan pulls."),
              ("sweep_n", "draw_n"), ("helm_load", "rake_load"), ("bore_um", "tine_um"), ("pintle_um", "handle_um"),
              ("horn_count", "tine_count"), ("helm_", "rake_"), ("helm ", "rake "), ("sweep not on", "draw not on"),
              ("rudder limit", "pan limit"), ("turns", "pulls"), ("fits", "rakes"), ("spare_", "spent_"))


def c_build(tmp: Path) -> None:
    root = tmp / "brinepan"
    rnd = random.Random(31403)
    files = {"src/brinepan.h": renamed(base.GATE_H, C_RENAMES), "src/pan.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/boil_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: brinepan\n\n"
                         "brinepan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/brinepan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build brinepan\n")
    write_tree(root, files)
    cap("make-k-brinepan", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "pantrake"
    rnd = random.Random(31404)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "pantrake-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-pantrake", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(tine_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-pantrake-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
