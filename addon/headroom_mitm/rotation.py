"""Names of rotated append-only files, shared by the audit trail and the flow records.

A file is rotated by renaming it to ``<name>.<UTC timestamp>`` (``-N`` appended when the stamp is
already taken or the clock stepped back), a name that never changes again; the names sort in write
order, so readers can take the rotated files oldest first and the active file last.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path

_ROTATED_SUFFIX = re.compile(r"^\.(\d{8}T\d{6}\.\d{6}Z)(?:-(\d+))?$")
_STAMP = "%Y%m%dT%H%M%S.%fZ"


def rotated_key(path: Path, sibling: Path) -> tuple[str, int]:
    """(timestamp, counter) of a rotated sibling's name; raises ValueError for other names."""
    m = _ROTATED_SUFFIX.match(sibling.name[len(path.name) :]) if sibling.name.startswith(path.name) else None
    if m is None:
        raise ValueError(f"{sibling.name} is not a rotated {path.name}")
    return m.group(1), int(m.group(2) or 0)


def rotated_files(path: str | os.PathLike[str]) -> list[Path]:
    """Rotated siblings of a file, oldest first."""
    path = Path(path)
    found: list[tuple[tuple[str, int], Path]] = []
    if path.parent.is_dir():
        for sibling in path.parent.iterdir():
            try:
                found.append((rotated_key(path, sibling), sibling))
            except ValueError:
                continue
    return [p for _, p in sorted(found)]


def with_rotated(path: str | os.PathLike[str]) -> list[Path]:
    """Every file of a rotated series in write order: rotated files oldest first, then the active one."""
    path = Path(path)
    return rotated_files(path) + ([path] if path.exists() else [])


def rotated_name(path: Path, now: datetime | None = None) -> Path:
    """A free name to rotate `path` to that sorts after every existing rotated sibling."""
    stamp, n = (now or datetime.now(timezone.utc)).strftime(_STAMP), 0
    older = rotated_files(path)
    if older:
        # Names must sort in write order even if the clock stepped back or ticked too coarsely.
        last_stamp, last_n = rotated_key(path, older[-1])
        if stamp <= last_stamp:
            stamp, n = last_stamp, last_n + 1
    while True:
        candidate = path.with_name(f"{path.name}.{stamp}" + (f"-{n}" if n else ""))
        if not candidate.exists():
            return candidate
        n += 1
