#!/usr/bin/env python3
"""Capture round 319 of the compression corpus: second samples of rounds 309 and 310's kinds on new material
(NEEDLES.md, "Round 319"; no new rule). Go's checkers and test tools from Debian (staticcheck in its three formats,
x/tools' single analyzers, gotype, goimports, benchcmp, gotestsum and its JUnit file and `tool slowest`, Ginkgo 1) on
the round's own `foghorn` module and generated `mudflat` packages (capture_wide319_go.py); browser tests and logs with
Debian's Chromium and ChromeDriver (Selenium under pytest and unittest, ChromeDriver's verbose log, Chromium's stderr
log, --dump-dom, WebDriver's browser and performance logs, DevTools events) on the round's own web app `estuary`
served on 127.0.0.1:18319 (capture_wide319_web.py). Every item's needles come from rounds 309's and 310's extractors,
imported. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide319.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide319.json  as {"version": 2, "items": [...]}, ids prefixed "wide319-".
Tools:   Debian's golang-go, go-staticcheck, gotestsum, ginkgo, golang-golang-x-tools, golang-github-onsi-ginkgo-dev,
         golang-gomega-dev, chromium and chromium-driver (apt); a venv of selenium, pytest and websocket-client from
         PyPI, made once under /dev/shm.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide319-"
DEFAULT_OUT = HERE / "data" / "wide319.json"
TMP = Path(os.environ.get("HM_WIDE319_TMP", "/dev/shm/hm-corpus-wide319"))
VENV = Path(os.environ.get("HM_WIDE319_VENV", "/dev/shm/hm-corpus-wide319-venv"))
APT = ["golang-go", "go-staticcheck", "gotestsum", "ginkgo", "golang-golang-x-tools", "golang-github-onsi-ginkgo-dev",
       "golang-gomega-dev", "chromium", "chromium-driver"]
PY_TOOLS = ["selenium", "pytest", "websocket-client"]


def ensure_tools() -> None:
    """Debian's Go tools, Chromium and ChromeDriver, installed once; the round's venv, first on PATH."""
    if not all(shutil.which(t) for t in ("go", "go-staticcheck", "gotestsum", "ginkgo", "goimports", "benchcmp",
                                         "chromium", "chromedriver")) \
            or not Path("/usr/share/gocode/src/github.com/onsi/gomega").is_dir():
        cm.run("apt-get install -y -o DPkg::Lock::Timeout=600 --no-install-recommends " + " ".join(APT), timeout=1200)
    cm.install_venv(VENV, "pytest", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]
    cm.BASE_ENV.update({"PYTHONUNBUFFERED": "1", "SE_AVOID_STATS": "true", "SE_OFFLINE": "true"})


def steps() -> list:
    import capture_wide319_go as go
    out = list(go.STEPS)
    try:
        import capture_wide319_web as web
        out += web.STEPS
    except ImportError:
        pass
    return out


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide319", sys.modules["__main__"])
    main()
