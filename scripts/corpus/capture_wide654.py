#!/usr/bin/env python3
"""Round 654: issue #11's kinds with colour and terminal control forced on (rounds 622, 636 and 646's pattern, round
368's runner), on the real PyPI package bech32 1.2.0 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a JavaScript part (the npm package ibantools 4.5.4, vitest / eslint / tsc,
capture_wide654_js.py) and tables and a service log, a fan maker's names (fan leaves, sticks, guards, pleaters); no
new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 654.

Usage:   .venv/bin/python scripts/corpus/capture_wide654.py [step ...]
Writes:  scripts/corpus/data/wide654.json, ids prefixed "wide654-".
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

ROOT = Path("/dev/shm/hm-corpus-wide654-tools")
TMP = Path("/dev/shm/hm-corpus-wide654")
OUT = HERE / "data" / "wide654.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 65450
SDIST = "bech32==1.2.0"
PKG = "bech32-1.2.0"

r368.VENV = VENV  # importing rounds 458 and 473 pointed round 368's runner at their venvs; this round's again
cap = r368.cap
clean654 = r368.clean368

BI = "bech32/__init__.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (BI, "bech.lower() != bech and bech.upper() != bech", "bech.lower() != bech and bech.upper() == bech"),
    (BI, "if decoded is None or len(decoded) < 2 or len(decoded) > 40:",
     "if decoded is None or len(decoded) < 2 or len(decoded) > 32:"),
    (BI, "if data[0] > 16:", "if data[0] >= 16:"),
]

PARTS = ["leaf", "stick", "guard", "rivet", "pleat", "mount", "head", "loop", "tassel", "spline", "sticks-end",
         "washer", "gorge", "lace", "paper-leaf", "silk-leaf", "ivory-guard", "horn-stick", "brisé", "cabriolet"]

FIXTURES_PY = f'''import json, random
from bech32 import encode

rnd = random.Random({SEED})
tags = []
for k in range(160):
    hrp = rnd.choice(["bc", "tb", "fan", "guard", "stick", "bcrt"])
    ver = rnd.choice([0, 0, 0, rnd.randint(1, 16), 1, 16])
    n = rnd.choice([20, 32]) if ver == 0 else rnd.randint(2, 40)
    prog = [rnd.randrange(256) for _ in range(n)]
    addr = encode(hrp, ver, prog)
    i = rnd.randrange(len(hrp) + 1, len(addr))
    flipped = addr[:i] + ("q" if addr[i] != "q" else "p") + addr[i + 1:]
    tags.append({{"id": f"fan{{k + 1}}-{{rnd.choice({PARTS!r})}}-v{{ver}}-{{n}}", "hrp": hrp, "ver": ver,
                 "prog": prog, "addr": addr, "upper": addr.upper(), "flipped": flipped}})
with open("tests/guard_tags.json", "w") as f:
    json.dump(tags, f, indent=1)
'''

TEST_GUARDS = '''"""The fan maker's guard tags against bech32: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from bech32 import CHARSET, bech32_decode, convertbits, decode, encode

TAGS = json.loads((pathlib.Path(__file__).parent / "guard_tags.json").read_text())


@pytest.mark.parametrize("tag", TAGS, ids=[t["id"] for t in TAGS])
def test_guard_encode(tag):
    assert encode(tag["hrp"], tag["ver"], tag["prog"]) == tag["addr"]


@pytest.mark.parametrize("tag", TAGS[:60], ids=[t["id"] for t in TAGS[:60]])
def test_guard_upper(tag):
    assert bech32_decode(tag["upper"])[0] == tag["hrp"]


@pytest.mark.parametrize("tag", TAGS[:40], ids=[t["id"] for t in TAGS[:40]])
def test_guard_flipped(tag):
    assert bech32_decode(tag["flipped"]) == (None, None)


@pytest.mark.parametrize("tag", TAGS[:30], ids=[t["id"] for t in TAGS[:30]])
def test_guard_roundtrip(tag):
    assert decode(tag["hrp"], tag["addr"]) == (tag["ver"], tag["prog"])


@pytest.mark.parametrize("ch", list(CHARSET[:8]))
def test_stick_bits(ch):
    assert convertbits(convertbits([CHARSET.index(ch)] * 8, 5, 8) or [], 8, 5, False) is not None
'''

RIVET_CHECK = '''"""Check the fan maker's guard tags before riveting: each fan's guard carries a bech32 tag with the fan's pleat
pattern, and the tag must read back to the pattern book."""
from bech32 import decode, encode

GUARDS = {
    "fan 2 (Ivy Pleater)": ("fan", 0, bytes(range(2, 22))),
    "fan 5 (Mo Gorge)": ("fan", 1, bytes(range(5, 37))),
    "fan 9 (Una Rivet)": ("fan", 1, bytes(range(9, 49))),
    "fan 12 (Cas Tassel)": ("fan", 2, bytes(range(12, 24))),
}
PLEATERS = {"table 1": "Ivy Pleater", "table 2": "Mo Gorge", "table 3": "Una Rivet"}


class PleatError(RuntimeError):
    """A tag did not read back: the leaf will not be pleated."""


class GuardError(Exception):
    """The fan maker stopped the riveting."""


def read_tags():
    out = {}
    for name, (hrp, ver, prog) in GUARDS.items():
        tag = encode(hrp, ver, prog)
        got_ver, got = decode(hrp, tag)
        if bytes(got) != prog:
            raise ValueError(f"tag {tag!r} reads as {got_ver}, pattern book says {ver}")
        out[name] = (tag, got_ver)
    return out


def pleat():
    try:
        return read_tags()
    except (ValueError, TypeError, KeyError) as e:
        raise PleatError("the leaves will not be pleated on these tags: " + repr(e)) from e


def rivet():
    try:
        tags = pleat()
        return [f"{name}: {tag} -> v{v} ({PLEATERS['table 2']})" for name, (tag, v) in tags.items()]
    except PleatError as e:
        raise GuardError("riveting stopped at fan 6540 (Mo Gorge, master fan maker Ada Spline)") from e


if __name__ == "__main__":
    print("\\n".join(rivet()))
'''

AUTHORS = ["Ivy Pleater <ivy@fanmaker.test>", "Mo Gorge <mo@fanmaker.test>",
           "Una Rivet <una@fanmaker.test>", "Cas Tassel <cas@fanmaker.test>"]
GROUPS = [
    ([BI], "Add the guard tag reader"),
    (["README.md", "bech32/py.typed"], "Readme and type marker"),
    (["tests/guard_tags.json"], "The workshop's guard tags, as bech32 writes them"),
    (["tests/test_guard_tags.py"], "Tests for the guard tags"),
    (["setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 65450; its script file is
    written as cope_drag.py by round 473's code and renamed to rivet_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, RIVET_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py rivet_check.py")
    r473.git(d, "commit -q -m 'Rename the tag reader to rivet_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "pleating_notes.txt").write_text("table 2 paper leaves cockle in the damp; press them before the next pleat\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/week_{k:02d}_pleat_sheet.txt": RIVET_CHECK.split("PLEATERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "fan_leaf"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO bech32.egg-info", cwd=d)
    (d / "README.md").write_text("# fan_leaf\n\nThe fan maker's guard tag reader (bech32 1.2.0).\n")
    cm.run(f"{VENV}/bin/pip install -q --no-deps --no-build-isolation -e .", cwd=d, env=cm.PIP_ENV, timeout=300)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_guard_tags.py": TEST_GUARDS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "guard_tags.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_guard_tags.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'encode or flipped'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'upper or stick'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'roundtrip and fan1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-upper-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'upper and fan2'", d,
        n_pytest)
    cap("pytest-roundtrip", f"python -m pytest -v --color=yes {ign} {t} -k 'roundtrip or stick'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "bech32 rivet_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D rivet_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests bech32 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "bech32 rivet_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "rivet_check.py bech32 tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python rivet_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev rivet_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {BI} rivet_check.py README.md tests/test_guard_tags.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/guard_tags.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/guard_tags.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {BI}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) |raise |return |assert' bech32 tests rivet_check.py",
        d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 65451
C_N = 36
C_ERRS = {2: "type", 8: "args", 13: "undeclared", 19: "semicolon", 25: "type", 33: "args"}
C_HDR = {10, 28}
C_LINK = {17}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "stickworks")


def step_c(tmp: Path) -> None:
    d = tmp / "stickworks"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
MAKERS = ["Ivy Pleater", "Mo Gorge", "Una Rivet", "Cas Tassel", "Ada Spline", "Rob Washer", "Lia Mount",
          "Ned Loop", "Pru Leaf", "Sol Guard"]
ROOMS = ["pleating table"] * 9 + ["stick bench"] * 7 + ["paint room", "press", "ivory store"]

WORKSHOP_JOBS = "\n".join(
    [f"(exec -a 'leaf-press --table {b} --pleater {r}' sleep 600) &" for b, r in enumerate(
        ["ivy", "mo", "una", "cas", "ada", "rob", "lia", "ned", "pru", "sol"], 1)]
    + [f"(exec -a 'stick-saw --fan {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 41, 3, 17], 1)]
    + ["(exec -a 'damp-watch --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'glue-pot --table 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The workshop's fan book (seed 65455) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "fanmakers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,fan_maker,pleats,room,leaf_mm,torn,shift,outcome"]
    for k in range(480):
        pleats = rnd.randint(8, 60) if k != 241 else 2400
        outcome = "cockled" if k == 97 else "split" if k == 402 else "mounted"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(MAKERS)},{pleats},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([180, 200, 230, 260])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "fan_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat fan_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 fan_book.csv", d, n_csv)
    cm.run("sqlite3 fanmakers.db \".import --csv fan_book.csv fans\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header fanmakers.db 'SELECT fan_maker, room, pleats, "
        "leaf_mm, outcome FROM fans ORDER BY date'", d, n_sqlite_csv)
    loggers = ["fan.pleat", "fan.sticks", "fan.rivet", "fan.store", "fan.api"]
    msgs = {
        "DEBUG": lambda r: f"leaf {r.randint(1, 90000)} scored at {r.randint(12, 40)} pleats",
        "INFO": lambda r: f"request GET /fans/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"pleating table {r.randint(1, 6)} damp {r.randint(5, 30)} percent high, press the leaves",
        "ERROR": lambda r: f"paper leaf split on table {r.randint(1, 6)} at fan {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"rivet press {r.randint(1, 4)} failed on table {r.randint(1, 6)}: riveting stopped by the master fan maker",
    }
    app_log(d / "pleating.log", SEED + 7, 2400, loggers, msgs, 6546, "2026-10-24")
    cap("app-log-tail", "tail -n 900 pleating.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' pleating.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKSHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR fan_leaf stickworks", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "bech32*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide654-js", "vitest",
                   ["ibantools@4.5.4", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide654_js as js  # ibantools: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide654", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean654
    cm.clean_lines = clean654
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide654-", OUT, TMP)
