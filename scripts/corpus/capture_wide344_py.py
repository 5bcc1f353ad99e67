"""Round 344, Python and the machine: the sdist of convertdate (a real PyPI release: the Gregorian date to and from the
Julian, Hebrew, Mayan, French Republican, Coptic and other calendars) with a few bugs put in, through ruff and mypy
--strict, and its code run wrongly into a chained traceback (its sdist lacks the tests/__init__.py its suite imports
CalTestCase from, so its tests cannot run); the sdist of pyhumps (camel, snake, kebab and Pascal case for strings and
dict keys) with a few bugs put in, run through its own tests with pytest, through ruff and mypy --strict; a git history built here
by committing convertdate's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and
diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find
-printf) as a CSV and a sqlite table, and pip inspect; a cooperage's kiln service's log (capture_material.app_log); an
installed Debian package's HTML documentation (gappa's manual) served by python3 -m http.server and fetched with curl.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide344.py."""

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
from capture_wide344 import JS, SRC, VENV, cap

MK = "convertdate-2.5.1"
PKGDIR = "src/convertdate"
HEB = "src/convertdate/hebrew.py"
JUL = "src/convertdate/julian.py"
GRE = "src/convertdate/gregorian.py"
UTL = "src/convertdate/utils.py"
COP = "src/convertdate/coptic.py"
MAY = "src/convertdate/mayan.py"
TESTS = "tests"
NOCOV = "-o addopts="  # as rounds 285-323 typed it
PEOPLE = [("Agnes Hooper", "agnes@example.org"), ("Bram Stavely", "bram@example.org"),
          ("Cas Crozier", "cas@example.org")]

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once in its file.
# the Hebrew leap test takes one year of the 19-year cycle too many; the Julian calendar's January and February
# come out as the previous months from a day count; a Gregorian day 0 passes legal_date; amod returns 0, not the
# modulus, when the division is exact (Mayan tzolkin, French Republican decades); Coptic leap years lose the
# negative-year case.
BUGS = [(HEB, "return (((year * 7) + 1) % 19) < 7", "return (((year * 7) + 1) % 19) <= 7"),
        (JUL, "    if e < 14:\n", "    if e < 13:\n"),
        (GRE, "if not 0 < day <= daysinmonth:", "if not 0 <= day <= daysinmonth:"),
        (UTL, "return b if modded == 0 else modded", "return 0 if modded == 0 else modded"),
        (COP, "return year % 4 == 3 or year % 4 == -1", "return year % 4 == 3")]

PURE: dict = {}

HK = "pyhumps-3.8.0"
HMAIN = "humps/main.py"
# pyhumps' bugs: camelize lowers the first letter only when the first ONE is not upper case (was: the first two);
# dict values are no longer converted, only the top keys; whitespace inside a string becomes a space, not nothing;
# a digit ends a word for the splitter.
HBUGS = [(HMAIN, "if len(s) != 0 and not s[:2].isupper():", "if len(s) != 0 and not s[:1].isupper():"),
         (HMAIN, "return {fn(k): _process_keys(v, fn) for k, v in str_or_iter.items()}",
          "return {fn(k): v for k, v in str_or_iter.items()}"),
         (HMAIN, 'else re.sub(r"\\s+", "", str(_in))', 'else re.sub(r"\\s+", " ", str(_in))'),
         (HMAIN, 'SPLIT_RE = re.compile(r"([\\-_]*[A-Z][^A-Z]*[\\-_]*)")',
          'SPLIT_RE = re.compile(r"([\\-_]*[A-Z][^A-Z\\d]*[\\-_]*)")')]


def py_tests(tmp: Path) -> None:
    put_bugs(tmp / MK, BUGS)
    cp = tmp / HK
    put_bugs(cp, HBUGS)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-pyhumps-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider "
        f"{TESTS} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-pyhumps-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TESTS}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-pyhumps-rA-tb-short-camelize-humps", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        "tests/test_camelize.py tests/test_humps.py tests/test_separate_words.py 2>&1 | head -n 1600",
        cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-90", "chain-test", "test",
          [Part(f"cd {HK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 90", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-convertdate", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKGDIR} {TESTS} 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-convertdate-hebrew-mayan-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT,DTZ,EM,TRY {HEB} {MAY} 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-convertdate-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable --ignore-missing-imports {PKGDIR} 2>&1 | tail -n 700", cp, n_mypy,
        env={"MYPYPATH": str(cp / "src")}, timeout=1200)
    hp = tmp / HK
    cap("ruff-select-all-pyhumps", "ruff check --no-cache --isolated --select ALL --output-format=full humps tests "
        "2>&1 | head -n 1500", hp, n_ruff)
    chain("chain-ruff-then-mypy-pyhumps-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,S --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {HMAIN} tests/test_humps.py 2>&1 | tail -n 150",
                n_mypy, ";")],
          hp, timeout=1200)


SUBS = r"""
from convertdate import french_republican, gregorian, hebrew, julian, mayan


class StaveTagError(Exception):
    pass


# a cooperage's barrel stamps: barrel, cooper, date filled (Gregorian), staves, hoops
ORDERS = [
    ("hogshead 14", "Agnes", (2024, 3, 15), 32, 6),
    ("firkin 3", "Bram", (2023, 9, 0), 24, 4),
    ("tun 1", "Cas", (2025, 1, 21), 60, 8),
    ("kilderkin 9", "Agnes", (1900, 2, 29), 28, 6),  # a leap day the Gregorian calendar never had
    ("puncheon 2", "Bram", (2022, 12, 31), 36, 8),
]


def stamp(barrel, cooper, filled, staves, hoops):
    try:
        jd = gregorian.to_jd(*filled)
        heb = hebrew.from_jd(jd)
        jul = julian.from_jd(jd)
        count = ".".join(str(p) for p in mayan.from_jd(jd))
        rep = french_republican.format(*french_republican.from_jd(jd))
    except Exception as exc:
        raise StaveTagError(f"barrel {barrel}: cannot stamp fill date {filled!r} ({staves} staves, {hoops} hoops)") from exc
    return f"{barrel} by {cooper}: Hebrew {heb}, Julian {jul}, long count {count}, {rep}"


def print_stamps():
    for n, order in enumerate(ORDERS, 1):
        try:
            print(stamp(*order))
        except StaveTagError as exc:
            raise RuntimeError(f"stamp run stopped at order {n} of {len(ORDERS)} ({order[0]!r})") from exc
    print("all barrels stamped")


print_stamps()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "stavetags"
    d.mkdir()
    (d / "stavetags.py").write_text(SUBS)
    cap("python-chained-traceback-stavetags", "python3 stavetags.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """convertdate's sources committed in pieces (capture_material.history), then the bugs' edits left unstaged."""
    rels = [HEB, JUL, GRE, UTL, COP, MAY, "tests/test_gregorian.py"]
    repo = history(tmp, SRC, "convertdate", MK, rels, PEOPLE, 34412, 60, BUGS)
    (repo / "NOTES.local").write_text("Hebrew leap years and the Julian January off? check before stamping the tuns\n")
    cap("git-log-stat-convertdate", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-convertdate-mayan-L40-330", f"git blame -L 40,330 {MAY}", repo, n_blame, env=GIT_ENV)
    cap("git-show-hebrew-part-3", "git show ':/^hebrew: part 3 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-convertdate", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-convertdate-pip-pymeeus-head-1100", f"ls -laR {MK} {site}/pip/_internal/models "
        f"{site}/_pytest/config {site}/mypy/dmypy {site}/pymeeus | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/ms {JS}/node_modules/vitest/dist "
        f"{JS}/node_modules/eslint/lib/linter {JS}/node_modules/typescript/lib {JS}/node_modules/@vitest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-convertdate-and-pymeeus", f"tree -L 2 {site}/pymeeus {site}/mypy/typeshed/stdlib/email "
        f"{site}/_pytest/_code {site}/pip/_vendor/rich {site}/mypyc/irbuild {MK}/src", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 344017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-344", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/i18n/locales "
        "/usr/share/perl/5.36/unicore -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-europe-locales-unicore", "cat share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-250", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 250\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


WOODS = ["white oak", "french oak", "chestnut", "acacia", "mulberry", "cherry", "ash", "hungarian oak"]
LOG_MSGS = {
    "INFO": lambda r: (f"barrel {r.randint(100, 999)} {r.choice(WOODS)}: {r.randint(20, 40)} staves raised, "
                       f"{r.randint(4, 8)} hoops driven, char level {r.randint(1, 4)}"),
    "DEBUG": lambda r: (f"steam box {r.randint(1, 6)} at {r.randint(90, 104)} C, humidity {r.randint(60, 99)}%, "
                        f"kiln {r.randint(150, 260)} C"),
    "WARNING": lambda r: (f"stave lot {r.randint(1, 60)} {r.choice(WOODS)} moisture {r.randint(16, 24)}% above "
                          "seasoning limit, held back"),
    "ERROR": lambda r: (f"barrel {r.randint(100, 999)} failed the pressure test at {r.randint(2, 9)} bar: leak at "
                        f"the {r.choice(['croze', 'chime', 'bung', 'head'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "cooperd.log", 34413, 1400, ["cooperd.kiln", "cooperd.steam", "cooperd.press", "cooperd.yard"],
                 LOG_MSGS, 34400, "2025-06-11")
    cap("log-grep-v-debug-head-1000", "grep -v DEBUG cooperd.log | head -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error-cooperd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 cooperd.log | head -n 400", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/gappa/html"), "customizing.html"),
        (Path("/usr/share/doc/valgrind/html"), "manual-core.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18344 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18344/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
