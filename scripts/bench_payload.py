"""The benchmark's request body: an OpenAI chat-completions request shaped like one OpenCode sends.

A system prompt, OpenCode-like tool definitions, and a short session (user asks, assistant reads a
file and runs the tests, tool results come back). Deterministic: the same bytes on every call.
"""

from __future__ import annotations

import json

_SYSTEM_RULES = [
    "You are opencode, an interactive CLI tool that helps users with software engineering tasks.",
    "Use the instructions below and the tools available to you to assist the user.",
    "IMPORTANT: Refuse to write code or explain code that may be used maliciously.",
    "When the user asks about a file, read it first; never guess its contents.",
    "Keep your responses short, since they will be displayed on a command line interface.",
    "Only use emojis if the user explicitly requests it.",
    "Prefer editing existing files to creating new ones; never create documentation unprompted.",
    "When you run a non-trivial bash command, explain what it does and why you are running it.",
    "Follow the conventions of the codebase: look at neighbouring files, imports and tests first.",
    "After a change, run the project's lint and type-check commands if you know them.",
]


def _system_prompt() -> str:
    parts = []
    for n in range(6):
        parts.append(f"# Section {n + 1}\n" + "\n".join(f"- {rule}" for rule in _SYSTEM_RULES))
    parts.append(
        "<env>\n  Working directory: /home/dev/project\n  Is directory a git repo: yes\n"
        "  Platform: linux\n  Today's date: Thu Nov 20 2025\n</env>"
    )
    return "\n\n".join(parts)


def _tool(name: str, description: str, properties: dict[str, dict], required: list[str]) -> dict:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
                "$schema": "http://json-schema.org/draft-07/schema#",
            },
        },
    }


def _tools() -> list[dict]:
    s = lambda d: {"type": "string", "description": d}  # noqa: E731
    n = lambda d: {"type": "number", "description": d}  # noqa: E731
    long = " ".join(_SYSTEM_RULES[:4])
    return [
        _tool("bash", "Executes a given bash command in a persistent shell session. " + long,
              {"command": s("The command to execute"), "timeout": n("Optional timeout in milliseconds"),
               "description": s("Clear, concise description of what this command does in 5-10 words")},
              ["command", "description"]),
        _tool("read", "Reads a file from the local filesystem. " + long,
              {"filePath": s("The absolute path to the file to read"), "offset": n("The line number to start reading from"),
               "limit": n("The number of lines to read")}, ["filePath"]),
        _tool("edit", "Performs exact string replacements in files. " + long,
              {"filePath": s("The absolute path to the file to modify"), "oldString": s("The text to replace"),
               "newString": s("The text to replace it with"),
               "replaceAll": {"type": "boolean", "description": "Replace all occurrences of oldString"}},
              ["filePath", "oldString", "newString"]),
        _tool("write", "Writes a file to the local filesystem. " + long,
              {"filePath": s("The absolute path to the file to write"), "content": s("The content to write")},
              ["filePath", "content"]),
        _tool("glob", "Fast file pattern matching tool that works with any codebase size. " + long,
              {"pattern": s("The glob pattern to match files against"), "path": s("The directory to search in")},
              ["pattern"]),
        _tool("grep", "Fast content search tool that works with any codebase size. " + long,
              {"pattern": s("The regex pattern to search for in file contents"), "path": s("The directory to search in"),
               "include": s("File pattern to include in the search")}, ["pattern"]),
        _tool("list", "Lists files and directories in a given path. " + long,
              {"path": s("The absolute path to the directory to list"),
               "ignore": {"type": "array", "items": {"type": "string"}, "description": "Glob patterns to ignore"}}, []),
        _tool("webfetch", "Fetches content from a specified URL. " + long,
              {"url": s("The URL to fetch content from"),
               "format": {"type": "string", "enum": ["text", "markdown", "html"], "description": "The format to return"}},
              ["url", "format"]),
        _tool("todowrite", "Use this tool to create and manage a structured task list. " + long,
              {"todos": {"type": "array", "description": "The updated todo list", "items": {
                  "type": "object", "properties": {"content": s("Brief description of the task"),
                                                   "status": s("pending, in_progress, completed, cancelled"),
                                                   "priority": s("high, medium, low"), "id": s("Unique identifier")},
                  "required": ["content", "status", "priority", "id"]}}}, ["todos"]),
        _tool("task", "Launch a new agent to handle complex, multi-step tasks autonomously. " + long,
              {"description": s("A short (3-5 words) description of the task"), "prompt": s("The task for the agent"),
               "subagent_type": s("The type of specialized agent to use for this task")},
              ["description", "prompt", "subagent_type"]),
    ]


def _file_listing(lines: int) -> str:
    out = []
    for i in range(1, lines + 1):
        if i % 12 == 1:
            text = f"def handler_{i}(request, *, timeout: float = 30.0) -> dict:"
        elif i % 12 == 0:
            text = ""
        else:
            text = f"    value_{i} = compute(request.items[{i % 7}], scale={i % 5 + 1})  # step {i}"
        out.append(f"{i:05d}| {text}")
    return "<file>\n" + "\n".join(out) + "\n</file>"


def _test_output(lines: int) -> str:
    out = ["============================= test session starts ==============================",
           "platform linux -- Python 3.11.7, pytest-8.3.3, pluggy-1.5.0", "collected 212 items", ""]
    for i in range(lines):
        out.append(f"tests/unit/test_module_{i // 20:02d}.py::test_case_{i:03d} PASSED{' ' * 20}[{(i * 100) // lines:3d}%]")
    out.append("======================= 212 passed in 4.21s =======================")
    return "\n".join(out)


def build_body(target_bytes: int = 30_000) -> bytes:
    """The request body, grown to about `target_bytes` by the size of the file the assistant read."""
    def make(file_lines: int) -> bytes:
        messages = [
            {"role": "system", "content": _system_prompt()},
            {"role": "user", "content": "The handler tests fail after my refactor of app/handlers.py. Can you fix it?"},
            {"role": "assistant", "content": "I'll read the file first.", "tool_calls": [
                {"id": "call_read_1", "type": "function",
                 "function": {"name": "read", "arguments": json.dumps({"filePath": "/home/dev/project/app/handlers.py"})}}]},
            {"role": "tool", "tool_call_id": "call_read_1", "content": _file_listing(file_lines)},
            {"role": "assistant", "content": "Now the tests.", "tool_calls": [
                {"id": "call_bash_1", "type": "function",
                 "function": {"name": "bash", "arguments": json.dumps(
                     {"command": "pytest -q tests/unit", "description": "Run the unit tests"})}}]},
            {"role": "tool", "tool_call_id": "call_bash_1", "content": _test_output(60)},
            {"role": "user", "content": "Also keep the public names unchanged."},
        ]
        body = {
            "model": "gpt-4.1",
            "messages": messages,
            "tools": _tools(),
            "tool_choice": "auto",
            "temperature": 0,
            "max_tokens": 32000,
            "stream": False,
        }
        return json.dumps(body, separators=(",", ":")).encode()

    lines = 10
    body = make(lines)
    while len(body) < target_bytes:
        lines += 5
        body = make(lines)
    return body


REPLY = json.dumps({
    "id": "chatcmpl-bench",
    "object": "chat.completion",
    "created": 1763600000,
    "model": "gpt-4.1",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "Fixed: handler_13 now passes scale through."}}],
    "usage": {"prompt_tokens": 7412, "completion_tokens": 12, "total_tokens": 7424},
}).encode()


if __name__ == "__main__":
    b = build_body()
    print(len(b), "bytes")
