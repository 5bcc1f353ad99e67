#!/usr/bin/env python3
"""Capture round 136 of the compression corpus: scientific Python objects and interactive tools, shapes new to the
corpus, captured blind. `fjord`, an oceanographic mooring array's data-reduction package written here with faults
put in and widened by seeded generators: its gridded fields as xarray Datasets (reprs, `.info()`, alignment
errors), its raw records as pyarrow Tables and Parquet files (reprs, row-group metadata, cast errors), its tide model
in SymPy, its fits with scipy's verbose solvers, its checks with numpy.testing under unittest, and its scratch work
under IPython (verbose tracebacks, `%timeit`, `%prun`) and Jupyter (`jupyter kernelspec list`). Several command
lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -v Warning`, `; echo EXIT=$?`).

The rules are NEEDLES.md's "Round 136", written and committed before this ran; the new kinds' extractors are in
capture_wide136_sci.py, `cprofile`'s and `unittest`'s are imported. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide136.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide136.json  as {"version": 2, "items": [...]}, ids prefixed "wide136-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide136-"
DEFAULT_OUT = HERE / "data" / "wide136.json"
TMP = Path("/tmp/hm-corpus-wide136")
TOOLS = Path("/tmp/hm-corpus-wide136-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["xarray", "pyarrow", "sympy", "scipy", "numpy", "pandas", "ipython", "jupyter_client", "ipykernel"]

MIN_CHARS, MAX_CHARS = 400, 120_000
EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The venv of the scientific stack and IPython, installed once."""
    cm.install_venv(VENV, "ipython", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide136_sci as sci
    return sci.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide136", sys.modules["__main__"])
    main()
