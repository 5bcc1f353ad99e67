#!/usr/bin/env python3
"""Capture round 302 of the compression corpus: data-science and machine-learning outputs as an agent sees them
from its shell, fifteen kinds new to the corpus (NEEDLES.md, "Round 302"): scikit-learn's verbose logs (MLP, gradient
boosting, histogram gradient boosting, SGD, t-SNE, k-means), joblib's Parallel log, numpy's RuntimeWarnings, a
hand-written numpy training loop's epoch log going NaN, pandas reading broken CSVs, crosstabs, correlation matrices,
missing-value counts, and statsmodels' ANOVA tables, Tukey HSD tables and VAR summaries. The material is the round's
own seeded data (a bike-sharing fleet, a clinical-lab panel, a wind farm) fitted by short scripts the round writes,
with faults put in (broken CSV rows, a Latin-1 file, mixed types, a constant and a collinear column, missing values,
unscaled features, diverging learning rates, too few iterations, a raising worker, a formula naming a missing column).
The extractors live in capture_wide302_ds.py beside the steps. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide302.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide302.json  as {"version": 2, "items": [...]}, ids prefixed "wide302-".
Tools:   a venv of numpy, pandas, scikit-learn, scipy and statsmodels from PyPI, made once under /dev/shm.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide302-"
DEFAULT_OUT = HERE / "data" / "wide302.json"
TMP = Path(os.environ.get("HM_WIDE302_TMP", "/dev/shm/hm-corpus-wide302"))
VENV = Path(os.environ.get("HM_WIDE302_VENV", "/dev/shm/hm-corpus-wide302-venv"))
PY_TOOLS = ["numpy", "pandas", "scikit-learn", "scipy", "statsmodels"]


def ensure_tools() -> None:
    """The round's venv (numpy, pandas, scikit-learn, scipy, statsmodels), first on PATH; one thread per BLAS."""
    cm.install_venv(VENV, "python", PY_TOOLS)
    if not list(VENV.glob("lib/python3*/site-packages/statsmodels")):
        cm.run(f"{VENV}/bin/pip install -q " + " ".join(PY_TOOLS), env=cm.PIP_ENV, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                        "PYTHONUNBUFFERED": "1"})


def steps() -> list:
    import capture_wide302_ds as ds
    return ds.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide302", sys.modules["__main__"])
    main()
