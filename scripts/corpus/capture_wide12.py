#!/usr/bin/env python3
"""Capture round 12 of the compression corpus (issue #11): SEARCHES, LISTINGS AND LOGS, MADE MANY WAYS.
Searches (rg and grep and git grep with many flag sets, find predicates, OpenCode's own grep and glob tools),
listings (ls/find/tree/du/stat variants, pip/npm listings, git ls-files, ps/ss/lsof tables) and logs (real
uvicorn, gunicorn, django runserver, express+morgan, pino, fastify, python logging, structlog, loguru runs under a
short loopback load; pip/npm verbose installs; a pytest DEBUG run; a stack trace in thousands of INFO lines;
ANSI colours, CR progress, retries with backoff, one rare WARN, durations) over real packages installed into
scratch dirs. This module holds the round's kinds (each rule written next to its kind, before anything was
captured) and main(); the captures are in capture_wide12_search.py, capture_wide12_list.py,
capture_wide12_logs.py and capture_wide12_logs2.py.

Method (as capture_wide11.py): every item's text is what a program REALLY printed here. Needles follow
scripts/corpus/NEEDLES.md and are computed from the raw output by the extractor of the kind, before anything was
measured; nothing captured here was compressed by its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide12.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide12.json  as {"version": 2, "items": [...]}, ids prefixed "wide12-".
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import categorical, num, rule4, ws_rows  # noqa: E402
from capture_more import kind, mask, named  # noqa: E402

ID_PREFIX = "wide12-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide12.json"
TMP = Path("/tmp/hm-corpus-wide12")
TOOLS = Path("/tmp/hm-corpus-wide12-tools")

Extractor = Callable[[list[str]], list]


PROBLEM = re.compile(r"Permission denied|No such file|Binary file .* matches|binary file matches|Is a directory|"
                     r"Operation not permitted|[Ee]rror:|warning:")


def problems(lines: list[str]) -> list[str]:
    """Rule 1 on a search or listing: every error / binary-file notice line mixed into the output."""
    return [ln for ln in lines if PROBLEM.search(ln)]


# ================================================================== searches

MATCH = re.compile(r"^(?:\./)?(?P<path>[^\s:][^:]*?):(?P<line>\d+):")


def grep_style(name: str, first_files: int = 30) -> Extractor:
    """Rule 5 on a path:line:text search (grep -rn, rg -n --no-heading, git grep -n/-p/-W, --vimgrep): the 'path:line:' prefix of every match line of the first 30 files; git grep -p's function lines ('path=N=def …'); + every binary/permission/error notice."""
    def ext(lines):
        out, files = [], []
        for ln in lines:
            m = MATCH.match(ln)
            if not m:
                continue
            if m.group("path") not in files:
                files.append(m.group("path"))
            if len(files) <= first_files:
                out.append(m.group(0))
        return out + [ln for ln in lines if re.match(r"^[^\s:=]+=\d+=", ln)] + problems(lines)
    return named(name, "search", grep_style.__doc__.strip().splitlines()[0], ext)


def whole_match_lines(name: str, first_files: int = 30) -> Extractor:
    """Rule 5 on a search printing only what matched (grep -o, rg -o, rg -w on short lines): every match line (path:line:value) of the first 30 files; + every notice."""
    def ext(lines):
        out, files = [], []
        for ln in lines:
            m = MATCH.match(ln)
            if m:
                files += [m.group("path")] if m.group("path") not in files else []
                if len(files) <= first_files:
                    out.append(ln)
        return out + problems(lines)
    return named(name, "search", whole_match_lines.__doc__.strip().splitlines()[0], ext)


def heading_style(name: str, first_files: int = 30) -> Extractor:
    """Rule 5 on a grouped search (rg --heading, git grep --heading --break, ack): every file header line and every 'N:' match line under the first 30 files; git grep -p's function lines ('path=N=def'); + notices."""
    def ext(lines):
        out, nfiles = [], 0
        for i, ln in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if ln and not re.match(r"^\d+[:\-=]", ln) and re.match(r"^\d+[:\-=]", nxt):
                nfiles += 1
                if nfiles <= first_files:
                    out.append(ln)
            elif re.match(r"^\d+[:=]", ln) and nfiles <= first_files:
                out.append(ln)
        return out + problems(lines)
    return named(name, "search", heading_style.__doc__.strip().splitlines()[0], ext)


def path_list(name: str, family: str, limit: int = 100) -> Extractor:
    """Rule 5 on a list of paths (grep -l/-L, rg -l/--files, find -name, git ls-files, fd): every path when at most 100, else every distinct directory and the first path of each extension; + every notice."""
    def ext(lines):
        paths = [ln.strip() for ln in lines if ln.strip() and not PROBLEM.search(ln)]
        if len(paths) <= limit:
            out = list(paths)
        else:
            out = sorted({os.path.dirname(p) for p in paths if os.path.dirname(p)})
            by_ext: dict[str, str] = {}
            for p in paths:
                by_ext.setdefault(os.path.splitext(p)[1], p)
            out += list(by_ext.values())
        return out + problems(lines)
    return named(name, family, path_list.__doc__.strip().splitlines()[0], ext)


def values_of(name: str) -> Extractor:
    """Rule 4/5 on 'grep -r . dir' (a directory of one-value files printed as path:value): every line whose value is rare (at most 2 files) while one value covers half the files, the rows of the largest and smallest numeric value; + every error line (Permission denied …)."""
    def ext(lines):
        rows = [(ln, {"v": ln.split(":", 1)[1].strip(), "n": num(ln.split(":", 1)[1].split()[0] if ln.split(":", 1)[1].split() else "")})
                for ln in lines if ":" in ln and not PROBLEM.search(ln)]
        nums = [(r["n"], ln) for ln, r in rows if r["n"] is not None]
        out = rule4(rows, cat=["v"])
        out += [max(nums)[1], min(nums)[1]] if nums else []
        return out + problems(lines)
    return named(name, "search", values_of.__doc__.strip().splitlines()[0], ext)


def count_lines(name: str) -> Extractor:
    """Rule 4/5 on per-file counts (grep -c, rg -c, git grep --count, uniq -c): every nonzero 'path:count' line when at most 60, else the 20 largest and the smallest nonzero; + any total line and notices."""
    def ext(lines):
        rows = []
        for ln in lines:
            m = re.match(r"^(.*):(\d+)$", ln) or re.match(r"^\s*(\d+)\s+(.*)$", ln)
            if m:
                n = int(m.group(2)) if m.group(2).isdigit() else int(m.group(1))
                if n:
                    rows.append((n, ln))
        if len(rows) <= 60:
            out = [ln for _, ln in rows]
        else:
            srt = sorted(rows, key=lambda r: -r[0])
            out = [ln for _, ln in srt[:20]] + [srt[-1][1]]
        return out + [ln for ln in lines if re.search(r"(?i)\btotal\b", ln)] + problems(lines)
    return named(name, "search", count_lines.__doc__.strip().splitlines()[0], ext)


@kind("rg-json-stream", "search")
def n_rg_json(lines):
    """Rule 5 on rg --json: the first 200 characters of every "match" message of the first 30 files (its path), every "begin" line of them, and the "summary" line."""
    out, files = [], 0
    for ln in lines:
        if ln.startswith('{"type":"begin"'):
            files += 1
            if files <= 30:
                out.append(ln)
        elif ln.startswith('{"type":"match"') and files <= 30:
            out.append(ln)
        elif ln.startswith('{"type":"summary"'):
            out.append(ln)
    return out


# ================================================================== listings

LS_ROW = re.compile(r"^\s*(?:\d+\s+){0,2}(?P<perm>[-dlcbps][-rwxsStT]{9}[.+@]?)\s+(?P<links>\d+)\s+(?P<owner>\S+)\s+(?P<group>\S+)\s+"
                    r"(?P<size>[\d.,]+[KMGT]?)\s+(?P<date>\w{3}\s+\d+\s+[\d:]{4,5}|\d{4}-\d\d-\d\d[ T][\d:.]+(?: [+-]\d{4})?|"
                    r"\d{4}-\d\d-\d\d|\w{3} \w{3}\s+\d+ [\d:.]+ \d{4}(?: [+-]\d{4})?|\w{3}\s+\d+\s+\d{4})\s+(?P<name>.+)$")
MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def _when(d: str) -> tuple:
    """A sortable key for ls's date column in any of its formats (recent 'Mon DD HH:MM' sorts after older years)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)[ T]?([\d:.]*)", d)
    if m:
        return (int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4))
    m = re.match(r"(?:\w{3} )?(\w{3})\s+(\d+)\s+([\d:.]+)(?:\s+(\d{4}))?", d)
    if m:
        mon, day, a, year = m.groups()
        if year:  # --full-time's 'Mon Nov 30 18:01:02 2026'
            return (int(year), MONTHS.get(mon, 0), int(day), a)
        if ":" in a:
            return (9999, MONTHS.get(mon, 0), int(day), a)
        return (int(a), MONTHS.get(mon, 0), int(day), "")
    return (0,)


def ls_rows(lines: list[str]) -> list[tuple[str, dict]]:
    return [(ln, m.groupdict()) for ln in lines for m in [LS_ROW.match(ln)] if m]


@kind("ls-long", "listing")
def n_ls_long(lines):
    """Rules 4+5 on a long listing (ls -l variants, find -ls): every directory header ('path:'), every directory entry (type d) when at most 60, the rows of the largest and smallest size and of the newest and oldest date, and every row with a rare type/permission/owner/group (rule 4)."""
    rows = ls_rows(lines)
    out = [ln for ln in lines if re.match(r"^\S.*:$", ln)]
    dirs = [ln for ln, r in rows if r["perm"].startswith("d") and r["name"] not in (".", "..")]
    out += dirs if len(dirs) <= 60 else []
    for _, r in rows:
        r["type"], r["sizen"] = r["perm"][0], num(r["size"])
    out += rule4(rows, cat=["type", "perm", "owner", "group"], nums=["sizen"])
    if rows:
        keys = [(_when(r["date"]), ln) for ln, r in rows]
        out += [max(keys)[1], min(keys)[1]]
    return out


def ls_short(name: str) -> Extractor:
    """Rule 5 on a short listing (ls -1/-R/-F/-C): every directory header line ('path:'), every entry marked a directory ('/') when at most 60, every entry when at most 100 in all, else the first and last entries and the first entry of each extension; + notices."""
    def ext(lines):
        heads = [ln for ln in lines if re.match(r"^\S.*:$", ln)]
        entries = [e for ln in lines if ln.strip() and ln not in heads and not PROBLEM.search(ln) for e in ln.split()]
        dirs = [e for e in entries if e.endswith("/")]
        out = heads + (dirs if len(dirs) <= 60 else [])
        if len(entries) <= 100:
            out += entries
        else:
            out += [entries[0], entries[-1]]
            by_ext: dict[str, str] = {}
            for e in entries:
                by_ext.setdefault(os.path.splitext(e.rstrip("/*@"))[1], e)
            out += list(by_ext.values())
        return out + problems(lines)
    return named(name, "listing", ls_short.__doc__.strip().splitlines()[0], ext)


def ws_table(name: str, family: str = "listing", header: bool = True, names: list[str] | None = None, skip: int = 0,
             all_upto: int = 0) -> Extractor:
    """Rule 4 on a whitespace table (ps, ss, netstat, lsof, pip list, docker-ps-like, stat -c rows): the header line; rows with a rare value in a categorical column while one value dominates; the rows of each numeric column's min and max (every row when the kind names a row count it keeps whole)."""
    def ext(lines):
        body = [ln for ln in lines[skip:] if ln.strip() and not set(ln.strip()) <= set("-= ")]
        head = body[0].split() if header else list(names or [])
        rows = ws_rows(body[1:] if header else body, head)
        cols = list(head)
        nums = [c for c in cols if sum(num(r.get(c)) is not None for _, r in rows) >= 0.9 * max(1, len(rows))]
        whole = [ln for ln, _ in rows] if len(rows) <= all_upto else []
        return whole + rule4(rows, cat=categorical(rows, [c for c in cols[:-1] if c not in nums]), nums=nums, header=body[:1] if header else [])
    return named(name, family, ws_table.__doc__.strip().splitlines()[0], ext)


def sized(name: str, top: int = 15) -> Extractor:
    """Rule 4/5 on a size listing (du, tree -h/--du, ncdu-like, sort -h): the rows of the 15 largest sizes, the smallest, every total/summary line ('total', 'N directories, M files')."""
    def ext(lines):
        rows = []
        for ln in lines:
            m = re.search(r"^\s*([\d.,]+[KMGTkB]?)\s+\S|\[\s*([\d.,]+[KMGT]?)\]", ln)
            if m:
                v = num(m.group(1) or m.group(2))
                if v is not None:
                    rows.append((v, ln))
        srt = sorted(rows, key=lambda r: -r[0])
        out = [ln for _, ln in srt[:top]] + ([srt[-1][1]] if srt else [])
        return out + [ln for ln in lines if re.search(r"\btotal\b|\d+ director(y|ies)", ln)] + problems(lines)
    return named(name, "listing", sized.__doc__.strip().splitlines()[0], ext)


def tree_dirs(name: str) -> Extractor:
    """Rule 5 on a tree drawing: the summary line ('N directories, M files'), every entry at depth 1 and 2 (when at most 120 of them, else depth 1), and every notice."""
    def ext(lines):
        def depth(ln: str) -> int:
            m = re.match(r"^((?:│   |    |\|   )*)(?:├── |└── |\|-- |`-- )", ln)
            return len(m.group(1)) // 4 + 1 if m else 0
        d12 = [ln for ln in lines if depth(ln) in (1, 2)]
        out = d12 if len(d12) <= 120 else [ln for ln in lines if depth(ln) == 1]
        return out + [ln for ln in lines if re.search(r"\d+ director(y|ies)", ln)] + problems(lines)
    return named(name, "listing", tree_dirs.__doc__.strip().splitlines()[0], ext)


@kind("npm-ls-tree", "pkg")
def n_npm_ls(lines):
    """Rule 5 on npm ls: the root line, every direct dependency (depth-1 line) and every line flagged UNMET/invalid/extraneous/missing."""
    return lines[:1] + [ln for ln in lines if re.match(r"^[├└`+]", ln) or re.search(r"UNMET|invalid|extraneous|missing", ln)]


# ================================================================== logs

ERRWARN = re.compile(r"\b(ERROR|ERR|WARN|WARNING|CRITICAL|FATAL|SEVERE|Exception|Traceback|panic|error|warn|failed|Failed)\b|"
                     r'"level":\s*(40|50|60|"(warn|warning|error|fatal|critical)")|"levelname": "(WARNING|ERROR|CRITICAL)"|'
                     r'" [45]\d\d |"statusCode":\s*[45]\d\d|\bstatus=[45]\d\d\b| - [45]\d\d\b|^\[[WEF] |^[WEF]\d{4} |'
                     r'\b[45]\d\d (GET|POST|PUT|DELETE|PATCH|HEAD) |\b(GET|POST|PUT|DELETE|PATCH|HEAD) \S+ [45]\d\d\b')
TS = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?Z?|\d\d/\w{3}/\d{4}[: ]\d\d:\d\d:\d\d|"
                r"\w{3} \d\d, \d{4} - \d\d:\d\d:\d\d|\w{3}\s+\d+ \d\d:\d\d:\d\d|\"time\":\d{10,13}|\d\d:\d\d:\d\d[.,]\d{3}")


def log_rule(name: str, summary: str = r"$^", duration: str | None = None, rare_max: int = 25, slowest: int = 1) -> Extractor:
    """Rules 1+3+5 on a log: every error/warning/exception/4xx-5xx line, with its location (the innermost 'File "x", line N' within six lines before a Python exception line, the first 'at x (file:l:c)' within six after a JS one); the first and last timestamps; every line whose message shape occurs once (when at most 25 such); the kind's summary lines; the slowest line(s) when durations are logged."""
    def ext(lines):
        out = [ln for ln in lines if ERRWARN.search(ln)]
        for i, ln in enumerate(lines):
            if re.match(r"^\s*\w+(\.\w+)*(Error|Exception|Exit|Interrupt)\b:?", ln):
                out += [ln, cm.prev_match(lines, i, r'File "[^"]+", line \d+', 6) or cm.next_match(lines, i, r"^\s+at .*:\d+:\d+\)?$", 6)]
        stamps = [m.group(0) for ln in lines for m in [TS.search(ln)] if m]
        out += stamps[:1] + stamps[-1:]
        shapes = Counter(mask(TS.sub("", ln)) for ln in lines)
        rare = [ln for ln in lines if ln.strip() and shapes[mask(TS.sub("", ln))] == 1]
        if len(lines) >= 30 and len(rare) <= rare_max:
            out += rare
        out += [ln for ln in lines if re.search(summary, ln)]
        if duration:
            durs = [(float(m.group(1)), ln) for ln in lines for m in [re.search(duration, ln)] if m]
            out += [ln for _, ln in sorted(durs, key=lambda d: -d[0])[:slowest]]
        return out
    return named(name, "log", log_rule.__doc__.strip().splitlines()[0], ext)


# ================================================================== main

def steps() -> list:
    import capture_wide12_list as lst  # ls/find/tree/du/stat, packages, processes and sockets
    import capture_wide12_logs as logs  # framework logs under loopback load, build and test logs
    import capture_wide12_logs2 as logs2  # more servers, timings, retries, system logs
    import capture_wide12_search as search  # rg/grep/git grep/find, OpenCode's grep and glob
    return search.STEPS + lst.STEPS + logs.STEPS + logs2.STEPS


def main() -> None:
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide12", sys.modules["__main__"])
    main()
