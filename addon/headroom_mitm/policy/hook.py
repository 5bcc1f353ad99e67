"""Stage 2, rules (continued): the egress policy decides tunnels and intercepted requests.

Fail closed: a CONNECT the policy denies is answered 403 before any byte leaves; an intercepted
request it denies is answered 403 in the provider's own error shape (x-should-retry: false, the
message names the rule). The decision is left on the flow for the audit stage.

The policy is reloadable (`reload`, called on SIGHUP); a bad new file keeps the policy in force.
"""

from __future__ import annotations

import logging
from typing import Callable

from mitmproxy import ctx, exceptions, http, tls

from . import holdback
from .model import Decision, Policy, PolicyError, PolicyHolder
from ..facts import RESERVED_HOST, FlowClass, normalize_host
from ..options import declare
from .. import flowdata, wsturn
from ..provider_errors import fail_closed, refuse

log = logging.getLogger(__name__)



def denial_message(decision: Decision) -> str:
    return f"Blocked by headroom-mitm egress policy (rule {decision.rule}): {decision.reason}."


class EgressPolicy:
    """Enforces the `--policy` file. Without one every flow is allowed by the built-in default."""

    def __init__(self) -> None:
        self.holder: PolicyHolder | None = None
        self._inspect: set[str] = set()  # client connection ids whose tunnel must be intercepted

    # -- options and reload -------------------------------------------------------------------
    def load(self, loader) -> None:
        declare(loader, "headroom_policy")
        holdback.install()

    def configure(self, updated: set[str]) -> None:
        if "headroom_policy" in updated:
            path = ctx.options.headroom_policy
            try:
                self.holder = PolicyHolder(path) if path else None
            except PolicyError as exc:  # fail closed: never run with a policy we could not read
                raise exceptions.OptionsError(str(exc)) from None
            if self.holder is not None:
                log.info("egress policy %s: %d rules, default %s (%s)", path, len(self.policy.rules),
                         self.policy.default, self.policy.digest)

    @property
    def policy(self) -> Policy:
        return self.holder.policy if self.holder is not None else Policy.allow_all()

    def reload(self) -> tuple[bool, str]:
        """Re-read the policy file (thread-safe). A bad file keeps the policy in force; says why."""
        if self.holder is None:
            return False, "no --policy file to reload"
        ok, message = self.holder.reload()
        (log.info if ok else log.error)("%s", message)
        return ok, message

    # -- tunnels ------------------------------------------------------------------------------
    def must_inspect(self, client_id: str) -> bool:
        return client_id in self._inspect

    @fail_closed("egress policy")
    def http_connect(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or _own(flow):
            return  # already refused (proxy auth, loop guard), or the proxy's own name
        route = flowdata.route_of(flow)
        kind = route.kind.value if route is not None else FlowClass.OTHER.value
        decision = self.policy.decide_connection(
            flowdata.original_host(flow), flow.request.port, kind, route.provider if route else None,
            flowdata.proxy_user(flow),
        )
        flowdata.set_decision(flow, decision)
        if not decision.allowed:
            refuse(flow, 403, denial_message(decision), should_retry=False)
        elif decision.inspect:
            self._inspect.add(flow.client_conn.id)

    def tls_clienthello(self, data: tls.ClientHelloData) -> None:
        # Request-level rules (model, size) apply to this tunnel: it must be decrypted to check them.
        if data.ignore_connection and data.context.client.id in self._inspect:
            data.ignore_connection = False

    def client_disconnected(self, client) -> None:
        self._inspect.discard(client.id)

    # -- intercepted requests -----------------------------------------------------------------
    # Everything the headers can decide is decided at `requestheaders`, whatever the body's size: a
    # large body may be streamed upstream before the `request` hook runs. A flow whose decision needs
    # the body (a model or size rule) has its body held back (never streamed) and is judged at
    # `request`; one whose body cannot be read is refused there.

    def _facts(self, flow: http.HTTPFlow) -> tuple[str, str, str | None, int, str | None]:
        route = flowdata.route_of(flow)
        kind = route.kind.value if route is not None else FlowClass.OTHER.value
        return (flowdata.original_host(flow), kind, route.provider if route else None, flow.request.port,
                flowdata.proxy_user(flow))

    @fail_closed("egress policy")
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flow.error is not None:
            self._hold(flow, 0)  # refused already (proxy auth, loop guard): its body goes nowhere
            return
        if _own(flow):
            return  # /stats, /metrics, /mcp: answered by the proxy itself, nothing leaves
        host, kind, provider, port, user = self._facts(flow)
        policy = self.policy
        if policy.needs_body(host, port, kind, provider, user):
            self._hold(flow, flowdata.MAX_MODEL_SCAN)
            return
        decision = policy.decide_request(host, kind, provider, None, flowdata.request_size(flow), port=port, user=user)
        flowdata.set_decision(flow, decision)
        if not decision.allowed:
            refuse(flow, 403, denial_message(decision), should_retry=False)
            self._hold(flow, 0)

    @staticmethod
    def _hold(flow: http.HTTPFlow, limit: int) -> None:
        streaming = bool(flow.request.stream)
        flowdata.hold_body(flow, limit)
        if streaming and not holdback.installed():
            flow.kill()  # cannot hold it back: never let it stream past the policy

    @fail_closed("egress policy")
    def request(self, flow: http.HTTPFlow) -> None:
        if flow.error is not None:
            return
        if flow.metadata.get(flowdata.BODY_WITHHELD) and flow.response is None:
            # Part of the body was dropped to stay bounded: what is left must never be forwarded.
            self._refuse_unreadable(flow, "the request body is too large to read", too_large=True)
            return
        if flow.response is not None or flowdata.decision_of(flow) is not None or _own(flow):
            return  # refused, decided from the headers, or the proxy's own endpoint
        host, kind, provider, port, user = self._facts(flow)
        found = flowdata.body_model(flow)
        if found.problem is not None:
            self._refuse_unreadable(flow, found.problem, too_large=found.too_large)
            return
        decision = self.policy.decide_request(
            host, kind, provider, found.model, flowdata.request_size(flow), port=port, user=user
        )
        flowdata.set_decision(flow, decision)
        if not decision.allowed:
            refuse(flow, 403, denial_message(decision), should_retry=False)

    @staticmethod
    def _refuse_unreadable(flow: http.HTTPFlow, problem: str, *, too_large: bool) -> None:
        decision = Decision(False, "unreadable-body", f"{problem}; a model or size rule applies, so it was refused")
        flowdata.set_decision(flow, decision)
        refuse(flow, 413 if too_large else 400, f"Blocked by headroom-mitm egress policy: {decision.reason}.",
               should_retry=False)


    def websocket_message(self, flow: http.HTTPFlow) -> None:
        """Each `response.create` over an LLM WebSocket is judged like a request (model, size): a denied
        one is dropped before it leaves and the client gets an `error` event naming the rule."""
        assert flow.websocket is not None
        message = flow.websocket.messages[-1]
        if self.holder is None or not message.from_client or not wsturn.is_llm_websocket(flow):
            return  # without a policy file everything is allowed: no need to parse the message
        create = wsturn.parse_create(message.content)
        if create is None:
            return
        route = flowdata.route_of(flow)
        model = create.get("model") if isinstance(create.get("model"), str) else None
        decision = self.policy.decide_request(
            flowdata.original_host(flow), FlowClass.LLM.value, route.provider if route else None, model,
            len(message.content), port=flow.request.port, user=flowdata.proxy_user(flow),
        )
        if decision.allowed:
            return
        flowdata.set_decision(flow, decision)
        message.drop()
        ctx.master.commands.call("inject.websocket", flow, True, wsturn.error_event(403, denial_message(decision)), True)


def _own(flow: http.HTTPFlow) -> bool:
    """A request to the proxy's own name (its endpoints, each guarded by its own checks)."""
    return normalize_host(flow.request.host) == RESERVED_HOST


def reload_all(addons: list[object], report: Callable[[str], None] = lambda _m: None) -> bool:
    """Reload the policy of every EgressPolicy among `addons` (the SIGHUP handler)."""
    ok = True
    for addon in addons:
        if isinstance(addon, EgressPolicy):
            done, message = addon.reload()
            report(message)
            ok = ok and done
    return ok
