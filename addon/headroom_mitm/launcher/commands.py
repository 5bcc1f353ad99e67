"""The subcommands behind the CLI. Each imports what it needs when it runs: `compress`, `mcp`,
`stats` and `ca` never load mitmproxy."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from headroom_certs.ca import CaFiles

    from ..compress import Store
    from .settings import GlobalOptions


def opencode(binary: str, args: list[str], options: GlobalOptions) -> int:
    from . import app

    options = app.reading_opencode_outputs(options, os.environ)
    return app.run_agent([binary, *args], options, register_retrieval=options.compress)


def agent(name: str, args: list[str], options: GlobalOptions) -> int:
    """`headroom-mitm claude|codex|gemini …`: the agent's binary, our retrieval registered its way."""
    import tempfile
    from pathlib import Path

    from . import app
    from .agents import AGENTS, mcp_command, private_dir, resolve_binary

    entry = AGENTS[name]
    binary = resolve_binary(entry, getattr(options, f"{name}_bin"), os.environ)
    if not options.compress:  # nothing lossy will be sent: no tool to register
        return app.run_agent([binary, *args], options)
    private = private_dir(options.state.ensure().root, os.environ)
    with tempfile.TemporaryDirectory(prefix=f"{name}-", dir=private) as scratch:
        launch = entry.register(binary, args, mcp_command(options), os.environ, Path(scratch))
        return app.run_agent(launch.argv, options, env={**os.environ, **launch.env})


def compress(options: GlobalOptions, *, fmt: str) -> int:
    from ..compress import CompressionSettings
    from ..compress.report import run_compress_cli

    settings = CompressionSettings.from_user(
        enabled=options.compress,
        disabled_transforms=options.disable_transforms,
        extra_lossless_tools=options.lossless_tools,
        tool_output_dirs=options.tool_output_dirs,
    )
    store, why = open_store(options)
    if store is None:  # compressed losslessly: the report says so
        print(f"headroom-mitm compress: {why}", file=sys.stderr)
    try:
        body, report = run_compress_cli(sys.stdin.buffer.read(), fmt, settings, store)
    finally:
        if store is not None:
            store.close()
    sys.stdout.buffer.write(body)
    sys.stdout.flush()
    print(report, file=sys.stderr)
    return 0


def open_store(options: GlobalOptions) -> tuple[Store | None, str]:
    """The originals store these options name (--store, else the state dir's SQLite file), or None
    and a sentence saying why it cannot be used (corrupt, unreadable)."""
    from ..compress.store import try_open_store
    from ..redact import redact_url

    spec = options.store or options.state.ensure().originals_db
    store, why = try_open_store(spec, max_age_seconds=options.store_days * 86400)
    return store, f"the originals store {redact_url(str(spec))} cannot be read ({why})"


def mcp(options: GlobalOptions) -> int:
    from .mcp_server import serve

    store, why = open_store(options)
    if store is None:  # start all the same: every call is answered with the reason
        print(f"headroom-mitm mcp: {why}", file=sys.stderr)
    return serve(store, unavailable=f"headroom_retrieve: {why}; no original can be returned.")


def run(cmd: list[str], options: GlobalOptions) -> int:
    from . import app

    return app.run_agent(cmd, options)


def persistent_ca(options: GlobalOptions, *, create: bool) -> CaFiles:
    from headroom_certs.ca import PERSISTENT_VALIDITY, CaFiles, create_ca

    files = CaFiles(options.state.persistent_ca)
    if not files.exists() and create:
        options.state.ensure()
        create_ca(files.directory, "headroom-mitm CA", PERSISTENT_VALIDITY)
    return files


def ca(options: GlobalOptions, action: str, *, force: bool = False) -> int:
    from headroom_certs.ca import PERSISTENT_VALIDITY, CaFiles, ca_info, create_ca

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
        print("headroom-mitm: no persistent CA yet; create one with: headroom-mitm ca init", file=sys.stderr)
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


PROXY_AUTH_ENV = "HEADROOM_MITM_PROXY_AUTH"


def proxy_auth_value(arg: str | None, file: str | None, env: Mapping[str, str]) -> str | None:
    """The proxy credentials from --proxy-auth, --proxy-auth-file or $HEADROOM_MITM_PROXY_AUTH (one of
    them), checked: USER:PASS with both parts non-empty, or @FILE naming a readable htpasswd file whose
    entries all name a user and a hash."""
    given = [v for v in (arg, file, env.get(PROXY_AUTH_ENV) or None) if v is not None]
    if len(given) > 1:
        raise ValueError(f"give proxy credentials once: --proxy-auth, --proxy-auth-file or ${PROXY_AUTH_ENV}")
    if not given:
        return None
    value = given[0]
    if file is not None:
        try:
            value = Path(file).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            raise ValueError(f"--proxy-auth-file {file}: cannot read a first line ({exc})") from None
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"proxy credentials: cannot read htpasswd file {path} ({exc})") from None
        if not lines or any(not user or not digest for user, _, digest in (line.partition(":") for line in lines)):
            raise ValueError(f"proxy credentials: {path} must hold USER:HASH lines with a user and a hash each")
        _check_htpasswd_hashes(path)
        return value
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ValueError("proxy credentials must be USER:PASS with a non-empty user and password (or @HTPASSWD)")
    return value


def _check_htpasswd_hashes(path: Path) -> None:
    """Every entry's hash must be one mitmproxy (through passlib) can verify here; otherwise that user
    could never log in, and the reason would only show as a 407."""
    from passlib.apache import HtpasswdFile

    file = HtpasswdFile(str(path))
    for user in file.users():
        try:
            handler = file.context.handler(file.context.identify(file.get_hash(user), required=True))
        except ValueError:
            raise ValueError(f"proxy credentials: {path}: {user}'s hash is of an unknown kind") from None
        if handler.name == "plaintext":  # passlib's fallback for anything it does not recognise
            raise ValueError(f"proxy credentials: {path}: {user}'s entry is not a password hash "
                             "(create it with htpasswd -5)")
        if hasattr(handler, "has_backend") and not handler.has_backend():
            raise ValueError(f"proxy credentials: {path}: {user}'s {handler.name} hash cannot be checked here "
                             "(its backend is not installed); use SHA-512 (htpasswd -5) or SHA-256 (-2)")


def proxy(options: GlobalOptions, *, listen: str, proxy_auth: str | None) -> int:
    from ..facts import is_loopback_host
    from ..policy.hook import reload_all
    from ..addons import make_addons
    from . import app, child
    from .logsetup import log_to_file
    from .proxy import EmbeddedProxy

    host, port = parse_listen(listen)
    proxy_auth = proxy_auth_value(proxy_auth, None, {})  # checked again: callers may pass it directly
    if not is_loopback_host(host, unspecified=False) and not proxy_auth:
        raise ValueError(
            f"refusing to listen on {host} without proxy credentials: anyone who can reach it could use it. "
            "Add --proxy-auth USER:PASS, or listen on 127.0.0.1."
        )
    state = options.state.ensure()
    log_to_file(state.proxy_log)
    files = persistent_ca(options, create=True)
    child.block_launcher_signals(job_control=False)  # no agent to follow: Ctrl-Z stops the gateway as usual
    addons = make_addons(options)
    config = app.proxy_config(options, files.directory, scratch=state.root, listen_host=host, listen_port=port,
                              proxy_auth=proxy_auth)
    # A gateway serves other machines: it does not reach into its own network unless told to.
    config.options["headroom_private_destinations"] = "refuse"
    _raise_fd_limit(options.max_connections)
    server = EmbeddedProxy(config, addons)
    address = server.start()
    shown = f"[{address.host}]" if ":" in address.host else address.host
    print(f"headroom-mitm proxy listening on http://{shown}:{address.port}", flush=True)
    print(f"  trust this CA in clients: {files.cert}", flush=True)
    print(f"  log: {state.proxy_log}", flush=True)
    print(f"  stats: curl -x http://{shown}:{address.port} http://headroom.mitm/stats  (and /metrics)", flush=True)
    print("  retrieval for MCP clients: https://headroom.mitm/mcp (through this proxy)", flush=True)
    if server.web_url:
        print(f"  mitmweb UI: {server.web_url}", flush=True)
    print(f"  audit: {state.audit_jsonl}" + (f"\n  policy: {options.policy} (SIGHUP reloads it)" if options.policy else ""), flush=True)
    try:
        while True:
            received = signal.sigwaitinfo({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
            if received.si_signo != signal.SIGHUP:
                break
            # SIGHUP: reload the policy; a bad file keeps the one in force (and says why).
            reload_all(addons, lambda message: print(f"headroom-mitm: {message}", file=sys.stderr, flush=True))
    finally:
        server.stop()
        summary = app.session_summary(app.meter_of(addons))  # lost records are reported here too
        if summary:
            print(summary, file=sys.stderr, flush=True)
    return 0 if received.si_signo in (signal.SIGINT, signal.SIGTERM) else 128 + received.si_signo


def _raise_fd_limit(connections: int) -> None:
    """Each client connection holds a descriptor, and its upstream one: lift the soft limit toward
    the hard one so --max-connections, not EMFILE, is what refuses a client."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = 2 * connections + 256 if connections else 1 << 20
    want = need if hard == resource.RLIM_INFINITY else min(need, hard)
    if want > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    if connections and want < need:
        print(f"headroom-mitm: --max-connections {connections} needs about {need} open files; "
              f"this process may open {want}", file=sys.stderr, flush=True)


def demo(options: GlobalOptions, *, keep: bool = False) -> int:
    from .demo import run_demo

    return run_demo(options, keep=keep)


def stats(options: GlobalOptions, *, by: str | None, since: str | None, as_json: bool = False) -> int:
    """`headroom-mitm stats`: a table (or JSON) from the flow records in the state dir."""
    import dataclasses
    import json

    from ..meter.blind import format_blind, ledger_from_audit
    from ..meter.live import PriceSource
    from ..meter.records import parse_since, read_records
    from ..meter.stats import format_table, summarize

    cutoff = parse_since(since)  # ValueError names --since
    rows = summarize(read_records(options.state.records_dir / "flows.jsonl", since=cutoff), by=by,
                     prices=PriceSource().get())
    blind = format_blind(ledger_from_audit(options.state.audit_jsonl, cutoff).rows(), prefix="")
    if as_json:
        print(json.dumps([dataclasses.asdict(r) | {"saved_pct": r.saved_pct, "cache_read_share": r.cache_read_share}
                          for r in rows], indent=1))
        return 0
    if not any(r.requests for r in rows):
        print(f"no LLM flows recorded{' since ' + since if since else ''} in {options.state.flows_jsonl}")
    else:
        print(format_table(rows, key_header=by or "all"))
    if blind:
        print("\nblind tunnels (from the audit trail):\n" + blind)
    return 0


def providers(*, as_json: bool = False, env: Mapping[str, str] | None = None, cwd: Path | None = None) -> int:
    """`headroom-mitm providers`: every LLM provider known, from where, on which hosts, in which format."""
    import json

    from ..route.catalog import load_catalog
    from .opencode_config import discover_custom_providers

    env = os.environ if env is None else env
    rows: list[dict[str, object]] = []
    custom, warnings = discover_custom_providers(env, cwd or Path.cwd())
    for cp in custom:
        rows.append({"id": cp.id, "source": "opencode-config", "hosts": [cp.host],
                     "formats": [cp.api_format.value if cp.api_format else "by path"], "loopback": False})
    for provider in load_catalog(env):
        hosts = list(dict.fromkeys(e.host for e in provider.endpoints)) + [f"? {u}" for u in provider.unresolved]
        formats = sorted({e.api_format.value if e.api_format else "by path" for e in provider.endpoints})
        rows.append({"id": provider.id, "source": provider.source, "hosts": hosts, "formats": formats,
                     "loopback": provider.loopback})
    if as_json:
        print(json.dumps(rows, indent=1))
        return 0
    for warning in warnings:
        print(f"headroom-mitm: {warning}", file=sys.stderr)
    width = max(len(str(r["id"])) for r in rows)
    for r in rows:
        where = "loopback (never inspected)" if r["loopback"] else " ".join(map(str, r["hosts"])) or "-"
        print(f"{str(r['id']).ljust(width)}  {str(r['source']).ljust(15)}  {','.join(map(str, r['formats'])).ljust(18)}  {where}")
    by_source: dict[object, int] = {}
    for r in rows:
        by_source[r["source"]] = by_source.get(r["source"], 0) + 1
    print(f"\n{len(rows)} providers: " + ", ".join(f"{n} from {src}" for src, n in by_source.items())
          + ". Hosts marked ? are unknown until their variable is set; --llm-host HOST adds one by hand.")
    return 0
