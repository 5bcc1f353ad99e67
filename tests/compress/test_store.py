"""OriginalStore: content addressing, first-rendering-wins, bounds, permissions, concurrency."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from headroom_mitm.compress import store as store_module
from headroom_mitm.compress.store import OriginalStore, Rendering, retrieve_text, slice_lines
from headroom_mitm.compress.transforms import retrieve_id


class Clock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t


def test_put_get_is_content_addressed(tmp_path: Path) -> None:
    with OriginalStore(tmp_path / "a.db") as st:
        rid = st.put("hello\nworld")
        assert rid == retrieve_id("hello\nworld")
        assert st.put("hello\nworld") == rid
        assert st.get(rid) == "hello\nworld"
        assert st.get("hr_0000000000000000") is None


def test_exotic_text_round_trips(tmp_path: Path) -> None:
    text = "nul\x00 surrogate \ud800 emoji 😀 crlf\r\n"
    with OriginalStore(tmp_path / "a.db") as st:
        assert st.get(st.put(text)) == text
        st.put_rendering("k", Rendering(text, ("a", "b"), "hr_x"))
        assert st.get_rendering("k") == Rendering(text, ("a", "b"), "hr_x")


def test_first_rendering_wins(tmp_path: Path) -> None:
    with OriginalStore(tmp_path / "a.db") as st:
        first = Rendering("first", ("log_output",), "hr_1")
        assert st.put_rendering("key", first) == first
        assert st.put_rendering("key", Rendering("second", ("head_tail",), "hr_2")) == first
        assert st.put_rendering("unchanged", Rendering(None)) == Rendering(None)
        assert st.get_rendering("unchanged") == Rendering(None)
        assert st.get_rendering("missing") is None


def test_first_rendering_wins_without_returning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite before 3.35 has no INSERT … RETURNING: the winner is then read back."""
    monkeypatch.setattr(store_module, "_RETURNING_KEY", "")
    with OriginalStore(tmp_path / "a.db") as st:
        first = Rendering("first", ("log_output",), "hr_1")
        assert st.put_rendering("key", first) == first
        assert st.put_rendering("key", Rendering("second", ("head_tail",), "hr_2")) == first
        assert st.get_rendering("key") == first


def test_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.db"
    with OriginalStore(path) as st:
        st.put("secret")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for extra in path.parent.glob("store.db-*"):
        assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0


def test_age_bound(tmp_path: Path) -> None:
    clock = Clock()
    with OriginalStore(tmp_path / "a.db", max_age_seconds=100, clock=clock) as st:
        old = st.put("old text")
        st.put_rendering("old", Rendering("r"))
        clock.t += 150
        new = st.put("new text")
        st.evict()
        assert st.get(old) is None and st.get_rendering("old") is None
        assert st.get(new) == "new text"


def test_storing_an_original_again_renews_its_age(tmp_path: Path) -> None:
    # A newer rendering pointing at an old original must not outlive it.
    clock = Clock()
    with OriginalStore(tmp_path / "a.db", max_age_seconds=100, clock=clock) as st:
        rid = st.put("shared original")
        clock.t += 80
        st.put("shared original")
        st.put_rendering("newer", Rendering("r", ("t",), rid))
        clock.t += 70  # 150 s after the first put, 70 s after the second
        st.evict()
        assert st.get_rendering("newer") is not None
        assert st.get(rid) == "shared original"


def test_size_bound_evicts_oldest_first(tmp_path: Path) -> None:
    clock = Clock()
    with OriginalStore(tmp_path / "a.db", max_bytes=50_000, clock=clock, evict_every=1, evict_interval_seconds=0) as st:
        ids = []
        for i in range(20):
            clock.t += 1
            ids.append(st.put(f"{i:04d}" + "x" * 9_996))
        assert st.total_bytes() <= 50_000
        assert st.get(ids[-1]) is not None
        assert st.get(ids[0]) is None
        kept = [i for i, rid in enumerate(ids) if st.get(rid) is not None]
        assert kept == list(range(kept[0], 20))  # a contiguous newest suffix


def test_two_connections_and_threads(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    writer = OriginalStore(path)
    reader = OriginalStore(path)  # as the MCP server process would open it
    errors: list[BaseException] = []

    def write(k: int) -> None:
        try:
            for i in range(50):
                writer.put(f"thread {k} item {i}")
                writer.put_rendering(f"{k}-{i}", Rendering(f"r{k}-{i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def read() -> None:
        try:
            for i in range(200):
                reader.get(retrieve_id(f"thread 0 item {i % 50}"))
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(3)] + [threading.Thread(target=read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    for k in range(3):
        for i in range(50):
            assert reader.get(retrieve_id(f"thread {k} item {i}")) == f"thread {k} item {i}"
            assert reader.get_rendering(f"{k}-{i}") == Rendering(f"r{k}-{i}")
    writer.close()
    reader.close()


def test_slice_lines() -> None:
    text = "a\nb\nc\nd\n"
    assert slice_lines(text, 2, 3) == "2: b\n3: c"
    assert slice_lines(text, 3, None, number=False) == "c\nd"
    assert slice_lines(text, 9, 12) == ""
    assert slice_lines(text) == "1: a\n2: b\n3: c\n4: d"


def test_retrieve_text(tmp_path: Path) -> None:
    with OriginalStore(tmp_path / "a.db") as st:
        rid = st.put("one\ntwo\nthree\n")
        assert retrieve_text(st, rid) == "one\ntwo\nthree\n"
        assert retrieve_text(st, rid, start_line=2, end_line=3) == "2: two\n3: three"
        assert retrieve_text(st, rid, pattern="^t") == "2: two\n3: three"
        assert retrieve_text(st, "hr_missing") is None


def test_writer_and_reader_in_separate_processes(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    script = (
        "import sys\n"
        "from headroom_mitm.compress.store import OriginalStore\n"
        "st = OriginalStore(sys.argv[1])\n"
        "for i in range(300):\n"
        "    st.put(f'proc item {i}')\n"
        "st.close()\n"
    )
    reader = OriginalStore(path)
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)])
    seen = 0
    while proc.poll() is None:
        seen += sum(reader.get(retrieve_id(f"proc item {i}")) is not None for i in range(0, 300, 30))
    assert proc.wait(timeout=60) == 0
    assert all(reader.get(retrieve_id(f"proc item {i}")) == f"proc item {i}" for i in range(300))
    reader.close()


def test_a_batch_is_seen_elsewhere_only_once_it_ends(tmp_path: Path) -> None:
    with OriginalStore(tmp_path / "a.db") as st, OriginalStore(tmp_path / "a.db") as other:
        with st.batch():
            rid = st.put("batched")
            st.put_rendering("k", Rendering("r", ("log_output",), rid))
            assert st.get(rid) == "batched"  # its own writes at once
            assert other.get(rid) is None and other.get_rendering("k") is None
        assert other.get(rid) == "batched" and other.get_rendering("k") == Rendering("r", ("log_output",), rid)


def test_a_batch_that_writes_nothing_locks_nothing(tmp_path: Path) -> None:
    # most requests find every block rendered before: another process's writes must not wait on them
    with OriginalStore(tmp_path / "a.db") as st, OriginalStore(tmp_path / "a.db", busy_timeout_ms=50) as other:
        with st.batch():
            assert st.get_rendering("k") is None
            rid = other.put("written elsewhere meanwhile")
        assert st.get(rid) == "written elsewhere meanwhile"


def test_a_failed_batch_keeps_nothing(tmp_path: Path) -> None:
    with OriginalStore(tmp_path / "a.db") as st:
        with pytest.raises(RuntimeError), st.batch():
            rid = st.put("undone")
            raise RuntimeError("boom")
        assert st.get(rid) is None
        assert st.get(st.put("after")) == "after"  # writes go on as before


def _two_logs_request() -> bytes:
    logs = ["\n".join(f"[{seed}] step {i} ok" for i in range(600)) + f"\n[{seed}] src/x.rs:1:1: error: boom\n" for seed in (1, 2)]
    msgs: list[dict[str, object]] = [{"role": "user", "content": "go"}]
    for i, log in enumerate(logs):
        msgs += [{"role": "assistant", "content": None, "tool_calls": [{"id": f"c{i}", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
                 {"role": "tool", "tool_call_id": f"c{i}", "content": log}]
    tools = [{"type": "function", "function": {"name": "headroom_headroom_retrieve", "parameters": {"type": "object"}}}]
    return json.dumps({"model": "m", "messages": msgs, "tools": tools}).encode()


def test_a_write_that_fails_mid_request_leaves_no_marker_to_an_undone_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The request's writes commit together: the second block's failed write undoes the first's
    original too, so no block of that request may point at it."""
    from headroom_mitm.compress import CompressionSettings, clear_memo, compress_request

    body = _two_logs_request()
    with OriginalStore(tmp_path / "a.db") as st:
        put_rendering = st.put_rendering
        calls: list[str] = []

        def second_fails(key: str, rendering: Rendering) -> Rendering:
            calls.append(key)
            if len(calls) == 2:
                raise OSError("database or disk is full")
            return put_rendering(key, rendering)

        monkeypatch.setattr(st, "put_rendering", second_fails)
        clear_memo()
        res = compress_request(body, api_format=None, content_encoding=None, settings=CompressionSettings(), store=st)
        assert len(calls) == 2 and st.broken
        assert b"headroom_retrieve id=" not in res.body and all(b.retrieve_id is None for b in res.blocks)
        monkeypatch.undo()
        clear_memo()
        again = compress_request(body, api_format=None, content_encoding=None, settings=CompressionSettings(), store=st)
        assert b"headroom_retrieve id=" not in again.body  # a broken store takes no more originals
