"""The compress stage inside the proxy: what the upstream really receives."""

import gzip
import json

from tests.compress.support import LOG, chat_body, send
from tests.support import RecordingUpstream


def test_tool_output_is_compressed_and_everything_else_is_byte_identical(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body(LOG)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer sk-test-1", "X-Session-Affinity": "ses_1"}
    with RecordingUpstream() as upstream:
        status, _, _ = send(proxy, upstream.url.rsplit(":", 1)[1], body, headers)
    assert status == 200
    seen = upstream.seen[0]
    assert len(seen.body) < len(body) / 4
    sent = json.loads(seen.body)
    tool = sent["messages"][2]["content"]
    assert "FAILED tests/test_mod.py::test_boom - KeyError: 'x'" in tool and "headroom_headroom_retrieve id=hr_" in tool
    # Bytes before the tool output's string are exactly the client's.
    prefix = body[: body.index(b'"content":"tests/')]
    assert seen.body.startswith(prefix)
    assert seen.headers["authorization"] == "Bearer sk-test-1"
    assert seen.headers["x-session-affinity"] == "ses_1"
    assert int(seen.headers["content-length"]) == len(seen.body)


def test_a_request_with_nothing_to_compress_is_forwarded_byte_for_byte(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body("ok")
    with RecordingUpstream() as upstream:
        send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert upstream.seen[0].body == body


def test_without_the_retrieve_tool_the_output_is_only_losslessly_compressed(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body(LOG.replace(" PASSED", " PASSED  "), retrieve=False)
    with RecordingUpstream() as upstream:
        send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    sent = json.loads(upstream.seen[0].body)["messages"][2]["content"]
    assert sent == LOG  # trailing blanks trimmed, not a line left out
    assert "[…" not in sent and "elided" not in sent


def test_gzip_bodies_are_decoded_and_reencoded(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = gzip.compress(chat_body(LOG))
    with RecordingUpstream() as upstream:
        send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json", "Content-Encoding": "gzip"})
    seen = upstream.seen[0]
    assert seen.headers["content-encoding"] == "gzip"
    assert "headroom_retrieve id=hr_" in json.loads(gzip.decompress(seen.body))["messages"][2]["content"]


def test_no_compress_forwards_the_original(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), compress=False)
    body = chat_body(LOG)
    with RecordingUpstream() as upstream:
        send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert upstream.seen[0].body == body


def test_a_client_retry_is_compressed_to_identical_bytes(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body(LOG)
    with RecordingUpstream() as upstream:
        for _ in range(2):
            send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert upstream.seen[0].body == upstream.seen[1].body


def test_the_original_is_stored_and_retrievable(start_proxy, fake_dns, tmp_path):
    from headroom_mitm.compress import OriginalStore
    from headroom_mitm.launcher.mcp_server import retrieve

    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    with RecordingUpstream() as upstream:
        send(proxy, upstream.url.rsplit(":", 1)[1], chat_body(LOG), {"Content-Type": "application/json"})
    tool = json.loads(upstream.seen[0].body)["messages"][2]["content"]
    rid = tool.split("headroom_headroom_retrieve id=")[1][:19]
    store = OriginalStore(tmp_path / "state" / "originals.sqlite")
    try:
        assert "test_1500 PASSED" in retrieve(store, rid, pattern="test_1500 ")
        assert "no original is stored" in retrieve(store, "hr_0000000000000000")
        assert retrieve(store, rid) == LOG
    finally:
        store.close()


def test_a_truncated_output_is_rebuilt_from_the_configured_tool_output_dir(start_proxy, fake_dns, tmp_path):
    from tests.support import opencode_shell_cut

    outputs = tmp_path / "tool-output"
    outputs.mkdir()
    full = "\n".join(f"step {i}: ok" for i in range(6000))
    full = full.replace("step 3000: ok", "step 3000: FATAL disk quota exceeded on /var/lib/app")
    (outputs / "tool_abc").write_text(full)
    block = opencode_shell_cut(full, str(outputs / "tool_abc"))
    assert "FATAL" not in block
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), tool_output_dirs=(outputs,))
    body = chat_body(block)
    with RecordingUpstream() as upstream:
        status, _, _ = send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert status == 200
    sent = json.loads(upstream.seen[0].body)["messages"][2]["content"]
    assert "step 3000: FATAL disk quota exceeded" in sent and len(upstream.seen[0].body) <= len(body)


def test_a_corrupt_store_means_lossless_only(start_proxy, fake_dns, tmp_path):
    fake_dns(["llm.test"])
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "originals.sqlite").write_bytes(b"not a database " * 200)
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    with RecordingUpstream() as upstream:
        assert send(proxy, upstream.url.rsplit(":", 1)[1], chat_body(LOG), {"Content-Type": "application/json"})[0] == 200
    sent = upstream.seen[0].body
    assert b"headroom_retrieve id=" not in sent and json.loads(sent)["messages"][2]["content"] == LOG


def test_a_store_that_fails_mid_run_stops_lossy_output_even_for_memoised_blocks(start_proxy, fake_dns):
    from headroom_mitm.compress.hook import Compress

    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    other = LOG.replace("test_boom", "test_bang")
    with RecordingUpstream() as upstream:
        port = upstream.url.rsplit(":", 1)[1]
        send(proxy, port, chat_body(LOG), {"Content-Type": "application/json"})
        next(a for a in proxy._addons if isinstance(a, Compress)).store._conn.close()  # the store breaks
        send(proxy, port, chat_body(other), {"Content-Type": "application/json"})
        send(proxy, port, chat_body(LOG), {"Content-Type": "application/json"})  # seen before: memoised lossy
    first, broken, again = (json.loads(s.body)["messages"][2]["content"] for s in upstream.seen)
    assert "headroom_retrieve id=" in first
    assert "headroom_retrieve id=" not in broken and "headroom_retrieve id=" not in again


def test_only_json_content_types_are_rewritten(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body(LOG)
    kinds = ["text/plain", "application/x-www-form-urlencoded", None, "application/json; charset=utf-8", "application/vnd.api+json"]
    with RecordingUpstream() as upstream:
        for kind in kinds:
            send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": kind} if kind else {})
    as_sent = [seen.body == body for seen in upstream.seen]
    assert as_sent == [True, True, True, False, False]


def test_the_request_body_is_parsed_once_per_flow(start_proxy, fake_dns, monkeypatch):
    # Compress, meter (the model) and audit all need the parsed body: one parse serves them all.
    from headroom_mitm import bodies

    parses = []
    real = bodies.loads

    def counting(raw, *args, **kwargs):
        parses.append(len(raw))
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(bodies, "loads", counting)
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    body = chat_body(LOG)
    with RecordingUpstream() as upstream:
        status, _, _ = send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert status == 200 and len(upstream.seen[0].body) < len(body) / 4  # it was compressed
    # (before: the compress stage parsed it, then the meter parsed the rewritten body for the model)
    # (the upstream's answer, also parsed for usage, is under 100 bytes)
    assert [n for n in parses if n > 100] == [len(body)], parses
