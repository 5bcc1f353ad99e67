#!/usr/bin/env python3
"""Round 663: issue #11's kinds with colour and terminal control forced on (rounds 636, 646 and 654's pattern, round
368's runner), on the real PyPI package bencode.py 4.1.0 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a JavaScript part (the npm package isin-validator 1.1.1, vitest / eslint / tsc,
capture_wide663_js.py) and tables and a service log, a sievewright's names (riddles, meshes, bentwood rims,
sievewrights); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 663.

Usage:   .venv/bin/python scripts/corpus/capture_wide663.py [step ...]
Writes:  scripts/corpus/data/wide663.json, ids prefixed "wide663-".
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

ROOT = Path("/dev/shm/hm-corpus-wide663-tools")
TMP = Path("/dev/shm/hm-corpus-wide663")
OUT = HERE / "data" / "wide663.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 66330
SDIST = "bencode.py==4.1.0"
PKG = "bencode_py-4.1.0"

r368.VENV = VENV
cap = r368.cap
clean663 = r368.clean368

ENC = "bencodepy/encoder.py"
DEC = "bencodepy/decoder.py"
# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    (ENC, "r.extend((b'i', str(x).encode('utf-8'), b'e'))", "r.extend((b'i', str(abs(x)).encode('utf-8'), b'e'))"),
    (ENC, "ilist.sort(key=lambda kv: kv[0])", "ilist.sort(key=lambda kv: len(kv[0]))"),
    (DEC, "if x[f + 1:f + 2] == b'0':", "if x[f + 1:f + 2] == b'1':"),
]

PARTS = ["riddle", "mesh", "rim", "hoop", "bentwood", "wire", "horsehair", "brass-mesh", "oak-rim", "ash-rim",
         "flour-sieve", "garden-riddle", "corn-riddle", "lace", "tack", "steam-box", "gauge", "weave", "selvedge",
         "cross-wire"]

FIXTURES_PY = f'''import json, random
from bencodepy import bencode

rnd = random.Random({SEED})


def value(depth=0):
    r = rnd.random()
    if depth > 2 or r < 0.3:
        return rnd.choice([rnd.randint(-400, 400), -rnd.randint(1, 19) * 7, rnd.randint(0, 10 ** 9)])
    if r < 0.55:
        return rnd.choice({PARTS!r}) + "-" + str(rnd.randint(1, 99))
    if r < 0.75:
        return [value(depth + 1) for _ in range(rnd.randint(1, 4))]
    return {{rnd.choice({PARTS!r}): value(depth + 1) for _ in range(rnd.randint(1, 4))}}


rows = []
for k in range(170):
    v = value()
    rows.append({{"id": f"sieve{{k + 1}}-{{rnd.choice({PARTS!r})}}-{{type(v).__name__}}", "value": v,
                 "bencoded": bencode(v).decode("utf-8")}})
with open("tests/mesh_gauge.json", "w") as f:
    json.dump(rows, f, indent=1)
'''

TEST_GAUGE = '''"""The sievewright's mesh gauges against bencode.py: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

import bencode
from bencodepy import BencodeDecodeError, bdecode, bencode as encode

ROWS = json.loads((pathlib.Path(__file__).parent / "mesh_gauge.json").read_text())


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_gauge_encode(row):
    assert encode(row["value"]).decode("utf-8") == row["bencoded"]


@pytest.mark.parametrize("row", ROWS[:70], ids=[r["id"] for r in ROWS[:70]])
def test_gauge_decode(row):
    assert bencode.bdecode(row["bencoded"].encode("utf-8")) == row["value"]


@pytest.mark.parametrize("row", ROWS[:40], ids=[r["id"] for r in ROWS[:40]])
def test_gauge_roundtrip(row):
    assert bdecode(encode(row["value"])) == bdecode(row["bencoded"].encode("utf-8"))


@pytest.mark.parametrize("bad", [b"i-0e", b"i03e", b"3:ab", b"le1", b"d1:ae", b"i12ei"])
def test_rim_refused(bad):
    with pytest.raises(BencodeDecodeError):
        bdecode(bad)
'''

GAUGE_CHECK = '''"""Check the sievewright's mesh gauges before the rims are steamed: each riddle's gauge card is bencoded, and the
card must read back to the pattern book."""
from bencodepy import BencodeDecodeError, bdecode, bencode

CARDS = {
    "riddle 3 (Ivo Hoop)": {"mesh": 4, "rim": "oak", "wires": [18, 18, -12]},
    "riddle 7 (Bea Selvedge)": {"mesh": 8, "rim": "ash", "wires": [22, 22]},
    "riddle 11 (Tam Bentwood)": {"mesh": 12, "rim": "beech", "offset": -14, "wires": [26]},
}
SIEVEWRIGHTS = {"bench 1": "Ivo Hoop", "bench 2": "Bea Selvedge", "bench 3": "Tam Bentwood"}


class MeshError(RuntimeError):
    """A gauge card did not read back: the mesh will not be woven."""


class RimError(Exception):
    """The sievewright stopped the steaming."""


def read_cards():
    out = {}
    for name, card in CARDS.items():
        raw = bencode(card)
        back = bdecode(raw)
        if back[b"wires"] != card["wires"]:
            raise ValueError(f"card {raw!r} reads wires {back[b'wires']}, pattern book says {card['wires']}")
        out[name] = (raw, back[b"mesh"])
    return out


def weave():
    try:
        return read_cards()
    except (ValueError, KeyError, BencodeDecodeError) as e:
        raise MeshError("the meshes will not be woven on these cards: " + repr(e)) from e


def steam():
    try:
        cards = weave()
        return [f"{name}: {raw!r} -> mesh {m} ({SIEVEWRIGHTS['bench 2']})" for name, (raw, m) in cards.items()]
    except MeshError as e:
        raise RimError("steaming stopped at riddle 6633 (Bea Selvedge, master sievewright Nan Gauge)") from e


if __name__ == "__main__":
    print("\\n".join(steam()))
'''

AUTHORS = ["Ivo Hoop <ivo@sievewright.test>", "Bea Selvedge <bea@sievewright.test>",
           "Tam Bentwood <tam@sievewright.test>", "Nan Gauge <nan@sievewright.test>"]
GROUPS = [
    ([ENC, DEC], "Add the gauge card encoder and decoder"),
    (["README.md", "README.rst"], "Readmes"),
    (["tests/mesh_gauge.json"], "The workshop's mesh gauges, as bencode.py writes them"),
    (["tests/test_mesh_gauge.py"], "Tests for the mesh gauges"),
    (["pyproject.toml", "setup.cfg"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 66330; its script file is
    written as cope_drag.py by round 473's code and renamed to gauge_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, GAUGE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py gauge_check.py")
    r473.git(d, "commit -q -m 'Rename the card reader to gauge_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "steaming_notes.txt").write_text("bench 2 ash rims split in the steam box; soak them a day longer\n")
    for k in range(1, 9):
        cm.write_tree(d, {f"sheets/week_{k:02d}_mesh_sheet.txt": GAUGE_CHECK.split("SIEVEWRIGHTS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "meshwork"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO bencode.py.egg-info", cwd=d)
    (d / "README.md").write_text("# meshwork\n\nThe sievewright's gauge card reader (bencode.py 4.1.0).\n")
    cm.run(f"{VENV}/bin/pip install -q --no-deps --no-build-isolation -e .", cwd=d, env=cm.PIP_ENV, timeout=300)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_mesh_gauge.py": TEST_GAUGE})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "mesh_gauge.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=."
    t = "tests/test_mesh_gauge.py"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'encode and not dict'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA --tb=line {ign} {t} -k 'decode or rim'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'roundtrip and sieve1'", d,
        n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q --tb=line {ign} {t} -k 'decode or rim or roundtrip'; echo EXIT=$?", d, n_pytest, tty=True)
    cap("pytest-dict-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'dict and sieve1'", d,
        n_pytest)
    cap("pytest-roundtrip", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'roundtrip or rim'", d, n_pytest)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN "
        "bencodepy gauge_check.py tests; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D gauge_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests bencode bencodepy 2>&1 | head -n 300",
        d, n_ruff)
    cap("mypy-tty", "MYPYPATH=. python -m mypy --no-incremental --strict --pretty --ignore-missing-imports tests "
        "bencodepy gauge_check.py", d, n_mypy, tty=True)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental --ignore-missing-imports "
        "gauge_check.py bencode tests", d, n_mypy)
    cap("traceback", "PYTHONPATH=. python gauge_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=. python -X dev gauge_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- {ENC} {DEC} gauge_check.py README.md tests/test_mesh_gauge.py", d,
        n_log_p)
    cap("git-log-p-tty", "git log -p -8 -- ':!tests/mesh_gauge.json'", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-commits", f"{g} diff --stat -p HEAD~4 HEAD -- ':!tests/mesh_gauge.json'", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame {ENC}", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) |raise |return |assert' bencodepy tests gauge_check.py",
        d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


# ---------------------------------------------------------------- C
C_SEED = 66331
C_N = 34
C_ERRS = {3: "type", 9: "args", 14: "undeclared", 20: "semicolon", 26: "type", 31: "args"}
C_HDR = {11, 27}
C_LINK = {18}
MAKEFILE = r458n.MAKEFILE.replace("tappet", "rimworks")


def step_c(tmp: Path) -> None:
    d = tmp / "rimworks"
    gen_c(d, C_N, C_SEED, spread_warns(C_N, C_SEED), C_ERRS, C_HDR, C_LINK)
    (d / "Makefile").write_text(MAKEFILE)
    cap("make-k", "make -k", d, n_make)
    chain("chain-make-tail-exit", "chain-build-exit", "build",
          [Part("make -k -B -j1 2>&1 | tail -n 200", n_make), Part("echo EXIT=$?", n_status_echo, ";")], d)
    cap("gcc-errors", "gcc -Wall -Wextra -Wconversion -Iinclude -fdiagnostics-color=always -c src/*.c", d, n_gcc)
    cap("gcc-tty-head", "gcc -Wall -Wextra -Iinclude -c src/*.c 2>&1 | head -n 150", d, n_gcc, tty=True)


# ---------------------------------------------------------------- tables and a log
MAKERS = ["Ivo Hoop", "Bea Selvedge", "Tam Bentwood", "Nan Gauge", "Kit Riddle", "Os Wire", "Ula Lace",
          "Ben Tack", "Fay Weave", "Rex Rim"]
ROOMS = ["weaving bench"] * 9 + ["steam box"] * 7 + ["wire store", "drying loft", "hair store"]

WORKSHOP_JOBS = "\n".join(
    [f"(exec -a 'mesh-loom --bench {b} --weaver {r}' sleep 600) &" for b, r in enumerate(
        ["ivo", "bea", "tam", "nan", "kit", "os", "ula", "ben", "fay", "rex"], 1)]
    + [f"(exec -a 'rim-bender --riddle {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([11, 5, 37, 2, 19], 1)]
    + ["(exec -a 'steam-watch --hours 24' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'tack-feeder --bench 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The workshop's riddle book (seed 66335) as CSV, through sqlite3, and the process table; its service log."""
    rnd = random.Random(SEED + 5)
    d = tmp / "sievewrights"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,sievewright,mesh_holes,room,rim_mm,wires_cut,shift,outcome"]
    for k in range(470):
        holes = rnd.randint(16, 900) if k != 233 else 64000
        outcome = "warped" if k == 88 else "torn" if k == 391 else "finished"
        rows.append(f"2026-{9 + k // 160:02d}-{1 + k % 28:02d},{rnd.choice(MAKERS)},{holes},{rnd.choice(ROOMS)},"
                    f"{rnd.choice([250, 300, 350, 400])},{rnd.randint(0, 9)},{rnd.choice(['day', 'day', 'night'])},"
                    f"{outcome}")
    (d / "riddle_book.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat riddle_book.csv", d, n_csv)
    cap("csv-head", "head -n 120 riddle_book.csv", d, n_csv)
    cm.run("sqlite3 sievewrights.db \".import --csv riddle_book.csv riddles\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header sievewrights.db 'SELECT sievewright, room, mesh_holes, "
        "rim_mm, outcome FROM riddles ORDER BY date'", d, n_sqlite_csv)
    loggers = ["sieve.weave", "sieve.rims", "sieve.steam", "sieve.store", "sieve.api"]
    msgs = {
        "DEBUG": lambda r: f"mesh {r.randint(1, 90000)} woven at {r.randint(4, 60)} holes to the inch",
        "INFO": lambda r: f"request GET /riddles/{r.randint(1, 80)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"steam box {r.randint(1, 6)} running {r.randint(5, 30)} degrees cool, rims may crack",
        "ERROR": lambda r: f"ash rim cracked on bench {r.randint(1, 6)} at riddle {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"steam box {r.randint(1, 4)} boiler failed on bench {r.randint(1, 6)}: steaming stopped by the master sievewright",
    }
    app_log(d / "riddling.log", SEED + 7, 2400, loggers, msgs, 6633, "2026-10-24")
    cap("app-log-tail", "tail -n 900 riddling.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL' riddling.log | head -n 300", d, n_app_log)
    jobs = cm.start(["bash", "-c", WORKSHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR meshwork rimworks", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "setuptools==68.2.2",
                                   "wheel==0.42.0"])
    cm.download_sdists(SRC, "bencode*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide663-js", "vitest",
                   ["isin-validator@1.1.1", "vitest@2.1.9", "eslint@9.39.5", "@eslint/js@9.39.5", "globals@17.15.0",
                    "typescript@5.9.3"])


def steps():
    import capture_wide663_js as js  # isin-validator: npm install, vitest, eslint, tsc
    return [step_python, step_c, step_listing, step_tables, *js.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide663", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean663
    cm.clean_lines = clean663
    if len(sys.argv) > 1:
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide663-", OUT, TMP)
