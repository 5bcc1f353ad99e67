"""Capture round 168 of the compression corpus: the kinds issue #11 names, on real projects the corpus had not used,
most of them as OpenCode's own tools hand them over: the sdist of titlecase (PyPI) with bugs put in, through its own
tests with pytest, ruff and mypy --strict, and its code run wrongly into a chained traceback; the npm package pretty-ms
copied into a project with bugs put in, under a generated node --test suite, eslint and tsc; a C project (make -k) and a
Rust crate (cargo build / test / clippy) written here; a git history built from titlecase's sources; listings, a
process table, CSV and sqlite results from the machine's installed Debian packages, npm view --json, an application
log, and installed Debian packages' HTML documentation served on loopback. A few items are captured directly; the
rest come from ONE headless run of the real OpenCode (bash, grep, glob, read and webfetch), round 35's way.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 168: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide168.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide168.json  as {"version": 2, "items": [...]}, ids prefixed "wide168-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide168-"
DEFAULT_OUT = HERE / "data" / "wide168.json"
TMP = Path("/dev/shm/hm-corpus-wide168")
TOOLS = Path("/dev/shm/hm-corpus-wide168-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["titlecase==2.4.1"]
NPM_PKGS = ["pretty-ms@9.2.0", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "titlecase-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide168_mat as mat  # titlecase, pretty-ms, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide168_native as native  # make -k, cargo build
    import capture_wide168_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide168", sys.modules["__main__"])
    main()
