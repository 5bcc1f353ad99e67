#!/usr/bin/env python3
"""Capture round 170 of the compression corpus: mathematical optimization, computer algebra and number theory tools,
shapes new to the corpus. Models of the round's own (a clinic's shift schedule, a multi-knapsack of cargo, a transport
problem between depots and stores, a diet, a facility location), widened by seeded generators, with faults put in (an
infeasible demand, an unbounded objective, a syntax error in the model file, an undeclared set, a time limit that stops
branch-and-bound with a gap, a type error in a CAS session). They run through GLPK's glpsol (terminal log and
`--output` report), COIN-OR's cbc, lp_solve, Maxima in batch, PARI/GP scripts, GAP sessions, and PyPI's PuLP,
python-mip, OR-Tools CP-SAT and CVXPY. About half the command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 170" section fixed before capture, applied by the extractors in
capture_wide170_lp.py, capture_wide170_cas.py and capture_wide170_py.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide170.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide170.json  as {"version": 2, "items": [...]}, ids prefixed "wide170-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide170-"
DEFAULT_OUT = HERE / "data" / "wide170.json"
TMP = Path(os.environ.get("HM_WIDE170_TMP", "/dev/shm/hm-corpus-wide170"))
TOOLS = Path(os.environ.get("HM_WIDE170_TOOLS", "/dev/shm/hm-corpus-wide170-tools"))
VENV = Path(os.environ.get("HM_WIDE170_VENV", str(TOOLS / "venv")))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """glpk, cbc, lp_solve, maxima, pari-gp and gap from Debian; PuLP, python-mip, OR-Tools and CVXPY in a venv."""
    for tool, pkg in (("glpsol", "glpk-utils"), ("cbc", "coinor-cbc"), ("lp_solve", "lp-solve"), ("gp", "pari-gp"),
                      ("maxima", "maxima"), ("gap", "gap-core")):
        cm.ensure_apt(tool, f"--no-install-recommends {pkg}")
    cm.install_venv(VENV, "pulptest", ["pulp", "mip", "ortools", "cvxpy"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide170_cas as cas  # maxima, gp, gap
    import capture_wide170_lp as lp  # glpsol, cbc, lp_solve
    import capture_wide170_py as py  # pulp, python-mip, OR-Tools CP-SAT, CVXPY
    return lp.STEPS + cas.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide170", sys.modules["__main__"])
    main()
