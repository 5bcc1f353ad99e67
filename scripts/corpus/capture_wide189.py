#!/usr/bin/env python3
"""Capture round 189 of the compression corpus: backup, sync and archive tools run locally, shapes new to the corpus.
A seeded generator writes a small home directory (a project, notes, photos, a data set) and the round backs it up,
syncs and archives it with Debian's restic, borgbackup, rclone (a local and a crypt remote), duplicity (to a file://
target), rdiff-backup, unison, rsync, tar, 7z, zstd and par2, all against targets on this machine, with faults put in
between runs: files changed, deleted and made unreadable, a damaged restic pack and borg segment, a damaged 7z/zip
archive, zstd frames and a par2-protected file set with damaged and missing files, a wrong password. Everything runs as
the unprivileged user `nobody` (as root nothing is unreadable), so the command lines are the ones an agent types as a
user. About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E
…`, `; echo EXIT=$?`). The needles come from the rules NEEDLES.md's "Round 189" section fixed before capture, applied
by the extractors in capture_wide189_bak.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide189.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide189.json  as {"version": 2, "items": [...]}, ids prefixed "wide189-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide189-"
DEFAULT_OUT = HERE / "data" / "wide189.json"
TMP = Path(os.environ.get("HM_WIDE189_TMP", "/dev/shm/hm-corpus-wide189"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's backup, sync and archive tools (rsync, tar and zstd are on the machine)."""
    for tool, pkg in (("restic", "restic"), ("borg", "borgbackup"), ("rclone", "rclone"), ("duplicity", "duplicity"),
                      ("rdiff-backup", "rdiff-backup"), ("unison", "unison"), ("7z", "p7zip-full"), ("par2", "par2"),
                      ("zstd", "zstd")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide189_bak as bak  # restic, borg, rclone, duplicity, rdiff-backup, unison, rsync, archives
    return bak.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide189", sys.modules["__main__"])
    main()
