"""Round 9a, git and data half: git (log -p, log --stat, show, diff between tags, blame) on a history made of
twelve real qs releases (npm pack), committed by four people; ps aux / ps -o on a process group with a
spinning worker, a memory hog, a stopped and a zombie child; CSV and sqlite -column exported from a real query
over the installed Python distributions; a log flood with one exception in the middle. Run through
capture_wide9a.py."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import time
from pathlib import Path

import capture_more as cm
from capture_data import (
    needles_csv,
    needles_git_blame,
    needles_git_diff,
    needles_git_log_p,
    needles_git_show,
    needles_ps_aux,
    needles_sqlite_column,
)
from capture_more import add_or_skip as add
from capture_more import have, run
from capture_wide3 import n_git_log_stat
from capture_wide6 import GIT_ENV, VENV, reuse, text_rule
from capture_wide6 import JS as W6_JS
from capture_wide6_fresh import n_chained, n_ps_eo
from capture_wide7 import n_log
from capture_wide7_more import first

n_log_p = reuse("git-log-p", "git", text_rule(needles_git_log_p), first(needles_git_log_p))
n_show = reuse("git-show", "git", text_rule(needles_git_show), first(needles_git_show))
n_diff = reuse("git-diff", "git", text_rule(needles_git_diff), first(needles_git_diff))
n_blame = reuse("git-blame", "git", text_rule(needles_git_blame), first(needles_git_blame))
n_ps_aux = reuse("ps-aux", "listing", text_rule(needles_ps_aux), first(needles_ps_aux))
n_csv = reuse("csv-cat", "table", text_rule(needles_csv), first(needles_csv))
n_sqlite_col = reuse("sqlite-column", "table", text_rule(needles_sqlite_column), first(needles_sqlite_column))

# ================================================================== git over real releases

QS_VERSIONS = ["6.5.5", "6.7.3", "6.9.7", "6.10.5", "6.11.0", "6.11.2", "6.12.0", "6.12.3", "6.13.0", "6.13.1", "6.14.0", "6.14.1"]
PEOPLE = [("Jordan Harband", "jordan@example.org"), ("Mina Okafor", "mina@example.org"), ("Lars Berg", "lars@example.org"),
          ("Priya Raman", "priya@example.net")]


def qs_repo(tmp: Path) -> Path:
    """One commit and tag per qs release, the tree replaced by the packed release each time."""
    packs = tmp / "packs"
    packs.mkdir()
    run("npm pack --silent " + " ".join(f"qs@{v}" for v in QS_VERSIONS), cwd=packs, timeout=300)
    r = tmp / "qs"
    r.mkdir()
    env = {**GIT_ENV, "HOME": str(tmp)}
    run("git init -q -b main .", cwd=r, env=env)
    for k, v in enumerate(QS_VERSIONS):
        run("find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +", cwd=r)
        with tarfile.open(packs / f"qs-{v}.tgz") as t:
            t.extractall(tmp / "x", filter="data")
        run(f"cp -a {tmp}/x/package/. . && rm -rf {tmp}/x", cwd=r)
        name, mail = PEOPLE[k % len(PEOPLE)] if k % 3 else PEOPLE[0]
        date = f"20{19 + k // 3}-{1 + (k * 5) % 12:02d}-{3 + k:02d}T1{k % 10}:2{k % 6}:00+00:00"
        run(f"git add -A && GIT_AUTHOR_DATE={date} GIT_COMMITTER_DATE={date} git -c user.name='{name}' -c user.email={mail} "
            f"commit -q --author='{name} <{mail}>' -m 'v{v}' -m 'Release {v} of qs (from the npm tarball).' && git tag v{v}",
            cwd=r, env=env)
    return r


def cap_git(tmp: Path) -> None:
    if not (have("git", "git-*") and have("npm", "git-*")):
        return
    r = qs_repo(tmp)
    env = {**GIT_ENV, "HOME": str(tmp)}

    def g(cmd: str) -> str:
        return run(cmd, cwd=r, env=env)
    add("git-log-p-qs-utils", "git log -p -- lib/utils.js", g("git log -p -- lib/utils.js"), n_log_p)
    add("git-log-stat-qs-releases", "git log --stat", g("git log --stat"), n_git_log_stat)
    add("git-log-qs-releases", "git log --format=fuller", g("git log --format=fuller"), n_log)
    add("git-show-qs-v6.11.0-lib", "git show --stat -p v6.11.0 -- lib", g("git show --stat -p v6.11.0 -- lib"), n_show)
    add("git-diff-qs-v6.9.7-v6.12.3-lib", "git diff --stat -p v6.9.7 v6.12.3 -- lib/parse.js lib/formats.js",
        g("git diff --stat -p v6.9.7 v6.12.3 -- lib/parse.js lib/formats.js"), n_diff)
    add("git-blame-qs-stringify", "git blame lib/stringify.js", g("git blame lib/stringify.js"), n_blame)
    add("git-diff-color-qs-working-tree", "git diff --color=always (two hand edits on top of v6.14.1)",
        g("sed -i 's/arrayLimit: 20/arrayLimit: 50/; s/depth: 5/depth: 8/' lib/parse.js && "
          "sed -i 's/encodeValuesOnly: false/encodeValuesOnly: true/' lib/stringify.js && git diff --color=always"), n_diff)


# ================================================================== processes

LAUNCH = """import os, signal, subprocess, sys, time
kids = [subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(900)']) for _ in range(18)]
kids.append(subprocess.Popen([sys.executable, '-c', 'import time\\nt = time.time()\\nwhile time.time() - t < 120: pass']))
kids.append(subprocess.Popen([sys.executable, '-c', 'import time; b = bytearray(180 * 1024 * 1024); time.sleep(900)']))
stopped = subprocess.Popen(['sleep', '901'])
os.kill(stopped.pid, signal.SIGSTOP)
zombie = subprocess.Popen(['true'])
kids += [subprocess.Popen(['sleep', str(600 + k)]) for k in range(6)]
print('ready', flush=True)
time.sleep(900)
"""


def cap_procs(tmp: Path) -> None:
    d = tmp / "procs"
    d.mkdir()
    (d / "launch.py").write_text(LAUNCH)
    p = subprocess.Popen([sys.executable, str(d / "launch.py")], stdout=subprocess.PIPE, text=True, start_new_session=True)
    cm.PROCS.append(p)
    assert p.stdout is not None
    p.stdout.readline()
    time.sleep(5)
    add("ps-aux-worker-group", "ps aux (the worker pool's session)", run(f"ps aux | awk 'NR == 1 || $2 == {p.pid}' ; "
                                                                         f"ps u --ppid {p.pid} --no-headers"), n_ps_aux)
    add("ps-o-worker-pool-table", f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}",
        run(f"ps -o pid,ppid,user,stat,ni,rss,etimes,args --ppid {p.pid}"), n_ps_eo)
    run(f"pkill -KILL -P {p.pid}")


# ================================================================== tables from a real query

DISTS = """import csv, sys
from importlib import metadata
w = csv.writer(sys.stdout)
w.writerow(["name", "version", "files", "bytes", "requires_python", "license_kind"])
for d in metadata.distributions():
    files = d.files or []
    size = sum((f.size or 0) for f in files)
    lic = (d.metadata.get("License-Expression") or d.metadata.get("License") or "UNKNOWN").split("\\n")[0][:24]
    w.writerow([d.metadata["Name"], d.version, len(files), size, d.metadata.get("Requires-Python") or "", lic])
"""


NODE_PKGS = """import csv, json, pathlib, sys
w = csv.writer(sys.stdout)
w.writerow(["name", "version", "license", "type", "files", "bytes", "deps"])
for pj in sorted(pathlib.Path(sys.argv[1]).glob("**/node_modules/*/package.json")) + sorted(pathlib.Path(sys.argv[1]).glob("**/node_modules/@*/*/package.json")):
    m = json.loads(pj.read_text())
    files = [f for f in pj.parent.rglob("*") if f.is_file() and "node_modules" not in f.relative_to(pj.parent).parts]
    lic = m.get("license") if isinstance(m.get("license"), str) else "UNKNOWN"
    w.writerow([m.get("name"), m.get("version"), lic, m.get("type", "commonjs"), len(files), sum(f.stat().st_size for f in files),
                len(m.get("dependencies") or {})])
"""


def cap_tables(tmp: Path) -> None:
    if not have("sqlite3", "sqlite-*"):
        return
    d = tmp / "npm-pkgs"
    d.mkdir()
    (d / "pkgs.py").write_text(NODE_PKGS)
    (d / "pkgs.csv").write_text(run(f"{VENV}/bin/python pkgs.py {W6_JS}", cwd=d))
    run("sqlite3 pkgs.db '.mode csv' '.import pkgs.csv pkgs'", cwd=d)
    q = "SELECT name, version, license, type, files, bytes, deps FROM pkgs ORDER BY name"
    add("csv-sqlite-export-node-modules", f"sqlite3 -csv -header pkgs.db \"{q}\"",
        run(f"sqlite3 -csv -header pkgs.db \"{q}\"", cwd=d), n_csv)
    d = tmp / "dists"
    d.mkdir()
    (d / "dists.py").write_text(DISTS)
    (d / "dists.csv").write_text(run(f"{VENV}/bin/python dists.py", cwd=d))
    run("sqlite3 dists.db '.mode csv' '.import dists.csv dists'", cwd=d)
    q = ("SELECT name, version, files, bytes, round(bytes * 1.0 / files, 1) AS avg_bytes, license_kind FROM dists "
         "WHERE files > 0 ORDER BY name")
    add("csv-sqlite-export-venv-dists", f"sqlite3 -csv -header dists.db \"{q}\"",
        run(f"sqlite3 -csv -header dists.db \"{q}\"", cwd=d), n_csv)
    q2 = ("SELECT requires_python, count(*) AS n, sum(files) AS files, sum(bytes) AS bytes, max(bytes) AS biggest "
          "FROM dists GROUP BY requires_python ORDER BY n DESC")
    add("sqlite-column-venv-dists-by-python", f"sqlite3 -column -header dists.db \"{q2}\"",
        run(f"sqlite3 -column -header dists.db \"{q2}\"", cwd=d), n_sqlite_col)


# ================================================================== a log flood with one exception in the middle

FLOOD = """import logging
from toolz import partition_all, valmap

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-7s [%(name)s] %(message)s")
log = logging.getLogger("importer")


def normalise(rec):
    return valmap(lambda v: v.strip().lower(), rec)


rows = [{"sku": f" SKU-{k:05d} ", "name": f" Item {k} ", "price": f"{(k * 37) % 900 + 99}"} for k in range(4000)]
rows[2117]["price"] = None
for n, batch in enumerate(partition_all(20, rows)):
    log.info("batch %d: %d rows", n, len(batch))
    try:
        out = [normalise(r) for r in batch]
    except AttributeError:
        log.exception("batch %d: cannot normalise", n)
        continue
    log.info("batch %d: upserted %d rows", n, len(out))
log.info("import finished")
"""


def cap_logs(tmp: Path) -> None:
    d = tmp / "flood"
    d.mkdir()
    (d / "importer.py").write_text(FLOOD)
    add("python-log-flood-one-exception", "python importer.py", run(f"{VENV}/bin/python importer.py", cwd=d,
                                                                     env={"PYTHONPATH": str(toolz_src(tmp))}), n_chained)


def toolz_src(tmp: Path) -> Path:
    """toolz from its sdist (the tools venv does not install it)."""
    from capture_wide9a import unpack
    return unpack("toolz", tmp / "toolz-src")


STEPS = [cap_git, cap_procs, cap_tables, cap_logs]
