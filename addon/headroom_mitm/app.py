"""Putting the pieces together: a proxy with our addons, and an agent launched through it."""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from headroom_certs.session import SessionCa
from headroom_certs.upstream import write_upstream_bundle

from . import launcher
from .hooks.classify import Classify
from .hooks.forward import Forward
from .hooks.rules import Rules
from .hooks.stream import StreamResponses
from .launch_env import agent_env, proxy_url
from .logsetup import log_to_file
from .proxy import EmbeddedProxy, ProxyConfig
from .opencode_config import discover_custom_providers
from .routing import CustomProvider
from .settings import GlobalOptions


def make_addons(options: GlobalOptions, custom_providers: Sequence[CustomProvider] = ()) -> list[object]:
    # Order is the data flow: route → rules → compress → forward → meter → record.
    return [Classify(custom_providers), Rules(), Forward(), StreamResponses()]


def proxy_config(
    options: GlobalOptions,
    confdir: Path,
    *,
    scratch: Path,
    listen_host: str = "127.0.0.1",
    listen_port: int = 0,
    proxy_auth: str | None = None,
) -> ProxyConfig:
    mitm = dict(options.mitm_options())
    if options.upstream_ca is not None:
        mitm["ssl_verify_upstream_trusted_ca"] = str(write_upstream_bundle(scratch, options.upstream_ca))
    return ProxyConfig(
        confdir=confdir,
        listen_host=listen_host,
        listen_port=listen_port,
        proxy_auth=proxy_auth,
        options=mitm,
    )


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    @classmethod
    def random(cls) -> "Credentials":
        return cls("headroom", secrets.token_urlsafe(24))

    def __str__(self) -> str:  # mitmproxy's proxyauth "user:pass" form
        return f"{self.user}:{self.password}"


def run_agent(
    argv: Sequence[str],
    options: GlobalOptions,
    *,
    env: Mapping[str, str] | None = None,
    config_content: str | None = None,
) -> int:
    """Launch argv behind a fresh per-session proxy and CA; returns the agent's exit code."""
    base_env = dict(os.environ if env is None else env)
    state = options.state.ensure()
    log_to_file(state.proxy_log)
    custom_providers, config_warnings = discover_custom_providers(base_env, Path.cwd())
    for warning in config_warnings:
        print(f"headroom-mitm: {warning}", file=sys.stderr)
    launcher.block_launcher_signals()
    with SessionCa() as session:
        assert session.directory is not None
        bundle, warnings = session.bundle(base_env.get("NODE_EXTRA_CA_CERTS"))
        for warning in warnings:
            print(f"headroom-mitm: {warning}", file=sys.stderr)
        credentials = Credentials.random()
        proxy = EmbeddedProxy(
            proxy_config(options, session.files.directory, scratch=session.directory, proxy_auth=str(credentials)),
            make_addons(options, custom_providers),
        )
        address = proxy.start()
        try:
            child_env = agent_env(
                base_env,
                proxy=proxy_url(address.host, address.port, credentials.user, credentials.password),
                ca_bundle=bundle,
                config_content=config_content,
            )
            return launcher.run_child(argv, child_env)
        finally:
            proxy.stop()
