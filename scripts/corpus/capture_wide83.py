#!/usr/bin/env python3
"""Capture round 83 of the compression corpus: second samples of round 79's kinds, blind, for a parcel-courier
network (`parcels`) run on 127.0.0.1 only with Debian's daemons: promtool on a rules file of 80+ rules and on rule
tests that fail, the Prometheus server's log, Caddy's adapt output and JSON access log, the mosquitto broker's log with
scanners using wrong passwords, Unbound's and dnsmasq's query logs, Squid's access.log, etcdctl tables and etcd's log,
tshark on a loopback pcap (packet list, packet detail, conversations) and nstat.

No rule is new (NEEDLES.md's "Round 83"): every kind's needles come from round 79's extractors, imported from
capture_wide79_web.py and capture_wide79_net.py (the steps are capture_wide83_web.py and capture_wide83_net.py).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide83.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide83.json  as {"version": 2, "items": [...]}, ids prefixed "wide83-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide83-"
DEFAULT_OUT = HERE / "data" / "wide83.json"
TMP = Path("/tmp/hm-corpus-wide83")

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
    import capture_wide83_net as net  # mosquitto, unbound, dnsmasq, squid, tshark, nstat
    import capture_wide83_web as web  # promtool, prometheus, caddy, etcd
    return web.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide83", sys.modules["__main__"])
    main()
