"""`headroom-mitm compress`: stdin → what would be sent upstream, report on stderr."""

import json
import subprocess
import sys


RETRIEVE = {"type": "function", "function": {"name": "headroom_headroom_retrieve", "parameters": {"type": "object"}}}


def _request(log: str, tools: list | None = None) -> bytes:
    return json.dumps({"model": "m", "tools": [RETRIEVE] if tools is None else tools, "messages": [
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": log},
    ]}).encode()


def run(tmp_path, body: bytes, *args: str):
    return subprocess.run([sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path), "compress", *args],
                          input=body, capture_output=True, timeout=60)


def test_compress_cli_writes_the_body_and_a_report(tmp_path):
    log = "\n".join(f"line {i} ok" for i in range(3000)) + "\nERROR: disk full\n"
    result = run(tmp_path, _request(log), "--format", "openai-chat")
    assert result.returncode == 0, result.stderr
    sent = json.loads(result.stdout)["messages"][1]["content"]
    assert "ERROR: disk full" in sent and "headroom_headroom_retrieve id=hr_" in sent
    assert b"tool=bash" in result.stderr and b"saved" in result.stderr


def test_compress_cli_without_the_retrieve_tool_is_lossless(tmp_path):
    log = "\n".join(f"line {i} ok   " for i in range(3000)) + "\nERROR: disk full\n"
    result = run(tmp_path, _request(log, tools=[]), "--format", "openai-chat")
    assert result.returncode == 0, result.stderr
    sent = json.loads(result.stdout)["messages"][1]["content"]
    assert sent == log.replace("ok   ", "ok")  # trailing blanks only
    assert b"id=hr_" not in result.stderr


def test_compress_cli_passes_non_json_through(tmp_path):
    result = run(tmp_path, b"not json at all")
    assert result.returncode == 0 and result.stdout == b"not json at all"


def test_unknown_transform_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "headroom_mitm", "--disable-transform", "nope", "compress"],
                            input=b"{}", capture_output=True, timeout=60)
    assert result.returncode == 2 and b"--disable-transform nope" in result.stderr
