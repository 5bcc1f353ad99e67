"""Every user option, declared once in `OPTIONS`: the command line (argparse), the settings model
(`GlobalOptions`) and our addons' mitmproxy options are all built from this table, and each check
lives in its row. Standard library only: the stages import it to declare their mitmproxy options, the CLI to build
its parser and `GlobalOptions`.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping, Sequence

if TYPE_CHECKING:
    from .launcher.paths import StateDir

Kind = Literal["str", "int", "float", "bool", "path", "list", "paths"]
_UNSET: Any = object()


@dataclass(frozen=True)
class Option:
    name: str  # the settings field; "" for a mitmproxy-only option
    default: Any
    help: str
    flag: str | None = None  # on the command line, before the subcommand
    mitm: str | None = None  # the mitmproxy option our addon declares in `load`
    kind: Kind = "str"
    choices: tuple[str, ...] | None = None
    metavar: str | None = None
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    check: Callable[[Any], None] | None = None  # raises ValueError naming the option
    to_mitm: Callable[[Any], Any] | None = None  # settings value → mitmproxy value
    mitm_default: Any = _UNSET
    negate: bool = False  # the flag switches a default-on option off (--no-compress)

    @property
    def label(self) -> str:
        """How messages name the option: its flag, else its mitmproxy or settings name."""
        return self.flag or self.mitm or self.name

    def convert(self, value: Any) -> Any:
        """A settings value of this row's kind (lists become tuples, paths Path); raises ValueError
        naming the option for a value of another type or outside `choices`."""
        if value is None:
            if self.default is not None:
                raise ValueError(f"{self.label}: a value is required")
            return None
        if self.kind in ("list", "paths"):
            if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
                raise ValueError(f"{self.label}: expected a list, got {type(value).__name__}")
            return tuple(Path(v) for v in value) if self.kind == "paths" else tuple(str(v) for v in value)
        if self.kind == "path":
            if not isinstance(value, (str, Path)):
                raise ValueError(f"{self.label}: expected a path, got {type(value).__name__}")
            return Path(value)
        if self.kind == "bool" or self.kind == "int":
            want = bool if self.kind == "bool" else int
            if not isinstance(value, want) or (want is int and isinstance(value, bool)):
                raise ValueError(f"{self.label}: expected {'true or false' if want is bool else 'an integer'}")
            return value
        if self.kind == "float":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ValueError(f"{self.label}: expected a number")
            return float(value)
        if not isinstance(value, str):
            raise ValueError(f"{self.label}: expected a string, got {type(value).__name__}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.label}: expected one of {', '.join(self.choices)}, got {value!r}")
        return value

    def check_value(self, value: Any) -> None:
        """The row's checks (bounds, then `check`); raises ValueError naming the option. None and an
        empty list have nothing to check (and import no checker)."""
        if value is None or (isinstance(value, (list, tuple)) and not value):
            return
        label = self.label
        if self.ge is not None and value < self.ge:
            raise ValueError(f"{label}: must be ≥ {self.ge:g}")
        if self.gt is not None and value <= self.gt:
            raise ValueError(f"{label}: must be > {self.gt:g}")
        if self.le is not None and value > self.le:
            raise ValueError(f"{label}: must be ≤ {self.le:g}")
        if self.check is not None:
            self.check(value)


# -- the checks, one per fact (each raises ValueError with a message naming the option) -------------


def _routes(value: Sequence[str]) -> None:
    from .forward.upstream import parse_routes

    parse_routes(value)


def _llm_hosts(value: Sequence[str]) -> None:
    from .route.routing import parse_llm_host_option

    for spec in value:
        parse_llm_host_option(spec)


def _transforms(value: Sequence[str]) -> None:
    if not value:
        return  # the usual case: the compression engine is not imported to check nothing
    from .compress.settings import ALL_TRANSFORMS

    unknown = [name for name in value if name not in ALL_TRANSFORMS]
    if unknown:
        raise ValueError(f"--disable-transform {', '.join(unknown)}: unknown; choose from {', '.join(ALL_TRANSFORMS)}")


def _absolute_dirs(value: Sequence[str | Path]) -> None:
    for directory in value:
        if not Path(directory).is_absolute():
            raise ValueError(f"--tool-output-dir {directory}: must be an absolute path")


def _file_exists(value: Path) -> None:
    if not value.is_file():
        raise ValueError(f"--upstream-ca {value}: no such file")


def _policy(value: Path) -> None:
    from .policy.model import PolicyError, load_policy

    try:
        load_policy(value)
    except PolicyError as exc:
        raise ValueError(f"--policy {exc}") from None


def _allow_destinations(value: Sequence[str]) -> None:
    from .policy.destinations import parse_allow_list

    parse_allow_list(value)


def _upstream_proxy(value: str) -> None:
    parse_upstream_proxy(value)


def parse_upstream_proxy(value: str) -> tuple[str, str | None]:
    """--upstream-proxy http[s]://[user:pass@]host:port → (mitmproxy upstream URL, "user:pass" or None)."""
    from urllib.parse import unquote, urlsplit

    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ValueError("--upstream-proxy: expected http://[USER:PASS@]HOST:PORT (or https://…)")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    url = f"{parts.scheme}://{host}" + (f":{port}" if port else "")
    auth = None
    if parts.username is not None:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    return url, auth


def _store(value: str) -> None:
    if not value.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("--store: expected redis://[:PASSWORD@]HOST:PORT/DB, rediss://… or unix://PATH "
                         "(the default store is a SQLite file in the state dir)")


def _mb_to_bytes(mb: int) -> int:
    return mb << 20


def _path_or_empty(value: Path | None) -> str:
    return str(value) if value is not None else ""


DEFAULT_RECORDS_MAX_BYTES = 64 << 20
DEFAULT_RECORDS_KEEP = 4
DEFAULT_AUDIT_MAX_BYTES = 64 << 20

# -- the table --------------------------------------------------------------------------------------

OPTIONS: tuple[Option, ...] = (
    Option("state_dir", None, "where logs, records and the persistent CA live "
           "(default: $HEADROOM_MITM_STATE_DIR or $XDG_DATA_HOME/headroom-mitm)", flag="--state-dir"),
    Option("routes", (), "send requests meant for HOST to URL (repeatable), e.g. api.anthropic.com=http://127.0.0.1:18080",
           flag="--route", mitm="headroom_routes", kind="list", metavar="HOST=URL", check=_routes),
    Option("upstream_ca", None, "also trust this CA (PEM) when verifying upstream servers, on top of the default store",
           flag="--upstream-ca", kind="path", metavar="FILE", check=_file_exists),
    Option("opencode_bin", None, "the OpenCode binary (default: $OPENCODE_BIN, else opencode on PATH)",
           flag="--opencode-bin", metavar="PATH"),
    Option("claude_bin", None, "the Claude Code binary (default: $CLAUDE_BIN, else claude on PATH)",
           flag="--claude-bin", metavar="PATH"),
    Option("codex_bin", None, "the Codex CLI binary (default: $CODEX_BIN, else codex on PATH)",
           flag="--codex-bin", metavar="PATH"),
    Option("gemini_bin", None, "the Gemini CLI binary (default: $GEMINI_BIN, else gemini on PATH)",
           flag="--gemini-bin", metavar="PATH"),
    Option("llm_hosts", (), "treat HOST (wildcards allowed) as an LLM API; FORMAT: openai-chat, openai-responses, "
           "anthropic-messages, gemini", flag="--llm-host", mitm="headroom_llm_hosts", kind="list",
           metavar="HOST[=FORMAT]", check=_llm_hosts),
    Option("inspect", "llm", "decrypt only LLM API hosts (default) or all hosts, for audits",
           flag="--inspect", mitm="headroom_inspect", choices=("llm", "all")),
    Option("telemetry", "pass", "known analytics and crash-report hosts: pass (default) or block",
           flag="--telemetry", mitm="headroom_telemetry", choices=("pass", "block")),
    Option("compress", True, "forward LLM requests without compressing them",
           flag="--no-compress", mitm="headroom_compress", kind="bool", negate=True),
    Option("disable_transforms", (), "switch one compression transform off (repeatable); see docs/compression.md",
           flag="--disable-transform", mitm="headroom_disable_transforms", kind="list", metavar="NAME", check=_transforms),
    Option("lossless_tools", (), "only ever compress this tool's outputs losslessly (repeatable; OpenCode's read always is)",
           flag="--lossless-tool", mitm="headroom_lossless_tools", kind="list", metavar="TOOL"),
    Option("tool_output_dirs", (), "OpenCode's tool-output directory, whose saved outputs rebuild what OpenCode truncated "
           "(repeatable; for the proxy subcommand: the launcher always uses its OpenCode's own)",
           flag="--tool-output-dir", mitm="headroom_tool_output_dirs", kind="paths", metavar="DIR", check=_absolute_dirs),
    Option("connect_retries", 3, "retries of a failed upstream connect, before any request byte is sent (default 3)",
           flag="--connect-retries", mitm="headroom_connect_retries", kind="int", metavar="N", ge=0, le=10),
    Option("connect_backoff", 0.2, "wait before the first connect retry; doubles, jittered (default 0.2)",
           flag="--connect-backoff", mitm="headroom_connect_backoff", kind="float", metavar="SECONDS", ge=0, le=10),
    Option("connect_budget", 5.0, "time all connect attempts may take together (default 5)",
           flag="--connect-budget", mitm="headroom_connect_budget", kind="float", metavar="SECONDS", gt=0, le=120),
    Option("records_max_mb", 64, "rotate STATE_DIR/records/flows.jsonl beyond this size (default 64; 0: never)",
           flag="--records-max-mb", mitm="headroom_records_max_bytes", kind="int", metavar="MB", ge=0, le=1 << 20,
           to_mitm=_mb_to_bytes, mitm_default=DEFAULT_RECORDS_MAX_BYTES),
    Option("records_keep", DEFAULT_RECORDS_KEEP, "rotated flow-record files kept, older ones deleted (default 4)",
           flag="--records-keep", mitm="headroom_records_keep", kind="int", metavar="N", ge=0, le=10_000),
    Option("web", False, "run mitmweb too: a token-protected UI on loopback (its URL is printed on stderr)",
           flag="--web", kind="bool"),
    Option("web_max_flows", 2000, "flows the web UI keeps; older ones are pruned, oldest first (default 2000)",
           flag="--web-max-flows", mitm="headroom_web_max_flows", kind="int", metavar="N", ge=10, le=1_000_000),
    Option("policy", None, "egress policy (YAML or JSON): allow/deny by host, class, provider, model, size; "
           "SIGHUP reloads it", flag="--policy", mitm="headroom_policy", kind="path", metavar="FILE", check=_policy,
           to_mitm=_path_or_empty, mitm_default=""),
    Option("audit_format", "native", "audit trail records: native JSONL (default) or OCSF 1.3 HTTP Activity (class 4002)",
           flag="--audit-format", mitm="headroom_audit_format", choices=("native", "ocsf")),
    Option("audit_failure", "block", "when an audit record cannot be written: block (default) refuses the request, "
           "pass forwards it; every loss is counted in /stats, the proxy log and the session summary",
           flag="--audit-failure", mitm="headroom_audit_failure", choices=("block", "pass")),
    Option("upstream_proxy", None, "send all upstream traffic through this proxy, e.g. http://user:pass@proxy.corp:3128",
           flag="--upstream-proxy", metavar="URL", check=_upstream_proxy),
    Option("store", None, "keep the originals of lossy compressions in Redis, shared by several gateway instances: "
           "redis://[:PASSWORD@]HOST:PORT/DB, rediss://… or unix://… (default: a SQLite file in the state dir)",
           flag="--store", mitm="headroom_store", metavar="URL", check=_store, to_mitm=_path_or_empty, mitm_default=""),
    Option("store_days", 7.0, "days an original stays retrievable, in SQLite or Redis (default 7)",
           flag="--store-days", mitm="headroom_store_days", kind="float", metavar="DAYS", gt=0, le=3650),
    Option("upstream_proxy_auth_file", None, "read the --upstream-proxy USER:PASS from this file's first line "
           "(or set $HEADROOM_MITM_UPSTREAM_PROXY_AUTH) instead of the URL, which every local user can read in argv",
           flag="--upstream-proxy-auth-file", kind="path", metavar="FILE"),
    Option("allow_destinations", (), "proxy subcommand: also connect to this loopback/private destination "
           "(repeatable; CIDR, IP or HOST, each with an optional :PORT)", flag="--allow-destination",
           mitm="headroom_allow_destinations", kind="list", metavar="CIDR|HOST[:PORT]", check=_allow_destinations),
    Option("client_head_timeout", 10.0, "close a client connection whose request head is not complete this long "
           "after it connected (or after the head's first byte, on a kept-alive connection); 0: never (default 10)",
           flag="--client-head-timeout", mitm="headroom_client_head_timeout", kind="float", metavar="SECONDS",
           ge=0, le=3600),
    Option("max_client_connections", 256, "client connections open at once from one source address; more are "
           "closed at once (0: no cap; default 256)", flag="--max-client-connections",
           mitm="headroom_max_client_connections", kind="int", metavar="N", ge=0, le=1_000_000),
    Option("max_connections", 4096, "client connections open at once in all; more are closed at once "
           "(0: no cap; default 4096)", flag="--max-connections", mitm="headroom_max_connections", kind="int",
           metavar="N", ge=0, le=1_000_000),
    Option("", "allow", "Destinations resolving to loopback, private, link-local or metadata addresses: allow "
           "(the launcher) or refuse (the proxy subcommand).", mitm="headroom_private_destinations",
           choices=("allow", "refuse")),
    Option("no_upstream_proxy", False, "connect directly even when HTTPS_PROXY / HTTP_PROXY / ALL_PROXY are set "
           "(by default upstream connections are chained through them, NO_PROXY hosts direct)",
           flag="--no-upstream-proxy", kind="bool"),
    # mitmproxy-only: set from the state directory by the launcher, or by hand under mitmdump.
    Option("", "", "Append one JSON line per LLM flow to this file ('' = keep live totals only).", mitm="headroom_records"),
    Option("", "", "Egress audit JSONL file; empty: no audit trail.", mitm="headroom_audit_file"),
    Option("", DEFAULT_AUDIT_MAX_BYTES, "Rotate the audit file beyond this size.", mitm="headroom_audit_max_bytes",
           kind="int"),
    Option("", "", "Chain upstream connections through this proxy (http[s]://HOST:PORT, credentials in upstream_auth); "
           "set by the launcher from HTTPS_PROXY and kin.", mitm="headroom_chain_proxy"),
    Option("", (), "Hosts (NO_PROXY syntax) that bypass headroom_chain_proxy.", mitm="headroom_chain_no_proxy", kind="list"),
)

BY_NAME: dict[str, Option] = {o.name: o for o in OPTIONS if o.name}
BY_MITM: dict[str, Option] = {o.mitm: o for o in OPTIONS if o.mitm}


# -- argparse -----------------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The global options (before the subcommand), each from its row."""
    for o in OPTIONS:
        if o.flag is None:
            continue
        kw: dict[str, Any] = {"dest": o.name, "help": o.help}
        if o.metavar:
            kw["metavar"] = o.metavar
        if o.kind == "bool":
            kw["action"] = "store_false" if o.negate else "store_true"
        elif o.kind in ("list", "paths"):
            kw.update(action="append", default=[])
            if o.kind == "paths":
                kw["type"] = Path
        else:
            kw["default"] = o.default
            if o.choices:
                kw["choices"] = o.choices
            kw["type"] = {"int": int, "float": float, "path": Path}.get(o.kind, str)
        parser.add_argument(o.flag, **kw)


def settings_values(args: argparse.Namespace) -> dict[str, Any]:
    """The settings fields from parsed arguments (state_dir apart: `GlobalOptions.from_cli` resolves it)."""
    return {o.name: getattr(args, o.name) for o in OPTIONS if o.flag and o.name != "state_dir"}


# -- mitmproxy ----------------------------------------------------------------------------------------


def _mitm_type(o: Option) -> Any:
    if o.kind in ("list", "paths"):
        return Sequence[str]
    return {"int": int, "float": float, "bool": bool}.get(o.kind, str)


def mitm_default(o: Option) -> Any:
    if o.mitm_default is not _UNSET:
        return o.mitm_default
    if o.kind in ("list", "paths"):
        return list(o.default)
    return o.default


def declare(loader: Any, *names: str) -> None:
    """In an addon's `load`: declare these mitmproxy options from their rows."""
    for name in names:
        o = BY_MITM[name]
        loader.add_option(name, _mitm_type(o), mitm_default(o), o.help, choices=list(o.choices) if o.choices else None)


def check_mitm(updated: set[str], *names: str) -> None:
    """In an addon's `configure`: the rows' checks for those of `names` just updated, as mitmproxy's
    OptionsError. A value is checked against the row of the setting it comes from; a converted one
    (MB → bytes) only for being ≥ 0."""
    from mitmproxy import ctx, exceptions

    for name in names:
        if name not in updated:
            continue
        o, value = BY_MITM[name], getattr(ctx.options, name)
        try:
            if o.to_mitm is None:
                o.check_value(value)
            elif isinstance(value, (int, float)) and value < 0:
                raise ValueError(f"{name}: must be ≥ 0")
        except ValueError as exc:
            raise exceptions.OptionsError(str(exc)) from None


def mitm_values(settings: Any, state: StateDir) -> dict[str, object]:
    """Our addons' mitmproxy options for these settings."""
    values: dict[str, object] = {}
    for o in OPTIONS:
        if not (o.name and o.mitm):
            continue
        if o.name == "web_max_flows" and not settings.web:
            continue  # the option exists only when the web UI's addon is loaded
        value = getattr(settings, o.name)
        if o.to_mitm is not None:
            value = o.to_mitm(value)
        elif o.kind == "paths":
            value = [str(v) for v in value]
        elif o.kind == "list":
            value = list(value)
        values[o.mitm] = value
    values.update(
        headroom_store=settings.store or str(state.originals_db),
        headroom_records=str(state.flows_jsonl),
        headroom_audit_file=str(state.audit_jsonl),
    )
    if settings.upstream_proxy is not None:
        url, auth = parse_upstream_proxy(settings.upstream_proxy)
        auth = auth or upstream_proxy_auth(settings.upstream_proxy_auth_file, os.environ)
        values["mode"] = [f"upstream:{url}"]
        if auth:
            values["upstream_auth"] = auth
    return values


UPSTREAM_PROXY_AUTH_ENV = "HEADROOM_MITM_UPSTREAM_PROXY_AUTH"


def upstream_proxy_auth(file: Path | None, env: Mapping[str, str]) -> str | None:
    """USER:PASS for the upstream proxy from --upstream-proxy-auth-file or the environment, or None."""
    value = env.get(UPSTREAM_PROXY_AUTH_ENV) or None
    if file is not None:
        try:
            value = Path(file).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError, UnicodeDecodeError) as exc:
            raise ValueError(f"--upstream-proxy-auth-file {file}: cannot read a first line ({exc})") from None
    if value is not None and (":" not in value or not value.partition(":")[0]):
        raise ValueError("upstream proxy credentials must be USER:PASS")
    return value


def default_state_root(state_dir: str | None, env: Mapping[str, str] = os.environ) -> Path:
    from .launcher.paths import default_state_dir

    return Path(state_dir).expanduser() if state_dir else default_state_dir(env)
