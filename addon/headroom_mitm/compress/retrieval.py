"""The `headroom_retrieve` MCP tool: the original text of what a lossy transform dropped, from the
store. One definition, served two ways: over stdio by `headroom-mitm mcp` (launcher/mcp_server.py)
and over Streamable HTTP by the proxy itself (compress/retrieve_endpoint.py).

Every lossy compression leaves a marker with an id; the model calls this tool with that id (and
optionally a line range or a pattern) to get back exactly what was elided.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..facts import MCP_SERVER_NAME as SERVER_NAME
from ..facts import RETRIEVE_TOOL as TOOL_NAME
from .store import Store, StoreUnavailable, retrieve_text

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server


def retrieve(
    store: Store | None,
    id: str,
    start_line: int | None = None,
    end_line: int | None = None,
    pattern: str | None = None,
    context: int = 0,
) -> str:
    """The tool's answer as plain text; a clear sentence when the id or the pattern is no good."""
    if store is None:
        return "headroom_retrieve: this proxy keeps no originals (no store configured)."
    try:
        text = retrieve_text(store, id.strip(), start_line=start_line, end_line=end_line, pattern=pattern, context=context)
    except StoreUnavailable as exc:
        return f"headroom_retrieve: {exc}; try again in a few seconds."
    except ValueError as exc:  # a bad regular expression, a bad range
        return f"headroom_retrieve: {exc}"
    if text is None:
        return (f"headroom_retrieve: no original is stored under id {id!r}. It may have expired from the store; "
                "ids look like hr_0123456789abcdef.")
    return text


DESCRIPTION = (
    "Get back the original text of a tool output that headroom-mitm compressed. Use the id from a "
    "marker such as '[… lines 3–1236 elided; headroom_retrieve id=hr_…]' (the markers below it in "
    "the same output say 'id as above'). Optionally pass start_line and end_line (1-based, "
    "inclusive, as the marker numbers them) or a regular-expression pattern (with context lines) "
    "to get only part of it."
)
INPUT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": "the id from the marker, hr_…"},
        "start_line": {"type": "integer", "minimum": 1},
        "end_line": {"type": "integer", "minimum": 1},
        "pattern": {"type": "string", "description": "a regular expression; only matching lines come back"},
        "context": {"type": "integer", "minimum": 0, "default": 0},
    },
    "required": ["id"],
    "additionalProperties": False,
}


def build_server(store_of: Callable[[], Store | None], *, unavailable: str | None = None) -> "Server":
    """A server that offers this one tool and nothing else: OpenCode adds three resource tools to
    every request for a server that advertises resources, which FastMCP always does. `store_of`
    gives the store in force when a call arrives (the proxy may reopen it on an option change);
    `unavailable` is the answer while there is none (a store that could not be opened)."""
    import anyio
    from mcp import types  # only a process that serves MCP pays for these imports
    from mcp.server.lowlevel import Server

    server: Server = Server(SERVER_NAME)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [types.Tool(name=TOOL_NAME, description=DESCRIPTION, inputSchema=INPUT_SCHEMA)]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
        if name != TOOL_NAME:
            raise ValueError(f"unknown tool {name!r}")
        store = store_of()
        if store is None and unavailable:
            return [types.TextContent(type="text", text=unavailable)]
        args = (store, str(arguments.get("id", "")), arguments.get("start_line"), arguments.get("end_line"),
                arguments.get("pattern"), int(arguments.get("context") or 0))
        # The store does blocking I/O (SQLite, Redis): off the event loop, which may be the proxy's.
        text = await anyio.to_thread.run_sync(lambda: retrieve(*args))
        return [types.TextContent(type="text", text=text)]

    return server
