"""Round 13, build tools, servers and document tools the corpus never met: meson (setup, a failing compile, a
failing test), nginx (-t on a broken config, its error log under loopback load), apache (configtest), MariaDB (the
client's tables, EXPLAIN, an error), TeX linters (chktex, lacheck), protoc and gettext's msgfmt, each on files
written here with real mistakes in them. Run through capture_wide13.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

from capture_more import add_or_skip as add, free_port, groups, have, kind, mask, run, start, stop, wait_port, write_tree
from capture_wide10 import line_rule
from capture_wide13 import diag_rule

# ================================================================== meson

n_meson_setup = line_rule(
    "meson-setup", "build",
    "Rules 1+3+5 on meson setup: every 'ERROR:' / 'WARNING:' / 'meson.build:L:C: ERROR:' line, every 'Run-time dependency … found: NO/YES' and 'Program … found:' line (what was found), and the 'Build targets in project: N' line.",
    hit=r"ERROR:|WARNING:|^Run-time dependency .* found:|^Program \S+ found:|^Library \S+ found:|^Has header .*: (YES|NO)|^C compiler for the host machine:",
    summary=r"^Build targets in project:|^A full log can be found")
n_meson_test = line_rule(
    "meson-test", "test",
    "Rule 2 on meson test: every test line whose status is FAIL/ERROR/TIMEOUT (its number, name, status), the first assertion / error line of the failure output, and the 'Ok: N … Fail: M' summary lines.",
    hit=r"^\s*\d+/\d+ .* (FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS)\s|Assertion .* failed|^Ok:|^Fail:|^Timeout:", summary=r"^Full log written to")
n_meson_compile = diag_rule(
    "meson-compile", "build",
    "Rules 1+3 on meson compile (ninja under it): every 'error:' line, the 'FAILED: target' line and the 'ninja: build stopped' line; warnings one needle per ([-Wflag], file).",
    hit=r"(^|\s)error: |^FAILED: |^ninja: build stopped",
    warn=r"^(\.\./)?(\S+):\d+:\d+: warning: .*\[(-W[\w-]+)\]", key=lambda m: (m.group(3), m.group(2)))

MESON = {
    "meson.build": """project('ringbuf', 'c', version : '0.3.1', default_options : ['warning_level=3', 'c_std=c11'])
m = meson.get_compiler('c').find_library('m', required : false)
zlib = dependency('zlib', required : false)
json = dependency('json-c', required : false)
ssl = dependency('openssl', required : false)
curl = dependency('libcurl', required : false)
sqlite = dependency('sqlite3', required : false)
gtest = dependency('gtest', required : false)
systemd = dependency('libsystemd', required : false)
thread = dependency('threads')
cc = meson.get_compiler('c')
if not cc.has_function('memfd_create', prefix : '#include <sys/mman.h>', args : '-D_GNU_SOURCE')
  warning('memfd_create not available')
endif
foreach h : ['stdatomic.h', 'threads.h', 'sys/eventfd.h', 'linux/io_uring.h']
  cc.has_header(h)
endforeach
if not cc.has_header('sys/epoll.h')
  warning('no epoll: falling back to poll')
endif
conf = configuration_data()
conf.set('HAVE_ZLIB', zlib.found())
conf.set_quoted('VERSION', meson.project_version())
configure_file(output : 'config.h', configuration : conf)
lib = static_library('ringbuf', 'src/ringbuf.c', dependencies : [m, thread])
exe = executable('rbtool', 'src/main.c', link_with : lib)
foreach t : ['push_pop', 'wrap', 'full', 'empty', 'resize']
  test(t, executable('test_' + t, 'tests/test_ringbuf.c', link_with : lib, c_args : ['-DCASE_' + t.to_upper()]), timeout : 10)
endforeach
""",
    "src/ringbuf.h": "#pragma once\n#include <stddef.h>\ntypedef struct { int *buf; size_t cap, head, len; } ringbuf;\nint rb_init(ringbuf *r, size_t cap);\nint rb_push(ringbuf *r, int v);\nint rb_pop(ringbuf *r, int *out);\nint rb_resize(ringbuf *r, size_t cap);\nvoid rb_free(ringbuf *r);\n",
    "src/ringbuf.c": """#include <stdlib.h>
#include <string.h>
#include "ringbuf.h"

int rb_init(ringbuf *r, size_t cap) {
    r->buf = calloc(cap, sizeof(int));
    r->cap = cap; r->head = 0; r->len = 0;
    return r->buf != NULL;
}

int rb_push(ringbuf *r, int v) {
    if (r->len > r->cap) return 0;
    r->buf[(r->head + r->len) % r->cap] = v;
    r->len++;
    return 1;
}

int rb_pop(ringbuf *r, int *out) {
    if (r->len == 0) return 0;
    *out = r->buf[r->head];
    r->head = (r->head + 1) % r->cap;
    r->len--;
    return 1;
}

int rb_resize(ringbuf *r, size_t cap) {
    int *nb = realloc(r->buf, cap * sizeof(int));
    if (!nb) return 0;
    r->buf = nb; r->cap = cap;
    return 1;
}

void rb_free(ringbuf *r) { free(r->buf); }
""",
    "src/main.c": """#include <stdio.h>
#include "ringbuf.h"
int main(int argc, char **argv) {
    ringbuf r;
    int unused;
    rb_init(&r, 4);
    for (int i = 0; i < argc * 3; i++) rb_push(&r, i);
    int v;
    while (rb_pop(&r, &v)) printf("%d\\n", v);
    rb_free(&r);
    return 0;
}
""",
    "tests/test_ringbuf.c": """#include <assert.h>
#include <stdio.h>
#include "../src/ringbuf.h"
int main(void) {
    ringbuf r; int v;
    assert(rb_init(&r, 3));
#ifdef CASE_PUSH_POP
    rb_push(&r, 7); assert(rb_pop(&r, &v) && v == 7);
#endif
#ifdef CASE_WRAP
    for (int i = 0; i < 5; i++) { rb_push(&r, i); rb_pop(&r, &v); }
    rb_push(&r, 42); assert(rb_pop(&r, &v) && v == 42);
#endif
#ifdef CASE_FULL
    rb_push(&r, 1); rb_push(&r, 2); rb_push(&r, 3);
    printf("len after 3 pushes: %zu\\n", r.len);
    assert(!rb_push(&r, 4));
#endif
#ifdef CASE_EMPTY
    assert(!rb_pop(&r, &v));
#endif
#ifdef CASE_RESIZE
    rb_push(&r, 1); rb_push(&r, 2); rb_pop(&r, &v); rb_push(&r, 3); rb_push(&r, 4);
    assert(rb_resize(&r, 6));
    rb_pop(&r, &v);
    fprintf(stderr, "after resize popped %d (want 3)\\n", v);
    assert(v == 3);
#endif
    rb_free(&r);
    return 0;
}
""",
}


def cap_meson(tmp: Path) -> None:
    if not have("meson", "meson"):
        return
    d = tmp / "meson"
    write_tree(d, MESON)
    add("meson-setup", "meson setup build", run("meson setup build 2>&1", cwd=d, timeout=300), n_meson_setup)
    run("meson compile -C build 2>&1", cwd=d, timeout=300)
    add("meson-test-fail", "meson test -C build --print-errorlogs 2>&1", run("meson test -C build --print-errorlogs 2>&1", cwd=d, timeout=300), n_meson_test)
    (d / "src" / "main.c").write_text(MESON["src/main.c"].replace("rb_free(&r);", "rb_free(&r, 1);\n    size_t n = r.len - argc;\n    return (int)rb_peek(&r);"))
    add("meson-compile-error", "meson compile -C build 2>&1", run("meson compile -C build 2>&1", cwd=d, timeout=300), n_meson_compile)


# ================================================================== nginx and apache

n_nginx_t = line_rule(
    "nginx-t", "build",
    "Rules 1+3 on nginx -t: every '[emerg]' / '[alert]' / '[crit]' / '[warn]' line and the 'configuration file … test failed/is successful' line.",
    hit=r"\[(emerg|alert|crit|error|warn)\]", summary=r"test (failed|is successful)")


@kind("nginx-error-log", "log")
def n_nginx_error_log(lines):
    """Rule 1 on nginx's error.log: every [error]/[crit]/[alert]/[emerg] line; [warn]/[notice] lines one needle per message shape; the 'start worker process' / 'signal … received' lines are lifecycle noise."""
    out, pairs = [], []
    for ln in lines:
        m = re.search(r"\[(\w+)\] \d+#\d+: (\*\d+ )?(.*)$", ln)
        if not m:
            continue
        if m.group(1) in ("error", "crit", "alert", "emerg"):
            out.append(ln)
        elif m.group(1) in ("warn", "notice") and not re.search(r"worker process|signal \d+|using the|start worker|built by|OS:|getrlimit|nginx/", ln):
            pairs.append((mask(m.group(3).split(",")[0]), ln))
    return out + groups(pairs)


n_apache_t = line_rule(
    "apache-configtest", "build",
    "Rules 1+3 on apache2ctl configtest: every 'AH0nnnn' / 'Syntax error on line N of file' line, the message line below it, and 'Syntax OK' / 'Action … failed.'.",
    hit=r"AH\d{5}|^Syntax error|^Invalid command|^\S.*not allowed here|^Action '.*' failed", loc=r"\S", ahead=1, summary=r"^Syntax OK")

NGINX_CONF = """worker_processes 1;
error_log {d}/error.log notice;
pid {d}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log {d}/access.log;
    client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp; uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
    upstream api {{ server 127.0.0.1:{dead}; }}
    limit_req_zone $binary_remote_addr zone=one:1m rate=2r/s;
    server {{
        listen 127.0.0.1:{port};
        root {d}/www;
        location /api/ {{ proxy_pass http://api; proxy_connect_timeout 1s; }}
        location /slow/ {{ limit_req zone=one nodelay; }}
        location /php/ {{ fastcgi_pass 127.0.0.1:{dead}; include /etc/nginx/fastcgi_params; }}
        location /secret/ {{ deny all; }}
        location = /big {{ client_max_body_size 1k; proxy_pass http://api; }}
    }}
}}
"""


def cap_nginx(tmp: Path) -> None:
    if not have("nginx", "nginx"):
        return
    d = tmp / "nginx"
    (d / "www").mkdir(parents=True)
    (d / "tmp").mkdir()
    (d / "www" / "index.html").write_text("<h1>ok</h1>\n")
    port, dead = free_port(), free_port()
    good = NGINX_CONF.format(d=d, port=port, dead=dead)
    bad = good.replace("proxy_connect_timeout 1s;", "proxy_connect_timout 1s;").replace("rate=2r/s", "rate=2/s") \
        .replace("listen 127.0.0.1", "listen 127.0.0.1:80 ssl; listen 127.0.0.1")
    (d / "bad.conf").write_text(bad)
    (d / "nginx.conf").write_text(good)
    cmd = f"nginx -t -p {d} -c {d}/bad.conf 2>&1"
    out = run(cmd, cwd=d)
    for n in range(3):  # the edit-and-retest loop an agent goes through, each run printing its next error
        bad = re.sub(r"proxy_connect_timout|rate=2/s|listen 127.0.0.1:80 ssl; ", lambda m: {"proxy_connect_timout": "proxy_connect_timeout", "rate=2/s": "rate=2r/s"}.get(m.group(0), ""), bad, count=1)
        (d / "bad.conf").write_text(bad)
        out += run(cmd, cwd=d)
    add("nginx-t-retest", "nginx -t -c ./bad.conf 2>&1  (after each fix)", out, n_nginx_t)
    p = start(f"nginx -p {d} -c {d}/nginx.conf -g 'daemon off;'", cwd=d)
    if not wait_port(port, 10):
        return
    paths = ["/", "/api/users", "/api/orders?page=2", "/missing.png", "/secret/keys", "/php/index.php", "/favicon.ico"] + ["/slow/x"] * 8
    for i in range(3):
        for path in paths:
            run(f"curl -s -o /dev/null --max-time 3 http://127.0.0.1:{port}{path}")
    run(f"curl -s -o /dev/null --max-time 3 -d @{d}/nginx.conf http://127.0.0.1:{port}/big")
    run(f"nginx -p {d} -c {d}/nginx.conf -s reload")
    time.sleep(1)
    stop(p)  # the whole process group: nginx runs under the shell that started it
    add("nginx-error-log-load", "tail -n 200 /var/log/nginx/error.log", run(f"tail -n 200 {d}/error.log"), n_nginx_error_log)


APACHE_CONF = """ServerRoot "/etc/apache2"
Mutex file:{d}
PidFile {d}/httpd.pid
Listen 127.0.0.1:{port}
ServerName localhost
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
ErrorLog {d}/error.log
DocumentRoot {d}/www
<Directory {d}/www>
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
<VirtualHost *:{port}>
    ServerName app.localhost
    ProxyPass /api http://127.0.0.1:9/
    RewriteEngine On
    RewriteRule ^/old/(.*)$ /new/$1 [R=301,L]
    Header set X-Frame-Options DENY
</VirtualHost>
"""


def cap_apache(tmp: Path) -> None:
    if not have("apache2ctl", "apache2ctl"):
        return
    d = tmp / "apache"
    (d / "www").mkdir(parents=True)
    conf = APACHE_CONF.format(d=d, port=free_port())
    (d / "httpd.conf").write_text(conf)
    out = ""
    for fix in ("LoadModule proxy_module /usr/lib/apache2/modules/mod_proxy.so\nLoadModule proxy_http_module /usr/lib/apache2/modules/mod_proxy_http.so\n",
                "LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so\n",
                "LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so\n", ""):
        out += run(f"apache2ctl -f {d}/httpd.conf -t 2>&1", env={"APACHE_RUN_DIR": str(d), "APACHE_LOG_DIR": str(d)})
        conf = conf.replace("ErrorLog", fix + "ErrorLog", 1)
        (d / "httpd.conf").write_text(conf)
    add("apache2ctl-configtest-loop", "apache2ctl -f ./httpd.conf -t 2>&1  (after each fix)", out, n_apache_t)


# ================================================================== TeX, protobuf, gettext

n_chktex = diag_rule(
    "chktex", "lint",
    "Rules 1+3 on chktex: every 'Error N in file line L:' line with the source line below it; warnings one needle per (warning number, file); the closing 'N errors printed; M warnings printed' line.",
    hit=r"^Error \d+ in ", loc=r"\S", ahead=1, summary=r"errors? printed",
    warn=r"^Warning (\d+) in (\S+) line \d+", key=lambda m: (m.group(1), m.group(2)))
n_lacheck = diag_rule(
    "lacheck", "lint",
    "Rule 1 on lacheck (no levels): one needle per (message shape, file) over its '\"file\", line N: message' lines.",
    warn=r'^"([^"]+)", line \d+: (.*)$', key=lambda m: (mask(m.group(2))[:30], m.group(1)))
n_protoc = line_rule(
    "protoc", "build",
    "Rule 1 on protoc: every 'file.proto:L:C: message' line (protoc prints errors with no level) and every 'warning:' line.",
    hit=r"^\S+\.proto(:\d+:\d+)?: |warning:")
n_msgfmt = line_rule(
    "msgfmt", "build",
    "Rules 1+3 on msgfmt --check --statistics: every 'file.po:L: …' error line and the 'msgfmt: found N fatal errors' / 'N translated messages, M untranslated' lines.",
    hit=r"^\S+\.po:\d+: |fatal errors?|translated messages?|^== ")

TEX = {
    "paper.tex": r"""\documentclass{article}
\usepackage{amsmath}
\begin{document}
\title{On Ring Buffers}
\author{A. Author}
\maketitle
\section{Introduction}
Ring buffers are used everywhere , e.g. in kernels.They are simple .
See section \ref{sec:impl}for details , and Fig.~\ref{fig:layout} .
We write "quoted text" and use ... for ellipsis and a -- b for ranges 1-10.
\section{Implementation}\label{sec:impl}
The capacity is $n$.The index is $i \bmod n$ .
\begin{equation}
  head = (head + 1) \mod n
\end{equation}
\begin{itemize}
  \item push is $O(1)$
  \item pop is $O(1)$ ( amortised)
\end{enumerate}
Cf. \cite {knuth} and \cite{ sedgewick}.
{\bf Bold} and {\it italic} text; $x^2 $ and $ y_1$.
\section{Results}
Table \ref{tab:res} shows the results .Throughput was 3x higher.
\subsection{Latency}
Latency drops by 40 \% , see Fig. \ref{fig:lat}.The p99 is $ 12\mu s$ .
Compare with \cite{a,b} , \cite{c}and [1].
"Lock-free" designs (cf.  \cite{herlihy}) scale , but  are hard to verify .
\subsection{Memory}
Each slot costs $8$bytes ; 1024 slots cost 8 KiB .  We used $n=1024$ , $k = 4$.
\begin{figure}
\caption{Layout}\label{fig:layout}
\end{figure}
\section {Conclusion}
Ring buffers are good .We recommend them , e.g. for logging.
\begin{tabular}{ll}
a & b \\
\end{tabular}
\end{document}
""",
}

PROTO = {
    "api/users.proto": """syntax = "proto3";
package shop.v1;

message User {
  string id = 1;
  string email = 2;
  repeated string roles = 3;
  required bool active = 4;
  int32 age = 5;
  int64 age = 6;
  Address home = 7;
  reserved 9, 10;
  string legacy = 9;
}

enum Role { ADMIN = 0; ADMIN = 1; }

service Users {
  rpc Get(UserRequest) returns (User);
}
""",
    "api/orders.proto": """syntax = "proto3";
package shop.v1;

import "google/protobuf/timestamp.proto";
import "api/common.proto";

message Money { string currency = 1; int64 units = 2; int32 nanos = 3; }

message Order {
  string id = 1;
  repeated LineItem items = 2;
  Money total = 3;
  google.protobuf.Timestamp placed_at = 4;
  Status status = 5;
  string note = 3;
  map<string, string> labels = 7;
  optional int32 priority = 8 [default = 1];
  int32 qty = 0;
  oneof payment { string card = 11; string iban = 11; }
  Money refund = 19000;
}

enum Status { PENDING = 1; PAID = 2; SHIPPED = 3; }

service Orders {
  rpc Get(GetOrderRequest) returns (Order);
  rpc List(ListOrdersRequest) returns (stream Order);
}

message GetOrderRequest { string id = 1; }
""",
}

PO = """# Shop translations.
msgid ""
msgstr ""
"Project-Id-Version: shop 1.0\\n"
"Language: de\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Cart"
msgstr "Warenkorb"

#, c-format
msgid "%d items in your cart"
msgstr "%s Artikel im Warenkorb"

msgid "Checkout"
msgstr "Kasse"

#, c-format
msgid "Hello %s, you have %d new messages"
msgstr "Hallo %s, Sie haben neue Nachrichten"

msgid "one item"
msgid_plural "%d items"
msgstr[0] "ein Artikel"

msgid "Cart"
msgstr "Korb"

msgid "Total"
msgstr ""

msgid "Line one\\n"
msgstr "Zeile eins"

#, fuzzy
msgid "Shipping"
msgstr "Versand"

msgid "Pay now"
msgstr "Jetzt bezahlen
"""


def cap_docs(tmp: Path) -> None:
    d = tmp / "docs"
    write_tree(d, TEX | PROTO)
    (d / "po").mkdir()
    (d / "po" / "de.po").write_text(PO)
    fixed = PO.replace('msgid "Cart"\nmsgstr "Korb"\n', "").replace('"Jetzt bezahlen\n', '"Jetzt bezahlen"\n')
    (d / "po" / "fr.po").write_text(fixed.replace("Language: de", "Language: fr").replace("Warenkorb", "Panier"))
    (d / "po" / "es.po").write_text(re.sub(r'msgstr\[0\] "ein Artikel"', 'msgstr[0] "un artículo"\nmsgstr[1] "%d artículos"', fixed)
                                    .replace('"%s Artikel im Warenkorb"', '"%d artículos en su carrito"'))
    if have("chktex", "chktex"):
        add("chktex-paper", "chktex -q paper.tex 2>&1", run("chktex -q paper.tex 2>&1", cwd=d), n_chktex)
    if have("lacheck", "lacheck"):
        add("lacheck-paper", "lacheck paper.tex", run("lacheck paper.tex 2>&1", cwd=d), n_lacheck)
    if have("protoc", "protoc"):
        cmd = "protoc -I. --python_out=/tmp/gen api/*.proto 2>&1"
        (tmp / "gen").mkdir(exist_ok=True)
        add("protoc-errors", cmd, run(f"protoc -I. --python_out={tmp}/gen api/*.proto 2>&1", cwd=d), n_protoc)
    if have("msgfmt", "msgfmt"):
        cmd = 'for f in po/*.po; do echo "== $f"; msgfmt --check --statistics -o /dev/null "$f"; done 2>&1'
        add("msgfmt-check", cmd, run(cmd, cwd=d), n_msgfmt)


STEPS = [cap_meson, cap_nginx, cap_apache, cap_docs]
