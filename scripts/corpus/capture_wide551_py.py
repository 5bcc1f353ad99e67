"""Round 551, Python and the machine: the sdist of textwrap3 0.9.2 (a real PyPI release: a backport of the standard
library's textwrap, one module `textwrap3.py`, with its own `test/test_textwrap.py`; published as a zip, turned into a
tar.gz here so that the shared unpacker and capture_material.history read it) with a few bugs put in, run through its
own tests with pytest (one run with colour forced on), ruff and mypy --strict over its module and test, and used by a
drainage windpump's marshmen's script into a chained traceback; a git history built here by committing textwrap3's
sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked
tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a windpump's
drainage service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's
from each part's own (round 9b). Run through capture_wide551.py."""

from __future__ import annotations

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
from capture_wide551 import SRC, VENV, cap

PH = "textwrap3-0.9.2"
NOCACHE = "-p no:cacheprovider"
TESTS = "test/test_textwrap.py"
RUN = "test/test_textwrap.py"
VFILES = "test/test_textwrap.py"
PEOPLE = [("Hannah Reeve", "hannah@example.org"), ("Amos Dykeman", "amos@example.org"),
          ("Eli Sailwright", "eli@example.org")]
TW = "textwrap3.py"
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in textwrap3 (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# sentence endings get one space, not two; a long word is broken one column early; dedent keeps one character too
# many of a mixed margin; indent() prefixes whitespace-only lines too.
BUGS = [(TW, 'chunks[i+1] = "  "', 'chunks[i+1] = " "'),
        (TW, "space_left = width - cur_len\n", "space_left = width - cur_len - 1\n"),
        (TW, "margin = margin[:i]", "margin = margin[:i + 1]"),
        (TW, "            return line.strip()", "            return line")]


def repack(tmp: Path) -> None:
    """textwrap3's sdist is a zip on PyPI: the same files as a tar.gz beside it (once), for the shared unpacker."""
    if not list(SRC.glob(f"{PH}.tar.gz")):
        run(f"rm -rf zip && mkdir zip && cd zip && unzip -q {SRC / PH}.zip && tar czf {SRC / PH}.tar.gz {PH} "
            "&& cd .. && rm -rf zip", cwd=tmp)


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-textwrap3-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-textwrap3-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-indent-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not Indent' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-textwrap3-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise textwrap3.py test 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-textwrap3-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF textwrap3.py test 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-textwrap3", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable textwrap3.py 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-textwrap3-test", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                f"--output-format=concise {TESTS} 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from textwrap3 import dedent, indent, wrap


class WindpumpError(Exception):
    pass


# a drainage windpump's marsh book: the dyke, the marshman, the sail's note (wrapped to the board's width), the
# board's width in characters and the indented line the reeve expects
MARSH_BOOK = [
    ("Hundred Dyke", "Hannah", "Sails set. Scoop wheel lifting.", 17),
    ("Middle Drain", "Amos", "Pump rods greased. Brake eased.", 16),
    ("Fen Cut", "Eli", "Fantail turned. Cap winded.", 14),
    ("Long Dyke", "Amos", "Shutters opened. Water falling.", 18),
]


def check(n, row):
    dyke, marshman, note, width = row
    try:
        lines = wrap(note, width, fix_sentence_endings=True)
        assert ".  " in " ".join(lines) or len(lines) > 1, f"{dyke}: note {lines!r} lost its sentence spacing"
        assert all(len(line) <= width for line in lines), f"{dyke}: board line over {width}"
        board = indent("\n".join(lines) + "\n \n", "| ")
        assert "| \n" not in board and "|  \n" not in board, f"{dyke}: blank board line {board!r} was marked"
        assert dedent(board) == board
    except (AssertionError, ValueError) as exc:
        raise WindpumpError(f"marsh book line {n}: {dyke} kept by {marshman} at width {width}") from exc
    return dyke, marshman, len(lines)


def read_book():
    for n, row in enumerate(MARSH_BOOK, 1):
        try:
            dyke, marshman, k = check(n, row)
        except WindpumpError as exc:
            raise RuntimeError(f"windpump stopped at marsh book line {n} of {len(MARSH_BOOK)}") from exc
        print(f"{dyke} ({marshman}): {k} board lines")
    print(f"marsh book read: {len(MARSH_BOOK)} dykes")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "reevecheck"
    d.mkdir()
    (d / "reevecheck.py").write_text(SHEET)
    cap("python-chained-traceback-reevecheck", "python3 reevecheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """textwrap3's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "test/test_textwrap.py"
    rels = [TW, blamed, "README.rst", "setup.py", "CHANGES.yml", "tox.ini"]
    repo = history(tmp, SRC, "textwrap3", PH, rels, PEOPLE, 55112, 9, BUGS)
    (repo / "NOTES.local").write_text("the marsh book stops where a sail's note does not wrap\n")
    cap("git-log-p-textwrap3-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-textwrap3", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-900-textwrap3-test", f"git blame -L 1,900 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-textwrap3", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-textwrap3-typeshed-ruff-head-1000", f"ls -laR {PH} "
        f"{site}/mypy/typeshed/stdlib/email {site}/mypy/typeshed/stdlib/xml {site}/_pytest | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-typeshed-mypy-head-700", f"find {site}/mypy {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-textwrap3", f"tree -L 2 {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/json {site}/_pytest/mark {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 551017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-551", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/json /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/tomllib /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/http "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-xml-multiprocessing", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-380", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 380\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-620", f"{VENV}/bin/pip inspect | head -n 620", d, n_pip_inspect,
        typed="pip inspect | head -n 620")


PLACES = ["Hundred Dyke", "Middle Drain", "Fen Cut", "Long Dyke", "scoop wheel", "cap floor", "fantail stage",
          "sail stocks", "brake wheel", "tailrace"]
LOG_MSGS = {
    "INFO": lambda r: (f"stroke run {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} sails' turns a min, "
                       f"water {r.randint(4, 90)} cm, lift {r.randint(5, 30)} in, {r.randint(40, 900)} "
                       "strokes of the pump rods"),
    "DEBUG": lambda r: (f"stroke {r.randint(1, 400)}: {r.choice(PLACES)} wind {r.randint(0, 60)} mph, "
                        f"shutters {r.randint(2, 12)} open, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} water rising at {r.randint(20, 140)} % on dyke "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: marshmen held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"stroke run {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['pump rod snapped', 'sail cloth tore', 'brake jammed', 'scoop wheel choked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "marshmand.log", 55113, 2200, ["marshmand.sails", "marshmand.rods", "marshmand.marshmen",
                                                    "marshmand.dykes"], LOG_MSGS, 55100, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG marshmand.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-marshmand", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 marshmand.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
