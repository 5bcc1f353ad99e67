"""Putting the pieces together: a proxy with our addons, and an agent launched through it."""

from __future__ import annotations

import base64
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence, TypeVar

from headroom_certs.session import SessionCa

from . import child
from .env import agent_env, opencode_tool_output_dir, proxy_url
from .logsetup import log_to_file
from .proxy import EmbeddedProxy, ProxyConfig, listen_socket, preload
from .agents import mcp_command
from .mcp_server import SERVER_NAME
from .opencode_config import discover_custom_providers
from .opencode_mcp import merge_config_content
from .settings import GlobalOptions

if TYPE_CHECKING:
    from ..meter.hook import Meter
    from ..route.catalog import CatalogProvider

log = logging.getLogger(__name__)
_T = TypeVar("_T")


def meter_of(addons: Sequence[object]) -> Meter | None:
    from ..meter.hook import Meter

    return next((a for a in addons if isinstance(a, Meter)), None)


def session_summary(meter: Meter | None) -> str:
    """The few lines printed on stderr when the agent exits."""
    if meter is None:
        return ""
    totals = meter.stats.total()
    lost = [f"headroom: WARNING: {n} {trail} record{'' if n == 1 else 's'} could not be written"
            for trail, n in sorted(meter.stats.losses().items()) if n]
    if not totals.requests:
        return "\n".join(lost)  # e.g. `run -- CMD` that made no LLM call: nothing else worth a line
    from ..meter.stats import format_session_summary

    return "\n".join([format_session_summary(totals), *lost])


def proxy_config(
    options: GlobalOptions,
    confdir: Path,
    *,
    scratch: Path,
    listen_host: str = "127.0.0.1",
    listen_port: int = 0,
    proxy_auth: str | None = None,
    sock: socket.socket | None = None,
    env: Mapping[str, str] | None = None,
) -> ProxyConfig:
    from headroom_certs.upstream import write_upstream_bundle

    from ..forward.chain import ca_files_from_env

    env = os.environ if env is None else env
    mitm = dict(options.mitm_options())
    mitm.update(upstream_chain(options, env))
    user_cas = ca_files_from_env(env)
    if options.upstream_ca is not None or user_cas:
        mitm["ssl_verify_upstream_trusted_ca"] = str(write_upstream_bundle(scratch, options.upstream_ca, user_cas))
    return ProxyConfig(
        confdir=confdir,
        listen_host=listen_host,
        listen_port=listen_port,
        proxy_auth=proxy_auth,
        options=mitm,
        web=options.web,
        listen_socket=sock,
    )


def upstream_chain(options: GlobalOptions, env: Mapping[str, str]) -> dict[str, object]:
    """mitmproxy options that chain upstream connections through the proxy of the user's environment
    (unless --upstream-proxy or --no-upstream-proxy); one line in the proxy log says what was chained."""
    from ..forward.chain import chain_from_env

    if options.upstream_proxy is not None or options.no_upstream_proxy:
        return {}
    try:
        chain = chain_from_env(env)
    except ValueError as exc:
        log.warning("upstream connections NOT chained: %s", exc)
        print(f"headroom-mitm: not chaining through the environment's proxy: {exc}", file=sys.stderr)
        return {}
    if chain is None:
        return {}
    log.info("%s", chain.describe())
    values: dict[str, object] = {"headroom_chain_proxy": chain.url, "headroom_chain_no_proxy": list(chain.no_proxy)}
    if chain.auth:
        values["upstream_auth"] = chain.auth  # mitmproxy's UpstreamAuth sends it on each CONNECT
    return values


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    @classmethod
    def random(cls) -> "Credentials":
        # secrets.token_urlsafe(24), from the same source: `secrets` costs ~5 ms to import before the spawn
        return cls("headroom", base64.urlsafe_b64encode(os.urandom(24)).rstrip(b"=").decode("ascii"))

    def __str__(self) -> str:  # mitmproxy's proxyauth "user:pass" form
        return f"{self.user}:{self.password}"


def known_providers(env: Mapping[str, str]) -> list[CatalogProvider]:
    """The providers the agent's OpenCode knows: its models cache, then our snapshot."""
    from ..route.catalog import load_catalog

    return load_catalog(env)


def retrieval_mcp_config(options: GlobalOptions) -> dict[str, object]:
    """OpenCode config that starts our headroom_retrieve MCP server beside the agent."""
    return {"mcp": {SERVER_NAME: {"type": "local", "command": mcp_command(options), "enabled": True}}}


def reading_opencode_outputs(options: GlobalOptions, env: Mapping[str, str]) -> GlobalOptions:
    """`options` plus the tool-output directory of an OpenCode run with `env`: the files the proxy
    may read back to rebuild the outputs that OpenCode truncated."""
    own = opencode_tool_output_dir(env)
    if own is None or own in options.tool_output_dirs:
        return options
    return options.replace(tool_output_dirs=(*options.tool_output_dirs, own))


def run_agent(
    argv: Sequence[str],
    options: GlobalOptions,
    *,
    env: Mapping[str, str] | None = None,
    config_content: str | None = None,
    cwd: Path | None = None,
    register_retrieval: bool = False,
) -> int:
    """Launch argv behind a fresh per-session proxy and CA; returns the agent's exit code."""
    base_env = dict(os.environ if env is None else env)
    state = options.state.ensure()
    log_to_file(state.proxy_log)
    custom_providers, config_warnings = discover_custom_providers(base_env, cwd or Path.cwd())
    for warning in config_warnings:
        print(f"headroom-mitm: {warning}", file=sys.stderr)
    if register_retrieval:
        config_content = merge_config_content(base_env.get("OPENCODE_CONFIG_CONTENT"), retrieval_mcp_config(options),
                                              addition_checked=True)
    child.block_launcher_signals()
    with SessionCa(spares=state.spare_cas) as session:
        assert session.directory is not None
        bundle, warnings = session.bundle(base_env.get("NODE_EXTRA_CA_CERTS"))
        trust, trust_warnings = session.trust_bundle(base_env)
        for warning in (*warnings, *trust_warnings):
            print(f"headroom-mitm: {warning}", file=sys.stderr)
        credentials = Credentials.random()

        def env_for(host: str, port: int) -> dict[str, str]:
            proxy = proxy_url(host, port, credentials.user, credentials.password)
            return agent_env(base_env, proxy=proxy, ca_bundle=bundle, trust_bundle=trust, config_content=config_content)

        def make_proxy(sock: socket.socket | None) -> tuple[EmbeddedProxy, Meter | None]:
            _make_spare_ca(session)  # first: a short agent run (`--version`) still leaves one for next time
            from ..addons import make_addons
            from ..meter.live import PriceSource

            # prices from OpenCode's models cache, as the agent sees it
            addons = make_addons(options, custom_providers, prices=PriceSource(env=base_env),
                                 catalog=known_providers(base_env))
            config = proxy_config(options, session.files.directory, scratch=session.directory,
                                  proxy_auth=str(credentials), sock=sock, env=base_env)
            if not options.web:
                preload()
            return EmbeddedProxy(config, addons), meter_of(addons)

        if options.web:  # the proxy first: the UI's URL is printed before the agent takes the terminal
            proxy, meter = make_proxy(None)
            address = proxy.start()
            if proxy.web_url:
                print(f"headroom-mitm: mitmweb UI: {proxy.web_url}", file=sys.stderr, flush=True)
            try:
                return child.run_child(argv, env_for(address.host, address.port), cwd=cwd)
            finally:
                _stop(proxy, meter)
        # The agent starts at once and the proxy loads beside it: the agent's first connections wait
        # in our socket's backlog, so the two start-ups overlap instead of adding up.
        sock = listen_socket("127.0.0.1")
        try:
            agent = child.start_child(argv, env_for(*sock.getsockname()[:2]), cwd=cwd)
        except BaseException:
            sock.close()
            raise
        loader = _ProxyLoader(lambda: make_proxy(sock), on_failure=lambda: child.stop_child(agent))
        try:
            code = child.wait_child(agent)
        finally:
            started = loader.settle()
            if started is None:
                sock.close()  # never served a connection: nothing to flush or summarize
            else:
                _stop(*started)
        loader.raise_failure()
        return code


def _make_spare_ca(session: SessionCa) -> None:
    """The next session's CA, made now that this session's agent runs; cryptography is loaded for the
    proxy anyway. Without one the next session makes its own: a failure here is only logged."""
    try:
        session.make_spare()
    except (OSError, ValueError) as exc:
        log.warning("no spare session CA made for the next session: %s", exc)


LOADER_NICE = 10  # added to the nice value of the thread that imports the proxy (see _call_niced)


def _call_niced(work: Callable[[], _T]) -> _T:
    """work() on a thread of its own whose CPU priority is lowered by LOADER_NICE: the proxy's imports
    (~0.4 s of CPU) yield the cores to the agent's own start-up. Linux sets priorities per thread; an
    unprivileged process cannot raise one back and new threads inherit it, so the lowered thread ends
    with the work, and the proxy's own thread is started afterwards at full priority."""
    done: list[_T] = []
    failed: list[BaseException] = []

    def run() -> None:
        if sys.platform.startswith("linux"):  # elsewhere PRIO_PROCESS would name the whole process
            try:
                tid = threading.get_native_id()
                os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + LOADER_NICE))
            except OSError:
                pass  # then it loads at full priority
        try:
            done.append(work())
        except BaseException as exc:
            failed.append(exc)

    thread = threading.Thread(target=run, name="headroom-mitm-import", daemon=True)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
    return done[0]


class _ProxyLoader:
    """Makes and starts the proxy on a thread while the agent runs. An agent that is done before
    the proxy is up (`opencode --version`) is not kept waiting for it: the half-loaded proxy, which
    never accepted a connection, is abandoned (its thread is a daemon). The making (imports) runs at
    a lower CPU priority; the start, which an agent already done waits for, is short (proxy.preload)."""

    def __init__(self, make: Callable[[], tuple[EmbeddedProxy, Meter | None]], *, on_failure: Callable[[], None]) -> None:
        self._make = make
        self._on_failure = on_failure
        self._lock = threading.Lock()
        self._settled = False
        self._started: tuple[EmbeddedProxy, Meter | None] | None = None
        self._failure: BaseException | None = None
        threading.Thread(target=self._run, name="headroom-mitm-load", daemon=True).start()

    def _run(self) -> None:
        try:
            proxy, meter = _call_niced(self._make)
            with self._lock:
                if self._settled:
                    return
                proxy.start()
                self._started = (proxy, meter)
        except BaseException as exc:  # surfaced by raise_failure() once the agent is stopped
            with self._lock:
                if self._settled:
                    return  # the agent is already done: nobody needed this proxy
                self._failure = exc
            self._on_failure()

    def settle(self) -> tuple[EmbeddedProxy, Meter | None] | None:
        """The started proxy, or None when it never started (and now never will)."""
        with self._lock:  # waits for a start already under way
            self._settled = True
            return self._started

    def raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure


def _stop(proxy: EmbeddedProxy, meter: Meter | None) -> None:
    proxy.stop()
    summary = "\n".join(part for part in (session_summary(meter), blind_summary(meter)) if part)
    if summary:
        print(summary, file=sys.stderr, flush=True)


def blind_summary(meter: Meter | None) -> str:
    """After the totals: the blind tunnels the agent sent much to (an LLM API no list names)."""
    from ..meter.blind import format_blind

    return format_blind(meter.stats.blind.rows()) if meter is not None else ""
