"""Responses over WebSocket through the real proxy: compressed in place, one record per response."""

from __future__ import annotations

import base64
import json
import socket

from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, CloseConnection, Message, Request, TextMessage

from headroom_mitm.meter.records import read_records
from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep
from tests.support import PROXY_AUTH, write_policy

LOG = "\n".join(f"tests/test_mod.py::test_{i:04d} PASSED" for i in range(3000)) + "\nFAILED tests/test_mod.py::test_boom - KeyError: 'x'\n"
TOOLS = [{"type": "function", "name": "shell"},
         {"type": "namespace", "name": "mcp__headroom", "tools": [{"type": "function", "name": "headroom_retrieve"}]}]


def _events(ws: WSConnection, sock: socket.socket) -> list[dict]:
    """The events of one response, up to and including its final one (bounded by the socket timeout)."""
    out: list[dict] = []
    while True:
        ws.receive_data(sock.recv(65536))
        for event in ws.events():
            if isinstance(event, TextMessage):
                out.append(json.loads(event.data))
                if out[-1]["type"] == "response.completed":
                    return out


def _connect(proxy, stub) -> tuple[socket.socket, WSConnection]:
    sock = socket.create_connection(("127.0.0.1", proxy.address.port), timeout=20)
    ws = WSConnection(ConnectionType.CLIENT)
    auth = base64.b64encode(PROXY_AUTH.encode()).decode()
    sock.sendall(ws.send(Request(host=f"llm.test:{stub.port}", target=f"http://llm.test:{stub.port}/v1/responses",
                                 extra_headers=[(b"proxy-authorization", f"Basic {auth}".encode())])))
    while not any(isinstance(e, AcceptConnection) for e in ws.events()):
        ws.receive_data(sock.recv(65536))
    return sock, ws


def test_a_response_create_the_policy_denies_never_leaves(start_proxy, fake_dns, tmp_path):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-responses",), policy=write_policy(tmp_path))
    with StubServer("hello") as stub:
        sock, ws = _connect(proxy, stub)
        denied = {"type": "response.create", "model": "gpt-4o", "input": [{"type": "message", "role": "user", "content": "hi"}]}
        sock.sendall(ws.send(Message(data=json.dumps(denied))))
        event = None
        while event is None:
            ws.receive_data(sock.recv(65536))
            event = next((json.loads(e.data) for e in ws.events() if isinstance(e, TextMessage)), None)
        sock.close()
    assert event["type"] == "error" and event["status"] == 403 and "no-big-models" in event["error"]["message"]
    assert not [r for r in stub.requests if r.method == "WS"]  # nothing reached the upstream
    proxy.stop()
    audit = [json.loads(line) for line in (tmp_path / "state" / "records" / "audit.jsonl").read_text().splitlines()]
    ws_records = [a for a in audit if a["method"] == "WS"]
    assert len(ws_records) == 1 and ws_records[0]["decision"] == "deny" and ws_records[0]["rule"] == "no-big-models"
    assert ws_records[0]["model"] == "gpt-4o"


def test_each_response_create_is_compressed_metered_and_audited(start_proxy, fake_dns, tmp_path):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-responses",))
    script = Script(name="ws", title=None, steps=(ToolCallStep("shell", {"cmd": "pytest"}), TextStep("done")))
    with StubServer(script) as stub:
        sock, ws = _connect(proxy, stub)
        first = {"type": "response.create", "model": "m", "tools": TOOLS,
                 "input": [{"type": "message", "role": "user", "content": "run the tests"}]}
        sock.sendall(ws.send(Message(data=json.dumps(first))))
        call = _events(ws, sock)[-1]["response"]["output"][0]
        # the next turn continues the first and carries only the output: its tool is known from the answer
        second = {"type": "response.create", "model": "m", "tools": TOOLS, "previous_response_id": "x",
                  "input": [{"type": "function_call_output", "call_id": call["call_id"], "output": LOG}]}
        sock.sendall(ws.send(Message(data=json.dumps(second))))
        assert _events(ws, sock)[-1]["response"]["output"][0]["content"][0]["text"] == "done"
        sock.sendall(ws.send(CloseConnection(code=1000)))
        sock.close()
    turns = [r for r in stub.requests if r.method == "WS"]
    assert len(turns) == 2
    sent = json.loads(turns[1].body)["input"][0]["output"]
    assert "headroom_retrieve id=hr_" in sent and "FAILED tests/test_mod.py::test_boom" in sent
    assert len(turns[1].body) < len(json.dumps(second)) / 4
    assert json.loads(turns[0].body) == first  # nothing to compress: the frame as the client sent it
    proxy.stop()
    records = list(read_records(tmp_path / "state" / "records" / "flows.jsonl"))
    assert [r.input_tokens for r in records] == [u["prompt_tokens"] for u in stub.reported_usage]
    assert records[1].request_bytes_before == len(json.dumps(second)) and records[1].request_bytes_after == len(turns[1].body)
    audit = [json.loads(line) for line in (tmp_path / "state" / "records" / "audit.jsonl").read_text().splitlines()]
    ws_records = [a for a in audit if a["method"] == "WS"]
    assert [a["bytes_up"] for a in ws_records] == [len(t.body) for t in turns]
    assert all(a["model"] == "m" and a["class"] == "llm" for a in ws_records)
