#!/usr/bin/env python3
"""Round 556: issue #11's kinds with colour and terminal control forced on (rounds 513, 527 and 537's pattern, round
368's runner), on the real PyPI package camel-converter 6.0.0 with bugs put in, a seeded C project (round 279's
generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript
part (the npm package get-value, vitest / eslint / tsc) and a few tables and a service log, a bobbin mill's names
(lathes, blanks, turners); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 556.

Usage:   .venv/bin/python scripts/corpus/capture_wide556.py
Writes:  scripts/corpus/data/wide556.json, ids prefixed "wide556-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up and its colour-forcing runner)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide556-tools")
TMP = Path("/dev/shm/hm-corpus-wide556")
OUT = HERE / "data" / "wide556.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 55610
SDIST = "camel-converter==6.0.0"
PKG = "camel_converter-6.0.0"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean556 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("camel_converter/__init__.py", 'return words[0] + "".join(word.title() for word in words[1:])',
     'return words[0] + "".join(word.title() for word in words[2:])'),
    ("camel_converter/__init__.py", "if c.isupper() or (treat_digits_as_capitals and c.isdigit()):",
     "if c.isupper() or c.isdigit():"),
    ("camel_converter/__init__.py", "    if isinstance(value, list):\n", "    if isinstance(value, set):\n"),
]

TURNER_CHECK = '''"""Convert the bobbin mill's turner tickets with camel_converter and check each lathe's blanks reach the kiln."""
from camel_converter import dict_to_camel, to_snake

MILL = {
    "mill_name": "Low Beck bobbin mill",
    "lathe_shop": [
        {"lathe_no": 1, "turner_name": "Amos Birch", "blank_batches": [{"blank_size": 38, "blank_count": 240}]},
        {"lathe_no": 2, "turner_name": "Nell Gouge", "blank_batches": [{"blank_size": 44, "blank_count": 180}]},
    ],
    "roughing_lathe": {"turner_name": "Jos Chuck", "spindle_rpm": 2400},
    "drying_loft": {"kiln_temp_c": 62, "reel_stock": ["birch", "birch", "sycamore"]},
}
EXPECTED_KEYS = ["lathe_shop", "lathe_no", "turner_name", "blank_batches", "blank_size", "blank_count"]


class BlankSplitError(RuntimeError):
    """A batch of blanks could not be matched to its lathe: the turning would run short."""


class LatheStoppedError(Exception):
    """The turners stopped the lathe shop."""


def tickets(mill):
    camel = dict_to_camel(mill)
    if "latheShop" not in camel:
        raise ValueError(f"turner tickets lost the lathe shop after conversion: {sorted(camel)}")
    shop = camel["latheShop"]
    keys = sorted({k for lathe in shop for k in lathe} | {k for lathe in shop for b in lathe.get("blankBatches", [])
                                                          for k in b})
    back = sorted(to_snake(k) for k in keys)
    missing = [k for k in EXPECTED_KEYS[1:] if k not in back]
    if missing:
        raise ValueError(f"turner tickets lost keys {missing} after a round trip: {keys}")
    return shop


def roughing():
    try:
        return tickets(MILL)
    except ValueError as e:
        raise BlankSplitError("roughing lathe short of blanks: " + str(e)) from e


def turn_bobbins():
    try:
        shop = roughing()
        return [f"lathe {lathe['latheNo']}: {lathe['turnerName']}" for lathe in shop]
    except BlankSplitError as e:
        raise LatheStoppedError("lathe shop halted at the drying loft (Jos Chuck)") from e


if __name__ == "__main__":
    print("\\n".join(turn_bobbins()))
'''

AUTHORS = ["Amos Birch <amos@bobbinmill.test>", "Nell Gouge <nell@bobbinmill.test>",
           "Jos Chuck <jos@bobbinmill.test>", "Hetty Spindle <hetty@bobbinmill.test>"]
GROUPS = [
    (["camel_converter/__init__.py", "camel_converter/_version.py"], "Add the camel, snake and pascal converters"),
    (["camel_converter/decorators.py", "camel_converter/pydantic_base.py"], "Decorators and the pydantic base"),
    (["tests/__init__.py", "tests/conftest.py", "tests/test_camel_converter.py"], "Tests for the converters"),
    (["tests/test_decorators.py", "tests/test_pydantic.py"], "Tests for the decorators"),
    (["pyproject.toml", "justfile", "uv.lock"], "Packaging"),
]
README_MD = "# Turner tickets\n\nThe bobbin mill's turner tickets, converted with camel_converter for the lathe shop.\n"


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 55610; its script file is
    written as cope_drag.py by round 473's code and renamed to turner_check.py in one more commit."""
    (d / "README.md").write_text(README_MD)
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, TURNER_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py turner_check.py")
    r473.git(d, "commit -q -m 'Rename the ticket checker to turner_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "loft_notes.txt").write_text("lathe 2 chuck slipping; re-season the birch blanks before the next run\n")
    for k in range(1, 7):  # the week's turner tickets, saved and left untracked
        cm.write_tree(d, {f"tickets/week_{k:02d}_turner_tickets.txt": TURNER_CHECK.split("EXPECTED_KEYS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "camel_converter_mill"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO .github", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider --ignore=tests/test_pydantic.py"
    t = "tests"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}/test_camel_converter.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} {t} -k 'pascal'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} {t}/test_decorators.py; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN camel_converter turner_check.py; echo EXIT=$?",
        d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D turner_check.py "
        "camel_converter/__init__.py", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental turner_check.py "
        "camel_converter/__init__.py camel_converter/decorators.py", d, n_mypy)
    cap("mypy-tty", f"python -m mypy --no-incremental --strict {t}", d, n_mypy, tty=True)
    cap("traceback", "python turner_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev turner_check.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- camel_converter turner_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~5", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame camel_converter/__init__.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' camel_converter tests turner_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


TURNERS = ["Amos Birch", "Nell Gouge", "Jos Chuck", "Hetty Spindle", "Reuben Reel", "Maggie Kiln", "Tobias Blank",
           "Ada Lathe", "Ned Sycamore", "Polly Bobbin"]
STATIONS = ["roughing lathe"] * 9 + ["finishing lathe"] * 7 + ["boring bench", "drying loft", "polishing drum"]


MILL_JOBS = "\n".join(
    [f"(exec -a 'lathe-spindle --lathe {b} --turner {r}' sleep 600) &" for b, r in enumerate(
        ["amos", "nell", "jos", "hetty", "reuben", "maggie", "tobias", "ada", "ned", "polly"], 1)]
    + [f"(exec -a 'blank-saw --batch {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([9, 17, 4, 44, 13], 1)]
    + ["(exec -a 'polishing-drum --turns 500' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'drying-kiln --loft 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The mill's blank log (seed 55614) as CSV, through sqlite3, and the process table; the mill's service log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "bobbinmill"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,turner,blank_mm,station,bobbins,spindle_rpm,shift,outcome"]
    for k in range(64):
        mm = rnd.randint(20, 60) if k != 31 else 610
        outcome = "split" if k == 11 else "rejected" if k == 50 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(TURNERS)},{mm},{rnd.choice(STATIONS)},"
                    f"{rnd.randint(80, 900)},{rnd.randint(1200, 3200)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "blank_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat blank_log.csv", d, n_csv)
    cm.run("sqlite3 mill.db \".import --csv blank_log.csv blanks\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header mill.db 'SELECT turner, station, blank_mm, bobbins, outcome FROM blanks"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mill.roughing", "mill.finishing", "mill.kiln", "mill.api", "mill.saw"]
    msgs = {
        "DEBUG": lambda r: f"spindle turn {r.randint(1, 9000)} at {r.randint(1200, 3200)} rpm",
        "INFO": lambda r: f"request GET /blanks/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"birch blank on lathe {r.randint(1, 9)} at {r.randint(14, 22)}% moisture, over the mark",
        "ERROR": lambda r: f"blank split on roughing lathe {r.randint(1, 4)} at bobbin {r.randint(20, 900)}",
        "CRITICAL": lambda r: f"drying kiln {r.randint(1, 2)} over temperature: loft door jammed",
    }
    app_log(d / "lathe.log", SEED + 6, 700, loggers, msgs, 5561, "2026-10-24")
    cap("app-log-tail", "tail -n 300 lathe.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' lathe.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", MILL_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR camel_converter_mill lathebed", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "camel*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide556-js", "vitest",
                   ["get-value@3.0.1", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide556_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide556_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide556_js as js  # get-value: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide556", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean556
    cm.clean_lines = clean556
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide556-", OUT, TMP)
