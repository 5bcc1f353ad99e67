"""Round 690, the material the two Gemini CLI runs work in (no item is captured here): multiset's and dpcontracts'
sdists with bugs put in (multiset's tests and dpcontracts' doctests run as shipped) and a script that makes up a
netmaker's braiding book wrongly, a git history built by committing multiset's sources in steps, the meshtally Go module
and the twineframe deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`gaugebench`) and a Rust crate (`floatjig`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of the files of the round's own venv's site-packages and two application logs. Run through capture_wide690.py.
The generators are imported, never copied (round 682's material is the shape); only the words and seeds are this
round's (base seed 69010)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GP = "multiset-3.2.0"
SG = "dpcontracts-0.6.0"

# multiset: add() counts one element whatever the multiplicity; a multiplicity of 0 let through
GP_BUGS = [("multiset/__init__.py", "        self._elements[element] += multiplicity\n        self._total += multiplicity\n",
            "        self._elements[element] += multiplicity\n        self._total += 1\n"),
           ("multiset/__init__.py", "        if multiplicity < 1:\n            raise ValueError(\"Multiplicity must be positive\")\n        self._elements",
            "        if multiplicity < 0:\n            raise ValueError(\"Multiplicity must be positive\")\n        self._elements")]
# dpcontracts: the synchronous precondition check inverted; types() asks every kind of a tuple instead of any
SG_BUGS = [("dpcontracts.py", "                if precondition and not predicate(rargs):\n                    raise PreconditionError(description)\n\n                result = f(",
            "                if precondition and predicate(rargs):\n                    raise PreconditionError(description)\n\n                result = f("),
           ("dpcontracts.py", "if not any(isinstance(getattr(args, name), k) for k in kind):",
            "if not all(isinstance(getattr(args, name), k) for k in kind):")]

MESHLOFT = r"""
from multiset import Multiset
from dpcontracts import require


class MeshBraidingError(RuntimeError):
    pass


class Board:
    # a netmaker's loft: the braiders at a mesh board, the fathoms of twine, the nets a week
    def __init__(self, name, braiders, fathoms, nets, floats):
        self.name = name
        self.braiders = list(braiders)
        self.fathoms = fathoms
        self.nets = nets
        self.floats = floats

    def meshes_each(self):
        return self.fathoms * 36 * self.nets / len(self.braiders)


LOFT = [Board("herring drift", ["Jael", "Jethro", "Lovisa"], 40, 3, 120),
        Board("seine wings", ["Ezra", "Damaris"], 25, 2, 80),
        Board("trammel walls", ["Hephzibah", "Silas", "Mahala"], 30, "four", 60),
        Board("lobster heads", ["Obadiah"], 6, 5, 10)]


@require("`floats` must be a whole number", lambda args: isinstance(args.floats, int))
def float_line(floats):
    return Multiset({"cork": floats // 2, "glass": floats - floats // 2})


def braid(board):
    try:
        return {"board": board.name, "braiders": len(board.braiders), "meshes_each": round(board.meshes_each(), 2),
                "floats": len(float_line(board.floats))}
    except TypeError as exc:
        raise MeshBraidingError(f"braiders cannot fill the {board.name!r} board: {exc}") from exc


def braiding_book():
    book = []
    try:
        for board in LOFT:
            book.append(braid(board))
    except MeshBraidingError as exc:
        raise RuntimeError("meshloft: the braiding book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(braiding_book())
"""

NETMAKERS = [("Jael Meshworth", "meshworth@example.org"), ("Jethro Twinewell", "twinewell@example.org"),
             ("Lovisa Floatley", "floatley@example.org")]


def python(tmp: Path) -> None:
    from capture_wide690 import SRC
    put_bugs(tmp / GP, GP_BUGS)
    put_bugs(tmp / SG, SG_BUGS)
    (tmp / "meshloft.py").write_text(MESHLOFT)
    history(tmp, SRC, "multiset", GP, ["multiset/__init__.py", "tests/test_multiset.py"],
            NETMAKERS, 69010, 60, GP_BUGS)


ROOMS = ["Twine Store", "Braiding Loft", "Mesh Boards", "Needle Rack", "Tanning Copper", "Barking Yard",
         "Float Shed", "Sinker Bench", "Headrope Walk", "Mending Floor", "Drying Poles", "Quay Door"]
GO_RENAMES = (("kegtally", "meshtally"), ("casebook", "twineframe"), ("ledger host", "braiding book host"),
              ("litres left, days", "fathoms left, days"), ("nothing left to pour", "nothing left to braid"),
              ("pour order", "braiding order"), ("pour grade", "twine grade"), ("Keg", "Hank"),
              ("keg", "hank"), ("Beer", "Twine"), ("beer", "twine"), ("Cellar", "Loft"),
              ("cellar", "loft"), ("Pints", "Fathoms"), ("pints", "fathoms"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(69014, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "meshtally", base)
    write_tree(tmp / "meshtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "meshtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "twineframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _gauge(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GAUGEBENCH").replace("weirkeeper", "gaugebench")
            .replace("weir", "gauge").replace("sluice", "mesh_knot").replace("gate_t", "board_t")
            .replace("gates", "boards").replace("level_cm", "mesh_mm").replace("tide", "braid"))


def c_project(tmp: Path) -> None:
    root = tmp / "gaugebench"
    rnd = random.Random(69011)
    files = {"src/gaugebench.h": _gauge(n191.SKIFF_H), "src/gaugebench.c": _gauge(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/gauge_{k:02d}.c"] = _gauge(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: gaugebench\n\n"
                         "gaugebench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/gaugebench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build gaugebench\n")
    write_tree(root, files)


def _floatjig(text: str) -> str:
    return (text.replace("plumbline", "floatjig").replace("Plumb-line survey", "Netmaker's float lines")
            .replace("offset_per_m", "floats_per_fathom").replace("station_penalty", "board_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "board"))


def rust(tmp: Path) -> None:
    root = tmp / "floatjig"
    rnd = random.Random(69015)
    write_tree(root, {"Cargo.toml": _floatjig(n191.CARGO).replace("0.3.4", "1.6.3"),
                      "src/lib.rs": _floatjig(n191.LIB), "src/broken.rs": _floatjig(n191.BROKEN),
                      "src/hauls.rs": _floatjig(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide690 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "meshloft.log", 69012, 2000, ["net.main", "net.braid", "net.api", "net.store"], {
        "INFO": lambda r: f"braider {r.randint(1, 9)} knotted {r.randint(10, 400)} meshes on board {r.randint(1, 300)} in {r.choice(['hemp', 'cotton'])} twine",
        "DEBUG": lambda r: f"mesh gauge check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"twine store hank {r.randint(1, 12)} down to {r.randint(38, 90)} percent, barking due",
        "ERROR": lambda r: f"braiding needle {r.randint(1, 8)} snapped at board {r.randint(1, 4)}, braiding stopped"},
        6901, "2026-12-01")
    app_log(d / "netyard.log", 69016, 1900, ["yard.hands", "yard.nets", "yard.api", "yard.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} mended {r.randint(850, 1100)} meshes",
        "DEBUG": lambda r: f"float weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"mesh board {r.randint(1, 6)} worn {r.randint(5, 40)} percent, replacing due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"barking copper {r.randint(1, 30)} rose to {r.randint(91, 104)} degrees during tan {r.randint(1, 700)}, nets held"},
        6951, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
