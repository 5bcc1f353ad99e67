#!/usr/bin/env python3
"""Capture round 109 of the compression corpus: Node.js runtime diagnostics and the npm family's less common verbs,
new to the corpus, on a tide-gauge ingest service written here (`tidepool`) with bugs put in and widened by seeded
generators. Node 20's diagnostic report (`--report-uncaught-exception`, `--report-on-signal`), `--trace-warnings`,
`--trace-deprecation`, `--trace-uncaught` and `--unhandled-rejections=strict` runs, why-is-node-running's handle list,
tsx and ts-node crashes with source maps; npm's `sbom` (SPDX and CycloneDX), `diff` between published versions,
`dedupe --dry-run`, `prune --dry-run`, `pkg get` and `version` failures; pnpm's `licenses list`; yarn classic's and
berry's `why` and berry's `constraints`. Several command lines are typed as agents type them (`2>&1 | tail -n 80`,
`; echo EXIT=$?`, `| head -n 100`).

The kinds and their rule 5 values are NEEDLES.md's "Round 109", written before this ran; the extractors live in
capture_wide109_node.py and capture_wide109_pkg.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide109.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide109.json  as {"version": 2, "items": [...]}, ids prefixed "wide109-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide109-"
DEFAULT_OUT = HERE / "data" / "wide109.json"
TMP = Path(os.environ.get("HM_WIDE109_TMP", "/tmp/hm-corpus-wide109"))
TOOLS = Path("/tmp/hm-corpus-wide109-tools")
JS = TOOLS / "js"
BIN = TOOLS / "bin"
NPM_PKGS = ["pnpm@9", "yarn@1", "@yarnpkg/cli-dist@4", "tsx", "ts-node", "typescript@5", "why-is-node-running@2"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """npm's pnpm, yarn classic, yarn berry (its CLI bundle as `berry`, yarn classic as `yarn`), tsx, ts-node, typescript and
    why-is-node-running, installed once; Node 20 and npm are the machine's."""
    cm.install_npm(JS, "why-is-node-running", NPM_PKGS)
    BIN.mkdir(parents=True, exist_ok=True)
    berry = BIN / "berry"
    berry.write_text(f'#!/bin/sh\nexec node {JS}/node_modules/@yarnpkg/cli-dist/bin/yarn.js "$@"\n')
    berry.chmod(0o755)
    classic = BIN / "yarn"  # berry's bundle installs a `yarn` bin too: this one is yarn classic's
    classic.write_text(f'#!/bin/sh\nexec node {JS}/node_modules/yarn/bin/yarn.js "$@"\n')
    classic.chmod(0o755)
    cm.PATH_PREFIX[:0] = [str(BIN), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide109_node as node  # diagnostic reports, trace flags, why-is-node-running, tsx, ts-node
    import capture_wide109_pkg as pkg  # npm sbom / diff / dedupe / prune / pkg get / version, pnpm, yarn
    return node.STEPS + pkg.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide109", sys.modules["__main__"])
    main()
