"""Round 659, the material both agents work in (no item is captured here): bai2's and adblockparser's sdists with bugs
put in and a script each that runs their code wrongly, git histories built by committing their sources in steps
(capture_material.history), a C project (`buskpan`) and a Rust crate (`stayline`) from round 191's generators
(capture_wide191_native, imported, renamed, other seeds), a Go module (`staybook`, and a copy `lacingscale`) from round
273's generator (capture_wide273_go, imported, renamed, other seeds), a JavaScript project (`stayfloor`) from round
290's module and fixture generator (capture_wide290_mat, imported, renamed through round 299's table's words as rounds
631, 638 and 643 did), a CSV and a sqlite table of some /usr/share files and two application logs. Run through
capture_wide659.py; round 643's pattern (capture_wide643_mat), this round's words (a staymaker's) and seeds
(65930-65938)."""

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
from capture_wide659 import JS, SRC, VENV

PR, CW = "bai2-0.15.0", "adblockparser-0.7"

# bai2: the military time 2400 is no longer the end of the day; an account's control total subtracts its summaries.
PR_BUGS = [("bai2/utils.py", "if value == '9999' or value == '2400':", "if value == '9999':"),
           ("bai2/parsers.py", "control_total = transaction_sum + account_sum",
            "control_total = transaction_sum - account_sum")]
# adblockparser: the * wildcard needs at least one character; a domain= option no longer splits at commas.
CW_BUGS = [("adblockparser/parser.py", 'rule = rule.replace("*", ".*")', 'rule = rule.replace("*", ".+")'),
           ("adblockparser/parser.py", "parts = domains.replace(',', '|').split('|')", "parts = domains.split('|')")]

BUSK_TALLIES = r"""
from bai2 import bai2


class BuskTallyError(RuntimeError):
    pass


# the stay shop's bank book: each busk supplier's statement as the bank sent it (a BAI2 file), parsed and totalled per
# account, with the busks (dozens) the supplier shipped that month
STATEMENTS = [("whalebone busks", "tests/data/svb_us_example.bai2", 42),
              ("steel busks", "tests/data/citi_example.bai2", 118),
              ("horn busks", "tests/data/account_trailer_amount_blank_example.bai2", 9),
              ("eyelet punches", 1907, 12),
              ("lacing cord", "tests/data/nwb_example.bai2", 64)]


def statement(supplier, source):
    try:
        text = open(source).read() if isinstance(source, str) else source
        return bai2.parse_from_string(text, check_integrity=False)
    except (AttributeError, TypeError, ValueError) as exc:
        raise BuskTallyError(f"busk tallies: cannot read the {supplier} statement {source!r} in the book") from exc


for supplier, source, dozens in STATEMENTS:
    book = statement(supplier, source)
    for group in book.children:
        for account in group.children:
            total = sum(t.amount or 0 for t in account.children)
            print(f"{supplier:<16} {account.header.customer_account_number:>14} {len(account.children):>4} entries "
                  f"{total:>14,} cents {dozens:>4} dozen {total / dozens / 100:>12,.2f} a dozen")
"""

EYELET_RULES = r"""
from adblockparser import AdblockRule, AdblockRules


class EyeletRuleError(RuntimeError):
    pass


# the eyelet shop's order filter: each rule from the book, matched against the orders' addresses
ORDERS = ["http://stays.example.org/eyelets/brass-12.png", "http://busks.example.net/whalebone/ad/banner-4.gif",
          "https://lacing.example.com/cord?ad=1", "http://ads.example.org/eyelets/", "http://example.org/stays/swf",
          "https://shop.example.org/ads/busk-steel.js"]
RULES = [("brass eyelets", "/eyelets/*"), ("whalebone banners", "||busks.example.net^*banner"),
         ("cord ads", "ad=$domain=lacing.example.com,example.org"), ("ad hosts", "||ads.example.org^"),
         ("flash", "swf|"), ("scripts", "/ads/*$script,domain=shop.example.org|example.net"),
         ("punch tally", 1907), ("grommets", "grommet")]


def rule(name, text):
    try:
        return AdblockRule(text)
    except (AttributeError, TypeError, ValueError) as exc:
        raise EyeletRuleError(f"eyelet rules: cannot read the {name} rule {text!r} in the book") from exc


for name, text in RULES:
    r = rule(name, text)
    hits = [url for url in ORDERS if r.match_url(url, {"script": url.endswith(".js"), "domain": url.split("/")[2]})]
    print(f"{name:<18} {text!s:<52} {len(hits):>2} orders  {', '.join(h.split('/')[2] for h in hits)}")
"""


def python(tmp: Path) -> None:
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "busk_tallies.py").write_text(BUSK_TALLIES)
    (tmp / CW / "eyelet_rules.py").write_text(EYELET_RULES)
    # warm mypy's caches here so that Codex's run ends within its 30 s yield
    run(f"{VENV}/bin/mypy --strict adblockparser eyelet_rules.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "bai2", PR, ["bai2/parsers.py", "bai2/utils.py", "bai2/models.py", "tests/test_parsers.py",
                                   "tests/test_utils.py", "README.rst"],
            [("Philadelphia Busk", "philadelphia@example.org"), ("Obadiah Lacer", "obadiah@example.org"),
             ("Temperance Whalebone", "temperance@example.org")], 65933, 40, PR_BUGS)
    history(tmp, SRC, "adblockparser", CW, ["adblockparser/parser.py", "adblockparser/utils.py",
                                            "tests/test_parsing.py", "tests/test_options.py", "README.rst"],
            [("Submit Eyeleteer", "submit@example.org"), ("Hannah Staystitch", "hannah@example.org"),
             ("Josiah Boner", "josiah@example.org")], 65934, 20, CW_BUGS)


# round 290's module in staymaker words: the words round 299's table replaces, in its order, each given one here
STAY_WORDS = ["stayfloor", "stitching sums for the stayfloor (busk lengths, lacing rates, boning charts)",
              "buskLength", "lacingToMs", "whaleboneBand", "eyeletLabel", "panelArea", "boningChart", "cutPlan",
              "No stays planned", "unknown busk type", "front", "back", "side", "relaced",
              "`fitting ${w + 1}", "seed = 65938",
              "'busk', 'EYELET', 'lace', 'Whalebone', 'panel', 'coutil', 'Cane', 'bone', 'steel', 'BASQUE', "
              "'awl',\n  'stitcher', 'tab', 'Gusset', 'bodice', 'tally'",
              "'Philadelphia', 'Obadiah', 'Temperance', 'Submit', 'Hannah', 'Josiah', 'Thankful', 'Elnathan', "
              "'Desire', 'Ebenezer', 'Patience', 'Silas'"]
assert len(STAY_WORDS) == len(m299.WAGGLE_NAMES)
STAY_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, STAY_WORDS)]


def stayed(text: str) -> str:
    for old, new in STAY_NAMES:
        text = text.replace(old, new)
    return text


CF_BUGS = [(stayed(rel), stayed(old), stayed(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    root = tmp / "stayfloor"
    nm = JS / "node_modules"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {nm} node_modules", cwd=root)
    fixtures = stayed(m290.FIXTURES)
    assert "65938" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "stayfloor", "version": "2.6.5", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/cut-plan.js": stayed(m290.APP),
                      "lib/stayfloor.js": stayed(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", CF_BUGS)


def buskpan(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BUSKPAN").replace("weirkeeper", "buskpan").replace("sluice", "eyeletline")
            .replace("weir", "staybone_").replace("gate_t", "busk_t").replace("gates", "busks")
            .replace("level_cm", "lacing_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "buskpan"
    rnd = random.Random(65932)
    files = {"src/buskpan.h": buskpan(n191.SKIFF_H), "src/eyeletline.c": buskpan(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/staybone_{k:02d}.c"] = buskpan(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: buskpan\n\n"
                         "buskpan: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/buskpan.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build buskpan\n")
    write_tree(root, files)


def stayline(text: str) -> str:
    return (text.replace("plumbline", "stayline").replace("Plumb-line survey", "Stay line fitting log")
            .replace("offset_per_m", "ease_per_panel").replace("station_penalty", "busk_penalty")
            .replace("readings", "fittings").replace("reading", "fitting").replace("station", "busk"))


def rust(tmp: Path) -> None:
    root = tmp / "stayline"
    rnd = random.Random(65935)
    write_tree(root, {"Cargo.toml": stayline(n191.CARGO).replace("0.3.4", "1.7.3"),
                      "src/lib.rs": stayline(n191.LIB), "src/broken.rs": stayline(n191.BROKEN),
                      "src/fittings.rs": stayline(n191.gen_readings(rnd, 230))})
    assert "idx.push(busk_count)" in (root / "src/broken.rs").read_text()


# round 273's words, then this round's: the Go module, its app and what they count
GO_RENAMES = (("kegtally", "staybook"), ("casebook", "buskbook"), ("ledger host", "shop host"),
              ("litres left, days", "busks left, fittings"), ("nothing left to pour", "nothing left to lace"),
              ("pour order", "lacing order"), ("pour grade", "bone grade"), ("Keg", "Busk"), ("keg", "busk"),
              ("Beer", "Bone"), ("beer", "bone"), ("Cellar", "Loft"), ("cellar", "loft"),
              ("Pints", "Eyelets"), ("pints", "eyelets"))
LS_RENAMES = tuple((o, n.replace("staybook", "lacingscale")) for o, n in GO_RENAMES)
LOTS = ["Whalebone", "Steel Busk", "Cane", "Horn Busk", "Spiral Steel", "Coutil", "Jean", "Sateen", "Brass Eyelet",
        "Silk Lace", "Cord", "Baleen"]
WORKERS = ["Philadelphia", "Obadiah", "Temperance", "Submit", "Hannah", "Josiah", "Thankful", "Elnathan", "Desire",
           "Ebenezer", "Patience", "Silas"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("staybook", GO_RENAMES, 65930, LOTS),
                                       ("lacingscale", LS_RENAMES, 65931, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/archive/tar /usr/share/go-1.19/src/regexp/syntax /usr/share/go-1.19/src/html/template "
         "/usr/share/go-1.19/src/database/sql")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > staystore.body && "
        "(echo directory,file,bytes,modified; cat staystore.body) > staystore.csv && rm staystore.body", cwd=d)
    run("sqlite3 staystore.db '.mode csv' '.import staystore.csv staystore'", cwd=d)
    app_log(d / "stayshed.log", 65936, 2300, ["stayshed.fitting", "stayshed.eyelets", "stayshed.api",
                                            "stayshed.boning"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished order {r.randint(100, 999)}: {r.randint(2, 60)} pairs of {r.choice(['coutil', 'jean', 'sateen'])} stays stitched",
        "DEBUG": lambda r: f"eyelet counter {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"busk press {r.randint(1, 6)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} min past its fitting of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"eyelet punch {r.randint(1, 3)} tore the panels of order {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9659, "2026-12-02")
    app_log(d / "eyeletwatch.log", 65937, 2000, ["eyeletwatch.punch", "eyeletwatch.gauge", "eyeletwatch.api",
                                                 "eyeletwatch.db"], {
        "INFO": lambda r: f"stay lot {r.randint(1, 400)} laced: {r.randint(3, 90)} yd of {r.choice(['Silk', 'Cotton', 'Linen', 'Cord'])} lace, {r.randint(2, 40)} eyelets a panel",
        "DEBUG": lambda r: f"busk gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"steaming press {r.randint(1, 3)} ran hot {r.randint(1, 9)} times over the loft",
        "ERROR": lambda r: f"eyelet setter {r.randint(1, 4)} jammed on stay lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7659, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
