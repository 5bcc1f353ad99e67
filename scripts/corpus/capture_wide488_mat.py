"""Round 488, the material the two Gemini CLI runs work in (no item is captured here): stringcase's sdist with bugs put
in, a test file written here and a script that drives it wrongly, a git history built by committing its sources in
steps, the massecuitetally Go module and the boilerhouse deploy scripts (round 273's, capture_wide273_go, in this
round's words and seed), a C project (`vacuumpan`) and a Rust crate (`affination`) on round 191's generators with
other names and seeds, a CSV and a sqlite table of the files of the round's own venv's site-packages and two
application logs. Run through capture_wide488.py. The generators are imported, never copied (round 482's material,
capture_wide482_mat, is the shape); only the words and seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

SC = "stringcase-1.2.0"

# stringcase: camelcase's first letter upper-cased; constcase lower-cased; pathcase joined with `-`.
SC_BUGS = [("stringcase.py", '    return lowercase(string[0]) + re.sub(r"[\\-_', '    return uppercase(string[0]) + re.sub(r"[\\-_'),
           ("stringcase.py", "    return uppercase(snakecase(string))\n", "    return lowercase(snakecase(string))\n"),
           ("stringcase.py", '    return re.sub(r"_", "/", string)\n', '    return re.sub(r"_", "-", string)\n')]

TESTS = r'''
import pytest

import stringcase

CASES = [
    ("camelcase", "vacuum_pan", "vacuumPan"),
    ("camelcase", "sugar-boiler", "sugarBoiler"),
    ("camelcase", "char house", "charHouse"),
    ("camelcase", "massecuite.strike", "massecuiteStrike"),
    ("pascalcase", "vacuum_pan", "VacuumPan"),
    ("pascalcase", "boiler-house", "BoilerHouse"),
    ("snakecase", "VacuumPan", "vacuum_pan"),
    ("snakecase", "boilerHouse", "boiler_house"),
    ("snakecase", "char-house", "char_house"),
    ("constcase", "vacuum_pan", "VACUUM_PAN"),
    ("constcase", "centrifugeSpeed", "CENTRIFUGE_SPEED"),
    ("constcase", "affination", "AFFINATION"),
    ("pathcase", "vacuum_pan", "vacuum/pan"),
    ("pathcase", "boilerHouse", "boiler/house"),
    ("pathcase", "char-house.filter", "char/house/filter"),
    ("spinalcase", "vacuum_pan", "vacuum-pan"),
    ("spinalcase", "CentrifugeBasket", "-centrifuge-basket"),
    ("dotcase", "sugar_boiler", "sugar.boiler"),
    ("titlecase", "massecuite_strike", "Massecuite Strike"),
    ("trimcase", "  molasses  ", "molasses"),
    ("uppercase", "pan", "PAN"),
    ("lowercase", "PAN", "pan"),
    ("capitalcase", "centrifuge", "Centrifuge"),
    ("sentencecase", "vacuum_pan", "Vacuum pan"),
    ("alphanumcase", "pan #3!", "pan3"),
]


@pytest.mark.parametrize("func,given,expected", CASES)
def test_case(func, given, expected):
    assert getattr(stringcase, func)(given) == expected


def test_empty_strings():
    for name in ("camelcase", "pascalcase", "snakecase", "constcase", "pathcase"):
        assert getattr(stringcase, name)("") == ""


def test_round_trip_refinery_words():
    for word in ("vacuum_pan", "sugar_boiler", "char_house", "boiler_house"):
        assert stringcase.snakecase(stringcase.camelcase(word)) == word
'''

SUGARBOILER = r"""
import stringcase


class PanError(RuntimeError):
    pass


# a refinery's strike book: every vacuum pan's settings keyed as the sugar boilers write them
STRIKES = {
    "vacuum pan 1": {"massecuite_brix": 92, "boil_minutes": 95, "seed_grams": 450},
    "vacuum pan 2": {"massecuite_brix": 91, "boil_minutes": 102, "seed_grams": 430},
    "vacuum pan 3": {"massecuite_brix": "ninety", "boil_minutes": 99, "seed_grams": 440},
}


def settings(pan, values):
    try:
        return {stringcase.constcase(k): round(v * 1.0, 1) for k, v in values.items()}
    except TypeError as exc:
        raise PanError(f"sugar boiler cannot read the strike of {pan!r}: {exc}") from exc


def main():
    try:
        for pan, values in STRIKES.items():
            print(f"{pan:14} {settings(pan, values)}  path {stringcase.pathcase(pan.replace(' ', '_'))}")
    except PanError as exc:
        raise RuntimeError("sugarboiler: the centrifuge schedule could not be drawn up") from exc


main()
"""

BOILERS = [("Ada Panman", "panman@example.org"), ("Joss Boiler", "boiler@example.org"),
           ("Kit Centrifuge", "centrifuge@example.org")]


def python(tmp: Path) -> None:
    from capture_wide488 import SRC
    put_bugs(tmp / SC, SC_BUGS)
    (tmp / SC / "test_stringcase.py").write_text(TESTS)
    (tmp / SC / "sugarboiler.py").write_text(SUGARBOILER)
    history(tmp, SRC, "stringcase", SC, ["stringcase.py", "README.rst"], BOILERS, 48810, 24, SC_BUGS)


PANS = ["Pan One Strike", "Pan Two Strike", "Raw Sugar Melt", "Affination Syrup", "Char Filter Liquor",
        "Brown Massecuite", "White Massecuite", "Golden Syrup", "Low Green", "High Green", "Molasses Tank",
        "Icing Mill"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "massecuitetally"), ("casebook", "boilerhouse"), ("ledger host", "strike host"),
              ("litres left, days", "tonnes left, strikes"), ("nothing left to pour", "nothing left to boil"),
              ("pour order", "strike order"), ("pour grade", "sugar grade"), ("Keg", "Pan"),
              ("keg", "pan"), ("Beer", "Sugar"), ("beer", "sugar"), ("Cellar", "Refinery"),
              ("cellar", "refinery"), ("Pints", "Tonnes"), ("pints", "tonnes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(48814, 60, PANS, GO_RENAMES)}
    write_tree(tmp / "massecuitetally", base)
    write_tree(tmp / "massecuitetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "massecuitetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                               "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "boilerhouse-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _vacuumpan(text: str) -> str:
    return (text.replace("WEIRKEEPER", "VACUUMPAN").replace("weirkeeper", "vacuumpan")
            .replace("weir", "centrifuge").replace("sluice", "strike").replace("gate_t", "basket_t")
            .replace("gates", "baskets").replace("level_cm", "brix_tenths").replace("tide", "pan"))


def c_project(tmp: Path) -> None:
    root = tmp / "vacuumpan"
    rnd = random.Random(48811)
    files = {"src/vacuumpan.h": _vacuumpan(n191.SKIFF_H), "src/vacuumpan.c": _vacuumpan(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/centrifuge_{k:02d}.c"] = _vacuumpan(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: vacuumpan\n\n"
                         "vacuumpan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/vacuumpan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build vacuumpan\n")
    write_tree(root, files)


def _affination(text: str) -> str:
    return (text.replace("plumbline", "affination").replace("Plumb-line survey", "Affination of the raw sugar strikes")
            .replace("offset_per_m", "wash_per_tonne").replace("station_penalty", "strike_penalty")
            .replace("readings", "strikes").replace("reading", "strike").replace("station", "pan"))


def rust(tmp: Path) -> None:
    root = tmp / "affination"
    rnd = random.Random(48815)
    write_tree(root, {"Cargo.toml": _affination(n191.CARGO).replace("0.3.4", "1.8.8"),
                      "src/lib.rs": _affination(n191.LIB), "src/broken.rs": _affination(n191.BROKEN),
                      "src/strikes.rs": _affination(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide488 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "centrifuge.log", 48812, 2000, ["centrifuge.main", "centrifuge.basket",
                                                "centrifuge.api", "centrifuge.store"], {
        "INFO": lambda r: f"centrifuge {r.randint(1, 6)} spun strike {r.randint(2, 40)} at {r.choice([1000, 1200, 1450])} rpm for {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"basket sensor {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"pan {r.randint(1, 8)} massecuite brix {r.randint(86, 95)} outside the strike sheet",
        "ERROR": lambda r: f"centrifuge {r.randint(1, 6)} basket out of balance on strike {r.randint(1, 90)}, stopped"},
        4881, "2026-12-01")
    app_log(d / "charhouse.log", 48816, 1900, ["charhouse.filters", "charhouse.kiln",
                                               "charhouse.api", "charhouse.db"], {
        "INFO": lambda r: f"filter {r.randint(1, 4)} passed {r.choice(PANS)} liquor {r.randint(5, 30)} tonnes",
        "DEBUG": lambda r: f"colour probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 20)} at {r.randint(5, 40)} percent of its char, revivification due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"boiler {r.randint(1, 9)} lost pressure during strike {r.randint(1, 700)}, pan held"},
        8841, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
