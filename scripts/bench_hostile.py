"""Decompression bombs and a slowloris against a real `headroom-mitm proxy` gateway: peak RSS of the gateway
and the latency of normal requests sent meanwhile (issue #12). Loopback only.

    .venv/bin/python scripts/bench_hostile.py [--runs 3] [--code DIR] [--only bombs|slowloris] [--json out.json]

--code DIR runs the gateway from another checkout's code (e.g. `git archive main | tar -x -C DIR`), for a
side-by-side with the current tree. Each (bomb, target) pair gets a fresh gateway, so its peak RSS
(VmHWM) is its own. Targets: `llm` has a model rule (the body must be read), `big` has none.
Slowloris: 500 connections from 127.0.0.1 each send their request head one byte per second for 15 s
while a client on 127.0.0.2 sends normal requests; the gateway runs with its default limits.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402

AUTH = "bench:bench-PW"
DECODED = 1 << 30  # each bomb inflates to 1 GiB
POLICY = 'default: allow\nrules:\n  - name: no-gpt4\n    action: deny\n    host: llm.bench.test\n    model: "gpt-4*"\n'


class _Upstream(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        remaining = int(self.headers.get("content-length", "0"))
        while remaining:
            remaining -= len(self.rfile.read(min(remaining, 1 << 16)))
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def bomb(coding: str, cache: Path) -> bytes:
    path = cache / f"bomb.{coding}"
    if path.exists():
        return path.read_bytes()
    head, tail, block = b'{"model":"gpt-4o-mini","pad":"', b'"}', b"0" * (1 << 20)
    if coding == "gzip":
        import zlib

        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        data = c.compress(head) + b"".join(c.compress(block) for _ in range(DECODED >> 20)) + c.compress(tail) + c.flush()
    elif coding == "br":
        import brotli

        c = brotli.Compressor(quality=5)
        data = c.process(head) + b"".join(c.process(block) for _ in range(DECODED >> 20)) + c.process(tail) + c.finish()
    else:
        import zstandard

        c = zstandard.ZstdCompressor(level=3).compressobj()
        data = c.compress(head) + b"".join(c.compress(block) for _ in range(DECODED >> 20)) + c.compress(tail) + c.flush()
    path.write_bytes(data)
    return data


def post(port: int, host: str, body: bytes, extra: str = "", timeout: float = 120, source: str = "") -> int:
    head = (f"POST http://{host}/v1/chat/completions HTTP/1.1\r\nHost: {host}\r\n"
            f"Proxy-Authorization: Basic {base64.b64encode(AUTH.encode()).decode()}\r\n"
            f"Content-Type: application/json\r\n{extra}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                  source_address=(source, 0) if source else None) as sock:
        sock.sendall(head.encode() + body)
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return 0
            data += chunk
    return int(data.split(b" ", 2)[1])


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def gateway(upstream_port: int, code: str | None, tmp: Path) -> tuple[subprocess.Popen, int]:
    policy = tmp / "policy.yaml"
    policy.write_text(POLICY)
    env = {**os.environ}
    if code:
        env["PYTHONPATH"] = f"{code}/addon:{code}/certs"
    argv = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp / "state"), "--policy", str(policy)]
    for host in ("llm.bench.test", "big.bench.test"):
        argv += ["--llm-host", f"{host}=openai-chat", "--route", f"{host}=http://127.0.0.1:{upstream_port}"]
    argv += ["proxy", "--listen", "127.0.0.1:0", "--proxy-auth", AUTH]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    return proc, int(proc.stdout.readline().rsplit(":", 1)[1])


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()


SLOW = 500
SLOW_SECONDS = 15


def slowloris_run(upstream_port: int, code: str | None, tmp: Path) -> dict:
    """SLOW connections trickle their heads a byte a second; a normal client keeps asking meanwhile."""
    import select

    proc, port = gateway(upstream_port, code, tmp)
    normal = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).encode()
    head = (f"POST http://big.bench.test/v1/chat/completions HTTP/1.1\r\nHost: big.bench.test\r\n"
            f"Proxy-Authorization: Basic {base64.b64encode(AUTH.encode()).decode()}\r\n" + "X-Pad: " + "a" * 200).encode()
    socks: list[socket.socket] = []
    try:
        post(port, "big.bench.test", normal)  # warm
        for _ in range(SLOW):
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        open_ = set(range(SLOW))
        latencies: list[float] = []
        started = time.monotonic()
        for second in range(SLOW_SECONDS):
            for i in list(open_):
                try:
                    if select.select([socks[i]], [], [], 0)[0] and not socks[i].recv(4096):
                        open_.discard(i)  # closed by the gateway
                        continue
                    socks[i].send(head[second:second + 1])
                except OSError:
                    open_.discard(i)
            while time.monotonic() < started + second + 1:
                t = time.monotonic()
                post(port, "big.bench.test", normal, extra="", timeout=60, source="127.0.0.2")
                latencies.append(time.monotonic() - t)
        return {"still_open": len(open_), "peak_rss_mb": peak_rss_mb(proc.pid),
                "normal_median_s": statistics.median(latencies), "normal_max_s": max(latencies),
                "normal_requests": len(latencies)}
    finally:
        for sock in socks:
            sock.close()
        stop(proc)


def one_run(coding: str, target: str, payload: bytes, upstream_port: int, code: str | None, tmp: Path) -> dict:
    proc, port = gateway(upstream_port, code, tmp)
    try:
        base = peak_rss_mb(proc.pid)
        normal = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).encode()
        post(port, "big.bench.test", normal)  # warm
        result: dict = {}

        def attack() -> None:
            started = time.monotonic()
            try:
                result["status"] = post(port, f"{target}.bench.test", payload, f"Content-Encoding: {coding}\r\n")
            except OSError as exc:
                result["status"] = f"error: {exc}"
            result["bomb_s"] = time.monotonic() - started

        thread = threading.Thread(target=attack)
        thread.start()
        time.sleep(0.05)
        latencies = []
        while thread.is_alive() or len(latencies) < 5:
            t = time.monotonic()
            post(port, "big.bench.test", normal, timeout=60)
            latencies.append(time.monotonic() - t)
            if len(latencies) >= 200:
                break
        thread.join(180)
        return {"coding": coding, "target": target, "status": result.get("status"), "bomb_s": result.get("bomb_s"),
                "peak_rss_mb": peak_rss_mb(proc.pid), "idle_rss_mb": base,
                "normal_median_s": statistics.median(latencies), "normal_max_s": max(latencies)}
    finally:
        stop(proc)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--code", help="run the gateway from this checkout's addon/ and certs/")
    ap.add_argument("--only", choices=("bombs", "slowloris"))
    ap.add_argument("--json")
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cache = Path(tempfile.gettempdir()) / "headroom-bench-bombs"
    cache.mkdir(exist_ok=True)
    rows = []
    if args.only in (None, "slowloris"):
        runs = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                runs.append(slowloris_run(server.server_address[1], args.code, Path(tmp)))
        row = {"scenario": "slowloris", **{k: statistics.median(r[k] for r in runs) for k in runs[0]}}
        rows.append(row)
        print(f"slowloris {SLOW} connections, {SLOW_SECONDS} s: still open at the end {row['still_open']:.0f}  "
              f"peak RSS {row['peak_rss_mb']:7.1f} MB  normal request median {row['normal_median_s'] * 1000:7.1f} ms  "
              f"max {row['normal_max_s'] * 1000:7.1f} ms  ({row['normal_requests']:.0f} requests)", flush=True)
    for coding in ("gzip", "br", "zstd") if args.only in (None, "bombs") else ():
        payload = bomb(coding, cache)
        for target in ("llm", "big"):
            runs = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as tmp:
                    runs.append(one_run(coding, target, payload, server.server_address[1], args.code, Path(tmp)))
            row = {"coding": coding, "bytes": len(payload), "target": target, "status": runs[-1]["status"]}
            for key in ("peak_rss_mb", "bomb_s", "normal_median_s", "normal_max_s"):
                row[key] = statistics.median(r[key] for r in runs if isinstance(r.get(key), (int, float)))
            rows.append(row)
            print(f"{coding:5} {len(payload):>9} B → 1 GiB  {target:3}  status {row['status']}  "
                  f"peak RSS {row['peak_rss_mb']:7.1f} MB  bomb answered in {row['bomb_s']:6.2f} s  "
                  f"normal request median {row['normal_median_s'] * 1000:7.1f} ms  max {row['normal_max_s'] * 1000:7.1f} ms",
                  flush=True)
    server.shutdown()
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": describe(), "code": args.code or ".", "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
