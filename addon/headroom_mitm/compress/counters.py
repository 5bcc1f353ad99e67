"""Counters of what went wrong, printed as "name value" rows (nstat's "TcpAttemptFails  1954",
redis INFO's "rejected_connections:3", a metric's "…_errors_total 14"). In a table of such counters
(half its rows), a count of failures that is not zero reports them (principle 2), however many quiet
counters surround it: its row stays. A setting is no count ("tcp_fin_timeout = 60"): the names are
those of events counted (plural or past: Errors, Fails, Drops, Resets, Timeouts, Refused, …)."""

from __future__ import annotations

import re

from .lineindex import LineIndex, matches_at_least
from .select import MUST

_EVENTS = (
    r"(?i:errors?|errs|fail(?:s|ed|ures?)|drop(?:s|ped)|retrans\w*|overflows?|resets|abort(?:s|ed)|refused"
    r"|reject(?:s|ed)|discard(?:s|ed)|timeouts|timedout|lost)(?![a-z])"
    r"|(?:Err|Fail|Drop|Reset|Abort|Timeout|Reject|Discard)(?=[A-Z])"  # CamelCase: "TCPAbortOnData"
)
# The name (one token that counts events: no path, no place), a colon, an equals sign or spaces,
# then a count of 1 or more ("errors.py:12:1" is a place, not a count).
_COUNTER = re.compile(rf"[ \t]*[\w.-]*?(?:{_EVENTS})[\w.-]*(?:[ \t]*[:=][ \t]*|[ \t]+)[1-9][\d,]*(?![\d.:])")
# The names' stems, found in C in any case before _COUNTER reads a line (its alternation would be
# tried at every character).
_STEMS = (
    "err", "fail", "drop", "retrans", "overflow", "reset", "abort", "refused", "reject", "discard", "timeout", "timedout", "lost",
)  # fmt: skip
# A row of a table of counters: a name, then a number (and maybe a rate after it).
_ROW = re.compile(r"[ \t]*[\w.-]+(?:[ \t]*[:=][ \t]*|[ \t]+)\d[\d,.]*(?:[ \t]|$)")
_MIN_ROWS = 5
_MAX = 200  # more are a log's error lines, not counters


def keep_failure_counters(index: LineIndex, rank: list[int]) -> None:
    sample = [x for x in index.lines[:100] if x.strip()][:60]
    if len(sample) < _MIN_ROWS or not matches_at_least(_ROW, sample, len(sample) // 2):
        return  # decided on a sample: most outputs are no table of counters
    found: list[int] = []
    for i in index.hits(_STEMS):  # the words in any case
        if _COUNTER.match(index.lines[i]):
            found.append(i)
            if len(found) > _MAX:
                return
    for i in found:
        rank[i] = MUST
