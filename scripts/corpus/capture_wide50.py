#!/usr/bin/env python3
"""Capture round 50 of the compression corpus: SECOND SAMPLES OF ROUND 47'S KINDS, no new rules.
A new small project written here with other bugs put in (a community seed-library's lending ledger, `seedvault`:
Python modules widened by a seeded generator, with security smells, lint problems, failing pytest and unittest
tests, and its maintenance shell scripts), run through bandit (csv, sarif, xml), pylint's colorized format, ruff's
rdjson and junit formats, shellcheck -f diff, pytest under pytest-github-actions-annotate-failures, pytest-json-report
and teamcity-messages, and unittest-xml-reporting. Some command lines are typed as agents type them
(`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`, a report written then `cat`).

Every item's needles come from the extractor round 47 used for its kind, imported from round 47's capture module
(NEEDLES.md "Round 50"); nothing here copies a rule. Nothing captured here was compressed: this round only captures.
The tools are round 47's venv (/tmp/hm-corpus-wide47-tools; installed as round 47 does when missing).

Usage:   .venv/bin/python scripts/corpus/capture_wide50.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide50.json  as {"version": 2, "items": [...]}, ids prefixed "wide50-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide50-"
DEFAULT_OUT = HERE / "data" / "wide50.json"
TMP = Path("/tmp/hm-corpus-wide50")

MIN_CHARS, MAX_CHARS = 1_000, 60_000


def ensure_tools() -> None:
    """Round 47's venv and shellcheck (installed as round 47 does when missing), its bin dir first on PATH."""
    import capture_wide47 as r47
    r47.ensure_tools()


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide50_ci as ci  # bandit, pylint, ruff, shellcheck, pytest and unittest in CI formats
    return ci.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 30_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide50", sys.modules["__main__"])
    main()
