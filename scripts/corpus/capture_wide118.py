#!/usr/bin/env python3
"""Capture round 118 of the compression corpus: typesetting and document builds, new to the corpus. Kinds no earlier
round holds, run for real on documents written here with faults put in and widened by seeded generators: an almanac
of tide tables (`tidebook`) as a multi-chapter LaTeX book (hundreds of pages at the large end) built with `latexmk
-pdf` (undefined references and citations, multiply-defined labels, overfull and underfull boxes, a missing figure
and a missing input file, undefined control sequences, font shape warnings), `lualatex` / `xelatex` runs of its
fontspec editions (fonts that are not installed, characters missing from a font), `biber` over its BibLaTeX database
with bad entries, `texindy` over its index, the almanac's Texinfo manual through `makeinfo` and `texi2any --html`, a
DocBook guide through `xmllint --valid` and `xsltproc` with the DocBook stylesheets and stylesheets of its own,
`pandoc --verbose` with missing resources and citations, and Graphviz `dot` over the harbour graphs. About half the
command lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -v '^$'`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 118" section fixed before capture, applied by the extractors in
capture_wide118_tex.py and capture_wide118_doc.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide118.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide118.json  as {"version": 2, "items": [...]}, ids prefixed "wide118-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide118-"
DEFAULT_OUT = HERE / "data" / "wide118.json"
TMP = Path(os.environ.get("HM_WIDE118_TMP", "/tmp/hm-corpus-wide118"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")

# Debian packages the round runs (tool -> package); texlive's are large but come from the mirror
APT = {"latexmk": "latexmk", "biber": "biber", "xelatex": "texlive-xetex", "texindy": "xindy",
       "xsltproc": "xsltproc", "dot": "graphviz", "makeinfo": "texinfo", "pandoc": "pandoc", "xmllint": "libxml2-utils"}


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The TeX engines, latexmk, biber, xindy, Texinfo, xsltproc, the DocBook DTD and stylesheets, pandoc, Graphviz:
    all from Debian, installed once."""
    for tool, pkg in APT.items():
        cm.ensure_apt(tool, pkg, timeout=1800)
    if not Path("/usr/share/xml/docbook/stylesheet/docbook-xsl").exists():
        cm.run("apt-get install -y docbook-xsl docbook-xml", timeout=1800)


def steps() -> list:
    import capture_wide118_doc as doc  # makeinfo, texi2any, xmllint --valid, xsltproc, pandoc, dot
    import capture_wide118_tex as tex  # latexmk, lualatex, xelatex, biber, texindy
    return tex.STEPS + doc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide118", sys.modules["__main__"])
    main()
