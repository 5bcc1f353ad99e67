"""Round 313, Python and the machine: the sdist of inflect (a real PyPI release: English plurals, singulars,
indefinite articles, ordinals and numbers in words) with a few bugs put in, run through its own tests with pytest,
through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by
committing inflect's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools
and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose
(ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip inspect; a
boatyard's caulking service's log; an installed Debian package's HTML documentation (libxslt's pipes tutorial) served by
python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide313.py."""

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
from capture_wide313 import JS, SRC, VENV, cap

MK = "inflect-7.6.0"
MOD = "inflect/__init__.py"
OMD = "inflect/_types.py"
TFILE = "tests/test_pwd.py"
TESTS = "tests"
NOCOV = "-o addopts="  # as rounds 285, 292, 297 and 305 typed it (inflect's own adds doctest-modules)
GIT_ENV = {"GIT_AUTHOR_NAME": "Eilidh Macaskill", "GIT_AUTHOR_EMAIL": "eilidh@example.org",
           "GIT_COMMITTER_NAME": "Eilidh Macaskill", "GIT_COMMITTER_EMAIL": "eilidh@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# 13 loses its own suffix (13rd, 113rd); "twelve" becomes "twelvth" as an ordinal word; a list of three or more
# loses its serial comma ("a, b and c"); a hundred followed by units only loses its "and" and its space; a noun in -oy
# takes -oies; a zero count says "none" for "no".
BUGS = [(MOD, '    12: "th",\n    13: "th",\n}', '    12: "th",\n}'),
        (MOD, '    twelve="twelfth",', '    twelve="twelvth",'),
        (MOD, '        final_sep = f"{final_sep}{conj}"\n', '        final_sep = conj\n'),
        (MOD, "andword = f\" {self._number_args['andword']} \" if tens or units else \"\"",
         "andword = f\" {self._number_args['andword']} \" if tens else \"\""),
        (MOD, '            if word.lowered[-2:-1] in "aeiou" or len(word) == 1:\n                return f"{word}s"\n\n'
              '            if self.classical_dict["names"]',
         '            if word.lowered[-2:-1] in "aeiu" or len(word) == 1:\n                return f"{word}s"\n\n'
         '            if self.classical_dict["names"]'),
        (MOD, "            count = 'no'\n", "            count = 'none'\n")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-inflect-v-tb-short", f"python -m pytest -v --tb=short {NOCOV} -p no:cacheprovider {TESTS} 2>&1", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-inflect-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TESTS}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-inflect-k-ordinal-join-numwords-rA-tb-long", f"pytest -rA --tb=long {NOCOV} -p no:cacheprovider "
        f"-k 'ordinal or join or numwords or num' {TFILE} tests/test_join.py tests/test_numwords.py 2>&1 | head -n 1600", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-90", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 90", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-inflect", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise inflect {TESTS} 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-inflect-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT {MOD} 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-inflect-tests-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable --ignore-missing-imports inflect {TESTS} 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN,S --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {OMD} {TFILE} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
import inflect

p = inflect.engine()


class SailTagError(Exception):
    pass


# a sail loft's cutting list: sail, panels, the cloth weight as the order sheet gave it
ORDERS = [
    ("mainsail", 13, "6.5"),
    ("jib", 8, "4.2"),
    ("mizzen", 11, "5.0"),
    ("foresail", 12, "4.0"),
    ("topsail", None, "3.8"),  # panels not yet counted on the sheet
    ("staysail", 7, "4.4"),
]


def tag(sail, panels, cloth):
    try:
        count = p.number_to_words(panels, group=3)
        last = p.ordinal(p.number_to_words(panels))
    except Exception as exc:
        raise SailTagError(f"sail {sail}: cannot word {panels!r} panels of {cloth} oz cloth") from exc
    return f"{sail}: {count} panels, the {last} at the leech"


def print_tags():
    for n, (sail, panels, cloth) in enumerate(ORDERS, 1):
        try:
            print(tag(sail, panels, cloth))
        except SailTagError as exc:
            raise RuntimeError(f"cutting list stopped at order {n} of {len(ORDERS)} ({sail!r})") from exc


print_tags()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "sailtags"
    d.mkdir()
    (d / "sailtags.py").write_text(SUBS)
    cap("python-chained-traceback-sailtags", "python3 sailtags.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """inflect's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "inflect-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('inflect-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine} {repo}/inflect.egg-info")
    files = [repo / MOD, repo / OMD, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: pyproject, pytest.ini, licence, README, tests'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 09:12:00"})
    rnd = random.Random(31302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 300 if rel == TFILE else 260
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3].strip("_") if rel != MOD else "engine"
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 10:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Ruaridh Nicolson", "GIT_AUTHOR_EMAIL": "ruaridh@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo, BUGS)
    (repo / "NOTES.local").write_text("13 prints 13rd on the tags? check nth; and 'hundredone' on panel counts\n")
    cap("git-log-stat-inflect", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-inflect-L3700-4000", f"git blame -L 3700,4000 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-engine-part-9", "git show ':/^engine: part 9 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-inflect", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-inflect-pip-typeguard-head-1100", f"ls -laR {MK} {site}/pip/_internal/operations "
        f"{site}/_pytest/_code {site}/mypy/dmypy {site}/typeguard* {site}/more_itertools | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/proxy-addr {JS}/node_modules/ipaddr.js "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-inflect-and-jaraco", f"tree -L 2 {site}/jaraco {site}/mypy/typeshed/stdlib/email "
        f"{site}/_pytest/config {site}/pip/_vendor/rich {site}/mypyc/ir {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 313017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-313", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%mem | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/terminfo "
        "/usr/share/X11/locale /usr/share/perl5 -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-america-terminfo-x11-perl5", "cat share.csv", d, n_csv)
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
rnd = random.Random(31303)
seams = logging.getLogger("oakumd.seams")
kettle = logging.getLogger("oakumd.kettle")
hulls = logging.getLogger("oakumd.hulls")
boats = ["fifie", "zulu", "coble", "yawl", "skiff", "sgoth", "nobby", "lugger"]
for i in range(1500):
    boat = rnd.choice(boats)
    seams.debug("strake %d %s: seam %d mm, oakum %d g, pitch %d C, moisture %d.%02d%%", i, boat,
                rnd.randint(300, 1900), rnd.randint(4, 120), rnd.randint(90, 180), rnd.randint(10, 30), rnd.randint(0, 99))
    if i % 127 == 31:
        kettle.warning("%s: pitch kettle %s C under working heat, %d min to recover", boat,
                       rnd.choice(["12", "18", "25"]), rnd.randint(5, 80))
    elif i == 401:
        try:
            raise KeyError("seam_length")
        except KeyError:
            hulls.exception("strake %d %s: caulking docket 'garboard; port' missing its length", i, boat)
    elif i == 977:
        seams.error("strake %d (%s) refused: seam opened after %d hammer blows", i, boat, rnd.randint(3, 40) * 10)
    elif i == 1399:
        kettle.critical("pitch kettle on %s boiled over after %d s, fire drawn and yard cleared", boat, 700 + i)
    elif i % 167 == 59:
        hulls.info("payed %d metres of seam on %s", rnd.randint(10, 400), boat)
    seams.info("strake %d %s done, %d g oakum driven", i, boat, rnd.randint(40, 900) if i != 1111 else 520000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "oakumd.py").write_text(SVCLOG)
    run("python3 oakumd.py > oakumd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-head-1000", "grep -v DEBUG oakumd.log | head -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error-oakumd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 oakumd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/libxslt1-dev/html/tutorial2"), "libxslt_pipes.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18313 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18313/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
