"""Round 592, Python and the machine: the sdist of bashlex 0.18 (a real PyPI release: a Python port of bash's own
parser, `bashlex/` with its tokenizer, yacc parser and word expansion; the sdist ships no tests) with a few bugs put
in, run through a scourers' table of shell command lines written here (`tests/test_scourers.py`, seeded: each line's
words as bashlex.split finds them, the commands bashlex.parse finds, the span of its first node) with pytest (one run
with colour forced on), ruff and mypy --strict over the package and the tests, and used by a pointers' script into a
chained traceback; a git history built here by committing bashlex's sources in steps (capture_material.history: log
-p, log --stat, blame, show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find
-printf, tree); the machine's process table with a busy process started on purpose (ps aux); files of the machine
(from find -printf) as a CSV and a sqlite table, and pip inspect; a needle mill's service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide592.py."""

from __future__ import annotations

import pprint
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
from capture_wide592 import SRC, VENV, cap

PH = "bashlex-0.18"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests/test_scourers.py"
RUN = "tests"
PEOPLE = [("Tabitha Eyewright", "tabitha@example.org"), ("Ezra Pointer", "ezra@example.org"),
          ("Lettice Scourby", "lettice@example.org")]
TOK = "bashlex/tokenizer.py"
SUB = "bashlex/subst.py"
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in bashlex (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# a tab no longer separates words; a word partly in single quotes loses the last letter inside them; `&` no longer
# breaks a word (`a&&b` is one word).
BUGS = [(TOK, "def _shellblank(c):\n    return c in ' \\t'", "def _shellblank(c):\n    return c in ' '"),
        (SUB, "istring += string[tindex+1:sindex[0]-1]", "istring += string[tindex+1:sindex[0]-2]"),
        (TOK, "_addsyntax(\"()<>;&| \\t\\n\", 'break')", "_addsyntax(\"()<>;| \\t\\n\", 'break')")]

_R = random.Random(59214)
POINTERS = ["Tabitha", "Ezra", "Lettice", "Gideon", "Prudence", "Silas", "Dorcas", "Reuben"]
NEEDLES = ["sharps", "betweens", "straws", "darners", "chenilles", "tapestry", "bodkins", "glovers", "sailmakers",
           "beading"]
PROGS = ["scour", "point", "eye", "stamp", "temper", "polish", "count", "pack", "grade", "drill"]
ARGS = ["--barrel", "-n", "--gross", "wire", "emery", "oil", "soap", "bran", "sawdust", "packets", "-v", "--dry-run",
        "papers", "eyes", "points", "blue", "gilt", "steel"]


def _word(k: int) -> tuple:
    """One word of a command line: (as typed, as split finds it)."""
    w = _R.choice(ARGS)
    form = k % 6
    if form == 1:
        x = _R.choice(NEEDLES)
        return f'"{w} {x}"', f"{w} {x}"
    if form == 3:
        x = _R.choice(NEEDLES)
        return f"{w}'{x}'", f"{w}{x}"
    return w, w


CASES = []
for _k in range(84):
    _n = _R.randint(1, 3)
    _typed, _words = [], []
    for _c in range(_n):
        _prog = _R.choice(PROGS)
        _t, _w = [_prog], [_prog]
        for _j in range(_R.randint(1, 4)):
            a, b = _word(_k + _j)
            _t.append(a)
            _w.append(b)
        _sep = "\t" if _k % 7 == 5 else " "
        _typed.append(_sep.join(_t))
        _words += _w
        if _c < _n - 1:
            op = _R.choice(["&&", "|", "||", ";"])
            _typed.append(op)
            _words.append(op)
    _line = " ".join(_typed)
    if _k % 8 == 6 and "&&" in _typed:
        _line = _line.replace(" && ", "&&")
    CASES.append([f"{NEEDLES[_k % len(NEEDLES)]}-{POINTERS[_k % len(POINTERS)]}-{_k:02}", _line, _words, _n])

TEST_SCOURERS = """import bashlex
import pytest

# the needle mill's scouring book: each line a scourer typed at the mill's shell, the words bash would split it into
# and the number of commands it runs
CASES = %s


def commands(nodes):
    found = 0
    for node in nodes:
        if node.kind == "command":
            found += 1
        found += commands(getattr(node, "parts", []))
    return found


@pytest.mark.parametrize("case,line,words,n", CASES, ids=[c[0] for c in CASES])
def test_words_split(case, line, words, n):
    assert list(bashlex.split(line)) == words, f"{case}: {line!r}"


@pytest.mark.parametrize("case,line,words,n", CASES, ids=[c[0] for c in CASES])
def test_commands_parsed(case, line, words, n):
    assert commands(bashlex.parse(line)) == n


@pytest.mark.parametrize("case,line,words,n", CASES, ids=[c[0] for c in CASES])
def test_first_node_spans_line(case, line, words, n):
    trees = bashlex.parse(line)
    assert trees[0].pos == (0, len(line)), f"{case}: {len(trees)} trees"


def test_unclosed_quote_refused():
    with pytest.raises(bashlex.errors.ParsingError):
        bashlex.parse("scour 'sharps")
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / TESTS).write_text(TEST_SCOURERS % pprint.pformat(CASES, width=116))
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-bashlex-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {RUN} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-bashlex-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-span-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not spans_line' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-bashlex-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise bashlex tests setup.py 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-bashlex-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA bashlex tests setup.py "
        "2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-bashlex", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable bashlex tests setup.py 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-bashlex-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT,Q,COM "
                f"--output-format=concise {TESTS} 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
import bashlex


class NeedleMillError(Exception):
    pass


# a needle mill's pointing book: the day, the pointer, the line typed at the mill's shell, and the words the foreman
# reads in it
POINTING_BOOK = [
    ("Monday", "Tabitha", "point -n 12&&pack papers", ["point", "-n", "12", "&&", "pack", "papers"]),
    ("Tuesday", "Ezra", "scour --barrel'sharps' emery", ["scour", "--barrelsharps", "emery"]),
    ("Wednesday", "Lettice", 'eye "gilt betweens" | count', ["eye", "gilt betweens", "|", "count"]),
    ("Thursday", "Gideon", "temper steel; polish bran", ["temper", "steel", ";", "polish", "bran"]),
]


def check(n, row):
    day, pointer, line, expected = row
    try:
        words = list(bashlex.split(line))
        assert words == expected, f"{day}: the book reads {words}, {pointer} typed {line!r}"
    except (AssertionError, bashlex.errors.ParsingError) as exc:
        raise NeedleMillError(f"pointing book line {n}: {day} kept by {pointer}, {len(line)} characters") from exc
    return day, pointer, words


def read_book():
    for n, row in enumerate(POINTING_BOOK, 1):
        try:
            day, pointer, words = check(n, row)
        except NeedleMillError as exc:
            raise RuntimeError(f"eye shop stopped at pointing book line {n} of {len(POINTING_BOOK)}") from exc
        print(f"{day} ({pointer}): {' '.join(words)}")
    print(f"pointing book read: {len(POINTING_BOOK)} days")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "eyecheck"
    d.mkdir()
    (d / "eyecheck.py").write_text(SHEET)
    cap("python-chained-traceback-eyecheck", "python3 eyecheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """bashlex's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [TOK, SUB, "bashlex/ast.py", "bashlex/heredoc.py", "bashlex/shutils.py", "bashlex/utils.py",
            "bashlex/flags.py", "README.md", "setup.py"]
    repo = history(tmp, SRC, "bashlex", PH, rels, PEOPLE, 59212, 40, BUGS)
    (repo / "NOTES.local").write_text("the eye shop stops where a word is partly in single quotes\n")
    cap("git-log-p-bashlex-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-bashlex", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-bashlex-subst", f"git blame {SUB}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-bashlex", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-bashlex-typeshed-pytest-head-1000", f"ls -laR {PH} "
        f"{site}/mypy/typeshed/stdlib/email {site}/mypy/typeshed/stdlib/asyncio {site}/mypy/typeshed/stdlib/logging "
        f"{site}/_pytest/config {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-ruff-bashlex-tail-700", f"find {site}/mypy {site}/pluggy {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 700", tmp, n_find)
    cap("tree-typeshed-bashlex", f"tree -L 2 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/logging {site}/_pytest/config {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 592017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-592", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/logging /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-320", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


PLACES = ["scouring barrel", "pointing wheel", "eye press", "wire room", "hardening shop", "polishing mill",
          "packing room", "stamp shop", "drill bench", "temper oven"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(10, 90)} gross, "
                       f"size {r.randint(1, 12)}, wire {r.randint(8, 40)} lb, {r.randint(40, 900)} "
                       "turns of the scouring barrel"),
    "DEBUG": lambda r: (f"barrel {r.randint(1, 400)}: {r.choice(PLACES)} at {r.randint(10, 100)} C, "
                        f"soap {r.randint(2, 36)} lb, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} speed at {r.randint(20, 140)} % of set point on bench "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: pointers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['eyes split', 'points burred', 'barrel jammed', 'wire snapped'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "millmand.log", 59213, 2300, ["millmand.scour", "millmand.point",
                                                   "millmand.eyers", "millmand.barrels"], LOG_MSGS, 59200,
                 "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG millmand.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-millmand", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 millmand.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
