"""Round 481, the material both agents work in (no item is captured here): geojson's and zeep's sdists with bugs put
in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), the saltloft project (round 290's module, fixture generator, app file, eslint config and
tsconfig, imported from capture_wide290_mat, renamed through the words round 299's table replaces with salt store
names and another seed), a C project (`boilery`) and a Rust crate (`lumpsalt`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`rakehouse`, and a copy `drawrake`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a CSV and a sqlite table of some /usr/share files
and two application logs. Run through capture_wide481.py."""

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
from capture_wide481 import JS, SRC, VENV

GJ, ZP = "geojson-3.3.0", "zeep-4.3.3"

# geojson: map_coords no longer maps the second coordinate; a ring's check compares its first position with its second.
GJ_BUGS = [("geojson/utils.py", "return (func(coord[0]), func(coord[1]))", "return (func(coord[0]), coord[1])"),
           ("geojson/geometry.py", "elem[0] == elem[-1]", "elem[0] == elem[1]")]
# zeep: as_qname no longer binds the xml: prefix; an unprefixed name takes the target namespace only when there is none.
ZP_BUGS = [("src/zeep/utils.py", 'if prefix == "xml":', 'if prefix == "xsd":'),
           ("src/zeep/utils.py", "if target_namespace:\n        return etree.QName(target_namespace, value)",
            "if not target_namespace:\n        return etree.QName(target_namespace, value)")]

PAN_TALLY = r'''
import geojson


class PanTallyError(RuntimeError):
    pass


# the salt store's evaporation pans: name and the closed ring of its corners (metres from the store's gate)
PANS = [("Pan 1 (great pan)", [[0, 0], [12, 0], [12, 8], [0, 8], [0, 0]]),
        ("Pan 2 (fishery pan)", [[14, 0], [22, 0], [22, 6], [14, 6], [14, 0]]),
        ("Pan 3 (lump pan)", [[0, 10], [9, 10], [9, 16], [0, 16], [0, 10]])]


def area(name, ring):
    pan = geojson.Polygon([ring])
    try:
        problem = pan.errors()
        if problem:
            raise ValueError(problem)
    except ValueError as exc:
        raise PanTallyError(f"pan tally: {name} is not a closed pan ({len(ring)} corners)") from exc
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


print({name: area(name, ring) for name, ring in PANS})
'''

RAKE_LOG = r'''
from lxml import etree

from zeep.exceptions import XMLParseError
from zeep.utils import as_qname


class RakeLogError(RuntimeError):
    pass


# the salt store's rake log: each raking's attributes, read as qualified names against the log's namespaces
NSMAP = {"rk": "urn:saltstore:rake", "xsd": "http://www.w3.org/2001/XMLSchema"}
RAKINGS = [("rake 1", "rk:pan", "Pan 1"), ("rake 2", "rk:sacks", "14"), ("rake 3", "xml:lang", "en-GB"),
           ("rake 4", "rk:grain", "flake")]


def qualified(raking):
    rake, name, value = raking
    try:
        return str(as_qname(name, NSMAP, "urn:saltstore:rake")), value
    except XMLParseError as exc:
        raise RakeLogError(f"rake log: {rake} has an attribute {name!r} ({value}) with no namespace") from exc


print(dict(qualified(r) for r in RAKINGS))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / GJ, GJ_BUGS)
    put_bugs(tmp / ZP, ZP_BUGS)
    (tmp / GJ / "pan_tally.py").write_text(PAN_TALLY)
    (tmp / ZP / "rake_log.py").write_text(RAKE_LOG)
    # warm mypy's caches here so that the agents' runs end within Codex's 30 s yield
    run(f"{VENV}/bin/mypy --strict src/zeep rake_log.py >/dev/null 2>&1; true", cwd=tmp / ZP, timeout=900)
    history(tmp, SRC, "geojson", GJ, ["geojson/geometry.py", "geojson/utils.py", "geojson/base.py"],
            [("Ada Boiler", "ada@example.org"), ("Bram Raker", "bram@example.org"),
             ("Cass Tally", "cass@example.org")], 48114, 40, GJ_BUGS)
    history(tmp, SRC, "zeep", ZP, ["src/zeep/utils.py", "src/zeep/helpers.py"],
            [("Dilys Lumper", "dilys@example.org"), ("Emlyn Brine", "emlyn@example.org"),
             ("Fenna Wich", "fenna@example.org")], 48113, 40, ZP_BUGS)


# round 290's module in salt store words: the words round 299's table replaces, in its order, each given a salt
# store's word here
SALT_WORDS = ["saltloft", "salt store sums for the saltloft (pan loads, brine rates, raking charts)",
              "panLoad", "brineToMs", "grainBand", "sackLabel", "panArea", "rakingChart", "rakingPlan",
              "No raking planned", "unknown salt type", "flake", "coarse", "fine", "rock",
              "`pan ${w + 1}", "seed = 48118",
              "'pan', 'RAKE', 'sack', 'Tally', 'brine', 'lump', 'Crust', 'grain', 'wich', 'BOILER', 'scale',\n"
              "  'barrow', 'hopper', 'Trough', 'stove', 'crib'",
              "'Ada', 'Bram', 'Cass', 'Dilys', 'Emlyn', 'Fenna', 'Garth', 'Hesper', 'Idris', "
              "'Jory', 'Kerensa', 'Lowri'"]
assert len(SALT_WORDS) == len(m299.WAGGLE_NAMES)
SALT_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SALT_WORDS)]


def salted(text: str) -> str:
    for old, new in SALT_NAMES:
        text = text.replace(old, new)
    return text


SL_BUGS = [(salted(rel), salted(old), salted(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "saltloft"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = salted(m290.FIXTURES)
    assert "48118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "saltloft", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/raking-plan.js": salted(m290.APP),
                      "lib/saltloft.js": salted(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    put_bugs(root / "lib", SL_BUGS)


def boilery(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BOILERY").replace("weirkeeper", "boilery").replace("weir", "pan_")
            .replace("sluice", "rake").replace("gate_t", "rake_t").replace("gates", "rakes")
            .replace("level_cm", "brine_l").replace("tide", "lump"))


def c_project(tmp: Path) -> None:
    root = tmp / "boilery"
    rnd = random.Random(48112)
    files = {"src/boilery.h": boilery(n191.SKIFF_H), "src/tallies.c": boilery(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/pan_{k:02d}.c"] = boilery(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: boilery\n\n"
                         "boilery: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/boilery.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build boilery\n")
    write_tree(root, files)


def lumpsalt(text: str) -> str:
    return (text.replace("plumbline", "lumpsalt").replace("Plumb-line survey", "Lump salt survey")
            .replace("offset_per_m", "brine_per_pan").replace("station_penalty", "pan_penalty")
            .replace("readings", "lumps").replace("reading", "lump").replace("station", "pan"))


def rust(tmp: Path) -> None:
    root = tmp / "lumpsalt"
    rnd = random.Random(48115)
    write_tree(root, {"Cargo.toml": lumpsalt(n191.CARGO).replace("0.3.4", "0.5.1"),
                      "src/lib.rs": lumpsalt(n191.LIB), "src/broken.rs": lumpsalt(n191.BROKEN),
                      "src/lumps.rs": lumpsalt(n191.gen_readings(rnd, 230))})


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "rakehouse"), ("casebook", "lumpbook"), ("ledger host", "store host"),
              ("litres left, days", "sacks left, days"), ("nothing left to pour", "nothing left to rake"),
              ("pour order", "raking order"), ("pour grade", "salt grade"), ("Keg", "Pan"), ("keg", "pan"),
              ("Beer", "Salt"), ("beer", "salt"), ("Cellar", "Store"), ("cellar", "store"),
              ("Pints", "Sacks"), ("pints", "sacks"))
DR_RENAMES = tuple((o, n.replace("rakehouse", "drawrake")) for o, n in GO_RENAMES)
SALTS = ["Maldon flake", "Fleur de sel", "Sel gris", "Halite", "Kala namak", "Alaea", "Trapani", "Guerande",
         "Cheshire rock", "Droitwich brine", "Anglesey", "Cervia"]
WICHES = ["Lymington", "Nantwich", "Middlewich", "Northwich", "Seasalter", "Lindisfarne", "Saltcoats",
          "Prestonpans", "Hartlepool", "Shields", "Cleadon", "Blyth"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("rakehouse", GO_RENAMES, 48110, SALTS),
                                       ("drawrake", DR_RENAMES, 48111, WICHES)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/wireshark /usr/share/gitweb /usr/share/systemtap"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "saltstore.log", 48116, 2300, ["saltstore.pans", "saltstore.rakes", "saltstore.api", "saltstore.sacks"], {
        "INFO": lambda r: f"pan {r.randint(1, 8)} raked: {r.randint(40, 300)} kg of salt from {r.randint(200, 900)} litres of brine in {r.randint(3, 25)} min",
        "DEBUG": lambda r: f"brine gauge {r.randint(1, 40)} took {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pan {r.randint(1, 8)} brine at {r.randint(20, 26)} % salinity, {r.randint(2, 9)} points under the raking limit",
        "ERROR": lambda r: f"stove {r.randint(1, 3)} went out under pan {r.randint(1, 8)} at {r.randint(20, 90)} % load"},
        8481, "2026-12-02")
    app_log(d / "brinetally.log", 48117, 2000, ["brinetally.pan", "brinetally.rake", "brinetally.api", "brinetally.db"], {
        "INFO": lambda r: f"sack tally {r.randint(1, 24)} closed: {r.randint(20, 90)} sacks at {r.randint(20, 50)} kg, grade {r.choice(['flake', 'fine', 'coarse', 'reject'])}",
        "DEBUG": lambda r: f"salinity sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"rake {r.randint(1, 6)} ran {r.randint(5, 40)} min past the pan schedule",
        "ERROR": lambda r: f"brine pump {r.randint(1, 4)} lost prime on pan {r.randint(1, 8)} after {r.randint(1, 60)} litres"},
        6481, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
