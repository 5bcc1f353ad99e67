"""Capture round 760 of the compression corpus: HTTP clients run against a loopback JSON API (httpie's `--verbose`
and `--print=Hh` outputs, curl's `-D -` header dump, `wget -S`, httpx's command-line client without `-v`) on a
basket-maker's API written here (`basketry`: withies, frames, weaves, orders; seed 76010) with faults put in (404,
500, 422 and 401 errors, redirect chains and a redirect loop, a body announced as JSON that does not parse, a slow
route that outlasts the client's timeout, batch results holding per-order errors). Needle rules: NEEDLES.md's
"Round 760" section.

Usage:   .venv/bin/python scripts/corpus/capture_wide760.py
Writes:  scripts/corpus/data/wide760.json, ids prefixed "wide760-".
Tools:   /dev/shm/hm-corpus-wide760/venv: httpie 3.2.4, httpx[cli] 0.28.1; Debian's curl 7.88.1 and wget 1.21.3."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide166_api import n_newman_cli  # noqa: E402  (round 166's newman-cli rule)
from capture_more import prev_match  # noqa: E402

ID_PREFIX = "wide760-"
DEFAULT_OUT = HERE / "data" / "wide760.json"
TOOLS = Path("/dev/shm/hm-corpus-wide760")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide760-run")
SEED = 76010
PORT = 17600
BASE = f"http://127.0.0.1:{PORT}"
PY_TOOLS = ["httpie==3.2.4", "httpx[cli]==0.28.1"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

REQ = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/[\d.]+$")
STATUS = re.compile(r"^\s*HTTP/[\d.]+ \d{3}\b")
LOCATION = re.compile(r"^\s*location:", re.I)
MEMBER = re.compile(r'"(error|message|detail)"\s*:')


def _body_members(ln: str) -> bool:
    return bool(MEMBER.search(ln))


@kind("httpie-verbose", "log")
def n_httpie_verbose(lines):
    """every request line, response status line, Location: line, body line holding an "error"/"message"/"detail" member, and http: error:/warning: line"""
    return [ln.strip() if len(ln) > 200 and not _body_members(ln) else ln for ln in lines
            if REQ.match(ln) or STATUS.match(ln) or LOCATION.match(ln) or _body_members(ln)
            or ln.startswith("http: error:") or ln.startswith("http: warning:")]


@kind("httpie-headers", "log")
def n_httpie_headers(lines):
    """every request line, response status line, Location: line, and http: error:/warning: line"""
    return [ln for ln in lines if REQ.match(ln) or STATUS.match(ln) or LOCATION.match(ln)
            or ln.startswith("http: error:") or ln.startswith("http: warning:")]


@kind("curl-dump-header", "log")
def n_curl_dump_header(lines):
    """every HTTP/ status line, every Location: line (any case), and every curl: (N) error line"""
    out = []
    for ln in lines:  # a body without a final newline runs into the next status or curl: line: take it from there
        m = re.search(r"HTTP/[\d.]+ \d{3}\b.*|curl: \(\d+\).*", ln)
        if m:
            out.append(m.group(0))
        elif LOCATION.match(ln):
            out.append(ln)
    return out


@kind("wget-server-response", "log")
def n_wget_s(lines):
    """every --date--  URL request line, indented HTTP status line, Location: line, ERROR/failed/error line, and the closing saved/Downloaded/FINISHED/redirections-exceeded lines"""
    out = []
    for ln in lines:
        m = re.search(r"--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  \S.*", ln)  # a body without a final newline
        if m and not ln.startswith("--"):                                  # runs into the next request line
            out.append(m.group(0))
            continue
        if (re.match(r"^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  \S", ln) or STATUS.match(ln) or LOCATION.match(ln)
                or re.search(r"ERROR|failed|error", ln, re.I) or re.search(r"saved \[[\d/]+\]|^Downloaded:|FINISHED|redirections exceeded", ln)):
            out.append(ln)
    return out


@kind("httpx-cli", "log")
def n_httpx_cli(lines):
    """the response status line, every Location: line, every body line holding an "error"/"message"/"detail" member, and every line naming an exception (...Error, ...Timeout, ...Exception)"""
    return [ln for ln in lines if STATUS.match(ln) or LOCATION.match(ln) or _body_members(ln)
            or re.search(r"\b\w*(Error|Timeout|Exception)\b", ln)]


@kind("wget-spider", "log")
def n_wget_spider(lines):
    """every failing response line (4xx/5xx, ERROR, failed, broken link) with its --date--  URL request line within six above, every line of the closing Found N broken link(s). block, and the FINISHED/Downloaded: lines"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"awaiting response\.\.\. [45]\d\d|ERROR|failed|broken link!", ln):
            out += [prev_match(lines, i, r"^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  \S"), ln]
        if re.match(r"^Found \d+ broken links?\.", ln):
            out.append(ln)
            for x in lines[i + 1:]:
                if not x.strip() and len(out) and out[-1] != ln:
                    break
                if x.strip():
                    out.append(x)
        if re.search(r"^FINISHED|^Downloaded:", ln):
            out.append(ln)
    return out


n_newman_verbose = cm.named("newman-cli-verbose", "test", n_newman_cli.__doc__, n_newman_cli)

# ------------------------------------------------------------------ the basketry's API (faults put in)

SERVER = r'''
import json, random, sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs
SEED = int(sys.argv[2])
WILLOWS = ["Black Maul", "Flanders Red", "Brittany Green", "Dicky Meadows", "Champion Rod", "Golden Willow",
           "Whissender", "Packing Twine", "Purple Osier", "Norfolk Dutch"]
WEAVES = ["randing", "slewing", "pairing", "waling", "fitching", "french randing", "chasing", "packing"]
FRAMES = ["log basket", "potato basket", "shopper", "cradle", "eel trap", "hamper", "creel", "pannier"]

def rows(what, n, seed):
    r = random.Random(seed)
    out = []
    for i in range(1, n + 1):
        if what == "withies":
            row = {"id": i, "variety": r.choice(WILLOWS), "length_ft": r.choice([3, 4, 5, 6, 7, 8]),
                   "bundle": f"B{r.randint(100, 999)}", "state": "seasoned", "stock": r.randint(4, 60),
                   "soak_days": r.randint(3, 10)}
            if i % 37 == 0: row["state"] = "mildewed"
            if i == n // 2: row["stock"] = -3
        elif what == "weaves":
            row = {"id": i, "weave": r.choice(WEAVES), "stakes": r.randint(12, 48), "rows": r.randint(6, 40),
                   "maker": r.choice(["Ada Rush", "Ben Wicker", "Cat Skein", "Dot Bodkin"]), "status": "done"}
            if i % 29 == 0: row["status"] = "unpicked"
        else:
            row = {"id": i, "frame": r.choice(FRAMES), "base": r.choice(["round", "oval", "square"]),
                   "uprights": r.randint(16, 64), "height_in": r.randint(6, 30), "status": "ok"}
        out.append(row)
    return out

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def send(self, code, body, ctype="application/json", extra=()):
        data = body if isinstance(body, bytes) else json.dumps(body, indent=2).encode()
        self.send_response(code); self.send_header("Content-Type", ctype)
        for k, v in extra: self.send_header(k, v)
        self.send_header("Content-Length", str(len(data))); self.end_headers()
        if self.command != "HEAD": self.wfile.write(data)
    def do_HEAD(self): self.do_GET()
    def do_GET(self):
        u = urlparse(self.path); q = parse_qs(u.query); p = u.path
        n = int(q.get("n", ["40"])[0])
        if p in ("/api/withies", "/api/weaves", "/api/frames"):
            return self.send(200, {"count": n, "items": rows(p.split("/")[-1], n, SEED)},
                             extra=[("X-Request-Id", f"req-{SEED}-{n}"), ("Cache-Control", "no-store")])
        if p.startswith("/api/frames/"):
            fid = p.rsplit("/", 1)[-1]
            return self.send(404, {"error": "not_found", "message": f"frame {fid} does not exist in the workshop", "path": p})
        if p == "/api/kiln-report":
            return self.send(500, {"error": "internal", "message": "soak tank sensor returned NaN for tank 3",
                                   "trace_id": f"t-{SEED}"})
        if p == "/api/ledger":
            return self.send(401, {"error": "unauthorized", "message": "missing bearer token"},
                             extra=[("WWW-Authenticate", 'Bearer realm="basketry"')])
        if p == "/api/stock.json":
            body = json.dumps({"count": n, "items": rows("withies", n, SEED + 1)}, indent=2).encode()
            return self.send(200, body[: len(body) * 2 // 3])
        if p == "/old/withies":
            return self.send(301, b"", "text/plain", [("Location", "/v1/withies?n=" + str(n))])
        if p == "/v1/withies":
            return self.send(302, b"", "text/plain", [("Location", "/v2/withies?n=" + str(n))])
        if p == "/v2/withies":
            return self.send(307, b"", "text/plain", [("Location", "/api/withies?n=" + str(n))])
        if p.startswith("/loop/"):
            k = int(p.rsplit("/", 1)[-1])
            return self.send(302, b"", "text/plain", [("Location", f"/loop/{(k + 1) % 3}")])
        if p.startswith("/site/"):
            k = p.rsplit("/", 1)[-1]
            r = random.Random(SEED + len(p))
            links = []
            for i in range(1, 41):
                tgt = r.choice(["/site/withy-%d.html" % i, "/site/frame-%d.html" % i, "/site/weave-%d.html" % i])
                links.append(tgt)
            if k == "index.html":
                links = ["/site/shop-%d.html" % i for i in range(1, 7)] + ["/site/kiln.html", "/api/kiln-report", "/site/gone.html"]
            elif not k.startswith("shop-"):
                links = []
            if k == "gone.html" or (k.endswith(".html") and k[:-5].split("-")[-1].isdigit() and int(k[:-5].split("-")[-1]) % 11 == 0 and not k.startswith("shop-")):
                return self.send(404, b"<html><body>gone</body></html>", "text/html")
            if k == "kiln.html":
                return self.send(503, b"<html><body>kiln offline</body></html>", "text/html", [("Retry-After", "120")])
            html = "<html><head><title>%s</title></head><body>%s</body></html>" % (k, "".join('<a href="%s">%s</a>\n' % (l, l) for l in links))
            return self.send(200, html.encode(), "text/html")
        if p == "/api/slow":
            time.sleep(6)
            return self.send(200, {"ok": True})
        return self.send(404, {"error": "no_route", "message": f"no route for {p}"})
    def do_POST(self):
        ln = int(self.headers.get("Content-Length", "0") or 0)
        raw = self.rfile.read(ln)
        p = urlparse(self.path).path
        try:
            body = json.loads(raw or b"{}")
        except ValueError as e:
            return self.send(400, {"error": "bad_json", "message": f"request body is not JSON: {e}"})
        if p == "/api/orders":
            det = []
            if "frame" not in body: det.append({"loc": ["body", "frame"], "msg": "field required", "type": "missing"})
            if not isinstance(body.get("qty"), int): det.append({"loc": ["body", "qty"], "msg": "value is not a valid integer", "type": "int_parsing"})
            if det: return self.send(422, {"detail": det})
            return self.send(201, {"id": 4411, "frame": body["frame"], "qty": body["qty"]}, extra=[("Location", "/api/orders/4411")])
        if p == "/api/orders/batch":
            n = int(body.get("n", 50)); r = random.Random(SEED + n); res = []
            for i in range(1, n + 1):
                row = {"line": i, "frame": r.choice(FRAMES), "qty": r.randint(1, 12), "status": "accepted"}
                if i % 23 == 0:
                    row["status"] = "rejected"; row["error"] = f"no {r.choice(WILLOWS)} withies long enough for a {row['frame']}"
                res.append(row)
            return self.send(207, {"accepted": sum(x["status"] == "accepted" for x in res),
                                   "rejected": sum(x["status"] == "rejected" for x in res), "results": res})
        return self.send(404, {"error": "no_route", "message": f"no route for POST {p}"})
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''


def ensure_tools() -> None:
    cm.install_venv(VENV, "httpx", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def serve(tmp: Path) -> None:
    (tmp / "basketry_api.py").write_text(SERVER)
    cm.start([sys.executable, str(tmp / "basketry_api.py"), str(PORT), str(SEED)], cwd=tmp)
    for _ in range(50):
        if "200" in run(f"curl -s -o /dev/null -w '%{{http_code}}' {BASE}/api/withies?n=1"):
            return
        time.sleep(0.2)
    raise RuntimeError("the basketry API did not start")


def httpie(tmp: Path) -> None:
    h = "http --ignore-stdin --verbose --pretty=none"
    for name, args in [("withies", f"{BASE}/api/withies n==300"), ("weaves", f"{BASE}/api/weaves n==500"),
                       ("frame-404", f"{BASE}/api/frames/77"), ("kiln-500", f"{BASE}/api/kiln-report"),
                       ("orders-422", f"POST {BASE}/api/orders qty=three"),
                       ("batch", f"POST {BASE}/api/orders/batch n:=260"),
                       ("follow", f"--follow --all {BASE}/old/withies n==200"),
                       ("badjson", f"{BASE}/api/stock.json n==250"),
                       ("timeout", f"--timeout 1 {BASE}/api/slow"),
                       ("frames", f"--check-status {BASE}/api/frames n==320"),
                       ("batch-big", f"--check-status POST {BASE}/api/orders/batch n:=700"),
                       ("ledger", f"--check-status {BASE}/api/ledger"),
                       ("created", f"POST {BASE}/api/orders frame=hamper qty:=2")]:
        cap(f"httpie-v-{name}", f"{h} {args}", tmp, n_httpie_verbose)
    for name, args in [("follow", f"--follow --all {BASE}/old/withies n==5"),
                       ("loop", f"--follow --all --max-redirects 12 {BASE}/loop/0"),
                       ("ledger", f"{BASE}/api/ledger"),
                       ("orders", f"POST {BASE}/api/orders frame=creel qty:=4"),
                       ("frames", f"{BASE}/api/frames n==600"), ("badjson", f"{BASE}/api/stock.json")]:
        cap(f"httpie-h-{name}", f"http --ignore-stdin --print=Hh --pretty=none {args}", tmp, n_httpie_headers)


def curl(tmp: Path) -> None:
    for name, args in [("follow", f"-L {BASE}/old/withies?n=3"), ("loop", f"-L --max-redirs 20 {BASE}/loop/0"),
                       ("many", " ".join(f"{BASE}/api/frames/{i} {BASE}/api/withies?n={i}" for i in range(1, 25))),
                       ("errors", f"{BASE}/api/ledger {BASE}/api/kiln-report {BASE}/api/frames/9 "
                                  f"-m 1 {BASE}/api/slow http://127.0.0.1:17609/api/withies"),
                       ("follow-many", "-L " + " ".join(f"{BASE}/old/withies?n={i}" for i in range(1, 13))),
                       ("mix", " ".join(f"{BASE}/{p}" for i in range(1, 31) for p in
                                        (f"api/frames/{i}", "api/kiln-report", f"api/weaves?n={i}")))]:
        cap(f"curl-D-{name}", f"curl -sS -D - -o /dev/null {args}", tmp, n_curl_dump_header)


def wget(tmp: Path) -> None:
    for name, args in [("withies", f"{BASE}/api/withies?n=250"), ("follow", f"{BASE}/old/withies?n=300"),
                       ("loop", f"--max-redirect 15 {BASE}/loop/0"),
                       ("errors", f"-t 1 -T 2 {BASE}/api/frames/12 {BASE}/api/kiln-report {BASE}/api/slow "
                                  f"{BASE}/api/weaves?n=200 http://127.0.0.1:17609/x"),
                       ("badjson", f"{BASE}/api/stock.json?n=400"),
                       ("frames", f"{BASE}/api/frames?n=150"),
                       ("batch", f"--header 'Content-Type: application/json' --post-data '{{\"n\": 500}}' "
                                 f"{BASE}/api/orders/batch"),
                       ("orders-422", f"--content-on-error --header 'Content-Type: application/json' "
                                      f"--post-data '{{\"qty\": 2}}' {BASE}/api/orders")]:
        cap(f"wget-S-{name}", f"wget -S -O - {args}", tmp, n_wget_s)


def httpx(tmp: Path) -> None:
    for name, args in [("weaves", f"{BASE}/api/weaves -p n 350"), ("frame-404", f"{BASE}/api/frames/31"),
                       ("batch", f"{BASE}/api/orders/batch -m POST -j '{{\"n\": 300}}'"),
                       ("orders-422", f"{BASE}/api/orders -m POST -j '{{\"qty\": \"x\"}}'"),
                       ("follow", f"{BASE}/old/withies -p n 220 --follow-redirects"),
                       ("frames", f"{BASE}/api/frames -p n 120"), ("kiln-500", f"{BASE}/api/kiln-report"),
                       ("batch-small", f"{BASE}/api/orders/batch -m POST -j '{{\"n\": 90}}'"),
                       ("created", f"{BASE}/api/orders -m POST -j '{{\"frame\": \"creel\", \"qty\": 3}}'"),
                       ("withies", f"{BASE}/api/withies -p n 240")]:
        cap(f"httpx-{name}", f"httpx {args}", tmp, n_httpx_cli)


def spider(tmp: Path) -> None:
    for name, args in [("site", f"-r -l 2 {BASE}/site/index.html"), ("shop", f"-r -l 1 {BASE}/site/shop-2.html"),
                       ("site-nv", f"-nv -r -l 2 {BASE}/site/index.html")]:
        cap(f"wget-spider-{name}", f"wget --spider {args}", tmp, n_wget_spider)


def _collection(name: str, reqs: list) -> dict:
    items = []
    for title, method, path, body, tests in reqs:
        req = {"method": method, "url": BASE + path, "header": [{"key": "Content-Type", "value": "application/json"}]}
        if body is not None:
            req["body"] = {"mode": "raw", "raw": body}
        items.append({"name": title, "request": req,
                      "event": [{"listen": "test", "script": {"exec": tests.splitlines()}}]})
    return {"info": {"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": items}


NEWMAN_REQS = [
    ("list withies", "GET", "/api/withies?n=30", None,
     'pm.test("status 200", () => pm.response.to.have.status(200));\n'
     'pm.test("no negative stock", () => pm.response.json().items.forEach(w => pm.expect(w.stock).to.be.at.least(0)));'),
    ("frame 77", "GET", "/api/frames/77", None, 'pm.test("frame found", () => pm.response.to.have.status(200));'),
    ("kiln report", "GET", "/api/kiln-report", None,
     'pm.test("kiln ok", () => pm.response.to.have.status(200));\npm.test("has trace", () => pm.expect(pm.response.json().trace_id).to.be.a("string"));'),
    ("place order", "POST", "/api/orders", '{"frame": "creel", "qty": 4}',
     'pm.test("created", () => pm.response.to.have.status(201));\npm.test("qty echoed", () => pm.expect(pm.response.json().qty).to.eql(5));'),
    ("bad order", "POST", "/api/orders", '{"qty": "four"}',
     'pm.test("accepted", () => pm.response.to.have.status(201));'),
    ("batch", "POST", "/api/orders/batch", '{"n": 60}',
     'pm.test("none rejected", () => pm.expect(pm.response.json().rejected).to.eql(0));'),
    ("stock json", "GET", "/api/stock.json?n=20", None, 'pm.test("parses", () => pm.expect(pm.response.json().count).to.eql(20));'),
    ("ledger", "GET", "/api/ledger", None, 'pm.test("ledger open", () => pm.response.to.have.status(200));'),
    ("weaves", "GET", "/api/weaves?n=25", None,
     'pm.test("all done", () => pm.response.json().items.forEach(w => pm.expect(w.status).to.eql("done")));'),
    ("slow", "GET", "/api/slow", None, 'pm.test("fast", () => pm.response.to.have.status(200));'),
]


def newman(tmp: Path) -> None:
    nm = TOOLS / "js" / "node_modules" / ".bin" / "newman"
    if not nm.exists():
        cm.note("skip newman: not installed")
        return
    import json
    (tmp / "basketry.postman_collection.json").write_text(json.dumps(_collection("basketry", NEWMAN_REQS), indent=1))
    (tmp / "orders.postman_collection.json").write_text(json.dumps(_collection("orders", NEWMAN_REQS[3:6] * 3), indent=1))
    for name, args in [("basketry", "basketry.postman_collection.json --timeout-request 2000"),
                       ("orders", "orders.postman_collection.json"),
                       ("basketry-n2", "basketry.postman_collection.json -n 2 --timeout-request 1500")]:
        cap(f"newman-verbose-{name}", f"newman run {args} --verbose --color off", tmp, n_newman_verbose,
            typed=None, env={"PATH": f"{nm.parent}:{os.environ.get('PATH', '')}"})


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [serve, httpie, curl, wget, httpx, spider, newman],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide760", sys.modules["__main__"])
    main()
