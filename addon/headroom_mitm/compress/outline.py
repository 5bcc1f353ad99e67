"""The outline of a dump: flush-left lines ending in ":" that open an indented (or blank-led,
or numbered) block, as `objdump -d` heads each section and function, `python -m dis` each code object,
`perl -V` its `Characteristics of this binary:`, or blocks that open with the same word (`ruby
--dump=insns`' "== disasm: …" each). Each names what the block under it is; the blocks are what is
sampled, their titles stay (principle 4: by structure). Many such lines are no outline (every line
a "key:" of a mapping): then none. Likewise a hierarchy drawn by leading marks, one a level (`gcc
-H`'s `. x.h` over `.. y.h`): its top level stays."""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from .documents import CODE_START
from .lineindex import LineIndex
from .lines import GUTTER, looks_passing, severity
from .select import MUST, MUST_AT_MOST

# ":" at a line's end with a blank, indented or numbered line after it (dis numbers a block's first
# row by its source line, flush-left from line 100 on); the literal lead is scanned in C.
_OPENS = re.compile(r":\n(?=[\n \t\d])")
# A title may close on its item's count instead ("django_migrations.app: (2/75)", "[3/12]"): found
# from its slash, a literal scanned in C as the colon is (one pattern of both is tried at every character).
_COUNT_OPENS = re.compile(r"/\d+[)\]]\n(?=[\n \t\d])")
_COUNT_END = re.compile(r"[(\[]\d+/\d+[)\]]$")
# Or a name alone, flush left over an indented block, first or after a blank line or another block:
# systemd-analyze's "@default" over its system calls, turbo's "pkg#build" over the task's fields. One
# word: a sentence or a finding so placed (rustc's "warning: …" over " --> place") is no title.
_NAMED = re.compile(r"\n(\S{1,80}+)(?=\n[ \t]+\S)")  # possessive: a run of 81 is no name, not its first 80
_MAX_SHARE = 8  # at most one line in 8 a title: more is a mapping or a list, not an outline
_MAX_LEN = 200
_MAX = 100
_BRACKETED = re.compile(r"\[[^\]\s][^\]]{0,78}\]")
_MAX_SHARE_BRACKETED = 3  # bracketed sections of a line or two each are a list, not an outline
# A section's title behind a bullet, as a scanner's report heads its sections (sslyze's " * TLS 1.1
# Cipher Suites:" over the suites it tried).
_BULLET_TITLE = re.compile(r" \* \S.*:$")
_SYMBOL_LABEL = re.compile(r"[0-9a-f]{4,16} <[^>\s]{1,160}>:")


def keep_outline_headers(index: LineIndex, rank: list[int]) -> None:
    """Lift the outline's titles to MUST."""
    lines = index.lines
    cap = min(_MAX, len(lines) // _MAX_SHARE)
    found: list[int] = []
    # Its ":\n" looked for first by the automaton (~1 µs per 50 KB): the pattern's scan only where one is.
    colon = index.holds(":\n")
    opens = [index.line_of(m.start()) for m in _OPENS.finditer(index.text, 1)] if colon else []
    counted = [i for i in (index.line_of(m.start()) for m in _COUNT_OPENS.finditer(index.text, 1)) if _COUNT_END.search(lines[i])]
    named = {
        i for i in (index.line_of(m.start(1)) for m in _NAMED.finditer(index.text))
        if i == 0 or lines[i - 1][:1] in ("", " ", "\t")
    }
    for i in dict.fromkeys((*opens, *counted, *sorted(named))):
        line = lines[i]
        bullet = _BULLET_TITLE.match(line) is not None
        if (line[:1] in (" ", "\t", "") and not bullet) or len(line) > _MAX_LEN or GUTTER.match(line):
            continue
        if i not in named and not bullet and CODE_START.match(line):
            continue  # a block of code (`def f(x):`) is no title; a word alone ("@default") opens none
        found.append(i)
    if len(found) > cap:
        # Too many for an outline, but for sections named in brackets ("[share]" over its
        # settings, as testparm and INI dumps print them) or a disassembly's functions by their
        # address ("00000058 <fn_spi_3>:", objdump -d of any target): that syntax says what they are.
        found = [i for i in found if _BRACKETED.fullmatch(lines[i]) or _SYMBOL_LABEL.fullmatch(lines[i])]
        if not 2 <= len(found) <= min(MUST_AT_MOST, len(lines) // _MAX_SHARE_BRACKETED):
            return
    if len(found) < 2:
        found = _dump_titles(index, cap)
    for i in found:
        rank[i] = MUST


_TITLE = re.compile(r"\n([^\s].{0,199})(?=\n[ \t]+\S)")
_PADDED = re.compile(r"\d+\s+\d")  # two numbers first: a row (find -ls: inode, blocks), not "1 param, 9 slots"
_TITLE_RUN = 5  # flush-left lines over a block that title it, at most
_INDENTED_SHARE = 0.7  # of a dump's lines, at least, indented under its titles
_FIRST_CHARACTER = itemgetter(slice(0, 1))


def _dump_titles(index: LineIndex, cap: int) -> list[int]:
    """A dump drawn as a hierarchy by indentation alone (tshark -V: "Frame 144: 94 bytes on wire …"
    over its fields, then "Transmission Control Protocol, Src Port: …"): its flush-left lines over
    indented blocks are its titles, whatever their words. A title the dump repeats word for word
    ("Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1" in every frame) says nothing new."""
    lines = index.lines
    # Each line follows a newline in index.text: its first characters, counted in C, are what
    # str.count("\n ") and ("\n\t") counted (each a pass over the text: ~40 µs per 50 KB). An
    # empty line before the last is each "\n\n": their count bounds str.count's (non-overlapping),
    # counted only where the bound leaves the share undecided.
    firsts = Counter(map(_FIRST_CHARACTER, lines))
    indented = firsts[" "] + firsts["\t"]
    if indented < _INDENTED_SHARE * (len(lines) - firsts[""] + (lines[-1] == "")):
        return []  # short of the share even of the most nonblank lines "\n\n" may leave
    nonblank = len(lines) - index.text.count("\n\n")
    if indented < _INDENTED_SHARE * nonblank:
        return []
    seen: set[str] = set()
    found: list[int] = []
    blocks = 0
    for m in _TITLE.finditer(index.text):
        last = index.line_of(m.start(1))
        if GUTTER.match(m.group(1)) or (_PADDED.match(m.group(1)) and _PADDED.match(lines[last + 1].lstrip())):
            continue  # a source excerpt's line; a row of right-aligned numbers (find -ls's inodes)
        # The flush-left lines right over it title the block too (tshark -V -O tcp: "Frame 1379: …"
        # and the layers shown in one line each, over the one shown in full).
        first = last
        while first > 0 and last - first < _TITLE_RUN and lines[first - 1][:1] not in ("", " ", "\t"):
            first -= 1
        for i in range(first, last + 1):
            if lines[i] in seen or looks_passing(lines[i]):
                continue  # a passed suite's verdict ("PASS src/a.test.js" over its tests) goes first
            seen.add(lines[i])
            found.append(i)
        blocks += 1
        if blocks > cap:  # blocks, not lines: a block titled in two lines (luac -l) is one title
            return []
    return found if len(found) >= 2 else []


# A line led by a run of one mark and a space: its depth is the run's length. Found from its newline
# (the first line apart): one C-level scan.
_DEPTH_MARK = r"([.*+>])\1{0,15} (?=\S)"
_DEPTH_FIRST = re.compile(_DEPTH_MARK)
_DEPTH = re.compile("\n" + _DEPTH_MARK)
_TOPS_MIN = 12  # marked lines, at least, for a drawing
_TOPS_MAX = 60


def keep_depth_tops(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the top level of a hierarchy drawn by leading marks (`gcc -H`: the headers a
    file includes itself, over what they include): the one mark most of these lines use, at two
    depths at least, its shallowest depth at most a fifth of them."""
    found = [(m.group(1), m.end() - m.start() - 2, index.line_of(m.start() + 1)) for m in _DEPTH.finditer(index.text)]
    if (first := _DEPTH_FIRST.match(index.text)) is not None:
        found.insert(0, (first.group(1), first.end() - 1, 0))
    if len(found) < _TOPS_MIN:
        return
    mark = max({f[0] for f in found}, key=lambda c: sum(f[0] == c for f in found))
    depths = [(depth, i) for c, depth, i in found if c == mark]
    top = min(d for d, _ in depths)
    tops = [i for d, i in depths if d == top]
    if len(depths) < _TOPS_MIN or len(tops) == len(depths) or len(tops) > min(_TOPS_MAX, len(depths) // 5):
        return
    for i in tops:
        rank[i] = MUST


# A tree drawing's first branch at the left margin (`cargo tree -d` draws one tree per duplicated
# crate, `npm ls` one per workspace): the line above it is a root. Found in one C-level scan.
_FIRST_BRANCH = re.compile(r"\n(?:[├└]─[─┬]|[|`]--) ")
_DRAWN = ("", " ", "\t", "│", "├", "└", "|", "`")  # a line that starts so is no root


def keep_tree_roots(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the roots of the trees an output draws: what each tree is about."""
    lines = index.lines
    # An ASCII text's branches are "|-- " or "`-- ": not scanned for (each newline tried, ~25 µs
    # per 50 KB) where the automaton finds no "-- ".
    drawn = not index.text.isascii() or index.holds("-- ")
    below = (index.line_of(m.start() + 1) for m in _FIRST_BRANCH.finditer(index.text)) if drawn else ()
    roots = [i - 1 for i in below if lines[i - 1][:1] not in _DRAWN]
    if len(roots) <= MUST_AT_MOST:
        for i in roots:
            rank[i] = MUST


# A section's title after a blank line: two to four words, then what it names (a path, a number:
# isoinfo's "Directory listing of /2017/02/", mdir's "Directory for ::/2017/10"). Its lead is the
# words (one word is a message's, LaTeX's "Overfull \hbox …", shellcheck's "In x.sh line 3:"; more
# a sentence's, hypothesis's "You can reproduce this test case by …").
_SECTION = re.compile(r"\n\n([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){1,3}?) (?=[^\s]*[\d/\\:])[^\n]{1,100}\n\n?(?=\S)")
# Or the header a shell loop echoes over each file's output (`echo "== $f"`, exiftool's "======== x.jpg",
# head's "==> f <=="): what the lines under it are about.
_LOOP_HEAD = re.compile(r"(?:={2,}+>?|>{2,}+) \S++(?: <==| ={2,}+)?[ \t]*+$")
# Or a comment's mark after a blank line, over a block (sqlglot's "-- q05 (teradata -> presto)" over
# each statement it wrote, nbdiff's "## deleted /cells/4/outputs/0:"): the mark is the lead.
_MARKED_TITLE = re.compile(r"\n\n(--|#{1,4}|//) (?=\S)[^\n]{1,100}\n(?=\S)")
_MIN_SECTIONS = 3
_SECTION_SHARE = 4  # at most one line in 4 a title: more is a list of records, sampled as rows


def keep_section_titles(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the titles of a listing's sections: lines after a blank line, over a block (a
    blank line between or not), that open with the same words and name different things (a
    directory each); and the headers a loop echoed, each naming its file."""
    leads = {"": index.where(_LOOP_HEAD, ("== ", "=> ", ">> "))}  # no title's lead is empty
    for m in _SECTION.finditer(index.text):
        leads.setdefault(m.group(1), []).append(index.line_of(m.start(1)))
    for m in _MARKED_TITLE.finditer(index.text):
        leads.setdefault(m.group(1), []).append(index.line_of(m.start(1)))
    cap = min(MUST_AT_MOST, len(index.lines) // _SECTION_SHARE)
    for found in leads.values():
        if len(found) <= cap and len({index.lines[i] for i in found}) >= _MIN_SECTIONS:
            for i in found:
                rank[i] = MUST


# A document's numbered heading alone between blank lines ("   2. How to use bzip2", "  1.3 Redirecting
# Output", "3.1.2. High-level summary"), as a text-mode browser or a man page renders one: the
# outline of a page cut as lines, which says what its sections are.
_NUMBERED_HEADING = re.compile(r"\n\n([ \t]*+(\d{1,2}(?:\.\d{1,2})*+)\.?+ [A-Z][^\n]{0,80}+)(?=\n\n)")
_MIN_HEADINGS = 3


def keep_numbered_headings(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST a document's numbered headings: three or more with distinct numbers, one of
    them below the top level (2.1: a numbered list's items are not an outline), at most one line
    in 4."""
    found = [(m.group(2), index.line_of(m.start(1))) for m in _NUMBERED_HEADING.finditer(index.text)]
    numbers = {n for n, _ in found}
    if len(numbers) < _MIN_HEADINGS or not any("." in n for n in numbers):
        return
    if len(found) > min(MUST_AT_MOST, len(index.lines) // _SECTION_SHARE):
        return
    for _, i in found:
        rank[i] = MUST


# A block labelled by what it holds, not by name (javap's "    Code:" under each method): the line
# above it, less indented, names it.
_CODE_LABEL = re.compile(r"\n([ \t]++)Code:\n")
_MIN_MEMBERS = 3


def keep_member_headers(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the member a disassembly's code block belongs to (`javap -c`'s
    "public double footfall(double[]);" over "Code:"): which method the instructions are."""
    if "Code:\n" not in index.text:
        return
    lines = index.lines
    found: list[int] = []
    for m in _CODE_LABEL.finditer(index.text):
        i = index.line_of(m.start() + 1) - 1
        above = lines[i]
        if above.strip() and len(above) - len(above.lstrip()) < len(m.group(1)) and not above.rstrip().endswith(":"):
            found.append(i)
    if _MIN_MEMBERS <= len(found) <= MUST_AT_MOST:
        for i in found:
            rank[i] = MUST


# A line that opens a block, flush left after a blank line over two more lines (ruby --dump=insns'
# "== disasm: #<ISeq:f@x.rb:3 …>" over its instructions; an alignment's indented rows after blank
# lines are its chunks, no titles), or over two lines indented deeper (gfortran's "  procedure
# name = f" over its symbols, R str()'s " $ shift_3:'data.frame': …" over its columns); its first word.
_AFTER_BLANK = re.compile(r"\n\n()(\S++)[^\n]{0,200}+(?=\n[ \t]*+\S[^\n]*+\n[ \t]*+\S)")
_OVER_DEEPER = re.compile(r"\n([ \t]{0,8}+)(\S++)[^\n]{0,200}+(?=\n\1[ \t]++\S[^\n]*+\n\1[ \t]++\S)")
_DIGIT = re.compile(r"\d")
_LINE_PLACE = re.compile(r"\bline \d")  # a traceback's frame, shellcheck's "In x.sh line 4:": places


def keep_block_titles(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the opening lines of blocks that open with the same word at the same depth, three
    or more naming different things, at most one line in 8: what the blocks of a dump are, the rest
    of each block sampled. A first word with a digit is a record's (a time, a count); diagnostics,
    passing lines, places and code are ranked by what they are, not as titles."""
    groups: dict[tuple[str, str], set[int]] = {}
    for pattern in (_AFTER_BLANK, _OVER_DEEPER):
        for m in pattern.finditer(index.text):
            if _DIGIT.search(m.group(2)) is None:
                groups.setdefault(m.group(1, 2), set()).add(index.line_of(m.start(2)))
    lines = index.lines
    cap = min(_MAX, len(lines) // _MAX_SHARE)
    for found in groups.values():
        titles = [lines[i] for i in found]
        if not _MIN_SECTIONS <= len(found) <= cap or len(set(titles)) < _MIN_SECTIONS:
            continue
        if any(severity(x) or looks_passing(x) or _LINE_PLACE.search(x) or CODE_START.match(x) for x in titles):
            continue
        for i in found:
            rank[i] = MUST
