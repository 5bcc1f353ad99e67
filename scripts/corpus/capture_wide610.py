#!/usr/bin/env python3
"""Round 610: issue #11's kinds with colour and terminal control forced on (rounds 568, 584 and 602's pattern, round
368's runner), on the real PyPI package python-baseconv 1.2.2 with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round
273's generator), a JavaScript part (the npm package num2fraction, vitest / eslint / tsc, capture_wide610_js.py) and
tables and a service log, a cutlery works' names (grinding hulls, blades, cutlers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 610.

Usage:   .venv/bin/python scripts/corpus/capture_wide610.py [step ...]
Writes:  scripts/corpus/data/wide610.json, ids prefixed "wide610-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up, its colour-forcing runner, its Rust generator)
import capture_wide458_native as r458n  # noqa: E402  (its Makefile and its list of round 368's crate words)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide273_go import make_steps  # noqa: E402
from capture_wide279 import gen_c, spread_warns  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide610-tools")
TMP = Path("/dev/shm/hm-corpus-wide610")
OUT = HERE / "data" / "wide610.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 61010
SDIST = "python-baseconv==1.2.2"
PKG = "python-baseconv-1.2.2"

r368.VENV = VENV  # importing rounds 458 and 473 pointed round 368's runner at their venvs; this round's again
cap = r368.cap
clean610 = r368.clean368

MOD = "baseconv.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "res = to_digits[0]", "res = to_digits[-1]"),
    (MOD, "x = x * len(from_digits) + from_digits.index(digit)",
     "x = x * len(from_digits) + from_digits.index(digit.lower())"),
    (MOD, "return self.sign + value", "return '-' + value"),
]

BLADES = ["carver", "bread", "paring", "pen", "table", "butcher", "palette", "boning", "fish", "cleaver"]
BASES = ["base2", "base16", "base36", "base56", "base58", "base62", "base64"]

# Run with the venv's python on the unbroken module: the works' blade serials and what baseconv makes of them.
FIXTURES_PY = f'''import json, random
import baseconv as bc

rnd = random.Random({SEED})
blades = []
for i in range(1, 81):
    n = rnd.choice([0, rnd.randint(1, 60), rnd.randint(100, 99999), rnd.randint(10**6, 10**14)])
    if rnd.random() < 0.25:
        n = -n
    codes = {{b: getattr(bc, b).encode(n) for b in {BASES!r}}}
    blades.append({{"id": f"{{rnd.choice({BLADES!r})}}-{{i}}", "serial": n, "codes": codes,
                   "decoded": {{b: getattr(bc, b).decode(c) for b, c in codes.items()}}}})
with open("tests/blade_marks.json", "w") as f:
    json.dump({{"blades": blades}}, f, indent=1)
'''

TEST_BLADE_MARKS = '''"""The cutlery works' blade marks against baseconv: the expectations were computed by the unbroken module."""
import json
import pathlib

import pytest

import baseconv as bc

BLADES = json.loads((pathlib.Path(__file__).parent / "blade_marks.json").read_text())["blades"]
BASES = ["base2", "base16", "base36", "base56", "base58", "base62", "base64"]
CASES = [(b, base) for b in BLADES for base in BASES]
IDS = [f"{b['id']}-{base}" for b, base in CASES]


@pytest.mark.parametrize(("blade", "base"), CASES, ids=IDS)
def test_grind_mark(blade, base):
    assert getattr(bc, base).encode(blade["serial"]) == blade["codes"][base]


@pytest.mark.parametrize(("blade", "base"), CASES, ids=IDS)
def test_hone_read_back(blade, base):
    assert getattr(bc, base).decode(blade["codes"][base]) == blade["decoded"][base]


@pytest.mark.parametrize("blade", BLADES, ids=[b["id"] for b in BLADES])
def test_whet_round_trip(blade):
    for base in BASES:
        conv = getattr(bc, base)
        assert int(conv.decode(conv.encode(blade["serial"]))) == blade["serial"], base


@pytest.mark.parametrize("bad", ["1.5", "x", "0IOl", "12 3"])
def test_cracked_mark_rejected(bad):
    with pytest.raises(ValueError):
        bc.base58.decode(bad) if bad == "0IOl" else bc.base16.encode(bad)
'''

TEMPER_CHECK = '''"""Check the cutlery works' blade marks before the blades leave the hull: each serial is stamped in base 64 on the
tang and read back, as the cutlers stamp them under the bolster."""
import baseconv as bc

BLADES = {
    "carving knife (Ned Tang)": 1000,
    "bread knife no. 7": -64,
    "pen knife, two blades": 99,
    "butcher's steel (Bess Bolster)": -123456,
}
CUTLERS = {"hull 1": "Ned Tang", "hull 2": "Bess Bolster", "hull 3": "Jack Whetstone"}


class GrindstoneError(RuntimeError):
    """A blade's mark could not be read back: the grindstone has glazed."""


class HaftSplitError(Exception):
    """The cutler set the blade aside."""


def stamp_tangs():
    out = {}
    for name, serial in BLADES.items():
        mark = bc.base64.encode(serial)
        back = int(bc.base64.decode(mark))
        if back != serial:
            raise ValueError(f"mark {mark!r} reads back as {back}, not {serial}")
        out[name] = (mark, back)
    return out


def glaze():
    try:
        return stamp_tangs()
    except ValueError as e:
        raise GrindstoneError("grindstone glazed on the tang marks: " + str(e)) from e


def haft():
    try:
        marks = glaze()
        return [f"{name}: {mark} -> {n} ({CUTLERS['hull 3']})" for name, (mark, n) in marks.items()]
    except GrindstoneError as e:
        raise HaftSplitError("hull 3 haft split at blade 4417 (Jack Whetstone, hullmaster Abel Hull)") from e


if __name__ == "__main__":
    print("\\n".join(haft()))
'''

AUTHORS = ["Ned Tang <ned@cutlery.test>", "Bess Bolster <bess@cutlery.test>",
           "Jack Whetstone <jack@cutlery.test>", "Nan Ricasso <nan@cutlery.test>"]
GROUPS = [
    ([MOD], "Add the blade-mark module for the tang stamps"),
    (["README.rst", "LICENSE"], "Readme and licence"),
    (["tests/blade_marks.json"], "The works' serials, as baseconv marks them"),
    (["tests/test_blade_marks.py"], "Tests for the blade marks"),
    (["setup.py", "setup.cfg", "MANIFEST.in"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 61010; its script file is
    written as cope_drag.py by round 473's code and renamed to temper_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, TEMPER_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py temper_check.py")
    r473.git(d, "commit -q -m 'Rename the tang checker to temper_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "hull_notes.txt").write_text("hull 2 stone out of true; dress it before the next batch of carvers\n")
    for k in range(1, 9):  # the week's grind sheets, saved and left untracked
        cm.write_tree(d, {f"sheets/week_{k:02d}_grind_sheet.txt": TEMPER_CHECK.split("CUTLERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "hull_bench"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO python_baseconv.egg-info && cp README.rst README.md", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_blade_marks.py": TEST_BLADE_MARKS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "blade_marks.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'grind and (base16 or base64)'", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'whet or cracked'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'hone and base62'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=short {ign} {t} -k 'hone and base16'; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-doctest", f"python -m pytest --doctest-modules --color=yes {ign} {MOD}", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        f"{MOD} temper_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D temper_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} {MOD} 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental temper_check.py {MOD}", d,
        n_mypy)
    cap("mypy-tty", f"MYPYPATH=. python -m mypy --no-incremental --strict --pretty {t} {MOD} temper_check.py", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=. python temper_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev temper_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {MOD} temper_check.py README.md tests/test_blade_marks.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -8 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~5", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {MOD}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^ *(def|class) |raise |assert ' {MOD} tests temper_check.py", d,
        n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C and Rust
C_SEED = 61011
C_N = 34
C_ERRS = {2: "type", 6: "args", 11: "undeclared", 15: "semicolon", 23: "type", 29: "args"}
C_HDR = {8, 26}
C_LINK = {13}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "tangforge")


def step_c(tmp: Path) -> None:
    d = tmp / "tangforge"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)


# Round 368's crate words (the left sides of round 458's renames), into a cutlery works'.
RUST_RENAMES = tuple(zip([old for old, _ in r458n.RUST_RENAMES], (
    "bolsterworks",
    "Bolster works: blades, tangs and the temper of a carving knife.",
    "blade_name",
    '"carver"',
    '"paring"',
    '"cleaver"',
    '"cutler"',
    "9 is a carving blade",
    "Blade",
    "grit_rate",
    "bevel",
    "tang {",
)))


def renamed(text: str) -> str:
    for old, new in RUST_RENAMES:
        text = text.replace(old, new)
    return text


def step_rust(tmp: Path) -> None:
    d = tmp / "bolsterworks"
    r368.SEED = SEED  # gen_rust draws SEED + 2: 61012
    r368.gen_rust(d)
    for f in (d / "Cargo.toml", d / "src" / "lib.rs"):
        f.write_text(renamed(f.read_text()))
    env = "env CARGO_TARGET_DIR=" + str(tmp / "cargo-target")
    cap("cargo-build", f"{env} cargo build --offline", d, n_cargo_build)
    lib = d / "src" / "lib.rs"
    broken = renamed(r368.BROKEN)
    t = lib.read_text()
    assert broken in t
    lib.write_text(t.replace(broken, "\n"))
    cap("cargo-test", f"{env} cargo test --offline 2>&1 | tail -n 400", d, n_cargo_test)
    cap("cargo-clippy", f"{env} cargo clippy --offline --all-targets --color always -- -W clippy::pedantic", d,
        n_clippy)


# ---------------------------------------------------------------- Go and shell (round 273's generator)
GO_NAMES = ["Carving Knife", "Bread Knife", "Paring Knife", "Pen Knife", "Table Knife", "Butcher Knife",
            "Palette Knife", "Boning Knife", "Fish Slice", "Cleaver", "Pruning Knife", "Oyster Knife"]
GO_RENAMES = (
    ("kegtally", "whetsetter"),
    ("casebook", "cutlershall"),
    ("ledger host", "works host"),
    ("litres left, days", "blades left, grinding days"),
    ("nothing left to pour", "nothing left to grind"),
    ("pour order", "grind order"),
    ("pour grade", "temper grade"),
    ("Keg", "Blade"),
    ("keg", "blade"),
    ("Beer", "Haft"),
    ("beer", "haft"),
    ("Cellar", "Works"),
    ("cellar", "works"),
    ("Pints", "Strokes"),
    ("pints", "strokes"),
)


def cap_go(item_id: str, command: str, cwd: Path, ext, env: dict | None = None, timeout: int = 300) -> None:
    """Round 273's cap signature over round 368's runner: under a pseudo-terminal, env spelt out."""
    pre = ("env " + " ".join(f"{k}={v}" for k, v in env.items()) + " ") if env else ""
    cap(item_id, pre + command, cwd, ext, tty=True, timeout=timeout)


GO_STEPS = make_steps(cap_go, "whetsetter", "cutlershall", 61013, GO_NAMES, GO_RENAMES)

# ---------------------------------------------------------------- tables and a log
CUTLERS = ["Ned Tang", "Bess Bolster", "Jack Whetstone", "Nan Ricasso", "Abel Hull", "Polly Scales", "Dick Spine",
           "Hetty Choil", "Walt Ferrule", "Mary Quillon"]
STATIONS = ["grinding hull"] * 9 + ["forging hearth"] * 7 + ["hafting bench", "buffing shop", "warehouse"]

WORKS_JOBS = "\n".join(
    [f"(exec -a 'grind-wheel --hull {b} --cutler {r}' sleep 600) &" for b, r in enumerate(
        ["ned", "bess", "jack", "nan", "abel", "polly", "dick", "hetty", "walt", "mary"], 1)]
    + [f"(exec -a 'temper-oven --batch {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 6, 41, 3, 17], 1)]
    + ["(exec -a 'glaze-monitor --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'dust-extractor --hull 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The works' grind tally (seed 61015) as CSV, through sqlite3, and the process table; the works' service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "cutlery"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,cutler,blades_ground,station,grit,rejects,shift,outcome"]
    for k in range(420):
        blades = rnd.randint(40, 160) if k != 217 else 2900
        outcome = "cracked" if k == 91 else "overtempered" if k == 348 else "passed"
        rows.append(f"2026-{9 + k // 150:02d}-{1 + k % 28:02d},{rnd.choice(CUTLERS)},{blades},{rnd.choice(STATIONS)},"
                    f"{rnd.choice([60, 80, 120, 180, 240])},{rnd.randint(0, 12)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "grind_tally.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat grind_tally.csv", d, n_csv)
    cm.run("sqlite3 cutlery.db \".import --csv grind_tally.csv grinds\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header cutlery.db 'SELECT cutler, station, blades_ground, "
        "grit, outcome FROM grinds ORDER BY date'", d, n_sqlite_csv)
    loggers = ["works.hull", "works.forge", "works.haft", "works.warehouse", "works.api"]
    msgs = {
        "DEBUG": lambda r: f"blade {r.randint(1, 90000)} ground at {r.randint(1400, 1500)} rpm",
        "INFO": lambda r: f"request GET /blades/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"stone on hull {r.randint(1, 12)} out of true by {r.randint(1, 3)}.{r.randint(0, 9)} mm, dress it",
        "ERROR": lambda r: f"blade cracked in the quench on hull {r.randint(1, 12)} at batch {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"grindstone {r.randint(1, 4)} burst on hull {r.randint(1, 12)}: hull stopped by the hullmaster",
    }
    app_log(d / "grinder.log", SEED + 7, 2400, loggers, msgs, 6101, "2026-10-24")
    cap("app-log-tail", "tail -n 900 grinder.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' grinder.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKS_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR hull_bench tangforge bolsterworks/src", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1"])
    cm.download_sdists(SRC, "python-baseconv*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide610-js", "vitest",
                   ["num2fraction@1.2.2", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals",
                    "typescript@5.9.3"])


def steps():
    import capture_wide610_js as js  # num2fraction: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_rust, step_listing, step_tables, *js.STEPS, *GO_STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide610", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean610
    cm.clean_lines = clean610
    if len(sys.argv) > 1:  # a trial of named steps only
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide610-", OUT, TMP)
