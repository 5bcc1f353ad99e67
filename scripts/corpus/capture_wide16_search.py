"""Round 16, searches by tools and flags the corpus had not used (ag, ack, fdfind; rg --stats, -U, --column -S,
-m --sort, over minified bundles; grep with thousands of hits cut by head, as a non-root user meeting 'Permission
denied', meeting binary files; git grep --column --and, --count with an exclusion) over a git repository of packages
not used before (aiohttp, multidict, yarl, attrs, twisted, zope.interface, pytest; rxjs, moment, async, fecha,
winston, logform, bunyan, concurrently), and OpenCode's own grep and glob tools over it. Run through capture_wide16.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import capture_wide12 as w
import capture_wide16 as c
from capture_more import add_or_skip as add, run
from capture_opencode import RG, Spec
from capture_wide12_search import add_opencode_items

PY_PKGS = ["aiohttp", "multidict", "yarl", "attr", "attrs", "automat", "hyperlink", "twisted", "zope", "_pytest", "pluggy",
           "honcho", "pythonjsonlogger", "propcache", "frozenlist"]
JS_PKGS = ["rxjs", "moment", "async", "fecha", "winston", "logform", "bunyan", "concurrently", "yargs", "chalk", "glob",
           "minimatch", "tree-kill", "shell-quote", "triple-beam", "safe-stable-stringify"]


def plus(name: str, family: str, base, extra: str, what: str):
    """An existing search rule `base` registered as kind `name`, plus every line matching `extra` (`what`: the
    tool's own summary or notice lines, rule 3)."""
    doc = (base.__doc__ or "").strip().splitlines()[0] + f" + {what}"
    return w.named(name, family, doc, lambda lines: base(lines) + [ln for ln in lines if re.search(extra, ln)])


RG_STATS = r"^\d+ (matches|matched lines|files contained matches|files searched|bytes (printed|searched))$|seconds (spent|total)"

SEARCHES: list[tuple[str, str, object]] = [
    # (id, command as typed in the repo, extractor)
    ("ag-grouped-calllater", "ag --group 'deferLater|callLater\\(' py/twisted/internet py/twisted/web", w.heading_style("ag-grouped")),
    ("ag-nogroup-column-http-errors", "ag --nogroup --column 'raise web\\.HTTP|raise HTTP' py/aiohttp", w.grep_style("ag-nogroup-column")),
    ("ack-python-w-timeout", "ack --python -w 'ClientTimeout' py/", w.grep_style("ack-lines")),
    ("fdfind-e-py-test", "fdfind -e py '^test_' py/twisted/web py/aiohttp", w.path_list("fdfind-files", "search")),
    ("rg-stats-c-await", "rg --stats -c 'await |yield from' py/aiohttp py/twisted/internet",
     plus("rg-count-stats", "search", w.count_lines("rg-count"), RG_STATS, "rg's --stats block")),
    ("rg-U-multiline-except-pass", "rg -U -n 'except \\w+(Error|Exception)[^:\\n]*:\\n\\s+pass$' py/", w.grep_style("rg-multiline")),
    ("rg-column-smart-case-deferred", "rg --column -S 'deferred\\(' py/twisted/web", w.grep_style("rg-column-smart-case")),
    ("rg-m1-sort-path-imports", "rg -m 1 --sort path -n '^from \\.' py/aiohttp py/yarl py/multidict py/_pytest", w.grep_style("rg-max-count-sorted")),
    ("rg-minified-bundles", "rg -n 'isArray|Date' js/async/dist/async.min.js js/fecha/dist/fecha.min.js",
     w.grep_style("rg-minified-long-lines")),
    ("grep-rn-self-head-thousands", "grep -rn 'self\\.' py/twisted | head -n 400", w.grep_style("grep-head-many")),
    ("grep-rn-etc-permission-denied", "grep -rn 'Listen\\|ssl_certificate\\b' /etc 2>&1 | head -n 120", w.grep_style("grep-etc-notices")),
    ("grep-rn-binary-file-matches", "grep -rn 'cdef \\|PyInit' py/multidict py/yarl py/propcache py/frozenlist py/aiohttp 2>&1 | cut -c1-300 | head -n 200",
     w.grep_style("grep-binary-notices")),
    ("git-grep-column-and", "git grep -n --column -i -e 'timeout' --and -e 'default' -- 'py/aiohttp/*.py' 'js/*.js'", w.grep_style("git-grep-column")),
    ("git-grep-count-exclude-tests", "git grep -c 'Deferred' -- py/twisted ':!*/test/*' ':!*/newsfragments/*'", w.count_lines("git-grep-count-exclude")),
    ("grep-r-include-m2-js", "grep -rn -m 2 --include='*.js' --exclude-dir=dist 'require(' js/ | cut -c1-250 | head -n 200", w.grep_style("grep-include-max-count")),
]


def repo(tmp: Path) -> Path:
    """One git repository of this round's packages (made once per run)."""
    root = tmp / "vendor16"
    if root.exists():
        return root
    for name in PY_PKGS:
        if (c.SITE / name).exists():
            shutil.copytree(c.SITE / name, root / "py" / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in JS_PKGS:
        if (c.JS / "node_modules" / name).exists():
            shutil.copytree(c.JS / "node_modules" / name, root / "js" / name)
    run("git init -q && git add -A && git -c user.name=Dev -c user.email=dev@example.com commit -qm 'vendor snapshot'", cwd=root, timeout=300)
    return root


def shell_of(cmd: str, root: Path) -> str:
    """The command as run here: rg from the project's venv, fdfind as installed, grep of /etc as an unprivileged user."""
    if cmd.startswith("rg "):
        return cmd.replace("rg ", f"{RG} ", 1)
    if "/etc 2>&1" in cmd:
        return f"runuser -u nobody -- sh -c {json.dumps(cmd)}"
    return cmd


def cap_searches(tmp: Path) -> None:
    root = repo(tmp)
    for sid, cmd, ext in SEARCHES:
        shown = cmd if "/etc" in cmd else f"cd vendor16 && {cmd}"
        add(sid, shown, run(shell_of(cmd, root), cwd=root), ext)


def cap_opencode(tmp: Path) -> None:
    """OpenCode's grep (with its include filter) and glob tools over the same tree (real OpenCode against the stub)."""
    root = repo(tmp)
    specs = [
        Spec("oc-grep-include-js-emit", "", "", "grep", {"pattern": "\\.emit\\(['\"]error", "path": str(root / "js"), "include": "*.js"}),
        Spec("oc-grep-py-errback-many", "", "", "grep", {"pattern": "addErrback\\(", "path": str(root / "py")}),
        Spec("oc-glob-dts-truncated", "", "", "glob", {"pattern": "**/*.d.ts", "path": str(root / "js")}),
        Spec("oc-glob-locale-js", "", "", "glob", {"pattern": "js/moment/locale/*.js", "path": str(root)}),
    ]
    add_opencode_items(tmp, specs, "oc-w16-")

STEPS = [cap_searches, cap_opencode]
