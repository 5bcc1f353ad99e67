"""`headroom-mitm demo`: the README's first command ends with this."""

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.e2e.harness import opencode_binary


def test_demo_runs_a_real_session_through_the_proxy(tmp_path):
    tools = str(Path(opencode_binary()).resolve().parent)
    env = {k: v for k, v in os.environ.items() if not k.upper().endswith("_PROXY")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), tools, env.get("PATH", "")])
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "state"),
         "--opencode-bin", opencode_binary(), "demo"],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    print(result.stderr[-3000:])
    assert "Failing test: tests/unit/test_config.py::test_reload_keeps_defaults" in result.stdout
    assert "grep found 2 matches" in result.stdout
    assert "answered 3 requests, 3 of them through the proxy" in result.stderr
    saved = re.search(r"est\. request tokens [\d,]+ -> [\d,]+ \(saved [\d,]+, ([\d.]+)%\)", result.stderr)
    assert saved and float(saved.group(1)) > 10, "the retrieve tool is registered, so the long test log is compressed"
    assert not list(tmp_path.glob("headroom-mitm-*"))  # demo tree and session CA both removed
