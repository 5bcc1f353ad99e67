#!/usr/bin/env python3
"""Capture round 108 of the compression corpus: Python profiling, packaging-audit and build tools, new to the corpus.
Kinds no earlier round holds, run for real on small projects written here with mistakes put in, widened by seeded
generators: a pottery studio's kiln controller (`kilnctl`) profiled by scalene (`--cli --reduced-profile`, hot spots
and a leak) and viztracer (`--log_print`); frozen by PyInstaller (a build log with missing hidden imports, its
warn-*.txt); its glaze-chemistry kernels through cythonize (`-a`, warnings and errors) and mypyc (compile errors);
wheels built with mistakes through check-wheel-contents, auditwheel show and abi3audit; flit build errors; pip-audit
of pinned requirements; setuptools-scm and versioningit on repositories with and without usable tags. About half the
command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 108" section fixed before capture, applied by the extractors in
capture_wide108_prof.py and capture_wide108_pkg.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide108.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide108.json  as {"version": 2, "items": [...]}, ids prefixed "wide108-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide108-"
DEFAULT_OUT = HERE / "data" / "wide108.json"
TMP = Path("/tmp/hm-corpus-wide108")
TOOLS = Path("/tmp/hm-corpus-wide108-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["scalene", "viztracer", "pip-audit", "check-wheel-contents", "auditwheel", "abi3audit", "flit",
            "pyinstaller", "cython", "mypy", "setuptools-scm", "versioningit", "setuptools", "wheel", "build"]

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


def tracebacks(lines: list[str]) -> list:
    """Rule 1: each exception line and its innermost `File` line (within eight lines above)."""
    out = []
    for i, ln in enumerate(lines):
        if EXC_RE.match(ln) and not ln.strip().startswith(("raise ", "except ")):
            out.append(ln)
            out.append(cm.prev_match(lines, i, FILE_RE, 8))
    return out


def warn_groups(lines: list[str], pat: str = r"\bWARNING\b|[A-Za-z]*Warning\b|\bwarning\b") -> list:
    """Warnings one {"any"} per message shape."""
    pairs = []
    for ln in lines:
        m = re.search(pat, ln)
        if m:
            pairs.append((cm.mask(ln[m.end():]), ln))
    return cm.groups(pairs)


def ensure_tools() -> None:
    """The venv of profilers, packaging and build tools from PyPI, installed once; patchelf for auditwheel."""
    cm.install_venv(VENV, "abi3audit", PY_TOOLS)
    cm.ensure_apt("patchelf", "patchelf")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide108_pkg as pkg  # wheels, auditwheel, abi3audit, flit, pip-audit, setuptools-scm, versioningit
    import capture_wide108_prof as prof  # scalene, viztracer, PyInstaller, cythonize, mypyc
    return prof.STEPS + pkg.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide108", sys.modules["__main__"])
    main()
