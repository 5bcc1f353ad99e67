"""The built-in stub driven by the real OpenCode directly (no proxy): the stub speaks both wire
formats the way OpenCode expects, and the demo's tools run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from headroom_mitm.launcher.env import isolated_home
from headroom_mitm.stub import StubServer, demo_script, parse_conversation
from headroom_mitm.stub.library import summarize_demo
from tests.e2e.harness import opencode_binary

# The pinned OpenCode is part of the test set-up (scripts/setup.sh): missing, these tests fail.
OPENCODE_BIN = opencode_binary()
# OpenCode's grep tool needs ripgrep; setup.sh installs it beside the venv's python.
RG_BIN = shutil.which("rg") or str(Path(sys.executable).parent / "rg")


def run_opencode(stub: StubServer, tmp_path: Path, provider: str) -> tuple[subprocess.CompletedProcess[str], float, Path]:
    assert OPENCODE_BIN is not None
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run(["git", "init", "-q", str(work)], check=True, timeout=20)
    (work / "app.py").write_text("def main():\n    # TODO: handle retries\n    return 1\n# FIXME: flaky on CI\n")
    # OpenCode looks for rg on PATH, then in $XDG_CACHE_HOME/opencode/bin
    (tmp_path / ".cache" / "opencode" / "bin").mkdir(parents=True)
    shutil.copy(RG_BIN, tmp_path / ".cache" / "opencode" / "bin" / "rg")
    drop = {"NODE_EXTRA_CA_CERTS", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy", "OPENCODE_CONFIG"}
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith(("ANTHROPIC_", "OPENAI_"))}
    env.update(
        **isolated_home(tmp_path),
        PWD=str(work),  # OpenCode takes its project directory from PWD, not from the process cwd
    )
    if provider == "openai-compatible":
        config = {"provider": {"stub": {"npm": "@ai-sdk/openai-compatible", "options": {"baseURL": f"{stub.base_url}/v1", "apiKey": "k"}, "models": {"stub-model": {}}}}}
        model = "stub/stub-model"
    else:
        config = {"provider": {"anthropic": {"options": {"baseURL": f"{stub.base_url}/v1"}}}}
        env["ANTHROPIC_API_KEY"] = "fake"
        model = "anthropic/claude-sonnet-4-5"
    env["OPENCODE_CONFIG_CONTENT"] = json.dumps(config)
    t0 = time.monotonic()
    proc = subprocess.run(
        [OPENCODE_BIN, "run", "-m", model, "investigate", "the", "failing", "tests"],
        cwd=work,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=90,
    )
    return proc, time.monotonic() - t0, work


@pytest.mark.e2e
@pytest.mark.timeout(120)
@pytest.mark.parametrize("provider", ["openai-compatible", "anthropic"])
def test_real_opencode_runs_the_demo_tools(provider: str, tmp_path: Path) -> None:
    with StubServer(demo_script(log_lines=3000)) as stub:
        proc, _, work = run_opencode(stub, tmp_path, provider)
        requests = stub.requests
    assert proc.returncode == 0, proc.stderr[-2000:]
    api = "openai" if provider == "openai-compatible" else "anthropic"
    convs = [parse_conversation(api, r.json) for r in requests if r.json]
    assert convs[0].is_title_request
    assert [len(c.tool_results) for c in convs[1:]] == [0, 1, 2]
    bash_out = convs[2].tool_results[0]
    # How much of the log's tail OpenCode keeps varies from run to run (a ring of the chunks it read).
    assert bash_out.name == "bash" and " PASSED [" in bash_out.content
    # OpenCode cut the ~200 KB log itself. Its tail usually holds the failure, but OpenCode 1.18.33
    # can drop the last part of a fast command's output (it stops reading at process exit), so
    # the test checks consistency with what arrived rather than the tail itself.
    assert bash_out.content.startswith("...output truncated...")
    grep_out = convs[3].tool_results[1]
    assert grep_out.name == "grep"
    assert "Found 2 matches" in grep_out.content and str(work / "app.py") in grep_out.content
    assert summarize_demo(convs[3]) in proc.stdout, "the final answer streamed through to OpenCode's output"
    assert "Running the test suite." in proc.stdout


@pytest.mark.e2e
@pytest.mark.timeout(120)
def test_real_opencode_fails_fast_on_the_error_script(tmp_path: Path) -> None:
    with StubServer("error") as stub:
        proc, _, _ = run_opencode(stub, tmp_path, "anthropic")
        posts = [r for r in stub.requests if r.method == "POST"]
    assert proc.returncode != 0
    assert "scripted provider error" in proc.stdout + proc.stderr
    assert len(posts) == 2, "title + one main call: no retries"
