#!/usr/bin/env python3
"""Capture round 78 of the compression corpus: R, OCaml and Erlang tools new to the corpus, from Debian packages,
run blind on small projects written here with mistakes put in on purpose: an apiary-statistics R package
(`hivestat`) through testthat's TAP / JUnit / summary / location reporters, lintr, roxygen2, `tools::checkRd`, covr,
`R CMD build`, an rlang error and `traceback()`; a ferry-timetable OCaml project (`ferry`) through dune build (type
errors, warnings as errors), alcotest and cram tests; a berth-allocation Erlang application (`berth`) through dialyzer
and common_test. About half the command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

Each new kind's needles follow NEEDLES.md's "Round 78" section, written and committed before capture. A piped command
is read by its kind's rule on the lines the pipe kept; an `EXIT=N` line the agent printed is a needle (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide78.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide78.json  as {"version": 2, "items": [...]}, ids prefixed "wide78-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide78-"
DEFAULT_OUT = HERE / "data" / "wide78.json"
TMP = Path("/tmp/hm-corpus-wide78")
TOOLS = Path("/tmp/hm-corpus-wide78-tools")

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap
EXIT_RE = re.compile(r"^EXIT=\d+$")


def exits(lines):
    """Round 9b's shell-status: the EXIT=N line the agent printed."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """R, OCaml and Erlang tools from Debian's packages, installed once."""
    cm.ensure_apt("Rscript", "r-base-core")
    for tool, pkgs in (("/usr/lib/R/site-library/lintr", "r-cran-testthat r-cran-lintr r-cran-roxygen2 r-cran-rlang r-cran-covr"),
                       ("dune", "ocaml-dune ocaml ocaml-findlib libalcotest-ocaml-dev"),
                       ("dialyzer", "erlang-dialyzer erlang-common-test erlang-tools erlang-eunit")):
        cm.ensure_apt(tool, "--no-install-recommends " + pkgs)


def steps() -> list:
    import capture_wide78_ml as ml  # OCaml (dune, alcotest, cram) and Erlang (dialyzer, common_test)
    import capture_wide78_r as r  # testthat reporters, lintr, roxygen2, checkRd, covr, R CMD build, rlang, traceback
    return r.STEPS + ml.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide78", sys.modules["__main__"])
    main()
