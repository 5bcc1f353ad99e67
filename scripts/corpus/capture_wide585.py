#!/usr/bin/env python3
"""Capture round 585 of the compression corpus: second samples of round 575's kinds (vitest bench and --compare,
tinybench, mitata, benchmark.js, Go's gctrace / schedtrace / inittrace and bounds-check report, httperf, `node
--trace-opt`) on programs written here about a wheelwright's shop (spokes, felloes, naves; seeds 58510+) with other
hot spots, leaks, panics and regressions than round 575's.

No new rules: every extractor is round 575's, imported from capture_wide575 (NEEDLES.md, "Round 585"). Nothing
captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide585.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide585.json  as {"version": 2, "items": [...]}, ids prefixed "wide585-".
Tools:   npm packages (vitest@3, tinybench, mitata, benchmark) in TOOLS/js; Debian's httperf; go and node as found.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide585-"
DEFAULT_OUT = HERE / "data" / "wide585.json"
TMP = Path(os.environ.get("HM_WIDE585_TMP", "/dev/shm/hm-corpus-wide585"))
TOOLS = Path(os.environ.get("HM_WIDE585_TOOLS", "/dev/shm/hm-corpus-wide585-tools"))
JS_TOOLS = TOOLS / "js"
PORT, CLOSED_PORT = 18585, 28585
SEED = 58510

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    cm.ensure_apt("httperf", "httperf")
    cm.install_npm(JS_TOOLS, "mitata", ["tinybench", "mitata", "benchmark", "vitest@3"])


def steps() -> list:
    import capture_wide585_js as js
    import capture_wide585_go as go
    import capture_wide585_net as net
    return js.STEPS + go.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide585", sys.modules["__main__"])
    main()
