#!/usr/bin/env python3
"""Capture round 43 of the compression corpus: a blind sample of system, network and binary inspection outputs the
corpus did not hold (the kinds of /tmp/s12/kinds.txt excluded). A weather-buoy telemetry decoder in C (`buoy`,
written here with bugs put in: a NULL dereference, a worker thread that crashes, a missing calibration file; widened
by a seeded generator of sensor decoders) built with -g and inspected with binutils (readelf, objdump, size, nm),
gdb, valgrind's cachegrind and ltrace; this machine's own state (lscpu -e, vmstat -s / -d,
ss -s, ulimit -a, sar); local servers on 127.0.0.1 (dnsmasq through dig and host, sshd through ssh -v, nginx -T on a
broken config); a private CA's certificates and CRL through openssl; Kubernetes manifests through kubectl offline; a
crontab; the firewall. Some command lines are typed as agents type them (pipes that cut, chains, `; echo EXIT=$?`).

Each new kind's needles come from the rule NEEDLES.md's "Round 43" section wrote down before capture, applied by the
extractor next to the kind. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide43.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide43.json  as {"version": 2, "items": [...]}, ids prefixed "wide43-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide43-"
DEFAULT_OUT = HERE / "data" / "wide43.json"
TMP = Path("/tmp/hm-corpus-wide43")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
TOOLS = {"gdb": "gdb", "valgrind": "valgrind", "ltrace": "ltrace", "sar": "sysstat", "dig": "dnsutils",
         "dnsmasq": "dnsmasq", "sshd": "openssh-server", "ssh": "openssh-client", "nginx": "nginx-light",
         "crontab": "cron", "nft": "nftables", "iptables-save": "iptables"}


def ensure_tools() -> None:
    """Debian's packages of the round's tools, installed once (kubectl, binutils and openssl are on the machine)."""
    for tool, pkg in TOOLS.items():
        cm.ensure_apt(tool, f"--no-install-recommends {pkg}")


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed (round 9b's shell-status)."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def steps() -> list:
    import capture_wide43_bin as binary  # readelf, objdump, size, nm, gdb, cachegrind, ltrace
    import capture_wide43_sys as system  # machine state, local servers, openssl, kubectl, crontab, firewall
    return binary.STEPS + system.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide43", sys.modules["__main__"])
    main()
