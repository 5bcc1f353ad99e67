#!/usr/bin/env python3
"""Capture round 354 of the compression corpus: second samples of round 350's graphics, shader and hardware-design
kinds (gpasm, gplink, avra, avr-objdump, sigrok-cli, esptool image-info, glxinfo/eglinfo, vulkaninfo, spirv-as/link,
glslangValidator reflection, arachne-pnr) and of round 343's language-server kinds (gopls's CLI and -rpc.trace log,
pylsp, typescript-language-server, bash-, yaml-, json- and css-language-servers driven by round 343's client), on
`millrace`, a windmill's code and designs written here (seeds 35410+) with faults put in.

Rules: NEEDLES.md's "Round 354" (no new rules): the extractors are imported from capture_wide350 and
capture_wide343_lsp, unchanged. Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide354.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide354.json  as {"version": 2, "items": [...]}, ids prefixed "wide354-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide354-"
DEFAULT_OUT = HERE / "data" / "wide354.json"
ROOT = Path(os.environ.get("HM_WIDE354_ROOT", "/dev/shm/hm-corpus-wide354"))
TMP = ROOT / "tmp"
VENV = ROOT / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

PY_TOOLS = ["python-lsp-server", "jedi", "pyflakes", "pycodestyle", "esptool"]
NPM = ["typescript-language-server", "bash-language-server", "yaml-language-server", "vscode-langservers-extracted"]


def ensure_tools() -> None:
    for tool, pkg in [("gpasm", "gputils"), ("avra", "avra"), ("avr-objdump", "binutils-avr"),
                      ("sigrok-cli", "sigrok-cli"), ("glxinfo", "mesa-utils"), ("vulkaninfo", "vulkan-tools"),
                      ("Xvfb", "xvfb"), ("glslangValidator", "glslang-tools"), ("spirv-as", "spirv-tools"),
                      ("arachne-pnr", "arachne-pnr"), ("yosys", "yosys")]:
        cm.ensure_apt(tool, pkg)
    for tool in ("gopls", "go", "shellcheck", "node"):
        cm.have(tool, tool)
    cm.install_venv(VENV, "pylsp", PY_TOOLS)
    cm.install_npm(ROOT / "js", "typescript-language-server", NPM)
    cm.install_npm(ROOT / "ts5", "typescript", ["typescript@5.9.3"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(ROOT / "js" / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide354_hw as hw
    import capture_wide354_lsp as ls
    return hw.STEPS + ls.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide354", sys.modules["__main__"])
    main()
