"""Round 746, the material the two Gemini CLI runs work in (no item is captured here): python-geohash's and pyuca's
sdists with bugs put in (geohash's own tests run as shipped, pure Python: the package is not installed in the round's
venv; pyuca's sdist has no tests, so a seeded pytest file is written whose expected orders come from the UNBROKEN copy
before its bugs go in) and a script that makes up a salt boiler's boiling book wrongly, a git history built by
committing geohash's sources in steps, the wichtally Go module and the panbook deploy scripts (round 273's,
capture_wide273_go, in this round's words and seed), a C project (`wichbench`) and a Rust crate (`saltjig`) on round
191's generators with other names and seeds, a CSV and a sqlite table of the files of the round's own venv's
site-packages and two application logs. Run through capture_wide746.py. The generators are imported, never copied
(round 738's material, capture_wide738_mat, is the shape); only the words and seeds are this round's (base seed
74610)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree

GH = "python_geohash-0.9.2"
UC = "pyuca-1.2"

# geohash: the decoded centre moved out of its cell; the bounding box's north edge one cell too far
GH_BUGS = [("geohash.py", "lat = (lat<<1) + 1", "lat = (lat<<1) + 3"),
           ("geohash.py", "ret['n'] = 180.0*(lat+1-", "ret['n'] = 180.0*(lat+2-")]
# pyuca: each level's weight read from the level before; no separator after the primary level
UC_BUGS = [("pyuca/collator.py", "ce_l = element[level]", "ce_l = element[level - 1]"),
           ("pyuca/collator.py", "if level:", "if level > 1:")]

WORDS = ["brine", "Brine", "brïne", "wich", "Wich", "wich-house", "wichhouse", "lead pan", "leadpan", "Leadpan",
         "boiling", "Boiling", "boilings", "salt cake", "saltcake", "Saltcake", "lump", "Lump", "lümp", "pan",
         "Pan", "pän", "panner", "Panner", "walling", "Walling", "barrow", "Barrow", "bárrow", "ashpit", "Ashpit",
         "crystal", "Crystal", "crÿstal", "skimmer", "Skimmer", "rake", "Rake", "raké", "hurry", "Hurry",
         "brinepit", "brine pit", "Brine pit", "boiler", "Boiler", "bóiler", "stove", "Stove", "stöve"]

GEN_TEST = r"""
import json, random, sys
sys.path.insert(0, sys.argv[1])
from pyuca import Collator
words = json.load(open(sys.argv[2]))
rnd = random.Random(74617)
c = Collator()
cases = []
for k in range(70):
    pick = rnd.sample(words, rnd.randint(4, 9))
    cases.append((k, pick, sorted(pick, key=c.sort_key)))
print(json.dumps(cases))
"""

TEST_HEAD = '''"""A salt boiler's boiling book sorted by the Unicode Collation Algorithm (seeded lists, seed 74617)."""
import pytest

from pyuca import Collator

COLLATOR = Collator()

CASES = {cases}


@pytest.mark.parametrize("k,words,expected", CASES, ids=[f"boiling-{{c[0]:02d}}" for c in CASES])
def test_boiling_book_order(k, words, expected):
    assert sorted(words, key=COLLATOR.sort_key) == expected


@pytest.mark.parametrize("word", sorted(set(w for c in CASES for w in c[1])))
def test_sort_key_levels(word):
    key = COLLATOR.sort_key(word)
    assert key.count(0) == 3, key
'''

SALTBOIL = r"""
import geohash
from pyuca import Collator


class BoilingFailedError(RuntimeError):
    pass


class Wich:
    # a salt boiler's boiling book: the pans in the wich house, the boilings done, where the brine pit lies
    def __init__(self, name, boilers, boilings, lat, lon):
        self.name = name
        self.boilers = list(boilers)
        self.boilings = boilings
        self.lat = lat
        self.lon = lon

    def cell(self):
        return geohash.encode(self.lat, self.lon, 7)


BOOK = [Wich("Upper Wich", ["Hannah", "Josiah", "Ruth"], 14, 52.2655, -2.1519),
        Wich("Nether Wich", ["Obed", "Keziah"], 9, 53.2566, -2.5186),
        Wich("Middle Wich", ["Amos", "Tabitha", "Enoch"], 12, "fifty-three", -2.4435),
        Wich("Nant Wich", ["Mercy"], 5, 53.0671, -2.5216)]


def boiling(wich, collator):
    try:
        cell = wich.cell()
        rota = sorted(wich.boilers, key=collator.sort_key)
        return {"wich": wich.name, "pit": cell, "rota": rota, "cakes": wich.boilings * 24}
    except TypeError as exc:
        raise BoilingFailedError(f"the brine pit of {wich.name!r} cannot be placed: {exc}") from exc


def boiling_book():
    collator = Collator()
    book = []
    try:
        for wich in BOOK:
            book.append(boiling(wich, collator))
    except BoilingFailedError as exc:
        raise RuntimeError("saltboil: the boiling book could not be made up") from exc
    return book


if __name__ == "__main__":
    print(boiling_book())
"""

BOILERS = [("Hannah Panmaker", "panmaker@example.org"), ("Josiah Wichman", "wichman@example.org"),
           ("Ruth Leadpan", "leadpan@example.org")]


def python(tmp: Path) -> None:
    from capture_wide746 import SRC, VENV
    (tmp / "gen_pyuca.py").write_text(GEN_TEST)
    (tmp / "words.json").write_text(json.dumps(WORDS))
    got = run(f"{VENV}/bin/python -I gen_pyuca.py {tmp / UC} words.json", cwd=tmp)
    (tmp / "gen_pyuca.py").unlink()
    (tmp / "words.json").unlink()
    cases = json.loads(got.strip().splitlines()[-1])
    (tmp / UC / "tests").mkdir(exist_ok=True)
    (tmp / UC / "tests" / "test_pyuca_boilings.py").write_text(TEST_HEAD.format(cases=repr([tuple(c) for c in cases])))
    put_bugs(tmp / GH, GH_BUGS)
    put_bugs(tmp / UC, UC_BUGS)
    (tmp / "saltboil.py").write_text(SALTBOIL)
    history(tmp, SRC, "geohash", GH, ["geohash.py", "tests/test_geohash.py"], BOILERS, 74610, 10, GH_BUGS)


ROOMS = ["Upper Wich", "Nether Wich", "Middle Wich", "Nant Wich", "Brine Pit One", "Brine Pit Two",
         "Lead Pan Shed", "Hurry Loft", "Ashpit", "Stove House", "Salt Store", "Wharf"]
GO_RENAMES = (("kegtally", "wichtally"), ("casebook", "panbook"), ("ledger host", "boiling book host"),
              ("litres left, days", "brine left, days"), ("nothing left to pour", "nothing left to boil"),
              ("pour order", "boiling order"), ("pour grade", "salt grade"), ("Keg", "Pan"),
              ("keg", "pan"), ("Beer", "Salt"), ("beer", "salt"), ("Cellar", "Wich"),
              ("cellar", "wich"), ("Pints", "Cakes"), ("pints", "cakes"))


def go_module(tmp: Path) -> None:
    def rn(text: str) -> str:
        return g273.renamed(text, GO_RENAMES)
    base = {"go.mod": rn(g273.GO_MOD), "tally.go": rn(g273.TALLY_GO),
            "tally_test.go": g273.gen_test(74614, 60, ROOMS, GO_RENAMES)}
    write_tree(tmp / "wichtally", base)
    write_tree(tmp / "wichtally-vet", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                      "vet.go": rn(g273.VET_GO)})
    write_tree(tmp / "wichtally-build", {"go.mod": base["go.mod"], "tally.go": base["tally.go"],
                                        "restock.go": rn(g273.BUILD_GO)})
    write_tree(tmp / "panbook-ops", {"scripts/deploy.sh": rn(g273.DEPLOY_SH),
                                    "scripts/backup.sh": rn(g273.BACKUP_SH),
                                    "scripts/rotate.sh": rn(g273.ROTATE_SH)})


def _wich(text: str) -> str:
    return (text.replace("WEIRKEEPER", "WICHBENCH").replace("weirkeeper", "wichbench")
            .replace("weir", "wich").replace("sluice", "brine").replace("gate_t", "boiling_t")
            .replace("gates", "boilings").replace("level_cm", "brine_cm").replace("tide", "pan"))


def c_project(tmp: Path) -> None:
    root = tmp / "wichbench"
    rnd = random.Random(74611)
    files = {"src/wichbench.h": _wich(n191.SKIFF_H), "src/wichbench.c": _wich(n191.SKIFF_C)}
    for k in range(34):
        files[f"src/wich_{k:02d}.c"] = _wich(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: wichbench\n\n"
                         "wichbench: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/wichbench.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build wichbench\n")
    write_tree(root, files)


def _salt(text: str) -> str:
    return (text.replace("plumbline", "saltjig").replace("Plumb-line survey", "Salt boiler's pan jig")
            .replace("offset_per_m", "cakes_per_pan").replace("station_penalty", "scale_penalty")
            .replace("readings", "boilings").replace("reading", "boiling").replace("station", "pan"))


def rust(tmp: Path) -> None:
    root = tmp / "saltjig"
    rnd = random.Random(74615)
    write_tree(root, {"Cargo.toml": _salt(n191.CARGO).replace("0.3.4", "2.1.6"),
                      "src/lib.rs": _salt(n191.LIB), "src/broken.rs": _salt(n191.BROKEN),
                      "src/boilings.rs": _salt(n191.gen_readings(rnd, 240))})


def data(tmp: Path) -> None:
    from capture_wide746 import VENV
    d = tmp / "data"
    d.mkdir()
    run(f"cd {VENV}/lib/python3.11/site-packages && find . -type f ! -name '*.pyc' "
        f"-printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > {d}/sitepk.body && cd {d} && "
        "(echo directory,file,bytes,modified; cat sitepk.body) > sitepk.csv && rm sitepk.body", cwd=d)
    run("sqlite3 sitepk.db '.mode csv' '.import sitepk.csv sitepk'", cwd=d)
    app_log(d / "saltboil.log", 74612, 2000, ["salt.main", "salt.pan", "salt.api", "salt.store"], {
        "INFO": lambda r: f"boiler {r.randint(1, 9)} drew {r.randint(10, 400)} cakes from pan {r.randint(1, 300)} of {r.choice(['white salt', 'lump salt'])}",
        "DEBUG": lambda r: f"brine gauge {r.randint(1, 40)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"brine pit {r.randint(1, 12)} strength down to {r.randint(18, 25)} per cent, boiling delayed",
        "ERROR": lambda r: f"lead pan {r.randint(1, 8)} cracked at stove {r.randint(1, 4)}, boiling stopped"},
        7461, "2026-12-03")
    app_log(d / "wichhouse.log", 74616, 1900, ["wich.hands", "wich.hurry", "wich.api", "wich.db"], {
        "INFO": lambda r: f"hand {r.randint(1, 24)} at {r.choice(ROOMS)} dried {r.randint(850, 1100)} salt cakes",
        "DEBUG": lambda r: f"cake count {r.randint(1, 80)} took {r.randint(2, 50)} ms",
        "WARNING": lambda r: f"wagon {r.randint(1, 6)} came {r.randint(5, 40)} minutes late, pan scaling due in {r.randint(2, 30)} days",
        "ERROR": lambda r: f"hurry {r.randint(1, 30)} took {r.randint(27, 34)} per cent damp during boiling {r.randint(1, 700)}, cakes spoiled"},
        7465, "2026-12-04")


STEPS = [python, go_module, c_project, rust, data]
