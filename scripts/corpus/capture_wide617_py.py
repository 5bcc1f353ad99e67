"""Round 617, Python and the machine: the sdist of recurrent 0.4.1 (a real PyPI release: natural-language recurring
events to RRULEs, `src/recurrent/`, pure Python over python-dateutil and parsedatetime, shipping its own suite
`src/recurrent/test.py`) with a few bugs put in, run under its OWN suite with an alum makers' table written here
(`tests/test_alumrota.py`) with pytest (one run with colour forced on), ruff and mypy --strict over the package and
its tests, and used by an alum makers' script into a chained traceback; a git history built here by committing
recurrent's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings
of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip
inspect; an alum works' service's log (capture_material.app_log). Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The steps' layout is round 605's (capture_wide605_py). Run
through capture_wide617.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide617 import SRC, VENV, cap

PH = "recurrent-0.4.1"
NOCACHE = "-p no:cacheprovider"
# recurrent's own suite and this round's table
TESTS = "src/recurrent/test.py tests/test_alumrota.py"
EP = "src/recurrent/event_parser.py"
PEOPLE = [("Tabitha Rowntree", "tabitha@example.org"), ("Silas Wharton", "silas@example.org"),
          ("Keturah Pease", "keturah@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in recurrent (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# weekends come out as Sunday then Saturday; a count of occurrences is written one short; "every other" (and "bi-")
# before plural weekdays needs both words to give an interval of 2.
BUGS = [(EP, "self.weekdays = ['SA','SU']", "self.weekdays = ['SU','SA']"),
        (EP, "            params['count'] = self.count", "            params['count'] = self.count - 1"),
        (EP, "if 'bi' in s or 'every other' in s:", "if 'bi' in s and 'every other' in s:")]

_R = random.Random(61714)
PITS = ["North Cistern", "Boiling House", "Steeping Pit 3", "Clamp Row", "Roching Cask", "Settling Tank",
        "Quay Store", "Kiln Yard", "Liquor Well", "Mother House", "Shale Face", "Ladle Bench"]
MAKERS = ["Tabitha", "Silas", "Keturah", "Jabez", "Zillah", "Obadiah", "Hephzibah", "Enoch"]
DAYS = [("mondays", "MO"), ("tuesdays", "TU"), ("wednesdays", "WE"), ("thursdays", "TH"), ("fridays", "FR"),
        ("saturdays", "SA"), ("sundays", "SU")]
ROTAS = []
for _k, _pit in enumerate(PITS):
    _form = _k % 4
    _n = _R.randint(2, 9)
    if _form == 0:
        ROTAS.append([_pit, MAKERS[_k % 8], f"every {_n} days", {"freq": "daily", "interval": _n}])
    elif _form == 1:
        _a, _b = sorted(_R.sample(range(5), 2))
        ROTAS.append([_pit, MAKERS[_k % 8], f"every other {DAYS[_a][0]} and {DAYS[_b][0]}",
                      {"freq": "weekly", "interval": 2, "byday": f"{DAYS[_a][1]},{DAYS[_b][1]}"}])
    elif _form == 2:
        ROTAS.append([_pit, MAKERS[_k % 8], f"daily for {_n} times",
                      {"freq": "daily", "interval": 1, "count": _n}])
    else:
        ROTAS.append([_pit, MAKERS[_k % 8], f"every {_n} weeks on weekends",
                      {"freq": "weekly", "interval": _n, "byday": "SA,SU"}])

TABLE = """\"\"\"The alum makers' rota: each pit's round as the foreman writes it, parsed, written back, and stepped through.\"\"\"

import datetime

import pytest
from dateutil import rrule

from recurrent.event_parser import RecurringEvent

NOW = datetime.datetime(2026, 3, 2, 6, 0)
ROTAS = %s


@pytest.mark.parametrize("pit,maker,phrase,want", ROTAS)
def test_rota_params(pit: str, maker: str, phrase: str, want: dict) -> None:
    event = RecurringEvent(NOW)
    assert event.parse(phrase), phrase
    got = event.get_params()
    for key, value in want.items():
        assert got.get(key) == value, (pit, maker, key)


@pytest.mark.parametrize("pit,maker,phrase,want", ROTAS)
def test_rota_written_back(pit: str, maker: str, phrase: str, want: dict) -> None:
    event = RecurringEvent(NOW)
    rule = event.parse(phrase)
    again = RecurringEvent(NOW).parse(event.format(rule))
    assert again == rule, (pit, event.format(rule))


@pytest.mark.parametrize("pit,maker,phrase,want", ROTAS)
def test_rota_steps(pit: str, maker: str, phrase: str, want: dict) -> None:
    rule = RecurringEvent(NOW).parse(phrase)
    dates = list(rrule.rrulestr(rule, dtstart=NOW))[:12] if "count" in want else []
    if "count" in want:
        assert len(dates) == want["count"], rule
    else:
        it = iter(rrule.rrulestr(rule, dtstart=NOW))
        dates = [next(it) for _ in range(12)]
    days = want.get("byday")
    if days:
        codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        assert all(codes[d.weekday()] in days.split(",") for d in dates), rule
        assert days.split(",") == sorted(days.split(","), key=codes.index), rule
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir(exist_ok=True)
    (tp / "tests" / "test_alumrota.py").write_text(TABLE % json.dumps(ROTAS, indent=4))
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    cap("pytest-recurrent-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-recurrent-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-weekend-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not weekend' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-recurrent-head-560", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src/recurrent tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-recurrent-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        "src/recurrent tests 2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-recurrent", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable src/recurrent tests 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-recurrent-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise src/recurrent/test.py tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r'''
import datetime

from dateutil import rrule

from recurrent.event_parser import RecurringEvent


class AlumLiquorError(Exception):
    pass


# an alum house's steeping book: the pit, the alum maker, and how often the foreman wants its liquor drawn off
NOW = datetime.datetime(2026, 3, 2, 6, 0)
BOOK = [
    {"pit": "Steeping Pit 3", "maker": "Jabez", "rota": "every 3 days"},
    {"pit": "North Cistern", "maker": "Zillah", "rota": "tuesdays and fridays"},
    {"pit": "Boiling House", "maker": "Obadiah", "rota": "when the mother liquor settles"},
    {"pit": "Roching Cask", "maker": "Enoch", "rota": "daily for 4 times"},
]


def draws(row):
    rule = RecurringEvent(NOW).parse(row["rota"])
    try:
        return list(rrule.rrulestr(rule, dtstart=NOW)[:3])
    except (AttributeError, TypeError, ValueError) as exc:
        raise AlumLiquorError(f"{row['pit']} kept by {row['maker']}: no rota in {row['rota']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            when = draws(row)
        except AlumLiquorError as exc:
            raise RuntimeError(f"alum house stopped at steeping book line {n} of {len(BOOK)}") from exc
        print(f"{row['pit']} ({row['maker']}): next draws {', '.join(d.strftime('%a %d %b') for d in when)}")
    print(f"steeping book read: {len(BOOK)} pits")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "steeping"
    d.mkdir()
    (d / "steeping.py").write_text(SHEET)
    cap("python-chained-traceback-steeping", "python3 steeping.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """recurrent's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [EP, "src/recurrent/constants.py", "src/recurrent/test.py", "README.md"]
    repo = history(tmp, SRC, "recurrent", PH, rels, PEOPLE, 61712, 60, BUGS)
    (repo / "NOTES.local").write_text("the weekend rotas come out Sunday first since the steeping-book change\n")
    cap("git-log-p-recurrent-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-recurrent", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    # the whole file's blame is 128 KB (past the bound): the first 560 of its 1,208 lines, as asked with -L
    cap("git-blame-L-1-560-recurrent-event-parser", f"git blame -L 1,560 {EP}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-recurrent", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-recurrent-typeshed-dateutil-head-1000", f"ls -laR {PH} {ts}/json {ts}/concurrent {ts}/xml "
        f"{ts}/multiprocessing {site}/dateutil {site}/_pytest/assertion | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-dateutil-recurrent-tail-400", f"find {site}/mypy {site}/dateutil {site}/parsedatetime "
        f"{site}/_pytest {PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-dateutil-recurrent", f"tree -L 2 {ts}/json {ts}/concurrent {site}/dateutil {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 617017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-617", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/concurrent /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/urllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-400", f"{VENV}/bin/pip inspect | head -n 400", d, n_pip_inspect,
        typed="pip inspect | head -n 400")


PLACES = ["calcining clamp", "steeping pit", "settling cistern", "boiling house", "roching cask", "liquor well",
          "shale face", "kiln yard", "quay store", "mother house"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 60)} tuns, "
                       f"liquor {r.randint(8, 30)} degrees, kiln {r.randint(300, 900)} C, {r.randint(40, 900)} "
                       "lb of crystal"),
    "DEBUG": lambda r: (f"pump {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} gal/min, "
                        f"mother {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} heat at {r.randint(20, 140)} % of set point in shed "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: alum makers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['clamp burnt out', 'cistern leaking', 'liquor too weak', 'pan cracked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "alumworksd.log", 61713, 2300, ["alumworksd.clamps", "alumworksd.pits",
                                                      "alumworksd.makers", "alumworksd.pans"], LOG_MSGS, 61700,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG alumworksd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-alumworksd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 alumworksd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
