"""Round 689, the material both agents work in (no item is captured here): PyLuhn's and morse-talk's sdists with bugs
put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go in,
as round 681 did) and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), a C project (`netloftworks`) and a Rust crate (`sinkerline`) from round 191's
generators, a Go module (`knotbook`, and a copy `twinehousescale`) from round 273's, a JavaScript project
(`meshboardery`) from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a
sqlite table of some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 681's steps' pattern, this round's
words (a netmaker's) and seeds (68910-68919)."""

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
from capture_wide689 import JS, SRC, VENV

HN, DM = "PyLuhn-0.1", "morse-talk-0.2"

# PyLuhn: the doubled digits taken from the wrong place; doubled made tripled.
HN_BUGS = [("src/pyluhn.py", "for k in digits[-2::-2]", "for k in digits[-3::-2]"),
           ("src/pyluhn.py", "divmod(2 * k, base)", "divmod(3 * k, base)")]
# morse-talk: lower-case letters no longer upper-cased; the binary dash made two units.
DM_BUGS = [("morse_talk/encoding.py", "morsetab.get(c.upper(), '?')", "morsetab.get(c, '?')"),
           ("morse_talk/encoding.py", "'-': '111'", "'-': '11'")]

HN_CALLS = r"""
import json, random
import pyluhn
r = random.Random(68919)
calls = []
for k in range(170):
    n = "".join(str(r.randint(0, 9)) for _ in range(r.randint(2, 19)))
    base = 10 if k < 150 else r.choice([10, 10, 8, 9])
    calls.append({"id": f"knot-{k:03d}-{n}-b{base}", "number": n, "base": base, "valid": pyluhn.verify(n, base)})
json.dump(calls, open("tests/meshboard_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

HN_TEST = r'''"""The netmaker's tally numbers checked with Luhn's rule (expectations from PyLuhn 0.1 unbroken)."""
import json
import pathlib

import pytest

import pyluhn

CALLS = json.loads((pathlib.Path(__file__).parent / "meshboard_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_meshboard_luhn(call):
    assert pyluhn.verify(call["number"], call["base"]) == call["valid"]
'''

DM_CALLS = r"""
import json, random
from morse_talk import encode
r = random.Random(68919)
WORDS = ["net", "mesh", "twine", "sinker", "float", "cork", "loft", "knot", "braid", "needle", "gauge", "selvedge",
         "headline", "footline", "hemp", "tar", "bark", "herring", "drift", "trawl", "seine", "lobster", "pot", "42"]
calls = []
for k in range(130):
    msg = " ".join(r.choice(WORDS) for _ in range(r.randint(1, 4)))
    if r.random() < 0.5:
        msg = msg.upper()
    kind = r.choice(["default", "binary"])
    calls.append({"id": f"sinker-{k:03d}-{kind}-{msg.replace(' ', '_')}", "message": msg, "type": kind,
                  "code": encode(msg, encoding_type=kind)})
json.dump(calls, open("tests/twine_calls.json", "w", encoding="utf-8"), indent=1, ensure_ascii=False)
"""

DM_TEST = r'''"""The netmaker's loft signals sent in Morse (expectations from morse-talk 0.2 unbroken)."""
import json
import pathlib

import pytest

from morse_talk import encode

CALLS = json.loads((pathlib.Path(__file__).parent / "twine_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_twine_morse(call):
    assert encode(call["message"], encoding_type=call["type"]) == call["code"]
'''

MINION_TALLY = r"""
import pyluhn


class KnotbookError(RuntimeError):
    pass


# the netmaker's knotbook: each net's tally number, checked before the net leaves the loft
NETS = [("herring drift", "79927398713"), ("lobster pot", "4539148803436467"), ("seine", "1234"),
        ("trawl cod-end", "26"), ("sprat net", "seventeen"), ("salmon stake", "6011000990139424")]


def check(name, number):
    try:
        return pyluhn.verify(number)
    except (TypeError, ValueError) as exc:
        raise KnotbookError(f"knotbook: cannot check the {name} net tally {number!r} in the book") from exc


for name, number in NETS:
    print(f"{name:<16} {number:>18}  {check(name, number)}")
"""

GRAVER_SITES = r"""
from morse_talk import decode


class TwinehouseError(RuntimeError):
    pass


# the netmaker's signals from the twinehouse, as the loft boy wrote them down
SIGNALS = [("tar the twine", "-   .-   .-."), ("mend the seine", "...   .   ..   -.   ."),
           ("cork floats", "-.-.   ---   .-.   -.-"), ("sinkers", "...   ..   -.   -.-"), ("weigh the hemp", "....   .--.   .-.-.-.-"),
           ("loft shut", "...   ....   ..-   -")]


def read(name, code):
    try:
        return decode(code)
    except (KeyError, TypeError, IndexError) as exc:
        raise TwinehouseError(f"twinehouse: cannot read the {name} signal {code!r} in the ledger") from exc


for name, code in SIGNALS:
    print(f"{name:<16} {code:<28} {read(name, code)}")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname, pp in ((HN, HN_CALLS, HN_TEST, "test_meshboard_luhn.py", "src"),
                                         (DM, DM_CALLS, DM_TEST, "test_twine_morse.py", ".")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH={pp} {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / HN, HN_BUGS)
    put_bugs(tmp / DM, DM_BUGS)
    (tmp / HN / "knotbook_tally.py").write_text(MINION_TALLY)
    (tmp / DM / "twinehouse_signals.py").write_text(GRAVER_SITES)
    history(tmp, SRC, "pyluhn", HN, ["src/pyluhn.py", "setup.py", "README.md"],
            [("Ansel Netley", "ansel@example.org"), ("Bertram Meshman", "bertram@example.org"),
             ("Cuthbert Twiner", "cuthbert@example.org")], 68913, 3, HN_BUGS)
    history(tmp, SRC, "morse_talk", DM, ["morse_talk/encoding.py", "morse_talk/decoding.py", "setup.py"],
            [("Dunstan Loftus", "dunstan@example.org"), ("Edwy Sinker", "edwy@example.org"),
             ("Fulk Corker", "fulk@example.org")], 68914, 6, DM_BUGS)


# round 290's module in a netmaker's words: the words round 299's table replaces, in its order, each given one here
NET_WORDS = ["meshboardery", "braiding sums for the meshboardery (mesh sizes, knotting times, loft charts)",
               "meshWidth", "knotToMs", "loftBand", "netLabel", "sheetArea", "loftChart", "braidingPlan",
               "No nets braided", "unknown net type", "seine", "trammel", "gill", "remend",
               "`braiding ${w + 1}", "seed = 68918",
               "'net', 'TWINE', 'knot', 'Seine', 'mesh', 'sinker', 'Float', 'cork', 'gauge', 'HEMP', "
               "'loft',\n  'needle', 'selvedge', 'Trammel', 'bark', 'tally'",
               "'Ansel', 'Bertram', 'Cuthbert', 'Dunstan', 'Edwy', 'Fulk', 'Gervase', 'Hamo', "
               "'Ivo', 'Jocelin', 'Kenelm', 'Lambert'"]
assert len(NET_WORDS) == len(m299.WAGGLE_NAMES)
NET_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, NET_WORDS)]


def meshed(text: str) -> str:
    for old, new in NET_NAMES:
        text = text.replace(old, new)
    return text


MB_BUGS = [(meshed(rel), meshed(old), meshed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "meshboardery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = meshed(m290.FIXTURES)
    assert "68918" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "meshboardery", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/braiding-plan.js": meshed(m290.APP), "lib/meshboardery.js": meshed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", MB_BUGS)


def netloft(text: str) -> str:
    return (text.replace("WEIRKEEPER", "NETLOFTWORKS").replace("weirkeeper", "netloftworks")
            .replace("sluice", "knotline").replace("weir", "net_").replace("gate_t", "knot_t")
            .replace("gates", "knots").replace("level_cm", "mesh_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "netloftworks"
    rnd = random.Random(68912)
    files = {"src/netloftworks.h": netloft(n191.SKIFF_H), "src/knotline.c": netloft(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/net_{k:02d}.c"] = netloft(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: netloftworks\n\n"
                         "netloftworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/netloftworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build netloftworks\n")
    write_tree(root, files)


def sinkerline(text: str) -> str:
    return (text.replace("plumbline", "sinkerline").replace("Plumb-line survey", "Sinker line weighing log")
            .replace("offset_per_m", "drag_per_sinker").replace("station_penalty", "lead_penalty")
            .replace("readings", "weighings").replace("reading", "weighing").replace("station", "lead"))


def rust(tmp: Path) -> None:
    root = tmp / "sinkerline"
    rnd = random.Random(68915)
    write_tree(root, {"Cargo.toml": sinkerline(n191.CARGO).replace("0.3.4", "1.8.9"),
                      "src/lib.rs": sinkerline(n191.LIB), "src/broken.rs": sinkerline(n191.BROKEN),
                      "src/weighings.rs": sinkerline(n191.gen_readings(rnd, 230))})
    assert "idx.push(lead_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "knotbook"), ("casebook", "meshbook"), ("ledger host", "loft host"),
              ("litres left, days", "fathoms left, hangings"), ("nothing left to pour", "nothing left to braid"),
              ("pour order", "braiding order"), ("pour grade", "twine grade"), ("Keg", "Net"), ("keg", "net"),
              ("Beer", "Twine"), ("beer", "twine"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
SP_RENAMES = tuple((o, n.replace("knotbook", "twinehousescale")) for o, n in GO_RENAMES)
LOTS = ["Herring", "Sprat", "Mackerel", "Pilchard", "Salmon", "Lobster", "Crab", "Cod", "Sole", "Plaice",
        "Eel", "Shrimp"]
CUTTERS = ["Ansel", "Bertram", "Cuthbert", "Dunstan", "Edwy", "Fulk", "Gervase", "Hamo", "Ivo",
           "Jocelin", "Kenelm", "Lambert"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("knotbook", GO_RENAMES, 68910, LOTS),
                                       ("twinehousescale", SP_RENAMES, 68911, CUTTERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/encoding/ascii85 /usr/share/go-1.19/src/encoding/base32 "
         "/usr/share/go-1.19/src/mime/quotedprintable /usr/share/go-1.19/src/text/tabwriter")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > twinestore.body && "
        "(echo directory,file,bytes,modified; cat twinestore.body) > twinestore.csv && rm twinestore.body", cwd=d)
    run("sqlite3 twinestore.db '.mode csv' '.import twinestore.csv twinestore'", cwd=d)
    app_log(d / "netloft.log", 68916, 2300, ["netloft.braiding", "netloft.tarring", "netloft.api",
                                             "netloft.mending"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished net {r.randint(100, 999)}: {r.randint(2, 60)} fathoms of {r.choice(['herring', 'sprat', 'mackerel'])} mesh braided",
        "DEBUG": lambda r: f"tar copper {r.randint(1, 6)} stirred in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"needle {r.randint(1, 6)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} min past its filling of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"meshboard {r.randint(1, 3)} split under net {r.randint(100, 999)} at {r.randint(20, 90)} % of the hanging"},
        9689, "2026-12-02")
    app_log(d / "twinehouse.log", 68917, 2000, ["twinehouse.spinner", "twinehouse.gauge",
                                                "twinehouse.api", "twinehouse.db"], {
        "INFO": lambda r: f"twine lot {r.randint(1, 400)} laid: {r.randint(3, 90)} hanks of {r.choice(['hemp', 'cotton', 'flax', 'manila'])} twine, {r.randint(2, 40)} turns a fathom",
        "DEBUG": lambda r: f"gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"bark tan vat {r.randint(1, 3)} ran cold {r.randint(1, 9)} times over the loft",
        "ERROR": lambda r: f"spinning wheel {r.randint(1, 4)} jammed on twine lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7689, "2026-12-03")

STEPS = [python, js_project, c_project, rust, go_module, data]
