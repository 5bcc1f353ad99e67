"""Line-oriented output of any program (tests, linters, compilers, builds, logs): rank every line
by what it reports, keep what went wrong first, drop passing lines and repeats first.

Ranking (see select.py for the ranks):
  * failures (errors, failed tests, panics, exceptions, assertions) and the location that goes
    with each, failing-test banners, summaries, the last lines: MUST;
  * warnings and lint findings: the first of each (code or message shape, file) MUST, the rest
    LOW, with a closing line that counts what was left out per code;
  * the lines around a failure (source excerpt, expected/received, frames): CONTEXT, kept with it;
  * in repetitive output, a line of a template seen once: HIGH; the middle of a frequent
    template: LOW; passing tests: LOW.
Source code and prose are not logs: `documents.looks_like_code_or_prose` keeps them out of here.

Words and literal probes are found by C-level scans of the whole text; only the lines they hit
are looked at one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from . import anomalies, names, owncode, verdicts
from . import lines as ln
from .lineindex import LineIndex, matches_at_least
from .around import AFTER, RULE, RULE_WORDS, failure_block, header_above, location_near, parent_line, title_above, title_below
from .outliers import RARE
from .select import CONTEXT, HIGH, LOW, MUST, MUST_AT_MOST, NORMAL
from .severities import CARETS, LOUD, severities

# Each shape is checked at the start of the lines a cheap probe points at.
_EXCERPT = re.compile(r"[ \t]*>?[ \t]*\d*[ \t]*[|│]")  # a gutter, numbered or not (caret lines)
_EXCERPT_NOTE = re.compile(r"[ \t]+= (?:note|help): ")  # rustc's notes under an excerpt
_RULE = "_=\\-#*~─━―═—"  # a banner's rule, whatever character draws it (pytest-sugar's "―――― test_x ――――")
# The line ends with three rule characters: ".*?" before a run of them tried the whole rest of
# a long run at every character of it (an 80 KB line of "=" under a title took 50 s).
_NUMBERED_HEAD = r"\d+\) \S"  # mocha's "  1) suite" over a failure
# Or a file's name then what is said of it over a rule to the line's end: biome's "src/a.js format ━━━━".
_FILE_BANNER = r"(?:\./|/)?[\w@.+-]+(?:/[\w@.+-]+)*\.\w{1,12}\S* [^━─═\n]*[━─═]{10,}[ \t]*$"
_BANNER = re.compile(rf"[ \t]*(?:[{_RULE}]{{3,}} ?[^\s{_RULE}].*[{_RULE}]{{3}}[ \t]*$|--- (?:FAIL|SKIP)\b|{_NUMBERED_HEAD}|{_FILE_BANNER})")
_BANNER_PROBE = ("___", "===", "----", "###", "***", "~~~", "───", "━━━", "―――", "═══", "———", "--- FAIL", "--- SKIP", ") ")  # ") ": mocha's "  1) suite"
_BARE_PATH = re.compile(
    r"[ \t]*(?:\./|/)?[\w@.+-]+(?:/[\w@.+-]+)*\.\w{1,12}:?[ \t]*$"
    r"|={2,} \[(?:\./|/)?[\w@.+-]+(?:/[\w@.+-]+)*\.\w{1,12}\] [A-Z]+[ \t]*$"  # sqlfluff's "== [q.sql] FAIL"
    r"|\*{4,} \w+ [\w.-]+[ \t]*$"  # pylint's "************* Module pkg.mod"
    # a shell loop's or a multi-file viewer's header: `echo "== $f"`, `head`/`tail`'s "==> f <=="
    r"|(?:={2,}>?|>{2,}) (?:\./|/)?[\w@.+-]+(?:/[\w@.+-]+)*\.\w{1,12}(?: <==)?[ \t]*$"
    r"|In (?:\./|/)?[\w@.+-]+(?:/[\w@.+-]+)*\.\w{1,12}[ \t]*$"  # write-good's "In docs/a.md"
)
_BARE_PATH_PROBE = re.compile(r"\.\w{1,12}+(?::?|\] [A-Z]+| <==)[ \t]*\n")  # possessive: no word character follows
_FRAME = re.compile(r'(?:>\s*|\s+)File "[^"]+", line \d+')  # loguru marks the frame that caught it with ">"
_IN_TRACEBACK = (" ", "\t", ">")  # how a traceback's lines start
# A traceback's first line, bare or in an exception group's box ("  + Exception Group Traceback …",
# "    | Traceback …"): the box's margin, and its bar. Python opens other stacks the same way: asyncio's
# "source_traceback: Object created at", tracemalloc's "Object allocated at", logging's "Stack".
_STACK_OPENS = "(most recent call last):"
_TRACEBACK_OPENS = re.compile(r"([ \t]*)(?:([|+]) )?(?:Exception Group )?(?:Traceback|[A-Za-z_][A-Za-z_ :]*?) " + re.escape(_STACK_OPENS) + "$")
_BOXED_TRACEBACK = "Traceback (most recent call last) ─"
_BOXED_FRAME = re.compile(r"│ \S+:\d+ in \S")
# A native stack's frame (the sanitizers', gdb's): "    #1 0x55bc5e27ba79 in parse /src/fw.c:25:24";
# lldb's "    frame #4: 0x5563… ledger`reconciler(arg=…) at ledger.c:98:9", not in a shared library's module.
_NATIVE_FRAME = re.compile(r"[ \t]*(?:#\d+ +0x[0-9a-f]+ in \S|(?:\* )?frame #\d+: 0x[0-9a-f]+ (?![^\s`]*\.so\b)\S)")
# node's "    at fn (/path/file.js:10:41)" or "    at /path/file.js:22:16": its place (file and line).
_JS_FRAME = re.compile(r"    at (?:[^()\n]+ \()?((?:file://)?/[^\s():]+\.[cm]?[jt]sx?:\d+):\d+\)?$")
_EXCERPT_LOOK = 6  # lines of a source excerpt over its caret, at most
_PLACES_AT_MOST = 60  # distinct places of frames whose first frame stays; more are a deep run's bulk
_ASAN_ADDRESS = re.compile(r"^(?:0x[0-9a-f]+|Address 0x[0-9a-f]+) is located |<== Memory access at offset \d+ ")
# A warning's header that says only its level and place (ecj's "4. WARNING in src/Lever04.java (at
# line 15)", flow's "Warning ------ src/a.js:8:25"): what it warns of is the first line under it
# that opens with a letter (past a source excerpt and caret).
_LEVEL_HEADER = re.compile(r"[ \t]*(?:\d+\. )?(?:(?:WARNING|INFO) in (\S+) \(at line \d+\)|Warning -{3,} (\S+?):\d+(?::\d+)?)$")


def _said_below(lines: list[str], i: int) -> str | None:
    """The first line under a header that opens with a letter (past its excerpt and caret)."""
    for k in range(i + 1, min(len(lines), i + 5)):
        if lines[k][:1].isalpha():
            return lines[k]
    return None
# A failure's header: jest's "● suite › test", banners, go's "--- FAIL:", mocha's "1) test".
_HEADER = re.compile(rf"\s*(?:●|[{_RULE}]{{3,}} ?\S|--- FAIL|{_NUMBERED_HEAD})")
_NUMBERED = re.compile(r"\s*" + _NUMBERED_HEAD)
_COUNTED = re.compile(r"\d+ (?:passed|passing|tests?)")
_FIRST_LETTER = re.compile(r"[A-Za-z]")
# A line that names the case a failure below it belongs to, by a word of its own: common_test's
# "=case  suite:name", TAP's "# Subtest: name", "Scenario: …", "Testcase: …".
_CASE_LABEL = re.compile(r"[ \t]*[=#*-]{0,3}[ \t]*(?:test ?case|case|scenario|example|subtest)\b[ \t]*[:=]?[ \t]+\S", re.I)
_ERROR_DETAIL = re.compile(r"\b(?:DETAIL|HINT|STATEMENT|QUERY):  \S")
_SKIPPED = re.compile(r"\bSKIP(?:PED)?\b")
_TAIL = 40  # summaries are looked for in the last lines
_OPENING = 12  # lines of an opening paragraph that says what ran, at most
_DRAWN = re.compile(r"[ \t]*([-=~_*#─━═])\1{2,}[ \t]*$")  # a line drawn across, however short
_NAMED_FACT = re.compile(r"[A-Za-z][\w .()-]{0,30}: \S")  # "Project version: 0.8.13", "rootdir: /src"


@dataclass
class Ranking:
    rank: list[int]
    units: dict[int, range] = field(default_factory=dict)  # line -> its context, kept with it
    dropped: dict[int, str] = field(default_factory=dict)  # warning beyond the first of its kind -> code
    sections: list[int] = field(default_factory=list)  # bare file-path lines that head findings
    quiet: bool = False  # nothing failed nor warned: what matters is not told by a level


_UNDER = 60  # lines under a failure's header looked at for its place, at most


def _place_under_headers(lines: list[str], headers: list[int], banners: list[int], rank: list[int]) -> None:
    """A failing test's header names no place; jest prints it under the diff, a dozen lines down
    ("at Object.<anonymous> (src/x.test.ts:14:26)"), past the failures its words make of the
    lines between. Where nothing up to the next header is kept with its place, the first line
    that names one is the test's place: it stays, once (thirty errors of one fixture print its
    "tests/conftest.py:30:" thirty times)."""
    ends = set(headers) | set(banners)
    said: set[str] = set()
    for i in headers:
        first = None
        for k in range(i + 1, min(len(lines), i + _UNDER)):
            if k in ends:
                break
            if ln.has_location(lines[k]) and not ln.GUTTER.match(lines[k]):
                if rank[k] == MUST:
                    first = None
                    break
                if first is None:
                    first = k
        if first is not None and lines[first] not in said:
            rank[first] = MUST
            said.add(lines[first])


_WORD = re.compile(r"[A-Za-z]{3}")
_OPENERS_AT_MOST = 60  # sections whose openers all stay; more are sampled as lines are
_SECTION_LINES = 3  # lines under each opener, at least


def _lead(line: str) -> tuple[int, str]:
    """Where a line's text starts and with what: its indent, and a letter, a digit or another mark."""
    body = line.lstrip()
    c = body[:1]
    return len(line) - len(body), "a" if c.isalpha() else "0" if c.isdigit() else c


def _section_openers(lines: list[str], shapes: list[str], counts: Counter[str]) -> list[int]:
    """Lines of one template each heading a run of lines that open otherwise (promtool's
    `series{labels} =>` over its values, a per-target block's name over indented fields): each
    names what its section is about, as a record's opener does. Judged on the template whose lines
    are spread so: few, each another, apart by a few lines or more and covering what follows the
    first; a line that repeats among others as often (a periodic log record) opens as they do."""
    n = len(shapes)
    spread: dict[str, list[int]] = {}
    for i, sh in enumerate(shapes):
        if 3 <= counts[sh] <= _OPENERS_AT_MOST and counts[sh] * (_SECTION_LINES + 1) <= n and sh.strip():
            spread.setdefault(sh, []).append(i)
    found: list[int] = []
    by_lead: dict[tuple[int, str], list[int]] | None = None  # the lines of each lead, made once if needed
    filled: list[int] = []
    for at in spread.values():
        gaps = [b - a for a, b in zip(at, at[1:])]
        if min(gaps) <= _SECTION_LINES or n - at[0] < 0.9 * n or max(gaps) > 4 * min(gaps):
            continue
        # No name: one line printed again (an excerpt under each failure), a numbered rule; a
        # place is its finding's.
        if len({lines[a] for a in at}) < len(at) or _WORD.search(lines[at[0]]) is None or ln.has_location(lines[at[0]]):
            continue
        lead = _lead(lines[at[0]])
        if any(_lead(lines[a + 1]) == lead for a in at if a + 1 < n):
            continue  # the line under an opener opens as it does (a periodic record among others)
        if by_lead is None:
            by_lead = {}
            for k, x in enumerate(lines):
                if x.strip():
                    by_lead.setdefault(_lead(x), []).append(k)
                    filled.append(k)
        # The lines under the openers that open as they do, against all the lines under them.
        same = by_lead[lead]
        alike = len(same) - bisect_right(same, at[0]) - (len(at) - 1)
        body = len(filled) - bisect_right(filled, at[0]) - (len(at) - 1)
        if alike <= 0.1 * body:
            found += at
    return found


_TITLE_CHARS = 120  # a title names its section in a few words


def _titles(index: LineIndex) -> list[int]:
    """Lines at the margin that end with a colon over what they introduce (a run per input:
    "L-BFGS-B (rosen, n=6):" over its solver's report, "glacier G01: trf/linear:"): each names its
    section, whatever its words, as a record's opener does. Judged only where a few do so, apart."""
    lines = index.lines
    found: list[int] = []
    for at in index.occurrences(":\n"):  # (no ":\n" overlaps another)
        i = index.line_of(at)
        x = lines[i]
        if x[:1].isalnum() and len(x) <= _TITLE_CHARS and i + 1 < len(lines) and lines[i + 1].strip() and not ln.has_location(x):
            found.append(i)
            if len(found) > _OPENERS_AT_MOST:
                return []
    if len(found) < 3 or any(b - a < 2 for a, b in zip(found, found[1:])):
        return []
    return found


def _case_above(lines: list[str], i: int, anchors: set[int], passing: set[int]) -> int | None:
    """The line over failure i, within its record (no blank line, no other failure between), that
    names the case it failed in; not one that passed."""
    for k in range(i - 1, max(-1, i - AFTER - 1), -1):
        if k in anchors or not lines[k].strip():
            return None
        if _CASE_LABEL.match(lines[k], 0, 200):
            return None if k in passing else k
    return None


_RECORD_LINES = 6  # lines of a record over a failure that is one of its fields, at most
# A failure that is a verdict alone, maybe under a label and with a short reason ("Result  fail",
# "status: FAILED", "fail"): a field of a record, which says what failed in its other lines.
_VERDICT = re.compile(
    r"[ \t]*(?:[A-Za-z][\w .-]{0,24}?(?:[\r\t]+|: |=| {2,}))?[ \t]*"
    r"(?:fail(?:ed|ure)?|error|errored|broken|crash(?:ed)?|abort(?:ed)?|timeout|timed out)\b.{0,40}$", re.I)


def _record_above(lines: list[str], i: int, anchors: set[int]) -> range:
    """A failure that is a verdict field of a record set apart by blank lines (oscap's "Result
    fail" under the rule's "Title" and "Rule"): the record's lines over it say what failed."""
    if _VERDICT.match(lines[i], 0, 120) is None:
        return range(0)
    k = i
    while k > 0 and i - k < _RECORD_LINES and lines[k - 1].strip() and k - 1 not in anchors:
        k -= 1
    return range(k, i) if k < i and (k == 0 or not lines[k - 1].strip()) else range(0)


# A failure that names only its subject, a word of level before it (pngcheck's "ERROR: a/b.png"):
# the line just over it that names the same subject says what failed ("a/b.png  EOF while reading
# IDAT data"), though it holds no level word.
_SUBJECT_ONLY = re.compile(r"[ \t]*[A-Za-z]{3,12}:?[ \t]+([^\s:]{3,})[ \t]*$")


def _reason_above(lines: list[str], i: int) -> int | None:
    m = _SUBJECT_ONLY.match(lines[i], 0, 200) if i else None
    return i - 1 if m is not None and m.group(1) in lines[i - 1] else None


# A check whose value differed from the one expected, its value printed above under a label of its
# own (Maxima's rtest: "Result:" over the value, then "This differed from the expected result:" over
# the expected one): what it got is the other half of what failed.
_GOT_LABEL = re.compile(r"[ \t]*(?:result|actual|got|received|returned|obtained|output)[ \t]*:[ \t]*$", re.I)


def _got_above(lines: list[str], i: int, stops: set[int]) -> range:
    if "expected" not in lines[i].lower():
        return range(0)
    for k in range(i - 1, max(-1, i - _RECORD_LINES - 3), -1):
        if k in stops:
            break
        if _GOT_LABEL.match(lines[k]):
            value = next((j for j in range(k + 1, i) if lines[j].strip()), None)
            return range(k, value + 1) if value is not None else range(0)
    return range(0)


def _same_lead_run(lines: list[str], k: int) -> int:
    """The end of the run of two or more lines from k that open with one word, a command's name
    (rspec's `rspec ./spec/x_spec.rb:21 # …` under "Failed examples:"), up to a blank line; k if
    there is none."""
    lead = lines[k].split(None, 1)[0] if k < len(lines) and lines[k][:1].isalpha() else None
    if lead is not None and not lead.isalpha():
        return k  # a stamp or a path opening each line: records of a log, not a command's list
    end = k
    while lead and end < len(lines) and end - k < MUST_AT_MOST and lines[end].startswith(lead + " "):
        end += 1
    return end if end - k >= 2 and (end == len(lines) or not lines[end].strip()) else k


# A field of a failure's record, indented under it (node --test's TAP: "  code: 'ERR_ASSERTION'").
_FIELD = re.compile(r"[ \t]+[a-z][A-Za-z_]{1,30}: \S")


def _quiet_repeats(lines: list[str], failures: list[int]) -> set[int]:
    """Failure lines printed again byte for byte that say nothing the first copy did not: a line
    only a soft word ("expected", "missing") makes a failure, with no place of its own (pytest's
    source excerpt "    def test_x(text, expected):" under every failing case), and a failure
    with its place, the same place and words again (go's "x_test.go:916: got 90, want 91" under
    each table case: the failing cases keep their own lines). The copies go first. A place
    must name its file ("x.go:916"): "  3:1  error …" or "at line 3" under another file's header
    is another finding, whatever its words. An indented line with no place of its own is another
    failure under another header (pydantic's "  Input should be … [type=…]" under each field's
    path). A place alone on the line under a failure is its own (Stryker's "[Survived] …" over
    "src/a.js:6:24"). A field of a failure's record repeated under the next failure ("name:
    'AssertionError'" under each TAP failure) is a copy too, loud words or not: the failure's own
    header says which test it is."""
    seen: set[tuple[str, str]] = set()
    out: set[int] = set()
    for i in failures:
        x = lines[i]
        below = lines[i + 1] if i + 1 < len(lines) and ln.bare_place(lines[i + 1]) else None
        placed = below is not None or ln.LOC_TAIL.search(x) is not None
        parent = None if placed or x[:1] not in " \t" else parent_line(lines, i)
        key = (x, below or ("" if parent is None else lines[parent]))
        if key in seen and (placed or ((not LOUD.search(x) or _FIELD.match(x)) and not ln.has_location(x))):
            out.add(i)
        seen.add(key)
    return out


def _in_traceback(lines: list[str], k: int, box: str) -> bool:
    """Whether line k goes on a traceback drawn behind `box` (its margin, and an exception group's
    bar): a frame's line or its code's, or a blank line between frames (loguru's `diagnose` sets
    its frames apart by blank lines and marks one with ">")."""
    w = len(box)
    x = lines[k]
    if x == box.rstrip():
        after = lines[k + 1] if k + 1 < len(lines) else ""
        return after.startswith(box) and after[w : w + 1] in _IN_TRACEBACK
    return x.startswith(box) and x[w : w + 1] in _IN_TRACEBACK


def rank_lines(lines: list[str], index: LineIndex, named: bool = True, whole_at: float | None = None) -> Ranking | None:
    """How much each line matters, or None when nothing in the text says what happened (no
    failure, warning, pass or repetition); `named`: whether names.py's templates are kept.
    `whole_at`: the characters of failure lines past which no cut saves enough (they all stay):
    every line is then MUST, and nothing else is looked at (20,000 error lines cost ~6 µs each)."""
    n = len(lines)
    out = Ranking(rank := [NORMAL] * n)

    def lift(i: int, r: int) -> None:
        # Being near a failure never revives a passing or repeated line.
        if r < rank[i] and (r != CONTEXT or rank[i] != LOW):
            rank[i] = r

    # Repetition: a template's first and last lines stay NORMAL, its middle is LOW; in mostly
    # repetitive output the one-off lines are the anomalies.
    shapes, counts = index.shapes, index.shape_counts
    repeated = sum(c for c in counts.values() if c >= 5)
    if repeated >= 0.3 * n:
        last = dict(zip(shapes, range(n)))  # a later line overwrites: the last one stays
        first = dict(zip(reversed(shapes), range(n - 1, -1, -1)))
        for i, sh in enumerate(shapes):
            c = counts[sh]
            if c >= 5:
                if first[sh] != i and last[sh] != i:
                    rank[i] = LOW
            elif c <= 2 and repeated >= 0.5 * n and lines[i].strip():
                rank[i] = HIGH

        for i in _section_openers(lines, shapes, counts):
            rank[i] = MUST
        for i in _titles(index):
            rank[i] = MUST

    sev, passing = severities(lines, index)
    out.quiet = not sev
    for i in passing:
        rank[i] = LOW
    if not sev and not passing and LOW not in rank:
        return None
    for i in names.named_instances(index, shapes, sev.keys() | passing) if named else ():
        rank[i] = MUST  # each names another thing: content, not noise (bounded in names.py)
    failures = sorted(i for i, s in sev.items() if s == ln.FAIL)
    repeats = _quiet_repeats(lines, failures)
    if whole_at is not None and sum(len(lines[i]) + 1 for i in failures if i not in repeats) > whole_at:
        rank[:] = [MUST] * n
        return out
    anchors = set(failures)
    banners = index.where(_BANNER, _BANNER_PROBE)
    stops = anchors | set(banners)
    lists: set[tuple[str, ...]] = set()
    rules = set(index.where(RULE, RULE_WORDS)) if failures else set()

    for i in failures:
        rank[i] = LOW if i in repeats else MUST  # a quiet repeat still explains what follows it
        block = failure_block(lines, i, stops)
        out.units[i] = range(max(0, i - 2), block.stop)
        # A database server logs what failed as records of their own after the error (postgres'
        # "STATEMENT:  INSERT …", "DETAIL:  Key (name)=(B03) already exists."): they say what it was.
        for k in range(i + 1, min(n, i + 4)):
            if k in anchors:
                break
            if _ERROR_DETAIL.search(lines[k], 0, 200):
                lift(k, MUST)
        if (case := _case_above(lines, i, anchors, passing)) is not None:
            lift(case, MUST)
        for k in _record_above(lines, i, anchors):
            lift(k, MUST)
        if (reason := _reason_above(lines, i)) is not None:
            lift(reason, MUST)
        for k in _got_above(lines, i, stops):
            lift(k, MUST)
        if _HEADER.match(lines[i]):  # the first line under a failure's header says what failed
            first_line = next((k for k in block if lines[k].strip()), None)
            if first_line is not None:
                lift(first_line, MUST)
        if rank[i] == MUST and lines[i][:1] in " \t" and (parent := parent_line(lines, i)) is not None:
            lift(parent, MUST)
        for k in title_above(lines, i, rules) or ():
            lift(k, MUST)
        if (below := title_below(lines, i, rules)) is not None:
            lift(below, MUST)
        located = placed = ln.has_location(lines[i])
        if not located and (place := header_above(lines, i, sev)) is not None:
            rank[place] = MUST
            located = True
        for k in block:
            lift(k, CONTEXT)
            if not located and ln.has_location(lines[k]):
                rank[k] = MUST
                located = True
        # The place printed just over a failure is its own ("tests/x.py:12: in test_x" over "E  …");
        # over a failure that names its place, it is a finding of its own (a linter's other code).
        for k in (i - 1, i - 2):
            if k >= 0 and k not in anchors and ln.has_location(lines[k]):
                lift(k, MUST if k == i - 1 and not placed else CONTEXT)
        # "failures:" and kin: the list that follows names the failing tests. The same list under
        # another failure ("stride: 2 failed. got:" over the dump stride 1 printed) says nothing new.
        if lines[i].rstrip().endswith(":") and ln.TRACEBACK not in lines[i]:
            indent = len(lines[i]) - len(lines[i].lstrip())

            def under(k: int) -> bool:
                return len(lines[k]) - len(lines[k].lstrip()) > indent

            k = i + 1
            # A label over more of it goes on (Catch2's "with expansion:" over the values compared).
            while k < n and k - i <= MUST_AT_MOST and lines[k].strip() and (
                under(k) or (k > i + 1 and lines[k].endswith(":") and k + 1 < n and lines[k + 1].strip() and under(k + 1))
            ):
                k += 1
            if k == i + 1:  # or at the margin, one command a line, maybe past a blank (rspec's "Failed examples:")
                start = k + 1 if k < n and not lines[k].strip() else k
                if (end := _same_lead_run(lines, start)) > start:
                    k = end
            listed = tuple(lines[i + 1 : k])
            if listed not in lists:
                lists.add(listed)
                rank[i + 1 : k] = [MUST] * len(listed)

    _place_under_headers(lines, [i for i in failures if _HEADER.match(lines[i])], banners, rank)

    # Tracebacks: the frame nearest the failure is its location; the others are context. An
    # exception group's are drawn in a box ("  | Traceback …", "    |   File …"): read behind it.
    for i in index.hits((_STACK_OPENS,), case=True):
        if (opened := _TRACEBACK_OPENS.match(lines[i])) is None:
            continue
        box = opened.group(1) + ("| " if opened.group(2) else "")
        k = i + 1
        frames: list[int] = []
        while k < n and _in_traceback(lines, k, box):
            if _FRAME.match(lines[k], len(box)):
                frames.append(k)
            k += 1
        while frames and k < n - 1 and not lines[k]:
            k += 1
        if frames:
            for j in range(frames[-1], k):
                lift(j, MUST)
            out.units[frames[0]] = range(frames[0], min(frames[0] + 2, k))
            for f in frames[:-1]:
                lift(f, CONTEXT)  # a frame repeated by recursion (LOW) is said once
        if k < n:
            lift(k, MUST)

    # A source excerpt printed under its own place, a caret under the code it points at (numba's
    # `File "x.py", line 8:` over the function's lines, after the message): that place is the
    # failure's, however far below the message. A traceback's frames are ranked above.
    if failures:
        for i in index.where(CARETS, ("^",)):
            for k in range(i - 1, max(-1, i - _EXCERPT_LOOK - 1), -1):
                if not lines[k].strip():
                    break
                if ln.has_location(lines[k]):
                    # The place alone, as a header ("…, line 8:"), in the project's code: a finding's
                    # own line is ranked as one, a library's excerpt explains how the library failed.
                    x = lines[k]
                    if (k not in sev and not _FRAME.match(x) and (x.endswith(":") or ln.bare_place(x))
                            and not any(lib in x for lib in owncode.LIBRARY)):
                        lift(k, MUST)
                    break

    # A native frame at a place no frame before it named: a report repeated by a loop says its
    # own path once (the sanitizers' origin stacks differ in one frame), the repeats go.
    places: dict[str, int] = {}
    innermost: list[int] = []  # each stack's "#0 " frame
    for i in sorted(index.hits(("\n    #", "\n  #", "\n#", "frame #"), case=True)):
        if lines[i].lstrip().startswith("#0 "):
            innermost.append(i)
        if _NATIVE_FRAME.match(lines[i]) and (span := ln.location(lines[i])) is not None:
            places.setdefault(lines[i][span[0] : span[1]], i)
    # So is a JavaScript frame (node's "    at sealRecord (/srv/app/batch.js:10:41)"): a warning
    # repeated word for word (node's --trace-sync-io, a deprecation) is told apart by where it came from.
    for i in sorted(index.hits(("\n    at ",), case=True)):
        if (m := _JS_FRAME.match(lines[i])) is not None:
            places.setdefault(m.group(1), i)
    if len(places) <= _PLACES_AT_MOST:
        for i in places.values():
            if not any(lib in lines[i] for lib in owncode.LIBRARY):
                lift(i, MUST)
    # A stack's caption says whose stack it is (the sanitizers' "freed by thread T0 here:", "Mutex M3
    # acquired here while holding mutex M2 in thread T3:", "Thread T1 created by main thread at:"):
    # each distinct one stays, where the stacks under them may name the same places.
    captions: set[str] = set()
    for i in innermost:
        above = lines[i - 1] if i else ""
        if " thread" in above and above.endswith(":") and above not in captions and len(captions) < _PLACES_AT_MOST:
            captions.add(above)
            lift(i - 1, MUST)
    # What AddressSanitizer found at the bad address: "0x6040000001a0 is located 16 bytes inside of
    # 40-byte region", "Address … is located in stack of thread T1 at offset 96 in frame", "[48, 88)
    # 'temps' (line 90) <== Memory access at offset 92 overflows this variable": each report's own.
    explained = [i for i in index.hits((" is located ", "<== Memory access at offset "), case=True)
                 if _ASAN_ADDRESS.search(lines[i])] if innermost else []  # a report has stacks
    for i in explained:
        lift(i, MUST if len(explained) <= MUST_AT_MOST else HIGH)
    # A report's own verdict at the margin (the sanitizers' "SUMMARY: LeakSanitizer: 84 byte(s)
    # leaked"), however many reports a loop printed: each says what its report found.
    verdicts_at = index.hits(("\nSUMMARY: ",), case=True)
    for i in verdicts_at:
        lift(i, MUST if len(verdicts_at) <= MUST_AT_MOST else HIGH)

    # A boxed traceback (rich's, typer's by default): each frame's box opens "│ path:line in f", its
    # source and locals under it; the last frame's place is the failure's, however many locals.
    boxes = sorted(index.hits((_BOXED_TRACEBACK,), case=True))
    for i, stop in zip(boxes, [*boxes[1:], n]):  # each line looked at once, however many boxes open
        last = None
        k = i + 1
        while k < stop and not lines[k].startswith("╰"):
            if lines[k].startswith("│ ") and _BOXED_FRAME.match(lines[k]):
                last = k
            k += 1
        if last is not None:
            lift(last, MUST)

    # Banners that open a failure's block carry the failing test's id.
    for i in banners:
        if i not in passing:
            near = any(k in anchors for k in range(i + 1, min(n, i + AFTER + 1)))
            lift(i, MUST if near else HIGH)
            if near and _NUMBERED.match(lines[i]):
                # mocha's "  3) suite" goes on with the test's title, a line per nested describe,
                # up to the blank line over the failure: the title is the failing test's name.
                k = i + 1
                while k < min(n, i + 5) and lines[k].strip() and k not in anchors:
                    lift(k, MUST)
                    k += 1

    verdicts.keep_summary_entries(lines, banners, passing, rank)
    # Warnings: the first of each (code, file) MUST, the others among the first to go.
    warn_lines = sorted(i for i, s in sev.items() if s == ln.WARN)
    if warn_lines:
        out.sections = index.where(_BARE_PATH, ("\n****",), probe=_BARE_PATH_PROBE)
    found: list[tuple[int, int | None, tuple[str, str]]] = []  # (line, its place, its key)
    section, si = "", 0
    for i in warn_lines:
        while si < len(out.sections) and out.sections[si] < i:
            section = lines[out.sections[si]].strip().rstrip(":")
            si += 1
        # "… a previous clause at line 13 always matches" over "  lib/a.ex:14": the file is under it.
        place = None if ln.placed_in_file(lines[i]) else location_near(lines, i, sev)
        key = anomalies.record_key(lines[i]) or ln.finding_key(
            lines[i] if place is None else lines[i] + " " + lines[place].strip(), section)
        if (head := _LEVEL_HEADER.match(lines[i])) is not None and (said := _said_below(lines, i)):
            key = (ln.finding_key(said, "")[0], head.group(1) or head.group(2))
        found.append((i, place, key))
    # A logged record's kind seen once or twice is rare, as a table's value of one or two rows is:
    # both stay (a linter's finding twice in one file is the same finding: one says it).
    twice = {key for key, count in Counter(key for _, _, key in found).items() if count <= RARE}
    seen: set[tuple[str, str]] = set()
    gone: set[int] = set()  # the explanations of repeats, gone with them
    for i, place, key in found:
        if i in gone:
            continue
        block = failure_block(lines, i, stops)
        out.units[i] = range(i + 1, min(block.stop, i + 5))
        if key not in seen or (key in twice and _STAMP.match(lines[i])):
            seen.add(key)
            lift(i, MUST)
            if place is not None:
                lift(place, MUST)
            for k in out.units[i]:
                lift(k, CONTEXT)
        elif rank[i] > MUST:
            # A repeat of a (code, file) already shown: among the first to go, counted in the
            # closing note (kept here and there, they only cut the gaps into more markers).
            rank[i] = LOW
            out.dropped[i] = key[0]
            if place is not None and place < i and rank[place] > MUST:
                rank[place] = LOW  # its own place line over it goes with it (pydocstyle's "x.py:9 in f:")
            for k in ln.explanation(lines, i, sev):
                gone.add(k)
                if rank[k] > MUST:
                    rank[k] = LOW

    _fold_repeated_excerpts(lines, sev, rank)

    # The closing lines hold the verdict (summaries); the opening ones say what ran.
    tail = [i for i in range(n - 1, max(-1, n - _TAIL - 1), -1) if lines[i].strip()]
    for i in tail[3:]:
        if rank[i] > MUST and ln.is_summary(lines[i]) and (i not in passing or _COUNTED.search(lines[i])):
            rank[i] = MUST
    for i in tail[:3]:
        rank[i] = MUST
    # A closing box drawn with rules (borg's and restic's stats) is the output's summary: whole.
    boxed = [i for i in tail if RULE.match(lines[i])]
    if len(boxed) >= 2:
        for i in range(boxed[-1], n):
            if rank[i] > MUST:
                rank[i] = MUST
    # A summary that heads a list ("LEAK SUMMARY:", "Summary:") holds its verdict in the lines under
    # it; a count of failures ("7 failed") the failing tests' names (pytest-sugar's "- x.py:17 test_y").
    for i in tail:
        if rank[i] == MUST and ln.is_summary(lines[i]) and (lines[i].endswith(":") or ln.severity(lines[i]) == ln.FAIL):
            indent = _letter_at(lines[i])
            # Under a log record (a stamp first), the lines that open otherwise are the record's own
            # (scrapy's stats dict under "… INFO: Dumping Scrapy stats:"), however indented.
            stamp = lines[i][:1] if lines[i].endswith(":") and (lines[i][:1].isdigit() or lines[i][:1] == "[") else None
            k = i + 1
            while k < n and k - i <= _TAIL and lines[k].strip() and (
                _letter_at(lines[k]) > indent or (stamp is not None and lines[k][:1] != stamp)
            ):
                rank[k] = MUST
                k += 1
    for i in range(min(3, n)):
        lift(i, HIGH)
    # So does the paragraph they open, when short and mostly facts by name (meson's log: "Project
    # name: …", "Version: …", "Build type: …" before its first rule; not a listing's first rows),
    # under a banner or not.
    start = end = 1 if n and _HEADER.match(lines[0]) else 0
    while end < n and end - start <= _OPENING and lines[end].strip() and not _DRAWN.match(lines[end]):
        end += 1
    if end - start <= _OPENING and 2 * sum(1 for i in range(start, end) if _NAMED_FACT.match(lines[i])) > end - start:
        for i in range(start, end):
            lift(i, HIGH)
    for i in _first_of_each_source(index):
        lift(i, MUST)
    if failures:
        # What did not run because something failed is part of what went wrong (dbt's "SKIP relation
        # main.fct_trips … [SKIP]" under a failed model, 221 of them): past 400, kept next as room allows.
        # A test that reports itself passed and skipped (TAP's "ok 7 - x # SKIP test name does not
        # match pattern") was left out by choice, not by the failure.
        skipped = [i for i in index.hits(("SKIP",), case=True)
                   if _SKIPPED.search(lines[i], 0, 300) and rank[i] > MUST and i not in passing]
        for i in skipped:
            lift(i, MUST if len(skipped) <= MUST_AT_MOST else HIGH)
    return out


def _fold_repeated_excerpts(lines: list[str], sev: dict[int, str], rank: list[int]) -> None:
    """A source excerpt (gcc/clang/rustc's "  11 |     return n;" with its caret lines and rustc's
    "= note:" lines) printed under a finding as under an earlier one, but for its line number, says
    nothing new: it goes first. The finding's own place (" --> src/m.rs:9:9") stays."""
    seen: set[tuple[str, ...]] = set()
    n = len(lines)
    for i in sorted(sev):
        start = i + 1
        if start < n and lines[start].lstrip().startswith("-->"):
            start += 1
        k = start
        # Each form holds its mark ("|" or "│"; "= "): other lines are not tried.
        while k < n and k not in sev and (
            (("|" in (x := lines[k]) or "│" in x) and _EXCERPT.match(x)) or ("= " in x and _EXCERPT_NOTE.match(x))
        ):
            k += 1
        if k == start:
            continue
        block = tuple(_EXCERPT.sub("", x, count=1) for x in lines[start:k])
        if block in seen:
            for j in range(start, k):
                if rank[j] != MUST:
                    rank[j] = LOW
        else:
            seen.add(block)


# A leading "[tag]" naming who printed the line: strace -f's "[pid  9336]", a worker's "[w-3]".
_SOURCE = re.compile(r"\n\[([^\]\n]{1,30})\] ")
_MAX_SOURCES = 20


def _first_of_each_source(index: LineIndex) -> list[int]:
    """Where each of a few sources (processes, workers) first speaks: a process started there.
    Many distinct tags are stamps or ids, not sources: then none."""
    first: dict[str, int] = {}
    count = 0
    for m in _SOURCE.finditer(index.text):
        count += 1
        tag = m.group(1)
        if tag not in first:
            if len(first) == _MAX_SOURCES:
                return []
            first[tag] = index.line_of(m.start() + 1)
    return list(first.values()) if len(first) >= 2 and count >= 3 * len(first) else []


# A record's stamp at the start of a line: a syslog priority, a date and time (also as logfmt's
# first field, `time=2025-11-30T08:00:00Z`), a clock time.
_STAMP = re.compile(
    r"<\d{1,3}>|(?:[a-z_]{1,12}=\"?)?\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d"
)


def stamped(lines: list[str]) -> bool:
    """Lines that open with a stamp are a log's records, whatever their messages read like (a
    syslog priority `<134>` is not markup, a logged sentence is not prose)."""
    sample = [x for x in lines[:200] if x.strip()][:60]
    return len(sample) >= 10 and matches_at_least(_STAMP, sample, 0.8 * len(sample))


def any_stamped(lines: list[str]) -> bool:
    """Whether a few of the lines (3) open with a stamp: a log's records are among them."""
    return matches_at_least(_STAMP, lines, 3)


def _letter_at(line: str) -> int:
    """Where a line's words start: its indent, even behind a prefix such as valgrind's "==12== "."""
    m = _FIRST_LETTER.search(line)
    return m.start() if m else len(line)


def keep_section_headers(lines: list[str], keep: bytearray, sections: list[int]) -> None:
    """A kept finding under a bare file-path header (eslint, tsc --pretty) keeps its header."""
    n = len(lines)
    heads = set(sections)
    for h in sections:
        k = h + 1
        while k < n and lines[k].strip() and k not in heads:
            if keep[k]:
                keep[h] = 1
                break
            k += 1


def left_out_note(ranked: Ranking, keep: bytearray) -> str | None:
    """How many warnings of each kind were left out: the marker line principle 2 asks for."""
    left = Counter(code for i, code in ranked.dropped.items() if not keep[i])
    if not left:
        return None
    parts = ", ".join(f"{c} ×{k}" for c, k in sorted(left.items(), key=lambda kv: (-kv[1], kv[0]))[:12])
    return f"[warnings left out, by kind: {parts}]"
