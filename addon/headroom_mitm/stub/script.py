"""The stub's "brain": a fixed list of steps, one chosen per request from the conversation so far.

The step index is the number of tool results already in the conversation, so a real agent that
executes each tool call and sends the result back walks the script in order without the stub
keeping any per-session state (which also makes a client's retry get the same reply).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Union

from headroom_mitm.stub.conversation import Conversation

ArgumentsSource = Union[Mapping[str, Any], Callable[[Conversation], Mapping[str, Any]]]
TextSource = Union[str, Callable[[Conversation], str]]

FINISHED_TEXT = "The stub script has no more steps."


@dataclass(frozen=True)
class ToolCallStep:
    """Ask the client to run a tool. `arguments` may be computed from the conversation so far
    (e.g. to pass an id that appeared in an earlier tool output)."""

    name: str
    arguments: ArgumentsSource = field(default_factory=dict)
    preamble: str = ""  # assistant text streamed before the call, as real models often do


@dataclass(frozen=True)
class TextStep:
    """A final text answer; ends the agent's turn."""

    text: TextSource


@dataclass(frozen=True)
class ErrorStep:
    """Answer with an HTTP error in the provider's own error shape. 400 makes OpenCode fail at
    once; 429/5xx make it retry with backoff."""

    status: int = 400
    message: str = "headroom-mitm stub: scripted provider error"
    headers: Mapping[str, str] = field(default_factory=dict)


Step = Union[ToolCallStep, TextStep, ErrorStep]


@dataclass(frozen=True)
class ToolInvocation:
    name: str
    arguments: Mapping[str, Any]


@dataclass(frozen=True)
class Reply:
    """What the stub answers to one request, with every callable already evaluated."""

    text: str = ""
    tool_call: ToolInvocation | None = None
    error: ErrorStep | None = None
    step_index: int | None = None  # None for the title reply and past the end of the script


def _resolve_text(source: TextSource, conversation: Conversation) -> str:
    return source(conversation) if callable(source) else source


def _resolve_arguments(source: ArgumentsSource, conversation: Conversation) -> Mapping[str, Any]:
    value = source(conversation) if callable(source) else source
    return dict(value)


@dataclass(frozen=True)
class Script:
    steps: tuple[Step, ...]
    # Answer to OpenCode's title-generation call; None treats that call like any other request.
    title: str | None = "Stub session"
    name: str = "custom"

    def step_index(self, conversation: Conversation) -> int:
        return len(conversation.tool_results)

    def reply(self, conversation: Conversation) -> Reply:
        if self.title is not None and conversation.is_title_request:
            return Reply(text=self.title)
        index = self.step_index(conversation)
        if index >= len(self.steps):
            return Reply(text=FINISHED_TEXT)
        step = self.steps[index]
        if isinstance(step, ErrorStep):
            return Reply(error=step, step_index=index)
        if isinstance(step, TextStep):
            return Reply(text=_resolve_text(step.text, conversation), step_index=index)
        invocation = ToolInvocation(step.name, _resolve_arguments(step.arguments, conversation))
        return Reply(text=step.preamble, tool_call=invocation, step_index=index)
