"""Round 16, listings of shapes not yet used: ls (-lhS --group-directories-first, -ln numeric ids, -lX by extension),
find (-empty, -printf mode/owner rows, -size with sizes sorted), git ls-tree -r -l, namei -l, ls -l of /proc/PID/fd,
ps axjf, ss -antpoe, lsof +D, pip show -f, npm ls --long, tree -pugsh, du -a -k sorted, dpkg-query | column -t, over this
round's repository and processes started here. Run through capture_wide16.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide12 as w
import capture_wide16 as c
from capture_more import add_or_skip as add, n_pip_show, run, write_tree
from capture_wide16_search import repo


def long_as(name: str):
    """capture_wide12's long-listing rule under this round's kind name."""
    return w.named(name, "listing", w.n_ls_long.__doc__.strip().splitlines()[0], w.n_ls_long)


LISTINGS: list[tuple[str, str, str, object]] = [
    # (id, cwd key, command as typed, extractor)
    ("ls-lhS-group-dirs-aiohttp", "repo", "ls -lhS --group-directories-first py/aiohttp", long_as("ls-lhS-group-dirs")),
    ("ls-ln-numeric-moment-locale", "repo", "ls -ln js/moment/locale | head -n 90", long_as("ls-ln-numeric")),
    ("ls-lX-twisted-web", "repo", "ls -lX py/twisted/web", long_as("ls-lX-by-extension")),
    ("find-empty-usr", "/", "find /usr/lib/python3/dist-packages /usr/share -empty 2>/dev/null | sort | head -n 150", w.path_list("find-empty", "listing")),
    ("find-printf-mode-owner", "repo", "find py/twisted/internet -maxdepth 1 -printf '%M %u %g %6s %TY-%Tm-%Td %p\\n'",
     w.ws_table("find-printf-mode-owner", header=False, names=["mode", "user", "group", "size", "date", "path"])),
    ("find-size-printf-sorted", "repo", "find js -name '*.js' -size +8k -printf '%s\\t%p\\n' | sort -rn | head -n 60",
     w.sized("find-size-printf-sorted")),
    ("git-ls-tree-r-l-aiohttp", "repo", "git ls-tree -r -l HEAD py/aiohttp py/yarl",
     w.ws_table("git-ls-tree-r-l", header=False, names=["mode", "type", "object", "size", "path"])),
    ("namei-l-symlink-chains", "/", "namei -l /usr/bin/python3 /usr/bin/cc /etc/ssl/certs/ca-certificates.crt /usr/share/zoneinfo/Europe/Berlin /usr/lib/jvm/default-java/bin/java",
     w.ws_table("namei-l", header=False, names=["mode", "owner", "group", "name"])),
    ("tree-pugsh-L2-twisted-web", "repo", "tree -pugsh -L 2 py/twisted/web", w.tree_dirs("tree-pugsh")),
    ("du-a-k-sorted-winston", "repo", "du -a -k js/winston js/logform | sort -rn | head -n 70", w.sized("du-a-k-sorted")),
    ("pip-show-f-aiohttp", "venv", "bin/pip show -f aiohttp", w.named("pip-show-files", "pkg", n_pip_show.__doc__.strip().splitlines()[0], n_pip_show)),
    ("npm-ls-long-all", "js", "npm ls --long --all", w.named("npm-ls-long", "pkg", w.n_npm_ls.__doc__.strip().splitlines()[0], w.n_npm_ls)),
    ("dpkg-query-column-t", "/", "dpkg-query -W -f='${Package}\\t${Version}\\t${Architecture}\\t${Installed-Size}\\n' 'lib*' | column -t | head -n 120",
     w.ws_table("dpkg-query-column-t", header=False, names=["package", "version", "arch", "size"])),
]


def cap_listings(tmp: Path) -> None:
    where = {"repo": repo(tmp), "/": Path("/"), "js": c.JS, "venv": c.VENV}
    for sid, key, cmd, ext in LISTINGS:
        shown = cmd if key == "/" else f"cd {where[key].name} && {cmd}"
        add(sid, shown, run(cmd, cwd=where[key], env=c.PIP_ENV), ext)


HOLDER = """
import socket, sys, time
files = [open(f"{sys.argv[1]}/data/part-{i:02d}.csv", "a") for i in range(24)]
log = open(f"{sys.argv[1]}/logs/app.log", "a")
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
u = socket.socket(socket.AF_UNIX); u.bind(f"{sys.argv[1]}/app.sock"); u.listen()
time.sleep(60)
"""

POOL = """
import multiprocessing as mp, time
def work(i):
    time.sleep(30)
if __name__ == "__main__":
    with mp.Pool(3) as p:
        p.map(work, range(3))
"""

# Run in its own PID and network namespace (unshare), so that the tables hold this capture's processes only.
BOX = """
ip link set lo up
python3 holder.py "$PWD" &
python3 -m http.server 8000 --bind 127.0.0.1 >/dev/null 2>&1 &
python3 -m http.server 8001 --bind 127.0.0.1 >/dev/null 2>&1 &
python3 pool.py &
sleep 1.5
for i in 1 2 3 4 5 6; do python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:800$((i % 2))/').read()"; done
python3 -c "import socket, time; s = socket.create_connection(('127.0.0.1', 8000)); time.sleep(20)" &
sleep 0.5
ps axjf > out/ps.txt 2>&1
ss -antpoe > out/ss.txt 2>&1
ls -l /proc/$(pgrep -f holder.py)/fd > out/fd.txt 2>&1
lsof +D "$PWD/data" "$PWD/logs" > out/lsof.txt 2>&1
"""


def cap_processes(tmp: Path) -> None:
    """Process, socket and open-file tables of a small service (a file holder, two http.servers, a worker pool)."""
    d = tmp / "svc-files"
    for sub in ("data", "logs", "out"):
        (d / sub).mkdir(parents=True)
    write_tree(d, {"holder.py": HOLDER, "pool.py": POOL, "box.sh": BOX})
    run("unshare -fpn --mount-proc bash box.sh", cwd=d, timeout=60)
    procs = [
        ("ls-l-proc-pid-fd", "fd", "ls -l /proc/$(pgrep -f holder.py)/fd", long_as("ls-l-proc-fd")),
        ("ps-axjf-forest", "ps", "ps axjf", w.ws_table("ps-axjf")),
        ("ss-antpoe", "ss", "ss -antpoe", w.ws_table("ss-antpoe")),
        ("lsof-plus-D-dir", "lsof", f"lsof +D {d}/data {d}/logs", w.ws_table("lsof-plus-D")),
    ]
    for sid, key, shown, ext in procs:
        add(sid, shown, (d / "out" / f"{key}.txt").read_text(errors="replace"), ext)


STEPS = [cap_listings, cap_processes]
