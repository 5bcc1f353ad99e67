"""The settings model: options that mean the same for every subcommand (they come before it on the
command line). Its fields, bounds and checks are built from the option table in options.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, field_validator

from ..options import BY_NAME, OPTIONS, Option, default_state_root, mitm_values
from .paths import StateDir


class _Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state_dir: Path

    @field_validator("*")
    @classmethod
    def _row_check(cls, value: Any, info: ValidationInfo) -> Any:
        option = BY_NAME.get(info.field_name or "")
        if option is not None and option.check is not None and value is not None:
            option.check(value)
        return value

    @classmethod
    def from_cli(cls, state_dir: str | None, env: Mapping[str, str] = os.environ, **values: object) -> Any:
        return cls(state_dir=default_state_root(state_dir, env), **values)

    @property
    def state(self) -> StateDir:
        return StateDir(self.state_dir)

    def mitm_options(self) -> dict[str, object]:
        """Our addons' mitmproxy options for these settings."""
        return mitm_values(self, self.state)


def _annotation(o: Option) -> Any:
    if o.kind == "list":
        return tuple[str, ...]
    if o.kind == "paths":
        return tuple[Path, ...]
    if o.choices:
        return Literal[o.choices]  # type: ignore[valid-type]
    base = {"int": int, "float": float, "bool": bool, "path": Path}.get(o.kind, str)
    return base | None if o.default is None else base


GlobalOptions = create_model(  # type: ignore[call-overload]
    "GlobalOptions",
    __base__=_Settings,
    __module__=__name__,
    **{
        o.name: (_annotation(o), Field(o.default, ge=o.ge, gt=o.gt, le=o.le))
        for o in OPTIONS
        if o.name and o.name != "state_dir"
    },
)
