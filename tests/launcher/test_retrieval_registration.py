"""The launcher registers the headroom_retrieve MCP server for OpenCode, merged with the user's config."""

import json
import os
import subprocess
import sys
from pathlib import Path

from headroom_mitm.launcher.app import retrieval_mcp_config
from headroom_mitm.launcher.opencode_mcp import merge_config_content
from headroom_mitm.launcher.settings import GlobalOptions


def test_registration_is_merged_with_the_users_config(tmp_path):
    options = GlobalOptions(state_dir=tmp_path)
    user = '{"theme": "x", // a comment\n "mcp": {"mine": {"type": "remote", "url": "https://mcp.example/x"}},}'
    merged = json.loads(merge_config_content(user, retrieval_mcp_config(options)))
    assert merged["theme"] == "x"
    assert merged["mcp"]["mine"]["url"] == "https://mcp.example/x"
    ours = merged["mcp"]["headroom"]
    assert ours["type"] == "local" and ours["enabled"] is True
    assert ours["command"][-3:] == ["--state-dir", str(tmp_path), "mcp"]


def test_a_malformed_user_value_is_a_clear_error_not_a_silent_drop(tmp_path):
    env = dict(os.environ, OPENCODE_CONFIG_CONTENT='{"mcp": {"x": {"type": "local"}}', TMPDIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "s"), "--opencode-bin", "/bin/true", "opencode"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "OPENCODE_CONFIG_CONTENT" in result.stderr
    assert not list(Path(tmp_path).glob("headroom-mitm-*"))


def test_no_compress_does_not_register_the_server(tmp_path):
    script = "import os; print(os.environ.get('OPENCODE_CONFIG_CONTENT', 'unset'))"
    probe = tmp_path / "probe.sh"
    probe.write_text(f"#!/bin/sh\nexec {sys.executable} -c \"{script}\"\n")
    probe.chmod(0o755)
    base = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "s"), "--opencode-bin", str(probe)]
    env = {k: v for k, v in os.environ.items() if k != "OPENCODE_CONFIG_CONTENT"} | {"TMPDIR": str(tmp_path)}
    registered = subprocess.run([*base, "opencode"], env=env, capture_output=True, text=True, timeout=60)
    assert '"headroom"' in registered.stdout
    plain = subprocess.run([*base[:-2], "--no-compress", "--opencode-bin", str(probe), "opencode"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert plain.stdout.strip() == "unset"


def test_the_launchers_own_server_passes_opencodes_schema(tmp_path):
    # What lets run_agent merge it with addition_checked=True (without validating it each launch).
    from headroom_mitm.launcher.opencode_mcp_schema import McpLocal, validate_mcp_section

    for options in (GlobalOptions(state_dir=tmp_path),
                    GlobalOptions(state_dir=tmp_path, store="redis://127.0.0.1:6379/0", store_days=2.0)):
        servers = validate_mcp_section(retrieval_mcp_config(options)["mcp"])
        assert all(isinstance(server, McpLocal) for server in servers.values())


def test_a_checked_addition_validates_only_the_users_servers():
    ours = {"mcp": {"headroom": {"type": "local", "command": ["x"], "cwd": "/"}}}  # invalid: never checked
    assert json.loads(merge_config_content(None, ours, addition_checked=True))["mcp"] == ours["mcp"]
    user = '{"mcp": {"mine": {"type": "remote"}}}'
    try:
        merge_config_content(user, ours, addition_checked=True)
    except ValueError as exc:
        assert "mcp.mine.url" in str(exc)
    else:
        raise AssertionError("the user's invalid server was not refused")


def test_merging_the_launchers_server_alone_does_not_load_the_schema():
    code = ("import sys; from headroom_mitm.launcher.opencode_mcp import merge_config_content; "
            "merge_config_content('{\"theme\": \"x\"}', {'mcp': {'h': {'type': 'local', 'command': ['x']}}}, "
            "addition_checked=True); print('pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
