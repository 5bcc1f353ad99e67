#!/usr/bin/env python3
"""Capture round 100 of the compression corpus: network services new to the corpus, from Debian's packages, each
run on 127.0.0.1 only (or not at all: the config checkers), for a small harbour authority's network (`harbour`).
BIND 9 (named-checkconf and named-checkzone on configs and zones with mistakes, a zone dump, `named -g` logs with
queries, `rndc status`), OpenLDAP (slaptest, slapd's stats log, ldapadd with bad entries, ldapsearch LDIF of a
directory of hundreds of entries), Varnish (`varnishd -C` VCL errors, varnishstat, varnishlog of requests to a
backend written here), Samba (testparm, `smbclient -L`), Postfix (postfix check, postconf -n, the mail log of a
thousand deliveries with failures), fail2ban-regex over a generated auth log, `rsyslogd -N1`, tinyproxy's log and
vsftpd's log. Several command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`,
`| grep -i error`).

The kinds and their rule 5 values are NEEDLES.md's "Round 100", written before this ran; the extractors live in
capture_wide100_dir.py and capture_wide100_svc.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide100.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide100.json  as {"version": 2, "items": [...]}, ids prefixed "wide100-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide100-"
DEFAULT_OUT = HERE / "data" / "wide100.json"
TMP = Path("/tmp/hm-corpus-wide100")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's daemons and clients, installed once (the rounds run as root; policy-rc.d keeps them stopped)."""
    for tool, pkg in [("named", "bind9"), ("named-checkzone", "bind9-utils"), ("dig", "bind9-dnsutils"),
                      ("slapd", "slapd"), ("ldapsearch", "ldap-utils"), ("varnishd", "varnish"),
                      ("testparm", "samba-common-bin"), ("smbd", "samba"), ("smbclient", "smbclient"),
                      ("postfix", "postfix"), ("fail2ban-regex", "fail2ban"), ("rsyslogd", "rsyslog"),
                      ("tinyproxy", "tinyproxy"), ("vsftpd", "vsftpd")]:
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide100_dir as dr  # BIND, OpenLDAP
    import capture_wide100_svc as sv  # Varnish, Samba, Postfix, fail2ban, rsyslog, tinyproxy, vsftpd
    return dr.STEPS + sv.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide100", sys.modules["__main__"])
    main()
