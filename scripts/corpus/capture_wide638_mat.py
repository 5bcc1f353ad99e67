"""Round 638, the material both agents work in (no item is captured here): words2num's and haikunator's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`waxroom`) and a Rust crate (`waxline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`sealpan`, and a copy `waxscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`stickfloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
607, 620 and 625 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide638.py; round 625's pattern (capture_wide625_mat), this round's words (a sealing-wax works) and seeds
(63880-63888)."""

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
from capture_wide638 import JS, SRC, VENV

PR, CW = "words2num-0.2.2", "haikunator-2.1.0"

# words2num: forty is read as fourteen; a multiplier (thousand, million, ...) adds instead of multiplying.
PR_BUGS = [("words2num/lang_EN_US.py", "'forty': (40, 'T'),", "'forty': (14, 'T'),"),
           ("words2num/lang_EN_US.py", "output = self.value * n", "output = self.value + n")]
# haikunator: an empty token no longer drops out of the name; the token is one character short.
CW_BUGS = [("haikunator/haikunator.py", "return delimiter.join(filter(None, sections))",
            "return delimiter.join(sections)"),
           ("haikunator/haikunator.py", "for _ in range(token_length))", "for _ in range(token_length - 1))")]

STICK_TALLIES = r"""
from words2num import NumberParseException, words2num


class StickTallyError(RuntimeError):
    pass


# the wax works' batch book: each melt's stick tally as the clerk spelled it in words, parsed back to a count,
# with the shellac (lb) the melt took
TALLIES = [("vermilion", "four hundred forty-two", 38), ("black", "one thousand two hundred and six", 91),
           ("green", "forty thousand and forty", 2950), ("gold", "seventy-seven", 6),
           ("brown", "two million forty thousand", 15000), ("red", "nine hundred ninety-nine", 74),
           ("blue", "sixty-four thousand four hundred", 4800), ("white", None, 12)]


def tally(colour, words):
    try:
        return words2num(words)
    except (AttributeError, TypeError, NumberParseException) as exc:
        raise StickTallyError(f"stick tallies: cannot read the {colour} melt's tally {words!r} in the book") from exc


for colour, words, shellac in TALLIES:
    sticks = tally(colour, words)
    print(f"{colour:<10} {words!s:<36} {sticks:>10} sticks {shellac:>6} lb shellac  {sticks / shellac:>10.2f} a lb")
"""

PAN_LABELS = r"""
from haikunator import Haikunator


class PanLabelError(RuntimeError):
    pass


# the wax pans' labels as the works' book orders them: each pan's label made from a fixed seed, its token as long
# as the book says
PANS = [(1, 4, "-"), (2, 6, "-"), (3, 0, "-"), (4, 4, "."), (5, 9, "_"), (6, "four", "-")]


def label(pan, length, delimiter):
    try:
        return Haikunator(seed=63889 + pan).haikunate(delimiter=delimiter, token_length=length)
    except (AttributeError, TypeError, ValueError) as exc:
        raise PanLabelError(f"pan labels: cannot label wax pan {pan} with a token of length {length!r}") from exc


for pan, length, delimiter in PANS:
    print(f"wax pan {pan}: {label(pan, length, delimiter)}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "stick_tallies.py").write_text(STICK_TALLIES)
    (tmp / CW / "pan_labels.py").write_text(PAN_LABELS)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict haikunator pan_labels.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "words2num", PR, ["words2num/lang_EN_US.py", "words2num/base.py", "words2num/core.py",
                                        "tests/test_EN_US.py", "README.md"],
            [("Letitia Waxman", "letitia@example.org"), ("Obadiah Stick", "obadiah@example.org"),
             ("Prudence Lacker", "prudence@example.org")], 63883, 40, PR_BUGS)
    history(tmp, SRC, "haikunator", CW, ["haikunator/haikunator.py", "haikunator/tests.py", "setup.py",
                                         "haikunator/__init__.py"],
            [("Silas Shellac", "silas@example.org"), ("Jemima Melter", "jemima@example.org"),
             ("Caleb Sealer", "caleb@example.org")], 63884, 20, CW_BUGS)


# round 290's module in sealing-wax words: the words round 299's table replaces, in its order, each given one here
WAX_WORDS = ["stickfloor", "melting sums for the stickfloor (stick weights, pan rates, cooling charts)",
             "stickWeight", "panToMs", "redBand", "meltLabel", "floorArea", "coolingChart", "meltPlan",
             "No melt planned", "unknown wax type", "first", "second", "third", "remelt",
             "`pour ${w + 1}", "seed = 63888",
             "'shellac', 'ROSIN', 'stick', 'Pan', 'melt', 'chalk', 'Mould', 'wax', 'wick', 'VERMILION', "
             "'lamp',\n  'sealer', 'rosin', 'Lac', 'crate', 'tally'",
             "'Letitia', 'Obadiah', 'Prudence', 'Silas', 'Jemima', 'Caleb', 'Tabitha', 'Enoch', 'Zillah', "
             "'Ephraim', 'Lavinia', 'Josiah'"]
assert len(WAX_WORDS) == len(m299.WAGGLE_NAMES)
WAX_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, WAX_WORDS)]


def waxed(text: str) -> str:
    for old, new in WAX_NAMES:
        text = text.replace(old, new)
    return text


CF_BUGS = [(waxed(rel), waxed(old), waxed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "stickfloor"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = waxed(m290.FIXTURES)
    assert "63888" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "stickfloor", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/melt-plan.js": waxed(m290.APP),
                      "lib/stickfloor.js": waxed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CF_BUGS)


def waxroom(text: str) -> str:
    return (text.replace("WEIRKEEPER", "WAXROOM").replace("weirkeeper", "waxroom").replace("sluice", "stickline")
            .replace("weir", "shellac_").replace("gate_t", "pan_t").replace("gates", "pans")
            .replace("level_cm", "melt_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "waxroom"
    rnd = random.Random(63882)
    files = {"src/waxroom.h": waxroom(n191.SKIFF_H), "src/stickline.c": waxroom(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/shellac_{k:02d}.c"] = waxroom(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: waxroom\n\n"
                         "waxroom: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/waxroom.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build waxroom\n")
    write_tree(root, files)


def waxline(text: str) -> str:
    return (text.replace("plumbline", "waxline").replace("Plumb-line survey", "Wax line melting log")
            .replace("offset_per_m", "red_per_stick").replace("station_penalty", "pan_penalty")
            .replace("readings", "meltings").replace("reading", "melting").replace("station", "pan"))


def rust(tmp: Path) -> None:
    root = tmp / "waxline"
    rnd = random.Random(63885)
    write_tree(root, {"Cargo.toml": waxline(n191.CARGO).replace("0.3.4", "2.4.6"),
                      "src/lib.rs": waxline(n191.LIB), "src/broken.rs": waxline(n191.BROKEN),
                      "src/meltings.rs": waxline(n191.gen_readings(rnd, 230))})
    assert "idx.push(pan_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "sealpan"), ("casebook", "stickbook"), ("ledger host", "works host"),
              ("litres left, days", "sticks left, melts"), ("nothing left to pour", "nothing left to melt"),
              ("pour order", "melt order"), ("pour grade", "wax grade"), ("Keg", "Pan"), ("keg", "pan"),
              ("Beer", "Wax"), ("beer", "wax"), ("Cellar", "Shed"), ("cellar", "shed"),
              ("Pints", "Sticks"), ("pints", "sticks"))
BS_RENAMES = tuple((o, n.replace("sealpan", "waxscale")) for o, n in GO_RENAMES)
LOTS = ["Bengal Lac", "Seedlac", "Buttonlac", "Garnet", "Lemon Flake", "Orange Flake", "Blonde", "Ruby",
        "Kusmi", "Rangeeni", "Dewaxed", "Bleached"]
WORKERS = ["Letitia", "Obadiah", "Prudence", "Silas", "Jemima", "Caleb", "Tabitha", "Enoch", "Zillah", "Ephraim",
           "Lavinia", "Josiah"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("sealpan", GO_RENAMES, 63880, LOTS),
                                       ("waxscale", BS_RENAMES, 63881, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/html /usr/share/go-1.19/src/index /usr/share/go-1.19/src/unicode "
         "/usr/share/go-1.19/src/embed")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > waxstore.body && "
        "(echo directory,file,bytes,modified; cat waxstore.body) > waxstore.csv && rm waxstore.body", cwd=d)
    run("sqlite3 waxstore.db '.mode csv' '.import waxstore.csv waxstore'", cwd=d)
    app_log(d / "meltshed.log", 63886, 2300, ["meltshed.pans", "meltshed.rollers", "meltshed.api",
                                              "meltshed.moulds"], {
        "INFO": lambda r: f"roller {r.randint(1, 6)} finished melt {r.randint(100, 999)}: {r.randint(20, 600)} sticks of {r.choice(['vermilion', 'black', 'gold'])} wax moulded",
        "DEBUG": lambda r: f"pan thermometer {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"pan {r.randint(1, 6)} of hearth {r.randint(1, 8)} held {r.randint(2, 40)} min past its melt of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"hearth {r.randint(1, 3)} lost the heat of melt {r.randint(100, 999)} at {r.randint(20, 90)} % of the pour"},
        9638, "2026-12-02")
    app_log(d / "stickwatch.log", 63887, 2000, ["stickwatch.melt", "stickwatch.gauge", "stickwatch.api",
                                                "stickwatch.db"], {
        "INFO": lambda r: f"melt lot {r.randint(1, 400)} poured: {r.randint(3, 90)} lb of {r.choice(['Bengal', 'Seedlac', 'Kusmi', 'Garnet'])} lac, {r.randint(2, 40)} sticks a tray",
        "DEBUG": lambda r: f"pan gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"melt pan {r.randint(1, 3)} ran hot {r.randint(1, 9)} times over the shed",
        "ERROR": lambda r: f"pan stirrer {r.randint(1, 4)} stalled on melt lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7638, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
