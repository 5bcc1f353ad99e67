#!/usr/bin/env python3
"""Capture round 208 of the compression corpus: Linux kernel and C-project maintenance tools, shapes new to the
corpus. A small driver-like C library written here (`ledbus`, widened by a seeded generator, with faults put in:
missing SPDX lines, stale kernel-doc, misused kernel APIs, style faults, an ABI break between two builds) and a patch
series of its own, run through the kernel's checkpatch.pl, kernel-doc, checkstack.pl, bloat-o-meter and
checkincludes.pl (from Debian's linux-source-6.1 tarball), Coccinelle, sparse, indent, astyle, uncrustify, vera++,
cflow, pahole, pmccabe, GNU complexity, abidiff and abi-compliance-checker. Several command lines are typed as agents
type them (pipes that cut, `; echo EXIT=$?`).

The rules are NEEDLES.md's "Round 208", written before capture; the extractors are in capture_wide208_kern.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide208.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide208.json  as {"version": 2, "items": [...]}, ids prefixed "wide208-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide208-"
DEFAULT_OUT = HERE / "data" / "wide208.json"
TMP = Path("/dev/shm/hm-corpus-wide208")
KSRC = Path("/dev/shm/hm-corpus-wide208-ksrc")  # the kernel's scripts/, unpacked from linux-source-6.1
APT = ("coccinelle cflow indent astyle abi-dumper abi-compliance-checker sparse dwarves pmccabe complexity "
       "uncrustify vera++ abigail-tools linux-source-6.1")

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's tools, installed once, and the kernel's scripts/ unpacked from the linux-source tarball."""
    if not cm.have("spatch", "spatch") or not cm.have("abidiff", "abidiff"):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)
    if not (KSRC / "scripts" / "checkpatch.pl").exists():
        KSRC.mkdir(parents=True, exist_ok=True)
        cm.run("tar xJf /usr/src/linux-source-6.1.tar.xz --strip-components=1 linux-source-6.1/scripts",
               cwd=KSRC, timeout=900)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide208_kern as kern
    return kern.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide208", sys.modules["__main__"])
    main()
