"""Capture round 565 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, after rounds 538, 547 and 554's pattern, a tide mill's names: sluices, millponds, millers): ONE
headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real
Codex CLI (`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the
launcher as round 554 drives them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: fuzzysearch's and ansi2html's sdists with bugs put in, their git histories, a C project (`pondgate`) and a
Rust crate (`floodtide`) from round 191's generators, a Go module (`floodline`, and a copy `ebbline`) from round 273's,
listings, process tables, a CSV and a sqlite table of some of this machine's /usr/share files, npm view --json, two
application logs, fuzzysearch's and ansi2html's installed sources.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 565: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide565.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide565.json  as {"version": 2, "items": [...]}, ids prefixed "wide565-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide565-"
DEFAULT_OUT = HERE / "data" / "wide565.json"
TMP = Path("/dev/shm/hm-corpus-wide565")
TOOLS = Path("/dev/shm/hm-corpus-wide565-tools")
# Claude Code's Read / Grep / Glob calls read fuzzysearch's installed sources; Codex's tree / grep / sed read
# ansi2html's and fuzzysearch's; both run from their checkouts (PYTHONPATH=src)
PY_TOOLS = ["pytest", "ruff", "mypy", "fuzzysearch==0.8.1", "ansi2html==1.9.5"]
PY_SDISTS = ["fuzzysearch==0.8.1", "ansi2html==1.9.5"]
NPM_PKGS = ["for-in"]  # no JavaScript project this round: npm only for a marker-holding project
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "fuzzysearch-*", PY_SDISTS, "for-in", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide565_mat as mat  # the trees both agents work in
    import capture_wide565_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide565", sys.modules["__main__"])
    main()
