#!/usr/bin/env python3
"""Capture round 38 of the compression corpus: a blind sample of config, infrastructure and code-quality tools NEW to
the corpus (the kinds of /tmp/s12/kinds.txt excluded): import-linter, gitlint, commitizen, mdformat, toml-sort,
taplo, pyproject-fmt, yamlfix, flynt, unimport, pycln, ssort, yamale, pykwalify, xmllint, tryceratops, dodgy,
cmakelint, cmake-lint, pre-commit-hooks' CLIs, reuse, docstr-coverage, pip-check-reqs, fawltydeps, creosote, Python's
tabnanny / py_compile / json.tool, alembic check, alex, write-good, npm-package-json-lint, sort-package-json and HTML
Tidy, on a bicycle-share depot's maintenance service (`spokes`, capture_wide38_proj.py) written here with problems
put in and widened by seeded generators. Some command lines are typed as agents type them (pipes that cut, chains,
`; echo EXIT=$?`).

Every kind's needles come from the rule written in NEEDLES.md's "Round 38" section before capture; the extractors
are in capture_wide38_py.py next to the kinds. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide38.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide38.json  as {"version": 2, "items": [...]}, ids prefixed "wide38-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide38-"
DEFAULT_OUT = HERE / "data" / "wide38.json"
TMP = Path("/tmp/hm-corpus-wide38")
TOOLS = Path("/tmp/hm-corpus-wide38-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["import-linter", "gitlint", "commitizen", "mdformat", "yamale", "pykwalify", "toml-sort", "flynt",
            "unimport", "pycln", "ssort", "tryceratops", "pre-commit-hooks", "pyproject-fmt", "reuse",
            "docstr-coverage", "pip-check-reqs", "fawltydeps", "creosote", "dodgy", "cmakelint", "cmakelang",
            "yamlfix", "alembic", "sqlalchemy"]
NPM_PKGS = ["alex", "write-good", "npm-package-json-lint", "sort-package-json", "@taplo/cli"]
APT_PKGS = ["libxml2-utils", "tidy"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python tools, the npm packages and Debian's xmllint and tidy, installed once."""
    cm.install_venv(VENV, "tryceratops", PY_TOOLS)
    cm.install_npm(JS, "@taplo", NPM_PKGS)
    if not Path("/usr/bin/tidy").exists() or not Path("/usr/bin/xmllint").exists():
        cm.run("apt-get install -y -q " + " ".join(APT_PKGS), env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide38_py as py  # every step: Python code tools, configs, git history, alembic, Node prose/package
    return py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide38", sys.modules["__main__"])
    main()
