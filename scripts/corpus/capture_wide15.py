#!/usr/bin/env python3
"""Capture round 15 of the compression corpus (issue #11): THE ISSUE'S OWN CLASSES OF OUTPUT, captured fresh on
other projects and other data. The first rounds (data.json, diagnostics.json, more.json, opencode.json,
redund.json) hold one or two instances of each class issue #11 names; this round makes new instances of exactly
those kinds (same `kind` names, same per-kind needle rules) on other data, projects, sizes, tool versions and flags:
CSV and SQL results with outliers in the middle, a loopback JSON API, npm views, lockfiles, pip, process and system
tables, k8s YAML and jq (capture_wide15_data.py); failing test suites, linters, type checkers and builds of small
projects written here with real bugs, Python, JavaScript/TypeScript, Go, Rust, C and Java
(capture_wide15_diag.py, capture_wide15_js.py, capture_wide15_langs.py); git on a scripted history and OpenCode's own read/grep/glob/webfetch
renderings (capture_wide15_oc.py).

Every kind's rule is the original kind's extractor (NEEDLES.md), reused by import; nothing captured here was
compressed by its author, before or after the needles were written.

Method (as capture_wide14.py): every item's text is the stdout+stderr of a program REALLY run here, in
/tmp/hm-corpus-wide15, with tools installed into /tmp/hm-corpus-wide15-tools from PyPI and npm.

Usage:   .venv/bin/python scripts/corpus/capture_wide15.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide15.json  as {"version": 2, "items": [...]}, ids prefixed "wide15-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run  # noqa: E402

ID_PREFIX = "wide15-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide15.json"
TMP = Path("/tmp/hm-corpus-wide15")
TOOLS = Path("/tmp/hm-corpus-wide15-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PIP_ENV = {"PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": None}
PY_TOOLS = ["pytest", "ruff", "mypy", "flake8", "pylint", "bandit", "yamllint", "black", "isort"]
# versions other than the first rounds' (eslint 8's eslintrc, vitest 2, jest 29, TypeScript 5.4)
NPM_TOOLS = ["jest@29", "vitest@2", "mocha@10", "eslint@8.57.0", "typescript@5.4", "stylelint@16",
             "stylelint-config-standard@36", "markdownlint-cli@0.41", "prettier@3", "ava@6", "pyright@1.1.380"]


def ensure_tools() -> None:
    """The venv of Python linters and runners and the node_modules of the JS ones, installed once."""
    if not (VENV / "bin" / "pylint").exists():
        run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(PY_TOOLS), env=PIP_ENV, timeout=900)
    if not (JS / "node_modules" / ".bin" / "jest").exists():
        JS.mkdir(parents=True, exist_ok=True)
        (JS / "package.json").write_text('{"name": "tools", "version": "1.0.0", "private": true}\n')
        run("npm install --no-audit --no-fund -q " + " ".join(NPM_TOOLS), cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin"), str(cm.ROOT / ".venv" / "bin")]


def steps() -> list:
    import capture_wide15_data as data  # tables, JSON, packages, system
    import capture_wide15_diag as diag  # Python
    import capture_wide15_js as js  # JavaScript and TypeScript (pyright over the Python package)
    import capture_wide15_langs as langs  # Go, Rust, C, Java, shell
    import capture_wide15_oc as oc  # git and OpenCode's tools (last: it reads the earlier steps' files)
    return data.STEPS + diag.STEPS + langs.STEPS + js.STEPS + oc.STEPS


def main() -> None:
    ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide15", sys.modules["__main__"])
    main()
