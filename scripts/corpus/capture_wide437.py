"""Capture round 437 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, a twenty-sixth round, a tannery's names: pits, hides, fleshers, drums): ONE headless run of the real
Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the launcher as
rounds 411 and 427 drive them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: nocasedict's and pysrt's sdists with bugs put in (pytest, ruff, mypy --strict, a chained traceback,
git histories built from their sources), round 290's JavaScript project renamed `hidework`, a C project (`drumhouse`)
and a Rust crate (`fleshers`) from round 191's generators, a Go module (`hidedrum`) from round 273's, listings,
process tables, a CSV and a sqlite table of some of this machine's /usr/share files, npm view --json and two
application logs.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 437: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide437.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide437.json  as {"version": 2, "items": [...]}, ids prefixed "wide437-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide437-"
DEFAULT_OUT = HERE / "data" / "wide437.json"
TMP = Path("/dev/shm/hm-corpus-wide437")
TOOLS = Path("/dev/shm/hm-corpus-wide437-tools")
# Claude Code's Read / Grep / Glob calls read pyfiglet's installed sources; Codex's tree / grep / sed read oauthlib's;
# nocasedict and pysrt run from their checkouts (PYTHONPATH=.), typing-extensions and chardet are their dependencies
PY_TOOLS = ["pytest", "ruff", "mypy", "typing-extensions", "chardet", "pyfiglet", "oauthlib"]
PY_SDISTS = ["nocasedict==2.2.1", "pysrt==1.1.2"]
NPM_PKGS = ["eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "pysrt-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide437_mat as mat  # the trees both agents work in
    import capture_wide437_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide437", sys.modules["__main__"])
    main()
