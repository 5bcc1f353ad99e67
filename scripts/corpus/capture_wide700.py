#!/usr/bin/env python3
"""Round 700: issue #11's kinds with colour and terminal control forced on (rounds 670, 684 and 692's pattern, round
368's runner), on the real PyPI package base45 0.4.4 (its sdist) with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a JavaScript part (the npm package quoted-printable 1.0.1, vitest / eslint /
tsc, capture_wide700_js.py) and tables and a service log, a nail maker's names (hobnails, tenterhooks, nail rods,
clouts, nailmakers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed; the C project, tables and log steps are round 692's shape with this round's
names. See NEEDLES.md, round 700.

Usage:   .venv/bin/python scripts/corpus/capture_wide700.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide700.json, ids prefixed "wide700-".
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

ROOT = Path("/dev/shm/hm-corpus-wide700-tools")
TMP = Path("/dev/shm/hm-corpus-wide700")
OUT = HERE / "data" / "wide700.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 70000
SDIST = "base45==0.4.4"

r368.VENV = VENV
cap = r368.cap
clean700 = r368.clean368

MOD = "base45/__init__.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "e, x = divmod(x, 45 * 45)", "e, x = divmod(x, 45 * 44)"),
    (MOD, "if buflen % 3 == 1:", "if buflen % 3 == 2:"),
    (MOD, 'buf = [BASE45_DICT[c] for c in s.rstrip("\\n")]', "buf = [BASE45_DICT[c] for c in s.strip()]"),
]

NAILS = ["hobnail", "tenterhook", "clout", "brad", "tack", "spike", "rose head", "clasp", "sprig", "horseshoe nail",
         "boat nail", "flooring brad", "lath nail", "cut nail", "wrought nail", "nail rod", "header", "oliver",
         "bore", "rod iron"]

FIXTURES_PY = f'''import json, random
from base45 import b45encode, b45decode

rnd = random.Random({SEED})
rows = []
for k in range(150):
    n = rnd.randint(0, 31)
    if rnd.random() < 0.5:
        data = bytes(rnd.randint(0, 255) for _ in range(n))
    else:
        data = (rnd.choice({NAILS!r}) + " cask " + str(rnd.randint(1, 900))).encode()
    label = b45encode(data).decode()
    rows.append({{"id": f"cask{{k + 1}}-{{rnd.choice({NAILS!r}).replace(' ', '_')}}", "data": data.hex(),
                 "label": label, "decoded": b45decode(label + "\\n").hex()}})
with open("tests/cask_labels.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_LABELS = '''"""The nailmakers' casks against base45: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from base45 import b45decode, b45encode

ROWS = json.loads((pathlib.Path(__file__).parent / "cask_labels.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_cask_label(row):
    assert b45encode(bytes.fromhex(row["data"])).decode() == row["label"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_cask_read(row):
    assert b45decode(row["label"]).hex() == row["data"]


@pytest.mark.parametrize("row", ROWS[:50], ids=[r["id"] for r in ROWS[:50]])
def test_cask_read_line(row):
    assert b45decode(row["label"] + "\\n").hex() == row["decoded"]


@pytest.mark.parametrize("s", ["A", "GGW", "hobnail", "TENTER~HOOK", "0000", "ZZZZ", ":::", "NAIL RODS"])
def test_bad_label(s):
    with pytest.raises(ValueError):
        b45decode(s)
'''

CASK_CHECK = '''"""Read the nailmakers' casks off the cart: each cask's chalked label must read back as the nail book has it."""
from base45 import b45decode, b45encode

CASKS = {
    "cask 7 (Ada Clout)": b"hobnails, 12 gross, hearth 2",
    "cask 11 (Bram Tenter)": b"\\xf0\\xe1 tenterhooks, 9 gross",
    "cask 19 (Cora Spike)": b"rose head \\xff\\xfe\\x80 clouts, 22 gross",
}
NAIL_BOOK = {"cask 7 (Ada Clout)": "QED6:AB$C3VDYEDWZC", "cask 11 (Bram Tenter)": "X3A+8D%",
             "cask 19 (Cora Spike)": "U7CJ$C 2DC4"}
MAKERS = {"hearth 1": "Ada Clout", "hearth 2": "Bram Tenter", "hearth 3": "Cora Spike"}


class TemperError(RuntimeError):
    """A cask's label did not read back as the nail book has it: the nails will not be tempered."""


class ForgeError(Exception):
    """The foreman banked the forge."""


def read_casks():
    out = {}
    for name, data in CASKS.items():
        got = b45encode(data).decode()
        assert got == NAIL_BOOK[name], f"cask {name!r} chalked {got!r}, the nail book says {NAIL_BOOK[name]!r}"
        assert b45decode(got) == data
        out[name] = got
    return out


def temper():
    try:
        return read_casks()
    except AssertionError as e:
        raise TemperError("the casks will not be tempered: " + repr(e)) from e


def forge():
    try:
        casks = temper()
        return [f"{name}: {label} ({MAKERS['hearth 2']})" for name, label in casks.items()]
    except TemperError as e:
        raise ForgeError("forge banked at hearth 2 after cask 7000 (Bram Tenter, foreman Dan Rodd)") from e


if __name__ == "__main__":
    print("\\n".join(forge()))
'''

AUTHORS = ["Ada Clout <ada@nailmakers.test>", "Bram Tenter <bram@nailmakers.test>",
           "Cora Spike <cora@nailmakers.test>", "Dan Rodd <dan@nailmakers.test>"]
GROUPS = [
    ([MOD], "Add the cask label codec (base45)"),
    (["base45/cli.py"], "A command line for chalking labels"),
    (["README.md", "LICENSE"], "Readme and licence"),
    (["tests/cask_labels.json"], "The casks of the nail shop, as base45 labels them"),
    (["tests/test_cask_labels.py"], "Tests for the cask labels"),
    (["pyproject.toml", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 70000; its script file is
    written as cope_drag.py by round 473's code and renamed to cask_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, CASK_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py cask_check.py")
    r473.git(d, "commit -q -m 'Rename the cask checker to cask_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "forge_notes.txt").write_text("hearth 2 burning hot this week; quench the hobnails sooner and re-chalk cask 7\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/hearth_{k:02d}_cask_sheet.txt": CASK_CHECK.split("MAKERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "hobnailery"
    d.mkdir(parents=True)
    sd = next(SRC.glob("base45-0.4.4.tar.gz"))
    cm.run(f"tar xzf {sd} --strip-components=1", cwd=d)
    (d / "PKG-INFO").unlink()
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_cask_labels.py": TEST_LABELS})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "cask_labels.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_cask_labels.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_cask_read", d, n_pytest)
    cap("pytest-v-label", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_cask_label -k 'not cask1'", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'read_line or bad'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'read and cask1'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'bad or cask2'; echo EXIT=$?", d, n_pytest,
        tty=True)
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t} -k 'cask_read and cask3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "base45 cask_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D cask_check.py base45", d,
        n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests base45 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "cask_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "base45 cask_check.py tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python cask_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev cask_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {MOD} base45/cli.py cask_check.py README.md tests/test_cask_labels.py",
        d, n_log_p)
    cap("git-log-p-tty", "git log -p -10", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~5", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD -- ':!tests/cask_labels.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {MOD}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |raise |return |assert|rows|ROWS' base45 tests "
        "cask_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q poetry-core==2.5.0", env=cm.PIP_ENV, timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 70001
C_N = 40
C_ERRS = {4: "type", 9: "args", 17: "undeclared", 23: "semicolon", 30: "type", 36: "args"}
C_HDR = {12, 28}
C_LINK = {21}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "tenterforge")


def step_c(tmp: Path) -> None:
    d = tmp / "tenterforge"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Clout", "Bram Tenter", "Cora Spike", "Dan Rodd", "Eda Brad", "Fen Tack", "Gil Header", "Hob Nailer",
         "Ina Sprig", "Jory Clasp"]
HEARTHS = ["hearth 1"] * 9 + ["hearth 2"] * 7 + ["slitting mill", "rod store", "quench tub"]

FORGE_JOBS = "\n".join(
    [f"(exec -a 'head-nails --hearth {b} --maker {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dan", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'nail-book --rod {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 31, 2, 17], 1)]
    + ["(exec -a 'bellows-drive --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'rod-gauge --hearth 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The shop's nail book (seed 70005) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "nailmakers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,nailmaker,gross,hearth,rod,heads,temper,outcome"]
    for k in range(520):
        gross = rnd.randint(1, 60) if k != 311 else 7000
        outcome = "burnt" if k == 77 else "split" if k == 433 else "headed"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{gross},{rnd.choice(HEARTHS)},"
                    f"{rnd.choice([4, 6, 8, 10])},{rnd.randint(0, 9)},{rnd.choice(['quenched', 'quenched', 'air'])},"
                    f"{outcome}")
    (d / "nail_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat nail_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 nail_book.csv", d, n_csv)
    cm.run("sqlite3 nailmakers.db \".import --csv nail_book.csv nails\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header nailmakers.db 'SELECT nailmaker, hearth, gross, "
        "rod, outcome FROM nails ORDER BY date'", d, n_sqlite_csv)
    loggers = ["forge.hearth", "forge.header", "forge.rods", "forge.store", "forge.api"]
    msgs = {
        "DEBUG": lambda r: f"rod {r.randint(1, 90000)} headed at {r.randint(4, 60)} blows a minute",
        "INFO": lambda r: f"request GET /casks/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"hearth {r.randint(1, 6)} running {r.randint(5, 30)} per cent hot, rods may burn",
        "ERROR": lambda r: f"heading tool cracked on block {r.randint(1, 6)} at cask {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"bellows {r.randint(1, 4)} split on hearth {r.randint(1, 6)}: forge banked by the foreman",
    }
    app_log(d / "forge.log", SEED + 7, 2600, loggers, msgs, 7000, "2026-11-05")
    cap("app-log-tail", "tail -n 900 forge.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' forge.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", FORGE_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR hobnailery tenterforge", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "base45-0.4.4.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide700-js", "vitest",
                   ["quoted-printable@1.0.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide700_js as js  # quoted-printable: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide700", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean700
    cm.clean_lines = clean700
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide700-", OUT, TMP)
