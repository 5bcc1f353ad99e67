"""The subcommands behind the CLI."""

from __future__ import annotations

import ipaddress
import signal
import sys

from headroom_certs.ca import PERSISTENT_VALIDITY, CaFiles, ca_info, create_ca

from . import app, launcher
from .logsetup import log_to_file
from .proxy import EmbeddedProxy
from .settings import GlobalOptions


def opencode(binary: str, args: list[str], options: GlobalOptions) -> int:
    return app.run_agent([binary, *args], options)


def run(cmd: list[str], options: GlobalOptions) -> int:
    return app.run_agent(cmd, options)


def persistent_ca(options: GlobalOptions, *, create: bool) -> CaFiles:
    files = CaFiles(options.state.persistent_ca)
    if not files.exists() and create:
        options.state.ensure()
        create_ca(files.directory, "headroom-mitm CA", PERSISTENT_VALIDITY)
    return files


def ca(options: GlobalOptions, action: str, *, force: bool = False) -> int:
    files = CaFiles(options.state.persistent_ca)
    if action == "init":
        if files.exists() and not force:
            print(f"headroom-mitm: a CA already exists at {files.directory} (use --force to replace it)", file=sys.stderr)
            return 1
        options.state.ensure()
        create_ca(files.directory, "headroom-mitm CA", PERSISTENT_VALIDITY)
        print(f"created {files.cert}\n{ca_info(files).describe()}")
        return 0
    if not files.exists():
        print(f"headroom-mitm: no persistent CA yet; create one with: headroom-mitm ca init", file=sys.stderr)
        return 1
    if action == "show":
        print(f"path:        {files.cert}\n{ca_info(files).describe()}")
    else:
        print(files.cert)
    return 0


def parse_listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--listen {value!r}: expected HOST:PORT, e.g. 127.0.0.1:8080")
    return host.strip("[]") or "127.0.0.1", int(port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def proxy(options: GlobalOptions, *, listen: str, proxy_auth: str | None) -> int:
    host, port = parse_listen(listen)
    if proxy_auth is not None and ":" not in proxy_auth:
        raise ValueError("--proxy-auth expects USER:PASS")
    if not is_loopback(host) and not proxy_auth:
        raise ValueError(
            f"refusing to listen on {host} without proxy credentials: anyone who can reach it could use it. "
            "Add --proxy-auth USER:PASS, or listen on 127.0.0.1."
        )
    state = options.state.ensure()
    log_to_file(state.proxy_log)
    files = persistent_ca(options, create=True)
    launcher.block_launcher_signals()
    server = EmbeddedProxy(
        app.proxy_config(options, files.directory, scratch=state.root, listen_host=host, listen_port=port, proxy_auth=proxy_auth),
        app.make_addons(options),
    )
    address = server.start()
    shown = f"[{address.host}]" if ":" in address.host else address.host
    print(f"headroom-mitm proxy listening on http://{shown}:{address.port}", flush=True)
    print(f"  trust this CA in clients: {files.cert}", flush=True)
    print(f"  log: {state.proxy_log}", flush=True)
    try:
        received = signal.sigwaitinfo({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    finally:
        server.stop()
    return 0 if received.si_signo in (signal.SIGINT, signal.SIGTERM) else 128 + received.si_signo
