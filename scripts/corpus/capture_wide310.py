#!/usr/bin/env python3
"""Capture round 310 of the compression corpus: browser tests and browser logs with Debian's Chromium and
ChromeDriver, eleven kinds new to the corpus (NEEDLES.md, "Round 310"): Selenium suites under pytest and unittest,
ChromeDriver's --verbose log, headless Chromium's stderr log (--enable-logging=stderr --v=1), --dump-dom of broken
pages, console entries read through WebDriver, the performance (CDP) log read through WebDriver, DevTools-protocol
events read over a websocket, Selenium's DEBUG wire log, WebDriver's wire protocol spoken with curl, and the DevTools
HTTP endpoints. The material is the round's own small web app `kelpwatch`, served on 127.0.0.1:18310 with faults put
in. The app, suites, extractors and steps live in capture_wide310_web.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide310.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide310.json  as {"version": 2, "items": [...]}, ids prefixed "wide310-".
Tools:   Debian's chromium and chromium-driver (apt); a venv of selenium, pytest and websocket-client from PyPI,
         made once under /dev/shm.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide310-"
DEFAULT_OUT = HERE / "data" / "wide310.json"
TMP = Path(os.environ.get("HM_WIDE310_TMP", "/dev/shm/hm-corpus-wide310"))
VENV = Path(os.environ.get("HM_WIDE310_VENV", "/dev/shm/hm-corpus-wide310-venv"))
PY_TOOLS = ["selenium", "pytest", "websocket-client"]


def ensure_tools() -> None:
    """Debian's chromium and chromedriver; the round's venv (selenium, pytest, websocket-client), first on PATH."""
    cm.ensure_apt("chromedriver", "-o DPkg::Lock::Timeout=600 chromium chromium-driver", timeout=900)
    cm.install_venv(VENV, "pytest", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update({"PYTHONUNBUFFERED": "1", "SE_AVOID_STATS": "true", "SE_OFFLINE": "true"})


def steps() -> list:
    import capture_wide310_web as web
    return web.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide310", sys.modules["__main__"])
    main()
