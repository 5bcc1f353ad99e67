#!/usr/bin/env python3
"""Capture round 41 of the compression corpus: a blind sample of data, database and web-framework tools NEW to the
corpus (the kinds of /tmp/s12/kinds.txt excluded): pandas' value_counts / pivot_table / show_versions, numpy's
show_config, polars' describe / glimpse, DuckDB's SUMMARIZE / DESCRIBE / errors from Python, sqlite3's .dbinfo /
foreign_key_check / .lint, sqlite-utils analyze-tables, sqlacodegen, SQLAlchemy's IntegrityError, Django's check
--deploy / makemigrations --dry-run / show_urls / dumpdata / validate_templates, Jinja2, pandera, cerberus,
frictionless (capture_wide41_py.py), and Koa's logger, zod, joi, yup, Nunjucks and EJS (capture_wide41_js.py), on a
fishmonger's auction-hall ledger (`tidewater`) written here with problems put in and widened by seeded generators.
Some command lines are typed as agents type them (pipes that cut, chains, `; echo EXIT=$?`).

Every kind's needles come from the rule written in NEEDLES.md's "Round 41" section before capture; the extractors
are in capture_wide41_py.py next to the kinds. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide41.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide41.json  as {"version": 2, "items": [...]}, ids prefixed "wide41-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide41-"
DEFAULT_OUT = HERE / "data" / "wide41.json"
TMP = Path("/tmp/hm-corpus-wide41")
TOOLS = Path("/tmp/hm-corpus-wide41-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["pandas", "polars", "duckdb", "django", "django-extensions", "jinja2", "sqlalchemy", "sqlacodegen",
            "sqlite-utils", "pandera", "cerberus", "frictionless"]
NPM_PKGS = ["koa", "koa-logger", "zod", "joi", "yup", "nunjucks", "ejs"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python data / web tools and the npm packages, installed once."""
    cm.install_venv(VENV, "sqlacodegen", PY_TOOLS)
    cm.install_npm(JS, "koa-logger", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide41_js as js  # Koa, zod, joi, yup, Nunjucks, EJS
    import capture_wide41_py as py  # data frames, DuckDB, sqlite, SQLAlchemy, Django, Jinja, validators
    return py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide41", sys.modules["__main__"])
    main()
