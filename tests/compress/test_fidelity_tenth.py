"""Fidelity rules of issue #11's tenth pass, found on tuning items: each test names the rule,
holds for outputs never seen, and fails without it."""

from __future__ import annotations

import json

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lines import FAIL, severity
from headroom_mitm.compress.settings import CompressionSettings


def _out(text: str) -> str:
    out = compress_text(text, "bash", CompressionSettings()).rendering.text
    assert out is not None and len(out) < len(text)
    return out


def test_a_field_that_holds_nothing_names_no_failure() -> None:
    # A serializing logger writes every record's exception field, null when there is none: 300
    # records of `"exception": null` are no 300 failures to keep whole.
    records = []
    for k in range(300):
        level, exc = ("ERROR", "ZeroDivisionError: division by zero") if k == 211 else ("INFO", None)
        if k == 97:
            level = "WARNING"
        message = f"rate limited, reset_in={k % 60}s" if k == 97 else f"synced repo-{k} ({k * 7 % 400} objects)"
        records.append(json.dumps({
            "text": f"2026-11-30 18:28:{k % 60:02d}.{k:03d} | {level:<8} | sync:main:20 - {message}\n",
            "record": {"elapsed": {"seconds": k / 1000}, "exception": exc, "extra": {}, "level": {"name": level},
                       "file": {"name": "sync.py"}, "function": "main", "line": 20, "message": message},
        }))
    text = "\n".join(records) + "\n"
    kept = set(_out(text).split("\n"))
    assert records[211] in kept and records[97] in kept
    # The field's word still names a failure when it holds one, or when the line says so elsewhere.
    assert severity('{"exception": "KeyError: \'sku\'"}') == FAIL
    assert severity('{"exception": null, "msg": "payment failed"}') == FAIL
    assert severity("{'errors': [], 'failed': false, 'error': None}") is None


def test_the_same_list_under_another_failure_says_nothing_new() -> None:
    # go test's t.Errorf("...failed. got:\n%s\nwant:\n%s"): every stride printed the same wrong
    # dump. Each failure stays; the dump is shown under the first and left out under the others.
    got = ["        00000000  1d 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2e  |.. !\"#$%&'()*+,-|",
           "        00000010  2d 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3e  |./0123456789:;<=|"]
    want = ["        00000000  1e 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2d  |.. !\"#$%&'()*+,-|",
            "        00000010  2e 2f 30 31 32 33 34 35  36 37 38 39 3a 3b 3c 3d  |./0123456789:;<=|"]
    lines = [f"ok  \texample.org/pkg{k}\t0.0{k}s" for k in range(8)] + ["--- FAIL: TestDumper (0.00s)"]
    failures = [f"    hex_test.go:185: stride: {k} failed. got:" for k in range(1, 61)]
    for failure in failures:
        lines += [failure, *got, "        ", "        want:", *want]
    lines += ["FAIL", "FAIL\texample.org/hex\t0.021s", "FAIL"]
    out = _out("\n".join(lines) + "\n").split("\n")
    assert all(f in out for f in failures) and got[0] in out
    assert out.count(got[0]) < 10
