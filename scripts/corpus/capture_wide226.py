#!/usr/bin/env python3
"""Capture round 226 of the compression corpus: diagram-as-code and plotting tools, in shapes new to the corpus. Real
runs of Debian's gnuplot (scripts with errors, fits and their iteration logs, `set table` output), PlantUML (check
runs, `-syntax`, text rendering), Asymptote, MetaPost and Graph::Easy, PyPI's blockdiag family and matplotlib, and
npm's Vega-Lite / Vega command lines, on diagrams, scripts and data written here with faults put in (unknown keywords
and attributes, unbalanced braces, undefined variables, a missing data column, a fit that does not converge,
inconsistent equations). About half the command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -iE 'error|warning'`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 226" section fixed before capture, applied by the extractors in
capture_wide226_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide226.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide226.json  as {"version": 2, "items": [...]}, ids prefixed "wide226-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide226-"
DEFAULT_OUT = HERE / "data" / "wide226.json"
TMP = Path(os.environ.get("HM_WIDE226_TMP", "/dev/shm/hm-corpus-wide226"))
TOOLS = Path(os.environ.get("HM_WIDE226_TOOLS", "/dev/shm/hm-corpus-wide226-tools"))
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["blockdiag", "seqdiag", "nwdiag", "actdiag", "pillow<10", "matplotlib", "numpy"]
# vega-cli's optional `canvas` does not build here (no gif_lib.h, no prebuilt binary offline): SVG needs no canvas
NPM_TOOLS = ["vega-lite", "vega", "vega-cli"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
EXC_RE = re.compile(r"^\s*(\w+\.)*\w*(Error|Exception|Exit|Interrupt)\b(:|$)")
FILE_RE = r'^\s*File "[^"]+", line \d+'


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def loop_lines(lines: list[str]) -> list[str]:
    """The lines a loop prints naming the file it runs (`== name`) and a non-zero status (`exit=N`, N > 0)."""
    return [ln for ln in lines if ln.startswith("== ") or re.match(r"^exit=[1-9]\d*$", ln.strip())]


def tracebacks(lines: list[str]) -> list:
    """Rule 1: each Python exception line and its innermost `File` line (within eight lines above)."""
    out = []
    for i, ln in enumerate(lines):
        if EXC_RE.match(ln) and not ln.strip().startswith(("raise ", "except ")) and not ln.startswith(" "):
            out.append(ln)
            out.append(cm.prev_match(lines, i, FILE_RE, 8))
    return out


def warn_groups(lines: list[str], pat: str = r"\bWARNING\b|[A-Za-z]*Warning\b|\bwarning\b|\bWARN\b") -> list:
    """Warnings one {"any"} per message shape."""
    pairs = []
    for ln in lines:
        m = re.search(pat, ln)
        if m:
            pairs.append((cm.mask(ln[m.end():]), ln))
    return cm.groups(pairs)


def ensure_tools() -> None:
    """Debian's diagram tools (offline mirror), a venv of blockdiag's family and matplotlib, npm's Vega tools."""
    for tool, pkg in [("gnuplot", "gnuplot-nox"), ("plantuml", "plantuml"), ("asy", "asymptote"),
                      ("graph-easy", "libgraph-easy-perl")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/share/texlive/texmf-dist/metapost/base/plain.mp").exists():  # mpost without its plain.mp
        cm.run("apt-get install -y --no-install-recommends texlive-metapost", timeout=900)
    cm.install_venv(VENV, "nwdiag", PY_TOOLS)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "vega-cli").exists():
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --ignore-scripts " + " ".join(NPM_TOOLS),
               cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide226_plot as plot  # gnuplot, Asymptote, MetaPost, matplotlib, Vega-Lite
    import capture_wide226_diag as diag  # PlantUML, blockdiag's family, Graph::Easy
    return plot.STEPS + diag.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide226", sys.modules["__main__"])
    main()
