"""Options that mean the same for every subcommand (they come before it on the command line)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .paths import StateDir, default_state_dir
from ..route.routing import parse_llm_host_option
from ..forward.upstream import parse_routes


class GlobalOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state_dir: Path
    routes: tuple[str, ...] = ()
    upstream_ca: Path | None = None
    opencode_bin: str | None = None
    llm_hosts: tuple[str, ...] = ()
    inspect: Literal["llm", "all"] = "llm"
    telemetry: Literal["pass", "block"] = "pass"
    connect_retries: int = Field(3, ge=0, le=10)
    connect_backoff: float = Field(0.2, ge=0, le=10)
    connect_budget: float = Field(5.0, gt=0, le=120)
    compress: bool = True
    disable_transforms: tuple[str, ...] = ()
    lossless_tools: tuple[str, ...] = ()
    tool_output_dirs: tuple[Path, ...] = ()
    records_max_mb: int = Field(64, ge=0, le=1 << 20)
    records_keep: int = Field(4, ge=0, le=10_000)
    web: bool = False
    web_max_flows: int = Field(2000, ge=10, le=1_000_000)
    policy: Path | None = None
    audit_format: Literal["native", "ocsf"] = "native"
    upstream_proxy: str | None = None

    @field_validator("routes")
    @classmethod
    def _routes_parse(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        parse_routes(value)  # raises ValueError with a message naming the bad --route
        return value

    @field_validator("llm_hosts")
    @classmethod
    def _llm_hosts_parse(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for spec in value:
            parse_llm_host_option(spec)
        return value

    @field_validator("disable_transforms")
    @classmethod
    def _transforms_known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from ..compress.settings import ALL_TRANSFORMS

        unknown = [name for name in value if name not in ALL_TRANSFORMS]
        if unknown:
            raise ValueError(f"--disable-transform {', '.join(unknown)}: unknown; choose from {', '.join(ALL_TRANSFORMS)}")
        return value

    @field_validator("tool_output_dirs")
    @classmethod
    def _tool_output_dirs_absolute(cls, value: tuple[Path, ...]) -> tuple[Path, ...]:
        for directory in value:
            if not directory.is_absolute():
                raise ValueError(f"--tool-output-dir {directory}: must be an absolute path")
        return value

    @field_validator("upstream_ca")
    @classmethod
    def _upstream_ca_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"--upstream-ca {value}: no such file")
        return value

    @field_validator("policy")
    @classmethod
    def _policy_valid(cls, value: Path | None) -> Path | None:
        if value is not None:
            from ..policy.model import PolicyError, load_policy

            try:
                load_policy(value)
            except PolicyError as exc:
                raise ValueError(f"--policy {exc}") from None
        return value

    @field_validator("upstream_proxy")
    @classmethod
    def _upstream_proxy_parse(cls, value: str | None) -> str | None:
        if value is not None:
            parse_upstream_proxy(value)
        return value

    @classmethod
    def from_cli(cls, state_dir: str | None, env: Mapping[str, str] = os.environ, **values: object) -> "GlobalOptions":
        root = Path(state_dir).expanduser() if state_dir else default_state_dir(env)
        return cls(state_dir=root, **values)

    @property
    def state(self) -> StateDir:
        return StateDir(self.state_dir)

    def mitm_options(self) -> dict[str, object]:
        """Our addons' mitmproxy options for these settings."""
        return {
            "headroom_routes": list(self.routes),
            "headroom_llm_hosts": list(self.llm_hosts),
            "headroom_inspect": self.inspect,
            "headroom_telemetry": self.telemetry,
            "headroom_connect_retries": self.connect_retries,
            "headroom_connect_backoff": self.connect_backoff,
            "headroom_connect_budget": self.connect_budget,
            "headroom_compress": self.compress,
            "headroom_disable_transforms": list(self.disable_transforms),
            "headroom_lossless_tools": list(self.lossless_tools),
            "headroom_tool_output_dirs": [str(d) for d in self.tool_output_dirs],
            "headroom_store": str(self.state.originals_db),
            **self._meter_options(),
            **self._audit_options(),
        }

    def _audit_options(self) -> dict[str, object]:
        opts: dict[str, object] = {
            "headroom_policy": str(self.policy) if self.policy is not None else "",
            "headroom_audit_file": str(self.state.audit_jsonl),
            "headroom_audit_format": self.audit_format,
        }
        if self.upstream_proxy is not None:
            url, auth = parse_upstream_proxy(self.upstream_proxy)
            opts["mode"] = [f"upstream:{url}"]
            if auth:
                opts["upstream_auth"] = auth
        return opts

    def _meter_options(self) -> dict[str, object]:
        opts: dict[str, object] = {
            "headroom_records": str(self.state.flows_jsonl),
            "headroom_records_max_bytes": self.records_max_mb << 20,
            "headroom_records_keep": self.records_keep,
        }
        if self.web:  # the option exists only when the web UI's addon is loaded
            opts["headroom_web_max_flows"] = self.web_max_flows
        return opts


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
