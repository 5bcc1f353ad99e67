"""Round 494, the material the two Gemini CLI runs work in (no item is captured here): cached-property's sdist with
bugs put in (its own tests run as shipped) and a script that drives it wrongly, a git history built by committing its
sources in steps, the gaffertally Go module and the blockhouse deploy scripts (round 273's, capture_wide273_go, in
this round's words and seed), a C project (`servitorbench`) and a Rust crate (`jackshop`) on round 191's generators
with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's site-packages and two
application logs. Run through capture_wide494.py. The generators are imported, never copied (round 488's material,
capture_wide488_mat, is the shape); only the words and seeds are this round's (base seed 49410)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

CP = "cached-property-1.5.2"

# cached_property: the ttl's expiry test inverted; threaded_cached_property stores nothing; the ttl property's
# __delete__ deletes nothing.
CP_BUGS = [("cached_property.py", "            ttl_expired = self.ttl and self.ttl < now - last_updated\n",
            "            ttl_expired = self.ttl and self.ttl > now - last_updated\n"),
           ("cached_property.py", "                return obj_dict.setdefault(name, self.func(obj))\n",
            "                return self.func(obj)\n"),
           ("cached_property.py", "        obj.__dict__.pop(self.__name__, None)\n",
            "        obj.__dict__.get(self.__name__, None)\n")]

GAFFERCHECK = r"""
from cached_property import cached_property_with_ttl


class GafferShiftError(RuntimeError):
    pass


class GloryHole:
    # a hot shop's glory holes: each reheat's minutes as the gaffers chalk them on the board
    def __init__(self, name, reheat_minutes, servitors):
        self.name = name
        self.reheat_minutes = reheat_minutes
        self.servitors = servitors

    @cached_property_with_ttl(ttl=300)
    def reheat_seconds(self):
        return self.reheat_minutes * 60.0


BOARD = [GloryHole("glory hole east", 4, 2), GloryHole("glory hole west", 6, 1),
         GloryHole("glory hole north", "six", 3), GloryHole("pipe warmer", 2, 0)]


def shift_plan(hole):
    try:
        return {"hole": hole.name, "seconds": round(hole.reheat_seconds, 1), "servitors": hole.servitors}
    except TypeError as exc:
        raise GafferShiftError(f"gaffer cannot time the reheat at {hole.name!r}: {exc}") from exc


def main():
    try:
        for hole in BOARD:
            print(shift_plan(hole))
    except GafferShiftError as exc:
        raise RuntimeError("gaffercheck: the bench rota could not be drawn up") from exc


main()
"""

GAFFERS = [("Ida Gaffer", "gaffer@example.org"), ("Rob Servitor", "servitor@example.org"),
           ("Nell Footmaker", "footmaker@example.org")]


def python(tmp: Path) -> None:
    from capture_wide494 import SRC
    put_bugs(tmp / CP, CP_BUGS)
    (tmp / CP / "gaffercheck.py").write_text(GAFFERCHECK)
    history(tmp, SRC, "cached-property", CP, ["cached_property.py", "tests/test_cached_property.py"], GAFFERS,
            49410, 24, CP_BUGS)


POTS = ["Clear Batch Pot", "Ruby Pot", "Cobalt Pot", "Amber Pot", "Cullet Bin East", "Colour Rod Rack",
        "Frit Jar Green", "Lehr Shelf Two", "Blowpipe Rack", "Punty Rack", "Marver Table", "Bench Three"]
# Round 273's words, then this round's: its Go module, its app and the things they count.
GO_RENAMES = (("kegtally", "gaffertally"), ("casebook", "blockhouse"), ("ledger host", "furnace host"),
              ("litres left, days", "kilos left, shifts"), ("nothing left to pour", "nothing left to gather"),
              ("pour order", "gather order"), ("pour grade", "glass grade"), ("Keg", "Pot"),
              ("keg", "pot"), ("Beer", "Glass"), ("beer", "glass"), ("Cellar", "Hotshop"),
              ("cellar", "hotshop"), ("Pints", "Kilos"), ("pints", "kilos"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(49414, 60, POTS, GO_RENAMES)}
    write_tree(tmp / "gaffertally", base)
    write_tree(tmp / "gaffertally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                         "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "gaffertally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                           "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "blockhouse-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                        "scripts/backup.sh": rn(g273.BACKUP_SH),
                                        "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _servitorbench(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SERVITORBENCH").replace("weirkeeper", "servitorbench")
            .replace("weir", "servitor").replace("sluice", "gather").replace("gate_t", "pipe_t")
            .replace("gates", "pipes").replace("level_cm", "temp_degc").replace("tide", "bench"))


def c_project(tmp: Path) -> None:
    root = tmp / "servitorbench"
    rnd = random.Random(49411)
    files = {"src/servitorbench.h": _servitorbench(n191.SKIFF_H),
             "src/servitorbench.c": _servitorbench(n191.SKIFF_C)}
    for k in range(30):
        files[f"src/servitor_{k:02d}.c"] = _servitorbench(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: servitorbench\n\n"
                         "servitorbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/servitorbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build servitorbench\n")
    write_tree(root, files)


def _jackshop(text: str) -> str:
    return (text.replace("plumbline", "jackshop").replace("Plumb-line survey", "Jack shop's gaffer shifts")
            .replace("offset_per_m", "cool_per_minute").replace("station_penalty", "shift_penalty")
            .replace("readings", "shifts").replace("reading", "shift").replace("station", "bench"))


def rust(tmp: Path) -> None:
    root = tmp / "jackshop"
    rnd = random.Random(49415)
    write_tree(root, {"Cargo.toml": _jackshop(n191.CARGO).replace("0.3.4", "2.4.9"),
                      "src/lib.rs": _jackshop(n191.LIB), "src/broken.rs": _jackshop(n191.BROKEN),
                      "src/shifts.rs": _jackshop(n191.gen_readings(rnd, 200))})


def data(tmp: Path) -> None:
    from capture_wide494 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "servitor.log", 49412, 2000, ["servitor.main", "servitor.bench",
                                              "servitor.api", "servitor.store"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} gathered {r.randint(2, 40)} times from pot {r.randint(1, 9)} at {r.choice([1080, 1120, 1150])} C",
        "DEBUG": lambda r: f"pipe warmer probe {r.randint(1, 30)} read in {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"glory hole {r.randint(1, 8)} at {r.randint(880, 990)} C below the gaffer's sheet",
        "ERROR": lambda r: f"servitor {r.randint(1, 6)} dropped the gather on piece {r.randint(1, 90)}, bench stopped"},
        4941, "2026-12-01")
    app_log(d / "gloryreheat.log", 49416, 1900, ["gloryreheat.burners", "gloryreheat.lehr",
                                                 "gloryreheat.api", "gloryreheat.db"], {
        "INFO": lambda r: f"burner {r.randint(1, 4)} reheated {r.choice(POTS)} work {r.randint(5, 30)} times",
        "DEBUG": lambda r: f"thermocouple {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"lehr {r.randint(1, 20)} at {r.randint(5, 40)} percent of its ramp, anneal due in {r.randint(2, 30)} min",
        "ERROR": lambda r: f"furnace {r.randint(1, 9)} lost gas pressure during shift {r.randint(1, 700)}, glory hole held"},
        9441, "2026-12-02")


STEPS = [python, go_module, c_project, rust, data]
