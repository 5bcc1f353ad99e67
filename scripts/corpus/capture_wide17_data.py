"""Round 17, the large data: git on a scripted history over two real voluptuous releases, a loopback JSON API of a
few thousand CI records with rare anomalies and its server's log under a scripted load, npm view / package-lock /
npm ls of the round's node_modules, pip inspect, a worker's JSON-lines log, strace, deep listings and process tables
under load. Each kind's extractor is an earlier round's (capture_wide15_*.py, capture_more.py, capture_wide*.py).
Run through capture_wide17.py."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from capture_data import free_port, stop, wait_port
from capture_more import n_git_log_stat, n_tree, run, start, write_tree
from capture_wide import n_strace
from capture_wide2 import n_json_log
from capture_wide6_fresh import n_ps_eo
from capture_wide6_new2 import n_pip_inspect
from capture_wide7 import n_du_sorted
from capture_wide9a_more import n_npm_ls_json
from capture_wide15_data import n_find, n_http_log, n_json_api, n_lock, n_ls_lR, n_npm_view, n_ps_aux, n_top
from capture_wide15_oc import n_diff, n_log_p, n_show
from capture_wide17 import JS, SRC, add, cap, cap_cut

GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
AUTHORS = [("Ines Carvalho", "ines@example.org"), ("Dmitri Volkov", "dmitri@example.org"),
           ("Ngozi Eze", "ngozi@example.org"), ("Oskar Lind", "oskar@example.org")]


def commit(repo: Path, i: int, msg: str) -> None:
    name, mail = AUTHORS[i * 3 % len(AUTHORS)]
    date = f"2026-04-{1 + i % 28:02d}T{8 + i % 11:02d}:{(i * 17) % 60:02d}:00+02:00"
    run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=repo, env={
        **GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def git(tmp: Path) -> None:
    """voluptuous 0.14.2 imported and tagged, 0.16.0 laid over it as one big commit and tagged, then 150 small
    commits of upkeep; the commands of a review."""
    repo = tmp / "voluptuous"
    repo.mkdir()
    run("git init -q -b main .", cwd=repo, env=GIT_ENV)
    run(f"tar xzf {SRC}/voluptuous-0.14.2.tar.gz --strip-components=1", cwd=repo)
    commit(repo, 0, "Import voluptuous 0.14.2")
    run("git tag 0.14.2", cwd=repo, env=GIT_ENV)
    run(f"git rm -q -r . && tar xzf {SRC}/voluptuous-0.16.0.tar.gz --strip-components=1", cwd=repo, env=GIT_ENV)
    commit(repo, 1, "Update to voluptuous 0.16.0")
    run("git tag 0.16.0", cwd=repo, env=GIT_ENV)
    src = (repo / "voluptuous").glob("*.py")
    files = sorted(p for p in src if p.stat().st_size > 1000)
    rnd = random.Random(17)
    for i in range(2, 152):
        f = files[i % len(files)]
        lines = f.read_text().split("\n")
        at = rnd.randrange(10, len(lines) - 10)
        what = rnd.choice(["clarify the error message", "note the Python 3.13 behaviour", "keep the old alias",
                           "document the default", "explain the recursion limit"])
        lines.insert(at, f"# review {i}: {what}")
        if i % 5 == 0:  # every fifth commit also changes code
            lines = [ln.replace("raise Invalid(", "raise Invalid(  # noqa\n        ", 1) if "raise Invalid(" in ln
                     else ln for ln in lines]
        f.write_text("\n".join(lines))
        commit(repo, i, f"{f.stem}: {what} ({i})")
    cap("git-log-p-n40-voluptuous", "git log -p -n 40", repo, n_log_p)
    cap("git-show-release-voluptuous", "git show 0.16.0 -- voluptuous/", repo, n_show)
    cap("git-diff-tags-voluptuous", "git diff 0.14.2 0.16.0 -- . ':!*.md'", repo, n_diff)
    cap("git-log-stat-voluptuous", "git log --stat", repo, n_git_log_stat)
    cap_cut("oc-git-log-p-voluptuous", "git log -p", repo, n_log_p)


API_SERVER = r'''
import json, random, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rnd = random.Random(1717)
MODULES = [f"pkg/{a}/{b}" for a in ("core", "api", "cli", "db", "auth", "web", "jobs") for b in range(130)]
RECS = []
for i, m in enumerate(MODULES):
    r = {"module": m, "status": "passed", "tests": rnd.randint(3, 60), "duration_ms": rnd.randint(40, 9000),
         "retries": 0, "error": None}
    if i in (211, 790):
        r.update(status="failed", error="AssertionError: expected 200, got 503")
    if i == 577:
        r.update(status="error", error="TimeoutError: worker lost after 600s", duration_ms=600000)
    if i == 888:
        r.update(status="skipped", tests=0)
    RECS.append(r)
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/results"):
            if "page=boom" in self.path:
                self.send_error(500, "results store unavailable")
                return
            body = json.dumps({"count": len(RECS), "failed": 2, "ok": False, "results": RECS}).encode()
            self.send_response(200); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        elif self.path.startswith("/health"):
            self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
        else:
            self.send_error(404, "no such route")
    def do_POST(self):
        self.send_error(405, "read-only API")
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def api(tmp: Path) -> None:
    """The loopback CI API read with curl, and its server's log after a scripted load with rare errors."""
    write_tree(tmp / "api", {"server.py": API_SERVER})
    port = free_port()
    log = (tmp / "api" / "server.log").open("w")
    p = start([sys.executable, "-u", "server.py", str(port)], cwd=tmp / "api", log=log)
    wait_port(port)
    base = f"http://127.0.0.1:{port}"
    cap("curl-json-api-pretty", f"curl -s {base}/api/results | python3 -m json.tool", tmp, n_json_api)
    cap("curl-json-api-raw", f"curl -s {base}/api/results", tmp, n_json_api)
    rnd = random.Random(7)
    for i in range(900):
        path = rnd.choice(["/health"] * 6 + ["/api/results?page=1"])
        if i in (333, 334):
            path = "/api/results?page=boom"
        elif i == 512:
            path = "/admin/login"
        method = "-X POST " if i == 700 else ""
        run(f"curl -s -o /dev/null {method}{base}{path}", timeout=30)
    time.sleep(0.5)
    stop(p)
    log.close()
    cap("server-log-api", "cat server.log", tmp / "api", n_http_log)
    cap_cut("oc-server-log-api", "cat server.log", tmp / "api", n_http_log)


WORKER = r'''
import json, random, sys, time
rnd = random.Random(99)
def log(level, msg, **kw):
    rec = {"ts": f"2026-04-11T10:{(n // 60) % 60:02d}:{n % 60:02d}.{n % 1000:03d}Z", "level": level,
           "logger": kw.pop("logger", "worker.jobs"), "msg": msg, **kw}
    print(json.dumps(rec), flush=True)
for n in range(1400):
    job = f"job-{10000 + n}"
    log("info", "job started", job=job, queue=rnd.choice(["emails", "thumbnails", "reports"]))
    if n in (402, 1023):
        log("warning", "retrying after transient failure", job=job, attempt=2, logger="worker.retry")
    if n == 777:
        log("error", "job failed: S3 upload returned 403 AccessDenied", job=job, bucket="reports-eu")
    if n == 1200:
        log("critical", "database connection pool exhausted (32/32 in use)", logger="worker.db")
    log("info", "job finished", job=job, ms=rnd.randint(5, 900))
'''


def logs(tmp: Path) -> None:
    """A worker's JSON-lines log and an strace of a real import."""
    write_tree(tmp / "worker", {"worker.py": WORKER})
    run(f"{sys.executable} worker.py > worker.log 2>&1", cwd=tmp / "worker")
    cap("tail-json-worker-log", "tail -n 1200 worker.log", tmp / "worker", n_json_log)
    cap("strace-f-import-marshmallow", "strace -f -e trace=file,process python -c 'import marshmallow' "
        "2>&1 | tail -n 1500", tmp, n_strace)
    cap_cut("oc-strace-f-import-mathjs", "strace -f -e trace=file,process,network node -e 'require(\"mathjs\")' 2>&1",
            JS, n_strace)


def pkgs(tmp: Path) -> None:
    """npm and pip answers about the round's own packages."""
    cap("npm-view-json-mathjs", "npm view mathjs --json 2>&1", JS, n_npm_view, timeout=120)
    cap("npm-view-json-eslint", "npm view eslint --json 2>&1", JS, n_npm_view, timeout=120)
    cap("cat-package-lock-js", "cat package-lock.json", JS, n_lock)
    cap("npm-ls-all-json-long-js", "npm ls --all --json --long 2>&1", JS, n_npm_ls_json)
    cap("pip-inspect-build-venv", "pip inspect 2>/dev/null", tmp, n_pip_inspect,
        env={"PATH": f"{tmp}/build-venv/bin:/usr/bin:/bin"})  # the venv capture_wide17_runs.build made


def listings(tmp: Path) -> None:
    """Deep listings of the round's packages."""
    cap("find-printf-mathjs", "find node_modules/mathjs/lib/cjs -type f -printf '%M %u %s %TY-%Tm-%Td %p\\n' "
        "| head -n 900", JS, n_find)
    cap_cut("oc-find-printf-node-modules", "find node_modules -type f -printf '%M %u %s %TY-%Tm-%Td %p\\n'", JS, n_find)
    cap("ls-lR-mathjs-esm", "ls -lR node_modules/mathjs/lib/esm", JS, n_ls_lR)
    cap("tree-mathjs-esm", "tree node_modules/mathjs/lib/esm", JS, n_tree)
    cap("du-ah-node-modules", "du -ah node_modules | sort -h | tail -n 900", JS, n_du_sorted)


# Run in its own PID namespace (unshare), so that the tables hold this capture's processes only: 480 sleepers of a
# job fleet, two busy loops, one process holding 300 MB, one stopped one.
BOX = """
for i in $(seq 1 480); do sleep $((600 + i)) & done
python3 -c "import time
t = time.time()
while time.time() - t < 30: pass" &
python3 -c "import time
t = time.time()
while time.time() - t < 30: pass" &
python3 -c "b = bytearray(300 * 1024 * 1024); import time; time.sleep(60)" &
sleep 900 &
kill -STOP $!
sleep 3
ps aux > out/ps-aux.txt
ps -eo pid,ppid,stat,rss,etimes,cmd --sort=-rss > out/ps-eo.txt
top -b -n 1 -w 200 > out/top.txt
"""


def procs(tmp: Path) -> None:
    """Process tables of a small fleet under load (BOX), read as an agent would read them."""
    d = tmp / "procs"
    write_tree(d, {"box.sh": BOX, "out/.keep": ""})
    run("unshare -fp --mount-proc bash box.sh", cwd=d, timeout=120)
    for sid, name, shown, ext in [("ps-aux-under-load", "ps-aux", "ps aux", n_ps_aux),
                                  ("ps-eo-under-load", "ps-eo", "ps -eo pid,ppid,stat,rss,etimes,cmd --sort=-rss",
                                   n_ps_eo),
                                  ("top-b-n1-under-load", "top", "top -b -n 1 -w 200", n_top)]:
        add(sid, shown, (d / "out" / f"{name}.txt").read_text(errors="replace"), ext)


STEPS = [git, api, logs, pkgs, listings, procs]
