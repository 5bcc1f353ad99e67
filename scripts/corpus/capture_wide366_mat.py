"""Round 366, the material both agents work in (no item is captured here): python-dotenv's and python-ulid's sdists
with bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), the dialwork project (round 290's hawsehole module, fixture generator, app file,
eslint config and tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces
(capture_wide299_mat.WAGGLE_NAMES's left-hand sides) with clockmaking names and another seed), a C project (`arbors`)
and a Rust crate (`mainsprings`) from round 191's generators (capture_wide191_native, imported, renamed, other seeds),
a Go module (`beattally`) from round 273's generator (capture_wide273_go, imported, renamed, another seed), a CSV and a
sqlite table of this machine's documentation files and two application logs. Run through capture_wide366.py."""

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
from capture_wide366 import JS, SRC, VENV

DV, UL = "python_dotenv-1.2.4", "python_ulid-4.1.0"

# dotenv: an unquoted value is cut at any '#', not only at a '#' after whitespace; a ${VAR} is looked up lower-cased.
DV_BUGS = [("src/dotenv/parser.py", '    return re.sub(r"\\s+#.*", "", part).rstrip()',
            '    return re.sub(r"#.*", "", part).rstrip()'),
           ("src/dotenv/variables.py", "        result = env.get(self.name, default)",
            "        result = env.get(self.name.lower(), default)")]
# ulid: a timestamp's first character may be 8, its last character loses its low bit; a float's seconds are taken
# as milliseconds.
UL_BUGS = [("ulid/base32.py", "    if lut[values[0]] > 7:  # noqa: PLR2004", "    if lut[values[0]] > 8:  # noqa: PLR2004"),
           ("ulid/base32.py", "        ((lut[values[8]] << 5) | (lut[values[9]])) & 0xFF,",
            "        ((lut[values[8]] << 5) | (lut[values[9]] >> 1)) & 0xFF,"),
           ("ulid/__init__.py", "            value = int(value * constants.MILLISECS_IN_SECS)\n        if value >",
            "            value = int(value)\n        if value >")]

ESCAPEMENT_ENV = r'''
import io

from dotenv import dotenv_values


class EscapementConfigError(RuntimeError):
    pass


CONFIG = """\
TRAIN_BEATS=18000
ESCAPEMENT=graham deadbeat
BEAT_RATE=${TRAIN_BEATS}
PENDULUM_LENGTH_MM=994
ARBOR_COUNT=${ARBORS:-7}
"""


def beat_rate(values):
    try:
        return int(values["BEAT_RATE"])
    except ValueError as exc:
        raise EscapementConfigError(
            f"BEAT_RATE resolved to {values['BEAT_RATE']!r} (escapement {values['ESCAPEMENT']!r})") from exc


values = dotenv_values(stream=io.StringIO(CONFIG))
print(f"{values['ESCAPEMENT']}: {beat_rate(values)} beats an hour, {values['ARBOR_COUNT']} arbors")
'''

PALLET_IDS = r'''
from ulid import ULID


class PalletIdError(RuntimeError):
    pass


def pallet_id(code):
    try:
        return ULID.from_str(code)
    except ValueError as exc:
        raise PalletIdError(f"pallet stone id {code!r} unreadable ({len(code)} characters)") from exc


for code in ["01JDQ8W7ZB3KX4M9T2V6N5R8PE", "01JDQ8W7ZC0FUSEEPENDULUM7A"]:
    ulid = pallet_id(code)
    print(code, ulid.datetime.isoformat(), ulid.hex)
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / DV, DV_BUGS)
    put_bugs(tmp / UL, UL_BUGS)
    (tmp / DV / "escapement_env.py").write_text(ESCAPEMENT_ENV)
    (tmp / UL / "pallet_ids.py").write_text(PALLET_IDS)
    # ulid/__init__.py asks importlib.metadata for python-ulid's version: the checkout (never installed) is given the
    # metadata an install would leave, next to the package, so that its tests and the script import it from there
    meta = tmp / UL / "python_ulid-4.1.0.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: python-ulid\nVersion: 4.1.0\n")
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict ulid tests pallet_ids.py >/dev/null 2>&1; true", cwd=tmp / UL, timeout=900)
    history(tmp, SRC, "dotenv", DV, ["src/dotenv/main.py", "src/dotenv/parser.py", "tests/test_parser.py"],
            [("Abraham Escapement", "abraham@example.org"), ("Temperance Fusee", "temperance@example.org"),
             ("Josiah Crutch", "josiah@example.org")], 36610, 60, DV_BUGS)
    history(tmp, SRC, "ulid", UL, ["ulid/base32.py", "ulid/__init__.py"],
            [("Hepzibah Arbor", "hepzibah@example.org"), ("Obadiah Pallet", "obadiah@example.org"),
             ("Lettice Bezel", "lettice@example.org")], 36611, 50, UL_BUGS)


# round 290's hawsehole module in clockmaking words: the words round 299's table replaces, in its order (the longer
# names first, so that no shorter one cuts into them), each given a clockmaker's word here
CLOCK_WORDS = ["dialwork", "train sums for the dialwork (pendulum lengths, beat rates, wheel charts)",
               "pendulumLength", "beatToMs", "amplitudeBand", "arborLabel", "dialArea", "wheelChart", "regulatingPlan",
               "No regulating planned", "unknown escapement type", "graham", "verge", "anchor", "gridiron",
               "`wheel ${w + 1}", "seed = 36613",
               "'pendulum', 'PALLET', 'arbor', 'Pinion', 'fusee', 'crutch', 'Bezel', 'barrel', 'click', 'TRAIN', "
               "'rack',\n  'snail', 'motionwork', 'Hand', 'pivot', 'bob'",
               "'Abraham', 'Barnabas', 'Constance', 'Dorcas', 'Ezekiel', 'Faith', 'Gideon', 'Hepzibah', 'Isaac', "
               "'Jemima', 'Lettice', 'Obadiah'"]
assert len(CLOCK_WORDS) == len(m299.WAGGLE_NAMES)
CLOCK_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CLOCK_WORDS)]


def clocked(text: str) -> str:
    for old, new in CLOCK_NAMES:
        text = text.replace(old, new)
    return text


DW_BUGS = [(clocked(rel), clocked(old), clocked(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "dialwork"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = clocked(m290.FIXTURES)
    assert "36613" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "dialwork", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/regulating-plan.js": clocked(m290.APP),
                      "lib/dialwork.js": clocked(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in DW_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def arbors(text: str) -> str:
    return (text.replace("WEIRKEEPER", "ARBORS").replace("weirkeeper", "arbors").replace("weir", "pinion")
            .replace("sluice", "wheel").replace("gate_t", "wheel_t").replace("gates", "wheels")
            .replace("level_cm", "teeth_n").replace("tide", "beat"))


def c_project(tmp: Path) -> None:
    root = tmp / "arbors"
    rnd = random.Random(36612)
    files = {"src/arbors.h": arbors(n191.SKIFF_H), "src/beat.c": arbors(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/pinion_{k:02d}.c"] = arbors(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: arbors\n\n"
                         "arbors: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/arbors.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build arbors\n")
    write_tree(root, files)


def mainsprings(text: str) -> str:
    return (text.replace("plumbline", "mainsprings").replace("Plumb-line survey", "Mainspring torque")
            .replace("offset_per_m", "torque_per_turn").replace("station_penalty", "barrel_penalty")
            .replace("readings", "windings").replace("reading", "winding").replace("station", "barrel"))


def rust(tmp: Path) -> None:
    root = tmp / "mainsprings"
    rnd = random.Random(36615)
    write_tree(root, {"Cargo.toml": mainsprings(n191.CARGO).replace("0.3.4", "0.9.1"),
                      "src/lib.rs": mainsprings(n191.LIB), "src/broken.rs": mainsprings(n191.BROKEN),
                      "src/windings.rs": mainsprings(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's (rounds 344, 351, 359 and 363 pass their own the same way): the Go module, its
# app and what they count; the clock names of the generated test table
GO_RENAMES = (("kegtally", "beattally"), ("casebook", "crutch"), ("ledger host", "regulator host"),
              ("litres left, days", "turns left, days"), ("nothing left to pour", "nothing left to wind"),
              ("pour order", "wind order"), ("pour grade", "beat grade"), ("Keg", "Clock"), ("keg", "clock"),
              ("Beer", "Movement"), ("beer", "movement"), ("Cellar", "Workshop"), ("cellar", "workshop"),
              ("Pints", "Beats"), ("pints", "beats"))
CLOCKS = ["Graham Deadbeat", "Verge Crown", "Anchor Recoil", "Gridiron Bob", "Fusee Chain", "Harrison Grasshopper",
          "Brocot Pallet", "Pinwheel Escape", "Tic Tac", "Mercury Jar", "Double Three-legged", "Coup Perdu"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "beattally", {**base, "tally_test.go": g273.gen_test(36618, 60, CLOCKS, GO_RENAMES)})
    write_tree(tmp / "beattally-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "beattally-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("beattally", "beattally-vet", "beattally-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "regulating.log", 36614, 2300, ["regulating.train", "regulating.pendulum", "regulating.api",
                                                "regulating.bench"], {
        "INFO": lambda r: f"movement {r.randint(1, 40)} regulated: {r.randint(2, 30)} s a day after {r.randint(1, 9)} turns of the nut in {r.randint(20, 240)} min",
        "DEBUG": lambda r: f"beat check {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pendulum {r.randint(1, 40)} out of beat by {r.randint(3, 30)} ms on the crutch",
        "ERROR": lambda r: f"arbor {r.randint(1, 12)} pivot seized after {r.randint(20, 300)} h on bench {r.randint(1, 9)}"},
        8366, "2026-12-01")
    app_log(d / "beating.log", 36616, 2000, ["beating.escapement", "beating.fusee", "beating.api", "beating.db"], {
        "INFO": lambda r: f"escapement {r.randint(1, 30)} fitted on train {r.randint(1, 7)}: {r.randint(8, 60)} teeth in {r.randint(8, 40)} min",
        "DEBUG": lambda r: f"pallet drop {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"fusee {r.randint(1, 6)} chain {r.randint(35, 44)} links short at barrel {r.randint(1, 4)}",
        "ERROR": lambda r: f"mainspring {r.randint(1, 40)} broke at turn {r.randint(1, 6)} arbor {r.randint(2, 12)}"},
        6366, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
