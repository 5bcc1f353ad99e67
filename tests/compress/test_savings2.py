"""Savings without losing needles, second pass (issue #11): each test names the rule and fails
without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def test_a_left_out_finding_takes_its_own_place_line_with_it() -> None:
    # pydocstyle prints each finding's place on the line over it: when a repeat of a (code, file)
    # goes, its place line goes too (kept alone it says nothing, and cuts the gap in two).
    lines = []
    for f in range(4):
        lines.append(f"ledger/book_{f:02d}.py:1 at module level:")
        lines.append("        D100: Missing docstring in public module")
        for k in range(20):
            lines.append(f"ledger/book_{f:02d}.py:{10 * k + 4} in public function `load_{f}{k:02d}`:")
            lines.append("        D103: Missing docstring in public function")
    text = "\n".join(lines) + "\n"
    out = _lossy(text)
    kept = out.split("\n")
    for f in range(4):
        assert f"ledger/book_{f:02d}.py:4 in public function `load_{f}00`:" in kept
        assert f"ledger/book_{f:02d}.py:1 at module level:" in kept
        for k in range(3, 19):
            assert f"ledger/book_{f:02d}.py:{10 * k + 4} in public function `load_{f}{k:02d}`:" not in kept
    assert "D103 ×" in out
