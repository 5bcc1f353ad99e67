"""Round 351, the material both agents work in (no item is captured here): multimethod's and pyhocon's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the footings project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with walling names and another seed), a C project (`copes`) and a
Rust crate (`cheekends`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a Go
module (`battertally`) from round 273's generator (capture_wide273_go, imported, renamed, another seed), a CSV and a
sqlite table of this machine's documentation files and two application logs. Run through capture_wide351.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide351 import JS, SRC, VENV

MM, PH = "multimethod-2.1", "pyhocon-0.3.63"

# multimethod: signature.subtypes asks for more than the required arguments; parents keeps the ancestors of a parent;
# Literal matches an equal value of another type; a parametrised iterable passes when ANY element matches.
MM_BUGS = [("multimethod/__init__.py", "return self.required <= len(other) and all(map(issubclass, other, self))",
            "return self.required < len(other) and all(map(issubclass, other, self))"),
           ("multimethod/__init__.py",
            "        return parents - {ancestor for parent in parents for ancestor in parent.parents}",
            "        return parents"),
           ("multimethod/__init__.py",
            "return any(type(arg) is type(instance) and arg == instance for arg in self.__args__)",
            "return any(arg == instance for arg in self.__args__)"),
           ("multimethod/__init__.py", "return all(map(isinstance, instance, self.__args__))",
            "return any(map(isinstance, instance, self.__args__))")]
# pyhocon: nanoseconds divided by 100; `on` read as False; strings stripped before to_json writes them.
PH_BUGS = [("pyhocon/period_parser.py", "period_value = int(period_value / 1000)",
            "period_value = int(period_value / 100)"),
           ("pyhocon/config_tree.py", "'true': True, 'yes': True, 'on': True,",
            "'true': True, 'yes': True, 'on': False,"),
           ("pyhocon/converter.py", "lines = json.dumps(config, ensure_ascii=False)",
            "lines = json.dumps(config.strip(), ensure_ascii=False)")]

HEARTING = r'''
from multimethod import DispatchError, multimethod


class HeartingFillError(RuntimeError):
    pass


@multimethod
def hearting_fill(course: list, gap: int) -> int:
    return sum(course) // gap


@hearting_fill.register
def _(course: tuple, gap: int) -> int:
    return len(course) * gap


def fill_wall(courses, gap):
    filled = []
    for n, course in enumerate(courses, 1):
        try:
            filled.append(hearting_fill(course, gap))
        except DispatchError as exc:
            raise HeartingFillError(
                f"course {n} of {len(courses)} cannot be filled with hearting ({len(filled)} filled)") from exc
    return filled


print(fill_wall([[3, 5, 2], (4, 4), [6, "7", 1], [2, 2]], 4))
'''

SMOOT = r'''
from pyhocon import ConfigFactory
from pyhocon.exceptions import ConfigMissingException


class SmootConfigError(RuntimeError):
    pass


CONF = """
wall {
  name = "Long Moss field wall"
  length = 240
  batter = 1.5
  creep {
    hole = on
    width = 60
    height = 75
  }
  smoot {
    width = 20
    height = 20
  }
}
"""


def opening(conf):
    wall = ConfigFactory.parse_string(conf)
    kind = "creep" if wall.get_bool("wall.creep.hole") else "smoot"
    try:
        return kind, wall.get_int(f"wall.{kind}.width"), wall.get_int(f"wall.{kind}.depth")
    except ConfigMissingException as exc:
        raise SmootConfigError(f"{wall.get_string('wall.name')}: the {kind} opening is not fully set") from exc


print(opening(CONF))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / MM, MM_BUGS)
    put_bugs(tmp / PH, PH_BUGS)
    (tmp / MM / "hearting_fill.py").write_text(HEARTING)
    (tmp / PH / "smoot_config.py").write_text(SMOOT)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict pyhocon smoot_config.py >/dev/null 2>&1; true", cwd=tmp / PH, timeout=900)
    history(tmp, SRC, "multimethod", MM, ["multimethod/__init__.py", "tests/test_methods.py"],
            [("Agnes Throughgood", "agnes@example.org"), ("Cuthbert Copeland", "cuthbert@example.org"),
             ("Dinah Batterby", "dinah@example.org")], 35110, 30, MM_BUGS)
    history(tmp, SRC, "pyhocon", PH, ["pyhocon/period_parser.py", "pyhocon/converter.py", "pyhocon/config_tree.py"],
            [("Ephraim Wallhead", "ephraim@example.org"), ("Lettice Pinner", "lettice@example.org"),
             ("Josiah Smoothwaite", "josiah@example.org")], 35111, 40, PH_BUGS)


# round 290's hawsehole module in walling words: the words round 299's table replaces, in its order (the longer names
# first, so that no shorter one cuts into them), each given a walling word here
WALL_WORDS = ["footings", "walling sums for the footings (batter lengths, cope rates, course charts)",
              "batterLength", "copeToMs", "heartingBand", "throughLabel", "footingArea", "courseChart", "gappingPlan",
              "No gapping planned", "unknown stone type", "gritstone", "limestone", "slate", "granite",
              "`course ${w + 1}", "seed = 35113",
              "'cope', 'THROUGH', 'hearting', 'Pinning', 'footing', 'batter', 'Smoot', 'lunky', 'cheek', 'COPING', "
              "'stile',\n  'gapping', 'waller', 'Frame', 'creep', 'bole'",
              "'Agnes', 'Barnaby', 'Cuthbert', 'Dinah', 'Ephraim', 'Fanny', 'Gilbert', 'Hannah', 'Ishmael', "
              "'Josiah', 'Keturah', 'Lettice'"]
assert len(WALL_WORDS) == len(m299.WAGGLE_NAMES)
WALL_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, WALL_WORDS)]


def walled(text: str) -> str:
    for old, new in WALL_NAMES:
        text = text.replace(old, new)
    return text


FO_BUGS = [(walled(rel), walled(old), walled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "footings"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = walled(m290.FIXTURES)
    assert "35113" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "footings", "version": "3.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/gapping-plan.js": walled(m290.APP),
                      "lib/footings.js": walled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in FO_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def copes(text: str) -> str:
    return (text.replace("WEIRKEEPER", "COPES").replace("weirkeeper", "copes").replace("weir", "hearting")
            .replace("sluice", "smoot").replace("gate_t", "smoot_t").replace("gates", "smoots")
            .replace("level_cm", "batter_mm").replace("tide", "course"))


def c_project(tmp: Path) -> None:
    root = tmp / "copes"
    rnd = random.Random(35112)
    files = {"src/copes.h": copes(n191.SKIFF_H), "src/course.c": copes(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/hearting_{k:02d}.c"] = copes(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: copes\n\n"
                         "copes: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/copes.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build copes\n")
    write_tree(root, files)


def cheek(text: str) -> str:
    return (text.replace("plumbline", "cheekends").replace("Plumb-line survey", "Wall cheekends")
            .replace("offset_per_m", "batter_per_m").replace("station_penalty", "cope_penalty")
            .replace("readings", "stones").replace("reading", "stone").replace("station", "cope"))


def rust(tmp: Path) -> None:
    root = tmp / "cheekends"
    rnd = random.Random(35115)
    write_tree(root, {"Cargo.toml": cheek(n191.CARGO).replace("0.3.4", "1.8.2"), "src/lib.rs": cheek(n191.LIB),
                      "src/broken.rs": cheek(n191.BROKEN), "src/stones.rs": cheek(n191.gen_readings(rnd, 220))})


# round 273's words, then this round's (round 344 passes its own the same way): the Go module, its app and what they
# count; the stone names of the generated test table
GO_RENAMES = (("kegtally", "battertally"), ("casebook", "wallhead"), ("ledger host", "field host"),
              ("litres left, days", "stones left, days"), ("nothing left to pour", "nothing left to lay"),
              ("pour order", "lay order"), ("pour grade", "course grade"), ("Keg", "Wall"), ("keg", "wall"),
              ("Beer", "Stone"), ("beer", "stone"), ("Cellar", "Field"), ("cellar", "field"),
              ("Pints", "Pinnings"), ("pints", "pinnings"))
STONES = ["Gritstone Cope", "Limestone Through", "Slate Hearting", "Sandstone Footing", "Granite Batter",
          "Whinstone Pinning", "Shale Cheekend", "Flint Coping", "Schist Smoot", "Millstone Lunky", "Blue Lias Cope",
          "Gneiss Wallhead"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "battertally", {**base, "tally_test.go": g273.gen_test(35118, 60, STONES, GO_RENAMES)})
    write_tree(tmp / "battertally-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "battertally-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("battertally", "battertally-vet", "battertally-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "gapping.log", 35114, 2300, ["gapping.field", "gapping.cope", "gapping.api", "gapping.quarry"], {
        "INFO": lambda r: f"gap {r.randint(1, 40)} rebuilt: {r.randint(2, 30)} m, {r.randint(1, 9)} tonnes of stone in {r.randint(20, 240)} min",
        "DEBUG": lambda r: f"batter frame check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"field {r.randint(1, 40)} wall leaning {r.randint(3, 15)} deg past its batter",
        "ERROR": lambda r: f"cope row {r.randint(1, 12)} collapsed after {r.randint(20, 300)} s at gap {r.randint(1, 9)}"},
        8351, "2026-12-01")
    app_log(d / "lunky.log", 35116, 2000, ["lunky.creep", "lunky.smoot", "lunky.api", "lunky.db"], {
        "INFO": lambda r: f"course {r.randint(1, 30)} laid on wall {r.randint(1, 7)}: {r.randint(8, 60)} throughstones in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"hearting count {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"smoot {r.randint(1, 6)} lintel {r.randint(35, 44)} cm short at wall {r.randint(1, 4)}",
        "ERROR": lambda r: f"cheekend {r.randint(1, 40)} toppled at creep {r.randint(1, 6)} course {r.randint(2, 12)}"},
        6351, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
