"""Round 523, the material the two Gemini CLI runs work in (no item is captured here): queuelib's sdist with bugs put in
(its own tests run as shipped) and a script that drives it wrongly, a git history built by committing its sources in
steps, the moulderstally Go module and the pugmillhead deploy scripts (round 273's, capture_wide273_go, in this
round's words and seed), a C project (`pugbench`) and a Rust crate (`hackjig`) on round 191's generators with other
names and seeds, a CSV and a sqlite table of the files of the round's own venv's site-packages and two application
logs. Run through capture_wide523.py. The generators are imported, never copied (round 516's material,
capture_wide516_mat, is the shape); only the words and seeds are this round's (base seed 52310)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

QL = "queuelib-1.10.0"

# queuelib: PriorityQueue.pop moves on to the highest priority left; FifoSQLiteQueue pops the newest row.
QL_BUGS = [("queuelib/pqueue.py", "            self.curprio = min(prios) if prios else None\n",
            "            self.curprio = max(prios) if prios else None\n"),
           ("queuelib/queue.py", '    _sql_pop = "SELECT id, item FROM queue ORDER BY id LIMIT 1"\n',
            '    _sql_pop = "SELECT id, item FROM queue ORDER BY id DESC LIMIT 1"\n')]

CLAMPSHEET = r"""
from queuelib.queue import FifoMemoryQueue


class ClampFiringError(RuntimeError):
    pass


class Hack:
    # a brickfield's hacks: the green bricks the moulders set out to dry, and the bricks a clamp fires per shift
    def __init__(self, name, moulders, bricks, per_shift):
        self.name = name
        self.moulders = FifoMemoryQueue()
        for moulder in moulders:
            self.moulders.push(moulder)
        self.bricks = bricks
        self.per_shift = per_shift

    def shifts(self):
        return self.bricks / self.per_shift / len(self.moulders)


FIELD = [Hack("hack one", ["Tom", "Ned", "Bill"], 4200, 350), Hack("hack two", ["Sam", "Jem"], 3600, 300),
         Hack("clamp side", ["Alf", "Dick", "Harry"], 5400, "four hundred"), Hack("hack four", ["Joe"], 1800, 225)]


def settle(hack):
    try:
        return {"hack": hack.name, "moulders": len(hack.moulders), "shifts_each": round(hack.shifts(), 2)}
    except TypeError as exc:
        raise ClampFiringError(f"burner cannot fire the bricks of {hack.name!r}: {exc}") from exc


def main():
    try:
        for hack in FIELD:
            print(settle(hack))
    except ClampFiringError as exc:
        raise RuntimeError("clampsheet: the week's firing sheet could not be drawn up") from exc


main()
"""

MOULDERS = [("Jacob Moulder", "moulder@example.org"), ("Martha Pugman", "pugman@example.org"),
            ("Eli Clampburner", "burner@example.org")]


def python(tmp: Path) -> None:
    from capture_wide523 import SRC
    put_bugs(tmp / QL, QL_BUGS)
    (tmp / QL / "clampsheet.py").write_text(CLAMPSHEET)
    history(tmp, SRC, "queuelib", QL, ["queuelib/queue.py", "queuelib/tests/test_queue.py"], MOULDERS, 52310, 30,
            QL_BUGS)


HACKS = ["Hack Row One", "Hack Row Two", "Pug Mill East", "Pug Mill West", "Clamp North", "Clamp South",
         "Moulding Shed", "Clay Pit", "Soak Pit", "Drying Shed", "Sand Store", "Burners Stage"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "moulderstally"), ("casebook", "pugmillhead"), ("ledger host", "drying shed host"),
              ("litres left, days", "bricks left, days"), ("nothing left to pour", "nothing left to fire"),
              ("pour order", "setting order"), ("pour grade", "clay grade"), ("Keg", "Clamp"),
              ("keg", "clamp"), ("Beer", "Clay"), ("beer", "clay"), ("Cellar", "Field"),
              ("cellar", "field"), ("Pints", "Bricks"), ("pints", "bricks"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(52314, 60, HACKS, GO_RENAMES)}
    write_tree(tmp / "moulderstally", base)
    write_tree(tmp / "moulderstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "moulderstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "pugmillhead-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _pugbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "PUGBENCH").replace("weirkeeper", "pugbench")
            .replace("weir", "pug").replace("sluice", "mould").replace("gate_t", "mill_t")
            .replace("gates", "mills").replace("level_cm", "clay_kg").replace("tide", "shift"))


def c_project(tmp: Path) -> None:
    root = tmp / "pugbench"
    rnd = random.Random(52311)
    files = {"src/pugbench.h": _pugbench(n191.SKIFF_H),
             "src/pugbench.c": _pugbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/pug_{k:02d}.c"] = _pugbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: pugbench\n\n"
                         "pugbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/pugbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build pugbench\n")
    write_tree(root, files)


def _hackjig(text: str) -> str:
    return (text.replace("plumbline", "hackjig").replace("Plumb-line survey", "Hack rows' drying runs")
            .replace("offset_per_m", "loss_per_hack").replace("station_penalty", "row_penalty")
            .replace("readings", "dryings").replace("reading", "drying").replace("station", "row"))


def rust(tmp: Path) -> None:
    root = tmp / "hackjig"
    rnd = random.Random(52315)
    write_tree(root, {"Cargo.toml": _hackjig(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _hackjig(n191.LIB), "src/broken.rs": _hackjig(n191.BROKEN),
                      "src/dryings.rs": _hackjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide523 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "brickfield.log", 52312, 2000, ["brick.main", "brick.moulders",
                                                "brick.api", "brick.store"], {
        "INFO": lambda r: f"moulder {r.randint(1, 9)} set {r.randint(200, 900)} green bricks on hack {r.randint(1, 12)} from pug mill {r.choice(['east', 'west'])}",
        "DEBUG": lambda r: f"pug mill turn {r.randint(1, 40)} took {r.randint(2, 70)} s",
        "WARNING": lambda r: f"hack {r.randint(1, 12)} bricks at {r.randint(10, 30)} percent moisture, turning due",
        "ERROR": lambda r: f"clamp {r.randint(1, 8)} fire broke through the casing on side {r.randint(1, 4)}, firing stopped"},
        5231, "2026-12-01")
    app_log(d / "hackstack.log", 52316, 1900, ["hack.rows", "hack.covers",
                                               "hack.api", "hack.db"], {
        "INFO": lambda r: f"row {r.randint(1, 24)} of {r.choice(HACKS)} stacked to {r.randint(6, 10)} courses",
        "DEBUG": lambda r: f"cover sweep {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"soak pit {r.randint(1, 6)} at {r.randint(5, 40)} percent water, tempering due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"hack cover {r.randint(1, 30)} blown off in rain during shift {r.randint(1, 700)}, row spoiled"},
        5331, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
