#!/usr/bin/env python3
"""Capture round 75 of the compression corpus: third samples of round 73's kinds, captured blind. A regional electricity grid
warehouse (`gridline`, 87 models in layers, 200+ data tests, 4 sources, 2 snapshots, 5 seeds) is written here with
other mistakes put in (a broken upstream model whose 36 downstream models and their tests skip, duplicate customers,
meters without an install date, outage causes outside the accepted list, a stale and a missing source), run through dbt
with the duckdb adapter and through sqlglot.
Many command lines are typed as agents type them (`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`,
`| grep -E 'ERROR|FAIL|WARN'`).

No rule is new (NEEDLES.md's "Round 75", committed before this capture): every extractor is round 73's, imported
from capture_wide73_dbt.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide75.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide75.json  as {"version": 2, "items": [...]}, ids prefixed "wide75-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide75-"
DEFAULT_OUT = HERE / "data" / "wide75.json"
TMP = Path("/tmp/hm-corpus-wide75")
# round 73's venv (dbt-core~=1.9.0, dbt-duckdb~=1.9.0, sqlglot), reused; installed as round 73 does when missing
TOOLS = Path("/tmp/hm-corpus-wide73-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["dbt-core~=1.9.0", "dbt-duckdb~=1.9.0", "sqlglot"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    cm.install_venv(VENV, "dbt", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide75_dbt as dbt  # the spokes project through dbt and sqlglot
    return dbt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(5_000, 15_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide75", sys.modules["__main__"])
    main()
