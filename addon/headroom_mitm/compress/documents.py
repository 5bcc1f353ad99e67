"""Is a text what the model asked to read — source code, configuration, markdown, markup or prose —
rather than a program's report? Those are never cut (principle 4 of docs/compression.md); only
reports go on to the log, table and structured rankings."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, islice

from . import lines as ln

_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LETTER_BYTES = _ASCII_LETTERS.encode("ascii")
# Possessive (*+, ++) where what follows a run never starts with its characters: giving them back
# one by one (deep indentation) only fails again, alternative after alternative.
CODE_START = re.compile(
    r"\s*+(?:def |class |import (?![\w.]++:)|from \S+ import |function\b|const |let |var |return\b|if \(|for \(|while\b"
    r"|#include|#define|pub |fn |impl\b|struct |enum |package |func |public |private |protected |static "
    r"|@\w+|export |module\.exports|try:|except\b|else\b|elif |switch|interface |type \w+ ="
    r"|//|/\*|\* |# |--(?!-)|;|\"\"\"|<!--|>>> "
    # SQL: a statement's keyword in capitals, or a clause's leading comma (`  , name text NOT NULL`).
    r"|(?:CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|SELECT|WITH|GRANT|REVOKE|COMMENT ON) |, "
    # A gettext catalog's entries (`msgcat`, `msgunfmt`, a PO file read): each message is the file's.
    r"|msg(?:id|str|ctxt|id_plural)(?:\[\d+\])? \""
    # A disassembly's instruction (machine code is code): an address, objdump's `  1944:\t` or gdb's
    # `   0x…1149 <+0>:\t`, the raw bytes if shown, then a mnemonic and a column's padding or nothing.
    r"|(?:=> )?(?:0x)?[0-9a-f]{3,16}(?: <\+\d+>)?:\t(?:[0-9a-f]{2} )*+\s*+[a-z][a-z0-9.]{1,11}(?: {2}|\t|$))"
)
_CODE_ENDS = ("{", "}", ";", "(", "[", ",", "):", "*/")
_HEADING = re.compile(r"#{1,6} \S")
# Configuration the model asked to see: YAML, KEY=value (env, ini, properties), [sections].
# Also a lockfile's entries (yarn.lock: `"@babel/core@^7.0.0", lodash@^4.17.21:` over indented
# `version "4.17.21"` lines), TOML's `[[arrays.of.tables]]` and a multi-line array's items.
# Fields of a record, two or more on a line, "=" with no space around it (a training log's
# "step=40 loss=nan", logfmt without its time): a log's, not a configuration's one "key = value".
_FIELDS = re.compile(r"\s*+[A-Za-z_][\w.\-]*+=[^\s=]++\s++[A-Za-z_][\w.\-]*+=")
_CONFIG = re.compile(
    r"\s*+(?:- )?(?=[\w.\-/\"']*?[A-Za-z_])[\w.\-/\"']++:(?: |$)|\s*+- \S|[A-Za-z_][\w.\-]*+\s*+=|\[\[?+[\w.\- \"]++\]\]?+$|---$"
    r"|(?:\"[^\"\n]++\"|[^\s\"]++)(?:, (?:\"[^\"\n]++\"|[^\s\"]++))*+:$|\s++[\w-]++ \"[^\"\n]*+\"$"
    r"|\s++\"[^\"\n]*+\",?+(?:\s++#.*+)?+$"  # an item of a multi-line array (TOML, Python lists)
)
REPORT_BANNER = re.compile(r"(={6,}|_{6,}) \S.* (={6,}|_{6,})$")  # wider than a wiki heading
_TAP = re.compile(r"\s*+(?:not )?ok \d+")
# A test's verdict mark before its name (vitest's, jest's and mocha's `✓ name`, `× name`): with a
# failing one among them the text is a run, whatever the dumps of its failures read like (a URL
# object's `  host: 'x',` lines are no configuration). A README's list of ✓ features fails nothing.
_VERDICT = re.compile(r"[ \t]*+(?:([✓✔√])|[×✗✘]) \S")
_BAR, _BOX_BAR = ln.GUTTER_PROBE
# A diagnostic's gutter without a number: the bar alone or over its carets (rustc's, ruff's
# `   |     ^^^^`); a code line does not hold a bar and nothing else.
_MARK_BAR = re.compile(r"[ \t]*[|│](?:[ \t]*[\^~-]+[ \t]*(?:[^\s|│].*)?)?$").match


def looks_like_code_or_prose(text: str) -> bool:
    """Source code, configuration, markdown, markup or plain prose: what the model asked to read,
    not a log."""
    sample = _without_line_numbers([x for x in text.split("\n", 200)[:200] if x.strip()])
    if any(map(_BORDERED, sample)):
        sample = _outside_bordered_tables(text)
    n = len(sample)
    placed: dict[str, bool] = {}
    if n < 8:
        return False
    if ln.TRACEBACK in text and (
        text.startswith(ln.TRACEBACK) or "\n" + ln.TRACEBACK in text or not (_manual(sample) or _doctest_tracebacks(text))
    ):
        return False  # a crash; only a manual's or a docstring's indented tracebacks are its examples'
    # A report's section banners ("==== FAILURES ====", "____ test_x ____"): a run, whatever its
    # excerpts of code read like.
    if sum(1 for x in sample if x[:3] in ("===", "___") and REPORT_BANNER.match(x)) >= 2:
        return False
    if sum(1 for x in sample if x[:1] in "no \t" and _TAP.match(x)) >= 3:
        return False  # a TAP stream (node --test): its YAML diagnostics are no configuration
    verdicts = [m for x in sample if (m := _VERDICT.match(x))]
    if len(verdicts) >= 3 and any(m.group(1) is None for m in verdicts):
        return False
    code = sum(1 for x in sample if x.endswith(_CODE_ENDS) or CODE_START.match(x))  # the cheaper look first
    reads = (
        code >= 0.3 * n
        # Declarations: a model's, a dataclass's fields (`    id: Mapped[int] = mapped_column(…)`)
        # read as "key:" lines among the code around them.
        or (code >= 0.2 * n and _at_least(
            0.75 * n, (x.endswith(_CODE_ENDS) or CODE_START.match(x) or _CONFIG.match(x) for x in sample), n))
        or _manual(sample)
        or (_at_least(0.6 * n, (_CONFIG.match(x) for x in sample), n) and not any(_TAP.match(x) for x in sample)
            and not _at_least(0.3 * n, map(_FIELDS.match, sample), n))
        # Documents: code with its comments, markdown, markup, prose.
        or _at_least(0.5 * n - code, _document_lines(sample, placed, _log_lead(sample)), n)
    )
    if not reads:
        return False
    # Excerpts of code inside diagnostics are not code (checked last: the costliest look).
    hinted = _hinted(sample)
    return not (
        _at_least(0.15 * n, (_placed(sample[i], placed) for i in hinted), len(hinted))
        # Only lines with a gutter bar are tried (the pattern backtracks over deep indentation).
        or _at_least(0.1 * n, ((_BAR in x or _BOX_BAR in x) and (ln.GUTTER.match(x) or _MARK_BAR(x)) for x in sample), n)
    )


# A page a text-mode browser rendered (lynx's and ELinks' `-dump`): its links marked `[N]` in the
# text and listed under a closing "References" (`   1. http://…`): the page the model fetched.
_REFERENCES = "\nReferences\n"
_REFERENCE = re.compile(r"\s*+(\d++)\. (?:[a-z][a-z0-9+.-]*+:|/)\S")
_LINK_MARK = re.compile(r"\[\d{1,4}\]\S")


def rendered_page(text: str) -> bool:
    """A text-mode browser's dump of a page: a closing "References" list numbered from 1, and link
    marks in the text over it."""
    at = text.rfind(_REFERENCES)
    if at == -1:
        return False
    rows = text[at + len(_REFERENCES) :].split("\n", 400)[:400]
    entries = [int(m.group(1)) for x in rows if (m := _REFERENCE.match(x))]
    return entries[:3] == [1, 2, 3] and sum(1 for _ in islice(_LINK_MARK.finditer(text, 0, at), 3)) == 3


# A bordered table's line (reStructuredText's grid tables, markdown's pipe tables, a MySQL client's
# results): a rule of `+---+` or `|---|`, or a row between bars.
_BORDERED = re.compile(r"\s*+(?:\+(?:[-=]++\+)++|\|.*\|)\s*+$").match


def _outside_bordered_tables(text: str) -> list[str]:
    """The first 200 lines that are neither blank nor a bordered table's: a document's table (a
    README's grid of links) says nothing of whether the rest is prose, and a table alone (a
    MySQL client's result) leaves too few lines to read as a document."""
    kept = [x for x in text.split("\n", 2000)[:2000] if x.strip() and not _BORDERED(x)]
    return _without_line_numbers(kept[:200])


# reStructuredText's and markdown's underlined titles: a title, then one character repeated under
# it about as far (a table's rule runs under columns apart by runs of spaces); a directive (`.. note::`).
_UNDERLINE = frozenset('=-~^"\'`#*+')
# A markdown list item or a line that opens with a link or an image (a README's badges).
_MARKDOWN_ITEM = re.compile(r"\s*+(?:[-*+] \S|\d{1,3}[.)] \S|!?\[[^\]\n]*+\]\()")
_DIRECTIVE = re.compile(r"\.\. [\w-]++(?::[\w-]++)*+::")


_LEAD_SAMPLE = 40  # lines a log's lead is looked for in


def _log_lead(sample: list[str]) -> str | None:
    """The first three words most lines open with, if they are 40% of the lines or more: a log's
    lead ("npm http fetch GET 200 https://… 129ms"), which no document repeats on that many."""
    counts: dict[str, int] = {}
    sample = sample[:_LEAD_SAMPLE]
    for x in sample:
        lead = ln.lead(x)
        counts[lead] = counts.get(lead, 0) + 1
    lead, most = max(counts.items(), key=lambda kv: kv[1], default=("", 0))
    return lead if most >= 0.4 * len(sample) else None


def _document_lines(sample: list[str], placed: dict[str, bool], log_lead: str | None = None) -> Iterable[bool]:
    """Per line: a document's — a markdown heading, markup, prose, a title or its underline, a
    directive (`.. code-block::`, a paragraph ending in `::`) and the block indented under it; in
    markdown (two headings or more), its fenced code, list items and links too. Lines that open
    with a log's lead are no prose."""
    block = fenced = False
    markdown = sum(1 for x in sample if x[:1] == "#" and _HEADING.match(x)) >= 2
    last = len(sample) - 1
    for i, x in enumerate(sample):
        first = x[:1]
        if markdown:
            if x.startswith(("```", "~~~")):
                fenced = not fenced
                yield True
                continue
            if fenced or _MARKDOWN_ITEM.match(x):
                yield True
                continue
        if first in " \t":
            yield block or (len(x) >= 60 and not _opens_with(x.lstrip(), log_lead) and _is_prose(x, placed)) or x.lstrip()[:1] == "<"
            continue
        block = x.endswith("::") or (first == "." and _DIRECTIVE.match(x) is not None)
        prose = len(x) >= 60 and not _opens_with(x, log_lead) and _is_prose(x, placed)
        if block or (first == "#" and _HEADING.match(x)) or first == "<" or prose:
            yield True
            continue
        following = sample[i + 1] if i < last else ""
        yield bool(
            (first in _UNDERLINE and i and _underlines(x, sample[i - 1]))
            or (following[:1] in _UNDERLINE and _underlines(following, x))
        )


def _opens_with(line: str, lead: str | None) -> bool:
    return lead is not None and line.startswith(lead)


def _underlines(rule: str, title: str) -> bool:
    """Whether `rule` underlines `title`: one character repeated about as far."""
    return (
        rule[:1] in _UNDERLINE
        and 0 < len(title) <= len(rule) <= len(title) + 4
        and rule == rule[0] * len(rule)
        and title[:1] not in " \t"
        and "  " not in title
        and title != title[0] * len(title)
    )


# A line's number in a gutter: `cat -n`'s and `nl`'s tab, a highlighter's space or bar.
_LINE_NUMBER = re.compile(r"\s*+(\d++)(?:\t|[ ]?[│|┃:][ ]?| |$)")  # $: a blank line's number


def _without_line_numbers(sample: list[str]) -> list[str]:
    """The lines behind their numbers when nearly every line is numbered one after the other (a
    file shown with its line numbers); a table's counts and ids do not run on by one."""
    if not all(map(_LINE_NUMBER.match, sample[:2])):
        return sample  # decided on the first lines: most texts are not numbered
    found = list(map(_LINE_NUMBER.match, sample))
    numbers = [int(m.group(1)) for m in found if m]
    if len(numbers) < 0.8 * len(sample) or sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1) < 0.8 * (len(numbers) - 1):
        return sample
    return [y for x, m in zip(sample, found) if (y := x[m.end():] if m else x).strip()]


# A manual's section title: a flush-left word or two in capitals ("NAME", "SEE ALSO", "FUNCTIONS").
_MANUAL_TITLE = re.compile(r"[A-Z][A-Z]+(?: [A-Z]+)?$")


def _doctest_tracebacks(text: str) -> bool:
    """Whether each traceback opens right under a doctest's `>>> ` prompt (a docstring's example of
    what a call raises, `    Traceback (most recent call last):` then `      ...`), not a crash."""
    at = text.find(ln.TRACEBACK)
    while at != -1:
        end = text.rfind("\n", 0, at)  # the line above, which a doctest's expected output follows
        if end == -1 or not text[text.rfind("\n", 0, end) + 1 : end].lstrip().startswith((">>> ", "... ")):
            return False
        at = text.find(ln.TRACEBACK, at + 1)
    return True


def _manual(sample: list[str]) -> bool:
    """A manual page (man, pydoc, perldoc): titles in capitals flush left, and nearly every other
    line indented under them."""
    if sum(1 for x in sample if x[:1] == " ") < 0.6 * len(sample):
        return False  # the cheaper look first: titles are a few lines of many
    titles = {x for x in sample if x[:1].isupper() and _MANUAL_TITLE.match(x)}
    if len(titles) < 3:
        return False
    return _at_least(0.8 * len(sample), (x[:1] == " " or x in titles for x in sample), len(sample))


def _at_least(need: float, flags: Iterable[object], n: int) -> bool:
    """Whether `need` or more of the n `flags` are true: read only until that is decided."""
    found = 0
    left = n
    for flag in flags:
        left -= 1
        if flag:
            found += 1
            if found >= need:
                return True
        elif found + left < need:
            return False
    return found >= need


# What every place in a file (lines.location) holds. Each is found by a scan for its first
# character; one pattern of them all would be tried at every position (~10x slower).
_PLACE_HINTS = (re.compile(r":\d"), re.compile(r"\(\d"), re.compile(r"line \d"))


def _hinted(sample: list[str]) -> list[int]:
    """The lines that hold a hint of a place, found in one scan of them all."""
    starts = list(accumulate([len(x) + 1 for x in sample[:-1]], initial=0))
    text = "\n".join(sample)
    return sorted({bisect_right(starts, m.start()) - 1 for p in _PLACE_HINTS for m in p.finditer(text)})


def _placed(line: str, seen: dict[str, bool]) -> bool:
    """lines.has_location, looked at once per line (prose is checked for it before the share of
    placed lines is), and only where ":", "(" or "line " is (every place holds one). A gettext
    catalog's "#: src/a.py:12" says where a message comes from: the catalog's, no diagnostic's."""
    found = seen.get(line)
    if found is None:
        found = seen[line] = (":" in line or "(" in line or "line " in line) and not line.startswith("#: ") and ln.has_location(line)
    return found


_LEVEL_LEAD = re.compile(r"(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL)\b(?!-)")


def _is_prose(line: str, placed: dict[str, bool]) -> bool:
    """A sentence of words rather than fields: letters dominate, words apart by one space (two
    after a sentence's end or where text is justified), 40 characters or more past its indent."""
    s = line.strip()
    if len(s) < 40 or "\t" in s or "   " in s or s[:1].isdigit():  # "12:5  D103 …" is a finding
        return False
    if s[:1].isupper() and _LEVEL_LEAD.match(s):  # "INFO api::server: request handled …" is a record
        return False
    spaces = s.count(" ")
    # Justified text (a man page) widens a gap here and there; a table's cells sit apart in runs.
    if spaces < 6 or s.count("  ") > len(s) // 40:
        return False
    # ASCII letters counted by deleting them from the UTF-8 bytes (no other character's bytes are
    # letters): bytes.translate does it ~3x faster than str's on ASCII, ~30x on other text.
    raw = s.encode("utf-8", "surrogatepass")
    letters = len(raw) - len(raw.translate(None, _LETTER_BYTES))
    return letters >= 0.75 * (len(s) - spaces) and not _placed(s, placed)  # the costliest look last
