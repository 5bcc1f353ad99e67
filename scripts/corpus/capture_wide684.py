#!/usr/bin/env python3
"""Round 684: issue #11's kinds with colour and terminal control forced on (rounds 663, 670 and 676's pattern, round
368's runner), on the real PyPI package iso6346-containers 0.2.1 (its wheel) with bugs put in and a pytest suite
written here, a seeded C project (round 279's generator), a JavaScript part (the npm package soundex-code 2.0.1, vitest
/ eslint / tsc, capture_wide684_js.py) and tables and a service log, a stevedore's names (lighters, hatches, manifests,
stevedores); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 684.

Usage:   .venv/bin/python scripts/corpus/capture_wide684.py [step ...]
Writes:  scripts/corpus/data/wide684.json, ids prefixed "wide684-".
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

ROOT = Path("/dev/shm/hm-corpus-wide684-tools")
TMP = Path("/dev/shm/hm-corpus-wide684")
OUT = HERE / "data" / "wide684.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 68400
WHEEL = "iso6346-containers==0.2.1"

r368.VENV = VENV
cap = r368.cap
clean684 = r368.clean368

MOD = "iso6346/__init__.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "n = n + (n-1) // 10", "n = n + n // 10"),
    (MOD, "return (sum % 11) % 10", "return sum % 11"),
    (MOD, "return f'{s[:4]} {s[4:10]} {s[10]}'", "return f'{s[:4]} {s[4:9]} {s[10]}'"),
]

CARGO = ["bale", "hogshead", "crate", "tierce", "puncheon", "sack", "barrel", "chest", "bundle", "drum", "pallet",
         "coil", "ingot", "case", "firkin", "kilderkin", "hamper", "carboy", "bag", "roll"]

FIXTURES_PY = f'''import json, random
import iso6346

rnd = random.Random({SEED})
L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
rows = []
for k in range(180):
    owner = "".join(rnd.choice(L) for _ in range(3)) + rnd.choice("UUUJZ")
    serial = "".join(str(rnd.randint(0, 9)) for _ in range(6))
    body = owner + serial
    number = body + str(iso6346.checkdigit(body))
    if rnd.random() < 0.25:
        number = number[:-1] + str((int(number[-1]) + rnd.randint(1, 9)) % 10)
    shown = rnd.choice([number, number.lower(), number[:4] + " " + number[4:10] + " " + number[10],
                        number[:4] + "-" + number[4:]])
    try:
        valid = iso6346.validate(shown)
    except iso6346.ValidationError:
        valid = False
    rows.append({{"id": f"lighter{{k + 1}}-{{rnd.choice({CARGO!r})}}-{{owner.lower()}}", "number": shown,
                 "check": iso6346.checkdigit(body), "valid": valid, "formatted": iso6346.format(shown),
                 "boxed": iso6346.format(shown, box=True)}})
with open("tests/lighter_codes.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_CODES = '''"""The stevedores' lighter containers against iso6346: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import iso6346

ROWS = json.loads((pathlib.Path(__file__).parent / "lighter_codes.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_lighter_check(row):
    assert iso6346.checkdigit(iso6346.normalize(row["number"])[:10]) == row["check"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_lighter_valid(row):
    try:
        got = iso6346.validate(row["number"])
    except iso6346.ValidationError:
        got = False
    assert got == row["valid"]


@pytest.mark.parametrize("row", ROWS[:70], ids=[r["id"] for r in ROWS[:70]])
def test_lighter_format(row):
    assert iso6346.format(row["number"]) == row["formatted"]
    assert iso6346.format(row["number"], box=True) == row["boxed"]


@pytest.mark.parametrize("s", ["", "CSQU305438", "csqu-305438-3", "CSQU3054383X", "1234567890"])
def test_hatch_odd(s):
    try:
        iso6346.validate(s)
    except iso6346.ValidationError as e:
        assert "ISO 6346" in str(e)
'''

STOWAGE_CHECK = '''"""Stow the stevedores' lighters before the tide: each container's number must check and print as the manifest has it."""
import iso6346

LIGHTERS = {
    "lighter 3 (Abe Hatch)": "CSQU3054383",
    "lighter 7 (Bea Winch)": "MSKU9070323",
    "lighter 11 (Cy Lashing)": "TGHU8417960",
}
MANIFEST = {"lighter 11 (Cy Lashing)": "TGHU 841796 0"}
STEVEDORES = {"hatch 1": "Abe Hatch", "hatch 2": "Bea Winch", "hatch 3": "Cy Lashing"}


class StowError(RuntimeError):
    """A lighter's container did not check: it will not be stowed."""


class LashingError(Exception):
    """The foreman stopped the stowing."""


def stow():
    out = {}
    for name, number in LIGHTERS.items():
        iso6346.validate(number)
        if name in MANIFEST:
            got = iso6346.format(number)
            assert got == MANIFEST[name], f"lighter {name!r} prints {got!r}, manifest says {MANIFEST[name]!r}"
        out[name] = number
    return out


def load():
    try:
        return stow()
    except (iso6346.InvalidOwnerCodeError, AssertionError) as e:
        raise StowError("the lighters will not be stowed: " + repr(e)) from e


def quay():
    try:
        lighters = load()
        return [f"{name}: {number} ({STEVEDORES['hatch 2']})" for name, number in lighters.items()]
    except StowError as e:
        raise LashingError("quay stopped at lighter 6840 (Bea Winch, foreman Dan Tally)") from e


if __name__ == "__main__":
    print("\\n".join(quay()))
'''

PYPROJECT = ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
             '[project]\nname = "iso6346-containers"\nversion = "0.2.1"\n\n'
             '[tool.setuptools]\npackages = ["iso6346"]\n')

AUTHORS = ["Abe Hatch <abe@stevedore.test>", "Bea Winch <bea@stevedore.test>",
           "Cy Lashing <cy@stevedore.test>", "Dan Tally <dan@stevedore.test>"]
GROUPS = [
    ([MOD], "Add the container number checker (iso6346)"),
    (["README.md", "LICENSE"], "Readme and licence"),
    (["tests/lighter_codes.json"], "The containers of the quay, as iso6346 checks them"),
    (["tests/test_lighter_codes.py"], "Tests for the container numbers"),
    (["pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 68400; its script file is
    written as cope_drag.py by round 473's code and renamed to stowage_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, STOWAGE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py stowage_check.py")
    r473.git(d, "commit -q -m 'Rename the stowage checker to stowage_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "quay_notes.txt").write_text("hatch 2 winch slipping in the wet; check the lashings twice on the night tide\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/tide_{k:02d}_stow_sheet.txt": STOWAGE_CHECK.split("STEVEDORES")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "hatchwharf"
    d.mkdir(parents=True)
    whl = next(SRC.glob("iso6346_containers-0.2.1-*.whl"))
    cm.run(f"unzip -q {whl} 'iso6346/*' 'iso6346_containers-0.2.1.dist-info/LICENSE' && "
           "mv iso6346_containers-0.2.1.dist-info/LICENSE LICENSE && rm -rf iso6346_containers-0.2.1.dist-info", cwd=d)
    (d / "README.md").write_text("# hatchwharf\n\nThe stevedores' container number checker (iso6346-containers 0.2.1).\n")
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_lighter_codes.py": TEST_CODES,
                      "pyproject.toml": PYPROJECT})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "lighter_codes.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_lighter_codes.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'check'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'valid or hatch'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'format and lighter1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'format or hatch'; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-valid-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'valid and lighter2'", d,
        n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "iso6346 stowage_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D stowage_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests iso6346 2>&1 | head -n 300", d,
        n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "stowage_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "iso6346 stowage_check.py tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python stowage_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev stowage_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {MOD} stowage_check.py README.md tests/test_lighter_codes.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/lighter_codes.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/lighter_codes.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 1,102 {MOD}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |raise |return |assert' iso6346 tests "
        "stowage_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 68401
C_N = 34
C_ERRS = {4: "type", 10: "args", 15: "undeclared", 21: "semicolon", 27: "type", 30: "args"}
C_HDR = {12, 28}
C_LINK = {19}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "lighterage")


def step_c(tmp: Path) -> None:
    d = tmp / "lighterage"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Abe Hatch", "Bea Winch", "Cy Lashing", "Dan Tally", "Eve Dunnage", "Fay Sling", "Gil Bollard",
         "Hew Capstan", "Ida Derrick", "Jon Manifest"]
BERTHS = ["west quay"] * 9 + ["east quay"] * 7 + ["dry dock", "customs shed", "tide basin"]

QUAY_JOBS = "\n".join(
    [f"(exec -a 'stow-hatch --hatch {b} --stevedore {r}' sleep 600) &" for b, r in enumerate(
        ["abe", "bea", "cy", "dan", "eve", "fay", "gil", "hew", "ida", "jon"], 1)]
    + [f"(exec -a 'tally-manifest --lighter {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 41, 3, 17], 1)]
    + ["(exec -a 'winch-drive --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'tide-gauge --basin 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The quay's manifest book (seed 68405) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "stevedores"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,stevedore,tons,berth,lighter,damaged,tide,outcome"]
    for k in range(470):
        tons = rnd.randint(1, 60) if k != 277 else 6100
        outcome = "dropped" if k == 64 else "pilfered" if k == 402 else "stowed"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{tons},{rnd.choice(BERTHS)},"
                    f"{rnd.choice([2, 5, 8, 11])},{rnd.randint(0, 9)},{rnd.choice(['flood', 'flood', 'ebb'])},"
                    f"{outcome}")
    (d / "manifest_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat manifest_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 manifest_book.csv", d, n_csv)
    cm.run("sqlite3 stevedores.db \".import --csv manifest_book.csv manifests\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header stevedores.db 'SELECT stevedore, berth, tons, "
        "lighter, outcome FROM manifests ORDER BY date'", d, n_sqlite_csv)
    loggers = ["quay.hatch", "quay.winch", "quay.tally", "quay.store", "quay.api"]
    msgs = {
        "DEBUG": lambda r: f"sling {r.randint(1, 90000)} landed at {r.randint(4, 60)} lifts an hour",
        "INFO": lambda r: f"request GET /lighters/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"winch {r.randint(1, 6)} running {r.randint(5, 30)} per cent slow, lifts may back up",
        "ERROR": lambda r: f"lashing parted on hatch {r.randint(1, 6)} at lighter {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"derrick {r.randint(1, 4)} brake failed on hatch {r.randint(1, 6)}: quay stopped by the foreman",
    }
    app_log(d / "quay.log", SEED + 7, 2400, loggers, msgs, 6840, "2026-10-24")
    cap("app-log-tail", "tail -n 900 quay.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' quay.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", QUAY_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR hatchwharf lighterage", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("iso6346_containers-*.whl")):
        cm.run(f"pip3 download -q --no-deps {WHEEL}", cwd=SRC, env=cm.PIP_ENV, timeout=300)
    cm.install_npm(ROOT.parent / "hm-corpus-wide684-js", "vitest",
                   ["soundex-code@2.0.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide684_js as js  # soundex-code: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide684", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean684
    cm.clean_lines = clean684
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide684-", OUT, TMP)
