#!/usr/bin/env python3
"""Capture round 36 of the compression corpus: a blind sample of DECORATED output from tools new to the corpus, as
programs print it when they think a terminal is watching: colour forced on, carriage-return progress bars and
spinners, box and rich tables, emoji and wide Unicode (CJK and accented names), CRLF files, `script -q`-recorded TTY
sessions. The project is written here with bugs put in (a mountain hut's booking desk, `hutdesk`, in Python with a
small Node part), widened by seeded generators. Raw bytes are kept; needles are read on the lossless clean-up
(capture_data's `clean_lines`) by the rules NEEDLES.md's "Round 36" section fixed before capture. Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide36.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide36.json  as {"version": 2, "items": [...]}, ids prefixed "wide36-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide36-"
DEFAULT_OUT = HERE / "data" / "wide36.json"
TMP = Path("/tmp/hm-corpus-wide36")
TOOLS = Path("/tmp/hm-corpus-wide36-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["pytest", "pytest-icdiff", "icdiff", "memray", "httpie", "pygments", "tabulate", "coloredlogs",
            "pytest-emoji", "pipx"]
NPM_TOOLS = ["mocha", "diff-so-fancy", "envinfo", "license-checker", "lint-staged"]
APT_TOOLS = {"hyperfine": "hyperfine", "batcat": "bat", "colordiff": "colordiff", "rsync": "rsync", "cloc": "cloc",
             "dos2unix": "dos2unix"}

MIN_CHARS, MAX_CHARS = 400, 120_000

# colour forced on, as a terminal would get it
COLOR = {"NO_COLOR": None, "TERM": "xterm-256color", "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1", "PY_COLORS": "1",
         "COLUMNS": "120"}


def ensure_tools() -> None:
    """The venv of PyPI tools, the npm tools, and the Debian packages, installed once."""
    cm.install_venv(VENV, "pipx", PY_TOOLS)
    cm.install_npm(JS, "lint-staged", NPM_TOOLS)
    missing = [pkg for exe, pkg in APT_TOOLS.items() if not cm.have(exe, pkg)]
    if missing:
        cm.run("apt-get install -y " + " ".join(missing), timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide36_tty as tty  # every step of the round
    return tty.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide36", sys.modules["__main__"])
    main()
