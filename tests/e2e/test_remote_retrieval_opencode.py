"""The real OpenCode adds the proxy's own retrieval endpoint by URL, as a gateway's user or any
MCP-capable client would: `headroom-mitm run` (which registers nothing) with a remote MCP server
`https://headroom.mitm/mcp` (or `http://`) in the user's config. The long output is compressed because the tool list
holds `headroom_headroom_retrieve`, and the model gets the original back through the proxy."""

import json
import subprocess
import sys

import pytest

from tests.e2e.harness import CUSTOM_MODEL, STUB_HOST, custom_provider_config, opencode_binary
from tests.e2e.retrieval import ELIDED_LINE, MARKER_ID, retrieve_script, tool_named, tool_outputs


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_opencode_retrieves_through_the_remote_endpoint_of_the_proxy(stub_for, scheme):
    script = retrieve_script("remote-retrieve", "Retrieved remotely.")
    oc = stub_for(script)
    config = custom_provider_config({"mcp": {"headroom": {"type": "remote", "url": f"{scheme}://headroom.mitm/mcp"}}})
    argv = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(oc.state),
            "--route", f"{STUB_HOST}={oc.stub.base_url}", "--route", f"registry.npmjs.org={oc.stub.base_url}",
            "run", "--", opencode_binary(), "run", "--title", "e2e", "-m", CUSTOM_MODEL, "run", "the", "tests"]
    result = subprocess.run(argv, env=oc.env(OPENCODE_CONFIG_CONTENT=config), cwd=oc.work, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Retrieved remotely." in result.stdout
    chats = [r for r in oc.llm_requests() if r.path.endswith("/chat/completions")]
    assert len(chats) == 3, [r.path for r in chats]
    assert tool_named(chats[0], "headroom_retrieve") == "headroom_headroom_retrieve"

    compressed = tool_outputs(chats[1])[0]
    assert MARKER_ID.search(compressed), compressed[:2000]
    assert ELIDED_LINE not in compressed
    retrieved = tool_outputs(chats[2])[-1]
    assert ELIDED_LINE in retrieved  # the original, served by the proxy's /mcp from its store
    # The MCP calls were answered by the proxy itself: none reached the stub.
    assert not [r for r in oc.stub.requests if "mcp" in r.path]
    audit = [json.loads(line) for line in (oc.state / "records" / "audit.jsonl").read_text().splitlines()]
    assert any("headroom.mitm" in json.dumps(record) for record in audit)
