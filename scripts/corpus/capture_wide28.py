#!/usr/bin/env python3
"""Capture round 28 of the compression corpus (issue #11): PYTHON AND JAVASCRIPT TOOLS NEW TO THE CORPUS, captured
blind: other Python test runners (green, ward, zope.testrunner, pytest-bdd, subunit), linters and checkers
(pyflakes, flake8-bugbear, pylama, pydoclint, slotscheck, autoflake, docformatter, pyupgrade, dmypy, pyroma, poetry
check), docs and data tools (docutils, csvkit, pyarrow's Parquet schema, sqlite-utils listings), servers and workers
(hypercorn, waitress, huey, locust), and JavaScript tools (xo, depcheck, dependency-cruiser, ts-unused-exports,
ts-prune, tsup, swc, babel, terser, uglify-js, typedoc, c8).

Every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide28, on the sdists of boltons,
tabulate and schedule and on small projects written here with real bugs put in, widened by seeded generators; tools
from PyPI and npm in /tmp/hm-corpus-wide28-tools. Needles are computed from the raw output by NEEDLES.md's rules
("Round 28" holds this round's kind values), by factories imported from round 24 (diag, tests, table) or by an
extractor written here for a new kind: nothing captured here was compressed or measured.

This module holds the set-up, the size gate and main(); the captures are in capture_wide28_py.py (Python) and
capture_wide28_js.py (JavaScript, TypeScript).

Usage:   .venv/bin/python scripts/corpus/capture_wide28.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide28.json  as {"version": 2, "items": [...]}, ids prefixed "wide28-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide28-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide28.json"
TMP = Path("/tmp/hm-corpus-wide28")
TOOLS = Path("/tmp/hm-corpus-wide28-tools")
SRC = TOOLS / "src"
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_SDISTS = ["boltons==24.0.0", "tabulate==0.9.0", "schedule==1.2.2"]
PY_TOOLS = ["pyflakes", "pyupgrade", "autoflake", "docformatter", "green", "ward", "pytest", "pytest-bdd",
            "zope.testrunner", "python-subunit", "testtools", "slotscheck", "flake8", "flake8-bugbear", "pdoc",
            "docutils", "csvkit", "pyarrow", "sqlite-utils", "hypercorn", "waitress", "huey", "locust", "poetry",
            "pylama", "pyroma", "pydoclint", "mypy"]
NPM_PKGS = ["xo", "depcheck", "dependency-cruiser", "ts-unused-exports", "tsup", "@swc/cli", "@swc/core",
            "@babel/cli", "@babel/core", "terser", "typedoc", "typescript", "uglify-js", "ts-prune", "c8"]

# the round's sizes: mostly 3-60 KB, none under 400 characters or over 120 KB
MIN_CHARS, MAX_CHARS = 400, 120_000


TOOLSET = cm.Toolset(TOOLS, "pydoclint", PY_TOOLS, "boltons-*", PY_SDISTS, "ts-prune", NPM_PKGS)
ensure_tools, unpack = TOOLSET.install, TOOLSET.unpack

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide28_js as js  # xo, depcheck, dependency-cruiser, tsup, swc, babel, terser, typedoc, c8 …
    import capture_wide28_py as py  # green, ward, zope.testrunner, pyflakes, bugbear, csvkit, servers, locust …
    return [unpack] + py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide28", sys.modules["__main__"])
    main()
