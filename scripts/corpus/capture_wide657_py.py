"""Round 657, Python and the machine: the sdist of biip 5.2.0 (a real PyPI release: barcode data interpretation,
GTIN, GS1 element strings, SSCC, RCN, pure Python, shipping its own suite under `tests/`) with a few bugs put in, run
under its OWN suite and a signwriter's check-digit test written here (one test per seeded barcode body, the check
digit worked out apart from the package) with pytest (one run with colour forced on), ruff and mypy --strict over the
package's code and the tests, and used by a signpaint script into a chained traceback; a git history built here by
committing biip's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a sign
shop's service log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). The layout is capture_wide641_py's; its shared settings are imported. Run through
capture_wide657.py."""

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
from capture_wide657 import SRC, VENV, cap

PH = "biip-5.2.0"
CODE = "src/biip"
PEOPLE = [("Jedidiah Mahlstick", "jedidiah@example.org"), ("Prudence Goldsize", "prudence@example.org"),
          ("Ebenezer Letterby", "ebenezer@example.org")]

# The bugs put in biip (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The standard GS1 check digit comes out 10 where it should be 0; the four-digit price check digit is taken modulo 9.
BUGS = [("src/biip/checksums.py", "    return (10 - weighted_sum % 10) % 10\n", "    return 10 - weighted_sum % 10\n"),
        ("src/biip/checksums.py", "return (weight_sum * 3) % 10", "return (weight_sum * 3) % 9")]

TABLE_TEST = r'''"""A signwriter's shop checks the barcodes it paints on its signboards against a check digit worked out by hand."""
import random

import pytest

from biip.checksums import gs1_standard_check_digit
from biip.gtin import Gtin

_R = random.Random(65714)
BODIES = sorted({"".join(str(_R.randint(0, 9)) for _ in range(n)) for n in (7, 11, 12) for _ in range(40)})
BODIES = [b for b in BODIES if b.lstrip("0") and b[0] != "0"]


def by_hand(body: str) -> int:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


@pytest.mark.parametrize("body", BODIES)
def test_check_digit_on_the_signboard(body):
    assert gs1_standard_check_digit(body) == by_hand(body)


@pytest.mark.parametrize("body", BODIES)
def test_gold_leaf_barcode_reads_back(body):
    value = body + str(by_hand(body))
    assert Gtin.parse(value).value == value
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_signshop.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    cap("pytest-biip-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-biip-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-signboard-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not signboard' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-biip-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-biip-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} 2>&1 | head -n 1200", tp, n_ruff)
    # biip is typed already: mypy --strict reads it beside the tests and pytest's own sources (copied with the
    # package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/src/biip {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-biip-pytest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable biip tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-biip", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise src tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "src/biip/checksums.py src/biip/gtin.py tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r'''
from biip import ParseError
from biip.gtin import Gtin


class SignShopError(Exception):
    pass


# a signwriter's order book: the board, the writer, and the barcode the shop paints in gold leaf under the lettering
BOOK = [
    {"board": "Draper's fascia", "writer": "Jedidiah", "barcode": "5901234123457"},
    {"board": "Chemist's hanging sign", "writer": "Prudence", "barcode": "96385074"},
    {"board": "Grocer's window", "writer": "Ebenezer", "barcode": "9501101531000"},
    {"board": "Inn signboard", "writer": "Tryphena", "barcode": "7038010054471"},
]


def painted(row):
    try:
        gtin = Gtin.parse(row["barcode"])
        return f"{gtin.format.name} {gtin.value} check {gtin.check_digit}"
    except (ParseError, ValueError, KeyError) as exc:
        raise SignShopError(f"{row['board']} ({row['writer']}): cannot letter barcode {row['barcode']}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = painted(row)
        except SignShopError as exc:
            raise RuntimeError(f"sign shop stopped at board {n} of {len(BOOK)}") from exc
        print(f"{row['board']} ({row['writer']}): {said}")
    print(f"order book read: {len(BOOK)} boards")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "signpaint"
    d.mkdir()
    (d / "signpaint.py").write_text(SHEET)
    cap("python-chained-traceback-signpaint", "python3 signpaint.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """biip's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["src/biip/checksums.py", "src/biip/gtin.py", "src/biip/rcn.py", "src/biip/sscc.py",
            "tests/test_checksums.py", "README.md", "pyproject.toml"]
    repo = history(tmp, SRC, "biip", PH, rels, PEOPLE, 65712, 60, BUGS)
    (repo / "NOTES.local").write_text("the grocer's window barcode will not letter since the checksum change\n")
    cap("git-log-p-biip-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-biip", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-biip-gtin", "git blame src/biip/gtin.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-biip", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-biip-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/xml {ts}/urllib "
        f"{site}/rich {site}/moneyed {site}/_pytest/mark | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-biip-tail-400", f"find {site}/mypy {site}/rich {site}/babel {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-xml-pytest-biip", f"tree -L 2 {ts}/xml {site}/_pytest/_code {PH}/src {PH}/tests", tmp,
        n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 657057)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-signshop", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/urllib "
        "/usr/lib/python3.11/logging /usr/lib/python3.11/unittest /usr/lib/python3.11/wsgiref "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-asyncio-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["lettering bench", "gilding room", "size pot", "board store", "primer shop", "varnish cupboard",
          "scaffold yard", "carrier's cart", "drying rack", "mahlstick rack"]
LOG_MSGS = {
    "INFO": lambda r: (f"board {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 90)} letters, "
                       f"{r.randint(1, 40)} leaves of gold, {r.randint(5, 95)} % coats dry, "
                       f"{r.randint(1, 30)} boards hung"),
    "DEBUG": lambda r: (f"writer {r.randint(1, 60)}: {r.choice(PLACES)} at {r.randint(2, 30)} letters/hour, "
                        f"size tack {r.randint(2, 99)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} damp at {r.randint(40, 99)} % in bay "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: gilding held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"board {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['size went off', 'leaf tore', 'board split', 'varnish bloomed'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "signshopd.log", 65713, 2300, ["signshopd.boards", "signshopd.gilding",
                                                     "signshopd.writers", "signshopd.hanging"], LOG_MSGS, 65700,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG signshopd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-signshopd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 signshopd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
