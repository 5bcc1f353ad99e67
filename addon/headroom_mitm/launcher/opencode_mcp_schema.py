"""OpenCode's MCP server schema (config/mcp.ts) in pydantic, to validate an `mcp` section as OpenCode
does. Loaded only when there is a section of the user's to check: the launcher's own server is built by
us (and checked by the tests), so a plain launch reaches the agent's spawn without pydantic."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, TypeAdapter, ValidationError

from .opencode_config import _kind


# ---------------------------------------------------------------------------------------------------
# OpenCode's MCP server schema (config/mcp.ts). Unknown keys are rejected by OpenCode, so here too, and
# values are not coerced ("5000" is not a timeout) because OpenCode's validator does not coerce either.
# ---------------------------------------------------------------------------------------------------

_STRICT = ConfigDict(extra="forbid", strict=True)


class McpLocal(BaseModel):
    """A server OpenCode starts as a child process and talks to over stdio."""

    model_config = _STRICT
    type: Literal["local"]
    command: list[str] = Field(min_length=1)
    environment: dict[str, str] | None = None
    enabled: bool | None = None
    timeout: PositiveInt | None = None  # ms for MCP requests; OpenCode's default is 5000


class McpOAuth(BaseModel):
    model_config = _STRICT
    clientId: str | None = None  # noqa: N815 — OpenCode's key names
    clientSecret: str | None = None  # noqa: N815
    scope: str | None = None
    redirectUri: str | None = None  # noqa: N815
    authorizationEndpoint: str | None = None  # noqa: N815
    tokenEndpoint: str | None = None  # noqa: N815


class McpRemote(BaseModel):
    """A server OpenCode reaches over HTTP."""

    model_config = _STRICT
    type: Literal["remote"]
    url: str
    enabled: bool | None = None
    headers: dict[str, str] | None = None
    oauth: McpOAuth | Literal[False] | None = None
    timeout: PositiveInt | None = None


class McpToggle(BaseModel):
    """`{"enabled": false}`: switches off a server defined by another config layer."""

    model_config = _STRICT
    enabled: bool


McpServer = McpLocal | McpRemote | McpToggle
_SERVER_ADAPTER: TypeAdapter[McpLocal | McpRemote] = TypeAdapter(
    Annotated[McpLocal | McpRemote, Field(discriminator="type")]
)


_UNION_TAGS = {"local", "remote", McpOAuth.__name__}


def _format_validation(prefix: str, exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        # `oauth` is an object or `false`: when an object was given, the `false` branch's complaint is noise.
        if err["type"] == "literal_error" and isinstance(err.get("input"), dict):
            continue
        # Drop the union tags pydantic puts in locations ("local", "McpOAuth", "literal[False]").
        loc = [str(p) for p in err["loc"] if p not in _UNION_TAGS and not str(p).startswith("literal[")]
        where = ".".join([prefix, *loc])
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(dict.fromkeys(parts))


def validate_mcp_section(value: object, *, where: str = "mcp") -> dict[str, McpServer]:
    """Validate an `mcp` section against OpenCode's schema; ValueError names the entry and the problem."""
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be an object mapping server names to servers, got {_kind(value)}")
    out: dict[str, McpServer] = {}
    for name, entry in value.items():
        here = f"{where}.{name}"
        if not isinstance(entry, dict):
            raise ValueError(f"{here} must be an object, got {_kind(entry)}")
        try:
            if "type" in entry:
                if entry["type"] not in ("local", "remote"):
                    raise ValueError(f'{here}.type must be "local" or "remote", got {entry["type"]!r}')
                out[name] = _SERVER_ADAPTER.validate_python(entry)
            else:
                out[name] = McpToggle.model_validate(entry)
        except ValidationError as exc:
            raise ValueError(_format_validation(here, exc)) from None
    return out
