"""Capture round 291 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 191, 199, 205, 213, 222, 238, 241, 252, 264, 275 and 283's pattern): the sdist of
orderedmultidict (PyPI, an ordered multi-valued dictionary) with a few bugs put in, through its own test suite with
pytest, ruff and mypy --strict, and its code run wrongly into a chained traceback; the npm package escape-html copied
into a project (inkwarden) with bugs put in, under a generated node --test suite, eslint and tsc; a C project
(spoolgate) and a dependency-free Rust crate (tillerhorn) written here; a git history built from orderedmultidict's
sources; listings, a process table, CSV and sqlite results from the files of /usr/share/perl5, npm view --json, an
application log and Node's installed HTML API documentation served on loopback. Most items come from ONE headless run of the real
OpenCode over the same material (its bash, grep, glob, read and webfetch tools, round 35's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 291: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide291.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide291.json  as {"version": 2, "items": [...]}, ids prefixed "wide291-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide291-"
DEFAULT_OUT = HERE / "data" / "wide291.json"
TMP = Path("/dev/shm/hm-corpus-wide291")
TOOLS = Path("/dev/shm/hm-corpus-wide291-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "six", "types-six"]
PY_SDISTS = ["orderedmultidict==1.0.1"]
NPM_PKGS = ["escape-html@1.0.3", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "orderedmultidict-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide291_mat as mat  # orderedmultidict, escape-html, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide291_native as native  # make -k, cargo build
    import capture_wide291_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide291", sys.modules["__main__"])
    main()
