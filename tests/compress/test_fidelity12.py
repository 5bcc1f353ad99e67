"""Fidelity rules of round 12 (issue #11), found on the tuning part of wide12.json (searches,
listings and logs made many ways): each test names the rule, holds for outputs never seen, and
fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_levels_above_error_are_failures() -> None:
    # gunicorn's arbiter kills a stuck worker at CRITICAL; java.util.logging's error level is
    # SEVERE. Each is an error-level line (all are kept); the words in lower case are ordinary.
    from headroom_mitm.compress import lines as ln

    assert ln.severity("[2026-11-30 18:28:45 +0000] [2091] [CRITICAL] WORKER TIMEOUT (pid:2093)") == ln.FAIL
    assert ln.severity("SEVERE: request handler threw for /orders/17") == ln.FAIL
    assert ln.severity("2026-11-30 18:28:45,120 CRITICAL shop.db: pool exhausted") == ln.FAIL
    assert ln.severity("Entering the critical section of the scheduler loop") is None
    assert ln.severity("CRITICALITY_LEVELS = 3") is None
    text = "\n".join(["[INFO] Booting worker with pid: 2093"] * 5 + ["[CRITICAL] WORKER TIMEOUT (pid:2093)"])
    assert 5 in ln.candidates(ln.LineIndex(text))[0]
