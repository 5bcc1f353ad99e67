"""Round 669, the material both agents work in (no item is captured here): zhdate's and ummalqura's sdists with bugs
put in under pytest suites written here (every expectation computed from the UNBROKEN package before the bugs go in,
as round 665 did) and a script each that runs their code wrongly, git histories built by committing their sources in
steps (capture_material.history), a C project (`buckramworks`) and a Rust crate (`buckramline`) from round 191's
generators, a Go module (`hatbook`, and a copy `toquescale`) from round 273's, a JavaScript project (`millinery`) from
round 290's module and fixture generator renamed through round 299's table's words, a CSV and a sqlite table of some
/usr/share files and two application logs. The generators are imported (capture_wide191_native, capture_wide273_go,
capture_wide290_mat, round 299's table), called with round 659's steps' pattern, this round's words (a milliner's) and
seeds (66690-66699)."""

from __future__ import annotations

import random
from pathlib import Path

import capture_wide191_native as n191
import capture_wide273_go as g273
import capture_wide290_mat as m290
import capture_wide299_mat as m299
from capture_material import app_log, history, put_bugs
from capture_more import run, write_tree
from capture_wide669 import JS, SRC, VENV

PR, CW = "zhdate-0.1", "ummalqura-2.0.1"

# zhdate: the leap month flagged one month early; the days passed taking the leap branch for the wrong flag.
PR_BUGS = [("zhdate/__init__.py", "if (year_code & 0xf) != 0 and month == (year_code & 0xf) + 1:",
            "if (year_code & 0xf) != 0 and month == (year_code & 0xf):"),
           ("zhdate/__init__.py", "elif (not self.leap_month) and (self.lunar_month == month_leap):",
            "elif self.leap_month and (self.lunar_month == month_leap):")]
# ummalqura: February no longer counted with the previous year; March's year taken as the next one's.
CW_BUGS = [("ummalqura/hijri.py", "if m < 3:", "if m < 2:"),
           ("ummalqura/hijri.py", "if month > 2.5:", "if month > 3.5:")]

PR_CALLS = r"""
import json, random
from datetime import datetime, timedelta
from zhdate import ZhDate, CHINESEYEARCODE
r = random.Random(66699)
calls = []
days = [datetime(1950, 1, 1) + timedelta(days=r.randint(0, 36500)) for _ in range(90)]
leap_years = [y for y in range(1950, 2050) if CHINESEYEARCODE[y - 1900] & 0xf]
for y in r.sample(leap_years, 30):
    L = CHINESEYEARCODE[y - 1900] & 0xf
    for leap in (False, True):
        d = ZhDate(y, L, r.randint(1, 28), leap).to_datetime()
        days.append(d)
for n, d in enumerate(days):
    z = ZhDate.from_datetime(d)
    calls.append({"id": f"toque-{n:03d}-{d:%Y-%m-%d}", "day": f"{d:%Y-%m-%d}",
                  "lunar": [z.lunar_year, z.lunar_month, z.lunar_day, z.leap_month], "chinese": z.chinese()})
json.dump(calls, open("tests/toque_calls.json", "w"), ensure_ascii=False, indent=1)
"""

PR_TEST = r'''"""The hat shop's order days: Gregorian days made lunar dates and back (expectations from zhdate 0.1 unbroken)."""
import json
import pathlib
from datetime import datetime

import pytest

from zhdate import ZhDate

CALLS = json.loads((pathlib.Path(__file__).parent / "toque_calls.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_toque_order_lunar(call):
    z = ZhDate.from_datetime(datetime.strptime(call["day"], "%Y-%m-%d"))
    assert [z.lunar_year, z.lunar_month, z.lunar_day, z.leap_month] == call["lunar"]


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_toque_order_back(call):
    y, m, d, leap = call["lunar"]
    assert ZhDate(y, m, d, leap).to_datetime().strftime("%Y-%m-%d") == call["day"]


@pytest.mark.parametrize("call", CALLS[::3], ids=[c["id"] for c in CALLS[::3]])
def test_toque_order_chinese(call):
    z = ZhDate.from_datetime(datetime.strptime(call["day"], "%Y-%m-%d"))
    assert z.chinese() == call["chinese"]
'''

CW_CALLS = r"""
import json, random
from datetime import date, timedelta
from ummalqura.hijri import Umalqurra
u = Umalqurra()
r = random.Random(66699)
days = [date(1950, 1, 1) + timedelta(days=r.randint(0, 45000)) for _ in range(100)]
days += [date(r.randint(1950, 2070), 2, r.randint(1, 28)) for _ in range(30)]
days += [date(r.randint(1950, 2070), 3, r.randint(1, 31)) for _ in range(30)]
calls = []
for n, d in enumerate(days):
    y, m, dd, ml = u.gegorean_to_hijri(d.year, d.month, d.day)
    calls.append({"id": f"hatblock-{n:03d}-{d:%Y-%m-%d}", "day": [d.year, d.month, d.day], "hijri": [y, m, dd, ml],
                  "back": list(u.hijri_to_gregorian(y, m, dd))})
json.dump(calls, open("tests/hatblock_calls.json", "w"), indent=1)
"""

CW_TEST = r'''"""The hat shop's delivery days in the Umm al-Qura calendar (expectations from ummalqura 2.0.1 unbroken)."""
import json
import pathlib

import pytest

from ummalqura.hijri import Umalqurra

CALLS = json.loads((pathlib.Path(__file__).parent / "hatblock_calls.json").read_text())
U = Umalqurra()


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_hatblock_delivery_hijri(call):
    assert list(U.gegorean_to_hijri(*call["day"])) == call["hijri"]


@pytest.mark.parametrize("call", CALLS, ids=[c["id"] for c in CALLS])
def test_hatblock_delivery_back(call):
    y, m, d, _ = call["hijri"]
    assert list(U.hijri_to_gregorian(y, m, d)) == call["back"]
'''

TOQUE_TALLIES = r"""
from datetime import datetime

from zhdate import ZhDate


class ToqueTallyError(RuntimeError):
    pass


# the hat shop's order book: each toque order's day, dated in the lunar calendar for the festival trade
ORDERS = [("felt toques", "2026-02-17", 14), ("buckram hatblocks", "2025-07-29", 6), ("straw bonnets", "2023-04-20", 31),
          ("silk toques", "2020-05-23", 9), ("velvet toques", "2026.09.03", 12), ("wired brims", "2017-07-23", 40)]


def lunar(name, day):
    try:
        return ZhDate.from_datetime(datetime.strptime(day, "%Y-%m-%d"))
    except (TypeError, ValueError) as exc:
        raise ToqueTallyError(f"toque tallies: cannot date the {name} order {day!r} in the book") from exc


for name, day, count in ORDERS:
    z = lunar(name, day)
    print(f"{name:<18} {day}  {str(z):<18} {z.chinese():<20} {count:>4} pieces")
"""

HATBLOCK_DATES = r"""
from ummalqura.hijri import Umalqurra


class HatblockDateError(RuntimeError):
    pass


# the hat shop's delivery days, converted to the Umm al-Qura calendar for the Jeddah buyers
DELIVERIES = [("hatblocks", "2026-12-03"), ("buckram rolls", "2026-02-14"), ("toque felts", "2025-03-01"),
              ("bonnet wire", "2024-02-29"), ("millinery pins", "3 March 2026"), ("straw plait", "2023-08-19")]
U = Umalqurra()


def hijri(name, day):
    try:
        y, m, d = day.split("-")
        return U.gegorean_to_hijri(y, m, d)
    except (TypeError, ValueError) as exc:
        raise HatblockDateError(f"hatblock dates: cannot convert the {name} delivery {day!r} in the book") from exc


for name, day in DELIVERIES:
    y, m, d, length = hijri(name, day)
    print(f"{name:<16} {day}  {y:>4}-{m:02d}-{d:02d} AH  (month of {length} days)")
"""


def python(tmp: Path) -> None:
    for name, calls, test, fname in ((PR, PR_CALLS, PR_TEST, "test_toque_lunar.py"),
                                     (CW, CW_CALLS, CW_TEST, "test_hatblock_hijri.py")):
        (tmp / name / "tests").mkdir(exist_ok=True)
        (tmp / name / "tests" / "__init__.py").write_text("")
        (tmp / name / "tests" / fname).write_text(test)
        (tmp / name / "make_calls.py").write_text(calls)
        run(f"PYTHONPATH=. {VENV}/bin/python make_calls.py && rm make_calls.py", cwd=tmp / name)
    put_bugs(tmp / PR, PR_BUGS)
    put_bugs(tmp / CW, CW_BUGS)
    (tmp / PR / "toque_tallies.py").write_text(TOQUE_TALLIES)
    (tmp / CW / "hatblock_dates.py").write_text(HATBLOCK_DATES)
    run(f"{VENV}/bin/mypy --strict ummalqura hatblock_dates.py >/dev/null 2>&1; true", cwd=tmp / CW, timeout=900)
    history(tmp, SRC, "zhdate", PR, ["zhdate/__init__.py", "setup.py", "README.md"],
            [("Tabitha Feltwright", "tabitha@example.org"), ("Mercy Hatband", "mercy@example.org"),
             ("Prudence Crownley", "prudence@example.org")], 66693, 25, PR_BUGS)
    history(tmp, SRC, "ummalqura", CW, ["ummalqura/hijri.py", "ummalqura/hijri_date.py",
                                        "ummalqura/ummalqura_arrray.py", "README.rst"],
            [("Agnes Toque", "agnes@example.org"), ("Bathsheba Buckram", "bathsheba@example.org"),
             ("Cordelia Block", "cordelia@example.org")], 66694, 15, CW_BUGS)


# round 290's module in milliner's words: the words round 299's table replaces, in its order, each given one here
HAT_WORDS = ["millinery", "blocking sums for the millinery (brim widths, steaming rates, felt charts)",
             "brimWidth", "steamToMs", "feltBand", "toqueLabel", "crownArea", "feltChart", "blockPlan",
             "No hats blocked", "unknown block type", "crown", "brim", "band", "reblocked",
             "`blocking ${w + 1}", "seed = 66698",
             "'toque', 'BUCKRAM', 'felt', 'Cloche', 'crown', 'sinamay', 'Wire', 'pin', 'steam', 'BONNET', "
             "'tip',\n  'blocker', 'veil', 'Brim', 'ribbon', 'tally'",
             "'Agnes', 'Bathsheba', 'Cordelia', 'Dorcas', 'Euphemia', 'Fanny', 'Griselda', 'Honoria', "
             "'Isadora', 'Jemima', 'Keziah', 'Letitia'"]
assert len(HAT_WORDS) == len(m299.WAGGLE_NAMES)
HAT_NAMES = [(old, new) for (old, _), new in zip(m299.WAGGLE_NAMES, HAT_WORDS)]


def hatted(text: str) -> str:
    for old, new in HAT_NAMES:
        text = text.replace(old, new)
    return text


MI_BUGS = [(hatted(rel), hatted(old), hatted(new)) for rel, old, new in m290.PA_BUGS]


def js_project(tmp: Path) -> None:
    import json
    root = tmp / "millinery"
    for d in ("lib", "spec"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=root)
    fixtures = hatted(m290.FIXTURES)
    assert "66698" in fixtures and "STOPPER" not in fixtures and "Branwen" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "millinery", "version": "3.1.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "fixtures.mjs": fixtures, "eslint.config.js": m290.ESLINT_CONFIG,
                      "lib/block-plan.js": hatted(m290.APP), "lib/millinery.js": hatted(m290.HAWSEHOLE),
                      "lib/package.json": json.dumps({"type": "commonjs"}) + "\n", "tsconfig.json": m290.TSCONFIG})
    run("node fixtures.mjs && rm fixtures.mjs", cwd=root)
    spec = root / "spec" / "lines.test.mjs"
    text = spec.read_text()
    assert text.count("import {test} from 'node:test';") == 1
    spec.write_text(text.replace("import {test} from 'node:test';", "import {test} from 'vitest';"))
    put_bugs(root / "lib", MI_BUGS)


def buckram(text: str) -> str:
    return (text.replace("WEIRKEEPER", "BUCKRAMWORKS").replace("weirkeeper", "buckramworks")
            .replace("sluice", "hatblockline").replace("weir", "toque_").replace("gate_t", "block_t")
            .replace("gates", "blocks").replace("level_cm", "brim_mm"))


def c_project(tmp: Path) -> None:
    root = tmp / "buckramworks"
    rnd = random.Random(66692)
    files = {"src/buckramworks.h": buckram(n191.SKIFF_H), "src/hatblockline.c": buckram(n191.SKIFF_C)}
    for k in range(40):
        files[f"src/toque_{k:02d}.c"] = buckram(n191.gen_c(k, rnd))
    objs = " ".join(f"build/{Path(p).stem}.o" for p in files if p.endswith(".c"))
    files["Makefile"] = ("CC=gcc\nCFLAGS=-Wall -Wextra -O1 -Isrc\nOBJS=" + objs + "\n\nall: buckramworks\n\n"
                         "buckramworks: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n\nbuild/%.o: src/%.c src/buckramworks.h\n"
                         "\t@mkdir -p build\n\t$(CC) $(CFLAGS) -c $< -o $@\n\nclean:\n\trm -rf build buckramworks\n")
    write_tree(root, files)


def buckramline(text: str) -> str:
    return (text.replace("plumbline", "buckramline").replace("Plumb-line survey", "Buckram line blocking log")
            .replace("offset_per_m", "ease_per_crown").replace("station_penalty", "block_penalty")
            .replace("readings", "blockings").replace("reading", "blocking").replace("station", "block"))


def rust(tmp: Path) -> None:
    root = tmp / "buckramline"
    rnd = random.Random(66695)
    write_tree(root, {"Cargo.toml": buckramline(n191.CARGO).replace("0.3.4", "2.4.6"),
                      "src/lib.rs": buckramline(n191.LIB), "src/broken.rs": buckramline(n191.BROKEN),
                      "src/blockings.rs": buckramline(n191.gen_readings(rnd, 230))})
    assert "idx.push(block_count)" in (root / "src/broken.rs").read_text()


GO_RENAMES = (("kegtally", "hatbook"), ("casebook", "blockbook"), ("ledger host", "shop host"),
              ("litres left, days", "felts left, blockings"), ("nothing left to pour", "nothing left to block"),
              ("pour order", "blocking order"), ("pour grade", "felt grade"), ("Keg", "Toque"), ("keg", "toque"),
              ("Beer", "Felt"), ("beer", "felt"), ("Cellar", "Workroom"), ("cellar", "workroom"),
              ("Pints", "Pins"), ("pints", "pins"))
TS_RENAMES = tuple((o, n.replace("hatbook", "toquescale")) for o, n in GO_RENAMES)
LOTS = ["Buckram", "Sinamay", "Fur Felt", "Wool Felt", "Parasisal", "Panama", "Velvet", "Crinoline", "Millinery Wire",
        "Petersham", "Tulle", "Jinsin"]
WORKERS = ["Agnes", "Bathsheba", "Cordelia", "Dorcas", "Euphemia", "Fanny", "Griselda", "Honoria", "Isadora",
           "Jemima", "Keziah", "Letitia"]


def go_module(tmp: Path) -> None:
    for name, renames, seed, names in (("hatbook", GO_RENAMES, 66690, LOTS),
                                       ("toquescale", TS_RENAMES, 66691, WORKERS)):
        base = {"go.mod": g273.renamed(g273.GO_MOD, renames), "tally.go": g273.renamed(g273.TALLY_GO, renames)}
        write_tree(tmp / name, {**base, "tally_test.go": g273.gen_test(seed, 60, names, renames)})
        write_tree(tmp / f"{name}-vet", {**base, "vet.go": g273.renamed(g273.VET_GO, renames)})
        write_tree(tmp / f"{name}-build", {**base, "restock.go": g273.renamed(g273.BUILD_GO, renames)})
        assert "keg" not in (tmp / name / "tally.go").read_text().lower()


SHARE = ("/usr/share/go-1.19/src/text/template/parse /usr/share/go-1.19/src/encoding/asn1 "
         "/usr/share/go-1.19/src/net/mail /usr/share/go-1.19/src/image/png")


def data(tmp: Path) -> None:
    d = tmp / "data"
    d.mkdir()
    run(f"find {SHARE} -type f -printf '%h,%f,%s,%TY-%Tm-%Td\\n' | sort > buckramstore.body && "
        "(echo directory,file,bytes,modified; cat buckramstore.body) > buckramstore.csv && rm buckramstore.body", cwd=d)
    run("sqlite3 buckramstore.db '.mode csv' '.import buckramstore.csv buckramstore'", cwd=d)
    app_log(d / "hatblockshed.log", 66696, 2300, ["hatblockshed.blocking", "hatblockshed.steam", "hatblockshed.api",
                                                  "hatblockshed.felts"], {
        "INFO": lambda r: f"bench {r.randint(1, 6)} finished order {r.randint(100, 999)}: {r.randint(2, 60)} {r.choice(['felt', 'straw', 'sinamay'])} toques blocked",
        "DEBUG": lambda r: f"steam gauge {r.randint(1, 6)} read in {r.randint(2, 90)} ms",
        "WARNING": lambda r: f"hatblock {r.randint(1, 6)} of bench {r.randint(1, 8)} ran {r.randint(2, 40)} min past its blocking of {r.randint(40, 60)} min",
        "ERROR": lambda r: f"buckram press {r.randint(1, 3)} split the crowns of order {r.randint(100, 999)} at {r.randint(20, 90)} % of the run"},
        9669, "2026-12-02")
    app_log(d / "toquewatch.log", 66697, 2000, ["toquewatch.brim", "toquewatch.gauge", "toquewatch.api",
                                                "toquewatch.db"], {
        "INFO": lambda r: f"toque lot {r.randint(1, 400)} trimmed: {r.randint(3, 90)} yd of {r.choice(['Silk', 'Grosgrain', 'Petersham', 'Velvet'])} ribbon, {r.randint(2, 40)} pins a crown",
        "DEBUG": lambda r: f"brim gauge sample {r.randint(1, 90)} took {r.randint(2, 70)} ms",
        "WARNING": lambda r: f"steaming kettle {r.randint(1, 3)} ran dry {r.randint(1, 9)} times over the workroom",
        "ERROR": lambda r: f"wire stitcher {r.randint(1, 4)} jammed on toque lot {r.randint(1, 400)} after {r.randint(1, 60)} min"},
        7669, "2026-12-03")


STEPS = [python, js_project, c_project, rust, go_module, data]
