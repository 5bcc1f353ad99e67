import pytest

from headroom_mitm.launcher.cli import build_parser, main, split_passthrough
from headroom_mitm.forward.upstream import add_hop_marker, has_hop_marker, parse_route, parse_routes


@pytest.mark.parametrize(
    "argv, ours, theirs",
    [
        (["opencode"], ["opencode"], []),
        (["opencode", "run", "--help", "-m", "x/y"], ["opencode"], ["run", "--help", "-m", "x/y"]),
        (["--route", "opencode", "opencode", "--version"], ["--route", "opencode", "opencode"], ["--version"]),
        (["--state-dir=/s", "opencode", "serve", "--port", "0"], ["--state-dir=/s", "opencode"], ["serve", "--port", "0"]),
        (["run", "--", "curl", "-v"], ["run"], ["--", "curl", "-v"]),
        (["proxy", "--listen", "127.0.0.1:0"], ["proxy", "--listen", "127.0.0.1:0"], None),
    ],
)
def test_everything_after_the_wrapped_command_is_passed_verbatim(argv, ours, theirs):
    assert split_passthrough(build_parser(), argv) == (ours, theirs)


def test_parse_route():
    host, target = parse_route("API.Anthropic.com.=http://127.0.0.1:18080/prefix/")
    assert host == "api.anthropic.com"
    assert (target.scheme, target.host, target.port, target.path_prefix) == ("http", "127.0.0.1", 18080, "/prefix")
    assert target.rewrite_path("/v1/messages") == "/prefix/v1/messages"
    assert parse_route("h=https://gw.example")[1].port == 443


@pytest.mark.parametrize("spec", ["nohost", "=http://x", "h=ftp://x", "h:443=http://x", "h=http://x:99999", "h=http://u:p@x"])
def test_parse_route_rejects_bad_specs_with_the_spec_named(spec):
    with pytest.raises(ValueError, match="--route"):
        parse_route(spec)


def test_conflicting_routes_are_rejected():
    with pytest.raises(ValueError, match="twice"):
        parse_routes(["h=http://a", "h=http://b"])


def test_hop_marker():
    assert add_hop_marker(None, "HTTP/1.1") == "1.1 headroom-mitm"
    assert add_hop_marker("1.1 corp-proxy", "HTTP/2.0") == "1.1 corp-proxy, 2.0 headroom-mitm"
    assert has_hop_marker("1.1 corp, 1.1 headroom-mitm")
    assert not has_hop_marker("1.1 corp") and not has_hop_marker(None)


def test_bad_route_is_a_clear_usage_error(capsys):
    assert main(["--route", "bad", "proxy"]) == 2
    assert "--route 'bad'" in capsys.readouterr().err


def test_run_without_a_command_is_an_error(capsys, tmp_path):
    assert main(["--state-dir", str(tmp_path), "run", "--"]) == 2
    assert "run needs a command" in capsys.readouterr().err


def test_a_relative_tool_output_dir_is_a_clear_usage_error(capsys, tmp_path):
    assert main(["--state-dir", str(tmp_path), "--tool-output-dir", "rel/dir", "proxy"]) == 2
    assert "--tool-output-dir rel/dir: must be an absolute path" in capsys.readouterr().err


def test_records_rotation_flags_reach_the_meter_options(tmp_path):
    from headroom_mitm.launcher.settings import GlobalOptions

    options = GlobalOptions(state_dir=tmp_path, records_max_mb=2, records_keep=7).mitm_options()
    assert (options["headroom_records_max_bytes"], options["headroom_records_keep"]) == (2 << 20, 7)


def test_a_negative_records_keep_is_a_usage_error(capsys, tmp_path):
    assert main(["--state-dir", str(tmp_path), "--records-keep", "-1", "proxy"]) == 2
    assert "records" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--web", "proxy"], ["proxy", "--web"]])
def test_web_is_accepted_before_or_after_proxy(argv, tmp_path, monkeypatch):
    from headroom_mitm.launcher import commands

    seen = {}
    monkeypatch.setattr(commands, "proxy", lambda options, **kw: seen.setdefault("web", options.web) and 0)
    assert main(["--state-dir", str(tmp_path), *argv]) == 0
    assert seen["web"] is True


def test_store_flags_reach_the_compress_options_and_the_local_mcp_server(tmp_path):
    from headroom_mitm.launcher.app import retrieval_mcp_config
    from headroom_mitm.launcher.settings import GlobalOptions

    default = GlobalOptions(state_dir=tmp_path).mitm_options()
    assert default["headroom_store"] == str(tmp_path / "originals.sqlite") and default["headroom_store_days"] == 7
    options = GlobalOptions(state_dir=tmp_path, store="redis://127.0.0.1:6390/2", store_days=2.5)
    assert (options.mitm_options()["headroom_store"], options.mitm_options()["headroom_store_days"]) == (
        "redis://127.0.0.1:6390/2", 2.5)
    command = retrieval_mcp_config(options)["mcp"]["headroom"]["command"]
    assert command[command.index("--store") + 1] == "redis://127.0.0.1:6390/2" and "2.5" in command


@pytest.mark.parametrize("argv,message", [
    (["--store", "/tmp/other.sqlite", "proxy"], "--store: expected redis://"),
    (["--store-days", "0", "proxy"], "store"),
])
def test_a_bad_store_is_a_usage_error(argv, message, capsys, tmp_path):
    assert main(["--state-dir", str(tmp_path), *argv]) == 2
    assert message in capsys.readouterr().err
