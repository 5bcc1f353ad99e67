#!/usr/bin/env python3
"""Round 602: issue #11's kinds with colour and terminal control forced on (rounds 556, 568 and 584's pattern, round
368's runner), on the real PyPI package base32-crockford 0.3.0 with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round
273's generator), a JavaScript part (the npm package dashify, vitest / eslint / tsc) and a few tables and a service
log, a clock works' names (escapements, pendulums, clocksmiths); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 602.

Usage:   .venv/bin/python scripts/corpus/capture_wide602.py
Writes:  scripts/corpus/data/wide602.json, ids prefixed "wide602-".
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

ROOT = Path("/dev/shm/hm-corpus-wide602-tools")
TMP = Path("/dev/shm/hm-corpus-wide602")
OUT = HERE / "data" / "wide602.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 60210
SDIST = "base32-crockford==0.3.0"
PKG = "base32-crockford-0.3.0"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean602 = r368.clean368

MOD = "base32_crockford.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "str.maketrans('IiLlOo', '111100')", "str.maketrans('IiLlOo', '111000')"),
    (MOD, "check_symbol = encode_symbols[number % check_base]", "check_symbol = encode_symbols[number % base]"),
    (MOD, "for pos in range(0, len(symbol_string), split):", "for pos in range(0, len(symbol_string) - 1, split):"),
]

CLOCKS = ["regulator", "longcase", "bracket", "turret", "skeleton", "lantern", "carriage", "mantel"]

# Run with the venv's python on the unbroken module: the works' clocks' serials and what base32_crockford makes of them.
FIXTURES_PY = f'''import json, random
import base32_crockford as b32

rnd = random.Random({SEED})
clocks = []
for i in range(1, 61):
    n = rnd.choice([rnd.randint(0, 40), rnd.randint(100, 99999), rnd.randint(10**6, 10**12)])
    sym = b32.encode(n)
    mangled = "".join(rnd.choice({{"1": "li", "0": "oO"}}.get(c, c.lower() + c)) if rnd.random() < 0.5 else c
                      for c in sym)
    clocks.append({{"id": f"{{rnd.choice({CLOCKS!r})}}-{{i}}", "serial": n, "plain": sym,
                   "checked": b32.encode(n, checksum=True), "split": b32.encode(n, split=4),
                   "mangled": mangled, "decoded": b32.decode(mangled)}})
with open("tests/tick_codes.json", "w") as f:
    json.dump({{"clocks": clocks}}, f, indent=1)
'''

TEST_TICK_CODES = '''"""The clock works' serial tick codes against base32_crockford: the expectations were computed by the unbroken module."""
import json
import pathlib

import pytest

import base32_crockford as b32

CLOCKS = json.loads((pathlib.Path(__file__).parent / "tick_codes.json").read_text())["clocks"]
IDS = [c["id"] for c in CLOCKS]


@pytest.mark.parametrize("clock", CLOCKS, ids=IDS)
def test_escapement_plain(clock):
    assert b32.encode(clock["serial"]) == clock["plain"]


@pytest.mark.parametrize("clock", CLOCKS, ids=IDS)
def test_pallet_check_symbol(clock):
    assert b32.encode(clock["serial"], checksum=True) == clock["checked"]


@pytest.mark.parametrize("clock", CLOCKS, ids=IDS)
def test_pendulum_split(clock):
    assert b32.encode(clock["serial"], split=4) == clock["split"]


@pytest.mark.parametrize("clock", CLOCKS, ids=IDS)
def test_dial_normalised(clock):
    assert b32.decode(clock["mangled"]) == clock["decoded"]


@pytest.mark.parametrize("bad", ["U1", "*0", "12-Ü", "AB CD"])
def test_broken_tick_rejected(bad):
    with pytest.raises(ValueError):
        b32.decode(bad)
'''

PALLET_CHECK = '''"""Check the clock works' tick codes before the clocks leave the bench: each serial is coded with its check symbol
and read back, as the clocksmiths stamp them on the movement plates."""
import base32_crockford as b32

MOVEMENTS = {
    "turret clock (Tom Verge)": 1000,
    "regulator no. 7": 64,
    "longcase, anchor escapement": 99,
    "skeleton clock (Meg Fusee)": 123456,
}
SMITHS = {"bench 1": "Tom Verge", "bench 2": "Meg Fusee", "bench 3": "Sam Pallet"}


class EscapeWheelError(RuntimeError):
    """A movement's tick code could not be read back: the escape wheel is locked."""


class PendulumHaltError(Exception):
    """The clocksmith stopped the pendulum."""


def stamp_plates():
    out = {}
    for name, serial in MOVEMENTS.items():
        code = b32.encode(serial, checksum=True, split=3)
        out[name] = (code, b32.decode(code, checksum=True))
    return out


def lock_escapement():
    try:
        return stamp_plates()
    except ValueError as e:
        raise EscapeWheelError("escape wheel locked at the pallets: " + str(e)) from e


def swing():
    try:
        plates = lock_escapement()
        return [f"{name}: {code} -> {n} ({SMITHS['bench 3']})" for name, (code, n) in plates.items()]
    except EscapeWheelError as e:
        raise PendulumHaltError("bench 3 pendulum halted at beat 8640 (Sam Pallet, regulator Hal Regulator)") from e


if __name__ == "__main__":
    print("\\n".join(swing()))
'''

AUTHORS = ["Tom Verge <tom@horology.test>", "Meg Fusee <meg@horology.test>",
           "Sam Pallet <sam@horology.test>", "Ada Crutch <ada@horology.test>"]
GROUPS = [
    ([MOD], "Add the tick-code module for the movement plates"),
    (["README.rst", "LICENSE"], "Readme and licence"),
    (["tests/tick_codes.json"], "The works' serials, as base32_crockford codes them"),
    (["tests/test_tick_codes.py"], "Tests for the tick codes"),
    (["setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 60210; its script file is
    written as cope_drag.py by round 473's code and renamed to pallet_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, PALLET_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py pallet_check.py")
    r473.git(d, "commit -q -m 'Rename the plate checker to pallet_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "bench_notes.txt").write_text("bench 2 crutch bent; re-set the beat before the next regulation\n")
    for k in range(1, 7):  # the week's beat sheets, saved and left untracked
        cm.write_tree(d, {f"beats/week_{k:02d}_beat_sheet.txt": PALLET_CHECK.split("SMITHS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "tompion_bench"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO base32_crockford.egg-info && cp README.rst README.md", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_tick_codes.py": TEST_TICK_CODES})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "tick_codes.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'pallet or split'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} {t} -k 'dial or broken'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'split'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} {t} -k pallet; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        f"{MOD} pallet_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D pallet_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} {MOD} 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental pallet_check.py {MOD}", d,
        n_mypy)
    cap("mypy-tty", f"MYPYPATH=. python -m mypy --no-incremental --strict {t}", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=. python pallet_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev pallet_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- {MOD} pallet_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 40,110 {MOD}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^ *(def|class) |raise ' {MOD} tests pallet_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


SMITHS = ["Tom Verge", "Meg Fusee", "Sam Pallet", "Ada Crutch", "Will Arbor", "Joan Bob", "Hal Regulator",
          "Eli Suspension", "Kit Ratchet", "Rose Dial"]
STATIONS = ["regulating bench"] * 9 + ["wheel cutting"] * 7 + ["dial room", "case shop", "spring store"]

WORKS_JOBS = "\n".join(
    [f"(exec -a 'beat-setter --bench {b} --smith {r}' sleep 600) &" for b, r in enumerate(
        ["tom", "meg", "sam", "ada", "will", "joan", "hal", "eli", "kit", "rose"], 1)]
    + [f"(exec -a 'wheel-cutter --arbor {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 7, 38, 4, 19], 1)]
    + ["(exec -a 'rate-recorder --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'case-dehumidifier --room 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The works' beat tally (seed 60215) as CSV, through sqlite3, and the process table; the works' service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "clockworks"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,clocksmith,beats_per_hour,station,seconds_per_day,adjustments,shift,outcome"]
    for k in range(66):
        bph = rnd.choice([3600, 5400, 7200, 14400, 18000]) if k != 37 else 216000
        outcome = "stopped" if k == 9 else "overbanked" if k == 48 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(SMITHS)},{bph},{rnd.choice(STATIONS)},"
                    f"{rnd.randint(-30, 30)},{rnd.randint(0, 12)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "beat_tally.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat beat_tally.csv", d, n_csv)
    cm.run("sqlite3 horology.db \".import --csv beat_tally.csv beats\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header horology.db 'SELECT clocksmith, station, beats_per_hour, "
        "seconds_per_day, outcome FROM beats ORDER BY date'", d, n_sqlite_csv)
    loggers = ["works.escapement", "works.pendulum", "works.dial", "works.case", "works.api"]
    msgs = {
        "DEBUG": lambda r: f"beat {r.randint(1, 90000)} measured at {r.randint(3500, 3700)} bph",
        "INFO": lambda r: f"request GET /clocks/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"amplitude on bench {r.randint(1, 12)} at {r.randint(1, 3)}.{r.randint(0, 9)} degrees, under the mark",
        "ERROR": lambda r: f"mainspring broken on bench {r.randint(1, 12)} at beat {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"pendulum {r.randint(1, 4)} fell from its suspension: bench {r.randint(1, 12)} stopped by the clockmaster",
    }
    app_log(d / "clocksmith.log", SEED + 7, 700, loggers, msgs, 6021, "2026-10-24")
    cap("app-log-tail", "tail -n 300 clocksmith.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' clocksmith.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKS_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR tompion_bench anchorclock", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "base32*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide602-js", "vitest",
                   ["dashify@2.0.0", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide602_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide602_js as js  # dashify: npm install, vitest, eslint, tsc
    import capture_wide602_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide602", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean602
    cm.clean_lines = clean602
    if len(sys.argv) > 1:  # a trial of named steps only
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide602-", OUT, TMP)
