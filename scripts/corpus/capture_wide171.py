#!/usr/bin/env python3
"""Capture round 171 of the compression corpus: host security scanners, intrusion detection and audit tools run
offline, shapes new to the corpus. A small host of its own is staged under the round's scratch dir: AppArmor profiles
for a handful of daemons (some with syntax errors put in) read by Debian's apparmor_parser, a web root and config tree
that Tripwire is initialised on and which is then tampered with (files added, removed, changed) plus a Tripwire policy
with errors, auth logs of the real shape with a failed-login storm read by logwatch, a tree of downloads holding EICAR
test files (plain, zipped, tarred, renamed) scanned by ClamAV's daemon on a local socket and by `clamscan --debug`
with a signature database written here (freshclam is offline), an audit.log written in the real format read by
aulast, `ausearch --format csv/text`, `tail` and `grep`, and YARA rules printing their matched strings and metadata.
About half the command lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -E …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 171" section fixed before capture, applied by the extractors in
capture_wide171_host.py and capture_wide171_scan.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide171.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide171.json  as {"version": 2, "items": [...]}, ids prefixed "wide171-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide171-"
DEFAULT_OUT = HERE / "data" / "wide171.json"
TMP = Path(os.environ.get("HM_WIDE171_TMP", "/dev/shm/hm-corpus-wide171"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's AppArmor parser, Tripwire, logwatch, ClamAV (scanner and daemon), auditd's tools and YARA."""
    cm.ensure_apt("apparmor_parser", "apparmor")
    cm.ensure_apt("tripwire", "tripwire")
    cm.ensure_apt("logwatch", "logwatch")
    cm.ensure_apt("clamscan", "clamav")
    cm.ensure_apt("clamd", "clamav-daemon")
    cm.ensure_apt("ausearch", "auditd")
    cm.ensure_apt("yara", "yara")


def steps() -> list:
    import capture_wide171_host as host  # apparmor_parser, tripwire, logwatch, aulast/ausearch/the raw audit log
    import capture_wide171_scan as scan  # clamdscan, clamscan --debug, yara -s -m
    return host.STEPS + scan.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide171", sys.modules["__main__"])
    main()
