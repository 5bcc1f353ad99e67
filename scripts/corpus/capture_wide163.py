#!/usr/bin/env python3
"""Capture round 163 of the compression corpus: third samples of rounds 137's to 141's kinds, captured blind, on new
material: `seedvault`, a seed bank's accession-record loader written here in C with faults put in (fuzzed with
libFuzzer under ASan, checked with MemorySanitizer and LeakSanitizer in loops), and `germsim`, a germination-trial
simulation in C (seeded) with hot spots and leaks, under heaptrack, glibc's mtrace, Valgrind's massif and perf; its
identity services: an MIT Kerberos realm SEEDVAULT.TEST on 127.0.0.1; its specifications: WhyML through `why3 prove`
and C through Frama-C (metrics by function, Eva); its pipelines: an Airflow DAG through `airflow dags test` and Great
Expectations on accession lots (round 141's venvs).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 163"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide163.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide163.json  as {"version": 2, "items": [...]}, ids prefixed "wide163-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide163-"
DEFAULT_OUT = HERE / "data" / "wide163.json"
TMP = Path(os.environ.get("HM_WIDE163_TMP", "/dev/shm/hm-corpus-wide163"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The tools rounds 137-141 left on this machine; round 141's venvs are used where they are."""
    for tool, pkg in (("clang-14", "clang-14"), ("heaptrack", "heaptrack"), ("perf", "linux-perf"),
                      ("valgrind", "valgrind"), ("krb5kdc", "krb5-kdc"), ("kadmin.local", "krb5-admin-server"),
                      ("kinit", "krb5-user"), ("why3", "why3"), ("z3", "z3"), ("frama-c", "frama-c-base")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide163_native as nat  # libFuzzer, MSan, LSan, heaptrack, mtrace, massif, perf
    import capture_wide163_svc as svc  # Kerberos, Why3, Frama-C, Airflow, Great Expectations
    return nat.STEPS + svc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide163", sys.modules["__main__"])
    main()
