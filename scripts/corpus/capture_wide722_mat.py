"""Round 722, the material the two Gemini CLI runs work in (no item is captured here): delorean's and suntime's sdists
with bugs put in (delorean's own tests run as shipped; suntime ships none) and a script that makes up a walking-stick
maker's steaming book wrongly, a git history built by committing delorean's sources in steps, the canetally Go module
and the caneframe deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project
(`crookbench`) and a Rust crate (`ferrulejig`) on round 191's generators with other names and seeds, a CSV and a sqlite
table of the files of the round's own venv's site-packages and two application logs. Run through capture_wide722.py.
The generators are imported, never copied (round 714's material is the shape); only the words and seeds are this
round's (base seed 72210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

DL = "delorean-2.0.0"
ST = "suntime-1.4.0"

# delorean: a day counted as 24 * 360 seconds in get_total_second; __lt__ compares the wrong way
DL_BUGS = [("delorean/dates.py", "td.days * 24 * 3600", "td.days * 24 * 360"),
           ("delorean/dates.py", "return self.epoch < other.epoch", "return self.epoch > other.epoch")]
# suntime: the longitude hour added instead of subtracted in the approximate rising and setting times
ST_BUGS = [("suntime/suntime.py", "t = N + ((6 - self.lngHour) / 24)", "t = N + ((6 + self.lngHour) / 24)"),
           ("suntime/suntime.py", "t = N + ((18 - self.lngHour) / 24)", "t = N + ((18 + self.lngHour) / 24)")]

STICKSHOP = r"""
import datetime

import delorean
from suntime import Sun


class StickBendingError(RuntimeError):
    pass


class Batch:
    # a walking-stick maker's steaming book: the hands at the steam box, the sticks, the minutes in the steam
    def __init__(self, name, hands, sticks, minutes, lat):
        self.name = name
        self.hands = list(hands)
        self.sticks = sticks
        self.minutes = minutes
        self.lat = lat

    def sticks_each(self):
        return self.sticks * 12 / len(self.hands)


BOOK = [Batch("ashplant crooks", ["Ada", "Reuben", "Lettice"], 6, 40, 52.1),
        Batch("hazel thumbsticks", ["Obed", "Dorcas"], 4, 35, 53.4),
        Batch("chestnut canes", ["Amos", "Tabitha", "Enoch"], "nine", 55, 51.0),
        Batch("blackthorn knobs", ["Mercy"], 8, 60, 54.2)]


def steaming(batch):
    try:
        start = delorean.Delorean(datetime.datetime(2026, 3, 2, 7, 0), timezone="UTC")
        done = start + datetime.timedelta(minutes=batch.minutes * len(batch.hands))
        light = Sun(batch.lat, -1.5).get_sunset_time(datetime.date(2026, 3, 2))
        return {"batch": batch.name, "each": round(batch.sticks_each() / 1, 2), "done": str(done), "light": str(light)}
    except TypeError as exc:
        raise StickBendingError(f"hands cannot steam the {batch.name!r} batch: {exc}") from exc


def steaming_book():
    book = []
    try:
        for batch in BOOK:
            book.append(steaming(batch))
    except StickBendingError as exc:
        raise RuntimeError("stickshop: the steaming book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(steaming_book())
"""

MAKERS = [("Ada Ashplant", "ashplant@example.org"), ("Reuben Crook", "crook@example.org"),
          ("Lettice Cane", "cane@example.org")]


def python(tmp: Path) -> None:
    from capture_wide722 import SRC
    put_bugs(tmp / DL, DL_BUGS)
    put_bugs(tmp / ST, ST_BUGS)
    (tmp / "stickshop.py").write_text(STICKSHOP)
    history(tmp, SRC, "delorean", DL, ["delorean/dates.py", "delorean/interface.py"],
            MAKERS, 72210, 60, DL_BUGS)


ROOMS = ["Coppice Yard", "Seasoning Loft", "Bark Bench", "Steam Box", "Bending Jig", "Straightening Vice",
         "Crook Former", "Ferrule Bench", "Knob Lathe", "Staining Tub", "Varnish Room", "Shop Counter"]
GO_RENAMES = (("kegtally", "canetally"), ("casebook", "caneframe"), ("ledger host", "steam book host"),
              ("litres left, days", "sticks left, days"), ("nothing left to pour", "nothing left to steam"),
              ("pour order", "steaming order"), ("pour grade", "wood grade"), ("Keg", "Stick"),
              ("keg", "stick"), ("Beer", "Cane"), ("beer", "cane"), ("Cellar", "Shop"),
              ("cellar", "shop"), ("Pints", "Dozens"), ("pints", "dozens"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(72214, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "canetally", base)
    write_tree(tmp / "canetally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                       "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "canetally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "caneframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _crook(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CROOKBENCH").replace("weirkeeper", "crookbench")
            .replace("weir", "crook").replace("sluice", "steam_box").replace("gate_t", "stick_t")
            .replace("gates", "sticks").replace("level_cm", "bend_deg").replace("tide", "ferrule"))


def c_project(tmp: Path) -> None:
    root = tmp / "crookbench"
    rnd = random.Random(72211)
    files = {"src/crookbench.h": _crook(n191.SKIFF_H), "src/crookbench.c": _crook(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/crook_{k:02d}.c"] = _crook(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: crookbench\n\n"
                         "crookbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/crookbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build crookbench\n")
    write_tree(root, files)


def _ferrule(text: str) -> str:
    return (text.replace("plumbline", "ferrulejig").replace("Plumb-line survey", "Walking-stick maker's ferrule bench")
            .replace("offset_per_m", "bend_per_stick").replace("station_penalty", "knot_penalty")
            .replace("readings", "bends").replace("reading", "bend").replace("station", "stick"))


def rust(tmp: Path) -> None:
    root = tmp / "ferrulejig"
    rnd = random.Random(72215)
    write_tree(root, {"Cargo.toml": _ferrule(n191.CARGO).replace("0.3.4", "1.4.2"),
                      "src/lib.rs": _ferrule(n191.LIB), "src/broken.rs": _ferrule(n191.BROKEN),
                      "src/bends.rs": _ferrule(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide722 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "stickshop.log", 72212, 2000, ["sticks.main", "sticks.steam", "sticks.api", "sticks.store"], {
        "INFO": lambda r: f"hand {r.randint(1, 9)} bent {r.randint(10, 400)} sticks on jig {r.randint(1, 300)} of {r.choice(['ash', 'hazel'])} wood",
        "DEBUG": lambda r: f"steam box check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"seasoning loft rack {r.randint(1, 12)} down to {r.randint(38, 90)} percent, coppicing due",
        "ERROR": lambda r: f"bending jig {r.randint(1, 8)} split a crook at bench {r.randint(1, 4)}, bending stopped"},
        7221, "2026-12-03")
    app_log(d / "steamroom.log", 72216, 1900, ["steam.hands", "steam.box", "steam.api", "steam.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} steamed {r.randint(850, 1100)} sticks",
        "DEBUG": lambda r: f"stick weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"steam box {r.randint(1, 6)} boiler scaled {r.randint(5, 40)} percent, descaling due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"steam box {r.randint(1, 30)} fell to {r.randint(41, 64)} degrees during batch {r.randint(1, 700)}, sticks cracked"},
        7225, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
