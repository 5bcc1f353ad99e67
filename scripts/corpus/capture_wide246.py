#!/usr/bin/env python3
"""Capture round 246 of the compression corpus: solvers, model checkers and verifiers in shapes round 140 did not
hold. `berth`, a harbour's berth allocator (ships, cranes, tide windows), is modelled here with faults put in on
purpose and widened by seeded generators: ASP programs for clingo (answer sets, UNSAT, --stats, grounding errors, the
grounded text), LP models for lp_solve's sensitivity report, for HiGHS (highspy) and for Pyomo with GLPK, Promela for
SPIN's column simulator, its LTL translator and its parser, C for Frama-C's RTE printer and its parser, WhyML that
does not type for Why3. Several command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`,
`; echo EXIT=$?`).

New kinds; their rules are NEEDLES.md's "Round 246" section, applied by the extractors in capture_wide246_solve.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide246.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide246.json  as {"version": 2, "items": [...]}, ids prefixed "wide246-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide246-"
DEFAULT_OUT = HERE / "data" / "wide246.json"
TMP = Path("/dev/shm/hm-corpus-wide246")
TOOLS = Path("/dev/shm/hm-corpus-wide246-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["clingo", "highspy", "pyomo"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of clingo, highspy and Pyomo (clingo's wheel runs as `python -m clingo`: a `clingo` launcher is
    written beside it), and SPIN, Frama-C, Why3, lp_solve and GLPK from Debian."""
    cm.install_venv(VENV, "pyomo", PY_TOOLS)
    launcher = VENV / "bin" / "clingo"
    if not launcher.exists():
        launcher.write_text(f'#!/bin/sh\nexec {VENV}/bin/python -m clingo "$@"\n')
        launcher.chmod(0o755)
    for tool, pkg in [("spin", "spin"), ("frama-c", "frama-c-base"), ("why3", "why3"), ("lp_solve", "lp-solve"),
                      ("glpsol", "glpk-utils"), ("minizinc", "minizinc libgecodeflatzinc49")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide246_solve as solve
    return solve.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide246", sys.modules["__main__"])
    main()
