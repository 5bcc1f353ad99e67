"""Round 456, the material the two Gemini CLI runs work in (no item is captured here): yaspin's sdist with bugs put in
and a script that drives it wrongly, a git history built by committing its sources in steps, the quointally Go module
and the compositorworks deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`imposingstone`) and a Rust crate (`typefoundry`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide456.py. The generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

YS = "yaspin-3.5.1"

# yaspin: the space after the frame counted as two columns when the text is truncated; the spinner's interval read as
# hundredths of a second; `_set_side` accepting "left" and a misspelt "rigth" only; the timer's hundredths computed
# from tenths.
YS_BUGS = [("yaspin/core.py", "        frame_width += 1\n", "        frame_width += 2\n"),
           ("yaspin/core.py", "return spinner.interval * 0.001", "return spinner.interval * 0.01"),
           ("yaspin/core.py", 'if side not in ("left", "right"):', 'if side not in ("left", "rigth"):'),
           ("yaspin/core.py", "sec, fsec = divmod(round(100 * self.elapsed_time), 100)",
            "sec, fsec = divmod(round(10 * self.elapsed_time), 100)")]

MAKEREADY = r"""
import io

from yaspin import yaspin
from yaspin.spinners import Spinners


class MakereadyError(RuntimeError):
    pass


# a composing room's job sheet: each forme locked up in its chase, quoins driven from one side
FORMES = [("forme 1 (outer, 16pp)", "left"), ("forme 2 (inner, 16pp)", "right"), ("forme 3 (cover)", "left")]


def lock_up(forme, side):
    try:
        return yaspin(Spinners.line, text=f"locking {forme} on the imposing stone", side=side, stream=io.StringIO())
    except ValueError as exc:
        raise MakereadyError(f"makeready cannot lock {forme!r}: quoins on the {side} side refused") from exc


def main():
    try:
        for forme, side in FORMES:
            sp = lock_up(forme, side)
            print(forme, sp.side, f"{sp._interval:.3f} s a frame")
    except MakereadyError as exc:
        raise RuntimeError("makeready: the platen job for the composing room was not finished") from exc


main()
"""

COMPOSITORS = [("Ada Imposer", "imposer@example.org"), ("Silas Quoin", "quoin@example.org"),
               ("Nell Inkslab", "inkslab@example.org")]


def python(tmp: Path) -> None:
    from capture_wide456 import SRC
    put_bugs(tmp / YS, YS_BUGS)
    (tmp / YS / "makeready.py").write_text(MAKEREADY)
    history(tmp, SRC, "yaspin", YS, ["yaspin/core.py", "yaspin/api.py", "yaspin/constants.py", "README.md"],
            COMPOSITORS, 45610, 30, YS_BUGS)


PRESSES = ["Albion Press", "Columbian Press", "Stanhope Press", "Wharfedale Press", "Heidelberg Platen",
           "Chandler Platen", "Arab Platen", "Vandercook Proofer", "Miehle Vertical", "Colt's Armory",
           "Gordon Jobber", "Adana Platen"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "quointally"), ("casebook", "compositorworks"), ("ledger host", "composing room host"),
              ("litres left, days", "reams left, days"), ("nothing left to pour", "nothing left to print"),
              ("pour order", "print order"), ("pour grade", "paper grade"), ("Keg", "Quoin"),
              ("keg", "quoin"), ("Beer", "Ink"), ("beer", "ink"), ("Cellar", "Pressroom"),
              ("cellar", "pressroom"), ("Pints", "Sheets"), ("pints", "sheets"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(45614, 60, PRESSES, GO_RENAMES)}
    write_tree(tmp / "quointally", base)
    write_tree(tmp / "quointally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "quointally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "compositorworks-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                             "scripts/backup.sh": rn(g273.BACKUP_SH),
                                             "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _imposing(text: str) -> str:
    return (text.replace("WEIRKEEPER", "IMPOSINGSTONE").replace("weirkeeper", "imposingstone")
            .replace("weir", "composing").replace("sluice", "platen").replace("gate_t", "forme_t")
            .replace("gates", "formes").replace("level_cm", "leading_pt").replace("tide", "ink"))


def c_project(tmp: Path) -> None:
    root = tmp / "imposingstone"
    rnd = random.Random(45611)
    files = {"src/imposingstone.h": _imposing(n191.SKIFF_H), "src/inkslab.c": _imposing(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/composing_{k:02d}.c"] = _imposing(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: imposingstone\n\n"
                         "imposingstone: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/imposingstone.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build imposingstone\n")
    write_tree(root, files)


def _typefoundry(text: str) -> str:
    return (text.replace("plumbline", "typefoundry").replace("Plumb-line survey", "Typefoundry casting survey")
            .replace("offset_per_m", "set_per_em").replace("station_penalty", "matrix_penalty")
            .replace("readings", "castings").replace("reading", "casting").replace("station", "matrix"))


def rust(tmp: Path) -> None:
    root = tmp / "typefoundry"
    rnd = random.Random(45615)
    write_tree(root, {"Cargo.toml": _typefoundry(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _typefoundry(n191.LIB), "src/broken.rs": _typefoundry(n191.BROKEN),
                      "src/castings.rs": _typefoundry(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide456 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "composingroom.log", 45612, 2000, ["composingroom.main", "composingroom.galley",
                                                   "composingroom.api", "composingroom.store"], {
        "INFO": lambda r: f"compositor {r.randint(1, 6)} set {r.randint(1, 90)} lines of {r.choice([8, 10, 12, 14])}pt in {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"case sensor {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"forme {r.randint(1, 40)} springing {r.randint(2, 30)} thou after lock-up",
        "ERROR": lambda r: f"quoin {r.randint(1, 60)} slipped in chase {r.randint(1, 9)} during makeready"},
        4561, "2026-12-01")
    app_log(d / "platenroom.log", 45616, 1900, ["platenroom.press", "platenroom.feeder",
                                                "platenroom.api", "platenroom.db"], {
        "INFO": lambda r: f"platen {r.randint(1, 4)} ran {r.choice(PRESSES)} job at {r.randint(500, 3000)} impressions an hour",
        "DEBUG": lambda r: f"feeder probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"ink slab {r.randint(1, 20)} at {r.randint(60, 99)} percent coverage, re-ink due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"sheet {r.randint(1, 900)} misfed against the tympan on platen {r.randint(1, 7)}"},
        5461, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
