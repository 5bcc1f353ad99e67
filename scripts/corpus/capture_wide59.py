#!/usr/bin/env python3
"""Capture round 59 of the compression corpus: observability output new to the corpus, captured blind. Small
services run on loopback with faults put in (handlers that raise, slow requests, upstream retries): a harbour
tide-gauge API (`tidewatch`, Flask + prometheus_client), its OpenTelemetry console exporters, a berth-booking service
in node (express + pino + prom-client) and a bunyan-logging pilot dispatcher; what an agent reads while debugging
them: /metrics through curl, the console span and metric exporters, pino-pretty and the bunyan CLI, `curl -w` timing
loops, ApacheBench, Werkzeug's debugger page and Express's error page. Some command lines are typed as agents type
them (`| grep`, `| head`, `; echo EXIT=$?`).

Each new kind's rule 5 values are written in NEEDLES.md ("Round 59"), before capture; the extractors in
capture_wide59_svc.py apply them. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide59.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide59.json  as {"version": 2, "items": [...]}, ids prefixed "wide59-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide59-"
DEFAULT_OUT = HERE / "data" / "wide59.json"
TMP = Path("/tmp/hm-corpus-wide59")
TOOLS = Path("/tmp/hm-corpus-wide59-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_PKGS = ["prometheus_client", "opentelemetry-sdk", "flask"]
NPM_PKGS = ["express", "pino", "pino-pretty", "bunyan", "prom-client", "@opentelemetry/api", "@opentelemetry/sdk-trace-base", "@opentelemetry/sdk-node"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv (prometheus_client, opentelemetry-sdk, flask), the npm packages, and ab from Debian, once."""
    cm.install_venv(VENV, "flask", PY_PKGS)
    cm.install_npm(JS, "prom-client", NPM_PKGS)
    cm.ensure_apt("ab", "apache2-utils")
    cm.ensure_apt("siege", "siege")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide59_svc as svc
    return svc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide59", sys.modules["__main__"])
    main()
