#!/usr/bin/env python3
"""Capture round 181 of the compression corpus: third samples of rounds 85's and 87's kinds, no new rules.

Round 85's code-navigation and terminal tools (ast-grep run, JSON, scans in both report styles, rewrite previews;
universal-ctags `-x`, JSON and tags files; cscope's line mode; hexyl; ncdu's export; fd-find's long listing; ping to
127.0.0.1) over a new repository written here (`railyard`: a freight hump-yard controller in Python, C and Go, widened
by a seeded generator, with its own mistakes put in); round 87's JavaScript infrastructure and release CLIs run offline
on new projects for a city library network (a CDK app of many branch stacks, a Cloudflare Worker for book returns, a
serverless 3 service, a husky-guarded repository, a seeded release history, dbmate migrations, bundle budgets).

Every item's needles come from round 85's or 87's extractors, imported from capture_wide85_nav.py,
capture_wide87_cdk.py and capture_wide87_js.py (NEEDLES.md's "Round 181" section, committed before this capture).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide181.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide181.json  as {"version": 2, "items": [...]}, ids prefixed "wide181-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide181-"
DEFAULT_OUT = HERE / "data" / "wide181.json"
TMP = Path("/dev/shm/hm-corpus-wide181")
TOOLS87 = Path("/tmp/hm-corpus-wide87-tools")  # round 87's npm tools, reused as installed
HOME = TMP.parent / "hm-corpus-wide181-home"
# no telemetry, no notices, no instance-metadata probes: the machine has no network but the registries
ENV = {"CDK_DISABLE_CLI_TELEMETRY": "1", "AWS_EC2_METADATA_DISABLED": "true", "WRANGLER_SEND_METRICS": "false",
       "SLS_TELEMETRY_DISABLED": "1", "SLS_NOTIFICATIONS_MODE": "off", "HOME": str(HOME),
       "GIT_AUTHOR_NAME": "Tomasz Adeyemi", "GIT_AUTHOR_EMAIL": "tomasz@example.org",
       "GIT_COMMITTER_NAME": "Tomasz Adeyemi", "GIT_COMMITTER_EMAIL": "tomasz@example.org", "GIT_CONFIG_NOSYSTEM": "1"}

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Round 85's tools (ast-grep from npm, the rest from Debian) and round 87's npm tools, installed once."""
    import capture_wide85 as r85
    import capture_wide87 as r87
    r85.ensure_tools()
    r87.ensure_tools()


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300, typed: str | None = None) -> None:
    """Run `command` in `cwd` under the round's environment and add its merged output."""
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout, env=ENV), extractor)


def steps() -> list:
    import capture_wide181_nav as nav  # railyard and round 85's tools over it
    import capture_wide181_js as js  # the library network's CDK app, Worker, service, hooks, releases, migrations
    return nav.STEPS + js.STEPS


def main() -> None:
    HOME.mkdir(parents=True, exist_ok=True)
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide181", sys.modules["__main__"])
    main()
