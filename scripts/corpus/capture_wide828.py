#!/usr/bin/env python3
"""Capture round 828 of the compression corpus: Linux network and system diagnostics on loopback in outputs the
corpus lacks, on a signal box's small services written here (a `frame` HTTP API over levers, block bells, semaphores
and signalmen that answers 500/503/404 for some levers; a `bells` server that accepts and never closes, so its
sockets sit in CLOSE-WAIT and fill with unread data; a `semaphores` listener with a backlog of 2 that never accepts;
a `gantry` port the firewall DROPs, a `points` port it REJECTs with tcp-reset, a `distant` iperf3 port where it drops
one packet in twelve). Everything runs inside a private network namespace (`unshare -n`, only `lo`), so no other
process's sockets, counters or firewall are seen or touched.

Kinds (rules in NEEDLES.md's "Round 828" section), all NEW: ss-tani, nmap-connect-scan, nmap-grepable,
iptables-L-v-n, tcpdump-vv, tcpdump-X, sar-n-tcp, netstat-s, iperf3-json, socat-v. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide828.py [--out PATH] [--keep] [--only STEPS]
         (run as root: it re-executes itself under `unshare -n`)
Writes:  scripts/corpus/data/wide828.json  as {"version": 2, "items": [...]}, ids prefixed "wide828-".
Tools:   ss (iproute2 6.1.0), netstat (net-tools 2.10), curl 7.88.1; and, unpacked from Debian 12's packages with
         `apt-get download` + `dpkg -x` under /dev/shm/hm-corpus-wide828/root (not installed): nmap 7.93+dfsg1-1,
         tcpdump 4.99.3-1, sysstat 12.6.1-1 (sar, sadc), iperf3 3.12-1+deb12u2, socat 1.7.4.4-2, iptables 1.8.9-2
         (legacy), with their libraries (libpcap0.8, libpcre3, liblinear4, liblua5.3-0, lua-lpeg, libwrap0,
         libnftnl11, libip4tc2, libip6tc2, libxtables12, libblas3).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide828-"
DEFAULT_OUT = HERE / "data" / "wide828.json"
TMP = Path("/dev/shm/hm-corpus-wide828-run")
TOOLS = Path("/dev/shm/hm-corpus-wide828")
ROOTFS = TOOLS / "root"
BIN = TOOLS / "bin"
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

DEBS = ["nmap", "nmap-common", "sysstat", "tcpdump", "socat", "iperf3", "libiperf0", "iptables", "libpcre3",
        "libpcap0.8", "liblinear4", "lua-lpeg", "liblua5.3-0", "libwrap0", "libnftnl11", "libblas3", "libip4tc2",
        "libip6tc2", "libxtables12"]
LINKS = {"nmap": "usr/bin/nmap", "tcpdump": "usr/bin/tcpdump", "sar": "usr/bin/sar.sysstat",
         "sadc": "usr/lib/sysstat/sadc", "iperf3": "usr/bin/iperf3", "socat": "usr/bin/socat",
         "iptables": "usr/sbin/xtables-legacy-multi"}
LIBS = f"{ROOTFS}/usr/lib/x86_64-linux-gnu:{ROOTFS}/lib/x86_64-linux-gnu:{ROOTFS}/usr/lib/x86_64-linux-gnu/blas"
ENV = {"LD_LIBRARY_PATH": LIBS, "XTABLES_LIBDIR": f"{ROOTFS}/usr/lib/x86_64-linux-gnu/xtables",
       "NMAPDIR": f"{ROOTFS}/usr/share/nmap", "LC_ALL": "C", "LANG": "C", "S_TIME_FORMAT": "ISO"}

# the signal box's ports (inside the namespace)
FRAME, BELLS, SEMA, GANTRY, POINTS, IPERF, DISTANT, CLOSED = 8028, 8128, 8228, 8328, 8428, 5201, 5228, 8528


def ensure_tools() -> None:
    deb = TOOLS / "deb"
    deb.mkdir(parents=True, exist_ok=True)
    if not (ROOTFS / LINKS["nmap"]).exists():
        cm.run("apt-get download " + " ".join(DEBS), cwd=deb, timeout=300)
        cm.run(f"for d in *.deb; do dpkg -x $d {ROOTFS}; done", cwd=deb, timeout=300)
    BIN.mkdir(parents=True, exist_ok=True)
    for name, rel in LINKS.items():
        link = BIN / name
        if not link.exists():
            link.symlink_to(ROOTFS / rel)
    assert (ROOTFS / LINKS["nmap"]).exists(), "nmap not unpacked"


# ================================================================== extractors (NEEDLES.md, round 828)

EXIT = re.compile(r"^EXIT=\d+$")
TOOL_ERR = re.compile(r"(?i)\b(error|failed|cannot|invalid|refused|unreachable)\b")


def _common(lines: list[str], keep=lambda ln: True) -> list:
    """EXIT=N lines, and every line where the tool reports an error of its own (rule 1)."""
    out: list = [ln for ln in lines if EXIT.match(ln)]
    out += [ln for ln in lines if keep(ln) and TOOL_ERR.search(ln)]
    return out


def _num(tok: str) -> float | None:
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)([KMGT]?)", tok)
    if not m:
        return None
    return float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}[m.group(2)]


SS_HEAD = re.compile(r"^(State|Netid)\s+Recv-Q\s+Send-Q")


@cm.kind("ss-tani", "listing")
def n_ss_tani(lines: list[str]) -> list:
    """header; rule 4 on State; every CLOSE-WAIT and LISTEN row (<=40 each, else first/last); max Recv-Q/Send-Q rows; TCP-info lines with retrans/lost/backoff/unacked and their rows"""
    out: list = _common(lines, keep=lambda ln: not ln.startswith(("\t", " ")))
    rows: list[tuple[int, str, list[str]]] = []
    for i, ln in enumerate(lines):
        if SS_HEAD.match(ln):
            out.append(ln)
        elif ln and not ln[0].isspace() and not EXIT.match(ln):
            f = ln.split()
            if len(f) >= 5 and f[1].isdigit() and f[2].isdigit():
                rows.append((i, ln, f))
    if not rows:
        return out
    states = Counter(f[0] for _, _, f in rows)
    top = states.most_common(1)[0][1]
    if top * 2 >= len(rows):
        out += [ln for _, ln, f in rows if states[f[0]] <= 2]
    for st in ("CLOSE-WAIT", "LISTEN"):
        these = [ln for _, ln, f in rows if f[0] == st]
        out += these if len(these) <= 40 else [these[0], these[-1]]
    for col in (1, 2):
        best = max(rows, key=lambda r: int(r[2][col]))
        if int(best[2][col]) > 0:
            out.append(best[1])
    row_at = {i: ln for i, ln, _ in rows}
    for i, ln in enumerate(lines):
        if ln[:1].isspace() and i - 1 >= 0:
            m = re.search(r"\bretrans:\d+/(\d+)", ln)
            bad = (m and int(m.group(1)) > 0) or re.search(r"\b(lost|backoff|unacked):[1-9]", ln)
            if bad:
                out.append(ln)
                for k in range(i - 1, -1, -1):
                    if k in row_at:
                        out.append(row_at[k])
                        break
    return out


NMAP_PORT = re.compile(r"^\d+/(tcp|udp)\s+\S+")


@cm.kind("nmap-connect-scan", "listing")
def n_nmap_connect(lines: list[str]) -> list:
    """report/Host is up/Not shown/PORT header lines; every port row (<=60, else rule 4 on state + first/last); Discovered lines (<=60); Nmap done; WARNING one any per shape"""
    out: list = _common(lines, keep=lambda ln: not NMAP_PORT.match(ln) and not ln.startswith("WARNING"))
    out += [ln for ln in lines if ln.startswith(("Nmap scan report for", "Host is up", "Not shown:", "Nmap done:",
                                                  "All ")) or re.match(r"^PORT\s+STATE", ln)]
    ports = [ln for ln in lines if NMAP_PORT.match(ln)]
    if len(ports) <= 60:
        out += ports
    elif ports:
        st = Counter(ln.split()[1] for ln in ports)
        if st.most_common(1)[0][1] * 2 >= len(ports):
            out += [ln for ln in ports if st[ln.split()[1]] <= 2]
        out += [ports[0], ports[-1]]
    disc = [ln for ln in lines if ln.startswith("Discovered open port")]
    if len(disc) <= 60:
        out += disc
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("WARNING"))
    return out


@cm.kind("nmap-grepable", "listing")
def n_nmap_grepable(lines: list[str]) -> list:
    """every Host: line (first 200 chars); each port entry whose state is not the line's commonest (<=60); # Nmap done"""
    out: list = _common(lines, keep=lambda ln: not ln.startswith("Host:"))
    entries: list[str] = []
    for ln in lines:
        if ln.startswith("Host:"):
            out.append(ln)
            m = re.search(r"\tPorts: (.*?)(\t|$)", ln)
            if m:
                ents = [e.strip() for e in m.group(1).split(",") if e.strip()]
                st = Counter(e.split("/")[1] for e in ents if e.count("/") >= 2)
                if st:
                    common = st.most_common(1)[0][0]
                    entries += [e for e in ents if e.count("/") >= 2 and e.split("/")[1] != common]
        elif ln.startswith("# Nmap done"):
            out.append(ln)
    out += entries[:60]
    return out


@cm.kind("iptables-L-v-n", "table")
def n_iptables(lines: list[str]) -> list:
    """every Chain line; every rule row whose target is DROP, REJECT or LOG; the largest non-zero pkts row per chain; error lines"""
    out: list = _common(lines, keep=lambda ln: not ln.startswith("Chain"))
    head: list[str] = []
    best: tuple[float, str] | None = None

    def flush():
        if best and best[0] > 0:
            out.append(best[1])
    for ln in lines:
        if ln.startswith("Chain "):
            flush()
            best, head = None, []
            out.append(ln)
        elif re.match(r"^\s*(num\s+)?pkts\s+bytes\s+target", ln):
            head = ln.split()
        elif head and ln.strip():
            f = ln.split()
            ti, pi = head.index("target"), head.index("pkts")
            # a rule with no target (counting only) has one field fewer before prot
            if len(f) <= ti:
                continue
            tgt = f[ti] if not re.fullmatch(r"\d+|all|tcp|udp|icmp", f[ti]) else ""
            if tgt in ("DROP", "REJECT", "LOG"):
                out.append(ln)
            p = _num(f[pi])
            if p is not None and (best is None or p > best[0]):
                best = (p, ln)
    flush()
    return out


TCP_PKT = re.compile(r"(\d+\.\d+\.\d+\.\d+)\.(\d+) > (\d+\.\d+\.\d+\.\d+)\.(\d+): Flags \[([^\]]*)\]")
HEX = re.compile(r"^\s+0x[0-9a-f]{4}:")


def _tcpdump(lines: list[str]) -> list:
    body = [ln for ln in lines if not HEX.match(ln)]
    out: list = _common(body, keep=lambda ln: not TCP_PKT.search(ln))
    pk = [ln for ln in body if TCP_PKT.search(ln)]
    if pk:
        out += [pk[0], pk[-1]]
    ports: Counter = Counter()
    for ln in pk:
        m = TCP_PKT.search(ln)
        ports.update({m.group(2), m.group(4)})
    for ln in pk:
        m = TCP_PKT.search(ln)
        if "R" in m.group(5) or ports[m.group(2)] <= 2 or ports[m.group(4)] <= 2:
            out.append(ln)
    out += [ln for ln in body if re.search(r"\[\|tcp\]|truncated|\bbad\b", ln) or ln.startswith("reading from file")]
    return out


n_tcpdump_vv = cm.named("tcpdump-vv", "log", "first/last packet's TCP line; every R packet; every packet to/from a port seen in <=2 packets; [|tcp]/truncated/bad lines; reading from file line", _tcpdump)
n_tcpdump_x = cm.named("tcpdump-X", "log", "packet lines as tcpdump-vv (hex dump lines no needle); reading from file line", _tcpdump)

SAR_TIME = re.compile(r"^(\d\d:\d\d:\d\d)(\s+[AP]M)?\s+")


@cm.kind("sar-n-tcp", "table")
def n_sar_tcp(lines: list[str]) -> list:
    """per section: header and Average rows; per numeric column the first row holding its non-zero maximum; sar error lines"""
    out: list = _common(lines) + [ln for ln in lines if re.search(r"Requested activities not available", ln)]
    sec_rows: list[list[str]] = []
    header = None

    def flush():
        if not sec_rows or header is None:
            return
        ncol = len(header)
        for c in range(ncol):
            vals = [(_num(r[1][c]) if c < len(r[1]) else None, r[0]) for r in sec_rows]
            vals = [(v, ln) for v, ln in vals if v is not None]
            if vals:
                mx = max(v for v, _ in vals)
                if mx > 0:
                    out.append(next(ln for v, ln in vals if v == mx))
    for ln in lines:
        m = SAR_TIME.match(ln)
        if not ln.strip():
            flush()
            sec_rows, header = [], None
        elif ln.startswith("Average:"):
            out.append(ln)
        elif m:
            rest = ln[m.end():].split()
            if rest and all(_num(t) is None for t in rest):
                flush()
                sec_rows, header = [], rest
                out.append(ln)
            elif header is not None and rest:
                sec_rows.append((ln, rest))
    flush()
    return out


NETSTAT_BAD = re.compile(r"(?i)fail|reset|retrans|drop|overflow|error|bad|timeout|abort|prune|collapse|listen|reject"
                         r"|lost|active connection openings|passive connection openings|connections established")


@cm.kind("netstat-s", "table")
def n_netstat_s(lines: list[str]) -> list:
    """every section header; every counter line naming a failure/anomaly; active/passive openings and connections established"""
    out: list = [ln for ln in lines if EXIT.match(ln)]
    for ln in lines:
        if re.match(r"^[A-Za-z0-9]+:$", ln):
            out.append(ln)
        elif ln[:1].isspace() and NETSTAT_BAD.search(ln):
            out.append(ln)
    return out


IPERF_KEY = re.compile(r'^\s*"([^"]+)":\s*(.*?),?$')


@cm.kind("iperf3-json", "json")
def n_iperf3_json(lines: list[str]) -> list:
    """error line; connecting_to host/port; end sum_sent/sum_received/sum bits_per_second/retransmits/lost_percent/bytes; cpu host_total/remote_total; max/min interval sum bits_per_second"""
    out: list = [ln for ln in lines if EXIT.match(ln)]
    stack: list[str] = []
    ivals: list[tuple[float, str]] = []

    def flush():
        if ivals:
            out.append(max(ivals)[1])
            out.append(min(ivals)[1])
        ivals.clear()
    for ln in lines:
        s = ln.strip()
        if not s or EXIT.match(s):
            continue
        if s == "{" and not stack:
            flush()
            stack.append("$")
            continue
        m = IPERF_KEY.match(ln)
        if m:
            key, val = m.group(1), m.group(2).rstrip(",")
            if val and set(val) <= set("{["):
                stack.append(key)
                stack += ["[]"] * (len(val) - 1)
                continue
            path = [k for k in stack if k not in ("$", "[]")] + [key]
            if key == "error":
                out.append(ln)
            elif path[:2] == ["start", "connecting_to"] and key in ("host", "port"):
                out.append(ln)
            elif len(path) == 3 and path[0] == "end" and path[1] in ("sum_sent", "sum_received", "sum") \
                    and key in ("bits_per_second", "retransmits", "lost_percent", "bytes"):
                out.append(ln)
            elif path[:2] == ["end", "cpu_utilization_percent"] and key in ("host_total", "remote_total"):
                out.append(ln)
            elif path == ["intervals", "sum", "bits_per_second"]:
                try:
                    ivals.append((float(val), ln))
                except ValueError:
                    pass
            continue
        closes = sum(ch in "}]" for ch in s)
        opens = sum(ch in "{[" for ch in s)
        for _ in range(closes):
            if stack:
                stack.pop()
        stack += ["[]"] * opens
    flush()
    return out


SOCAT_LOG = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d socat\[\d+\] ([EFWNI]) ")
SOCAT_XFER = re.compile(r"^[<>] \d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d+\s+length=(\d+) from=(\d+) to=\d+")


@cm.kind("socat-v", "log")
def n_socat_v(lines: list[str]) -> list:
    """socat E/F lines, W lines one any per shape; every transfer header (<=40, else first/last/largest); HTTP status lines >=400; first request line per connection"""
    out: list = [ln for ln in lines if EXIT.match(ln)]
    warn = []
    for ln in lines:
        m = SOCAT_LOG.match(ln)
        if m and m.group(1) in "EF":
            out.append(ln)
        elif m and m.group(1) == "W":
            warn.append((cm.mask(ln.split("] ", 1)[1]), ln))
    out += cm.groups(warn)
    xf = [(int(SOCAT_XFER.match(ln).group(1)), ln) for ln in lines if SOCAT_XFER.match(ln)]
    if len(xf) <= 40:
        out += [ln for _, ln in xf]
    else:
        out += [xf[0][1], xf[-1][1], max(xf)[1]]
    want_req = False
    for ln in lines:
        m = SOCAT_XFER.match(ln)
        if m:
            want_req = ln.startswith(">") and m.group(2) == "0"
            continue
        if want_req and re.match(r"^(GET|POST|HEAD|PUT|DELETE) \S+ HTTP/", ln):
            out.append(ln)
            want_req = False
        st = re.search(r"HTTP/1\.[01] (\d{3})\b", ln)
        if st and int(st.group(1)) >= 400:
            out.append(ln)
    return out


# ================================================================== material: the signal box

SIGNALBOX = r'''
import json, socket, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

role, port = sys.argv[1], int(sys.argv[2])
COLOURS = ["red", "black", "blue", "brown", "white", "yellow"]
LEVERS = {n: {"lever": n, "colour": COLOURS[n % 6], "function": ["home signal", "distant", "points", "facing point lock",
                                                                    "gate", "spare"][n % 6],
              "pulled": n % 3 == 0, "locks": [m for m in (n + 1, n + 4, n + 9) if m <= 40],
              "released_by": [n - 2] if n > 2 else []} for n in range(1, 41)}
SIGNALMEN = [{"name": nm, "shift": ["early", "late", "night"][i % 3], "box": ["Stoke Jn", "Marsh Lane", "Hilton"][i % 3],
              "rule_book": 1998 + i} for i, nm in enumerate(["A. Pennock", "B. Ruddle", "C. Hartshorn", "D. Wainwright",
                                                             "E. Gatley", "F. Oddie", "G. Tunnicliffe", "H. Mold"])]
BELLS = {"call attention": "1", "is line clear (express)": "4", "is line clear (stopping)": "3-1",
         "train entering section": "2", "train out of section": "2-1", "obstruction danger": "6",
         "cancelling": "3-5", "train passed without tail lamp": "9 to box in advance"}
if role == "frame":
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"
        def do_GET(self):
            parts = [p for p in self.path.split("?")[0].split("/") if p]
            code, body = 404, {"error": "no such route %s" % self.path}
            if parts[:1] == ["levers"] and len(parts) == 2:
                n = int(parts[1]) if parts[1].isdigit() else -1
                if n in (13, 27):
                    code, body = 500, {"error": "lever %d interlocking fault: locked by lever %d" % (n, n + 4),
                                       "trace": ["frame.check_locks", "frame.pull", "interlock.tappet_%d" % n]}
                elif n in LEVERS:
                    code, body = 200, LEVERS[n]
                else:
                    code, body = 404, {"error": "no lever %s in a 40-lever frame" % parts[1]}
            elif parts == ["levers"]:
                code, body = 200, list(LEVERS.values())
            elif parts == ["bells"]:
                code, body = 200, BELLS
            elif parts == ["signalmen"]:
                code, body = 200, SIGNALMEN
            elif parts[:1] == ["block"]:
                code, body = 503, {"error": "block section %s occupied; train on line" % "/".join(parts[1:])}
            data = json.dumps(body, indent=1).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        def log_message(self, *a):
            pass
    ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
elif role == "bells":          # accepts, reads one ring, never closes: CLOSE-WAIT and unread data
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(64); keep = []
    while True:
        c, _ = s.accept(); keep.append(c)
        c.settimeout(0.2)
        try:
            c.recv(16)
        except OSError:
            pass
elif role == "semaphores":     # backlog 2, never accepts
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(2); time.sleep(10 ** 6)
elif role == "holder":         # frame bells sema gantry n_tw n_cw n_push n_sema n_gantry
    frame, bells, sema, gantry = port, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    n_tw, n_cw, n_push, n_sema, n_gantry = (int(x) for x in sys.argv[6:11])
    keep = []
    for i in range(n_tw):      # the server closes first (HTTP/1.0): TIME-WAIT on the frame's side
        c = socket.create_connection(("127.0.0.1", frame))
        c.sendall(b"GET /levers/%d HTTP/1.0\r\n\r\n" % (i % 44 + 1))
        while c.recv(65536):
            pass
        c.close()
    for i in range(n_cw):      # the signalman hangs up, the bell never does: CLOSE-WAIT / FIN-WAIT-2
        c = socket.create_connection(("127.0.0.1", bells)); c.sendall(b"ring 3-1\n"); time.sleep(0.01); c.close()
    for i in range(n_push):    # unread data: Recv-Q on the bell, Send-Q on the caller
        c = socket.create_connection(("127.0.0.1", bells)); c.setblocking(False)
        try:
            while True:
                c.send(b"2-1 train out of section\n" * 4096)
        except BlockingIOError:
            pass
        keep.append(c)
    for i in range(n_sema + n_gantry):
        c = socket.socket(); c.setblocking(False)
        c.connect_ex(("127.0.0.1", sema if i < n_sema else gantry)); keep.append(c)
    print("held", flush=True)
    time.sleep(10 ** 6)
'''


def sh(cmd: str, timeout: int = 120) -> str:
    return cm.run(cmd, cwd=TMP, env=ENV, timeout=timeout)


def c(item: str, command: str, ext, timeout: int = 180, typed: str | None = None) -> None:
    cap(item, command, TMP, ext, timeout=timeout, env=ENV, typed=typed)


def start(args: str, log: str | None = None):
    fh = open(TMP / log, "w") if log else None
    return cm.start(args, cwd=TMP, env=ENV, log=fh)


def traffic(n: int, seed: int = 0) -> None:
    """Requests to the frame (some 500/503/404), connects to closed, REJECTed and DROPped ports."""
    paths = [f"/levers/{(i * 7 + seed) % 46 + 1}" for i in range(n)] + ["/block/up-main", "/bells", "/nope"]
    sh("for p in " + " ".join(paths) + f"; do curl -s -o /dev/null --max-time 2 http://127.0.0.1:{FRAME}$p; done; "
       f"for p in {CLOSED} {POINTS} {CLOSED} 8628; do curl -s -o /dev/null --max-time 1 http://127.0.0.1:$p/; done; "
       f"curl -s -o /dev/null --max-time 1 http://127.0.0.1:{GANTRY}/", timeout=120)


IPT_RULES = [
    "-N SIGNALBOX",
    "-A INPUT -i lo -p tcp --dport {GANTRY} -m comment --comment 'gantry: out of use' -j DROP",
    "-A INPUT -p tcp --dport {POINTS} -m comment --comment 'points: clipped and scotched' -j REJECT --reject-with tcp-reset",
    "-A INPUT -p tcp --dport {DISTANT} -m statistic --mode nth --every 12 --packet 5 -j DROP",
    "-A INPUT -p tcp -m multiport --dports {FRAME},{BELLS},{SEMA} -j SIGNALBOX",
    "-A INPUT -p udp --dport 5353 -j LOG --log-prefix 'stray-mdns: '",
    "-A INPUT -m conntrack --ctstate INVALID -j DROP",
    "-A SIGNALBOX -p tcp --dport {SEMA} -m connlimit --connlimit-above 6 -j REJECT --reject-with tcp-reset",
    "-A SIGNALBOX -p tcp --dport {FRAME} -m comment --comment 'frame API' -j ACCEPT",
    "-A SIGNALBOX -p tcp --dport {BELLS} -m limit --limit 30/min -j LOG --log-prefix 'block bell: '",
    "-A SIGNALBOX -j ACCEPT",
    "-A OUTPUT -o lo -p tcp --sport {FRAME} -m comment --comment 'frame replies' -j ACCEPT",
]


def step_setup(tmp: Path) -> None:
    (tmp / "signalbox.py").write_text(SIGNALBOX)
    sh("ip link set lo up")
    ports = dict(GANTRY=GANTRY, POINTS=POINTS, DISTANT=DISTANT, FRAME=FRAME, BELLS=BELLS, SEMA=SEMA)
    for r in IPT_RULES:
        out = sh("iptables " + r.format(**ports))
        if out.strip():
            cm.note(f"iptables {r[:40]}: {out.strip()[:200]}")
    for n in range(1, 21):   # the levers' own ports, counted only
        sh(f"iptables -A SIGNALBOX -p tcp --dport {9000 + n} -m comment --comment 'lever {n}' -j ACCEPT")
    start(f"python3 signalbox.py frame {FRAME}")
    start(f"python3 signalbox.py bells {BELLS}")
    start(f"python3 signalbox.py semaphores {SEMA}")
    start(f"iperf3 -s -p {IPERF}")
    start(f"iperf3 -s -p {DISTANT}")
    for p in (FRAME, BELLS, SEMA, IPERF, DISTANT):
        cm.wait_port(p) if p not in (SEMA,) else time.sleep(0.3)
    c("iptables-empty-counters", "iptables -L -v -n; echo EXIT=$?", n_iptables)
    c("netstat-s-quiet", "netstat -s; echo EXIT=$?", n_netstat_s)


def step_sar_traffic(tmp: Path) -> None:
    """sadc records while the signal box is busy; a tcpdump runs through the busiest part."""
    rec = start("sadc -S ALL 1 16 sa828")
    dump = start(f"tcpdump -i lo -nn -Z root -U -s 0 -w levers.pcap 'tcp port {FRAME} or tcp port {CLOSED} or "
                 f"tcp port {POINTS} or tcp port {GANTRY} or tcp port 8628'", log="tcpdump-levers.log")
    time.sleep(1.5)
    traffic(6, 1)
    cm.stop(dump)
    dump2 = start(f"tcpdump -i lo -nn -Z root -U -s 0 -w block.pcap", log="tcpdump-block.log")
    time.sleep(1)
    traffic(40, 3)
    sh(f"nice iperf3 -c 127.0.0.1 -p {DISTANT} -t 3 -b 40M >/dev/null", timeout=60)
    cm.stop(dump2)
    sh(f"nice iperf3 -c 127.0.0.1 -p {IPERF} -t 2 -b 200M >/dev/null", timeout=60)
    traffic(30, 5)
    rec.wait(timeout=60)
    rec2 = start("sadc -S ALL 2 6 sa828b")
    traffic(20, 9)
    sh(f"nice iperf3 -c 127.0.0.1 -p {DISTANT} -t 2 -b 20M >/dev/null", timeout=60)
    rec2.wait(timeout=60)
    c("sar-tcp-etcp", "sar -n TCP,ETCP -f sa828; echo EXIT=$?", n_sar_tcp)
    c("sar-tcp-sock", "sar -n TCP,ETCP,SOCK -f sa828b", n_sar_tcp)
    c("sar-ip-tcp-udp", "sar -n IP,EIP,TCP,ETCP,SOCK,UDP -f sa828", n_sar_tcp)
    c("sar-all-snmp", "sar -n IP,EIP,ICMP,EICMP,TCP,ETCP,SOCK,UDP,SOCK6,IP6,EIP6,UDP6 -f sa828", n_sar_tcp)
    c("sar-nofile", "sar -n TCP,ETCP -f sa828-missing; echo EXIT=$?; sar -n ETCP -f sa828b; echo EXIT=$?", n_sar_tcp)
    c("netstat-s-busy", "netstat -s; echo EXIT=$?", n_netstat_s)
    c("netstat-st", "netstat -st", n_netstat_s)
    c("netstat-s-tcp-udp", "netstat -s --tcp --udp; echo EXIT=$?", n_netstat_s)


def step_tcpdump(tmp: Path) -> None:
    for p in (tmp / "tcpdump-levers.log", tmp / "tcpdump-block.log"):
        if p.exists():
            cm.note(f"{p.name}: {p.read_text().strip()[:200]}")
    c("tcpdump-vv-levers", "tcpdump -vv -nn -Z root -r levers.pcap", n_tcpdump_vv)
    c("tcpdump-vv-block-head", "tcpdump -vv -nn -Z root -r block.pcap -c 160", n_tcpdump_vv)
    c("tcpdump-vv-block-resets", f"tcpdump -vv -nn -Z root -r block.pcap 'not port {DISTANT}' | tail -n 400", n_tcpdump_vv)
    c("tcpdump-vv-distant", f"tcpdump -vv -nn -Z root -r block.pcap 'port {DISTANT}' -c 420", n_tcpdump_vv)
    c("tcpdump-X-levers", "tcpdump -X -nn -Z root -r levers.pcap", n_tcpdump_x)
    c("tcpdump-X-block-frame", f"tcpdump -X -nn -Z root -r block.pcap 'port {FRAME}' -c 140", n_tcpdump_x)
    c("tcpdump-X-refused", f"tcpdump -X -nn -Z root -r block.pcap 'port {CLOSED} or port {POINTS} or port 8628 or port {GANTRY}'",
      n_tcpdump_x)


def step_ss(tmp: Path) -> None:
    h1 = start(f"python3 signalbox.py holder {FRAME} {BELLS} {SEMA} {GANTRY} 12 5 2 3 1", log="holder1.log")
    time.sleep(3)
    c("ss-tani-small", "ss -tani", n_ss_tani)
    c("ss-tanpi-small", "ss -tanpi", n_ss_tani)
    h2 = start(f"python3 signalbox.py holder {FRAME} {BELLS} {SEMA} {GANTRY} 120 40 4 5 2", log="holder2.log")
    time.sleep(5)
    c("ss-tanpi-busy-no-time-wait", "ss -tanpi exclude time-wait", n_ss_tani)
    c("ss-tanoi-bells", f"ss -tanoi '( sport = :{BELLS} )'", n_ss_tani)
    c("ss-tani-callers", f"ss -tani '( dport = :{BELLS} or dport = :{SEMA} or dport = :{GANTRY} )'", n_ss_tani)
    h3 = start(f"python3 signalbox.py holder {FRAME} {BELLS} {SEMA} {GANTRY} 300 60 3 1 1", log="holder3.log")
    time.sleep(8)
    c("ss-tanoi-no-time-wait", "ss -tanoi exclude time-wait", n_ss_tani)
    c("ss-tanoi-head", "ss -tanoi | head -n 260", n_ss_tani)
    for h in (h1, h2, h3):
        cm.stop(h)


def step_nmap(tmp: Path) -> None:
    c("nmap-st-full", "nmap -sT -Pn -n -p- --reason 127.0.0.1", n_nmap_connect, timeout=300)
    c("nmap-st-verbose", f"nmap -sT -Pn -n -v --reason -p 1-1024,5201,5228,8000-8700 127.0.0.1", n_nmap_connect,
      timeout=300)
    c("nmap-st-open", f"nmap -sT -Pn -n --open --reason -p 8000-9100,5000-5300 127.0.0.1", n_nmap_connect, timeout=300)
    c("nmap-st-all-ports-shown", f"nmap -sT -Pn -n --reason -p {FRAME},{BELLS},{SEMA},{GANTRY},{POINTS},{CLOSED},"
      f"{IPERF},{DISTANT},9001-9040 127.0.0.1", n_nmap_connect, timeout=300)
    c("nmap-og-full", "nmap -sT -Pn -n -p- -oG - 127.0.0.1", n_nmap_grepable, timeout=300)
    c("nmap-og-ranges", f"nmap -sT -Pn -n -p 5000-5300,8000-8700 --reason -oG - 127.0.0.1 127.0.0.2 127.0.0.3",
      n_nmap_grepable, timeout=300)
    c("nmap-og-every-port", f"nmap -sT -Pn -n -p {FRAME},{BELLS},{SEMA},{GANTRY},{POINTS},{CLOSED},{IPERF},{DISTANT},"
      "9001-9030 -oG - 127.0.0.1", n_nmap_grepable, timeout=300)


def step_iperf(tmp: Path) -> None:
    c("iperf3-json-short", f"nice iperf3 -c 127.0.0.1 -p {IPERF} -t 2 -i 0.5 -b 300M -J", n_iperf3_json, timeout=60)
    c("iperf3-json-distant", f"nice iperf3 -c 127.0.0.1 -p {DISTANT} -t 3 -i 0.2 -b 60M -J", n_iperf3_json, timeout=60)
    c("iperf3-json-udp", f"nice iperf3 -c 127.0.0.1 -p {IPERF} -u -b 400M -l 1400 -t 2 -i 0.25 -J", n_iperf3_json,
      timeout=60)
    c("iperf3-json-parallel-reverse", f"nice iperf3 -c 127.0.0.1 -p {IPERF} -P 3 -R -t 2 -i 0.5 -b 100M -J",
      n_iperf3_json, timeout=60)
    c("iperf3-json-refused", f"iperf3 -c 127.0.0.1 -p {CLOSED} -J; echo EXIT=$?; nice iperf3 -c 127.0.0.1 -p {IPERF} "
      "-t 1 -i 1 -b 50M -J; echo EXIT=$?", n_iperf3_json, timeout=60)


def step_socat(tmp: Path) -> None:
    def req(paths, port=FRAME):
        return "; ".join(f"printf 'GET {p} HTTP/1.0\\r\\nHost: frame\\r\\n\\r\\n' | socat -v - TCP:127.0.0.1:{port},"
                         "connect-timeout=1" for p in paths)
    c("socat-v-lever13", req(["/levers/13"]) + "; echo EXIT=$?", n_socat_v)
    c("socat-v-levers", req([f"/levers/{n}" for n in (1, 2, 5, 13, 27, 40, 41, 99)] + ["/block/down-relief"]),
      n_socat_v)
    c("socat-v-refused", req(["/levers/3"], CLOSED) + "; echo EXIT=$?; " + req(["/levers/4"], POINTS)
      + "; echo EXIT=$?; " + req(["/levers/5"], GANTRY) + "; echo EXIT=$?; " + req(["/bells", "/levers/27"]),
      n_socat_v)
    c("socat-v-big", req(["/levers", "/signalmen", "/levers/13", "/nope"]), n_socat_v)


def step_iptables_after(tmp: Path) -> None:
    c("iptables-L-v-n", "iptables -L -v -n", n_iptables)
    c("iptables-L-x-line-numbers", "iptables -L -v -n -x --line-numbers", n_iptables)
    c("iptables-L-signalbox", "iptables -L SIGNALBOX -v -n --line-numbers; iptables -L SEMAPHORES -v -n; echo EXIT=$?",
      n_iptables)


STEPS = [step_setup, step_sar_traffic, step_tcpdump, step_ss, step_nmap, step_iperf, step_socat, step_iptables_after]


def main() -> None:
    if os.environ.get("HM828_NETNS") != "1":
        assert os.geteuid() == 0, "run as root (unshare -n)"
        ensure_tools()
        os.environ["HM828_NETNS"] = "1"
        os.execvp("unshare", ["unshare", "-n", "--", sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]])
    cm.PATH_PREFIX[:0] = [str(BIN)]
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide828", sys.modules["__main__"])
    main()
