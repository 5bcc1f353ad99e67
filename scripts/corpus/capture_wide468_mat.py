"""Round 468, the material the two Gemini CLI runs work in (no item is captured here): awesomeversion's sdist with bugs
put in and a script that drives it wrongly, a git history built by committing its sources in steps, the parreltally Go
module and the riggingloft deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C
project (`binnacle`) and a Rust crate (`marlinspike`) on round 191's generators with other names and seeds, a CSV and a
sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide468.py. The generators are imported, never copied; only the words and seeds are this round's."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

AV = "awesomeversion-25.8.0"

# awesomeversion: the base sections compared up to the next-to-last one only; semver modifier priorities compared the
# wrong way round; a hexver's value read for section 1 instead of 0; a semver counted as 2 sections.
AV_BUGS = [("awesomeversion/comparehandlers/sections.py", "    for section in range(0, biggest):\n",
            "    for section in range(0, biggest - 1):\n"),
           ("awesomeversion/comparehandlers/modifier.py", "        return priority_a > priority_b\n",
            "        return priority_a < priority_b\n"),
           ("awesomeversion/awesomeversion.py", "return int(self.string, 16) if idx == 0 else 0",
            "return int(self.string, 16) if idx == 1 else 0"),
           ("awesomeversion/awesomeversion.py", "            self._sections = 3\n",
            "            self._sections = 2\n")]

BULLSEYE = r"""
from awesomeversion import AwesomeVersion, AwesomeVersionStrategy
from awesomeversion.exceptions import AwesomeVersionStrategyException


class BlockmakerError(RuntimeError):
    pass


# a chandlery's stock book: every block, coil of cordage and lamp filed under its maker's pattern number
STOCK = [("double sheave block, ash shell", "2.4.1"), ("manila cordage, 3-strand 24 mm", "3.0.0-beta.2"),
         ("bullseye deck lamp, brass", "1.4"), ("belaying pin, lignum vitae", "1.12.0")]


def pattern(item, version):
    try:
        return AwesomeVersion(version, ensure_strategy=AwesomeVersionStrategy.SEMVER)
    except AwesomeVersionStrategyException as exc:
        raise BlockmakerError(f"blockmaker cannot file {item!r}: pattern {version} is not a semver") from exc


def main():
    try:
        for item, version in STOCK:
            v = pattern(item, version)
            print(item, v.major, v.minor, v.patch, v.sections)
    except BlockmakerError as exc:
        raise RuntimeError("bullseye: the rope store's stock book was not balanced") from exc


main()
"""

CHANDLERS = [("Tom Blockmaker", "blockmaker@example.org"), ("Mary Sidelight", "sidelight@example.org"),
             ("Ned Marlinspike", "marlinspike@example.org")]


def python(tmp: Path) -> None:
    from capture_wide468 import SRC
    put_bugs(tmp / AV, AV_BUGS)
    (tmp / AV / "bullseye.py").write_text(BULLSEYE)
    history(tmp, SRC, "awesomeversion", AV, ["awesomeversion/awesomeversion.py",
                                             "awesomeversion/comparehandlers/modifier.py",
                                             "awesomeversion/comparehandlers/sections.py", "README.md"],
            CHANDLERS, 46810, 30, AV_BUGS)


ROPES = ["Manila Hawser", "Tarred Marline", "Hemp Ratline", "Coir Warp", "Sisal Messenger", "Cotton Log Line",
         "Italian Hemp", "Spunyarn", "Houseline", "Flag Halliard Line", "Bolt Rope", "Cable-laid Hawser"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "parreltally"), ("casebook", "riggingloft"), ("ledger host", "rope store host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to splice"),
              ("pour order", "splice order"), ("pour grade", "lay grade"), ("Keg", "Parrel"),
              ("keg", "parrel"), ("Beer", "Hawser"), ("beer", "hawser"), ("Cellar", "Loft"),
              ("cellar", "loft"), ("Pints", "Fathoms"), ("pints", "fathoms"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(46814, 60, ROPES, GO_RENAMES)}
    write_tree(tmp / "parreltally", base)
    write_tree(tmp / "parreltally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "parreltally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "riggingloft-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                         "scripts/backup.sh": rn(g273.BACKUP_SH),
                                         "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _binnacle(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BINNACLE").replace("weirkeeper", "binnacle")
            .replace("weir", "sidelight").replace("sluice", "wick").replace("gate_t", "lamp_t")
            .replace("gates", "lamps").replace("level_cm", "flame_mm").replace("tide", "oil"))


def c_project(tmp: Path) -> None:
    root = tmp / "binnacle"
    rnd = random.Random(46811)
    files = {"src/binnacle.h": _binnacle(n191.SKIFF_H), "src/lamplighter.c": _binnacle(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/sidelight_{k:02d}.c"] = _binnacle(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: binnacle\n\n"
                         "binnacle: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/binnacle.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build binnacle\n")
    write_tree(root, files)


def _marlinspike(text: str) -> str:
    return (text.replace("plumbline", "marlinspike").replace("Plumb-line survey", "Marlinspike splicing survey")
            .replace("offset_per_m", "turns_per_fathom").replace("station_penalty", "splice_penalty")
            .replace("readings", "splices").replace("reading", "splice").replace("station", "strand"))


def rust(tmp: Path) -> None:
    root = tmp / "marlinspike"
    rnd = random.Random(46815)
    write_tree(root, {"Cargo.toml": _marlinspike(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _marlinspike(n191.LIB), "src/broken.rs": _marlinspike(n191.BROKEN),
                      "src/splices.rs": _marlinspike(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide468 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "ropestore.log", 46812, 2000, ["ropestore.main", "ropestore.coils",
                                               "ropestore.api", "ropestore.store"], {
        "INFO": lambda r: f"rigger {r.randint(1, 6)} cut {r.randint(1, 90)} fathoms of {r.choice([12, 16, 20, 24])} mm line in {r.randint(3, 24)} min",
        "DEBUG": lambda r: f"coil scale {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"coil {r.randint(1, 40)} short by {r.randint(2, 30)} fathoms against the stock book",
        "ERROR": lambda r: f"block {r.randint(1, 60)} sheave pin seized on shelf {r.randint(1, 9)} during stocktake"},
        4681, "2026-12-01")
    app_log(d / "deadlight.log", 46816, 1900, ["deadlight.lamps", "deadlight.wicks",
                                               "deadlight.api", "deadlight.db"], {
        "INFO": lambda r: f"lamp bench {r.randint(1, 4)} trimmed {r.choice(ROPES)} lanterns at {r.randint(5, 30)} an hour",
        "DEBUG": lambda r: f"wick probe {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"oil tank {r.randint(1, 20)} at {r.randint(5, 40)} percent, refill due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"deadlight glass {r.randint(1, 900)} cracked in its bezel on bench {r.randint(1, 7)}"},
        6481, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
