"""Tool outputs built to hurt the compressor: each is compressed without an exception, the body
stays valid JSON, every kept line is a line of the output, and memory stays bounded. Speed is not
asserted here: scripts/bench_compress_worst.py measures it."""

from __future__ import annotations

import json
import logging
import random
import re
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from headroom_mitm.compress import CompressionSettings, OriginalStore, clear_memo, compress_request
from headroom_mitm.compress import lineindex
from headroom_mitm.compress.lineindex import LineIndex, zero_digits
from headroom_mitm.compress.lossless import LINE_LOSSLESS
from headroom_mitm.compress import logs
from headroom_mitm.compress.names import named_instances
from headroom_mitm.compress.recovery import _metadata_start
from headroom_mitm.compress.segments import shifts

RETRIEVE = "headroom_headroom_retrieve"


def _request(texts: list[str]) -> bytes:
    msgs: list[dict[str, Any]] = [{"role": "user", "content": "go"}]
    for k, text in enumerate(texts):
        msgs += [
            {"role": "assistant", "content": None,
             "tool_calls": [{"id": f"c{k}", "type": "function", "function": {"name": "bash", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": f"c{k}", "content": text},
        ]
    tools = [{"type": "function", "function": {"name": t}} for t in ("bash", RETRIEVE)]
    return json.dumps({"model": "m", "messages": msgs, "tools": tools}).encode()


def _compress(body: bytes, tmp_path: Any) -> Any:
    clear_memo()
    with OriginalStore(tmp_path / "o.db") as store:
        return compress_request(body, api_format="openai-chat", content_encoding=None,
                                settings=CompressionSettings(), store=store)


def _cleaned(text: str) -> str:
    for _, fn in LINE_LOSSLESS:
        text = fn(text)
    return text


def _tag(i: int) -> str:
    """Letters of their own per i: lines that no shape of digits makes one."""
    out = ""
    i += 1
    while i:
        out += chr(97 + i % 26)
        i //= 26
    return out


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


HOSTILE: dict[str, Callable[[], str]] = {
    "giant line of digits": lambda: _fill("1234567890", 300_000),
    "giant line of a:": lambda: _fill("a:", 300_000),
    "one-character lines": lambda: "a\n" * 100_000,
    "identical lines": lambda: "the same line again\n" * 10_000,
    "json 50k deep": lambda: "[" * 50_000 + "]" * 50_000,
    "json objects 20k deep": lambda: '{"a":' * 20_000 + "1" + "}" * 20_000,
    # compact_json's parse hit the recursion limit (the document is spaced as json.dumps writes it)
    "json: a member nested 3000 deep among records": lambda: json.dumps([{"id": i, "v": "x" * 50} for i in range(200)])[:-1]
    + "," + '{"a": ' * 3000 + "1" + "}" * 3000 + "]",
    "json: an array of error strings": lambda: json.dumps([f"error {i}" for i in range(20_000)]),
    "json of 30k keys on one line": lambda: json.dumps({f"k{i}": i for i in range(30_000)}),
    "a million carriage returns": lambda: _fill("progress 42%\r", 300_000),
    "ansi storm": lambda: _fill("\x1b[31mx\x1b[0m", 200_000),
    "unterminated ansi": lambda: _fill("\x1b[1;2;3;", 200_000),
    "nul bytes": lambda: "\x00" * 100_000,
    "pipes": lambda: ("|" * 100 + "\n") * 2_000,
    "table 2000 columns wide": lambda: "\n".join(" ".join(str((i * j) % 997) for j in range(2000)) for i in range(20)),
    "nested brackets": lambda: "\n".join("(" * 100 + f"x{i}" + ")" * 100 for i in range(1000)),
    "a banner's title over a long rule": lambda: "".join(f"step {i} ok\n" for i in range(500)) + "=== x " + "=" * 5000 + "a\n",
    "diff of many hunks": lambda: "diff --git a/x b/x\n--- a/x\n+++ b/x\n" + "".join(
        f"@@ -{i},1 +{i},1 @@\n-a{i}\n+b{i}\n" for i in range(5000)),
    # segments.shifts counted each window's leads in a vector as long as the kinds of lead the text
    # has: quadratic (48 s at 256 KB) when each line opens on another character
    "lines each opening on another character": lambda: "".join(
        f"{chr(0x4E00 + i * 7919 % 20000)} text {i}\n" for i in range(5000)),
    # severity's path words: one pattern tried at every character of a 400-character "a.a.…" run
    # scanned the rest of it each time (12 s a MB of lines of their own shapes)
    "lines of dotted runs, each its own shape": lambda: "".join(
        f"**** {_tag(i)} " + "a." * 200 + ("::\n" if i % 3 else "\n") for i in range(2000)),
    # a boxed traceback's frames were looked for to its closing line from each opening one: 28 s
    # for 920 KB of opening lines that no box closes
    "boxed tracebacks that never close": lambda: "╭── Traceback (most recent call last) ──╮\n" * 5000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_output_is_compressed_or_sent_as_it_came(
    name: str, tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    text = HOSTILE[name]()
    body = _request([text])
    with caplog.at_level(logging.WARNING, logger="headroom_mitm"):
        res = _compress(body, tmp_path)
    assert not [r for r in caplog.records if "failed" in r.getMessage()]  # no block fell back on an exception
    assert res.skipped_reason is None or not res.skipped_reason.startswith("internal error")
    sent = json.loads(res.body)["messages"][-1]["content"]
    if sent == text:
        return
    source = set(text.split("\n")) | set(_cleaned(text).split("\n"))
    for line in sent.split("\n"):
        if line not in source and not line.startswith("[… "):
            json.loads(line)  # a JSON outline's re-encoded line; anything else is a rewritten line


def test_an_output_with_lone_surrogates_is_cleaned_losslessly_not_failed_on(
    tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # A lone surrogate (a JSON "\ud800" escape: a tool's undecodable bytes) is no UTF-8, which the
    # lossy transforms' word search reads: such an output gets the lossless clean-up, where it
    # used to fail (and go out unchanged, its trailing spaces and all).
    text = "".join(f"worker {i % 7} processed item {i} \ud800 ok   \n" for i in range(2000))
    with caplog.at_level(logging.WARNING, logger="headroom_mitm"):
        res = _compress(_request([text]), tmp_path)
    assert not caplog.records
    sent = json.loads(res.body)["messages"][-1]["content"]
    assert sent == _cleaned(text) != text
    assert [b.transforms for b in res.blocks] == [("trim_trailing_ws",)]


def test_named_instances_holds_no_list_per_line() -> None:
    # A text of one-character lines: a list of each line's tokens held ~60 bytes a line (30x the text).
    text = "a\n" * 200_000
    index = LineIndex(text)
    shapes = [zero_digits(x) for x in index.lines]
    index.starts  # noqa: B018 (made before measuring: it is the index's, not the pass's)
    tracemalloc.start()
    try:
        named_instances(index, shapes)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * len(text)


def test_shifts_counts_a_window_by_its_own_leads_not_the_texts() -> None:
    # Lines that each open on another character: a window's counts were a list as long as the
    # kinds of lead the text has (3000 here), one per window; now a window's own few leads.
    lines = [f"{chr(0x4E00 + i)} text {i}" for i in range(3000)] + ["# comment"] * 12 + [f"x{i}" for i in range(12)]
    tracemalloc.start()
    try:
        shifts(lines)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_shifts_places_a_change_of_shape_as_it_did() -> None:
    # A log, then a .gitignore: the change is found at the line where the leads part.
    log = [f"2025-03-01 12:00:{i % 60:02d} INFO worker {i % 4} handled request {i}" for i in range(40)]
    ignore = ["# build output", "*.pyc", "__pycache__/", "# editors", ".idea/", "*.swp", "# env", ".env",
              "*.log", "# dist", "dist/", "build/", "*.egg-info/", "# misc", ".DS_Store", "*.bak"]
    assert shifts(log + ignore) == [40]


def test_word_search_holds_one_span_of_matches_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # A line of a hundred "|" is a hundred matches: a 2 MB text of them held a tuple per match.
    text = ("|" * 100 + "\n") * 20_000
    index = LineIndex(text)
    most = [0]
    real = LineIndex._matches

    def spy(self: LineIndex, *a: Any, **k: Any) -> Any:
        found, lead = real(self, *a, **k)
        most[0] = max(most[0], len(found))
        return found, lead

    monkeypatch.setattr(LineIndex, "_matches", spy)
    assert index.hits(("|",)) == set(range(20_000))
    assert most[0] <= 1 << 16  # a span's matches, where the text holds 2,000,000
    pairs = index.word_lines(("|", "||"))
    assert pairs == [(w, i) for i in range(20_000) for w in (0, 1)]  # each (word, line) once, as found
    assert most[0] <= 2 << 16
    most[0] = 0
    one_line = LineIndex("x\n" + "|" * 2_000_000 + "\ny|")  # a line is cut too
    assert one_line.hits(("|",)) == {1, 2}  # one word: a find a line
    assert one_line.hits(("|", "y")) == {1, 2}
    assert most[0] <= 2 << 16


@pytest.mark.parametrize("text", [
    "x\n" + "a |b| error\n" * 30_000,
    "é\n" + "ü | ✗ error Error\n" * 30_000,  # not ASCII: the str automaton
    "|" * 200_000 + "\n|x|\n" + "y" * 100_000,  # lines longer than a span
    "err" * 100_000 + "or\n" + "Er" * 100_000 + "ror ✗\n",  # a word across a cut
])
def test_a_search_in_spans_finds_what_one_pass_finds(text: str) -> None:
    index = LineIndex(text)
    assert len(index.text) > lineindex._CHUNK_CHARS
    words = ("|", "error", "✗", "Error", "rerr", "rEr")
    for some in (words, words[:1], words[1:3], words[3:]):  # by spans, and a few words line by line
        for case in (False, True):
            whole, lead = index._matches(some, case, False)
            assert index.hits(some, case=case) == {index.line_of(start + lead[w]) for w, start, _ in whole}
    every, _ = index._matches(words, False, True)
    assert index.word_lines(words) == list(dict.fromkeys((w, index.line_of(s)) for w, s, _ in every))


def test_shell_metadata_is_found_as_the_pattern_found_it() -> None:
    # The pattern it replaces (a search that tried every opening against the rest of the text:
    # quadratic in a block of openings) is the specification.
    spec = re.compile(r"\n\n<shell_metadata>\n.*\n</shell_metadata>\Z", re.DOTALL)
    parts = ["\n", "\n\n", "<shell_metadata>", "</shell_metadata>", "x", "\n\n<shell_metadata>\n", "\n</shell_metadata>"]
    rnd = random.Random(3)
    for _ in range(20_000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randrange(8)))
        m = spec.search(text)
        assert _metadata_start(text) == (m.start() if m else -1), repr(text)


def test_a_banner_is_read_as_the_lazy_pattern_read_it() -> None:
    # The pattern it replaces (".*?" before a run of rule characters: quadratic in a long run
    # under a title) is the specification.
    rule = "_=\\-#*~─━―═—"
    spec = re.compile(rf"[ \t]*(?:[{rule}]{{3,}} ?[^\s{rule}].*?[{rule}]{{3,}}[ \t]*$|--- (?:FAIL|SKIP)\b|\d+\) \S)")
    parts = ["=", "==", "===", "-", "—", " ", "\t", "x", "FAIL", "--- ", "1) ", "a b", "_", "#"]
    rnd = random.Random(5)
    for _ in range(30_000):
        line = "".join(rnd.choice(parts) for _ in range(rnd.randrange(10)))
        assert bool(logs._BANNER.match(line)) == bool(spec.match(line)), repr(line)
