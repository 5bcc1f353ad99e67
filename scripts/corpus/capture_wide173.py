#!/usr/bin/env python3
"""Capture round 173 of the compression corpus: hardware inventory and low-level Linux networking diagnostics, shapes
new to the corpus. The hardware tools read what this VM shows (lshw's short table and JSON, lspci -vvv, hwinfo's short
listing and detailed records, inxi), kmod's tools report the modules a kernel without loadable modules cannot give,
and ipcalc/sipcalc work out subnets. A small network of namespaces is built here: a client, two routers and a Linux
bridge with four servers behind it, joined by veth pairs, with faults put in: a token-bucket qdisc too small for the
traffic, an HTB class tree whose default class is starved, a router dropping a quarter of forwarded packets through
iptables' `statistic` match, a hop that sends no time-exceeded answers, a route to a next hop no host holds, a refused
port, a bridge port taken down. It is read with ethtool (-S, -i), tc -s (qdisc, class), bridge (link, fdb),
conntrack -L, mtr --report, traceroute, socat -d -d and arping. About half the command lines are typed as agents type
them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`). The needles come from the rules
NEEDLES.md's "Round 173" section fixed before capture, applied by the extractors in capture_wide173_hw.py and
capture_wide173_net.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide173.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide173.json  as {"version": 2, "items": [...]}, ids prefixed "wide173-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide173-"
DEFAULT_OUT = HERE / "data" / "wide173.json"
TMP = Path(os.environ.get("HM_WIDE173_TMP", "/dev/shm/hm-corpus-wide173"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's hardware listers, ethtool, conntrack, arping, ipcalc and sipcalc (iproute2, mtr, traceroute and socat
    are on the machine)."""
    for tool, pkg in (("lshw", "lshw"), ("hwinfo", "hwinfo"), ("inxi", "inxi"), ("lsmod", "kmod"),
                      ("ethtool", "ethtool"), ("conntrack", "conntrack"), ("arping", "arping"),
                      ("ipcalc", "ipcalc"), ("sipcalc", "sipcalc"), ("lspci", "pciutils")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide173_hw as hw  # lshw, lspci, hwinfo, inxi, kmod, ipcalc, sipcalc
    import capture_wide173_net as net  # namespaces: ethtool, tc, bridge, conntrack, mtr, traceroute, socat, arping
    return hw.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide173", sys.modules["__main__"])
    main()
