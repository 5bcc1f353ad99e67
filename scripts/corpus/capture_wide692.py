#!/usr/bin/env python3
"""Round 692: issue #11's kinds with colour and terminal control forced on (rounds 670, 676 and 684's pattern, round
368's runner), on the real PyPI package crc8 0.2.0 (its sdist) with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a JavaScript part (the npm package base32-encode 2.0.0, vitest / eslint /
tsc, capture_wide692_js.py) and tables and a service log, a flax dresser's names (retting ponds, scutching, stricks,
tow yarn, flax dressers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed; the C project, tables and log steps are round 684's shape with this round's
names. See NEEDLES.md, round 692.

Usage:   .venv/bin/python scripts/corpus/capture_wide692.py [step ...]
Writes:  scripts/corpus/data/wide692.json, ids prefixed "wide692-".
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

ROOT = Path("/dev/shm/hm-corpus-wide692-tools")
TMP = Path("/dev/shm/hm-corpus-wide692")
OUT = HERE / "data" / "wide692.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 69200
SDIST = "crc8==0.2.0"

r368.VENV = VENV
cap = r368.cap
clean692 = r368.clean368

MOD = "crc8.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "_sum = table[_sum^byte]", "_sum = table[_sum^byte & 0x7f]"),
    (MOD, "return hex(self._sum)[2:].zfill(2)", "return hex(self._sum)[2:].zfill(1)"),
    (MOD, "crc._sum = self._sum", "crc._sum = self._initial_start"),
]

YARNS = ["line", "tow", "strick", "hackled", "scutched", "retted", "dew-retted", "pond-retted", "bleached", "grey",
         "warp", "weft", "sailcloth", "linen", "harn", "codilla", "shive", "boon", "pluckings", "noils"]

FIXTURES_PY = f'''import json, random
from crc8 import crc8

rnd = random.Random({SEED})
rows = []
for k in range(170):
    n = rnd.randint(0, 40)
    if rnd.random() < 0.5:
        data = bytes(rnd.randint(0, 255) for _ in range(n))
    else:
        data = (rnd.choice({YARNS!r}) + " strick " + str(rnd.randint(1, 900))).encode()
    start = rnd.choice([0, 0, 0, 0xff, rnd.randint(1, 254)])
    h = crc8(data, start)
    c = h.copy()
    c.update(b"tow")
    rows.append({{"id": f"strick{{k + 1}}-{{rnd.choice({YARNS!r})}}", "data": data.hex(), "start": start,
                 "hex": h.hexdigest(), "digest": h.digest().hex(), "copied": c.hexdigest()}})
with open("tests/strick_sums.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_SUMS = '''"""The flax dressers' stricks against crc8: the expectations were computed by the unbroken module."""
import json
import pathlib

import pytest

from crc8 import crc8

ROWS = json.loads((pathlib.Path(__file__).parent / "strick_sums.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_strick_hex(row):
    assert crc8(bytes.fromhex(row["data"]), row["start"]).hexdigest() == row["hex"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_strick_digest(row):
    assert crc8(bytes.fromhex(row["data"]), row["start"]).digest().hex() == row["digest"]


@pytest.mark.parametrize("row", ROWS[:60], ids=[r["id"] for r in ROWS[:60]])
def test_strick_copy(row):
    h = crc8(bytes.fromhex(row["data"]), row["start"])
    c = h.copy()
    c.update(b"tow")
    assert c.hexdigest() == row["copied"]


@pytest.mark.parametrize("s", ["", "tow", "scutch", "retting pond"])
def test_tow_text(s):
    with pytest.raises(TypeError):
        crc8(s)
'''

RETTING_CHECK = '''"""Weigh the flax dressers' stricks out of the retting pond: each strick's label must carry the sum the tow book has."""
from crc8 import crc8

STRICKS = {
    "strick 3 (Ann Heckler)": b"dew-retted line, 14 lb, pond 2",
    "strick 7 (Ben Scutcher)": b"\\xf0\\xe1 grey tow, 9 lb",
    "strick 11 (Cal Swingle)": b"harn \\xff\\xfe\\x80 warp, 22 lb",
}
TOW_BOOK = {"strick 3 (Ann Heckler)": "1b", "strick 7 (Ben Scutcher)": "9e", "strick 11 (Cal Swingle)": "05"}
DRESSERS = {"pond 1": "Ann Heckler", "pond 2": "Ben Scutcher", "pond 3": "Cal Swingle"}


class ScutchError(RuntimeError):
    """A strick's sum did not match the tow book: it will not be scutched."""


class RettingError(Exception):
    """The overseer drained the retting pond."""


def weigh():
    out = {}
    for name, data in STRICKS.items():
        got = crc8(data).hexdigest()
        assert got == TOW_BOOK[name], f"strick {name!r} sums {got!r}, the tow book says {TOW_BOOK[name]!r}"
        out[name] = got
    return out


def scutch():
    try:
        return weigh()
    except AssertionError as e:
        raise ScutchError("the stricks will not be scutched: " + repr(e)) from e


def pond():
    try:
        stricks = scutch()
        return [f"{name}: {h} ({DRESSERS['pond 2']})" for name, h in stricks.items()]
    except ScutchError as e:
        raise RettingError("retting pond 2 drained at strick 6920 (Ben Scutcher, overseer Dot Hackle)") from e


if __name__ == "__main__":
    print("\\n".join(pond()))
'''

PYPROJECT = ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
             '[project]\nname = "crc8"\nversion = "0.2.0"\n\n'
             '[tool.setuptools]\npy-modules = ["crc8"]\n')

AUTHORS = ["Ann Heckler <ann@flaxdresser.test>", "Ben Scutcher <ben@flaxdresser.test>",
           "Cal Swingle <cal@flaxdresser.test>", "Dot Hackle <dot@flaxdresser.test>"]
GROUPS = [
    ([MOD], "Add the strick checksum (crc8)"),
    (["README.md", "LICENSE"], "Readme and licence"),
    (["tests/strick_sums.json"], "The stricks of the mill, as crc8 sums them"),
    (["tests/test_strick_sums.py"], "Tests for the strick sums"),
    (["pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 69200; its script file is
    written as cope_drag.py by round 473's code and renamed to retting_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, RETTING_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py retting_check.py")
    r473.git(d, "commit -q -m 'Rename the retting checker to retting_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "mill_notes.txt").write_text("pond 2 too warm this week; pull the stricks a day early and dry them on the grass\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/pond_{k:02d}_strick_sheet.txt": RETTING_CHECK.split("DRESSERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "towmill"
    d.mkdir(parents=True)
    sd = next(SRC.glob("crc8-0.2.0.tar.gz"))
    cm.run(f"tar xzf {sd} --strip-components=1 crc8-0.2.0/crc8.py crc8-0.2.0/LICENSE", cwd=d)
    (d / "README.md").write_text("# towmill\n\nThe flax dressers' strick checksum (crc8 0.2.0).\n")
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_strick_sums.py": TEST_SUMS,
                      "pyproject.toml": PYPROJECT})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "strick_sums.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_strick_sums.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'hex'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'copy or tow'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'digest and strick1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'copy or tow or strick2'; echo EXIT=$?", d,
        n_pytest, tty=True)
    cap("pytest-hex-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'hex and strick3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "crc8.py retting_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D retting_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests crc8.py 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "retting_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "crc8.py retting_check.py tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python retting_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev retting_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {MOD} retting_check.py README.md tests/test_strick_sums.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/strick_sums.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/strick_sums.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 30,160 {MOD}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |raise |return |assert' crc8.py tests "
        "retting_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 69201
C_N = 36
C_ERRS = {5: "type", 11: "args", 16: "undeclared", 22: "semicolon", 29: "type", 33: "args"}
C_HDR = {13, 27}
C_LINK = {20}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "scutchery")


def step_c(tmp: Path) -> None:
    d = tmp / "scutchery"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ann Heckler", "Ben Scutcher", "Cal Swingle", "Dot Hackle", "Eli Retter", "Flo Strick", "Gus Breaker",
         "Hal Tow", "Ivy Line", "Jem Boon"]
PONDS = ["pond 1"] * 9 + ["pond 2"] * 7 + ["dew field", "drying shed", "bleach green"]

MILL_JOBS = "\n".join(
    [f"(exec -a 'scutch-strick --pond {b} --dresser {r}' sleep 600) &" for b, r in enumerate(
        ["ann", "ben", "cal", "dot", "eli", "flo", "gus", "hal", "ivy", "jem"], 1)]
    + [f"(exec -a 'tow-book --strick {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 5, 37, 2, 19], 1)]
    + ["(exec -a 'breaker-drive --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'pond-gauge --pond 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The mill's tow book (seed 69205) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "flaxdressers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,dresser,lb,pond,strick,shives,retting,outcome"]
    for k in range(480):
        lb = rnd.randint(1, 60) if k != 281 else 6920
        outcome = "overretted" if k == 69 else "rotted" if k == 412 else "dressed"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{lb},{rnd.choice(PONDS)},"
                    f"{rnd.choice([3, 6, 9, 12])},{rnd.randint(0, 9)},{rnd.choice(['dew', 'dew', 'pond'])},"
                    f"{outcome}")
    (d / "tow_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat tow_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 tow_book.csv", d, n_csv)
    cm.run("sqlite3 flaxdressers.db \".import --csv tow_book.csv tow\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header flaxdressers.db 'SELECT dresser, pond, lb, "
        "strick, outcome FROM tow ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mill.pond", "mill.breaker", "mill.scutch", "mill.store", "mill.api"]
    msgs = {
        "DEBUG": lambda r: f"strick {r.randint(1, 90000)} scutched at {r.randint(4, 60)} beats a minute",
        "INFO": lambda r: f"request GET /stricks/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"pond {r.randint(1, 6)} running {r.randint(5, 30)} per cent warm, retting may overrun",
        "ERROR": lambda r: f"scutching blade cracked on wheel {r.randint(1, 6)} at strick {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"breaker {r.randint(1, 4)} jammed on roller {r.randint(1, 6)}: mill stopped by the overseer",
    }
    app_log(d / "mill.log", SEED + 7, 2400, loggers, msgs, 6920, "2026-11-04")
    cap("app-log-tail", "tail -n 900 mill.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' mill.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", MILL_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR towmill scutchery", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("crc8-0.2.0.tar.gz")):
        cm.run(f"pip3 download -q --no-deps --no-binary :all: {SDIST}", cwd=SRC, env=cm.PIP_ENV, timeout=300)
    cm.install_npm(ROOT.parent / "hm-corpus-wide692-js", "vitest",
                   ["base32-encode@2.0.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide692_js as js  # base32-encode: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide692", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean692
    cm.clean_lines = clean692
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide692-", OUT, TMP)
