"""Round 23, tables, listings, histories and data: ps / ss / lsof while a worker pool and a socket server run (one
worker stopped, one zombie, a connection to a port whose accept loop never started), find / ls -lR / du / grep -rn
over the round's sdists, git log -p, git log --stat and git blame of two real repositories' histories (mistune,
sortedcontainers), sqlite3 over dpkg's own package database and a repository's numstat, the npm registry's and
PyPI's JSON APIs, npm ls --all after a hand-edited package.json, a lockfile and pip show -f. Run through
capture_wide23.py."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import capture_data as cd
import capture_more as cm
from capture_more import kind, run
from capture_wide3 import n_lsof
from capture_wide7 import n_path_list
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import (n_du, n_find, n_lock, n_ls_lR, n_npm_ls, n_ps_aux, n_sqlite_col, n_sqlite_csv,
                                 n_ss, orig)
from capture_wide15_oc import n_blame, n_log_p
from capture_wide23 import BIN, JS, add, cap

GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
MIRRORS = {"mistune": "/work/.mirror/lepture+mistune/repo",
           "sortedcontainers": "/work/.mirror/grantjenks+python-sortedcontainers/repo"}
PY = BIN / "python"


def _npm_registry(out: str) -> list:
    """The npm registry's packument (curl https://registry.npmjs.org/<pkg> | jq .) (rule 5, as npm view --json): every dist-tags value as its line '"tag": "version"', and the time entry of the latest version."""
    return cd.needles_npm_view(out)


n_npm_registry = orig("npm-registry-json", "json", _npm_registry)


@kind("pypi-json", "json")
def n_pypi_json(lines):
    """Rule 5 on PyPI's JSON API (curl https://pypi.org/pypi/<pkg>/json, pretty-printed): info's name, version and requires_python lines, every requires_dist entry, the line opening the latest version's entry in releases, every filename of the latest release (urls) and its first upload_time."""
    d = json.loads("\n".join(lines))
    info = d["info"]
    out = [f'"{k}": {json.dumps(info[k])}' for k in ("name", "version", "requires_python") if info.get(k)]
    out += [json.dumps(r) for r in info.get("requires_dist") or []]
    out.append(f'"{info["version"]}": [')
    out += [f'"filename": {json.dumps(u["filename"])}' for u in d.get("urls", [])]
    out += [f'"upload_time": {json.dumps(u["upload_time"])}' for u in d.get("urls", [])[:1]]
    return out


n_git_log_stat = cm.n_git_log_stat


# ------------------------------------------------------------------ processes and sockets

POOL = '''import multiprocessing as mp
import sys
import time


def resize(k):
    time.sleep(600)


if __name__ == "__main__":
    with mp.Pool(int(sys.argv[1])) as pool:
        pool.map(resize, range(int(sys.argv[1])))
'''

ZOMBIE = '''import os
import time
if os.fork() == 0:
    os._exit(3)
time.sleep(600)
'''

SOCKS = '''import asyncio
import socket
import sys

PORT = int(sys.argv[1])


async def handle(reader, writer):
    while data := await reader.read(4096):
        writer.write(data)
        await writer.drain()


async def serve():
    admin = socket.socket()  # the admin port: bound and listening, but its accept loop never started
    admin.bind(("127.0.0.1", PORT + 1))
    admin.listen(8)
    server = await asyncio.start_server(handle, "127.0.0.1", PORT)
    async with server:
        await server.serve_forever()


async def clients():
    conns = [await asyncio.open_connection("127.0.0.1", PORT) for _ in range(int(sys.argv[2]))]
    for r, w in conns:
        w.write(b"ping " * 400)
        await r.readexactly(2000)
    _, w = await asyncio.open_connection("127.0.0.1", PORT + 1)
    w.write(b"stats " * 30000)
    await asyncio.sleep(600)


asyncio.run(serve() if sys.argv[3] == "serve" else clients())
'''


# the jobs run in their own PID and network namespaces, so that ps / ss / lsof show them and nothing else of this
# machine (its other users' processes and sockets, and their command lines, stay out of the corpus)
JOBS = """ip link set lo up
{py} pool.py 170 & pool=$!
{py} zombie.py &
{py} echo.py 8081 0 serve & srv=$!
sleep 2
{py} echo.py 8081 160 client & cli=$!
sleep 4
kill -STOP $(pgrep -P $pool | sed -n 6p)
ps auxww > ps.txt
ss -tanp > ss.txt
lsof -nP -p $srv,$cli > lsof.txt
echo $srv,$cli > pids.txt
kill -CONT $(pgrep -P $pool); kill $(jobs -p); wait
"""


def procs(tmp: Path) -> None:
    d = tmp / "jobs"
    d.mkdir()
    (d / "pool.py").write_text(POOL)
    (d / "zombie.py").write_text(ZOMBIE)
    (d / "echo.py").write_text(SOCKS)
    (d / "jobs.sh").write_text(JOBS.format(py=PY))
    run("unshare --pid --net --fork --mount-proc bash jobs.sh", cwd=d, timeout=120)
    pids = (d / "pids.txt").read_text().strip()
    add("ps-auxww-worker-pool", "ps auxww", (d / "ps.txt").read_text(), n_ps_aux)
    add("ss-tanp-echo-server", "ss -tanp", (d / "ss.txt").read_text(), n_ss)
    add("lsof-np-echo-server", f"lsof -nP -p {pids}", (d / "lsof.txt").read_text(), n_lsof)


# ------------------------------------------------------------------ listings over the sdists

def listings(tmp: Path) -> None:
    nx, du = tmp / "networkx-3.2.1", tmp / "docutils-0.21.2"
    (du / "tools" / "dev" / "profile_docutils.py").chmod(0o600)
    cap("find-name-py-networkx-sorted", "find networkx -name '*.py' | sort", nx, n_path_list)
    cap("find-printf-docutils", "find . -type f -printf '%M %u %s %p\\n'", du, n_find)
    cap("ls-lR-docutils-docs-tools-test", "ls -lR docs tools test", du, n_ls_lR)
    cap("du-ah-sort-networkx", "du -ah networkx | sort -h", nx, n_du)
    cap("grep-rn-raise-nx-networkx", "grep -rn 'raise nx\\.' networkx --include='*.py'", nx, n_grep_rn)
    cap("grep-rn-todo-xxx-docutils", "grep -rn 'TODO\\|XXX\\|FIXME' .", du, n_grep_rn)


# ------------------------------------------------------------------ git histories

def git(tmp: Path) -> None:
    for name, src in MIRRORS.items():
        if Path(src).exists():
            run(f"git clone -q {src} {name}", cwd=tmp, env=GIT_ENV, timeout=300)
    mi, sc = tmp / "mistune", tmp / "sortedcontainers"
    if mi.exists():
        cap("git-log-p-10-mistune", "git log -p -n 10", mi, n_log_p, env=GIT_ENV)
        cap("git-log-stat-120-mistune", "git log --stat -n 120", mi, n_git_log_stat, env=GIT_ENV)
        cap("git-blame-mistune-block-parser", "git blame src/mistune/block_parser.py", mi, n_blame, env=GIT_ENV)
    if sc.exists():
        cap("git-log-p-12-sortedcontainers", "git log -p -n 12", sc, n_log_p, env=GIT_ENV)
        cap("git-log-stat-150-sortedcontainers", "git log --stat -n 150", sc, n_git_log_stat, env=GIT_ENV)
        blame = next((p for p in ("src/sortedcontainers/sortedset.py", "sortedcontainers/sortedset.py")
                      if (sc / p).exists()), None)
        if blame:
            cap("git-blame-sortedset", f"git blame {blame}", sc, n_blame, env=GIT_ENV)


# ------------------------------------------------------------------ SQL and CSV

def dpkg_rows() -> list[dict[str, str]]:
    """dpkg's status database as records (the machine's own installed packages)."""
    recs, cur = [], {}
    for ln in Path("/var/lib/dpkg/status").read_text(errors="replace").splitlines():
        if not ln.strip():
            if cur:
                recs.append(cur)
            cur = {}
        elif not ln.startswith(" ") and ":" in ln:
            k, _, v = ln.partition(":")
            cur[k] = v.strip()
    return recs + ([cur] if cur else [])


def sql(tmp: Path) -> None:
    d = tmp / "inventory"
    d.mkdir()
    db = sqlite3.connect(d / "packages.db")
    db.execute("CREATE TABLE packages (name TEXT, version TEXT, arch TEXT, section TEXT, priority TEXT, "
               "installed_kb INTEGER, status TEXT, source TEXT)")
    db.executemany("INSERT INTO packages VALUES (?,?,?,?,?,?,?,?)", [
        (r.get("Package"), r.get("Version"), r.get("Architecture"), r.get("Section"), r.get("Priority"),
         int(r["Installed-Size"]) if r.get("Installed-Size", "").isdigit() else None, r.get("Status"),
         (r.get("Source") or r.get("Package", "")).split(" ")[0]) for r in dpkg_rows()])
    db.commit()
    db.close()
    cap("sqlite-csv-packages-by-name", "sqlite3 -header -csv packages.db 'SELECT name, version, arch, section, "
        "priority, installed_kb FROM packages ORDER BY name'", d, n_sqlite_csv)
    cap("sqlite-column-packages-by-size", "sqlite3 -header -column packages.db 'SELECT name, section, priority, "
        "installed_kb, source FROM packages ORDER BY installed_kb DESC'", d, n_sqlite_col)
    mi = tmp / "mistune"
    if mi.exists():
        raw = run("git log --numstat --format='@%h|%an|%ad' --date=short", cwd=mi, env=GIT_ENV)
        rows, head = [], None
        for ln in raw.splitlines():
            if ln.startswith("@"):
                head = ln[1:].split("|")
            elif head and re.match(r"^(\d+|-)\t(\d+|-)\t", ln):
                a, r, path = ln.split("\t", 2)
                rows.append((*head, path, None if a == "-" else int(a), None if r == "-" else int(r)))
        db = sqlite3.connect(d / "history.db")
        db.execute("CREATE TABLE changes (commit_id TEXT, author TEXT, day TEXT, path TEXT, added INTEGER, "
                   "removed INTEGER)")
        db.executemany("INSERT INTO changes VALUES (?,?,?,?,?,?)", rows)
        db.commit()
        db.close()
        cap("sqlite-csv-mistune-changes", "sqlite3 -header -csv history.db \"SELECT day, commit_id, author, path, "
            "added, removed FROM changes WHERE path LIKE 'src/%' OR path LIKE 'mistune/%' ORDER BY day\"", d,
            n_sqlite_csv)


# ------------------------------------------------------------------ JSON APIs and packages

def pkgs(tmp: Path) -> None:
    d = tmp / "api"
    d.mkdir()
    for name in ("p-limit", "ms", "kolorist"):
        cap(f"curl-npm-registry-{name}", f"curl -s https://registry.npmjs.org/{name} | jq .", d, n_npm_registry)
    for name in ("sortedcontainers", "bottle", "docutils"):
        cap(f"curl-pypi-json-{name}", f"curl -s https://pypi.org/pypi/{name}/json | python3 -m json.tool", d,
            n_pypi_json)
    app = tmp / "webapp"
    shutil.copytree(JS, app, symlinks=True)
    pj = json.loads((app / "package.json").read_text())
    pj["dependencies"]["mocha"] = "^11.0.0"  # bumped by hand, never installed
    (app / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    cap("npm-ls-all-webapp", "npm ls --all", app, n_npm_ls)
    cap("cat-package-lock-webapp", "cat package-lock.json", app, n_lock)
    cap("pip-show-f-sqlalchemy", "pip show -f sqlalchemy", d, cm.n_pip_show)


STEPS = [procs, listings, git, sql, pkgs]
