"""Round 679, Python and the machine: the sdist of anls 0.0.2 (a real PyPI release: Average Normalized Levenshtein
Similarity, pure Python; its sdist ships no suite of its own) with a few bugs put in, run under a needlemaker's suite
written here (one test per seeded word pair, the expected distances and scores worked out by the test apart from the
package) with pytest (one run with colour forced on), ruff and mypy --strict over the package's code and the tests,
and used by a scourbook script into a chained traceback; a git history built here by committing anls's sources in
steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose
(ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a needlemaker's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide671_py's, its package-specific parts rewritten. Run through
capture_wide679.py."""

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
from capture_wide679 import SRC, VENV, cap

PH = "anls-0.0.2"
CODE = "anls"
PEOPLE = [("Keturah Eyepuncher", "keturah@example.org"), ("Obadiah Pointer", "obadiah@example.org"),
          ("Hepzibah Scourer", "hepzibah@example.org")]

# The bugs put in anls (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Each row of the distance table starts one short; the normalised distance divides by the shorter word; the gold
# labels are no longer lower-cased before the score.
BUGS = [("anls/metrics/dist.py", "dists = [i2 + 1]", "dists = [i2]"),
        ("anls/metrics/dist.py", "length = max(len(s1.upper()), len(s2.upper()))",
         "length = min(len(s1.upper()), len(s2.upper()))"),
        ("anls/metrics/score.py", 'y_true = " ".join(gold_label.strip().lower().split())',
         'y_true = " ".join(gold_label.strip().split())')]

TABLE_TEST = r'''"""A needlemaker's round of labels: each needle packet's label as read back, scored by hand against the cards."""
import random

import pytest

from anls import anls_score
from anls.metrics.dist import levenshtein_distance, normalized_levenshtein_distance

WORDS = ("sharps betweens darners chenille tapestry sailmaker glover bodkin crewel milliner straw beading quilting "
         "embroidery packet eye point scour temper harden blue gilt drill punch stamp wire gauge case paper").split()
_R = random.Random(67914)


def _misread(word):
    """The label as a worn stamp prints it: a few letters dropped, doubled or changed."""
    w = list(word)
    for _ in range(_R.randint(0, 3)):
        op = _R.choice("dic")
        at = _R.randrange(len(w) + (op == "i")) if w else 0
        if op == "d" and w:
            del w[at]
        elif op == "i":
            w.insert(at, _R.choice("aeioursnt"))
        elif w:
            w[at] = _R.choice("aeioursnt")
    return "".join(w)


def distance(a, b):
    """The edit distance, row by row, worked out here."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(pred, golds, threshold=0.5):
    best = 0.0
    p = " ".join(pred.strip().lower().split())
    for g in golds:
        g = " ".join(g.strip().lower().split())
        n = max(len(p), len(g))
        nl = distance(p, g) / n if n else 0.0
        best = max(best, 1 - nl if nl < threshold else 0.0)
    return best


PACKETS = []
for n in range(1, 161):
    card = " ".join(_R.sample(WORDS, _R.randint(1, 3)))
    if _R.random() < 0.4:
        card = card.title()
    read = " ".join(_misread(w) for w in card.split())
    PACKETS.append((f"packet{n:03}", read, card))


@pytest.mark.parametrize("packet,read,card", PACKETS, ids=[p[0] for p in PACKETS])
def test_eye_stamp_distance(packet, read, card):
    assert levenshtein_distance(read, card) == distance(read, card), f"{packet}: {read!r} against {card!r}"


@pytest.mark.parametrize("packet,read,card", PACKETS[:90], ids=[p[0] for p in PACKETS[:90]])
def test_point_normalised(packet, read, card):
    n = max(len(read), len(card))
    want = distance(read, card) / n if n else 0.0
    assert normalized_levenshtein_distance(read, card) == pytest.approx(want), f"{packet}: {read!r}"


@pytest.mark.parametrize("packet,read,card", PACKETS[:90], ids=[p[0] for p in PACKETS[:90]])
def test_scour_score(packet, read, card):
    golds = [card, card.upper(), _R.choice(WORDS)]
    assert anls_score(read, golds) == pytest.approx(score(read, golds)), f"{packet}: {read!r} against {golds}"
'''

def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_needlecase.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-anls-v-color-tail-700", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 700", tp, n_pytest, env=env, timeout=900)
    cap("pytest-anls-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-scour-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not scour' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-anls-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-anls-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} 2>&1 | head -n 1200", tp, n_ruff)
    # anls ships no py.typed but its code is typed: mypy --strict reads it beside the tests and pytest's own sources (copied with
    # the package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/anls {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-anls-pytest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable anls tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-anls", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise anls tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "anls/metrics anls/evaluation tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from anls import anls_score


class ScourError(Exception):
    pass


# a needlemaker's scour book: the packet, the scourer, the label read back and the cards it may match
BOOK = [
    {"packet": "Sharps 7", "scourer": "Keturah", "read": "sharps sevn", "cards": ["Sharps seven", "sharps 7"]},
    {"packet": "Darners 3", "scourer": "Obadiah", "read": "darnrs three", "cards": ["Darners three"]},
    {"packet": "Bodkins", "scourer": "Hepzibah", "read": "bodkin case", "cards": []},
    {"packet": "Chenille 22", "scourer": "Zillah", "read": "chenile", "cards": ["Chenille"]},
]


def scoured(row):
    try:
        return anls_score(row["read"], row["cards"])
    except (ValueError, KeyError) as exc:
        raise ScourError(f"{row['packet']} ({row['scourer']}): no card to score {row['read']!r} against") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = scoured(row)
        except ScourError as exc:
            raise RuntimeError(f"scour mill stopped at packet {n} of {len(BOOK)}") from exc
        print(f"{row['packet']} ({row['scourer']}): label score {said:.3f}")
    print(f"scour book read: {len(BOOK)} packets")


read_book()
'''

def traceback_run(tmp: Path) -> None:
    d = tmp / "scourbook"
    d.mkdir()
    (d / "scourbook.py").write_text(SHEET)
    cap("python-chained-traceback-scourbook", "python3 scourbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """anls's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["anls/metrics/dist.py", "anls/metrics/score.py", "anls/evaluation/evaluate_json.py",
            "anls/evaluation/validate_data.py", "anls/cli/run.py", "README.md", "pyproject.toml"]
    repo = history(tmp, SRC, "anls", PH, rels, PEOPLE, 67912, 45, BUGS)
    (repo / "NOTES.local").write_text("the sharps' labels score low since the scour change\n")
    cap("git-log-p-anls-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-anls", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-anls-dist", "git blame anls/metrics/dist.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-anls", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-anls-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/http "
        f"{site}/rich {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-anls-tail-400", f"find {site}/mypy {site}/rich {site}/ruff {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-email-pytest-anls", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH}/anls {site}/pluggy",
        tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 679076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-scourmill", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/xml /usr/lib/python3.11/importlib /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-http-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["wire store", "cutting bench", "pointing wheel", "eye stamp", "eye punch", "hardening oven", "scour mill",
          "blueing pan", "papering room", "packet press"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(200, 9000)} needles, "
                       f"{r.randint(1, 400)} eyes punched, {r.randint(5, 95)} % scoured, "
                       f"{r.randint(1, 30)} packets filled"),
    "DEBUG": lambda r: (f"needlemaker {r.randint(1, 60)}: {r.choice(PLACES)} at {r.randint(200, 3000)} needles/hour, "
                        f"scour wet {r.randint(2, 99)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} hot at {r.randint(40, 99)} % on bench "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: scouring held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['eye split', 'point blunt', 'wire snapped', 'temper lost'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "needled.log", 67913, 2300, ["needled.packets", "needled.eyes", "needled.scourers",
                                                   "needled.points"], LOG_MSGS, 67900, "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG needled.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-needled", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 needled.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
