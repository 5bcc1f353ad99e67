#!/usr/bin/env python3
"""Capture a SEVENTH round of the compression corpus (issue #11, round 7): fresh instances of what coding
agents run MOST OFTEN, weighted toward the families where the engine loses most (listings, git, logs, lint).
This module holds the listings and git halves; logs, lint/test/build and tables/JSON are in
capture_wide7_more.py.

Same method and helpers as capture_wide6.py: every item's text is the stdout+stderr of a program REALLY run
here, on real installed trees (the shared tool install's node_modules and site-packages, /usr/share,
/usr/lib/python3.11) or on throwaway trees built in /tmp/hm-corpus-wide7; needles follow
scripts/corpus/NEEDLES.md, computed from the cleaned raw output by the extractor of the item's kind (its
docstring's first line is the needle_rule; rule-5 rules are written next to the kind). Most kinds reuse an
earlier round's extractor. Written before anything was measured; nothing captured here was ever compressed by
its author.

Usage:   .venv/bin/python scripts/corpus/capture_wide7.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide7.json  as {"version": 2, "items": [...]}, ids prefixed "wide7-".
Tools:   the round-6 tool install (/tmp/hm-corpus-wide6-tools, created on first use); git, tree, rg, du, find,
         dpkg, ps, ss, lsof, sqlite3, gcc, cargo, go, shellcheck as found (a missing one skips its kinds).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide6 as w6  # noqa: E402  (tool install, reuse(), text_rule(), oc())
from capture_data import (needles_du, needles_git_blame, needles_git_diff, needles_git_log_p, needles_git_show,  # noqa: E402
                          needles_git_status, needles_ls_la, needles_ls_lR, needles_npm_install, needles_npm_ls, needles_ss, rule4)
from capture_more import add_or_skip as add, have, run  # noqa: E402
from capture_more import n_env, n_git_reflog, n_pip_show  # noqa: E402
from capture_opencode import needles_glob  # noqa: E402
from capture_wide2 import n_lsof_p  # noqa: E402
from capture_wide3 import n_find_ls, n_find_printf, n_git_log_graph_all, n_git_log_stat, n_git_stash_show, n_tree_text  # noqa: E402
from capture_wide5 import (n_dpkg_l_files, n_git_branch_avv, n_git_log_decorate, n_git_stash_list, n_git_status_short)
from capture_wide6 import reuse, text_rule, oc  # noqa: E402
from capture_wide6_fresh import RG, n_ps_aux, n_ps_eo, oc_glob  # noqa: E402

ID_PREFIX = "wide7-"  # set again after every capture module is imported: each sets cm.PREFIX at import
cm.PREFIX = ID_PREFIX
DEFAULT_OUT = HERE / "data" / "wide7.json"
TMP = Path("/tmp/hm-corpus-wide7")
NM = w6.JS / "node_modules"
SITE = w6.VENV / "lib" / "python3.11" / "site-packages"
GIT_ENV = {**w6.GIT_ENV, "HOME": str(TMP)}


def first(fn) -> str:
    return (fn.__doc__ or "").strip().splitlines()[0]


# ================================================================== kinds (rules written before capture)

n_ls_la = reuse("ls-la", "listing", text_rule(needles_ls_la), first(needles_ls_la))
n_ls_lR = reuse("ls-lR", "listing", text_rule(needles_ls_lR), first(needles_ls_lR))
n_du_sorted = reuse("du-ah-sorted", "listing", text_rule(needles_du), first(needles_du))
n_ss = reuse("ss-tanp", "listing", text_rule(needles_ss), first(needles_ss))
n_npm_ls = reuse("npm-ls", "pkg", text_rule(needles_npm_ls), first(needles_npm_ls))
n_npm_install = reuse("npm-install", "pkg", text_rule(needles_npm_install), first(needles_npm_install))
n_glob = reuse("oc-glob", "listing", oc(needles_glob), first(needles_glob))
n_status = reuse("git-status", "git", text_rule(needles_git_status), first(needles_git_status))
n_diff = reuse("git-diff", "git", text_rule(needles_git_diff), first(needles_git_diff))
n_show = reuse("git-show", "git", text_rule(needles_git_show), first(needles_git_show))
n_log_p = reuse("git-log-p", "git", text_rule(needles_git_log_p), first(needles_git_log_p))
n_log = reuse("git-log", "git", text_rule(needles_git_log_p),
              "Rule 5 on git log (default format, filters): every commit hash and every subject (as git log -p).")
n_blame = reuse("git-blame", "git", text_rule(needles_git_blame), first(needles_git_blame))


@cm.kind("path-list", "listing")
def n_path_list(lines):
    """Rule 5 on a bare path listing (rg --files, git ls-files, find -name): the first path under every distinct directory, and every path whose extension occurs at most twice while one extension covers half the paths."""
    paths = [ln.strip() for ln in lines if ln.strip()]
    seen: dict[str, str] = {}
    for p in paths:
        seen.setdefault(os.path.dirname(p), p)
    rows = [(p, {"ext": os.path.splitext(p)[1] or "<none>"}) for p in paths]
    return list(seen.values()) + rule4(rows, cat=("ext",))


# ================================================================== listings over real trees

def cap_listings(tmp: Path) -> None:
    if not NM.exists():
        return
    add("ls-la-node-modules-bin", "ls -la node_modules/.bin", run(f"ls -la {NM}/.bin"), n_ls_la)
    add("ls-la-usr-share-doc", "ls -la /usr/share/doc | head -400", run("ls -la /usr/share/doc | head -400"), n_ls_la)
    add("ls-lR-mocha-lib", "ls -lR node_modules/mocha/lib", run("ls -lR lib", cwd=NM / "mocha"), n_ls_lR)
    add("ls-lR-pip-commands", "ls -lR site-packages/pip/_internal", run("ls -lR pip/_internal", cwd=SITE), n_ls_lR)
    add("find-ls-typescript", "find node_modules/typescript -ls",
        run("find typescript -ls", cwd=NM), n_find_ls)
    tz = tmp / "tz"
    run(f"mkdir {tz} && cp -a /usr/share/zoneinfo/Europe /usr/share/zoneinfo/America {tz}/ && touch -d '1 hour ago' {tz}/stamp"
        f" && touch {tz}/Europe/Berlin {tz}/Europe/Kyiv {tz}/America/Argentina/Salta")
    add("find-printf-size-site", "find site-packages/mypy -size +40k -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'",
        run("find mypy -size +40k -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'", cwd=SITE), n_find_printf)
    cmd = "find Europe America \\( -newer stamp -o -size +2k \\) -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'"
    add("find-printf-newer-zoneinfo", cmd, run(cmd, cwd=tz), n_find_printf)
    add("du-ah-sort-eslint", "du -ah node_modules/eslint | sort -h", run("du -ah eslint | sort -h", cwd=NM), n_du_sorted)
    add("du-ah-sort-site-ruff-mypy", "du -ah site-packages/mypy/typeshed/stdlib | sort -h",
        run("du -ah mypy/typeshed/stdlib | sort -h", cwd=SITE), n_du_sorted)
    add("tree-L3-vite", "tree -L 3 node_modules/vite", run("tree -L 3 vite", cwd=NM), n_tree_text)
    add("tree-L3-usr-share-perl", "tree -L 3 /usr/share/perl5", run("tree -L 3 /usr/share/perl5 | head -1500"), n_tree_text)
    add("rg-files-eslint-lib", "rg --files node_modules/eslint/lib", run(f"{RG} --files eslint/lib", cwd=NM), n_path_list)
    add("oc-glob-mypy-pyi-capped", '{"pattern": "**/*.pyi", "path": ".../site-packages/mypy/typeshed/stdlib"}',
        oc_glob(SITE / "mypy" / "typeshed" / "stdlib", "*.pyi"), n_glob, tool="glob")
    add("oc-glob-webpack-schemas", '{"pattern": "**/*.json", "path": ".../node_modules/webpack/schemas"}',
        oc_glob(NM / "webpack" / "schemas", "*.json"), n_glob, tool="glob")
    if have("dpkg", "dpkg-L"):
        add("dpkg-L-coreutils", "dpkg -L coreutils", run("dpkg -L coreutils"), n_dpkg_l_files)
    add("pip-show-f-coverage", "pip show -f coverage", run(f"{w6.VENV}/bin/pip show -f coverage"), n_pip_show)
    d = tmp / "npmls"
    d.mkdir()
    (d / "package.json").write_text('{"name": "report-cli", "version": "2.1.0", "private": true}\n')
    run("npm install --no-audit --no-fund --loglevel=error yargs@17 chalk@4 ora@5 && rm -rf node_modules/ansi-regex",
        cwd=d, timeout=300)
    add("npm-ls-all-report-cli", "npm ls --all", run("npm ls --all", cwd=d), n_npm_ls)
    run("rm -rf node_modules", cwd=d)
    add("npm-ci-loglevel-http-report-cli", "npm ci --loglevel=http",
        run("npm ci --no-audit --no-fund --loglevel=http", cwd=d, timeout=300), n_npm_install)


# ================================================================== processes, sockets, environment

SERVER = ("import http.server, socketserver, sys, threading\n"
          "ports = [int(p) for p in sys.argv[1:]]\n"
          "for p in ports:\n"
          "    s = socketserver.TCPServer(('127.0.0.1', p), http.server.SimpleHTTPRequestHandler)\n"
          "    threading.Thread(target=s.serve_forever, daemon=True).start()\n"
          "print('up', flush=True)\nthreading.Event().wait()\n")


def cap_system(tmp: Path) -> None:
    d = tmp / "procs"
    d.mkdir()
    launcher = ("import subprocess, sys, time\nps = []\n"
                "for k in range(30):\n    ps.append(subprocess.Popen(['sleep', str(600 + k)]))\n"
                "for k in range(4):\n    ps.append(subprocess.Popen([sys.executable, '-c', 'import time; x = bytearray(%d); time.sleep(600)' % ((k + 1) * 3000000)]))\n"
                "ps.append(subprocess.Popen([sys.executable, '-c', 'import time\\nt = time.time()\\nwhile time.time() - t < 90: pass']))\n"
                "print('ready', flush=True)\ntime.sleep(300)\n")
    (d / "launch.py").write_text(launcher)
    p = subprocess.Popen([sys.executable, str(d / "launch.py")], stdout=subprocess.PIPE, text=True, start_new_session=True)
    cm.PROCS.append(p)
    p.stdout.readline()
    time.sleep(4)
    add("ps-u-ppid-spinner", f"ps u --ppid {p.pid}", run(f"ps u --ppid {p.pid}"), n_ps_aux)
    add("ps-o-stat-spinner", f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}",
        run(f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}"), n_ps_eo)
    run(f"pkill -KILL -P {p.pid}")
    ports = [str(41000 + k) for k in range(6)]
    srv = subprocess.Popen([sys.executable, "-c", SERVER, *ports], stdout=subprocess.PIPE, text=True, cwd=d,
                           start_new_session=True)
    cm.PROCS.append(srv)
    srv.stdout.readline()
    clients = [subprocess.Popen(["python3", "-c", f"import socket,time; s=socket.create_connection(('127.0.0.1',{ports[k % 6]})); time.sleep(30)"],
                                start_new_session=True) for k in range(14)]
    cm.PROCS.extend(clients)
    time.sleep(2)
    add("ss-tanp-loopback-servers", "ss -tanp '( sport >= :41000 and sport <= :41005 ) or ( dport >= :41000 and dport <= :41005 )'",
        run("ss -tanp '( sport >= :41000 and sport <= :41005 ) or ( dport >= :41000 and dport <= :41005 )'"), n_ss)
    if have("lsof", "lsof-p"):
        add("lsof-p-http-server", f"lsof -nP -p {srv.pid}", run(f"lsof -nP -p {srv.pid}"), n_lsof_p)
    for c in clients:
        c.kill()
    harmless = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/dev", "USER": "dev", "SHELL": "/bin/bash",
                "PWD": "/home/dev/orders-api", "LANG": "C.UTF-8", "TERM": "xterm-256color", "EDITOR": "vim",
                "NODE_ENV": "development", "APP_PORT": "8081", "DATABASE_HOST": "127.0.0.1", "DATABASE_PORT": "5432",
                "LOG_LEVEL": "debug", "API_BASE_URL": "http://127.0.0.1:8081/api/v2", "TZ": "UTC",
                "XDG_CONFIG_HOME": "/home/dev/.config", "NPM_CONFIG_PREFIX": "/home/dev/.npm-global",
                "PYTHONPATH": "/home/dev/orders-api/src", "VIRTUAL_ENV": "/home/dev/orders-api/.venv",
                "FEATURE_FLAGS": "new-checkout,fast-refunds", "WORKERS": "4", "HOSTNAME": "devbox"}
    harmless.update({f"LC_{k}": "C.UTF-8" for k in ("CTYPE", "NUMERIC", "TIME", "COLLATE", "MONETARY", "MESSAGES")})
    harmless.update({f"GIT_PS1_{k}": "1" for k in ("SHOWDIRTYSTATE", "SHOWSTASHSTATE", "SHOWUNTRACKEDFILES")})
    harmless.update({f"ORDERS_{k}": v for k, v in (("QUEUE", "orders-v2"), ("BATCH_SIZE", "500"), ("RETRY_LIMIT", "5"),
                                                     ("REGION", "eu-west"), ("CACHE_TTL", "300"), ("EXPORT_DIR", "/home/dev/exports"),
                                                     ("TIMEOUT_MS", "2500"), ("METRICS_PORT", "9102"), ("SMTP_HOST", "127.0.0.1"),
                                                     ("SMTP_PORT", "1025"), ("PDF_RENDERER", "wkhtmltopdf"), ("LOCALE", "de_DE"),
                                                     ("CURRENCY", "EUR"), ("MAX_UPLOAD_MB", "25"), ("SENTRY_ENVIRONMENT", "dev"))})
    harmless["LS_COLORS"] = run("dircolors -b | head -1 | cut -d\\' -f2").strip()
    args = " ".join(f"{k}='{v}'" for k, v in harmless.items())
    add("printenv-dev-shell", "printenv | sort", run(f"env -i {args} printenv | sort"), n_env)


# ================================================================== git on a real multi-commit history

PEOPLE = [("Ada Dev", "ada@example.org"), ("Bo Lin", "bo@example.org"), ("Cy Ray", "cy@example.org"),
          ("Dee Outsider", "dee@elsewhere.net"), ("Eve Maint", "eve@example.org")]
MODULES = ["json/__init__.py", "json/decoder.py", "json/encoder.py", "json/scanner.py", "json/tool.py",
           "email/utils.py", "email/header.py", "email/charset.py", "email/quoprimime.py", "email/base64mime.py",
           "email/feedparser.py", "email/message.py", "email/_policybase.py", "email/iterators.py",
           "http/cookies.py", "http/client.py", "urllib/parse.py", "csv.py", "configparser.py", "argparse.py"]
STDLIB = Path("/usr/lib/python3.11")


def commit(r: Path, k: int, msg: str, who: int | None = None) -> None:
    a, e = PEOPLE[(k if who is None else who) % len(PEOPLE)]
    date = f"2025-{1 + k % 11:02d}-{1 + (k * 7) % 27:02d}T{9 + k % 8:02d}:{(k * 13) % 60:02d}:00+00:00"
    run(f"git add -A && GIT_AUTHOR_DATE={date} GIT_COMMITTER_DATE={date} git -c user.name='{a}' -c user.email={e} "
        f"commit -q --author='{a} <{e}>' -m '{msg}'", cwd=r, env=GIT_ENV)


def g(cmd: str, r: Path) -> str:
    return run(cmd, cwd=r, env=GIT_ENV)


def build_repo(tmp: Path) -> Path:
    """A vendored-stdlib project: 40 dated commits by five people, a feature branch merged twice, a remote."""
    r = tmp / "vendored"
    r.mkdir()
    g("git init -q -b main .", r)
    rnd = random.Random(7)
    texts = {m: (STDLIB / m).read_text() for m in MODULES}
    for m in MODULES:  # the first commit holds the first half of every module
        p = r / "src" / m
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(texts[m][: len(texts[m]) // 2])
    (r / "README.md").write_text("# vendored\n\nPure-Python pieces of the standard library, trimmed.\n")
    commit(r, 0, "import the first halves of the vendored modules")
    subjects = ["{m}: sync with upstream", "{m}: drop py2 shims", "{m}: type hints on public API", "{m}: faster path",
                "{m}: fix edge case reported in #%d", "{m}: docstrings"]
    for k in range(1, 28):
        m = rnd.choice(MODULES)
        p = r / "src" / m
        full = texts[m]
        cur = p.read_text()
        p.write_text(full[: min(len(full), len(cur) + rnd.randint(400, 4000))])
        if k % 5 == 0:
            (r / "CHANGELOG.md").write_text("".join(f"- change {j}\n" for j in range(k)))
        if k == 12:
            (r / "docs").mkdir(exist_ok=True)
            (r / "docs" / "logo.png").write_bytes(bytes(rnd.randrange(256) for _ in range(3000)))
        subj = rnd.choice(subjects).format(m=m.split("/")[-1])
        commit(r, k, subj % (100 + k) if "%d" in subj else subj)
        if k == 14:
            g("git branch feature/policy", r)
    g("git checkout -q feature/policy", r)
    for k in range(28, 34):
        p = r / "src" / "email/_policybase.py"
        p.write_text(p.read_text() + f"\n# policy tweak {k}\n")
        commit(r, k, f"policy: tweak {k - 27}", who=3)
    g("git checkout -q main", r)
    g("GIT_AUTHOR_DATE=2025-11-02T10:00:00+00:00 GIT_COMMITTER_DATE=2025-11-02T10:00:00+00:00 "
      "git merge -q --no-ff -m 'Merge branch feature/policy' feature/policy", r)
    for k in range(34, 40):
        m = MODULES[k % len(MODULES)]
        (r / "src" / m).write_text(texts[m])
        commit(r, k, f"{m.split('/')[-1]}: complete the module")
    g("git clone -q --bare . ../vendored-origin.git && git remote add origin ../vendored-origin.git && git fetch -q origin "
      "&& git branch -q -u origin/main main", r)
    names = ["fix/header-folding", "spike/cookies", "release/1.x", "fix/quoprimime-soft-breaks", "perf/scanner",
             "docs/policy", "fix/cookie-expiry", "chore/typing", "release/0.9", "feat/json-cli", "fix/csv-dialect"]
    for k, b in enumerate(names):
        g(f"git branch {b} HEAD~{1 + k % 7}", r)
    g("git push -q origin " + " ".join(names[::2]), r)
    for b in names[::2]:
        g(f"git branch -q -u origin/{b} {b}", r)
    g("git push -q origin --delete perf/scanner && git fetch -q --prune origin", r)
    g("git checkout -q release/1.x && git reset -q --hard HEAD~2 && git checkout -q fix/cookie-expiry && "
      "echo '# expiry' >> src/http/cookies.py && git commit -qam 'cookies: expiry in UTC' && git checkout -q main", r)
    return r


def cap_git(tmp: Path) -> None:
    if not have("git", "git-*"):
        return
    r = build_repo(tmp)
    add("git-log-default-vendored", "git log", g("git log", r), n_log)
    add("git-log-oneline-vendored", "git log --oneline", g("git log --oneline", r), n_git_log_decorate)
    add("git-log-stat-since", "git log --stat --since=2025-03-01", g("git log --stat --since=2025-03-01", r), n_git_log_stat)
    add("git-log-p-author-bo", "git log -p --author='Bo Lin' -- src/json src/csv.py",
        g("git log -p --author='Bo Lin' -- src/json src/csv.py", r), n_log_p)
    add("git-log-graph-merges", "git log --graph --all", g("git log --graph --all", r), n_git_log_graph_all)
    add("git-show-big-commit", "git show HEAD~2 --stat -p", g("git show --stat -p HEAD~2", r), n_show)
    add("git-blame-argparse", "git blame -L 1,1000 src/argparse.py", g("git blame -L 1,1000 src/argparse.py", r), n_blame)
    # working-tree states: a rename, a binary change, many edits, untracked files, stashes
    g("git checkout -q -b wip/cleanup", r)
    g("git mv src/csv.py src/csvlib.py && git mv src/json/tool.py src/json/cli.py", r)
    for m in MODULES:
        p = r / "src" / m
        if p.exists():
            p.write_text(p.read_text().replace("    def ", "    # reviewed\n    def ", 2))
    (r / "docs" / "logo.png").write_bytes(bytes(range(256)) * 9)
    (r / "notes.txt").write_text("todo: header folding\n")
    (r / "src" / "json" / "fast.py").write_text("def loads(s):\n    raise NotImplementedError\n")
    for k in range(3):
        (r / "src" / f"scratch_{k}.py").write_text(f"x = {k}\n")
    g("git rm -q --cached README.md && rm README.md", r)
    g("git add src/csvlib.py src/json/cli.py src/json/decoder.py docs/logo.png", r)
    add("git-status-long-wip", "git status", g("git status", r), n_status)
    add("git-diff-head-many", "git diff HEAD -M --stat -p", g("git diff HEAD -M --stat -p", r), n_diff)
    for k, m in enumerate(MODULES[5:12]):  # older stashes below the three named ones
        q = r / "src" / m
        q.write_text(q.read_text() + f"\n# experiment {k}\n")
        g(f"git stash push -q -m 'experiment {k}' -- src/{m}", r)
    g("git stash push -q -m 'half-done header folding' -- src/email", r)
    (r / "src" / "http" / "cookies.py").write_text((r / "src" / "http" / "cookies.py").read_text() + "\n# morsel limits\n")
    g("git stash push -q -m 'cookie limits'", r)
    g("git stash push -q -u -m 'scratch files'", r)
    add("git-stash-list-stat-ten", "git stash list --stat", g("git stash list --stat", r), n_git_stash_list)
    add("git-stash-show-p-folding", "git stash show -p --stat stash@{2}", g("git stash show -p --stat 'stash@{2}'", r),
        n_git_stash_show)
    add("git-branch-a-vv-vendored", "git branch -a -vv", g("git branch -a -vv", r), n_git_branch_avv)
    # a conflicted merge: one conflict among many clean changes
    g("git stash pop -q; git add -A && git commit -q -m 'wip: scratch' ; git checkout -q main", r)
    for m in MODULES[4:20]:  # clean changes the merge brings in alongside the one conflict
        q = r / "src" / m
        q.write_text(q.read_text() + "\n# audited 2025-12\n")
    (r / "CHANGELOG.md").unlink()
    (r / "src" / "json" / "fast_scanner.py").write_text("from .scanner import make_scanner\n")
    (r / "docs" / "merging.md").write_text("# Merging upstream\n")
    p = r / "src" / "configparser.py"
    p.write_text(p.read_text().replace("DEFAULTSECT = \"DEFAULT\"", "DEFAULTSECT = \"defaults\""))
    commit(r, 41, "configparser: lower-case default section")
    g("git checkout -q wip/cleanup", r)
    p.write_text(p.read_text().replace("DEFAULTSECT = \"DEFAULT\"", "DEFAULTSECT = \"GLOBAL\""))
    commit(r, 42, "configparser: GLOBAL default section")
    g("git merge main -m 'merge main' >/dev/null 2>&1; true", r)
    (r / "out").mkdir()
    for k in range(36):
        (r / "out" / f"chunk_{k:02d}.json").write_text("{}\n")
    for name in ("merge-notes.txt", "TODO.md", "profile.out", "src/json/fast_scanner_test.py"):
        (r / name).write_text("keep GLOBAL\n")
    add("git-status-conflict-merge", "git status", g("git status", r), n_status)
    add("git-status-short-uall-conflict", "git status -s -uall", g("git status -s -uall", r), n_git_status_short)
    add("git-reflog-vendored", "git reflog", g("git reflog", r), n_git_reflog)
    s = tmp / "stdlib-mirror"
    s.mkdir()
    for pkg in ("email", "json", "http", "urllib", "importlib", "asyncio", "concurrent", "xml", "logging"):
        shutil.copytree(STDLIB / pkg, s / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    g("git init -q -b main . && git add -A && git commit -q -m import", s)
    add("git-ls-files-stdlib-mirror", "git ls-files", g("git ls-files", s), n_path_list)


# ================================================================== main

def steps() -> list:
    import capture_wide7_checks as checks  # lint/test/build, tables/JSON
    import capture_wide7_more as more  # logs
    return [cap_listings, cap_system, cap_git] + more.STEPS + checks.STEPS


def main() -> None:
    w6.ensure_tools()
    chosen = steps()
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, chosen, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide7", sys.modules["__main__"])
    main()
