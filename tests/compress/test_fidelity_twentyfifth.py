"""Fidelity rules of issue #11's twenty-fifth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.coverage import keep_unrun_lines
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.select import CONTEXT, MUST, NORMAL
from tests.compress.support import corpus_text, sent


def test_erlang_covers_never_run_lines_count_as_unrun() -> None:
    # cover:analyse_to_file writes each source line under its count and "..|": "     0..|" is a line
    # never run, as llvm-cov's "|      0|" and gcov's "#####:" are.
    lines = ["File generated from /srv/bells/src/tower.erl by COVER 2026-12-02 at 16:11:12", "",
             "*" * 76, "", "        |  -module(tower).", "        |  -export([peal/1])."]
    lines += [f"     {k % 4 + 1}..|      X{k} = peal_step({k})," for k in range(40)]
    lines[20] = "     0..|      erlang:error(cracked_bell),"
    lines[21] = "     0..|      unreachable,"
    rank = [NORMAL] * len(lines)
    keep_unrun_lines(LineIndex("\n".join(lines)), rank)
    assert rank[20] == MUST and rank[21] == CONTEXT and rank.count(NORMAL) == len(lines) - 2



def test_a_level_written_as_syslogs_number_reports_errors_and_warnings() -> None:
    # stunnel: "LOG7[ui]: …" is its traffic, "LOG3[0]: No more addresses to connect" an error and
    # "LOG4[ui]: Insecure file permissions on …" a warning, though no word of theirs says so.
    text = corpus_text("wide333", "wide333-stunnel-good")
    wanted = [line for line in text.split("\n") if "LOG3[" in line or "LOG4[" in line]
    kept = sent(text)
    assert len(wanted) >= 8 and all(line in kept for line in wanted)
    assert len(kept) < len(text) / 4
