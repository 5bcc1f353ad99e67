#!/usr/bin/env python3
"""Round 527: issue #11's kinds with colour and terminal control forced on (rounds 490, 499 and 513's pattern, round
368's runner), on the real PyPI package about-time 4.2.2 with bugs put in, a seeded C project (round 279's generator), a
Rust crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript part (the npm
package deep-extend, vitest / eslint / tsc) and a few tables and a service log, a gunpowder mill's names (incorporating
mills, press houses, millmen); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 527.

Usage:   .venv/bin/python scripts/corpus/capture_wide527.py
Writes:  scripts/corpus/data/wide527.json, ids prefixed "wide527-".
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

ROOT = Path("/dev/shm/hm-corpus-wide527-tools")
TMP = Path("/dev/shm/hm-corpus-wide527")
OUT = HERE / "data" / "wide527.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 52710
SDIST = "about-time==4.2.2"
PKG = "about_time-4.2.2"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean527 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("about_time/human_duration.py", '(1e3, 1e3, "µs", 1),', '(1e3, 1e3, "us", 1),'),
    ("about_time/human_duration.py", "    if m < 60.:\n", "    if m < 6.:\n"),
    ("about_time/human_count.py", "IEC_1024_SPEC = ('', 'Ki', 'Mi',", "IEC_1024_SPEC = ('', 'Ki', 'Mb',"),
]

PRESS_HOUSE_CHECK = '''"""Format the press house's charge timings with about_time and check the short ones read in microseconds."""
from about_time import HumanCount, HumanDuration

CHARGE_TIMINGS = [
    ("mill cake, incorporating mill 3", 0.000042),
    ("press cake, hydraulic press 1", 0.0000187),
    ("corning house sieve", 2.75),
    ("glazing barrel 2", 431.0),
    ("stove drying, charge 14", 5423.5),
]
CHARGE_BYTES = 3 * 1024 * 1024


class PressCakeError(RuntimeError):
    """A timing the formatter spoilt: the press house's book would read wrong."""


class MillStoppedError(Exception):
    """The millmen could not sign off the day's charges."""


def format_timings(timings):
    out = []
    for i, (what, seconds) in enumerate(timings, 1):
        text = str(HumanDuration(seconds))
        if seconds < 1e-3 and "\\u00b5s" not in text:
            raise ValueError(f"charge {i} ({what}) lost its microseconds: {text}")
        out.append(f"{what}: {text}")
    return out


def press_house():
    try:
        return format_timings(CHARGE_TIMINGS)
    except ValueError as e:
        raise PressCakeError("press house book spoilt at the timings: " + str(e)) from e


def sign_off():
    try:
        lines = press_house()
        lines.append("log size " + HumanCount(CHARGE_BYTES, "B").as_human())
        return lines
    except PressCakeError as e:
        raise MillStoppedError("incorporating mills stopped at the sign-off (Abel Saltpetre)") from e


if __name__ == "__main__":
    print("\\n".join(sign_off()))
'''

AUTHORS = ["Abel Saltpetre <abel@powdermill.test>", "Bridget Corning <bridget@powdermill.test>",
           "Caleb Runner <caleb@powdermill.test>", "Dinah Glaze <dinah@powdermill.test>"]
GROUPS = [
    (["about_time/core.py", "about_time/__init__.py"], "Add the timer: about_time and its handles"),
    (["about_time/human_duration.py", "about_time/human_count.py", "about_time/human_throughput.py",
      "about_time/features.py"], "Human durations, counts and throughputs"),
    (["tests/test_core.py", "tests/test_human_duration.py"], "Tests for the timer and durations"),
    (["tests/test_human_count.py", "tests/test_human_throughput.py"], "Tests for counts and throughputs"),
    (["setup.py", "setup.cfg", "pyproject.toml", "LICENSE"], "Packaging and licence"),
]
README_MD = "# Press house timings\n\nThe gunpowder mill's charge timings, formatted with about_time for the press house book.\n"


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 52710; its script file is
    written as cope_drag.py by round 473's code and renamed to press_house_check.py in one more commit."""
    (d / "README.md").write_text(README_MD)
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, PRESS_HOUSE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py press_house_check.py")
    r473.git(d, "commit -q -m 'Rename the charge-timing checker to press_house_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "mill_notes.txt").write_text("edge runner 2 running hot; damp the charge before the next incorporating\n")
    for k in range(1, 7):  # the week's press house books, saved and left untracked
        cm.write_tree(d, {f"press_books/week_{k:02d}_charge_timings.txt": PRESS_HOUSE_CHECK.split("CHARGE_BYTES")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "about_time"
    (tmp / PKG).rename(d)
    cm.run("rm -rf about_time.egg-info PKG-INFO", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} tests/test_human_duration.py tests/test_human_count.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} tests/test_human_duration.py -k 'human and not prec'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} tests", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} tests/test_human_count.py tests/test_human_throughput.py; echo EXIT=$?",
        d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP about_time press_house_check.py tests; echo EXIT=$?",
        d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D press_house_check.py about_time/core.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental press_house_check.py about_time", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict tests", d, n_mypy, tty=True)
    cap("traceback", "python press_house_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev press_house_check.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- about_time press_house_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~5", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame about_time/core.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' about_time tests press_house_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


MILLMEN = ["Abel Saltpetre", "Bridget Corning", "Caleb Runner", "Dinah Glaze", "Ezra Charcoal", "Flora Sulphur",
           "Gideon Stove", "Hester Sieve", "Isaac Bedstone", "Jane Pressman"]
HOUSES = ["incorporating mill"] * 13 + ["press house"] * 7 + ["corning house", "glazing house", "dusting house"]


MILL_JOBS = "\n".join(
    [f"(exec -a 'edge-runner --mill {b} --millman {r}' sleep 600) &" for b, r in enumerate(
        ["abel", "bridget", "caleb", "dinah", "ezra", "flora", "gideon", "hester", "isaac", "jane"], 1)]
    + [f"(exec -a 'press-cake --press {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([4, 17, 2, 73, 9], 1)]
    + ["(exec -a 'glazing-barrel --turns 400' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'stove-drying --charge 14' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The mill's charge log (seed 52714) as CSV, through sqlite3, and the process table; the mill's service log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "powdermill"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,millman,charge_kg,house,runner_hours,moisture_pct,shift,outcome"]
    for k in range(58):
        charge = rnd.randint(18, 60) if k != 31 else 410
        outcome = "flashed" if k == 9 else "condemned" if k == 44 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(MILLMEN)},{charge},{rnd.choice(HOUSES)},"
                    f"{rnd.randint(2, 8)},{rnd.randint(1, 9)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "charge_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat charge_log.csv", d, n_csv)
    cm.run("sqlite3 mill.db \".import --csv charge_log.csv charges\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header mill.db 'SELECT millman, house, charge_kg, runner_hours, outcome FROM charges"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mill.incorporating", "mill.press", "mill.corning", "mill.api", "mill.stoves"]
    msgs = {
        "DEBUG": lambda r: f"runner turn {r.randint(1, 9000)} at {r.randint(6, 9)} rpm",
        "INFO": lambda r: f"request GET /charges/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"mill {r.randint(1, 6)} bed temperature {r.randint(38, 55)}C above the damping mark",
        "ERROR": lambda r: f"charge aborted in press {r.randint(1, 3)}: pressure lost at {r.randint(100, 400)} bar",
        "CRITICAL": lambda r: f"edge runner {r.randint(1, 2)} stopped: bedstone dry",
    }
    app_log(d / "powder.log", SEED + 6, 700, loggers, msgs, 5271, "2026-10-24")
    cap("app-log-tail", "tail -n 300 powder.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' powder.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", MILL_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR about_time edgerunner", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "about_time-*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide527-js", "vitest",
                   ["deep-extend@0.6.0", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide527_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide527_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide527_js as js  # deep-extend: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide527", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean527
    cm.clean_lines = clean527
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide527-", OUT, TMP)
