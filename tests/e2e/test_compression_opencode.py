"""Compression with the real OpenCode: tool output compressed on the wire, original retrievable
through the headroom_retrieve MCP server the launcher registers."""

from tests.e2e.retrieval import ELIDED_LINE, MARKER_ID, retrieve_script, tool_named, tool_outputs


def test_long_tool_output_is_compressed_and_its_original_retrieved(stub_for):
    script = retrieve_script("retrieve", "Retrieved.")
    oc = stub_for(script)
    result = oc.run("run", "the", "tests")
    assert result.returncode == 0, result.stderr[-3000:]
    chats = [r for r in oc.llm_requests() if r.path.endswith("/chat/completions")]
    assert len(chats) == 3, [r.path for r in chats]
    assert tool_named(chats[0], "headroom_retrieve")  # the launcher registered the MCP server

    compressed = tool_outputs(chats[1])[0]
    assert MARKER_ID.search(compressed), compressed[:2000]
    assert "FAILED tests/unit/test_config.py::test_reload_keeps_defaults" in compressed  # the needle stays
    assert ELIDED_LINE not in compressed
    assert len(compressed) < 10_000

    retrieved = tool_outputs(chats[2])[-1]
    assert ELIDED_LINE in retrieved  # the original came back through headroom_retrieve
    # Earlier turns are byte-identical on the next request: the prompt cache prefix holds.
    assert tool_outputs(chats[2])[0] == compressed
