#!/usr/bin/env python3
"""Capture round 172 of the compression corpus: monitoring and logging agents' configuration checks and outputs,
shapes new to the corpus. A small lab's monitoring set-up of its own (`harbourmon`: some sixty hosts of a seeded
generator, web, db, cache and queue roles) with faults put in: check commands that are not defined, services on hosts
that do not exist, an attribute of the wrong type, a syntax slip, host groups that match nothing, a misspelt syslog-ng
option, Zabbix user parameters that read files that are not there and an unknown agent parameter, an access log with a
burst of 500s. It is checked by Icinga 2 (`daemon -C`, `object list`), Nagios 4 (`-v`, `-s`), syslog-ng
(`--syntax-only`) and the Zabbix agent (`-p`, `-t`); GoAccess reports the access log as JSON and CSV; sysstat's sadc
records the machine under a load put on it for the purpose, read back by `sar -q`, `sar -r`, `sar -u ALL -P ALL`,
`sadf -d`, and `pidstat -d` / `-u` sample it live. About half the command lines are typed as agents type them
(`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 172" section fixed before capture, applied by the extractors in
capture_wide172_mon.py and capture_wide172_stat.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide172.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide172.json  as {"version": 2, "items": [...]}, ids prefixed "wide172-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide172-"
DEFAULT_OUT = HERE / "data" / "wide172.json"
TMP = Path(os.environ.get("HM_WIDE172_TMP", "/dev/shm/hm-corpus-wide172"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's Icinga 2, Nagios 4, syslog-ng, the Zabbix agent, GoAccess and sysstat, installed once."""
    cm.ensure_apt("icinga2", "--no-install-recommends icinga2-bin icinga2-common")
    cm.ensure_apt("nagios4", "--no-install-recommends nagios4-core monitoring-plugins-basic")
    cm.ensure_apt("syslog-ng", "--no-install-recommends syslog-ng-core")
    cm.ensure_apt("zabbix_agentd", "--no-install-recommends zabbix-agent")
    cm.ensure_apt("goaccess", "--no-install-recommends goaccess")
    cm.ensure_apt("sar", "--no-install-recommends sysstat")
    cm.ensure_apt("jq", "--no-install-recommends jq")


def steps() -> list:
    import capture_wide172_mon as mon  # icinga2, nagios4, syslog-ng, zabbix_agentd
    import capture_wide172_stat as stat  # goaccess, sar, sadf, pidstat
    return stat.STEPS + mon.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide172", sys.modules["__main__"])
    main()
