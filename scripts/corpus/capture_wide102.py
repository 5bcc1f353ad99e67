#!/usr/bin/env python3
"""Capture round 102 of the compression corpus: host security, audit and forensics tools new to the corpus, run on
loopback and local files only, for a small ferry terminal's servers (`quayside`). YARA (`yara -s -r` with rules
written here over a tree with planted matches, rules that do not compile), AIDE (`--init`, then `--check` after files
are changed, added and removed), auditd's ausearch and aureport over audit logs generated here in the kernel's record
format, testssl.sh against TLS servers of its own on 127.0.0.1, ssh-audit (PyPI) against an sshd on a high loopback
port, sqlmap against a small vulnerable booking app on 127.0.0.1, john (`--test`, weak hashes made here) and hydra
against a login page of its own. Several command lines are typed as agents type them (`2>&1 | tail -n 80`,
`; echo EXIT=$?`, `| grep -v OK`).

The kinds and their rule 5 values are NEEDLES.md's "Round 102", written before this ran; the extractors live in
capture_wide102_host.py and capture_wide102_net.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide102.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide102.json  as {"version": 2, "items": [...]}, ids prefixed "wide102-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide102-"
DEFAULT_OUT = HERE / "data" / "wide102.json"
TMP = Path("/tmp/hm-corpus-wide102")
TOOLS = Path("/tmp/hm-corpus-wide102-tools")
VENV = TOOLS / "venv"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's packages and ssh-audit's venv, installed once (the rounds run as root)."""
    for tool, pkg in [("yara", "yara"), ("aide", "aide"), ("ausearch", "auditd"), ("testssl", "testssl.sh"),
                      ("sqlmap", "sqlmap"), ("john", "john"), ("hydra", "hydra"), ("sshd", "openssh-server")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "ssh-audit", ["ssh-audit"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), "/usr/sbin"]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide102_host as host  # yara, aide, ausearch, aureport, john
    import capture_wide102_net as net  # testssl, ssh-audit, sqlmap, hydra
    return host.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide102", sys.modules["__main__"])
    main()
