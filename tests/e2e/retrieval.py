"""The retrieval round trip both OpenCode retrieval tests script: a long test log through `bash`, then
a `headroom_retrieve` call for a line the compression elided, then a closing text."""

import json
import re

from headroom_mitm.stub import Script, TextStep, ToolCallStep
from headroom_mitm.stub.library import build_log_command
from tests.e2e.agent_harness import MARKER_ID, retrieve_arguments

__all__ = ["MARKER_ID", "ELIDED_LINE", "retrieve_script", "tool_named", "tool_outputs"]

ELIDED_LINE = "::test_case_1000[variant-0] PASSED"


def tool_outputs(request) -> list[str]:
    return [m["content"] if isinstance(m["content"], str) else json.dumps(m["content"])
            for m in request.json["messages"] if m.get("role") == "tool"]


def tool_named(request, suffix: str) -> str:
    names = [t["function"]["name"] for t in request.json.get("tools", [])]
    return next(name for name in names if name.endswith(suffix))


def retrieve_script(name: str, closing: str) -> Script:
    return Script(
        name=name,
        title=name,
        steps=(
            ToolCallStep("bash", {"command": build_log_command(1500), "description": "Run the tests"}),
            ToolCallStep("headroom_headroom_retrieve", retrieve_arguments(re.escape("test_case_1000["))),
            TextStep(closing),
        ),
    )
