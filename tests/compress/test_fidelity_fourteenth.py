"""Fidelity rules of issue #11's fourteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from tests.compress.support import corpus_text, cut


def test_a_bracketed_rule_at_any_level_is_a_finding() -> None:
    # rustc's reporters (here zizmor over two workflows) name the rule in brackets at every level:
    # an info or help finding over its " --> place" is one of its (rule, file) kind like a
    # warning, not a line among the excerpts of the errors around it.
    out = cut(corpus_text("wide64", "wide64-zizmor-offline-pedantic-all")).split("\n")
    for line in ("info[anonymous-definition]: workflow or action definition without a name",
                 "help[concurrency-limits]: insufficient job-level concurrency limits",
                 "help[undocumented-permissions]: permissions without explanatory comments"):
        assert line in out
