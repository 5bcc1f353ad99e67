"""Round 631, the material both agents work in (no item is captured here): syllapy's and docopt-ng's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`tineyard`) and a Rust crate (`haftline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`tinebook`, and a copy `headscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`rakefloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
607, 620 and 625 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide631.py; round 625's pattern (capture_wide625_mat), this round's words (a rake maker) and seeds
(63110-63118)."""

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
from capture_wide631 import JS, SRC, VENV

SY, DO = "syllapy-0.8.0", "docopt_ng-0.9.0"

# syllapy: a silent final e is taken off only after `es`; a word's leading vowel (other than a) no longer counts.
SY_BUGS = [("syllapy/__init__.py", 'if word.endswith("e"):', 'if word.endswith("es"):'),
           ("syllapy/__init__.py", "if word[0] in vowels:", "if word[0] in vowels[1:]:")]
# docopt-ng: a repeated counted option adds two; a bare `--` no longer ends the options.
DO_BUGS = [("docopt/__init__.py", "same_name[0].value += 1", "same_name[0].value += 2"),
           ("docopt/__init__.py", 'if current_token == "--":', 'if current_token == "---":')]

RAKER_COUNTS = r"""
import syllapy


class RakerCountError(RuntimeError):
    pass


# the rake makers' tally calls as the shop's book writes them: each call's syllables counted, and the tines the
# shop set that day shared out over the beats of the call
CALLS = [("ashpole", 412), ("tinehead", 368), ("hafting", 520), ("riven", 297), ("bow", 333), ("wedge", 451),
         ("hayrake", 389), ("drawknife", 275), ("steamer", 310), (1907, 240)]


def beats(word, tines):
    try:
        return syllapy.count(word), tines // syllapy.count(word)
    except (ZeroDivisionError, TypeError) as exc:
        raise RakerCountError(f"raker counts: cannot share the tines over the call {word!r} of the book") from exc


for word, tines in CALLS:
    syllables, per = beats(word, tines)
    print(f"{word!s:<10} {syllables:>2} syl {tines:>4} tines {per:>4} a beat")
"""

RAKE_USAGE = r'''
"""Rake shop.

Usage:
  rake_usage.py set <head> <tines>... [-v...] [--haft=<ash>]
  rake_usage.py steam <haft> [--minutes=<n>] [-v...]
  rake_usage.py (-h | --help)

Options:
  -h --help        Show this screen.
  -v               More detail (repeat for more).
  --haft=<ash>     The haft's timber [default: ash].
  --minutes=<n>    Minutes in the steamer [default: 40].
"""
import docopt


class RakeUsageError(RuntimeError):
    pass


# the rake shop's command lines as the order book holds them
LINES = ["set hay-head 1 2 3 4 5 6 7 8 9 10 11 12 -vv", "steam willow --minutes=55", "set garden-head 1 2 3 -v",
         "steam ash -vvv", 1911]


def parse(line):
    try:
        return docopt.docopt(__doc__, argv=line.split())
    except (docopt.DocoptExit, AttributeError, TypeError) as exc:
        raise RakeUsageError(f"rake usage: cannot read the order line {line!r}") from exc


for line in LINES:
    args = parse(line)
    print(line, "->", {k: v for k, v in sorted(args.items()) if v})
'''

PEOPLE_SY = [("Obadiah Tiner", "obadiah@example.org"), ("Letitia Haft", "letitia@example.org"),
             ("Silas Raker", "silas@example.org")]
PEOPLE_DO = [("Zillah Bowman", "zillah@example.org"), ("Eli Steamer", "eli@example.org"),
             ("Thirza Wedge", "thirza@example.org")]


def python(tmp: Path) -> None:
    put_bugs(tmp / SY, SY_BUGS)
    put_bugs(tmp / DO, DO_BUGS)
    (tmp / SY / "raker_counts.py").write_text(RAKER_COUNTS)
    (tmp / DO / "rake_usage.py").write_text(RAKE_USAGE)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict docopt rake_usage.py >/dev/null 2>&1; true", cwd=tmp / DO, timeout=900)
    history(tmp, SRC, "syllapy", SY, ["syllapy/__init__.py", "syllapy/data_loader.py", "tests/test_syllapy.py",
                                      "tests/test_validity.py", "README.md"], PEOPLE_SY, 63113, 20, SY_BUGS)
    history(tmp, SRC, "docopt", DO, ["docopt/__init__.py", "tests/test_docopt.py", "tests/test_docopt_ng.py",
                                     "README.md"], PEOPLE_DO, 63114, 40, DO_BUGS)


# round 290's module in rake maker words: the words round 299's table replaces, in its order, each given one here
RAKE_WORDS = ["rakefloor", "rake shop sums for the rakefloor (tine counts, steam rates, drying charts)",
              "tineCount", "steamToMs", "ashBand", "headLabel", "floorArea", "dryingChart", "rakePlan",
              "No rakes planned", "unknown timber", "first", "second", "third", "offcut",
              "`bench ${w + 1}", "seed = 63118",
              "'tine', 'HEAD', 'haft', 'Bow', 'wedge', 'ash', 'Steamer', 'willow', 'riven', 'HAZEL', "
              "'shave',\n  'bench', 'pole', 'Rake', 'bundle', 'tally'",
              "'Obadiah', 'Letitia', 'Silas', 'Zillah', 'Eli', 'Thirza', 'Hosea', 'Keziah', 'Enoch', "
              "'Jemima', 'Caleb', 'Tabitha'"]
assert len(RAKE_WORDS) == len(m299.WAGGLE_NAMES)
RAKE_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, RAKE_WORDS)]


def raked(text: str) -> str:
    for old, new in RAKE_NAMES:
        text = text.replace(old, new)
    return text


RF_BUGS = [(raked(rel), raked(old), raked(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "rakefloor"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = raked(m290.FIXTURES)
    assert "63118" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "rakefloor", "version": "2.7.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/rake-plan.js": raked(m290.APP),
                      "lib/rakefloor.js": raked(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", RF_BUGS)


def tineyard(text: str) -> str:
    return (text.replace("WEIRKEEPER", "TINEYARD").replace("weirkeeper", "tineyard").replace("sluice", "ashpole")
            .replace("weir", "tinehead_").replace("gate_t", "tine_t").replace("gates", "tines")
            .replace("level_cm", "bow_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "tineyard"
    rnd = random.Random(63112)
    files = {"src/tineyard.h": tineyard(n191.SKIFF_H), "src/ashpole.c": tineyard(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/tinehead_{k:02d}.c"] = tineyard(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: tineyard\n\n"
                         "tineyard: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/tineyard.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build tineyard\n")
    write_tree(root, files)


def haftline(text: str) -> str:
    return (text.replace("plumbline", "haftline").replace("Plumb-line survey", "Haft line steaming log")
            .replace("offset_per_m", "bend_per_haft").replace("station_penalty", "steamer_penalty")
            .replace("readings", "steamings").replace("reading", "steaming").replace("station", "steamer"))


def rust(tmp: Path) -> None:
    root = tmp / "haftline"
    rnd = random.Random(63115)
    write_tree(root, {"Cargo.toml": haftline(n191.CARGO).replace("0.3.4", "1.8.3"),
                      "src/lib.rs": haftline(n191.LIB), "src/broken.rs": haftline(n191.BROKEN),
                      "src/steamings.rs": haftline(n191.gen_readings(rnd, 230))})
    assert "idx.push(steamer_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "tinebook"), ("casebook", "rakebook"), ("ledger host", "shop host"),
              ("litres left, days", "tines left, benches"), ("nothing left to pour", "nothing left to set"),
              ("pour order", "set order"), ("pour grade", "ash grade"), ("Keg", "Rake"), ("keg", "rake"),
              ("Beer", "Ash"), ("beer", "ash"), ("Cellar", "Shop"), ("cellar", "shop"),
              ("Pints", "Tines"), ("pints", "tines"))
HS_RENAMES = tuple((o, n.replace("tinebook", "headscale")) for o, n in GO_RENAMES)
LOTS = ["Hayrake", "Garden Head", "Lawn Rake", "Drag Rake", "Barley Rake", "Stubble Head", "Wide Bow", "Half Bow",
        "Long Haft", "Short Haft", "Riven Ash", "Willow Tine"]
WORKERS = ["Obadiah", "Letitia", "Silas", "Zillah", "Eli", "Thirza", "Hosea", "Keziah", "Enoch", "Jemima",
           "Caleb", "Tabitha"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("tinebook", GO_RENAMES, 63110, LOTS),
                                       ("headscale", HS_RENAMES, 63111, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/bufio /usr/share/go-1.19/src/strconv /usr/share/go-1.19/src/flag "
         "/usr/share/go-1.19/src/expvar")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > rakestore.body && "
        "(echo directory,file,bytes,modified; cat rakestore.body) > rakestore.csv && rm rakestore.body", cwd=d)
    run("sqlite3 rakestore.db '.mode csv' '.import rakestore.csv rakestore'", cwd=d)
    app_log(d / "tinehouse.log", 63116, 2300, ["tinehouse.benches", "tinehouse.setters", "tinehouse.api",
                                               "tinehouse.steamers"], {
        "INFO": lambda r: f"setter {r.randint(1, 6)} finished head {r.randint(100, 999)}: {r.randint(6, 24)} tines of {r.choice(['ash', 'willow', 'hazel'])} driven",
        "DEBUG": lambda r: f"steamer probe {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"bench {r.randint(1, 6)} of shop {r.randint(1, 8)} running {r.randint(2, 40)} min past its set of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"steamer {r.randint(1, 3)} lost the count of haft {r.randint(100, 999)} at {r.randint(20, 90)} % of the bend"},
        9631, "2026-12-02")
    app_log(d / "haftwatch.log", 63117, 2000, ["haftwatch.bend", "haftwatch.gauge", "haftwatch.api", "haftwatch.db"], {
        "INFO": lambda r: f"haft lot {r.randint(1, 400)} bent: {r.randint(3, 90)} hafts of {r.choice(['ash', 'willow', 'hazel', 'birch'])}, {r.randint(2, 40)} days drying",
        "DEBUG": lambda r: f"bend gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"drying rack {r.randint(1, 3)} ran damp {r.randint(1, 9)} times over the week",
        "ERROR": lambda r: f"bending jig {r.randint(1, 4)} cracked haft lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7631, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
