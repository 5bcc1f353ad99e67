#!/usr/bin/env python3
"""Round 499: issue #11's kinds with colour and terminal control forced on (rounds 458, 473 and 490's pattern, round
368's runner), on the real PyPI package pysubs2 1.8.1 with bugs put in, a seeded C project (round 279's generator), a
Rust crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript part (the npm
package object-hash, vitest / eslint / tsc) and a few tables and a service log, a rope works' names (hatchels,
spindles, layers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 499.

Usage:   .venv/bin/python scripts/corpus/capture_wide499.py
Writes:  scripts/corpus/data/wide499.json, ids prefixed "wide499-".
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

ROOT = Path("/dev/shm/hm-corpus-wide499-tools")
TMP = Path("/dev/shm/hm-corpus-wide499")
OUT = HERE / "data" / "wide499.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 49910
SDIST = "pysubs2==1.8.1"
PKG = "pysubs2-1.8.1"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean499 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("pysubs2/time.py", "ms = frac * 10**(3 - len(groups[-1]))", "ms = frac * 10**(3 - len(groups[0]))"),
    ("pysubs2/time.py", "return int(round(frames * (1000 / fps)))", "return int(frames * (1000 / fps))"),
    ("pysubs2/time.py", 'sgn = "-" if ms < 0 else ""', 'sgn = "-" if ms <= 0 else ""'),
]

CORDAGE_TEST = '''"""Read the rope works' layer log (an SRT file of the laying walk) and check every layer's run."""
import pysubs2

LAYER_LOG = """1
00:00:01,500 --> 00:00:03,000
Hatchel 2: hemp combed, 14 slivers

2
00:00:03,250 --> 00:00:07,800
Spindle 9: yarn spun left-hand, 48 tpm

3
00:00:08,100 --> 00:00:12,400
Layer 1: three strands laid into a hawser
"""


class StrandPartedError(RuntimeError):
    """A strand that parts on the walk spoils the whole lay."""


class RopeWalkStopError(Exception):
    """The rope walk could not lay the day's hawsers."""


def check_layers(text):
    subs = pysubs2.SSAFile.from_string(text, format_="srt")
    for i, ev in enumerate(subs, 1):
        if ev.end <= ev.start:
            raise ValueError(f"layer {i} ends before it starts: {ev.start}..{ev.end} ms ({ev.text})")
    return subs


def walk():
    try:
        return check_layers(LAYER_LOG)
    except ValueError as e:
        raise StrandPartedError("strand parted on the walk: " + str(e)) from e


def lay_hawsers():
    try:
        return len(walk())
    except StrandPartedError as e:
        raise RopeWalkStopError("rope walk stopped at the laying (Nell Hatchel)") from e


if __name__ == "__main__":
    print(lay_hawsers(), "layers laid")
'''

AUTHORS = ["Nell Hatchel <nell@ropeworks.test>", "Owen Spindle <owen@ropeworks.test>",
           "Peggy Layer <peggy@ropeworks.test>", "Reuben Strand <reuben@ropeworks.test>"]
GROUPS = [
    (["pysubs2/time.py", "pysubs2/common.py"], "Add timestamps and colours"),
    (["pysubs2/ssaevent.py", "pysubs2/ssastyle.py"], "Events and styles"),
    (["pysubs2/ssafile.py", "pysubs2/__init__.py", "pysubs2/exceptions.py"], "The subtitle file"),
    (["pysubs2/formats"], "Formats: SRT, SSA, WebVTT, TTML, MicroDVD and the rest"),
    (["tests"], "Tests"),
    (["pyproject.toml", "README.md"], "Packaging and readme"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 49910; its script file is
    written as cope_drag.py by round 473's code and renamed to cordage_test.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, CORDAGE_TEST, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py cordage_test.py")
    r473.git(d, "commit -q -m 'Rename the layer log reader to cordage_test.py'", AUTHORS[2], "2026-10-21T09:15:00")
    put_bugs(d, BUGS)
    (d / "walk_notes.txt").write_text("strand 3 parted at the forming board; re-hatchel the hemp for spindle 9\n")
    for k in range(1, 7):  # the walk's layer runs, saved as SRT and left untracked
        cm.write_tree(d, {f"layer_runs/walk_{k:02d}_hawser_layer_run.srt": CORDAGE_TEST.split('"""')[3]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "pysubs2"
    (tmp / PKG).rename(d)
    cm.run("rm -rf pysubs2.egg-info PKG-INFO", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} tests/test_time.py tests/test_ssaevent.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} tests/test_time.py -k 'frame or timestamp or str'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} tests", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} tests/test_time.py tests/test_ssafile.py; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM pysubs2 cordage_test.py; echo EXIT=$?",
        d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D pysubs2/time.py cordage_test.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL pysubs2/formats 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental cordage_test.py pysubs2/time.py", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict tests/test_time.py tests/test_ssaevent.py tests/test_ssafile.py", d, n_mypy, tty=True)
    cap("traceback", "python cordage_test.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev cordage_test.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- pysubs2/time.py cordage_test.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame pysubs2/time.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' pysubs2/formats pysubs2/time.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


TESTERS = ["Nell Hatchel", "Owen Spindle", "Peggy Layer", "Reuben Strand", "Sal Tarpot", "Tom Yarner",
           "Una Hawser", "Vic Ropewalker", "Win Sliver", "Zeb Forming"]
ROPES = ["3-strand hawser"] * 12 + ["cable-laid"] * 8 + ["shroud-laid", "plaited 8", "boltrope"]


WALK_JOBS = "\n".join(
    [f"(exec -a 'hatchel-comb --bench {b} --hand {r}' sleep 600) &" for b, r in enumerate(
        ["nell", "owen", "peggy", "reuben", "sal", "tom", "una", "vic", "win", "zeb"], 1)]
    + [f"(exec -a 'spindle-spin --frame {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([4, 13, 2, 57, 9], 1)]
    + ["(exec -a 'layer-walk --track 1' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'tarpot-heat --pot 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The works' layer log (seed 49914) as CSV, through sqlite3, and the process table; the rope works' log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "ropeworks"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,layer,rope_no,rope,strands,length_m,shift,outcome"]
    for k in range(56):
        strands = rnd.randint(3, 9) if k != 31 else 64
        outcome = "parted" if k == 17 else "kinked" if k == 42 else "laid"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(TESTERS)},{rnd.randint(100, 400)},{rnd.choice(ROPES)},"
                    f"{strands},{rnd.randint(40, 366)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "layer_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat layer_log.csv", d, n_csv)
    cm.run("sqlite3 walk.db \".import --csv layer_log.csv walks\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header walk.db 'SELECT layer, rope, strands, length_m, outcome FROM walks"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["ropeworks.hatchel", "ropeworks.spindle", "ropeworks.layer", "works.api", "works.tarpot"]
    msgs = {
        "DEBUG": lambda r: f"sliver {r.randint(1, 60)} combed in {r.randint(20, 90)}s",
        "INFO": lambda r: f"request GET /ropes/{r.randint(100, 400)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"tar pot {r.randint(1, 5)} at {r.randint(90, 140)}C, above setpoint",
        "ERROR": lambda r: f"laying aborted on track {r.randint(1, 6)}: strand {r.randint(1, 4)} parted",
        "CRITICAL": lambda r: f"spindle frame {r.randint(1, 3)} stalled: flyer jammed",
    }
    app_log(d / "ropeworks.log", SEED + 6, 700, loggers, msgs, 4991, "2026-10-23")
    cap("app-log-tail", "tail -n 300 ropeworks.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' ropeworks.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", WALK_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR pysubs2/pysubs2 spindleyard", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "pysubs2-*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide499-js", "vitest",
                   ["object-hash@3.0.0", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide499_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide499_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide499_js as js  # object-hash: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide499", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean499
    cm.clean_lines = clean499
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide499-", OUT, TMP)
