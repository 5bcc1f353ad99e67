"""Which lines of a line-oriented output report something, and how badly: a failure (FAIL) or a
warning or finding (WARN), and which lines pass. Read from level words (lines.severity) and from
the shapes checkers print without one: a code behind a place ("x.py:3:1: D100 …"), a code with
its level in parentheses (shellcheck), a finding's code in a table column, "--> place" under a
code (rustc, ruff). logs.rank_lines ranks the lines by what this finds.
"""

from __future__ import annotations

import re
from collections import Counter

from . import lines as ln
from .around import AFTER
from .lineindex import LineIndex

# The dot of a file's extension, then :line (a notebook's cell first): a cheap probe for a place.
_PLACE = re.compile(ln.EXT + r"(?::cell_\d+)?[:(]\d")
# Behind TAP's "# " too, or a tree's branch (j2lint lists each file's findings as "├── x.j2:3 …").
_PLACE_FIRST = r"[ \t]*(?:# |(?:│[ \t]+)*[├└]─+ )?" + ln.PATH_HEAD + ln.PLACE_TAIL + ":?"
# A line that opens with its place (also behind TAP's "# ": rubocop's and prove's diagnostics), or
# GNU's "program:file:line: message" (m4, gawk, bison, as),
# also where stderr cut into a line of stdout ("gauge 2 at level m4:station.m4:5: divide by zero"),
# or a place to the column behind a logger's stamp and tag, then the message (vite-plugin-svelte's
# "2:42:08 PM [vite-plugin-svelte] src/A.svelte:10:7 Avoid using autofocus"): one scan of the line
# for both mid-line forms.
_LOCATED = re.compile(
    _PLACE_FIRST + r"|(?:.*?\s)?(?:[a-z][\w+-]{0,15}:[\w./~-]*\w" + ln.EXT + r":\d+(?::\d+)?: \S"
    r"|" + ln.PATH + r":\d+:\d+ (?=[A-Za-z`'\"<]))"
)
# Or a quoted file's name and its line in words, then the message (gnuplot's and the Sun, TI and
# HP compilers' `"main.c", line 12: error: …`); not Python's `  File "x.py", line 3, in f`.
_QUOTED_PLACE = re.compile(r'[ \t]*"[^"\n]*\w' + ln.EXT + r'",? line \d+:? \S')
_QUOTED_PLACE_PROBE = re.compile(ln.EXT + r'",? line \d')
_LINT = re.compile(_PLACE_FIRST + r"[: \t]*(?:\[?[A-Z]{1,4}\d{2,5}|[a-z]+-[a-z-]+)\b")
# A code in the level's place whose class is an error's: pylint's E error and F fatal (C/R/W
# below; its parseable format brackets it with the symbol: "[E0602(undefined-variable), f]"),
# pyflakes' F (undefined names, F821; but its unused imports and variables and redefinitions,
# F401-F405, F811, F841, warn) and pycodestyle's E9 (syntax and I/O errors) as flake8 and ruff
# print them. pycodestyle's other E codes (E501 line too long, E302 blank lines) are style: they warn.
_ERROR_CLASS = r"F(?!40[1-5]|841|811)\d{3}|E9\d\d|[EF]\d{4}"
_ERROR_CODE = re.compile(_ERROR_CLASS)
_LEVEL_CODE = re.compile(_PLACE_FIRST + r"[ \t]*(?:(?:" + _ERROR_CLASS + r")(?::[ \t]| )|\[[EF]\d{4}\()")
# A code with its level in parentheses: shellcheck's "^-- SC2086 (info): …".
_LEVELS = ("(info)", "(style)", "(note)", "(warning)", "(error)")
_CODE_LEVEL = re.compile(r".*\b[A-Z]{1,4}\d{3,5} \((?:info|style|note|warning|error)\)")
_ARROW = re.compile(r"[ \t]*(?:-->|┌─)[ \t]*\S+:\d+")  # rustc's place, codespan's (ast-grep)
# A finding under its file's header, placed by line and column alone: ruff's grouped "  2:13 E711 …".
# pydoclint's "    16: DOC109: …" is placed by its line alone (a count before a code, ruff's
# `--statistics` "  12\tF401", is no place); staticcheck's stylish "  (36, 3)   SA9003  empty branch".
_PLACED_CODE = re.compile(r"[ \t]+(?:\d+:(?:\d+)?|\(\d+, \d+\))[ \t]+\[?[A-Z]{1,4}\d{2,5}\b")
_PLACED_CODE_PROBE = re.compile(r"\n[ \t]+(?:\d+:(?:\d+)?|\(\d+, \d+\))[ \t]+\[?[A-Z]")
# A finding row of a "|"-separated table whose code sits in a column of its own: "L: 4 | P: 20 | CP01 | …".
_CODE_COLUMN = re.compile(r"(?:[^|\n]*\|){1,4}[ \t]*[A-Z]{1,4}\d{2,5}[ \t]*\|")
# rustc's and annotate-snippets' reporters (zizmor, ruff) name the rule in brackets, at any level:
# "info[anonymous-definition]: …", "help[concurrency-limits]: …".
_CODE_FIRST = re.compile(
    r"(?:error|warning)?\[?[A-Z]{1,4}\d{2,5}\]?\b|(?:error|warning)(?:\[[\w-]+\])?: |(?:info|help|note)\[[\w-]+\]: "
)
# Or named by its kind in a word right over the arrow: ruff format --check's "unformatted: File would
# be reformatted" over "  --> x.py:1:1".
_KIND_FIRST = re.compile(r"[a-z][\w-]{1,30}(?:\[[\w/.-]+\])?: \S")
# A finding whose code is its first word, behind its place if any: "x.py:3:1: D100 Missing
# docstring", ruff's grouped "  6:5  ANN201 Missing …", pylint's "x.py:1:0: C0114: …".
# Without a place, only "CODE: message" counts (a bare "AB12 x" may be a table's id column).
_CODED = re.compile(
    r"[ \t]*(?:(?:" + ln.PATH + r"(?::\d+(?::\d+)?:?|\(\d+\):)[ \t]*|\d+:\d+[ \t]+)"
    r"(?:([A-Z]{1,4}\d{2,5})(?: |:(?: |$)| \[\*\] )|\[([A-Z]\d{4})\()"  # pylint's parseable "[C0116(symbol), f]"
    r"|([A-Z]{1,4}\d{2,5}): )"
)
# A finding placed by its line alone, its code one or two capitals and a digit or more (gitlint's
# "1: T8 Title is too short (4<5): …" under each "Commit <sha>:"): found from its line's start.
_LINE_CODE = re.compile(r"\d{1,5}: [A-Z]{1,2}\d{1,4} \S")
_LINE_CODE_PROBE = re.compile(r"\n\d{1,5}: [A-Z]{1,2}\d")
# A finding that ends on its place in words, under its file's header (write-good's `"very" is a
# weasel word … on line 9 at column 6`, `… (line 9, column 6)`), found from its column at a line's end.
_WORDED_PLACE = re.compile(r".+?(?:\b(?:on|at) line \d+,? (?:at )?|\(line \d+, )col(?:umn)? \d+\)?$")
_WORDED_PLACE_PROBE = re.compile(r"col(?:umn)? \d+\)?(?=\n|\Z)")
# Or placed in words mid-line: checkbashisms' "possible bashism in bin/x.sh line 11 (… is not POSIX):".
_IN_FILE_LINE = re.compile(r".+? in " + ln.PATH + r" line \d+\b")
_IN_FILE_LINE_PROBE = re.compile(ln.EXT + r" line \d")
_POINTER_PROBE = re.compile(ln.EXT + r"(?:#[/ ]|::\$)")  # a JSON pointer's or path's start behind a file's name
_MARKED_RULE = re.compile(r"[ \t]*[!⚠×] [\w@/.-]+\([\w/.-]+\): ")
_CODED_PROBE = re.compile(r"[A-Z]\d{2,5}(?::? | \[\*\] |\()")  # from the code's last letter: 2.5x faster than from \b
LOUD = re.compile(r"\b(?:\w*error|fatal|fail\w*|panic\w*|\w*exception|traceback)\b", re.I)
_LEVEL_WORDS = re.compile(r"\b(?:error|fatal|fail\w*|panic\w*)\b", re.I)
# A test's passing verdict: a check mark or PASS/ok before its name, or PASSED/ok after it.
_PASSED = re.compile(
    r"[ \t]*(?:[✓✔√] |--- PASS: |PASS:? |ok \d+ |\[ +OK \] )|.* PASSED(?: +\[ *\d+%\])?$|.*\.\.\. ok$"
)
# go test -v opens each test with "=== RUN   TestX" (and PAUSE/CONT/NAME when parallel): once
# "--- PASS: TestX" closes it, its opening lines are part of the pass and go with it.
_STARTED = re.compile(r"[ \t]*=== (?:RUN|PAUSE|CONT|NAME) +(\S+)$")
_PASSED_NAME = re.compile(r"[ \t]*--- PASS: (\S+) \(")
_HTTP_FAILED = re.compile(r"HTTP/\d(?:\.\d)? [45]\d\d\b")
_PACKET_MARK = re.compile(r"\[(?:(RST\b|Malformed Packet)|TCP (?:Retransmission|Dup ACK|Out-Of-Order|ZeroWindow)\b)")
_TEX_ERROR = re.compile(r"! \S")
_TEX_LINE = re.compile(r"l\.\d+ ")
CARETS = re.compile(r"[ \t~]*\^[~^ \t]*$")  # a caret line alone, under the code it points at
_FAIL_COUNT = re.compile(r"\b[1-9]\d* (?:failed|failing|failures?|errors?)\b", re.I)
_COUNTED = re.compile(_FAIL_COUNT.pattern + r"(?!\.\w|[/\w-])", re.I)  # a count, not a file's name ("1 errors.py")
_CLOSING = 5  # the last lines, where a run's summary counts its failures
_HAS_DIGIT = re.compile(r"\d")
_CELL_GAP = re.compile(r"\s{2,}")


def severities(lines: list[str], index: LineIndex) -> tuple[dict[int, str], set[int]]:
    """(severity per reporting line, passing lines)."""
    fail_c, warn_c, pass_c = ln.candidates(index)
    gutter = set(index.where(ln.GUTTER, ln.GUTTER_PROBE))  # a source excerpt's words report nothing
    # Nor do they over a caret line alone (lintr, Python's tracebacks: the code, then "   ^~~~").
    gutter.update(i - 1 for i in index.where(CARETS, ("^",)) if i > 0 and not ln.has_location(lines[i - 1]))
    sev: dict[int, str] = {}
    closing = len(lines) - _CLOSING
    for i in (fail_c | warn_c) - gutter:
        s = ln.severity(lines[i])
        if s is None and i in fail_c and i < closing and _COUNTED.search(lines[i]) is not None:
            # A unit's count of failures that is not zero reports them (pa11y-ci's "page.html - 4
            # errors"); the closing count of a run ("found 243 errors.") is its summary.
            s = ln.FAIL
        if s is not None:
            sev[i] = s
    # A passing test's verdict rules its line: the words of its name ("--- PASS: TestReaderClearError",
    # "✓ throws an error on empty input") say what it tests, not how it went.
    for i in pass_c:
        if sev.get(i) == ln.FAIL and _PASSED.match(lines[i]) and _FAIL_COUNT.search(lines[i]) is None:
            del sev[i]
    passing = {i for i in pass_c if sev.get(i) != ln.FAIL and ln.looks_passing(lines[i])}
    passing |= _starts_of_passed(lines, index, passing)
    # Findings that print no level word: "path:line:col: CODE message", "CODE (level): message",
    # "CODE message" over " --> path:line:col" (ruff, rustc), and "path:line: message" (go
    # test, pytest warnings), which report failures when anything failed.
    # A probe that needs a word the text does not hold is not run: the word is looked for by the
    # automaton (~1 µs per 50 KB), where the probe's scan reads every "." (~35 µs).
    worded = index.holds(" line ")
    placed = sorted({*index.where(_LOCATED, probe=_PLACE), *(index.where(_QUOTED_PLACE, probe=_QUOTED_PLACE_PROBE) if worded else ())})
    lint = {i for i in placed if _LINT.match(lines[i])} | set(index.where(_CODE_LEVEL, _LEVELS))
    lint |= {i for i in index.where(_CODE_COLUMN, ("|",)) if i not in gutter}
    lint |= set(index.where(_PLACED_CODE, probe=_PLACED_CODE_PROBE))
    if index.holds("col"):
        lint |= set(index.where(_WORDED_PLACE, probe=_WORDED_PLACE_PROBE))
    if worded:
        lint |= set(index.where(_IN_FILE_LINE, probe=_IN_FILE_LINE_PROBE))
    lint |= set(index.where(ln.POINTER_PLACE, probe=_POINTER_PROBE))
    coded = sorted({*_coded(lines, index), *index.where(_LINE_CODE, probe=_LINE_CODE_PROBE)})
    for i in lint:
        sev.setdefault(i, ln.FAIL if _LEVEL_CODE.match(lines[i]) else ln.WARN)
    for i in coded:
        sev.setdefault(i, ln.WARN)
    _coded_findings_by_class(lines, coded, sev)
    _annotations_by_class(lines, index, sev)
    # A rule's finding marked by its level's sign alone (oxlint, other miette reporters: "! plugin(rule): …"
    # warns, "× plugin(rule): …" fails), its place on the ",-[path:line:col]" line under it.
    for i in index.where(_MARKED_RULE, ("! ", "⚠ ", "× ")):
        sev.setdefault(i, ln.WARN if lines[i].lstrip()[:1] in "!⚠" else ln.FAIL)
    # "x.py:17 in function f:" over "    D400: …" is that finding's place, not a finding of its own.
    owned = {i - 1 for i in coded if i > 0 and not ln.has_location(lines[i]) and ln.has_location(lines[i - 1])}
    # So is the indented place under a finding that names no file ("warning: variable "x" is
    # unused" over "  lib/a.ex:6: A.weigh/2", as elixirc prints them).
    owned |= {i + 1 for i in sev if i + 1 < len(lines) and ln.indented_place(lines[i + 1]) and not ln.placed_in_file(lines[i])}
    _header_rows_to_findings(lines, sev)
    for k in index.where(_ARROW, ("-->", "┌─")):
        for i in (k - 1, k - 2):
            if i >= 0 and i not in sev and (_CODE_FIRST.match(lines[i]) or i == k - 1 and _KIND_FIRST.match(lines[i])):
                sev[i] = ln.WARN
                break
    _warning_explanations(lines, sev)
    # A response whose status says it failed ("HTTP/1.0 422 Unprocessable Entity" as curl -i,
    # wget -S or tshark print it): found from "HTTP/" in C, whatever words follow.
    for m in _HTTP_FAILED.finditer(index.text):
        sev.setdefault(index.line_of(m.start()), ln.FAIL)
    # TeX's errors: "! Missing $ inserted." over the input line it stopped at ("l.349 The ratio …"),
    # a few lines under it: both say what failed and where.
    for i in index.where(_TEX_ERROR, ("\n! ",)):
        for k in range(i + 1, min(len(lines), i + 7)):
            if _TEX_LINE.match(lines[k]):
                sev[i] = sev[k] = ln.FAIL
                break
    # A packet list's own marks (tshark, Wireshark's expert info): a reset or a malformed packet
    # fails, a retransmission or a duplicate ACK warns.
    for m in _PACKET_MARK.finditer(index.text) if index.holds("[") else ():  # none without a "["
        sev.setdefault(index.line_of(m.start()), ln.FAIL if m.group(1) else ln.WARN)
    # Where something failed they are failures; elsewhere they are findings of their own kind
    # (pyflakes: "x.py:19:1: undefined name 'y'").
    level = ln.FAIL if ln.FAIL in sev.values() else ln.WARN
    for i in placed:
        if i not in sev and i not in owned and not ln.bare_place(lines[i]):
            sev[i] = level
    return sev, passing


def _starts_of_passed(lines: list[str], index: LineIndex, passing: set[int]) -> set[int]:
    passed = {m.group(1) for i in passing if (m := _PASSED_NAME.match(lines[i]))}
    if not passed:
        return set()
    return {i for i in index.where(_STARTED, ("=== ",)) if (m := _STARTED.match(lines[i])) and m.group(1) in passed}


def _coded(lines: list[str], index: LineIndex) -> list[int]:
    """index.where(_CODED, probe=_CODED_PROBE), the probe tried only where a capital and two digits
    are (a probe's match holds no newline: its line is the line of any place it matches at)."""
    shape = index.caps_digits
    if shape is None:
        return index.where(_CODED, probe=_CODED_PROBE)
    found: set[int] = set()
    text = index.text
    pos = shape.find(b"A00", 1)
    while pos != -1:
        if _CODED_PROBE.match(text, pos):
            found.add(index.line_of(pos))
        pos = shape.find(b"A00", pos + 1)
    return sorted(i for i in found if _CODED.match(lines[i]))


def _coded_findings_by_class(lines: list[str], coded: list[int], sev: dict[int, str]) -> None:
    """A finding that leads with its code and prints no level has its code's level, not its
    message's: "D100 Missing docstring" or "W0702: No exception type specified" are conventions
    and warnings, one of each (code, file) enough. Codes of the error classes (_ERROR_CODE) and
    lines that name a level or a failure keep what their words say."""
    for i in coded:
        if sev.get(i) != ln.FAIL:
            continue
        m = _CODED.match(lines[i])
        if m is not None and not _ERROR_CODE.fullmatch(next(filter(None, m.groups()))) and _LEVEL_WORDS.search(lines[i]) is None:
            sev[i] = ln.WARN


# A CI annotation of a finding, GitHub's `::error title=ruff (S301),file=…::x.py:16:12: S301 …` or
# Azure's `##vso[task.logissue type=error;…;code=S301;]…`: the reporter gives every finding the
# level "error"; the finding's own code says what it is.
_ANNOTATIONS = ("::error ", "##vso[task.logissue type=error;")
_ANNOTATION_CODE = re.compile(r"(?:::error [^\n]*?::[^\n]*?\b|##vso\[task\.logissue type=error;[^\n]*?code=)([A-Z]{1,4}\d{2,5})\b")


def _annotations_by_class(lines: list[str], index: LineIndex, sev: dict[int, str]) -> None:
    """An annotated finding has its code's level, as a coded finding does: the error classes'
    codes (_ERROR_CODE) fail, the others warn (one of each code and file is then enough)."""
    for i in index.hits(_ANNOTATIONS, case=True):
        m = _ANNOTATION_CODE.match(lines[i])
        if m is not None and sev.get(i) == ln.FAIL and not _ERROR_CODE.fullmatch(m.group(1)):
            sev[i] = ln.WARN


def _warning_explanations(lines: list[str], sev: dict[int, str]) -> None:
    """The indented lines under a warning explain it (javac's "  missing type arguments for
    generic class List<E>"): a word such as "missing" there is not a failure of its own. A line
    that names a place or a level word (error, fatal, failed, panic, exception) still counts."""
    n = len(lines)
    for i in sorted(i for i, s in sev.items() if s == ln.WARN):
        indent = len(lines[i]) - len(lines[i].lstrip())
        for k in range(i + 1, min(n, i + AFTER)):
            x = lines[k]
            if not x.strip() or len(x) - len(x.lstrip()) <= indent or sev.get(k) == ln.WARN:
                break
            if sev.get(k) == ln.FAIL and not LOUD.search(x) and not ln.has_location(x):
                del sev[k]


def _header_rows_to_findings(lines: list[str], sev: dict[int, str]) -> None:
    """A warning-worded line printed verbatim three times or more and shaped like column titles
    (three or more digit-free cells apart by runs of spaces) is a table's header repeated over each
    finding (dockerfilelint's "Issue  Category  Title  Description"): the finding is the row under
    it, not the header."""
    warned = [i for i, s in sev.items() if s == ln.WARN]
    counts = Counter(lines[i] for i in warned)
    headers = {t for t, c in counts.items() if c >= 3 and not _HAS_DIGIT.search(t) and len(_CELL_GAP.split(t.strip())) >= 3}
    n = len(lines)
    for i in warned:
        if lines[i] in headers:
            del sev[i]
            k = i + 1
            while k < n and not lines[k].strip():
                k += 1
            if k >= n:
                continue
            # every row of the table under it (a continuation line is indented further)
            indent = len(lines[k]) - len(lines[k].lstrip())
            while k < n and lines[k].strip() and lines[k] not in headers:
                if len(lines[k]) - len(lines[k].lstrip()) == indent:
                    sev.setdefault(k, ln.WARN)
                k += 1
