#!/usr/bin/env python3
"""Capture round 37 of the compression corpus (issue #11): an EIGHTH blind sample of the kinds issue #11 names, at the
sizes where compression matters (most items 10-120 KB), measured once on the final engine and never tuned on. The
projects are real packages the corpus had not used, downloaded from the registries with a few bugs put in: the sdists
of soupsieve, pydash, rfc3986 and cssselect through their own test suites (pytest) and through ruff, flake8, pylint
and mypy whole; npm's camelcase, decamelize and path-to-regexp under generated vitest and mocha suites, and eslint and
tsc over installed packages; a git history built here from pydash's sources; a dependency-free Rust crate and a C
project written here (cargo build / test, make -j with gcc warnings); listings of the unpacked trees; a generated CSV,
sqlite table, loopback JSON API and application log. About a third of the command lines are typed as agents type them
(pipes that cut, chains, `; echo EXIT=$?`).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 37: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide37.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide37.json  as {"version": 2, "items": [...]}, ids prefixed "wide37-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide37-"
DEFAULT_OUT = HERE / "data" / "wide37.json"
TMP = Path("/tmp/hm-corpus-wide37")
TOOLS = Path("/tmp/hm-corpus-wide37-tools")
PY_TOOLS = ["ruff", "mypy", "pytest", "flake8", "pylint", "beautifulsoup4", "lxml", "html5lib", "idna"]
PY_SDISTS = ["soupsieve==4.1.3", "pydash==8.1.0", "rfc3986==2.0.0", "cssselect==1.6.0"]
NPM_PKGS = ["camelcase", "decamelize", "path-to-regexp", "vitest", "mocha", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "pylint", PY_TOOLS, "pydash-*", PY_SDISTS, "vitest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide37_js as js  # vitest, mocha, eslint, tsc, npm ls over real npm packages
    import capture_wide37_native as native  # cargo build / test, make -j with gcc
    import capture_wide37_py as py  # the sdists' suites and linters, git, listings, tables, an API, a log
    return [TOOLSET.unpack] + py.STEPS + js.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide37", sys.modules["__main__"])
    main()
