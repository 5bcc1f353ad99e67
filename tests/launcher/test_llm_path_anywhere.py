"""A decrypted request on an LLM API path is LLM traffic whatever its host: here a `--route` target
no list names, reached with deepinfra's path layout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from headroom_mitm.stub import StubServer, get_script

CLIENT = r"""
import json, urllib.request
body = json.dumps({"model": "m", "stream": False, "messages": [{"role": "user", "content": "hi"}]}).encode()
req = urllib.request.Request("http://llm.nowhere.example/v1/openai/chat/completions", data=body,
                             headers={"content-type": "application/json", "authorization": "Bearer sk-anywhere-0123456789"})
with urllib.request.urlopen(req, timeout=30) as r:
    print(r.status)
"""


def test_a_routed_unknown_host_on_an_llm_path_is_metered_and_audited_as_llm(tmp_path: Path) -> None:
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    with StubServer(get_script("hello")) as stub:
        result = subprocess.run(
            [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "state"),
             "--route", f"llm.nowhere.example={stub.base_url}", "run", "--", sys.executable, str(client)],
            env=env, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0 and result.stdout.strip() == "200", result.stderr
        assert [r.path for r in stub.requests] == ["/v1/openai/chat/completions"]
    records = [json.loads(x) for x in (tmp_path / "state" / "records" / "flows.jsonl").read_text().splitlines()]
    assert [(r["host"], r["api_format"]) for r in records] == [("llm.nowhere.example", "openai-chat")]
    assert records[0]["input_tokens"]  # usage parsed: metered as an LLM call
    audit = [json.loads(x) for x in (tmp_path / "state" / "records" / "audit.jsonl").read_text().splitlines()]
    assert [r["class"] for r in audit if r["kind"] == "request"] == ["llm"]
    assert "1 LLM request" in result.stderr  # the session summary counts it
