"""Round 682, the material the two Gemini CLI runs work in (no item is captured here): geopy's and sgp4's sdists
with bugs put in (their own offline tests run as shipped) and a script that makes up a clay pipe maker's firing book
wrongly, a git history built by committing geopy's sources in steps, the pipeclaytally Go module and the stemframe
deploy scripts (round 273's, capture_wide273_go, in this round's words and seed), a C project (`bowlbench`) and a Rust
crate (`mufflejig`) on round 191's generators with other names and seeds, a CSV and a sqlite table of the files of the
round's own venv's site-packages and two application logs. Run through capture_wide682.py. The generators are
imported, never copied (round 674's material is the shape); only the words and seeds are this round's (base seed
68210)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GP = "geopy-2.4.1"
SG = "sgp4-2.23"

# geopy: a sign flipped in great_circle's formula; a point's altitude made non-negative; miles a little long
GP_BUGS = [("geopy/distance.py", "                       (cos_lat1 * sin_lat2 -\n",
            "                       (cos_lat1 * sin_lat2 +\n"),
           ("geopy/point.py", "    altitude = float(altitude or 0.0)\n", "    altitude = abs(float(altitude or 0.0))\n"),
           # added after run 1 (whose geopy tests all passed: neither bug above is reached by them): miles' constant cut
           ("geopy/units.py", "    ret += kilometers / 1.609344\n", "    ret += kilometers / 1.609\n")]
# sgp4: the Julian date a day late; the TLE checksum counts '+' where it should count '-'
SG_BUGS = [("sgp4/ext.py", "day + 1721013.5 +", "day + 1721014.5 +"),
           ("sgp4/io.py", "else c == '-')", "else c == '+')")]

PIPEYARD = r"""
import geopy.distance
from sgp4.api import jday


class PipeFiringError(RuntimeError):
    pass


class Muffle:
    # a clay pipe maker's firing: the hands at a muffle kiln, the gross of pipes to set, the firings a week
    def __init__(self, name, hands, gross, firings, yard):
        self.name = name
        self.hands = list(hands)
        self.gross = gross
        self.firings = firings
        self.yard = yard

    def pipes_each(self):
        return self.gross * 144 * self.firings / len(self.hands)


FIRING = [Muffle("long stems", ["Zillah", "Abner", "Tamsin"], 12, 3, (51.5072, -0.1276)),
          Muffle("cutty bowls", ["Obed", "Dinah"], 8, 2, (53.4084, -2.9916)),
          Muffle("churchwardens", ["Hosea", "Lettice", "Caleb"], 20, "two", (52.4862, -1.8904)),
          Muffle("heeled bowls", ["Ruth"], 4, 1, (51.4545, -2.5879))]


def fire(muffle, yard):
    try:
        return {"muffle": muffle.name, "hands": len(muffle.hands), "pipes_each": round(muffle.pipes_each(), 2),
                "miles": round(geopy.distance.great_circle(yard, muffle.yard).miles, 1),
                "day": sum(jday(1851, 5, 1, 6, 0, 0))}
    except TypeError as exc:
        raise PipeFiringError(f"hands cannot set the pipes in the {muffle.name!r} muffle: {exc}") from exc


def firing_book():
    yard = (51.4545, -2.5879)
    book = []
    try:
        for muffle in FIRING:
            book.append(fire(muffle, yard))
    except PipeFiringError as exc:
        raise RuntimeError("pipeyard: the firing book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(firing_book())
"""

PIPEMAKERS = [("Zillah Pipewell", "pipewell@example.org"), ("Abner Bowlinson", "bowlinson@example.org"),
              ("Tamsin Stemworth", "stemworth@example.org")]


def python(tmp: Path) -> None:
    from capture_wide682 import SRC
    put_bugs(tmp / GP, GP_BUGS)
    put_bugs(tmp / SG, SG_BUGS)
    (tmp / "pipeyard.py").write_text(PIPEYARD)
    history(tmp, SRC, "geopy", GP, ["geopy/distance.py", "geopy/point.py", "geopy/units.py"],
            PIPEMAKERS, 68210, 40, GP_BUGS)


ROOMS = ["Clay Cellar", "Wedging Bench", "Rolling Room", "Mould Shop", "Gin Press", "Trimming Table", "Muffle Kiln",
         "Saggar Store", "Stem Loft", "Bowl Shelf", "Packing Shed", "Cart Gate"]
GO_RENAMES = (("kegtally", "pipeclaytally"), ("casebook", "stemframe"), ("ledger host", "firing book host"),
              ("litres left, days", "gross left, days"), ("nothing left to pour", "nothing left to fire"),
              ("pour order", "firing order"), ("pour grade", "clay grade"), ("Keg", "Mould"),
              ("keg", "mould"), ("Beer", "Clay"), ("beer", "clay"), ("Cellar", "Room"),
              ("cellar", "room"), ("Pints", "Gross"), ("pints", "gross"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(68214, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "pipeclaytally", base)
    write_tree(tmp / "pipeclaytally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "pipeclaytally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                             "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "stemframe-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                       "scripts/backup.sh": rn(g273.BACKUP_SH),
                                       "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _bowl(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BOWLBENCH").replace("weirkeeper", "bowlbench")
            .replace("weir", "bowl").replace("sluice", "stem_cut").replace("gate_t", "mould_t")
            .replace("gates", "moulds").replace("level_cm", "bore_mm").replace("tide", "firing"))


def c_project(tmp: Path) -> None:
    root = tmp / "bowlbench"
    rnd = random.Random(68211)
    files = {"src/bowlbench.h": _bowl(n191.SKIFF_H), "src/bowlbench.c": _bowl(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/bowl_{k:02d}.c"] = _bowl(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: bowlbench\n\n"
                         "bowlbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/bowlbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build bowlbench\n")
    write_tree(root, files)


def _mufflejig(text: str) -> str:
    return (text.replace("plumbline", "mufflejig").replace("Plumb-line survey", "Clay pipe muffle firings")
            .replace("offset_per_m", "pipes_per_gross").replace("station_penalty", "muffle_penalty")
            .replace("readings", "firings").replace("reading", "firing").replace("station", "muffle"))


def rust(tmp: Path) -> None:
    root = tmp / "mufflejig"
    rnd = random.Random(68215)
    write_tree(root, {"Cargo.toml": _mufflejig(n191.CARGO).replace("0.3.4", "2.1.8"),
                      "src/lib.rs": _mufflejig(n191.LIB), "src/broken.rs": _mufflejig(n191.BROKEN),
                      "src/firings.rs": _mufflejig(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide682 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "pipeyard.log", 68212, 2000, ["pipe.main", "pipe.press", "pipe.api", "pipe.store"], {
        "INFO": lambda r: f"hand {r.randint(1, 9)} pressed {r.randint(10, 400)} bowls at mould {r.randint(1, 300)} in {r.choice(['ball', 'pipeclay'])} clay",
        "DEBUG": lambda r: f"stem bore check {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"clay cellar bin {r.randint(1, 12)} down to {r.randint(38, 90)} percent, wedging due",
        "ERROR": lambda r: f"saggar {r.randint(1, 8)} cracked in muffle {r.randint(1, 4)}, firing stopped"},
        6821, "2026-12-01")
    app_log(d / "stemrim.log", 68216, 1900, ["shop.hands", "shop.stems", "shop.api", "shop.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} in {r.choice(ROOMS)} rolled {r.randint(850, 1100)} stems",
        "DEBUG": lambda r: f"clay ball weigh {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"bowl mould {r.randint(1, 6)} worn {r.randint(5, 40)} percent, recut due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"muffle {r.randint(1, 30)} rose to {r.randint(931, 1048)} degrees during firing {r.randint(1, 700)}, pipes held"},
        6851, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
