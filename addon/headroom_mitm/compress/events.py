"""Records of one event: auditd writes an event as several records (SYSCALL, CWD, PATH, PROCTITLE)
that share its serial, `msg=audit(1764549968.000:1355)`. When one of them is kept because it
failed (`success=no`, `res=failed`), the others say what it failed on (the PATH record's file):
they come with it."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .lines import FAIL, severity
from .select import MUST, MUST_AT_MOST

_SERIAL = re.compile(r"msg=audit\(\d+(?:\.\d+)?:(\d+)\)")
_PROBE = "msg=audit("


def keep_event_records(index: LineIndex, rank: list[int]) -> None:
    if _PROBE not in index.text:
        return
    by_serial: dict[str, list[int]] = {}
    failed: list[str] = []
    for i in sorted(index.hits((_PROBE,), case=True)):
        m = _SERIAL.search(index.lines[i])
        if m is None:
            continue
        by_serial.setdefault(m.group(1), []).append(i)
        if severity(index.lines[i]) == FAIL:
            failed.append(m.group(1))
    kept = 0
    for serial in dict.fromkeys(failed):
        for i in by_serial[serial]:
            kept += 1
            if kept > MUST_AT_MOST:
                return
            rank[i] = MUST
