"""`headroom-mitm mcp`: a stdio MCP server whose `headroom_retrieve` tool returns stored originals.

Every lossy compression leaves a marker with an id; the model calls this tool with that id (and
optionally a line range or a pattern) to get back exactly what was elided.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..compress import OriginalStore
from ..compress.store import retrieve_text

if TYPE_CHECKING:
    from mcp.server.fastmcp import FastMCP

SERVER_NAME = "headroom"
TOOL_NAME = "headroom_retrieve"


def retrieve(
    store: OriginalStore,
    id: str,
    start_line: int | None = None,
    end_line: int | None = None,
    pattern: str | None = None,
    context: int = 0,
) -> str:
    """The tool's answer as plain text; a clear sentence when the id or the pattern is no good."""
    try:
        text = retrieve_text(store, id.strip(), start_line=start_line, end_line=end_line, pattern=pattern, context=context)
    except ValueError as exc:  # a bad regular expression, a bad range
        return f"headroom_retrieve: {exc}"
    if text is None:
        return (f"headroom_retrieve: no original is stored under id {id!r}. It may have expired from the store; "
                "ids look like hr_0123456789abcdef.")
    return text


def build_server(store_path: Path) -> "FastMCP":
    from mcp.server.fastmcp import FastMCP  # only the MCP server process pays for this import

    server = FastMCP(SERVER_NAME)
    store = OriginalStore(store_path)

    @server.tool(
        name=TOOL_NAME,
        description=(
            "Get back the original text of a tool output that headroom-mitm compressed. Use the id from a "
            "marker such as '[… 1,234 lines elided …; headroom_retrieve id=hr_…]'. Optionally pass start_line "
            "and end_line (1-based, inclusive, as the marker numbers them) or a regular-expression pattern "
            "(with context lines) to get only part of it."
        ),
    )
    def headroom_retrieve(
        id: str,
        start_line: int | None = None,
        end_line: int | None = None,
        pattern: str | None = None,
        context: int = 0,
    ) -> str:
        return retrieve(store, id, start_line, end_line, pattern, context)

    return server


def serve(store_path: Path) -> int:
    build_server(store_path).run("stdio")
    return 0
