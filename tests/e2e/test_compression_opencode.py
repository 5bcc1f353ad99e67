"""Compression with the real OpenCode: tool output compressed on the wire, original retrievable
through the headroom_retrieve MCP server the launcher registers."""

import json
import re

from headroom_mitm.stub import Script, TextStep, ToolCallStep
from headroom_mitm.stub.library import build_log_command

MARKER_ID = re.compile(r"headroom_retrieve id=(hr_[0-9a-f]+)")
ELIDED_LINE = "::test_case_1000[variant-0] PASSED"


def _tool_outputs(request) -> list[str]:
    return [m["content"] if isinstance(m["content"], str) else json.dumps(m["content"])
            for m in request.json["messages"] if m.get("role") == "tool"]


def _retrieve_arguments(conversation):
    marker = MARKER_ID.search(conversation.tool_results[-1].content)
    return {"id": marker.group(1) if marker else "missing", "pattern": re.escape("test_case_1000[")}


def _tool_named(request, suffix: str) -> str:
    names = [t["function"]["name"] for t in request.json.get("tools", [])]
    return next(name for name in names if name.endswith(suffix))


def test_long_tool_output_is_compressed_and_its_original_retrieved(stub_for):
    script = Script(
        name="retrieve",
        title="retrieve",
        steps=(
            ToolCallStep("bash", {"command": build_log_command(1500), "description": "Run the tests"}),
            ToolCallStep("headroom_headroom_retrieve", _retrieve_arguments),
            TextStep("Retrieved."),
        ),
    )
    oc = stub_for(script)
    result = oc.run("run", "the", "tests")
    assert result.returncode == 0, result.stderr[-3000:]
    chats = [r for r in oc.llm_requests() if r.path.endswith("/chat/completions")]
    assert len(chats) == 3, [r.path for r in chats]
    assert _tool_named(chats[0], "headroom_retrieve")  # the launcher registered the MCP server

    compressed = _tool_outputs(chats[1])[0]
    assert MARKER_ID.search(compressed), compressed[:2000]
    assert "FAILED tests/unit/test_config.py::test_reload_keeps_defaults" in compressed  # the needle stays
    assert ELIDED_LINE not in compressed
    assert len(compressed) < 10_000

    retrieved = _tool_outputs(chats[2])[-1]
    assert ELIDED_LINE in retrieved  # the original came back through headroom_retrieve
    # Earlier turns are byte-identical on the next request: the prompt cache prefix holds.
    assert _tool_outputs(chats[2])[0] == compressed
