"""Round 698, the material the two Gemini CLI runs work in (no item is captured here): pyPEG2's and cstruct's sdists
with bugs put in (their own tests run as shipped) and a script that makes up a quill dresser's dutching book wrongly, a
git history built by committing pyPEG2's sources in steps, the nibtally Go module and the quillframe deploy scripts
(round 273's, capture_wide273_go, in this round's words and seed), a C project (`dutchbench`) and a Rust crate
(`penknifejig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide698.py. The generators are
imported, never copied (round 690's material is the shape); only the words and seeds are this round's (base seed
69810)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GP = "pyPEG2-2.15.2"
SG = "cstruct-6.2"

# pyPEG2: the `word` regex asks two word characters; compose asks a one-or-more element twice
GP_BUGS = [("pypeg2/__init__.py", 'word = re.compile(r"\\w+")', 'word = re.compile(r"\\w\\w+")'),
           ("pypeg2/__init__.py", "if passes < 1:", "if passes < 2:")]
# cstruct: the padding one byte too many; align() no longer true for the default byte order None
SG_BUGS = [("cstruct/field.py", "            return alignment - modulo", "            return alignment - modulo + 1"),
           ("cstruct/field.py", "    return byte_order is None or byte_order == NATIVE_ORDER",
            "    return byte_order == NATIVE_ORDER")]

QUILLYARD = r"""
import cstruct
import pypeg2


class QuillDutchingError(RuntimeError):
    pass


class Batch:
    # a quill dresser's yard: the dressers at a dutching pan, the hundreds of goose quills, the batches a week
    def __init__(self, name, dressers, hundreds, batches, nibs):
        self.name = name
        self.dressers = list(dressers)
        self.hundreds = hundreds
        self.batches = batches
        self.nibs = nibs

    def quills_each(self):
        return self.hundreds * 100 * self.batches / len(self.dressers)


YARD = [Batch("goose primaries", ["Keziah", "Amos", "Dorcas"], 12, 3, 900),
        Batch("swan pinions", ["Ezra", "Tabitha"], 4, 2, 160),
        Batch("crow quills", ["Hephzibah", "Silas", "Mahala"], 7, "five", 300),
        Batch("turkey seconds", ["Obadiah"], 3, 5, 60)]


class Nib(cstruct.MemCStruct):
    __def__ = "struct { unsigned char slit; unsigned short width; unsigned int count; }"


def dutch(batch):
    try:
        nib = Nib(slit=1, width=batch.hundreds, count=batch.nibs)
        word = pypeg2.parse(batch.name.split()[0], pypeg2.word)
        return {"batch": word, "dressers": len(batch.dressers), "quills_each": round(batch.quills_each(), 2),
                "nib_bytes": nib.size}
    except TypeError as exc:
        raise QuillDutchingError(f"dressers cannot dutch the {batch.name!r} batch: {exc}") from exc


def dutching_book():
    book = []
    try:
        for batch in YARD:
            book.append(dutch(batch))
    except QuillDutchingError as exc:
        raise RuntimeError("quillyard: the dutching book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(dutching_book())
"""

DRESSERS = [("Keziah Quillard", "quillard@example.org"), ("Amos Nibworth", "nibworth@example.org"),
            ("Dorcas Featherby", "featherby@example.org")]


def python(tmp: Path) -> None:
    from capture_wide698 import SRC
    put_bugs(tmp / GP, GP_BUGS)
    put_bugs(tmp / SG, SG_BUGS)
    (tmp / "quillyard.py").write_text(QUILLYARD)
    history(tmp, SRC, "pypeg2", GP, ["pypeg2/__init__.py", "pypeg2/test/test_pyPEG2.py"],
            DRESSERS, 69810, 60, GP_BUGS)


ROOMS = ["Quill Store", "Dutching Pan", "Sand Oven", "Nib Bench", "Stripping Table", "Clarifying Tub",
         "Sorting Loft", "Penknife Rack", "Bundle Press", "Drying Racks", "Goose Pens", "Yard Gate"]
GO_RENAMES = (("kegtally", "nibtally"), ("casebook", "quillframe"), ("ledger host", "dutching book host"),
              ("litres left, days", "hundreds left, days"), ("nothing left to pour", "nothing left to dutch"),
              ("pour order", "dutching order"), ("pour grade", "quill grade"), ("Keg", "Bundle"),
              ("keg", "bundle"), ("Beer", "Quill"), ("beer", "quill"), ("Cellar", "Yard"),
              ("cellar", "yard"), ("Pints", "Hundreds"), ("pints", "hundreds"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(69814, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "nibtally", base)
    write_tree(tmp / "nibtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                      "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "nibtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "quillframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _dutch(text: str) -> str:
    return (text.replace("WEIRKEEPER", "DUTCHBENCH").replace("weirkeeper", "dutchbench")
            .replace("weir", "dutch").replace("sluice", "quill_pan").replace("gate_t", "batch_t")
            .replace("gates", "batches").replace("level_cm", "sand_c").replace("tide", "heat"))


def c_project(tmp: Path) -> None:
    root = tmp / "dutchbench"
    rnd = random.Random(69811)
    files = {"src/dutchbench.h": _dutch(n191.SKIFF_H), "src/dutchbench.c": _dutch(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/dutch_{k:02d}.c"] = _dutch(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: dutchbench\n\n"
                         "dutchbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/dutchbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build dutchbench\n")
    write_tree(root, files)


def _penknife(text: str) -> str:
    return (text.replace("plumbline", "penknifejig").replace("Plumb-line survey", "Quill dresser's nib cuts")
            .replace("offset_per_m", "nibs_per_quill").replace("station_penalty", "batch_penalty")
            .replace("readings", "cuts").replace("reading", "cut").replace("station", "batch"))


def rust(tmp: Path) -> None:
    root = tmp / "penknifejig"
    rnd = random.Random(69815)
    write_tree(root, {"Cargo.toml": _penknife(n191.CARGO).replace("0.3.4", "2.1.7"),
                      "src/lib.rs": _penknife(n191.LIB), "src/broken.rs": _penknife(n191.BROKEN),
                      "src/cuts.rs": _penknife(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide698 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "quillyard.log", 69812, 2000, ["quill.main", "quill.dutch", "quill.api", "quill.store"], {
        "INFO": lambda r: f"dresser {r.randint(1, 9)} dutched {r.randint(10, 400)} quills in pan {r.randint(1, 300)} of {r.choice(['goose', 'swan'])} pinions",
        "DEBUG": lambda r: f"sand heat check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"quill store bundle {r.randint(1, 12)} down to {r.randint(38, 90)} percent, plucking due",
        "ERROR": lambda r: f"penknife {r.randint(1, 8)} chipped at bench {r.randint(1, 4)}, nib cutting stopped"},
        6981, "2026-12-03")
    app_log(d / "nibroom.log", 69816, 1900, ["room.hands", "room.nibs", "room.api", "room.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} slit {r.randint(850, 1100)} nibs",
        "DEBUG": lambda r: f"bundle weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"nib bench {r.randint(1, 6)} worn {r.randint(5, 40)} percent, regrinding due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"dutching pan {r.randint(1, 30)} rose to {r.randint(181, 204)} degrees during batch {r.randint(1, 700)}, quills scorched"},
        6985, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
