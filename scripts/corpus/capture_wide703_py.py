"""Round 703, Python and the machine: the sdist of namedlist 1.8 (a real PyPI release: mutable named lists and a
namedtuple with defaults, one pure-Python module; run from the sdist) ported to collections.abc (its two uses of
`collections.Mapping` / `collections.Sequence` are gone since Python 3.10) and with a few bugs put in, run under its
own `test/test_namedlist.py` and a starch maker's suite written here (one test per seeded batch, the expected values
worked out by the test apart from the package) with pytest (one run with colour forced on), ruff and mypy --strict
over the package's code and the tests, and used by a steepbook script into a chained traceback; a git history built
here by committing namedlist's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and
diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table
with a busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a
starch maker's service log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). The layout is capture_wide695_py's, its package-specific parts written for
this package. Run through capture_wide703.py."""

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
from capture_wide703 import SRC, VENV, cap

PH = "namedlist-1.8"
CODE = "namedlist.py"
PEOPLE = [("Keturah Steepwell", "keturah@example.org"), ("Obadiah Blueman", "obadiah@example.org"),
          ("Tabitha Cakebread", "tabitha@example.org")]

# The port (not a bug): collections.Mapping / collections.Sequence are collections.abc's since Python 3.10, and the
# test module's unittest.main() is put under a __main__ guard.
PORT = [("namedlist.py", "import abc as _abc\n", "import abc as _abc\nimport collections.abc as _cabc\n"),
        ("namedlist.py", "isinstance(field_names, _collections.Mapping)", "isinstance(field_names, _cabc.Mapping)"),
        ("namedlist.py", "isinstance(_other, _collections.Mapping)", "isinstance(_other, _cabc.Mapping)"),
        ("namedlist.py", "_collections.Sequence.register(t)", "_cabc.Sequence.register(t)"),
        # the test module calls unittest.main() unguarded, which pytest's collection cannot import
        ("test/test_namedlist.py", "unittest.main()", "if __name__ == '__main__':\n    unittest.main()")]
# The bugs put in namedlist.py (file, text, replacement); each text occurs exactly once in its file.
# Equality ignores a namedlist's first field; a slice stops one field short; count() counts identical objects only.
BUGS = [("namedlist.py", "getattr(other, name) for name in self._fields)",
         "getattr(other, name) for name in self._fields[1:])"),
        ("namedlist.py", "range(*idx.indices(len(self._fields)))", "range(*idx.indices(len(self._fields) - 1))"),
        ("namedlist.py", "sum(1 for v in iter(self) if v == value)", "sum(1 for v in iter(self) if v is value)")]

TABLE_TEST = r'''"""A starch maker's batches: each batch a namedlist of its steeping vats, checked by hand against the batch book."""
import random

import pytest

from namedlist import namedlist

_R = random.Random(70314)
NAMES = ["wheat", "rice", "potato", "maize", "blueing", "lye", "vat", "stove", "cakes", "crates", "water", "days"]


def _value():
    kind = _R.randrange(4)
    if kind == 0:
        return _R.randrange(1000)
    if kind == 1:
        return _R.randrange(4) * 1.5
    if kind == 2:
        return "".join(_R.choice("steepblu") for _ in range(_R.randint(2, 6)))
    return [_R.randrange(10) for _ in range(_R.randint(1, 3))]


BATCHES = []
for n in range(1, 161):
    fields = _R.sample(NAMES, _R.randint(2, 6))
    values = [_value() for _ in fields]
    if _R.random() < 0.5:
        values[_R.randrange(len(values))] = values[0] if isinstance(values[0], list) else list(values[:1])
    start, stop = sorted(_R.sample(range(len(fields) + 1), 2))
    BATCHES.append((f"batch{n:03}", tuple(fields), tuple(values), start, stop))
IDS = [b[0] for b in BATCHES]


@pytest.mark.parametrize("batch,fields,values,start,stop", BATCHES, ids=IDS)
def test_vat_slice(batch, fields, values, start, stop):
    Batch = namedlist("Batch", fields)
    row = Batch(*values)
    assert row[start:stop] == list(values[start:stop]), f"{batch}: {fields} [{start}:{stop}]"


@pytest.mark.parametrize("batch,fields,values,start,stop", BATCHES, ids=IDS)
def test_stove_equal(batch, fields, values, start, stop):
    Batch = namedlist("Batch", fields)
    row, other = Batch(*values), Batch(*values)
    k = 0 if int(batch[5:]) % 2 else len(fields) - 1
    other[k] = "spoilt"
    assert (row == other) is (values[k] == "spoilt"), f"{batch}: {fields} [{k}]"


@pytest.mark.parametrize("batch,fields,values,start,stop", BATCHES[:80], ids=IDS[:80])
def test_cakes_count(batch, fields, values, start, stop):
    Batch = namedlist("Batch", fields)
    row = Batch(*[list(v) if isinstance(v, list) else v for v in values])
    want = sum(1 for v in values if v == values[-1])
    assert row.count(list(values[-1]) if isinstance(values[-1], list) else values[-1]) == want, f"{batch}: {fields}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, PORT)
    put_bugs(tp, BUGS)
    (tp / "test" / "test_starchbatches.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    tests = "test/test_namedlist.py test/test_starchbatches.py"
    cap("pytest-namedlist-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {tests} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-namedlist-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {tests} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-namedlist", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {tests} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-cakes-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {tests} -k 'not cakes' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-namedlist-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} test setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-namedlist-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"test {CODE} setup.py 2>&1 | head -n 1100", tp, n_ruff)
    # namedlist is untyped and small: mypy --strict reads it beside the tests and pytest's own sources (copied with
    # the package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/namedlist.py {tp}/test {site}/_pytest {tc}/")
    cap("mypy-strict-namedlist-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable namedlist.py test _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-namedlist", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise namedlist.py test 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "namedlist.py test/test_starchbatches.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from namedlist import namedlist

Vat = namedlist("Vat", "vat steeper grain water days")


class SteepError(Exception):
    pass


# a starch maker's steeping book: the vat, the steeper, the grain and the water and days it steeps
BOOK = [
    {"vat": "Wheat 12", "steeper": "Keturah", "grain": "wheat", "water": 40, "days": 9},
    {"vat": "Rice 4", "steeper": "Obadiah", "grain": "rice", "water": 35, "days": 6},
    {"vat": "Potato 9", "steeper": "Tabitha", "grain": "potato", "water": 30, "days": "four"},
    {"vat": "Maize 2", "steeper": "Jemima", "grain": "maize", "water": 45, "days": 7},
]


def steeped(row):
    try:
        vat = Vat(**row)
        return vat.vat, vat.water * 100 // vat.days
    except (ValueError, TypeError, KeyError) as exc:
        raise SteepError(f"{row['vat']} ({row['steeper']}): cannot steep {row['water']!r} for {row['days']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = steeped(row)
        except SteepError as exc:
            raise RuntimeError(f"steeping vats stopped at batch {n} of {len(BOOK)}") from exc
        print(f"{row['vat']} ({row['steeper']}): {said}")
    print(f"steep book read: {len(BOOK)} vats")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "steepbook"
    d.mkdir()
    (d / "steepbook.py").write_text(SHEET)
    cap("python-chained-traceback-steepbook", "python3 steepbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """namedlist's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["namedlist.py", "test/test_namedlist.py", "README.txt", "CHANGES.txt", "setup.py"]
    repo = history(tmp, SRC, "namedlist", PH, rels, PEOPLE, 70312, 45, BUGS)
    (repo / "NOTES.local").write_text("the rice batches compare equal since the vat change\n")
    cap("git-log-p-namedlist-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-namedlist", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-namedlist-py", "git blame namedlist.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-namedlist", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-namedlist-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/xml {ts}/json "
        f"{site}/rich {site}/_pytest/_py | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-namedlist-tail-420", f"find {site}/mypy {site}/rich {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-xml-pytest-namedlist", f"tree -L 2 {ts}/xml {site}/_pytest/mark {PH} "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 703076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-steepbench", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/wsgiref /usr/lib/python3.11/urllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-500", f"{VENV}/bin/pip inspect | tail -n 500", d, n_pip_inspect,
        typed="pip inspect | tail -n 500")


PLACES = ["steeping vat", "grinding mill", "sieve room", "settling tank", "blueing tub", "drying stove",
          "cake press", "crate loft", "lye cistern", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 400)} cakes, "
                       f"{r.randint(1, 90)} vats steeped, {r.randint(5, 95)} % dry, "
                       f"{r.randint(1, 30)} crates packed"),
    "DEBUG": lambda r: (f"steeper {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} cakes/hour, "
                        f"stove at {r.randint(60, 140)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} slow at {r.randint(40, 99)} % on vat "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: steeping held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['vat soured', 'cake cracked', 'blueing streaked', 'stove too hot'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "starchworks.log", 70313, 2300, ["starchworks.vats", "starchworks.cakes",
                                                        "starchworks.steepers", "starchworks.stoves"],
                 LOG_MSGS, 70300, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG starchworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-starchworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 starchworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
