"""Round 681, the material both agents work in (no item is captured here): hebrew-numbers' and dms2dec's sdists with
bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go
in, as round 673 did) and a script each that runs their code wrongly, git histories built by committing their sources
in steps (capture_material.history), a C project (`counterpunchworks`) and a Rust crate (`graverline`) from round 191's
generators, a Go module (`minionbook`, and a copy `smokeproofscale`) from round 273's, a JavaScript project
(`punchcuttery`) from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a
sqlite table of some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 673's steps' pattern, this round's
words (a punchcutter's) and seeds (66810-66819)."""

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
from capture_wide681 import JS, SRC, VENV

HN, DM = "hebrew_numbers-0.2.1", "dms2dec-0.1"

# hebrew-numbers: two hundreds taken for three; the construct state kept up to 30 instead of 20.
HN_BUGS = [("src/hebrew_numbers/hebrew_numbers.py", "elif hundreds_digit == 2:  # noqa: PLR2004",
            "elif hundreds_digit == 3:  # noqa: PLR2004"),
           ("src/hebrew_numbers/hebrew_numbers.py", "ConstructState.ABSOLUTE if n >= 20 else construct_state",
            "ConstructState.ABSOLUTE if n >= 30 else construct_state")]
# dms2dec: west no longer negative; minutes divided by 600.
DM_BUGS = [("dms2dec/dms_convert.py", "re.search('[swSW]', dms_str)", "re.search('[sS]', dms_str)"),
           ("dms2dec/dms_convert.py", "float(minute) / 60 ", "float(minute) / 600 ")]

HN_CALLS = r"""
import json, random
import hebrew_numbers as hn
r = random.Random(66819)
ns = [r.randint(1, 999) for _ in range(90)] + [r.randint(200, 299) for _ in range(30)] + [r.randint(1000, 10**7) for _ in range(40)]
calls = []
for k, n in enumerate(ns):
    g = r.choice(["masculine", "feminine"])
    c = r.choice([True, False])
    calls.append({"id": f"punch-{k:03d}-{n}", "n": n, "gender": g, "construct": c,
                  "cardinal": hn.cardinal_number(n, g, c), "indefinite": hn.indefinite_number(n)})
json.dump(calls, open("tests/counterpunch_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

HN_TEST = r'''"""The punchcutter's sorts counted in Hebrew (expectations from hebrew-numbers 0.2.1 unbroken)."""
import json
import pathlib

import pytest

import hebrew_numbers as hn

CALLS = json.loads((pathlib.Path(__file__).parent / "counterpunch_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_counterpunch_cardinal(call):
    assert hn.cardinal_number(call["n"], call["gender"], call["construct"]) == call["cardinal"]


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_counterpunch_indefinite(call):
    assert hn.indefinite_number(call["n"]) == call["indefinite"]
'''

DM_CALLS = r"""
import json, random
from dms2dec.dms_convert import dms2dec
r = random.Random(66819)
calls = []
for k in range(150):
    d, m, s, f = r.randint(0, 179), r.randint(0, 59), r.randint(0, 59), r.randint(0, 99)
    h = r.choice("NSEW")
    text = f"{d}°{m}'{s}.{f:02d}\"{h}"
    calls.append({"id": f"graver-{k:03d}-{d}-{m}-{s}{h}", "dms": text, "dec": dms2dec(text)})
json.dump(calls, open("tests/graver_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

DM_TEST = r'''"""The punchcutter's foundries located in degrees, minutes and seconds (expectations from dms2dec 0.1 unbroken)."""
import json
import pathlib

import pytest

from dms2dec.dms_convert import dms2dec

CALLS = json.loads((pathlib.Path(__file__).parent / "graver_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_graver_dms_decimal(call):
    assert dms2dec(call["dms"]) == pytest.approx(call["dec"], abs=1e-9)
'''

MINION_TALLY = r"""
import hebrew_numbers


class MinionTallyError(RuntimeError):
    pass


# the punchcutter's founts: how many sorts of each were cast, counted in Hebrew for the Jerusalem printer
FOUNTS = [("minion roman", 240), ("brevier italic", 1130), ("pica roman", 3), ("smokeproof set", 27),
          ("counterpunch set", "twelve"), ("long primer", 905)]


def count(name, n):
    try:
        return hebrew_numbers.indefinite_number(n)
    except (TypeError, ValueError) as exc:
        raise MinionTallyError(f"minion tally: cannot count the {name} fount {n!r} in the book") from exc


for name, n in FOUNTS:
    print(f"{name:<20} {n!s:>6}  {count(name, n)}")
"""

GRAVER_SITES = r"""
from dms2dec.dms_convert import dms2dec


class GraverSiteError(RuntimeError):
    pass


# the punchcutter's foundries and where the punches went, as the ledger writes them
SITES = [("Haarlem foundry", "52°22'51.00\"N"), ("Haarlem foundry", "4°38'12.30\"E"), ("Frankfurt fair", "50°6'41\"N"),
         ("Lisbon press", "9°8'21.5\"W"), ("Antwerp shop", None), ("Basel mill", "47°33'34\"N")]


def decimal(name, dms):
    try:
        return dms2dec(dms)
    except (TypeError, ValueError, IndexError) as exc:
        raise GraverSiteError(f"graver sites: cannot place the {name} at {dms!r} in the ledger") from exc


for name, dms in SITES:
    print(f"{name:<16} {dms:<16} {decimal(name, dms):>12.6f}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname, pp in ((HN, HN_CALLS, HN_TEST, "test_counterpunch_hebrew.py", "src"),
                                         (DM, DM_CALLS, DM_TEST, "test_graver_dms.py", ".")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH={pp} {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / HN, HN_BUGS)
    put_bugs(tmp / DM, DM_BUGS)
    (tmp / HN / "minion_tally.py").write_text(MINION_TALLY)
    (tmp / DM / "graver_sites.py").write_text(GRAVER_SITES)
    history(tmp, SRC, "hebrew_numbers", HN, ["src/hebrew_numbers/hebrew_numbers.py", "src/hebrew_numbers/jinja.py",
                                             "README.md"],
            [("Anselm Graver", "anselm@example.org"), ("Baldric Punchley", "baldric@example.org"),
             ("Clement Smokes", "clement@example.org")], 66813, 45, HN_BUGS)
    history(tmp, SRC, "dms2dec", DM, ["dms2dec/dms_convert.py", "setup.py"],
            [("Dunstan Matrice", "dunstan@example.org"), ("Eustace Minion", "eustace@example.org"),
             ("Florian Counter", "florian@example.org")], 66814, 4, DM_BUGS)


# round 290's module in punchcutter's words: the words round 299's table replaces, in its order, each given one here
PUNCH_WORDS = ["punchcuttery", "cutting sums for the punchcuttery (body sizes, striking depths, proof charts)",
               "bodyWidth", "strikeToMs", "proofBand", "punchLabel", "faceArea", "proofChart", "cuttingPlan",
               "No punches cut", "unknown punch type", "fount", "matrix", "sort", "recut",
               "`cutting ${w + 1}", "seed = 66818",
               "'punch', 'GRAVER', 'file', 'Minion', 'fount', 'smokeproof', 'Matrix', 'counter', 'strike', 'PICA', "
               "'sort',\n  'justifier', 'mould', 'Brevier', 'proof', 'tally'",
               "'Anselm', 'Baldric', 'Clement', 'Dunstan', 'Eustace', 'Florian', 'Godric', 'Hildebert', "
               "'Isembard', 'Jehan', 'Kenric', 'Leofric'"]
assert len(PUNCH_WORDS) == len(m299.WAGGLE_NAMES)
PUNCH_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, PUNCH_WORDS)]


def punched(text: str) -> str:
    for old, new in PUNCH_NAMES:
        text = text.replace(old, new)
    return text


PC_BUGS = [(punched(rel), punched(old), punched(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "punchcuttery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = punched(m290.FIXTURES)
    assert "66818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "punchcuttery", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cutting-plan.js": punched(m290.APP), "lib/punchcuttery.js": punched(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", PC_BUGS)


def counterpunch(text: str) -> str:
    return (text.replace("WEIRKEEPER", "COUNTERPUNCHWORKS").replace("weirkeeper", "counterpunchworks")
            .replace("sluice", "smokeproofline").replace("weir", "punch_").replace("gate_t", "strike_t")
            .replace("gates", "strikes").replace("level_cm", "depth_um"))


def c_project(tmp: Path) -> None:
    root = tmp / "counterpunchworks"
    rnd = random.Random(66812)
    files = {"src/counterpunchworks.h": counterpunch(n191.SKIFF_H), "src/smokeproofline.c": counterpunch(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/punch_{k:02d}.c"] = counterpunch(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: counterpunchworks\n\n"
                         "counterpunchworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/counterpunchworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build counterpunchworks\n")
    write_tree(root, files)


def graverline(text: str) -> str:
    return (text.replace("plumbline", "graverline").replace("Plumb-line survey", "Graver line striking log")
            .replace("offset_per_m", "drift_per_strike").replace("station_penalty", "punch_penalty")
            .replace("readings", "strikings").replace("reading", "striking").replace("station", "punch"))


def rust(tmp: Path) -> None:
    root = tmp / "graverline"
    rnd = random.Random(66815)
    write_tree(root, {"Cargo.toml": graverline(n191.CARGO).replace("0.3.4", "2.4.1"),
                      "src/lib.rs": graverline(n191.LIB), "src/broken.rs": graverline(n191.BROKEN),
                      "src/strikings.rs": graverline(n191.gen_readings(rnd, 230))})
    assert "idx.push(punch_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "minionbook"), ("casebook", "fountbook"), ("ledger host", "foundry host"),
              ("litres left, days", "sorts left, castings"), ("nothing left to pour", "nothing left to cast"),
              ("pour order", "casting order"), ("pour grade", "metal grade"), ("Keg", "Punch"), ("keg", "punch"),
              ("Beer", "Metal"), ("beer", "metal"), ("Cellar", "Foundry"), ("cellar", "foundry"),
              ("Pints", "Sorts"), ("pints", "sorts"))
SP_RENAMES = tuple((o, n.replace("minionbook", "smokeproofscale")) for o, n in GO_RENAMES)
LOTS = ["Minion", "Brevier", "Long Primer", "Pica", "English", "Great Primer", "Canon", "Nonpareil", "Bourgeois",
        "Small Pica", "Paragon", "Double Pica"]
CUTTERS = ["Anselm", "Baldric", "Clement", "Dunstan", "Eustace", "Florian", "Godric", "Hildebert", "Isembard",
           "Jehan", "Kenric", "Leofric"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("minionbook", GO_RENAMES, 66810, LOTS),
                                       ("smokeproofscale", SP_RENAMES, 66811, CUTTERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/hash/crc32 /usr/share/go-1.19/src/hash/fnv "
         "/usr/share/go-1.19/src/container/ring /usr/share/go-1.19/src/index/suffixarray")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > fountstore.body && "
        "(echo directory,file,bytes,modified; cat fountstore.body) > fountstore.csv && rm fountstore.body", cwd=d)
    run("sqlite3 fountstore.db '.mode csv' '.import fountstore.csv fountstore'", cwd=d)
    app_log(d / "graverhouse.log", 66816, 2300, ["graverhouse.cutting", "graverhouse.smoke", "graverhouse.api",
                                                 "graverhouse.strikes"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished punch {r.randint(100, 999)}: {r.randint(2, 60)} {r.choice(['minion', 'brevier', 'pica'])} letters cut",
        "DEBUG": lambda r: f"smoke lamp {r.randint(1, 6)} trimmed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"graver {r.randint(1, 6)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} min past its honing of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"striking press {r.randint(1, 3)} cracked the matrix of punch {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9681, "2026-12-02")
    app_log(d / "smokeproofwatch.log", 66817, 2000, ["smokeproofwatch.lamp", "smokeproofwatch.gauge",
                                                     "smokeproofwatch.api", "smokeproofwatch.db"], {
        "INFO": lambda r: f"fount lot {r.randint(1, 400)} proofed: {r.randint(3, 90)} sorts of {r.choice(['Roman', 'Italic', 'Blackletter', 'Greek'])} face, {r.randint(2, 40)} strikes a matrix",
        "DEBUG": lambda r: f"depth gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"candle soot {r.randint(1, 3)} ran thin {r.randint(1, 9)} times over the foundry",
        "ERROR": lambda r: f"justifying file {r.randint(1, 4)} jammed on fount lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7681, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
