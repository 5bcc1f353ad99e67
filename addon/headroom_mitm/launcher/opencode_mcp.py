"""OpenCode's MCP section: its schema (as OpenCode validates it) and our additions merged into the user's
OPENCODE_CONFIG_CONTENT, so a mistake surfaces here, clearly, instead of as OpenCode refusing to start."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, TypeAdapter, ValidationError

from .opencode_config import _kind, _parse_jsonc


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


def merge_config_content(user_value: str | None, addition: Mapping[str, Any]) -> str:
    """Merge our `addition` into the user's OPENCODE_CONFIG_CONTENT and return the JSON to export.

    - The user's value may be JSONC; it is read as-is (no `{env:}` expansion: OpenCode does that itself
      later, so such tokens survive). An empty value counts as unset. A value that is not a JSON object
      raises ValueError naming OPENCODE_CONFIG_CONTENT and the problem.
    - The user's keys keep their values (comments are lost: the result is plain JSON). Objects are merged
      key by key, arrays get our items appended when absent, other values of ours replace theirs.
    - `mcp` servers are replaced whole, never mixed key by key (a local server merged into a remote
      one would be invalid). **If the user already defines a server with our name, ours wins**: it
      carries this session's port and credentials, so a stale copy would break retrieval. The one thing
      kept from theirs is an explicit `"enabled": false`, so a user can still switch it off.
    - The merged `mcp` section is validated with OpenCode's schema; any invalid entry (theirs or ours)
      raises ValueError naming it.
    """
    base: dict[str, Any] = {}
    if user_value is not None and user_value.strip():
        try:
            parsed = _parse_jsonc(user_value)
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"OPENCODE_CONFIG_CONTENT is not valid JSON: {exc}") from None
        if not isinstance(parsed, dict):
            raise ValueError(f"OPENCODE_CONFIG_CONTENT must be a JSON object, got {_kind(parsed)}")
        base = parsed

    if "mcp" in base and not isinstance(base["mcp"], dict):
        raise ValueError(f"OPENCODE_CONFIG_CONTENT: mcp must be an object, got {_kind(base['mcp'])}")
    add = dict(addition)
    ours_mcp = add.pop("mcp", None)
    if ours_mcp is not None and not isinstance(ours_mcp, dict):
        raise ValueError(f"headroom's addition: mcp must be an object, got {_kind(ours_mcp)}")

    merged = _merge_addition(base, add)
    if ours_mcp:
        servers = dict(merged.get("mcp") or {})
        for name, server in ours_mcp.items():
            theirs = servers.get(name)
            entry = dict(server) if isinstance(server, dict) else server
            if isinstance(theirs, dict) and theirs.get("enabled") is False and isinstance(entry, dict):
                entry["enabled"] = False
            servers[name] = entry
        merged["mcp"] = servers

    if "mcp" in merged:
        try:
            validate_mcp_section(merged["mcp"])
        except ValueError as exc:
            raise ValueError(f"OPENCODE_CONFIG_CONTENT: {exc}") from None
    try:
        return json.dumps(merged, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError as exc:  # NaN / Infinity, which JSONC readers accept but JSON cannot carry
        raise ValueError(f"OPENCODE_CONFIG_CONTENT: cannot be written back as JSON ({exc})") from None


def _merge_addition(base: dict[str, Any], add: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in add.items():
        mine = out.get(key)
        if isinstance(value, dict) and isinstance(mine, dict):
            out[key] = _merge_addition(mine, value)
        elif isinstance(value, list) and isinstance(mine, list):
            out[key] = mine + [v for v in value if v not in mine]
        else:
            out[key] = value
    return out
