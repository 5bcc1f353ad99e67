#!/usr/bin/env python3
"""Round 277's material: pcap files of its own. `lan()` writes pcaps with scapy (run in the round's venv) from a
seeded generator; `loopback()` captures the round's own clients and servers on 127.0.0.1 with tcpdump.
Nothing here reads or runs the compression engine."""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

PORTS = (18277, 28277, 38277)

# ------------------------------------------------------------------ scapy: a seeded LAN trace

SCAPY_GEN = r'''
import random, struct, sys
from scapy.all import Ether, IP, TCP, UDP, ICMP, DNS, DNSQR, DNSRR, Raw, wrpcap
rnd = random.Random(int(sys.argv[2]))
out = sys.argv[1]
pk = []
T = [1764662400.0]
MAC_C, MAC_S = "02:00:00:00:00:01", "02:00:00:00:00:02"
def emit(p, dt=None):
    T[0] += dt if dt is not None else rnd.uniform(0.0005, 0.02)
    p[IP].id = rnd.randint(1, 65535)
    p = Ether(src=MAC_C, dst=MAC_S) / p
    p.time = T[0]
    pk.append(p)
OPTS_LINUX = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (rnd.randint(1, 10**9), 0)), ("NOP", None), ("WScale", 7)]
OPTS_WIN = [("MSS", 1460), ("NOP", None), ("WScale", 8), ("NOP", None), ("NOP", None), ("SAckOK", b"")]
OPTS_ODD = [("MSS", 536)]
def session(c, s, sport, dport, req_chunks, resp_chunks, opts=None, ttl=64, win=64240, close="fin"):
    cs, ss = rnd.randint(1, 2**31), rnd.randint(1, 2**31)
    emit(IP(src=c, dst=s, ttl=ttl) / TCP(sport=sport, dport=dport, flags="S", seq=cs, window=win, options=opts or OPTS_LINUX))
    emit(IP(src=s, dst=c) / TCP(sport=dport, dport=sport, flags="SA", seq=ss, ack=cs + 1, window=65160,
         options=[("MSS", 1460), ("SAckOK", b""), ("NOP", None), ("WScale", 7)]), dt=rnd.uniform(0.0001, 0.003))
    cs += 1; ss += 1
    emit(IP(src=c, dst=s, ttl=ttl) / TCP(sport=sport, dport=dport, flags="A", seq=cs, ack=ss, window=502))
    for i in range(max(len(req_chunks), len(resp_chunks))):
        if i < len(req_chunks) and req_chunks[i]:
            d = req_chunks[i]
            emit(IP(src=c, dst=s, ttl=ttl) / TCP(sport=sport, dport=dport, flags="PA", seq=cs, ack=ss, window=502) / Raw(d))
            cs += len(d)
        if i < len(resp_chunks):
            d = resp_chunks[i]
            emit(IP(src=s, dst=c) / TCP(sport=dport, dport=sport, flags="PA", seq=ss, ack=cs, window=509) / Raw(d),
                 dt=rnd.uniform(0.0005, 0.2))
            ss += len(d)
    if close == "fin":
        emit(IP(src=c, dst=s, ttl=ttl) / TCP(sport=sport, dport=dport, flags="FA", seq=cs, ack=ss, window=502))
        emit(IP(src=s, dst=c) / TCP(sport=dport, dport=sport, flags="FA", seq=ss, ack=cs + 1, window=509))
        emit(IP(src=c, dst=s, ttl=ttl) / TCP(sport=sport, dport=dport, flags="A", seq=cs + 1, ack=ss + 1, window=502))
    elif close == "rst":
        emit(IP(src=s, dst=c) / TCP(sport=dport, dport=sport, flags="R", seq=ss))

CLIENTS = ["10.20.0.%d" % i for i in range(10, 50)]
WEB, DNSS, MAIL, TLSS = "10.20.1.5", "10.20.1.6", "10.20.1.7", "10.20.1.8"
PATHS = ["/", "/index.html", "/api/v1/items", "/api/v1/orders", "/static/app.js", "/static/style.css", "/login",
         "/api/v1/users/42", "/health", "/images/logo.png"]
def http_resp(code, text, body):
    return ("HTTP/1.1 %d %s\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s"
            % (code, text, len(body), body)).encode()
def http(c, path, code=200, text="OK", method="GET", body=b"", ua="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
         opts=None, ttl=64, win=64240):
    req = ("%s %s HTTP/1.1\r\nHost: shop.example.lan\r\nUser-Agent: %s\r\nAccept: */*\r\n" % (method, path, ua))
    if body:
        req += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n" % len(body)
    req = req.encode() + b"\r\n" + body
    page = "<html><body>%s</body></html>" % ("x" * rnd.randint(20, 900))
    session(c, WEB, rnd.randint(32768, 60999), 80, [req], [http_resp(code, text, page)],
            opts=opts or rnd.choice([OPTS_LINUX, OPTS_LINUX, OPTS_LINUX, OPTS_WIN]), ttl=ttl, win=win)
NAMES = ["shop.example.lan", "api.example.lan", "cdn.example.lan", "mail.example.lan", "db.example.lan", "auth.example.lan"]
def dns(c, name, rcode=0, qtype="A"):
    qid = rnd.randint(1, 65535)
    sp = rnd.randint(32768, 60999)
    emit(IP(src=c, dst=DNSS) / UDP(sport=sp, dport=53) / DNS(id=qid, rd=1, qd=DNSQR(qname=name, qtype=qtype)))
    an = DNSRR(rrname=name, type="A", ttl=300, rdata="10.20.1.%d" % rnd.randint(5, 9)) if rcode == 0 else None
    emit(IP(src=DNSS, dst=c) / UDP(sport=53, dport=sp) / DNS(id=qid, qr=1, aa=1, rd=1, ra=1, rcode=rcode,
         qd=DNSQR(qname=name, qtype=qtype), an=an), dt=rnd.uniform(0.0002, 0.004))
def smtp(c, rcpt, ok=True):
    reqs = [b"EHLO client.example.lan\r\n", b"MAIL FROM:<app@example.lan>\r\n", ("RCPT TO:<%s>\r\n" % rcpt).encode()]
    resps = [b"220 mail.example.lan ESMTP Postfix (Debian/GNU)\r\n", b"250-mail.example.lan\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n",
             b"250 2.1.0 Ok\r\n"]
    if ok:
        reqs += [b"DATA\r\n", b"Subject: nightly report\r\n\r\nall jobs done\r\n.\r\n", b"QUIT\r\n"]
        resps += [b"250 2.1.5 Ok\r\n", b"354 End data with <CR><LF>.<CR><LF>\r\n", b"250 2.0.0 Ok: queued as 4F2A1C0B7\r\n", b"221 2.0.0 Bye\r\n"]
    else:
        reqs += [b"QUIT\r\n"]
        resps += [("550 5.1.1 <%s>: Recipient address rejected: User unknown in local recipient table\r\n" % rcpt).encode(),
                  b"221 2.0.0 Bye\r\n"]
    # the server speaks first: shift the replies by one
    session(c, MAIL, rnd.randint(32768, 60999), 25, [b""] + reqs, resps)
def client_hello(sni):
    ext_sni = struct.pack("!HHHBH", 0, len(sni) + 5, len(sni) + 3, 0, len(sni)) + sni.encode()
    ext_ver = struct.pack("!HHB", 43, 3, 2) + b"\x03\x04"
    exts = ext_sni + ext_ver
    body = b"\x03\x03" + bytes(rnd.getrandbits(8) for _ in range(32)) + b"\x00" + struct.pack("!H", 6) \
        + b"\x13\x01\x13\x02\xc0\x2f" + b"\x01\x00" + struct.pack("!H", len(exts)) + exts
    hs = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack("!H", len(hs)) + hs
def tls(c, sni, alert=False):
    resp = b"\x15\x03\x03\x00\x02\x02\x28" if alert else (b"\x16\x03\x03\x00\x04\x0e\x00\x00\x00" + b"\x17\x03\x03\x00\x20" + bytes(32))
    session(c, TLSS, rnd.randint(32768, 60999), 443, [client_hello(sni)], [resp])

events = []
for i in range(int(sys.argv[3])):
    c = rnd.choice(CLIENTS)
    r = rnd.random()
    if r < 0.45:
        events.append(("http", c))
    elif r < 0.75:
        events.append(("dns", c))
    elif r < 0.87:
        events.append(("tls", c))
    else:
        events.append(("smtp", c))
n = len(events)
specials = {n // 9: "sqli", n // 5: "traversal", n // 3: "xss", n // 2: "e500", (2 * n) // 3: "e404",
            (3 * n) // 4: "e404b", (4 * n) // 5: "e403", n // 4: "nx", (3 * n) // 5: "servfail", n // 7: "smtp550",
            (5 * n) // 6: "tlsalert", n // 6: "scan", (7 * n) // 10: "burst", (9 * n) // 10: "malformed",
            n // 8: "ping", (11 * n) // 12: "unreach", (2 * n) // 5: "oddos", (13 * n) // 14: "bsd"}
for i, (what, c) in enumerate(events):
    sp = specials.get(i)
    if sp == "sqli":
        http("10.20.0.66", "/search?q=1'%20UNION%20SELECT%20username,password%20FROM%20users--", 200, "OK", ua="sqlmap/1.7.2#stable (https://sqlmap.org)")
    elif sp == "traversal":
        http("10.20.0.66", "/static/../../../../etc/passwd", 400, "Bad Request", ua="curl/7.88.1")
    elif sp == "xss":
        http("10.20.0.71", "/comment", 201, "Created", method="POST", body=b"text=<script>alert(document.cookie)</script>")
    elif sp == "e500":
        http(c, "/api/v1/checkout", 500, "Internal Server Error", method="POST", body=b"cart=8812&coupon=SPRING")
    elif sp == "e404":
        http(c, "/wp-login.php", 404, "Not Found")
    elif sp == "e404b":
        http(c, "/old/catalog.pdf", 404, "Not Found")
    elif sp == "e403":
        http(c, "/admin/", 403, "Forbidden")
    elif sp == "nx":
        dns(c, "backup-db.example.lan", rcode=3)
    elif sp == "servfail":
        dns(c, "ldap.corp.example.lan", rcode=2, qtype="SRV")
    elif sp == "smtp550":
        smtp(c, "nobody@example.lan", ok=False)
    elif sp == "tlsalert":
        tls(c, "legacy.example.lan", alert=True)
    elif sp == "scan":
        for port in list(range(1, 120)) + [135, 139, 443, 445, 3306, 5432, 6379, 8080, 8443]:
            sp_ = 40000 + port
            emit(IP(src="10.66.6.6", dst=WEB, ttl=49) / TCP(sport=sp_, dport=port, flags="S", seq=1000 + port, window=1024,
                 options=[("MSS", 1460)]), dt=0.0002)
            if port in (22, 80, 443):
                emit(IP(src=WEB, dst="10.66.6.6") / TCP(sport=port, dport=sp_, flags="SA", seq=5000, ack=1001 + port), dt=0.0001)
                emit(IP(src="10.66.6.6", dst=WEB, ttl=49) / TCP(sport=sp_, dport=port, flags="R", seq=1001 + port), dt=0.0001)
            else:
                emit(IP(src=WEB, dst="10.66.6.6") / TCP(sport=port, dport=sp_, flags="RA", seq=0, ack=1001 + port), dt=0.0001)
    elif sp == "burst":
        for k in range(300):
            qid = rnd.randint(1, 65535)
            emit(IP(src="10.20.0.99", dst=DNSS) / UDP(sport=rnd.randint(1024, 65535), dport=53) /
                 DNS(id=qid, rd=1, qd=DNSQR(qname="%08x.tunnel.example.lan" % rnd.getrandbits(32), qtype="TXT")), dt=0.0003)
    elif sp == "malformed":
        emit(IP(src="10.20.0.13", dst=DNSS) / UDP(sport=5353, dport=53) / Raw(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07exa"))
        emit(IP(src="10.20.0.13", dst=DNSS) / UDP(sport=5354, dport=53) / Raw(b"\xab\xcd\x01\x00\x00\x05\x00\x00\x00\x00\x00\x00\xc0\x0c\x00\x01\x00\x01"))
        emit(IP(src="10.20.0.14", dst=WEB) / TCP(sport=41000, dport=80, flags="PA", dataofs=3, seq=7, ack=9) / Raw(b"GET / HTTP/1.1\r\n"))
        emit(IP(src="10.20.0.15", dst=TLSS) / TCP(sport=41001, dport=443, flags="PA", seq=7, ack=9) / Raw(b"\x16\x03\x01\x40\x00\x01\x00\x3f\xfc\x03\x03"))
    elif sp == "ping":
        for k in range(6):
            emit(IP(src="10.20.0.21", dst=WEB) / ICMP(type=8, id=77, seq=k) / Raw(b"abcdefgh" * 7))
            emit(IP(src=WEB, dst="10.20.0.21") / ICMP(type=0, id=77, seq=k) / Raw(b"abcdefgh" * 7), dt=0.0004)
    elif sp == "oddos":
        http("10.20.0.77", "/api/v1/items", opts=OPTS_ODD, ttl=255, win=4128, ua="Wget/1.21.3")
    elif sp == "bsd":
        http("10.20.0.78", "/health", opts=[("MSS", 1460), ("NOP", None), ("WScale", 6), ("SAckOK", b""), ("Timestamp", (77, 0))],
             win=65535, ua="fetch libfetch/2.0")
    elif sp == "unreach":
        q = IP(src="10.20.0.33", dst="10.20.1.9") / UDP(sport=51000, dport=514) / Raw(b"<13>app: hello")
        emit(q)
        emit(IP(src="10.20.1.9", dst="10.20.0.33") / ICMP(type=3, code=3) / bytes(q)[:28])
    if what == "http":
        if rnd.random() < 0.15:
            http(c, rnd.choice(PATHS), 304, "Not Modified")
        else:
            http(c, rnd.choice(PATHS))
    elif what == "dns":
        dns(c, rnd.choice(NAMES), qtype=rnd.choice(["A", "A", "A", "AAAA", "MX"]))
    elif what == "tls":
        tls(c, rnd.choice(["api.example.lan", "shop.example.lan", "cdn.example.lan"]))
    else:
        smtp(c, "ops%d@example.lan" % rnd.randint(1, 9))
wrpcap(out, pk)
print(out, len(pk))
'''


def lan(tmp: Path, venv: Path) -> None:
    """The seeded LAN pcaps: a big one, a small one, a scan-only cut, a corrupt cut and a pcapng merge."""
    (tmp / "gen_lan.py").write_text(SCAPY_GEN)
    if not (tmp / "lan.pcap").exists():
        cm.note(cm.run(f"{venv}/bin/python gen_lan.py lan.pcap 277 900", cwd=tmp, timeout=300).strip())
        cm.note(cm.run(f"{venv}/bin/python gen_lan.py branch.pcap 2770 160", cwd=tmp, timeout=300).strip())
    cm.run("editcap -r lan.pcap small.pcap 1-700; head -c 300017 lan.pcap > cut.pcap; "
           "printf 'not a capture file at all\\n' > notes.pcap; "
           "mergecap -w merged.pcapng lan.pcap branch.pcap; "
           "tcpdump -r lan.pcap -w scan.pcap 'host 10.66.6.6 or host 10.20.0.66'", cwd=tmp, timeout=120)


# ------------------------------------------------------------------ loopback: real traffic captured with tcpdump

SERVERS = r'''
import http.server, socketserver, socket, threading, sys, random
P1, P2, P3 = 18277, 28277, 38277
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def _send(self, code, body):
        b = body.encode()
        self.send_response(code); self.send_header("Content-Type", "text/plain"); self.send_header("Content-Length", str(len(b)))
        self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        if self.path.startswith("/boom"): return self._send(500, "Traceback: KeyError: 'tenant_id'\n")
        if self.path.startswith("/missing") or "passwd" in self.path: return self._send(404, "not found\n")
        if self.path.startswith("/admin"): return self._send(403, "forbidden\n")
        return self._send(200, "item %s ok\n" % self.path + "." * (len(self.path) * 7))
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); d = self.rfile.read(n)
        return self._send(201 if b"<script" not in d else 400, "stored %d bytes\n" % n)
    def log_message(self, *a): pass
class U(socketserver.BaseRequestHandler):
    def handle(self):
        d, s = self.request
        name = d.decode(errors="replace").strip()
        r = "NXDOMAIN " + name if name.startswith("nx") else "A %s 10.0.0.%d" % (name, len(name))
        s.sendto(r.encode(), self.client_address)
class M(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 mx.local ESMTP ready\r\n")
        for line in self.rfile:
            l = line.decode(errors="replace").strip().upper()
            if l.startswith("QUIT"): self.wfile.write(b"221 bye\r\n"); return
            if l.startswith("RCPT") and "GHOST" in l: self.wfile.write(b"550 5.1.1 mailbox unavailable\r\n")
            elif l.startswith("DATA"): self.wfile.write(b"354 go ahead\r\n")
            else: self.wfile.write(b"250 ok\r\n")
socketserver.ThreadingTCPServer.allow_reuse_address = True
hs = http.server.ThreadingHTTPServer(("127.0.0.1", P1), H)
us = socketserver.ThreadingUDPServer(("127.0.0.1", P2), U)
ms = socketserver.ThreadingTCPServer(("127.0.0.1", P3), M)
for s in (hs, us, ms): threading.Thread(target=s.serve_forever, daemon=True).start()
print("ready", flush=True)
threading.Event().wait()
'''

CLIENTS = r'''
import http.client, socket, random, time
rnd = random.Random(277)
P1, P2, P3 = 18277, 28277, 38277
paths = ["/items/%d" % i for i in range(1, 40)] + ["/health", "/api/orders", "/api/users"]
for i in range(160):
    c = http.client.HTTPConnection("127.0.0.1", P1, timeout=5)
    if i == 37: p = "/boom?job=17"
    elif i in (51, 90): p = "/missing/report-%d.csv" % i
    elif i == 70: p = "/static/../../etc/passwd"
    elif i == 120: p = "/admin/users"
    elif i == 140: p = "/search?q=1%27%20UNION%20SELECT%20password%20FROM%20users--"
    else: p = rnd.choice(paths)
    if i in (60, 130):
        body = "comment=<script>alert(1)</script>" if i == 60 else "comment=thanks&rating=%d" % i
        c.request("POST", "/comments", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        c.request("GET", p, headers={"User-Agent": "agent-check/1.0"})
    c.getresponse().read(); c.close()
    if i % 4 == 0:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(2)
        name = "nx-%d.local" % i if i in (44, 88) else "host%d.local" % rnd.randint(1, 30)
        u.sendto(name.encode(), ("127.0.0.1", P2)); u.recvfrom(512); u.close()
    if i % 10 == 0:
        s = socket.create_connection(("127.0.0.1", P3), timeout=5); f = s.makefile("rwb")
        f.readline()
        rc = "ghost@mx.local" if i in (30, 100) else "ops@mx.local"
        for cmd in ["EHLO c.local", "MAIL FROM:<ci@c.local>", "RCPT TO:<%s>" % rc, "DATA"]:
            f.write((cmd + "\r\n").encode()); f.flush(); f.readline()
        f.write(b"Subject: build %d\r\n\r\nok\r\n.\r\n" % i); f.flush(); f.readline()
        f.write(b"QUIT\r\n"); f.flush(); f.readline(); s.close()
    time.sleep(0.005)
print("clients done")
'''


def loopback(tmp: Path) -> None:
    """Real loopback traffic of the round's clients and servers, captured with tcpdump into lo.pcap."""
    if (tmp / "lo.pcap").exists():
        return
    (tmp / "servers.py").write_text(SERVERS)
    (tmp / "clients.py").write_text(CLIENTS)
    srv = cm.start([sys.executable, str(tmp / "servers.py")], cwd=tmp)
    dump = cm.start(["tcpdump", "-i", "lo", "-U", "-w", str(tmp / "lo.pcap"),
                     "port 18277 or port 28277 or port 38277"], cwd=tmp)
    time.sleep(2)
    cm.note(cm.run(f"{sys.executable} clients.py", cwd=tmp, timeout=120).strip())
    time.sleep(1)
    dump.send_signal(2)
    dump.wait(10)
    srv.kill()
    srv.wait(10)
