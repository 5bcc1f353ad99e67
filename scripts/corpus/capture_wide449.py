"""Capture round 449 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, a signal box's names: levers, frames, block instruments): ONE headless run of the real
Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the launcher as
rounds 411 and 427 drive them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: a Go module (`leverframe`, and a copy `tablethouse`) from round 273's generator, a C project
(`signalbox`) and a Rust crate (`interlocking`) from round 191's, git histories of the Go module's sources, listings,
process tables, a CSV and a sqlite table of some of this machine's /usr/share files, npm view --json and two
application logs; no Python or JavaScript package is installed.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 449: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide449.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide449.json  as {"version": 2, "items": [...]}, ids prefixed "wide449-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide449-"
DEFAULT_OUT = HERE / "data" / "wide449.json"
TMP = Path("/dev/shm/hm-corpus-wide449")
TOOLS = Path("/dev/shm/hm-corpus-wide449-tools")
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

VENV = JS = TOOLS  # nothing installed: the agents' PATH gets these (absent) dirs' bin harmlessly


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide449_mat as mat  # the trees both agents work in
    import capture_wide449_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, lambda: None, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide449", sys.modules["__main__"])
    main()
