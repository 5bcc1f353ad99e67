#!/usr/bin/env python3
"""Capture round 259 of the compression corpus: second samples of round 245's sequence-analysis kinds (HMMER, Clustal
Omega, MUSCLE 5, MAFFT, Prodigal, Bowtie2, seqtk, VSEARCH, CD-HIT, fastp) and of round 250's digital-forensics and
triage kinds (The Sleuth Kit, foremost, scalpel, hashdeep, md5deep, ssdeep, binwalk, disktype), on material of this
round's own: other protein families, a genome, reads and amplicons from other seeds with other faults; evidence trees,
disk images, a carving image and a firmware blob from other seeds, with other deletions and corruptions. Several
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`). Every
item's needles come from the extractor round 245 or 250 used for its kind, imported from their capture modules
(NEEDLES.md, "Round 259"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide259.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide259.json  as {"version": 2, "items": [...]}, ids prefixed "wide259-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide259-"
DEFAULT_OUT = HERE / "data" / "wide259.json"
TMP = Path(os.environ.get("HM_WIDE259_TMP", "/dev/shm/hm-corpus-wide259"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The tools, all from Debian (installed by rounds 245 and 250; checked here)."""
    for tool, pkg in [("hmmbuild", "hmmer"), ("clustalo", "clustalo"), ("muscle", "muscle"), ("mafft", "mafft"),
                      ("prodigal", "prodigal"), ("bowtie2", "bowtie2"), ("seqtk", "seqtk"), ("vsearch", "vsearch"),
                      ("cd-hit", "cd-hit"), ("fastp", "fastp"), ("mmls", "sleuthkit"), ("foremost", "foremost"),
                      ("scalpel", "scalpel"), ("hashdeep", "hashdeep"), ("ssdeep", "ssdeep"), ("binwalk", "binwalk"),
                      ("disktype", "disktype"), ("mkfs.ext4", "e2fsprogs"), ("mkfs.fat", "dosfstools"),
                      ("mcopy", "mtools"), ("sfdisk", "fdisk")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide259_for as fo  # round 250's kinds
    import capture_wide259_seq as seq  # round 245's kinds
    return seq.STEPS + fo.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide259", sys.modules["__main__"])
    main()
