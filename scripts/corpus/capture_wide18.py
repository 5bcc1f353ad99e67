#!/usr/bin/env python3
"""Capture round 18 of the compression corpus (issue #11): LARGE AND MEDIUM OUTPUTS OF A DAY OF AGENT WORK, on
projects the corpus had not used. Half the items are 20 KB to 120 KB, half 3 KB to 20 KB: whole test suites of
real packages with a few bugs put in (pytest -v/-q/--tb=long/--tb=line/-rA over the sqlparse, tomlkit, jmespath,
h11, sortedcontainers and pathspec sdists, unittest -v over isodate, mocha, node --test and its TAP reporter over
generated suites of underscore, marked and handlebars, go test over copies of Go standard library packages),
coverage tables (pytest --cov, coverage report -m, c8, go test -cover), linters over whole packages (ruff, pylint,
mypy --strict, flake8, pycodestyle, bandit, eslint, tsc --checkJs, cppcheck), C builds with many warnings (gcc
over regex's engine, make -k over wrapt's, regex's and brotli's C), package managers (pip install -v of sdists, pip
check, pipdeptree, npm ls --all, npm view --json), git on a scripted history of two real sqlparse releases (log
--stat, blame, shortlog -sn, diff --stat between tags, a rebase with a conflict), a loopback JSON API with rare
anomalies, sqlite3 result tables, nginx's access and error logs under a scripted load, deep listings, and
documentation pages as webfetch returns them. Five items are cut the way OpenCode cuts a long bash output.

This module holds the set-up, the size gate and main(); capture_wide17's OpenCode cut (opencode_cut, cut_rule) is
reused as is. The captures are in capture_wide18_py.py (Python tests, linters, packages), capture_wide18_js.py
(JavaScript, Go, C) and capture_wide18_data.py (git, JSON, SQL, logs, listings, docs). Every kind's rule is an
existing kind's extractor (NEEDLES.md). Rules were fixed from the raw outputs only: nothing captured here was
compressed.

Method (as capture_wide17.py): every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide18,
with tools and sources from PyPI and npm in /tmp/hm-corpus-wide18-tools.

Usage:   .venv/bin/python scripts/corpus/capture_wide18.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide18.json  as {"version": 2, "items": [...]}, ids prefixed "wide18-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide17 as w17  # noqa: E402
from capture_more import add_or_skip, note, run  # noqa: E402

ID_PREFIX = "wide18-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide18.json"
TMP = Path("/tmp/hm-corpus-wide18")
TOOLS = Path("/tmp/hm-corpus-wide18-tools")
VENV = TOOLS / "venv"
SRC = TOOLS / "src"
JS = TOOLS / "js"
PIP_ENV = w17.PIP_ENV
PY_TOOLS = ["pytest", "pytest-cov", "coverage", "ruff", "pylint", "mypy", "flake8", "pycodestyle", "bandit",
            "pipdeptree", "hypothesis"]
PY_SDISTS = ["tomlkit==0.13.2", "sortedcontainers==2.4.0", "sqlparse==0.5.1", "jmespath==1.0.1", "h11==0.14.0",
             "pathspec==0.12.1", "isodate==0.6.1", "xmltodict==0.13.0", "Cerberus==1.3.5", "funcy==2.0",
             "Brotli==1.1.0", "wrapt==1.16.0", "regex==2024.11.6"]
OLD_SDIST = "sqlparse==0.4.4"  # the git steps' earlier release (pip downloads one version of a name at a time)
NPM_PKGS = ["underscore", "marked", "handlebars", "acorn", "immer", "mocha", "c8", "eslint", "@eslint/js",
            "typescript"]

# half the round's items are 3-20 KB, half 20-120 KB: an item outside these bounds is skipped, loudly
MIN_CHARS, MID_CHARS, MAX_CHARS = 3_000, 20_000, 120_000


def ensure_tools() -> None:
    """The venv of runners and linters, the sdists, and the npm packages, installed once."""
    if not (VENV / "bin" / "pipdeptree").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_TOOLS), env=PIP_ENV, timeout=900)
    SRC.mkdir(parents=True, exist_ok=True)
    if not list(SRC.glob("regex-*")):
        run("pip3 download -q --no-deps --no-binary :all: " + " ".join(PY_SDISTS), cwd=SRC, env=PIP_ENV, timeout=600)
    if not list(SRC.glob("sqlparse-0.4.4*")):
        run(f"pip3 download -q --no-deps --no-binary :all: {OLD_SDIST}", cwd=SRC, env=PIP_ENV, timeout=600)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "underscore").exists():
        run("npm init -y >/dev/null && npm install -q --no-audit " + " ".join(NPM_PKGS), cwd=JS, timeout=600)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def unpack(tmp: Path) -> None:
    """Fresh copies of the sdists under the round's temp dir (the steps break them)."""
    for tgz in SRC.glob("*.tar.gz"):
        run(f"tar xzf {tgz}", cwd=tmp)


def add(item_id: str, command: str, raw: str, extractor, tool: str = "bash") -> None:
    """capture_more.add_or_skip for this round's sizes only."""
    if not MIN_CHARS <= len(raw) <= MAX_CHARS:
        note(f"skip {ID_PREFIX}{item_id}: {len(raw):,} chars, outside {MIN_CHARS:,}..{MAX_CHARS:,}")
        return
    add_or_skip(item_id, command, raw, extractor, tool)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 600, env: dict | None = None) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout, env=env), extractor)


def cap_cut(item_id: str, command: str, cwd: Path, extractor, timeout: int = 600, env: dict | None = None) -> None:
    """An output as OpenCode sends it to the model: cut only when it is longer than OpenCode keeps."""
    raw = run(command, cwd=cwd, timeout=timeout, env=env)
    text = w17.opencode_cut(item_id, raw)
    if text == raw:
        note(f"skip {ID_PREFIX}{item_id}: {len(raw):,} chars, not long enough to be cut")
        return
    add(item_id, command, text, w17.cut_rule(extractor))


def steps() -> list:
    import capture_wide18_data as data  # git, JSON, SQL, logs, listings, docs
    import capture_wide18_js as js  # JavaScript, Go, C
    import capture_wide18_py as py  # Python tests, linters, packages
    return [unpack] + py.STEPS + js.STEPS + data.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    w17.ID_PREFIX = ID_PREFIX  # its cut names the saved-output file after the item's own id
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)
    sizes = [len(it["text"]) for it in cm.ITEMS]
    note(f"sizes: {sum(s < MID_CHARS for s in sizes)} items under {MID_CHARS:,} chars, "
         f"{sum(s >= MID_CHARS for s in sizes)} from {MID_CHARS:,} to {MAX_CHARS:,}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide18", sys.modules["__main__"])
    main()
