#!/usr/bin/env python3
"""Capture round 140 of the compression corpus: provers, model checkers and static verifiers, shapes new to the corpus.
`sluice`, a canal lock controller (gates, water levels, a queue of boats), is specified and written here with faults
put in on purpose: a Coq development of a few files (`coqc` errors, `Print Assumptions` / `Show` queries, a
`coq_makefile` build with one failing file); C for Frama-C (`-eva` alarms, `-wp` goals, `-metrics`) and splint; a
Promela model for SPIN (`spin -a` + `pan`, the trail replayed with `spin -t -p`); WhyML for Why3 (`why3 prove` with
Z3 and cvc5); SMT-LIB scripts for Z3 and cvc5 (models, unsat cores, `unknown` with its reason, statistics); TPTP
problems for the E prover; DIMACS CNF for a SAT solver. CBMC, Alt-Ergo, Prover9/Mace4 and NuSMV are not in this
machine's Debian mirror nor on PyPI as tools, so they are not captured.

Every kind is new (NEEDLES.md's "Round 140"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide140.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide140.json  as {"version": 2, "items": [...]}, ids prefixed "wide140-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide140-"
DEFAULT_OUT = HERE / "data" / "wide140.json"
TMP = Path(os.environ.get("HM_WIDE140_TMP", "/tmp/hm-corpus-wide140"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """All from Debian: Coq, Frama-C, SPIN, Why3, Z3, cvc5, CVC4 (Why3 1.5 knows it, not cvc5 1.0), the E prover, splint, CaDiCaL and MiniSat."""
    for tool, pkg in (("coqc", "coq"), ("frama-c", "frama-c-base"), ("spin", "spin"), ("why3", "why3"),
                      ("z3", "z3"), ("cvc5", "cvc5"), ("cvc4", "cvc4"), ("eprover", "eprover"), ("splint", "splint"),
                      ("cadical", "cadical"), ("minisat", "minisat")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide140_proof as proof  # coqc, coq_makefile, why3, z3, cvc5, eprover, SAT solvers
    import capture_wide140_check as check  # frama-c, spin, splint
    return proof.STEPS + check.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide140", sys.modules["__main__"])
    main()
