#!/usr/bin/env python3
"""Capture round 47 of the compression corpus: the same findings in CI and machine-readable report formats new to
the corpus. A tide-gauge data cleaner in Python (`tidemark`, with bugs put in, widened by a seeded generator) and
its deployment shell scripts are run through ruff (github, azure, pylint, junit, gitlab, json-lines, rdjson formats),
pylint (parseable, msvs, colorized, json2), mypy --junit-xml, bandit (csv, xml, sarif), shellcheck -f diff and
pytest with teamcity-messages, pytest-github-actions-annotate-failures and --report-log. Several command lines are
typed as agents type them (pipes that cut, `; echo EXIT=$?`, a report written then `cat`).

Every kind's needles come from its rule in NEEDLES.md's "Round 47" section, written before capture and applied by
the extractors in capture_wide47_ci.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide47.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide47.json  as {"version": 2, "items": [...]}, ids prefixed "wide47-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide47-"
DEFAULT_OUT = HERE / "data" / "wide47.json"
TMP = Path("/tmp/hm-corpus-wide47")
TOOLS = Path("/tmp/hm-corpus-wide47-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["ruff", "pylint", "mypy", "pytest", "teamcity-messages", "pytest-github-actions-annotate-failures",
            "pytest-reportlog", "bandit"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers and test plugins, and shellcheck from Debian, installed once."""
    cm.install_venv(VENV, "bandit", PY_TOOLS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide47_ci as ci
    return ci.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide47", sys.modules["__main__"])
    main()
