#!/usr/bin/env python3
"""Round 809: issue #11's kinds with colour and terminal control forced on, in round 802's item list and layout (rounds
740, 787 and 802's modules imported: their runner set-up, C Makefile and shop-job shapes, round 732's C shapes), on the
real PyPI package br-cpf-cnpj 1.1.0 (its sdist) with bugs put in and a pytest suite written here, a seeded C project
(round 279's generator), a JavaScript part (the npm package @vroomlabs/vin-validate 1.0.2, vitest / eslint / tsc,
capture_wide809_js.py) and tables and a service log, a cordwainer's names (lasts, welts, uppers, awls, cordwainers); no
new rules.

Every tool runs with colour forced (FORCE_COLOR, CLICOLOR_FORCE, --color=always ...) or under `script -qec CMD
/dev/null` (round 368's `cap`, imported, pointed at this round's venv); `text` is the raw output decoded; needles are
read on round 368's lossless clean-up (`clean368`) by the extractors round 802 imported. See NEEDLES.md, round 809.

Tools: Python 3.11 venv under /dev/shm/hm-corpus-wide809/venv (pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, setuptools
68.2.2, wheel 0.42.0), br-cpf-cnpj 1.1.0 (sdist; uv_build 0.10.12 as its build backend for `pip install`), gcc
12.2.0, GNU make 4.3, git 2.39.5, sqlite3 3.40.1; npm project /dev/shm/hm-corpus-wide809/js (@vroomlabs/vin-validate
1.0.2, vitest 2.1.9, eslint 9.39.5, typescript 5.9.3).

Usage:   .venv/bin/python scripts/corpus/capture_wide809.py
Writes:  scripts/corpus/data/wide809.json, ids prefixed "wide809-".
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

ROOT = Path("/dev/shm/hm-corpus-wide809")
TMP = Path("/dev/shm/hm-corpus-wide809-run")
OUT = HERE / "data" / "wide809.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 80900
PKG = "br_cpf_cnpj-1.1.0"
SDIST = "br-cpf-cnpj==1.1.0"
BACKEND = "uv_build==0.10.12"

r368.VENV = VENV
cap = r368.cap
clean809 = r368.clean368

P = "br_cpf_cnpj/calculation.py"
V = "br_cpf_cnpj/validators.py"
BUGS = [
    (P, "    weight = 11\n", "    weight = 10\n"),
    (P, "total += (ord(base[i]) - ord('0')) * weight", "total += int(base[i], 36) * weight"),
    (V, "if len(cpf) != 11 or cpf == cpf[0] * 11:", "if len(cpf) < 11 or cpf == cpf[0] * 11:"),
]

WORDS = ["last", "welt", "upper", "awl", "vamp", "quarter", "insole", "outsole", "heel", "toecap", "rand", "shank",
         "lasting pincers", "clicking knife", "hammer", "waxed thread", "bristle", "cordovan"]


def cpf_digits(first9: str) -> str:
    """A CPF's two check digits (weights 10..2, then 11..2), for the literal numbers written into the scripts below."""
    out = first9
    for top in (10, 11):
        s = sum(w * int(c) for w, c in zip(range(top, 1, -1), out))
        out += str(0 if s % 11 < 2 else 11 - s % 11)
    return out


KNOWN = [cpf_digits(n) for n in ("529982247", "111444777", "123456789", "935411347", "000000191", "390533447",
                                 "706314112")]

FIXTURES_PY = f'''import json, random, string
from br_cpf_cnpj.calculation import calculate_dv_cnpj, calculate_dv_cpf
from br_cpf_cnpj.formatters import format_cpf_cnpj
from br_cpf_cnpj.validators import is_valid_cnpj, is_valid_cpf

rnd = random.Random({SEED})
rows = []
for k in range(170):
    kind = rnd.choice(["cordwainer", "cordwainer", "masked", "bad", "long", "short", "repeat"])
    first9 = "".join(rnd.choice(string.digits) for _ in range(9))
    dv = "%d%d" % calculate_dv_cpf(first9)
    code = first9 + dv
    probe = {{"masked": format_cpf_cnpj(code), "bad": code[:-1] + str((int(code[-1]) + 3) % 10),
             "long": code + str(rnd.randint(0, 9)), "short": code[:-1], "repeat": str(k % 10) * 11}}.get(kind, code)
    rows.append({{"id": f"cordwainer{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "first9": first9, "dv": dv, "code": code, "probe": probe, "valid": is_valid_cpf(probe),
                 "fmt": format_cpf_cnpj(code)}})
shops = []
for k in range(110):
    kind = rnd.choice(["workshop", "workshop", "alnum", "alnum", "bad"])
    chars = string.digits + (string.ascii_uppercase if kind == "alnum" else "")
    base = "".join(rnd.choice(chars) for _ in range(12))
    dv = "%d%d" % calculate_dv_cnpj(base)
    code = base + dv
    probe = code[:-2] + dv[::-1] if kind == "bad" and dv[0] != dv[1] else code
    shops.append({{"id": f"workshop{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                  "base": base, "dv": dv, "code": code, "probe": probe, "valid": is_valid_cnpj(probe),
                  "fmt": format_cpf_cnpj(code)}})
with open("tests/cordwainer_numbers.json", "w") as f:
    json.dump({{"guild": rows, "workshops": shops}}, f, indent=1)
'''

TEST_CORDWAINERS = f'''"""The cordwainers' guild rolls (CPF) and their workshops (CNPJ) against br-cpf-cnpj: the expectations were computed by
the unbroken package."""
import json
import pathlib

import pytest

from br_cpf_cnpj import is_valid_cnpj, is_valid_cpf
from br_cpf_cnpj.calculation import calculate_dv_cnpj, calculate_dv_cpf
from br_cpf_cnpj.formatters import format_cpf_cnpj

DATA = json.loads((pathlib.Path(__file__).parent / "cordwainer_numbers.json").read_text())
ROWS = DATA["guild"]
SHOPS = DATA["workshops"]
PLAIN = [r for r in ROWS if r["kind"] not in ("long", "short", "repeat")]
ODD = [r for r in ROWS if r["kind"] in ("long", "short", "repeat")]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_cordwainer_dv(row):
    assert "%d%d" % calculate_dv_cpf(row["first9"]) == row["dv"]


@pytest.mark.parametrize("row", PLAIN, ids=[r["id"] for r in PLAIN])
def test_cordwainer_valid(row):
    assert is_valid_cpf(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", ODD, ids=[r["id"] for r in ODD])
def test_cordwainer_odd(row):
    assert is_valid_cpf(row["probe"]) is row["valid"]


@pytest.mark.parametrize("row", SHOPS, ids=[r["id"] for r in SHOPS])
def test_workshop(row):
    assert "%d%d" % calculate_dv_cnpj(row["base"]) == row["dv"]
    assert is_valid_cnpj(row["probe"]) is row["valid"]
    assert format_cpf_cnpj(row["code"]) == row["fmt"]


@pytest.mark.parametrize("n", {KNOWN!r})
def test_known(n):
    assert is_valid_cpf(n)
    assert is_valid_cpf(format_cpf_cnpj(n))
'''

CORDWAINERS = {"last 7 (Ada Last)": cpf_digits("870314123"), "last 11 (Bram Welt)": cpf_digits("042721557"),
               "last 19 (Cora Upper)": cpf_digits("651130002")}
INSOLE_CHECK = f'''"""Read the cordwainers' guild roll: each cordwainer's CPF must carry the check digits the roll has."""
from br_cpf_cnpj import is_valid_cpf
from br_cpf_cnpj.calculation import calculate_dv_cpf

GUILD = {CORDWAINERS!r}
ROLL = {{name: number[9:] for name, number in GUILD.items()}}
CORDWAINERS = {{"bench 1": "Ada Last", "bench 2": "Bram Welt", "bench 3": "Cora Upper"}}


class HeelLastError(RuntimeError):
    """A guild number did not read the roll's check digits: the lasts will not be set."""


class UpperError(Exception):
    """The master cordwainer stopped the uppers."""


def read_roll():
    out = {{}}
    for name, number in GUILD.items():
        dv = "%d%d" % calculate_dv_cpf(number[:9])
        assert is_valid_cpf(number), f"{{name!r}} guild number {{number}} reads check digits {{dv}}, the roll says {{ROLL[name]}}"
        out[name] = dv
    return out


def heel_last():
    try:
        return read_roll()
    except AssertionError as e:
        raise HeelLastError("the lasts will not be set: " + repr(e)) from e


def uppers():
    try:
        roll = heel_last()
        return [f"{{name}}: {{dv}} ({{CORDWAINERS['bench 2']}})" for name, dv in roll.items()]
    except HeelLastError as e:
        raise UpperError("upper 3 stopped after welt 412 (Bram Welt, master cordwainer Dai Awl)") from e


if __name__ == "__main__":
    print("\\n".join(uppers()))
'''

README = "br-cpf-cnpj\n===========\n\nCPF and CNPJ numbers: check digits, validation, formatting, generation.\n\n" \
         "The cordwainers' guild rolls and workshops (br-cpf-cnpj 1.1.0, from its sdist).\n"

AUTHORS = ["Ada Last <ada@cordwainers.test>", "Bram Welt <bram@cordwainers.test>",
           "Cora Upper <cora@cordwainers.test>", "Dai Awl <dai@cordwainers.test>"]
GROUPS = [
    ([P, V, "br_cpf_cnpj/__init__.py"], "Add the guild-roll check (br-cpf-cnpj)"),
    (["README.md"], "Readme"),
    (["tests/cordwainer_numbers.json"], "The cordwainers of the guild, as their rolls number them"),
    (["tests/test_cordwainer_numbers.py"], "Tests for the guild rolls"),
    (["pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported) as rounds 740-802 call it, with this round's authors, groups, script."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, INSOLE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py insole_check.py")
    r473.git(d, "commit -q -m 'Rename the roll checker to insole_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "lasthouse_notes.txt").write_text("last 4 split at the heel; re-peg the welts on pair 7, re-cut the uppers\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/pair_{k:02d}_last_sheet.txt": INSOLE_CHECK.split("class ")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "lasthouse"
    d.mkdir(parents=True)
    sd = next(SRC.glob(f"{PKG}.tar.gz"))
    cm.run(f"tar --no-same-owner -xzf {sd} && mv {PKG}/* . && rmdir {PKG}", cwd=d)
    (d / "PKG-INFO").unlink()
    (d / "README.md").write_text(README)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_cordwainer_numbers.py": TEST_CORDWAINERS})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "cordwainer_numbers.json").exists()
    assert (d / P).exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o 'pythonpath=.'"
    t = "tests/test_cordwainer_numbers.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_cordwainer_dv", d, n_pytest)
    cap("pytest-v-valid", f"python -m pytest -v --tb=short --color=yes {ign} {t}::test_cordwainer_valid", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t}::test_known {t}::test_cordwainer_odd", d,
        n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_workshop", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t}::test_cordwainer_dv {t}::test_cordwainer_valid "
        f"{t}::test_known; echo EXIT=$?", d, n_pytest, tty=True, pipe="tail -n 400")
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_workshop -k 'workshop3'", d,
        n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "insole_check.py tests br_cpf_cnpj; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D insole_check.py br_cpf_cnpj "
        "tests", d, n_ruff, tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {P} {V} tests 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_cordwainer_numbers.py insole_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental "
        f"--ignore-missing-imports {P} {V} br_cpf_cnpj/generator.py insole_check.py tests/test_cordwainer_numbers.py",
        d, n_mypy)
    cap("traceback", "PYTHONPATH=. python insole_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev insole_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P} {V} insole_check.py README.md tests/test_cordwainer_numbers.py",
        d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/cordwainer_numbers.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~6", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~6 HEAD~1 -- ':!tests/cordwainer_numbers.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}", d, n_blame)
    cap("grep-rn", f"grep -rn --color=always -E '^\\s*(def|class) |return |raise |assert ' br_cpf_cnpj "
        "tests/test_*.py insole_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0 {BACKEND}",
           env=cm.PIP_ENV, timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 80901
MAKEFILE = r740.MAKEFILE.replace("dentbench", "clickerbench")


def step_c(tmp: Path) -> None:
    d = tmp / "clickerbench"
    gen_c(d, r732.C_N, C_SEED, spread_warns(r732.C_N, C_SEED), r732.C_ERRS, r732.C_HDR, r732.C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Last", "Bram Welt", "Cora Upper", "Dai Awl", "Eda Insole", "Fen Vamp", "Gil Heel", "Hob Toecap",
         "Ina Rand", "Jory Quarter"]
LEATHERS = ["calf"] * 9 + ["kip"] * 7 + ["cordovan", "goat", "pigskin"]
RENAMES = (("reed-bind", "welt-sew"), ("reed-book --dent", "last-book --upper"),
           ("wire-draw --gauge", "awl-bore --gauge"), ("tar-band", "heel-peg"))
SHOP_JOBS = r740.SHOP_JOBS
for _old, _new in RENAMES:
    assert _old in SHOP_JOBS, _old
    SHOP_JOBS = SHOP_JOBS.replace(_old, _new)


def step_tables(tmp: Path) -> None:
    """The cordwainers' last book (seed 80905) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "cordwainers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,cordwainer,pairs,leather,size,rejects,last,outcome"]
    for k in range(520):
        pairs = rnd.randint(1, 60) if k != 313 else 412
        outcome = "cracked" if k == 79 else "scorched" if k == 431 else "lasted"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{pairs},{rnd.choice(LEATHERS)},"
                    f"{rnd.choice([6, 7, 8, 9, 10, 11])},{rnd.randint(0, 9)},"
                    f"{rnd.choice(['beech', 'hornbeam', 'maple'])},{outcome}")
    (d / "last_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat last_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 last_book.csv", d, n_csv)
    cm.run("sqlite3 cordwainersdb.db \".import --csv last_book.csv pairs\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header cordwainersdb.db 'SELECT cordwainer, leather, pairs, "
        "size, outcome FROM pairs ORDER BY date'", d, n_sqlite_csv)
    loggers = ["lasthouse.last", "lasthouse.welt", "lasthouse.upper", "lasthouse.store", "lasthouse.api"]
    msgs = {
        "DEBUG": lambda r: f"upper {r.randint(1, 90000)} clicked at {r.randint(4, 60)} mm from the backbone",
        "INFO": lambda r: f"request GET /pairs/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"last {r.randint(1, 6)} welt {r.randint(5, 30)} mm off the feather, the upper may pucker",
        "ERROR": lambda r: f"welt split on pair {r.randint(1, 6)} at stitch {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"awl {r.randint(1, 4)} snapped on pair {r.randint(1, 6)}: bench stopped by the master cordwainer",
    }
    app_log(d / "lastingwire.log", SEED + 7, 2600, loggers, msgs, 412, "2026-11-05")
    cap("app-log-tail", "tail -n 900 lastingwire.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' lastingwire.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        # the sandbox's own processes (lines holding binary_backend) are filtered out
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem | grep -v binary_backend", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR lasthouse clickerbench", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob(f"{PKG}.tar.gz")):  # the sdist only: its uv_build backend has no sdist of its own
        cm.run(f"pip3 download -q --no-deps --no-binary br-cpf-cnpj {SDIST}", cwd=SRC, env=cm.PIP_ENV, timeout=600)
    cm.install_npm(ROOT / "js", "vitest",
                   ["@vroomlabs/vin-validate@1.0.2", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide809_js as js  # vin-validate: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide809", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean809
    cm.clean_lines = clean809
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide809-", OUT, TMP)
    drop_and_check(OUT)
