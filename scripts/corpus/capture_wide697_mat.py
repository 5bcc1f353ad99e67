"""Round 697, the material both agents work in (no item is captured here): damm's and isbn-hyphenate's sdists with bugs
put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go in,
as round 689 did) and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), a C project (`goreworks`) and a Rust crate (`goreline`) from round 191's
generators, a Go module (`meridianbook`, and a copy `orreryscale`) from round 273's, a JavaScript project
(`horizonringery`) from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a
sqlite table of some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 689's steps' pattern, this round's
words (a globe maker's) and seeds (69710-69719)."""

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
from capture_wide697 import JS, SRC, VENV

HN, DM = "damm-1.0", "isbn_hyphenate-1.0.4"

# damm: the quasigroup table read with its indices swapped; the digit 9 no longer counted.
HN_BUGS = [("damm/damm.py", "interim = matrix[interim][int(digit)]", "interim = matrix[int(digit)][interim]"),
           ("damm/damm.py", "'8','9','0')", "'8','0')")]
# isbn-hyphenate: the group looked up from the wrong seven digits; the book number's leading zeros dropped.
DM_BUGS = [("isbn_hyphenate/isbn_hyphenate.py", "first7 = int(without_hyphens[:7])",
            "first7 = int(without_hyphens[1:8])"),
           ("isbn_hyphenate/isbn_hyphenate.py", "book_id = without_hyphens[:-1]",
            "book_id = without_hyphens[:-1].lstrip('0')")]

HN_CALLS = r"""
import json, random
import damm
r = random.Random(69719)
calls = []
for k in range(160):
    n = "".join(str(r.randint(0, 9)) for _ in range(r.randint(2, 19)))
    digit = damm.encode(n)
    calls.append({"id": f"gore-{k:03d}-{n}", "number": n, "digit": digit, "checked": damm.check(n + str(digit))})
json.dump(calls, open("tests/meridian_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

HN_TEST = r'''"""The globemaker's gore numbers given Damm check digits (expectations from damm 1.0 unbroken)."""
import json
import pathlib

import pytest

import damm

CALLS = json.loads((pathlib.Path(__file__).parent / "meridian_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_meridian_damm(call):
    assert damm.encode(call["number"]) == call["digit"]
    assert damm.check(call["number"] + str(call["digit"])) == call["checked"]
'''

DM_CALLS = r"""
import json, random
import isbn_hyphenate
r = random.Random(69719)


def isbn13(body):
    s = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def isbn10(body):
    s = sum((10 - i) * int(c) for i, c in enumerate(body))
    d = (11 - s % 11) % 11
    return body + ("X" if d == 10 else str(d))


calls = []
for k in range(140):
    group = r.choice(["0", "1", "2", "3", "4", "5", "7", "80", "84", "88", "90", "951", "960", "99921"])
    rest = "".join(str(r.randint(0, 9)) for _ in range(9 - len(group)))
    if r.random() < 0.6:
        isbn = isbn13(r.choice(["978", "978", "979"]) + group + rest)
    else:
        isbn = isbn10(group + rest)
    try:
        want, error = isbn_hyphenate.hyphenate(isbn), None
    except (isbn_hyphenate.IsbnError, ValueError) as exc:  # the library's own int() of an X-ended tail
        want, error = None, type(exc).__name__
    calls.append({"id": f"orrery-{k:03d}-{isbn}", "isbn": isbn, "hyphenated": want, "error": error})
json.dump(calls, open("tests/horizon_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

DM_TEST = r'''"""The globemaker's atlas ISBNs hyphenated (expectations from isbn-hyphenate 1.0.4 unbroken)."""
import json
import pathlib

import pytest

import isbn_hyphenate

CALLS = json.loads((pathlib.Path(__file__).parent / "horizon_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_horizon_isbn(call):
    if call["error"]:
        with pytest.raises(ValueError if call["error"] == "ValueError" else getattr(isbn_hyphenate, call["error"])):
            isbn_hyphenate.hyphenate(call["isbn"])
    else:
        assert isbn_hyphenate.hyphenate(call["isbn"]) == call["hyphenated"]
'''

MINION_TALLY = r"""
import damm


class GoreworkError(RuntimeError):
    pass


# the globemaker's gorework: each globe's hex serial given its Damm check digit before it is varnished
GLOBES = [("terrestrial 12in", "572b"), ("celestial 18in", "4f09ac"), ("pocket globe", "0931"),
          ("library pair", "ab12cd"), ("armillary", "7g3e"), ("orrery drum", "ffe0")]


def tally(name, serial):
    try:
        return damm.encode16(serial)
    except (TypeError, ValueError) as exc:
        raise GoreworkError(f"gorework: cannot give the {name} globe serial {serial!r} its check digit") from exc


for name, serial in GLOBES:
    print(f"{name:<18} {serial:>8}  {tally(name, serial)}")
"""

GRAVER_SITES = r"""
import isbn_hyphenate


class OrreryError(RuntimeError):
    pass


# the globemaker's atlases, their ISBNs as the shop boy copied them into the orrery ledger
ATLASES = [("celestial atlas", "9780306406157"), ("gore templates", "0-8044-2957-X"),
           ("meridian tables", "1843560283"), ("horizon rings", "978-0-3O6-40615-7"),
           ("orrery plates", "9781402894626")]


def hyphenate(name, isbn):
    try:
        return isbn_hyphenate.hyphenate(isbn)
    except isbn_hyphenate.IsbnError as exc:
        raise OrreryError(f"orrery: cannot hyphenate the {name} ISBN {isbn!r} in the ledger") from exc


for name, isbn in ATLASES:
    print(f"{name:<18} {isbn:<20} {hyphenate(name, isbn)}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname, pp in ((HN, HN_CALLS, HN_TEST, "test_meridian_damm.py", "."),
                                         (DM, DM_CALLS, DM_TEST, "test_horizon_isbn.py", ".")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH={pp} {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / HN, HN_BUGS)
    put_bugs(tmp / DM, DM_BUGS)
    (tmp / HN / "meridian_tally.py").write_text(MINION_TALLY)
    (tmp / DM / "orrery_atlases.py").write_text(GRAVER_SITES)
    history(tmp, SRC, "damm", HN, ["damm/damm.py", "damm/damm16.py", "setup.py"],
            [("Gerard Mercator", "gerard@example.org"), ("Joan Blaeu", "joan@example.org"),
             ("Vincenzo Coronelli", "vincenzo@example.org")], 69713, 3, HN_BUGS)
    history(tmp, SRC, "isbn_hyphenate", DM, ["isbn_hyphenate/isbn_hyphenate.py", "isbn_hyphenate/__init__.py",
                                              "setup.py"],
            [("Martin Behaim", "martin@example.org"), ("Emery Molyneux", "emery@example.org"),
             ("Nathaniel Hill", "nathaniel@example.org")], 69714, 4, DM_BUGS)


# round 290's module in a globe maker's words: the words round 299's table replaces, in its order, each given one here
GLOBE_WORDS = ["horizonringery", "gore sums for the horizonringery (gore widths, varnish times, meridian charts)",
               "goreWidth", "varnishToMs", "meridianBand", "globeLabel", "sphereArea", "meridianChart", "gorePlan",
               "No globes pasted", "unknown globe type", "terrestrial", "celestial", "pocket", "reglue",
               "`pasting ${w + 1}", "seed = 69718",
               "'gore', 'MERIDIAN', 'ring', 'Orrery', 'globe', 'paste', 'Varnish', 'gesso', 'axis', 'PAPER', "
               "'sphere',\n  'compass', 'horizon', 'Celestial', 'plaster', 'tally'",
               "'Gerard', 'Joan', 'Vincenzo', 'Martin', 'Emery', 'Nathaniel', 'Willem', 'Jodocus', "
               "'Matthaus', 'Johann', 'Lorenz', 'Dudley'"]
assert len(GLOBE_WORDS) == len(m299.WAGGLE_NAMES)
GLOBE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, GLOBE_WORDS)]


def globed(text: str) -> str:
    for old, new in GLOBE_NAMES:
        text = text.replace(old, new)
    return text


MB_BUGS = [(globed(rel), globed(old), globed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "horizonringery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = globed(m290.FIXTURES)
    assert "69718" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "horizonringery", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/gore-plan.js": globed(m290.APP), "lib/horizonringery.js": globed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", MB_BUGS)


def gorework(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GOREWORKS").replace("weirkeeper", "goreworks")
            .replace("sluice", "meridianline").replace("weir", "gore_").replace("gate_t", "ring_t")
            .replace("gates", "rings").replace("level_cm", "gore_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "goreworks"
    rnd = random.Random(69712)
    files = {"src/goreworks.h": gorework(n191.SKIFF_H), "src/meridianline.c": gorework(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/gore_{k:02d}.c"] = gorework(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: goreworks\n\n"
                         "goreworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/goreworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build goreworks\n")
    write_tree(root, files)


def goreline(text: str) -> str:
    return (text.replace("plumbline", "goreline").replace("Plumb-line survey", "Gore line pasting log")
            .replace("offset_per_m", "stretch_per_gore").replace("station_penalty", "seam_penalty")
            .replace("readings", "pastings").replace("reading", "pasting").replace("station", "seam"))


def rust(tmp: Path) -> None:
    root = tmp / "goreline"
    rnd = random.Random(69715)
    write_tree(root, {"Cargo.toml": goreline(n191.CARGO).replace("0.3.4", "2.6.1"),
                      "src/lib.rs": goreline(n191.LIB), "src/broken.rs": goreline(n191.BROKEN),
                      "src/pastings.rs": goreline(n191.gen_readings(rnd, 230))})
    assert "idx.push(seam_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "meridianbook"), ("casebook", "ringbook"), ("ledger host", "globe host"),
              ("litres left, days", "gores left, pastings"), ("nothing left to pour", "nothing left to paste"),
              ("pour order", "pasting order"), ("pour grade", "paper grade"), ("Keg", "Globe"), ("keg", "globe"),
              ("Beer", "Varnish"), ("beer", "varnish"), ("Cellar", "Shop"), ("cellar", "shop"),
              ("Pints", "Gores"), ("pints", "gores"))
SP_RENAMES = tuple((o, n.replace("meridianbook", "orreryscale")) for o, n in GO_RENAMES)
LOTS = ["Terrestrial", "Celestial", "Pocket", "Library", "Armillary", "Tellurion", "Lunar", "Moon", "Table",
        "Floor", "Travelling", "Orrery"]
CUTTERS = ["Gerard", "Joan", "Vincenzo", "Martin", "Emery", "Nathaniel", "Willem", "Jodocus", "Matthaus",
           "Johann", "Lorenz", "Dudley"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("meridianbook", GO_RENAMES, 69710, LOTS),
                                       ("orreryscale", SP_RENAMES, 69711, CUTTERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/math/bits /usr/share/go-1.19/src/image/color "
         "/usr/share/go-1.19/src/hash/adler32 /usr/share/go-1.19/src/image/draw")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > globestore.body && "
        "(echo directory,file,bytes,modified; cat globestore.body) > globestore.csv && rm globestore.body", cwd=d)
    run("sqlite3 globestore.db '.mode csv' '.import globestore.csv globestore'", cwd=d)
    app_log(d / "gorework.log", 69716, 2300, ["gorework.pasting", "gorework.varnish", "gorework.api",
                                              "gorework.turning"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished globe {r.randint(100, 999)}: {r.randint(2, 24)} gores of {r.choice(['terrestrial', 'celestial', 'lunar'])} paper pasted",
        "DEBUG": lambda r: f"size pot {r.randint(1, 6)} warmed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"gore {r.randint(1, 24)} of globe {r.randint(1, 8)} lifted {r.randint(2, 40)} min after its pasting of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"meridian ring {r.randint(1, 3)} cracked under globe {r.randint(100, 999)} at {r.randint(20, 90)} % of the turning"},
        9697, "2026-12-02")
    app_log(d / "orrery.log", 69717, 2000, ["orrery.gearing", "orrery.horizon",
                                            "orrery.api", "orrery.db"], {
        "INFO": lambda r: f"orrery {r.randint(1, 400)} assembled: {r.randint(3, 90)} wheels of {r.choice(['brass', 'boxwood', 'steel', 'ivory'])} turned, {r.randint(2, 40)} teeth a wheel",
        "DEBUG": lambda r: f"horizon sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"varnish room {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the shop",
        "ERROR": lambda r: f"gear train {r.randint(1, 4)} jammed on orrery {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7697, "2026-12-03")

STEPS = [python, js_project, c_project, rust, go_module, data]
