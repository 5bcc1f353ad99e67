"""--audit-failure in a running proxy: no answer without its record (block), every loss counted (pass)."""

from __future__ import annotations

import json

from headroom_mitm.audit.head import head_path, read_head
from headroom_mitm.audit.hook import AuditTrail
from headroom_mitm.audit.trail import chain_files
from headroom_mitm.audit.verify import verify
from headroom_mitm.launcher.app import meter_of, session_summary
from tests.support import PROXY_AUTH, RecordingUpstream, request_via_proxy

BODY = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).encode()


def send(proxy, port):
    return request_via_proxy(
        proxy.address.port, f"llm.test:{port}", "/v1/chat/completions", ca_file=None, https=False,
        proxy_auth=PROXY_AUTH, method="POST", body=BODY, headers={"Content-Type": "application/json"},
    )


def disk_full(proxy):
    """Fault injection below the chain: the trail's file refuses every line, as a full disk does."""
    trail = next(a for a in proxy._addons if isinstance(a, AuditTrail))
    file = trail.writer._file
    real = file.append

    def refuse(data: bytes) -> None:
        raise OSError(28, "No space left on device")

    file.append = refuse
    return lambda: setattr(file, "append", real)


def test_block_refuses_until_the_trail_can_be_written_again(start_proxy, fake_dns, tmp_path):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    trail_file = tmp_path / "state" / "records" / "audit.jsonl"
    with RecordingUpstream() as upstream:
        port = upstream.url.rsplit(":", 1)[1]
        assert send(proxy, port)[0] == 200
        heal = disk_full(proxy)
        status, headers, body = send(proxy, port)  # went upstream, its record failed: answer withheld
        assert status == 503 and headers["x-should-retry"] == "false" and b"audit record" in body
        assert len(upstream.seen) == 2
        status, headers, body = send(proxy, port)  # refused before a byte goes upstream
        assert status == 503 and headers["x-should-retry"] == "true" and len(upstream.seen) == 2
        heal()
        assert send(proxy, port)[0] == 503  # its refusal record is the probe that finds room again…
        assert send(proxy, port)[0] == 200  # …so the next one flows
        assert len(upstream.seen) == 3
    stats = meter_of(proxy._addons).stats
    assert stats.losses() == {"audit": 2} and stats.snapshot()["lost_records"]["audit"] == 2
    assert b'headroom_lost_records_total{trail="audit"} 2.0' in stats.prometheus()
    assert "2 audit records could not be written" in session_summary(meter_of(proxy._addons))
    lines = [json.loads(x) for x in trail_file.read_text().splitlines()]
    refused = [x for x in lines if x.get("rule") == "audit-failure"]
    assert len(refused) == 1 and refused[0]["lost"] == 2 and refused[0]["status"] == 503
    result = verify(chain_files(trail_file), head=read_head(head_path(trail_file)))
    assert result.lost == 2 and not result.ok


def test_pass_forwards_and_still_counts_every_loss(start_proxy, fake_dns, tmp_path):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), audit_failure="pass")
    trail_file = tmp_path / "state" / "records" / "audit.jsonl"
    with RecordingUpstream() as upstream:
        port = upstream.url.rsplit(":", 1)[1]
        heal = disk_full(proxy)
        assert [send(proxy, port)[0] for _ in range(3)] == [200, 200, 200]
        head = read_head(head_path(trail_file))
        assert head is not None and head.lost == 3  # the anchor knows while the trail cannot say it
        heal()
        assert send(proxy, port)[0] == 200
        assert len(upstream.seen) == 4
    assert meter_of(proxy._addons).stats.losses() == {"audit": 3}
    (line,) = [json.loads(x) for x in trail_file.read_text().splitlines()]
    assert line["lost"] == 3


def test_block_cuts_off_a_streamed_answer_whose_record_fails(start_proxy, tmp_path):
    import http.client

    from headroom_mitm.stub import StubServer, get_script
    from tests.support import openai_body, post

    stub = StubServer(get_script("hello")).start()
    try:
        proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), routes=(f"llm.test={stub.base_url}",))
        assert post(proxy, "llm.test", "/v1/chat/completions", openai_body(True))[0] == 200
        disk_full(proxy)
        try:
            status, _, body = post(proxy, "llm.test", "/v1/chat/completions", openai_body(True))
        except (http.client.IncompleteRead, ConnectionError) as exc:  # the stream never ends cleanly
            status, body = None, repr(exc).encode()
    finally:
        stub.stop()
    assert status is None or b"[DONE]" not in body, body[-200:]
    assert meter_of(proxy._addons).stats.losses() == {"audit": 1}
