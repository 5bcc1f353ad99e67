"""Redaction end to end: run the real OpenCode with distinctive fake keys, then scan every file the proxy
wrote (and the launcher's output) for the keys and the per-session proxy credentials."""

import json
import re

from headroom_mitm.audit.verify import verify
from headroom_mitm.redact import fingerprint
from tests.e2e.harness import ANTHROPIC_MODEL

CUSTOM_KEY = "sk-e2e-custom-0123456789"
ANTHROPIC_KEY = "sk-ant-e2e-0123456789abcdef"
# Credentials.random(): user "headroom", password token_urlsafe(24) (32 characters).
PROXY_CREDENTIALS = re.compile(rb"headroom:[A-Za-z0-9_-]{32}")


def test_no_key_or_proxy_credential_reaches_any_file_the_proxy_wrote(stub_for):
    oc = stub_for("hello")
    first = oc.run("say", "hello")
    second = oc.run("say", "hello", model=ANTHROPIC_MODEL)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    # The keys really went through the proxy (so there was something to leak).
    seen = {r.headers.get("authorization") or r.headers.get("x-api-key") for r in oc.llm_requests()}
    assert f"Bearer {CUSTOM_KEY}" in seen and ANTHROPIC_KEY in seen

    files = [p for p in oc.state.rglob("*") if p.is_file()]
    audit = oc.state / "records" / "audit.jsonl"
    assert audit in files and oc.state / "logs" / "proxy.log" in files
    for path in files:
        data = path.read_bytes()
        for secret in (CUSTOM_KEY, ANTHROPIC_KEY):
            assert secret.encode() not in data, f"{secret} leaked into {path}"
            assert secret[-12:].encode() not in data, f"a piece of {secret} leaked into {path}"
        assert not PROXY_CREDENTIALS.search(data), f"proxy credentials leaked into {path}"
    for stream in (first.stdout, first.stderr, second.stdout, second.stderr):
        for secret in (CUSTOM_KEY, ANTHROPIC_KEY):
            assert secret not in stream
        assert not PROXY_CREDENTIALS.search(stream.encode())

    # The trail does tell the keys apart, by fingerprint only, and its chain holds.
    records = [json.loads(line) for line in audit.read_text().splitlines()]
    fingerprints = {r["key_fingerprint"] for r in records if r["kind"] == "request"}
    assert {fingerprint(CUSTOM_KEY), fingerprint(ANTHROPIC_KEY)} <= fingerprints
    assert verify([audit]).ok
