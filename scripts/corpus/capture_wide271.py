#!/usr/bin/env python3
"""Capture round 271 of the compression corpus: second samples of rounds 254's and 257's kinds, no new rules.
Round 254's quantum-computing kinds (Qiskit drawings, transpiler DEBUG logs, simulator counts, OpenQASM loads with
faults, Cirq diagrams / simulator runs / testing failures, PennyLane drawings and gradient runs, Stim circuits, detector
error models and errors, PyZX statistics) on other circuits, qubit counts, seeds and faults; round 257's NLP-toolkit
kinds (fastText, SentencePiece, spaCy, NLTK, Hugging Face tokenizers, gensim, CRFsuite) on `ledgerline`, an accounts-payable
inbox's router generated from round 257's generators at other seeds and sizes, with other faults. Several command lines
are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep ...`, `; echo EXIT=$?`).

No rule is new: every item's needles come from the extractor round 254 or 257 used for its kind, imported from
capture_wide254_q.py and capture_wide257_nlp.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide271.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide271.json  as {"version": 2, "items": [...]}, ids prefixed "wide271-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide271-"
DEFAULT_OUT = HERE / "data" / "wide271.json"
TMP = Path("/dev/shm/hm-corpus-wide271")
TOOLS254 = Path("/dev/shm/hm-corpus-wide254-tools")
TOOLS257 = Path("/dev/shm/hm-corpus-wide257-tools")

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Rounds 254's and 257's venvs (made by their own ensure_tools when absent) and Debian's fasttext / spm_train;
    round 254's venv's bin goes first on PATH (its python runs the quantum scripts)."""
    import capture_wide254 as r254
    import capture_wide257 as r257
    saved = list(cm.PATH_PREFIX)
    r257.ensure_tools()
    r254.ensure_tools()
    cm.PATH_PREFIX[:] = [str(TOOLS254 / "venv" / "bin")] + saved


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide271_runs as r
    return r.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide271", sys.modules["__main__"])
    main()
