#!/usr/bin/env python3
"""Capture round 91 of the compression corpus: second samples of round 87's kinds (JavaScript infrastructure and
release CLIs run offline), no new rules. New projects written here for a network of solar farms, with other mistakes
put in and other seeds: a CDK app of 40+ stacks (`cdk synth`, synths that throw, `cdk diff` against saved templates,
`cdk ls`), a Cloudflare Worker for panel telemetry (`wrangler deploy --dry-run`, its configuration errors), a
serverless 3 service (`sls print`, `sls package`), a repository whose husky hook runs eslint and prettier over 150+
seeded files, standard-version and semantic-release dry runs over a seeded history, dbmate migrations on sqlite.

Every item's needles come from round 87's extractors, imported from capture_wide87_cdk.py and capture_wide87_js.py
(NEEDLES.md's "Round 91" section). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide91.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide91.json  as {"version": 2, "items": [...]}, ids prefixed "wide91-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide91-"
DEFAULT_OUT = HERE / "data" / "wide91.json"
TMP = Path("/tmp/hm-corpus-wide91")
TOOLS = Path("/tmp/hm-corpus-wide87-tools")  # round 87's tools, reused as installed
JS = TOOLS / "js"
NPM_TOOLS = ["aws-cdk", "aws-cdk-lib", "constructs", "wrangler", "standard-version", "semantic-release", "release-it",
             "conventional-changelog-cli", "bundlesize", "husky", "lint-staged", "eslint@8", "prettier"]
JS2 = TOOLS / "js2"  # serverless 3 pulls aws-sdk 2, whose install script fails beside the others: a project of its own
NPM_TOOLS2 = ["serverless@3", "dbmate"]
# no telemetry, no notices, no instance-metadata probes: the machine has no network but the npm registry
ENV = {"CDK_DISABLE_CLI_TELEMETRY": "1", "AWS_EC2_METADATA_DISABLED": "true", "WRANGLER_SEND_METRICS": "false",
       "SLS_TELEMETRY_DISABLED": "1", "SLS_NOTIFICATIONS_MODE": "off", "HOME": str(TOOLS / "home"),
       "GIT_AUTHOR_NAME": "Ines Okafor", "GIT_AUTHOR_EMAIL": "ines@example.org", "GIT_COMMITTER_NAME": "Ines Okafor",
       "GIT_COMMITTER_EMAIL": "ines@example.org", "GIT_CONFIG_NOSYSTEM": "1"}

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The npm tools, installed once into one project whose node_modules the round's projects link to."""
    cm.install_npm(JS, "wrangler", NPM_TOOLS, timeout=1500)
    cm.install_npm(JS2, "serverless", NPM_TOOLS2, timeout=1500)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), str(JS2 / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300, typed: str | None = None) -> None:
    """Run `command` in `cwd` under the round's environment and add its merged output."""
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout, env=ENV), extractor)


def steps() -> list:
    import capture_wide91_cdk as cdk  # cdk synth, synth errors, diff, ls
    import capture_wide91_js as js  # wrangler, serverless, husky, release dry runs, dbmate
    return cdk.STEPS + js.STEPS


def main() -> None:
    (TOOLS / "home").mkdir(parents=True, exist_ok=True)
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide91", sys.modules["__main__"])
    main()
