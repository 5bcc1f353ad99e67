"""Round 84, Python and the machine: the sdist of Mako (a real PyPI release, a templating library) with a few bugs put
in, run through its own test suite with pytest, through ruff and mypy --strict, and a template rendered wrongly into a
chained traceback; a git history built here by committing Mako's sources in steps (log -p, log --stat, blame, show,
status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the
machine's process table with a busy process started on purpose (ps aux, top -b); the machine's installed Debian
packages as a CSV and a sqlite table, and pip inspect; a bakery proofing-room log; an installed Debian package's
HTML documentation served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide84.py."""

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
from capture_wide84 import JS, SRC, VENV, cap

MAKO = "mako-1.4.3"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Vandamme", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Vandamme", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [("mako/filters.py", "def trim(string):\n    return string.strip()",
         "def trim(string):\n    return string.lstrip()"),
        ("mako/runtime.py", "return self.index == len(self) - 1", "return self.index == len(self)"),
        ("mako/filters.py", "\"'\": \"&#39;\",  # also &apos; in html-only", "\"'\": \"&#x27;\",  # also &apos; in html-only")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    mk = tmp / MAKO
    put_bugs(mk)
    env = {"PYTHONPATH": str(mk)}
    cap("pytest-mako-tests", "python -m pytest -p no:cacheprovider test", mk, n_pytest, env=env, timeout=900)
    chain("chain-mako-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], mk, env=env, timeout=900)
    cap("pytest-mako-tb-short-rA-tail-400", "pytest -q --tb=short -rA -p no:cacheprovider test 2>&1 | tail -n 400",
        mk, n_pytest, env=env, timeout=900)
    cap("pytest-mako-filters-loop-v", "pytest -v -p no:cacheprovider test/test_filters.py test/test_loop.py "
        "test/test_template.py 2>&1 | tail -n 300", mk, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    mk = tmp / MAKO
    cap("ruff-select-all-mako-head-900", "ruff check --no-cache --isolated --select ALL --output-format=concise "
        "mako 2>&1 | head -n 900", mk, n_ruff)
    cap("ruff-mako-runtime-codegen", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM mako/runtime.py "
        "mako/codegen.py", mk, n_ruff)
    cap("mypy-strict-mako", "mypy --strict --no-incremental mako 2>&1 | tail -n 500", mk, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-mako", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,PL --output-format=concise mako", n_ruff),
           Part("mypy --strict --no-incremental mako/runtime.py mako/filters.py 2>&1 | tail -n 150", n_mypy, ";")],
          mk, timeout=900)


BAKE = r'''
import sys
from mako.lookup import TemplateLookup

LABEL = """<%page args="batch"/>
<%def name="line(item)">${item['name'] | h,trim} x${item['qty']} @ ${"%.2f" % (item['grams'] / item['qty'])} g</%def>
% for item in batch['items']:
${line(item)}${'' if loop.last else ','}
% endfor
total ${sum(i['grams'] for i in batch['items']) // batch['trays']} g per tray
"""


class LabelError(Exception):
    pass


def render(lookup, batch):
    try:
        return lookup.get_template("label.mako").render(batch=batch)
    except ZeroDivisionError as exc:
        raise LabelError(f"batch {batch['id']}: cannot print label") from exc


lookup = TemplateLookup()
lookup.put_string("label.mako", LABEL)
batches = [
    {"id": "B-0412", "trays": 3, "items": [{"name": "rye sour", "qty": 12, "grams": 9600},
                                           {"name": "spelt <seeded>", "qty": 8, "grams": 5200}]},
    {"id": "B-0413", "trays": 2, "items": [{"name": "brioche", "qty": 0, "grams": 0}]},
]
for b in batches:
    print(render(lookup, b))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "bakelabels"
    d.mkdir()
    (d / "labels.py").write_text(BAKE)
    cap("python-chained-traceback-labels", "python3 labels.py", d, n_chained, env={"PYTHONPATH": str(tmp / MAKO)})


def git_history(tmp: Path) -> None:
    """Mako's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "mako-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('mako-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MAKO} {repo} && rm -rf {pristine}")
    files = sorted((repo / "mako").glob("*.py")) + sorted((repo / "test").glob("test_[a-l]*.py"))
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: docs, packaging, examples'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 08:40:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 08:40:00"})
    rnd = random.Random(8402)
    n = 0
    for rel in sorted(keep):
        body = keep[rel].splitlines(keepends=True)
        step = 400
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 10:02d}-{1 + n % 26:02d} {9 + j % 8:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Rafael Okonkwo", "GIT_AUTHOR_EMAIL": "rafael@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "TODO.local").write_text("loop.last: off by one? check runtime.LoopContext\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1800", "git log -p | head -n 1800", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-runtime-L250-700", "git blame -L 250,700 mako/runtime.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-codegen-part-2", "git show ':/^codegen: part 2'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-8", "git diff HEAD~8 -- mako", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-mako-test", f"ls -laR {MAKO}/test {MAKO}/mako", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/typescript {JS}/node_modules/@eslint -type f "
        "-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-ruff-pytest", f"tree -L 2 {site}/_pytest {site}/markupsafe {site}/mypyc", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sorted(str(i) for i in range(40000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-mem-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%mem | head -n 30", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w180", "top -b -n 1 -w 180", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "dpkg"
    d.mkdir()
    run("(echo 'package,version,arch,section,priority,installed_kb'; dpkg-query -W -f "
        "'\"${Package}\",\"${Version}\",\"${Architecture}\",\"${Section}\",\"${Priority}\",${Installed-Size}\\n') "
        "> dpkg.csv", cwd=d)
    cap("csv-dpkg-packages", "cat dpkg.csv", d, n_csv)
    run("sqlite3 dpkg.db \".mode csv\" \".import dpkg.csv pkgs\"", cwd=d)
    cap("sqlite-column-by-size-limit-500", "sqlite3 -header -column dpkg.db \"SELECT package, version, arch, section, "
        "priority, CAST(installed_kb AS INT) AS kb FROM pkgs ORDER BY kb DESC LIMIT 500\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


PROOFLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(8403)
room = logging.getLogger("proofing.room")
oven = logging.getLogger("proofing.oven")
label = logging.getLogger("proofing.labels")
for i in range(1400):
    rack = rnd.randint(1, 8)
    room.debug("rack%d humidity raw %d", rack, rnd.randint(400, 800))
    if i % 197 == 41:
        oven.warning("deck %d below setpoint by %.1f C after door open", rnd.randint(1, 3), rnd.uniform(6, 19))
    elif i == 377:
        try:
            sum(x for x in [9600]) // 0
        except ZeroDivisionError:
            label.exception("label for batch B-0413 not printed")
    elif i == 905:
        oven.error("deck 2 steam valve did not open within 4 s, bake paused")
    elif i == 1288:
        room.critical("rack6 humidity sensor lost, proofer heating cut")
    elif i % 230 == 17:
        label.info("printed %d labels for %d batches", rnd.randint(40, 160), rnd.randint(3, 9))
    room.info("rack%d %.1f%% RH at %.1f C dough %.1f C in %dms", rack, rnd.uniform(70, 88), rnd.uniform(24, 30),
              rnd.uniform(22, 27), rnd.randint(3, 45) if i != 1111 else 2870)
'''


def app_log(tmp: Path) -> None:
    (tmp / "prooflog.py").write_text(PROOFLOG)
    run("python3 prooflog.py > proofing.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-700", "grep -v DEBUG proofing.log | tail -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B1 -A4 proofing.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/libffi8/html")


def docs(tmp: Path) -> None:
    if not (DOC / "The-Basics.html").is_file():
        cm.note("skip docs: no libffi8 The-Basics.html")
        return
    cm.start(f"python3 -m http.server 18784 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-libffi-basics", "curl -s http://127.0.0.1:18784/The-Basics.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
