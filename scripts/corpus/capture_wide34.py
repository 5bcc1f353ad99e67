#!/usr/bin/env python3
"""Capture round 34 of the compression corpus: a blind sample of programs and output formats NEW to the corpus (the
kinds of /tmp/s12/kinds.txt excluded): pytest's TAP / testdox / Markdown reporters and --fixtures, robot, Twisted's
trial, QUnit and @hapi/lab, autopep8 / yapf diffs, mccabe, validate-pyproject, lockfile-lint,
detect-secrets, diff-cover, yappi, tracemalloc, py-spy dump, perf stat, invoke and just, proselint, gcc's
-fopt-info / -H / -ftime-report, cmake -LAH, make --trace, patch --dry-run, git apply --check, Python and Node REPL
sessions, sqlite3 .expert and openssl asn1parse, on a tide-gauge data logger (`tidelog`) written here with bugs put
in and widened by seeded generators. Some command lines are typed as agents type them (pipes that cut, chains,
`; echo EXIT=$?`).

Every kind's needles come from the rule written in NEEDLES.md's "Round 34" section before capture; extractors are
written in capture_wide34_py.py / capture_wide34_native.py next to the kind. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide34.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide34.json  as {"version": 2, "items": [...]}, ids prefixed "wide34-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide34-"
DEFAULT_OUT = HERE / "data" / "wide34.json"
TMP = Path("/tmp/hm-corpus-wide34")
TOOLS = Path("/tmp/hm-corpus-wide34-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["pytest<8.4", "pytest-tap", "pytest-testdox", "pytest-md-report", "robotframework", "twisted", "autopep8",
            "yapf", "mccabe", "validate-pyproject", "detect-secrets", "diff-cover", "coverage", "yappi", "py-spy",
            "invoke", "rust-just", "proselint"]
NPM_PKGS = ["qunit", "@hapi/lab", "@hapi/code", "lockfile-lint"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# pytest-tap cannot register its options on pytest 9, hence pytest<8.4
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python tools and the npm packages, installed once (cmake, ninja, perf, gcc: the machine's)."""
    cm.install_venv(VENV, "proselint", PY_TOOLS)
    cm.install_npm(JS, "qunit", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide34_native as native  # gcc reports, cmake, make, patch, git apply, sqlite, openssl, perf, REPLs
    import capture_wide34_py as py  # Python and Node runners, formatters, validators, scanners, profilers, task runners
    return py.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide34", sys.modules["__main__"])
    main()
