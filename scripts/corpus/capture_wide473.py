#!/usr/bin/env python3
"""Round 473: issue #11's kinds with colour and terminal control forced on (rounds 444 and 458's pattern, round 368's
runner), on the real PyPI package strenum 0.5.0 with bugs put in, a seeded C project (round 279's generator), a Rust
crate (round 368's generator), a Go module and shell scripts (round 273's generator), a JavaScript part (the npm
package classnames, vitest / eslint / tsc) and a few tables and a service log, a pattern shop's names (patterns, cores,
moulders); no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by
the extractors earlier rounds used, imported. See NEEDLES.md, round 473.

Usage:   .venv/bin/python scripts/corpus/capture_wide473.py
Writes:  scripts/corpus/data/wide473.json, ids prefixed "wide473-".
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
import capture_wide368 as r368  # noqa: E402  (its clean-up and its colour-forcing runner)
from capture_material import app_log  # noqa: E402
from capture_more import n_app_log  # noqa: E402
from capture_wide import n_chained  # noqa: E402
from capture_wide15_data import n_csv, n_ls_lR, n_pip_install, n_ps_aux, n_sqlite_csv  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide473-tools")
TMP = Path("/dev/shm/hm-corpus-wide473")
OUT = HERE / "data" / "wide473.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 47310
SDIST = "strenum==0.5.0"
PKG = "strenum-0.5.0"

r368.VENV = VENV  # round 368's cap puts this venv's bin first on PATH
cap = r368.cap
clean473 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy).
BUGS = [
    ("src/strenum/_name_mangler.py", 'return "-".join(w.lower() for w in self.words(name))',
     'return "_".join(w.lower() for w in self.words(name))'),
    ("src/strenum/__init__.py", "        return name.lower()\n", "        return name\n"),
    ("src/strenum/mixins.py", "return value <= other", "return value < other"),
]

COPE_DRAG = '''"""Read the patternmaker's job sheet and find which pattern each job needs (loose, core box, match plate)."""
import json
from enum import auto

from strenum import KebabCaseStrEnum


class Pattern(KebabCaseStrEnum):
    LoosePiece = auto()
    SplitPattern = auto()
    CoreBox = auto()
    MatchPlate = auto()
    SweepBoard = auto()


SHEET = """job 1 (Ada Corebox): loose-piece, shrink 1.0%
job 2 (Bert Flaskman): split-pattern, shrink 1.3%
job 3 (Clara Moulder): core-box, shrink 2.0%
job 4 (Dick Sprue): match-plate, shrink 1.5%
job 5 (Elsie Riser): sweep-board, shrink 0.8%"""


class DraftError(RuntimeError):
    """A pattern without draft cannot be drawn from the sand."""


class ShopStopError(Exception):
    """The pattern shop could not set the day's jobs."""


def read_job(line):
    head, rest = line.split(": ", 1)
    kind, shrink = rest.split(", shrink ")
    return {"job": head, "pattern": Pattern(kind), "shrink": float(shrink.rstrip("%"))}


def set_job(line):
    try:
        return read_job(line)
    except ValueError as e:
        raise DraftError("pattern not on the shop's card: " + str(e)) from e


def set_shop():
    jobs = []
    for line in SHEET.splitlines():
        try:
            jobs.append(set_job(line))
        except DraftError as e:
            raise ShopStopError(f"shop stopped at {line.split(':')[0]}") from e
    return jobs


if __name__ == "__main__":
    print(json.dumps(set_shop()))
'''

AUTHORS = ["Ada Corebox <ada@patternshop.test>", "Bert Flaskman <bert@patternshop.test>",
           "Clara Moulder <clara@patternshop.test>", "Dick Sprue <dick@patternshop.test>"]
GROUPS = [
    (["src/strenum/__init__.py"], "Add StrEnum and its case variants"),
    (["src/strenum/_name_mangler.py"], "Name mangler: kebab, snake, macro, camel"),
    (["src/strenum/mixins.py", "src/strenum/_version.py"], "Comparable mixin"),
    (["tests/test_strenum.py", "tests/test_name_mangler.py"], "Tests for StrEnum and the mangler"),
    (["tests"], "The rest of the tests"),
    (["setup.py", "setup.cfg", "pyproject.toml", "README.md"], "Packaging and readme"),
]


def git(repo: Path, args: str, who: str | None = None, date: str | None = None) -> str:
    name, mail = (who or AUTHORS[0]).rsplit(" <", 1)
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else None
    return cm.run(f"git -c user.name='{name}' -c user.email='{mail[:-1]}' {args}", cwd=repo, env=env)


def history(d: Path) -> None:
    """strenum's files committed in steps (seed 47310), then the round's script, then the bugs left uncommitted."""
    rnd = random.Random(SEED)
    git(d, "init -q -b main .")
    day = 2
    for files, msg in GROUPS:
        have = [f for f in files if (d / f).exists()]
        if not have:
            continue
        day += rnd.randint(0, 2)
        git(d, "add " + " ".join(have))
        git(d, f"commit -q -m '{msg}'", rnd.choice(AUTHORS), f"2026-10-{day:02d}T{rnd.randint(6, 17):02d}:{rnd.randint(0, 59):02d}:00")
    git(d, "add -A", None)
    git(d, "commit -q -m 'The rest of the sdist'", AUTHORS[1], f"2026-10-{day + 1:02d}T07:40:00")
    (d / "cope_drag.py").write_text(COPE_DRAG)
    git(d, "add cope_drag.py", None)
    git(d, "commit -q -m 'Add the job-sheet reader for the patternmakers'", AUTHORS[3], f"2026-10-{day + 2:02d}T16:10:00")
    for k in range(3):
        p = d / "README.md"
        p.write_text(p.read_text() + f"\n\nShift {k + 1}: {rnd.randint(12, 40)} patterns drawn, {rnd.randint(30, 90)} cores rammed.\n")
        git(d, f"commit -q -am 'Readme: shift {k + 1}'", rnd.choice(AUTHORS), f"2026-10-{day + 3 + k:02d}T14:0{k}:00")
    for f, old, new in BUGS:  # the bugs, uncommitted
        p = d / f
        t = p.read_text()
        assert t.count(old) == 1, (f, old)
        p.write_text(t.replace(old, new, 1))
    (d / "shop_notes.txt").write_text("core box 7 warped; re-check the draft on job 3 before the pour\n")


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    d = tmp / "strenum"
    (tmp / PKG).rename(d)
    shutil.rmtree(d / "src" / "StrEnum.egg-info", ignore_errors=True)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    history(d)
    ign = "-o addopts= -p no:cacheprovider"
    cap("pytest-v", f"PYTHONPATH=src python -m pytest -v --color=yes {ign} tests/test_strenum.py tests/test_comparable.py", d, n_pytest)
    cap("pytest-ra-tty", f"PYTHONPATH=src python -m pytest -rA {ign} tests/test_name_mangler.py tests/test_strenum_casefold.py", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"PYTHONPATH=src python -m pytest --tb=short --color=yes {ign} tests/test_strenum_name_mangler.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && PYTHONPATH=src python -m pytest -x --color=yes {ign} tests 2>&1 | tail -n 60", d, n_pytest)
    cap("pytest-q-tty", f"PYTHONPATH=src python -m pytest -q {ign} tests", d, n_pytest, tty=True)
    cap("ruff-check", "ruff check --color always --no-cache src cope_drag.py; echo EXIT=$?", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D src/strenum/_name_mangler.py cope_drag.py",
        d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL tests 2>&1 | head -n 80", d, n_ruff)
    cap("mypy-strict", f"cd {d} && MYPYPATH=src python -m mypy --color-output --strict --no-incremental cope_drag.py src/strenum", d, n_mypy)
    cap("mypy-tty", "MYPYPATH=src python -m mypy --no-incremental --strict tests", d, n_mypy, tty=True)
    cap("traceback", "PYTHONPATH=src python cope_drag.py", d, n_chained, tty=True)
    cap("traceback-chain", "PYTHONPATH=src python -X dev cope_drag.py; echo EXIT=$?", d, n_chained, tty=True, pipe="tail -n 16")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6 -- src/strenum cope_drag.py README.md", d, n_log_p)
    cap("git-log-p-tty", "git log -p -4 --", d, n_log_p, tty=True)
    cap("git-show", f"cd {d} && {g} show HEAD~3", d, n_show)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-status", f"{g} status", d, n_status)
    cap("git-blame", f"{g} blame src/strenum/mixins.py", d, n_blame)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' src/strenum", d, n_grep_rn)
    v = tmp / "pipvenv"
    cm.run(f"python3 -m venv {v}", timeout=120)
    cap("pip-install-tty", f"{v}/bin/pip install --no-deps {d}", tmp, n_pip_install, tty=True, timeout=400)


MAKERS = ["Ada Corebox", "Bert Flaskman", "Clara Moulder", "Dick Sprue", "Elsie Riser", "Fred Drawback",
          "Gertie Copeland", "Harold Dragg", "Ivy Partingline", "Jack Shrinkrule"]
WOODS = ["yellow pine"] * 14 + ["mahogany"] * 9 + ["aluminium", "epoxy resin"]


SHOP_JOBS = "\n".join(
    [f"(exec -a 'rammer --flask {b} --moulder {r}' sleep 600) &" for b, r in enumerate(
        ["ada", "bert", "clara", "dick", "elsie", "fred", "gertie", "harold", "ivy", "jack", "kate"], 1)]
    + [f"(exec -a 'core-oven --bay {k}' python3 -c 'import time; b=bytearray({m}*2**20); time.sleep(600)') &"
       for k, m in enumerate([6, 9, 4, 73, 8], 1)]
    + ["(exec -a 'sand-mixer --muller 2' python3 -c 'import time; t=time.time()\nwhile time.time()-t<60: pass') &",
       "(exec -a 'shakeout-watch --line 3' sleep 600) &", "wait"])


def step_tables(tmp: Path) -> None:
    """The shop's pattern log (seed 47314) as CSV, through sqlite3, and the process table; the moulding line's log."""
    rnd = random.Random(SEED + 4)
    d = tmp / "shop"
    d.mkdir(parents=True, exist_ok=True)
    rows = ["date,patternmaker,job,wood,cores,weight_kg,shift,outcome"]
    for k in range(52):
        cores = rnd.randint(1, 12) if k != 31 else 96
        outcome = "warped" if k == 17 else "no draft" if k == 40 else "drawn"
        rows.append(f"2026-{10 + k // 30:02d}-{1 + k % 28:02d},{rnd.choice(MAKERS)},{rnd.randint(100, 400)},{rnd.choice(WOODS)},"
                    f"{cores},{round(rnd.uniform(0.4, 30), 1)},{rnd.choice(['day', 'day', 'night'])},{outcome}")
    (d / "pattern_log.csv").write_text("\n".join(rows) + "\n")
    cap("csv-cat", "cat pattern_log.csv", d, n_csv)
    cm.run("sqlite3 shop.db \".import --csv pattern_log.csv jobs\"", cwd=d)
    cap("sqlite-csv", f"cd {d} && sqlite3 -csv -header shop.db 'SELECT patternmaker, wood, cores, weight_kg, outcome FROM jobs"
        " ORDER BY date'", d, n_sqlite_csv)
    loggers = ["mouldline.rammer", "mouldline.coreoven", "mouldline.pour", "shop.api", "shop.sand"]
    msgs = {
        "DEBUG": lambda r: f"flask {r.randint(1, 60)} rammed in {r.randint(20, 90)}s",
        "INFO": lambda r: f"request GET /jobs/{r.randint(100, 400)} processed in {r.randint(2, 180)}ms",
        "WARNING": lambda r: f"core oven bay {r.randint(1, 5)} at {r.randint(230, 260)}C, above setpoint",
        "ERROR": lambda r: f"pour aborted on flask {r.randint(1, 60)}: cope lifted",
        "CRITICAL": lambda r: f"sand mixer {r.randint(1, 3)} stalled: muller overload",
    }
    app_log(d / "mouldline.log", SEED + 6, 700, loggers, msgs, 4731, "2026-10-21")
    cap("app-log-tail", "tail -n 300 mouldline.log", d, n_app_log)
    cap("app-log-grep", "grep -n --color=always -E 'ERROR|CRITICAL|WARNING' mouldline.log | head -n 60", d, n_app_log)
    jobs = cm.start(["bash", "-c", SHOP_JOBS], cwd=d)
    time.sleep(4)
    try:
        cap("ps-u-ppid", f"ps u --ppid {jobs.pid} --sort=-%mem", d, n_ps_aux)
    finally:
        cm.run(f"pkill -TERM -P {jobs.pid}; kill {jobs.pid}")
        jobs.wait(timeout=30)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR strenum/src strenum/tests corebox", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "strenum-*", [SDIST])


def steps():
    import capture_wide473_native as native  # gcc, make -k over round 279's C project; cargo over round 368's crate
    import capture_wide473_go as go  # round 273's Go module and shell scripts in this round's words
    import capture_wide473_js as js  # classnames: npm install, vitest, eslint, tsc
    return [step_python, *native.STEPS, step_listing, step_tables, *js.STEPS, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide473", sys.modules["__main__"])
    chosen = steps()
    w9b.TMP = TMP
    w9b.clean_lines = clean473
    cm.clean_lines = clean473
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide473-", OUT, TMP)
