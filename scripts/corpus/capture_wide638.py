"""Capture round 638 of the compression corpus (issue #11's kinds on real projects as Claude Code's and Codex's tools
hand them over, after rounds 607, 620 and 625's pattern and 625's layout, a sealing-wax works' names: wax pans, shellac,
sticks): ONE headless run of the real Claude Code (`.tools/bin/claude -p`, its Bash, Read, Grep and Glob tools)
and ONE of the real Codex CLI (`.tools/bin/codex exec`, its exec_command shell tool), both driven by the project's
model stub through the launcher as rounds 607, 620 and 625 drive them (launched with --no-compress: the stub records
each tool result as the agent wrote it).
The material: words2num's and haikunator's sdists with bugs put in, their git histories, a C project (`waxroom`) and a
Rust crate (`waxline`) from round 191's generators, a Go module (`sealpan`, and a copy `waxscale`) from round 273's,
a JavaScript project (`stickfloor`) from round 290's under vitest, eslint and tsc, listings, process tables, a CSV and
a sqlite table of some of this machine's /usr/share files, npm view --json, two application logs, words2num's and
haikunator's installed sources.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 638: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide638.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide638.json  as {"version": 2, "items": [...]}, ids prefixed "wide638-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide638-"
DEFAULT_OUT = HERE / "data" / "wide638.json"
TMP = Path("/dev/shm/hm-corpus-wide638")
TOOLS = Path("/dev/shm/hm-corpus-wide638-tools")
# Claude Code's Read / Grep calls read words2num's installed sources, its Glob haikunator's; Codex's tree / grep / sed
# read haikunator's and words2num's; both run from their checkouts (PYTHONPATH=.)
PY_TOOLS = ["pytest==9.2.0", "ruff==0.17.6", "mypy==2.4.1", "haikunator==2.1.0", "words2num==0.2.2",
            "num2words==0.5.14"]  # num2words: words2num's own suite imports it
PY_SDISTS = ["words2num==0.2.2", "haikunator==2.1.0"]
NPM_PKGS = ["eslint@9.39.5", "@eslint/js@9", "typescript@7.0.2", "vitest@3.2.7"]  # the stickfloor project's tools
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "haikunator-*", PY_SDISTS, "vitest", NPM_PKGS)
HK = "haikunator-2.1.0"
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide638_mat as mat  # the trees both agents work in
    import capture_wide638_agents as agents  # one Claude Code run, one Codex run
    w9b.TMP = TMP  # the imported generators' modules set their own
    return [TOOLSET.unpack] + mat.STEPS + agents.STEPS


def ensure_tools() -> None:
    """The Toolset, and haikunator's sdist (a zip on the registry) repacked once, unchanged, as a tarball beside it,
    for Toolset.unpack and capture_material.history, which take tarballs."""
    TOOLSET.install()
    if not (SRC / f"{HK}.tar.gz").exists():
        cm.run(f"rm -rf repack && mkdir repack && cd repack && unzip -q ../{HK}.zip && tar -czf ../{HK}.tar.gz {HK} "
               "&& cd .. && rm -rf repack", cwd=SRC)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide638", sys.modules["__main__"])
    main()
