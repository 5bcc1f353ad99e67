"""Options that mean the same for every subcommand (they come before it on the command line)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .paths import StateDir, default_state_dir
from .routing import parse_llm_host_option
from .upstream import parse_routes


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

    @field_validator("upstream_ca")
    @classmethod
    def _upstream_ca_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"--upstream-ca {value}: no such file")
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
        }
