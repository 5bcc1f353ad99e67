"""Rebuilding what OpenCode truncated from its saved file: the safety of every read, the budget,
and a first rendering that outlives the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request, recover_truncated
from headroom_mitm.compress.adapters import ToolBlock
from headroom_mitm.compress.engine import render_block
from headroom_mitm.compress.recovery import parse_truncations, read_saved_output, recover_full_output
from tests.support import opencode_shell_cut

NEEDLE = "ERROR payment worker crashed: KeyError: 'currency' (order 88231)"
CAP = 2 * 1024 * 1024


@pytest.fixture(autouse=True)
def _fresh_memo() -> None:
    clear_memo()


@pytest.fixture()
def outputs(tmp_path: Path) -> Path:
    d = tmp_path / "data" / "opencode" / "tool-output"
    d.mkdir(parents=True)
    return d


def app_log(lines: int = 2600, needle_at: float = 0.6) -> str:
    """~139 KB of service log with one error line and a traceback at `needle_at` of the way."""
    out = [f"2026-11-20T10:{i // 60 % 60:02d}:{i % 60:02d}Z INFO request handled path=/api/items/{i} status=200 ms={i % 37}"
           for i in range(lines)]
    at = int(lines * needle_at)
    out[at:at] = [NEEDLE, "Traceback (most recent call last):", '  File "worker.py", line 41, in run', "KeyError: 'currency'"]
    return "\n".join(out) + "\n"


def saved(outputs: Path, full: str, name: str = "tool_01JD8X") -> tuple[Path, str]:
    path = outputs / name
    path.write_text(full)
    return path, opencode_shell_cut(full, str(path))


def settings(*dirs: Path, **kw) -> CompressionSettings:
    return CompressionSettings(tool_output_dirs=tuple(str(d) for d in dirs), **kw)


# ------------------------------------------------------------------ parsing


def test_shell_header_is_parsed_with_and_without_metadata() -> None:
    block = "...output truncated...\n\nFull output saved to: /d/tool_1\n\nlast lines\n\n<shell_metadata>\ntimeout\n</shell_metadata>"
    first, second = parse_truncations(block)
    assert first.path == "/d/tool_1" and first.tail == "last lines" and first.suffix.startswith("\n\n<shell_metadata>")
    assert second.tail.endswith("</shell_metadata>") and second.suffix == ""


def test_store_marker_in_the_middle_or_at_the_end() -> None:
    marker = "... output truncated; full content saved to /d/tool_2 ..."
    (mid,) = parse_truncations(f"head\n\n{marker}\n\ntail")
    assert (mid.head, mid.tail, mid.header) == ("head", "tail", marker + "\n\n")
    (end,) = parse_truncations(f"head\n\n{marker}")
    assert (end.head, end.tail) == ("head", "")


def test_no_marker_or_a_quoted_second_marker_is_no_truncation() -> None:
    marker = "... output truncated; full content saved to /d/tool_2 ..."
    assert parse_truncations("plain output") == []
    assert parse_truncations(f"a\n\n{marker}\n\nb\n\n{marker}\n\nc") == []
    assert parse_truncations("x...output truncated...\n\nFull output saved to: /d/tool_1\n\ny") == []


# ------------------------------------------------------------------ what may be read


def test_a_file_in_the_directory_is_read(outputs: Path) -> None:
    path, _ = saved(outputs, "whole output\n")
    assert read_saved_output(str(path), [str(outputs)], CAP) == "whole output\n"


@pytest.mark.parametrize("named", ["/etc/passwd", "{d}/../../../../../../etc/passwd", "{d}/../tool_x", "relative/tool_1", "{d}/tool_1\0"])
def test_paths_outside_the_directory_are_never_read(outputs: Path, named: str) -> None:
    (outputs.parent / "tool_x").write_text("beside, not inside\n")
    (outputs / "tool_1").write_text("inside\n")
    assert read_saved_output(named.format(d=outputs), [str(outputs)], CAP) is None


def test_dot_dot_that_stays_inside_is_resolved(outputs: Path) -> None:
    (outputs / "sub").mkdir()
    (outputs / "tool_1").write_text("inside\n")
    assert read_saved_output(f"{outputs}/sub/../tool_1", [str(outputs)], CAP) == "inside\n"


def test_a_symlink_pointing_outside_is_not_followed(outputs: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not send\n")
    (outputs / "tool_evil").symlink_to(secret)
    (outputs / "tool_passwd").symlink_to("/etc/passwd")
    assert read_saved_output(str(outputs / "tool_evil"), [str(outputs)], CAP) is None
    assert read_saved_output(str(outputs / "tool_passwd"), [str(outputs)], CAP) is None


def test_a_symlink_or_hard_link_inside_the_directory_is_not_read(outputs: Path, tmp_path: Path) -> None:
    (outputs / "tool_real").write_text("inside\n")
    (outputs / "tool_alias").symlink_to(outputs / "tool_real")  # points inside, still a link
    secret = tmp_path / "secret.txt"
    secret.write_text("do not send\n")
    os.link(secret, outputs / "tool_hard")  # same inode as a file outside the directory
    assert read_saved_output(str(outputs / "tool_alias"), [str(outputs)], CAP) is None
    assert read_saved_output(str(outputs / "tool_hard"), [str(outputs)], CAP) is None
    assert read_saved_output(str(outputs / "tool_real"), [str(outputs)], CAP) == "inside\n"


def test_a_symlink_swapped_in_after_the_check_is_not_followed(outputs: Path, tmp_path: Path) -> None:
    from headroom_mitm.compress.recovery import _read_beneath

    (tmp_path / "secret").write_text("do not send\n")
    (outputs / "tool_1").symlink_to(tmp_path / "secret")
    assert _read_beneath(str(outputs), ["tool_1"], CAP) is None


def test_only_files_named_like_opencode_s_are_read(outputs: Path) -> None:
    (outputs / "notes.txt").write_text("not a tool output\n")
    (outputs / "tool_dir").mkdir()
    assert read_saved_output(str(outputs / "notes.txt"), [str(outputs)], CAP) is None
    assert read_saved_output(str(outputs / "tool_dir"), [str(outputs)], CAP) is None


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(outputs: Path) -> None:
    os.mkfifo(outputs / "tool_fifo")
    assert read_saved_output(str(outputs / "tool_fifo"), [str(outputs)], CAP) is None


def test_another_user_s_file_is_refused(outputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = saved(outputs, "someone else's output\n")
    if os.geteuid() == 0:  # root can give the file away for real
        os.chown(path, 65534, 65534)
    else:  # otherwise the proxy runs as somebody the file does not belong to
        monkeypatch.setattr(os, "geteuid", lambda: os.getuid() + 1)
    assert read_saved_output(str(path), [str(outputs)], CAP) is None


def test_a_file_over_the_cap_is_refused(outputs: Path) -> None:
    path, _ = saved(outputs, "x" * 1000)
    assert read_saved_output(str(path), [str(outputs)], 999) is None
    assert read_saved_output(str(path), [str(outputs)], 1000) == "x" * 1000


def test_the_allowed_directory_may_itself_be_a_symlink(outputs: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(outputs)
    path, _ = saved(outputs, "whole\n")
    assert read_saved_output(str(link / path.name), [str(link)], CAP) == "whole\n"


def test_a_forged_header_naming_a_real_file_is_ignored(outputs: Path) -> None:
    path, _ = saved(outputs, app_log())
    forged = f"...output truncated...\n\nFull output saved to: {path}\n\n" + "text the file does not end with\n" * 10
    assert recover_full_output(forged, [str(outputs)], CAP) is None


# ------------------------------------------------------------------ the rendering


def test_the_whole_output_comes_back_compressed_within_opencode_s_budget(outputs: Path) -> None:
    full = app_log()
    path, block = saved(outputs, full)
    assert len(full) > 130_000 and NEEDLE not in block  # OpenCode alone loses the error
    outcome = recover_truncated(block, "bash", settings(outputs))
    assert outcome is not None
    text = outcome.rendering.text
    assert text is not None and NEEDLE in text and "KeyError: 'currency'" in text
    assert text.startswith(f"...output truncated...\n\nFull output saved to: {path}\n\n")
    assert len(text.encode()) <= len(block.encode())
    assert outcome.rendering.transforms[0] == "recover_truncated" and outcome.original == full
    assert outcome.rendering.retrieve_id and outcome.rendering.retrieve_id in text


@pytest.mark.parametrize("shown_bytes", [1000, 2000, 4000])
def test_a_block_the_ring_left_small_gets_a_tighter_rebuild(outputs: Path, shown_bytes: int) -> None:
    # OpenCode's shell tool keeps a ring of the chunks it read: under load a 140 KB output can
    # come with 1–4 KB of its end, less than the usual rebuild (~2.4 KB here).
    full = app_log()
    path = outputs / "tool_03"
    path.write_text(full)
    block = opencode_shell_cut(full, str(path), max_bytes=shown_bytes)
    outcome = recover_truncated(block, "bash", settings(outputs))
    assert outcome is not None and outcome.rendering.text is not None
    text = outcome.rendering.text
    assert len(text.encode()) <= len(block.encode())
    assert NEEDLE in text and "KeyError: 'currency'" in text and full.splitlines()[-1] in text
    assert f"headroom_retrieve id={outcome.rendering.retrieve_id}" in text


def test_a_block_too_small_for_the_lines_that_must_stay_is_left_alone(outputs: Path) -> None:
    full = app_log()
    path = outputs / "tool_04"
    path.write_text(full)
    block = opencode_shell_cut(full, str(path), max_bytes=300)
    assert recover_truncated(block, "bash", settings(outputs)) is None


def test_without_a_directory_or_with_the_transform_off_nothing_is_read(outputs: Path) -> None:
    _, block = saved(outputs, app_log())
    assert recover_truncated(block, "bash", CompressionSettings()) is None
    assert recover_truncated(block, "bash", settings(outputs, disabled_transforms=frozenset({"recover_truncated"}))) is None
    assert recover_truncated(block, "read", settings(outputs)) is None  # verbatim tools stay verbatim


def test_a_rebuild_larger_than_the_block_is_not_sent(outputs: Path) -> None:
    _, block = saved(outputs, app_log())
    lossless_only = settings(outputs, lossless_only_tools=frozenset({"bash"}))
    assert recover_truncated(block, "bash", lossless_only) is None


def test_shell_metadata_stays_after_the_rebuilt_output(outputs: Path) -> None:
    path, block = saved(outputs, app_log())
    meta = "\n\n<shell_metadata>\nshell tool terminated command after exceeding timeout 120000 ms.\n</shell_metadata>"
    outcome = recover_truncated(block + meta, "bash", settings(outputs))
    assert outcome is not None and outcome.rendering.text is not None
    assert outcome.rendering.text.endswith(meta) and NEEDLE in outcome.rendering.text


def test_the_store_marker_shape_is_rebuilt_too(outputs: Path) -> None:
    full = app_log()
    path = outputs / "tool_02"
    path.write_text(full)
    marker = f"... output truncated; full content saved to {path} ..."
    block = full[:20_000].rsplit("\n", 1)[0] + f"\n\n{marker}\n\n" + full[-25_000:].split("\n", 1)[1]
    assert NEEDLE not in block
    outcome = recover_truncated(block, "webfetch_logs", settings(outputs))
    assert outcome is not None and outcome.rendering.text is not None
    assert outcome.rendering.text.startswith(marker) and NEEDLE in outcome.rendering.text


def test_the_first_rendering_is_reused_after_the_file_is_gone(outputs: Path, tmp_path: Path) -> None:
    path, block = saved(outputs, app_log())
    s = settings(outputs)
    with OriginalStore(tmp_path / "store.db") as store:
        first, cached = render_block(ToolBlock((), block, "bash"), s, store)
        assert not cached and first.text is not None and NEEDLE in first.text
        path.unlink()
        clear_memo()
        again, cached = render_block(ToolBlock((), block, "bash"), s, store)
        assert cached and again == first
        assert store.get(first.retrieve_id) == app_log()  # the whole output is retrievable


def test_a_missing_file_leaves_the_block_to_the_normal_transforms(outputs: Path) -> None:
    path, block = saved(outputs, app_log())
    path.unlink()
    normal, _ = render_block(ToolBlock((), block, "bash"), CompressionSettings(), None)
    clear_memo()
    missing, _ = render_block(ToolBlock((), block, "bash"), settings(outputs), None)
    assert missing == normal and "recover_truncated" not in missing.transforms


def test_a_request_carries_the_rebuilt_output(outputs: Path, tmp_path: Path) -> None:
    _, block = saved(outputs, app_log())
    body = {
        "model": "claude-sonnet-4-5",
        "tools": [{"name": "headroom_headroom_retrieve", "input_schema": {"type": "object"}}],
        "messages": [
            {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "bash", "input": {"command": "cat app.log"}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1", "content": block}]},
        ],
    }
    raw = json.dumps(body).encode()
    with OriginalStore(tmp_path / "o.db") as store:
        result = compress_request(raw, api_format="anthropic-messages", content_encoding=None, settings=settings(outputs), store=store)
        assert result.changed and len(result.body) <= len(raw)
        sent = json.loads(result.body)["messages"][1]["content"][0]["content"]
        assert NEEDLE in sent and result.blocks[0].transforms[0] == "recover_truncated"
        assert "headroom_headroom_retrieve id=" + (result.blocks[0].retrieve_id or "?") in sent
        assert store.get(result.blocks[0].retrieve_id or "") == app_log()
        # Without the retrieve tool in the request, nothing is rebuilt: the rebuilt output is only
        # ever sent in a lossy rendering.
        clear_memo()
        del body["tools"]
        plain = compress_request(json.dumps(body).encode(), api_format="anthropic-messages", content_encoding=None,
                                 settings=settings(outputs), store=store)
        assert NEEDLE not in plain.body.decode()
