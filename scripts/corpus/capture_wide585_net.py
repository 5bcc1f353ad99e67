"""Round 585, httperf: Debian's httperf 0.9 against a wheel-order desk written here on 127.0.0.1:18585 (`/spoke`
fast, `/felloe` slow, `/nave` answers 500, `/tyre` answers 503 on every third call, `/wheel/…` 404, `/pattern` a large
body) and against a closed port (28585); `--wlog` sessions mixing the paths with `--print-reply=header`. Every run
is bounded (`--num-conns` at most 300, `--timeout`). The extractor is round 575's, imported. Run through
capture_wide585.py."""

from __future__ import annotations

import sys
from pathlib import Path

import capture_more as cm
from capture_data import wait_port
from capture_more import write_tree
from capture_wide575 import n_httperf
from capture_wide585 import CLOSED_PORT, PORT, cap

SERVER = """
import sys, time, itertools
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
TICK = itertools.count()

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path
        if p.startswith("/spoke"):
            code, body = 200, b"spoke ok: ash, 36 per wheel\\n"
        elif p.startswith("/felloe"):
            time.sleep(0.06)
            code, body = 200, b"felloe bent: elm, 6 per rim\\n"
        elif p.startswith("/nave"):
            code, body = 500, b"nave split along the grain\\n"
        elif p.startswith("/tyre"):
            code, body = (503, b"tyre furnace cooling\\n") if next(TICK) % 3 == 0 else (200, b"tyre shrunk on\\n")
        elif p.startswith("/pattern"):
            body = b"".join(b"pattern %04d cross %d spokes %d\\n" % (i, i % 4, 24 + 4 * (i % 5)) for i in range(2500))
            code = 200
        else:
            code, body = 404, b"no such wheel\\n"
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
    uris = ["/spoke", "/spoke", "/felloe", "/spoke", "/pattern", "/spoke", "/nave", "/spoke", "/spoke", "/wheel/ox",
            "/spoke", "/tyre"]
    (d / "order.wlog").write_bytes(b"".join(u.encode() + b"\0" for u in uris))
    cm.start([sys.executable, str(d / "desk.py"), str(PORT)])
    wait_port(PORT)
    h = f"httperf --server=127.0.0.1 --port={PORT} --timeout=2"
    cap("httperf-spoke", f"{h} --uri=/spoke --rate=120 --num-conns=300; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-felloe-calls", f"{h} --uri=/felloe --rate=15 --num-conns=30 --num-calls=4", d, n_httperf, timeout=60)
    cap("httperf-nave", f"{h} --uri=/nave --rate=40 --num-conns=80; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-tyre", f"{h} --uri=/tyre --rate=30 --num-conns=60 --num-calls=3; echo EXIT=$?", d, n_httperf,
        timeout=60)
    cap("httperf-refused", f"httperf --server=127.0.0.1 --port={CLOSED_PORT} --uri=/spoke --rate=40 --num-conns=80; "
        "echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-felloe-timeout", f"httperf --server=127.0.0.1 --port={PORT} --timeout=0.03 --uri=/felloe --rate=20 "
        "--num-conns=40; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-wlog-headers", f"{h} --wlog=n,order.wlog --num-conns=1 --num-calls=12 --print-reply=header "
        "--print-request=header; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-wlog-verbose", f"{h} --wlog=y,order.wlog --rate=20 --num-conns=30 --num-calls=12 --verbose "
        "--print-reply=header", d, n_httperf, timeout=90)


STEPS = [cap_httperf]
