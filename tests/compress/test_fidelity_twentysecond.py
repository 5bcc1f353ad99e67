"""Fidelity rules of issue #11's twenty-second pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from collections.abc import Callable

from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import corpus_text, sent


def test_a_table_of_numbers_in_fortran_notation_keeps_each_columns_extremes() -> None:
    # CalculiX's .dat: stresses per element and integration point, printed as 1.234567E+02 (an
    # upper-case exponent, as Fortran writes it); the greatest sxx (element 37) is what is asked.
    out = [" stresses (elem, integ.pnt.,sxx,syy,szz,sxy,sxz,syz) for set EALL and time  0.1000000E+01", ""]
    for e in range(1, 61):
        for p in range(1, 9):
            sxx = (e * 7 + p * 3) % 50 + (900 if (e, p) == (37, 5) else 0)
            out.append(f"{e:10d}{p:4d} {sxx:13.6E} {e - p:13.6E} {p * 1.5:13.6E} {0.0:13.6E} {e / 9:13.6E} {-p / 7:13.6E}")
    text = "\n".join(out) + "\n"
    peak = next(line for line in out if line.startswith(f"{37:10d}{5:4d} "))
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert peak in kept



def test_a_quantity_reported_each_step_keeps_where_it_started_and_ended() -> None:
    # pw.x's SCF: each iteration's step line, cpu time, total energy and accuracy between its notes.
    text = corpus_text("wide243", "wide243-pw-scf-si")
    lines = text.split("\n")
    energies = [line for line in lines if line.startswith("     total energy ")]
    steps = [line for line in lines if "iteration #" in line]
    kept = sent(text)
    assert len(kept) < len(text) / 2
    for line in (energies[0], energies[-1], steps[0], steps[-1]):
        assert line in kept, line
    assert energies[2] not in kept  # the steps between are the run's progress, not its result


def test_an_iterative_runs_verdict_stays_and_a_run_that_did_not_converge_failed() -> None:
    assert "convergence has been achieved in   6 iterations" in sent(corpus_text("wide243", "wide243-pw-scf-si"))
    for line in ("     convergence NOT achieved after  12 iterations: stopping", "SCF did not converge in 50 steps",
                 "No convergence after 100 iterations"):
        assert severity(line) == FAIL, line
    assert severity("SCF converged in 11 steps") is None


def test_a_one_off_total_stays_among_totals_printed_each_step() -> None:
    # Past the count of a few totals, a total printed at every step is the run's progress: the
    # one-off totals of its end are still its summary.
    assert "Total force =     0.095978     Total SCF correction =     0.000019" in sent(
        corpus_text("wide243", "wide243-pw-scf-si"))


def _all_kept_of_a_cut(source: str, item: str, picked: Callable[[str], bool]) -> None:
    text = corpus_text(source, item)
    lines = [line.rstrip() for line in text.split("\n") if picked(line)]
    kept = sent(text)
    assert len(kept) < len(text) / 2 and len(lines) > 20
    for line in lines:
        assert line in kept, line


def test_a_ranked_table_named_in_its_last_column_under_column_rules_stays_whole() -> None:
    # HMMER's hits per query: numbers first, the target's name last, the header over a rule drawn
    # under each column apart; a few rows, each a fact asked about by name.
    _all_kept_of_a_cut("wide245", "wide245-hmmsearch-report-full", lambda line: line.endswith("  ") and "_hit" in line)


def test_a_row_marked_after_its_first_field_stays_among_rows_that_are_not() -> None:
    # fls -r -p: a deleted file is "r/r * 45:" among "r/r 44:" rows.
    _all_kept_of_a_cut("wide250", "wide250-fls-ext", lambda line: line.startswith("r/r * "))


def test_a_picture_drawn_in_box_characters_is_never_cut() -> None:
    # A circuit drawing: wires and gates on every line, what the model asked to see.
    text = corpus_text("wide254", "wide254-qiskit-draw-random-head")
    kept = sent(text)
    assert all(line.rstrip() in kept for line in text.split("\n"))


def test_a_table_drawn_in_box_characters_is_no_picture() -> None:
    from headroom_mitm.compress.drawings import looks_like_drawing

    rule = "├" + "─" * 20 + "┼" + "─" * 12 + "┤"
    rows = [f"│ package-{k:03d}{' ' * 8}│ MIT{' ' * 8}│" for k in range(40)]
    table = "\n".join(["┌" + "─" * 20 + "┬" + "─" * 12 + "┐", "│ Name" + " " * 16 + "│ License    │", rule, *rows,
                       "└" + "─" * 20 + "┴" + "─" * 12 + "┘"])
    assert not looks_like_drawing(table)
    assert looks_like_drawing(corpus_text("wide254", "wide254-cirq-diagram-random7"))


def test_each_table_of_counted_steps_keeps_its_first_and_last_row() -> None:
    # CP2K's geometry optimisation: an SCF table per geometry step, rows counting 1, 2, 3 …
    text = corpus_text("wide243", "wide243-cp2k-geo-opt-h2o")
    lines = text.split("\n")
    firsts = [i for i, line in enumerate(lines) if line.startswith("     1 P_Mix/Diag.")]
    assert len(firsts) >= 3
    kept = sent(text)
    assert len(kept) < len(text) / 2
    for i in firsts:
        k = i
        while lines[k + 1][:7].strip().isdigit():
            k += 1
        assert lines[i] in kept and lines[k] in kept, (lines[i], lines[k])
