"""Round 29, Debian's tools, loopback network tools and system listings: a small .deb built here (a shipping-label
tool, with packaging mistakes put in) read by lintian, dpkg-deb -I / -c, and debsums once installed and tampered
with; apt-cache depends / rdepends; nmap -sV, curl --trace-ascii and openssl s_server against servers started here on
127.0.0.1 only; and the machine's own listings (ps alx, ss -xp, ip -s link, ip route show table all, lsns,
/proc/<pid>/maps, /proc/net/tcp, /proc/<pid>/status) while those servers run. Rules: NEEDLES.md ("Round 29").
Run through capture_wide29.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from capture_data import free_port, rule4, stop, wait_port
from capture_more import groups, kind, run, start, write_tree
from capture_wide24 import table
from capture_wide29 import add, cap

PKG = "hm-wide29-labels"

CONTROL = f'''Package: {PKG}
Version: 0.9.2-1
Architecture: all
Maintainer: Depot Team <depot@example.invalid>
Installed-Size: 412
Depends: python3 (>= 3.9), python3-yaml, libc6
Section: misc
Priority: optional
Description: print shipping labels for the parcel depot
 Renders shipping labels from the depot's CSV exports.
'''


def build_deb(root: Path) -> Path:
    """A package tree with mistakes lintian reports: no changelog or copyright, a script without a man page,
    files under /usr/local, a world-writable file, a setuid helper."""
    rng = random.Random(2906)
    d = root / PKG
    files = {"DEBIAN/control": CONTROL,
             "usr/bin/print-labels": "#!/usr/bin/python3\nimport sys\nprint('label', *sys.argv[1:])\n",
             "usr/bin/labels-sync": "#!/bin/bash\nrsync -a \"$1\" /var/spool/labels/\n",
             "usr/local/share/labels/README": "local docs\n",
             "etc/labels/labels.conf": "printer = zebra\n"}
    for i in range(70):
        z = rng.choice(["A", "B", "C", "D"])
        files[f"usr/share/{PKG}/templates/zone{z}/label-{i:03d}.tmpl"] = ("{{id}} {{dest}}\n" * rng.randint(1, 400))
    write_tree(d, files)
    run(f"chmod 755 {d}/usr/bin/* && chmod 4755 {d}/usr/bin/labels-sync && chmod 666 {d}/etc/labels/labels.conf "
        f"&& chown -R 1000:1000 {d}/usr/share/{PKG}/templates/zoneD", cwd=root)
    run(f"dpkg-deb --build {PKG} {PKG}_0.9.2-1_all.deb", cwd=root, timeout=120)
    return root / f"{PKG}_0.9.2-1_all.deb"


@kind("lintian", "lint")
def n_lintian(lines):
    """Rule 1: every E: line; W: lines one {"any"} per tag."""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("E: "):
            out.append(ln)
        m = re.match(r"^W: \S+: (\S+)", ln)
        if m:
            pairs.append((m.group(1), ln))
    return out + groups(pairs)


@kind("dpkg-deb-info", "pkg")
def n_deb_info(lines):
    """Rule 5: the new Debian package line and the Package, Version, Architecture, Depends and Installed-Size fields."""
    return [ln for ln in lines if "new Debian package" in ln
            or re.match(r"^\s*(Package|Version|Architecture|Depends|Installed-Size):", ln)]


N_DEB_CONTENTS = table("dpkg-deb-contents", "listing",
                       "Rule 4: rows with a rare mode or owner, the largest and smallest size.",
                       header=r"^$a", names=["mode", "owner", "size", "date", "time", "path"],
                       cat=["mode", "owner"], nums=["size"], row=r"^[-dl][rwxsStT-]{9} ")


@kind("debsums", "pkg")
def n_debsums(lines):
    """Rules 1+4: every line whose status is not OK (FAILED, REPLACED, missing) and every debsums: error line."""
    return [ln for ln in lines if ln.startswith("debsums:") or (ln.strip() and not re.search(r"\s+OK$", ln))]


def debian(tmp: Path) -> None:
    root = tmp / "deb"
    root.mkdir()
    deb = build_deb(root)
    cap("lintian-labels", f"lintian --no-tag-display-limit {deb.name}", root, n_lintian, timeout=400)
    cap("dpkg-deb-info-labels", f"dpkg-deb -I {deb.name}", root, n_deb_info)
    cap("dpkg-deb-contents-labels", f"dpkg-deb -c {deb.name}", root, N_DEB_CONTENTS)
    run(f"dpkg -i --force-depends {deb.name}", cwd=root, env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=120)
    try:
        run(f"echo 'printer = laser' >> /usr/share/{PKG}/templates/zoneB/label-0$(ls /usr/share/{PKG}/templates/zoneB | head -1 | tr -dc 0-9 | cut -c2-3).tmpl; "
            f"f=$(ls /usr/share/{PKG}/templates/zoneC/* | head -2 | tail -1); rm -f $f; "
            f"sed -i 's/dest/destination/' $(ls /usr/share/{PKG}/templates/zoneA/* | tail -1)", cwd=root)
        cap("debsums-labels", f"debsums {PKG} gzip sed", root, n_debsums)
    finally:
        run(f"dpkg -r {PKG}", cwd=root, env={"DEBIAN_FRONTEND": "noninteractive"}, timeout=120)


@kind("apt-cache-depends", "pkg")
def n_apt_depends(lines):
    """Rule 5: each queried package's line and every Depends: / PreDepends: line of it."""
    return [ln for ln in lines if re.match(r"^\S", ln) or re.match(r"^\s+\|?(Pre)?Depends: ", ln)]


@kind("apt-cache-rdepends", "pkg")
def n_apt_rdepends(lines):
    """Rule 5: the queried package's line, the Reverse Depends: header, the first and last entries."""
    i = next((k for k, ln in enumerate(lines) if ln.startswith("Reverse Depends:")), None)
    if i is None:
        return []
    entries = [ln for ln in lines[i + 1:] if ln.startswith(" ")]
    return [lines[i - 1] if i else None, lines[i]] + entries[:1] + entries[-1:]


def apt(tmp: Path) -> None:
    cap("apt-cache-depends-pg", "apt-cache depends postgresql-15 lintian valgrind", tmp, n_apt_depends)
    cap("apt-cache-rdepends-libssl3", "apt-cache rdepends libssl3", tmp, n_apt_rdepends)


# ------------------------------------------------------------------ loopback network tools

BANNER = ("import socket,sys\ns=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
          "s.bind(('127.0.0.1',int(sys.argv[1])));s.listen(8)\n"
          "while True:\n c,_=s.accept();c.sendall(sys.argv[2].encode()+b'\\r\\n');c.close()\n")


@kind("nmap-sv", "table")
def n_nmap(lines):
    """Rules 4+5: the PORT STATE SERVICE header, every open port row, the Not shown: line and the Nmap done: line."""
    return [ln for ln in lines if ln.startswith("PORT ") or re.match(r"^\d+/tcp\s+open\s", ln)
            or ln.startswith(("Not shown:", "Nmap done:"))]


@kind("curl-trace-ascii", "log")
def n_curl_trace(lines):
    """Rules 1+5: == Info: lines of connects, TLS results and failures, each request line and response status line, curl: (N) errors."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("== Info:") and re.search(r"connect|Connected|TLS|SSL|fail|error|refused|timed out", ln, re.I):
            out.append(ln)
        if re.match(r"^0000: (GET|POST|PUT|HEAD|DELETE) \S+ HTTP/", ln) or re.match(r"^0000: HTTP/\S+ \d{3}", ln):
            out.append(ln)
        if re.match(r"^curl: \(\d+\)", ln):
            out.append(ln)
    return out


@kind("openssl-s-server", "log")
def n_s_server(lines):
    """Rules 1+5: every line holding error or ERROR, the ACCEPT line, the Protocol / Cipher lines of each session."""
    return [ln for ln in lines if re.search(r"error|ERROR", ln) or ln.strip() == "ACCEPT"
            or re.match(r"^\s*(Protocol|Cipher|CIPHER is|Shared ciphers)\b", ln) and "Shared" not in ln]


def network(tmp: Path) -> dict:
    root = tmp / "net"
    root.mkdir()
    write_tree(root, {"banner.py": BANNER, "site/index.html": "<h1>depot</h1>\n" * 40,
                      "site/api/parcels.json": '{"parcels": [' + ",".join(f'{{"id": "P{i}"}}' for i in range(60)) + "]}\n"})
    http, ban1, ban2, tls = free_port(), free_port(), free_port(), free_port()
    procs = {"http": start(f"exec python3 -m http.server {http} --bind 127.0.0.1 --directory site", cwd=root),
             "ssh": start(f"exec python3 banner.py {ban1} 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'", cwd=root),
             "smtp": start(f"exec python3 banner.py {ban2} '220 depot.example ESMTP Postfix (Debian/GNU)'", cwd=root)}
    run("openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30 -subj /CN=depot.local",
        cwd=root, timeout=60)
    log = open(root / "s_server.log", "wb")
    procs["tls"] = start(f"exec openssl s_server -accept {tls} -cert cert.pem -key key.pem -www -state", cwd=root, log=log)
    for port in (http, ban1, ban2, tls):
        wait_port(port)
    ports = f"1-1024,{http},{ban1},{ban2},{tls}"
    cap("nmap-sv-loopback", f"nmap -sV --version-light -p {ports} 127.0.0.1", root, n_nmap, timeout=300)
    cap("curl-trace-ascii-depot",
        f"curl -sS --trace-ascii - http://127.0.0.1:{http}/api/parcels.json http://127.0.0.1:{http}/api/missing.json "
        f"https://127.0.0.1:{tls}/ http://127.0.0.1:{tls}/", root, n_curl_trace)
    for flags in ("-tls1_3", "-tls1_2", "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256", "-tls1_1", "-ssl3", "-tls1_3"):
        run(f"echo 'GET / HTTP/1.0' | timeout 5 openssl s_client -connect 127.0.0.1:{tls} {flags} -quiet", cwd=root, timeout=20)
    run(f"printf 'GET / HTTP/1.0\\r\\n\\r\\n' | timeout 3 curl -s http://127.0.0.1:{tls}/", cwd=root, timeout=10)
    time.sleep(1)
    log.flush()
    add("openssl-s-server-depot", f"openssl s_server -accept {tls} -cert cert.pem -key key.pem -www -state",
        (root / "s_server.log").read_text(errors="replace"), n_s_server)
    procs["tls_port"] = tls
    return procs


# ------------------------------------------------------------------ system listings

N_PS_ALX = table("ps-alx", "listing", "Rule 4: the header, rows with a rare STAT or WCHAN, the largest and smallest VSZ and RSS.",
                 header=r"^F\s+UID\s+PID", names=["F", "UID", "PID", "PPID", "PRI", "NI", "VSZ", "RSS", "WCHAN", "STAT",
                                                   "TTY", "TIME", "COMMAND"], cat=["STAT", "WCHAN"], nums=["VSZ", "RSS"])
N_SS_XP = table("ss-xp", "listing", "Rule 4: the header, rows with a rare state or socket type, the largest and smallest queues.",
                header=r"^Netid\s+State", names=["netid", "state", "recvq", "sendq", "local", "lport", "peer", "pport",
                                                 "process"], cat=["netid", "state"], nums=["recvq", "sendq"])
N_LSNS = table("lsns", "listing", "Rule 4: the header, rows of a rare namespace type, the most and fewest processes.",
               header=r"^\s*NS\s+TYPE", names=["ns", "type", "nprocs", "pid", "user", "command"], cat=["type"],
               nums=["nprocs"])


N_PMAP = table("pmap-x", "listing", "Rule 4: the header, rows with a rare mode or mapping, the largest and smallest RSS, the total kB line.",
               header=r"^Address\s+Kbytes\s+RSS", names=["addr", "kbytes", "rss", "dirty", "mode", "mapping"],
               cat=["mode", "mapping"], nums=["rss"], row=r"^[0-9a-f]{8,} ", extra=r"^total kB")


@kind("prlimit", "listing")
def n_prlimit(lines):
    """Rule 4: the header and the rows whose soft or hard limit is rare."""
    hdr = next((ln for ln in lines if ln.startswith("RESOURCE")), None)
    rows = []
    for ln in lines:
        m = re.match(r"^(\S+)\s+(.+?)\s+(unlimited|\d+)\s+(unlimited|\d+)(?:\s+(\S+))?$", ln)
        if m:
            rows.append((ln, {"soft": m.group(3), "hard": m.group(4)}))
    return rule4(rows, cat=["soft", "hard"], header=[hdr] if hdr else [])


@kind("ip-s-link", "listing")
def n_ip_s_link(lines):
    """Rule 4: every interface header and every counter row with non-zero errors or drops."""
    out = [ln for ln in lines if re.match(r"^\d+: \S+:", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^\s+[RT]X:\s+bytes\s+packets\s+errors\s+dropped", ln) and i + 1 < len(lines):
            vals = lines[i + 1].split()
            if len(vals) >= 4 and (vals[2] != "0" or vals[3] != "0"):
                out.append(lines[i + 1])
    return out


@kind("ip-route-table-all", "listing")
def n_ip_route(lines):
    """Rule 4: rows of a rare route type, the default routes."""
    types = ("local", "broadcast", "unreachable", "blackhole", "prohibit", "multicast", "anycast", "throw")
    rows = [(ln, {"type": ln.split()[0] if ln.split()[0] in types else "unicast"}) for ln in lines if ln.strip()]
    return rule4(rows, cat=["type"]) + [ln for ln in lines if ln.startswith("default")]


@kind("proc-pid-maps", "listing")
def n_proc_maps(lines):
    """Rule 4: the first row, rows with rare perms or path, the [heap] and [stack] rows."""
    rows = []
    for ln in lines:
        p = ln.split(None, 5)
        if len(p) >= 5:
            rows.append((ln, {"perms": p[1], "path": p[5] if len(p) > 5 else "<anon>"}))
    out = lines[:1] + rule4(rows, cat=["perms", "path"])
    return out + [ln for ln in lines if ln.endswith(("[heap]", "[stack]"))]


@kind("proc-net-tcp", "listing")
def n_proc_net_tcp(lines):
    """Rule 4: the header, rows with a rare st, the largest and smallest tx and rx queues."""
    hdr = next((ln for ln in lines if re.match(r"^\s*sl\s+local_address", ln)), None)
    rows = []
    for ln in lines:
        m = re.match(r"^\s*\d+: (\S+) (\S+) (\S\S) ([0-9A-F]+):([0-9A-F]+)", ln)
        if m:
            rows.append((ln, {"st": m.group(3), "tx": str(int(m.group(4), 16)), "rx": str(int(m.group(5), 16))}))
    return rule4(rows, cat=["st"], nums=["tx", "rx"], header=[hdr] if hdr else [])


@kind("proc-pid-status", "listing")
def n_proc_status(lines):
    """Rule 5: the Name, State, Pid, PPid, VmPeak, VmRSS and Threads lines."""
    return [ln for ln in lines if re.match(r"^(Name|State|Pid|PPid|VmPeak|VmRSS|Threads):", ln)]


def listings(tmp: Path) -> None:
    procs = network(tmp)
    try:
        # a few idle connections held open to the banner servers and the TLS server, as a busy host has
        holders = [start(f"exec python3 -c \"import socket,time;ss=[socket.create_connection(('127.0.0.1',{procs['tls_port']})) "
                         f"for _ in range(6)];time.sleep(60)\"", cwd=tmp)]
        time.sleep(1)
        cap("ps-alx-host", "ps alx", tmp, N_PS_ALX)
        cap("ss-xp-host", "ss -xp", tmp, N_SS_XP)
        cap("ip-s-link-host", "ip -s link", tmp, n_ip_s_link)
        cap("ip-route-table-all-host", "ip route show table all", tmp, n_ip_route)
        cap("lsns-host", "lsns", tmp, N_LSNS)
        http = procs["http"].pid
        cap("proc-pid-maps-http", f"cat /proc/{http}/maps", tmp, n_proc_maps)
        cap("proc-pid-status-http", f"cat /proc/{http}/status", tmp, n_proc_status)
        cap("pmap-x-http", f"pmap -x {http}", tmp, N_PMAP)
        cap("prlimit-http", f"prlimit --pid {http}", tmp, n_prlimit)
        cap("proc-net-tcp-host", "cat /proc/net/tcp", tmp, n_proc_net_tcp)
        for h in holders:
            stop(h)
    finally:
        for name, p in procs.items():
            if name != "tls_port":
                stop(p)


STEPS = [debian, apt, listings]
