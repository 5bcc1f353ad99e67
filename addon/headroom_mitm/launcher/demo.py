"""`headroom-mitm demo`: a real OpenCode session through the proxy, against the built-in stub model.

No API key and no internet: the stub is an OpenAI-compatible server on loopback, reached through
the proxy under a made-up host name (as a real provider would be), and OpenCode's background
plugin install is routed to the stub too. OpenCode runs real tools: a command with long output and
a grep over a small working tree.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import app
from .env import isolated_home
from .child import resolve_opencode
from .settings import GlobalOptions
from ..stub import Script, StubServer, TextStep, ToolCallStep
from ..stub.library import build_log_command, summarize_demo

DEMO_HOST = "llm.demo.headroom.invalid"
PROMPT = "The CI run failed. Run the test suite, find the failing test, and list open TODOs in the tree."

_WORK_TREE = {
    "service/config.py": "DEFAULT_TIMEOUT = 30  # TODO: read from service.toml\n\ndef load_config(path):\n    return {'timeout_seconds': DEFAULT_TIMEOUT}\n",
    "service/cache.py": "class Cache:\n    # FIXME: unbounded; add an LRU limit\n    def __init__(self):\n        self.items = {}\n",
    "README.md": "# inventory-service\n\nDemo working tree for headroom-mitm.\n",
}


def _demo_env(home: Path) -> dict[str, str]:
    env = {**os.environ, **isolated_home(home)}
    env.update(
        OPENCODE_CONFIG_CONTENT=json.dumps(
            {
                "provider": {
                    "stub": {
                        "npm": "@ai-sdk/openai-compatible",
                        "name": "headroom-mitm demo stub",
                        "options": {"baseURL": f"https://{DEMO_HOST}/v1", "apiKey": "demo-key-not-secret"},
                        "models": {"stub-model": {"name": "stub model"}},
                    }
                }
            }
        ),
    )
    return env


def demo_session(work: Path) -> Script:
    """A long test log with one failure, then a grep over the demo's own working tree."""
    return Script(
        name="demo",
        title="headroom-mitm demo",
        steps=(
            ToolCallStep("bash", {"command": build_log_command(1500), "description": "Run the test suite"},
                         preamble="Running the test suite."),
            ToolCallStep("grep", {"pattern": "TODO|FIXME", "path": str(work)}, preamble="Looking for open TODOs."),
            TextStep(summarize_demo),
        ),
    )


def run_demo(options: GlobalOptions, *, keep: bool = False) -> int:
    binary = resolve_opencode(options.opencode_bin, os.environ)
    root = Path(tempfile.mkdtemp(prefix="headroom-mitm-demo-"))
    home, work = root / "home", root / "work"
    for relative, text in _WORK_TREE.items():
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        (work / relative).write_text(text)
    home.mkdir()
    print(f"headroom-mitm demo: OpenCode ({binary}) → headroom-mitm proxy → local stub model", file=sys.stderr)
    print(f"  prompt: {PROMPT}", file=sys.stderr, flush=True)
    try:
        with StubServer(demo_session(work)) as stub:
            env = _demo_env(home)
            demo_options = app.reading_opencode_outputs(options.replace(
                routes=(*options.routes, f"{DEMO_HOST}={stub.base_url}", f"registry.npmjs.org={stub.base_url}")
            ), env)
            rc = app.run_agent(
                [binary, "run", "--title", "headroom-mitm demo", "-m", "stub/stub-model", PROMPT],
                demo_options,
                env=env,
                cwd=work,
                register_retrieval=demo_options.compress,  # as `headroom-mitm opencode` does: lossy needs it
            )
            seen = [r for r in stub.requests if r.method == "POST"]
            proxied = sum(1 for r in seen if "headroom-mitm" in r.headers.get("via", ""))
            print(f"headroom-mitm demo: the stub model answered {len(seen)} requests, {proxied} of them through the proxy; "
                  f"OpenCode exited with {rc}", file=sys.stderr)
            return rc
    finally:
        if keep:
            print(f"  kept: {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
