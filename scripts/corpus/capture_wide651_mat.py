"""Round 651, the material both agents work in (no item is captured here): business-calendar's and ancient's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`shivepan`) and a Rust crate (`shiveline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`corkbook`, and a copy `barkscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`corkfloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
631, 638 and 643 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide651.py; round 643's pattern (capture_wide643_mat), this round's words (a cork cutter's) and seeds
(65130-65138)."""

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
from capture_wide651 import JS, SRC, VENV

BC, AN = "business_calendar-0.2.1", "ancient-1.0.0"

# business-calendar: a holiday is looked up to the right of its date; a whole week counts seven work days.
BC_BUGS = [("business_calendar/business_calendar.py", "i = bisect.bisect_left(self.holidays, date)",
            "i = bisect.bisect_right(self.holidays, date)"),
           ("business_calendar/business_calendar.py", "ndays = nw * len(self.workdays)", "ndays = nw * 7")]
# ancient: a symbol is written only while the number exceeds its value; equal neighbours subtract.
AN_BUGS = [("ancient/roman.py", "while number >= value:", "while number > value:"),
           ("ancient/roman.py", "if intermediate[-(i + 1)] >= intermediate[-i]:",
            "if intermediate[-(i + 1)] > intermediate[-i]:")]

SHIVE_TALLIES = r"""
import datetime

from business_calendar import Calendar, FOLLOWING


class ShiveTallyError(RuntimeError):
    pass


# the cork shop's shive book: each order of shives (cask stoppers) cut from corkwood, taken on a day and due so many
# business days later, the cutting floor shut at weekends and on the shop's holidays
HOLIDAYS = [datetime.date(2026, 1, 1), datetime.date(2026, 4, 3), datetime.date(2026, 4, 6),
            datetime.date(2026, 5, 4), datetime.date(2026, 5, 25), datetime.date(2026, 8, 31),
            datetime.date(2026, 12, 25), datetime.date(2026, 12, 28)]
CAL = Calendar(workdays=[0, 1, 2, 3, 4], holidays=HOLIDAYS)
ORDERS = [("Hesketh cooperage", "2026-03-30", 9, 4200), ("Tolly brewery", "2026-04-01", 3, 1800),
          ("Mabyn cider", "2026-04-29", 6, 950), ("Penrose vintners", "2026-05-20", 12, 6100),
          ("Quayside stores", "2026-08-24", 15, 700), ("Treloar wines", "2026-12-21", 5, 2400),
          ("Ruan distillery", 20261230, 4, 1100)]


def due(customer, taken, days):
    try:
        start = datetime.date.fromisoformat(taken)
        return CAL.addbusdays(CAL.adjust(start, FOLLOWING), days)
    except (AttributeError, TypeError, ValueError) as exc:
        raise ShiveTallyError(f"shive tallies: cannot date {customer}'s order taken {taken!r} in the book") from exc


for customer, taken, days, shives in ORDERS:
    when = due(customer, taken, days)
    span = CAL.busdaycount(datetime.date.fromisoformat(taken), when)
    print(f"{customer:<20} {taken!s:<12} +{days:>2} bd -> {when}  {span:>3} bd counted  {shives:>6} shives "
          f"{shives / max(span, 1):>8.1f} a day")
"""

BARK_COUNTS = r"""
from ancient import roman


class BarkCountError(RuntimeError):
    pass


# the bark book: each stack of corkwood as the stripper chalked it in roman numerals, read back to a count of slabs
STACKS = [("Quinta north", "MCCXXII"), ("Quinta south", "CCCXXXIII"), ("Herdade ridge", "XXXVIII"),
          ("Montado low", "MMXXVI"), ("Montado high", "DCCCLXXXVIII"), ("Old boiling yard", "XIX"),
          ("Mill floor", 1907)]


def slabs(stack, chalked):
    try:
        return roman.interpret_roman(chalked)
    except (AttributeError, TypeError, ValueError, AssertionError) as exc:
        raise BarkCountError(f"bark counts: cannot read the {stack} stack's tally {chalked!r} in the book") from exc


for stack, chalked in STACKS:
    n = slabs(stack, chalked)
    print(f"{stack:<18} {chalked!s:<14} {n:>6} slabs  written back {roman.roman(n)}")
"""


# business-calendar's suite is nose's (test classes built by `__init__`, which pytest does not collect, and holiday
# lists parsed with their blank lines, which today's dateutil refuses): made to run under pytest, unchanged otherwise
BC_PORT = [("def __init__(self):", "def setup_method(self, method=None):", 6),
           ("BaseCalendarTest.__init__(self)", "BaseCalendarTest.setup_method(self)", 5),
           ("global_holidays.split('\\n')", "global_holidays.strip().split('\\n')", 3)]


def port_bc_tests(root: Path) -> None:
    f = root / "business_calendar" / "test" / "test_business_calendar.py"
    text = f.read_text()
    for old, new, n in BC_PORT:
        assert text.count(old) == n, (old, text.count(old))
        text = text.replace(old, new)
    f.write_text(text)


def python(tmp: Path) -> None:
    port_bc_tests(tmp / BC)
    put_bugs(tmp / BC, BC_BUGS)
    put_bugs(tmp / AN, AN_BUGS)
    (tmp / BC / "shive_tallies.py").write_text(SHIVE_TALLIES)
    (tmp / AN / "bark_counts.py").write_text(BARK_COUNTS)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict ancient bark_counts.py >/dev/null 2>&1; true", cwd=tmp / AN, timeout=900)
    history(tmp, SRC, "business-calendar", BC, ["business_calendar/business_calendar.py",
                                                "business_calendar/__init__.py",
                                                "business_calendar/test/test_business_calendar.py",
                                                "README.rst", "setup.py"],
            [("Wenna Corkcutter", "wenna@example.org"), ("Jago Shiver", "jago@example.org"),
             ("Morwenna Barkman", "morwenna@example.org")], 65133, 40, BC_BUGS)
    history(tmp, SRC, "ancient", AN, ["ancient/roman.py", "ancient/__init__.py", "test/test_roman.py",
                                      "README.md", "setup.py"],
            [("Piran Stripper", "piran@example.org"), ("Tamsin Boiler", "tamsin@example.org"),
             ("Kitto Rasper", "kitto@example.org")], 65134, 20, AN_BUGS)


# round 290's module in cork-cutter words: the words round 299's table replaces, in its order, each given one here
CORK_WORDS = ["corkfloor", "cutting sums for the corkfloor (slab weights, rasp rates, boiling charts)",
              "slabWeight", "raspToMs", "barkBand", "shiveLabel", "floorArea", "boilChart", "cutPlan",
              "No cutting planned", "unknown bark grade", "first", "second", "third", "recut",
              "`boil ${w + 1}", "seed = 65138",
              "'bark', 'SHIVE', 'slab', 'Rasp', 'cut', 'boiler', 'Punch', 'plank', 'disc', 'VIRGIN', "
              "'stack',\n  'stripper', 'reproduction', 'Quinta', 'bale', 'tally'",
              "'Wenna', 'Jago', 'Morwenna', 'Piran', 'Tamsin', 'Kitto', 'Demelza', 'Jory', 'Kerra', "
              "'Locryn', 'Senara', 'Tristan'"]
assert len(CORK_WORDS) == len(m299.WAGGLE_NAMES)
CORK_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, CORK_WORDS)]


def corked(text: str) -> str:
    for old, new in CORK_NAMES:
        text = text.replace(old, new)
    return text


CF_BUGS = [(corked(rel), corked(old), corked(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "corkfloor"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = corked(m290.FIXTURES)
    assert "65138" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "corkfloor", "version": "1.6.5", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cut-plan.js": corked(m290.APP), "lib/corkfloor.js": corked(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CF_BUGS)


def shivepan(text: str) -> str:
    return (text.replace("WEIRKEEPER", "SHIVEPAN").replace("weirkeeper", "shivepan").replace("sluice", "barkline")
            .replace("weir", "shive_").replace("gate_t", "rasp_t").replace("gates", "rasps")
            .replace("level_cm", "slab_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "shivepan"
    rnd = random.Random(65132)
    files = {"src/shivepan.h": shivepan(n191.SKIFF_H), "src/barkline.c": shivepan(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/shive_{k:02d}.c"] = shivepan(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: shivepan\n\n"
                         "shivepan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/shivepan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build shivepan\n")
    write_tree(root, files)


def shiveline(text: str) -> str:
    return (text.replace("plumbline", "shiveline").replace("Plumb-line survey", "Shive line cutting log")
            .replace("offset_per_m", "chip_per_slab").replace("station_penalty", "rasp_penalty")
            .replace("readings", "cuttings").replace("reading", "cutting").replace("station", "rasp"))


def rust(tmp: Path) -> None:
    root = tmp / "shiveline"
    rnd = random.Random(65135)
    write_tree(root, {"Cargo.toml": shiveline(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": shiveline(n191.LIB), "src/broken.rs": shiveline(n191.BROKEN),
                      "src/cuttings.rs": shiveline(n191.gen_readings(rnd, 230))})
    assert "idx.push(rasp_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "corkbook"), ("casebook", "slabbook"), ("ledger host", "cork shop host"),
              ("litres left, days", "slabs left, boils"), ("nothing left to pour", "nothing left to cut"),
              ("pour order", "cut order"), ("pour grade", "bark grade"), ("Keg", "Rasp"), ("keg", "rasp"),
              ("Beer", "Bark"), ("beer", "bark"), ("Cellar", "Yard"), ("cellar", "yard"),
              ("Pints", "Shives"), ("pints", "shives"))
BS_RENAMES = tuple((o, n.replace("corkbook", "barkscale")) for o, n in GO_RENAMES)
LOTS = ["Virgin Bark", "Reproduction", "Quinta Slab", "Montado", "Boiled Plank", "Disc Stock", "Granulate",
        "Natural Shive", "Colmated", "Agglomerate", "Champagne", "Bar Top"]
WORKERS = ["Wenna", "Jago", "Morwenna", "Piran", "Tamsin", "Kitto", "Demelza", "Jory", "Kerra", "Locryn",
           "Senara", "Tristan"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("corkbook", GO_RENAMES, 65130, LOTS),
                                       ("barkscale", BS_RENAMES, 65131, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/go/printer /usr/share/go-1.19/src/go/doc /usr/share/go-1.19/src/compress/flate "
         "/usr/share/go-1.19/src/archive/zip")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > corkstore.body && "
        "(echo directory,file,bytes,modified; cat corkstore.body) > corkstore.csv && rm corkstore.body", cwd=d)
    run("sqlite3 corkstore.db '.mode csv' '.import corkstore.csv corkstore'", cwd=d)
    app_log(d / "corkshed.log", 65136, 2300, ["corkshed.rasps", "corkshed.punches", "corkshed.api",
                                              "corkshed.boiler"], {
        "INFO": lambda r: f"rasp {r.randint(1, 6)} finished cut {r.randint(100, 999)}: {r.randint(20, 600)} shives of {r.choice(['virgin', 'reproduction', 'natural'])} bark punched",
        "DEBUG": lambda r: f"punch counter {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"boiler {r.randint(1, 4)} held slab stack {r.randint(1, 8)} {r.randint(2, 40)} min past its boil of {r.randint(60, 90)} min",
        "ERROR": lambda r: f"punch {r.randint(1, 3)} split the slabs of cut {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9651, "2026-12-02")
    app_log(d / "barkwatch.log", 65137, 2000, ["barkwatch.strip", "barkwatch.gauge", "barkwatch.api",
                                               "barkwatch.db"], {
        "INFO": lambda r: f"bark stack {r.randint(1, 400)} graded: {r.randint(3, 90)} arrobas of {r.choice(['Quinta', 'Montado', 'Herdade', 'Ridge'])} bark, {r.randint(2, 40)} slabs a bale",
        "DEBUG": lambda r: f"thickness gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"drying rack {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the yard",
        "ERROR": lambda r: f"slab press {r.randint(1, 4)} jammed on bark stack {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7651, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
