#!/usr/bin/env python3
"""Round 676: issue #11's kinds with colour and terminal control forced on (rounds 654, 663 and 670's pattern, round
368's runner), on the real PyPI package barcodenumber 0.5.0 (its wheel: PyPI has no sdist of 0.5.0) with bugs put in
and a pytest suite written here, a seeded C project (round 279's generator), a JavaScript part (the npm package
double-metaphone 2.0.1, vitest / eslint / tsc, capture_wide676_js.py) and tables and a service log, a scrivener's
names (deeds, engrossing, inkhorns, scriveners); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. The steps that have no material of their own (C, tables, listing) follow
round 670's, written again here with this round's names. See NEEDLES.md, round 676.

Usage:   .venv/bin/python scripts/corpus/capture_wide676.py [step ...]
Writes:  scripts/corpus/data/wide676.json, ids prefixed "wide676-".
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

ROOT = Path("/dev/shm/hm-corpus-wide676-tools")
TMP = Path("/dev/shm/hm-corpus-wide676")
OUT = HERE / "data" / "wide676.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 67600
WHEEL = "barcodenumber==0.5.0"
STDNUM = "python-stdnum==2.2"

r368.VENV = VENV
cap = r368.cap
clean676 = r368.clean368

MOD = "barcodenumber/__init__.py"
GS1 = "barcodenumber/gs1datamatrix.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "len(number) == 14", "len(number) == 13"),
    (MOD, "return isbn.isbn_type(number) == 'ISBN10'", "return isbn.isbn_type(number) == 'ISBN13'"),
    (GS1, "_lenght = 6", "_lenght = 5"),
]

DEEDS = ["deed", "indenture", "conveyance", "lease", "will", "codicil", "bond", "mortgage", "affidavit", "charter",
         "engrossment", "inkhorn", "pounce-pot", "penknife", "vellum-skin", "sealing-wax", "ribbon", "letter-book",
         "fair-copy", "draft"]

FIXTURES_PY = f'''import json, random
import barcodenumber
from stdnum import ean

rnd = random.Random({SEED})


def isbn10_check(body):
    c = (11 - sum((10 - i) * int(x) for i, x in enumerate(body)) % 11) % 11
    return "X" if c == 10 else str(c)


def digits(n):
    return "".join(str(rnd.randint(0, 9)) for _ in range(n))


rows = []
for k in range(170):
    code = rnd.choice(["ean13", "ean13", "ean8", "ean", "gtin", "gtin14", "isbn10", "isbn13", "isbn",
                       "gs1_datamatrix", "gs1_datamatrix", "upc", "code39"])
    if code in ("ean13", "gtin", "isbn13"):
        body = ("978" + digits(9)) if code == "isbn13" else digits(12)
        number = body + ean.calc_check_digit(body)
    elif code == "ean8":
        body = digits(7)
        number = body + ean.calc_check_digit(body)
    elif code in ("ean", "upc"):
        body = digits(11)
        number = body + ean.calc_check_digit(body)
    elif code == "gtin14":
        body = str(rnd.randint(1, 9)) + digits(12)
        number = body + ean.calc_check_digit(body)
    elif code in ("isbn10", "isbn"):
        body = digits(9)
        number = body + isbn10_check(body)
    elif code == "gs1_datamatrix":
        body = digits(13)
        gtin = body + ean.calc_check_digit(body)
        number = "01" + gtin + "17" + f"{{rnd.randint(24, 31):02d}}{{rnd.randint(1, 12):02d}}{{rnd.randint(1, 28):02d}}"
        number += "10" + "DEED" + digits(rnd.randint(2, 6)) + "\\x1d" + "21" + digits(rnd.randint(4, 9))
    else:
        number = "DEED-" + digits(6) + rnd.choice(["", " $", "/", "%", "a"])
    if rnd.random() < 0.2 and code != "code39":
        number = number[:-1] + str((int(number[-1]) + 1) % 10) if number[-1].isdigit() else number
    rows.append({{"id": f"deed{{k + 1}}-{{rnd.choice({DEEDS!r})}}-{{code}}", "code": code, "number": number,
                 "valid": barcodenumber.check_code(code, number),
                 "decoded": barcodenumber.decode_code(code, number) if code == "gs1_datamatrix" else None}})
with open("tests/deed_codes.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_CODES = '''"""The scriveners' deed codes against barcodenumber: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import barcodenumber

ROWS = json.loads((pathlib.Path(__file__).parent / "deed_codes.json").read_text())
DM = [r for r in ROWS if r["code"] == "gs1_datamatrix"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_deed_check(row):
    assert barcodenumber.check_code(row["code"], row["number"]) == row["valid"]


@pytest.mark.parametrize("row", DM, ids=[r["id"] for r in DM])
def test_deed_decode(row):
    assert barcodenumber.decode_code(row["code"], row["number"]) == row["decoded"]


@pytest.mark.parametrize("row", ROWS[:60], ids=[r["id"] for r in ROWS[:60]])
def test_deed_listed(row):
    assert row["code"].upper() in barcodenumber.barcodes()


@pytest.mark.parametrize("code", ["ean13", "isbn10", "gtin14", "nope", "GS1_DATAMATRIX"])
def test_inkhorn_unknown(code):
    assert barcodenumber.check_code(code, "") in (True, False)
'''

ENGROSS_CHECK = '''"""Engross the scriveners' deeds before they go to the clients: each deed's code must check and its DataMatrix must
read back to the letter-book."""
import barcodenumber

DEEDS = {
    "indenture 3 (Abel Pounce)": ("isbn10", "0306406152"),
    "lease 7 (Cass Vellum)": ("gtin14", "10614141000415"),
    "charter 11 (Dora Inkhorn)": ("gs1_datamatrix", "010123456789012817250630"),
}
LETTER_BOOK = {"charter 11 (Dora Inkhorn)": {"expiration_date": "250630"}}
SCRIVENERS = {"desk 1": "Abel Pounce", "desk 2": "Cass Vellum", "desk 3": "Dora Inkhorn"}


class DeedError(RuntimeError):
    """A deed's code did not check: the deed will not be engrossed."""


class PounceError(Exception):
    """The scrivener stopped the engrossing."""


def engross():
    out = {}
    for name, (code, number) in DEEDS.items():
        assert barcodenumber.check_code(code, number), f"deed {name!r}: {code} {number} does not check"
        if name in LETTER_BOOK:
            got = barcodenumber.decode_code(code, number)
            want = LETTER_BOOK[name]["expiration_date"]
            assert got["expiration_date"] == want, f"deed {name!r} expires {got['expiration_date']!r}, letter-book says {want!r}"
        out[name] = number
    return out


def load():
    try:
        return engross()
    except (KeyError, AssertionError) as e:
        raise DeedError("the deeds will not be engrossed: " + repr(e)) from e


def office():
    try:
        deeds = load()
        return [f"{name}: {number} ({SCRIVENERS['desk 2']})" for name, number in deeds.items()]
    except DeedError as e:
        raise PounceError("office stopped at deed 6760 (Cass Vellum, master scrivener Eli Quill)") from e


if __name__ == "__main__":
    print("\\n".join(office()))
'''

PYPROJECT = ('[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
             '[project]\nname = "barcodenumber"\nversion = "0.5.0"\ndependencies = ["python-stdnum"]\n\n'
             '[tool.setuptools]\npackages = ["barcodenumber"]\n')

AUTHORS = ["Abel Pounce <abel@scrivener.test>", "Cass Vellum <cass@scrivener.test>",
           "Dora Inkhorn <dora@scrivener.test>", "Eli Quill <eli@scrivener.test>"]
GROUPS = [
    ([MOD, GS1], "Add the deed code checker (barcodenumber)"),
    (["README.md", "LICENSE"], "Readme and licence"),
    (["tests/deed_codes.json"], "The deed codes of the office, as barcodenumber checks them"),
    (["tests/test_deed_codes.py"], "Tests for the deed codes"),
    (["pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 67600; its script file is
    written as cope_drag.py by round 473's code and renamed to engross_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, ENGROSS_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py engross_check.py")
    r473.git(d, "commit -q -m 'Rename the deed engrosser to engross_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "office_notes.txt").write_text("desk 2 vellum skins cockled in the damp; press them a week longer\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/week_{k:02d}_deed_sheet.txt": ENGROSS_CHECK.split("SCRIVENERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "deedroom"
    d.mkdir(parents=True)
    whl = next(SRC.glob("barcodenumber-0.5.0-*.whl"))
    cm.run(f"unzip -q {whl} 'barcodenumber/*' 'barcodenumber-0.5.0.dist-info/LICENSE' && "
           "mv barcodenumber-0.5.0.dist-info/LICENSE LICENSE && rm -rf barcodenumber-0.5.0.dist-info", cwd=d)
    (d / "README.md").write_text("# deedroom\n\nThe scriveners' deed code checker (barcodenumber 0.5.0).\n")
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_deed_codes.py": TEST_CODES,
                      "pyproject.toml": PYPROJECT})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "deed_codes.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_deed_codes.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'check'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'decode or inkhorn'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'check and (gtin14 or isbn10)'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'decode or listed or inkhorn'; echo EXIT=$?",
        d, n_pytest, tty=True)
    cap("pytest-dm-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'decode and deed1'", d, n_pytest)
    cap("pytest-unittest", f"python -m pytest -v --color=yes {ign} barcodenumber/tests.py", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "barcodenumber engross_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D engross_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests barcodenumber 2>&1 | head -n 300", d,
        n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "engross_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "barcodenumber engross_check.py tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python engross_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev engross_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {MOD} {GS1} engross_check.py README.md tests/test_deed_codes.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/deed_codes.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/deed_codes.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 20,188 {MOD}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |raise |return |assert' barcodenumber tests "
        "engross_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 67601
C_N = 34
C_ERRS = {3: "type", 9: "args", 16: "undeclared", 22: "semicolon", 26: "type", 31: "args"}
C_HDR = {11, 29}
C_LINK = {18}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "inkstand")


def step_c(tmp: Path) -> None:
    d = tmp / "inkstand"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
SCRIBES = ["Abel Pounce", "Cass Vellum", "Dora Inkhorn", "Eli Quill", "Fen Seal", "Gus Ribbon", "Hal Wax",
           "Ida Draft", "Jem Codicil", "Kay Deed"]
ROOMS = ["writing room"] * 9 + ["copying room"] * 7 + ["strong room", "sealing table", "front office"]

OFFICE_JOBS = "\n".join(
    [f"(exec -a 'engross-desk --desk {b} --scrivener {r}' sleep 600) &" for b, r in enumerate(
        ["abel", "cass", "dora", "eli", "fen", "gus", "hal", "ida", "jem", "kay"], 1)]
    + [f"(exec -a 'fair-copy --deed {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 5, 37, 2, 19], 1)]
    + ["(exec -a 'pounce-dryer --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'wax-warmer --desk 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The office's deed book (seed 67605) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "scriveners"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,scrivener,folios,room,skin_in,blots,shift,outcome"]
    for k in range(470):
        folios = rnd.randint(1, 60) if k != 311 else 5400
        outcome = "blotted" if k == 58 else "torn" if k == 389 else "engrossed"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(SCRIBES)},{folios},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([12, 16, 20, 24])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'evening'])},"
                    f"{outcome}")
    (d / "deed_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat deed_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 deed_book.csv", d, n_csv)
    cm.run("sqlite3 scriveners.db \".import --csv deed_book.csv deeds\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header scriveners.db 'SELECT scrivener, room, folios, "
        "skin_in, outcome FROM deeds ORDER BY date'", d, n_sqlite_csv)
    loggers = ["deed.desk", "deed.seal", "deed.press", "deed.store", "deed.api"]
    msgs = {
        "DEBUG": lambda r: f"line {r.randint(1, 90000)} engrossed at {r.randint(4, 60)} words a minute",
        "INFO": lambda r: f"request GET /deeds/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"ink well {r.randint(1, 6)} running {r.randint(5, 30)} per cent thin, letters may fade",
        "ERROR": lambda r: f"vellum skin cockled on desk {r.randint(1, 6)} at deed {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"sealing table {r.randint(1, 4)} wax pot failed on desk {r.randint(1, 6)}: office stopped by the master scrivener",
    }
    app_log(d / "scriptorium.log", SEED + 7, 2400, loggers, msgs, 6760, "2026-10-24")
    cap("app-log-tail", "tail -n 900 scriptorium.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' scriptorium.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", OFFICE_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR deedroom inkstand", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0", STDNUM])
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("barcodenumber-*.whl")):
        cm.run(f"pip3 download -q --no-deps {WHEEL}", cwd=SRC, env=cm.PIP_ENV, timeout=300)
    cm.install_npm(ROOT.parent / "hm-corpus-wide676-js", "vitest",
                   ["double-metaphone@2.0.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide676_js as js  # double-metaphone: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide676", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean676
    cm.clean_lines = clean676
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide676-", OUT, TMP)
