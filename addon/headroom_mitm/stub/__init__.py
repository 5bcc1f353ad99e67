"""A local fake LLM server (OpenAI chat completions + Anthropic Messages) driven by a script.

It is the model behind `headroom-mitm demo` and the fixture the end-to-end tests point a real
OpenCode at: each reply is chosen from the conversation in the request, tool calls come in the
provider's native streaming shape so OpenCode really runs them, and usage is deterministic.
"""

from headroom_mitm.stub.cache import CacheUsage, PromptCache, count_tokens, tokenize
from headroom_mitm.stub.conversation import Conversation, Message, ToolCall, ToolResult, parse_conversation
from headroom_mitm.stub.library import (
    HELLO_TEXT,
    SCRIPTS,
    build_log_command,
    demo_script,
    error_script,
    get_script,
    hello_script,
)
from headroom_mitm.stub.script import ErrorStep, Reply, Script, Step, TextStep, ToolCallStep, ToolInvocation
from headroom_mitm.stub.server import RecordedRequest, StubServer
from headroom_mitm.stub.wire import Usage, compute_usage

__all__ = [
    "CacheUsage",
    "PromptCache",
    "count_tokens",
    "tokenize",
    "Conversation",
    "ErrorStep",
    "HELLO_TEXT",
    "Message",
    "RecordedRequest",
    "Reply",
    "SCRIPTS",
    "Script",
    "Step",
    "StubServer",
    "TextStep",
    "ToolCall",
    "ToolCallStep",
    "ToolInvocation",
    "ToolResult",
    "Usage",
    "build_log_command",
    "compute_usage",
    "demo_script",
    "error_script",
    "get_script",
    "hello_script",
    "parse_conversation",
]
