"""Size-based rotation of the flow records (RecordWriter), the shared rotated-name helper, and
reading (read_records, stats) across rotated files, oldest first."""

from __future__ import annotations

import json
import logging
import os
import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from mitmproxy import exceptions
from mitmproxy.test import taddons

from headroom_mitm.audit import trail as audit
from headroom_mitm.meter.hook import Meter
from headroom_mitm.meter.records import DEFAULT_KEEP, DEFAULT_MAX_BYTES, FlowRecord, RecordWriter, read_records, record_files
from headroom_mitm.rotation import rotated_files, rotated_name, with_rotated
from headroom_mitm.meter.stats import summarize

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def rec(n: int, **kw: object) -> FlowRecord:
    base: dict[str, object] = dict(
        time=T0 + timedelta(seconds=n), session=f"ses_{n}", provider="anthropic", model="claude-x",
        host="api.anthropic.com", est_tokens_before=100, est_tokens_after=60, input_tokens=1000 + n,
        output_tokens=10, cache_read_tokens=500, cache_write_tokens=5,
    )
    base.update(kw)
    return FlowRecord.from_json(base)


LINE = len(rec(0).to_line().encode())  # every rec(n) line for n < 10 has this length


def write_all(writer: RecordWriter, records: list[FlowRecord]) -> None:
    for r in records:
        assert writer.write(r), writer.last_error


# -- the shared naming helper ---------------------------------------------------------------------

def test_rotated_names_sort_after_existing_ones_even_when_the_clock_steps_back(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    first = rotated_name(path, T0)
    assert first.name == "flows.jsonl.20250301T120000.000000Z"
    first.touch()
    earlier = rotated_name(path, T0 - timedelta(days=1))  # the clock stepped back
    assert earlier.name == "flows.jsonl.20250301T120000.000000Z-1"
    earlier.touch()
    path.touch()
    (tmp_path / "flows.jsonl.lock").touch()
    (tmp_path / "other.jsonl.20240101T000000.000000Z").touch()
    assert with_rotated(path) == [first, earlier, path]
    assert audit.rotated_files is rotated_files  # the audit trail names its files the same way


# -- rotation -------------------------------------------------------------------------------------

def test_rotates_before_a_record_would_pass_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    records = [rec(n) for n in range(7)]
    with RecordWriter(path, max_bytes=3 * LINE, keep=10) as writer:
        write_all(writer, records)
    rotated = rotated_files(path)
    assert [len(read_lines(f)) for f in rotated + [path]] == [3, 3, 1]
    assert all(f.stat().st_size <= 3 * LINE for f in rotated + [path])
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in rotated + [path])
    assert list(read_records(path)) == records  # oldest file first, nothing lost or repeated


def read_lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def test_a_record_larger_than_the_limit_still_gets_written(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    big = rec(1, transforms={f"t{i}": i for i in range(100)})
    with RecordWriter(path, max_bytes=LINE // 2, keep=10) as writer:
        write_all(writer, [big, rec(2)])
    assert [len(read_lines(f)) for f in with_rotated(path)] == [1, 1]  # never an empty rotated file
    assert list(read_records(path)) == [big, rec(2)]


def test_keeps_only_the_newest_rotated_files(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    records = [rec(n) for n in range(10)]
    with RecordWriter(path, max_bytes=2 * LINE, keep=2) as writer:
        write_all(writer, records)
    assert len(rotated_files(path)) == 2
    assert list(read_records(path)) == records[-6:]  # two full rotated files + the active one


def test_keep_zero_leaves_only_the_active_file(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    with RecordWriter(path, max_bytes=2 * LINE, keep=0) as writer:
        write_all(writer, [rec(n) for n in range(5)])
    assert rotated_files(path) == [] and list(read_records(path)) == [rec(4)]


@pytest.mark.parametrize("max_bytes", [None, 0])
def test_no_limit_never_rotates(tmp_path: Path, max_bytes: int | None) -> None:
    path = tmp_path / "flows.jsonl"
    with RecordWriter(path, max_bytes=max_bytes) as writer:
        write_all(writer, [rec(n) for n in range(5)])
    assert rotated_files(path) == [] and len(read_lines(path)) == 5


def test_defaults_and_bad_settings(tmp_path: Path) -> None:
    writer = RecordWriter(tmp_path / "flows.jsonl")
    assert (writer.max_bytes, writer.keep) == (DEFAULT_MAX_BYTES, DEFAULT_KEEP) == (64 << 20, 4)
    for bad in ({"max_bytes": -1}, {"keep": -1}):
        with pytest.raises(ValueError):
            RecordWriter(tmp_path / "flows.jsonl", **bad)


def test_follows_a_rotation_by_another_writer(tmp_path: Path) -> None:
    """Two writers on one file (two proxies sharing a state dir): the full file is renamed once,
    each writer moves on to the new file, and no record is lost or lands in a pruned file."""
    path = tmp_path / "flows.jsonl"
    records = [rec(n % 10, session=f"ses_{n:02d}") for n in range(22)]
    line = len(records[0].to_line())  # all the same length
    a = RecordWriter(path, max_bytes=4 * line, keep=100)
    b = RecordWriter(path, max_bytes=4 * line, keep=100)
    for n, r in enumerate(records):
        assert (a if n % 2 else b).write(r)
    a.close()
    b.close()
    files = with_rotated(path)
    assert [len(read_lines(f)) for f in files] == [4, 4, 4, 4, 4, 2]
    assert [r.session for r in read_records(path)] == [r.session for r in records]


def test_concurrent_writers_lose_nothing_across_rotations(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    writers = [RecordWriter(path, max_bytes=5_000, keep=1000) for _ in range(4)]

    def work(w: int) -> None:
        for i in range(100):
            writers[w].write(rec(i % 10, session=f"ses_{w}_{i}"))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(len(writers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in writers:
        w.close()
    files = with_rotated(path)
    assert len(files) > 10
    for f in files:
        lines = read_lines(f)
        assert lines and all(json.loads(line) for line in lines)  # no empty file, no torn line
    got = [r.session for r in read_records(path)]
    assert sorted(got) == sorted(f"ses_{w}_{i}" for w in range(4) for i in range(100))


def test_a_removed_file_is_recreated(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    with RecordWriter(path) as writer:
        write_all(writer, [rec(1)])
        path.unlink()  # someone cleaned up while the proxy runs
        write_all(writer, [rec(2)])
    assert list(read_records(path)) == [rec(2)]


def test_a_failed_rotation_keeps_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "flows.jsonl"
    writer = RecordWriter(path, max_bytes=LINE, keep=10)
    write_all(writer, [rec(1)])

    def refuse(*args: object) -> None:
        raise PermissionError("read-only directory")

    monkeypatch.setattr(os, "rename", refuse)
    with caplog.at_level(logging.WARNING, logger="headroom_mitm.meter.records"):
        assert writer.write(rec(2)) and writer.write(rec(3))  # over the limit, cannot rotate: appended all the same
    assert writer.last_error and "rotation failed" in writer.last_error
    assert len([r for r in caplog.records if "rotation failed" in r.getMessage()]) == 1  # said once
    monkeypatch.undo()
    write_all(writer, [rec(4)])  # rotation works again
    writer.close()
    assert [len(read_lines(f)) for f in with_rotated(path)] == [3, 1]
    assert list(read_records(path)) == [rec(1), rec(2), rec(3), rec(4)]


# -- reading across rotated files -----------------------------------------------------------------

def test_stats_totals_do_not_drop_at_rotation(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    records = [rec(n) for n in range(9)]
    with RecordWriter(path, max_bytes=10 * LINE) as writer:
        write_all(writer, records[:5])
        before = summarize(read_records(path))[0]
        writer.max_bytes = 2 * LINE  # force rotations from here on
        write_all(writer, records[5:])
    assert len(rotated_files(path)) >= 2
    after = summarize(read_records(path))[0]
    assert before.requests == 5 and after.requests == 9
    assert after.input_tokens == sum(r.input_tokens or 0 for r in records)
    assert after.est_tokens_before - after.est_tokens_after == 9 * 40


def test_since_skips_rotated_files_written_before_it(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    old = path.with_name("flows.jsonl.20250101T000000.000000Z")
    mid = path.with_name("flows.jsonl.20250201T000000.000000Z")
    old.write_text(rec(0, time=T0 - timedelta(days=60)).to_line())
    mid.write_text(rec(1, time=T0 - timedelta(hours=1)).to_line())
    path.write_text(rec(2).to_line())
    stamp = (T0 - timedelta(days=60)).timestamp()
    os.utime(old, (stamp, stamp))  # last written long ago
    os.utime(mid, (T0.timestamp(), T0.timestamp()))
    cutoff = T0 - timedelta(days=1)
    assert record_files(path) == [old, mid, path]
    assert record_files(path, cutoff) == [mid, path]
    assert [r.session for r in read_records(path, since=cutoff)] == ["ses_1", "ses_2"]
    assert [r.session for r in read_records(path)] == ["ses_0", "ses_1", "ses_2"]


def test_directory_reads_take_each_files_rotated_predecessors(tmp_path: Path) -> None:
    with RecordWriter(tmp_path / "flows.jsonl", max_bytes=2 * LINE) as writer:
        write_all(writer, [rec(n) for n in range(5)])
    (tmp_path / "other.jsonl").write_text(rec(9).to_line())
    assert [r.session for r in read_records(tmp_path)] == ["ses_0", "ses_1", "ses_2", "ses_3", "ses_4", "ses_9"]


def test_only_rotated_files_left_are_still_read(tmp_path: Path) -> None:
    path = tmp_path / "flows.jsonl"
    with RecordWriter(path, max_bytes=LINE) as writer:
        write_all(writer, [rec(1), rec(2)])
    path.unlink()
    assert list(read_records(path)) == [rec(1)]


# -- the addon's options --------------------------------------------------------------------------

def test_meter_options_configure_rotation(tmp_path: Path) -> None:
    meter = Meter()
    with taddons.context(meter) as tctx:
        tctx.configure(meter, headroom_records=str(tmp_path / "flows.jsonl"))
        assert (meter.writer.max_bytes, meter.writer.keep) == (DEFAULT_MAX_BYTES, DEFAULT_KEEP)
        tctx.configure(meter, headroom_records_max_bytes=1000, headroom_records_keep=3)
        assert (meter.writer.max_bytes, meter.writer.keep) == (1000, 3)
        tctx.configure(meter, headroom_records_max_bytes=0)
        assert meter.writer.max_bytes is None
        for bad in ({"headroom_records_keep": -1}, {"headroom_records_max_bytes": -5}):
            with pytest.raises(exceptions.OptionsError):
                tctx.configure(meter, **bad)
