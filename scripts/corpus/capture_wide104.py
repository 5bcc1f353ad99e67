#!/usr/bin/env python3
"""Capture round 104 of the compression corpus: second samples of round 98's kinds (mutation, property-based and
API-contract testing), no new rules. New projects written here for a public library's catalogue (`libcat`: loans, due
dates, fines and holds), with other mistakes put in and other seeds: its Python package through mutmut (run, results,
show) and cosmic-ray (exec, then cr-report and dump); its loans API (FastAPI, on 127.0.0.1) through schemathesis,
tavern and dredd; its JavaScript circulation rules through Stryker (jest runner and command runner, runs with few
survivors and with many), fast-check under `node --test` and vitest, and jsverify.

Every item's needles come from round 98's extractors, imported from capture_wide98_py.py and capture_wide98_js.py
(NEEDLES.md's "Round 104" section). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide104.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide104.json  as {"version": 2, "items": [...]}, ids prefixed "wide104-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide104-"
DEFAULT_OUT = HERE / "data" / "wide104.json"
TMP = Path("/tmp/hm-corpus-wide104")
TOOLS = Path("/tmp/hm-corpus-wide98-tools")  # round 98's tools, reused as installed
VENV = TOOLS / "venv"          # mutmut, cosmic-ray, schemathesis, FastAPI, uvicorn, pytest
TAV = TOOLS / "tav"            # tavern with pytest < 9
JS = TOOLS / "js"              # Stryker with its jest runner, jest, vitest, fast-check, jsverify
DREDD = TOOLS / "dredd"        # dredd in a project of its own
PY_TOOLS = ["mutmut", "cosmic-ray", "schemathesis", "fastapi", "uvicorn", "pytest"]
NPM = ["@stryker-mutator/core", "@stryker-mutator/jest-runner", "jest", "vitest", "fast-check", "jsverify"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 98's venvs and npm projects, installed as round 98 does when missing."""
    cm.install_venv(VENV, "mutmut", PY_TOOLS)
    cm.install_venv(TAV, "tavern-ci", ["tavern", "'pytest<9'"])
    cm.install_npm(JS, "@stryker-mutator/core", NPM)
    cm.install_npm(DREDD, "dredd", ["dredd"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide104_js as js  # Stryker, fast-check, jsverify, dredd
    import capture_wide104_py as py  # mutmut, cosmic-ray, schemathesis, tavern
    return py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide104", sys.modules["__main__"])
    main()
