#!/usr/bin/env python3
"""Capture round 131 of the compression corpus: the PHP toolchain's output shapes the corpus did not yet hold. A PHP
project of its own (`ledgerd`, capture_wide131_proj.py, bugs put in, widened by a seeded generator) run through
Debian's PHPUnit 9.6 (testdox, the defect report, a fatal error mid-run, --list-tests, --coverage-text through
php-pcov); `php -l` over a generated tree of about 300 files; scripts of its own that throw chained exceptions and fail
zend.assertions=1 assertions; `php -i` / `php -m` excerpts; PHP_CodeSniffer's summary, source, json and diff reports
and phpcbf; composer's offline validate, show --platform and diagnose. About half the command lines are typed as
agents type them (pipes that cut, `; echo EXIT=$?`).

The extractors apply NEEDLES.md's "Round 131" rules, written before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide131.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide131.json  as {"version": 2, "items": [...]}, ids prefixed "wide131-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide131-"
DEFAULT_OUT = HERE / "data" / "wide131.json"
TMP = Path("/tmp/hm-corpus-wide131")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's PHP 8.2, PHPUnit 9.6, php-pcov, PHP_CodeSniffer and composer, installed once."""
    cm.ensure_apt("php", "php-cli")
    cm.ensure_apt("phpunit", "phpunit php-pcov")
    cm.ensure_apt("phpcs", "php-codesniffer")
    cm.ensure_apt("composer", "composer")


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def steps() -> list:
    import capture_wide131_unit as unit  # PHPUnit: testdox, defects, fatal mid-run, list-tests, coverage-text
    import capture_wide131_tools as tools  # php -l tree, exceptions, assertions, php -i/-m, phpcs, phpcbf, composer
    return unit.STEPS + tools.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide131", sys.modules["__main__"])
    main()
