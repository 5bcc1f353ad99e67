"""Revision histories of the version control systems other than git (Mercurial, Subversion,
Breezy, fossil, darcs): each entry names a revision the model may name back, as a git log's
commits do. So every entry's opening line, its author, date and branch, and its message's first
line stay; the paths it changed (but for removals, renames and copies) and the rest of its
message are its details.
"""

from __future__ import annotations

import re

from .select import HIGH, LOW, MUST, NORMAL
from .structured import COMMIT_LIST_MAX

_DRAWN = r"[@o*x|\\/ +_.-]*"  # `hg log -G`'s drawing before an entry's lines
# The line that opens an entry, after the drawing. The opener's kind tells where the entry's
# message is: under a `summary:`/`message:` label, on the next line, or on the opener.
_OPENER = re.compile(
    _DRAWN + r"+(?:"
    r"(?P<label>changeset: +\d+:[0-9a-f]{12}\b|revno: \d)"  # hg log, brz log: labelled fields follow
    r"|(?P<next>r\d+ \| [^|\n]+ \| \d{4}-\d\d-\d\d"  # svn log: "r12 | ann | 2026-… | 1 line"
    r"|\d+ [^\t\n]+\t\d{4}-\d\d-\d\d"  # brz log --short: "  12 Ann\t2026-02-25"
    r"|patch [0-9a-f]{40}$)"  # darcs log
    r"|(?P<same>\d\d:\d\d:\d\d \[[0-9a-f]{10,}\] "  # fossil timeline: "12:07:00 [ab12…] message"
    r"|\d+: [^\n]+ \d{4}-\d\d-\d\d ))"  # brz log --line
)
_DRAWING = re.compile(_DRAWN)
# The labelled fields of an entry: its facts stay, the details ("files: …", "phase: …") may go. A
# section's label stands alone: the message's, or a list of the paths changed. Other words before
# a colon are a message's ("core: port the parser").
_FIELD = re.compile(r"([a-z]+(?: [a-z]+)?):(\s|$)", re.I)
_FACTS = frozenset({"user", "author", "committer", "date", "timestamp", "branch", "branch nick", "tag", "tags",
                    "bookmark", "summary", "parent"})
_DETAILS = frozenset({"files", "phase", "manifest", "extra", "obsolete", "instability", "obsfate"})
_SECTIONS = frozenset({"message", "description", "changed paths", "modified", "added", "removed", "renamed",
                       "kind changed", "conflicts"})
_MESSAGE = frozenset({"message", "description"})
# Of the paths changed, what stays: a removal, a replacement or a copy (svn's "D", "R", "(from
# /trunk:12)"; darcs' "R"), and brz's removed and renamed sections.
_MOVED = re.compile(r"\s+[DR] |.*\(from \S+:\d+\)$")
_MOVED_SECTIONS = frozenset({"removed", "renamed"})
_RULE = re.compile(r"-{10,}$")
_DAY = re.compile(r"=== \d{4}-\d\d-\d\d ===$")  # fossil's day heading
_MIN_ENTRIES = 3
_HEAD = 300  # characters of a line an opener is told by


def rank_history(lines: list[str]) -> list[int] | None:
    """Ranks for a revision history; None for any other text."""
    # An opener is told by its head (a long line would make "[^\n]+ \d{4}-" scan it all).
    if sum(1 for x in lines[:200] if _OPENER.match(x, 0, _HEAD)) < _MIN_ENTRIES:
        return None
    openers = [(i, m) for i, x in enumerate(lines) if (m := _OPENER.match(x, 0, _HEAD)) is not None]
    if len(openers) * 40 < sum(1 for x in lines if x.strip()):
        return None  # a few look-alike lines in another output
    facts = MUST if len(openers) <= COMMIT_LIST_MAX else HIGH  # past it, as for git's, they compete for room
    rank = [MUST if x.strip() else NORMAL for x in lines[: openers[0][0]]]  # what the tool said first
    for k, (start, m) in enumerate(openers):
        end = openers[k + 1][0] if k + 1 < len(openers) else len(lines)
        rank.append(facts)
        pending = m.group("same") is None  # the message's first line is still to come
        section = ""
        for line in lines[start + 1 : end]:
            body = line[_DRAWING.match(line).end() :] if m.group("label") else line
            text = body.strip()
            field = _FIELD.match(text)
            label = field.group(1).lower() if field else ""
            if not text:
                r, section = NORMAL, "" if section == "changed paths" else section  # svn's message follows
            elif _RULE.match(text):
                r = LOW
            elif _DAY.match(text):
                r = HIGH
            elif label in _FACTS and field.group(2):
                r = facts if label != "parent" else HIGH
                pending = pending and label != "summary"
            elif label in _SECTIONS and not field.group(2):
                r, section = HIGH, label
            elif label in _DETAILS:
                r = NORMAL
            elif pending and (section in _MESSAGE or not section):
                r, pending = facts, False
            elif section in _MOVED_SECTIONS or _MOVED.match(body):
                r = facts
            else:
                r = NORMAL
            rank.append(r)
    return rank
