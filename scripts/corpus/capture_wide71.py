#!/usr/bin/env python3
"""Capture round 71 of the compression corpus: second samples of round 70's kinds (Node back-end ORMs, migrations and
API-contract tooling) on a new small back end written here with other mistakes put in (`vetbook`, a veterinary
clinic's appointment service): redocly lint / bundle, graphql-codegen, valibot and class-validator issues printed by a
script, express-validator error responses fetched with curl, json-schema-to-typescript, knex / sequelize-cli / typeorm
migrations against SQLite, drizzle-kit and an ORM query log. Command lines are typed as agents type them
(`| tail -n 60`, `| head -n 80`, `; echo EXIT=$?`, `| jq`).

No rule is new (NEEDLES.md "Round 71"): every item's needles come from round 70's extractor for its kind, imported
from its capture modules. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide71.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide71.json  as {"version": 2, "items": [...]}, ids prefixed "wide71-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide71-"
DEFAULT_OUT = HERE / "data" / "wide71.json"
TMP = Path("/tmp/hm-corpus-wide71")
TOOLS = Path("/tmp/hm-corpus-wide70-tools")  # round 70's npm projects, reused

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Round 70's npm projects (installed by its ensure_tools when missing)."""
    import capture_wide70
    capture_wide70.ensure_tools()


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide71_api as api
    import capture_wide71_orm as orm
    return api.STEPS + orm.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide71", sys.modules["__main__"])
    main()
