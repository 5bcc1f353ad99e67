"""Capture round 356 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 306, 314, 320 and 324's pattern), with names from a slate quarry (riven slates, splitters,
dressing): the sdist of markupsafe (PyPI, HTML escaping) with a few bugs put in, through its own test suite with
pytest, ruff and mypy --strict, and its code run wrongly into a chained traceback (a quarry's dressing ledger); the npm
package human-format copied into a project (rivenslate) with bugs put in, under a generated node --test suite, eslint
and tsc; a C project (splitbench) and a dependency-free Rust crate (dressknife) from round 291's generators, imported
and renamed; a git history built from markupsafe's sources; listings, a process table, CSV and sqlite results from the
files of /usr/share/source-highlight, npm view --json, an application log, libfungw's installed HTML documentation and
bzip2's manual served on loopback. Most
items come from ONE headless run of the real OpenCode over the same material (its bash, grep, glob, read and webfetch
tools, round 35's way).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 356: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide356.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide356.json  as {"version": 2, "items": [...]}, ids prefixed "wide356-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide356-"
DEFAULT_OUT = HERE / "data" / "wide356.json"
TMP = Path("/dev/shm/hm-corpus-wide356")
TOOLS = Path("/dev/shm/hm-corpus-wide356-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "paginate"]
PY_SDISTS = ["markupsafe==3.0.4"]
NPM_PKGS = ["human-format@1.2.1", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "markupsafe-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide356_mat as mat  # markupsafe, human-format, git, data, a log: a few direct items, trees for OpenCode
    import capture_wide356_native as native  # make -k, cargo build (round 291's generators, renamed)
    import capture_wide356_oc as oc  # one OpenCode run: bash, grep, glob, read, webfetch
    w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs: this round's again
    return [TOOLSET.unpack] + mat.STEPS + native.STEPS + oc.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide356", sys.modules["__main__"])
    main()
