#!/usr/bin/env python3
"""Capture round 10 of the compression corpus (issue #11): COMMON TOOLS OF ECOSYSTEMS THE CORPUS BARELY HAS, and
MODERN TERMINAL FORMATTING. Python web and data stacks (Django's test runner and management commands, FastAPI
under uvicorn hit on loopback, SQLAlchemy's echo, alembic, pandas/polars/duckdb prints, pydantic errors, sphinx,
uv, ansible), Node's newer tools (pnpm, biome, oxlint, playwright's runner, tsc -b), PHP, Ruby, Elixir
and Lua test runners and linters from Debian's packages, terraform and kustomize on files written here; boxes,
emoji, final progress states (rich, tqdm, pytest-sugar, polars, duckdb, terraform's ╷│╵ diagnostics), very long
lines (a minified JSON API answer, a 10 KB one-line error) and TAB-separated outputs.

This module holds the tool install, the round's generic line-rule helper and main(); the Python kinds are in
capture_wide10_py.py, capture_wide10_tools.py and capture_wide10_data.py, PHP, Ruby, Elixir and Lua in
capture_wide10_langs.py and capture_wide10_langs2.py, Node's newer tools, terraform and kustomize in capture_wide10_eco.py, JSON, rendered documents and code,
searches and a git graph in capture_wide10_more.py.

Method (as capture_wide9a.py): every item's text is the stdout+stderr of a program REALLY run here, on throwaway
projects written below in /tmp/hm-corpus-wide10 with tools installed from the registries (PyPI, npm, Debian's
packages) into /tmp/hm-corpus-wide10-tools. Needles follow scripts/corpus/NEEDLES.md and are computed from the
cleaned raw output by the extractor of the item's kind, whose docstring (first line = needle_rule) states the
rule, written next to the kind before anything was measured; nothing captured here was compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide10.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide10.json  as {"version": 2, "items": [...]}, ids prefixed "wide10-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run  # noqa: E402

ID_PREFIX = "wide10-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide10.json"
TMP = Path("/tmp/hm-corpus-wide10")
TOOLS = Path("/tmp/hm-corpus-wide10-tools")
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_PKGS = ["django", "fastapi", "uvicorn", "flask", "alembic", "sqlalchemy", "pandas", "numpy", "polars", "duckdb", "rich",
           "tqdm", "pytest", "pytest-xdist", "hypothesis", "pytest-rerunfailures", "pytest-sugar", "pytest-cov", "loguru",
           "pydantic", "sphinx", "httpx", "uv", "kubernetes-validate", "ansible-core", "build", "typer"]
JS_PKGS = ["pnpm", "@biomejs/biome", "oxlint", "@playwright/test", "typescript", "prettier"]
APT_PKGS = ["php-cli", "phpunit", "ruby-rspec", "rubocop", "elixir", "lua-busted", "erlang-base"]
COLOR = {"FORCE_COLOR": "1", "PY_COLORS": "1", "NO_COLOR": None, "TERM": "xterm-256color", "CLICOLOR_FORCE": "1"}

Extractor = Callable[[list[str]], list]


def ensure_tools() -> None:
    """Install the PyPI, npm and Debian tools once (the registries are the only network used)."""
    if not (VENV / "bin" / "uv").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_PKGS), env=PIP_ENV, timeout=1800)
    if not (JS / "node_modules" / ".bin" / "pnpm").exists():
        JS.mkdir(parents=True, exist_ok=True)
        (JS / "package.json").write_text('{"name":"w10-tools","private":true,"version":"1.0.0"}\n')
        run("npm install --no-audit --no-fund --loglevel=error " + " ".join(JS_PKGS), cwd=JS, timeout=900)
    if not Path("/usr/bin/phpunit").exists():
        run("apt-get update -q && apt-get install -y -q --no-install-recommends " + " ".join(APT_PKGS), timeout=1800)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin"), str(VENV / "bin")]


def line_rule(name: str, family: str, doc: str, hit: str | None = None, loc: str | None = None,
              summary: str | None = None, ahead: int = 6) -> Extractor:
    """A kind whose needles are whole lines: every line matching `hit`, with the first line matching `loc` within
    the next `ahead` lines (its location), and the LAST line matching `summary`. `doc` is the rule as written."""
    hit_re, loc_re, sum_re = (re.compile(p) if p else None for p in (hit, loc, summary))

    def ext(lines: list[str]) -> list:
        out: list = []
        for i, ln in enumerate(lines):
            if hit_re and ln.strip() and hit_re.search(ln):
                out.append(ln)
                if loc_re:
                    out.append(next((x for x in lines[i + 1:i + 1 + ahead] if loc_re.search(x)), None))
        if sum_re:
            out.append(next((ln for ln in reversed(lines) if ln.strip() and sum_re.search(ln)), None))
        return out
    ext.__doc__ = doc
    return kind(name, family)(ext)


def grouped_rule(name: str, family: str, doc: str, warn: str, key: Callable[[re.Match], tuple], hit: str | None = None,
                 summary: str | None = None) -> Extractor:
    """A kind with warnings: every line matching `hit` (errors) and the LAST line matching `summary` as whole-line
    needles, and the lines matching `warn` as one {"any"} needle per key(match) (code or message shape, file)."""
    base = line_rule(name, family, doc, hit=hit, summary=summary)
    warn_re = re.compile(warn)

    def ext(lines: list[str]) -> list:
        return base(lines) + cm.groups((key(m), ln) for ln in lines for m in [warn_re.search(ln)] if m)
    ext.__doc__ = doc
    return kind(name, family)(ext)


def steps() -> list:
    import capture_wide10_data as data  # pandas, polars, duckdb, rich, tqdm, SQL logs, TSV and long lines
    import capture_wide10_eco as eco  # Node's newer tools, terraform, kustomize
    import capture_wide10_langs as langs  # PHP, Ruby
    import capture_wide10_langs2 as langs2  # Elixir, Lua
    import capture_wide10_more as more  # JSON, rendered docs and code, searches, a git graph
    import capture_wide10_py as py  # Django, FastAPI/uvicorn, pytest plugins
    import capture_wide10_tools as tools  # sphinx, uv, ansible
    return py.STEPS + tools.STEPS + data.STEPS + langs.STEPS + langs2.STEPS + eco.STEPS + more.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide10", sys.modules["__main__"])
    main()
