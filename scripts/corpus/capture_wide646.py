#!/usr/bin/env python3
"""Round 646: issue #11's kinds with colour and terminal control forced on (rounds 610, 622 and 636's pattern, round
368's runner), on the real PyPI package romans 0.1.0 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a JavaScript part (the npm package romans 3.1.0, vitest / eslint / tsc,
capture_wide646_js.py) and tables and a service log, a luthier's workshop's names (fiddles, frets, purfling); no new
rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 646.

Usage:   .venv/bin/python scripts/corpus/capture_wide646.py [step ...]
Writes:  scripts/corpus/data/wide646.json, ids prefixed "wide646-".
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

ROOT = Path("/dev/shm/hm-corpus-wide646-tools")
TMP = Path("/dev/shm/hm-corpus-wide646")
OUT = HERE / "data" / "wide646.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 64660
SDIST = "romans==0.1.0"
PKG = "romans-0.1.0"

r368.VENV = VENV  # importing rounds 458 and 473 pointed round 368's runner at their venvs; this round's again
cap = r368.cap
clean646 = r368.clean368

RI = "romans/__init__.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (RI, "if self.__ROMANS_MAP[self.__roman[i]] >= self.__ROMANS_MAP[self.__roman[i+1]]:",
     "if self.__ROMANS_MAP[self.__roman[i]] > self.__ROMANS_MAP[self.__roman[i+1]]:"),
    (RI, "if i != len(self.__roman):", "if i != len(self.__roman) - 1:"),
    (RI, "'C': 100,", "'C': 10,"),
]

PARTS = ["scroll", "pegbox", "fret", "bridge", "soundpost", "purfling", "f-hole", "rib", "bass-bar", "nut",
         "saddle", "tailpiece", "fingerboard", "varnish", "label", "neck", "heel", "back-plate", "belly", "linings"]

FIXTURES_PY = f'''import json, random
from romans import RomanNumConverter

def to_roman(n):
    out = ""
    for v, s in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= v:
            out += s
            n -= v
    return out

rnd = random.Random({SEED})
frets = []
for k in range(150):
    v = rnd.choice([rnd.randint(1, 12), rnd.randint(13, 99), rnd.randint(100, 999), rnd.randint(1000, 3999)])
    r = to_roman(v)
    frets.append({{"id": f"fiddle{{k + 1}}-{{rnd.choice({PARTS!r})}}-{{r}}", "roman": r,
                  "value": RomanNumConverter(r).to_integer()}})
with open("tests/fiddle_frets.json", "w") as f:
    json.dump(frets, f, indent=1)
'''

TEST_FRETS = '''"""The luthier's workshop's fret and label numbers against romans: the expectations were computed by the unbroken
package."""
import json
import pathlib

import pytest

from romans import RomanNumConverter

FRETS = json.loads((pathlib.Path(__file__).parent / "fiddle_frets.json").read_text())


@pytest.mark.parametrize("fret", FRETS, ids=[f["id"] for f in FRETS])
def test_fret_value(fret):
    assert RomanNumConverter(fret["roman"]).to_integer() == fret["value"]


@pytest.mark.parametrize("fret", FRETS[:50], ids=[f["id"] for f in FRETS[:50]])
def test_fret_label_sum(fret):
    half = len(fret["roman"]) // 2
    assert RomanNumConverter(fret["roman"]).to_integer() >= RomanNumConverter(fret["roman"][:half] or "I").to_integer() - 1


@pytest.mark.parametrize("label", ["I", "V", "X", "L", "C", "D", "M"])
def test_single_label(label):
    assert RomanNumConverter(label).to_integer() == {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}[label]
'''

BRIDGE_CHECK = '''"""Check the luthier's workshop's fiddle labels before varnishing: each fiddle's year is written on its label in Roman
numerals and must match the bench book."""
from romans import RomanNumConverter

LABELS = {
    "fiddle 3 (Ivo Scroll)": ("MCMXCIX", 1999),
    "fiddle 8 (Mara Purfling)": ("MMXXIII", 2023),
    "fiddle 11 (Tom Soundpost)": ("CCCLXXXVIII", 388),
    "fiddle 14 (Edda Fretwell)": ("MMXXVI", 2026),
}
LUTHIERS = {"bench 1": "Ivo Scroll", "bench 2": "Mara Purfling", "bench 3": "Tom Soundpost"}


class PurflingError(RuntimeError):
    """A label did not match the bench book: the purfling channel will not be cut."""


class SoundpostError(Exception):
    """The luthier stopped the setup."""


def read_labels():
    out = {}
    for name, (label, year) in LABELS.items():
        got = RomanNumConverter(label).to_integer()
        if got != year:
            raise ValueError(f"label {label!r} reads as {got}, bench book says {year}")
        out[name] = (label, got)
    return out


def purfle():
    try:
        return read_labels()
    except (ValueError, IndexError, KeyError) as e:
        raise PurflingError("purfling will not be cut on the labels: " + repr(e)) from e


def set_up():
    try:
        labels = purfle()
        return [f"{name}: {lab} -> {y} ({LUTHIERS['bench 2']})" for name, (lab, y) in labels.items()]
    except PurflingError as e:
        raise SoundpostError("soundpost setup stopped at fiddle 7140 (Mara Purfling, master luthier Ada Varnish)") from e


if __name__ == "__main__":
    print("\\n".join(set_up()))
'''

AUTHORS = ["Ivo Scroll <ivo@fiddle.test>", "Mara Purfling <mara@fiddle.test>",
           "Tom Soundpost <tom@fiddle.test>", "Edda Fretwell <edda@fiddle.test>"]
GROUPS = [
    ([RI], "Add the fiddle label reader"),
    (["README.rst", "LICENSE", "AUTHORS.rst", "HISTORY.rst"], "Readme and licence"),
    (["tests/__init__.py", "tests/test_romans.py"], "The package's own tests"),
    (["tests/fiddle_frets.json"], "The workshop's frets, as romans reads them"),
    (["tests/test_fiddle_frets.py"], "Tests for the fiddle frets"),
    (["setup.py", "setup.cfg", "MANIFEST.in"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 64660; its script file is
    written as cope_drag.py by round 473's code and renamed to bridge_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, BRIDGE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py bridge_check.py")
    r473.git(d, "commit -q -m 'Rename the label reader to bridge_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "varnish_notes.txt").write_text("bench 2 humidity reads 8 percent low; check before the next varnish coat\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/week_{k:02d}_setup_sheet.txt": BRIDGE_CHECK.split("LUTHIERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "fiddle_bench"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO romans.egg-info", cwd=d)
    cm.run("sed -i 's/\\r$//' romans/__init__.py tests/test_romans.py", cwd=d)
    (d / "README.md").write_text("# fiddle_bench\n\nThe luthier's workshop's label reader (romans 0.1.0).\n")
    cm.run(f"{VENV}/bin/pip install -q --no-deps --no-build-isolation -e .", cwd=d, env=cm.PIP_ENV, timeout=300)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_fiddle_frets.py": TEST_FRETS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "fiddle_frets.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_fiddle_frets.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'fret_value'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'label'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'fret_value and fiddle1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-own-tests", f"python -m pytest -v --color=yes {ign} tests/test_romans.py", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "romans bridge_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D bridge_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests romans 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "romans bridge_check.py", d, n_mypy, tty=True)
    cap("pytest-own-ra-tty", f"python -m pytest -rA --tb=short {ign} tests/test_romans.py", d, n_pytest, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "bridge_check.py romans tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python bridge_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev bridge_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {RI} bridge_check.py README.md tests/test_fiddle_frets.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/fiddle_frets.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/fiddle_frets.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {RI}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) |raise |return |assert' romans tests bridge_check.py",
        d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 64661
C_N = 34
C_ERRS = {3: "type", 7: "args", 12: "undeclared", 20: "semicolon", 24: "type", 31: "args"}
C_HDR = {9, 27}
C_LINK = {16}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "fretworks")


def step_c(tmp: Path) -> None:
    d = tmp / "fretworks"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
LUTHIERS = ["Ivo Scroll", "Mara Purfling", "Tom Soundpost", "Edda Fretwell", "Ada Varnish", "Piet Rib", "Lena Pegbox",
            "Otto Bassbar", "Runa Linings", "Karl Tailpiece"]
ROOMS = ["carving bench"] * 9 + ["varnish room"] * 7 + ["setup bench", "drying loft", "wood store"]

WORKSHOP_JOBS = "\n".join(
    [f"(exec -a 'varnish-cure --cabinet {b} --luthier {r}' sleep 600) &" for b, r in enumerate(
        ["ivo", "mara", "tom", "edda", "ada", "piet", "lena", "otto", "runa", "karl"], 1)]
    + [f"(exec -a 'plate-tap --fiddle {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 5, 37, 2, 19], 1)]
    + ["(exec -a 'humidity-watch --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'glue-pot --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The workshop's fiddle book (seed 64665) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "luthier"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,luthier,frets_set,room,purfling_mm,cracked,shift,outcome"]
    for k in range(470):
        frets = rnd.randint(10, 120) if k != 233 else 2900
        outcome = "warped" if k == 91 else "cracked" if k == 388 else "strung"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(LUTHIERS)},{frets},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([1, 1.2, 1.5, 2])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "fiddle_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat fiddle_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 fiddle_book.csv", d, n_csv)
    cm.run("sqlite3 luthier.db \".import --csv fiddle_book.csv fiddles\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header luthier.db 'SELECT luthier, room, frets_set, "
        "purfling_mm, outcome FROM fiddles ORDER BY date'", d, n_sqlite_csv)
    loggers = ["fiddle.varnish", "fiddle.bench", "fiddle.setup", "fiddle.store", "fiddle.api"]
    msgs = {
        "DEBUG": lambda r: f"plate {r.randint(1, 90000)} tapped at {r.randint(180, 420)} Hz",
        "INFO": lambda r: f"request GET /fiddles/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"varnish cabinet {r.randint(1, 6)} humidity {r.randint(5, 30)} percent off, check the coat",
        "ERROR": lambda r: f"top plate cracked on bench {r.randint(1, 6)} at fiddle {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"neck joint {r.randint(1, 4)} failed on bench {r.randint(1, 6)}: setup stopped by the master luthier",
    }
    app_log(d / "varnish.log", SEED + 7, 2400, loggers, msgs, 6466, "2026-10-24")
    cap("app-log-tail", "tail -n 900 varnish.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' varnish.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKSHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR fiddle_bench fretworks", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "romans*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide646-js", "vitest",
                   ["romans@3.1.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide646_js as js  # romans: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide646", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean646
    cm.clean_lines = clean646
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide646-", OUT, TMP)
