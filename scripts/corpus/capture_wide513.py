#!/usr/bin/env python3
"""Round 513: issue #11's kinds with colour and terminal control forced on (rounds 473, 490 and 499's pattern, round
368's runner), on the real PyPI package smartypants 2.0.2 with bugs put in, a seeded C project (round 279's generator), a
Rust crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript part (the npm
package shallowequal, vitest / eslint / tsc) and a few tables and a service log, a clock tower's names (escapements,
pendulums, winders); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 513.

Usage:   .venv/bin/python scripts/corpus/capture_wide513.py
Writes:  scripts/corpus/data/wide513.json, ids prefixed "wide513-".
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

ROOT = Path("/dev/shm/hm-corpus-wide513-tools")
TMP = Path("/dev/shm/hm-corpus-wide513")
OUT = HERE / "data" / "wide513.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 51310
SDIST = "smartypants==2.0.2"
PKG = "smartypants-2.0.2"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean513 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("smartypants.py", "    text = re.sub('--', '&#8212;', text)\n", "    text = re.sub('--', '&#8211;', text)\n"),
    ("smartypants.py", "text = re.sub(\"''\", '&#8221;', text)", "text = re.sub(\"''\", '&#8220;', text)"),
    ("smartypants.py", "text = re.sub(r\"\"\"\\b'(?=\\d{2}s)\"\"\", '&#8217;', text)",
     "text = re.sub(r\"\"\"\\b'(?=\\d{2}s)\"\"\", '&#8216;', text)"),
]

WINDER_CHECK = '''"""Typeset the clock tower's winding notes with smartypants and check the dashes came out as em dashes."""
import smartypants

WINDING_NOTES = """Escapement -- pin pallet, lifted 2 deg on the east dial
Pendulum -- 1.5 s beat, bob raised two turns of the rating nut
Winder's note: "going train wound -- 38 turns, strike train 41 turns"
Bells -- hour bell cracked in the '80s, recast 1991"""


class EscapementSlipError(RuntimeError):
    """A note the typesetter spoilt: the tower's log would read wrong."""


class ClockStoppedError(Exception):
    """The winders could not sign off the week's winding."""


def typeset(notes):
    out = []
    for i, line in enumerate(notes.splitlines(), 1):
        html = smartypants.smartypants(line, smartypants.Attr.set1)
        if "--" in line and "&#8212;" not in html:
            raise ValueError(f"note {i} lost its em dash: {html}")
        out.append(html)
    return out


def escapement():
    try:
        return typeset(WINDING_NOTES)
    except ValueError as e:
        raise EscapementSlipError("escapement slipped in the winding notes: " + str(e)) from e


def wind_the_tower():
    try:
        return len(escapement())
    except EscapementSlipError as e:
        raise ClockStoppedError("tower clock stopped at the winding (Ada Pallet)") from e


if __name__ == "__main__":
    print(wind_the_tower(), "notes typeset")
'''

AUTHORS = ["Ada Pallet <ada@clocktower.test>", "Barnaby Bob <barnaby@clocktower.test>",
           "Cora Winder <cora@clocktower.test>", "Dunstan Crutch <dunstan@clocktower.test>"]
GROUPS = [
    (["smartypants.py"], "Add the typesetter: quotes, dashes and ellipses"),
    (["tests/test.py", "tests/test_deprecated.py"], "Tests"),
    (["tests/test_cli.py", "tests/test_setup.py"], "Tests for the command line and packaging"),
    (["setup.py", "setup.cfg", "MANIFEST.in"], "Packaging"),
    (["README.rst", "CHANGES.rst", "COPYING"], "Readme, changes and licence"),
]
README_MD = "# Tower typesetter\n\nThe clock tower's winding notes, typeset with smartypants before they go in the log.\n"


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 51310; its script file is
    written as cope_drag.py by round 473's code and renamed to winder_check.py in one more commit."""
    (d / "README.md").write_text(README_MD)
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, WINDER_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py winder_check.py")
    r473.git(d, "commit -q -m 'Rename the winding-notes checker to winder_check.py'", AUTHORS[2], "2026-10-21T09:15:00")
    put_bugs(d, BUGS)
    (d / "tower_notes.txt").write_text("east dial loses 40 s a week; check the crutch before the next winding\n")
    for k in range(1, 7):  # the week's typeset notes, saved and left untracked
        cm.write_tree(d, {f"winding_runs/week_{k:02d}_going_train_notes.txt": WINDER_CHECK.split('"""')[3]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "smartypants"
    (tmp / PKG).rename(d)
    cm.run("rm -rf smartypants.egg-info PKG-INFO", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} tests/test.py tests/test_deprecated.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} tests/test.py -k 'dates or dash or backtick or quote'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} tests/test.py tests/test_cli.py tests/test_deprecated.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests/test.py 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} tests/test.py tests/test_cli.py; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP smartypants.py winder_check.py tests; echo EXIT=$?",
        d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D winder_check.py tests/test.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL smartypants.py 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental winder_check.py smartypants.py", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict tests/test.py tests/test_cli.py", d, n_mypy, tty=True)
    cap("traceback", "python winder_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev winder_check.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- smartypants.py winder_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 280,460 smartypants.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' smartypants.py tests winder_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


TESTERS = ["Ada Pallet", "Barnaby Bob", "Cora Winder", "Dunstan Crutch", "Edith Fly", "Felix Ratchet",
           "Gwen Dial", "Hugh Weight", "Iris Bellrope", "Jem Arbor"]
TRAINS = ["going train"] * 12 + ["strike train"] * 8 + ["chime train", "auto-winder", "hand crank"]


TOWER_JOBS = "\n".join(
    [f"(exec -a 'winder-crank --train {b} --hand {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "barnaby", "cora", "dunstan", "edith", "felix", "gwen", "hugh", "iris", "jem"], 1)]
    + [f"(exec -a 'pendulum-rate --dial {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([3, 11, 2, 61, 8], 1)]
    + ["(exec -a 'escapement-beat --wheel 30' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'bell-strike --hour 12' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The tower's winding log (seed 51314) as CSV, through sqlite3, and the process table; the turret clock's log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "clocktower"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,winder,turns,train,weight_kg,drift_s,shift,outcome"]
    for k in range(56):
        weight = rnd.randint(40, 160) if k != 23 else 900
        outcome = "overwound" if k == 14 else "stopped" if k == 47 else "wound"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(TESTERS)},{rnd.randint(20, 60)},{rnd.choice(TRAINS)},"
                    f"{weight},{rnd.randint(-40, 40)},{rnd.choice(['morning', 'morning', 'evening'])},{outcome}")
    (d / "winding_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat winding_log.csv", d, n_csv)
    cm.run("sqlite3 tower.db \".import --csv winding_log.csv windings\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header tower.db 'SELECT winder, train, turns, weight_kg, outcome FROM windings"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["tower.escapement", "tower.pendulum", "tower.winder", "tower.api", "tower.bells"]
    msgs = {
        "DEBUG": lambda r: f"beat {r.randint(1, 3600)} measured at {r.randint(980, 1020)}ms",
        "INFO": lambda r: f"request GET /dials/{r.randint(1, 4)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"dial {r.randint(1, 4)} drifting {r.randint(5, 90)}s from the time signal",
        "ERROR": lambda r: f"winding aborted on train {r.randint(1, 3)}: maintaining power lost at turn {r.randint(1, 40)}",
        "CRITICAL": lambda r: f"escapement {r.randint(1, 2)} stopped: pallet jammed",
    }
    app_log(d / "turret.log", SEED + 6, 700, loggers, msgs, 5131, "2026-10-23")
    cap("app-log-tail", "tail -n 300 turret.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' turret.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", TOWER_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR smartypants escapetrain", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "smartypants-*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide513-js", "vitest",
                   ["shallowequal@1.1.0", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide513_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide513_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide513_js as js  # shallowequal: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide513", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean513
    cm.clean_lines = clean513
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide513-", OUT, TMP)
