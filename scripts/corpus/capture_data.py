#!/usr/bin/env python3
"""Capture the DATA-SHAPED part of the compression corpus: real bash outputs of package managers,
git, listings/process tables, CSV/sqlite tables, JSON APIs and application logs.

Every item's text is the stdout+stderr of a command this script really runs here (in a temp dir,
on real repositories and files of this machine, on sdists/npm packages fetched from the registries
this machine reaches, or on small projects it creates). Needles are computed from that text by the
extractor of the item's kind, following scripts/corpus/NEEDLES.md (rules 1, 3, 4 and 5); the
kind-specific "question values" of rule 5 are written down in KINDS below, next to each kind.

Usage:  .venv/bin/python scripts/corpus/capture_data.py [--out scripts/corpus/data/data.json]
A missing tool skips its kinds with a note on stderr. Every process started is killed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV_PY = ROOT / ".venv" / "bin" / "python"
SITE = ROOT / ".venv" / "lib" / "python3.11" / "site-packages"
CARGO = shutil.which("cargo") or "/root/.cargo/bin/cargo"
DEFAULT_OUT = HERE / "data" / "data.json"
MAX_ITEM_CHARS = 400_000
MAX_NEEDLE = 200
MIN_ITEM_CHARS = 600
T0 = time.time()
BUDGET_S = 540  # stop starting new kinds past this (whole run < 10 min)

# ------------------------------------------------------------------ kinds and their rules
#
# kind -> (family, rules applied, rule-5 question values). Written before any output was looked at.
KINDS: dict[str, tuple[str, str]] = {
    # ---- package managers
    "pip-install": ("pkg", "r1 ERROR/error:/exception lines (+location), WARNING groups; r3 'Successfully "
                           "installed/built/downloaded' lines; r5 = those installed versions (the r3 line)"),
    "npm-install": ("pkg", "r1 every 'npm error' line, 'npm warn' grouped by (code, package); r3 'added N "
                           "packages'/'up to date' line; r4 on verbose 'npm http fetch' rows (status, cache "
                           "tag; min/max ms); r5 = the r3 counts"),
    "npm-view-json": ("pkg", "r5 every dist-tags value (\"tag\": \"version\") and the time entry of the "
                             "latest version"),
    "package-lock": ("pkg", "r5 the entry line and resolved version (\"resolved\" URL line, else \"version\") of "
                            "every direct dependency of the root package"),
    "pip-list-json": ("pkg", "r4 on records (key presence counts as a categorical column); r5 the record of "
                             "every direct dependency of headroom-mitm (pyproject [project].dependencies)"),
    "pip-list": ("listing", "r4 header + rare Editable-location rows; r5 the row of every direct dependency "
                            "of headroom-mitm"),
    "cargo-metadata": ("pkg", "r5 each workspace member's \"name\",\"version\" pair, workspace_root and "
                              "target_directory values"),
    "npm-ls": ("pkg", "r1 lines with invalid/extraneous/UNMET/missing/npm error; r5 the root line and every "
                      "direct dependency line (depth 0)"),
    # ---- git
    "git-log-p": ("git", "r5 every commit hash, subject, changed path (diff --git), hunk header @@..@@, and "
                         "every +/- line of hunks with < 10 changed lines"),
    "git-blame": ("git", "r5 every distinct commit hash and every distinct author in the blame"),
    "git-show": ("git", "r5 commit hash, Author line, subject, changed paths, hunk headers, +/- lines of "
                        "hunks with < 10 changed lines; r3 the --stat summary line"),
    "git-diff": ("git", "r5 changed paths, hunk headers, +/- lines of hunks with < 10 changed lines; r3 the "
                        "--stat summary line"),
    "git-log-graph": ("git", "r5 every commit hash and every subject"),
    "git-status": ("git", "r5 branch line(s) and each section header; r4 entries whose (section, status) is "
                          "rare while one dominates"),
    # ---- listings and process tables
    "ls-la": ("listing", "r4 'total' header; rare perms/owner/group rows; min/max links and size rows"),
    "ls-lR": ("listing", "r5 every directory header 'dir:'; r4 over all entries: rare perms/owner/group rows, "
                         "min/max size rows"),
    "find-printf": ("listing", "r4 rare mode/user rows, min/max size rows"),
    "du-sort": ("listing", "r4 min/max size rows; r5 the last line (the total of the directory)"),
    "ps-aux": ("listing", "r4 header; rare USER/TTY/STAT rows; min/max PID, %CPU, %MEM, VSZ, RSS rows "
                          "(the 100%-CPU and the big-RSS process are the max rows)"),
    "ps-ef": ("listing", "r4 header; rare UID/TTY rows; min/max PID, PPID, C rows"),
    "top": ("listing", "r5 the summary lines (top -, Tasks:, %Cpu(s):, Mem, Swap); r4 table header, rare "
                       "USER/S rows, min/max PID, VIRT, RES, SHR, %CPU, %MEM rows"),
    "df-h": ("listing", "r4 header; rare Filesystem rows; min/max Size, Used, Avail, Use% rows; r5 the row "
                        "mounted on / and the row holding /work"),
    "ss-tanp": ("listing", "r4 header; rare State rows; min/max Recv-Q, Send-Q rows; r5 every LISTEN row"),
    "netstat": ("listing", "r4 headers; rare Proto/State rows; min/max Recv-Q, Send-Q rows; r5 every LISTEN "
                           "row"),
    "dpkg-l": ("listing", "r4 the 5 header lines; rare status/architecture rows"),
    "apt-list": ("listing", "r1 the WARNING group; r4 'Listing...' header, rare suite/arch/flags rows"),
    # ---- tables
    "csv": ("table", "r4 header; rare values of categorical columns; min/max rows of each numeric column"),
    "sqlite-column": ("table", "r4 header (+ dashes); rare categorical values; min/max rows of each numeric "
                               "column"),
    "sqlite-csv": ("table", "r4 header; rare categorical values; min/max rows of each numeric column"),
    # ---- JSON
    "json-api": ("json", "r1 records carrying an error; r4 on the array's records (rare status, min/max "
                         "numeric fields: the identifying line + the value line); r5 the envelope's count "
                         "fields"),
    "json-file": ("json", "r5 name, version, and every (dev/peer/optional)dependencies entry line"),
    # ---- logs
    "wsgi-log": ("log", "r1 exception lines of each traceback (+ the innermost File line), WARNING groups; r4 access-log "
                        "rows with a rare status, min/max response size rows"),
    "http-server-log": ("log", "r1 'code NNN, message' error lines (+ that request's access line); r4 access "
                               "rows with a rare status or method"),
    "progress-log": ("log", "r1 ERROR lines, exception line (+ innermost File line), WARNING groups; r3 the closing summary; "
                            "r4 rare level rows, min/max bytes rows"),
    "dpkg-log": ("log", "r4 rare action rows (action dominated by 'status'), rare state rows among status "
                        "lines; r5 every install/upgrade/remove/purge line (which package went to which "
                        "version)"),
}

items: list[dict] = []
procs: list[subprocess.Popen] = []
BASE_ENV = dict(os.environ)
BASE_ENV.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "160", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                 "PYTHONDONTWRITEBYTECODE": "1", "GIT_PAGER": "cat", "PAGER": "cat", "LC_ALL": "C.UTF-8",
                 "npm_config_update_notifier": "false", "npm_config_color": "false"})


def note(msg: str) -> None:
    print(f"[{time.time() - T0:5.0f}s] {msg}", file=sys.stderr, flush=True)


def run(cmd: str, cwd=None, env: dict | None = None, timeout: int = 120) -> str:
    """Run a shell command, stdout+stderr merged, killed (whole group) at the timeout."""
    e = dict(BASE_ENV)
    if env:
        e.update(env)
    p = subprocess.Popen(cmd, shell=True, cwd=cwd, env=e, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        note(f"timeout after {timeout}s: {cmd[:80]}")
    return out.decode("utf-8", "replace")


def start(cmd: list[str], cwd=None, log=None) -> subprocess.Popen:
    p = subprocess.Popen(cmd, cwd=cwd, env=BASE_ENV, stdin=subprocess.DEVNULL,
                         stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
                         start_new_session=True)
    procs.append(p)
    return p


def stop(p: subprocess.Popen) -> None:
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port: int, timeout: float = 10) -> bool:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def have(tool: str, kind: str) -> bool:
    if shutil.which(tool) or Path(tool).exists():
        return True
    note(f"skip {kind}: {tool} not found")
    return False


# ------------------------------------------------------------------ cleaning, needles, items

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]")


def clean_lines(text: str) -> list[str]:
    """The lossless clean-up of NEEDLES.md: ANSI removed, CR progress collapsed, lines rstripped."""
    t = ANSI.sub("", text).replace("\r\n", "\n")
    out = []
    for ln in t.split("\n"):
        if "\r" in ln:
            parts = [p for p in ln.split("\r") if p]
            ln = parts[-1] if parts else ""
        out.append(ln.rstrip())
    return out


def cut(s: str) -> str:
    """A needle string from a line: blanks stripped, at most 200 characters."""
    return s.strip()[:MAX_NEEDLE].strip()


def any_of(lines) -> str | dict | None:
    alts = []
    for ln in lines:
        c = cut(ln)
        if c and c not in alts:
            alts.append(c)
    if not alts:
        return None
    return alts[0] if len(alts) == 1 else {"any": alts}


def split_of(item_id: str) -> str:
    return "heldout" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def add(item_id: str, kind: str, command: str, text: str, needles: list, rule: str | None = None) -> None:
    family, rules = KINDS[kind]
    if not text.strip():
        note(f"skip {item_id}: empty output")
        return
    if len(text) < MIN_ITEM_CHARS:
        note(f"skip {item_id}: only {len(text):,} chars")
        return
    if len(text) > MAX_ITEM_CHARS:
        note(f"skip {item_id}: {len(text):,} chars > {MAX_ITEM_CHARS:,}")
        return
    joined = "\n".join(clean_lines(text))
    out: list = []
    seen: set[str] = set()
    for n in needles:
        if n is None:
            continue
        if isinstance(n, dict):
            alts = [cut(a) for a in n["any"] if cut(a)]
            alts = list(dict.fromkeys(alts))
            if not alts:
                continue
            n = alts[0] if len(alts) == 1 else {"any": alts}
        else:
            n = cut(n)
            if not n:
                continue
        key = json.dumps(n, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        for s in ([n] if isinstance(n, str) else n["any"]):
            assert "\n" not in s and len(s) <= MAX_NEEDLE, (item_id, s)
            assert s in joined, f"{item_id}: needle not in one cleaned line: {s!r}"
        out.append(n)
    if not out:
        note(f"warning {item_id}: no needles")
    items.append({"id": item_id, "kind": kind, "family": family, "tool": "bash", "command": command,
                  "text": text, "needles": out, "needle_rule": f"{kind}: {rule or rules}",
                  "split": split_of(item_id)})
    note(f"  {item_id:34} {kind:15} {len(text):>8,} chars {len(out):>5} needles")


# ------------------------------------------------------------------ generic rule-4 machinery

_SIZE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*([kKmMgGtTpP]?)(?:i?[bB])?$")
_MULT = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40, "p": 1 << 50}


def num(v) -> float | None:
    """A number from a cell: plain numbers, 12%, human sizes (4.0K, 1.2G, 3g), times (1:02, 00:01:02,
    1-02:03:04, 0:01.50). None when the cell is not numeric."""
    if v is None:
        return None
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip().rstrip("%").replace(",", "")
    if not s:
        return None
    m = _SIZE.match(s)
    if m:
        return float(m.group(1)) * _MULT[m.group(2).lower()]
    m = re.match(r"^(?:(\d+)-)?(\d+):(\d+)(?::(\d+))?(?:\.(\d+))?$", s)
    if m:
        d, a, b, c, frac = m.groups()
        secs = (int(a) * 3600 + int(b) * 60 + int(c)) if c is not None else (int(a) * 60 + int(b))
        return secs + int(d or 0) * 86400 + (float("0." + frac) if frac else 0.0)
    return None


def rule4(rows: list[tuple[str, dict]], cat=(), nums=(), header=()) -> list:
    """Rule 4 of NEEDLES.md on rows (line, {column: value}): the header line(s); every row whose value in
    a categorical column occurs in at most 2 rows while that column's most common value covers at least
    half the rows; the row(s) holding each numeric column's minimum and maximum ({"any": ...} on ties)."""
    needles: list = [h for h in header if h and h.strip()]
    n = len(rows)
    if not n:
        return needles
    for c in cat:
        vals = [r[1].get(c, "<absent>") for r in rows]
        vals = ["<none>" if v is None else json.dumps(v) if isinstance(v, (list, dict)) else v for v in vals]
        cnt = Counter(vals)
        top, topn = cnt.most_common(1)[0]
        if topn * 2 < n:
            continue
        for (line, _), v in zip(rows, vals):
            if v != top and cnt[v] <= 2:
                needles.append(line)
    for c in nums:
        pairs = [(num(r[1].get(c)), r[0]) for r in rows]
        pairs = [(v, ln) for v, ln in pairs if v is not None]
        if not pairs:
            continue
        lo = min(v for v, _ in pairs)
        hi = max(v for v, _ in pairs)
        needles.append(any_of(ln for v, ln in pairs if v == lo))
        needles.append(any_of(ln for v, ln in pairs if v == hi))
    return needles


def categorical(rows: list[tuple[str, dict]], cols: list[str]) -> list[str]:
    """The columns (of those given) with at most max(12, rows/10) distinct values."""
    return [c for c in cols if len({r.get(c) for _, r in rows}) <= max(12, len(rows) // 10)]


def ws_rows(lines: list[str], names: list[str]) -> list[tuple[str, dict]]:
    """Whitespace-separated table rows -> (line, {name: cell}); the last column takes the rest."""
    rows = []
    for ln in lines:
        if not ln.strip():
            continue
        parts = ln.split(None, len(names) - 1)
        if len(parts) < len(names) - 1:
            continue
        rows.append((ln, dict(zip(names, parts))))
    return rows


def json_records_needles(text: str, records: list[dict], key: str, pretty: bool, cat=(), nums=(),
                         error_key: str | None = None) -> list:
    """Rule 4 (and rule 1 on error fields) on a JSON array of records printed in `text`. A record's needle
    is its identifying line ("key": value) when pretty-printed, plus the line holding the rare/extreme
    value; on one line it is the record's own serialization (first 200 characters), found in order."""
    lines = clean_lines(text)
    rows: list[tuple[str, dict]] = []
    value_lines: dict[tuple[int, str], str] = {}
    if pretty:
        li = 0
        for i, rec in enumerate(records):
            idl = f"{json.dumps(key)}: {json.dumps(rec[key])}"
            while li < len(lines) and lines[li].strip().rstrip(",") != idl:
                li += 1
            if li >= len(lines):
                raise AssertionError(f"record {rec[key]!r} not found")
            rows.append((lines[li], rec))
            # the record's own lines: until the next record's id line
            j = li + 1
            while j < len(lines) and not lines[j].strip().startswith(json.dumps(key) + ":"):
                m = re.match(r'\s*"([^"]+)": ', lines[j])
                if m:
                    value_lines[(i, m.group(1))] = lines[j]
                j += 1
            li += 1
    else:
        flat = "\n".join(lines)
        pos = 0
        for rec in records:
            s = json.dumps(rec, ensure_ascii=False)
            k = flat.find(s, pos)
            if k < 0:
                s = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
                k = flat.find(s, pos)
            assert k >= 0, f"record not found on one line: {s[:80]}"
            pos = k + len(s)
            rows.append((s[:MAX_NEEDLE], rec))
    needles: list = []
    for c in list(cat) + list(nums):
        per = rule4(rows, cat=(c,) if c in cat else (), nums=(c,) if c in nums else ())
        needles += per
        if not pretty:
            continue
        # the line holding the rare/extreme value of that column, for the same record(s)
        for n in per:
            alts = [n] if isinstance(n, str) else n["any"]
            recs = [i for i, (ln, _) in enumerate(rows) if cut(ln) in alts]
            needles.append(any_of(value_lines[(i, c)] for i in recs if (i, c) in value_lines))
    if error_key:
        for i, (ln, rec) in enumerate(rows):
            if rec.get(error_key):
                needles.append(value_lines.get((i, error_key), ln) if pretty else ln)
    return needles


# ------------------------------------------------------------------ rule 1 / 3 helpers

EXC_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)\b(?::.*)?$")
FILE_LINE = re.compile(r'^\s*File "[^"]+", line \d+')


def python_exceptions(lines: list[str]) -> list[str]:
    """Rule 1 for Python tracebacks: every 'Traceback' block's exception line and the innermost
    'File "x", line N' location before it (within 6 lines)."""
    out = []
    for i, ln in enumerate(lines):
        if EXC_LINE.match(ln) and any(lines[j].lstrip().startswith(("File \"", "Traceback"))
                                      for j in range(max(0, i - 6), i)):
            out.append(ln)
            for j in range(i - 1, max(-1, i - 7), -1):
                if FILE_LINE.match(lines[j]):
                    out.append(lines[j])
                    break
    return out


def warning_groups(lines: list[str]) -> list:
    """Rule 1 for logged warnings: one {"any"} needle per message shape (digits and paths masked, the
    timestamp dropped) of the lines logged at WARNING."""
    groups: dict[str, list[str]] = {}
    for ln in lines:
        m = re.search(r"\bWARN(?:ING)?\b\s*(.*)$", ln)
        if m:
            groups.setdefault(shape(m.group(1)), []).append(ln)
    return [any_of(g) for g in groups.values()]


def shape(s: str) -> str:
    s = re.sub(r"/\S+", "<path>", s)
    s = re.sub(r"\d+(?:\.\d+)*", "<n>", s)
    return s


# ------------------------------------------------------------------ extractors: package managers

def needles_pip_install(out: str) -> list:
    """pip install (rules 1, 3, 5): every line starting 'ERROR:'/'error:' or pip's '×' error marker,
    every Python exception line (+ its innermost File line); 'WARNING:' lines grouped by message shape
    as {"any"}; the 'Successfully installed/built/downloaded ...' lines (rule 5: the versions installed)."""
    lines = clean_lines(out)
    n: list = []
    for ln in lines:
        s = ln.strip()
        if s.startswith(("ERROR:", "error:", "× ")):
            n.append(ln)
        if s.startswith(("Successfully installed", "Successfully built", "Successfully downloaded")):
            n.append(ln)
    n += python_exceptions(lines)
    groups: dict[str, list[str]] = {}
    for ln in lines:
        if ln.strip().startswith("WARNING:"):
            groups.setdefault(shape(ln.strip()), []).append(ln)
    n += [any_of(g) for g in groups.values()]
    return n


def needles_npm_install(out: str) -> list:
    """npm install (rules 1, 3, 4, 5): every non-blank 'npm error'/'npm ERR!' line except stack frames,
    plus the first stack frame ('at ...') within six lines after an '...Error' line; 'npm warn' blocks (a line
    starting with a code: E[A-Z]+, deprecated, using, config ...) grouped by (code, package or message
    shape) as {"any"} of their first lines; the closing 'added N packages'/'up to date'/'changed'/'removed' line; in
    verbose output the 'npm http fetch' rows: rare status or cache tag, min/max duration."""
    lines = clean_lines(out)
    n: list = []
    groups: dict[tuple, list[str]] = {}
    fetch: list[tuple[str, dict]] = []
    for i, ln in enumerate(lines):
        m = re.match(r"npm (?:error|ERR!)(.*)$", ln)
        if m and m.group(1).strip() and not re.match(r"\s+at ", m.group(1)):
            n.append(ln)
        if m and re.match(r"\s*\w*Error\b", m.group(1)):
            n += [x for x in lines[i + 1:i + 7] if re.match(r"npm (?:error|ERR!)\s+at ", x)][:1]
        m = re.match(r"npm warn (E[A-Z]+|deprecated|using|config|cleanup|tar|gitignore-fallback)\b ?(\S*)", ln)
        if m:  # the first line of a warning block (its continuation lines carry no code)
            groups.setdefault((m.group(1), m.group(2).rstrip(":") if m.group(1) == "deprecated" else shape(ln)),
                              []).append(ln)
        if re.match(r"(added|removed|changed) \d+ packages?|up to date", ln):
            n.append(ln)
        m = re.match(r"npm http fetch (\w+) (\d+) (\S+) (\d+)ms ?(.*)$", ln)
        if m:
            fetch.append((ln, {"method": m.group(1), "status": m.group(2), "ms": m.group(4),
                               "cache": m.group(5) or "<none>"}))
    n += [any_of(g) for g in groups.values()]
    n += rule4(fetch, cat=("method", "status", "cache"), nums=("ms",))
    return n


def needles_npm_view(out: str) -> list:
    """npm view <pkg> --json (rule 5): every dist-tags value as its line '"tag": "version"', and the time
    entry of the latest version '"<latest>": "<iso time>"'."""
    d = json.loads(out[out.index("{"):])
    n = [f'"{k}": "{v}"' for k, v in d.get("dist-tags", {}).items()]
    latest = d.get("dist-tags", {}).get("latest")
    if latest and latest in d.get("time", {}):
        n.append(f'"{latest}": "{d["time"][latest]}"')
    return n


def needles_package_lock(out: str) -> list:
    """package-lock.json (rule 5): for every direct dependency of the root package (dependencies,
    devDependencies, optionalDependencies, peerDependencies of packages[""]), the line opening its entry
    '"node_modules/<dep>": {' and its '"resolved": URL' line (the URL carries the version), or its
    '"version": V' line when the entry has no resolved URL (npm's omit-lockfile-registry-resolved)."""
    d = json.loads(out)
    root = d.get("packages", {}).get("", {})
    deps: list[str] = []
    for k in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        deps += list(root.get(k, {}))
    n = []
    for dep in deps:
        e = d["packages"].get(f"node_modules/{dep}")
        if not e:
            continue
        n.append(f'"node_modules/{dep}": {{')
        n.append(f'"resolved": "{e["resolved"]}"' if e.get("resolved") else f'"version": "{e["version"]}"')
    return n


def project_deps() -> list[str]:
    txt = (ROOT / "pyproject.toml").read_text()
    m = re.search(r"^dependencies = \[(.*?)\]", txt, re.S | re.M)
    names = re.findall(r'"([A-Za-z0-9_.\-]+)', m.group(1)) if m else []
    return [re.sub(r"[-_.]+", "-", x).lower() for x in names]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def needles_pip_list_json(out: str) -> list:
    """pip list --format=json (rules 4, 5): records on one line; rule 4 with key presence
    (editable_project_location) as a categorical column; rule 5 the record of every direct dependency of
    headroom-mitm."""
    recs = json.loads(out[out.index("["):].splitlines()[0])
    for r in recs:
        r["_editable"] = "editable_project_location" in r
    n = json_records_needles(out, [{k: v for k, v in r.items() if k != "_editable"} for r in recs],
                             "name", pretty=False)
    rows = []
    for r in recs:
        s = json.dumps({k: v for k, v in r.items() if k != "_editable"})
        rows.append((s, r))
    n += rule4(rows, cat=("_editable",))
    deps = project_deps()
    n += [s for s, r in rows if norm(r["name"]) in deps]
    return n


def needles_pip_list(out: str) -> list:
    """pip list (columns) (rules 4, 5): the header and dashes lines; rows whose Editable-location presence
    is rare; the row of every direct dependency of headroom-mitm."""
    lines = clean_lines(out)
    hi = next(i for i, ln in enumerate(lines) if ln.startswith("Package"))
    body = [ln for ln in lines[hi + 2:] if ln.strip() and not ln.startswith(("WARNING", "[notice]"))]
    rows = [(ln, {"name": ln.split()[0], "editable": len(ln.split()) > 2}) for ln in body]
    n = rule4(rows, cat=("editable",), header=lines[hi:hi + 2])
    deps = project_deps()
    n += [ln for ln, r in rows if norm(r["name"]) in deps]
    return n


def needles_cargo_metadata(out: str) -> list:
    """cargo metadata --format-version 1 (rule 5): each workspace member's '"name":"x","version":"v"' pair
    as it appears on the single line, and the "workspace_root" and "target_directory" values."""
    d = json.loads(out[out.index("{"):])
    members = set(d["workspace_members"])
    n = [f'"name":{json.dumps(p["name"])},"version":{json.dumps(p["version"])}'
         for p in d["packages"] if p["id"] in members]
    n.append(f'"workspace_root":{json.dumps(d["workspace_root"])}')
    n.append(f'"target_directory":{json.dumps(d["target_directory"])}')
    return n


def needles_npm_ls(out: str) -> list:
    """npm ls --all (rules 1, 5): every line marked invalid/extraneous/UNMET/missing or 'npm error'; the
    root line (first) and every direct-dependency line (tree depth 0: '├── ', '├─┬ ', '└── ', '└─┬ ')."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    n = [lines[0]] if lines else []
    for ln in lines:
        if re.match(r"[├└]─[─┬] ", ln) or re.search(r"\b(invalid|extraneous|UNMET|missing)\b|^npm (error|ERR!)", ln):
            n.append(ln)
    return n


# ------------------------------------------------------------------ extractors: git

def diff_needles(lines: list[str]) -> list:
    """Shared by git log -p / show / diff: changed paths (diff --git lines and the paths of --stat rows),
    hunk headers '@@ ... @@', and every +/- line of hunks with fewer than 10 changed lines; the --stat
    summary line."""
    n: list = []
    hunk: list[str] = []

    def flush():
        if hunk and len(hunk) < 10:
            n.extend(h for h in hunk if h[1:].strip())
        hunk.clear()

    in_hunk = False
    for ln in lines:
        if ln.startswith("diff --git "):
            flush()
            in_hunk = False
            n.append(ln)
        elif ln.startswith("@@"):
            flush()
            in_hunk = True
            m = re.match(r"(@@ [^@]* @@)", ln)
            n.append(m.group(1) if m else ln)
        elif in_hunk and ln[:1] in "+-" and not ln.startswith(("+++ ", "--- ")):
            hunk.append(ln)
        elif in_hunk and (ln.startswith(" ") or ln == "" or ln.startswith("\\")):
            pass
        else:
            flush()
            in_hunk = False
        if re.match(r"\s*\d+ files? changed", ln):
            n.append(ln)
        m = re.match(r"^ (\S.*?) +\| +(?:\d+|Bin)", ln)
        if m:
            n.append(m.group(1))
    flush()
    return n


def needles_git_log_p(out: str) -> list:
    """git log -p (rule 5): every commit hash, every subject (first message line), every changed path,
    every hunk header, every +/- line of hunks with < 10 changed lines."""
    lines = clean_lines(out)
    n: list = re.findall(r"^commit ([0-9a-f]{40})", out, re.M)
    n += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", "\n".join(lines), re.M)]
    return n + diff_needles(lines)


def needles_git_show(out: str) -> list:
    """git show --stat -p (rules 3, 5): commit hash, Author line, subject, changed paths, hunk headers,
    +/- lines of hunks with < 10 changed lines, the --stat summary line."""
    lines = clean_lines(out)
    n: list = re.findall(r"^commit ([0-9a-f]{40})", out, re.M)
    n += [ln for ln in lines if ln.startswith("Author:")]
    n += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", "\n".join(lines), re.M)]
    return n + diff_needles(lines)


def needles_git_diff(out: str) -> list:
    """git diff (rules 3, 5): changed paths, hunk headers, +/- lines of hunks with < 10 changed lines,
    the --stat summary line."""
    return diff_needles(clean_lines(out))


def needles_git_blame(out: str) -> list:
    """git blame (rule 5): every distinct commit hash (as printed, without the boundary '^') and every
    distinct author name."""
    hashes, authors = [], []
    for ln in clean_lines(out):
        m = re.match(r"^\^?([0-9a-f]{7,40}) (?:\S+ +)?\((.+?) +\d{4}-\d\d-\d\d ", ln)
        if m:
            if m.group(1) not in hashes:
                hashes.append(m.group(1))
            if m.group(2).strip() not in authors:
                authors.append(m.group(2).strip())
    return hashes + authors


def needles_git_log_graph(out: str) -> list:
    """git log --oneline --graph (rule 5): every commit hash and every subject (refs decoration removed)."""
    n: list = []
    for ln in clean_lines(out):
        m = re.match(r"^[*|\\/ _.-]*\* +([0-9a-f]{7,40}) (?:\([^)]*\) )?(.*)$", ln)
        if m:
            n += [m.group(1), m.group(2)]
    return n


def needles_git_status(out: str) -> list:
    """git status (rules 4, 5): the 'On branch'/ahead-behind line, every section header; entries as rows
    with (section, status) as the categorical column: rare ones when one dominates."""
    lines = clean_lines(out)
    n: list = [ln for ln in lines if ln.startswith(("On branch", "Your branch", "HEAD detached"))]
    sec = None
    rows = []
    for ln in lines:
        if re.match(r"^(Changes to be committed|Changes not staged for commit|Untracked files|Unmerged paths):", ln):
            sec = ln.split(":")[0]
            n.append(ln)
        elif ln.startswith("\t") and sec:
            m = re.match(r"\t(new file|modified|deleted|renamed|copied|typechange|both modified):\s+(.*)", ln)
            status = m.group(1) if m else "untracked"
            rows.append((ln, {"cls": f"{sec}/{status}"}))
    n += rule4(rows, cat=("cls",))
    n += [ln for ln in lines if re.match(r"^(no changes added|nothing to commit|nothing added)", ln)]
    return n


# ------------------------------------------------------------------ extractors: listings and processes

LS_NAMES = ["perms", "links", "owner", "group", "size", "mon", "day", "time", "name"]


def _ls_row(ln: str):
    if not re.match(r"^[-dlcbps][-rwxsStT]{9}[.+@]?\s", ln):
        return None
    p = ln.split(None, 8)
    return (ln, dict(zip(LS_NAMES, p))) if len(p) == 9 else None


def needles_ls_la(out: str) -> list:
    """ls -la (rule 4): the 'total N' header; rows with a rare perms/owner/group value while one value
    dominates; min/max rows of the link count and of the size."""
    lines = clean_lines(out)
    rows = [r for r in (_ls_row(ln) for ln in lines) if r]
    return rule4(rows, cat=("perms", "owner", "group"), nums=("links", "size"),
                 header=[ln for ln in lines if ln.startswith("total ")][:1])


def needles_ls_lR(out: str) -> list:
    """ls -lR (rules 4, 5): every directory header 'path:'; over all entries: rare perms/owner/group rows,
    min/max size rows."""
    lines = clean_lines(out)
    n: list = [ln for ln in lines if ln.endswith(":") and not ln.startswith(("total", " "))
               and not _ls_row(ln)]
    rows = [r for r in (_ls_row(ln) for ln in lines) if r]
    return n + rule4(rows, cat=("perms", "owner", "group"), nums=("size",))


def needles_find_printf(out: str) -> list:
    """find -type f -printf '%M %u %s %p' (rule 4): rows with a rare mode/user value, min/max size rows."""
    rows = ws_rows(clean_lines(out), ["mode", "user", "size", "path"])
    return rule4(rows, cat=("mode", "user"), nums=("size",))


def needles_du(out: str) -> list:
    """du -ah | sort -h (rules 4, 5): min/max size rows; the last line (the directory's total)."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines, ["size", "path"])
    return rule4(rows, nums=("size",)) + lines[-1:]


def needles_ps_aux(out: str) -> list:
    """ps aux (rule 4): header; rare USER/TTY/STAT rows; min/max PID, %CPU, %MEM, VSZ, RSS rows."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines[1:], ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME",
                               "COMMAND"])
    return rule4(rows, cat=("USER", "TTY", "STAT"), nums=("PID", "%CPU", "%MEM", "VSZ", "RSS"),
                 header=lines[:1])


def needles_ps_ef(out: str) -> list:
    """ps -ef (rule 4): header; rare UID/TTY rows; min/max PID, PPID, C rows."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines[1:], ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
    return rule4(rows, cat=("UID", "TTY"), nums=("PID", "PPID", "C"), header=lines[:1])


def needles_top(out: str) -> list:
    """top -b -n 1 (rules 4, 5): the summary lines (top -, Tasks:, %Cpu(s):, Mem, Swap); the table header;
    rare USER/S rows; min/max PID, VIRT, RES, SHR, %CPU, %MEM rows."""
    lines = clean_lines(out)
    n: list = [ln for ln in lines[:8] if re.match(r"^(top - |Tasks:|%Cpu|\w+ Mem|\w+ Swap)", ln)]
    hi = next((i for i, ln in enumerate(lines) if re.match(r"^\s*PID\s+USER", ln)), None)
    if hi is None:
        return n
    rows = ws_rows(lines[hi + 1:], ["PID", "USER", "PR", "NI", "VIRT", "RES", "SHR", "S", "%CPU", "%MEM",
                                    "TIME+", "COMMAND"])
    return n + rule4(rows, cat=("USER", "S"), nums=("PID", "VIRT", "RES", "SHR", "%CPU", "%MEM"),
                     header=[lines[hi]])


def needles_df(out: str) -> list:
    """df -h (rules 4, 5): header; rare Filesystem rows; min/max Size, Used, Avail, Use% rows; the row
    mounted on / and the row whose mount point holds /work."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines[1:], ["fs", "size", "used", "avail", "pct", "mount"])
    n = rule4(rows, cat=("fs",), nums=("size", "used", "avail", "pct"), header=lines[:1])
    n += [ln for ln, r in rows if r["mount"] == "/"]
    best = max((r for r in rows if "/work/".startswith(r[1]["mount"].rstrip("/") + "/")),
               key=lambda r: len(r[1]["mount"]), default=None)
    if best:
        n.append(best[0])
    return n


def needles_ss(out: str) -> list:
    """ss -tanp (rules 4, 5): header; rare State rows; min/max Recv-Q, Send-Q rows; every LISTEN row."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines[1:], ["State", "RecvQ", "SendQ", "Local", "Peer", "Process"])
    n = rule4(rows, cat=("State",), nums=("RecvQ", "SendQ"), header=lines[:1])
    return n + [ln for ln, r in rows if r["State"] == "LISTEN"]


def needles_netstat(out: str) -> list:
    """netstat -tanp (rules 4, 5): the two header lines; rare Proto/State rows; min/max Recv-Q, Send-Q
    rows; every LISTEN row."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    rows = ws_rows(lines[2:], ["Proto", "RecvQ", "SendQ", "Local", "Foreign", "State", "Program"])
    n = rule4(rows, cat=("Proto", "State"), nums=("RecvQ", "SendQ"), header=lines[:2])
    return n + [ln for ln, r in rows if r["State"] == "LISTEN"]


def needles_dpkg_l(out: str) -> list:
    """dpkg -l | head (rule 4): the 5 header lines; rows with a rare status or architecture."""
    lines = clean_lines(out)
    rows = ws_rows([ln for ln in lines[5:] if ln.strip()], ["st", "name", "version", "arch", "desc"])
    return rule4(rows, cat=("st", "arch"), header=lines[:5])


def needles_apt_list(out: str) -> list:
    """apt list --installed (rules 1, 4): the WARNING lines; the 'Listing...' header; rows with a rare
    suite, architecture or flags value while one dominates."""
    lines = clean_lines(out)
    n: list = [any_of([ln for ln in lines if ln.startswith("WARNING:")])]
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+?)/(\S+) (\S+) (\S+)(?: \[(.*)\])?$", ln)
        if m:
            rows.append((ln, {"suite": m.group(2), "arch": m.group(4), "flags": m.group(5) or "<none>"}))
    return n + rule4(rows, cat=("suite", "arch", "flags"),
                     header=[ln for ln in lines if ln.startswith("Listing")][:1])


# ------------------------------------------------------------------ extractors: tables, JSON, logs

def needles_csv(out: str, cat=None, nums=None) -> list:
    """CSV printed with cat/head (rule 4): the header line; rows with a rare value in a categorical column
    while one value dominates; min/max rows of every numeric column (>= 90% of its non-empty cells parse
    as numbers). A non-numeric column is categorical when it has at most max(12, rows/10) distinct values
    (free-text and identifier columns are not)."""
    import csv
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    reader = list(csv.reader(io.StringIO("\n".join(lines))))
    head, body = reader[0], reader[1:]
    rows = [(lines[i + 1], dict(zip(head, r))) for i, r in enumerate(body)]
    if nums is None:
        nums = []
        for c in head:
            vals = [r[c] for _, r in rows if r.get(c, "").strip()]
            if vals and sum(num(v) is not None for v in vals) >= 0.9 * len(vals):
                nums.append(c)
    if cat is None:
        cat = categorical(rows, [c for c in head if c not in nums])
    return rule4(rows, cat=cat, nums=nums, header=lines[:1])


def needles_sqlite_column(out: str) -> list:
    """sqlite3 -column -header (rule 4): the header and dashes lines; cells cut by the dash widths; rare
    values of categorical columns (non-numeric, at most max(12, rows/10) distinct values); min/max rows of
    every numeric column."""
    lines = [ln for ln in clean_lines(out) if ln.strip()]
    dash = next(i for i, ln in enumerate(lines) if re.match(r"^-+(\s+-+)*\s*$", ln))
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[dash])]
    head = [lines[dash - 1][a:b + 2].strip() for a, b in spans]
    rows = []
    for ln in lines[dash + 1:]:
        cells = []
        for k, (a, b) in enumerate(spans):
            end = spans[k + 1][0] if k + 1 < len(spans) else len(ln)
            cells.append(ln[a:end].strip())
        rows.append((ln, dict(zip(head, cells))))
    nums = [c for c in head if rows and sum(num(r[c]) is not None for _, r in rows if r[c]) >=
            0.9 * max(1, sum(1 for _, r in rows if r[c]))]
    cat = categorical(rows, [c for c in head if c not in nums])
    return rule4(rows, cat=cat, nums=nums, header=lines[dash - 1:dash + 1])


def needles_json_api(out: str, pretty: bool) -> list:
    """JSON API response {"count", "failed", ..., "results": [records]} (rules 1, 4, 5): the envelope's
    count fields; records with a rare status, min/max of each numeric field; records carrying an error."""
    d = json.loads(out)
    recs = d["results"]
    n: list = []
    for k in ("count", "failed", "ok"):
        if k in d:
            n.append(f'"{k}": {json.dumps(d[k])}')
    numk = [k for k in recs[0] if all(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool)
                                      for r in recs)]
    n += json_records_needles(out, recs, "module", pretty, cat=("status",), nums=numk, error_key="error")
    return n


def needles_json_file(out: str) -> list:
    """A package.json printed by python -m json.tool (rule 5): name, version, and every
    dependencies/devDependencies/peerDependencies/optionalDependencies entry line."""
    d = json.loads(out)
    n = [f'"{k}": {json.dumps(d[k])}' for k in ("name", "version") if k in d]
    for k in ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"):
        for dep, ver in (d.get(k) or {}).items():
            n.append(f'{json.dumps(dep)}: {json.dumps(ver)}')
    return n


ACCESS = re.compile(r'^(\S+) - - \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\S+)')


def needles_wsgi_log(out: str) -> list:
    """wsgiref app log (rules 1, 4): every traceback's exception line and innermost File line, WARNING
    lines grouped by message shape; access
    rows with a rare status (while one dominates), min/max response-size rows; any ERROR log line."""
    lines = clean_lines(out)
    n: list = python_exceptions(lines)
    n += [ln for ln in lines if re.search(r"\bERROR\b", ln)]
    n += warning_groups(lines)
    rows = [(ln, {"method": m.group(3), "status": m.group(5), "size": m.group(6)})
            for ln in lines for m in [ACCESS.match(ln)] if m]
    return n + rule4(rows, cat=("method", "status"), nums=("size",))


def needles_http_server_log(out: str) -> list:
    """python -m http.server log (rules 1, 4): every 'code NNN, message ...' error line and, as its
    location, the access line of that request (the next access line within six); access rows with a rare
    status or method while one dominates."""
    lines = clean_lines(out)
    n: list = []
    for i, ln in enumerate(lines):
        if re.search(r"code \d{3}, message", ln):
            n.append(ln)
            n += [x for x in lines[i + 1:i + 7] if ACCESS.match(x)][:1]
    rows = [(ln, {"method": m.group(3), "status": m.group(5)}) for ln in lines for m in [ACCESS.match(ln)] if m]
    return n + rule4(rows, cat=("method", "status"))


def needles_progress_log(out: str) -> list:
    """A per-item progress log (rules 1, 3, 4): every ERROR/CRITICAL line, each exception line with its
    innermost File line, WARNING lines grouped by message shape; the closing summary line ('done: ...'); rows with a rare level; min/max bytes."""
    lines = clean_lines(out)
    n: list = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)]
    n += python_exceptions(lines)
    n += warning_groups(lines)
    n += [ln for ln in lines if re.search(r"\bdone: ", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^\S+ \S+ (\w+) +\S+: (.*)$", ln)
        if m:
            b = re.search(r"\((\d+) bytes\)", m.group(2))
            rows.append((ln, {"level": m.group(1), "bytes": b.group(1) if b else None}))
    return n + rule4(rows, cat=("level",), nums=("bytes",))


def needles_dpkg_log(out: str) -> list:
    """/var/log/dpkg.log tail (rules 4, 5): rows with a rare action (column dominated by 'status'); among
    the 'status' rows, rows with a rare state; rule 5 (which package went to which version): every
    install, upgrade, remove and purge line."""
    lines = clean_lines(out)
    rows = ws_rows(lines, ["date", "time", "action", "rest"])
    n = rule4(rows, cat=("action",))
    st = [(ln, {"state": r["rest"].split()[0]}) for ln, r in rows if r["action"] == "status"]
    n += rule4(st, cat=("state",))
    return n + [ln for ln, r in rows if r["action"] in ("install", "upgrade", "remove", "purge")]


# ------------------------------------------------------------------ captures: package managers

def cap_pip(tmp: Path) -> None:
    venv = tmp / "pipv"
    run(f"python3 -m venv {venv}", timeout=120)
    pip = venv / "bin" / "pip"
    if not pip.exists():
        note("skip pip-install: venv creation failed")
        return
    cmd = "pip install requests"
    out = run(f"{pip} install --no-cache-dir requests", timeout=180)
    add("pip-install-requests", "pip-install", cmd, out, needles_pip_install(out))
    cmd = "pip install 'requests==0.0.999'"
    out = run(f"{pip} install 'requests==0.0.999'", timeout=180)
    add("pip-install-no-such-version", "pip-install", cmd, out, needles_pip_install(out))
    cmd = "pip install 'requests==2.32.3' 'urllib3<1.21'"
    out = run(f"{pip} install 'requests==2.32.3' 'urllib3<1.21'", timeout=180)
    add("pip-install-conflict", "pip-install", cmd, out, needles_pip_install(out))
    sd = sorted((tmp / "sdists").glob("six-1.16.0.tar.gz"))
    if sd:
        cmd = "pip install -v --no-cache-dir ./six-1.16.0.tar.gz"
        out = run(f"{pip} install -v --no-cache-dir {sd[0].name}", cwd=sd[0].parent, timeout=180)
        add("pip-install-v-sdist", "pip-install", cmd, out, needles_pip_install(out))
    # a local project whose build raises (a real setup.py failure)
    bad = tmp / "brokenpkg"
    bad.mkdir()
    (bad / "setup.py").write_text(
        "import sys\nfrom setuptools import setup\n\n"
        "def read_version():\n    with open('VERSION') as f:\n        return f.read().strip()\n\n"
        "setup(name='brokenpkg', version=read_version(), py_modules=['brokenpkg'])\n")
    (bad / "brokenpkg.py").write_text("X = 1\n")
    cmd = "pip install ./brokenpkg"
    out = run(f"{pip} install --no-cache-dir ./brokenpkg", cwd=tmp, timeout=180)
    add("pip-install-build-fails", "pip-install", cmd, out, needles_pip_install(out))
    cmd = "pip list --format=json"
    out = run(f"{VENV_PY} -m pip list --format=json", timeout=60)
    add("pip-list-json-venv", "pip-list-json", cmd, out, needles_pip_list_json(out))
    cmd = "pip list"
    out = run(f"{VENV_PY} -m pip list", timeout=60)
    add("pip-list-venv", "pip-list", cmd, out, needles_pip_list(out))


def cap_npm(tmp: Path) -> None:
    if not have("npm", "npm kinds"):
        return
    a = tmp / "npm-a"
    a.mkdir()
    run("npm init -y", cwd=a)
    cmd = "npm install --no-audit --no-fund express@4 request@2.88.2"
    out = run(cmd, cwd=a, timeout=240)
    if len(out) < MIN_ITEM_CHARS:
        note(f"(npm install express request printed only {out.strip()!r}: not an item)")
    else:
        add("npm-install-express-request", "npm-install", cmd, out, needles_npm_install(out))
    if (a / "package-lock.json").exists():
        cmd = "cat package-lock.json"
        out = run(cmd, cwd=a)
        add("package-lock-express-request", "package-lock", cmd, out, needles_package_lock(out))
        cmd = "npm ls --all"
        out = run(cmd, cwd=a, timeout=60)
        add("npm-ls-all-express-request", "npm-ls", cmd, out, needles_npm_ls(out))
        cmd = "python -m json.tool node_modules/express/package.json"
        out = run(f"{VENV_PY} -m json.tool node_modules/express/package.json", cwd=a)
        add("json-tool-express-package", "json-file", cmd, out, needles_json_file(out))
        # a peer-dependency conflict: refused, then forced (with its ERESOLVE warnings)
        cmd = "npm install --no-audit --no-fund react@18 react-dom@17"
        out = run(cmd, cwd=a, timeout=120)
        add("npm-install-eresolve", "npm-install", cmd, out, needles_npm_install(out))
        cmd = "npm install --no-audit --no-fund --force react@18 react-dom@17"
        out = run(cmd, cwd=a, timeout=120)
        add("npm-install-force-peer", "npm-install", cmd, out, needles_npm_install(out))
        # a dependency declared in package.json but never installed: npm ls reports it
        pj = a / "package.json"
        d = json.loads(pj.read_text())
        d.setdefault("dependencies", {})["chalk"] = "^5.3.0"
        pj.write_text(json.dumps(d, indent=2) + "\n")
        cmd = "npm ls --all"
        out = run(cmd, cwd=a, timeout=60)
        add("npm-ls-all-unmet", "npm-ls", cmd, out, needles_npm_ls(out))
    b = tmp / "npm-b"
    b.mkdir()
    run("npm init -y", cwd=b)
    cmd = "npm install --verbose --no-audit --no-fund lodash@4 debug@2 commander@9"
    out = run(cmd, cwd=b, timeout=240)
    add("npm-install-verbose", "npm-install", cmd, out, needles_npm_install(out))
    cmd = "npm install --verbose --no-audit --no-fund react@99.99.99"
    out = run(cmd, cwd=b, timeout=120)
    add("npm-install-verbose-etarget", "npm-install", cmd, out, needles_npm_install(out))
    # a local dependency whose install script fails (its native binding was never built)
    c = tmp / "npm-c"
    (c / "native-thing").mkdir(parents=True)
    (c / "package.json").write_text(json.dumps({"name": "npm-c", "version": "1.0.0", "dependencies": {
        "left-pad": "^1.3.0", "native-thing": "file:./native-thing"}}, indent=2) + "\n")
    (c / "native-thing" / "package.json").write_text(json.dumps({
        "name": "native-thing", "version": "0.1.0", "main": "index.js",
        "scripts": {"install": "node build.js"}}, indent=2) + "\n")
    (c / "native-thing" / "build.js").write_text("const binding = require('./build/Release/native_thing.node');\n"
                                                 "module.exports = binding;\n")
    cmd = "npm install --no-audit --no-fund"
    out = run(cmd, cwd=c, timeout=120)
    add("npm-install-script-fails", "npm-install", cmd, out, needles_npm_install(out))
    for pkg in ("react", "typescript", "lodash", "express", "axios", "left-pad"):
        cmd = f"npm view {pkg} --json"
        out = run(cmd, cwd=tmp, timeout=120)
        try:
            n = needles_npm_view(out)
        except (ValueError, KeyError) as e:
            note(f"skip npm view {pkg}: {e}: {out[:120]!r}")
            continue
        add(f"npm-view-{pkg}-json", "npm-view-json", cmd, out, n)
    f = Path("/usr/lib/node_modules/npm/package.json")
    if f.exists():
        cmd = f"python -m json.tool {f}"
        out = run(f"{VENV_PY} -m json.tool {f}")
        add("json-tool-npm-package", "json-file", cmd, out, needles_json_file(out))


def cap_cargo(tmp: Path) -> None:
    if not have(CARGO, "cargo-metadata"):
        return
    ws = tmp / "cargo-ws"
    crates = {"core": [], "codec": ["core"], "store": ["core", "codec"], "net": ["core", "codec"],
              "cli": ["core", "codec", "store", "net"]}
    (ws).mkdir()
    (ws / "Cargo.toml").write_text('[workspace]\nresolver = "2"\nmembers = [%s]\n\n[workspace.package]\n'
                                   'version = "0.4.2"\nedition = "2021"\nlicense = "MIT"\n'
                                   % ", ".join(f'"crates/{c}"' for c in crates))
    for i, (c, deps) in enumerate(crates.items()):
        d = ws / "crates" / c
        (d / "src").mkdir(parents=True)
        dl = "".join(f'{x} = {{ path = "../{x}", package = "demo-{x}" }}\n' for x in deps)
        ver = "version.workspace = true" if c != "cli" else 'version = "1.0.0-rc.1"'
        (d / "Cargo.toml").write_text(f'[package]\nname = "demo-{c}"\n{ver}\nedition.workspace = true\n'
                                      f'license.workspace = true\n\n[features]\ndefault = []\nfast = []\n\n'
                                      f'[dependencies]\n{dl}')
        (d / "src" / ("main.rs" if c == "cli" else "lib.rs")).write_text(
            "fn main() {}\n" if c == "cli" else "pub fn id() -> u32 { %d }\n" % i)
    cmd = "cargo metadata --format-version 1"
    out = run(f"{CARGO} metadata --format-version 1 --offline", cwd=ws, timeout=120,
              env={"PATH": f"{Path(CARGO).parent}:{os.environ.get('PATH', '')}"})
    try:
        n = needles_cargo_metadata(out)
    except (ValueError, KeyError) as e:
        note(f"skip cargo-metadata: {e}: {out[:200]!r}")
        return
    add("cargo-metadata-workspace", "cargo-metadata", cmd, out, n)


# ------------------------------------------------------------------ captures: git

G = "git -c color.ui=never -c core.pager=cat -c advice.statusHints=true"


def git_env(name: str, email: str, date: str) -> dict:
    return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}


SIX_VERSIONS = ["1.10.0", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0", "1.16.0", "1.17.0"]


def fetch_sdists(tmp: Path) -> list[Path]:
    """six's real release sdists from PyPI (one pip download per version, in parallel)."""
    dest = tmp / "sdists"
    dest.mkdir(exist_ok=True)

    def one(v):
        run(f"{VENV_PY} -m pip download --no-deps --no-binary :all: -d {dest} six=={v}", timeout=120,
            env={"PIP_CONSTRAINT": ""})
    ts = [threading.Thread(target=one, args=(v,)) for v in SIX_VERSIONS]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return [dest / f"six-{v}.tar.gz" for v in SIX_VERSIONS if (dest / f"six-{v}.tar.gz").exists()]


def build_six_repo(tmp: Path, sdists: list[Path]) -> Path | None:
    """A git history of six's releases: one commit per sdist, authored as PKG-INFO says, dated by the
    sdist's PKG-INFO mtime (so hashes are stable), tagged v<version>."""
    if len(sdists) < 3:
        return None
    repo = tmp / "six"
    repo.mkdir()
    run("git init -q -b main", cwd=repo)
    for sd in sdists:
        for p in repo.iterdir():
            if p.name != ".git":
                shutil.rmtree(p) if p.is_dir() else p.unlink()
        with tarfile.open(sd) as tf:
            top = tf.getnames()[0].split("/")[0]
            pkg = tf.getmember(f"{top}/PKG-INFO")
            info = tf.extractfile(pkg).read().decode()
            mtime = pkg.mtime
            tf.extractall(tmp / "x", filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(tmp / "x")
        src = tmp / "x" / top
        for p in src.iterdir():
            shutil.move(str(p), repo / p.name)
        shutil.rmtree(tmp / "x")
        author = re.search(r"^Author: (.*)$", info, re.M)
        email = re.search(r"^Author-email: (.*)$", info, re.M)
        ver = sd.name[len("six-"):-len(".tar.gz")]
        env = git_env(author.group(1) if author else "six maintainers", email.group(1) if email else "six@localhost",
                      f"{mtime} +0000")
        msg = f"Release six {ver}"
        ch = repo / "CHANGES"
        if ch.exists():
            m = re.search(rf"^{re.escape(ver)}\n-+\n\n(.*?)\n\n", ch.read_text(), re.S | re.M)
            if m:
                first = " ".join(m.group(1).split())[:200]
                msg += "\n\n" + first
        (tmp / "msg").write_text(msg + "\n")
        run(f"{G} add -A && {G} commit -q -F {tmp / 'msg'} && {G} tag v{ver}", cwd=repo, env=env)
    return repo


def build_graph_repo(tmp: Path) -> Path | None:
    """mitmproxy's installed addons as a repo, then real refactoring commits on topic branches merged
    with --no-ff (a real branchy history), fixed dates so hashes are stable."""
    src = SITE / "mitmproxy"
    if not src.is_dir():
        note("skip graph repo: mitmproxy not installed in the venv")
        return None
    repo = tmp / "mitm"
    shutil.copytree(src, repo / "mitmproxy", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    base = 1767225600  # 2026-01-01
    clock = [0]

    def env(who=("Ada Lovelace", "ada@example.invalid")):
        clock[0] += 3600
        return git_env(who[0], who[1], f"{base + clock[0]} +0000")
    run("git init -q -b main", cwd=repo)
    run(f"{G} add -A && {G} commit -qm 'Import mitmproxy sources'", cwd=repo, env=env())
    people = [("Ada Lovelace", "ada@example.invalid"), ("Grace Hopper", "grace@example.invalid"),
              ("Alan Turing", "alan@example.invalid"), ("Edsger Dijkstra", "edsger@example.invalid")]
    edits = [
        ("log-calls", r"\bctx\.log\.warn\(", "logging.warning(", "use logging.warning in {f}"),
        ("log-info", r"\bctx\.log\.info\(", "logging.info(", "use logging.info in {f}"),
        ("optional", r"\bOptional\[(\w+)\]", r"\1 | None", "{f}: PEP 604 optionals"),
        ("typing-list", r"\btyping\.List\[", "list[", "{f}: builtin list generics"),
        ("typing-dict", r"\btyping\.Dict\[", "dict[", "{f}: builtin dict generics"),
        ("union", r"\bUnion\[(\w+), (\w+)\]", r"\1 | \2", "{f}: PEP 604 unions"),
    ]
    files = sorted((repo / "mitmproxy").rglob("*.py"))
    total = 0
    for bi, (branch, pat, rep, subj) in enumerate(edits):
        who = people[bi % len(people)]
        run(f"{G} checkout -q -b topic/{branch} main", cwd=repo)
        made = 0
        for f in files:
            t = f.read_text()
            t2 = re.sub(pat, rep, t)
            if t2 == t:
                continue
            f.write_text(t2)
            rel = f.relative_to(repo).as_posix()
            run(f"{G} commit -qam '{subj.format(f=rel)}'", cwd=repo, env=env(who))
            made += 1
            if made >= 6:
                break
        run(f"{G} checkout -q main", cwd=repo)
        if made:
            run(f"{G} merge -q --no-ff topic/{branch} -m 'Merge branch topic/{branch}'", cwd=repo,
                env=env(people[0]))
            total += made
        # a commit on main in between, so the graph interleaves
        rd = repo / "mitmproxy" / "version.py"
        if rd.exists():
            rd.write_text(rd.read_text() + f"\n# build {bi + 1}\n")
            run(f"{G} commit -qam 'Bump build number to {bi + 1}'", cwd=repo, env=env(people[3]))
    return repo if total else None


def cap_git(tmp: Path) -> None:
    if not have("git", "git kinds"):
        return
    sdists = fetch_sdists(tmp)
    six = build_six_repo(tmp, sdists)
    if six:
        cmd = "git log -p"
        out = run(f"{G} log -p", cwd=six)
        if len(out) > 300_000:
            cmd = "git log -p -5"
            out = run(f"{G} log -p -5", cwd=six)
        add("git-log-p-six", "git-log-p", cmd, out, needles_git_log_p(out))
        cmd = "git log -p -3 -- six.py"
        out = run(f"{G} log -p -3 -- six.py", cwd=six)
        add("git-log-p-six-py", "git-log-p", cmd, out, needles_git_log_p(out))
        cmd = "git blame six.py"
        out = run(f"{G} blame six.py", cwd=six)
        add("git-blame-six-py", "git-blame", cmd, out, needles_git_blame(out))
        cmd = "git blame test_six.py"
        out = run(f"{G} blame test_six.py", cwd=six)
        add("git-blame-test-six", "git-blame", cmd, out, needles_git_blame(out))
        cmd = "git show --stat -p HEAD"
        out = run(f"{G} show --stat -p HEAD", cwd=six)
        add("git-show-six-head", "git-show", cmd, out, needles_git_show(out))
        vs = [sd.name[4:-7] for sd in sdists]
        if "1.12.0" in vs and "1.14.0" in vs:
            cmd = "git diff --stat v1.12.0 v1.14.0 && git diff v1.12.0 v1.14.0 -- six.py CHANGES setup.py tox.ini"
            out = run(f"{G} diff --stat v1.12.0 v1.14.0 && {G} diff v1.12.0 v1.14.0 -- six.py CHANGES setup.py tox.ini",
                      cwd=six)
            add("git-diff-six-releases", "git-diff", cmd, out, needles_git_diff(out))
    # this project's own repository
    if (ROOT / ".git").exists():
        for n in (6, 4, 3, 2, 1):
            out = run(f"{G} log -p -{n} -- scripts tests", cwd=ROOT)
            if len(out) <= 300_000:
                break
        cmd = f"git log -p -{n} -- scripts tests"
        add("git-log-p-self", "git-log-p", cmd, out, needles_git_log_p(out))
        cmd = "git log --oneline --graph --decorate --all"
        out = run(f"{G} log --oneline --graph --decorate --all", cwd=ROOT)
        add("git-log-graph-self", "git-log-graph", cmd, out, needles_git_log_graph(out))
        top = run(f"{G} log --format= --name-only -- '*.py'", cwd=ROOT).split()
        top = [f for f, _ in Counter(top).most_common() if (ROOT / f).is_file()]
        if top:
            cmd = f"git blame {top[0]}"
            out = run(f"{G} blame {top[0]}", cwd=ROOT)
            if len(out) <= MAX_ITEM_CHARS:
                add("git-blame-self", "git-blame", cmd, out, needles_git_blame(out))
        revs = run(f"{G} rev-list -n 12 HEAD", cwd=ROOT).split()
        for r in revs[1:]:
            out = run(f"{G} show --stat -p {r}", cwd=ROOT)
            if 2_000 <= len(out) <= 120_000:
                cmd = f"git show --stat -p {r[:10]}"
                add("git-show-self", "git-show", cmd, out, needles_git_show(out))
                break
    repo = build_graph_repo(tmp)
    if repo:
        cmd = "git log --oneline --graph --decorate --all"
        out = run(f"{G} log --oneline --graph --decorate --all", cwd=repo)
        add("git-log-graph-branches", "git-log-graph", cmd, out, needles_git_log_graph(out))
        base = run(f"{G} rev-list --max-parents=0 HEAD", cwd=repo).split()[0]
        cmd = f"git diff --stat {base[:10]} HEAD -- mitmproxy/addons && git diff {base[:10]} HEAD -- mitmproxy/addons"
        out = run(f"{G} diff --stat {base} HEAD -- mitmproxy/addons && {G} diff {base} HEAD -- mitmproxy/addons",
                  cwd=repo)
        add("git-diff-branches-addons", "git-diff", cmd, out, needles_git_diff(out))
        # a work tree with many changes: a rename across files, 2 deletions, 1 rename, 3 new staged files,
        # and the .orig backups a patch tool leaves behind
        files = sorted((repo / "mitmproxy").rglob("*.py"))
        changed = []
        for f in files:
            t = f.read_text()
            t2 = re.sub(r"\bflow\.request\b", "flow.req", t)
            if t2 != t:
                f.write_text(t2)
                changed.append(f)
        for f in changed[:6]:
            shutil.copy(f, str(f) + ".orig")
        gone = [f for f in files if f not in changed and f.name != "__init__.py"]
        if len(gone) >= 3:
            run(f"{G} rm -q {gone[0].relative_to(repo)} {gone[1].relative_to(repo)}", cwd=repo)
            run(f"{G} mv {gone[2].relative_to(repo)} {gone[2].with_name('legacy_' + gone[2].name).relative_to(repo)}",
                cwd=repo)
        for name in ("mitmproxy/addons/req_alias.py", "mitmproxy/utils/req_compat.py", "tests/test_req_alias.py"):
            p = repo / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text('"""flow.req alias."""\n')
            run(f"{G} add {name}", cwd=repo)
        cmd = "git status"
        out = run(f"{G} status", cwd=repo)
        add("git-status-many", "git-status", cmd, out, needles_git_status(out))
        cmd = "git diff --stat"
        out = run(f"{G} diff --stat", cwd=repo)
        add("git-diff-stat-worktree", "git-diff", cmd, out, needles_git_diff(out))


# ------------------------------------------------------------------ captures: listings and processes

def cap_listings(tmp: Path) -> None:
    env = {"LC_ALL": "C"}
    for item_id, d in (("ls-la-usr-bin", "/usr/bin"), ("ls-la-site-packages", str(SITE)),
                       ("ls-la-etc", "/etc")):
        if Path(d).is_dir():
            cmd = f"ls -la {d}"
            out = run(cmd, env=env)
            add(item_id, "ls-la", cmd.replace(str(ROOT) + "/", ""), out, needles_ls_la(out))
    for item_id, d, cwd in (("ls-lR-npmcli", "@npmcli", "/usr/lib/node_modules/npm/node_modules"),
                            ("ls-lR-mitmproxy-tools", "mitmproxy/tools", str(SITE))):
        if (Path(cwd) / d).is_dir():
            cmd = f"ls -lR {d}"
            out = run(cmd, cwd=cwd, env=env)
            add(item_id, "ls-lR", cmd, out, needles_ls_lR(out))
    for item_id, d in (("find-printf-npm-lib", "/usr/lib/node_modules/npm/lib"),
                       ("find-printf-zoneinfo", "/usr/share/zoneinfo/America")):
        if Path(d).is_dir():
            cmd = f"find {d} -type f -printf '%M %u %s %p\\n'"
            out = run(cmd, env=env)
            add(item_id, "find-printf", cmd, out, needles_find_printf(out))
    for item_id, d, cwd in (("du-ah-sort-mitmproxy", "mitmproxy", str(SITE)),
                            ("du-ah-sort-npm-node-modules", "node_modules", "/usr/lib/node_modules/npm")):
        if (Path(cwd) / d).is_dir():
            cmd = f"du -ah {d} | sort -h"
            out = run(cmd, cwd=cwd, env=env)
            if len(out) > 300_000:
                cmd = f"du -ah {d} | sort -h | tail -n 3000"
                out = run(cmd, cwd=cwd, env=env)
            add(item_id, "du-sort", cmd, out, needles_du(out))
    if have("df", "df-h"):
        out = run("df -h", env=env)
        add("df-h", "df-h", "df -h", out, needles_df(out))
        out = run("df -ah", env=env)
        add("df-ah", "df-h", "df -ah", out, needles_df(out))
    if have("dpkg", "dpkg-l"):
        cmd = "dpkg -l | head -300"
        out = run(cmd, env={"COLUMNS": "160"})
        add("dpkg-l-head", "dpkg-l", cmd, out, needles_dpkg_l(out))
    if have("apt", "apt-list"):
        cmd = "apt list --installed"
        out = run(cmd, timeout=60)
        add("apt-list-installed", "apt-list", cmd, out, needles_apt_list(out))
    if Path("/var/log/dpkg.log").exists():
        cmd = "tail -n 1500 /var/log/dpkg.log"
        out = run(cmd)
        add("dpkg-log-tail", "dpkg-log", cmd, out, needles_dpkg_log(out))
    if not (Path("/var/log/syslog").exists() or run("journalctl --no-pager -n 1 2>/dev/null").count("\n") > 1):
        note("no syslog/journal entries on this machine: journalctl-like log not captured")


def cap_processes(tmp: Path) -> None:
    py = sys.executable
    spin = start([py, "-c", "import time\nt = time.time()\nwhile time.time() - t < 90:\n    pass\n"])
    big = start([py, "-c", "import time\nb = b'\\x01' * (900 << 20)\ntime.sleep(90)\n"])
    sleepers = [start(["sleep", "120"]), start(["sleep", "121"])]
    # loopback listeners and one established connection
    www = tmp / "www"
    www.mkdir(exist_ok=True)
    (www / "index.html").write_text("<h1>ok</h1>\n")
    ports = [free_port(), free_port()]
    servers = [start([py, "-m", "http.server", "--bind", "127.0.0.1", str(p), "--directory", str(www)])
               for p in ports]
    for p in ports:
        wait_port(p)
    hold = socket.create_connection(("127.0.0.1", ports[0]))
    time.sleep(5)
    try:
        if have("ps", "ps-aux"):
            out = run("ps aux", env={"COLUMNS": "200"})
            add("ps-aux", "ps-aux", "ps aux", out, needles_ps_aux(out))
            out = run("ps -ef", env={"COLUMNS": "200"})
            add("ps-ef", "ps-ef", "ps -ef", out, needles_ps_ef(out))
            out = run("ps auxww --sort=-%mem", env={"COLUMNS": "200"})
            add("ps-auxww-sort-mem", "ps-aux", "ps auxww --sort=-%mem", out, needles_ps_aux(out))
        if have("top", "top"):
            out = run("top -b -n 1 -w 200")
            add("top-b-n1", "top", "top -b -n 1 -w 200", out, needles_top(out))
        if have("ss", "ss-tanp"):
            out = run("ss -tanp")
            add("ss-tanp", "ss-tanp", "ss -tanp", out, needles_ss(out))
        if have("netstat", "netstat"):
            out = run("netstat -tanp")
            add("netstat-tanp", "netstat", "netstat -tanp", out, needles_netstat(out))
    finally:
        hold.close()
        for p in [spin, big, *sleepers, *servers]:
            stop(p)


# ------------------------------------------------------------------ captures: tables

def write_csvs(tmp: Path) -> dict[str, Path]:
    import csv
    from datetime import datetime, timezone
    out: dict[str, Path] = {}
    zt = Path("/usr/share/zoneinfo/zone1970.tab")
    if zt.exists():
        try:
            from zoneinfo import ZoneInfo
        except ImportError:
            ZoneInfo = None

        def dms(s: str) -> float:
            sign = -1 if s[0] == "-" else 1
            s = s[1:]
            if len(s) in (4, 5):
                d, m, sec = s[:-2], s[-2:], "0"
            else:
                d, m, sec = s[:-4], s[-4:-2], s[-2:]
            return round(sign * (int(d) + int(m) / 60 + int(sec) / 3600), 4)
        p = tmp / "zones.csv"
        with p.open("w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["countries", "latitude", "longitude", "tz", "region", "utc_offset_jan", "utc_offset_jul",
                        "comment"])
            for ln in zt.read_text().splitlines():
                if ln.startswith("#") or not ln.strip():
                    continue
                parts = ln.split("\t")
                coord = parts[1]
                m = re.match(r"([+-]\d+)([+-]\d+)$", coord)
                lat, lon = dms(m.group(1)), dms(m.group(2))
                tz = parts[2]
                offs = []
                for month in (1, 7):
                    try:
                        o = datetime(2026, month, 15, 12, tzinfo=timezone.utc).astimezone(ZoneInfo(tz)).utcoffset()
                        offs.append(o.total_seconds() / 3600)
                    except Exception:
                        offs.append("")
                w.writerow([parts[0], lat, lon, tz, tz.split("/")[0], *offs, parts[3] if len(parts) > 3 else ""])
        out["zones"] = p
    sv = Path("/etc/services")
    if sv.exists():
        p = tmp / "services.csv"
        with p.open("w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["service", "port", "protocol", "aliases", "comment"])
            for ln in sv.read_text().splitlines():
                body, _, comment = ln.partition("#")
                parts = body.split()
                if len(parts) < 2 or "/" not in parts[1]:
                    continue
                port, proto = parts[1].split("/")
                w.writerow([parts[0], port, proto, " ".join(parts[2:]), comment.strip()])
        out["services"] = p
    st = Path("/var/lib/dpkg/status")
    if st.exists():
        p = tmp / "packages.csv"
        recs = parse_dpkg_status(st)
        with p.open("w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["package", "version", "architecture", "priority", "section", "installed_size_kb",
                        "depends", "essential"])
            for r in recs:
                w.writerow([r["package"], r["version"], r["architecture"], r["priority"], r["section"],
                            r["installed_size"], r["depends"], r["essential"]])
        out["packages"] = p
    return out


def parse_dpkg_status(st: Path) -> list[dict]:
    recs = []
    for block in st.read_text(errors="replace").split("\n\n"):
        f = {}
        for m in re.finditer(r"^([A-Za-z-]+): ?(.*)$", block, re.M):
            f[m.group(1)] = m.group(2)
        if "Package" not in f or "install ok installed" not in f.get("Status", ""):
            continue
        deps = [d for d in f.get("Depends", "").split(",") if d.strip()]
        recs.append({"package": f["Package"], "version": f.get("Version", ""),
                     "architecture": f.get("Architecture", ""), "priority": f.get("Priority", ""),
                     "section": f.get("Section", ""), "installed_size": int(f.get("Installed-Size", "0") or 0),
                     "depends": len(deps), "essential": f.get("Essential", "no"),
                     "maintainer": f.get("Maintainer", "")})
    recs.sort(key=lambda r: r["package"])
    return recs


def cap_tables(tmp: Path) -> None:
    csvs = write_csvs(tmp)
    if "zones" in csvs:
        cmd = "cat zones.csv"
        out = run(cmd, cwd=tmp)
        add("csv-zones", "csv", cmd, out, needles_csv(out))
    if "services" in csvs:
        cmd = "cat services.csv"
        out = run(cmd, cwd=tmp)
        add("csv-services", "csv", cmd, out, needles_csv(out))
    if "packages" in csvs:
        cmd = "cat packages.csv"
        out = run(cmd, cwd=tmp)
        add("csv-dpkg-packages", "csv", cmd, out, needles_csv(out))
        cmd = "head -n 40 packages.csv"
        out = run(cmd, cwd=tmp)
        add("csv-dpkg-packages-head", "csv", cmd, out, needles_csv(out))
    st = Path("/var/lib/dpkg/status")
    if not st.exists() or not have("sqlite3", "sqlite kinds"):
        return
    import sqlite3
    db = tmp / "pkgs.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE packages (package TEXT PRIMARY KEY, version TEXT, architecture TEXT, priority TEXT,"
                " section TEXT, installed_size INTEGER, depends INTEGER, essential TEXT, maintainer TEXT)")
    con.executemany("INSERT INTO packages VALUES (:package, :version, :architecture, :priority, :section,"
                    " :installed_size, :depends, :essential, :maintainer)", parse_dpkg_status(st))
    con.execute("CREATE TABLE files (path TEXT, size INTEGER, ext TEXT)")
    rows = []
    for p in sorted((SITE / "mitmproxy").rglob("*")) if (SITE / "mitmproxy").is_dir() else []:
        if p.is_file():
            rows.append((p.relative_to(SITE).as_posix(), p.stat().st_size, p.suffix or "(none)"))
    con.executemany("INSERT INTO files VALUES (?, ?, ?)", rows)
    con.commit()
    con.close()
    queries = [
        ("sqlite-column-sections", "sqlite-column", "-column -header",
         "SELECT section, COUNT(*) AS n, SUM(installed_size) AS total_kb, MAX(installed_size) AS max_kb, "
         "ROUND(AVG(depends), 2) AS avg_deps FROM packages GROUP BY section ORDER BY n DESC"),
        ("sqlite-column-packages", "sqlite-column", "-column -header",
         "SELECT package, version, priority, installed_size, depends FROM packages "
         "WHERE installed_size > 20000 OR installed_size < 30 OR priority IN ('required', 'important') "
         "ORDER BY package"),
        ("sqlite-column-files-by-dir", "sqlite-column", "-column -header",
         "SELECT rtrim(path, replace(path, '/', '')) AS dir, ext, COUNT(*) AS files, SUM(size) AS bytes, "
         "MIN(size) AS smallest, MAX(size) AS largest FROM files GROUP BY dir, ext ORDER BY dir, ext"),
        ("sqlite-csv-packages", "sqlite-csv", "-csv -header",
         "SELECT package, version, architecture, priority, section, installed_size, depends FROM packages "
         "ORDER BY package"),
        ("sqlite-csv-files", "sqlite-csv", "-csv -header",
         "SELECT path, size, ext FROM files ORDER BY path"),
    ]
    for item_id, kind, mode, q in queries:
        cmd = f'sqlite3 {mode} pkgs.db "{q}"'
        out = run(cmd, cwd=tmp)
        n = needles_sqlite_column(out) if kind == "sqlite-column" else needles_csv(out)
        add(item_id, kind, cmd, out, n)


# ------------------------------------------------------------------ captures: JSON API and logs

SMOKE = r'''
"""Import smoke test: import every top-level module of a site-packages dir, record the outcome."""
import contextlib, io, json, os, pkgutil, sys, time
site, out = sys.argv[1], sys.argv[2]
names = sorted({m.name for m in pkgutil.iter_modules([site]) if not m.name.startswith("_")})[:150]
results = []
for name in names:
    t = time.perf_counter()
    rec = {"module": name, "status": "ok"}
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            mod = __import__(name)
        rec["version"] = str(getattr(mod, "__version__", "") or "")
        rec["attrs"] = len(dir(mod))
    except BaseException as e:
        rec["status"] = "error"
        rec["version"] = ""
        rec["attrs"] = 0
        rec["error"] = f"{type(e).__name__}: {str(e)[:120]}"
    rec["ms"] = round((time.perf_counter() - t) * 1000, 1)
    rec.setdefault("error", None)
    results.append(rec)
ok = sum(r["status"] == "ok" for r in results)
doc = {"site": os.path.basename(site.rstrip("/")), "count": len(results), "ok": ok,
       "failed": len(results) - ok, "results": results}
with open(out, "w") as f:
    json.dump(doc, f)
'''

APP = r'''
"""A tiny inventory service on wsgiref: JSON endpoints, 404s, and a report endpoint with a real bug."""
import json, logging, sys
from wsgiref.simple_server import make_server, WSGIRequestHandler

logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("inventory")
ITEMS = {i: {"id": i, "sku": f"SKU-{i:04d}", "qty": (i * 37) % 50, "price": round(3.5 + (i * 13) % 90, 2)}
         for i in range(1, 41)}

def report(params):
    qty = sum(it["qty"] for it in ITEMS.values() if it["sku"].endswith(params.get("suffix", "")))
    count = sum(1 for it in ITEMS.values() if it["sku"].endswith(params.get("suffix", "")))
    return {"avg_qty": qty / count}

def app(environ, start_response):
    path = environ["PATH_INFO"]
    qs = dict(p.split("=", 1) for p in environ.get("QUERY_STRING", "").split("&") if "=" in p)
    if path == "/health":
        body = {"status": "ok"}
    elif path == "/items":
        body = list(ITEMS.values())
    elif path.startswith("/items/"):
        try:
            body = ITEMS[int(path.rsplit("/", 1)[1])]
        except (KeyError, ValueError):
            log.warning("item not found: %s", path)
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b'{"error": "not found"}']
    elif path == "/report":
        body = report(qs)
    else:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    data = json.dumps(body).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]

class Handler(WSGIRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("%s - - [%s] %s\n" % (self.address_string(), self.log_date_time_string(), fmt % args))

if __name__ == "__main__":
    port = int(sys.argv[1])
    log.info("inventory service listening on 127.0.0.1:%d", port)
    with make_server("127.0.0.1", port, app, handler_class=Handler) as srv:
        srv.serve_forever()
'''

HASHER = r'''
"""Hash every file under a directory, logging per-file progress, then a summary."""
import hashlib, logging, os, sys
logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
log = logging.getLogger("hashtree")
root = sys.argv[1]
n = failed = total = 0
for d, dirs, files in os.walk(root):
    dirs.sort()
    for name in sorted(files):
        p = os.path.join(d, name)
        try:
            with open(p, "rb") as f:
                data = f.read()
        except OSError:
            failed += 1
            log.exception("cannot hash %s", os.path.relpath(p, root))
            continue
        n += 1
        total += len(data)
        if not data:
            log.warning("empty file %s", os.path.relpath(p, root))
        log.info("hashed %s (%d bytes) sha256=%s", os.path.relpath(p, root), len(data), hashlib.sha256(data).hexdigest()[:16])
log.info("done: %d files, %d bytes, %d failed", n, total, failed)
sys.exit(1 if failed else 0)
'''


def http_get(url: str, data: bytes | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=10) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        e.read()
        return e.code
    except OSError:
        return 0


def cap_json_and_logs(tmp: Path) -> None:
    py = str(VENV_PY)
    # import smoke test -> results JSON served by http.server, fetched with curl
    api = tmp / "api"
    api.mkdir()
    (tmp / "smoke.py").write_text(SMOKE)
    run(f"{py} {tmp / 'smoke.py'} {SITE} {api / 'import-smoke.json'}", cwd=tmp, timeout=120)
    (tmp / "app.py").write_text(APP)
    port = free_port()
    hlog = (tmp / "http.log").open("wb")
    srv = start([py, "-u", "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(api)],
                log=hlog)
    aport = free_port()
    alog = (tmp / "app.log").open("wb")
    app = start([py, "-u", str(tmp / "app.py"), str(aport)], log=alog)
    try:
        if wait_port(port) and (api / "import-smoke.json").exists() and have("curl", "json-api"):
            url = f"http://127.0.0.1:{port}/import-smoke.json"
            cmd = f"curl -s {url}"
            out = run(cmd)
            add("json-api-import-smoke-oneline", "json-api", cmd, out, needles_json_api(out, pretty=False))
            cmd = f"curl -s {url} | python -m json.tool"
            out = run(f"curl -s {url} | {py} -m json.tool")
            add("json-api-import-smoke-pretty", "json-api", cmd, out, needles_json_api(out, pretty=True))
            # the server's own log: a bounded set of requests, some for files that do not exist
            for i in range(30):
                http_get(f"http://127.0.0.1:{port}/import-smoke.json")
                if i % 7 == 3:
                    http_get(f"http://127.0.0.1:{port}/results-{i}.json")
                if i % 10 == 5:
                    http_get(f"http://127.0.0.1:{port}/")
                if i == 21:
                    http_get(f"http://127.0.0.1:{port}/import-smoke.json", data=b'{"rerun": true}')
            time.sleep(0.3)
            cmd = "cat http.log"
            out = (tmp / "http.log").read_text(errors="replace")
            add("http-server-log", "http-server-log", cmd, out, needles_http_server_log(out))
        if wait_port(aport):
            seq = []
            for i in range(1, 121):
                if i % 11 == 0:
                    seq.append(f"/items/{900 + i}")
                elif i == 47 or i == 93:
                    seq.append("/report?suffix=X")  # no SKU ends with X: ZeroDivisionError
                elif i % 17 == 0:
                    seq.append("/favicon.ico")
                elif i % 5 == 0:
                    seq.append("/items")
                elif i % 9 == 0:
                    seq.append("/report?suffix=7")
                else:
                    seq.append(f"/items/{(i * 7) % 40 + 1}")
            for s in seq:
                http_get(f"http://127.0.0.1:{aport}{s}")
            time.sleep(0.3)
            cmd = "cat app.log"
            out = (tmp / "app.log").read_text(errors="replace")
            add("wsgi-app-log", "wsgi-log", cmd, out, needles_wsgi_log(out))
            if have("curl", "json-api"):
                cmd = f"curl -s http://127.0.0.1:{aport}/items | python -m json.tool"
                out = run(f"curl -s http://127.0.0.1:{aport}/items | {py} -m json.tool")
                recs = json.loads(out)
                n = json_records_needles(out, recs, "id", pretty=True, nums=("qty", "price"))
                add("json-api-items-pretty", "json-api", cmd, out, n,
                    rule="r4 on the array's records: min/max qty and price (identifying line)")
    finally:
        stop(srv)
        stop(app)
        hlog.close()
        alog.close()
    # progress log with one failure (a dangling symlink) in the middle
    zi = Path("/usr/share/zoneinfo/America")
    if zi.is_dir():
        tree = tmp / "tzcopy"
        shutil.copytree(zi, tree, symlinks=True)
        (tree / "Indiana" if (tree / "Indiana").is_dir() else tree).joinpath("Old_Knox").symlink_to("../Atlantis")
        (tmp / "hashtree.py").write_text(HASHER)
        cmd = "python hashtree.py tzcopy"
        out = run(f"{py} hashtree.py tzcopy", cwd=tmp)
        add("progress-log-hashtree", "progress-log", cmd, out, needles_progress_log(out))


# ------------------------------------------------------------------ main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    tmp = Path(tempfile.gettempdir()) / "hm-corpus-data"  # a fixed path: paths in outputs stay the same
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    steps = [cap_processes, cap_listings, cap_tables, cap_json_and_logs, cap_cargo, cap_git, cap_npm, cap_pip]
    try:
        for step in steps:
            if time.time() - T0 > BUDGET_S:
                note(f"skip {step.__name__}: time budget spent")
                continue
            note(f"{step.__name__} ...")
            try:
                step(tmp)
            except AssertionError:
                raise
            except Exception as e:  # tolerant: one failing source skips its kinds
                note(f"skip rest of {step.__name__}: {type(e).__name__}: {e}")
    finally:
        for p in procs:
            stop(p)
        shutil.rmtree(tmp, ignore_errors=True)
    items.sort(key=lambda it: it["id"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"version": 2, "items": items}, ensure_ascii=False, indent=1) + "\n")
    kinds = Counter(it["kind"] for it in items)
    held = sum(it["split"] == "heldout" for it in items)
    note(f"wrote {len(items)} items ({len(kinds)} kinds, {held} held out), {args.out.stat().st_size:,} bytes "
         f"-> {args.out}")


if __name__ == "__main__":
    main()
