#!/usr/bin/env python3
"""Round 824: issue #11's kinds with colour and terminal control forced on, in round 809's item list and layout (rounds
740, 787, 802 and 809's modules imported: their runner set-up, C Makefile and shop-job shapes, round 732's C shapes), on
the real PyPI package checkdigit-algorithms 1.0.0 (its sdist) with bugs put in and a pytest suite written here, a seeded
C project (round 279's generator), a JavaScript part (the npm package container-validator 1.1.0, vitest / eslint / tsc,
capture_wide824_js.py) and tables and a service log, a fletcher's names (shafts, fletchings, nocks, piles, fletchers); no
new rules.

Every tool runs with colour forced (FORCE_COLOR, CLICOLOR_FORCE, --color=always ...) or under `script -qec CMD
/dev/null` (round 368's `cap`, imported, pointed at this round's venv); `text` is the raw output decoded; needles are
read on round 368's lossless clean-up (`clean368`) by the extractors round 809 imported. See NEEDLES.md, round 824.

Tools: Python 3.11 venv under /dev/shm/hm-corpus-wide824/venv (pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, setuptools
68.2.2, wheel 0.42.0), checkdigit-algorithms 1.0.0 (sdist; setuptools 80.9.0 as its build backend for `pip install`,
its pyproject having no [build-system]), gcc 12.2.0, GNU make 4.3, git 2.39.5, sqlite3 3.40.1; npm project
/dev/shm/hm-corpus-wide824/js (container-validator 1.1.0, vitest 2.1.9, eslint 9.39.5, typescript 5.9.3).

Usage:   .venv/bin/python scripts/corpus/capture_wide824.py
Writes:  scripts/corpus/data/wide824.json, ids prefixed "wide824-".
"""
from __future__ import annotations

import random
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up, its colour-forcing runner)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
import capture_wide732 as r732  # noqa: E402  (its C shapes)
import capture_wide740 as r740  # noqa: E402  (its Makefile and shop jobs)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_langs import n_gcc, n_make  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide279 import gen_c, spread_warns  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide9b import Part, chain, n_status_echo  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide824")
TMP = Path("/dev/shm/hm-corpus-wide824-run")
OUT = HERE / "data" / "wide824.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 82400
PKG = "checkdigit_algorithms-1.0.0"
SDIST = "checkdigit-algorithms==1.0.0"
BACKEND = "setuptools==80.9.0"

r368.VENV = VENV
cap = r368.cap
clean824 = r368.clean368

L = "checkdigit/luhn.py"
D = "checkdigit/damm.py"
V = "checkdigit/verhoeff.py"
BUGS = [
    (L, "for idx in range(len(sequence) - 1, -1, -2):", "for idx in range(len(sequence) - 2, -1, -2):"),
    (D, "last_digit = table[row][col]", "last_digit = table[col][row]"),
    (V, "c = d[c][p[idx % 8][sequence[idx]]]", "c = d[c][p[idx % 7][sequence[idx]]]"),
]

WORDS = ["shaft", "fletching", "nock", "pile", "crest", "cresting", "footing", "self nock", "bodkin", "broadhead",
         "goose feather", "turkey feather", "sinew", "hide glue", "spine", "barrel taper", "bobtail", "flu-flu"]


def luhn(base: str, shift: int = 1) -> str:
    """A Luhn check digit as checkdigit-algorithms computes it (shift 1), or as the broken copy does (shift 2), for
    the literal serials written into the scripts below."""
    sub = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9]
    digits = [int(c) for c in base]
    new = digits[:]
    for i in range(len(digits) - shift, -1, -2):
        new[i] = sub[digits[i]]
    return base + str(sum(new) * 9 % 10)


FIXTURES_PY = f'''import json, random, string
from checkdigit.damm import DammAlgorithm
from checkdigit.luhn import LuhnAlgorithm
from checkdigit.verhoeff import VerhoeffAlgorithm

ALGOS = {{"luhn": LuhnAlgorithm, "damm": DammAlgorithm, "verhoeff": VerhoeffAlgorithm}}
rnd = random.Random({SEED})


def attempt(f):
    try:
        return str(f())
    except Exception as e:  # noqa: BLE001
        return "threw " + type(e).__name__ + ": " + str(e)


out = {{}}
for algo, what, n, lo, hi in (("luhn", "shaft", 130, 5, 16), ("damm", "fletching", 110, 3, 12),
                              ("verhoeff", "nock", 110, 3, 14)):
    A = ALGOS[algo]
    rows = []
    for k in range(n):
        kind = rnd.choice([what, what, what, "bad", "bad", "short", "alpha", "spaced"])
        base = "".join(rnd.choice(string.digits) for _ in range(rnd.randint(lo, hi)))
        code = A.generate(base)
        probe = {{"bad": code[:-1] + str((int(code[-1]) + rnd.randint(1, 9)) % 10), "short": code[:1],
                 "alpha": code[:3] + rnd.choice("OIlS") + code[4:], "spaced": code[:4] + " " + code[4:]}}.get(kind, code)
        rows.append({{"id": f"{{what}}{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                     "algo": algo, "base": base, "code": code, "probe": probe, "valid": A.is_valid(probe),
                     "made": attempt(lambda: A.generate(probe))}})
    out[what + "s"] = rows
out["known"] = [[a, b, ALGOS[a].generate(b)] for a, b in (("luhn", "7992739871"), ("luhn", "411111111111111"),
                ("damm", "572"), ("damm", "4711"), ("verhoeff", "236"), ("verhoeff", "12345"))]
with open("tests/fletcher_numbers.json", "w") as f:
    json.dump(out, f, indent=1)
'''

TEST_FLETCHERS = '''"""The fletchers' shaft serials (Luhn), fletching lots (Damm) and nock batches (Verhoeff) against
checkdigit-algorithms: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from checkdigit.damm import DammAlgorithm
from checkdigit.luhn import LuhnAlgorithm
from checkdigit.verhoeff import VerhoeffAlgorithm

ALGOS = {"luhn": LuhnAlgorithm, "damm": DammAlgorithm, "verhoeff": VerhoeffAlgorithm}
DATA = json.loads((pathlib.Path(__file__).parent / "fletcher_numbers.json").read_text())
ALL = DATA["shafts"] + DATA["fletchings"] + DATA["nocks"]
ODD = [r for r in ALL if r["kind"] in ("short", "alpha", "spaced")]


def plain(rows):
    return [r for r in rows if r["kind"] not in ("short", "alpha", "spaced")]


def attempt(f):
    try:
        return str(f())
    except Exception as e:  # noqa: BLE001
        return "threw " + type(e).__name__ + ": " + str(e)


@pytest.mark.parametrize("row", plain(DATA["shafts"]), ids=[r["id"] for r in plain(DATA["shafts"])])
def test_shaft_luhn(row):
    assert LuhnAlgorithm.generate(row["base"]) == row["code"]


@pytest.mark.parametrize("row", plain(DATA["fletchings"]), ids=[r["id"] for r in plain(DATA["fletchings"])])
def test_fletching_damm(row):
    assert DammAlgorithm.generate(row["base"]) == row["code"]
    assert DammAlgorithm.is_valid(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", plain(DATA["nocks"]), ids=[r["id"] for r in plain(DATA["nocks"])])
def test_nock_verhoeff(row):
    assert VerhoeffAlgorithm.generate(row["base"]) == row["code"]


@pytest.mark.parametrize("row", plain(ALL), ids=[r["id"] for r in plain(ALL)])
def test_valid(row):
    assert ALGOS[row["algo"]].is_valid(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", ODD, ids=[r["id"] for r in ODD])
def test_odd(row):
    assert ALGOS[row["algo"]].is_valid(row["probe"]) is row["valid"]
    assert attempt(lambda: ALGOS[row["algo"]].generate(row["probe"])) == row["made"]


@pytest.mark.parametrize("algo,base,code", DATA["known"])
def test_known(algo, base, code):
    assert ALGOS[algo].generate(base) == code
    assert ALGOS[algo].is_valid(code)
'''

SHEAVES = {"sheaf 7 (Ada Shaft)": luhn("870314123"), "sheaf 11 (Bram Nock)": luhn("042721557"),
           "sheaf 19 (Cora Pile)": luhn("651130002")}
assert luhn("870314123", 2) != SHEAVES["sheaf 7 (Ada Shaft)"]  # the broken copy refuses the first serial
PILE_CHECK = f'''"""Read the fletchers' shaft book: each sheaf's shaft serial must carry the check digit the book has."""
from checkdigit.luhn import LuhnAlgorithm

SHEAVES = {SHEAVES!r}
BOOK = {{name: serial[-1] for name, serial in SHEAVES.items()}}
FLETCHERS = {{"bench 1": "Ada Shaft", "bench 2": "Bram Nock", "bench 3": "Cora Pile"}}


class NockError(RuntimeError):
    """A shaft serial did not read the book's check digit: the nocks will not be set."""


class FletchingError(Exception):
    """The master fletcher stopped the fletching."""


def read_book():
    out = {{}}
    for name, serial in SHEAVES.items():
        digit = LuhnAlgorithm.generate(serial[:-1])[-1]
        assert LuhnAlgorithm.is_valid(serial), f"{{name!r}} shaft serial {{serial}} reads check digit {{digit}}, the book says {{BOOK[name]}}"
        out[name] = digit
    return out


def set_nocks():
    try:
        return read_book()
    except AssertionError as e:
        raise NockError("the nocks will not be set: " + repr(e)) from e


def fletch():
    try:
        book = set_nocks()
        return [f"{{name}}: {{digit}} ({{FLETCHERS['bench 2']}})" for name, digit in book.items()]
    except NockError as e:
        raise FletchingError("sheaf 3 stopped after shaft 412 (Bram Nock, master fletcher Dai Pile)") from e


if __name__ == "__main__":
    print("\\n".join(fletch()))
'''

README = "checkdigit-algorithms\n=====================\n\nDamm, Luhn and Verhoeff check digits.\n\n" \
         "The fletchers' shaft serials, fletching lots and nock batches (checkdigit-algorithms 1.0.0, from its sdist).\n"

AUTHORS = ["Ada Shaft <ada@fletchers.test>", "Bram Nock <bram@fletchers.test>",
           "Cora Pile <cora@fletchers.test>", "Dai Fletch <dai@fletchers.test>"]
GROUPS = [
    ([L, D, V, "checkdigit/__init__.py"], "Add the shaft-book check (checkdigit-algorithms)"),
    (["README.md"], "Readme"),
    (["tests/fletcher_numbers.json"], "The fletchers' shafts, fletchings and nocks, as their books number them"),
    (["tests/test_fletcher_numbers.py"], "Tests for the shaft book"),
    (["pyproject.toml", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported) as rounds 740-809 call it, with this round's authors, groups, script."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, PILE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py pile_check.py")
    r473.git(d, "commit -q -m 'Rename the book checker to pile_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "nockhouse_notes.txt").write_text("sheaf 4 split at the nock; re-glue the piles on sheaf 7, re-cut the "
                                           "fletchings\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/sheaf_{k:02d}_shaft_sheet.txt": PILE_CHECK.split("class ")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "nockhouse"
    d.mkdir(parents=True)
    sd = next(SRC.glob(f"{PKG}.tar.gz"))
    cm.run(f"tar --no-same-owner -xzf {sd} && mv {PKG}/* . && rmdir {PKG}", cwd=d)
    (d / "PKG-INFO").unlink()
    shutil.rmtree(d / "checkdigit_algorithms.egg-info")
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_fletcher_numbers.py": TEST_FLETCHERS})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "fletcher_numbers.json").exists()
    assert (d / L).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=.'"
    t = "tests/test_fletcher_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_shaft_luhn", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_valid", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_known {t}::test_odd", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_fletching_damm", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_shaft_luhn {t}::test_valid "
        f"{t}::test_known; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_nock_verhoeff -k 'nock3'", d,
        n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "pile_check.py tests checkdigit; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D pile_check.py checkdigit "
        "tests", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {L} {D} {V} tests 2>&1 | head -n 300", d,
        n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_fletcher_numbers.py pile_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental "
        f"--ignore-missing-imports {L} {D} {V} pile_check.py tests/test_fletcher_numbers.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python pile_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev pile_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {L} {D} {V} pile_check.py README.md tests/test_fletcher_numbers.py",
        d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/fletcher_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/fletcher_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {V}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' checkdigit "
        "tests/test_*.py pile_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q wheel==0.42.0 {BACKEND}", env=cm.PIP_ENV, timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 82401
MAKEFILE = r740.MAKEFILE.replace("dentbench", "shaftbench")


def step_c(tmp: Path) -> None:
    d = tmp / "shaftbench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Shaft", "Bram Nock", "Cora Pile", "Dai Fletch", "Eda Crest", "Fen Bodkin", "Gil Sinew", "Hob Footing",
         "Ina Spine", "Jory Quill"]
WOODS = ["ash"] * 9 + ["pine"] * 7 + ["birch", "cedar", "hazel"]
RENAMES = (("reed-bind", "shaft-taper"), ("reed-book --dent", "shaft-book --spine"),
           ("wire-draw --gauge", "nock-cut --gauge"), ("tar-band", "pile-set"))
SHOP_JOBS = r740.SHOP_JOBS
for _old, _new in RENAMES:
    assert _old in SHOP_JOBS, _old
    SHOP_JOBS = SHOP_JOBS.replace(_old, _new)


def step_tables(tmp: Path) -> None:
    """The fletchers' shaft book (seed 82405) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "fletchers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,fletcher,shafts,wood,spine,rejects,feather,outcome"]
    for k in range(520):
        shafts = rnd.randint(1, 60) if k != 313 else 412
        outcome = "warped" if k == 79 else "scorched" if k == 431 else "fletched"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{shafts},{rnd.choice(WOODS)},"
                    f"{rnd.choice([35, 40, 45, 50, 55, 60])},{rnd.randint(0, 9)},"
                    f"{rnd.choice(['goose', 'turkey', 'swan'])},{outcome}")
    (d / "shaft_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat shaft_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 shaft_book.csv", d, n_csv)
    cm.run("sqlite3 fletchersdb.db \".import --csv shaft_book.csv sheaves\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header fletchersdb.db 'SELECT fletcher, wood, shafts, "
        "spine, outcome FROM sheaves ORDER BY date'", d, n_sqlite_csv)
    loggers = ["nockhouse.shaft", "nockhouse.nock", "nockhouse.fletching", "nockhouse.store", "nockhouse.api"]
    msgs = {
        "DEBUG": lambda r: f"shaft {r.randint(1, 90000)} tapered at {r.randint(4, 60)} mm from the nock",
        "INFO": lambda r: f"request GET /sheaves/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"sheaf {r.randint(1, 6)} spine {r.randint(5, 30)} lb off the mark, the shafts may "
                             "fishtail",
        "ERROR": lambda r: f"fletching split on sheaf {r.randint(1, 6)} at shaft {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"pile {r.randint(1, 4)} sheared on sheaf {r.randint(1, 6)}: bench stopped by the "
                              "master fletcher",
    }
    app_log(d / "nockwire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 nockwire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' nockwire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        # the sandbox's own processes (lines holding binary_backend) are filtered out
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem | grep -v binary_backend", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR nockhouse shaftbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob(f"{PKG}.tar.gz")):
        cm.run(f"pip3 download -q --no-deps --no-binary :all: {SDIST}", cwd=SRC, env=cm.PIP_ENV, timeout=600)
    cm.install_npm(ROOT / "js", "vitest",
                   ["container-validator@1.1.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide824_js as js  # container-validator: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide824", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean824
    cm.clean_lines = clean824
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide824-", OUT, TMP)
    drop_and_check(OUT)
