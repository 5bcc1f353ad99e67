#!/usr/bin/env python3
"""Capture round 33 of the compression corpus (issue #11): a SIXTH blind sample of the kinds issue #11 names, on
projects new to the corpus and in languages round 32 did not use, measured once on the final engine and never tuned
on. The projects are written here with real bugs put in, widened by seeded generators: a pottery studio's
kiln-firing service in TypeScript/Node (`kilnctl`) run through jest, vitest, mocha, tsc and eslint, installed and
listed with npm and crashing with an uncaught error; its git history; a firing-log CSV and sqlite table; a
kiln-controller API on loopback through curl; the service's log; ls, find, du, ps and top; a beehive-scale telemetry
crate in Rust (`hivescale`: cargo build, test, clippy, a panicking run); a pharmacy-fridge audit library in Java
(`fridgelog`: javac, the JUnit 5 console launcher, JUnit 4's JUnitCore, an uncaught exception). About half the command
lines are typed as agents type them (pipes that cut, chains, `2>&1`, `; echo EXIT=$?`).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 33: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide33.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide33.json  as {"version": 2, "items": [...]}, ids prefixed "wide33-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide33-"
DEFAULT_OUT = HERE / "data" / "wide33.json"
TMP = Path("/tmp/hm-corpus-wide33")
TOOLS = Path("/tmp/hm-corpus-wide33-tools")
JS = TOOLS / "js"
# the npm runners and linters, fetched once into the npm cache; the project's own `npm install` then installs them
NPM_PKGS = ["typescript@5.4", "jest@29", "vitest@2", "mocha@10", "eslint@9", "@types/node@20"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The npm runners and linters, and JUnit 4 and 5 from Debian (offline jars under /usr/share/java), installed
    once."""
    cm.install_npm(JS, "eslint", NPM_PKGS)
    if not Path("/usr/share/java/junit-platform-console-standalone.jar").exists():
        cm.run("apt-get install -y junit4 junit5", timeout=600)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide33_js as js  # jest, vitest, mocha, tsc, eslint, npm, node, git, tables, API, log, listings
    import capture_wide33_native as native  # cargo build/test/clippy/run, javac, JUnit 5 and 4, a Java stack trace
    return js.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide33", sys.modules["__main__"])
    main()
