"""Round 575, httperf: Debian's httperf 0.9 against a smithy order desk written here on 127.0.0.1:18575 (`/anvil`
fast, `/forge` slow, `/quench` answers 500, `/farrier/…` 404, `/catalog` a large body) and against a closed port
(28575); a `--wlog` session mixing the paths with `--print-reply=header`. Every run is bounded (`--num-conns` at most
300, `--timeout`). The extractor is this round's (NEEDLES.md, "Round 575"). Run through capture_wide575.py."""

from __future__ import annotations

import sys
from pathlib import Path

import capture_more as cm
from capture_data import wait_port
from capture_more import write_tree
from capture_wide575 import CLOSED_PORT, PORT, cap, n_httperf

SERVER = """
import sys, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path
        if p.startswith("/anvil"):
            code, body = 200, b"anvil ok: 120 kg\\n"
        elif p.startswith("/forge"):
            time.sleep(0.04)
            code, body = 200, b"forge hot: 1310 C\\n"
        elif p.startswith("/quench"):
            code, body = 500, b"quench tank empty\\n"
        elif p.startswith("/catalog"):
            body = b"".join(b"shoe %05d size %d\\n" % (i, 8 + i % 7) for i in range(3000))
            code = 200
        else:
            code, body = 404, b"no such farrier\\n"
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""


def cap_httperf(tmp: Path) -> None:
    d = tmp / "net"
    write_tree(d, {"desk.py": SERVER})
    uris = ["/anvil", "/forge", "/anvil", "/catalog", "/anvil", "/quench", "/anvil", "/farrier/wyn", "/anvil", "/forge"]
    (d / "mixed.wlog").write_bytes(b"".join(u.encode() + b"\0" for u in uris))
    cm.start([sys.executable, str(d / "desk.py"), str(PORT)])
    wait_port(PORT)
    h = f"httperf --server=127.0.0.1 --port={PORT} --timeout=2"
    cap("httperf-anvil", f"{h} --uri=/anvil --rate=100 --num-conns=300; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-forge-calls", f"{h} --uri=/forge --rate=20 --num-conns=40 --num-calls=5", d, n_httperf, timeout=60)
    cap("httperf-quench", f"{h} --uri=/quench --rate=50 --num-conns=100; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-refused", f"httperf --server=127.0.0.1 --port={CLOSED_PORT} --uri=/anvil --rate=50 --num-conns=100; "
        "echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-wlog-headers", f"{h} --wlog=n,mixed.wlog --num-conns=1 --num-calls=10 --print-reply=header "
        "--print-request=header; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-wlog-verbose", f"{h} --wlog=y,mixed.wlog --rate=20 --num-conns=34 --num-calls=10 --verbose "
        "--print-reply=header", d, n_httperf, timeout=90)
    cap("httperf-catalog-hog", f"{h} --uri=/catalog --rate=40 --num-conns=80 --hog; echo EXIT=$?", d, n_httperf,
        timeout=60)


STEPS = [cap_httperf]
