"""Named, pure text transforms for tool outputs.

Lossless transforms take and return text. Lossy transforms take the text and the settings and
return a LossyResult (or None when they do not apply): the shortened text plus the exact text its
markers refer to (`original`, stored for retrieval) and that text's content-addressed id.
Nothing here depends on time, randomness, set iteration order or the process.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from itertools import compress
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from json.encoder import encode_basestring

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


# --------------------------------------------------------------------------- lossless

_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, erase
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS / SOS / PM / APC strings
    r"|\x1b[()*+][0-9A-Za-z]"  # charset selection
    r"|\x1b[@-Z\\-_=>78]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)


def strip_ansi(text: str) -> str:
    """Remove terminal escape sequences (colours, cursor control, OSC links)."""
    if "\x1b" not in text and "\x9b" not in text:
        return text
    return _ANSI.sub("", text)


def collapse_cr(text: str) -> str:
    """Keep only the final state of lines overwritten with bare carriage returns (progress bars).

    CRLF line endings are not overwrites and are kept.
    """
    if "\r" not in text:
        return text
    lines = text.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if "\r" not in line:
            continue
        crlf = line.endswith("\r") and i != last  # a CR that ends the text is an overwrite
        core = line[:-1] if crlf else line
        if "\r" not in core:
            continue
        final = ""
        for seg in reversed(core.split("\r")):
            if seg:
                final = seg
                break
        lines[i] = final + ("\r" if crlf else "")
    return "\n".join(lines)


def trim_trailing_ws(text: str) -> str:
    """Drop spaces and tabs at line ends (before the CR of a CRLF ending too)."""
    if not (" \n" in text or "\t\n" in text or " \r" in text or "\t\r" in text or text.endswith((" ", "\t"))):
        return text
    out = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            out.append(line[:-1].rstrip(" \t") + "\r")
        else:
            out.append(line.rstrip(" \t"))
    return "\n".join(out)


# Single-character repeats: sre runs these in a tight C loop even over huge runs.
_BLANK_RUN_LF = re.compile(r"\n{4,}")
_BLANK_RUN_CRLF = re.compile(r"(?:\r\n){4,}")


def collapse_blank_runs(text: str) -> str:
    """Three or more empty lines become one (two are left alone: code uses them).

    Runs after trim_trailing_ws, so whitespace-only lines are already empty."""
    if "\n\n\n\n" in text:
        text = _BLANK_RUN_LF.sub("\n\n", text)
    if "\r\n\r\n\r\n\r\n" in text:
        text = _BLANK_RUN_CRLF.sub("\r\n\r\n", text)
    return text


_JSON_STRING = re.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")', re.S)
_DROP_WS = str.maketrans("", "", " \t\n\r")


def looks_json(s: str) -> bool:
    """Starts and ends like a JSON object or array (cheap pre-check before parsing)."""
    return len(s) >= 2 and ((s[0] == "{" and s[-1] == "}") or (s[0] == "[" and s[-1] == "]"))


def compact_json(text: str) -> str:
    """Pretty-printed JSON to compact JSON: whitespace outside strings only, every token kept."""
    s = text.strip()
    if not looks_json(s):
        return text
    if "\n" not in s and ", " not in s and ": " not in s and "\t" not in s:
        return text
    try:
        json.loads(s)
    except ValueError:
        return text
    parts = _JSON_STRING.split(s)
    parts[0::2] = [p.translate(_DROP_WS) for p in parts[0::2]]
    out = "".join(parts)
    return out if len(out) < len(text) else text


class _Num(str):
    """A JSON number (or NaN/Infinity) kept as its source spelling."""


class _DuplicateKey(ValueError):
    pass


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise _DuplicateKey("duplicate key")  # a table or re-dump would lose one of them
    return d


def _loads_exact(s: str) -> object:
    return json.loads(s, parse_float=_Num, parse_int=_Num, parse_constant=_Num, object_pairs_hook=_pairs)


def _dump(v: object) -> str:
    """Compact JSON that keeps number spellings (json.dumps would re-spell floats)."""
    if isinstance(v, _Num):
        return str.__str__(v)
    if isinstance(v, str):
        return encode_basestring(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, dict):
        return "{" + ",".join(encode_basestring(k) + ":" + _dump(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(_dump(x) for x in v) + "]"
    raise TypeError(type(v).__name__)


_PLAIN_CELL = re.compile(r'[^|"\\\x00-\x1f\[\]{}]+')
_NUMBER_LIKE = re.compile(r"-?(?:\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|NaN|-?Infinity")


def _cell(v: object) -> str:
    if isinstance(v, str) and not isinstance(v, _Num):
        if (
            _PLAIN_CELL.fullmatch(v)
            and v == v.strip()
            and v not in ("true", "false", "null")
            and not _NUMBER_LIKE.fullmatch(v)
            and not v.startswith("[…")
        ):
            return v
        return encode_basestring(v)
    return _dump(v)


def _table_columns(items: list[object], min_rows: int) -> tuple[list[str], bool] | None:
    """(columns in first-seen order, whether some objects lack some keys) or None."""
    if len(items) < min_rows or not all(isinstance(x, dict) and x for x in items):
        return None
    cols: dict[str, None] = {}
    sparse = False
    first = items[0]
    assert isinstance(first, dict)
    width = len(first)
    for x in items:
        assert isinstance(x, dict)
        if len(x) != width:
            sparse = True
        for k in x:
            if k not in cols:
                cols[k] = None
    if len(cols) != width:
        sparse = True
    if sparse and len(cols) > 2 * width:
        return None  # heterogeneous objects: a table would be mostly holes
    return list(cols), sparse


def _table_header(n: int, cols: list[str], sparse: bool) -> list[str]:
    holes = "; a blank or missing cell = key absent" if sparse else ""
    return [
        f"[{n:,} JSON objects as table rows; cells are JSON, plain strings unquoted{holes}]",
        "|".join(_cell(c) for c in cols),
    ]


def _table_row(item: dict[str, object], cols: list[str]) -> str:
    row = "|".join(_cell(item[c]) if c in item else "" for c in cols)
    return row.rstrip("|") if len(item) < len(cols) else row  # trailing absent keys: no cells


def json_table(text: str, min_rows: int = 4) -> str:
    """A top-level array of objects sharing the same keys becomes a header row plus value rows."""
    s = text.strip()
    if not (s.startswith("[") and s.endswith("]")) or "{" not in s:
        return text
    try:
        data = _loads_exact(s)
    except ValueError:
        return text
    if not isinstance(data, list):
        return text
    shape = _table_columns(data, min_rows)
    if shape is None:
        return text
    cols, sparse = shape
    lines = _table_header(len(data), cols, sparse)
    lines.extend(_table_row(x, cols) for x in data)  # type: ignore[arg-type]
    out = "\n".join(lines)
    # A format change for a few characters is not worth the model's unfamiliarity.
    return out if len(out) < 0.9 * len(s) else text


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


def _total_lines(text: str) -> int:
    n = text.count("\n") + 1
    return n - 1 if text.endswith("\n") else n


def _lines_marker(count: int, first: int, last: int, total: int, rid: str, what: str = "lines") -> str:
    return f"[… {count:,} {what} elided (lines {first}–{last} of {total}); {_retrieve(rid)}]"


def _retrieve(rid: str) -> str:
    return f"headroom_retrieve id={rid} …"


def _clip(line: str, limit: int) -> str:
    if len(line) <= limit:
        return line
    return f"{line[:limit]}…[+{len(line) - limit:,} chars]"


# --------------------------------------------------------------------------- dedupe_lines

_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_ZEROS = re.compile(r"0+")
_DELETE_DIGITS = str.maketrans("", "", "0123456789")
_ERRWORD = re.compile(r"(?i)error|fail|exception|fatal|denied|invalid|critical")


def dedupe_saving_bound(text: str) -> int:
    """An upper bound on the characters dedupe_lines can remove: it only drops lines whose
    digit-normalised shape equals the previous line's. Cheap (C-level passes), so the engine can
    skip dedupe_lines when it cannot beat a candidate it already has."""
    # Deleting digits merges at least the shapes dedupe_lines merges (it collapses digit runs).
    norm = text.translate(_DELETE_DIGITS).split("\n")
    if len(norm) < 3:
        return 0
    lens = map(len, text.split("\n")[1:])
    return sum(compress(lens, map(str.__eq__, norm[1:], norm[:-1]))) + len(norm)


def dedupe_lines(text: str, s: CompressionSettings) -> LossyResult | None:
    """Runs of identical lines keep one copy plus a count; runs of lines differing only in
    numbers (progress, counters, timestamps) keep the first and last."""
    lines = text.split("\n")
    n = len(lines)
    total = _total_lines(text)
    rid = retrieve_id(text)
    # Digits blanked in one C pass (ASCII 1:1 translate); newlines untouched so lines align.
    shapes = text.translate(_DIGITS_TO_ZERO).split("\n")
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
            out.append(
                f"[… previous line repeated {j - i - 1:,} more times (lines {i + 2}–{j} of {total}); "
                f"{_retrieve(rid)}]"
            )
            changed = True
            i = j
            continue
        k = i + 1
        shape = shapes[i]
        key = ""
        while k < n:
            nxt = shapes[k]
            if nxt != shape:
                # "step 9" / "step 10": same shape once digit runs are collapsed
                if len(nxt) == len(shape):
                    break
                key = key or _ZEROS.sub("0", shape)
                if _ZEROS.sub("0", nxt) != key:
                    break
                shape = nxt
            k += 1
        shape = shapes[i]
        # Errors that differ only in numbers (codes, line numbers) are each worth seeing.
        if k - i >= s.similar_min_run and shape != line and line.strip() and not _ERRWORD.search(line):
            out.append(line)
            out.append(_lines_marker(k - i - 2, i + 2, k - 1, total, rid, "similar lines"))
            out.append(lines[k - 1])
            changed = True
            i = k
            continue
        out.append(line)
        i += 1
    if not changed:
        return None
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- log_output

# Keywords are searched in the ASCII-lowercased UTF-8 bytes with bytes.find: far faster than a
# case-insensitive regex alternation, and line indexes are the same in bytes and in text.
_ERR_WORDS = (
    b"error", b"exception", b"fail", b"fatal", b"panic", b"traceback", b"abort", b"segmentation fault",
    b"core dumped", b"undefined reference", b"cannot ", b"can't ", b"could not", b"unable to",
    b"not found", b"no such file", b"denied", b"timed out", b"*** ",
)  # fmt: skip
_WARN_WORDS = (b"warn", b"deprecat")
# Case-sensitive: pytest -v prints PASSED on every line, a summary says "12 passed".
_SUMMARY_WORDS = (
    b" passed", b" failed", b" passing", b" failing", b" skipped", b" error", b" warning", b" tests",
    b"\nRan ", b"\nOK", b"\nTest", b"Total", b"Summary", b"summary", b"\nFinished", b"\nBUILD", b"\nDone",
    b"exit code", b"exit status", b"\n===",
)  # fmt: skip
_SUMMARY = re.compile(
    r"^={3,} .* ={3,}$"
    r"|\b\d+ (?:passed|failed|passing|failing|errors?|skipped|warnings?|tests?|xfailed|xpassed"
    r"|deselected|suites?)\b"
    r"|^(?:Tests?:|Test Suites:|Ran \d+|OK\b|PASS|FAIL|BUILD|Finished|Summary|Total|Done|Result)"
    r"|exit (?:code|status)",
    re.I,
)
_PYTEST_HEADER = re.compile(r"_{3,} .+ _{3,}")
_PINNED = (b"\n...output truncated...", b"\nfull output saved to: ")
_TRACEBACK = b"\ntraceback (most recent call last):"


class _LineIndex:
    """Keyword hits as line indexes (0-based, lines split on \\n)."""

    def __init__(self, text: str) -> None:
        # A leading newline makes "\nword" find words at the start of any line, the first included.
        self.raw = b"\n" + text.encode("utf-8", "surrogatepass")
        self.low = self.raw.lower()
        starts: list[int] = []
        find = self.low.find
        i = find(b"\n")
        while i != -1:
            starts.append(i)
            i = find(b"\n", i + 1)
        self.starts = starts  # offset of the newline that precedes each line

    def hits(self, words: tuple[bytes, ...], *, case: bool = False) -> set[int]:
        found: set[int] = set()
        hay = self.raw if case else self.low
        find = hay.find
        starts = self.starts
        nlines = len(starts)
        end = len(hay)
        for w in words:
            lead = 1 if w.startswith(b"\n") else 0
            i = find(w)
            while i != -1:
                line = bisect_right(starts, i + lead) - 1
                found.add(line)
                nxt = (starts[line + 1] if line + 1 < nlines else end) - lead
                i = find(w, nxt if nxt > i else i + 1)  # one hit per line per word is enough
        return found


def _longer_than(lines: list[str], a: int, b: int, limit: int) -> bool:
    total = 0
    for k in range(a, b):
        total += len(lines[k]) + 1
        if total > limit:
            return True
    return False


def _ends_first(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Windows in the order first, last, second, second-to-last, …"""
    ordered = sorted(windows)
    out: list[tuple[int, int]] = []
    lo, hi = 0, len(ordered) - 1
    while lo <= hi:
        out.append(ordered[lo])
        if hi != lo:
            out.append(ordered[hi])
        lo, hi = lo + 1, hi - 1
    return out


def log_output(text: str, s: CompressionSettings) -> LossyResult | None:
    """Keep errors, failures, warnings, tracebacks, summaries, their context, and the head and
    tail; elide the rest."""
    lines = text.split("\n")
    n = len(lines)
    if n < s.log_head_lines + s.log_tail_lines + 4:
        return None
    idx = _LineIndex(text)
    keep = bytearray(n)

    def mark(a: int, b: int) -> None:
        a, b = max(a, 0), min(b, n)
        if b > a:
            keep[a:b] = b"\x01" * (b - a)

    def fresh(a: int, b: int) -> int:
        a, b = max(a, 0), min(b, n)
        return keep[a:b].count(0) if b > a else 0

    mark(0, s.log_head_lines)
    mark(n - s.log_tail_lines, n)
    for i in idx.hits(_PINNED):
        mark(i, i + 1)

    err_windows: list[tuple[int, int]] = []
    # The lines that say what went wrong: exception lines ending tracebacks, pytest's "E   …"
    # details and "____ test_name ____" headers (case matters). Then every other error line.
    details: set[int] = set()
    for t in idx.hits((_TRACEBACK,)):
        k = t + 1
        while k < n and lines[k][:1] in (" ", "\t"):
            k += 1
        end = min(k + 1, n)  # the exception line itself
        details.add(end - 1)
        if end - t > 30:
            err_windows.append((t, t + 4))
            err_windows.append((end - 20, end))
        else:
            err_windows.append((t, end))
    details |= idx.hits((b"\nE ", b"\nE\n"), case=True)
    details |= {i for i in idx.hits((b"\n___",), case=True) if _PYTEST_HEADER.fullmatch(lines[i][:300].rstrip())}
    err_lines = idx.hits(_ERR_WORDS) - details
    for i in details | err_lines:
        err_windows.append((i - s.log_context_before, i + s.log_context_after + 1))
    # Error lines before any context: with many failures, context around the first ones must not
    # use up the budget the later ones need. First and last matter most (root cause, final
    # summary): each pass takes them alternately.
    groups = [
        _ends_first([(i, i + 1) for i in details]),
        _ends_first([(i, i + 1) for i in err_lines]),
        [(i, i + 1) for i in sorted(idx.hits(_SUMMARY_WORDS, case=True)) if _SUMMARY.search(lines[i][:300])],
        _ends_first(err_windows),
        [(i, i + 2) for i in sorted(idx.hits(_WARN_WORDS))],
    ]
    budget = s.log_max_kept_lines
    kept = keep.count(1)
    for windows in groups:
        for a, b in windows:
            extra = fresh(a, b)
            if extra and kept + extra <= budget:
                mark(a, b)
                kept += extra

    total = _total_lines(text)
    rid = retrieve_id(text)
    out: list[str] = []
    i = 0
    elided_any = False
    while i < n:
        if keep[i]:
            out.append(_clip(lines[i], s.max_line_chars))
            i += 1
            continue
        j = keep.find(1, i)
        j = n if j == -1 else j
        # A marker costs ~110 chars: gaps shorter than that stay as they are.
        if not _longer_than(lines, i, j, 120):
            out.extend(_clip(ln, s.max_line_chars) for ln in lines[i:j])
        else:
            last = min(j, total)
            out.append(_lines_marker(last - i, i + 1, last, total, rid))
            elided_any = True
        i = j
    if not elided_any:
        return None
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- search_results

# Matched against a bounded prefix of each line (a minified match line can be megabytes):
# the text after the match is the rest of the line.
_PREFIX = 1024
_GREP_MATCH = re.compile(r"([^\s:][^\s:]*?):(\d+):")
_GREP_CONTEXT = re.compile(r"([^\s:][^\s:]*?)-(\d+)-")
_HEADING_PATH = re.compile(r"([^\s:][^\s]*?):?")
_HEADING_ENTRY = re.compile(r"(?:\s+Line (\d+): |(\d+)([:-]))")


@dataclass
class _FileHits:
    path: str
    matches: int
    entries: list[tuple[str, bool, str]]  # (line number, is match, text)


def _pathish(p: str) -> bool:
    return "/" in p or "." in p


def _parse_search(lines: list[str]) -> tuple[list[str], dict[str, _FileHits], list[str], int] | None:
    """(preamble, hits by file in first-seen order, other lines, parsed line count)."""
    files: dict[str, _FileHits] = {}
    preamble: list[str] = []
    other: list[str] = []
    parsed = 0
    current: str | None = None
    seen_entry = False

    def add(path: str, ln: str, is_match: bool, txt: str) -> None:
        fh = files.get(path)
        if fh is None:
            fh = files[path] = _FileHits(path, 0, [])
        fh.entries.append((ln, is_match, txt))
        if is_match:
            fh.matches += 1

    pending: str | None = None  # a path-looking line: a heading only if entries follow it

    def unpend() -> None:
        nonlocal pending
        if pending is not None:
            (other if seen_entry else preamble).append(pending)
            pending = None

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

    for at, line in enumerate(lines):
        if not line.strip():
            continue
        m = _GREP_MATCH.match(line, 0, _PREFIX)
        if m and _pathish(m.group(1)):
            unpend()
            add(m.group(1), m.group(2), True, line[m.end() :])
            parsed += 1
            seen_entry = True
            current = None
            continue
        m = _GREP_CONTEXT.match(line, 0, _PREFIX)
        if m and _pathish(m.group(1)) and (m.group(1) in files or leads_context(m.group(1), at)):
            unpend()
            add(m.group(1), m.group(2), False, line[m.end() :])
            parsed += 1
            continue
        if line == "--":
            parsed += 1
            continue
        if current is not None:
            e = _HEADING_ENTRY.match(line, 0, _PREFIX)
            if e:
                if pending is not None:
                    pending = None
                    parsed += 1
                ln = e.group(1) or e.group(2)
                add(current, ln, e.group(1) is not None or e.group(3) == ":", line[e.end() :])
                parsed += 1
                seen_entry = True
                continue
        unpend()
        h = _HEADING_PATH.fullmatch(line) if len(line) < _PREFIX else None
        if h and _pathish(h.group(1)):
            current, pending = h.group(1), line
            continue
        current = None
        (other if seen_entry else preamble).append(line)
    unpend()
    if not files:
        return None
    return preamble, files, other, parsed


def search_results(text: str, s: CompressionSettings) -> LossyResult | None:
    """grep -n / rg / OpenCode grep output: group by file, cap matches per file, keep counts."""
    lines = text.split("\n")
    # Cheap rejection on a sample before parsing every line.
    sample = [ln for ln in lines[:80] if ln.strip()][:40]
    probe = _parse_search(sample)
    if probe is None or probe[3] < 0.5 * len(sample):
        return None
    parsed_out = _parse_search(lines)
    if parsed_out is None:
        return None
    preamble, files, other, parsed = parsed_out
    nonblank = sum(1 for ln in lines if ln.strip())
    total_matches = sum(f.matches for f in files.values())
    if total_matches < 5 or parsed < 0.7 * nonblank:
        return None
    rid = retrieve_id(text)
    cap = s.search_max_matches_per_file
    out = list(preamble)
    out.append(
        f"[search results grouped by file: {total_matches:,} matches in {len(files):,} files, "
        f"at most {cap} shown per file; full output: headroom_retrieve id={rid}, "
        "pattern=<file path> for one file]"
    )
    file_list = list(files.values())
    for fh in file_list[: s.search_max_files_with_lines]:
        out.append(f"{fh.path} ({fh.matches:,} {'match' if fh.matches == 1 else 'matches'}):")
        shown = 0
        last_ln = -1
        for ln, is_match, txt in fh.entries:
            if is_match:
                if shown >= cap:
                    break
                shown += 1
            elif shown >= cap and int(ln) != last_ln + 1:
                break  # leading context of a match that will not be shown
            last_ln = int(ln)
            sep = ":" if is_match else "-"
            out.append(f"  {ln}{sep}{_clip(txt.strip(), s.search_max_line_chars)}")
        if fh.matches > shown:
            out.append(f"  [… {fh.matches - shown:,} more matches in this file elided]")
    rest = file_list[s.search_max_files_with_lines :]
    if rest:
        listed = rest[: max(0, s.search_max_files_listed - s.search_max_files_with_lines)]
        rest_matches = sum(f.matches for f in rest)
        out.append(f"[… lines of {len(rest):,} more files elided ({rest_matches:,} matches); their paths:]")
        out.extend(f"{fh.path} ({fh.matches:,})" for fh in listed)
        unlisted = rest[len(listed) :]
        if unlisted:
            out.append(
                f"[… {len(unlisted):,} more files elided ({sum(f.matches for f in unlisted):,} matches); "
                f"headroom_retrieve id={rid} …]"
            )
    if other:
        out.extend(_clip(ln, s.max_line_chars) for ln in other[:20])
        if len(other) > 20:
            out.append(f"[… {len(other) - 20:,} other lines elided; headroom_retrieve id={rid} …]")
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- json_array



def _signature(item: object) -> object:
    if isinstance(item, dict):
        return ("object", tuple(sorted(item)))
    return type(item).__name__


def _pick_items(items: list[object], dumped: list[str], s: CompressionSettings) -> list[int]:
    n = len(items)
    head = min(s.json_head_items, n)
    tail = min(s.json_tail_items, n - head)
    keep = set(range(head)) | set(range(n - tail, n))
    sigs = [_signature(x) for x in items]
    common = Counter(sigs).most_common(1)[0][0]
    flagged = [bool(_ERRWORD.search(d)) for d in dumped]
    rare_errors = sum(flagged) * 2 < n
    anomalies = 0
    for i in range(head, n - tail):
        if anomalies >= s.json_max_anomalies:
            break
        if sigs[i] != common or (rare_errors and flagged[i]):
            keep.add(i)
            anomalies += 1
    return sorted(keep)


def json_array(text: str, s: CompressionSettings, *, table: bool = True) -> LossyResult | None:
    """A large JSON array (top level, or the biggest array in a top-level object) keeps its head,
    tail and anomalous items plus the total count. The stored original has one item per line."""
    header, body = split_truncation_header(text)
    st = body.strip()
    if len(st) < s.json_array_min_chars or not looks_json(st):
        return None
    try:
        data = _loads_exact(st)
    except (ValueError, RecursionError):
        return None
    hole: str | None = None
    arr: list[object]
    if isinstance(data, list):
        arr = data
    elif isinstance(data, dict):
        candidates = [(len(v), k) for k, v in data.items() if isinstance(v, list)]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: c[0])  # first of equals: dict order is the source order
        hole = best[1]
        arr = data[hole]  # type: ignore[assignment]
    else:
        return None
    n = len(arr)
    if n < s.json_array_min_items:
        return None
    dumped = [_dump(x) for x in arr]
    if hole is None:
        prefix, suffix = "", ""
    else:
        assert isinstance(data, dict)
        before: list[str] = []
        after: list[str] = []
        target = before
        for k, v in data.items():
            if k == hole:
                target = after
                continue
            target.append(encode_basestring(k) + ":" + _dump(v))
        prefix = "{" + "".join(p + "," for p in before) + encode_basestring(hole) + ":"
        suffix = "".join("," + p for p in after) + "}"
    original = header + prefix + "[\n" + ",\n".join(dumped) + "\n]" + suffix
    rid = retrieve_id(original)
    kept = _pick_items(arr, dumped, s)
    line0 = original[: len(header) + len(prefix)].count("\n") + 2  # line of item 1
    total_lines = _total_lines(original)

    def gap_marker(a: int, b: int, what: str) -> str:  # items a..b, 0-based inclusive
        return (
            f"[… {b - a + 1:,} {what} elided (items {a + 1}–{b + 1} of {n}, "
            f"lines {line0 + a}–{line0 + b} of {total_lines}); {_retrieve(rid)}]"
        )

    shape = _table_columns(arr, s.json_table_min_rows) if table and hole is None else None
    pieces: list[int | tuple[int, int]] = []  # kept item index, or an elided (first, last) range
    prev = -1
    for idx in kept:
        if idx > prev + 1:
            pieces.append((prev + 1, idx - 1))
        pieces.append(idx)
        prev = idx
    if prev < n - 1:
        pieces.append((prev + 1, n - 1))
    if shape is not None:
        cols, sparse = shape
        rows = _table_header(n, cols, sparse)
        for p in pieces:
            if isinstance(p, tuple):
                rows.append(gap_marker(p[0], p[1], "rows"))
            else:
                rows.append(_table_row(arr[p], cols))  # type: ignore[arg-type]
        out = header + "\n".join(rows)
    else:
        elems = [
            encode_basestring(gap_marker(p[0], p[1], "items")) if isinstance(p, tuple) else dumped[p]
            for p in pieces
        ]
        out = header + prefix + "[" + ",".join(elems) + "]" + suffix
    return LossyResult(out, original, rid)


# --------------------------------------------------------------------------- head_tail


def head_tail(text: str, s: CompressionSettings) -> LossyResult | None:
    """Long plain text: keep the head and the tail, cut at line ends where possible."""
    size = len(text)
    if size < s.text_min_chars:
        return None
    head_n, tail_n = s.text_head_chars, s.text_tail_chars
    if head_n + tail_n + 200 >= size:
        return None
    hend = head_n
    nl = text.rfind("\n", head_n // 2, head_n)
    if nl != -1:
        hend = nl + 1
    tstart = size - tail_n
    nl = text.find("\n", tstart - 1, tstart + tail_n // 2)
    if nl != -1:
        tstart = nl + 1
    rid = retrieve_id(text)
    elided = tstart - hend
    if text[hend - 1] == "\n" and (tstart == 0 or text[tstart - 1] == "\n"):
        first = text.count("\n", 0, hend) + 1
        last = text.count("\n", 0, tstart)
        where = f"lines {first}–{last} of {_total_lines(text)}"
    else:
        where = f"chars {hend + 1}–{tstart} of {size}"
    marker = f"[… {elided:,} chars elided ({where}); headroom_retrieve id={rid} …]"
    head = text[:hend]
    sep = "" if head.endswith("\n") else "\n"
    tail = text[tstart:]
    return LossyResult(f"{head}{sep}{marker}\n{tail}", text, rid)


LosslessFn = Callable[[str], str]
LossyFn = Callable[[str, CompressionSettings], "LossyResult | None"]

LINE_LOSSLESS: tuple[tuple[str, LosslessFn], ...] = (
    ("strip_ansi", strip_ansi),
    ("collapse_cr", collapse_cr),
    ("trim_trailing_ws", trim_trailing_ws),
    ("collapse_blank_runs", collapse_blank_runs),
    ("compact_json", compact_json),
)
