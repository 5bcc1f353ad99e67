#!/usr/bin/env python3
"""Capture round 70 of the compression corpus: Node back-end ORMs, migrations and API-contract tooling the corpus did
not hold (the kinds of /tmp/s12/kinds.txt excluded), captured blind on a small back end written here with mistakes put
in (`ferrytix`, a ferry booking service): redocly lint / bundle, swagger-cli validate, openapi-typescript,
graphql-inspector diff / validate, graphql-codegen, valibot and class-validator issues printed by a script,
express-validator and tRPC error responses fetched with curl, json-schema-to-typescript, knex / sequelize-cli /
typeorm migrations against SQLite, drizzle-kit, Prisma's CLI and an ORM query log. Some command lines are typed as
agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| jq`).

The needles come from the rules of NEEDLES.md "Round 70", committed before anything here was captured. Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide70.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide70.json  as {"version": 2, "items": [...]}, ids prefixed "wide70-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide70-"
DEFAULT_OUT = HERE / "data" / "wide70.json"
TMP = Path("/tmp/hm-corpus-wide70")
TOOLS = Path("/tmp/hm-corpus-wide70-tools")
# two npm projects: the API-contract tools, and the ORMs (sqlite3 / better-sqlite3 build from source here)
NPM = {
    "api": ["@redocly/cli", "@apidevtools/swagger-cli", "openapi-typescript", "@graphql-inspector/cli", "graphql",
            "@graphql-codegen/cli", "@graphql-codegen/typescript", "@graphql-codegen/typescript-operations",
            "valibot", "class-validator", "class-transformer", "reflect-metadata", "json-schema-to-typescript",
            "express", "express-validator", "@trpc/server", "zod", "typescript@5"],
    "orm": ["knex", "sequelize", "sequelize-cli", "typeorm", "drizzle-kit", "drizzle-orm", "better-sqlite3",
            "sqlite3", "ts-node", "typescript@5", "prisma@6"],
}

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Each npm project, installed once."""
    for name, pkgs in NPM.items():
        d = TOOLS / name
        d.mkdir(parents=True, exist_ok=True)
        if not (d / "node_modules" / ".bin").exists():
            cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --legacy-peer-deps "
                   + " ".join(pkgs), cwd=d, timeout=1200)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide70_api as api
    import capture_wide70_orm as orm
    return api.STEPS + orm.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide70", sys.modules["__main__"])
    main()
