#!/usr/bin/env python3
"""Capture round 389 of the compression corpus: round 385's thirteen network-debugging kinds a second time (wget -d,
http.client debuglevel, openssl s_client -showcerts, tcpdump -A, scapy summaries, wscat sessions, mitmdump's flow log,
drill, delv, nslookup -debug, ab -v, nmap's http NSE scripts, httpx -v), on new material: `pilotage`, a harbour
master's API (berths, tides, pilots) written here with other faults than round 385's, served on 127.0.0.1. No new
rules: every extractor is round 385's, imported from `capture_wide385` by function (NEEDLES.md's "Round 389").
Nothing captured here was compressed.

Usage:   python3 scripts/corpus/capture_wide389.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide389.json  as {"version": 2, "items": [...]}, ids prefixed "wide389-".
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide385 as w385  # noqa: E402
from capture_wide385 import (n_ab, n_delv, n_drill, n_http_client, n_httpx, n_mitmdump, n_nmap,  # noqa: E402
                             n_nslookup, n_s_client, n_scapy, n_tcpdump_a, n_wget_debug, n_wscat, stop, wait_port)

ID_PREFIX = "wide389-"
DEFAULT_OUT = HERE / "data" / "wide389.json"
TMP = Path(os.environ.get("HM_WIDE389_TMP", "/dev/shm/hm-corpus-wide389-run"))
TOOLS = Path(os.environ.get("HM_WIDE389_TOOLS", "/dev/shm/hm-corpus-wide389"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
MITMDUMP = Path(os.environ.get("HM_WIDE389_MITMDUMP", str(HERE.parent.parent / ".venv" / "bin" / "mitmdump")))
PY_PACKAGES = ["scapy", "websockets", "httpx[cli]", "cryptography"]
P_API, P_TLS, P_PROXY = 28389, 38389, 18389  # dnsmasq on UDP 18389; the WebSocket server on 38389 after TLS
P_DEAD = P_TLS  # nothing listens on 38389 while the HTTP, mitmdump and DNS steps run: the dead upstream

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=120, typed=None):
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout), extractor)


# ------------------------------------------------------------------ the material

RND = random.Random(38910)
PILOTS = sorted({RND.choice(["Arkle", "Brennan", "Cullis", "Dowey", "Eddrup", "Fenwick", "Gorran", "Hewish",
                             "Ingate", "Jarrow", "Kettle", "Loughor", "Mordey", "Nessel", "Oakum", "Penwith",
                             "Quenby", "Rosper", "Sandle", "Trewin", "Ullock", "Varley", "Wherry", "Yelland"])
                 + " " + RND.choice("ABCDEFGHJKLMNPRSTW") for _ in range(30)})
BERTHS = [f"{q}-{n}" for q in ("North Quay", "Fish Dock", "Ro-Ro", "Tanker Jetty", "Lay-by") for n in range(1, 6)]
VESSELS = ["Morven Star", "Cape Rathlin", "Gannet II", "Skerry Belle", "Orkney Trader", "Vigilant", "Hebrides Venture",
           "Solway Lass", "Kittiwake", "Dunmore Head", "Atlantic Dawn", "Saltire"]

API = r'''
import json, socket, struct, sys, time, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
PILOTS = %r
BERTHS = %r
VESSELS = %r
DEAD = %d
N = {"tide": 0}
LOCK = threading.Lock()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pilotage/2.3"
    def send(self, code, body, ctype="application/json", extra=()):
        data = body if isinstance(body, bytes) else (json.dumps(body, indent=1) if ctype == "application/json" else body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
    def route(self):
        p = self.path.split("?")[0]
        if p in ("/", "/index.html"):
            return self.send(200, "<html><head><title>Harbour master: pilotage and berths</title></head><body>berths</body></html>", "text/html")
        if p == "/api/berths":
            return self.send(200, [{"berth": b, "vessel": VESSELS[i %% len(VESSELS)] if i %% 3 else None, "depth_m": round(6 + (i * 7 %% 11) * 0.4, 1)} for i, b in enumerate(BERTHS)])
        if p == "/api/pilots":
            return self.send(200, [{"pilot": n, "class": ["I", "II", "III"][i %% 3], "on_watch": i %% 4 != 0} for i, n in enumerate(PILOTS)])
        if p == "/api/tides/old":
            return self.send(308, "", "text/plain", [("Location", "/api/tides/today")])
        if p == "/api/tides/today":
            return self.send(200, {"high_water": ["04:12 5.1m", "16:37 5.4m"], "low_water": ["10:25 0.9m", "22:51 0.7m"]})
        if p == "/api/tides/gauge":
            return self.send(307, "", "text/plain", [("Location", "http://127.0.0.1:%%d/gauge/live" %% DEAD)])
        if p.startswith("/api/berth/"):
            ident = p.rsplit("/", 1)[1]
            if ident.isdigit() and int(ident) < len(BERTHS):
                return self.send(200, {"berth": BERTHS[int(ident)], "status": "free" if int(ident) %% 3 == 0 else "occupied"})
            if ident.isdigit() and int(ident) < 40:
                return self.send(410, {"error": "gone", "detail": "berth %%s was demolished in the quay works" %% ident})
            return self.send(404, {"error": "no such berth", "berth": ident})
        if p == "/api/boarding":
            return self.send(429, {"error": "too many boarding requests", "retry_after": 30}, extra=[("Retry-After", "30")])
        if p == "/api/vts":
            return self.send(502, {"error": "bad gateway", "detail": "vessel traffic service upstream answered garbage"})
        if p == "/api/forecast":
            return self.send(504, "<html><body><h1>504 Gateway Time-out</h1>The met office feed did not answer in time.</body></html>", "text/html")
        if p == "/api/slow":
            time.sleep(8)
            return self.send(200, {"late": True})
        if p == "/api/reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if p == "/api/short":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "4096")
            self.end_headers()
            self.wfile.write(b'{"manifest": ["Morven Star", "Cape Ra')
            self.wfile.flush()
            self.close_connection = True
            return
        return self.send(404, {"error": "not found", "path": p})
    do_GET = do_HEAD = route
    def do_DELETE(self):
        return self.send(405, {"error": "method not allowed"}, extra=[("Allow", "GET, HEAD, POST, PUT")])
    def do_PUT(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        self.rfile.read(n)
        return self.send(409, {"error": "conflict", "detail": "berth already allocated to another vessel"})
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        if n > 2048:
            self.close_connection = True
            return self.send(413, {"error": "payload too large", "limit": 2048})
        body = self.rfile.read(n)
        try:
            d = json.loads(body or b"{}")
        except ValueError:
            return self.send(400, {"error": "malformed JSON"})
        if "draught_m" not in d:
            return self.send(422, {"error": "unprocessable", "missing": ["draught_m"], "got": sorted(d)})
        return self.send(201, {"booked": True}, extra=[("Location", "/api/boarding/77")])
    def do_OPTIONS(self):
        self.send(204, b"", "text/plain", [("Allow", "GET, HEAD, POST, PUT, OPTIONS")])
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
''' % (PILOTS, BERTHS, VESSELS, P_DEAD)


def start_api(tmp: Path):
    (tmp / "api.py").write_text(API)
    p = cm.start([sys.executable, str(tmp / "api.py"), str(P_API)], cwd=tmp)
    wait_port(P_API)
    return p


U = f"http://127.0.0.1:{P_API}"


# --- HTTP clients against the API

def cap_wget(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("wget-debug-tide-redirects", f"wget -d -O /dev/null {U}/api/tides/old {U}/api/tides/gauge", tmp,
            n_wget_debug, timeout=60)
        cap("wget-debug-gateway-timeout", f"wget -d --tries=2 --timeout=3 -O /dev/null {U}/api/vts {U}/api/forecast "
            f"{U}/api/slow {U}/api/boarding", tmp, n_wget_debug, timeout=90)
        urls = [f"{U}/api/berth/{i}" for i in range(18, 34)] + [f"{U}/api/reset", f"{U}/api/short", f"{U}/api/pilots"]
        (tmp / "urls.txt").write_text("\n".join(urls) + "\n")
        cap("wget-debug-berth-list", "wget -d --tries=1 --timeout=4 -i urls.txt -P dl", tmp, n_wget_debug, timeout=90)
    finally:
        stop(api)


HTTP_CLIENT = r'''
import json, sys, urllib.request, urllib.error, http.client
base = sys.argv[1]
opener = urllib.request.build_opener(urllib.request.HTTPHandler(debuglevel=1))
for path in sys.argv[2:]:
    method, data = "GET", None
    if ":" in path:
        method, path = path.split(":", 1)
        if method == "POST":
            data = json.dumps({"vessel": "Kittiwake", "berth": "Fish Dock-2"}).encode()
        elif method == "POSTBIG":
            method, data = "POST", b"x" * 5000
        elif method == "PUT":
            data = b'{"vessel": "Saltire"}'
    req = urllib.request.Request(base + path, method=method, data=data)
    try:
        with opener.open(req, timeout=3) as r:
            body = r.read()
            print(f"{method} {path} -> {r.status} {r.reason} ({len(body)} bytes)")
    except urllib.error.HTTPError as e:
        print(f"{method} {path} -> {e.code} {e.reason}: {e.read()[:120]!r}")
    except Exception as e:
        print(f"{method} {path} failed: {type(e).__name__}: {e}")
'''

HTTP_CLIENT_RAISE = r'''
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.HTTPHandler(debuglevel=1))
print(opener.open(sys.argv[1] + "/api/pilots", timeout=3).status)
opener.open(sys.argv[1] + sys.argv[2], timeout=3).read()
'''


def cap_http_client(tmp: Path) -> None:
    (tmp / "probe.py").write_text(HTTP_CLIENT)
    (tmp / "fetch.py").write_text(HTTP_CLIENT_RAISE)
    api = start_api(tmp)
    try:
        cap("http-client-berths", f"python3 probe.py {U} /api/berths /api/tides/old /api/berth/22 /api/berth/77 "
            "/api/boarding /api/vts /api/forecast POST:/api/boarding POSTBIG:/api/boarding PUT:/api/berth/3 "
            "DELETE:/api/berth/3", tmp, n_http_client, timeout=60)
        cap("http-client-timeouts", f"python3 probe.py {U} /api/pilots /api/slow /api/reset /api/short "
            "/api/tides/gauge /api/berth/2", tmp, n_http_client, timeout=60)
        cap("http-client-raise", f"python3 fetch.py {U} /api/slow; python3 fetch.py {U} /api/short; "
            f"python3 fetch.py {U} /api/vts", tmp, n_http_client, timeout=60)
    finally:
        stop(api)


def cap_httpx(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("httpx-v-gateways", f"httpx -v {U}/api/vts; httpx -v {U}/api/forecast; httpx -v {U}/api/boarding; "
            f"httpx -v {U}/api/berth/30", tmp, n_httpx, timeout=60)
        cap("httpx-v-redirect-dead", f"httpx -v --follow-redirects {U}/api/tides/old; httpx -v --follow-redirects "
            f"{U}/api/tides/gauge", tmp, n_httpx, timeout=60)
        cap("httpx-v-timeout-reset", f"httpx -v --timeout 2 {U}/api/slow; httpx -v {U}/api/reset; "
            f"httpx -v {U}/api/short; httpx -v -m PUT -j '{{\"vessel\": \"Saltire\"}}' {U}/api/berth/4", tmp, n_httpx,
            timeout=60)
    finally:
        stop(api)


def cap_ab(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("ab-v2-boarding-429", f"ab -v 2 -n 40 -c 4 {U}/api/boarding", tmp, n_ab)
        cap("ab-v2-vts-502", f"ab -v 2 -n 120 -c 6 {U}/api/vts", tmp, n_ab)
        cap("ab-v3-reset", f"ab -r -v 3 -n 12 -c 2 -s 4 {U}/api/reset", tmp, n_ab, timeout=60)
        cap("ab-v2-slow-timeout", f"ab -v 2 -n 6 -c 2 -s 2 {U}/api/slow", tmp, n_ab, timeout=60)
    finally:
        stop(api)


def cap_nmap(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("nmap-nse-http-pilotage", f"nmap -sT -Pn -n -p {P_API},{P_DEAD} --script '+http-title,+http-headers,"
            f"+http-methods,+http-server-header' --script-args http-headers.path=/api/boarding 127.0.0.1", tmp, n_nmap,
            timeout=180)
        cap("nmap-nse-http-gone", f"nmap -sT -Pn -n -p {P_API} --script '+http-title,+http-headers,+http-methods' "
            f"--script-args http-title.url=/api/forecast,http-headers.path=/api/berth/30,"
            f"http-methods.url-path=/api/vts 127.0.0.1", tmp, n_nmap, timeout=180)
        cap("nmap-nse-http-sv", f"nmap -sT -sV --version-light -Pn -n -p {P_API} --script '+http-title,+http-methods,"
            f"+http-server-header,+http-headers' --script-args http-headers.path=/api/vts 127.0.0.1", tmp, n_nmap,
            timeout=240)
    finally:
        stop(api)


# --- TLS with other mistakes

CERTS = r'''
import datetime as dt, sys
from pathlib import Path
from cryptography import x509
from cryptography.x509.oid import NameOID, ExtendedKeyUsageOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
out = Path(sys.argv[1]); now = dt.datetime.now(dt.timezone.utc)
def key():
    return ec.generate_private_key(ec.SECP256R1())
def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Harbour Authority"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])
def cert(cn, k, issuer_cn, ik, ca, start, days, san=None, eku=None, bc=True):
    b = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(name(issuer_cn)).public_key(k.public_key())
         .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(start + dt.timedelta(days=days)))
    if bc:
        b = b.add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    if san:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in san]), critical=False)
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    return b.sign(ik, hashes.SHA256())
def save(stem, c, k=None):
    (out / f"{stem}.pem").write_bytes(c.public_bytes(serialization.Encoding.PEM))
    if k:
        (out / f"{stem}.key").write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
H = "pilots.harbour.test"
past = now - dt.timedelta(days=30)
rk, ik, bk = key(), key(), key()
root = cert("Harbour Authority Root CA", rk, "Harbour Authority Root CA", rk, True, past, 3650)
inter = cert("Harbour Authority Pilotage CA", ik, "Harbour Authority Root CA", rk, True, past, 1000)
notca = cert("Harbour Authority Berthing Office", bk, "Harbour Authority Root CA", rk, False, past, 1000)
save("root", root); save("inter", inter); save("notca", notca)
lk = key(); save("leaf", cert(H, lk, "Harbour Authority Pilotage CA", ik, False, now - dt.timedelta(days=2), 90, [H]), lk)
fk = key(); save("future", cert(H, fk, "Harbour Authority Pilotage CA", ik, False, now + dt.timedelta(days=21), 90, [H]), fk)
nk = key(); save("undernotca", cert(H, nk, "Harbour Authority Berthing Office", bk, False, now - dt.timedelta(days=2), 90, [H]), nk)
ck = key(); save("clientonly", cert(H, ck, "Harbour Authority Pilotage CA", ik, False, now - dt.timedelta(days=2), 90, [H], [ExtendedKeyUsageOID.CLIENT_AUTH]), ck)
'''


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    (d / "certs.py").write_text(CERTS)
    cm.run(f"{PY} certs.py .", cwd=d)
    host = "pilots.harbour.test"
    chk = f"-CAfile root.pem -verify_hostname {host}"
    scen = [("not-yet-valid", "future", "-cert_chain inter.pem", "", chk),
            ("intermediate-not-ca", "undernotca", "-cert_chain notca.pem", "", chk),
            ("client-auth-only-eku", "clientonly", "-cert_chain inter.pem", "", chk + " -purpose sslserver"),
            ("client-cert-required", "leaf", "-cert_chain inter.pem", "-Verify 1 -CAfile root.pem", chk),
            ("tls13-only-vs-tls12", "leaf", "-cert_chain inter.pem", "-tls1_3", chk + " -tls1_2")]
    for slug, stem, chain, sopts, cli in scen:
        srv = cm.start(f"openssl s_server -accept 127.0.0.1:{P_TLS} -cert {stem}.pem -key {stem}.key {chain} {sopts} "
                       f"-www", cwd=d)
        try:
            wait_port(P_TLS)
            cmd = f"openssl s_client -connect 127.0.0.1:{P_TLS} -servername {host} -showcerts {cli} </dev/null"
            cap(f"s-client-showcerts-{slug}", cmd, d, n_s_client, timeout=30)
            if slug == "not-yet-valid":
                cap("wget-debug-tls-not-yet-valid", f"wget -d --ca-certificate=root.pem -O /dev/null "
                    f"https://{host}:{P_TLS}/ https://127.0.0.1:{P_TLS}/", d, n_wget_debug, timeout=30)
        finally:
            stop(srv)


# --- pcaps written here with scapy

PCAP = r'''
import random, sys
from scapy.all import IP, TCP, UDP, DNS, DNSQR, DNSRR, Raw, Ether, wrpcap
random.seed(int(sys.argv[2]))
n = int(sys.argv[3]); pkts = []; t = 1764790000.0
PATHS = ["/api/berths", "/api/berth/%d", "/api/tides/today", "/api/tides/old", "/api/boarding", "/api/vts",
         "/api/forecast", "/api/pilots", "/api/slow"]
RESP = {"/api/berths": (200, "OK"), "/api/tides/today": (200, "OK"), "/api/tides/old": (308, "Permanent Redirect"),
        "/api/boarding": (429, "Too Many Requests"), "/api/vts": (502, "Bad Gateway"), "/api/forecast": (504, "Gateway Timeout"),
        "/api/pilots": (200, "OK")}
def pk(p, dt=None):
    global t
    t += dt if dt is not None else random.uniform(0.0005, 0.04); p.time = t; pkts.append(p)
srv = "10.89.3.10"; dns = "10.89.3.2"
for i in range(n):
    cli = "10.89.3.%d" % random.choice([31, 32, 33, 34, 35]); sp = 41000 + i
    e = Ether(src="02:00:00:00:02:%02x" % (i % 250), dst="02:00:00:00:03:01")
    r = random.random()
    if r < 0.14:
        name = random.choice(["pilots.harbour.test", "berths.harbour.test", "tides.harbour.test", "vts.harbour.test", "lock-gate.harbour.test", "example.net"])
        pk(e / IP(src=cli, dst=dns) / UDP(sport=sp, dport=53) / DNS(id=i, rd=1, qd=DNSQR(qname=name)))
        if name in ("pilots.harbour.test", "berths.harbour.test"):
            pk(e / IP(src=dns, dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=1, qd=DNSQR(qname=name), an=DNSRR(rrname=name, rdata=srv)))
        elif name == "example.net":
            pk(e / IP(src=dns, dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=0, rcode=5, qd=DNSQR(qname=name)))
        else:
            pk(e / IP(src=dns, dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=1, rcode=3, qd=DNSQR(qname=name)))
        continue
    dport = 8080 if random.random() < 0.92 else random.choice([8443, 5432])
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="S", seq=2000))
    if dport != 8080:
        for k in range(2):  # SYN retransmissions, then nothing: a filtered port
            pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="S", seq=2000), dt=1.0 * (k + 1))
        continue
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="SA", seq=7000, ack=2001))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=2001, ack=7001))
    path = random.choice(PATHS)
    if "%d" in path:
        path = path % random.randint(0, 34)
    req = "GET %s HTTP/1.1\r\nHost: pilots.harbour.test:8080\r\nUser-Agent: python-requests/2.31.0\r\nAccept: */*\r\n\r\n" % path
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="PA", seq=2001, ack=7001) / Raw(req.encode()))
    if path == "/api/slow":  # no answer: the client retransmits, then resets
        pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="PA", seq=2001, ack=7001) / Raw(req.encode()), dt=0.4)
        pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="R", seq=2001 + len(req)), dt=2.0)
        continue
    if path.startswith("/api/berth/"):
        b = int(path.rsplit("/", 1)[1])
        code, reason = (200, "OK") if b < 25 else (410, "Gone")
    else:
        code, reason = RESP.get(path, (200, "OK"))
    body = '{"status": %d, "path": "%s"}' % (code, path)
    resp = "HTTP/1.1 %d %s\r\nServer: pilotage/2.3\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (code, reason, len(body), body)
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="PA", seq=7001, ack=2001 + len(req)) / Raw(resp.encode()))
    if code == 502 and random.random() < 0.5:
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="RA", seq=7001 + len(resp), ack=2001 + len(req)))
        continue
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="FA", seq=2001 + len(req), ack=7001 + len(resp)))
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="FA", seq=7001 + len(resp), ack=2002 + len(req)))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=2002 + len(req), ack=7002 + len(resp)))
wrpcap(sys.argv[1], pkts)
'''

SCAPY_SHOW = r'''
import sys
from scapy.all import rdpcap
pk = rdpcap(sys.argv[1])
print(repr(pk))
if sys.argv[2:] == ["summary"]:
    print(pk.summary())
else:
    pk.nsummary()
'''


def cap_pcap(tmp: Path) -> None:
    d = tmp / "pcap"
    d.mkdir()
    (d / "gen.py").write_text(PCAP)
    (d / "show.py").write_text(SCAPY_SHOW)
    for name, seed, n in (("berths-small", 38911, 14), ("berths-mid", 38912, 45), ("berths-large", 38913, 85)):
        cm.run(f"{PY} gen.py {name}.pcap {seed} {n}", cwd=d, timeout=120)
        cap(f"tcpdump-A-{name}", f"tcpdump -nn -A -r {name}.pcap", d, n_tcpdump_a)
        cap(f"scapy-nsummary-{name}", f"python3 show.py {name}.pcap", d, n_scapy)
    cap("tcpdump-A-berths-mid-port-8080", "tcpdump -nn -A -r berths-mid.pcap 'tcp port 8080'", d, n_tcpdump_a)
    cap("scapy-summary-berths-mid", "python3 show.py berths-mid.pcap summary", d, n_scapy)


# --- WebSockets

WS = r'''
import asyncio, json, sys
from websockets.asyncio.server import serve
from websockets.http11 import Response
from websockets.datastructures import Headers
NAMES = %r
async def handler(ws):
    path = ws.request.path
    if path == "/pilot":
        async for m in ws:
            try:
                cmd = json.loads(m)
            except ValueError:
                await ws.send(json.dumps({"level": "error", "error": "invalid JSON from pilot launch", "got": m[:40]}))
                continue
            if cmd.get("cmd") == "board" and "vessel" not in cmd:
                await ws.send(json.dumps({"level": "warn", "warning": "boarding request without a vessel"}))
                continue
            await ws.send(json.dumps({"level": "info", "ack": cmd}))
            if cmd.get("cmd") == "abort":
                await ws.close(1008, "pilot launch not authorised for Tanker Jetty")
        return
    n = int(path.rsplit("/", 1)[1]) if path.startswith("/tides/") else 20
    for i in range(n):
        lvl = "error" if i %% 11 == 10 else "warn" if i %% 4 == 3 else "info"
        msg = {"error": "tide gauge %%d stopped reporting" %% (i %% 5), "warn": "height %%.1fm below chart datum at berth %%s" %% (0.1 * (i %% 9), NAMES[i %% len(NAMES)]), "info": "gauge reading %%.2fm" %% (3 + (i %% 17) * 0.13)}[lvl]
        await ws.send(json.dumps({"seq": i, "level": lvl, "berth": NAMES[i %% len(NAMES)], "message": msg}))
        await asyncio.sleep(0.008)
    await ws.close(1013, "tide service overloaded, try again later")
def process_request(conn, req):
    if req.path == "/vts":
        return conn.respond(404, "no vessel traffic feed here\n")
    if req.path == "/legacy":
        return Response(426, "Upgrade Required", Headers([("Sec-WebSocket-Version", "8"), ("Content-Length", "0")]))
async def main():
    async with serve(handler, "127.0.0.1", int(sys.argv[1]), process_request=process_request, ping_interval=None):
        await asyncio.Future()
asyncio.run(main())
''' % (BERTHS,)


def cap_ws(tmp: Path) -> None:
    d = tmp / "ws"
    d.mkdir()
    (d / "ws.py").write_text(WS)
    srv = cm.start([str(PY), str(d / "ws.py"), str(P_TLS)], cwd=d)
    try:
        wait_port(P_TLS)
        W = f"ws://127.0.0.1:{P_TLS}"
        cap("wscat-tides-small", f"sleep 3 | script -qec 'wscat -c {W}/tides/30' /dev/null; "
            f"sleep 1 | script -qec 'wscat -c {W}/vts' /dev/null; sleep 1 | script -qec 'wscat -c {W}/legacy' /dev/null",
            d, n_wscat, timeout=40)
        msgs = []
        for i in range(16):
            if i % 5 == 2:
                msgs.append('{"cmd": "board", "berth": "%s"' % BERTHS[i])
            elif i % 5 == 4:
                msgs.append('{"cmd": "board", "berth": "%s"}' % BERTHS[i])
            else:
                msgs.append('{"cmd": "board", "vessel": "%s", "pilot": "%s"}' % (VESSELS[i % 12], PILOTS[i]))
        msgs.append('{"cmd": "abort"}')
        (d / "typed.sh").write_text("sleep 1\n" + "".join(f"printf '%s\\n' '{m}'; sleep 0.2\n" for m in msgs)
                                    + "sleep 1\n")
        cap("wscat-pilot-typed", f"sh typed.sh | script -qec 'wscat -c {W}/pilot' /dev/null", d, n_wscat, timeout=40,
            typed=f"wscat -c {W}/pilot   # typed: " + " | ".join(msgs))
        cap("wscat-tides-large", f"sleep 8 | script -qec 'wscat -c {W}/tides/600' /dev/null", d, n_wscat, timeout=40)
    finally:
        stop(srv)


# --- mitmdump as a reverse proxy

def traffic(n: int, seed: int) -> str:
    rnd = random.Random(seed)
    cmds = []
    P = f"http://127.0.0.1:{P_PROXY}"
    for i in range(n):
        r = rnd.random()
        if r < 0.05:
            cmds.append(f"curl -s -o /dev/null -X PUT -d '{{\"vessel\": \"Saltire\"}}' {P}/api/berth/{i % 30}")
        elif r < 0.1:
            cmds.append(f"curl -s -o /dev/null -X POST -d '{{\"vessel\": \"Vigilant\"}}' {P}/api/boarding")
        elif r < 0.12:
            cmds.append(f"curl -s -o /dev/null -X DELETE {P}/api/berth/{i % 30}")
        else:
            path = rnd.choice(["/api/berths", f"/api/berth/{i % 34}", "/api/tides/old", "/api/tides/today",
                               "/api/boarding", "/api/vts", "/api/forecast", "/api/reset", "/api/short", "/api/pilots",
                               "/"])
            cmds.append(f"curl -s -o /dev/null --max-time 4 {P}{path}")
        if i % 25 == 7:
            cmds.append(f"curl -s -o /dev/null --max-time 3 {P}/api/slow")
    return "; ".join(cmds)


def cap_mitm(tmp: Path) -> None:
    if not MITMDUMP.exists():
        cm.note("skip mitmdump: not found")
        return
    api = start_api(tmp)
    try:
        for slug, upstream, n, seed in (("mixed", P_API, 36, 38914), ("busy", P_API, 170, 38915),
                                        ("dead-upstream", P_DEAD, 18, 38916)):
            d = tmp / f"mitm-{slug}"
            d.mkdir()
            log = open(d / "flows.log", "w")
            px = cm.start(f"{MITMDUMP} --set confdir={d} --mode reverse:http://127.0.0.1:{upstream} "
                          f"--listen-host 127.0.0.1 -p {P_PROXY}", cwd=d, log=log)
            try:
                wait_port(P_PROXY)
                cm.run(traffic(n, seed), cwd=d, timeout=240)
                time.sleep(1)
            finally:
                stop(px)
                log.close()
            add(f"mitmdump-{slug}", f"mitmdump --mode reverse:http://127.0.0.1:{upstream} --listen-host 127.0.0.1 -p "
                f"{P_PROXY}   # its output while the client script ran", (d / "flows.log").read_text(errors="replace"),
                n_mitmdump)
    finally:
        stop(api)


# --- DNS against dnsmasq on 127.0.0.1

def cap_dns(tmp: Path) -> None:
    d = tmp / "dns"
    d.mkdir()
    conf = "\n".join([
        "no-resolv", "no-hosts", "bind-interfaces", "listen-address=127.0.0.1", f"port={P_PROXY}",
        "local=/harbour.test/", "address=/quarantine.harbour.test/",
        "host-record=pilots.harbour.test,10.89.3.10", "host-record=berths.harbour.test,10.89.3.11",
        "host-record=tides.harbour.test,10.89.3.12,fd00:89:3::12",
        "cname=vts.harbour.test,pilots.harbour.test", "cname=lockgate.harbour.test,sluice.harbour.test",
        "cname=dredger.harbour.test,lockgate.harbour.test",
        "txt-record=harbour.test,\"v=spf1 -all\"", "txt-record=tides.harbour.test,\"datum=LAT\",\"gauge=4\"",
        "mx-host=harbour.test,pilots.harbour.test,20", "mx-host=harbour.test,berths.harbour.test,30",
        "srv-host=_pilot._tcp.harbour.test,pilots.harbour.test,8080,0,5",
        "ptr-record=10.3.89.10.in-addr.arpa,pilots.harbour.test",
        "pid-file=", "user=root", "log-queries", "log-facility=-"]) + "\n"
    (d / "dnsmasq.conf").write_text(conf)
    log = open(d / "dnsmasq.log", "w")
    srv = cm.start(f"dnsmasq -k -C {d / 'dnsmasq.conf'}", cwd=d, log=log)
    time.sleep(1)
    try:
        names = ["pilots.harbour.test", "vts.harbour.test", "dredger.harbour.test", "tides.harbour.test AAAA",
                 "quarantine.harbour.test", "example.com", "harbour.test MX", "tides.harbour.test TXT",
                 "_pilot._tcp.harbour.test SRV", "10.3.89.10.in-addr.arpa PTR", "ferry.harbour.test"]
        dr = "; ".join(f"drill -p {P_PROXY} @127.0.0.1 {n}" for n in names)
        cap("drill-harbour-names", dr, d, n_drill, timeout=120)
        cap("drill-refused-timeout", f"drill -p {P_PROXY} @127.0.0.1 example.com; drill -p {P_PROXY} @127.0.0.1 "
            f"nosuch.invalid SOA; drill -p {P_DEAD} @127.0.0.1 pilots.harbour.test; drill -p {P_PROXY} @127.0.0.1 "
            f"-t berths.harbour.test", d, n_drill, timeout=120)
        cap("delv-harbour-names", "; ".join(f"delv @127.0.0.1 -p {P_PROXY} {n}" for n in names[:7]), d, n_delv,
            timeout=120)
        cap("delv-insecure-rtrace", "; ".join(f"delv -i +rtrace @127.0.0.1 -p {P_PROXY} {n}" for n in names), d,
            n_delv, timeout=120)
        cap("nslookup-debug-harbour", "; ".join(f"nslookup -debug -port={P_PROXY} {n.split()[0]} 127.0.0.1"
                                                 for n in names[:6] + names[10:]), d, n_nslookup, timeout=120)
        cap("nslookup-debug-types-dead", f"nslookup -debug -port={P_PROXY} -type=TXT tides.harbour.test 127.0.0.1; "
            f"nslookup -debug -port={P_PROXY} -type=PTR 10.3.89.10.in-addr.arpa 127.0.0.1; "
            f"nslookup -debug -timeout=2 -retry=1 -port={P_DEAD} pilots.harbour.test 127.0.0.1", d, n_nslookup,
            timeout=120)
    finally:
        stop(srv)
        log.close()


STEPS = [cap_wget, cap_http_client, cap_httpx, cap_ab, cap_nmap, cap_tls, cap_pcap, cap_ws, cap_mitm, cap_dns]


def ensure_tools() -> None:
    cm.install_venv(VENV, "httpx", [f"'{p}'" for p in PY_PACKAGES])
    cm.install_npm(TOOLS / "js", "wscat", ["wscat"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(TOOLS / "js" / "node_modules" / ".bin")]
    for t in ("wget", "openssl", "tcpdump", "nmap", "drill", "delv", "nslookup", "ab", "dnsmasq"):
        cm.have(t, t)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide389", sys.modules["__main__"])
    _ = w385
    main()
