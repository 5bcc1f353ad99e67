"""Round 482, the material the two Gemini CLI runs work in (no item is captured here): looseversion's sdist with bugs
put in and a script that drives it wrongly, a git history built by committing its sources in steps, the posthorsetally
Go module and the coachhouse deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`postinghouse`) and a Rust crate (`waybill`) on round 191's generators with other names and seeds, a CSV and
a sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide482.py. The generators are imported, never copied (round 476's material, capture_wide476_mat, is the
shape); only the words and seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

LV = "looseversion-1.3.0"

# looseversion: `<=` answered as `<`; `>` answered as `>=`; Python 2's int-before-string order reversed in `_Py2Int`.
LV_BUGS = [("src/looseversion/__init__.py", "        return c <= 0\n", "        return c < 0\n"),
           ("src/looseversion/__init__.py", "        return c > 0\n", "        return c >= 0\n"),
           ("src/looseversion/__init__.py", "            if isinstance(other, str):\n                return False\n",
            "            if isinstance(other, str):\n                return True\n")]

POSTCHAISE = r"""
from looseversion import LooseVersion


class StageError(RuntimeError):
    pass


# a coaching inn's post chaise book: every stage's timetable revision ordered as the ostlers write them
TIMETABLES = {
    "London to Bath": ["1.2", "1.10", "1.2.1", "2.0b1", "2.0"],
    "Bath to Bristol": ["3.1", "3.1.1", "3.01", "3.2"],
    "Bristol to Exeter": ["4.2", "4.2a", "4.2.1", "4.10", "5"],
}


def latest(stage, revisions):
    try:
        return max(LooseVersion(r) for r in revisions)
    except TypeError as exc:
        raise StageError(f"postboy cannot order the timetable of {stage!r}: {exc}") from exc


def main():
    try:
        for stage, revisions in TIMETABLES.items():
            top = latest(stage, revisions)
            print(f"{stage:18} latest {top}  post-horses changed {len(revisions)} times, "
                  f"1.2 <= 1.2: {LooseVersion('1.2') <= LooseVersion('1.2')}")
    except StageError as exc:
        raise RuntimeError("postchaise: the stable yard's waybill could not be drawn up") from exc


main()
"""

OSTLERS = [("Tom Ostler", "ostler@example.org"), ("Ned Postboy", "postboy@example.org"),
           ("Sal Farrier", "farrier@example.org")]


def python(tmp: Path) -> None:
    from capture_wide482 import SRC
    put_bugs(tmp / LV, LV_BUGS)
    (tmp / LV / "postchaise.py").write_text(POSTCHAISE)
    history(tmp, SRC, "looseversion", LV, ["src/looseversion/__init__.py", "tests.py", "README.md"],
            OSTLERS, 48210, 24, LV_BUGS)


HORSES = ["Bay Gelding", "Grey Mare", "Chestnut Cob", "Black Leader", "Roan Wheeler", "Dun Pony", "Piebald Mare",
          "Skewbald Cob", "Sorrel Leader", "Dapple Grey", "Brown Wheeler", "Flea-bitten Grey"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "posthorsetally"), ("casebook", "coachhouse"), ("ledger host", "waybill host"),
              ("litres left, days", "miles left, stages"), ("nothing left to pour", "nothing left to change"),
              ("pour order", "change order"), ("pour grade", "stage grade"), ("Keg", "Horse"),
              ("keg", "horse"), ("Beer", "Stage"), ("beer", "stage"), ("Cellar", "Stable"),
              ("cellar", "stable"), ("Pints", "Miles"), ("pints", "miles"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(48214, 60, HORSES, GO_RENAMES)}
    write_tree(tmp / "posthorsetally", base)
    write_tree(tmp / "posthorsetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                            "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "posthorsetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                              "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "coachhouse-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _postinghouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "POSTINGHOUSE").replace("weirkeeper", "postinghouse")
            .replace("weir", "ostler").replace("sluice", "stage").replace("gate_t", "horse_t")
            .replace("gates", "horses").replace("level_cm", "miles_run").replace("tide", "coach"))


def c_project(tmp: Path) -> None:
    root = tmp / "postinghouse"
    rnd = random.Random(48211)
    files = {"src/postinghouse.h": _postinghouse(n191.SKIFF_H), "src/stagecoach.c": _postinghouse(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/ostler_{k:02d}.c"] = _postinghouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: postinghouse\n\n"
                         "postinghouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/postinghouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build postinghouse\n")
    write_tree(root, files)


def _waybill(text: str) -> str:
    return (text.replace("plumbline", "waybill").replace("Plumb-line survey", "Waybill of the post-horse stages")
            .replace("offset_per_m", "fare_per_mile").replace("station_penalty", "stage_penalty")
            .replace("readings", "stages").replace("reading", "stage").replace("station", "horse"))


def rust(tmp: Path) -> None:
    root = tmp / "waybill"
    rnd = random.Random(48215)
    write_tree(root, {"Cargo.toml": _waybill(n191.CARGO).replace("0.3.4", "2.4.8"),
                      "src/lib.rs": _waybill(n191.LIB), "src/broken.rs": _waybill(n191.BROKEN),
                      "src/stages.rs": _waybill(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide482 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "ostler.log", 48212, 2000, ["ostler.main", "ostler.yard",
                                            "ostler.api", "ostler.store"], {
        "INFO": lambda r: f"ostler {r.randint(1, 6)} changed {r.randint(2, 4)} post-horses for coach {r.choice([2, 3, 5, 8])} in {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"stall sensor {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"stage {r.randint(1, 40)} coach {r.randint(2, 30)} min behind the waybill",
        "ERROR": lambda r: f"post chaise {r.randint(1, 60)} lost a shoe at stage {r.randint(1, 9)}, farrier called"},
        4821, "2026-12-01")
    app_log(d / "stableyard.log", 48216, 1900, ["stableyard.stalls", "stableyard.forge",
                                                "stableyard.api", "stableyard.db"], {
        "INFO": lambda r: f"stall {r.randint(1, 4)} fed {r.choice(HORSES)} {r.randint(5, 30)} lb of oats",
        "DEBUG": lambda r: f"hay loft probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"forge {r.randint(1, 20)} at {r.randint(5, 40)} percent of its coal, shoeing due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"horse {r.randint(1, 900)} lame after stage {r.randint(1, 7)}, taken off the road"},
        8421, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
