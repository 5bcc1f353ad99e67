#!/usr/bin/env python3
"""Capture round 188 of the compression corpus: office documents and spreadsheets handled from the command line,
shapes new to the corpus. The round writes its own workbooks, documents and PDFs with faults put in (a `#REF!` left
by a deleted sheet, a division by zero, a circular reference, a text cell where a number belongs, a password-protected
workbook, a truncated zip, a PDF with a damaged xref) and runs LibreOffice headless and gnumeric's ssconvert from
Debian, xlsx2csv, csvkit's in2csv, openpyxl and pandas, python-docx and odfpy's tools, msoffcrypto-tool, catdoc /
xls2csv / antiword / docx2txt, mupdf's mutool and pdftk over them. About half the command lines are typed as agents
type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`). The needles come from the rules
NEEDLES.md's "Round 188" section fixed before capture, applied by the extractors in capture_wide188_office.py.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide188.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide188.json  as {"version": 2, "items": [...]}, ids prefixed "wide188-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide188-"
DEFAULT_OUT = HERE / "data" / "wide188.json"
TMP = Path(os.environ.get("HM_WIDE188_TMP", "/dev/shm/hm-corpus-wide188"))
VENV = Path(os.environ.get("HM_WIDE188_VENV", "/dev/shm/r188-venv"))
PY_TOOLS = ["openpyxl", "pandas", "python-docx", "odfpy", "xlsx2csv", "csvkit", "msoffcrypto-tool", "xlrd"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """LibreOffice (calc, writer), gnumeric, catdoc, antiword, docx2txt, mupdf-tools and pdftk from Debian; the
    Python readers and converters in a venv from PyPI."""
    cm.ensure_apt("ssconvert", "gnumeric")
    cm.ensure_apt("soffice", "libreoffice-calc-nogui libreoffice-writer-nogui")
    cm.ensure_apt("catdoc", "catdoc")
    cm.ensure_apt("antiword", "antiword")
    cm.ensure_apt("docx2txt", "docx2txt")
    cm.ensure_apt("mutool", "mupdf-tools")
    cm.ensure_apt("pdftk", "pdftk-java")
    cm.install_venv(VENV, "odflint", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide188_office as office  # workbooks, documents, PDFs and the tools that read them
    return office.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide188", sys.modules["__main__"])
    main()
