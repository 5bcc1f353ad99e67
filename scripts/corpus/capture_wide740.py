#!/usr/bin/env python3
"""Round 740: issue #11's kinds with colour and terminal control forced on, in round 732's item list and layout (round
732's module imported: round 368's runner and clean-up, its shop-job and C shapes), on the real PyPI package luhnpy
1.0.0 (its sdist) with bugs put in and a pytest suite written here, a seeded C project (round 279's generator), a
JavaScript part (the npm package node-luhn 1.0.0, vitest / eslint / tsc, capture_wide740_js.py) and tables and a
service log, a reed maker's names (loom reeds, dents, baulks, wires, reedmakers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors round 732 imported. The git history is round 473's `history`, imported and called with this round's
authors, groups, script and seed. See NEEDLES.md, round 740.

Usage:   .venv/bin/python scripts/corpus/capture_wide740.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide740.json, ids prefixed "wide740-".
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
import capture_wide732 as r732  # noqa: E402  (the round this one follows: its runner set-up and shapes)
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

ROOT = Path("/dev/shm/hm-corpus-wide740-tools")
TMP = Path("/dev/shm/hm-corpus-wide740")
OUT = HERE / "data" / "wide740.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 74000
SDIST = "luhnpy==1.0.0"

r368.VENV = VENV
cap = r368.cap
clean740 = r368.clean368

P = "luhnpy.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (P, "(n % 10 + 1) if n > 9 else n", "(n % 10 + 1) if n > 10 else n"),
    (P, "return (10 - _checksum(string + '0')) % 10", "return (10 - _checksum(string + '0')) % 11"),
    (P, "return _checksum(string) % 10 == 0", "return _checksum(string) % 10 in (0, 9)"),
]

WORDS = ["loom reed", "dent", "baulk", "wire", "pitch", "reed hook", "binder", "split cane", "brass wire", "gauge",
         "count", "shaft", "heald", "shuttle", "warp", "weft", "tar band", "porter"]

FIXTURES_PY = f'''import json, random
import luhnpy

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["reed", "reed", "short", "nines", "long", "bad", "fives"])
    if kind == "short":
        n = str(rnd.randint(0, 99))
    elif kind == "nines":
        n = "".join(rnd.choice("9995") for _ in range(rnd.randint(4, 16)))
    elif kind == "fives":
        n = "".join(rnd.choice("5556") for _ in range(rnd.randint(6, 14)))
    elif kind == "long":
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(17, 30)))
    else:
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(6, 16)))
    check = str(luhnpy.digit(n))
    full = luhnpy.complete(n)
    probe = full if kind != "bad" else full[:-1] + str((int(full[-1]) + 3) % 10)
    rows.append({{"id": f"reed{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "number": n, "check": check, "full": full, "probe": probe, "valid": luhnpy.verify(probe)}})
with open("tests/reed_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_REEDS = '''"""The reedmakers' loom-reed numbers against luhnpy: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import luhnpy

ROWS = json.loads((pathlib.Path(__file__).parent / "reed_numbers.json").read_text())
PLAIN = [r for r in ROWS if r["kind"] != "fives"]
FIVES = [r for r in ROWS if r["kind"] == "fives"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_reed_check(row):
    assert str(luhnpy.digit(row["number"])) == row["check"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_reed_valid(row):
    assert luhnpy.verify(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", FIVES, ids=[r["id"] for r in FIVES])
def test_reed_fives(row):
    assert luhnpy.complete(row["number"]) == row["full"]
    assert luhnpy.verify(row["probe"]) is row["valid"]


@pytest.mark.parametrize("n", ["0", "18", "59", "91", "99", "7992739871", "4999999999999999", "4205092350249"])
def test_round_trip(n):
    assert luhnpy.verify(luhnpy.complete(n))
'''

REED_CHECK = '''"""Read the reedmakers' reed tickets: each loom reed's number must carry the check digit the reed book has."""
import luhnpy

REEDS = {
    "reed 7 (Ada Dentwell)": "79927398",
    "reed 11 (Bram Baulk)": "4999999999",
    "reed 19 (Cora Pitch)": "9",
}
REED_BOOK = {"reed 7 (Ada Dentwell)": "799273987", "reed 11 (Bram Baulk)": "49999999993",
             "reed 19 (Cora Pitch)": "91"}
MAKERS = {"reed 1": "Ada Dentwell", "reed 2": "Bram Baulk", "reed 3": "Cora Pitch"}


class DentError(RuntimeError):
    """A reed's ticket did not carry the reed book's check digit: the dents will not be bound."""


class ReedError(Exception):
    """The foreman stopped the binding bench."""


def read_reeds():
    out = {}
    for name, n in REEDS.items():
        got = luhnpy.complete(n)
        assert got == REED_BOOK[name], f"reed {name!r} ticketed {got!r}, the reed book says {REED_BOOK[name]!r}"
        assert luhnpy.verify(got)
        out[name] = got
    return out


def bind():
    try:
        return read_reeds()
    except AssertionError as e:
        raise DentError("the dents will not be bound: " + repr(e)) from e


def wire():
    try:
        reeds = bind()
        return [f"{name}: {ticket} ({MAKERS['reed 2']})" for name, ticket in reeds.items()]
    except DentError as e:
        raise ReedError("binding bench 3 stopped after dent 412 (Bram Baulk, foreman Dai Porter)") from e


if __name__ == "__main__":
    print("\\n".join(wire()))
'''

README = "luhnpy\n======\n\nA minimalistic implementation of Luhn algorithm.\n\n" \
         "The reedmakers' reed tickets (luhnpy 1.0.0, from its sdist).\n"

AUTHORS = ["Ada Dentwell <ada@reedmakers.test>", "Bram Baulk <bram@reedmakers.test>",
           "Cora Pitch <cora@reedmakers.test>", "Dai Porter <dai@reedmakers.test>"]
GROUPS = [
    ([P], "Add the reed ticket check digits (luhnpy)"),
    (["README.md"], "Readme"),
    (["tests/reed_numbers.json"], "The loom reeds of the shop, as the check digits ticket them"),
    (["tests/test_reed_numbers.py"], "Tests for the reed tickets"),
    (["setup.cfg", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 74000; its script file is
    written as cope_drag.py by round 473's code and renamed to reed_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, REED_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py reed_check.py")
    r473.git(d, "commit -q -m 'Rename the reed checker to reed_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "reedshop_notes.txt").write_text("reed 2 dents loose in the tar band; re-wire baulk 7, re-bind the pitch\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/reed_{k:02d}_dent_sheet.txt": REED_CHECK.split("MAKERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "reedshop"
    d.mkdir(parents=True)
    sd = next(SRC.glob("luhnpy-1.0.0.tar.gz"))
    cm.run(f"tar xzf {sd} && mv luhnpy-1.0.0/* . && rmdir luhnpy-1.0.0", cwd=d)
    (d / "PKG-INFO").unlink()
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_reed_numbers.py": TEST_REEDS})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "reed_numbers.json").exists()
    assert (d / P).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=.'"
    t = "tests/test_reed_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_reed_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_reed_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_reed_fives", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_reed_check", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_reed_check {t}::test_reed_valid "
        f"{t}::test_round_trip; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_reed_check -k 'reed3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "reed_check.py tests luhnpy.py setup.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D reed_check.py luhnpy.py tests "
        "setup.py", d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL luhnpy.py tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_reed_numbers.py reed_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental "
        "--ignore-missing-imports luhnpy.py reed_check.py tests/test_reed_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python reed_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev reed_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} reed_check.py README.md tests/test_reed_numbers.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/reed_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/reed_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' luhnpy.py tests/test_*.py "
        "reed_check.py setup.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 74001
MAKEFILE = r458n.MAKEFILE.replace("tappet", "dentbench")


def step_c(tmp: Path) -> None:
    d = tmp / "dentbench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Dentwell", "Bram Baulk", "Cora Pitch", "Dai Porter", "Eda Wirer", "Fen Gauge", "Gil Binder",
         "Hob Healder", "Ina Shaft", "Jory Caner"]
BENCHES = ["binding 1"] * 9 + ["binding 2"] * 7 + ["wire drawing", "tarring", "gauge room"]

SHOP_JOBS = "\n".join(
    [f"(exec -a 'reed-bind --bench {b} --maker {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dai", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'reed-book --dent {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 27, 2, 17], 1)]
    + ["(exec -a 'wire-draw --gauge 32' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'tar-band --bench 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The reedmakers' reed book (seed 74005) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "reedmakers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,maker,dents,bench,inches,rejects,wire,outcome"]
    for k in range(520):
        dents = rnd.randint(1, 60) if k != 313 else 412
        outcome = "loose" if k == 79 else "warped" if k == 431 else "bound"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{dents},{rnd.choice(BENCHES)},"
                    f"{rnd.choice([36, 40, 45, 54])},{rnd.randint(0, 9)},{rnd.choice(['brass', 'steel', 'cane'])},"
                    f"{outcome}")
    (d / "reed_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat reed_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 reed_book.csv", d, n_csv)
    cm.run("sqlite3 reedmakers.db \".import --csv reed_book.csv reeds\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header reedmakers.db 'SELECT maker, bench, dents, "
        "inches, outcome FROM reeds ORDER BY date'", d, n_sqlite_csv)
    loggers = ["reedshop.bind", "reedshop.wire", "reedshop.tar", "reedshop.store", "reedshop.api"]
    msgs = {
        "DEBUG": lambda r: f"dent {r.randint(1, 90000)} set at {r.randint(4, 60)} dents an inch",
        "INFO": lambda r: f"request GET /reeds/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"bench {r.randint(1, 6)} wire gauge {r.randint(5, 30)} thou off, dents may loosen",
        "ERROR": lambda r: f"baulk split on bench {r.randint(1, 6)} at dent {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"tar pot {r.randint(1, 4)} boiled over by bench {r.randint(1, 6)}: shop stopped by the foreman",
    }
    app_log(d / "dentwire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 dentwire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' dentwire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR reedshop dentbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "luhnpy-1.0.0.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide740-js", "vitest",
                   ["node-luhn@1.0.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide740_js as js  # node-luhn: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide740", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean740
    cm.clean_lines = clean740
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide740-", OUT, TMP)
