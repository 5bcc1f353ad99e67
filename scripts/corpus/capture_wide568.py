#!/usr/bin/env python3
"""Round 568: issue #11's kinds with colour and terminal control forced on (rounds 527, 537 and 556's pattern, round
368's runner), on the real PyPI package lunardate 0.3.0 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's
generator), a JavaScript part (the npm package path-parse, vitest / eslint / tsc) and a few tables and a service log, a
paper mill's names (vats, moulds, couchers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 568.

Usage:   .venv/bin/python scripts/corpus/capture_wide568.py
Writes:  scripts/corpus/data/wide568.json, ids prefixed "wide568-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up and its colour-forcing runner)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide568-tools")
TMP = Path("/dev/shm/hm-corpus-wide568")
OUT = HERE / "data" / "wide568.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 56810
SDIST = "lunardate==0.3.0"
PKG = "lunardate-0.3.0"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean568 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("lunardate.py", "months.insert(leap_month, (leap_month, 1))", "months.insert(leap_month - 1, (leap_month, 1))"),
    ("lunardate.py", "res += day - 1", "res += day"),
    ("lunardate.py", "return not self < other", "return not self <= other"),
]

VATS = ["vat1", "vat2", "vat3", "hollander", "couching", "press", "loft", "sizing"]

# Run with the venv's python on the unbroken module: the mill's vat days and what lunardate makes of them.
FIXTURES_PY = f'''import datetime, json, random
from lunardate import LunarDate

rnd = random.Random({SEED})
days = []
for i in range(60):
    sd = datetime.date(1900, 1, 31) + datetime.timedelta(days=rnd.randint(0, 72000))
    ld = LunarDate.from_solar_date(sd.year, sd.month, sd.day)
    days.append({{"id": f"{{rnd.choice({VATS!r})}}-{{i + 1}}", "solar": sd.isoformat(),
                 "lunar": [ld.year, ld.month, ld.day, ld.is_leap_month]}})
leap_years = [y for y in range(1901, 2099) if LunarDate.leap_month_for_year(y)]
for k, y in enumerate(rnd.sample(leap_years, 10)):
    m = LunarDate.leap_month_for_year(y)
    sd = LunarDate(y, m, rnd.randint(1, 29), True).to_solar_date()
    ld = LunarDate.from_solar_date(sd.year, sd.month, sd.day)
    days.append({{"id": f"leap-ream-{{k + 1}}", "solar": sd.isoformat(),
                 "lunar": [ld.year, ld.month, ld.day, ld.is_leap_month]}})
leaps = [[y, LunarDate.leap_month_for_year(y)] for y in sorted(rnd.sample(range(1900, 2100), 16))]
with open("tests/vat_days.json", "w") as f:
    json.dump({{"days": days, "leaps": leaps}}, f, indent=1)
'''

TEST_VAT_DAYS = '''"""The paper mill's vat days against lunardate: the expectations were computed by the unbroken module."""
import datetime
import json
import pathlib

import pytest

from lunardate import LunarDate

DATA = json.loads((pathlib.Path(__file__).parent / "vat_days.json").read_text())
DAYS = DATA["days"]


@pytest.mark.parametrize("day", DAYS, ids=[d["id"] for d in DAYS])
def test_vat_day_to_lunar(day):
    y, m, d = map(int, day["solar"].split("-"))
    ld = LunarDate.from_solar_date(y, m, d)
    assert [ld.year, ld.month, ld.day, ld.is_leap_month] == day["lunar"]


@pytest.mark.parametrize("day", DAYS, ids=[d["id"] for d in DAYS])
def test_lunar_to_vat_day(day):
    y, m, d, leap = day["lunar"]
    assert LunarDate(y, m, d, leap).to_solar_date().isoformat() == day["solar"]


@pytest.mark.parametrize("year,leap", DATA["leaps"], ids=[f"ream-year-{y}" for y, _ in DATA["leaps"]])
def test_leap_month_of_ream_year(year, leap):
    assert LunarDate.leap_month_for_year(year) == leap


def test_couching_order():
    first_post = LunarDate(1976, 8, 8)
    same_post = LunarDate(1976, 8, 8)
    assert first_post >= same_post
    assert first_post <= same_post


def test_felts_between_posts():
    post = LunarDate(1976, 8, 8)
    assert (post + datetime.timedelta(days=10)) - post == datetime.timedelta(days=10)
    assert (datetime.date(2008, 1, 1) - post).days == 11444
'''

COUCHER_CHECK = '''"""Convert the paper mill's lunar making days to vat days with lunardate and check the couchers' posts line up."""
from lunardate import LunarDate

MAKING_DAYS = {
    "spring rag sort": (2026, 1, 15, False),
    "hollander beating": (2026, 3, 3, False),
    "first vat of summer": (2025, 6, 1, True),
    "sizing tub refilled": (2025, 9, 9, False),
}
VATMEN = {"vat 1": "Ruth Deckle", "vat 2": "Silas Vatman", "vat 3": "Hannah Coucher"}


class FeltPostError(RuntimeError):
    """A coucher's post of felts could not be matched to its vat day: the sheets would be laid short."""


class VatStoppedError(Exception):
    """The vatmen stopped the vat."""


def vat_days():
    out = {}
    for name, (y, m, d, leap) in MAKING_DAYS.items():
        solar = LunarDate(y, m, d, leap).to_solar_date()
        back = LunarDate.from_solar_date(solar.year, solar.month, solar.day)
        if (back.year, back.month, back.day, back.is_leap_month) != (y, m, d, leap):
            raise ValueError(f"making day {name!r} came back as {back} from vat day {solar}")
        out[name] = solar
    return out


def couch_posts():
    try:
        return vat_days()
    except ValueError as e:
        raise FeltPostError("coucher's post short of felts: " + str(e)) from e


def run_vat():
    try:
        days = couch_posts()
        return [f"{name}: {day:%Y-%m-%d} ({VATMEN['vat 3']})" for name, day in days.items()]
    except FeltPostError as e:
        raise VatStoppedError("vat 3 stopped at the drying loft (Hannah Coucher)") from e


if __name__ == "__main__":
    print("\\n".join(run_vat()))
'''

AUTHORS = ["Ruth Deckle <ruth@papermill.test>", "Silas Vatman <silas@papermill.test>",
           "Hannah Coucher <hannah@papermill.test>", "Jem Layman <jem@papermill.test>"]
GROUPS = [
    (["lunardate.py"], "Add the lunar calendar for the vat days"),
    (["tests/vat_days.json"], "The mill's vat days, as lunardate converts them"),
    (["tests/test_vat_days.py"], "Tests for the vat days"),
    (["pyproject.toml", "setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 56810; its script file is
    written as cope_drag.py by round 473's code and renamed to coucher_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, COUCHER_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py coucher_check.py")
    r473.git(d, "commit -q -m 'Rename the making-day checker to coucher_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "loft_notes.txt").write_text("vat 2 deckle warped; re-felt the posts before the next making day\n")
    for k in range(1, 7):  # the week's couching sheets, saved and left untracked
        cm.write_tree(d, {f"posts/week_{k:02d}_couching_sheet.txt": COUCHER_CHECK.split("VATMEN")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "lunardate_mill"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO lunardate.egg-info", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_vat_days.py": TEST_VAT_DAYS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    t = "tests"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} {t} -k 'leap or couching'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'to_lunar'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-doctest-tty", f"python -m pytest -q --doctest-modules {ign} lunardate.py; echo EXIT=$?", d, n_pytest,
        tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN lunardate.py "
        "coucher_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D coucher_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental coucher_check.py "
        "lunardate.py", d, n_mypy)
    cap("mypy-tty", f"python -m mypy --no-incremental --strict {t}", d, n_mypy, tty=True)
    cap("traceback", "python coucher_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev coucher_check.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- lunardate.py coucher_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 240,300 lunardate.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' lunardate.py tests coucher_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


VATMEN = ["Ruth Deckle", "Silas Vatman", "Hannah Coucher", "Jem Layman", "Ezra Felt", "Kit Hollander",
          "Mercy Sizer", "Abel Stamper", "Nan Quire", "Tom Ream"]
STATIONS = ["vat"] * 9 + ["couching bench"] * 7 + ["screw press", "drying loft", "sizing tub"]

MILL_JOBS = "\n".join(
    [f"(exec -a 'vat-agitator --vat {b} --vatman {r}' sleep 600) &" for b, r in enumerate(
        ["ruth", "silas", "hannah", "jem", "ezra", "kit", "mercy", "abel", "nan", "tom"], 1)]
    + [f"(exec -a 'rag-engine --batch {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 6, 38, 15, 3], 1)]
    + ["(exec -a 'hollander-beater --turns 800' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'loft-fan --loft 1' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The mill's sheet log (seed 56814) as CSV, through sqlite3, and the process table; the mill's service log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "papermill"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,vatman,sheet_gsm,station,sheets,felt_posts,shift,outcome"]
    for k in range(66):
        gsm = rnd.randint(60, 300) if k != 27 else 1450
        outcome = "cockled" if k == 9 else "torn" if k == 48 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(VATMEN)},{gsm},{rnd.choice(STATIONS)},"
                    f"{rnd.randint(120, 2400)},{rnd.randint(4, 48)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "sheet_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat sheet_log.csv", d, n_csv)
    cm.run("sqlite3 paper.db \".import --csv sheet_log.csv sheets\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header paper.db 'SELECT vatman, station, sheet_gsm, sheets, outcome "
        "FROM sheets ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mill.vat", "mill.beater", "mill.press", "mill.loft", "mill.api"]
    msgs = {
        "DEBUG": lambda r: f"mould dip {r.randint(1, 9000)} at {r.randint(18, 42)} C",
        "INFO": lambda r: f"request GET /posts/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"stuff in vat {r.randint(1, 4)} at {r.randint(1, 3)}.{r.randint(0, 9)}% consistency, under the mark",
        "ERROR": lambda r: f"sheet torn on couching bench {r.randint(1, 4)} at post {r.randint(20, 900)}",
        "CRITICAL": lambda r: f"hollander beater {r.randint(1, 2)} roll jammed: rags wound on the fly bars",
    }
    app_log(d / "beaterhouse.log", SEED + 6, 700, loggers, msgs, 5681, "2026-10-24")
    cap("app-log-tail", "tail -n 300 beaterhouse.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' beaterhouse.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", MILL_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR lunardate_mill deckleframe", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "lunardate*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide568-js", "vitest",
                   ["path-parse@1.0.7", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide568_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide568_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide568_js as js  # path-parse: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide568", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean568
    cm.clean_lines = clean568
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide568-", OUT, TMP)
