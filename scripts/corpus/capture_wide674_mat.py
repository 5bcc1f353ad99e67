"""Round 674, the material the two Gemini CLI runs work in (no item is captured here): confusables' and pysbd's
sdists with bugs put in (confusables' own tests run as shipped; pysbd's sdist ships none, so a short plasterer's test
file is written, its expected values by hand) and a script that makes up a plasterer's day book wrongly, a git history
built by committing confusables' sources in steps, the screedtally Go module and the lathframe deploy scripts (round
273's, capture_wide273_go, in this round's words and seed), a C project (`covebench`) and a Rust crate (`skimjig`) on
round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide674.py. The generators are imported, never copied
(round 662's material is the shape); only the words and seeds are this round's (base seed 67410)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

CF = "confusables-1.2.0"
SB = "pysbd-0.3.3"

# confusables: is_confusable is true once the second string runs out (a prefix matches); normalize keeps case
CF_BUGS = [("confusables/__init__.py", "    return str1 == str2\n", "    return str1 == str2 or not str2\n"),
           ("confusables/__init__.py", "x[0]+x[1].lower()", "x[0]+x[1]")]
# pysbd: an empty text gives one empty sentence; non-destructive sentences lose their trailing blanks
SB_BUGS = [("pysbd/segmenter.py", "        if not text:\n            return []\n",
            "        if not text:\n            return ['']\n"),
           ("pysbd/segmenter.py", "return [textspan.sent for textspan in sentence_w_char_spans]",
            "return [textspan.sent.rstrip() for textspan in sentence_w_char_spans]")]

SB_TEST = '''
import pysbd
import pytest

SEG = pysbd.Segmenter(language="en", clean=False)

CASES = [
    ("Lay the laths. Then the screed.", ["Lay the laths. ", "Then the screed."]),
    ("Float the coving. Skim it twice. Let it cure.", ["Float the coving. ", "Skim it twice. ", "Let it cure."]),
    ("Is the lime putty ready? Not yet! Wait an hour.", ["Is the lime putty ready? ", "Not yet! ", "Wait an hour."]),
    ("The hawk is clean.", ["The hawk is clean."]),
    ("Mix the haired coat. Trowel it on.", ["Mix the haired coat. ", "Trowel it on."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_plasterer_day_book(text, expected):
    assert SEG.segment(text) == expected


def test_empty_text_has_no_sentences():
    assert SEG.segment("") == []


def test_spans_cover_the_text():
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    spans = seg.segment("Lay the laths. Then the screed.")
    assert [s.start for s in spans] == [0, 15]
'''

PLASTERYARD = r"""
import confusables
import pysbd


class PlasterSetError(RuntimeError):
    pass


class Wall:
    # a plasterer's round: the hands on a wall, the square yards to float, the coats to lay
    def __init__(self, name, hands, yards, coats):
        self.name = name
        self.hands = list(hands)
        self.yards = yards
        self.coats = coats

    def yards_each(self):
        return self.yards * self.coats / len(self.hands)


ROUND = [Wall("parlour ceiling", ["Hepzibah", "Ezra", "Lavinia"], 42, 3),
         Wall("stair coving", ["Obadiah", "Keturah"], 18, 2),
         Wall("dairy screed", ["Silas", "Mercy", "Japheth"], 64, "two"),
         Wall("scullery skim", ["Ruth"], 12, 1)]


def float_wall(wall, seg):
    try:
        return {"wall": wall.name, "hands": len(wall.hands), "yards_each": round(wall.yards_each(), 2),
                "note": seg.segment(wall.name + ". Done."), "plain": confusables.normalize(wall.name)[0]}
    except TypeError as exc:
        raise PlasterSetError(f"hands cannot float the yards at {wall.name!r}: {exc}") from exc


def day_book():
    seg = pysbd.Segmenter(language="en", clean=False)
    book = []
    try:
        for wall in ROUND:
            book.append(float_wall(wall, seg))
    except PlasterSetError as exc:
        raise RuntimeError("plasteryard: the day book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(day_book())
"""

PLASTERERS = [("Hepzibah Lathmore", "lathmore@example.org"), ("Ezra Screedwell", "screedwell@example.org"),
              ("Lavinia Covington", "covington@example.org")]


def python(tmp: Path) -> None:
    from capture_wide674 import SRC
    put_bugs(tmp / CF, CF_BUGS)
    put_bugs(tmp / SB, SB_BUGS)
    (tmp / SB / "tests").mkdir(exist_ok=True)
    (tmp / SB / "tests" / "test_plasterer.py").write_text(SB_TEST)
    (tmp / "plasteryard.py").write_text(PLASTERYARD)
    history(tmp, SRC, "confusables", CF, ["confusables/__init__.py", "confusables/utils.py", "confusables/parse.py"],
            PLASTERERS, 67410, 25, CF_BUGS)


ROOMS = ["Parlour", "Stair Hall", "Dairy", "Scullery", "Lime Shed", "Lath Store", "Hair Loft", "Mixing Yard",
         "Cornice Bench", "Screed Floor", "Cart Gate", "Sand Bin"]
GO_RENAMES = (("kegtally", "screedtally"), ("casebook", "lathframe"), ("ledger host", "day book host"),
              ("litres left, days", "yards left, days"), ("nothing left to pour", "nothing left to float"),
              ("pour order", "floating order"), ("pour grade", "coat grade"), ("Keg", "Lath"),
              ("keg", "lath"), ("Beer", "Lime"), ("beer", "lime"), ("Cellar", "Room"),
              ("cellar", "room"), ("Pints", "Yards"), ("pints", "yards"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(67414, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "screedtally", base)
    write_tree(tmp / "screedtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "screedtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "lathframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _cove(text: str) -> str:
    return (text.replace("WEIRKEEPER", "COVEBENCH").replace("weirkeeper", "covebench")
            .replace("weir", "cove").replace("sluice", "screed_cut").replace("gate_t", "lath_t")
            .replace("gates", "laths").replace("level_cm", "depth_mm").replace("tide", "coat"))


def c_project(tmp: Path) -> None:
    root = tmp / "covebench"
    rnd = random.Random(67411)
    files = {"src/covebench.h": _cove(n191.SKIFF_H), "src/covebench.c": _cove(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/cove_{k:02d}.c"] = _cove(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: covebench\n\n"
                         "covebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/covebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build covebench\n")
    write_tree(root, files)


def _skimjig(text: str) -> str:
    return (text.replace("plumbline", "skimjig").replace("Plumb-line survey", "Plasterer's skim coat runs")
            .replace("offset_per_m", "coats_per_yard").replace("station_penalty", "wall_penalty")
            .replace("readings", "skims").replace("reading", "skim").replace("station", "wall"))


def rust(tmp: Path) -> None:
    root = tmp / "skimjig"
    rnd = random.Random(67415)
    write_tree(root, {"Cargo.toml": _skimjig(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _skimjig(n191.LIB), "src/broken.rs": _skimjig(n191.BROKEN),
                      "src/skims.rs": _skimjig(n191.gen_readings(rnd, 220))})


def data(tmp: Path) -> None:
    from capture_wide674 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "plasteryard.log", 67412, 2000, ["plaster.main", "plaster.mixer", "plaster.api", "plaster.store"], {
        "INFO": lambda r: f"hand {r.randint(1, 9)} floated {r.randint(10, 400)} square yards at wall {r.randint(1, 300)} in {r.choice(['lime', 'gypsum'])} plaster",
        "DEBUG": lambda r: f"screed depth check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"lime putty tub {r.randint(1, 12)} down to {r.randint(38, 90)} percent, slaking due",
        "ERROR": lambda r: f"lath run {r.randint(1, 8)} came away at wall {r.randint(1, 4)}, floating stopped"},
        6741, "2026-12-01")
    app_log(d / "screedrim.log", 67416, 1900, ["shop.hands", "shop.coves", "shop.api", "shop.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} ran {r.randint(850, 1100)} feet of coving",
        "DEBUG": lambda r: f"hair sack weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"cornice mould {r.randint(1, 6)} profile worn {r.randint(5, 40)} percent, recut due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drying room {r.randint(1, 30)} rose to {r.randint(31, 48)} percent damp during coat {r.randint(1, 700)}, skims held"},
        6751, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
