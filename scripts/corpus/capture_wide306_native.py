"""Round 306, native code: a tallow-vat dipping ledger in C (`tallowvat`) built with gcc -Wall -Wextra and make -k,
and a cooper's-hoop crate in Rust (`cooperhoop`, no crates.io dependencies) through cargo build (errors and warnings),
cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H, GATE_C,
gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and seeds, not
copied. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide306.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide306 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "TALLOWVAT_H"), ("spoolgate", "tallowvat"), ("spool_t", "wick_t"),
             ("spools", "wicks"), ("gate_t", "vat_t"), ("gate_weight", "vat_load"), ("gate_find", "vat_find"),
             ("twist_permille", "dip_permille"), ("yarn_g", "tallow_g"), ("fibre", "wax"), ("passes", "dips"),
             ("twist_count_", "dip_count_"), ("_lot", "_rack"), ('"lot ', '"rack '), ("gate", "vat"))
RS_RENAMES = (("tillerhorn", "cooperhoop"), ("0.7.3", "0.5.2"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Cooper hoops: spring from chime bore, stave load and a ranking of hoop drives."),
              ("sweep_n", "spring_n"), ("helm_load", "stave_load"), ("bore_um", "chime_um"), ("pintle_um", "hoop_um"),
              ("horn_count", "hoop_count"), ("helm_", "stave_"), ("helm ", "stave "), ("sweep not on", "spring not on"),
              ("rudder limit", "croze limit"), ("turns", "drives"), ("fits", "hoops"), ("spare_", "bilge_"))


def c_build(tmp: Path) -> None:
    root = tmp / "tallowvat"
    rnd = random.Random(30603)
    files = {"src/tallowvat.h": renamed(base.GATE_H, C_RENAMES), "src/vat.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/dip_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: tallowvat\n\n"
                         "tallowvat: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/tallowvat.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build tallowvat\n")
    write_tree(root, files)
    cap("make-k-tallowvat", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "cooperhoop"
    rnd = random.Random(30604)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "cooperhoop-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-cooperhoop", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(hoop_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-cooperhoop-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | tail -n 480", n_cargo_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          env=env, timeout=900)


STEPS = [c_build, rust]
