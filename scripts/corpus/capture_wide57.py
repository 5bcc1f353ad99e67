#!/usr/bin/env python3
"""Capture round 57 of the compression corpus (issue #11 again, like round 37): the kinds issue #11 names at the
sizes where compression matters (most items 10-120 KB), on real packages the corpus had not used: the sdists of
more-itertools and toolz (PyPI) with a few bugs put in, run through their own test suites with pytest and through
ruff, flake8, pylint and mypy whole; a git history built here by committing toolz's sources in steps; listings of the
unpacked trees; a generated CSV and sqlite table, a process table, JSON from the installed packages' metadata and an
application log. About a quarter of the command lines are typed as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 57: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide57.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide57.json  as {"version": 2, "items": [...]}, ids prefixed "wide57-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide57-"
DEFAULT_OUT = HERE / "data" / "wide57.json"
TMP = Path("/tmp/hm-corpus-wide57")
TOOLS = Path("/tmp/hm-corpus-wide57-tools")
PY_TOOLS = ["ruff", "mypy", "pytest", "flake8", "pylint"]
PY_SDISTS = ["more-itertools==10.5.0", "toolz==1.0.0"]
NPM_PKGS: list[str] = []
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "pylint", PY_TOOLS, "toolz-*", PY_SDISTS, "", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide57_py as py  # the sdists' suites and linters, git, listings, tables, a log
    return [TOOLSET.unpack] + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide57", sys.modules["__main__"])
    main()
