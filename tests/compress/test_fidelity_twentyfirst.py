"""Fidelity rules of issue #11's twenty-first pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import corpus_text, sent

RULE = "=" * 78
THIN = "-" * 78


def _model_summaries(sites: int) -> str:
    out = []
    for s in range(sites):
        out += [
            f"== site S{s:02d} n = {150 + s}",
            ("/venv/lib/python3.11/site-packages/statsmodels/genmod/generalized_linear_model.py:1486: "
             "SingularMatrixWarning: The design matrix is rank-deficient."),
            "  wls_results = wls_model.fit(method=wls_method2)",
            "                 Generalized Linear Model Regression Results",
            RULE,
            f"Dep. Variable:                  event   No. Observations:                  {150 + s}",
            f"Method:                          IRLS   Log-Likelihood:                -{80 + s * 0.37:.3f}",
            f"No. Iterations:                     {4 + s % 3}   Deviance:                       {160 + s * 1.9:.2f}",
            RULE,
            "                  coef    std err          z      P>|z|      [0.025      0.975]",
            THIN,
            f"Intercept      -{3 + s / 50:.4f}      0.725     -4.453      0.000      -4.647      -1.806",
            f"dose         {2 + s / 40:.3f}e-07   4.87e-08      4.633      0.000     1.3e-07    3.21e-07",
            f"age             0.0{200 + s * 7}      0.010      2.332      0.020       0.004       0.044",
            RULE,
        ]
    return "\n".join(out) + "\n"


def test_a_short_box_of_rows_drawn_between_rules_stays_whole() -> None:
    # A model summary per group: its fit statistics and coefficients, each boxed by rules.
    text = _model_summaries(40)
    kept = sent(text)
    for line in text.splitlines():
        if line.startswith(("Intercept", "dose ", "age ", "Method:", "Dep. Variable:", "No. Iterations:")):
            assert line in kept, line


def test_a_table_boxed_with_corners_stays_whole() -> None:
    # PSPP's descriptive statistics, one boxed table per group of a SPLIT FILE.
    text = corpus_text("wide217", "wide217-pspp-desc-sites")
    kept = sent(text)
    rows = [x for x in text.splitlines() if x.startswith(("|dose ", "|age ", "|sbp ", "|resp "))]
    assert len(rows) > 10
    for line in rows:
        assert line in kept, line


def test_a_progress_bar_between_rules_is_no_box() -> None:
    from headroom_mitm.compress.boxes import _row

    assert not _row("   1%   3%   5%   7%   9%  11%  13%  15%  17%  19%  21%  23%")
    assert not _row("Breaking polygons (pass 2: break at selected points)...")
    assert _row("Intercept      -3.2270      0.725     -4.453      0.000")
    assert _row("|dose      |317|  4.74| .23| 4.10|")


def test_a_damaged_or_corrupt_structure_is_a_failure() -> None:
    assert severity("Superblock checksum does not match, the filesystem is corrupt") == FAIL
    assert severity("btrfs: tree block 30408704 is corrupted") == FAIL
    assert severity("header of segment 4 is damaged, skipping") == FAIL
    assert severity("Inode 12, i_blocks is 16, should be 8.  Fix? no") is None
