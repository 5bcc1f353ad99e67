"""Round 12, searches: rg, grep, git grep and find with many flag sets over a real tree (packages of round 11's
and this round's scratch venvs and node_modules, copied into one git repository), searches of /proc with
permission errors, minified matches, and OpenCode's own grep and glob tools over it. Run through capture_wide12.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import capture_wide12 as w
from capture_more import add_or_skip as add, note, run
from capture_opencode import RG, Spec, needles_glob, needles_grep, run_opencode
from capture_wide6 import oc

W11 = Path("/tmp/hm-corpus-wide11-tools")
SP11 = W11 / "venv/lib/python3.11/site-packages"
SP12 = w.TOOLS / "venv/lib/python3.11/site-packages"
PY_PKGS = [(SP11, "fastapi"), (SP11, "starlette"), (SP11, "pydantic"), (SP11, "click"), (SP11, "uvicorn"), (SP11, "yaml"),
           (SP11, "pygments"), (SP11, "tornado"), (SP12, "django"), (SP12, "gunicorn"), (SP12, "requests"), (SP12, "structlog"),
           (SP12, "loguru"), (SP11, "pydantic_core")]
JS_PKGS = ["axios", "dayjs", "debug", "graphql", "ms", "form-data", "follow-redirects"]


def repo(tmp: Path) -> Path:
    """One git repository holding real packages' trees (made once per run)."""
    root = tmp / "vendor-mix"
    if root.exists():
        return root
    for sp, name in PY_PKGS:
        if (sp / name).exists():
            shutil.copytree(sp / name, root / "py" / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in JS_PKGS:
        src = W11 / "js/node_modules" / name
        if src.exists():
            shutil.copytree(src, root / "js" / name)
    run("git init -q && git add -A && git -c user.name=Dev -c user.email=dev@example.com commit -qm 'vendor snapshot'", cwd=root)
    return root


SEARCHES: list[tuple[str, str, str]] = [
    # (id, command as typed in the repo, extractor key)
    ("rg-n-raise-valueerror", "rg -n 'raise ValueError' py/", "grep"),
    ("rg-no-heading-todo-context", "rg -n --no-heading -C 2 'TODO|FIXME|XXX' py/ | head -n 200", "grep"),
    ("rg-heading-A3-deprecated", "rg --heading -n -A 3 'warnings.warn\\(' py/django py/pydantic | head -n 250", "heading"),
    ("rg-l-import-typing", "rg -l 'from typing import' py/", "paths"),
    ("rg-c-async-def", "rg -c 'async def' py/", "count"),
    ("rg-json-getlogger", "rg --json 'getLogger\\(' py/gunicorn py/uvicorn py/tornado", "json"),
    ("rg-vimgrep-settimeout", "rg --vimgrep -g '!dist' -g '!*.min.js' 'setTimeout|clearTimeout' js/", "grep"),
    ("rg-o-environ-keys", "rg -o -n --no-heading 'os\\.environ(\\.get)?[\\[(][^])]+' py/", "whole"),
    ("rg-w-t-py-self-cache", "rg -w -t py -n 'cache' py/django/utils py/starlette", "grep"),
    ("rg-B2-minified-axios", "rg -n -B 2 'XMLHttpRequest' js/axios/dist --max-columns 300", "grep"),
    ("rg-files-glob-tests", "rg --files -g '*test*' | sort", "paths"),
    ("rg-i-count-matches-sorted", "rg -i --count-matches 'deprecat' py/ | sort -t: -k2 -nr | head -n 40", "count"),
    ("grep-rn-def-dispatch", "grep -rn 'def dispatch' py/ --include='*.py'", "grep"),
    ("grep-rnI-secret-key", "grep -rnI 'SECRET_KEY' . 2>&1 | head -n 100", "grep"),
    ("grep-rn-binary-notices", "grep -rn 'Validation' py/pydantic_core py/pydantic/v1 2>&1 | head -n 120", "grep"),
    ("grep-c-r-class", "grep -rc '^class ' py/django/db/models | grep -v ':0$'", "count"),
    ("grep-l-r-asyncio", "grep -rl 'import asyncio' py/ js/", "paths"),
    ("grep-L-r-license-header", "grep -rL 'License' js/ --include='*.js' | head -n 150", "paths"),
    ("grep-o-E-urls", "grep -rnoE 'https?://[a-zA-Z0-9./_-]+' py/click py/requests | sort -u | head -n 150", "whole"),
    ("grep-P-lookbehind-self", "grep -rnP '(?<=self\\.)_lock\\b' py/", "grep"),
    ("grep-E-ignorecase-context", "grep -rniE -A1 'retry|backoff' py/requests py/gunicorn py/uvicorn", "grep"),
    ("grep-r-dot-proc-sysctl", "grep -r . /proc/sys/net/ipv4/ 2>&1 | head -n 200", "values"),
    ("grep-rn-minified-dayjs", "grep -rn 'weekday' js/dayjs/*.min.js js/dayjs/plugin/*.js | cut -c1-400 | head -n 60", "grep"),
    ("git-grep-n-http-status", "git grep -n 'HTTP_4[0-9][0-9]' -- '*.py'", "grep"),
    ("git-grep-p-status-code", "git grep -n -p 'status_code=' py/", "grep"),
    ("git-grep-W-raise-http", "git grep -n -W 'raise HTTPException' py/ | head -n 300", "grep"),
    ("git-grep-count-self-assert", "git grep --count 'assert ' -- py/", "count"),
    ("git-grep-break-heading", "git grep --break --heading -n -e 'module.exports' -e 'require(' -- js/form-data js/debug/src js/follow-redirects js/ms js/axios/lib", "heading"),
    ("git-grep-l-e-and", "git grep -l -e 'Request' --and -e 'Response' -- '*.py'", "paths"),
    ("find-name-exec-grep", "find py -name '*.py' -exec grep -l 'contextmanager' {} +", "paths"),
    ("find-size-newer", "find . -type f -size +40k -not -path './.git/*' | sort", "paths"),
    ("find-perm-executable-sh", "find /usr/lib /usr/share -type f -perm -u+x -name '*.sh' 2>&1 | head -n 150", "paths"),
    ("grep-uniq-c-imports", "grep -rhoE '^(from|import) [a-z_.]+' py/django | sort | uniq -c | sort -rn | head -n 80", "count"),
]


def extractor(key: str, sid: str):
    """The kind of an item: the program (rg, grep, git grep, find) and the output's shape."""
    tool = {"rg": "rg", "grep": "grep", "git": "git-grep", "find": "find"}[sid.split("-")[0]]
    if key == "json":
        return w.n_rg_json
    if key == "values":
        return w.values_of("grep-r-values")
    make = {"grep": w.grep_style, "heading": w.heading_style, "count": w.count_lines, "whole": w.whole_match_lines}
    style = {"grep": "lines", "heading": "heading", "paths": "files", "count": "count", "whole": "only-matching"}[key]
    if key == "paths":
        return w.path_list(f"{tool}-{style}", "search")
    return make[key](f"{tool}-{style}")


def cap_searches(tmp: Path) -> None:
    root = repo(tmp)
    for sid, cmd, key in SEARCHES:
        shell = cmd.replace("rg ", f"{RG} ", 1) if cmd.startswith("rg ") else cmd
        out = run(shell, cwd=root)
        add(sid, f"cd vendor-mix && {cmd}", out, extractor(key, sid))


def cap_opencode(tmp: Path) -> None:
    """OpenCode's grep and glob tools over the same tree (real OpenCode against the stub)."""
    root = repo(tmp)
    specs = [
        Spec("oc-grep-def-init-many", "", "", "grep", {"pattern": "def __init__\\(self", "path": str(root / "py")}),
        Spec("oc-grep-js-promise", "", "", "grep", {"pattern": "new Promise\\(", "path": str(root / "js")}),
        Spec("oc-grep-few-hits", "", "", "grep", {"pattern": "X-Forwarded-(For|Proto)", "path": str(root)}),
        Spec("oc-grep-regex-status", "", "", "grep", {"pattern": "status_code\\s*=\\s*5\\d\\d", "path": str(root / "py")}),
        Spec("oc-glob-test-files", "", "", "glob", {"pattern": "**/test*.py", "path": str(root)}),
        Spec("oc-glob-dts-many", "", "", "glob", {"pattern": "**/*.d.ts", "path": str(root / "js")}),
        Spec("oc-glob-templates", "", "", "glob", {"pattern": "**/templates/**/*.html", "path": str(root / "py")}),
    ]
    add_opencode_items(tmp, specs, "oc-w12-")


def add_opencode_items(tmp: Path, specs: list[Spec], prefix: str) -> None:
    """Run the real OpenCode's grep and glob tools for `specs` and add what they rendered."""
    g = w.named("oc-grep", "search", needles_grep.__doc__.strip().splitlines()[0], oc(needles_grep))
    gl = w.named("oc-glob", "listing", needles_glob.__doc__.strip().splitlines()[0], oc(needles_glob))
    try:
        with tempfile.TemporaryDirectory(prefix=prefix, dir=tmp) as oc_tmp:
            captured = run_opencode(Path(oc_tmp), specs, "")
    except (OSError, RuntimeError, subprocess.SubprocessError, AssertionError) as e:
        note(f"skip OpenCode items: {type(e).__name__}: {e}")
        return
    for spec, sent, text, is_error in captured:
        if is_error:
            note(f"skip {spec.id}: tool error: {text[:200]}")
            continue
        add(spec.id, json.dumps(sent, sort_keys=True), text, g if spec.tool == "grep" else gl, tool=spec.tool)


STEPS = [cap_searches, cap_opencode]
