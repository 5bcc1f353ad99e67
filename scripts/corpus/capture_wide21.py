#!/usr/bin/env python3
"""Capture round 21 of the compression corpus (issue #11): MODERN TERMINAL OUTPUT AND FRAMEWORK TOOLING, a second
independent sample of round 10's families on OTHER tools and projects: Flask (flask routes, the dev server's log with
a 500, test-client failures), Django (makemigrations --check, sqlmigrate, diffsettings, inspectdb, a failing migrate,
the test runner serial and parallel), FastAPI/Starlette (422 bodies, a 500 in uvicorn's log), alembic (autogenerate, a failed
upgrade), marshmallow / cattrs error dumps, a click group's help, rich (inspect, a tree, the logging
handler), structlog exceptions, pytest plugins not used before (benchmark, timeout, randomly, mock), pre-commit with
local hooks failing, nox, mkdocs --strict, black/isort --diff (pyupgrade as a pre-commit hook), pandas groupby and warnings, csvkit,
jupyter nbconvert --execute with an error; Node's tooling on an 18-feature storefront (prettier --check, stylelint,
knip, madge --circular, vite build, vitest's verbose reporter, eslint's flat config; depcheck prints under 300
characters there and the size gate skips it); infra (ansible-playbook --check --diff, ansible-inventory --graph,
openssl req/x509 -text, jq and yq transforms, systemd-analyze verify).

This module holds the tool install, the size gate and main(); the captures are in capture_wide21_web.py (Flask,
Django), capture_wide21_api.py (FastAPI, alembic), capture_wide21_lib.py (libraries' prints and pytest plugins), capture_wide21_data.py
(pandas, csvkit, nbconvert, structlog, rich) and capture_wide21_tools.py (dev tools, Node, infra). Kinds an earlier
round has keep that round's extractor (NEEDLES.md); each new kind's rule is written next to its capture. Rules were
fixed from the raw outputs only: nothing captured here was compressed.

Method: every item's text is what a program REALLY printed here, on throwaway projects written below in
/tmp/hm-corpus-wide21 with tools installed from PyPI and npm into /tmp/hm-corpus-wide21-tools (Debian's jq, yq,
openssl, sqlite3 and systemd-analyze as found).

Usage:   .venv/bin/python scripts/corpus/capture_wide21.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide21.json  as {"version": 2, "items": [...]}, ids prefixed "wide21-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide21-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide21.json"
TMP = Path("/tmp/hm-corpus-wide21")
TOOLS = Path("/tmp/hm-corpus-wide21-tools")
VENV = TOOLS / "venv"
BIN = VENV / "bin"
PY = BIN / "python"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_PKGS = ["flask", "django", "fastapi", "httpx", "uvicorn", "sqlalchemy", "alembic", "click", "rich", "structlog",
           "pytest", "pytest-benchmark", "pytest-timeout", "pytest-randomly", "pytest-mock", "hypothesis", "pandas",
           "marshmallow", "attrs", "cattrs", "mkdocs", "pyupgrade", "black", "isort", "nox", "pre-commit", "csvkit",
           "nbconvert", "ipykernel", "pydantic", "ansible-core"]
JS_PKGS = ["knip", "depcheck", "madge", "prettier", "stylelint", "stylelint-config-standard", "vite", "eslint",
           "@eslint/js", "typescript", "vitest", "dayjs"]

# the round's sizes: 2-40 KB asked; a linter or a short failing run on a small project prints less, and is kept as it
# really is (capture_more's own 300-character floor still applies)
MIN_CHARS, MAX_CHARS = 300, 120_000


def ensure_tools() -> None:
    """Install the PyPI and npm tools once (the registries are the only network used)."""
    cm.install_venv(VENV, "ansible-playbook", PY_PKGS, timeout=1800)
    cm.install_npm(JS, "knip", JS_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), str(BIN)]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide21_api as api  # FastAPI/uvicorn, alembic
    import capture_wide21_data as data  # pandas, csvkit, nbconvert, structlog, rich
    import capture_wide21_lib as lib  # marshmallow, cattrs, click, pytest plugins
    import capture_wide21_tools as tools  # pre-commit, nox, mkdocs, formatters, Node, infra
    import capture_wide21_web as web  # Flask, Django
    return web.STEPS + api.STEPS + lib.STEPS + data.STEPS + tools.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 8_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide21", sys.modules["__main__"])
    main()
