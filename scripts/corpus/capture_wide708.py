#!/usr/bin/env python3
"""Round 708: issue #11's kinds with colour and terminal control forced on (rounds 670, 692 and 700's pattern, round
368's runner), on the real PyPI package pycipher 0.5.2 (its sdist, its own unittest suite) with bugs put in and a
pytest suite written here, a seeded C project (round 279's generator), a JavaScript part (the npm package caesar-salad
2.1.0, vitest / eslint / tsc, capture_wide708_js.py) and tables and a service log, a catgut spinner's names (gut,
catgut, harp strings, twisting frames, stringmakers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed; the C project, tables and log steps are round 700's shape with this round's
names. See NEEDLES.md, round 708.

Usage:   .venv/bin/python scripts/corpus/capture_wide708.py [--only step,...] [--keep]
Writes:  scripts/corpus/data/wide708.json, ids prefixed "wide708-".
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

ROOT = Path("/dev/shm/hm-corpus-wide708-tools")
TMP = Path("/dev/shm/hm-corpus-wide708")
OUT = HERE / "data" / "wide708.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 70800
SDIST = "pycipher==0.5.2"

r368.VENV = VENV
cap = r368.cap
clean708 = r368.clean368

P = "pycipher/"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (P + "caesar.py", "self.key = key % 26", "self.key = key % 25"),
    (P + "vigenere.py", "ret += self.i2a(self.a2i(c) - self.a2i(self.key[i]))",
     "ret += self.i2a(self.a2i(c) - self.a2i(self.key[i - 1]))"),
    (P + "affine.py", "ret += self.i2a(self.inva*(self.a2i(c) - self.b))",
     "ret += self.i2a(self.inva*(self.a2i(c) + self.b))"),
    (P + "railfence.py", "list(range(numrails - 1, 0, -1))", "list(range(numrails - 1, 1, -1))"),
]

WORDS = ["catgut", "harp string", "fiddle string", "gut", "hank", "twisting frame", "stringmaker", "sheep gut",
         "lute string", "bow string", "racket gut", "tennis gut", "sulphur box", "scraping board", "potash tub",
         "spinning wheel", "drying frame", "olive oil", "gut scraper", "whipcord"]

FIXTURES_PY = f'''import json, random
from pycipher import Affine, Atbash, Beaufort, Caesar, Railfence, Vigenere

rnd = random.Random({SEED})
KEYS = ["CATGUT", "HARP", "FIDDLE", "HANK", "TWIST", "STRINGMAKER", "G"]
rows = []
for k in range(160):
    text = " ".join(rnd.choice({WORDS!r}) + " " + str(rnd.randint(1, 900)) for _ in range(rnd.randint(1, 4)))
    kind = rnd.choice(["caesar", "vigenere", "affine", "railfence", "atbash", "beaufort"])
    if kind == "caesar":
        key = [rnd.randint(1, 60)]
        c = Caesar(*key)
    elif kind == "vigenere":
        key = [rnd.choice(KEYS)]
        c = Vigenere(*key)
    elif kind == "affine":
        key = [rnd.choice([1, 3, 5, 7, 9, 11, 15, 17, 19, 21, 23, 25]), rnd.randint(0, 25)]
        c = Affine(*key)
    elif kind == "railfence":
        key = [rnd.randint(2, 6)]
        c = Railfence(*key)
    elif kind == "atbash":
        key = []
        c = Atbash()
    else:
        key = [rnd.choice(KEYS)]
        c = Beaufort(*key)
    enc = c.encipher(text)
    rows.append({{"id": f"hank{{k + 1}}-{{kind}}-{{rnd.choice({WORDS!r}).replace(' ', '_')}}", "kind": kind,
                 "key": key, "text": text, "label": enc, "read": c.decipher(enc)}})
with open("tests/string_labels.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_LABELS = '''"""The stringmakers' hanks against pycipher: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from pycipher import Affine, Atbash, Beaufort, Caesar, Railfence, Vigenere

ROWS = json.loads((pathlib.Path(__file__).parent / "string_labels.json").read_text())
CIPHERS = {"caesar": Caesar, "vigenere": Vigenere, "affine": Affine, "railfence": Railfence, "atbash": Atbash,
           "beaufort": Beaufort}


def cipher(row):
    return CIPHERS[row["kind"]](*row["key"])


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_hank_label(row):
    assert cipher(row).encipher(row["text"]) == row["label"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_hank_read(row):
    assert cipher(row).decipher(row["label"]) == row["read"]


@pytest.mark.parametrize("key", [0, 1, 13, 25, 26, 27, 51, 52])
def test_caesar_round_trip(key):
    assert Caesar(key).decipher(Caesar(key).encipher("CATGUT HARP STRINGS")) == "CATGUTHARPSTRINGS"
'''

HANK_CHECK = '''"""Read the stringmakers' hank tickets: each hank's ciphered ticket must read back as the hank book has it."""
from pycipher import Caesar, Railfence, Vigenere

HANKS = {
    "hank 7 (Ada Gutter)": (Caesar(25), "harp strings twelve gross frame two"),
    "hank 11 (Bram Twist)": (Vigenere("CATGUT"), "fiddle strings nine gross"),
    "hank 19 (Cora Scrape)": (Railfence(2), "lute strings from the sulphur box"),
}
HANK_BOOK = {"hank 7 (Ada Gutter)": "GZQOR", "hank 11 (Bram Twist)": "HIWJFX", "hank 19 (Cora Scrape)": "LTSRNS"}
MAKERS = {"frame 1": "Ada Gutter", "frame 2": "Bram Twist", "frame 3": "Cora Scrape"}


class TwistError(RuntimeError):
    """A hank's ticket did not read back as the hank book has it: the strings will not be twisted."""


class SpinningError(Exception):
    """The foreman stopped the twisting frames."""


def read_hanks():
    out = {}
    for name, (c, text) in HANKS.items():
        got = c.encipher(text)
        assert got.startswith(HANK_BOOK[name]), f"hank {name!r} ticketed {got!r}, the hank book says {HANK_BOOK[name]!r}"
        assert c.decipher(got) == text.replace(" ", "").upper()
        out[name] = got
    return out


def twist():
    try:
        return read_hanks()
    except AssertionError as e:
        raise TwistError("the hanks will not be twisted: " + repr(e)) from e


def spin():
    try:
        hanks = twist()
        return [f"{name}: {ticket} ({MAKERS['frame 2']})" for name, ticket in hanks.items()]
    except TwistError as e:
        raise SpinningError("twisting frame 2 stopped after hank 7000 (Bram Twist, foreman Dai Sulphur)") from e


if __name__ == "__main__":
    print("\\n".join(spin()))
'''

README = "# catgutworks\n\nThe stringmakers' ticket ciphers (pycipher 0.5.2, from its sdist).\n"

AUTHORS = ["Ada Gutter <ada@stringmakers.test>", "Bram Twist <bram@stringmakers.test>",
           "Cora Scrape <cora@stringmakers.test>", "Dai Sulphur <dai@stringmakers.test>"]
GROUPS = [
    ([P + "base.py", P + "__init__.py", P + "util.py"], "Add the ticket cipher base (pycipher)"),
    ([P + "caesar.py", P + "affine.py", P + "atbash.py", P + "rot13.py"], "Monoalphabetic ciphers for the tickets"),
    ([P + "vigenere.py", P + "beaufort.py", P + "autokey.py", P + "gronsfeld.py", P + "porta.py"],
     "Polyalphabetic ciphers"),
    ([P + "railfence.py", P + "columnartransposition.py"], "Transposition ciphers"),
    (["README.md", "README.rst", "MANIFEST.in"], "Readme"),
    (["tests/string_labels.json"], "The hanks of the string works, as the ciphers ticket them"),
    (["tests/test_string_labels.py", "tests/test_caesar.py", "tests/test_vigenere.py", "tests/test_affine.py",
      "tests/test_railfence.py"], "Tests for the hank tickets"),
    (["setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 70800; its script file is
    written as cope_drag.py by round 473's code and renamed to hank_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, HANK_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py hank_check.py")
    r473.git(d, "commit -q -m 'Rename the hank checker to hank_check.py'", AUTHORS[2], "2026-11-03T08:45:00")
    put_bugs(d, BUGS)
    (d / "works_notes.txt").write_text("frame 2 twisting tight this week; scrape the sheep gut longer, re-ticket hank 7\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/frame_{k:02d}_hank_sheet.txt": HANK_CHECK.split("MAKERS")[0]})


def unpack(tmp: Path) -> Path:
    d = tmp / "catgutworks"
    d.mkdir(parents=True)
    sd = next(SRC.glob("pycipher-0.5.2.zip"))
    cm.run(f"unzip -q {sd} && mv pycipher-0.5.2/* . && rmdir pycipher-0.5.2", cwd=d)
    (d / "PKG-INFO").unlink()
    cm.run("rm -rf pycipher.egg-info", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_string_labels.py": TEST_LABELS,
                      "README.md": README})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "string_labels.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_string_labels.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_hank_read", d, n_pytest)
    cap("pytest-v-label", f"python -m pytest -v --tb=line --color=yes {ign} {t}::test_hank_label -k 'not hank1'", d,
        n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} tests/test_caesar.py tests/test_vigenere.py "
        f"tests/test_affine.py tests/test_railfence.py tests/test_atbash.py {t}::test_caesar_round_trip", d, n_pytest,
        tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t}::test_hank_read -k 'hank1'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} tests -k 'not hank_label'; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-long", f"python -m pytest --tb=long --color=yes {ign} {t}::test_hank_label -k 'hank3'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL "
        "hank_check.py tests/test_string_labels.py pycipher/caesar.py pycipher/railfence.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D hank_check.py "
        "pycipher/caesar.py pycipher/railfence.py", d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL pycipher 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports "
        "tests/test_string_labels.py hank_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "pycipher/caesar.py pycipher/vigenere.py pycipher/affine.py pycipher/railfence.py pycipher/base.py "
        "hank_check.py", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python hank_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev hank_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -8 -- {P}caesar.py {P}vigenere.py {P}railfence.py hank_check.py README.md "
        "tests/test_string_labels.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -9 -- ':!tests/string_labels.json' ':!pycipher'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~7", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~12 HEAD~7 -- ':!tests/string_labels.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {P}railfence.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |return |self.key|ROWS' pycipher tests/test_*.py "
        "hank_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v} && {v}/bin/pip install -q setuptools==68.2.2 wheel==0.42.0", env=cm.PIP_ENV,
           timeout=300)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --no-build-isolation --progress-bar on {d}", tmp,
        n_pip_install, tty=True, timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 70801
C_N = 40
C_ERRS = {3: "type", 8: "args", 15: "undeclared", 22: "semicolon", 29: "type", 35: "args"}
C_HDR = {11, 27}
C_LINK = {19}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "twistframe")


def step_c(tmp: Path) -> None:
    d = tmp / "twistframe"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
HANDS = ["Ada Gutter", "Bram Twist", "Cora Scrape", "Dai Sulphur", "Eda Hank", "Fen Whipcord", "Gil Racket",
         "Hob Lute", "Ina Potash", "Jory Frame"]
FRAMES = ["frame 1"] * 9 + ["frame 2"] * 7 + ["scraping board", "sulphur box", "drying loft"]

WORKS_JOBS = "\n".join(
    [f"(exec -a 'twist-frame --frame {b} --maker {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bram", "cora", "dai", "eda", "fen", "gil", "hob", "ina", "jory"], 1)]
    + [f"(exec -a 'hank-book --gut {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 3, 29, 2, 19], 1)]
    + ["(exec -a 'sulphur-box --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'gauge-string --frame 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The works' hank book (seed 70805) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "stringmakers"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,stringmaker,hanks,frame,gauge,twists,dressing,outcome"]
    for k in range(520):
        hanks = rnd.randint(1, 60) if k != 311 else 7000
        outcome = "frayed" if k == 77 else "snapped" if k == 433 else "twisted"
        rows.append(f"2026-{9 + k // 180:02d}-{1 + k % 28:02d},{rnd.choice(HANDS)},{hanks},{rnd.choice(FRAMES)},"
                    f"{rnd.choice([0.6, 0.8, 1.0, 1.3])},{rnd.randint(0, 9)},{rnd.choice(['oiled', 'oiled', 'dry'])},"
                    f"{outcome}")
    (d / "hank_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat hank_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 hank_book.csv", d, n_csv)
    cm.run("sqlite3 stringmakers.db \".import --csv hank_book.csv hanks\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header stringmakers.db 'SELECT stringmaker, frame, hanks, "
        "gauge, outcome FROM hanks ORDER BY date'", d, n_sqlite_csv)
    loggers = ["works.frame", "works.scraper", "works.sulphur", "works.store", "works.api"]
    msgs = {
        "DEBUG": lambda r: f"gut {r.randint(1, 90000)} twisted at {r.randint(4, 60)} turns a minute",
        "INFO": lambda r: f"request GET /hanks/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"frame {r.randint(1, 6)} twisting {r.randint(5, 30)} per cent tight, strings may snap",
        "ERROR": lambda r: f"gut scraper blunted on board {r.randint(1, 6)} at hank {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"sulphur box {r.randint(1, 4)} leaking by frame {r.randint(1, 6)}: works stopped by the foreman",
    }
    app_log(d / "works.log", SEED + 7, 2600, loggers, msgs, 7000, "2026-11-05")
    cap("app-log-tail", "tail -n 900 works.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' works.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKS_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR catgutworks twistframe", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "pycipher-0.5.2.zip", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide708-js", "vitest",
                   ["caesar-salad@2.1.0", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5",
                    "globals@17.15.0", "typescript@5.9.3"])


def steps():
    import capture_wide708_js as js  # caesar-salad: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide708", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean708
    cm.clean_lines = clean708
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide708-", OUT, TMP)
