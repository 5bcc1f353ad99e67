"""Round 25, data and system shapes: process, socket and memory tables of a small print-shop service run in its own
PID and network namespaces (one job spinning, one client whose receive queue fills, one socket in CLOSE-WAIT);
vmstat and this machine's dpkg.log; listings of the round's own trees (du | sort -h, ls -lR, tree); PyPI's JSON
simple API for a package; a tsconfig.json written by tsc --init; jsonlint over hand-edited configs with slips;
nginx's error log in front of a dead upstream; a batch job's python logging, a multi-process supervisor's
interleaved log and a mirror job's progress log. Each kind's extractor is an earlier round's, except the PyPI JSON
API's (below, by rules 4+5). Runs last. Run through capture_wide25.py."""

from __future__ import annotations

import shlex
import time
import urllib.error
import urllib.request
from pathlib import Path

from capture_data import free_port, json_records_needles, stop, wait_port
from capture_more import n_app_log, n_jsonlint, n_lsof, n_multiproc, n_tree, n_vmstat, named, run, start, write_tree
from capture_wide9b_reads import n_dpkg_log
from capture_wide11 import n_tsconfig
from capture_wide13_tools import n_nginx_error_log
from capture_wide15_data import n_du, n_ls_lR, n_netstat, n_ss, n_top
from capture_wide25 import JS, PY, add, cap
import capture_data as cd
import capture_wide15_data as w15

n_progress = w15.orig("progress-log", "log", cd.needles_progress_log)


def pypi_files(lines: list[str]) -> list:
    """Rules 4+5 on PyPI's JSON simple API for one project (pretty): the "name" line and every "versions" entry line; each file record whose requires-python or yanked value is rare while one dominates, and the records of min and max size, as the record's "filename" line and the line of that value."""
    import json
    text = "\n".join(lines)
    doc = json.loads(text)
    head = [ln for ln in lines if ln.startswith('    "name": ')][:1]
    vers = [ln for ln in lines if ln.startswith("        \"") and ln.strip().rstrip(",").strip('"') in doc["versions"]]
    files = [{**f, "yanked": str(f.get("yanked")), "requires-python": str(f.get("requires-python"))}
             for f in doc["files"]]
    return head + vers + json_records_needles(text, files, "filename", True, cat=("requires-python", "yanked"),
                                              nums=("size",))


n_pypi = named("pypi-simple-json", "json", pypi_files.__doc__.strip(), pypi_files)

# ------------------------------------------------------------------ processes and sockets, namespaced

SERVICE = r'''
import socket, subprocess, sys, time

def listener(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(64)
    return s

procs = [subprocess.Popen([sys.executable, "job.py", f"render-{i}"]) for i in range(10)]
procs.append(subprocess.Popen([sys.executable, "job.py", "rasterize-poster"]))  # the one at 100% CPU
procs += [subprocess.Popen([sys.executable, "job.py", f"spool-{i}"]) for i in range(6)]
procs += [subprocess.Popen(["sleep", "900"]) for _ in range(3)]
web, ipp, stats = listener(8631), listener(631), listener(9180)
held, clients = [], []
for i in range(28):
    c = socket.create_connection(("127.0.0.1", 631 if i % 3 else 8631))
    clients.append(c)
    held.append((ipp if i % 3 else web).accept()[0])
slow = socket.create_connection(("127.0.0.1", 9180))  # never read: its queue fills
held.append(stats.accept()[0])
slow.sendall(b"y" * 48000)
gone = socket.create_connection(("127.0.0.1", 631))  # leaves: the server side waits in CLOSE-WAIT
held.append(ipp.accept()[0])
gone.close()
time.sleep(2)
print("ready", flush=True)
time.sleep(900)
'''

JOB = """import sys, time
if sys.argv[1] == "rasterize-poster":
    x = 0
    while True:
        x += 1
time.sleep(900)
"""


def ns_run(d: Path, command: str) -> str:
    """`command` in fresh PID and network namespaces beside the service, once it is up."""
    script = (f"ip link set lo up; python3 service.py > svc.out 2>&1 & for i in $(seq 60); do grep -q ready svc.out "
              f"2>/dev/null && break; sleep 0.2; done; sleep 1; {command}; kill %1")
    return run(f"unshare --pid --net --fork --mount-proc bash -c {shlex.quote(script)}", cwd=d, timeout=90)


def system(tmp: Path) -> None:
    d = tmp / "printshop"
    write_tree(d, {"service.py": SERVICE, "job.py": JOB})
    add("top-b-printshop", "top -b -n 1 -w 180", ns_run(d, "top -b -n 1 -w 180"), n_top)
    add("ss-tanp-printshop", "ss -tanp", ns_run(d, "ss -tanp"), n_ss)
    add("netstat-tanp-printshop", "netstat -tanp", ns_run(d, "netstat -tanp"), n_netstat)
    add("lsof-i-printshop", "lsof -i -n -P", ns_run(d, "lsof -i -n -P"), n_lsof)
    cap("vmstat-w-1-6", "vmstat -w 1 6", tmp, n_vmstat)
    cap("dpkg-log-tail", "tail -n 600 /var/log/dpkg.log", tmp, n_dpkg_log)


def listings(tmp: Path) -> None:
    cap("du-ah-node-modules-sort-h", "du -ah node_modules/vitest node_modules/@vitest node_modules/vite | sort -h | "
        "tail -n 150", JS, n_du)
    cap("ls-lR-mocha-lib", "ls -lR lib", tmp / "mocha-src", n_ls_lR)
    cap("tree-vetclinic-webcolors", "tree -I __pycache__ vetclinic webcolors-24.8.0", tmp, n_tree)


def json_files(tmp: Path) -> None:
    cap("curl-pypi-simple-json-bidict", "curl -s -H 'Accept: application/vnd.pypi.simple.v1+json' "
        "https://pypi.org/simple/bidict/ | python3 -m json.tool", tmp, n_pypi, timeout=120)
    t = tmp / "tsinit"
    t.mkdir()
    run(f"{JS}/node_modules/.bin/tsc --init --strict --target es2022 --module nodenext --outDir dist --rootDir src "
        "--declaration --sourceMap", cwd=t)
    cap("cat-tsconfig-init", "cat tsconfig.json", t, n_tsconfig)
    c = tmp / "configs"
    write_tree(c, {
        "data/renovate.json": '{\n  "extends": ["config:recommended"],\n  "schedule": ["before 6am on monday"],\n'
                              '  "packageRules": [\n    {"matchUpdateTypes": ["minor", "patch"], "automerge": true},\n'
                              '    {"matchPackageNames": ["typescript"], "rangeStrategy": "pin"},\n  ]\n}\n',
        "data/app.json": '{\n  "name": "printshop",\n  "port": 8631,\n  "queues": {\n    "render": 10,\n'
                         '    "spool": 6\n  },\n  "admins": ["ops@example.org" "dana@example.org"]\n}\n',
        "data/flags.json": '{\n  "wishlist": true,\n  "new_checkout": false,\n  \'beta_banner\': true\n}\n',
        "data/ok.json": '{\n  "version": 3,\n  "entries": [1, 2, 3]\n}\n',
        "data/locale.json": '{\n  "en": {"greeting": "Hello", "bye": "Bye"},\n  "nl": {"greeting": "Hallo", '
                            '"bye": "Doei"}\n  "de": {"greeting": "Hallo"}\n}\n'})
    (c / "node_modules").symlink_to(JS / "node_modules")  # jsonlint as the project's own dev dependency
    for k in range(1, 7):
        write_tree(c, {f"data/widgets-{k}.json": "[\n" + ",\n".join(
            f'  {{"id": {i}, "kind": "tile", "w": {i % 4 + 1}, "h": 2}}' for i in range(k * 7)) + ("\n  ,\n]\n" if k == 4 else "\n]\n")})
    cap("jsonlint-configs-loop", 'for f in data/*.json; do echo "== $f"; npx jsonlint -q "$f"; done 2>&1', c,
        n_jsonlint)


# ------------------------------------------------------------------ servers and logs

NGINX_CONF = """worker_processes 1;
error_log {d}/logs/error.log info;
pid {d}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log {d}/logs/access.log;
    client_body_temp_path {d}/tmp; proxy_temp_path {d}/tmp; fastcgi_temp_path {d}/tmp;
    uwsgi_temp_path {d}/tmp; scgi_temp_path {d}/tmp;
    upstream api {{ server 127.0.0.1:{dead}; server 127.0.0.1:{dead2} backup; }}
    server {{
        listen 127.0.0.1:{port};
        root {d}/www;
        location /api/ {{ proxy_pass http://api; proxy_connect_timeout 1s; }}
        location /static/ {{ try_files $uri =404; }}
        location /private/ {{ deny all; }}
    }}
}}
"""


def get(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=10).read()
    except (urllib.error.HTTPError, urllib.error.URLError, ConnectionError):
        pass


def nginx(tmp: Path) -> None:
    d = tmp / "nginx"
    port = free_port()
    write_tree(d, {"nginx.conf": NGINX_CONF.format(d=d, port=port, dead=free_port(), dead2=free_port()),
                   "www/index.html": "<h1>shop</h1>\n", "www/static/app.css": "body{}\n", "logs/.keep": "",
                   "tmp/.keep": ""})
    run(f"nginx -p {d} -c {d}/nginx.conf", cwd=d)
    wait_port(port)
    base = f"http://127.0.0.1:{port}"
    for i in range(40):
        get(f"{base}/api/orders/{i}" if i % 3 == 0 else f"{base}/static/{'app.css' if i % 4 else f'img/p{i}.png'}")
        if i % 10 == 0:
            get(f"{base}/private/keys.txt")
    run(f"nginx -p {d} -c {d}/nginx.conf -s quit", cwd=d)
    time.sleep(1)
    cap("nginx-error-log-dead-upstream", "cat logs/error.log", d, n_nginx_error_log)


BATCH = '''import logging, random, time
logging.basicConfig(format="%(asctime)s %(levelname)-8s %(name)s [%(process)d] %(message)s", level=logging.INFO)
rnd = random.Random(7)
log = logging.getLogger("printshop.batch")
pdf = logging.getLogger("printshop.pdf")
log.info("batch started: 160 orders from queue render")
for i in range(160):
    oid = 880100 + i
    ms = rnd.randint(40, 900) if i != 113 else 14250
    if i % 23 == 7:
        pdf.warning("order %d: font %s not embedded, substituting", oid, rnd.choice(["Garamond", "Futura"]))
    if i == 88:
        try:
            {"pages": 2}["bleed_mm"]
        except KeyError:
            log.exception("order %d failed: missing print spec", oid)
        continue
    if i == 131:
        log.error("order %d: printer tray 3 jammed, requeued", oid)
    log.info("order %d processed in %dms", oid, ms)
log.info("batch finished: 158 ok, 1 failed, 1 requeued")
'''

SUPERVISOR = r'''import subprocess, sys, threading
CHILD = """
import random, sys, time
name, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(name)
for i in range(n):
    t = f"2026-03-0{1 + i // 50}T{(i * 7) % 24:02d}:{(i * 13) % 60:02d}:{i % 60:02d}Z"
    if name == "api":
        st = 500 if i == 41 else 404 if i % 29 == 0 else 200
        print(f"{t} INFO GET /v1/jobs/{i} {st} {rnd.randint(3, 80) if i != 57 else 2900}ms", flush=True)
    elif name == "worker" and i == 33:
        print(f"{t} ERROR job 7731 crashed", flush=True)
        print("Traceback (most recent call last):", flush=True)
        print('  File "/app/worker.py", line 88, in run', flush=True)
        print("    pages = render(job)", flush=True)
        print("ValueError: unsupported paper size 'A2+'", flush=True)
    elif i % 17 == 5:
        print(f"{t} WARN queue depth {rnd.randint(40, 90)} above 32", flush=True)
    else:
        print(f"{t} INFO {name} tick {i} took {rnd.randint(1, 40)}ms", flush=True)
    time.sleep(0.002)
sys.exit(3 if name == "mailer" else 0)
"""
lock = threading.Lock()
def pump(name, n):
    p = subprocess.Popen([sys.executable, "-c", CHILD, name, str(n)], stdout=subprocess.PIPE, text=True)
    for line in p.stdout:
        with lock:
            print(f"{name}-1  | {line}", end="", flush=True)
    code = p.wait()
    with lock:
        print(f"{name}-1 exited with code {code}", flush=True)
ts = [threading.Thread(target=pump, args=a) for a in [("api", 120), ("worker", 90), ("scheduler", 40), ("mailer", 30)]]
[t.start() for t in ts]; [t.join() for t in ts]
'''

MIRROR = '''import hashlib, logging, sys, urllib.error, urllib.request
logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("mirror")
base = sys.argv[1]
ok = fail = total = 0
for i in range(70):
    name = f"pkg-{i:03d}.tar.gz" if i not in (19, 52) else f"pkg-{i:03d}.tgz"
    try:
        body = urllib.request.urlopen(f"{base}/{name}", timeout=10).read()
    except urllib.error.HTTPError as e:
        log.error("%s: HTTP %d", name, e.code)
        fail += 1
        continue
    if len(body) < 2000:
        log.warning("%s: suspiciously small (%d bytes)", name, len(body))
    log.info("%s sha256=%s (%d bytes)", name, hashlib.sha256(body).hexdigest()[:16], len(body))
    ok += 1
    total += len(body)
log.info("done: %d fetched, %d failed, %d bytes", ok, fail, total)
'''


def logs(tmp: Path) -> None:
    d = tmp / "logs"
    write_tree(d, {"batch.py": BATCH, "supervise.py": SUPERVISOR, "mirror.py": MIRROR})
    cap("python-logging-batch", f"{PY} batch.py 2>&1", d, n_app_log, typed="python batch.py 2>&1")
    cap("multiproc-supervise-log", f"{PY} supervise.py", d, n_multiproc, typed="python supervise.py")
    files = d / "files"
    files.mkdir()
    for i in range(70):
        (files / f"pkg-{i:03d}.tar.gz").write_bytes(bytes((i * 31 + k) % 251 for k in range(900 + i * 997 % 40000)))
    port = free_port()
    p = start(["python3", "-m", "http.server", str(port), "--bind", "127.0.0.1"], cwd=files)
    wait_port(port)
    cap("progress-log-mirror", f"{PY} mirror.py http://127.0.0.1:{port}", d, n_progress,
        typed=f"python mirror.py http://127.0.0.1:{port}")
    stop(p)


STEPS = [system, listings, json_files, nginx, logs]
