#!/usr/bin/env python3
"""Round 802: issue #11's kinds with colour and terminal control forced on, in round 787's item list and layout (rounds
740 and 787's modules imported: their runner set-up, C Makefile and shop-job shapes, round 732's C shapes), on the real
PyPI package pesel 0.4.0 (its sdist) with bugs put in and a pytest suite written here, a seeded C project (round 279's
generator), a JavaScript part (the npm package ean13-lib 0.0.5, vitest / eslint / tsc, capture_wide802_js.py) and
tables and a service log, a chair bodger's names (billets, pole lathes, spindles, stretchers, bodgers); no new rules.

Every tool runs with colour forced (FORCE_COLOR, CLICOLOR_FORCE, --color=always ...) or under `script -qec CMD
/dev/null` (round 368's `cap`, imported, pointed at this round's venv); `text` is the raw output decoded; needles are
read on round 368's lossless clean-up (`clean368`) by the extractors round 787 imported. See NEEDLES.md, round 802.

Tools: Python 3.11 venv under /dev/shm/hm-corpus-wide802/venv (pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, setuptools
68.2.2, wheel 0.42.0), pesel 0.4.0 (sdist; poetry-core 2.5.0 as its build backend for `pip install`), gcc 12.2.0,
GNU make 4.3, git 2.39.5, sqlite3 3.40.1; npm project /dev/shm/hm-corpus-wide802/js (ean13-lib 0.0.5, vitest 2.1.9,
eslint 9.39.5, typescript 5.9.3).

Usage:   .venv/bin/python scripts/corpus/capture_wide802.py
Writes:  scripts/corpus/data/wide802.json, ids prefixed "wide802-".
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

ROOT = Path("/dev/shm/hm-corpus-wide802")
TMP = Path("/dev/shm/hm-corpus-wide802-run")
OUT = HERE / "data" / "wide802.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 80200
SDIST = "pesel==0.4.0"

r368.VENV = VENV
cap = r368.cap
clean802 = r368.clean368

P = "src/pesel/pesel.py"
BUGS = [
    (P, "WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)", "WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 3, 1)"),
    (P, "calculated_year = PeselConst.YEAR_BASE.value + 5 * offset + year",
     "calculated_year = PeselConst.YEAR_BASE.value + 4 * offset + year"),
    (P, 'return "male" if int(self._pesel[-2]) % 2 else "female"',
     'return "male" if int(self._pesel[-1]) % 2 else "female"'),
]

WORDS = ["billet", "spindle", "stretcher", "pole lathe", "leg", "seat", "bow", "splat", "froe", "drawknife",
         "shaving horse", "spokeshave", "treadle", "mandrel", "rung", "crest rail", "tenon", "bodgers hut"]


def pesel_digit(first10: str) -> str:
    """PESEL's check digit (weights 1 3 7 9 1 3 7 9 1 3), for the literal numbers written into the scripts below."""
    s = sum(w * int(c) for w, c in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), first10))
    return first10 + str((10 - s % 10) % 10)


KNOWN = [pesel_digit(n) for n in ("4405140135", "0207080362", "8712311233", "0123456778", "9901010999",
                                  "2504172441", "0029010155")]

FIXTURES_PY = f'''import json, random
from pesel import Pesel

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["bodger", "bodger", "y2k", "y1800", "bad", "int", "short"])
    year = {{"y2k": rnd.randint(2000, 2024), "y1800": rnd.randint(1850, 1899)}}.get(kind, rnd.randint(1930, 1999))
    month, day = rnd.randint(1, 12), rnd.randint(1, 28)
    first10 = (f"{{year % 100:02d}}{{month + Pesel._Pesel__month_offset(year):02d}}{{day:02d}}"
               f"{{rnd.randint(0, 999):03d}}{{rnd.randint(0, 9)}}")
    code = first10 + Pesel.checksum(first10)
    probe = code
    if kind == "bad":
        probe = code[:-1] + str((int(code[-1]) + 3) % 10)
    elif kind == "int":
        probe = int(code)
    elif kind == "short":
        probe = code[:-1]
    p = Pesel(code)
    rows.append({{"id": f"bodger{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}",
                 "kind": kind, "first10": first10, "check": code[-1], "code": code, "probe": probe,
                 "valid": Pesel.validate(probe), "year": p.year, "month": p.month, "day": p.day,
                 "gender": p.gender}})
with open("tests/bodger_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_BODGERS = f'''"""The bodgers' wood-lot permits (PESEL numbers) against pesel: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from pesel import Pesel

ROWS = json.loads((pathlib.Path(__file__).parent / "bodger_numbers.json").read_text())
PLAIN = [r for r in ROWS if r["kind"] not in ("int", "short")]
ODD = [r for r in ROWS if r["kind"] in ("int", "short")]
BORN = [r for r in ROWS if r["kind"] in ("bodger", "y2k", "y1800")]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_bodger_check(row):
    assert Pesel.checksum(row["first10"]) == row["check"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_bodger_valid(row):
    assert Pesel.validate(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", ODD, ids=[r["id"] for r in ODD])
def test_bodger_odd(row):
    assert Pesel.validate(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", BORN, ids=[r["id"] for r in BORN])
def test_bodger_birth(row):
    p = Pesel(row["code"])
    assert (p.year, p.month, p.day) == (row["year"], row["month"], row["day"])
    assert p.gender == row["gender"]


@pytest.mark.parametrize("n", {KNOWN!r})
def test_known(n):
    assert Pesel.validate(n)
    assert Pesel(n).date.year > 1899
'''

BODGERS = {"lot 7 (Ada Billet)": pesel_digit("8703141233"), "lot 11 (Bram Lathe)": pesel_digit("0427215577"),
           "lot 19 (Cora Spindle)": pesel_digit("6511300022")}
BODGE_CHECK = f'''"""Read the bodgers' wood-lot permits: each bodger's PESEL must read the birth year the parish register has."""
from pesel import Pesel

PERMITS = {BODGERS!r}
REGISTER = {{"lot 7 (Ada Billet)": 1987, "lot 11 (Bram Lathe)": 2004, "lot 19 (Cora Spindle)": 1965}}
BODGERS = {{"wood 1": "Ada Billet", "wood 2": "Bram Lathe", "wood 3": "Cora Spindle"}}


class PoleLatheError(RuntimeError):
    """A permit did not read the register's birth year: the pole lathes will not be set up."""


class StretcherError(Exception):
    """The chair master stopped the chairs."""


def read_permits():
    out = {{}}
    for name, number in PERMITS.items():
        born = Pesel(number).year
        assert born == REGISTER[name], f"{{name!r}} permit {{number}} reads born {{born}}, the register says {{REGISTER[name]}}"
        out[name] = born
    return out


def pole_lathe():
    try:
        return read_permits()
    except AssertionError as e:
        raise PoleLatheError("the pole lathes will not be set up: " + repr(e)) from e


def chairs():
    try:
        permits = pole_lathe()
        return [f"{{name}}: born {{born}} ({{BODGERS['wood 2']}})" for name, born in permits.items()]
    except PoleLatheError as e:
        raise StretcherError("chair 3 stopped after stretcher 412 (Bram Lathe, chair master Dai Froe)") from e


if __name__ == "__main__":
    print("\\n".join(chairs()))
'''

README = "pesel\n=====\n\nPESEL numbers: validate, read the birth date and gender, generate.\n\n" \
         "The bodgers' wood-lot permits (pesel 0.4.0, from its sdist).\n"

AUTHORS = ["Ada Billet <ada@bodgers.test>", "Bram Lathe <bram@bodgers.test>",
           "Cora Spindle <cora@bodgers.test>", "Dai Froe <dai@bodgers.test>"]
GROUPS = [
    ([P, "src/pesel/__init__.py"], "Add the wood-lot permit check (pesel)"),
    (["README.md"], "Readme"),
    (["tests/bodger_numbers.json"], "The bodgers of the wood, as their permits number them"),
    (["tests/test_bodger_numbers.py"], "Tests for the permits"),
    (["pyproject.toml", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported) as rounds 740, 748 and 787 call it, with this round's authors, groups, script."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, BODGE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py bodge_check.py")
    r473.git(d, "commit -q -m 'Rename the permit checker to bodge_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "chairshop_notes.txt").write_text("pole lathe 2 bungee slack; re-turn spindle 7, re-bore the stretchers\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/chair_{k:02d}_billet_sheet.txt": BODGE_CHECK.split("class ")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "chairshop"
    d.mkdir(parents=True)
    sd = next(SRC.glob("pesel-0.4.0.tar.gz"))
    cm.run(f"tar --no-same-owner -xzf {sd} && mv pesel-0.4.0/* . && rmdir pesel-0.4.0", cwd=d)
    (d / "PKG-INFO").unlink()
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_bodger_numbers.py": TEST_BODGERS})
    cm.run(f"PYTHONPATH=src {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "bodger_numbers.json").exists()
    assert (d / P).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=src'"
    t = "tests/test_bodger_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_bodger_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_bodger_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_known {t}::test_bodger_odd", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_bodger_birth", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_bodger_check {t}::test_bodger_valid "
        f"{t}::test_known; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_bodger_birth -k 'bodger3'", d,
        n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "bodge_check.py tests src setup.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D bodge_check.py src tests "
        "setup.py", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {P} tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_bodger_numbers.py bodge_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && MYPYPATH=src python -m mypy --color-output --strict --no-incremental "
        f"--ignore-missing-imports {P} src/pesel/main.py bodge_check.py tests/test_bodger_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=src python bodge_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=src python -X dev bodge_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} bodge_check.py README.md tests/test_bodger_numbers.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/bodger_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/bodger_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' {P} tests/test_*.py "
        "bodge_check.py setup.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0 poetry-core==2.5.0",
           env=cm.PIP_ENV, timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 80201
MAKEFILE = r740.MAKEFILE.replace("dentbench", "lathebench")


def step_c(tmp: Path) -> None:
    d = tmp / "lathebench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Billet", "Bram Lathe", "Cora Spindle", "Dai Froe", "Eda Stretcher", "Fen Treadle", "Gil Rung",
         "Hob Drawknife", "Ina Mandrel", "Jory Splat"]
WOODS = ["beech"] * 9 + ["ash"] * 7 + ["elm", "cherry", "yew"]
RENAMES = (("reed-bind", "lathe-turn"), ("reed-book --dent", "billet-book --stretcher"),
           ("wire-draw --gauge", "spindle-shave --gauge"), ("tar-band", "froe-split"))
SHOP_JOBS = r740.SHOP_JOBS
for _old, _new in RENAMES:
    assert _old in SHOP_JOBS, _old
    SHOP_JOBS = SHOP_JOBS.replace(_old, _new)


def step_tables(tmp: Path) -> None:
    """The bodgers' billet book (seed 80205) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "bodgers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,bodger,billets,wood,length_in,rejects,lathe,outcome"]
    for k in range(520):
        billets = rnd.randint(1, 60) if k != 313 else 412
        outcome = "split" if k == 79 else "shaken" if k == 431 else "turned"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{billets},{rnd.choice(WOODS)},"
                    f"{rnd.choice([14, 16, 18, 20])},{rnd.randint(0, 9)},{rnd.choice(['pole', 'bow', 'treadle'])},"
                    f"{outcome}")
    (d / "billet_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat billet_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 billet_book.csv", d, n_csv)
    cm.run("sqlite3 bodgersdb.db \".import --csv billet_book.csv billets\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header bodgersdb.db 'SELECT bodger, wood, billets, "
        "length_in, outcome FROM billets ORDER BY date'", d, n_sqlite_csv)
    loggers = ["chairshop.lathe", "chairshop.billet", "chairshop.stretcher", "chairshop.store", "chairshop.api"]
    msgs = {
        "DEBUG": lambda r: f"billet {r.randint(1, 90000)} cleft at {r.randint(4, 60)} mm from the heart",
        "INFO": lambda r: f"request GET /billets/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"pole lathe {r.randint(1, 6)} spindle {r.randint(5, 30)} mm out of round, the tenon may slop",
        "ERROR": lambda r: f"stretcher split on chair {r.randint(1, 6)} at mortise {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"pole lathe {r.randint(1, 4)} bungee snapped on chair {r.randint(1, 6)}: wood stopped by the chair master",
    }
    app_log(d / "lathewire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 lathewire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' lathewire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        # the sandbox's own processes (lines holding binary_backend) are filtered out
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem | grep -v binary_backend", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR chairshop lathebench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "pesel-0.4.0.tar.gz", [SDIST])
    cm.install_npm(ROOT / "js", "vitest",
                   ["ean13-lib@0.0.5", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide802_js as js  # ean13-lib: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide802", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean802
    cm.clean_lines = clean802
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide802-", OUT, TMP)
    drop_and_check(OUT)
