#!/usr/bin/env python3
"""Capture round 210 of the compression corpus: second samples of round 201's kinds (samtools, bcftools, bedtools,
bwa, minimap2, seqkit, EMBOSS, BLAST+, Open Babel, RDKit, Biopython) and of round 195's kinds (the front-end
frameworks' command lines), on material of this round's own: another seeded draft genome of five contigs, a sample
with other variants, reads at other depths and error rates, a FASTQ / VCF / SAM / BED with other faults, other
proteins and amplicons, another molecule library with other faults; an Angular workspace (a library's lending desk)
and a Nuxt shop (a bakery's pre-orders) with faults of their own. About half the command lines are typed as agents
type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`). No rule is new: every kind's needles come
from the extractor round 195 or 201 used for it, imported from their capture modules (NEEDLES.md, "Round 210").
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide210.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide210.json  as {"version": 2, "items": [...]}, ids prefixed "wide210-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide210-"
DEFAULT_OUT = HERE / "data" / "wide210.json"
TMP = Path(os.environ.get("HM_WIDE210_TMP", "/dev/shm/hm-corpus-wide210"))
# round 201's venv (RDKit, Biopython from PyPI), made by the same helper when it is not there
VENV = Path(os.environ.get("HM_WIDE210_VENV", "/dev/shm/hm-corpus-wide201-venv"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    for tool, pkg in [("samtools", "samtools"), ("bcftools", "bcftools"), ("tabix", "tabix"), ("bedtools", "bedtools"),
                      ("bwa", "bwa"), ("minimap2", "minimap2"), ("seqkit", "seqkit"), ("needle", "emboss"),
                      ("blastn", "ncbi-blast+"), ("obabel", "openbabel")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "python", ["biopython", "rdkit"])
    cm.ensure_apt("chromium", "chromium")
    # round 195's Angular tool set (its pinned releases), installed by its own helper under this round's directory
    os.environ.setdefault("HM_WIDE195_TOOLS", os.environ.get("HM_WIDE210_TOOLS", "/dev/shm/r210/tools"))
    import capture_wide195
    capture_wide195.ensure_tools()


def steps() -> list:
    import capture_wide210_bio as bio  # round 201's kinds
    import capture_wide210_ng as ng  # round 195's Angular kinds
    import capture_wide210_nuxt as nuxt  # round 195's Nuxt kinds
    return bio.STEPS + ng.STEPS + nuxt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide210", sys.modules["__main__"])
    main()
