#!/usr/bin/env python3
"""Round 458: issue #11's kinds with colour and terminal control forced on (rounds 412 and 444's pattern, round 368's
runner), on the real PyPI package parse_type 0.6.6 with bugs put in, a seeded C project (round 279's generator), a Rust
crate (round 368's generator), a Go module and shell scripts (round 273's generator) and a few tables (ps u, CSV,
sqlite, pip install), a weaving shed's names (looms, shuttles, tacklers); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by
the extractors earlier rounds used, imported. See NEEDLES.md, round 458.

Usage:   .venv/bin/python scripts/corpus/capture_wide458.py
Writes:  scripts/corpus/data/wide458.json, ids prefixed "wide458-".
"""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide368 as r368  # noqa: E402  (its clean-up and its colour-forcing runner)
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide458-tools")
TMP = Path("/dev/shm/hm-corpus-wide458")
OUT = HERE / "data" / "wide458.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 45810
SDIST = "parse_type==0.6.6"
PKG = "parse_type-0.6.6"

r368.VENV = VENV  # round 368's cap puts this venv's bin first on PATH
cap = r368.cap
clean458 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy).
BUGS = [
    ("parse_type/builder.py", "text = text.lower()     # REQUIRED-BY", "text = text.strip()     # REQUIRED-BY"),
    ("parse_type/cardinality.py", "            if not text:\n                return None",
     "            if not text:\n                return text"),
    ("parse_type/parse_util.py", "elif len(format) > 1 and format[1] in cls.ALIGN_CHARS:",
     "elif len(format) > 2 and format[1] in cls.ALIGN_CHARS:"),
]

LOOM_SHED = '''"""Read the tackler's loom sheet and find which weave each loom is set to (plain, twill, sateen)."""
import json

from parse import Parser
from parse_type import TypeBuilder

WEAVES = {"plain": 1, "twill": 2, "sateen": 5, "dobby": 8}
parse_weave = TypeBuilder.make_enum(WEAVES)
LINE = Parser("loom {no:d} ({weaver}): {weave:Weave} at {picks:d} picks/min", {"Weave": parse_weave})

SHEET = """loom 1 (Ada Healdman): plain at 180 picks/min
loom 2 (Bert Sleyman): plain at 176 picks/min
loom 3 (Clara Pirnwind): twill at 160 picks/min
loom 4 (Dick Tackler): Twill at 158 picks/min
loom 5 (Elsie Reedhook): sateen at 140 picks/min"""


class ShuttleFlyError(RuntimeError):
    """A shuttle flew out of the shed."""


class LoomStopError(Exception):
    """The shed could not be set."""


def read_line(line):
    r = LINE.parse(line)
    if r is None:
        raise LookupError(f"not a loom line: {line!r}")
    return r.named


def set_loom(line):
    try:
        return read_line(line)
    except KeyError as e:
        raise ShuttleFlyError("weave not on the tackler's card: " + str(e)) from e


def set_shed():
    looms = []
    for line in SHEET.splitlines():
        try:
            looms.append(set_loom(line))
        except ShuttleFlyError as e:
            raise LoomStopError(f"shed stopped at {line.split(':')[0]}") from e
    return looms


if __name__ == "__main__":
    print(json.dumps(set_shed()))
'''

AUTHORS = ["Ada Healdman <ada@weavingshed.test>", "Bert Sleyman <bert@weavingshed.test>",
           "Clara Pirnwind <clara@weavingshed.test>", "Dick Tackler <dick@weavingshed.test>"]
GROUPS = [
    (["parse_type/__init__.py", "parse_type/builder.py"], "Add the type builder"),
    (["parse_type/cardinality.py", "parse_type/cardinality_field.py"], "Cardinality: optional, many, many0"),
    (["parse_type/parse_util.py", "parse_type/cfparse.py"], "Format-spec parsing and cfparse"),
    (["parse_type/parse.py"], "Vendor parse"),
    (["tests/test_builder.py", "tests/test_cardinality.py", "tests/parse_type_test.py"], "Tests for the builder and cardinality"),
    (["tests/test_parse_util.py", "tests/test_cfparse.py"], "Tests for format specs and cfparse"),
    (["tests"], "The rest of the tests"),
    (["setup.py", "setup.cfg", "pyproject.toml", "README.rst"], "Packaging and readme"),
]


def git(repo: Path, args: str, who: str | None = None, date: str | None = None) -> str:
    name, mail = (who or AUTHORS[0]).rsplit(" <", 1)
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else None
    return cm.run(f"git -c user.name='{name}' -c user.email='{mail[:-1]}' {args}", cwd=repo, env=env)


def history(d: Path) -> None:
    """parse_type's files committed in steps (seed 45810), then the round's script, then the bugs left uncommitted."""
    rnd = random.Random(SEED)
    git(d, "init -q -b main .")
    day = 2
    for files, msg in GROUPS:
        have = [f for f in files if (d / f).exists()]
        if not have:
            continue
        day += rnd.randint(0, 2)
        git(d, "add " + " ".join(have))
        git(d, f"commit -q -m '{msg}'", rnd.choice(AUTHORS), f"2026-09-{day:02d}T{rnd.randint(6, 17):02d}:{rnd.randint(0, 59):02d}:00")
    git(d, "add -A", None)
    git(d, "commit -q -m 'The rest of the sdist'", AUTHORS[1], f"2026-09-{day + 1:02d}T07:40:00")
    (d / "loom_shed.py").write_text(LOOM_SHED)
    git(d, "add loom_shed.py", None)
    git(d, "commit -q -m 'Add the loom-sheet reader for the tacklers'", AUTHORS[3], f"2026-09-{day + 2:02d}T16:10:00")
    for k in range(3):
        p = d / "README.rst"
        p.write_text(p.read_text() + f"\n\nShift {k + 1}: {rnd.randint(40, 96)} looms running, {rnd.randint(150, 190)} picks/min.\n")
        git(d, f"commit -q -am 'Readme: shift {k + 1}'", rnd.choice(AUTHORS), f"2026-09-{day + 3 + k:02d}T14:0{k}:00")
    for f, old, new in BUGS:  # the bugs, uncommitted
        p = d / f
        t = p.read_text()
        assert old in t, (f, old)
        p.write_text(t.replace(old, new, 1))
    (d / "tackler_notes.txt").write_text("loom 4 picker worn; check the weft fork on 7 before the night shift\n")
    (d / "shed").mkdir()
    (d / "shed" / "looms.json").write_text('{"1": "plain", "4": "twill"}\n')
    (d / "shed" / "pirns.txt").write_text("grey weft on 1-3, dyed on 4-5\n")


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "parse_type"
    (tmp / PKG).rename(d)
    shutil.rmtree(d / "parse_type.egg-info", ignore_errors=True)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"python -m pytest -v --color=yes {ign} tests/test_builder.py tests/test_parse_util.py", d, n_pytest)
    cap("pytest-ra-tty", f"python -m pytest -rA {ign} tests/test_cardinality.py tests/test_cfparse.py", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"python -m pytest --tb=short --color=yes {ign} tests/test_cardinality.py tests/test_cardinality_field.py",
        d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 80", d, n_pytest)
    cap("pytest-q-tty", f"python -m pytest -q {ign} tests", d, n_pytest, tty=True)
    cap("pytest-tty-tail", f"python -m pytest -v --tb=line {ign} tests/test_parse_util.py", d, n_pytest, tty=True,
        pipe="tail -n 45")
    cap("ruff-check", "ruff check --color always --no-cache parse_type loom_shed.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-select", "ruff check --color always --no-cache --select E,F,B,UP,SIM,RET,ARG parse_type/builder.py"
        " parse_type/cardinality.py loom_shed.py", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D,ANN parse_type/parse_util.py loom_shed.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests/test_builder.py 2>&1 | head -n 70", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental loom_shed.py parse_type/builder.py",
        d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict parse_type/cardinality.py parse_type/parse_util.py", d, n_mypy, tty=True)
    cap("mypy-chain", f"cd {d} && python -m mypy --color-output --strict --no-incremental tests 2>&1 | tail -n 25", d, n_mypy)
    cap("traceback", "python loom_shed.py", d, n_chained, tty=True)
    cap("traceback-chain", "python -X dev loom_shed.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 14")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- parse_type/builder.py parse_type/cardinality.py loom_shed.py README.rst", d, n_log_p)
    cap("git-log-p-tty", "git log -p -4 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~3", d, n_show)
    cap("git-show-tty", "git show --stat -p HEAD~2", d, n_show, tty=True)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-tty", "git diff HEAD~1", d, n_diff, tty=True)
    cap("git-status", f"{g} status", d, n_status)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' parse_type/builder.py parse_type/cardinality.py", d, n_grep_rn)
    cap("grep-rn-head", "grep -rn --color=always 'assert' tests/test_cardinality.py | head -n 30", d, n_grep_rn)
    # pip installing the patched tree into a scratch venv (its progress under a terminal)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-build-isolation --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


WEAVERS = ["Ada Healdman", "Bert Sleyman", "Clara Pirnwind", "Dick Tackler", "Elsie Reedhook", "Fred Shuttleworth",
           "Gertie Warpbeam", "Harold Weftfork", "Ivy Temple", "Jack Pickerstick"]
CLOTHS = ["grey calico"] * 14 + ["twill drill"] * 9 + ["sateen", "dobby shirting"]


# Jobs a shed's controller would run: sleeping loom monitors, a few holding memory (one far more), one busy.
SHED_JOBS = "\n".join(
    [f"(exec -a 'loomd --loom {b} --weaver {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bert", "clara", "dick", "elsie", "fred", "gertie", "harold", "ivy", "jack", "kate", "len"], 1)]
    + [f"(exec -a 'pick-counter --shed north --bay {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([7, 5, 11, 88, 9], 1)]
    + ["(exec -a 'tackler-tune --loom 4 --picker' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'weft-fork-watch --loom 7' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The shed's pick log (seed 45814) as CSV, through sqlite3, and the process table."""
    rnd = random.Random(SEED + 4)
    d = tmp / "shed"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,weaver,loom,cloth,picks,metres,shift,outcome"]
    for k in range(48):
        c = rnd.choice(CLOTHS)
        pk = rnd.randint(60000, 90000) if k != 27 else 212000
        outcome = "shuttle flew" if k == 13 else "warp break" if k == 38 else "woven"
        rows.append(f"2026-{9 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(WEAVERS)},{rnd.randint(1, 40)},{c},{pk},"
                    f"{round(pk / 3900 + rnd.uniform(-2, 2), 1)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "pick_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat pick_log.csv", d, n_csv)
    cm.run("sqlite3 shed.db \".import --csv pick_log.csv picks\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header shed.db 'SELECT weaver, cloth, picks, metres, outcome FROM picks ORDER BY date'",
        d, n_sqlite_csv)
    # the process table of the shed's own jobs only (started here, stopped by pid after): `ps u` prints ps aux's columns
    jobs = cm.start(["bash", "-c", SHED_JOBS], cwd=d)
    import time
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR parse_type/parse_type parse_type/tests tappet", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "parse", "six"])
    cm.download_sdists(SRC, "parse_type-*", [SDIST])


def steps():
    import capture_wide458_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide458_go as go  # round 273's Go module and shell scripts in this round's words
    return [step_python, *native.STEPS, step_listing, step_tables, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide458", sys.modules["__main__"])
    chosen = steps()
    w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
    w9b.clean_lines = clean458  # and reads its parts on round 368's clean-up
    cm.clean_lines = clean458
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide458-", OUT, TMP)
