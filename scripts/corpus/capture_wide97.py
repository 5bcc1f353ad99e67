#!/usr/bin/env python3
"""Capture round 97 of the compression corpus: process managers, load generators and ops CLIs new to the corpus, on
a small bakery-delivery stack written here (`ovenfleet`) with mistakes put in and widened by seeded generators. npm's
pm2 (list, describe, logs of workers that crash and restart, jlist through jq), autocannon and artillery; Debian's
wrk, h2load (nghttp2-client) and iperf3 against a Python HTTP server of our own on 127.0.0.1; GNU parallel (joblogs
with failing jobs, `--tag` output, `--halt`); monitoring-plugins (check_http, check_tcp, check_disk, check_load,
check_procs); monit (`-t`, status, summary of local checks); chkrootkit; puppet (parser validate, apply and apply
--noop of manifests with mistakes); logrotate -d over configs with mistakes; fail2ban-regex over an auth log made
here. Several command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -v OK`).

The kinds and their rule 5 values are NEEDLES.md's "Round 97", written before this ran; the extractors live in
capture_wide97_load.py and capture_wide97_ops.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide97.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide97.json  as {"version": 2, "items": [...]}, ids prefixed "wide97-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide97-"
DEFAULT_OUT = HERE / "data" / "wide97.json"
TMP = Path("/tmp/hm-corpus-wide97")
TOOLS = Path("/tmp/hm-corpus-wide97-tools")
JS = TOOLS / "js"
NPM_PKGS = ["pm2", "autocannon", "artillery"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's tools (installed once, the rounds run as root) and npm's pm2, autocannon and artillery."""
    for tool, pkg in [("wrk", "wrk"), ("h2load", "nghttp2-client"), ("iperf3", "iperf3"), ("parallel", "parallel"),
                      ("/usr/lib/nagios/plugins/check_http", "monitoring-plugins-basic"), ("monit", "monit"),
                      ("chkrootkit", "chkrootkit"), ("puppet", "puppet"), ("logrotate", "logrotate"),
                      ("fail2ban-regex", "fail2ban"), ("jq", "jq")]:
        cm.ensure_apt(tool, f"--no-install-recommends {pkg}")
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "artillery").exists():  # artillery's playwright engine would fetch a browser
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund " + " ".join(NPM_PKGS), cwd=JS,
               env={"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}, timeout=900)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide97_load as load  # the server, autocannon, artillery, wrk, h2load, iperf3, pm2
    import capture_wide97_ops as ops  # parallel, monitoring-plugins, monit, chkrootkit, puppet, logrotate, fail2ban
    return load.STEPS + ops.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide97", sys.modules["__main__"])
    main()
