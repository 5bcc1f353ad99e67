"""The per-flow contract: the body an LLM request was parsed into is handed to compression once."""

from mitmproxy.test import tflow

from headroom_mitm import flowdata
from headroom_mitm.facts import ApiFormat, FlowClass
from headroom_mitm.route.routing import Route


def _flow(kind: FlowClass, body: bytes):
    flow = tflow.tflow()
    flow.request.content = body
    flowdata.set_route(flow, Route(kind=kind, host="api.example.test", provider=None, api_format=ApiFormat.OPENAI_CHAT if kind is FlowClass.LLM else None))
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


def test_flow_metadata_holds_plain_values_only_and_a_flow_can_be_dumped():
    import io

    from mitmproxy import io as flow_io

    flow = _flow(FlowClass.LLM, b'{"model": "m1", "messages": []}')
    flowdata.original_host(flow)
    flowdata.model_of(flow)
    flowdata.set_decision(flow, object())  # any object: it lives beside the metadata
    assert flowdata.route_of(flow).kind is FlowClass.LLM
    buffer = io.BytesIO()
    flow_io.FlowWriter(buffer).add(flow)  # a Route in flow.metadata made this raise (and /flows/dump 500)
    copy = flow.copy()  # the web UI's duplicate/edit deep-copies metadata
    assert copy.metadata[flowdata.MODEL] == "m1" and flowdata.route_of(copy) is None


def test_the_requested_model_is_read_from_the_body_or_a_gemini_path():
    assert flowdata.read_body_model("/v1/chat/completions", b'{"model": "gpt-4o", "x": 1}').model == "gpt-4o"
    assert flowdata.read_body_model("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse", b"").model == "gemini-2.5-pro"
    unreadable = flowdata.read_body_model("/v1/messages", b"not json")
    assert unreadable.model is None and unreadable.problem == "the request body is not readable JSON"
