#!/usr/bin/env python3
"""Round 444: issue #11's kinds with colour and terminal control forced on (round 412's pattern, round 368's runner), on
the real PyPI package jsonpath-ng 1.16.0 with bugs put in, a seeded C project (round 279's generator), a Go module and
shell scripts (round 273's generator) and a few tables (ps aux, CSV, sqlite, pip install), a bell foundry's tower crew's
names; no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by
the extractors earlier rounds used, imported. See NEEDLES.md, round 444.

Usage:   .venv/bin/python scripts/corpus/capture_wide444.py
Writes:  scripts/corpus/data/wide444.json, ids prefixed "wide444-".
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

ROOT = Path("/dev/shm/hm-corpus-wide444-tools")
TMP = Path("/dev/shm/hm-corpus-wide444")
OUT = HERE / "data" / "wide444.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 44410
SDIST = "jsonpath-ng==1.16.0"
PKG = "jsonpath_ng-1.16.0"

r368.VENV = VENV  # round 368's cap puts this venv's bin first on PATH
cap = r368.cap
clean444 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy).
BUGS = [
    ("src/jsonpath_ng/jsonpath.py", "if datum.value and -len(datum.value) <= index < len(datum.value):",
     "if datum.value and 0 <= index < len(datum.value):"),
    ("src/jsonpath_ng/jsonpath.py", "for i in range(0, len(datum.value))[self.start : self.end : self.step]",
     "for i in range(0, len(datum.value))[self.start : self.end]"),
    ("src/jsonpath_ng/jsonpath.py", "for field, child in reversed(value.items())", "for field, child in value.items()"),
]

RING_ROUND = '''"""Ring a round: read the tower captain's band sheet and find who rings the tenor (the last bell)."""
import json
import sys

from jsonpath_ng import parse

SHEET = {
    "tower": "St Hild's",
    "bells": [
        {"no": 1, "name": "treble", "ringer": "Agnes Pulley", "stay": "ash"},
        {"no": 2, "name": "second", "ringer": "Bram Headstock", "stay": "ash"},
        {"no": 3, "name": "third", "ringer": "Cora Slider", "stay": "oak"},
        {"no": 4, "name": "fourth", "ringer": "Dunstan Sally", "stay": "oak"},
        {"no": 5, "name": "fifth", "ringer": "Edie Gudgeon", "stay": "ash"},
        {"no": 6, "name": "tenor", "ringer": "Fenn Wheelwright", "stay": "hickory"},
    ],
}


class StayBrokenError(RuntimeError):
    """A bell went over the balance and broke its stay."""


class HeadstockError(Exception):
    """The round could not be rung."""


def ringer_of(path):
    found = parse(path).find(SHEET)
    if not found:
        raise LookupError(f"no bell at {path!r} in a ring of {len(SHEET['bells'])}")
    return found[0].value


def set_bells(path):
    try:
        return ringer_of(path)
    except LookupError as e:
        raise StayBrokenError("tenor went over the balance: " + str(e)) from e


def ring_round():
    try:
        tenor = set_bells("$.bells[-1].ringer")
    except StayBrokenError as e:
        raise HeadstockError(f"round not rung at {SHEET['tower']}") from e
    return {"tenor": tenor, "treble": ringer_of("$.bells[0].ringer")}


if __name__ == "__main__":
    print(json.dumps(ring_round()))
'''

AUTHORS = ["Agnes Pulley <agnes@belltower.test>", "Bram Headstock <bram@belltower.test>",
           "Cora Slider <cora@belltower.test>", "Dunstan Sally <dunstan@belltower.test>"]
GROUPS = [
    (["src/jsonpath_ng/__init__.py", "src/jsonpath_ng/jsonpath.py"], "Add the JSONPath AST"),
    (["src/jsonpath_ng/lexer.py", "src/jsonpath_ng/parser.py"], "Lexer and parser"),
    (["src/jsonpath_ng/exceptions.py", "src/jsonpath_ng/_deprecations.py"], "Exceptions and deprecations"),
    (["src/jsonpath_ng/ext"], "Extensions: filters, arithmetic, string functions"),
    (["src/jsonpath_ng/_ply", "src/jsonpath_ng/_ply_tables", "src/jsonpath_ng/_ply_types.py"], "Vendor ply and its tables"),
    (["tests/test_jsonpath.py", "tests/test_parser.py", "tests/test_lexer.py"], "Tests for the parser and lexer"),
    (["tests/jsonpath"], "Tests for slices, indices and descendants"),
    (["tests"], "The rest of the tests"),
    (["pyproject.toml", "README.rst"], "Packaging and readme"),
]


def git(repo: Path, args: str, who: str | None = None, date: str | None = None) -> str:
    name, mail = (who or AUTHORS[0]).rsplit(" <", 1)
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else None
    return cm.run(f"git -c user.name='{name}' -c user.email='{mail[:-1]}' {args}", cwd=repo, env=env)


def history(d: Path) -> None:
    """jsonpath-ng's files committed in steps (seed 44410), then the round's script, then the bugs left uncommitted."""
    rnd = random.Random(SEED)
    git(d, "init -q -b main .")
    day = 2
    for files, msg in GROUPS:
        have = [f for f in files if (d / f).exists()]
        if not have:
            continue
        day += rnd.randint(0, 2)
        git(d, "add " + " ".join(have))
        git(d, f"commit -q -m '{msg}'", rnd.choice(AUTHORS), f"2026-10-{day:02d}T{rnd.randint(8, 18):02d}:{rnd.randint(0, 59):02d}:00")
    git(d, "add -A", None)
    git(d, "commit -q -m 'The rest of the sdist'", AUTHORS[1], f"2026-10-{day + 1:02d}T09:12:00")
    (d / "ring_round.py").write_text(RING_ROUND)
    git(d, "add ring_round.py", None)
    git(d, "commit -q -m 'Add the ring-a-round script for the tower captain'", AUTHORS[2], f"2026-10-{day + 2:02d}T19:30:00")
    for k in range(3):
        p = d / "README.rst"
        p.write_text(p.read_text() + f"\n\nPractice night {k + 1}: {rnd.randint(120, 720)} changes of Plain Bob on {rnd.randint(5, 8)}.\n")
        git(d, f"commit -q -am 'Readme: practice night {k + 1}'", rnd.choice(AUTHORS), f"2026-10-{day + 3 + k:02d}T21:0{k}:00")
    for f, old, new in BUGS:  # the bugs, uncommitted
        p = d / f
        t = p.read_text()
        assert old in t, (f, old)
        p.write_text(t.replace(old, new, 1))
    (d / "tower_notes.txt").write_text("tenor stay cracked; headstock bolts to check before Sunday service\n")
    (d / "belfry").mkdir()
    (d / "belfry" / "stays.json").write_text('{"treble": "ash", "tenor": "hickory"}\n')
    (d / "belfry" / "sallies.txt").write_text("red-white-blue sallies on 1-4, plain on 5-6\n")


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "jsonpath-ng"
    (tmp / PKG).rename(d)
    shutil.rmtree(d / "src" / "jsonpath_ng.egg-info", ignore_errors=True)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    pp = "PYTHONPATH=src"
    ign = "--ignore=tests/pyinstaller --ignore=tests/benchmarks -p no:cacheprovider"
    cap("pytest-v", f"{pp} python -m pytest -v --color=yes {ign} tests/jsonpath/test_slice.py tests/jsonpath/test_index.py"
        " tests/jsonpath/descendants", d, n_pytest)
    cap("pytest-ra-tty", f"{pp} python -m pytest -rA {ign} tests/jsonpath/test_slice.py tests/jsonpath/test_index.py", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"{pp} python -m pytest --tb=short --color=yes {ign} tests/test_jsonpath.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && {pp} python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 80", d, n_pytest)
    cap("pytest-q-tty", f"{pp} python -m pytest -q {ign} tests/jsonpath", d, n_pytest, tty=True)
    cap("pytest-tty-tail", f"{pp} python -m pytest -v --tb=line {ign} tests/jsonpath/descendants", d, n_pytest, tty=True,
        pipe="tail -n 45")
    cap("ruff-check", "ruff check --color always --no-cache src/jsonpath_ng/ext ring_round.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-select", "ruff check --color always --no-cache --select E,F,B,UP,SIM,RET,PT,ARG src/jsonpath_ng/jsonpath.py"
        " src/jsonpath_ng/parser.py ring_round.py", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D,ANN src/jsonpath_ng/ext/filter.py ring_round.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests/jsonpath 2>&1 | head -n 70", d, n_ruff)
    cap("mypy-strict", f"cd {d} && python -m mypy --color-output --strict --no-incremental ring_round.py tests/test_jsonpath.py",
        d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict tests/jsonpath", d, n_mypy, tty=True)
    cap("mypy-chain", f"cd {d} && python -m mypy --color-output --strict --no-incremental tests 2>&1 | tail -n 25", d, n_mypy)
    cap("traceback", f"{pp} python ring_round.py", d, n_chained, tty=True)
    cap("traceback-chain", f"{pp} python -X dev ring_round.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 14")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -5 -- . ':!src/jsonpath_ng/_ply' ':!src/jsonpath_ng/_ply_tables'", d, n_log_p)
    cap("git-log-p-tty", "git log -p -4 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~3", d, n_show)
    cap("git-show-tty", "git show --stat -p HEAD~2", d, n_show, tty=True)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-tty", "git diff HEAD~1", d, n_diff, tty=True)
    cap("git-diff-head", f"{g} diff HEAD~4 -- src ring_round.py | head -n 120", d, n_diff)
    cap("git-status", f"{g} status", d, n_status)
    cap("git-status-tty", "git status --untracked-files=all", d, n_status, tty=True)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' src/jsonpath_ng/ext src/jsonpath_ng/lexer.py", d, n_grep_rn)
    cap("grep-rn-head", "grep -rn --color=always 'assert' tests/jsonpath | head -n 30", d, n_grep_rn)
    cap("grep-rn-tty", "grep -rn --color=auto -i 'slice' src/jsonpath_ng/jsonpath.py src/jsonpath_ng/parser.py ring_round.py", d,
        n_grep_rn, tty=True)
    cap("ls-lR-tty", "ls -lR --color=auto src/jsonpath_ng/ext tests/jsonpath", d, n_ls_lR, tty=True, pipe="head -n 50")
    # pip installing the patched tree into a scratch venv (its progress under a terminal)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-build-isolation --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


CREW = ["Agnes Pulley", "Bram Headstock", "Cora Slider", "Dunstan Sally", "Edie Gudgeon", "Fenn Wheelwright",
        "Gwen Clapperton", "Hal Stayman", "Ivo Ropesight", "Jory Belfry"]
METHODS = ["Plain Bob Minor"] * 14 + ["Grandsire Doubles"] * 9 + ["Kent Treble Bob Minor", "Stedman Doubles"]


# Jobs a tower's box would run: sleeping ringers' clients, a few holding memory (one far more), one busy.
TOWER_JOBS = "\n".join(
    [f"(exec -a 'ringerd --bell {b} --ringer {r}' sleep 600) &" for b, r in enumerate(
        ["agnes", "bram", "cora", "dunstan", "edie", "fenn", "gwen", "hal", "ivo", "jory", "kit", "lorna"], 1)]
    + [f"(exec -a 'stay-monitor --tower st-hild --slot {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([6, 9, 12, 96, 8], 1)]
    + ["(exec -a 'headstock-balance --calibrate' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'clock-hammer --chime quarters' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The tower's ringing log (seed 44414) as CSV, through sqlite3, and the process table."""
    rnd = random.Random(SEED + 4)
    d = tmp / "tower"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,ringer,bell,method,changes,minutes,stay,outcome"]
    for k in range(48):
        m = rnd.choice(METHODS)
        ch = rnd.randint(120, 720) if k != 31 else 5040
        outcome = "fired out" if k == 17 else "stay broken" if k == 40 else "rung"
        rows.append(f"2026-{9 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(CREW)},{rnd.randint(1, 6)},{m},{ch},"
                    f"{round(ch / 24 + rnd.uniform(-3, 3), 1)},{rnd.choice(['ash', 'ash', 'oak'])},{outcome}")
    (d / "ringing_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat ringing_log.csv", d, n_csv)
    cm.run("sqlite3 tower.db \".import --csv ringing_log.csv peals\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header tower.db 'SELECT ringer, method, changes, minutes, outcome FROM peals ORDER BY date'",
        d, n_sqlite_csv)
    # the process table of the tower's own jobs only (started here, stopped by pid after): `ps u` prints ps aux's columns
    jobs = cm.start(["bash", "-c", TOWER_JOBS], cwd=d)
    import time
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR jsonpath-ng/src/jsonpath_ng/ext jsonpath-ng/tests/jsonpath headstock", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy", "hypothesis"])
    cm.download_sdists(SRC, "jsonpath_ng-*", [SDIST])


def steps():
    import capture_wide444_native as native  # gcc, make -k over round 279's generated C project
    import capture_wide444_go as go  # round 273's Go module and shell scripts in this round's words
    return [step_python, *native.STEPS, step_listing, step_tables, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide444", sys.modules["__main__"])
    chosen = steps()
    w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
    w9b.clean_lines = clean444  # and reads its parts on round 368's clean-up
    cm.clean_lines = clean444
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide444-", OUT, TMP)
