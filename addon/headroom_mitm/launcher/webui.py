"""mitmweb, never served without a token.

mitmproxy ≥ 11.1 has a `web_password` option (a random token when unset); 11.0.2 has none, so the
token is enforced here by guarding the tornado Application's handler lookup: every request must
carry the token (``?token=…`` once, which sets an HttpOnly SameSite=Strict cookie for the UI's own
API calls and websocket; or ``Authorization: Bearer …``; or HTTP Basic with the token as password).
Where `web_password` exists it is set to the same token as well. mitmweb's own DNS-rebinding guard
(Host must be an IP or localhost) stays in place. The UI listens on loopback on a port picked by the
OS, which Rules refuses (508) when a client tries to reach it through the proxy.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from urllib.parse import quote

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.web
from mitmproxy import master as mitm_master
from mitmproxy.tools.web.master import WebMaster

from .webredact import redact_flow_lists, redact_handler

COOKIE = "headroom_web_token"
QUERY = "token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def cookie_name(token: str) -> str:
    """Each UI's own cookie: browsers keep cookies per host, not per port, so two UIs on 127.0.0.1
    sharing one name overwrote each other's token and the first one opened got 403 from then on."""
    return f"{COOKIE}_{hashlib.sha256(token.encode()).hexdigest()[:12]}"


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode("utf-8", "replace"), b.encode())


def presented_token(headers, query_token: str | None, cookie_token: str | None) -> list[str | None]:
    """Every token a request presents (query, cookie, Bearer, Basic password)."""
    found: list[str | None] = [query_token, cookie_token]
    auth = headers.get("Authorization") or ""
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer":
        found.append(value.strip())
    elif scheme.lower() == "basic":
        try:
            found.append(base64.b64decode(value.strip()).decode("utf-8").partition(":")[2])
        except Exception:
            pass
    return found


WEB_MAX_BODY = 32 << 20  # largest request body the UI accepts even with the token (flow uploads)


@tornado.web.stream_request_body  # refused at the headers: an unauthenticated body is never buffered
class Unauthorized(tornado.web.RequestHandler):
    def data_received(self, chunk: bytes) -> None:
        pass

    def prepare(self) -> None:
        self.set_header("Connection", "close")
        self.set_status(403)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish("headroom-mitm: this mitmweb UI needs the token printed when it started "
                    "(open the full URL, with ?token=…).\n")


def guard(app: tornado.web.Application, token: str) -> None:
    """Make `app` answer 403 to any request that does not present `token`."""
    find_handler = app.find_handler
    name = cookie_name(token)

    def guarded_find_handler(request, **kwargs):
        query = request.query_arguments.get(QUERY)
        query_token = query[0].decode("utf-8", "replace") if query else None
        cookie = request.cookies.get(name)
        cookie_token = cookie.value if cookie is not None else None
        if not any(_same(t, token) for t in presented_token(request.headers, query_token, cookie_token)):
            return app.get_handler_delegate(request, Unauthorized)
        delegate = find_handler(request, **kwargs)
        redact_handler(delegate)
        if _same(query_token, token) and not _same(cookie_token, token):
            _set_cookie_on(delegate, token)
        return delegate

    app.find_handler = guarded_find_handler  # type: ignore[method-assign]


def _set_cookie_on(delegate, token: str) -> None:
    """The first visit with ?token= leaves a cookie so the UI's XHR and websocket calls pass."""
    handler_class = delegate.handler_class
    original_prepare = handler_class.prepare

    class WithCookie(handler_class):  # type: ignore[misc, valid-type]
        def prepare(self):
            self.set_cookie(cookie_name(token), token, httponly=True, samesite="Strict", path="/")
            return original_prepare(self)

    WithCookie.__name__ = handler_class.__name__
    delegate.handler_class = WithCookie


class GuardedWebMaster(WebMaster):
    """mitmweb's master with the token guard, a port chosen by the OS, and a clean shutdown."""

    def __init__(self, opts, token: str, with_termlog: bool = False) -> None:
        super().__init__(opts, with_termlog=with_termlog)
        self.token = token
        guard(self.app, token)
        redact_flow_lists()
        self._http: tornado.httpserver.HTTPServer | None = None
        self.web_address: tuple[str, int] | None = None

    @property
    def web_url(self) -> str | None:
        if self.web_address is None:
            return None
        host, port = self.web_address
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/?{QUERY}={quote(self.token)}"

    async def running(self):
        if "web_password" in self.options:  # mitmproxy ≥ 11.1: use the built-in as well
            self.options.update(web_password=self.token)
        tornado.ioloop.IOLoop.current()
        self._http = tornado.httpserver.HTTPServer(self.app, max_buffer_size=WEB_MAX_BODY, max_body_size=WEB_MAX_BODY)
        sockets = tornado.netutil.bind_sockets(self.options.web_port, self.options.web_host)
        self._http.add_sockets(sockets)
        bound = sockets[0].getsockname()
        self.web_address = (str(bound[0]), int(bound[1]))
        if self.options.web_port != self.web_address[1]:
            # Later addons (Rules' loop guard) read the real port from the option.
            self.options.update(web_port=self.web_address[1])
        return await mitm_master.Master.running(self)

    async def done(self):
        if self._http is not None:
            self._http.stop()
            try:
                await self._http.close_all_connections()
            except Exception:
                pass
            self._http = None
        return await super().done()
