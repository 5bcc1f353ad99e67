"""The invariants of lossy compression (docs/compression.md), each on outputs of a shape the
engine was not written around, and each able to fail."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request, compress_text
from headroom_mitm.compress.lossless import LINE_LOSSLESS
from tests.support import RULES

S = RULES


@pytest.fixture(autouse=True)
def _fresh_memo() -> None:
    clear_memo()


def cleaned(text: str) -> str:
    for _, fn in LINE_LOSSLESS:
        text = fn(text)
    return text


def is_marker(line: str) -> bool:
    return line.startswith(("[… ", "[warnings left out"))


def rendered(text: str, tool: str = "bash", s: CompressionSettings = S) -> str:
    out = compress_text(text, tool, s).rendering.text
    return text if out is None else out


def assert_verbatim(text: str, out: str) -> None:
    source = set(cleaned(text).split("\n"))
    rewritten = [ln for ln in out.split("\n") if ln not in source and not is_marker(ln)]
    assert rewritten == [], f"lines not in the input: {rewritten[:3]}"


# ------------------------------------------------------------------ corpus-free generators


def jest_output(passing: int, failing: list[int], seed: int = 0) -> str:
    rng = random.Random(seed)
    out = ["", "> app@1.0.0 test", "> jest", ""]
    out.append("FAIL src/cart.test.js")
    out.append("  cart")
    for i in range(passing + len(failing)):
        if i in failing:
            out.append(f"    ✕ computes total {i} ({rng.randint(1, 9)} ms)")
        else:
            out.append(f"    ✓ computes total {i} ({rng.randint(1, 9)} ms)")
    out.append("")
    for i in failing:
        out += [
            f"  ● cart › computes total {i}",
            "",
            "    expect(received).toBe(expected) // Object.is equality",
            "",
            f"    Expected: {i * 3}",
            f"    Received: {i * 3 + 1}",
            "",
            f"      {40 + i} |   it('computes total {i}', () => {{",
            f"    > {41 + i} |     expect(total(cart{i})).toBe({i * 3});",
            "         |                         ^",
            "",
            f"      at Object.<anonymous> (src/cart.test.js:{41 + i}:25)",
            "",
        ]
    out.append(f"Tests:       {len(failing)} failed, {passing} passed, {passing + len(failing)} total")
    out.append("Time:        1.234 s")
    return "\n".join(out) + "\n"


def gcc_output(warnings: int, files: int = 3) -> str:
    out = []
    for i in range(warnings):
        f = f"src/mod{i % files}.c"
        flag = ["-Wunused-variable", "-Wsign-compare"][i % 2]
        out += [
            f"{f}:{10 + i}:9: warning: {'unused variable' if i % 2 == 0 else 'comparison of integer expressions of different signedness'} ‘x{i}’ [{flag}]",
            f"   {10 + i} |     int x{i} = 0;",
            "      |         ^~",
        ]
    out += [
        "src/main.c:42:5: error: implicit declaration of function ‘frobnicate’ [-Wimplicit-function-declaration]",
        "   42 |     frobnicate(3);",
        "      |     ^~~~~~~~~~",
        "make: *** [Makefile:12: build/main.o] Error 1",
    ]
    return "\n".join(out) + "\n"


def ps_table(rows: int, hot_at: int) -> str:
    out = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"]
    for i in range(rows):
        cpu = "100.0" if i == hot_at else "0.0"
        stat = "R" if i == hot_at else "S"
        out.append(f"root      {1000 + i:6d}  {cpu:>4} {0.1:4.1f}  12345  6789 ?        {stat:<4} 07:28   0:00 /usr/bin/worker --id {i}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ 1. kept text is verbatim


@settings(max_examples=60, deadline=None)
@given(
    hst.lists(
        hst.sampled_from(
            [
                "ok 12 - parses input",
                "src/x.py:10:5: E501 line too long (120 > 100)",
                "ERROR: connection refused at db.py:88",
                "    at handler (src/app.js:10:3)",
                "WARNING: deprecated call in util.c:7",
                "progress 10/100",
                "=== 3 failed, 10 passed in 0.2s ===",
                "",
                "plain line with some words",
                "\x1b[31mred error\x1b[0m",
                "spinner \r done",
                "Traceback (most recent call last):",
                '  File "app.py", line 3, in <module>',
                "ValueError: bad value",
            ]
        ),
        min_size=60,
        max_size=400,
    )
)
def test_every_kept_line_is_a_line_of_the_input(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert_verbatim(text, rendered(text))


@pytest.mark.parametrize("text", [jest_output(300, [17, 150]), gcc_output(60), ps_table(200, 97)])
def test_generated_outputs_keep_lines_verbatim(text: str) -> None:
    out = rendered(text)
    assert out != text
    assert_verbatim(text, out)


def test_long_lines_are_never_clipped() -> None:
    long = "E   AssertionError: " + "x" * 3000
    text = "\n".join([f"test_{i} PASSED" for i in range(400)] + [long, "=== 1 failed, 400 passed ==="])
    out = rendered(text)
    assert long in out.split("\n")


# ------------------------------------------------------------------ 2. diagnostics first


def test_failures_are_kept_and_passing_tests_go_first() -> None:
    failing = [5, 130, 290]
    text = jest_output(297, failing)
    out = rendered(text)
    for i in failing:
        assert f"● cart › computes total {i}" in out
        assert "expect(received).toBe(expected)" in out
        assert f"at Object.<anonymous> (src/cart.test.js:{41 + i}:25)" in out
    assert "Tests:       3 failed, 297 passed, 300 total" in out
    assert sum("✓" in ln for ln in out.split("\n")) < 30  # passing lines were the first to go


def test_many_failures_all_kept_even_past_the_budget() -> None:
    text = "\n".join(f"pkg/mod{i}.go:{i}:2: undefined: frob{i}" if i % 3 == 0 else f"compiling step {i}" for i in range(3000))
    text += "\nFAIL\texample.com/pkg [build failed]\n"
    out = rendered(text)
    for i in range(0, 3000, 3):
        assert f"pkg/mod{i}.go:{i}:2: undefined: frob{i}" in out


def test_warnings_keep_one_of_each_code_and_file_and_count_the_rest() -> None:
    text = gcc_output(120, files=3)
    out = rendered(text)
    assert "src/main.c:42:5: error: implicit declaration" in out
    assert "make: *** [Makefile:12: build/main.o] Error 1" in out
    kept = [ln for ln in out.split("\n") if ": warning: " in ln]
    pairs = {(ln.split(":")[0], ln.rsplit("[", 1)[1]) for ln in kept}
    assert len(pairs) == 6  # 3 files x 2 flags
    assert len(out) < 0.5 * len(text)
    assert "[warnings left out, by kind:" in out and "-Wunused-variable" in out.split("[warnings left out")[1]


def test_lint_findings_are_not_taken_for_search_results() -> None:
    text = "\n".join(
        f"src/pkg/mod{i % 40}.py:{i}:{i % 9 + 1}: error: Incompatible types in assignment  [assignment]" for i in range(500)
    ) + "\nFound 500 errors in 40 files (checked 41 source files)\n"
    out = rendered(text)
    assert_verbatim(text, out)
    assert all(f"mod{i % 40}.py:{i}:" in out for i in range(500))  # every error-level line


# ------------------------------------------------------------------ 3. anomalies survive sampling


def test_the_one_process_that_differs_survives() -> None:
    text = ps_table(300, 151)
    out = rendered(text)
    assert "/usr/bin/worker --id 151" in out
    assert out.split("\n")[0].startswith("USER ")
    assert len(out) < 0.4 * len(text)


def test_csv_extremes_survive() -> None:
    rows = ["city,country,population,area"] + [f"town{i},NL,{10000 + i},{50 + i % 7}" for i in range(400)]
    rows[200] = "Bigcity,NL,9000000,50"
    rows[300] = "Tinyville,BE,12,51"
    text = "\n".join(rows) + "\n"
    out = rendered(text)
    assert "Bigcity,NL,9000000,50" in out and "Tinyville,BE,12,51" in out
    assert "city,country,population,area" in out


def test_json_records_keep_the_odd_one_and_the_extremes() -> None:
    recs = [{"name": f"job{i}", "status": "succeeded", "duration_ms": 1000 + i} for i in range(300)]
    recs[137]["status"] = "failed"
    recs[211]["duration_ms"] = 999999
    text = json.dumps(recs, indent=2)
    out = rendered(text)
    odd = next(ln for ln in out.split("\n") if "job137" in ln)
    assert "failed" in odd
    assert "999999" in out


def test_json_members_named_elsewhere_in_the_document_survive() -> None:
    versions = [f"0.0.0-canary-{i:04d}" for i in range(1500)]
    versions.insert(700, "19.1.0")
    doc = {"name": "react", "dist-tags": {"latest": "19.1.0"}, "versions": versions,
           "time": {v: f"2025-01-{1 + i % 28:02d}T00:00:00Z" for i, v in enumerate(versions)}}
    out = rendered(json.dumps(doc, indent=2))
    assert out.count('"19.1.0"') >= 3  # dist-tags, versions and the time entry
    assert '"19.1.0": "2025-' in out


# ------------------------------------------------------------------ 4. documents are not cut


SOURCE = "\n".join(
    line
    for i in range(200)
    for line in (f"def handler_{i}(request):", f"    value = compute({i})", "    if value is None:", "        raise ValueError('bad')", "    return value", "")
)


@pytest.mark.parametrize(
    ("tool", "text"),
    [
        ("bash", SOURCE),
        ("webfetch", "# Title\n\n" + "\n\n".join(f"## Section {i}\n\nSome explanation of feature {i} that goes on for a while." for i in range(300))),
        ("bash", "<html><body>\n" + "\n".join(f"<p>paragraph {i} error</p>" for i in range(500)) + "\n</body></html>"),
        ("bash", "!function(e){" + ";".join(f"var a{i}=e.x{i}" for i in range(5000)) + "}(window);"),
        ("grep", "\n".join(f"src/a{i}.py:{i}:    import os" for i in range(90))),
    ],
)
def test_what_the_model_asked_to_read_is_never_cut(tool: str, text: str) -> None:
    out = rendered(text, tool)
    assert "elided" not in out
    assert cleaned(text) == out or text == out


# ------------------------------------------------------------------ 5. lossy only where retrievable


def _chat(output: str, tools: list[str]) -> bytes:
    return json.dumps({
        "model": "m",
        "messages": [
            {"role": "assistant", "content": None, "tool_calls": [{"id": "c", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "c", "content": output},
        ],
        "tools": [{"type": "function", "function": {"name": t, "parameters": {"type": "object"}}} for t in tools],
    }).encode()


@pytest.mark.parametrize("tools", [[], ["bash", "read"], ["headroom_retrieve_v2"]])
def test_no_marker_without_the_retrieve_tool(tmp_path, tools: list[str]) -> None:
    with OriginalStore(tmp_path / "o.db") as store:
        res = compress_request(_chat(jest_output(400, [3]), tools), api_format=None, content_encoding=None, settings=S, store=store)
    assert b"elided" not in res.body


@pytest.mark.parametrize("name", ["headroom_headroom_retrieve", "mcp__headroom__headroom_retrieve"])
def test_the_marker_names_the_tool_as_the_client_knows_it(tmp_path, name: str) -> None:
    with OriginalStore(tmp_path / "o.db") as store:
        res = compress_request(_chat(jest_output(400, [3]), ["bash", name]), api_format=None, content_encoding=None, settings=S, store=store)
        out = json.loads(res.body)["messages"][1]["content"]
        assert f"{name} id=hr_" in out
        rid = out.split(f"{name} id=")[1].split()[0]
        assert store.get(rid) is not None


def test_no_store_means_no_marker() -> None:
    res = compress_request(_chat(jest_output(400, [3]), ["headroom_retrieve"]), api_format=None, content_encoding=None, settings=S, store=None)
    assert b"elided" not in res.body


# ------------------------------------------------------------------ 6. shape by content


def test_the_same_listing_is_treated_alike_whatever_the_tool() -> None:
    listing = "\n".join(f"src/pkg{i % 30}/module_{i}.{'py' if i % 50 else 'rs'}" for i in range(600)) + "\n"
    a, b = rendered(listing, "bash"), rendered(listing, "glob")
    assert a == b and a != listing


# ------------------------------------------------------------------ 7. redundancy removed where real


def test_repeated_log_templates_shrink_and_rare_lines_stay() -> None:
    lines = [f"2026-11-30T07:{i // 60 % 60:02d}:{i % 60:02d} INFO request id={i} served in {i % 17} ms" for i in range(2000)]
    lines[1234] = "2026-11-30T07:20:34 INFO cache rebuilt: 3 shards moved to node-b"
    text = "\n".join(lines) + "\n"
    out = rendered(text)
    assert "cache rebuilt: 3 shards moved to node-b" in out
    assert len(out) < 0.2 * len(text)


def test_a_recursion_traceback_keeps_its_ends() -> None:
    frames = []
    for i in range(300):
        frames += [f'  File "/app/walk.py", line {10 + i % 3}, in walk', "    return walk(node.child)"]
    text = "Traceback (most recent call last):\n" + "\n".join(frames) + "\nRecursionError: maximum recursion depth exceeded\n"
    out = rendered(text)
    assert "RecursionError: maximum recursion depth exceeded" in out
    assert out.startswith("Traceback (most recent call last):")
    assert len(out) < 0.3 * len(text)


def test_an_empty_string_in_a_record_does_not_stop_sampling() -> None:
    text = json.dumps([{"id": i, "v": "" if i == 1999 else "x"} for i in range(2000)], indent=1)
    out = rendered(text)
    assert "elided" in out and '"id": 1999' in out


def test_json_after_a_preamble_is_stored_one_member_per_line(tmp_path) -> None:
    doc = {"name": "pkg", "versions": [f"1.{i}.0" for i in range(800)]}
    text = "npm warn config x\n" + json.dumps(doc, indent=2)
    with OriginalStore(tmp_path / "o.db") as store:
        res = compress_request(_chat(text, ["headroom_retrieve"]), api_format=None, content_encoding=None, settings=S, store=store)
        out = json.loads(res.body)["messages"][1]["content"]
        original = store.get(out.split("headroom_retrieve id=")[1].split()[0])
    assert original is not None and "\n\n" not in original
    assert '"1.400.0",' in original.split("\n")


def test_grep_context_separators_do_not_block_compression() -> None:
    blocks = [
        f"src/m{i % 20}.py-{i}-    def f{i}():\nsrc/m{i % 20}.py:{i + 1}:        raise ValueError('bad {i}')\nsrc/m{i % 20}.py-{i + 2}-    # end"
        for i in range(500)
    ]
    text = "\n--\n".join(blocks)
    out = rendered(text)
    assert len(out) < 0.6 * len(text)
    assert_verbatim(text, out)


def test_the_one_failing_request_in_an_access_log_survives() -> None:
    rows = [
        f'10.0.0.{i % 7} - - [12/Mar/2025:10:{i // 60 % 60:02d}:{i % 60:02d} +0000] "GET /item/{i} HTTP/1.1" 200 {500 + i % 97} "-" "curl/8.5.0" {3 + i % 11}ms'
        for i in range(400)
    ]
    rows[233] = rows[233].replace('" 200 ', '" 500 ')
    text = "\n".join(rows) + "\n"
    out = rendered(text)
    assert rows[233] in out.split("\n")
    assert len(out) < 0.3 * len(text)


def test_findings_placed_by_a_header_above_keep_one_per_code_and_file() -> None:
    out_lines = []
    for f in ("deploy.sh", "build.sh", "lib/util.sh"):
        for n in range(1, 40):
            out_lines += [f"In {f} line {n}:", f'echo $var{n}', "     ^-- SC2086 (info): Double quote to prevent globbing and word splitting.", ""]
    text = "\n".join(out_lines) + "\nFor more information:\n  https://www.shellcheck.net/wiki/SC2086 -- Double quote to prevent globbing ...\n"
    out = rendered(text)
    assert len(out) < 0.3 * len(text)
    for f in ("deploy.sh", "build.sh", "lib/util.sh"):
        assert f"In {f} line " in out
    assert "[warnings left out, by kind: SC2086 ×" in out


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"SVC_{i:02d}_HOST=svc{i:02d}.internal.test\nSVC_{i:02d}_PORT={8000 + i}" for i in range(200)),
        "\n---\n".join(f"apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-{i}\nspec:\n  ports:\n    - port: {8000 + i}" for i in range(120)),
    ],
)
def test_configuration_the_model_asked_to_see_is_not_cut(text: str) -> None:
    assert "elided" not in rendered(text)


def test_a_finding_located_on_a_line_below_keeps_that_line() -> None:
    blocks = []
    for f in range(4):
        for n in range(30):
            blocks.append(
                f">> Issue: [B311:blacklist] Standard pseudo-random generators are not suitable for security.\n"
                f"   Severity: Low   Confidence: High\n   Location: ./app/mod{f}.py:{n + 1}:4\n{n + 1}\tx = random.random()\n\n{'-' * 40}"
            )
    text = "Test results:\n" + "\n".join(blocks) + "\n\nRun metrics:\n\tTotal issues (by severity):\n\t\tLow: 120\n"
    out = rendered(text)
    assert len(out) < 0.4 * len(text)
    for f in range(4):
        assert f"Location: ./app/mod{f}.py:" in out


def test_findings_with_a_column_but_no_level_are_findings_not_search_hits() -> None:
    text = "\n".join(
        f"pkg/mod{f}.py:{n}:1: undefined name 'logger'" if n % 2 else f"pkg/mod{f}.py:{n}:5: 'os' imported but unused"
        for f in range(8)
        for n in range(1, 60)
    ) + "\n"
    out = rendered(text)
    assert_verbatim(text, out)
    for f in range(8):  # one of each kind of finding per file
        assert f"pkg/mod{f}.py:1:1: undefined name" in out and f"pkg/mod{f}.py:2:5: 'os' imported but unused" in out
    assert len(out) < 0.5 * len(text) and "[warnings left out, by kind:" in out
