"""Fidelity rules of issue #11's ninth pass, found on tuning items: each test names the rule,
holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress import documents
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings


def _out(text: str) -> str:
    out = compress_text(text, "bash", CompressionSettings()).rendering.text
    assert out is not None and len(out) < len(text)
    return out


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
    kept = set(_out(text).split("\n"))
    assert all(x in kept for x in must + ["# fail 1"])
    # Comments of two dashes still open code lines.
    assert documents.CODE_START.match("-- the orders of a customer")
    assert not documents.CODE_START.match("--- PASS: TestReader (0.02s)")
