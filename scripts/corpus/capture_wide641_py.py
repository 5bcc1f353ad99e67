"""Round 641, Python and the machine: the sdist of iso4217 1.16.20260101 (a real PyPI release: the ISO 4217 currency
table as an enum, pure Python, shipping its own test module `iso4217/test.py`) with a few bugs put in, run under its
OWN test module and a whitesmith's table test written here (one test per currency of the package's own `table.xml`,
read with ElementTree apart from the package) with pytest (one run with colour forced on), ruff and mypy --strict over
the package's code and the tests, and used by a tinning script into a chained traceback; a git history built here by
committing iso4217's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a tin
shop's service log (capture_material.app_log). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide641.py."""

from __future__ import annotations

from pathlib import Path

import time

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, run
from capture_wide6_new2 import n_pip_inspect
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide641 import SRC, VENV, cap

PH = "iso4217-1.16.20260101"
NOCACHE = "-p no:cacheprovider -o addopts="
TESTS = "iso4217/test.py tests/test_tinshop.py"  # the package's own test module and the table test
CODE = "iso4217"
PEOPLE = [("Obadiah Tinsley", "obadiah@example.org"), ("Mercy Pewterer", "mercy@example.org"),
          ("Silas Snipwell", "silas@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in iso4217 (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A currency used by many countries keeps only the last country read; a currency without minor units (0) reads as
# None, like the X currencies.
BUGS = [("iso4217/__init__.py", "            ccy_dict['CtryNm'].add(ctry_nm)",
         "            ccy_dict['CtryNm'] = set([ctry_nm])"),
        ("iso4217/__init__.py", "return None if minor_units == 'N.A.' else int(minor_units)",
         "return None if minor_units in ('N.A.', '0') else int(minor_units)")]

TABLE_TEST = r'''"""A whitesmith's price book checks the currency table it quotes in against the ISO file itself."""
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iso4217 import Currency

ROOT = ET.parse(Path(__file__).parent.parent / "iso4217" / "table.xml").getroot()
ROWS: dict = {}
for node in ROOT.findall("CcyTbl/CcyNtry"):
    ccy, nbr, units = node.findtext("Ccy"), node.findtext("CcyNbr"), node.findtext("CcyMnrUnts")
    if not ccy or not nbr or not units or not (units.isdigit() or units == "N.A."):
        continue
    row = ROWS.setdefault(ccy.strip(), {"name": node.findtext("CcyNm").strip(), "number": int(nbr),
                                        "units": units.strip(), "countries": set()})
    row["countries"].add(node.findtext("CtryNm").strip())
CODES = sorted(ROWS)


@pytest.mark.parametrize("code", CODES)
def test_number_and_name(code):
    cur = Currency(code)
    assert (cur.number, cur.currency_name) == (ROWS[code]["number"], ROWS[code]["name"])


@pytest.mark.parametrize("code", CODES)
def test_minor_units_for_the_price_book(code):
    units = ROWS[code]["units"]
    assert Currency(code).exponent == (None if units == "N.A." else int(units))


@pytest.mark.parametrize("code", CODES)
def test_countries_on_the_tin_shop_ledger(code):
    assert Currency(code).country_names == frozenset(ROWS[code]["countries"])
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir(exist_ok=True)
    (tp / "tests" / "test_tinshop.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-iso4217-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-iso4217-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-countries-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not countries' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-iso4217-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-iso4217-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"{CODE} tests 2>&1 | head -n 1200", tp, n_ruff)
    # iso4217 ships a stub (__init__.pyi): mypy --strict reads the code itself beside the tests, and pytest's own
    # sources are checked beside it (copied with the package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/iso4217 {tp}/tests {site}/_pytest {tc}/ && rm -f {tc}/iso4217/__init__.pyi")
    cap("mypy-strict-iso4217-pytest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable iso4217 tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-iso4217", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise iso4217 tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "iso4217/__init__.py tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from iso4217 import Currency


class TinShopError(Exception):
    pass


# a whitesmith's order book: the bench, the tinsmith, and the currency and price the buyer wrote on the order
BOOK = [
    {"bench": "Cutting Shop", "smith": "Obadiah", "currency": "GBP", "price": "12.40"},
    {"bench": "Folding Bench", "smith": "Mercy", "currency": "JPY", "price": "1840"},
    {"bench": "Tinning Vat", "smith": "Silas", "currency": "EUR", "price": "9.75"},
    {"bench": "Solder Pot", "smith": "Keziah", "currency": "XTN", "price": "3.10"},
]


def priced(row):
    try:
        cur = Currency(row["currency"])
        places = cur.exponent
        return f"{float(row['price']):.{places}f} {cur.code} ({cur.currency_name})"
    except (KeyError, TypeError, ValueError) as exc:
        raise TinShopError(f"{row['bench']} ({row['smith']}): cannot price {row['price']} in {row['currency']}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = priced(row)
        except TinShopError as exc:
            raise RuntimeError(f"tin shop stopped at order line {n} of {len(BOOK)}") from exc
        print(f"{row['bench']} ({row['smith']}): {said}")
    print(f"order book read: {len(BOOK)} benches")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "tinning"
    d.mkdir()
    (d / "tinning.py").write_text(SHEET)
    cap("python-chained-traceback-tinning", "python3 tinning.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """iso4217's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["iso4217/__init__.py", "iso4217/__init__.pyi", "iso4217/test.py", "iso4217/table.xml", "README.rst",
            "setup.py"]
    repo = history(tmp, SRC, "iso4217", PH, rels, PEOPLE, 64112, 60, BUGS)
    (repo / "NOTES.local").write_text("the euro shows one country on the price slips since the table change\n")
    cap("git-log-p-iso4217-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-iso4217", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-iso4217-init", "git blame iso4217/__init__.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-iso4217", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-iso4217-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/email {ts}/multiprocessing {ts}/json "
        f"{ts}/concurrent {site}/_pytest/_code {site}/_pytest/assertion {site}/pluggy | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pytest-iso4217-tail-400", f"find {site}/mypy {site}/_pytest {site}/pygments {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-email-pytest-iso4217", f"tree -L 2 {ts}/email {site}/_pytest/config {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 641041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-641", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/xml /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/tomllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-xml-multiprocessing", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-name-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY directory, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["cutting shop", "folding bench", "tinning vat", "solder pot", "seaming bench", "rivet board", "flux jar",
          "plate store", "packing room", "carrier's yard"]
LOG_MSGS = {
    "INFO": lambda r: (f"order {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 600)} wares, "
                       f"{r.randint(2, 40)} sheets cut, {r.randint(5, 90)} % best plate, "
                       f"{r.randint(1, 60)} crates packed"),
    "DEBUG": lambda r: (f"smith {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} seams/min, "
                        f"offcut {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} solder at {r.randint(20, 140)} % of heat in pot "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: smiths held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"order {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['flux ran dry', 'seam split', 'snips broke', 'plate short'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "whitesmithd.log", 64113, 2300, ["whitesmithd.benches", "whitesmithd.plate",
                                                       "whitesmithd.smiths", "whitesmithd.packing"], LOG_MSGS, 64100,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG whitesmithd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-whitesmithd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 whitesmithd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
