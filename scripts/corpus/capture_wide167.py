#!/usr/bin/env python3
"""Capture round 167 of the compression corpus: the Azure CLI and the Azure storage SDKs against Azurite, new shapes.
Kinds no earlier round holds, run for real against Azurite (the Azure storage emulator from npm) on 127.0.0.1 with its
development account (never a real cloud): the `harbor` shipping office's storage, filled by a seeded SDK script (an
assets container of 1,000 blobs of mixed tiers and types, an archive container, a leased container, queues whose
messages are received more than once, a table of shipment entities), read with `az storage container list`, `az
storage blob list` (json, table, tsv, `--query` JMESPath), `az storage blob upload-batch` / `download-batch` with
failures, `az storage message peek|get`, `az storage entity query`, SAS tokens used with curl (expired, read-only,
signed with a wrong key), `--debug` runs, SDK scripts of the office whose calls fail, and Azurite's own debug log.
About half the command lines are typed as agents type them (`| head -n 100`, `2>&1 | grep -v WARNING`, `; echo
EXIT=$?`, `-o table`).

The needles come from the rules NEEDLES.md's "Round 167" section fixed before capture, applied by the extractors in
capture_wide167_az.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide167.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide167.json  as {"version": 2, "items": [...]}, ids prefixed "wide167-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide167-"
DEFAULT_OUT = HERE / "data" / "wide167.json"
TMP = Path(os.environ.get("HM_WIDE167_TMP", "/dev/shm/hm-corpus-wide167"))
# the venv of azure-cli and the storage SDKs, and Azurite's npm project (kept outside TMP, made once)
TOOLS = Path(os.environ.get("HM_WIDE167_TOOLS", "/dev/shm/hm-corpus-wide167-tools"))
VENV, JS = TOOLS / "venv", TOOLS / "js"
PY_TOOLS = ["azure-cli", "azure-storage-blob", "azure-storage-queue", "azure-data-tables"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """azure-cli and the storage SDKs from PyPI in a venv, Azurite from npm, each made once; curl from Debian."""
    TOOLS.mkdir(parents=True, exist_ok=True)
    cm.install_venv(VENV, "az", PY_TOOLS, timeout=2400)
    cm.install_npm(JS, "azurite", ["azurite@3"])
    cm.ensure_apt("curl", "curl")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide167_az as az
    return az.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide167", sys.modules["__main__"])
    main()
