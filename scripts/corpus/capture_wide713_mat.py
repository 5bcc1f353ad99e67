"""Round 713, the material both agents work in (no item is captured here): pyshp's and lat-lon-parser's sdists with
bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go
in, as round 705 did) and a script each that runs their code wrongly, git histories built by committing their sources
in steps (capture_material.history), a C project (`compassworks`) and a Rust crate (`graticuleline`) from round 191's
generators, a Go module (`hachurebook`, and a copy `rosescale`) from round 273's, a JavaScript project (`cartouchery`)
from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a sqlite table of
some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 705's steps' pattern, this round's
words (a mapmaker's) and seeds (71310-71319)."""

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
from capture_wide713 import JS, SRC, VENV

PS, LL = "pyshp-3.1.9", "lat_lon_parser-1.3.1"

# pyshp: a ring's signed area missing its last term; bbox_overlap's last comparison against the wrong axis.
PS_BUGS = [("src/shapefile.py",
            "area2: float = sum(xs[i] * (ys[i + 1] - ys[i - 1]) for i in range(1, len(coords)))",
            "area2: float = sum(xs[i] * (ys[i + 1] - ys[i - 1]) for i in range(1, len(coords) - 1))"),
           ("src/shapefile.py", "xmin1 <= xmax2 and xmin2 <= xmax1 and ymin1 <= ymax2 and ymin2 <= ymax1",
            "xmin1 <= xmax2 and xmin2 <= xmax1 and ymin1 <= ymax2 and ymin2 <= xmax1")]
# lat-lon-parser: seconds counted ten times over; a trailing 's' no longer makes a value negative.
LL_BUGS = [("lat_lon_parser/lat_long.py", "abs(d) + m / 60 + s / 3600", "abs(d) + m / 60 + s / 360"),
           ("lat_lon_parser/parser.py", "negative = -1 if string.endswith(('w', 's')) else 1",
            "negative = -1 if string.endswith(('w',)) else 1")]

PS_CALLS = r"""
import json, math, random
import shapefile
r = random.Random(71319)
PLATES = ["cartouche", "graticule", "hachure", "compass rose", "legend", "border", "inset", "scale bar"]


def ring():
    cx, cy = r.uniform(-170, 170), r.uniform(-80, 80)
    angles = sorted(r.uniform(0, 2 * math.pi) for _ in range(r.randint(4, 11)))
    pts = [[round(cx + r.uniform(2, 9) * math.cos(a), 3), round(cy + r.uniform(2, 9) * math.sin(a), 3)] for a in angles]
    if r.random() < 0.5:
        pts.reverse()
    return pts + [pts[0]]


calls = []
for k in range(170):
    kind = r.choice(["area", "area", "area", "cw", "bbox", "inside", "overlap", "overlap", "contains"])
    a = ring()
    call = {"id": f"plate-{k:03d}-{kind}-{r.choice(PLATES).replace(' ', '_')}", "kind": kind, "ring": a}
    if kind == "area":
        call["want"] = shapefile.signed_area(a)
    elif kind == "cw":
        call["want"] = shapefile.is_cw(a)
    elif kind == "bbox":
        call["want"] = list(shapefile.ring_bbox(a))
    elif kind == "inside":
        bb = shapefile.ring_bbox(a)
        call["point"] = [round(r.uniform(bb[0], bb[2]), 3), round(r.uniform(bb[1], bb[3]), 3)]
        call["want"] = shapefile.ring_contains_point(a, call["point"])
    else:
        b = [[x + r.uniform(-12, 12), y + r.uniform(-12, 12)] for x, y in a] if r.random() < 0.7 else ring()
        call["other"] = b
        fn = shapefile.bbox_overlap if kind == "overlap" else shapefile.bbox_contains
        call["want"] = fn(shapefile.ring_bbox(a), shapefile.ring_bbox(b))
    calls.append(call)
json.dump(calls, open("tests/cartouche_calls.json", "w", encoding="utf-8"), indent=1)
"""

PS_TEST = r'''"""The mapmakers' plate rings (expectations from pyshp 3.1.9 unbroken)."""
import json
import pathlib

import pytest

import shapefile

CALLS = json.loads((pathlib.Path(__file__).parent / "cartouche_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_cartouche_ring(call):
    ring = [tuple(p) for p in call["ring"]]
    if call["kind"] == "area":
        assert shapefile.signed_area(ring) == pytest.approx(call["want"])
    elif call["kind"] == "cw":
        assert shapefile.is_cw(ring) is call["want"]
    elif call["kind"] == "bbox":
        assert list(shapefile.ring_bbox(ring)) == call["want"]
    elif call["kind"] == "inside":
        assert shapefile.ring_contains_point(ring, tuple(call["point"])) is call["want"]
    else:
        fn = shapefile.bbox_overlap if call["kind"] == "overlap" else shapefile.bbox_contains
        other = [tuple(p) for p in call["other"]]
        assert fn(shapefile.ring_bbox(ring), shapefile.ring_bbox(other)) is call["want"]
'''

LL_CALLS = r"""
import json, random
import lat_lon_parser as llp
r = random.Random(71319)
calls = []
for k in range(150):
    kind = r.choice(["parse", "parse", "parse", "parse", "dms", "dm", "dec"])
    d, m, s = r.randint(0, 89), r.randint(0, 59), round(r.uniform(0, 59.9), 1)
    hemi = r.choice("NSEW")
    if kind == "parse":
        fmt = r.randrange(7)
        text = [f"{d + m / 60:.4f} {hemi}", f"{hemi} {d + m / 60:.4f}", f"{d}\u00b0 {m + s / 60:.3f}' {hemi}",
                f"{d}\u00b0 {m}' {s}\" {hemi}", f"{d}d {m}' {s}\" {hemi}",
                f"{d} {m} {s} {dict(N='north', S='south', E='east', W='west')[hemi]}",
                r.choice(["graticule", "N by the rose", f"{d}\u00b0 {m + 61}' {hemi}"])][fmt]
        try:
            want, error = llp.parse(text), None
        except ValueError as exc:
            want, error = None, type(exc).__name__
        call = {"text": text, "want": want, "error": error}
    elif kind == "dms":
        v = round(r.uniform(-179, 179), 5)
        call = {"value": v, "want": llp.to_str_deg_min_sec(v)}
    elif kind == "dm":
        v = round(r.uniform(-179, 179), 5)
        call = {"value": v, "want": llp.to_str_deg_min(v)}
    else:
        call = {"dms": [d, m, s], "want": llp.to_dec_deg(d, m, s)}
    calls.append({"id": f"graticule-{k:03d}-{kind}", "kind": kind, **call})
json.dump(calls, open("tests/graticule_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

LL_TEST = r'''"""The mapmakers' graticule labels read and written (expectations from lat-lon-parser 1.3.1 unbroken)."""
import json
import pathlib

import pytest

import lat_lon_parser as llp

CALLS = json.loads((pathlib.Path(__file__).parent / "graticule_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_graticule_label(call):
    if call["kind"] == "parse":
        if call["error"]:
            with pytest.raises(ValueError):
                llp.parse(call["text"])
        else:
            assert llp.parse(call["text"]) == pytest.approx(call["want"])
    elif call["kind"] == "dms":
        assert llp.to_str_deg_min_sec(call["value"]) == call["want"]
    elif call["kind"] == "dm":
        assert llp.to_str_deg_min(call["value"]) == call["want"]
    else:
        assert llp.to_dec_deg(*call["dms"]) == pytest.approx(call["want"])
'''

CARTOUCHE_SURVEY = r"""
import shapefile


class CartoucheError(RuntimeError):
    pass


# the mapmakers' plates: each ornament's outline as the engraver traced it, closed
PLATES = [("north cartouche", [(0, 0), (40, 0), (40, 12), (0, 12), (0, 0)]),
          ("compass rose", [(50, 50), (58, 42), (66, 50), (58, 58), (50, 50)]),
          ("hachure block", [(12.5, 7.25)]),
          ("scale bar", [(0, -20), (100, -20), (100, -16), (0, -16), (0, -20)])]


def area(name, ring):
    try:
        return shapefile.signed_area(ring)
    except (IndexError, ValueError) as exc:
        raise CartoucheError(f"cartouche: cannot measure the {name} plate traced as {ring}") from exc


for name, ring in PLATES:
    print(f"{name:<16} {area(name, ring):10.2f}")
"""

HACHURE_LEDGER = r"""
import lat_lon_parser


class HachureError(RuntimeError):
    pass


# the mapmakers' graticule ledger: each sheet's corner as the apprentice lettered it
LEDGER = [("sheet 1 corner", "51\u00b0 28' 38\" N"), ("sheet 2 corner", "0\u00b0 5.2' W"),
          ("sheet 3 corner", "33\u00b0 52' 4\" S"), ("sheet 4 corner", "forty two north"),
          ("sheet 5 corner", "151d 12' 30\" E")]


def degrees(name, label):
    try:
        return lat_lon_parser.parse(label)
    except ValueError as exc:
        raise HachureError(f"hachure: cannot place the {name} lettered {label!r} on the graticule") from exc


for name, label in LEDGER:
    print(f"{name:<16} {degrees(name, label):12.6f}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname, path in ((PS, PS_CALLS, PS_TEST, "test_cartouche_rings.py", "src"),
                                           (LL, LL_CALLS, LL_TEST, "test_graticule_parse.py", ".")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").touch()
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH={path} {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / PS, PS_BUGS)
    put_bugs(tmp / LL, LL_BUGS)
    (tmp / PS / "cartouche_survey.py").write_text(CARTOUCHE_SURVEY)
    (tmp / LL / "hachure_ledger.py").write_text(HACHURE_LEDGER)
    history(tmp, SRC, "pyshp", PS, ["src/shapefile.py"],
            [("Beatrix Mercer", "beatrix@example.org"), ("Caspar Vane", "caspar@example.org"),
             ("Honor Lyle", "honor@example.org")], 71313, 120, PS_BUGS)
    history(tmp, SRC, "latlonparser", LL, ["lat_lon_parser/lat_long.py", "lat_lon_parser/parser.py",
                                           "lat_lon_parser/__init__.py"],
            [("Gideon Ashby", "gideon@example.org"), ("Lettice Rowe", "lettice@example.org"),
             ("Kester Dale", "kester@example.org")], 71314, 4, LL_BUGS)


# round 290's module in a mapmaker's words: the words round 299's table replaces, in its order, each given one
MAP_WORDS = ["cartouchery", "map sums for the cartouchery (scale lengths, engraving times, hachure charts)",
             "scaleLength", "engraveToMs", "hachureBand", "roseLabel", "sheetArea", "hachureChart", "printPlan",
             "No plates printed", "unknown plate type", "mercator", "conic", "azimuthal", "reprint",
             "`printing ${w + 1}", "seed = 71318",
             "'plate', 'GRATICULE', 'burin', 'Cartouche', 'meridian', 'hachure', 'Copper', 'sheet', 'scale', "
             "'NORTH', 'rose',\n  'legend', 'border', 'Compass', 'ink', 'survey'",
             "'Abel', 'Beatrix', 'Caspar', 'Delia', 'Edmund', 'Flora', 'Gideon', 'Honor', 'Isaac', 'Judith', "
             "'Kester', 'Lettice'"]
assert len(MAP_WORDS) == len(m299.WAGGLE_NAMES)
MAP_NAMES = tuple((old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, MAP_WORDS))
CT_BUGS = [(g273.renamed(rel, MAP_NAMES), g273.renamed(old, MAP_NAMES), g273.renamed(new, MAP_NAMES))
           for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "cartouchery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = g273.renamed(m290.FIXTURES, MAP_NAMES)
    assert "71318" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "cartouchery", "version": "3.1.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/print-plan.js": g273.renamed(m290.APP, MAP_NAMES),
                      "lib/cartouchery.js": g273.renamed(m290.HAWSEHOLE, MAP_NAMES),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CT_BUGS)


C_RENAMES = (("WEIRKEEPER", "COMPASSWORKS"), ("weirkeeper", "compassworks"), ("sluice", "cartoucheline"),
             ("weir", "rose_"), ("gate_t", "plate_t"), ("gates", "plates"), ("level_cm", "scale_mm"))
RS_RENAMES = (("plumbline", "graticuleline"), ("Plumb-line survey", "Graticule line engraving log"),
              ("offset_per_m", "drift_per_degree"), ("station_penalty", "sheet_penalty"), ("readings", "tracings"),
              ("reading", "tracing"), ("station", "sheet"))


def c_project(tmp: Path) -> None:
    root = tmp / "compassworks"
    rnd = random.Random(71312)
    files = {"src/compassworks.h": g273.renamed(n191.SKIFF_H, C_RENAMES),
             "src/cartoucheline.c": g273.renamed(n191.SKIFF_C, C_RENAMES)}
    for k in range(40):
        files[f"src/rose_{k:02d}.c"] = g273.renamed(n191.gen_c(k, rnd), C_RENAMES)
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: compassworks\n\n"
                         "compassworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/compassworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build compassworks\n")
    write_tree(root, files)


def rust(tmp: Path) -> None:
    root = tmp / "graticuleline"
    rnd = random.Random(71315)
    write_tree(root, {"Cargo.toml": g273.renamed(n191.CARGO, RS_RENAMES).replace("0.3.4", "2.2.6"),
                      "src/lib.rs": g273.renamed(n191.LIB, RS_RENAMES),
                      "src/broken.rs": g273.renamed(n191.BROKEN, RS_RENAMES),
                      "src/tracings.rs": g273.renamed(n191.gen_readings(rnd, 230), RS_RENAMES)})
    assert "idx.push(sheet_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "hachurebook"), ("casebook", "rosebook"), ("ledger host", "plate host"),
              ("litres left, days", "plates left, engravings"), ("nothing left to pour", "nothing left to engrave"),
              ("pour order", "engraving order"), ("pour grade", "ink grade"), ("Keg", "Plate"), ("keg", "plate"),
              ("Beer", "Ink"), ("beer", "ink"), ("Cellar", "Press"), ("cellar", "press"),
              ("Pints", "Sheets"), ("pints", "sheets"))
RS_GO_RENAMES = tuple((o, n.replace("hachurebook", "rosescale")) for o, n in GO_RENAMES)
LOTS = ["Cartouche", "Graticule", "Hachure", "Rose", "Legend", "Border", "Inset", "Scale", "Meridian", "Parallel",
        "Compass", "Sounding"]
MAPMAKERS = ["Abel", "Beatrix", "Caspar", "Delia", "Edmund", "Flora", "Gideon", "Honor", "Isaac", "Judith",
             "Kester", "Lettice"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("hachurebook", GO_RENAMES, 71310, LOTS),
                                       ("rosescale", RS_GO_RENAMES, 71311, MAPMAKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/math/cmplx /usr/share/go-1.19/src/go/doc/comment /usr/share/go-1.19/src/go/constant "
         "/usr/share/go-1.19/src/debug/plan9obj /usr/share/go-1.19/src/image/color/palette")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > mapstore.body && "
        "(echo directory,file,bytes,modified; cat mapstore.body) > mapstore.csv && rm mapstore.body", cwd=d)
    run("sqlite3 mapstore.db '.mode csv' '.import mapstore.csv mapstore'", cwd=d)
    app_log(d / "hachure.log", 71316, 2300, ["hachure.engraving", "hachure.press", "hachure.api",
                                             "hachure.survey"], {
        "INFO": lambda r: f"press {r.randint(1, 6)} pulled sheet {r.randint(100, 999)}: {r.randint(2, 24)} plates of {r.choice(['copper', 'steel', 'zinc'])} inked",
        "DEBUG": lambda r: f"burin {r.randint(1, 6)} honed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"graticule {r.randint(1, 4)} of sheet {r.randint(1, 8)} sat {r.randint(2, 40)} arc-min off true after {r.randint(40, 60)} min of engraving",
        "ERROR": lambda r: f"plate {r.randint(1, 3)} cracked under sheet {r.randint(100, 999)} at {r.randint(20, 90)} % of the pull"},
        9713, "2026-12-02")
    app_log(d / "graticule.log", 71317, 2000, ["graticule.drawing", "graticule.projection",
                                               "graticule.api", "graticule.db"], {
        "INFO": lambda r: f"sheet {r.randint(1, 400)} drawn: {r.randint(3, 90)} meridians in {r.choice(['sepia', 'indigo', 'black', 'red'])} ink, {r.randint(2, 40)} mm apart",
        "DEBUG": lambda r: f"projection sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"drafting room {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the shop",
        "ERROR": lambda r: f"pantograph {r.randint(1, 4)} slipped on sheet {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7713, "2026-12-03")

STEPS = [python, js_project, c_project, rust, go_module, data]
