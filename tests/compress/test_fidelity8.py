"""Fidelity rules of round 8 (issue #11), found on the tuning part of wide8.json (kinds nobody
tuned for): each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.settings import CompressionSettings

from tests.support import lossy_rendering

S = CompressionSettings()


def _lossy(text: str) -> str:
    return lossy_rendering(text, S)[1]


def _profile_rows(n: int) -> list[str]:
    parts = ["grid", "cell", "flow", "heat", "mesh", "wave", "body", "wind", "tide"]
    names = [f"{a}_{b}" for a in parts for b in parts if a != b][:n]
    return [f"{(n - k) * 9173:>9,} ({(n - k) * 0.031:5.2f}%)  src/engine/{name.split('_')[0]}.c:{name} [/srv/sim/bin/sim]"
            for k, name in enumerate(names)]


def test_a_total_line_is_a_summary_wherever_it_sits() -> None:
    # A profile prints its total over its rows, far from the last lines.
    lines = [
        "-" * 60,
        "Profile data file 'sim.prof' (creator: simprof-2.1)",
        "-" * 60,
        *[f"{key}:  {value}" for key, value in [("Events recorded", "Cycles"), ("Events shown", "Cycles"),
                                                ("Event sort order", "Cycles"), ("Thresholds", "99"),
                                                ("Include dirs", "src/engine"), ("User annotated", "main.c"),
                                                ("Auto-annotation", "on"), ("Timerange", "Basic block 0 - 9812221"),
                                                ("Trigger", "Program termination"), ("Profiled target", "./sim --steps 4000")]],
        "",
        "-" * 60,
        "Cycles",
        "-" * 60,
        "48,211,907 (100.0%)  PROGRAM TOTALS",
        "",
        "-" * 60,
        "Cycles            file:function",
        "-" * 60,
        *_profile_rows(70),
        "",
        *[f"  src/engine/{name}.c" for name in ("grid", "cell", "flow", "heat", "mesh", "wave", "body", "wind", "tide")],
        "",
        "913,226 (1.89%)  events annotated",
    ]
    out = _lossy("\n".join(lines) + "\n")
    assert "48,211,907 (100.0%)  PROGRAM TOTALS" in out


def test_a_name_holding_total_is_no_total_line() -> None:
    from headroom_mitm.compress.lines import LineIndex
    from headroom_mitm.compress.verdicts import keep_totals

    lines = ["ledger/book_01.py:16 in public function `total_12`:", "    int unused_total = 3;", "total 48", "Total: 12 files"]
    rank = [4] * len(lines)
    keep_totals(LineIndex("\n".join(lines)), rank)
    assert rank == [4, 4, 0, 0]
