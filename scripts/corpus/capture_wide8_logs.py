"""Round 8, debug logs and searches of the long tail: ruby -d exception traces, python -v import logs, GIT_TRACE
with performance timings, node --trace-gc, LD_DEBUG=libs, rg --json, git grep -p and apropos. Each extractor's
docstring is its rule. Run through capture_wide8.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from capture_data import rule4
from capture_more import add_or_skip as add, groups, have, kind, run, write_tree
from capture_wide6 import VENV
from capture_wide8 import GIT_ENV, STDLIB

RG = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "rg"


@kind("ruby-debug-d", "log")
def n_ruby_d(lines):
    """Rule 1 on ruby -d: every exception that was not rescued (the final 'file:line:in … (Class)' line) and one {"any"} per (exception class, message shape) of the 'Exception `X' at' lines."""
    out = [ln for ln in lines if re.match(r"^\S+:\d+:in .*\(\w+(::\w+)*\)$", ln)]
    return out + groups(((m.group(1), re.sub(r"\d+", "N", m.group(2))), ln) for ln in lines
                        for m in [re.match(r"^Exception `([\w:]+)' at .*? - (.*)$", ln)] if m)


@kind("python-v-imports", "log")
def n_python_v(lines):
    """Rules 1+5 on python -v: each traceback's exception line (the first unindented line after 'Traceback') and its innermost 'File' line; the first import line of each top-level package whose code came from site-packages or outside any lib/python3.x (the project), not the stdlib."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("Traceback"):
            j = next((j for j in range(i + 1, len(lines)) if lines[j] and not lines[j][0].isspace()), None)
            if j is not None:
                out += [lines[j], next((x for x in reversed(lines[i:j]) if x.lstrip().startswith('File "')), None)]
    seen: dict[str, str] = {}
    path = ""
    for ln in lines:
        c = re.match(r"^# code object from '([^']+)'", ln)
        if c:
            path = c.group(1)
        m = re.match(r"^import '([\w.]+)' # <_frozen_importlib_external\.SourceFileLoader object", ln)
        if m and ("site-packages" in path or not re.search(r"/lib/python3\.\d+/", path)):
            seen.setdefault(m.group(1).split(".")[0], ln)
    return out + list(seen.values())


@kind("git-trace-performance", "log")
def n_git_trace(lines):
    """Rules 4+5 on GIT_TRACE=1 GIT_TRACE_PERFORMANCE=1: every 'trace: built-in:'/'run_command:' line; the performance line of max time."""
    out = [ln for ln in lines if re.search(r"trace: (built-in|run_command|exec):", ln)]
    rows = [(ln, {"s": m.group(1)}) for ln in lines for m in [re.search(r"performance: ([\d.]+) s:", ln)] if m]
    return out + rule4(rows, nums=("s",))[1:]


@kind("node-trace-gc", "log")
def n_trace_gc(lines):
    """Rules 1+4 on node --trace-gc: every Mark-Compact line and every fatal/OOM line; the Scavenge lines of min and max pause (ms)."""
    out = [ln for ln in lines if re.search(r"Mark-Compact|(?i:fatal|out of memory|heap limit)", ln)]
    rows = [(ln, {"ms": m.group(1)}) for ln in lines for m in [re.search(r"Scavenge .*?MB, ([\d.]+) /", ln)] if m]
    return out[:40] + rule4(rows, nums=("ms",))


@kind("ld-debug-libs", "log")
def n_ld_debug(lines):
    """Rules 1+5 on LD_DEBUG=libs: every 'find library=' line and every error/'cannot open' line; the first 'calling init:' line of each library."""
    out = [ln for ln in lines if "find library=" in ln or re.search(r"(?i)error|cannot open|not found", ln)]
    seen: dict[str, str] = {}
    for ln in lines:
        m = re.search(r"calling init: (\S+)", ln)
        if m:
            seen.setdefault(m.group(1), ln)
    return out + list(seen.values())


@kind("rg-json", "search")
def n_rg_json(lines):
    """Rule 5 on rg --json: every "begin" record (the matched file) and the closing "summary" record's first 200 characters."""
    return [ln for ln in lines if ln.startswith('{"type":"begin"') or ln.startswith('{"type":"summary"')]


@kind("git-grep-p", "search")
def n_grep_p(lines):
    """Rule 5 on git grep -n -p: every function-header line ('path=N=def …', the context a question needs) and the first match under each file."""
    out = [ln for ln in lines if re.match(r"^[^:=]+=\d+=", ln)]
    seen: dict[str, str] = {}
    for ln in lines:
        m = re.match(r"^([^:=]+):\d+:", ln)
        if m:
            seen.setdefault(m.group(1), ln)
    return out + list(seen.values())


@kind("apropos", "search")
def n_apropos(lines):
    """Rule 4 on apropos (name (section) - summary): every entry of a rare section while one section covers half; the first entry of each section."""
    rows = [(ln, {"sec": m.group(1)}) for ln in lines for m in [re.match(r"^\S+ \((\w+)\)", ln)] if m]
    firsts: dict[str, str] = {}
    for ln, r in rows:
        firsts.setdefault(r["sec"], ln)
    return rule4(rows, cat=("sec",)) + list(firsts.values())


APP = """
import json, csv, decimal, dataclasses, statistics, fractions
try:
    import ujson as fastjson
except ImportError:
    fastjson = json
import packaging.version, pluggy
from orders.models import Order
print(Order(3).total())
"""


def cap_logs(tmp: Path) -> None:
    d = tmp / "logs"
    d.mkdir()
    if have("ruby", "ruby-debug-d"):
        (d / "sync.rb").write_text("require 'json'\nrequire 'set'\nbegin; require 'oj'; rescue LoadError; end\n"
                                   "def fetch(i) raise IOError, \"timeout on page #{i}\" if i % 7 == 3; i end\n"
                                   "pages = (1..40).map { |i| begin; fetch(i); rescue IOError; nil; end }\n"
                                   "cfg = JSON.parse('{\"a\": 1}') rescue nil\nInteger('12x') rescue nil\n"
                                   "Hash.new.fetch(:region)\n")
        add("ruby-d-sync", "ruby -d sync.rb", run("ruby -d sync.rb", cwd=d), n_ruby_d)
    write_tree(d / "py", {"orders/__init__.py": "", "orders/models.py": "import decimal\nclass Order:\n    def __init__(self, n): self.n = n\n"
                          "    def total(self): return decimal.Decimal(self.n) / 0\n", "app.py": APP})
    add("python-v-app", "python -v app.py 2>&1 | grep -v '^# cleanup\\|^# destroy\\|^# restore'", run(f"{VENV}/bin/python -v app.py 2>&1 | grep -v '^# cleanup\\|^# destroy\\|^# restore' ",
                                                cwd=d / "py", timeout=120), n_python_v)
    r = d / "repo"
    shutil.copytree(STDLIB / "email", r / "email", ignore=shutil.ignore_patterns("__pycache__"))
    run("git init -q -b main . && git add -A && git commit -q -m import && git clone -q --bare . ../origin.git && "
        "git remote add origin ../origin.git && echo x >> email/utils.py", cwd=r, env=GIT_ENV)
    env = {**GIT_ENV, "GIT_TRACE": "1", "GIT_TRACE_PERFORMANCE": "1"}
    add("git-trace-perf-fetch-status", "GIT_TRACE=1 GIT_TRACE_PERFORMANCE=1 git fetch origin && git status && git gc --auto",
        run("git fetch origin 2>&1; git status 2>&1; git gc --auto 2>&1; git push origin main:refs/heads/nope --dry-run 2>&1", cwd=r, env=env),
        n_git_trace)
    if have("node", "node-trace-gc"):
        (d / "churn.js").write_text("const keep = [];\nfor (let i = 0; i < 4000; i++) {\n  keep.push(new Array(2000).fill(i));\n"
                                    "  if (keep.length > 400) keep.splice(0, 200);\n}\nconst leak = [];\n"
                                    "for (;;) leak.push(new Array(100000).fill(1));\n")
        add("node-trace-gc-oom", "node --trace-gc --max-old-space-size=48 churn.js",
            run("node --trace-gc --max-old-space-size=48 churn.js 2>&1 | head -400", cwd=d, timeout=120), n_trace_gc)
    add("ld-debug-libs-python", "LD_DEBUG=libs python3 -c 'import ssl, sqlite3, ctypes; ctypes.CDLL(\"libnope.so.1\")'",
        run("LD_DEBUG=libs python3 -c 'import ssl, sqlite3, ctypes; ctypes.CDLL(\"libnope.so.1\")' 2>&1 | head -500", cwd=d), n_ld_debug)
    if RG.exists():
        add("rg-json-todo-email", "rg --json -w 'TODO|XXX|FIXME' email", run(f"{RG} --json -w 'TODO|XXX|FIXME' email", cwd=r), n_rg_json)
    add("git-grep-p-raise-email", "git grep -n -p -e 'raise ' -- email",
        run("git grep -n -p -e 'raise ' -- email", cwd=r, env=GIT_ENV), n_grep_p)
    if have("apropos", "apropos"):
        add("apropos-r-git", "apropos -r '^git-'", run("apropos -r '^(git|ssl|zip|tar)'"), n_apropos)


STEPS = [cap_logs]
