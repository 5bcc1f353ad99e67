"""Round 361, Python and the machine: the sdist of roman (a real PyPI release: integers to and from Roman numerals) with
a few bugs put in, run through its own tests with pytest, through ruff and mypy --strict; the sdist of timeago ("3
minutes ago" from two times, many locales) with a few bugs put in, through its own tests, ruff and mypy --strict, and
its code run wrongly into a chained traceback; git histories built here by committing roman's and timeago's sources in
steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked trees, the
npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a
salt kiln's firing service's log (capture_material.app_log); an installed Debian package's HTML documentation (gappa's
invoking.html) served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide361.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide361 import JS, SRC, VENV, cap

MK = "timeago-1.0.15"
TAG = "src/timeago/__init__.py"
NOCOV = "-o addopts="  # as rounds 285-355 typed it
PEOPLE = [("Hanna Saggar", "hanna@example.org"), ("Piet Bagwall", "piet@example.org"),
          ("Ottilie Conepack", "ottilie@example.org")]

# The bugs put in timeago: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# a year is ten months; a gap of ten seconds is still "just now"; a time in the future is read as one in the past.
BUGS = [(TAG, "SEC_ARRAY = [60.0, 60.0, 24.0, 7.0, 365.0 / 7.0 / 12.0, 12.0]",
         "SEC_ARRAY = [60.0, 60.0, 24.0, 7.0, 365.0 / 7.0 / 12.0, 10.0]"),
        (TAG, "if diff_seconds > (i == 0 and 9 or 1):", "if diff_seconds > (i == 0 and 10 or 1):"),
        (TAG, "ago_in = 1  # date is later then now", "ago_in = 0  # date is later then now")]

RK = "roman-5.2"
CONV = "src/roman/__init__.py"
# roman's bugs: 40 is written LX's value (XL counted 60); numbers from 4000 are out of range; 'N' is zero only when
# special_case is off; at most three M's are read.
RBUGS = [(CONV, "('XL', 40),", "('XL', 60),"),
         (CONV, "if not (-1 < n < 5000):", "if not (-1 < n < 4000):"),
         (CONV, "if s == 'N' and special_case:", "if s == 'N' and not special_case:"),
         (CONV, "M{0,4}              # thousands", "M{0,3}              # thousands")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    tp = tmp / MK
    put_bugs(tp, BUGS)
    cp = tmp / RK
    put_bugs(cp, RBUGS)
    env = {"PYTHONPATH": str(cp / "src"), **PURE}
    cap("pytest-roman-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider "
        "src/tests.py 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-roman-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider src/tests.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    tenv = {"PYTHONPATH": str(tp / "src"), **PURE}
    cap("pytest-timeago-rA-tb-long", f"pytest -rA --tb=long {NOCOV} -p no:cacheprovider "
        "test/testcase.py 2>&1 | head -n 1600", tp, n_pytest, env=tenv, timeout=900)
    chain("chain-cd-pytest-rf-tail-90", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        "test/testcase.py 2>&1 | tail -n 90", n_pytest, "&&")],
          tmp, env=tenv, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-timeago", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src test 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-timeago-full", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT,EM,TRY,PT,S src/timeago test 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-timeago-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports src/timeago 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    up = tmp / RK
    cap("ruff-select-all-roman", "ruff check --no-cache --isolated --select ALL --output-format=full src "
        "2>&1 | head -n 1500", up, n_ruff)
    chain("chain-ruff-then-mypy-roman", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,S --output-format=concise "
                "src 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {CONV} src/tests.py "
                "2>&1 | tail -n 150", n_mypy, ";")],
          up, timeout=1200)


FIRING = r"""
import timeago


class FiringTagError(Exception):
    pass


# a salt-glaze pottery's firing labels: kiln, potter, loaded, fired (now), saggars, cone
FIRINGS = [
    ("salt kiln 1", "Hanna", "2025-03-02 07:10:00", "2025-03-04 19:40:00", 14, "cone 10"),
    ("salt kiln 2", "Piet", "2025-03-05 06:00:00", "2025-03-05 06:00:09", 9, "cone 9"),
    ("soda kiln 1", "Ottilie", "2024-03-05 06:00:00", "2025-01-05 06:00:00", 12, "cone 10"),
    ("bourry box 3", "Hanna", "2025-04-01 08:00:00", "2025-03-30 08:00:00", 6, "cone 11"),
    ("salt kiln 3", "Piet", "2025-13-40 25:61:00", "2025-04-02 09:00:00", 16, "cone 10"),
]


def label(kiln, potter, loaded, fired, saggars, cone):
    try:
        since = timeago.format(loaded, fired)
        since_pl = timeago.format(loaded, fired, "pl")
    except Exception as exc:
        raise FiringTagError(f"{kiln}: cannot date the load {loaded!r} -> {fired!r} ({saggars} saggars, {cone})") from exc
    return f"{kiln} by {potter}: loaded {since} ({since_pl}), {saggars} saggars to {cone}"


def print_labels():
    for n, firing in enumerate(FIRINGS, 1):
        try:
            print(label(*firing))
        except FiringTagError as exc:
            raise RuntimeError(f"labels stopped at firing {n} of {len(FIRINGS)} ({firing[0]!r})") from exc
    print("all firings labelled")


print_labels()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "firingtags"
    d.mkdir()
    (d / "firingtags.py").write_text(FIRING)
    cap("python-chained-traceback-firingtags", "python3 firingtags.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """roman's and timeago's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CONV, "src/tests.py", "setup.py", "pyproject.toml", "CHANGES.rst", "README.rst"]
    repo = history(tmp, SRC, "roman", RK, rels, PEOPLE, 36112, 25, RBUGS)
    (repo / "NOTES.local").write_text("the forties read wrong on the saggar labels since the last firing; check before kiln 3\n")
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-roman-L1-200", f"git blame -L 1,200 {CONV}", repo, n_blame, env=GIT_ENV)
    cap("git-show-roman-part-5", "git show ':/^roman: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-roman", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    trepo = history(tmp, SRC, "timeago", MK, [TAG, "src/timeago/parser.py", "src/timeago/locales/__init__.py",
                                               "src/timeago/locales/en.py", "src/timeago/locales/pl.py",
                                               "test/testcase.py"], PEOPLE, 36114, 20, BUGS)
    cap("git-log-stat-timeago", "git log --stat", trepo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-timeago-roman-mypy-head-1100", f"ls -laR {MK} {RK} {site}/mypy/typeshed/stdlib/asyncio {site}/ruff "
        f"{site}/_pytest/config {site}/mypy/dmypy | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/statuses {JS}/node_modules/vitest/dist "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib {JS}/node_modules/@vitest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-mypy-pytest-and-timeago", f"tree -L 2 {site}/mypy/typeshed/stdlib/email {site}/_pytest/mark {site}/mypy/typeshed/stdlib/os "
        f"{site}/_pytest/_io {site}/pip/_vendor/packaging {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 361017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-361", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/doc "
        "/usr/lib/python3.11 -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-europe-doc-python311-head-1400", "head -n 1400 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-largest-250", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 250\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


CLAYS = ["stoneware", "fireclay", "ball clay", "porcelain", "earthenware", "buff body", "red body", "grogged body"]
LOG_MSGS = {
    "INFO": lambda r: (f"kiln {r.randint(1, 6)} {r.choice(CLAYS)} load: {r.randint(20, 160)} pots set, "
                       f"{r.randint(2, 18)} saggars stacked, salt charge {r.randint(2, 9)} kg"),
    "DEBUG": lambda r: (f"thermocouple {r.randint(1, 12)} at {r.randint(600, 1320)} C, damper {r.randint(0, 100)}%, "
                        f"oxygen probe {r.randint(-10, 35)} mV"),
    "WARNING": lambda r: (f"saggar lot {r.randint(1, 60)} {r.choice(CLAYS)} shrinkage {r.randint(3, 9)}% above "
                          "firing limit, held back"),
    "ERROR": lambda r: (f"cone pack {r.randint(100, 999)} failed at {r.randint(1180, 1320)} C: slump at "
                        f"the {r.choice(['bag wall', 'firebox', 'flue', 'spy hole'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "saltkilnd.log", 36113, 1400, ["saltkilnd.burner", "saltkilnd.salt", "saltkilnd.cone",
                                                      "saltkilnd.damper"], LOG_MSGS, 36100, "2025-08-23")
    cap("log-grep-v-debug-head-1000", "grep -v DEBUG saltkilnd.log | head -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error-saltkilnd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 saltkilnd.log | head -n 400", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/gappa/html"), "invoking.html"),
        (Path("/usr/share/doc/fpga-icestorm/html"), "io_tile.html")]



def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18361 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18361/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
