#!/usr/bin/env python3
"""Capture round 150 of the compression corpus: second samples of rounds 139's, 140's and 141's kinds, captured
blind, on new material: `vintner`, a wine cooperative's back office and cellar. Its identity services: an MIT
Kerberos realm VINTNER.TEST on 127.0.0.1 (principals of its own, keytabs, tickets, failed logins, the KDC log) and
sudoers files of its own through `visudo -c -f`; its cellar specified and checked: Coq lemmas on fermentation tanks,
WhyML through `why3 prove`, SMT-LIB blending schedules through Z3 and cvc5, TPTP through the E prover, DIMACS through
CaDiCaL and MiniSat, C through Frama-C and splint, a Promela bottling line through SPIN; its pipelines (harvest,
crush, press, ferment, bottle) under Airflow, Dagster, Prefect, Kedro and Great Expectations (round 141's venvs).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 150"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide150.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide150.json  as {"version": 2, "items": [...]}, ids prefixed "wide150-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide150-"
DEFAULT_OUT = HERE / "data" / "wide150.json"
TMP = Path(os.environ.get("HM_WIDE150_TMP", "/dev/shm/hm-corpus-wide150"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 139's and 140's Debian packages (installed once by their rounds); round 141's venvs are used where
    they already are (capture_wide150_pipe.VENVS)."""
    for tool, pkg in (("krb5kdc", "krb5-kdc"), ("kadmin.local", "krb5-admin-server"), ("kinit", "krb5-user"),
                      ("coqc", "coq"), ("frama-c", "frama-c-base"), ("spin", "spin"), ("why3", "why3"),
                      ("z3", "z3"), ("cvc5", "cvc5"), ("cvc4", "cvc4"), ("eprover", "eprover"), ("splint", "splint"),
                      ("cadical", "cadical"), ("minisat", "minisat")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide150_krb as krb  # Kerberos, visudo
    import capture_wide150_proof as proof  # Coq, Why3, Z3, cvc5, E, SAT, Frama-C, splint, SPIN
    import capture_wide150_pipe as pipe  # Airflow, Dagster, Prefect, Kedro, Great Expectations
    return krb.STEPS + proof.STEPS + pipe.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide150", sys.modules["__main__"])
    main()
