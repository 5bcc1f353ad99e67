"""Round 360, native code: an oast's kiln ledger in C (`oastkiln`) built with gcc -Wall -Wextra and make
-k, and a bine-twine crate in Rust (`binetwine`, no crates.io dependencies) through cargo build (errors and
warnings), cargo test (failures) and clippy. Both are round 291's generators and texts (capture_wide291_native: GATE_H,
GATE_C, gen_c, CARGO, LIB, BROKEN, gen_runs), IMPORTED and given this round's words (capture_wide273_go.renamed) and
seeds, as rounds 341 and 356 do, not copied. The trees are left under the round's scratch dir for OpenCode's run. Run
through capture_wide360.py."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide291_native as base
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_make
from capture_wide273_go import renamed
from capture_wide360 import cap

# Round 291's words, then this round's (longest first where one holds another).
C_RENAMES = (("SPOOLGATE_H", "OASTKILN_H"), ("spoolgate", "oastkiln"), ("spool_t", "pocket_t"),
             ("spools", "pockets"), ("gate_t", "kiln_t"), ("gate_weight", "kiln_heat"), ("gate_find", "kiln_find"),
             ("twist_permille", "moist_permille"), ("yarn_g", "hops_kg"), ("fibre", "bine"), ("passes", "turns"),
             ("twist_count_", "moist_count_"), ("_lot", "_garden"), ('"lot ', '"garden '), ("gate", "kiln"))
RS_RENAMES = (("tillerhorn", "binetwine"), ("0.7.3", "0.3.6"), ("Tiller horns: sweep from horn bore, helm load and a "
              "ranking of tiller fits.", "Bine twines: spans from wire bore, bine load and a ranking of "
              "stringing trials."),
              ("sweep_n", "span_n"), ("helm_load", "bine_load"), ("bore_um", "wire_um"), ("pintle_um", "peg_um"),
              ("horn_count", "hill_count"), ("helm_", "bine_"), ("helm ", "bine "), ("sweep not on", "span not on"),
              ("rudder limit", "wirework limit"), ("turns", "twists"), ("fits", "trials"), ("spare_", "slack_"))


def c_build(tmp: Path) -> None:
    root = tmp / "oastkiln"
    rnd = random.Random(36012)
    files = {"src/oastkiln.h": renamed(base.GATE_H, C_RENAMES), "src/kiln.c": renamed(base.GATE_C, C_RENAMES)}
    for k in range(44):
        files[f"src/roundel_{k:02d}.c"] = renamed(base.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: oastkiln\n\n"
                         "oastkiln: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/oastkiln.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build oastkiln\n")
    write_tree(root, files)
    cap("make-k-oastkiln", "make -k", root, n_make)
    run("make clean >/dev/null", cwd=root)


def rust(tmp: Path) -> None:
    root = tmp / "binetwine"
    rnd = random.Random(36013)
    broken = renamed(base.BROKEN, RS_RENAMES)
    write_tree(root, {"Cargo.toml": renamed(base.CARGO, RS_RENAMES), "src/lib.rs": renamed(base.LIB, RS_RENAMES),
                      "src/broken.rs": broken, "src/runs.rs": renamed(base.gen_runs(rnd, 250), RS_RENAMES)})
    env = {"CARGO_TARGET_DIR": str(tmp / "binetwine-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-build-errors-binetwine", "cargo build 2>&1", root, n_cargo_build, env=env, timeout=900)
    for line in ("    let label: String = idx.len();\n", "    idx.push(hill_count);\n"):
        assert line in broken, line
        broken = broken.replace(line, "")
    (root / "src/broken.rs").write_text(broken)
    chain("chain-cargo-test-binetwine-exit", "chain-test-exit", "test",
          [Part("cargo test 2>&1 | grep -v '^test .* ok$' | tail -n 520", n_cargo_test),
           Part("echo EXIT=$?", n_status_echo, ";")], root, env=env, timeout=900)


STEPS = [c_build, rust]
