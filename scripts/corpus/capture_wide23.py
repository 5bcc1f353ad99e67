#!/usr/bin/env python3
"""Capture round 23 of the compression corpus (issue #11): LARGE OUTPUTS (20-250 KB) where the line that matters
sits in the middle, a blind sample on projects the corpus had not used: test runs of hundreds of tests with a few
failures (networkx, mistune, docutils, bitarray with bugs put in), lint and type-check runs with hundreds of findings
and one error among them (ruff, pylint, flake8, mypy), a C extension's build with dozens of warnings and one error
(python-lz4), process / socket / open-file tables with one odd row, find / ls -lR / du / grep -rn listings, git log
-p, git log --stat and git blame of real histories (mistune, sortedcontainers), CSV and SQL results of 1,000+ rows
(sqlite3 over dpkg's package database and a repository's numstat), big JSON from the npm registry and PyPI's JSON
API, npm ls --all, a lockfile, application logs with one error among thousands of INFO lines (a bottle app, an
aiohttp app, SQLAlchemy's echo), and documentation pages fetched with OpenCode's webfetch as markdown.

Every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide23 (tools in
/tmp/hm-corpus-wide23-tools). Kinds an earlier round has keep that round's extractor (NEEDLES.md); a new kind's
rule is written next to its capture. Needles were computed from the raw outputs only: nothing captured here was
compressed.

This module holds the tool install, the size gate and main(); the captures are in capture_wide23_py.py (Python
projects: tests, linters, a C build, logs), capture_wide23_sys.py (tables, listings, git, SQL, JSON, packages) and
capture_wide23_oc.py (OpenCode's webfetch, grep and glob).

Usage:   .venv/bin/python scripts/corpus/capture_wide23.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide23.json  as {"version": 2, "items": [...]}, ids prefixed "wide23-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide23-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide23.json"
TMP = Path("/tmp/hm-corpus-wide23")
TOOLS = Path("/tmp/hm-corpus-wide23-tools")
VENV = TOOLS / "venv"
BIN = VENV / "bin"
SRC = TOOLS / "src"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_PKGS = ["pytest", "pylint", "mypy", "ruff", "flake8", "aiohttp", "sqlalchemy", "bottle", "docutils", "setuptools",
           "setuptools_scm", "pkgconfig"]
PY_SDISTS = ["networkx==3.2.1", "mistune==3.0.2", "sortedcontainers==2.4.0", "bitarray==2.9.2", "docutils==0.21.2",
             "bottle==0.12.25", "lz4==4.3.3"]
JS_PKGS = ["eslint@9", "mocha@10", "express@4", "jest@29", "webpack@5"]

# the round's sizes: large outputs only
MIN_CHARS, MAX_CHARS = 20_000, 250_000


def ensure_tools() -> None:
    """The venv, the sdists and the npm project, installed once (the registries are the only network used)."""
    cm.install_venv(VENV, "pylint", PY_PKGS, timeout=1800)
    cm.download_sdists(SRC, "lz4-*.tar.gz", PY_SDISTS, timeout=900)
    cm.install_npm(JS, "webpack", JS_PKGS)
    cm.PATH_PREFIX[:0] = [str(BIN), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide23_oc as oc  # OpenCode's webfetch, grep, glob
    import capture_wide23_py as py  # tests, linters, a C build, logs
    import capture_wide23_sys as sysc  # tables, listings, git, SQL, JSON, packages
    return [unpack] + py.STEPS + sysc.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(20_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide23", sys.modules["__main__"])
    main()
