"""Capture round 205 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, a fifth round of this pass after rounds 184, 191 and 199): the sdist of transitions (PyPI, finite
state machines) with a few bugs put in, through its own test suite with pytest, ruff and mypy --strict, and its code
run wrongly into a chained traceback; the npm package sprintf-js copied into a project with bugs put in, under a
generated node --test suite, eslint and tsc; a C project (saltpan) and a dependency-free Rust crate (quillpress)
written here; a git history built from transitions' sources; listings, a process table, CSV and sqlite results from
the shared libraries of /usr/lib/x86_64-linux-gnu, npm view --json, an application log and ruby-kramdown's installed
RDoc pages served on loopback. Most items come from
ONE headless run of the real OpenCode over the same material (its bash, grep, glob, read and webfetch tools, round
35's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 205: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide205.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide205.json  as {"version": 2, "items": [...]}, ids prefixed "wide205-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide205-"
DEFAULT_OUT = HERE / "data" / "wide205.json"
TMP = Path("/dev/shm/hm-corpus-wide205")
TOOLS = Path("/dev/shm/hm-corpus-wide205-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "six", "pycodestyle"]
PY_SDISTS = ["transitions==0.9.3"]
NPM_PKGS = ["sprintf-js@1.1.3", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "transitions-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide205_mat as mat  # transitions, sprintf-js, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide205_native as native  # make -k, cargo build
    import capture_wide205_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide205", sys.modules["__main__"])
    main()
