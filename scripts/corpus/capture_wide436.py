"""Capture round 436 of the compression corpus (issue #11's kinds on real projects, most of them as OpenCode's tools
hand them over, after rounds 396, 410 and 425's pattern), with names from a glassworks (furnaces, gathers, annealing
lehrs, crucibles): the sdist of license-expression (PyPI) with a few bugs put in, through its own tests with pytest,
ruff and mypy --strict, and its code run wrongly into a chained traceback (a furnace batch-label check); the npm
package hoist-non-react-statics copied into a project (lehryard) under eslint and tsc; a C project (furnaced) and a
dependency-free Rust crate (gatherpot) from round 291's generators, imported and renamed; a git history built from
license-expression's sources; listings, a process table, CSV and sqlite results from the files of /usr/share/magic,
java-wrappers, libgcrypt20, initramfs-tools, mdadm, mime-info and libthai, npm view --json, an application log,
nodejs's installed HTML API pages served on loopback. Most items come from ONE headless run of the real OpenCode over
the same material (its bash, grep, glob, read and webfetch tools).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 436: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide436.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide436.json  as {"version": 2, "items": [...]}, ids prefixed "wide436-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide436-"
DEFAULT_OUT = HERE / "data" / "wide436.json"
TMP = Path("/dev/shm/hm-corpus-wide436")
TOOLS = Path("/dev/shm/hm-corpus-wide436-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "boolean.py"]
PY_SDISTS = ["license-expression==30.4.4"]
NPM_PKGS = ["hoist-non-react-statics@3.3.2", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "license_expression-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide436_steps as st  # license-expression, hoist-non-react-statics, C, Rust, git, data, a log, OpenCode
    w9b.TMP = TMP  # importing earlier rounds' modules may set round 9b's chain state dir to theirs: this round's again
    return [TOOLSET.unpack] + st.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide436", sys.modules["__main__"])
    main()
