#!/usr/bin/env python3
"""Capture round 197 of the compression corpus: third samples of round 171's kinds (host security scanners and audit
tools run offline) and round 173's (hardware inventory and low-level Linux networking), no new rules. `cidermill`, a
fruit growers' cooperative office server staged under the round's scratch dir (capture_wide197_sec.py): a share of
its own with EICAR test files, HTA and PowerShell droppers, web shells and macro samples put in (scanned by clamd on a
local socket through clamdscan, by `clamscan --debug` and by YARA rules of its own), AppArmor profiles of its press and
cellar daemons with syntax errors put in, a Tripwire tree of its own tampered with and bad policies, auth logs and
audit logs of the real shape from seeded generators of its own. And `viaduct`, a railway depot's network of
namespaces with faults of its own (capture_wide197_net.py: tc -s, ethtool, bridge, conntrack, mtr, traceroute,
socat -d -d, arping; hwinfo from inside a namespace, kmod, ipcalc and sipcalc with other arguments).

No rule is new: each kind's needles come from round 171's or 173's extractor, imported from their capture modules
(NEEDLES.md, "Round 197"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide197.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide197.json  as {"version": 2, "items": [...]}, ids prefixed "wide197-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide197-"
DEFAULT_OUT = HERE / "data" / "wide197.json"
TMP = Path(os.environ.get("HM_WIDE197_TMP", "/dev/shm/hm-corpus-wide197"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 171's and 173's Debian packages (installed already on this machine; installed once otherwise)."""
    for tool, pkg in (("apparmor_parser", "apparmor"), ("tripwire", "tripwire"), ("logwatch", "logwatch"),
                      ("clamscan", "clamav"), ("clamd", "clamav-daemon"), ("ausearch", "auditd"), ("yara", "yara"),
                      ("lshw", "lshw"), ("hwinfo", "hwinfo"), ("inxi", "inxi"), ("lsmod", "kmod"),
                      ("ethtool", "ethtool"), ("conntrack", "conntrack"), ("arping", "arping"),
                      ("ipcalc", "ipcalc"), ("sipcalc", "sipcalc"), ("lspci", "pciutils"), ("mtr", "mtr-tiny"),
                      ("traceroute", "traceroute"), ("socat", "socat")):
        cm.ensure_apt(tool, "-o DPkg::Lock::Timeout=900 " + pkg)


def steps() -> list:
    import capture_wide197_sec as sec  # round 171's kinds on cidermill's office server
    import capture_wide197_net as net  # round 173's kinds on viaduct's namespaces and this VM's hardware
    return sec.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide197", sys.modules["__main__"])
    main()
