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


def test_a_gap_is_weighed_in_tokens_not_characters() -> None:
    # A marker costs ~32 tokens. Two dense lines (~22 tokens each, 108 characters together) cost
    # more than it: elided. A line padded to its column (119 characters, ~16 tokens) costs less:
    # shown as it is.
    from headroom_mitm.compress.select import render

    marker = lambda a, b, n: f"[… lines {a}–{b} elided; headroom_headroom_retrieve id=hr_65b547fe014fe9e0 …]"  # noqa: E731
    dense = [f"    --- PASS: TestDiscountTable/999c_at_33%#{k} (0.00s)" for k in (41, 42)]
    padded = "test_cfg.py::test_config_2 PASSED" + " " * 80 + "[ 17%]"
    lines = ["keep", *dense, "keep", padded, "keep"]
    out, elided = render(lines, bytearray([1, 0, 0, 1, 0, 1]), marker)
    assert elided
    assert out.split("\n") == ["keep", marker(2, 3, 2), "keep", padded, "keep"]
