"""Lossy transforms for outputs with a known structure: git, `ls -l`, HTML, JSON documents.

Each keeps the lines a model navigates by (commit hashes and subjects, changed paths, hunk
headers, every directory entry name, headings and visible text, scalar JSON fields) and stores
the exact input for retrieval. All are pure: same input and settings, same bytes.
"""

from __future__ import annotations

import re
from json.encoder import encode_basestring

from .settings import CompressionSettings
from .transforms import LossyResult, _clip, _dump, _loads_exact, _retrieve, retrieve_id

# --------------------------------------------------------------------------- JSON preamble

_JSON_LINE_START = re.compile(r"^[ \t]*[\[{]", re.M)


def split_json_preamble(text: str, max_lines: int = 20) -> tuple[str, str] | None:
    """(leading non-JSON lines, JSON document) when the text is a JSON object/array preceded by a
    few other lines (npm prints `npm warn …` before its JSON); None otherwise. The preamble keeps
    its trailing newline, so preamble + body == text."""
    st = text.rstrip()
    if not st or st[-1] not in "]}":
        return None
    pos = 0
    for _ in range(max_lines + 1):
        m = _JSON_LINE_START.search(text, pos)
        if m is None:
            return None
        start = m.start()
        body = text[start:].strip()
        if body[0] == "{" and body[-1] == "}" or body[0] == "[" and body[-1] == "]":
            if start == 0 or text[:start].strip() == "":
                return None  # no preamble: plain JSON, handled elsewhere
            if text[:start].count("\n") > max_lines:
                return None
            return text[:start], text[start:]
        pos = m.end()
    return None


# --------------------------------------------------------------------------- json_outline


def json_outline(text: str, s: CompressionSettings) -> LossyResult | None:
    """A large JSON document (optionally after a few non-JSON lines) keeps its shape: every
    object key up to a per-object cap, the head and tail of long arrays and objects, and
    clipped long strings; scalars in small objects (name, version, license, URLs) all stay."""
    pre = split_json_preamble(text)
    if pre is None:
        preamble, body = "", text
    else:
        preamble, body = pre
    st = body.strip()
    if len(st) < s.json_array_min_chars:
        return None
    if not (st[0] == "{" and st[-1] == "}" or st[0] == "[" and st[-1] == "]"):
        return None
    try:
        data = _loads_exact(st)
    except (ValueError, RecursionError):
        return None
    rid = retrieve_id(text)
    ref = _retrieve(rid)
    head, tail = s.json_head_items, s.json_tail_items
    cap = s.json_array_min_items
    str_cap = s.max_line_chars * 2
    elided = 0

    def walk(v: object, depth: int) -> str:
        nonlocal elided
        if isinstance(v, dict):
            items = list(v.items())
            n = len(items)
            if n > cap:
                elided += 1
                parts = [encode_basestring(k) + ":" + walk(x, depth + 1) for k, x in items[:head]]
                parts.append(
                    encode_basestring(f"[… {n - head - tail:,} keys elided ({n:,} keys); {ref}]") + ":null"
                )
                parts += [encode_basestring(k) + ":" + walk(x, depth + 1) for k, x in items[n - tail :]]
            else:
                parts = [encode_basestring(k) + ":" + walk(x, depth + 1) for k, x in items]
            return "{" + ",".join(parts) + "}"
        if isinstance(v, list):
            n = len(v)
            if n > cap:
                elided += 1
                parts = [walk(x, depth + 1) for x in v[:head]]
                parts.append(
                    encode_basestring(f"[… {n - head - tail:,} items elided (items {head + 1}–{n - tail} of {n}); {ref}]")
                )
                parts += [walk(x, depth + 1) for x in v[n - tail :]]
            else:
                parts = [walk(x, depth + 1) for x in v]
            return "[" + ",".join(parts) + "]"
        if type(v) is str and len(v) > str_cap:
            elided += 1
            return encode_basestring(_clip(v, str_cap))
        return _dump(v)

    out = walk(data, 0)
    if not elided:
        return None
    return LossyResult(preamble + out, text, rid)


# --------------------------------------------------------------------------- git_output

_GIT_COMMIT = re.compile(r"commit [0-9a-f]{7,64}(?: \(.*\))?")
_GIT_STAT = re.compile(r" (.*?\S) +\| +(\d+ ?[+-]*|Bin .*)")
_GIT_SUMMARY = re.compile(r" ?\d+ files? changed(?:, \d+ insertions?\(\+\))?(?:, \d+ deletions?\(-\))?")
_GIT_META = (
    "new file mode", "deleted file mode", "old mode", "new mode", "rename from", "rename to",
    "copy from", "copy to", "similarity index", "dissimilarity index", "Binary files",
)  # fmt: skip
_GIT_PROBE = re.compile(
    r"^(?:commit [0-9a-f]{7,64}\b|diff --git |@@ -\d|(?: \S.*? \| +\d+ ?[+-]*$)| ?\d+ files? changed)", re.M
)
_GIT_GRAPH_CAP = 20


def looks_git(text: str) -> bool:
    """git log / show / diff (--stat) output: cheap check on the first lines."""
    hits = 0
    for m in _GIT_PROBE.finditer(text, 0, 6000):
        g = m.group(0)
        if g.startswith(("commit ", "diff --git ")):
            return True
        hits += 1
        if hits >= 3:
            return True
    return False


def git_output(text: str, s: CompressionSettings) -> LossyResult | None:
    """git log/show/diff: keep every commit line with its Author/Date and subject, --stat lines
    (graph shortened) and summaries, `diff --git` and file metadata lines, `@@` hunk headers and
    the first changed lines of each hunk; elide commit bodies, context and the rest of hunks."""
    if not looks_git(text):
        return None
    lines = text.split("\n")
    n = len(lines)
    keep: list[str | None] = [None] * n  # rendered kept line, or None = elided
    per_hunk = 6
    budget = s.log_max_kept_lines // 2
    mode = ""  # "", "header", "message", "diffhead", "hunk"
    shown = 0
    subject_done = False
    for i, line in enumerate(lines):
        if line.startswith("commit ") and _GIT_COMMIT.fullmatch(line):
            keep[i] = line
            mode, subject_done = "header", False
            continue
        if line.startswith("diff --git "):
            keep[i] = _clip(line, s.max_line_chars)
            mode = "diffhead"
            continue
        if mode == "header":
            if line.startswith(("Author:", "Date:", "Merge:", "AuthorDate:", "Commit:", "CommitDate:")):
                keep[i] = _clip(line, s.max_line_chars)
                continue
            mode = "message"
        if mode == "message":
            if line.startswith("    ") or not line:
                if line.strip() and not subject_done:
                    keep[i] = _clip(line, s.max_line_chars)
                    subject_done = True
                elif not line and not subject_done:
                    keep[i] = line
                continue
            mode = ""
        if mode == "diffhead":
            if line.startswith("@@"):
                mode = "hunk"
            elif line.startswith(_GIT_META):
                keep[i] = _clip(line, s.max_line_chars)
                continue
            elif line.startswith(("index ", "--- ", "+++ ")):
                continue
            else:
                mode = ""
        if line.startswith("@@ ") or line.startswith("@@@ "):
            keep[i] = _clip(line, s.max_line_chars)
            mode, shown = "hunk", 0
            continue
        if mode == "hunk":
            c = line[:1]
            if c in ("+", "-"):
                if shown < per_hunk and budget > 0:
                    keep[i] = _clip(line, s.max_line_chars)
                    shown += 1
                    budget -= 1
                continue
            if c in (" ", "\\") or (not line and i + 1 < n and lines[i + 1][:1] in (" ", "+", "-")):
                continue
            mode = ""
        m = _GIT_STAT.fullmatch(line)
        if m:
            graph = m.group(2)
            if len(graph) > _GIT_GRAPH_CAP:
                graph = graph[:_GIT_GRAPH_CAP] + "…"
            keep[i] = f" {m.group(1)} | {graph}"
            continue
        keep[i] = _clip(line, s.max_line_chars)  # summary lines and anything unrecognised
    rid = retrieve_id(text)
    out = [
        "[git output condensed: commits, subjects, --stat, diff --git and @@ lines kept; commit bodies, "
        f"context and most hunk lines elided; full output: {_retrieve(rid)}]"
    ]
    i = 0
    elided_any = False
    while i < n:
        k = keep[i]
        if k is not None:
            out.append(k)
            i += 1
            continue
        j = i
        size = 0
        while j < n and keep[j] is None:
            size += len(lines[j]) + 1
            j += 1
        if size <= 24:
            out.extend(lines[i:j])
        else:
            out.append(f"[… {j - i:,} lines elided]")
            elided_any = True
        i = j
    res = "\n".join(out)
    if not elided_any and len(res) >= len(text):
        return None
    return LossyResult(res, text, rid)


# --------------------------------------------------------------------------- ls_listing

_LS_ENTRY = re.compile(
    r"([-dlcbpsD])[rwxsStTl-]{9}[.+@]?\s+\d+\s+(\S+)\s+(\S+)\s+(\d+(?:,\s*\d+)?)\s+"
    r"(?:\w{3}\s+\d{1,2}|\d{1,2}\s+\w{3}|\d{4}-\d\d-\d\d)\s+(?:\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?(?: [+-]\d{4})?|\d{4})"
    r" (.*)"
)
_LS_TOTAL = re.compile(r"total \d+(?:[.,]\d+)?[KMGT]?")


def _ls_kind(line: str) -> str:
    """'entry', 'total', 'header', 'blank' or 'other'."""
    if not line:
        return "blank"
    if _LS_ENTRY.fullmatch(line):
        return "entry"
    if _LS_TOTAL.fullmatch(line):
        return "total"
    if line.endswith(":") and "  " not in line:
        return "header"
    return "other"


def looks_ls(text: str) -> bool:
    sample = [ln for ln in text.split("\n", 60)[:60] if ln]
    if len(sample) < 5:
        return False
    entries = sum(1 for ln in sample if _LS_ENTRY.fullmatch(ln))
    return entries >= 0.6 * len(sample)


def ls_listing(text: str, s: CompressionSettings) -> LossyResult | None:
    """`ls -l` / `ls -la` / `ls -laR`: every entry name and directory header kept; permissions,
    link counts, owner, group and dates dropped; `.`/`..` and `total` lines dropped; directories end
    with `/`, symlinks keep `-> target`, other files keep their size."""
    if not looks_ls(text):
        return None
    lines = text.split("\n")
    rid = retrieve_id(text)
    out = [
        "[ls -l listing compacted: one entry per line as `name size` (bytes), directories end with /, "
        f"permissions/owner/group/dates dropped; full listing: {_retrieve(rid)}]"
    ]
    others = 0
    for line in lines:
        m = _LS_ENTRY.fullmatch(line) if line[:1] in "-dlcbpsD" else None
        if m is None:
            if not line or _LS_TOTAL.fullmatch(line):
                continue
            out.append(_clip(line, s.max_line_chars))
            others += 1
            continue
        kind, size, name = m.group(1), m.group(4), m.group(5)
        if kind == "d":
            if name in (".", ".."):
                continue
            out.append(name + "/")
        elif kind == "l":
            out.append(name)
        elif kind == "-":
            out.append(f"{name} {size}")
        else:
            out.append(f"{name} [{kind}]")
    if others > 0.5 * len(out):
        return None
    return LossyResult("\n".join(out), text, rid)


# --------------------------------------------------------------------------- html_text

_HTML_PROBE = re.compile(r"\s*(?:<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b|<head\b)", re.I)
_HTML_DROP = re.compile(
    r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<!doctype[^>]*>",
    re.I | re.S,
)
_HTML_HEAD = re.compile(r"<(h[1-6]|title)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|tr|table|thead|tbody|section|article|header|footer|nav|main|aside|"
    r"pre|blockquote|dl|dt|dd|hr|form|fieldset|figure|figcaption|details|summary|body|head|html)\b[^>]*>",
    re.I,
)
_HTML_CELL = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^<>]*>")
_WS = re.compile(r"\s+")


def looks_html(text: str) -> bool:
    return _HTML_PROBE.match(text, 0, 2000) is not None


def html_text(text: str, s: CompressionSettings) -> LossyResult | None:
    """An HTML document becomes its visible text: scripts, styles and comments dropped, tags
    stripped, the title and h1–h6 kept on lines of their own (`#`-prefixed); entities are left as
    written."""
    if not looks_html(text):
        return None
    t = _HTML_DROP.sub("", text)

    def heading(m: re.Match[str]) -> str:
        tag = m.group(1).lower()
        inner = _WS.sub(" ", _HTML_TAG.sub(" ", m.group(2))).strip()
        if tag == "title":
            return f"\ntitle: {inner}\n"
        return f"\n{'#' * int(tag[1])} {inner}\n"

    t = _HTML_HEAD.sub(heading, t)
    t = _HTML_BLOCK.sub("\n", t)
    t = _HTML_CELL.sub(" | ", t)
    t = _HTML_TAG.sub("", t)
    lines: list[str] = []
    for ln in t.split("\n"):
        ln = " ".join(ln.split())  # whitespace runs to one space, ends trimmed (C speed)
        if ln:
            if ln[0] == "#" and lines and lines[-1]:
                lines.append("")  # a blank line before each heading, none elsewhere
            lines.append(ln)
    rid = retrieve_id(text)
    body = "\n".join(lines).strip("\n")
    out = f"[HTML reduced to visible text (markup, scripts and styles dropped); original: {_retrieve(rid)}]\n{body}"
    return LossyResult(out, text, rid)
