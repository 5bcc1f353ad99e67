"""Realistic tool outputs: the needles stay visible and the savings are large.

Outputs are produced offline: a real pytest run over a generated suite, a synthetic build log, a
real grep -rn over the installed mitmproxy package, and `pip list --format=json` rebuilt from the
installed distributions.
"""

from __future__ import annotations

import importlib.metadata
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request, compress_text

S = CompressionSettings()
MITMPROXY_DIR = Path(__import__("mitmproxy").__file__).parent


@pytest.fixture(scope="module")
def pytest_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    root = tmp_path_factory.mktemp("suite")
    failing: list[str] = []
    rnd = random.Random(7)
    for f in range(25):
        body = ["import pytest", ""]
        for t in range(30):
            fails = rnd.random() < 0.01 or (f, t) == (13, 7)
            name = f"test_feature_{f:02d}_{t:02d}"
            if fails:
                failing.append(f"test_m{f:02d}.py::{name}")
                body += [f"def {name}():", f"    data = {{'k': {t}}}", f"    assert data['k'] == {t + 1}, 'value drifted'", ""]
            else:
                body += [f"def {name}():", f"    assert {t} == {t}", ""]
        (root / f"test_m{f:02d}.py").write_text("\n".join(body))
    p = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "--color=yes", "-o", "console_output_style=classic", str(root)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert failing and p.returncode == 1, p.stdout[-2000:]
    return p.stdout, failing


def build_log() -> str:
    rnd = random.Random(3)
    out = [f"[{i + 1:4d}/1800] Building CXX object src/{rnd.choice(['core', 'net', 'ui'])}/unit_{i}.cpp.o" for i in range(1800)]
    out[900:900] = [
        "/src/net/socket.cpp: In member function 'void Socket::open()':",
        "/src/net/socket.cpp:214:17: error: 'class Conn' has no member named 'sockfd'",
        "  214 |     return conn->sockfd;",
        "      |                  ^~~~~~",
        "ninja: build stopped: subcommand failed.",
    ]
    return "\n".join(out) + "\n"


def grep_output() -> str:
    cmd = ["grep", "-rn", "def ", "--include=*.py", str(MITMPROXY_DIR)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout


def pip_list_json() -> str:
    dists = sorted({(d.metadata["Name"], d.version) for d in importlib.metadata.distributions()}, key=lambda x: x[0].lower())
    return json.dumps([{"name": n, "version": v} for n, v in dists])


def saving(before: str, after: str) -> float:
    return 1 - len(after) / len(before)


def test_pytest_run_keeps_failures(pytest_run: tuple[str, list[str]]) -> None:
    text, failing = pytest_run
    out = compress_text(text, "bash", S).rendering.text
    assert out is not None
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    summary = re.search(r"\d+ failed, \d+ passed in [\d.]+s", plain)
    assert summary and summary.group() in out
    for name in failing:
        assert f"FAILED {name}" in out or name.split("::")[1] in out, name
    assert "AssertionError: value drifted" in out
    assert saving(text, out) >= 0.6, saving(text, out)


def test_build_log_keeps_the_error_in_the_middle() -> None:
    text = build_log()
    out = compress_text(text, "bash", S).rendering.text
    assert out is not None
    for needle in [
        "/src/net/socket.cpp:214:17: error: 'class Conn' has no member named 'sockfd'",
        "  214 |     return conn->sockfd;",
        "ninja: build stopped: subcommand failed.",
        "[1800/1800] Building CXX object",
    ]:
        assert needle in out
    assert saving(text, out) >= 0.6


@pytest.mark.parametrize("shape", ["log", "ls", "git"])
def test_opencode_truncated_bash_output_keeps_its_header_on_top(shape: str) -> None:
    header = "...output truncated...\n\nFull output saved to: /home/u/.local/share/opencode/tool-output/tool_abc\n\n"
    body = {
        "log": build_log(),
        "ls": "\n".join(f"-rw-r--r-- 1 u u {100 + i} Nov 20 10:00 file_{i}.py" for i in range(400)),
        "git": "\n".join(f"commit {i:040x}\nAuthor: A <a@x>\nDate:   Fri Nov 20 10:00:00 2026\n\n    change {i}\n\n" + "    a longer explanation of why the change was needed\n" * 6
                         for i in range(300)),
    }[shape]
    rendering = compress_text(header + body, "bash", S).rendering
    assert rendering.text is not None and rendering.text.startswith(header), rendering.text[:300]
    assert rendering.transforms[-1] == {"log": "log_output", "ls": "table_rows", "git": "git_output"}[shape]
    src = set((header + body).split("\n"))
    assert all(x in src or x.startswith("[…") for x in rendering.text.split("\n"))  # kept lines verbatim


def test_grep_over_mitmproxy_keeps_every_files_first_match_verbatim() -> None:
    text = grep_output()
    lines = text.splitlines()
    r = compress_text(text, "bash", S).rendering
    out = r.text
    assert out is not None and r.transforms[-1] == "search_results"
    kept = out.split("\n")
    firsts: dict[str, str] = {}
    for line in lines:
        firsts.setdefault(line.split(":", 1)[0], line)
    for f, first in firsts.items():
        assert first in kept, f
    src = set(lines)
    assert all(x in src or x.startswith("[…") for x in kept if x), "a kept line was rewritten"
    assert saving(text, out) >= 0.6, saving(text, out)


def test_small_pip_list_json_is_sent_as_it_is() -> None:
    text = pip_list_json()
    assert 2048 < len(text) < S.json_min_chars
    r = compress_text(text, "bash", S).rendering
    assert r.text is None and r.retrieve_id is None  # already compact, too small to outline


def test_hot_path_time_for_a_200kb_body(pytest_run: tuple[str, list[str]], tmp_path: Path) -> None:
    """Loose bound, only to catch pathological slowdowns on a busy machine."""
    text, _ = pytest_run
    outs = [text[:40_000], build_log()[:50_000], grep_output()[:50_000], "x " * 20_000]
    msgs: list[dict[str, object]] = [{"role": "user", "content": "go"}]
    for i, o in enumerate(outs):
        msgs.append({"role": "assistant", "tool_calls": [{"id": f"c{i}", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]})
        msgs.append({"role": "tool", "tool_call_id": f"c{i}", "content": o})
    tools = [{"type": "function", "function": {"name": "t", "description": "d" * 4000}}] * 5
    tools.append({"type": "function", "function": {"name": "headroom_headroom_retrieve", "parameters": {"type": "object"}}})
    raw = json.dumps({"model": "m", "stream": True, "messages": msgs, "tools": tools}).encode()
    assert len(raw) > 190_000
    clear_memo()
    with OriginalStore(tmp_path / "o.db") as store:
        t0 = time.perf_counter()
        cold = compress_request(raw, api_format=None, content_encoding=None, settings=S, store=store)
        cold_ms = (time.perf_counter() - t0) * 1000
        warm = []
        for _ in range(5):
            t0 = time.perf_counter()
            compress_request(raw, api_format=None, content_encoding=None, settings=S, store=store)
            warm.append((time.perf_counter() - t0) * 1000)
    assert cold.changed and any(b.retrieve_id for b in cold.blocks)  # lossy renderings were timed
    assert min(warm) < 50, warm
    assert cold_ms < 500, cold_ms
