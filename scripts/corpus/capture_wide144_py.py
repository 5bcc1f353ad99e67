"""Round 144, Python and the machine: the sdist of anytree (a real PyPI release: a tree data-structure library with
nodes, iterators, a path resolver, renderers, importers and exporters) with a few bugs put in, run through its own
test suite (its doctests among it, as its pyproject's addopts ask) with pytest, through ruff and mypy --strict, and
its code run wrongly into a chained traceback; a git history built here by committing anytree's sources in steps (log
-p, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls
-laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b); the
machine's header files under /usr/include (find -printf) as a CSV and a sqlite table; an org-chart
sync service's log; an installed Debian package's HTML documentation (gperftools' tcmalloc page) served by python3
-m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide144.py."""


from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_tree, run
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide144 import JS, SRC, VENV, cap

AT = "anytree-2.13.0"
MIXIN = "src/anytree/node/nodemixin.py"
PREITER = "src/anytree/iterators/preorderiter.py"
RESOLVER = "src/anytree/resolver.py"
RENDER = "src/anytree/render.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Achterberg", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Achterberg", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A node's height follows its shortest path to a leaf instead of its longest; PreOrderIter's maxlevel drops by two per
# level (so maxlevel=2 no longer stops); a resolver glob pattern is no longer anchored at the name's end; the renderer
# draws a continuing branch where the last child ends it.
BUGS = [(MIXIN, "return max(child.height for child in children) + 1",
         "return min(child.height for child in children) + 1"),
        (PREITER, "descendantmaxlevel = maxlevel - 1 if maxlevel else None",
         "descendantmaxlevel = maxlevel - 2 if maxlevel else None"),
        (RESOLVER, 'return r"(?ms)" + re_pat + r"\\Z"', 'return r"(?ms)" + re_pat'),
        (RENDER, "(*continues, not is_last), level=level)", "(*continues, is_last), level=level)")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / AT
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp / "src")}
    cap("pytest-anytree-tests-src-v-tail-1200", "python -m pytest -v -p no:cacheprovider tests src 2>&1 | "
        "tail -n 1200", cp, n_pytest, env=env, timeout=900)
    chain("chain-anytree-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider -o addopts='' tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / AT
    cap("ruff-select-all-anytree-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src tests 2>&1 | head -n 900", cp, n_ruff)
    cap("mypy-strict-anytree-src-tests", "mypy --strict --no-incremental src/anytree tests 2>&1 | tail -n 600", cp,
        n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-anytree", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental src/anytree/exporter 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


ORGCHART = r"""
import json
from anytree import Node
from anytree.importer import DictImporter


class OrgSyncError(Exception):
    pass


def attach(tree, team, manager):
    try:
        team.parent = manager
    except Exception as exc:
        raise OrgSyncError(f"could not put {team.name} under {manager.name} in {tree}") from exc


chart = DictImporter().import_(json.load(open("chart.json")))
by_name = {n.name: n for n in chart.descendants}
by_name[chart.name] = chart
print(len(by_name), "teams read")
attach("chart.json", by_name["payments"], by_name["platform"])
# the HR export says the engineering root now reports to the ledger team below it
attach("chart.json", chart, by_name["ledger"])
"""

CHART = ('{"name": "engineering", "children": [{"name": "platform", "children": [{"name": "infra"}, {"name": "sre"}]},'
         ' {"name": "product", "children": [{"name": "payments", "children": [{"name": "ledger"}]}, '
         '{"name": "search"}]}]}\n')


def traceback_run(tmp: Path) -> None:
    d = tmp / "orgsync"
    d.mkdir()
    (d / "orgsync.py").write_text(ORGCHART)
    (d / "chart.json").write_text(CHART)
    cap("python-chained-traceback-orgsync", "python3 orgsync.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / AT / "src")})


def git_history(tmp: Path) -> None:
    """anytree's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "anytree-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('anytree-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / AT} {repo} && rm -rf {pristine}")
    files = [repo / MIXIN, repo / RENDER, repo / RESOLVER, repo / "src/anytree/search.py",
             repo / "src/anytree/node/lightnodemixin.py", repo / "tests/test_node.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, iterators, "
        "exporters'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-03 09:12:00",
                                     "GIT_COMMITTER_DATE": "2025-03-03 09:12:00"})
    rnd = random.Random(14402)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 110
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Kwame Asante", "GIT_AUTHOR_EMAIL": "kwame@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("height of a ragged tree is 1 too small? see NodeMixin.height\n")
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-anytree-nodemixin", f"git blame {MIXIN}", repo, n_blame, env=GIT_ENV)
    cap("git-show-nodemixin-part-3", "git show ':/^nodemixin: part 3'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-anytree-sdist-and-pytest", f"ls -laR {AT} {site}/_pytest/_code {site}/_pytest/mark "
        f"{site}/pluggy {site}/coverage/htmlfiles", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/bytes "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-mypy-coverage", f"tree -L 2 {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/xml {site}/coverage {site}/_pytest", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 7919)) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    os.killpg(busy.pid, signal.SIGTERM)


def tables(tmp: Path) -> None:
    d = tmp / "headers"
    d.mkdir()
    run("(echo 'path,bytes,links,mode,owner,modified'; find /usr/include -type f "
        "-printf '%p,%s,%n,%m,%u,%TY-%Tm-%Td\\n' | sort) > headers.csv", cwd=d)
    cap("csv-usr-include-head-1000", "head -n 1000 headers.csv", d, n_csv)
    run("sqlite3 headers.db \".mode csv\" \".import headers.csv headers\"", cwd=d)
    cap("sqlite-column-largest-headers-limit-400", "sqlite3 -header -column headers.db \"SELECT path, "
        "CAST(bytes AS INT) AS bytes, links, mode, owner, modified FROM headers "
        "ORDER BY CAST(bytes AS INT) DESC LIMIT 400\"", d, n_sqlite_col)


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(14403)
sync = logging.getLogger("orgsync.sync")
ldap = logging.getLogger("orgsync.ldap")
tree = logging.getLogger("orgsync.tree")
teams = ["platform", "payments", "ledger", "search", "infra", "sre", "growth", "mobile"]
for i in range(1300):
    team = rnd.choice(teams)
    ldap.debug("entry %d cn=%s-%d read in %dms", i, team, rnd.randint(1, 900), rnd.randint(1, 30))
    if i % 149 == 31:
        tree.warning("team %s: manager uid %d not found, kept under its old parent", team, rnd.randint(1000, 9999))
    elif i == 402:
        try:
            {}["ou=" + team]
        except KeyError:
            tree.exception("entry %d: could not attach %s", i, team)
    elif i == 815:
        sync.error("entry %d: LDAP write for cn=%s refused (insufficientAccessRights)", i, team)
    elif i == 1233:
        sync.critical("LDAP connection lost after %d entries, sync aborted", i)
    elif i % 240 == 17:
        sync.info("checkpoint: %d teams, %d people", rnd.randint(40, 60), rnd.randint(300, 900))
    sync.info("entry %d %s synced in %dms", i, team, rnd.randint(3, 200) if i != 977 else 38400)
"""


def app_log(tmp: Path) -> None:
    (tmp / "orgsynclog.py").write_text(SVCLOG)
    run("python3 orgsynclog.py > orgsync.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG orgsync.log | tail -n 1000", tmp, n_app_log)


DOC = Path("/usr/share/doc/gperftools")


def docs(tmp: Path) -> None:
    if not (DOC / "tcmalloc.html").is_file():
        cm.note("skip docs: no tcmalloc.html")
        return
    cm.start(f"python3 -m http.server 18844 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-gperftools-tcmalloc", "curl -s http://127.0.0.1:18844/tcmalloc.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
