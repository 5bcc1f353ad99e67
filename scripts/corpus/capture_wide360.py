"""Capture round 360 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 314, 320, 324 and 341's pattern), with names from a hop garden (bines, kilns, pockets):
the sdist of u-msgpack-python (PyPI, MessagePack) with a few bugs put in, through its own tests with pytest, ruff and
mypy --strict, and its code run wrongly into a chained traceback (an oast's kiln ledger); the npm package strftime
copied into a project (hoppocket) with bugs put in, under a generated node --test suite, eslint and tsc; a C project
(oastkiln) and a dependency-free Rust crate (binetwine) from round 291's generators, imported and renamed; a git
history built from u-msgpack-python's sources; listings, a process table, CSV and sqlite results from the files of
/usr/share/gputils, npm view --json, an application log, privoxy's installed HTML documentation and xmlstarlet's user
guide served on loopback. Most items come from ONE headless run of the real OpenCode over the same material (its
bash, grep, glob, read and webfetch tools, round 35's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 360: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide360.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide360.json  as {"version": 2, "items": [...]}, ids prefixed "wide360-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide360-"
DEFAULT_OUT = HERE / "data" / "wide360.json"
TMP = Path("/dev/shm/hm-corpus-wide360")
TOOLS = Path("/dev/shm/hm-corpus-wide360-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "shellingham"]
PY_SDISTS = ["u-msgpack-python==2.8.0"]
NPM_PKGS = ["strftime@0.10.3", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "u-msgpack-python-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide360_mat as mat  # u-msgpack-python, strftime, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide360_native as native  # make -k, cargo build (round 291's generators, renamed)
    import capture_wide360_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs: this round's again
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide360", sys.modules["__main__"])
    main()
