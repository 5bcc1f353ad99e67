#!/usr/bin/env python3
"""Capture round 95 of the compression corpus: language toolchains new to the corpus. Zig (PyPI's `ziglang`), GNU
Octave, Emacs in batch mode, Clojure, tcc, WABT and the LLVM tools (llvm-cov, llvm-dwarfdump, clang's optimisation
remarks) run on small projects written here with bugs put in (failing tests, compile errors, runtime panics and
exceptions, byte-compile warnings, malformed WebAssembly text), widened by seeded generators. Some command lines are
typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 95" section fixed before capture, applied by the extractors in
capture_wide95_langs.py and capture_wide95_native.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide95.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide95.json  as {"version": 2, "items": [...]}, ids prefixed "wide95-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide95-"
DEFAULT_OUT = HERE / "data" / "wide95.json"
TMP = Path("/tmp/hm-corpus-wide95")
TOOLS = Path("/tmp/hm-corpus-wide95-tools")
VENV = TOOLS / "venv"
ZIG = f"{VENV}/bin/python -m ziglang"  # PyPI's ziglang: the zig binary inside a wheel

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """ziglang from PyPI; octave, emacs-nox, clojure, tcc, wabt and clang-14 from Debian (llvm-14 is there), once."""
    cm.install_venv(VENV, "python-zig", ["ziglang"])
    for tool, pkg in [("octave-cli", "octave"), ("emacs", "emacs-nox"), ("clojure", "clojure"), ("tcc", "tcc"),
                      ("wat2wasm", "wabt"), ("clang-14", "clang-14")]:
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide95_langs as langs  # zig, octave, emacs, clojure
    import capture_wide95_native as native  # tcc, wabt, llvm-cov, llvm-dwarfdump, clang remarks
    return langs.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide95", sys.modules["__main__"])
    main()
