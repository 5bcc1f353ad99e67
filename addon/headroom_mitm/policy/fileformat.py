"""The policy file's format (docs in model.py), validated with pydantic at the edge. Imported only when
a policy file is loaded: a proxy without `--policy` does not load pydantic."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..facts import FlowClass
from .model import Action, PolicyError


def _as_list(value: Any) -> Any:
    # Let authors write `host: api.openai.com` as well as `host: [a, b]`.
    return [value] if isinstance(value, (str, int)) and not isinstance(value, bool) else value


class RuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: str | None = Field(default=None, min_length=1)
    action: Action
    host: list[str] | None = None
    port: list[int] | None = None
    flow_class: list[FlowClass] | None = Field(default=None, alias="class")
    provider: list[str] | None = None
    model: list[str] | None = None
    users: list[str] | None = None
    max_request_bytes: int | None = Field(default=None, gt=0)

    @field_validator("host", "provider", "model", "users", "port", "flow_class", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("host", "provider", "model", "users")
    @classmethod
    def _patterns(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            if not value:
                raise ValueError("must not be an empty list (leave the field out to match anything)")
            for pattern in value:
                if not pattern.strip():
                    raise ValueError("patterns must not be empty")
        return value

    @field_validator("port")
    @classmethod
    def _ports(cls, value: list[int] | None) -> list[int] | None:
        if value is not None:
            if not value:
                raise ValueError("must not be an empty list")
            for port in value:
                if not 0 < port < 65536:
                    raise ValueError(f"port {port} is outside 1..65535")
        return value

    @model_validator(mode="after")
    def _cap_only_on_allow(self) -> "RuleModel":
        if self.max_request_bytes is not None and self.action != "allow":
            raise ValueError("max_request_bytes only applies to allow rules (it caps what the rule allows)")
        return self


class PolicyModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    default: Action = "allow"
    rules: list[RuleModel] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> "PolicyModel":
        seen: set[str] = set()
        for rule in self.rules:
            if rule.name is not None:
                if rule.name in seen:
                    raise ValueError(f"rule name {rule.name!r} is used twice")
                seen.add(rule.name)
        return self


def _field_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate(data: dict[str, Any], source: str) -> PolicyModel:
    """The policy data as a PolicyModel; PolicyError names every problem with its field."""
    try:
        return PolicyModel.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # Pydantic puts the model-validator errors at the object; strip its "Value error, " prefix.
            message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            bad = err.get("input")
            if isinstance(bad, (str, int, float)) and err.get("type") != "value_error":
                message += f" (got {bad!r})"
            problems.append((_field_path(tuple(err.get("loc", ()))) or "(top level)", message))
        raise PolicyError(source, problems) from None
