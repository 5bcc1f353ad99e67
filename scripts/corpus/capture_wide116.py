#!/usr/bin/env python3
"""Capture round 116 of the compression corpus: host security audit and compliance scanners from Debian, new to the
corpus, run on this machine and on trees and configs of its own for a small ferry-ticket kiosk fleet (`gangway`),
with weaknesses put in on purpose (world-writable files, setuid binaries made here, weak settings in a second sshd
config, planted test "malware"). OpenSCAP (`oscap info`, `oscap xccdf eval` of the SCAP Security Guide's Debian
profiles, `oscap oval eval`), rkhunter (`--check --sk`, `--rwo`, its log), tiger, ClamAV's clamscan with signature
databases written here (`.ndb`, `.hdb`, `.ldb`; sigtool; never freshclam), checksec over binaries built here with
and without hardening, spectre-meltdown-checker, `sshd -T` / `ssh -G` dumps and `needrestart -b`. Several command
lines are typed as agents type them (`| head -n 100`, `2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -v OK`).

The kinds and their rule 5 values are NEEDLES.md's "Round 116", written before this ran; the extractors live in
capture_wide116_scan.py and capture_wide116_conf.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide116.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide116.json  as {"version": 2, "items": [...]}, ids prefixed "wide116-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide116-"
DEFAULT_OUT = HERE / "data" / "wide116.json"
TMP = Path("/tmp/hm-corpus-wide116")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's packages, installed once (the rounds run as root)."""
    for tool, pkg in [("oscap", "openscap-scanner"), ("rkhunter", "rkhunter"), ("tiger", "tiger"),
                      ("clamscan", "clamav"), ("checksec", "checksec"),
                      ("spectre-meltdown-checker", "spectre-meltdown-checker"), ("needrestart", "needrestart"),
                      ("sshd", "openssh-server")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/share/xml/scap/ssg/content").is_dir():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y ssg-debian ssg-debderived", timeout=900)
    cm.PATH_PREFIX[:0] = ["/usr/sbin", "/sbin"]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide116_conf as conf  # oscap, sshd -T, ssh -G, needrestart, spectre-meltdown-checker
    import capture_wide116_scan as scan  # clamscan, sigtool, rkhunter, tiger, checksec
    return conf.STEPS + scan.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide116", sys.modules["__main__"])
    main()
