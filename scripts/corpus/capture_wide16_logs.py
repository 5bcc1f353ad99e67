"""Round 16, servers' and databases' logs under a short loopback load with failures: apache2 (combined access log with
%D microseconds, error log with failed basic auth and a broken CGI), nginx as a reverse proxy (upstream timings,
a refused and a timed-out upstream), MariaDB (error log with denied logins, slow-query log), PostgreSQL (jsonlog and
the prefixed stderr log of the same run: slow statements, failed password logins, errors), redis MONITOR, PHP's
built-in server, a Go net/http server's panics, aiohttp's and twistd's access logs. Run through capture_wide16.py."""

from __future__ import annotations

import re
import time
import urllib.request
from collections import Counter
from pathlib import Path

import capture_wide12 as w
import capture_wide16 as c
from capture_more import add_or_skip as add, free_port, kind, run, start, stop, write_tree
from capture_wide12_logs import load, wait_port

# The kinds' summary lines and durations (rules 3 and 5), by what each program prints; the rest is log_rule's.
APACHE_ACCESS = w.log_rule("apache-access-combined-us", duration=r'" \d{3} [\d-]+ "[^"]*" "[^"]*" (\d+)$')
APACHE_ERROR = w.log_rule("apache-error-log", summary=r"AH00489|AH00094|caught SIGTERM|resuming normal operations")
NGINX_PROXY = w.log_rule("nginx-proxy-upstream-timing", duration=r"\brt=([\d.]+)")
NGINX_PROXY_ERR = w.log_rule("nginx-proxy-error-log", summary=r"signal process started|exiting|gracefully shutting down")
MARIA_ERR = c.log_plus("mariadb-server-error-log", r"\[(Warning|ERROR|Error)\]", summary=r"ready for connections|Shutdown complete|Normal shutdown")
MARIA_SLOW = w.log_rule("mariadb-slow-query-log", duration=r"# Query_time: ([\d.]+)")
PG_JSON = w.log_rule("postgres-jsonlog", summary=r'"message":"database system is (ready|shut down)', duration=r'"message":"duration: ([\d.]+) ms')
PG_PREFIX = w.log_rule("postgres-log-line-prefix", summary=r"database system is (ready|shut down)", duration=r"duration: ([\d.]+) ms")
PHP_SERVER = c.log_plus("php-builtin-server-log", r"PHP (Warning|Notice|Deprecated)|\[[45]\d\d\]:|^\s+thrown in ", summary=r"Development Server .* started")
GO_HTTP = w.log_rule("go-net-http-panic-log", summary=r"listening on|shutting down", duration=r" in ([\d.]+)ms$")
AIOHTTP = w.log_rule("aiohttp-access-log", summary=r"Running on|shutting down", duration=r" ([\d.]+)s \"")
TWISTD = w.log_rule("twistd-web-log", summary=r"Starting factory|Main loop terminated|Server Shut Down")


@kind("redis-monitor", "log")
def n_redis_monitor(lines):
    """Rule 5 on redis-cli monitor: the first and last lines (the window's timestamps), the first line of every distinct command, and every line of a command run at most twice (a question asks whether and when X ran)."""
    def verb(ln: str) -> str:
        m = re.search(r'\] "(\w+)"', ln)
        return m.group(1).upper() if m else ""
    counts = Counter(verb(ln) for ln in lines)
    firsts: dict[str, str] = {}
    for ln in lines:
        if verb(ln):
            firsts.setdefault(verb(ln), ln)
    return lines[:1] + lines[-1:] + list(firsts.values()) + [ln for ln in lines if verb(ln) and counts[verb(ln)] <= 2]


def serve_paths(tmp: Path, sid: str, cmd, cwd: Path, port: int, paths: list[str], repeat: int, shown: str, ext,
                logfile: Path | None = None, env: dict | None = None) -> None:
    """Start a server, GET `paths` on it `repeat` times, stop it; the item is its output (or `logfile`)."""
    out = tmp / f"{sid}.out"
    with open(out, "wb") as f:
        p = start(cmd, cwd=cwd, log=f, env=env)
        wait_port(port)
        load(port, paths, repeat)
        time.sleep(1)
        stop(p)
    add(sid, shown, (logfile or out).read_text(errors="replace"), ext)


APACHE_CONF = """
ServerRoot /etc/apache2
ServerName localhost
Listen 127.0.0.1:{port}
PidFile {d}/httpd.pid
Mutex file:{d}
User www-data
Group www-data
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule authz_host_module /usr/lib/apache2/modules/mod_authz_host.so
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
LoadModule auth_basic_module /usr/lib/apache2/modules/mod_auth_basic.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule cgid_module /usr/lib/apache2/modules/mod_cgid.so
ScriptSock {d}/cgid.sock
TypesConfig /etc/mime.types
DocumentRoot {d}/htdocs
DirectoryIndex index.html
ErrorLog {d}/error.log
LogLevel info
LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{{Referer}}i\\" \\"%{{User-Agent}}i\\" %D" combined_us
CustomLog {d}/access.log combined_us
ScriptAlias /cgi-bin/ {d}/cgi/
<Directory {d}/htdocs>
  Require all granted
</Directory>
<Directory {d}/cgi>
  Options +ExecCGI
  Require all granted
</Directory>
<Location /admin>
  AuthType Basic
  AuthName "staff"
  AuthUserFile {d}/htpasswd
  Require valid-user
</Location>
"""

CGI_OK = "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\nsleep 0.$(( $$ % 4 ))\necho report ready\n"
CGI_BAD = "#!/bin/sh\necho 'reading ledger.csv' >&2\ncat /srv/ledger/ledger.csv >&2\nexit 3\n"


def fetch(port: int, path: str, auth: str | None = None, agent: str = "curl/7.88.1") -> None:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"User-Agent": agent})
    if auth:
        import base64
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        urllib.request.urlopen(req, timeout=5).read()
    except OSError:
        pass


def cap_apache(tmp: Path) -> None:
    d = tmp / "apache"
    port = free_port()
    write_tree(d, {"apache.conf": APACHE_CONF.format(port=port, d=d), "htdocs/index.html": "<h1>shop</h1>\n",
                   "htdocs/robots.txt": "User-agent: *\n", "htdocs/static/app.css": "body{margin:0}\n" * 200,
                   "cgi/report.sh": CGI_OK, "cgi/ledger.sh": CGI_BAD})
    run(f"chmod 755 {d}/cgi/*.sh && chmod -R a+rX {d} && htpasswd -bc {d}/htpasswd editor 's3cret-pass' 2>&1")
    p = start(["apache2", "-f", f"{d}/apache.conf", "-DFOREGROUND"], env={"APACHE_RUN_DIR": str(d), "APACHE_LOG_DIR": str(d)})
    wait_port(port)
    agents = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "curl/7.88.1", "python-requests/2.32.3", "Googlebot/2.1"]
    for i in range(60):
        path = ["/", "/static/app.css", "/robots.txt", "/cgi-bin/report.sh", "/favicon.ico", "/static/app.css"][i % 6]
        fetch(port, path, agent=agents[i % 4])
        if i % 15 == 7:
            fetch(port, "/admin/", auth="editor:wrong-pass")
        if i % 20 == 11:
            fetch(port, "/admin/", auth="root:toor")
        if i == 33:
            fetch(port, "/cgi-bin/ledger.sh")
            fetch(port, "/../../etc/passwd")
            fetch(port, "/wp-login.php", agent="Go-http-client/1.1")
    fetch(port, "/admin/", auth="editor:s3cret-pass")
    stop(p)
    time.sleep(1)
    add("apache2-access-combined-us", "cat /var/log/apache2/access.log", (d / "access.log").read_text(errors="replace"), APACHE_ACCESS)
    add("apache2-error-loglevel-info", "cat /var/log/apache2/error.log", (d / "error.log").read_text(errors="replace"), APACHE_ERROR)


NGINX_CONF = """
worker_processes 2;
pid {d}/nginx.pid;
error_log {d}/error.log info;
events {{ worker_connections 64; }}
http {{
  log_format timed '$remote_addr - [$time_local] "$request" $status $body_bytes_sent up=$upstream_addr '
                   'us=$upstream_status rt=$request_time urt=$upstream_response_time';
  access_log {d}/access.log timed;
  client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp; uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
  upstream api {{ server 127.0.0.1:{api}; }}
  upstream legacy {{ server 127.0.0.1:{closed}; }}
  server {{
    listen 127.0.0.1:{port};
    location /api/ {{ proxy_pass http://api; proxy_read_timeout 1s; }}
    location /legacy/ {{ proxy_pass http://legacy; }}
    location / {{ return 200 "ok\\n"; }}
  }}
}}
"""

SLOW_API = """
import sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class H(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/api/report"):
            time.sleep(1.5)
        elif self.path.startswith("/api/search"):
            time.sleep(0.35)
        code = 500 if self.path.startswith("/api/export") else 200
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b"{}")
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""


def cap_nginx_proxy(tmp: Path) -> None:
    d = tmp / "nginx"
    port, api, closed = free_port(), free_port(), free_port()
    write_tree(d, {"nginx.conf": NGINX_CONF.format(d=d, port=port, api=api, closed=closed), "api.py": SLOW_API, "tmp/.keep": ""})
    b = start(["python3", str(d / "api.py"), str(api)])
    time.sleep(0.5)
    p = start(["nginx", "-p", str(d), "-c", str(d / "nginx.conf"), "-g", "daemon off;"])
    wait_port(port)
    paths = ["/", "/api/items", "/api/items/7", "/api/search?q=lamp", "/api/items", "/health", "/api/cart"]
    load(port, paths, repeat=8)
    load(port, ["/api/report?month=10", "/legacy/orders", "/api/export.csv", "/api/search?q=desk"], repeat=2)
    stop(p)
    stop(b)
    time.sleep(0.5)
    add("nginx-proxy-upstream-timing", "tail -n 300 /var/log/nginx/access.log",
        "".join((d / "access.log").read_text(errors="replace").splitlines(keepends=True)[-300:]), NGINX_PROXY)
    add("nginx-proxy-error-log", "cat /var/log/nginx/error.log", (d / "error.log").read_text(errors="replace"), NGINX_PROXY_ERR)


def cap_mariadb_logs(tmp: Path) -> None:
    d = tmp / "maria"
    d.mkdir()
    run(f"chown mysql:mysql {d} && mariadb-install-db --user=mysql --datadir={d}/data --auth-root-authentication-method=normal >/dev/null 2>&1", timeout=300)
    sock, port = d / "mysqld.sock", free_port()
    p = start(f"mariadbd --user=mysql --datadir={d}/data --socket={sock} --port={port} --bind-address=127.0.0.1 --pid-file={d}/pid "
              f"--log-error={d}/err.log --log-warnings=4 --slow-query-log --slow-query-log-file={d}/slow.log --long-query-time=0.05 --log-queries-not-using-indexes "
              "--log-slow-verbosity=query_plan,explain")
    for _ in range(60):
        if sock.exists():
            break
        time.sleep(0.5)
    cli = f"mariadb --socket={sock} -uroot"
    run(f"{cli} -e \"CREATE DATABASE shop; CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'app-pass'; GRANT SELECT ON shop.* TO 'app'@'127.0.0.1'\"")
    run(f"{cli} shop -e \"CREATE TABLE ev (id INT PRIMARY KEY AUTO_INCREMENT, kind VARCHAR(12), n INT); "
        "INSERT INTO ev (kind, n) SELECT ELT(1 + seq % 4, 'view', 'cart', 'view', 'buy'), seq FROM seq_1_to_30000\"")
    for q in ["SELECT kind, COUNT(*) FROM ev GROUP BY kind", "SELECT * FROM ev WHERE n % 97 = 3 ORDER BY kind, n DESC LIMIT 5",
              "SELECT SLEEP(0.3)", "SELECT COUNT(*) FROM ev a JOIN ev b ON b.n = a.n + 1 WHERE a.kind = 'buy' AND a.n < 2000", "SELECT a.id FROM ev a JOIN ev b ON b.n = a.n + 1 WHERE a.kind = 'buy' LIMIT 3"]:
        run(f"{cli} shop -e \"{q}\"")
    for pw in ["app-pass", "wrong", "app-pass", "hunter2"]:
        run(f"mariadb -h 127.0.0.1 -P {port} -uapp -p{pw} shop -e 'SELECT COUNT(*) FROM ev'")
    run(f"mariadb -h 127.0.0.1 -P {port} -uapp -papp-pass shop -e 'DELETE FROM ev WHERE id = 1'")
    run(f"mariadb -h 127.0.0.1 -P {port} -ureporting -pxyz shop -e 'SELECT 1'")
    stop(p)
    time.sleep(2)
    add("mariadb-error-log-warnings4", "cat /var/log/mysql/error.log", (d / "err.log").read_text(errors="replace"), MARIA_ERR)
    add("mariadb-slow-query-log", "cat /var/log/mysql/mariadb-slow.log", (d / "slow.log").read_text(errors="replace"), MARIA_SLOW)


def cap_postgres_logs(tmp: Path) -> None:
    pgbin = Path("/usr/lib/postgresql/15/bin")
    d = tmp / "pglog"
    d.mkdir()
    run(f"chown postgres {d}")
    pg = "runuser -u postgres --"
    run(f"{pg} {pgbin}/initdb -D {d}/data --auth-local=trust --auth-host=scram-sha-256 >/dev/null 2>&1", timeout=300)
    port = free_port()
    opts = ("-c logging_collector=on -c log_destination=stderr,jsonlog -c log_directory=log -c log_filename=postgresql "
            "-c log_min_duration_statement=80 -c log_connections=on -c log_line_prefix='%m [%p] %q%u@%d ' "
            "-c log_lock_waits=on -c deadlock_timeout=200ms -c listen_addresses=127.0.0.1")
    p = start(f"{pg} {pgbin}/postgres -D {d}/data -k {d} -p {port} {opts}")
    for _ in range(60):
        if (d / f".s.PGSQL.{port}").exists():
            break
        time.sleep(0.5)
    psql = f"{pg} psql -h {d} -p {port} -U postgres -X -q"
    run(f"{psql} -c \"CREATE ROLE app LOGIN PASSWORD 'app-pass'\" -c 'CREATE DATABASE shop OWNER app'")
    run(f"{psql} -d shop -c 'CREATE TABLE ev (id serial primary key, kind text, n int)' "
        "-c \"INSERT INTO ev (kind, n) SELECT (ARRAY['view','cart','buy'])[1 + g % 3], g FROM generate_series(1, 200000) g\" "
        "-c 'GRANT ALL ON ev TO app'")
    host = f"psql -h 127.0.0.1 -p {port} -X -q"
    for user, pw, sql in [("app", "app-pass", "SELECT count(*) FROM ev WHERE n % 7 = 0"), ("app", "nope", "SELECT 1"),
                          ("app", "app-pass", "SELECT kind, sum(n) FROM ev GROUP BY kind"), ("admin", "admin", "SELECT 1"),
                          ("app", "app-pass", "SELECT pg_sleep(0.4)"), ("app", "app-pass", "SELECT n / (n - n) FROM ev LIMIT 1"),
                          ("app", "app-pass", "UPDATE ev SET n = n + 1 WHERE kind = 'buy'"), ("app", "app-pass", "SELECT * FROM events")]:
        run(f"{host} -U {user} -d shop -c \"{sql}\"", env={"PGPASSWORD": pw})
    stop(p)
    time.sleep(1)
    logs = d / "data" / "log"
    add("postgres-jsonlog-auth-slow", "cat $PGDATA/log/postgresql.json", (logs / "postgresql.json").read_text(errors="replace"), PG_JSON)
    add("postgres-log-prefix-auth-slow", "cat $PGDATA/log/postgresql.log", (logs / "postgresql").read_text(errors="replace"), PG_PREFIX)


def cap_redis_monitor(tmp: Path) -> None:
    d = tmp / "redis"
    d.mkdir()
    port = free_port()
    srv = start(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(d)])
    time.sleep(1)
    with open(d / "monitor.log", "wb") as f:
        mon = start(["redis-cli", "-p", str(port), "monitor"], log=f)
        time.sleep(0.5)
        cli = f"redis-cli -p {port}"
        script = []
        for i in range(120):
            script.append(f"SET session:{i % 17} user-{i % 17} EX 900")
            script.append(f"INCR hits:page:{i % 5}")
            if i % 9 == 0:
                script.append(f"LPUSH jobs:thumbnails img-{i}.jpg")
            if i == 61:
                script.append("LPUSH session:3 oops")
                script.append("HGETALL hits:page:2")
            if i % 30 == 0:
                script.append("EXPIRE cart:42 60")
        (d / "cmds.txt").write_text("\n".join(script) + "\nBRPOP jobs:thumbnails 1\nDEBUG SLEEP 0.2\nKEYS session:*\nFLUSHDB\n")
        run(f"{cli} < {d}/cmds.txt")
        time.sleep(0.5)
        stop(mon)
    stop(srv)
    add("redis-cli-monitor", "redis-cli monitor | tee monitor.log   # (while the app ran its batch)",
        (d / "monitor.log").read_text(errors="replace"), n_redis_monitor)


PHP_APP = """<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path === '/cart') { $items = null; echo count($items['lines']); }
elseif ($path === '/checkout') { throw new RuntimeException('payment gateway timeout after 30s'); }
elseif ($path === '/legacy') { echo $undefined_total + 1; }
elseif (preg_match('#^/assets/#', $path)) { return false; }
else { header('Content-Type: application/json'); echo json_encode(['path' => $path]); }
"""

GO_SERVER = """package main

import (
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

type order struct{ Lines []int }

func main() {
	log.SetFlags(log.LstdFlags | log.Lmicroseconds | log.Lshortfile)
	mux := http.NewServeMux()
	mux.HandleFunc("/orders/", func(w http.ResponseWriter, r *http.Request) {
		t := time.Now()
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/orders/"))
		if err != nil {
			log.Printf("WARN bad order id %q from %s", r.URL.Path, r.RemoteAddr)
			http.Error(w, "bad id", http.StatusBadRequest)
			return
		}
		var o *order
		if id != 13 {
			o = &order{Lines: make([]int, id%5)}
		}
		if id == 21 {
			time.Sleep(220 * time.Millisecond)
		}
		w.Write([]byte(strconv.Itoa(len(o.Lines))))
		log.Printf("GET %s 200 in %.1fms", r.URL.Path, float64(time.Since(t).Microseconds())/1000)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Printf("listening on %s", os.Args[1])
	log.Fatal(http.ListenAndServe("127.0.0.1:"+os.Args[1], mux))
}
"""

AIOHTTP_APP = """
import asyncio, logging, sys
from aiohttp import web
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

async def item(request):
    i = request.match_info["id"]
    if i == "42":
        await asyncio.sleep(0.3)
    if not i.isdigit():
        raise web.HTTPUnprocessableEntity(text="bad id")
    return web.json_response({"id": int(i)})

async def boom(request):
    prices = {"a": 1.0}
    return web.json_response({"p": prices["b"] * 2})

app = web.Application()
app.add_routes([web.get("/", lambda r: web.Response(text="ok")), web.get("/items/{id}", item), web.get("/boom", boom)])
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log_format='%a "%r" %s %b %Tfs "%{User-Agent}i"')
"""

TWISTD_RES = """
from twisted.web import resource, static

class Boom(resource.Resource):
    isLeaf = True
    def render_GET(self, request):
        return {"ok": 1}["missing"]

root = static.File("{docroot}")
root.putChild(b"boom", Boom())
resource = root
"""

MIXED = ["/", "/items/1", "/items/42", "/items/abc", "/missing", "/items/7", "/boom", "/items/3", "/orders/4", "/orders/13",
         "/orders/x1", "/orders/21", "/orders/2", "/cart", "/checkout", "/legacy", "/assets/app.js", "/index.html"]


def cap_app_servers(tmp: Path) -> None:
    d = tmp / "apps"
    write_tree(d, {"php/index.php": PHP_APP, "php/assets/app.js": "console.log(1)\n", "go/main.go": GO_SERVER,
                   "aio/app.py": AIOHTTP_APP, "www/index.html": "<p>docs</p>\n", "www/guide.html": "<p>guide</p>\n"})
    port = free_port()
    serve_paths(tmp, "php-builtin-server", ["php", "-S", f"127.0.0.1:{port}", "php/index.php"], d, port,
                ["/", "/cart", "/checkout", "/legacy", "/assets/app.js", "/assets/missing.css", "/orders/4"], 4,
                "php -S 127.0.0.1:8000 index.php", PHP_SERVER)
    run(f"go build -o {d}/go/orders {d}/go/main.go", cwd=d / "go", env={"GOFLAGS": None, "GO111MODULE": "off"}, timeout=300)
    port = free_port()
    serve_paths(tmp, "go-net-http-panics", [str(d / "go/orders"), str(port)], d, port,
                ["/orders/1", "/orders/4", "/orders/13", "/orders/x1", "/orders/21", "/orders/2", "/orders/8", "/"], 4,
                "go build -o orders . && ./orders 8000", GO_HTTP)
    port = free_port()
    serve_paths(tmp, "aiohttp-access-debug", [c.PY, "aio/app.py", str(port)], d, port, MIXED[:8], 4,
                "python app.py 2>&1", AIOHTTP)
    (d / "boom.rpy").write_text(TWISTD_RES.replace("{docroot}", str(d / "www")))
    port = free_port()
    serve_paths(tmp, "twistd-web-resource-script", [str(c.VENV / "bin/twistd"), "-n", "--pidfile=", "web", "--listen", f"tcp:{port}:interface=127.0.0.1",
                                                    "--resource-script", str(d / "boom.rpy")], d, port,
                ["/", "/index.html", "/guide.html", "/boom", "/missing.html", "/guide.html"], 4,
                "twistd -n web --listen tcp:8080 --resource-script boom.rpy", TWISTD)


STEPS = [cap_apache, cap_nginx_proxy, cap_mariadb_logs, cap_postgres_logs, cap_redis_monitor, cap_app_servers]
