"""Finding 1 of issue #12, the other half: a governing hook that fails refuses its request (mitmproxy
would log the exception and go on, forwarding the request unjudged)."""

from __future__ import annotations

import json

from mitmproxy.test import taddons, tflow

from headroom_mitm.forward.hook import Forward
from headroom_mitm.policy.hook import EgressPolicy
from headroom_mitm.policy.model import Policy
from headroom_mitm.route.hook import Classify


class _Broken(Policy):
    def decide_request(self, *args, **kwargs):
        raise RuntimeError("boom")

    def needs_body(self, *args, **kwargs):
        raise RuntimeError("boom")


def test_a_policy_that_raises_refuses_the_request(monkeypatch):
    policy = EgressPolicy()
    monkeypatch.setattr(EgressPolicy, "policy", property(lambda self: _Broken("allow", ())))
    with taddons.context(policy):
        flow = tflow.tflow()
        policy.requestheaders(flow)
    assert flow.response is not None and flow.response.status_code == 500
    assert json.loads(flow.response.content)["error"]["message"].startswith("headroom-mitm could not apply")
    assert flow.response.headers["x-should-retry"] == "false"


def test_routing_that_raises_refuses_the_request(monkeypatch):
    classify = Classify()
    with taddons.context(classify):
        monkeypatch.setattr(classify.router, "classify_request", lambda *a: 1 / 0)
        flow = tflow.tflow()
        classify.requestheaders(flow)
    assert flow.response is not None and flow.response.status_code == 500


def test_a_route_rewrite_that_raises_refuses_the_request():
    forward = Forward()
    with taddons.context(forward):
        forward.routes = None  # type: ignore[assignment]  # .get() raises
        flow = tflow.tflow()
        forward.requestheaders(flow)
    assert flow.response is not None and flow.response.status_code == 500
