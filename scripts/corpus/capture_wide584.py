#!/usr/bin/env python3
"""Round 584: issue #11's kinds with colour and terminal control forced on (rounds 537, 556 and 568's pattern, round
368's runner), on the real PyPI package vininfo 1.11.0 with bugs put in and a pytest suite written here, a seeded C
project (round 279's generator), a Rust crate (round 368's generator), a Go module and shell scripts (round 273's
generator), a JavaScript part (the npm package split-string, vitest / eslint / tsc) and a few tables and a service
log, a weaving shed's names (looms, shuttles, weavers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by the
extractors earlier rounds used, imported. The git history is round 473's `history`, imported and called with this
round's authors, groups, script and seed. See NEEDLES.md, round 584.

Usage:   .venv/bin/python scripts/corpus/capture_wide584.py
Writes:  scripts/corpus/data/wide584.json, ids prefixed "wide584-".
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up and its colour-forcing runner)
import capture_wide473 as r473  # noqa: E402  (its git history shape, called with this round's material)
from capture_material import app_log, put_bugs  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide584-tools")
TMP = Path("/dev/shm/hm-corpus-wide584")
OUT = HERE / "data" / "wide584.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 58410
SDIST = "vininfo==1.11.0"
PKG = "vininfo-1.11.0"

r368.VENV = VENV  # importing round 473 pointed round 368's runner at 473's venv; this round's again
cap = r368.cap
clean584 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy); fixed before any run.
BUGS = [
    ("src/vininfo/toolbox.py", "'S': 2, 'T': 3,", "'S': 3, 'T': 3,"),
    ("src/vininfo/toolbox.py", "while year + overflow_delta <= net_year:", "while year + overflow_delta < net_year:"),
    ("src/vininfo/toolbox.py", "return self.num[:8] + self.num[9:11]", "return self.num[:9] + self.num[9:11]"),
]

LOOMS = ["loom1", "loom2", "dobby", "jacquard", "tappet", "warping", "beaming", "pirnwinder"]

# Run with the venv's python on the unbroken package: the shed's vans' VINs and what vininfo makes of them.
FIXTURES_PY = f'''import json, random, sys
sys.path.insert(0, "src")
from vininfo import Vin
from vininfo.dicts import WMI

rnd = random.Random({SEED})
ALNUM = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"
wmis = sorted(k for k in WMI if len(k) == 3 and all(c in ALNUM for c in k))
vins = []
i = 0
while len(vins) < 72:
    i += 1
    year = "V" if rnd.random() < 0.2 else rnd.choice(YEARS)
    body = rnd.choice(wmis) + "".join(rnd.choice(ALNUM) for _ in range(5)) + "_" + year
    body += "".join(rnd.choice(ALNUM) for _ in range(2)) + "".join(rnd.choice("0123456789") for _ in range(5))
    try:
        good = [c for c in "0123456789X" if Vin(body.replace("_", c)).verify_checksum(check_year=False)]
        digit = good[0] if rnd.random() < 0.85 else rnd.choice([c for c in "0123456789X" if c not in good])
        v = Vin(body.replace("_", digit))
        rec = {{"id": f"{{rnd.choice({LOOMS!r})}}-{{i}}", "vin": v.num, "checksum": v.verify_checksum(check_year=False),
               "years": v.years, "squish": v.squish_vin, "manufacturer": v.manufacturer, "country": v.country,
               "region": v.region}}
    except Exception:
        continue
    vins.append(rec)
with open("tests/loom_vins.json", "w") as f:
    json.dump({{"vins": vins}}, f, indent=1)
'''

TEST_LOOM_VINS = '''"""The weaving shed's delivery vans against vininfo: the expectations were computed by the unbroken package."""
import json
import pathlib

import pytest

from vininfo import Vin
from vininfo.exceptions import ValidationError

VINS = json.loads((pathlib.Path(__file__).parent / "loom_vins.json").read_text())["vins"]
IDS = [v["id"] for v in VINS]


@pytest.mark.parametrize("van", VINS, ids=IDS)
def test_shuttle_check_digit(van):
    assert Vin(van["vin"]).verify_checksum(check_year=False) is van["checksum"]


@pytest.mark.parametrize("van", VINS, ids=IDS)
def test_loom_model_years(van):
    assert Vin(van["vin"]).years == van["years"]


@pytest.mark.parametrize("van", VINS, ids=IDS)
def test_squish_weft(van):
    assert Vin(van["vin"]).squish_vin == van["squish"]


@pytest.mark.parametrize("van", VINS, ids=IDS)
def test_weaver_origin(van):
    v = Vin(van["vin"])
    assert (v.manufacturer, v.country, v.region) == (van["manufacturer"], van["country"], van["region"])


@pytest.mark.parametrize("bad", ["1FTSW21P65EB0001", "1FTSW21P65EBO0001", "IFTSW21P65EB00001"])
def test_broken_pick_rejected(bad):
    with pytest.raises(ValidationError):
        Vin(bad)
'''

SHUTTLE_CHECK = '''"""Check the weaving shed's delivery vans' VINs with vininfo before the cloth goes out to the finishers."""
from vininfo import Vin
from vininfo.exceptions import ValidationError

VANS = {
    "warp beam van": "1G1JC524817126701",
    "pirn lorry": "2T1BR32E84C000123",
    "cloth van (Ada Shuttle)": "1FTSW21P65EB00001",
    "heald frame truck": "5TDZA23C34S012345",
}
WEAVERS = {"loom 1": "Ada Shuttle", "loom 2": "Ned Heald", "loom 3": "Bess Dobby"}


class ShuttleTrapError(RuntimeError):
    """A van's VIN could not be trusted: the shuttle is trapped in the shed and the cloth waits."""


class LoomStoppedError(Exception):
    """The tackler stopped the loom."""


def check_vans():
    out = {}
    for name, num in VANS.items():
        vin = Vin(num)
        if not vin.verify_checksum(check_year=False):
            raise ValidationError(f"van {name!r}: VIN {vin} fails its check digit {vin.vds[5]!r} ({vin.manufacturer})")
        out[name] = (vin.manufacturer, vin.years, vin.squish_vin)
    return out


def throw_shuttle():
    try:
        return check_vans()
    except ValidationError as e:
        raise ShuttleTrapError("shuttle trapped at the reed: " + str(e)) from e


def run_loom():
    try:
        vans = throw_shuttle()
        return [f"{name}: {m} {years} squish {sq} ({WEAVERS['loom 3']})" for name, (m, years, sq) in vans.items()]
    except ShuttleTrapError as e:
        raise LoomStoppedError("loom 3 stopped at pick 4410 (Bess Dobby, tackler Ira Tackler)") from e


if __name__ == "__main__":
    print("\\n".join(run_loom()))
'''

AUTHORS = ["Ada Shuttle <ada@weaving.test>", "Ned Heald <ned@weaving.test>",
           "Bess Dobby <bess@weaving.test>", "Amos Weft <amos@weaving.test>"]
GROUPS = [
    (["src/vininfo/toolbox.py", "src/vininfo/common.py", "src/vininfo/__init__.py"], "Add the VIN reader for the vans"),
    (["src/vininfo/dicts"], "The WMI, country and region tables"),
    (["src/vininfo/details"], "Brand details"),
    (["tests/loom_vins.json"], "The shed's vans' VINs, as vininfo reads them"),
    (["tests/test_loom_vins.py"], "Tests for the loom vans"),
    (["pyproject.toml"], "Packaging"),
]


def history(d: Path) -> None:
    """Round 473's history (imported), with this round's authors, groups, script and seed 58410; its script file is
    written as cope_drag.py by round 473's code and renamed to shuttle_check.py in one more commit."""
    r473.SEED, r473.AUTHORS, r473.GROUPS, r473.COPE_DRAG, r473.BUGS = SEED, AUTHORS, GROUPS, SHUTTLE_CHECK, []
    r473.history(d)
    (d / "shop_notes.txt").unlink()
    r473.git(d, "mv cope_drag.py shuttle_check.py")
    r473.git(d, "commit -q -m 'Rename the van checker to shuttle_check.py'", AUTHORS[2], "2026-10-22T08:45:00")
    put_bugs(d, BUGS)
    (d / "tackler_notes.txt").write_text("loom 2 reed bent; re-draw the healds before the next warp\n")
    for k in range(1, 7):  # the week's pick sheets, saved and left untracked
        cm.write_tree(d, {f"picks/week_{k:02d}_pick_sheet.txt": SHUTTLE_CHECK.split("WEAVERS")[0]})


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "vininfo_shed"
    (tmp / PKG).rename(d)
    cm.run("rm -rf PKG-INFO", cwd=d)
    cm.write_tree(d, {"make_fixtures.py": FIXTURES_PY, "tests/test_loom_vins.py": TEST_LOOM_VINS})
    cm.run(f"{VENV}/bin/python make_fixtures.py && rm make_fixtures.py", cwd=d)
    assert (d / "tests" / "loom_vins.json").exists()
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider -o pythonpath=src"
    t = "tests"
    cap("pytest-v", f"python -m pytest -v --tb=line --color=yes {ign} {t} -k 'check_digit or squish'", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} {t} -k 'years or broken'", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} {t} -k 'check_digit'", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} {t} 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} {t} -k squish; echo EXIT=$?", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache --select F,B,SIM,UP,E,W,N,RUF,PL,ANN src/vininfo "
        "shuttle_check.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D shuttle_check.py", d, n_ruff,
        tty=True)
    cap("ruff-head", f"ruff check --color always --no-cache --select ALL {t} 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && MYPYPATH=src python -m mypy --color-output --strict --no-incremental "
        "shuttle_check.py src/vininfo/toolbox.py", d, n_mypy)
    cap("mypy-tty", f"MYPYPATH=src python -m mypy --no-incremental --strict {t}", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=src python shuttle_check.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=src python -X dev shuttle_check.py; echo EXIT=$?", d, n_chained, tty=True,
        pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- src/vininfo/toolbox.py shuttle_check.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -3 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~4", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status -uall", d, n_status)
    cap("git-blame", f"{g} blame -L 60,130 src/vininfo/toolbox.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' src/vininfo tests shuttle_check.py", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps --progress-bar on {d}", tmp, n_pip_install, tty=True,
        timeout=400)


WEAVERS = ["Ada Shuttle", "Ned Heald", "Bess Dobby", "Amos Weft", "Lil Reedman", "Josh Picker", "Peg Warper",
           "Walt Beamer", "Ira Tackler", "Nell Drawer"]
STATIONS = ["loom"] * 9 + ["warping creel"] * 7 + ["beam store", "pirn winder", "cloth room"]

SHED_JOBS = "\n".join(
    [f"(exec -a 'loom-drive --loom {b} --weaver {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "ned", "bess", "amos", "lil", "josh", "peg", "walt", "ira", "nell"], 1)]
    + [f"(exec -a 'pirn-winder --spindle {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([9, 14, 41, 5, 22], 1)]
    + ["(exec -a 'dobby-reader --cards 1200' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'shed-humidifier --bay 2' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The shed's loom tally (seed 58414) as CSV, through sqlite3, and the process table; the shed's service log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "weavingshed"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,weaver,picks_per_inch,station,picks,warp_breaks,shift,outcome"]
    for k in range(66):
        ppi = rnd.randint(40, 120) if k != 31 else 960
        outcome = "float" if k == 12 else "smash" if k == 51 else "passed"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(WEAVERS)},{ppi},{rnd.choice(STATIONS)},"
                    f"{rnd.randint(8000, 96000)},{rnd.randint(0, 30)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "loom_tally.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat loom_tally.csv", d, n_csv)
    cm.run("sqlite3 weave.db \".import --csv loom_tally.csv picks\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header weave.db 'SELECT weaver, station, picks_per_inch, picks, outcome "
        "FROM picks ORDER BY date'", d, n_sqlite_csv)
    loggers = ["shed.loom", "shed.dobby", "shed.warp", "shed.cloth", "shed.api"]
    msgs = {
        "DEBUG": lambda r: f"pick {r.randint(1, 90000)} thrown at {r.randint(160, 240)} rpm",
        "INFO": lambda r: f"request GET /looms/{r.randint(1, 60)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"warp tension on loom {r.randint(1, 12)} at {r.randint(1, 3)}.{r.randint(0, 9)} kN, under the mark",
        "ERROR": lambda r: f"warp end broken on loom {r.randint(1, 12)} at pick {r.randint(200, 9000)}",
        "CRITICAL": lambda r: f"shuttle {r.randint(1, 4)} flew out of the shed: loom {r.randint(1, 12)} stopped by the tackler",
    }
    app_log(d / "shedmaster.log", SEED + 6, 700, loggers, msgs, 5841, "2026-10-24")
    cap("app-log-tail", "tail -n 300 shedmaster.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' shedmaster.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHED_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR vininfo_shed/src pickclock", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "vininfo*", [SDIST])
    cm.install_npm(ROOT.parent / "hm-corpus-wide584-js", "vitest",
                   ["split-string@6.1.0", "vitest@2.1.9", "eslint@9", "@eslint/js@9", "globals", "typescript@5"])


def steps():
    import capture_wide584_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide584_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide584_js as js  # split-string: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide584", sys.modules["__main__"])
    chosen = steps()
    r368.VENV = VENV
    w9b.TMP = TMP
    w9b.clean_lines = clean584
    cm.clean_lines = clean584
    if len(sys.argv) > 1:  # a trial of named steps only
        chosen = [s for s in chosen if s.__name__ in sys.argv[1:]]
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide584-", OUT, TMP)
