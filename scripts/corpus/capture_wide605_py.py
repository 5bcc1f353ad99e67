"""Round 605, Python and the machine: the sdist of pycrc 0.12.0 (a real PyPI release: a parameterisable CRC calculator
and C code generator, `src/pycrc/`, shipping its own suite under `test/`) with a few bugs put in, run under its OWN
suite (the modules that do not compile generated C) with an icemen's table written here (`test/test_icemen.py`) with
pytest (one run with colour forced on), ruff and mypy --strict over the package and its tests, and used by an icemen's
script into a chained traceback; a git history built here by committing pycrc's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux);
files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; an ice house's service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide605.py."""

from __future__ import annotations

import json
import random
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
from capture_wide605 import SRC, VENV, cap

PH = "pycrc-0.12.0"
NOCACHE = "-p no:cacheprovider"
# pycrc's own modules that do not compile generated C (test_codegen.py and test_cli.py run a C compiler per case),
# and this round's table
TESTS = ("test/test_algorithms.py test/test_algorithms_legacy.py test/test_expr.py test/test_symtable.py "
         "test/test_package.py test/test_icemen.py")
ALGO = "src/pycrc/algorithms.py"
PEOPLE = [("Abigail Tudor", "abigail@example.org"), ("Ephraim Wyeth", "ephraim@example.org"),
          ("Hepzibah Gage", "hepzibah@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in pycrc (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The non-direct init shifts one bit short (bit_by_bit wrong for models with a non-zero XorIn); the table-driven
# non-reflected branch starts from the non-direct init (wrong for those models' table-driven CRC); strings are
# encoded as ASCII whatever the encoding asked for (a non-ASCII string raises).
BUGS = [(ALGO, "        crc = init\n        for _ in range(self.width):",
         "        crc = init\n        for _ in range(self.width - 1):"),
        (ALGO, "            reg = self.direct_init & self.mask", "            reg = self.nondirect_init & self.mask"),
        (ALGO, "            return bytearray(data, encoding)", '            return bytearray(data, "ascii")')]

_R = random.Random(60514)
PONDS = ["Fresh Pond", "Spy Pond", "Walden", "Horn Pond", "Sandy Pond", "Mill Pond", "Long Lake", "Ice Lake",
         "Kennebec", "Rockland Lake", "Wenham Lake", "Clear Lake"]
ICEMEN = ["Abigail", "Ephraim", "Hepzibah", "Josiah", "Søren", "Mercy", "Ørjan", "Thankful", "Jürgen", "Asa"]
KINDS = ["clear ice", "black ice", "snow ice", "pond ice", "river ice", "slush"]
TICKETS = []
for _k in range(12):
    TICKETS.append(f"{PONDS[_k]}: {_R.randint(2, 90)} cakes of {_R.choice(KINDS)}, {_R.randint(8, 30)} in thick, "
                   f"sawn by {ICEMEN[_R.randrange(len(ICEMEN))]}")
PICKS = [sorted(_R.sample(range(26), 4)) for _ in TICKETS]

TABLE = """\"\"\"The icemen's table: every model's check value by each algorithm, and each ice ticket's CRC by the three
algorithms, against the bit-by-bit one and chunk by chunk.\"\"\"

import pytest

import pycrc
from pycrc.algorithms import Crc
from pycrc.models import CrcModels

MODELS = CrcModels().models
TICKETS = %s
PICKS = %s


@pytest.mark.parametrize("algorithm", ["bit-by-bit", "bit-by-bit-fast", "table-driven"])
@pytest.mark.parametrize("model", [m.name for m in MODELS])
def test_check_value(model: str, algorithm: str) -> None:
    params = CrcModels().get(model)
    assert params is not None
    assert pycrc.crc(model, "123456789", algorithm=algorithm) == params.check


@pytest.mark.parametrize("n", range(len(TICKETS)))
def test_ticket_algorithms_agree(n: int) -> None:
    for k in PICKS[n]:
        crc = Crc.from_params(MODELS[k])
        slow = crc.bit_by_bit(TICKETS[n])
        assert crc.bit_by_bit_fast(TICKETS[n]) == slow, MODELS[k].name
        assert crc.table_driven(TICKETS[n]) == slow, MODELS[k].name


@pytest.mark.parametrize("n", range(len(TICKETS)))
def test_ticket_in_chunks(n: int) -> None:
    crc = Crc.from_model("crc-32")
    for word in TICKETS[n].split(" "):
        crc.update(word + " ")
    assert crc.digest() == crc.bit_by_bit_fast(TICKETS[n] + " ")
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "test" / "test_icemen.py").write_text(TABLE % (json.dumps(TICKETS, indent=4, ensure_ascii=False),
                                                         json.dumps(PICKS)))
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    cap("pytest-pycrc-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-pycrc-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-legacy-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not legacy' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-pycrc-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src/pycrc test 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-pycrc-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        "src/pycrc test 2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-pycrc", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable src/pycrc test 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-pycrc-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise test 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "test 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r'''
from pycrc.algorithms import Crc


class IceCrackError(Exception):
    pass


# an ice house's ledger: the day, the iceman, the ticket he wrote at the pond, and the CRC the pond's clerk tagged it with
CRC = Crc.from_model("crc-16-ccitt")
LEDGER = [
    {"day": "Monday", "iceman": "Josiah", "ticket": "Fresh Pond: 40 cakes of clear ice", "tag": 0},
    {"day": "Tuesday", "iceman": "Søren", "ticket": "Spy Pond: 22 cakes of black ice, sawn by Søren", "tag": 0},
    {"day": "Wednesday", "iceman": "Mercy", "ticket": "Walden: 31 cakes of snow ice", "tag": 0},
    {"day": "Thursday", "iceman": "Ørjan", "ticket": "Horn Pond: 12 cakes of slush", "tag": 0},
]


def tag(row):
    try:
        return CRC.bit_by_bit_fast(row["ticket"])
    except UnicodeError as exc:
        raise IceCrackError(f"ledger line of {row['day']} kept by {row['iceman']}, "
                            f"{len(row['ticket'])} characters") from exc


def read_ledger():
    for n, row in enumerate(LEDGER, 1):
        try:
            crc = tag(row)
        except IceCrackError as exc:
            raise RuntimeError(f"ice house stopped at ledger line {n} of {len(LEDGER)}") from exc
        print(f"{row['day']} ({row['iceman']}): tag {crc:#06x}")
    print(f"ledger read: {len(LEDGER)} days")


read_ledger()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "sawing"
    d.mkdir()
    (d / "sawing.py").write_text(SHEET)
    cap("python-chained-traceback-sawing", "python3 sawing.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """pycrc's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [ALGO, "src/pycrc/models.py", "test/test_algorithms.py", "README.md"]
    repo = history(tmp, SRC, "pycrc", PH, rels, PEOPLE, 60512, 60, BUGS)
    (repo / "NOTES.local").write_text("the ice house stops where a ticket names an iceman outside ASCII\n")
    cap("git-log-p-pycrc-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-pycrc", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-pycrc-algorithms", f"git blame {ALGO}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pycrc", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-pycrc-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/email {ts}/asyncio {ts}/unittest {ts}/sqlite3 "
        f"{site}/_pytest/_code {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-ruff-pycrc-tail-650", f"find {site}/mypy {site}/_pytest {site}/pluggy {site}/iniconfig {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 650", tmp, n_find)
    cap("tree-typeshed-pycrc", f"tree -L 2 {ts}/email {ts}/sqlite3 {site}/_pytest/_code {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 605017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-605", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/sqlite3 /usr/lib/python3.11/logging "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


PLACES = ["ice plough", "marker", "sawing field", "channel", "runway", "elevator", "packing room", "ice house",
          "loading chute", "weigh house"]
LOG_MSGS = {
    "INFO": lambda r: (f"field {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 60)} tons, "
                       f"thickness {r.randint(8, 30)} in, air {r.randint(-25, 2)} C, {r.randint(40, 900)} "
                       "cakes sawn"),
    "DEBUG": lambda r: (f"saw {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} strokes/min, "
                        f"slush {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} melt at {r.randint(20, 140)} % of set point in room "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: icemen held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"field {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['saw blade cracked', 'chute jammed', 'ice too thin', 'elevator chain slipped'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "icehoused.log", 60513, 2300, ["icehoused.ploughs", "icehoused.saws",
                                                     "icehoused.icemen", "icehoused.rooms"], LOG_MSGS, 60500,
                 "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG icehoused.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-icehoused", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 icehoused.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
