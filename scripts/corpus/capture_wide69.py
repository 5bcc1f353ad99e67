#!/usr/bin/env python3
"""Capture round 69 of the compression corpus: second samples of round 68's kinds (JavaScript framework builds,
checkers, dev servers and watchers) on new small apps written here with other mistakes put in (`pedalpoint`, a city
bike-share: docking stations, rides, fares), larger than round 68's where the tool allows. No new rule: every item's
needles come from the extractor round 68 used for its kind, imported from `capture_wide68_js.py`. Some command lines
are typed as agents type them (`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`). Every server and watcher started is
stopped.

Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide69.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide69.json  as {"version": 2, "items": [...]}, ids prefixed "wide69-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide69-"
DEFAULT_OUT = HERE / "data" / "wide69.json"
TMP = Path("/tmp/hm-corpus-wide69")
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 68's npm projects under /tmp/hm-corpus-wide68-tools, installed as round 68 installs them if missing."""
    import capture_wide68
    capture_wide68.ensure_tools()


def steps() -> list:
    import capture_wide69_js as js
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide69", sys.modules["__main__"])
    main()
