#!/usr/bin/env python3
"""Capture round 203 of the compression corpus: second samples of round 193's kinds (compilers and batch runs of less
common languages: SML/NJ, Chez Scheme, Gambit, Hugs, Haxe, ReScript, cc65/ca65/ld65, yasm, 64tass) and of round 194's
kinds (lldb in batch mode, eu-stack, zzuf, austin, slipcover, llvm-profdata / llvm-cov export, lcov / genhtml), on
material of this round's own: a seed bank's inventory, a tokenizer, a priority queue, a ring buffer and a checksum
routine in those languages; a C tide-table calculator with faults put in, a Python rota planner and a C rainfall
aggregator for the coverage tools, a record reader for zzuf. About half the command lines are typed as agents type
them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`). No rule is new: every kind's needles come from
the extractor round 193 or 194 used for it, imported from their capture modules (NEEDLES.md, "Round 203"). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide203.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide203.json  as {"version": 2, "items": [...]}, ids prefixed "wide203-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide203-"
DEFAULT_OUT = HERE / "data" / "wide203.json"
TMP = Path(os.environ.get("HM_WIDE203_TMP", "/dev/shm/hm-corpus-wide203"))
VENV = Path(os.environ.get("HM_WIDE203_VENV", "/dev/shm/hm-corpus-wide203-venv"))
JS = Path(os.environ.get("HM_WIDE203_JS", "/dev/shm/hm-corpus-wide203-tools/js"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def cap_tty(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    """`cap` with `command` run on a pseudo-terminal (Gambit writes its console to the terminal only), carriage
    returns dropped as the terminal shows them; the item's command is `command` as typed."""
    cap(item_id, "script -qefc 'bash -c \"$R203_CMD\"' /dev/null < /dev/null | tr -d '\\r'", cwd, extractor,
        timeout=timeout, env={"R203_CMD": command}, typed=command)


def ensure_tools() -> None:
    """Rounds 193's and 194's tools: Debian's toolchains and debuggers, ReScript from npm, austin (3.7) and slipcover
    from PyPI in a venv under /dev/shm; lldb's Python package linked where Debian's lldb 14 looks for it."""
    for tool, pkg in [("sml", "smlnj"), ("scheme", "chezscheme"), ("gsi", "gambc"), ("runhugs", "hugs"),
                      ("haxe", "haxe"), ("cl65", "cc65"), ("yasm", "yasm"), ("64tass", "64tass"),
                      ("lldb", "lldb python3-lldb-14"), ("eu-stack", "elfutils"), ("zzuf", "zzuf"), ("lcov", "lcov"),
                      ("llvm-profdata", "clang llvm")]:
        cm.ensure_apt(tool, pkg)
    cm.run("d=$(lldb -P 2>/dev/null | head -n 1); [ -n \"$d\" ] && [ ! -e \"$d/lldb\" ] && mkdir -p \"$d\" && "
           "ln -s /usr/lib/llvm-14/lib/python3.11/dist-packages/lldb \"$d/lldb\"; true")
    cm.install_npm(JS, ".bin/rescript", ["rescript@11"])
    cm.install_venv(VENV, "slipcover", ["austin-dist==3.7.0", "slipcover"])


def steps() -> list:
    import capture_wide203_dbg as dbg  # lldb, eu-stack, zzuf, austin, slipcover, llvm, lcov (round 194's kinds)
    import capture_wide203_lang as lang  # SML/NJ, Chez, Gambit, Hugs, Haxe, ReScript, cc65, yasm, 64tass (193's)
    return lang.STEPS + dbg.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide203", sys.modules["__main__"])
    main()
