#!/usr/bin/env python3
"""Capture round 407 of the compression corpus: round 385's thirteen network-debugging kinds a third time, after round
389 (wget -d, http.client debuglevel, openssl s_client -showcerts, tcpdump -A, scapy summaries, wscat sessions,
mitmdump's flow log, drill, delv, nslookup -debug, ab -v, nmap's http NSE scripts, httpx -v), on new material:
`rackline`, a mountain rack railway's API (stations, rack and pinion sections, funiculars, trains) written here with
other faults than rounds 385 and 389, served on 127.0.0.1. No new rules: every extractor is round 385's, imported from
`capture_wide385` by function (NEEDLES.md's "Round 407"). Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide407.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide407.json  as {"version": 2, "items": [...]}, ids prefixed "wide407-".
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

ID_PREFIX = "wide407-"
DEFAULT_OUT = HERE / "data" / "wide407.json"
TMP = Path(os.environ.get("HM_WIDE407_TMP", "/dev/shm/hm-corpus-wide407-run"))
TOOLS = Path(os.environ.get("HM_WIDE407_TOOLS", "/dev/shm/hm-corpus-wide407"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
MITMDUMP = Path(os.environ.get("HM_WIDE407_MITMDUMP", str(HERE.parent.parent / ".venv" / "bin" / "mitmdump")))
PY_PACKAGES = ["scapy", "websockets", "httpx[cli]", "cryptography"]
P_API, P_TLS, P_PROXY = 28407, 38407, 18407  # dnsmasq on UDP 18407, the DNS stub on UDP 28407, WebSocket on 38407
P_DEAD = P_TLS  # nothing listens on 38407 while the HTTP and DNS steps run

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, timeout=120, typed=None):
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout), extractor)


# ------------------------------------------------------------------ the material

RND = random.Random(40710)
STATIONS = ["Talstation", "Rotstock", "Mittelberg", "Alpiglen", "Eigerblick", "Wengwald", "Kleine Scheidegg",
            "Felsenegg", "Gletscherhalt", "Kulm"]
PINIONS = ["Abt", "Riggenbach", "Strub", "Locher", "Marsh"]
SECTIONS = [f"{STATIONS[i]}-{STATIONS[i + 1]}" for i in range(len(STATIONS) - 1)]
RACKS = [{"section": s, "system": RND.choice(PINIONS), "gradient_permille": RND.randint(90, 480),
          "length_m": RND.randint(300, 4200)} for s in SECTIONS]
TRAINS = [{"train": f"{RND.choice(['BDhe', 'He', 'Bhm', 'Be'])} {RND.randint(2, 4)}/{RND.randint(4, 8)} "
           f"No. {RND.randint(11, 79)}", "pinions": RND.randint(2, 4)} for _ in range(14)]
FUNICULARS = ["Gletscherbahn", "Seilbahn Felsenegg", "Standseilbahn Rotstock"]

API = r'''
import gzip, json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
STATIONS = %r
RACKS = %r
TRAINS = %r
FUNICULARS = %r
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "rackline/4.1"
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
    def raw(self, data):
        self.wfile.write(data)
        self.wfile.flush()
        self.close_connection = True
    def route(self):
        if any(len(v) > 1000 for v in self.headers.values()):
            self.close_connection = True
            return self.send(431, {"error": "request header fields too large", "limit": 1000})
        p, _, q = self.path.partition("?")
        if p in ("/", "/index.html"):
            return self.send(200, "<html><head><title>Rackline: summit railway timetable</title></head><body>Talstation - Kulm</body></html>", "text/html")
        if p == "/api/stations":
            return self.send(200, [{"station": s, "altitude_m": 780 + i * 241} for i, s in enumerate(STATIONS)])
        if p == "/api/racks":
            return self.send(200, RACKS)
        if p == "/api/trains":
            return self.send(200, TRAINS)
        if p.startswith("/api/summit/hop/"):
            n = int(p.rsplit("/", 1)[1])
            return self.send(301 if n %% 2 else 302, "", "text/plain", [("Location", "/api/summit/hop/%%d" %% (n + 1))])
        if p == "/api/timetable/old":
            return self.send(301, "", "text/plain", [("Location", "http://summit.rackline.invalid:%%d/api/timetable" %% self.server.server_port)])
        if p == "/api/valley":
            return self.send(302, "", "text/plain")
        if p.startswith("/api/booking/"):
            return self.send(200, {"booking": p.rsplit("/", 1)[1], "seat": "2nd class, car 3"})
        if p == "/api/gradient":
            sec = q.partition("section=")[2]
            if sec not in [r["section"] for r in RACKS]:
                return self.send(400, {"error": "bad request", "detail": "unknown section %%r" %% sec})
            return self.send(200, [r for r in RACKS if r["section"] == sec][0])
        if p == "/api/export":
            if "text/csv" not in self.headers.get("Accept", ""):
                return self.send(406, {"error": "not acceptable", "available": ["text/csv"]})
            return self.send(200, "section,system\n" + "".join("%%s,%%s\n" %% (r["section"], r["system"]) for r in RACKS), "text/csv")
        if p == "/api/logbook":
            if self.headers.get("Range"):
                return self.send(416, {"error": "range not satisfiable"}, extra=[("Content-Range", "bytes */2048")])
            return self.send(200, {"entries": 12}, extra=[("Accept-Ranges", "bytes")])
        if p == "/api/rescue-report":
            return self.send(451, {"error": "unavailable for legal reasons", "detail": "accident report sealed by the cantonal court"})
        if p == "/api/funicular":
            return self.send(503, {"error": "service unavailable", "detail": "%%s closed: wind 78 km/h at Kulm" %% FUNICULARS[0]}, extra=[("Retry-After", "120")])
        if p == "/api/archive":
            return self.send(507, {"error": "insufficient storage", "detail": "telemetry archive volume full"})
        if p == "/api/drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "64")
            self.end_headers()
            for i, ch in enumerate(b'{"position": "between Alpiglen and Eigerblick", "delay_min": 7}'):
                self.wfile.write(bytes([ch])); self.wfile.flush(); time.sleep(0.05 if i < 20 else 3.5)
            return
        if p == "/api/chunked":
            return self.raw(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            b"19\r\n{\"pinion_wear\": [0.12, 0.\r\nzz\r\n31, 0.44]}\r\n0\r\n\r\n")
        if p == "/api/hangup":
            self.close_connection = True
            return
        if p == "/api/legacy":
            return self.raw(b"RACK/0.9 200 FINE\r\nX-Cog: 42\r\n\r\nlegacy signal box answer\r\n")
        if p == "/api/gzip":
            data = b'{"brake_test": "passed", "train": "BDhe 4/8 No. 21"}'
            return self.send(200, data, extra=[("Content-Encoding", "gzip")])
        return self.send(404, {"error": "not found", "path": p})
    do_GET = do_HEAD = route
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        self.rfile.read(n)
        if self.path.startswith("/api/booking"):
            return self.send(303, "", "text/plain", [("Location", "/api/booking/88")])
        if self.path.startswith("/api/archive"):
            return self.send(507, {"error": "insufficient storage", "detail": "telemetry archive volume full"})
        return self.route()
    def do_PUT(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        self.rfile.read(n)
        if self.headers.get("If-Match") != '"rev-17"':
            return self.send(412, {"error": "precondition failed", "detail": "train record changed, reload (etag rev-17)"}, extra=[("ETag", '"rev-17"')])
        return self.send(204, b"", "text/plain")
    def do_DELETE(self):
        return self.send(405, {"error": "method not allowed"}, extra=[("Allow", "GET, HEAD, POST, PUT")])
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
''' % (STATIONS, RACKS, TRAINS, FUNICULARS)


def start_api(tmp: Path):
    (tmp / "api.py").write_text(API)
    p = cm.start([sys.executable, str(tmp / "api.py"), str(P_API)], cwd=tmp)
    wait_port(P_API)
    return p


U = f"http://127.0.0.1:{P_API}"
LONG_HDR = "X-Pinion-Trace: " + "cog" * 400


# --- HTTP clients against the API

def cap_wget(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("wget-debug-redirect-chain", f"wget -d -O /dev/null {U}/api/summit/hop/0 {U}/api/valley "
            f"{U}/api/timetable/old", tmp, n_wget_debug, timeout=60)
        urls = [f"{U}/api/export", f"{U}/api/rescue-report", f"{U}/api/funicular", f"{U}/api/archive",
                f"{U}/api/gradient?section=Kulm-Gipfel", f"{U}/api/stations", f"{U}/api/racks"]
        (tmp / "urls.txt").write_text("\n".join(urls) + "\n")
        cap("wget-debug-status-list", "wget -d --tries=1 -i urls.txt -P dl", tmp, n_wget_debug, timeout=90)
        cap("wget-debug-broken-bodies", f"wget -d --tries=2 --read-timeout=2 -O /dev/null {U}/api/drip "
            f"{U}/api/chunked {U}/api/hangup {U}/api/legacy {U}/api/gzip; wget -d --tries=1 "
            f"--header 'Range: bytes=4096-' -O /dev/null {U}/api/logbook; "
            f"wget -d --tries=1 --header '{LONG_HDR}' -O /dev/null {U}/api/trains", tmp, n_wget_debug, timeout=90,
            typed=f"wget -d --tries=2 --read-timeout=2 -O /dev/null {U}/api/drip {U}/api/chunked {U}/api/hangup "
            f"{U}/api/legacy {U}/api/gzip; wget -d --tries=1 --header 'Range: bytes=4096-' -O /dev/null "
            f"{U}/api/logbook; wget -d --tries=1 --header 'X-Pinion-Trace: cogcog…(1,200 characters)' -O /dev/null "
            f"{U}/api/trains")
    finally:
        stop(api)


HTTP_CLIENT = r'''
import json, sys, urllib.request, urllib.error, http.client
base = sys.argv[1]
opener = urllib.request.build_opener(urllib.request.HTTPHandler(debuglevel=1))
for path in sys.argv[2:]:
    method, data, headers = "GET", None, {}
    if ":" in path:
        method, path = path.split(":", 1)
        if method == "POST":
            data = json.dumps({"train": "BDhe 4/8 No. 21", "from": "Talstation", "to": "Kulm"}).encode()
        elif method == "PUT":
            data = b'{"pinions": 3}'
        elif method == "RANGE":
            method, headers = "GET", {"Range": "bytes=4096-"}
        elif method == "CSV":
            method, headers = "GET", {"Accept": "text/csv"}
        elif method == "LONG":
            method, headers = "GET", {"X-Pinion-Trace": "cog" * 400}
    req = urllib.request.Request(base + path, method=method, data=data, headers=headers)
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
print(opener.open(sys.argv[1] + "/api/stations", timeout=3).status)
opener.open(sys.argv[1] + sys.argv[2], timeout=3).read()
'''


def cap_http_client(tmp: Path) -> None:
    (tmp / "probe.py").write_text(HTTP_CLIENT)
    (tmp / "fetch.py").write_text(HTTP_CLIENT_RAISE)
    api = start_api(tmp)
    try:
        cap("http-client-statuses", f"python3 probe.py {U} /api/racks /api/export CSV:/api/export RANGE:/api/logbook "
            "/api/rescue-report /api/funicular /api/archive POST:/api/archive '/api/gradient?section=Kulm-Gipfel' "
            "POST:/api/booking PUT:/api/train/21 DELETE:/api/train/21 LONG:/api/trains", tmp, n_http_client,
            timeout=60)
        cap("http-client-broken", f"python3 probe.py {U} /api/stations /api/summit/hop/0 /api/valley /api/timetable/old "
            "/api/drip /api/chunked /api/hangup /api/legacy /api/gzip", tmp, n_http_client, timeout=90)
        cap("http-client-raise", f"python3 fetch.py {U} /api/chunked; python3 fetch.py {U} /api/legacy; "
            f"python3 fetch.py {U} /api/drip; python3 fetch.py {U} /api/funicular", tmp, n_http_client, timeout=60)
    finally:
        stop(api)


def cap_httpx(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("httpx-v-statuses", f"httpx -v {U}/api/funicular; httpx -v {U}/api/rescue-report; httpx -v "
            f"{U}/api/archive; httpx -v {U}/api/export; httpx -v -h Range bytes=4096- {U}/api/logbook; httpx -v -m PUT "
            f"-j '{{\"pinions\": 3}}' {U}/api/train/21", tmp, n_httpx, timeout=60)
        cap("httpx-v-redirects", f"httpx -v --follow-redirects {U}/api/summit/hop/0; httpx -v --follow-redirects "
            f"{U}/api/timetable/old; httpx -v --follow-redirects {U}/api/valley; httpx -v --follow-redirects -m POST "
            f"-j '{{\"train\": \"BDhe 4/8 No. 21\"}}' {U}/api/booking", tmp, n_httpx, timeout=60)
        cap("httpx-v-broken-bodies", f"httpx -v --timeout 2 {U}/api/drip; httpx -v {U}/api/chunked; httpx -v "
            f"{U}/api/hangup; httpx -v {U}/api/legacy; httpx -v {U}/api/gzip", tmp, n_httpx, timeout=60)
    finally:
        stop(api)


def cap_ab(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("ab-v2-funicular-503", f"ab -v 2 -n 60 -c 4 {U}/api/funicular", tmp, n_ab)
        cap("ab-v2-long-header-431", f"ab -v 2 -n 30 -c 3 -H '{LONG_HDR}' {U}/api/stations", tmp, n_ab,
            typed=f"ab -v 2 -n 30 -c 3 -H 'X-Pinion-Trace: cogcog…(1,200 characters)' {U}/api/stations")
        cap("ab-v3-hangup", f"ab -r -v 3 -n 10 -c 2 -s 4 {U}/api/hangup", tmp, n_ab, timeout=60)
        cap("ab-v2-export-406-mixed", f"ab -v 2 -n 80 -c 4 {U}/api/export", tmp, n_ab, timeout=60)
    finally:
        stop(api)


def cap_nmap(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("nmap-nse-http-rackline", f"nmap -sT -Pn -n -p {P_API},{P_DEAD} --script '+http-title,+http-headers,"
            f"+http-methods,+http-server-header' --script-args http-headers.path=/api/funicular 127.0.0.1", tmp,
            n_nmap, timeout=180)
        cap("nmap-nse-http-sealed", f"nmap -sT -Pn -n -p {P_API} --script '+http-title,+http-headers,+http-methods,"
            f"+http-date' --script-args http-title.url=/api/rescue-report,http-headers.path=/api/archive,"
            f"http-methods.url-path=/api/export 127.0.0.1", tmp, n_nmap, timeout=180)
        cap("nmap-nse-http-sv", f"nmap -sT -sV --version-light -Pn -n -p {P_API} --script '+http-title,+http-methods,"
            f"+http-server-header,+http-headers' --script-args http-headers.path=/api/logbook 127.0.0.1", tmp, n_nmap,
            timeout=240)
    finally:
        stop(api)


# --- TLS with other mistakes

CERTS = r'''
import datetime as dt, sys
from pathlib import Path
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
out = Path(sys.argv[1]); now = dt.datetime.now(dt.timezone.utc); past = now - dt.timedelta(days=40)
def key():
    return ec.generate_private_key(ec.SECP256R1())
def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Rackline Bergbahnen AG"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])
def cert(cn, k, issuer_cn, ik, ca, days=400, san=None, pathlen=None, permitted=None, serial=None):
    b = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(name(issuer_cn)).public_key(k.public_key())
         .serial_number(serial or x509.random_serial_number()).not_valid_before(past).not_valid_after(past + dt.timedelta(days=days)))
    b = b.add_extension(x509.BasicConstraints(ca=ca, path_length=pathlen if ca else None), critical=True)
    if san:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in san]), critical=False)
    if permitted:
        b = b.add_extension(x509.NameConstraints(permitted_subtrees=[x509.DNSName(s) for s in permitted], excluded_subtrees=None), critical=True)
    return b.sign(ik, hashes.SHA256())
def pem(c):
    return c.public_bytes(serialization.Encoding.PEM)
def save(stem, certs, k=None):
    (out / f"{stem}.pem").write_bytes(b"".join(pem(c) for c in certs))
    if k:
        (out / f"{stem}.key").write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
H = "kulm.rackline.test"
rk, ik, pk, sk, nk = key(), key(), key(), key(), key()
root = cert("Rackline Root CA", rk, "Rackline Root CA", rk, True, 3650)
inter = cert("Rackline Operations CA", ik, "Rackline Root CA", rk, True, 1000)
pl0 = cert("Rackline Pinion CA (pathlen 0)", pk, "Rackline Root CA", rk, True, 1000, pathlen=0)
sub = cert("Rackline Workshop Sub-CA", sk, "Rackline Pinion CA (pathlen 0)", pk, True, 1000)
valley = cert("Rackline Valley CA", nk, "Rackline Root CA", rk, True, 1000, permitted=["valley.rackline.test"])
save("root", [root]); save("inter", [inter]); save("chain-pathlen", [sub, pl0]); save("valley", [valley])
lk = key(); save("leaf", [cert(H, lk, "Rackline Operations CA", ik, False, 90, [H, "funicular.rackline.test"])], lk)
plk = key(); save("leaf-pathlen", [cert(H, plk, "Rackline Workshop Sub-CA", sk, False, 90, [H])], plk)
vk = key(); save("leaf-valley", [cert(H, vk, "Rackline Valley CA", nk, False, 90, [H])], vk)
rvk = key(); revoked = cert(H, rvk, "Rackline Operations CA", ik, False, 90, [H], serial=0x4077)
save("leaf-revoked", [revoked], rvk)
wk = rsa.generate_private_key(public_exponent=65537, key_size=1024)
save("leaf-rsa1024", [cert(H, wk, "Rackline Operations CA", ik, False, 90, [H])], wk)
rc = (x509.RevokedCertificateBuilder().serial_number(0x4077).revocation_date(now - dt.timedelta(days=3))
      .add_extension(x509.CRLReason(x509.ReasonFlags.key_compromise), critical=False).build())
crl = (x509.CertificateRevocationListBuilder().issuer_name(name("Rackline Operations CA")).last_update(now - dt.timedelta(days=1))
       .next_update(now + dt.timedelta(days=6)).add_revoked_certificate(rc).sign(ik, hashes.SHA256()))
(out / "crl.pem").write_bytes(crl.public_bytes(serialization.Encoding.PEM))
'''


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    (d / "certs.py").write_text(CERTS)
    cm.run(f"{PY} certs.py .", cwd=d)
    host = "kulm.rackline.test"
    chk = f"-CAfile root.pem -verify_hostname {host}"
    scen = [("ip-mismatch", "leaf", "-cert_chain inter.pem", "", "-CAfile root.pem -verify_ip 127.0.0.1"),
            ("pathlen-exceeded", "leaf-pathlen", "-cert_chain chain-pathlen.pem", "", chk),
            ("name-constraint", "leaf-valley", "-cert_chain valley.pem", "", chk),
            ("revoked-crl", "leaf-revoked", "-cert_chain inter.pem", "", chk + " -CRL crl.pem -crl_check"),
            ("rsa1024-seclevel", "leaf-rsa1024", "-cert_chain inter.pem", "-cipher DEFAULT@SECLEVEL=0", chk)]
    for slug, stem, chain, sopts, cli in scen:
        srv = cm.start(f"openssl s_server -accept 127.0.0.1:{P_TLS} -cert {stem}.pem -key {stem}.key {chain} {sopts} "
                       f"-www", cwd=d)
        try:
            try:
                wait_port(P_TLS)
            except RuntimeError as e:
                cm.note(f"skip s-client-showcerts-{slug}: s_server did not start ({e})")
                continue
            cmd = f"openssl s_client -connect 127.0.0.1:{P_TLS} -servername {host} -showcerts {cli} </dev/null"
            cap(f"s-client-showcerts-{slug}", cmd, d, n_s_client, timeout=30)
            if slug == "ip-mismatch":
                cap("wget-debug-tls-ip-mismatch", f"wget -d --ca-certificate=root.pem -O /dev/null "
                    f"https://127.0.0.1:{P_TLS}/ https://localhost:{P_TLS}/ https://{host}:{P_TLS}/", d, n_wget_debug, timeout=30)
        finally:
            stop(srv)
    api = start_api(tmp)
    try:
        cap("s-client-showcerts-plain-http-port", f"openssl s_client -connect 127.0.0.1:{P_API} -servername {host} "
            f"-showcerts {chk} </dev/null", d, n_s_client, timeout=30)
    finally:
        stop(api)


# --- pcaps written here with scapy

PCAP = r'''
import random, sys
from scapy.all import IP, TCP, UDP, ICMP, DNS, DNSQR, DNSRR, Raw, Ether, wrpcap
random.seed(int(sys.argv[2]))
n = int(sys.argv[3]); pkts = []; t = 1764800000.0
PATHS = ["/api/stations", "/api/racks", "/api/trains", "/api/funicular", "/api/rescue-report", "/api/logbook",
         "/api/gradient?section=%%s", "/api/export", "/api/drip"]
RESP = {"/api/stations": (200, "OK"), "/api/racks": (200, "OK"), "/api/trains": (200, "OK"),
        "/api/funicular": (503, "Service Unavailable"), "/api/rescue-report": (451, "Unavailable For Legal Reasons"),
        "/api/logbook": (416, "Range Not Satisfiable"), "/api/export": (406, "Not Acceptable")}
SECTIONS = %r
def pk(p, dt=None):
    global t
    t += dt if dt is not None else random.uniform(0.0005, 0.04); p.time = t; pkts.append(p)
srv = "10.40.7.10"; dns = "10.40.7.2"; deaddns = "10.40.7.3"
for i in range(n):
    cli = "10.40.7.%%d" %% random.choice([61, 62, 63, 64])
    sp = 43000 + i
    e = Ether(src="02:00:00:40:07:%%02x" %% (i %% 250), dst="02:00:00:40:07:ff")
    r = random.random()
    if r < 0.13:
        name = random.choice(["kulm.rackline.test", "talstation.rackline.test", "gipfel.rackline.test",
                              "servfail.valley.rackline.test", "formerr.valley.rackline.test"])
        if random.random() < 0.25:  # the dead resolver: port unreachable
            q = IP(src=cli, dst=deaddns) / UDP(sport=sp, dport=53) / DNS(id=i, rd=1, qd=DNSQR(qname=name))
            pk(e / q)
            pk(e / IP(src=deaddns, dst=cli) / ICMP(type=3, code=3) / q)
            continue
        pk(e / IP(src=cli, dst=dns) / UDP(sport=sp, dport=53) / DNS(id=i, rd=1, qd=DNSQR(qname=name)))
        rc = {"gipfel.rackline.test": 3, "servfail.valley.rackline.test": 2, "formerr.valley.rackline.test": 1}.get(name, 0)
        an = DNSRR(rrname=name, rdata=srv) if rc == 0 else None
        pk(e / IP(src=dns, dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=1, rcode=rc, qd=DNSQR(qname=name), an=an))
        continue
    dport = 8080 if random.random() < 0.9 else 9090
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="S", seq=3000))
    if dport != 8080:  # a closed port: RST-ACK at once
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="RA", seq=0, ack=3001))
        continue
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="SA", seq=9000, ack=3001))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=3001, ack=9001))
    path = random.choice(PATHS)
    if "%%s" in path:
        path = path %% random.choice(SECTIONS + ["Kulm-Gipfel"])
    long = random.random() < 0.06
    req = "GET %%s HTTP/1.1\r\nHost: kulm.rackline.test:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n%%s\r\n" %% (path, "X-Pinion-Trace: " + "cog" * 40 + "\r\n" if long else "")
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="PA", seq=3001, ack=9001) / Raw(req.encode()))
    if path == "/api/drip":  # the server stalls with a zero window, the client gives up
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="A", seq=9001, ack=3001 + len(req), window=0))
        pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=3001 + len(req), ack=9001), dt=0.5)
        pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="RA", seq=3001 + len(req), ack=9001), dt=2.0)
        continue
    if long:
        code, reason = 431, "Request Header Fields Too Large"
    elif path.startswith("/api/gradient"):
        code, reason = (400, "Bad Request") if "Gipfel" in path else (200, "OK")
    else:
        code, reason = RESP.get(path, (200, "OK"))
    body = '{"status": %%d, "path": "%%s"}' %% (code, path)
    hdr = "HTTP/1.1 %%d %%s\r\nServer: rackline/4.1\r\nContent-Type: application/json\r\nContent-Length: %%d\r\n" %% (code, reason, len(body) + (400 if code == 200 and random.random() < 0.1 else 0))
    if code == 503:
        hdr += "Retry-After: 120\r\n"
    resp = hdr + "\r\n" + body
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="PA", seq=9001, ack=3001 + len(req)) / Raw(resp.encode()))
    if "Content-Length: %%d\r" %% len(body) not in resp:  # a short body, then the server resets mid-body
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="RA", seq=9001 + len(resp), ack=3001 + len(req)))
        continue
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="FA", seq=3001 + len(req), ack=9001 + len(resp)))
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="FA", seq=9001 + len(resp), ack=3002 + len(req)))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=3002 + len(req), ack=9002 + len(resp)))
wrpcap(sys.argv[1], pkts)
''' % (SECTIONS,)

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
    for name, seed, n in (("rack-small", 40711, 14), ("rack-mid", 40712, 45), ("rack-large", 40713, 88)):
        cm.run(f"{PY} gen.py {name}.pcap {seed} {n}", cwd=d, timeout=120)
        cap(f"tcpdump-A-{name}", f"tcpdump -nn -A -r {name}.pcap", d, n_tcpdump_a)
        cap(f"scapy-nsummary-{name}", f"python3 show.py {name}.pcap", d, n_scapy)
    cap("tcpdump-A-rack-mid-not-8080", "tcpdump -nn -A -r rack-mid.pcap 'not tcp port 8080'", d, n_tcpdump_a)
    cap("scapy-summary-rack-mid", "python3 show.py rack-mid.pcap summary", d, n_scapy)


# --- WebSockets

WS = r'''
import asyncio, json, sys
from websockets.asyncio.server import serve
from websockets.http11 import Response
from websockets.datastructures import Headers
SECTIONS = %r
async def handler(ws):
    path = ws.request.path
    if path == "/dispatch":
        async for m in ws:
            try:
                cmd = json.loads(m)
            except ValueError:
                await ws.send(json.dumps({"level": "error", "error": "invalid dispatch order", "got": m[:40]}))
                continue
            if cmd.get("cmd") == "telemetry-raw":
                await ws.close(1003, "unsupported data: raw pinion telemetry is binary-only")
                return
            if cmd.get("cmd") == "depart" and "train" not in cmd:
                await ws.send(json.dumps({"level": "warn", "warning": "departure order without a train"}))
                continue
            if cmd.get("section") and cmd["section"] not in SECTIONS:
                await ws.send(json.dumps({"level": "error", "error": "unknown rack section %%s" %% cmd["section"]}))
                continue
            await ws.send(json.dumps({"level": "info", "ack": cmd}))
        return
    n = int(path.rsplit("/", 1)[1]) if path.startswith("/trains/") else 20
    for i in range(n):
        lvl = "error" if i %% 13 == 12 else "warn" if i %% 5 == 4 else "info"
        sec = SECTIONS[i %% len(SECTIONS)]
        msg = {"error": "pinion %%d lost rack engagement, emergency brake applied" %% (i %% 4 + 1),
               "warn": "gradient %%d permille above brake test limit on %%s" %% (250 + (i * 37) %% 230, sec),
               "info": "position km %%.2f, speed %%d km/h" %% (0.3 * i %% 9.4, 9 + i %% 14)}[lvl]
        await ws.send(json.dumps({"seq": i, "level": lvl, "section": sec, "message": msg}))
        await asyncio.sleep(0.008)
    await ws.close(1001, "going away: Kulm dispatcher shutting down the feed")
def process_request(conn, req):
    if req.path == "/admin":
        return Response(401, "Unauthorized", Headers([("WWW-Authenticate", 'Basic realm="rackline dispatch"'), ("Content-Length", "0")]))
    if req.path == "/funicular":
        return conn.respond(503, "funicular feed closed: wind 78 km/h at Kulm\n")
async def main():
    async with serve(handler, "127.0.0.1", int(sys.argv[1]), process_request=process_request, ping_interval=None, max_size=512):
        await asyncio.Future()
asyncio.run(main())
''' % (SECTIONS,)


def cap_ws(tmp: Path) -> None:
    d = tmp / "ws"
    d.mkdir()
    (d / "ws.py").write_text(WS)
    srv = cm.start([str(PY), str(d / "ws.py"), str(P_TLS)], cwd=d)
    try:
        wait_port(P_TLS)
        W = f"ws://127.0.0.1:{P_TLS}"
        cap("wscat-trains-small", f"sleep 3 | script -qec 'wscat -c {W}/trains/30' /dev/null; "
            f"sleep 1 | script -qec 'wscat -c {W}/admin' /dev/null; "
            f"sleep 1 | script -qec 'wscat -c {W}/funicular' /dev/null", d, n_wscat, timeout=40)
        a, b = [], []
        for i in range(14):
            if i % 5 == 2:
                a.append('{"cmd": "depart", "section": "%s"' % SECTIONS[i % 9])
            elif i % 5 == 4:
                a.append('{"cmd": "depart", "section": "%s"}' % SECTIONS[i % 9])
            elif i % 7 == 3:
                a.append('{"cmd": "hold", "train": "%s", "section": "Kulm-Gipfel"}' % TRAINS[i]["train"])
            else:
                a.append('{"cmd": "depart", "train": "%s", "section": "%s"}' % (TRAINS[i]["train"], SECTIONS[i % 9]))
        a.append('{"cmd": "telemetry-raw"}')
        b = [a[0], a[1], '{"cmd": "timetable", "rows": "%s"}' % ("Talstation 07:12 " * 40)]
        for stem, msgs in (("a", a), ("b", b)):
            (d / f"typed-{stem}.sh").write_text("sleep 1\n" + "".join(f"printf '%s\\n' '{m}'; sleep 0.2\n" for m in msgs)
                                                + "sleep 1\n")
        cap("wscat-dispatch-typed", f"sh typed-a.sh | script -qec 'wscat -c {W}/dispatch' /dev/null; "
            f"sh typed-b.sh | script -qec 'wscat -c {W}/dispatch' /dev/null", d, n_wscat, timeout=60,
            typed=f"wscat -c {W}/dispatch   # typed: " + " | ".join(a) + f"; wscat -c {W}/dispatch   # typed: "
            + " | ".join(b))
        cap("wscat-trains-large", f"sleep 8 | script -qec 'wscat -c {W}/trains/600' /dev/null", d, n_wscat, timeout=40)
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
            cmds.append(f"curl -s -o /dev/null -X PUT -d '{{\"pinions\": 3}}' {P}/api/train/{i % 20}")
        elif r < 0.1:
            cmds.append(f"curl -s -o /dev/null -X POST -d '{{\"train\": \"He 2/6 No. 14\"}}' {P}/api/booking")
        elif r < 0.12:
            cmds.append(f"curl -s -o /dev/null -X DELETE {P}/api/train/{i % 20}")
        else:
            path = rnd.choice(["/api/stations", "/api/racks", "/api/trains", "/api/summit/hop/3", "/api/valley",
                               "/api/export", "/api/logbook", "/api/rescue-report", "/api/funicular", "/api/archive",
                               "/api/chunked", "/api/hangup", "/api/legacy", "/api/gzip",
                               f"/api/gradient?section={rnd.choice(SECTIONS + ['Kulm-Gipfel'])}", "/"])
            cmds.append(f"curl -s -o /dev/null --max-time 4 {P}{path}")
        if i % 30 == 11:
            cmds.append(f"curl -s -o /dev/null --max-time 3 {P}/api/drip")
    return "; ".join(cmds)


def cap_mitm(tmp: Path) -> None:
    if not MITMDUMP.exists():
        cm.note("skip mitmdump: not found")
        return
    api = start_api(tmp)
    tls = None
    try:
        for slug, upstream, n, seed in (("mixed", f"http://127.0.0.1:{P_API}", 36, 40715),
                                        ("busy", f"http://127.0.0.1:{P_API}", 160, 40716),
                                        ("tls-upstream-unverified", f"https://127.0.0.1:{P_TLS}", 16, 40717)):
            if slug.startswith("tls"):
                tls = cm.start(f"openssl s_server -accept 127.0.0.1:{P_TLS} -cert leaf.pem -key leaf.key "
                               f"-cert_chain inter.pem -www", cwd=tmp / "tls")
                wait_port(P_TLS)
            d = tmp / f"mitm-{slug}"
            d.mkdir()
            log = open(d / "flows.log", "w")
            px = cm.start(f"{MITMDUMP} --set confdir={d} --mode reverse:{upstream} "
                          f"--listen-host 127.0.0.1 -p {P_PROXY}", cwd=d, log=log)
            try:
                wait_port(P_PROXY)
                cm.run(traffic(n, seed), cwd=d, timeout=300)
                time.sleep(1)
            finally:
                stop(px)
                log.close()
            add(f"mitmdump-{slug}", f"mitmdump --mode reverse:{upstream} --listen-host 127.0.0.1 -p "
                f"{P_PROXY}   # its output while the client script ran", (d / "flows.log").read_text(errors="replace"),
                n_mitmdump)
    finally:
        stop(api)
        if tls:
            stop(tls)


# --- DNS against dnsmasq on 127.0.0.1 and a stub upstream written here

STUB = r'''
import socket, sys
from scapy.all import DNS, DNSRR
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    data, addr = s.recvfrom(4096)
    try:
        q = DNS(data)
        name = q.qd.qname.decode().lower() if q.qd else ""
    except Exception:
        continue
    if name.startswith("silent."):
        continue
    r = DNS(id=q.id, qr=1, aa=1, rd=q.rd, ra=0, qd=q.qd)
    if name.startswith("servfail."):
        r.rcode = 2
    elif name.startswith("formerr."):
        r.rcode = 1
    elif name.startswith("notimp.") or (q.qd and q.qd.qtype == 255):
        r.rcode = 4
    elif name.startswith("big."):
        r.tc = 1
    else:
        r.an = DNSRR(rrname=name, type="A", ttl=60, rdata="10.40.7.50")
        r.ancount = 1
    s.sendto(bytes(r), addr)
'''


def cap_dns(tmp: Path) -> None:
    d = tmp / "dns"
    d.mkdir()
    conf = "\n".join([
        "no-resolv", "no-hosts", "bind-interfaces", "listen-address=127.0.0.1", f"port={P_PROXY}",
        "local=/rackline.test/", f"server=/valley.rackline.test/127.0.0.1#{P_API}",
        "address=/closed.rackline.test/0.0.0.0",
        "host-record=kulm.rackline.test,10.40.7.10", "host-record=talstation.rackline.test,10.40.7.11",
        "cname=funicular.rackline.test,kulm.rackline.test",
        "txt-record=rackline.test,\"gauge=800mm\",\"rack=Abt\"",
        "mx-host=rackline.test,kulm.rackline.test,10",
        "srv-host=_dispatch._tcp.rackline.test,kulm.rackline.test,38407,0,10",
        "pid-file=", "user=root", "log-queries", "log-facility=-"]) + "\n"
    (d / "dnsmasq.conf").write_text(conf)
    (d / "stub.py").write_text(STUB)
    stub = cm.start([str(PY), str(d / "stub.py"), str(P_API)], cwd=d)
    log = open(d / "dnsmasq.log", "w")
    srv = cm.start(f"dnsmasq -k -C {d / 'dnsmasq.conf'}", cwd=d, log=log)
    time.sleep(6)
    try:
        names = ["kulm.rackline.test", "funicular.rackline.test", "closed.rackline.test", "kulm.rackline.test AAAA",
                 "gipfel.rackline.test", "rackline.test TXT", "rackline.test MX", "_dispatch._tcp.rackline.test SRV",
                 "servfail.valley.rackline.test", "formerr.valley.rackline.test", "mittel.valley.rackline.test",
                 "notimp.valley.rackline.test", "big.valley.rackline.test TXT"]
        dr = "; ".join(f"drill -p {P_PROXY} @127.0.0.1 {n}" for n in names)
        cap("drill-rackline-names", dr, d, n_drill, timeout=150)
        cap("drill-stub-direct", f"drill -p {P_API} @127.0.0.1 servfail.valley.rackline.test; drill -p {P_API} "
            f"@127.0.0.1 formerr.valley.rackline.test; drill -p {P_API} @127.0.0.1 mittel.valley.rackline.test ANY; "
            f"drill -p {P_API} @127.0.0.1 big.valley.rackline.test TXT; drill -p {P_DEAD} @127.0.0.1 "
            f"kulm.rackline.test; drill -p {P_API} @127.0.0.1 silent.valley.rackline.test", d, n_drill, timeout=150)
        cap("delv-rackline-names", "; ".join(f"delv @127.0.0.1 -p {P_PROXY} {n}" for n in names[:9]), d, n_delv,
            timeout=150)
        cap("delv-insecure-rtrace", "; ".join(f"delv -i +rtrace @127.0.0.1 -p {P_PROXY} {n}" for n in names), d,
            n_delv, timeout=150)
        cap("nslookup-debug-rackline", "; ".join(f"nslookup -debug -port={P_PROXY} {n.split()[0]} 127.0.0.1"
                                                 for n in names[:5] + names[8:11]), d, n_nslookup, timeout=150)
        cap("nslookup-debug-types-stub", f"nslookup -debug -port={P_PROXY} -type=MX rackline.test 127.0.0.1; "
            f"nslookup -debug -port={P_PROXY} -type=AAAA kulm.rackline.test 127.0.0.1; "
            f"nslookup -debug -port={P_API} -type=TXT big.valley.rackline.test 127.0.0.1; "
            f"nslookup -debug -timeout=2 -retry=1 -port={P_API} silent.valley.rackline.test 127.0.0.1", d,
            n_nslookup, timeout=150)
    finally:
        stop(srv)
        stop(stub)
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
    sys.modules.setdefault("capture_wide407", sys.modules["__main__"])
    _ = w385
    main()
