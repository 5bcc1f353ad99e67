#!/usr/bin/env python3
"""Capture round 25 of the compression corpus (issue #11): NEW SAMPLES OF THE KINDS THE EARLY ROUNDS HOLD OUT — the
framework tooling of round 10 (Django, duckdb, ExUnit/mix, kustomize, oxlint, biome, pandas, phpunit, pnpm, pydantic,
rich, rspec, sphinx, terraform, tsc -b, typer/click, uv, uvicorn), the data and package shapes of the first data
corpus (cargo metadata, dpkg.log, du | sort -h, a JSON API response, a JSON config, ls -lR, ss/netstat, npm install,
npm view --json, package-lock.json, pip install, pip list, a progress log, top -b, a WSGI log), the first
diagnostics corpus (cargo build/clippy/test, flake8, go test, jest, make, mocha, node --test, pytest, ruff,
shellcheck, tsc, vitest) and the first `more` corpus (bandit, bats, black, cppcheck, go test -json, go vet, gofmt,
jsonlint-style errors, a web server error log, lsof -i, a multi-process log, pip freeze/show/wheel, pycodestyle,
pyright, python logging, rustfmt, stylelint, tree, vmstat) — on projects, versions and bugs the corpus had not used.

Every kind's rule is the extractor an earlier round used for that kind, imported (NEEDLES.md); the needles were
computed from the raw outputs by that code. Nothing captured here was compressed: this round is a blind measurement.

Method: every item's text is what a program REALLY printed here, in /tmp/hm-corpus-wide25, with tools from PyPI and
npm in /tmp/hm-corpus-wide25-tools (Django 4.2, pandas 2.2, duckdb 1.1, pydantic 2.9, rich 13, typer 0.12 with click 8.1, uvicorn
0.32, sphinx 7.4, uv 0.4, TypeScript 5.4, jest 29, vitest 2, mocha 10, pnpm 9, biome 1.9, oxlint 0.13, stylelint
16, pyright; the sdists of webcolors, bidict and python-slugify with bugs put in) and Debian's toolchains (cargo,
go, gcc, php/phpunit, ruby/rspec, elixir, terraform, kubectl, shellcheck, cppcheck, bats, nginx).

This module holds the set-up, the size gate and main(); the captures are in capture_wide25_py.py (Django, servers,
sdists, pip), capture_wide25_frames.py (pandas, duckdb, pydantic, rich, typer, click), capture_wide25_js.py (Node and
TypeScript), capture_wide25_rust_go.py, capture_wide25_langs.py (C, shell, terraform, kustomize),
capture_wide25_scripts.py (PHP, Ruby, Elixir) and capture_wide25_sys.py (system tables, logs, JSON and listings).

Usage:   .venv/bin/python scripts/corpus/capture_wide25.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide25.json  as {"version": 2, "items": [...]}, ids prefixed "wide25-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide25-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide25.json"
TMP = Path("/tmp/hm-corpus-wide25")
TOOLS = Path("/tmp/hm-corpus-wide25-tools")
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
SRC = TOOLS / "src"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_TOOLS = ["django==4.2.16", "pandas==2.2.3", "duckdb==1.1.3", "pydantic==2.9.2", "rich==13.9.4", "typer==0.12.5",
            "click==8.1.7", "uvicorn==0.32.0", "fastapi==0.115.5", "gunicorn", "flake8", "ruff==0.7.4", "pycodestyle",
            "bandit", "black==24.10.0", "pytest==8.3.3", "sphinx==7.4.7", "uv==0.4.30"]
PY_SDISTS = ["webcolors==24.8.0", "bidict==0.23.1", "python-slugify==8.0.4"]
NPM_PKGS = ["typescript@5.4", "jest@29", "vitest@2", "mocha@10", "pnpm@9", "@biomejs/biome@1.9", "oxlint@0.13",
            "stylelint@16", "stylelint-config-standard@36", "pyright@1.1.389", "jsonlint@1.6.3"]

# the round's sizes: mostly 3-80 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 250, 100_000


TOOLSET = cm.Toolset(TOOLS, "uv", PY_TOOLS, "webcolors-*", PY_SDISTS, "stylelint", NPM_PKGS, venv_timeout=1800)
ensure_tools, unpack = TOOLSET.install, TOOLSET.unpack

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide25_frames as frames  # pandas, duckdb, pydantic, rich, typer, click
    import capture_wide25_js as js  # tsc, jest, vitest, mocha, node --test, npm, pnpm, biome, oxlint, stylelint
    import capture_wide25_langs as langs  # make, cppcheck, shellcheck, bats, terraform, kustomize
    import capture_wide25_py as py  # Django, uvicorn, gunicorn, pytest, sphinx, linters, pip, uv
    import capture_wide25_rust_go as rust_go  # cargo, clippy, rustfmt, go test, go vet, gofmt
    import capture_wide25_scripts as scripts  # phpunit, rspec, mix, ExUnit
    import capture_wide25_sys as sysc  # tables, logs, JSON, listings (last: it lists the earlier steps' trees)
    return ([unpack] + py.STEPS + frames.STEPS + js.STEPS + rust_go.STEPS + langs.STEPS + scripts.STEPS
            + sysc.STEPS)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide25", sys.modules["__main__"])
    main()
