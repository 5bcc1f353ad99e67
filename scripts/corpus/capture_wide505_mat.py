"""Round 505, the material the two Gemini CLI runs work in (no item is captured here): fasteners' sdist with bugs put
in (its own tests run as shipped) and a script that drives it wrongly, a git history built by committing its sources
in steps, the stampstally Go module and the stampshead deploy scripts (round 273's, capture_wide273_go, in this
round's words and seed), a C project (`buddlebench`) and a Rust crate (`vannerjig`) on round 191's generators with
other names and seeds, a CSV and a sqlite table of the files of the round's own venv's site-packages and two
application logs. Run through capture_wide505.py. The generators are imported, never copied (round 494's material,
capture_wide494_mat, is the shape); only the words and seeds are this round's (base seed 50510)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

FA = "fasteners-0.20"

# fasteners: ReaderWriterLock.owner reports a writer as a reader; InterProcessLock.acquire never marks the lock
# acquired (so its release refuses). (The bugs first fixed here, is_reader and StopWatch.expired inverted, hung the
# suite's own busy-wait loops and were replaced before any item was kept.)
FA_BUGS = [("fasteners/lock.py", "        if self._writer is not None:\n            return self.WRITER\n",
            "        if self._writer is not None:\n            return self.READER\n"),
           ("fasteners/process_lock.py",
            "            self.acquired = True\n            self.logger.log(_utils.BLATHER,\n"
            "                            \"Acquired file lock `%s` after waiting",
            "            self.acquired = False\n            self.logger.log(_utils.BLATHER,\n"
            "                            \"Acquired file lock `%s` after waiting")]

TRIBUTECHECK = r"""
import fasteners


class TributerShareError(RuntimeError):
    pass


class Pitch:
    # a dressing floor's pitches: each tribute gang's tons of black tin off the buddles, as the captain chalks them
    def __init__(self, name, tons_dressed, price_per_ton, tributers):
        self.name = name
        self.tons_dressed = tons_dressed
        self.price_per_ton = price_per_ton
        self.tributers = tributers
        self._lock = fasteners.ReaderWriterLock()

    @fasteners.read_locked
    def share(self):
        return self.tons_dressed * self.price_per_ton / self.tributers


BOARD = [Pitch("buddle pitch east", 3, 61.5, 4), Pitch("round buddle two", 5, 58.0, 6),
         Pitch("stamps floor north", "nine", 60.25, 5), Pitch("vanner house", 2, 63.0, 2)]


def settle(pitch):
    try:
        return {"pitch": pitch.name, "share": round(pitch.share(), 2), "tributers": pitch.tributers}
    except TypeError as exc:
        raise TributerShareError(f"captain cannot settle the tribute at {pitch.name!r}: {exc}") from exc


def main():
    try:
        for pitch in BOARD:
            print(settle(pitch))
    except TributerShareError as exc:
        raise RuntimeError("tributecheck: the setting-day account could not be drawn up") from exc


main()
"""

TRIBUTERS = [("Jenny Buddler", "buddler@example.org"), ("Tom Tributer", "tributer@example.org"),
             ("Loveday Kiever", "kiever@example.org")]


def python(tmp: Path) -> None:
    from capture_wide505 import SRC
    put_bugs(tmp / FA, FA_BUGS)
    (tmp / FA / "tributecheck.py").write_text(TRIBUTECHECK)
    history(tmp, SRC, "fasteners", FA, ["fasteners/lock.py", "tests/test_lock.py"], TRIBUTERS, 50510, 30, FA_BUGS)


KIEVES = ["Round Buddle One", "Round Buddle Two", "Kieve East", "Kieve West", "Stamps Head Six", "Vanner Frame",
          "Slimes Pit", "Calciner Bin", "Jig Box North", "Rag Frame", "Tye Trough", "Cobbing Bench"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "stampstally"), ("casebook", "stampshead"), ("ledger host", "count house host"),
              ("litres left, days", "tons left, shifts"), ("nothing left to pour", "nothing left to dress"),
              ("pour order", "dressing order"), ("pour grade", "tin grade"), ("Keg", "Kieve"),
              ("keg", "kieve"), ("Beer", "Tin"), ("beer", "tin"), ("Cellar", "Floor"),
              ("cellar", "floor"), ("Pints", "Tons"), ("pints", "tons"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(50514, 60, KIEVES, GO_RENAMES)}
    write_tree(tmp / "stampstally", base)
    write_tree(tmp / "stampstally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "stampstally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "stampshead-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _buddlebench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BUDDLEBENCH").replace("weirkeeper", "buddlebench")
            .replace("weir", "buddle").replace("sluice", "slime").replace("gate_t", "frame_t")
            .replace("gates", "frames").replace("level_cm", "head_mm").replace("tide", "floor"))


def c_project(tmp: Path) -> None:
    root = tmp / "buddlebench"
    rnd = random.Random(50511)
    files = {"src/buddlebench.h": _buddlebench(n191.SKIFF_H),
             "src/buddlebench.c": _buddlebench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/buddle_{k:02d}.c"] = _buddlebench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: buddlebench\n\n"
                         "buddlebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/buddlebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build buddlebench\n")
    write_tree(root, files)


def _vannerjig(text: str) -> str:
    return (text.replace("plumbline", "vannerjig").replace("Plumb-line survey", "Vanner house's jig runs")
            .replace("offset_per_m", "loss_per_ton").replace("station_penalty", "frame_penalty")
            .replace("readings", "runs").replace("reading", "run").replace("station", "frame"))


def rust(tmp: Path) -> None:
    root = tmp / "vannerjig"
    rnd = random.Random(50515)
    write_tree(root, {"Cargo.toml": _vannerjig(n191.CARGO).replace("0.3.4", "1.7.3"),
                      "src/lib.rs": _vannerjig(n191.LIB), "src/broken.rs": _vannerjig(n191.BROKEN),
                      "src/runs.rs": _vannerjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide505 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "buddle.log", 50512, 2000, ["buddle.main", "buddle.stamps",
                                            "buddle.api", "buddle.store"], {
        "INFO": lambda r: f"stamps head {r.randint(1, 6)} crushed {r.randint(2, 40)} barrows from pitch {r.randint(1, 9)} at {r.choice([40, 60, 80])} blows a minute",
        "DEBUG": lambda r: f"buddle sweep {r.randint(1, 30)} turned in {r.randint(2, 70)} s",
        "WARNING": lambda r: f"round buddle {r.randint(1, 8)} head at {r.randint(5, 40)} percent tin, below the captain's sample",
        "ERROR": lambda r: f"tributer gang {r.randint(1, 6)} lost the slimes of parcel {r.randint(1, 90)}, buddle stopped"},
        5051, "2026-12-01")
    app_log(d / "kieve.log", 50516, 1900, ["kieve.frames", "kieve.vanners",
                                           "kieve.api", "kieve.db"], {
        "INFO": lambda r: f"kieve {r.randint(1, 4)} tossed {r.choice(KIEVES)} parcel {r.randint(5, 30)} times",
        "DEBUG": lambda r: f"vanner belt {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"rag frame {r.randint(1, 20)} at {r.randint(5, 40)} percent of its wash, packing due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"stamps head {r.randint(1, 9)} lost water during shift {r.randint(1, 700)}, kieve held"},
        5150, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
