#!/usr/bin/env python3
"""Capture round 132 of the compression corpus: the Ruby toolchain in shapes new to the corpus. A Ruby project of its
own (`tidewell`, a harbour tide-table and berth-booking library widened by a seeded generator to a few thousand lines,
with bugs, warnings and syntax errors put in) run through Debian's Ruby tools: rspec (documentation and progress
formats, --profile, --format json), minitest verbose runs with --seed, rubocop's offenses, worst, json and autocorrect
forms, ruby -wc over the tree, irb fed a session, rake -T and rake runs that abort, erb -x, yard stats --list-undoc,
gem list and gem contents. About half the command lines are typed as agents type them.

The needles come from the rules NEEDLES.md's "Round 132" section fixed before capture, applied by the extractors in
capture_wide132_spec.py and capture_wide132_lint.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide132.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide132.json  as {"version": 2, "items": [...]}, ids prefixed "wide132-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide132-"
DEFAULT_OUT = HERE / "data" / "wide132.json"
TMP = Path("/tmp/hm-corpus-wide132")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
APT = "ruby rake ruby-rspec ruby-minitest rubocop yard"


def ensure_tools() -> None:
    """Ruby, rake, rspec, minitest, rubocop and yard from Debian (rubygems.org is not reachable), installed once."""
    if not all(cm.have(t, t) for t in ("ruby", "rake", "rspec", "rubocop", "yard")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y {APT}", timeout=1800)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def steps() -> list:
    import capture_wide132_lint as lint  # rubocop forms, ruby -wc, irb, erb -x, yard stats, gem list/contents
    import capture_wide132_spec as spec  # the tidewell project, rspec, minitest, rake
    return spec.STEPS + lint.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide132", sys.modules["__main__"])
    main()
