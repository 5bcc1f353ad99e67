#!/usr/bin/env python3
"""Capture round 194 of the compression corpus: debuggers, coverage and fuzzing tools, shapes new to the corpus.
Small C and Python programs written here with faults put in (a NULL dereference in a list walk, an out-of-bounds
write that trips an assertion, a lock-order deadlock, a divide by zero in a worker thread, a hot loop, branches no
input reaches, a header parser that crashes on one byte) run under Debian's lldb 14 in batch mode (crash backtraces,
every thread, frame variables, register reads, breakpoint sessions), elfutils' eu-stack, zzuf, austin (PyPI), slipcover
(PyPI), clang's source-based coverage (`llvm-profdata show`, `llvm-cov export`) and lcov / genhtml over gcc's
`--coverage` data. About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`,
`2>&1 | grep -E …`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's "Round 194" section fixed before
capture, applied by the extractors in capture_wide194_dbg.py and capture_wide194_cov.py. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide194.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide194.json  as {"version": 2, "items": [...]}, ids prefixed "wide194-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide194-"
DEFAULT_OUT = HERE / "data" / "wide194.json"
TMP = Path(os.environ.get("HM_WIDE194_TMP", "/dev/shm/hm-corpus-wide194"))
VENV = Path(os.environ.get("HM_WIDE194_VENV", "/dev/shm/hm-corpus-wide194-venv"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
OWN_WORDS = re.compile(r"error|fail|abort|assert|mismatch", re.I)


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """lldb, elfutils, zzuf, lcov and clang/llvm from Debian; austin (3.7: the newest built for this glibc),
    slipcover in a venv from PyPI."""
    cm.ensure_apt("lldb", "lldb python3-lldb-14")
    cm.ensure_apt("eu-stack", "elfutils")
    cm.ensure_apt("zzuf", "zzuf")
    cm.ensure_apt("lcov", "lcov")
    cm.ensure_apt("llvm-profdata", "clang llvm")
    # Debian's lldb 14 looks for its Python package under /usr/lib/local (`lldb -P`); without it every run
    # starts with a ModuleNotFoundError for lldb.embedded_interpreter
    cm.run("d=$(lldb -P 2>/dev/null | head -n 1); [ -n \"$d\" ] && [ ! -e \"$d/lldb\" ] && mkdir -p \"$d\" && "
           "ln -s /usr/lib/llvm-14/lib/python3.11/dist-packages/lldb \"$d/lldb\"; true")
    cm.install_venv(VENV, "slipcover", ["austin-dist==3.7.0", "slipcover"])


def steps() -> list:
    import capture_wide194_cov as cov  # austin, slipcover, llvm-profdata, llvm-cov export, lcov, genhtml
    import capture_wide194_dbg as dbg  # lldb, eu-stack, zzuf
    return dbg.STEPS + cov.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide194", sys.modules["__main__"])
    main()
