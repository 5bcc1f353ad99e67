#!/usr/bin/env python3
"""Round 412: issue #11's kinds with colour and terminal control forced on (round 368's pattern), on the real PyPI
package tblib 3.2.2 with bugs put in, a seeded C project (round 279's generator) and a Go module and shell scripts
(round 273's generator), a glassblower's shop's names; no new rules.

Every tool runs with colour forced or under `script -qec CMD /dev/null` (round 368's `cap`, imported, pointed at this
round's venv); `text` is the raw output decoded; needles are read on round 368's lossless clean-up (`clean368`) by
the extractors earlier rounds used, imported. See NEEDLES.md, round 412.

Usage:   .venv/bin/python scripts/corpus/capture_wide412.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide412.json, ids prefixed "wide412-".
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
from capture_wide15_data import n_ls_lR  # noqa: E402
from capture_wide15_diag import n_mypy, n_pytest, n_ruff  # noqa: E402
from capture_wide15_oc import n_diff, n_log_p, n_show, n_status  # noqa: E402
from capture_wide9b_reads import n_grep_rn  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide412-tools")
TMP = Path("/dev/shm/hm-corpus-wide412")
OUT = HERE / "data" / "wide412.json"
VENV = ROOT / "venv"
SRC = ROOT / "src"
SEED = 41210
SDIST = "tblib==3.2.2"

r368.VENV = VENV  # round 368's cap puts this venv's bin first on PATH
cap = r368.cap
clean412 = r368.clean368

# The bugs put in, left as uncommitted edits on top of the history (file, original, buggy).
BUGS = [
    ("src/tblib/__init__.py", "if line == 'Traceback (most recent call last):':",
     "if line == 'Traceback (most recent call last)':"),
    ("src/tblib/__init__.py", "for frame in reversed(frames):", "for frame in frames:"),
    ("src/tblib/__init__.py", "'co_name': self.tb_frame.f_code.co_name,", "'co_name': self.tb_frame.f_code.co_filename,"),
    ("src/tblib/__init__.py", "if k in ('__file__', '__name__')}", "if k in ('__file__',)}"),
]

CRACK_OFF = '''"""Crack-off bench: read a gaffer's pasted traceback back into tblib and keep it with the piece."""
import sys
import json
from tblib import Traceback, TracebackParseError

PASTED = """Traceback (most recent call last):
  File "hotshop/glory_hole.py", line 41, in reheat
    gather = punty.attach(parison)
  File "hotshop/punty.py", line 17, in attach
    raise ValueError("punty too cold")
ValueError: punty too cold
"""


class PipewarmerError(RuntimeError):
    """The pipe warmer could not replay a traceback."""


class YokeRestError(Exception):
    """A piece fell off the yoke rest."""


def replay(text):
    try:
        return Traceback.from_string(text)
    except TracebackParseError as e:
        raise PipewarmerError("could not replay %d lines" % len(text.splitlines())) from e


def crack_off(piece_no):
    try:
        tb = replay(PASTED)
    except PipewarmerError as e:
        raise YokeRestError(f"piece {piece_no}: cracked off the punty") from e
    return tb.as_dict()


if __name__ == "__main__":
    for n in (7, 8):
        print(json.dumps(crack_off(n)))
'''

AUTHORS = ["Vera Tagliol <vera@hotshop.test>", "Ugo Siviera <ugo@hotshop.test>", "Wanda Kugler <wanda@hotshop.test>"]
GROUPS = [
    (["src/tblib/__init__.py"], "Add Traceback, Frame and Code"),
    (["src/tblib/decorators.py"], "Add the return_error decorator"),
    (["src/tblib/pickling_support.py"], "Pickle exceptions with their tracebacks"),
    (["tests/test_tblib.py", "tests/examples.py"], "Tests for as_dict and from_string"),
    (["tests/test_pickle_exception.py"], "Tests for pickling chained exceptions"),
    (["tests/test_issue30.py", "tests/test_issue65.py", "tests/badmodule.py", "tests/badsyntax.py"], "Regression tests"),
    (["tests/test_perf.py"], "Benchmark for pickling"),
    (["pyproject.toml", "setup.py", "setup.cfg", "pytest.ini", "MANIFEST.in"], "Packaging"),
    (["README.rst", "CHANGELOG.rst", "AUTHORS.rst", "LICENSE"], "Docs and licence"),
]


def git(repo: Path, args: str, who: str | None = None, date: str | None = None) -> str:
    name, mail = (who or AUTHORS[0]).rsplit(" <", 1)
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else None
    return cm.run(f"git -c user.name='{name}' -c user.email='{mail[:-1]}' {args}", cwd=repo, env=env)


def tblib_history(d: Path) -> None:
    """tblib's files committed in steps (seed 41210), then the round's edits, then the bugs left uncommitted."""
    rnd = random.Random(SEED)
    git(d, "init -q -b main .")
    day = 3
    for files, msg in GROUPS:
        have = [f for f in files if (d / f).exists()]
        if not have:
            continue
        day += rnd.randint(0, 2)
        git(d, "add " + " ".join(have))
        git(d, f"commit -q -m '{msg}'", rnd.choice(AUTHORS), f"2026-11-{day:02d}T{rnd.randint(8, 18):02d}:{rnd.randint(0, 59):02d}:00")
    git(d, "add -A", None)
    git(d, "commit -q -m 'The rest of the sdist'", AUTHORS[1], f"2026-11-{day + 1:02d}T09:12:00")
    ini = d / "pytest.ini"
    ini.write_text(ini.read_text().replace("--benchmark-disable", "--ignore=tests/test_perf.py"))
    git(d, "commit -q -am 'pytest: no benchmark plugin on the bench, skip the perf test'", AUTHORS[2],
        f"2026-11-{day + 2:02d}T10:40:00")
    (d / "crack_off.py").write_text(CRACK_OFF)
    git(d, "add crack_off.py", None)
    git(d, "commit -q -m 'Add the crack-off script'", AUTHORS[0], f"2026-11-{day + 3:02d}T16:05:00")
    for k in range(3):
        p = d / "CHANGELOG.rst"
        p.write_text(p.read_text() + f"\n\n* Hotshop note {k + 1}: gather {rnd.randint(2, 9)} at the glory hole.\n")
        git(d, f"commit -q -am 'Changelog: hotshop note {k + 1}'", rnd.choice(AUTHORS), f"2026-11-{day + 4 + k:02d}T11:0{k}:00")
    for f, old, new in BUGS:  # the bugs, uncommitted
        p = d / f
        t = p.read_text()
        assert old in t, (f, old)
        p.write_text(t.replace(old, new, 1))
    (d / "notes_bench.txt").write_text("bench 2: yoke rest loose, pipewarmer at 480 C\n")
    (d / "hotshop").mkdir()
    (d / "hotshop" / "glory_hole.py").write_text("GLORY_HOLE_C = 1150\n")
    (d / "hotshop" / "punty.py").write_text("def attach(parison):\n    raise ValueError('punty too cold')\n")


def unpack(tmp: Path) -> Path:
    cm.unpack_sdists(SRC, tmp)
    src = tmp / "tblib-3.2.2"
    d = tmp / "tblib"
    src.rename(d)
    shutil.rmtree(d / "src" / "tblib.egg-info", ignore_errors=True)
    return d


def step_python(tmp: Path) -> None:
    d = unpack(tmp)
    tblib_history(d)
    pp = "PYTHONPATH=src"
    cap("pytest-v", f"{pp} python -m pytest -v --color=yes tests", d, n_pytest)
    cap("pytest-ra-tty", f"{pp} python -m pytest -rA tests/test_tblib.py tests/test_issue30.py", d, n_pytest, tty=True)
    cap("pytest-tb-short", f"{pp} python -m pytest --tb=short --color=yes tests/test_tblib.py", d, n_pytest)
    cap("pytest-x-tail", f"cd {d} && {pp} python -m pytest -x --color=yes -p no:cacheprovider 2>&1 | tail -n 90", d, n_pytest)
    cap("pytest-vv-tty", f"{pp} python -m pytest -vv tests/test_pickle_exception.py tests/test_tblib.py", d, n_pytest, tty=True)
    cap("pytest-q-tty", f"{pp} python -m pytest -q tests", d, n_pytest, tty=True)
    cap("pytest-tty-tail", f"{pp} python -m pytest -v --tb=line tests", d, n_pytest, tty=True, pipe="tail -n 45")
    cap("ruff-check", "ruff check --color always --no-cache src tests crack_off.py", d, n_ruff)
    cap("ruff-select", "ruff check --color always --no-cache --select E,F,B,UP,SIM,RET,ANN,PT,ARG src crack_off.py", d, n_ruff)
    cap("ruff-tty", "ruff check --no-cache --output-format full --select ALL --ignore D,ANN src", d, n_ruff, tty=True)
    cap("ruff-head", "ruff check --color always --no-cache --select ALL . 2>&1 | head -n 70", d, n_ruff)
    cap("mypy-strict", "python -m mypy --color-output --strict --no-incremental src crack_off.py", d, n_mypy)
    cap("mypy-tty", "python -m mypy --no-incremental --strict src crack_off.py tests/test_tblib.py", d, n_mypy, tty=True)
    cap("mypy-chain", f"cd {d} && python -m mypy --color-output --strict --no-incremental src 2>&1 | tail -n 25", d, n_mypy)
    cap("traceback", f"{pp} python crack_off.py", d, n_chained, tty=True)
    cap("traceback-chain", f"{pp} python -X dev crack_off.py", d, n_chained, tty=True, pipe="tail -n 12")
    g = "git -c color.ui=always"
    cap("git-log-p", f"{g} log -p --stat -6", d, n_log_p)
    cap("git-log-p-tty", "git log -p -4 --", d, n_log_p, tty=True)
    cap("git-log-p-head", f"{g} log -p --reverse | head -n 160", d, n_log_p)
    cap("git-show", f"{g} show HEAD~3", d, n_show)
    cap("git-show-tty", "git show --stat -p HEAD~2", d, n_show, tty=True)
    cap("git-diff", f"{g} diff", d, n_diff)
    cap("git-diff-tty", "git diff HEAD~1", d, n_diff, tty=True)
    cap("git-diff-head", f"{g} diff HEAD~4 -- src crack_off.py pytest.ini | head -n 120", d, n_diff)
    cap("git-status", f"{g} status", d, n_status)
    cap("git-status-tty", "git status --untracked-files=all", d, n_status, tty=True)
    cap("grep-rn", "grep -rn --color=always -E '^ *(def|class) ' src tests", d, n_grep_rn)
    cap("grep-rn-head", "grep -rn --color=always 'assert' tests | head -n 30", d, n_grep_rn)
    cap("grep-rn-tty", "grep -rn --color=auto -i 'traceback' src crack_off.py", d, n_grep_rn, tty=True)
    cap("ls-lR-tty", "ls -lR --color=auto src tests", d, n_ls_lR, tty=True)


def step_listing(tmp: Path) -> None:
    cap("ls-lR", "ls --color=always -lR tblib/src tblib/tests reticello", tmp, n_ls_lR)
    cap("ls-lR-head", "ls --color=always -lR tblib reticello | head -n 60", tmp, n_ls_lR)


def ensure_tools() -> None:
    cm.install_venv(VENV, "mypy", ["pytest", "ruff", "mypy"])
    cm.download_sdists(SRC, "tblib-*", [SDIST])


def steps():
    import capture_wide412_native as native  # gcc, make -k over round 279's generated C project
    import capture_wide412_go as go  # round 273's Go module and shell scripts in this round's words
    return [step_python, *native.STEPS, step_listing, *go.STEPS]


if __name__ == "__main__":
    import capture_wide9b as w9b
    sys.modules.setdefault("capture_wide412", sys.modules["__main__"])
    chosen = steps()
    w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
    w9b.clean_lines = clean412  # and reads its parts on round 368's clean-up
    cm.clean_lines = clean412
    cm.capture_round(__doc__, ensure_tools, lambda: chosen, "wide412-", OUT, TMP)
