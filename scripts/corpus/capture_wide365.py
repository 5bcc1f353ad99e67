"""Capture round 365 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 324, 341, 348, 356 and 360's pattern), with names from a wheelwright's shop (spokes,
felloes, naves): the sdist of jdcal (PyPI, Julian dates) with a few bugs put in, through its own tests with pytest, ruff
and mypy --strict, and its code run wrongly into a chained traceback (a felloe ledger); the npm package kind-of copied
into a project (spokeshave) under eslint and tsc; a C project (navebore) and a dependency-free Rust crate (felloeset)
from round 291's generators, imported and renamed; a git history built from jdcal's sources; listings, a process
table, CSV and sqlite results from the files of /usr/share/gdb, gettext and gnupg, npm view --json, an application
log, libffi8's installed HTML documentation served on loopback. Most items come from ONE headless run of the real
OpenCode over the same material (its bash, grep, glob, read and webfetch tools, round 35's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 365: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide365.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide365.json  as {"version": 2, "items": [...]}, ids prefixed "wide365-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide365-"
DEFAULT_OUT = HERE / "data" / "wide365.json"
TMP = Path("/dev/shm/hm-corpus-wide365")
TOOLS = Path("/dev/shm/hm-corpus-wide365-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["jdcal==1.4.1"]
NPM_PKGS = ["kind-of@6.0.3", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "jdcal-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide365_steps as st  # jdcal, kind-of, C, Rust, git, data, a log, then one OpenCode run
    w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs: this round's again
    return [TOOLSET.unpack] + st.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide365", sys.modules["__main__"])
    main()
