#!/usr/bin/env python3
"""Capture round 139 of the compression corpus: identity, file-sharing and print services run on loopback, shapes
new to the corpus. `ferrygate`, a ferry operator's back office, gets a realm, shares, printers and policy files of
its own with faults put in on purpose: MIT Kerberos (a KDC and kadmin database of hundreds of principals on
127.0.0.1: `kadmin.local listprincs`/`getprinc`, `klist -e`, `klist -k -t -e`, `ktutil`, `kinit` failures, the KDC
log with failed pre-authentication and lockouts), Samba's smbd on 127.0.0.1 with a tdbsam of its own (`pdbedit -L
-v`, `net` on the local passdb, `smbclient … ls` of shares of many files, `log.smbd` with denials), CUPS's cupsd on
127.0.0.1 with file-backed and failing queues (`lpstat -t`, `lpinfo`, `lpoptions -l`, a debug `error_log`), PAM
service files of its own through `pamtester`, sudoers files of its own through `visudo -c -f` and `sudo -l`,
`getent shadow`. The round's Unix accounts (`fg-…`), PAM service files and sudoers drop-in are removed at the end.

Every kind is new (NEEDLES.md's "Round 139"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide139.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide139.json  as {"version": 2, "items": [...]}, ids prefixed "wide139-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide139-"
DEFAULT_OUT = HERE / "data" / "wide139.json"
TMP = Path(os.environ.get("HM_WIDE139_TMP", "/tmp/hm-corpus-wide139"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """MIT Kerberos' KDC and clients, CUPS and pamtester from Debian (Samba and sudo are on the machine)."""
    for tool, pkg in (("krb5kdc", "krb5-kdc"), ("kadmin.local", "krb5-admin-server"), ("kinit", "krb5-user"),
                      ("cupsd", "cups"), ("lpstat", "cups-client"), ("pamtester", "pamtester"),
                      ("smbd", "samba"), ("smbclient", "smbclient")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide139_krb as krb  # kadmin.local, klist, ktutil, kinit, the KDC log
    import capture_wide139_svc as svc  # smbd, pdbedit, net, smbclient, cupsd, lp*, pamtester, sudo, visudo, getent
    return krb.STEPS + svc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide139", sys.modules["__main__"])
    main()
