"""Round 324, native code: a lighthouse wick-room ledger in C (`wickroom`) built with gcc -Wall -Wextra and make -k,
and a beacon-arc crate in Rust (`beaconarc`, no crates.io dependencies) through cargo build (errors and warnings),
cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H, GATE_C,
gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and seeds, not
copied. The trees are left under the round's scratch dir for OpenCode's run. Run through capture_wide324.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide324 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "WICKROOM_H"), ("spoolgate", "wickroom"), ("spool_t", "lamp_t"),
             ("spools", "lamps"), ("gate_t", "room_t"), ("gate_weight", "room_oil"), ("gate_find", "room_find"),
             ("twist_permille", "trim_permille"), ("yarn_g", "oil_ml"), ("fibre", "mantle"), ("passes", "trims"),
             ("twist_count_", "trim_count_"), ("_lot", "_watch"), ('"lot ', '"watch '), ("gate", "room"))
RS_RENAMES = (("tillerhorn", "beaconarc"), ("0.7.3", "0.3.8"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Beacon arcs: flashes from lamp bore, lens load and a ranking of watch "
              "sightings."),
              ("sweep_n", "flash_n"), ("helm_load", "lens_load"), ("bore_um", "prism_um"), ("pintle_um", "wick_um"),
              ("horn_count", "lamp_count"), ("helm_", "lens_"), ("helm ", "lens "), ("sweep not on", "flash not on"),
              ("rudder limit", "gallery limit"), ("turns", "rotations"), ("fits", "sightings"), ("spare_", "reserve_"))


def c_build(tmp: Path) -> None:
    root = tmp / "wickroom"
    rnd = random.Random(32412)
    files = {"src/wickroom.h": renamed(base.GATE_H, C_RENAMES), "src/room.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/trim_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: wickroom\n\n"
                         "wickroom: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/wickroom.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build wickroom\n")
    write_tree(root, files)
    cap("make-k-wickroom", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "beaconarc"
    rnd = random.Random(32413)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "beaconarc-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-beaconarc", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(lamp_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-beaconarc-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


STEPS = [c_build, rust]
