"""Round 546, the material the two Gemini CLI runs work in (no item is captured here): HeapDict's sdist with bugs put
in (its own tests run as shipped) and a script that draws a rope ferry landing's crossing sheet wrongly, a git history
built by committing its sources in steps, the ferrymantally Go module and the warpframe deploy scripts (round 273's,
capture_wide273_go, in this round's words and seed), a C project (`capstanbench`) and a Rust crate (`slipjig`) on round
191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide546.py. The generators are imported, never copied
(round 530's material, capture_wide530_mat, is the shape); only the words and seeds are this round's (base seed
54610)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

HD = "HeapDict-1.0.1"

# heapdict: _min_heapify looks for the right child one slot too far on; popitem gives the moved wrapper position 1.
HD_BUGS = [("heapdict.py", "            r = (i + 1) << 1\n", "            r = (i + 2) << 1\n"),
           ("heapdict.py", "            self.heap[0][2] = 0\n", "            self.heap[0][2] = 1\n")]

CROSSINGSHEET = r"""
from heapdict import heapdict


class CapstanWarpError(RuntimeError):
    pass


class Crossing:
    # a rope ferry landing's crossings: the ferrymen at a capstan, the tonnes they warp over, the minutes it takes
    def __init__(self, name, ferrymen, tonnes, minutes):
        self.name = name
        self.ferrymen = list(ferrymen)
        self.tonnes = tonnes
        self.minutes = minutes

    def minutes_each(self):
        return self.tonnes * self.minutes / len(self.ferrymen)


LANDING = [Crossing("upper slipway", ["Jonas", "Eli", "Thaddeus"], 12, 25),
           Crossing("lower slipway", ["Gideon", "Ezra"], 9, 30),
           Crossing("capstan house", ["Micah", "Asa", "Boaz"], 15, "twenty"),
           Crossing("chain landing", ["Obed"], 6, 35)]


def warp(crossing):
    try:
        return {"crossing": crossing.name, "ferrymen": len(crossing.ferrymen),
                "minutes_each": round(crossing.minutes_each(), 2)}
    except TypeError as exc:
        raise CapstanWarpError(f"capstan cannot warp the ferry over for {crossing.name!r}: {exc}") from exc


def sheet(day=3):
    queue = heapdict()
    try:
        for crossing in LANDING:
            row = warp(crossing)
            queue[crossing.name] = row["minutes_each"]
            print(day, row)
    except CapstanWarpError as exc:
        raise RuntimeError("crossingsheet: the day's crossing sheet could not be drawn up") from exc
    return queue


if __name__ == "__main__":
    sheet()
"""

FERRYMEN = [("Jonas Capstanwright", "capstanwright@example.org"), ("Martha Slipwarden", "slipwarden@example.org"),
            ("Gideon Warpman", "warpman@example.org")]


def python(tmp: Path) -> None:
    from capture_wide546 import SRC
    put_bugs(tmp / HD, HD_BUGS)
    (tmp / HD / "crossingsheet.py").write_text(CROSSINGSHEET)
    history(tmp, SRC, "heapdict", HD, ["heapdict.py", "test_heap.py", "README.rst"], FERRYMEN, 54610, 8, HD_BUGS)


LANDINGS = ["Upper Slipway", "Lower Slipway", "Capstan House", "Chain Landing", "Toll Hut", "Warp Shed",
            "Ferry Steps", "Rope Walk", "Mooring Post", "Tide Gauge", "Cattle Ramp", "Boat Store"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "ferrymantally"), ("casebook", "warpframe"), ("ledger host", "toll hut host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to warp"),
              ("pour order", "crossing order"), ("pour grade", "rope grade"), ("Keg", "Capstan"),
              ("keg", "capstan"), ("Beer", "Rope"), ("beer", "rope"), ("Cellar", "Landing"),
              ("cellar", "landing"), ("Pints", "Fathoms"), ("pints", "fathoms"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(54614, 60, LANDINGS, GO_RENAMES)}
    write_tree(tmp / "ferrymantally", base)
    write_tree(tmp / "ferrymantally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "ferrymantally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "warpframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _capstanbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CAPSTANBENCH").replace("weirkeeper", "capstanbench")
            .replace("weir", "capstan").replace("sluice", "warp").replace("gate_t", "slip_t")
            .replace("gates", "slips").replace("level_cm", "slack_cm").replace("tide", "haul"))


def c_project(tmp: Path) -> None:
    root = tmp / "capstanbench"
    rnd = random.Random(54611)
    files = {"src/capstanbench.h": _capstanbench(n191.SKIFF_H),
             "src/capstanbench.c": _capstanbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/capstan_{k:02d}.c"] = _capstanbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: capstanbench\n\n"
                         "capstanbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/capstanbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build capstanbench\n")
    write_tree(root, files)


def _slipjig(text: str) -> str:
    return (text.replace("plumbline", "slipjig").replace("Plumb-line survey", "Ferry crossings' warp runs")
            .replace("offset_per_m", "drift_per_haul").replace("station_penalty", "crossing_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "crossing"))


def rust(tmp: Path) -> None:
    root = tmp / "slipjig"
    rnd = random.Random(54615)
    write_tree(root, {"Cargo.toml": _slipjig(n191.CARGO).replace("0.3.4", "1.4.6"),
                      "src/lib.rs": _slipjig(n191.LIB), "src/broken.rs": _slipjig(n191.BROKEN),
                      "src/hauls.rs": _slipjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide546 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "ferrylanding.log", 54612, 2000, ["ferry.main", "ferry.capstans",
                                                  "ferry.api", "ferry.tolls"], {
        "INFO": lambda r: f"ferryman {r.randint(1, 9)} warped {r.randint(2, 30)} tonnes over on crossing {r.randint(1, 400)} from slipway {r.choice(['upper', 'lower'])}",
        "DEBUG": lambda r: f"capstan pawl check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"chain {r.randint(1, 12)} slack at {r.randint(38, 90)} cm, haul due",
        "ERROR": lambda r: f"capstan {r.randint(1, 8)} pawl slipped during crossing on slipway {r.randint(1, 4)}, ferry held"},
        5461, "2026-12-01")
    app_log(d / "warpline.log", 54616, 1900, ["warp.ropes", "warp.winch",
                                              "warp.api", "warp.db"], {
        "INFO": lambda r: f"rope {r.randint(1, 24)} at {r.choice(LANDINGS)} tensioned to {r.randint(60, 110)} kN",
        "DEBUG": lambda r: f"winch sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"warp line {r.randint(1, 6)} frayed {r.randint(5, 40)} percent, splice due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"warp winch {r.randint(1, 30)} stalled at {r.randint(50, 85)} kN during haul {r.randint(1, 700)}, crossing abandoned"},
        5471, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
