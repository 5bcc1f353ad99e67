"""Round 629, Python and the machine: the sdist of pypinyin 0.55.0 (a real PyPI release: Chinese characters to pinyin
and other romanisations, pure Python, no dependencies, shipping its own suite `tests/`) with a few bugs put in, run
under its OWN suite with pytest (one run with colour forced on), ruff and mypy --strict over the package's code and its
tests, and used by a gunflint knappers' script into a chained traceback; a git history built here by committing
pypinyin's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of
the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a knappery's service's
log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The steps' layout is round 623's (capture_wide623_py). Run through capture_wide629.py."""

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
from capture_wide629 import SRC, VENV, cap

PH = "pypinyin-0.55.0"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests"  # pypinyin's own suite, whole
CONV = "pypinyin/converter.py"
# the package's code (its two JSON dictionaries are data, not code)
CODE = "pypinyin/*.py pypinyin/style pypinyin/contrib pypinyin/seg pypinyin/tools"
PEOPLE = [("Ezra Flintoft", "ezra@example.org"), ("Keziah Brandon", "keziah@example.org"),
          ("Obadiah Snare", "obadiah@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in pypinyin (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# the tone mark goes on o before a (hǎo becomes haǒ); a syllable with no final in loose mode loses its whole self
# instead of standing as its own final (ń, ḿ); TONE2/TONE3 to TONE no longer reads v as ü.
BUGS = [("pypinyin/style/_tone_rule.py", "    for c in ['a', 'o', 'e']:", "    for c in ['o', 'a', 'e']:"),
        ("pypinyin/style/_utils.py", "    if not finals and not strict:", "    if not finals and strict:"),
        ("pypinyin/style/_tone_convert.py", "    pinyin = pinyin.replace('v', 'ü')",
         "    pinyin = pinyin.replace('v', 'v')")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-pypinyin-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-pypinyin-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-style-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not style' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-pypinyin-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-pypinyin-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        f"{CODE} tests 2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-pypinyin", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable pypinyin tests 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-pypinyin-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from pypinyin import Style, pinyin


class FlintFlakeError(Exception):
    pass


# a gunflint knappery's tally: the knapping floor, the knapper, and the Chinese name its buyer wrote on the order
TALLY = [
    {"floor": "North Floor", "knapper": "Ezra", "order": "火石", "style": Style.TONE},
    {"floor": "Pit Head", "knapper": "Keziah", "order": "燧石", "style": Style.TONE3},
    {"floor": "Quartering Shed", "knapper": "Obadiah", "order": 1405, "style": Style.TONE},
    {"floor": "Sorting Loft", "knapper": "Tabitha", "order": "石片", "style": Style.NORMAL},
]


def spelt(row):
    try:
        return " ".join(s[0] for s in pinyin(row["order"], style=row["style"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise FlintFlakeError(f"{row['floor']} knapped by {row['knapper']}: cannot spell {row['order']!r}") from exc


def read_tally():
    for n, row in enumerate(TALLY, 1):
        try:
            said = spelt(row)
        except FlintFlakeError as exc:
            raise RuntimeError(f"knappery stopped at tally line {n} of {len(TALLY)}") from exc
        print(f"{row['floor']} ({row['knapper']}): {row['order']} = {said}")
    print(f"tally read: {len(TALLY)} floors")


read_tally()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "knapping"
    d.mkdir()
    (d / "knapping.py").write_text(SHEET)
    cap("python-chained-traceback-knapping", "python3 knapping.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """pypinyin's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CONV, "pypinyin/core.py", "pypinyin/style/_utils.py", "tests/test_pinyin.py", "README.rst"]
    repo = history(tmp, SRC, "pypinyin", PH, rels, PEOPLE, 62912, 60, BUGS)
    (repo / "NOTES.local").write_text("hao comes out haǒ on the order slips since the tone-mark change\n")
    cap("git-log-p-pypinyin-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-pypinyin", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-pypinyin-converter", f"git blame {CONV}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pypinyin", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-pypinyin-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/email {ts}/importlib {ts}/sqlite3 "
        f"{ts}/wsgiref {site}/_pytest/config {site}/_pytest/mark | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-ruff-pypinyin-tail-400", f"find {site}/mypy {site}/pluggy {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-pytest-pypinyin", f"tree -L 2 {ts}/email {site}/_pytest/config {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 629029)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-629", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Asia /usr/share/zoneinfo/Europe "
        "/usr/lib/python3.11/json /usr/lib/python3.11/xml /usr/lib/python3.11/importlib "
        "/usr/lib/python3.11/sqlite3 /usr/lib/python3.11/concurrent /usr/lib/python3.11/urllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-asia-europe-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-400", f"{VENV}/bin/pip inspect | head -n 400", d, n_pip_inspect,
        typed="pip inspect | head -n 400")


PLACES = ["north floor", "pit head", "quartering shed", "sorting loft", "flaking bench", "chalk pit", "nodule heap",
          "spall heap", "packing room", "carter's yard"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 600)} flints, "
                       f"{r.randint(2, 40)} nodules quartered, {r.randint(5, 90)} % musket grade, "
                       f"{r.randint(1, 60)} casks packed"),
    "DEBUG": lambda r: (f"hammer {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} strikes/min, "
                        f"spall {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} damp at {r.randint(20, 140)} % of limit in gallery "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: knappers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['gallery flooded', 'nodules shattered', 'hammer head split', 'cask short'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "knapperyd.log", 62913, 2300, ["knapperyd.pits", "knapperyd.floors",
                                                     "knapperyd.knappers", "knapperyd.packing"], LOG_MSGS, 62900,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG knapperyd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-knapperyd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 knapperyd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
