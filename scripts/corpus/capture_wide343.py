#!/usr/bin/env python3
"""Capture round 343 of the compression corpus: language servers and editor tooling run from the shell as an agent
meets them (gopls's CLI features and its -rpc.trace log; pylsp, typescript-language-server, bash-language-server,
yaml-language-server and vscode-json/css-language-server driven over stdio by a small client written here), on
`lanternworks`, a made-up lighthouse-keeping codebase with faults put in.

Rules: NEEDLES.md's "Round 343", applied by the extractors in capture_wide343_lsp. Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide343.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide343.json  as {"version": 2, "items": [...]}, ids prefixed "wide343-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide343-"
DEFAULT_OUT = HERE / "data" / "wide343.json"
ROOT = Path(os.environ.get("HM_WIDE343_ROOT", "/dev/shm/hm-corpus-wide343"))
TMP = ROOT / "tmp"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

PY_TOOLS = ["python-lsp-server", "jedi", "pyflakes", "pycodestyle"]
NPM = ["typescript", "typescript-language-server", "bash-language-server", "yaml-language-server",
       "vscode-langservers-extracted"]


def ensure_tools() -> None:
    """Debian's gopls, go and shellcheck; a venv of pylsp; an npm project of the node servers."""
    for tool in ("gopls", "go", "shellcheck", "node"):
        cm.have(tool, tool)
    cm.install_venv(ROOT / "venv", "pylsp", PY_TOOLS)
    cm.install_npm(ROOT / "js", "typescript-language-server", NPM)
    cm.PATH_PREFIX[:0] = [str(ROOT / "venv" / "bin"), str(ROOT / "js" / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide343_steps as st
    return st.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide343", sys.modules["__main__"])
    main()
