#!/usr/bin/env python3
"""Capture round 201 of the compression corpus: bioinformatics and cheminformatics command-line tools, shapes new to
the corpus. Seeded random genomes, paired reads simulated from a mutated copy with sequencing errors put in, variants
called against them, BED intervals, a malformed FASTQ / VCF / SAM, a truncated BAM and small molecules with a bad
valence or an unclosed ring, run through Debian's samtools, bcftools, bedtools, bwa, minimap2, seqkit, EMBOSS, BLAST+
and Open Babel, and RDKit / Biopython scripts from PyPI. About half the command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's
"Round 201" section fixed before capture, applied by the extractors in capture_wide201_seq.py and
capture_wide201_chem.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide201.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide201.json  as {"version": 2, "items": [...]}, ids prefixed "wide201-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide201-"
DEFAULT_OUT = HERE / "data" / "wide201.json"
TMP = Path(os.environ.get("HM_WIDE201_TMP", "/dev/shm/hm-corpus-wide201"))
VENV = Path(os.environ.get("HM_WIDE201_VENV", "/dev/shm/hm-corpus-wide201-venv"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
# rule 1 as the round's section names it: the error lines of these tools
ERR_RE = re.compile(r"\[E::|\[main_samview\]|^\s*(Error|ERROR)\b|\[ERRO\]|^\s*Died:|Open Babel Error|"
                    r"BLAST [a-z/ ]*error:|^\s*Failed\b|\bAbort|^[A-Za-z_.]*(Error|Exception): |"
                    r"^\[faidx\]|truncated file|^\s*Segmentation fault")
WARN_RE = re.compile(r"\[W::|^\s*Warning:|\[WARN\]|\bWARNING\b|Open Babel Warning")
OWN_WORDS = re.compile(r"error|fail|invalid|mismatch", re.I)


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def diag(lines: list[str]) -> list:
    """Rule 1 on the round's tools: every error line; warnings one {"any"} per masked message shape; EXIT lines."""
    out: list = [ln for ln in lines if ERR_RE.search(ln) and not WARN_RE.search(ln)]
    out += cm.groups((cm.mask(re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", ln)), ln) for ln in lines
                     if WARN_RE.search(ln) and not ERR_RE.search(ln))
    return out + exit_lines(lines)


def capped_rule4(rows, cat=(), nums=(), header=(), limit: int = 40) -> list:
    """Rule 4 on a table as the round's section reads it: at most `limit` needles."""
    return [n for n in cm.rule4(rows, cat=cat, nums=nums, header=header) if n][:limit]


def tsv_rows(lines: list[str], names: list[str], sep: str | None = "\t", skip=r"^(#|@|\[|EXIT=|==)") -> list:
    """Rows (line, {name: cell}) of the lines split by `sep` into at least len(names) cells."""
    rows = []
    for ln in lines:
        if not ln.strip() or re.match(skip, ln):
            continue
        cells = ln.split(sep) if sep else ln.split()
        if len(cells) < len(names):
            continue
        rows.append((ln, dict(zip(names, (c.strip().replace(",", "") for c in cells)))))
    return rows


def ensure_tools() -> None:
    """The tools from Debian; RDKit and Biopython in a venv from PyPI."""
    for tool, pkg in [("samtools", "samtools"), ("bcftools", "bcftools"), ("tabix", "tabix"), ("bedtools", "bedtools"),
                      ("bwa", "bwa"), ("minimap2", "minimap2"), ("seqkit", "seqkit"), ("needle", "emboss"),
                      ("blastn", "ncbi-blast+"), ("obabel", "openbabel")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "python", ["biopython", "rdkit"])


def steps() -> list:
    import capture_wide201_chem as chem  # EMBOSS, BLAST+, Open Babel, RDKit, Biopython
    import capture_wide201_seq as seq  # samtools, bcftools, bedtools, bwa, minimap2, seqkit
    return seq.STEPS + chem.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide201", sys.modules["__main__"])
    main()
