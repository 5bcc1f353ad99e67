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
