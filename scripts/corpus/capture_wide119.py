#!/usr/bin/env python3
"""Capture round 119 of the compression corpus: coordination stores and monitoring services on loopback, new shapes.
Kinds no earlier round holds, run for real on 127.0.0.1 from Debian's packages: a 3-member etcd cluster (`beacon`, a
harbour's light-and-buoy registry: hundreds of keys written by a seeded writer, one member killed; etcdctl's JSON
forms, its text health check, a watch over a writer that puts and deletes, check perf), Prometheus scraping exporters
written here (one target down, alerting rules that fire or stay pending, a recording rule that fails; the query, rules
and alerts APIs through jq, promtool query, history backfilled with `promtool tsdb create-blocks-from openmetrics` from
a seeded generator and read back with tsdb list / analyze); ZooKeeper, Alertmanager, munin-run and collectd when they
install. About half the command lines are typed as agents type them (`| jq …`, `| head -n 100`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 119" section fixed before capture, applied by the extractors in
capture_wide119_etcd.py, _prom.py, _zk.py and _mon.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide119.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide119.json  as {"version": 2, "items": [...]}, ids prefixed "wide119-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide119-"
DEFAULT_OUT = HERE / "data" / "wide119.json"
TMP = Path(os.environ.get("HM_WIDE119_TMP", "/tmp/hm-corpus-wide119"))
APT = ("etcd-server etcd-client prometheus zookeeper prometheus-alertmanager munin-node collectd-core jq curl "
       "netcat-openbsd")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
CLIENT_ERR = re.compile(r'^Error:|^\{"level":"warn".*(fail|error)|context deadline exceeded|connection refused', re.I)


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def client_errors(lines: list[str]) -> list[str]:
    """Rule 1 as the round states it: a client's Error: line, a warn record of a failed request, a refused or timed-out
    connection."""
    return [ln for ln in lines if CLIENT_ERR.search(ln)]


def ensure_tools() -> None:
    """Debian's etcd, Prometheus, ZooKeeper and Alertmanager, installed once."""
    if not all(cm.have(t, t) for t in ("etcd", "etcdctl", "prometheus", "promtool", "jq", "curl")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


def steps() -> list:
    import capture_wide119_etcd as etcd  # etcd
    import capture_wide119_prom as prom  # Prometheus, promtool, Alertmanager
    import capture_wide119_zk as zk      # ZooKeeper
    import capture_wide119_mon as mon    # munin-run, collectd
    return etcd.STEPS + prom.STEPS + zk.STEPS + mon.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide119", sys.modules["__main__"])
    main()
