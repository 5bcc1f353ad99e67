#!/usr/bin/env python3
"""Capture round 385 of the compression corpus: HTTP and network debugging against services on 127.0.0.1, thirteen
kinds new to the corpus (wget -d, http.client debuglevel, openssl s_client -showcerts, tcpdump -A, scapy summaries,
wscat sessions, mitmdump's flow log, drill, delv, nslookup -debug, ab -v, nmap's http NSE scripts, httpx -v), run
offline on `lanternworks`, a lighthouse keepers' roster API written here with real faults put in. The needle rules are
NEEDLES.md's "Round 385", fixed before capture and applied by the extractors below. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide385.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide385.json  as {"version": 2, "items": [...]}, ids prefixed "wide385-".
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide385-"
DEFAULT_OUT = HERE / "data" / "wide385.json"
TMP = Path(os.environ.get("HM_WIDE385_TMP", "/dev/shm/hm-corpus-wide385-run"))
TOOLS = Path(os.environ.get("HM_WIDE385_TOOLS", "/dev/shm/hm-corpus-wide385"))
VENV = TOOLS / "venv"
PY = VENV / "bin" / "python"
MITMDUMP = Path(os.environ.get("HM_WIDE385_MITMDUMP", str(HERE.parent.parent / ".venv" / "bin" / "mitmdump")))
PY_PACKAGES = ["scapy", "websockets", "httpx[cli]", "cryptography"]
NPM_PACKAGES = ["wscat"]
P_API, P_TLS, P_PROXY = 28385, 38385, 18385  # the DNS server uses UDP 18385, the WebSocket server 38385 after TLS

_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ shared pieces of the rules

ERR = re.compile(r"(?i)error|fail|fatal|refused|reset|timed out|exception|traceback|unable|denied|invalid")
WARN = re.compile(r"(?i)\bwarn")


def errs(lines):
    return [ln for ln in lines if ERR.search(ln)]


def shape(s: str) -> str:
    s = re.sub(r"\"[^\"]*\"|'[^']*'", "Q", s)
    return " ".join(re.sub(r"\d+", "N", s).split())


def last_nonblank(lines):
    nb = [ln for ln in lines if ln.strip()]
    return nb[-1:] if nb else []


def tracebacks(lines):
    """Each traceback's exception line and innermost `File` line."""
    out = []
    for i, ln in enumerate(lines):
        if not ln.startswith("Traceback (most recent call last)"):
            continue
        last_file = None
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if s.lstrip().startswith('File "'):
                last_file = s
            elif s and not s[0].isspace():
                out.append(s)
                break
        if last_file:
            out.append(last_file)
    return out


REQ = re.compile(r"\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (/\S*) HTTP/1\.[01]")


# ------------------------------------------------------------------ the kinds


@cm.kind("wget-debug", "log")
def n_wget_debug(lines):
    """Error lines; HTTP status lines >= 300; Location lines; every request block's request line; the last line."""
    out = errs(lines)
    out += [ln for ln in lines if re.search(r"HTTP/1\.[01] [3-5]\d\d", ln)]
    out += [ln for ln in lines if re.match(r"\s*Location:", ln)]
    out += [ln for ln in lines if re.match(r"(GET|HEAD|POST|PUT|DELETE) \S+ HTTP/1\.[01]", ln)]
    return out + last_nonblank(lines)


@cm.kind("http-client-debuglevel", "log")
def n_http_client(lines):
    """Every send: and reply: line, header: Location lines, tracebacks' exception + innermost File, script lines >= 400."""
    out = [ln for ln in lines if ln.startswith("send: b'") or ln.startswith("reply:")]
    out += [ln for ln in lines if re.match(r"header: Location:", ln)]
    out += tracebacks(lines)
    out += [ln for ln in lines if re.search(r"-> [45]\d\d\b", ln)]
    return out


@cm.kind("openssl-s-client-showcerts", "log")
def n_s_client(lines):
    """Chain s:/i: lines, verify error lines, Verify return code, Verification line, subject/issuer, cipher, errors."""
    out = [ln for ln in lines if re.match(r"\s*\d+ s:", ln) or re.match(r"\s+i:", ln)]
    out += [ln for ln in lines if "verify error:" in ln or "Verify return code:" in ln]
    out += [ln for ln in lines if re.match(r"Verification( error)?:", ln) or re.match(r"(subject|issuer)=", ln)]
    out += [ln for ln in lines if re.match(r"New, ", ln)]
    return out + errs(lines)


TCPDUMP_HDR = re.compile(r"^\d\d:\d\d:\d\d\.\d+ IP6? (\S+)\.(\w+) > (\S+)\.(\w+):")


@cm.kind("tcpdump-A", "log")
def n_tcpdump_a(lines):
    """Round 24's tcpdump rule on header lines; payload lines with an HTTP status >= 400; request lines of rare paths."""
    hdr = [ln for ln in lines if TCPDUMP_HDR.match(ln)]
    out = hdr[:1] + hdr[-1:]
    out += [ln for ln in hdr if re.search(r"Flags \[[^\]]*R", ln)]
    ports = Counter()
    for ln in hdr:
        m = TCPDUMP_HDR.match(ln)
        ports.update({m.group(2), m.group(4)})
    for ln in hdr:
        m = TCPDUMP_HDR.match(ln)
        if ports[m.group(2)] <= 2 or ports[m.group(4)] <= 2:
            out.append(ln)
    out += [ln for ln in lines if not TCPDUMP_HDR.match(ln) and re.search(r"HTTP/1\.[01] [45]\d\d", ln)]
    paths = Counter(m.group(2) for ln in lines for m in [REQ.search(ln)] if m)
    out += [ln for ln in lines if (m := REQ.search(ln)) and paths[m.group(2)] <= 2]
    return out


SCAPY_ROW = re.compile(r"^(?:\d{4} )?(Ether|IP|IPv6|CookedLinux|Raw) / ")
SCAPY_PORTS = re.compile(r"(\S+):(\w+) > (\S+):(\w+)")


@cm.kind("scapy-summary", "log")
def n_scapy(lines):
    """The <pcap: TCP:n …> line, first and last rows, rows with TCP flag R, rows of a port seen in <= 2 rows, DNS rcodes."""
    out = [ln for ln in lines if re.match(r"<\S+: TCP:\d+", ln)]
    rows = [ln for ln in lines if SCAPY_ROW.match(ln)]
    out += rows[:1] + rows[-1:]
    out += [ln for ln in rows if (m := re.search(r"\bTCP \S+ > \S+ ([A-Z]+)", ln)) and "R" in m.group(1)]
    ports = Counter()
    for ln in rows:
        m = SCAPY_PORTS.search(ln)
        if m:
            ports.update({m.group(2), m.group(4)})
    for ln in rows:
        m = SCAPY_PORTS.search(ln)
        if m and (ports[m.group(2)] <= 2 or ports[m.group(4)] <= 2):
            out.append(ln)
    out += [ln for ln in rows if re.search(r"\bDNS\b", ln) and re.search(r"NXDOMAIN|SERVFAIL|REFUSED|FORMERR|NOTIMP", ln)]
    return out


@cm.kind("wscat-session", "log")
def n_wscat(lines):
    """Connected line, error: lines, Disconnected lines, received lines with an error word; warn messages one any per shape."""
    out = [ln for ln in lines if re.match(r"\s*Connected", ln)]
    out += [ln for ln in lines if re.search(r"(?i)\berror:", ln) or "Disconnected (code" in ln]
    groups: dict[str, list[str]] = {}
    for ln in lines:
        if not re.match(r"\s*(> )?< ", ln):
            continue
        if ERR.search(ln):
            out.append(ln)
        elif re.search(r'"level": ?"warn', ln):
            groups.setdefault(shape(ln), []).append(ln)
    return out + [{"any": g} for g in groups.values()]


MITM_FLOW = re.compile(r"^(?:\[[\d:.]+\])?\S+:\d+: ([A-Z]+) \S+")


@cm.kind("mitmdump-flow-log", "log")
def n_mitmdump(lines):
    """listening line, flows with status >= 400 (request + << line), << error lines, error/warn lines, rare methods."""
    out = [ln for ln in lines if "listening at" in ln]
    for i, ln in enumerate(lines):
        if re.match(r"\s*<< [45]\d\d\b", ln) or re.match(r"\s*<< .*(?i:error|killed|disconnected)", ln):
            out.append(ln)
            for k in range(i - 1, max(-1, i - 8), -1):
                if MITM_FLOW.match(lines[k]):
                    out.append(lines[k])
                    break
    out += errs(lines) + [ln for ln in lines if WARN.search(ln)]
    flows = [ln for ln in lines if MITM_FLOW.match(ln)]
    meth = Counter(MITM_FLOW.match(ln).group(1) for ln in flows)
    if flows and meth.most_common(1)[0][1] * 2 >= len(flows):
        out += [ln for ln in flows if meth[MITM_FLOW.match(ln).group(1)] <= 2]
    return out


DNS_RR = re.compile(r"^[\w.*-]+\.\s+\d+\s+IN\s+[A-Z]+\s+\S")


@cm.kind("drill", "log")
def n_drill(lines):
    """HEADER lines with rcode not NOERROR, answer/authority record lines, Error: lines, last Query time and SERVER."""
    out = [ln for ln in lines if ";; ->>HEADER<<-" in ln and "rcode: NOERROR" not in ln]
    sec = ""
    for ln in lines:
        if ln.startswith(";; ") and ln.rstrip().endswith("SECTION:"):
            sec = ln
            continue
        if ("ANSWER" in sec or "AUTHORITY" in sec) and ln.strip() and not ln.startswith(";"):
            out.append(ln)
    out += [ln for ln in lines if ln.startswith("Error:") or ln.startswith("Error ")]
    out += [ln for ln in lines if ln.startswith(";; Query time")][-1:]
    out += [ln for ln in lines if ln.startswith(";; SERVER")][-1:]
    return out


@cm.kind("delv", "log")
def n_delv(lines):
    """Every ;; diagnostic line, every ; fully validated / unsigned answer / negative response line, every record line."""
    out = [ln for ln in lines if ln.startswith(";;")]
    out += [ln for ln in lines if re.match(r"; (fully validated|unsigned answer|negative response)", ln)]
    return out + [ln for ln in lines if DNS_RR.match(ln)]


@cm.kind("nslookup-debug", "log")
def n_nslookup(lines):
    """** and ;; error lines, rcode lines not NOERROR, Name: lines and answer record lines, the Server: line."""
    out = [ln for ln in lines if ln.lstrip().startswith("** ") or ln.startswith(";;")]
    out += [ln for ln in lines if (m := re.search(r"rcode = (\w+)", ln)) and m.group(1) != "NOERROR"]
    out += [ln for ln in lines if ln.startswith("Name:")
            or re.search(r"(\bname = |internet address = |canonical name = )", ln)]
    return out + [ln for ln in lines if ln.startswith("Server:")][:1]


@cm.kind("ab-verbose", "log")
def n_ab(lines):
    """WARNING lines one any per shape (code kept), apr_/error lines, the summary values and the Total: row."""
    groups: dict[str, list[str]] = {}
    for ln in lines:
        if ln.startswith("WARNING:"):
            groups.setdefault(re.sub(r"\d+(?![^()]*\))", "N", ln), []).append(ln)
    out = [{"any": g} for g in groups.values()]
    out += [ln for ln in lines if "apr_" in ln] + errs(lines)
    out += [ln for ln in lines if re.match(r"(Complete requests|Failed requests|Non-2xx responses|Requests per second):", ln)]
    out += [ln for ln in lines if ln.startswith("Time per request:") and "(mean)" in ln]
    out += [ln for ln in lines if re.match(r"\s+\(Connect: ", ln) or ln.startswith("Total:")]
    return out


@cm.kind("nmap-nse-http", "log")
def n_nmap(lines):
    """PORT header, port rows, script header lines, script lines naming a status >= 400, auth, risky methods, Nmap done."""
    out = [ln for ln in lines if re.match(r"PORT\s+STATE\s+SERVICE", ln) or re.match(r"\d+/tcp\s+", ln)]
    out += [ln for ln in lines if re.match(r"\|_?\s?http-[\w.-]+:", ln)]
    out += [ln for ln in lines if ln.startswith("|") and (re.search(r"\b[45]\d\d\b", ln)
                                                          or re.search(r"(?i)www-authenticate|realm|auth", ln)
                                                          or "Potentially risky methods" in ln)]
    return out + [ln for ln in lines if ln.startswith("Nmap done")]


@cm.kind("httpx-cli-verbose", "log")
def n_httpx(lines):
    """* lines naming a failure, request lines with a method, status lines, location/www-authenticate, errors, error class."""
    out = [ln for ln in lines if ln.startswith("*") and ERR.search(ln)]
    out += [ln for ln in lines if re.match(r"(> )?(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \S+ HTTP/", ln)]
    out += [ln for ln in lines if re.match(r"(< )?HTTP/\d(\.\d)? \d{3}", ln)]
    out += [ln for ln in lines if re.match(r"(?i)(< )?(location|www-authenticate):", ln)]
    out += errs(lines)
    return out + [ln for ln in lines if re.match(r"[A-Z]\w+(Error|Exception|Redirects|Timeout)\b.*:", ln)]


# ------------------------------------------------------------------ the material

KEEPERS = ["Abernethy", "Blackwood", "Corran", "Dunnet", "Eilean", "Fastnet", "Godrevy", "Hartland", "Inchkeith",
           "Kinnaird", "Lundy", "Muckle", "Noss", "Orford", "Pladda", "Rubh", "Skerryvore", "Tarbat", "Ushenish",
           "Wolf Rock"]
LIGHTS = ["Bell Rock", "Eddystone", "Longships", "Bishop Rock", "Smalls", "Chicken Rock", "Flannan", "Sule Skerry"]

API = r'''
import json, sys, time, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
KEEPERS = %r
LIGHTS = %r
N = {"flaky": 0}
LOCK = threading.Lock()
TB = """Traceback (most recent call last):
  File "/srv/lanternworks/app/rota.py", line 88, in build_rota
    shift = SHIFTS[keeper.watch]
KeyError: 'dog-watch'
"""
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "lanternworks/0.9"
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
            return self.send(200, "<html><head><title>Lanternworks keepers' roster</title></head><body>rota</body></html>", "text/html")
        if p == "/api/keepers":
            return self.send(200, [{"id": i, "keeper": k, "light": LIGHTS[i %% 8], "watch": ["first", "middle", "morning", "dog-watch"][i %% 4]} for i, k in enumerate(KEEPERS)])
        if p == "/api/loop":
            return self.send(302, "", "text/plain", [("Location", "/api/loop2")])
        if p == "/api/loop2":
            return self.send(302, "", "text/plain", [("Location", "/api/loop")])
        if p == "/api/old-roster":
            return self.send(301, "", "text/plain", [("Location", "/api/keepers")])
        if p == "/api/admin":
            auth = self.headers.get("Authorization", "")
            if auth != "Basic a2VlcGVyOmJlYWNvbg==":
                return self.send(401, {"error": "unauthorized", "detail": "bad or missing credentials"}, extra=[("WWW-Authenticate", 'Basic realm="lanternworks-admin"')])
            return self.send(200, {"ok": True})
        if p == "/api/logbook":
            return self.send(403, {"error": "forbidden", "detail": "logbook is sealed until the relief boat docks"})
        if p == "/api/rota":
            return self.send(500, "500 Internal Server Error\n\n" + TB, "text/plain")
        if p == "/api/drop":
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if p == "/api/flaky":
            with LOCK:
                N["flaky"] += 1
                n = N["flaky"]
            if n %% 5 == 0:
                return self.send(503, {"error": "lamp room busy", "retry_after": n %% 7}, extra=[("Retry-After", "2")])
            return self.send(200, {"light": LIGHTS[n %% 8], "beam": "x" * (n %% 3)})
        if p.startswith("/api/lamp/"):
            ident = p.rsplit("/", 1)[1]
            if ident.isdigit() and int(ident) < 8:
                return self.send(200, {"lamp": int(ident), "light": LIGHTS[int(ident)], "status": "lit"})
            return self.send(404, {"error": "not found", "lamp": ident})
        if p == "/robots.txt":
            return self.send(200, "User-agent: *\nDisallow: /api/admin\nDisallow: /api/logbook\n", "text/plain")
        return self.send(404, {"error": "not found", "path": p})
    do_GET = do_HEAD = do_DELETE = do_PUT = route
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(n)
        try:
            json.loads(body or b"{}")
        except ValueError:
            return self.send(400, {"error": "invalid JSON body"})
        return self.route()
    def do_OPTIONS(self):
        self.send(204, b"", "text/plain", [("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS, TRACE")])
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
''' % (KEEPERS, LIGHTS)


def wait_port(port: int, secs: float = 15) -> None:
    import socket
    end = time.time() + secs
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"port {port} never opened")


def start_api(tmp: Path):
    (tmp / "api.py").write_text(API)
    p = cm.start([sys.executable, str(tmp / "api.py"), str(P_API)], cwd=tmp)
    wait_port(P_API)
    return p


def stop(p) -> None:
    cm.stop(p)
    time.sleep(0.3)


def cap(item_id, command, cwd, extractor, timeout=120, typed=None):
    add(item_id, typed or command, cm.run(command, cwd=cwd, timeout=timeout), extractor)


U = f"http://127.0.0.1:{P_API}"


# --- HTTP clients against the API

def cap_wget(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("wget-debug-redirect-loop", f"wget -d --max-redirect=6 -O /dev/null {U}/api/loop", tmp, n_wget_debug)
        cap("wget-debug-auth-rota", f"wget -d --user=keeper --password=lamp -O /dev/null {U}/api/admin {U}/api/logbook "
            f"{U}/api/rota", tmp, n_wget_debug)
        urls = [f"{U}/api/lamp/{i}" for i in range(0, 14)] + [f"{U}/api/old-roster", f"{U}/api/flaky", f"{U}/nope"]
        (tmp / "urls.txt").write_text("\n".join(urls) + "\n")
        cap("wget-debug-url-list", "wget -d -i urls.txt -P dl", tmp, n_wget_debug)
    finally:
        stop(api)


HTTP_CLIENT = r'''
import sys, urllib.request, urllib.error, http.client
base = sys.argv[1]
opener = urllib.request.build_opener(urllib.request.HTTPHandler(debuglevel=1))
for path in sys.argv[2:]:
    method = "GET"
    if ":" in path:
        method, path = path.split(":", 1)
    req = urllib.request.Request(base + path, method=method, data=b"{not json" if method == "POST" else None)
    try:
        with opener.open(req, timeout=10) as r:
            body = r.read()
            print(f"{method} {path} -> {r.status} {r.reason} ({len(body)} bytes)")
    except urllib.error.HTTPError as e:
        print(f"{method} {path} -> {e.code} {e.reason}: {e.read()[:120]!r}")
'''


def cap_http_client(tmp: Path) -> None:
    (tmp / "probe.py").write_text(HTTP_CLIENT)
    api = start_api(tmp)
    try:
        cap("http-client-roster", f"python3 probe.py {U} /api/keepers /api/old-roster /api/admin /api/logbook "
            "/api/rota /api/lamp/3 /api/lamp/9 POST:/api/keepers", tmp, n_http_client)
        cap("http-client-loop-drop", f"python3 probe.py {U} /api/lamp/1 /api/loop /api/drop /api/keepers", tmp,
            n_http_client)
        paths = " ".join(["/api/flaky"] * 12 + [f"/api/lamp/{i}" for i in range(4, 12)] + ["/api/drop"])
        cap("http-client-flaky", f"python3 probe.py {U} {paths}", tmp, n_http_client)
    finally:
        stop(api)


def cap_httpx(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("httpx-v-rota-admin", f"httpx -v {U}/api/rota; httpx -v --auth keeper lamp {U}/api/admin; "
            f"httpx -v {U}/api/logbook", tmp, n_httpx)
        cap("httpx-v-redirects", f"httpx -v --follow-redirects {U}/api/old-roster; httpx -v --follow-redirects "
            f"{U}/api/loop", tmp, n_httpx)
        cap("httpx-v-post-drop", f"httpx -v -m POST -c '{{bad json' {U}/api/keepers; httpx -v {U}/api/drop; "
            f"httpx -v http://127.0.0.1:{P_TLS}/api/keepers", tmp, n_httpx)
    finally:
        stop(api)


def cap_ab(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        cap("ab-v2-rota-500", f"ab -v 2 -n 30 -c 3 {U}/api/rota", tmp, n_ab)
        cap("ab-v2-flaky", f"ab -v 2 -n 150 -c 6 {U}/api/flaky", tmp, n_ab)
        cap("ab-v3-drop", f"ab -v 3 -n 20 -c 2 -s 5 {U}/api/drop", tmp, n_ab, timeout=60)
    finally:
        stop(api)


def cap_nmap(tmp: Path) -> None:
    api = start_api(tmp)
    try:
        scripts = "+http-title,+http-headers,+http-methods,+http-auth,+http-server-header"
        cap("nmap-nse-http-api", f"nmap -sT -Pn -n -p {P_API},{P_PROXY} --script '{scripts}' 127.0.0.1", tmp, n_nmap,
            timeout=180)
        cap("nmap-nse-http-admin", f"nmap -sT -Pn -n -p {P_API} --script '+http-auth,+http-headers,+http-methods,"
            f"+http-robots.txt' --script-args http-auth.path=/api/admin,http-headers.path=/api/logbook,"
            f"http-methods.url-path=/api/rota 127.0.0.1", tmp, n_nmap, timeout=180)
        cap("nmap-nse-http-sv", f"nmap -sT -sV --version-light -Pn -n -p {P_API} --script '+http-title,+http-auth,"
            f"+http-methods,+http-robots.txt,+http-server-header' --script-args http-auth.path=/api/admin,"
            f"http-title.url=/api/rota 127.0.0.1", tmp, n_nmap, timeout=180)
    finally:
        stop(api)


# --- TLS with broken chains

CERTS = r'''
import datetime as dt, sys
from pathlib import Path
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
out = Path(sys.argv[1]); now = dt.datetime.now(dt.timezone.utc)
def key():
    return ec.generate_private_key(ec.SECP256R1())
def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Lanternworks"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])
def cert(cn, k, issuer_cn, ik, ca, start, days, san=None):
    b = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(name(issuer_cn)).public_key(k.public_key())
         .serial_number(x509.random_serial_number()).not_valid_before(start).not_valid_after(start + dt.timedelta(days=days))
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if san:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in san]), critical=False)
    return b.sign(ik, hashes.SHA256())
def save(stem, c, k=None):
    (out / f"{stem}.pem").write_bytes(c.public_bytes(serialization.Encoding.PEM))
    if k:
        (out / f"{stem}.key").write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
rk, ik = key(), key()
root = cert("Lanternworks Root CA", rk, "Lanternworks Root CA", rk, True, now - dt.timedelta(days=30), 3650)
inter = cert("Lanternworks Relief Boat CA", ik, "Lanternworks Root CA", rk, True, now - dt.timedelta(days=30), 1000)
save("root", root); save("inter", inter)
lk = key(); save("leaf", cert("keepers.lantern.test", lk, "Lanternworks Relief Boat CA", ik, False, now - dt.timedelta(days=2), 90, ["keepers.lantern.test"]), lk)
ek = key(); save("expired", cert("keepers.lantern.test", ek, "Lanternworks Relief Boat CA", ik, False, now - dt.timedelta(days=400), 365, ["keepers.lantern.test"]), ek)
wk = key(); save("wronghost", cert("fogsignal.lantern.test", wk, "Lanternworks Relief Boat CA", ik, False, now - dt.timedelta(days=2), 90, ["fogsignal.lantern.test"]), wk)
sk = key(); save("selfsigned", cert("keepers.lantern.test", sk, "keepers.lantern.test", sk, False, now - dt.timedelta(days=2), 90, ["keepers.lantern.test"]), sk)
'''


def cap_tls(tmp: Path) -> None:
    d = tmp / "tls"
    d.mkdir()
    (d / "certs.py").write_text(CERTS)
    cm.run(f"{PY} certs.py .", cwd=d)
    host = "keepers.lantern.test"
    scen = [("missing-intermediate", "leaf", "", f"-CAfile root.pem -verify_hostname {host}"),
            ("expired-leaf", "expired", "-cert_chain inter.pem", f"-CAfile root.pem -verify_hostname {host}"),
            ("wrong-host", "wronghost", "-cert_chain inter.pem", f"-CAfile root.pem -verify_hostname {host}"),
            ("self-signed", "selfsigned", "", f"-CAfile root.pem -verify_hostname {host}"),
            ("untrusted-root", "leaf", "-cert_chain inter.pem", "-verify_return_error")]
    for slug, stem, chain, cli in scen:
        srv = cm.start(f"openssl s_server -accept 127.0.0.1:{P_TLS} -cert {stem}.pem -key {stem}.key {chain} -www",
                       cwd=d)
        try:
            wait_port(P_TLS)
            cmd = f"openssl s_client -connect 127.0.0.1:{P_TLS} -servername {host} -showcerts {cli} </dev/null"
            cap(f"s-client-showcerts-{slug}", cmd, d, n_s_client, timeout=30)
            if slug == "missing-intermediate":
                cap("wget-debug-tls-missing-intermediate", f"wget -d --ca-certificate=root.pem -O /dev/null "
                    f"https://127.0.0.1:{P_TLS}/ https://localhost:{P_TLS}/", d, n_wget_debug, timeout=30)
        finally:
            stop(srv)


# --- pcaps written here with scapy

PCAP = r'''
import random, sys
from scapy.all import IP, TCP, UDP, DNS, DNSQR, DNSRR, Raw, Ether, wrpcap
random.seed(int(sys.argv[2]))
n = int(sys.argv[3]); pkts = []; t = 1764700000.0
PATHS = ["/api/keepers", "/api/lamp/%%d", "/api/rota", "/api/admin", "/api/logbook", "/api/flaky", "/api/old-roster"]
RESP = {"/api/keepers": (200, "OK"), "/api/rota": (500, "Internal Server Error"), "/api/admin": (401, "Unauthorized"),
        "/api/logbook": (403, "Forbidden"), "/api/flaky": (503, "Service Unavailable"), "/api/old-roster": (301, "Moved Permanently")}
def pk(p):
    global t
    t += random.uniform(0.0005, 0.05); p.time = t; pkts.append(p)
srv = "10.38.5.10"
for i in range(n):
    cli = "10.38.5.%%d" %% random.choice([21, 22, 23, 24]); sp = 40000 + i
    e = Ether(src="02:00:00:00:00:%%02x" %% (i %% 250), dst="02:00:00:00:01:01")
    r = random.random()
    if r < 0.15:
        name = random.choice(["keepers.lantern.test", "fogsignal.lantern.test", "tender.lantern.test", "relief-boat.lantern.test"])
        q = e / IP(src=cli, dst="10.38.5.2") / UDP(sport=sp, dport=53) / DNS(id=i, rd=1, qd=DNSQR(qname=name))
        pk(q)
        if name == "keepers.lantern.test":
            pk(e / IP(src="10.38.5.2", dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=1, qd=DNSQR(qname=name), an=DNSRR(rrname=name, rdata=srv)))
        else:
            pk(e / IP(src="10.38.5.2", dst=cli) / UDP(sport=53, dport=sp) / DNS(id=i, qr=1, rd=1, ra=1, rcode=3, qd=DNSQR(qname=name)))
        continue
    dport = 8080 if random.random() < 0.9 else random.choice([8443, 9090])
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="S", seq=1000))
    if dport != 8080:
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="RA", seq=0, ack=1001))
        continue
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="SA", seq=5000, ack=1001))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=1001, ack=5001))
    path = random.choice(PATHS)
    if "%%d" in path:
        path = path %% random.randint(0, 11)
    req = "GET %%s HTTP/1.1\r\nHost: keepers.lantern.test:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n" %% path
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="PA", seq=1001, ack=5001) / Raw(req.encode()))
    if path.startswith("/api/lamp/"):
        code, reason = (200, "OK") if int(path.rsplit("/", 1)[1]) < 8 else (404, "Not Found")
    else:
        code, reason = RESP.get(path, (200, "OK"))
    body = '{"status": %%d, "path": "%%s"}' %% (code, path)
    resp = "HTTP/1.1 %%d %%s\r\nServer: lanternworks/0.9\r\nContent-Type: application/json\r\nContent-Length: %%d\r\n\r\n%%s" %% (code, reason, len(body), body)
    if path == "/api/rota" and random.random() < 0.5:
        pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="RA", seq=5001, ack=1001 + len(req)))
        continue
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="PA", seq=5001, ack=1001 + len(req)) / Raw(resp.encode()))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="FA", seq=1001 + len(req), ack=5001 + len(resp)))
    pk(e / IP(src=srv, dst=cli) / TCP(sport=dport, dport=sp, flags="FA", seq=5001 + len(resp), ack=1002 + len(req)))
    pk(e / IP(src=cli, dst=srv) / TCP(sport=sp, dport=dport, flags="A", seq=1002 + len(req), ack=5002 + len(resp)))
wrpcap(sys.argv[1], pkts)
'''.replace("%%", "%")

SCAPY_SHOW = r'''
import sys
from scapy.all import rdpcap
pk = rdpcap(sys.argv[1])
print(repr(pk))
pk.nsummary()
'''


def cap_pcap(tmp: Path) -> None:
    d = tmp / "pcap"
    d.mkdir()
    (d / "gen.py").write_text(PCAP)
    (d / "show.py").write_text(SCAPY_SHOW)
    for name, seed, n in (("lamp-small", 7, 12), ("lamp-mid", 11, 40), ("lamp-large", 13, 95)):
        cm.run(f"{PY} gen.py {name}.pcap {seed} {n}", cwd=d, timeout=120)
        cap(f"tcpdump-A-{name}", f"tcpdump -nn -A -r {name}.pcap", d, n_tcpdump_a)
        cap(f"scapy-nsummary-{name}", f"python3 show.py {name}.pcap", d, n_scapy)


# --- WebSockets

WS = r'''
import asyncio, json, sys
from websockets.asyncio.server import serve
async def handler(ws):
    path = ws.request.path
    if path == "/echo":
        async for m in ws:
            try:
                cmd = json.loads(m)
            except ValueError:
                await ws.send(json.dumps({"level": "error", "error": "invalid JSON", "got": m[:40]}))
                continue
            await ws.send(json.dumps({"level": "info", "echo": cmd}))
            if cmd.get("cmd") == "rota":
                await ws.close(1011, "rota builder crashed: KeyError dog-watch")
        return
    n = int(path.rsplit("/", 1)[1]) if path.startswith("/feed/") else 20
    for i in range(n):
        lvl = "error" if i %% 9 == 8 else "warn" if i %% 5 == 4 else "info"
        msg = {"error": "lamp %%d failed to ignite" %% (i %% 8), "warn": "fog signal %%d slow to answer (%%d ms)" %% (i %% 3, 300 + i), "info": "beam %%d rotation ok" %% i}[lvl]
        await ws.send(json.dumps({"seq": i, "level": lvl, "light": %r[i %% 8], "message": msg}))
        await asyncio.sleep(0.01)
    await ws.close(1011, "lamp room heartbeat lost")
def process_request(conn, req):
    if req.path == "/admin":
        return conn.respond(403, "relief keepers only\n")
async def main():
    async with serve(handler, "127.0.0.1", int(sys.argv[1]), process_request=process_request, ping_interval=None):
        await asyncio.Future()
asyncio.run(main())
''' % (LIGHTS,)


def cap_ws(tmp: Path) -> None:
    d = tmp / "ws"
    d.mkdir()
    (d / "ws.py").write_text(WS)
    srv = cm.start([str(PY), str(d / "ws.py"), str(P_TLS)], cwd=d)
    try:
        wait_port(P_TLS)
        W = f"ws://127.0.0.1:{P_TLS}"
        # wscat in a terminal (script(1) gives it one, as an agent's PTY does); stdin stays open for the sleep
        cap("wscat-feed-small", f"sleep 3 | script -qec 'wscat -c {W}/feed/24' /dev/null; "
            f"sleep 1 | script -qec 'wscat -c {W}/admin' /dev/null", d, n_wscat, timeout=40)
        msgs = ['{"cmd": "status", "light": "%s"}' % LIGHTS[i % 8] if i % 4 else '{"cmd": "lamp", "id": %d' % i
                for i in range(14)] + ['{"cmd": "rota"}']
        (d / "typed.sh").write_text("sleep 1\n" + "".join(f"printf '%s\\n' '{m}'; sleep 0.2\n" for m in msgs)
                                    + "sleep 1\n")
        cap("wscat-echo-typed", f"sh typed.sh | script -qec 'wscat -c {W}/echo' /dev/null", d, n_wscat, timeout=40,
            typed=f"wscat -c {W}/echo   # typed: " + " | ".join(msgs))
        cap("wscat-feed-large", f"sleep 7 | script -qec 'wscat -c {W}/feed/400' /dev/null", d, n_wscat, timeout=40)
    finally:
        stop(srv)


# --- mitmdump as a reverse proxy

def traffic(n: int, seed: int) -> str:
    import random
    rnd = random.Random(seed)
    cmds = []
    P = f"http://127.0.0.1:{P_PROXY}"
    for i in range(n):
        r = rnd.random()
        if r < 0.05:
            cmds.append(f"curl -s -o /dev/null -X DELETE {P}/api/lamp/{i % 12}")
        elif r < 0.1:
            cmds.append(f"curl -s -o /dev/null -X POST -d '{{bad' {P}/api/keepers")
        elif r < 0.13:
            cmds.append(f"curl -s -o /dev/null -X OPTIONS {P}/api/keepers")
        else:
            path = rnd.choice(["/api/keepers", f"/api/lamp/{i % 12}", "/api/rota", "/api/admin", "/api/logbook",
                               "/api/flaky", "/api/drop", "/api/old-roster", "/"])
            cmds.append(f"curl -s -o /dev/null --max-time 5 {P}{path}")
    return "; ".join(cmds)


def cap_mitm(tmp: Path) -> None:
    if not MITMDUMP.exists():
        cm.note("skip mitmdump: not found")
        return
    api = start_api(tmp)
    try:
        for slug, upstream, n, seed in (("mixed", P_API, 30, 1), ("busy", P_API, 160, 2), ("upstream-down", P_TLS, 14, 3)):
            d = tmp / f"mitm-{slug}"
            d.mkdir()
            log = open(d / "flows.log", "w")
            px = cm.start(f"{MITMDUMP} --set confdir={d} --mode reverse:http://127.0.0.1:{upstream} "
                          f"--listen-host 127.0.0.1 -p {P_PROXY}", cwd=d, log=log)
            try:
                wait_port(P_PROXY)
                cm.run(traffic(n, seed), cwd=d, timeout=200)
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
        f"server=127.0.0.1#{P_TLS}",  # an upstream nothing listens on
        "local=/lantern.test/", "address=/blocked.lantern.test/",
        "host-record=keepers.lantern.test,10.38.5.10", "host-record=tender.lantern.test,10.38.5.11",
        "cname=rota.lantern.test,keepers.lantern.test", "cname=oldrota.lantern.test,gone.lantern.test",
        "txt-record=lantern.test,\"v=spf1 -all\"", "mx-host=lantern.test,keepers.lantern.test,10",
        "srv-host=_http._tcp.lantern.test,keepers.lantern.test,8080", "pid-file=", "user=root", "log-queries",
        "log-facility=-"]) + "\n"
    (d / "dnsmasq.conf").write_text(conf)
    log = open(d / "dnsmasq.log", "w")
    srv = cm.start(f"dnsmasq -k -C {d / 'dnsmasq.conf'}", cwd=d, log=log)
    time.sleep(1)
    try:
        names = ["keepers.lantern.test", "rota.lantern.test", "oldrota.lantern.test", "fogsignal.lantern.test",
                 "blocked.lantern.test", "example.org", "lantern.test MX", "lantern.test TXT", "_http._tcp.lantern.test SRV"]
        dr = "; ".join(f"drill -p {P_PROXY} @127.0.0.1 {n}" for n in names)
        cap("drill-names", dr, d, n_drill, timeout=120)
        cap("drill-nxdomain-servfail", f"drill -p {P_PROXY} @127.0.0.1 relief-boat.lantern.test AAAA; "
            f"drill -p {P_PROXY} @127.0.0.1 nonexistent.invalid; drill -p {P_PROXY} @127.0.0.1 -t tender.lantern.test",
            d, n_drill, timeout=120)
        dv = "; ".join(f"delv @127.0.0.1 -p {P_PROXY} {n}" for n in names[:6])
        cap("delv-names", dv, d, n_delv, timeout=120)
        cap("delv-insecure-rtrace", "; ".join(f"delv -i +rtrace @127.0.0.1 -p {P_PROXY} {n}" for n in names), d, n_delv,
            timeout=120)
        ns = "; ".join(f"nslookup -debug -port={P_PROXY} {n.split()[0]} 127.0.0.1" for n in names[:6])
        cap("nslookup-debug-names", ns, d, n_nslookup, timeout=120)
        cap("nslookup-debug-types", f"nslookup -debug -port={P_PROXY} -type=MX lantern.test 127.0.0.1; "
            f"nslookup -debug -port={P_PROXY} -type=SRV _http._tcp.lantern.test 127.0.0.1; "
            f"nslookup -debug -port={P_PROXY} -type=AAAA blocked.lantern.test 127.0.0.1", d, n_nslookup, timeout=120)
    finally:
        stop(srv)
        log.close()


STEPS = [cap_wget, cap_http_client, cap_httpx, cap_ab, cap_nmap, cap_tls, cap_pcap, cap_ws, cap_mitm, cap_dns]


def ensure_tools() -> None:
    if not (VENV / "bin" / "httpx").exists():
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q " + " ".join(f"'{p}'" for p in PY_PACKAGES),
               env=cm.PIP_ENV, timeout=900)
    cm.install_npm(TOOLS / "js", "wscat", NPM_PACKAGES)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(TOOLS / "js" / "node_modules" / ".bin")]
    for t in ("wget", "openssl", "tcpdump", "nmap", "drill", "delv", "nslookup", "ab", "dnsmasq"):
        cm.have(t, t)


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide385", sys.modules["__main__"])
    main()
