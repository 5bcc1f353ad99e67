"""Capture the outputs of OpenCode's own tools (glob, grep, read, webfetch, bash `cat`) exactly as the
real OpenCode renders them into the request it sends to the model, and write them as corpus items
with their needles (scripts/corpus/NEEDLES.md) to scripts/corpus/data/opencode.json.

How: the pinned OpenCode (`.tools/bin/opencode`) is run headless (`opencode run`) against the
project's local model stub (addon/headroom_mitm/stub), with an isolated HOME/XDG tree, no proxy and
no compression. The stub's script asks for one tool call per step; OpenCode runs each tool and
sends the result back; the tool-result texts are taken from the last request body the stub received
(which holds every result of the run). Documentation pages that exist on this machine (Node.js API
docs, Debian's python policy, Valgrind's manual, the Rust book) are served by a loopback
http.server and fetched by OpenCode's webfetch tool in markdown, text and html formats.

Run:  /work/main/.venv/bin/python scripts/corpus/capture_opencode.py
"""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import html.parser
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "addon"))

# Only the stub (a fake model server) is used from the project: no compression code is imported.
from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep, parse_conversation  # noqa: E402

OUT = ROOT / "scripts" / "corpus" / "data" / "opencode.json"
OPENCODE = ROOT / ".tools" / "bin" / "opencode"
RG = ROOT / ".venv" / "bin" / "rg"
RUN_TIMEOUT = 420  # seconds per OpenCode run; the runs go in parallel: the capture takes 20 s to 2 min

# --- what is captured ---------------------------------------------------------------------------

MP = str(ROOT / ".venv" / "lib" / "python3.11" / "site-packages" / "mitmproxy")
PY = "/usr/lib/python3.11"
NPM = "/usr/lib/node_modules/npm"
GO = "/usr/share/go-1.19/src"
ZLIB_EX = "/usr/share/doc/zlib1g-dev/examples"
LOCKFILE = f"{GO}/cmd/vendor/github.com/google/pprof/third_party/d3flamegraph/package-lock.json"
DIFF_MIN = f"{NPM}/node_modules/diff/dist/diff.min.js"
LRU_MIN = f"{NPM}/node_modules/lru-cache/dist/esm/index.min.js"
RUST_HTML = "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html"

# Served at http://127.0.0.1:PORT/<name>/...
DOC_ROOTS = {
    "nodejs": "/usr/share/doc/nodejs/api",
    "python3": "/usr/share/doc/python3",
    "valgrind": "/usr/share/doc/valgrind/html",
    "rust": RUST_HTML,
}


@dataclass
class Spec:
    id: str
    kind: str
    family: str
    tool: str
    args: dict[str, Any]  # may hold "{BASE}", replaced by the doc server's URL
    lang: str = ""  # for code: python, js, go, c, sh, markdown, json, minified
    source: str = ""  # the served HTML file, for webfetch items


SPECS: list[list[Spec]] = [
    # run 0: glob and grep
    [
        Spec("oc-glob-mitmproxy-addons-py", "oc-glob", "listing", "glob", {"pattern": "**/*.py", "path": f"{MP}/addons"}),
        Spec("oc-glob-go-net-http-tests", "oc-glob", "listing", "glob", {"pattern": "**/*_test.go", "path": f"{GO}/net/http"}),
        Spec("oc-glob-npm-package-json", "oc-glob", "listing", "glob", {"pattern": "**/package.json", "path": f"{NPM}/node_modules"}),
        Spec("oc-glob-python-email", "oc-glob", "listing", "glob", {"pattern": "**/*", "path": f"{PY}/email"}),
        Spec("oc-grep-mitmproxy-def-request", "oc-grep", "search", "grep", {"pattern": r"def (request|response)\(", "path": MP}),
        Spec("oc-grep-mitmproxy-raise", "oc-grep", "search", "grep", {"pattern": r"raise \w+Error\(", "path": f"{MP}/proxy", "include": "*.py"}),
        Spec("oc-grep-python-todo", "oc-grep", "search", "grep", {"pattern": "TODO|XXX|FIXME", "path": PY, "include": "*.py"}),
        Spec("oc-grep-npm-exports", "oc-grep", "search", "grep", {"pattern": r"module\.exports\s*=", "path": f"{NPM}/lib", "include": "*.js"}),
        Spec("oc-grep-go-func-new", "oc-grep", "search", "grep", {"pattern": r"^func New", "path": f"{GO}/net"}),
    ],
    # run 1: read
    [
        Spec("oc-read-py-mitmproxy-flow", "oc-read-source", "code", "read", {"filePath": f"{MP}/flow.py"}, "python"),
        Spec("oc-read-py-mitmproxy-http-range", "oc-read-source", "code", "read", {"filePath": f"{MP}/http.py", "offset": 300, "limit": 400}, "python"),
        Spec("oc-read-py-argparse-long", "oc-read-long", "code", "read", {"filePath": f"{PY}/argparse.py"}, "python"),
        Spec("oc-read-js-npm-ls", "oc-read-source", "code", "read", {"filePath": f"{NPM}/lib/commands/ls.js"}, "js"),
        Spec("oc-read-go-cookie", "oc-read-source", "code", "read", {"filePath": f"{GO}/net/http/cookie.go"}, "go"),
        Spec("oc-read-c-zlib-gzappend", "oc-read-source", "code", "read", {"filePath": f"{ZLIB_EX}/gzappend.c"}, "c"),
        Spec("oc-read-sh-dpkg-maintscript-helper", "oc-read-source", "code", "read", {"filePath": "/usr/bin/dpkg-maintscript-helper"}, "sh"),
        Spec("oc-read-md-nodejs-readme", "oc-read-doc", "doc", "read", {"filePath": "/usr/share/doc/nodejs/README.md"}, "markdown"),
        Spec("oc-read-lock-d3flamegraph", "oc-read-lockfile", "json", "read", {"filePath": LOCKFILE}, "json"),
        Spec("oc-read-min-diff", "oc-read-minified", "code", "read", {"filePath": DIFF_MIN}, "minified"),
        Spec("oc-read-min-lru-cache", "oc-read-minified", "code", "read", {"filePath": LRU_MIN}, "minified"),
    ],
    # run 2: webfetch
    [
        Spec("oc-webfetch-md-node-path", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/nodejs/path.html"}, source="nodejs/path.html"),
        Spec("oc-webfetch-md-node-querystring", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/nodejs/querystring.html", "format": "markdown"}, source="nodejs/querystring.html"),
        Spec("oc-webfetch-md-valgrind-quick-start", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/valgrind/quick-start.html"}, source="valgrind/quick-start.html"),
        Spec("oc-webfetch-md-rust-book-variables", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/rust/book/ch03-01-variables-and-mutability.html"}, source="rust/book/ch03-01-variables-and-mutability.html"),
        Spec("oc-webfetch-md-python-policy", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/python3/python-policy.html"}, source="python3/python-policy.html"),
        Spec("oc-webfetch-md-node-process", "oc-webfetch-markdown", "doc", "webfetch", {"url": "{BASE}/nodejs/process.html"}, source="nodejs/process.html"),
        Spec("oc-webfetch-text-node-tty", "oc-webfetch-text", "doc", "webfetch", {"url": "{BASE}/nodejs/tty.html", "format": "text"}, source="nodejs/tty.html"),
        Spec("oc-webfetch-text-valgrind-faq", "oc-webfetch-text", "doc", "webfetch", {"url": "{BASE}/valgrind/faq.html", "format": "text"}, source="valgrind/faq.html"),
        Spec("oc-webfetch-html-node-string-decoder", "oc-webfetch-html", "doc", "webfetch", {"url": "{BASE}/nodejs/string_decoder.html", "format": "html"}, source="nodejs/string_decoder.html"),
        Spec("oc-webfetch-html-valgrind-quick-start", "oc-webfetch-html", "doc", "webfetch", {"url": "{BASE}/valgrind/quick-start.html", "format": "html"}, source="valgrind/quick-start.html"),
    ],
    # run 3: bash cat
    [
        Spec("bash-cat-min-diff", "bash-cat-minified", "code", "bash", {"command": f"cat {DIFF_MIN}", "description": "Print diff.min.js"}, "minified"),
        Spec("bash-cat-min-lru-cache", "bash-cat-minified", "code", "bash", {"command": f"cat {LRU_MIN}", "description": "Print lru-cache index.min.js"}, "minified"),
        Spec("bash-cat-py-argparse-long", "bash-cat-source", "code", "bash", {"command": f"cat {PY}/argparse.py", "description": "Print argparse.py"}, "python"),
        Spec("bash-cat-py-mitmproxy-http", "bash-cat-source", "code", "bash", {"command": f"cat {MP}/http.py", "description": "Print mitmproxy/http.py"}, "python"),
        Spec("bash-cat-c-zlib-gzlog", "bash-cat-source", "code", "bash", {"command": f"cat {ZLIB_EX}/gzlog.c", "description": "Print gzlog.c"}, "c"),
    ],
]

# --- the lossless clean-up and needle helpers -----------------------------------------------------

ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
MAX_NEEDLE = 200


def clean(text: str) -> str:
    """NEEDLES.md's lossless clean-up: ANSI colour removed, carriage-return progress collapsed to
    its last state, trailing blanks removed (per line, and trailing empty lines)."""
    text = ANSI_RE.sub("", text).replace("\r\n", "\n")
    lines = []
    for line in text.split("\n"):
        if "\r" in line:
            parts = [p for p in line.split("\r") if p]
            line = parts[-1] if parts else ""
        lines.append(line.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def cap(line: str) -> str:
    """A line as a needle: leading/trailing blanks dropped, at most its first 200 characters."""
    return line.strip()[:MAX_NEEDLE]


def dedupe(needles: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for n in needles:
        key = json.dumps(n, sort_keys=True)
        if n and key not in seen:
            seen.add(key)
            out.append(n)
    return out


# OpenCode's own status lines (what it says about truncation and where the full output went).
OC_STATUS_RE = re.compile(
    r"^\s*(\(End of file - total \d+ lines\)|\(Showing lines .*\)|\(Output capped at .*\)|\(File has more lines.*\)"
    r"|\(Results are truncated.*\)|\(Results truncated.*\)|\(Some paths were inaccessible.*\)|\.\.\.\d+ bytes truncated\.\.\.)$"
    r"|Full output saved to: |full content saved to "
)


def status_needles(lines: list[str]) -> list[str]:
    """Rule 3/5: the tool's closing summary / truncation notice (where the rest of the output is)."""
    return [cap(line) for line in lines if OC_STATUS_RE.search(line)]


# --- per-kind needle extractors ---------------------------------------------------------------------


def needles_glob(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-glob: every path listed when there are at most 100 of them; otherwise every distinct
    directory part and, for each distinct file extension, the first path having it. Plus OpenCode's
    truncation notice when present (rule 3)."""
    lines = text.split("\n")
    paths = [l.strip() for l in lines if l.strip().startswith("/")]
    if len(paths) <= 100:
        needles: list[Any] = list(paths)
    else:
        needles = sorted({os.path.dirname(p) for p in paths})
        by_ext: dict[str, str] = {}
        for p in paths:
            by_ext.setdefault(os.path.splitext(p)[1], p)
        needles += list(by_ext.values())
    needles += status_needles(lines)
    return needles, "glob: every path (<=100, else every directory part and one path per extension) + truncation notice"


GREP_FILE_RE = re.compile(r"^(/.*):$")
GREP_MATCH_RE = re.compile(r"^\s+Line \d+: ")


def needles_grep(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-grep: the "Found N matches" header (rule 3), every matched file path and every match line
    as rendered ("Line N: ..."), and OpenCode's truncation notices."""
    lines = text.split("\n")
    needles: list[Any] = [cap(l) for l in lines if l.startswith("Found ") and "match" in l]
    for line in lines:
        m = GREP_FILE_RE.match(line)
        if m:
            needles.append(cap(m.group(1)))
        elif GREP_MATCH_RE.match(line):
            needles.append(cap(line))
    needles += status_needles(lines)
    return needles, "grep: Found-N header, every matched file path, every match line as rendered, truncation notices"


# First line of a definition, by language (applied to the code text of one line).
_JS_KEYWORDS = {"if", "for", "while", "switch", "catch", "return", "function", "with", "else", "do", "try", "new", "typeof", "await"}
DEF_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "python": [re.compile(r"^\s*(async\s+def|def|class)\s+\w+")],
    "js": [
        re.compile(r"^\s*(export\s+)?(default\s+)?(async\s+)?function\b"),
        re.compile(r"^\s*(export\s+)?(default\s+)?class\s+\w+"),
        re.compile(r"^\s*(export\s+)?(const|let|var)\s+\w+\s*=\s*(async\s+)?(function\b|\([^)]*\)\s*=>|\w+\s*=>)"),
        re.compile(r"^\s+(static\s+)?(async\s+)?(get\s+|set\s+)?\*?#?(?P<name>\w+)\s*\([^)]*\)\s*\{\s*$"),
    ],
    "go": [re.compile(r"^func\s"), re.compile(r"^type\s+\w+\s+(struct|interface)\b")],
    "c": [
        re.compile(r"^(?!(if|for|while|switch|return|else|typedef|do|case)\b)[A-Za-z_][\w \t\*]*?\b\w+\s*\([^;=]*$"),
        re.compile(r"^(typedef\s+)?(struct|union|enum)\s+\w*\s*\{"),
    ],
    "sh": [re.compile(r"^\s*(function\s+[\w-]+|[\w-]+\s*\(\)\s*\{?)\s*")],
}


def is_definition(code: str, lang: str) -> bool:
    for pattern in DEF_PATTERNS.get(lang, []):
        m = pattern.match(code)
        if not m:
            continue
        name = m.groupdict().get("name")
        if name and name in _JS_KEYWORDS:
            continue
        return True
    return False


READ_LINE_RE = re.compile(r"^(\d+): ?(.*)$")


def read_content_lines(text: str) -> list[tuple[str, str]]:
    """(rendered line, code) for every numbered line inside a read tool's <content> block."""
    out = []
    inside = False
    for line in text.split("\n"):
        if line == "<content>":
            inside = True
            continue
        if line == "</content>":
            inside = False
            continue
        m = READ_LINE_RE.match(line)
        if inside and m:
            out.append((line, m.group(2)))
    return out


def markdown_headings(rows: list[tuple[str, str]]) -> list[str]:
    """Rendered lines whose code is a markdown heading (outside fenced code blocks)."""
    out, fenced = [], False
    for rendered, code in rows:
        if code.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced and re.match(r"^#{1,6}\s+\S", code):
            out.append(cap(rendered))
    return out


def needles_read_source(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-read-source / oc-read-long / oc-read-doc (rule 6): every heading (markdown `#` lines) and
    the first line of every function/class/type definition (per-language patterns in DEF_PATTERNS),
    each as rendered with its line number; plus the read tool's closing status line (end of file /
    lines shown and the offset to continue from)."""
    rows = read_content_lines(text)
    if spec.lang == "markdown":
        needles: list[Any] = markdown_headings(rows)
    else:
        needles = [cap(rendered) for rendered, code in rows if is_definition(code, spec.lang)]
    needles += status_needles(text.split("\n"))
    return needles, f"rule 6 ({spec.lang}): every heading and first line of every definition, as rendered; + read status line"


def needles_read_minified(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-read-minified (rule 6 for minified code): the first 200 characters of every code line as
    rendered (each minified line is a run of definitions), plus the read tool's status line."""
    rows = read_content_lines(text)
    needles: list[Any] = [cap(rendered) for rendered, code in rows if code.strip()]
    needles += status_needles(text.split("\n"))
    return needles, "rule 6 (minified): first 200 chars of every code line as rendered; + read status line"


def needles_lockfile(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-read-lockfile (rule 5, package-lock.json): for every direct dependency (dependencies and
    devDependencies of the package.json beside the lock file), the rendered line opening its entry
    and the rendered line of its resolved "version"; plus the read tool's status line."""
    manifest = json.loads((Path(spec.args["filePath"]).parent / "package.json").read_text())
    direct = list(manifest.get("dependencies", {})) + list(manifest.get("devDependencies", {}))
    rows = read_content_lines(text)
    needles: list[Any] = []
    for name in direct:
        # lockfileVersion 1: "dependencies": {"name": {...}}; v2/v3: "packages": {"node_modules/name": {...}}
        openers = (f'    "{name}": {{', f'    "node_modules/{name}": {{')
        for i, (rendered, code) in enumerate(rows):
            if code in openers:
                needles.append(cap(rendered))
                for rendered2, code2 in rows[i + 1 : i + 40]:
                    if code2.startswith('      "version": '):
                        needles.append(cap(rendered2))
                        break
                break
    needles += status_needles(text.split("\n"))
    return needles, "rule 5 (package-lock): entry line and resolved version line of every direct dependency; + read status line"


def bash_code_lines(text: str) -> list[str]:
    """The lines of a bash tool output after OpenCode's truncation header, if any."""
    lines = text.split("\n")
    if lines and lines[0].startswith("...output truncated..."):
        i = 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("Full output saved to:")):
            i += 1
        return lines[i:]
    return lines


def needles_bash_cat(text: str, spec: Spec) -> tuple[list[Any], str]:
    """bash-cat-minified / bash-cat-source (rule 6 on code printed by a tool): for minified code the
    first 200 characters of every code line; for source, the first line of every definition (per
    DEF_PATTERNS). Plus OpenCode's "Full output saved to:" line when it truncated the output
    (rule 5: where the rest is)."""
    code_lines = bash_code_lines(text)
    if spec.lang == "minified":
        needles: list[Any] = [cap(l) for l in code_lines if l.strip()]
        rule = "rule 6 (minified): first 200 chars of every code line"
    else:
        needles = [cap(l) for l in code_lines if is_definition(l, spec.lang)]
        rule = f"rule 6 ({spec.lang}): first line of every definition"
    needles += status_needles(text.split("\n")[:5])
    return needles, rule + "; + OpenCode's saved-output line when truncated"


SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)")


def first_sentence(line: str) -> str:
    """The line's text up to the first `.`, `!` or `?` followed by a blank or the line end that closes
    at least 3 words (so "1.1." or "e.g." do not end it); the whole line when there is none; at most
    200 characters."""
    s = line.strip()
    for m in SENTENCE_END_RE.finditer(s):
        if len(s[: m.end()].split()) >= 3:
            return s[: m.end()][:MAX_NEEDLE]
    return s[:MAX_NEEDLE]


def is_prose(line: str) -> bool:
    """A line of running text: at least 5 words, not a table row, list of links, or markup."""
    s = line.strip()
    if len(s.split()) < 5 or s.startswith(("|", "<", "```", "-   [", "*   [", "[")):
        return False
    return bool(re.search(r"[A-Za-z]{3,}", s))


def needles_webfetch_markdown(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-webfetch-markdown (rule 5, documentation page): every heading (`#` lines outside fenced
    code) and the first sentence under each (of the first prose line before the next heading: >= 5
    words, not a table row / link list / code; cut at the line end); plus OpenCode's truncation notice."""
    lines = text.split("\n")
    needles: list[Any] = []
    fenced = False
    pending = False  # a heading waiting for its first sentence
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        if re.match(r"^#{1,6}\s+\S", line):
            needles.append(cap(line))
            pending = True
        elif pending and is_prose(line):
            needles.append(first_sentence(line))
            pending = False
    needles += status_needles(lines)
    return needles, "doc page: every heading and the first sentence under each; + truncation notice"


class _Headings(html.parser.HTMLParser):
    """Collects the text of every h1-h6 element of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.prior: list[int] = []  # per heading: earlier text nodes holding the same text (a TOC)
        self._nodes: list[str] = []
        self._depth = 0
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._depth:
            self._depth -= 1
            if not self._depth:
                t = " ".join("".join(self._buf).split())
                if t:
                    self.headings.append(t)
                    key = "".join(t.split())
                    self.prior.append(sum(1 for n in self._nodes if n == key))
                self._buf = []

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._buf.append(data)
        else:
            self._nodes.append("".join(data.split()))


def needles_webfetch_text(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-webfetch-text (rule 5, documentation page): the text format has no heading markers, so
    the headings are the h1-h6 elements of the served HTML; each is located as the output line whose
    text equals it (whitespace-insensitive), skipping as many earlier equal lines as the page has
    earlier text nodes with that text (a table of contents); then the first sentence of the first
    prose line after it (before the next heading); plus OpenCode's truncation notice."""
    parser = _Headings()
    parser.feed(Path(DOC_SERVE_DIR, spec.source).read_text(errors="replace"))
    lines = text.split("\n")
    squashed = ["".join(l.split()) for l in lines]
    positions: list[int] = []
    for heading, prior in zip(parser.headings, parser.prior):
        key = "".join(heading.split())
        found = [i for i, s in enumerate(squashed) if s == key]
        if found:
            positions.append(found[min(prior, len(found) - 1)])
    positions = sorted(set(positions))
    needles: list[Any] = []
    for n, pos in enumerate(positions):
        needles.append(cap(lines[pos]))
        end = positions[n + 1] if n + 1 < len(positions) else len(lines)
        for line in lines[pos + 1 : end]:
            if is_prose(line):
                needles.append(first_sentence(line))
                break
    needles += status_needles(lines)
    return needles, "doc page (text): every h1-h6 heading of the page as an output line and the first sentence under each; + truncation notice"


def needles_webfetch_html(text: str, spec: Spec) -> tuple[list[Any], str]:
    """oc-webfetch-html (rule 5, documentation page as raw HTML): for every h1-h6 element, the line
    holding its text (the opening line, or the next line with text when the opening line has none
    after the tag) and, under each, the first line that starts with a <p> element whose text (tags removed)
    is prose, before the next heading (each capped to its first 200 characters); plus OpenCode's
    truncation notice."""
    lines = text.split("\n")
    heading_re = re.compile(r"<h[1-6][\s>]", re.I)
    needles: list[Any] = []
    pending = False
    def has_text(fragment: str) -> bool:
        return bool(re.search(r"\w", re.sub(r"<[^>]*>|<[^>]*$", "", fragment)))

    for i, line in enumerate(lines):
        m = heading_re.search(line)
        if m:
            if has_text(line[m.start():]):
                needles.append(cap(line))
            else:
                for nxt in lines[i + 1 : i + 6]:
                    if has_text(nxt):
                        needles.append(cap(nxt))
                        break
            pending = True
        elif pending and re.match(r"\s*<p[\s>]", line, re.I) and is_prose(re.sub(r"<[^>]*>", "", line)):
            needles.append(cap(line))
            pending = False
    needles += status_needles(lines)
    return needles, "doc page (html): every heading line and the first <p> line under each; + truncation notice"


EXTRACTORS: dict[str, Callable[[str, Spec], tuple[list[Any], str]]] = {
    "oc-glob": needles_glob,
    "oc-grep": needles_grep,
    "oc-read-source": needles_read_source,
    "oc-read-long": needles_read_source,
    "oc-read-doc": needles_read_source,
    "oc-read-lockfile": needles_lockfile,
    "oc-read-minified": needles_read_minified,
    "oc-webfetch-markdown": needles_webfetch_markdown,
    "oc-webfetch-text": needles_webfetch_text,
    "oc-webfetch-html": needles_webfetch_html,
    "bash-cat-minified": needles_bash_cat,
    "bash-cat-source": needles_bash_cat,
}


def split_of(item_id: str) -> str:
    return "heldout" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 3 == 0 else "tune"


# --- driving OpenCode ---------------------------------------------------------------------------------

DOC_SERVE_DIR = ""  # set in main(): a temp dir of symlinks to DOC_ROOTS


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def start_doc_server(serve_dir: str) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=serve_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def opencode_env(tmp: Path, work: Path, stub_url: str) -> dict[str, str]:
    home = tmp / "home"
    env = {
        "PATH": os.pathsep.join([str(OPENCODE.parent), str(RG.parent), "/usr/bin", "/bin"]),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "TMPDIR": str(tmp / "tmp"),
        "PWD": str(work),  # OpenCode's project directory comes from PWD
        "LANG": "C.UTF-8",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "OPENCODE_DISABLE_MODELS_FETCH": "1",
        "OPENCODE_DISABLE_AUTOUPDATE": "1",
        # no proxy variables at all; loopback spelled out anyway
        "NO_PROXY": "127.0.0.1,localhost,::1",
        "no_proxy": "127.0.0.1,localhost,::1",
        "OPENCODE_CONFIG_CONTENT": json.dumps(
            {
                "provider": {
                    "stub": {
                        "npm": "@ai-sdk/openai-compatible",
                        "options": {"baseURL": f"{stub_url}/v1", "apiKey": "sk-corpus-capture"},
                        "models": {"stub-model": {}},
                    }
                },
                # the search targets live outside the (empty) project directory
                "permission": {"external_directory": "allow"},
            }
        ),
    }
    return env


def run_opencode(tmp: Path, specs: list[Spec], base_url: str) -> list[tuple[Spec, dict[str, Any], str, bool]]:
    """One `opencode run` whose model (the stub) calls every spec's tool in turn; returns
    (spec, arguments as sent, tool-result text, is_error) in order."""
    work = tmp / "work"
    for d in (work, tmp / "tmp", tmp / "home" / ".cache" / "opencode" / "bin"):
        d.mkdir(parents=True, exist_ok=True)
    shutil.copy(RG, tmp / "home" / ".cache" / "opencode" / "bin" / "rg")
    calls = []
    for spec in specs:
        args = {k: (v.replace("{BASE}", base_url) if isinstance(v, str) else v) for k, v in spec.args.items()}
        calls.append(args)
    steps = [ToolCallStep(spec.tool, args) for spec, args in zip(specs, calls)]
    script = Script(steps=(*steps, TextStep("Done reading.")), title="corpus capture", name="corpus-capture")
    with StubServer(script) as stub:
        # its own process group, so that everything it starts (shell commands, a background npm
        # install) is ended with it
        proc = subprocess.Popen(
            [str(OPENCODE), "run", "--title", "corpus capture", "-m", "stub/stub-model", "run", "the", "tools"],
            cwd=work,
            env=opencode_env(tmp, work, stub.base_url),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            _, stderr = proc.communicate(timeout=RUN_TIMEOUT)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            if proc.poll() is None:
                proc.wait()
        posts = [r for r in stub.requests if r.method == "POST" and isinstance(r.json, dict)]
    if proc.returncode != 0:
        raise RuntimeError(f"opencode run failed rc={proc.returncode}: {stderr[-2000:]}")
    conv = parse_conversation("openai", posts[-1].json)
    tool_calls = conv.tool_calls
    results = {r.call_id: r for r in conv.tool_results}
    if len(tool_calls) != len(specs) or len(results) != len(specs):
        raise RuntimeError(f"expected {len(specs)} tool results, got {len(results)} (calls {len(tool_calls)})")
    out = []
    for spec, sent, call in zip(specs, calls, tool_calls):
        if call.name != spec.tool or dict(call.arguments) != sent:
            raise RuntimeError(f"{spec.id}: call mismatch {call.name} {dict(call.arguments)}")
        result = results[call.call_id]
        out.append((spec, sent, result.content, result.is_error))
    return out


def check_needles(item_id: str, text: str, needles: list[Any]) -> None:
    cleaned_lines = clean(text).split("\n")
    raw_lines = text.split("\n")
    for needle in needles:
        options = needle["any"] if isinstance(needle, dict) else [needle]
        for s in options:
            assert isinstance(s, str) and s and len(s) <= MAX_NEEDLE, (item_id, s)
            assert any(s in line for line in cleaned_lines), f"{item_id}: needle not on one cleaned line: {s!r}"
            assert any(s in line for line in raw_lines), f"{item_id}: needle not on one raw line: {s!r}"


def main() -> int:
    global DOC_SERVE_DIR
    t0 = time.monotonic()
    for path in (OPENCODE, RG):
        if not os.access(path, os.X_OK):
            print(f"missing {path}: run scripts/setup.sh", file=sys.stderr)
            return 1
    tmp = Path(tempfile.mkdtemp(prefix="oc-corpus-"))
    serve_dir = tmp / "docs"
    serve_dir.mkdir()
    for name, target in DOC_ROOTS.items():
        (serve_dir / name).symlink_to(target)
    DOC_SERVE_DIR = str(serve_dir)
    server = start_doc_server(str(serve_dir))
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    items = []
    try:
        def one_run(n: int) -> list[tuple[Spec, dict[str, Any], str, bool]]:
            captured = run_opencode(tmp / f"run{n}", SPECS[n], base_url)
            print(f"run {n}: {len(captured)} tool results in {time.monotonic() - t0:.0f}s", flush=True)
            return captured

        with concurrent.futures.ThreadPoolExecutor(len(SPECS)) as pool:
            runs = list(pool.map(one_run, range(len(SPECS))))
        for captured in runs:
            for spec, sent, text, is_error in captured:
                if is_error or text.lstrip().startswith(("Error", "<error>")):
                    raise RuntimeError(f"{spec.id}: tool error: {text[:500]}")
                if spec.tool == "bash" and not text.startswith("...output truncated..."):
                    printed = Path(spec.args["command"].split(" ", 1)[1]).read_text()
                    if text.rstrip("\n") != printed.rstrip("\n"):
                        # OpenCode can drop the end of a fast command's output: kept as sent, but said
                        print(f"note: {spec.id}: OpenCode sent {len(text)} of {len(printed)} chars", file=sys.stderr)
                cleaned = clean(text)
                needles, rule = EXTRACTORS[spec.kind](cleaned, spec)
                needles = dedupe(needles)
                check_needles(spec.id, text, needles)
                command = dict(sent)
                if "url" in command:  # the port changes per run: record the URL path only
                    command["url"] = command["url"].replace(base_url, "http://127.0.0.1:PORT")
                items.append(
                    {
                        "id": spec.id,
                        "kind": spec.kind,
                        "family": spec.family,
                        "tool": spec.tool,
                        "command": json.dumps(command, sort_keys=True),
                        "text": text,
                        "needles": needles,
                        "needle_rule": rule,
                        "split": split_of(spec.id),
                    }
                )
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(tmp, ignore_errors=True)
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    assert len(items) >= 16 and len({i["kind"] for i in items}) >= 6
    for it in items:
        size = len(it["text"].encode())
        assert it["needles"], f"{it['id']}: no needles"
        if not 2000 <= size <= 60000:
            print(f"warning: {it['id']} is {size} bytes (aim: 2 KB to ~50 KB)", file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"version": 2, "items": items}, indent=1, ensure_ascii=False) + "\n")
    kinds: dict[str, list[int]] = {}
    for it in items:
        kinds.setdefault(it["kind"], []).append(len(it["needles"]))
    for kind, counts in kinds.items():
        print(f"{kind:24s} items={len(counts):2d} needles={sum(counts)}")
    for it in items:
        print(f"  {it['id']:42s} {len(it['text'].encode()):7d} B  needles={len(it['needles']):4d}  {it['split']}")
    held = sum(1 for it in items if it["split"] == "heldout")
    print(f"{len(items)} items, {held} held out -> {OUT} ({time.monotonic() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
