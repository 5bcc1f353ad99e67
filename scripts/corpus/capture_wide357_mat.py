"""Round 357, the material the two Gemini CLI runs work in (no item is captured here): svgwrite's sdist with bugs put
in and a script that drives it wrongly, a git history built by committing its sources in steps, the turfrick project
(round 308's JavaScript module, as round 347 renamed it, renamed again in this round's words, with other numbers,
under its generated node --test suite whose expectations come from the unbroken module), the turftally Go module and
the bogroad deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`turbary`)
and a Rust crate (`slane`) on round 191's generators with other names and seeds, a CSV and a sqlite table of this
machine's /usr/share/man/man3 files and two application logs. Run through capture_wide357.py. The generators are
imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide289_mat as m289
import capture_wide347_mat as m347
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

SVG = "svgwrite-1.4.3"

# svgwrite: rgb() swapping green and blue; percent values clamped at 99 for 100; a middle-aligned rect moved up by a
# third of its height for a half; translate() writing ty,tx.
SVG_BUGS = [("svgwrite/utils.py", 'return "rgb(%d,%d,%d)" % (int(r) & 255, int(g) & 255, int(b) & 255)',
             'return "rgb(%d,%d,%d)" % (int(r) & 255, int(b) & 255, int(g) & 255)'),
            ("svgwrite/utils.py", "value = 100", "value = 99"),
            ("svgwrite/utils.py", "y = y - height / 2.", "y = y - height / 3."),
            ("svgwrite/mixins.py", 'self._add_transformation("translate(%s)" % strlist( [tx, ty] ))',
             'self._add_transformation("translate(%s)" % strlist( [ty, tx] ))')]

TURFCUTTER = r"""
import svgwrite
from svgwrite.utils import rect_top_left_corner


class TurfCutterError(RuntimeError):
    pass


BANKS = {"Bog of Allen": ("30cm", "12cm"), "Moss of Achnacree": ("24cm", "10cm"), "Flanders Moss": ("22cm", "9mm"),
         "Clara Bog": ("28cm", "11cm")}


def stack(drawing, bank):
    try:
        x, y = rect_top_left_corner(("400cm", "160cm"), BANKS[bank], pos="middle-center")
        return drawing.rect(insert=(x, y), size=BANKS[bank], fill=svgwrite.utils.rgb(92, 64, 51))
    except ValueError as exc:
        raise TurfCutterError(f"turf cutter could not foot the turves from the bank at {bank!r}") from exc


def main():
    drawing = svgwrite.Drawing("footing.svg", size=("800cm", "320cm"))
    try:
        for bank in BANKS:
            drawing.add(stack(drawing, bank))
    except TurfCutterError as exc:
        raise RuntimeError("turf cutter: the spring footing plan was not drawn") from exc
    print(drawing.tostring()[:200])


main()
"""


def python(tmp: Path) -> None:
    from capture_wide357 import SRC, VENV
    put_bugs(tmp / SVG, SVG_BUGS)
    (tmp / SVG / "turfcutter.py").write_text(TURFCUTTER)
    # warm mypy's caches here so that the runs' mypy calls end quickly
    run(f"{VENV}/bin/mypy --strict svgwrite turfcutter.py >/dev/null 2>&1; true", cwd=tmp / SVG, timeout=600)
    history(tmp, SRC, "svgwrite", SVG, ["svgwrite/utils.py", "svgwrite/mixins.py", "svgwrite/shapes.py"],
            [("Nora Bogside", "bogside@example.org"), ("Padraig Slanewright", "slanewright@example.org"),
             ("Ewan Turbary", "turbary@example.org")], 35701, 60, SVG_BUGS)


def _turfrick(text: str) -> str:
    """Round 347's filature words (its `_filature` over round 336's towline) into this round's."""
    return (text.replace("reeling sums for a filature (filament lengths, reel rates, leaf charts)",
                         "footing sums for a turfrick (turf lengths, cutting rates, drying charts)")
            .replace("spec/reelings.test.mjs", "spec/footings.test.mjs")
            .replace("filature", "turfrick")
            .replace("+ turns * 6.5;", "+ turns * 5.25;").replace("spm * 0.37 * 1000", "spm * 0.41 * 1000")
            .replace("[7, 10, 15, 18, 21, 26, 28, 33, 34, 39, 43, 46]",
                     "[6, 9, 13, 17, 23, 27, 30, 31, 36, 40, 41, 48]")
            .replace("ogee: 0.66, ovolo: 0.69, square: 0.83, scotia: 0.58",
                     "ogee: 0.62, ovolo: 0.73, square: 0.81, scotia: 0.54")
            .replace("reelingPlan", "footingPlan").replace("No reeling planned", "No footing planned")
            .replace("reeling", "footing"))


TURFRICK = _turfrick(m347.FILATURE)
TR_BUGS = [("turfrick.js", "+ turns * 5.25;", "+ turns * 5.5;"),
           ("turfrick.js", "if (spm < limits[i]) {", "if (spm <= limits[i]) {"),
           ("turfrick.js", "w.slice(1).toLowerCase()", "w.slice(1)"),
           ("turfrick.js", "ovolo: 0.73", "ovolo: 0.74")]
FIXTURES = _turfrick(m347.FIXTURES).replace("let seed = 34703;", "let seed = 35703;")
APP = _turfrick(m347.APP)
assert "35703" in FIXTURES and "footing sums" in TURFRICK and "footingPlan" in APP
assert "filature" not in TURFRICK + APP + FIXTURES and "reeling" not in TURFRICK + APP + FIXTURES
assert "spec/footings.test.mjs" in FIXTURES and "lib/turfrick.js" in FIXTURES and "+ turns * 5.25;" in TURFRICK


def js_project(tmp: Path) -> None:
    from capture_wide357 import JS
    root = tmp / "turfrick"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "turfrick", "version": "0.8.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": FIXTURES, "eslint.config.js": m289.ESLINT_CONFIG,
                      "lib/footing-plan.js": APP, "lib/turfrick.js": TURFRICK,
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m289.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", TR_BUGS)


BOGS = ["Bog of Allen", "Clara Bog", "Flanders Moss", "Moss of Achnacree", "Mountain Bog", "Lullymore", "Derrycashel",
        "Lewis Moor", "Shapwick Heath", "Thorne Moors", "Tregaron", "Blackwater"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "turftally"), ("casebook", "bogroad"), ("ledger host", "bankhouse host"),
              ("litres left, days", "turves left, drying days"), ("nothing left to pour", "nothing left to cut"),
              ("pour order", "cutting order"), ("pour grade", "sod grade"), ("Keg", "Bank"),
              ("keg", "bank"), ("Beer", "Turf"), ("beer", "turf"), ("Cellar", "Rick"),
              ("cellar", "rick"), ("Pints", "Sods"), ("pints", "sods"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(35706, 60, BOGS, GO_RENAMES)}
    write_tree(tmp / "turftally", base)
    write_tree(tmp / "turftally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "turftally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "bogroad-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                     "scripts/backup.sh": rn(g273.BACKUP_SH),
                                     "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _turbary(text: str) -> str:
    return (text.replace("WEIRKEEPER", "TURBARY").replace("weirkeeper", "turbary").replace("weir", "bank")
            .replace("sluice", "spade").replace("gate_t", "sod_t").replace("gates", "sods")
            .replace("level_cm", "depth_cm").replace("tide", "dry"))


def c_project(tmp: Path) -> None:
    root = tmp / "turbary"
    rnd = random.Random(35704)
    files = {"src/turbary.h": _turbary(n191.SKIFF_H), "src/footing.c": _turbary(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/bank_{k:02d}.c"] = _turbary(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: turbary\n\n"
                         "turbary: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/turbary.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build turbary\n")
    write_tree(root, files)


def _slane(text: str) -> str:
    return (text.replace("plumbline", "slane").replace("Plumb-line survey", "Turf bank depth survey")
            .replace("offset_per_m", "sod_per_m").replace("station_penalty", "face_penalty")
            .replace("readings", "cuttings").replace("reading", "cutting").replace("station", "face"))


def rust(tmp: Path) -> None:
    root = tmp / "slane"
    rnd = random.Random(35705)
    write_tree(root, {"Cargo.toml": _slane(n191.CARGO).replace("0.3.4", "1.6.3"),
                      "src/lib.rs": _slane(n191.LIB), "src/broken.rs": _slane(n191.BROKEN),
                      "src/cuttings.rs": _slane(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/man/man3 -type f "
        "-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > man3.body && "
        "(echo directory,file,bytes,modified; cat man3.body) > man3.csv && rm man3.body", cwd=d)
    run("sqlite3 man3.db '.mode csv' '.import man3.csv man3'", cwd=d)
    app_log(d / "turfshed.log", 35707, 2000, ["turfshed.banks", "turfshed.barrows", "turfshed.api",
                                              "turfshed.store"], {
        "INFO": lambda r: f"bank {r.randint(1, 300)} cut {r.randint(40, 400)} turves with slane {r.randint(1, 9)}",
        "DEBUG": lambda r: f"moisture probe {r.randint(1, 40)} took {r.randint(2, 80)} ms",
        "WARNING": lambda r: f"rick {r.randint(1, 60)} still at {r.randint(40, 80)}% moisture after {r.randint(8, 30)} days",
        "ERROR": lambda r: f"bank face {r.randint(1, 300)} slumped into drain {r.randint(1, 12)}"},
        9570, "2026-12-01")
    app_log(d / "cuttingbank.log", 35708, 1900, ["cuttingbank.spades", "cuttingbank.footing", "cuttingbank.api",
                                                 "cuttingbank.db"], {
        "INFO": lambda r: f"cutter {r.randint(1, 14)} footed {r.randint(50, 600)} sods on spread {r.randint(1, 70)}",
        "DEBUG": lambda r: f"spread sensor read {r.randint(1, 90)} took {r.randint(2, 60)} ms",
        "WARNING": lambda r: f"spread {r.randint(1, 70)} waterlogged at {r.randint(5, 30)} cm after rain",
        "ERROR": lambda r: f"barrow {r.randint(1, 20)} overturned on bog road {r.randint(1, 5)}"},
        7570, "2026-12-02")


STEPS = [python, js_project, go_module, c_project, rust, data]
