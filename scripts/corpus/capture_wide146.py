#!/usr/bin/env python3
"""Capture round 146 of the compression corpus: mail and DNS servers run on loopback, shapes new to the corpus.
`harbourpost`, a port authority's mail and name service, gets domains, mailboxes and zones of its own with faults put
in on purpose, every service bound to 127.0.0.1 only, from Debian: a Postfix instance of its own (`postqueue -p`/`-j`
with deferred and held mail, `postcat -q`, `qshape`, `swaks` sessions with a rejected sender, a relay denial, an
unknown user and a wrong password), Dovecot (`doveconf -n` with a warning, `doveadm mailbox status`, `doveadm who`,
its log with auth failures), SpamAssassin (`spamassassin -t`, `--lint` on a broken site config), OpenDKIM
(`opendkim-testkey` against keys Knot serves), PowerDNS's `pdnsutil` on the sqlite3 backend (`check-zone`,
`list-zone`, `rectify-zone`, `show-zone`), Knot DNS (`knotc conf-check`, `knotc zone-check`, `kdig` answers with
DNSSEC records and AXFR listings).

Every kind is new (NEEDLES.md's "Round 146"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide146.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide146.json  as {"version": 2, "items": [...]}, ids prefixed "wide146-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide146-"
DEFAULT_OUT = HERE / "data" / "wide146.json"
TMP = Path(os.environ.get("HM_WIDE146_TMP", "/dev/shm/hm-corpus-wide146"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Postfix, Dovecot, SpamAssassin, OpenDKIM, PowerDNS (sqlite3 backend), Knot and swaks from Debian."""
    for tool, pkg in (("postqueue", "postfix"), ("doveadm", "dovecot-core dovecot-imapd"),
                      ("spamassassin", "spamassassin"), ("opendkim-testkey", "opendkim opendkim-tools"),
                      ("pdnsutil", "pdns-server pdns-backend-sqlite3"), ("knotc", "knot"), ("kdig", "knot-dnsutils"),
                      ("swaks", "swaks"), ("sqlite3", "sqlite3")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide146_dns as dns  # pdnsutil, knotc, knotd + kdig, opendkim-testkey
    import capture_wide146_mail as mail  # postfix queue, swaks, dovecot, spamassassin
    return dns.STEPS + mail.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide146", sys.modules["__main__"])
    main()
