from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from headroom_mitm.policy.model import Decision, Policy, PolicyError, PolicyHolder, load_policy, parse_policy


def write(tmp_path: Path, text: str, name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


EXAMPLE = """\
version: 1
default: allow
rules:
  - name: no-telemetry
    action: deny
    class: telemetry
  - name: allow-haiku
    action: allow
    provider: anthropic
    model: "claude-*-haiku*"
  - name: no-other-anthropic-models
    action: deny
    provider: anthropic
    model: "*"
  - name: corp-deny
    action: deny
    host: ["*.evil.example", "evil.example"]
  - name: llm-capped
    action: allow
    class: llm
    max_request_bytes: 1000
"""


# ---- validation -----------------------------------------------------------------------------------


def test_example_loads_and_compiles(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, EXAMPLE))
    assert policy.default == "allow"
    assert [r.id for r in policy.rules] == ["no-telemetry", "allow-haiku", "no-other-anthropic-models", "corp-deny", "llm-capped"]
    assert policy.digest.startswith("sha256:") and len(policy.digest) == 7 + 64


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        ("rules:\n  - action: block\n", "rules[0].action", "allow"),
        ("rules:\n  - action: deny\n    class: spyware\n", "rules[0].class[0]", "llm"),
        ("rules:\n  - action: allow\n  - action: deny\n    hots: x\n", "rules[1].hots", "Extra inputs"),
        ("default: maybe\n", "default", "allow"),
        ("rules:\n  - action: deny\n    max_request_bytes: 10\n", "rules[0]", "only applies to allow rules"),
        ("rules:\n  - action: allow\n    max_request_bytes: -1\n", "rules[0].max_request_bytes", "greater than 0"),
        ("rules:\n  - action: deny\n    port: 70000\n", "rules[0].port", "outside 1..65535"),
        ("rules:\n  - action: deny\n    host: []\n", "rules[0].host", "empty list"),
        ("rules:\n  - {name: a, action: deny}\n  - {name: a, action: allow}\n", "(top level)", "used twice"),
        ("version: 2\n", "version", "1"),
    ],
)
def test_validation_errors_name_file_field_problem(tmp_path: Path, body: str, field: str, fragment: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    err = info.value
    assert err.path == str(path)
    fields = [f for f, _ in err.problems]
    assert field in fields, err.problems
    assert fragment in str(err)
    assert str(err).startswith(f"{path}: ")
    assert f"{field}: " in str(err)


def test_syntax_errors_name_file_and_line(tmp_path: Path) -> None:
    yaml_path = write(tmp_path, "rules:\n  - action: deny\n   bad: [\n")
    with pytest.raises(PolicyError, match=rf"^{yaml_path}: invalid YAML at line \d+ column \d+"):
        load_policy(yaml_path)
    json_path = write(tmp_path, '{"rules": [', name="p.json")
    with pytest.raises(PolicyError, match=rf"^{json_path}: invalid JSON at line 1"):
        load_policy(json_path)


@pytest.mark.parametrize(("body", "fragment"), [("", "empty"), ("- a\n- b\n", "must be a mapping")])
def test_empty_or_non_mapping_file_is_an_error(tmp_path: Path, body: str, fragment: str) -> None:
    with pytest.raises(PolicyError, match=fragment):
        load_policy(write(tmp_path, body))


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"nope\.yaml: cannot read"):
        load_policy(tmp_path / "nope.yaml")


def test_json_policy(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"default": "deny", "rules": [{"action": "allow", "host": "api.openai.com"}]}))
    policy = load_policy(path)
    assert policy.decide_connection("api.openai.com", 443, "llm", "openai").allowed
    assert not policy.decide_connection("example.com", 443, "other", None).allowed


# ---- matching -------------------------------------------------------------------------------------


@pytest.fixture
def policy(tmp_path: Path) -> Policy:
    return load_policy(write(tmp_path, EXAMPLE))


def test_first_match_wins_for_requests(policy: Policy) -> None:
    d = policy.decide_request("api.anthropic.com", "llm", "anthropic", "claude-3-5-haiku-latest", 50)
    assert d == Decision(True, "allow-haiku", d.reason)
    d = policy.decide_request("api.anthropic.com", "llm", "anthropic", "claude-sonnet-4", 50)
    assert (d.allowed, d.rule) == (False, "no-other-anthropic-models")
    assert "claude-sonnet-4" in d.reason


def test_class_and_host_globs(policy: Policy) -> None:
    assert policy.decide_connection("stats.example", 443, "telemetry", None).rule == "no-telemetry"
    d = policy.decide_connection("A.B.Evil.Example.", 443, "other", None)  # case and trailing dot
    assert (d.allowed, d.rule) == (False, "corp-deny")
    assert policy.decide_connection("evil.example", 443, "other", None).rule == "corp-deny"
    d = policy.decide_connection("notevil.example", 443, "other", None)
    assert (d.allowed, d.rule) == (True, "default")


def test_max_request_bytes_caps_the_allow_rule(policy: Policy) -> None:
    small = policy.decide_request("api.openai.com", "llm", "openai", "gpt-4o", 1000)
    big = policy.decide_request("api.openai.com", "llm", "openai", "gpt-4o", 1001)
    assert (small.allowed, small.rule) == (True, "llm-capped")
    assert (big.allowed, big.rule) == (False, "llm-capped")
    assert "1001" in big.reason and "1000" in big.reason


def test_unknown_model_never_matches_a_model_condition(policy: Policy) -> None:
    # Falls past both anthropic model rules to the llm cap.
    d = policy.decide_request("api.anthropic.com", "llm", "anthropic", None, 10)
    assert d.rule == "llm-capped"


def test_connection_phase_defers_request_level_rules(policy: Policy) -> None:
    # allow-haiku could allow some requests, so the tunnel is allowed but must be inspected.
    d = policy.decide_connection("api.anthropic.com", 443, "llm", "anthropic")
    assert (d.allowed, d.rule, d.inspect) == (True, "allow-haiku", True)
    # A plain allow with no request-level rule before it needs no inspection for policy's sake.
    p = parse_policy({"rules": [{"action": "allow", "host": "a.example"}]})
    assert p.decide_connection("a.example", 443, "other", None).inspect is False


def test_connection_phase_request_deny_rule_is_skipped_not_applied() -> None:
    p = parse_policy({"default": "allow", "rules": [{"name": "no-gpt4", "action": "deny", "model": "gpt-4*"}]})
    d = p.decide_connection("api.openai.com", 443, "llm", "openai")
    assert (d.allowed, d.rule, d.inspect) == (True, "default", True)
    assert not p.decide_request("api.openai.com", "llm", "openai", "gpt-4.1", 10).allowed
    assert p.decide_request("api.openai.com", "llm", "openai", "o3", 10).allowed
    # default deny: a skipped deny rule cannot rescue the tunnel
    p = parse_policy({"default": "deny", "rules": [{"action": "deny", "model": "gpt-4*"}]})
    d = p.decide_connection("api.openai.com", 443, "llm", "openai")
    assert (d.allowed, d.rule, d.inspect) == (False, "default", False)


def test_connection_deny_rule_without_request_conditions_decides() -> None:
    p = parse_policy({"rules": [{"action": "deny", "model": "x*"}, {"action": "deny", "provider": "openai"}]})
    d = p.decide_connection("api.openai.com", 443, "llm", "OpenAI")
    assert (d.allowed, d.rule) == (False, "rules[1]")


def test_port_and_provider_conditions() -> None:
    p = parse_policy({"default": "deny", "rules": [{"action": "allow", "port": [443, 8443], "provider": "azure*"}]})
    assert p.decide_connection("x.openai.azure.com", 8443, "llm", "azure-openai").allowed
    assert not p.decide_connection("x.openai.azure.com", 80, "llm", "azure-openai").allowed
    assert not p.decide_connection("x.openai.azure.com", 443, "llm", None).allowed
    # a request decided without a port cannot match a port condition
    assert not p.decide_request("x.openai.azure.com", "llm", "azure-openai", "m", 1).allowed
    assert p.decide_request("x.openai.azure.com", "llm", "azure-openai", "m", 1, port=443).allowed


def test_default_deny_and_allow_all() -> None:
    p = parse_policy({"default": "deny"})
    d = p.decide_request("h", "other", None, None, 0)
    assert (d.allowed, d.rule) == (False, "default")
    assert Policy.allow_all().decide_connection("h", 1, "other", None).allowed


# ---- hot reload -----------------------------------------------------------------------------------


def test_holder_reload_keeps_old_policy_on_bad_file(tmp_path: Path) -> None:
    path = write(tmp_path, "default: deny\n")
    holder = PolicyHolder(path)
    assert not holder.policy.decide_connection("h", 443, "other", None).allowed
    old_digest = holder.policy.digest

    path.write_text("default: nonsense\n")
    ok, message = holder.reload()
    assert not ok
    assert str(path) in message and "default" in message and old_digest in message
    assert holder.policy.digest == old_digest
    assert not holder.policy.decide_connection("h", 443, "other", None).allowed

    path.write_text("default: allow\n")
    ok, message = holder.reload()
    assert ok and "reloaded" in message
    assert holder.policy.decide_connection("h", 443, "other", None).allowed


def test_holder_missing_file_on_reload_keeps_policy(tmp_path: Path) -> None:
    path = write(tmp_path, "default: deny\n")
    holder = PolicyHolder(path)
    path.unlink()
    ok, message = holder.reload()
    assert not ok and "cannot read" in message
    assert holder.policy.default == "deny"


def test_holder_bad_file_at_start_raises(tmp_path: Path) -> None:
    with pytest.raises(PolicyError):
        PolicyHolder(write(tmp_path, "rules: 3\n"))


def test_a_fifo_or_device_is_refused_without_blocking(tmp_path):
    import os
    import threading

    from headroom_mitm.policy.model import PolicyError, load_policy

    fifo = tmp_path / "policy.yaml"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def load(path):
        try:
            load_policy(path)
        except PolicyError as exc:
            outcome.append(str(exc))

    for path in (fifo, "/dev/zero"):
        worker = threading.Thread(target=load, args=(path,), daemon=True)
        worker.start()
        worker.join(5)
        assert not worker.is_alive(), f"{path}: load_policy blocked"
    assert len(outcome) == 2 and all("not a regular file" in text for text in outcome)
