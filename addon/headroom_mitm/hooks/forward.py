"""The last stop before the upstream: `--route` rewrites and our hop marker."""

from __future__ import annotations

from typing import Sequence

from mitmproxy import ctx, exceptions, http

from ..upstream import UpstreamTarget, add_hop_marker, parse_routes
from . import flowdata


class Forward:
    def __init__(self) -> None:
        self.routes: dict[str, UpstreamTarget] = {}

    def load(self, loader) -> None:
        loader.add_option(
            "headroom_routes", Sequence[str], [],
            "HOST=URL: send requests meant for HOST to URL; classification and records still see HOST.",
        )

    def configure(self, updated: set[str]) -> None:
        if "headroom_routes" in updated:
            try:
                self.routes = parse_routes(ctx.options.headroom_routes)
            except ValueError as exc:
                raise exceptions.OptionsError(str(exc)) from None

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flow.error is not None:
            return  # answered or refused by an earlier stage
        request = flow.request
        request.headers["Via"] = add_hop_marker(request.headers.get("Via"), request.http_version)
        target = self.routes.get(flowdata.original_host(flow))
        if target is not None:
            request.scheme = target.scheme
            request.host = target.host
            request.port = target.port
            request.path = target.rewrite_path(request.path)
