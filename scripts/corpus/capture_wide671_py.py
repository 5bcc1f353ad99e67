"""Round 671, Python and the machine: the sdist of cron-converter 2.0.2 (a real PyPI release: a cron string parser
and scheduler, pure Python; its sdist ships no suite of its own) with a few bugs put in, run under a slater's suite
written here (one test per seeded cron expression and field, the expected values worked out by the test apart from
the package) with pytest (one run with colour forced on), ruff and mypy --strict over the package's code and the
tests, and used by a ripsheet script into a chained traceback; a git history built here by committing
cron-converter's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a
slater's service log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's
from each part's own (round 9b). The layout is capture_wide666_py's; its shared settings are imported. Run through
capture_wide671.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide641_py import LOCALE, NOCACHE
from capture_wide671 import SRC, VENV, cap

PH = "cron_converter-2.0.2"
CODE = "cron_converter"
PEOPLE = [("Jethro Slatehanger", "jethro@example.org"), ("Damaris Battenwright", "damaris@example.org"),
          ("Silas Lathrender", "silas@example.org")]

# The bugs put in cron-converter (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A range such as 3-9 loses its last value; month and weekday names are read one off.
BUGS = [("cron_converter/sub_modules/part.py", "return [int_value for int_value in range(min_value, max_value + 1)]",
         "return [int_value for int_value in range(min_value, max_value)]"),
        ("cron_converter/sub_modules/part.py", 'string = string.replace(alt, str(self.unit.get("min") + idx))',
         'string = string.replace(alt, str(self.unit.get("min") + idx + 1))')]

TABLE_TEST = r'''"""A slater's round of roofs: each roof's hanging times as a cron string, every field checked by hand."""
import random

import pytest

from cron_converter import Cron

FIELDS = [("minute", 0, 59, None), ("hour", 0, 23, None), ("day", 1, 31, None),
          ("month", 1, 12, "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()),
          ("weekday", 0, 6, "SUN MON TUE WED THU FRI SAT".split())]
_R = random.Random(67114)


def _field(lo, hi, names):
    """One field drawn at random, with the values it stands for worked out here."""
    kind = _R.choice(["star", "one", "range", "range-step", "star-step", "list", "names"])
    if kind == "star":
        return "*", list(range(lo, hi + 1))
    if kind == "one":
        v = _R.randint(lo, hi)
        return str(v), [v]
    if kind == "star-step":
        s = _R.randint(2, max(2, (hi - lo) // 3))
        return f"*/{s}", list(range(lo, hi + 1, s))
    if kind in ("range", "range-step"):
        a = _R.randint(lo, hi - 2)
        b = _R.randint(a + 1, hi)
        if kind == "range":
            return f"{a}-{b}", list(range(a, b + 1))
        s = _R.randint(2, 4)
        return f"{a}-{b}/{s}", list(range(a, b + 1, s))
    vals = sorted(_R.sample(range(lo, hi + 1), _R.randint(2, 4)))
    if kind == "names" and names:
        return ",".join(names[v - lo] for v in vals), vals
    return ",".join(map(str, vals)), vals


ROOFS = []
for n in range(1, 141):
    parts = [_field(lo, hi, names) for _, lo, hi, names in FIELDS]
    ROOFS.append((f"roof{n:03}", " ".join(p for p, _ in parts), [v for _, v in parts]))


@pytest.mark.parametrize("roof,expr,want", ROOFS, ids=[r[0] for r in ROOFS])
def test_slate_hanging_times(roof, expr, want):
    assert Cron(expr).to_list() == want, f"{roof}: {expr}"


@pytest.mark.parametrize("field", range(5), ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize("roof,expr,want", ROOFS[:70], ids=[r[0] for r in ROOFS[:70]])
def test_batten_field(roof, expr, want, field):
    got = Cron(expr).to_list()[field]
    assert got == want[field], f"{roof} {FIELDS[field][0]} of {expr!r}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_slateyard.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-cron-v-color-tail-700", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 700", tp, n_pytest, env=env, timeout=900)
    cap("pytest-cron-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-batten-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not batten' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-cron-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-cron-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} 2>&1 | head -n 1200", tp, n_ruff)
    # cron-converter ships py.typed: mypy --strict reads it beside the tests and pytest's own sources (copied with
    # the package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/cron_converter {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-cron-pytest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable cron_converter tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-cron", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise cron_converter tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "cron_converter/cron.py cron_converter/sub_modules/part.py tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from datetime import datetime

from cron_converter import Cron


class SlateError(Exception):
    pass


# a slater's order book: the roof, the slater, and when the battens are hung (a cron string)
BOOK = [
    {"roof": "Chapel duchesses", "slater": "Jethro", "hang": "0 7 * * MON-FRI"},
    {"roof": "School countesses", "slater": "Damaris", "hang": "30 6-9 1,15 MAR-OCT *"},
    {"roof": "Mill ladies", "slater": "Silas", "hang": "15 8 * DEC SAT"},
    {"roof": "Manse verge", "slater": "Tamsin", "hang": "0 25 * * *"},
]


def hung(row):
    try:
        cron = Cron(row["hang"])
        return cron.schedule(datetime(2026, 12, 3, 6, 0)).next().isoformat()
    except (ValueError, KeyError) as exc:
        raise SlateError(f"{row['roof']} ({row['slater']}): no hanging time {row['hang']!r} for the battens") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = hung(row)
        except SlateError as exc:
            raise RuntimeError(f"slate yard stopped at roof {n} of {len(BOOK)}") from exc
        print(f"{row['roof']} ({row['slater']}): next {said}")
    print(f"order book read: {len(BOOK)} roofs")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "ripsheet"
    d.mkdir()
    (d / "ripsheet.py").write_text(SHEET)
    cap("python-chained-traceback-ripsheet", "python3 ripsheet.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """cron-converter's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["cron_converter/sub_modules/part.py", "cron_converter/sub_modules/seeker.py", "cron_converter/cron.py",
            "cron_converter/sub_modules/units.py", "README.md", "pyproject.toml"]
    repo = history(tmp, SRC, "cron", PH, rels, PEOPLE, 67112, 45, BUGS)
    (repo / "NOTES.local").write_text("the chapel's battens are hung a day short since the range change\n")
    cap("git-log-p-cron-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-cron", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-cron-part", "git blame cron_converter/sub_modules/part.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-cron", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-cron-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/http "
        f"{site}/rich {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-cron-tail-400", f"find {site}/mypy {site}/rich {site}/ruff {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-email-pytest-cron", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH}/cron_converter {site}/dateutil",
        tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 671076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-slateyard", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/xml /usr/lib/python3.11/importlib /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-http-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["slate stack", "riving shed", "ridge", "verge", "duchess floor", "countess bench", "batten shed",
          "ladder yard", "nail store", "lath loft"]
LOG_MSGS = {
    "INFO": lambda r: (f"roof {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 90)} slates, "
                       f"{r.randint(1, 400)} nails driven, {r.randint(5, 95)} % course hung, "
                       f"{r.randint(1, 30)} battens laid"),
    "DEBUG": lambda r: (f"slater {r.randint(1, 60)}: {r.choice(PLACES)} at {r.randint(2, 30)} slates/hour, "
                        f"lath damp {r.randint(2, 99)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} wet at {r.randint(40, 99)} % on course "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: hanging held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"roof {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['slate too short', 'batten split', 'nail sheared', 'ridge slipped'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "slaterd.log", 67113, 2300, ["slaterd.roofs", "slaterd.slates", "slaterd.slaters",
                                                   "slaterd.ridges"], LOG_MSGS, 67100, "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG slaterd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-slaterd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 slaterd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
