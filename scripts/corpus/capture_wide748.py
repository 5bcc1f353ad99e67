#!/usr/bin/env python3
"""Round 748: issue #11's kinds with colour and terminal control forced on, in round 740's item list and layout (round
740's module imported: its runner set-up, C Makefile and shop-job shapes, round 732's C shapes), on the real PyPI
package luhnmod10 1.0.2 (its sdist) with bugs put in and a pytest suite written here, a seeded C project (round 279's
generator), a JavaScript part (the npm package luhn-js 1.1.2, vitest / eslint / tsc, capture_wide748_js.py) and tables
and a service log, an oar maker's names (looms, blades, collars, leathers, oarmakers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors round 740 imported. See NEEDLES.md, round 748.

Usage:   .venv/bin/python scripts/corpus/capture_wide748.py
Writes:  scripts/corpus/data/wide748.json, ids prefixed "wide748-".
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
import capture_wide740 as r740  # noqa: E402  (the round this one follows)
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

ROOT = Path("/dev/shm/hm-corpus-wide748-tools")
TMP = Path("/dev/shm/hm-corpus-wide748")
OUT = HERE / "data" / "wide748.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 74800
SDIST = "luhnmod10==1.0.2"

r368.VENV = VENV
cap = r368.cap
clean748 = r368.clean368

P = "luhnmod10/__init__.py"
BUGS = [
    (P, "if n > 9:", "if n > 10:"),
    (P, "i = number_len - 1\n    while i >= 0:", "i = number_len - 1\n    while i > 0:"),
    (P, "return checksum%10 == 0", "return checksum%10 in (0, 9)"),
]

WORDS = ["loom", "blade", "collar", "leather", "button", "shaft", "spoon", "tip", "grip", "handle", "rigger",
         "scull", "sweep", "ash plank", "spruce", "varnish", "rowlock", "gate"]

FIXTURES_PY = f'''import json, random
import luhnmod10


def digit(n):
    return next(str(d) for d in range(10) if luhnmod10.valid(n + str(d)))


rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["oar", "oar", "short", "nines", "long", "bad", "fives"])
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
    check = digit(n)
    full = n + check
    probe = full if kind != "bad" else full[:-1] + str((int(full[-1]) + 3) % 10)
    rows.append({{"id": f"oar{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "number": n, "check": check, "full": full, "probe": probe, "valid": luhnmod10.valid(probe)}})
with open("tests/oar_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_OARS = '''"""The oarmakers' oar numbers against luhnmod10: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import luhnmod10

ROWS = json.loads((pathlib.Path(__file__).parent / "oar_numbers.json").read_text())
PLAIN = [r for r in ROWS if r["kind"] != "fives"]
FIVES = [r for r in ROWS if r["kind"] == "fives"]


def digit(n):
    return next((str(d) for d in range(10) if luhnmod10.valid(n + str(d))), None)


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_oar_check(row):
    assert digit(row["number"]) == row["check"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_oar_valid(row):
    assert luhnmod10.valid(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", FIVES, ids=[r["id"] for r in FIVES])
def test_oar_fives(row):
    assert row["number"] + digit(row["number"]) == row["full"]
    assert luhnmod10.valid(row["probe"]) is row["valid"]


@pytest.mark.parametrize("n", ["00", "18", "59", "91", "79927398713", "4999999999999999", "42050923502490"])
def test_round_trip(n):
    assert luhnmod10.valid(n[:-1] + digit(n[:-1]))
'''

OAR_CHECK = '''"""Read the oarmakers' oar tickets: each oar's number must carry the check digit the oar book has."""
import luhnmod10

OARS = {
    "oar 7 (Ada Loomer)": "79927398",
    "oar 11 (Bram Blade)": "4999999999",
    "oar 19 (Cora Collar)": "9",
}
OAR_BOOK = {"oar 7 (Ada Loomer)": "799273987", "oar 11 (Bram Blade)": "49999999993",
            "oar 19 (Cora Collar)": "91"}
MAKERS = {"oar 1": "Ada Loomer", "oar 2": "Bram Blade", "oar 3": "Cora Collar"}


class CollarError(RuntimeError):
    """An oar's ticket did not carry the oar book's check digit: the collars will not be leathered."""


class OarError(Exception):
    """The foreman stopped the shaping bench."""


def complete(n):
    return n + next(str(d) for d in range(10) if luhnmod10.valid(n + str(d)))


def read_oars():
    out = {}
    for name, n in OARS.items():
        got = complete(n)
        assert got == OAR_BOOK[name], f"oar {name!r} ticketed {got!r}, the oar book says {OAR_BOOK[name]!r}"
        out[name] = got
    return out


def leather():
    try:
        return read_oars()
    except AssertionError as e:
        raise CollarError("the collars will not be leathered: " + repr(e)) from e


def shape():
    try:
        oars = leather()
        return [f"{name}: {ticket} ({MAKERS['oar 2']})" for name, ticket in oars.items()]
    except CollarError as e:
        raise OarError("shaping bench 3 stopped after blade 412 (Bram Blade, foreman Dai Rowlock)") from e


if __name__ == "__main__":
    print("\\n".join(shape()))
'''

README = "luhnmod10\n=========\n\nA fast and simple in-place implementation of the luhn check algorithm.\n\n" \
         "The oarmakers' oar tickets (luhnmod10 1.0.2, from its sdist).\n"

AUTHORS = ["Ada Loomer <ada@oarmakers.test>", "Bram Blade <bram@oarmakers.test>",
           "Cora Collar <cora@oarmakers.test>", "Dai Rowlock <dai@oarmakers.test>"]
GROUPS = [
    ([P], "Add the oar ticket check (luhnmod10)"),
    (["README.md"], "Readme"),
    (["tests/oar_numbers.json"], "The oars of the shop, as the check digits ticket them"),
    (["tests/test_oar_numbers.py"], "Tests for the oar tickets"),
    (["setup.cfg", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported) as round 740 calls it, with this round's authors, groups, script, seed 74800."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, OAR_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py oar_check.py")
    r473.git(d, "commit -q -m 'Rename the oar checker to oar_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "oarshop_notes.txt").write_text("oar 2 collar loose in the leather; re-grip blade 7, re-varnish the loom\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/oar_{k:02d}_blade_sheet.txt": OAR_CHECK.split("MAKERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "oarshop"
    d.mkdir(parents=True)
    sd = next(SRC.glob("luhnmod10-1.0.2.tar.gz"))
    cm.run(f"tar --no-same-owner -xzf {sd} && mv luhnmod10-1.0.2/* . && rmdir luhnmod10-1.0.2 && rm -rf "
           "luhnmod10.egg-info README.rst", cwd=d)
    (d / "PKG-INFO").unlink()
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_oar_numbers.py": TEST_OARS})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "oar_numbers.json").exists()
    assert (d / P).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=.'"
    t = "tests/test_oar_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_oar_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_oar_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_oar_fives", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_oar_check", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_oar_check {t}::test_oar_valid "
        f"{t}::test_round_trip; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_oar_check -k 'oar3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        f"oar_check.py tests {P} setup.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", f"ruff check --no-cache --output-format full --select ALL --ignore D oar_check.py {P} tests "
        "setup.py", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {P} tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_oar_numbers.py oar_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental "
        f"--ignore-missing-imports {P} oar_check.py tests/test_oar_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python oar_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev oar_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} oar_check.py README.md tests/test_oar_numbers.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/oar_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/oar_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' {P} tests/test_*.py "
        "oar_check.py setup.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 74801
MAKEFILE = r740.MAKEFILE.replace("dentbench", "bladebench")


def step_c(tmp: Path) -> None:
    d = tmp / "bladebench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Loomer", "Bram Blade", "Cora Collar", "Dai Rowlock", "Eda Sculler", "Fen Spoon", "Gil Leather",
         "Hob Varnish", "Ina Grip", "Jory Rigger"]
BENCHES = ["shaping 1"] * 9 + ["shaping 2"] * 7 + ["leathering", "varnishing", "spruce loft"]
RENAMES = (("reed-bind", "oar-shape"), ("reed-book --dent", "oar-book --blade"), ("wire-draw --gauge", "loom-plane --ash"),
           ("tar-band", "collar-leather"), ("--maker ada", "--maker ada"))
SHOP_JOBS = r740.SHOP_JOBS
for _old, _new in RENAMES:
    SHOP_JOBS = SHOP_JOBS.replace(_old, _new)


def step_tables(tmp: Path) -> None:
    """The oarmakers' oar book (seed 74805) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "oarmakers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,maker,blades,bench,feet,rejects,wood,outcome"]
    for k in range(520):
        blades = rnd.randint(1, 60) if k != 313 else 412
        outcome = "split" if k == 79 else "warped" if k == 431 else "leathered"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{blades},{rnd.choice(BENCHES)},"
                    f"{rnd.choice([9, 10, 12, 13])},{rnd.randint(0, 9)},{rnd.choice(['ash', 'spruce', 'carbon'])},"
                    f"{outcome}")
    (d / "oar_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat oar_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 oar_book.csv", d, n_csv)
    cm.run("sqlite3 oarmakers.db \".import --csv oar_book.csv oars\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header oarmakers.db 'SELECT maker, bench, blades, "
        "feet, outcome FROM oars ORDER BY date'", d, n_sqlite_csv)
    loggers = ["oarshop.shape", "oarshop.leather", "oarshop.varnish", "oarshop.store", "oarshop.api"]
    msgs = {
        "DEBUG": lambda r: f"blade {r.randint(1, 90000)} planed to {r.randint(4, 60)} thou",
        "INFO": lambda r: f"request GET /oars/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"bench {r.randint(1, 6)} loom {r.randint(5, 30)} thou off, the collar may slip",
        "ERROR": lambda r: f"shaft split on bench {r.randint(1, 6)} at blade {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"varnish kiln {r.randint(1, 4)} overheated by bench {r.randint(1, 6)}: shop stopped by the foreman",
    }
    app_log(d / "oarwire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 oarwire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' oarwire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR oarshop bladebench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "luhnmod10-1.0.2.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide748-js", "vitest",
                   ["luhn-js@1.1.2", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide748_js as js  # luhn-js: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide748", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean748
    cm.clean_lines = clean748
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide748-", OUT, TMP)
