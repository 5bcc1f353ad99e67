#!/usr/bin/env python3
"""Capture round 192 of the compression corpus: third samples of round 102's host security and forensics kinds and
round 107's browser-driven web quality kinds, on new material: a beekeeping co-operative's (`apiary`) server copy with
planted tokens, web shells, a card skimmer and miners (YARA, and rule drafts that do not compile), its config tree
before and after a swarm of changes (AIDE), audit logs of its own generated in the kernel's record format (ausearch,
aureport), an sshd and a TLS server on loopback (ssh-audit, testssl.sh), a hive-records app with an injectable
parameter and weak passwords (sqlmap, hydra, john), and its seeded site of hives, honeys and courses with mistakes put
in, served on 127.0.0.1 and checked by Lighthouse (JSON, CSV, its log), pa11y (CLI, JSON, CSV), pa11y-ci (text,
JSON), axe, linkinator (text, CSV, JSON), broken-link-checker and a puppeteer console probe; Karma runs jasmine and
mocha specs of the co-operative's front-end code with bugs put in.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 192"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide192.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide192.json  as {"version": 2, "items": [...]}, ids prefixed "wide192-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide192-"
DEFAULT_OUT = HERE / "data" / "wide192.json"
TMP = Path("/dev/shm/hm-corpus-wide192")

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 102's and round 107's tools (apt, ssh-audit's venv, the npm tools), installed as those rounds do."""
    import capture_wide102
    import capture_wide107
    capture_wide102.ensure_tools()
    capture_wide107.ensure_tools()


def steps() -> list:
    import capture_wide192_host as host  # yara, aide, ausearch, aureport, ssh-audit, testssl
    import capture_wide192_site as st  # the brewery's site and the browser-driven checkers
    return host.STEPS + st.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide192", sys.modules["__main__"])
    main()
