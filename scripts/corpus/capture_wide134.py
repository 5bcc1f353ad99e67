#!/usr/bin/env python3
"""Capture round 134 of the compression corpus: second samples of round 129's JVM runtime diagnostic kinds, round
131's PHP toolchain kinds and round 132's Ruby toolchain kinds, on new material: `kiln`, a pottery's firing scheduler
in Java (a glaze cache that grows without bound under the Parallel and G1 collectors, plug-in firing curves loaded by
name, two kiln threads taking their locks in opposite orders, a legacy jar calling deprecated APIs); `glazier`, a
PHP library of glaze recipes with its PHPUnit suite (wrong unit conversions, a renamed method, an exception chain
out of a batch mixer, coding-standard offences); `wheelhouse`, a Ruby library of throwing-class bookings with its
rspec and minitest suites, a Rakefile that aborts, rubocop offences, files that do not parse and undocumented API.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 134"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide134.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide134.json  as {"version": 2, "items": [...]}, ids prefixed "wide134-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide134-"
DEFAULT_OUT = HERE / "data" / "wide134.json"
TMP = Path(os.environ.get("HM_WIDE134_TMP", "/tmp/hm-corpus-wide134"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 129's, 131's and 132's tools (Debian's JDK, PHP, PHPUnit, phpcs, Ruby, rubocop, yard)."""
    import capture_wide129
    import capture_wide131
    import capture_wide132
    capture_wide129.ensure_tools()
    capture_wide131.ensure_tools()
    capture_wide132.ensure_tools()


def steps() -> list:
    import capture_wide134_jvm as jvm  # -Xlog:gc*, class loading, jcmd Thread.print, jdeprscan
    import capture_wide134_php as php  # phpunit testdox/defects/coverage, exception chains, phpcs source
    import capture_wide134_rb as rb  # rspec doc, minitest, rake aborted, rubocop worst/json, ruby -wc, yard stats
    return jvm.STEPS + php.STEPS + rb.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide134", sys.modules["__main__"])
    main()
