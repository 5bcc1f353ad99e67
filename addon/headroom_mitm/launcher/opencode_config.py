"""Reading OpenCode's own configuration, the way OpenCode reads it, without ever failing on it.

- `discover_custom_providers`: every provider whose base URL points somewhere the built-in registry does
  not know (a corporate gateway, a re-pointed `anthropic`) becomes an LLM route.
- the loader both share (sources, `{env:}`/`{file:}` substitution, JSONC); opencode_mcp.py merges our
  additions (the `headroom_retrieve` MCP server) into the user's own `OPENCODE_CONFIG_CONTENT`.

Load order (lowest precedence first), following OpenCode's config loader (packages/opencode/src/config):
 1. global dir ($XDG_CONFIG_HOME/opencode, else ~/.config/opencode): config.json, opencode.json, opencode.jsonc
 2. the file named by OPENCODE_CONFIG
 3. project files, from the git worktree root down to the working directory (or from "/" outside git):
    opencode.json then opencode.jsonc in each directory — the closest directory wins
    (skipped when OPENCODE_DISABLE_PROJECT_CONFIG is set)
 4. `.opencode/` directories: those between the working directory and the worktree root (same switch),
    then ~/.opencode, then OPENCODE_CONFIG_DIR — opencode.json then opencode.jsonc in each
 5. OPENCODE_CONFIG_CONTENT (inline)
 6. the managed (admin) directory, /etc/opencode on Linux
Later sources deep-merge over earlier ones. Text goes through OpenCode's `{env:VAR}` and `{file:path}`
substitutions before it is parsed as JSONC (comments, trailing commas).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import json5

from ..route.catalog import NPM_FORMATS
from ..facts import ApiFormat, is_loopback_host, normalize_host
from ..route.routing import CustomProvider

__all__ = [
    "CustomProvider",
    "discover_custom_providers",
]


# ---------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """OpenCode's merge (remeda mergeDeep): objects merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _truthy(value: str | None) -> bool:
    # OpenCode's flag parsing: only "true" and "1" switch a flag on.
    return (value or "").strip().lower() in ("true", "1")


def _parse_jsonc(text: str) -> Any:
    """JSONC (comments, trailing commas) as OpenCode accepts it; json5 is a superset of that."""
    return json5.loads(text)


_ENV_RE = re.compile(r"\{env:([^}]+)\}")
_FILE_RE = re.compile(r"\{file:[^}]+\}")


def _substitute(text: str, env: Mapping[str, str], base_dir: Path | None, home: Path) -> str:
    """OpenCode's `{env:VAR}` (unset → empty) and `{file:path}` (contents, JSON-escaped) substitutions.

    Raises ValueError for a `{file:}` reference that cannot be read: OpenCode refuses such a config.
    """
    text = _ENV_RE.sub(lambda m: env.get(m.group(1), ""), text)
    matches = _FILE_RE.findall(text)
    if not matches:
        return text
    lines = text.split("\n")
    for token in matches:
        line = next((ln for ln in lines if token in ln), "")
        if line.strip().startswith("//"):
            continue  # a commented-out reference is not resolved
        ref = token[len("{file:") : -1]
        p = home / ref[2:] if ref.startswith("~/") else Path(ref)
        if not p.is_absolute():
            p = (base_dir or Path.cwd()) / p
        try:
            content = p.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"bad file reference {token}: {p} cannot be read ({_os_reason(exc)})") from None
        text = text.replace(token, json.dumps(content)[1:-1], 1)
    return text


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


# ---------------------------------------------------------------------------------------------------
# Where the config files are
# ---------------------------------------------------------------------------------------------------


def _home(env: Mapping[str, str]) -> Path:
    h = env.get("HOME")
    return Path(h) if h else Path.home()


def _global_dir(env: Mapping[str, str]) -> Path:
    xdg = env.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else _home(env) / ".config"
    return base / "opencode"


def _managed_dir(env: Mapping[str, str]) -> Path:
    override = env.get("OPENCODE_TEST_MANAGED_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "darwin":
        return Path("/Library/Application Support/opencode")
    if sys.platform == "win32":
        return Path(env.get("ProgramData") or "C:\\ProgramData") / "opencode"
    return Path("/etc/opencode")


def _exists(p: Path) -> bool:
    try:
        return p.exists()
    except OSError:  # e.g. EACCES on a parent: as OpenCode, treat as absent
        return False


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:
        return False


def _worktree_root(start: Path) -> Path:
    """The nearest directory holding `.git` (dir, or file for linked worktrees); "/" outside git."""
    for d in (start, *start.parents):
        if _exists(d / ".git"):
            return d
    return Path(start.anchor)


def _up(start: Path, stop: Path) -> list[Path]:
    """start, its parent, … up to and including stop (closest first), as OpenCode's `up()` walks."""
    out = []
    for d in (start, *start.parents):
        out.append(d)
        if d == stop:
            break
    return out


def _config_files(env: Mapping[str, str], cwd: Path, managed_dir: Path | None) -> list[Path | None]:
    """Every candidate source in precedence order; None marks where OPENCODE_CONFIG_CONTENT goes."""
    home = _home(env)
    gdir = _global_dir(env)
    files: list[Path | None] = [gdir / "config.json", gdir / "opencode.json", gdir / "opencode.jsonc"]
    if env.get("OPENCODE_CONFIG"):
        files.append(Path(env["OPENCODE_CONFIG"]))
    project_enabled = not _truthy(env.get("OPENCODE_DISABLE_PROJECT_CONFIG"))
    root = _worktree_root(cwd)
    if project_enabled:
        for d in reversed(_up(cwd, root)):  # root first, so the closest file wins
            files += [d / "opencode.json", d / "opencode.jsonc"]
    dot_dirs: list[Path] = []
    if project_enabled:
        dot_dirs += [d / ".opencode" for d in _up(cwd, root) if _is_dir(d / ".opencode")]
    if _is_dir(home / ".opencode"):
        dot_dirs.append(home / ".opencode")
    if env.get("OPENCODE_CONFIG_DIR"):
        dot_dirs.append(Path(env["OPENCODE_CONFIG_DIR"]))
    seen: set[Path] = set()
    for d in dot_dirs:
        if d in seen:
            continue
        seen.add(d)
        files += [d / "opencode.json", d / "opencode.jsonc"]
    files.append(None)
    mdir = managed_dir if managed_dir is not None else _managed_dir(env)
    files += [mdir / "opencode.json", mdir / "opencode.jsonc"]
    # A file reachable two ways (a project dir that is also the global dir) is read once, first place.
    out: list[Path | None] = []
    seen_files: set[Path] = set()
    for f in files:
        if f is not None:
            if f in seen_files:
                continue
            seen_files.add(f)
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------------
# Provider extraction
# ---------------------------------------------------------------------------------------------------

# The AI SDK package a provider uses fixes the wire format it speaks: the catalog's table.
_NPM_FORMATS = NPM_FORMATS
# Built-in providers re-pointed without an `npm` key keep their own SDK.
_BUILTIN_FORMATS: dict[str, ApiFormat | None] = {
    "anthropic": ApiFormat.ANTHROPIC_MESSAGES,
    "openai": ApiFormat.OPENAI_RESPONSES,  # OpenCode calls sdk.responses() for it
    "google": ApiFormat.GEMINI,
    "google-vertex": ApiFormat.GEMINI,
    "google-vertex-anthropic": ApiFormat.ANTHROPIC_MESSAGES,
    "opencode": None,
    "github-copilot": None,
    "azure": None,
    "amazon-bedrock": None,
}
# OpenCode's fallback for a provider with no `npm` (models.dev's default).
_DEFAULT_NPM = "@ai-sdk/openai-compatible"


def _npm_name(npm: str) -> str:
    """ "@ai-sdk/openai@2.0.1" → "@ai-sdk/openai"."""
    at = npm.rfind("@")
    return npm[:at] if at > 0 else npm


def _format_for(provider_id: str, npm: str | None) -> ApiFormat | None:
    if npm is not None:
        return _NPM_FORMATS.get(_npm_name(npm.strip()))
    if provider_id in _BUILTIN_FORMATS:
        return _BUILTIN_FORMATS[provider_id]
    return _NPM_FORMATS[_DEFAULT_NPM]


def _check_url(value: str) -> tuple[str | None, str | None]:
    """(host, problem): the host of an http(s) URL, or why it is not one."""
    if not value.strip():
        return None, "is empty (an unset {env:} variable?)"
    try:
        parts = urlsplit(value.strip())
        host = parts.hostname
    except ValueError as exc:
        return None, f"{value!r} is not a valid URL ({exc})"
    if parts.scheme not in ("http", "https") or not host:
        return None, f"{value!r} is not an http(s) URL"
    return normalize_host(host), None


def _sanitize(label: str, data: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    """Drop, with a warning naming the file, the parts of one file's provider section we cannot use.

    Only the keys that decide routes are checked; everything else is OpenCode's business.
    """
    out = dict(data)
    for key in ("disabled_providers", "enabled_providers"):
        if key in out and not (isinstance(out[key], list) and all(isinstance(x, str) for x in out[key])):
            warnings.append(f"{label}: {key} must be an array of strings, got {_kind(out[key])}; ignored")
            del out[key]
    if "provider" not in out:
        return out
    providers = out["provider"]
    if not isinstance(providers, dict):
        warnings.append(f"{label}: provider must be an object, got {_kind(providers)}; ignored")
        del out["provider"]
        return out
    clean: dict[str, Any] = {}
    for pid, entry in providers.items():
        where = f"{label}: provider.{pid}"
        if not isinstance(entry, dict):
            warnings.append(f"{where} must be an object, got {_kind(entry)}; ignored")
            continue
        entry = dict(entry)
        for key in ("npm", "api"):
            if key in entry and not isinstance(entry[key], str):
                warnings.append(f"{where}.{key} must be a string, got {_kind(entry[key])}; ignored")
                del entry[key]
        if "options" in entry:
            opts = entry["options"]
            if not isinstance(opts, dict):
                warnings.append(f"{where}.options must be an object, got {_kind(opts)}; ignored")
                del entry["options"]
            elif "baseURL" in opts and not isinstance(opts["baseURL"], str):
                warnings.append(f"{where}.options.baseURL must be a string, got {_kind(opts['baseURL'])}; ignored")
                entry["options"] = {k: v for k, v in opts.items() if k != "baseURL"}
        if "models" in entry:
            models = entry["models"]
            if not isinstance(models, dict):
                warnings.append(f"{where}.models must be an object, got {_kind(models)}; ignored")
                del entry["models"]
            else:
                entry["models"] = _sanitize_models(where, models, warnings)
        clean[pid] = entry
    out["provider"] = clean
    return out


def _sanitize_models(where: str, models: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for mid, model in models.items():
        if not isinstance(model, dict):
            # OpenCode would reject it; for routing it simply carries no endpoint.
            warnings.append(f"{where}.models.{mid} must be an object, got {_kind(model)}; ignored")
            continue
        override = model.get("provider")
        if override is not None:
            if not isinstance(override, dict):
                warnings.append(f"{where}.models.{mid}.provider must be an object, got {_kind(override)}; ignored")
                model = {k: v for k, v in model.items() if k != "provider"}
            else:
                bad = [k for k in ("npm", "api") if k in override and not isinstance(override[k], str)]
                for k in bad:
                    warnings.append(
                        f"{where}.models.{mid}.provider.{k} must be a string, got {_kind(override[k])}; ignored"
                    )
                if bad:
                    model = {**model, "provider": {k: v for k, v in override.items() if k not in bad}}
        clean[mid] = model
    return clean


def _note_origins(label: str, data: Mapping[str, Any], origins: dict[tuple[str, ...], str]) -> None:
    """Remember which source last set each URL, so a warning about the merged value can name it."""
    for pid, entry in (data.get("provider") or {}).items():
        if "baseURL" in (entry.get("options") or {}):
            origins[(pid, "baseURL")] = label
        if "api" in entry:
            origins[(pid, "api")] = label
        for mid, model in (entry.get("models") or {}).items():
            if "api" in (model.get("provider") or {}):
                origins[(pid, "models", mid)] = label


def _providers_from(
    config: Mapping[str, Any], origins: Mapping[tuple[str, ...], str], warnings: list[str]
) -> list[CustomProvider]:
    providers = config.get("provider")
    if not isinstance(providers, dict):
        return []
    disabled = set(config.get("disabled_providers") or ())
    enabled = config.get("enabled_providers")
    found: dict[tuple[str, str], CustomProvider] = {}

    def add(pid: str, url: str, npm: str | None, where: str) -> None:
        host, problem = _check_url(url)
        if problem is not None:
            warnings.append(f"{where} {problem}; not routed")
            return
        assert host is not None
        if is_loopback_host(host):
            return  # loopback traffic is never intercepted or modified
        cp = CustomProvider(id=pid, host=host, base_url=url.strip(), api_format=_format_for(pid, npm))
        found.setdefault((cp.id, cp.base_url), cp)

    for pid in sorted(providers):
        entry = providers[pid]
        if pid in disabled or (enabled is not None and pid not in enabled):
            continue
        npm = entry.get("npm")
        opts = entry.get("options") or {}
        # The SDK is created with options.baseURL when set, else with the provider's `api` URL.
        key = "baseURL" if isinstance(opts, dict) and "baseURL" in opts else "api"
        url = opts.get("baseURL") if key == "baseURL" else entry.get("api")
        if url is not None:
            where = f"provider.{pid}.options.baseURL" if key == "baseURL" else f"provider.{pid}.api"
            add(pid, url, npm, f"{origins.get((pid, key), '?')}: {where}")
        for mid in sorted(entry.get("models") or {}):
            override = (entry["models"][mid] or {}).get("provider") or {}
            if "api" in override:
                add(
                    f"{pid}/{mid}",
                    override["api"],
                    override.get("npm", npm),
                    f"{origins.get((pid, 'models', mid), '?')}: provider.{pid}.models.{mid}.provider.api",
                )
    return list(found.values())


# ---------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------


def _load_source(
    label: str, text: str, base_dir: Path | None, env: Mapping[str, str], warnings: list[str]
) -> dict[str, Any] | None:
    try:
        text = _substitute(text, env, base_dir, _home(env))
    except ValueError as exc:
        warnings.append(f"{label}: {exc}; file ignored")
        return None
    if not text.strip():
        return None  # OpenCode treats an empty file as an empty config
    try:
        data = _parse_jsonc(text)
    except (ValueError, RecursionError) as exc:
        warnings.append(f"{label}: not valid JSONC ({exc}); file ignored")
        return None
    if not isinstance(data, dict):
        warnings.append(f"{label}: the top level must be an object, got {_kind(data)}; file ignored")
        return None
    return _sanitize(label, data, warnings)


def discover_custom_providers(
    env: Mapping[str, str], cwd: Path, *, managed_dir: Path | None = None
) -> tuple[list[CustomProvider], list[str]]:
    """Custom LLM endpoints from OpenCode's merged config, and warnings about anything unusable.

    A provider's `options.baseURL` (else its `api` URL, and per-model `provider.api` overrides) gives
    the host; its `npm` package gives the format (@ai-sdk/openai-compatible → openai-chat,
    @ai-sdk/openai → openai-responses, @ai-sdk/anthropic → anthropic-messages, @ai-sdk/google → gemini,
    any other package → None, i.e. by path). Loopback base URLs are left out: loopback stays untouched.
    Broken files, bad JSONC, wrong types: a warning naming the file and the problem, never an exception.
    `managed_dir` overrides the admin directory (tests); by default OpenCode's platform path.
    """
    warnings: list[str] = []
    cwd = Path(os.path.abspath(cwd))
    merged: dict[str, Any] = {}
    origins: dict[tuple[str, ...], str] = {}

    def absorb(label: str, text: str, base_dir: Path) -> None:
        nonlocal merged
        data = _load_source(label, text, base_dir, env, warnings)
        if data is not None:
            _note_origins(label, data, origins)
            merged = _deep_merge(merged, data)

    for path in _config_files(env, cwd, managed_dir):
        if path is None:
            inline = env.get("OPENCODE_CONFIG_CONTENT")
            if inline:
                absorb("OPENCODE_CONFIG_CONTENT", inline, cwd)
            continue
        explicit = env.get("OPENCODE_CONFIG") == str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if explicit:
                warnings.append(f"{path}: named by OPENCODE_CONFIG but does not exist")
            continue
        except IsADirectoryError:
            warnings.append(f"{path}: is a directory, not a config file; ignored")
            continue
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{path}: cannot be read ({_os_reason(exc)}); file ignored")
            continue
        absorb(str(path), text, path.parent)
    return _providers_from(merged, origins, warnings), warnings
