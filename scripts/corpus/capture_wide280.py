#!/usr/bin/env python3
"""Capture round 280 of the compression corpus: second samples of round 249's load-generator, micro-benchmark and
stress kinds (sysbench, stress-ng, hey, Google Benchmark, pyperf, `python -m timeit`) and of round 250's
digital-forensics and binary-triage kinds (The Sleuth Kit, foremost, scalpel, hashdeep, md5deep, ssdeep, binwalk,
disktype), on material of this round's own: other stressors, sizes and bad options, another loopback HTTP server
(127.0.0.1:18280), another C++ program under Google Benchmark, another Python module under pyperf with another
regression; other evidence trees (seeds 2801-2809) in other ext4, FAT and GPT/DOS disk images with other deletions,
overwrites and corruptions, another carving image, firmware blob, audited tree and fuzzy-hashed drafts. Several
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`,
`cd x && …`). Every item's needles come from the extractor round 249 or 250 used for its kind, imported from their
capture modules (NEEDLES.md, "Round 280"). Every run is short (seconds, `nice`, one or two threads): the machine is
shared. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide280.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide280.json  as {"version": 2, "items": [...]}, ids prefixed "wide280-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide280-"
DEFAULT_OUT = HERE / "data" / "wide280.json"
TMP = Path(os.environ.get("HM_WIDE280_TMP", "/dev/shm/hm-corpus-wide280/run"))
TOOLS = Path(os.environ.get("HM_WIDE280_TOOLS", "/dev/shm/hm-corpus-wide280/tools"))
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 249's and 250's tools from Debian (installed once), pyperf in a venv of the round's own from PyPI."""
    for tool, pkg in [("sysbench", "sysbench"), ("stress-ng", "stress-ng"), ("hey", "hey"), ("g++", "g++"),
                      ("mmls", "sleuthkit"), ("foremost", "foremost"), ("scalpel", "scalpel"),
                      ("hashdeep", "hashdeep"), ("ssdeep", "ssdeep"), ("binwalk", "binwalk"),
                      ("disktype", "disktype"), ("mkfs.ext4", "e2fsprogs"), ("mkfs.fat", "dosfstools"),
                      ("mcopy", "mtools"), ("sfdisk", "fdisk")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/include/benchmark/benchmark.h").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y libbenchmark-dev", timeout=900)
    cm.install_venv(VENV, "pyperf", ["pyperf"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide280_for as fo  # round 250's kinds
    import capture_wide280_load as load  # round 249's kinds
    return load.STEPS + fo.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide280", sys.modules["__main__"])
    main()
