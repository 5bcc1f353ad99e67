#!/usr/bin/env python3
"""Capture round 174 of the compression corpus: second samples of round 166's kinds (API and load testing against
loopback services) and round 167's (the Azure CLI and the Azure storage SDKs against Azurite), no new rules.
`chargegrid`, an EV charging network's API of its own (Python's http.server on 127.0.0.1) with faults put in: a
station lookup answering 500 on some ids, a slow tariff endpoint, driver records that break the service's own OpenAPI
schema, a route renamed so the old one 404s; it is driven by newman, httpyac, Schemathesis, Locust and Artillery. And
`meadowscan`, a crop-survey office's storage in Azurite, filled by a seeded SDK script (a scans container of 900
blobs of mixed tiers and types, a telemetry archive, a leased container, a queue of tile jobs with poison messages, a
table of field records), read with the Azure CLI and with SDK scripts of the office whose calls fail.

No rule is new: each kind's needles come from round 166's or 167's extractor, imported from their capture modules
(NEEDLES.md, "Round 174"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide174.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide174.json  as {"version": 2, "items": [...]}, ids prefixed "wide174-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide174-"
DEFAULT_OUT = HERE / "data" / "wide174.json"
TMP = Path(os.environ.get("HM_WIDE174_TMP", "/dev/shm/hm-corpus-wide174"))
# made once, outside TMP: a venv of Locust and Schemathesis, a venv of azure-cli and the storage SDKs, an npm
# project of newman, httpyac, artillery and azurite
TOOLS = Path(os.environ.get("HM_WIDE174_TOOLS", "/dev/shm/hm-corpus-wide174-tools"))
VENV, AZ_VENV, JS = TOOLS / "venv", TOOLS / "az", TOOLS / "js"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 166's and 167's tools: PyPI venvs, one npm project (artillery without its browser download), jq, curl."""
    TOOLS.mkdir(parents=True, exist_ok=True)
    cm.install_venv(VENV, "locust", ["locust", "schemathesis"])
    cm.install_venv(AZ_VENV, "az", ["azure-cli", "azure-storage-blob", "azure-storage-queue", "azure-data-tables"],
                    timeout=2400)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "azurite").exists():
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --ignore-scripts newman httpyac "
               "artillery azurite@3", cwd=JS, env={"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}, timeout=1500)
    cm.ensure_apt("jq", "--no-install-recommends jq")
    cm.ensure_apt("curl", "curl")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(AZ_VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide174_api as api  # round 166's kinds on the chargegrid service
    import capture_wide174_az as az  # round 167's kinds on meadowscan's storage in Azurite
    return api.STEPS + az.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide174", sys.modules["__main__"])
    main()
