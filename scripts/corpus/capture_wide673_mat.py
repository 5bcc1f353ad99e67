"""Round 673, the material both agents work in (no item is captured here): nepali-datetime's and ethiopian-date's
sdists with bugs put in under pytest suites written here (every expectation computed from the UNBROKEN package before
the bugs go in, as round 669 did) and a script each that runs their code wrongly, git histories built by committing
their sources in steps (capture_material.history), a C project (`deedboxworks`) and a Rust crate (`sandaracline`) from
round 191's generators, a Go module (`scrivbook`, and a copy `copyistscale`) from round 273's, a JavaScript project
(`scrivenery`) from round 290's module and fixture generator renamed through round 299's table's words, a CSV and a
sqlite table of some /usr/share files and two application logs. The generators are imported (capture_wide191_native,
capture_wide273_go, capture_wide290_mat, round 299's table), called with round 669's steps' pattern, this round's
words (a scrivener's) and seeds (66730-66739)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide673 import JS, SRC, VENV

PR, CW = "nepali_datetime-1.0.8.5", "ethiopian_date-1.0"

# nepali-datetime: _ord2ymd no longer takes the days of the months before Jestha off; weekday one day off.
PR_BUGS = [("nepali_datetime/__init__.py", "if month > 1:", "if month > 2:"),
           ("nepali_datetime/__init__.py", "return (self.toordinal() + 5) % 7", "return (self.toordinal() + 4) % 7")]
# ethiopian-date: the new year a day late after the wrong year; Tahsas's offset a day short in to_ethiopian.
CW_BUGS = [("ethiopian_date/ethiopian_date.py", "if (year - 1) % 4 == 3:", "if (year - 1) % 4 == 2:"),
           ("ethiopian_date/ethiopian_date.py", "tahissas = new_year_day - 3", "tahissas = new_year_day - 2")]

PR_CALLS = r"""
import json, random
from datetime import date, timedelta
import nepali_datetime as nd
r = random.Random(66739)
days = [date(1920, 1, 1) + timedelta(days=r.randint(0, 43000)) for _ in range(120)]
days += [date(r.randint(1950, 2040), r.choice([5, 6]), r.randint(1, 28)) for _ in range(40)]
calls = []
for n, d in enumerate(days):
    b = nd.date.from_datetime_date(d)
    calls.append({"id": f"deed-{n:03d}-{d:%Y-%m-%d}", "day": f"{d:%Y-%m-%d}", "bs": [b.year, b.month, b.day],
                  "text": b.strftime("%A %d %B %Y")})
json.dump(calls, open("tests/inkwell_calls.json", "w"), indent=1)
"""

PR_TEST = r'''"""The scrivener's deed days: Gregorian days made Bikram Sambat dates and back (expectations from nepali-datetime
1.0.8.5 unbroken)."""
import json
import pathlib
from datetime import datetime

import pytest

import nepali_datetime as nd

CALLS = json.loads((pathlib.Path(__file__).parent / "inkwell_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_inkwell_deed_bs(call):
    b = nd.date.from_datetime_date(datetime.strptime(call["day"], "%Y-%m-%d").date())
    assert [b.year, b.month, b.day] == call["bs"]


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_inkwell_deed_back(call):
    assert nd.date(*call["bs"]).to_datetime_date().strftime("%Y-%m-%d") == call["day"]


@pytest.mark.parametrize("call", CALLS[::3], ids=[c["id"] for c in CALLS[::3]])
def test_inkwell_deed_strftime(call):
    assert nd.date(*call["bs"]).strftime("%A %d %B %Y") == call["text"]
'''

CW_CALLS = r"""
import json, random
from datetime import date, timedelta
from ethiopian_date import EthiopianDateConverter as E
r = random.Random(66739)
days = [date(1950, 1, 1) + timedelta(days=r.randint(0, 45000)) for _ in range(100)]
days += [date(r.randint(1950, 2070), 9, r.randint(1, 30)) for _ in range(30)]
days += [date(r.randint(1950, 2070), 1, r.randint(1, 31)) for _ in range(30)]
calls = []
for n, d in enumerate(days):
    try:
        e = E.to_ethiopian(d.year, d.month, d.day)
        g = E.to_gregorian(e.year, e.month, e.day)
    except ValueError:  # Pagume (month 13) is no datetime.date: the package cannot hand those days back
        continue
    calls.append({"id": f"sealwax-{n:03d}-{d:%Y-%m-%d}", "day": [d.year, d.month, d.day], "eth": [e.year, e.month, e.day],
                  "back": [g.year, g.month, g.day]})
json.dump(calls, open("tests/sealwax_calls.json", "w"), indent=1)
"""

CW_TEST = r'''"""The scrivener's sealing days in the Ethiopian calendar (expectations from ethiopian-date 1.0 unbroken)."""
import json
import pathlib

import pytest

from ethiopian_date import EthiopianDateConverter

CALLS = json.loads((pathlib.Path(__file__).parent / "sealwax_calls.json").read_text())


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_sealwax_day_ethiopian(call):
    e = EthiopianDateConverter.to_ethiopian(*call["day"])
    assert [e.year, e.month, e.day] == call["eth"]


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_sealwax_day_back(call):
    g = EthiopianDateConverter.to_gregorian(*call["eth"])
    assert [g.year, g.month, g.day] == call["back"]
'''

INKWELL_TALLIES = r"""
from datetime import datetime

import nepali_datetime


class InkwellTallyError(RuntimeError):
    pass


# the scrivener's deed book: each deed's day, dated in Bikram Sambat for the Kathmandu clients
DEEDS = [("indenture of lease", "2026-01-14", 3), ("bill of sale", "2025-09-02", 1), ("fair copy", "2023-11-20", 12),
         ("sealwax order", "2019-03-05", 40), ("deedbox inventory", "2026/13/03", 7), ("letters patent", "2017-08-11", 2)]


def bikram(name, day):
    try:
        return nepali_datetime.date.from_datetime_date(datetime.strptime(day, "%Y-%m-%d").date())
    except (TypeError, ValueError) as exc:
        raise InkwellTallyError(f"inkwell tallies: cannot date the {name} deed {day!r} in the book") from exc


for name, day, count in DEEDS:
    b = bikram(name, day)
    print(f"{name:<20} {day}  {b.strftime('%d %B %Y'):<20} {count:>4} sheets")
"""

SEALWAX_DATES = r"""
from ethiopian_date import EthiopianDateConverter


class SealwaxDateError(RuntimeError):
    pass


# the scrivener's sealing days, converted to the Ethiopian calendar for the Addis Ababa clients
SEALINGS = [("indentures", "2026-12-03"), ("deedbox lids", "2026-02-14"), ("sandarac tins", "2025-03-01"),
            ("wax wafers", "2024-02-28"), ("ribbon seals", "11 March 2026"), ("copy folios", "2023-08-19")]


def ethiopian(name, day):
    try:
        y, m, d = day.split("-")
        return EthiopianDateConverter.to_ethiopian(int(y), int(m), int(d))
    except (TypeError, ValueError) as exc:
        raise SealwaxDateError(f"sealwax dates: cannot convert the {name} sealing {day!r} in the book") from exc


for name, day in SEALINGS:
    e = ethiopian(name, day)
    print(f"{name:<14} {day}  {e.year:>4}-{e.month:02d}-{e.day:02d} E.C.")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((PR, PR_CALLS, PR_TEST, "test_inkwell_bs.py"),
                                     (CW, CW_CALLS, CW_TEST, "test_sealwax_ethiopian.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "inkwell_tallies.py").write_text(INKWELL_TALLIES)
    (tmp / CW / "sealwax_dates.py").write_text(SEALWAX_DATES)
    run(f"{VENV}/bin/mypy --strict ethiopian_date sealwax_dates.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "nepali_datetime", PR, ["nepali_datetime/__init__.py", "nepali_datetime/_custom_strptime.py",
                                              "README.md"],
            [("Ambrose Quillby", "ambrose@example.org"), ("Bartholomew Inkpen", "bartholomew@example.org"),
             ("Cuthbert Sealey", "cuthbert@example.org")], 66733, 60, PR_BUGS)
    history(tmp, SRC, "ethiopian_date", CW, ["ethiopian_date/ethiopian_date.py", "ethiopian_date/tests.py",
                                             "README.rst"],
            [("Didymus Wafer", "didymus@example.org"), ("Ebenezer Copyhold", "ebenezer@example.org"),
             ("Fulke Deedes", "fulke@example.org")], 66734, 12, CW_BUGS)


# round 290's module in scrivener's words: the words round 299's table replaces, in its order, each given one here
SCRIV_WORDS = ["scrivenery", "copying sums for the scrivenery (folio widths, drying rates, seal charts)",
               "folioWidth", "dryToMs", "sealBand", "deedLabel", "sheetArea", "sealChart", "copyPlan",
               "No deeds copied", "unknown deed type", "quire", "folio", "wafer", "recopied",
               "`copying ${w + 1}", "seed = 66738",
               "'deed', 'SEALWAX', 'nib', 'Inkwell', 'quire', 'sandarac', 'Wafer', 'pounce', 'ribbon', 'DEEDBOX', "
               "'tape',\n  'copyist', 'signet', 'Folio', 'seal', 'tally'",
               "'Ambrose', 'Bartholomew', 'Cuthbert', 'Didymus', 'Ebenezer', 'Fulke', 'Gervase', 'Hamnet', "
               "'Ignatius', 'Jocelyn', 'Kenelm', 'Lancelot'"]
assert len(SCRIV_WORDS) == len(m299.WAGGLE_NAMES)
SCRIV_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, SCRIV_WORDS)]


def scrivened(text: str) -> str:
    for old, new in SCRIV_NAMES:
        text = text.replace(old, new)
    return text


SC_BUGS = [(scrivened(rel), scrivened(old), scrivened(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    import json
    root = tmp / "scrivenery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = scrivened(m290.FIXTURES)
    assert "66738" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "scrivenery", "version": "2.7.3", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/copy-plan.js": scrivened(m290.APP), "lib/scrivenery.js": scrivened(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", SC_BUGS)


def deedbox(text: str) -> str:
    return (text.replace("WEIRKEEPER", "DEEDBOXWORKS").replace("weirkeeper", "deedboxworks")
            .replace("sluice", "sealwaxline").replace("weir", "indenture_").replace("gate_t", "seal_t")
            .replace("gates", "seals").replace("level_cm", "ink_ml"))


def c_project(tmp: Path) -> None:
    root = tmp / "deedboxworks"
    rnd = random.Random(66732)
    files = {"src/deedboxworks.h": deedbox(n191.SKIFF_H), "src/sealwaxline.c": deedbox(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/indenture_{k:02d}.c"] = deedbox(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: deedboxworks\n\n"
                         "deedboxworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/deedboxworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build deedboxworks\n")
    write_tree(root, files)


def sandaracline(text: str) -> str:
    return (text.replace("plumbline", "sandaracline").replace("Plumb-line survey", "Sandarac line pouncing log")
            .replace("offset_per_m", "drift_per_folio").replace("station_penalty", "deed_penalty")
            .replace("readings", "pouncings").replace("reading", "pouncing").replace("station", "deed"))


def rust(tmp: Path) -> None:
    root = tmp / "sandaracline"
    rnd = random.Random(66735)
    write_tree(root, {"Cargo.toml": sandaracline(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": sandaracline(n191.LIB), "src/broken.rs": sandaracline(n191.BROKEN),
                      "src/pouncings.rs": sandaracline(n191.gen_readings(rnd, 230))})
    assert "idx.push(deed_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "scrivbook"), ("casebook", "deedbook"), ("ledger host", "office host"),
              ("litres left, days", "folios left, copyings"), ("nothing left to pour", "nothing left to copy"),
              ("pour order", "copying order"), ("pour grade", "ink grade"), ("Keg", "Deed"), ("keg", "deed"),
              ("Beer", "Ink"), ("beer", "ink"), ("Cellar", "Scriptorium"), ("cellar", "scriptorium"),
              ("Pints", "Quires"), ("pints", "quires"))
CS_RENAMES = tuple((o, n.replace("scrivbook", "copyistscale")) for o, n in GO_RENAMES)
LOTS = ["Sandarac", "Sealwax", "Oak Gall", "Lampblack", "Gum Arabic", "Pounce", "Wafer", "Foolscap Quire",
        "Signet Ring", "Red Tape", "Goose Quill", "Penner"]
COPYISTS = ["Ambrose", "Bartholomew", "Cuthbert", "Didymus", "Ebenezer", "Fulke", "Gervase", "Hamnet", "Ignatius",
            "Jocelyn", "Kenelm", "Lancelot"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("scrivbook", GO_RENAMES, 66730, LOTS),
                                       ("copyistscale", CS_RENAMES, 66731, COPYISTS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/mime/multipart /usr/share/go-1.19/src/crypto/x509 "
         "/usr/share/go-1.19/src/net/textproto /usr/share/go-1.19/src/go/scanner")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > deedboxstore.body && "
        "(echo directory,file,bytes,modified; cat deedboxstore.body) > deedboxstore.csv && rm deedboxstore.body", cwd=d)
    run("sqlite3 deedboxstore.db '.mode csv' '.import deedboxstore.csv deedboxstore'", cwd=d)
    app_log(d / "sandaracshed.log", 66736, 2300, ["sandaracshed.copying", "sandaracshed.pounce", "sandaracshed.api",
                                                  "sandaracshed.seals"], {
        "INFO": lambda r: f"desk {r.randint(1, 6)} finished deed {r.randint(100, 999)}: {r.randint(2, 60)} {r.choice(['vellum', 'foolscap', 'demy'])} folios copied",
        "DEBUG": lambda r: f"pounce pot {r.randint(1, 6)} weighed in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"inkwell {r.randint(1, 6)} of desk {r.randint(1, 8)} ran {r.randint(2, 40)} min past its drying of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"seal press {r.randint(1, 3)} cracked the wax of deed {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9673, "2026-12-02")
    app_log(d / "inkwellwatch.log", 66737, 2000, ["inkwellwatch.nib", "inkwellwatch.gauge", "inkwellwatch.api",
                                                  "inkwellwatch.db"], {
        "INFO": lambda r: f"indenture lot {r.randint(1, 400)} engrossed: {r.randint(3, 90)} lines of {r.choice(['Gothic', 'Secretary', 'Italic', 'Copperplate'])} hand, {r.randint(2, 40)} seals a deed",
        "DEBUG": lambda r: f"nib gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"sandarac tin {r.randint(1, 3)} ran dry {r.randint(1, 9)} times over the scriptorium",
        "ERROR": lambda r: f"ruling machine {r.randint(1, 4)} jammed on indenture lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7673, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
