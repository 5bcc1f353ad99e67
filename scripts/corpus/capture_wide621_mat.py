"""Round 621, the material the two Gemini CLI runs work in (no item is captured here): Arpeggio's and patiencediff's
sdists with bugs put in (their own tests run as shipped) and a script that draws a watercress farm's cutting book
wrongly, a git history built by committing patiencediff's sources in steps, the cresstally Go module and the
bunchersframe deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`cressbench`) and a Rust crate (`bunchjig`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of the files of the round's own venv's site-packages and two application logs. Run through capture_wide621.py.
The generators are imported, never copied (round 609's material, capture_wide609_mat, is the shape); only the words
and seeds are this round's (base seed 62110)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

AP = "Arpeggio-2.0.3"
PD = "patiencediff-1.0.2"

# Arpeggio: the column of a position one short; a failed Sequence leaves the parser where it stopped (no backtracking)
AP_BUGS = [("arpeggio/__init__.py", "        return line + 1, col + 1", "        return line + 1, col"),
           ("arpeggio/__init__.py", "            parser.position = c_pos     # Backtracking\n            raise",
            "            raise")]
# patiencediff: a gap recursed into only when both sides have one; the new side's hunk start written one short
PD_BUGS = [("patiencediff/_patiencediff_py.py", "if last_a_pos + 1 != apos or last_b_pos + 1 != bpos:",
            "if last_a_pos + 1 != apos and last_b_pos + 1 != bpos:"),
           ("patiencediff/__init__.py", 'yield f"@@ -{i1 + 1},{i2 - i1} +{j1 + 1},{j2 - j1} @@{lineterm}"',
            'yield f"@@ -{i1 + 1},{i2 - i1} +{j1},{j2 - j1} @@{lineterm}"')]

CRESSBEDS = r"""
from arpeggio import EOF, OneOrMore, ParserPython, RegExMatch
from patiencediff import unified_diff


class BuncherCutError(RuntimeError):
    pass


class Bed:
    # a watercress farm: the bunchers on a bed, the bunches cut, the springhead flows worked
    def __init__(self, name, bunchers, bunches, flows):
        self.name = name
        self.bunchers = list(bunchers)
        self.bunches = bunches
        self.flows = flows

    def bunches_each(self):
        return self.bunches * self.flows / len(self.bunchers)


FARM = [Bed("upper springhead", ["Tryphena", "Obadiah", "Amos"], 40, 3),
        Bed("flume bed", ["Keturah", "Jabez"], 26, 5),
        Bed("chalk stream bed", ["Zillah", "Ezra", "Mahala"], 33, "four"),
        Bed("lower hatch", ["Selina"], 12, 2)]


def word():
    return RegExMatch(r"[a-z]+")


def book_line():
    return OneOrMore(word), EOF


def cut(b):
    try:
        return {"bed": b.name, "bunchers": len(b.bunchers), "bunches_each": round(b.bunches_each(), 2)}
    except TypeError as exc:
        raise BuncherCutError(f"bunchers cannot cut the cress at {b.name!r}: {exc}") from exc


def cutting_book(day=5):
    parser = ParserPython(book_line)
    lines = []
    try:
        for b in FARM:
            row = cut(b)
            parser.parse(b.name)
            lines.append(f"{row['bed']}: {row['bunches_each']}\n")
        print("".join(unified_diff([], lines)))
    except BuncherCutError as exc:
        raise RuntimeError("cressbeds: the day's cutting book could not be made up") from exc
    return day


if __name__ == "__main__":
    cutting_book()
"""

BUNCHERS = [("Tryphena Buncher", "buncher@example.org"), ("Obadiah Springhead", "springhead@example.org"),
            ("Amos Flumewright", "flumewright@example.org")]


def python(tmp: Path) -> None:
    from capture_wide621 import SRC
    put_bugs(tmp / AP, AP_BUGS)
    put_bugs(tmp / PD, PD_BUGS)
    (tmp / "cressbeds.py").write_text(CRESSBEDS)
    history(tmp, SRC, "patiencediff", PD, ["patiencediff/_patiencediff_py.py", "patiencediff/test_patiencediff.py"],
            BUNCHERS, 62110, 14, PD_BUGS)


BEDS = ["Upper Springhead", "Flume Bed", "Chalk Stream Bed", "Lower Hatch", "Borehole Run", "Bunching Shed",
        "Cool Store", "Packing Bench", "Carrier Pond", "Sluice Walk", "Withy Bank Bed", "Trout Leat"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "cresstally"), ("casebook", "bunchersframe"), ("ledger host", "cutting book host"),
              ("litres left, days", "bunches left, days"), ("nothing left to pour", "nothing left to cut"),
              ("pour order", "cutting order"), ("pour grade", "cress grade"), ("Keg", "Bunch"),
              ("keg", "bunch"), ("Beer", "Cress"), ("beer", "cress"), ("Cellar", "Bed"),
              ("cellar", "bed"), ("Pints", "Sprigs"), ("pints", "sprigs"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(62114, 60, BEDS, GO_RENAMES)}
    write_tree(tmp / "cresstally", base)
    write_tree(tmp / "cresstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "cresstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "bunchersframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                           "scripts/backup.sh": rn(g273.BACKUP_SH),
                                           "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _cressbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CRESSBENCH").replace("weirkeeper", "cressbench")
            .replace("weir", "cressbed").replace("sluice", "flume_cut").replace("gate_t", "bunch_t")
            .replace("gates", "bunches").replace("level_cm", "flow_cm").replace("tide", "spring"))


def c_project(tmp: Path) -> None:
    root = tmp / "cressbench"
    rnd = random.Random(62111)
    files = {"src/cressbench.h": _cressbench(n191.SKIFF_H),
             "src/cressbench.c": _cressbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/cressbed_{k:02d}.c"] = _cressbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: cressbench\n\n"
                         "cressbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/cressbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build cressbench\n")
    write_tree(root, files)


def _bunchjig(text: str) -> str:
    return (text.replace("plumbline", "bunchjig").replace("Plumb-line survey", "Watercress farm's bunching runs")
            .replace("offset_per_m", "sprigs_per_bunch").replace("station_penalty", "bed_penalty")
            .replace("readings", "bunches").replace("reading", "bunch").replace("station", "bed"))


def rust(tmp: Path) -> None:
    root = tmp / "bunchjig"
    rnd = random.Random(62115)
    write_tree(root, {"Cargo.toml": _bunchjig(n191.CARGO).replace("0.3.4", "2.1.6"),
                      "src/lib.rs": _bunchjig(n191.LIB), "src/broken.rs": _bunchjig(n191.BROKEN),
                      "src/bunches.rs": _bunchjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide621 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "cressbeds.log", 62112, 2000, ["cress.main", "cress.beds", "cress.api", "cress.store"], {
        "INFO": lambda r: f"buncher {r.randint(1, 9)} cut {r.randint(2, 60)} bunches of cress on bed {r.randint(1, 400)} at the {r.choice(['upper', 'lower'])} springhead",
        "DEBUG": lambda r: f"spring flow check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"flume board {r.randint(1, 12)} silted to {r.randint(380, 900)} mm, clearing due",
        "ERROR": lambda r: f"borehole pump {r.randint(1, 8)} lost prime on bed {r.randint(1, 4)}, cutting stopped"},
        6211, "2026-12-01")
    app_log(d / "bunching.log", 62116, 1900, ["shed.bunchers", "shed.pack", "shed.api", "shed.db"], {
        "INFO": lambda r: f"buncher {r.randint(1, 24)} at {r.choice(BEDS)} tied {r.randint(850, 1100)} bunches",
        "DEBUG": lambda r: f"wash tank flush {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"bunching knife {r.randint(1, 6)} edge dulled {r.randint(5, 40)} percent, grinding due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"cool store {r.randint(1, 30)} rose to {r.randint(9, 18)} degrees during packing {r.randint(1, 700)}, dispatch held"},
        6221, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
