"""`headroom-mitm mcp`: the `headroom_retrieve` tool (compress/retrieval.py) as a stdio MCP server,
for clients that start their MCP servers themselves (the launcher registers it for OpenCode). The
proxy also serves the same tool over HTTP at https://headroom.mitm/mcp. Nothing heavy is imported
with this module: the launcher only needs the server's name before the agent starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..facts import MCP_SERVER_NAME as SERVER_NAME

if TYPE_CHECKING:
    from ..compress.store import Store

__all__ = ["SERVER_NAME", "retrieve", "serve"]


def retrieve(store: Store | None, id: str, start_line: int | None = None, end_line: int | None = None,
             pattern: str | None = None, context: int = 0) -> str:
    """The tool's answer as plain text (see compress/retrieval.py)."""
    from ..compress.retrieval import retrieve as answer

    return answer(store, id, start_line, end_line, pattern, context)


def serve(store: Store | None, *, unavailable: str | None = None) -> int:
    """Serve over stdio until the client goes; `unavailable` answers every call when store is None."""
    import anyio
    from mcp.server.stdio import stdio_server

    from ..compress.retrieval import build_server

    server = build_server(lambda: store, unavailable=unavailable)

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    try:
        anyio.run(run)
    finally:
        if store is not None:
            store.close()
    return 0
