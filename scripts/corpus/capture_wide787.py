#!/usr/bin/env python3
"""Round 787: issue #11's kinds with colour and terminal control forced on, in round 748's item list and layout (rounds
740 and 748's modules imported: their runner set-up, C Makefile and shop-job shapes, round 732's C shapes), on the real
PyPI package gtin-validator 1.0.3 (its sdist) with bugs put in and a pytest suite written here, a seeded C project
(round 279's generator), a JavaScript part (the npm package node-verhoeff 0.0.11, vitest / eslint / tsc,
capture_wide787_js.py) and tables and a service log, a slater's names (slates, battens, nibs, rivets, slaters); no new
rules.

Every tool runs with colour forced (FORCE_COLOR, CLICOLOR_FORCE, --color=always ...) or under `script -qec CMD
/dev/null` (round 368's `cap`, imported, pointed at this round's venv); `text` is the raw output decoded; needles are
read on round 368's lossless clean-up (`clean368`) by the extractors round 748 imported. See NEEDLES.md, round 787.

Tools: Python 3.11 venv under /dev/shm/hm-corpus-wide787/venv (pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, setuptools
68.2.2, wheel 0.42.0, six), gtin-validator 1.0.3 (sdist), gcc 12.2.0, GNU make 4.3, git 2.39.5, sqlite3 3.40.1; npm
project /dev/shm/hm-corpus-wide787/js (node-verhoeff 0.0.11, vitest 2.1.9, eslint 9.39.5, typescript 5.9.3).

Usage:   .venv/bin/python scripts/corpus/capture_wide787.py
Writes:  scripts/corpus/data/wide787.json, ids prefixed "wide787-".
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
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
import capture_wide732 as r732  # noqa: E402  (its C shapes)
import capture_wide740 as r740  # noqa: E402  (its Makefile and shop jobs)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide279 import gen_c, spread_warns  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide787")
TMP = Path("/dev/shm/hm-corpus-wide787-run")
OUT = HERE / "data" / "wide787.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 78700
SDIST = "gtin-validator==1.0.3"

r368.VENV = VENV
cap = r368.cap
clean787 = r368.clean368

P = "gtin/validator.py"
BUGS = [
    (P, 'return code.replace("-", "").strip()', "return code.strip()"),
    (P, "len(code) not in (8, 12, 13, 14, 18)", "len(code) not in (8, 13, 14, 18)"),
    (P, "check_digit = (10 - (total % 10)) % 10", "check_digit = 10 - (total % 10)"),
]

WORDS = ["slate", "batten", "nib", "rivet", "ridge", "eave", "valley", "hip", "lath", "tilting fillet", "verge",
         "soaker", "flashing", "sarking", "headlap", "slaters hammer", "ripper", "sax"]

FIXTURES_PY = f'''import json, random
from gtin.validator import add_check_digit, is_valid_GTIN

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["slate", "slate", "upc", "gtin8", "gtin14", "bad", "dashed"])
    size = {{"upc": 11, "gtin8": 7, "gtin14": 13}}.get(kind, 12)
    n = "".join(str(rnd.randint(0, 9)) for _ in range(size))
    full = add_check_digit(n)
    code = full[-(size + 1):]
    probe = code
    if kind == "bad":
        probe = code[:-1] + str((int(code[-1]) + 3) % 10)
    elif kind == "dashed":
        probe = code[:1] + "-" + code[1:7] + "-" + code[7:]
    rows.append({{"id": f"slate{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}",
                 "kind": kind, "number": n, "full": full, "code": code, "probe": probe,
                 "valid": is_valid_GTIN(probe)}})
with open("tests/slate_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_SLATES = '''"""The slaters' slate numbers (GTINs) against gtin-validator: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from gtin.validator import add_check_digit, is_valid_GTIN

ROWS = json.loads((pathlib.Path(__file__).parent / "slate_numbers.json").read_text())
PLAIN = [r for r in ROWS if r["kind"] != "dashed"]
DASHED = [r for r in ROWS if r["kind"] == "dashed"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_slate_check(row):
    assert add_check_digit(row["number"]) == row["full"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_slate_valid(row):
    assert is_valid_GTIN(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", DASHED, ids=[r["id"] for r in DASHED])
def test_slate_dashed(row):
    assert is_valid_GTIN(row["probe"]) is row["valid"]
    assert add_check_digit(row["probe"][:-1]) == row["full"]


@pytest.mark.parametrize("n", ["96385074", "036000291452", "4006381333931", "05012345678900", "9780306406157",
                               "501234567890", "08712345000011"])
def test_round_trip(n):
    assert is_valid_GTIN(add_check_digit(n[:-1]))
'''

SLATE_CHECK = '''"""Read the slaters' slate tickets: each pallet's GTIN must carry the check digit the slate book has."""
from gtin.validator import add_check_digit

SLATES = {
    "pallet 7 (Ada Batten)": "501234567890",
    "pallet 11 (Bram Rivet)": "400638133393",
    "pallet 19 (Cora Nib)": "9638507",
}
SLATE_BOOK = {"pallet 7 (Ada Batten)": "05012345678900", "pallet 11 (Bram Rivet)": "04006381333931",
              "pallet 19 (Cora Nib)": "00000096385074"}
SLATERS = {"roof 1": "Ada Batten", "roof 2": "Bram Rivet", "roof 3": "Cora Nib"}


class BattenError(RuntimeError):
    """A pallet's ticket did not carry the slate book's check digit: the battens will not be set out."""


class RivetError(Exception):
    """The foreman stopped the roof."""


def read_slates():
    out = {}
    for name, n in SLATES.items():
        got = add_check_digit(n)
        assert got == SLATE_BOOK[name], f"{name!r} ticketed {got!r}, the slate book says {SLATE_BOOK[name]!r}"
        out[name] = got
    return out


def batten():
    try:
        return read_slates()
    except AssertionError as e:
        raise BattenError("the battens will not be set out: " + repr(e)) from e


def roof():
    try:
        slates = batten()
        return [f"{name}: {ticket} ({SLATERS['roof 2']})" for name, ticket in slates.items()]
    except BattenError as e:
        raise RivetError("roof 3 stopped after course 412 (Bram Rivet, foreman Dai Hammer)") from e


if __name__ == "__main__":
    print("\\n".join(roof()))
'''

README = "gtin-validator\n==============\n\nValidator for Global Trade Item Numbers (GTIN).\n\n" \
         "The slaters' slate pallet tickets (gtin-validator 1.0.3, from its sdist).\n"

AUTHORS = ["Ada Batten <ada@slaters.test>", "Bram Rivet <bram@slaters.test>",
           "Cora Nib <cora@slaters.test>", "Dai Hammer <dai@slaters.test>"]
GROUPS = [
    ([P, "gtin/__init__.py"], "Add the slate ticket check (gtin-validator)"),
    (["README.md"], "Readme"),
    (["tests/slate_numbers.json"], "The slates of the yard, as the check digits ticket them"),
    (["tests/test_slate_numbers.py"], "Tests for the slate tickets"),
    (["setup.cfg", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported) as rounds 740 and 748 call it, with this round's authors, groups, script, seed."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, SLATE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py slate_check.py")
    r473.git(d, "commit -q -m 'Rename the slate checker to slate_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "slateshop_notes.txt").write_text("roof 2 nib broken on course 9; re-rivet slate 7, re-batten the verge\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/roof_{k:02d}_course_sheet.txt": SLATE_CHECK.split("SLATERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "slateshop"
    d.mkdir(parents=True)
    sd = next(SRC.glob("gtin-validator-1.0.3.tar.gz"))
    cm.run(f"tar --no-same-owner -xzf {sd} && mv gtin-validator-1.0.3/* . && rmdir gtin-validator-1.0.3 && rm -rf "
           "gtin_validator.egg-info", cwd=d)
    (d / "PKG-INFO").unlink()
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_slate_numbers.py": TEST_SLATES})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "slate_numbers.json").exists()
    assert (d / P).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=.'"
    t = "tests/test_slate_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_slate_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_slate_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_slate_dashed", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_slate_valid", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_slate_check {t}::test_slate_valid "
        f"{t}::test_round_trip; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_slate_valid -k 'slate3'", d, n_pytest)
    cap("pytest-unittest-tty", f"python -m pytest -v {ign} gtin/validator_test.py", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "slate_check.py tests gtin setup.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D slate_check.py gtin tests "
        "setup.py", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {P} tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_slate_numbers.py slate_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental "
        f"--ignore-missing-imports {P} slate_check.py tests/test_slate_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python slate_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev slate_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} slate_check.py README.md tests/test_slate_numbers.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/slate_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/slate_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' {P} tests/test_*.py "
        "slate_check.py setup.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 78701
MAKEFILE = r740.MAKEFILE.replace("dentbench", "battenbench")


def step_c(tmp: Path) -> None:
    d = tmp / "battenbench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Batten", "Bram Rivet", "Cora Nib", "Dai Hammer", "Eda Ridge", "Fen Lath", "Gil Verge", "Hob Soaker",
         "Ina Valley", "Jory Eave"]
ROOFS = ["roof 1"] * 9 + ["roof 2"] * 7 + ["chapel spire", "bell cote", "dormer"]
RENAMES = (("reed-bind", "slate-hang"), ("reed-book --dent", "slate-book --course"),
           ("wire-draw --gauge", "rivet-punch --gauge"), ("tar-band", "batten-saw"), ("--maker ada", "--maker ada"))
SHOP_JOBS = r740.SHOP_JOBS
for _old, _new in RENAMES:
    SHOP_JOBS = SHOP_JOBS.replace(_old, _new)


def step_tables(tmp: Path) -> None:
    """The slaters' slate book (seed 78705) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "slaters"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,slater,slates,roof,gauge_in,broken,stone,outcome"]
    for k in range(520):
        slates = rnd.randint(1, 60) if k != 313 else 412
        outcome = "slipped" if k == 79 else "cracked" if k == 431 else "hung"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{slates},{rnd.choice(ROOFS)},"
                    f"{rnd.choice([7, 8, 9, 10])},{rnd.randint(0, 9)},{rnd.choice(['welsh', 'westmorland', 'spanish'])},"
                    f"{outcome}")
    (d / "slate_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat slate_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 slate_book.csv", d, n_csv)
    cm.run("sqlite3 slatersdb.db \".import --csv slate_book.csv slates\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header slatersdb.db 'SELECT slater, roof, slates, "
        "gauge_in, outcome FROM slates ORDER BY date'", d, n_sqlite_csv)
    loggers = ["slateshop.hang", "slateshop.batten", "slateshop.rivet", "slateshop.store", "slateshop.api"]
    msgs = {
        "DEBUG": lambda r: f"slate {r.randint(1, 90000)} holed at {r.randint(4, 60)} mm from the tail",
        "INFO": lambda r: f"request GET /slates/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"roof {r.randint(1, 6)} batten {r.randint(5, 30)} mm off gauge, the headlap may open",
        "ERROR": lambda r: f"nib sheared on roof {r.randint(1, 6)} at course {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"rivet press {r.randint(1, 4)} jammed by roof {r.randint(1, 6)}: yard stopped by the foreman",
    }
    app_log(d / "rivetwire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 rivetwire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' rivetwire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        # the sandbox's own processes (lines holding binary_backend) are filtered out
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem | grep -v binary_backend", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR slateshop battenbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0", "six"])
    cm.download_sdists(SRC, "gtin-validator-1.0.3.tar.gz", [SDIST])
    cm.install_npm(ROOT / "js", "vitest",
                   ["node-verhoeff@0.0.11", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide787_js as js  # node-verhoeff: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide787", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean787
    cm.clean_lines = clean787
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide787-", OUT, TMP)
    drop_and_check(OUT)
