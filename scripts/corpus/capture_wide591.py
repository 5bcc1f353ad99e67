"""Capture round 591 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, after rounds 554, 565 and 578's pattern, a gunpowder mill's names: incorporating mills, corning,
millmen): ONE headless
run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools) and ONE of the real Codex CLI
(`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's model stub through the launcher as
round 578 drives them (launched with --no-compress: the stub records each tool result as the agent wrote it).
The material: language_tags' and mailbits' sdists with bugs put in, their git histories, a C project (`greencharge`)
and a Rust crate (`brimstone`) from round 191's generators, a Go module (`millbelt`, and a copy `corningbelt`) from
round 273's, a JavaScript project (`cornings`) from round 290's under vitest, eslint and tsc, listings, process tables,
a CSV and a sqlite table of some of this machine's /usr/share files, npm view --json, two application logs,
language_tags' and mailbits' installed sources.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 591: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide591.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide591.json  as {"version": 2, "items": [...]}, ids prefixed "wide591-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide591-"
DEFAULT_OUT = HERE / "data" / "wide591.json"
TMP = Path("/dev/shm/hm-corpus-wide591")
TOOLS = Path("/dev/shm/hm-corpus-wide591-tools")
# Claude Code's Read / Grep / Glob calls read language_tags' installed sources; Codex's tree / grep / sed read
# mailbits' and language_tags'; both run from their checkouts (PYTHONPATH=. / PYTHONPATH=src)
PY_TOOLS = ["pytest", "ruff", "mypy", "language-tags==1.3.2", "mailbits==0.2.3"]
PY_SDISTS = ["language-tags==1.3.2", "mailbits==0.2.3"]
NPM_PKGS = ["eslint@9", "@eslint/js@9", "typescript", "vitest@3"]  # the cornings project's tools
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "mailbits-*", PY_SDISTS, "vitest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide591_mat as mat  # the trees both agents work in
    import capture_wide591_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide591", sys.modules["__main__"])
    main()
