"""Capture round 625 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, after rounds 591, 607 and 620's pattern and 620's layout, a woad mill's names: crushers, balls,
couching vats): ONE headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools)
and ONE of the real Codex CLI (`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's
model stub through the launcher as rounds 591, 607 and 620 drive them (launched with --no-compress: the stub records
each tool result as the agent wrote it).
The material: pronouncing's and cowsay's sdists with bugs put in, their git histories, a C project (`ballyard`) and a
Rust crate (`woadline`) from round 191's generators, a Go module (`leafvat`, and a copy `ballscale`) from round 273's,
a JavaScript project (`couchfloor`) from round 290's under vitest, eslint and tsc, listings, process tables, a CSV and
a sqlite table of some of this machine's /usr/share files, npm view --json, two application logs, pronouncing's and
cowsay's installed sources.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 625: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide625.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide625.json  as {"version": 2, "items": [...]}, ids prefixed "wide625-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide625-"
DEFAULT_OUT = HERE / "data" / "wide625.json"
TMP = Path("/dev/shm/hm-corpus-wide625")
TOOLS = Path("/dev/shm/hm-corpus-wide625-tools")
# Claude Code's Read / Grep calls read pronouncing's installed sources, its Glob cowsay's; Codex's tree / grep / sed
# read cowsay's and pronouncing's; both run from their checkouts (PYTHONPATH=.)
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "cowsay==6.0", "pronouncing==0.3.0"]
PY_SDISTS = ["pronouncing==0.3.0", "cowsay==6.0"]
NPM_PKGS = ["eslint@9.39.5", "@eslint/js@9", "typescript@7.0.2", "vitest@3.2.7"]  # the couchfloor project's tools
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "cowsay-*", PY_SDISTS, "vitest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide625_mat as mat  # the trees both agents work in
    import capture_wide625_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide625", sys.modules["__main__"])
    main()
