"""Capture round 816 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, rounds 757, 767 and 794's item list and layout, a pewterer's names: moulds, flagons, porringers,
touchmarks, pewterers): ONE headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and
Glob tools) and ONE of the real Codex CLI (`.tools/bin/codex exec`), both driven by the project's model stub through
the launcher as rounds 757, 767 and 794 drive them (capture_agents.drive, launched with --no-compress: the stub records
each tool result as the agent wrote it). The material: caesarcipher's and py_enigma's sdists with bugs put in under
their own test suites, their git histories, a C project (`flagonmould`) and a Rust crate (`porringer`) from round
191's generators, Go modules (`touchbook`, `alloybook`) from round 273's, a JavaScript project (`pewterpot`) from round
290's under vitest, eslint and tsc, listings, process tables, a CSV and a sqlite table of some /usr/share files, npm
view --json, two application logs, the packages' installed sources.

Tools: Claude Code 2.1.332 and codex-cli 0.171.0 (.tools/bin), pytest 9.2.0, ruff 0.17.6, mypy 2.4.1, eslint 9.39.5,
typescript 7.0.2, vitest 3.2.7, go 1.19.8, cargo 1.95.0, gcc 12.2.0, node 20.20.2, sqlite3 3.40.1, git 2.39.5,
tree 2.1.0; material caesarcipher 1.0 and py_enigma 1.0.2 (PyPI sdists, pure Python).

No new extractor: each kind's needles come from the extractor rounds 757, 767 and 794 used for it, imported
(NEEDLES.md's "Round 816: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide816.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide816.json  as {"version": 2, "items": [...]}, ids prefixed "wide816-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide816-"
DEFAULT_OUT = HERE / "data" / "wide816.json"
TMP = Path("/dev/shm/hm-corpus-wide816-run")
TOOLS = Path("/dev/shm/hm-corpus-wide816")
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "caesarcipher==1.0", "py-enigma==1.0.2"]
PY_SDISTS = ["caesarcipher==1.0", "py-enigma==1.0.2"]
NPM_PKGS = ["eslint@9.39.5", "@eslint/js@9", "typescript@7.0.2", "vitest@3.2.7"]  # the pewterpot project's tools
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "py_enigma-*", PY_SDISTS, "vitest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide816_mat as mat  # the trees both agents work in
    import capture_wide816_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def ensure_tools() -> None:
    TOOLSET.install()


def main() -> None:
    from capture_wide604 import drop_and_check
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    drop_and_check(Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide816", sys.modules["__main__"])
    main()
