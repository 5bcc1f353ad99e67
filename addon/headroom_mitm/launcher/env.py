"""The environment a launched agent runs with: our proxy, our CA, loopback kept out of the proxy."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping
from urllib.parse import quote

from headroom_certs.roots import TRUST_VARS

# 127.0.0.1 is listed beside the CIDR: Bun and older curl match NO_PROXY entries as names and
# suffixes, not as address ranges.
LOOPBACK_NO_PROXY = ("localhost", "127.0.0.1", "127.0.0.0/8", "::1")
PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")


def proxy_url(host: str, port: int, user: str, password: str) -> str:
    host_part = f"[{host}]" if ":" in host else host
    return f"http://{quote(user, safe='')}:{quote(password, safe='')}@{host_part}:{port}"


def merge_no_proxy(*existing: str | None) -> str:
    """The user's NO_PROXY entries (both spellings), then the loopback entries, without repeats."""
    entries: list[str] = []
    for value in existing:
        for item in (value or "").split(","):
            item = item.strip()
            if item and item not in entries:
                entries.append(item)
    entries += [item for item in LOOPBACK_NO_PROXY if item not in entries]
    return ",".join(entries)


def agent_env(
    base: Mapping[str, str],
    *,
    proxy: str,
    ca_bundle: Path,
    trust_bundle: Path | None = None,
    config_content: str | None = None,
) -> dict[str, str]:
    """`base` with the proxy variables set; everything else is passed through as it was.

    `ca_bundle` (the user's NODE_EXTRA_CA_CERTS + our CA) adds to Node's roots; `trust_bundle` (all the
    roots + our CA) is for the runtimes whose variable replaces their store: Python, curl, git, Codex.
    """
    env = dict(base)
    for name in PROXY_VARS:
        env[name] = proxy
    no_proxy = merge_no_proxy(base.get("NO_PROXY"), base.get("no_proxy"))
    env["NO_PROXY"] = env["no_proxy"] = no_proxy
    env["NODE_EXTRA_CA_CERTS"] = str(ca_bundle)
    if trust_bundle is not None:
        for name in TRUST_VARS:
            env[name] = str(trust_bundle)
    if config_content is not None:
        env["OPENCODE_CONFIG_CONTENT"] = config_content
    return env


def opencode_tool_output_dir(env: Mapping[str, str]) -> Path | None:
    """Where OpenCode run with `env` saves the whole of the outputs it truncates."""
    data = env.get("XDG_DATA_HOME") or (env.get("HOME") and os.path.join(env["HOME"], ".local", "share"))
    if not data or not os.path.isabs(data):
        return None
    return Path(data) / "opencode" / "tool-output"


def isolated_home(home: Path) -> dict[str, str]:
    """Variables that keep an OpenCode run in `home`: its config, data, cache and state, no updates.

    For the demo and for tests: OpenCode writes under $HOME and the XDG directories on every run.
    """
    return {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "OPENCODE_DISABLE_MODELS_FETCH": "1",
        "OPENCODE_DISABLE_AUTOUPDATE": "1",
    }
