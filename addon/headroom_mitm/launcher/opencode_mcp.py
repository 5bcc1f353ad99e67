"""Our additions (the `headroom_retrieve` MCP server) merged into the user's OPENCODE_CONFIG_CONTENT, the
merged `mcp` section checked against OpenCode's schema (opencode_mcp_schema.py), so a mistake surfaces
here, clearly, instead of as OpenCode refusing to start."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .opencode_config import _kind, _parse_jsonc


def merge_config_content(user_value: str | None, addition: Mapping[str, Any], *, addition_checked: bool = False) -> str:
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
      raises ValueError naming it. `addition_checked`: our servers are known to be valid (the launcher's
      own, which the tests check), so only the user's are validated, and pydantic is loaded only for them.
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
        section = merged["mcp"]
        if addition_checked and ours_mcp:
            section = {name: entry for name, entry in section.items() if name not in ours_mcp}
        try:
            if section or not addition_checked:
                from .opencode_mcp_schema import validate_mcp_section

                validate_mcp_section(section)
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
