"""Round 644, the material the two Gemini CLI runs work in (no item is captured here): hurry.filesize's and datasize's
sdists with bugs put in (their own tests run as shipped) and a script that draws a rushlight maker's dipping book
wrongly, a git history built by committing datasize's sources in steps, the rushtally Go module and the rushframe
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`rushbench`) and a Rust
crate (`pithjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide644.py. The generators are imported,
never copied (round 632's material, capture_wide632_mat, is the shape; its site-packages table step is reused with
this round's paths); only the words and seeds are this round's (base seed 64410)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

HF = "hurry.filesize-0.9"
DS = "datasize-1.0.0"

# hurry.filesize: size rounds instead of truncating; the singular is taken for any amount under 2
HF_BUGS = [("src/hurry/filesize/filesize.py", "amount = int(bytes/factor)", "amount = round(bytes/factor)"),
           ("src/hurry/filesize/filesize.py", "if amount == 1:", "if amount < 2:")]
# datasize: the metric K is 1024; bits round down to bytes
DS_BUGS = [("datasize/__datasize__.py", "'K': 1000,", "'K': 1024,"),
           ("datasize/__datasize__.py", "B = ceil(b/word_length)", "B = b // word_length")]

RUSHYARD = r"""
from datasize import DataSize
from hurry.filesize import size, verbose


class RushDipError(RuntimeError):
    pass


class Dipper:
    # a rushlight maker's yard: the dippers at a tallow pan, the rushes peeled, the pans of tallow used
    def __init__(self, name, dippers, rushes, pans):
        self.name = name
        self.dippers = list(dippers)
        self.rushes = rushes
        self.pans = pans

    def rushes_each(self):
        return self.rushes * self.pans / len(self.dippers)


YARD = [Dipper("pith peeling bench", ["Hester", "Jabez", "Keziah"], 240, 2),
        Dipper("tallow pan", ["Obed", "Tamsin"], 180, 3),
        Dipper("grease skillet", ["Lettice", "Reuben", "Zillah"], 300, "four"),
        Dipper("drying rack", ["Josiah"], 90, 2)]


def dip(d):
    try:
        return {"pan": d.name, "dippers": len(d.dippers), "rushes_each": round(d.rushes_each(), 2),
                "book": size(int(DataSize("%dKB" % d.rushes)), system=verbose)}
    except TypeError as exc:
        raise RushDipError(f"dippers cannot dip the rushes at {d.name!r}: {exc}") from exc


def dipping_book():
    book = []
    try:
        for d in YARD:
            book.append(dip(d))
    except RushDipError as exc:
        raise RuntimeError("rushyard: the day's dipping book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(dipping_book())
"""

DIPPERS = [("Hester Rushdipper", "rushdipper@example.org"), ("Jabez Pithpeeler", "pithpeeler@example.org"),
           ("Keziah Tallowpan", "tallowpan@example.org")]


def python(tmp: Path) -> None:
    from capture_wide644 import SRC
    put_bugs(tmp / HF, HF_BUGS)
    put_bugs(tmp / DS, DS_BUGS)
    (tmp / "rushyard.py").write_text(RUSHYARD)
    history(tmp, SRC, "datasize", DS, ["datasize/__datasize__.py", "datasize/test.py"], DIPPERS, 64410, 24, DS_BUGS)


PANS = ["Pith Bench", "Tallow Pan", "Grease Skillet", "Drying Rack", "Rush Bed", "Peeling Shed", "Marsh Gate",
        "Cart Shed", "Reed Cut", "Fen Ride", "Bundle Loft", "Nip Stand"]
GO_RENAMES = (("kegtally", "rushtally"), ("casebook", "rushframe"), ("ledger host", "dipping book host"),
              ("litres left, days", "pans left, days"), ("nothing left to pour", "nothing left to dip"),
              ("pour order", "dipping order"), ("pour grade", "rush grade"), ("Keg", "Rush"),
              ("keg", "rush"), ("Beer", "Tallow"), ("beer", "tallow"), ("Cellar", "Pan"),
              ("cellar", "pan"), ("Pints", "Piths"), ("pints", "piths"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(64414, 60, PANS, GO_RENAMES)}
    write_tree(tmp / "rushtally", base)
    write_tree(tmp / "rushtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "rushtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "rushframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _rushbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "RUSHBENCH").replace("weirkeeper", "rushbench")
            .replace("weir", "rushpan").replace("sluice", "pith_cut").replace("gate_t", "dip_t")
            .replace("gates", "dips").replace("level_cm", "tallow_mm").replace("tide", "fen"))


def c_project(tmp: Path) -> None:
    root = tmp / "rushbench"
    rnd = random.Random(64411)
    files = {"src/rushbench.h": _rushbench(n191.SKIFF_H), "src/rushbench.c": _rushbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/rushpan_{k:02d}.c"] = _rushbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: rushbench\n\n"
                         "rushbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/rushbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build rushbench\n")
    write_tree(root, files)


def _pithjig(text: str) -> str:
    return (text.replace("plumbline", "pithjig").replace("Plumb-line survey", "Rushlight yard's dipping runs")
            .replace("offset_per_m", "tallow_per_rush").replace("station_penalty", "pan_penalty")
            .replace("readings", "dips").replace("reading", "dip").replace("station", "pan"))


def rust(tmp: Path) -> None:
    root = tmp / "pithjig"
    rnd = random.Random(64415)
    write_tree(root, {"Cargo.toml": _pithjig(n191.CARGO).replace("0.3.4", "2.1.3"),
                      "src/lib.rs": _pithjig(n191.LIB), "src/broken.rs": _pithjig(n191.BROKEN),
                      "src/dips.rs": _pithjig(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide644 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "rushyard.log", 64412, 2000, ["rush.main", "rush.pan", "rush.api", "rush.store"], {
        "INFO": lambda r: f"dipper {r.randint(1, 9)} dipped {r.randint(20, 600)} rushes at pan {r.randint(1, 400)} in {r.choice(['mutton', 'beef'])} tallow",
        "DEBUG": lambda r: f"pith peel check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"tallow pan {r.randint(1, 12)} down to {r.randint(38, 90)} mm, top-up due",
        "ERROR": lambda r: f"dipping frame {r.randint(1, 8)} snagged at pan {r.randint(1, 4)}, dipping stopped"},
        6441, "2026-12-01")
    app_log(d / "dipping.log", 64416, 1900, ["shed.dippers", "shed.pack", "shed.api", "shed.db"], {
        "INFO": lambda r: f"dipper {r.randint(1, 24)} at {r.choice(PANS)} peeled {r.randint(850, 1100)} rushes",
        "DEBUG": lambda r: f"fen cart weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"peeling knife {r.randint(1, 6)} edge dulled {r.randint(5, 40)} percent, whetting due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"drying rack {r.randint(1, 30)} rose to {r.randint(31, 48)} degrees during batch {r.randint(1, 700)}, bundling held"},
        6451, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
