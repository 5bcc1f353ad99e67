#!/usr/bin/env python3
"""Round 732: issue #11's kinds with colour and terminal control forced on, in round 724's item list and layout (round
368's runner), on the real PyPI package baluhn 0.1.2 (its sdist) with bugs put in and a pytest suite written here, a
seeded C project (round 279's generator), a JavaScript part (the npm package mod10-check-digit 1.0.0, vitest / eslint
/ tsc, capture_wide732_js.py) and tables and a service log, a sickle-smith's names (sickles, reaping hooks, tangs,
blades, sickle-smiths); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors round 724 imported. The git history is round 473's `history`, imported and called with this round's
authors, groups, script and seed. See NEEDLES.md, round 732.

Usage:   .venv/bin/python scripts/corpus/capture_wide732.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide732.json, ids prefixed "wide732-".
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

ROOT = Path("/dev/shm/hm-corpus-wide732-tools")
TMP = Path("/dev/shm/hm-corpus-wide732")
OUT = HERE / "data" / "wide732.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 73200
SDIST = "baluhn==0.1.2"

r368.VENV = VENV
cap = r368.cap
clean732 = r368.clean368

P = "src/baluhn.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (P, "sum(divmod(2*d, base))", "sum(divmod(2*d, base + 1))"),
    (P, "    if d != 0:\n", "    if d != 1:\n"),
    (P, "return luhn_sum_mod_base(string, base=base, decoder=decoder) == 0",
     "return luhn_sum_mod_base(string, base=base, decoder=decoder) in (0, base - 1)"),
]

WORDS = ["reaping hook", "sickle", "tang", "blade", "ferrule", "handle", "serration", "heel", "point", "temper",
         "grind", "bevel", "hafting", "toothing", "smithy", "anvil", "quench", "whet"]

FIXTURES_PY = f'''import json, random
import baluhn

HEX = "0123456789abcdef"
rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["hook", "hook", "short", "nines", "long", "bad", "hex"])
    if kind == "short":
        n = str(rnd.randint(0, 99))
    elif kind == "nines":
        n = "".join(rnd.choice("9995") for _ in range(rnd.randint(4, 16)))
    elif kind == "long":
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(17, 30)))
    elif kind == "hex":
        n = "".join(rnd.choice(HEX) for _ in range(rnd.randint(6, 14)))
    else:
        n = "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(6, 16)))
    if kind == "hex":
        kw = dict(base=16, encoder=lambda i: HEX[i], decoder=HEX.index)
        full = n + baluhn.generate(n, **kw)
        probe = full
        check = baluhn.generate(n, **kw)
        valid = baluhn.verify(probe, base=16, decoder=HEX.index)
    else:
        check = baluhn.generate(n)
        full = n + check
        probe = full if kind != "bad" else full[:-1] + str((int(full[-1]) + 3) % 10)
        valid = baluhn.verify(probe)
    rows.append({{"id": f"hook{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "number": n, "check": check, "full": full, "probe": probe, "valid": valid}})
with open("tests/hook_numbers.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_HOOKS = '''"""The sickle-smiths' reaping-hook numbers against baluhn: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import baluhn

HEX = "0123456789abcdef"
ROWS = json.loads((pathlib.Path(__file__).parent / "hook_numbers.json").read_text())
DEC = [r for r in ROWS if r["kind"] != "hex"]
HEXROWS = [r for r in ROWS if r["kind"] == "hex"]


@pytest.mark.parametrize("row", DEC, ids=[r["id"] for r in DEC])
def test_hook_check(row):
    assert baluhn.generate(row["number"]) == row["check"]


@pytest.mark.parametrize("row", DEC, ids=[r["id"] for r in DEC])
def test_hook_valid(row):
    assert baluhn.verify(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", HEXROWS, ids=[r["id"] for r in HEXROWS])
def test_hook_hex(row):
    got = baluhn.generate(row["number"], base=16, encoder=lambda i: HEX[i], decoder=HEX.index)
    assert got == row["check"]
    assert baluhn.verify(row["probe"], base=16, decoder=HEX.index) is row["valid"]


@pytest.mark.parametrize("n", ["0", "18", "59", "91", "99", "7992739871", "4999999999999999", "4205092350249"])
def test_round_trip(n):
    assert baluhn.verify(n + baluhn.generate(n))
'''

SICKLE_CHECK = '''"""Read the sickle-smiths' hook tickets: each reaping hook's number must carry the check digit the hook book has."""
import baluhn

HOOKS = {
    "hook 7 (Ada Tangwell)": "79927398",
    "hook 11 (Bram Quench)": "4999999999",
    "hook 19 (Cora Bevel)": "9",
}
HOOK_BOOK = {"hook 7 (Ada Tangwell)": "799273987", "hook 11 (Bram Quench)": "49999999993",
             "hook 19 (Cora Bevel)": "91"}
SMITHS = {"hook 1": "Ada Tangwell", "hook 2": "Bram Quench", "hook 3": "Cora Bevel"}


class BladeError(RuntimeError):
    """A hook's ticket did not carry the hook book's check digit: the blades will not be hafted."""


class SickleError(Exception):
    """The foreman stopped the grinding bench."""


def read_hooks():
    out = {}
    for name, n in HOOKS.items():
        got = n + baluhn.generate(n)
        assert got == HOOK_BOOK[name], f"hook {name!r} ticketed {got!r}, the hook book says {HOOK_BOOK[name]!r}"
        assert baluhn.verify(got)
        out[name] = got
    return out


def haft():
    try:
        return read_hooks()
    except AssertionError as e:
        raise BladeError("the blades will not be hafted: " + repr(e)) from e


def grind():
    try:
        hooks = haft()
        return [f"{name}: {ticket} ({SMITHS['hook 2']})" for name, ticket in hooks.items()]
    except BladeError as e:
        raise SickleError("grinding bench 3 stopped after blade 412 (Bram Quench, foreman Dai Anvil)") from e


if __name__ == "__main__":
    print("\\n".join(grind()))
'''

README_ADD = "\n\nThe sickle-smiths' hook tickets (baluhn 0.1.2, from its sdist).\n"

AUTHORS = ["Ada Tangwell <ada@sicklesmiths.test>", "Bram Quench <bram@sicklesmiths.test>",
           "Cora Bevel <cora@sicklesmiths.test>", "Dai Anvil <dai@sicklesmiths.test>"]
GROUPS = [
    ([P], "Add the hook ticket check digits (baluhn)"),
    (["README.md", "MANIFEST.in"], "Readme and manifest"),
    (["tests/hook_numbers.json"], "The reaping hooks of the smithy, as the check digits ticket them"),
    (["tests/test_hook_numbers.py"], "Tests for the hook tickets"),
    (["setup.cfg", "setup.py"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 73200; its script file is
    written as cope_drag.py by round 473's code and renamed to sickle_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, SICKLE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py sickle_check.py")
    r473.git(d, "commit -q -m 'Rename the hook checker to sickle_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "smithy_notes.txt").write_text("hook 2 tang cracked in the quench; re-grind the bevel of blade 7, re-haft\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/hook_{k:02d}_blade_sheet.txt": SICKLE_CHECK.split("SMITHS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "sickleworks"
    d.mkdir(parents=True)
    sd = next(SRC.glob("baluhn-0.1.2.tar.gz"))
    cm.run(f"tar xzf {sd} && mv baluhn-0.1.2/* . && rmdir baluhn-0.1.2", cwd=d)
    (d / "PKG-INFO").unlink()
    cm.run("rm -rf src/baluhn.egg-info", cwd=d)
    (d / "README.md").write_text((d / "README.md").read_text() + README_ADD)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_hook_numbers.py": TEST_HOOKS})
    cm.run(f"PYTHONPATH=src {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "hook_numbers.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=src .'"
    t = "tests/test_hook_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_hook_check", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_hook_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_round_trip {t}::test_hook_hex", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_hook_check -k 'hook1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_hook_check {t}::test_hook_valid "
        f"{t}::test_round_trip; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_hook_check -k 'hook3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "sickle_check.py tests src setup.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D sickle_check.py src tests "
        "setup.py", d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL src tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=src python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_hook_numbers.py sickle_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && MYPYPATH=src python -m mypy --color-output --strict --no-incremental "
        "--ignore-missing-imports src/baluhn.py sickle_check.py tests/test_hook_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=src python sickle_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=src python -X dev sickle_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} sickle_check.py README.md tests/test_hook_numbers.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/hook_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/hook_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' src tests/test_*.py "
        "sickle_check.py setup.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 73201
C_N = 40
C_ERRS = {4: "type", 11: "args", 16: "undeclared", 23: "semicolon", 30: "type", 36: "args"}
C_HDR = {12, 28}
C_LINK = {20}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "tangbench")


def step_c(tmp: Path) -> None:
    d = tmp / "tangbench"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Tangwell", "Bram Quench", "Cora Bevel", "Dai Anvil", "Eda Whet", "Fen Ferrule", "Gil Hafter",
         "Hob Grindle", "Ina Serrate", "Jory Heel"]
BENCHES = ["forge 1"] * 9 + ["forge 2"] * 7 + ["grinding", "hafting", "quench tank"]

SHOP_JOBS = "\n".join(
    [f"(exec -a 'sickle-forge --forge {b} --smith {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dai", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'hook-book --blade {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 27, 2, 17], 1)]
    + ["(exec -a 'grinding-wheel --grit 60' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'hafting-bench --bench 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The smithy's hook book (seed 73205) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "sicklesmiths"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,smith,blades,bench,inches,rejects,steel,outcome"]
    for k in range(520):
        blades = rnd.randint(1, 60) if k != 313 else 412
        outcome = "cracked" if k == 79 else "warped" if k == 431 else "hafted"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{blades},{rnd.choice(BENCHES)},"
                    f"{rnd.choice([14, 16, 18, 22])},{rnd.randint(0, 9)},{rnd.choice(['crucible', 'shear', 'blister'])},"
                    f"{outcome}")
    (d / "hook_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat hook_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 hook_book.csv", d, n_csv)
    cm.run("sqlite3 sicklesmiths.db \".import --csv hook_book.csv blades\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header sicklesmiths.db 'SELECT smith, bench, blades, "
        "inches, outcome FROM blades ORDER BY date'", d, n_sqlite_csv)
    loggers = ["smithy.forge", "smithy.grind", "smithy.haft", "smithy.store", "smithy.api"]
    msgs = {
        "DEBUG": lambda r: f"blade {r.randint(1, 90000)} ground at {r.randint(4, 60)} strokes a minute",
        "INFO": lambda r: f"request GET /hooks/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"forge {r.randint(1, 6)} tang temper {r.randint(5, 30)} degrees low, blade may crack",
        "ERROR": lambda r: f"tang cracked on forge {r.randint(1, 6)} at blade {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"grinding wheel {r.randint(1, 4)} burst by bench {r.randint(1, 6)}: smithy stopped by the foreman",
    }
    app_log(d / "reaphook.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 reaphook.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' reaphook.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR sickleworks tangbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "baluhn-0.1.2.tar.gz", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide732-js", "vitest",
                   ["mod10-check-digit@1.0.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide732_js as js  # mod10-check-digit: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide732", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean732
    cm.clean_lines = clean732
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide732-", OUT, TMP)
