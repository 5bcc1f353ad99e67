"""The named launchers (`headroom-mitm claude|codex|gemini …`): one table, one launch path.

Each agent gets the `headroom_retrieve` MCP server in its own way, without touching the user's files:
  Claude Code  `--mcp-config=<inline JSON>` (plus the tool allowed: `-p` mode denies tools it would ask about)
  Codex        `-c mcp_servers.headroom.command=…` / `args=…` overrides (TOML values)
  Gemini CLI   a system-settings overlay: GEMINI_CLI_SYSTEM_SETTINGS_PATH names a file we write, holding
               the user's own system settings (if they named one) plus our server. Gemini CLI skips such a
               file when any directory above it is writable by others (/tmp is): see private_dir.
The tool name each sends ends in `headroom_retrieve` (Claude: `mcp__headroom__headroom_retrieve`), which
is what lets the proxy compress lossily.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping

from .errors import LaunchError

if TYPE_CHECKING:
    from .settings import GlobalOptions
from ..facts import MCP_SERVER_NAME as SERVER_NAME, RETRIEVE_TOOL as TOOL_NAME


@dataclass(frozen=True)
class Launch:
    """What the agent is started with: argv and the variables to add to its environment."""

    argv: list[str]
    env: dict[str, str]


# (binary, user arguments, our MCP command, the launch environment, a private dir of ours) → Launch
Register = Callable[[str, list[str], list[str], Mapping[str, str], Path], Launch]


def _claude(binary: str, args: list[str], mcp: list[str], env: Mapping[str, str], scratch: Path) -> Launch:
    server = {"type": "stdio", "command": mcp[0], "args": mcp[1:]}
    # `--opt=value`: both options are variadic, and a separate value would swallow the user's prompt.
    ours = [f"--mcp-config={json.dumps({'mcpServers': {SERVER_NAME: server}})}",
            f"--allowedTools=mcp__{SERVER_NAME}__{TOOL_NAME}"]
    # Claude Code defers MCP tools behind its ToolSearch tool, so ours would be missing from the
    # request's tool list and the proxy would stay lossless; the user's own setting wins.
    extra = {} if "ENABLE_TOOL_SEARCH" in env else {"ENABLE_TOOL_SEARCH": "false"}
    return Launch([binary, *ours, *args], extra)


def _codex(binary: str, args: list[str], mcp: list[str], env: Mapping[str, str], scratch: Path) -> Launch:
    # `-c key=value` parses value as TOML; JSON strings and string arrays are valid TOML.
    key = f"mcp_servers.{SERVER_NAME}"
    # required: Codex waits for the server before its first request instead of racing it (the tool
    # would be missing from early requests, which then stay lossless); --no-compress registers nothing.
    ours = ["-c", f"{key}.command={json.dumps(mcp[0])}", "-c", f"{key}.args={json.dumps(mcp[1:])}",
            "-c", f"{key}.required=true"]
    return Launch([binary, *ours, *args], {})


GEMINI_SYSTEM_SETTINGS = "GEMINI_CLI_SYSTEM_SETTINGS_PATH"


def _gemini(binary: str, args: list[str], mcp: list[str], env: Mapping[str, str], scratch: Path) -> Launch:
    settings: dict[str, object] = {}
    theirs = env.get(GEMINI_SYSTEM_SETTINGS)
    if theirs:
        try:
            loaded = json.loads(Path(theirs).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LaunchError(f"{GEMINI_SYSTEM_SETTINGS}={theirs} could not be read as JSON: {exc}") from None
        if isinstance(loaded, dict):
            settings = loaded
    servers = dict(settings.get("mcpServers") or {})  # type: ignore[call-overload]
    servers[SERVER_NAME] = {"command": mcp[0], "args": mcp[1:], "trust": True}  # trust: no prompt for a read-only tool
    insecure = _writable_by_others(scratch)
    if insecure is not None:
        print(f"headroom-mitm: Gemini CLI will ignore the headroom_retrieve registration: {insecure} is writable by "
              "others; choose a --state-dir below private directories", file=sys.stderr)
    overlay = scratch / "gemini-system-settings.json"
    fd = os.open(overlay, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({**settings, "mcpServers": servers}, out)
    return Launch([binary, *args], {GEMINI_SYSTEM_SETTINGS: str(overlay)})


def private_dir(state_root: Path, env: Mapping[str, str]) -> Path:
    """Where our files for an agent go (Gemini's settings overlay): the state dir, unless a directory
    above it is writable by others (a --state-dir under /tmp), which Gemini CLI refuses; then the
    user's cache directory, if that one is private."""
    candidates = [state_root / "agents"]
    cache = env.get("XDG_CACHE_HOME") or (str(Path(env["HOME"]) / ".cache") if env.get("HOME") else None)
    if cache:
        candidates.append(Path(cache) / "headroom-mitm" / "agents")
    for directory in candidates:
        if _writable_by_others(directory.parent) is None:
            break
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def _writable_by_others(directory: Path) -> Path | None:
    for ancestor in (directory, *directory.resolve().parents):
        try:
            if ancestor.stat().st_mode & 0o022:
                return ancestor
        except FileNotFoundError:
            continue  # made later, privately
        except OSError:
            return ancestor
    return None


@dataclass(frozen=True)
class Agent:
    command: str  # the subcommand, the binary's name and the --X-bin option's stem
    title: str
    package: str  # the npm package and the version we test against
    register: Register

    @property
    def env_var(self) -> str:
        return f"{self.command.upper()}_BIN"

    def install_hint(self) -> str:
        return (f"{self.title} was not found on PATH. Install it with\n  npm install -g {self.package}\n"
                f"or point headroom-mitm at a binary with --{self.command}-bin PATH or {self.env_var}=PATH.")


AGENTS: dict[str, Agent] = {
    agent.command: agent
    for agent in (
        Agent("claude", "Claude Code", "@anthropic-ai/claude-code@2.1.332", _claude),
        Agent("codex", "Codex CLI", "@openai/codex@0.171.0", _codex),
        Agent("gemini", "Gemini CLI", "@google/gemini-cli@0.61.0", _gemini),
    )
}


def resolve_binary(agent: Agent, explicit: str | None, env: Mapping[str, str]) -> str:
    """--X-bin, else $X_BIN, else X on PATH; LaunchError with an install hint otherwise."""
    candidate = explicit or env.get(agent.env_var)
    if candidate:
        path = Path(candidate).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        found = shutil.which(candidate, path=env.get("PATH"))
        if found:
            return found
        source = f"--{agent.command}-bin" if explicit else agent.env_var
        raise LaunchError(f"{source}={candidate} is not an executable file")
    found = shutil.which(agent.command, path=env.get("PATH"))
    if found:
        return found
    raise LaunchError(agent.install_hint())


def mcp_command(options: GlobalOptions) -> list[str]:
    """How an agent starts our stdio retrieval server: this Python, this state dir and store."""
    from ..options import BY_NAME

    store = ["--store", options.store] if options.store else []
    if options.store_days != BY_NAME["store_days"].default:
        store += ["--store-days", str(options.store_days)]
    return [sys.executable, "-m", "headroom_mitm", *store, "--state-dir", str(options.state_dir), "mcp"]
