"""Finding 6 of issue #12: no empty credentials, secrets never only on the command line, and people
rather than one shared password (htpasswd users, named in the audit trail and usable in the policy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mitmproxy.test import taddons, tflow

from headroom_mitm.launcher.commands import proxy_auth_value
from headroom_mitm.options import upstream_proxy_auth
from headroom_mitm.policy.guard import Rules
from tests.faults import FaultyUpstream
from tests.hostile.gateway import LLM, exchange, post, start, stop

USERS_POLICY = """\
rules:
  - name: bob-no-llm
    action: deny
    users: [bob]
    class: llm
"""


@pytest.mark.parametrize("auth", [":", "user:", ":pass"])
def test_empty_proxy_credentials_are_refused_at_start(tmp_path, auth):
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "s"), "proxy", "--listen", "0.0.0.0:0",
         "--proxy-auth", auth], capture_output=True, text=True, timeout=30,
    )
    assert result.returncode != 0
    assert "non-empty user and password" in result.stderr


def test_empty_credentials_are_refused_at_request_even_if_a_validator_let_them_through():
    rules = Rules()
    with taddons.context(rules):
        flow = tflow.tflow()
        flow.metadata["proxyauth"] = ("", "")
        rules.requestheaders(flow)
    assert flow.response is not None and flow.response.status_code == 407


def _htpasswd(path: Path, users: dict[str, str]) -> Path:
    from passlib.apache import HtpasswdFile

    file = HtpasswdFile(str(path), new=True)
    for user, password in users.items():
        file.set_password(user, password)
    file.save()
    return path


def test_htpasswd_users_are_named_in_the_audit_trail_and_matched_by_policy_rules(tmp_path):
    htpasswd = _htpasswd(tmp_path / "users.htpasswd", {"alice": "alice-PW-1", "bob": "bob-PW-2"})
    policy = tmp_path / "policy.yaml"
    policy.write_text(USERS_POLICY)
    with FaultyUpstream() as upstream:
        proc, port = start(
            tmp_path, "--policy", str(policy), "--llm-host", f"{LLM}=openai-chat",
            "--route", f"{LLM}=http://127.0.0.1:{upstream.port}", auth_args=(),
            env={"HEADROOM_MITM_PROXY_AUTH": f"@{htpasswd}"},
        )
        try:
            cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes()
            body = b'{"model":"m","messages":[]}'
            alice = exchange(port, post(LLM, body, auth="alice:alice-PW-1", path="/v1/chat/completions?a"))[0]
            bob = exchange(port, post(LLM, body, auth="bob:bob-PW-2", path="/v1/chat/completions?b"))[0]
            wrong = exchange(port, post(LLM, body, auth="alice:bob-PW-2"))[0]
        finally:
            stop(proc)
    assert (alice, bob, wrong) == (200, 403, 407)
    assert str(htpasswd).encode() not in cmdline
    audit = (tmp_path / "state" / "records" / "audit.jsonl").read_text()
    records = {r["path"]: r for r in map(__import__("json").loads, audit.splitlines()) if r.get("path")}
    assert records["/v1/chat/completions?a"]["user"] == "alice"
    assert records["/v1/chat/completions?b"]["user"] == "bob"
    assert records["/v1/chat/completions?b"]["rule"] == "bob-no-llm"
    assert "PW" not in audit  # never a password


def test_proxy_credentials_can_come_from_a_file(tmp_path):
    secret = tmp_path / "auth"
    secret.write_text("gw2:file-secret-PW\n")
    with FaultyUpstream() as upstream:
        proc, port = start(tmp_path, "--llm-host", f"{LLM}=openai-chat", "--route",
                           f"{LLM}=http://127.0.0.1:{upstream.port}", auth_args=("--proxy-auth-file", str(secret)))
        try:
            ok = exchange(port, post(LLM, b"{}", auth="gw2:file-secret-PW"))[0]
            wrong = exchange(port, post(LLM, b"{}", auth="gw2:nope"))[0]
        finally:
            stop(proc)
    assert (ok, wrong) == (200, 407)


def test_secret_sources_are_exclusive_and_checked(tmp_path):
    assert proxy_auth_value(None, None, {"HEADROOM_MITM_PROXY_AUTH": "u:p"}) == "u:p"
    with pytest.raises(ValueError, match="once"):
        proxy_auth_value("u:p", None, {"HEADROOM_MITM_PROXY_AUTH": "u:p"})
    bad = tmp_path / "bad.htpasswd"
    bad.write_text(":nohash\n")
    with pytest.raises(ValueError, match="USER:HASH"):
        proxy_auth_value(f"@{bad}", None, {})
    upstream = tmp_path / "up"
    upstream.write_text("corp:corp-PW\n")
    assert upstream_proxy_auth(upstream, {}) == "corp:corp-PW"
    assert upstream_proxy_auth(None, {"HEADROOM_MITM_UPSTREAM_PROXY_AUTH": "c:d"}) == "c:d"
    assert upstream_proxy_auth(None, {}) is None


def test_upstream_proxy_credentials_from_the_environment_reach_mitmproxy(tmp_path, monkeypatch):
    from headroom_mitm.launcher.settings import GlobalOptions

    monkeypatch.setenv("HEADROOM_MITM_UPSTREAM_PROXY_AUTH", "corp:env-PW-9")
    options = GlobalOptions(state_dir=tmp_path / "s", upstream_proxy="http://127.0.0.1:3128")
    values = options.mitm_options()
    assert values["upstream_auth"] == "corp:env-PW-9" and values["mode"] == ["upstream:http://127.0.0.1:3128"]


def test_an_htpasswd_hash_that_cannot_be_checked_is_refused_at_start(tmp_path):
    unknown = tmp_path / "unknown.htpasswd"
    unknown.write_text("alice:{NOPE}abcdef\n")
    with pytest.raises(ValueError, match="not a password hash"):
        proxy_auth_value(f"@{unknown}", None, {})
    good = _htpasswd(tmp_path / "good.htpasswd", {"alice": "pw-1"})
    assert proxy_auth_value(None, str(_file(tmp_path, f"@{good}")), {}) == f"@{good}"


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "auth-line"
    path.write_text(text + "\n")
    return path
