#!/usr/bin/env python3
"""Capture round 20 of the compression corpus (issue #11): THE ISSUE'S OWN KINDS, A THIRD INDEPENDENT SAMPLE (after
rounds 6 and 15), on projects and data the corpus had not used, in the flag variants and pipe forms agents type
(`2>&1 | tail -n 80`, `| head -n 100`, `-q`, `--no-color`, `-v`): failing test runs (pytest, unittest, jest, vitest,
mocha, cargo test, go test, the JUnit console launcher), linters and type checkers (mypy, ruff, eslint, tsc,
shellcheck, clippy), builds with dozens of warnings (gcc, make -j2 -k, cargo build), process and socket tables with
one odd row, CSVs with extreme rows mid-file, npm views, a lockfile, one-line JSON, minified JS, git on a scripted
history of a real package, a chained traceback in a log, and OpenCode's own glob, grep and webfetch renderings.

This module holds the set-up, the size gate and main(); the captures are in capture_wide20_py.py (Python),
capture_wide20_js.py (JavaScript and TypeScript), capture_wide20_langs.py (Rust, Go, C, Java, shell) and
capture_wide20_data.py (tables, CSV, git, OpenCode). Every kind's rule is an existing kind's extractor, imported
(NEEDLES.md). Rules were fixed from the raw outputs only: nothing captured here was compressed.

Method: every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide20, with sources and tools
from PyPI and npm in /tmp/hm-corpus-wide20-tools (the sdists of parsimonious, tenacity, dictdiffer, jsonpatch,
glom, cbor2 and mmh3; the npm packages micromatch, superstruct, neverthrow, kleur, colorette, defu, ufo, pathe and
clsx), and Debian's toolchains (cargo, go, gcc, OpenJDK 17 with Debian's JUnit jars, shellcheck).

Usage:   .venv/bin/python scripts/corpus/capture_wide20.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide20.json  as {"version": 2, "items": [...]}, ids prefixed "wide20-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide20-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide20.json"
TMP = Path("/tmp/hm-corpus-wide20")
TOOLS = Path("/tmp/hm-corpus-wide20-tools")
VENV = TOOLS / "venv"
SRC = TOOLS / "src"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_TOOLS = ["pytest", "mypy", "ruff", "hypothesis", "attrs", "pyyaml", "boltons", "face", "regex", "jsonpointer",
            "jsonpatch"]
PY_SDISTS = ["parsimonious==0.10.0", "tenacity==9.0.0", "dictdiffer==0.9.0", "jsonpatch==1.33", "glom==23.5.0",
             "cbor2==5.6.5", "mmh3==5.0.1"]
NPM_PKGS = ["jest@29", "vitest@3", "mocha@11", "eslint@9", "@eslint/js@9", "typescript@5.7", "micromatch",
            "superstruct", "neverthrow", "kleur", "colorette", "defu", "ufo", "pathe", "clsx"]

# the round's sizes: most 3-40 KB, a few to 100 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 1_000, 110_000


TOOLSET = cm.Toolset(TOOLS, "jsonpatch", PY_TOOLS, "mmh3-*", PY_SDISTS, "micromatch", NPM_PKGS)
ensure_tools, unpack = TOOLSET.install, TOOLSET.unpack

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide20_data as data  # tables, CSV, git, OpenCode (last: it reads the earlier steps' files)
    import capture_wide20_js as js  # jest, vitest, mocha, eslint, tsc, npm
    import capture_wide20_langs as langs  # cargo, go, gcc, make, JUnit, shellcheck
    import capture_wide20_py as py  # pytest, unittest, mypy, ruff, a chained traceback, pip
    return [unpack] + py.STEPS + js.STEPS + langs.STEPS + data.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide20", sys.modules["__main__"])
    main()
