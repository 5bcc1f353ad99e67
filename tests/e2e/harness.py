"""Running the REAL OpenCode through the launcher against the local stub, isolated and offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from headroom_mitm.launcher.env import isolated_home
from headroom_mitm.stub import StubServer

STUB_HOST = "llm.stub.test"
CUSTOM_MODEL = "stub/stub-model"
ANTHROPIC_MODEL = "anthropic/claude-sonnet-4-5"


def opencode_binary() -> str:
    pinned = Path(__file__).resolve().parents[2] / ".tools" / "bin" / "opencode"  # scripts/setup.sh puts it here
    candidate = os.environ.get("OPENCODE_BIN") or (str(pinned) if pinned.exists() else shutil.which("opencode"))
    if not candidate or not os.access(candidate, os.X_OK):
        raise RuntimeError("the pinned OpenCode is not installed: run `bash scripts/setup.sh` (or set OPENCODE_BIN)")
    return candidate


def custom_provider_config(extra: dict | None = None) -> str:
    config = {
        "provider": {
            "stub": {
                "npm": "@ai-sdk/openai-compatible",
                "options": {"baseURL": f"https://{STUB_HOST}/v1", "apiKey": "sk-e2e-custom-0123456789"},
                "models": {"stub-model": {}},
            }
        }
    }
    config.update(extra or {})
    return json.dumps(config)


@dataclass
class OpenCodeRun:
    tmp: Path
    stub: StubServer

    def __post_init__(self) -> None:
        self.home = self.tmp / "home"
        self.work = self.tmp / "work"
        self.state = self.tmp / "state"
        self.temp = self.tmp / "tmp"  # the launcher's TMPDIR: where its session CA lives
        for d in (self.home, self.work, self.state, self.temp):
            d.mkdir(parents=True, exist_ok=True)
        (self.work / "notes.py").write_text("# TODO: make the cache configurable\nVALUE = 1  # FIXME: units\n")

    def env(self, **extra: str) -> dict[str, str]:
        tools = str(Path(opencode_binary()).resolve().parent)
        env = {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), tools, os.path.dirname(shutil.which("rg") or "/usr/bin"), "/usr/bin", "/bin"]),
            **isolated_home(self.home),
            "TMPDIR": str(self.temp),
            "PWD": str(self.work),  # OpenCode's project directory comes from PWD
            "OPENCODE_CONFIG_CONTENT": custom_provider_config(),
            "ANTHROPIC_API_KEY": "sk-ant-e2e-0123456789abcdef",
            "LANG": "C.UTF-8",
        }
        env.update(extra)
        return env

    def launcher_argv(self, *opencode_args: str, options: tuple[str, ...] = ()) -> list[str]:
        return [
            sys.executable, "-m", "headroom_mitm",
            "--state-dir", str(self.state),
            "--opencode-bin", opencode_binary(),
            "--route", f"{STUB_HOST}={self.stub.base_url}",
            "--route", f"api.anthropic.com={self.stub.base_url}",
            # OpenCode installs a plugin from npm in the background: keep that on loopback too.
            "--route", f"registry.npmjs.org={self.stub.base_url}",
            *options,
            "opencode", *opencode_args,
        ]

    def run(self, *words: str, model: str = CUSTOM_MODEL, timeout: float = 90, options: tuple[str, ...] = (), **env: str):
        argv = self.launcher_argv("run", "--title", "e2e", "-m", model, *words, options=options)
        return subprocess.run(
            argv, env=self.env(**env), cwd=self.work, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=timeout,
        )

    def llm_requests(self):
        return [r for r in self.stub.requests if r.method == "POST"]
