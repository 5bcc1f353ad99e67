"""`headroom-mitm mcp` spoken to by the official MCP client over stdio, as OpenCode does."""

from __future__ import annotations

import sys

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from headroom_mitm.compress import OriginalStore, retrieve_id

ORIGINAL = "\n".join(f"line {i}" for i in range(1, 301)) + "\n"


def _talk(state_dir, calls, *global_args):
    async def run():
        with anyio.fail_after(60):
            return await exchange()

    async def exchange():
        params = StdioServerParameters(command=sys.executable, args=["-m", "headroom_mitm", *global_args, "--state-dir", str(state_dir), "mcp"])
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            init = await session.initialize()
            tools = await session.list_tools()
            answers = [await session.call_tool("headroom_retrieve", args) for args in calls]
            return init, tools, answers

    return anyio.run(run)


def test_the_server_offers_one_tool_and_returns_originals(tmp_path):
    rid = retrieve_id(ORIGINAL)
    with OriginalStore(tmp_path / "originals.sqlite") as store:
        store.put(ORIGINAL, rid)
    init, tools, answers = _talk(tmp_path, [{"id": rid}, {"id": rid, "start_line": 10, "end_line": 11}, {"id": "hr_0000000000000000"}])
    # No resources or prompts: OpenCode would add three resource tools to every request.
    assert init.capabilities.resources is None and init.capabilities.prompts is None
    assert [t.name for t in tools.tools] == ["headroom_retrieve"]
    whole, part, missing = (a.content[0].text for a in answers)
    assert whole == ORIGINAL
    assert "line 10" in part and "line 11" in part and "line 12" not in part
    assert "no original is stored" in missing


def test_the_stdio_server_reads_a_redis_store(tmp_path, redis_server):
    from headroom_mitm.compress.redis_store import RedisStore

    with RedisStore(redis_server.url) as store:
        rid = store.put(ORIGINAL)
    _, _, (answer,) = _talk(tmp_path, [{"id": rid, "pattern": "^line 300$"}], "--store", redis_server.url)
    assert answer.content[0].text == "300: line 300"
    assert not (tmp_path / "originals.sqlite").exists()


def test_a_corrupt_store_still_starts_and_answers_clearly(tmp_path):
    (tmp_path / "originals.sqlite").write_bytes(b"not a database " * 200)
    init, tools, answers = _talk(tmp_path, [{"id": "hr_0000000000000000"}])
    assert [t.name for t in tools.tools] == ["headroom_retrieve"]
    text = answers[0].content[0].text
    assert "cannot be read" in text and "not a database" in text


def test_a_catastrophic_pattern_is_stopped_within_its_budget(tmp_path):
    original = ("a" * 40 + "!\n") * 3
    rid = retrieve_id(original)
    with OriginalStore(tmp_path / "originals.sqlite") as store:
        store.put(original, rid)
    _, _, answers = _talk(tmp_path, [{"id": rid, "pattern": "(a|aa)+$"}, {"id": rid, "pattern": "x" * 2000}])
    slow, long = (a.content[0].text for a in answers)
    assert "was stopped at line 1" in slow  # `re` would still be backtracking (2^40 paths)
    assert "longer than 1000" in long
