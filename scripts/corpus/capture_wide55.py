#!/usr/bin/env python3
"""Capture round 55 of the compression corpus: SECOND SAMPLES OF ROUNDS 38'S AND 31'S KINDS, no new rules.
A new small project written here with other problems put in (an apiary's hive-inspection service, `hivelog`:
Python modules with exception smells, docstrings out of place and broken syntax, YAML data with a kwalify schema,
TOML configs, a CMake build of its sensor firmware, Markdown docs, a git history of badly written commit messages,
Jinja templates, a small JavaScript library with jest tests and a webpack build, a types package packed locally),
widened by seeded generators, run through tryceratops, gitlint, pykwalify, check-docstring-first, cmake-lint,
mdformat --check, pip-missing-reqs / pip-extra-reqs, python -m py_compile, taplo check, write-good, djlint --lint,
jest --coverage, webpack --json, attw --pack and pdm list. Some command lines are typed as agents type them
(`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`).

Every item's needles come from the extractor its round used for its kind, imported from capture_wide38_py.py and
capture_wide31_*.py (NEEDLES.md "Round 55"); nothing here copies a rule. Nothing captured here was compressed.
Tools: round 38's venv and npm dir (/tmp/hm-corpus-wide38-tools, installed as round 38 does when missing); for round
31's kinds a small venv (djlint, pdm) and npm dir (jest, webpack, webpack-cli, @arethetypeswrong/cli) under
/tmp/hm-corpus-wide55-tools instead of round 31's whole toolset.

Usage:   .venv/bin/python scripts/corpus/capture_wide55.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide55.json  as {"version": 2, "items": [...]}, ids prefixed "wide55-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide55-"
DEFAULT_OUT = HERE / "data" / "wide55.json"
TMP = Path("/tmp/hm-corpus-wide55")
TOOLS = Path("/tmp/hm-corpus-wide55-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"

MIN_CHARS, MAX_CHARS = 1_000, 60_000


def ensure_tools() -> None:
    """Round 38's tools (its ensure_tools), then the few of round 31's this round uses."""
    import capture_wide38 as r38
    r38.ensure_tools()
    cm.install_venv(VENV, "djlint", ["djlint", "pdm"])
    cm.install_npm(JS, "@arethetypeswrong", ["jest", "webpack@5", "webpack-cli", "@arethetypeswrong/cli"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide55_hive as hive  # every step: hivelog's Python, configs, docs, history, JS and templates
    return hive.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 30_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide55", sys.modules["__main__"])
    main()
