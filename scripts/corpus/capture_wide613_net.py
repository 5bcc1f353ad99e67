"""Round 613, httperf: Debian's httperf 0.9 against an arrow-order desk written here on 127.0.0.1:18613 (`/nock`
fast, `/stave` slow, `/string` answers 500, `/fletch` answers 503 on every fourth call, `/quiver/…` 404, `/tally` a
large body) and against a closed port (28613); `--wlog` sessions mixing the paths with `--print-reply=header`, some
long enough for the 10-60 KB band. Every run is bounded (`--num-conns` at most 200, `--timeout`). The extractor is
round 575's, imported. Run through capture_wide613.py."""

from __future__ import annotations

import sys
from pathlib import Path

import capture_more as cm
from capture_data import wait_port
from capture_more import write_tree
from capture_wide575 import n_httperf
from capture_wide613 import CLOSED_PORT, PORT, cap

SERVER = """
import sys, time, itertools
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
TICK = itertools.count()

class Desk(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        p = self.path
        extra = {}
        if p.startswith("/nock"):
            code, body = 200, b"nock cut: horn insert, self nock\\n"
        elif p.startswith("/stave"):
            time.sleep(0.08)
            code, body = 200, b"stave tillered: yew, 72 lb at 28 in\\n"
        elif p.startswith("/string"):
            code, body = 500, b"bowstring frayed at the serving\\n"
        elif p.startswith("/fletch"):
            if next(TICK) % 4 == 0:
                code, body = 503, b"fletching glue still setting\\n"
                extra["Retry-After"] = "2"
            else:
                code, body = 200, b"fletched: grey goose, three feathers\\n"
        elif p.startswith("/tally"):
            body = b"".join(b"arrow %05d shaft ash spine %d fletch %s\\n" % (i, 40 + i % 30, b"goose" if i % 3 else b"swan")
                            for i in range(1800))
            code = 200
        else:
            code, body = 404, b"no such quiver\\n"
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-Workshop", "bowyer-fletcher")
        for k, v in extra.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Desk).serve_forever()
"""


def cap_httperf(tmp: Path) -> None:
    d = tmp / "net"
    write_tree(d, {"desk.py": SERVER})
    long = ["/nock", "/nock", "/fletch", "/stave", "/nock", "/tally", "/nock", "/string", "/fletch", "/nock",
            "/quiver/crossbow", "/fletch", "/nock", "/fletch", "/nock", "/stave"]
    (d / "order.wlog").write_bytes(b"".join(u.encode() + b"\0" for u in long))
    cm.start([sys.executable, str(d / "desk.py"), str(PORT)])
    wait_port(PORT)
    h = f"httperf --server=127.0.0.1 --port={PORT} --timeout=2"
    cap("httperf-nock", f"{h} --uri=/nock --rate=150 --num-conns=200 --num-calls=2; echo EXIT=$?", d, n_httperf,
        timeout=60)
    cap("httperf-refused", f"httperf --server=127.0.0.1 --port={CLOSED_PORT} --uri=/nock --rate=25 --num-conns=50; "
        "echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-stave-timeout", f"httperf --server=127.0.0.1 --port={PORT} --timeout=0.05 --uri=/stave --rate=10 "
        "--num-conns=20 --num-calls=2; echo EXIT=$?", d, n_httperf, timeout=60)
    cap("httperf-wlog-headers", f"{h} --wlog=y,order.wlog --rate=10 --num-conns=8 --num-calls=16 "
        "--print-reply=header --print-request=header; echo EXIT=$?", d, n_httperf, timeout=90)
    cap("httperf-wlog-verbose", f"{h} --wlog=y,order.wlog --rate=20 --num-conns=18 --num-calls=16 --verbose "
        "--print-reply=header", d, n_httperf, timeout=120)


STEPS = [cap_httperf]
