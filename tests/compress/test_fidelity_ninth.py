"""Fidelity rules of issue #11's ninth pass, found on tuning items: each test names the rule,
holds for outputs never seen, and fails without it."""

from __future__ import annotations

import json

import pytest

from headroom_mitm.compress import documents, gutter, segments
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import cut


def test_three_dashes_open_no_comment() -> None:
    # `--` opens a comment in SQL, Lua and Haskell; `---` opens a TAP or YAML block, a go test
    # verdict ("--- PASS: TestX (0.00s)") or a diff's old file. node --test's TAP report of 150
    # passing subtests and one failure is a run, not code the model asked to read.
    lines = ["TAP version 13"]
    must = []
    for k in range(150):
        ok = "not ok" if k == 97 else "ok"
        lines += [f"# Subtest: invoice {k} totals its lines", f"{ok} {k + 1} - invoice {k} totals its lines", "  ---",
                  f"  duration_ms: {0.2 + k % 7 / 10:.6f}"]
        if k == 97:
            lines += ["  location: '/srv/app/test/invoice.test.js:212:1'", "  failureType: 'testCodeFailure'",
                      "  error: 'Expected values to be strictly equal:\\n\\n100 !== 90\\n'"]
            must = lines[-6:]  # from "not ok", which names the test
        lines.append("  ...")
    lines += ["1..150", "# tests 150", "# pass 149", "# fail 1"]
    text = "\n".join(lines) + "\n"
    assert not documents.looks_like_code_or_prose(text)
    kept = set(cut(text).split("\n"))
    assert all(x in kept for x in must + ["# fail 1"])
    # Comments of two dashes still open code lines.
    assert documents.CODE_START.match("-- the orders of a customer")
    assert not documents.CODE_START.match("--- PASS: TestReader (0.02s)")


def _npm_install_log() -> tuple[str, list[str]]:
    """`npm install --loglevel http`: a fetch and a cache line per package, then the total."""
    lines = ["npm verbose cli /usr/bin/node /usr/lib/node_modules/npm/bin/npm-cli.js"]
    for k in range(180):
        ms = 97 if k == 41 else 15 + (k * 7) % 80
        lines.append(f"npm http fetch GET 200 https://registry.npmjs.org/pkg-{k}-name {ms}ms (cache updated)")
    for k in range(90):
        lines.append(f"npm http cache pkg-{k}-name@https://registry.npmjs.org/pkg-{k}-name/-/pkg-{k}-name-1.{k}.0.tgz 0ms (cache hit)")
    lines += ["", "added 90 packages, and audited 91 packages in 5s", "", "found 0 vulnerabilities"]
    return "\n".join(lines) + "\n", lines


def test_a_logs_lead_repeated_on_most_lines_is_no_prose() -> None:
    # "npm http fetch GET 200 https://registry.npmjs.org/express 129ms (cache updated)" reads as a
    # sentence of words, yet no document opens most of its lines with the same three words.
    text, _ = _npm_install_log()
    assert not documents.looks_like_code_or_prose(text)
    prose = "The quick brown fox jumps over the lazy dog and keeps on running far away from here.\n"
    more = "".join(f"Then {k} more words of a paragraph follow here, one sentence after another one.\n" for k in range(12))
    assert documents.looks_like_code_or_prose(prose * 3 + more)


def test_each_kind_of_lines_keeps_its_slowest_and_fastest() -> None:
    # The total ("in 5s") is the whole text's greatest duration and the cache hits (0ms) its least:
    # the slowest fetch (97ms) and the fastest stay beside them.
    text, lines = _npm_install_log()
    kept = set(cut(text).split("\n"))
    fetch = [x for x in lines if " fetch " in x]
    assert fetch[41] in kept
    assert any(x in kept for x in fetch if " 15ms " in x)
    assert "added 90 packages, and audited 91 packages in 5s" in kept


def _flake8_run() -> tuple[list[str], list[str]]:
    """flake8 over a package: error codes (each stays) among warnings (one per code and file)."""
    lines, must = [], []
    for f in range(6):
        for k in range(50):
            place = f"src/shop/module_{f}.py:{k * 3 + 1}"
            lines.append(f"{place}:1: W191 indentation contains tabs")
            if k % 4 == 0:
                lines.append(f"{place}:9: F821 undefined name 'total_{k}'")
                must.append(lines[-1])
    lines.append(f"{len(lines)}")
    return lines, must


def test_a_gutter_every_line_carries_is_read_past() -> None:
    # The same run as `gh run view --log` relays it (job, step, stamp), as GitLab, docker's builder
    # (step, seconds), compose and `cat -n` do, and indented by a runner nesting it: the lines that
    # matter stay in each, whole, gutter and all (behind a gutter, no line led with its place).
    lines, must = _flake8_run()
    forms = {
        "gh": lambda i, x: f"lint\tRun flake8\t2026-11-30T10:{i // 60:02d}:{i % 60:02d}.{i * 7919 % 10**7:07d}Z {x}",
        "docker": lambda i, x: f"#14 {3 + i * 0.013:.3f} {x}",
        "gitlab": lambda i, x: f"2026-11-30T10:{i // 60:02d}:{i % 60:02d}.{i * 7919 % 10**6:06d}Z 01E {x}",
        "indent": lambda i, x: f"    {x}" if x else x,
        "compose": lambda i, x: f"lint-1  | {x}",
        "cat -n": lambda i, x: f"{i + 1:6d}\t{x}",
    }
    for name, relay in forms.items():
        relayed = [relay(i, x) for i, x in enumerate(lines)]
        kept = set(cut("\n".join(relayed) + "\n").split("\n"))
        assert [x for i, x in enumerate(lines) if x in must and relayed[i] not in kept] == [], name
        assert {x for x in kept if x and not x.startswith(("[… ", "[warnings left out"))} <= set(relayed), name  # kept whole


def test_outputs_without_a_shared_gutter_are_read_as_they_are() -> None:
    lines, _ = _flake8_run()
    assert gutter.widths(lines) is None
    assert gutter.widths(["  a", "   b", "", "  c"] * 3) == [2, 2, 0, 2] * 3
    log = [f"2026-11-30 10:00:{k:02d},120 INFO worker {k} ready" for k in range(20)]
    assert gutter.widths(log) is None  # a log's own stamp (not ISO 8601's "T" form) stays what it ranks by
    # Words every line shares are the output's own: only blanks or a column closed by a bar are a gutter.
    assert gutter.widths([f"import time: {k:6d} | {k * 3:6d} | mod{k}" for k in range(20)]) is None
    assert gutter.widths([f"api-1  | GET /items/{k} 200" for k in range(20)]) == [9] * 20


def test_records_led_by_a_level_are_no_prose() -> None:
    # A tracing log (Rust's tracing, Go's zap console): read past its ISO stamps, each line opens
    # with its level, then words that read like a sentence. It is a log, cut as one; what it
    # warned of and failed on stays.
    lines, must = [], []
    for k in range(400):
        ts = f"2026-11-30T10:{k // 60:02d}:{k % 60:02d}.{k * 7919 % 10**6:06d}Z"
        if k in (120, 300):
            lines.append(f"{ts}  WARN api::pool: connection slow to acquire waited_ms={900 + k} pool=primary")
            must.append(lines[-1])
        elif k == 222:
            lines.append(f'{ts} ERROR api::handlers::orders: failed to charge card order_id=ord_{k} err="gateway timeout"')
            must.append(lines[-1])
        else:
            lines.append(f"{ts}  INFO api::server: request handled method=GET path=/items/{k * 37 % 999} status=200 latency_ms={k % 40}")
    text = "\n".join(lines) + "\n"
    out = cut(text)
    assert len(out) < 0.2 * len(text)
    assert all(x in set(out.split("\n")) for x in must)
    assert not documents.looks_like_code_or_prose("\n".join(x[28:] for x in lines))


def test_an_outputs_crlf_line_ends_are_its_own_whatever_its_frame() -> None:
    # A NEWS file with CRLF line ends under OpenCode's truncation header (which ends in LF): it is
    # read as it would be bare, a document, never cut; a CRLF log so framed is cut and keeps CRLF.
    header = "...output truncated...\n\nFull output saved to: /root/.local/share/opencode/tool-output/tool_1\n\n"
    news = []
    for k in range(40, 0, -1):
        title = f"Version 2.{k}.0 (2024-0{k % 9 + 1}-1{k % 9})"
        news += [title, "=" * len(title), "", "Features", "--------", "",
                 f"- Parsing of ISO week dates now accepts the compact form {k} (gh pr #{1300 + k})", "",
                 "Bugfixes", "--------", "", f"- Fixed a crash when the zone name was {k} characters long", "", ""]
    text = header + "\r\n".join(news) + "\r\n"
    assert compress_text(text, "bash", CompressionSettings()).rendering.text is None
    log = "".join(f"2026-11-30 10:00:{k % 60:02d},000 INFO worker: job {k} done\r\n" for k in range(400))
    out = cut(header + log + "2026-11-30 10:07:00,000 ERROR worker: job 400 failed\r\n")
    assert out.startswith(header) and "job 400 failed\r\n" in out and out.count("\r\n") == out[len(header):].count("\n")


def test_a_document_printed_before_a_test_run_is_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    # `head -n 230 README.md && pytest -q`: the README is what the model asked to read, sent whole
    # (principle 4); the run after it, from its first banner, is a part of its own, even where
    # the lines' leads do not part them (prettytable's README over a short run did not).
    monkeypatch.setattr(segments, "shifts", lambda lines: [])
    words = "the table keeps its rows in order and prints them with a border around each cell".split()
    readme = ["# PrettyTable", ""]
    for k in range(12):
        readme += [f"## Part {k} of the tutorial", ""]
        for j in range(10):
            w = words[j % 7:] + words[: j % 7]
            readme.append(("- " if j % 4 == 0 else "  ") + " ".join(w) + f" ({k}.{j})")
        readme.append("")
    run = ["/venv/lib/python3.11/site-packages/_pytest/config/__init__.py:2489: PytestConfigWarning: unknown option",
           "  warnings.warn(", "", "=" * 30 + " ERRORS " + "=" * 30,
           "_" * 20 + " ERROR collecting tests/test_colortable.py " + "_" * 20,
           "ImportError while importing test module '/work/prettytable/tests/test_colortable.py'.", "Traceback:",
           "tests/test_colortable.py:5: in <module>", "    from prettytable import PrettyTable",
           "E   ModuleNotFoundError: No module named 'prettytable'",
           "=" * 20 + " short test summary info " + "=" * 20, "ERROR tests/test_colortable.py",
           "!" * 20 + " Interrupted: 1 error during collection " + "!" * 20, "1 warning, 1 error in 0.19s"]
    text = "\n".join(readme + run) + "\n"
    out = compress_text(text, "bash", CompressionSettings()).rendering.text or text
    kept = set(out.split("\n"))
    assert all(x in kept for x in readme)
    assert "E   ModuleNotFoundError: No module named 'prettytable'" in kept and run[-1] in kept


def test_an_error_behind_an_agents_frame_is_one() -> None:
    # A crash of a few KB is sent whole (a traceback is read top to bottom); so it is when Codex
    # frames it ("Exit code: 1 … Output:") or OpenCode's truncation header opens it.
    frames = ["Exit code: 1\nWall time: 0.4 seconds\nOutput:\n", "Exit code 1\n",
              "...output truncated...\n\nFull output saved to: /root/.local/share/opencode/tool-output/tool_2\n\n"]
    crash = "Traceback (most recent call last):\n" + "".join(
        f'  File "/app/pkg/mod{k}.py", line {k + 10}, in step_{k}\n    return step_{k + 1}(state, depth + 1)\n' for k in range(90)
    ) + "RecursionError: maximum recursion depth exceeded\n"
    assert 6144 < len(crash) < 16 * 1024
    assert compress_text(crash, "bash", CompressionSettings()).rendering.text is None
    for frame in frames:
        assert compress_text(frame + crash, "bash", CompressionSettings()).rendering.text is None, frame


def test_the_clean_up_sees_the_output_inside_a_frame() -> None:
    # A pretty-printed JSON document of 9 KB is made compact (under 6 KB) and sent whole; behind
    # Codex's frame or OpenCode's truncation header the frame had hidden it from the clean-up, and
    # the pretty form, over 6 KB, was cut. Framed, it is rendered as bare.
    doc = json.dumps({"name": "shop-api", "versions": {f"1.{k}.0": {"published": f"2026-0{k % 9 + 1}-01", "deps": k % 7}
                                                       for k in range(90)}, "latest": "1.89.0"}, indent=4)
    bare = compress_text(doc, "bash", CompressionSettings()).rendering.text
    assert bare is not None and len(doc) > 6144 > len(bare) and "headroom_retrieve" not in bare
    for frame in ("Exit code: 0\nWall time: 0.2 seconds\nOutput:\n",
                  "...output truncated...\n\nFull output saved to: /root/.local/share/opencode/tool-output/tool_3\n\n"):
        framed = compress_text(frame + doc, "bash", CompressionSettings()).rendering.text
        assert framed == frame + bare
