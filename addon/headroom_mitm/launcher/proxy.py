"""mitmproxy embedded in this process: its own event loop in a thread, quiet, on an ephemeral port.

The launcher's main thread must stay free for the child process (signals, PR_SET_PDEATHSIG is tied
to the thread that forked), so the proxy runs its asyncio loop in a background thread. The port is
read back from mitmproxy after it has bound (port 0), which leaves no window for another process to
grab a port we "found" free.

The launcher may also hand over a socket it has already bound and put to listen (`listen_socket`):
the agent starts at once and its connections wait in that socket's backlog while mitmproxy loads,
so the two start-ups overlap. mitmproxy is only imported when a proxy is made.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from .errors import ProxyStartError

if TYPE_CHECKING:
    import asyncio

    from mitmproxy import master as mitm_master

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProxyConfig:
    confdir: Path
    listen_host: str = "127.0.0.1"
    listen_port: int = 0
    proxy_auth: str | None = None
    # Extra mitmproxy options (ours, declared by our addons in `load`, and mitmproxy's own).
    options: dict[str, Any] = field(default_factory=dict)
    web: bool = False
    web_port: int = 0
    web_token: str | None = None  # the mitmweb UI's token; a random one when None
    listen_socket: socket.socket | None = None  # bound and listening already (see listen_socket())


@dataclass(frozen=True)
class ListenAddress:
    host: str
    port: int


class _StartupWatch(logging.Handler):
    """Keeps mitmproxy's error log lines so a failed start can say why."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Ready:
    """Added last: its `running` hook fires after every server is bound."""

    def __init__(self, proxy: "EmbeddedProxy") -> None:
        self._proxy = proxy

    def running(self) -> None:
        from mitmproxy import ctx

        server = ctx.master.addons.get("proxyserver")
        self._proxy._addresses = [ListenAddress(str(a[0]), int(a[1])) for a in server.listen_addrs()]
        if self._proxy.config.web and ctx.options.listen_port == 0 and self._proxy._addresses:
            # mitmweb's footer shows listen_port, and 0 as its default 8080: show the real one.
            ctx.options.update(listen_port=self._proxy._addresses[0].port)
        self._proxy._ready.set()


def listen_socket(host: str = "127.0.0.1") -> socket.socket:
    """A TCP socket bound to an ephemeral port of `host` and listening: clients may connect (and
    wait in the backlog) before the proxy that will serve them has started."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, 0))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


# Sockets handed to mitmproxy by (host, port), taken by its listener instead of binding anew.
_HANDED_OVER: dict[tuple[str, int], socket.socket] = {}
_HANDED_OVER_LOCK = threading.Lock()


def _listen_on_handed_over_sockets() -> None:
    """Lets mitmproxy's TCP listener serve a socket we bound (mitmproxy 11 binds its own)."""
    from mitmproxy.proxy import mode_servers

    instance = mode_servers.AsyncioServerInstance
    if getattr(instance.listen, "headroom_handover", False):
        return
    original = instance.listen

    async def listen(self, host: str, port: int) -> list:
        with _HANDED_OVER_LOCK:
            sock = _HANDED_OVER.pop((host, port), None)
        if sock is None or self.mode.transport_protocol != "tcp":
            return await original(self, host, port)
        import asyncio  # already loaded by mitmproxy here

        return [await asyncio.start_server(self.handle_stream, sock=sock)]

    listen.headroom_handover = True  # type: ignore[attr-defined]
    instance.listen = listen


# mitmproxy's own addons that a headroom-mitm proxy runs; its other default addons are features that
# are off unless asked for (replay, map/modify, sticky cookies, save, scripts, onboarding app …).
_MITM_ADDONS = (
    ("core", "Core"), ("block", "Block"), ("strip_dns_https_records", "StripDnsHttpsRecords"),
    ("disable_h2c", "DisableH2C"), ("proxyauth", "ProxyAuth"), ("proxyserver", "Proxyserver"),
    ("dns_resolver", "DnsResolver"), ("next_layer", "NextLayer"), ("tlsconfig", "TlsConfig"),
    ("upstream_auth", "UpstreamAuth"), ("update_alt_svc", "UpdateAltSvc"),
)
_ADDONS_LOCK = threading.Lock()


def _bare_addons_package() -> None:
    """Make `mitmproxy.addons` importable without running its __init__, which imports every default
    addon (flask for the onboarding app, ldap3 and passlib for proxyauth's other modes, …): ~0.15 s
    of CPU beside the agent's start. Must run before `mitmproxy.master` is imported (it imports
    `mitmproxy.addons.termlog`, which would run the package's __init__)."""
    import importlib.util

    import mitmproxy

    with _ADDONS_LOCK:
        if "mitmproxy.addons" not in sys.modules:
            spec = importlib.util.find_spec("mitmproxy.addons")
            assert spec is not None and spec.loader is not None
            package = importlib.util.module_from_spec(spec)
            sys.modules["mitmproxy.addons"] = package
            mitmproxy.addons = package  # type: ignore[attr-defined]


def _mitm_addons() -> list[object]:
    """Instances of _MITM_ADDONS, imported one by one (see _bare_addons_package)."""
    import importlib

    _bare_addons_package()
    return [getattr(importlib.import_module(f"mitmproxy.addons.{name}"), cls)() for name, cls in _MITM_ADDONS]


def preload() -> None:
    """Import what starting a (non-web) proxy imports: mitmproxy's master and the addons it runs
    (passlib's self-tests and ldap3 for proxyauth among them, ~0.1 s of CPU). The launcher calls it
    on its loader thread, so that the start itself, which an agent that is already done waits for,
    is short."""
    import importlib

    _bare_addons_package()
    importlib.import_module("mitmproxy.master")
    for name, _ in _MITM_ADDONS:
        importlib.import_module(f"mitmproxy.addons.{name}")


def _all_mitm_addons() -> None:
    """mitmweb adds every default addon: run the package's __init__ if `_mitm_addons` skipped it."""
    with _ADDONS_LOCK:
        package = sys.modules.get("mitmproxy.addons")
        if package is not None and not hasattr(package, "default_addons"):
            package.__spec__.loader.exec_module(package)


def base_options(config: ProxyConfig) -> dict[str, Any]:
    """mitmproxy options every headroom-mitm proxy runs with."""
    opts: dict[str, Any] = {
        "confdir": str(config.confdir),
        "listen_host": config.listen_host,
        "listen_port": config.listen_port,
        **_handed_over_address(config),
        # Lazy: the upstream connection is opened after the request hook, so routing, policy and
        # loop checks run before any byte leaves, and a rerouted host is never resolved.
        "connection_strategy": "lazy",
        **({"onboarding": False, "command_history": False} if config.web else {}),  # mitmweb's addons
        # LLM request bodies (up to the compression cap) are buffered so they can be compressed;
        # larger bodies, and every SSE answer (see forward/stream.py), are streamed.
        "stream_large_bodies": str(16 * 2**20),  # 16m, in bytes: mitmweb's footer showed "16m" as "NaNundefined"
    }
    if config.proxy_auth:
        opts["proxyauth"] = config.proxy_auth
    opts.update(config.options)
    return opts


class EmbeddedProxy:
    def __init__(self, config: ProxyConfig, addons: Sequence[object]) -> None:
        self.config = config
        self._addons = list(addons)
        self._ready = threading.Event()
        self._addresses: list[ListenAddress] = []
        self._thread: threading.Thread | None = None
        self._master: mitm_master.Master | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._failure: BaseException | None = None
        self._watch = _StartupWatch()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> ListenAddress:
        logging.getLogger("mitmproxy").addHandler(self._watch)
        self._thread = threading.Thread(target=self._thread_main, name="headroom-mitm-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            self.stop()
            raise ProxyStartError(f"the proxy did not start within {timeout:.0f} s")
        logging.getLogger("mitmproxy").removeHandler(self._watch)
        if self._failure is not None or not self._addresses:
            reason = "; ".join(self._watch.messages) or repr(self._failure) or "unknown error"
            self.stop()
            raise ProxyStartError(f"the proxy could not listen on {self.config.listen_host}:{self.config.listen_port}: {reason}")
        return self.address

    @property
    def address(self) -> ListenAddress:
        return self._addresses[0]

    @property
    def master(self) -> mitm_master.Master | None:
        return self._master

    @property
    def web_url(self) -> str | None:
        """The mitmweb UI's URL with its token, once started with web=True; else None."""
        return getattr(self._master, "web_url", None)

    def stop(self, timeout: float = 10.0) -> None:
        if self._master is not None and self._loop is not None and not self._loop.is_closed():
            self._master.shutdown()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        sock = self.config.listen_socket
        if sock is not None:  # never taken by mitmproxy (a failed start), or already closed by it
            with _HANDED_OVER_LOCK:
                for key in [k for k, handed in _HANDED_OVER.items() if handed is sock]:
                    del _HANDED_OVER[key]
            sock.close()

    def __enter__(self) -> "EmbeddedProxy":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the proxy thread ------------------------------------------------------------------
    def _thread_main(self) -> None:
        import asyncio  # here, not at the top: the launcher starts the agent before it needs the loop

        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # surfaced to start() / logged: never silently lost
            self._failure = exc
            log.exception("proxy thread failed")
        finally:
            self._ready.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def _make_master(self) -> mitm_master.Master:
        if not self.config.web:
            _bare_addons_package()  # before mitmproxy.master: see there
        from mitmproxy import master as mitm_master
        from mitmproxy import options as mitm_options

        if self.config.listen_socket is not None:
            _listen_on_handed_over_sockets()
            with _HANDED_OVER_LOCK:
                _HANDED_OVER[_address_of(self.config.listen_socket)] = self.config.listen_socket
        opts = mitm_options.Options()
        if self.config.web:
            _all_mitm_addons()
            from .webui import GuardedWebMaster, new_token

            master: mitm_master.Master = GuardedWebMaster(opts, self.config.web_token or new_token(), with_termlog=False)
        else:
            master = mitm_master.Master(opts, with_termlog=False)
            master.addons.add(*_mitm_addons())
        from ..stages import Stages, dispatch_to_listeners

        master.addons.add(Stages([*self._addons, _Ready(self)]))  # one addon for mitmproxy to dispatch to
        dispatch_to_listeners(master.addons)  # and events only to the addons with a hook for them
        values = base_options(self.config)
        if self.config.web:
            # The UI is always on loopback, whatever address the proxy listens on.
            values.update(web_host="127.0.0.1", web_port=self.config.web_port, web_open_browser=False)
            # Our comment on each LLM flow (provider, model, savings) as a column of the flow list.
            values.setdefault("web_columns", [*opts.web_columns, "comment"])
        opts.update(**values)
        return master

    async def _serve(self) -> None:
        master = self._make_master()
        self._master = master
        try:
            await master.run()
        finally:
            # mitmproxy 11 leaves its listeners open after run() returns; close them so a stopped
            # proxy really frees its port.
            server = master.addons.get("proxyserver")
            if server is not None:
                await server.servers.update([])


def _address_of(sock: socket.socket) -> tuple[str, int]:
    host, port = sock.getsockname()[:2]
    return str(host), int(port)


def _handed_over_address(config: ProxyConfig) -> dict[str, Any]:
    if config.listen_socket is None:
        return {}
    host, port = _address_of(config.listen_socket)
    return {"listen_host": host, "listen_port": port}
