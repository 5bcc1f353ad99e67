"""Capture round 276 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, a ninth round): ONE headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep
and Glob tools) over packages and projects whose names start with a-m, and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool) over ones whose names start with n-z, both driven by the
project's model stub through the launcher as tests/e2e/test_agents.py drives them (launched with --no-compress: the
stub records each tool result as the agent wrote it). The material: inflection's and texttable's sdists with bugs put in
(pytest, ruff, mypy --strict, a chained traceback, git histories built from their sources), a JavaScript project
written here with bugs put in (a generated node --test suite, eslint, tsc), a C project and a Rust crate written here,
listings, process tables, a CSV and a sqlite table of this machine's documentation files, npm view --json and two
application logs.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 276: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide276.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide276.json  as {"version": 2, "items": [...]}, ids prefixed "wide276-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide276-"
DEFAULT_OUT = HERE / "data" / "wide276.json"
TMP = Path("/dev/shm/hm-corpus-wide276")
TOOLS = Path("/dev/shm/hm-corpus-wide276-tools")
# Claude Code's Read / Grep / Glob calls read boltons' installed sources, Codex's tree / grep / sed sortedcontainers'
# and wcwidth's
PY_TOOLS = ["pytest", "ruff", "mypy", "boltons", "sortedcontainers", "wcwidth"]
PY_SDISTS = ["inflection==0.5.1", "texttable==1.7.2"]
NPM_PKGS = ["eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "texttable-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide276_mat as mat  # the trees both agents work in
    import capture_wide276_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # capture_wide191 (its generators and chain rule, imported) sets its own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide276", sys.modules["__main__"])
    main()
