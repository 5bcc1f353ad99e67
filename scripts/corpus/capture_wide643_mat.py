"""Round 643, the material both agents work in (no item is captured here): number-parser's and text2digits' sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`hornpan`) and a Rust crate (`hornline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`blankbook`, and a copy `lathescale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`buttonfloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
607, 620 and 625 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide643.py; round 625's pattern (capture_wide625_mat), this round's words (a horn-button maker's) and seeds
(64330-64338)."""

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
from capture_wide643 import JS, SRC, VENV

PR, CW = "number-parser-0.3.2", "text2digits-0.1.2"

# number-parser: a big power of ten adds instead of multiplying; a hundreds word replaces its group instead of adding.
PR_BUGS = [("number_parser/parser.py", "total_value = combined_value * lang_data.big_powers_of_ten[token]",
            "total_value = combined_value + lang_data.big_powers_of_ten[token]"),
           ("number_parser/parser.py", "current_grp_value += lang_data.hundreds[token]",
            "current_grp_value = lang_data.hundreds[token]")]
# text2digits: the tens are one ten short; hundred scales by a thousand.
CW_BUGS = [("text2digits/tokens_basic.py", "value=(idx + 2) * 10)", "value=(idx + 1) * 10)"),
           ("text2digits/tokens_basic.py", "scale=10 ** (idx * 3 or 2)", "scale=10 ** (idx * 3 or 3)")]

BLANK_TALLIES = r"""
from number_parser import parse_number


class BlankTallyError(RuntimeError):
    pass


# the button works' blank book: each cutting's horn blank tally as the clerk spelled it in words, parsed back to a
# count, with the horn (lb) the cutting took
TALLIES = [("ox", "four hundred forty-two", 38), ("buffalo", "one thousand two hundred and six", 91),
           ("stag", "forty thousand and forty", 2950), ("ram", "seventy-seven", 6),
           ("cow", "two million forty thousand", 15000), ("goat", "nine hundred ninety-nine", 74),
           ("antelope", "sixty-four thousand four hundred", 4800), ("bone", 1907, 12)]


def tally(horn, words):
    try:
        return parse_number(words)
    except (AttributeError, TypeError, ValueError) as exc:
        raise BlankTallyError(f"blank tallies: cannot read the {horn} cutting's tally {words!r} in the book") from exc


for horn, words, pounds in TALLIES:
    blanks = tally(horn, words)
    print(f"{horn:<10} {words!s:<36} {blanks:>10} blanks {pounds:>6} lb horn  {blanks / pounds:>10.2f} a lb")
"""

LATHE_COUNTS = r"""
from text2digits import text2digits


class LatheCountError(RuntimeError):
    pass


# the button lathes' book: each lathe's day as the turner wrote it, its counts in words converted to digits
DAYS = [(1, "turned two hundred and forty shanks and thirty-five blanks"),
        (2, "sixty-six buttons of four holes, ninety-nine of two"),
        (3, "one thousand three hundred fifty-two blanks faced"),
        (4, "twenty-one dozen shanks drilled and eighty polished"),
        (5, "seventy thousand and seventy horn chips swept"),
        (6, 2026)]


def day(lathe, text):
    try:
        return text2digits.Text2Digits().convert(text)
    except (AttributeError, TypeError, ValueError) as exc:
        raise LatheCountError(f"lathe counts: cannot read lathe {lathe}'s day {text!r} in the book") from exc


for lathe, text in DAYS:
    print(f"lathe {lathe}: {day(lathe, text)}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "blank_tallies.py").write_text(BLANK_TALLIES)
    (tmp / CW / "lathe_counts.py").write_text(LATHE_COUNTS)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict text2digits lathe_counts.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "number-parser", PR, ["number_parser/parser.py", "number_parser/__init__.py",
                                            "tests/test_number_parsing.py", "tests/test_language_en.py",
                                            "README.rst"],
            [("Hepzibah Hornblower", "hepzibah@example.org"), ("Amos Shanker", "amos@example.org"),
             ("Keziah Turner", "keziah@example.org")], 64333, 40, PR_BUGS)
    history(tmp, SRC, "text2digits", CW, ["text2digits/tokens_basic.py", "text2digits/text2digits.py",
                                          "text2digits/rules.py", "tests/test_number_conversion.py",
                                          "pyproject.toml"],
            [("Jethro Blankcutter", "jethro@example.org"), ("Mehitabel Polisher", "mehitabel@example.org"),
             ("Ezra Lathewright", "ezra@example.org")], 64334, 20, CW_BUGS)


# round 290's module in horn-button words: the words round 299's table replaces, in its order, each given one here
WAX_WORDS = ["buttonfloor", "turning sums for the buttonfloor (blank weights, lathe rates, polishing charts)",
             "blankWeight", "latheToMs", "hornBand", "shankLabel", "floorArea", "polishChart", "cutPlan",
             "No cutting planned", "unknown horn type", "first", "second", "third", "recut",
             "`turn ${w + 1}", "seed = 64338",
             "'horn', 'SHANK', 'blank', 'Lathe', 'cut', 'pumice', 'Drill', 'bone', 'hoof', 'BUFFALO', "
             "'chuck',\n  'turner', 'ox', 'Stag', 'crate', 'tally'",
             "'Hepzibah', 'Amos', 'Keziah', 'Jethro', 'Mehitabel', 'Ezra', 'Tamar', 'Gideon', 'Jerusha', "
             "'Eli', 'Zipporah', 'Reuben'"]
assert len(WAX_WORDS) == len(m299.WAGGLE_NAMES)
WAX_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, WAX_WORDS)]


def waxed(text: str) -> str:
    for old, new in WAX_NAMES:
        text = text.replace(old, new)
    return text


CF_BUGS = [(waxed(rel), waxed(old), waxed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "buttonfloor"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = waxed(m290.FIXTURES)
    assert "64338" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "buttonfloor", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cut-plan.js": waxed(m290.APP),
                      "lib/buttonfloor.js": waxed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CF_BUGS)


def hornpan(text: str) -> str:
    return (text.replace("WEIRKEEPER", "HORNPAN").replace("weirkeeper", "hornpan").replace("sluice", "shankline")
            .replace("weir", "hornblank_").replace("gate_t", "lathe_t").replace("gates", "lathes")
            .replace("level_cm", "shank_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "hornpan"
    rnd = random.Random(64332)
    files = {"src/hornpan.h": hornpan(n191.SKIFF_H), "src/shankline.c": hornpan(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/hornblank_{k:02d}.c"] = hornpan(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: hornpan\n\n"
                         "hornpan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/hornpan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build hornpan\n")
    write_tree(root, files)


def hornline(text: str) -> str:
    return (text.replace("plumbline", "hornline").replace("Plumb-line survey", "Horn line cutting log")
            .replace("offset_per_m", "chip_per_blank").replace("station_penalty", "lathe_penalty")
            .replace("readings", "cuttings").replace("reading", "cutting").replace("station", "lathe"))


def rust(tmp: Path) -> None:
    root = tmp / "hornline"
    rnd = random.Random(64335)
    write_tree(root, {"Cargo.toml": hornline(n191.CARGO).replace("0.3.4", "2.4.6"),
                      "src/lib.rs": hornline(n191.LIB), "src/broken.rs": hornline(n191.BROKEN),
                      "src/cuttings.rs": hornline(n191.gen_readings(rnd, 230))})
    assert "idx.push(lathe_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "blankbook"), ("casebook", "shankbook"), ("ledger host", "works host"),
              ("litres left, days", "blanks left, turns"), ("nothing left to pour", "nothing left to turn"),
              ("pour order", "turn order"), ("pour grade", "horn grade"), ("Keg", "Lathe"), ("keg", "lathe"),
              ("Beer", "Horn"), ("beer", "horn"), ("Cellar", "Shop"), ("cellar", "shop"),
              ("Pints", "Blanks"), ("pints", "blanks"))
BS_RENAMES = tuple((o, n.replace("blankbook", "lathescale")) for o, n in GO_RENAMES)
LOTS = ["Ox Horn", "Buffalo", "Stag Crown", "Ram", "Goat", "Antelope", "Cow Hoof", "Bone", "Black Horn",
        "Blond Horn", "Marbled", "Pressed"]
WORKERS = ["Hepzibah", "Amos", "Keziah", "Jethro", "Mehitabel", "Ezra", "Tamar", "Gideon", "Jerusha", "Eli",
           "Zipporah", "Reuben"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("blankbook", GO_RENAMES, 64330, LOTS),
                                       ("lathescale", BS_RENAMES, 64331, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/image /usr/share/go-1.19/src/text/template /usr/share/go-1.19/src/debug/dwarf "
         "/usr/share/go-1.19/src/math/big")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > buttonstore.body && "
        "(echo directory,file,bytes,modified; cat buttonstore.body) > buttonstore.csv && rm buttonstore.body", cwd=d)
    run("sqlite3 buttonstore.db '.mode csv' '.import buttonstore.csv buttonstore'", cwd=d)
    app_log(d / "buttonshed.log", 64336, 2300, ["buttonshed.lathes", "buttonshed.drills", "buttonshed.api",
                                              "buttonshed.polish"], {
        "INFO": lambda r: f"lathe {r.randint(1, 6)} finished cut {r.randint(100, 999)}: {r.randint(20, 600)} blanks of {r.choice(['ox', 'buffalo', 'stag'])} horn turned",
        "DEBUG": lambda r: f"lathe counter {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"chuck {r.randint(1, 6)} of lathe {r.randint(1, 8)} ran {r.randint(2, 40)} min past its cut of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"drill {r.randint(1, 3)} split the blanks of cut {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9643, "2026-12-02")
    app_log(d / "lathewatch.log", 64337, 2000, ["lathewatch.turn", "lathewatch.gauge", "lathewatch.api",
                                                "lathewatch.db"], {
        "INFO": lambda r: f"horn lot {r.randint(1, 400)} turned: {r.randint(3, 90)} lb of {r.choice(['Ox', 'Buffalo', 'Stag', 'Ram'])} horn, {r.randint(2, 40)} blanks a card",
        "DEBUG": lambda r: f"shank gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"polishing drum {r.randint(1, 3)} ran hot {r.randint(1, 9)} times over the shop",
        "ERROR": lambda r: f"shank drill {r.randint(1, 4)} stalled on horn lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7643, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
