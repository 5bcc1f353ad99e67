"""Round 706, the material the two Gemini CLI runs work in (no item is captured here): astor's and sly's sdists with
bugs put in (their own tests run as shipped) and a script that makes up a bagpipe maker's chanter book wrongly, a git
history built by committing astor's sources in steps, the dronetally Go module and the chanterframe deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`reedbench`) and a Rust crate
(`chanterjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide706.py. The generators are
imported, never copied (round 698's material is the shape); only the words and seeds are this round's (base seed
70610)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GA = "astor-0.8.1"
SL = "sly-0.5"

# astor: Mult given Add's precedence in op_util's table; visit_Pass writes `pas`
GA_BUGS = [("astor/op_util.py", "            Mult   *            1", "            Mult   *            0"),
           ("astor/code_gen.py", "self.statement(node, 'pass')", "self.statement(node, 'pas')")]
# sly: a literal token's value takes two characters; an ignored character at index 0 is no longer skipped
SL_BUGS = [("src/sly/lex.py", "tok.value = text[index]", "tok.value = text[index:index + 2]"),
           ("src/sly/lex.py", "if text[index] in _ignore:", "if text[index] in _ignore and index:")]

CHANTERSHOP = r"""
import ast

import astor
import sly


class ChanterBoringError(RuntimeError):
    pass


class Batch:
    # a bagpipe maker's shop: the turners at a boring lathe, the dozens of chanter blanks, the batches a week
    def __init__(self, name, turners, dozens, batches, reeds):
        self.name = name
        self.turners = list(turners)
        self.dozens = dozens
        self.batches = batches
        self.reeds = reeds

    def chanters_each(self):
        return self.dozens * 12 * self.batches / len(self.turners)


SHOP = [Batch("blackwood chanters", ["Morag", "Ewan", "Isla"], 6, 3, 90),
        Batch("tenor drones", ["Fergus", "Ailsa"], 4, 2, 40),
        Batch("bass drones", ["Calum", "Mairi", "Rhona"], 3, "four", 30),
        Batch("practice chanters", ["Angus"], 8, 5, 60)]


class ReedLexer(sly.Lexer):
    tokens = {NAME}
    ignore = " "
    NAME = r"[a-z]+"


def bore(batch):
    try:
        words = [t.value for t in ReedLexer().tokenize(batch.name)]
        line = astor.to_source(ast.parse(f"x = {len(words)} * 2"))
        return {"batch": words[0], "turners": len(batch.turners), "chanters_each": round(batch.chanters_each(), 2),
                "source": line.strip()}
    except TypeError as exc:
        raise ChanterBoringError(f"turners cannot bore the {batch.name!r} batch: {exc}") from exc


def chanter_book():
    book = []
    try:
        for batch in SHOP:
            book.append(bore(batch))
    except ChanterBoringError as exc:
        raise RuntimeError("chantershop: the chanter book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(chanter_book())
"""

TURNERS = [("Morag Chanterson", "chanterson@example.org"), ("Ewan Reedie", "reedie@example.org"),
           ("Isla Dronach", "dronach@example.org")]


def python(tmp: Path) -> None:
    from capture_wide706 import SRC
    put_bugs(tmp / GA, GA_BUGS)
    put_bugs(tmp / SL, SL_BUGS)
    (tmp / "chantershop.py").write_text(CHANTERSHOP)
    history(tmp, SRC, "astor", GA, ["astor/code_gen.py", "tests/test_code_gen.py"],
            TURNERS, 70610, 60, GA_BUGS)


ROOMS = ["Blackwood Store", "Boring Lathe", "Reed Bench", "Drone Hall", "Bag Room", "Seasoning Tub",
         "Ferrule Shelf", "Tuning Loft", "Hemp Spool", "Drying Racks", "Stock Press", "Shop Door"]
GO_RENAMES = (("kegtally", "dronetally"), ("casebook", "chanterframe"), ("ledger host", "chanter book host"),
              ("litres left, days", "dozens left, days"), ("nothing left to pour", "nothing left to bore"),
              ("pour order", "boring order"), ("pour grade", "reed grade"), ("Keg", "Blank"),
              ("keg", "blank"), ("Beer", "Chanter"), ("beer", "chanter"), ("Cellar", "Shop"),
              ("cellar", "shop"), ("Pints", "Dozens"), ("pints", "dozens"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(70614, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "dronetally", base)
    write_tree(tmp / "dronetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "dronetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "chanterframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                          "scripts/backup.sh": rn(g273.BACKUP_SH),
                                          "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _reed(text: str) -> str:
    return (text.replace("WEIRKEEPER", "REEDBENCH").replace("weirkeeper", "reedbench")
            .replace("weir", "reed").replace("sluice", "drone_stock").replace("gate_t", "blank_t")
            .replace("gates", "blanks").replace("level_cm", "bore_mm").replace("tide", "pitch"))


def c_project(tmp: Path) -> None:
    root = tmp / "reedbench"
    rnd = random.Random(70611)
    files = {"src/reedbench.h": _reed(n191.SKIFF_H), "src/reedbench.c": _reed(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/reed_{k:02d}.c"] = _reed(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: reedbench\n\n"
                         "reedbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/reedbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build reedbench\n")
    write_tree(root, files)


def _chanter(text: str) -> str:
    return (text.replace("plumbline", "chanterjig").replace("Plumb-line survey", "Bagpipe maker's chanter bores")
            .replace("offset_per_m", "holes_per_chanter").replace("station_penalty", "blank_penalty")
            .replace("readings", "bores").replace("reading", "bore").replace("station", "blank"))


def rust(tmp: Path) -> None:
    root = tmp / "chanterjig"
    rnd = random.Random(70615)
    write_tree(root, {"Cargo.toml": _chanter(n191.CARGO).replace("0.3.4", "1.4.6"),
                      "src/lib.rs": _chanter(n191.LIB), "src/broken.rs": _chanter(n191.BROKEN),
                      "src/bores.rs": _chanter(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide706 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "chantershop.log", 70612, 2000, ["pipe.main", "pipe.bore", "pipe.api", "pipe.store"], {
        "INFO": lambda r: f"turner {r.randint(1, 9)} bored {r.randint(10, 400)} chanters on lathe {r.randint(1, 300)} of {r.choice(['blackwood', 'boxwood'])} blanks",
        "DEBUG": lambda r: f"bag seasoning check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"blackwood store rack {r.randint(1, 12)} down to {r.randint(38, 90)} percent, billets due",
        "ERROR": lambda r: f"reamer {r.randint(1, 8)} split at bench {r.randint(1, 4)}, drone boring stopped"},
        7061, "2026-12-03")
    app_log(d / "reedroom.log", 70616, 1900, ["room.hands", "room.reeds", "room.api", "room.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} shaped {r.randint(850, 1100)} reeds",
        "DEBUG": lambda r: f"cane weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"reed bench {r.randint(1, 6)} worn {r.randint(5, 40)} percent, regrinding due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"seasoning tub {r.randint(1, 30)} rose to {r.randint(41, 64)} degrees during batch {r.randint(1, 700)}, bags spoiled"},
        7065, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
