"""Capture round 306 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 191, 199, 205, 213, 222, 238, 241, 252, 264, 275, 283, 291 and 298's pattern): the sdist
of PyJWT (PyPI, JSON Web Tokens) with a few bugs put in, through its own test suite with pytest, ruff and mypy
--strict, and its code run wrongly into a chained traceback; the npm package cookie copied into a project (crumbjar)
with bugs put in, under a generated node --test suite, eslint and tsc; a C project (tallowvat) and a dependency-free
Rust crate (cooperhoop) from round 291's generators, imported and renamed; a git history built from PyJWT's sources;
listings, a process table, CSV and sqlite results from the files of /usr/share/locale, npm view --json, an application
log and installed Debian HTML documentation served on loopback. Most items come from ONE
headless run of the real OpenCode over the same material (its bash, grep, glob, read and webfetch tools, round 35's
way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 306: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide306.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide306.json  as {"version": 2, "items": [...]}, ids prefixed "wide306-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide306-"
DEFAULT_OUT = HERE / "data" / "wide306.json"
TMP = Path("/dev/shm/hm-corpus-wide306")
TOOLS = Path("/dev/shm/hm-corpus-wide306-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "cryptography"]
PY_SDISTS = ["pyjwt==2.15.1"]
NPM_PKGS = ["cookie@0.7.2", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "pyjwt-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide306_mat as mat  # PyJWT, cookie, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide306_native as native  # make -k, cargo build (round 291's generators, renamed)
    import capture_wide306_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    w9b.TMP = TMP  # importing round 291's modules set round 9b's chain state dir to round 291's: this round's again
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide306", sys.modules["__main__"])
    main()
