"""Round 198, Python and the machine: the sdist of Chameleon (a real PyPI release: a templating library, Zope page
templates and the TAL / METAL attribute languages compiled to Python) with a few bugs put in, run through its own test
suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built
here by committing Chameleon's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); the machine's installed Debian packages (from dpkg-query) as a CSV and a
sqlite table, and pip inspect; a menu-printing service's log; an installed Debian package's HTML documentation served
by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide198.py."""


from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide198 import JS, SRC, VENV, cap

MK = "Chameleon-4.6.0"
PKG = "src/chameleon"
COMPILER = "src/chameleon/compiler.py"
TAL = "src/chameleon/tal.py"
UTILS = "src/chameleon/utils.py"
TALES = "src/chameleon/tales.py"
TESTS = "src/chameleon/tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Brandvold", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Brandvold", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The compiled character escape writes a '>' in content as '&lt;'; tal's attribute-list splitter turns a doubled
# semicolon (an escaped ';') back into two semicolons instead of one; limit_string (the short value shown in error
# reports) keeps max_length characters before its '...' instead of max_length - 3.
BUGS = [(COMPILER, "target = target.replace('>', '&gt;')", "target = target.replace('>', '&lt;')"),
        (TAL, 'parts = [p.replace("\\0", ";") for p in parts]', 'parts = [p.replace("\\0", ";;") for p in parts]'),
        (UTILS, "return s[:max_length - 3] + '...'", "return s[:max_length] + '...'")]

PURE: dict = {}


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp / "src"), **PURE}
    cap("pytest-chameleon-v-tail-1500", f"python -m pytest -v -p no:cacheprovider {TESTS} 2>&1 | tail -n 1500",
        cp, n_pytest, env=env, timeout=1200)
    chain("chain-chameleon-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_templates.py {TESTS}/test_utils.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-chameleon-templates-tb-long-tail-900", f"pytest -q --tb=long -p no:cacheprovider "
        f"{TESTS}/test_templates.py 2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-chameleon-head-900", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-chameleon-zpt-program-tal-tales", "ruff check --no-cache --isolated "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4 {PKG}/zpt/program.py {PKG}/tal.py {PKG}/tales.py", cp, n_ruff)
    cap("mypy-strict-chameleon", f"mypy --strict --no-incremental --config-file /dev/null {PKG} "
        "2>&1 | tail -n 600", cp, n_mypy, env={"MYPYPATH": str(cp / "src")}, timeout=1200)
    chain("chain-ruff-then-mypy-chameleon", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG}/compiler.py {PKG}/tal.py "
                f"{PKG}/utils.py 2>&1 | tail -n 150", n_mypy, ";")],
          cp, env={"MYPYPATH": str(cp / "src")}, timeout=1200)


MENU = r"""
from chameleon import PageTemplate


class MenuError(Exception):
    pass


PAGE = PageTemplate(
    '<table>\n'
    '  <tr tal:repeat="dish dishes">\n'
    '    <td>${dish.name}</td><td>${"%.2f" % dish.price}</td>\n'
    '    <td tal:condition="dish.allergens">${", ".join(dish.allergens)}</td>\n'
    '  </tr>\n'
    '</table>')


class Dish:
    def __init__(self, name, price, allergens=()):
        self.name, self.price, self.allergens = name, price, list(allergens)


def render(card):
    try:
        return PAGE(dishes=card)
    except (AttributeError, TypeError) as exc:
        raise MenuError(f"menu card with {len(card)} dishes cannot be rendered") from exc


lunch = [Dish("Barley soup", 6.5, ["gluten"]), Dish("Smoked trout", 14.0, ["fish"]), Dish("Rhubarb tart", 5.25)]
print(render(lunch))
# the supper card comes from the till export: its rows are dicts and its prices strings
supper = lunch + [{"name": "Venison stew", "price": "21.00", "allergens": ["celery"]}]
print(render(supper))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "menucard"
    d.mkdir()
    (d / "menu.py").write_text(MENU)
    cap("python-chained-traceback-menucard", "python3 menu.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """Chameleon's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "chameleon-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('Chameleon-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / TAL, repo / UTILS, repo / TALES, repo / COMPILER]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, parser, zpt, tests, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-11 10:04:00",
                       "GIT_COMMITTER_DATE": "2025-02-11 10:04:00"})
    rnd = random.Random(19802)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wielgosz", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("068-less-than-greater-than-in-attributes still renders '>' wrong, see compiler\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-tal-py", f"git blame {TAL}", repo, n_blame, env=GIT_ENV)
    cap("git-show-compiler-part-9", "git show ':/^compiler: part 9'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-chameleon-sdist-and-pytest-pluggy", f"ls -laR {MK}/src {site}/_pytest {site}/pluggy "
        f"{site}/mypy/plugins {site}/mypyc/lib-rt", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/hashids {JS}/node_modules/vitest/dist "
        f"{JS}/node_modules/@vitest/runner {JS}/node_modules/eslint/lib/rules {JS}/node_modules/@eslint "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 700", tmp, n_find)
    cap("tree-chameleon-and-typeshed-email", f"tree -L 2 {MK}/src/chameleon {MK}/docs "
        f"{site}/mypy/typeshed/stdlib/email {site}/mypy/typeshed/stdlib/importlib {site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 198007)) for i in range(250000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "dpkg"
    d.mkdir()
    run("(echo 'package,version,installed_kb,section,priority,arch'; dpkg-query -W "
        "-f='${Package},${Version},${Installed-Size},${Section},${Priority},${Architecture}\\n' | sort) > pkgs.csv",
        cwd=d)
    cap("csv-dpkg-packages-head-1000", "head -n 1000 pkgs.csv", d, n_csv)
    run("sqlite3 pkgs.db \".mode csv\" \".import pkgs.csv pkg\"", cwd=d)
    cap("sqlite-column-dpkg-largest-400", "sqlite3 -header -column pkgs.db \"SELECT package, version, "
        "CAST(installed_kb AS INT) AS installed_kb, section, priority, arch FROM pkg "
        "ORDER BY CAST(installed_kb AS INT) DESC, package LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(19803)
page = logging.getLogger("menucard.render")
till = logging.getLogger("menucard.till")
prn = logging.getLogger("menucard.printer")
cards = ["lunch", "supper", "brunch", "kids", "wine-list", "festival"]
for i in range(1300):
    c = rnd.choice(cards)
    page.debug("card %d %s: %d dishes rendered, %d templates cached in %dms", i, c, rnd.randint(4, 60),
               rnd.randint(3, 40), rnd.randint(8, 1900))
    if i % 149 == 37:
        prn.warning("%s: printer %s out of %s paper, queued", c, rnd.choice(["bar", "pass", "office"]),
                    rnd.choice(["A4", "A5", "card stock"]))
    elif i == 412:
        try:
            raise AttributeError("'dict' object has no attribute 'price'")
        except AttributeError:
            page.exception("card %d %s: dish row unreadable", i, c)
    elif i == 877:
        till.error("card %d %s rejected: %d prices missing from the till export", i, c, rnd.randint(2, 9))
    elif i == 1251:
        till.critical("till export stalled for %d s, menus frozen at yesterday's prices", 3600 + i)
    elif i % 211 == 23:
        till.info("card %s synced, %d price changes", c, rnd.randint(1, 30))
    prn.info("card %d of %s printed, %d copies", i, c, rnd.randint(1, 40) if i != 1033 else 4800)
"""


def app_log(tmp: Path) -> None:
    (tmp / "menusvc.py").write_text(SVCLOG)
    run("python3 menusvc.py > menucard.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG menucard.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 menucard.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/gdisk")


def docs(tmp: Path) -> None:
    if not (DOC / "cgdisk.html").is_file():
        cm.note("skip docs: no gdisk cgdisk.html")
        return
    cm.start(f"python3 -m http.server 18998 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-gdisk-cgdisk", "curl -s http://127.0.0.1:18998/cgdisk.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
