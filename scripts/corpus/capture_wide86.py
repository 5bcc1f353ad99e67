#!/usr/bin/env python3
"""Capture round 86 of the compression corpus: third samples of round 79's kinds, blind, for a city bike-sharing
network (`bikeshare`: docking stations and e-bikes) run on 127.0.0.1 only with Debian's daemons: promtool on rules
files with broken expressions, the Prometheus server's log, Caddy's adapt output and JSON access log, the mosquitto
broker's log with stations using wrong passwords and clients breaking the protocol, Unbound's and dnsmasq's query logs,
Squid's access.log, etcdctl tables and etcd's log, tshark on a loopback pcap (packet lists through -Y filters, packet
detail, conversations, io,stat) and nstat.

No rule is new (NEEDLES.md's "Round 86"): every kind's needles come from round 79's extractors, imported from
capture_wide79_web.py and capture_wide79_net.py (the steps are capture_wide86_web.py and capture_wide86_net.py).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide86.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide86.json  as {"version": 2, "items": [...]}, ids prefixed "wide86-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide86-"
DEFAULT_OUT = HERE / "data" / "wide86.json"
TMP = Path("/tmp/hm-corpus-wide86")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's daemons and clients, installed once (the rounds run as root)."""
    for tool, pkg in [("prometheus", "prometheus"), ("promtool", "prometheus"), ("caddy", "caddy"),
                      ("etcd", "etcd-server"), ("etcdctl", "etcd-client"), ("mosquitto", "mosquitto"),
                      ("mosquitto_sub", "mosquitto-clients"), ("unbound", "unbound"), ("dnsmasq", "dnsmasq-base"),
                      ("squid", "squid"), ("tshark", "tshark"), ("jq", "jq"), ("curl", "curl")]:
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide86_net as net  # mosquitto, unbound, dnsmasq, squid, tshark, nstat
    import capture_wide86_web as web  # promtool, prometheus, caddy, etcd
    return web.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide86", sys.modules["__main__"])
    main()
