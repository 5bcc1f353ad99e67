"""Lossy transforms for outputs with a known structure: git, `ls -l`, HTML, JSON documents.

Each keeps the lines a model navigates by (commit hashes and subjects, changed paths, hunk
headers, every directory entry name, headings and visible text, scalar JSON fields) and stores
the exact input for retrieval. All are pure: same input and settings, same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.encoder import encode_basestring

from .settings import CompressionSettings
from . import anomalies
from .lineindex import count_matches, matches_at_least
from .lines import FAIL, severity
from .select import CONTEXT, HIGH, LOW, MUST, NORMAL
from .lossless import _dump, _loads_exact, compact_json, json_separators, json_stream, one_member_per_line
from .transforms import LossyResult, _lines_marker, _retrieve, retrieve_id

# --------------------------------------------------------------------------- JSON preamble

# A line that opens with "[" or "{": found from the newline before it (a pattern that starts with
# a literal is scanned in C; one anchored at every line start is tried at every character).
_JSON_FIRST_LINE = re.compile(r"[ \t]*[\[{]")
_JSON_LINE_START = re.compile(r"\n[ \t]*[\[{]")


def _bracket_lines(text: str, endpos: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line that opens with a bracket, spaces and tabs aside, before endpos;
    end is just after the bracket."""
    m = _JSON_FIRST_LINE.match(text)
    if m is not None:
        yield 0, m.end()
    pos = 0 if m is None else m.end()
    while (m := _JSON_LINE_START.search(text, pos, endpos)) is not None:
        yield m.start() + 1, m.end()
        pos = m.end()


def split_json_preamble(text: str, max_lines: int = 20) -> tuple[str, str] | None:
    """(leading non-JSON lines, JSON document) when the text is a JSON object/array preceded by a
    few other lines (npm prints `npm warn …` before its JSON); None otherwise. The preamble keeps
    its trailing newline, so preamble + body == text."""
    st = text.rstrip()
    if not st or st[-1] not in "]}":
        return None
    # text[start:].strip() opens with the bracket the line opens with and closes with st[-1]:
    # compared without copying the rest of the text for every candidate line.
    obj = st[-1] == "}"
    # The document's first line comes after max_lines newlines at most: only those are looked
    # behind (not every line of a long source file that ends with a brace).
    last = -1
    for _ in range(max_lines + 1):
        last = text.find("\n", last + 1)
        if last == -1:
            last = len(text)
            break
    for _, (start, end) in zip(range(max_lines + 1), _bracket_lines(text, last)):
        if (text[end - 1] == "{") == obj:
            if start == 0 or text[:start].strip() == "":
                return None  # no preamble: plain JSON, handled elsewhere
            if text[:start].count("\n") > max_lines:
                return None
            return text[:start], text[start:]
    return None


def split_json_epilogue(text: str, max_lines: int = 5) -> tuple[str, str] | None:
    """(JSON document with what precedes it, trailing non-JSON lines) when a pretty document's
    closing bracket, flush left, is followed by a few other lines (npm prints `npm error A complete
    log …` after its JSON); None otherwise. The two parts joined are the text."""
    if text.rstrip()[-1:] in ("]", "}", ""):
        return None
    tail = text.rsplit("\n", max_lines + 1)
    for k in range(len(tail) - 1, 0, -1):
        if tail[k - 1].rstrip() in ("}", "]") and any(x.strip() for x in tail[k:]):
            cut = len(text) - sum(len(x) + 1 for x in tail[k:]) + 1
            return text[:cut], text[cut:]
    return None


# --------------------------------------------------------------------------- json_outline


def _references(data: object, cap: int, head: int, tail: int) -> set[str]:
    """Short strings the document points at from its small objects (dist-tags values, the
    names in a dependencies map): members of big containers that match one are kept. First from
    what the outline keeps anyway (small containers whole, the head and tail of big ones: a
    lockfile's root entry naming its direct dependencies), then from the rest while few are found."""
    refs: set[str] = set()
    rest: list[object] = []
    stack = [data]
    while stack:
        v = stack.pop()
        items = list(v.items()) if isinstance(v, dict) else list(enumerate(v)) if isinstance(v, list) else []
        if len(items) > cap:
            rest.extend(x for _, x in items[head: len(items) - tail])
            items = items[:head] + items[len(items) - tail:]
        elif isinstance(v, dict):
            refs.update(r for k, x in items if isinstance(x, str) and 0 < len(x) <= 80 for r in (k, x))
        stack.extend(x for _, x in items if isinstance(x, (dict, list)))
    stack = [x for x in rest if isinstance(x, (dict, list))]
    while stack and len(refs) < 4 * cap:
        v = stack.pop()
        if isinstance(v, dict):
            small = len(v) <= cap
            for k, x in v.items():
                if small and isinstance(x, str) and 0 < len(x) <= 80:
                    refs.add(x)
                    refs.add(k)
                if isinstance(x, (dict, list)):
                    stack.append(x)
        elif isinstance(v, list):
            stack.extend(x for x in v if isinstance(x, (dict, list)))
    return refs


def _referenced(key: str, value: object, refs: set[str]) -> bool:
    if key and (key in refs or key.rpartition("/")[2] in refs):
        return True
    return isinstance(value, str) and bool(value) and value in refs


def _left_out_before(kept: list[int], n: int) -> Iterator[tuple[int, int]]:
    """(i, how many members were left out just before it) for each kept member i, then for n."""
    prev = -1
    for i in [*kept, n]:
        yield i, i - prev - 1
        prev = i


def _a_name(item: tuple[str, object]) -> bool:
    """A short string, alone or as the one member of an object."""
    x = item[1]
    if type(x) is dict and len(x) == 1:
        x = next(iter(x.values()))
    return type(x) is str and len(x) <= 80


# A copy worth a reference: a finding's nested parts (shellcheck's fix, ~300 characters) are read
# with it; a list of deprecated rules repeated under every file (~560) is not.
_REFERRED_MIN_CHARS = 512
_SMALL_CONTAINER = 1024  # characters of compact JSON an array or object keeps whole, however many members
# A content digest: an integrity string (`sha512-…`, a lockfile's heaviest field), a file's hash in
# hex under its algorithm's name or as a "shasum" or "checksum" (npm's dist, PyPI's digests and
# hashes), a registry signature's "sig". Opaque, as a PEM body is: nothing in it a model reads; its
# algorithm stays, and the digest is one retrieve away. Ids are no digests: a commit's "sha", an
# image's "sha256:…" digest name what the model checks out or pulls.
_SRI = re.compile(r"(sha(?:1|256|384|512)-)[A-Za-z0-9+/]{20,}={0,2}(?: sha(?:1|256|384|512)-[A-Za-z0-9+/]{20,}={0,2})*")
_HEX_DIGEST = re.compile(r"[0-9a-f]{32,128}")
_HEX_KEYS = frozenset({"shasum", "checksum", "md5", "sha256", "sha384", "sha512", "blake2b_256"})
_BASE64 = re.compile(r"[A-Za-z0-9+/]{60,}={0,2}")


def _digest_head(key: str, v: str) -> str | None:
    """What a digest's elision keeps of it ("sha512-", or nothing); None when `v` is no digest."""
    if v[:3] == "sha" and (m := _SRI.fullmatch(v)):
        return m.group(1)
    if key in _HEX_KEYS and _HEX_DIGEST.fullmatch(v) or key == "sig" and _BASE64.fullmatch(v):
        return ""
    return None


def _too_long_to_read(v: str, cap: int) -> bool:
    """Whether a JSON string value is left out of an outline. A failure's message (jest's
    failureMessages: "Error: expect(received)…" over its stack) is principle 2's, not a long
    string to leave out, up to 4 times the cap."""
    return len(v) > cap and not (len(v) <= 4 * cap and severity(v[:200].partition("\n")[0]) == FAIL)


def _string_member(line: str) -> tuple[str, str] | None:
    """(key or "", value) of a line of pretty JSON that holds one string: `  "description": "…",`
    or an array's `  "…",`; None for any other line."""
    raw = line.strip().removesuffix(",")
    if raw[:1] != '"' or raw[-1:] != '"':
        return None
    for wrapped in ("{" + raw + "}", raw):
        try:
            v = json.loads(wrapped)
        except ValueError:
            continue
        key, v = next(iter(v.items())) if isinstance(v, dict) else ("", v)
        return (key, v) if isinstance(v, str) else None
    return None


# A line of pretty-printed JSON (json.dumps, jq, `--json` reporters): a bracket that opens or
# closes a container, or a member: a value, after a key in an object. A string is judged by its
# opening quote only, a scalar to the line's end.
_PRETTY_JSON_LINE = re.compile(
    r'\s*(?:"(?:[^"\\]|\\.)*"\s*:\s*)?(?:"|(?:[\[{]|[\]}]|\[\]|\{\}|-?\d[\d.eE+-]*|true|false|null),?\s*$)'
)


def long_json_strings(lines: list[str], s: CompressionSettings) -> LossyResult | None:
    """Pretty JSON cut short (`pip inspect | head`, `| tail`, a byte cap) is no document
    json_outline can parse, but its long strings (each package's README in `pip inspect`) are as
    unreadable: each line that holds one is left out, named by its key and length, and every other
    line stays as it is. Only where every line is one of pretty JSON's (code holding a long string
    literal is what the model asked to read)."""
    cap = s.max_line_chars * 4
    if max(map(len, lines), default=0) <= cap:
        return None  # the common case, found in C
    long = {}
    for i, line in enumerate(lines):
        if len(line) > cap and (member := _string_member(line)) is not None and _too_long_to_read(member[1], cap):
            long[i] = member
    if not long or not all(i in long or not x.strip() or _PRETTY_JSON_LINE.match(x) for i, x in enumerate(lines)):
        return None
    original = "\n".join(lines)
    rid = retrieve_id(original)
    out = list(lines)
    for n, (i, (key, v)) in enumerate(long.items()):
        what = f"{encode_basestring(key)}: a string" if key else "a string"
        out[i] = _lines_marker(i + 1, i + 1, rid, s, f"elided ({what} of {len(v):,} chars)", again=n > 0)
    return LossyResult("\n".join(out), original, rid)


def json_outline(text: str, s: CompressionSettings) -> LossyResult | None:
    """A large JSON document (optionally after a few non-JSON lines) keeps its shape: small
    objects whole, and of each long array or object its head and tail, the members that differ
    from the rest (anomalies.pick) and the members other parts of the document name. Values are
    kept verbatim (compact); a string too long to read is replaced by a marker."""
    ep = split_json_epilogue(text)
    text, epilogue = ep if ep is not None else (text, "")
    pre = split_json_preamble(text)
    if pre is None:
        preamble, body = "", text
    else:
        preamble, body = pre
    st = compact_json(body.strip())  # after a preamble the clean-up left it pretty
    if len(st) < s.json_min_chars:
        return None
    if not (st[0] == "{" and st[-1] == "}" or st[0] == "[" and st[-1] == "]"):
        return None
    try:
        data = _loads_exact(st)
        values = None
    except (ValueError, RecursionError):
        # Values printed one after another (`jq '.[]'`, `go list -json`): outlined as the members
        # of one array, each kept value compact on a line of its own.
        stream = json_stream(body)
        if stream is None:
            return None
        data = [v for v, _ in stream]
        values = [compact_json(x) for _, x in stream]
        st = "\n".join(values)
    # Stored one member per line, so the model can ask for a path by pattern.
    original = preamble + "\n".join(map(one_member_per_line, values or [st])) + "\n" + epilogue
    rid = retrieve_id(original)
    ref, ref_again = _retrieve(rid, s), _retrieve(rid, s, again=True)

    def note_ref() -> str:
        """How the note being written points at the original: the id in the first note only."""
        return ref if elided == 1 else ref_again
    cap = s.json_sample_over
    str_cap = s.max_line_chars * 4
    refs = _references(data, cap, s.json_head_items, s.json_tail_items)
    seps = comma, colon = json_separators(st[:4096])  # the document's own
    elided = digests = saved = 0
    cut = True  # members sampled, long strings and digests left out: false when only copies are referred

    def pick(items: list[tuple[str, object]], name: str) -> list[int]:
        n = len(items)
        keep = set(range(min(s.json_head_items, n))) | set(range(max(0, n - s.json_tail_items), n))
        keep |= {i for i, (k, v) in enumerate(items) if _referenced(k, v, refs)}
        values = [v for _, v in items]
        keep |= set(anomalies.pick(values, s.json_max_anomalies))
        keep |= set(anomalies.named_errors(name, values))
        if isinstance(values[0], dict):
            keep |= set(anomalies.findings(values))  # diagnostics outrank sampling
            keep |= set(anomalies.never_ran(values))
        return sorted(keep)

    def short(items: list[tuple[str, object]], is_obj: bool) -> bool:
        """Whether members' compact JSON (as _dump writes it) stays within _SMALL_CONTAINER
        characters: counted member by member, given up past it (a container of large members is
        not dumped whole to be measured)."""
        # A list of names (["a.py", …], [{"Prefix": "builds/7/"}, …]) is a listing: each names a thing.
        bound = _SMALL_CONTAINER * (4 if not is_obj and all(map(_a_name, items)) else 1)
        if 2 * len(items) > bound:  # two characters a member at least
            return False
        total = 2 + len(comma) * (len(items) - 1)
        for k, x in items:
            total += len(_dump(x, seps)) + (len(encode_basestring(k)) + len(colon) if is_obj else 0)
            if total > bound:
                return False
        return True

    # A container's rendering -> the path it was first sent at: a later copy, member for member
    # the same (eslint's usedDeprecatedRules under every file, an API's user under every record),
    # is sent as a reference to it, which loses nothing. Keyed on the copy's rendering before its
    # own parts were referred (`full`). Only where the outline spells every value as the document
    # does: one that escapes what encode_basestring writes plainly (`\u2018`, `\/`) would be
    # respelled by an outline it would not otherwise get.
    shown: dict[str, str] = {}
    refer = "\\u" not in st and "\\/" not in st

    def walk(v: object, path: str, name: str = "") -> str:
        return walk_both(v, path, name)[0]

    def walk_both(v: object, path: str, name: str = "") -> tuple[str, str]:
        """(what is sent, what would be sent had no copy been referred to)."""
        nonlocal elided, saved
        if isinstance(v, (dict, list)):
            # A copy's own markers are not sent (the first sent gives the id), nor do they save.
            elided_before, saved_before = elided, saved
            is_obj = isinstance(v, dict)
            items = list(v.items()) if is_obj else [("", x) for x in v]
            n = len(items)
            # Many members are sampled, unless they are short enough to read whole (a package's
            # 60 version strings: sampling them saves a few hundred characters and loses which exist).
            sampled = cut and n > cap and not short(items, is_obj)
            kept = pick(items, name) if sampled else list(range(n))
            what = "keys" if is_obj else "items"
            parts: list[str] = []
            fulls: list[str] = []
            referred = False  # whether a part is a reference
            for i, left in _left_out_before(kept, n):
                if left:
                    elided += 1
                    note = f"[… {left:,} {what} of {path} elided ({what} {i - left + 1}–{i} of {n}); {note_ref()}]"
                    parts.append(encode_basestring(note) + (colon + "null" if is_obj else ""))
                    fulls.append(parts[-1])
                if i < n:
                    k, x = items[i]
                    child = f"{path}.{k}" if is_obj else f"{path}[{i}]"
                    key = encode_basestring(k) + colon if is_obj else ""
                    sent, whole = walk_both(x, child, k)
                    parts.append(key + sent)
                    if sent is whole:
                        fulls.append(parts[-1])
                    else:
                        referred = True
                        fulls.append(key + whole)
            opening, closing = ("{", "}") if is_obj else ("[", "]")
            full = opening + comma.join(fulls) + closing
            if refer and len(full) >= _REFERRED_MIN_CHARS:
                first = shown.setdefault(full, path)
                if first != path:
                    elided = elided_before + 1
                    note = encode_basestring(f"[… same as {first}; {note_ref()}]")
                    # Still an object or an array: the line that opens it reads as it did.
                    sent = opening + note + (colon + "null" if is_obj else "") + closing
                    saved = saved_before + len(full) - len(sent)
                    return sent, full
            return (opening + comma.join(parts) + closing if referred else full), full
        leaf = scalar(v, path, name)
        return leaf, leaf

    def scalar(v: object, path: str, name: str) -> str:
        nonlocal elided, digests
        if cut and type(v) is str and _too_long_to_read(v, str_cap):
            elided += 1
            return encode_basestring(f"[… string of {len(v):,} chars at {path} elided; {note_ref()}]")
        if cut and type(v) is str and len(v) >= 32 and (head := _digest_head(name, v)) is not None:
            digests += 1
            if digests > 1:
                return encode_basestring(head + "…")
            elided += 1  # the first says what "…" is and where the digests are
            return encode_basestring(f"{head}… [digests elided; {note_ref()}]")
        return _dump(v, seps)

    def stream_lines(data: list[object]) -> str:
        """The values as printed, one a line, sampled as an array's members are."""
        nonlocal elided
        n = len(data)
        items = [("", x) for x in data]
        kept = pick(items, "") if cut and n > cap and not short(items, False) else list(range(n))
        out: list[str] = []
        for i, left in _left_out_before(kept, n):
            if left:
                elided += 1
                out.append(f"[… {left:,} values elided (values {i - left + 1}–{i} of {n}); {note_ref()}]")
            if i < n:
                out.append(walk(data[i], f"$[{i}]"))
        return "\n".join(out)

    def outline() -> str:
        return walk(data, "$") if values is None else stream_lines(data)

    try:
        out = outline()
        if len(out) + saved > (1 - s.min_saving_ratio) * len(st):
            # The cut alone saves too little over the document made compact (which loses nothing)
            # to be worth it: only the copies are referred, if any.
            if not saved:
                return None
            cut, elided, digests, saved = False, 0, 0, 0
            shown.clear()
            out = outline()
    except RecursionError:  # parsed, but too deep to walk beneath the caller's frames: read as lines
        return None
    if not elided:
        return None
    return LossyResult(preamble + out + ("\n" + epilogue if epilogue else ""), original, rid)


# --------------------------------------------------------------------------- git_output

GIT_COMMIT = re.compile(r"commit [0-9a-f]{7,64}(?: \(.*\))?")
GIT_STAT = re.compile(r" (.*?\S) +\| +(\d+ ?[+-]*|Bin .*)")
GIT_SUMMARY = re.compile(r" ?\d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?")
GIT_META = (
    "new file mode", "deleted file mode", "old mode", "new mode", "rename from", "rename to",
    "copy from", "copy to", "similarity index", "dissimilarity index", "Binary files",
)  # fmt: skip
_GIT_PROBE = re.compile(
    r"^(?:commit [0-9a-f]{7,64}\b|diff --git |@@ -\d|(?: [^|\s][^|\n]*? \| +\d+ ?[+-]*$)| ?\d+ files? changed)", re.M
)
# The lines after the first, found from their newline: a pattern that starts with a literal is
# scanned in C, one anchored at every line start is tried at every character.
assert _GIT_PROBE.pattern.startswith("^")
_GIT_PROBE_AFTER_NEWLINE = re.compile("\n" + _GIT_PROBE.pattern[1:], re.M)
HUNK = re.compile(r"@@+ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@")
# A combined diff's hunk (`show` of a merge, `diff --cc`): one "-" range per parent, and as many
# "@" and prefix columns as ranges.
COMBINED_HUNK = re.compile(r"(@@@+)(?: -\d+(?:,\d+)?){2,} \+\d+(?:,(\d+))? @@@+")


def _git_probe_lines(text: str, end: int) -> Iterator[str]:
    """What _GIT_PROBE matches at each line start before `end` (as its finditer would find)."""
    m = _GIT_PROBE.match(text, 0, end)
    if m is not None:
        yield m.group(0)
    for m in _GIT_PROBE_AFTER_NEWLINE.finditer(text, 0 if m is None else m.end(), end):
        yield m.group(0)[1:]


def looks_git(text: str) -> bool:
    """git log / show / diff (--stat) output: cheap check on the first lines. A --stat row has one
    "|" (a table's rows have several). A test runner's diff of two values has hunks of its own
    (vitest's "@@ -1,23 +1,23 @@" under "- Expected / + Received"): there a hunk header counts
    only under a file's "+++" header (its trailing space trimmed)."""
    hits = 0
    files = None
    for g in _git_probe_lines(text, 6000):
        if g.startswith(("commit ", "diff --git ")):
            return True
        if g.startswith("@@"):
            if files is None:
                head = text[:6000]
                files = "\n+++" in head or text.startswith("+++") or not ("- Expected" in head and "+ Received" in head)
            if not files:
                continue
        hits += 1
        if hits >= 3:
            return True
    return False


# A line that opens with a commit id (after a graph's drawing), a space or a tab, then text: `log
# --oneline`, `log --format='%h%x09…'`, `reflog`, `rebase -i`'s todo. Ids of 7–12 or 40 digits
# with a digit among them (nm's 16-digit addresses and docker's padded columns are not commits).
# The drawing is possessive (*+): an id never starts with its characters (indentation gave back).
COMMIT_LED = re.compile(r"[*|\\/ _.-]*+(?:pick |p )?(?=[0-9a-f]*\d)(?:[0-9a-f]{7,12}|[0-9a-f]{40})[ \t]\S")
COMMIT_LIST_MAX = 1000


# `diff a b` without -u: ed-style hunk headers ("23,27c23,27", "5a6", "9d8") over the lines taken
# out ("< ") and put in ("> "), "---" between. No context: every other line is a change.
_NORMAL_HUNK = re.compile(r"\d+(?:,\d+)?[acd]\d+(?:,\d+)?$")
_NORMAL_DIFF_LINE = re.compile(r"[<>] |---$|\\ No newline|\d+(?:,\d+)?[acd]\d+(?:,\d+)?$")


def normal_diff(lines: list[str]) -> bool:
    """A diff in the normal format (opening on a hunk header, nearly every line of its grammar)."""
    first = next((x for x in lines if x.strip()), "")
    if _NORMAL_HUNK.match(first) is None:
        return False
    nonblank = [x for x in lines if x]
    return count_matches(_NORMAL_DIFF_LINE, nonblank) >= 0.95 * len(nonblank)


# A diff of two tables in daff's highlighter format (`daff a.csv b.csv`, CSV or TSV): a header row
# whose first cell is "@@" (under a "!" row when columns changed), then each row's first cell says
# what became of it: "+++" added, "---" removed, "->" changed (the cell "old->new"), "..." rows left
# out, nothing for a row shown as context.
_TABLE_DIFF_HEADER = re.compile(r"@@[,\t]")
_TABLE_DIFF_CONTEXT = ("", "...")


def rank_table_diff(lines: list[str]) -> list[int] | None:
    """Ranks for a table diff: every change stays, with the header rows (as every line of a diff
    without context does); the context rows go first. None for any other text."""
    head = next((i for i, x in enumerate(lines[:3]) if _TABLE_DIFF_HEADER.match(x)), None)
    if head is None:
        return None
    sep = lines[head][2]
    return [MUST if i <= head or x.partition(sep)[0] not in _TABLE_DIFF_CONTEXT else NORMAL for i, x in enumerate(lines)]


# A dry run's change list (tbump's "- pyproject.toml:35 current = \"7.2.0\"" over "+ pyproject.toml:35
# current = \"7.3.0\""): each line, taken out or put in at its place, is a change, as in a diff.
_PLACED_CHANGE = re.compile(r"[-+] [^\s:]+:\d+ ")


def change_list(lines: list[str]) -> bool:
    """Most lines are changes at a place, as many put in as taken out."""
    sample = [x for x in lines[:80] if x.strip()][:60]
    if sum(1 for x in sample if x[:2] in ("- ", "+ ")) < 0.6 * len(sample):
        return False  # decided on a sample: most texts are not change lists
    nonblank = [x for x in lines if x.strip()]
    changes = [x[0] for x in nonblank if x[:2] in ("- ", "+ ") and _PLACED_CHANGE.match(x)]
    return len(changes) >= 0.8 * len(nonblank) and abs(changes.count("+") - changes.count("-")) <= 0.2 * len(changes)


def commit_list(lines: list[str]) -> bool:
    """Most lines name a commit and say what it did: the list is the answer itself, like a git
    log's commit lines, which are never left out (up to 1,000 commits: a long history's
    `git log --oneline` is the list the model asked for)."""
    sample = [x for x in lines[:100] if x.strip()][:60]
    if not matches_at_least(COMMIT_LED, sample, 0.6 * len(sample)):
        return False  # decided on a sample: most texts are not commit lists
    nonblank = [x for x in lines if x.strip()]
    led = count_matches(COMMIT_LED, nonblank)
    return led >= 0.6 * len(nonblank) and led <= COMMIT_LIST_MAX


# A history printed a commit a line with each commit's details under it (`log --oneline --stat`,
# `--raw`, `--name-status`, `--dirstat`): the commit lines are the list the model may name back,
# as a commit list's are; the details are what may go.
_COMMITS_AMONG_DETAILS = 0.1  # commit lines, at least, of the nonblank lines
_COMMITS_AT_LEAST = 5


def keep_commit_lines(lines: list[str], rank: list[int]) -> None:
    """Lift to MUST every commit line of a history whose commits carry details (up to 1,000)."""
    sample = [x for x in lines[:100] if x.strip()][:60]
    if not matches_at_least(COMMIT_LED, sample, 2):
        return  # decided on a sample: most texts name no commit
    led = [i for i, x in enumerate(lines) if COMMIT_LED.match(x)]
    nonblank = sum(1 for x in lines if x.strip())
    if _COMMITS_AT_LEAST <= len(led) <= COMMIT_LIST_MAX and len(led) >= _COMMITS_AMONG_DETAILS * nonblank:
        for i in led:
            rank[i] = MUST


BLAME = re.compile(r"^\^?[0-9a-f]{7,40} (?:\S+ +){0,2}\((.+?) +\d{4}-\d\d-\d\d ")
# --porcelain / -p: a group opens with "<hash> <orig line> <final line> [<lines>]"; the first
# group of a commit (every group with --line-porcelain) follows it with "key value" lines
# (author, summary, filename …) and every group ends with the source line after a tab.
_PORCELAIN_HEAD = re.compile(r"[0-9a-f]{40} \d+ \d+(?: \d+)?")
_PORCELAIN_LINE = re.compile(r"[0-9a-f]{40} \d+ \d+(?: \d+)?$|[a-z]+(?:-[a-z]+)*(?: |$)|\t")
_PORCELAIN_MUST = ("author ", "summary ")  # who and why, as the default blame shows them


def _porcelain(lines: list[str]) -> bool:
    sample = [x for x in lines[:60] if x]
    return (
        len(sample) >= 5
        and _PORCELAIN_HEAD.fullmatch(sample[0]) is not None
        and matches_at_least(_PORCELAIN_LINE, sample, 0.95 * len(sample))
    )


def looks_blame(lines: list[str]) -> bool:
    sample = [x for x in lines[:40] if x]
    return len(sample) >= 5 and (matches_at_least(BLAME, sample, 0.8 * len(sample)) or _porcelain(lines))


def rank_blame(lines: list[str]) -> list[int]:
    """git blame: the first line of every run of one commit (its hash and author) must stay. In
    the porcelain format, the first group of each commit describes it: its opening line, author
    and summary must stay, its other header lines come next; headers repeated by later groups go
    first."""
    rank = [NORMAL] * len(lines)
    if _porcelain(lines):
        seen: set[str] = set()
        first = False
        for i, line in enumerate(lines):
            if _PORCELAIN_HEAD.fullmatch(line):
                commit = line[:40]
                first = commit not in seen
                seen.add(commit)
                if first:
                    rank[i] = MUST
            elif line[:1] != "\t" and line:
                rank[i] = (MUST if line.startswith(_PORCELAIN_MUST) else HIGH) if first else LOW
        return rank
    prev = None
    for i, line in enumerate(lines):
        commit = line.split(" ", 1)[0]
        if commit != prev:
            rank[i] = MUST
        prev = commit
    return rank


def _rank_combined_hunk(lines: list[str], i: int, cols: int, new: int, rank: list[int]) -> int:
    """The lines of a combined hunk from i, ranked as rank_git ranks a hunk's; the index after it.
    A line's first `cols` characters say, per parent, whether it was added (+) or removed (-)."""
    n = len(lines)
    changed: list[int] = []
    while i < n:
        mark = lines[i][:cols].rstrip("\r")  # a CRLF blank context line: "\r" after the clean-up
        if mark.strip(" +-") or (new <= 0 and "-" not in mark):
            break
        if "-" not in mark:
            new -= 1
        if mark.strip():
            changed.append(i)
        else:
            rank[i] = LOW
        i += 1
    small = len(changed) <= 10
    for k, at in enumerate(changed):
        rank[at] = MUST if small else HIGH if k < 6 or k >= len(changed) - 2 else CONTEXT
    return i


def rank_git(lines: list[str]) -> list[int]:
    """git log/show/diff: commit, author, date and subject lines, --stat and summaries, file
    headers and hunk headers must stay, and every changed line of a small hunk; a large hunk keeps
    its first and last changed lines first; commit bodies next; unchanged context lines go first.
    A hunk's extent comes from its header's line counts, so blank context lines cannot end it."""
    n = len(lines)
    rank = [NORMAL] * n
    header = False
    i = 0
    while i < n:
        line = lines[i]
        hunk = HUNK.match(line)
        combined = COMBINED_HUNK.match(line) if hunk is None and line.startswith("@@@") else None
        if combined:
            rank[i] = MUST
            i = _rank_combined_hunk(lines, i + 1, len(combined.group(1)) - 1, int(combined.group(2) or 1), rank)
            continue
        if hunk:
            rank[i] = MUST
            old = int(hunk.group(1) or 1)
            new = int(hunk.group(2) or 1)
            changed: list[int] = []
            i += 1
            while i < n and (old > 0 or new > 0):
                c = lines[i][:1]
                if c == "-":
                    old -= 1
                    changed.append(i)
                elif c == "+":
                    new -= 1
                    changed.append(i)
                elif c == "\\":
                    rank[i] = LOW
                elif c in (" ", "", "\r"):  # a blank context line lost its space to the clean-up (CRLF: "\r")
                    old -= 1
                    new -= 1
                    rank[i] = LOW
                else:
                    break
                i += 1
            small = len(changed) <= 10
            for k, at in enumerate(changed):
                rank[at] = MUST if small else HIGH if k < 6 or k >= len(changed) - 2 else CONTEXT
            continue
        if line.startswith("commit ") and GIT_COMMIT.fullmatch(line):
            rank[i] = MUST
            header = True
        elif line.startswith(("diff --git ", "diff --cc ", "--- ", "+++ ")) or line.startswith(GIT_META):
            rank[i] = MUST
            header = False
        elif line.startswith("index "):
            rank[i] = HIGH
        elif header and line.strip():
            rank[i] = MUST  # Author:, Date:, Merge: and the subject
            header = not line.startswith("    ")
        elif GIT_STAT.fullmatch(line) or GIT_SUMMARY.fullmatch(line.rstrip()):
            rank[i] = MUST
        elif line.strip() and line[:1] not in " \t+-@\\":
            # what git or the tool that printed the diff says between diffs: "CONFLICT (content): …",
            # black's "would reformat x.py" and its closing count (a changed line past the count
            # its hunk's header gave is no message)
            rank[i] = MUST
        i += 1
    return rank
