#!/usr/bin/env python3
"""Capture round 107 of the compression corpus: browser-driven web quality and test tools new to the corpus, on
Debian's Chromium and chromedriver. A lighthouse keepers' society's site (`keepers`, seeded pages with mistakes put
in: images without alt text, low-contrast text, links to pages that do not exist, a slow render-blocking script,
scripts that throw and log console errors, requests to a port nothing listens on) is served on 127.0.0.1 and checked
by Lighthouse (JSON, CSV and the CLI's own log), pa11y (CLI, JSON and CSV reports), pa11y-ci (text and JSON),
`@axe-core/cli` with chromedriver, linkinator (text, CSV, JSON) and broken-link-checker; a puppeteer-core script
prints the pages' console errors and failed requests; Karma runs jasmine and mocha specs with failures in
ChromeHeadless. Several command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| jq`).

The kinds and their rule 5 values are NEEDLES.md's "Round 107", written before this ran; the extractors live in
capture_wide107_site.py and capture_wide107_karma.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide107.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide107.json  as {"version": 2, "items": [...]}, ids prefixed "wide107-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide107-"
DEFAULT_OUT = HERE / "data" / "wide107.json"
TMP = Path("/tmp/hm-corpus-wide107")
TOOLS = Path("/tmp/hm-tools-wide107")
JS = TOOLS / "js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

MIN_CHARS, MAX_CHARS = 400, 120_000

# npm packages that would download a browser or a driver of their own are pointed at Debian's
BROWSER_ENV = {"PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1",
               "PUPPETEER_EXECUTABLE_PATH": CHROMIUM, "CHROME_PATH": CHROMIUM, "CHROME_BIN": CHROMIUM,
               "CHROMEDRIVER_SKIP_DOWNLOAD": "true"}
NPM_PKGS = ["lighthouse", "pa11y", "pa11y-ci", "@axe-core/cli", "linkinator", "broken-link-checker", "karma",
            "karma-chrome-launcher", "karma-jasmine", "jasmine-core", "karma-mocha", "mocha", "chai@4",
            "puppeteer-core"]


def ensure_tools() -> None:
    """Debian's Chromium and chromedriver (apt), the npm tools once under TOOLS/js, their bin first on PATH."""
    cm.BASE_ENV.update(BROWSER_ENV)
    cm.ensure_apt("chromium", "chromium")
    cm.ensure_apt("chromedriver", "chromium-driver")
    cm.install_npm(JS, "linkinator", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide107_site as st  # the site, Lighthouse, pa11y, axe, link checkers, puppeteer
    import capture_wide107_karma as ka  # Karma with jasmine and mocha
    return st.STEPS + ka.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide107", sys.modules["__main__"])
    main()
