"""Round 323, Python and the machine: the sdist of humanize (a real PyPI release: numbers, file sizes, lists and
times in words) with a few bugs put in, run through its own tests with pytest,
through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by
committing humanize's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools
and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose
(ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip inspect; a
glass studio's furnace service's log; an installed Debian package's HTML documentation (magic's command reference) served by
python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide323.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_material import put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide323 import JS, SRC, VENV, cap

MK = "humanize-4.17.0"
PKGDIR = "src/humanize"
MOD = "src/humanize/time.py"
NUM = "src/humanize/number.py"
OMD = "src/humanize/filesize.py"
LST = "src/humanize/lists.py"
TFILE = "tests/test_number.py"
TESTS = "tests"
PYT = "tests --ignore=tests/test_benchmarks.py"  # its benchmarks need pytest-codspeed's fixture, not in the venv
NOCOV = "-o addopts="  # as rounds 285, 292, 297, 305 and 313 typed it (humanize's own adds doctest-modules)
GIT_ENV = {"GIT_AUTHOR_NAME": "Oriana Venier", "GIT_AUTHOR_EMAIL": "oriana@example.org",
           "GIT_COMMITTER_NAME": "Oriana Venier", "GIT_COMMITTER_EMAIL": "oriana@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Ordinals test the last digit, not the last two, for 11-13 (11st, 12nd, 13rd; 111st); a list of three or more loses its
# first item; GNU-style sizes count in thousands, not 1024s; zero is no longer "zero" for apnumber; exactly a million
# stays digits for intword; minutes in a delta are cut down, not rounded.
BUGS = [(NUM, "digit = 0 if value % 100 in (11, 12, 13) else value % 10",
         "digit = 0 if value % 10 in (11, 12, 13) else value % 10"),
        (LST, 'return ", ".join(item_list[:-1])', 'return ", ".join(item_list[1:-1])'),
        (OMD, "base = 1024 if (gnu or binary) else 1000", "base = 1024 if binary else 1000"),
        (NUM, "    if not 0 <= value < 10:\n", "    if not 0 < value < 10:\n"),
        (NUM, "    if value < powers[0]:\n", "    if value <= powers[0]:\n"),
        (MOD, "minutes = round(delta.seconds / 60)", "minutes = delta.seconds // 60")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp / "src"), **PURE}
    cap("pytest-humanize-v-tb-short-tail-1100", f"python -m pytest -v --tb=short {NOCOV} -p no:cacheprovider {PYT} "
        "2>&1 | tail -n 1100", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-humanize-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {PYT}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-humanize-k-ordinal-list-size-rA-tb-long", f"pytest -rA --tb=long {NOCOV} -p no:cacheprovider "
        f"-k 'ordinal or list or size or apnumber or intword' {TFILE} tests/test_lists.py tests/test_filesize.py "
        "2>&1 | head -n 1600", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-90", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        f"{PYT} 2>&1 | tail -n 90", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-humanize", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKGDIR} {TESTS} 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-humanize-time-number-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT,DTZ,EM,TRY {MOD} {NUM} 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-humanize-tests-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable --ignore-missing-imports {PKGDIR} {TESTS} 2>&1 | tail -n 700", cp, n_mypy,
        env={"MYPYPATH": str(cp / "src")}, timeout=1200)
    chain("chain-ruff-then-mypy-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,S --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {OMD} tests/test_time.py 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
import datetime as dt

import humanize


class MurrineTagError(Exception):
    pass


# a glass studio's ware labels: piece, murrine slices, cane weight in grams, minutes in the annealer, the unit asked for
ORDERS = [
    ("goblet", 13, 1_000_000, 95, "seconds"),
    ("paperweight", 212, 1536, 600, "seconds"),
    ("vase", 11, 48_000_000, 61, "milliseconds"),
    ("bowl", 0, 999, 1440, "seconds"),
    ("pendant", 3, 250, 30, "minutes"),  # the sheet asks for minutes, which the delta's floor refuses
    ("platter", 112, 2_000_000, 2000, "seconds"),
]


def label(piece, slices, grams, minutes, unit):
    try:
        count = humanize.apnumber(slices)
        nth = humanize.ordinal(slices)
        cane = humanize.naturalsize(grams, gnu=True)
        soak = humanize.naturaldelta(dt.timedelta(minutes=minutes), minimum_unit=unit)
    except Exception as exc:
        raise MurrineTagError(f"piece {piece}: cannot word {slices!r} slices, {grams} g, {minutes} min") from exc
    return f"{piece}: {count} slices (the {nth} on the rim), {cane} of cane, {soak} in the annealer"


def print_labels():
    for n, order in enumerate(ORDERS, 1):
        try:
            print(label(*order))
        except MurrineTagError as exc:
            raise RuntimeError(f"label run stopped at order {n} of {len(ORDERS)} ({order[0]!r})") from exc
    print(humanize.natural_list([o[0] for o in ORDERS]))


print_labels()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "murrinetags"
    d.mkdir()
    (d / "murrinetags.py").write_text(SUBS)
    cap("python-chained-traceback-murrinetags", "python3 murrinetags.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """humanize's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "humanize-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('humanize-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / MOD, repo / NUM, repo / OMD, repo / LST, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: pyproject, licence, README, locales, tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 10:04:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 10:04:00"})
    rnd = random.Random(32312)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 90 if rel != TFILE else 120
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3].strip("_")
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 10:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Teodoro Barovier", "GIT_AUTHOR_EMAIL": "teodoro@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo, BUGS)
    (repo / "NOTES.local").write_text("11st and 13rd on the rim labels? check ordinal; and the first piece missing from the list\n")
    cap("git-log-stat-humanize", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-humanize-time-L120-560", f"git blame -L 120,560 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-time-part-5", "git show ':/^time: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-humanize", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-humanize-pip-freezegun-head-1100", f"ls -laR {MK} {site}/pip/_internal/index "
        f"{site}/_pytest/mark {site}/mypy/server {site}/freezegun* {site}/dateutil | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/negotiator {JS}/node_modules/content-type "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-humanize-and-freezegun", f"tree -L 2 {site}/freezegun {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/_pytest/assertion {site}/pip/_vendor/urllib3 {site}/mypyc/codegen {MK}/src", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 323017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-323", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%mem | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Asia /usr/share/i18n/charmaps "
        "/usr/share/perl/5.36 -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-asia-charmaps-perl536", "cat share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-250", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 250\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(32313)
pots = logging.getLogger("crucibled.pots")
glory = logging.getLogger("crucibled.glory")
lehrs = logging.getLogger("crucibled.annealing")
colours = ["cobalt", "ruby", "amber", "opal", "aventurine", "lattimo", "celadon", "amethyst"]
for i in range(1500):
    colour = rnd.choice(colours)
    pots.debug("gather %d %s: pot %d C, crown %d C, batch %d kg, seeds %d.%02d/cm3", i, colour,
               rnd.randint(1080, 1180), rnd.randint(1150, 1260), rnd.randint(2, 60), rnd.randint(0, 9), rnd.randint(0, 99))
    if i % 131 == 37:
        glory.warning("%s: glory hole %s C below working heat, %d min to recover", colour,
                      rnd.choice(["40", "65", "90"]), rnd.randint(5, 50))
    elif i == 433:
        try:
            raise KeyError("anneal_curve")
        except KeyError:
            lehrs.exception("gather %d %s: annealing docket 'goblet; cased' missing its curve", i, colour)
    elif i == 911:
        pots.error("gather %d (%s) refused: cord and stones in the pot after %d min fining", i, colour, rnd.randint(3, 40) * 10)
    elif i == 1357:
        glory.critical("crucible in pot %s cracked after %d s, furnace idled and the floor cleared", colour, 800 + i)
    elif i % 173 == 61:
        lehrs.info("annealed %d pieces of %s", rnd.randint(10, 400), colour)
    pots.info("gather %d %s done, %d g on the pipe", i, colour, rnd.randint(40, 900) if i != 1201 else 640000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "crucibled.py").write_text(SVCLOG)
    run("python3 crucibled.py > crucibled.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-head-1000", "grep -v DEBUG crucibled.log | head -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error-crucibled", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 crucibled.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/magic/html"), "commands.html"), (Path("/usr/share/doc/ott-tools/html"), "top2.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18323 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18323/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
