"""Round 427, the material both agents work in (no item is captured here): jsonmerge's and jsonlines' sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the limewash project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with lime-works
names and another seed), a C project (`slakehouse`) and a Rust crate (`chalkpit`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`hydrator`) from round 273's generator
(capture_wide273_go, imported, renamed, another seed), a CSV and a sqlite table of this machine's documentation files
and two application logs. Run through capture_wide427.py."""

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
from capture_wide427 import JS, SRC, VENV

JM, JL = "jsonmerge-1.9.2", "jsonlines-4.0.0"

# jsonmerge: Version's limit keeps the oldest entries; sort_array sorts the wrong way round.
JM_BUGS = [("jsonmerge/strategies.py", "base.val = base.val[-limit:]", "base.val = base.val[:limit]"),
           ("jsonmerge/strategies.py", "base.sort(key=key, reverse=bool(sortReverse))",
            "base.sort(key=key, reverse=not sortReverse)")]
# jsonlines: an invalid line is re-raised only when told to skip it; a BOM is cut with the next character; the
# compact writer puts a blank after its colons.
JL_BUGS = [("jsonlines/jsonlines.py", "if not skip_invalid:\n                        raise",
            "if skip_invalid:\n                        raise"),
           ("jsonlines/jsonlines.py", "line = line[1:]", "line = line[2:]"),
           ("jsonlines/jsonlines.py", 'separators=(",", ":") if self._compact', 'separators=(",", ": ") if self._compact')]

HYDRATOR_LOG = r'''
from jsonmerge import Merger


class HydratorLogError(RuntimeError):
    pass


# the hydrator's batch readings, merged one shift at a time, keeping the last three
SCHEMA = {"properties": {"batch": {"mergeStrategy": "version", "mergeOptions": {"limit": 3}}}}
SHIFTS = [{"batch": {"quicklime_kg": 500, "water_l": 160}},
          {"batch": {"quicklime_kg": 520, "water_l": 170}},
          {"batch": {"quicklime_kg": 480, "water_l": 150}},
          {"batch": {"quicklime_kg": 510, "water_l": 165, "outlet_temp_c": 104}},
          {"batch": {"quicklime_kg": 505, "water_l": 162, "outlet_temp_c": 101}}]


def newest_outlet_temp(shifts):
    merger = Merger(SCHEMA)
    base = None
    for shift in shifts:
        base = merger.merge(base, shift)
    newest = base["batch"][-1]["value"]
    try:
        return newest["outlet_temp_c"]
    except KeyError as exc:
        raise HydratorLogError(f"hydrator batch log: newest of {len(base['batch'])} kept readings has no outlet temperature") from exc


print(newest_outlet_temp(SHIFTS))
'''

KILN_CHARGES = r'''
import codecs
import jsonlines


class ChargeLogError(RuntimeError):
    pass


# the kiln's charge log as the draw-face tablet exports it (a UTF-8 byte-order mark first)
with open("kiln_charges.jsonl", "wb") as fp:
    fp.write(codecs.BOM_UTF8)
    for n, (stone, coke) in enumerate([(6200, 610), (6150, 600), (6300, 640)], 1):
        fp.write(f'{{"charge": {n}, "limestone_kg": {stone}, "coke_kg": {coke}}}\n'.encode())


def charges(path):
    rows = []
    with open(path, "rb") as fp:
        reader = jsonlines.Reader(fp)
        try:
            while True:
                rows.append(reader.read())
        except EOFError:
            return rows
        except jsonlines.InvalidLineError as exc:
            raise ChargeLogError(f"kiln charge log {path} could not be read after {len(rows)} charges") from exc


print(sum(c["limestone_kg"] for c in charges("kiln_charges.jsonl")))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / JM, JM_BUGS)
    put_bugs(tmp / JL, JL_BUGS)
    (tmp / JM / "hydrator_log.py").write_text(HYDRATOR_LOG)
    (tmp / JL / "kiln_charges.py").write_text(KILN_CHARGES)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict jsonlines tests kiln_charges.py >/dev/null 2>&1; true", cwd=tmp / JL, timeout=900)
    history(tmp, SRC, "jsonmerge", JM, ["jsonmerge/strategies.py", "jsonmerge/__init__.py"],
            [("Agnes Kalkbrenner", "agnes@example.org"), ("Bertram Loescher", "bertram@example.org"),
             ("Cilla Ofenmeister", "cilla@example.org")], 42710, 25, JM_BUGS)
    history(tmp, SRC, "jsonlines", JL, ["jsonlines/jsonlines.py", "tests/test_jsonlines.py"],
            [("Dafydd Limeburn", "dafydd@example.org"), ("Elspeth Chalker", "elspeth@example.org"),
             ("Fergus Hydrate", "fergus@example.org")], 42711, 60, JL_BUGS)


# round 290's module in lime-works words: the words round 299's table replaces, in its order, each given a lime
# works' word here
LIME_WORDS = ["limewash", "lime-works sums for the limewash (kiln loads, slaking rates, burning charts)",
              "kilnLoad", "slakeToMs", "heatBand", "batchLabel", "hearthArea", "burningChart", "drawingPlan",
              "No drawing planned", "unknown stone type", "chalk", "oolite", "dolomite", "marl",
              "`shift ${w + 1}", "seed = 42713",
              "'kiln', 'SLAKER', 'hydrator', 'Putty', 'drawface', 'eye', 'Pot', 'hearth', 'flue', 'COKE', "
              "'burner',\n  'rake', 'riddle', 'Sieve', 'tramway', 'breaker'",
              "'Agnes', 'Bertram', 'Cilla', 'Dafydd', 'Elspeth', 'Fergus', 'Gwen', 'Hamish', 'Iona', "
              "'Jory', 'Kerenza', 'Lowen'"]
assert len(LIME_WORDS) == len(m299.WAGGLE_NAMES)
LIME_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, LIME_WORDS)]


def limed(text: str) -> str:
    for old, new in LIME_NAMES:
        text = text.replace(old, new)
    return text


LW_BUGS = [(limed(rel), limed(old), limed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "limewash"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = limed(m290.FIXTURES)
    assert "42713" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "limewash", "version": "2.3.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/drawing-plan.js": limed(m290.APP),
                      "lib/limewash.js": limed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    for rel, old, new in LW_BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def slakehouse(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SLAKEHOUSE").replace("weirkeeper", "slakehouse").replace("weir", "drawface_")
            .replace("sluice", "kiln").replace("gate_t", "kiln_t").replace("gates", "kilns")
            .replace("level_cm", "charge_kg").replace("tide", "burn"))


def c_project(tmp: Path) -> None:
    root = tmp / "slakehouse"
    rnd = random.Random(42712)
    files = {"src/slakehouse.h": slakehouse(n191.SKIFF_H), "src/burn.c": slakehouse(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/drawface_{k:02d}.c"] = slakehouse(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: slakehouse\n\n"
                         "slakehouse: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/slakehouse.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build slakehouse\n")
    write_tree(root, files)


def chalkpit(text: str) -> str:
    return (text.replace("plumbline", "chalkpit").replace("Plumb-line survey", "Chalk pit survey")
            .replace("offset_per_m", "yield_per_cut").replace("station_penalty", "face_penalty")
            .replace("readings", "cuts").replace("reading", "cut").replace("station", "face"))


def rust(tmp: Path) -> None:
    root = tmp / "chalkpit"
    rnd = random.Random(42715)
    write_tree(root, {"Cargo.toml": chalkpit(n191.CARGO).replace("0.3.4", "1.2.7"),
                      "src/lib.rs": chalkpit(n191.LIB), "src/broken.rs": chalkpit(n191.BROKEN),
                      "src/cuts.rs": chalkpit(n191.gen_readings(rnd, 240))})


# round 273's words, then this round's: the Go module, its app and what they count; the stone names of the table
GO_RENAMES = (("kegtally", "hydrator"), ("casebook", "puttypit"), ("ledger host", "works host"),
              ("litres left, days", "tonnes left, days"), ("nothing left to pour", "nothing left to slake"),
              ("pour order", "slake order"), ("pour grade", "putty grade"), ("Keg", "Bin"), ("keg", "bin"),
              ("Beer", "Lime"), ("beer", "lime"), ("Cellar", "Works"), ("cellar", "works"),
              ("Pints", "Tonnes"), ("pints", "tonnes"))
STONES = ["Buxton Grey", "Portland Roach", "Bath Oolite", "Carboniferous", "Magnesian", "Lias Blue",
          "Purbeck", "Clunch", "Totternhoe", "Kentish Rag", "Hydraulic NHL5", "Fat Putty"]


def go_module(tmp: Path) -> None:
    base = {"go.mod": g273.renamed(g273.GO_MOD, GO_RENAMES), "tally.go": g273.renamed(g273.TALLY_GO, GO_RENAMES)}
    write_tree(tmp / "hydrator", {**base, "tally_test.go": g273.gen_test(42718, 60, STONES, GO_RENAMES)})
    write_tree(tmp / "hydrator-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, GO_RENAMES)})
    write_tree(tmp / "hydrator-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, GO_RENAMES)})
    for d in ("hydrator", "hydrator-vet", "hydrator-build"):
        assert "keg" not in (tmp / d / "tally.go").read_text().lower()


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run("find /usr/share/doc -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > docs.body && "
        "(echo directory,file,bytes,modified; cat docs.body) > docs.csv && rm docs.body", cwd=d)
    run("sqlite3 docs.db '.mode csv' '.import docs.csv docs'", cwd=d)
    app_log(d / "slaking.log", 42714, 2300, ["slaking.hydrator", "slaking.kiln", "slaking.api", "slaking.bagger"], {
        "INFO": lambda r: f"batch {r.randint(1, 400)} slaked: {r.randint(300, 900)} kg of quicklime with {r.randint(90, 300)} l water in {r.randint(4, 30)} min",
        "DEBUG": lambda r: f"putty probe {r.randint(1, 60)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"hydrator {r.randint(1, 3)} outlet at {r.randint(98, 130)} C above the {r.randint(90, 97)} C limit",
        "ERROR": lambda r: f"bagger {r.randint(1, 4)} jammed on line {r.randint(1, 5)} with batch {r.randint(1, 400)}"},
        8427, "2026-12-01")
    app_log(d / "burning.log", 42716, 2000, ["burning.kiln", "burning.draw", "burning.api", "burning.db"], {
        "INFO": lambda r: f"kiln {r.randint(1, 6)} charged with {r.randint(4, 9)} t of stone and {r.randint(300, 900)} kg of coke at level {r.choice(['top', 'upper', 'middle', 'lower'])}",
        "DEBUG": lambda r: f"thermocouple sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 6)} draw eye {r.randint(1, 4)} clinkered at {r.randint(900, 1300)} C",
        "ERROR": lambda r: f"kiln {r.randint(1, 6)} burn zone lost draught at {r.randint(700, 1100)} C in run {r.randint(2, 40)}"},
        6427, "2026-12-02")


STEPS = [python, js_project, c_project, rust, go_module, data]
