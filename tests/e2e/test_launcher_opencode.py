"""The launcher with the real, pinned OpenCode, headless, against the local stub."""

import signal
import subprocess
import time
from pathlib import Path

from headroom_mitm.stub import HELLO_TEXT, ToolCallStep, TextStep, Script
from tests.e2e.harness import ANTHROPIC_MODEL


def session_dirs(oc) -> list[Path]:
    """The launcher's per-session CA directories (OpenCode keeps its own files in TMPDIR too)."""
    return sorted(Path(oc.temp).glob("headroom-mitm-*"))


def via_proxy(request) -> bool:
    return "headroom-mitm" in request.headers.get("via", "")


def test_custom_openai_compatible_provider_through_the_proxy(stub_for):
    oc = stub_for("hello")
    result = oc.run("say", "hello")
    assert result.returncode == 0, result.stderr
    assert HELLO_TEXT in result.stdout
    chat = [r for r in oc.llm_requests() if r.path.endswith("/chat/completions")]
    assert chat and all(via_proxy(r) for r in chat)
    assert chat[-1].headers["authorization"] == "Bearer sk-e2e-custom-0123456789"  # auth untouched
    assert session_dirs(oc) == []  # the session CA is gone


def test_builtin_anthropic_provider_reached_via_route(stub_for):
    oc = stub_for("hello")
    result = oc.run("say", "hello", model=ANTHROPIC_MODEL)
    assert result.returncode == 0, result.stderr
    assert HELLO_TEXT in result.stdout
    messages = [r for r in oc.llm_requests() if r.path.endswith("/v1/messages")]
    assert messages and all(via_proxy(r) for r in messages)
    assert messages[-1].headers["x-api-key"] == "sk-ant-e2e-0123456789abcdef"


def test_tool_round_trips_run_for_real(stub_for):
    oc = stub_for("demo")
    result = oc.run("investigate", "the", "test", "run")
    assert result.returncode == 0, result.stderr
    assert "1 failed, 2999 passed" in result.stdout
    last = oc.llm_requests()[-1].body.decode()
    assert "test_reload_keeps_defaults" in last  # the bash output came back to the model
    assert "notes.py" in last  # and so did grep over the working tree


def test_provider_error_gives_opencode_a_nonzero_exit(stub_for):
    oc = stub_for("error")
    started = time.monotonic()
    result = oc.run("fail", "please")
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert session_dirs(oc) == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _sleeping_descendant(root: int) -> bool:
    pending = [root]
    while pending:
        for child in _children(pending.pop()):
            if Path(f"/proc/{child}/cmdline").read_bytes().startswith(b"sleep\x0060"):
                return True
            pending.append(child)
    return False


def _start_long_session(stub_for):
    script = Script(name="slow", title="slow", steps=(ToolCallStep("bash", {"command": "sleep 60", "description": "wait"}), TextStep("done")))
    oc = stub_for(script)
    argv = oc.launcher_argv("run", "--title", "e2e", "-m", "stub/stub-model", "wait")
    launcher = subprocess.Popen(argv, env=oc.env(), cwd=oc.work, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Wait until OpenCode runs the tool: a `sleep 60` below the launcher.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _sleeping_descendant(launcher.pid):
        time.sleep(0.2)
    children = _children(launcher.pid)
    assert children, "OpenCode did not start"
    return oc, launcher, children


def test_sigterm_ends_opencode_and_leaves_nothing_behind(stub_for):
    oc, launcher, children = _start_long_session(stub_for)
    launcher.send_signal(signal.SIGTERM)
    launcher.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)
    assert session_dirs(oc) == []


def test_sigkill_of_the_launcher_does_not_orphan_opencode(stub_for):
    oc, launcher, children = _start_long_session(stub_for)
    launcher.kill()
    launcher.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children)
    # The next session sweeps the directory the killed one could not remove.
    leftovers = session_dirs(oc)
    assert leftovers
    oc.stub.stop()
    hello = stub_for("hello")
    hello.temp = oc.temp
    result = hello.run("say", "hello")
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in leftovers)
