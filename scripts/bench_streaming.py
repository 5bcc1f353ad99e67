#!/usr/bin/env python
"""Streaming benchmark for headroom-mitm (issue #5, "Metering and inspection").

A local HTTPS upstream (bench.test, its own test CA, own process) answers every POST with an
OpenAI chat-completions SSE stream: N content chunks, a usage chunk, then `data: [DONE]`, one
event every INTERVAL ms on a fixed schedule. Each event carries the upstream's send time
(`time.monotonic_ns()`, i.e. CLOCK_MONOTONIC: one clock for every process on the machine, so the
client can subtract it from its own arrival time). The proxies see bench.test as an LLM host.

Part 1 — latency, side by side, interleaved in rounds whose order rotates, one keep-alive client
connection per path:
  direct      client → upstream
  mitmproxy   client → bare mitmproxy (default addons, lazy, + the one-line SSE streaming switch)
  headroom    client → headroom-mitm's EmbeddedProxy with all its addons (as in bench_latency.py)
Measured per stream: time to first byte (request sent → first event read) for a small and for a
~30 KB OpenCode-shaped body; per event after the first, the delay upstream send → client arrival
and whether it came late (only after the upstream had sent the next one). Then lock-step streams
(see Acks): the upstream sends each event only once the client has acknowledged the previous one,
so a proxy that holds a chunk back until more data comes is caught whatever the machine's load.

Part 2 — soak: C concurrent streams (default 100) through headroom-mitm for S seconds (default
60); errors are non-200s, incomplete or out-of-order streams, exceptions.

Part 3 — memory: `headroom-mitm proxy` (dump mode) as a subprocess with a temp --state-dir; 10,000
LLM flows through it; its VmRSS from /proc/<pid>/status at start and every 1,000 flows.

Reports medians, p99s and ratios against the targets; it never asserts.

    .venv/bin/python scripts/bench_streaming.py            # full run, about 3.5 minutes
    .venv/bin/python scripts/bench_streaming.py --quick    # under a minute
    .venv/bin/python scripts/bench_streaming.py --json out.json
"""

from __future__ import annotations

import argparse
import base64
import gc
import datetime as dt
import itertools
import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from array import array
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_common import (  # noqa: E402
    HOST,
    Child,
    TlsServer,
    bare_mitmproxy_streaming_main,
    headroom_main,
    machine,
    make_upstream_pki,
    open_connection,
    percentile,
)
from bench_payload import build_body  # noqa: E402

PATHS = ("direct", "mitmproxy", "headroom")
LABEL = {"direct": "direct", "mitmproxy": "bare mitmproxy", "headroom": "headroom-mitm"}
SIZES = ("small", "opencode")
TARGET_ADDED_MS = 1.0
TARGET_RSS_MB = 150.0
NONCE = b"@@NONCE@@"


# --------------------------------------------------------------------------------------------
# The SSE upstream
# --------------------------------------------------------------------------------------------
_HEAD = (b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
         b"transfer-encoding: chunked\r\nconnection: keep-alive\r\n\r\n")
_BASE = '{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1763600000,"model":"gpt-4.1",'


def _event_parts(seq: int, chunks: int) -> tuple[bytes, bytes]:
    """The event's bytes before and after its send stamp (so stamping costs one join, not a dumps)."""
    if seq < chunks:
        delta = {"role": "assistant", "content": "Fixed"} if seq == 0 else {"content": f" word{seq}"}
        choice = {"index": 0, "delta": delta, "finish_reason": "stop" if seq == chunks - 1 else None}
        body = _BASE + f'"choices":[{json.dumps(choice, separators=(",", ":"))}],'
    elif seq == chunks:  # OpenAI's final usage chunk (stream_options.include_usage)
        usage = {"prompt_tokens": 7412, "completion_tokens": chunks, "total_tokens": 7412 + chunks}
        body = _BASE + f'"choices":[],"usage":{json.dumps(usage, separators=(",", ":"))},'
    else:  # [DONE] carries no JSON: its stamp goes in an SSE comment line of the same event
        return f": bench_seq={seq} bench_sent_ns=".encode(), b"\ndata: [DONE]\n\n"
    return f'data: {body}"bench_seq":{seq},"bench_sent_ns":'.encode(), b"}\n\n"


class _SseHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("content-length", "0")))
        chunks = int(self.headers.get("x-bench-chunks", "20"))
        interval_ns = int(float(self.headers.get("x-bench-interval-ms", "10")) * 1e6)
        lockstep = self.headers.get("x-bench-lockstep")  # a stream id: wait for the client's ack of each event
        parts = self.server.parts(chunks)
        self.server.begin()
        try:
            start = time.monotonic_ns()
            for seq, (before, after) in enumerate(parts):
                if seq and lockstep is None:  # a fixed schedule: a late wake-up does not push the later events back
                    wait = start + seq * interval_ns - time.monotonic_ns()
                    if wait > 0:
                        time.sleep(wait / 1e9)
                if seq and lockstep is not None:
                    self.server.acks.wait_for(lockstep, seq - 1)  # the previous event reached the client?
                sent = time.monotonic_ns()
                event = b"%b%d%b" % (before, sent, after)
                data = b"%x\r\n%b\r\n" % (len(event), event)
                # headers and the first event in one write; one write (one TLS record) per event
                self.wfile.write(_HEAD + data if seq == 0 else data)
            self.wfile.write(b"0\r\n\r\n")
        finally:
            self.server.end()
            if lockstep is not None:
                self.server.acks.forget(lockstep)

    def log_message(self, *args: object) -> None:
        pass


class Acks:
    """Lock-step streams: the client acknowledges every event it has read, on a side channel (a
    plain TCP connection straight to the upstream process, no proxy); the upstream sends event i+1
    only once event i is acknowledged, or after ACK_TIMEOUT_S, which then counts as a held-back event.
    A proxy that keeps any event until more data comes would stall each such event for the timeout."""

    ACK_TIMEOUT_S = 1.0

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._acked: dict[str, int] = {}
        self.timeouts = 0
        self.waits = 0
        sock = socket.create_server(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _accept(self, sock: socket.socket) -> None:
        while True:
            conn, _ = sock.accept()
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as lines:
            for line in lines:
                sid, seq = line.split()
                with self._cond:
                    self._acked[sid.decode()] = max(self._acked.get(sid.decode(), -1), int(seq))
                    self._cond.notify_all()

    def wait_for(self, sid: str, seq: int) -> None:
        with self._cond:
            self.waits += 1
            if not self._cond.wait_for(lambda: self._acked.get(sid, -1) >= seq, self.ACK_TIMEOUT_S):
                self.timeouts += 1

    def forget(self, sid: str) -> None:
        with self._cond:
            self._acked.pop(sid, None)


class _SseServer(TlsServer):
    def __init__(self, chain: Path) -> None:
        super().__init__(chain, _SseHandler, backlog=512)
        self.acks = Acks()
        self._lock = threading.Lock()
        self._parts: dict[int, list[tuple[bytes, bytes]]] = {}
        self.streams = 0
        self.in_flight = 0
        self.peak = 0

    def parts(self, chunks: int) -> list[tuple[bytes, bytes]]:
        with self._lock:
            if chunks not in self._parts:
                self._parts[chunks] = [_event_parts(seq, chunks) for seq in range(chunks + 2)]
            return self._parts[chunks]

    def begin(self) -> None:
        with self._lock:
            self.streams += 1
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)

    def end(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def stats(self, reset_peak: bool) -> dict:
        with self._lock:
            out = {"connections": self.connections, "streams": self.streams, "peak_in_flight": self.peak,
                   "ack_port": self.acks.port, "lockstep_waits": self.acks.waits, "lockstep_timeouts": self.acks.timeouts}
            if reset_peak:
                self.peak = self.in_flight
            return out


def upstream_main(chain: str, pipe) -> None:
    server = _SseServer(Path(chain))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pipe.send(server.server_address[1])
    while pipe.recv() == "stats":
        pipe.send(server.stats(reset_peak=True))
    pipe.send(server.stats(reset_peak=False))
    server.shutdown()


def upstream_stats(upstream: Child) -> dict:
    upstream.pipe.send("stats")
    return upstream.pipe.recv()


# --------------------------------------------------------------------------------------------
# Request bodies (each request unique, as an agent's are: no two look like a client retry)
# --------------------------------------------------------------------------------------------
_COUNTER = itertools.count(1)


def _small_template() -> bytes:
    system = ("You are opencode, an interactive CLI tool that helps users with software engineering tasks. "
              "Keep your responses short, since they will be displayed on a command line interface. ") * 4
    body = {"model": "gpt-4.1",
            "messages": [{"role": "system", "content": system},
                         {"role": "user", "content": f"Summarise the failing test in one sentence. (#{NONCE.decode()})"}],
            "stream": True, "stream_options": {"include_usage": True}}
    return json.dumps(body, separators=(",", ":")).encode()


def _opencode_template() -> bytes:
    body = json.loads(build_body(30_000))
    body["stream"] = True
    body["stream_options"] = {"include_usage": True}
    body["messages"][-1]["content"] += f" (#{NONCE.decode()})"
    return json.dumps(body, separators=(",", ":")).encode()


TEMPLATES: dict[str, bytes] = {}


def body_for(size: str) -> bytes:
    if not TEMPLATES:
        TEMPLATES.update(small=_small_template(), opencode=_opencode_template())
    return TEMPLATES[size].replace(NONCE, b"%012d" % next(_COUNTER))


# --------------------------------------------------------------------------------------------
# The client: one stream, every event's (upstream send, client arrival) time
# --------------------------------------------------------------------------------------------
class StreamError(Exception):
    pass


@dataclass
class Stream:
    start_ns: int
    sent: list[int] = field(default_factory=list)  # upstream send stamp of event i
    arrived: list[int] = field(default_factory=list)  # client arrival of event i

    @property
    def ttfb_ns(self) -> int:
        return self.arrived[0] - self.start_ns


def stream_once(conn, body: bytes, upstream_port: int, chunks: int, interval_ms: float,
                ack: socket.socket | None = None) -> Stream:
    """One streamed POST; with `ack`, a lock-step stream: every event read is acknowledged on it."""
    headers = {
        "Host": f"{HOST}:{upstream_port}",
        "Content-Type": "application/json",
        "Authorization": "Bearer sk-bench-not-a-real-key",
        "User-Agent": "opencode/bench",
        "Accept": "text/event-stream",
        "x-bench-chunks": str(chunks),
        "x-bench-interval-ms": str(interval_ms),
    }
    sid = None
    if ack is not None:
        sid = b"s%d" % next(_COUNTER)
        headers["x-bench-lockstep"] = sid.decode()
    result = Stream(start_ns=time.monotonic_ns())
    conn.request("POST", "/v1/chat/completions", body=body, headers=headers)
    response = conn.getresponse()
    if response.status != 200:
        raise StreamError(f"HTTP {response.status}: {response.read()[:200]!r}")
    if "text/event-stream" not in response.getheader("content-type", ""):
        raise StreamError(f"content-type {response.getheader('content-type')!r}")
    readline = response.readline
    pending: tuple[int, int] | None = None
    usage_seen = False
    while True:
        line = readline()
        now = time.monotonic_ns()  # before any parsing: the same cost on every path
        if not line:
            break
        if line.startswith(b"data: "):
            payload = line[6:].rstrip(b"\r\n")
            if payload == b"[DONE]":
                if pending is None:
                    raise StreamError("[DONE] without its stamp")
                seq, sent = pending
            else:
                event = json.loads(payload)
                seq, sent = event["bench_seq"], event["bench_sent_ns"]
                if "usage" in event:
                    usage_seen = event["usage"].get("completion_tokens") == chunks
            if seq != len(result.arrived):
                raise StreamError(f"event {seq} arrived as number {len(result.arrived)}")
            result.sent.append(sent)
            result.arrived.append(now)
            if ack is not None:
                ack.sendall(b"%b %d\n" % (sid, seq))
        elif line.startswith(b": bench_seq="):
            fields = dict(kv.split(b"=") for kv in line[2:].split())
            pending = (int(fields[b"bench_seq"]), int(fields[b"bench_sent_ns"]))
    if len(result.arrived) != chunks + 2:
        raise StreamError(f"incomplete stream: {len(result.arrived)} of {chunks + 2} events")
    if not usage_seen:
        raise StreamError("no usage chunk")
    return result


def held_back(s: Stream, interval_ns: int) -> int:
    """Events that reached the client only after the upstream had sent the next one (the last
    event: later than one interval after its own send)."""
    n = 0
    for i, arrived in enumerate(s.arrived):
        next_sent = s.sent[i + 1] if i + 1 < len(s.sent) else s.sent[i] + interval_ns
        if arrived >= next_sent:
            n += 1
    return n


class Tally:
    """Per-path (or per-worker) samples, in ns."""

    def __init__(self) -> None:
        self.ttfb: dict[str, array] = {size: array("q") for size in SIZES}
        self.delay = array("q")  # upstream send → client arrival, events after the first
        self.gap_dev = array("q")  # (arrival gap) − (send gap) between consecutive events
        self.held = 0
        self.events = 0
        self.streams = 0
        self.errors: Counter[str] = Counter()

    def add(self, s: Stream, size: str, interval_ns: int) -> None:
        self.streams += 1
        self.ttfb[size].append(s.ttfb_ns)
        for i in range(1, len(s.arrived)):
            self.delay.append(s.arrived[i] - s.sent[i])
            self.gap_dev.append((s.arrived[i] - s.arrived[i - 1]) - (s.sent[i] - s.sent[i - 1]))
        self.events += len(s.arrived)
        self.held += held_back(s, interval_ns)

    def merge(self, other: "Tally") -> None:
        for size in SIZES:
            self.ttfb[size].extend(other.ttfb[size])
        self.delay.extend(other.delay)
        self.gap_dev.extend(other.gap_dev)
        self.held += other.held
        self.events += other.events
        self.streams += other.streams
        self.errors.update(other.errors)

    def summary(self) -> dict:
        ms = lambda v, q: percentile(v, q) / 1e6  # noqa: E731
        out: dict = {"streams": self.streams, "events": self.events, "held_back": self.held,
                     "errors": sum(self.errors.values()), "error_kinds": dict(self.errors.most_common(10))}
        for size in SIZES:
            if self.ttfb[size]:
                out[f"ttfb_{size}_p50_ms"] = ms(self.ttfb[size], 0.5)
                out[f"ttfb_{size}_p99_ms"] = ms(self.ttfb[size], 0.99)
                out[f"ttfb_{size}_n"] = len(self.ttfb[size])
        if self.delay:
            out["delay_p50_ms"] = ms(self.delay, 0.5)
            out["delay_p99_ms"] = ms(self.delay, 0.99)
            out["delay_max_ms"] = max(self.delay) / 1e6
            out["gap_dev_abs_p99_ms"] = percentile([abs(g) for g in self.gap_dev], 0.99) / 1e6
        return out


# --------------------------------------------------------------------------------------------
# Part 1: TTFB and per-chunk delay, three paths side by side
# --------------------------------------------------------------------------------------------
@dataclass
class Setup:
    tmp: Path
    chain: Path
    bench_ca: Path
    auth: str
    upstream: Child
    bare: Child
    headroom: Child
    bare_trust: Path
    headroom_trust: Path
    headroom_state: Path

    def connection(self, path: str):
        if path == "direct":
            return open_connection(path, self.upstream.port, None, self.bench_ca, None)
        if path == "mitmproxy":
            return open_connection(path, self.upstream.port, self.bare.port, self.bare_trust, None)
        return open_connection(path, self.upstream.port, self.headroom.port, self.headroom_trust, self.auth)


def latency_round(args: argparse.Namespace, setup: Setup, conns: dict, tallies: dict[str, Tally], rnd: int,
                  interval_ns: int) -> None:
    order = PATHS[rnd % 3:] + PATHS[:rnd % 3]  # rotate who goes first
    for path in order:
        for i in range(args.streams):
            size = SIZES[i % 2]
            body = body_for(size)
            try:
                tallies[path].add(stream_once(conns[path], body, setup.upstream.port, args.chunks, args.interval_ms),
                                  size, interval_ns)
            except Exception as exc:  # counted and shown; the connection is replaced
                tallies[path].errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
                conns[path].close()
                conns[path] = setup.connection(path)
    print(f"  round {rnd + 1}/{args.rounds}: " + "  ".join(
        f"{p} ttfb {percentile(tallies[p].ttfb['small'], 0.5) / 1e6:.2f}/"
        f"{percentile(tallies[p].ttfb['opencode'], 0.5) / 1e6:.2f} ms "
        f"delay {percentile(tallies[p].delay, 0.5) / 1e6:.2f} ms" for p in PATHS), file=sys.stderr)


def lockstep_check(args: argparse.Namespace, setup: Setup, conns: dict) -> dict:
    """Lock-step streams (see Acks) on each path: events the upstream had to send unacknowledged."""
    out = {}
    ack_port = upstream_stats(setup.upstream)["ack_port"]
    for path in PATHS:
        before = upstream_stats(setup.upstream)
        errors = 0
        with socket.create_connection(("127.0.0.1", ack_port)) as ack:
            ack.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for i in range(args.lockstep):
                try:
                    stream_once(conns[path], body_for(SIZES[i % 2]), setup.upstream.port, args.chunks, 0, ack=ack)
                except Exception:
                    errors += 1
                    conns[path].close()
                    conns[path] = setup.connection(path)
        after = upstream_stats(setup.upstream)
        out[path] = {"streams": args.lockstep, "events": after["lockstep_waits"] - before["lockstep_waits"],
                     "held_back": after["lockstep_timeouts"] - before["lockstep_timeouts"], "errors": errors}
    print("  lock-step: " + "  ".join(f"{p} {out[p]['held_back']} of {out[p]['events']} held back" for p in PATHS),
          file=sys.stderr)
    return out


def detector_check(args: argparse.Namespace, setup: Setup) -> dict:
    """Both hold-back checks against a proxy known to hold chunks back: bare mitmproxy without the
    streaming switch buffers every response whole (its default)."""
    from bench_common import bare_mitmproxy_main

    confdir = setup.tmp / "mitmproxy-buffering"
    confdir.mkdir(mode=0o700)
    buffering = Child(bare_mitmproxy_main, str(confdir), str(setup.bench_ca))
    try:
        conn = open_connection("buffering", setup.upstream.port, buffering.port, confdir / "mitmproxy-ca-cert.pem", None)
        s = stream_once(conn, body_for("small"), setup.upstream.port, args.chunks, args.interval_ms)
        late = held_back(s, int(args.interval_ms * 1e6))
        before = upstream_stats(setup.upstream)
        with socket.create_connection(("127.0.0.1", before["ack_port"])) as ack:
            stream_once(conn, body_for("small"), setup.upstream.port, 2, 0, ack=ack)
        after = upstream_stats(setup.upstream)
        conn.close()
    finally:
        buffering.stop()
    out = {"timed_late": late, "timed_events": len(s.arrived),
           "lockstep_held_back": after["lockstep_timeouts"] - before["lockstep_timeouts"],
           "lockstep_events": after["lockstep_waits"] - before["lockstep_waits"]}
    print(f"  detector check (buffering mitmproxy): {out}", file=sys.stderr)
    return out


def bench_latency(args: argparse.Namespace, setup: Setup) -> dict:
    interval_ns = int(args.interval_ms * 1e6)
    conns = {path: setup.connection(path) for path in PATHS}
    for path, conn in conns.items():  # warm-up: handshakes, CONNECT, first-flow costs; not measured
        for i in range(args.warmup):
            stream_once(conn, body_for(SIZES[i % 2]), setup.upstream.port, args.chunks, args.interval_ms)
    tallies = {path: Tally() for path in PATHS}
    socks = {path: id(conn.sock) for path, conn in conns.items()}
    # No collector pause in the client while a stream is timed: a full collection of this process
    # takes milliseconds and would show up as a late chunk on whichever path it hit.
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        for rnd in range(args.rounds):
            latency_round(args, setup, conns, tallies, rnd, interval_ns)
            gc.collect()  # between rounds, untimed
    finally:
        gc.enable()
        gc.unfreeze()
    reused = all(id(conn.sock) == socks[path] for path, conn in conns.items())
    lockstep = lockstep_check(args, setup, conns)
    for conn in conns.values():
        conn.close()
    result: dict = {"rounds": args.rounds, "streams_per_round": args.streams, "chunks": args.chunks,
                    "interval_ms": args.interval_ms, "body_bytes": {s: len(body_for(s)) for s in SIZES},
                    "one_connection_per_path": reused, "paths": {p: tallies[p].summary() for p in PATHS}}
    for path in PATHS:
        result["paths"][path]["lockstep"] = lockstep[path]
    direct = result["paths"]["direct"]
    for path in ("mitmproxy", "headroom"):
        p = result["paths"][path]
        for key in ("ttfb_small_p50_ms", "ttfb_opencode_p50_ms", "delay_p50_ms"):
            p[key.replace("_p50_ms", "_added_p50_ms")] = p[key] - direct[key]
    head, bare = result["paths"]["headroom"], result["paths"]["mitmproxy"]
    result["ratios"] = {
        "headroom_over_mitmproxy_ttfb_small_p50": head["ttfb_small_p50_ms"] / bare["ttfb_small_p50_ms"],
        "headroom_over_mitmproxy_ttfb_opencode_p50": head["ttfb_opencode_p50_ms"] / bare["ttfb_opencode_p50_ms"],
        "headroom_over_mitmproxy_delay_p50": head["delay_p50_ms"] / bare["delay_p50_ms"],
    }
    result["targets"] = {
        "ttfb_small_added_p50<=1ms": head["ttfb_small_added_p50_ms"] <= TARGET_ADDED_MS,
        "ttfb_opencode_added_p50<=1ms": head["ttfb_opencode_added_p50_ms"] <= TARGET_ADDED_MS,
        "delay_added_p50<=1ms": head["delay_added_p50_ms"] <= TARGET_ADDED_MS,
        "no_chunk_held_back": head["lockstep"]["held_back"] == 0 and head["lockstep"]["errors"] == 0,
    }
    return result


# --------------------------------------------------------------------------------------------
# Part 2: soak — C concurrent streams through headroom-mitm for S seconds
# --------------------------------------------------------------------------------------------
def rss_kb(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = int(line.split()[1])
    return out


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def count_records(state: Path, chunks: int) -> dict:
    """Lines in the proxy's flow records, and how many carry the usage the stream reported."""
    path = state / "records" / "flows.jsonl"
    total = with_usage = with_error = 0
    if path.exists():
        with path.open("rb") as handle:
            for raw in handle:
                total += 1
                record = json.loads(raw)
                with_usage += record.get("output_tokens") == chunks
                with_error += record.get("error") is not None
    return {"records": total, "with_usage": with_usage, "with_error": with_error}


def bench_soak(args: argparse.Namespace, setup: Setup) -> dict:
    interval_ns = int(args.interval_ms * 1e6)
    before_records = count_records(setup.headroom_state, args.chunks)
    upstream_stats(setup.upstream)  # resets the upstream's peak
    tallies = [Tally() for _ in range(args.concurrency)]
    start = time.monotonic()
    deadline = start + args.soak_seconds
    ramp = min(1.0, args.soak_seconds / 10)

    def worker(index: int) -> None:
        tally = tallies[index]
        time.sleep(ramp * index / args.concurrency)  # all C streams open within the first second
        conn, used = None, 0
        while time.monotonic() < deadline:
            try:
                if conn is None:
                    conn, used = setup.connection(args.soak_path), 0
                s = stream_once(conn, body_for("small"), setup.upstream.port, args.chunks, args.interval_ms)
                tally.add(s, "small", interval_ns)
                used += 1
                if used >= args.streams_per_connection:  # a new CONNECT now and then, as agents do
                    conn.close()
                    conn = None
            except Exception as exc:
                tally.errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    proxy_pid = {"direct": None, "mitmproxy": setup.bare.process.pid, "headroom": setup.headroom.process.pid}[args.soak_path]
    cpu_before = cpu_s(proxy_pid) if proxy_pid else None
    rss_before = rss_kb(proxy_pid) if proxy_pid else None
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.concurrency)]
    for t in threads:
        t.start()
    next_report = 10.0
    rss_series: list[tuple[float, float]] = []  # (seconds, proxy VmRSS MB) every 10 s
    while any(t.is_alive() for t in threads):
        time.sleep(0.5)
        elapsed = time.monotonic() - start
        if elapsed >= next_report:
            next_report += 10
            done = sum(t.streams for t in tallies)
            errors = sum(sum(t.errors.values()) for t in tallies)
            rss = rss_kb(proxy_pid)["VmRSS"] / 1024 if proxy_pid else float("nan")
            rss_series.append((round(elapsed, 1), rss))
            print(f"  soak {elapsed:.0f}/{args.soak_seconds:.0f} s: {done} streams, {errors} errors, "
                  f"proxy RSS {rss:.1f} MB", file=sys.stderr)
        if elapsed > args.soak_seconds + 60:
            print("  soak: workers still busy 60 s after the deadline; giving up on them", file=sys.stderr)
            break
    stuck = sum(t.is_alive() for t in threads)
    wall = time.monotonic() - start
    proxy_cpu = cpu_s(proxy_pid) - cpu_before if proxy_pid else None
    up = upstream_stats(setup.upstream)
    rss_after = rss_kb(proxy_pid) if proxy_pid else None
    total = Tally()
    for t in tallies:
        total.merge(t)
    time.sleep(0.5)  # the last records are written when the last flows end
    after_records = count_records(setup.headroom_state, args.chunks)
    summary = total.summary()
    summary.update(
        concurrency=args.concurrency, seconds=args.soak_seconds, wall_s=wall, stuck_workers=stuck,
        streams_per_connection=args.streams_per_connection,
        path=args.soak_path, upstream_peak_in_flight=up["peak_in_flight"],
        offered_events_per_s=args.concurrency * (args.chunks + 2) / ((args.chunks + 1) * args.interval_ms / 1e3),
        proxy_cpu_s=proxy_cpu, proxy_cpu_share=proxy_cpu / wall if proxy_cpu is not None else None,
        streams_per_s=total.streams / wall,
        records_written=after_records["records"] - before_records["records"],
        records_with_usage=after_records["with_usage"] - before_records["with_usage"],
        records_with_error=after_records["with_error"] - before_records["with_error"],
        proxy_rss_mb_before=rss_before["VmRSS"] / 1024 if rss_before else None,
        proxy_rss_mb_after=rss_after["VmRSS"] / 1024 if rss_after else None, proxy_rss_mb_series=rss_series,
    )
    summary["events_per_s"] = total.events / wall
    summary["proxy_cpu_ms_per_stream"] = proxy_cpu * 1e3 / total.streams if proxy_cpu and total.streams else None
    summary["targets"] = {"zero_errors": summary["errors"] == 0 and stuck == 0}
    return summary


# --------------------------------------------------------------------------------------------
# Part 3: memory of `headroom-mitm proxy` (dump mode) over many flows
# --------------------------------------------------------------------------------------------
_PROXY = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import bench_common; "
          "bench_common.resolve_bench_host_locally(); "
          "from headroom_mitm.launcher.cli import main; sys.exit(main(sys.argv[1:]))")


class DumpProxy:
    """`headroom-mitm … proxy --listen 127.0.0.1:0` in a subprocess: the CLI's own main(), after
    pointing bench.test at 127.0.0.1 (the one line of the benchmark in that process)."""

    def __init__(self, tmp: Path, bench_ca: Path) -> None:
        self.state = tmp / "dump-state"
        env = {k: v for k, v in os.environ.items()
               if k.upper() not in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY") and not k.startswith("HEADROOM_MITM_")}
        self.argv = ["headroom-mitm", "--state-dir", str(self.state), "--llm-host", f"{HOST}=openai-chat",
                     "--upstream-ca", str(bench_ca), "proxy", "--listen", "127.0.0.1:0"]
        self.stderr = (tmp / "dump-stderr.txt").open("wb")
        self.process = subprocess.Popen([sys.executable, "-c", _PROXY, str(SCRIPTS), *self.argv[1:]],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.stderr, env=env)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(raw.decode(errors="replace")) for raw in self.process.stdout],
                         daemon=True).start()
        self.port: int | None = None
        self.ca: Path | None = None
        deadline = time.monotonic() + 60
        while self.port is None or self.ca is None:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise RuntimeError(f"headroom-mitm proxy did not start: {(tmp / 'dump-stderr.txt').read_text()[-2000:]}")
            if m := re.search(r"listening on http://127\.0\.0\.1:(\d+)", line):
                self.port = int(m.group(1))
            if m := re.search(r"trust this CA in clients: (\S+)", line):
                self.ca = Path(m.group(1))

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.stderr.close()
        return self.process.returncode


def bench_memory(args: argparse.Namespace, setup: Setup) -> dict:
    proxy = DumpProxy(setup.tmp, setup.bench_ca)
    step = max(1, args.flows // 10)
    checkpoints = list(range(step, args.flows, step)) + [args.flows]
    issued = done = 0
    limit = 0
    cond = threading.Condition()
    errors: Counter[str] = Counter()
    stop = False

    def take() -> bool:
        nonlocal issued
        with cond:
            while issued >= limit and not stop:
                cond.wait()
            if stop:
                return False
            issued += 1
            return True

    def finish() -> None:
        nonlocal done
        with cond:
            done += 1
            cond.notify_all()

    def worker() -> None:
        conn, used = None, 0
        while take():
            try:
                if conn is None:
                    conn, used = open_connection("headroom", setup.upstream.port, proxy.port, proxy.ca, None), 0
                stream_once(conn, body_for("small"), setup.upstream.port, args.memory_chunks, 0)
                used += 1
                if used >= args.flows_per_connection:
                    conn.close()
                    conn = None
            except Exception as exc:
                with cond:
                    errors[f"{type(exc).__name__}: {exc}"[:120]] += 1
                if conn is not None:
                    conn.close()
                conn = None
            finally:
                finish()
        if conn is not None:
            conn.close()

    samples: list[dict] = []
    try:
        time.sleep(1.0)  # idle, listening
        samples.append({"flows": 0, **rss_kb(proxy.process.pid)})
        threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.memory_workers)]
        for t in threads:
            t.start()
        start = time.monotonic()
        for point in checkpoints:
            with cond:
                limit = point
                cond.notify_all()
                while done < point:
                    if not cond.wait(120):
                        raise RuntimeError(f"memory: stuck at {done} flows")
            # every worker is now waiting for the next checkpoint: the proxy is between flows
            samples.append({"flows": point, **rss_kb(proxy.process.pid), "elapsed_s": time.monotonic() - start})
            print(f"  memory: {point} flows, VmRSS {samples[-1]['VmRSS'] / 1024:.1f} MB", file=sys.stderr)
        elapsed = time.monotonic() - start
        with cond:
            stop = True
            cond.notify_all()
        for t in threads:
            t.join(10)
        time.sleep(2.0)
        idle = rss_kb(proxy.process.pid)
    finally:
        with cond:
            stop = True
            cond.notify_all()
        code = proxy.stop()
    records = count_records(proxy.state, args.memory_chunks)
    mb = {s["flows"]: s["VmRSS"] / 1024 for s in samples}
    last = args.flows
    half = checkpoints[len(checkpoints) // 2 - 1] if len(checkpoints) > 1 else 0
    growth = (mb[last] - mb[half]) * 1024 / (last - half) if last > half else float("nan")
    result = {
        "command": " ".join(proxy.argv), "flows": args.flows, "workers": args.memory_workers,
        "flows_per_connection": args.flows_per_connection, "chunks": args.memory_chunks,
        "seconds": elapsed, "flows_per_s": args.flows / elapsed,
        "errors": sum(errors.values()), "error_kinds": dict(errors.most_common(10)),
        "samples": [{"flows": s["flows"], "rss_mb": s["VmRSS"] / 1024, "hwm_mb": s["VmHWM"] / 1024} for s in samples],
        "rss_mb_idle_after": idle["VmRSS"] / 1024, "peak_mb": idle["VmHWM"] / 1024,
        "growth_kb_per_flow_second_half": growth, "growth_from_flows": half,
        "exit_code": code, **records,
    }
    result["targets"] = {"rss_after_all_flows<=150MB": mb[last] <= TARGET_RSS_MB}
    return result


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------
def markdown(result: dict) -> str:
    out = []
    m = result["machine"]
    yes = lambda ok: "met" if ok else "**not met**"  # noqa: E731
    out.append(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, Python {m['python']}, "
               f"mitmproxy {m['mitmproxy']}, {m['date']}; load average (1/5/15 min) at start "
               f"{'/'.join(f'{x:.2f}' for x in m['loadavg_start'])}, at end "
               f"{'/'.join(f'{x:.2f}' for x in m['loadavg_end'])}")
    lat = result.get("latency")
    if lat:
        b = lat["body_bytes"]
        out.append("")
        out.append(f"Latency: {lat['rounds']} rounds × {lat['streams_per_round']} sequential streams per path "
                   f"(half with a {b['small']:,} B body, half with a {b['opencode']:,} B OpenCode-shaped body), "
                   f"{lat['chunks']} content chunks + usage chunk + [DONE], one every {lat['interval_ms']:g} ms; "
                   f"one client connection per path: {lat['one_connection_per_path']}")
        out.append("")
        out.append("| path | TTFB p50 / p99, small body (ms) | TTFB p50 / p99, 30 KB body (ms) | "
                   "chunk delay p50 / p99 (ms) | gap jitter p99 (ms) | late | errors |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        for path in PATHS:
            p = lat["paths"][path]
            out.append(f"| {LABEL[path]} | {p['ttfb_small_p50_ms']:.2f} / {p['ttfb_small_p99_ms']:.2f} | "
                       f"{p['ttfb_opencode_p50_ms']:.2f} / {p['ttfb_opencode_p99_ms']:.2f} | "
                       f"{p['delay_p50_ms']:.3f} / {p['delay_p99_ms']:.3f} | {p['gap_dev_abs_p99_ms']:.3f} | "
                       f"{p['held_back']} of {p['events']} | {p['errors']} |")
        head, bare, t = lat["paths"]["headroom"], lat["paths"]["mitmproxy"], lat["targets"]
        r = lat["ratios"]
        out.append("")
        out.append("| added vs direct, p50 | headroom-mitm | bare mitmproxy | headroom / bare (p50) | target |")
        out.append("|---|---:|---:|---:|---|")
        out.append(f"| TTFB, small body | {head['ttfb_small_added_p50_ms']:+.2f} ms | {bare['ttfb_small_added_p50_ms']:+.2f} ms | "
                   f"{r['headroom_over_mitmproxy_ttfb_small_p50']:.2f} | ≤ {TARGET_ADDED_MS:g} ms "
                   f"({yes(t['ttfb_small_added_p50<=1ms'])}) |")
        out.append(f"| TTFB, 30 KB body | {head['ttfb_opencode_added_p50_ms']:+.2f} ms | "
                   f"{bare['ttfb_opencode_added_p50_ms']:+.2f} ms | {r['headroom_over_mitmproxy_ttfb_opencode_p50']:.2f} | "
                   f"≤ {TARGET_ADDED_MS:g} ms ({yes(t['ttfb_opencode_added_p50<=1ms'])}) |")
        out.append(f"| per-chunk delay | {head['delay_added_p50_ms']:+.3f} ms | {bare['delay_added_p50_ms']:+.3f} ms | "
                   f"{r['headroom_over_mitmproxy_delay_p50']:.2f} | ≤ {TARGET_ADDED_MS:g} ms ({yes(t['delay_added_p50<=1ms'])}) |")
        hl, bl, dl = head["lockstep"], bare["lockstep"], lat["paths"]["direct"]["lockstep"]
        out.append(f"| events held back, lock-step check | {hl['held_back']} of {hl['events']} | "
                   f"{bl['held_back']} of {bl['events']} | | 0 ({yes(t['no_chunk_held_back'])}; direct "
                   f"{dl['held_back']} of {dl['events']}) |")
        out.append(f"| events late (arrived after the next was sent), timed streams | {head['held_back']} of "
                   f"{head['events']} | {bare['held_back']} of {bare['events']} | | (direct "
                   f"{lat['paths']['direct']['held_back']} of {lat['paths']['direct']['events']}) |")
    soak = result.get("soak")
    if soak:
        out.append("")
        out.append(f"Soak: {soak['concurrency']} concurrent streams through {LABEL[soak['path']]} for {soak['seconds']:g} s "
                   f"(small body, {result['args']['chunks']} chunks × {result['args']['interval_ms']:g} ms, "
                   f"a new client connection every {soak['streams_per_connection']} streams)")
        out.append("")
        out.append("| measure | value |")
        out.append("|---|---:|")
        out.append(f"| streams completed | {soak['streams']:,} ({soak['streams_per_s']:.0f}/s) |")
        out.append(f"| events delivered per second (offered if never late) | {soak['events_per_s']:,.0f} "
                   f"({soak['offered_events_per_s']:,.0f}) |")
        if soak["proxy_cpu_s"] is not None:
            out.append(f"| proxy process CPU: total (share of one core), per stream | {soak['proxy_cpu_s']:.1f} s "
                       f"({soak['proxy_cpu_share']:.0%}), {soak['proxy_cpu_ms_per_stream']:.2f} ms |")
        out.append(f"| errors (non-200, incomplete, exception) | {soak['errors']} ({yes(soak['targets']['zero_errors'])}: 0) |")
        out.append(f"| concurrent streams at the upstream (peak) | {soak['upstream_peak_in_flight']} |")
        if soak["path"] == "headroom":
            out.append(f"| flow records written / with the stream's usage / with an error | "
                       f"{soak['records_written']:,} / {soak['records_with_usage']:,} / {soak['records_with_error']} |")
        out.append(f"| TTFB p50 / p99 under load | {soak['ttfb_small_p50_ms']:.2f} / {soak['ttfb_small_p99_ms']:.2f} ms |")
        out.append(f"| chunk delay p50 / p99 / max under load | {soak['delay_p50_ms']:.2f} / {soak['delay_p99_ms']:.2f} / "
                   f"{soak['delay_max_ms']:.1f} ms |")
        out.append(f"| events late (arrived after the next was sent) under load | {soak['held_back']:,} of "
                   f"{soak['events']:,} |")
        if soak["proxy_rss_mb_before"] is not None:
            out.append(f"| proxy RSS before → every 10 s → after | {soak['proxy_rss_mb_before']:.1f} → "
                       + " → ".join(f"{mb:.1f}" for _, mb in soak["proxy_rss_mb_series"])
                       + f" → {soak['proxy_rss_mb_after']:.1f} MB |")
        if soak["error_kinds"]:
            out.append("")
            out.append("Errors: " + "; ".join(f"{n}× {k}" for k, n in soak["error_kinds"].items()))
    det = result.get("detector_check")
    if det:
        out.append("")
        out.append(f"Detector check, bare mitmproxy without the SSE switch (buffers whole responses): "
                   f"{det['timed_late']} of {det['timed_events']} events late in a timed stream, "
                   f"{det['lockstep_held_back']} of {det['lockstep_events']} held back in a lock-step stream")
    mem = result.get("memory")
    if mem:
        out.append("")
        out.append(f"Memory: `{mem['command']}`; {mem['flows']:,} LLM flows ({mem['chunks']} chunks + usage + [DONE], "
                   f"no delay) from {mem['workers']} client threads, a new connection every "
                   f"{mem['flows_per_connection']} flows; {mem['flows_per_s']:.0f} flows/s, {mem['errors']} errors; "
                   f"{mem['records']:,} flow records ({mem['with_usage']:,} with usage)")
        out.append("")
        out.append("| flows | " + " | ".join(f"{s['flows']:,}" for s in mem["samples"]) + " | idle 2 s later |")
        out.append("|---|" + "---:|" * (len(mem["samples"]) + 1))
        out.append("| VmRSS (MB) | " + " | ".join(f"{s['rss_mb']:.1f}" for s in mem["samples"])
                   + f" | {mem['rss_mb_idle_after']:.1f} |")
        out.append("")
        out.append(f"RSS after {mem['flows']:,} flows: **{mem['samples'][-1]['rss_mb']:.1f} MB** (target ≤ "
                   f"{TARGET_RSS_MB:g} MB: {yes(mem['targets']['rss_after_all_flows<=150MB'])}); peak (VmHWM) "
                   f"{mem['peak_mb']:.1f} MB; growth from {mem['growth_from_flows']:,} flows on: "
                   f"{mem['growth_kb_per_flow_second_half']:.2f} KB per flow")
        if mem["error_kinds"]:
            out.append("")
            out.append("Errors: " + "; ".join(f"{n}× {k}" for k, n in mem["error_kinds"].items()))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run, under a minute")
    parser.add_argument("--rounds", type=int, help="interleaved latency rounds (default 5, quick 2)")
    parser.add_argument("--streams", type=int, help="streams per path per round, alternating body sizes (default 24, quick 8)")
    parser.add_argument("--warmup", type=int, default=4, help="unmeasured streams per path first (default 4)")
    parser.add_argument("--lockstep", type=int, help="lock-step hold-back streams per path (default 40, quick 10)")
    parser.add_argument("--chunks", type=int, default=20, help="content chunks per stream (default 20)")
    parser.add_argument("--interval-ms", type=float, default=10.0, help="upstream delay between events (default 10)")
    parser.add_argument("--concurrency", type=int, default=100, help="concurrent soak streams (default 100)")
    parser.add_argument("--soak-seconds", type=float, help="soak duration (default 60, quick 10)")
    parser.add_argument("--soak-path", choices=PATHS, default="headroom",
                        help="soak through this path (default headroom; the others are baselines for diagnosis)")
    parser.add_argument("--streams-per-connection", type=int, default=20,
                        help="soak: streams per client connection before a new CONNECT (default 20)")
    parser.add_argument("--flows", type=int, help="memory: LLM flows through `headroom-mitm proxy` (default 10000, quick 2000)")
    parser.add_argument("--memory-workers", type=int, default=4, help="memory: client threads (default 4)")
    parser.add_argument("--memory-chunks", type=int, default=5, help="memory: content chunks per flow (default 5)")
    parser.add_argument("--flows-per-connection", type=int, default=100,
                        help="memory: flows per client connection (default 100)")
    parser.add_argument("--check-detector", action="store_true",
                        help="also run both hold-back checks against bare mitmproxy without its SSE switch (it buffers)")
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--skip-soak", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    args.rounds = args.rounds or (2 if args.quick else 5)
    args.streams = args.streams or (8 if args.quick else 24)
    args.lockstep = args.lockstep or (10 if args.quick else 40)
    args.soak_seconds = args.soak_seconds or (10.0 if args.quick else 60.0)
    args.flows = args.flows or (2000 if args.quick else 10_000)

    result: dict = {"machine": machine() | {"loadavg_start": os.getloadavg()},
                    "command": " ".join([Path(sys.executable).name, *sys.argv]),
                    "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}}
    tmp = Path(tempfile.mkdtemp(prefix="headroom-bench-stream-"))
    children: list[Child] = []
    try:
        from headroom_certs.ca import create_ca

        chain, bench_ca = make_upstream_pki(tmp)
        auth = "bench:" + base64.urlsafe_b64encode(os.urandom(18)).decode()
        headroom_ca = create_ca(tmp / "headroom-ca", "headroom-mitm bench proxy CA", dt.timedelta(days=1))
        bare_confdir = tmp / "mitmproxy-conf"  # bare mitmproxy makes its own CA here
        bare_confdir.mkdir(mode=0o700)
        upstream = Child(upstream_main, str(chain))
        children.append(upstream)
        bare = Child(bare_mitmproxy_streaming_main, str(bare_confdir), str(bench_ca))
        children.append(bare)
        headroom = Child(headroom_main, str(headroom_ca.directory), str(tmp / "scratch"), str(bench_ca),
                         str(tmp / "headroom-state"), auth, {}, False)
        children.append(headroom)
        setup = Setup(tmp=tmp, chain=chain, bench_ca=bench_ca, auth=auth, upstream=upstream, bare=bare,
                      headroom=headroom, bare_trust=bare_confdir / "mitmproxy-ca-cert.pem",
                      headroom_trust=headroom_ca.cert, headroom_state=tmp / "headroom-state")
        if not args.skip_latency:
            print("latency…", file=sys.stderr)
            result["latency"] = bench_latency(args, setup)
        if args.check_detector:
            print("detector check…", file=sys.stderr)
            result["detector_check"] = detector_check(args, setup)
        if not args.skip_soak:
            print("soak…", file=sys.stderr)
            result["soak"] = bench_soak(args, setup)
        if not args.skip_memory:
            print("memory…", file=sys.stderr)
            result["memory"] = bench_memory(args, setup)
        result["upstream"] = upstream_stats(upstream)
        result["machine"]["loadavg_end"] = os.getloadavg()
    finally:
        for child in reversed(children):
            child.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
