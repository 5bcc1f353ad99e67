#!/usr/bin/env python3
"""Capture round 31 of the compression corpus: TOOLS AND ECOSYSTEMS NEW TO THE CORPUS (blind: only captured).
Python package managers and their resolvers (uv pip install with a real conflict and a clean install, uv pip check,
pdm lock / list, pipenv lock / graph, hatch env show / dep show), a scrapy crawl of a loopback site, a doc generator
(pdoc), code metrics (radon raw / hal), packaging and docstring checks (check-manifest, darglint,
perflint, prospector, djlint, pip-audit), and Node reports (npm-check-updates, nyc, jest --coverage, webpack --json,
bun build / install, attw) on the sdists of parse and arrow, the npm registry, and small projects written here with
real bugs put in (a marina's berth bookings, a tide-table site, a parcel-rate library).

Needles follow NEEDLES.md (rules 1-4, and "Round 31" for the kind values, committed before this capture); every
extractor's docstring states its rule. Nothing captured here was compressed: this round only captures.

This module holds the set-up, the size gate and main(); the captures are in capture_wide31_py.py (Python tools) and
capture_wide31_js.py (Node tools).

Usage:   .venv/bin/python scripts/corpus/capture_wide31.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide31.json  as {"version": 2, "items": [...]}, ids prefixed "wide31-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide31-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide31.json"
TMP = Path(os.environ.get("HM_WIDE31_TMP", "/tmp/hm-corpus-wide31"))  # another dir only to debug one step
TOOLS = Path("/tmp/hm-corpus-wide31-tools")
SRC = TOOLS / "src"
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_SDISTS = ["parse==1.20.2", "arrow==1.3.0"]
PARSE, ARROW = "parse-1.20.2", "arrow-1.3.0"
PY_TOOLS = ["hatch", "pdm", "pipenv", "uv", "radon", "pdoc", "sphinx", "scrapy", "pip-audit", "check-manifest",
            "darglint", "prospector", "perflint", "djlint", "flit", "pydeps",
            "'hishel[httpx2]>=1.4,<1.5'"]  # pdm 2.29 breaks on hishel 1.5 (no SyncSqliteStorage)
NPM_PKGS = ["webpack@5", "webpack-cli", "npm-check-updates", "nyc", "jest", "bun", "@yarnpkg/cli-dist",
            "@arethetypeswrong/cli"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


TOOLSET = cm.Toolset(TOOLS, "pydeps", PY_TOOLS, "arrow-*", PY_SDISTS, "@arethetypeswrong", NPM_PKGS)
ensure_tools, unpack = TOOLSET.install, TOOLSET.unpack

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide31_js as js  # ncu, nyc, jest --coverage, webpack --json, bun, attw
    import capture_wide31_py as py  # uv, pdm, pipenv, hatch, scrapy, pdoc, radon, checks
    return [unpack] + py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide31", sys.modules["__main__"])
    main()
