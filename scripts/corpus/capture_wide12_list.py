"""Round 12, listings: ls (long, human, time- and size-sorted, recursive, inode, full-time, one-per-line, -F),
find -printf sorted by time, tree (-L, -d, -a -F, -h --du), du variants, stat -c rows, dpkg-query sizes,
pip list -v, npm ls (tree and parseable), git ls-files -s, ps/ss/netstat/lsof tables over the processes this
round starts (a gunicorn with 8 workers, a node server). Run through capture_wide12.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_wide12 as w
from capture_more import add_or_skip as add, free_port, run, start
from capture_wide12_search import repo

JS = w.TOOLS / "js"
VENV = w.TOOLS / "venv"

LONG = w.n_ls_long
LISTINGS: list[tuple[str, str, str, object]] = [
    # (id, cwd key, command as typed, extractor)
    ("ls-la-admin-templates", "repo", "ls -la py/django/contrib/admin/templates/admin", LONG),
    ("ls-lah-usr-bin-head", "/", "ls -lah --color=never /usr/bin | head -n 200", LONG),
    ("ls-lt-long-iso-node-modules", "js", "ls -lt --time-style=long-iso node_modules | head -n 60", LONG),
    ("ls-lS-models", "repo", "ls -lS py/django/db/models", LONG),
    ("ls-lR-click", "repo", "ls -lR py/click py/yaml", LONG),
    ("ls-li-full-time-etc", "/", "ls -li --full-time /etc | head -n 120", LONG),
    ("ls-lhd-etc-dirs", "/", "ls -lhd /etc/*/", LONG),
    ("ls-1-pygments-lexers", "repo", "ls -1 py/pygments/lexers", w.ls_short("ls-1")),
    ("ls-RF-starlette", "repo", "ls -RF py/starlette py/uvicorn", w.ls_short("ls-RF")),
    ("ls-F-node-modules", "js", "ls -F node_modules", w.ls_short("ls-F")),
    ("find-printf-newest", "repo", "find py -type f -printf '%TY-%Tm-%Td %TH:%TM %10s %p\\n' | sort -r | head -n 120",
     w.ws_table("find-printf-time-size", header=False, names=["date", "time", "size", "path"])),
    ("find-ls-js-dirs", "repo", "find js -maxdepth 3 -type d -ls", LONG),
    ("tree-L2-django", "repo", "tree -L 2 py/django", w.tree_dirs("tree-L")),
    ("tree-d-L3-django", "repo", "tree -d -L 3 py/django", w.tree_dirs("tree-d")),
    ("tree-aF-axios", "repo", "tree -a -F js/axios", w.tree_dirs("tree-aF")),
    ("tree-h-du-L2-py", "repo", "tree -h --du -L 2 py", w.sized("tree-du")),
    ("du-h-depth2-sort", "repo", "du -h --max-depth=2 py | sort -rh | head -n 60", w.sized("du-h-sort-rh")),
    ("du-sh-star", "js", "du -sh node_modules/* | sort -h", w.sized("du-sh-glob")),
    ("du-a-bytes-tail", "repo", "du -ab js | sort -n | tail -n 80", w.sized("du-ab-sort-tail")),
    ("stat-c-rows", "repo", "stat -c '%A %U %G %s %y %n' py/django/utils/*.py",
     w.ws_table("stat-c-rows", header=False, names=["mode", "user", "group", "size", "date", "time", "tz", "name"])),
    ("dpkg-query-sizes", "/", "dpkg-query -W -f='${Installed-Size}\\t${Package}\\t${Version}\\n' | sort -n | tail -n 70",
     w.sized("dpkg-query-installed-size")),
    ("pip-list-v", "venv", "bin/pip list -v", w.ws_table("pip-list-v", "pkg", all_upto=40)),
    ("npm-ls-all-depth", "js", "npm ls --all --depth=2", w.n_npm_ls),
    ("npm-ls-parseable", "js", "npm ls --parseable --all | head -n 150", w.path_list("npm-ls-parseable", "pkg")),
    ("git-ls-files-s", "repo", "git ls-files -s py/click py/yaml js/ms js/debug",
     w.ws_table("git-ls-files-s", header=False, names=["mode", "object", "stage", "path"])),
    ("git-ls-files-py-fastapi", "repo", "git ls-files -- 'py/fastapi/*' 'py/starlette/*'", w.path_list("git-ls-files", "listing")),
]


def cwds(tmp: Path) -> dict[str, Path]:
    return {"repo": repo(tmp), "/": Path("/"), "js": JS, "venv": VENV}


def cap_listings(tmp: Path) -> None:
    where = cwds(tmp)
    for sid, key, cmd, ext in LISTINGS:
        out = run(cmd, cwd=where[key])
        shown = cmd if key == "/" else f"cd {where[key].name} && {cmd}"
        add(sid, shown, out, ext)


SERVER_JS = """
const http = require('http');
const srv = http.createServer((req, res) => { res.end('ok'); });
srv.listen(+process.argv[2], '127.0.0.1');
"""


def cap_processes(tmp: Path) -> None:
    """Process and socket tables while a gunicorn (8 workers) and a node server run on loopback."""
    app = tmp / "procapp"
    app.mkdir(exist_ok=True)
    (app / "wsgi.py").write_text("def app(environ, start_response):\n    start_response('200 OK', [])\n    return [b'ok']\n")
    (app / "server.js").write_text(SERVER_JS)
    gport, nport = free_port(), free_port()
    start([str(VENV / "bin/gunicorn"), "-w", "8", "-b", f"127.0.0.1:{gport}", "wsgi:app"], cwd=app)
    start(["node", "server.js", str(nport)], cwd=app)
    time.sleep(3)
    procs = [
        ("ps-aux-sort-mem", "ps aux --sort=-%mem | head -n 40", w.ws_table("ps-aux-sorted")),
        ("ps-eo-custom-rss", "ps -eo pid,ppid,user,ni,rss,vsz,etime,stat,comm --sort=-rss | head -n 60", w.ws_table("ps-eo-custom")),
        ("ps-ef-grep-gunicorn", "ps -efww | grep -E '[g]unicorn|[n]ode server'", w.ws_table("ps-ef-grep", header=False,
                                                                                            names=["uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd"])),
        ("ss-tlnp", "ss -tlnp", w.ws_table("ss-tlnp")),
        ("netstat-tlnp", "netstat -tlnp 2>&1", w.ws_table("netstat-tlnp", skip=1)),
        ("lsof-listen", "lsof -nP -iTCP -sTCP:LISTEN", w.ws_table("lsof-itcp-listen")),
    ]
    for sid, cmd, ext in procs:
        add(sid, cmd.replace(str(gport), "8000"), run(cmd), ext)


STEPS = [cap_listings, cap_processes]
