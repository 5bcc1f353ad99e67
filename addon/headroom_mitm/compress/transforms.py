"""Named, pure text transforms for tool outputs.

Lossless transforms take and return text. Lossy transforms take the text and the settings and
return a LossyResult (or None when they do not apply): the shortened text plus the exact text its
markers refer to (`original`, stored for retrieval) and that text's content-addressed id.
Nothing here depends on time, randomness, set iteration order or the process.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from .lineindex import LineIndex, zero_digits
from .lines import FAIL, severity
from .select import CONTEXT, HIGH, LOW, MUST, MUST_AT_MOST, NORMAL
from .settings import CompressionSettings

ID_PREFIX = "hr_"


def retrieve_id(original: str) -> str:
    """Content-addressed id: the same original always gets the same id."""
    digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()
    return ID_PREFIX + digest[:16]


@dataclass(frozen=True)
class LossyResult:
    text: str
    original: str
    rid: str


# --------------------------------------------------------------------------- lossy helpers

_OC_TRUNCATED = re.compile(
    r"\A\.\.\.output truncated\.\.\.\r?\n(?:\r?\n)?Full output saved to: [^\n]*\n(?:\r?\n)?"
)


def split_truncation_header(text: str) -> tuple[str, str]:
    """OpenCode's '...output truncated...' + 'Full output saved to:' header, kept verbatim."""
    m = _OC_TRUNCATED.match(text)
    if m is None:
        return "", text
    return text[: m.end()], text[m.end() :]


# How other agents frame a command's output (seen on the wire from the pinned agents, 2026-11):
#   Claude Code: "Exit code N" over a failed command's output;
#   Codex: "Chunk ID: …", "Wall time: …", "Process exited with code N", "Original token count: N",
#     then "Output:" over the output;
#   Gemini CLI: "<untrusted_context>", then "Output: " before the output's first line, and after its
#     last "Error: …", "Exit Code: N", "Signal: …", "Background PIDs: …", "Process Group PGID: N",
#     "</untrusted_context>".
# The frame is kept verbatim; the output inside is recognised and compressed as if it came alone.
_FRAME_HEAD = re.compile(
    r"\A(?:Exit code -?\d+\n"
    r"|(?:[A-Z][A-Za-z ]{1,30}: [^\n]{0,80}\n|Process exited with code -?\d+\n){1,8}Output:\n"
    r"|(?:<untrusted_context>\n)?(?:Command: [^\n]*\n)?(?:Directory: [^\n]*\n)?Output: (?=[^\n]*\n))"
)
_GEMINI_TAIL = re.compile(r"(?:Error|Exit Code|Signal|Background PIDs|Process Group PGID): .*|</untrusted_context>")


def split_agent_frame(text: str) -> tuple[str, str, str]:
    """(frame head, output, frame tail): an agent's frame around a command's output, kept verbatim.
    Gemini CLI's head ends inside a line ("Output: " before the output's first line)."""
    m = _FRAME_HEAD.match(text)
    if m is None:
        return "", text, ""
    head, body = text[: m.end()], text[m.end() :]
    if not head.endswith("Output: "):
        return head, body, ""  # Claude Code's and Codex's frames have no tail
    lines = body.rsplit("\n", 8)  # the tail is a few lines: the rest stays one piece
    k = len(lines)
    while k > max(0, len(lines) - 8) and (not lines[k - 1] or _GEMINI_TAIL.fullmatch(lines[k - 1])):
        k -= 1
    cut = max(0, sum(map(len, lines[:k])) + k - 1)  # where lines[:k], joined again, ends
    return head, body[:cut], body[cut:]


def _lines_marker(first: int, last: int, rid: str, s: CompressionSettings, how: str = "elided", again: bool = False) -> str:
    # Short on purpose: markers were ~8% of what was sent. The range is what start_line/end_line take.
    return f"[… lines {first}–{last} {how}; {_retrieve(rid, s, again)}]"


_AGAIN = ", id as above"


def _retrieve(rid: str, s: CompressionSettings, again: bool = False) -> str:
    """How a marker points at the original: the retrieve tool as the client knows it, and the id.
    A marker below one that gave the id (`again`) names the tool and says the id is above: the id
    was half of a marker's tokens, and an output's first marker comes first in any head of it."""
    if again:
        return f"{s.retrieve_tool}{_AGAIN} …"
    return f"{s.retrieve_tool} id={rid} …"  # a space after the id: a reader splitting on it gets the id alone


def judged_length(text: str, rid: str) -> int:
    """A rendering's length as if each of its markers gave the id: whether a cut saves enough is
    judged so, and shorter markers are no reason to cut an output that would be sent whole."""
    return len(text) + text.count(_AGAIN) * (len(rid) + 4 - len(_AGAIN))  # " id=" and the id


def gap_marker(text: str, rid: str, s: CompressionSettings):
    """The marker for a run of left-out lines of `text`, as select.render wants it (`again`: a
    marker with the id is above it)."""
    return lambda first, last, count, again: _lines_marker(first, last, rid, s, again=again)


# --------------------------------------------------------------------------- dedupe_lines

_ZEROS = re.compile(r"0+")


def dedupe_lines(text: str, s: CompressionSettings) -> LossyResult | None:
    """Runs of identical lines keep one copy plus a count; runs of lines differing only in
    numbers (progress, counters, timestamps) keep the first and last."""
    lines = text.split("\n")
    n = len(lines)
    rid = retrieve_id(text)
    # Digits blanked in one C pass; newlines untouched so lines align.
    shapes = zero_digits(text).split("\n")
    out: list[str] = []
    changed = False
    i = 0
    while i < n:
        line = lines[i]
        j = i + 1
        while j < n and lines[j] == line:
            j += 1
        if j - i >= s.dedupe_min_run and line.strip():
            out.append(line)
            out.append(_lines_marker(i + 2, j, rid, s, "repeat the previous line", changed))
            changed = True
            i = j
            continue
        k = i + 1
        shape = shapes[i]
        key = ""
        bare: str | None = None
        while k < n:
            nxt = shapes[k]
            if nxt != shape:
                # "step 9" / "step 10": same shape once digit runs are collapsed
                if len(nxt) == len(shape):
                    break
                # Shapes equal once collapsed are equal without their zeros: a C replace rules
                # most lines out before the regex (costly on a long minified line).
                if bare is None:
                    bare = shape.replace("0", "")
                if nxt.replace("0", "") != bare:
                    break
                key = key or _ZEROS.sub("0", shape)
                if _ZEROS.sub("0", nxt) != key:
                    break
                shape = nxt
            k += 1
        shape = shapes[i]
        # Errors that differ only in numbers (codes, line numbers) are each worth seeing.
        if k - i >= s.similar_min_run and shape != line and line.strip() and severity(line) != FAIL:
            out.append(line)
            out.append(_lines_marker(i + 2, k - 1, rid, s, "elided (similar)", changed))
            out.append(lines[k - 1])
            changed = True
            i = k
            continue
        out.append(line)
        i += 1
    if not changed:
        return None
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- repeated_blocks

# A block is worth a reference when it is longer than the marker that replaces it (~100 characters
# with the id) by a margin: a few lines of a paragraph, not a closing brace and a blank.
REPEAT_MIN_LINES = 4
REPEAT_MIN_CHARS = 240
_QUOTED = 60  # characters of a repeated block's first line its marker quotes
_BLOCK = b"\1" * REPEAT_MIN_LINES  # in a line's flags (seen twice or more): w such lines in a row
_RUNS_OF_TWICE = re.compile(rb"\x01{%d,}" % REPEAT_MIN_LINES)


def refer_repeated_blocks(text: str, s: CompressionSettings, lines: list[str] | None = None) -> LossyResult | None:
    """Each later copy of a block of lines sent whole above (a linter's explanation printed under
    every finding, a signature block under every commit) becomes one marker naming the lines it
    repeats. Nothing is lost: the lines a marker names are all sent. `lines`: the text's, if split."""
    lines = text.split("\n") if lines is None else lines
    n = len(lines)
    w = REPEAT_MIN_LINES
    counts = Counter(lines)
    if n - len(counts) < w:
        return None
    # Only lines seen twice or more can be in a copy: a block is a run of w of them or more (found
    # by bytes.find, so that an output with no such run costs three C passes).
    twice = bytes(map((1).__lt__, map(counts.__getitem__, lines)))
    # What the copies could save at most: a rendering saving less than the engine asks is no
    # candidate (the runs' lines hold every first copy too).
    at_most = sum(sum(map(len, lines[m.start() : m.end()])) for m in _RUNS_OF_TWICE.finditer(twice))
    if at_most < s.min_saving_ratio * len(text):
        return None
    sent = bytearray(n)
    first: dict[tuple[str, ...], int] = {}  # where a window of w lines, all sent, first stood
    rid = retrieve_id(text)
    out: list[str] = []
    changed = False
    run = i = 0  # run: where the lines sent without a break up to i start

    def send(a: int, b: int) -> None:
        """Lines a to b sent as they are. Only the windows that end in their first w - 1 lines can
        be new: any further one holds a line seen once (past the run of twice-seen lines found) or
        is a window of the copy that fell short (the same as one sent above)."""
        out.extend(lines[a:b])
        sent[a:b] = b"\1" * (b - a)
        for p in range(max(a, run + w - 1), min(b, a + w - 1)):
            first.setdefault(tuple(lines[p - w + 1 : p + 1]), p - w + 1)

    while i < n:
        at = twice.find(_BLOCK, i)
        if at != i:  # no window from i to at is a copy
            at = n if at == -1 else at
            send(i, at)
            i = at
            continue
        j = first.get(tuple(lines[i : i + w])) if lines[i].strip() else None
        if j is None:
            send(i, i + 1)
            i += 1
            continue
        k = w
        while i + k < n and sent[j + k] and lines[j + k] == lines[i + k]:
            k += 1
        if sum(map(len, lines[i : i + k])) + k < REPEAT_MIN_CHARS:
            send(i, i + k)  # too short to name; its windows stand above, and it is not searched again
            i += k
            continue
        # The block's first line, quoted: a model reads no line numbers, it finds the words.
        head = lines[j].strip()
        head = head if len(head) <= _QUOTED else head[: _QUOTED - 1] + "…"
        out.append(_lines_marker(i + 1, i + k, rid, s, f'repeat lines {j + 1}–{j + k} ("{head}" …)', changed))
        changed = True
        run = i = i + k
    if not changed:
        return None
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- search_results

# Matched against a bounded prefix of each line (a minified match line can be megabytes):
# the text after the match is the rest of the line.
_PREFIX = 1024
# `git grep` over revisions (git-secrets' --scan-history) puts the commit before the path: a file
# is named by its path whatever revision it was found in.
_REVISION = r"(?:[0-9a-f]{7,40}:)?"
_GREP_MATCH = re.compile(_REVISION + r"([^\s:][^\s:]*?):(\d+):")
_GREP_CONTEXT = re.compile(_REVISION + r"([^\s:][^\s:]*?)-(\d+)-")
_CUT_ENTRY = re.compile(r"\d+([:-])")  # grep -n's "12:" match or "13-" context line of one file
_HEADING_PATH = re.compile(r"([^\s:][^\s]*?):?")
_HEADING_ENTRY = re.compile(r"(?:\s+Line (\d+): |(\d+)([:-]))")
# `rg --json`: a record a line, each naming its file; "begin" heads a file's records, "end" closes
# them with statistics.
_RG_JSON = re.compile(r'\{"type":"(begin|match|context|end)","data":\{"path":\{"text":"((?:[^"\\]|\\.)*)"\}')


@dataclass
class _FileHits:
    matches: int = 0
    heading: int | None = None  # the line naming the file above its entries (OpenCode, rg --heading)
    entries: list[tuple[int, bool]] = field(default_factory=list)  # (line index, is a match)


def _pathish(p: str) -> bool:
    return "/" in p or "." in p


def _parse_search(lines: list[str], need: float = 0) -> tuple[dict[str, _FileHits], int] | None:
    """(hits by file in first-seen order, parsed line count); None as soon as fewer than `need`
    lines can be parsed (each line counts once at most, a heading once an entry follows it)."""
    files: dict[str, _FileHits] = {}
    parsed = 0
    # Entries before the first heading belong to a file named above where the output was cut
    # (`rg --heading … | tail`): counted only if headings follow (a log's "9497:M …" is no entry).
    current: str | None = ""
    pending: int | None = None  # a path-looking line: a heading only if entries follow it

    def add(path: str, at: int, is_match: bool) -> None:
        fh = files.setdefault(path, _FileHits())
        fh.entries.append((at, is_match))
        fh.matches += is_match

    def leads_context(path: str, at: int) -> bool:
        """grep -C: context lines can come before a file's first match."""
        for nxt in lines[at + 1 : at + 12]:
            m2 = _GREP_MATCH.match(nxt, 0, _PREFIX)
            if m2:
                return m2.group(1) == path
            m2 = _GREP_CONTEXT.match(nxt, 0, _PREFIX)
            if not m2 or m2.group(1) != path:
                return False
        return False

    last = len(lines) - 1
    for at, line in enumerate(lines):
        if parsed + (pending is not None) + last - at + 1 < need:
            return None
        if not line.strip():
            continue
        m = _GREP_MATCH.match(line, 0, _PREFIX)
        if m and _pathish(m.group(1)):
            add(m.group(1), at, True)
            parsed += 1
            current = pending = None
            continue
        m = _GREP_CONTEXT.match(line, 0, _PREFIX)
        if m and _pathish(m.group(1)) and (m.group(1) in files or leads_context(m.group(1), at)):
            add(m.group(1), at, False)
            parsed += 1
            continue
        if line == "--":
            parsed += 1
            continue
        if line[:9] == '{"type":"' and (j := _RG_JSON.match(line, 0, _PREFIX)):
            kind, path = j.groups()
            if kind == "begin":
                files.setdefault(path, _FileHits()).heading = at
            elif kind != "end":
                add(path, at, kind == "match")
            parsed += 1
            continue
        if current is not None:
            e = _HEADING_ENTRY.match(line, 0, _PREFIX)
            if e:
                if pending is not None:
                    files.setdefault(current, _FileHits()).heading = pending
                    pending = None
                    parsed += 1
                add(current, at, e.group(1) is not None or e.group(3) == ":")
                parsed += 1
                continue
        pending = None
        h = _HEADING_PATH.fullmatch(line) if len(line) < _PREFIX else None
        if h and _pathish(h.group(1)):
            current, pending = h.group(1), at
            continue
        current = None
    cut = files.get("")
    if cut is not None and not any(f.heading is not None for f in files.values()):
        del files[""]
        parsed -= len(cut.entries)
    if not files:
        return None
    return files, parsed


def keep_numbered_matches(index: LineIndex, rank: list[int]) -> None:
    """`grep -n -A/-B/-C` over one file: its lines numbered "12:" where the pattern matched and
    "13-" around them. The matches are what the search asked for: they stay, whatever else the
    lines say (a log grepped for its slow statements keeps each "duration:" it found). Only with
    context lines beside them: numbered lines alone may be a log's own ("9497:M …")."""
    lines = index.lines
    if not _CUT_ENTRY.match(lines[0]) and lines[0] != "--":
        return  # decided on the first line: most texts are not such a search
    marks = [m.group(1) if (m := _CUT_ENTRY.match(x)) else None for x in lines]
    entries = sum(1 for m in marks if m)
    if entries < 0.9 * sum(1 for x in lines if x.strip() and x != "--"):
        return
    found = [i for i, m in enumerate(marks) if m == ":"]
    if not found or len(found) == entries or len(found) > _ALL_MATCHES:
        return
    for i in found:
        rank[i] = MUST


_ALL_MATCHES = MUST_AT_MOST  # matches a search may hold and still be sent whole: the answer asked for


def rank_search(lines: list[str], head_room: int = 0) -> list[int] | None:
    """grep -n / rg / OpenCode grep output, ranked: up to _ALL_MATCHES matches all stay; beyond
    that the output's head stays complete, as printed, while it fits in `head_room` characters
    (the first files' hits, which the model reads first), every file's first match and its
    heading stay (each matching file is named), the next few per file come next, context lines
    after them. None when the text is not search output."""
    sample = [x for x in lines[:80] if x.strip()][:40]
    probe = _parse_search(sample, 0.5 * len(sample))
    if (probe is None or probe[1] < 0.5 * len(sample)) and not all(x == "--" or _CUT_ENTRY.match(x) for x in sample):
        return None  # (a sample of entries alone may be the cut-off end of a file's block: the whole decides)
    parsed_out = _parse_search(lines)
    if parsed_out is None:
        return None
    files, parsed = parsed_out
    nonblank = sum(1 for x in lines if x.strip())
    total = sum(f.matches for f in files.values())
    if total < 5 or parsed < 0.7 * nonblank:
        return None
    # Preamble, summaries, anything unparsed; grep -C's "--" separators go with what they separate.
    rank = [LOW if x == "--" or x[:15] == '{"type":"end","' else HIGH for x in lines]
    for fh in files.values():
        shown = 0
        for at, is_match in fh.entries:
            if not is_match:
                rank[at] = CONTEXT
                continue
            shown += 1
            rank[at] = MUST if shown == 1 or total <= _ALL_MATCHES else HIGH if shown <= 5 else NORMAL
        if fh.heading is not None:
            rank[fh.heading] = MUST
    # The head, as printed (context and separators too: the hits read first, whole), while it fits.
    room = head_room if total > _ALL_MATCHES else 0
    for at, line in enumerate(lines):
        room -= len(line) + 1
        if room < 0:
            break
        rank[at] = MUST
    return rank
