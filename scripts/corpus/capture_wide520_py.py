"""Round 520, Python and the machine: the sdist of ubelt 1.4.3 (a real PyPI release: pure-Python utilities, typed,
`ubelt/`, its doctests run by xdoctest through its own pytest settings) with a few bugs put in, run through its own
tests with pytest (one run with colour forced on), ruff and mypy --strict over its package and tests, and used by a
lime kiln's limers' script into a chained traceback; a git history built here by committing ubelt's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a lime kiln's service's
log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide520.py."""

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
from capture_wide520 import SRC, VENV, cap

PH = "ubelt-1.4.3"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests"
# the download tests and doctests would reach the network, which this machine does not have
RUN = ("ubelt tests --ignore=tests/test_download.py --ignore=ubelt/util_download.py "
       "--ignore=ubelt/util_download_manager.py")
VFILES = "ubelt/util_list.py ubelt/util_str.py ubelt/util_dict.py tests/test_dict.py tests/test_orderedset.py"
PEOPLE = [("Walter Limeburner", "walter@example.org"), ("Ursula Drawarch", "ursula@example.org"),
          ("Yusuf Kilnman", "yusuf@example.org")]
LIST, STR, DICT = "ubelt/util_list.py", "ubelt/util_str.py", "ubelt/util_dict.py"

# The bugs put in ubelt (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# boolmask sizes its mask one short; allsame calls an empty iterable not all the same; indent prefixes only the first
# line; dict_hist with weights keeps the last weight instead of adding them.
BUGS = [(LIST, "        maxval = max(indices) + 1\n", "        maxval = max(indices)\n"),
        (LIST, "    except StopIteration:\n        return True\n    return all(eq(first, item) for item in iter_)",
         "    except StopIteration:\n        return False\n    return all(eq(first, item) for item in iter_)"),
        (STR, "    return prefix + text.replace('\\n', '\\n' + prefix)", "    return prefix + text"),
        (DICT, "            hist_2[item] += weight", "            hist_2[item] = weight")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-ubelt-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-ubelt-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-dict-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not dict' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-ubelt-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise ubelt tests 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-ubelt-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF ubelt tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-ubelt", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable ubelt 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-ubelt-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
import ubelt as ub


class ArchDrawError(Exception):
    pass


# a lime kiln's draw book: the arch, the burner, the draw eyes that were opened (by index, out of the arch's eyes),
# the carts drawn from each eye, the limer's own tally of the draw
DRAW_BOOK = """north-arch burner-a 0,2,3 4,4,4 12
south-arch burner-a 1,2 3,5 8
east-arch burner-b 0,1,2,3 2,2,2,2 8
west-arch burner-b 3 6 6
north-arch burner-c 0,4 5,1 6"""


def draw(n, line):
    arch, burner, eyes, carts, tally = line.split()
    opened = [int(e) for e in eyes.split(",")]
    loads = [int(c) for c in carts.split(",")]
    try:
        mask = ub.boolmask(opened)
        assert sum(mask) == len(opened), f"{arch}: eyes {eyes} not all open"
        hist = ub.dict_hist(opened, weights=loads)
        assert sum(hist.values()) == int(tally), f"{arch}: drew {sum(hist.values())} carts, tally {tally}"
    except (AssertionError, IndexError) as exc:
        raise ArchDrawError(f"draw book line {n}: {arch} under {burner} opened eyes {eyes}") from exc
    return arch, burner, sum(hist.values())


def read_book():
    lines = DRAW_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            arch, burner, carts = draw(n, line)
        except ArchDrawError as exc:
            raise RuntimeError(f"kiln stopped at draw book line {n} of {len(lines)}") from exc
        print(f"{arch} ({burner}): {carts} carts of quicklime drawn")
    print(f"draw book read: {len(lines)} draws")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "archcheck"
    d.mkdir()
    (d / "archcheck.py").write_text(SHEET)
    cap("python-chained-traceback-archcheck", "python3 archcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """ubelt's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "ubelt/util_path.py"
    rels = [blamed, "ubelt/util_format.py", "ubelt/util_cmd.py", "ubelt/util_colors.py",
            "ubelt/util_time.py", "ubelt/util_platform.py", "README.rst"]
    repo = history(tmp, SRC, "ubelt", PH, rels, PEOPLE, 52012, 12, BUGS)
    (repo / "NOTES.local").write_text("the draw book stops where an arch's eyes or its carts do not tally\n")
    cap("git-log-p-ubelt-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-ubelt", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-1000-ubelt-util-path", f"git blame -L 1,1000 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-ubelt", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-ubelt-mypy-typeshed-head-1000", f"ls -laR {PH} {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/xdoctest {site}/_pytest/_code | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-typeshed-pygments-head-700", f"find {site}/mypy/typeshed {site}/pip/_vendor/pygments {site}/xdoctest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-pip-ubelt", f"tree -L 3 {site}/mypy/typeshed/stdlib/multiprocessing "
        f"{site}/pip/_internal/operations {site}/xdoctest {PH}/ubelt {PH}/tests", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 520017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-520", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/email /usr/lib/python3.11/asyncio "
        "/usr/lib/python3.11/logging /usr/lib/python3.11/unittest /usr/lib/python3.11/concurrent /usr/lib/python3.11/tomllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-asyncio-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


PLACES = ["north arch", "south arch", "east arch", "west arch", "kiln pot", "charging ramp", "draw eye", "coal hole",
          "stone bank", "lime shed"]
LOG_MSGS = {
    "INFO": lambda r: (f"burn {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 14)} carts drawn, "
                       f"quicklime {r.randint(300, 2400)} kg, pot heat {r.randint(850, 1150)} C, {r.randint(40, 900)} "
                       "shovels of coal"),
    "DEBUG": lambda r: (f"eye {r.randint(1, 400)}: {r.choice(PLACES)} draught {r.randint(0, 60)} Pa, "
                        f"charge depth {r.randint(0, 300)} cm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} burning hot at {r.randint(20, 140)} % on layer "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: limers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"burn {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['draw arch choked', 'firebars burnt through', 'charge hung', 'pot lining cracked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "limerd.log", 52013, 2200, ["limerd.arches", "limerd.burners", "limerd.limers",
                                                 "limerd.eyes"], LOG_MSGS, 52000, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG limerd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-limerd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 limerd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
