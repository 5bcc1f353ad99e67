"""What OpenCode's own truncation cuts, brought back by the proxy from OpenCode's saved file, with
the real OpenCode: the error line in the middle of a long output reaches the model, and the
request is no larger than the one OpenCode sent."""


from headroom_mitm.meter.records import read_records
from headroom_mitm.stub import Script, TextStep, ToolCallStep

NEEDLE = "ERROR payment worker crashed: KeyError currency (order 88231)"


def app_log_command(lines: int = 2600, needle_at: float = 0.6) -> str:
    """~190 KB of service log, the error and its traceback at `needle_at` of the way through."""
    program = (
        "BEGIN{"
        f"n={lines};f=int(n*{needle_at});"
        "for(i=0;i<n;i++){"
        f'if(i==f){{print "{NEEDLE}";print "Traceback (most recent call last):";'
        'print "  File \\"worker.py\\", line 41, in run";print "KeyError: currency"}'
        'printf "2026-11-20T10:%02d:%02dZ INFO request handled path=/api/items/%d status=200 ms=%d\\n",int(i/60)%60,i%60,i,i%37;'
        "if(i%25==0)fflush()"
        "}}"
    )
    # Small writes: OpenCode keeps the output as a ring of the chunks it read, and one huge chunk
    # pushes out all before it, leaving a block too small for any rebuild. The pause: OpenCode
    # 1.18.33 stops reading when the command exits and can lose the end of its output.
    return f"awk '{program}'; sleep 0.5"


def _script() -> Script:
    return Script(
        name="truncated",
        title="truncated",
        steps=(
            ToolCallStep("bash", {"command": app_log_command(), "description": "Show the service log"}),
            TextStep("Read the log."),
        ),
    )


def _after_tool(oc):
    chats = [r for r in oc.llm_requests() if r.path.endswith("/chat/completions") and r.json]
    with_tool = [r for r in chats if any(m.get("role") == "tool" for m in r.json["messages"])]
    assert with_tool, [r.path for r in chats]
    request = with_tool[0]
    (tool,) = [m["content"] for m in request.json["messages"] if m.get("role") == "tool"]
    return request, tool


def test_the_error_opencode_cuts_reaches_the_model_within_the_same_budget(stub_for):
    # Without compression: what OpenCode alone sends. The error is gone.
    plain = stub_for(_script())
    result = plain.run("show", "the", "log", options=("--no-compress",))
    assert result.returncode == 0, result.stderr[-3000:]
    _, plain_tool = _after_tool(plain)
    # OpenCode keeps at most the last 50 KB, often less: its shell tool holds the output as a ring
    # of chunks and a large chunk pushes out the ones before it.
    assert plain_tool.startswith("...output truncated...\n\nFull output saved to: ")
    assert NEEDLE not in plain_tool

    oc = stub_for(_script())
    oc.state = oc.tmp / "state-2"  # a second run in the same tmp: its own records
    result = oc.run("show", "the", "log")
    assert result.returncode == 0, result.stderr[-3000:]
    request, tool = _after_tool(oc)
    header = tool.split("\n\n", 2)
    assert header[0] == "...output truncated..." and header[1].startswith("Full output saved to: ")
    assert header[1].endswith("/opencode/tool-output/" + header[1].rsplit("/", 1)[1])
    assert NEEDLE in tool and "KeyError: currency" in tool  # from the middle of the saved file
    assert "headroom_retrieve id=hr_" in tool  # what is still left out can be fetched

    sent = len(request.body)
    records = [r for r in read_records(oc.state / "records" / "flows.jsonl") if r.request_bytes_after == sent]
    assert records, "no record of the request that carried the tool output"
    assert sent <= records[0].request_bytes_before  # no larger than what OpenCode sent the proxy
