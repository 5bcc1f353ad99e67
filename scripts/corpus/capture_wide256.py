#!/usr/bin/env python3
"""Capture round 256 of the compression corpus: raster-image optimizers, checkers and metadata tools, in shapes new to
the corpus. Real runs of Debian's libvips command-line tools (`vipsheader -a`, `vips` operations with
`--vips-progress`, a bad option, a bad input, `dzsave`), G'MIC (`gmic -v +`: its command log and errors), optipng
(`-o2 -v` trials), pngcrush (`-v` method trials), jpegoptim (`-v --max=80`), pngcheck (`-v`, `-vt7`, CRC errors),
exiv2 (`-pa`, `-pS`, a bad tag), jpeginfo, advpng, gifsicle `--info`, jhead, webpinfo and tiffinfo, all on a seeded
photo library (`darkroom`, written by capture_wide256_gen.py with Pillow) with faults put in on purpose: flipped bytes
in PNG chunks, truncated PNG and JPEG files, a wrong extension, an oversized IHDR dimension, EXIF with invalid
values, trailing junk, an empty file. Several command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -iE …`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's "Round 256"
section fixed before capture, applied by the extractors in capture_wide256_img.py. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide256.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide256.json  as {"version": 2, "items": [...]}, ids prefixed "wide256-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide256-"
DEFAULT_OUT = HERE / "data" / "wide256.json"
TMP = Path(os.environ.get("HM_WIDE256_TMP", "/dev/shm/hm-corpus-wide256"))
TOOLS = Path(os.environ.get("HM_WIDE256_TOOLS", "/dev/shm/hm-corpus-wide256-tools"))
VENV = TOOLS / "venv"  # Pillow, for the seeded image generator only

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 90) -> None:
    """The round's runs take seconds; a run that hangs is cut at 90 s (its item is what it printed)."""
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout)

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def problems(lines, pat: str, skip: str | None = None, flags: int = 0) -> list:
    """Rule 1 as the round reads it: every line matching `pat` (not `skip`); a message shape repeated on more than 3
    lines becomes one {"any"} of its lines."""
    rx, sk = re.compile(pat, flags), re.compile(skip) if skip else None
    shapes: dict[str, list[str]] = {}
    for ln in lines:
        if rx.search(ln) and not (sk and sk.search(ln)):
            shapes.setdefault(cm.mask(ln.strip()), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    return out


def first_last(rows: list[str]) -> list[str]:
    return rows[:1] + rows[-1:] if rows else []


def extremes(rows: list[str], value) -> list[str]:
    """Rule 4: the rows holding a numeric column's maximum and minimum (rows whose value cannot be read are left out)."""
    vals = []
    for r in rows:
        try:
            vals.append((value(r), r))
        except (ValueError, IndexError, AttributeError, TypeError):
            pass
    if not vals:
        return []
    return [max(vals, key=lambda t: t[0])[1], min(vals, key=lambda t: t[0])[1]]


def library(root: Path, seed: int, n: int) -> None:
    """The seeded photo library (capture_wide256_gen.py, run with the Pillow venv)."""
    out = cm.run(f"{VENV}/bin/python {HERE / 'capture_wide256_gen.py'} {root} {seed} {n}")
    if out.strip():
        raise RuntimeError(f"image generator failed: {out[-2000:]}")


def ensure_tools() -> None:
    """The tools from Debian (offline mirror) and Pillow's venv, installed once."""
    for tool, pkg in [("vips", "libvips-tools"), ("gmic", "gmic"), ("optipng", "optipng"), ("pngcrush", "pngcrush"),
                      ("jpegoptim", "jpegoptim"), ("pngcheck", "pngcheck"), ("exiv2", "exiv2"),
                      ("jpeginfo", "jpeginfo"), ("advpng", "advancecomp"), ("gifsicle", "gifsicle"),
                      ("jhead", "jhead"), ("webpinfo", "webp"), ("tiffinfo", "libtiff-tools")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "python", ["pillow"])


def steps() -> list:
    import capture_wide256_img as img  # every tool of the round on the darkroom library
    return img.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide256", sys.modules["__main__"])
    main()
