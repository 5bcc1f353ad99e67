"""Round 85: the `tidewatch` repository (Python, C and JavaScript, widened by a seeded generator, with syntax errors
and code smells put in) and the code-navigation and terminal tools run over it. The extractors apply NEEDLES.md's
"Round 85" rules. Run through capture_wide85.py."""

from __future__ import annotations

import json
import random
import re
import struct
from pathlib import Path

from capture_more import any_of, groups, kind, write_tree
from capture_wide85 import add, cap

# ------------------------------------------------------------------ extractors


def _exit(lines):
    """Rule 3: the `EXIT=N` line the agent printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


@kind("ast-grep-run", "search")
def n_sg_run(lines):
    """Rule 5: one {"any"} per file matched: its heading line and every match line of that file."""
    pairs, head = [], None
    for ln in lines:
        m = re.match(r"^(\S+?):\d+:", ln)
        if m:
            pairs.append((m.group(1), ln))
        elif re.match(r"^\S+\.(py|c|h|js|mjs)$", ln.strip()):
            head = ln.strip()
            pairs.append((head, ln))
        elif head and re.match(r"^\d+│", ln):
            pairs.append((head, ln))
    return groups(pairs) + _exit(lines)


@kind("ast-grep-run-json", "json")
def n_sg_json(lines):
    """Rule 5: every distinct "file" line, and the "lines" line of the first match in each file."""
    out, seen, pending = [], set(), False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"file":'):
            if s not in seen:
                seen.add(s)
                out.append(s)
                pending = True
        elif pending and s.startswith('"lines":'):
            out.append(s)
            pending = False
    return out + _exit(lines)


def _scan_rich(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(error|warning|info|hint|help)\[([\w-]+)\]:", ln)
        if not m:
            continue
        loc = next((lines[j] for j in range(i + 1, min(i + 4, len(lines))) if "┌─" in lines[j]), None)
        if m.group(1) == "error":
            out += [ln, loc]
        elif loc:
            f = re.search(r"┌─ ([^:]+):", loc).group(1)
            pairs.append(((m.group(2), f), loc.strip()))
    return out + groups(pairs)


@kind("ast-grep-scan", "lint")
def n_sg_scan(lines):
    """Rule 1: every error[rule] finding with its location line; other severities one {"any"} per (rule, file) of their
    location lines; the closing `Error: N error(s) found` line."""
    tail = [ln for ln in lines if re.match(r"^Error: \d+ error", ln)]
    return _scan_rich(lines) + tail + _exit(lines)


@kind("ast-grep-scan-short", "lint")
def n_sg_short(lines):
    """Rule 1: every `file:l:c: error[rule]` line; other severities one {"any"} per (rule, file); the closing
    `Error: N error(s) found` line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(.+?):\d+:\d+: (error|warning|info|hint)\[([\w-]+)\]", ln)
        if m and m.group(2) == "error":
            out.append(ln)
        elif m:
            pairs.append(((m.group(3), m.group(1)), ln))
        # the short report runs its last finding and the closing line together when no newline ends it
        e = re.search(r"Error: \d+ error\(s\) found.*", ln)
        if e:
            out.append(e.group(0))
    return out + groups(pairs) + _exit(lines)


@kind("ast-grep-rewrite", "code")
def n_sg_rewrite(lines):
    """Rule 5: every file name line and every `@@` hunk header of the rewrite preview."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("@@"):
            out.append(ln)
            if i and re.match(r"^\S+\.\w+$", lines[i - 1].strip()):
                out.append(lines[i - 1])
    return out + _exit(lines)


TYPE_KINDS = {"class", "struct", "interface", "enum", "typedef", "union"}


def _ctags_rows(rows):
    """rows: (line, kind, file). Rule 4 on the kind column, every type-definition row, the first row of each file."""
    out = []
    kinds: dict = {}
    for ln, k, _ in rows:
        kinds[k] = kinds.get(k, 0) + 1
    if rows and max(kinds.values()) * 2 >= len(rows):
        out += [ln for ln, k, _ in rows if kinds[k] <= 2]
    out += [ln for ln, k, _ in rows if k in TYPE_KINDS]
    seen = set()
    for ln, _, f in rows:
        if f not in seen:
            seen.add(f)
            out.append(ln)
    return out


@kind("ctags-x", "listing")
def n_ctags_x(lines):
    """Rule 4 on the kind column; every type-definition row (class, struct, interface, enum, typedef, union); the first
    row of every file."""
    rows = []
    for ln in lines:
        m = re.match(r"^\S+\s+(\w+)\s+\d+\s+(\S+)", ln)
        if m:
            rows.append((ln, m.group(1), m.group(2)))
    return _ctags_rows(rows) + _exit(lines)


@kind("ctags-json", "json")
def n_ctags_json(lines):
    """Rule 4 on the records' kind; every type-definition record; the first record of every file."""
    rows = []
    for ln in lines:
        try:
            r = json.loads(ln)
        except ValueError:
            continue
        if r.get("_type") == "tag":
            rows.append((ln, r.get("kind", ""), r.get("path", "")))
    return _ctags_rows(rows) + _exit(lines)


@kind("ctags-tags-file", "listing")
def n_ctags_tags(lines):
    """Rule 4 on the kind field; every type-definition tag; the first tag of every file; the !_TAG_PROGRAM_VERSION
    line."""
    rows = []
    for ln in lines:
        p = ln.split("\t")
        if len(p) >= 4 and not ln.startswith("!_"):
            k = next((x for x in p[3:] if re.match(r"^[a-z]+$", x)), "")
            rows.append((ln, k, p[1]))
    head = [ln for ln in lines if ln.startswith("!_TAG_PROGRAM_VERSION")]
    return head + _ctags_rows(rows) + _exit(lines)


def cscope_rule(mode: int):
    @kind("cscope-line", "search")
    def n_cscope(lines):
        """Rule 5: -1 every line; -0 and -3 one {"any"} per (file, function); -2 every distinct function named."""
        rows = [(ln, ln.split(" ", 3)) for ln in lines if len(ln.split(" ", 3)) == 4]
        if mode == 1:
            return [ln for ln, _ in rows] + _exit(lines)
        if mode == 2:
            return groups((p[1], ln) for ln, p in rows) + _exit(lines)
        return groups(((p[0], p[1]), ln) for ln, p in rows) + _exit(lines)
    return n_cscope


@kind("hexyl", "listing")
def n_hexyl(lines):
    """Rule 5: the first and last data rows, and every row right after a `*` squeeze line."""
    data = [i for i, ln in enumerate(lines) if re.match(r"^│[0-9a-f]{8}│", ln) or re.match(r"^\s*[0-9a-f]{8}\s", ln)]
    out = []
    if data:
        out += [lines[data[0]], lines[data[-1]]]
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^\s*│?\*", ln) and (i + 1) in data:
            out.append(lines[i + 1])
    return out + _exit(lines)


@kind("ncdu-export", "json")
def n_ncdu(lines):
    """Rule 5: the header record line, the root entry line, every read_error / excluded / notreg entry, the entries
    with the largest dsize and asize."""
    out = [ln for ln in lines if '"progname"' in ln][:1]
    ents = []
    for ln in lines:
        m = re.search(r'\{"name":.*?\}', ln)
        if m:
            try:
                ents.append((ln, json.loads(m.group(0))))
            except ValueError:
                pass
    if ents:
        out.append(ents[0][0])
        out += [ln for ln, e in ents if {"read_error", "excluded", "notreg"} & e.keys()]
        for key in ("dsize", "asize"):
            out.append(max(ents[1:] or ents, key=lambda t: t[1].get(key, 0))[0])
    return out + _exit(lines)


@kind("ping", "log")
def n_ping(lines):
    """Rules 3+4: the PING line, the replies with the minimum and maximum time, replies out of icmp_seq order or with
    a rare ttl, the packets-transmitted and rtt lines."""
    out = [ln for ln in lines if ln.startswith("PING ")]
    reps = []
    for ln in lines:
        m = re.search(r"icmp_seq=(\d+) ttl=(\d+) time=([\d.]+)", ln)
        if m:
            reps.append((ln, int(m.group(1)), m.group(2), float(m.group(3))))
    if reps:
        out += [min(reps, key=lambda r: r[3])[0], max(reps, key=lambda r: r[3])[0]]
        ttls: dict = {}
        for r in reps:
            ttls[r[2]] = ttls.get(r[2], 0) + 1
        if max(ttls.values()) * 2 >= len(reps):
            out += [r[0] for r in reps if ttls[r[2]] <= 2]
        out += [b[0] for a, b in zip(reps, reps[1:]) if b[1] != a[1] + 1]
    out += [ln for ln in lines if "packets transmitted" in ln or ln.startswith("rtt ")]
    return out + _exit(lines)


@kind("fdfind-long", "listing")
def n_fd_long(lines):
    """Rule 4 as ls -l: rows whose permissions, owner or group occur in at most 2 rows while the commonest covers half;
    the rows of the smallest and largest size."""
    rows = []
    for ln in lines:
        m = re.match(r"^([-dlrwxst]{10})\s+\d+\s+(\S+)\s+(\S+)\s+([\d.]+)([KMG]?)\s", ln)
        if m:  # fd prints sizes in human units (4.2K)
            size = float(m.group(4)) * 1024 ** " KMG".index(m.group(5) or " ")
            rows.append((ln, m.group(1), m.group(2), m.group(3), size))
    out = []
    for col in (1, 2, 3):
        c: dict = {}
        for r in rows:
            c[r[col]] = c.get(r[col], 0) + 1
        if rows and max(c.values()) * 2 >= len(rows):
            out += [r[0] for r in rows if c[r[col]] <= 2]
    if rows:
        out += [min(rows, key=lambda r: r[4])[0], max(rows, key=lambda r: r[4])[0]]
    return out + _exit(lines)


# ------------------------------------------------------------------ the repository

STATIONS = ["dover", "harwich", "aberdeen", "milford", "plymouth", "tyne", "hull", "oban", "wick", "lerwick",
            "avonmouth", "newlyn", "whitby", "leith", "ullapool", "portrush"]


def py_module(rng: random.Random, k: int, station: str) -> str:
    cls = station.capitalize() + "Gauge"
    lines = [f'"""Tide gauge adapter for {station} (module {k})."""', "import json", "import os", "",
             f"THRESHOLD_{k} = {rng.randint(100, 900)}", ""]
    lines += [f"class {cls}:", f'    """Reads the {station} gauge."""', "",
              "    def __init__(self, path, cache=[]):", "        self.path = path", "        self.cache = cache", ""]
    for j in range(rng.randint(5, 9)):
        name = rng.choice(["read", "parse", "level", "surge", "smooth", "flag", "store", "check"]) + f"_{j}"
        lines += [f"    def {name}(self, value):"]
        if rng.random() < 0.4:
            lines += ["        if value == None:", "            return 0"]
        if rng.random() < 0.35:
            lines += ['        print("level", value)']
        if rng.random() < 0.15:
            lines += ["        value = eval(str(value))"]
        lines += [f"        self.cache.append(value * {rng.randint(2, 9)})",
                  f"        return value > THRESHOLD_{k}", ""]
    for j in range(rng.randint(2, 4)):
        lines += [f"def load_{station}_{j}(path):", "    try:", "        with open(path) as fh:",
                  "            return json.load(fh)", "    except:", "        return None", ""]
    if rng.random() < 0.3:
        lines += ["class Reading:", "    pass", ""]
    return "\n".join(lines) + "\n"


def c_module(rng: random.Random, k: int, station: str) -> str:
    lines = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>', '#include "tide.h"', "",
             f"typedef struct {{ int id; double level; char name[16]; }} {station}_row_t;", "",
             "static int module_init(void) {", f"    return {k};", "}", ""]
    for j in range(rng.randint(3, 6)):
        fn = f"{station}_step_{j}"
        lines += [f"int {fn}(tide_buf_t *b, const char *src) {{", "    char tmp[32];"]
        if rng.random() < 0.5:
            lines += ["    strcpy(tmp, src);"]
        if rng.random() < 0.4:
            lines += ['    sprintf(tmp, "%s-%d", src, b->len);']
        lines += [f"    char *p = malloc({rng.randint(16, 512)});", "    buf_append(b, tmp, strlen(tmp));",
                  "    gauge_read(b, module_init());", "    free(p);", "    return b->len;", "}", ""]
    return "\n".join(lines) + "\n"


def js_module(rng: random.Random, k: int, station: str) -> str:
    lines = [f"// dashboard panel for {station}", "'use strict';", ""]
    lines += [f"class {station.capitalize()}Panel {{", "  constructor(el) { this.el = el; }", ""]
    for j in range(rng.randint(4, 7)):
        lines += [f"  render{j}(data) {{", "    var rows = data.rows || [];"]
        if rng.random() < 0.5:
            lines += ["    console.log('render', rows.length);"]
        if rng.random() < 0.3:
            lines += ["    if (data.level == null) return;"]
        lines += ["    return rows.map((r) => r.level * 2);", "  }", ""]
    lines += ["}", "", f"function fetch{station.capitalize()}(url) {{", "  var x = 1;",
              "  return fetch(url).then((r) => r.json());", "}", "",
              f"module.exports = {{ {station.capitalize()}Panel, fetch{station.capitalize()} }};"]
    return "\n".join(lines) + "\n"


TIDE_H = """#ifndef TIDE_H
#define TIDE_H
#include <stddef.h>
typedef struct { char *data; size_t len, cap; } tide_buf_t;
typedef enum { GAUGE_OK, GAUGE_STALE, GAUGE_FAULT } gauge_state_t;
union tide_word { unsigned u; float f; };
int buf_append(tide_buf_t *b, const char *s, size_t n);
int gauge_read(tide_buf_t *b, int id);
#endif
"""

BUF_C = """#include <stdlib.h>
#include <string.h>
#include "tide.h"

int buf_append(tide_buf_t *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        b->cap = (b->cap + n) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

int gauge_read(tide_buf_t *b, int id) {
    char line[64];
    int n = snprintf(line, sizeof line, "gauge %d", id);
    return buf_append(b, line, n);
}

int main(void) {
    tide_buf_t b = {0};
    gauge_read(&b, 1);
    buf_append(&b, "x", 1);
    return 0;
}
"""

BROKEN_PY = '''"""Surge model (mid-edit)."""
def surge(level, wind:
    return level + wind * 0.3

class Model
    def fit(self):
        pass
'''

BROKEN_JS = """export function ratio(a, b) {
  return a / b
}}

const table = [1, 2,
"""


def make_repo(root: Path, seed: int = 85) -> None:
    rng = random.Random(seed)
    files = {"csrc/tide.h": TIDE_H, "csrc/buf.c": BUF_C, "src/tidewatch/surge_model.py": BROKEN_PY,
             "web/ratio.js": BROKEN_JS, "src/tidewatch/__init__.py": '"""tidewatch."""\n',
             "README.md": "# tidewatch\n\nHarbour tide gauges.\n"}
    k = 0
    for sub in ["gauges", "alerts", "archive"]:
        for st in STATIONS:
            k += 1
            files[f"src/tidewatch/{sub}/{st}.py"] = py_module(rng, k, st)
    for st in STATIONS:
        k += 1
        files[f"csrc/stations/{st}.c"] = c_module(rng, k, st)
        files[f"web/panels/{st}.js"] = js_module(rng, k, st)
    files["sgconfig.yml"] = "ruleDirs:\n  - rules\n"
    rules = {
        "no-eval": ("python", "error", "eval() runs arbitrary code", "pattern: eval($X)"),
        "none-compare": ("python", "warning", "compare with None using `is`", "pattern: $A == None"),
        "print-debug": ("python", "hint", "leftover print call", "pattern: print($$$ARGS)"),
        "bare-except": ("python", "warning", "bare except swallows every error", "kind: except_clause\n  not:\n    has:\n      kind: identifier"),
        "no-strcpy": ("c", "error", "strcpy has no bound", "pattern: strcpy($D, $S)"),
        "no-sprintf": ("c", "warning", "use snprintf", "pattern: sprintf($$$A)"),
        "no-var": ("javascript", "warning", "use let or const", "pattern: var $A = $B"),
        "no-console": ("javascript", "info", "console call left in", "pattern: console.log($$$A)"),
        "loose-null": ("javascript", "error", "loose comparison with null", "pattern: $A == null"),
    }
    for rid, (lang, sev, msg, rule) in rules.items():
        files[f"rules/{rid}.yml"] = f"id: {rid}\nlanguage: {lang}\nseverity: {sev}\nmessage: {msg}\nrule:\n  {rule}\n"
    write_tree(root, files)
    data = root / "data"
    data.mkdir(exist_ok=True)
    # a gauge recording: a header, a zero-filled gap and level records
    rec = b"TIDEGAUG" + struct.pack("<HHI", 2, 16, 512) + b"dover\0\0\0" + bytes(1000)
    rec += b"".join(struct.pack("<Ihh", 1700000000 + 360 * i, rng.randint(-300, 600), rng.randint(0, 40))
                    for i in range(400))
    rec += bytes(600) + b"END\0" + struct.pack("<I", 400)
    (data / "dover.tdg").write_bytes(rec)
    frames = b"".join(b"FRM" + bytes([i % 256]) + rng.randbytes(12) for i in range(160))
    (data / "frames.bin").write_bytes(frames)
    for st in STATIONS:
        (data / f"{st}.csv").write_text("".join(f"{i},{rng.randint(-300, 600)}\n" for i in range(rng.randint(5, 900))))
    (data / "secrets.env").write_text("TOKEN=x\n")
    (data / "secrets.env").chmod(0o600)
    (data / "run.sh").write_text("#!/bin/sh\necho run\n")
    (data / "run.sh").chmod(0o755)


# ------------------------------------------------------------------ steps


def astgrep(tmp: Path) -> None:
    root = tmp / "tidewatch"
    make_repo(root)
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("sg-run-print-py", "ast-grep run -p 'print($$$A)' -l python src", n_sg_run)
    c("sg-run-none-head", "ast-grep run -p '$A == None' -l python . | head -n 100", n_sg_run)
    c("sg-run-malloc-heading", "ast-grep run -p 'char *$P = malloc($N);' -l c --heading always csrc", n_sg_run)
    c("sg-run-console-tail", "ast-grep run -p 'console.log($$$A)' -l js web 2>&1 | tail -n 80", n_sg_run)
    c("sg-run-append", "ast-grep run -p '$X.append($Y)' -l python src/tidewatch/gauges", n_sg_run)
    c("sg-run-json-open", "ast-grep run -p 'open($P)' -l python --json=pretty src | head -n 300", n_sg_json)
    c("sg-run-json-strcpy", "ast-grep run -p 'strcpy($A, $B)' -l c --json=pretty csrc", n_sg_json)
    c("sg-scan-all-echo", "ast-grep scan src/tidewatch/alerts csrc web; echo EXIT=$?", n_sg_scan)
    c("sg-scan-src-tail", "ast-grep scan src 2>&1 | tail -n 80", n_sg_scan)
    c("sg-scan-filter-eval", "ast-grep scan --filter 'no-eval|bare-except' src/tidewatch/gauges", n_sg_scan)
    c("sg-scan-csrc-echo", "ast-grep scan csrc; echo EXIT=$?", n_sg_scan)
    c("sg-scan-short-all", "ast-grep scan --report-style short", n_sg_short)
    c("sg-scan-short-web-head", "ast-grep scan --report-style short web | head -n 100", n_sg_short)
    c("sg-rewrite-none", "ast-grep run -p '$A == None' -r '$A is None' -l python src/tidewatch/alerts", n_sg_rewrite)
    c("sg-rewrite-var-head", "ast-grep run -p 'var $A = $B' -r 'let $A = $B' -l js web | head -n 120", n_sg_rewrite)


def tags(tmp: Path) -> None:
    root = tmp / "tidewatch"
    c = lambda i, cmd, ext: cap(i, cmd, root, ext)  # noqa: E731
    c("ctags-x-all", "ctags -R -x --exclude=data --exclude=rules .", n_ctags_x)
    c("ctags-x-c", "ctags -R -x --languages=C csrc", n_ctags_x)
    c("ctags-x-src-head", "ctags -R -x src | head -n 200", n_ctags_x)
    c("ctags-json-web", "ctags -R --output-format=json web", n_ctags_json)
    c("ctags-json-gauges-head", "ctags -R --output-format=json --fields=+n src/tidewatch/gauges | head -n 150",
      n_ctags_json)
    c("ctags-tags-csrc", "ctags -R -f - --fields=+nK csrc", n_ctags_tags)
    c("ctags-tags-web", "ctags -R -f - --fields=+nK web", n_ctags_tags)
    c("ctags-tags-alerts", "ctags -R -f - --fields=+nK src/tidewatch/alerts", n_ctags_tags)
    csrc = root / "csrc"
    from capture_more import run
    run("cscope -b -R -q", cwd=csrc)
    cs = lambda i, cmd, m: cap(i, cmd, csrc, cscope_rule(m))  # noqa: E731
    cs("cscope-def-module-init", "cscope -d -L -1 module_init", 1)
    cs("cscope-callers-buf-append", "cscope -d -L -3 buf_append", 3)
    cs("cscope-symbol-tide-buf", "cscope -d -L -0 tide_buf_t", 0)
    cs("cscope-called-by-dover", "cscope -d -L -2 dover_step_0; cscope -d -L -2 main", 2)
    cs("cscope-callers-gauge-read-head", "cscope -d -L -3 gauge_read | head -n 40", 3)


def term(tmp: Path) -> None:
    root = tmp / "tidewatch"
    c = lambda i, cmd, ext, t=600: cap(i, cmd, root, ext, timeout=t)  # noqa: E731
    c("hexyl-dover-head", "hexyl data/dover.tdg | head -n 60", n_hexyl)
    c("hexyl-frames-plain", "hexyl --border none data/frames.bin", n_hexyl)
    c("hexyl-dover-tail", "hexyl -s 0x400 -n 1024 data/dover.tdg", n_hexyl)
    c("ncdu-export-repo", "ncdu -o - .", n_ncdu)
    c("ncdu-export-web-exclude", "ncdu -o - --exclude '*.js' web", n_ncdu)
    c("fdfind-long-py", "fdfind -l -e py . src", n_fd_long)
    c("fdfind-long-data", "fdfind -l -t f . data", n_fd_long)
    c("fdfind-long-c-h", "fdfind -l -e c -e h", n_fd_long)
    c("ping-50", "ping -c 50 -i 0.2 127.0.0.1", n_ping, 60)
    c("ping-100-big-tail", "ping -c 100 -i 0.05 -s 1200 127.0.0.1 | tail -n 40", n_ping, 60)
    c("ping-30-echo", "ping -c 30 -i 0.1 127.0.0.1; echo EXIT=$?", n_ping, 60)


STEPS = [astgrep, tags, term]
