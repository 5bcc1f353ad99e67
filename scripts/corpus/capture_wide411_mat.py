"""Round 411, the material both agents work in (no item is captured here): flatten-dict's and environs' sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the sackhoist project (round 290's hawsehole module, fixture generator, app file, eslint
config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with windmill names and another seed), a C project (`stonenut`)
and a Rust crate (`wallower`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds), a
Go module (`runnerstone`) from round 273's generator (capture_wide273_go, imported, renamed, another seed), a CSV and
a sqlite table of this machine's documentation files and two application logs. Run through capture_wide411.py."""

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
from capture_wide411 import JS, SRC, VENV

FD, EV = "flatten_dict-0.5.0", "environs-15.2.0"

# flatten-dict: max_flatten_depth lets one level too many through; a made splitter splits only once.
FD_BUGS = [("src/flatten_dict/flatten_dict.py", "max_flatten_depth is None or depth < max_flatten_depth",
            "max_flatten_depth is None or depth <= max_flatten_depth"),
           ("src/flatten_dict/splitters.py", "keys = tuple(flat_key.split(delimiter))",
            "keys = tuple(flat_key.split(delimiter, 1))")]
# environs: a dict item is split on every `=`; a nested prefix goes before the outer one; ${VAR:-x} keeps its `-`.
EV_BUGS = [("src/environs/__init__.py", "item.split(key_value_delimiter, 1) for item",
            "item.split(key_value_delimiter) for item"),
           ("src/environs/__init__.py", 'self._prefix = f"{old_prefix}{prefix}"', 'self._prefix = f"{prefix}{old_prefix}"'),
           ("src/environs/__init__.py", "default = subs_default[2:]", "default = subs_default[1:]")]

SAIL_SETTINGS = r'''
from flatten_dict import flatten


class SailSettingError(RuntimeError):
    pass


# the tower mill's sails and stones, as the miller's notebook keeps them
MILL = {
    "sails": {"north": {"cloth": "full", "shutters": 12}, "south": {"cloth": "reefed", "shutters": 9},
              "east": {"cloth": "dagger point", "shutters": 12}, "west": {"cloth": "sword point", "shutters": 8}},
    "stones": {"runner": {"rpm": 120, "dress": "harp"}, "bed": {"dress": "sickle"}},
}


def settings(mill):
    flat = flatten(mill, max_flatten_depth=2)
    out = {}
    for sail in ("north", "south", "east", "west"):
        try:
            out[sail] = flat[("sails", sail)]["cloth"]
        except KeyError as exc:
            raise SailSettingError(f"sail {sail!r}: no setting at depth 2 of the mill's notebook") from exc
    return out


print(settings(MILL))
'''

MILLSTONE_ENV = r'''
import os

from environs import Env


class MillstoneConfigError(RuntimeError):
    pass


os.environ["MILL_SAIL_RPM"] = "14"
os.environ["MILL_STONES"] = "runner=peak stone,bed=french burr,dressing=harp=10 furrows"
env = Env()
with env.prefixed("MILL_"):
    rpm = env.int("SAIL_RPM")
    try:
        stones = env.dict("STONES")
    except Exception as exc:
        raise MillstoneConfigError(f"millstone settings could not be read at {rpm} sail rpm") from exc
print(rpm, stones)
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / FD, FD_BUGS)
    put_bugs(tmp / EV, EV_BUGS)
    (tmp / FD / "sail_settings.py").write_text(SAIL_SETTINGS)
    (tmp / EV / "millstone_env.py").write_text(MILLSTONE_ENV)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/environs tests millstone_env.py >/dev/null 2>&1; true", cwd=tmp / EV, timeout=900)
    history(tmp, SRC, "flatten-dict", FD, ["src/flatten_dict/flatten_dict.py", "src/flatten_dict/tests/flatten_dict_test.py"],
            [("Albrecht Molenaar", "albrecht@example.org"), ("Bettje Zeilmaker", "bettje@example.org"),
             ("Claes Steenhouwer", "claes@example.org")], 41110, 25, FD_BUGS)
    history(tmp, SRC, "environs", EV, ["src/environs/__init__.py", "tests/test_environs.py"],
            [("Dirkje Kruier", "dirkje@example.org"), ("Evert Luiwerk", "evert@example.org"),
             ("Femke Bilhamer", "femke@example.org")], 41111, 90, EV_BUGS)


# round 290's hawsehole module in windmill words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a miller's word here
MILL_WORDS = ["sackhoist", "milling sums for the sackhoist (sail lengths, stone rates, grinding charts)",
              "sailLength", "stoneToMs", "windBand", "sackLabel", "clothArea", "grindingChart", "windingPlan",
              "No winding planned", "unknown stone type", "burr", "peak", "cullin", "granite",
              "`sack ${w + 1}", "seed = 41113",
              "'sail', 'HOPPER', 'shoe', 'Damsel', 'quant', 'spindle', 'Rynd', 'bedstone', 'runner', 'CAP', "
              "'stock',\n  'whip', 'shutter', 'Spider', 'tentering', 'crowntree'",
              "'Albrecht', 'Bettje', 'Claes', 'Dirkje', 'Evert', 'Femke', 'Gijs', 'Hiltje', 'Jelle', "
              "'Klaasje', 'Lammert', 'Marrigje'"]
assert len(MILL_WORDS) == len(m299.WAGGLE_NAMES)
MILL_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, MILL_WORDS)]


def milled(text: str) -> str:
    for old, new in MILL_NAMES:
        text = text.replace(old, new)
    return text


SH_BUGS = [(milled(rel), milled(old), milled(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "sackhoist"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = milled(m290.FIXTURES)
    assert "41113" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "sackhoist", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/winding-plan.js": milled(m290.APP),
                      "lib/sackhoist.js": milled(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in SH_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def stonenut(text: str) -> str:
    return (text.replace("WEIRKEEPER", "STONENUT").replace("weirkeeper", "stonenut").replace("weir", "sweep_")
            .replace("sluice", "sail").replace("gate_t", "sail_t").replace("gates", "sails")
            .replace("level_cm", "meal_kg").replace("tide", "wind"))


def c_project(tmp: Path) -> None:
    root = tmp / "stonenut"
    rnd = random.Random(41112)
    files = {"src/stonenut.h": stonenut(n191.SKIFF_H), "src/wind.c": stonenut(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/sweep_{k:02d}.c"] = stonenut(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: stonenut\n\n"
                         "stonenut: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/stonenut.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build stonenut\n")
    write_tree(root, files)


def wallower(text: str) -> str:
    return (text.replace("plumbline", "wallower").replace("Plumb-line survey", "Wallower survey")
            .replace("offset_per_m", "wear_per_day").replace("station_penalty", "stone_penalty")
            .replace("readings", "grindings").replace("reading", "grinding").replace("station", "stone"))


def rust(tmp: Path) -> None:
    root = tmp / "wallower"
    rnd = random.Random(41115)
    write_tree(root, {"Cargo.toml": wallower(n191.CARGO).replace("0.3.4", "0.9.1"),
                      "src/lib.rs": wallower(n191.LIB), "src/broken.rs": wallower(n191.BROKEN),
                      "src/grindings.rs": wallower(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's (rounds 344-397 pass their own the same way): the Go module, its app and what
# they count; the grain names of the generated test table
GO_RENAMES = (("kegtally", "runnerstone"), ("casebook", "quernhouse"), ("ledger host", "mill host"),
              ("litres left, days", "sacks left, days"), ("nothing left to pour", "nothing left to grind"),
              ("pour order", "grind order"), ("pour grade", "meal grade"), ("Keg", "Bin"), ("keg", "bin"),
              ("Beer", "Grain"), ("beer", "grain"), ("Cellar", "Mill"), ("cellar", "mill"),
              ("Pints", "Sacks"), ("pints", "sacks"))
GRAINS = ["Red Fife", "Maris Widgeon", "Spelt", "Emmer", "Einkorn", "Winter Rye", "Buckwheat", "Bere Barley",
          "Naked Oats", "Durum", "Khorasan", "Hard Red"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "runnerstone", {**base, "tally_test.go": g273.gen_test(41118, 60, GRAINS, GO_RENAMES)})
    write_tree(tmp / "runnerstone-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "runnerstone-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("runnerstone", "runnerstone-vet", "runnerstone-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "milling.log", 41114, 2300, ["milling.stones", "milling.sails", "milling.api", "milling.hoist"], {
        "INFO": lambda r: f"sack {r.randint(1, 400)} filled: {r.randint(20, 64)} kg of meal from stone pair {r.randint(1, 3)} in {r.randint(4, 30)} min",
        "DEBUG": lambda r: f"tentering check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"stone pair {r.randint(1, 3)} ran {r.randint(1, 9)} thou too close at {r.randint(90, 140)} rpm",
        "ERROR": lambda r: f"sack hoist chain {r.randint(1, 4)} slipped on floor {r.randint(1, 5)} with sack {r.randint(1, 400)}"},
        8411, "2026-12-01")
    app_log(d / "winding.log", 41116, 2000, ["winding.cap", "winding.sails", "winding.api", "winding.db"], {
        "INFO": lambda r: f"cap winded {r.randint(5, 180)} degrees to wind from {r.choice(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'])} at {r.randint(3, 14)} m/s",
        "DEBUG": lambda r: f"wind vane sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"sail {r.randint(1, 4)} shutter {r.randint(1, 40)} stuck at {r.randint(10, 80)}% open",
        "ERROR": lambda r: f"sail brake failed to hold at {r.randint(15, 30)} m/s gust in run {r.randint(2, 40)}"},
        6411, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
