#!/usr/bin/env python3
"""Capture round 129 of the compression corpus: JVM runtime diagnostics, shapes new to the corpus. Kinds no earlier
round holds, run for real with Debian's OpenJDK 17 on a program written here (`silo`, a grain-silo ledger) with faults
put in, widened by seeded generators: `-Xlog:gc*` logs of a leaking ticket cache that ends in `OutOfMemoryError: Java
heap space` under the Parallel and G1 collectors (a Full GC storm), `jcmd GC.heap_info`, `jcmd VM.flags -all`,
`-XX:+PrintFlagsFinal`, class-loading logs (`-verbose:class`, `-Xlog:class+load`), `-XX:+PrintCompilation`,
`jcmd Thread.print` of a lock-order deadlock, `jdeprscan` over the ledger's jars, `jlink` failures, `java
--list-modules`, `jar --describe-module`, `java -Xshare:dump` logs and `jarsigner -verify -verbose` of a jar signed
and then altered. Maven Central is unreachable: only the JDK and the sources written here. About half the command
lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -v …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 129" section fixed before capture, applied by the extractors in
capture_wide129_jvm.py and capture_wide129_tools.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide129.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide129.json  as {"version": 2, "items": [...]}, ids prefixed "wide129-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide129-"
DEFAULT_OUT = HERE / "data" / "wide129.json"
TMP = Path("/tmp/hm-corpus-wide129")
JDK = Path("/usr/lib/jvm/java-17-openjdk-amd64")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's OpenJDK 17 JDK (javac, jcmd, jlink with its jmods, jdeprscan, jarsigner), first on PATH."""
    cm.ensure_apt("javac", "openjdk-17-jdk-headless")
    if not (JDK / "jmods").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y openjdk-17-jmods", timeout=1200)
    cm.PATH_PREFIX[:0] = [str(JDK / "bin")]


def steps() -> list:
    import capture_wide129_jvm as jvm  # gc logs, heap info, flags, class loading, compilation, thread dump
    import capture_wide129_tools as tools  # jdeprscan, jlink, modules, CDS dump, jarsigner
    return jvm.STEPS + tools.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide129", sys.modules["__main__"])
    main()
