"""Capture round 757 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, round 745's item list and layout, a hydrographer's names: soundings, fathoms, lead lines, charts,
survey books): ONE headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE
of the real Codex CLI (`.tools/bin/codex exec`), both driven by the project's model stub through the launcher as round
745 drives them (capture_agents.drive, launched with --no-compress: the stub records each tool result as the agent
wrote it). The material: pynmea2's and metar's sdists with bugs put in under their own test suites, their git
histories, a C project (`fathomline`) and a Rust crate (`fathomset`) from round 191's generators, Go modules
(`soundbook`, `surveybook`) from round 273's, a JavaScript project (`chartwork`) from round 290's under vitest, eslint
and tsc, listings, process tables, a CSV and a sqlite table of some /usr/share
files, npm view --json, two application logs, the packages' installed sources.

No new extractor: each kind's needles come from the extractor round 745 used for it, imported (NEEDLES.md's
"Round 757: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide757.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide757.json  as {"version": 2, "items": [...]}, ids prefixed "wide757-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide757-"
DEFAULT_OUT = HERE / "data" / "wide757.json"
TMP = Path("/dev/shm/hm-corpus-wide757")
TOOLS = Path("/dev/shm/hm-corpus-wide757-tools")
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "pynmea2==1.19.0", "metar==2.0.2"]
PY_SDISTS = ["pynmea2==1.19.0", "metar==2.0.2"]
NPM_PKGS = ["eslint@9.39.5", "@eslint/js@9", "typescript@7.0.2", "vitest@3.2.7"]  # the chartwork project's tools
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "metar-*", PY_SDISTS, "vitest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide757_mat as mat  # the trees both agents work in
    import capture_wide757_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def ensure_tools() -> None:
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide757", sys.modules["__main__"])
    main()
