"""FlowRecord round-trips, RecordWriter/read_records, AttemptTracker, --since parsing, stats
aggregation and formatting, and pricing from a small models.dev-format fixture."""

from __future__ import annotations

import json
import os
import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from headroom_mitm.meter.pricing import (
    ModelPrice,
    Prices,
    default_models_path,
    input_rate,
    load_prices,
    saved_dollars,
)
from headroom_mitm.meter.records import (
    AttemptTracker,
    FlowRecord,
    RecordWriter,
    attempt_key,
    client_from_headers,
    parse_since,
    read_records,
    scrub,
    session_from_headers,
)
from headroom_mitm.meter.stats import Row, format_session_summary, format_table, summarize, total
from headroom_mitm.meter.usage import ESTIMATOR

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def rec(**kw: object) -> FlowRecord:
    base: dict[str, object] = dict(
        time=T0, session="ses_a", client="opencode/1.18.33", provider="anthropic", host="api.anthropic.com",
        api_format="anthropic-messages", model="claude-sonnet-4-20250514", stream=True, status=200,
        request_bytes_before=40_000, request_bytes_after=24_000, est_tokens_before=10_000, est_tokens_after=6_000,
        input_tokens=12_000, output_tokens=500, cache_read_tokens=6_000, cache_write_tokens=1_000,
        ttfb_ms=350.5, total_ms=2100.0, addon_ms=4.2, transforms={"log_dedupe": 2},
    )
    base.update(kw)
    return FlowRecord.from_json(base)


# -- records --------------------------------------------------------------------------------------

def test_record_round_trip_through_writer(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "flows.jsonl"
    records = [rec(), rec(attempt=2, error="upstream 529"), rec(input_tokens=None, model=None, transforms={})]
    with RecordWriter(path) as writer:
        for r in records:
            assert writer.write(r)
    assert list(read_records(path)) == records
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    lines = path.read_text().splitlines()
    assert len(lines) == 3 and all(json.loads(line)["v"] == 1 for line in lines)
    assert json.loads(lines[0])["time"] == "2025-03-01T12:00:00Z"
    assert json.loads(lines[0])["estimator"] == ESTIMATOR


def test_writer_tightens_existing_file_and_appends(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    path.write_text(rec().to_line())
    os.chmod(path, 0o644)
    with RecordWriter(path) as writer:
        writer.write(rec(session="ses_b"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [r.session for r in read_records(path)] == ["ses_a", "ses_b"]


def test_writer_flushes_each_record_before_close(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    writer = RecordWriter(path)
    writer.write(rec())
    assert len(list(read_records(path))) == 1  # visible while still open
    writer.close()
    writer.close()


def test_writer_failure_does_not_raise(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    writer = RecordWriter(blocker / "flows.jsonl")  # parent is a file: cannot be created
    assert writer.write(rec()) is False
    assert writer.last_error


def test_writer_is_thread_safe(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    writer = RecordWriter(path)
    big = {f"t{i}": i for i in range(200)}  # long lines make interleaving visible if it happened

    def work(n: int) -> None:
        for i in range(100):
            writer.write(rec(session=f"ses_{n}", attempt=i + 1, transforms=big))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.close()
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b""
    assert all(json.loads(line) for line in lines[:-1])
    got = list(read_records(path))
    assert len(got) == 800
    assert {(r.session, r.attempt) for r in got} == {(f"ses_{n}", i + 1) for n in range(8) for i in range(100)}


def test_read_tolerates_truncated_last_line_and_junk(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    full = rec().to_line()
    path.write_text(full + "not json\n" + "[1,2]\n" + '{"time": "garbage"}\n' + full + full[: len(full) // 2])
    assert len(list(read_records(path))) == 2


def test_read_directory_and_since(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(rec(time=T0 - timedelta(days=3)).to_line())
    (tmp_path / "b.jsonl").write_text(rec(time=T0).to_line() + rec(time=T0 + timedelta(hours=1)).to_line())
    (tmp_path / "ignored.txt").write_text(rec().to_line())
    assert len(list(read_records(tmp_path))) == 3
    assert len(list(read_records(tmp_path, since=T0))) == 2
    assert len(list(read_records(tmp_path, since="2025-03-01T12:30:00Z"))) == 1
    assert list(read_records(tmp_path / "missing.jsonl")) == []


def test_naive_time_is_utc_and_extra_fields_are_dropped() -> None:
    r = FlowRecord.from_json({"time": "2025-03-01T12:00:00", "host": "h", "authorization": "Bearer sk-secretsecretsecret"})
    assert r.time == T0
    assert "authorization" not in r.to_line() and "secret" not in r.to_line()
    assert FlowRecord(time=datetime(2025, 3, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))).time == T0


def test_secrets_are_scrubbed_from_free_text() -> None:
    r = rec(
        error="401 Unauthorized for Authorization: Bearer abcdefghijklmnopqrstuvwx",
        client="tool sk-ant-api03-abcdefghijklmnopqrstuvwxyz",
        session="AIzaSyA1234567890abcdefghijklmnopqrstuv",
    )
    line = r.to_line()
    for secret in ("abcdefghijklmnopqrstuvwx", "sk-ant-api03", "AIzaSyA12345"):
        assert secret not in line
    assert "401 Unauthorized" in (r.error or "")
    assert scrub("x" * 1000) == "x" * 300
    assert scrub(None) is None
    assert scrub("ses_01JABCDEFGHIJKLMNOP") == "ses_01JABCDEFGHIJKLMNOP"  # session ids are kept


def test_header_helpers() -> None:
    h = {"X-Session-Affinity": "ses_aff", "x-session-id": "ses_id", "User-Agent": "opencode/1.18.33 ai-sdk/x"}
    assert session_from_headers(h) == "ses_aff"
    assert session_from_headers({"x-session-id": "ses_id"}) == "ses_id"
    assert session_from_headers({}) is None
    assert client_from_headers(h) == "opencode/1.18.33 ai-sdk/x"


# -- attempts -------------------------------------------------------------------------------------

def test_attempt_tracker_counts_retries() -> None:
    t = AttemptTracker()
    k = attempt_key("api.anthropic.com", "/v1/messages", b'{"a":1}')
    assert [t.attempt(k, now=0), t.attempt(k, now=1), t.attempt(k, now=2)] == [1, 2, 3]
    assert t.attempt(attempt_key("api.anthropic.com", "/v1/messages", b'{"a":2}'), now=3) == 1
    assert t.attempt(attempt_key("api.openai.com", "/v1/messages", b'{"a":1}'), now=3) == 1
    assert t.attempt(b"raw body", now=4) == 1 and t.attempt(b"raw body", now=5) == 2


def test_attempt_key_depends_on_each_part() -> None:
    keys = {attempt_key("h", "/p", b"b"), attempt_key("h2", "/p", b"b"), attempt_key("h", "/p2", b"b"),
            attempt_key("h", "/p", b"b2"), attempt_key("h/", "p", b"b")}
    assert len(keys) == 5
    assert attempt_key("h", "/p", b"b") == attempt_key("h", "/p", bytearray(b"b"))


def test_attempt_tracker_is_bounded_lru() -> None:
    t = AttemptTracker(max_entries=2)
    t.attempt("a", now=0)
    t.attempt("b", now=0)
    t.attempt("a", now=0)  # a is now most recent
    t.attempt("c", now=0)  # evicts b
    assert len(t) == 2
    assert t.attempt("a", now=0) == 3
    assert t.attempt("b", now=0) == 1


def test_attempt_tracker_window() -> None:
    t = AttemptTracker(window_s=60)
    assert t.attempt("k", now=0) == 1
    assert t.attempt("k", now=59) == 2
    assert t.attempt("k", now=59 + 61) == 1  # long after: a new call, not a retry


def test_attempt_tracker_threads() -> None:
    t = AttemptTracker()
    seen: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(200):
            n = t.attempt("same")
            with lock:
                seen.append(n)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(seen) == list(range(1, 801))


# -- since ----------------------------------------------------------------------------------------

NOW = datetime(2025, 3, 10, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", NOW - timedelta(hours=2)),
        ("7d", NOW - timedelta(days=7)),
        ("30m", NOW - timedelta(minutes=30)),
        ("15min", NOW - timedelta(minutes=15)),
        ("90s", NOW - timedelta(seconds=90)),
        ("1w", NOW - timedelta(weeks=1)),
        ("1.5h", NOW - timedelta(minutes=90)),
        (" 2H ", NOW - timedelta(hours=2)),
        ("today", datetime(2025, 3, 10, tzinfo=timezone.utc)),
        ("2025-01-31", datetime(2025, 1, 31, tzinfo=timezone.utc)),
        ("2025-01-31T12:00", datetime(2025, 1, 31, 12, tzinfo=timezone.utc)),
        ("2025-01-31T12:00:00Z", datetime(2025, 1, 31, 12, tzinfo=timezone.utc)),
        ("2025-01-31T14:00:00+02:00", datetime(2025, 1, 31, 12, tzinfo=timezone.utc)),
    ],
)
def test_parse_since(text: str, expected: datetime) -> None:
    got = parse_since(text, now=NOW)
    assert got == expected
    assert got is not None and got.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["", "yesterday-ish", "2x", "-2h", "2025-13-01", "h2"])
def test_parse_since_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_since(text, now=NOW)


def test_parse_since_none_and_datetime() -> None:
    assert parse_since(None) is None
    assert parse_since(datetime(2025, 1, 1)) == datetime(2025, 1, 1, tzinfo=timezone.utc)


# -- stats ----------------------------------------------------------------------------------------

def sample() -> list[FlowRecord]:
    day2 = T0 + timedelta(days=1)
    return [
        rec(),  # anthropic, ses_a, day1: 10000 -> 6000
        rec(attempt=2, status=529, error="overloaded"),  # retry: counts, saves nothing
        rec(provider="openai", host="api.openai.com", model="gpt-4o", session="ses_b", time=day2,
            est_tokens_before=2000, est_tokens_after=2000, input_tokens=2100, output_tokens=50,
            cache_read_tokens=1024, cache_write_tokens=0),
        rec(provider="openai", host="api.openai.com", model="gpt-4o", session="ses_b", time=day2,
            est_tokens_before=3000, est_tokens_after=1000, input_tokens=None, output_tokens=None,
            cache_read_tokens=None, cache_write_tokens=None, status=None, error="stream cut"),
    ]


def test_summarize_total() -> None:
    (row,) = summarize(sample())
    assert row.key == "total"
    assert (row.requests, row.retries, row.errors, row.reported) == (4, 1, 2, 3)
    assert (row.est_tokens_before, row.est_tokens_after) == (15_000, 9_000)  # the retry is not counted again
    assert row.saved_pct == pytest.approx(40.0)
    assert row.input_tokens == 12_000 * 2 + 2100  # the retry was billed
    assert row.output_tokens == 1050
    assert row.cache_read_tokens == 6000 * 2 + 1024
    assert row.cache_write_tokens == 2000
    assert row.cache_read_share == pytest.approx(13_024 / 26_100)
    assert row.dollars_saved is None and row.unpriced == 2


def test_summarize_empty() -> None:
    (row,) = summarize([])
    assert row.requests == 0 and row.saved_pct is None and row.cache_read_share is None
    assert summarize([], by="model") == []


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("provider", {"anthropic": (2, 10_000, 6_000), "openai": (2, 5_000, 3_000)}),
        ("model", {"claude-sonnet-4-20250514": (2, 10_000, 6_000), "gpt-4o": (2, 5_000, 3_000)}),
        ("session", {"ses_a": (2, 10_000, 6_000), "ses_b": (2, 5_000, 3_000)}),
        ("day", {"2025-03-01": (2, 10_000, 6_000), "2025-03-02": (2, 5_000, 3_000)}),
    ],
)
def test_summarize_by_key(by: str, expected: dict[str, tuple[int, int, int]]) -> None:
    rows = summarize(sample(), by=by)  # type: ignore[arg-type]
    assert {r.key: (r.requests, r.est_tokens_before, r.est_tokens_after) for r in rows} == expected
    assert total(rows).requests == 4


def test_summarize_ordering_and_missing_key() -> None:
    recs = sample() + [rec(provider=None, model=None, time=T0 - timedelta(days=5))]
    days = [r.key for r in summarize(recs, by="day")]
    assert days == sorted(days) and days[0] == "2025-02-24"
    providers = [r.key for r in summarize(recs, by="provider")]
    assert providers == ["anthropic", "openai", "-"]  # most requests first, ties by name
    with pytest.raises(ValueError):
        summarize(recs, by="host")  # type: ignore[arg-type]


def test_format_table_is_aligned() -> None:
    table = format_table(summarize(sample(), by="provider"), key_header="provider")
    lines = table.splitlines()
    assert lines[0].split() == ["provider", "requests", "retries", "est.before", "est.after", "saved", "input",
                                "output", "cache.read", "cache.write", "cache%", "$saved"]
    assert len({len(line) for line in lines}) == 1  # every line as wide: columns line up
    assert lines[-1].startswith("total")
    assert "10,000" in table and "40.0%" in table
    # right-aligned numbers end at the same column as their header
    end = lines[0].index("requests") + len("requests")
    assert all(line[end - 1] != " " for line in lines[2:] if not set(line) <= {"-", " "})
    assert not format_table([Row(key="only")]).splitlines()[-1].startswith("total")


def test_format_session_summary() -> None:
    text = format_session_summary(summarize(sample(), by="provider"))
    lines = text.splitlines()
    assert 3 <= len(lines) <= 5 and all(line.startswith("headroom: ") for line in lines)
    assert "4 LLM requests (1 retry, 2 errors)" in text
    assert "15,000 -> 9,000" in text and "40.0%" in text
    assert "input 26,100" in text and "49.9%" in text and "output 1,050" in text
    assert "$" not in text  # no prices, no dollar figure
    text.encode("ascii")
    assert "provider-reported usage: none" in format_session_summary(Row())


# -- pricing --------------------------------------------------------------------------------------

MODELS_JSON = {
    "anthropic": {"id": "anthropic", "name": "Anthropic", "models": {
        "claude-sonnet-4-20250514": {"id": "claude-sonnet-4-20250514", "name": "Claude Sonnet 4",
                                     "cost": {"input": 3, "output": 15, "cache_read": 0.3, "cache_write": 3.75}},
        "claude-free": {"id": "claude-free", "cost": {"input": 0, "output": 0}},
        "claude-nocost": {"id": "claude-nocost", "name": "no cost block"},
    }},
    "openai": {"id": "openai", "models": {
        "gpt-4o": {"id": "gpt-4o", "cost": {"input": 2.5, "output": 10, "cache_read": 1.25}},
    }},
    "openrouter": {"id": "openrouter", "models": {
        "openai/gpt-4o": {"id": "openai/gpt-4o", "cost": {"input": 2.5, "output": 10, "cache_read": 1.25}},
        "shared-model": {"cost": {"input": 1, "output": 2}},
    }},
    "google": {"id": "google", "models": {
        "gemini-2.5-flash": {"cost": {"input": 0.3, "output": 2.5, "cache_read": 0.075}},
        "shared-model": {"cost": {"input": 5, "output": 6}},
    }},
    "broken": "not a provider",
}


@pytest.fixture
def prices(tmp_path: Path) -> Prices:
    path = tmp_path / "models.json"
    path.write_text(json.dumps(MODELS_JSON))
    got = load_prices(path)
    assert got is not None
    return got


def test_load_prices_and_lookup(prices: Prices) -> None:
    sonnet = ModelPrice(3.0, 15.0, 0.3, 3.75)
    assert prices.lookup("anthropic", "claude-sonnet-4-20250514") == sonnet
    assert prices.lookup(None, "claude-sonnet-4-20250514") == sonnet  # unique across providers
    assert prices.lookup("openai", "gpt-4o-2024-08-06") == ModelPrice(2.5, 10.0, 1.25, None)  # dated variant
    assert prices.lookup("google", "models/gemini-2.5-flash") == ModelPrice(0.3, 2.5, 0.075, None)
    assert prices.lookup("openrouter", "openai/gpt-4o") == ModelPrice(2.5, 10.0, 1.25, None)
    assert prices.lookup("anthropic", "claude-free") == ModelPrice(0.0, 0.0)
    assert prices.lookup("google", "shared-model") == ModelPrice(5.0, 6.0)  # the provider's own entry wins
    assert prices.lookup("elsewhere", "shared-model") is None  # two prices elsewhere: ambiguous
    assert prices.lookup("anthropic", "claude-nocost") is None
    assert prices.lookup("anthropic", "unknown-model") is None
    assert prices.lookup("anthropic", None) is None


@pytest.mark.parametrize("content", [None, "", "{not json", "[]", '{"p": {"models": {"m": {"cost": {"input": "3"}}}}}'])
def test_load_prices_none_without_usable_file(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "models.json"
    if content is not None:
        path.write_text(content)
    assert load_prices(path) is None


def test_default_models_path(tmp_path: Path) -> None:
    assert default_models_path({"XDG_CACHE_HOME": "/x/cache"}) == Path("/x/cache/opencode/models.json")
    assert default_models_path({"HOME": "/home/u"}) == Path("/home/u/.cache/opencode/models.json")
    assert default_models_path({"OPENCODE_MODELS_PATH": "/m.json", "XDG_CACHE_HOME": "/x"}) == Path("/m.json")


def test_load_prices_default_path_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENCODE_MODELS_PATH", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert load_prices() is None
    (tmp_path / "opencode").mkdir()
    (tmp_path / "opencode" / "models.json").write_text(json.dumps(MODELS_JSON))
    got = load_prices()
    assert got is not None and got.lookup("openai", "gpt-4o") is not None


def test_saved_dollars(prices: Prices) -> None:
    # Provider counted 12,000 prompt tokens for a body we estimated at 6,000: our 4,000 saved
    # estimated tokens are 8,000 provider tokens. Billed mix: 5,000 plain, 6,000 read, 1,000 written.
    r = rec()
    rate = (5000 * 3 + 6000 * 0.3 + 1000 * 3.75) / 12000
    assert input_rate(prices.lookup("anthropic", r.model), r) == pytest.approx(rate)  # type: ignore[arg-type]
    assert saved_dollars(r, prices) == pytest.approx(8000 * rate / 1e6)
    # no provider usage: estimated tokens at the plain input price
    bare = rec(input_tokens=None, cache_read_tokens=None, cache_write_tokens=None)
    assert saved_dollars(bare, prices) == pytest.approx(4000 * 3 / 1e6)
    assert saved_dollars(rec(attempt=2), prices) == 0.0
    assert saved_dollars(rec(est_tokens_after=12_000), prices) == 0.0  # grew: no negative saving
    assert saved_dollars(rec(model="unknown"), prices) is None
    assert saved_dollars(r, None) is None


def test_stats_with_prices(prices: Prices) -> None:
    (row,) = summarize(sample(), prices=prices)
    expected = saved_dollars(rec(), prices) + 2000 * 2.5 / 1e6  # type: ignore[operator]  # gpt-4o: 0 saved + 2000 saved
    assert row.dollars_saved == pytest.approx(expected)
    assert row.unpriced == 0
    text = format_session_summary(row)
    assert "saved ~$" in text
    table = format_table(summarize(sample(), by="model", prices=prices)).splitlines()
    assert table[2].startswith("claude-sonnet-4-20250514") and table[2].endswith("$0.01")  # 0.0137
    assert table[3].startswith("gpt-4o") and table[3].endswith("$0.0050")  # under a cent: 4 decimals
    assert table[-1].endswith("$0.02")
    mixed = summarize(sample() + [rec(model="mystery")], prices=prices)[0]
    assert mixed.unpriced == 1
    assert "1 request without a known price" in format_session_summary(mixed)


def test_attempt_key_is_the_process_keyed_hash() -> None:
    # SipHash with this process's key: cheaper than SHA-256 on a whole body, never stored or shown.
    assert attempt_key("h", "/p", b"b") == hash(("h", "/p", b"b"))


def test_a_record_line_is_encoded_without_building_an_encoder(monkeypatch) -> None:
    line = FlowRecord(host="h", session="ses_1").to_line()
    monkeypatch.setattr(json, "dumps", lambda *a, **k: (_ for _ in ()).throw(AssertionError("new encoder")))
    assert FlowRecord.from_json(json.loads(line)).to_line() == line and line.endswith("}\n") and ", " not in line
