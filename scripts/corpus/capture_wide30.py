#!/usr/bin/env python3
"""Capture round 30 of the compression corpus (issue #11): COMMAND LINES AS AGENTS TYPE THEM, a blind sample.
Measured once and never tuned on: outputs cut by pipes (`2>&1 | tail -n 60`, `| head -100`, `| grep -v DEBUG`,
`| grep -n FAILED`), chains (`cd pkg && npm test`, `make && ./app`, `ruff check . ; mypy src`, `pytest -x -q; echo
EXIT=$?`, `git status && git diff`, `pip install -e . && pytest -q`) and the flags agents add (-q, -x, -v,
--tb=short, --no-color), over the kinds issue #11 names: pytest, jest, vitest, mocha, node --test, cargo test; ruff,
mypy, flake8, pylint, eslint, tsc, clippy, shellcheck; gcc, make -j, cargo build; pip; git log -p / show / diff /
blame / status; ls, find, du, ps; CSV and sqlite; a JSON API on loopback via curl; an application log. The projects
are written here with real bugs put in (a harbour berth-booking library, a parcel-locker service, a tide-gauge
reader in Rust, a bakery-oven scheduler in C, deploy scripts), widened by seeded generators.

Every kind's needles come from the extractor the earlier rounds used for it, imported; a chain's from each part's
own extractor (round 9b's chain); NEEDLES.md's round 30 section. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide30.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide30.json  as {"version": 2, "items": [...]}, ids prefixed "wide30-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide30-"
DEFAULT_OUT = HERE / "data" / "wide30.json"
TMP = Path("/tmp/hm-corpus-wide30")
TOOLS = Path("/tmp/hm-corpus-wide30-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["ruff", "mypy", "pytest", "flake8", "pylint"]
NPM_PKGS = ["typescript@5.4", "jest@29", "vitest@2", "mocha@10", "eslint@9"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers and the npm runners and linters, installed once."""
    cm.install_venv(VENV, "pylint", PY_TOOLS)
    cm.install_npm(JS, "eslint", NPM_PKGS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide30_js as js  # jest, vitest, mocha, node --test, tsc, eslint, npm test
    import capture_wide30_native as native  # cargo build/test/clippy, gcc, make, shellcheck
    import capture_wide30_py as py  # pytest, ruff, mypy, flake8, pylint, pip, git, tables, logs, listings, curl
    return py.STEPS + native.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide30", sys.modules["__main__"])
    main()
