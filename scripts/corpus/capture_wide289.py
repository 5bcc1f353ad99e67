"""Capture round 289 of the compression corpus (issue #11's kinds on real projects as Gemini CLI's tools hand them
over, a first round): TWO headless runs of the real Gemini CLI (`.tools/bin/gemini --yolo -p`, its run_shell_command,
read_file, grep_search and glob tools), each over its own material, driven by the project's model stub through the
launcher as tests/e2e/test_agents.py drives Gemini CLI (launched with --no-compress: the stub records each tool result
as the agent wrote it). The material: natsort's sdist with bugs put in (pytest, ruff, mypy --strict, a chained
traceback, a git history built from its sources), a C project (`gudgeon`), a JavaScript project (`pintle`: a
generated node --test suite, eslint, tsc) and a Rust crate (`tumblehome`) written here, a shell script with faults,
listings, process tables, a CSV and a sqlite table of this machine's documentation files, npm view --json, two
application logs, marshmallow's and glom's installed sources read and searched.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 289: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide289.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide289.json  as {"version": 2, "items": [...]}, ids prefixed "wide289-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide289-"
DEFAULT_OUT = HERE / "data" / "wide289.json"
TMP = Path("/dev/shm/hm-corpus-wide289")
TOOLS = Path("/dev/shm/hm-corpus-wide289-tools")
# natsort's tests need hypothesis and pytest-mock; marshmallow's and glom's installed sources are read and searched
PY_TOOLS = ["pytest", "ruff", "mypy", "marshmallow", "glom", "hypothesis", "pytest-mock"]
PY_SDISTS = ["natsort==8.4.0"]
NPM_PKGS = ["eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "natsort-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide289_mat as mat  # the trees both runs work in
    import capture_wide289_items as items  # the two Gemini CLI runs
    w9b.TMP = TMP  # capture_wide191 (its generators and chain rule, imported) sets its own
    return [TOOLSET.unpack] + mat.STEPS + items.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide289", sys.modules["__main__"])
    main()
