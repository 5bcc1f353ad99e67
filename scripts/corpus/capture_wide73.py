#!/usr/bin/env python3
"""Capture round 73 of the compression corpus: data-engineering tools new to the corpus, captured blind. A harbour's
fish-landing warehouse (`tidepool`) is written here: seeded CSV seeds, a DuckDB warehouse, dbt models with mistakes
put in (a failing test, a broken ref, a type mismatch, a duplicate key, a schema drift), run through dbt with the
duckdb adapter (debug, seed, run, test, build, compile, parse, ls, show, docs generate, source freshness, snapshot,
the JSON log) and through sqlglot (parse errors, a transpile over the compiled models). Many command lines are typed
as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -E 'ERROR|FAIL'`).

The new kinds' rules are NEEDLES.md's "Round 73", written and committed before this capture; the extractors are
written here (capture_wide73_dbt.py). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide73.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide73.json  as {"version": 2, "items": [...]}, ids prefixed "wide73-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide73-"
DEFAULT_OUT = HERE / "data" / "wide73.json"
TMP = Path("/tmp/hm-corpus-wide73")
TOOLS = Path("/tmp/hm-corpus-wide73-tools")
VENV = TOOLS / "venv"
# dbt-core 1.10+ builds a parser wheel fetched from GitHub at install time (no internet here): 1.9 installs offline
PY_TOOLS = ["dbt-core~=1.9.0", "dbt-duckdb~=1.9.0", "sqlglot"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of dbt (duckdb adapter) and sqlglot, installed once."""
    cm.install_venv(VENV, "dbt", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide73_dbt as dbt  # the tidepool project through dbt and sqlglot
    return dbt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide73", sys.modules["__main__"])
    main()
