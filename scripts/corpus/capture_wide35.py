#!/usr/bin/env python3
"""Capture round 35 of the compression corpus (issue #11): a SEVENTH blind sample of the kinds issue #11 names, every
output as the real OpenCode (.tools/bin/opencode, pinned) returns it from its own tools, driven headless by the
project's model stub (capture_opencode.run_opencode). The project, new to the corpus, is written here with real bugs
put in and widened by seeded generators: a community seed library's lending service (`seedbank`, Python) with a
germination-test tool in C and shell scripts, its git history, a lending CSV and sqlite table, a catalogue API on
loopback, the service's log and its docs served on loopback. OpenCode's bash runs pytest, ruff, mypy, flake8, pylint,
shellcheck, gcc, make, git, ls, find, du, ps, head/cat, sqlite3, curl, grep/tail (about half typed as agents type
them: pipes that cut, chains, `; echo EXIT=$?`); its grep and glob search the project; its webfetch fetches the pages
as markdown and html. `read` is not captured (lossless by design); this OpenCode has no `list` tool.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 35: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide35.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide35.json  as {"version": 2, "items": [...]}, ids prefixed "wide35-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide35-"
DEFAULT_OUT = HERE / "data" / "wide35.json"
TMP = Path("/tmp/hm-corpus-wide35")
TOOLS = Path("/tmp/hm-corpus-wide35-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["ruff", "mypy", "pytest", "flake8", "pylint"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers, and shellcheck from Debian, installed once."""
    cm.install_venv(VENV, "pylint", PY_TOOLS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def steps() -> list:
    import capture_wide35_oc as oc35  # the project, then one OpenCode run over every tool call
    return oc35.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide35", sys.modules["__main__"])
    main()
