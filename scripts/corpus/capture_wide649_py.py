"""Round 649, Python and the machine: the sdist of casefy 1.1.0 (a real PyPI release: string case conversion, pure
Python, shipping its own suite `tests/test_casefy.py`) with a few bugs put in, run under its OWN suite and a pencil
maker's label test written here (one parametrized case per generated stock label, several conversions each) with
pytest (one run with colour forced on), ruff and mypy --strict over the package's code and the tests, and used by a
sharpening script into a chained traceback; a git history built here by committing casefy's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux);
files of the machine as a CSV and a sqlite table, and pip inspect; a pencil works' service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The steps' layout is capture_wide641_py's, its package-specific parts rewritten. Run through
capture_wide649.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, run
from capture_wide6_new2 import n_pip_inspect
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide649 import SRC, VENV, cap

PH = "casefy-1.1.0"
NOCACHE = "-p no:cacheprovider -o addopts="
TESTS = "tests/test_casefy.py tests/test_pencilworks.py"  # the package's own suite and the label test
CODE = "casefy"
PEOPLE = [("Abel Cedarholm", "abel@example.org"), ("Prudence Graphton", "prudence@example.org"),
          ("Gideon Slatter", "gideon@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in casefy (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# kebab-case keeps the dashes a wrapped name leaves at its ends; runs of two separators are no longer squeezed to one.
BUGS = [("casefy/casefy.py", '    return string.strip("-")', "    return string"),
        ("casefy/casefy.py", 'string = re.sub(r"[_]{2,}", "_", string)', 'string = re.sub(r"[_]{3,}", "_", string)')]

_R = random.Random(64914)
WORDS = ["graphite", "cedar", "slat", "lead", "ferrule", "eraser", "lacquer", "clay", "stub", "crayon", "barrel",
         "groove", "glue", "core", "sharpener", "box", "gross", "grade", "kiln", "saw"]
JOINS = [" ", "-", ".", "__", "  ", "_{}_", "pascal"]
LABELS = sorted({(tuple(_R.sample(WORDS, _R.randint(2, 4))), _R.choice(JOINS)) for _ in range(400)})[:180]


def _label(words, join):
    if join == "pascal":
        return "".join(w.capitalize() for w in words)
    if join == "_{}_":
        return "_" + "_".join(words) + "_"
    return join.join(words)


CASES = [(_label(w, j), "_".join(w)) for w, j in LABELS]

LABEL_TEST = '''"""A pencil maker's stock labels: each label as the clerks write it, and the snake form the stock book keeps."""
import pytest

import casefy

CASES = %r


@pytest.mark.parametrize("label,snake", CASES)
def test_stock_book_snake(label, snake):
    assert casefy.snakecase(label).strip("_") == snake


@pytest.mark.parametrize("label,snake", CASES)
def test_slat_tag_kebab(label, snake):
    assert casefy.kebabcase(label) == snake.replace("_", "-")


@pytest.mark.parametrize("label,snake", CASES)
def test_crate_stencil_const(label, snake):
    assert casefy.constcase(label).strip("_") == snake.upper()
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_pencilworks.py").write_text(LABEL_TEST % (CASES,))
    # the package's own suite is one `main()` of asserts: a test_ wrapper lets pytest collect it
    (tp / "tests" / "test_casefy.py").write_text((tp / "tests" / "test_casefy.py").read_text()
                                                 + "\n\ndef test_main():\n    main()\n")
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-casefy-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-casefy-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-kebab-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not kebab' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-casefy-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-casefy-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"{CODE} tests 2>&1 | head -n 1200", tp, n_ruff)
    # casefy is small: mypy --strict reads it beside the tests and pluggy's and pytest's own sources (copied into a
    # folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/casefy {tp}/tests {site}/_pytest {site}/pluggy {tc}/", cwd=tmp)
    cap("mypy-strict-casefy-pytest-pluggy", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable casefy tests _pytest pluggy 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-casefy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise casefy tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "casefy tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
import casefy


class PencilWorksError(Exception):
    pass


# a pencil maker's order book: the bench, the maker, and the label and box tag the buyer wrote on the order
BOOK = [
    {"bench": "Saw Shop", "maker": "Abel", "label": "Cedar Slat HB", "tag": "cedar-slat-hb"},
    {"bench": "Grooving Bench", "maker": "Prudence", "label": "_graphite_core_", "tag": "graphite-core"},
    {"bench": "Lacquer Vat", "maker": "Gideon", "label": "Ferrule Brass", "tag": "ferrule-brass"},
    {"bench": "Packing Room", "maker": "Tamsin", "label": "Gross Box 2B", "tag": "gross-box-2-b"},
]


def tagged(row):
    try:
        tag = casefy.kebabcase(row["label"])
        if tag != row["tag"]:
            raise ValueError(f"tag {tag!r} is not the box's {row['tag']!r}")
        return casefy.titlecase(tag)
    except (KeyError, TypeError, ValueError) as exc:
        raise PencilWorksError(f"{row['bench']} ({row['maker']}): cannot tag {row['label']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = tagged(row)
        except PencilWorksError as exc:
            raise RuntimeError(f"pencil works stopped at order line {n} of {len(BOOK)}") from exc
        print(f"{row['bench']} ({row['maker']}): {said}")
    print(f"order book read: {len(BOOK)} benches")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "sharpening"
    d.mkdir()
    (d / "sharpening.py").write_text(SHEET)
    cap("python-chained-traceback-sharpening", "python3 sharpening.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """casefy's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["casefy/casefy.py", "casefy/__init__.py", "tests/test_casefy.py", "README.md", "docs/source/api.rst",
            "pyproject.toml"]
    repo = history(tmp, SRC, "casefy", PH, rels, PEOPLE, 64912, 24, BUGS)
    (repo / "NOTES.local").write_text("the box tags keep a dash at each end since the kebab change\n")
    cap("git-log-p-casefy-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-casefy", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-casefy-py", "git blame casefy/casefy.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-casefy", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-casefy-typeshed-ruff-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/unittest {ts}/xml "
        f"{ts}/importlib {site}/_pytest/mark {site}/mypy/plugins {site}/iniconfig | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pluggy-casefy-tail-400", f"find {site}/mypy/typeshed {site}/pluggy {site}/pip/_internal "
        f"{PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-asyncio-mark-casefy", f"tree -L 2 {ts}/asyncio {site}/_pytest/mark {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 649049)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-649", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/importlib /usr/lib/python3.11/http /usr/lib/python3.11/logging "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["saw shop", "grooving bench", "glue press", "lacquer vat", "drying loft", "kiln", "ferrule press",
          "lead mill", "packing room", "carrier's yard"]
LOG_MSGS = {
    "INFO": lambda r: (f"order {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 600)} gross, "
                       f"{r.randint(2, 40)} slats sawn, {r.randint(5, 90)} % first grade, "
                       f"{r.randint(1, 60)} boxes packed"),
    "DEBUG": lambda r: (f"maker {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} slats/min, "
                        f"sawdust {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} glue at {r.randint(20, 140)} % of heat in press "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: makers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"order {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['lead snapped', 'slat split', 'saw blunt', 'cedar short'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "pencilworksd.log", 64913, 2300, ["pencilworksd.saws", "pencilworksd.leads",
                                                        "pencilworksd.makers", "pencilworksd.packing"], LOG_MSGS,
                 64900, "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG pencilworksd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-pencilworksd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 pencilworksd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
