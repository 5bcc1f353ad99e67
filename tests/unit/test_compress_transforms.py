"""Each transform on its own."""

from __future__ import annotations

import json
import re

import pytest

from headroom_mitm.compress import transforms as tf
from headroom_mitm.compress.settings import CompressionSettings
from headroom_mitm.compress.store import grep_lines, slice_lines

S = CompressionSettings()
RID = re.compile(r"headroom_retrieve id=(hr_[0-9a-f]{16})")


# ------------------------------------------------------------------ lossless


def test_strip_ansi_removes_colours_osc_and_cursor_codes() -> None:
    text = "\x1b[1;31mFAILED\x1b[0m test\x1b[K\n\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b(Bok"
    assert tf.strip_ansi(text) == "FAILED test\nlink ok"


def test_strip_ansi_leaves_plain_text_as_the_same_object() -> None:
    text = "no escapes here"
    assert tf.strip_ansi(text) is text


def test_collapse_cr_keeps_final_state_of_progress_lines() -> None:
    text = "Downloading  10%\rDownloading  50%\rDownloading 100%\ndone\n"
    assert tf.collapse_cr(text) == "Downloading 100%\ndone\n"


def test_collapse_cr_keeps_crlf_endings() -> None:
    text = "a\r\nb\r\n"
    assert tf.collapse_cr(text) == text
    assert tf.collapse_cr("x 1%\rx 2%\r\ny\r\n") == "x 2%\r\ny\r\n"


def test_collapse_cr_ignores_trailing_empty_overwrite() -> None:
    assert tf.collapse_cr("progress 99%\r") == "progress 99%"


def test_trim_trailing_ws() -> None:
    assert tf.trim_trailing_ws("a  \nb\t\nc \r\nd   ") == "a\nb\nc\r\nd"
    same = "clean\nlines"
    assert tf.trim_trailing_ws(same) is same


def test_collapse_blank_runs_keeps_double_blank_lines() -> None:
    assert tf.collapse_blank_runs("a\n\n\nb") == "a\n\n\nb"  # two blank lines: code style
    assert tf.collapse_blank_runs("a\n\n\n\n\n\nb") == "a\n\nb"
    assert tf.collapse_blank_runs("a\r\n\r\n\r\n\r\n\r\nb") == "a\r\n\r\nb"


def test_compact_json_keeps_every_token() -> None:
    pretty = json.dumps({"a": [1.10, 2e5, "x  y", {"k": None}], "é": "\\u00e9"}, indent=2, ensure_ascii=False)
    pretty = pretty.replace("1.1", "1.10")  # a spelling json.dumps would normalise away
    out = tf.compact_json(pretty)
    assert out == '{"a":[1.10,200000.0,"x  y",{"k":null}],"é":"\\\\u00e9"}'
    assert json.loads(out) == json.loads(pretty)


def test_compact_json_rejects_non_json() -> None:
    for text in ["{not json}", "plain text", "[1, 2", "{}\n trailing"]:
        assert tf.compact_json(text) == text


def test_json_table_uniform_array() -> None:
    items = [{"name": f"pkg{i}", "version": f"1.{i}.0", "n": i, "ok": i % 2 == 0} for i in range(6)]
    out = tf.json_table(json.dumps(items))
    lines = out.split("\n")
    assert lines[0].startswith("[6 JSON objects as table rows")
    assert lines[1] == "name|version|n|ok"
    assert lines[2] == "pkg0|1.0.0|0|true"
    assert lines[7] == "pkg5|1.5.0|5|false"


def test_json_table_quotes_ambiguous_cells_and_marks_absent_keys() -> None:
    items = [
        {"a": "3.20", "b": "x|y"},
        {"a": "", "b": None},
        {"a": "true", "b": [1, {"z": 2}]},
        {"a": " pad"},
    ]
    out = tf.json_table(json.dumps(items * 3, indent=2))
    rows = out.split("\n")[2:]
    assert rows == ['"3.20"|"x|y"', '""|null', '"true"|[1,{"z":2}]', '" pad"'] * 3
    assert "key absent" in out.split("\n")[0]


def test_json_table_refuses_small_mixed_or_duplicate_key_arrays() -> None:
    assert tf.json_table('[{"a":1},{"a":2}]') == '[{"a":1},{"a":2}]'
    mixed = json.dumps([{"a": 1}, 2, {"a": 3}, {"a": 4}, {"a": 5}])
    assert tf.json_table(mixed) == mixed
    dup = '[{"a":1,"a":2},{"a":1},{"a":1},{"a":1}]'
    assert tf.json_table(dup) == dup


# ------------------------------------------------------------------ lossy


def _ids(text: str) -> set[str]:
    return set(RID.findall(text))


def test_dedupe_lines_counts_repeats_and_similar_runs() -> None:
    lines = ["start"] + ["same line"] * 50 + [f"fetch {i}/200 ok" for i in range(200)] + ["end"]
    text = "\n".join(lines)
    res = tf.dedupe_lines(text, S)
    assert res is not None
    assert res.original == text and _ids(res.text) == {res.rid} == {tf.retrieve_id(text)}
    assert "previous line repeated 49 more times (lines 3–51 of 252)" in res.text
    assert "198 similar lines elided (lines 53–250 of 252)" in res.text
    assert "fetch 0/200 ok" in res.text and "fetch 199/200 ok" in res.text
    assert res.text.startswith("start\nsame line\n") and res.text.endswith("\nend")
    assert slice_lines(text, 53, 53, number=False) == "fetch 1/200 ok"


def test_dedupe_lines_none_when_nothing_repeats() -> None:
    assert tf.dedupe_lines("a\nb\nc\nd", S) is None


def test_log_output_keeps_errors_context_and_summary() -> None:
    lines = [f"step {i}: compiling module_{i}" for i in range(600)]
    lines[300] = "src/app.c:12:5: error: expected ';' before '}' token"
    lines[450] = "warning: unused variable 'x'"
    lines += ["Traceback (most recent call last):", '  File "a.py", line 1, in <module>', "    boom()", "ZeroDivisionError: division by zero"]
    lines += [f"cleanup {i}" for i in range(40)] + ["==== 3 failed, 10 passed in 2.00s ===="]
    text = "\n".join(lines)
    res = tf.log_output(text, S)
    assert res is not None
    out = res.text
    for needle in [
        "src/app.c:12:5: error: expected ';'",
        "step 298: compiling module_298",  # context before
        "step 303: compiling module_303",  # context after
        "warning: unused variable 'x'",
        "ZeroDivisionError: division by zero",
        '  File "a.py", line 1, in <module>',
        "==== 3 failed, 10 passed in 2.00s ====",
        "step 0: compiling module_0",
    ]:
        assert needle in out, needle
    assert "step 200: compiling" not in out
    assert len(out) < 0.2 * len(text)
    assert "lines elided (lines 9–" in out and _ids(out) == {res.rid}


def test_log_output_marker_line_numbers_point_into_the_original() -> None:
    lines = [f"line {i + 1}" for i in range(500)]
    lines[249] = "ERROR boom"
    text = "\n".join(lines) + "\n"
    res = tf.log_output(text, S)
    assert res is not None
    for m in re.finditer(r"(\d[\d,]*) lines elided \(lines (\d+)–(\d+) of (\d+)\)", res.text):
        count, a, b, total = int(m.group(1).replace(",", "")), int(m.group(2)), int(m.group(3)), int(m.group(4))
        assert total == 500 and count == b - a + 1
        got = slice_lines(text, a, b, number=False).split("\n")
        assert got[0] == f"line {a}" and got[-1] == f"line {b}"
        assert f"line {a}\n" not in res.text and f"line {a - 1}\n" in res.text + "\n"


def test_log_output_keeps_opencode_truncation_header() -> None:
    head = "...output truncated...\n\nFull output saved to: /home/u/.local/share/opencode/tool-output/tool_1\n\n"
    body = "\n".join(f"building target {i}" for i in range(800))
    res = tf.log_output(head + body, S)
    assert res is not None
    assert res.text.startswith(head)


def test_log_output_budget_keeps_first_and_last_errors() -> None:
    lines = []
    for i in range(3000):
        lines.append(f"error E{i}: failure number {i}" if i % 3 == 0 else f"ok {i}")
    text = "\n".join(lines)
    res = tf.log_output(text, S)
    assert res is not None
    kept = res.text.split("\n")
    # The budget counts kept lines; gaps shorter than a marker stay inline and cost only their size.
    assert len(res.text) < len(text) / 3
    assert "error E0: failure number 0" in kept
    assert "error E2997: failure number 2997" in kept


GREP = "\n".join(
    [f"src/pkg/mod_{f}.py:{10 * k + 1}:    def handler_{k}(self):" for f in range(30) for k in range(12)]
    + ["grep: src/pkg/bin.dat: binary file matches"]
)


def test_search_results_group_by_file_and_keep_counts() -> None:
    res = tf.search_results(GREP, S)
    assert res is not None
    out = res.text
    assert "360 matches in 30 files" in out
    for f in range(30):
        assert f"src/pkg/mod_{f}.py (12 matches):" in out
    assert out.count("  [… 7 more matches in this file elided]") == 30
    assert "  1:def handler_0(self):" in out and "handler_5" not in out
    assert "binary file matches" in out
    assert len(out) < 0.5 * len(GREP)
    assert res.rid in out


def test_search_results_caps_listed_files_but_names_them() -> None:
    text = "\n".join(f"lib/f{i}.js:{i}:match here" for i in range(100))
    settings = CompressionSettings(search_max_files_with_lines=10, search_max_files_listed=50)
    res = tf.search_results(text, settings)
    assert res is not None
    assert "lib/f9.js (1 match):" in res.text and "lib/f10.js (1)" in res.text and "lib/f49.js (1)" in res.text
    assert "lib/f50.js" not in res.text
    assert "50 more files elided (50 matches)" in res.text


def test_search_results_opencode_grep_format() -> None:
    parts = ["Found 60 matches"]
    for f in range(6):
        parts.append(f"/repo/src/file{f}.ts:")
        parts += [f"  Line {k}: const value{k} = compute();" for k in range(1, 11)]
        parts.append("")
    text = "\n".join(parts)
    res = tf.search_results(text, S)
    assert res is not None
    assert res.text.startswith("Found 60 matches\n")
    assert "/repo/src/file3.ts (10 matches):" in res.text
    assert "  1:const value1 = compute();" in res.text


def test_search_results_rejects_logs() -> None:
    text = "\n".join(f"2024-01-01T12:{i % 60:02d}:00 INFO request {i} served" for i in range(200))
    assert tf.search_results(text, S) is None


def test_json_array_keeps_head_tail_anomalies_and_count() -> None:
    items = [{"id": i, "status": "ok", "name": f"item{i}"} for i in range(500)]
    items[250] = {"id": 250, "status": "error", "name": "item250", "detail": "disk full"}
    items[300]["status"] = "failed"
    text = json.dumps(items, indent=2)
    res = tf.json_array(text, S)
    assert res is not None
    out = res.text
    assert "[500 JSON objects as table rows" in out
    for needle in ["0|ok|item0", "499|ok|item499", "disk full", "300|failed|item300"]:
        assert needle in out
    assert "item100" not in out
    assert "items 6–250 of 500" in out
    assert len(out) < 0.1 * len(text)
    # the stored original has one item per line: marker line numbers address items
    m = re.search(r"items (\d+)–(\d+) of 500, lines (\d+)–(\d+)", out)
    assert m
    first_line = slice_lines(res.original, int(m.group(3)), int(m.group(3)), number=False)
    assert json.loads(first_line.rstrip(","))["id"] == int(m.group(1)) - 1


def test_json_array_nested_array_stays_valid_json() -> None:
    data = {"total_count": 900, "items": [{"path": f"a/{i}", "score": i / 7} for i in range(900)], "next": None}
    text = json.dumps(data)
    res = tf.json_array(text, S)
    assert res is not None
    parsed = json.loads(res.text)
    assert parsed["total_count"] == 900 and parsed["next"] is None
    assert any(isinstance(x, str) and "items elided" in x for x in parsed["items"])
    assert json.loads(res.original) == data  # the stored form is the same JSON, one item per line


def test_json_array_ignores_small_arrays() -> None:
    assert tf.json_array(json.dumps(list(range(20))), S) is None


def test_head_tail_cuts_on_line_boundaries() -> None:
    text = "".join(f"paragraph {i}: " + "lorem ipsum " * 8 + "\n" for i in range(400))
    res = tf.head_tail(text, S)
    assert res is not None
    assert res.text.startswith("paragraph 0: ")
    assert res.text.endswith("paragraph 399: " + "lorem ipsum " * 8 + "\n")
    m = re.search(r"chars elided \(lines (\d+)–(\d+) of 400\)", res.text)
    assert m
    assert f"paragraph {int(m.group(1)) - 2}:" in res.text
    assert f"paragraph {int(m.group(1)) - 1}:" not in res.text
    assert len(res.text) < 0.2 * len(text)


def test_head_tail_single_long_line_uses_char_offsets() -> None:
    text = "x" * 50_000
    res = tf.head_tail(text, S)
    assert res is not None and "chars 3001–48000 of 50000" in res.text


def test_retrieve_id_is_content_addressed() -> None:
    assert tf.retrieve_id("abc") == tf.retrieve_id("abc") != tf.retrieve_id("abd")
    assert re.fullmatch(r"hr_[0-9a-f]{16}", tf.retrieve_id("abc"))


def test_grep_lines_helper() -> None:
    text = "alpha\nbeta\ngamma\ndelta\n"
    assert grep_lines(text, "^(beta|delta)$") == "2: beta\n--\n4: delta"
    assert grep_lines(text, "gam", context=1) == "2: beta\n3: gamma\n4: delta"
    assert grep_lines(text, "[unclosed") == ""  # invalid regex falls back to a substring


@pytest.mark.parametrize("fn", [tf.dedupe_lines, tf.log_output, tf.search_results, tf.json_array, tf.head_tail])
def test_lossy_transforms_are_deterministic(fn: tf.LossyFn) -> None:
    text = GREP + "\n" + "\n".join(f"error {i}" for i in range(300)) + "\n" + "z" * 9000
    assert fn(text, S) == fn(text, S)


def test_search_results_with_context_lines() -> None:
    blocks = []
    for f in range(8):
        for k in range(4):
            blocks += [f"pkg/f{f}.py-{10 * k + 1}-before", f"pkg/f{f}.py:{10 * k + 2}:hit {k}", f"pkg/f{f}.py-{10 * k + 3}-after", "--"]
    text = "\n".join(blocks)
    res = tf.search_results(text, CompressionSettings(search_max_matches_per_file=2))
    assert res is not None
    out = res.text
    assert not out.startswith("pkg/")  # the leading context line joined its file
    assert "pkg/f0.py (4 matches):\n  1-before\n  2:hit 0\n  3-after\n  11-before\n  12:hit 1\n  13-after\n  [… 2 more" in out
    assert "  [… 2 more matches in this file elided]" in out


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
    res = tf.log_output(text, S)
    assert res is not None and len(res.text) < len(text) / 4
    kept = set(res.text.split("\n"))
    assert all(f"E       AssertionError: assert {i} == {i + 1}" in kept for i in failed)
    assert all(line in kept for line in summary)
    assert f"{len(failed)} failed, {2400 - len(failed)} passed" in res.text
