"""Round 599, the material both agents work in (no item is captured here): unicodecsv's and typepy's sdists with
bugs put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`ferrychain`) and a Rust crate (`slackchain`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`ferrybell`, and a copy `chainlocker`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`ferrystage`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
538, 578 and 591 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide599.py; round 591's pattern (capture_wide591_mat), this round's words (a rope ferry) and seeds
(59910-59918)."""

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
from capture_wide599 import JS, SRC, VENV

UC, TP = "unicodecsv-0.14.1", "typepy-2.0.0"

# unicodecsv: the write wrapper encodes as latin-1 whatever was asked; DictWriter.writeheader writes the header reversed.
UC_BUGS = [("unicodecsv/py3.py", "string.encode(self.encoding, self.errors)", "string.encode('latin-1', self.errors)"),
           ("unicodecsv/py3.py", "header = dict(zip(self.fieldnames, self.fieldnames))",
            "header = dict(zip(self.fieldnames, reversed(self.fieldnames)))")]
# typepy: non-integral numbers rounded instead of truncated; bool strict level 2 excludes only int-and-string values.
TP_BUGS = [("typepy/converter/_integer.py", "return int(Decimal(value))", "return round(Decimal(value))"),
           ("typepy/checker/_bool.py", "return super().is_exclude_instance() or isstring(self._value)",
            "return super().is_exclude_instance() and isstring(self._value)")]

LANDING_TOLL = r"""
import io

import unicodecsv


class LandingTollError(RuntimeError):
    pass


# the landing's toll book: what each crossing of the chain ferry paid, by the ferryman who took the fare
TOLLS = [("Tobias Warp", "foot passenger", 2), ("Ursula Haul", "horse and cart", 9), ("Zebedee Chainer", "drove of sheep", 14),
         ("Wenna Landing", "carriage", 12), ("Yestin Slack", "handcart", 4)]


def toll_rows(raw):
    try:
        return list(unicodecsv.DictReader(io.BytesIO(raw), encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise LandingTollError(f"landing toll book: cannot read the fare page ({len(raw)} bytes)") from exc


buf = io.BytesIO()
w = unicodecsv.DictWriter(buf, fieldnames=["ferryman", "fare", "pence"], encoding="utf-8")
w.writeheader()
for name, fare, pence in TOLLS:
    w.writerow({"ferryman": name, "fare": fare, "pence": pence})
for row in toll_rows(buf.getvalue()):
    print(row)
print("the smudged page:", toll_rows("ferryman,fare,pence\nZo\u00eb Cr\u00f6ssing,caf\u00e9 cart \u2192 far bank,7\n".encode("utf-16")))
"""

CHAIN_LOG = r"""
from typepy import Integer, TypeConversionError


class ChainLogError(RuntimeError):
    pass


# the chain log: the ferry's guide chain links measured at each landing, as the ferrymen wrote them down
READINGS = ["112", "113.4", "1,204", "98.6", "101.5", "links: 97"]


def links(reading):
    try:
        return Integer(reading, strict_level=0).convert()
    except TypeConversionError as exc:
        raise ChainLogError(f"chain log: cannot read the links in {reading!r}") from exc


for reading in READINGS:
    print(f"{reading:>10} -> {links(reading)} links")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / UC, UC_BUGS)
    # unicodecsv's suite imports unittest2 (gone from Python 3.11's world): the standard unittest, not a bug
    put_bugs(tmp / UC, [("unicodecsv/test.py", "import unittest2 as unittest", "import unittest")])
    put_bugs(tmp / TP, TP_BUGS)
    (tmp / UC / "landing_toll.py").write_text(LANDING_TOLL)
    (tmp / TP / "chain_log.py").write_text(CHAIN_LOG)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict typepy chain_log.py >/dev/null 2>&1; true", cwd=tmp / TP, timeout=900)
    history(tmp, SRC, "unicodecsv", UC, ["unicodecsv/py3.py", "unicodecsv/__init__.py", "unicodecsv/test.py"],
            [("Tobias Warp", "tobias@example.org"), ("Ursula Haul", "ursula@example.org"),
             ("Zebedee Chainer", "zebedee@example.org")], 59913, 40, UC_BUGS)
    history(tmp, SRC, "typepy", TP, ["typepy/converter/_integer.py", "typepy/checker/_bool.py",
                                     "typepy/checker/_integer.py"],
            [("Wenna Landing", "wenna@example.org"), ("Yestin Slack", "yestin@example.org"),
             ("Verity Ferrier", "verity@example.org")], 59914, 20, TP_BUGS)


# round 290's module in rope ferry words: the words round 299's table replaces, in its order, each given one here
FERRY_WORDS = ["ferrystage", "landing-stage sums for the ferrystage (chain lengths, haul rates, crossing charts)",
               "chainLength", "haulToMs", "slackBand", "fareLabel", "deckArea", "crossingChart", "tidePlan",
               "No crossing planned", "unknown ferry type", "chainboat", "pontoon", "floatbridge", "punt",
               "`crossing ${w + 1}", "seed = 59918",
               "'guide', 'CHAIN', 'sheave', 'Bollard', 'hawser', 'ramp', 'Deck', 'apron', 'winch', 'TOLL', "
               "'bell',\n  'landing', 'slipway', 'Hythe', 'fare', 'tide'",
               "'Tobias', 'Ursula', 'Verity', 'Wenna', 'Yestin', 'Zebedee', 'Tamsin', 'Uriah', 'Vashti', 'Wilfred', "
               "'Xenia', 'Yorick'"]
assert len(FERRY_WORDS) == len(m299.WAGGLE_NAMES)
FERRY_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, FERRY_WORDS)]


def ferried(text: str) -> str:
    for old, new in FERRY_NAMES:
        text = text.replace(old, new)
    return text


FS_BUGS = [(ferried(rel), ferried(old), ferried(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "ferrystage"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = ferried(m290.FIXTURES)
    assert "59918" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "ferrystage", "version": "2.7.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/tide-plan.js": ferried(m290.APP),
                      "lib/ferrystage.js": ferried(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", FS_BUGS)


def ferrychain(text: str) -> str:
    return (text.replace("WEIRKEEPER", "FERRYCHAIN").replace("weirkeeper", "ferrychain").replace("sluice", "sheave")
            .replace("weir", "landing_").replace("gate_t", "link_t").replace("gates", "links")
            .replace("level_cm", "slack_cm"))


def c_project(tmp: Path) -> None:
    root = tmp / "ferrychain"
    rnd = random.Random(59912)
    files = {"src/ferrychain.h": ferrychain(n191.SKIFF_H), "src/guidechain.c": ferrychain(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/landing_{k:02d}.c"] = ferrychain(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: ferrychain\n\n"
                         "ferrychain: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/ferrychain.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build ferrychain\n")
    write_tree(root, files)


def slackchain(text: str) -> str:
    return (text.replace("plumbline", "slackchain").replace("Plumb-line survey", "Slack chain crossing log")
            .replace("offset_per_m", "sag_per_link").replace("station_penalty", "landing_penalty")
            .replace("readings", "crossings").replace("reading", "crossing").replace("station", "landing"))


def rust(tmp: Path) -> None:
    root = tmp / "slackchain"
    rnd = random.Random(59915)
    write_tree(root, {"Cargo.toml": slackchain(n191.CARGO).replace("0.3.4", "1.8.2"),
                      "src/lib.rs": slackchain(n191.LIB), "src/broken.rs": slackchain(n191.BROKEN),
                      "src/crossings.rs": slackchain(n191.gen_readings(rnd, 230))})
    assert "idx.push(landing_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "ferrybell"), ("casebook", "passagebook"), ("ledger host", "landing host"),
              ("litres left, days", "chain left, tides"), ("nothing left to pour", "nothing left to haul"),
              ("pour order", "haul order"), ("pour grade", "fare grade"), ("Keg", "Link"), ("keg", "link"),
              ("Beer", "Chain"), ("beer", "chain"), ("Cellar", "Landing"), ("cellar", "landing"),
              ("Pints", "Fathoms"), ("pints", "fathoms"))
CL_RENAMES = tuple((o, n.replace("ferrybell", "chainlocker")) for o, n in GO_RENAMES)
CHAINS = ["Guide", "Haul", "Check", "Stern", "Bow", "Drift", "Tide", "Slack", "Bridle", "Sheave", "Apron", "Ramp"]
FERRIES = ["Reedham", "Torpoint", "Sandbanks", "Kingswear", "Dartmouth", "Kingsferry", "Cowes", "Windermere",
           "Tamar", "Bawdsey", "Hythe", "Woolverstone"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("ferrybell", GO_RENAMES, 59910, CHAINS),
                                       ("chainlocker", CL_RENAMES, 59911, FERRIES)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = "/usr/share/util-linux /usr/share/yosys"


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > ferryrope.body && "
        "(echo directory,file,bytes,modified; cat ferryrope.body) > ferryrope.csv && rm ferryrope.body", cwd=d)
    run("sqlite3 ferryrope.db '.mode csv' '.import ferryrope.csv ferryrope'", cwd=d)
    app_log(d / "chainhouse.log", 59916, 2300, ["chainhouse.winch", "chainhouse.ferrymen", "chainhouse.api",
                                                "chainhouse.sheave"], {
        "INFO": lambda r: f"ferryman {r.randint(1, 6)} finished crossing {r.randint(100, 999)}: {r.randint(2, 60)} fares of {r.choice(['foot', 'cart', 'drove'])} traffic",
        "DEBUG": lambda r: f"chain tension gauge {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"sheave {r.randint(1, 6)} bearing {r.randint(1, 8)} running {r.randint(2, 40)} C above {r.randint(40, 60)} C",
        "ERROR": lambda r: f"guide chain {r.randint(1, 3)} jumped the sheave on crossing {r.randint(100, 999)} at {r.randint(20, 90)} % of the haul"},
        9599, "2026-12-02")
    app_log(d / "stagehouse.log", 59917, 2000, ["stagehouse.ramp", "stagehouse.gauge", "stagehouse.api",
                                                "stagehouse.db"], {
        "INFO": lambda r: f"crossing {r.randint(1, 400)} landed: {r.randint(3, 90)} passengers and {r.randint(0, 12)} {r.choice(['carts', 'carriages', 'horses', 'sheep'])}, {r.randint(2, 40)} min on the chain",
        "DEBUG": lambda r: f"tide gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"landing ramp {r.randint(1, 3)} sitting {r.randint(1, 9)} in above the slip",
        "ERROR": lambda r: f"haul winch {r.randint(1, 4)} stalled on crossing {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7599, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
