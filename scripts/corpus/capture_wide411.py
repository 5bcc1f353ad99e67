"""Capture round 411 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, a twenty-fourth round, a windmill's names: sails, millstones, sack hoists): ONE headless run of the
real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the launcher as
rounds 382 and 397 drive them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: flatten-dict's and environs' sdists with bugs put in (pytest, ruff, mypy --strict, a chained traceback,
git histories built from their sources), round 290's JavaScript project renamed `sackhoist` (a generated node --test
suite, eslint, tsc), a C project (`tailpole`) and a Rust crate (`brakewheel`) from round 191's generators, a Go module
(`windshaft`) from round 273's, listings, process tables, a CSV and a sqlite table of this machine's documentation
files, npm view --json and two application logs.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 411: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide411.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide411.json  as {"version": 2, "items": [...]}, ids prefixed "wide411-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide411-"
DEFAULT_OUT = HERE / "data" / "wide411.json"
TMP = Path("/dev/shm/hm-corpus-wide411")
TOOLS = Path("/dev/shm/hm-corpus-wide411-tools")
# Claude Code's Read / Grep / Glob calls read feedparser's installed sources; Codex's tree / grep / sed read fsspec's
# and dj-database-url's (fsspec stands in for the section's dataclasses-json, whose marshmallow<4 pin environs 15
# cannot import with; changed before anything was captured); environs runs from its checkout (its test suite imports the dj-* helpers);
# flatten-dict runs from its checkout too, but its __init__ asks importlib.metadata for its own version, so the same
# release is installed in the venv for its metadata (PYTHONPATH=src puts the broken checkout first)
PY_TOOLS = ["pytest", "ruff", "mypy", "flatten-dict==0.5.0", "'marshmallow>=4'", "python-dotenv", "dj-database-url",
            "dj-email-url", "django-cache-url", "feedparser", "fsspec"]
PY_SDISTS = ["flatten-dict==0.5.0", "environs==15.2.0"]
NPM_PKGS = ["eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "environs-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide411_mat as mat  # the trees both agents work in
    import capture_wide411_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide411", sys.modules["__main__"])
    main()
