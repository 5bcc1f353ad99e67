"""Round 754, Python and the machine: the sdist of avltree 1.1.2 (a real PyPI release: a pure-Python AVL tree mapping,
the package `src/avltree/`; run from the sdist, which carries its own `tests/`) with a few bugs put in, run under its
own suite and an astrolabe maker's suite written here (one test per seeded plate of star altitudes, the expected
answers worked out by the test apart from the package, by sorting), with pytest (one run with colour forced on), ruff
and mypy --strict over the package's code and the tests, and used by an alidadebook script into a chained traceback; a
git history built here by committing avltree's sources in steps (capture_material.history: log -p, log --stat, blame,
show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and
pip inspect; an astrolabe maker's service log (capture_material.app_log). Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). The layout is capture_wide743_py's (its package-free
parts re-aimed at other folders), its package-specific parts written for this package. Run through
capture_wide754.py."""

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
from capture_wide754 import SRC, VENV, cap

PH = "avltree-1.1.2"
CODE = "src/avltree/_avl_tree.py"
PEOPLE = [("Hepzibah Alidade", "hepzibah@example.org"), ("Obadiah Rete", "obadiah@example.org"),
          ("Keziah Mater", "keziah@example.org")]

# The bugs put in src/avltree/_avl_tree.py (file, text, replacement); each text occurs exactly once in its file.
# A subtree leaning by two is left unbalanced; between() flips inclusive and exclusive at its stop key; deleting a
# node whose successor has a greater child drops that child.
BUGS = [(CODE, "if -1 <= balance <= 1:", "if -1 <= balance <= 2:"),
        (CODE, '(stop < key or (stop == key and treatment == "exclusive"))',
         '(stop < key or (stop == key and treatment == "inclusive"))'),
        (CODE, "successor_parent.lesser_child_key = successor.greater_child_key",
         "successor_parent.lesser_child_key = None")]

TABLE_TEST = r"""# An astrolabe maker's plates: each plate a set of star altitudes engraved on it.
import random

import pytest

from avltree import AvlTree

_R = random.Random(75414)
STARS = ["Aldebaran", "Vega", "Capella", "Arcturus", "Sirius", "Rigel", "Altair", "Deneb", "Spica", "Regulus"]

PLATES = []
for n in range(1, 151):
    alts = [_R.randint(0, 90) for _ in range(_R.randint(3, 30))]
    lo = _R.randint(0, 60)
    PLATES.append((f"plate{n:03}", alts, lo, lo + _R.randint(0, 30), _R.choice(alts)))
IDS = [c[0] for c in PLATES]


def _tree(alts):
    t = AvlTree()
    for a in alts:
        t[a] = STARS[a % len(STARS)]
    return t


@pytest.mark.parametrize("plate,alts,lo,hi,drop", PLATES, ids=IDS)
def test_alidade_reads_altitudes_in_order(plate, alts, lo, hi, drop):
    assert list(_tree(alts)) == sorted(set(alts)), plate


@pytest.mark.parametrize("plate,alts,lo,hi,drop", PLATES, ids=IDS)
def test_rete_between_inclusive(plate, alts, lo, hi, drop):
    got = list(_tree(alts).between(lo, hi))
    assert got == [a for a in sorted(set(alts)) if lo <= a <= hi], f"{plate}: {lo}..{hi}"


@pytest.mark.parametrize("plate,alts,lo,hi,drop", PLATES[:90], ids=IDS[:90])
def test_sighting_after_erasing_a_star(plate, alts, lo, hi, drop):
    t = _tree(alts)
    del t[drop]
    assert list(t) == sorted(set(alts) - {drop}), f"{plate}: erased {drop}"
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_astrolabe_plates.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    cap("pytest-avltree-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-avltree-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-avltree", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-erasing-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not erasing' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-short-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=short {NOCACHE} tests/test_avl_tree.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-avltree-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src tests 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-avltree-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "src tests 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/src/avltree {tp}/tests {site}/_pytest {site}/assertpy {tc}/")
    cap("mypy-strict-avltree-pytest-assertpy-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable avltree tests _pytest assertpy 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-avltree", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise src tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "src/avltree tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r"""
from avltree import AvlTree


class AlidadeSightingError(Exception):
    pass


# an astrolabe maker's sighting book: the star, the maker, the plate and the altitudes sighted on it
BOOK = [
    {"star": "Aldebaran", "maker": "Hepzibah", "plate": "latitude 51", "altitudes": [12, 40, 33, 61]},
    {"star": "Vega", "maker": "Obadiah", "plate": "latitude 48", "altitudes": [70, 8, 52]},
    {"star": "Capella", "maker": "Keziah", "plate": "latitude 51", "altitudes": [22, "45 deg", 30]},
    {"star": "Arcturus", "maker": "Zebulon", "plate": "latitude 43", "altitudes": [15, 65, 41]},
]


def sight_star(row):
    try:
        tree = AvlTree()
        for alt in row["altitudes"]:
            tree[alt] = row["star"]
        return row["star"], tree.minimum(), tree.maximum(), list(tree.between(20, 60))
    except (ValueError, TypeError, KeyError) as exc:
        raise AlidadeSightingError(f"{row['star']} ({row['maker']}): cannot sight altitudes {row['altitudes']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = sight_star(row)
        except AlidadeSightingError as exc:
            raise RuntimeError(f"sighting book stopped at star {n} of {len(BOOK)}") from exc
        print(f"{row['star']} ({row['maker']}): {said}")
    print(f"sighting book read: {len(BOOK)} stars")


read_book()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "alidadebook"
    d.mkdir()
    (d / "alidadebook.py").write_text(SHEET)
    cap("python-chained-traceback-alidadebook", "python3 alidadebook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """avltree's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "src/avltree/_avl_tree_node.py", "src/avltree/_avl_tree_key.py", "src/avltree/__init__.py",
            "tests/test_avl_tree.py", "pyproject.toml"]
    repo = history(tmp, SRC, "avltree", PH, rels, PEOPLE, 75412, 9, BUGS)
    (repo / "NOTES.local").write_text("the rete of the latitude 51 plate rides high since the mater was re-bored\n")
    cap("git-log-p-avltree-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-avltree", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-avltree-avl-tree", f"git blame {CODE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-avltree", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-avltree-typeshed-head-1000", f"ls -laR {PH} {ts}/concurrent {ts}/email {ts}/xml "
        f"{site}/rich/_unicode_data {site}/assertpy {site}/_pytest/_io | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-typeshed-rich-pytest-avltree-tail-440", f"find {ts}/email {ts}/os {site}/rich {site}/_pytest {site}/iniconfig {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 440", tmp, n_find)
    cap("tree-typeshed-email-pytest-avltree", f"tree -L 2 {ts}/email {site}/_pytest/mark {PH} "
        f"{site}/assertpy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 754076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-alidadebench", "ps auxww | grep -v binary_backend | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/xml /usr/lib/python3.11/sqlite3 "
        "/usr/lib/python3.11/concurrent /usr/lib/python3.11/importlib /usr/lib/python3.11/wsgiref "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-http-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-bytes-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-460", f"{VENV}/bin/pip inspect | tail -n 460", d, n_pip_inspect,
        typed="pip inspect | tail -n 460")


PLACES = ["rete bench", "mater lathe", "limb engraving", "alidade sights", "plate press", "dividing engine",
          "casting room", "zodiac ring", "horizon plate", "lacquer store"]
LOG_MSGS = {
    "INFO": lambda r: (f"plate {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 900)} stars, "
                       f"{r.randint(1, 61)} altitudes engraved, {r.randint(5, 95)} % divided, "
                       f"{r.randint(1, 30)} arc-min error"),
    "DEBUG": lambda r: (f"engraver {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} lines/day, "
                        f"brass at {r.randint(50, 120)} gauge, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} off by {r.randint(1, 40)} arc-min on star "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: setting held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"plate {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['rete cracked', 'pin sheared', 'limb misdivided', 'alidade bent'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "astrolabeworks.log", 75413, 2300, ["astrolabeworks.retes", "astrolabeworks.plates",
                                                           "astrolabeworks.limb", "astrolabeworks.alidade"],
                 LOG_MSGS, 75400, "2026-12-04")
    cap("log-grep-v-debug-head-460", "grep -v DEBUG astrolabeworks.log | head -n 460", tmp, n_app_log)
    chain("chain-log-grep-warn-error-astrolabeworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 astrolabeworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
