#!/usr/bin/env python3
"""Originals store benchmark: what `--store redis://…` costs next to the default SQLite file, on the
request path (compressing a request) and on the retrieval path (headroom_retrieve through the
proxy's own MCP endpoint, http://headroom.mitm/mcp). Reports medians and ratios; never asserts.

Compression: an OpenCode-shaped chat request with one ~120 KB test log as its tool output.
  cold  a block never seen (a fresh log each time): render + store the original + the rendering
  warm  the same block again, in-process memo cleared: the first rendering read back from the store
Retrieval: one `tools/call` of headroom_retrieve (whole original), over an initialized MCP session
with the official SDK's Streamable HTTP client through a real embedded proxy (proxy auth on).
Redis is a local redis-server on loopback, no persistence (tests/redis_server.py starts it).

  .venv/bin/python scripts/bench_store.py [--n 200] [--json PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from machine import describe  # scripts/machine.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from headroom_mitm.compress import CompressionSettings, clear_memo, compress_request, open_store  # noqa: E402
from tests.compress.support import LOG, chat_body  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_compress(spec: str | Path, n: int) -> dict[str, float]:
    store = open_store(spec)
    settings = CompressionSettings()
    cold, warm = [], []
    tag = time.time_ns()
    try:
        for i in range(n):
            body = chat_body(LOG.replace("test_mod", f"test_{tag}_{i}"))
            clear_memo()
            t = time.perf_counter()
            result = compress_request(body, api_format="openai-chat", content_encoding=None, settings=settings, store=store)
            cold.append(time.perf_counter() - t)
            assert result.changed and b"headroom_retrieve id=" in result.body
            clear_memo()
            t = time.perf_counter()
            again = compress_request(body, api_format="openai-chat", content_encoding=None, settings=settings, store=store)
            warm.append(time.perf_counter() - t)
            assert again.body == result.body
    finally:
        store.close()
    return {"cold_ms": median_ms(cold), "warm_ms": median_ms(warm)}


def bench_retrieve(tmp: Path, store: str | None, n: int) -> float:
    import httpx
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    from headroom_certs.ca import create_ca
    from headroom_mitm.addons import make_addons
    from headroom_mitm.launcher.app import proxy_config
    from headroom_mitm.launcher.proxy import EmbeddedProxy
    from headroom_mitm.launcher.settings import GlobalOptions

    name = "redis" if store else "sqlite"
    ca = create_ca(tmp / f"ca-{name}", "bench CA", dt.timedelta(days=1))
    options = GlobalOptions(state_dir=tmp / name, store=store)
    proxy = EmbeddedProxy(proxy_config(options, ca.directory, scratch=tmp / name, proxy_auth="b:pw"), make_addons(options))
    proxy.start()
    originals = open_store(store or options.state.ensure().originals_db)
    rid = originals.put(LOG)
    originals.close()

    async def run() -> list[float]:
        samples = []
        async with httpx.AsyncClient(proxy=f"http://b:pw@127.0.0.1:{proxy.address.port}", timeout=30) as client:
            async with streamable_http_client("http://headroom.mitm/mcp", http_client=client) as (read, write, _):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    for _ in range(n + 5):
                        t = time.perf_counter()
                        result = await session.call_tool("headroom_retrieve", {"id": rid})
                        samples.append(time.perf_counter() - t)
                        assert result.content[0].text == LOG
        return samples[5:]  # warm-up: the SDK is loaded on the first call

    try:
        return median_ms(asyncio.run(run()))
    finally:
        proxy.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        (tmp / "redis").mkdir()
        server = RedisServer(tmp / "redis").start()
        try:
            results = {
                "sqlite": {**bench_compress(tmp / "bench.sqlite", args.n), "retrieve_ms": bench_retrieve(tmp, None, args.n)},
                "redis": {**bench_compress(server.url, args.n), "retrieve_ms": bench_retrieve(tmp, server.url, args.n)},
            }
        finally:
            server.stop()
    print(f"machine: {describe()}  n={args.n}  block={len(LOG):,} chars")
    print(f"{'':24}{'sqlite':>10}{'redis':>10}{'ratio':>8}")
    for key, label in (("cold_ms", "compress, new block"), ("warm_ms", "compress, stored block"),
                       ("retrieve_ms", "retrieve via /mcp")):
        a, b = results["sqlite"][key], results["redis"][key]
        print(f"{label:24}{a:>8.2f}ms{b:>8.2f}ms{b / a:>7.2f}x")
    if args.json:
        args.json.write_text(json.dumps({"machine": describe(), "n": args.n, "results": results}, indent=1))


if __name__ == "__main__":
    main()
