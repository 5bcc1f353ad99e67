#!/usr/bin/env python3
"""Capture round 178 of the compression corpus: second samples of round 171's kinds (host security scanners and audit
tools run offline) and round 172's (monitoring and logging agents), no new rules. `saltmarsh`, a port authority's file
server staged under the round's scratch dir: a departmental share with EICAR test files, droppers and macro samples put
in (scanned by clamd on a local socket through clamdscan, by `clamscan --debug` and by YARA rules of its own), AppArmor
profiles of its gate daemons with syntax errors put in, a Tripwire tree of its own tampered with and bad policies, auth
logs and an audit.log of the real shape written by seeded generators of its own. And `ironworks`, a steel mill's
monitoring: an Icinga 2 tree and Nagios 4 objects of PLCs, historians, SCADA hosts and UPSes with faults put in,
syslog-ng configurations with errors, a Zabbix agent with user parameters, GoAccess over a plant portal's access log,
and sysstat sampling this machine under a load started for the purpose.

No rule is new: each kind's needles come from round 171's or 172's extractor, imported from their capture modules
(NEEDLES.md, "Round 178"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide178.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide178.json  as {"version": 2, "items": [...]}, ids prefixed "wide178-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide178-"
DEFAULT_OUT = HERE / "data" / "wide178.json"
TMP = Path(os.environ.get("HM_WIDE178_TMP", "/dev/shm/hm-corpus-wide178"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 171's and 172's Debian packages (installed already on this machine; installed once otherwise)."""
    for tool, pkg in [("apparmor_parser", "apparmor"), ("tripwire", "tripwire"), ("logwatch", "logwatch"),
                      ("clamscan", "clamav"), ("clamd", "clamav-daemon"), ("ausearch", "auditd"), ("yara", "yara"),
                      ("icinga2", "--no-install-recommends icinga2-bin icinga2-common"),
                      ("nagios4", "--no-install-recommends nagios4-core monitoring-plugins-basic"),
                      ("syslog-ng", "--no-install-recommends syslog-ng-core"),
                      ("zabbix_agentd", "--no-install-recommends zabbix-agent"),
                      ("goaccess", "--no-install-recommends goaccess"), ("sar", "--no-install-recommends sysstat"),
                      ("jq", "--no-install-recommends jq")]:
        cm.ensure_apt(tool, "-o DPkg::Lock::Timeout=900 " + pkg)


def steps() -> list:
    import capture_wide178_sec as sec  # round 171's kinds on saltmarsh's file server
    import capture_wide178_mon as mon  # round 172's kinds on ironworks' monitoring
    return mon.STEPS + sec.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide178", sys.modules["__main__"])
    main()
