#!/usr/bin/env python3
"""Capture round 141 of the compression corpus: data-pipeline orchestrators run locally, shapes new to the corpus.
`maltworks`, a maltster's batch pipelines (grain intake, steeping, germination, kilning, lab QC), is written for each
orchestrator with faults put in on purpose: Apache Airflow (`airflow dags test` of a DAG of dozens of tasks with a
failing task and its retry, `airflow tasks test`, `airflow dags list-import-errors`, `airflow dags list` as a table
and as JSON, a task's log file), Dagster (`dagster job execute -f` with a failed op and its event log, `dagster asset
materialize`, `dagster definitions validate`), Prefect (local flow runs with failed tasks and retries, `prefect
flow-run ls` against its local sqlite server), Kedro (`kedro run` of a project of its own with a failing node,
`kedro registry list`, `kedro catalog …`) and Great Expectations (validation results with failed expectations, as
JSON, `describe()` and a checkpoint's result). Every tool is a venv of its own from PyPI; nothing leaves loopback.

Every kind is new (NEEDLES.md's "Round 141"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide141.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide141.json  as {"version": 2, "items": [...]}, ids prefixed "wide141-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide141-"
DEFAULT_OUT = HERE / "data" / "wide141.json"
TMP = Path(os.environ.get("HM_WIDE141_TMP", "/tmp/hm-corpus-wide141"))
TOOLS = Path(os.environ.get("HM_WIDE141_TOOLS", "/tmp/hm-corpus-wide141-tools"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# one venv per orchestrator: (its name under TOOLS, the marker in its bin/, the packages)
VENVS = {
    "airflow": ("airflow", ["apache-airflow==2.10.5"]),
    "dagster": ("dagster", ["dagster"]),
    "prefect": ("prefect", ["prefect>=3"]),
    "kedro": ("kedro", ["kedro", "kedro-datasets", "pandas"]),
    "gx": ("python", ["great_expectations>=1", "pandas"]),
}
# telemetry and update checks off: nothing but loopback
QUIET = {"KEDRO_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "1", "DAGSTER_DISABLE_TELEMETRY": "1",
         "GX_ANALYTICS_ENABLED": "False", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
         "SCARF_ANALYTICS": "false", "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}


def venv_env(name: str, extra: dict | None = None) -> dict:
    """The environment a command of `name`'s venv runs in: its bin first on PATH."""
    e = dict(QUIET)
    e["PATH"] = os.pathsep.join([str(TOOLS / name / "bin"), *cm.PATH_PREFIX, os.environ.get("PATH", "")])
    e["VIRTUAL_ENV"] = str(TOOLS / name)
    e.update(extra or {})
    return e


def ensure_tools() -> None:
    """Each orchestrator from PyPI in a venv of its own."""
    for name, (marker, pkgs) in VENVS.items():
        cm.install_venv(TOOLS / name, marker, pkgs, timeout=1800)


# ------------------------------------------------------------------ shared rules

EXIT = re.compile(r"^EXIT=\d+$")
FILE_LINE = re.compile(r'^\s*File "[^"]+", line \d+')
RICH_LOC = re.compile(r"^│ (\S+\.py:\d+|in \S+:\d+)")  # a frame of rich's box (its path may wrap onto the next row)


def exit_lines(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def tracebacks(lines):
    """Each traceback's exception line and innermost File line: plain (`Traceback (most recent call last):` then the
    exception line after its indented frames), Dagster's (`Stack Trace:` under the error line it belongs to) and
    rich's (a box of `path.py:N in fn` frames, the exception line under it)."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("Traceback (most recent call last)") and "─" not in s:
            indent = len(ln) - len(ln.lstrip())
            last_file, j = None, i + 1
            while j < len(lines):
                t = lines[j]
                if FILE_LINE.match(t):
                    last_file = t
                elif t.strip() and len(t) - len(t.lstrip()) <= indent and not t.strip().startswith(("^", "~")):
                    break
                j += 1
            out += [last_file] + ([lines[j]] if j < len(lines) else [])
        elif s == "Stack Trace:":
            k = i - 1
            while k >= 0 and not lines[k].strip():
                k -= 1
            last_file, j = None, i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" ")):
                if FILE_LINE.match(lines[j]):
                    last_file = lines[j]
                j += 1
            out += [last_file] + ([lines[k]] if k >= 0 else [])
        elif s.startswith("╭") and "Traceback" in s:
            last_loc, j = None, i + 1
            while j < len(lines) and not lines[j].lstrip().startswith("╰"):
                if RICH_LOC.match(lines[j].strip()):
                    last_loc = lines[j]
                j += 1
            j += 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            out += [last_loc] + ([lines[j]] if j < len(lines) else [])
    return [x for x in out if x]


def steps() -> list:
    import capture_wide141_air as air  # Airflow
    import capture_wide141_dag as dag  # Dagster, Prefect
    import capture_wide141_ked as ked  # Kedro, Great Expectations
    return air.STEPS + dag.STEPS + ked.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide141", sys.modules["__main__"])
    main()
