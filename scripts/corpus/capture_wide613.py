#!/usr/bin/env python3
"""Capture round 613 of the compression corpus: third samples of round 575's kinds (vitest bench and --compare,
tinybench, mitata, benchmark.js, Go's gctrace / schedtrace / inittrace and bounds-check report, httperf, `node
--trace-opt`) on programs written here about a bowyer's and fletcher's workshop (staves, nocks, fletchings; seeds
61310+) with other hot spots, leaks, panics and regressions than rounds 575's and 585's, and other sizes (most
outputs 10,000-60,000 characters).

No new rules: every extractor is round 575's, imported from capture_wide575 (NEEDLES.md, "Round 613"). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide613.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide613.json  as {"version": 2, "items": [...]}, ids prefixed "wide613-".
Tools:   npm packages (vitest 3.2.7, tinybench 6.2.5, mitata 1.0.34, benchmark 2.1.4) in TOOLS/js; Debian's
         httperf; go and node as found.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide613-"
DEFAULT_OUT = HERE / "data" / "wide613.json"
TMP = Path(os.environ.get("HM_WIDE613_TMP", "/dev/shm/hm-corpus-wide613"))
TOOLS = Path(os.environ.get("HM_WIDE613_TOOLS", "/dev/shm/hm-corpus-wide613-tools"))
JS_TOOLS = TOOLS / "js"
PORT, CLOSED_PORT = 18613, 28613
SEED = 61310

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.ensure_apt("httperf", "httperf")
    cm.install_npm(JS_TOOLS, "mitata", ["tinybench@6.2.5", "mitata@1.0.34", "benchmark@2.1.4", "vitest@3.2.7"])


def steps() -> list:
    import capture_wide613_js as js
    import capture_wide613_go as go
    import capture_wide613_net as net
    return js.STEPS + go.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide613", sys.modules["__main__"])
    main()
