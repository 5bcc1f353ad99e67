"""Round 652, the material the two Gemini CLI runs work in (no item is captured here): sre-yield's and diceware's
sdists with bugs put in (their own tests run as shipped) and a script that draws a chair bodger's turning book
wrongly, a git history built by committing sre_yield's sources in steps, the bodgetally Go module and the bodgeframe
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`coppicebench`) and a
Rust crate (`billetjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of
the round's own venv's site-packages and two application logs. Run through capture_wide652.py. The generators are
imported, never copied (round 644's material, capture_wide644_mat, is the shape); only the words and seeds are this
round's (base seed 65210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

SY = "sre_yield-1.2"
DW = "diceware-1.0.1"

# sre_yield: find_largest_power returns the next power up; divmod_iter returns [x] also when x == by
SY_BUGS = [("sre_yield/fastdivmod.py", "return base ** power", "return base ** (power + 1)"),
           ("sre_yield/fastdivmod.py", "if x < by:", "if x <= by:")]
# diceware: --caps upper-cases whole words; a special char is never put on the last character
DW_BUGS = [("diceware/__init__.py", "words = [x.capitalize() for x in words]", "words = [x.upper() for x in words]"),
           ("diceware/__init__.py", "char_list[rnd.choice(range(len(char_list)))]",
            "char_list[rnd.choice(range(len(char_list) - 1))]")]

BODGEYARD = r"""
import random

import sre_yield
from diceware import insert_special_char


class BodgeTurnError(RuntimeError):
    pass


class Lathe:
    # a chair bodger's camp in the coppice: the turners at a pole lathe, the billets split, the legs turned a day
    def __init__(self, name, turners, billets, days):
        self.name = name
        self.turners = list(turners)
        self.billets = billets
        self.days = days

    def legs_each(self):
        return self.billets * self.days / len(self.turners)


CAMP = [Lathe("pole lathe by the spring", ["Mercy", "Silas", "Damaris"], 240, 2),
        Lathe("shaving bench", ["Obadiah", "Thirza"], 180, 3),
        Lathe("froe block", ["Ebenezer", "Jemima", "Hepzibah"], 300, "five"),
        Lathe("drying stack", ["Caleb"], 90, 2)]


def turn(lathe):
    try:
        marks = sre_yield.AllStrings(r"[A-D][0-9]{2}")
        return {"lathe": lathe.name, "turners": len(lathe.turners), "legs_each": round(lathe.legs_each(), 2),
                "marks": len(marks), "tally": insert_special_char(lathe.name, rnd=random.Random(6521))}
    except TypeError as exc:
        raise BodgeTurnError(f"turners cannot turn the billets at {lathe.name!r}: {exc}") from exc


def turning_book():
    book = []
    try:
        for lathe in CAMP:
            book.append(turn(lathe))
    except BodgeTurnError as exc:
        raise RuntimeError("bodgeyard: the week's turning book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(turning_book())
"""

BODGERS = [("Mercy Greenturner", "greenturner@example.org"), ("Silas Coppicewright", "coppicewright@example.org"),
           ("Damaris Legshaver", "legshaver@example.org")]


def python(tmp: Path) -> None:
    from capture_wide652 import SRC
    put_bugs(tmp / SY, SY_BUGS)
    put_bugs(tmp / DW, DW_BUGS)
    (tmp / "bodgeyard.py").write_text(BODGEYARD)
    history(tmp, SRC, "sreyield", SY, ["sre_yield/__init__.py", "sre_yield/fastdivmod.py"], BODGERS, 65210, 40,
            SY_BUGS)


LATHES = ["Spring Lathe", "Shaving Bench", "Froe Block", "Drying Stack", "Billet Pile", "Bodger Hut", "Hazel Ride",
          "Beech Stand", "Chair Shop", "Cart Track", "Leg Rack", "Stretcher Bin"]
GO_RENAMES = (("kegtally", "bodgetally"), ("casebook", "bodgeframe"), ("ledger host", "turning book host"),
              ("litres left, days", "billets left, days"), ("nothing left to pour", "nothing left to turn"),
              ("pour order", "turning order"), ("pour grade", "leg grade"), ("Keg", "Billet"),
              ("keg", "billet"), ("Beer", "Beech"), ("beer", "beech"), ("Cellar", "Lathe"),
              ("cellar", "lathe"), ("Pints", "Legs"), ("pints", "legs"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(65214, 60, LATHES, GO_RENAMES)}
    write_tree(tmp / "bodgetally", base)
    write_tree(tmp / "bodgetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "bodgetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "bodgeframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _coppice(text: str) -> str:
    return (text.replace("WEIRKEEPER", "COPPICEBENCH").replace("weirkeeper", "coppicebench")
            .replace("weir", "lathe").replace("sluice", "froe_cut").replace("gate_t", "billet_t")
            .replace("gates", "billets").replace("level_cm", "girth_mm").replace("tide", "coppice"))


def c_project(tmp: Path) -> None:
    root = tmp / "coppicebench"
    rnd = random.Random(65211)
    files = {"src/coppicebench.h": _coppice(n191.SKIFF_H), "src/coppicebench.c": _coppice(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/lathe_{k:02d}.c"] = _coppice(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: coppicebench\n\n"
                         "coppicebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/coppicebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build coppicebench\n")
    write_tree(root, files)


def _billetjig(text: str) -> str:
    return (text.replace("plumbline", "billetjig").replace("Plumb-line survey", "Chair bodger's turning runs")
            .replace("offset_per_m", "shavings_per_leg").replace("station_penalty", "lathe_penalty")
            .replace("readings", "turns").replace("reading", "turn").replace("station", "lathe"))


def rust(tmp: Path) -> None:
    root = tmp / "billetjig"
    rnd = random.Random(65215)
    write_tree(root, {"Cargo.toml": _billetjig(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _billetjig(n191.LIB), "src/broken.rs": _billetjig(n191.BROKEN),
                      "src/turns.rs": _billetjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide652 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "bodgeyard.log", 65212, 2000, ["bodge.main", "bodge.lathe", "bodge.api", "bodge.store"], {
        "INFO": lambda r: f"turner {r.randint(1, 9)} turned {r.randint(20, 600)} legs at lathe {r.randint(1, 400)} in {r.choice(['beech', 'ash'])} billets",
        "DEBUG": lambda r: f"froe split check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"pole lathe {r.randint(1, 12)} spring pole down to {r.randint(38, 90)} percent, new pole due",
        "ERROR": lambda r: f"treadle {r.randint(1, 8)} snapped at lathe {r.randint(1, 4)}, turning stopped"},
        6521, "2026-12-01")
    app_log(d / "coppice.log", 65216, 1900, ["camp.turners", "camp.stack", "camp.api", "camp.db"], {
        "INFO": lambda r: f"turner {r.randint(1, 24)} at {r.choice(LATHES)} shaved {r.randint(850, 1100)} billets",
        "DEBUG": lambda r: f"wood cart weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"drawknife {r.randint(1, 6)} edge dulled {r.randint(5, 40)} percent, honing due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drying stack {r.randint(1, 30)} rose to {r.randint(31, 48)} percent moisture during batch {r.randint(1, 700)}, chairing held"},
        6531, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
