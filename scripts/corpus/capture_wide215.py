#!/usr/bin/env python3
"""Capture round 215 of the compression corpus: third samples of round 188's kinds (office documents and
spreadsheets handled from the command line) and round 189's (backup, sync and archive tools run locally), no new
rules. `orchard`, a cider cooperative's press house: its own workbooks, members' handbook, pressing manual and
bottle-label PDFs with faults put in, through LibreOffice headless, ssconvert, xlsx2csv, in2csv, openpyxl, pandas, python-docx, odfpy's
tools, msoffcrypto-tool, catdoc / xls2csv / antiword / docx2txt, mutool and pdftk (capture_wide215_office.py); and
`clinic`, a veterinary practice's records share backed up, synced and archived as the user `nobody` with restic, borg,
rclone, duplicity, rdiff-backup, unison, rsync, tar, 7z, zstd and par2, with faults of its own put in between runs
(capture_wide215_bak.py). About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n
100`, `| grep …`, `; echo EXIT=$?`). No rule is new: each kind's needles come from round 188's or 189's extractor,
imported from their capture modules (NEEDLES.md, "Round 215"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide215.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide215.json  as {"version": 2, "items": [...]}, ids prefixed "wide215-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide215-"
DEFAULT_OUT = HERE / "data" / "wide215.json"
TMP = Path(os.environ.get("HM_WIDE215_TMP", "/dev/shm/hm-corpus-wide215"))
# round 188's venv of Python readers and converters (made again from PyPI when it is not there)
VENV = Path(os.environ.get("HM_WIDE215_VENV", "/dev/shm/r188-venv"))
PY_TOOLS = ["openpyxl", "pandas", "python-docx", "odfpy", "xlsx2csv", "csvkit", "msoffcrypto-tool", "xlrd"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 188's and 189's Debian packages (installed already on this machine; installed once otherwise) and round
    188's venv."""
    for tool, pkg in (("ssconvert", "gnumeric"), ("soffice", "libreoffice-calc-nogui libreoffice-writer-nogui"),
                      ("catdoc", "catdoc"), ("antiword", "antiword"), ("docx2txt", "docx2txt"),
                      ("mutool", "mupdf-tools"), ("pdftk", "pdftk-java"), ("restic", "restic"),
                      ("borg", "borgbackup"), ("rclone", "rclone"), ("duplicity", "duplicity"),
                      ("rdiff-backup", "rdiff-backup"), ("unison", "unison"), ("7z", "p7zip-full"), ("par2", "par2"),
                      ("zstd", "zstd")):
        cm.ensure_apt(tool, "-o DPkg::Lock::Timeout=900 " + pkg)
    cm.install_venv(VENV, "odflint", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide215_office as office  # round 188's kinds: orchard's workbooks, handbook, manual and label PDFs
    import capture_wide215_bak as bak  # round 189's kinds: clinic's records share backed up, synced and archived
    return office.STEPS + bak.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide215", sys.modules["__main__"])
    main()
