"""The Redis store (compress/redis_store.py) against a real redis-server: the SQLite store's contract,
retention by TTL, and fail-open behaviour through an outage."""

from __future__ import annotations

import json
import logging

import redis

from headroom_mitm.compress import CompressionSettings, Rendering, clear_memo, compress_request, open_store
from headroom_mitm.compress.redis_store import DEFAULT_PREFIX, RedisStore
from headroom_mitm.compress.store import retrieve_text
from tests.compress.support import LOG, chat_body


def test_open_store_picks_redis_for_a_redis_url(redis_server, tmp_path):
    store = open_store(redis_server.url)
    assert isinstance(store, RedisStore)
    store.close()
    assert not isinstance(open_store(tmp_path / "o.sqlite"), RedisStore)


def test_originals_round_trip_exactly_and_the_first_rendering_wins_across_instances(redis_server):
    a, b = RedisStore(redis_server.url), RedisStore(redis_server.url)
    try:
        odd = "é\udc80 lone surrogate\n" * 3
        rid = a.put(odd)
        assert b.get(rid) == odd and b.get("hr_0000000000000000") is None
        first = Rendering("short", ("log_output",), rid)
        assert a.put_rendering("k1", first) == first
        assert b.put_rendering("k1", Rendering("other", ("dedupe_lines",), None)) == first
        assert b.get_rendering("k1") == first
        assert b.put_rendering("k2", Rendering(None)) == Rendering(None) and a.get_rendering("k2") == Rendering(None)
        assert retrieve_text(b, rid, start_line=2, end_line=2) == "2: é\udc80 lone surrogate"
    finally:
        a.close()
        b.close()


def test_keys_carry_the_retention_and_an_original_is_renewed_when_stored_again(redis_server):
    store = RedisStore(redis_server.url, max_age_seconds=3600)
    raw = redis.Redis.from_url(redis_server.url)
    try:
        rid = store.put("the original\n" * 10)
        key = f"{DEFAULT_PREFIX}o:{rid}"
        assert 0 < raw.ttl(key) <= 3600
        store.put_rendering("k", Rendering("x", ("log_output",), rid))
        assert 0 < raw.ttl(f"{DEFAULT_PREFIX}r:k") <= 3600
        raw.expire(key, 5)
        store.put("the original\n" * 10)  # a new rendering pointing at it: it must outlive that one
        assert raw.ttl(key) > 3000
    finally:
        raw.close()
        store.close()


def _compress(store, text: str) -> str:
    body = chat_body(text)
    result = compress_request(body, api_format="openai-chat", content_encoding=None,
                              settings=CompressionSettings(), store=store)
    return json.loads(result.body)["messages"][2]["content"]


def test_an_outage_means_lossless_only_then_lossy_again_and_no_password_is_logged(tmp_path, caplog):
    from tests.redis_server import RedisServer

    (tmp_path / "r").mkdir()
    server = RedisServer(tmp_path / "r", password="s3cret-redis-PW").start()
    now = [1000.0]
    store = RedisStore(server.url, retry_after=30, clock=lambda: now[0])
    clear_memo()
    caplog.set_level(logging.WARNING)
    try:
        sent = _compress(store, LOG)
        rid = sent.split("headroom_retrieve id=")[1][:19]
        assert store.get(rid) == LOG  # lossy, and only once the original was stored

        server.stop()
        outage_log = LOG.replace("test_mod", "test_other")
        sent = _compress(store, outage_log)
        assert sent == outage_log and "headroom_retrieve" not in sent  # lossless only: never a dangling marker

        server.start()  # back, but the store waits out retry_after before asking again
        third = LOG.replace("test_mod", "test_third")
        assert _compress(store, third) == third
        now[0] += 31
        sent = _compress(store, LOG.replace("test_mod", "test_fourth"))
        rid = sent.split("headroom_retrieve id=")[1][:19]
        assert store.get(rid) == LOG.replace("test_mod", "test_fourth")

        messages = [r.getMessage() for r in caplog.records if "Redis store" in r.getMessage()]
        assert len(messages) == 2, messages  # one line when it went away, one when it came back
        assert "unreachable" in messages[0] and "losslessly" in messages[0] and "answers again" in messages[1]
        assert "s3cret-redis-PW" not in caplog.text and str(server.port) in messages[0]
    finally:
        store.close()
        server.stop()
        clear_memo()
