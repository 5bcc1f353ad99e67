"""Round 607, the material both agents work in (no item is captured here): Inflector's and json2xml's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`culchbed`) and a Rust crate (`culchline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`smackhouse`, and a copy `spatgauge`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`bawleyyard`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
591 and 599 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide607.py; round 599's pattern (capture_wide599_mat), this round's words (an oyster fishery) and seeds
(60710-60718)."""

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
from capture_wide607 import JS, SRC, VENV

IN, JX = "Inflector-3.1.1", "json2xml-8.0.0"

# Inflector: x/ch/ss/sh words pluralized with a bare s; ordinalize forgets 13 among the teens (13 -> 13rd).
IN_BUGS = [("inflector/languages/english.py", r"['(?i)(x|ch|ss|sh)$' , '\\1es']", r"['(?i)(x|ch|ss|sh)$' , '\\1s']"),
           ("inflector/languages/base.py",
            "if number % 100 == 11 or number % 100 == 12 or number % 100 == 13:",
            "if number % 100 == 11 or number % 100 == 12:")]
# json2xml: an apostrophe escaped as a quote entity; booleans written as Python's True / False.
JX_BUGS = [("json2xml/dicttoxml.py", "value = value.replace(\"'\", \"&apos;\")", "value = value.replace(\"'\", \"&quot;\")"),
           ("json2xml/dicttoxml.py", "return f\"<{key}{attr_string}>{str(val).lower()}</{key}>\"",
            "return f\"<{key}{attr_string}>{str(val)}</{key}>\"")]

CULLING_BOOK = r"""
from inflector import Inflector


class CullingBookError(RuntimeError):
    pass


# the cullers' tally of the dredging: what each culler sorted off the smacks' catch, and on which day of the month
TALLY = [("Agnes Culch", "native", 340, 11), ("Bartholomew Spat", "brush", 12, 12), ("Cressida Smack", "box", 9, 13),
         ("Dorcas Tingle", "catch", 4, 21), ("Ezra Bawley", "dredge", 6, 22), ("Fenella Creek", "wash", 3, 23),
         ("Gideon Pyefleet", "bench", 2, 113)]
inf = Inflector()


def day(n):
    try:
        return inf.ordinalize(n)
    except TypeError as exc:
        raise CullingBookError(f"culling book: cannot read the day {n!r} of the tally") from exc


for culler, thing, count, when in TALLY:
    print(f"{culler:<18} {count:>4} {inf.pluralize(thing):<10} culled on the {day(when)}")
print("the smudged page:", day("thirteenth"))
"""

SMACK_MANIFEST = r"""
from json2xml.json2xml import Json2xml
from json2xml.utils import InvalidDataError


class SmackManifestError(RuntimeError):
    pass


# the smacks' landing manifest: what each smack landed off which laying, and whether the cullers passed it
MANIFEST = {"landing": "Brightlingsea hard", "smacks": [
    {"smack": "Boadicea", "laying": "Pyefleet", "natives": 1240, "culled": True, "note": "the buyer's tally"},
    {"smack": "Pioneer", "laying": "Colne", "natives": 860, "culled": False, "note": "culch's too thick"},
    {"smack": "Mayflower", "laying": "Blackwater", "natives": 415, "culled": True, "note": "spat on the shell"}]}


def to_xml(entry):
    try:
        return Json2xml(entry, wrapper="manifest", pretty=True).to_xml()
    except (ValueError, InvalidDataError) as exc:
        raise SmackManifestError(f"smack manifest: cannot write the entry for {entry.get('smack')!r}") from exc


print(to_xml(MANIFEST))
print(to_xml({"smack": "Ellen", "laying": "Tollesbury\x07 creek", "natives": 77, "culled": True}))
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / IN, IN_BUGS)
    put_bugs(tmp / JX, JX_BUGS)
    (tmp / IN / "culling_book.py").write_text(CULLING_BOOK)
    (tmp / JX / "smack_manifest.py").write_text(SMACK_MANIFEST)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict json2xml tests smack_manifest.py >/dev/null 2>&1; true", cwd=tmp / JX, timeout=900)
    history(tmp, SRC, "inflector", IN, ["inflector/languages/english.py", "inflector/languages/base.py",
                                         "inflector/__init__.py"],
            [("Agnes Culch", "agnes@example.org"), ("Bartholomew Spat", "bartholomew@example.org"),
             ("Cressida Smack", "cressida@example.org")], 60713, 20, IN_BUGS)
    history(tmp, SRC, "json2xml", JX, ["json2xml/dicttoxml.py", "json2xml/json2xml.py", "json2xml/utils.py"],
            [("Dorcas Tingle", "dorcas@example.org"), ("Ezra Bawley", "ezra@example.org"),
             ("Fenella Creek", "fenella@example.org")], 60714, 40, JX_BUGS)


# round 290's module in oyster fishery words: the words round 299's table replaces, in its order, each given one here
OYSTER_WORDS = ["bawleyyard", "laying sums for the bawleyyard (dredge lengths, haul rates, culling charts)",
                "dredgeLength", "haulToMs", "spatBand", "cullLabel", "layingArea", "cullingChart", "tidePlan",
                "No dredging planned", "unknown oyster type", "native", "rock", "portuguese", "flat",
                "`tide ${w + 1}", "seed = 60718",
                "'culch', 'SMACK', 'dredge', 'Bawley', 'tingle', 'brood', 'Pit', 'shell', 'cull', 'SPAT', "
                "'creek',\n  'laying', 'hard', 'Pyefleet', 'bushel', 'tally'",
                "'Agnes', 'Bartholomew', 'Cressida', 'Dorcas', 'Ezra', 'Fenella', 'Gideon', 'Hepzibah', 'Isaac', "
                "'Jemima', 'Keziah', 'Lemuel'"]
assert len(OYSTER_WORDS) == len(m299.WAGGLE_NAMES)
OYSTER_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, OYSTER_WORDS)]


def oystered(text: str) -> str:
    for old, new in OYSTER_NAMES:
        text = text.replace(old, new)
    return text


BY_BUGS = [(oystered(rel), oystered(old), oystered(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "bawleyyard"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = oystered(m290.FIXTURES)
    assert "60718" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "bawleyyard", "version": "3.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/tide-plan.js": oystered(m290.APP),
                      "lib/bawleyyard.js": oystered(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", BY_BUGS)


def culchbed(text: str) -> str:
    return (text.replace("WEIRKEEPER", "CULCHBED").replace("weirkeeper", "culchbed").replace("sluice", "dredge")
            .replace("weir", "oysterbed_").replace("gate_t", "haul_t").replace("gates", "hauls")
            .replace("level_cm", "silt_cm"))


def c_project(tmp: Path) -> None:
    root = tmp / "culchbed"
    rnd = random.Random(60712)
    files = {"src/culchbed.h": culchbed(n191.SKIFF_H), "src/dredgeline.c": culchbed(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/oysterbed_{k:02d}.c"] = culchbed(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: culchbed\n\n"
                         "culchbed: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/culchbed.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build culchbed\n")
    write_tree(root, files)


def culchline(text: str) -> str:
    return (text.replace("plumbline", "culchline").replace("Plumb-line survey", "Culch line dredging log")
            .replace("offset_per_m", "silt_per_haul").replace("station_penalty", "bed_penalty")
            .replace("readings", "hauls").replace("reading", "haul").replace("station", "bed"))


def rust(tmp: Path) -> None:
    root = tmp / "culchline"
    rnd = random.Random(60715)
    write_tree(root, {"Cargo.toml": culchline(n191.CARGO).replace("0.3.4", "2.3.1"),
                      "src/lib.rs": culchline(n191.LIB), "src/broken.rs": culchline(n191.BROKEN),
                      "src/hauls.rs": culchline(n191.gen_readings(rnd, 230))})
    assert "idx.push(bed_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "smackhouse"), ("casebook", "cullbook"), ("ledger host", "fishery host"),
              ("litres left, days", "bushels left, tides"), ("nothing left to pour", "nothing left to dredge"),
              ("pour order", "dredge order"), ("pour grade", "cull grade"), ("Keg", "Pit"), ("keg", "pit"),
              ("Beer", "Oyster"), ("beer", "oyster"), ("Cellar", "Laying"), ("cellar", "laying"),
              ("Pints", "Dozens"), ("pints", "dozens"))
SG_RENAMES = tuple((o, n.replace("smackhouse", "spatgauge")) for o, n in GO_RENAMES)
LAYINGS = ["Pyefleet", "Colne", "Blackwater", "Tollesbury", "Mersea", "Brightlingsea", "Whitstable", "Seasalter",
           "Roach", "Crouch", "Helford", "Fal"]
SMACKS = ["Boadicea", "Pioneer", "Mayflower", "Ellen", "Hyacinth", "Sunbeam", "ADC", "Charlotte", "Mary", "Ethel",
          "Iris", "Favourite"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("smackhouse", GO_RENAMES, 60710, LAYINGS),
                                       ("spatgauge", SG_RENAMES, 60711, SMACKS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/bug /usr/share/dpkg /usr/share/go-1.19/src/encoding /usr/share/go-1.19/src/net/http"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > spatfall.body && "
        "(echo directory,file,bytes,modified; cat spatfall.body) > spatfall.csv && rm spatfall.body", cwd=d)
    run("sqlite3 spatfall.db '.mode csv' '.import spatfall.csv spatfall'", cwd=d)
    app_log(d / "cullhouse.log", 60716, 2300, ["cullhouse.bench", "cullhouse.cullers", "cullhouse.api",
                                               "cullhouse.tank"], {
        "INFO": lambda r: f"culler {r.randint(1, 6)} finished tally {r.randint(100, 999)}: {r.randint(2, 60)} bushels of {r.choice(['natives', 'rocks', 'brood'])} passed",
        "DEBUG": lambda r: f"tank salinity probe {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"depuration tank {r.randint(1, 6)} pump {r.randint(1, 8)} running {r.randint(2, 40)} min past its cycle of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"cull bench {r.randint(1, 3)} lost the tally of dredge {r.randint(100, 999)} at {r.randint(20, 90)} % of the catch"},
        9607, "2026-12-02")
    app_log(d / "watchboat.log", 60717, 2000, ["watchboat.lamp", "watchboat.gauge", "watchboat.api",
                                               "watchboat.db"], {
        "INFO": lambda r: f"smack {r.randint(1, 400)} landed: {r.randint(3, 90)} bushels from {r.choice(['Pyefleet', 'Colne', 'Blackwater', 'Mersea'])}, {r.randint(2, 40)} min over the layings",
        "DEBUG": lambda r: f"tide gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"watch lamp {r.randint(1, 3)} dimmed {r.randint(1, 9)} times over the layings",
        "ERROR": lambda r: f"dredge winch {r.randint(1, 4)} fouled on smack {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7607, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
