"""What mitmweb shows of our work: a comment on each LLM flow (provider, model, savings, usage), a
mark on compressed flows, a content view of the original request beside the sent one, and a
bounded flow list (oldest finished flows pruned beyond `headroom_web_max_flows`).
Only added when the web UI is on.
"""

from __future__ import annotations

import json
import logging

from mitmproxy import contentviews, ctx, http
from mitmproxy.contentviews.base import View

from .records import FlowRecord, scrub
from .usage import ESTIMATOR, estimate_tokens
from .. import flowdata
from ..options import declare

log = logging.getLogger(__name__)

COMPRESSED_MARK = ":scissors:"


def flow_comment(record: FlowRecord, compressed: bool) -> str:
    """Pure: one line for the flow list, whose Comment column shows only its first ~20 characters,
    so the saving comes first."""
    parts = [f"{record.provider or '?'} {record.model or '?'}"]
    if record.est_tokens_before:
        pct = 100.0 * record.saved_tokens / record.est_tokens_before
        parts.insert(0, f"saved {pct:.1f}%")
        parts.append(f"est. tokens {record.est_tokens_before:,} -> {record.est_tokens_after:,}")
    if record.transforms:
        parts.append("transforms " + ", ".join(f"{k} x{v}" for k, v in sorted(record.transforms.items())))
    if record.input_tokens is not None:
        parts.append(
            f"reported in {record.input_tokens:,} (cache read {record.cache_read_tokens or 0:,}, "
            f"write {record.cache_write_tokens or 0:,}) out {record.output_tokens or 0:,}"
        )
    if record.attempt > 1:
        parts.append(f"retry #{record.attempt}")
    if record.error:
        parts.append(f"error: {record.error}")
    if compressed:
        parts.append("compressed")
    return " | ".join(parts)


def excess(count: int, limit: int) -> int:
    return max(0, count - limit)


class OriginalVsSent(View):
    """The request as headroom-mitm forwarded it, then as OpenCode sent it."""

    name = "headroom original vs sent"

    def __call__(self, data: bytes, *, flow=None, http_message=None, **unknown):
        original = None
        if isinstance(flow, http.HTTPFlow) and http_message is flow.request:
            original = flowdata.live(flow).get(flowdata.ORIGINAL_BODY)
        if original is None:
            return "headroom: no original kept for this message", iter([[("text", "(unchanged or not an LLM request)")]])
        transforms = flowdata.compression_transforms(flow) if flow is not None else {}
        desc = (
            f"original {len(original):,} bytes ~{estimate_tokens(original):,} tokens -> sent {len(data):,} bytes "
            f"~{estimate_tokens(data):,} tokens ({ESTIMATOR})"
        )
        return desc, _lines(original, data, transforms)

    def render_priority(self, data: bytes, *, flow=None, http_message=None, **unknown) -> float:
        if isinstance(flow, http.HTTPFlow) and http_message is flow.request and flowdata.compression_changed(flow):
            return 2.0  # above the JSON view, only for compressed requests
        return 0


def _lines(original: bytes, sent: bytes, transforms: dict[str, int]):
    # The sent body first: it is the shorter one, and mitmweb shows only the first
    # content_view_lines_cutoff (512) lines until "Show more" is clicked.
    # Lines shaped like keys or tokens are redacted: the UI is for reading, not for copying secrets.
    applied = ", ".join(f"{k} x{v}" for k, v in sorted(transforms.items())) or "none"
    yield [("header", f"transforms applied: {applied}")]
    yield [("header", "===== sent upstream =====")]
    for line in readable(sent):
        yield [("text", scrub(line, len(line)) or "")]
    yield [("header", "===== original request (as the client sent it) =====")]
    for line in readable(original):
        yield [("text", scrub(line, len(line)) or "")]


def readable(body: bytes) -> list[str]:
    """A body as lines a person can read: JSON indented, and a string with line breaks (a tool
    output) shown as its lines between triple quotes. JSON bodies are one line as sent, which the
    browser showed as a single line of ~100 kB."""
    try:
        return list(_json_lines(json.loads(body), "", ""))
    except (ValueError, RecursionError):
        return body.decode("utf-8", "replace").splitlines() or [""]


def _json_lines(value, pad: str, key: str):
    if isinstance(value, dict) and value:
        yield f"{pad}{key}{{"
        for k, v in value.items():
            yield from _json_lines(v, pad + "  ", json.dumps(k, ensure_ascii=False) + ": ")
        yield f"{pad}}}"
    elif isinstance(value, list) and value:
        yield f"{pad}{key}["
        for v in value:
            yield from _json_lines(v, pad + "  ", "")
        yield f"{pad}]"
    elif isinstance(value, str) and "\n" in value:
        yield f'{pad}{key}"""'
        for line in value.split("\n"):
            yield f"{pad}  {line}"
        yield f'{pad}"""'
    else:
        yield pad + key + json.dumps(value, ensure_ascii=False)


class WebView:
    def __init__(self) -> None:
        self.view = OriginalVsSent()
        self._added = False

    def load(self, loader) -> None:
        declare(loader, "headroom_web_max_flows")
        try:
            contentviews.add(self.view)
            self._added = True
        except Exception:
            log.exception("could not add the headroom content view")

    def done(self) -> None:
        if self._added:
            contentviews.remove(self.view)
            self._added = False

    def response(self, flow: http.HTTPFlow) -> None:
        self._annotate(flow)
        self.prune()

    def error(self, flow: http.HTTPFlow) -> None:
        self._annotate(flow)
        self.prune()

    def _annotate(self, flow: http.HTTPFlow) -> None:
        try:
            record = flowdata.live(flow).get(flowdata.RECORD)
            compressed = flowdata.compression_changed(flow)
            if compressed:
                flow.marked = COMPRESSED_MARK
            if record is not None:
                flow.comment = flow_comment(record, compressed)
            view = ctx.master.addons.get("view")
            if view is not None and (compressed or record is not None):
                view.update([flow])  # the view broadcast this flow before we annotated it
        except Exception:
            log.exception("could not annotate a flow for the web UI")

    def prune(self) -> None:
        try:
            view = ctx.master.addons.get("view")
            if view is None:
                return
            over = excess(view.store_count(), ctx.options.headroom_web_max_flows)
            if not over:
                return
            store = view._store  # insertion order = arrival order
            oldest = [f for f in store.values() if not f.killable][:over]  # never cut a live flow
            if oldest:
                view.remove(oldest)
        except Exception:
            log.exception("could not prune the web UI's flows")
