"""Capture round 662 of the compression corpus (issue #11's kinds handed over by Gemini CLI, after rounds 632, 644
and 652, on new material): TWO headless runs of the real Gemini CLI (`.tools/bin/gemini --yolo -p`, its
run_shell_command, read_file, grep_search and glob tools) through round 289's driver, imported
(capture_wide289_gemini.drive). The material, in a sieve maker's words: pytweening's and bigtree's sdists with bugs
put in, run through their own tests (pytest, ruff, mypy --strict, a chained traceback, a git history built from
bigtree's sources), a C project (`hoopbench`) and a Rust crate (`meshjig`) on round 191's generators, a Go
module (`sievetally`: round 273's) and round 273's deploy scripts (`riddleframe`, shellcheck), listings, process
tables, a CSV and a sqlite table of the round's own venv's site-packages files, npm view --json, pip inspect, two
application logs, valgrind's packagers' readme page served on loopback, two manual pages, the installed sources read and
searched. Round 652's scripts are the shape.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 662: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide662.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide662.json  as {"version": 2, "items": [...]}, ids prefixed "wide662-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide662-"
DEFAULT_OUT = HERE / "data" / "wide662.json"
TMP = Path("/dev/shm/hm-corpus-wide662")
TOOLS = Path("/dev/shm/hm-corpus-wide662-tools")
# the round's own venv (pip inspect reads it; its site-packages is the CSV's and sqlite's table); pytweening's
# and bigtree's installed sources are read, searched and listed
# bigtree's tests/conftest.py needs pytest-benchmark's hook; its node and binarytree tests import pandas, polars and
# matplotlib (run 1 met the first, a probe the rest: added before run 2)
PY_TOOLS = ["pytest", "ruff", "mypy", "pytweening==1.2.0", "bigtree==1.5.3", "pytest-benchmark==5.3.1",
            "pandas==3.1.1", "polars==2.1.0", "matplotlib==3.11.2"]
PY_SDISTS = ["pytweening==1.2.0", "bigtree==1.5.3"]
VENV, SRC = TOOLS / "venv", TOOLS / "src"
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.download_sdists(SRC, "bigtree-*.tar.gz", PY_SDISTS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide662_mat as mat  # the trees both runs work in
    import capture_wide662_items as items  # the two Gemini CLI runs
    w9b.TMP = TMP  # capture_wide191 (its generators, imported) sets its own
    return [unpack] + mat.STEPS + items.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide662", sys.modules["__main__"])
    main()
