"""Fidelity rules of issue #11's twenty-first pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import math

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
    from headroom_mitm.compress.boxes import _row  # here: the other tests run on an engine without boxes.py

    assert not _row("   1%   3%   5%   7%   9%  11%  13%  15%  17%  19%  21%  23%")
    assert not _row("Breaking polygons (pass 2: break at selected points)...")
    assert _row("Intercept      -3.2270      0.725     -4.453      0.000")
    assert _row("|dose      |317|  4.74| .23| 4.10|")


def test_a_damaged_or_corrupt_structure_is_a_failure() -> None:
    assert severity("Superblock checksum does not match, the filesystem is corrupt") == FAIL
    assert severity("btrfs: tree block 30408704 is corrupted") == FAIL
    assert severity("header of segment 4 is damaged, skipping") == FAIL
    assert severity("Pass 1: Checking inodes, blocks, and sizes") is None


def test_what_a_checker_without_leave_to_write_would_repair_is_a_failure() -> None:
    assert severity("bad CRC for inode 132, would rewrite") == FAIL
    assert severity("would have cleared inode 137") == FAIL
    assert severity("imap claims in-use inode 262273 is free, would correct imap") == FAIL
    assert severity("This would fix the flaky test, says the commit") is None
    assert severity("would reformat src/app.py") is None  # black's list of files it would change


def _coefficients(sites: int) -> str:
    out = []
    for s in range(sites):
        out += [
            f"== site S{s:02d}", "", "Call:", "glm(formula = event ~ dose + age, family = binomial, data = d)", "",
            "Deviance Residuals: ", "    Min       1Q   Median       3Q      Max  ",
            f"-1.{5100 + s}  -0.9642  -0.5775   1.1040   1.9680  ", "",
            "Coefficients:",
            "            Estimate Std. Error z value Pr(>|z|)   ",
            f"(Intercept) -{3 + s / 40:.5f}    2.18454  -1.804  0.07116 . ",
            f"dose         0.{20209 + s * 37}    0.06202   3.258  0.00112 **",
            f"age          0.0{1370 + s * 11}    0.01347   1.017  0.30895   ",
            "---",
            "Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1",
            "",
            "(Dispersion parameter for binomial family taken to be 1)",
            "",
            f"    Null deviance: {121 + s}.14  on 89  degrees of freedom",
            "Number of Fisher Scoring iterations: 4",
            "",
        ]
    return "\n".join(out)


def test_a_short_table_of_measures_under_its_header_stays_whole() -> None:
    # R's summary of a model fitted per group: each model's coefficients are what is asked about.
    text = _coefficients(40)
    kept = sent(text)
    assert len(kept) < len(text)
    for line in text.splitlines():
        if line.startswith(("(Intercept)", "dose ", "age ")):
            assert line.rstrip() in kept, line


def test_a_short_table_of_measures_under_a_rule_under_its_header_stays_whole() -> None:
    # gretl: each model's coefficients under "coefficient  std. error …" and a rule.
    out = []
    for m in range(30):
        out += [f"? open trial_{m}.csv --quiet", f"Read datafile /data/trials/trial_{m}.csv",
                f"periodicity: 1, maxobs: 1100", "observations range: 1 to 1100", "",
                "Listing 9 variables:", "  0) const      1) plot       2) block      3) variety    4) nrate",
                "  5) rain       6) height     7) grain      8) disease", ""]
        out += [f"? series lag{k}_{m} = grain(-{k})  # Generated series lag{k}_{m} (ID {10 + k})" for k in range(24)]
        out += [f"? ols grain const nrate rain  # fit {m}", "", f"Model {m + 1}: OLS, using observations 1-1100 (n = {1000 + m})",
                "Dependent variable: grain", "",
                "             coefficient    std. error    t-ratio   p-value",
                "  ----------------------------------------------------------",
                f"  const       3.{11251 + m * 7}       0.371675       8.374    1.78e-16 ***",
                f"  nrate       0.0{155323 + m * 31}     0.00125493    12.38     6.32e-33 ***",
                f"  rain        0.00{227438 + m}    0.000416037    5.467    5.73e-08 ***", "",
                f"Mean dependent var   3.{490 + m}   S.D. dependent var   1.234",
                f"Sum squared resid    {1400 + m}.55   S.E. of regression   1.15", ""]
    text = "\n".join(out)
    kept = sent(text)
    assert len(kept) < len(text)
    for line in text.splitlines():
        if line.startswith(("  const ", "  nrate ", "  rain ")):
            assert line in kept, line


def test_a_request_refused_is_a_failure() -> None:
    assert severity("Received Access-Reject Id 138 from 127.0.0.1:21812 to 127.0.0.1:38374 length 20") == FAIL
    assert severity("(8) Sent Access-Reject Id 199 from 127.0.0.1:21812 to 127.0.0.1:53680 length 20") == FAIL
    assert severity("Received Access-Accept Id 12 from 127.0.0.1:21812 to 127.0.0.1:38374 length 20") is None


def test_a_value_out_of_range_is_a_failure() -> None:
    assert severity("\t number of samples out of range:     8140     8140") == FAIL
    assert severity("panic: runtime error: index out of range [5] with length 3") == FAIL
    assert severity("B  0.000 ..  0.500 T  0.500 TT  0.500 M:  0.00000  0.00000") is None


def test_the_title_of_each_section_of_a_listing_stays() -> None:
    # isoinfo -l and mdir -/: one section per directory, each titled by the directory it lists.
    for item, title in (("wide216-isoinfo-l", "Directory listing of "), ("wide216-mdir-all", "Directory for ")):
        text = corpus_text("wide216", item)
        kept = sent(text)
        assert len(kept) < len(text)
        titles = [x for x in text.splitlines() if x.startswith(title)]
        assert len(titles) > 20
        for line in titles:
            assert line.rstrip() in kept, line


def test_a_message_placed_by_a_quoted_file_and_its_line_is_a_diagnostic_under_its_loop_header() -> None:
    # gnuplot over each script of a directory: its plots drawn in text, and `"x.gp" line 6: undefined
    # variable: …` (no level word) where a script failed, under the header the loop echoed.
    text = corpus_text("wide226", "wide226-gnuplot-plots-loop")
    kept = sent(text)
    assert len(kept) < len(text) / 2
    placed = [x for x in text.splitlines() if x.startswith('"plots/') and '.gp" line ' in x]
    heads = [x for x in text.splitlines() if x.startswith("== plots/")]
    assert len(placed) >= 8 and len(heads) >= 8
    for line in placed + heads:
        assert line.rstrip() in kept, line


def test_each_record_of_a_report_per_file_keeps_the_fields_that_measure_it() -> None:
    # ogginfo over an archive: per file, the codec's settings (the same for all) and its own
    # length, duration and bitrate (what a question about one file asks for).
    out = []
    for f in range(24):
        out += [f'Processing file "ogg/{f:02d}-track.ogg"...', "", f"New logical stream (#1, serial: {f * 7919:08x}): type vorbis",
                "Vorbis headers parsed for stream 1, information follows...", "Version: 0",
                "Vendor: Xiph.Org libVorbis I 20200704 (Reducing Environment)", "Channels: 2", "Rate: 44100", "",
                "Nominal bitrate: 112.000000 kb/s", "Upper bitrate not set", "Lower bitrate not set", "Vorbis stream 1:",
                f"\tTotal data length: {12000 + f * 1733} bytes", f"\tPlayback length: 0m:0{1 + f % 9}.{100 + f * 7}s",
                f"\tAverage bitrate: {70 + f * 0.37:.6f} kb/s", "Logical stream 1 ended"]
    text = "\n".join(out) + "\n"
    kept = sent(text)
    assert len(kept) < len(text)
    for line in text.splitlines():
        if line.startswith(("\tTotal data length", "\tPlayback length", "\tAverage bitrate")):
            assert line in kept, line


def test_a_long_table_of_numbers_among_other_lines_keeps_each_columns_extremes() -> None:
    # ngspice -b: a transient run's values, paged under a repeated header; the peak of v(out) is
    # what is asked (here at row 137, and its trough at row 412).
    out = ["Note: vs: dc value used for op instead of transient time=0 value.", "", "No. of Data Rows : 600"]
    for k in range(600):
        if k % 55 == 0:
            out += ["", "               op-amp stage", "               Transient Analysis  Wed Dec  2 05:53:05  2026",
                    "-" * 70, "Index   time            v(src)          v(out)", "-" * 70]
        v = math.sin(k / 87.5) * (1.1 if k != 137 else 1.9) * (1 if k != 412 else 1.6)
        out.append(f"{k}\t{k * 5e-6:.6e}\t{v / 11:.6e}\t{v:.6e}\t")
    text = "\n".join(out) + "\n"
    kept = sent(text)
    assert len(kept) < len(text) / 2
    assert f"137\t{137 * 5e-6:.6e}\t" in kept and f"412\t{412 * 5e-6:.6e}\t" in kept
