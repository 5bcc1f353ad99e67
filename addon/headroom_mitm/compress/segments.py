"""Where a chained output (`git status && git log`, `ls -la && cat package.json`, `make; ./run`)
changes shape: the runs of lines of one recognisable shape, found from the text alone.

Cut points come from shapes whose lines say what they are: a git block (commits, diffs, --stat,
read by git's own grammar to where it stops), a pretty JSON document, and runs of lines of one
kind (commit-led lines, blame lines, `ls -l` rows, `git status --short` lines, a tree's drawing,
markup). The lines between such runs are the other parts (a log, a table, code), cut again where
the lines change shape though none names it (`shifts`: what the lines open with and the words they
use change at once, a log then a `.gitignore`). A text of one shape has no cut, or cuts whose parts
the caller (sift) finds to be of one shape: it is then ranked whole, as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .documents import looks_like_code_or_prose
from .lineindex import LineIndex
from .structured import BLAME, COMBINED_HUNK, COMMIT_LED, GIT_COMMIT, GIT_META, GIT_STAT, GIT_SUMMARY, HUNK

# A part shorter than this is no shape of its own (the shape detectors want 12 lines).
MIN_LINES = 12
# A run of one kind needs this many lines of it, each within _GAP lines of the last (an ls -lR
# directory's blank, "dir:" and "total N" lines sit between its rows).
_MIN_RUN = 8
_GAP = 4

# Each kind: its lines, found from their newline (a pattern after a literal "\n" is scanned in C;
# possessive, so that a line that is none of them is given up at once), characters one of which
# its lines hold (a text without any is not scanned: a one-character find runs at memchr's speed,
# ~1% of a scan), and words one of which its lines hold, when looking for those first is cheaper
# than the scan (a tree's indentation).
_KINDS: dict[str, tuple[re.Pattern[str], str, tuple[str, ...]]] = {
    "perms": (re.compile(r"\n[-dlcbps][rwx-][rwx-][rwxsS-][rwx-][rwx-][rwxsS-][rwx-][rwx-][rwxtT-][.+@]? +\S"), "", ()),  # ls -l, find -printf %M
    "tree": (re.compile(r"\n(?: *+(?:│|\|(?!--)|\xa0))*+ *+(?:[├└]──|[|`]--)[ \xa0]+\S"), "├└|`", ("── ", "-- ")),
    "markup": (re.compile(r"\n[ \t]*+</?[A-Za-z][\w:.-]*[ />]"), "<", ()),
    "status": (re.compile(r"\n(?:[MADRCU?! ][MADRCU?!]|[MADRCU?!] ) \S"), "", ()),  # git status --short
}  # fmt: skip
# A line led by a commit id (after a graph's drawing or a rebase verb), told apart as blame or a
# commit list's line by their own patterns. Seven hex digits are looked for before one of them is
# (a word such as "deface" is given up sooner: ~15% of the scan).
_HEX_LED = re.compile(r"\n[*|\\/ _.-]*+(?:pick |p )?\^?(?=[0-9a-f]{7})(?=[0-9a-f]*\d)[0-9a-f]{7,40}[ \t]\S")
# A unified diff without git's header (`diff -u`, isort's, black's and ruff's `--diff`) opens on its
# "--- old" over "+++ new" pair.
_GIT_START = re.compile(r"\n(?:commit [0-9a-f]{7,64}\b|diff --git | [^|\s][^|\n]*? \| +(?:\d|Bin )|--- [^\n]*\n\+\+\+ )")
# A pretty JSON document among other lines: a bracket alone on a line, to the first line that
# closes it flush-left.
_JSON_OPEN = re.compile(r"\n[\[{][ \t]*(?=\n(?:[ \t]+[\"\[{\d-]|[\]}]))")  # a brace under C's signature is no JSON
_JSON_CLOSE = {"[": re.compile(r"\n\][ \t]*(?=\n|$)"), "{": re.compile(r"\n\}[ \t]*(?=\n|$)")}
_HEADER = re.compile(r"[A-Z][A-Za-z]*:\s")  # Author:, Date:, Merge:, CommitDate:
_NUMSTAT = re.compile(r"(?:\d+|-)\t(?:\d+|-)\t")


@lru_cache(maxsize=16)
def _probe(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """Where the first line any of `patterns` (each opening with a newline) matches starts: one
    scan tries them all at each newline, ~30% cheaper than a scan each, and most texts have none
    (a text that has one is scanned kind by kind from there)."""
    assert all(p.pattern.startswith("\\n") for p in patterns)
    return re.compile("\n(?=" + "|".join(p.pattern[2:] for p in patterns) + ")")


def _git_end(lines: list[str], i: int) -> int:
    """Where the git output that starts at line i (a commit or a diff) stops: the first line git's
    own grammar does not allow there."""
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("commit ") and GIT_COMMIT.fullmatch(line):
            i += 1
            while i < n and _HEADER.match(lines[i]):
                i += 1
            while i < n and (not lines[i] or lines[i].startswith("    ")):  # the message
                i += 1
            continue
        if (hunk := HUNK.match(line)) is not None:
            old, new = int(hunk.group(1) or 1), int(hunk.group(2) or 1)
            i += 1
            while i < n and (old > 0 or new > 0):
                c = lines[i][:1]
                if c == "-":
                    old -= 1
                elif c == "+":
                    new -= 1
                elif c in (" ", "", "\r"):  # a blank context line after the clean-up (CRLF: "\r")
                    old, new = old - 1, new - 1
                elif c != "\\":
                    break
                i += 1
            continue
        if line.startswith("@@@") and (combined := COMBINED_HUNK.match(line)) is not None:
            cols = len(combined.group(1)) - 1  # one column of "+", "-" or " " per parent
            i += 1
            while i < n and not lines[i][:cols].strip(" +-\r"):
                i += 1
            continue
        if (
            not line
            or line.startswith(("diff --git ", "diff --cc ", "index ", "--- ", "+++ ", *GIT_META))
            or GIT_STAT.fullmatch(line)
            or GIT_SUMMARY.fullmatch(line.rstrip())
            or _NUMSTAT.match(line)
        ):
            i += 1
            continue
        break
    return i


def _line_numbers(text: str, found: Iterator[re.Match[str]]) -> list[int]:
    """The line of each match (found in order, each at the newline before its line): newlines
    counted in C between them, where bisecting a table of line starts needs the table first."""
    out: list[int] = []
    line = pos = 0
    for m in found:
        line += text.count("\n", pos, m.start())
        pos = m.start()
        out.append(line)
    return out


def _runs(text: str, lines: list[str], kinds: list[str], start: int, skip: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(first, end, kind) of each run of lines of one kind (of `kinds`, the ones the text may have;
    none starts before `start`), outside the spans in `skip`."""
    by_kind: dict[str, list[int]] = {}
    for i in _line_numbers(text, _HEX_LED.finditer(text, start)):
        kind = "blame" if BLAME.match(lines[i]) else "commit" if COMMIT_LED.match(lines[i]) else None
        if kind is not None:
            by_kind.setdefault(kind, []).append(i)
    for kind in kinds:
        at = _line_numbers(text, _KINDS[kind][0].finditer(text, start))
        if at:
            by_kind[kind] = at
    found: list[tuple[int, int, str]] = []
    for kind, at in by_kind.items():
        first = last = at[0]
        count = 1
        for i in [*at[1:], -_GAP - 2]:
            if 0 <= i - last <= _GAP:
                last, count = i, count + 1
                continue
            if count >= _MIN_RUN and not any(a < last + 1 and first < b for a, b in skip):
                found.append((first, last + 1, kind))
            first = last = i
            count = 1
    return found


def runs(index: LineIndex) -> list[tuple[int, int, str]]:
    """The runs of lines of one recognisable shape, [(first, end, kind), …] in order and apart:
    git blocks, pretty JSON documents, and runs of lines of one kind."""
    lines, nl = index.lines, index.text  # nl: a newline before every line
    n = len(lines)
    seen = [0, 0]  # a position in nl and its line: newlines are counted on from there

    def line_at(p: int) -> int:
        if p < seen[0]:
            seen[:] = [0, 0]
        seen[1] += nl.count("\n", seen[0], p)
        seen[0] = p
        return seen[1]

    # The kinds the text may hold (their characters and words are in it), then the first line of any
    # shape: a text without one (most) is scanned once, one with one is scanned from there.
    kinds = [k for k, (_, chars, words) in _KINDS.items()
             if (not chars or any(c in nl for c in chars)) and (not words or any(w in nl for w in words))]  # fmt: skip
    json = "[" in nl or "{" in nl  # no bracket, no JSON: not looked for
    shapes = (_GIT_START, _HEX_LED, *((_JSON_OPEN,) if json else ()), *(_KINDS[k][0] for k in kinds))
    if (first_line := _probe(shapes).search(nl)) is None:
        return []
    start = first_line.start()
    found: list[tuple[int, int, str]] = []
    pos = start
    while (m := _GIT_START.search(nl, pos)) is not None:
        first = line_at(m.start())
        end = _git_end(lines, first)
        if end == first:  # "commit" and some other words
            pos = m.end()
            continue
        found.append((first, end, "git"))
        if end >= n:
            break
        pos = m.start() + sum(len(x) + 1 for x in lines[first:end])
    pos = start if json else len(nl)
    while (m := _JSON_OPEN.search(nl, pos)) is not None and (
        close := _JSON_CLOSE[m.group(0)[1]].search(nl, m.end())
    ) is not None:
        found.append((line_at(m.start()), line_at(close.start()) + 1, "json"))
        pos = close.end()
    found += _runs(nl, lines, kinds, start, [(a, b) for a, b, _ in found])
    found.sort()
    apart: list[tuple[int, int, str]] = []
    for run in found:
        if apart and apart[-1][2] == run[2]:  # what lies between two runs of a kind is theirs
            apart[-1] = (apart[-1][0], max(run[1], apart[-1][1]), run[2])
        elif not apart or run[0] >= apart[-1][1]:  # of two overlapping runs the earlier one wins
            apart.append(run)
    return apart


# What a line opens with, by class: a capital, a small letter, a digit, or the character itself
# (a space, a tab, punctuation); a blank line is its own class. A tab is no space: `git blame -p`'s
# tab-led source lines then psql's space-indented table are two programs (tune: chained pairs +11
# needles).
_LEAD = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "A" * 26 + "a" * 26 + "0" * 10
)
# Two neighbouring windows of MIN_LINES lines whose leads share no more than this many lines are
# of two shapes (a log's words over a .gitignore's "#" and "*", an `ls` table's indented numbers
# over `pip show`'s "Name:").
_SHARED = 3
_FIRST_CELLS = 24  # where a row of columns has its first gap of spaces
# The words on each side of such a change (this many lines each) of which no more than this share
# is on both sides: two programs' outputs; one program changing phase names the same tests, files
# and calls on both sides (`✔ vat 17711` lines, then the failures of `vat` under them; g++'s notes
# then its warnings share their file's name: a fifth cut them apart). A tenth kept a .gitignore
# with a spec report's "build", "files" and "test" (tune: chained pairs 96.8% -> 98.9% of needles).
_WORDS_SPAN = 40
_WORDS_SHARED = 0.15
_WORDS_FEWEST = 4
_WORDS_SEEN = 1000  # lines before a change whose words the lines after it must not repeat
_TRIES = 2  # lines of a change whose words are compared, the sharpest first
_RUNS = 6  # places of one region where the leads part that are looked at as changes
_WORD = re.compile(r"[A-Za-z_]{3,}")


def shifts(lines: list[str]) -> list[int]:
    """Where a text changes shape though no line kind names it (a log, then a `.gitignore`; a table,
    then `rg` hits): the lines at which the leads of the MIN_LINES lines before and after have
    (almost) nothing in common, at the sharpest point of each change, and the words around it are
    other words; both sides long enough to be ranked alone."""
    w, h = MIN_LINES, MIN_LINES // 2
    # A letter-led line with a run of spaces inside is a row of columns (`ps aux`'s "root   77  0.6"),
    # one of no space a word or a path ("py/anyio/itertools.py"): classes apart from a sentence's.
    lead = "".join([
        ("|" if "  " in x[:_FIRST_CELLS].rstrip() else "/" if " " not in x else x[0]) if x[:1].isalpha() else x[:1] or "\n"
        for x in lines
    ]).translate(_LEAD)  # inline: a call per line costs as much as the rest of the scan
    n = len(lead)
    if n < 2 * w:
        return []
    # A window's leads as counts of the leads it has (at most w of them, however many kinds of lead
    # the text has: a dense vector per window was quadratic in lines that each open on another
    # character); the lines two windows share is the sum of the smaller count of each lead.
    counted: dict[str, dict[str, int]] = {}

    def counts(window: str) -> dict[str, int]:
        if (found := counted.get(window)) is None:
            found = counted[window] = {c: window.count(c) for c in set(window)}
        return found

    # Windows half a window apart first: a change between two of them is at most h lines from
    # where they meet, so their leads share at most h lines more than at the change. Most texts
    # repeat a few windows' leads: each is counted once.
    windows = [lead[k : k + w] for k in range(0, n - w + 1, h)]
    regions: list[list[int]] = []
    for j in range(len(windows) - 2):
        a, b = windows[j], windows[j + 2]
        if a == b or _shared(counts(a), counts(b)) > _SHARED + h:
            continue
        lo, hi = max(w, j * h + w - h), min(n - w, j * h + w + h)
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = hi
        elif lo <= hi:
            regions.append([lo, hi])
    # Then line by line there, both windows slid on by a line.
    out: list[int] = []
    for lo, hi in regions:
        lo = max(lo, out[-1] + w if out else 0)
        if lo > hi:
            continue
        before, after = dict(counts(lead[lo - w : lo])), dict(counts(lead[lo : lo + w]))
        apart: list[tuple[int, int]] = []  # (lines shared, line) where the leads part
        shared = _shared(before, after)
        for i in range(lo, hi + 1):
            if i > lo:  # the line between the windows passes from after to before
                c = lead[i - 1]
                shared += _add(before, after, c) + _drop(before, after, lead[i - 1 - w])
                shared += _drop(after, before, c) + _add(after, before, lead[i - 1 + w])
            if shared <= _SHARED:
                apart.append((shared, i))
        # The leads alone place a change to a line or two (a log's last lines open as a file's first
        # ones do; a file's name opens as a table's rows): of the sharpest few, the first after
        # which the words are other words. Regions run together where one output's lines vary (a
        # backtrace); its places apart over half a window are each another change's.
        runs: list[list[tuple[int, int]]] = []
        for found in apart:
            if runs and found[1] - runs[-1][-1][1] <= h:
                runs[-1].append(found)
            else:
                runs.append([found])
        # The sharpest runs only: noise (binary bytes read as text) parts everywhere, and each look
        # at the words costs a scan of the lines around it.
        sharpest = sorted(runs, key=min)[:_RUNS]
        for run in sorted(sharpest):
            cut = next((i for _, i in sorted(run)[:_TRIES] if other_words(lines, i)), None)
            if cut is not None and (not out or cut >= out[-1] + w):
                out.append(cut)
    return out


def _shared(a: dict[str, int], b: dict[str, int]) -> int:
    """Lines two windows' leads share: the smaller count of each lead both have."""
    if len(b) < len(a):
        a, b = b, a
    return sum(min(k, b[c]) for c, k in a.items() if c in b)


def _add(counts: dict[str, int], other: dict[str, int], lead: str) -> int:
    """A lead into one window: the change in the lines the two windows share."""
    k = counts.get(lead, 0)
    counts[lead] = k + 1
    return 1 if k < other.get(lead, 0) else 0


def _drop(counts: dict[str, int], other: dict[str, int], lead: str) -> int:
    """A lead out of one window (gone, it is dropped: a window holds at most its w leads)."""
    k = counts[lead]
    if k > 1:
        counts[lead] = k - 1
    else:
        del counts[lead]
    return -1 if k <= other.get(lead, 0) else 0


def other_words(lines: list[str], i: int) -> bool:
    """Whether the lines after i speak other words than the lines before (a side of few words, a
    linter's report of counts under its findings, columns of numbers, is not told apart by them),
    words not seen before either (`strace -f`'s processes each print the same calls in turn)."""
    before = set(_WORD.findall("\n".join(lines[max(0, i - _WORDS_SPAN) : i])))
    after = set(_WORD.findall("\n".join(lines[i : i + _WORDS_SPAN])))
    if min(len(before), len(after)) < _WORDS_FEWEST:
        # A side of few words (a CSV's host names, columns of numbers) is told apart from code or
        # prose after it only (a schema printed after rows: code is never cut, as alone).
        return len(before) < _WORDS_FEWEST <= len(after) and looks_like_code_or_prose("\n".join(lines[i : i + _WORDS_SPAN]))
    if len(before & after) > _WORDS_SHARED * min(len(before), len(after)):
        return False
    seen = set(_WORD.findall("\n".join(lines[max(0, i - _WORDS_SEEN) : i])))
    return len(seen & after) <= _WORDS_SHARED * len(after)
