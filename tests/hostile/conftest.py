"""The module-scoped gateway the hostile tests attack (helpers in tests/hostile/gateway.py)."""

import pytest

from tests.faults import FaultyUpstream
from tests.hostile.gateway import BIG, LLM, POLICY, Gateway, start, stop


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gw")
    policy = tmp / "policy.yaml"
    policy.write_text(POLICY)
    with FaultyUpstream() as upstream, FaultyUpstream() as internal:
        proc, port = start(
            tmp, "--policy", str(policy), "--llm-host", f"{LLM}=openai-chat", "--llm-host", f"{BIG}=openai-chat",
            "--route", f"{LLM}=http://127.0.0.1:{upstream.port}", "--route", f"{BIG}=http://127.0.0.1:{upstream.port}",
        )
        try:
            yield Gateway(proc, port, tmp / "state", upstream, internal)
        finally:
            stop(proc)
