#!/usr/bin/env python3
"""Capture round 125 of the compression corpus: WebAssembly toolchains, new to the corpus. A C project of its own
(`quarry`, a rock-sample assay library widened by a seeded generator to about 120 files, with warnings put in) built
with Debian's emscripten through make, linked with undefined and duplicate symbols on purpose, its -sASSERTIONS builds
run under node until they abort; modules optimised and inspected with binaryen (wasm-opt --metrics, validation of
broken modules, wasm-metadce) and wabt (wasm-objdump -d, wasm-interp, wasm-decompile); an AssemblyScript project of
its own compiled with asc; trapping modules run from Python (PyPI wasmtime) and from node's own WebAssembly. Faults
are put in on purpose. About half the command lines are typed as agents type them.

The needles come from the rules NEEDLES.md's "Round 125" section fixed before capture, applied by the extractors in
capture_wide125_em.py and capture_wide125_wabt.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide125.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide125.json  as {"version": 2, "items": [...]}, ids prefixed "wide125-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide125-"
DEFAULT_OUT = HERE / "data" / "wide125.json"
TMP = Path("/tmp/hm-corpus-wide125")
TOOLS = Path("/tmp/hm-corpus-wide125-tools")
VENV = TOOLS / "venv"  # PyPI's wasmtime
JS = TOOLS / "js"  # npm's assemblyscript (asc)

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
APT = "emscripten binaryen wabt"


def ensure_tools() -> None:
    """emscripten, binaryen and wabt from Debian; wasmtime from PyPI; assemblyscript from npm; installed once."""
    if not cm.have("emcc", "emcc") or not cm.have("wasm-opt", "wasm-opt") or not cm.have("wasm-interp", "wasm-interp"):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)
    if not list(VENV.glob("lib/python3*/site-packages/wasmtime")):
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q wasmtime", env=cm.PIP_ENV, timeout=900)
    cm.install_npm(JS, "assemblyscript", ["assemblyscript"])
    # Debian's binaryen first on PATH: npm's assemblyscript brings a JS build of wasm-opt that is not the one asked for
    cm.PATH_PREFIX[:0] = ["/usr/bin", str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed, and every make `***` line."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip()) or re.search(r"make(\[\d+\])?: \*\*\*", ln)]


def steps() -> list:
    import capture_wide125_em as em  # emcc builds, links, aborts under node; wasm-opt metrics/validation; metadce
    import capture_wide125_wabt as wabt  # wasm-objdump -d, wasm-interp, wasm-decompile, asc, wasmtime, node traps
    return em.STEPS + wabt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide125", sys.modules["__main__"])
    main()
