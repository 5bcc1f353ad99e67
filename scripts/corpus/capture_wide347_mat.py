"""Round 347, the material the two Gemini CLI runs work in (no item is captured here): yamllint's sdist with bugs put
in and a script that drives it wrongly, a git history built by committing its sources in steps, the filature project
(round 308's JavaScript module as round 336 renamed it, capture_wide336_mat's TOWLINE, APP and FIXTURES, renamed again
in this round's words, with other numbers, under its generated node --test suite whose expectations come from the
unbroken module), the cocoontally Go module and the mulberryrow deploy scripts (round 273's, capture_wide273_go, in
this round's words and seed), a C project (`silkhouse`) and a Rust crate (`leafpick`) on round 191's generators with
other names and seeds, a CSV and a sqlite table of this machine's gconv modules and two application logs. Run through
capture_wide347.py. The generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide336_mat as m336
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

YL = "yamllint-1.38.0"

# yamllint: a line of exactly `max` characters reported too long; one space more asked before an inline comment;
# `on` dropped from the YAML 1.1 truthy values; key-duplicates' message reworded.
YL_BUGS = [("yamllint/rules/line_length.py", "    if length > max_length:\n", "    if length >= max_length:\n"),
           ("yamllint/rules/comments.py", "comment.token_before.end_mark.pointer <\n",
            "comment.token_before.end_mark.pointer <=\n"),
           ("yamllint/rules/truthy.py", "              'ON', 'On', 'on',\n", "              'ON', 'On',\n"),
           ("yamllint/rules/key_duplicates.py", "f'duplication of key \"{next.value}\" in mapping'",
            "f'duplicate key \"{next.value}\" in this mapping'")]

REELER = r"""
from yamllint import linter
from yamllint.config import YamlLintConfig, YamlLintConfigError


class ReelerError(RuntimeError):
    pass


TRAYS = {"Bombyx mori": 80, "Nistari": 72, "Eri": "ninety", "Muga": 64}


def lint_tray(name, width):
    try:
        conf = YamlLintConfig(f"extends: default\nrules:\n  line-length: {{max: {width}}}\n")
    except YamlLintConfigError as exc:
        raise ReelerError(f"reeler could not set the rearing-tray rules for {name!r}") from exc
    return list(linter.run(f"tray: {name}\ncocoons: {width}\n", conf))


def main():
    try:
        for name, width in TRAYS.items():
            print(name, lint_tray(name, width))
    except ReelerError as exc:
        raise RuntimeError("reeler: the morning cocoon report was not written") from exc


main()
"""


def python(tmp: Path) -> None:
    from capture_wide347 import SRC, VENV
    put_bugs(tmp / YL, YL_BUGS)
    (tmp / YL / "reeler.py").write_text(REELER)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict yamllint reeler.py >/dev/null 2>&1; true", cwd=tmp / YL, timeout=600)
    history(tmp, SRC, "yamllint", YL, ["yamllint/linter.py", "yamllint/rules/indentation.py"],
            [("Mei Sericaria", "sericaria@example.org"), ("Tomas Bombyx", "bombyx@example.org"),
             ("Ines Moriculture", "mori@example.org")], 34701, 90, YL_BUGS)


def _filature(text: str) -> str:
    """Round 336's towline words (its `_towline` over round 308's punty) into this round's."""
    return (text.replace("crossing sums for a towline (chain lengths, toll rates, tide charts)",
                         "reeling sums for a filature (filament lengths, reel rates, leaf charts)")
            .replace("spec/crossings.test.mjs", "spec/reelings.test.mjs")
            .replace("towline", "filature")
            .replace("+ turns * 7.25;", "+ turns * 6.5;").replace("spm * 0.29 * 1000", "spm * 0.37 * 1000")
            .replace("[8, 11, 14, 19, 22, 25, 29, 32, 35, 38, 42, 47]",
                     "[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]")
            .replace("ogee: 0.63, ovolo: 0.71, square: 0.86, scotia: 0.55",
                     "ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58")
            .replace("crossingPlan", "reelingPlan").replace("No crossing planned", "No reeling planned")
            .replace("crossing", "reeling"))


FILATURE = _filature(m336.TOWLINE)
FI_BUGS = [("filature.js", "+ turns * 6.5;", "+ turns * 6.25;"),
           ("filature.js", "Math.round(spm * 0.37 * 1000) / 1000", "Math.floor(spm * 0.37 * 1000) / 1000"),
           ("filature.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("filature.js", "scotia: 0.58", "scotia: 0.57")]
FIXTURES = _filature(m336.FIXTURES).replace("let seed = 33603;", "let seed = 34703;")
APP = _filature(m336.APP)
assert "34703" in FIXTURES and "reeling sums" in FILATURE and "reelingPlan" in APP
assert "towline" not in FILATURE + APP + FIXTURES and "crossing" not in FILATURE + APP + FIXTURES
assert "spec/reelings.test.mjs" in FIXTURES and "lib/filature.js" in FIXTURES and "+ turns * 6.5;" in FILATURE


def js_project(tmp: Path) -> None:
    from capture_wide347 import JS
    root = tmp / "filature"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "filature", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/reeling-plan.js": APP, "lib/filature.js": FILATURE,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", FI_BUGS)


STRAINS = ["Bombyx mori", "Nistari", "Eri", "Muga", "Tasar", "Kolar Gold", "Mysore", "Pure Jiangsu", "Cevennes",
           "Bagdad", "Chul-Hwa", "Daizo"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "cocoontally"), ("casebook", "mulberryrow"), ("ledger host", "grainage host"),
              ("litres left, days", "leaves left, instars"), ("nothing left to pour", "nothing left to reel"),
              ("pour order", "reeling order"), ("pour grade", "silk grade"), ("Keg", "Cocoon"),
              ("keg", "cocoon"), ("Beer", "Silk"), ("beer", "silk"), ("Cellar", "Rearing"),
              ("cellar", "rearing"), ("Pints", "Skeins"), ("pints", "skeins"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(34706, 60, STRAINS, GO_RENAMES)}
    write_tree(tmp / "cocoontally", base)
    write_tree(tmp / "cocoontally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "cocoontally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "mulberryrow-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _silkhouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SILKHOUSE").replace("weirkeeper", "silkhouse").replace("weir", "tray")
            .replace("sluice", "reel").replace("gate_t", "frame_t").replace("gates", "frames")
            .replace("level_cm", "denier_dt").replace("tide", "moult"))


def c_project(tmp: Path) -> None:
    root = tmp / "silkhouse"
    rnd = random.Random(34704)
    files = {"src/silkhouse.h": _silkhouse(n191.SKIFF_H), "src/rearing.c": _silkhouse(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/tray_{k:02d}.c"] = _silkhouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: silkhouse\n\n"
                         "silkhouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/silkhouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build silkhouse\n")
    write_tree(root, files)


def _leafpick(text: str) -> str:
    return (text.replace("plumbline", "leafpick").replace("Plumb-line survey", "Mulberry leaf-picking survey")
            .replace("offset_per_m", "leaf_per_m").replace("station_penalty", "row_penalty")
            .replace("readings", "pickings").replace("reading", "picking").replace("station", "row"))


def rust(tmp: Path) -> None:
    root = tmp / "leafpick"
    rnd = random.Random(34705)
    write_tree(root, {"Cargo.toml": _leafpick(n191.CARGO).replace("0.3.4", "3.4.7"),
                      "src/lib.rs": _leafpick(n191.LIB), "src/broken.rs": _leafpick(n191.BROKEN),
                      "src/pickings.rs": _leafpick(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/lib/x86_64-linux-gnu/gconv -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > gconv.body && "
        "(echo directory,file,bytes,modified; cat gconv.body) > gconv.csv && rm gconv.body", cwd=d)
    run("sqlite3 gconv.db '.mode csv' '.import gconv.csv gconv'", cwd=d)
    app_log(d / "cocoonery.log", 34707, 2000, ["cocoonery.trays", "cocoonery.leaves", "cocoonery.api",
                                               "cocoonery.store"], {
        "INFO": lambda r: f"tray {r.randint(1, 400)} fed {r.randint(2, 9)} kg of mulberry leaf at shelf {r.randint(1, 6)}",
        "DEBUG": lambda r: f"humidity probe {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"rearing room {r.randint(1, 6)} at {r.randint(27, 33)} C during moult {r.randint(1, 4)}",
        "ERROR": lambda r: f"tray {r.randint(1, 400)} lost to muscardine at shelf {r.randint(1, 6)}"},
        9300, "2026-12-01")
    app_log(d / "reelroom.log", 34708, 1900, ["reelroom.basins", "reelroom.skeins", "reelroom.api",
                                              "reelroom.db"], {
        "INFO": lambda r: f"basin {r.randint(1, 12)} reeled {r.randint(300, 1400)} m from cocoon lot {r.randint(1, 80)}",
        "DEBUG": lambda r: f"denier gauge read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"basin {r.randint(1, 12)} water at {r.randint(70, 95)} C for lot {r.randint(1, 80)}",
        "ERROR": lambda r: f"filament broke at basin {r.randint(1, 12)} on skein {r.randint(1, 500)}"},
        7100, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
