"""Round 578, the material both agents work in (no item is captured here): petl's and pyxdg's sdists with bugs put in
and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`glorybox`) and a Rust crate (`cullethouse`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`lehrbelt`, and a copy `lehrgate`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`teazers`) from round 290's
module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as round 538
did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through capture_wide578.py;
round 565's pattern (capture_wide565_mat), this round's words (a glassworks) and seeds (57810-57818)."""

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
from capture_wide578 import JS, SRC, VENV

PT, XG = "petl-1.7.30", "pyxdg-0.28"

# petl: `stack` pads a short row one field short; the short-list merge takes the wrong end (max for an ascending sort).
PT_BUGS = [("petl/transform/basics.py", "outrow += (missing,) * (n - len(outrow))",
            "outrow += (missing,) * (n - len(outrow) - 1)"),
           ("petl/transform/sorts.py", "    if reverse:\n        op = max", "    if not reverse:\n        op = max")]
# pyxdg: a list value keeps its trailing empty entry; checkString calls any non-alphanumeric string non-ASCII.
XG_BUGS = [("xdg/IniFile.py", 'if list[-1] == "":', 'if list[0] == "":'),
           ("xdg/IniFile.py", "return 0 if is_ascii(value) else 1", "return 0 if value.isalnum() else 1")]

GAFFER_CHAIR = r'''
import petl as etl


class GafferChairError(RuntimeError):
    pass


# the glassworks' gaffers' chair book: who sat at which chair, how many gathers each took from the furnace
CHAIR = [["chair", "gaffer", "gathers", "glass"],
         ["3", "Ned Teazer", 14, "flint"], ["1", "Amos Marver", 22, "soda"], ["2", "Jos Punty", 9, "crown"],
         ["1", "Eli Cullet", 17, "flint"], ["3", "Abel Lehr", 11, "soda"]]
LATE_SHIFT = [["chair", "gaffer", "gathers", "glass"], ["2", "Sam Gather"], ["4", "Obed Pontil", 6]]


def tally(table, key, reverse=False):
    try:
        return list(etl.sort(table, key, reverse=reverse, buffersize=2))
    except (TypeError, ValueError) as exc:
        raise GafferChairError(f"gaffers' chair book: cannot sort {table!r} by {key!r}") from exc


print("by gathers, most first:", tally(CHAIR, "gathers", reverse=True))
print("by chair:", tally(CHAIR, "chair"))
print("with the late shift:", list(etl.stack(CHAIR, LATE_SHIFT)))
print("the night shift's page:", tally(None, "gathers"))
'''

LEHR_CHART = r'''
import os
import tempfile

from xdg.Exceptions import ParsingError
from xdg.IniFile import IniFile


class LehrChartError(RuntimeError):
    pass


# the glassworks' lehr chart, as the lehrman keeps it: each lehr's zones and the glass annealed in it
CHART = """[Lehr 1]
Zones=soak;anneal;strain;cool;
Glass=flint|soda|crown
Temper=520
[Lehr 2]
Zones=soak;anneal;cool;
Glass=crown
Keeper=Abel Lehrman
"""
TORN_PAGE = """[Lehr 3]
Zones=soak;anneal;
the rest of the page is burnt
"""


def chart(text):
    with tempfile.NamedTemporaryFile("w", suffix=".ini", dir=".", delete=False) as f:
        f.write(text)
    try:
        ini = IniFile()
        ini.parse(f.name)
        return ini
    except ParsingError as exc:
        raise LehrChartError(f"lehr chart: cannot read the page {text[:24]!r}") from exc
    finally:
        os.unlink(f.name)


ini = chart(CHART)
for group in ini.groups():
    print(group, "zones:", ini.get("Zones", group=group, list=True), "glass:", ini.get("Glass", group=group, list=True))
print("keeper checks:", ini.checkString("Abel Lehrman"), ini.checkString("lehr-2"))
print("the third lehr:", chart(TORN_PAGE))
'''


def python(tmp: Path) -> None:
    put_bugs(tmp / PT, PT_BUGS)
    put_bugs(tmp / XG, XG_BUGS)
    (tmp / PT / "gaffer_chair.py").write_text(GAFFER_CHAIR)
    (tmp / XG / "lehr_chart.py").write_text(LEHR_CHART)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict xdg test lehr_chart.py >/dev/null 2>&1; true", cwd=tmp / XG, timeout=900)
    history(tmp, SRC, "petl", PT, ["petl/transform/sorts.py", "petl/transform/basics.py", "petl/__init__.py"],
            [("Amos Marver", "amos@example.org"), ("Jos Punty", "jos@example.org"),
             ("Ruth Teazer", "ruth@example.org")], 57813, 60, PT_BUGS)
    history(tmp, SRC, "pyxdg", XG, ["xdg/IniFile.py", "xdg/DesktopEntry.py", "test/test_inifile.py"],
            [("Abel Lehrman", "abel@example.org"), ("Sarah Gaffer", "sarah@example.org"),
             ("Obed Pontil", "obed@example.org")], 57814, 25, XG_BUGS)


# round 290's module in glassworks words: the words round 299's table replaces, in its order, each given one here
GLASS_WORDS = ["teazers", "furnace sums for the teazers (gather weights, blow rates, chair charts)",
               "gatherWeight", "blowToMs", "lehrBand", "gobLabel", "culletArea", "chairChart", "firingPlan",
               "No firing planned", "unknown glass type", "soda", "flint", "crown", "borosilicate",
               "`chair ${w + 1}", "seed = 57818",
               "'gather', 'MARVER', 'punty', 'Pontil', 'parison', 'jacks', 'Blowpipe', 'crucible', 'glory', 'LEHR', "
               "'cullet',\n  'batch', 'siege', 'Crown', 'teaze', 'cone'",
               "'Abel', 'Amos', 'Bethia', 'Caleb', 'Dorcas', 'Eli', 'Hephzibah', 'Jos', 'Keziah', 'Ned', 'Obed', "
               "'Sarah'"]
assert len(GLASS_WORDS) == len(m299.WAGGLE_NAMES)
GLASS_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, GLASS_WORDS)]


def glassed(text: str) -> str:
    for old, new in GLASS_NAMES:
        text = text.replace(old, new)
    return text


TZ_BUGS = [(glassed(rel), glassed(old), glassed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "teazers"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = glassed(m290.FIXTURES)
    assert "57818" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "teazers", "version": "2.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/firing-plan.js": glassed(m290.APP),
                      "lib/teazers.js": glassed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    # the generated suite, read by vitest: its test function from vitest instead of node:test (node:assert kept)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", TZ_BUGS)


def glorybox(text: str) -> str:
    return (text.replace("WEIRKEEPER", "GLORYBOX").replace("weirkeeper", "glorybox").replace("sluice", "furnace")
            .replace("weir", "glory_").replace("gate_t", "pot_t").replace("gates", "pots")
            .replace("level_cm", "heat_c"))


def c_project(tmp: Path) -> None:
    root = tmp / "glorybox"
    rnd = random.Random(57812)
    files = {"src/glorybox.h": glorybox(n191.SKIFF_H), "src/blowhouse.c": glorybox(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/glory_{k:02d}.c"] = glorybox(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: glorybox\n\n"
                         "glorybox: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/glorybox.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build glorybox\n")
    write_tree(root, files)


def cullethouse(text: str) -> str:
    return (text.replace("plumbline", "cullethouse").replace("Plumb-line survey", "Cullet house log")
            .replace("offset_per_m", "batch_per_melt").replace("station_penalty", "pot_penalty")
            .replace("readings", "melts").replace("reading", "melt").replace("station", "pot"))


def rust(tmp: Path) -> None:
    root = tmp / "cullethouse"
    rnd = random.Random(57815)
    write_tree(root, {"Cargo.toml": cullethouse(n191.CARGO).replace("0.3.4", "1.7.8"),
                      "src/lib.rs": cullethouse(n191.LIB), "src/broken.rs": cullethouse(n191.BROKEN),
                      "src/melts.rs": cullethouse(n191.gen_readings(rnd, 230))})
    assert "idx.push(pot_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "lehrbelt"), ("casebook", "gafferbook"), ("ledger host", "works host"),
              ("litres left, days", "cullet left, shifts"), ("nothing left to pour", "nothing left to blow"),
              ("pour order", "melt order"), ("pour grade", "glass grade"), ("Keg", "Pot"), ("keg", "pot"),
              ("Beer", "Glass"), ("beer", "glass"), ("Cellar", "Lehr"), ("cellar", "lehr"),
              ("Pints", "Gathers"), ("pints", "gathers"))
LG_RENAMES = tuple((o, n.replace("lehrbelt", "lehrgate")) for o, n in GO_RENAMES)
GLASSES = ["Flint", "Soda", "Crown", "Lead", "Borosilicate", "Opal", "Cobalt", "Uranium", "Cranberry", "Vaseline",
           "Milk", "Amber"]
WORKS = ["Stourbridge", "Wordsley", "Amblecote", "Brierley", "Catcliffe", "Alloa", "Lemington", "Bristol",
         "Nailsea", "Whitefriars", "Ravenhead", "Wrockwardine"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("lehrbelt", GO_RENAMES, 57810, GLASSES),
                                       ("lehrgate", LG_RENAMES, 57811, WORKS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/pcb-rnd /usr/share/pam-configs /usr/share/php8.2-common /usr/share/openssh /usr/share/ssl-cert "
         "/usr/share/numpy3 /usr/share/system-config-printer")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > share.body && "
        "(echo directory,file,bytes,modified; cat share.body) > share.csv && rm share.body", cwd=d)
    run("sqlite3 share.db '.mode csv' '.import share.csv share'", cwd=d)
    app_log(d / "conehouse.log", 57816, 2300, ["conehouse.furnace", "conehouse.gaffers", "conehouse.api",
                                               "conehouse.lehr"], {
        "INFO": lambda r: f"gaffer {r.randint(1, 6)} finished chair batch {r.randint(100, 999)}: {r.randint(2, 60)} pieces of {r.choice(['flint', 'soda', 'crown'])} glass",
        "DEBUG": lambda r: f"pot thermocouple {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"furnace {r.randint(1, 6)} pot {r.randint(1, 8)} running {r.randint(2, 40)} C below {r.randint(1100, 1400)} C",
        "ERROR": lambda r: f"lehr {r.randint(1, 3)} belt stalled on batch {r.randint(100, 999)} at {r.randint(20, 90)} % of the anneal"},
        9578, "2026-12-02")
    app_log(d / "teazehouse.log", 57817, 2000, ["teazehouse.stoke", "teazehouse.gauge", "teazehouse.api",
                                                "teazehouse.db"], {
        "INFO": lambda r: f"shift {r.randint(1, 400)} stoked: {r.randint(3, 900)} kg of {r.choice(['coal', 'coke', 'wood', 'cullet'])}, {r.randint(2, 40)} min at heat",
        "DEBUG": lambda r: f"gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"siege {r.randint(1, 3)} flue drawing {r.randint(1, 9)} mm under the mark",
        "ERROR": lambda r: f"teaze hole {r.randint(1, 4)} choked on shift {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7578, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
