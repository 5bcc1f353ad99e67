"""Metering through the real proxy: usage taps on streamed and whole responses, one record per LLM
flow with the promised fields, retries as attempts, no secrets, and the live /stats and /metrics."""

import gzip
import json

import pytest

from headroom_mitm.meter.control import RESERVED_HOST, answer, host_allowed
from headroom_mitm.forward.stream import StreamTap
from headroom_mitm.meter.live import FlowFacts, LiveStats, build_record
from headroom_mitm.meter.records import read_records
from headroom_mitm.stub import HELLO_TEXT, StubServer, get_script
from headroom_mitm.meter.usage import ESTIMATOR
from headroom_mitm.meter.tap import UsageTap
from tests.support import KEY, PROXY_AUTH, SESSION, UA, openai_body, post, request_via_proxy



@pytest.fixture()
def stub():
    server = StubServer(get_script("hello")).start()
    yield server
    server.stop()


def anthropic_body(stream: bool) -> bytes:
    return json.dumps({
        "model": "claude-sonnet-4-5", "max_tokens": 100, "stream": stream,
        "system": [{"type": "text", "text": "You are helpful. " * 200, "cache_control": {"type": "ephemeral"}}],
        "messages": [{"role": "user", "content": [{"type": "text", "text": "say hello"}]}],
    }).encode()


def get(proxy, path, host=RESERVED_HOST, headers=None):
    return request_via_proxy(proxy.address.port, host, path, ca_file=None, https=False, proxy_auth=PROXY_AUTH,
                             headers=headers)


def records(tmp_path):
    return list(read_records(tmp_path / "state" / "records" / "flows.jsonl"))


def start(start_proxy, stub, fmt="openai-chat", host="llm.test"):
    return start_proxy(llm_hosts=(f"{host}={fmt}",), routes=(f"{host}={stub.base_url}",))


def test_streamed_openai_usage_is_recorded_with_every_field(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub)
    body = openai_body(stream=True)
    status, headers, reply = post(proxy, "llm.test", "/v1/chat/completions", body)
    assert status == 200 and "text/event-stream" in headers["content-type"]
    text = (gzip.decompress(reply) if headers.get("content-encoding") == "gzip" else reply).decode()
    assert HELLO_TEXT.split()[0] in text and "[DONE]" in text  # the client got the whole stream
    [rec] = records(tmp_path)
    [usage] = stub.reported_usage
    assert (rec.input_tokens, rec.output_tokens) == (usage["prompt_tokens"], usage["output_tokens"])
    assert rec.cache_read_tokens == usage["cache_read_tokens"]
    assert rec.stream is True and rec.status == 200 and rec.attempt == 1
    assert rec.provider and (rec.host, rec.api_format, rec.model) == ("llm.test", "openai-chat", "stub-model")
    assert rec.session == SESSION and rec.client == UA
    assert rec.request_bytes_before == rec.request_bytes_after == len(body)  # no compression stage yet
    assert rec.est_tokens_before == rec.est_tokens_after > 0 and rec.estimator == ESTIMATOR
    assert rec.ttfb_ms is not None and rec.total_ms is not None and rec.total_ms >= rec.ttfb_ms
    assert rec.addon_ms is not None and rec.addon_ms >= 0
    assert rec.error is None


def test_streamed_anthropic_usage_includes_cache_tokens(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub, "anthropic-messages", "anth.test")
    status, _, _ = post(proxy, "anth.test", "/v1/messages", anthropic_body(stream=True))
    assert status == 200
    [rec] = records(tmp_path)
    [usage] = stub.reported_usage
    assert rec.api_format == "anthropic-messages" and rec.stream
    assert rec.input_tokens == usage["input_tokens"] + usage["cache_read_tokens"] + usage["cache_write_tokens"]
    assert (rec.cache_read_tokens, rec.cache_write_tokens) == (usage["cache_read_tokens"], usage["cache_write_tokens"])
    assert rec.output_tokens == usage["output_tokens"]
    assert rec.cache_write_tokens + rec.cache_read_tokens > 0  # the system block was cacheable


@pytest.mark.parametrize("fmt,host,path,body", [
    ("openai-chat", "llm.test", "/v1/chat/completions", openai_body(stream=False)),
    ("anthropic-messages", "anth.test", "/v1/messages", anthropic_body(stream=False)),
])
def test_whole_json_response_usage(start_proxy, stub, tmp_path, fmt, host, path, body):
    proxy = start(start_proxy, stub, fmt, host)
    status, headers, _ = post(proxy, host, path, body)
    assert status == 200 and "json" in headers["content-type"]
    [rec] = records(tmp_path)
    [usage] = stub.reported_usage
    assert rec.stream is False
    assert rec.input_tokens == usage["prompt_tokens"] and rec.output_tokens == usage["output_tokens"]


def test_client_retry_is_an_attempt_not_a_new_saving(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub)
    body = openai_body(stream=True)
    for _ in range(2):
        assert post(proxy, "llm.test", "/v1/chat/completions", body)[0] == 200
    assert post(proxy, "llm.test", "/v1/chat/completions", openai_body(True, "something else"))[0] == 200
    assert [r.attempt for r in records(tmp_path)] == [1, 2, 1]
    stats = json.loads(get(proxy, "/stats")[2])
    assert stats["total"]["requests"] == 3 and stats["total"]["retries"] == 1
    first_two = [r.est_tokens_before for r in records(tmp_path)]
    assert stats["total"]["est_tokens_before"] == first_two[0] + first_two[2]  # the retry is not counted again


def test_records_never_hold_secrets(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub)
    post(proxy, "llm.test", "/v1/chat/completions", openai_body(stream=True), headers={"x-api-key": KEY})
    raw = (tmp_path / "state" / "records" / "flows.jsonl").read_text()
    assert raw.count("\n") == 1
    assert KEY not in raw and "Bearer" not in raw


def test_upstream_error_is_recorded_with_its_message(start_proxy, tmp_path):
    server = StubServer(get_script("error")).start()
    try:
        proxy = start(start_proxy, server)
        status, _, _ = post(proxy, "llm.test", "/v1/chat/completions", openai_body(stream=True))
    finally:
        server.stop()
    [rec] = records(tmp_path)
    assert rec.status == status >= 400 and rec.error and rec.input_tokens is None


def test_non_llm_paths_are_not_recorded(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub)
    request_via_proxy(proxy.address.port, "llm.test", "/v1/models", ca_file=None, https=False, proxy_auth=PROXY_AUTH)
    assert records(tmp_path) == []


def test_stats_and_metrics_served_by_the_proxy(start_proxy, stub, tmp_path):
    proxy = start(start_proxy, stub)
    post(proxy, "llm.test", "/v1/chat/completions", openai_body(stream=True))
    [usage] = stub.reported_usage
    status, headers, body = get(proxy, "/stats")
    assert status == 200 and headers["content-type"] == "application/json"
    stats = json.loads(body)
    assert stats["total"]["requests"] == 1 and stats["total"]["input_tokens"] == usage["prompt_tokens"]
    assert stats["by_model"][0]["model"] == "stub-model"
    status, headers, body = get(proxy, "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    text = body.decode()
    assert 'headroom_requests_total{model="stub-model"' in text
    assert 'kind="input",model="stub-model"' in text and f"{float(usage['prompt_tokens'])}" in text
    assert len(stub.requests) == 1  # the control endpoints never went upstream


def test_stats_refuse_a_rebinding_host_header(start_proxy):
    proxy = start_proxy()
    status, _, _ = get(proxy, "/stats", headers={"Host": "evil.example"})
    assert status == 403
    assert get(proxy, "/stats", headers={"Host": "127.0.0.1:9"})[0] == 200
    assert get(proxy, "/nope")[0] == 404


def test_control_answer_is_loopback_only():
    stats = LiveStats()
    assert answer(stats, "GET", "/stats", client_loopback=False, host_header=RESERVED_HOST)[0] == 403
    assert answer(stats, "POST", "/stats", client_loopback=True, host_header=RESERVED_HOST)[0] == 405
    assert answer(stats, "GET", "/metrics", client_loopback=True, host_header="[::1]:80")[0] == 200
    assert not host_allowed("attacker.test:8080") and host_allowed("localhost") and host_allowed("headroom.mitm.")


def _tapped(tap: UsageTap) -> StreamTap:
    stream = StreamTap()
    stream.feeders.append(tap.on_chunk)
    return stream


def test_stream_callable_returns_chunks_unchanged_and_survives_garbage():
    tap = UsageTap("openai-chat")
    stream = _tapped(tap)
    event = b'data: {"model":"m","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3}}\n\ndata: [DONE]\n\n'
    out = [stream(event[i:i + 5]) for i in range(0, len(event), 5)]
    assert b"".join(out) == event
    assert stream(b"") == b"" and stream(b"") == b""  # end of stream, twice
    assert tap.usage.input_tokens == 7 and tap.usage.output_tokens == 3
    assert stream.down == len(event)
    broken = _tapped(UsageTap("gemini", "gzip"))
    assert broken(b"\xff\x00not gzip") == b"\xff\x00not gzip"  # never raises, never holds


def test_build_record_names_the_error_and_keeps_counts():
    facts = FlowFacts(host="h", provider="p", api_format="anthropic-messages", status=529,
                      error_body=b'{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
                      bytes_before=100, bytes_after=80, est_before=25, est_after=20, transforms={"dedupe": 2})
    rec = build_record(facts)
    assert rec.error == "overloaded_error: Overloaded" and rec.saved_tokens == 5 and rec.transforms == {"dedupe": 2}
