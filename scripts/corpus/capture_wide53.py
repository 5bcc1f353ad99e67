#!/usr/bin/env python3
"""Capture round 53 of the compression corpus: build systems and packaging tools new to the corpus, captured blind.
Small projects written here with mistakes put in (a C library `tidelog` built with CMake and Ninja, a tiny
autotools project, a Makefile with undefined variables, Debian package trees, an npm package, a Python package whose
setup.py fails) are run through cmake --trace-expand / -P / --target help / --install, ctest -N, ninja -d explain /
-t commands / -t query, autoreconf, ./configure, make --warn-undefined-variables, dpkg-deb --build, npm publish
--dry-run and pip wheel. Several command lines are typed as agents type them (pipes that cut, `; echo EXIT=$?`).

The rules are NEEDLES.md's "Round 53", written and committed before this capture; the extractors are in
capture_wide53_build.py (the pip wheel one reuses capture_more's `n_pip_wheel`, the npm one capture_wide4's
`n_npm_pack`). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide53.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide53.json  as {"version": 2, "items": [...]}, ids prefixed "wide53-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide53-"
DEFAULT_OUT = HERE / "data" / "wide53.json"
TMP = Path("/tmp/hm-corpus-wide53")
VENV = Path("/tmp/hm-corpus-wide53-tools/venv")  # python -m build

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """cmake, ninja, autoconf/automake, dpkg-deb, systemd-analyze and npm are on this machine already; `build`
    goes into a venv of its own."""
    for tool in ("cmake", "ninja", "ctest", "autoreconf", "dpkg-deb", "npm", "make"):
        assert cm.run(f"command -v {tool}").strip(), f"{tool} missing"
    cm.install_venv(VENV, "pyproject-build", ["build", "setuptools"])


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide53_build as build
    return build.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide53", sys.modules["__main__"])
    main()
