#!/usr/bin/env python3
"""Capture round 65 of the compression corpus: SECOND SAMPLES OF ROUNDS 31'S, 44'S AND 38'S KINDS, no new rules.
New small projects written here with other problems put in (a coastal tide-gauge network, `tidewatch`: a JavaScript
station library with lint problems, mocha / vitest / node:test / jest suites with failing tests, a webpack dashboard
build, a types package packed locally, an outdated package.json, a TypeScript half with `any`-typed code and a CLI
that crashes under source maps; Python modules with docstrings that disagree with their signatures or sit out of
place, YAML station data with a kwalify schema, Markdown runbooks, a git history of badly written commit messages, a
pdm application), widened by seeded generators, run through jest --coverage, darglint, npm-check-updates, pdm list,
webpack --json, attw, tsc --explainFiles, node --test --experimental-test-coverage, mocha's xunit and dot reporters,
vitest's tap reporter, type-coverage, ESLint 8's junit formatter, node --enable-source-maps, check-docstring-first,
mdformat --check, pykwalify, write-good and gitlint. Some command lines are typed as agents type them
(`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`).

Every item's needles come from the extractor its round used for its kind, imported from capture_wide31_*.py,
capture_wide44_*.py and capture_wide38_py.py (NEEDLES.md "Round 65"); nothing here copies a rule. Nothing captured
here was compressed. Tools: round 44's npm dir, round 38's venv and npm dir, round 55's venv (pdm) and npm dir (jest,
webpack, attw), each installed as its round does when missing; darglint and npm-check-updates (round 31's, not under
/tmp) in a small venv and npm dir under /tmp/hm-corpus-wide65-tools instead of round 31's whole toolset.

Usage:   .venv/bin/python scripts/corpus/capture_wide65.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide65.json  as {"version": 2, "items": [...]}, ids prefixed "wide65-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide65-"
DEFAULT_OUT = HERE / "data" / "wide65.json"
TMP = Path("/tmp/hm-corpus-wide65")
TOOLS = Path("/tmp/hm-corpus-wide65-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
JS44 = Path("/tmp/hm-corpus-wide44-tools/js")  # round 44's npm tools (eslint 8, mocha, vitest 2, tsc, type-coverage)
NPM44 = ["eslint@8", "mocha", "jest", "vitest@2", "typescript", "type-coverage", "madge"]  # round 44's list
T55 = Path("/tmp/hm-corpus-wide55-tools")  # round 55's pick of round 31's tools (pdm; jest, webpack, attw)

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Round 38's tools (its ensure_tools), round 44's and round 55's npm dirs and round 55's venv (each as its round
    installs them when missing), then darglint and npm-check-updates; their bin dirs first on PATH."""
    import capture_wide38 as r38
    r38.ensure_tools()
    cm.install_npm(JS44, "madge", NPM44)
    cm.install_venv(T55 / "venv", "djlint", ["djlint", "pdm"])
    cm.install_npm(T55 / "js", "@arethetypeswrong", ["jest", "webpack@5", "webpack-cli", "@arethetypeswrong/cli"])
    cm.install_venv(VENV, "darglint", ["darglint"])
    cm.install_npm(JS, "npm-check-updates", ["npm-check-updates"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin"), str(T55 / "venv" / "bin"),
                          str(T55 / "js" / "node_modules" / ".bin"), str(JS44 / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide65_js as js  # round 31's and 44's Node kinds on tidewatch's JavaScript / TypeScript
    import capture_wide65_py as py  # round 38's kinds, darglint and pdm list on tidewatch's Python, data and docs
    return js.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide65", sys.modules["__main__"])
    main()
