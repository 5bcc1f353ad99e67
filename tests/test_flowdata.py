"""The per-flow contract: the body an LLM request was parsed into is handed to compression once."""

from mitmproxy.test import tflow

from headroom_mitm import flowdata
from headroom_mitm.facts import ApiFormat, FlowClass
from headroom_mitm.route.routing import Route


def _flow(kind: FlowClass, body: bytes):
    flow = tflow.tflow()
    flow.request.content = body
    flow.metadata[flowdata.ROUTE] = Route(kind=kind, host="api.example.test", provider=None, api_format=ApiFormat.OPENAI_CHAT if kind is FlowClass.LLM else None)
    return flow


def test_an_llm_body_is_parsed_once_and_handed_over_once():
    flow = _flow(FlowClass.LLM, b'{"model": "m1", "messages": []}')
    assert flowdata.model_of(flow) == "m1"
    assert flowdata.take_body(flow) == {"model": "m1", "messages": []}
    assert flowdata.take_body(flow) is None  # handed over once: nothing lingers in the flow
    assert flowdata.model_of(flow) == "m1"


def test_other_flows_keep_no_parsed_body():
    flow = _flow(FlowClass.OTHER, b'{"model": "m1"}')
    assert flowdata.model_of(flow) == "m1"
    assert flowdata.take_body(flow) is None
