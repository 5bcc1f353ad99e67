"""Round 447, Python and the machine: the sdist of pypng 0.20220715.0 (a real PyPI release: a pure-Python PNG reader
and writer, one module) with a few bugs put in, run through its own tests with pytest (one run with colour forced on),
through ruff and mypy --strict, and used by a slate quarry's dressing-shed script into a chained traceback; `npm view
pngjs --json`; a git history built here by committing pypng's sources in steps (capture_material.history: log -p, log
--stat, blame, show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree);
the machine's process table with a busy process started on purpose (ps aux); files of the machine (from find -printf)
as a CSV and a sqlite table, and pip inspect; a slate quarry's incline service's log (capture_material.app_log). Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide447.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide447 import SRC, VENV, cap

PS = "pypng-0.20220715.0"
PNG = "code/png.py"
T = "code/test_png.py"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Gwenllian Splitter", "gwenllian@example.org"), ("Ifor Dresser", "ifor@example.org"),
          ("Morfudd Incline", "morfudd@example.org")]

# The bugs put in png.py: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The Paeth predictor prefers `b` when pa ties pb; a chunk's CRC is masked to 31 bits; a palette image with tRNS is
# expanded to three planes (its alpha lost).
BUGS = [(PNG, "        if pa <= pb and pa <= pc:\n", "        if pa < pb and pa <= pc:\n"),
        (PNG, "    checksum &= 2 ** 32 - 1\n", "    checksum &= 2 ** 31 - 1\n"),
        (PNG, "            info['planes'] = 3 + bool(self.trns)\n", "            info['planes'] = 3\n")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PS
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp / "code")}
    cap("pytest-pypng-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {T} 2>&1", tp,
        n_pytest, env=env, timeout=1200)
    cap("pytest-pypng-v-tb-long", f"python -m pytest -v --tb=long {NOCACHE} {T} 2>&1 | tail -n 1500", tp,
        n_pytest, env=env, timeout=1200)
    cap("pytest-pypng-rA-palette-write", f"pytest -rA --tb=short {NOCACHE} {T} -k 'pal or write or trns' 2>&1 "
        "| tail -n 1400", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {PS}", None), Part(f"python -m pytest -l --tb=short {NOCACHE} {T} 2>&1 | tail -n 900",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-write-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=long {NOCACHE} {T} -k 'not write' 2>&1 | tail -n 700", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PS
    cap("ruff-select-all-code-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise code 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-png-full-head-1300", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH {PNG} 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-png-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable --ignore-missing-imports {PNG} 2>&1 | tail -n 900", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-minpng-pngsuite", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                "code/minpng.py code/pngsuite.py code/iccp.py code/texttopng.py 2>&1 | head -n 500", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports code/minpng.py "
                "code/iccp.py code/texttopng.py 2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
import io

import png


class DressingShedError(Exception):
    pass


# a slate quarry's dressing shed: each slate size's block face scanned as a small greyscale PNG and read back
SIZES = {"Princess": (24, 14), "Duchess": (24, 12), "Countess": (20, 10), "Wide Lady": (16, 10),
         "Ladies": (16, 8), "Doubles": (13, 10), "Singles": (12, 8)}


def block_face(name, width, height):
    rows = [[(x * 37 + y * 11 + len(name) * 29) % 256 for x in range(width)] for y in range(height)]
    buf = io.BytesIO()
    png.Writer(width, height, greyscale=True, bitdepth=8).write(buf, rows)
    return buf.getvalue()


def read_face(name, data):
    try:
        w, h, rows, info = png.Reader(bytes=data).read()
        return w, h, [list(r) for r in rows]
    except png.Error as exc:
        raise DressingShedError(f"block face of {name} unreadable ({len(data)} bytes)") from exc


def dress_shift():
    for n, (name, (w, h)) in enumerate(SIZES.items(), 1):
        try:
            fw, fh, rows = read_face(name, block_face(name, w, h))
            print(f"{name}: {fw}x{fh} in, {sum(map(sum, rows))} grey")
        except DressingShedError as exc:
            raise RuntimeError(f"dressing shed stopped at slate {n} of {len(SIZES)}") from exc
    print("shift dressed")


dress_shift()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "blockcheck"
    d.mkdir()
    (d / "blockcheck.py").write_text(SHEET)
    cap("python-chained-traceback-blockcheck", "python3 blockcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PS / "code")})


def npm_view(tmp: Path) -> None:
    cap("npm-view-pngjs-json", "npm view pngjs --json", tmp, n_npm_view, timeout=300)


def git_history(tmp: Path) -> None:
    """pypng's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [PNG, T, "code/pngsuite.py", "code/iccp.py", "README.md"]
    repo = history(tmp, SRC, "pypng", PS, rels, PEOPLE, 44712, 60, BUGS)
    (repo / "NOTES.local").write_text("the dressing shed's scans fail their CRC every other block since the mask\n")
    cap("git-log-p-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-png-L1-1000", f"git blame -L 1,1000 {PNG}", repo, n_blame, env=GIT_ENV)
    cap("git-log-p-reverse-test-png-head-1500", f"git log -p --reverse -- {T} | head -n 1500", repo, n_log_p,
        env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pypng", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-pypng", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-pypng-mypy-head-1100", f"ls -laR {PS} {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/logging {site}/mypy/typeshed/stdlib/sqlite3 {site}/pip/_internal | head -n 1100",
        tmp, n_ls_lR)
    cap("find-printf-site-packages-head-800", f"find {site}/mypy/typeshed/stdlib {site}/_pytest {site}/pip/_vendor "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-pypng-typeshed-pip", f"tree -L 3 {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/logging {site}/_pytest {site}/pip/_internal/commands {site}/mypy/server "
        f"{site}/pip/_vendor/requests {site}/mypy/typeshed/stdlib/unittest {site}/mypy/typeshed/stdlib/json {PS}",
        tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 447041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-447", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/email /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/sqlite3 /usr/lib/python3.11/concurrent /usr/lib/python3.11/asyncio "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-600", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 600\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1100", f"{VENV}/bin/pip inspect | head -n 1100", d, n_pip_inspect,
        typed="pip inspect | head -n 1100")


PLACES = ["Ponc Mawr", "Ponc Twll", "incline 3", "incline 7", "drum house", "dressing shed A", "dressing shed B",
          "rubbish tip", "weighbridge", "gallery 11"]
LOG_MSGS = {
    "INFO": lambda r: (f"wagon {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} blocks down, "
                       f"load {r.randint(800, 2400)} kg, drum {r.randint(1, 9)} rev/s"),
    "DEBUG": lambda r: (f"brake sensor {r.randint(1, 400)}: {r.choice(PLACES)} cable {r.randint(10, 95)} %, "
                        f"slack {r.randint(0, 120)} cm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} cable worn at {r.randint(60, 89)} % on run "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 30)}: wagons held {r.randint(2, 30)} min"),
    "ERROR": lambda r: (f"wagon {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['brake drum slipped', 'cable snapped', 'points jammed', 'tally book locked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "inclined.log", 44713, 2200, ["inclined.drum", "inclined.brake", "inclined.wagons",
                                                     "inclined.tally"], LOG_MSGS, 44700, "2026-12-03")
    cap("log-grep-v-debug-head-750", "grep -v DEBUG inclined.log | head -n 750", tmp, n_app_log)
    chain("chain-log-grep-warn-error-inclined", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 inclined.log | head -n 800", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, npm_view, git_history, listings, tables, app_log]
