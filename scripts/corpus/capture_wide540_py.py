"""Round 540, Python and the machine: the sdist of segno 1.6.6 (a real PyPI release: a pure-Python QR code and Micro
QR code encoder, `segno/`, with its own `tests/`; pypng in the round's venv for the tests that read PNGs back) with a
few bugs put in, run through its own tests with pytest (one run with colour forced on), ruff and mypy --strict over its
package and tests, and used by a ropery's ropemakers' script into a chained traceback; a git history built here by
committing segno's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and
pip inspect; a ropery's service's log (capture_material.app_log). Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide540.py."""

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
from capture_wide540 import SRC, VENV, cap

PH = "segno-1.6.6"
NOCACHE = "-p no:cacheprovider"
RUN = "tests"
VFILES = ("tests/test_utils.py tests/test_helpers.py tests/test_encoder.py tests/test_issue95_wifi.py "
          "tests/test_svg.py tests/test_txt.py")
PEOPLE = [("Hester Hempdresser", "hester@example.org"), ("Silas Whirlwright", "silas@example.org"),
          ("Nell Ropemaker", "nell@example.org")]
UTILS, HELPERS = "segno/utils.py", "segno/helpers.py"

# The bugs put in segno (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The default quiet zone is 2 for a version 1 QR code too (21 modules, not only Micro QR codes); a symbol's height
# gets one border, not two; a colon in a MeCard value is left unescaped; a hidden network's WIFI data loses the `;`
# after `H:true`.
BUGS = [(UTILS, "    return 4 if width > 17 and width == height else 2\n",
         "    return 4 if width > 21 and width == height else 2\n"),
        (UTILS, "    height += 2 * border\n", "    height += border\n"),
        (HELPERS, "    ord(':'): \"\\\\:\",\n", "    ord(':'): \":\",\n"),
        (HELPERS, "    data += 'H:true;' if hidden else ';'", "    data += 'H:true' if hidden else ';'")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-segno-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-segno-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-svg-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not svg' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-segno-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise segno tests 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-segno-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF segno tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-segno", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable segno 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-segno-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                "tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
import segno
from segno import helpers
from segno.utils import get_symbol_size


class StrandLayError(Exception):
    pass


# a ropery's lay book: the rope, the whirl that spun it, the hemp lot, the tag's QR version and micro flag, the quiet
# zone the tag printer leaves (modules), and the printed tag's side in modules as the ropemakers measured it
LAY_BOOK = """hawser whirl-3 lot:17 1 no 4 29
cable whirl-1 lot:4 2 no 4 33
bolt-rope whirl-2 lot:9 M3 yes 2 19
lanyard whirl-3 lot:22 3 no 4 37
warp whirl-1 lot:5 M4 yes 2 21"""


def lay(n, line):
    rope, whirl, lot, version, micro, border, side = line.split()
    try:
        qr = segno.make(lot, version=version, micro=(micro == "yes"), error="l")
        width, height = qr.symbol_size()
        assert width == height, f"{rope}: tag {width}x{height} is not square"
        assert width == int(side), f"{rope}: tag side {width}, ropemakers measured {side}"
        mecard = helpers.make_mecard_data(name=rope, memo=f"{whirl} {lot}")
        assert "lot\\:" in mecard, f"{rope}: lot not escaped in {mecard!r}"
    except (AssertionError, ValueError) as exc:
        raise StrandLayError(f"lay book line {n}: {rope} from {whirl} ({lot}) version {version}") from exc
    return rope, whirl, width


def read_book():
    lines = LAY_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            rope, whirl, side = lay(n, line)
        except StrandLayError as exc:
            raise RuntimeError(f"ropewalk stopped at lay book line {n} of {len(lines)}") from exc
        print(f"{rope} ({whirl}): tag of {side} modules printed")
    print(f"lay book read: {len(lines)} ropes")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "hempcheck"
    d.mkdir()
    (d / "hempcheck.py").write_text(SHEET)
    cap("python-chained-traceback-hempcheck", "python3 hempcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """segno's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "segno/writers.py"
    rels = [blamed, "segno/cli.py", "segno/helpers.pyi", "README.rst", "docs/serializers.rst", "docs/make.rst"]
    repo = history(tmp, SRC, "segno", PH, rels, PEOPLE, 54012, 12, BUGS)
    (repo / "NOTES.local").write_text("the lay book stops where a tag's side and the ropemakers' measure differ\n")
    cap("git-log-p-segno-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-segno", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-1000-segno-writers", f"git blame -L 1,1000 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-6", "git show HEAD~6", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-segno", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-segno-mypy-typeshed-head-1000", f"ls -laR {PH} {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/os {site}/png.py {site}/_pytest/assertion {site}/pluggy | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-typeshed-pip-vendor-head-700", f"find {site}/mypy/typeshed/stdlib {site}/pip/_vendor/rich "
        f"{site}/pip/_vendor/urllib3 -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700",
        tmp, n_find)
    cap("tree-typeshed-pip-segno", f"tree -L 3 {site}/mypy/typeshed/stdlib/xml {site}/pip/_internal/commands "
        f"{site}/_pytest/_io {PH}/segno {PH}/tests/feature_decompose {PH}/docs", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 540017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-540", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Africa /usr/lib/python3.11/json /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/http /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/wsgiref /usr/lib/python3.11/urllib "
        "-maxdepth 3 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


PLACES = ["north walk", "south walk", "hemp house", "tar house", "whirl 1", "whirl 2", "whirl 3", "hatchelling loft",
          "yarn store", "laying track"]
LOG_MSGS = {
    "INFO": lambda r: (f"lay {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 14)} strands laid, "
                       f"rope {r.randint(40, 360)} fathoms, twist {r.randint(8, 40)} turns/ft, {r.randint(20, 900)} "
                       "kg of hemp"),
    "DEBUG": lambda r: (f"hook {r.randint(1, 400)}: {r.choice(PLACES)} tension {r.randint(0, 60)} kgf, "
                        f"yarn count {r.randint(0, 300)}, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} twist running high at {r.randint(20, 140)} % on strand "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: ropemakers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"lay {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['strand parted', 'whirl hook jammed', 'top fouled', 'tar kettle boiled over'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "ropemakerd.log", 54013, 2200, ["ropemakerd.whirls", "ropemakerd.walks",
                                                       "ropemakerd.hemp", "ropemakerd.tar"], LOG_MSGS, 54000,
                 "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG ropemakerd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-ropemakerd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 ropemakerd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
