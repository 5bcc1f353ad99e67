"""Round 528, Python and the machine: the sdist of mutagen 1.48.1 (a real PyPI release: audio metadata in pure
Python, typed, `mutagen/`, with its own `tests/` and their sample files) with a few bugs put in, run through its own
tests with pytest (one run with colour forced on), ruff and mypy --strict over its package and tests, and used by a
sail loft's sailmakers' script into a chained traceback; a git history built here by committing mutagen's sources in
steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a sail loft's service's
log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide528.py."""

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
from capture_wide528 import SRC, VENV, cap

PH = "mutagen-1.48.1"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests"
RUN = "tests"
VFILES = "tests/test__vorbis.py tests/test__id3util.py tests/test__util.py tests/test_oggvorbis.py tests/test_flac.py"
PEOPLE = [("Hester Boltrope", "hester@example.org"), ("Magnus Grommet", "magnus@example.org"),
          ("Lorna Sailmaker", "lorna@example.org")]
UTIL, VORBIS, ID3UTIL = "mutagen/_util.py", "mutagen/_vorbis.py", "mutagen/id3/_util.py"
# the suite asks for a unicode locale (tests/__init__.py)
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in mutagen (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# intround rounds halves up instead of to even; a Vorbis comment key may hold '='; an unsynchronised ID3 fragment
# starting 0xE0 is let through; seek_end seeks past the start of a file one byte shorter than the offset.
BUGS = [(UTIL, "value).to_integral_value(decimal.ROUND_HALF_EVEN))", "value).to_integral_value(decimal.ROUND_HALF_UP))"),
        (VORBIS, '        if c < " " or c > "}" or c == "=":', '        if c < " " or c > "}":'),
        (ID3UTIL, "if (not f) or (f[0] >= 0xE0):\n", "if (not f) or (f[0] > 0xE0):\n"),
        (UTIL, "    if get_size(fileobj) < offset:\n", "    if get_size(fileobj) < offset - 1:\n")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-mutagen-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-mutagen-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-id3-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not id3' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-mutagen-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise mutagen tests 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-mutagen-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF mutagen 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-mutagen", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable mutagen 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-mutagen-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
import io

from mutagen._util import intround, seek_end
from mutagen._vorbis import is_valid_key


class LoftSeamError(Exception):
    pass


# a sail loft's seam book: the sail, the sailmaker, the tag written on its bolt rope, the seam length in cm (halves
# round to even, as the loft's rule has it), the grommets' spacing and the length of the rope's tail
SEAM_BOOK = """mainsail Hester LUFF=ROPE 150.5 12 9
jib Magnus CLEW 120.5 10 6
mizzen Lorna TACK 98.5 8 8
staysail Magnus HEAD 71.5 6 4
topsail Hester FOOT 64.5 6 5"""


def seam(n, line):
    sail, maker, tag, length, spacing, tail = line.split()
    try:
        assert is_valid_key(tag.replace("=", "_")), f"{sail}: rope tag {tag} unreadable"
        assert not is_valid_key(tag) or "=" not in tag, f"{sail}: rope tag {tag} holds '='"
        cm = intround(float(length))
        assert cm % 2 == 0, f"{sail}: seam of {length} cm rounds to {cm}, not to even"
        rope = io.BytesIO(b"x" * int(tail))
        seek_end(rope, int(spacing))
    except (AssertionError, ValueError) as exc:
        raise LoftSeamError(f"seam book line {n}: {sail} by {maker} with tag {tag}") from exc
    return sail, maker, cm


def read_book():
    lines = SEAM_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            sail, maker, cm = seam(n, line)
        except LoftSeamError as exc:
            raise RuntimeError(f"loft stopped at seam book line {n} of {len(lines)}") from exc
        print(f"{sail} ({maker}): {cm} cm of seam roped")
    print(f"seam book read: {len(lines)} seams")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "seamcheck"
    d.mkdir()
    (d / "seamcheck.py").write_text(SHEET)
    cap("python-chained-traceback-seamcheck", "python3 seamcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """mutagen's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "mutagen/_util.py"
    rels = [blamed, "mutagen/_vorbis.py", "mutagen/id3/_util.py", "mutagen/_tags.py", "mutagen/_iff.py",
            "mutagen/_riff.py", "README.rst"]
    repo = history(tmp, SRC, "mutagen", PH, rels, PEOPLE, 52812, 12, BUGS)
    (repo / "NOTES.local").write_text("the seam book stops where a rope tag or a seam's length does not read\n")
    cap("git-log-p-mutagen-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-mutagen", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-900-mutagen-util", f"git blame -L 1,900 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-mutagen", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-mutagen-typeshed-hypothesis-head-1000", f"ls -laR {PH}/mutagen {PH}/tests "
        f"{site}/mypy/typeshed/stdlib/email {site}/hypothesis/strategies {site}/_pytest/mark | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-typeshed-hypothesis-head-700", f"find {site}/mypy/typeshed {site}/hypothesis {PH}/tests/data "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-hypothesis-mutagen", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/hypothesis/internal {PH}/mutagen {PH}/docs", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 528017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-528", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Atlantic /usr/lib/python3.11/json /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/http /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/importlib /usr/lib/python3.11/wsgiref "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-xml-json", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


PLACES = ["loft floor", "roping bench", "grommet press", "cutting table", "seam room", "sail store", "bolt rope rack",
          "canvas bay", "sewing bench", "hoist door"]
LOG_MSGS = {
    "INFO": lambda r: (f"sail {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} grommets set, "
                       f"bolt rope {r.randint(4, 60)} m, canvas {r.randint(10, 400)} m2, {r.randint(40, 900)} "
                       "stitches roped"),
    "DEBUG": lambda r: (f"seam {r.randint(1, 400)}: {r.choice(PLACES)} tension {r.randint(0, 60)} N, "
                        f"stitch pitch {r.randint(2, 12)} mm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} running slack at {r.randint(20, 140)} % on panel "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: sailmakers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"sail {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['bolt rope parted', 'grommet pulled out', 'seam puckered', 'palm needle broke'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "grommetd.log", 52813, 2200, ["grommetd.ropes", "grommetd.grommets", "grommetd.makers",
                                                   "grommetd.seams"], LOG_MSGS, 52800, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG grommetd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-grommetd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 grommetd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
