from pathlib import Path

import pytest

from headroom_mitm.launcher.env import agent_env, merge_no_proxy, proxy_url
from headroom_mitm.launcher.child import LaunchError, exit_code, resolve_opencode


def test_no_proxy_keeps_the_users_entries_and_adds_loopback():
    merged = merge_no_proxy("corp.internal, .svc", "localhost,example.org")
    assert merged.split(",") == ["corp.internal", ".svc", "localhost", "example.org", "127.0.0.1", "127.0.0.0/8", "::1"]


def test_no_proxy_without_user_value():
    assert merge_no_proxy(None, "") == "localhost,127.0.0.1,127.0.0.0/8,::1"


def test_proxy_url_quotes_credentials():
    assert proxy_url("127.0.0.1", 8080, "u", "p@ss:/x") == "http://u:p%40ss%3A%2Fx@127.0.0.1:8080"
    assert proxy_url("::1", 1, "u", "p") == "http://u:p@[::1]:1"


def test_agent_env_sets_proxy_and_ca_and_passes_the_rest_through(tmp_path: Path):
    base = {"PATH": "/bin", "NO_PROXY": "corp", "OPENCODE_CONFIG_CONTENT": '{"theme":"x"}', "HTTP_PROXY": "http://old"}
    env = agent_env(base, proxy="http://u:p@127.0.0.1:1", ca_bundle=tmp_path / "b.pem")
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        assert env[name] == "http://u:p@127.0.0.1:1"
    assert env["NO_PROXY"] == env["no_proxy"] == "corp,localhost,127.0.0.1,127.0.0.0/8,::1"
    assert env["NODE_EXTRA_CA_CERTS"] == str(tmp_path / "b.pem")
    assert env["OPENCODE_CONFIG_CONTENT"] == '{"theme":"x"}'  # passed through untouched
    assert env["PATH"] == "/bin"
    assert base["HTTP_PROXY"] == "http://old"  # the caller's mapping is not modified


def test_agent_env_sets_config_content_when_given(tmp_path: Path):
    env = agent_env({}, proxy="http://x", ca_bundle=tmp_path, config_content='{"mcp":{}}')
    assert env["OPENCODE_CONFIG_CONTENT"] == '{"mcp":{}}'


def test_exit_code_of_a_signalled_child():
    assert exit_code(0) == 0 and exit_code(3) == 3 and exit_code(-15) == 143


def test_resolve_opencode_order(tmp_path: Path):
    binary = tmp_path / "oc"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert resolve_opencode(str(binary), {}) == str(binary)
    assert resolve_opencode(None, {"OPENCODE_BIN": str(binary)}) == str(binary)
    (tmp_path / "opencode").symlink_to(binary)
    assert resolve_opencode(None, {"PATH": str(tmp_path)}) == str(tmp_path / "opencode")


def test_resolve_opencode_missing_says_how_to_install(tmp_path: Path):
    with pytest.raises(LaunchError, match="npm install -g opencode-ai@"):
        resolve_opencode(None, {"PATH": str(tmp_path)})
    with pytest.raises(LaunchError, match="OPENCODE_BIN"):
        resolve_opencode(None, {"OPENCODE_BIN": str(tmp_path / "nope"), "PATH": ""})


def test_opencode_s_tool_output_dir_follows_its_environment(tmp_path):
    from headroom_mitm.launcher.app import reading_opencode_outputs
    from headroom_mitm.launcher.env import opencode_tool_output_dir
    from headroom_mitm.launcher.settings import GlobalOptions

    assert opencode_tool_output_dir({"XDG_DATA_HOME": "/d", "HOME": "/h"}) == Path("/d/opencode/tool-output")
    assert opencode_tool_output_dir({"HOME": "/h"}) == Path("/h/.local/share/opencode/tool-output")
    assert opencode_tool_output_dir({"XDG_DATA_HOME": "relative"}) is None and opencode_tool_output_dir({}) is None
    options = reading_opencode_outputs(GlobalOptions(state_dir=tmp_path, tool_output_dirs=(Path("/srv/out"),)), {"HOME": "/h"})
    assert options.tool_output_dirs == (Path("/srv/out"), Path("/h/.local/share/opencode/tool-output"))
    assert options.mitm_options()["headroom_tool_output_dirs"] == ["/srv/out", "/h/.local/share/opencode/tool-output"]
