"""`headroom-mitm providers`: what is known, from where, with which format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _cache(tmp_path: Path) -> dict[str, str]:
    cache = tmp_path / "cache" / "opencode"
    cache.mkdir(parents=True)
    (cache / "models.json").write_text(json.dumps({
        "acme-llm": {"id": "acme-llm", "name": "Acme", "npm": "@ai-sdk/anthropic", "api": "https://llm.acme.example/v1", "models": {}},
    }))
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}


def test_lists_cache_snapshot_and_config_providers(tmp_path: Path) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "OPENCODE_"))}, **_cache(tmp_path)}
    config = tmp_path / "config" / "opencode"
    config.mkdir(parents=True)
    (config / "opencode.json").write_text(json.dumps({"provider": {"corp": {
        "npm": "@ai-sdk/openai-compatible", "options": {"baseURL": "https://llm.corp.example/v1"}, "models": {"m": {}}}}}))
    out = subprocess.run([sys.executable, "-m", "headroom_mitm", "providers"], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = {line.split()[0]: line.split() for line in out.stdout.splitlines() if line.strip() and not line.startswith("2")}
    assert lines["acme-llm"][1:] == ["opencode-cache", "anthropic-messages", "llm.acme.example"]
    assert lines["corp"][1:] == ["opencode-config", "openai-chat", "llm.corp.example"]
    assert lines["deepinfra"][1:] == ["snapshot", "openai-chat", "api.deepinfra.com"]
    assert "loopback" in lines["lmstudio"]
    assert "227 providers: 1 from opencode-config, 1 from opencode-cache, 225 from snapshot" in out.stdout

    as_json = json.loads(subprocess.run([sys.executable, "-m", "headroom_mitm", "providers", "--json"], env=env,
                                        cwd=tmp_path, capture_output=True, text=True, timeout=60).stdout)
    venice = next(r for r in as_json if r["id"] == "venice")
    assert venice == {"id": "venice", "source": "snapshot", "hosts": ["api.venice.ai"], "formats": ["openai-chat"], "loopback": False}
