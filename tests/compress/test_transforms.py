"""Each transform on its own."""

from __future__ import annotations

import json
import re

import pytest

from headroom_mitm.compress import lossless as ll
from headroom_mitm.compress import sift
from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from headroom_mitm.compress.store import grep_lines, slice_lines
from tests.support import RULES, shape_candidates

S = RULES
RID = re.compile(r"headroom_retrieve id=(hr_[0-9a-f]{16})")


# ------------------------------------------------------------------ lossless


def test_strip_ansi_removes_colours_osc_and_cursor_codes() -> None:
    text = "\x1b[1;31mFAILED\x1b[0m test\x1b[K\n\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b(Bok"
    assert ll.strip_ansi(text) == "FAILED test\nlink ok"


def test_strip_ansi_leaves_plain_text_as_the_same_object() -> None:
    text = "no escapes here"
    assert ll.strip_ansi(text) is text


def test_collapse_cr_keeps_final_state_of_progress_lines() -> None:
    text = "Downloading  10%\rDownloading  50%\rDownloading 100%\ndone\n"
    assert ll.collapse_cr(text) == "Downloading 100%\ndone\n"


def test_collapse_cr_keeps_crlf_endings() -> None:
    text = "a\r\nb\r\n"
    assert ll.collapse_cr(text) == text
    assert ll.collapse_cr("x 1%\rx 2%\r\ny\r\n") == "x 2%\r\ny\r\n"


def test_collapse_cr_ignores_trailing_empty_overwrite() -> None:
    assert ll.collapse_cr("progress 99%\r") == "progress 99%"


def test_trim_trailing_ws() -> None:
    assert ll.trim_trailing_ws("a  \nb\t\nc \r\nd   ") == "a\nb\nc\r\nd"
    same = "clean\nlines"
    assert ll.trim_trailing_ws(same) is same


def test_collapse_blank_runs_keeps_double_blank_lines() -> None:
    assert ll.collapse_blank_runs("a\n\n\nb") == "a\n\n\nb"  # two blank lines: code style
    assert ll.collapse_blank_runs("a\n\n\n\n\n\nb") == "a\n\nb"
    assert ll.collapse_blank_runs("a\r\n\r\n\r\n\r\n\r\nb") == "a\r\n\r\nb"


def test_compact_json_keeps_every_token() -> None:
    pretty = json.dumps({"a": [1.10, 2e5, "x  y", {"k": None}], "é": "\\u00e9"}, indent=2, ensure_ascii=False)
    pretty = pretty.replace("1.1", "1.10")  # a spelling json.dumps would normalise away
    out = ll.compact_json(pretty)
    assert out == '{"a": [1.10, 200000.0, "x  y", {"k": null}], "é": "\\\\u00e9"}'
    assert json.loads(out) == json.loads(pretty)


def test_compact_json_rejects_non_json() -> None:
    for text in ["{not json}", "plain text", "[1, 2", "{}\n trailing"]:
        assert ll.compact_json(text) == text


# ------------------------------------------------------------------ lossy


def _ids(text: str) -> set[str]:
    return set(RID.findall(text))


def test_dedupe_lines_counts_repeats_and_similar_runs() -> None:
    lines = ["start"] + ["same line"] * 50 + [f"fetch {i}/200 ok" for i in range(200)] + ["end"]
    text = "\n".join(lines)
    res = tf.dedupe_lines(text, S)
    assert res is not None
    assert res.original == text and _ids(res.text) == {res.rid} == {tf.retrieve_id(text)}
    assert "[… lines 3–51 repeat the previous line; " in res.text
    assert "[… lines 53–250 elided (similar); " in res.text
    assert "fetch 0/200 ok" in res.text and "fetch 199/200 ok" in res.text
    assert res.text.startswith("start\nsame line\n") and res.text.endswith("\nend")
    assert slice_lines(text, 53, 53, number=False) == "fetch 1/200 ok"


def test_dedupe_lines_none_when_nothing_repeats() -> None:
    assert tf.dedupe_lines("a\nb\nc\nd", S) is None


def _verbatim(out: str, text: str) -> None:
    """Every line of a lossy rendering is a line of the input or a marker."""
    src = set(text.split("\n"))
    for line in out.split("\n"):
        assert line in src or line.startswith(("[…", "[warnings left out")), line


def _lossy(text: str, s: CompressionSettings = S, tool: str = "bash") -> tuple[str, tf.LossyResult]:
    found = shape_candidates(sift.lossy_candidates(text, tool, s))
    assert len(found) == 1, [n for n, _ in found]
    name, res = found[0]
    assert res.original == text and res.rid == tf.retrieve_id(text)
    _verbatim(res.text, text)
    return name, res


def test_log_output_keeps_errors_traceback_and_summary_verbatim() -> None:
    lines = [f"step {i}: compiling module_{i}" for i in range(600)]
    lines[300] = "src/app.c:12:5: error: expected ';' before '}' token"
    lines[450] = "warning: unused variable 'x'"
    lines += ["Traceback (most recent call last):", '  File "a.py", line 1, in <module>', "    boom()", "ZeroDivisionError: division by zero"]
    lines += [f"cleanup {i}" for i in range(40)] + ["==== 3 failed, 10 passed in 2.00s ===="]
    text = "\n".join(lines)
    _, res = _lossy(text)
    kept = res.text.split("\n")
    for needle in [
        "src/app.c:12:5: error: expected ';' before '}' token",
        "warning: unused variable 'x'",
        "Traceback (most recent call last):",
        '  File "a.py", line 1, in <module>',
        "ZeroDivisionError: division by zero",
        "==== 3 failed, 10 passed in 2.00s ====",
        "step 0: compiling module_0",
    ]:
        assert needle in kept, needle
    assert "step 200: compiling module_200" not in kept
    assert len(res.text) < 0.2 * len(text)
    assert "[… lines 4–" in res.text and _ids(res.text) == {res.rid}


def test_log_output_marker_line_numbers_point_into_the_original() -> None:
    lines = [f"line {i + 1}" for i in range(500)]
    lines[249] = "ERROR boom"
    text = "\n".join(lines) + "\n"
    name, res = _lossy(text)
    assert name == "log_output" and "ERROR boom" in res.text.split("\n")
    found = 0
    for m in re.finditer(r"\[… lines (\d+)–(\d+) elided; ", res.text):
        found += 1
        a, b = int(m.group(1)), int(m.group(2))
        got = slice_lines(text, a, b, number=False).split("\n")
        assert got[0] == f"line {a}" and got[-1] == f"line {b}"
        assert f"line {a}\n" not in res.text and f"line {a - 1}\n" in res.text + "\n"
    assert found >= 2
    assert res.text.endswith("\n")  # the final newline stays


def test_engine_keeps_opencode_truncation_header_on_top() -> None:
    head = "...output truncated...\n\nFull output saved to: /home/u/.local/share/opencode/tool-output/tool_1\n\n"
    body = "\n".join(f"building target {i}" for i in range(800))
    r = compress_text(head + body, "bash", S).rendering
    assert r.retrieve_id is not None and r.text is not None
    assert r.text.startswith(head)
    _verbatim(r.text, head + body)


def test_log_output_keeps_every_error_and_drops_ok_lines() -> None:
    lines = [f"error E{i}: failure number {i}" if i % 30 == 0 else f"ok {i}" for i in range(3000)]
    text = "\n".join(lines)
    _, res = _lossy(text)
    kept = set(res.text.split("\n"))
    assert len(res.text) < len(text) / 2
    assert all(line in kept for line in lines if line.startswith("error "))
    assert "ok 1501" not in kept


def test_log_output_without_anything_to_leave_out_is_not_lossy() -> None:
    # One error in every three lines: every error stays, the gaps between them are cheaper than a marker.
    text = "\n".join(f"error E{i}: failure number {i}" if i % 3 == 0 else f"ok {i}" for i in range(3000))
    assert sift.lossy_candidates(text, "bash", S) == []


GREP = "\n".join(
    [f"src/pkg/mod_{f}.py:{10 * k + 1}:    def handler_{k}(self):" for f in range(30) for k in range(15)]
    + ["grep: src/pkg/bin.dat: binary file matches"]
)


def test_search_results_keep_matches_verbatim_and_each_file_first() -> None:
    name, res = _lossy(GREP)
    assert name == "search_results"
    kept = res.text.split("\n")
    for f in range(30):
        assert f"src/pkg/mod_{f}.py:1:    def handler_0(self):" in kept  # every file's first match
    assert "src/pkg/mod_0.py:41:    def handler_4(self):" in kept  # the next few of a file come next
    assert "src/pkg/mod_29.py:111:    def handler_11(self):" not in kept
    assert "grep: src/pkg/bin.dat: binary file matches" in kept
    assert len(res.text) < 0.6 * len(GREP)
    assert res.rid in res.text


def test_search_results_up_to_100_matches_stay_whole() -> None:
    text = "\n".join(f"lib/f{i}.js:{i}:match here and there" for i in range(100))
    assert sift.lossy_candidates(text, "grep", S) == []


def test_search_results_opencode_grep_format_is_not_rewritten() -> None:
    parts = ["Found 450 matches"]
    for f in range(30):
        parts.append(f"/repo/src/file{f}.ts:")
        parts += [f"  Line {k}: const value{k} = compute();" for k in range(1, 16)]
        parts.append("")
    text = "\n".join(parts)
    name, res = _lossy(text, tool="grep")
    assert name == "search_results"
    assert res.text.startswith("Found 450 matches\n")
    kept = res.text.split("\n")
    for f in range(30):
        i = kept.index(f"/repo/src/file{f}.ts:")
        assert kept[i + 1] == "  Line 1: const value1 = compute();"  # heading and first match, as written
    assert "  1:const value1 = compute();" not in res.text
    assert len(res.text) < 0.75 * len(text)


def test_search_results_rejects_logs() -> None:
    lines = [f"2024-01-01T12:{i % 60:02d}:00 INFO request {i} served" for i in range(200)]
    assert tf.rank_search(lines) is None


def test_compiler_findings_are_not_taken_for_search_results() -> None:
    lines = [f"src/mod_{i % 7}.py:{i + 1}: error: Incompatible types in assignment  [assignment]" for i in range(300)]
    text = "\n".join(lines)
    for name, res in sift.lossy_candidates(text, "bash", S):
        assert name != "search_results"
        _verbatim(res.text, text)


def _outline(text: str) -> tf.LossyResult:
    found = sift.lossy_candidates(text, "bash", S)
    assert [n for n, _ in found] == ["json_outline"]
    return found[0][1]


def test_json_outline_keeps_head_tail_anomalies_and_count() -> None:
    items = [{"id": i, "status": "ok", "name": f"item{i}"} for i in range(500)]
    items[250] = {"id": 250, "status": "error", "name": "item250", "detail": "disk full"}
    items[300]["status"] = "failed"
    text = json.dumps(items)
    res = _outline(text)
    out = res.text
    kept = json.loads(out)  # still JSON, values verbatim
    for item in (items[0], items[4], items[250], items[300], items[499]):
        assert item in kept
    assert items[100] not in kept
    assert "items 6–250 of 500" in out and _ids(out) == {res.rid}
    assert len(out) < 0.1 * len(text)
    # the stored original is the same document, one member per line: retrievable by pattern
    assert json.loads(res.original) == items
    assert grep_lines(res.original, "disk full")


def test_json_outline_of_a_nested_array_stays_valid_json() -> None:
    data = {"total_count": 900, "items": [{"path": f"a/{i}", "score": i / 7} for i in range(900)], "next": None}
    text = json.dumps(data)
    res = _outline(text)
    parsed = json.loads(res.text)
    assert parsed["total_count"] == 900 and parsed["next"] is None
    assert any(isinstance(x, str) and "items of $.items elided" in x for x in parsed["items"])
    assert json.loads(res.original) == data


def test_json_outline_ignores_small_documents() -> None:
    assert sift.lossy_candidates(json.dumps(list(range(20))), "bash", S) == []


def test_prose_and_a_single_long_line_are_never_lossy() -> None:
    text = "".join(f"paragraph {i}: " + "lorem ipsum " * 8 + "\n" for i in range(400))
    assert sift.lossy_candidates(text, "bash", S) == []
    assert compress_text(text, "bash", S).rendering.retrieve_id is None
    minified = "var a=1;" + "function f(x){return x*2};" * 2000
    assert sift.lossy_candidates(minified, "bash", S) == []
    assert compress_text(minified, "bash", S).rendering.retrieve_id is None


def test_long_lines_are_kept_whole() -> None:
    long_line = "ERROR payload=" + "x" * 5000
    lines = [f"request {i} handled in {i % 7} ms" for i in range(400)]
    lines[200] = long_line
    text = "\n".join(lines)
    _, res = _lossy(text)
    assert long_line in res.text.split("\n")


def test_retrieve_id_is_content_addressed() -> None:
    assert tf.retrieve_id("abc") == tf.retrieve_id("abc") != tf.retrieve_id("abd")
    assert re.fullmatch(r"hr_[0-9a-f]{16}", tf.retrieve_id("abc"))


def test_grep_lines_helper() -> None:
    text = "alpha\nbeta\ngamma\ndelta\n"
    assert grep_lines(text, "^(beta|delta)$") == "2: beta\n--\n4: delta"
    assert grep_lines(text, "gam", context=1) == "2: beta\n3: gamma\n4: delta"
    assert grep_lines(text, "[unclosed") == ""  # invalid regex falls back to a substring


@pytest.mark.parametrize(
    "text",
    [
        GREP,
        "\n".join(f"error {i}" if i % 50 == 0 else f"worker {i % 7} idle" for i in range(1500)),
        "\n".join(f"step {i} ok" for i in range(2000)),
        json.dumps([{"id": i, "status": "failed" if i == 77 else "ok"} for i in range(900)]),
    ],
)
def test_lossy_transforms_are_deterministic(text: str) -> None:
    first = sift.lossy_candidates(text, "bash", S)
    assert first and first == sift.lossy_candidates(text, "bash", S)
    assert tf.dedupe_lines(text, S) == tf.dedupe_lines(text, S)


def test_search_results_with_context_lines() -> None:
    blocks = []
    for f in range(8):
        for k in range(60):  # 480 matches: more than a search sent whole
            blocks += [
                f"pkg/f{f}.py-{10 * k + 1}-    before = prepare({k})",
                f"pkg/f{f}.py:{10 * k + 2}:    hit = handler_{k}(request)",
                f"pkg/f{f}.py-{10 * k + 3}-    after = finish({k})",
            ]
    text = "\n".join(blocks)
    name, res = _lossy(text)
    assert name == "search_results"
    kept = res.text.split("\n")
    for f in range(8):
        assert f"pkg/f{f}.py:2:    hit = handler_0(request)" in kept  # every file's first match, as written
        assert f"pkg/f{f}.py:42:    hit = handler_4(request)" in kept  # and its next few
    assert "\n".join(blocks[:60]) in res.text  # the first file's hits, complete as printed
    assert "pkg/f3.py:102:    hit = handler_10(request)" not in kept
    assert len(res.text) < 0.65 * len(text)  # a search's head gets twice the room of a log's


def test_log_output_with_many_failures_keeps_every_error_line_before_any_context() -> None:
    progress = [f"tests/test_api.py::test_case_{i:04d} {'FAILED' if i % 40 == 7 else 'PASSED'} [{i * 100 // 2400:3d}%]"
                for i in range(2400)]
    failed = [i for i in range(2400) if i % 40 == 7]
    sections = []
    for i in failed:
        sections += [f"{'_' * 20} test_case_{i:04d} {'_' * 20}", "", "    def test():", f">       assert value({i}) == {i + 1}",
                     f"E       AssertionError: assert {i} == {i + 1}", "", "tests/test_api.py:12: AssertionError"]
    summary = [f"FAILED tests/test_api.py::test_case_{i:04d} - AssertionError: assert {i} == {i + 1}" for i in failed]
    text = "\n".join(progress + ["", "=" * 30 + " FAILURES " + "=" * 30, *sections,
                                 "=" * 20 + " short test summary info " + "=" * 20, *summary,
                                 f"{'=' * 10} {len(failed)} failed, {2400 - len(failed)} passed in 42.1s {'=' * 10}"])
    _, res = _lossy(text)
    assert len(res.text) < len(text) / 4
    kept = set(res.text.split("\n"))
    assert all(f"E       AssertionError: assert {i} == {i + 1}" in kept for i in failed)
    assert all(line in kept for line in summary)
    assert f"{len(failed)} failed, {2400 - len(failed)} passed" in res.text
