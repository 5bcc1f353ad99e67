"""Reading OpenCode's config (custom providers) and merging our MCP entry into OPENCODE_CONFIG_CONTENT."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from headroom_mitm.launcher.opencode_config import discover_custom_providers
from headroom_mitm.launcher.opencode_mcp import merge_config_content
from headroom_mitm.launcher.opencode_mcp_schema import McpLocal, McpRemote, McpToggle, validate_mcp_section
from headroom_mitm.route.routing import ApiFormat, CustomProvider, FlowClass, Router
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

F = ApiFormat


class Layout:
    """An isolated HOME / XDG / managed dir / git project under tmp_path."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.home = tmp / "home"
        self.xdg = tmp / "xdg"
        self.gdir = self.xdg / "opencode"
        self.managed = tmp / "managed"
        self.repo = self.home / "repo"
        self.cwd = self.repo / "pkg" / "sub"
        for d in (self.gdir, self.managed, self.cwd, self.repo / ".git"):
            d.mkdir(parents=True)
        self.env: dict[str, str] = {"HOME": str(self.home), "XDG_CONFIG_HOME": str(self.xdg)}

    def discover(self, **env: str) -> tuple[list[CustomProvider], list[str]]:
        return discover_custom_providers({**self.env, **env}, self.cwd, managed_dir=self.managed)


def provider(pid: str, url: str, npm: str | None = None) -> str:
    entry: dict[str, Any] = {"options": {"baseURL": url}}
    if npm:
        entry["npm"] = npm
    return json.dumps({"provider": {pid: entry}})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def only(providers: list[CustomProvider]) -> CustomProvider:
    assert len(providers) == 1, providers
    return providers[0]


@pytest.fixture
def lay(tmp_path: Path) -> Layout:
    return Layout(tmp_path)


# -- basics ------------------------------------------------------------------------------------------


def test_nothing_configured(lay: Layout) -> None:
    assert lay.discover() == ([], [])


def test_custom_openai_compatible_provider(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", provider("fake", "https://LLM.corp.example/v1", "@ai-sdk/openai-compatible"))
    providers, warnings = lay.discover()
    assert providers == [CustomProvider("fake", "llm.corp.example", "https://LLM.corp.example/v1", F.OPENAI_CHAT)]
    assert warnings == []


@pytest.mark.parametrize(
    ("pid", "npm", "fmt"),
    [
        ("p", "@ai-sdk/openai-compatible", F.OPENAI_CHAT),
        ("p", "@ai-sdk/openai", F.OPENAI_RESPONSES),
        ("p", "@ai-sdk/anthropic", F.ANTHROPIC_MESSAGES),
        ("p", "@ai-sdk/google", F.GEMINI),
        ("p", "@ai-sdk/anthropic@2.0.1", F.ANTHROPIC_MESSAGES),
        ("p", "@ai-sdk/mistral", F.OPENAI_CHAT),  # wrappers of Chat Completions (the catalog's table)
        ("p", "@openrouter/ai-sdk-provider", F.OPENAI_CHAT),
        ("p", "@ai-sdk/amazon-bedrock", None),  # Converse: none of our formats
        ("p", "@ai-sdk/cohere", None),
        ("p", None, F.OPENAI_CHAT),  # OpenCode's default package
        ("anthropic", None, F.ANTHROPIC_MESSAGES),  # a re-pointed built-in keeps its SDK
        ("openai", None, F.OPENAI_RESPONSES),
        ("google", None, F.GEMINI),
    ],
)
def test_format_from_npm_package(lay: Layout, pid: str, npm: str | None, fmt: ApiFormat | None) -> None:
    write(lay.gdir / "opencode.json", provider(pid, "https://gw.example/v1", npm))
    assert only(lay.discover()[0]).api_format == fmt


def test_api_field_and_per_model_override(lay: Layout) -> None:
    cfg = {
        "provider": {
            "corp": {
                "npm": "@ai-sdk/openai-compatible",
                "api": "https://api.corp.example/v1",
                "models": {
                    "claude": {"provider": {"npm": "@ai-sdk/anthropic", "api": "https://claude.corp.example"}},
                    "plain": {},
                },
            }
        }
    }
    write(lay.gdir / "opencode.json", json.dumps(cfg))
    providers, warnings = lay.discover()
    assert warnings == []
    assert providers == [
        CustomProvider("corp", "api.corp.example", "https://api.corp.example/v1", F.OPENAI_CHAT),
        CustomProvider("corp/claude", "claude.corp.example", "https://claude.corp.example", F.ANTHROPIC_MESSAGES),
    ]


def test_base_url_wins_over_api_field(lay: Layout) -> None:
    cfg = {"provider": {"x": {"api": "https://a.example", "options": {"baseURL": "https://b.example/v1"}}}}
    write(lay.gdir / "opencode.json", json.dumps(cfg))
    assert only(lay.discover()[0]).host == "b.example"


@pytest.mark.parametrize(
    "url", ["http://localhost:11434/v1", "http://127.0.0.1:8080", "http://[::1]:4000/v1", "http://ollama.localhost/v1"]
)
def test_loopback_base_urls_are_not_routes(lay: Layout, url: str) -> None:
    write(lay.gdir / "opencode.json", provider("local", url))
    assert lay.discover() == ([], [])


def test_disabled_and_enabled_providers(lay: Layout) -> None:
    cfg = {
        "provider": {
            "a": {"options": {"baseURL": "https://a.example"}},
            "b": {"options": {"baseURL": "https://b.example"}},
            "c": {"options": {"baseURL": "https://c.example"}},
        },
        "disabled_providers": ["a"],
    }
    write(lay.gdir / "opencode.json", json.dumps(cfg))
    assert [p.id for p in lay.discover()[0]] == ["b", "c"]
    write(lay.gdir / "opencode.jsonc", json.dumps({"enabled_providers": ["c"]}))
    assert [p.id for p in lay.discover()[0]] == ["c"]


def test_jsonc_comments_and_trailing_commas(lay: Layout) -> None:
    text = """{
      // a comment
      "provider": {
        /* block */ "fake": {"npm": "@ai-sdk/anthropic", "options": {"baseURL": "https://gw.example/anthropic",},},
      },
    }"""
    write(lay.gdir / "opencode.jsonc", text)
    assert lay.discover() == (
        [CustomProvider("fake", "gw.example", "https://gw.example/anthropic", F.ANTHROPIC_MESSAGES)],
        [],
    )


def test_env_and_file_substitution(lay: Layout) -> None:
    write(lay.gdir / "url.txt", "https://from-file.example/v1\n")
    cfg = {
        "provider": {
            "e": {"options": {"baseURL": "https://{env:GW_HOST}/v1"}},
            "f": {"options": {"baseURL": "{file:url.txt}"}},
        }
    }
    write(lay.gdir / "opencode.json", json.dumps(cfg))
    providers, warnings = lay.discover(GW_HOST="from-env.example")
    assert warnings == []
    assert {p.id: p.host for p in providers} == {"e": "from-env.example", "f": "from-file.example"}


# -- precedence --------------------------------------------------------------------------------------


def host_of(lay: Layout, **env: str) -> str:
    providers, warnings = lay.discover(**env)
    assert warnings == []
    return only(providers).host


def test_global_files_in_order(lay: Layout) -> None:
    write(lay.gdir / "config.json", provider("p", "https://config-json.example"))
    assert host_of(lay) == "config-json.example"
    write(lay.gdir / "opencode.json", provider("p", "https://opencode-json.example"))
    assert host_of(lay) == "opencode-json.example"
    write(lay.gdir / "opencode.jsonc", provider("p", "https://opencode-jsonc.example"))
    assert host_of(lay) == "opencode-jsonc.example"


def test_home_dot_config_when_xdg_unset(lay: Layout) -> None:
    write(lay.home / ".config" / "opencode" / "opencode.json", provider("p", "https://home-config.example"))
    env = {"HOME": str(lay.home)}
    providers, _ = discover_custom_providers(env, lay.cwd, managed_dir=lay.managed)
    assert only(providers).host == "home-config.example"


def test_full_precedence_chain(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", provider("p", "https://global.example"))
    custom = write(lay.tmp / "custom.json", provider("p", "https://opencode-config.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "opencode-config.example"
    write(lay.repo / "opencode.json", provider("p", "https://repo-root.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "repo-root.example"
    write(lay.repo / "pkg" / "opencode.json", provider("p", "https://pkg.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "pkg.example"
    write(lay.repo / "pkg" / "opencode.jsonc", provider("p", "https://pkg-jsonc.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "pkg-jsonc.example"
    write(lay.repo / ".opencode" / "opencode.json", provider("p", "https://dot-opencode.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "dot-opencode.example"
    write(lay.home / ".opencode" / "opencode.json", provider("p", "https://home-dot-opencode.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom)) == "home-dot-opencode.example"
    cdir = lay.tmp / "config-dir"
    write(cdir / "opencode.json", provider("p", "https://config-dir.example"))
    assert host_of(lay, OPENCODE_CONFIG=str(custom), OPENCODE_CONFIG_DIR=str(cdir)) == "config-dir.example"
    inline = provider("p", "https://inline.example")
    both = {"OPENCODE_CONFIG": str(custom), "OPENCODE_CONFIG_DIR": str(cdir), "OPENCODE_CONFIG_CONTENT": inline}
    assert host_of(lay, **both) == "inline.example"
    write(lay.managed / "opencode.json", provider("p", "https://managed.example"))
    assert host_of(lay, **both) == "managed.example"


def test_layers_merge_deeply(lay: Layout) -> None:
    # npm from the global file, baseURL from the project: one provider with both.
    write(lay.gdir / "opencode.json", json.dumps({"provider": {"p": {"npm": "@ai-sdk/anthropic"}}}))
    write(lay.repo / "opencode.json", json.dumps({"provider": {"p": {"options": {"baseURL": "https://gw.example"}}}}))
    assert lay.discover() == ([CustomProvider("p", "gw.example", "https://gw.example", F.ANTHROPIC_MESSAGES)], [])


def test_project_walk_stops_at_git_root(lay: Layout) -> None:
    write(lay.home / "opencode.json", provider("above", "https://above-repo.example"))
    write(lay.repo / "opencode.json", provider("root", "https://repo.example"))
    assert [p.id for p in lay.discover()[0]] == ["root"]


def test_git_file_marks_a_worktree_root(lay: Layout) -> None:
    (lay.repo / "pkg" / ".git").write_text("gitdir: /elsewhere\n")
    write(lay.repo / "opencode.json", provider("outer", "https://outer.example"))
    write(lay.repo / "pkg" / "opencode.json", provider("inner", "https://inner.example"))
    assert [p.id for p in lay.discover()[0]] == ["inner"]


def test_outside_git_the_walk_goes_up(tmp_path: Path) -> None:
    cwd = tmp_path / "a" / "b"
    cwd.mkdir(parents=True)
    write(tmp_path / "opencode.json", provider("far", "https://far.example"))
    env = {"HOME": str(tmp_path / "nohome"), "XDG_CONFIG_HOME": str(tmp_path / "noxdg")}
    providers, _ = discover_custom_providers(env, cwd, managed_dir=tmp_path / "nomanaged")
    assert [p.id for p in providers] == ["far"]


def test_disable_project_config(lay: Layout) -> None:
    write(lay.repo / "opencode.json", provider("proj", "https://proj.example"))
    write(lay.repo / ".opencode" / "opencode.json", provider("dot", "https://dot.example"))
    write(lay.gdir / "opencode.json", provider("glob", "https://glob.example"))
    assert [p.id for p in lay.discover()[0]] == ["dot", "glob", "proj"]
    assert [p.id for p in lay.discover(OPENCODE_DISABLE_PROJECT_CONFIG="true")[0]] == ["glob"]
    assert [p.id for p in lay.discover(OPENCODE_DISABLE_PROJECT_CONFIG="0")[0]] == ["dot", "glob", "proj"]


def test_test_managed_dir_env(lay: Layout, tmp_path: Path) -> None:
    mdir = tmp_path / "managed-env"
    write(mdir / "opencode.json", provider("m", "https://managed-env.example"))
    env = {**lay.env, "OPENCODE_TEST_MANAGED_CONFIG_DIR": str(mdir)}
    assert [p.id for p in discover_custom_providers(env, lay.cwd)[0]] == ["m"]


# -- warnings, never exceptions ----------------------------------------------------------------------


def test_broken_file_warns_and_others_still_count(lay: Layout) -> None:
    bad = write(lay.repo / "opencode.json", '{"provider": {"x": ')
    write(lay.gdir / "opencode.json", provider("good", "https://good.example"))
    providers, warnings = lay.discover()
    assert [p.id for p in providers] == ["good"]
    assert len(warnings) == 1 and str(bad) in warnings[0] and "not valid JSONC" in warnings[0]


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ("[1, 2]", "top level must be an object, got an array"),
        ('"text"', "top level must be an object, got a string"),
        ('{"provider": []}', "provider must be an object, got an array"),
        ('{"provider": {"x": "https://x.example"}}', "provider.x must be an object, got a string"),
        ('{"provider": {"x": {"options": "https://x.example"}}}', "provider.x.options must be an object"),
        (
            '{"provider": {"x": {"options": {"baseURL": 42}}}}',
            "provider.x.options.baseURL must be a string, got a number",
        ),
        (
            '{"provider": {"x": {"npm": true, "options": {"baseURL": "https://x.example"}}}}',
            "provider.x.npm must be a string",
        ),
        ('{"provider": {"x": {"models": [1]}}}', "provider.x.models must be an object"),
        (
            '{"provider": {"x": {"models": {"m": {"provider": {"api": 1}}}}}}',
            "provider.x.models.m.provider.api must be a string",
        ),
        ('{"disabled_providers": "x"}', "disabled_providers must be an array of strings"),
    ],
)
def test_wrong_types_warn_with_file_name(lay: Layout, config: str, fragment: str) -> None:
    path = write(lay.gdir / "opencode.json", config)
    _, warnings = lay.discover()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(str(path)) and fragment in warnings[0]


def test_wrong_typed_npm_still_routes_with_default_format(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", '{"provider": {"x": {"npm": 5, "options": {"baseURL": "https://x.example"}}}}')
    providers, warnings = lay.discover()
    assert only(providers).host == "x.example" and len(warnings) == 1


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "not an http(s) URL"),
        ("ftp://x.example", "not an http(s) URL"),
        ("https://", "not an http(s) URL"),
    ],
)
def test_bad_base_url_warns(lay: Layout, url: str, fragment: str) -> None:
    write(lay.gdir / "opencode.json", provider("x", "https://fine.example"))
    path = write(lay.repo / "opencode.json", provider("x", url))
    providers, warnings = lay.discover()
    assert providers == []
    assert len(warnings) == 1 and fragment in warnings[0]
    # The file that set the merged value is named, with the key.
    assert warnings[0].startswith(f"{path}: provider.x.options.baseURL")


def test_bad_api_url_in_model_override_names_its_source(lay: Layout) -> None:
    cfg = {"provider": {"x": {"models": {"m": {"provider": {"api": "nope"}}}}}}
    _, warnings = lay.discover(OPENCODE_CONFIG_CONTENT=json.dumps(cfg))
    assert warnings == [
        "OPENCODE_CONFIG_CONTENT: provider.x.models.m.provider.api 'nope' is not an http(s) URL; not routed"
    ]


def test_unset_env_variable_gives_empty_url_warning(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", provider("x", "{env:NOT_SET_ANYWHERE}"))
    providers, warnings = lay.discover()
    assert providers == [] and "empty" in warnings[0]


def test_bad_file_reference_warns(lay: Layout) -> None:
    path = write(
        lay.gdir / "opencode.json", json.dumps({"provider": {"x": {"options": {"baseURL": "{file:missing.txt}"}}}})
    )
    providers, warnings = lay.discover()
    assert providers == []
    assert len(warnings) == 1 and warnings[0].startswith(str(path)) and "missing.txt" in warnings[0]


def test_commented_file_reference_is_ignored(lay: Layout) -> None:
    text = '{\n// "x": "{file:missing.txt}"\n"provider": {"p": {"options": {"baseURL": "https://p.example"}}}\n}'
    write(lay.gdir / "opencode.jsonc", text)
    assert host_of(lay) == "p.example"


def test_missing_opencode_config_file_warns(lay: Layout) -> None:
    missing = lay.tmp / "nope.json"
    _, warnings = lay.discover(OPENCODE_CONFIG=str(missing))
    assert warnings == [f"{missing}: named by OPENCODE_CONFIG but does not exist"]


def test_directory_in_place_of_a_file_warns(lay: Layout) -> None:
    (lay.gdir / "opencode.json").mkdir()
    _, warnings = lay.discover()
    assert len(warnings) == 1 and "opencode.json" in warnings[0] and "directory" in warnings[0]


def test_non_utf8_file_warns(lay: Layout) -> None:
    path = lay.gdir / "opencode.json"
    path.write_bytes(b'{"provider": "\xff\xfe"}')
    _, warnings = lay.discover()
    assert len(warnings) == 1 and warnings[0].startswith(str(path))


def test_broken_inline_content_warns(lay: Layout) -> None:
    _, warnings = lay.discover(OPENCODE_CONFIG_CONTENT="{oops")
    assert len(warnings) == 1 and warnings[0].startswith("OPENCODE_CONFIG_CONTENT:")


def test_empty_file_is_an_empty_config(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", "   \n")
    assert lay.discover() == ([], [])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_file_content_never_raises(lay: Layout, text: str) -> None:
    (lay.gdir / "opencode.jsonc").write_text(text, encoding="utf-8", errors="surrogatepass")
    providers, warnings = lay.discover(OPENCODE_CONFIG_CONTENT=text)
    assert isinstance(providers, list) and all(isinstance(w, str) for w in warnings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["provider", "options", "baseURL", "npm", "api", "models", "x"]), inner, max_size=4
            )
        ),
        max_leaves=20,
    )
)
def test_any_json_shape_never_raises(lay: Layout, value: Any) -> None:
    (lay.gdir / "opencode.json").write_text(json.dumps({"provider": {"p": value}}), encoding="utf-8")
    providers, warnings = lay.discover()
    assert all(isinstance(p, CustomProvider) for p in providers)
    assert all(isinstance(w, str) for w in warnings)


def test_discovered_providers_feed_the_router(lay: Layout) -> None:
    write(lay.gdir / "opencode.json", provider("fake", "https://llm.corp.example/v1", "@ai-sdk/openai-compatible"))
    providers, _ = lay.discover()
    route = Router(custom_providers=providers).classify_request("llm.corp.example", "/v1/chat/completions")
    assert (route.kind, route.provider, route.api_format) == (FlowClass.LLM, "fake", F.OPENAI_CHAT)


# -- MCP models ----------------------------------------------------------------------------------------


def test_mcp_models_accept_opencode_shapes() -> None:
    servers = validate_mcp_section(
        {
            "local": {
                "type": "local",
                "command": ["prog", "arg"],
                "environment": {"A": "1"},
                "enabled": True,
                "timeout": 5000,
            },
            "remote": {"type": "remote", "url": "https://mcp.example", "headers": {"X": "y"}, "oauth": False},
            "oauth": {"type": "remote", "url": "https://mcp.example", "oauth": {"clientId": "id", "scope": "s"}},
            "off": {"enabled": False},
        }
    )
    assert isinstance(servers["local"], McpLocal) and servers["local"].command == ["prog", "arg"]
    assert isinstance(servers["remote"], McpRemote) and servers["remote"].oauth is False
    assert isinstance(servers["off"], McpToggle)


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({"type": "local", "command": ["x"], "cwd": "/"}, "mcp.s.cwd: Extra inputs are not permitted"),
        ({"type": "local"}, "mcp.s.command"),
        ({"type": "local", "command": []}, "mcp.s.command"),
        ({"type": "local", "command": "prog arg"}, "mcp.s.command"),
        ({"type": "local", "command": ["x"], "timeout": "5000"}, "mcp.s.timeout"),
        ({"type": "local", "command": ["x"], "timeout": 0}, "mcp.s.timeout"),
        ({"type": "local", "command": ["x"], "enabled": "true"}, "mcp.s.enabled"),
        ({"type": "local", "command": ["x"], "environment": {"A": 1}}, "mcp.s.environment.A"),
        ({"type": "remote"}, "mcp.s.url"),
        ({"type": "remote", "url": "u", "oauth": True}, "mcp.s.oauth"),
        ({"type": "remote", "url": "u", "oauth": {"client_id": "x"}}, "mcp.s.oauth.client_id"),
        ({"type": "sse", "url": "u"}, 'mcp.s.type must be "local" or "remote"'),
        ({"enabled": False, "url": "u"}, "mcp.s.url"),
        ("prog", "mcp.s must be an object"),
    ],
)
def test_mcp_models_reject_what_opencode_rejects(entry: Any, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        validate_mcp_section({"s": entry})
    assert fragment in str(info.value)


def test_mcp_model_dump_round_trips() -> None:
    server = McpLocal(type="local", command=["headroom-mitm", "mcp"], environment={"PORT": "1"})
    dumped = server.model_dump(exclude_none=True)
    assert dumped == {"type": "local", "command": ["headroom-mitm", "mcp"], "environment": {"PORT": "1"}}
    assert validate_mcp_section({"h": dumped})["h"] == server


# -- merge_config_content ------------------------------------------------------------------------------

OURS = {"mcp": {"headroom_retrieve": {"type": "local", "command": ["headroom-mitm", "mcp"], "environment": {"P": "1"}}}}


def test_merge_without_user_value() -> None:
    for value in (None, "", "   "):
        assert json.loads(merge_config_content(value, OURS)) == OURS


def test_merge_keeps_user_keys_and_reads_jsonc() -> None:
    user = """{
      // the user's own
      "model": "anthropic/claude-sonnet-4-5",
      "provider": {"x": {"options": {"apiKey": "{env:X_KEY}"}}},
      "mcp": {"theirs": {"type": "remote", "url": "https://mcp.example",},},
    }"""
    out = json.loads(merge_config_content(user, OURS))
    assert out["model"] == "anthropic/claude-sonnet-4-5"
    assert out["provider"] == {"x": {"options": {"apiKey": "{env:X_KEY}"}}}  # {env:} left for OpenCode
    assert out["mcp"]["theirs"] == {"type": "remote", "url": "https://mcp.example"}
    assert out["mcp"]["headroom_retrieve"] == OURS["mcp"]["headroom_retrieve"]
    assert list(out) == ["model", "provider", "mcp"]  # their key order is kept


def test_merge_result_is_strict_json() -> None:
    out = merge_config_content('{"a": 1, /* c */ "b": [1,2,],}', OURS)
    assert json.loads(out)["b"] == [1, 2]
    assert "/*" not in out


def test_merge_our_server_wins_over_same_name() -> None:
    user = json.dumps({"mcp": {"headroom_retrieve": {"type": "remote", "url": "http://stale.example"}}})
    out = json.loads(merge_config_content(user, OURS))
    assert out["mcp"]["headroom_retrieve"] == OURS["mcp"]["headroom_retrieve"]


def test_merge_user_can_switch_ours_off() -> None:
    for theirs in ({"enabled": False}, {"type": "local", "command": ["old"], "enabled": False}):
        out = json.loads(merge_config_content(json.dumps({"mcp": {"headroom_retrieve": theirs}}), OURS))
        assert out["mcp"]["headroom_retrieve"] == {**OURS["mcp"]["headroom_retrieve"], "enabled": False}


def test_merge_other_sections() -> None:
    user = json.dumps({"instructions": ["a.md"], "permission": {"bash": "ask"}, "share": "manual"})
    addition = {"instructions": ["a.md", "b.md"], "permission": {"edit": "allow"}, "share": "disabled"}
    out = json.loads(merge_config_content(user, addition))
    assert out == {
        "instructions": ["a.md", "b.md"],
        "permission": {"bash": "ask", "edit": "allow"},
        "share": "disabled",
    }


@pytest.mark.parametrize(
    ("user", "fragment"),
    [
        ("{oops", "OPENCODE_CONFIG_CONTENT is not valid JSON"),
        ('{"a": 1', "OPENCODE_CONFIG_CONTENT is not valid JSON"),
        ("[1]", "OPENCODE_CONFIG_CONTENT must be a JSON object, got an array"),
        ('"x"', "OPENCODE_CONFIG_CONTENT must be a JSON object, got a string"),
        ('{"mcp": []}', "OPENCODE_CONFIG_CONTENT: mcp must be an object, got an array"),
        (
            '{"mcp": {"theirs": {"type": "local", "command": ["x"], "bogus": 1}}}',
            "OPENCODE_CONFIG_CONTENT: mcp.theirs.bogus",
        ),
        ('{"mcp": {"theirs": {"type": "remote"}}}', "OPENCODE_CONFIG_CONTENT: mcp.theirs.url"),
        ('{"a": NaN}', "cannot be written back as JSON"),
    ],
)
def test_merge_rejects_malformed_user_value(user: str, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        merge_config_content(user, OURS)
    assert fragment in str(info.value)


def test_merge_rejects_invalid_addition() -> None:
    with pytest.raises(ValueError, match=r"mcp\.headroom_retrieve\.cwd"):
        merge_config_content(None, {"mcp": {"headroom_retrieve": {"type": "local", "command": ["x"], "cwd": "/"}}})


def test_merge_does_not_mutate_inputs() -> None:
    addition = json.loads(json.dumps(OURS))
    user = json.dumps({"mcp": {"headroom_retrieve": {"enabled": False}}})
    merge_config_content(user, addition)
    assert addition == OURS
