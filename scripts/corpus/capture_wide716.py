#!/usr/bin/env python3
"""Round 716: issue #11's kinds with colour and terminal control forced on (rounds 670, 700 and 708's pattern, round
368's runner), on the real PyPI package proquint 0.2.1 (its sdist) with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a JavaScript part (the npm package proquint 0.0.1, vitest / eslint / tsc,
capture_wide716_js.py) and tables and a service log, a marquetry cutter's names (veneers, fretsaws, inlays, leaves,
marquetarians); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed; the C project, tables and log steps are round 708's shape with this round's
names. See NEEDLES.md, round 716.

Usage:   .venv/bin/python scripts/corpus/capture_wide716.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide716.json, ids prefixed "wide716-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up, its colour-forcing runner)
import capture_wide458_native as r458n  # noqa: E402  (its Makefile)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide279 import gen_c, spread_warns  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide716-tools")
TMP = Path("/dev/shm/hm-corpus-wide716")
OUT = HERE / "data" / "wide716.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 71600
SDIST = "proquint==0.2.1"

r368.VENV = VENV
cap = r368.cap
clean716 = r368.clean368

P = "proquint/"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (P + "proquint.py", "val >>= 2", "val >>= 3"),
    (P + "proquint.py", "if uint_val < 0 or uint_val > 0xFFFFFFFF:", "if uint_val < 0 or uint_val >= 0xFFFFFFFF:"),
    (P + "proquint.py", "elif i != 5:", "elif i != 6:"),
]

WORDS = ["walnut", "burr walnut", "satinwood", "rosewood", "sycamore", "harewood", "ebony", "holly", "boxwood",
         "tulipwood", "kingwood", "amboyna", "fretsaw", "donkey", "packet", "leaf", "inlay", "stringing", "banding",
         "shading sand"]

FIXTURES_PY = f'''import json, random
from proquint import quint2uint, uint2quint
from proquint.utils import convert, ip2uint_str, uint2ip_str

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["uint", "uint", "ip", "hex", "top", "nosep"])
    if kind == "top":
        n = rnd.choice([0xFFFFFFFF, 0xFFFFFFFE, 0xFFFF0000, 0])
    elif kind == "ip":
        n = ip2uint_str(".".join(str(rnd.randint(0, 255)) for _ in range(4)))
    else:
        n = rnd.randint(0, 0xFFFFFFFF)
    sep = "" if kind == "nosep" else "-"
    q = uint2quint(n, sep)
    rows.append({{"id": f"leaf{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind, "n": n,
                 "sep": sep, "quint": q, "back": quint2uint(q), "ip": uint2ip_str(n), "hex": hex(n),
                 "convert": convert(uint2ip_str(n)) if kind == "ip" else convert(str(n))}})
with open("tests/leaf_labels.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_LABELS = '''"""The marquetarians' veneer leaves against proquint: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from proquint import quint2uint, uint2quint
from proquint.utils import convert

ROWS = json.loads((pathlib.Path(__file__).parent / "leaf_labels.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_leaf_label(row):
    assert uint2quint(row["n"], row["sep"]) == row["quint"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_leaf_read(row):
    assert quint2uint(row["quint"]) == row["back"]


@pytest.mark.parametrize("row", ROWS[:40], ids=[r["id"] for r in ROWS[:40]])
def test_leaf_convert(row):
    src = row["ip"] if row["kind"] == "ip" else str(row["n"])
    assert convert(src) == row["convert"]


@pytest.mark.parametrize("n", [0, 1, 0x7F000001, 0xFFFF, 0x10000, 0xFFFFFFFE, 0xFFFFFFFF])
def test_round_trip(n):
    assert quint2uint(uint2quint(n)) == n
'''

LEAF_CHECK = '''"""Read the marquetarians' leaf tickets: each veneer packet's proquint must read back as the veneer book has it."""
from proquint import quint2uint, uint2quint

PACKETS = {
    "packet 7 (Ada Fretwell)": 0x7F000001,
    "packet 11 (Bram Inlay)": 0xC0A80117,
    "packet 19 (Cora Banding)": 0xFFFFFFFF,
}
VENEER_BOOK = {"packet 7 (Ada Fretwell)": "lusab-babad", "packet 11 (Bram Inlay)": "safom-babiv",
               "packet 19 (Cora Banding)": "zuzuz-zuzuz"}
CUTTERS = {"donkey 1": "Ada Fretwell", "donkey 2": "Bram Inlay", "donkey 3": "Cora Banding"}


class FretError(RuntimeError):
    """A packet's ticket did not read back as the veneer book has it: the leaves will not be cut."""


class InlayError(Exception):
    """The foreman stopped the inlay bench."""


def read_packets():
    out = {}
    for name, n in PACKETS.items():
        got = uint2quint(n)
        assert got == VENEER_BOOK[name], f"packet {name!r} ticketed {got!r}, the veneer book says {VENEER_BOOK[name]!r}"
        assert quint2uint(got) == n
        out[name] = got
    return out


def fret():
    try:
        return read_packets()
    except AssertionError as e:
        raise FretError("the leaves will not be cut: " + repr(e)) from e


def inlay():
    try:
        packets = fret()
        return [f"{name}: {ticket} ({CUTTERS['donkey 2']})" for name, ticket in packets.items()]
    except FretError as e:
        raise InlayError("inlay bench 2 stopped after packet 7000 (Bram Inlay, foreman Dai Shader)") from e


if __name__ == "__main__":
    print("\\n".join(inlay()))
'''

README = "# veneerworks\n\nThe marquetarians' leaf tickets (proquint 0.2.1, from its sdist).\n"

AUTHORS = ["Ada Fretwell <ada@marquetarians.test>", "Bram Inlay <bram@marquetarians.test>",
           "Cora Banding <cora@marquetarians.test>", "Dai Shader <dai@marquetarians.test>"]
GROUPS = [
    ([P + "__init__.py", P + "proquint.py"], "Add the leaf ticket codec (proquint)"),
    ([P + "utils.py", P + "__main__.py"], "IPv4 and hex helpers for the tickets"),
    (["README.md"], "Readme"),
    (["tests/leaf_labels.json"], "The veneer leaves of the workshop, as the codec tickets them"),
    (["tests/test_leaf_labels.py"], "Tests for the leaf tickets"),
    (["setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 71600; its script file is
    written as cope_drag.py by round 473's code and renamed to leaf_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, LEAF_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py leaf_check.py")
    r473.git(d, "commit -q -m 'Rename the leaf checker to leaf_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "bench_notes.txt").write_text("donkey 2 fretsaw blade snapping; re-cut packet 7 of burr walnut, shade the holly\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/donkey_{k:02d}_packet_sheet.txt": LEAF_CHECK.split("CUTTERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "veneerworks"
    d.mkdir(parents=True)
    sd = next(SRC.glob("proquint-0.2.1.tar.gz"))
    cm.run(f"tar xzf {sd} && mv proquint-0.2.1/* . && rmdir proquint-0.2.1", cwd=d)
    (d / "PKG-INFO").unlink()
    cm.run("rm -rf proquint.egg-info", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_leaf_labels.py": TEST_LABELS, "README.md": README})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "leaf_labels.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_leaf_labels.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_leaf_read", d, n_pytest)
    cap("pytest-v-label", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_leaf_label -k 'not leaf1'", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_leaf_convert", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_leaf_read -k 'leaf1'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_leaf_read {t}::test_leaf_convert {t}::test_round_trip; "
        "echo EXIT=$?", d, n_pytest,
        tty=True)
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_leaf_label -k 'leaf3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "leaf_check.py tests/test_leaf_labels.py proquint; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D leaf_check.py proquint", d,
        n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL proquint tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_leaf_labels.py leaf_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "proquint leaf_check.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python leaf_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev leaf_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P}proquint.py {P}utils.py leaf_check.py README.md "
        "tests/test_leaf_labels.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/leaf_labels.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~9 HEAD~3 -- ':!tests/leaf_labels.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}proquint.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |raise |ROWS' proquint tests/test_*.py "
        "leaf_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 71601
C_N = 40
C_ERRS = {4: "type", 9: "args", 16: "undeclared", 23: "semicolon", 30: "type", 36: "args"}
C_HDR = {12, 28}
C_LINK = {20}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "fretbench")


def step_c(tmp: Path) -> None:
    d = tmp / "fretbench"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Fretwell", "Bram Inlay", "Cora Banding", "Dai Shader", "Eda Stringing", "Fen Packet", "Gil Sawyer",
         "Hob Veneer", "Ina Holly", "Jory Burr"]
BENCHES = ["donkey 1"] * 9 + ["donkey 2"] * 7 + ["shading sand", "veneer press", "glue pot"]

WORKS_JOBS = "\n".join(
    [f"(exec -a 'fretsaw-donkey --bench {b} --cutter {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dai", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'veneer-book --packet {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 31, 2, 17], 1)]
    + ["(exec -a 'shading-sand --heat 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'veneer-press --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The workshop's veneer book (seed 71605) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "marquetarians"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,marquetarian,leaves,bench,thickness,pieces,finish,outcome"]
    for k in range(520):
        leaves = rnd.randint(1, 60) if k != 313 else 7000
        outcome = "split" if k == 79 else "scorched" if k == 431 else "laid"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{leaves},{rnd.choice(BENCHES)},"
                    f"{rnd.choice([0.6, 0.7, 0.9, 1.5])},{rnd.randint(0, 9)},{rnd.choice(['shellac', 'shellac', 'wax'])},"
                    f"{outcome}")
    (d / "veneer_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat veneer_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 veneer_book.csv", d, n_csv)
    cm.run("sqlite3 marquetarians.db \".import --csv veneer_book.csv leaves\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header marquetarians.db 'SELECT marquetarian, bench, leaves, "
        "thickness, outcome FROM leaves ORDER BY date'", d, n_sqlite_csv)
    loggers = ["shop.donkey", "shop.press", "shop.sand", "shop.store", "shop.api"]
    msgs = {
        "DEBUG": lambda r: f"leaf {r.randint(1, 90000)} cut at {r.randint(4, 60)} strokes a minute",
        "INFO": lambda r: f"request GET /packets/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"press {r.randint(1, 6)} glue {r.randint(5, 30)} per cent cold, leaves may lift",
        "ERROR": lambda r: f"fretsaw blade snapped on donkey {r.randint(1, 6)} at packet {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"shading sand {r.randint(1, 4)} scorching by bench {r.randint(1, 6)}: shop stopped by the foreman",
    }
    app_log(d / "workshop.log", SEED + 7, 2600, loggers, msgs, 7000, "2026-11-05")
    cap("app-log-tail", "tail -n 900 workshop.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' workshop.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKS_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR veneerworks fretbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "proquint-0.2.1.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide716-js", "vitest",
                   ["proquint@0.0.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide716_js as js  # proquint: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide716", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean716
    cm.clean_lines = clean716
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide716-", OUT, TMP)
