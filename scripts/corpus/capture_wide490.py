#!/usr/bin/env python3
"""Round 490: issue #11's kinds with colour and terminal control forced on (rounds 444, 458 and 473's pattern, round
368's runner), on the real PyPI package jsmin 3.0.1 with bugs put in, a seeded C project (round 279's generator), a Rust
crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript part (the npm package
html-escaper, vitest / eslint / tsc) and a few tables and a service log, a signal lamp works' names (lenses, shutters,
wicks); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and bugs. See NEEDLES.md, round 490.

Usage:   .venv/bin/python scripts/corpus/capture_wide490.py
Writes:  scripts/corpus/data/wide490.json, ids prefixed "wide490-".
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
from capture_material import app_log  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide490-tools")
TMP = Path("/dev/shm/hm-corpus-wide490")
OUT = HERE / "data" / "wide490.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 49010
SDIST = "jsmin==3.0.1"
PKG = "jsmin-3.0.1"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean490 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("jsmin/__init__.py", "starters, enders = '{[(+-', '}])+-/' + self.quote_chars",
     "starters, enders = '{[(+-', '}])+/' + self.quote_chars"),
    ("jsmin/__init__.py", '"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$\\\\"', '"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_\\\\"'),
    ("jsmin/__init__.py", 'if comment_buffer.startswith("/*!"):', 'if comment_buffer.startswith("/**"):'),
]

LAMP_TEST = '''"""Minify the lamp works' shutter test sheet (a JavaScript object literal) and read it as JSON."""
import json

from jsmin import jsmin

SHEET = """/*! lamp works shutter test sheet */
{
  // each lamp: lens, shutter slats, wick trim
  "lamps": [
    {"lamp": "Aldis 10in", "lens": "fresnel-ring", "slats": 7, "wick": "flat-3"},
    {"lamp": "Beacon 4", "lens": "bullseye", "slats": 12, "wick": "round-5"},
    {"lamp": "Signal 2", "lens": "plano", "slats": 5, "wick": "flat-2"},
  ],
  "shift": "$night"
}"""


class ShutterJamError(RuntimeError):
    """A shutter that sticks half-open sends the wrong letter."""


class LampRoomStopError(Exception):
    """The lamp room could not pass the day's lamps."""


def read_sheet(text):
    try:
        return json.loads(jsmin(text))
    except ValueError as e:
        raise ShutterJamError("test sheet unreadable after minifying: " + str(e)) from e


def pass_lamps():
    try:
        return read_sheet(SHEET)["lamps"]
    except ShutterJamError as e:
        raise LampRoomStopError("lamp room stopped at the shutter test (Ada Wickham)") from e


if __name__ == "__main__":
    print(json.dumps(pass_lamps()))
'''

AUTHORS = ["Ada Wickham <ada@lampworks.test>", "Bert Lensman <bert@lampworks.test>",
           "Clara Shutter <clara@lampworks.test>", "Dick Fresnel <dick@lampworks.test>"]
GROUPS = [
    (["jsmin/__init__.py"], "Add the minifier"),
    (["jsmin/__main__.py"], "Command line entry"),
    (["jsmin/test.py"], "Tests for the minifier"),
    (["setup.py", "setup.cfg", "MANIFEST.in"], "Packaging"),
    (["README.md", "README.rst", "CHANGELOG.txt"], "Readme and changelog"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and bugs and seed 49010; its script
    file is written as cope_drag.py by round 473's code and renamed to lamp_test.py in one more commit."""
    (d / "README.md").write_text((d / "README.rst").read_text())  # round 473's history appends shifts to README.md
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, LAMP_TEST, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py lamp_test.py")
    r473.git(d, "commit -q -m 'Rename the sheet reader to lamp_test.py'", AUTHORS[2], "2026-10-20T09:15:00")
    cm.run("git checkout -q -- .", cwd=d)
    for f, old, new in BUGS:
        p = d / f
        t = p.read_text()
        assert t.count(old) == 1, (f, old)
        p.write_text(t.replace(old, new, 1))
    (d / "lamproom_notes.txt").write_text("shutter 4 sticks half-open; re-trim the wicks on Beacon 4 before the night test\n")


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "jsmin"
    (tmp / PKG).rename(d)
    cm.run("rm -rf jsmin.egg-info", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} jsmin/test.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} jsmin/test.py -k 'regex or comment or space'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} jsmin/test.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} jsmin 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} jsmin/test.py; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache jsmin lamp_test.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D jsmin/__init__.py lamp_test.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL jsmin/test.py 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental lamp_test.py jsmin/__init__.py", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict jsmin", d, n_mypy, tty=True)
    cap("traceback", "python lamp_test.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev lamp_test.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- jsmin lamp_test.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -4 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status", d, n_status)
    cap("git-blame", f"{g} blame jsmin/__main__.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' jsmin", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


TESTERS = ["Ada Wickham", "Bert Lensman", "Clara Shutter", "Dick Fresnel", "Elsie Burner", "Fred Reflector",
           "Gertie Beacon", "Harold Slat", "Ivy Lamplight", "Jack Aldis"]
LAMPS = ["Aldis 10in"] * 12 + ["Beacon 4"] * 8 + ["Signal 2", "Masthead 6", "Harbour 3"]


LAMP_JOBS = "\n".join(
    [f"(exec -a 'wick-trim --lamp {b} --tester {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bert", "clara", "dick", "elsie", "fred", "gertie", "harold", "ivy", "jack"], 1)]
    + [f"(exec -a 'lens-grind --wheel {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([5, 11, 3, 61, 7], 1)]
    + ["(exec -a 'shutter-cycle --bank 2' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'beacon-watch --tower 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The works' lamp test log (seed 49014) as CSV, through sqlite3, and the process table; the lamp room's log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "lamproom"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,tester,lamp_no,lamp,slats,candela,shift,outcome"]
    for k in range(54):
        slats = rnd.randint(3, 14) if k != 29 else 88
        outcome = "jammed" if k == 13 else "lens cracked" if k == 44 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(TESTERS)},{rnd.randint(100, 400)},{rnd.choice(LAMPS)},"
                    f"{slats},{rnd.randint(800, 90000)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "lamp_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat lamp_log.csv", d, n_csv)
    cm.run("sqlite3 lamps.db \".import --csv lamp_log.csv tests\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header lamps.db 'SELECT tester, lamp, slats, candela, outcome FROM tests"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["lamproom.wick", "lamproom.lens", "lamproom.shutter", "works.api", "works.burner"]
    msgs = {
        "DEBUG": lambda r: f"wick {r.randint(1, 60)} trimmed in {r.randint(20, 90)}s",
        "INFO": lambda r: f"request GET /lamps/{r.randint(100, 400)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"burner {r.randint(1, 5)} at {r.randint(700, 900)}C, above setpoint",
        "ERROR": lambda r: f"shutter test aborted on lamp {r.randint(1, 60)}: slat jammed",
        "CRITICAL": lambda r: f"lens grinder {r.randint(1, 3)} stalled: wheel overload",
    }
    app_log(d / "lamproom.log", SEED + 6, 700, loggers, msgs, 4901, "2026-10-22")
    cap("app-log-tail", "tail -n 300 lamproom.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' lamproom.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", LAMP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR jsmin shuttergate", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "jsmin-*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide490-js", "vitest",
                   ["html-escaper@3.0.3", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide490_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide490_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide490_js as js  # html-escaper: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide490", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean490
    cm.clean_lines = clean490
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide490-", OUT, TMP)
