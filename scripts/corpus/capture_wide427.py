"""Capture round 427 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, a twenty-fifth round, a lime works' names: kilns, slakers, hydrators): ONE headless run of the real
Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the launcher as
round 411 drives them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: jsonmerge's and jsonlines' sdists with bugs put in (pytest, ruff, mypy --strict, a chained traceback,
git histories built from their sources), round 290's JavaScript project renamed `limewash`, a C project (`slakehouse`)
and a Rust crate (`chalkpit`) from round 191's generators, a Go module (`hydrator`) from round 273's, listings,
process tables, a CSV and a sqlite table of this machine's documentation files, npm view --json and two application
logs.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 427: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide427.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide427.json  as {"version": 2, "items": [...]}, ids prefixed "wide427-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide427-"
DEFAULT_OUT = HERE / "data" / "wide427.json"
TMP = Path("/dev/shm/hm-corpus-wide427")
TOOLS = Path("/dev/shm/hm-corpus-wide427-tools")
# Claude Code's Read / Grep / Glob calls read hupper's installed sources; Codex's tree / grep / sed read hvac's;
# jsonmerge and jsonlines run from their checkouts (PYTHONPATH=.), jsonschema and attrs are their dependencies
PY_TOOLS = ["pytest", "ruff", "mypy", "jsonschema", "attrs", "hupper", "hvac"]
PY_SDISTS = ["jsonmerge==1.9.2", "jsonlines==4.0.0"]
NPM_PKGS = ["eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "jsonlines-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide427_mat as mat  # the trees both agents work in
    import capture_wide427_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide427", sys.modules["__main__"])
    main()
