"""Round 817, Python and the machine: the sdist of Dijkstar 2.6.0 (a real PyPI release: pure-Python Dijkstra / A* path
finding over a dict-of-dicts Graph, the package `dijkstar/`; run from the sdist, which carries its own
`dijkstar/tests/`) with a few bugs put in, run under its own suite and a lorimer's suite written here (one test per
seeded delivery round of forges and roads, the expected answers worked out by the test apart from the package, by a
Bellman-Ford relaxation and a set of roads), with pytest (one run with colour forced on), ruff and mypy --strict over
the package's code and the tests, and used by a stirrupbook script into a chained traceback; a git history built here
by committing Dijkstar's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a lorimer's
workshop log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The layout is capture_wide795_py's (its package-free parts re-aimed at other folders), its
package-specific parts written for this package. Run through capture_wide817.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide641_py import LOCALE, NOCACHE
from capture_wide817 import SRC, VENV, cap

PH = "Dijkstar-2.6.0"
AL, GR = "dijkstar/algorithm.py", "dijkstar/graph.py"
PEOPLE = [("Absalom Hinks", "absalom@example.org"), ("Keziah Brindley", "keziah@example.org"),
          ("Eli Wootton", "eli@example.org")]

# The bugs put in Dijkstar (file, text, replacement); each text occurs exactly once in its file.
# The path's total_cost leaves out the first edge's cost; a node's cost is replaced when its known cost is above the
# cost of reaching its predecessor (not of reaching it); an undirected add_edge whose far node already exists gives
# that node a loop to itself instead of the edge back.
BUGS = [(AL, "    total_cost = sum(costs)\n", "    total_cost = sum(costs[1:])\n"),
        (AL, "            if v not in costs or costs[v] > cost_of_s_to_u_plus_cost_of_e:\n",
         "            if v not in costs or costs[v] > cost_of_s_to_u:\n"),
        (GR, "            if v in data:\n                neighbors = data[v]\n                neighbors[u] = edge\n",
         "            if v in data:\n                neighbors = data[v]\n                neighbors[v] = edge\n")]

TABLE_TEST = r"""# A lorimer's delivery rounds: forges joined by roads, each road's cost in miles.
import random

import pytest

from dijkstar import Graph, NoPathError, find_path

_R = random.Random(81714)
TOWNS = ["Walsall", "Bloxwich", "Darlaston", "Wednesbury", "Willenhall", "Pelsall", "Aldridge", "Rushall",
         "Brownhills", "Bilston"]


def cheapest(forges, roads, start, two_way=False):
    dist = {start: 0}
    edges = list(roads) + ([(v, u, c) for u, v, c in roads] if two_way else [])
    for _ in range(forges):
        changed = False
        for u, v, c in edges:
            if u in dist and (v not in dist or dist[u] + c < dist[v]):
                dist[v] = dist[u] + c
                changed = True
        if not changed:
            break
    return dist


ROUNDS = []
for n in range(1, 151):
    forges = _R.randint(4, 30)
    seen, roads = set(), []
    for _ in range(_R.randint(forges, forges * 3)):
        u, v = _R.sample(range(forges), 2)
        if (u, v) in seen or (v, u) in seen:
            continue
        seen.add((u, v))
        roads.append((u, v, _R.randint(1, 40)))
    start, end = _R.sample(range(forges), 2)
    ROUNDS.append((f"round{n:03}-{_R.choice(TOWNS)}", forges, roads, start, end))
IDS = [r[0] for r in ROUNDS]


@pytest.mark.parametrize("rnd,forges,roads,start,end", ROUNDS, ids=IDS)
def test_bits_go_by_the_cheapest_road(rnd, forges, roads, start, end):
    g = Graph()
    for u, v, c in roads:
        g.add_edge(u, v, c)
    want = cheapest(forges, roads, start)
    if end not in want:
        with pytest.raises(NoPathError):
            find_path(g, start, end)
        return
    path = find_path(g, start, end)
    assert (path.nodes[0], path.nodes[-1], sum(path.costs)) == (start, end, want[end]), f"{rnd}: forge {start} to {end}"


@pytest.mark.parametrize("rnd,forges,roads,start,end", ROUNDS, ids=IDS)
def test_spurs_go_both_ways(rnd, forges, roads, start, end):
    g = Graph(undirected=True)
    for u, v, c in roads:
        g.add_edge(u, v, c)
    want = cheapest(forges, roads, start, two_way=True)
    assert find_path(g, start, end).total_cost == want[end], f"{rnd}: two-way forge {start} to {end}"


@pytest.mark.parametrize("rnd,forges,roads,start,end", ROUNDS[:100], ids=IDS[:100])
def test_buckle_roads_counted(rnd, forges, roads, start, end):
    g = Graph(undirected=True)
    for u, v, c in roads:
        g.add_edge(u, v, c)
    assert g.edge_count == len(roads), f"{rnd}: {len(roads)} roads"
"""

TESTS = "dijkstar/tests/test_delivery_rounds.py"


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / TESTS).write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-dijkstar-v-color-tail-520", f"python -m pytest -v --color=yes --tb=short {NOCACHE} dijkstar 2>&1 "
        "| tail -n 520", tp, n_pytest, env=env, timeout=900)
    cap("pytest-dijkstar-v-l-tb-long-tail-560", f"python -m pytest -v -l --tb=long {NOCACHE} dijkstar 2>&1 "
        "| tail -n 560", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-dijkstar", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} dijkstar 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-buckle-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} dijkstar -k 'not buckle' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-long-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=long {NOCACHE} dijkstar/tests/test_algorithm.py "
                "dijkstar/tests/test_graph.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-dijkstar-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise dijkstar setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-dijkstar-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "dijkstar setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/dijkstar {site}/_pytest {site}/pluggy {site}/iniconfig {site}/six.py {tc}/")
    cap("mypy-strict-dijkstar-pytest-pluggy-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable dijkstar six.py _pytest pluggy iniconfig 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-dijkstar", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise dijkstar 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "dijkstar setup.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r"""
from dijkstar import Graph, NoPathError, find_path


class StirrupLeatherError(Exception):
    pass


ROADS = [("Walsall", "Bloxwich", 3), ("Bloxwich", "Pelsall", 2), ("Walsall", "Darlaston", 4),
         ("Darlaston", "Wednesbury", 2), ("Wednesbury", "Bilston", 3), ("Pelsall", "Brownhills", 3),
         ("Aldridge", "Rushall", 2)]

# a lorimer's stirrup book: the order, the lorimer, the forge it leaves and the saddler's town it goes to
BOOK = [
    {"order": "Pelham bits 14", "lorimer": "Absalom", "from": "Walsall", "to": "Pelsall"},
    {"order": "rowel spurs 6", "lorimer": "Keziah", "from": "Walsall", "to": "Bilston"},
    {"order": "stirrup irons 2", "lorimer": "Eli", "from": "Bloxwich", "to": "Rushall"},
    {"order": "roller buckles 9", "lorimer": "Hannah", "from": "Darlaston", "to": "Brownhills"},
]


def deliver(row, roads):
    try:
        path = find_path(roads, row["from"], row["to"])
        return row["order"], " > ".join(path.nodes), path.total_cost
    except (NoPathError, KeyError) as exc:
        raise StirrupLeatherError(f"{row['order']} ({row['lorimer']}): no road from {row['from']} to {row['to']}") from exc


def read_book():
    roads = Graph()
    for u, v, miles in ROADS:
        roads.add_edge(u, v, miles)
    for n, row in enumerate(BOOK, 1):
        try:
            said = deliver(row, roads)
        except StirrupLeatherError as exc:
            raise RuntimeError(f"stirrup book stopped at order {n} of {len(BOOK)}") from exc
        print(f"{row['order']} ({row['lorimer']}): {said}")
    print(f"stirrup book read: {len(BOOK)} orders")


read_book()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "stirrupbook"
    d.mkdir()
    (d / "stirrupbook.py").write_text(SHEET)
    cap("python-chained-traceback-stirrupbook", "python3 stirrupbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """Dijkstar's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [AL, GR, "dijkstar/__init__.py", "dijkstar/tests/test_algorithm.py", "dijkstar/tests/test_graph.py",
            "README.rst", "CHANGELOG.rst", "setup.py"]
    repo = history(tmp, SRC, "dijkstar", PH, rels, PEOPLE, 81712, 4, BUGS)
    (repo / "NOTES.local").write_text("the Pelham bits for Bilston go by Darlaston since the Wednesbury road flooded\n")
    cap("git-log-p-dijkstar-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-dijkstar", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-dijkstar-algorithm", f"git blame {AL}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-7", "git show HEAD~7", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-dijkstar", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-dijkstar-typeshed-head-1000", f"ls -laR {PH} {ts}/multiprocessing {ts}/json {ts}/asyncio "
        f"{site}/rich/_unicode_data {site}/pluggy {site}/_pytest/mark | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-typeshed-rich-pytest-dijkstar-tail-440", f"find {ts}/asyncio {ts}/unittest {site}/rich "
        f"{site}/_pytest {site}/pluggy {PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n "
        "| tail -n 440", tmp, n_find)
    cap("tree-typeshed-asyncio-pytest-dijkstar", f"tree -L 2 {ts}/asyncio {ts}/unittest {site}/_pytest/mark {PH} "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 817076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-bitbench", "ps auxww | grep -v binary_backend | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/urllib /usr/lib/python3.11/zoneinfo "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio-unittest", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-bytes-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-520", f"{VENV}/bin/pip inspect | head -n 520", d, n_pip_inspect,
        typed="pip inspect | head -n 520")


PLACES = ["bit forge", "spur bench", "buckle shop", "stirrup forge", "tinning bath", "filing bench",
          "rowel lathe", "curb-chain bench", "chape press", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"order {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 90)} bits, "
                       f"{r.randint(1, 61)} spurs filed, {r.randint(5, 95)} % tinned, "
                       f"{r.randint(1, 30)} thou mouthpiece wear"),
    "DEBUG": lambda r: (f"lorimer {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(2, 30)} buckles/day, "
                        f"forge at {r.randint(550, 800)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} off by {r.randint(1, 40)} thou on stirrup "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: quench held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"order {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['cheek cracked', 'rowel sheared', 'tongue snapped', 'stirrup tread split'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "lorimers.log", 81713, 2300, ["lorimers.bits", "lorimers.spurs",
                                                   "lorimers.buckles", "lorimers.stirrups"],
                 LOG_MSGS, 81700, "2026-12-04")
    cap("log-grep-v-debug-head-480", "grep -v DEBUG lorimers.log | head -n 480", tmp, n_app_log)
    chain("chain-log-grep-warn-error-lorimers", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 lorimers.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
