"""Lossless clean-up of tool outputs, and JSON re-encoded compact with the document's own
separators: nothing a model could need is removed here."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.encoder import encode_basestring

from .lineindex import windowed_matches, word_automaton

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


# A progress display's state: a percentage, a count of a total, a bar, a braille spinner, a rate, an
# ETA or a time left (curl's meter).
_PROGRESS = re.compile(r"\d%|\d ?/ ?\d|[█▉▊▋▌▍▎▏━─■#=>.·]{3}|[⠁-⣿]|/s\b|\b(?:eta|ETA)\b|--:--|\d:\d\d:\d\d")
_LOUD = ("error", "fail", "warn", "exception", "panic", "fatal", "traceback")
_SAMPLE = 8  # states looked at for their progress, evenly spread: a display's states are alike


def _redrawn(states: list[str]) -> bool:
    """Whether the states a line's carriage returns separate redraw a progress display (half of
    them show its progress) rather than print records on one line (old Mac line ends, a counter
    nobody needs all of, a hostile output): those are kept, and so is what a failure or a warning
    says before the last state."""
    shown = [x for x in states if x.strip()]
    if len(shown) < 2:
        return True  # one state, and blanks that clear the line
    # Found by C-level finds over them all, not a pattern a state (a bar redrawn 20,000 times).
    earlier = "\r".join(shown[:-1]).lower()
    if any(w in earlier for w in _LOUD):
        return False
    sample = shown[:: max(1, len(shown) // _SAMPLE)]
    return 2 * sum(1 for x in sample if _PROGRESS.search(x)) >= len(sample)


def collapse_cr(text: str) -> str:
    """Keep only the final state of lines overwritten with bare carriage returns (progress bars).

    CRLF line endings are not overwrites and are kept; nor are records that carriage returns
    separate (_redrawn).
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
        states = core.split("\r")
        if not _redrawn(states):
            continue
        final = ""
        for seg in reversed(states):
            if seg:
                final = seg
                break
        lines[i] = final + ("\r" if crlf else "")
    return "\n".join(lines)


def _holds(text: str, needle: str) -> bool:
    """`needle in text`. In ASCII text (most), as bytes by an automaton that skips with memchr
    to the needle's rarer byte, a window at a time (it lists every match: a window doubling each
    time stops at the first ones): ~1 µs per 50 KB, where str.rfind took ~8-15 µs. Otherwise
    searched from the end: CPython's reverse search skips ahead further in text full of spaces
    and newlines (2-3x faster on tool output than a forward one)."""
    if not text.isascii():
        return text.rfind(needle) != -1
    return next(windowed_matches(word_automaton(needle), text.encode("ascii"), len(needle) - 1), None) is not None


def trim_trailing_ws(text: str) -> str:
    """Drop spaces and tabs at line ends (before the CR of a CRLF ending too)."""
    # A single character is found by memchr: tabs and CRs are looked for in pairs only when present.
    tab, cr = "\t" in text, "\r" in text
    if not (
        text.endswith((" ", "\t"))
        or _holds(text, " \n")
        or (tab and _holds(text, "\t\n"))
        or (cr and (_holds(text, " \r") or (tab and _holds(text, "\t\r"))))
    ):
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
    if _holds(text, "\n\n\n\n"):
        text = _BLANK_RUN_LF.sub("\n\n", text)
    if "\r" in text and _holds(text, "\r\n\r\n\r\n\r\n"):
        text = _BLANK_RUN_CRLF.sub("\r\n\r\n", text)
    return text


_JSON_STRING = re.compile(r'("[^"\\]*(?:\\.[^"\\]*)*")', re.S)
_DROP_WS = str.maketrans("", "", " \t\n\r")


def looks_json(s: str) -> bool:
    """Starts and ends like a JSON object or array (cheap pre-check before parsing)."""
    return len(s) >= 2 and ((s[0] == "{" and s[-1] == "}") or (s[0] == "[" and s[-1] == "]"))


def compact_json(text: str) -> str:
    """Pretty-printed JSON to one line: indentation and newlines outside strings go, every token
    stays, and so does the document's own spacing: where it writes `"version": "1.2.3"` a space
    follows every ':' and ',', where it writes records tight (`tree -J`'s `{"type":"file",…}` a
    line) none is added, so each record still reads as printed."""
    s = text.strip()
    if not looks_json(s):
        return text
    if "\n" not in s and ", " not in s and ": " not in s and "\t" not in s:
        return text
    try:
        json.loads(s)
    except (ValueError, RecursionError):  # nested past the recursion limit: left as it came
        return text
    parts = _JSON_STRING.split(s)
    # What lies between strings, edited in one piece (a call per piece cost ~1 µs each): valid
    # JSON holds no NUL outside its strings.
    between = "\0".join(parts[0::2])
    comma, colon = _separators(between)
    between = between.translate(_DROP_WS)
    if colon != ":":
        between = between.replace(",", comma).replace(":", colon)
    parts[0::2] = between.split("\0")
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


# Numbers kept as written and keys in their order and number: one decoder for a document and a stream.
_EXACT = json.JSONDecoder(parse_float=_Num, parse_int=_Num, parse_constant=_Num, object_pairs_hook=_pairs)


def _loads_exact(s: str) -> object:
    return _EXACT.decode(s)


_JSON_WS = re.compile(r"[ \t\r\n]*")


def json_stream(s: str) -> list[tuple[object, str]] | None:
    """(value, its text) of each of two or more pretty JSON objects or arrays printed one after
    another (`jq '.[]'`, `go list -json`), or None. One-line values (JSON Lines) are a log's
    records, not a document: at least one value must span lines."""
    out: list[tuple[object, str]] = []
    pos = _JSON_WS.match(s).end()
    while pos < len(s):
        if s[pos] not in "[{":
            return None
        try:
            value, end = _EXACT.raw_decode(s, pos)
        except (ValueError, RecursionError):
            return None
        out.append((value, s[pos:end]))
        pos = _JSON_WS.match(s, end).end()
    return out if len(out) >= 2 and any("\n" in text for _, text in out) else None


def json_separators(text: str) -> tuple[str, str]:
    """The document's own (comma, colon), read between its strings."""
    return _separators("\0".join(_JSON_STRING.split(text)[0::2]))


def _separators(between: str) -> tuple[str, str]:
    """(comma, colon) as what lies between a document's strings spaces them: jsoncpp's (CMake's)
    `"kind" : "x"`, most printers' `"kind": "x"`, cJSON's (iperf3's) `"kind":\t"x"`, or tight
    records (`tree -J`'s `{"type":"file",…}`)."""
    if " : " in between:
        return ", ", " : "
    if ": " in between:
        return ", ", ": "
    return (",", ":\t") if ":\t" in between else (",", ":")


def _dump(v: object, seps: tuple[str, str] = (",", ":")) -> str:
    """One-line JSON that keeps number spellings (json.dumps would re-spell floats), with the
    document's separators (json_separators) as compact_json leaves them."""
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
    comma, colon = seps
    if isinstance(v, dict):
        return "{" + comma.join(encode_basestring(k) + colon + _dump(x, seps) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + comma.join(_dump(x, seps) for x in v) + "]"
    raise TypeError(type(v).__name__)


def one_member_per_line(compact: str) -> str:
    """One-line JSON broken after every ',' '{' '[' outside strings: what a retrieval by line or
    pattern can cut a document into (string ops only, no re-encoding)."""
    parts = _JSON_STRING.split(compact)
    parts[0::2] = [p.replace(", ", ",").replace(",", ",\n").replace("{", "{\n").replace("[", "[\n") for p in parts[0::2]]
    return "".join(parts)


LosslessFn = Callable[[str], str]

# The clean-up of one line as the whole text's leaves it (colours.marked_lines reads lines before it).
CLEAN_LINE: tuple[LosslessFn, ...] = (strip_ansi, collapse_cr, trim_trailing_ws)

LINE_LOSSLESS: tuple[tuple[str, LosslessFn], ...] = (
    ("strip_ansi", strip_ansi),
    ("collapse_cr", collapse_cr),
    ("trim_trailing_ws", trim_trailing_ws),
    ("collapse_blank_runs", collapse_blank_runs),
    ("compact_json", compact_json),
)
