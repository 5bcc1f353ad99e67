"""Driving the other real agents (Claude Code, Codex, Gemini CLI) through the launcher against the stub."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import sys
from dataclasses import dataclass
from pathlib import Path

from headroom_mitm.launcher.agents import _writable_by_others
from headroom_mitm.launcher.env import isolated_home
from headroom_mitm.meter.records import read_records
from headroom_mitm.stub import StubServer

TOOLS = Path(__file__).resolve().parents[2] / ".tools" / "bin"
# Gemini CLI ignores a settings file below any directory others can write to (/tmp, hence pytest's
# tmp_path): state dirs of these runs live in the checkout's .tools, or, for a checkout under such a
# directory (a clone in /tmp), in the runner's own cache directory.
PRIVATE_PARENT = TOOLS.parent / "e2e"
if _writable_by_others(PRIVATE_PARENT.parent) is not None:
    PRIVATE_PARENT = Path.home() / ".cache" / "headroom-mitm-e2e"
MARKER_ID = re.compile(r"headroom_retrieve id=(hr_[0-9a-f]+)")


def agent_binary(name: str) -> str:
    path = TOOLS / name
    if not os.access(path, os.X_OK):
        raise AssertionError(f"{path} is missing: run scripts/setup.sh (it installs the pinned agents)")
    return str(path)


def retrieve_arguments(pattern: str):
    """Arguments of the scripted retrieval: the id of the marker in the last tool output."""
    def make(conversation) -> dict[str, str]:
        marker = MARKER_ID.search(conversation.tool_results[-1].content)
        return {"id": marker.group(1) if marker else "missing", "pattern": pattern}
    return make


@dataclass
class AgentRun:
    tmp: Path
    stub: StubServer

    def __post_init__(self) -> None:
        PRIVATE_PARENT.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.home, self.work = self.tmp / "home", self.tmp / "work"
        self.state = Path(tempfile.mkdtemp(prefix="state-", dir=PRIVATE_PARENT))
        for d in (self.home, self.work):
            d.mkdir(parents=True, exist_ok=True)

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), str(TOOLS), "/usr/bin", "/bin"]),
            **isolated_home(self.home),
            "TMPDIR": str(self.tmp),
            "PWD": str(self.work),
            "LANG": "C.UTF-8",
        }
        env.update(extra)
        return env

    def launch(self, agent: str, *args: str, routes: tuple[str, ...], timeout: float = 120, **env: str):
        argv = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(self.state),
                *(f"--route={host}={self.stub.base_url}" for host in routes), agent, *args]
        return subprocess.run(argv, env=self.env(**env), cwd=self.work, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=timeout)

    def cleanup(self) -> None:
        shutil.rmtree(self.state, ignore_errors=True)

    def records(self):
        return list(read_records(self.state / "records" / "flows.jsonl"))

    def audit(self) -> list[dict]:
        path = self.state / "records" / "audit.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def llm_posts(self, suffix: str):
        return [r for r in self.stub.requests if r.method == "POST" and r.path.split("?")[0].endswith(suffix)]
