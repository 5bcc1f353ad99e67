"""`headroom-mitm mcp`: the `headroom_retrieve` tool (compress/retrieval.py) as a stdio MCP server,
for clients that start their MCP servers themselves (the launcher registers it for OpenCode). The
proxy also serves the same tool over HTTP at http://headroom.mitm/mcp."""

from __future__ import annotations

from ..compress.retrieval import SERVER_NAME, TOOL_NAME, build_server, retrieve
from ..compress.store import Store

__all__ = ["SERVER_NAME", "TOOL_NAME", "build_server", "retrieve", "serve"]


def serve(store: Store) -> int:
    import anyio
    from mcp.server.stdio import stdio_server

    server = build_server(lambda: store)

    async def run() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    try:
        anyio.run(run)
    finally:
        store.close()
    return 0
