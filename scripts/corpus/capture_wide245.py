#!/usr/bin/env python3
"""Capture round 245 of the compression corpus: sequence-analysis tools new to the corpus, new shapes. Seeded mutated
protein families, a random genome with planted genes, reads simulated from it and amplicon sets, with faults put in (a
malformed record, a duplicate id, an empty sequence, a truncated file, mismatched pairs), run through Debian's HMMER,
Clustal Omega, MUSCLE 5, MAFFT, Prodigal, Bowtie2, seqtk, VSEARCH, CD-HIT and fastp. About half the command lines are
typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). The needles come
from the rules NEEDLES.md's "Round 245" section fixed before capture, applied by the extractors in
capture_wide245_seq.py (round 201's `diag`, `capped_rule4` and `tsv_rows` reused). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide245.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide245.json  as {"version": 2, "items": [...]}, ids prefixed "wide245-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide245-"
DEFAULT_OUT = HERE / "data" / "wide245.json"
TMP = Path(os.environ.get("HM_WIDE245_TMP", "/dev/shm/hm-corpus-wide245"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The tools, all from Debian."""
    for tool, pkg in [("hmmbuild", "hmmer"), ("clustalo", "clustalo"), ("muscle", "muscle"), ("mafft", "mafft"),
                      ("prodigal", "prodigal"), ("bowtie2", "bowtie2"), ("seqtk", "seqtk"), ("vsearch", "vsearch"),
                      ("cd-hit", "cd-hit"), ("fastp", "fastp")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide245_seq as seq
    return seq.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide245", sys.modules["__main__"])
    main()
