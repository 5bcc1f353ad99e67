"""Blind tunnels worth naming: much sent up, not a download, never loopback; bounded."""

from __future__ import annotations

import json
from pathlib import Path

from headroom_mitm.meter.blind import (
    NOTICE_UP_BYTES,
    OTHER_HOSTS,
    BlindLedger,
    format_blind,
    ledger_from_audit,
)
from headroom_mitm.meter.live import LiveStats


def test_uploads_are_named_downloads_and_small_talk_are_not() -> None:
    ledger = BlindLedger()
    for _ in range(3):
        ledger.add("llm.unlisted.example", 40_000, 6_000)  # prompts up, answers down
    ledger.add("github.com", 50_000, 5_000_000)  # a clone: mostly down
    ledger.add("telemetry.example", 2_000, 100)  # small
    ledger.add("127.0.0.1", 900_000, 1_000)  # loopback: never inspected anyway
    named = ledger.noteworthy()
    assert [h.host for h in named] == ["llm.unlisted.example"]
    assert (named[0].connections, named[0].up, named[0].down) == (3, 120_000, 18_000)
    text = format_blind(ledger.rows())
    assert text.count("\n") == 0 and "llm.unlisted.example received 117.2 KB" in text
    assert "3 blind tunnels" in text and "--llm-host llm.unlisted.example" in text


def test_the_threshold_is_the_upload_volume() -> None:
    ledger = BlindLedger()
    ledger.add("a.example", NOTICE_UP_BYTES - 1, 0)
    ledger.add("b.example", NOTICE_UP_BYTES, 0)
    assert [h.host for h in ledger.noteworthy()] == ["b.example"]


def test_the_ledger_is_bounded() -> None:
    ledger = BlindLedger(max_hosts=3)
    for n in range(10):
        ledger.add(f"h{n}.example", 100_000, 0)
    rows = ledger.rows()
    assert len(rows) == 4 and rows[0].host == OTHER_HOSTS and rows[0].connections == 7  # 3 hosts + the pool
    assert OTHER_HOSTS not in format_blind(rows)


def test_live_snapshot_lists_them_with_the_option_that_would_inspect_them() -> None:
    stats = LiveStats()
    stats.blind.add("llm.unlisted.example", 100_000, 1_000)
    assert stats.snapshot()["blind_tunnels"] == [{
        "host": "llm.unlisted.example", "connections": 1, "up": 100_000, "down": 1_000,
        "inspect_with": "--llm-host llm.unlisted.example",
    }]


def test_the_audit_trail_gives_the_same_ledger(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    lines = [
        {"kind": "tunnel", "status": 200, "host": "llm.unlisted.example", "bytes_up": 70_000, "bytes_down": 900,
         "time": "2026-01-02T00:00:00+00:00"},
        {"kind": "tunnel", "status": 200, "host": "old.example", "bytes_up": 70_000, "bytes_down": 0,
         "time": "2025-01-01T00:00:00+00:00"},
        {"kind": "tunnel", "status": 403, "host": "denied.example", "bytes_up": 0, "bytes_down": 0,
         "time": "2026-01-02T00:00:00+00:00"},
        {"kind": "request", "status": 200, "host": "api.openai.com", "bytes_up": 90_000, "bytes_down": 0,
         "time": "2026-01-02T00:00:00+00:00"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{truncated")
    from datetime import datetime, timezone

    ledger = ledger_from_audit(path, since=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert [(h.host, h.up) for h in ledger.rows()] == [("llm.unlisted.example", 70_000)]
    assert ledger_from_audit(tmp_path / "missing.jsonl").rows() == []
