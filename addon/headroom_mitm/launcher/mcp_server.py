"""`headroom-mitm mcp`: a stdio MCP server whose `headroom_retrieve` tool returns stored originals.

Every lossy compression leaves a marker with an id; the model calls this tool with that id (and
optionally a line range or a pattern) to get back exactly what was elided.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..compress import OriginalStore
from ..compress.store import open_store, retrieve_text

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server

SERVER_NAME = "headroom"
TOOL_NAME = "headroom_retrieve"
UNAVAILABLE = "headroom_retrieve: no originals store is open; no original can be returned."


def retrieve(
    store: OriginalStore | None,
    id: str,
    start_line: int | None = None,
    end_line: int | None = None,
    pattern: str | None = None,
    context: int = 0,
) -> str:
    """The tool's answer as plain text; a clear sentence when the id or the pattern is no good."""
    if store is None:
        return UNAVAILABLE
    try:
        text = retrieve_text(store, id.strip(), start_line=start_line, end_line=end_line, pattern=pattern, context=context)
    except ValueError as exc:  # a bad regular expression, a bad range
        return f"headroom_retrieve: {exc}"
    if text is None:
        return (f"headroom_retrieve: no original is stored under id {id!r}. It may have expired from the store; "
                "ids look like hr_0123456789abcdef.")
    return text


_DESCRIPTION = (
    "Get back the original text of a tool output that headroom-mitm compressed. Use the id from a "
    "marker such as '[… 1,234 lines elided …; headroom_retrieve id=hr_…]'. Optionally pass start_line "
    "and end_line (1-based, inclusive, as the marker numbers them) or a regular-expression pattern "
    "(with context lines) to get only part of it."
)
_SCHEMA = {
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


def build_server(store_path: Path) -> "Server":
    """A server that offers this one tool and nothing else: OpenCode adds three resource tools to
    every request for a server that advertises resources, which FastMCP always does."""
    from mcp import types  # only the MCP server process pays for these imports
    from mcp.server.lowlevel import Server

    server: Server = Server(SERVER_NAME)
    store, why = open_store(store_path)
    # A store that cannot be opened answers every call with the reason instead of failing to start.
    unavailable = f"headroom_retrieve: the originals store {store_path} cannot be read ({why}); no original can be returned."

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [types.Tool(name=TOOL_NAME, description=_DESCRIPTION, inputSchema=_SCHEMA)]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
        if name != TOOL_NAME:
            raise ValueError(f"unknown tool {name!r}")
        if store is None:
            return [types.TextContent(type="text", text=unavailable)]
        text = retrieve(store, str(arguments.get("id", "")), arguments.get("start_line"), arguments.get("end_line"),
                        arguments.get("pattern"), int(arguments.get("context") or 0))
        return [types.TextContent(type="text", text=text)]

    return server


def serve(store_path: Path) -> int:
    import anyio
    from mcp.server.stdio import stdio_server

    server = build_server(store_path)

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(run)
    return 0
