#!/usr/bin/env python3
"""Capture round 166 of the compression corpus: API and load testing against loopback services, shapes new to the
corpus. A small lending-library API of its own (`bookdrop`, Python's http.server on 127.0.0.1) with faults put in: a
handler that answers 500 on some ids, a slow search endpoint, member records that break the service's own OpenAPI
schema, a route renamed so the old one 404s. It is driven by newman runs of Postman collections widened by a seeded
generator (the cli reporter, its JSON report read through jq, its JUnit report), httpyac runs of `.http` files,
Locust's `--csv` files and `--json` stats, Artillery's JSON report through jq and Schemathesis's JUnit report. About
half the command lines are typed as agents type them (`| tail -n 80`, `2>&1 | grep -v …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 166" section fixed before capture, applied by the extractors in
capture_wide166_api.py and capture_wide166_load.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide166.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide166.json  as {"version": 2, "items": [...]}, ids prefixed "wide166-".
"""

from __future__ import annotations

import os
import re
import socket
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide166-"
DEFAULT_OUT = HERE / "data" / "wide166.json"
TMP = Path(os.environ.get("HM_WIDE166_TMP", "/dev/shm/hm-corpus-wide166"))
TOOLS = Path(os.environ.get("HM_WIDE166_TOOLS", "/dev/shm/hm-corpus-wide166-tools"))
VENV = TOOLS / "venv"
JS = TOOLS / "js"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


# The service: a lending library's API with faults put in. /books/<id> answers 500 when id % 17 == 0 (a KeyError in
# the shelf lookup) and 404 past 900; POST /loans 422s without a member and 500s when book_id % 13 == 0; /search
# sleeps 0.25 s (0.9 s for long queries); /members/<id> breaks the schema (joined null, tier outside its enum) on some
# ids; /stats was renamed /metrics and 404s.
SERVICE = r'''
import json, random, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

TITLES = ["Tidewater", "The Salt Road", "Quiet Engines", "Lanterns", "North of Ash", "Glass Orchard", "Field Notes",
          "The Ninth Bell", "Copper Sky", "Riverine", "Low Country", "A Map of Rain", "Harbour Lights", "Slow Fire"]
R = random.Random(166)
BOOKS = {i: {"id": i, "title": f"{R.choice(TITLES)} vol. {i % 7 + 1}", "isbn": "978%010d" % R.randrange(10**10),
             "copies": R.randint(0, 4), "shelf": R.choice(["A1", "A2", "B1", "C3", "D2"])} for i in range(1, 901)}
SHELVES = {"A1": "fiction", "A2": "fiction", "B1": "history", "C3": "science"}  # D2 missing: the fault
TIERS = ["basic", "plus", "staff"]
SPEC = {
  "openapi": "3.0.3", "info": {"title": "bookdrop", "version": "1.4.0"},
  "paths": {
    "/books/{book_id}": {"get": {"operationId": "getBook",
      "parameters": [{"name": "book_id", "in": "path", "required": True,
                      "schema": {"type": "integer", "minimum": 1, "maximum": 900}}],
      "responses": {"200": {"description": "a book", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}},
                    "404": {"description": "no such book"}}}},
    "/members/{member_id}": {"get": {"operationId": "getMember",
      "parameters": [{"name": "member_id", "in": "path", "required": True,
                      "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
      "responses": {"200": {"description": "a member", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Member"}}}}}}},
    "/search": {"get": {"operationId": "search",
      "parameters": [{"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 40}}],
      "responses": {"200": {"description": "hits", "content": {"application/json": {"schema": {"type": "object",
          "required": ["hits"], "properties": {"hits": {"type": "array", "items": {"$ref": "#/components/schemas/Book"}}}}}}}}}},
    "/loans": {"post": {"operationId": "createLoan",
      "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object",
          "required": ["book_id", "member"], "properties": {"book_id": {"type": "integer", "minimum": 1, "maximum": 900},
          "member": {"type": "integer", "minimum": 1}}}}}},
      "responses": {"201": {"description": "loan made", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loan"}}}},
                    "422": {"description": "invalid"}}}},
  },
  "components": {"schemas": {
    "Book": {"type": "object", "required": ["id", "title", "isbn", "copies", "section"],
             "properties": {"id": {"type": "integer"}, "title": {"type": "string"}, "isbn": {"type": "string"},
                            "copies": {"type": "integer", "minimum": 0}, "section": {"type": "string"}}},
    "Member": {"type": "object", "required": ["id", "name", "tier", "joined"],
               "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
                              "tier": {"type": "string", "enum": TIERS}, "joined": {"type": "string", "format": "date"}}},
    "Loan": {"type": "object", "required": ["loan_id", "book_id", "member", "due"],
             "properties": {"loan_id": {"type": "integer"}, "book_id": {"type": "integer"}, "member": {"type": "integer"},
                            "due": {"type": "string"}}}}},
}
LOANS = []


def book(i):
    b = dict(BOOKS[i])
    b["section"] = SHELVES[b.pop("shelf")]
    return b


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path); parts = u.path.strip("/").split("/")
        try:
            if u.path == "/health":
                return self.send(200, {"status": "ok", "books": len(BOOKS)})
            if u.path == "/openapi.json":
                return self.send(200, SPEC)
            if parts[0] == "books" and len(parts) == 2:
                i = int(parts[1])
                if i not in BOOKS:
                    return self.send(404, {"error": f"no book {i}"})
                if i % 17 == 0:
                    raise KeyError(f"shelf index stale for book {i}")
                return self.send(200, book(i))
            if parts[0] == "members" and len(parts) == 2:
                i = int(parts[1])
                m = {"id": i, "name": f"member-{i}", "tier": TIERS[i % 3], "joined": "2021-%02d-%02d" % (i % 12 + 1, i % 28 + 1)}
                if i % 11 == 0:
                    m["joined"] = None
                if i % 19 == 0:
                    m["tier"] = "gold"
                return self.send(200, m)
            if u.path == "/search":
                q = parse_qs(u.query).get("q", [""])[0]
                time.sleep(0.9 if len(q) > 12 else 0.25)
                hits = [book(i) for i in list(BOOKS)[:60] if q.lower() in BOOKS[i]["title"].lower() and BOOKS[i]["shelf"] != "D2"]
                return self.send(200, {"hits": hits[:8], "took_ms": 250})
            if u.path == "/metrics":
                return self.send(200, {"loans": len(LOANS), "books": len(BOOKS)})
            return self.send(404, {"error": f"no route {u.path}"})
        except (KeyError, ValueError) as e:
            return self.send(500, {"error": "internal", "detail": str(e)})

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        if self.path != "/loans":
            return self.send(404, {"error": f"no route {self.path}"})
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.send(400, {"error": "bad json"})
        if not isinstance(body, dict) or "member" not in body or not isinstance(body.get("book_id"), int):
            return self.send(422, {"error": "book_id and member are required"})
        if body["book_id"] % 13 == 0:
            return self.send(500, {"error": "internal", "detail": "loan ledger locked"})
        LOANS.append(body)
        return self.send(201, {"loan_id": len(LOANS), "book_id": body["book_id"], "member": body["member"], "due": "2026-12-15"})

    def log_message(self, *a):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
'''

_BASE: list[str] = []


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def service() -> str:
    """The bookdrop service started once (its base URL)."""
    if not _BASE:
        TMP.mkdir(parents=True, exist_ok=True)
        (TMP / "bookdrop.py").write_text(SERVICE)
        port = free_port()
        cm.start([sys.executable, str(TMP / "bookdrop.py"), str(port)], cwd=TMP)
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        _BASE.append(f"http://127.0.0.1:{port}")
    return _BASE[0]


def ensure_tools() -> None:
    """Locust and Schemathesis in a venv; newman, httpyac and artillery from npm; installed once."""
    cm.install_venv(VENV, "locust", ["locust", "schemathesis"])
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "artillery").exists():  # artillery's playwright engine would fetch a browser
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --ignore-scripts newman httpyac artillery",
               cwd=JS, env={"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}, timeout=1500)
    cm.ensure_apt("jq", "--no-install-recommends jq")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide166_api as api  # newman (cli, JSON through jq, JUnit), httpyac, schemathesis JUnit
    import capture_wide166_load as load  # locust --csv files and --json, artillery's JSON report through jq
    return api.STEPS + load.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide166", sys.modules["__main__"])
    main()
