"""The named launchers' table: binary lookup and retrieval registered each agent's own way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from headroom_mitm.launcher.agents import AGENTS, GEMINI_SYSTEM_SETTINGS, mcp_command, resolve_binary
from headroom_mitm.launcher.child import LaunchError
from headroom_mitm.launcher.cli import build_parser, split_passthrough

MCP = ["/py", "-m", "headroom_mitm", "--state-dir", "/s", "mcp"]


def test_claude_gets_inline_mcp_config_before_the_users_arguments(tmp_path):
    launch = AGENTS["claude"].register("claude", ["-p", "hi", "--model", "x"], MCP, {}, tmp_path)
    assert launch.argv[-4:] == ["-p", "hi", "--model", "x"]  # verbatim, last
    config = json.loads(launch.argv[1].removeprefix("--mcp-config="))
    assert config == {"mcpServers": {"headroom": {"type": "stdio", "command": "/py", "args": MCP[1:]}}}
    assert launch.argv[2] == "--allowedTools=mcp__headroom__headroom_retrieve"
    assert launch.env == {"ENABLE_TOOL_SEARCH": "false"}  # else Claude defers MCP tools out of the tool list
    assert AGENTS["claude"].register("claude", [], MCP, {"ENABLE_TOOL_SEARCH": "auto"}, tmp_path).env == {}


def test_codex_gets_config_overrides_as_toml_values(tmp_path):
    launch = AGENTS["codex"].register("codex", ["exec", "hi"], MCP, {}, tmp_path)
    assert launch.argv == ["codex", "-c", 'mcp_servers.headroom.command="/py"',
                           "-c", f"mcp_servers.headroom.args={json.dumps(MCP[1:])}",
                           "-c", "mcp_servers.headroom.required=true", "exec", "hi"]
    assert launch.env == {}


def test_gemini_gets_a_system_settings_overlay_that_keeps_the_users(tmp_path, capsys):
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps({"mcpServers": {"mine": {"command": "x"}}, "ui": {"theme": "dark"}}))
    launch = AGENTS["gemini"].register("gemini", ["-p", "hi"], MCP, {GEMINI_SYSTEM_SETTINGS: str(theirs)}, tmp_path)
    assert launch.argv == ["gemini", "-p", "hi"]
    overlay = Path(launch.env[GEMINI_SYSTEM_SETTINGS])
    assert overlay.parent == tmp_path and overlay.stat().st_mode & 0o777 == 0o600
    settings = json.loads(overlay.read_text())
    assert settings["ui"] == {"theme": "dark"} and settings["mcpServers"]["mine"] == {"command": "x"}
    assert settings["mcpServers"]["headroom"] == {"command": "/py", "args": MCP[1:], "trust": True}
    assert json.loads(theirs.read_text())["mcpServers"] == {"mine": {"command": "x"}}  # untouched
    # tmp_path lies below /tmp, which others can write to: Gemini CLI would skip the file, and we say so
    assert "Gemini CLI will ignore" in capsys.readouterr().err


def test_binary_lookup_order_and_install_hint(tmp_path):
    binary = tmp_path / "cc"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    agent = AGENTS["claude"]
    assert resolve_binary(agent, str(binary), {}) == str(binary)
    assert resolve_binary(agent, None, {"CLAUDE_BIN": str(binary)}) == str(binary)
    (tmp_path / "claude").symlink_to(binary)
    assert resolve_binary(agent, None, {"PATH": str(tmp_path)}) == str(tmp_path / "claude")
    with pytest.raises(LaunchError, match=r"(?s)npm install -g @anthropic-ai/claude-code@2\.1\.\d+.*--claude-bin"):
        resolve_binary(agent, None, {"PATH": str(tmp_path / "empty")})
    with pytest.raises(LaunchError, match="CODEX_BIN="):
        resolve_binary(AGENTS["codex"], None, {"CODEX_BIN": str(tmp_path / "nope"), "PATH": ""})


@pytest.mark.parametrize("agent", ["claude", "codex", "gemini"])
def test_everything_after_the_agent_is_its_own(agent):
    ours, rest = split_passthrough(build_parser(), ["--no-compress", agent, "--version", "-p", "--help"])
    assert ours == ["--no-compress", agent] and rest == ["--version", "-p", "--help"]


def test_the_mcp_command_names_this_state_dir_and_store(tmp_path):
    from headroom_mitm.launcher.settings import GlobalOptions

    assert mcp_command(GlobalOptions.from_cli(str(tmp_path)))[-4:] == ["headroom_mitm", "--state-dir", str(tmp_path), "mcp"]
    shared = mcp_command(GlobalOptions.from_cli(str(tmp_path), store="redis://127.0.0.1:6379/0", store_days=2.0))
    assert shared[-7:] == ["--store", "redis://127.0.0.1:6379/0", "--store-days", "2.0", "--state-dir", str(tmp_path), "mcp"]


def test_agent_files_leave_a_state_dir_others_can_write_above_for_the_private_cache(tmp_path, monkeypatch):
    from headroom_mitm.launcher import agents

    shared, home = tmp_path / "shared" / "state", tmp_path / "home"
    # /tmp itself is world-writable: judge only the directories below tmp_path here.
    monkeypatch.setattr(agents, "_writable_by_others",
                        lambda d: d if "shared" in str(d) else None)
    chosen = agents.private_dir(shared, {"HOME": str(home)})
    assert chosen == home / ".cache" / "headroom-mitm" / "agents" and chosen.is_dir()
    assert agents.private_dir(tmp_path / "mine", {"HOME": str(home)}) == tmp_path / "mine" / "agents"
    assert agents.private_dir(tmp_path / "mine", {"XDG_CACHE_HOME": str(tmp_path / "c")}) == tmp_path / "mine" / "agents"
