#!/usr/bin/env python3
"""Capture round 254 of the compression corpus: quantum-computing SDKs and circuit tools in shapes new to the corpus.
Small circuits of the round's own (Bell pairs, GHZ, Grover on 3-5 qubits, QFT, a teleportation with a wrong
correction, a VQE-like H2 run with a fixed seed), some widened by seeded generators, with faults put in on purpose (an
undefined gate, a qubit index out of range, a measurement on a missing classical bit, parse errors in OpenQASM and
Stim text), run through Qiskit (text drawings, the transpiler's DEBUG pass log, simulator counts, qasm2/qasm3 loads),
Cirq (diagrams, simulator results, cirq.testing failures), PennyLane (qml.draw, a gradient run's steps), Stim
(circuit text, detector error models, errors) and PyZX (stats before and after simplification). Several command lines
are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE ...`, `; echo EXIT=$?`).

New kinds; their rules are NEEDLES.md's "Round 254" section, applied by the extractors in capture_wide254_q.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide254.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide254.json  as {"version": 2, "items": [...]}, ids prefixed "wide254-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide254-"
DEFAULT_OUT = HERE / "data" / "wide254.json"
TMP = Path("/dev/shm/hm-corpus-wide254")
TOOLS = Path("/dev/shm/hm-corpus-wide254-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["qiskit", "qiskit-aer", "cirq-core", "pennylane", "stim", "pyzx", "openqasm3[parser]"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of the quantum SDKs (its bin/stim says it is there); its bin goes first on PATH."""
    cm.install_venv(VENV, "stim", PY_TOOLS, timeout=1800)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide254_q as q
    return q.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide254", sys.modules["__main__"])
    main()
