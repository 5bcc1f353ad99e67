#!/usr/bin/env python3
"""What a streamed chunk costs in our taps (issue #14's target: ≤ 5 µs a chunk).

A 1,000-chunk SSE answer in each API format goes through the response's one `StreamTap` with the
meter's `UsageTap` reading along (as the proxy wires them), and, side by side, through a bare
pass-through callable (what mitmproxy itself calls per chunk). Reports the median over runs of the
added CPU time per chunk (the thread's CPU clock, steadier than wall time on a shared machine).
Never asserts.

    .venv/bin/python scripts/bench_stream_tap.py [--runs 30] [--chunks 1000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "addon"))

from headroom_mitm.forward.stream import StreamTap  # noqa: E402
from headroom_mitm.meter.tap import UsageTap  # noqa: E402


def sse(obj: object, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(obj, separators=(',', ':'))}\n\n".encode()


def stream(api: str, n: int) -> list[bytes]:
    """n chunks of a text answer with usage at the end, shaped like each provider's."""
    word = "token "
    if api == "openai-chat":
        body = [sse({"id": "c1", "object": "chat.completion.chunk", "model": "gpt-4o",
                     "choices": [{"index": 0, "delta": {"content": word}}]}) for _ in range(n - 2)]
        return [*body, sse({"id": "c1", "choices": [], "usage": {"prompt_tokens": 900, "completion_tokens": n}}),
                b"data: [DONE]\n\n"]
    if api == "anthropic-messages":
        delta = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": word}}
        return [sse({"type": "message_start", "message": {"model": "claude-sonnet-4", "usage": {"input_tokens": 900, "output_tokens": 1}}}, "message_start"),
                *(sse(delta, "content_block_delta") for _ in range(n - 2)),
                sse({"type": "message_delta", "usage": {"output_tokens": n}}, "message_delta")]
    if api == "openai-responses":
        delta = {"type": "response.output_text.delta", "delta": word}
        return [*(sse(delta, "response.output_text.delta") for _ in range(n - 1)),
                sse({"type": "response.completed", "response": {"model": "gpt-4o", "usage": {"input_tokens": 900, "output_tokens": n}}}, "response.completed")]
    if api == "gemini":
        part = {"candidates": [{"content": {"parts": [{"text": word}]}}]}
        return [*(sse(part) for _ in range(n - 1)),
                sse({**part, "usageMetadata": {"promptTokenCount": 900, "candidatesTokenCount": n}, "modelVersion": "gemini-2.5-pro"})]
    raise ValueError(api)


def per_chunk_us(chunks: list[bytes], api: str | None) -> float:
    """CPU µs per chunk through our tap (api given) or a bare pass-through (api None)."""
    if api is None:
        def call(chunk: bytes) -> bytes:
            return chunk
    else:
        call = StreamTap()
        usage = UsageTap(api)
        call.feeders.append(usage.on_chunk)
    t0 = time.thread_time()  # CPU time: the shared machine's load does not inflate it
    for chunk in chunks:
        call(chunk)
    call(b"")  # mitmproxy's end of stream
    elapsed = time.thread_time() - t0
    if api is not None:
        assert usage.usage is not None, f"{api}: the tap read no usage"  # the bench measures real work
    return elapsed / (len(chunks) + 1) * 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--chunks", type=int, default=1000)
    args = ap.parse_args()
    print(f"{args.chunks}-chunk SSE answers, median of {args.runs} interleaved runs, µs per chunk")
    print("| format | bare pass-through | StreamTap + UsageTap | added by our taps |")
    print("|---|---:|---:|---:|")
    for api in ("openai-chat", "anthropic-messages", "openai-responses", "gemini"):
        chunks = stream(api, args.chunks)
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(per_chunk_us(chunks, None))
            ours.append(per_chunk_us(chunks, api))
        b, o = statistics.median(bare), statistics.median(ours)
        print(f"| {api} | {b:.2f} | {o:.2f} | {o - b:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
