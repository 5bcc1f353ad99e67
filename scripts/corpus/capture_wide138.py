#!/usr/bin/env python3
"""Capture round 138 of the compression corpus: profilers and memory tools, shapes new to the corpus. `tilecache`, a
map-tile cache written here in C (a seeded generator writes its layer decoders), leaks the data of evicted tiles and
the labels of some layers and burns time in a checksum, on purpose; `ledger`, a Python event ledger, keeps every
event in a module-level list and dedups in quadratic time; `routes`, a Node tile router, memoises into a map it
never trims and matches paths by a backtracking regex. They run under heaptrack (`heaptrack_print`), gperftools
(`google-pprof --text` of CPU and heap profiles, the `HEAPCHECK` leak checker), Valgrind's massif (its raw output
file) and lackey, glibc's mtrace, jemalloc's `stats_print`, `perf record` + `perf report` / `perf annotate`,
uftrace (`report`, `graph`), pprofile, guppy3, objgraph and Node's `--cpu-prof` / `--heap-prof` (their profiles
summarised by a script of the round's own), and smem over this machine's processes.

Every kind is new (NEEDLES.md's "Round 138"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide138.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide138.json  as {"version": 2, "items": [...]}, ids prefixed "wide138-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide138-"
DEFAULT_OUT = HERE / "data" / "wide138.json"
TMP = Path(os.environ.get("HM_WIDE138_TMP", "/tmp/hm-corpus-wide138"))
TOOLS = Path("/tmp/hm-corpus-wide138-tools")
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """pprofile, guppy3 and objgraph from PyPI in a venv of the round's own; heaptrack, gperftools, valgrind, perf,
    uftrace, jemalloc and smem from Debian (glibc's mtrace comes with libc-dev-bin)."""
    cm.install_venv(VENV, "pprofile", ["pprofile", "guppy3", "objgraph"])
    for tool, pkg in (("heaptrack_print", "heaptrack"), ("google-pprof", "google-perftools libgoogle-perftools-dev"),
                      ("valgrind", "valgrind"), ("perf", "linux-perf"), ("uftrace", "uftrace"),
                      ("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "libjemalloc2"), ("smem", "smem"),
                      ("mtrace", "libc-dev-bin")):
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide138_native as native  # heaptrack, gperftools, massif, lackey, mtrace, jemalloc, perf, uftrace, smem
    import capture_wide138_py as py  # pprofile, guppy3, objgraph, Node's cpu and heap profiles
    return native.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide138", sys.modules["__main__"])
    main()
