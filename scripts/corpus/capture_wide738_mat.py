"""Round 738, the material the two Gemini CLI runs work in (no item is captured here): jump-consistent-hash's and
crcelk's sdists with bugs put in (jump's own tests run as shipped; crcelk's doctests are its only tests) and a script
that makes up a reed cutter's bundle book wrongly, a git history built by committing jump's sources in steps, the
fathomtally Go module and the marshbook deploy scripts (round 273's, capture_wide273_go, in this round's words and
seed), a C project (`dykebench`) and a Rust crate (`bundlejig`) on round 191's generators with other names and seeds,
a CSV and a sqlite table of the files of the round's own venv's site-packages and two application logs. Run through
capture_wide738.py. The generators are imported, never copied (round 730's material is the shape); only the words and
seeds are this round's (base seed 73810)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

JC = "jump_consistent_hash-3.6.0"
RS = "crcelk-1.3"

# jump: the linear congruential step's increment 1 made 3; zero buckets let through
JC_BUGS = [("src/jump/__init__.py", "key = (key * 2862933555777941757 + 1)", "key = (key * 2862933555777941757 + 3)"),
           ("src/jump/__init__.py", "if num_buckets < 1:", "if num_buckets < 0:")]
# crcelk: reflect drops the top bit; CRC-32C's polynomial loses its x^14 term
RS_BUGS = [("crcelk.py", "for x in range(width))", "for x in range(width - 1))"),
           ("crcelk.py", "polynomial=(32, 28, 27, 26, 25, 23, 22, 20, 19, 18, 14, 13",
            "polynomial=(32, 28, 27, 26, 25, 23, 22, 20, 19, 18, 13")]

REEDCUT = r"""
import jump
import crcelk


class BundleFailedError(RuntimeError):
    pass


class Bed:
    # a reed cutter's bundle book: the cutters on the reed bed, the fathoms cut, the stacks by the dyke
    def __init__(self, name, cutters, fathoms, stacks):
        self.name = name
        self.cutters = list(cutters)
        self.fathoms = fathoms
        self.stacks = stacks

    def stack_for(self, bundle):
        return jump.hash(bundle, self.stacks)


BOOK = [Bed("north fen", ["Jonas", "Martha", "Ezra"], 14, 6),
        Bed("dyke end", ["Obed", "Keziah"], 9, 4),
        Bed("long marsh", ["Amos", "Tabitha", "Enoch"], 12, "five"),
        Bed("mill drain", ["Mercy"], 5, 3)]


def cutting(bed):
    try:
        label = f"{bed.name}:{bed.fathoms}:{','.join(bed.cutters)}"
        check = crcelk.CRC32.calc_string(label)
        stacks = [bed.stack_for(check + n) for n in range(bed.fathoms)]
        return {"bed": bed.name, "check": f"{check:08X}", "stacks": stacks}
    except TypeError as exc:
        raise BundleFailedError(f"bundles cannot be stacked on the {bed.name!r} bed: {exc}") from exc


def bundle_book():
    book = []
    try:
        for bed in BOOK:
            book.append(cutting(bed))
    except BundleFailedError as exc:
        raise RuntimeError("reedcut: the bundle book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(bundle_book())
"""

CUTTERS = [("Jonas Sedge", "sedge@example.org"), ("Martha Bulrush", "bulrush@example.org"),
           ("Ezra Thatchmoor", "thatchmoor@example.org")]


def python(tmp: Path) -> None:
    from capture_wide738 import SRC
    put_bugs(tmp / JC, JC_BUGS)
    put_bugs(tmp / RS, RS_BUGS)
    (tmp / "reedcut.py").write_text(REEDCUT)
    history(tmp, SRC, "jump", JC, ["src/jump/__init__.py", "tests/test_jump.py"],
            CUTTERS, 73810, 8, JC_BUGS)


ROOMS = ["North Fen", "Dyke End", "Long Marsh", "Mill Drain", "Reed Stack One", "Reed Stack Two",
         "Staithe", "Bundle Yard", "Cutting Shed", "Wherry Mooring", "Sedge Bank", "Thatch Store"]
GO_RENAMES = (("kegtally", "fathomtally"), ("casebook", "marshbook"), ("ledger host", "bundle book host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to cut"),
              ("pour order", "cutting order"), ("pour grade", "reed grade"), ("Keg", "Bundle"),
              ("keg", "bundle"), ("Beer", "Reed"), ("beer", "reed"), ("Cellar", "Fen"),
              ("cellar", "fen"), ("Pints", "Fathoms"), ("pints", "fathoms"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(73814, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "fathomtally", base)
    write_tree(tmp / "fathomtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "fathomtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "marshbook-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _dyke(text: str) -> str:
    return (text.replace("WEIRKEEPER", "DYKEBENCH").replace("weirkeeper", "dykebench")
            .replace("weir", "dyke").replace("sluice", "drain").replace("gate_t", "bundle_t")
            .replace("gates", "bundles").replace("level_cm", "water_cm").replace("tide", "fen"))


def c_project(tmp: Path) -> None:
    root = tmp / "dykebench"
    rnd = random.Random(73811)
    files = {"src/dykebench.h": _dyke(n191.SKIFF_H), "src/dykebench.c": _dyke(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/dyke_{k:02d}.c"] = _dyke(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: dykebench\n\n"
                         "dykebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/dykebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build dykebench\n")
    write_tree(root, files)


def _bundle(text: str) -> str:
    return (text.replace("plumbline", "bundlejig").replace("Plumb-line survey", "Reed cutter's bundle jig")
            .replace("offset_per_m", "reeds_per_fathom").replace("station_penalty", "rot_penalty")
            .replace("readings", "cuttings").replace("reading", "cutting").replace("station", "bundle"))


def rust(tmp: Path) -> None:
    root = tmp / "bundlejig"
    rnd = random.Random(73815)
    write_tree(root, {"Cargo.toml": _bundle(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _bundle(n191.LIB), "src/broken.rs": _bundle(n191.BROKEN),
                      "src/cuttings.rs": _bundle(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide738 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "reedcut.log", 73812, 2000, ["reed.main", "reed.bed", "reed.api", "reed.store"], {
        "INFO": lambda r: f"cutter {r.randint(1, 9)} tied {r.randint(10, 400)} bundles from bed {r.randint(1, 300)} of {r.choice(['water reed', 'sedge'])}",
        "DEBUG": lambda r: f"dyke gauge {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"reed bed {r.randint(1, 12)} water level up to {r.randint(38, 90)} cm, cutting delayed",
        "ERROR": lambda r: f"bundle stack {r.randint(1, 8)} showed rot at staithe {r.randint(1, 4)}, loading stopped"},
        7381, "2026-12-03")
    app_log(d / "fenstack.log", 73816, 1900, ["fen.hands", "fen.stack", "fen.api", "fen.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(ROOMS)} stacked {r.randint(850, 1100)} bundles",
        "DEBUG": lambda r: f"fathom count {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"wherry {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, dyke check due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"stack {r.randint(1, 30)} took {r.randint(27, 34)} cm of flood water during tide {r.randint(1, 700)}, bundles spoiled"},
        7385, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
