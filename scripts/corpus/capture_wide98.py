#!/usr/bin/env python3
"""Capture round 98 of the compression corpus: mutation, property-based and API-contract testing, new to the corpus.
Kinds no earlier round holds, run for real on small projects written here with weak tests and mistakes put in, widened
by seeded generators: a ferry operator's booking code (`ferrytix`) through mutmut (run, results, show) and cosmic-ray
(exec, then cr-report and dump); its booking API (FastAPI, on 127.0.0.1) through schemathesis, tavern and dredd; its
JavaScript fare engine through Stryker (jest runner and command runner), fast-check under `node --test` and vitest,
and jsverify. About half the command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 98" section fixed before capture, applied by the extractors in
capture_wide98_py.py and capture_wide98_js.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide98.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide98.json  as {"version": 2, "items": [...]}, ids prefixed "wide98-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide98-"
DEFAULT_OUT = HERE / "data" / "wide98.json"
TMP = Path("/tmp/hm-corpus-wide98")
TOOLS = Path("/tmp/hm-corpus-wide98-tools")
VENV = TOOLS / "venv"          # mutmut, cosmic-ray, schemathesis, the API's FastAPI and uvicorn, pytest
TAV = TOOLS / "tav"            # tavern 3.7 imports what pytest 9 removed: its own venv with pytest < 9
JS = TOOLS / "js"              # Stryker with its jest runner, jest, vitest, fast-check, jsverify
DREDD = TOOLS / "dredd"        # dredd in a project of its own
PY_TOOLS = ["mutmut", "cosmic-ray", "schemathesis", "fastapi", "uvicorn", "pytest"]
NPM = ["@stryker-mutator/core", "@stryker-mutator/jest-runner", "jest", "vitest", "fast-check", "jsverify"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The venvs and npm projects of the round, installed once."""
    cm.install_venv(VENV, "mutmut", PY_TOOLS)
    cm.install_venv(TAV, "tavern-ci", ["tavern", "'pytest<9'"])
    cm.install_npm(JS, "@stryker-mutator/core", NPM)
    cm.install_npm(DREDD, "dredd", ["dredd"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide98_js as js  # Stryker, fast-check, jsverify, dredd
    import capture_wide98_py as py  # mutmut, cosmic-ray, schemathesis, tavern
    return py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide98", sys.modules["__main__"])
    main()
