"""Round 18, the data: git on a scripted history over two real sqlparse releases (log --stat, blame, diff --stat
between the tags, a rebase stopped by a conflict, log -p as OpenCode cuts it), a loopback JSON API of nightly
pipeline runs with rare anomalies, sqlite3 result tables, nginx's access and error logs after a scripted load,
npm ls / npm view of the round's packages, deep listings, and README pages as webfetch returns them. Each kind's
extractor is an earlier round's. Run through capture_wide18.py."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from capture_data import free_port, stop, wait_port
from capture_more import n_git_log_stat, n_tree, run, start, write_tree
from capture_wide import n_diff_stat, n_git_conflict, n_sqlite_box
from capture_wide2 import n_find_ls
from capture_wide4 import n_sqlite_markdown
from capture_wide6_fresh import n_md
from capture_wide7 import n_du_sorted
from capture_wide7_more import n_access
from capture_wide13_tools import n_nginx_error_log
from capture_wide15_data import n_json_api, n_ls_lR, n_npm_ls, n_npm_view, n_sqlite_col
from capture_wide15_oc import n_blame, n_log_p
from capture_wide17_data import GIT_ENV
from capture_wide18 import JS, SRC, VENV, add, cap, cap_cut

AUTHORS = [("Mireille Dubois", "mireille@example.org"), ("Kofi Mensah", "kofi@example.org"),
           ("Hana Kobayashi", "hana@example.org"), ("Tomasz Nowak", "tomasz@example.org"),
           ("Lucía Ferreira", "lucia@example.org")]


def commit(repo: Path, i: int, msg: str) -> None:
    name, mail = AUTHORS[i * 7 % len(AUTHORS)]
    date = f"2026-05-{1 + i % 28:02d}T{9 + i % 9:02d}:{(i * 13) % 60:02d}:00+01:00"
    run(f"git add -A && git commit -q -m {json.dumps(msg)}", cwd=repo, env={
        **GIT_ENV, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": mail, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


def git(tmp: Path) -> None:
    """sqlparse 0.4.4 imported and tagged, 0.5.1 laid over it and tagged, 120 small commits of upkeep, then a
    branch whose rebase stops on a conflict; the commands of a review."""
    repo = tmp / "sqlparse"
    repo.mkdir()
    run("git init -q -b main .", cwd=repo, env=GIT_ENV)
    run(f"tar xzf {SRC}/sqlparse-0.4.4.tar.gz --strip-components=1", cwd=repo)
    commit(repo, 0, "Import sqlparse 0.4.4")
    run("git tag 0.4.4", cwd=repo, env=GIT_ENV)
    run(f"git rm -q -r . && tar xzf {SRC}/sqlparse-0.5.1.tar.gz --strip-components=1", cwd=repo, env=GIT_ENV)
    commit(repo, 1, "Update to sqlparse 0.5.1")
    run("git tag 0.5.1", cwd=repo, env=GIT_ENV)
    files = sorted(p for p in (repo / "sqlparse").rglob("*.py") if p.stat().st_size > 1500)
    rnd = random.Random(18)
    for i in range(2, 122):
        f = files[i % len(files)]
        lines = f.read_text().split("\n")
        at = rnd.randrange(8, len(lines) - 8)
        what = rnd.choice(["explain the lexer state", "note the MySQL quirk", "keep the 0.4 behaviour",
                           "document the grouping order", "mention the recursion guard", "say why tokens are copied"])
        lines.insert(at, f"# upkeep {i}: {what}")
        f.write_text("\n".join(lines))
        commit(repo, i, f"{f.stem}: {what} ({i})")
    cap("git-log-stat-n60-sqlparse", "git log --stat -n 60", repo, n_git_log_stat)
    cap("git-blame-sql-py", "git blame sqlparse/sql.py", repo, n_blame)
    cap("git-diff-stat-tags-sqlparse", "git diff --stat=120 0.4.4 0.5.1", repo, n_diff_stat)
    cap_cut("oc-git-log-p-sqlparse", "git log -p", repo, n_log_p)
    # a topic branch from the release, its edits to sql.py and keywords.py now conflicting with main's upkeep
    run("git checkout -q -b topic 0.5.1", cwd=repo, env=GIT_ENV)
    for k, rel in enumerate(["sqlparse/sql.py", "sqlparse/keywords.py", "sqlparse/lexer.py"]):
        p = repo / rel
        lines = p.read_text().split("\n")
        for at in range(10, len(lines), 3):
            lines[at] = lines[at] + f"  # topic: reviewed ({k})" if lines[at].strip() else lines[at]
        p.write_text("\n".join(lines))
        commit(repo, 200 + k, f"Review {rel}")
    cap("git-rebase-conflict-diff", "git rebase main 2>&1; git diff", repo, n_git_conflict)


API_SERVER = r'''
import json, random, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
rnd = random.Random(1818)
STAGES = ("extract", "clean", "join", "load")
RECS = []
for i in range(480):
    r = {"module": f"etl/{STAGES[i % 4]}/{['orders', 'users', 'events', 'invoices', 'stock'][i % 5]}_{i // 20:02d}",
         "status": "succeeded", "rows_in": rnd.randint(1000, 90000), "rows_out": 0,
         "seconds": round(rnd.uniform(2, 300), 1), "attempt": 1, "error": None}
    r["rows_out"] = r["rows_in"] - rnd.randint(0, 40)
    if i in (77, 402):
        r.update(status="failed", error="psycopg.errors.UniqueViolation: duplicate key value violates unique "
                 "constraint \"invoices_pkey\"", rows_out=0)
    if i == 251:
        r.update(status="failed", error="MemoryError: join of events x users exceeded 8 GiB", seconds=2881.0)
    if i == 333:
        r.update(status="retried", attempt=3)
    if i == 459:
        r.update(rows_out=-1)
    RECS.append(r)
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/runs"):
            n = 90 if "limit=90" in self.path else len(RECS)
            recs = RECS[:n]
            body = json.dumps({"count": len(recs), "failed": sum(r["status"] == "failed" for r in recs),
                               "ok": all(r["status"] != "failed" for r in recs), "results": recs}).encode()
            self.send_response(200); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        else:
            self.send_error(404, "no such route")
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def api(tmp: Path) -> None:
    """The loopback pipeline API read with curl: the whole night pretty-printed, the first page raw."""
    write_tree(tmp / "api", {"server.py": API_SERVER})
    port = free_port()
    p = start([sys.executable, "-u", "server.py", str(port)], cwd=tmp / "api")
    wait_port(port)
    base = f"http://127.0.0.1:{port}"
    cap("curl-json-runs-pretty", f"curl -s {base}/api/runs | python3 -m json.tool", tmp, n_json_api)
    cap("curl-json-runs-raw-page", f"curl -s '{base}/api/runs?limit=90'", tmp, n_json_api)
    stop(p)


def sql(tmp: Path) -> None:
    """An orders database with a few odd rows, queried the ways an agent asks sqlite3."""
    db = tmp / "shop.db"
    rnd = random.Random(118)
    con = sqlite3.connect(db)
    con.execute("create table orders (id integer primary key, customer text, country text, status text, "
                "amount real, items integer, created text)")
    for i in range(1, 901):
        status, amount = "paid", round(rnd.uniform(5, 400), 2)
        if i in (88, 612):
            status = "refunded"
        if i == 431:
            status, amount = "chargeback", 9999.0
        if i == 777:
            amount = -12.5
        con.execute("insert into orders values (?,?,?,?,?,?,?)",
                    (i, f"cust-{rnd.randint(1000, 9999)}", rnd.choice(["FR", "DE", "NL", "BE"]), status, amount,
                     rnd.randint(1, 9), f"2026-05-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}"))
    con.commit()
    con.close()
    cap("sqlite-column-orders", "sqlite3 -header -column shop.db 'select * from orders where id <= 500'", tmp,
        n_sqlite_col)
    cap("sqlite-markdown-orders", "sqlite3 -markdown shop.db \"select id, customer, status, amount, created "
        "from orders where created like '2026-05-1%' order by id\"", tmp, n_sqlite_markdown)
    cap("sqlite-box-orders", "sqlite3 -box shop.db 'select id, country, status, amount, items from orders "
        "where id between 400 and 520'", tmp, n_sqlite_box)


NGINX_CONF = """worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/logs/error.log notice;
events {{ worker_connections 64; }}
http {{
  access_log {d}/logs/access.log combined;
  client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp;
  uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
  server {{
    listen 127.0.0.1:{port};
    root {d}/www;
    location /api/ {{ proxy_pass http://127.0.0.1:{dead}; }}
    location /admin/ {{ deny all; }}
  }}
}}
"""


def nginx(tmp: Path) -> None:
    """nginx serving a static site on loopback, read by a scripted load: rare missing pages, a dead upstream
    behind /api/, a denied /admin/."""
    d = tmp / "nginx"
    port, dead = free_port(), free_port()
    pages = {f"www/docs/page{i}.html": f"<h1>Page {i}</h1>\n" + "x" * (200 + 37 * i) + "\n" for i in range(40)}
    write_tree(d, {"nginx.conf": NGINX_CONF.format(d=d, port=port, dead=dead), "logs/.keep": "", "tmp/.keep": "",
                   "www/index.html": "<h1>home</h1>\n", **pages})
    run(f"nginx -c {d}/nginx.conf -p {d}", timeout=30)
    wait_port(port)
    rnd = random.Random(1800)
    for i in range(1500):
        path = f"/docs/page{rnd.randrange(40)}.html"
        if i % 97 == 13:
            path = f"/docs/page{40 + i}.html"
        elif i in (500, 501, 502, 1203):
            path = "/api/orders?page=2"
        elif i == 888:
            path = "/admin/"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10).read()
        except urllib.error.HTTPError:
            pass
    run(f"nginx -c {d}/nginx.conf -p {d} -s quit", timeout=30)
    time.sleep(1)
    cap("tail-nginx-access-log", "tail -n 600 logs/access.log", d, n_access)
    cap_cut("oc-cat-nginx-access-log", "cat logs/access.log", d, n_access)
    cap("cat-nginx-error-log", "cat logs/error.log", d, n_nginx_error_log)


def pkgs(tmp: Path) -> None:
    """npm's answers about the round's own packages."""
    cap("npm-ls-all-js", "npm ls --all 2>&1", JS, n_npm_ls)
    cap("npm-view-json-handlebars", "npm view handlebars --json 2>&1", JS, n_npm_view, timeout=120)


def listings(tmp: Path) -> None:
    """Deep listings of the round's packages."""
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("find-ls-pylint", f"find {site}/pylint/checkers -ls", tmp, n_find_ls)
    cap("ls-lR-handlebars", "ls -lR node_modules/handlebars/dist node_modules/handlebars/lib", JS, n_ls_lR)
    cap("tree-eslint-lib", "tree node_modules/eslint/lib", JS, n_tree)
    cap("du-ah-node-modules-sorted", "du -ah node_modules | sort -h | tail -n 400", JS, n_du_sorted)


def docs(tmp: Path) -> None:
    """README pages of the round's packages as OpenCode's webfetch returns a Markdown file."""
    for sid, pkg, repo, name in [("webfetch-uglify-js-readme", "uglify-js", "mishoo/UglifyJS", "README.md"),
                                 ("webfetch-handlebars-readme", "handlebars", "handlebars-lang/handlebars.js",
                                  "README.markdown")]:
        add(sid, f"webfetch https://raw.githubusercontent.com/{repo}/master/{name} (format: markdown)",
            (JS / "node_modules" / pkg / name).read_text(), n_md, tool="webfetch")

STEPS = [git, api, sql, nginx, pkgs, listings, docs]
