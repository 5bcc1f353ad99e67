#!/usr/bin/env python3
"""Capture round 217 of the compression corpus: statistics packages and data-wrangling command lines, in shapes new
to the corpus. Real runs of Debian's PSPP (`pspp` batch syntax: DESCRIPTIVES, FREQUENCIES, REGRESSION, syntax errors,
a missing variable), JAGS (`jags` scripts: models that fail to parse, compile or initialise, sampler runs) with R's
`coda` summarising its chains, gretl (`gretlcli -b`: OLS, an exactly collinear regressor, a singular system, an
undefined series), Miller (`mlr summary`, its DSL and CSV errors), GNU datamash's errors, R's `R CMD BATCH`
transcripts and `summary(glm(...))`, and statsmodels' GLM and mixed-model summaries and scipy.stats' tests from a venv,
on the data of a seeded dose-finding study (`dosewise`: sites, arms, doses, ages, weights, responses, events) with
outliers, missing values and a collinear column (`dose_ug`, the dose in micrograms) put in on purpose. About half the
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 217" section fixed before capture, applied by the extractors in
capture_wide217_cli.py and capture_wide217_r.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide217.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide217.json  as {"version": 2, "items": [...]}, ids prefixed "wide217-".
"""

from __future__ import annotations

import math
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide217-"
DEFAULT_OUT = HERE / "data" / "wide217.json"
TMP = Path(os.environ.get("HM_WIDE217_TMP", "/dev/shm/hm-corpus-wide217"))
VENV = Path(os.environ.get("HM_WIDE217_VENV", "/dev/shm/hm-corpus-wide217-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


# ------------------------------------------------------------------ the study's data (seeded)

SITES = [f"S{i:02d}" for i in range(1, 13)]
ARMS = {"placebo": 0.0, "low": 5.0, "high": 10.0}
COLUMNS = ["id", "site", "arm", "dose", "dose_ug", "age", "sex", "weight", "sbp", "resp", "event", "visits"]


def study(seed: int, n: int) -> list[dict]:
    """n patients: a dose-response with site effects; 5% of weights missing, a few outliers (a weight in pounds, a
    response keyed with a slipped decimal), a rare site (S99) on two rows, and dose_ug = dose * 1000 (collinear)."""
    rnd = random.Random(seed)
    site_eff = {s: rnd.gauss(0, 0.8) for s in SITES + ["S99"]}
    rows = []
    for i in range(n):
        site = "S99" if i in (n // 3, 2 * n // 3) else rnd.choice(SITES)
        arm = rnd.choice(list(ARMS))
        dose = round(ARMS[arm] + (rnd.uniform(-0.4, 0.4) if arm != "placebo" else 0.0), 2)
        age = rnd.randint(19, 84)
        sex = rnd.choice("FM")
        weight = round(rnd.gauss(74 if sex == "M" else 63, 9), 1)
        sbp = round(118 + 0.45 * (age - 50) + rnd.gauss(0, 11))
        resp = round(2.0 + 0.42 * dose + 0.015 * age - 0.01 * weight + site_eff[site] + rnd.gauss(0, 1.1), 2)
        lin = -2.2 + 0.25 * dose + 0.02 * (age - 50)
        event = 1 if rnd.random() < 1 / (1 + math.exp(-lin)) else 0
        visits = rnd.randint(1, 9)
        row = {"id": f"P{seed % 1000:03d}-{i:05d}", "site": site, "arm": arm, "dose": dose,
               "dose_ug": round(dose * 1000), "age": age, "sex": sex, "weight": weight, "sbp": sbp, "resp": resp,
               "event": event, "visits": visits}
        if rnd.random() < 0.05:
            row["weight"] = ""
        if rnd.random() < 0.02:
            row["resp"] = ""
        rows.append(row)
    rows[n // 5]["weight"] = 412.0  # kilograms keyed in pounds, and then some
    rows[n // 7]["resp"] = 48.7  # a slipped decimal
    rows[n // 2]["sbp"] = 19
    return rows


def to_csv(rows: list[dict], cols: list[str] = COLUMNS, sep: str = ",") -> str:
    return sep.join(cols) + "\n" + "".join(sep.join(str(r[c]) for c in cols) + "\n" for r in rows)


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), and a venv with statsmodels and scipy, installed once."""
    for tool, pkg in [("pspp", "pspp"), ("jags", "jags"), ("gretlcli", "gretl"), ("mlr", "miller"),
                      ("datamash", "datamash"), ("Rscript", "r-base-core")]:
        cm.ensure_apt(tool, pkg)
    if cm.run("Rscript -e 'library(coda)' >/dev/null 2>&1; echo $?").strip() != "0":
        cm.run("apt-get install -y --no-install-recommends r-cran-coda", timeout=600)
    cm.install_venv(VENV, "python", ["statsmodels", "scipy", "pandas"])
    if not (VENV / "lib").exists() or not list(VENV.glob("lib/python3*/site-packages/statsmodels")):
        cm.run(f"{VENV}/bin/pip install -q statsmodels scipy pandas", env=cm.PIP_ENV, timeout=900)


def steps() -> list:
    import capture_wide217_cli as cli  # PSPP, JAGS + coda, gretl, Miller, datamash
    import capture_wide217_r as rr  # R CMD BATCH, R's glm, statsmodels, scipy.stats
    return cli.STEPS + rr.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide217", sys.modules["__main__"])
    main()
