#!/usr/bin/env python
"""Proxy latency and launcher start-up benchmark for headroom-mitm.

Part 1 — added latency. Sequential keep-alive POSTs of a ~30 KB OpenCode-shaped chat-completions
body to a local HTTPS upstream (its own test CA), over three paths measured side by side:
  direct      client → upstream
  mitmproxy   client → bare mitmproxy (same version, default addons, lazy) → upstream
  headroom    client → headroom-mitm's EmbeddedProxy with our addons, bench.test as an LLM host → upstream
The upstream and each proxy run in their own process, so none of them competes with the client
for the GIL. Each path uses one keep-alive connection (one CONNECT); the paths are interleaved in
rounds so slow phases of a noisy machine hit all three alike.

Part 2 — launcher start-up: `headroom-mitm opencode --version` vs `opencode --version`, interleaved,
with isolated HOME/XDG and state directories.

Reports medians/percentiles and ratios against the targets; it never asserts.

    .venv/bin/python scripts/bench_latency.py            # full run (a few minutes)
    .venv/bin/python scripts/bench_latency.py --quick    # < 1 minute
    .venv/bin/python scripts/bench_latency.py --json out.json
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import (  # noqa: E402
    HOST,
    Child,
    TlsServer,
    bare_mitmproxy_main,
    headroom_main,
    machine,
    make_upstream_pki,
    open_connection,
    percentile,
)
from bench_payload import REPLY, build_body  # noqa: E402
from bench_startup import COMPRESS_CLI, TARGET_COMPRESS_CLI_S, TARGET_STARTUP_S, bench_startup  # noqa: E402

PATHS = ("direct", "mitmproxy", "headroom")
TARGET_ADDED_RATIO = 1.25  # issue #14: headroom-mitm's added p50 ≤ 1.25 × bare mitmproxy's added p50


def cpu_seconds(pid: int) -> float:
    """user + system CPU time a process has used so far (Linux /proc; 0.0 where it is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------------------------
# The upstream: answers every POST with a small JSON completion. (The PKI, the TLS server, the two
# proxies' processes and the client connection are shared with bench_streaming: bench_common.py.)
# --------------------------------------------------------------------------------------------
class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("content-length", "0"))
        self.rfile.read(length)
        head = (
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            f"content-length: {len(REPLY)}\r\nconnection: keep-alive\r\n\r\n"
        ).encode()
        self.wfile.write(head + REPLY)  # one write: no Nagle/delayed-ACK stall between head and body

    def log_message(self, *args: object) -> None:
        pass


def upstream_main(chain: str, pipe) -> None:
    server = TlsServer(Path(chain), _UpstreamHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pipe.send(server.server_address[1])
    pipe.recv()
    pipe.send(server.connections)
    server.shutdown()


# --------------------------------------------------------------------------------------------
# The client
# --------------------------------------------------------------------------------------------
def post(conn: http.client.HTTPSConnection, body: bytes, upstream_port: int) -> float:
    headers = {
        "Host": f"{HOST}:{upstream_port}",
        "Content-Type": "application/json",
        "Authorization": "Bearer sk-bench-not-a-real-key",
        "User-Agent": "opencode/bench",
        "Accept": "application/json",
    }
    start = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200 or data != REPLY:
        raise RuntimeError(f"unexpected answer: {response.status} {data[:200]!r}")
    return elapsed


def bench_latency(args: argparse.Namespace, tmp: Path) -> dict:
    chain, bench_ca = make_upstream_pki(tmp)
    body = build_body(args.body_bytes)
    auth = "bench:" + base64.urlsafe_b64encode(os.urandom(18)).decode()

    from headroom_certs.ca import create_ca

    headroom_confdir = create_ca(tmp / "headroom-ca", "headroom-mitm bench proxy CA", dt.timedelta(days=1))
    bare_confdir = tmp / "mitmproxy-conf"  # bare mitmproxy makes its own CA here
    bare_confdir.mkdir(mode=0o700)

    children: list[Child] = []
    try:
        upstream = Child(upstream_main, str(chain))
        children.append(upstream)
        bare = Child(bare_mitmproxy_main, str(bare_confdir), str(bench_ca))
        children.append(bare)
        headroom = Child(
            headroom_main, str(headroom_confdir.directory), str(tmp / "scratch"), str(bench_ca),
            str(tmp / "headroom-state"), auth, args.headroom_option,
            str(args.profile_hooks.resolve()) if args.profile_hooks else args.hook_timing,
        )
        children.append(headroom)

        conns = {
            "direct": open_connection("direct", upstream.port, None, bench_ca, None),
            "mitmproxy": open_connection("mitmproxy", upstream.port, bare.port, bare_confdir / "mitmproxy-ca-cert.pem", None),
            "headroom": open_connection("headroom", upstream.port, headroom.port, headroom_confdir.cert, auth),
        }
        for name, conn in conns.items():  # warm-up: handshakes, CONNECT, first-flow costs; not measured
            for _ in range(args.warmup):
                post(conn, body, upstream.port)
        samples: dict[str, list[float]] = {p: [] for p in PATHS}
        # CPU the proxy process spends while its own path is measured (the other proxy is idle then)
        proxy_pid = {"mitmproxy": bare.process.pid, "headroom": headroom.process.pid}
        proxy_cpu: dict[str, float] = {"mitmproxy": 0.0, "headroom": 0.0}
        socks = {name: id(conn.sock) for name, conn in conns.items()}
        for rnd in range(args.rounds):
            order = PATHS[rnd % 3:] + PATHS[:rnd % 3]  # rotate who goes first
            for name in order:
                conn = conns[name]
                cpu_before = cpu_seconds(proxy_pid[name]) if name in proxy_pid else 0.0
                for _ in range(args.requests):
                    samples[name].append(post(conn, body, upstream.port))
                if name in proxy_pid:
                    proxy_cpu[name] += cpu_seconds(proxy_pid[name]) - cpu_before
            print(f"  round {rnd + 1}/{args.rounds}: " + "  ".join(
                f"{n} p50 {statistics.median(samples[n][-args.requests:]) * 1e3:.2f} ms" for n in PATHS), file=sys.stderr)
        reused = all(id(conn.sock) == socks[name] for name, conn in conns.items())
        for conn in conns.values():
            conn.close()
        upstream.pipe.send("stop")
        upstream_connections = upstream.pipe.recv() if upstream.pipe.poll(10) else None
        hook_times: dict[str, list[float]] = {}
        if args.hook_timing or args.profile_hooks:
            headroom.pipe.send("stop")
            if headroom.pipe.poll(10):
                hook_times = headroom.pipe.recv()
    finally:
        for child in reversed(children):
            child.stop()

    result: dict = {"body_bytes": len(body), "rounds": args.rounds, "requests_per_round": args.requests,
                    "one_connection_per_path": reused, "upstream_connections_accepted": upstream_connections,
                    "paths": {}}
    for name in PATHS:
        s = samples[name]
        result["paths"][name] = {
            "n": len(s),
            "p50_ms": percentile(s, 0.50) * 1e3,
            "p99_ms": percentile(s, 0.99) * 1e3,
            "mean_ms": statistics.fmean(s) * 1e3,
            # per-round medians: how stable the p50 is on this machine
            "round_p50_ms": [statistics.median(s[i:i + args.requests]) * 1e3 for i in range(0, len(s), args.requests)],
        }
    direct = result["paths"]["direct"]["p50_ms"]
    for name in ("mitmproxy", "headroom"):
        result["paths"][name]["added_p50_ms"] = result["paths"][name]["p50_ms"] - direct
    for name, spent in proxy_cpu.items():
        result["paths"][name]["proxy_cpu_ms_per_request"] = spent * 1e3 / (args.rounds * args.requests)
    cpu_bare = result["paths"]["mitmproxy"]["proxy_cpu_ms_per_request"]
    result["headroom_over_mitmproxy_cpu"] = (result["paths"]["headroom"]["proxy_cpu_ms_per_request"] / cpu_bare
                                             if cpu_bare > 0 else float("nan"))
    bare_added = result["paths"]["mitmproxy"]["added_p50_ms"]
    head_added = result["paths"]["headroom"]["added_p50_ms"]
    result["headroom_over_mitmproxy_p50"] = result["paths"]["headroom"]["p50_ms"] / result["paths"]["mitmproxy"]["p50_ms"]
    result["headroom_over_mitmproxy_added_p50"] = head_added / bare_added if bare_added > 0 else float("nan")
    # Round-paired comparison: median over rounds of (headroom round p50 / mitmproxy round p50).
    pairs = zip(result["paths"]["headroom"]["round_p50_ms"], result["paths"]["mitmproxy"]["round_p50_ms"])
    result["headroom_over_mitmproxy_p50_paired"] = statistics.median(h / b for h, b in pairs)
    if hook_times:
        total_requests = args.warmup + args.rounds * args.requests
        result["hook_timing"] = sorted(
            ({"hook": k, "calls": len(v), "p50_ms": percentile(v, 0.5) * 1e3,
              "total_ms_per_request": sum(v) * 1e3 / total_requests} for k, v in hook_times.items()),
            key=lambda r: -r["total_ms_per_request"],
        )
    result["headroom_options"] = args.headroom_option
    result["targets"] = {"headroom_added_over_mitmproxy_added<=1.25": result["headroom_over_mitmproxy_added_p50"] <= TARGET_ADDED_RATIO}
    return result


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
def markdown(result: dict) -> str:
    out = []
    m = result["machine"]
    out.append(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, Python {m['python']}, "
               f"mitmproxy {m['mitmproxy']}, {m['date']}")
    lat = result.get("latency")
    if lat:
        out.append("")
        out.append(f"Latency: {lat['rounds']} rounds × {lat['requests_per_round']} sequential keep-alive POSTs per path, "
                   f"{lat['body_bytes']} B body, one client connection per path: {lat['one_connection_per_path']}; "
                   f"TLS connections the upstream accepted in all: {lat['upstream_connections_accepted']}")
        out.append("")
        out.append("| path | p50 (ms) | p99 (ms) | added p50 vs direct (ms) | proxy CPU per request (ms) |")
        out.append("|---|---:|---:|---:|---:|")
        for name in PATHS:
            p = lat["paths"][name]
            added = f"{p['added_p50_ms']:+.2f}" if "added_p50_ms" in p else "—"
            cpu = f"{p['proxy_cpu_ms_per_request']:.3f}" if "proxy_cpu_ms_per_request" in p else "—"
            label = {"direct": "direct", "mitmproxy": "bare mitmproxy", "headroom": "headroom-mitm"}[name]
            out.append(f"| {label} | {p['p50_ms']:.2f} | {p['p99_ms']:.2f} | {added} | {cpu} |")
        head = lat["paths"]["headroom"]
        out.append("")
        out.append("| comparison | value | target |")
        out.append("|---|---:|---|")
        met = "met" if lat["targets"]["headroom_added_over_mitmproxy_added<=1.25"] else "not met"
        out.append(f"| headroom-mitm added p50 / bare mitmproxy added p50 | {lat['headroom_over_mitmproxy_added_p50']:.2f} "
                   f"| ≤ {TARGET_ADDED_RATIO} ({met}) |")
        out.append(f"| headroom-mitm added p50 | {head['added_p50_ms']:.2f} ms | |")
        out.append(f"| headroom-mitm p50 / bare mitmproxy p50 | {lat['headroom_over_mitmproxy_p50']:.3f} | |")
        out.append(f"| same, median of per-round ratios | {lat['headroom_over_mitmproxy_p50_paired']:.3f} | |")
        out.append(f"| proxy CPU per request, headroom-mitm / bare mitmproxy | {lat['headroom_over_mitmproxy_cpu']:.2f} | |")
    if lat and lat.get("hook_timing"):
        out.append("")
        out.append("| headroom-mitm addon hook (in-process timer) | calls | p50 (ms) | ms per request |")
        out.append("|---|---:|---:|---:|")
        for row in lat["hook_timing"][:12]:
            out.append(f"| `{row['hook']}` | {row['calls']} | {row['p50_ms']:.3f} | {row['total_ms_per_request']:.3f} |")
    st = result.get("startup")
    if st:
        out.append("")
        out.append(f"Start-up: {st['runs']} interleaved runs each, OpenCode {st['opencode_version']}")
        out.append("")
        out.append("| command | wall median (s) | wall min (s) | wall max (s) | CPU median (s) |")
        out.append("|---|---:|---:|---:|---:|")
        for name, c in st["commands"].items():
            out.append(f"| `{name}` | {c['median_s']:.3f} | {c['min_s']:.3f} | {c['max_s']:.3f} | {c['cpu_median_s']:.3f} |")
        out.append("")
        out.append(f"Launcher overhead (median wall difference): **{st['overhead_median_s']:.3f} s** "
                   f"(target ≤ {TARGET_STARTUP_S} s: {'met' if st['targets']['overhead<=0.2s'] else 'not met'}); "
                   f"difference of minimums {st['overhead_min_s']:.3f} s; CPU-time difference {st['overhead_cpu_median_s']:.3f} s")
        out.append("")
        out.append(f"`{COMPRESS_CLI}` (median): {st['commands'][COMPRESS_CLI]['median_s']:.3f} s "
                   f"(target ≤ {TARGET_COMPRESS_CLI_S} s: {'met' if st['targets']['compress<=0.3s'] else 'not met'})")
        if st.get("at_spawn"):
            sp = st["at_spawn"]
            out.append("")
            out.append(f"Launcher start → agent spawned (median of {st['runs']}): {sp['wall_median_s']:.3f} s wall, "
                       f"{sp['cpu_median_s']:.3f} s CPU, {sp['modules']} modules loaded")
        if st.get("import_profile"):
            out.append("")
            out.append("| import (cumulative, `-X importtime`) | ms |")
            out.append("|---|---:|")
            for row in st["import_profile"]:
                out.append(f"| {'  ' * row['depth']}`{row['module']}` | {row['cumulative_ms']:.0f} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run in under a minute")
    parser.add_argument("--rounds", type=int, help="interleaved rounds per path (default 10, quick 3)")
    parser.add_argument("--requests", type=int, help="requests per path per round (default 200, quick 50)")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per path first (default 20)")
    parser.add_argument("--body-bytes", type=int, default=30_000, help="request body size (default 30000)")
    parser.add_argument("--startup-runs", type=int, help="runs per start-up command (default 15, quick 4)")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--no-profile", dest="profile_imports", action="store_false",
                        help="skip the -X importtime breakdown of the launcher")
    parser.add_argument("--headroom-option", action="append", default=[], metavar="FIELD=JSON",
                        help="override a GlobalOptions field for the headroom path, e.g. compress=false (repeatable)")
    parser.add_argument("--hook-timing", action="store_true",
                        help="time each headroom-mitm addon hook inside the proxy process and report the heaviest")
    parser.add_argument("--profile-hooks", type=Path, metavar="PATH",
                        help="with hook timing, write a cProfile of the synchronous hooks to PATH (pstats)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    args.rounds = args.rounds or (3 if args.quick else 10)
    args.requests = args.requests or (40 if args.quick else 200)
    args.startup_runs = args.startup_runs or (3 if args.quick else 15)
    extra = {}
    for item in args.headroom_option:
        key, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--headroom-option {item!r}: expected FIELD=JSON")
        extra[key.strip()] = json.loads(value)
    args.headroom_option = extra

    result: dict = {"machine": machine(), "command": " ".join([Path(sys.executable).name, *sys.argv])}
    tmp = Path(tempfile.mkdtemp(prefix="headroom-bench-"))
    try:
        if not args.skip_latency:
            print("latency…", file=sys.stderr)
            result["latency"] = bench_latency(args, tmp)
        if not args.skip_startup:
            print("start-up…", file=sys.stderr)
            result["startup"] = bench_startup(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
