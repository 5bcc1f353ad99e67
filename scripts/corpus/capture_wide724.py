#!/usr/bin/env python3
"""Round 724: issue #11's kinds with colour and terminal control forced on (rounds 700, 708 and 716's pattern, round
368's runner), on the real PyPI package luhn-formula 1.0.6 (its sdist) with bugs put in and a pytest suite written
here, a seeded C project (round 279's generator), a JavaScript part (the npm package iso-7064 1.1.0, vitest / eslint /
tsc, capture_wide724_js.py) and tables and a service log, a hosier's names (stocking frames, welts, heels, hose,
hosiers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 724.

Usage:   .venv/bin/python scripts/corpus/capture_wide724.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide724.json, ids prefixed "wide724-".
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

ROOT = Path("/dev/shm/hm-corpus-wide724-tools")
TMP = Path("/dev/shm/hm-corpus-wide724")
OUT = HERE / "data" / "wide724.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 72400
SDIST = "luhn-formula==1.0.6"

r368.VENV = VENV
cap = r368.cap
clean724 = r368.clean368

P = "src/luhnformula/"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (P + "luhnformula.py", "__PrecomputedEvenValue = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]",
     "__PrecomputedEvenValue = [0, 2, 4, 6, 8, 1, 3, 5, 7, 8]"),
    (P + "luhnformula.py", "len(number) > 1", "len(number) > 2"),
    (P + "luhnformula.py", "return str((10 - checksum(number + '0')) % 10)",
     "return str((10 - checksum(number + '0')) % 9)"),
]

WORDS = ["silk", "worsted", "cotton", "lisle", "merino", "cashmere", "welt", "heel", "toe", "gusset", "clock",
         "fashioning", "narrowing", "sinker", "needle", "jack", "presser", "stocking frame", "hose", "half hose"]

FIXTURES_PY = f'''import json, random
from luhnformula import luhnformula as lf

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["frame", "frame", "short", "nines", "long", "bad"])
    if kind == "short":
        n = str(rnd.randint(0, 99))
    elif kind == "nines":
        n = "".join(rnd.choice("9990") for _ in range(rnd.randint(4, 16)))
    elif kind == "long":
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(17, 30)))
    else:
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(6, 16)))
    full = lf.addcheckdigit(n)
    probe = full if kind != "bad" else full[:-1] + str((int(full[-1]) + 3) % 10)
    rows.append({{"id": f"frame{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "number": n, "check": lf.getcheckdigit(n), "full": full, "probe": probe,
                 "valid": lf.isvalid(probe), "checksum": lf.checksum(probe)}})
with open("tests/frame_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_FRAMES = '''"""The hosiers' stocking-frame numbers against luhn-formula: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from luhnformula import luhnformula as lf

ROWS = json.loads((pathlib.Path(__file__).parent / "frame_numbers.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_frame_check(row):
    assert lf.getcheckdigit(row["number"]) == row["check"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_frame_valid(row):
    assert lf.isvalid(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", ROWS[:40], ids=[r["id"] for r in ROWS[:40]])
def test_frame_checksum(row):
    assert lf.checksum(row["probe"]) == row["checksum"]


@pytest.mark.parametrize("n", ["0", "18", "59", "91", "99", "7992739871", "4999999999999999"])
def test_round_trip(n):
    assert lf.isvalid(lf.addcheckdigit(n))
'''

WELT_CHECK = '''"""Read the hosiers' frame tickets: each stocking frame's number must carry the check digit the frame book has."""
from luhnformula import luhnformula as lf

FRAMES = {
    "frame 7 (Ada Worsted)": "79927398",
    "frame 11 (Bram Lisle)": "4999999999",
    "frame 19 (Cora Gusset)": "9",
}
FRAME_BOOK = {"frame 7 (Ada Worsted)": "799273987", "frame 11 (Bram Lisle)": "49999999993",
              "frame 19 (Cora Gusset)": "91"}
KNITTERS = {"frame 1": "Ada Worsted", "frame 2": "Bram Lisle", "frame 3": "Cora Gusset"}


class WeltError(RuntimeError):
    """A frame's ticket did not carry the frame book's check digit: the welts will not be turned."""


class HeelError(Exception):
    """The foreman stopped the heel bench."""


def read_frames():
    out = {}
    for name, n in FRAMES.items():
        got = lf.addcheckdigit(n)
        assert got == FRAME_BOOK[name], f"frame {name!r} ticketed {got!r}, the frame book says {FRAME_BOOK[name]!r}"
        assert lf.isvalid(got)
        out[name] = got
    return out


def welt():
    try:
        return read_frames()
    except AssertionError as e:
        raise WeltError("the welts will not be turned: " + repr(e)) from e


def heel():
    try:
        frames = welt()
        return [f"{name}: {ticket} ({KNITTERS['frame 2']})" for name, ticket in frames.items()]
    except WeltError as e:
        raise HeelError("heel bench 2 stopped after course 7000 (Bram Lisle, foreman Dai Presser)") from e


if __name__ == "__main__":
    print("\\n".join(heel()))
'''

README_ADD = "\n\nThe hosiers' frame tickets (luhn-formula 1.0.6, from its sdist).\n"

AUTHORS = ["Ada Worsted <ada@hosiers.test>", "Bram Lisle <bram@hosiers.test>",
           "Cora Gusset <cora@hosiers.test>", "Dai Presser <dai@hosiers.test>"]
GROUPS = [
    ([P + "__init__.py", P + "luhnformula.py"], "Add the frame ticket check digits (luhn-formula)"),
    (["README.md", "LICENSE"], "Readme and licence"),
    (["tests/frame_numbers.json"], "The stocking frames of the shop, as the check digits ticket them"),
    (["tests/test_frame_numbers.py", "tests/test_luhnformula.py"], "Tests for the frame tickets"),
    (["setup.cfg", "pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 72400; its script file is
    written as cope_drag.py by round 473's code and renamed to welt_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, WELT_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py welt_check.py")
    r473.git(d, "commit -q -m 'Rename the welt checker to welt_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "frame_notes.txt").write_text("frame 2 sinkers bent; re-knit the heel of course 7 in lisle, narrow the welt\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/frame_{k:02d}_course_sheet.txt": WELT_CHECK.split("KNITTERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "hoseworks"
    d.mkdir(parents=True)
    sd = next(SRC.glob("luhn_formula-1.0.6.tar.gz"))
    cm.run(f"tar xzf {sd} && mv luhn_formula-1.0.6/* . && rmdir luhn_formula-1.0.6", cwd=d)
    (d / "PKG-INFO").unlink()
    cm.run("rm -rf src/luhn_formula.egg-info", cwd=d)
    (d / "README.md").write_text((d / "README.md").read_text() + README_ADD)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_frame_numbers.py": TEST_FRAMES})
    cm.run(f"PYTHONPATH=src {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "frame_numbers.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=src .'"
    t = "tests/test_frame_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_frame_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_frame_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_frame_checksum", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_frame_check -k 'frame1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_frame_check {t}::test_frame_valid "
        f"{t}::test_round_trip; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_frame_check -k 'frame3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "welt_check.py tests src; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D welt_check.py src tests", d,
        n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL src tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=src python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_frame_numbers.py welt_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && MYPYPATH=src python -m mypy --color-output --strict --no-incremental "
        "--ignore-missing-imports src/luhnformula welt_check.py tests/test_frame_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=src python welt_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=src python -X dev welt_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P}luhnformula.py welt_check.py README.md tests/test_frame_numbers.py",
        d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/frame_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/frame_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}luhnformula.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' src tests/test_*.py "
        "welt_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 72401
C_N = 40
C_ERRS = {3: "type", 10: "args", 15: "undeclared", 24: "semicolon", 31: "type", 37: "args"}
C_HDR = {13, 27}
C_LINK = {21}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "framebench")


def step_c(tmp: Path) -> None:
    d = tmp / "framebench"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Worsted", "Bram Lisle", "Cora Gusset", "Dai Presser", "Eda Sinker", "Fen Welt", "Gil Narrow",
         "Hob Heel", "Ina Merino", "Jory Clock"]
FRAMES = ["frame 1"] * 9 + ["frame 2"] * 7 + ["boarding", "seaming", "dye house"]

SHOP_JOBS = "\n".join(
    [f"(exec -a 'stocking-frame --frame {b} --knitter {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dai", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'frame-book --course {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 3, 29, 2, 19], 1)]
    + ["(exec -a 'boarding-press --heat 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'seaming-bench --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The shop's frame book (seed 72405) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "hosiers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,hosier,courses,frame,gauge,pairs,yarn,outcome"]
    for k in range(520):
        courses = rnd.randint(1, 60) if k != 313 else 7000
        outcome = "laddered" if k == 79 else "dropped" if k == 431 else "boarded"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{courses},{rnd.choice(FRAMES)},"
                    f"{rnd.choice([18, 21, 24, 30])},{rnd.randint(0, 9)},{rnd.choice(['silk', 'lisle', 'worsted'])},"
                    f"{outcome}")
    (d / "frame_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat frame_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 frame_book.csv", d, n_csv)
    cm.run("sqlite3 hosiers.db \".import --csv frame_book.csv courses\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header hosiers.db 'SELECT hosier, frame, courses, "
        "gauge, outcome FROM courses ORDER BY date'", d, n_sqlite_csv)
    loggers = ["shop.frame", "shop.board", "shop.seam", "shop.store", "shop.api"]
    msgs = {
        "DEBUG": lambda r: f"course {r.randint(1, 90000)} knitted at {r.randint(4, 60)} courses a minute",
        "INFO": lambda r: f"request GET /frames/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"frame {r.randint(1, 6)} sinkers {r.randint(5, 30)} per cent worn, hose may ladder",
        "ERROR": lambda r: f"needle broke on frame {r.randint(1, 6)} at course {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"boarding press {r.randint(1, 4)} scorching by bench {r.randint(1, 6)}: shop stopped by the foreman",
    }
    app_log(d / "hosiery.log", SEED + 7, 2600, loggers, msgs, 7000, "2026-11-05")
    cap("app-log-tail", "tail -n 900 hosiery.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' hosiery.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR hoseworks framebench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "luhn_formula-1.0.6.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide724-js", "vitest",
                   ["iso-7064@1.1.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide724_js as js  # iso-7064: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide724", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean724
    cm.clean_lines = clean724
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide724-", OUT, TMP)
