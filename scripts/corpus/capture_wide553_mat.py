"""Round 553, the material the two Gemini CLI runs work in (no item is captured here): pylru's sdist with bugs put in
(its own tests run as shipped) and a script that draws a salt marsh pan house's raking sheet wrongly, a git history
built by committing its sources in steps, the saltertally Go module and the rakeframe deploy scripts (round 273's,
capture_wide273_go, in this round's words and seed), a C project (`brinebench`) and a Rust crate (`rakejig`) on round
191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide553.py. The generators are imported, never copied
(round 546's material, capture_wide546_mat, is the shape); only the words and seeds are this round's (base seed
55310)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

HD = "pylru-1.3.3"

# pylru: __setitem__ leaves the head one node past the new item; __delitem__ leaves the emptied node as the head.
HD_BUGS = [("pylru.py", "        # need to adjust the 'head' variable.\n        self.head = node\n",
            "        # need to adjust the 'head' variable.\n        self.head = node.next\n"),
           ("pylru.py", "        self.mtf(node)\n        self.head = node.next\n\n    def update",
            "        self.mtf(node)\n        self.head = node\n\n    def update")]

RAKINGSHEET = r"""
from pylru import lrucache


class BrinePitRakeError(RuntimeError):
    pass


class Pit:
    # a salt marsh pan house's brine pits: the salters raking a pit, the bushels they draw, the hours the pan boils
    def __init__(self, name, salters, bushels, hours):
        self.name = name
        self.salters = list(salters)
        self.bushels = bushels
        self.hours = hours

    def bushels_each(self):
        return self.bushels * self.hours / len(self.salters)


PAN_HOUSE = [Pit("north brine pit", ["Ambrose", "Silas", "Hester"], 14, 6),
             Pit("south brine pit", ["Tobias", "Prudence"], 11, 8),
             Pit("boiling pan", ["Lemuel", "Agnes", "Caleb"], 18, "nine"),
             Pit("drying loft", ["Ruth"], 5, 12)]


def rake(pit):
    try:
        return {"pit": pit.name, "salters": len(pit.salters), "bushels_each": round(pit.bushels_each(), 2)}
    except TypeError as exc:
        raise BrinePitRakeError(f"rakes cannot draw the salt from {pit.name!r}: {exc}") from exc


def sheet(day=5):
    cache = lrucache(3)
    try:
        for pit in PAN_HOUSE:
            row = rake(pit)
            cache[pit.name] = row["bushels_each"]
            print(day, row)
    except BrinePitRakeError as exc:
        raise RuntimeError("rakingsheet: the day's raking sheet could not be drawn up") from exc
    return cache


if __name__ == "__main__":
    sheet()
"""

SALTERS = [("Ambrose Panwright", "panwright@example.org"), ("Hester Brinewarden", "brinewarden@example.org"),
           ("Tobias Rakeman", "rakeman@example.org")]


def python(tmp: Path) -> None:
    from capture_wide553 import SRC
    put_bugs(tmp / HD, HD_BUGS)
    (tmp / HD / "rakingsheet.py").write_text(RAKINGSHEET)
    history(tmp, SRC, "pylru", HD, ["pylru.py", "test.py", "README.md"], SALTERS, 55310, 20, HD_BUGS)


PITS = ["North Brine Pit", "South Brine Pit", "Boiling Pan", "Drying Loft", "Rake Store", "Salt Shed",
            "Sluice Gate", "Coal Heap", "Tide Channel", "Settling Tank", "Salters Bench", "Weigh House"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "saltertally"), ("casebook", "rakeframe"), ("ledger host", "weigh house host"),
              ("litres left, days", "bushels left, days"), ("nothing left to pour", "nothing left to rake"),
              ("pour order", "raking order"), ("pour grade", "salt grade"), ("Keg", "Pan"),
              ("keg", "pan"), ("Beer", "Brine"), ("beer", "brine"), ("Cellar", "Panhouse"),
              ("cellar", "panhouse"), ("Pints", "Bushels"), ("pints", "bushels"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(55314, 60, PITS, GO_RENAMES)}
    write_tree(tmp / "saltertally", base)
    write_tree(tmp / "saltertally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "saltertally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "rakeframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _brinebench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BRINEBENCH").replace("weirkeeper", "brinebench")
            .replace("weir", "pit").replace("sluice", "rake").replace("gate_t", "pan_t")
            .replace("gates", "pans").replace("level_cm", "brine_cm").replace("tide", "boil"))


def c_project(tmp: Path) -> None:
    root = tmp / "brinebench"
    rnd = random.Random(55311)
    files = {"src/brinebench.h": _brinebench(n191.SKIFF_H),
             "src/brinebench.c": _brinebench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/pit_{k:02d}.c"] = _brinebench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: brinebench\n\n"
                         "brinebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/brinebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build brinebench\n")
    write_tree(root, files)


def _rakejig(text: str) -> str:
    return (text.replace("plumbline", "rakejig").replace("Plumb-line survey", "Pan house rakings' brine runs")
            .replace("offset_per_m", "drift_per_rake").replace("station_penalty", "pit_penalty")
            .replace("readings", "rakings").replace("reading", "raking").replace("station", "pit"))


def rust(tmp: Path) -> None:
    root = tmp / "rakejig"
    rnd = random.Random(55315)
    write_tree(root, {"Cargo.toml": _rakejig(n191.CARGO).replace("0.3.4", "2.5.3"),
                      "src/lib.rs": _rakejig(n191.LIB), "src/broken.rs": _rakejig(n191.BROKEN),
                      "src/rakings.rs": _rakejig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide553 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "rakeyard.log", 55312, 2000, ["pan.main", "pan.pits",
                                                  "pan.api", "pan.weigh"], {
        "INFO": lambda r: f"salter {r.randint(1, 9)} raked {r.randint(2, 30)} bushels from pit {r.randint(1, 400)} on the {r.choice(['north', 'south'])} side",
        "DEBUG": lambda r: f"pan fire check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"brine pit {r.randint(1, 12)} down to {r.randint(38, 90)} cm, tide fill due",
        "ERROR": lambda r: f"pan {r.randint(1, 8)} boiled dry during raking at pit {r.randint(1, 4)}, fire drawn"},
        5531, "2026-12-01")
    app_log(d / "brinepit.log", 55316, 1900, ["brine.pits", "brine.pumps",
                                              "brine.api", "brine.db"], {
        "INFO": lambda r: f"pit {r.randint(1, 24)} at {r.choice(PITS)} holds brine at {r.randint(60, 110)} grams a litre",
        "DEBUG": lambda r: f"pump sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"rake {r.randint(1, 6)} worn {r.randint(5, 40)} percent, new teeth due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"brine pump {r.randint(1, 30)} stalled at {r.randint(50, 85)} grams a litre during fill {r.randint(1, 700)}, pan left cold"},
        5541, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
