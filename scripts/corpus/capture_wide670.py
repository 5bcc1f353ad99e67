#!/usr/bin/env python3
"""Round 670: issue #11's kinds with colour and terminal control forced on (rounds 646, 654 and 663's pattern, round
368's runner), on the real PyPI package pyDes 2.0.1 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a JavaScript part (the npm package bytes-iec 3.1.1, vitest / eslint / tsc,
capture_wide670_js.py) and tables and a service log, a wainwright's names (wains, tumbrils, axletrees, wainwrights);
no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 670.

Usage:   .venv/bin/python scripts/corpus/capture_wide670.py [step ...]
Writes:  scripts/corpus/data/wide670.json, ids prefixed "wide670-".
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

ROOT = Path("/dev/shm/hm-corpus-wide670-tools")
TMP = Path("/dev/shm/hm-corpus-wide670")
OUT = HERE / "data" / "wide670.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 67030
SDIST = "pyDes==2.0.1"
PKG = "pyDes-2.0.1"

r368.VENV = VENV
cap = r368.cap
clean670 = r368.clean368

MOD = "pyDes.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (MOD, "pad_len = 8 - (len(data) % self.block_size)", "pad_len = (8 - (len(data) % self.block_size)) % 8"),
    (MOD, "if len(key) == 16:", "if len(key) == 24:"),
]

PARTS = ["wain", "tumbril", "axletree", "hay-wain", "dung-cart", "raves", "bolster", "hounds", "shafts", "tailgate",
         "oak-bed", "elm-hub", "ash-shaft", "iron-tyre", "linchpin", "drag-shoe", "harvest-wain", "timber-drug",
         "float", "brake-block"]

FIXTURES_PY = f'''import json, random
from pyDes import des, triple_des, ECB, CBC, PAD_NORMAL, PAD_PKCS5

rnd = random.Random({SEED})
rows = []
for k in range(150):
    words = " ".join(rnd.choice({PARTS!r}) for _ in range(rnd.randint(1, 6)))
    text = f"tally {{k + 1}}: {{words}} {{rnd.randint(1, 999)}}"
    if rnd.random() < 0.3:
        text = text + "." * ((8 - len(text) % 8) % 8)
    ksize = rnd.choice([8, 16, 24])
    key = bytes(rnd.randrange(256) for _ in range(ksize))
    mode = rnd.choice(["ECB", "CBC"])
    iv = bytes(rnd.randrange(256) for _ in range(8))
    padmode = rnd.choice(["PAD_PKCS5", "PAD_PKCS5", "PAD_NORMAL"])
    pad = "*" if padmode == "PAD_NORMAL" else None
    cls = des if ksize == 8 else triple_des
    k_ = cls(key, ECB if mode == "ECB" else CBC, iv if mode == "CBC" else None, pad=pad,
             padmode=PAD_PKCS5 if padmode == "PAD_PKCS5" else PAD_NORMAL)
    rows.append({{"id": f"wain{{k + 1}}-{{rnd.choice({PARTS!r})}}-{{ksize * 8}}bit-{{mode}}", "text": text,
                 "key": key.hex(), "mode": mode, "iv": iv.hex(), "padmode": padmode, "pad": pad,
                 "cipher": k_.encrypt(text.encode()).hex()}})
with open("tests/wain_seal.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_SEAL = '''"""The wainwright's sealed tallies against pyDes: the expectations were computed by the unbroken module."""
import json
import pathlib

import pytest

from pyDes import CBC, ECB, PAD_NORMAL, PAD_PKCS5, des, triple_des

ROWS = json.loads((pathlib.Path(__file__).parent / "wain_seal.json").read_text())


def cipher(row):
    key = bytes.fromhex(row["key"])
    cls = des if len(key) == 8 else triple_des
    return cls(key, CBC if row["mode"] == "CBC" else ECB, bytes.fromhex(row["iv"]) if row["mode"] == "CBC" else None,
               pad=row["pad"], padmode=PAD_PKCS5 if row["padmode"] == "PAD_PKCS5" else PAD_NORMAL)


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_seal_encrypt(row):
    assert cipher(row).encrypt(row["text"].encode()).hex() == row["cipher"]


@pytest.mark.parametrize("row", ROWS[:80], ids=[r["id"] for r in ROWS[:80]])
def test_seal_decrypt(row):
    assert cipher(row).decrypt(bytes.fromhex(row["cipher"])) == row["text"].encode()


@pytest.mark.parametrize("row", ROWS[:50], ids=[r["id"] for r in ROWS[:50]])
def test_seal_roundtrip(row):
    k = cipher(row)
    assert k.decrypt(k.encrypt(row["text"].encode())) == row["text"].encode()


@pytest.mark.parametrize("key", [b"", b"axle", b"linchpin7", b"x" * 16, b"y" * 20])
def test_axle_refused(key):
    with pytest.raises(ValueError):
        des(key)
'''

SEAL_CHECK = '''"""Seal the wainwright's tally cards before the wains leave the yard: each card is enciphered with the yard's key and
must read back to the tally book."""
from pyDes import CBC, PAD_PKCS5, triple_des

KEY = b"wainyard-axletree"[:16]
CARDS = {
    "wain 3 (Abel Raves)": "tally: hay wain, oak bed, 4 iron tyres",
    "tumbril 7 (Cass Linchpin)": "tally: tumbril, elm hub ",
    "wain 11 (Dora Bolster)": "tally: harvest wain, ash shafts, drag shoe",
}
WAINWRIGHTS = {"bench 1": "Abel Raves", "bench 2": "Cass Linchpin", "bench 3": "Dora Bolster"}


class WainError(RuntimeError):
    """A tally card did not read back: the wain will not leave the yard."""


class AxleError(Exception):
    """The wainwright stopped the yard."""


def seal_cards():
    out = {}
    for name, card in CARDS.items():
        k = triple_des(KEY, CBC, b"\\0" * 8, padmode=PAD_PKCS5)
        raw = k.encrypt(card.encode())
        back = k.decrypt(raw, padmode=PAD_PKCS5).decode()
        assert back == card, f"card {name!r} reads {back!r}, tally book says {card!r}"
        out[name] = raw.hex()
    return out


def load():
    try:
        return seal_cards()
    except (ValueError, AssertionError) as e:
        raise WainError("the wains will not leave on these cards: " + repr(e)) from e


def yard():
    try:
        cards = load()
        return [f"{name}: {raw} ({WAINWRIGHTS['bench 2']})" for name, raw in cards.items()]
    except WainError as e:
        raise AxleError("yard stopped at wain 6703 (Cass Linchpin, master wainwright Eli Axletree)") from e


if __name__ == "__main__":
    print("\\n".join(yard()))
'''

AUTHORS = ["Abel Raves <abel@wainwright.test>", "Cass Linchpin <cass@wainwright.test>",
           "Dora Bolster <dora@wainwright.test>", "Eli Axletree <eli@wainwright.test>"]
GROUPS = [
    ([MOD], "Add the tally sealer (pyDes)"),
    (["README.md", "README.txt", "LICENSE.txt"], "Readmes"),
    (["tests/wain_seal.json"], "The yard's sealed tallies, as pyDes writes them"),
    (["tests/test_wain_seal.py"], "Tests for the sealed tallies"),
    (["setup.py", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 67030; its script file is
    written as cope_drag.py by round 473's code and renamed to seal_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, SEAL_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py seal_check.py")
    r473.git(d, "commit -q -m 'Rename the tally sealer to seal_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "yard_notes.txt").write_text("bench 2 elm hubs checked in the frost; season them a month longer\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/week_{k:02d}_wain_sheet.txt": SEAL_CHECK.split("WAINWRIGHTS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "wainshop"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO", cwd=d)
    (d / "README.md").write_text("# wainshop\n\nThe wainwright's tally sealer (pyDes 2.0.1).\n")
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_wain_seal.py": TEST_SEAL})
    cm.run(f"PYTHONPATH=. {VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "wain_seal.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_wain_seal.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'encrypt'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'decrypt or axle'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'roundtrip and wain1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'decrypt or axle or roundtrip'; echo EXIT=$?",
        d, n_pytest, tty=True)
    cap("pytest-ecb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'ECB and wain2'", d, n_pytest)
    cap("pytest-roundtrip", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'roundtrip or axle'", d,
        n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "--ignore W191,E101,ANN pyDes.py seal_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D seal_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests pyDes.py 2>&1 | head -n 300", d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "seal_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "pyDes.py seal_check.py tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python seal_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev seal_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {MOD} seal_check.py README.md tests/test_wain_seal.py", d, n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/wain_seal.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/wain_seal.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 100,260 {MOD}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^\\s*(def|class) |raise |return |assert' pyDes.py tests seal_check.py",
        d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 67031
C_N = 34
C_ERRS = {4: "type", 10: "args", 15: "undeclared", 21: "semicolon", 27: "type", 32: "args"}
C_HDR = {12, 28}
C_LINK = {19}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "axletree")


def step_c(tmp: Path) -> None:
    d = tmp / "axletree"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
MAKERS = ["Abel Raves", "Cass Linchpin", "Dora Bolster", "Eli Axletree", "Fen Shaft", "Gus Tyre", "Hal Hub",
          "Ida Drag", "Jem Tumbril", "Kay Wain"]
ROOMS = ["wain shed"] * 9 + ["tyring platform"] * 7 + ["paint shop", "timber loft", "smithy"]

YARD_JOBS = "\n".join(
    [f"(exec -a 'wain-bench --bench {b} --wright {r}' sleep 600) &" for b, r in enumerate(
        ["abel", "cass", "dora", "eli", "fen", "gus", "hal", "ida", "jem", "kay"], 1)]
    + [f"(exec -a 'tyre-shrink --wain {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([13, 4, 41, 3, 17], 1)]
    + ["(exec -a 'kiln-watch --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'linchpin-feeder --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The yard's wain book (seed 67035) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "wainwrights"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,wainwright,load_cwt,room,wheel_in,spokes_cut,shift,outcome"]
    for k in range(470):
        load = rnd.randint(4, 90) if k != 244 else 7200
        outcome = "cracked" if k == 97 else "dished" if k == 402 else "finished"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(MAKERS)},{load},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([48, 54, 60, 66])},{rnd.randint(0, 14)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "wain_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat wain_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 wain_book.csv", d, n_csv)
    cm.run("sqlite3 wainwrights.db \".import --csv wain_book.csv wains\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header wainwrights.db 'SELECT wainwright, room, load_cwt, "
        "wheel_in, outcome FROM wains ORDER BY date'", d, n_sqlite_csv)
    loggers = ["wain.bench", "wain.tyres", "wain.kiln", "wain.store", "wain.api"]
    msgs = {
        "DEBUG": lambda r: f"spoke {r.randint(1, 90000)} driven at {r.randint(4, 60)} degrees of dish",
        "INFO": lambda r: f"request GET /wains/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"tyring fire {r.randint(1, 6)} running {r.randint(5, 30)} degrees cool, tyres may slip",
        "ERROR": lambda r: f"elm hub split on bench {r.randint(1, 6)} at wain {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"tyring platform {r.randint(1, 4)} quench tank failed on bench {r.randint(1, 6)}: yard stopped by the master wainwright",
    }
    app_log(d / "wainyard.log", SEED + 7, 2400, loggers, msgs, 6703, "2026-10-24")
    cap("app-log-tail", "tail -n 900 wainyard.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' wainyard.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", YARD_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR wainshop axletree", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "pyDes*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide670-js", "vitest",
                   ["bytes-iec@3.1.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide670_js as js  # bytes-iec: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide670", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean670
    cm.clean_lines = clean670
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide670-", OUT, TMP)
