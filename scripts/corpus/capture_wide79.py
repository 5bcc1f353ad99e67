#!/usr/bin/env python3
"""Capture round 79 of the compression corpus: server and infrastructure daemons new to the corpus, from Debian's
packages, each run on 127.0.0.1 only, for a small weather-station network (`meteo`). Prometheus (promtool's config,
rules and rule-test checks on files with mistakes, the server's own log, the targets API through jq), Caddy (validate
and adapt on Caddyfiles, its JSON access log under load with upstreams down), etcd (etcdctl tables and key listings,
the server's JSON log), mosquitto (the broker's log with many clients and wrong passwords, `mosquitto_sub -v`
streams), Unbound and dnsmasq (checkconf errors, query logs), Squid (`squid -k parse` errors, access.log and
cache.log), tshark on a pcap captured on loopback, `ss -s` and nstat. Several command lines are typed as agents type
them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| jq`, `| grep -i error`).

The kinds and their rule 5 values are NEEDLES.md's "Round 79", written before this ran; the extractors live in
capture_wide79_web.py and capture_wide79_net.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide79.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide79.json  as {"version": 2, "items": [...]}, ids prefixed "wide79-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide79-"
DEFAULT_OUT = HERE / "data" / "wide79.json"
TMP = Path("/tmp/hm-corpus-wide79")

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
    import capture_wide79_net as net  # mosquitto, unbound, dnsmasq, squid, tshark, ss, nstat
    import capture_wide79_web as web  # promtool, prometheus, caddy, etcd
    return web.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide79", sys.modules["__main__"])
    main()
