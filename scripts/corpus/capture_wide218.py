#!/usr/bin/env python3
"""Capture round 218 of the compression corpus: localization and font tooling, shapes new to the corpus, blind. A small
field-notes app (`fieldnotes`) written here: Python and C sources with gettext calls, Qt/C++ sources with tr(), JS
sources for i18next and formatjs, catalogs in a dozen languages made by seeded generators with faults put in (fuzzy
entries, `%s` against `%d`, missing placeholders, unbalanced markup, ICU syntax errors, keys used but not defined),
and fonts built here with fontTools (a missing glyph, a name table without its PostScript name, a bad hhea, a
truncated file, incompatible masters, open contours drawn through FontForge). Tools: GNU gettext (xgettext,
msgmerge, msgcmp, msgfmt -c --statistics), translate-toolkit (pofilter, pocount, po2csv), Qt 5's lupdate and
lrelease, i18next-parser and @formatjs/cli (npm), fontTools (ttx, pyftsubset, varLib), FontForge's Python scripting,
fontconfig's fc-query and fc-validate, otfinfo, ots-sanitize and hb-shape, all from Debian but the npm two. About
half the command lines are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).

Every kind is new to the corpus; its extractor is this round's (NEEDLES.md, "Round 218"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide218.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide218.json  as {"version": 2, "items": [...]}, ids prefixed "wide218-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide218-"
DEFAULT_OUT = HERE / "data" / "wide218.json"
TMP = Path(os.environ.get("HM_WIDE218_TMP", "/dev/shm/hm-corpus-wide218"))
TOOLS = Path(os.environ.get("HM_WIDE218_TOOLS", "/dev/shm/hm-corpus-wide218-tools"))
JS = TOOLS / "js"
SYS_PY = "/usr/bin/python3"  # Debian's python3, where python3-fonttools and python3-fontforge live

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror) and npm, installed once."""
    for tool, pkg in [("xgettext", "gettext"), ("pofilter", "translate-toolkit"), ("lupdate", "qttools5-dev-tools"),
                      ("ttx", "fonttools"), ("fontforge", "fontforge python3-fontforge"), ("fc-query", "fontconfig"),
                      ("otfinfo", "lcdf-typetools"), ("ots-sanitize", "opentype-sanitizer"),
                      ("hb-shape", "libharfbuzz-bin")]:
        cm.ensure_apt(tool, pkg)
    cm.install_npm(JS, "@formatjs/cli", ["i18next-parser", "@formatjs/cli"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide218_font as font  # fontTools, FontForge, fontconfig, otfinfo, OTS, HarfBuzz
    import capture_wide218_po as po  # gettext, translate-toolkit, Qt Linguist's tools, i18next-parser, formatjs
    return po.STEPS + font.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide218", sys.modules["__main__"])
    main()
