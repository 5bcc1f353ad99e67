"""Round 714, the material the two Gemini CLI runs work in (no item is captured here): webvtt-py's and jsonstreams's
sdists with bugs put in (their own tests run as shipped) and a script that makes up a pin maker's pin papers wrongly,
a git history built by committing webvtt-py's sources in steps, the pointtally Go module and the pinframe deploy
scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`headbench`) and a Rust crate
(`pointjig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide714.py. The generators are
imported, never copied (round 706's material is the shape); only the words and seeds are this round's (base seed
71410)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GA = "webvtt_py-0.6.0"
SL = "jsonstreams-0.6.0"

# webvtt-py: a timestamp's minutes counted as 6 seconds in in_seconds; its milliseconds printed with two digits
GA_BUGS = [("webvtt/models.py", "self.minutes * 60 +", "self.minutes * 6 +"),
           ("webvtt/models.py", "f'.{self.milliseconds:03d}'", "f'.{self.milliseconds:02d}'")]
# jsonstreams: an indent one level too deep; the key check inverted (bytes keys raise, non-string keys pass)
SL_BUGS = [("jsonstreams/__init__.py", "return ' ' * self.baseindent * self.indent",
            "return ' ' * (self.baseindent + 1) * self.indent"),
           ("jsonstreams/__init__.py", "if not isinstance(key, (six.text_type, six.binary_type)):",
            "if isinstance(key, six.binary_type):")]

PINSHOP = r"""
import io

import jsonstreams
import webvtt


class PinHeadingError(RuntimeError):
    pass


class Paper:
    # a pin maker's shop: the hands at a heading bench, the gross of pins, the papers a week
    def __init__(self, name, hands, gross, papers, rows):
        self.name = name
        self.hands = list(hands)
        self.gross = gross
        self.papers = papers
        self.rows = rows

    def pins_each(self):
        return self.gross * 144 * self.papers / len(self.hands)


SHOP = [Paper("brass dress pins", ["Hester", "Josiah", "Tamsin"], 6, 3, 12),
        Paper("lace pins", ["Obadiah", "Prudence"], 4, 2, 10),
        Paper("blanket pins", ["Silas", "Keziah", "Ezra"], 3, "five", 8),
        Paper("mourning pins", ["Jemima"], 8, 5, 6)]


def heading(paper):
    try:
        stamp = webvtt.models.Timestamp(0, len(paper.hands), paper.rows, 0)
        out = io.StringIO()
        with jsonstreams.Stream(jsonstreams.Type.OBJECT, fd=out, close_fd=False) as s:
            s.write("paper", paper.name)
            s.write("pins_each", round(paper.pins_each(), 2))
        return {"paper": paper.name, "hands": len(paper.hands), "at": str(stamp), "json": out.getvalue()}
    except TypeError as exc:
        raise PinHeadingError(f"hands cannot head the {paper.name!r} paper: {exc}") from exc


def pin_papers():
    book = []
    try:
        for paper in SHOP:
            book.append(heading(paper))
    except PinHeadingError as exc:
        raise RuntimeError("pinshop: the pin papers could not be made up") from exc
    return book


if __name__ == "__main__":
    print(pin_papers())
"""

POINTERS = [("Hester Pointer", "pointer@example.org"), ("Josiah Drawbench", "drawbench@example.org"),
            ("Tamsin Header", "header@example.org")]


def python(tmp: Path) -> None:
    from capture_wide714 import SRC
    put_bugs(tmp / GA, GA_BUGS)
    put_bugs(tmp / SL, SL_BUGS)
    (tmp / "pinshop.py").write_text(PINSHOP)
    history(tmp, SRC, "webvtt", GA, ["webvtt/models.py", "tests/test_models.py"],
            POINTERS, 71410, 60, GA_BUGS)


ROOMS = ["Wire Store", "Drawing Bench", "Straightening Board", "Pointing Mill", "Heading Bench", "Tinning Pan",
         "Whitening Tub", "Papering Table", "Sticking Frame", "Drying Racks", "Packing Press", "Shop Door"]
GO_RENAMES = (("kegtally", "pointtally"), ("casebook", "pinframe"), ("ledger host", "pin paper host"),
              ("litres left, days", "gross left, days"), ("nothing left to pour", "nothing left to point"),
              ("pour order", "pointing order"), ("pour grade", "wire grade"), ("Keg", "Coil"),
              ("keg", "coil"), ("Beer", "Pin"), ("beer", "pin"), ("Cellar", "Shop"),
              ("cellar", "shop"), ("Pints", "Gross"), ("pints", "gross"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(71414, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "pointtally", base)
    write_tree(tmp / "pointtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "pointtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                          "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "pinframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                      "scripts/backup.sh": rn(g273.BACKUP_SH),
                                      "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _head(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HEADBENCH").replace("weirkeeper", "headbench")
            .replace("weir", "head").replace("sluice", "wire_stock").replace("gate_t", "coil_t")
            .replace("gates", "coils").replace("level_cm", "gauge_mm").replace("tide", "point"))


def c_project(tmp: Path) -> None:
    root = tmp / "headbench"
    rnd = random.Random(71411)
    files = {"src/headbench.h": _head(n191.SKIFF_H), "src/headbench.c": _head(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/head_{k:02d}.c"] = _head(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: headbench\n\n"
                         "headbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/headbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build headbench\n")
    write_tree(root, files)


def _point(text: str) -> str:
    return (text.replace("plumbline", "pointjig").replace("Plumb-line survey", "Pin maker's pointing mill")
            .replace("offset_per_m", "points_per_gross").replace("station_penalty", "coil_penalty")
            .replace("readings", "points").replace("reading", "point").replace("station", "coil"))


def rust(tmp: Path) -> None:
    root = tmp / "pointjig"
    rnd = random.Random(71415)
    write_tree(root, {"Cargo.toml": _point(n191.CARGO).replace("0.3.4", "2.1.3"),
                      "src/lib.rs": _point(n191.LIB), "src/broken.rs": _point(n191.BROKEN),
                      "src/points.rs": _point(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide714 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "pinshop.log", 71412, 2000, ["pins.main", "pins.head", "pins.api", "pins.store"], {
        "INFO": lambda r: f"hand {r.randint(1, 9)} headed {r.randint(10, 400)} gross on bench {r.randint(1, 300)} of {r.choice(['brass', 'iron'])} wire",
        "DEBUG": lambda r: f"tinning pan check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"wire store coil {r.randint(1, 12)} down to {r.randint(38, 90)} percent, drawing due",
        "ERROR": lambda r: f"pointing wheel {r.randint(1, 8)} glazed at mill {r.randint(1, 4)}, pointing stopped"},
        7141, "2026-12-03")
    app_log(d / "wireroom.log", 71416, 1900, ["wire.hands", "wire.draw", "wire.api", "wire.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} drew {r.randint(850, 1100)} yards",
        "DEBUG": lambda r: f"coil weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"draw plate {r.randint(1, 6)} worn {r.randint(5, 40)} percent, reboring due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"annealing pot {r.randint(1, 30)} rose to {r.randint(41, 64)} degrees during coil {r.randint(1, 700)}, wire spoiled"},
        7145, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
