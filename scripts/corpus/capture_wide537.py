#!/usr/bin/env python3
"""Round 537: issue #11's kinds with colour and terminal control forced on (rounds 499, 513 and 527's pattern, round
368's runner), on the real PyPI package nested-lookup 0.2.25 with bugs put in, a seeded C project (round 279's
generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript
part (the npm package mixin-deep, vitest / eslint / tsc) and a few tables and a service log, a rope walk's names (jacks,
tops, spinners); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 537.

Usage:   .venv/bin/python scripts/corpus/capture_wide537.py
Writes:  scripts/corpus/data/wide537.json, ids prefixed "wide537-".
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

ROOT = Path("/dev/shm/hm-corpus-wide537-tools")
TMP = Path("/dev/shm/hm-corpus-wide537")
OUT = HERE / "data" / "wide537.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 53710
SDIST = "nested-lookup==0.2.25"
PKG = "nested-lookup-0.2.25"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean537 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("nested_lookup/nested_lookup.py", "return str(a).lower() in str(b).lower()", "return str(a) in str(b).lower()"),
    ("nested_lookup/nested_lookup.py", "            elif isinstance(v, list):\n", "            elif isinstance(v, tuple):\n"),
    ("nested_lookup/nested_lookup.py", "occurrence[0] += list(dictionary.values()).count(keyword)", "occurrence[0] += 1"),
]

SPINNER_CHECK = '''"""Look up the rope walk's yarn tickets with nested_lookup and check each spinner's yarns reach the laying jack."""
from nested_lookup import get_occurrence_of_value, nested_lookup

WALK = {
    "walk": "north rope walk",
    "jacks": [
        {"jack": "forming jack 1", "Spinner": "Tom Hemp", "strands": [{"yarn_tex": 410, "yarns": 24}, {"yarn_tex": 410, "yarns": 24}]},
        {"jack": "forming jack 2", "Spinner": "Ruth Tarr", "strands": [{"yarn_tex": 380, "yarns": 18}]},
    ],
    "top": {"name": "laying top 3", "Spinner": "Walter Whirl", "hawser": {"strands": 3, "lay": "right hand"}},
    "tar_kettle": {"temperature_c": 104, "batches": ["hemp", "hemp", "manila"]},
}
EXPECTED_SPINNERS = 3
EXPECTED_TEX_ENTRIES = 3


class StrandBreakError(RuntimeError):
    """A strand's yarns could not be found on the walk: the laying would run short."""


class WalkHaltedError(Exception):
    """The walkers stopped the laying of the hawser."""


def tickets(walk):
    spinners = nested_lookup("spinner", walk, wild=True)
    if len(spinners) != EXPECTED_SPINNERS:
        raise ValueError(f"found {len(spinners)} spinners on the walk, expected {EXPECTED_SPINNERS}: {spinners}")
    tex = nested_lookup("yarn_tex", walk)
    if len(tex) != EXPECTED_TEX_ENTRIES:
        raise ValueError(f"found {len(tex)} yarn tickets, expected {EXPECTED_TEX_ENTRIES}")
    return spinners, tex


def forming():
    try:
        return tickets(WALK)
    except ValueError as e:
        raise StrandBreakError("forming jack short of yarn: " + str(e)) from e


def lay_hawser():
    try:
        spinners, tex = forming()
        hemp = get_occurrence_of_value(WALK, "hemp")
        return [f"spinners {', '.join(spinners)}", f"yarn tex {tex}", f"hemp batches {hemp}"]
    except StrandBreakError as e:
        raise WalkHaltedError("laying top 3 halted at the hawser (Walter Whirl)") from e


if __name__ == "__main__":
    print("\\n".join(lay_hawser()))
'''

AUTHORS = ["Tom Hemp <tom@ropewalk.test>", "Ruth Tarr <ruth@ropewalk.test>",
           "Walter Whirl <walter@ropewalk.test>", "Mabel Strand <mabel@ropewalk.test>"]
GROUPS = [
    (["nested_lookup/nested_lookup.py", "nested_lookup/__init__.py"], "Add nested_lookup and the key counts"),
    (["nested_lookup/lookup_api.py"], "Update, delete and alter in nested documents"),
    (["nested_lookup/tests/__init__.py", "nested_lookup/tests/test_nested_lookup.py"], "Tests for lookups and counts"),
    (["nested_lookup/tests/test_lookup_api.py"], "Tests for update, delete and alter"),
    (["setup.py", "setup.cfg", "requirements.txt", "MANIFEST.in"], "Packaging"),
]
README_MD = "# Walk tickets\n\nThe rope walk's yarn tickets, looked up with nested_lookup for the laying jacks.\n"


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 53710; its script file is
    written as cope_drag.py by round 473's code and renamed to spinner_check.py in one more commit."""
    (d / "README.md").write_text(README_MD)
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, SPINNER_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py spinner_check.py")
    r473.git(d, "commit -q -m 'Rename the ticket checker to spinner_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "walk_notes.txt").write_text("jack wheel 2 slipping; re-tar the strands before the next laying\n")
    for k in range(1, 7):  # the week's yarn tickets, saved and left untracked
        cm.write_tree(d, {f"tickets/week_{k:02d}_yarn_tickets.txt": SPINNER_CHECK.split("EXPECTED_SPINNERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "nested_lookup_walk"
    (tmp / PKG).rename(d)
    cm.run("rm -rf nested_lookup.egg-info PKG-INFO", cwd=d)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    t = "nested_lookup/tests"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} {t}/test_nested_lookup.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} {t} -k 'wild or occurrence'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} {t}/test_lookup_api.py; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP nested_lookup spinner_check.py; echo EXIT=$?",
        d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D spinner_check.py "
        "nested_lookup/nested_lookup.py", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental spinner_check.py nested_lookup/nested_lookup.py "
        "nested_lookup/lookup_api.py", d, n_mypy)
    cap("mypy-tty", f"python -m mypy --no-incremental --strict {t}", d, n_mypy, tty=True)
    cap("traceback", "python spinner_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev spinner_check.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- nested_lookup spinner_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~5", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame nested_lookup/nested_lookup.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' nested_lookup spinner_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


WALKERS = ["Tom Hemp", "Ruth Tarr", "Walter Whirl", "Mabel Strand", "Jonas Jack", "Peggy Top", "Silas Spinner",
           "Agnes Yarn", "Hugh Hawser", "Lottie Laying"]
STATIONS = ["spinning jack"] * 11 + ["forming jack"] * 6 + ["laying top", "tar kettle", "hatchel bench"]


WALK_JOBS = "\n".join(
    [f"(exec -a 'jack-wheel --jack {b} --spinner {r}' sleep 600) &" for b, r in enumerate(
        ["tom", "ruth", "walter", "mabel", "jonas", "peggy", "silas", "agnes", "hugh", "lottie"], 1)]
    + [f"(exec -a 'forming-jack --strand {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([6, 21, 3, 58, 11], 1)]
    + ["(exec -a 'laying-top --turns 300' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'tar-kettle --batch 7' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The walk's yarn log (seed 53714) as CSV, through sqlite3, and the process table; the walk's service log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "ropewalk"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,spinner,yarn_tex,station,fathoms,twist_per_m,shift,outcome"]
    for k in range(61):
        tex = rnd.randint(250, 520) if k != 27 else 4100
        outcome = "snapped" if k == 13 else "rejected" if k == 48 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(WALKERS)},{tex},{rnd.choice(STATIONS)},"
                    f"{rnd.randint(60, 220)},{rnd.randint(80, 160)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "yarn_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat yarn_log.csv", d, n_csv)
    cm.run("sqlite3 walk.db \".import --csv yarn_log.csv yarns\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header walk.db 'SELECT spinner, station, yarn_tex, fathoms, outcome FROM yarns"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["walk.spinning", "walk.forming", "walk.laying", "walk.api", "walk.tar"]
    msgs = {
        "DEBUG": lambda r: f"jack wheel turn {r.randint(1, 9000)} at {r.randint(30, 90)} rpm",
        "INFO": lambda r: f"request GET /strands/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"yarn on jack {r.randint(1, 6)} twisting {r.randint(160, 210)} per metre, over the mark",
        "ERROR": lambda r: f"strand parted on forming jack {r.randint(1, 3)} at fathom {r.randint(20, 120)}",
        "CRITICAL": lambda r: f"laying top {r.randint(1, 2)} jammed: hawser fouled the sledge",
    }
    app_log(d / "hemp.log", SEED + 6, 700, loggers, msgs, 5371, "2026-10-24")
    cap("app-log-tail", "tail -n 300 hemp.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' hemp.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", WALK_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR nested_lookup_walk layjack", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "six"])
    cm.download_sdists(SRC, "nested*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide537-js", "vitest",
                   ["mixin-deep@2.0.1", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide537_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide537_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide537_js as js  # mixin-deep: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide537", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean537
    cm.clean_lines = clean537
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide537-", OUT, TMP)
