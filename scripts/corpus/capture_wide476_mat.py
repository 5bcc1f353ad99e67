"""Round 476, the material the two Gemini CLI runs work in (no item is captured here): expandvars' sdist with bugs put
in and a script that drives it wrongly, a git history built by committing its sources in steps, the fustictally Go
module and the vathouse deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`logwoodvat`) and a Rust crate (`alumbath`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of the files of the round's own venv's site-packages and two application logs. Run through capture_wide476.py.
The generators are imported, never copied (round 468's material, capture_wide468_mat, is the shape); only the words and
seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

EV = "expandvars-1.1.2"

# expandvars: `${#VAR}` one short; `${VAR:+x}` substituting when the variable is unset instead of set; `${VAR:o:n}` one
# character short; a digit not a valid name character.
EV_BUGS = [("expandvars.py", '        modified = str(len(val or ""))\n',
            '        modified = str(len(val or "") - 1)\n'),
           ("expandvars.py", '        modified = modifier if val else ""\n',
            '        modified = "" if val else modifier\n'),
           ("expandvars.py", "    width = offset + length if length is not None else None\n",
            "    width = offset + length - 1 if length is not None else None\n"),
           ("expandvars.py", '    return char.isalnum() or char == "_"\n',
            '    return char.isalpha() or char == "_"\n')]

DYEBOOK = r"""
from expandvars import ExpandvarsException, expand


class MordantError(RuntimeError):
    pass


# a dye works' recipe book: every vat's liquor written as a shell-like template over the vatkeeper's settings
SETTINGS = {"VAT": "logwood vat 3", "DYER": "Ann Steeper", "TEMP_C": "82", "SKEINS": "140", "FIBRE": "wool"}
RECIPES = [("logwood black", "${VAT}: ${SKEINS} skeins of ${FIBRE} at ${TEMP_C} C, ${#DYER}-letter dyer ${DYER:0:3}"),
           ("fustic yellow", "${VAT}: ${FIBRE:+mordanted }${FIBRE}, ${SKEINS:-0} skeins, alum bath ${ALUM:+ready}"),
           ("madder red", "${VAT}: mordant ${MORDANT:?no mordant weighed out for this vat}, dyer ${DYER}")]


def liquor(name, template):
    try:
        return expand(template, environ=dict(SETTINGS))
    except ExpandvarsException as exc:
        raise MordantError(f"vatkeeper cannot make up {name!r}: {exc}") from exc


def main():
    try:
        for name, template in RECIPES:
            print(f"{name:14} {liquor(name, template)}")
    except MordantError as exc:
        raise RuntimeError("dyebook: the skein room's recipe book was not balanced") from exc


main()
"""

DYERS = [("Ann Steeper", "steeper@example.org"), ("Will Vatkeeper", "vatkeeper@example.org"),
         ("Jane Fustic", "fustic@example.org")]


def python(tmp: Path) -> None:
    from capture_wide476 import SRC
    put_bugs(tmp / EV, EV_BUGS)
    # the sdist's `[tool.pytest]` table gives `addopts` as a string (coverage options for pytest-cov, not installed
    # here), which pytest 9 refuses before running anything: the line is taken out of the working copy only
    put_bugs(tmp / EV, [("pyproject.toml", "addopts = '--cov --cov-report=html --cov-fail-under=100'\n", "")])
    (tmp / EV / "dyebook.py").write_text(DYEBOOK)
    history(tmp, SRC, "expandvars", EV, ["expandvars.py", "tests/test_expandvars.py", "README.md"],
            DYERS, 47610, 30, EV_BUGS)


DYESTUFFS = ["Logwood Chips", "Old Fustic", "Madder Root", "Weld Tops", "Woad Balls", "Cochineal", "Quercitron Bark",
             "Brazilwood", "Cutch", "Sumac Leaf", "Alkanet Root", "Indigo Cake"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "fustictally"), ("casebook", "vathouse"), ("ledger host", "dye book host"),
              ("litres left, days", "kilos left, days"), ("nothing left to pour", "nothing left to steep"),
              ("pour order", "steep order"), ("pour grade", "shade grade"), ("Keg", "Vat"),
              ("keg", "vat"), ("Beer", "Dyestuff"), ("beer", "dyestuff"), ("Cellar", "Steephouse"),
              ("cellar", "steephouse"), ("Pints", "Kilos"), ("pints", "kilos"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(47614, 60, DYESTUFFS, GO_RENAMES)}
    write_tree(tmp / "fustictally", base)
    write_tree(tmp / "fustictally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "fustictally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "vathouse-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _logwoodvat(text: str) -> str:
    return (text.replace("WEIRKEEPER", "LOGWOODVAT").replace("weirkeeper", "logwoodvat")
            .replace("weir", "mordant").replace("sluice", "steep").replace("gate_t", "vat_t")
            .replace("gates", "vats").replace("level_cm", "liquor_cm").replace("tide", "dye"))


def c_project(tmp: Path) -> None:
    root = tmp / "logwoodvat"
    rnd = random.Random(47611)
    files = {"src/logwoodvat.h": _logwoodvat(n191.SKIFF_H), "src/vatkeeper.c": _logwoodvat(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/mordant_{k:02d}.c"] = _logwoodvat(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: logwoodvat\n\n"
                         "logwoodvat: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/logwoodvat.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build logwoodvat\n")
    write_tree(root, files)


def _alumbath(text: str) -> str:
    return (text.replace("plumbline", "alumbath").replace("Plumb-line survey", "Alum bath mordanting survey")
            .replace("offset_per_m", "grams_per_litre").replace("station_penalty", "bath_penalty")
            .replace("readings", "baths").replace("reading", "bath").replace("station", "skein"))


def rust(tmp: Path) -> None:
    root = tmp / "alumbath"
    rnd = random.Random(47615)
    write_tree(root, {"Cargo.toml": _alumbath(n191.CARGO).replace("0.3.4", "1.6.3"),
                      "src/lib.rs": _alumbath(n191.LIB), "src/broken.rs": _alumbath(n191.BROKEN),
                      "src/baths.rs": _alumbath(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide476 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "steeper.log", 47612, 2000, ["steeper.main", "steeper.vats",
                                             "steeper.api", "steeper.store"], {
        "INFO": lambda r: f"dyer {r.randint(1, 6)} lifted {r.randint(1, 90)} skeins from vat {r.choice([2, 3, 5, 8])} after {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"vat thermometer {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"vat {r.randint(1, 40)} liquor {r.randint(2, 30)} C below the recipe",
        "ERROR": lambda r: f"mordant batch {r.randint(1, 60)} curdled in alum bath {r.randint(1, 9)} during steeping"},
        4761, "2026-12-01")
    app_log(d / "skeinroom.log", 47616, 1900, ["skeinroom.reels", "skeinroom.dryers",
                                               "skeinroom.api", "skeinroom.db"], {
        "INFO": lambda r: f"reel {r.randint(1, 4)} wound {r.choice(DYESTUFFS)} skeins at {r.randint(5, 30)} an hour",
        "DEBUG": lambda r: f"humidity probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"drying loft {r.randint(1, 20)} at {r.randint(5, 40)} percent humidity, turn due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"skein {r.randint(1, 900)} streaked on reel {r.randint(1, 7)}, shade rejected"},
        6741, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
