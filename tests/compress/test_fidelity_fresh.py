"""Fidelity rules found on fresh outputs made for this pass (issue #11): each test names the rule,
holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.columns import keep_column_titles
from headroom_mitm.compress.lines import LineIndex
from headroom_mitm.compress.select import MUST, NORMAL


def test_the_titles_over_a_rule_are_kept_where_no_table_is_read() -> None:
    # `dpkg -l | head -400`, read as a log (a name wider than its column breaks the alignment):
    # the titles over the "+++-===" rule name every column below; a digit-bearing line over
    # dashes (a count, a heading with a number) is no row of titles.
    titles = "||/ Name" + " " * 38 + "Version" + " " * 24 + "Architecture Description"
    rule = "+++-" + "=" * 41 + "-" + "=" * 30 + "-" + "=" * 12 + "-" + "=" * 40
    lines = ["Desired=Unknown/Install/Remove/Purge/Hold", titles, rule,
             *[f"ii  pkg-{k:<38}{k}.0-1{' ' * 26}all          package {k}" for k in range(40)],
             "Ran 40 checks in 2.1s", "-" * 40, "ok"]
    rank = [NORMAL] * len(lines)
    keep_column_titles(LineIndex("\n".join(lines)), rank)
    assert rank[1] == rank[2] == MUST
    assert rank[-3] == rank[-2] == NORMAL


def test_a_logged_warning_seen_twice_keeps_both_records() -> None:
    # A worker's real log (python logging; INFO lines thinned out): both rows of a rare logger's
    # warning stay, as a table's value of two rows does, though the second is neither the first
    # of its kind nor the slowest.
    from pathlib import Path

    from headroom_mitm.compress.engine import compress_text
    from headroom_mitm.compress.settings import CompressionSettings

    text = (Path(__file__).parent / "data" / "orders-worker.log").read_text()
    out = compress_text(text, "bash", CompressionSettings()).rendering.text
    assert out is not None and len(out) < len(text)
    slow = [x for x in text.split("\n") if "slow query" in x]
    assert len(slow) == 2
    assert [x for x in slow if x in out.split("\n")] == slow
