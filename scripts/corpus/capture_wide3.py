#!/usr/bin/env python3
"""Capture a THIRD round of kinds (issue #11, round 3): the shapes round 2 showed weak on unseen outputs
and their neighbours. Listings (`find -ls`/`-printf`, `ls -l` with --time-style/-i/-s/-h, `stat`, `du`
variants, `tree` -J/-X/-s/-h/-p, `ps` -eo/-L/--forest, `lsof`, `ss -tanp`, `df -i`, `ip`), git (`show` of
merges with --cc and -m, annotated tags, --stat/--numstat logs, `blame -p`/`--porcelain`/`-e`/`-w`,
`log --format`, `log --graph --all`, a rebase and a cherry-pick with conflicts, the `rebase -i` todo,
`stash show -p`, `bisect log`/`run`, `reflog`, `for-each-ref`) and a few system tools (`strace -c`,
`pstree -p`).

Same method and helpers as capture_more.py / capture_wide2.py: every item's text is the stdout+stderr of a
program REALLY run here, on this machine's files or on throwaway trees and git repos (fixed dates) built
below in /tmp/hm-corpus-wide3; needles follow scripts/corpus/NEEDLES.md, each kind's extractor docstring
states its rule (first line = needle_rule), extractors read the CLEANED lines, every needle is a substring
of one cleaned line of at most 200 characters. Written before any compressed output was looked at.

Usage:   .venv/bin/python scripts/corpus/capture_wide3.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide3.json  as {"version": 2, "items": [...]}, ids prefixed "wide3-".
Tools:   find, ls, stat, du, tree, ps, lsof, ss, df, ip, git, strace, pstree as found (a missing one skips
         its kinds). Every process started is killed; network use is 127.0.0.1 only.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of, diff_needles, rule4, stop, ws_rows  # noqa: E402
from capture_more import add_or_skip as add, n_blame_p, have, kind, run, start  # noqa: E402

cm.PREFIX = "wide3-"
DEFAULT_OUT = HERE / "data" / "wide3.json"
TMP = Path("/tmp/hm-corpus-wide3")



# ================================================================== listings

FIND_LS = ["inode", "blocks", "perms", "links", "owner", "group", "size", "mon", "day", "time", "path"]
LS_L = ["perms", "links", "owner", "group", "size", "date", "time", "name"]  # --time-style=long-iso
LS_FULL = ["perms", "links", "owner", "group", "size", "date", "time", "tz", "name"]  # full-iso
LS_IS = ["inode", "blocks", "perms", "links", "owner", "group", "size", "mon", "day", "time", "name"]
LS_PLAIN = ["perms", "links", "owner", "group", "size", "mon", "day", "time", "name"]
_PERMS = re.compile(r"^[-dlcbps][-rwxsStT]{9}[.+@]?$")


def _rows(lines, names, perms_col):
    """ws_rows restricted to lines whose `perms_col` cell is a mode string."""
    return [r for r in ws_rows(lines, names) if _PERMS.match(r[1].get(perms_col, "")) and r[1].get(names[-1])]


def _total(lines):
    return [ln for ln in lines if re.match(r"^total \d", ln)][:1]


@kind("find-ls", "listing")
def n_find_ls(lines):
    """Rule 4 on find -ls: rows with a rare perms/owner/group value; min/max size rows."""
    return rule4(_rows(lines, FIND_LS, "perms"), cat=("perms", "owner", "group"), nums=("size",))


@kind("find-printf", "listing")
def n_find_printf(lines):
    """Rule 4 on find -printf '%M %u %g %s %TY-%Tm-%Td %p': rows with a rare mode/user/group value; min/max size rows."""
    rows = _rows(lines, ["mode", "user", "group", "size", "date", "path"], "mode")
    return rule4(rows, cat=("mode", "user", "group"), nums=("size",))


@kind("ls-l-iso", "listing")
def n_ls_iso(lines):
    """Rule 4 on ls -l --time-style=long-iso: the 'total' line; rows with a rare perms/owner/group value; min/max size and links rows."""
    return rule4(_rows(lines, LS_L, "perms"), cat=("perms", "owner", "group"), nums=("size", "links"), header=_total(lines))


@kind("ls-l-full-iso", "listing")
def n_ls_full(lines):
    """Rule 4 on ls -la --time-style=full-iso: the 'total' line; rows with a rare perms/owner/group value; min/max size and links rows."""
    return rule4(_rows(lines, LS_FULL, "perms"), cat=("perms", "owner", "group"), nums=("size", "links"), header=_total(lines))


@kind("ls-lis", "listing")
def n_ls_lis(lines):
    """Rule 4 on ls -lis: the 'total' line; rows with a rare perms/owner/group value; min/max size, blocks and links rows."""
    return rule4(_rows(lines, LS_IS, "perms"), cat=("perms", "owner", "group"), nums=("size", "blocks", "links"),
                 header=_total(lines))


@kind("ls-lh", "listing")
def n_ls_lh(lines):
    """Rule 4 on ls -lh (human sizes): the 'total' line; rows with a rare perms/owner/group value; min/max size rows."""
    return rule4(_rows(lines, LS_PLAIN, "perms"), cat=("perms", "owner", "group"), nums=("size",), header=_total(lines))


@kind("stat-records", "listing")
def n_stat(lines):
    """Rule 4 over stat's multi-line records: the File: and Size: lines of the records with the min/max size; the File: and Access: lines of records with a rare mode."""
    recs, cur = [], None
    for ln in lines:
        if ln.lstrip().startswith("File: "):
            cur = {"file": ln}
            recs.append(cur)
        elif cur is not None and ln.lstrip().startswith("Size: "):
            cur["size_line"] = ln
            cur["size"] = ln.split()[1]
        elif cur is not None and ln.startswith("Access: ("):
            cur["access"] = ln
            cur["mode"] = ln.split("/")[1].split(")")[0]
    out = []
    rows = [(r["file"], r) for r in recs if "size" in r and "mode" in r]
    for n in rule4(rows, nums=("size",)):
        alts = n["any"] if isinstance(n, dict) else [n]
        out.append(any_of(alts))
        out.append(any_of(r["size_line"] for ln, r in rows if ln in alts))
    for n in rule4(rows, cat=("mode",)):
        out.append(n)
        out.append(next(r["access"] for ln, r in rows if ln == n))
    return out


@kind("stat-format", "listing")
def n_stat_format(lines):
    """Rule 4 on stat -c '%A %h %U %G %s %n': rows with a rare mode/owner/group value; min/max size and links rows."""
    rows = _rows(lines, ["perms", "links", "owner", "group", "size", "name"], "perms")
    return rule4(rows, cat=("perms", "owner", "group"), nums=("size", "links"))


@kind("du-depth", "listing")
def n_du(lines):
    """Rules 4+5 on du (unsorted, any depth): min/max size rows; the last line (the total)."""
    ls = [ln for ln in lines if ln.strip()]
    return rule4(ws_rows(ls, ["size", "path"]), nums=("size",)) + ls[-1:]


def _tree_text(lines, sized: bool):
    out = [ln for ln in lines if re.match(r"^\d+ director(y|ies)(, \d+ files?)?$", ln)]
    dirs, rows = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^([│├└─\s]*)(?:\[([^\]]*)\]\s+)?(.+)$", ln)
        if not m or not m.group(1):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        deeper = len(re.match(r"^[│├└─\s]*", nxt).group(0)) > len(m.group(1))
        if deeper:
            dirs.append(ln)
        elif sized and m.group(2):
            size = m.group(2).split()[-1]
            rows.append((ln, {"size": size}))
    out += [d.strip()[:200] for d in dirs[:40]]
    if sized:
        out += rule4(rows, nums=("size",))
    return out


@kind("tree-text", "listing")
def n_tree_text(lines):
    """Rules 3+5 on tree: the 'N directories, M files' report; the line of every directory that has entries (first 40)."""
    return _tree_text(lines, sized=False)


@kind("tree-sized", "listing")
def n_tree_sized(lines):
    """Rules 3+4+5 on tree -s/-h (with [size] cells): the report; the line of every directory that has entries (first 40); min/max size file rows."""
    return _tree_text(lines, sized=True)


@kind("tree-json", "listing")
def n_tree_json(lines):
    """Rules 4+5 on tree -J -s: the report record; the name line of every directory (first 40); min/max size file lines."""
    doc = json.loads("\n".join(lines))
    out, dirs = [], []

    def walk(node):
        for c in node.get("contents", []):
            if c["type"] == "directory":
                dirs.append(c["name"])
                walk(c)
    for top in doc:
        if top["type"] == "report":
            out.append(next((ln.strip().rstrip(",")[:200] for ln in lines if '"type":"report"' in ln),
                            json.dumps(top, separators=(",", ":"))))
        else:
            walk(top)
    files = []
    for ln in lines:
        s = ln.strip().rstrip(",").rstrip("]")
        if '"type":"file"' in s and s.startswith("{") and s.endswith("}"):
            try:
                files.append((ln, {"size": json.loads(s)["size"]}))
            except (ValueError, KeyError):
                pass
    out += rule4(files, nums=("size",))
    out += [next(ln for ln in lines if f'"name":"{d}"' in ln and '"type":"directory"' in ln).strip()[:120] for d in dirs[:40]]
    return out


@kind("tree-xml", "listing")
def n_tree_xml(lines):
    """Rules 4+5 on tree -X -s: the <report> counts; the <directory name=...> line of every directory (first 40); min/max size <file> lines."""
    out = [ln.strip() for ln in lines if re.match(r"^\s*<(directories|files)>\d+</", ln)]
    out += [ln.strip()[:200] for ln in lines if re.match(r'^\s*<directory name="', ln)][:40]
    rows = []
    for ln in lines:
        m = re.search(r'<file name="[^"]*" size="(\d+)"', ln)
        if m:
            rows.append((ln, {"size": m.group(1)}))
    return out + rule4(rows, nums=("size",))


PS_EO = ["PID", "PPID", "USER", "STAT", "NI", "PCPU", "RSS", "VSZ", "ELAPSED", "COMMAND"]


@kind("ps-eo", "listing")
def n_ps_eo(lines):
    """Rule 4 on ps -eo pid,ppid,user,stat,ni,pcpu,rss,vsz,etime,comm: header; rare user/stat/ni rows; min/max pid, pcpu, rss, vsz rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], PS_EO)
    return rule4(rows, cat=("USER", "STAT", "NI"), nums=("PID", "PCPU", "RSS", "VSZ"), header=ls[:1])


@kind("ps-threads", "listing")
def n_ps_threads(lines):
    """Rule 4 on ps -eLf: header; rare UID/TTY rows; min/max PID, NLWP and C rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["UID", "PID", "PPID", "LWP", "C", "NLWP", "STIME", "TTY", "TIME", "CMD"])
    return rule4(rows, cat=("UID", "TTY"), nums=("PID", "NLWP", "C"), header=ls[:1])


@kind("ps-forest", "listing")
def n_ps_forest(lines):
    """Rule 4 on ps -eo pid,ppid,stat,rss,args --forest: header; rare stat rows; min/max pid and rss rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["PID", "PPID", "STAT", "RSS", "ARGS"])
    return rule4(rows, cat=("STAT",), nums=("PID", "RSS"), header=ls[:1])


@kind("ps-lstart", "listing")
def n_ps_lstart(lines):
    """Rule 4 on ps -eo user,pid,stat,lstart,time,cmd: header; rare user/stat rows; min/max pid rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["USER", "PID", "STAT", "DOW", "MON", "DAY", "CLOCK", "YEAR", "TIME", "CMD"])
    return rule4(rows, cat=("USER", "STAT"), nums=("PID",), header=ls[:1])


@kind("lsof", "listing")
def n_lsof(lines):
    """Rule 4 on lsof -nP: the header; rows with a rare FD-kind or TYPE value; min/max SIZE/OFF rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["COMMAND", "PID", "USER", "FD", "TYPE", "DEVICE", "SIZE", "NODE", "NAME"])
    for _, r in rows:
        r["FDK"] = re.sub(r"\d+", "N", r.get("FD", ""))
    return rule4(rows, cat=("FDK", "TYPE"), nums=("SIZE",), header=ls[:1])


@kind("ss-tanp", "listing")
def n_ss(lines):
    """Rule 4 on ss -tanp: the header; rows with a rare State value; min/max Recv-Q and Send-Q rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["State", "RecvQ", "SendQ", "Local", "Peer", "Process"])
    return rule4(rows, cat=("State",), nums=("RecvQ", "SendQ"), header=ls[:1])


@kind("df-i", "listing")
def n_df_i(lines):
    """Rule 4 on df -ai: the header; rows with a rare filesystem type; min/max IUsed and IUse% rows."""
    ls = [ln for ln in lines if ln.strip()]
    rows = ws_rows(ls[1:], ["FS", "Type", "Inodes", "IUsed", "IFree", "IUse", "Mounted"])
    return rule4(rows, cat=("Type",), nums=("IUsed", "IUse"), header=ls[:1])


@kind("ip-addr", "listing")
def n_ip_addr(lines):
    """Rule 5 on ip addr: every interface's header line (index: name: <flags>) and every inet/inet6 line."""
    return [ln for ln in lines if re.match(r"^\d+: \S+:", ln) or re.match(r"^\s+inet6? ", ln)]


@kind("pstree", "listing")
def n_pstree(lines):
    """Rule 4 on pstree -p: the first line (the root); every line naming a process that appears only once by name (first 40)."""
    names = [re.findall(r"([\w.@:/+-]+)\(\d+\)", ln) for ln in lines]
    c = Counter(n for ns in names for n in ns)
    out = lines[:1]
    for ln, ns in zip(lines, names):
        if any(c[n] == 1 for n in ns):
            out.append(ln)
    return out[:41]


@kind("strace-c", "log")
def n_strace_c(lines):
    """Rules 3+4 on strace -f -c: the header; the total row; min/max calls and errors rows; every row with errors."""
    ls = [ln for ln in lines if ln.strip()]
    hi = next((i for i, ln in enumerate(ls) if ln.lstrip().startswith("% time")), None)
    if hi is None:
        return []
    rows = []
    for ln in ls[hi + 2:]:
        p = ln.split()
        if not p or p[0].startswith("-") or p[-1] == "total":
            continue
        if len(p) == 6:
            rows.append((ln, {"calls": p[3], "errors": p[4]}))
        elif len(p) == 5:
            rows.append((ln, {"calls": p[3], "errors": "0"}))
    out = [ls[hi]] + [ln for ln in ls if ln.split()[-1:] == ["total"]]
    out += rule4(rows, nums=("calls",))
    out += [ln for ln, r in rows if r["errors"] != "0"]
    return out


def make_scratch_tree(root: Path) -> None:
    """A throwaway tree with files of many sizes, a few odd modes and owners, links, a FIFO."""
    rng = random.Random(31)
    for d in range(14):
        sub = root / f"pkg{d:02d}" / ("sub" if d % 3 else "lib")
        sub.mkdir(parents=True, exist_ok=True)
        for f in range(rng.randint(5, 16)):
            p = sub / f"{rng.choice(['mod', 'util', 'data', 'test'])}_{d}_{f}.{rng.choice(['py', 'py', 'json', 'txt'])}"
            p.write_bytes(b"x" * rng.randint(10, 9000))
            os.chmod(p, 0o644)
    big = root / "pkg05" / "sub" / "blob_5_big.bin"  # pkgNN/lib when NN % 3 == 0, else pkgNN/sub
    big.write_bytes(b"\0" * 3_500_000)
    os.chmod(root / "pkg03" / "lib", 0o700)
    (root / "pkg07" / "sub" / "run.sh").write_text("#!/bin/sh\necho hi\n")
    os.chmod(root / "pkg07" / "sub" / "run.sh", 0o4755)
    (root / "pkg09" / "lib" / "secret.key").write_text("k" * 64)
    os.chmod(root / "pkg09" / "lib" / "secret.key", 0o600)
    os.chown(root / "pkg11" / "sub", 65534, 65534)
    os.chown(root / "pkg02" / "sub" / next(iter(sorted(os.listdir(root / "pkg02" / "sub")))), 1, 1)
    os.symlink("../pkg01/sub", root / "pkg04" / "sub" / "link_to_pkg01")
    os.mkfifo(root / "pkg06" / "lib" / "events.fifo")
    (root / "pkg08" / "sub" / "empty.txt").write_text("")


def cap_listings(tmp: Path) -> None:
    scratch = tmp / "scratch"
    make_scratch_tree(scratch)
    add("find-ls-scratch", "find scratch -ls", run("find scratch -ls", cwd=tmp), n_find_ls)
    add("find-ls-python", "find /usr/lib/python3.11/email -ls", run("find /usr/lib/python3.11/email -ls"), n_find_ls)
    add("find-ls-share", "find /usr/share/doc -maxdepth 2 -name 'c*' -ls | head -1000",
        run("find /usr/share/doc -maxdepth 2 -name 'c*' -ls 2>/dev/null | head -1000"), n_find_ls)
    add("find-printf-scratch", "find scratch -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'",
        run("find scratch -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'", cwd=tmp), n_find_printf)
    add("find-printf-lib", "find /usr/lib/python3.11/json /usr/lib/python3.11/asyncio -printf ...",
        run("find /usr/lib/python3.11/json /usr/lib/python3.11/asyncio -printf '%M %u %g %s %TY-%Tm-%Td %p\\n'"),
        n_find_printf)
    add("ls-l-iso", "ls -l --time-style=long-iso /usr/lib/x86_64-linux-gnu | head -300",
        run("ls -l --time-style=long-iso /usr/lib/x86_64-linux-gnu | head -300"), n_ls_iso)
    add("ls-la-full-iso", "ls -la --time-style=full-iso /etc", run("ls -la --time-style=full-iso /etc"), n_ls_full)
    add("ls-lis", "ls -lis /usr/sbin", run("ls -lis /usr/sbin"), n_ls_lis)
    add("ls-lh-scratch", "ls -lhR scratch/pkg0*/sub | grep -v '^$'",
        run("ls -lh scratch/pkg05/sub scratch/pkg07/sub scratch/pkg09/lib scratch/pkg04/sub scratch/pkg06/lib scratch/pkg08/sub",
            cwd=tmp), n_ls_lh)
    add("ls-lh-bin", "ls -lhS /usr/bin | head -250", run("ls -lhS /usr/bin | head -250"), n_ls_lh)
    add("stat-records", "stat /usr/lib/python3.11/json/* scratch/pkg0[4-9]/sub/*",
        run("stat /usr/lib/python3.11/json/* scratch/pkg0[4-9]/sub/*", cwd=tmp), n_stat)
    add("stat-format", "stat -c '%A %h %U %G %s %n' scratch/*/*/*",
        run("stat -c '%A %h %U %G %s %n' scratch/*/*/*", cwd=tmp), n_stat_format)
    add("du-k-depth3", "du -k --max-depth=3 /usr/lib/python3.11", run("du -k --max-depth=3 /usr/lib/python3.11 2>/dev/null"), n_du)
    add("du-ah-scratch", "du -ah scratch", run("du -ah scratch", cwd=tmp), n_du)
    add("du-h-depth2", "du -h --max-depth=2 /usr/share/doc | head -400",
        run("du -h --max-depth=2 /usr/share/doc 2>/dev/null | head -400"), n_du)
    if have("tree", "tree"):
        add("tree-json-scratch", "tree -J -s scratch", run("tree -J -s scratch", cwd=tmp), n_tree_json)
        add("tree-json-lib", "tree -J -s /usr/lib/python3.11/email /usr/lib/python3.11/json",
            run("tree -J -s /usr/lib/python3.11/email /usr/lib/python3.11/json"), n_tree_json)
        add("tree-xml", "tree -X -s scratch", run("tree -X -s scratch", cwd=tmp), n_tree_xml)
        add("tree-sh", "tree -s -h /usr/lib/python3.11/asyncio /usr/lib/python3.11/email",
            run("tree -s -h /usr/lib/python3.11/asyncio /usr/lib/python3.11/email"), n_tree_sized)
        add("tree-pug", "tree -p -u -g -s scratch", run("tree -p -u -g -s scratch", cwd=tmp), n_tree_sized)
        add("tree-plain", "tree -a /usr/share/doc/git /usr/lib/python3.11/email /usr/lib/python3.11/json",
            run("tree -a /usr/share/doc/git /usr/lib/python3.11/email /usr/lib/python3.11/json"), n_tree_text)
    # a few processes unlike the rest: stopped, niced, threaded, sleeping in a pipe
    hold = tmp / "hold.py"
    hold.write_text("import threading, time\nts=[threading.Thread(target=time.sleep, args=(120,)) for _ in range(9)]\n"
                    "[t.start() for t in ts]\nbuf = bytearray(60_000_000)\ntime.sleep(120)\n")
    procs = [start(["python3", str(hold)]), start("sleep 300 | cat"), start(["nice", "-n", "15", "sleep", "300"])]
    stopped = start(["sleep", "301"])
    time.sleep(0.5)
    os.kill(stopped.pid, 19)  # SIGSTOP: state T
    add("ps-eo-custom", "ps -eo pid,ppid,user,stat,ni,pcpu,rss,vsz,etime,comm",
        run("ps -eo pid,ppid,user,stat,ni,pcpu,rss,vsz,etime,comm"), n_ps_eo)
    add("ps-eLf", "ps -eLf", run("ps -eLf"), n_ps_threads)
    add("ps-forest", "ps -eo pid,ppid,stat,rss,args --forest", run("ps -eo pid,ppid,stat,rss,args --forest"), n_ps_forest)
    add("ps-lstart", "ps -eo user,pid,stat,lstart,time,cmd", run("ps -eo user,pid,stat,lstart,time,cmd"), n_ps_lstart)
    if have("pstree", "pstree"):
        add("pstree-p", "pstree -p", run("pstree -p"), n_pstree)
    if have("lsof", "lsof"):
        add("lsof-python", "lsof -nP -p <pid>", run(f"lsof -nP -p {procs[0].pid}"), n_lsof)
        add("lsof-cwd", "lsof -nP +d /tmp", run("lsof -nP +d /tmp 2>/dev/null; lsof -nP -c sleep -c cat 2>/dev/null"),
            n_lsof)
    os.kill(stopped.pid, 18)
    # sockets in several states on loopback
    if have("ss", "ss-tanp"):
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(64)
        port = srv.getsockname()[1]
        conns = []
        for i in range(30):
            c = socket.create_connection(("127.0.0.1", port))
            conns.append(c)
            a, _ = srv.accept()
            conns.append(a)
            if i % 7 == 0:
                c.sendall(b"x" * (2000 * (i + 1)))  # unread: a Recv-Q unlike the others
            if i == 3:
                a.close()  # CLOSE-WAIT on the client side
        extra = [socket.socket() for _ in range(3)]
        for k, s in enumerate(extra):
            s.bind(("127.0.0.1", 0))
            s.listen(5)
        add("ss-tanp", "ss -tanp | head -800", run("ss -tanp | head -800"), n_ss)
        for s in conns + extra + [srv]:
            s.close()
    add("df-ai", "df -ai", run("df -ai -T 2>/dev/null | awk '{print $1, $2, $3, $4, $5, $6, $7}' | column -t"), n_df_i)
    if have("ip", "ip-addr"):
        add("ip-addr", "ip -d addr", run("ip -d addr"), n_ip_addr)
    if have("strace", "strace-c"):
        add("strace-c", "strace -f -c python3 -c 'import json, email, asyncio'",
            run("strace -f -c python3 -c 'import json, email, asyncio, os; [os.path.exists(f\"/no/{i}\") for i in range(50)]'"),
            n_strace_c)
    for p in procs + [stopped]:
        stop(p)


# ================================================================== git

GIT_PEOPLE = [("Ada Lovelace", "ada@example.com"), ("Bo Chen", "bo@example.com"), ("Cy Diaz", "cy@example.com"),
              ("Dee Ekwueme", "dee@example.com")]


class Repo:
    """A throwaway repo whose commits all carry fixed dates (one day apart)."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.k = 0
        run(f"git init -q -b main {root}")
        run("git config user.name Ada && git config user.email ada@example.com && git config commit.gpgsign false",
            cwd=root)

    def env(self, who=None) -> dict:
        name, mail = who or self.rng.choice(GIT_PEOPLE)
        self.k += 1
        d = f"2026-{1 + self.k // 28:02d}-{1 + self.k % 28:02d}T{9 + self.k % 8:02d}:15:00+00:00"
        return {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": mail, "GIT_AUTHOR_DATE": d,
                "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": mail, "GIT_COMMITTER_DATE": d}

    def git(self, args: str, who=None) -> str:
        return run(f"git {args}", cwd=self.root, env=self.env(who))

    def edit(self, rel: str, n_new: int, tag: str) -> None:
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        lines = p.read_text().splitlines() if p.exists() else [f"# {rel}"]
        for _ in range(n_new):
            lines.insert(self.rng.randint(1, len(lines)), f"{tag}_{self.rng.randint(0, 9999)} = {self.rng.randint(0, 99)}")
        if len(lines) > 8 and self.rng.random() < 0.4:
            del lines[self.rng.randint(1, len(lines) - 1)]
        p.write_text("\n".join(lines) + "\n")

    def commit(self, msg: str, who=None) -> str:
        self.git(f"add -A && git commit -q -m {json.dumps(msg)}", who)
        return run("git rev-parse HEAD", cwd=self.root).strip()


SUBJECTS = ["Fix off-by-one in", "Refactor", "Add retry to", "Speed up", "Document", "Guard against None in",
            "Rename helper in", "Log timing of"]


FILES = [f"app/m{i:02d}.py" for i in range(20)]


def rewrite_head(r: Repo, rel: str, tag: str, n: int = 5) -> None:
    """Replace lines 2..n+1 of a file: two branches doing this to one file conflict."""
    p = r.root / rel
    body = p.read_text().splitlines()
    body[1:1 + n] = [f"{tag}_{t} = {json.dumps(f'header {t} set by {tag}')}" for t in range(n)]
    p.write_text("\n".join(body) + "\n")


def build_repo(root: Path) -> Repo:
    r = Repo(root, 23)
    for f in FILES:
        r.edit(f, 30, "init")
    r.commit("Initial import of the app modules")
    for k in range(45):
        f = r.rng.choice(FILES)
        r.edit(f, r.rng.randint(1, 5), f"v{k}")
        if k % 9 == 4:
            r.edit(f"docs/page{k}.md", 3, "doc")
        r.commit(f"{r.rng.choice(SUBJECTS)} {Path(f).stem} (#{200 + k})")
        if k == 20:
            r.git("tag -a v1.0 -m 'Release 1.0: stable API, new cache layer'")
        if k == 35:
            r.git("tag v1.1-rc1")
    # feature branches merged with --no-ff, each conflicting with main in a few files, resolved by
    # hand with lines of both sides and one of its own (what `show --cc` shows)
    for b in range(4):
        hot = FILES[b * 5:b * 5 + 5]
        r.git(f"checkout -q -b feature/f{b} main~{3 + b}")
        for j in range(3):
            r.edit(FILES[(7 * b + j) % len(FILES)], 4, f"f{b}{j}")
            r.edit(f"app/feature_{b}.py", 8, f"feat{b}")
            if j == 1:
                for f in hot:
                    rewrite_head(r, f, f"feature{b}")
            r.commit(f"feature f{b}: step {j}", GIT_PEOPLE[b % 4])
        r.git("checkout -q main")
        for f in hot:
            rewrite_head(r, f, f"main{b}")
        r.commit(f"Prepare headers for feature f{b}")
        out = r.git(f"merge --no-ff -m 'Merge branch feature/f{b}' feature/f{b}")
        if "CONFLICT" in out:
            for f in FILES:
                p = root / f
                if p.exists() and "<<<<<<<" in p.read_text():
                    kept = [ln for ln in p.read_text().splitlines() if not ln.startswith(("<<<<<<<", "=======", ">>>>>>>"))]
                    kept.insert(1, f"resolved_{b} = True  # both headers kept")
                    p.write_text("\n".join(kept) + "\n")
            r.commit(f"Merge branch feature/f{b}")
    # refs of every kind for for-each-ref
    for k in range(18):
        r.git(f"branch {'fix' if k % 3 else 'chore'}/b{k} main~{k + 1}")
    for k in range(6):
        run(f"git update-ref refs/remotes/origin/release-{k} main~{2 * k}", cwd=root)
    r.git("tag -a v2.0 -m 'Release 2.0'", GIT_PEOPLE[3])
    run("git update-ref refs/notes/commits main~4", cwd=root)
    return r


@kind("git-show-cc", "git")
def n_git_show_cc(lines):
    """Rule 5 on git show --cc of a merge: the commit hash, 'Merge:' and 'Author:' lines, the subject; every 'diff --cc' path line, every combined hunk header '@@@ … @@@', every changed line of combined hunks with < 10 changed lines."""
    out = [ln.split()[1] for ln in lines if ln.startswith("commit ")]
    out += [ln for ln in lines if ln.startswith(("Merge:", "Author:"))]
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", "\n".join(lines), re.M)]
    hunk: list[str] = []
    cols = 0  # parents of the hunk being read: its changed lines carry a +/- in the first `cols` columns

    def flush():
        if hunk and len(hunk) < 10:
            out.extend(h for h in hunk if h[cols:].strip())
        hunk.clear()
    for ln in lines:
        m = re.match(r"^(@@+) [^@]* @@+", ln)
        if ln.startswith(("diff --cc ", "diff --combined ", "diff --git ")):
            flush()
            cols = 0
            out.append(ln)
        elif m:
            flush()
            cols = len(m.group(1)) - 1
            out.append(m.group(0))
        elif cols and len(ln) >= 1 and set(ln[:cols]) <= {" ", "+", "-"} and not ln.startswith(("+++ ", "--- ")):
            if set(ln[:cols]) & {"+", "-"}:
                hunk.append(ln)
        elif cols and ln == "":
            pass
        else:
            flush()
            cols = 0
    flush()
    return out


@kind("git-show-m", "git")
def n_git_show_m(lines):
    """Rule 5 on git show -m --stat of a merge: every 'commit H (from P)' hash, the 'Merge:'/'Author:' lines, the subject, every --stat path, every stat summary."""
    out = [ln.split()[1] for ln in lines if ln.startswith("commit ")]
    out += [ln for ln in lines if ln.startswith(("Merge:", "Author:"))]
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", "\n".join(lines), re.M)]
    for ln in lines:
        m = re.match(r"^ (\S.*?) +\| +(?:\d+|Bin)", ln)
        if m:
            out.append(m.group(1))
        if re.match(r"\s*\d+ files? changed", ln):
            out.append(ln)
    return out


@kind("git-show-tag", "git")
def n_git_show_tag(lines):
    """Rule 5 on git show of an annotated tag: the 'tag', 'Tagger:' lines, the tag message, the commit hash and subject, changed paths and hunk headers."""
    out = [ln for ln in lines if ln.startswith(("tag ", "Tagger:"))]
    out += [ln.split()[1] for ln in lines if ln.startswith("commit ")]
    text = "\n".join(lines)
    out += [m.strip() for m in re.findall(r"^Tagger:.*\nDate:.*\n\n(.+)$", text, re.M)]
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", text, re.M)]
    return out + [n for n in diff_needles(lines) if isinstance(n, str) and (n.startswith(("diff --git", "@@")))]


@kind("git-log-stat", "git")
def n_git_log_stat(lines):
    """Rule 5 on git log --stat: every commit hash and subject; every stat summary line."""
    text = "\n".join(lines)
    out = re.findall(r"^commit ([0-9a-f]{40})", text, re.M)
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", text, re.M)]
    return out + [ln for ln in lines if re.match(r"^ \d+ files? changed", ln)]


@kind("git-log-numstat", "git")
def n_git_log_numstat(lines):
    """Rules 5+4 on git log --numstat: every commit hash and subject; the numstat rows with the min/max added and deleted counts."""
    text = "\n".join(lines)
    out = re.findall(r"^commit ([0-9a-f]{40})", text, re.M)
    out += [m.strip() for m in re.findall(r"^Date:.*\n\n    (.+)$", text, re.M)]
    rows = [(ln, {"add": ln.split("\t")[0], "del": ln.split("\t")[1]}) for ln in lines if re.match(r"^\d+\t\d+\t", ln)]
    return out + rule4(rows, nums=("add", "del"))


@kind("git-log-format", "git")
def n_git_log_format(lines):
    """Rule 5 on git log --format='%h %ad %an %s': every commit hash and subject."""
    out = []
    for ln in lines:
        m = re.match(r"^([0-9a-f]{7,40}) \d{4}-\d\d-\d\d (.+?) \| (.+)$", ln)
        if m:
            out += [m.group(1), m.group(3)]
    return out


@kind("git-log-graph-all", "git")
def n_git_log_graph_all(lines):
    """Rule 5 on git log --graph --all (full format): every commit hash and subject."""
    out = []
    for i, ln in enumerate(lines):
        m = re.match(r"^[*|\\/ _.-]*\* +commit ([0-9a-f]{40})", ln)
        if m:
            out.append(m.group(1))
            for k in range(i + 1, min(len(lines), i + 8)):
                if re.match(r"^[|\\/ *_.-]*Date: ", lines[k]):
                    if k + 2 < len(lines):
                        subj = re.sub(r"^[|\\/ *_.-]*?    ", "", lines[k + 2], count=1).strip()
                        if subj:
                            out.append(subj)
                    break
    return out


@kind("git-log-oneline-graph", "git")
def n_git_log_oneline_graph(lines):
    """Rule 5 on git log --oneline --graph --all --decorate: every commit hash and subject (decoration removed)."""
    out = []
    for ln in lines:
        m = re.match(r"^[*|\\/ _.-]*\* +([0-9a-f]{7,40}) (?:\([^)]*\) )?(.*)$", ln)
        if m:
            out += [m.group(1), m.group(2)]
    return out


@kind("git-blame-e", "git")
def n_blame_e(lines):
    """Rule 5 on git blame -e / -w: every distinct commit hash (without '^') and every distinct author (name or <email>)."""
    hashes, authors = [], []
    for ln in lines:
        m = re.match(r"^\^?([0-9a-f]{7,40}) (?:\S+ +)?\((.+?) +\d{4}-\d\d-\d\d ", ln)
        if m:
            if m.group(1) not in hashes:
                hashes.append(m.group(1))
            if m.group(2).strip() not in authors:
                authors.append(m.group(2).strip())
    return hashes + authors


@kind("git-conflict-op", "git")
def n_git_conflict_op(lines):
    """Rule 1 on a rebase / cherry-pick / merge that stops on conflicts: every 'CONFLICT', 'error:', 'Could not apply' and 'Automatic merge failed' line."""
    return [ln for ln in lines if re.match(r"^(CONFLICT \(|error: |Could not apply |Automatic merge failed)", ln)]


@kind("git-rebase-todo", "git")
def n_git_rebase_todo(lines):
    """Rule 5 on the rebase -i todo list: every 'pick <hash> <subject>' line's hash and subject."""
    out = []
    for ln in lines:
        m = re.match(r"^(?:pick|p) ([0-9a-f]{7,40}) (?:# )?(.+)$", ln)
        if m:
            out += [m.group(1), m.group(2)]
    return out


@kind("git-stash-show", "git")
def n_git_stash_show(lines):
    """Rules 3+5 on git stash show -p --stat: changed paths, hunk headers, +/- lines of hunks with < 10 changed lines, the stat summary."""
    return diff_needles(lines)


@kind("git-bisect", "git")
def n_git_bisect(lines):
    """Rule 5 on git bisect run / log: the 'is the first bad commit' line and the commit line above or below it; every '# good:'/'# bad:' line and every 'git bisect good|bad <hash>' line."""
    out = []
    for i, ln in enumerate(lines):
        if "is the first bad commit" in ln:
            out.append(ln)
            near = lines[i + 1:i + 8]
            out += [x for x in near if x.startswith(("commit ", "Author: "))][:2]
            subj = next((x for x in near if x.startswith("    ") and x.strip()), None)
            if subj:
                out.append(subj)
        if re.match(r"^# (good|bad|first bad commit): ", ln) or re.match(r"^git bisect (good|bad) [0-9a-f]{7,}", ln):
            out.append(ln)
    return out


@kind("git-reflog", "git")
def n_git_reflog(lines):
    """Rule 4 on git reflog: the first entry (HEAD@{0}); entries whose action (checkout, commit, merge, rebase, reset …) is rare while one dominates."""
    rows = []
    for ln in lines:
        m = re.match(r"^[0-9a-f]{7,40} \S+@\{\d+\}: ([\w-]+(?: \([\w -]+\))?)", ln)
        if m:
            rows.append((ln, {"action": m.group(1)}))
    return [r[0] for r in rows[:1]] + rule4(rows, cat=("action",))


@kind("git-for-each-ref", "git")
def n_git_for_each_ref(lines):
    """Rule 4 on git for-each-ref --format='%(objectname:short) %(objecttype) %(refname) %(authorname)': rows with a rare object type, ref namespace or author."""
    rows = []
    for ln in lines:
        p = ln.split(None, 3)
        if len(p) == 4 and p[2].startswith("refs/"):
            rows.append((ln, {"type": p[1], "ns": p[2].split("/")[1], "author": p[3]}))
    return rule4(rows, cat=("type", "ns", "author"))


def conflict_branch(r: Repo, name: str, base: str, files: list[str], n: int) -> None:
    """A branch whose commits each rewrite the first lines of some files: replaying it on main conflicts."""
    r.git(f"checkout -q -b {name} {base}")
    for j in range(n):
        for f in files[j % 2::2][:10]:
            p = r.root / f
            body = p.read_text().splitlines()
            body[1:4] = [f"{name}_{j}_{t} = 'changed on {name}'" for t in range(3)]
            p.write_text("\n".join(body) + "\n")
        r.commit(f"{name}: rewrite headers, part {j}", GIT_PEOPLE[j % 4])


def cap_git(tmp: Path) -> None:
    r = build_repo(tmp / "repo")
    root = r.root
    merges = run("git log --merges --format=%H", cwd=root).split()
    for k, sha in enumerate(merges[:2]):
        add(f"git-show-cc-{k}", f"git show --cc {sha[:10]}", run(f"git show --cc {sha}", cwd=root), n_git_show_cc)
    add("git-show-m-stat", "git show -m --stat HEAD", run("git show -m --stat HEAD", cwd=root), n_git_show_m)
    add("git-show-m-p", f"git show -m {merges[-1][:10]}", run(f"git show -m --stat -p {merges[-1]}", cwd=root), n_git_show_cc)
    add("git-show-tag", "git show v1.0", run("git show v1.0", cwd=root), n_git_show_tag)
    add("git-log-stat", "git log --stat -30", run("git log --stat -30", cwd=root), n_git_log_stat)
    add("git-log-numstat", "git log --numstat -40", run("git log --numstat -40", cwd=root), n_git_log_numstat)
    add("git-log-format", "git log --format='%h %ad %an | %s' --date=short",
        run("git log --format='%h %ad %an | %s' --date=short", cwd=root), n_git_log_format)
    add("git-log-graph-all", "git log --graph --all -40", run("git log --graph --all -40", cwd=root), n_git_log_graph_all)
    add("git-log-oneline-graph", "git log --oneline --graph --all --decorate",
        run("git log --oneline --graph --all --decorate", cwd=root), n_git_log_oneline_graph)
    files = FILES
    big = max(files, key=lambda f: (root / f).stat().st_size)
    add("git-blame-p", f"git blame -p {big}", run(f"git blame -p {big}", cwd=root), n_blame_p)
    second = sorted(files, key=lambda f: (root / f).stat().st_size)[-2]
    add("git-blame-porcelain", f"git blame --line-porcelain {second}", run(f"git blame --line-porcelain {second}", cwd=root), n_blame_p)
    add("git-blame-e", f"git blame -e {big}", run(f"git blame -e {big}", cwd=root), n_blame_e)
    add("git-blame-w", f"git blame -w {second}", run(f"git blame -w -M {second}", cwd=root), n_blame_e)
    add("git-for-each-ref", "git for-each-ref --format=...",
        run("git for-each-ref --format='%(objectname:short) %(objecttype) %(refname) %(authorname)%(taggername)'", cwd=root),
        n_git_for_each_ref)
    # a rebase and a cherry-pick that stop on conflicts; the interactive todo list
    conflict_branch(r, "topic/rewrite", "main~12", files, 6)
    add("git-rebase-conflict", "git rebase main", r.git("rebase main"), n_git_conflict_op)
    r.git("rebase --abort")
    add("git-rebase-todo", "GIT_SEQUENCE_EDITOR=cat git rebase -i main~25",
        run("git checkout -q main && GIT_SEQUENCE_EDITOR=cat git rebase -i main~25; git rebase --abort 2>/dev/null", cwd=root,
            env=r.env()), n_git_rebase_todo)
    run("git checkout -q main", cwd=root)
    picks = run("git log --format=%H -5 topic/rewrite", cwd=root).split()
    add("git-cherry-pick-conflict", "git cherry-pick <5 commits>", r.git("cherry-pick " + " ".join(reversed(picks))),
        n_git_conflict_op)
    r.git("cherry-pick --abort")
    # a merge of many conflicting files (the merge command's own report)
    conflict_branch(r, "topic/wide", "main~8", files, 4)
    r.git("checkout -q main")
    for f in files:
        r.edit(f, 2, "mainline")
        p = root / f
        body = p.read_text().splitlines()
        body[1:4] = [f"main_{t} = 'changed on main'" for t in range(3)]
        p.write_text("\n".join(body) + "\n")
    r.commit("Rewrite module headers on main")
    add("git-merge-conflict", "git merge topic/wide", r.git("merge topic/wide"), n_git_conflict_op)
    r.git("merge --abort")
    # stash
    for f in files[:5]:
        r.edit(f, 4, "wip")
    r.git("stash push -q -m 'wip: tuning'")
    add("git-stash-show", "git stash show -p --stat", run("git stash show -p --stat", cwd=root), n_git_stash_show)
    r.git("stash drop -q")
    # bisect: a commit in the middle breaks a check
    run("git checkout -q main", cwd=root)
    shas = run("git log --first-parent --format=%H -40", cwd=root).split()
    bad = shas[17]
    (tmp / "check.sh").write_text(f"#!/bin/sh\ngit merge-base --is-ancestor {bad} HEAD && exit 1\nexit 0\n")
    os.chmod(tmp / "check.sh", 0o755)
    out = run(f"git bisect start HEAD {shas[-1]} && git bisect run {tmp / 'check.sh'}", cwd=root)
    add("git-bisect-run", f"git bisect start HEAD {shas[-1][:10]} && git bisect run ./check.sh", out, n_git_bisect)
    add("git-bisect-log", "git bisect log", run("git bisect log", cwd=root), n_git_bisect)
    run("git bisect reset -q", cwd=root)
    r.git("commit -q --amend -m 'Rewrite module headers on main (amended)'")
    r.git("reset -q --hard HEAD~2")
    r.git("reset -q --hard ORIG_HEAD")
    add("git-reflog", "git reflog", run("git reflog", cwd=root), n_git_reflog)


# ================================================================== main

STEPS = [cap_listings, cap_git]


def main() -> None:
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
