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
    assert documents.looks_like_code_or_prose(prose * 3 + "".join(f"Then {k} more words of a paragraph follow here, one sentence after another one.\n" for k in range(12)))


def test_each_kind_of_lines_keeps_its_slowest_and_fastest() -> None:
    # The total ("in 5s") is the whole text's greatest duration and the cache hits (0ms) its least:
    # the slowest fetch (97ms) and the fastest stay beside them.
    text, lines = _npm_install_log()
    kept = set(_out(text).split("\n"))
    fetch = [x for x in lines if " fetch " in x]
    assert fetch[41] in kept
    assert any(x in kept for x in fetch if " 15ms " in x)
    assert "added 90 packages, and audited 91 packages in 5s" in kept
