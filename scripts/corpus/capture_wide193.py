#!/usr/bin/env python3
"""Capture round 193 of the compression corpus: compilers and batch runs of less common languages, in shapes new to
the corpus. Real runs of Debian's toolchains (SML/NJ, Chez Scheme, Gambit, Hugs, Haxe, cc65/ca65/ld65, yasm, 64tass)
and npm's ReScript compiler on small programs written here (a bounded queue, an expression parser, a stack machine
interpreter, a ledger, 6502 and x86-64 routines) with bugs put in and widened by seeded generators: type errors,
missing cases, undefined symbols, failing checks, out-of-range operands, a segment that overflows. About half the
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E 'error|warning'`,
`; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 193" section fixed before capture, applied by the extractors in
capture_wide193_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide193.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide193.json  as {"version": 2, "items": [...]}, ids prefixed "wide193-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide193-"
DEFAULT_OUT = HERE / "data" / "wide193.json"
TMP = Path(os.environ.get("HM_WIDE193_TMP", "/dev/shm/hm-corpus-wide193"))
TOOLS = Path(os.environ.get("HM_WIDE193_TOOLS", "/dev/shm/hm-corpus-wide193-tools"))
JS = TOOLS / "js"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
COUNTS_RE = re.compile(r"\b\d+ passed, \d+ failed\b")
FAIL_RE = re.compile(r"(^|: )FAIL\b")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def check_lines(lines: list[str]) -> list[str]:
    """Rule 2 on the round's own test programs: every `FAIL …` check line and the `N passed, M failed` counts line."""
    return [ln for ln in lines if FAIL_RE.search(ln.strip()) or COUNTS_RE.search(ln)]


def cap_tty(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    """`cap` with `command` run on a pseudo-terminal (Gambit writes its console, errors included, to the terminal
    only), its carriage returns dropped as the terminal shows them; the item's command is `command` as typed."""
    cap(item_id, "script -qefc 'bash -c \"$R193_CMD\"' /dev/null < /dev/null | tr -d '\\r'", cwd, extractor,
        timeout=timeout, env={"R193_CMD": command}, typed=command)


def ensure_tools() -> None:
    """The toolchains from Debian (offline mirror) and ReScript from npm, installed once."""
    for tool, pkg in [("sml", "smlnj"), ("scheme", "chezscheme"), ("gsi", "gambc"), ("runhugs", "hugs"),
                      ("haxe", "haxe"), ("cl65", "cc65"), ("yasm", "yasm"), ("64tass", "64tass")]:
        cm.ensure_apt(tool, pkg)
    cm.install_npm(JS, ".bin/rescript", ["rescript@11"])


def steps() -> list:
    import capture_wide193_fp as fp  # SML/NJ, Chez Scheme, Gambit, Hugs
    import capture_wide193_native as native  # Haxe, ReScript, cc65/ca65/ld65, yasm, 64tass
    return fp.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide193", sys.modules["__main__"])
    main()
