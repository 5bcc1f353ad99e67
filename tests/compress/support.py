"""Requests for the compress stage's proxy tests: an OpenCode-shaped chat body and how to send it."""

import json
import re
from pathlib import Path

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from tests.support import PROXY_AUTH, RULES, request_via_proxy

LOG = "\n".join(f"tests/test_mod.py::test_{i:04d} PASSED" for i in range(3000)) + "\nFAILED tests/test_mod.py::test_boom - KeyError: 'x'\n=== 1 failed, 2999 passed in 9.1s ==="


CORPUS = Path(__file__).resolve().parents[2] / "scripts" / "corpus" / "data"


def corpus_text(source: str, item_id: str) -> str:
    """A real output: a tuning item of the corpus (scripts/corpus/data/SOURCE.json)."""
    items = json.loads((CORPUS / f"{source}.json").read_text())["items"]
    return next(it["text"] for it in items if it["id"] == item_id)


RETRIEVE_TOOL = '{"type":"function","function":{"name":"headroom_headroom_retrieve","parameters":{"type":"object"}}}'


def chat_body(tool_output: str, *, retrieve: bool = True) -> bytes:
    # Spacing and key order as an odd client might send them: must survive byte for byte.
    # OpenCode lists the retrieve MCP tool as headroom_headroom_retrieve: lossy needs it.
    tools = '"tools":[' + (RETRIEVE_TOOL if retrieve else "") + '],'
    return (
        '{"model":"m",  "stream":true,' + tools + '"messages":[{"role":"user","content":"run the tests"},'
        '{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"bash","arguments":"{}"}}]},'
        '{"role":"tool","tool_call_id":"c1","content":' + json.dumps(tool_output) + '}]}'
    ).encode()


def send(proxy, port, body, headers):
    return request_via_proxy(
        proxy.address.port, f"llm.test:{port}", "/v1/chat/completions", ca_file=None, https=False,
        proxy_auth=PROXY_AUTH, method="POST", body=body, headers=headers,
    )


def sent(text: str) -> str:
    """What the engine sends of a bash output: its rendering, or the output whole."""
    return compress_text(text, "bash", CompressionSettings()).rendering.text or text


def cut(text: str) -> str:
    """`text` as the engine renders a bash output that it must cut: lossy, and shorter (at the
    rules' floors: tests.support.RULES)."""
    out = compress_text(text, "bash", RULES).rendering.text
    assert out is not None and len(out) < len(text)
    return out


def lossy(text: str) -> str:
    """`text` as the engine renders a bash output with the default settings, which must cut it
    (a retrievable rendering)."""
    out = compress_text(text, "bash", CompressionSettings()).rendering
    assert out.retrieve_id is not None, "expected a lossy cut"
    return out.text


_REFERENCE = re.compile(r"\[… lines (\d+)–(\d+) repeat lines (\d+)–(\d+) ")


def expand_repeats(out: str) -> str:
    """A rendering with each reference to a repeated block replaced by the lines it names, which
    must have been sent as they are (not named by another reference) and must start with the
    words the reference quotes."""
    lines: list[str] = []
    sent_at: set[int] = set()
    for x in out.split("\n"):
        if m := _REFERENCE.match(x):
            first, last, src, src_last = map(int, m.groups())
            assert first == len(lines) + 1 and last - first == src_last - src
            assert set(range(src, src_last + 1)) <= sent_at, "a reference names lines that were not sent"
            quoted = x[m.end() :].split('" …)', 1)[0].removeprefix('("').removesuffix("…")
            assert lines[src - 1].strip().startswith(quoted)
            lines += lines[src - 1 : src_last]
        else:
            lines.append(x)
            sent_at.add(len(lines))
    return "\n".join(lines)
