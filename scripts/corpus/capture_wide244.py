#!/usr/bin/env python3
"""Capture round 244 of the compression corpus: finite-element, CFD and meshing tools, shapes new to the corpus.
Gmsh on `.geo` files of the round's own (plates with holes, a bracket, boxes with cylinders cut; seeded generators for
size) with faults put in; CalculiX (`ccx`) on `.inp` decks (a cantilever of bricks, a truss, a heat plate) with a
missing material, no boundary condition, an unknown keyword; FreeFEM (`FreeFem++ -nw`) on `.edp` scripts with a
syntax error, an undefined name, a problem with no Dirichlet condition; OpenFOAM (`blockMesh`, `checkMesh`, `icoFoam`)
on a lid-driven cavity with a missing patch, inverted blocks, a diverging time step and a missing dictionary entry.
About a third of the command lines are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).

The extractors are this round's (NEEDLES.md, "Round 244"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide244.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide244.json  as {"version": 2, "items": [...]}, ids prefixed "wide244-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide244-"
DEFAULT_OUT = HERE / "data" / "wide244.json"
TMP = Path(os.environ.get("HM_WIDE244_TMP", "/dev/shm/hm-corpus-wide244"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Gmsh, CalculiX, FreeFEM and OpenFOAM from Debian, installed once; one thread each."""
    for tool, pkg in [("gmsh", "gmsh"), ("ccx", "calculix-ccx"), ("FreeFem++", "freefem++"),
                      ("blockMesh", "openfoam")]:
        cm.ensure_apt(tool, pkg)
    cm.BASE_ENV["OMP_NUM_THREADS"] = "1"


def steps() -> list:
    import capture_wide244_fem as fem  # gmsh, ccx, FreeFem++
    import capture_wide244_foam as foam  # blockMesh, checkMesh, icoFoam
    return fem.STEPS + foam.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide244", sys.modules["__main__"])
    main()
