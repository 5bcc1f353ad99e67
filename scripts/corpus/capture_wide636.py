#!/usr/bin/env python3
"""Round 636: issue #11's kinds with colour and terminal control forced on (rounds 602, 610 and 622's pattern, round
368's runner), on the real PyPI package baseconvert 2.0.4 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's
generator), a JavaScript part (the npm package hex-to-rgba, vitest / eslint / tsc, capture_wide636_js.py) and tables
and a service log, a stained-glass workshop's names (cames, cartoons, glaziers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed; the Go steps' pseudo-terminal `cap` is round 622's `cap_go`, imported.
See NEEDLES.md, round 636.

Usage:   .venv/bin/python scripts/corpus/capture_wide636.py [step ...]
Writes:  scripts/corpus/data/wide636.json, ids prefixed "wide636-".
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
import capture_wide622 as r622  # noqa: E402  (its pseudo-terminal cap for round 273's Go steps)
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

ROOT = Path("/dev/shm/hm-corpus-wide636-tools")
TMP = Path("/dev/shm/hm-corpus-wide636")
OUT = HERE / "data" / "wide636.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 63660
SDIST = "baseconvert==2.0.4"
PKG = "baseconvert-2.0.4"

r368.VENV = VENV  # importing rounds 458, 473 and 622 pointed round 368's runner at their venvs; this round's again
cap = r368.cap
clean636 = r368.clean368

BC = "baseconvert/baseconvert.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (BC, "return chr(n + 55)", "return chr(n + 56)"),
    (BC, "return n[:-count] if count > 0 else n", "return n[:-count - 1] if count > 0 else n"),
    (BC, "if decimal <= 0:", "if decimal <= 1:"),
]

PANELS = ["grisaille", "came", "quarry", "roundel", "border", "tracery", "lancet", "rose", "canopy", "saint",
          "flashed-ruby", "silver-stain", "cullet", "lattice", "bench", "kiln", "cartoon", "cutline", "leading",
          "solder"]
INB = [2, 8, 10, 10, 10, 16, 16]
OUTB = [2, 3, 5, 8, 12, 16, 20, 36]

# Run with the venv's python on the unbroken package: the workshop's numbers and what baseconvert makes of them.
FIXTURES_PY = f'''import json, random
from baseconvert import base

rnd = random.Random({SEED})
fmt = {{2: lambda v: format(v, "b"), 8: lambda v: format(v, "o"), 10: str, 16: lambda v: format(v, "X")}}
cuts = []
for k in range(130):
    ib = rnd.choice({INB!r})
    ob = rnd.choice([b for b in {OUTB!r} if b != ib])
    v = rnd.choice([0, 1, rnd.randint(2, 40), rnd.randint(36, 5000), rnd.randint(5000, 10 ** 7)])
    num = fmt[ib](v)
    if ib == 10 and rnd.random() < 0.45:
        num += "." + rnd.choice(["5", "25", "375", "1", "75", "0625", "2"])
    cut = {{"id": f"cartoon{{k + 1}}-{{rnd.choice({PANELS!r})}}-b{{ib}}to{{ob}}", "num": num, "ib": ib, "ob": ob}}
    cut["string"] = base(num, ib, ob, string=True)
    cut["digits"] = list(base(num, ib, ob))
    cuts.append(cut)
with open("tests/glass_cuts.json", "w") as f:
    json.dump(cuts, f, indent=1)
'''

TEST_GLASS_CUTS = '''"""The stained-glass workshop's cartoon numbers against baseconvert: the expectations were computed by the unbroken
package."""
import json
import pathlib

import pytest

from baseconvert import BaseConverter, base

CUTS = json.loads((pathlib.Path(__file__).parent / "glass_cuts.json").read_text())


@pytest.mark.parametrize("cut", CUTS, ids=[c["id"] for c in CUTS])
def test_cut_string(cut):
    assert base(cut["num"], cut["ib"], cut["ob"], string=True) == cut["string"]


@pytest.mark.parametrize("cut", CUTS, ids=[c["id"] for c in CUTS])
def test_cut_digits(cut):
    assert list(base(cut["num"], cut["ib"], cut["ob"])) == cut["digits"]


@pytest.mark.parametrize("cut", CUTS[:40], ids=[c["id"] for c in CUTS[:40]])
def test_converter_agrees(cut):
    conv = BaseConverter(input_base=cut["ib"], output_base=cut["ob"], string=True)
    assert conv(cut["num"]) == cut["string"]


@pytest.mark.parametrize("bad", [("1G", 16), ("29", 8), ("102", 2), ("Z", 10)])
def test_spoilt_cut_rejected(bad):
    with pytest.raises(ValueError):
        base(bad[0], bad[1], 10)
'''

FIRE_CHECK = '''"""Check the stained-glass workshop's kiln cards before a firing: each panel's cut number is written on the card
in base 36 (the glaziers' short code) and must match what the cutting bench converts it to."""
from baseconvert import base

CARDS = {
    "panel 3 grisaille (Ned Came)": ("4100", "35W"),
    "panel 8 lancet (Lucy Grozer)": ("12.5", "C.I"),
    "panel 11 rose (Tess Kiln)": ("1", "1"),
    "panel 14 tracery (Owen Pane)": ("46655", "ZZZ"),
}
GLAZIERS = {"kiln 1": "Ned Came", "kiln 2": "Lucy Grozer", "kiln 3": "Tess Kiln"}


class GrisailleError(RuntimeError):
    """A kiln card did not match its panel: the grisaille will not fire true."""


class KilnCrackError(Exception):
    """The glazier stopped the kiln."""


def read_cards():
    out = {}
    for name, (cut, card) in CARDS.items():
        code = base(cut, 10, 36, string=True)
        if code != card:
            raise ValueError(f"cut {cut!r} codes as {code}, card says {card}")
        out[name] = (cut, code)
    return out


def paint():
    try:
        return read_cards()
    except ValueError as e:
        raise GrisailleError("grisaille will not fire on the kiln cards: " + str(e)) from e


def fire():
    try:
        cards = paint()
        return [f"{name}: {c} -> {k} ({GLAZIERS['kiln 2']})" for name, (c, k) in cards.items()]
    except GrisailleError as e:
        raise KilnCrackError("kiln 2 cracked at firing 7140 (Lucy Grozer, master glazier Bea Flashing)") from e


if __name__ == "__main__":
    print("\\n".join(fire()))
'''

AUTHORS = ["Ned Came <ned@glass.test>", "Lucy Grozer <lucy@glass.test>",
           "Tess Kiln <tess@glass.test>", "Owen Pane <owen@glass.test>"]
GROUPS = [
    (["baseconvert/__init__.py", "baseconvert/__main__.py"], "Add the cartoon number package"),
    ([BC], "Conversions between the glaziers' bases"),
    (["baseconvert/gui.py", "baseconvert/app.qml", "baseconvert/ButtonRow.qml"], "The bench's window"),
    (["README.rst", "LICENSE.txt"], "Readme and licence"),
    (["tests/glass_cuts.json"], "The workshop's cuts, as baseconvert converts them"),
    (["tests/test_glass_cuts.py"], "Tests for the glass cuts"),
    (["setup.py", "setup.cfg", "VERSION.txt", "MANIFEST.in"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 63660; its script file is
    written as cope_drag.py by round 473's code and renamed to fire_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, FIRE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py fire_check.py")
    r473.git(d, "commit -q -m 'Rename the kiln card reader to fire_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "kiln_notes.txt").write_text("kiln 2 thermocouple reads 20 degrees low; check before the next grisaille\n")
    for k in range(1, 9):  # the week's cutting sheets, saved and left untracked
        cm.write_tree(d, {f"sheets/week_{k:02d}_cutting_sheet.txt": FIRE_CHECK.split("GLAZIERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "cartoon_bench"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO baseconvert.egg-info", cwd=d)
    # The sdist's baseconvert.py has CRLF endings, which put_bugs (text mode) would turn into LF, making the
    # uncommitted diff the whole file: the file is given LF endings before the history is made.
    cm.run(f"sed -i 's/\\r$//' {BC}", cwd=d)
    assert b"\r" not in (d / BC).read_bytes()
    cm.run(f"{VENV}/bin/pip install -q --no-deps --no-build-isolation -e .", cwd=d, env=cm.PIP_ENV, timeout=300)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_glass_cuts.py": TEST_GLASS_CUTS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "glass_cuts.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_glass_cuts.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'cut_string or converter'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'cut_digits or spoilt'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'cut_string and cartoon1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-own-doctests", f"python -m pytest -v --color=yes --doctest-modules {ign} {BC}", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "baseconvert fire_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D fire_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests baseconvert 2>&1 | head -n 300", d,
        n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "fire_check.py baseconvert", d, n_mypy)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "baseconvert fire_check.py", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=. python fire_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev fire_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {BC} fire_check.py README.md tests/test_glass_cuts.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/glass_cuts.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 400,560 {BC}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) |raise |return ' baseconvert tests fire_check.py", d,
        n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C and Rust
C_SEED = 63661
C_N = 34
C_ERRS = {2: "type", 6: "args", 11: "undeclared", 19: "semicolon", 23: "type", 30: "args"}
C_HDR = {8, 26}
C_LINK = {15}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "grozer")


def step_c(tmp: Path) -> None:
    d = tmp / "grozer"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)


# Round 368's crate words (the left sides of round 458's renames), into a stained-glass workshop's.
RUST_RENAMES = tuple(zip([old for old, _ in r458n.RUST_RENAMES], (
    "cameworks",
    "Came works: lead cames, glass and the firing of a grisaille panel.",
    "glass_name",
    '"ruby"',
    '"cobalt"',
    '"amber"',
    '"glazier"',
    "9 is a ruby glass",
    "Pane",
    "kiln_rate",
    "came",
    "cutline {",
)))


def renamed(text: str) -> str:
    for old, new in RUST_RENAMES:
        text = text.replace(old, new)
    return text


def step_rust(tmp: Path) -> None:
    d = tmp / "cameworks"
    r368.SEED = SEED  # gen_rust draws SEED + 2: 63662
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
GO_NAMES = ["Ruby Glass", "Cobalt Glass", "Amber Glass", "Flashed Ruby", "Silver Stain", "Grisaille Paint",
            "Lead Came", "Zinc Came", "Quarry Pane", "Roundel", "Border Strip", "Tracery Light"]
GO_RENAMES = (
    ("kegtally", "panegrader"),
    ("casebook", "glasshall"),
    ("ledger host", "bench host"),
    ("litres left, days", "panes left, firing days"),
    ("nothing left to pour", "nothing left to fire"),
    ("pour order", "firing order"),
    ("pour grade", "glass grade"),
    ("Keg", "Pane"),
    ("keg", "pane"),
    ("Beer", "Glass"),
    ("beer", "glass"),
    ("Cellar", "Workshop"),
    ("cellar", "workshop"),
    ("Pints", "Firings"),
    ("pints", "firings"),
)

GO_STEPS = make_steps(r622.cap_go, "panegrader", "glasshall", 63663, GO_NAMES, GO_RENAMES)

# ---------------------------------------------------------------- tables and a log
GLAZIERS = ["Ned Came", "Lucy Grozer", "Tess Kiln", "Owen Pane", "Bea Flashing", "Sam Solder", "Ruth Stainer",
            "Joe Quarrel", "Nell Cullet", "Dan Lattice"]
ROOMS = ["cutting bench"] * 9 + ["kiln room"] * 7 + ["leading bench", "paint table", "glass store"]

WORKSHOP_JOBS = "\n".join(
    [f"(exec -a 'kiln-fire --kiln {b} --glazier {r}' sleep 600) &" for b, r in enumerate(
        ["ned", "lucy", "tess", "owen", "bea", "sam", "ruth", "joe", "nell", "dan"], 1)]
    + [f"(exec -a 'cartoon-render --panel {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 41, 3, 17], 1)]
    + ["(exec -a 'kiln-monitor --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'came-stretcher --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The workshop's cartoon book (seed 63665) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "stainedglass"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,glazier,panes_cut,room,came_mm,cracked,shift,outcome"]
    for k in range(470):
        panes = rnd.randint(10, 120) if k != 241 else 2900
        outcome = "devitrified" if k == 83 else "cracked" if k == 402 else "fired"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(GLAZIERS)},{panes},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([4, 6, 8, 10, 12])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "cartoon_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat cartoon_book.csv", d, n_csv)
    cm.run("sqlite3 stainedglass.db \".import --csv cartoon_book.csv cuts\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header stainedglass.db 'SELECT glazier, room, panes_cut, "
        "came_mm, outcome FROM cuts ORDER BY date'", d, n_sqlite_csv)
    loggers = ["glass.kiln", "glass.bench", "glass.leading", "glass.store", "glass.api"]
    msgs = {
        "DEBUG": lambda r: f"pane {r.randint(1, 90000)} cut at {r.randint(2, 9)} mm glass",
        "INFO": lambda r: f"request GET /panels/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"kiln {r.randint(1, 6)} running {r.randint(5, 30)} degrees hot on firing, check the cone",
        "ERROR": lambda r: f"grisaille blistered in kiln {r.randint(1, 6)} at firing {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"kiln shelf {r.randint(1, 4)} cracked in kiln {r.randint(1, 6)}: firing stopped by the master glazier",
    }
    app_log(d / "leading.log", SEED + 7, 2400, loggers, msgs, 6366, "2026-10-24")
    cap("app-log-tail", "tail -n 900 leading.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' leading.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKSHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR cartoon_bench grozer cameworks/src", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                         "wheel==0.42.0"])
    cm.download_sdists(SRC, "baseconvert*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide636-js", "vitest",
                   ["hex-to-rgba@2.0.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide636_js as js  # hex-to-rgba: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_rust, step_listing, step_tables, *js.STEPS, *GO_STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide636", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean636
    cm.clean_lines = clean636
    if len(sys.argv) > 1:  # a trial of named steps only
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide636-", OUT, TMP)
